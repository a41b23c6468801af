//! API v1 for programmes, calls, lots and clarifications: public reads without a token,
//! changes with a Delegation token. The same services as the pages.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{json, utc};
use crate::domain::access::{role_allows, Action};
use crate::domain::calls::{CallParameters, CallType, LotTerms};
use crate::domain::money::Money;
use crate::domain::programme::format_labelled_amounts;
use crate::error::{AppError, AppResult};
use crate::services::calls::{self, lot_terms, CallInput};
use crate::services::programmes::{self, ProgrammeDetail, ProgrammeInput};
use crate::state::AppState;
use crate::web::guard::RequestCtx;

#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct LabelledAmount {
    pub label: String,
    pub amount_cents: i64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TimelineOut {
    pub entry_into_force: NaiveDate,
    /// TL-01
    pub call_launch_deadline: NaiveDate,
    /// TL-02
    pub contracting_deadline: NaiveDate,
    /// TL-03
    pub operational_end: NaiveDate,
    /// TL-04
    pub execution_end: NaiveDate,
    /// TL-05
    pub decommitment: NaiveDate,
    /// TL-07
    pub steering_reports: Vec<NaiveDate>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AmendmentOut {
    pub date: String,
    pub old_date: NaiveDate,
    pub new_date: NaiveDate,
    pub reason: String,
    pub addendum_reference: String,
    pub proposed_on: NaiveDate,
    pub effective_on: NaiveDate,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ProgrammeOut {
    pub id: String,
    pub reference: String,
    pub title: String,
    pub total_budget_cents: i64,
    pub grant_budget_cents: i64,
    pub timeline: TimelineOut,
    pub budget_lines: Vec<LabelledAmount>,
    pub envelopes: Vec<LabelledAmount>,
    pub amendments: Vec<AmendmentOut>,
}

fn programme_out(p: &ProgrammeDetail) -> ProgrammeOut {
    let t = &p.timeline;
    ProgrammeOut {
        id: p.programme.id.clone(),
        reference: p.programme.reference.clone(),
        title: p.programme.title.clone(),
        total_budget_cents: p.programme.total_budget_cents,
        grant_budget_cents: p.grant_budget().cents(),
        timeline: TimelineOut {
            entry_into_force: t.entry_into_force,
            call_launch_deadline: t.call_launch_deadline,
            contracting_deadline: t.contracting_deadline,
            operational_end: t.operational_end,
            execution_end: t.execution_end,
            decommitment: t.decommitment,
            steering_reports: t.steering_reports(),
        },
        budget_lines: p
            .budget_lines
            .iter()
            .map(|l| LabelledAmount {
                label: l.label.clone(),
                amount_cents: l.amount_cents,
            })
            .collect(),
        envelopes: p
            .envelopes
            .iter()
            .map(|l| LabelledAmount {
                label: l.label.clone(),
                amount_cents: l.amount_cents,
            })
            .collect(),
        amendments: p
            .amendments
            .iter()
            .map(|a| AmendmentOut {
                date: a.date_field.clone(),
                old_date: a.old_date,
                new_date: a.new_date,
                reason: a.reason.clone(),
                addendum_reference: a.addendum_reference.clone(),
                proposed_on: a.proposed_on,
                effective_on: a.effective_on,
            })
            .collect(),
    }
}

/// Programmes with their computed timeline.
#[utoipa::path(get, path = "/api/v1/programmes", tag = "programmes", responses((status = 200, body = [ProgrammeOut])))]
pub async fn list_programmes(state: web::Data<AppState>) -> AppResult<HttpResponse> {
    let list = programmes::list(&state).await?;
    json(
        StatusCode::OK,
        &list.iter().map(programme_out).collect::<Vec<_>>(),
    )
}

#[utoipa::path(get, path = "/api/v1/programmes/{id}", tag = "programmes", params(("id" = String, Path)),
    responses((status = 200, body = ProgrammeOut), (status = 404, body = super::Problem, content_type = "application/problem+json")))]
pub async fn get_programme(
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> AppResult<HttpResponse> {
    json(
        StatusCode::OK,
        &programme_out(&programmes::detail(&state, path.into_inner()).await?),
    )
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ProgrammeIn {
    pub reference: String,
    pub title: String,
    /// D; only read on creation (afterwards dates change through amendments).
    pub entry_into_force: NaiveDate,
    pub total_budget_cents: i64,
    pub budget_lines: Vec<LabelledAmount>,
    pub envelopes: Vec<LabelledAmount>,
}

fn programme_input(body: ProgrammeIn) -> AppResult<ProgrammeInput> {
    let pairs =
        |items: Vec<LabelledAmount>, field: &'static str| -> AppResult<Vec<(String, Money)>> {
            items
                .into_iter()
                .map(|l| {
                    if l.amount_cents < 0 || l.label.contains(['\n', '\r', '|']) {
                        Err(AppError::field(field, "error-line-format"))
                    } else {
                        Ok((l.label, Money::from_cents(l.amount_cents)))
                    }
                })
                .collect()
        };
    if body.total_budget_cents < 0 {
        return Err(AppError::field("total_budget", "error-amount-positive"));
    }
    Ok(ProgrammeInput {
        reference: body.reference,
        title: body.title,
        entry_into_force: body.entry_into_force.to_string(),
        total_budget: Money::from_cents(body.total_budget_cents).format_input(),
        budget_lines: format_labelled_amounts(&pairs(body.budget_lines, "budget_lines")?),
        envelopes: format_labelled_amounts(&pairs(body.envelopes, "envelopes")?),
    })
}

#[utoipa::path(post, path = "/api/v1/programmes", tag = "programmes", security(("bearer" = [])), request_body = ProgrammeIn,
    responses((status = 201, body = ProgrammeOut), (status = 403, body = super::Problem, content_type = "application/problem+json"),
              (status = 422, body = super::Problem, content_type = "application/problem+json")))]
pub async fn create_programme(
    state: web::Data<AppState>,
    ctx: RequestCtx,
    body: web::Json<ProgrammeIn>,
) -> AppResult<HttpResponse> {
    let id = programmes::create(&state, &ctx.actor(), programme_input(body.into_inner())?).await?;
    json(
        StatusCode::CREATED,
        &programme_out(&programmes::detail(&state, id).await?),
    )
}

#[utoipa::path(put, path = "/api/v1/programmes/{id}", tag = "programmes", security(("bearer" = [])), params(("id" = String, Path)), request_body = ProgrammeIn,
    responses((status = 200, body = ProgrammeOut), (status = 403, body = super::Problem, content_type = "application/problem+json"),
              (status = 422, body = super::Problem, content_type = "application/problem+json")))]
pub async fn update_programme(
    state: web::Data<AppState>,
    ctx: RequestCtx,
    path: web::Path<String>,
    body: web::Json<ProgrammeIn>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    programmes::update(
        &state,
        &ctx.actor(),
        id.clone(),
        programme_input(body.into_inner())?,
    )
    .await?;
    json(
        StatusCode::OK,
        &programme_out(&programmes::detail(&state, id).await?),
    )
}

#[derive(Debug, Serialize, ToSchema)]
pub struct LotOut {
    pub id: String,
    #[serde(flatten)]
    pub terms: LotTerms,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CallOut {
    pub id: String,
    pub programme_id: String,
    pub reference: String,
    pub title: String,
    pub description: String,
    pub call_type: CallType,
    pub status: crate::domain::calls::CallStatus,
    /// UTC, RFC 3339.
    pub opens_at: Option<String>,
    pub deadline: Option<String>,
    pub published_at: Option<String>,
    pub cancelled_at: Option<String>,
    pub cancel_reason: Option<String>,
    pub parameters: CallParameters,
    pub lots: Vec<LotOut>,
}

fn call_out(c: &calls::Call, lots: &[crate::db::calls::LotRow]) -> CallOut {
    CallOut {
        id: c.row.id.clone(),
        programme_id: c.row.programme_id.clone(),
        reference: c.row.reference.clone(),
        title: c.row.title.clone(),
        description: c.row.description.clone(),
        call_type: c.call_type,
        status: c.status,
        opens_at: c.row.opens_at.map(utc),
        deadline: c.row.deadline.map(utc),
        published_at: c.row.published_at.map(utc),
        cancelled_at: c.row.cancelled_at.map(utc),
        cancel_reason: c.row.cancel_reason.clone(),
        parameters: c.params.clone(),
        lots: lots
            .iter()
            .map(|l| LotOut {
                id: l.id.clone(),
                terms: lot_terms(l),
            })
            .collect(),
    }
}

fn is_staff(ctx: &RequestCtx) -> bool {
    ctx.user
        .as_ref()
        .is_some_and(|u| role_allows(u.role, Action::ViewProgrammes))
}

/// Published and cancelled calls; with a Delegation or auditor token, drafts too.
#[utoipa::path(get, path = "/api/v1/calls", tag = "calls", responses((status = 200, body = [CallOut])))]
pub async fn list_calls(state: web::Data<AppState>, ctx: RequestCtx) -> AppResult<HttpResponse> {
    let out: Vec<CallOut> = if is_staff(&ctx) {
        calls::staff_list_with_lots(&state, &ctx.actor())
            .await?
            .iter()
            .map(|(c, lots)| call_out(c, lots))
            .collect()
    } else {
        calls::public_list(&state)
            .await?
            .iter()
            .map(|l| call_out(&l.call, &l.lots))
            .collect()
    };
    json(StatusCode::OK, &out)
}

async fn visible_call(
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
    responses((status = 200, body = CallOut), (status = 404, body = super::Problem, content_type = "application/problem+json")))]
pub async fn get_call(
    state: web::Data<AppState>,
    ctx: RequestCtx,
    path: web::Path<String>,
) -> AppResult<HttpResponse> {
    let d = visible_call(&state, &ctx, path.into_inner()).await?;
    json(StatusCode::OK, &call_out(&d.call, &d.lots))
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
    /// Defaults apply to what is left out.
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
        params: body.parameters.unwrap_or_default(),
    }
}

#[utoipa::path(post, path = "/api/v1/programmes/{id}/calls", tag = "calls", security(("bearer" = [])), params(("id" = String, Path)), request_body = CallIn,
    responses((status = 201, body = CallOut), (status = 403, body = super::Problem, content_type = "application/problem+json"),
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
    json(StatusCode::CREATED, &call_out(&d.call, &d.lots))
}

#[utoipa::path(put, path = "/api/v1/calls/{id}", tag = "calls", security(("bearer" = [])), params(("id" = String, Path)), request_body = CallIn,
    responses((status = 200, body = CallOut), (status = 409, description = "The call is no longer a draft", body = super::Problem, content_type = "application/problem+json"),
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
    let d = calls::staff_detail(&state, &ctx.actor(), id).await?;
    json(StatusCode::OK, &call_out(&d.call, &d.lots))
}

#[utoipa::path(get, path = "/api/v1/calls/{id}/lots", tag = "calls", params(("id" = String, Path)), responses((status = 200, body = [LotOut])))]
pub async fn list_lots(
    state: web::Data<AppState>,
    ctx: RequestCtx,
    path: web::Path<String>,
) -> AppResult<HttpResponse> {
    let d = visible_call(&state, &ctx, path.into_inner()).await?;
    json(StatusCode::OK, &call_out(&d.call, &d.lots).lots)
}

#[utoipa::path(post, path = "/api/v1/calls/{id}/lots", tag = "calls", security(("bearer" = [])), params(("id" = String, Path)), request_body = LotTerms,
    responses((status = 201, body = LotOut), (status = 409, body = super::Problem, content_type = "application/problem+json"),
              (status = 422, body = super::Problem, content_type = "application/problem+json")))]
pub async fn create_lot(
    state: web::Data<AppState>,
    ctx: RequestCtx,
    path: web::Path<String>,
    body: web::Json<LotTerms>,
) -> AppResult<HttpResponse> {
    let terms = body.into_inner();
    let id = calls::save_lot(&state, &ctx.actor(), path.into_inner(), None, terms.clone()).await?;
    json(StatusCode::CREATED, &LotOut { id, terms })
}

#[utoipa::path(put, path = "/api/v1/calls/{id}/lots/{lot_id}", tag = "calls", security(("bearer" = [])),
    params(("id" = String, Path), ("lot_id" = String, Path)), request_body = LotTerms,
    responses((status = 200, body = LotOut), (status = 409, description = "Lots of a published call cannot change", body = super::Problem, content_type = "application/problem+json"),
              (status = 422, body = super::Problem, content_type = "application/problem+json")))]
pub async fn update_lot(
    state: web::Data<AppState>,
    ctx: RequestCtx,
    path: web::Path<(String, String)>,
    body: web::Json<LotTerms>,
) -> AppResult<HttpResponse> {
    let (call_id, lot_id) = path.into_inner();
    let terms = body.into_inner();
    let id = calls::save_lot(&state, &ctx.actor(), call_id, Some(lot_id), terms.clone()).await?;
    json(StatusCode::OK, &LotOut { id, terms })
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ClarificationOut {
    pub question: String,
    pub answer: String,
    /// UTC, RFC 3339.
    pub published_at: String,
}

/// Published answers, without the askers' identity (CFP-03).
#[utoipa::path(get, path = "/api/v1/calls/{id}/clarifications", tag = "calls", params(("id" = String, Path)), responses((status = 200, body = [ClarificationOut])))]
pub async fn list_clarifications(
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> AppResult<HttpResponse> {
    let d = calls::public_detail(&state, path.into_inner(), None).await?;
    let out: Vec<ClarificationOut> = d
        .clarifications
        .into_iter()
        .filter_map(|c| {
            Some(ClarificationOut {
                question: c.question,
                answer: c.answer?,
                published_at: utc(c.published_at?),
            })
        })
        .collect();
    json(StatusCode::OK, &out)
}
