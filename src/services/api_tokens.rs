//! Personal API tokens: created with email and password (or from the profile page),
//! shown once, stored hashed, listed and revocable.

use serde_json::json;

use super::{audit, hash_secret, new_id, new_secret, Actor};
use crate::db::api_tokens::{self, ApiTokenRow};
use crate::db::users::UserRow;
use crate::error::{AppError, AppResult};
use crate::state::AppState;

/// Every token starts with this, so leaked tokens are easy to recognise and scan for.
pub const TOKEN_PREFIX: &str = "kzg_";
pub const NAME_MAX_CHARS: usize = 80;

/// Creates a token for the acting user; returns the row and the secret (shown once).
pub async fn create(
    state: &AppState,
    actor: &Actor,
    name: &str,
) -> AppResult<(ApiTokenRow, String)> {
    let user_id = actor.user_id.clone().ok_or(AppError::Unauthorized)?;
    let name = name.trim();
    let name = if name.is_empty() { "API token" } else { name };
    if name.chars().count() > NAME_MAX_CHARS || name.chars().any(char::is_control) {
        return Err(AppError::field("name", "error-token-name-invalid"));
    }
    let secret = format!("{TOKEN_PREFIX}{}", new_secret());
    let now = state.clock.now();
    let row = ApiTokenRow {
        id: new_id(),
        user_id: user_id.clone(),
        name: name.to_string(),
        token_hash: hash_secret(&secret),
        token_prefix: secret.chars().take(10).collect(),
        created_at: now,
        last_used_at: None,
        revoked_at: None,
    };
    let actor = actor.clone();
    let stored = row.clone();
    state
        .tx(move |conn| {
            api_tokens::insert(conn, &stored)?;
            audit::record(
                conn,
                now,
                &actor,
                "api_token.created",
                Some(("api_token", &stored.id)),
                json!({"name": stored.name}),
            )
        })
        .await?;
    Ok((row, secret))
}

pub async fn list(state: &AppState, actor: &Actor) -> AppResult<Vec<ApiTokenRow>> {
    let user_id = actor.user_id.clone().ok_or(AppError::Unauthorized)?;
    state
        .db(move |conn| Ok(api_tokens::list_for_user(conn, &user_id)?))
        .await
}

/// Revokes one of the acting user's own tokens; another user's token is "not found".
pub async fn revoke(state: &AppState, actor: &Actor, id: String) -> AppResult<()> {
    let user_id = actor.user_id.clone().ok_or(AppError::Unauthorized)?;
    let now = state.clock.now();
    let actor = actor.clone();
    state
        .tx(move |conn| {
            if !api_tokens::revoke(conn, &user_id, &id, now)? {
                return Err(AppError::NotFound);
            }
            audit::record(
                conn,
                now,
                &actor,
                "api_token.revoked",
                Some(("api_token", &id)),
                json!({}),
            )
        })
        .await
}

/// The enabled user a bearer token belongs to, if the token is live.
pub async fn authenticate(
    state: &AppState,
    secret: String,
) -> AppResult<Option<(ApiTokenRow, UserRow)>> {
    if !secret.starts_with(TOKEN_PREFIX) || secret.len() > 200 {
        return Ok(None);
    }
    let now = state.clock.now();
    state
        .db(move |conn| {
            let found = api_tokens::find_active_with_user(conn, &hash_secret(&secret))?;
            match found {
                Some((token, user)) if user.disabled_at.is_none() => {
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
