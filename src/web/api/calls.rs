//! API v1 for programmes, calls, lots and clarifications: public reads without a token,
//! changes with a Delegation token. The same services as the pages.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use chrono::{NaiveDate, NaiveDateTime};
use serde::Deserialize;
use utoipa::ToSchema;

use super::json;
use crate::domain::access::{role_allows, Action};
use crate::domain::calls::{CallParameters, CallType, LotTerms};
use crate::domain::corrigenda::{CorrigendumRequest, LotCorrection};
use crate::domain::money::Money;
use crate::domain::programme::{MoneyLine, ProgrammeCommand};
use crate::domain::text::Texts;
use crate::error::{AppError, AppResult};
use crate::services::calls::{self, CallInput};
use crate::services::programmes;
use crate::state::AppState;
use crate::views::calls::{CallView, ClarificationView, CorrigendumView, LotView};
use crate::views::programmes::ProgrammeView;
use crate::web::guard::RequestCtx;

/// Programmes with their computed timeline.
#[utoipa::path(get, path = "/api/v1/programmes", tag = "programmes", responses((status = 200, body = [ProgrammeView])))]
pub async fn list_programmes(
    state: web::Data<AppState>,
    ctx: RequestCtx,
) -> AppResult<HttpResponse> {
    let staff = is_staff(&ctx);
    let list = programmes::list(&state).await?;
    json(
        StatusCode::OK,
        &list
            .iter()
            .map(|p| ProgrammeView::build(p, staff))
            .collect::<Vec<_>>(),
    )
}

#[utoipa::path(get, path = "/api/v1/programmes/{id}", tag = "programmes", params(("id" = String, Path)),
    responses((status = 200, body = ProgrammeView), (status = 404, body = super::Problem, content_type = "application/problem+json")))]
pub async fn get_programme(
    state: web::Data<AppState>,
    ctx: RequestCtx,
    path: web::Path<String>,
) -> AppResult<HttpResponse> {
    let p = programmes::detail(&state, path.into_inner()).await?;
    json(StatusCode::OK, &ProgrammeView::build(&p, is_staff(&ctx)))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ProgrammeIn {
    pub reference: String,
    pub title: String,
    /// D; required on creation, not read afterwards (it changes through a recorded
    /// correction before the first publication, and its dates through amendments).
    #[serde(default)]
    pub entry_into_force: Option<NaiveDate>,
    /// Whole euro cents.
    pub total_budget_cents: Money,
    /// Lines with an `id` are changed in place; lines without are added; lines left out
    /// are retired (kept, never deleted).
    pub budget_lines: Vec<MoneyLine>,
    /// As `budget_lines`; an envelope that published calls draw on cannot be left out or
    /// fall below what they use.
    pub envelopes: Vec<MoneyLine>,
}

impl From<ProgrammeIn> for ProgrammeCommand {
    fn from(body: ProgrammeIn) -> ProgrammeCommand {
        ProgrammeCommand {
            reference: body.reference,
            title: body.title,
            entry_into_force: body.entry_into_force,
            total_budget: body.total_budget_cents,
            budget_lines: body.budget_lines,
            envelopes: body.envelopes,
        }
    }
}

#[utoipa::path(post, path = "/api/v1/programmes", tag = "programmes", security(("bearer" = [])), request_body = ProgrammeIn,
    responses((status = 201, body = ProgrammeView), (status = 403, body = super::Problem, content_type = "application/problem+json"),
              (status = 422, body = super::Problem, content_type = "application/problem+json")))]
pub async fn create_programme(
    state: web::Data<AppState>,
    ctx: RequestCtx,
    body: web::Json<ProgrammeIn>,
) -> AppResult<HttpResponse> {
    let id = programmes::create(&state, &ctx.actor(), body.into_inner().into()).await?;
    let p = programmes::detail(&state, id).await?;
    json(StatusCode::CREATED, &ProgrammeView::build(&p, true))
}

#[utoipa::path(put, path = "/api/v1/programmes/{id}", tag = "programmes", security(("bearer" = [])), params(("id" = String, Path)), request_body = ProgrammeIn,
    responses((status = 200, body = ProgrammeView), (status = 403, body = super::Problem, content_type = "application/problem+json"),
              (status = 422, body = super::Problem, content_type = "application/problem+json")))]
pub async fn update_programme(
    state: web::Data<AppState>,
    ctx: RequestCtx,
    path: web::Path<String>,
    body: web::Json<ProgrammeIn>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    programmes::update(&state, &ctx.actor(), id.clone(), body.into_inner().into()).await?;
    let p = programmes::detail(&state, id).await?;
    json(StatusCode::OK, &ProgrammeView::build(&p, true))
}

fn is_staff(ctx: &RequestCtx) -> bool {
    ctx.user
        .as_ref()
        .is_some_and(|u| role_allows(u.role, Action::ViewProgrammes))
}

/// Published and cancelled calls; with a Delegation or auditor token, drafts too.
#[utoipa::path(get, path = "/api/v1/calls", tag = "calls", responses((status = 200, body = [CallView])))]
pub async fn list_calls(state: web::Data<AppState>, ctx: RequestCtx) -> AppResult<HttpResponse> {
    let out: Vec<CallView> = if is_staff(&ctx) {
        calls::staff_list_with_lots(&state, &ctx.actor())
            .await?
            .iter()
            .map(|(c, lots)| CallView::build(c, lots))
            .collect()
    } else {
        calls::public_list(&state)
            .await?
            .iter()
            .map(|l| CallView::build(&l.call, &l.lots))
            .collect()
    };
    json(StatusCode::OK, &out)
}

/// The call as it stands now, as staff see it (the answer of every change).
pub(super) async fn staff_call_view(
    state: &AppState,
    ctx: &RequestCtx,
    id: String,
) -> AppResult<HttpResponse> {
    let d = calls::staff_detail(state, &ctx.actor(), id).await?;
    json(StatusCode::OK, &CallView::build(&d.call, &d.lots))
}

pub(super) async fn visible_call(
    state: &AppState,
    ctx: &RequestCtx,
    id: String,
) -> AppResult<calls::CallDetail> {
    if is_staff(ctx) {
        calls::staff_detail(state, &ctx.actor(), id).await
    } else {
        calls::public_detail(state, id, None).await
    }
}

#[utoipa::path(get, path = "/api/v1/calls/{id}", tag = "calls", params(("id" = String, Path)),
    responses((status = 200, body = CallView), (status = 404, body = super::Problem, content_type = "application/problem+json")))]
pub async fn get_call(
    state: web::Data<AppState>,
    ctx: RequestCtx,
    path: web::Path<String>,
) -> AppResult<HttpResponse> {
    let d = visible_call(&state, &ctx, path.into_inner()).await?;
    json(StatusCode::OK, &CallView::build(&d.call, &d.lots))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CallIn {
    pub reference: String,
    pub title: String,
    #[serde(default)]
    pub description: String,
    pub call_type: CallType,
    /// UTC, RFC 3339; empty to open at publication.
    #[serde(default)]
    pub opens_at: Option<chrono::DateTime<chrono::Utc>>,
    /// UTC, RFC 3339.
    #[serde(default)]
    pub deadline: Option<chrono::DateTime<chrono::Utc>>,
    /// The rules of the call. Left out: the defaults on creation, unchanged on update.
    #[serde(default)]
    pub parameters: Option<CallParameters>,
}

fn call_input(body: CallIn) -> CallInput {
    let naive = |t: chrono::DateTime<chrono::Utc>| -> NaiveDateTime {
        crate::db::truncate_micros(t.naive_utc())
    };
    CallInput {
        reference: body.reference,
        title: body.title,
        description: body.description,
        call_type: Some(body.call_type),
        opens_at: body.opens_at.map(naive),
        deadline: body.deadline.map(naive),
        params: body.parameters,
    }
}

#[utoipa::path(post, path = "/api/v1/programmes/{id}/calls", tag = "calls", security(("bearer" = [])), params(("id" = String, Path)), request_body = CallIn,
    responses((status = 201, body = CallView), (status = 403, body = super::Problem, content_type = "application/problem+json"),
              (status = 422, body = super::Problem, content_type = "application/problem+json")))]
pub async fn create_call(
    state: web::Data<AppState>,
    ctx: RequestCtx,
    path: web::Path<String>,
    body: web::Json<CallIn>,
) -> AppResult<HttpResponse> {
    let id = calls::create(
        &state,
        &ctx.actor(),
        path.into_inner(),
        call_input(body.into_inner()),
    )
    .await?;
    let d = calls::staff_detail(&state, &ctx.actor(), id).await?;
    json(StatusCode::CREATED, &CallView::build(&d.call, &d.lots))
}

#[utoipa::path(put, path = "/api/v1/calls/{id}", tag = "calls", security(("bearer" = [])), params(("id" = String, Path)), request_body = CallIn,
    responses((status = 200, body = CallView), (status = 409, description = "The call is no longer a draft", body = super::Problem, content_type = "application/problem+json"),
              (status = 422, body = super::Problem, content_type = "application/problem+json")))]
pub async fn update_call(
    state: web::Data<AppState>,
    ctx: RequestCtx,
    path: web::Path<String>,
    body: web::Json<CallIn>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    calls::update(
        &state,
        &ctx.actor(),
        id.clone(),
        call_input(body.into_inner()),
    )
    .await?;
    staff_call_view(&state, &ctx, id).await
}

#[utoipa::path(get, path = "/api/v1/calls/{id}/lots", tag = "calls", params(("id" = String, Path)), responses((status = 200, body = [LotView])))]
pub async fn list_lots(
    state: web::Data<AppState>,
    ctx: RequestCtx,
    path: web::Path<String>,
) -> AppResult<HttpResponse> {
    let d = visible_call(&state, &ctx, path.into_inner()).await?;
    json(
        StatusCode::OK,
        &d.lots.iter().map(LotView::build).collect::<Vec<_>>(),
    )
}

#[utoipa::path(post, path = "/api/v1/calls/{id}/lots", tag = "calls", security(("bearer" = [])), params(("id" = String, Path)), request_body = LotTerms,
    responses((status = 201, body = LotView), (status = 409, body = super::Problem, content_type = "application/problem+json"),
              (status = 422, body = super::Problem, content_type = "application/problem+json")))]
pub async fn create_lot(
    state: web::Data<AppState>,
    ctx: RequestCtx,
    path: web::Path<String>,
    body: web::Json<LotTerms>,
) -> AppResult<HttpResponse> {
    let call_id = path.into_inner();
    let id = calls::save_lot(
        &state,
        &ctx.actor(),
        call_id.clone(),
        None,
        body.into_inner(),
    )
    .await?;
    json(
        StatusCode::CREATED,
        &saved_lot(&state, &ctx, call_id, id).await?,
    )
}

#[utoipa::path(put, path = "/api/v1/calls/{id}/lots/{lot_id}", tag = "calls", security(("bearer" = [])),
    params(("id" = String, Path), ("lot_id" = String, Path)), request_body = LotTerms,
    responses((status = 200, body = LotView), (status = 409, description = "Lots of a published call cannot change", body = super::Problem, content_type = "application/problem+json"),
              (status = 422, body = super::Problem, content_type = "application/problem+json")))]
pub async fn update_lot(
    state: web::Data<AppState>,
    ctx: RequestCtx,
    path: web::Path<(String, String)>,
    body: web::Json<LotTerms>,
) -> AppResult<HttpResponse> {
    let (call_id, lot_id) = path.into_inner();
    let id = calls::save_lot(
        &state,
        &ctx.actor(),
        call_id.clone(),
        Some(lot_id),
        body.into_inner(),
    )
    .await?;
    json(StatusCode::OK, &saved_lot(&state, &ctx, call_id, id).await?)
}

/// A lot as stored after a change.
async fn saved_lot(
    state: &AppState,
    ctx: &RequestCtx,
    call_id: String,
    lot_id: String,
) -> AppResult<LotView> {
    let d = calls::staff_detail(state, &ctx.actor(), call_id).await?;
    d.lots
        .iter()
        .find(|l| l.id == lot_id)
        .map(LotView::build)
        .ok_or(AppError::NotFound)
}

/// Published answers, without the askers' identity (CFP-03).
#[utoipa::path(get, path = "/api/v1/calls/{id}/clarifications", tag = "calls", params(("id" = String, Path)), responses((status = 200, body = [ClarificationView])))]
pub async fn list_clarifications(
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> AppResult<HttpResponse> {
    let d = calls::public_detail(&state, path.into_inner(), None).await?;
    let out = ClarificationView::published(d.clarifications);
    json(StatusCode::OK, &out)
}

/// The corrigenda of a published or cancelled call, the first first.
#[utoipa::path(get, path = "/api/v1/calls/{id}/corrigenda", tag = "calls", params(("id" = String, Path)),
    responses((status = 200, body = [CorrigendumView]), (status = 404, body = super::Problem, content_type = "application/problem+json")))]
pub async fn list_corrigenda(
    state: web::Data<AppState>,
    ctx: RequestCtx,
    path: web::Path<String>,
) -> AppResult<HttpResponse> {
    let d = calls::public_detail(&state, path.into_inner(), None).await?;
    json(
        StatusCode::OK,
        &CorrigendumView::list(ctx.lang, &d.corrigenda, &d.corrigendum_documents),
    )
}

/// A correction of one lot: a corrected title (English required when given) or a higher
/// amount.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LotCorrectionInput {
    pub number: i32,
    #[serde(default)]
    pub title: Option<Texts>,
    #[serde(default)]
    pub envelope_cents: Option<Money>,
}

/// A corrigendum: why (English required), and what it changes; what is left out stays.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CorrigendumInput {
    pub reason: Texts,
    /// The new deadline (RFC 3339): later than the current one.
    #[serde(default)]
    #[schema(value_type = Option<String>, format = DateTime)]
    pub deadline: Option<chrono::DateTime<chrono::Utc>>,
    #[serde(default)]
    pub description: Option<Texts>,
    #[serde(default)]
    pub lots: Vec<LotCorrectionInput>,
    #[serde(default)]
    pub adds_documents: bool,
}

/// Publishes a corrigendum to a published call; every problem is listed as in the page.
#[utoipa::path(post, path = "/api/v1/calls/{id}/corrigenda", tag = "calls", security(("bearer" = [])),
    params(("id" = String, Path)), request_body = CorrigendumInput,
    responses((status = 201, body = CorrigendumView),
              (status = 404, body = super::Problem, content_type = "application/problem+json"),
              (status = 409, description = "The call is not published", body = super::Problem, content_type = "application/problem+json"),
              (status = 422, description = "Every problem, one entry each", body = super::Problem, content_type = "application/problem+json")))]
pub async fn create_corrigendum(
    req: actix_web::HttpRequest,
    state: web::Data<AppState>,
    ctx: RequestCtx,
    path: web::Path<String>,
    body: web::Json<CorrigendumInput>,
) -> AppResult<HttpResponse> {
    let call_id = path.into_inner();
    let input = body.into_inner();
    let request = CorrigendumRequest {
        reason: input.reason,
        deadline: input.deadline.map(|d| d.naive_utc()),
        description: input.description,
        lots: input
            .lots
            .into_iter()
            .map(|l| LotCorrection {
                number: l.number,
                title: l.title,
                envelope: l.envelope_cents,
            })
            .collect(),
        adds_documents: input.adds_documents,
    };
    match calls::publish_corrigendum(&state, &ctx.actor(), call_id.clone(), request).await? {
        Ok(number) => {
            let d = calls::public_detail(&state, call_id, None).await?;
            let all = CorrigendumView::list(ctx.lang, &d.corrigenda, &d.corrigendum_documents);
            let created = all
                .into_iter()
                .find(|c| c.number == number)
                .ok_or(AppError::NotFound)?;
            json(StatusCode::CREATED, &created)
        }
        Err(problems) => Ok(super::rule_problems(
            &req,
            ctx.lang,
            "error-corrigendum-refused",
            &problems,
        )),
    }
}
