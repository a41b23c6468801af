//! JSON API v1 for applicant organisations and their applications: the same services,
//! rules and refusals as the pages (a refused submission lists every reason).

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::json;
use crate::domain::budget::Budget;
use crate::domain::full_application::{Activity, FullApplication, Logframe};
use crate::domain::money::Money;
use crate::domain::organisations::OrganisationInput;
use crate::error::{AppError, AppResult};
use crate::services::applications::{self as service, ConceptNoteInput};
use crate::services::full_application::{self as full_service, FullSection};
use crate::state::AppState;
use crate::web::guard::RequestCtx;

/// An organisation the caller is a member of.
#[derive(Debug, Serialize, ToSchema)]
pub struct OrganisationView {
    pub id: String,
    pub legal_name: String,
    pub legal_status: String,
    pub country: String,
    pub oblast: String,
    pub registration_number: String,
    /// owner, editor or reader.
    pub my_role: String,
}

/// The caller's organisations.
#[utoipa::path(get, path = "/api/v1/organisations", tag = "applications", security(("bearer" = [])),
    responses((status = 200, body = [OrganisationView])))]
pub async fn list_organisations(
    state: web::Data<AppState>,
    ctx: RequestCtx,
) -> AppResult<HttpResponse> {
    let mine = crate::services::organisations::mine(&state, &ctx.actor()).await?;
    let list: Vec<OrganisationView> = mine
        .memberships
        .into_iter()
        .map(|(o, role)| OrganisationView {
            id: o.id,
            legal_name: o.legal_name,
            legal_status: o.legal_status,
            country: o.country,
            oblast: o.oblast,
            registration_number: o.registration_number,
            my_role: role.as_str().into(),
        })
        .collect();
    json(StatusCode::OK, &list)
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Created {
    pub id: String,
}

/// Registers an organisation; the caller becomes its owner.
#[utoipa::path(post, path = "/api/v1/organisations", tag = "applications", security(("bearer" = [])),
    request_body = OrganisationInput,
    responses((status = 201, body = Created),
              (status = 422, body = super::Problem, content_type = "application/problem+json")))]
pub async fn create_organisation(
    state: web::Data<AppState>,
    ctx: RequestCtx,
    body: web::Json<OrganisationInput>,
) -> AppResult<HttpResponse> {
    let id =
        crate::services::organisations::register(&state, &ctx.actor(), body.into_inner()).await?;
    json(StatusCode::CREATED, &Created { id })
}

/// A member of an organisation.
#[derive(Debug, Serialize, ToSchema)]
pub struct MemberOut {
    pub user_id: String,
    pub email: String,
    pub name: String,
    /// owner, editor or reader.
    pub role: String,
}

/// An organisation's record, with its members (for its members).
#[derive(Debug, Serialize, ToSchema)]
pub struct OrganisationOut {
    pub id: String,
    #[serde(flatten)]
    pub record: OrganisationInput,
    pub my_role: String,
    pub members: Vec<MemberOut>,
}

async fn organisation_out(
    state: &AppState,
    ctx: &RequestCtx,
    id: String,
) -> AppResult<OrganisationOut> {
    let d = crate::services::organisations::detail(state, &ctx.actor(), id).await?;
    let r = d.row;
    Ok(OrganisationOut {
        id: r.id,
        record: OrganisationInput {
            legal_name: r.legal_name,
            legal_name_local: r.legal_name_local,
            acronym: r.acronym,
            legal_status: r.legal_status,
            country: r.country,
            oblast: r.oblast,
            registration_number: r.registration_number,
            address: r.address,
            contact_email: r.contact_email,
            contact_phone: r.contact_phone,
            year_registered: r.year_registered,
            staff: r.staff,
            annual_turnover_cents: r.annual_turnover_cents,
        },
        my_role: d.my_role.as_str().into(),
        members: d
            .members
            .into_iter()
            .map(|(m, email, name)| MemberOut {
                user_id: m.user_id,
                email,
                name,
                role: m.role,
            })
            .collect(),
    })
}

/// One of the caller's organisations, with its members.
#[utoipa::path(get, path = "/api/v1/organisations/{id}", tag = "applications", security(("bearer" = [])),
    params(("id" = String, Path)),
    responses((status = 200, body = OrganisationOut),
              (status = 404, body = super::Problem, content_type = "application/problem+json")))]
pub async fn get_organisation(
    state: web::Data<AppState>,
    ctx: RequestCtx,
    path: web::Path<String>,
) -> AppResult<HttpResponse> {
    json(
        StatusCode::OK,
        &organisation_out(&state, &ctx, path.into_inner()).await?,
    )
}

/// Updates the organisation's record (owners and editors), with the same checks as
/// registering it.
#[utoipa::path(put, path = "/api/v1/organisations/{id}", tag = "applications", security(("bearer" = [])),
    params(("id" = String, Path)), request_body = OrganisationInput,
    responses((status = 200, body = OrganisationOut),
              (status = 403, body = super::Problem, content_type = "application/problem+json"),
              (status = 404, body = super::Problem, content_type = "application/problem+json"),
              (status = 422, body = super::Problem, content_type = "application/problem+json")))]
pub async fn update_organisation(
    state: web::Data<AppState>,
    ctx: RequestCtx,
    path: web::Path<String>,
    body: web::Json<OrganisationInput>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    crate::services::organisations::update(&state, &ctx.actor(), id.clone(), body.into_inner())
        .await?;
    json(StatusCode::OK, &organisation_out(&state, &ctx, id).await?)
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct InvitationIn {
    pub email: String,
    /// owner, editor or reader.
    pub role: String,
}

/// Invites a colleague by email (owners); they accept when signed in with that address.
#[utoipa::path(post, path = "/api/v1/organisations/{id}/invitations", tag = "applications", security(("bearer" = [])),
    params(("id" = String, Path)), request_body = InvitationIn,
    responses((status = 202, description = "Invited; an email is on its way"),
              (status = 403, body = super::Problem, content_type = "application/problem+json"),
              (status = 404, body = super::Problem, content_type = "application/problem+json"),
              (status = 409, body = super::Problem, content_type = "application/problem+json"),
              (status = 422, body = super::Problem, content_type = "application/problem+json")))]
pub async fn invite_member(
    state: web::Data<AppState>,
    ctx: RequestCtx,
    path: web::Path<String>,
    body: web::Json<InvitationIn>,
) -> AppResult<HttpResponse> {
    let b = body.into_inner();
    crate::services::organisations::invite(
        &state,
        &ctx.actor(),
        path.into_inner(),
        b.email,
        b.role,
    )
    .await?;
    Ok(HttpResponse::Accepted().finish())
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MemberRoleIn {
    /// owner, editor or reader.
    pub role: String,
}

/// Changes a member's role (owners; the last owner stays an owner).
#[utoipa::path(put, path = "/api/v1/organisations/{id}/members/{user_id}", tag = "applications", security(("bearer" = [])),
    params(("id" = String, Path), ("user_id" = String, Path)), request_body = MemberRoleIn,
    responses((status = 200, body = OrganisationOut),
              (status = 403, body = super::Problem, content_type = "application/problem+json"),
              (status = 404, body = super::Problem, content_type = "application/problem+json"),
              (status = 409, body = super::Problem, content_type = "application/problem+json"),
              (status = 422, body = super::Problem, content_type = "application/problem+json")))]
pub async fn change_member(
    state: web::Data<AppState>,
    ctx: RequestCtx,
    path: web::Path<(String, String)>,
    body: web::Json<MemberRoleIn>,
) -> AppResult<HttpResponse> {
    let (id, user) = path.into_inner();
    crate::services::organisations::change_member(
        &state,
        &ctx.actor(),
        id.clone(),
        user,
        Some(body.into_inner().role),
    )
    .await?;
    json(StatusCode::OK, &organisation_out(&state, &ctx, id).await?)
}

/// Removes a member (owners), or leaves the organisation (a member removing themself);
/// the last owner cannot leave.
#[utoipa::path(delete, path = "/api/v1/organisations/{id}/members/{user_id}", tag = "applications", security(("bearer" = [])),
    params(("id" = String, Path), ("user_id" = String, Path)),
    responses((status = 204, description = "Removed"),
              (status = 403, body = super::Problem, content_type = "application/problem+json"),
              (status = 404, body = super::Problem, content_type = "application/problem+json"),
              (status = 409, body = super::Problem, content_type = "application/problem+json")))]
pub async fn remove_member(
    state: web::Data<AppState>,
    ctx: RequestCtx,
    path: web::Path<(String, String)>,
) -> AppResult<HttpResponse> {
    let (id, user) = path.into_inner();
    crate::services::organisations::change_member(&state, &ctx.actor(), id, user, None).await?;
    Ok(HttpResponse::NoContent().finish())
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct StartIn {
    pub organisation_id: String,
    pub lot_id: String,
}

/// Starts an application of an organisation to a lot of an open call. Refused (422)
/// with every reason when the organisation may not apply (CFP-04, APP-06).
#[utoipa::path(post, path = "/api/v1/calls/{id}/applications", tag = "applications", security(("bearer" = [])),
    params(("id" = String, Path)), request_body = StartIn,
    responses((status = 201, body = Created),
              (status = 404, body = super::Problem, content_type = "application/problem+json"),
              (status = 422, description = "Not eligible: every reason", body = super::Problem, content_type = "application/problem+json")))]
pub async fn start(
    state: web::Data<AppState>,
    ctx: RequestCtx,
    path: web::Path<String>,
    body: web::Json<StartIn>,
) -> AppResult<HttpResponse> {
    let body = body.into_inner();
    match service::start(
        &state,
        &ctx.actor(),
        path.into_inner(),
        body.lot_id,
        body.organisation_id,
    )
    .await?
    {
        Ok(id) => json(StatusCode::CREATED, &Created { id }),
        Err(service::NotEligible(reasons)) => Err(AppError::Validation(
            reasons
                .into_iter()
                .map(|r| crate::domain::FieldError::new("organisation_id", r))
                .collect(),
        )),
    }
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ConceptNoteView {
    pub title: String,
    pub relevance: String,
    pub design: String,
    pub eu_contribution_cents: Option<i64>,
    pub duration_months: Option<i32>,
    /// CFP-04: the oblasts where the action takes place.
    #[serde(default)]
    pub action_locations: Vec<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SubmissionView {
    pub id: String,
    pub receipt_number: String,
    pub stage: String,
    pub submission_no: i32,
    pub submitted_at: chrono::NaiveDateTime,
    /// SHA-256 of the package (`…/package`), byte for byte.
    pub content_sha256: String,
}

/// An application as its organisation's members see it.
#[derive(Debug, Serialize, ToSchema)]
pub struct ApplicationView {
    pub id: String,
    pub call_id: String,
    pub lot_id: String,
    pub organisation_id: String,
    /// concept or full.
    pub stage: String,
    /// draft, submitted, withdrawn or rejected.
    pub status: String,
    /// Send it back with every save: a save from an older version is refused (409).
    pub version: i32,
    /// The deadline that applies now (UTC).
    pub deadline: Option<chrono::NaiveDateTime>,
    pub concept_note: ConceptNoteView,
    pub full_application: Option<FullApplication>,
    pub receipt_number: Option<String>,
    /// Changes saved since the last submission are not submitted.
    pub unsubmitted_changes: bool,
    pub submissions: Vec<SubmissionView>,
    /// What is kept but would refuse the submission while the concept note can change
    /// (APP-02, APP-03: an amount or a duration outside the lot's range), each with its
    /// figures, as the page warns at every save.
    pub warnings: Vec<super::ProblemField>,
}

async fn view(state: &AppState, ctx: &RequestCtx, id: String) -> AppResult<ApplicationView> {
    let d = service::detail(state, &ctx.actor(), id.clone()).await?;
    let subs = service::submissions(state, &ctx.actor(), id).await?;
    let r = &d.row;
    let warnings = if crate::domain::applications::concept_note_editable(
        crate::domain::applications::Stage::parse(&r.stage),
        d.call.call_type,
    ) && matches!(r.status.as_str(), "draft" | "submitted")
    {
        service::range_warnings(&d)
            .into_iter()
            .map(|e| super::ProblemField {
                message: crate::i18n::field_message_args(ctx.lang, e.code, &e.field, &e.args),
                field: e.field.to_string(),
                code: e.code.to_string(),
            })
            .collect()
    } else {
        Vec::new()
    };
    Ok(ApplicationView {
        warnings,
        id: r.id.clone(),
        call_id: r.call_id.clone(),
        lot_id: r.lot_id.clone(),
        organisation_id: r.organisation_id.clone(),
        stage: r.stage.clone(),
        status: r.status.clone(),
        version: r.version,
        deadline: service::deadline_for(r, &d.call),
        concept_note: ConceptNoteView {
            title: r.title.clone(),
            relevance: r.relevance.clone(),
            design: r.design.clone(),
            eu_contribution_cents: r.eu_contribution_cents,
            duration_months: r.duration_months,
            action_locations: crate::domain::applications::parse_action_locations(
                &r.action_locations,
            )
            .into_iter()
            .map(str::to_string)
            .collect(),
        },
        full_application: (r.stage == "full")
            .then(|| FullApplication::from_json(&r.full_application)),
        receipt_number: r.receipt_number.clone(),
        unsubmitted_changes: r.status == "submitted" && r.submitted_version != Some(r.version),
        submissions: subs
            .into_iter()
            .map(|s| SubmissionView {
                id: s.id,
                receipt_number: s.receipt_number,
                stage: s.stage,
                submission_no: s.submission_no,
                submitted_at: s.submitted_at,
                content_sha256: s.content_sha256,
            })
            .collect(),
    })
}

/// One application of the caller's organisations (another organisation's: 404).
#[utoipa::path(get, path = "/api/v1/applications/{id}", tag = "applications", security(("bearer" = [])),
    params(("id" = String, Path)),
    responses((status = 200, body = ApplicationView),
              (status = 404, body = super::Problem, content_type = "application/problem+json")))]
pub async fn get_application(
    state: web::Data<AppState>,
    ctx: RequestCtx,
    path: web::Path<String>,
) -> AppResult<HttpResponse> {
    json(
        StatusCode::OK,
        &view(&state, &ctx, path.into_inner()).await?,
    )
}

#[derive(Debug, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ConceptNoteIn {
    /// The version the change is based on.
    pub version: i32,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub relevance: String,
    #[serde(default)]
    pub design: String,
    pub eu_contribution_cents: Option<i64>,
    pub duration_months: Option<i32>,
    /// CFP-04: the oblasts where the action takes place (codes); left out, kept.
    #[serde(default)]
    pub action_locations: Option<Vec<String>>,
}

/// 409 when someone saved the application since the version a request was based on:
/// what is stored now (its version and content) and what was sent, nothing of which was
/// saved. An RFC 9457 problem with these members added.
#[derive(Debug, Serialize, ToSchema)]
pub struct SavedMeanwhile {
    /// `urn:kazlod:problem:saved-meanwhile`
    #[serde(rename = "type")]
    pub kind: String,
    pub title: String,
    pub status: u16,
    pub detail: String,
    pub request_id: String,
    /// The version the request was based on (absent when the 409 has another cause: the
    /// application can no longer be changed).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sent_version: Option<i32>,
    /// The request's body as it was received.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<Object>)]
    pub sent: Option<serde_json::Value>,
    /// The version stored now: send the change again based on it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stored_version: Option<i32>,
    /// The application as stored now.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stored: Option<ApplicationView>,
}

/// The answer to a save: the application as saved, or what is stored instead.
async fn saved_or_meanwhile(
    req: &actix_web::HttpRequest,
    state: &AppState,
    ctx: &RequestCtx,
    id: String,
    sent_version: i32,
    sent: serde_json::Value,
    result: Result<(), crate::db::applications::ApplicationRow>,
) -> AppResult<HttpResponse> {
    use actix_web::HttpMessage;
    let stored = view(state, ctx, id).await?;
    let Err(row) = result else {
        return json(StatusCode::OK, &stored);
    };
    let status = StatusCode::CONFLICT;
    let body = SavedMeanwhile {
        kind: "urn:kazlod:problem:saved-meanwhile".into(),
        title: status.canonical_reason().unwrap_or("Conflict").into(),
        status: status.as_u16(),
        detail: crate::i18n::t_args(
            ctx.lang,
            "error-api-saved-meanwhile",
            &[
                ("sent", sent_version.to_string()),
                ("stored", row.version.to_string()),
            ],
        ),
        request_id: req
            .extensions()
            .get::<crate::web::RequestId>()
            .map(|r| r.0.clone())
            .unwrap_or_default(),
        sent_version: Some(sent_version),
        sent: Some(sent),
        stored_version: Some(row.version),
        stored: Some(stored),
    };
    Ok(HttpResponse::build(status)
        .content_type("application/problem+json")
        .body(serde_json::to_string(&body).map_err(|e| AppError::Internal(e.into()))?))
}

/// Saves the concept note (409 when someone saved since `version`).
#[utoipa::path(put, path = "/api/v1/applications/{id}/concept-note", tag = "applications", security(("bearer" = [])),
    params(("id" = String, Path)), request_body = ConceptNoteIn,
    responses((status = 200, body = ApplicationView),
              (status = 409, description = "Saved meanwhile (the stored version and content, and what was sent), or no longer editable", body = SavedMeanwhile, content_type = "application/problem+json"),
              (status = 422, body = super::Problem, content_type = "application/problem+json")))]
pub async fn put_concept_note(
    req: actix_web::HttpRequest,
    state: web::Data<AppState>,
    ctx: RequestCtx,
    path: web::Path<String>,
    body: web::Json<ConceptNoteIn>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let b = body.into_inner();
    let sent = serde_json::to_value(&b).unwrap_or_default();
    let eu = match b.eu_contribution_cents {
        Some(c) if !(0..=Money::MAX.cents()).contains(&c) => {
            return Err(AppError::field(
                "eu_contribution_cents",
                "error-amount-invalid",
            ))
        }
        c => c.map(Money::from_cents),
    };
    let input = ConceptNoteInput {
        title: b.title,
        relevance: b.relevance,
        design: b.design,
        eu_contribution: eu,
        duration_months: b.duration_months,
        action_locations: b.action_locations,
    };
    let result =
        service::save_concept_note(&state, &ctx.actor(), id.clone(), b.version, input).await?;
    saved_or_meanwhile(&req, &state, &ctx, id, b.version, sent, result).await
}

#[derive(Debug, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DescriptionIn {
    pub version: i32,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub sustainability: String,
}

#[derive(Debug, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LogframeIn {
    pub version: i32,
    pub logframe: Logframe,
}

#[derive(Debug, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct WorkPlanIn {
    pub version: i32,
    pub activities: Vec<Activity>,
}

#[derive(Debug, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BudgetIn {
    pub version: i32,
    pub budget: Budget,
}

#[derive(Debug, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DeclarationIn {
    pub version: i32,
    pub name: String,
    pub position: String,
}

/// A section of the full application as sent: one of the shapes below, by the section
/// named in the path.
async fn save_section(
    req: &actix_web::HttpRequest,
    state: &AppState,
    ctx: &RequestCtx,
    id: String,
    (version, sent): (i32, serde_json::Value),
    section: FullSection,
) -> AppResult<HttpResponse> {
    let result =
        full_service::save_section(state, &ctx.actor(), id.clone(), version, section).await?;
    saved_or_meanwhile(req, state, ctx, id, version, sent, result).await
}

/// Saves the description and sustainability of the full application.
#[utoipa::path(put, path = "/api/v1/applications/{id}/full/description", tag = "applications", security(("bearer" = [])),
    params(("id" = String, Path)), request_body = DescriptionIn,
    responses((status = 200, body = ApplicationView), (status = 409, body = SavedMeanwhile, content_type = "application/problem+json"), (status = 422, body = super::Problem, content_type = "application/problem+json")))]
pub async fn put_description(
    req: actix_web::HttpRequest,
    state: web::Data<AppState>,
    ctx: RequestCtx,
    path: web::Path<String>,
    body: web::Json<DescriptionIn>,
) -> AppResult<HttpResponse> {
    let b = body.into_inner();
    let sent = serde_json::to_value(&b).unwrap_or_default();
    let section = FullSection::Description {
        description: b.description,
        sustainability: b.sustainability,
    };
    save_section(
        &req,
        &state,
        &ctx,
        path.into_inner(),
        (b.version, sent),
        section,
    )
    .await
}

/// Saves the logical framework.
#[utoipa::path(put, path = "/api/v1/applications/{id}/full/logframe", tag = "applications", security(("bearer" = [])),
    params(("id" = String, Path)), request_body = LogframeIn,
    responses((status = 200, body = ApplicationView), (status = 409, body = SavedMeanwhile, content_type = "application/problem+json"), (status = 422, body = super::Problem, content_type = "application/problem+json")))]
pub async fn put_logframe(
    req: actix_web::HttpRequest,
    state: web::Data<AppState>,
    ctx: RequestCtx,
    path: web::Path<String>,
    body: web::Json<LogframeIn>,
) -> AppResult<HttpResponse> {
    let b = body.into_inner();
    let sent = serde_json::to_value(&b).unwrap_or_default();
    save_section(
        &req,
        &state,
        &ctx,
        path.into_inner(),
        (b.version, sent),
        FullSection::Logframe(b.logframe),
    )
    .await
}

/// Saves the work plan.
#[utoipa::path(put, path = "/api/v1/applications/{id}/full/workplan", tag = "applications", security(("bearer" = [])),
    params(("id" = String, Path)), request_body = WorkPlanIn,
    responses((status = 200, body = ApplicationView), (status = 409, body = SavedMeanwhile, content_type = "application/problem+json"), (status = 422, body = super::Problem, content_type = "application/problem+json")))]
pub async fn put_workplan(
    req: actix_web::HttpRequest,
    state: web::Data<AppState>,
    ctx: RequestCtx,
    path: web::Path<String>,
    body: web::Json<WorkPlanIn>,
) -> AppResult<HttpResponse> {
    let b = body.into_inner();
    let sent = serde_json::to_value(&b).unwrap_or_default();
    save_section(
        &req,
        &state,
        &ctx,
        path.into_inner(),
        (b.version, sent),
        FullSection::WorkPlan(b.activities),
    )
    .await
}

/// Saves the budget and the sources of funding (its rules are checked at submission).
#[utoipa::path(put, path = "/api/v1/applications/{id}/full/budget", tag = "applications", security(("bearer" = [])),
    params(("id" = String, Path)), request_body = BudgetIn,
    responses((status = 200, body = ApplicationView), (status = 409, body = SavedMeanwhile, content_type = "application/problem+json"), (status = 422, body = super::Problem, content_type = "application/problem+json")))]
pub async fn put_budget(
    req: actix_web::HttpRequest,
    state: web::Data<AppState>,
    ctx: RequestCtx,
    path: web::Path<String>,
    body: web::Json<BudgetIn>,
) -> AppResult<HttpResponse> {
    let b = body.into_inner();
    let sent = serde_json::to_value(&b).unwrap_or_default();
    save_section(
        &req,
        &state,
        &ctx,
        path.into_inner(),
        (b.version, sent),
        FullSection::Budget(b.budget),
    )
    .await
}

/// Signs the declaration by the applicant.
#[utoipa::path(put, path = "/api/v1/applications/{id}/full/declaration", tag = "applications", security(("bearer" = [])),
    params(("id" = String, Path)), request_body = DeclarationIn,
    responses((status = 200, body = ApplicationView), (status = 409, body = SavedMeanwhile, content_type = "application/problem+json"), (status = 422, body = super::Problem, content_type = "application/problem+json")))]
pub async fn put_declaration(
    req: actix_web::HttpRequest,
    state: web::Data<AppState>,
    ctx: RequestCtx,
    path: web::Path<String>,
    body: web::Json<DeclarationIn>,
) -> AppResult<HttpResponse> {
    let b = body.into_inner();
    let sent = serde_json::to_value(&b).unwrap_or_default();
    let section = FullSection::Declaration {
        name: b.name,
        position: b.position,
    };
    save_section(
        &req,
        &state,
        &ctx,
        path.into_inner(),
        (b.version, sent),
        section,
    )
    .await
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ReceiptView {
    pub receipt_number: String,
    pub submitted_at: chrono::NaiveDateTime,
    pub content_sha256: String,
    pub submission_no: i32,
}

/// Submits the application (APP-05, CFP-06). Refused (422) with every problem, or
/// (409) after the deadline. Submitting the same version again returns its receipt.
#[utoipa::path(post, path = "/api/v1/applications/{id}/submit", tag = "applications", security(("bearer" = [])),
    params(("id" = String, Path)),
    responses((status = 200, body = ReceiptView),
              (status = 409, description = "After the deadline, or changed while submitting", body = super::Problem, content_type = "application/problem+json"),
              (status = 422, description = "Every reason, by field", body = super::Problem, content_type = "application/problem+json")))]
pub async fn submit(
    state: web::Data<AppState>,
    ctx: RequestCtx,
    req: actix_web::HttpRequest,
    path: web::Path<String>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    match service::submit(&state, &ctx.actor(), id.clone()).await? {
        Ok(r) => json(
            StatusCode::OK,
            &ReceiptView {
                receipt_number: r.number,
                submitted_at: r.at,
                content_sha256: r.sha256,
                submission_no: r.submission_no,
            },
        ),
        // Every reason, the budget's rules worded with their figures as on the page.
        Err(errors) => {
            let d = service::detail(&state, &ctx.actor(), id).await?;
            let rules = crate::web::full_application::rule_texts(ctx.lang, &d);
            let worded: Vec<_> = errors
                .into_iter()
                .map(|e| {
                    let message = rules.get(e.code).cloned().unwrap_or_else(|| {
                        crate::i18n::field_message_args(ctx.lang, e.code, &e.field, &e.args)
                    });
                    (e, message)
                })
                .collect();
            Ok(super::worded_problems(
                &req,
                ctx.lang,
                "submit-problems",
                &worded,
            ))
        }
    }
}

/// Withdraws the application, until the deadline.
#[utoipa::path(post, path = "/api/v1/applications/{id}/withdraw", tag = "applications", security(("bearer" = [])),
    params(("id" = String, Path)),
    responses((status = 200, body = ApplicationView),
              (status = 409, body = super::Problem, content_type = "application/problem+json")))]
pub async fn withdraw(
    state: web::Data<AppState>,
    ctx: RequestCtx,
    path: web::Path<String>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    service::withdraw(&state, &ctx.actor(), id.clone()).await?;
    json(StatusCode::OK, &view(&state, &ctx, id).await?)
}

/// The package of a submission: exactly the bytes its receipt's SHA-256 describes.
#[utoipa::path(get, path = "/api/v1/applications/{id}/submissions/{sid}/package", tag = "applications", security(("bearer" = [])),
    params(("id" = String, Path), ("sid" = String, Path)),
    responses((status = 200, description = "Canonical JSON", content_type = "application/json"),
              (status = 404, body = super::Problem, content_type = "application/problem+json")))]
pub async fn package(
    state: web::Data<AppState>,
    ctx: RequestCtx,
    path: web::Path<(String, String)>,
) -> AppResult<HttpResponse> {
    let (id, sid) = path.into_inner();
    let (_, s) = service::submission(&state, &ctx.actor(), id, sid).await?;
    Ok(HttpResponse::Ok()
        .content_type("application/json")
        .insert_header((actix_web::http::header::CACHE_CONTROL, "no-store"))
        .body(s.content))
}

/// An annex of an application.
#[derive(Debug, Serialize, ToSchema)]
pub struct AnnexOut {
    pub id: String,
    pub title: String,
    pub file_name: String,
    pub content_type: String,
    pub bytes: i64,
    pub sha256: String,
    /// 1, then 2… when a file with the same title replaced it.
    pub version: i32,
    /// UTC.
    pub uploaded_at: chrono::NaiveDateTime,
}

impl AnnexOut {
    fn of(r: &crate::db::attachments::AttachmentRow) -> AnnexOut {
        AnnexOut {
            id: r.id.clone(),
            title: r.title.clone(),
            file_name: r.file_name.clone(),
            content_type: r.content_type.clone(),
            bytes: r.size_bytes,
            sha256: r.sha256.clone(),
            version: r.version,
            uploaded_at: r.uploaded_at,
        }
    }
}

/// An annex to upload: `title` and `file` (PDF, DOCX or ODT, checked by content, at
/// most 10 MiB).
#[derive(ToSchema)]
#[allow(dead_code)]
pub struct AnnexUpload {
    title: String,
    #[schema(value_type = String, format = Binary)]
    file: Vec<u8>,
}

/// The application's current annexes.
#[utoipa::path(get, path = "/api/v1/applications/{id}/annexes", tag = "applications", security(("bearer" = [])),
    params(("id" = String, Path)),
    responses((status = 200, body = [AnnexOut]),
              (status = 404, body = super::Problem, content_type = "application/problem+json")))]
pub async fn list_annexes(
    state: web::Data<AppState>,
    ctx: RequestCtx,
    path: web::Path<String>,
) -> AppResult<HttpResponse> {
    let rows = crate::services::annexes::annexes(&state, &ctx.actor(), path.into_inner()).await?;
    json(
        StatusCode::OK,
        &rows.iter().map(AnnexOut::of).collect::<Vec<_>>(),
    )
}

/// Uploads an annex (multipart/form-data); a file with the title of a current annex
/// replaces it (the earlier one is kept). Until the deadline, by editors and owners.
#[utoipa::path(post, path = "/api/v1/applications/{id}/annexes", tag = "applications", security(("bearer" = [])),
    params(("id" = String, Path)),
    request_body(content = AnnexUpload, content_type = "multipart/form-data"),
    responses((status = 201, body = AnnexOut),
              (status = 404, body = super::Problem, content_type = "application/problem+json"),
              (status = 409, body = super::Problem, content_type = "application/problem+json"),
              (status = 422, body = super::Problem, content_type = "application/problem+json")))]
pub async fn upload_annex(
    state: web::Data<AppState>,
    ctx: RequestCtx,
    path: web::Path<String>,
    payload: actix_multipart::Multipart,
) -> AppResult<HttpResponse> {
    let (title, checked) = crate::web::annexes::read_annex(payload).await?;
    let row =
        crate::services::annexes::add(&state, &ctx.actor(), path.into_inner(), title, checked)
            .await?;
    json(StatusCode::CREATED, &AnnexOut::of(&row))
}

/// Removes an annex (kept on record: a submission may name it).
#[utoipa::path(delete, path = "/api/v1/applications/{id}/annexes/{annex_id}", tag = "applications", security(("bearer" = [])),
    params(("id" = String, Path), ("annex_id" = String, Path)),
    responses((status = 204, description = "Removed"),
              (status = 404, body = super::Problem, content_type = "application/problem+json"),
              (status = 409, body = super::Problem, content_type = "application/problem+json")))]
pub async fn remove_annex(
    state: web::Data<AppState>,
    ctx: RequestCtx,
    path: web::Path<(String, String)>,
) -> AppResult<HttpResponse> {
    let (id, annex_id) = path.into_inner();
    crate::services::annexes::remove(&state, &ctx.actor(), id, annex_id).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Downloads a file of the application (an annex or a mandate, any version); the
/// `X-Content-SHA256` header gives its hash.
#[utoipa::path(get, path = "/api/v1/applications/{id}/files/{file_id}", tag = "applications", security(("bearer" = [])),
    params(("id" = String, Path), ("file_id" = String, Path)),
    responses((status = 200, description = "The file", content_type = "application/octet-stream"),
              (status = 404, body = super::Problem, content_type = "application/problem+json")))]
pub async fn download_file(
    state: web::Data<AppState>,
    ctx: RequestCtx,
    path: web::Path<(String, String)>,
) -> AppResult<HttpResponse> {
    let (id, file_id) = path.into_inner();
    let f = crate::services::annexes::file_for_member(&state, &ctx.actor(), id, file_id).await?;
    crate::web::annexes::file_response(&state, &f).await
}
