//! The evaluation grids of a draft call, edited as text lines.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use serde::{Deserialize, Serialize};

use super::conflict_back;
use crate::domain::access::Action;
use crate::domain::grids::Grid;
use crate::domain::FieldError;
use crate::error::{AppError, AppResult};
use crate::i18n::t_args;
use crate::services::calls::{self};
use crate::web::page::Page;

#[derive(Deserialize, Serialize, Default)]
#[serde(deny_unknown_fields)]
pub struct GridsForm {
    #[serde(default)]
    concept_note_grid: String,
    #[serde(default)]
    full_application_grid: String,
}

fn render_grids(
    page: &Page,
    status: StatusCode,
    call_id: &str,
    form: &GridsForm,
    errors: &[FieldError],
    line_errors: &[(String, String)],
) -> AppResult<HttpResponse> {
    let mut ctx = tera::Context::new();
    ctx.insert("f", form);
    ctx.insert("call_id", call_id);
    ctx.insert(
        "grid_fields",
        &[
            ("concept_note_grid", "grid-concept"),
            ("full_application_grid", "grid-full"),
        ],
    );
    // Text errors (with their line) first, then the rules that span both grids.
    page.summarise_errors(&mut ctx, line_errors);
    page.show_errors(&mut ctx, errors);
    let mut by_grid: std::collections::HashMap<String, String> = ctx
        .get("errors")
        .and_then(|v| serde_json::from_value(v.clone()).ok())
        .unwrap_or_default();
    // Every problem of a grid is shown at it, one after the other.
    for (field, text) in line_errors {
        by_grid
            .entry(field.clone())
            .and_modify(|all| {
                all.push_str(" · ");
                all.push_str(text);
            })
            .or_insert_with(|| text.clone());
    }
    ctx.insert("errors", &by_grid);
    page.render_status(status, "manage/grids.html", ctx)
}

pub async fn grids_form(page: Page, path: web::Path<String>) -> AppResult<HttpResponse> {
    page.actor().require(Action::ManageCalls)?;
    let call_id = path.into_inner();
    let d = calls::staff_detail(&page.state, &page.actor(), call_id.clone()).await?;
    let form = GridsForm {
        concept_note_grid: d.call.concept_grid.to_text(),
        full_application_grid: d.call.full_grid.to_text(),
    };
    render_grids(&page, StatusCode::OK, &call_id, &form, &[], &[])
}

pub async fn update_grids(
    page: Page,
    path: web::Path<String>,
    form: web::Form<GridsForm>,
) -> AppResult<HttpResponse> {
    let call_id = path.into_inner();
    let form = form.into_inner();
    let mut line_errors = Vec::new();
    let mut parse = |field: &str, text: &str| match Grid::parse_text(text) {
        Ok(g) => {
            for code in g.problems() {
                line_errors.push((field.to_string(), page.t(code)));
            }
            Some(g)
        }
        Err(errors) => {
            for e in errors {
                line_errors.push((
                    field.to_string(),
                    t_args(page.lang(), e.code, &[("line", e.line.to_string())]),
                ));
            }
            None
        }
    };
    let concept = parse("concept_note_grid", &form.concept_note_grid);
    let full = parse("full_application_grid", &form.full_application_grid);
    let (Some(concept), Some(full), true) = (concept, full, line_errors.is_empty()) else {
        return render_grids(
            &page,
            StatusCode::UNPROCESSABLE_ENTITY,
            &call_id,
            &form,
            &[],
            &line_errors,
        );
    };
    let back = format!("/manage/calls/{call_id}");
    match calls::update_grids(&page.state, &page.actor(), call_id.clone(), concept, full).await {
        Ok(()) => Ok(page.flash_redirect("success", "flash-grids-saved", &format!("{back}#grids"))),
        Err(AppError::Validation(errors)) => render_grids(
            &page,
            StatusCode::UNPROCESSABLE_ENTITY,
            &call_id,
            &form,
            &errors,
            &[],
        ),
        Err(e) => conflict_back(&page, e, &back),
    }
}
