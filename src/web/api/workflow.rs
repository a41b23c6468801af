//! The calls workflow in API v1, beyond drafting: publish (every problem as an RFC 9457
//! entry), cancel, grids, documents, clarifications, following. Each endpoint calls the
//! same service as the page, so the rules are the same.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::json;
use crate::domain::grids::Grid;
use crate::domain::text::Texts;
use crate::error::{AppError, AppResult};
use crate::services::calls;
use crate::state::AppState;
use crate::views::calls::{CallView, ClarificationView, DocumentView};
use crate::views::UtcTime;
use crate::web::guard::RequestCtx;

/// Publishes a draft call when every check passes; otherwise every problem, one entry
/// each (the same list as the call page).
#[utoipa::path(post, path = "/api/v1/calls/{id}/publish", tag = "calls", security(("bearer" = [])),
    params(("id" = String, Path)),
    responses((status = 200, body = CallView),
              (status = 404, body = super::Problem, content_type = "application/problem+json"),
              (status = 409, description = "The call is not a draft", body = super::Problem, content_type = "application/problem+json"),
              (status = 422, description = "Every problem that stops publication", body = super::Problem, content_type = "application/problem+json")))]
pub async fn publish(
    req: HttpRequest,
    state: web::Data<AppState>,
    ctx: RequestCtx,
    path: web::Path<String>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    match calls::publish(&state, &ctx.actor(), id.clone()).await? {
        Ok(_) => super::calls::staff_call_view(&state, &ctx, id).await,
        Err(report) => Ok(super::rule_problems(
            &req,
            ctx.lang,
            "flash-call-not-published",
            &report.problems,
        )),
    }
}

/// Why a call is cancelled (CFP-07).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CancelIn {
    /// no_proposals, changed_circumstances, force_majeure or irregularities.
    pub reason: String,
    /// The explanation: English required, Kazakh and Russian for information.
    pub explanation: Texts,
}

/// Cancels a published call; its followers are emailed.
#[utoipa::path(post, path = "/api/v1/calls/{id}/cancel", tag = "calls", security(("bearer" = [])),
    params(("id" = String, Path)), request_body = CancelIn,
    responses((status = 200, body = CallView),
              (status = 404, body = super::Problem, content_type = "application/problem+json"),
              (status = 409, description = "The call is not published", body = super::Problem, content_type = "application/problem+json"),
              (status = 422, body = super::Problem, content_type = "application/problem+json")))]
pub async fn cancel(
    state: web::Data<AppState>,
    ctx: RequestCtx,
    path: web::Path<String>,
    body: web::Json<CancelIn>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let body = body.into_inner();
    calls::cancel(
        &state,
        &ctx.actor(),
        id.clone(),
        body.reason,
        body.explanation,
    )
    .await?;
    let d = calls::staff_detail(&state, &ctx.actor(), id).await?;
    json(StatusCode::OK, &CallView::build(&d.call, &d.lots))
}

/// The two evaluation grids of a call (GRD-01…GRD-06).
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct GridsIo {
    pub concept_note: Grid,
    pub full_application: Grid,
}

impl GridsIo {
    fn of(call: calls::Call) -> GridsIo {
        GridsIo {
            concept_note: call.concept_grid,
            full_application: call.full_grid,
        }
    }
}

#[utoipa::path(get, path = "/api/v1/calls/{id}/grids", tag = "calls", params(("id" = String, Path)),
    responses((status = 200, body = GridsIo), (status = 404, body = super::Problem, content_type = "application/problem+json")))]
pub async fn get_grids(
    state: web::Data<AppState>,
    ctx: RequestCtx,
    path: web::Path<String>,
) -> AppResult<HttpResponse> {
    let d = super::calls::visible_call(&state, &ctx, path.into_inner()).await?;
    json(StatusCode::OK, &GridsIo::of(d.call))
}

/// Replaces the grids of a draft; checked by the same rules as the page.
#[utoipa::path(put, path = "/api/v1/calls/{id}/grids", tag = "calls", security(("bearer" = [])),
    params(("id" = String, Path)), request_body = GridsIo,
    responses((status = 200, body = GridsIo),
              (status = 404, body = super::Problem, content_type = "application/problem+json"),
              (status = 409, description = "The call is no longer a draft", body = super::Problem, content_type = "application/problem+json"),
              (status = 422, body = super::Problem, content_type = "application/problem+json")))]
pub async fn put_grids(
    state: web::Data<AppState>,
    ctx: RequestCtx,
    path: web::Path<String>,
    body: web::Json<GridsIo>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let body = body.into_inner();
    calls::update_grids(
        &state,
        &ctx.actor(),
        id.clone(),
        body.concept_note,
        body.full_application,
    )
    .await?;
    let d = calls::staff_detail(&state, &ctx.actor(), id).await?;
    json(StatusCode::OK, &GridsIo::of(d.call))
}

/// The current guidelines documents of a call (download them from the call page's
/// links: `/calls/{id}/documents/{document_id}`).
#[utoipa::path(get, path = "/api/v1/calls/{id}/documents", tag = "calls", params(("id" = String, Path)),
    responses((status = 200, body = [DocumentView]), (status = 404, body = super::Problem, content_type = "application/problem+json")))]
pub async fn list_documents(
    state: web::Data<AppState>,
    ctx: RequestCtx,
    path: web::Path<String>,
) -> AppResult<HttpResponse> {
    let d = super::calls::visible_call(&state, &ctx, path.into_inner()).await?;
    json(
        StatusCode::OK,
        &d.documents
            .iter()
            .map(DocumentView::build)
            .collect::<Vec<_>>(),
    )
}

/// Follows the call (idempotent): its answers, corrigenda and cancellation are emailed.
#[utoipa::path(put, path = "/api/v1/calls/{id}/follow", tag = "calls", security(("bearer" = [])),
    params(("id" = String, Path)),
    responses((status = 204, description = "Followed"), (status = 404, body = super::Problem, content_type = "application/problem+json")))]
pub async fn follow(
    state: web::Data<AppState>,
    ctx: RequestCtx,
    path: web::Path<String>,
) -> AppResult<HttpResponse> {
    calls::set_following(&state, &ctx.actor(), path.into_inner(), true).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Stops following the call (idempotent).
#[utoipa::path(delete, path = "/api/v1/calls/{id}/follow", tag = "calls", security(("bearer" = [])),
    params(("id" = String, Path)),
    responses((status = 204, description = "Not followed"), (status = 404, body = super::Problem, content_type = "application/problem+json")))]
pub async fn unfollow(
    state: web::Data<AppState>,
    ctx: RequestCtx,
    path: web::Path<String>,
) -> AppResult<HttpResponse> {
    calls::set_following(&state, &ctx.actor(), path.into_inner(), false).await?;
    Ok(HttpResponse::NoContent().finish())
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct QuestionIn {
    pub question: String,
}

/// Asks a clarification question (CFP-03: until the question cut-off). It is published
/// with its answer, without the asker.
#[utoipa::path(post, path = "/api/v1/calls/{id}/questions", tag = "calls", security(("bearer" = [])),
    params(("id" = String, Path)), request_body = QuestionIn,
    responses((status = 202, description = "Received; answered publicly"),
              (status = 404, body = super::Problem, content_type = "application/problem+json"),
              (status = 409, description = "Questions are closed", body = super::Problem, content_type = "application/problem+json"),
              (status = 422, body = super::Problem, content_type = "application/problem+json"),
              (status = 429, body = super::Problem, content_type = "application/problem+json")))]
pub async fn ask(
    state: web::Data<AppState>,
    ctx: RequestCtx,
    path: web::Path<String>,
    body: web::Json<QuestionIn>,
) -> AppResult<HttpResponse> {
    calls::ask_question(
        &state,
        &ctx.actor(),
        path.into_inner(),
        body.into_inner().question,
    )
    .await?;
    Ok(HttpResponse::Accepted().finish())
}

/// A question as staff see it, with its asker.
#[derive(Debug, Serialize, ToSchema)]
pub struct StaffQuestionView {
    pub id: String,
    pub question: String,
    pub asked_at: UtcTime,
    pub asked_by: String,
    pub answer: Option<String>,
    pub published_at: Option<UtcTime>,
}

#[derive(Debug, Deserialize, ToSchema, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
pub struct QuestionsQuery {
    /// Only the questions not answered yet.
    #[serde(default)]
    pub unanswered: bool,
    /// 1, 2, … (25 per page).
    #[serde(default)]
    pub page: Option<i64>,
}

/// The questions of a call for staff, with their askers, the waiting ones first on
/// request.
#[utoipa::path(get, path = "/api/v1/calls/{id}/questions", tag = "calls", security(("bearer" = [])),
    params(("id" = String, Path), QuestionsQuery),
    responses((status = 200, body = [StaffQuestionView]), (status = 404, body = super::Problem, content_type = "application/problem+json")))]
pub async fn staff_questions(
    state: web::Data<AppState>,
    ctx: RequestCtx,
    path: web::Path<String>,
    query: web::Query<QuestionsQuery>,
) -> AppResult<HttpResponse> {
    let query = query.into_inner();
    let page = calls::staff_questions(
        &state,
        &ctx.actor(),
        path.into_inner(),
        query.unanswered,
        query.page.unwrap_or(1),
    )
    .await?;
    let out: Vec<StaffQuestionView> = page
        .questions
        .into_iter()
        .map(|q| StaffQuestionView {
            asked_by: page.askers.get(&q.asked_by).cloned().unwrap_or_default(),
            id: q.id,
            question: q.question,
            asked_at: UtcTime(q.asked_at),
            answer: q.answer,
            published_at: q.published_at.map(UtcTime),
        })
        .collect();
    json(StatusCode::OK, &out)
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AnswerIn {
    pub answer: String,
}

/// Publishes the answer to a question, to everyone and without the asker; followers are
/// emailed.
#[utoipa::path(post, path = "/api/v1/calls/{id}/questions/{question_id}/answer", tag = "calls", security(("bearer" = [])),
    params(("id" = String, Path), ("question_id" = String, Path)), request_body = AnswerIn,
    responses((status = 200, body = ClarificationView),
              (status = 404, body = super::Problem, content_type = "application/problem+json"),
              (status = 409, description = "Already answered, or the call is not published", body = super::Problem, content_type = "application/problem+json"),
              (status = 422, body = super::Problem, content_type = "application/problem+json")))]
pub async fn answer(
    state: web::Data<AppState>,
    ctx: RequestCtx,
    path: web::Path<(String, String)>,
    body: web::Json<AnswerIn>,
) -> AppResult<HttpResponse> {
    let (call_id, question_id) = path.into_inner();
    calls::answer_question(
        &state,
        &ctx.actor(),
        call_id.clone(),
        question_id.clone(),
        body.into_inner().answer,
    )
    .await?;
    let d = calls::public_detail(&state, call_id, None).await?;
    let row = d
        .clarifications
        .into_iter()
        .filter(|c| c.id == question_id)
        .collect::<Vec<_>>();
    let view = ClarificationView::published(row)
        .into_iter()
        .next()
        .ok_or(AppError::NotFound)?;
    json(StatusCode::OK, &view)
}

/// A signed addendum moving one programme date (TL-06).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AmendmentIn {
    /// call_launch_deadline, operational_end or execution_end.
    pub date: String,
    /// The new date (YYYY-MM-DD).
    #[schema(value_type = String, format = Date)]
    pub new_date: chrono::NaiveDate,
    /// The day the addendum takes effect (YYYY-MM-DD).
    #[schema(value_type = String, format = Date)]
    pub effective_on: chrono::NaiveDate,
    pub reason: String,
    pub addendum_reference: String,
}

/// Records a programme amendment, checked as on the page (notice periods, replayed with
/// every other amendment); answers the programme with its new timeline.
#[utoipa::path(post, path = "/api/v1/programmes/{id}/amendments", tag = "programmes", security(("bearer" = [])),
    params(("id" = String, Path)), request_body = AmendmentIn,
    responses((status = 201, body = crate::views::programmes::ProgrammeView),
              (status = 404, body = super::Problem, content_type = "application/problem+json"),
              (status = 422, body = super::Problem, content_type = "application/problem+json")))]
pub async fn record_amendment(
    state: web::Data<AppState>,
    ctx: RequestCtx,
    path: web::Path<String>,
    body: web::Json<AmendmentIn>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let b = body.into_inner();
    crate::services::programmes::record_amendment(
        &state,
        &ctx.actor(),
        id.clone(),
        crate::services::programmes::AmendmentInput {
            date_field: b.date,
            new_date: b.new_date.format("%Y-%m-%d").to_string(),
            effective_on: b.effective_on.format("%Y-%m-%d").to_string(),
            reason: b.reason,
            addendum_reference: b.addendum_reference,
        },
    )
    .await?;
    let p = crate::services::programmes::detail(&state, id).await?;
    json(
        StatusCode::CREATED,
        &crate::views::programmes::ProgrammeView::build(&p, true),
    )
}

/// A guidelines document to upload: `language` (en, kk, ru), `title` and `file` (PDF,
/// DOCX or ODT, checked by content).
#[derive(ToSchema)]
#[allow(dead_code)]
pub struct DocumentUpload {
    language: String,
    title: String,
    #[schema(value_type = String, format = Binary)]
    file: Vec<u8>,
}

/// Uploads a guidelines document (multipart/form-data). English only to a draft (it is
/// authentic and frozen at publication); Kazakh and Russian also after publication.
#[utoipa::path(post, path = "/api/v1/calls/{id}/documents", tag = "calls", security(("bearer" = [])),
    params(("id" = String, Path)),
    request_body(content = DocumentUpload, content_type = "multipart/form-data"),
    responses((status = 201, body = [DocumentView], description = "The call's documents now"),
              (status = 404, body = super::Problem, content_type = "application/problem+json"),
              (status = 409, body = super::Problem, content_type = "application/problem+json"),
              (status = 422, body = super::Problem, content_type = "application/problem+json")))]
pub async fn upload_document(
    state: web::Data<AppState>,
    ctx: RequestCtx,
    path: web::Path<String>,
    payload: actix_multipart::Multipart,
) -> AppResult<HttpResponse> {
    let call_id = path.into_inner();
    let (fields, file) = crate::web::input::read_multipart(payload, &["language", "title"]).await?;
    let get = |k: &str| fields.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone());
    let language = get("language")
        .and_then(|l| crate::i18n::Lang::parse(l.trim()))
        .ok_or_else(|| AppError::field("language", "error-upload-missing"))?;
    let Some((name, bytes)) = file else {
        return Err(AppError::field("file", "error-upload-missing"));
    };
    let checked = crate::services::uploads::check_document(&name, bytes)?;
    calls::add_document(
        &state,
        &ctx.actor(),
        call_id.clone(),
        checked,
        language,
        get("title").unwrap_or_default(),
    )
    .await?;
    let d = calls::staff_detail(&state, &ctx.actor(), call_id).await?;
    json(
        StatusCode::CREATED,
        &d.documents
            .iter()
            .map(DocumentView::build)
            .collect::<Vec<_>>(),
    )
}

/// Removes a document from a draft (kept, marked removed; a frozen one is refused).
#[utoipa::path(delete, path = "/api/v1/calls/{id}/documents/{document_id}", tag = "calls", security(("bearer" = [])),
    params(("id" = String, Path), ("document_id" = String, Path)),
    responses((status = 204, description = "Removed"),
              (status = 404, body = super::Problem, content_type = "application/problem+json"),
              (status = 409, body = super::Problem, content_type = "application/problem+json")))]
pub async fn remove_document(
    state: web::Data<AppState>,
    ctx: RequestCtx,
    path: web::Path<(String, String)>,
) -> AppResult<HttpResponse> {
    let (call_id, doc_id) = path.into_inner();
    calls::remove_document(&state, &ctx.actor(), call_id, doc_id).await?;
    Ok(HttpResponse::NoContent().finish())
}
