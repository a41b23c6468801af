//! Answering clarification questions.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use serde::Deserialize;

use super::{conflict_back, render_staff_call, Refused, ShowQuery};
use crate::error::{AppError, AppResult};
use crate::services::calls::{self};
use crate::web::page::Page;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnswerForm {
    #[serde(default)]
    answer: String,
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
