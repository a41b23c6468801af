//! Personal API tokens: created with email and password (and the second factor) or
//! from the profile page, shown once, stored hashed, expiring (90 days by default, a
//! year at most), listed and revocable. Staff tokens exist only behind the second
//! factor.

use serde_json::json;

use super::write::{Lock, Permission};
use super::{hash_secret, new_id, new_secret, Actor};
use crate::db::api_tokens::{self, ApiTokenRow};
use crate::db::second_factors;
use crate::db::users::UserRow;
use crate::domain::access::{Action, Role, Scope};
use crate::domain::account::api_token_days;
use crate::error::{AppError, AppResult};
use crate::state::AppState;

/// Every token starts with this, so leaked tokens are easy to recognise and scan for.
pub const TOKEN_PREFIX: &str = "kzg_";
pub const NAME_MAX_CHARS: usize = 80;

/// Creates a token for `actor` (whose password — and second factor, when they have one —
/// the caller has checked); returns the row and the secret (shown once).
#[tracing::instrument(skip_all)]
pub async fn create(
    state: &AppState,
    actor: &Actor,
    name: &str,
    expires_in_days: Option<i64>,
) -> AppResult<(ApiTokenRow, String)> {
    let user_id = actor.user_id.clone().ok_or(AppError::Unauthorized)?;
    let name = name.trim();
    let name = if name.is_empty() { "API token" } else { name };
    if name.chars().count() > NAME_MAX_CHARS || name.chars().any(char::is_control) {
        return Err(AppError::field("name", "error-token-name-invalid"));
    }
    let days = api_token_days(expires_in_days)?;
    let secret = format!("{TOKEN_PREFIX}{}", new_secret());
    let requires_second_factor = actor
        .role
        .is_some_and(|r| super::accounts::second_factor_required(state, r));
    let permission = Permission::Do(Action::UseApi, Scope::Account(user_id.clone()));
    let token_hash = hash_secret(&secret);
    let prefix: String = secret.chars().take(10).collect();
    let name = name.to_string();
    let row = state
        .write(actor, permission, Lock::User(user_id.clone()), move |tx| {
            // Staff API tokens only behind the second factor.
            if requires_second_factor && !second_factors::is_enrolled(tx.conn, &user_id)? {
                return Err(AppError::Denied("error-second-factor-enrol-first"));
            }
            let row = ApiTokenRow {
                id: new_id(),
                user_id: user_id.clone(),
                name,
                token_hash,
                token_prefix: prefix,
                created_at: tx.now,
                last_used_at: None,
                revoked_at: None,
                expires_at: Some(tx.now + chrono::Duration::days(days)),
            };
            api_tokens::insert(tx.conn, &row)?;
            tx.audit(
                "api_token.created",
                Some(("api_token", &row.id)),
                json!({"name": row.name, "expires_at": row.expires_at}),
            )?;
            Ok(row)
        })
        .await?;
    Ok((row, secret))
}

/// `grants token create`: an operator with shell access creates a token for an
/// account (the audit log names the operator's command as the actor).
#[tracing::instrument(skip_all)]
pub async fn create_for_operator(
    state: &AppState,
    email: &str,
    name: &str,
    expires_in_days: Option<i64>,
) -> AppResult<(ApiTokenRow, String)> {
    let email = crate::domain::account::EmailAddress::parse(email)?;
    let e = email.as_str().to_string();
    let user = state
        .db(move |conn| crate::db::users::find_by_email(conn, &e)?.ok_or(AppError::NotFound))
        .await?;
    if user.disabled_at.is_some() || user.email_confirmed_at.is_none() {
        return Err(AppError::Denied("error-login-disabled"));
    }
    let actor = Actor {
        user_id: Some(user.id.clone()),
        email: Some(format!("cli for {}", user.email)),
        role: Role::parse(&user.role),
        client_ip: Some("command line".into()),
    };
    create(state, &actor, name, expires_in_days).await
}

#[tracing::instrument(skip_all)]
pub async fn list(state: &AppState, actor: &Actor) -> AppResult<Vec<ApiTokenRow>> {
    let user_id = actor.user_id.clone().ok_or(AppError::Unauthorized)?;
    state
        .db(move |conn| Ok(api_tokens::list_for_user(conn, &user_id)?))
        .await
}

/// Revokes one of the acting user's own tokens; another user's token is "not found".
#[tracing::instrument(skip_all)]
pub async fn revoke(state: &AppState, actor: &Actor, id: String) -> AppResult<()> {
    let user_id = actor.user_id.clone().ok_or(AppError::Unauthorized)?;
    let permission = Permission::Do(Action::UseApi, Scope::Account(user_id.clone()));
    state
        .write(actor, permission, Lock::Nothing, move |tx| {
            if !api_tokens::revoke(tx.conn, &user_id, &id, tx.now)? {
                return Err(AppError::NotFound);
            }
            tx.audit("api_token.revoked", Some(("api_token", &id)), json!({}))
        })
        .await
}

/// The enabled user a bearer token belongs to, if the token is live (not revoked, not
/// expired, and for staff only while their second factor is in place).
#[tracing::instrument(skip_all)]
pub async fn authenticate(
    state: &AppState,
    secret: String,
) -> AppResult<Option<(ApiTokenRow, UserRow)>> {
    if !secret.starts_with(TOKEN_PREFIX) || secret.len() > 200 {
        return Ok(None);
    }
    let now = state.clock.now();
    let staff_need_second_factor = state.settings.security.staff_two_factor;
    state
        .db(move |conn| {
            let found = api_tokens::find_active_with_user(conn, &hash_secret(&secret), now)?;
            match found {
                Some((token, user)) if user.disabled_at.is_none() => {
                    let staff = Role::parse(&user.role).is_some_and(|r| r != Role::Applicant);
                    if staff_need_second_factor
                        && staff
                        && !second_factors::is_enrolled(conn, &user.id)?
                    {
                        return Ok(None);
                    }
                    // Only a coarse "last used" (once a minute) so reads stay cheap.
                    if token
                        .last_used_at
                        .is_none_or(|t| now - t > chrono::Duration::minutes(1))
                    {
                        api_tokens::touch(conn, &token.id, now)?;
                    }
                    Ok(Some((token, user)))
                }
                _ => Ok(None),
            }
        })
        .await
}
