//! Answering clarification questions.

use actix_web::{web, HttpResponse};
use serde::Deserialize;

use super::conflict_back;
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
    match calls::answer_question(
        &page.state,
        &page.actor(),
        call_id,
        clarification_id,
        form.into_inner().answer,
    )
    .await
    {
        Ok(()) => {
            page.flash("success", "flash-answer-published");
            Ok(page.redirect(&back))
        }
        Err(AppError::Validation(e)) => {
            page.flash("error", e[0].code);
            Ok(page.redirect(&back))
        }
        Err(e) => conflict_back(&page, e, &back),
    }
}
