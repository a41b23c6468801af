//! Administrators' user management and the outbox view.

use serde_json::json;

use super::accounts::{end_credentials, Ends};
use super::write::{Lock, Permission};
use super::Actor;
use crate::db::outbox::{self, OutboxRow};
use crate::db::users::{self, UserFilter, UserRow};
use crate::domain::access::{Action, Role, Scope};
use crate::error::{AppError, AppResult};
use crate::state::AppState;

pub const PAGE_SIZE: i64 = 50;

#[tracing::instrument(skip_all)]
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

#[tracing::instrument(skip_all)]
pub async fn get_user(state: &AppState, actor: &Actor, id: String) -> AppResult<UserRow> {
    actor.require(Action::ManageUsers)?;
    state
        .db(move |conn| users::find(conn, &id)?.ok_or(AppError::NotFound))
        .await
}

/// Refuses changes that would leave the portal without an enabled administrator.
/// Called under the user directory's lock, so two administrators removing each other
/// at the same moment cannot both pass.
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

fn manage() -> Permission {
    Permission::Do(Action::ManageUsers, Scope::Portal)
}

/// Gives a person another role. Only a confirmed account can receive a role (an
/// unconfirmed one may belong to someone squatting the address); the person's
/// sessions and API tokens end so that the new role applies at once.
#[tracing::instrument(skip_all)]
pub async fn change_role(state: &AppState, actor: &Actor, id: String, role: Role) -> AppResult<()> {
    state
        .write(actor, manage(), Lock::UserDirectory, move |tx| {
            let user = users::find(tx.conn, &id)?.ok_or(AppError::NotFound)?;
            if user.role == role.as_str() {
                tx.nothing_changed();
                return Ok(());
            }
            if user.email_confirmed_at.is_none() {
                return Err(AppError::Conflict("error-role-unconfirmed"));
            }
            keeps_an_admin(tx.conn, &user, role == Role::Admin)?;
            users::set_role(tx.conn, &id, role.as_str(), tx.now)?;
            end_credentials(tx.conn, &id, tx.now, Ends::SIGN_INS)?;
            tx.audit(
                "user.role_changed",
                Some(("user", &id)),
                json!({"before": user.role, "after": role.as_str()}),
            )
        })
        .await
}

#[tracing::instrument(skip_all)]
pub async fn set_disabled(
    state: &AppState,
    actor: &Actor,
    id: String,
    disabled: bool,
) -> AppResult<()> {
    if disabled && actor.user_id.as_deref() == Some(id.as_str()) {
        return Err(AppError::Conflict("error-cannot-disable-self"));
    }
    state
        .write(actor, manage(), Lock::UserDirectory, move |tx| {
            let user = users::find(tx.conn, &id)?.ok_or(AppError::NotFound)?;
            if user.disabled_at.is_some() == disabled {
                tx.nothing_changed();
                return Ok(());
            }
            if disabled {
                keeps_an_admin(tx.conn, &user, false)?;
                end_credentials(tx.conn, &id, tx.now, Ends::ALL)?;
            }
            users::set_disabled(tx.conn, &id, disabled.then_some(tx.now), tx.now)?;
            let action = if disabled {
                "user.disabled"
            } else {
                "user.enabled"
            };
            tx.audit(action, Some(("user", &id)), json!({}))
        })
        .await
}

/// One page of the outbox, the number of matching messages, and counts by status.
pub type OutboxPage = (Vec<OutboxRow>, i64, Vec<(String, i64)>);

#[tracing::instrument(skip_all)]
pub async fn list_outbox(
    state: &AppState,
    actor: &Actor,
    status: Option<String>,
    page: i64,
) -> AppResult<OutboxPage> {
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

#[tracing::instrument(skip_all)]
pub async fn retry_mail(state: &AppState, actor: &Actor, id: String) -> AppResult<()> {
    let permission = Permission::Do(Action::ViewOutbox, Scope::Portal);
    let woken = state.mail_wakeup.clone();
    state
        .write(actor, permission, Lock::Nothing, move |tx| {
            if !outbox::requeue(tx.conn, &id, tx.now)? {
                return Err(AppError::NotFound);
            }
            tx.audit("mail.requeued", Some(("outbox", &id)), json!({}))
        })
        .await?;
    woken.notify_one();
    Ok(())
}
