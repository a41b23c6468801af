//! What the operator's tools read: Prometheus metrics, on the separate metrics listener
//! (`metrics.bind`) or, with `metrics.token` set, on the portal's own address.

use actix_web::http::header;
use actix_web::{web, HttpRequest, HttpResponse};
use sha2::{Digest, Sha256};

use crate::error::{AppError, AppResult};
use crate::state::AppState;

const EXPOSITION: &str = "text/plain; version=0.0.4; charset=utf-8";

async fn exposition(state: &AppState) -> AppResult<HttpResponse> {
    let text = crate::telemetry::render(state).await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, EXPOSITION))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(text))
}

/// `/metrics` on the metrics listener (reachable only where `metrics.bind` listens).
pub async fn scrape_local(state: web::Data<AppState>) -> HttpResponse {
    match exposition(&state).await {
        Ok(res) => res,
        Err(e) => {
            tracing::error!(error = %e, "metrics not rendered");
            HttpResponse::ServiceUnavailable().finish()
        }
    }
}

/// `/metrics` on the portal's address: only for a bearer of `metrics.token`; without a
/// token set the path does not exist.
pub async fn scrape(req: HttpRequest, state: web::Data<AppState>) -> AppResult<HttpResponse> {
    let expected = state.settings.metrics.token.trim();
    if expected.is_empty() {
        return Err(AppError::NotFound);
    }
    let given = req
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or("");
    // Digests compared, so the time taken says nothing about the token.
    if Sha256::digest(given.trim().as_bytes()) != Sha256::digest(expected.as_bytes()) {
        return Err(AppError::Unauthorized);
    }
    exposition(&state).await
}
