//! JSON API v1 for the evaluation: committees, declarations, assignments, score sheets,
//! divergence resolutions and the ranking with its selection, through the same
//! services and seat checks as the pages (no seat or no declaration: 404).

use std::collections::HashMap;

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::{json, utc};
use crate::domain::evaluation::{EvaluationStage, ScoreSheet};
use crate::domain::selection::Placement;
use crate::domain::FieldError;
use crate::error::{AppError, AppResult};
use crate::services::evaluation as service;
use crate::state::AppState;
use crate::web::guard::RequestCtx;

/// A seat on a call's evaluation committee.
#[derive(Debug, Serialize, ToSchema)]
pub struct MemberOut {
    pub id: String,
    pub user_id: String,
    pub name: String,
    pub email: String,
    /// chair, secretary, evaluator, replacement, assessor or observer.
    pub role: String,
    /// How applicants and exports name the person ("A3").
    pub code: String,
    pub declaration_signed_at: Option<String>,
}

/// A call's committee and what it still lacks (EVC-01).
#[derive(Debug, Serialize, ToSchema)]
pub struct CommitteeOut {
    pub members: Vec<MemberOut>,
    /// Message keys of what is missing; empty when the evaluation may start.
    pub problems: Vec<String>,
}

async fn committee_out(
    state: &AppState,
    ctx: &RequestCtx,
    call_id: String,
) -> AppResult<CommitteeOut> {
    let c = service::committee(state, &ctx.actor(), call_id).await?;
    Ok(CommitteeOut {
        members: c
            .members
            .into_iter()
            .map(|m| MemberOut {
                code: format!("A{}", m.row.seq),
                id: m.row.id,
                user_id: m.row.user_id,
                name: m.name,
                email: m.email,
                role: m.row.role,
                declaration_signed_at: m.signed_at.map(utc),
            })
            .collect(),
        problems: c.problems.iter().map(|p| p.to_string()).collect(),
    })
}

/// The committee of a call (Delegation staff and the auditor).
#[utoipa::path(get, path = "/api/v1/calls/{id}/committee", tag = "evaluation", security(("bearer" = [])),
    params(("id" = String, Path)), responses((status = 200, body = CommitteeOut)))]
pub async fn get_committee(
    state: web::Data<AppState>,
    ctx: RequestCtx,
    path: web::Path<String>,
) -> AppResult<HttpResponse> {
    json(
        StatusCode::OK,
        &committee_out(&state, &ctx, path.into_inner()).await?,
    )
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MemberIn {
    /// The email address of an evaluator or EU Delegation account.
    pub email: String,
    /// chair, secretary, evaluator, replacement, assessor or observer.
    pub role: String,
}

/// Gives a person a seat (Delegation staff); the person is emailed.
#[utoipa::path(post, path = "/api/v1/calls/{id}/committee", tag = "evaluation", security(("bearer" = [])),
    params(("id" = String, Path)), request_body = MemberIn,
    responses((status = 201, body = CommitteeOut),
              (status = 422, body = super::Problem, content_type = "application/problem+json")))]
pub async fn add_member(
    state: web::Data<AppState>,
    ctx: RequestCtx,
    path: web::Path<String>,
    body: web::Json<MemberIn>,
) -> AppResult<HttpResponse> {
    let call_id = path.into_inner();
    let b = body.into_inner();
    service::add_member(&state, &ctx.actor(), call_id.clone(), b.email, b.role).await?;
    json(
        StatusCode::CREATED,
        &committee_out(&state, &ctx, call_id).await?,
    )
}

/// Takes a seat away (refused while the person has unfinished assignments).
#[utoipa::path(delete, path = "/api/v1/calls/{id}/committee/{member_id}", tag = "evaluation", security(("bearer" = [])),
    params(("id" = String, Path), ("member_id" = String, Path)),
    responses((status = 204, description = "Removed"),
              (status = 409, body = super::Problem, content_type = "application/problem+json")))]
pub async fn remove_member(
    state: web::Data<AppState>,
    ctx: RequestCtx,
    path: web::Path<(String, String)>,
) -> AppResult<HttpResponse> {
    let (call_id, member_id) = path.into_inner();
    service::remove_member(&state, &ctx.actor(), call_id, member_id).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Signs the call's declaration of impartiality and confidentiality in the caller's
/// language (EVC-02). Signing again keeps the first signature.
#[utoipa::path(post, path = "/api/v1/calls/{id}/declaration", tag = "evaluation", security(("bearer" = [])),
    params(("id" = String, Path)), responses((status = 204, description = "Signed")))]
pub async fn sign_declaration(
    state: web::Data<AppState>,
    ctx: RequestCtx,
    path: web::Path<String>,
) -> AppResult<HttpResponse> {
    service::sign_declaration(&state, &ctx.actor(), path.into_inner(), ctx.lang).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// One assignment of an assessor.
#[derive(Debug, Serialize, ToSchema)]
pub struct AssignmentOut {
    pub id: String,
    pub application_id: String,
    pub receipt: String,
    pub title: String,
    pub organisation: String,
    /// concept or full.
    pub stage: String,
    /// pending, accepted, submitted, conflicted or replaced.
    pub status: String,
    /// manual, automatic, divergence or replacement.
    pub origin: String,
    /// Whole points of the submitted sheet.
    pub total: Option<i64>,
    pub sheet: Option<ScoreSheet>,
}

/// The caller's assignments in a call (after the declaration; before it the list is
/// empty).
#[utoipa::path(get, path = "/api/v1/calls/{id}/assignments", tag = "evaluation", security(("bearer" = [])),
    params(("id" = String, Path)), responses((status = 200, body = [AssignmentOut])))]
pub async fn my_assignments(
    state: web::Data<AppState>,
    ctx: RequestCtx,
    path: web::Path<String>,
) -> AppResult<HttpResponse> {
    let me = service::my_evaluation(&state, &ctx.actor(), path.into_inner()).await?;
    let out: Vec<AssignmentOut> = me
        .assignments
        .into_iter()
        .map(|(a, app)| AssignmentOut {
            id: a.id,
            application_id: app.id,
            receipt: app.receipt,
            title: app.title,
            organisation: app.organisation,
            stage: a.stage,
            status: a.status,
            origin: a.origin,
            total: a.total,
            sheet: None,
        })
        .collect();
    json(StatusCode::OK, &out)
}

/// One assignment with the caller's sheet (only the caller's own; 404 otherwise).
#[utoipa::path(get, path = "/api/v1/assignments/{id}", tag = "evaluation", security(("bearer" = [])),
    params(("id" = String, Path)), responses((status = 200, body = AssignmentOut)))]
pub async fn get_assignment(
    state: web::Data<AppState>,
    ctx: RequestCtx,
    path: web::Path<String>,
) -> AppResult<HttpResponse> {
    json(
        StatusCode::OK,
        &assignment_out(&state, &ctx, path.into_inner()).await?,
    )
}

async fn assignment_out(
    state: &AppState,
    ctx: &RequestCtx,
    id: String,
) -> AppResult<AssignmentOut> {
    let v = service::assignment_view(state, &ctx.actor(), id).await?;
    Ok(AssignmentOut {
        id: v.row.id,
        application_id: v.application.id,
        receipt: v.application.receipt_number.unwrap_or_default(),
        title: v.application.title,
        organisation: v.organisation,
        stage: v.row.stage,
        status: v.row.status,
        origin: v.row.origin,
        total: v.row.total,
        sheet: Some(v.sheet),
    })
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ConflictIn {
    /// true declares a conflict of interest (and removes the caller from the application).
    pub conflict: bool,
    /// What the conflict is (required when `conflict` is true).
    #[serde(default)]
    pub note: String,
}

/// Answers the conflict-of-interest question of an assignment (EVC-02).
#[utoipa::path(post, path = "/api/v1/assignments/{id}/conflict", tag = "evaluation", security(("bearer" = [])),
    params(("id" = String, Path)), request_body = ConflictIn,
    responses((status = 204, description = "Answered"),
              (status = 409, body = super::Problem, content_type = "application/problem+json"),
              (status = 422, body = super::Problem, content_type = "application/problem+json")))]
pub async fn answer_conflict(
    state: web::Data<AppState>,
    ctx: RequestCtx,
    path: web::Path<String>,
    body: web::Json<ConflictIn>,
) -> AppResult<HttpResponse> {
    let b = body.into_inner();
    service::answer_conflict(&state, &ctx.actor(), path.into_inner(), b.conflict, b.note).await?;
    Ok(HttpResponse::NoContent().finish())
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SheetIn {
    /// Scores by section code and sub-criterion code (1–5) and a comment per section.
    pub sheet: ScoreSheet,
    /// true submits the sheet (complete, final); false saves a draft.
    #[serde(default)]
    pub submit: bool,
}

/// Saves or submits the caller's score sheet (GRD-01).
#[utoipa::path(put, path = "/api/v1/assignments/{id}/sheet", tag = "evaluation", security(("bearer" = [])),
    params(("id" = String, Path)), request_body = SheetIn,
    responses((status = 200, body = AssignmentOut),
              (status = 409, body = super::Problem, content_type = "application/problem+json"),
              (status = 422, body = super::Problem, content_type = "application/problem+json")))]
pub async fn put_sheet(
    state: web::Data<AppState>,
    ctx: RequestCtx,
    path: web::Path<String>,
    body: web::Json<SheetIn>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let b = body.into_inner();
    service::save_sheet(&state, &ctx.actor(), id.clone(), Some(b.sheet), b.submit).await?;
    json(StatusCode::OK, &assignment_out(&state, &ctx, id).await?)
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AssignIn {
    /// concept or full.
    pub stage: String,
    /// With `assessor_id`: assign this one application by hand. Without: assign every
    /// application of the stage automatically.
    #[serde(default)]
    pub application_id: Option<String>,
    #[serde(default)]
    pub assessor_id: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AssignedOut {
    pub assigned: usize,
    /// Receipts of applications that could not get all the assessors they need.
    pub short: Vec<String>,
}

fn stage_in(s: &str) -> AppResult<EvaluationStage> {
    EvaluationStage::parse(s).ok_or_else(|| {
        AppError::Validation(vec![FieldError::new("stage", "error-evaluation-stage")])
    })
}

/// Assigns assessors (the chair): automatically, or one by hand.
#[utoipa::path(post, path = "/api/v1/calls/{id}/assignments", tag = "evaluation", security(("bearer" = [])),
    params(("id" = String, Path)), request_body = AssignIn,
    responses((status = 200, body = AssignedOut),
              (status = 409, body = super::Problem, content_type = "application/problem+json"),
              (status = 422, body = super::Problem, content_type = "application/problem+json")))]
pub async fn assign(
    state: web::Data<AppState>,
    ctx: RequestCtx,
    path: web::Path<String>,
    body: web::Json<AssignIn>,
) -> AppResult<HttpResponse> {
    let call_id = path.into_inner();
    let b = body.into_inner();
    let stage = stage_in(&b.stage)?;
    let out = match (b.application_id, b.assessor_id) {
        (Some(application), Some(assessor)) => {
            service::assign_manually(&state, &ctx.actor(), call_id, stage, application, assessor)
                .await?;
            AssignedOut {
                assigned: 1,
                short: Vec::new(),
            }
        }
        (None, None) => {
            let done = service::assign_automatically(&state, &ctx.actor(), call_id, stage).await?;
            AssignedOut {
                assigned: done.assigned,
                short: done.short,
            }
        }
        _ => {
            return Err(AppError::Validation(vec![FieldError::new(
                "assessor_id",
                "error-assign-not-scorer",
            )]))
        }
    };
    json(StatusCode::OK, &out)
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReplaceIn {
    /// The new assessor; without it, the replacement evaluator or the least loaded.
    #[serde(default)]
    pub assessor_id: Option<String>,
}

/// Replaces an assessor who has not submitted (the chair); the history is kept.
#[utoipa::path(post, path = "/api/v1/calls/{id}/assignments/{assignment_id}/replace", tag = "evaluation", security(("bearer" = [])),
    params(("id" = String, Path), ("assignment_id" = String, Path)), request_body = ReplaceIn,
    responses((status = 204, description = "Replaced"),
              (status = 409, body = super::Problem, content_type = "application/problem+json"),
              (status = 422, body = super::Problem, content_type = "application/problem+json")))]
pub async fn replace(
    state: web::Data<AppState>,
    ctx: RequestCtx,
    path: web::Path<(String, String)>,
    body: web::Json<ReplaceIn>,
) -> AppResult<HttpResponse> {
    let (call_id, assignment_id) = path.into_inner();
    service::replace_assessor(
        &state,
        &ctx.actor(),
        call_id,
        assignment_id,
        body.into_inner().assessor_id,
    )
    .await?;
    Ok(HttpResponse::NoContent().finish())
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ResolutionIn {
    pub application_id: String,
    /// concept or full.
    pub stage: String,
    /// How the committee resolved the divergence.
    pub note: String,
}

/// Records how a divergence was resolved (the chair, EVC-03).
#[utoipa::path(post, path = "/api/v1/calls/{id}/resolutions", tag = "evaluation", security(("bearer" = [])),
    params(("id" = String, Path)), request_body = ResolutionIn,
    responses((status = 204, description = "Recorded"),
              (status = 409, body = super::Problem, content_type = "application/problem+json"),
              (status = 422, body = super::Problem, content_type = "application/problem+json")))]
pub async fn resolve(
    state: web::Data<AppState>,
    ctx: RequestCtx,
    path: web::Path<String>,
    body: web::Json<ResolutionIn>,
) -> AppResult<HttpResponse> {
    let b = body.into_inner();
    let stage = stage_in(&b.stage)?;
    service::resolve_divergence(
        &state,
        &ctx.actor(),
        path.into_inner(),
        b.application_id,
        stage,
        b.note,
    )
    .await?;
    Ok(HttpResponse::NoContent().finish())
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RankingQuery {
    /// concept (default) or full.
    pub stage: Option<String>,
}

/// One assessor's sheet as the committee sees it.
#[derive(Debug, Serialize, ToSchema)]
pub struct SheetSummary {
    pub assignment_id: String,
    pub code: String,
    pub status: String,
    pub origin: String,
    pub total: Option<i64>,
}

/// One application in a lot's ranking.
#[derive(Debug, Serialize, ToSchema)]
pub struct RankedOut {
    pub application_id: String,
    pub receipt: String,
    pub organisation: String,
    pub requested_cents: i64,
    /// unassigned, scoring, divergent, scored or rejected.
    pub progress: String,
    /// The score in hundredths of a point (4133 = 41.33), once final.
    pub total_centipoints: Option<i64>,
    /// Each section's average in hundredths, by section code.
    pub sections: Vec<(String, i64)>,
    pub divergent: bool,
    pub resolution: Option<String>,
    /// GRD-02/05: why it goes no further.
    pub failure: Option<String>,
    pub rank: Option<usize>,
    /// selected or reserve.
    pub placement: Option<String>,
    pub shortlisted: bool,
    pub sheets: Vec<SheetSummary>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct LotRankingOut {
    pub lot_id: String,
    pub number: i32,
    pub envelope_cents: i64,
    pub selected_cents: i64,
    /// Applications still being scored or with unresolved divergence.
    pub pending: usize,
    pub applications: Vec<RankedOut>,
}

/// The ranking, shortlist and provisional selection of every lot (chair, secretary,
/// auditor).
#[utoipa::path(get, path = "/api/v1/calls/{id}/ranking", tag = "evaluation", security(("bearer" = [])),
    params(("id" = String, Path), RankingQuery),
    responses((status = 200, body = [LotRankingOut]),
              (status = 422, body = super::Problem, content_type = "application/problem+json")))]
pub async fn ranking(
    state: web::Data<AppState>,
    ctx: RequestCtx,
    path: web::Path<String>,
    query: web::Query<RankingQuery>,
) -> AppResult<HttpResponse> {
    let stage = stage_in(query.stage.as_deref().unwrap_or("concept"))?;
    let b = service::board(
        &state,
        &ctx.actor(),
        path.into_inner(),
        stage,
        HashMap::new(),
    )
    .await?;
    let out: Vec<LotRankingOut> = b
        .lots
        .iter()
        .map(|l| LotRankingOut {
            lot_id: l.lot.id.clone(),
            number: l.lot.number,
            envelope_cents: l.envelope_cents,
            selected_cents: l.selected_cents,
            pending: l.pending,
            applications: l
                .rows
                .iter()
                .map(|r| {
                    let scored = r.progress == service::Progress::Scored;
                    RankedOut {
                        application_id: r.app.id.clone(),
                        receipt: r.app.receipt.clone(),
                        organisation: r.app.organisation.clone(),
                        requested_cents: r.app.requested_cents,
                        progress: format!("{:?}", r.progress).to_lowercase(),
                        total_centipoints: r.result.as_ref().filter(|_| scored).map(|x| x.total),
                        sections: r
                            .result
                            .as_ref()
                            .filter(|_| scored)
                            .map(|x| x.sections.clone())
                            .unwrap_or_default(),
                        divergent: r.divergent,
                        resolution: r.resolution.as_ref().map(|x| x.note.clone()),
                        failure: r.failure.map(|f| f.message_key().to_string()),
                        rank: r.rank,
                        placement: r.placement.map(|p| match p {
                            Placement::Selected => "selected".into(),
                            Placement::Reserve => "reserve".into(),
                        }),
                        shortlisted: r.shortlisted,
                        sheets: r
                            .assignments
                            .iter()
                            .map(|a| SheetSummary {
                                assignment_id: a.id.clone(),
                                code: b.code_of(&a.assessor_id),
                                status: a.status.clone(),
                                origin: a.origin.clone(),
                                total: a.total,
                            })
                            .collect(),
                    }
                })
                .collect(),
        })
        .collect();
    json(StatusCode::OK, &out)
}

/// The state of a call's evaluation report and its award decisions.
#[derive(Debug, Serialize, ToSchema)]
pub struct AwardOut {
    /// open, submitted, returned or approved.
    pub report_status: String,
    pub report_version: Option<i32>,
    /// SHA-256 of the latest report's snapshot.
    pub report_sha256: Option<String>,
    pub comments: Option<String>,
    pub decisions: Vec<DecisionOut>,
}

/// One application's outcome once the report is approved.
#[derive(Debug, Serialize, ToSchema)]
pub struct DecisionOut {
    pub application_id: String,
    /// awarded, reserve or rejected.
    pub outcome: String,
    /// NOT-01 reason code (late, incomplete, not_eligible, below_threshold,
    /// not_selected_within_envelope, supporting_documents).
    pub reason: Option<String>,
    pub amount_cents: Option<i64>,
    pub eu_share_bp: Option<i64>,
    pub notified_at: Option<String>,
}

async fn award_out(state: &AppState, ctx: &RequestCtx, call_id: String) -> AppResult<AwardOut> {
    let r = crate::services::award::report(state, &ctx.actor(), call_id).await?;
    let latest = r.reports.first();
    Ok(AwardOut {
        report_status: r.status.as_str().into(),
        report_version: latest.map(|x| x.version),
        report_sha256: latest.map(|x| x.content_sha256.clone()),
        comments: latest.and_then(|x| x.comments.clone()),
        decisions: r
            .decisions
            .into_iter()
            .map(|d| DecisionOut {
                application_id: d.application_id,
                outcome: d.outcome,
                reason: d.reason,
                amount_cents: d.amount_cents,
                eu_share_bp: d.eu_share_bp,
                notified_at: d.notified_at.map(utc),
            })
            .collect(),
    })
}

/// The report's state and the award decisions (committee, Delegation once submitted,
/// auditor).
#[utoipa::path(get, path = "/api/v1/calls/{id}/award", tag = "evaluation", security(("bearer" = [])),
    params(("id" = String, Path)), responses((status = 200, body = AwardOut),
        (status = 409, description = "Delegation staff sign the call's declaration first (EVC-02)",
         body = super::Problem, content_type = "application/problem+json")))]
pub async fn get_award(
    state: web::Data<AppState>,
    ctx: RequestCtx,
    path: web::Path<String>,
) -> AppResult<HttpResponse> {
    json(
        StatusCode::OK,
        &award_out(&state, &ctx, path.into_inner()).await?,
    )
}

/// The chair submits the evaluation report (SEL-03).
#[utoipa::path(post, path = "/api/v1/calls/{id}/report", tag = "evaluation", security(("bearer" = [])),
    params(("id" = String, Path)),
    responses((status = 200, body = AwardOut),
              (status = 409, body = super::Problem, content_type = "application/problem+json")))]
pub async fn submit_report(
    state: web::Data<AppState>,
    ctx: RequestCtx,
    path: web::Path<String>,
) -> AppResult<HttpResponse> {
    let call_id = path.into_inner();
    crate::services::award::submit_report(&state, &ctx.actor(), call_id.clone()).await?;
    json(StatusCode::OK, &award_out(&state, &ctx, call_id).await?)
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DecisionIn {
    /// true approves the report (the award decision); false sends it back.
    pub approve: bool,
    /// Required when sending back.
    #[serde(default)]
    pub comments: String,
}

/// The EU Delegation approves the submitted report or sends it back (SEL-03).
#[utoipa::path(post, path = "/api/v1/calls/{id}/award", tag = "evaluation", security(("bearer" = [])),
    params(("id" = String, Path)), request_body = DecisionIn,
    responses((status = 200, body = AwardOut),
              (status = 409, body = super::Problem, content_type = "application/problem+json"),
              (status = 422, body = super::Problem, content_type = "application/problem+json")))]
pub async fn decide(
    state: web::Data<AppState>,
    ctx: RequestCtx,
    path: web::Path<String>,
    body: web::Json<DecisionIn>,
) -> AppResult<HttpResponse> {
    let call_id = path.into_inner();
    let b = body.into_inner();
    crate::services::award::decide_report(
        &state,
        &ctx.actor(),
        call_id.clone(),
        b.approve,
        b.comments,
    )
    .await?;
    json(StatusCode::OK, &award_out(&state, &ctx, call_id).await?)
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NotifyIn {
    /// successful (first), then unsuccessful (the others, with reasons and scores).
    pub batch: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct NotifiedOut {
    pub notified: usize,
}

/// Tells a batch of applicants their outcome (NOT-01), each in their language.
#[utoipa::path(post, path = "/api/v1/calls/{id}/award/notify", tag = "evaluation", security(("bearer" = [])),
    params(("id" = String, Path)), request_body = NotifyIn,
    responses((status = 200, body = NotifiedOut),
              (status = 409, body = super::Problem, content_type = "application/problem+json"),
              (status = 422, body = super::Problem, content_type = "application/problem+json")))]
pub async fn notify(
    state: web::Data<AppState>,
    ctx: RequestCtx,
    path: web::Path<String>,
    body: web::Json<NotifyIn>,
) -> AppResult<HttpResponse> {
    let batch = match body.batch.as_str() {
        "successful" => crate::services::award::Batch::Successful,
        "unsuccessful" => crate::services::award::Batch::Unsuccessful,
        _ => {
            return Err(AppError::Validation(vec![FieldError::new(
                "batch",
                "error-report-decision",
            )]))
        }
    };
    let notified =
        crate::services::award::notify(&state, &ctx.actor(), path.into_inner(), batch).await?;
    json(StatusCode::OK, &NotifiedOut { notified })
}
