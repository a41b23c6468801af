//! The web layer: parses input, calls one service, renders a page or JSON. Middleware
//! here adds the request id and log line, security headers, error pages, the session
//! cookie and the access guard.

pub mod account;
pub mod admin;
pub mod annexes;
pub mod api;
pub mod applications;
pub mod audit;
pub mod auth;
pub mod award;
pub mod calls;
pub mod confirm;
pub mod contracts;
pub mod evaluation;
pub mod full_application;
pub mod guard;
pub mod idempotency;
pub mod input;
pub mod monitoring;
pub mod operations;
pub mod organisations;
pub mod page;
pub mod partners;
pub mod programmes;
pub mod public;
pub mod public_calls;
pub mod received;
pub mod routes;
pub mod staff_applications;

use actix_session::config::{BrowserSession, CookieContentSecurity};
use actix_session::storage::CookieSessionStore;
use actix_session::{SessionExt, SessionMiddleware};
use actix_web::body::{BoxBody, MessageBody};
use actix_web::cookie::{Key, SameSite};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::{header, StatusCode};
use actix_web::middleware::Next;
use actix_web::{web, HttpMessage, HttpResponse};

use crate::error::{AppError, ErrorInfo};
use crate::i18n::t;
use crate::state::AppState;
use guard::{ensure_csrf_token, RequestCtx};
use routes::Kind;

/// The id of one request, shown on error pages and in every log line.
#[derive(Debug, Clone)]
pub struct RequestId(pub String);

pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
     font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

pub fn session_cookie_name(https: bool) -> &'static str {
    // The __Host- prefix pins the cookie to this host, path / and HTTPS.
    if https {
        "__Host-kazlod_session"
    } else {
        "kazlod_session"
    }
}

pub fn session_middleware(state: &AppState, key: Key) -> SessionMiddleware<CookieSessionStore> {
    let https = state.settings.server.is_https();
    SessionMiddleware::builder(CookieSessionStore::default(), key)
        .cookie_name(session_cookie_name(https).to_string())
        .cookie_secure(true)
        .cookie_http_only(true)
        .cookie_same_site(SameSite::Lax)
        .cookie_path("/".to_string())
        .cookie_domain(None)
        .cookie_content_security(CookieContentSecurity::Private)
        .session_lifecycle(BrowserSession::default())
        .build()
}

/// Request id, one span per request (every log line of the request, in every service
/// it calls, carries its id and the acting user's id), one structured log line per
/// request (path without the query string: links carry secrets there), the request's
/// metrics by route pattern, a warning for a slow request with its SQL statement count,
/// and the `X-Request-Id` header.
pub async fn request_log(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    use tracing::Instrument as _;
    let id = uuid::Uuid::new_v4().to_string();
    req.extensions_mut().insert(RequestId(id.clone()));
    let method = req.method().to_string();
    let path = req.path().to_string();
    let slow_ms = req
        .app_data::<web::Data<AppState>>()
        .map(|s| s.settings.log.slow_request_ms)
        .unwrap_or(1000);
    let span = tracing::info_span!(
        "request",
        request_id = %id,
        method = %method,
        route = tracing::field::Empty,
        user = tracing::field::Empty,
    );
    let queries = std::sync::Arc::new(std::sync::atomic::AtomicU64::new(0));
    let started = std::time::Instant::now();
    let mut res = crate::telemetry::counting_queries(
        queries.clone(),
        next.call(req).instrument(span.clone()),
    )
    .await?
    .map_into_boxed_body();
    let elapsed = started.elapsed();
    let route = res
        .request()
        .match_pattern()
        .unwrap_or_else(|| "unmatched".to_string());
    span.record("route", route.as_str());
    let ctx = res.request().extensions().get::<RequestCtx>().cloned();
    let user = ctx
        .as_ref()
        .and_then(|c| c.user.as_ref().map(|u| u.id.clone()));
    let role = ctx
        .as_ref()
        .and_then(|c| c.user.as_ref().map(|u| u.role.as_str()));
    let client = ctx.as_ref().map(|c| c.client_ip.clone());
    let status = res.status().as_u16();
    let ms = elapsed.as_millis() as u64;
    let sql_queries = queries.load(std::sync::atomic::Ordering::Relaxed);
    crate::telemetry::http_request(&method, &route, status, elapsed.as_secs_f64());
    span.in_scope(|| {
        tracing::info!(
            request_id = %id,
            method = %method,
            path = %path.escape_debug(),
            route = %route,
            status,
            ms,
            sql_queries,
            user = user.as_deref().unwrap_or("-"),
            role = role.unwrap_or("-"),
            client = client.as_deref().unwrap_or("-"),
            "request"
        );
        if ms >= slow_ms {
            crate::telemetry::slow_request(&route);
            tracing::warn!(
                request_id = %id,
                method = %method,
                route = %route,
                status,
                ms,
                sql_queries,
                user = user.as_deref().unwrap_or("-"),
                "slow request"
            );
        }
    });
    if let Ok(v) = header::HeaderValue::from_str(&id) {
        res.headers_mut()
            .insert(header::HeaderName::from_static("x-request-id"), v);
    }
    Ok(res)
}

/// Turns a panic in a handler into a 500 page with the request id: no input can take
/// a worker down. Registered on every resource (after routing: the request may be
/// cloned only once its route is matched).
pub async fn catch_panics(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    use futures_util::FutureExt;
    let http = req.request().clone();
    match std::panic::AssertUnwindSafe(next.call(req))
        .catch_unwind()
        .await
    {
        Ok(res) => res.map(ServiceResponse::map_into_boxed_body),
        Err(_) => {
            tracing::error!(path = %http.path().escape_debug(), "a request panicked");
            let res = actix_web::ResponseError::error_response(&AppError::Internal(
                anyhow::anyhow!("the request panicked"),
            ));
            Ok(ServiceResponse::new(http, res))
        }
    }
}

/// Bounds the time a request body may take to arrive (slow clients cannot hold a
/// connection and a buffer for long): the configured seconds, plus one second per
/// 64 KiB announced, so that a large upload over a slow line still gets through.
/// Large bodies are only accepted from signed-in staff (uploads); what anyone may send
/// is at most the body limit.
pub async fn body_deadline(
    mut req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    use futures_util::StreamExt;
    let seconds = req
        .app_data::<web::Data<AppState>>()
        .map(|s| s.settings.server.request_timeout_seconds)
        .unwrap_or(20)
        .max(1);
    let announced = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok())
        .unwrap_or(0)
        .min(64 * 1024 * 1024);
    let seconds = seconds + announced / (64 * 1024);
    let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(seconds);
    let payload = req.take_payload();
    let timed = futures_util::stream::unfold(Some(payload), move |state| async move {
        let mut payload = state?;
        match tokio::time::timeout_at(deadline, payload.next()).await {
            Ok(Some(chunk)) => Some((chunk, Some(payload))),
            Ok(None) => None,
            Err(_) => Some((
                Err(actix_web::error::PayloadError::Io(std::io::Error::new(
                    std::io::ErrorKind::TimedOut,
                    "request body too slow",
                ))),
                None,
            )),
        }
    });
    // Fused: multipart parsing may poll again after the end.
    let timed = timed.fuse();
    req.set_payload(actix_web::dev::Payload::from(Box::pin(timed)
        as std::pin::Pin<
            Box<
                dyn futures_util::Stream<Item = Result<web::Bytes, actix_web::error::PayloadError>>,
            >,
        >));
    next.call(req)
        .await
        .map(ServiceResponse::map_into_boxed_body)
}

/// Security headers on every response.
pub async fn security_headers(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let https = req
        .app_data::<web::Data<AppState>>()
        .map(|s| s.settings.server.is_https())
        .unwrap_or(false);
    let mut res = next.call(req).await?.map_into_boxed_body();
    let h = res.headers_mut();
    let set = |h: &mut header::HeaderMap, name: &'static str, value: &'static str| {
        h.insert(
            header::HeaderName::from_static(name),
            header::HeaderValue::from_static(value),
        );
    };
    if !h.contains_key(header::CONTENT_SECURITY_POLICY) {
        set(h, "content-security-policy", CONTENT_SECURITY_POLICY);
    }
    set(h, "x-content-type-options", "nosniff");
    set(h, "x-frame-options", "DENY");
    set(h, "referrer-policy", "same-origin");
    set(
        h,
        "permissions-policy",
        "camera=(), microphone=(), geolocation=()",
    );
    set(h, "cross-origin-opener-policy", "same-origin");
    if https {
        set(
            h,
            "strict-transport-security",
            "max-age=31536000; includeSubDomains",
        );
    }
    Ok(res)
}

/// Replaces the body of error responses with a page (or problem+json for the API) in
/// the user's language that says nothing internal, only the request id.
pub async fn error_pages(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let res = next.call(req).await?.map_into_boxed_body();
    let status = res.status();
    if !(status.is_client_error() || status.is_server_error()) {
        return Ok(res);
    }
    let info = res.response().extensions().get::<ErrorInfo>().cloned();
    let content_type = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    let is_rendered = content_type.starts_with("text/html")
        || content_type.starts_with("application/problem+json")
        || content_type.starts_with("application/json");
    if info.is_none() && is_rendered {
        return Ok(res);
    }
    let (req, res) = res.into_parts();
    let message_key = match &info {
        Some(i) => i.message_key,
        None => default_message_key(status, res.error()),
    };
    let fields = info.map(|i| i.fields).unwrap_or_default();
    let request_id = req
        .extensions()
        .get::<RequestId>()
        .map(|r| r.0.clone())
        .unwrap_or_default();
    let ctx = req.extensions().get::<RequestCtx>().cloned();
    let lang = ctx.as_ref().map(|c| c.lang).unwrap_or_else(|| {
        req.headers()
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok())
            .and_then(crate::i18n::Lang::from_accept_language)
            .unwrap_or_default()
    });
    let is_api = ctx
        .as_ref()
        .map(|c| c.kind == Kind::Api)
        .unwrap_or_else(|| req.path().starts_with("/api/"));
    let mut new_res = if is_api {
        api::problem(status, lang, message_key, &fields, &request_id)
    } else {
        let state = req.app_data::<web::Data<AppState>>().cloned();
        let session = req.get_session();
        let csrf = ensure_csrf_token(&session);
        let req_ctx = ctx.unwrap_or(RequestCtx {
            user: None,
            lang,
            kind: Kind::Html,
            client_ip: String::new(),
            session_id: None,
        });
        let mut tctx = tera::Context::new();
        page::layout_context(&mut tctx, &req_ctx, &csrf, "/");
        tctx.insert("status", &status.as_u16());
        tctx.insert(
            "title",
            &t(lang, &format!("error-title-{}", title_family(status))),
        );
        tctx.insert("message", &t(lang, message_key));
        tctx.insert("request_id", &request_id);
        tctx.insert("show_login", &(status == StatusCode::UNAUTHORIZED));
        tctx.insert(
            "fields",
            &fields
                .iter()
                .map(|f| f.field.to_string())
                .collect::<Vec<_>>(),
        );
        let html = state
            .and_then(|s| s.templates.render("errors/error.html", &tctx).ok())
            .unwrap_or_else(|| {
                format!(
                    "<!doctype html><title>{}</title><p>Request id: {}</p>",
                    status.as_u16(),
                    request_id
                )
            });
        page::html_response(status, html)
    };
    // Keep headers the handler set for a reason (Allow on 405, Retry-After on 429).
    for name in [
        header::ALLOW,
        header::RETRY_AFTER,
        header::WWW_AUTHENTICATE,
        header::SET_COOKIE,
    ] {
        for v in res.headers().get_all(&name) {
            new_res.headers_mut().append(name.clone(), v.clone());
        }
    }
    if is_api && status == StatusCode::UNAUTHORIZED {
        new_res.headers_mut().insert(
            header::WWW_AUTHENTICATE,
            header::HeaderValue::from_static("Bearer"),
        );
    }
    Ok(ServiceResponse::new(req, new_res))
}

fn title_family(status: StatusCode) -> &'static str {
    match status.as_u16() {
        401 => "401",
        403 => "403",
        404 => "404",
        405 => "405",
        413 => "413",
        429 => "429",
        503 => "503",
        s if s >= 500 => "500",
        _ => "400",
    }
}

fn default_message_key(status: StatusCode, error: Option<&actix_web::Error>) -> &'static str {
    if let Some(app) = error.and_then(|e| e.as_error::<AppError>()) {
        return app.message_key();
    }
    match status.as_u16() {
        401 => "error-unauthorized",
        403 => "error-forbidden",
        404 => "error-not-found",
        405 => "error-method-not-allowed",
        413 => "error-payload-too-large",
        429 => "error-too-many-requests",
        503 => "error-unavailable",
        s if s >= 500 => "error-internal",
        _ => "error-bad-request",
    }
}

/// Form and JSON bodies: size limits and clear errors (unknown or repeated fields are
/// refused by the structs' `deny_unknown_fields` and serde's duplicate check).
pub fn extractor_configs(cfg: &mut web::ServiceConfig, limit: usize) {
    cfg.app_data(
        web::FormConfig::default()
            .limit(limit)
            .error_handler(|err, _req| {
                let e = match err {
                    actix_web::error::UrlencodedError::Overflow { .. } => AppError::PayloadTooLarge,
                    _ => AppError::BadRequest("error-invalid-form"),
                };
                e.into()
            }),
    )
    .app_data(
        web::JsonConfig::default()
            .limit(limit)
            .error_handler(|err, _req| {
                let e = match err {
                    actix_web::error::JsonPayloadError::OverflowKnownLength { .. }
                    | actix_web::error::JsonPayloadError::Overflow { .. } => {
                        AppError::PayloadTooLarge
                    }
                    _ => AppError::BadRequest("error-invalid-json"),
                };
                e.into()
            }),
    )
    .app_data(
        web::QueryConfig::default()
            .error_handler(|_err, _req| AppError::BadRequest("error-invalid-query").into()),
    )
    .app_data(web::PathConfig::default().error_handler(|_err, _req| AppError::NotFound.into()))
    .app_data(web::PayloadConfig::default().limit(limit));
}

pub async fn not_found() -> Result<HttpResponse, AppError> {
    Err(AppError::NotFound)
}

#[cfg(test)]
mod tests {
    use actix_web::middleware::from_fn;
    use actix_web::{test, web as aweb, App, HttpResponse};

    async fn panics() -> HttpResponse {
        let items: Vec<u8> = Vec::new();
        // An index out of bounds: any bug that panics in a handler.
        HttpResponse::Ok().body(format!("{}", items[items.len()]))
    }

    #[actix_web::test]
    async fn a_panicking_handler_answers_500_and_the_worker_goes_on() {
        let app = test::init_service(
            App::new().service(
                aweb::resource("/boom")
                    .wrap(from_fn(super::catch_panics))
                    .route(aweb::get().to(panics)),
            ),
        )
        .await;
        for _ in 0..3 {
            let res =
                test::call_service(&app, test::TestRequest::get().uri("/boom").to_request()).await;
            assert_eq!(
                res.status(),
                actix_web::http::StatusCode::INTERNAL_SERVER_ERROR
            );
        }
    }
}

/// SECURITY.md "Form and JSON structs reject unknown fields": one rule for every body.
#[cfg(test)]
mod unknown_fields {
    use std::path::Path;

    fn rust_files(dir: &Path, out: &mut Vec<(String, String)>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                rust_files(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push((
                    path.display().to_string(),
                    std::fs::read_to_string(&path).unwrap(),
                ));
            }
        }
    }

    #[test]
    fn every_form_and_json_body_refuses_unknown_fields() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut files = Vec::new();
        rust_files(&root, &mut files);
        let body =
            regex::Regex::new(r"web::(?:Json|Form)<(?:[a-z_]+::)*([A-Z][A-Za-z0-9]*)>").unwrap();
        let mut types: Vec<String> = files
            .iter()
            .filter(|(path, _)| path.contains("/web/"))
            .flat_map(|(_, text)| {
                body.captures_iter(text)
                    .map(|c| c[1].to_string())
                    .collect::<Vec<_>>()
            })
            .filter(|t| t != "Vec")
            .collect();
        types.sort();
        types.dedup();
        assert!(types.len() > 50, "{types:?}");
        let mut missing = Vec::new();
        for t in &types {
            // Every deserialisable struct of that name (two modules may share a name).
            let attributes: Vec<String> = files
                .iter()
                .filter_map(|(_, text)| {
                    let at = text.find(&format!("struct {t} {{"))?;
                    let head = &text[..at];
                    let from = head.rfind("\n\n").unwrap_or(0);
                    Some(head[from..].to_string())
                })
                .filter(|a| a.contains("Deserialize"))
                .collect();
            assert!(!attributes.is_empty(), "{t} is not a deserialisable struct");
            if attributes
                .iter()
                .any(|a| !a.contains("deny_unknown_fields"))
            {
                missing.push(t.clone());
            }
        }
        assert!(
            missing.is_empty(),
            "these bodies accept unknown fields: {missing:?}"
        );
    }
}
