//! The access guard, run before every handler: finds the route in the table, works out
//! who is asking (cookie session for pages, bearer token for the API), checks the
//! route's permission, and checks CSRF on every state-changing page request.

use std::net::IpAddr;

use actix_session::{Session, SessionExt};
use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::http::{header, Method};
use actix_web::middleware::Next;
use actix_web::{web, HttpMessage, HttpResponse, ResponseError};
use futures_util::StreamExt;

use super::routes::{Kind, RouteTable};
use crate::db::{sessions, users};
use crate::domain::access::{Access, Action, Role};
use crate::error::AppError;
use crate::i18n::Lang;
use crate::services::accounts::user_lang;
use crate::state::AppState;

/// Session keys. The cookie holds ids and times only.
pub mod keys {
    pub const USER_ID: &str = "uid";
    pub const EPOCH: &str = "epoch";
    pub const SESSION_ID: &str = "sid";
    pub const CSRF: &str = "csrf";
    pub const CREATED: &str = "created";
    pub const SEEN: &str = "seen";
    pub const LANG: &str = "lang";
    pub const FLASH: &str = "flash";
    /// Half-way through signing in: the password was right, the second factor is next.
    pub const PENDING_USER: &str = "pending_uid";
    pub const PENDING_SINCE: &str = "pending_since";
    pub const PENDING_NEXT: &str = "pending_next";
}

pub const CSRF_FIELD: &str = "csrf_token";
pub const CSRF_HEADER: &str = "x-csrf-token";

#[derive(Debug, Clone)]
pub struct CurrentUser {
    pub id: String,
    pub email: String,
    pub display_name: String,
    pub role: Role,
    pub epoch: i64,
    /// Staff who must enrol a second factor before anything else.
    pub must_enrol: bool,
}

/// What the guard learnt about a request; handlers read it through `Page` or `Ctx`.
#[derive(Debug, Clone)]
pub struct RequestCtx {
    pub user: Option<CurrentUser>,
    pub lang: Lang,
    pub kind: Kind,
    pub client_ip: String,
    /// For pages: the session id (to end this session on logout).
    pub session_id: Option<String>,
}

impl RequestCtx {
    pub fn actor(&self) -> crate::services::Actor {
        crate::services::Actor {
            user_id: self.user.as_ref().map(|u| u.id.clone()),
            email: self.user.as_ref().map(|u| u.email.clone()),
            role: self.user.as_ref().map(|u| u.role),
            client_ip: Some(self.client_ip.clone()),
        }
    }
}

/// The client's address: the peer, or the last untrusted hop of X-Forwarded-For when
/// the peer is a configured proxy.
pub fn client_ip(req: &ServiceRequest, trusted: &[String]) -> String {
    let peer = req.peer_addr().map(|a| a.ip());
    let is_trusted = |ip: &IpAddr| {
        trusted
            .iter()
            .any(|t| t.parse::<IpAddr>().ok().as_ref() == Some(ip))
    };
    if let Some(peer_ip) = peer.filter(is_trusted) {
        let hops: Vec<IpAddr> = req
            .headers()
            .get_all("x-forwarded-for")
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .filter_map(|s| s.trim().parse::<IpAddr>().ok())
            .collect();
        return hops
            .iter()
            .rev()
            .find(|ip| !is_trusted(ip))
            .copied()
            .unwrap_or(peer_ip)
            .to_string();
    }
    peer.map(|p| p.to_string())
        .unwrap_or_else(|| "unknown".into())
}

/// Makes sure the session has a CSRF token and returns it.
pub fn ensure_csrf_token(session: &Session) -> String {
    if let Ok(Some(token)) = session.get::<String>(keys::CSRF) {
        return token;
    }
    let token = crate::services::new_secret();
    let _ = session.insert(keys::CSRF, &token);
    token
}

/// Starts a signed-in session (a fresh cookie: the pre-login one is never promoted).
pub fn start_session(session: &Session, user_id: &str, epoch: i64, now: chrono::NaiveDateTime) {
    let lang = session.get::<String>(keys::LANG).ok().flatten();
    session.renew();
    session.clear();
    let now = now.and_utc().timestamp();
    let _ = session.insert(keys::USER_ID, user_id);
    let _ = session.insert(keys::EPOCH, epoch);
    let _ = session.insert(keys::SESSION_ID, crate::services::new_secret());
    let _ = session.insert(keys::CSRF, crate::services::new_secret());
    let _ = session.insert(keys::CREATED, now);
    let _ = session.insert(keys::SEEN, now);
    if let Some(lang) = lang {
        let _ = session.insert(keys::LANG, lang);
    }
}

/// Loads the signed-in user of a page request, ending the session when it is no longer
/// valid (timed out, epoch moved, user disabled, logged out).
async fn session_user(
    state: &AppState,
    session: &Session,
) -> Result<(Option<CurrentUser>, Option<String>), AppError> {
    let Ok(Some(user_id)) = session.get::<String>(keys::USER_ID) else {
        return Ok((None, None));
    };
    let epoch = session.get::<i64>(keys::EPOCH).ok().flatten().unwrap_or(-1);
    let sid = session
        .get::<String>(keys::SESSION_ID)
        .ok()
        .flatten()
        .unwrap_or_default();
    let created = session
        .get::<i64>(keys::CREATED)
        .ok()
        .flatten()
        .unwrap_or(0);
    let seen = session.get::<i64>(keys::SEEN).ok().flatten().unwrap_or(0);
    let now = state.clock.now().and_utc().timestamp();
    let s = &state.settings.session;
    let timed_out =
        now - seen > s.idle_timeout_minutes * 60 || now - created > s.absolute_timeout_hours * 3600;
    // An ended session becomes a fresh anonymous one (new cookie, only the language
    // kept). Purging would delete the cookie while the page being rendered puts a new
    // CSRF token in it, and the next form (the login!) would be refused.
    let end = |session: &Session| {
        let lang = session.get::<String>(keys::LANG).ok().flatten();
        session.clear();
        session.renew();
        if let Some(lang) = lang {
            let _ = session.insert(keys::LANG, lang);
        }
    };
    if timed_out || sid.is_empty() {
        end(session);
        return Ok((None, None));
    }
    let sid_check = sid.clone();
    let found = state
        .db(move |conn| {
            let user = users::find(conn, &user_id)?;
            let revoked = sessions::is_revoked(conn, &sid_check)?;
            let enrolled = match &user {
                Some(u) => crate::db::second_factors::is_enrolled(conn, &u.id)?,
                None => false,
            };
            Ok((user, revoked, enrolled))
        })
        .await?;
    match found {
        (Some(user), false, enrolled)
            if user.session_epoch == epoch && user.disabled_at.is_none() =>
        {
            if now - seen > 60 {
                let _ = session.insert(keys::SEEN, now);
            }
            let role = Role::parse(&user.role)
                .ok_or_else(|| AppError::Internal(anyhow::anyhow!("bad role")))?;
            // The profile's language wins; write the cookie only when it changes.
            if user.language.is_some() {
                let code = user_lang(&user).code();
                if session.get::<String>(keys::LANG).ok().flatten().as_deref() != Some(code) {
                    let _ = session.insert(keys::LANG, code);
                }
            }
            let must_enrol =
                crate::services::accounts::second_factor_required(state, role) && !enrolled;
            Ok((
                Some(CurrentUser {
                    id: user.id,
                    email: user.email,
                    display_name: user.display_name,
                    role,
                    epoch,
                    must_enrol,
                }),
                Some(sid),
            ))
        }
        _ => {
            end(session);
            Ok((None, None))
        }
    }
}

async fn bearer_user(
    state: &AppState,
    req: &ServiceRequest,
) -> Result<Option<CurrentUser>, AppError> {
    let Some(value) = req.headers().get(header::AUTHORIZATION) else {
        return Ok(None);
    };
    let value = value.to_str().map_err(|_| AppError::Unauthorized)?;
    let Some(secret) = value.strip_prefix("Bearer ").map(str::trim) else {
        return Err(AppError::Unauthorized);
    };
    match crate::services::api_tokens::authenticate(state, secret.to_string()).await? {
        Some((_, user)) => {
            let role = Role::parse(&user.role).ok_or(AppError::Unauthorized)?;
            Ok(Some(CurrentUser {
                id: user.id,
                email: user.email,
                display_name: user.display_name,
                role,
                epoch: user.session_epoch,
                must_enrol: false,
            }))
        }
        None => Err(AppError::Unauthorized),
    }
}

/// A language chosen in the address of a page (`?lang=kk`); only on GET.
fn lang_in_query(req: &ServiceRequest) -> Option<Lang> {
    if req.method() != Method::GET {
        return None;
    }
    url::form_urlencoded::parse(req.query_string().as_bytes())
        .find(|(k, _)| k == "lang")
        .and_then(|(_, v)| Lang::parse(&v))
}

fn request_lang(req: &ServiceRequest, session: Option<&Session>) -> Lang {
    if let Some(lang) = session
        .and_then(|s| s.get::<String>(keys::LANG).ok().flatten())
        .and_then(|l| Lang::parse(&l))
    {
        return lang;
    }
    req.headers()
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .and_then(Lang::from_accept_language)
        .unwrap_or_default()
}

/// A safe local path to return to after login: relative, no scheme, no `//`.
pub fn safe_next(next: &str) -> Option<String> {
    let ok = next.starts_with('/')
        && !next.starts_with("//")
        && !next.contains('\\')
        && !next.chars().any(char::is_control);
    ok.then(|| next.to_string())
}

fn is_unsafe_method(m: &Method) -> bool {
    !matches!(*m, Method::GET | Method::HEAD | Method::OPTIONS)
}

/// The browser says where the request comes from; refuse anything cross-site.
fn origin_is_acceptable(req: &ServiceRequest, public_url: &str) -> bool {
    if let Some(site) = req
        .headers()
        .get("sec-fetch-site")
        .and_then(|v| v.to_str().ok())
    {
        if !matches!(site, "same-origin" | "none") {
            return false;
        }
    }
    if let Some(origin) = req
        .headers()
        .get(header::ORIGIN)
        .and_then(|v| v.to_str().ok())
    {
        let public_origin = url::Url::parse(public_url)
            .ok()
            .map(|u| u.origin().ascii_serialization());
        let host_origin = req
            .headers()
            .get(header::HOST)
            .and_then(|h| h.to_str().ok())
            .map(|h| {
                let scheme = req.connection_info().scheme().to_string();
                format!("{scheme}://{h}")
            });
        return Some(origin.to_string()) == public_origin
            || Some(origin.to_string()) == host_origin;
    }
    true
}

/// Reads a url-encoded body, checks its CSRF token, and hands the rest on. Returns the
/// form's one-time token (`once`) with the body it came with, when it has one.
async fn check_form_token(
    req: &mut ServiceRequest,
    expected: &str,
    limit: usize,
) -> Result<Option<(String, web::Bytes)>, AppError> {
    use super::idempotency::{valid_key, FORM_FIELD};
    let content_type = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_ascii_lowercase();
    if content_type.starts_with("multipart/form-data") {
        let header_token = req
            .headers()
            .get(CSRF_HEADER)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        let query_token = web::Query::<Vec<(String, String)>>::from_query(req.query_string())
            .ok()
            .and_then(|q| {
                q.0.into_iter()
                    .find(|(k, _)| k == CSRF_FIELD)
                    .map(|(_, v)| v)
            });
        return match header_token.or(query_token) {
            Some(t) if constant_time_eq(&t, expected) => {
                // An upload form's token is in its address; the file is not hashed.
                let once = web::Query::<Vec<(String, String)>>::from_query(req.query_string())
                    .ok()
                    .and_then(|q| q.0.into_iter().find(|(k, _)| k == FORM_FIELD))
                    .map(|(_, v)| v)
                    .filter(|v| valid_key(v));
                Ok(once.map(|t| (t, web::Bytes::from(req.query_string().to_string()))))
            }
            _ => Err(AppError::Forbidden),
        };
    }
    if !content_type.starts_with("application/x-www-form-urlencoded") && !content_type.is_empty() {
        return Err(AppError::Forbidden);
    }
    let mut payload = req.take_payload();
    let mut body = web::BytesMut::new();
    while let Some(chunk) = payload.next().await {
        let chunk = chunk.map_err(|_| AppError::BadRequest("error-invalid-form"))?;
        if body.len() + chunk.len() > limit {
            return Err(AppError::PayloadTooLarge);
        }
        body.extend_from_slice(&chunk);
    }
    // Decoded strictly, once: invalid UTF-8 and control characters are a field error.
    let pairs = super::input::decode_pairs(&body)?;
    let tokens: Vec<&String> = pairs
        .iter()
        .filter(|(k, _)| k == CSRF_FIELD)
        .map(|(_, v)| v)
        .collect();
    if tokens.len() != 1 || !constant_time_eq(tokens[0], expected) {
        return Err(AppError::Forbidden);
    }
    let once = pairs
        .iter()
        .find(|(k, _)| k == FORM_FIELD)
        .map(|(_, v)| v.clone())
        .filter(|v| valid_key(v));
    let rest: Vec<(String, String)> = pairs
        .into_iter()
        .filter(|(k, _)| k != CSRF_FIELD && k != FORM_FIELD)
        .collect();
    let rest = web::Bytes::from(
        serde_urlencoded::to_string(&rest).map_err(|e| AppError::Internal(e.into()))?,
    );
    req.set_payload(Payload::from(rest.clone()));
    Ok(once.map(|t| (t, rest)))
}

fn constant_time_eq(a: &str, b: &str) -> bool {
    use sha2::{Digest, Sha256};
    // Comparing digests makes the time independent of where the strings differ.
    Sha256::digest(a.as_bytes()) == Sha256::digest(b.as_bytes())
}

fn refuse(req: ServiceRequest, err: AppError) -> ServiceResponse<BoxBody> {
    let res = err.error_response();
    req.into_response(res)
}

pub async fn access_guard(
    mut req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let state = req
        .app_data::<web::Data<AppState>>()
        .cloned()
        .expect("AppState is registered");
    let table = req
        .app_data::<web::Data<RouteTable>>()
        .cloned()
        .expect("RouteTable is registered");
    let ip = client_ip(&req, &state.settings.server.trusted_proxies);
    let pattern = req.match_pattern();
    let kind_by_path = if req.path().starts_with("/api/") {
        Kind::Api
    } else {
        Kind::Html
    };
    let route = pattern.as_deref().and_then(|p| table.find(req.method(), p));
    if pattern.is_some() && route.is_none() {
        // A path is known but not with this method, or a route escaped the table:
        // only "method not allowed" for methods the table has for this path.
        let known_path = table_has_path(&table, pattern.as_deref().unwrap_or(""));
        if !known_path {
            tracing::error!(pattern = ?pattern, "route without a declared permission refused");
            return Ok(refuse(req, AppError::Forbidden));
        }
    }
    let kind = route.map(|r| r.1).unwrap_or(kind_by_path);
    // Path segments and query values are checked once, here, for every route.
    if !super::input::path_is_clean(req.path()) {
        return Ok(refuse(req, AppError::NotFound));
    }
    if let Err(e) = super::input::decode_pairs(req.query_string().as_bytes()) {
        return Ok(refuse(req, e));
    }

    let (user, session_id, lang) = match kind {
        Kind::Api => {
            let user = match bearer_user(&state, &req).await {
                Ok(u) => u,
                Err(e) => {
                    let lang = request_lang(&req, None);
                    req.extensions_mut().insert(RequestCtx {
                        user: None,
                        lang,
                        kind,
                        client_ip: ip,
                        session_id: None,
                    });
                    return Ok(refuse(req, e));
                }
            };
            (user, None, request_lang(&req, None))
        }
        Kind::Html => {
            let session = req.get_session();
            let (user, sid) = match session_user(&state, &session).await {
                Ok(found) => found,
                Err(e) => return Ok(refuse(req, e)),
            };
            if let Some(chosen) = lang_in_query(&req) {
                // `?lang=` chooses the language as the header switcher does (a link
                // can be shared in a language): the session's, and the profile's.
                let current = session.get::<String>(keys::LANG).ok().flatten();
                if current.as_deref() != Some(chosen.code()) {
                    let _ = session.insert(keys::LANG, chosen.code());
                    if let Some(u) = &user {
                        let actor = crate::services::Actor {
                            user_id: Some(u.id.clone()),
                            email: Some(u.email.clone()),
                            role: Some(u.role),
                            client_ip: Some(ip.clone()),
                        };
                        if let Err(e) =
                            crate::services::accounts::set_language(&state, &actor, chosen).await
                        {
                            tracing::warn!(error = %e, "the language chosen by link was not saved");
                        }
                    }
                }
            }
            let lang = request_lang(&req, Some(&session));
            (user, sid, lang)
        }
    };
    let ctx = RequestCtx {
        user,
        lang,
        kind,
        client_ip: ip,
        session_id,
    };
    req.extensions_mut().insert(ctx.clone());
    if let Some(user) = &ctx.user {
        // The request's span (web::request_log) carries the acting user's id, never
        // the email.
        tracing::Span::current().record("user", user.id.as_str());
    }

    // Staff without a second factor enrol before anything else (SECURITY.md).
    if let (Kind::Html, Some(user)) = (kind, ctx.user.as_ref()) {
        let path = req.path();
        let exempt = path.starts_with("/account/two-factor")
            || path.starts_with("/static/")
            || matches!(path, "/logout" | "/language" | "/healthz");
        if user.must_enrol && !exempt {
            return Ok(req.into_response(
                HttpResponse::SeeOther()
                    .insert_header((header::LOCATION, "/account/two-factor"))
                    .finish(),
            ));
        }
    }

    if let Some((access, _)) = route {
        let role = ctx.user.as_ref().map(|u| u.role);
        if !access.allows(role) {
            return Ok(match (kind, role) {
                (Kind::Html, None) => {
                    let next = match req.method() {
                        &Method::GET => req
                            .uri()
                            .path_and_query()
                            .map(|p| p.as_str().to_string())
                            .unwrap_or_default(),
                        _ => "/".into(),
                    };
                    let location = format!(
                        "/login?next={}",
                        url::form_urlencoded::byte_serialize(next.as_bytes()).collect::<String>()
                    );
                    req.into_response(
                        HttpResponse::SeeOther()
                            .insert_header((header::LOCATION, location))
                            .finish(),
                    )
                }
                (Kind::Api, None) => refuse(req, AppError::Unauthorized),
                _ => refuse(req, AppError::Forbidden),
            });
        }
    }

    // Read-only roles (the auditor) change nothing but their own account and session.
    if let (Some((access, _)), Some(user)) = (route, ctx.user.as_ref()) {
        let own_account = matches!(
            access,
            Access::Public | Access::Action(Action::ManageOwnAccount | Action::UseApi)
        ) || req.path() == "/logout";
        if user.role.is_read_only() && is_unsafe_method(req.method()) && !own_account {
            return Ok(refuse(req, AppError::Forbidden));
        }
    }

    // Requests that record something for a signed-in user are done once.
    let records = matches!(route, Some((Access::Action(a), _)) if a != Action::ManageOwnAccount && a != Action::UseApi)
        && is_unsafe_method(req.method());
    let mut once = None;
    // A known path with a method it does not have: let the router answer 405.
    if kind == Kind::Html && is_unsafe_method(req.method()) && route.is_some() {
        if !origin_is_acceptable(&req, &state.settings.server.public_url) {
            tracing::warn!(path = req.path(), "cross-site request refused");
            return Ok(refuse(req, AppError::Forbidden));
        }
        let expected = req.get_session().get::<String>(keys::CSRF).ok().flatten();
        let Some(expected) = expected else {
            return Ok(refuse(req, AppError::Forbidden));
        };
        match check_form_token(
            &mut req,
            &expected,
            state.settings.server.body_limit_bytes(),
        )
        .await
        {
            Ok(token) => {
                once = token.zip(ctx.user.as_ref()).filter(|_| records).map(
                    |((token, body), user)| {
                        super::idempotency::Once::page(
                            &user.id,
                            &token,
                            req.method().as_str(),
                            req.path(),
                            &body,
                        )
                    },
                );
            }
            Err(e) => return Ok(refuse(req, e)),
        }
    }

    // JSON bodies: every string checked once (the same rule as form fields).
    if kind == Kind::Api && is_unsafe_method(req.method()) {
        let key = match req.headers().get(super::idempotency::HEADER) {
            None => None,
            Some(v) => match v.to_str().ok().filter(|k| super::idempotency::valid_key(k)) {
                Some(k) => Some(k.to_string()),
                None => {
                    return Ok(refuse(
                        req,
                        AppError::BadRequest("error-idempotency-key-invalid"),
                    ))
                }
            },
        };
        match check_json_body(&mut req, state.settings.server.body_limit_bytes()).await {
            Ok(body) => {
                once = key
                    .zip(ctx.user.as_ref())
                    .filter(|_| records)
                    .map(|(key, user)| {
                        let path = match req.query_string() {
                            "" => req.path().to_string(),
                            q => format!("{}?{q}", req.path()),
                        };
                        super::idempotency::Once::api(
                            &user.id,
                            &key,
                            req.method().as_str(),
                            &path,
                            &body,
                        )
                    });
            }
            Err(e) => return Ok(refuse(req, e)),
        }
    }

    if let Some(once) = once {
        return super::idempotency::run_once(&state, once, req, next).await;
    }
    let res = next.call(req).await?;
    Ok(res.map_into_boxed_body())
}

/// Reads a JSON body, checks its strings, and hands it on unchanged. Returns it (empty
/// for a body of another type, an upload, which is not read here).
async fn check_json_body(req: &mut ServiceRequest, limit: usize) -> Result<web::Bytes, AppError> {
    let is_json = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.to_ascii_lowercase().contains("json"));
    if !is_json {
        return Ok(web::Bytes::new());
    }
    let mut payload = req.take_payload();
    let mut body = web::BytesMut::new();
    while let Some(chunk) = payload.next().await {
        let chunk = chunk.map_err(|_| AppError::BadRequest("error-invalid-json"))?;
        if body.len() + chunk.len() > limit {
            return Err(AppError::PayloadTooLarge);
        }
        body.extend_from_slice(&chunk);
    }
    let body = body.freeze();
    super::input::check_json(&body)?;
    req.set_payload(Payload::from(body.clone()));
    Ok(body)
}

fn table_has_path(table: &RouteTable, pattern: &str) -> bool {
    [
        Method::GET,
        Method::POST,
        Method::DELETE,
        Method::PUT,
        Method::PATCH,
    ]
    .iter()
    .any(|m| table.find(m, pattern).is_some())
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn only_local_paths_are_followed_after_login() {
        assert_eq!(safe_next("/account"), Some("/account".into()));
        assert_eq!(safe_next("//evil.example/x"), None);
        assert_eq!(safe_next("https://evil.example"), None);
        assert_eq!(safe_next("/\\evil.example"), None);
        assert_eq!(safe_next("account"), None);
    }
}
