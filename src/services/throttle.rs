//! Throttling of what can be guessed or abused: sign-ins, current-password and
//! second-factor checks, and emails sent to an address. Counted in the database, so
//! several portal nodes count together, and checked before any password hashing, so a
//! flood of refused attempts costs almost nothing. The rule itself is
//! `domain::account::attempt_allowed`.

use chrono::{Duration, NaiveDateTime};

use crate::config::SecuritySettings;
use crate::db::{auth_attempts, DbConnection};
use crate::domain::account::{attempt_allowed, RecentFailures, ThrottleLimits};
use crate::error::AppResult;
use crate::secrets::Purpose;
use crate::state::AppState;

/// What is being counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Counted {
    /// Failed sign-ins, by typed email (keyed hash) and address.
    Login,
    /// Wrong current passwords of a signed-in user (by user id).
    CurrentPassword,
    /// Wrong second-factor codes (by user id).
    SecondFactor,
    /// Emails sent to one address on request (reset, confirmation, already
    /// registered), by the address's keyed hash.
    EmailTo,
    /// Email-change requests of a user (by user id).
    EmailChange,
}

impl Counted {
    fn kind(self) -> &'static str {
        match self {
            Counted::Login => "login",
            Counted::CurrentPassword => "current_password",
            Counted::SecondFactor => "second_factor",
            Counted::EmailTo => "email_to",
            Counted::EmailChange => "email_change",
        }
    }
}

/// The subject of a typed email: a keyed hash of what was typed (trimmed, lower case),
/// so that neither the throttle nor the audit log keeps the text someone typed there.
pub fn typed_subject(state: &AppState, typed: &str) -> String {
    typed_subject_of(&state.secrets, typed)
}

/// `typed_subject` from the settings' key alone (inside a transaction).
pub fn typed_subject_of(secrets: &crate::secrets::Secrets, typed: &str) -> String {
    let normal: String = typed.trim().to_lowercase().chars().take(1024).collect();
    secrets.mac_hex(Purpose::TypedLoginSubject, normal.as_bytes())
}

fn limits_and_window(s: &SecuritySettings, counted: Counted) -> (ThrottleLimits, Duration) {
    match counted {
        Counted::Login => (s.login_limits(), Duration::minutes(s.login_window_minutes)),
        Counted::CurrentPassword | Counted::SecondFactor => (
            ThrottleLimits {
                per_subject_and_address: s.check_max_failures,
                per_subject_total: s.check_max_failures,
                per_address: s.login_max_failures_per_address,
            },
            Duration::minutes(s.login_window_minutes),
        ),
        Counted::EmailTo | Counted::EmailChange => (
            ThrottleLimits {
                per_subject_and_address: s.emails_per_hour,
                per_subject_total: s.emails_per_hour,
                per_address: s.login_max_failures_per_address,
            },
            Duration::hours(1),
        ),
    }
}

fn allowed_in(
    conn: &mut DbConnection,
    security: &SecuritySettings,
    counted: Counted,
    subject: &str,
    address: &str,
    now: NaiveDateTime,
) -> AppResult<bool> {
    let (limits, window) = limits_and_window(security, counted);
    let (subject_from_address, subject_total, address_total) =
        auth_attempts::counts(conn, counted.kind(), subject, address, now - window)?;
    let failures = RecentFailures {
        subject_from_address,
        subject_total,
        address_total,
    };
    // Sends and per-user checks count whatever the address.
    let failures = match counted {
        Counted::Login => failures,
        _ => RecentFailures {
            subject_from_address: subject_total,
            ..failures
        },
    };
    let allowed = attempt_allowed(failures, limits);
    if !allowed {
        crate::telemetry::throttled(counted.kind());
    }
    Ok(allowed)
}

/// Whether one more attempt is allowed now (a read; nothing is written).
#[tracing::instrument(skip_all)]
pub async fn allowed(
    state: &AppState,
    counted: Counted,
    subject: String,
    address: String,
) -> AppResult<bool> {
    let now = state.clock.now();
    let security = state.settings.security.clone();
    state
        .db(move |conn| allowed_in(conn, &security, counted, &subject, &address, now))
        .await
}

/// Records one failure (in the caller's transaction).
pub fn record(
    conn: &mut DbConnection,
    counted: Counted,
    subject: &str,
    address: &str,
    now: NaiveDateTime,
) -> AppResult<()> {
    Ok(auth_attempts::record(
        conn,
        counted.kind(),
        subject,
        address,
        now,
    )?)
}

/// Forgets the failures of a subject: a successful sign-in or a completed reset.
pub fn clear(conn: &mut DbConnection, counted: Counted, subject: &str) -> AppResult<()> {
    auth_attempts::clear(conn, counted.kind(), subject)?;
    Ok(())
}

/// Takes one send from the hourly allowance of `subject` (in the caller's
/// transaction); false when the allowance is used up and nothing should be sent.
pub fn take_send(
    conn: &mut DbConnection,
    security: &SecuritySettings,
    counted: Counted,
    subject: &str,
    address: &str,
    now: NaiveDateTime,
) -> AppResult<bool> {
    if !allowed_in(conn, security, counted, subject, address, now)? {
        return Ok(false);
    }
    record(conn, counted, subject, address, now)?;
    Ok(true)
}
