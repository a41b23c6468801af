//! One error type for the whole portal. Errors a user can cause carry a message key
//! (translated when shown); internal errors are logged with their cause chain and shown
//! as a generic page or problem document with the request id.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, ResponseError};

use crate::domain::FieldError;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("validation failed")]
    Validation(Vec<FieldError>),
    #[error("bad request: {0}")]
    BadRequest(&'static str),
    #[error("not signed in")]
    Unauthorized,
    #[error("forbidden")]
    Forbidden,
    /// Refused for a reason the user may know (403 with that message).
    #[error("denied: {0}")]
    Denied(&'static str),
    #[error("not found")]
    NotFound,
    #[error("conflict: {0}")]
    Conflict(&'static str),
    #[error("too many requests")]
    TooManyRequests,
    #[error("payload too large")]
    PayloadTooLarge,
    #[error("service unavailable")]
    Unavailable,
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

/// Placed in a response's extensions so the error-page middleware knows what to render.
#[derive(Debug, Clone)]
pub struct ErrorInfo {
    /// Fluent key of the message shown to the user.
    pub message_key: &'static str,
    pub fields: Vec<FieldError>,
}

impl AppError {
    pub fn message_key(&self) -> &'static str {
        match self {
            AppError::Validation(errors) => {
                errors.first().map(|e| e.code).unwrap_or("error-validation")
            }
            AppError::BadRequest(key) => key,
            AppError::Unauthorized => "error-unauthorized",
            AppError::Forbidden => "error-forbidden",
            AppError::Denied(key) => key,
            AppError::NotFound => "error-not-found",
            AppError::Conflict(key) => key,
            AppError::TooManyRequests => "error-too-many-requests",
            AppError::PayloadTooLarge => "error-payload-too-large",
            AppError::Unavailable => "error-unavailable",
            AppError::Internal(_) => "error-internal",
        }
    }

    pub fn field(field: &'static str, code: &'static str) -> AppError {
        AppError::Validation(vec![FieldError::new(field, code)])
    }
}

/// Whether a database error is a unique-constraint violation (both backends say so).
pub fn is_unique_violation(e: &diesel::result::Error) -> bool {
    matches!(
        e,
        diesel::result::Error::DatabaseError(diesel::result::DatabaseErrorKind::UniqueViolation, _)
    )
}

/// Turns the unique violation of one insert or update into the field error it means
/// ("this reference is taken") instead of a 500, when two requests race past the
/// friendly check before it.
pub trait UniqueAsField<T> {
    fn unique_as(self, field: &'static str, code: &'static str) -> AppResult<T>;
}

impl<T> UniqueAsField<T> for diesel::QueryResult<T> {
    fn unique_as(self, field: &'static str, code: &'static str) -> AppResult<T> {
        self.map_err(|e| {
            if is_unique_violation(&e) {
                AppError::field(field, code)
            } else {
                e.into()
            }
        })
    }
}

impl From<diesel::result::Error> for AppError {
    fn from(e: diesel::result::Error) -> Self {
        match e {
            diesel::result::Error::NotFound => AppError::NotFound,
            // A race on a unique key that no service anticipated: still never a 500.
            ref unique if is_unique_violation(unique) => AppError::Conflict("error-already-exists"),
            other => AppError::Internal(anyhow::Error::new(other).context("database query failed")),
        }
    }
}

impl From<diesel::r2d2::PoolError> for AppError {
    fn from(e: diesel::r2d2::PoolError) -> Self {
        AppError::Internal(anyhow::Error::new(e).context("no database connection"))
    }
}

impl From<FieldError> for AppError {
    fn from(e: FieldError) -> Self {
        AppError::Validation(vec![e])
    }
}

impl ResponseError for AppError {
    fn status_code(&self) -> StatusCode {
        match self {
            AppError::Validation(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::BadRequest(_) => StatusCode::BAD_REQUEST,
            AppError::Unauthorized => StatusCode::UNAUTHORIZED,
            AppError::Forbidden | AppError::Denied(_) => StatusCode::FORBIDDEN,
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::Conflict(_) => StatusCode::CONFLICT,
            AppError::TooManyRequests => StatusCode::TOO_MANY_REQUESTS,
            AppError::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            AppError::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        if let AppError::Internal(e) = self {
            tracing::error!(error = format!("{e:#}"), "internal error");
        }
        let mut res = HttpResponse::new(self.status_code());
        let fields = match self {
            AppError::Validation(f) => f.clone(),
            _ => Vec::new(),
        };
        res.extensions_mut().insert(ErrorInfo {
            message_key: self.message_key(),
            fields,
        });
        res
    }
}

pub type AppResult<T> = Result<T, AppError>;
