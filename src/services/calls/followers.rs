//! Following a call: followers are emailed its answers, corrections and cancellation.

use serde_json::json;

use super::load_call;
use crate::db::calls as q;
use crate::domain::calls::{CallEvent, CallStatus};
use crate::error::{AppError, AppResult};
use crate::services::write::{Lock, Permission};
use crate::services::Actor;
use crate::state::AppState;

/// Follows or unfollows a published (or cancelled) call. Idempotent: a repeated follow
/// changes nothing and records nothing.
#[tracing::instrument(skip_all)]
pub async fn set_following(
    state: &AppState,
    actor: &Actor,
    call_id: String,
    follow: bool,
) -> AppResult<()> {
    if actor.user_id.is_none() {
        return Err(AppError::Unauthorized);
    }
    state
        .write(actor, Permission::Anyone, Lock::Nothing, move |tx| {
            let call = load_call(tx.conn, &call_id)?;
            if call.status == CallStatus::Draft {
                return Err(AppError::NotFound);
            }
            call.next_status(CallEvent::Follow)?;
            let user_id = tx.actor.user_id.clone().unwrap_or_default();
            let changed = if follow {
                q::follow(tx.conn, &call_id, &user_id, tx.now)?
            } else {
                q::unfollow(tx.conn, &call_id, &user_id)?
            };
            if !changed {
                tx.nothing_changed();
                return Ok(());
            }
            tx.audit(
                if follow {
                    "call.followed"
                } else {
                    "call.unfollowed"
                },
                Some(("call", &call_id)),
                json!({}),
            )
        })
        .await
}

/// A person's own space: the calls they follow and the questions they asked (their
/// pending questions are theirs alone to see until answered).
pub struct MySpace {
    pub followed: Vec<super::Call>,
    pub questions: Vec<(crate::db::calls::ClarificationRow, super::Call)>,
}

#[tracing::instrument(skip_all)]
pub async fn my_space(state: &AppState, actor: &Actor) -> AppResult<MySpace> {
    let user_id = actor.user_id.clone().ok_or(AppError::Unauthorized)?;
    state
        .db(move |conn| {
            let followed = q::followed_by(conn, &user_id)?
                .into_iter()
                .map(super::Call::from_row)
                .collect::<AppResult<Vec<_>>>()?;
            let questions = q::questions_of(conn, &user_id)?
                .into_iter()
                .map(|(question, call)| Ok((question, super::Call::from_row(call)?)))
                .collect::<AppResult<Vec<_>>>()?;
            Ok(MySpace {
                followed,
                questions,
            })
        })
        .await
}
