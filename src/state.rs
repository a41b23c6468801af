//! What every request and job shares: settings, the database pool, the clock, the
//! templates, the password hasher and the throttles.

use std::num::NonZeroU32;
use std::sync::Arc;
use std::time::Duration;

use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
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
    pub throttle: Throttle,
    /// Wakes the outbox worker when a request queued mail.
    pub mail_wakeup: Arc<Notify>,
    /// Set when `mail.transport = "memory"`: what was "sent", for tests.
    pub memory_mailbox: Option<MemoryMailbox>,
    /// Identifies this process among portal nodes (outbox leases).
    pub node_id: String,
}

impl AppState {
    /// Runs `f` with a pooled connection on the blocking thread pool.
    pub async fn db<T, F>(&self, f: F) -> AppResult<T>
    where
        F: FnOnce(&mut DbConnection) -> AppResult<T> + Send + 'static,
        T: Send + 'static,
    {
        let pool = self.pool.clone();
        tokio::task::spawn_blocking(move || {
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

    pub fn public_url(&self, path: &str) -> String {
        format!(
            "{}{}",
            self.settings.server.public_url.trim_end_matches('/'),
            path
        )
    }
}

/// Throttles of failed logins and other guessable endpoints, per account and per
/// client address. In memory, so per node: a cluster multiplies the allowance by its
/// number of nodes (noted in the README).
pub struct Throttle {
    per_account: DefaultKeyedRateLimiter<String>,
    per_address: DefaultKeyedRateLimiter<String>,
}

impl Throttle {
    pub fn new(settings: &Settings) -> Throttle {
        let s = &settings.security;
        let quota = |burst: u32, secs: u64| {
            Quota::with_period(Duration::from_secs(secs.max(1)))
                .expect("period is at least one second")
                .allow_burst(NonZeroU32::new(burst.max(1)).expect("burst is at least one"))
        };
        Throttle {
            per_account: RateLimiter::keyed(quota(
                s.login_burst_per_account,
                s.login_period_seconds_per_account,
            )),
            per_address: RateLimiter::keyed(quota(
                s.login_burst_per_address,
                s.login_period_seconds_per_address,
            )),
        }
    }

    /// Takes one attempt for this account and address; false when either is over its
    /// allowance. Unknown accounts are throttled exactly like known ones.
    pub fn attempt(&self, account: &str, address: &str) -> bool {
        let address_ok = self.per_address.check_key(&address.to_string()).is_ok();
        let account_ok = self.per_account.check_key(&account.to_lowercase()).is_ok();
        address_ok && account_ok
    }

    /// Takes one attempt for an address only (password-reset requests, registrations).
    pub fn attempt_address(&self, address: &str) -> bool {
        self.per_address.check_key(&address.to_string()).is_ok()
    }

    pub fn forget_idle(&self) {
        self.per_account.retain_recent();
        self.per_address.retain_recent();
    }
}
