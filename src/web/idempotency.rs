//! Every request that records something is done once (SECURITY.md "Idempotency"): a page
//! form carries a one-time token (`once`, put in by the `forms::csrf` macro), the API
//! honours an `Idempotency-Key` header. The first request claims the key in the database
//! (so every node sees it), runs, and stores its answer for a day; a repeat — a double
//! click, a client retrying after a timeout, 20 at once — waits for that answer and gets
//! it again instead of recording a second payment.

use std::time::Duration;

use actix_session::SessionExt;
use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::{header, StatusCode};
use actix_web::HttpResponse;
use sha2::{Digest, Sha256};

use super::guard::keys;
use crate::db::idempotency as q;
use crate::domain::FieldError;
use crate::error::AppError;
use crate::state::AppState;

/// The API's header.
pub const HEADER: &str = "idempotency-key";
/// A page form's hidden field (or, for an upload form, its query parameter).
pub const FORM_FIELD: &str = "once";
/// Set on an answer given again.
pub const REPLAYED: &str = "idempotent-replayed";

/// How long an answer is kept.
pub fn kept() -> chrono::Duration {
    chrono::Duration::days(1)
}

/// A first request still unanswered after this long died with its node: its key is free.
fn abandoned_after() -> chrono::Duration {
    chrono::Duration::minutes(5)
}

/// How long a repeat waits for the first request's answer.
const WAIT: Duration = Duration::from_secs(60);
const POLL: Duration = Duration::from_millis(25);

/// A key a request carries, with what identifies the request it was made for.
#[derive(Debug, Clone)]
pub struct Once {
    owner: String,
    key: String,
    request_sha256: String,
    /// Page forms get their flash message again with the answer.
    page: bool,
}

/// A key is 1 to 255 visible ASCII characters (a UUID is usual).
pub fn valid_key(key: &str) -> bool {
    !key.is_empty() && key.len() <= 255 && key.bytes().all(|b| b.is_ascii_graphic())
}

fn digest(parts: &[&[u8]]) -> String {
    let mut h = Sha256::new();
    for p in parts {
        h.update((p.len() as u64).to_be_bytes());
        h.update(p);
    }
    hex::encode(h.finalize())
}

impl Once {
    /// The API's key: the same key with another request is refused, not answered.
    pub fn api(user_id: &str, key: &str, method: &str, path: &str, body: &[u8]) -> Once {
        Once {
            owner: format!("api:{user_id}"),
            key: key.to_string(),
            request_sha256: digest(&[method.as_bytes(), path.as_bytes(), body]),
            page: false,
        }
    }

    /// A page form's token: the form sent again with other values (back, change, send)
    /// is another request, so the values are part of the key.
    pub fn page(user_id: &str, token: &str, method: &str, path: &str, body: &[u8]) -> Once {
        let request = digest(&[method.as_bytes(), path.as_bytes(), body]);
        Once {
            owner: format!("page:{user_id}"),
            key: format!("{token}:{}", &request[..16]),
            request_sha256: request,
            page: true,
        }
    }
}

/// Runs the request once for its key, or answers as the first one was answered.
pub async fn run_once<B: MessageBody + 'static>(
    state: &AppState,
    once: Once,
    req: ServiceRequest,
    next: actix_web::middleware::Next<B>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let started = std::time::Instant::now();
    loop {
        let now = state.clock.now();
        let (o, k, h) = (
            once.owner.clone(),
            once.key.clone(),
            once.request_sha256.clone(),
        );
        let claimed = state
            .db(move |conn| {
                if q::claim(conn, &o, &k, &h, now)? {
                    return Ok((true, None));
                }
                let row = q::find(conn, &o, &k)?;
                // Kept a day, then forgotten even before the housekeeping purges it.
                if let Some(r) = &row {
                    let stale = r.created_at < now - kept()
                        || (r.status.is_none() && r.created_at < now - abandoned_after());
                    if stale {
                        q::release(conn, &o, &k)?;
                        return Ok((false, None));
                    }
                }
                Ok((false, row))
            })
            .await;
        let (claimed, row) = match claimed {
            Ok(found) => found,
            Err(e) => return Ok(refuse(req, e)),
        };
        if claimed {
            return first(state, once, req, next).await;
        }
        match row {
            Some(row) if row.request_sha256 != once.request_sha256 => {
                return Ok(refuse(
                    req,
                    AppError::Validation(vec![FieldError::new(
                        "idempotency_key",
                        "error-idempotency-key-reused",
                    )]),
                ));
            }
            Some(row) if row.status.is_some() => return Ok(replay(req, row, once.page)),
            _ if started.elapsed() > WAIT => {
                return Ok(refuse(req, AppError::Conflict("error-request-in-progress")));
            }
            _ => actix_web::rt::time::sleep(POLL).await,
        }
    }
}

/// The first request with the key: run it and keep its answer (not a server fault's,
/// so that the request can be tried again).
async fn first<B: MessageBody + 'static>(
    state: &AppState,
    once: Once,
    req: ServiceRequest,
    next: actix_web::middleware::Next<B>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let (owner, key) = (once.owner.clone(), once.key.clone());
    let res = match next.call(req).await {
        Ok(res) => res,
        Err(e) => {
            let _ = state
                .db(move |conn| Ok(q::release(conn, &owner, &key)?))
                .await;
            return Err(e);
        }
    };
    let status = res.status();
    let header_of = |name: header::HeaderName| {
        res.headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string)
    };
    let location = header_of(header::LOCATION);
    let content_type = header_of(header::CONTENT_TYPE);
    let flash = once
        .page
        .then(|| {
            res.request()
                .get_session()
                .get::<serde_json::Value>(keys::FLASH)
                .ok()
                .flatten()
        })
        .flatten()
        .map(|v| v.to_string());
    let (http_req, res) = res.into_parts();
    let (res, body) = res.into_parts();
    let bytes = actix_web::body::to_bytes(body)
        .await
        .map_err(|e| actix_web::error::ErrorInternalServerError(e.into().to_string()))?;
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let outcome = state
        .db(move |conn| {
            if status.is_server_error() {
                q::release(conn, &owner, &key)?;
            } else {
                q::answer(
                    conn,
                    &owner,
                    &key,
                    q::Answer {
                        status: i32::from(status.as_u16()),
                        location: location.as_deref(),
                        content_type: content_type.as_deref(),
                        flash: flash.as_deref(),
                        body: &text,
                    },
                )?;
            }
            Ok(())
        })
        .await;
    if let Err(e) = outcome {
        // The request itself is done; only a repeat would not find its answer.
        tracing::error!(error = %e, "the answer of an idempotent request was not kept");
    }
    Ok(ServiceResponse::new(
        http_req,
        res.set_body(bytes).map_into_boxed_body(),
    ))
}

/// The first request's answer, given again.
fn replay(req: ServiceRequest, row: q::IdempotentRow, page: bool) -> ServiceResponse<BoxBody> {
    if page {
        if let Some(flash) = row
            .flash
            .as_deref()
            .and_then(|f| serde_json::from_str::<serde_json::Value>(f).ok())
        {
            let _ = req.get_session().insert(keys::FLASH, flash);
        }
    }
    let status = row
        .status
        .and_then(|s| u16::try_from(s).ok())
        .and_then(|s| StatusCode::from_u16(s).ok())
        .unwrap_or(StatusCode::OK);
    let mut res = HttpResponse::build(status);
    res.insert_header((REPLAYED, "true"));
    if let Some(l) = row.location {
        res.insert_header((header::LOCATION, l));
    }
    if let Some(c) = row.content_type {
        res.insert_header((header::CONTENT_TYPE, c));
    }
    req.into_response(res.body(row.body.unwrap_or_default()))
}

fn refuse(req: ServiceRequest, err: AppError) -> ServiceResponse<BoxBody> {
    use actix_web::ResponseError;
    let res = err.error_response();
    req.into_response(res)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_visible_ascii_of_reasonable_length() {
        assert!(valid_key("0b8f6c1e-6a4e-4c1a-9f1e-3d2f1a0b9c8d"));
        assert!(valid_key(&"k".repeat(255)));
        assert!(!valid_key(&"k".repeat(256)));
        assert!(!valid_key(""));
        assert!(!valid_key("with space"));
        assert!(!valid_key("ключ"));
    }

    #[test]
    fn a_page_form_sent_with_other_values_is_another_request() {
        let a = Once::page("u", "t", "POST", "/x", b"amount=1");
        let b = Once::page("u", "t", "POST", "/x", b"amount=2");
        assert_ne!(a.key, b.key);
        assert_eq!(a.key, Once::page("u", "t", "POST", "/x", b"amount=1").key);
        // The API's key names one request: another body is a mistake to refuse.
        let c = Once::api("u", "k", "POST", "/x", b"{}");
        let d = Once::api("u", "k", "POST", "/x", b"{\"a\":1}");
        assert_eq!(c.key, d.key);
        assert_ne!(c.request_sha256, d.request_sha256);
        // Two people's keys never meet.
        assert_ne!(
            Once::api("u", "k", "POST", "/x", b"").owner,
            Once::api("v", "k", "POST", "/x", b"").owner
        );
    }
}
