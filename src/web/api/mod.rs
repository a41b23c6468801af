//! JSON API v1. Bearer tokens only (the session cookie is ignored here), errors as
//! RFC 9457 problem+json, and the OpenAPI document generated from these handlers.

pub mod applications;
pub mod calls;
pub mod contracts;
pub mod evaluation;
pub mod workflow;

use std::future::{ready, Ready};

use actix_web::dev::Payload;
use actix_web::http::{header, StatusCode};
use actix_web::{web, FromRequest, HttpMessage, HttpRequest, HttpResponse};
use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi, ToSchema};

use super::guard::RequestCtx;
use crate::domain::access::Role;
use crate::domain::FieldError;
use crate::error::{AppError, AppResult};
use crate::i18n::{t, Lang};
use crate::services::{accounts, api_tokens};
use crate::state::AppState;

impl FromRequest for RequestCtx {
    type Error = actix_web::Error;
    type Future = Ready<Result<RequestCtx, actix_web::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(
            req.extensions()
                .get::<RequestCtx>()
                .cloned()
                .ok_or_else(|| {
                    AppError::Internal(anyhow::anyhow!("request context missing")).into()
                }),
        )
    }
}

/// An RFC 9457 problem document.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct Problem {
    /// A URI naming the kind of problem.
    #[serde(rename = "type")]
    pub kind: String,
    pub title: String,
    pub status: u16,
    pub detail: String,
    /// Quote it when asking for support.
    pub request_id: String,
    /// Field-level problems of a validation error.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub errors: Vec<ProblemField>,
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ProblemField {
    pub field: String,
    pub code: String,
    pub message: String,
}

pub fn problem(
    status: StatusCode,
    lang: Lang,
    message_key: &str,
    fields: &[FieldError],
    request_id: &str,
) -> HttpResponse {
    let body = Problem {
        kind: format!("urn:kazlod:problem:{message_key}"),
        title: status.canonical_reason().unwrap_or("Error").to_string(),
        status: status.as_u16(),
        detail: t(lang, message_key),
        request_id: request_id.to_string(),
        errors: fields
            .iter()
            .map(|f| ProblemField {
                field: f.field.to_string(),
                code: f.code.to_string(),
                message: crate::i18n::field_message_args(lang, f.code, &f.field, &f.args),
            })
            .collect(),
    };
    HttpResponse::build(status)
        .insert_header((
            header::CONTENT_TYPE,
            "application/problem+json; charset=utf-8",
        ))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(serde_json::to_string(&body).unwrap_or_default())
}

/// RFC 9457 problem details listing rule problems (publication, corrigendum): one entry
/// per problem, with its code, the rule it comes from and its message with its values.
pub fn rule_problems(
    req: &actix_web::HttpRequest,
    lang: Lang,
    message_key: &str,
    problems: &[crate::domain::calls::PublishProblem],
) -> HttpResponse {
    use actix_web::HttpMessage;
    let request_id = req
        .extensions()
        .get::<super::RequestId>()
        .map(|r| r.0.clone())
        .unwrap_or_default();
    let status = StatusCode::UNPROCESSABLE_ENTITY;
    let body = Problem {
        kind: format!("urn:kazlod:problem:{message_key}"),
        title: status.canonical_reason().unwrap_or("Error").to_string(),
        status: status.as_u16(),
        detail: t(lang, message_key),
        request_id,
        errors: problems
            .iter()
            .map(|p| ProblemField {
                field: p.rule().unwrap_or("call").to_string(),
                code: p.code.to_string(),
                message: crate::views::calls::problem_text(lang, p),
            })
            .collect(),
    };
    HttpResponse::build(status)
        .insert_header((
            header::CONTENT_TYPE,
            "application/problem+json; charset=utf-8",
        ))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(serde_json::to_string(&body).unwrap_or_default())
}

/// RFC 9457 problem details for field problems whose messages were worded by the
/// caller (with their figures), e.g. the budget rules that stop a submission.
pub fn worded_problems(
    req: &actix_web::HttpRequest,
    lang: Lang,
    message_key: &str,
    fields: &[(FieldError, String)],
) -> HttpResponse {
    use actix_web::HttpMessage;
    let request_id = req
        .extensions()
        .get::<super::RequestId>()
        .map(|r| r.0.clone())
        .unwrap_or_default();
    let status = StatusCode::UNPROCESSABLE_ENTITY;
    let body = Problem {
        kind: format!("urn:kazlod:problem:{message_key}"),
        title: status.canonical_reason().unwrap_or("Error").to_string(),
        status: status.as_u16(),
        detail: t(lang, message_key),
        request_id,
        errors: fields
            .iter()
            .map(|(f, message)| ProblemField {
                field: f.field.to_string(),
                code: f.code.to_string(),
                message: message.clone(),
            })
            .collect(),
    };
    HttpResponse::build(status)
        .insert_header((
            header::CONTENT_TYPE,
            "application/problem+json; charset=utf-8",
        ))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(serde_json::to_string(&body).unwrap_or_default())
}

pub(crate) fn json<T: Serialize>(status: StatusCode, body: &T) -> AppResult<HttpResponse> {
    Ok(HttpResponse::build(status)
        .insert_header((header::CONTENT_TYPE, "application/json; charset=utf-8"))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(serde_json::to_string(body).map_err(|e| AppError::Internal(e.into()))?))
}

pub(crate) fn utc(t: NaiveDateTime) -> String {
    t.and_utc()
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TokenRequest {
    pub email: String,
    pub password: String,
    /// A label to recognise the token by on the profile page.
    #[serde(default)]
    pub name: Option<String>,
    /// The current six-digit code of the second factor (or a recovery code): required
    /// when the account has one, and every staff account does.
    #[serde(default)]
    pub second_factor_code: Option<String>,
    /// Days until the token expires: 90 when left out, at most 365.
    #[serde(default)]
    pub expires_in_days: Option<i64>,
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct CreatedToken {
    pub id: String,
    pub name: String,
    /// The bearer token. Shown only once; only its hash is stored.
    pub token: String,
    /// UTC, RFC 3339.
    pub created_at: String,
    /// UTC, RFC 3339: the token stops working then.
    pub expires_at: Option<String>,
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct TokenInfo {
    pub id: String,
    pub name: String,
    /// The first characters of the token, to recognise it.
    pub prefix: String,
    pub created_at: String,
    pub last_used_at: Option<String>,
    pub revoked_at: Option<String>,
    pub expires_at: Option<String>,
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct Me {
    pub id: String,
    pub email: String,
    pub display_name: String,
    pub role: Role,
    pub language: Option<String>,
}

/// Create a bearer token with email and password.
#[utoipa::path(
    post, path = "/api/v1/tokens", tag = "tokens",
    request_body = TokenRequest,
    responses(
        (status = 201, description = "Token created", body = CreatedToken),
        (status = 401, description = "Wrong email or password", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Email not confirmed, account disabled, or a staff account without a second factor", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Second-factor code missing or wrong, or an expiry out of range", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many attempts", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn create_token(
    state: web::Data<AppState>,
    ctx: RequestCtx,
    body: web::Json<TokenRequest>,
) -> AppResult<HttpResponse> {
    let body = body.into_inner();
    if body.password.len() > crate::domain::account::PASSWORD_MAX_BYTES || body.email.len() > 1024 {
        return Err(AppError::Unauthorized);
    }
    let user = match accounts::login(&state, &body.email, body.password, &ctx.actor()).await? {
        Ok(accounts::LoginOutcome::SignedIn(user)) => {
            // A staff account without a second factor gets no token (SECURITY.md).
            let role = Role::parse(&user.role).ok_or(AppError::Unauthorized)?;
            if accounts::second_factor_required(&state, role) {
                return Err(AppError::Denied("error-second-factor-enrol-first"));
            }
            user
        }
        Ok(accounts::LoginOutcome::SecondFactorNeeded(user)) => {
            let code = body.second_factor_code.clone().unwrap_or_default();
            if code.trim().is_empty() || code.len() > 64 {
                return Err(AppError::field(
                    "second_factor_code",
                    "error-second-factor-required",
                ));
            }
            match accounts::second_factor::verify_sign_in(&state, &ctx.actor(), user.id, code)
                .await?
            {
                Ok(user) => user,
                Err(accounts::second_factor::CodeRefusal::Wrong) => {
                    return Err(AppError::field(
                        "second_factor_code",
                        "error-second-factor-wrong",
                    ))
                }
                Err(accounts::second_factor::CodeRefusal::Throttled) => {
                    return Err(AppError::TooManyRequests)
                }
            }
        }
        Err(accounts::LoginRefusal::InvalidCredentials) => return Err(AppError::Unauthorized),
        Err(accounts::LoginRefusal::Throttled) => return Err(AppError::TooManyRequests),
        Err(accounts::LoginRefusal::EmailNotConfirmed) => {
            return Err(AppError::Denied("error-login-unconfirmed"))
        }
        Err(accounts::LoginRefusal::Disabled) => {
            return Err(AppError::Denied("error-login-disabled"))
        }
    };
    let actor = crate::services::Actor {
        user_id: Some(user.id.clone()),
        email: Some(user.email.clone()),
        role: Role::parse(&user.role),
        client_ip: Some(ctx.client_ip.clone()),
    };
    let (row, secret) = api_tokens::create(
        &state,
        &actor,
        body.name.as_deref().unwrap_or("API"),
        body.expires_in_days,
    )
    .await?;
    json(
        StatusCode::CREATED,
        &CreatedToken {
            id: row.id,
            name: row.name,
            token: secret,
            created_at: utc(row.created_at),
            expires_at: row.expires_at.map(utc),
        },
    )
}

/// The caller's tokens, newest first.
#[utoipa::path(
    get, path = "/api/v1/tokens", tag = "tokens",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The caller's tokens", body = [TokenInfo]),
        (status = 401, description = "No or invalid token", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn list_tokens(state: web::Data<AppState>, ctx: RequestCtx) -> AppResult<HttpResponse> {
    let rows = api_tokens::list(&state, &ctx.actor()).await?;
    let out: Vec<TokenInfo> = rows
        .into_iter()
        .map(|t| TokenInfo {
            id: t.id,
            name: t.name,
            prefix: t.token_prefix,
            created_at: utc(t.created_at),
            last_used_at: t.last_used_at.map(utc),
            revoked_at: t.revoked_at.map(utc),
            expires_at: t.expires_at.map(utc),
        })
        .collect();
    json(StatusCode::OK, &out)
}

/// Revoke one of the caller's tokens.
#[utoipa::path(
    delete, path = "/api/v1/tokens/{id}", tag = "tokens",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "Token id")),
    responses(
        (status = 204, description = "Revoked"),
        (status = 401, description = "No or invalid token", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such token of yours", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn revoke_token(
    state: web::Data<AppState>,
    ctx: RequestCtx,
    path: web::Path<String>,
) -> AppResult<HttpResponse> {
    api_tokens::revoke(&state, &ctx.actor(), path.into_inner()).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// The user the token belongs to.
#[utoipa::path(
    get, path = "/api/v1/me", tag = "account",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The caller", body = Me),
        (status = 401, description = "No or invalid token", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn me(state: web::Data<AppState>, ctx: RequestCtx) -> AppResult<HttpResponse> {
    let user = ctx.user.clone().ok_or(AppError::Unauthorized)?;
    let row = state
        .db(move |conn| crate::db::users::find(conn, &user.id)?.ok_or(AppError::Unauthorized))
        .await?;
    json(
        StatusCode::OK,
        &Me {
            id: row.id,
            email: row.email,
            display_name: row.display_name,
            role: Role::parse(&row.role).ok_or(AppError::Unauthorized)?,
            language: row.language,
        },
    )
}

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some(
                        "Create one with POST /api/v1/tokens or on your profile page",
                    ))
                    .build(),
            ),
        );
    }
}

/// The answers every operation may give besides its own, so that the document lists
/// every status the portal really sends: 400 for a request that cannot be read, 401 and
/// 403 where a token is needed, 404 where a path names something, 413 for a body over the
/// limit, 429 when throttled, 500 for an unexpected fault — each an RFC 9457 problem.
struct CommonResponses;

impl Modify for CommonResponses {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::{ContentBuilder, Ref, ResponseBuilder};
        let problem = |description: &str| {
            ResponseBuilder::new()
                .description(description)
                .content(
                    "application/problem+json",
                    ContentBuilder::new()
                        .schema(Some(Ref::from_schema_name("Problem")))
                        .build(),
                )
                .build()
        };
        for (path, item) in openapi.paths.paths.iter_mut() {
            let names_something = path.contains('{');
            let with_body = |op: &utoipa::openapi::path::Operation| op.request_body.is_some();
            for op in [
                &mut item.get,
                &mut item.put,
                &mut item.post,
                &mut item.delete,
                &mut item.patch,
            ]
            .into_iter()
            .flatten()
            {
                let secured = op.security.as_ref().is_some_and(|s| !s.is_empty());
                let has_body = with_body(op);
                let r = &mut op.responses.responses;
                let mut add = |code: &str, description: &str| {
                    r.entry(code.to_string())
                        .or_insert_with(|| problem(description).into());
                };
                add(
                    "400",
                    "The request could not be read (malformed JSON, query or path)",
                );
                if secured {
                    add("401", "No valid bearer token");
                    add("403", "The token's account may not do this");
                } else {
                    // A token that is sent must be valid, even where none is needed.
                    add("401", "A bearer token was sent and is not valid");
                }
                if names_something {
                    add("404", "Nothing of that id is visible to the caller");
                }
                if has_body {
                    add("413", "The body is larger than the limit");
                }
                add("429", "Too many requests; try again later");
                add("500", "An unexpected fault; quote the request id");
            }
            // Every request that records something may carry an Idempotency-Key
            // (web::idempotency): a repeat gets the first answer, not a second record.
            for op in [
                &mut item.put,
                &mut item.post,
                &mut item.delete,
                &mut item.patch,
            ]
            .into_iter()
            .flatten()
            {
                let secured = op.security.as_ref().is_some_and(|s| !s.is_empty());
                if !secured || path.starts_with("/api/v1/tokens") {
                    continue;
                }
                op.parameters
                    .get_or_insert_with(Vec::new)
                    .push(idempotency_key());
                let r = &mut op.responses.responses;
                r.entry("409".into()).or_insert_with(|| {
                    problem("In conflict with the current state, or the same Idempotency-Key is still being answered").into()
                });
                r.entry("422".into()).or_insert_with(|| {
                    problem("Refused: the fields that break a rule, or an Idempotency-Key already used for another request").into()
                });
            }
        }
    }
}

/// The `Idempotency-Key` header every recording operation accepts.
fn idempotency_key() -> utoipa::openapi::path::Parameter {
    use utoipa::openapi::path::{ParameterBuilder, ParameterIn};
    use utoipa::openapi::{ObjectBuilder, Required, Type};
    ParameterBuilder::new()
        .name("Idempotency-Key")
        .parameter_in(ParameterIn::Header)
        .required(Required::False)
        .description(Some(
            "Optional; 1 to 255 visible ASCII characters, a UUID is usual. The first \
             request with a key is carried out and its answer kept for 24 hours; the same \
             request with the same key (a retry, a parallel duplicate) gets that answer \
             again, with the header `Idempotent-Replayed: true`, and records nothing more. \
             The same key with a different method, path or body is refused with 422; \
             while the first is still being answered a repeat waits (up to a minute, then \
             409). Keys are per account. Server faults (5xx) are not kept: retry with the \
             same key.",
        ))
        .schema(Some(
            ObjectBuilder::new()
                .schema_type(Type::String)
                .min_length(Some(1))
                .max_length(Some(255))
                .pattern(Some("^[!-~]+$")),
        ))
        .build()
}

#[derive(OpenApi)]
#[openapi(
    info(title = "KAZLOD grants portal API", version = "1", description = "Programmes, calls, applications and contracts of the EU–Kazakhstan KAZLOD programme. Errors are RFC 9457 problem documents."),
    paths(
        create_token, list_tokens, revoke_token, me, openapi,
        calls::list_programmes, calls::get_programme, calls::create_programme, calls::update_programme,
        calls::list_calls, calls::get_call, calls::create_call, calls::update_call,
        calls::list_lots, calls::create_lot, calls::update_lot, calls::list_clarifications,
        calls::list_corrigenda, calls::create_corrigendum,
        workflow::publish, workflow::cancel, workflow::get_grids, workflow::put_grids,
        workflow::list_documents, workflow::follow, workflow::unfollow, workflow::ask,
        workflow::staff_questions, workflow::answer, workflow::record_amendment,
        workflow::upload_document, workflow::remove_document,
        applications::list_organisations, applications::create_organisation, applications::start,
        applications::get_organisation, applications::update_organisation,
        applications::invite_member, applications::change_member, applications::remove_member,
        applications::get_application, applications::put_concept_note, applications::put_description,
        applications::put_logframe, applications::put_workplan, applications::put_budget,
        applications::put_declaration, applications::submit, applications::withdraw,
        applications::package, applications::list_annexes, applications::upload_annex,
        applications::remove_annex, applications::download_file,
        evaluation::get_committee, evaluation::add_member, evaluation::remove_member,
        evaluation::sign_declaration, evaluation::my_assignments, evaluation::get_assignment,
        evaluation::answer_conflict, evaluation::put_sheet, evaluation::assign,
        evaluation::replace, evaluation::resolve, evaluation::ranking,
        evaluation::get_award, evaluation::submit_report, evaluation::decide, evaluation::notify,
        contracts::list, contracts::get, contracts::prepare, contracts::send,
        contracts::record_payment, contracts::submit_report, contracts::decide_report,
        contracts::terminate, contracts::close, contracts::request_amendment,
        contracts::decide_amendment,
    ),
    components(schemas(Problem, ProblemField, TokenRequest, CreatedToken, TokenInfo, Me, Role)),
    modifiers(&BearerAuth, &CommonResponses),
    tags(
        (name = "tokens", description = "Bearer tokens"),
        (name = "account", description = "The caller's account"),
        (name = "programmes", description = "Financing agreements and their computed timeline"),
        (name = "calls", description = "Calls for proposals, lots and published clarifications"),
        (name = "applications", description = "Applicant organisations and their applications"),
        (name = "evaluation", description = "Evaluation committees, declarations, assignments, score sheets and rankings"),
        (name = "contracts", description = "Grant contracts, their tranches, payments, reports and versions"),
    )
)]
pub struct ApiDoc;

/// This document.
#[utoipa::path(get, path = "/api/v1/openapi.json", tag = "meta", responses((status = 200, description = "The OpenAPI 3 document")))]
pub async fn openapi() -> AppResult<HttpResponse> {
    // The document follows from the code alone: built once per process, not per request
    // (it took seconds under load in a debug build).
    static DOCUMENT: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let json = match DOCUMENT.get() {
        Some(json) => json,
        None => {
            let json = ApiDoc::openapi()
                .to_json()
                .map_err(|e| AppError::Internal(e.into()))?;
            DOCUMENT.get_or_init(|| json)
        }
    };
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, "application/json; charset=utf-8"))
        .body(json.clone()))
}
