//! Administrators' user management and the outbox view.

use serde_json::json;

use super::{audit, Actor};
use crate::db::outbox::{self, OutboxRow};
use crate::db::users::{self, UserFilter, UserRow};
use crate::domain::access::{Action, Role};
use crate::error::{AppError, AppResult};
use crate::state::AppState;

pub const PAGE_SIZE: i64 = 50;

pub async fn list_users(
    state: &AppState,
    actor: &Actor,
    filter: UserFilter,
    page: i64,
) -> AppResult<(Vec<UserRow>, i64)> {
    actor.require(Action::ManageUsers)?;
    let offset = (page.clamp(1, 1_000_000) - 1) * PAGE_SIZE;
    state
        .db(move |conn| Ok(users::list(conn, &filter, offset, PAGE_SIZE)?))
        .await
}

pub async fn get_user(state: &AppState, actor: &Actor, id: String) -> AppResult<UserRow> {
    actor.require(Action::ManageUsers)?;
    state
        .db(move |conn| users::find(conn, &id)?.ok_or(AppError::NotFound))
        .await
}

/// Refuses changes that would leave the portal without an enabled administrator.
fn keeps_an_admin(
    conn: &mut crate::db::DbConnection,
    target: &UserRow,
    still_admin_after: bool,
) -> AppResult<()> {
    if target.role == "admin"
        && target.disabled_at.is_none()
        && !still_admin_after
        && users::count_active_admins(conn)? <= 1
    {
        return Err(AppError::Conflict("error-last-admin"));
    }
    Ok(())
}

pub async fn change_role(state: &AppState, actor: &Actor, id: String, role: Role) -> AppResult<()> {
    actor.require(Action::ManageUsers)?;
    let now = state.clock.now();
    let actor = actor.clone();
    state
        .tx(move |conn| {
            let user = users::find(conn, &id)?.ok_or(AppError::NotFound)?;
            if user.role == role.as_str() {
                return Ok(());
            }
            keeps_an_admin(conn, &user, role == Role::Admin)?;
            users::set_role(conn, &id, role.as_str(), now)?;
            audit::record(
                conn,
                now,
                &actor,
                "user.role_changed",
                Some(("user", &id)),
                json!({"before": user.role, "after": role.as_str()}),
            )
        })
        .await
}

pub async fn set_disabled(
    state: &AppState,
    actor: &Actor,
    id: String,
    disabled: bool,
) -> AppResult<()> {
    actor.require(Action::ManageUsers)?;
    if disabled && actor.user_id.as_deref() == Some(id.as_str()) {
        return Err(AppError::Conflict("error-cannot-disable-self"));
    }
    let now = state.clock.now();
    let actor = actor.clone();
    state
        .tx(move |conn| {
            let user = users::find(conn, &id)?.ok_or(AppError::NotFound)?;
            if user.disabled_at.is_some() == disabled {
                return Ok(());
            }
            if disabled {
                keeps_an_admin(conn, &user, false)?;
                super::accounts::revoke_api_tokens(conn, &id, now)?;
            }
            users::set_disabled(conn, &id, disabled.then_some(now), now)?;
            let action = if disabled {
                "user.disabled"
            } else {
                "user.enabled"
            };
            audit::record(conn, now, &actor, action, Some(("user", &id)), json!({}))
        })
        .await
}

pub async fn list_outbox(
    state: &AppState,
    actor: &Actor,
    status: Option<String>,
    page: i64,
) -> AppResult<(Vec<OutboxRow>, i64, Vec<(String, i64)>)> {
    actor.require(Action::ViewOutbox)?;
    let offset = (page.clamp(1, 1_000_000) - 1) * PAGE_SIZE;
    state
        .db(move |conn| {
            let (rows, total) = outbox::list(conn, status.as_deref(), offset, PAGE_SIZE)?;
            let counts = outbox::counts_by_status(conn)?;
            Ok((rows, total, counts))
        })
        .await
}

pub async fn retry_mail(state: &AppState, actor: &Actor, id: String) -> AppResult<()> {
    actor.require(Action::ViewOutbox)?;
    let now = state.clock.now();
    let actor = actor.clone();
    state
        .tx(move |conn| {
            if !outbox::requeue(conn, &id, now)? {
                return Err(AppError::NotFound);
            }
            audit::record(
                conn,
                now,
                &actor,
                "mail.requeued",
                Some(("outbox", &id)),
                json!({}),
            )
        })
        .await?;
    state.mail_wakeup.notify_one();
    Ok(())
}
