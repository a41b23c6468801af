//! Corrigenda to a published call: the form (prefilled with the call as it stands), a
//! preview that says what will change and who is told, publication, and the
//! corrigendum's documents.

use actix_multipart::Multipart;
use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use serde::Serialize;

use super::{conflict_back, local_input, parse_local_datetime};
use crate::domain::access::Action;
use crate::domain::calls::{CallStatus, PublishProblem};
use crate::domain::corrigenda::{CorrigendumRequest, LotCorrection};
use crate::domain::money::Money;
use crate::domain::text::Texts;
use crate::domain::FieldError;
use crate::error::{AppError, AppResult};
use crate::i18n::{t, t_args, Lang};
use crate::services::calls::{self, CallDetail};
use crate::services::uploads;
use crate::views::calls::{change_text, problem_view, ProblemView};
use crate::views::format;
use crate::web::confirm::{self, Confirmation};
use crate::web::page::Page;

/// The corrigendum form as typed: every field by its name.
#[derive(Debug, Clone, Default, Serialize)]
struct CorrigendumForm {
    fields: Vec<(String, String)>,
}

impl CorrigendumForm {
    fn get(&self, name: &str) -> &str {
        self.fields
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .unwrap_or("")
    }

    fn set(&mut self, name: &str, value: String) {
        match self.fields.iter_mut().find(|(k, _)| k == name) {
            Some(f) => f.1 = value,
            None => self.fields.push((name.to_string(), value)),
        }
    }

    /// The form prefilled with the call as it stands.
    fn from_call(d: &CallDetail) -> CorrigendumForm {
        let r = &d.call.row;
        let mut f = CorrigendumForm::default();
        f.set("deadline", r.deadline.map(local_input).unwrap_or_default());
        f.set("description", r.description.clone());
        f.set("description_kk", r.description_kk.clone());
        f.set("description_ru", r.description_ru.clone());
        for l in &d.lots {
            let n = l.number;
            f.set(&format!("lot-{n}-title"), l.title.clone());
            f.set(&format!("lot-{n}-title_kk"), l.title_kk.clone());
            f.set(&format!("lot-{n}-title_ru"), l.title_ru.clone());
            f.set(
                &format!("lot-{n}-envelope"),
                Money::from_cents(l.envelope_cents).format_input(),
            );
        }
        f
    }

    /// Only the fields this form has; anything else is refused as in every form.
    fn from_pairs(pairs: Vec<(String, String)>, d: &CallDetail) -> AppResult<CorrigendumForm> {
        let mut f = CorrigendumForm::default();
        for (name, value) in pairs {
            let known = matches!(
                name.as_str(),
                "reason"
                    | "reason_kk"
                    | "reason_ru"
                    | "deadline"
                    | "description"
                    | "description_kk"
                    | "description_ru"
                    | "adds_documents"
                    | "edit"
            ) || d.lots.iter().any(|l| {
                ["title", "title_kk", "title_ru", "envelope"]
                    .iter()
                    .any(|s| name == format!("lot-{}-{s}", l.number))
            });
            if name == "csrf_token" {
                continue;
            }
            if !known {
                return Err(AppError::BadRequest("error-invalid-form"));
            }
            f.set(&name, value);
        }
        Ok(f)
    }

    /// The request, or the fields that cannot be read (dates, amounts).
    fn request(&self, d: &CallDetail) -> Result<CorrigendumRequest, Vec<FieldError>> {
        let mut errors = Vec::new();
        let texts = |base: &str| Texts {
            en: self.get(base).to_string(),
            kk: self.get(&format!("{base}_kk")).to_string(),
            ru: self.get(&format!("{base}_ru")).to_string(),
        };
        // The form shows the deadline to the minute: the same minute means unchanged.
        let shown_now = d.call.row.deadline.map(local_input).unwrap_or_default();
        let deadline = match self.get("deadline").trim() {
            "" => None,
            v if v == shown_now => None,
            v => match parse_local_datetime(v) {
                Some(t) => Some(t),
                None => {
                    errors.push(FieldError::new("deadline", "error-datetime-invalid"));
                    None
                }
            },
        };
        let lots = d
            .lots
            .iter()
            .map(|l| {
                let n = l.number;
                let field = format!("lot-{n}-envelope");
                let envelope = match Money::parse(self.get(&field)) {
                    Ok(m) => Some(m),
                    Err(_) => {
                        errors.push(FieldError::named(field, "error-amount-invalid"));
                        None
                    }
                };
                LotCorrection {
                    number: n,
                    title: Some(texts(&format!("lot-{n}-title"))),
                    envelope,
                }
            })
            .collect();
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(CorrigendumRequest {
            reason: texts("reason"),
            deadline,
            description: Some(texts("description")),
            lots,
            adds_documents: self.get("adds_documents") == "yes",
        })
    }
}

#[derive(Serialize)]
struct LotFields {
    number: i32,
    title: String,
}

fn render_form(
    page: &Page,
    status: StatusCode,
    d: &CallDetail,
    form: &CorrigendumForm,
    errors: &[FieldError],
    problems: &[PublishProblem],
) -> AppResult<HttpResponse> {
    let lang = page.lang();
    let c = &d.call;
    let mut ctx = tera::Context::new();
    ctx.insert("call_id", &c.row.id);
    ctx.insert("reference", &c.row.reference);
    ctx.insert("number", &(d.corrigenda.len() + 1));
    ctx.insert(
        "f",
        &form
            .fields
            .iter()
            .cloned()
            .collect::<std::collections::HashMap<_, _>>(),
    );
    ctx.insert(
        "deadline_now",
        &c.row.deadline.map(|t| format::instant_long(lang, t)),
    );
    ctx.insert(
        "deadline_words",
        &parse_local_datetime(form.get("deadline")).map(|t| format::instant_long(lang, t)),
    );
    ctx.insert(
        "lots",
        &d.lots
            .iter()
            .map(|l| LotFields {
                number: l.number,
                title: l.title.clone(),
            })
            .collect::<Vec<_>>(),
    );
    let problems: Vec<ProblemView> = problems
        .iter()
        .map(|p| problem_view(lang, &c.row.id, &c.row.programme_id, &d.lots, p))
        .map(|mut v| {
            // The fix is on this form, not on the draft's pages.
            v.fix = None;
            v
        })
        .collect();
    ctx.insert("problems", &problems);
    page.show_errors(&mut ctx, errors);
    page.render_status(status, "manage/corrigendum_form.html", ctx)
}

async fn published_detail(
    page: &Page,
    call_id: &str,
) -> AppResult<Result<CallDetail, HttpResponse>> {
    page.actor().require(Action::ManageCalls)?;
    let d = calls::staff_detail(&page.state, &page.actor(), call_id.to_string()).await?;
    if d.call.status != CallStatus::Published {
        return Ok(Err(page.flash_redirect(
            "error",
            "error-corrigendum-only-published",
            &format!("/manage/calls/{call_id}"),
        )));
    }
    Ok(Ok(d))
}

pub async fn corrigendum_form(page: Page, path: web::Path<String>) -> AppResult<HttpResponse> {
    let call_id = path.into_inner();
    let d = match published_detail(&page, &call_id).await? {
        Ok(d) => d,
        Err(redirect) => return Ok(redirect),
    };
    let form = CorrigendumForm::from_call(&d);
    render_form(&page, StatusCode::OK, &d, &form, &[], &[])
}

/// Checks the corrigendum and shows what it will change before anything is published.
pub async fn preview_corrigendum(
    page: Page,
    path: web::Path<String>,
    pairs: web::Form<Vec<(String, String)>>,
) -> AppResult<HttpResponse> {
    let call_id = path.into_inner();
    let d = match published_detail(&page, &call_id).await? {
        Ok(d) => d,
        Err(redirect) => return Ok(redirect),
    };
    let mut form = CorrigendumForm::from_pairs(pairs.into_inner(), &d)?;
    // Back from the preview to change what was typed: the form again, as typed.
    if form.get("edit") == "1" {
        form.fields.retain(|(k, _)| k != "edit");
        return render_form(&page, StatusCode::OK, &d, &form, &[], &[]);
    }
    let refused = |errors: &[FieldError], problems: &[PublishProblem]| {
        render_form(
            &page,
            StatusCode::UNPROCESSABLE_ENTITY,
            &d,
            &form,
            errors,
            problems,
        )
    };
    let req = match form.request(&d) {
        Ok(r) => r,
        Err(errors) => return refused(&errors, &[]),
    };
    let (changes, problems) =
        match calls::preview_corrigendum(&page.state, call_id.clone(), req).await {
            Ok(x) => x,
            Err(AppError::Validation(errors)) => return refused(&errors, &[]),
            Err(e) => return Err(e),
        };
    if !problems.is_empty() {
        return refused(&[], &problems);
    }
    let lang = page.lang();
    let mut consequences: Vec<String> = changes.iter().map(|c| change_text(lang, c)).collect();
    consequences.push(t(lang, "corrigendum-effect-public"));
    consequences.push(t(lang, "corrigendum-effect-followers"));
    if changes
        .iter()
        .any(|c| matches!(c, crate::domain::corrigenda::Change::Documents))
    {
        consequences.push(t(lang, "corrigendum-effect-documents"));
    }
    confirm::render(
        &page,
        &Confirmation {
            title: t_args(
                lang,
                "corrigendum-confirm-title",
                &[("number", (d.corrigenda.len() + 1).to_string())],
            ),
            intro: t_args(
                lang,
                "corrigendum-confirm-intro",
                &[("reference", d.call.row.reference.clone())],
            ),
            consequences,
            preview: Some(form.get("reason").to_string()),
            action: format!("/manage/calls/{call_id}/corrigenda"),
            hidden: form.fields.clone(),
            button: t(lang, "corrigendum-publish-button"),
            danger: false,
            back: format!("/manage/calls/{call_id}"),
            edit: Some(format!("/manage/calls/{call_id}/corrigenda/preview")),
        },
    )
}

pub async fn publish_corrigendum(
    page: Page,
    path: web::Path<String>,
    pairs: web::Form<Vec<(String, String)>>,
) -> AppResult<HttpResponse> {
    let call_id = path.into_inner();
    let back = format!("/manage/calls/{call_id}");
    let d = match published_detail(&page, &call_id).await? {
        Ok(d) => d,
        Err(redirect) => return Ok(redirect),
    };
    let form = CorrigendumForm::from_pairs(pairs.into_inner(), &d)?;
    let req = match form.request(&d) {
        Ok(r) => r,
        Err(errors) => {
            return render_form(
                &page,
                StatusCode::UNPROCESSABLE_ENTITY,
                &d,
                &form,
                &errors,
                &[],
            )
        }
    };
    match calls::publish_corrigendum(&page.state, &page.actor(), call_id.clone(), req).await {
        Ok(Ok(number)) => {
            page.flash_near(
                "success",
                "flash-corrigendum-published",
                &[("number", number.to_string())],
                "corrigenda",
            );
            Ok(page.redirect(&format!("{back}#corrigenda")))
        }
        // Something changed since the preview (another corrigendum, the clock, the
        // envelopes): the form again, with every problem.
        Ok(Err(problems)) => {
            let d = calls::staff_detail(&page.state, &page.actor(), call_id).await?;
            render_form(&page, StatusCode::CONFLICT, &d, &form, &[], &problems)
        }
        Err(AppError::Validation(errors)) => render_form(
            &page,
            StatusCode::UNPROCESSABLE_ENTITY,
            &d,
            &form,
            &errors,
            &[],
        ),
        Err(e) => conflict_back(&page, e, &back),
    }
}

/// Multipart upload of a corrigendum's document: language and file.
pub async fn upload_corrigendum_document(
    page: Page,
    path: web::Path<(String, i32)>,
    payload: Multipart,
) -> AppResult<HttpResponse> {
    page.actor().require(Action::ManageCalls)?;
    let (call_id, number) = path.into_inner();
    let back = format!("/manage/calls/{call_id}#corrigendum-{number}");
    let (fields, file) = match crate::web::input::read_multipart(payload, &["language"]).await {
        Ok(x) => x,
        Err(AppError::Validation(errors)) => {
            let key = errors.first().map_or("error-upload-missing", |e| e.code);
            return Ok(page.flash_redirect("error", key, &back));
        }
        Err(e) => return Err(e),
    };
    let language = fields
        .iter()
        .find(|(n, _)| n == "language")
        .and_then(|(_, v)| Lang::parse(v.trim()));
    let (Some(language), Some((file_name, bytes))) = (
        language,
        file.filter(|(n, b)| !n.is_empty() && !b.is_empty()),
    ) else {
        return Ok(page.flash_redirect("error", "error-upload-missing", &back));
    };
    let checked = match uploads::check_document(&file_name, bytes) {
        Ok(c) => c,
        Err(AppError::Validation(errors)) => {
            let key = errors.first().map_or("error-upload-missing", |e| e.code);
            return Ok(page.flash_redirect("error", key, &back));
        }
        Err(e) => return Err(e),
    };
    match calls::add_corrigendum_document(
        &page.state,
        &page.actor(),
        call_id,
        number,
        checked,
        language,
    )
    .await
    {
        Ok(()) => {
            page.flash_near(
                "success",
                "flash-document-added",
                &[],
                &format!("corrigendum-{number}"),
            );
            Ok(page.redirect(&back))
        }
        Err(AppError::Validation(errors)) => {
            let key = errors.first().map_or("error-upload-missing", |e| e.code);
            Ok(page.flash_redirect("error", key, &back))
        }
        Err(e) => conflict_back(&page, e, &back),
    }
}
