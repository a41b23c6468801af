//! What every request and job shares: settings, the database pool, the clock, the
//! templates, the password hasher and the secret key.

use std::sync::Arc;

use tokio::sync::Notify;

use crate::clock::Clock;
use crate::config::Settings;
use crate::db::{Backend, DbConnection, DbPool};
use crate::email::MemoryMailbox;
use crate::error::{AppError, AppResult};
use crate::services::passwords::PasswordHasher;

pub struct AppState {
    pub settings: Settings,
    pub pool: DbPool,
    pub backend: Backend,
    pub clock: Clock,
    pub templates: tera::Tera,
    pub passwords: PasswordHasher,
    /// The key kept outside the database (audit chain, sealed secrets, keyed hashes).
    pub secrets: crate::secrets::Secrets,
    /// Wakes the outbox worker when a request queued mail.
    pub mail_wakeup: Arc<Notify>,
    /// Set when `mail.transport = "memory"`: what was "sent", for tests.
    pub memory_mailbox: Option<MemoryMailbox>,
    /// Identifies this process among portal nodes (outbox leases).
    pub node_id: String,
    /// Uploaded documents (a local folder or an S3-compatible store).
    pub documents: crate::storage::Documents,
    /// As many slots as pooled connections: a request waits for one here, without a
    /// thread, instead of in a blocked thread of its own (a deadline rush would
    /// otherwise start hundreds of threads that all wait for a connection).
    pub db_slots: Arc<tokio::sync::Semaphore>,
    /// Set when the node is shutting down: the worker stops between two messages.
    pub stopping: Arc<std::sync::atomic::AtomicBool>,
}

impl AppState {
    /// Runs `f` with a pooled connection on the blocking thread pool.
    pub async fn db<T, F>(&self, f: F) -> AppResult<T>
    where
        F: FnOnce(&mut DbConnection) -> AppResult<T> + Send + 'static,
        T: Send + 'static,
    {
        let pool = self.pool.clone();
        // Only a request that has to wait shows in the waiting gauge.
        let slot = match self.db_slots.clone().try_acquire_owned() {
            Ok(slot) => slot,
            Err(_) => {
                crate::telemetry::db_waiting(1.0);
                let slot = self.db_slots.clone().acquire_owned().await;
                crate::telemetry::db_waiting(-1.0);
                slot.map_err(|e| AppError::Internal(anyhow::anyhow!("database slots closed: {e}")))?
            }
        };
        // The blocking thread logs in the caller's span and counts its statements for
        // the caller's request.
        let span = tracing::Span::current();
        let queries = crate::telemetry::request_query_counter();
        tokio::task::spawn_blocking(move || {
            let _slot = slot;
            let _span = span.enter();
            let _counting = crate::telemetry::CountOnThisThread::start(queries);
            let mut conn = pool.get()?;
            f(&mut conn)
        })
        .await
        .map_err(|e| AppError::Internal(anyhow::anyhow!("database task failed: {e}")))?
    }

    /// Runs `f` in one write transaction (see `db::write_tx`).
    pub async fn tx<T, F>(&self, f: F) -> AppResult<T>
    where
        F: FnOnce(&mut DbConnection) -> AppResult<T> + Send + 'static,
        T: Send + 'static,
    {
        self.db(move |conn| crate::db::write_tx(conn, f)).await
    }

    pub fn is_stopping(&self) -> bool {
        self.stopping.load(std::sync::atomic::Ordering::SeqCst)
    }

    /// Asks the worker to stop after the message it is sending.
    pub fn stop_worker(&self) {
        self.stopping
            .store(true, std::sync::atomic::Ordering::SeqCst);
        self.mail_wakeup.notify_one();
    }

    pub fn public_url(&self, path: &str) -> String {
        format!(
            "{}{}",
            self.settings.server.public_url.trim_end_matches('/'),
            path
        )
    }
}
