//! Work beside the web server: the outbox sender and periodic housekeeping.
//! Safe with several portal nodes: messages are leased before sending.

use std::sync::Arc;
use std::time::Duration;

use chrono::NaiveDateTime;

use crate::db::{outbox, sessions};
use crate::email::{Mailer, Outgoing};
use crate::error::AppResult;
use crate::state::AppState;

/// How long a node may hold a message before another may try it.
const LEASE_SECONDS: i64 = 120;
const BATCH: i64 = 20;

/// Back-off after the n-th failed attempt: base × 2^(n-1), at most 6 hours.
pub fn retry_delay(base_seconds: i64, attempts_so_far: i32) -> chrono::Duration {
    let exp = attempts_so_far.clamp(0, 16) as u32;
    let secs = base_seconds
        .max(1)
        .saturating_mul(1i64 << exp)
        .min(6 * 3600);
    chrono::Duration::seconds(secs)
}

/// Sends every message that is due now; returns how many were sent.
pub async fn deliver_due(state: &AppState, mailer: &Mailer) -> AppResult<usize> {
    let now = state.clock.now();
    let ids = state
        .db(move |conn| Ok(outbox::due_ids(conn, now, BATCH)?))
        .await?;
    let mut sent = 0;
    for id in ids {
        let node = state.node_id.clone();
        let lease_until = now + chrono::Duration::seconds(LEASE_SECONDS);
        let claimed = state
            .db(move |conn| Ok(outbox::claim(conn, &id, &node, now, lease_until)?))
            .await?;
        let Some(msg) = claimed else { continue };
        let result = mailer
            .send(
                &state.settings.mail.from,
                &Outgoing {
                    to_email: &msg.to_email,
                    to_name: &msg.to_name,
                    subject: &msg.subject,
                    body_text: &msg.body_text,
                },
            )
            .await;
        let node = state.node_id.clone();
        let finished_at: NaiveDateTime = state.clock.now();
        match result {
            Ok(()) => {
                sent += 1;
                state
                    .db(move |conn| Ok(outbox::mark_sent(conn, &msg.id, &node, finished_at)?))
                    .await?;
            }
            Err(e) => {
                let error = format!("{e:#}").chars().take(500).collect::<String>();
                tracing::warn!(outbox_id = %msg.id, attempts = msg.attempts + 1, error = %error, "mail not sent; will retry");
                let give_up = msg.attempts + 1 >= state.settings.mail.max_attempts;
                let next =
                    finished_at + retry_delay(state.settings.mail.retry_base_seconds, msg.attempts);
                state
                    .db(move |conn| {
                        Ok(outbox::mark_failed_attempt(
                            conn, &msg.id, &node, &error, next, give_up,
                        )?)
                    })
                    .await?;
            }
        }
    }
    Ok(sent)
}

/// Runs until the process ends: sends mail when woken or every interval, and every 30
/// intervals (a minute by default) sends due reminders, forgets idle throttle entries
/// and expired revoked sessions.
pub async fn run_worker(state: Arc<AppState>, mailer: Mailer) {
    let interval = Duration::from_millis(state.settings.mail.worker_interval_ms.max(10));
    let mut last_housekeeping = std::time::Instant::now();
    loop {
        if let Err(e) = deliver_due(&state, &mailer).await {
            tracing::error!(error = %format!("{e:#}"), "outbox worker failed");
        }
        if last_housekeeping.elapsed() > interval * 30 {
            if let Err(e) = crate::services::calls::remind_unanswered_questions(&state).await {
                tracing::warn!(error = %format!("{e:#}"), "clarification reminders not sent this time");
            }
            last_housekeeping = std::time::Instant::now();
            state.throttle.forget_idle();
            let now = state.clock.now();
            if let Err(e) = state
                .tx(move |conn| Ok(sessions::purge_expired(conn, now)?))
                .await
            {
                tracing::error!(error = %format!("{e:#}"), "housekeeping failed");
            }
        }
        tokio::select! {
            _ = state.mail_wakeup.notified() => {}
            _ = tokio::time::sleep(interval) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::retry_delay;

    #[test]
    fn back_off_doubles_and_is_capped() {
        assert_eq!(retry_delay(30, 0).num_seconds(), 30);
        assert_eq!(retry_delay(30, 1).num_seconds(), 60);
        assert_eq!(retry_delay(30, 3).num_seconds(), 240);
        assert_eq!(retry_delay(30, 40).num_seconds(), 6 * 3600);
    }
}
