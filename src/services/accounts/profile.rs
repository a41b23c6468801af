//! One's own profile (name, language) and "log out everywhere".

use serde_json::json;

use super::{end_credentials, session_epoch, Ends};
use crate::db::users;
use crate::domain::access::{Action, Scope};
use crate::domain::account::DisplayName;
use crate::error::{AppError, AppResult};
use crate::i18n::Lang;
use crate::services::write::{Lock, Permission};
use crate::services::Actor;
use crate::state::AppState;

fn own(actor: &Actor) -> AppResult<(String, Permission)> {
    let user_id = actor.user_id.clone().ok_or(AppError::Unauthorized)?;
    let permission = Permission::Do(Action::ManageOwnAccount, Scope::Account(user_id.clone()));
    Ok((user_id, permission))
}

/// Ends every session and API token of the user (the caller keeps its own session by
/// taking the new epoch).
#[tracing::instrument(skip_all)]
pub async fn logout_everywhere(state: &AppState, actor: &Actor) -> AppResult<i64> {
    let (user_id, permission) = own(actor)?;
    state
        .write(actor, permission, Lock::User(user_id.clone()), move |tx| {
            end_credentials(tx.conn, &user_id, tx.now, Ends::SIGN_INS)?;
            tx.audit(
                "user.logout_everywhere",
                Some(("user", &user_id)),
                json!({}),
            )?;
            session_epoch(tx.conn, &user_id)
        })
        .await
}

#[tracing::instrument(skip_all)]
pub async fn update_profile(
    state: &AppState,
    actor: &Actor,
    display_name: &str,
    language: Option<Lang>,
) -> AppResult<()> {
    let (user_id, permission) = own(actor)?;
    let name = DisplayName::parse(display_name)?;
    state
        .write(actor, permission, Lock::User(user_id.clone()), move |tx| {
            let before = users::find(tx.conn, &user_id)?.ok_or(AppError::NotFound)?;
            users::set_profile(
                tx.conn,
                &user_id,
                name.as_str(),
                language.map(Lang::code),
                tx.now,
            )?;
            tx.audit(
                "user.profile_updated",
                Some(("user", &user_id)),
                json!({
                    "before": {"display_name": before.display_name, "language": before.language},
                    "after": {"display_name": name.as_str(), "language": language.map(Lang::code)},
                }),
            )
        })
        .await
}

#[tracing::instrument(skip_all)]
pub async fn set_language(state: &AppState, actor: &Actor, lang: Lang) -> AppResult<()> {
    let Ok((user_id, permission)) = own(actor) else {
        return Ok(());
    };
    state
        .write(actor, permission, Lock::Nothing, move |tx| {
            let before = users::find(tx.conn, &user_id)?.ok_or(AppError::NotFound)?;
            if before.language.as_deref() == Some(lang.code()) {
                tx.nothing_changed();
                return Ok(());
            }
            users::set_language(tx.conn, &user_id, lang.code(), tx.now)?;
            tx.audit(
                "user.language_changed",
                Some(("user", &user_id)),
                json!({"before": before.language, "after": lang.code()}),
            )
        })
        .await
}
