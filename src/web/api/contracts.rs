//! JSON API v1 for grant contracts: the list, one contract with its tranches, payments,
//! reports and versions, and the staff's and beneficiary's steps, through the same
//! services as the pages (another organisation's contract: 404). The countersignature
//! and report documents need a file and are given on the contract's page.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{json, utc};
use crate::domain::money::Money;
use crate::error::{AppError, AppResult};
use crate::services::contracts::{
    self as service, AmendmentInput, PaymentInput, ReportDecision, TermsInput,
};
use crate::state::AppState;
use crate::web::guard::RequestCtx;

/// A contract in a list.
#[derive(Debug, Serialize, ToSchema)]
pub struct ContractSummaryOut {
    pub id: String,
    pub number: String,
    pub application_id: String,
    /// draft, sent, active, suspended, closed, terminated or withdrawn.
    pub status: String,
    pub max_eu_cents: i64,
    pub eu_share_bp: i64,
    pub duration_months: i32,
    pub start_date: Option<String>,
    pub end_date: Option<String>,
}

impl From<&crate::db::contracts::ContractRow> for ContractSummaryOut {
    fn from(c: &crate::db::contracts::ContractRow) -> Self {
        ContractSummaryOut {
            id: c.id.clone(),
            number: c.number.clone(),
            application_id: c.application_id.clone(),
            status: c.status.clone(),
            max_eu_cents: c.max_eu_cents,
            eu_share_bp: c.eu_share_bp,
            duration_months: c.duration_months,
            start_date: c.start_date.map(|d| d.to_string()),
            end_date: c.end_date.map(|d| d.to_string()),
        }
    }
}

/// A planned payment (PAY-01) and what its release allows (PAY-02).
#[derive(Debug, Serialize, ToSchema)]
pub struct TrancheOut {
    pub position: i32,
    /// pre_financing, further or balance.
    pub kind: String,
    pub planned_cents: i64,
    /// Set once released (the first pre-financing at the countersignature).
    pub payable_cents: Option<i64>,
    pub paid_cents: i64,
    pub due_on: Option<String>,
    /// The report whose approval releases it.
    pub after_report: Option<i32>,
    /// The arithmetic of the release (PAY-02) or of the final grant (CON-04).
    #[schema(value_type = Option<Object>)]
    pub release: Option<serde_json::Value>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PaymentOut {
    /// payment or recovery.
    pub kind: String,
    pub tranche: Option<i32>,
    pub amount_cents: i64,
    pub paid_on: String,
    pub reference: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ContractReportOut {
    pub position: i32,
    /// interim or final.
    pub kind: String,
    pub period_end: String,
    pub due_on: String,
    /// AUD-01: an expenditure verification report goes with it.
    pub verification: bool,
    /// due, submitted, information_requested or approved.
    pub status: String,
    pub costs_cents: Option<i64>,
    pub accepted_costs_cents: Option<i64>,
    pub information_due: Option<String>,
    pub staff_comment: Option<String>,
    /// The documents given (narrative, financial, verification).
    pub documents: Vec<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct VersionOut {
    pub version: i32,
    pub reason: String,
    pub created_at: String,
    #[schema(value_type = Object)]
    pub terms: serde_json::Value,
}

/// A change the beneficiary asked for (AMD-01/02).
#[derive(Debug, Serialize, ToSchema)]
pub struct AmendmentOut {
    pub number: i32,
    /// extension, transfer or other.
    pub kind: String,
    /// requested, notified (a transfer within the threshold), approved or rejected.
    pub status: String,
    pub effective_on: String,
    pub new_end: Option<String>,
    pub transfer_from: Option<i32>,
    pub transfer_to: Option<i32>,
    pub transfer_cents: Option<i64>,
    pub description: String,
    pub requested_at: String,
    pub decided_at: Option<String>,
    pub comment: Option<String>,
}

/// One contract with everything that happened to it.
#[derive(Debug, Serialize, ToSchema)]
pub struct ContractOut {
    #[serde(flatten)]
    pub summary: ContractSummaryOut,
    pub beneficiary: String,
    pub title: String,
    pub agreed_start: Option<String>,
    pub lead_abroad: bool,
    pub sent_at: Option<String>,
    pub countersign_by: Option<String>,
    pub countersigned_at: Option<String>,
    pub ended_at: Option<String>,
    pub end_reason: Option<String>,
    pub final_grant_cents: Option<i64>,
    pub keep_until: Option<String>,
    /// CON-02: the longest duration in months if it were signed today.
    pub longest_duration_today: u32,
    pub tranches: Vec<TrancheOut>,
    pub payments: Vec<PaymentOut>,
    pub reports: Vec<ContractReportOut>,
    pub amendments: Vec<AmendmentOut>,
    /// Budget headings 1–6 now, in cents (after transfers).
    pub headings_cents: Vec<i64>,
    pub versions: Vec<VersionOut>,
}

async fn contract_out(state: &AppState, ctx: &RequestCtx, id: String) -> AppResult<ContractOut> {
    let d = service::detail(state, &ctx.actor(), id).await?;
    let c = &d.contract;
    let paid = |position: i32| service::paid_on_tranche(&d.payments, position);
    let date = |x: Option<chrono::NaiveDate>| x.map(|x| x.to_string());
    Ok(ContractOut {
        summary: c.into(),
        beneficiary: d.beneficiary.clone(),
        title: d.title.clone(),
        agreed_start: date(c.agreed_start),
        lead_abroad: c.lead_abroad,
        sent_at: c.sent_at.map(utc),
        countersign_by: date(c.countersign_by),
        countersigned_at: c.countersigned_at.map(utc),
        ended_at: c.ended_at.map(utc),
        end_reason: c.end_reason.clone(),
        final_grant_cents: c.final_grant_cents,
        keep_until: date(c.keep_until),
        longest_duration_today: d.longest_duration,
        tranches: d
            .tranches
            .iter()
            .map(|t| TrancheOut {
                position: t.position,
                kind: t.kind.clone(),
                planned_cents: t.planned_cents,
                payable_cents: t.payable_cents,
                paid_cents: paid(t.position),
                due_on: date(t.due_on),
                after_report: t.after_report,
                release: t
                    .release
                    .as_deref()
                    .and_then(|r| serde_json::from_str(r).ok()),
            })
            .collect(),
        payments: d
            .payments
            .iter()
            .map(|p| PaymentOut {
                kind: p.kind.clone(),
                tranche: p.tranche_position,
                amount_cents: p.amount_cents,
                paid_on: p.paid_on.to_string(),
                reference: p.reference.clone(),
            })
            .collect(),
        reports: d
            .reports
            .iter()
            .map(|(r, files)| ContractReportOut {
                position: r.position,
                kind: r.kind.clone(),
                period_end: r.period_end.to_string(),
                due_on: r.due_on.to_string(),
                verification: r.verification,
                status: r.status.clone(),
                costs_cents: r.costs_cents,
                accepted_costs_cents: r.accepted_costs_cents,
                information_due: date(r.information_due),
                staff_comment: r.staff_comment.clone(),
                documents: files.iter().map(|f| f.title.clone()).collect(),
            })
            .collect(),
        amendments: d
            .amendments
            .iter()
            .map(|a| AmendmentOut {
                number: a.number,
                kind: a.kind.clone(),
                status: a.status.clone(),
                effective_on: a.effective_on.to_string(),
                new_end: date(a.new_end),
                transfer_from: a.transfer_from,
                transfer_to: a.transfer_to,
                transfer_cents: a.transfer_cents,
                description: a.description.clone(),
                requested_at: utc(a.requested_at),
                decided_at: a.decided_at.map(utc),
                comment: a.comment.clone(),
            })
            .collect(),
        headings_cents: d.headings_now.iter().map(|m| m.cents()).collect(),
        versions: d
            .versions
            .iter()
            .map(|v| VersionOut {
                version: v.version,
                reason: v.reason.clone(),
                created_at: utc(v.created_at),
                terms: serde_json::from_str(&v.terms).unwrap_or_default(),
            })
            .collect(),
    })
}

/// The contracts the caller may see: all (Delegation, auditor) or their organisations'.
#[utoipa::path(get, path = "/api/v1/contracts", tag = "contracts", security(("bearer" = [])),
    responses((status = 200, body = Vec<ContractSummaryOut>)))]
pub async fn list(state: web::Data<AppState>, ctx: RequestCtx) -> AppResult<HttpResponse> {
    let (contracts, _) = service::list(&state, &ctx.actor()).await?;
    let out: Vec<ContractSummaryOut> = contracts.iter().map(Into::into).collect();
    json(StatusCode::OK, &out)
}

/// One contract with its tranches, payments, reports and every version.
#[utoipa::path(get, path = "/api/v1/contracts/{id}", tag = "contracts", security(("bearer" = [])),
    params(("id" = String, Path)), responses((status = 200, body = ContractOut)))]
pub async fn get(
    state: web::Data<AppState>,
    ctx: RequestCtx,
    path: web::Path<String>,
) -> AppResult<HttpResponse> {
    json(
        StatusCode::OK,
        &contract_out(&state, &ctx, path.into_inner()).await?,
    )
}

/// Prepares (or, while a draft, changes) the contract of an awarded application
/// (CON-01/02; TL-02/03 checked as if signed today).
#[utoipa::path(post, path = "/api/v1/awards/{aid}/contract", tag = "contracts", security(("bearer" = [])),
    params(("aid" = String, Path, description = "The awarded application")), request_body = TermsInput,
    responses((status = 201, body = ContractOut),
              (status = 409, body = super::Problem, content_type = "application/problem+json"),
              (status = 422, body = super::Problem, content_type = "application/problem+json")))]
pub async fn prepare(
    state: web::Data<AppState>,
    ctx: RequestCtx,
    path: web::Path<String>,
    body: web::Json<TermsInput>,
) -> AppResult<HttpResponse> {
    let id =
        service::save_terms(&state, &ctx.actor(), path.into_inner(), body.into_inner()).await?;
    json(StatusCode::CREATED, &contract_out(&state, &ctx, id).await?)
}

/// The Delegation signs and sends the contract; 30 days to countersign (CON-01).
#[utoipa::path(post, path = "/api/v1/contracts/{id}/send", tag = "contracts", security(("bearer" = [])),
    params(("id" = String, Path)),
    responses((status = 200, body = ContractOut),
              (status = 409, body = super::Problem, content_type = "application/problem+json"),
              (status = 422, body = super::Problem, content_type = "application/problem+json")))]
pub async fn send(
    state: web::Data<AppState>,
    ctx: RequestCtx,
    path: web::Path<String>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    service::send(&state, &ctx.actor(), id.clone()).await?;
    json(StatusCode::OK, &contract_out(&state, &ctx, id).await?)
}

/// Records a payment of a released tranche, or a recovery (kind "recovery").
#[utoipa::path(post, path = "/api/v1/contracts/{id}/payments", tag = "contracts", security(("bearer" = [])),
    params(("id" = String, Path)), request_body = PaymentInput,
    responses((status = 201, body = ContractOut),
              (status = 409, body = super::Problem, content_type = "application/problem+json"),
              (status = 422, body = super::Problem, content_type = "application/problem+json")))]
pub async fn record_payment(
    state: web::Data<AppState>,
    ctx: RequestCtx,
    path: web::Path<String>,
    body: web::Json<PaymentInput>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    service::record_payment(&state, &ctx.actor(), id.clone(), body.into_inner()).await?;
    json(StatusCode::CREATED, &contract_out(&state, &ctx, id).await?)
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReportIn {
    pub summary: String,
    /// Eligible costs incurred to date, in euros ("30000" or "30,000.00").
    pub costs: String,
}

/// The beneficiary submits a report (its documents uploaded on the contract's page).
#[utoipa::path(post, path = "/api/v1/contracts/{id}/reports/{n}/submit", tag = "contracts", security(("bearer" = [])),
    params(("id" = String, Path), ("n" = i32, Path)), request_body = ReportIn,
    responses((status = 200, body = ContractOut),
              (status = 409, body = super::Problem, content_type = "application/problem+json"),
              (status = 422, body = super::Problem, content_type = "application/problem+json")))]
pub async fn submit_report(
    state: web::Data<AppState>,
    ctx: RequestCtx,
    path: web::Path<(String, i32)>,
    body: web::Json<ReportIn>,
) -> AppResult<HttpResponse> {
    let (id, n) = path.into_inner();
    let b = body.into_inner();
    service::submit_report(&state, &ctx.actor(), id.clone(), n, b.summary, b.costs).await?;
    json(StatusCode::OK, &contract_out(&state, &ctx, id).await?)
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReportDecisionIn {
    /// true approves; false asks for more information (`comment` required).
    pub approve: bool,
    #[serde(default)]
    pub comment: String,
    /// For the final report: the accepted eligible costs in euros (default: as reported).
    #[serde(default)]
    pub accepted_costs: Option<String>,
}

/// Staff approve a report (releasing the next tranche, PAY-02, or fixing the final
/// grant, CON-04) or ask for more information (30 days, REP-01).
#[utoipa::path(post, path = "/api/v1/contracts/{id}/reports/{n}/decision", tag = "contracts", security(("bearer" = [])),
    params(("id" = String, Path), ("n" = i32, Path)), request_body = ReportDecisionIn,
    responses((status = 200, body = ContractOut),
              (status = 409, body = super::Problem, content_type = "application/problem+json"),
              (status = 422, body = super::Problem, content_type = "application/problem+json")))]
pub async fn decide_report(
    state: web::Data<AppState>,
    ctx: RequestCtx,
    path: web::Path<(String, i32)>,
    body: web::Json<ReportDecisionIn>,
) -> AppResult<HttpResponse> {
    let (id, n) = path.into_inner();
    let b = body.into_inner();
    let decision = if b.approve {
        let accepted_costs = match b.accepted_costs.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(s) => Some(
                Money::parse(s)
                    .map_err(|_| AppError::field("accepted_costs", "error-report-costs"))?,
            ),
        };
        ReportDecision::Approve { accepted_costs }
    } else {
        ReportDecision::RequestInformation { comment: b.comment }
    };
    service::decide_report(&state, &ctx.actor(), id.clone(), n, decision).await?;
    json(StatusCode::OK, &contract_out(&state, &ctx, id).await?)
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TerminateIn {
    pub reason: String,
}

/// Ends a running contract early (or withdraws one not countersigned), with the reason.
#[utoipa::path(post, path = "/api/v1/contracts/{id}/terminate", tag = "contracts", security(("bearer" = [])),
    params(("id" = String, Path)), request_body = TerminateIn,
    responses((status = 200, body = ContractOut),
              (status = 409, body = super::Problem, content_type = "application/problem+json"),
              (status = 422, body = super::Problem, content_type = "application/problem+json")))]
pub async fn terminate(
    state: web::Data<AppState>,
    ctx: RequestCtx,
    path: web::Path<String>,
    body: web::Json<TerminateIn>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    service::terminate(&state, &ctx.actor(), id.clone(), body.into_inner().reason).await?;
    json(StatusCode::OK, &contract_out(&state, &ctx, id).await?)
}

/// Closes a settled contract (CON-04); records kept 7 years after the final payment.
#[utoipa::path(post, path = "/api/v1/contracts/{id}/close", tag = "contracts", security(("bearer" = [])),
    params(("id" = String, Path)),
    responses((status = 200, body = ContractOut),
              (status = 409, body = super::Problem, content_type = "application/problem+json")))]
pub async fn close(
    state: web::Data<AppState>,
    ctx: RequestCtx,
    path: web::Path<String>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    service::close(&state, &ctx.actor(), id.clone()).await?;
    json(StatusCode::OK, &contract_out(&state, &ctx, id).await?)
}

/// The beneficiary asks for an extension, a budget transfer or another change
/// (AMD-01/02); a transfer within the threshold is notified and applies at once.
#[utoipa::path(post, path = "/api/v1/contracts/{id}/amendments", tag = "contracts", security(("bearer" = [])),
    params(("id" = String, Path)), request_body = AmendmentInput,
    responses((status = 201, body = ContractOut),
              (status = 409, body = super::Problem, content_type = "application/problem+json"),
              (status = 422, body = super::Problem, content_type = "application/problem+json")))]
pub async fn request_amendment(
    state: web::Data<AppState>,
    ctx: RequestCtx,
    path: web::Path<String>,
    body: web::Json<AmendmentInput>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    service::request_amendment(&state, &ctx.actor(), id.clone(), body.into_inner()).await?;
    json(StatusCode::CREATED, &contract_out(&state, &ctx, id).await?)
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AmendmentDecisionIn {
    /// true approves the addendum; false rejects it (`comment` required).
    pub approve: bool,
    #[serde(default)]
    pub comment: String,
}

/// The EU Delegation approves or rejects a requested addendum.
#[utoipa::path(post, path = "/api/v1/contracts/{id}/amendments/{n}/decision", tag = "contracts", security(("bearer" = [])),
    params(("id" = String, Path), ("n" = i32, Path)), request_body = AmendmentDecisionIn,
    responses((status = 200, body = ContractOut),
              (status = 409, body = super::Problem, content_type = "application/problem+json"),
              (status = 422, body = super::Problem, content_type = "application/problem+json")))]
pub async fn decide_amendment(
    state: web::Data<AppState>,
    ctx: RequestCtx,
    path: web::Path<(String, i32)>,
    body: web::Json<AmendmentDecisionIn>,
) -> AppResult<HttpResponse> {
    let (id, n) = path.into_inner();
    let b = body.into_inner();
    service::decide_amendment(&state, &ctx.actor(), id.clone(), n, b.approve, b.comment).await?;
    json(StatusCode::OK, &contract_out(&state, &ctx, id).await?)
}
