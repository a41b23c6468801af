//! Answering clarification questions.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use serde::Deserialize;

use super::{conflict_back, render_staff_call, Refused, ShowQuery};
use crate::domain::text;
use crate::error::{AppError, AppResult};
use crate::i18n::t;
use crate::services::calls::ANSWER_MAX_CHARS;
use crate::services::calls::{self};
use crate::web::confirm::{self, Confirmation};
use crate::web::page::Page;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnswerForm {
    #[serde(default)]
    answer: String,
    /// Back from the preview to change the answer.
    #[serde(default)]
    edit: Option<String>,
}

pub async fn answer(
    page: Page,
    path: web::Path<(String, String)>,
    form: web::Form<AnswerForm>,
) -> AppResult<HttpResponse> {
    let (call_id, clarification_id) = path.into_inner();
    let back = format!("/manage/calls/{call_id}#clarifications");
    let answer = form.into_inner().answer;
    match calls::answer_question(
        &page.state,
        &page.actor(),
        call_id.clone(),
        clarification_id.clone(),
        answer.clone(),
    )
    .await
    {
        Ok(()) => {
            page.flash_near("success", "flash-answer-published", &[], "clarifications");
            Ok(page.redirect(&back))
        }
        Err(AppError::Validation(errors)) => {
            let refused = Refused::Answer {
                clarification_id: &clarification_id,
                text: &answer,
                errors: &errors,
            };
            render_staff_call(
                &page,
                call_id,
                &ShowQuery::default(),
                StatusCode::UNPROCESSABLE_ENTITY,
                Some(refused),
            )
            .await
        }
        Err(e) => conflict_back(&page, e, &back),
    }
}

/// Before an answer is published: the answer as everyone will read it, and who is told.
/// An empty or malformed answer goes back to its form with the error.
pub async fn preview_answer(
    page: Page,
    path: web::Path<(String, String)>,
    form: web::Form<AnswerForm>,
) -> AppResult<HttpResponse> {
    let (call_id, clarification_id) = path.into_inner();
    let form = form.into_inner();
    let answer = form.answer;
    if form.edit.as_deref() == Some("1") {
        // The call page again with the answer as typed in its form.
        let refused = Refused::Answer {
            clarification_id: &clarification_id,
            text: &answer,
            errors: &[],
        };
        return render_staff_call(
            &page,
            call_id,
            &ShowQuery::default(),
            StatusCode::OK,
            Some(refused),
        )
        .await;
    }
    if let Err(problem) = text::text("answer", &answer, ANSWER_MAX_CHARS, true) {
        let errors = [problem];
        let refused = Refused::Answer {
            clarification_id: &clarification_id,
            text: &answer,
            errors: &errors,
        };
        return render_staff_call(
            &page,
            call_id,
            &ShowQuery::default(),
            StatusCode::UNPROCESSABLE_ENTITY,
            Some(refused),
        )
        .await;
    }
    let lang = page.lang();
    confirm::render(
        &page,
        &Confirmation {
            title: t(lang, "answer-confirm-title"),
            intro: t(lang, "answer-confirm-intro"),
            consequences: vec![
                t(lang, "answer-effect-public"),
                t(lang, "answer-effect-mail"),
                t(lang, "answer-effect-final"),
            ],
            preview: Some(answer.trim().to_string()),
            action: format!("/manage/calls/{call_id}/clarifications/{clarification_id}/answer"),
            hidden: vec![("answer".to_string(), answer)],
            button: t(lang, "qa-publish"),
            danger: false,
            back: format!("/manage/calls/{call_id}#answer-{clarification_id}"),
            edit: Some(format!(
                "/manage/calls/{call_id}/clarifications/{clarification_id}/answer/preview"
            )),
        },
    )
}
