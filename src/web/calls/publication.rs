//! Publishing and cancelling a call.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use serde::{Deserialize, Serialize};

use super::conflict_back;
use crate::clock::format_local;
use crate::domain::access::Action;
use crate::domain::calls::{self as rules, CallStatus, CANCEL_REASONS};
use crate::domain::text::Texts;
use crate::domain::FieldError;
use crate::error::{AppError, AppResult};
use crate::i18n::{t, t_args};
use crate::services::calls::{self};
use crate::web::confirm::{self, Confirmation};
use crate::web::page::Page;

/// Before publishing: what publication does, or back to the problems if any remains.
pub async fn confirm_publish(page: Page, path: web::Path<String>) -> AppResult<HttpResponse> {
    page.actor().require(Action::ManageCalls)?;
    let call_id = path.into_inner();
    let back = format!("/manage/calls/{call_id}");
    let d = calls::staff_detail(&page.state, &page.actor(), call_id.clone()).await?;
    let c = &d.call;
    if c.status != CallStatus::Draft {
        return Ok(page.redirect(&back));
    }
    let report = calls::publish_problems(&page.state, call_id.clone()).await?;
    // The list of problems on the call page is the answer; no banner repeats it.
    if !report.problems.is_empty() {
        return Ok(page.redirect(&format!("{back}#publication")));
    }
    let lang = page.lang();
    let opens = match c.row.opens_at {
        Some(at) if at > page.state.clock.now() => format_local(at),
        _ => t(lang, "publish-opens-now"),
    };
    let mut consequences = vec![
        t_args(lang, "publish-effect-public", &[("when", opens)]),
        t(lang, "publish-effect-frozen"),
    ];
    if let Some(deadline) = c.row.deadline {
        consequences.push(t_args(
            lang,
            "publish-effect-questions",
            &[
                ("deadline", format_local(deadline)),
                (
                    "cutoff",
                    format_local(rules::question_cutoff(deadline, &c.params)),
                ),
                (
                    "answers",
                    format_local(rules::answer_deadline(deadline, &c.params)),
                ),
            ],
        ));
    }
    consequences.extend(
        report
            .warnings
            .iter()
            .map(|w| crate::views::calls::problem_text(lang, w)),
    );
    confirm::render(
        &page,
        &Confirmation {
            title: t(lang, "publish-confirm-title"),
            intro: t_args(
                lang,
                "publish-confirm-intro",
                &[("reference", c.row.reference.clone())],
            ),
            consequences,
            preview: None,
            action: format!("{back}/publish"),
            hidden: Vec::new(),
            button: t(lang, "publish-button"),
            danger: false,
            back: format!("{back}#publication"),
            edit: None,
        },
    )
}

pub async fn publish(page: Page, path: web::Path<String>) -> AppResult<HttpResponse> {
    let call_id = path.into_inner();
    let back = format!("/manage/calls/{call_id}");
    match calls::publish(&page.state, &page.actor(), call_id).await {
        Ok(Ok(report)) => {
            page.flash("success", "flash-call-published");
            if !report.warnings.is_empty() {
                page.flash_args(
                    "warning",
                    "flash-call-published-warnings",
                    &[("count", report.warnings.len().to_string())],
                );
            }
            Ok(page.redirect(&back))
        }
        Ok(Err(report)) => {
            // The problems are listed on the call page itself (recomputed there), so the
            // session cookie carries only their number, whatever the language.
            page.flash_near(
                "error",
                "flash-call-not-published",
                &[("count", report.problems.len().to_string())],
                "publication",
            );
            Ok(page.redirect(&format!("{back}#publication")))
        }
        Err(e) => conflict_back(&page, e, &back),
    }
}

#[derive(Deserialize, Serialize, Default)]
#[serde(deny_unknown_fields)]
pub struct CancelForm {
    #[serde(default)]
    reason: String,
    #[serde(default)]
    explanation: String,
    #[serde(default)]
    explanation_kk: String,
    #[serde(default)]
    explanation_ru: String,
}

fn render_cancel(
    page: &Page,
    status: StatusCode,
    call_id: &str,
    reference: &str,
    form: &CancelForm,
    errors: &[FieldError],
) -> AppResult<HttpResponse> {
    let mut ctx = tera::Context::new();
    ctx.insert("f", form);
    ctx.insert("call_id", call_id);
    ctx.insert("reference", reference);
    ctx.insert("reasons", &CANCEL_REASONS);
    page.show_errors(&mut ctx, errors);
    page.render_status(status, "manage/cancel.html", ctx)
}

pub async fn cancel_form(page: Page, path: web::Path<String>) -> AppResult<HttpResponse> {
    page.actor().require(Action::ManageCalls)?;
    let call_id = path.into_inner();
    let d = calls::staff_detail(&page.state, &page.actor(), call_id.clone()).await?;
    // Only a published call is cancelled; a draft is deleted.
    if d.call.status != CallStatus::Published {
        page.flash("error", "error-cancel-only-published");
        return Ok(page.redirect(&format!("/manage/calls/{call_id}")));
    }
    render_cancel(
        &page,
        StatusCode::OK,
        &call_id,
        &d.call.row.reference,
        &CancelForm::default(),
        &[],
    )
}

pub async fn cancel(
    page: Page,
    path: web::Path<String>,
    form: web::Form<CancelForm>,
) -> AppResult<HttpResponse> {
    let call_id = path.into_inner();
    let form = form.into_inner();
    let back = format!("/manage/calls/{call_id}");
    match calls::cancel(
        &page.state,
        &page.actor(),
        call_id.clone(),
        form.reason.clone(),
        Texts {
            en: form.explanation.clone(),
            kk: form.explanation_kk.clone(),
            ru: form.explanation_ru.clone(),
        },
    )
    .await
    {
        Ok(()) => {
            page.flash("success", "flash-call-cancelled");
            Ok(page.redirect(&back))
        }
        Err(AppError::Validation(errors)) => {
            let d = calls::staff_detail(&page.state, &page.actor(), call_id.clone()).await?;
            render_cancel(
                &page,
                StatusCode::UNPROCESSABLE_ENTITY,
                &call_id,
                &d.call.row.reference,
                &form,
                &errors,
            )
        }
        Err(e) => conflict_back(&page, e, &back),
    }
}
