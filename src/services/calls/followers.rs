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
