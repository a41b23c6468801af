//! Two-factor sign-in with a time-based one-time code (TOTP, RFC 6238, via `totp-rs`):
//! enrolment with a QR code drawn on the server, one-time recovery codes stored hashed,
//! the code at every sign-in (a code is accepted once), again before security-sensitive
//! changes, throttled like passwords, and a reset by an administrator. Required for
//! staff; applicants may opt in.

use base64::Engine;
use chrono::{Duration, NaiveDateTime};
use rand::Rng;
use serde_json::json;
use totp_rs::{Builder, Totp};

use super::{end_credentials, session_epoch, Ends};
use crate::db::second_factors::{self as q, SecondFactorRow};
use crate::db::users::{self, UserRow};
use crate::domain::access::{Action, Role, Scope};
use crate::domain::account::{
    normalise_recovery_code, normalise_totp_code, RECOVERY_CODES, RECOVERY_CODE_ALPHABET,
};
use crate::error::{AppError, AppResult};
use crate::secrets::{Purpose, Secrets};
use crate::services::throttle::{self, Counted};
use crate::services::write::{Lock, Permission};
use crate::services::Actor;
use crate::state::AppState;

/// The name authenticator apps show for the portal's codes.
pub const ISSUER: &str = "KAZLOD grants";
/// An enrolment not confirmed within this time starts again with a new secret.
const PENDING_MINUTES: i64 = 30;

fn totp(secret: &[u8], account: &str) -> AppResult<Totp> {
    Builder::new()
        .with_secret(secret.to_vec())
        .with_issuer(Some(ISSUER))
        .with_account_name(account.replace(':', "_"))
        .build()
        .map_err(|e| AppError::Internal(anyhow::anyhow!("TOTP set-up failed: {e}")))
}

fn unix(now: NaiveDateTime) -> u64 {
    now.and_utc().timestamp().max(0) as u64
}

/// The current six-digit code for a secret (the demonstration and tests compute codes
/// the way an authenticator app does).
pub fn code_at(secret: &[u8], now: NaiveDateTime) -> AppResult<String> {
    Ok(totp(secret, "x")?.generate(unix(now)).to_string())
}

fn open_secret(secrets: &Secrets, row: &SecondFactorRow) -> AppResult<Vec<u8>> {
    secrets
        .open(Purpose::SecondFactorSecrets, &row.secret_ciphertext)
        .map_err(AppError::Internal)
}

fn recovery_hash(secrets: &Secrets, code: &str) -> String {
    secrets.mac_hex(Purpose::SecondFactorSecrets, code.as_bytes())
}

/// Ten new recovery codes (shown once) and their hashes (stored).
fn new_recovery_codes(secrets: &Secrets) -> (Vec<String>, Vec<String>) {
    let mut rng = rand::rngs::OsRng;
    let codes: Vec<String> = (0..RECOVERY_CODES)
        .map(|_| {
            let raw: String = (0..16)
                .map(|_| {
                    RECOVERY_CODE_ALPHABET[rng.gen_range(0..RECOVERY_CODE_ALPHABET.len())] as char
                })
                .collect();
            format!(
                "{}-{}-{}-{}",
                &raw[0..4],
                &raw[4..8],
                &raw[8..12],
                &raw[12..16]
            )
        })
        .collect();
    let hashes = codes
        .iter()
        .filter_map(|c| normalise_recovery_code(c))
        .map(|c| recovery_hash(secrets, &c))
        .collect();
    (codes, hashes)
}

/// What the enrolment page shows.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Enrolment {
    /// The secret, for typing into an app by hand (base32, in groups of four).
    pub secret: String,
    /// The `otpauth://` address the QR code holds.
    pub url: String,
    /// The QR code as an SVG data URI (no JavaScript, no external service).
    pub qr_data_uri: String,
}

fn enrolment_of(secret: &[u8], email: &str) -> AppResult<Enrolment> {
    let t = totp(secret, email)?;
    let url = t
        .to_url()
        .map_err(|e| AppError::Internal(anyhow::anyhow!("otpauth address: {e}")))?;
    let svg = qrcode::QrCode::new(url.as_bytes())
        .map_err(|e| AppError::Internal(anyhow::anyhow!("QR code: {e}")))?
        .render::<qrcode::render::svg::Color>()
        .min_dimensions(220, 220)
        .build();
    let base32 = t.secret().to_base32();
    let grouped = base32
        .as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).to_string())
        .collect::<Vec<_>>()
        .join(" ");
    Ok(Enrolment {
        secret: grouped,
        url,
        qr_data_uri: format!(
            "data:image/svg+xml;base64,{}",
            base64::engine::general_purpose::STANDARD.encode(svg)
        ),
    })
}

fn own(actor: &Actor) -> AppResult<(String, Permission)> {
    let user_id = actor.user_id.clone().ok_or(AppError::Unauthorized)?;
    let permission = Permission::Do(Action::ManageOwnAccount, Scope::Account(user_id.clone()));
    Ok((user_id, permission))
}

/// Where a person stands with the second factor.
#[derive(Debug, Clone, Copy, serde::Serialize)]
pub struct Status {
    pub enrolled: bool,
    pub recovery_codes_left: i64,
}

#[tracing::instrument(skip_all)]
pub async fn status(state: &AppState, user_id: String) -> AppResult<Status> {
    state
        .db(move |conn| {
            Ok(Status {
                enrolled: q::is_enrolled(conn, &user_id)?,
                recovery_codes_left: q::unused_recovery_codes(conn, &user_id)?,
            })
        })
        .await
}

/// Starts (or resumes, within half an hour) an enrolment: a new secret, stored sealed
/// and unconfirmed until a code from it is typed back.
#[tracing::instrument(skip_all)]
pub async fn start_enrolment(state: &AppState, actor: &Actor) -> AppResult<Enrolment> {
    let (user_id, permission) = own(actor)?;
    let secrets = state.secrets.clone();
    state
        .write(actor, permission, Lock::User(user_id.clone()), move |tx| {
            let user = users::find(tx.conn, &user_id)?.ok_or(AppError::NotFound)?;
            let existing = q::find(tx.conn, &user_id)?;
            if existing.as_ref().is_some_and(|f| f.confirmed_at.is_some()) {
                return Err(AppError::Conflict("error-second-factor-enrolled"));
            }
            if let Some(pending) =
                existing.filter(|f| tx.now - f.created_at < Duration::minutes(PENDING_MINUTES))
            {
                tx.nothing_changed();
                return enrolment_of(&open_secret(&secrets, &pending)?, &user.email);
            }
            let mut secret = [0u8; 20];
            rand::RngCore::fill_bytes(&mut rand::rngs::OsRng, &mut secret);
            q::put_pending(
                tx.conn,
                &SecondFactorRow {
                    user_id: user_id.clone(),
                    secret_ciphertext: secrets
                        .seal(Purpose::SecondFactorSecrets, &secret)
                        .map_err(AppError::Internal)?,
                    confirmed_at: None,
                    last_used_step: None,
                    created_at: tx.now,
                },
            )?;
            tx.audit(
                "user.second_factor_started",
                Some(("user", &user_id)),
                json!({}),
            )?;
            enrolment_of(&secret, &user.email)
        })
        .await
}

/// The matched TOTP time step of `code`, if it is the current code (±1 step).
fn totp_step(secret: &[u8], code: &str, now: NaiveDateTime) -> AppResult<Option<i64>> {
    let Some(code) = normalise_totp_code(code) else {
        return Ok(None);
    };
    Ok(totp(secret, "x")?
        .check(&code, unix(now))
        .map(|step| step as i64))
}

/// Confirms the enrolment with a code from the app; returns the recovery codes (shown
/// once) and the session epoch for the current session (every other session ends, so
/// that each signs in with the second factor).
#[tracing::instrument(skip_all)]
pub async fn confirm_enrolment(
    state: &AppState,
    actor: &Actor,
    code: String,
) -> AppResult<(Vec<String>, i64)> {
    let (user_id, permission) = own(actor)?;
    let address = actor.client_ip.clone().unwrap_or_default();
    if !throttle::allowed(
        state,
        Counted::SecondFactor,
        user_id.clone(),
        address.clone(),
    )
    .await?
    {
        return Err(AppError::field("code", "error-second-factor-throttled"));
    }
    let secrets = state.secrets.clone();
    let outcome = state
        .write(actor, permission, Lock::User(user_id.clone()), move |tx| {
            let pending = q::find(tx.conn, &user_id)?
                .filter(|f| f.confirmed_at.is_none())
                .ok_or(AppError::Conflict("error-second-factor-no-enrolment"))?;
            let secret = open_secret(&secrets, &pending)?;
            let Some(step) = totp_step(&secret, &code, tx.now)? else {
                throttle::record(tx.conn, Counted::SecondFactor, &user_id, &address, tx.now)?;
                tx.audit(
                    "user.second_factor_failed",
                    Some(("user", &user_id)),
                    json!({"during": "enrolment"}),
                )?;
                return Ok(Err(()));
            };
            q::confirm(tx.conn, &user_id, step, tx.now)?;
            let (codes, hashes) = new_recovery_codes(&secrets);
            q::replace_recovery_codes(tx.conn, &user_id, &hashes, tx.now)?;
            end_credentials(tx.conn, &user_id, tx.now, Ends::SIGN_INS)?;
            throttle::clear(tx.conn, Counted::SecondFactor, &user_id)?;
            tx.audit(
                "user.second_factor_enrolled",
                Some(("user", &user_id)),
                json!({"recovery_codes": codes.len()}),
            )?;
            let epoch = session_epoch(tx.conn, &user_id)?;
            Ok(Ok((codes, epoch)))
        })
        .await?;
    outcome.map_err(|_| AppError::field("code", "error-second-factor-wrong"))
}

/// Why a second-factor code was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeRefusal {
    Wrong,
    Throttled,
}

/// Checks a TOTP code (accepted once: a replayed code is wrong) or a recovery code
/// (used up), in the caller's transaction. Some(how) when accepted.
fn accept_code(
    conn: &mut crate::db::DbConnection,
    secrets: &Secrets,
    user_id: &str,
    code: &str,
    now: NaiveDateTime,
) -> AppResult<Option<&'static str>> {
    let Some(factor) = q::find(conn, user_id)?.filter(|f| f.confirmed_at.is_some()) else {
        return Ok(None);
    };
    if let Some(step) = totp_step(&open_secret(secrets, &factor)?, code, now)? {
        return Ok(q::use_step(conn, user_id, step)?.then_some("totp"));
    }
    if let Some(recovery) = normalise_recovery_code(code) {
        let hash = recovery_hash(secrets, &recovery);
        return Ok(q::use_recovery_code(conn, user_id, &hash, now)?.then_some("recovery_code"));
    }
    Ok(None)
}

/// Checks the second factor of `user_id`: throttled, counted and audited. On success
/// `on_success` runs in the same transaction (the sign-in, a token, …).
async fn check_code<T, F>(
    state: &AppState,
    actor: &Actor,
    user_id: String,
    code: String,
    purpose: &'static str,
    on_success: F,
) -> AppResult<Result<T, CodeRefusal>>
where
    F: FnOnce(&mut crate::services::write::Tx<'_>, &'static str) -> AppResult<T> + Send + 'static,
    T: Send + 'static,
{
    let address = actor.client_ip.clone().unwrap_or_default();
    if !throttle::allowed(
        state,
        Counted::SecondFactor,
        user_id.clone(),
        address.clone(),
    )
    .await?
    {
        tracing::warn!(user = %user_id, client = %address, "second factor throttled");
        return Ok(Err(CodeRefusal::Throttled));
    }
    let secrets = state.secrets.clone();
    state
        .write(
            actor,
            Permission::Anyone,
            Lock::User(user_id.clone()),
            move |tx| match accept_code(tx.conn, &secrets, &user_id, &code, tx.now)? {
                Some(how) => {
                    throttle::clear(tx.conn, Counted::SecondFactor, &user_id)?;
                    Ok(Ok(on_success(tx, how)?))
                }
                None => {
                    throttle::record(tx.conn, Counted::SecondFactor, &user_id, &address, tx.now)?;
                    tx.audit(
                        "user.second_factor_failed",
                        Some(("user", &user_id)),
                        json!({"during": purpose}),
                    )?;
                    Ok(Err(CodeRefusal::Wrong))
                }
            },
        )
        .await
}

/// The second step of signing in: the code from the app (or a recovery code).
#[tracing::instrument(skip_all)]
pub async fn verify_sign_in(
    state: &AppState,
    actor: &Actor,
    user_id: String,
    code: String,
) -> AppResult<Result<UserRow, CodeRefusal>> {
    let uid = user_id.clone();
    let user = state
        .db(move |conn| users::find(conn, &uid)?.ok_or(AppError::Unauthorized))
        .await?;
    if user.disabled_at.is_some() {
        return Err(AppError::Unauthorized);
    }
    let actor = Actor {
        user_id: Some(user.id.clone()),
        email: Some(user.email.clone()),
        ..actor.clone()
    };
    check_code(state, &actor, user_id, code, "sign_in", move |tx, how| {
        users::record_login(tx.conn, &user.id, tx.now)?;
        tx.audit(
            "user.login",
            Some(("user", &user.id)),
            json!({"second_factor": how}),
        )?;
        Ok(users::find(tx.conn, &user.id)?.unwrap_or(user))
    })
    .await
}

/// Asks the second factor again before a security-sensitive change (password, email,
/// API token, recovery codes), when the person has one. The field error names the
/// form field `second_factor_code`.
#[tracing::instrument(skip_all)]
pub async fn confirm_for_change(
    state: &AppState,
    actor: &Actor,
    user_id: &str,
    code: Option<String>,
) -> AppResult<()> {
    let uid = user_id.to_string();
    let enrolled = state
        .db(move |conn| Ok(q::is_enrolled(conn, &uid)?))
        .await?;
    if !enrolled {
        return Ok(());
    }
    let code = code.unwrap_or_default();
    if code.trim().is_empty() {
        return Err(AppError::field(
            "second_factor_code",
            "error-second-factor-required",
        ));
    }
    let uid = user_id.to_string();
    match check_code(
        state,
        actor,
        uid.clone(),
        code,
        "confirmation",
        move |tx, how| {
            tx.audit(
                "user.second_factor_confirmed",
                Some(("user", &uid)),
                json!({"second_factor": how}),
            )
        },
    )
    .await?
    {
        Ok(()) => Ok(()),
        Err(CodeRefusal::Wrong) => Err(AppError::field(
            "second_factor_code",
            "error-second-factor-wrong",
        )),
        Err(CodeRefusal::Throttled) => Err(AppError::field(
            "second_factor_code",
            "error-second-factor-throttled",
        )),
    }
}

/// New recovery codes (the old ones stop working); the second factor is asked first.
#[tracing::instrument(skip_all)]
pub async fn regenerate_recovery_codes(
    state: &AppState,
    actor: &Actor,
    code: String,
) -> AppResult<Vec<String>> {
    let (user_id, permission) = own(actor)?;
    confirm_for_change(state, actor, &user_id, Some(code)).await?;
    let secrets = state.secrets.clone();
    state
        .write(actor, permission, Lock::User(user_id.clone()), move |tx| {
            if !q::is_enrolled(tx.conn, &user_id)? {
                return Err(AppError::Conflict("error-second-factor-no-enrolment"));
            }
            let (codes, hashes) = new_recovery_codes(&secrets);
            q::replace_recovery_codes(tx.conn, &user_id, &hashes, tx.now)?;
            tx.audit(
                "user.recovery_codes_replaced",
                Some(("user", &user_id)),
                json!({}),
            )?;
            Ok(codes)
        })
        .await
}

/// Turns the second factor off (applicants only: staff must keep it).
#[tracing::instrument(skip_all)]
pub async fn disable(state: &AppState, actor: &Actor, code: String) -> AppResult<i64> {
    let (user_id, permission) = own(actor)?;
    if actor
        .role
        .is_some_and(|r| super::second_factor_required(state, r))
    {
        return Err(AppError::Conflict("error-second-factor-staff"));
    }
    let uid = user_id.clone();
    if !state
        .db(move |conn| Ok(q::is_enrolled(conn, &uid)?))
        .await?
    {
        return Err(AppError::Conflict("error-second-factor-none"));
    }
    confirm_for_change(state, actor, &user_id, Some(code)).await?;
    state
        .write(actor, permission, Lock::User(user_id.clone()), move |tx| {
            if q::remove(tx.conn, &user_id)? == 0 {
                return Err(AppError::Conflict("error-second-factor-none"));
            }
            end_credentials(tx.conn, &user_id, tx.now, Ends::SIGN_INS)?;
            tx.audit(
                "user.second_factor_removed",
                Some(("user", &user_id)),
                json!({}),
            )?;
            session_epoch(tx.conn, &user_id)
        })
        .await
}

/// An administrator resets a person's second factor (a lost phone): it is removed, the
/// person's sessions and API tokens end, and they enrol again at their next sign-in.
#[tracing::instrument(skip_all)]
pub async fn reset_by_admin(state: &AppState, actor: &Actor, user_id: String) -> AppResult<()> {
    let permission = Permission::Do(Action::ManageUsers, Scope::Portal);
    state
        .write(actor, permission, Lock::User(user_id.clone()), move |tx| {
            let user = users::find(tx.conn, &user_id)?.ok_or(AppError::NotFound)?;
            if q::remove(tx.conn, &user.id)? == 0 {
                return Err(AppError::Conflict("error-second-factor-none"));
            }
            end_credentials(tx.conn, &user.id, tx.now, Ends::SIGN_INS)?;
            tx.audit(
                "user.second_factor_reset",
                Some(("user", &user.id)),
                json!({"email": user.email}),
            )
        })
        .await
}

/// Enrols a person with a known secret, confirmed at once (the demonstration prints it;
/// tests compute codes from it). Returns the recovery codes.
#[tracing::instrument(skip_all)]
pub async fn enrol_with_secret(
    state: &AppState,
    user_id: String,
    secret: Vec<u8>,
) -> AppResult<Vec<String>> {
    let secrets = state.secrets.clone();
    state
        .write(
            &Actor::system("enrolment"),
            Permission::Anyone,
            Lock::User(user_id.clone()),
            move |tx| {
                if q::is_enrolled(tx.conn, &user_id)? {
                    tx.nothing_changed();
                    return Ok(Vec::new());
                }
                q::put_pending(
                    tx.conn,
                    &SecondFactorRow {
                        user_id: user_id.clone(),
                        secret_ciphertext: secrets
                            .seal(Purpose::SecondFactorSecrets, &secret)
                            .map_err(AppError::Internal)?,
                        confirmed_at: Some(tx.now),
                        last_used_step: None,
                        created_at: tx.now,
                    },
                )?;
                let (codes, hashes) = new_recovery_codes(&secrets);
                q::replace_recovery_codes(tx.conn, &user_id, &hashes, tx.now)?;
                tx.audit(
                    "user.second_factor_enrolled",
                    Some(("user", &user_id)),
                    json!({"by": "operator"}),
                )?;
                Ok(codes)
            },
        )
        .await
}

/// Whether a role must use the second factor for API tokens and pages (see
/// `super::second_factor_required`).
pub fn required_for(state: &AppState, role: Role) -> bool {
    super::second_factor_required(state, role)
}
