//! The Kazakh and Russian versions of a call's title, description and lot titles
//! (CFP-08), next to the authentic English text.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use serde::Serialize;

use super::conflict_back;
use crate::domain::access::Action;
use crate::domain::calls::CallStatus;
use crate::domain::text::Texts;
use crate::domain::FieldError;
use crate::error::{AppError, AppResult};
use crate::services::calls::{self, CallDetail, CallTranslations};
use crate::web::page::Page;

/// A section or sub-criterion title of a grid, with its translations as typed.
#[derive(Serialize)]
struct GridTitleView {
    grid: &'static str,
    code: String,
    title: String,
    /// A section (not a sub-criterion): shown as a heading row.
    section: bool,
    kk: String,
    ru: String,
}

fn grid_title_views(d: &CallDetail, input: &CallTranslations) -> Vec<GridTitleView> {
    let mut out = Vec::new();
    for (name, grid) in [
        ("concept", &d.call.concept_grid),
        ("full", &d.call.full_grid),
    ] {
        let typed = |code: &str| {
            input
                .grid_titles
                .iter()
                .find(|(g, c, _)| g == name && c == code)
                .map(|(_, _, t)| (t.kk.clone(), t.ru.clone()))
                .unwrap_or_default()
        };
        for s in &grid.sections {
            let (kk, ru) = typed(&s.code);
            out.push(GridTitleView {
                grid: name,
                code: s.code.clone(),
                title: s.title.clone(),
                section: true,
                kk,
                ru,
            });
            for c in &s.criteria {
                let (kk, ru) = typed(&c.code);
                out.push(GridTitleView {
                    grid: name,
                    code: c.code.clone(),
                    title: c.title.clone(),
                    section: false,
                    kk,
                    ru,
                });
            }
        }
    }
    out
}

#[derive(Serialize)]
struct LotTranslationView {
    id: String,
    number: i32,
    title: String,
    kk: String,
    ru: String,
}

fn render(
    page: &Page,
    status: StatusCode,
    d: &CallDetail,
    input: &CallTranslations,
    errors: &[FieldError],
) -> AppResult<HttpResponse> {
    let c = &d.call;
    let mut ctx = tera::Context::new();
    ctx.insert("call_id", &c.row.id);
    ctx.insert("reference", &c.row.reference);
    ctx.insert("title_en", &c.row.title);
    ctx.insert("description_en", &c.row.description);
    ctx.insert("title", &input.title);
    ctx.insert("description", &input.description);
    ctx.insert("is_published", &(c.status == CallStatus::Published));
    ctx.insert(
        "lots",
        &d.lots
            .iter()
            .map(|l| {
                let typed = input.lot_titles.iter().find(|(id, _)| id == &l.id);
                LotTranslationView {
                    id: l.id.clone(),
                    number: l.number,
                    title: l.title.clone(),
                    kk: typed.map(|(_, t)| t.kk.clone()).unwrap_or_default(),
                    ru: typed.map(|(_, t)| t.ru.clone()).unwrap_or_default(),
                }
            })
            .collect::<Vec<_>>(),
    );
    ctx.insert("grid_titles", &grid_title_views(d, input));
    page.show_errors(&mut ctx, errors);
    page.render_status(status, "manage/translations.html", ctx)
}

pub async fn translations_form(page: Page, path: web::Path<String>) -> AppResult<HttpResponse> {
    page.actor().require(Action::ManageCalls)?;
    let d = calls::staff_detail(&page.state, &page.actor(), path.into_inner()).await?;
    let r = &d.call.row;
    let stored = CallTranslations {
        title: Texts {
            en: String::new(),
            kk: r.title_kk.clone(),
            ru: r.title_ru.clone(),
        },
        description: Texts {
            en: String::new(),
            kk: r.description_kk.clone(),
            ru: r.description_ru.clone(),
        },
        lot_titles: d
            .lots
            .iter()
            .map(|l| {
                (
                    l.id.clone(),
                    Texts {
                        en: String::new(),
                        kk: l.title_kk.clone(),
                        ru: l.title_ru.clone(),
                    },
                )
            })
            .collect(),
        grid_titles: [
            ("concept", &d.call.concept_grid),
            ("full", &d.call.full_grid),
        ]
        .into_iter()
        .flat_map(|(name, grid)| {
            grid.sections.iter().flat_map(move |s| {
                let texts = |kk: &str, ru: &str| Texts {
                    en: String::new(),
                    kk: kk.to_string(),
                    ru: ru.to_string(),
                };
                std::iter::once((
                    name.to_string(),
                    s.code.clone(),
                    texts(&s.title_kk, &s.title_ru),
                ))
                .chain(s.criteria.iter().map(move |c| {
                    (
                        name.to_string(),
                        c.code.clone(),
                        texts(&c.title_kk, &c.title_ru),
                    )
                }))
            })
        })
        .collect(),
    };
    render(&page, StatusCode::OK, &d, &stored, &[])
}

/// The form's fields: `title_kk`, `title_ru`, `description_kk`, `description_ru`,
/// `lot-{id}-kk` / `lot-{id}-ru` for each lot and `grid-{concept|full}-{code}-kk` /
/// `-ru` for each grid title.
fn parse(pairs: Vec<(String, String)>) -> AppResult<CallTranslations> {
    let mut input = CallTranslations::default();
    for (name, value) in pairs {
        match name.as_str() {
            "csrf_token" => {}
            "title_kk" => input.title.kk = value,
            "title_ru" => input.title.ru = value,
            "description_kk" => input.description.kk = value,
            "description_ru" => input.description.ru = value,
            other if other.starts_with("grid-") => {
                let (grid, code, lang) = other
                    .strip_prefix("grid-")
                    .and_then(|rest| rest.rsplit_once('-'))
                    .and_then(|(head, lang)| {
                        head.split_once('-').map(|(grid, code)| (grid, code, lang))
                    })
                    .ok_or(AppError::BadRequest("error-invalid-form"))?;
                let pos = match input
                    .grid_titles
                    .iter()
                    .position(|(g, c, _)| g == grid && c == code)
                {
                    Some(i) => i,
                    None => {
                        input.grid_titles.push((
                            grid.to_string(),
                            code.to_string(),
                            Texts::default(),
                        ));
                        input.grid_titles.len() - 1
                    }
                };
                let entry = &mut input.grid_titles[pos].2;
                match lang {
                    "kk" => entry.kk = value,
                    "ru" => entry.ru = value,
                    _ => return Err(AppError::BadRequest("error-invalid-form")),
                }
            }
            other => {
                let (lot, lang) = other
                    .strip_prefix("lot-")
                    .and_then(|rest| rest.rsplit_once('-'))
                    .ok_or(AppError::BadRequest("error-invalid-form"))?;
                let pos = match input.lot_titles.iter().position(|(id, _)| id == lot) {
                    Some(i) => i,
                    None => {
                        input.lot_titles.push((lot.to_string(), Texts::default()));
                        input.lot_titles.len() - 1
                    }
                };
                let entry = &mut input.lot_titles[pos].1;
                match lang {
                    "kk" => entry.kk = value,
                    "ru" => entry.ru = value,
                    _ => return Err(AppError::BadRequest("error-invalid-form")),
                }
            }
        }
    }
    Ok(input)
}

pub async fn save_translations(
    page: Page,
    path: web::Path<String>,
    form: web::Form<Vec<(String, String)>>,
) -> AppResult<HttpResponse> {
    let call_id = path.into_inner();
    let back = format!("/manage/calls/{call_id}");
    let input = parse(form.into_inner())?;
    match calls::set_translations(&page.state, &page.actor(), call_id.clone(), input.clone()).await
    {
        Ok(()) => {
            page.flash_near("success", "flash-translations-saved", &[], "translations");
            Ok(page.redirect(&format!("{back}#translations")))
        }
        Err(AppError::Validation(errors)) => {
            let d = calls::staff_detail(&page.state, &page.actor(), call_id).await?;
            render(&page, StatusCode::UNPROCESSABLE_ENTITY, &d, &input, &errors)
        }
        Err(e) => conflict_back(&page, e, &back),
    }
}
