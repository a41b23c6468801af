//! Work beside the web server: the outbox sender and periodic housekeeping.
//! Safe with several portal nodes: messages are leased before sending.

use std::sync::Arc;
use std::time::Duration;

use chrono::NaiveDateTime;

use crate::db::{auth_attempts, outbox, sessions};
use crate::email::{Mailer, Outgoing};
use crate::error::{AppError, AppResult};
use crate::services::mail::{redact_secret_links, MailKind};
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

/// Sends every message that is due now; returns how many were sent. Stops between two
/// messages when the node is shutting down (the rest stay queued for any node).
pub async fn deliver_due(state: &AppState, mailer: &Mailer) -> AppResult<usize> {
    let now = state.clock.now();
    let ids = state
        .db(move |conn| Ok(outbox::due_ids(conn, now, BATCH)?))
        .await?;
    let mut sent = 0;
    for id in ids {
        if state.is_stopping() {
            break;
        }
        let node = state.node_id.clone();
        // Each lease starts when its message is claimed: a slow batch must not leave the
        // last messages with a lease that runs out while they are being sent.
        let now = state.clock.now();
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
                crate::telemetry::mail_sent(true);
                // The link's secret was the credential: the outbox keeps none.
                let kept = if MailKind::carries_secret_link(&msg.kind) {
                    redact_secret_links(&msg.body_text)
                } else {
                    msg.body_text.clone()
                };
                state
                    .db(move |conn| {
                        Ok(outbox::mark_sent(conn, &msg.id, &node, finished_at, &kept)?)
                    })
                    .await?;
            }
            Err(e) => {
                crate::telemetry::mail_sent(false);
                let error = format!("{e:#}").chars().take(500).collect::<String>();
                tracing::warn!(outbox_id = %msg.id, attempts = msg.attempts + 1, error = %error, "mail not sent; will retry");
                let give_up = msg.attempts + 1 >= state.settings.mail.max_attempts;
                let next =
                    finished_at + retry_delay(state.settings.mail.retry_base_seconds, msg.attempts);
                let kept = (give_up && MailKind::carries_secret_link(&msg.kind))
                    .then(|| redact_secret_links(&msg.body_text));
                state
                    .db(move |conn| {
                        outbox::mark_failed_attempt(conn, &msg.id, &node, &error, next, give_up)?;
                        if let Some(kept) = kept {
                            outbox::redact_failed(conn, &msg.id, &kept)?;
                        }
                        Ok(())
                    })
                    .await?;
            }
        }
    }
    Ok(sent)
}

/// Forgets what no rule looks at any more: expired revoked sessions, old throttle
/// counts, sent mail past its retention, registrations never confirmed.
pub async fn housekeeping(state: &AppState) -> AppResult<()> {
    let now = state.clock.now();
    let keep_sent = chrono::Duration::days(state.settings.mail.keep_sent_days.max(1));
    state
        .tx(move |conn| {
            sessions::purge_expired(conn, now)?;
            auth_attempts::purge_before(conn, now - chrono::Duration::days(1))?;
            crate::db::idempotency::purge_before(conn, now - crate::web::idempotency::kept())?;
            outbox::purge_sent_before(conn, now - keep_sent)?;
            Ok(())
        })
        .await?;
    crate::services::accounts::expire_unconfirmed_accounts(state).await?;
    write_audit_checkpoint(state).await?;
    Ok(())
}

/// Appends a signed checkpoint of the audit chain's head to the checkpoint file when the
/// chain grew since the file's last line (outside the database, so a rewrite of the
/// database alone shows at the next `grants audit verify`).
pub async fn write_audit_checkpoint(state: &AppState) -> AppResult<bool> {
    use std::io::Write;
    let path = state
        .settings
        .audit
        .checkpoint_file_in(&state.settings.data.dir);
    let key = state
        .secrets
        .key_bytes(crate::secrets::Purpose::AuditCheckpoint);
    let last_seq = std::fs::read_to_string(&path)
        .ok()
        .and_then(|text| {
            text.lines()
                .rev()
                .find_map(|l| crate::domain::audit::Checkpoint::parse(l, &key))
        })
        .map(|c| c.seq)
        .unwrap_or(0);
    let now = state.clock.now();
    let checkpoint = state
        .db(move |conn| crate::services::audit::checkpoint_after(conn, last_seq, now))
        .await?;
    let Some(checkpoint) = checkpoint else {
        return Ok(false);
    };
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| AppError::Internal(e.into()))?;
    }
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&path)
        .map_err(|e| AppError::Internal(anyhow::anyhow!("audit checkpoint file: {e}")))?;
    writeln!(file, "{}", checkpoint.line(&key)).map_err(|e| AppError::Internal(e.into()))?;
    Ok(true)
}

/// Runs until the node stops: sends mail when woken or every interval, and every 30
/// intervals (a minute by default) sends due reminders, runs the contract watch, forgets
/// idle throttle entries and expired revoked sessions. Each job is a span of its own.
pub async fn run_worker(state: Arc<AppState>, mailer: Mailer) {
    let interval = Duration::from_millis(state.settings.mail.worker_interval_ms.max(10));
    let mut last_housekeeping = std::time::Instant::now();
    while !state.is_stopping() {
        run_job("outbox", deliver_due(&state, &mailer)).await;
        if last_housekeeping.elapsed() > interval * 30 && !state.is_stopping() {
            run_job(
                "reminders",
                crate::services::calls::remind_unanswered_questions(&state),
            )
            .await;
            run_job("watch", crate::services::contracts::watch(&state)).await;
            last_housekeeping = std::time::Instant::now();
            run_job("housekeeping", housekeeping(&state)).await;
        }
        if state.is_stopping() {
            break;
        }
        tokio::select! {
            _ = state.mail_wakeup.notified() => {}
            _ = tokio::time::sleep(interval) => {}
        }
    }
    tracing::info!(node = %state.node_id, "worker stopped");
}

/// One run of a worker job in a `job` span of its own, counted for the metrics; a
/// failure is logged and the worker carries on (the next run tries again).
async fn run_job<T>(job: &'static str, run: impl std::future::Future<Output = AppResult<T>>) {
    use tracing::Instrument as _;
    let outcome = run.instrument(tracing::info_span!("job", job)).await;
    crate::telemetry::job_run(job, outcome.is_ok());
    if let Err(e) = outcome {
        tracing::error!(job, error = %format!("{e:#}"), "job failed; it runs again at the next turn");
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
