//! Signing in and out. Throttled before any password hashing; only failures count, a
//! success clears them; what was typed as an email is never recorded as typed.

use chrono::NaiveDateTime;
use serde_json::json;

use super::{issue_link, link_ttl, link_url, recipient, LinkPurpose};
use crate::db::sessions;
use crate::db::users::{self, UserRow};
use crate::domain::account::EmailAddress;
use crate::error::AppResult;
use crate::services::mail::MailKind;
use crate::services::throttle::{self, Counted};
use crate::services::write::{Lock, Permission};
use crate::services::Actor;
use crate::state::AppState;

/// Why a sign-in was refused. Unknown email and wrong password are the same answer.
#[derive(Debug, PartialEq, Eq)]
pub enum LoginRefusal {
    InvalidCredentials,
    Throttled,
    EmailNotConfirmed,
    Disabled,
}

/// A password accepted.
#[derive(Debug)]
pub enum LoginOutcome {
    /// Signed in (no second factor enrolled).
    SignedIn(UserRow),
    /// The password was right; the second factor is asked next (`second_factor::verify`).
    SecondFactorNeeded(UserRow),
}

impl LoginOutcome {
    pub fn user(&self) -> &UserRow {
        match self {
            LoginOutcome::SignedIn(u) | LoginOutcome::SecondFactorNeeded(u) => u,
        }
    }
}

/// Checks an email and password. A throttled attempt is refused before any hashing and
/// writes nothing (it is logged); a failure is counted and audited with the account
/// when it exists, otherwise with a keyed hash of what was typed.
#[tracing::instrument(skip_all)]
pub async fn login(
    state: &AppState,
    email: &str,
    password: String,
    actor: &Actor,
) -> AppResult<Result<LoginOutcome, LoginRefusal>> {
    let address = actor.client_ip.clone().unwrap_or_default();
    let subject = throttle::typed_subject(state, email);
    if !throttle::allowed(state, Counted::Login, subject.clone(), address.clone()).await? {
        tracing::warn!(subject = %&subject[..16], client = %address, "sign-in throttled");
        return Ok(Err(LoginRefusal::Throttled));
    }
    let user = match EmailAddress::parse(email) {
        Ok(e) => {
            state
                .db(move |conn| Ok(users::find_by_email(conn, e.as_str())?))
                .await?
        }
        Err(_) => None,
    };
    let verification = state
        .passwords
        .verify(
            password,
            user.as_ref().and_then(|u| u.password_hash.clone()),
        )
        .await?;
    let refusal = match &user {
        Some(u) if verification.matches && u.disabled_at.is_some() => Some(LoginRefusal::Disabled),
        Some(_) if verification.matches => None,
        _ => Some(LoginRefusal::InvalidCredentials),
    };
    if let Some(refusal) = refusal {
        let reason = match refusal {
            LoginRefusal::Disabled => "disabled",
            _ => "invalid_credentials",
        };
        let actor = match &user {
            Some(u) => Actor {
                user_id: Some(u.id.clone()),
                email: Some(u.email.clone()),
                ..actor.clone()
            },
            None => Actor {
                user_id: None,
                email: None,
                ..actor.clone()
            },
        };
        let known = user.as_ref().map(|u| u.id.clone());
        state
            .write(&actor, Permission::Anyone, Lock::Nothing, move |tx| {
                throttle::record(tx.conn, Counted::Login, &subject, &address, tx.now)?;
                let details = match &known {
                    Some(_) => json!({"reason": reason}),
                    None => json!({"reason": reason, "typed_email_hash": subject}),
                };
                tx.audit(
                    "user.login_failed",
                    known.as_deref().map(|id| ("user", id)),
                    details,
                )
            })
            .await?;
        crate::telemetry::login_failed();
        return Ok(Err(refusal));
    }
    let Some(user) = user else {
        return Ok(Err(LoginRefusal::InvalidCredentials));
    };
    let actor = Actor {
        user_id: Some(user.id.clone()),
        email: Some(user.email.clone()),
        ..actor.clone()
    };
    if user.email_confirmed_at.is_none() {
        // The password was right, so this is the owner: send a fresh confirmation link.
        let ttl = link_ttl(state, LinkPurpose::ConfirmEmail);
        let confirm_base = link_url(state, LinkPurpose::ConfirmEmail, "");
        let security = state.settings.security.clone();
        let secrets = state.secrets.clone();
        state
            .write(&actor, Permission::Anyone, Lock::Nothing, move |tx| {
                throttle::clear(tx.conn, Counted::Login, &subject)?;
                let to = throttle::typed_subject_of(&secrets, &user.email);
                if throttle::take_send(tx.conn, &security, Counted::EmailTo, &to, &address, tx.now)?
                {
                    let secret =
                        issue_link(tx.conn, ttl, tx.now, &user.id, LinkPurpose::ConfirmEmail)?;
                    tx.mail(
                        &recipient(&user),
                        MailKind::ConfirmEmail,
                        &[
                            ("link", format!("{confirm_base}{secret}")),
                            ("hours", ttl.num_hours().to_string()),
                        ],
                    )?;
                }
                tx.audit(
                    "user.login_failed",
                    Some(("user", &user.id)),
                    json!({"reason": "email_not_confirmed"}),
                )
            })
            .await?;
        return Ok(Err(LoginRefusal::EmailNotConfirmed));
    }
    let upgraded = verification.upgraded_hash;
    let outcome = state
        .write(&actor, Permission::Anyone, Lock::Nothing, move |tx| {
            throttle::clear(tx.conn, Counted::Login, &subject)?;
            if let Some(hash) = &upgraded {
                users::set_password(tx.conn, &user.id, hash, tx.now, false)?;
            }
            if crate::db::second_factors::is_enrolled(tx.conn, &user.id)? {
                tx.audit(
                    "user.password_accepted",
                    Some(("user", &user.id)),
                    json!({ "hash_upgraded": upgraded.is_some(), "second_factor": "asked" }),
                )?;
                return Ok(LoginOutcome::SecondFactorNeeded(user));
            }
            users::record_login(tx.conn, &user.id, tx.now)?;
            tx.audit(
                "user.login",
                Some(("user", &user.id)),
                json!({ "hash_upgraded": upgraded.is_some() }),
            )?;
            Ok(LoginOutcome::SignedIn(
                users::find(tx.conn, &user.id)?.unwrap_or(user),
            ))
        })
        .await?;
    Ok(Ok(outcome))
}

/// Ends one session: its id is refused from now until its cookie would expire.
#[tracing::instrument(skip_all)]
pub async fn logout(
    state: &AppState,
    actor: &Actor,
    session_id: String,
    cookie_expires: NaiveDateTime,
) -> AppResult<()> {
    state
        .write(actor, Permission::Anyone, Lock::Nothing, move |tx| {
            let user_id = tx.actor.user_id.clone().unwrap_or_default();
            sessions::revoke(tx.conn, &session_id, &user_id, cookie_expires)?;
            tx.audit("user.logout", Some(("user", &user_id)), json!({}))
        })
        .await
}
