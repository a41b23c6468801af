//! Password hashing with argon2id (m=19456 KiB, t=2, p=1), off the async threads and at
//! most one hash per core at a time (memory stays bounded under a login rush).

use std::sync::Arc;

use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher as _, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use tokio::sync::Semaphore;

use crate::error::{AppError, AppResult};

pub const MEMORY_KIB: u32 = 19_456;
pub const ITERATIONS: u32 = 2;
pub const PARALLELISM: u32 = 1;

fn argon2() -> Argon2<'static> {
    let params = Params::new(MEMORY_KIB, ITERATIONS, PARALLELISM, None)
        .expect("constant argon2 parameters are valid");
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// Whether a stored hash uses today's algorithm and parameters.
pub fn is_current(hash: &str) -> bool {
    let Ok(parsed) = PasswordHash::new(hash) else {
        return false;
    };
    let Ok(params) = Params::try_from(&parsed) else {
        return false;
    };
    parsed.algorithm.as_str() == "argon2id"
        && parsed.version == Some(0x13)
        && params.m_cost() == MEMORY_KIB
        && params.t_cost() == ITERATIONS
        && params.p_cost() == PARALLELISM
}

#[derive(Clone)]
pub struct PasswordHasher {
    permits: Arc<Semaphore>,
    /// Verified against when the email is unknown, so the work (and time) is the same.
    dummy_hash: Arc<String>,
}

pub struct Verification {
    pub matches: bool,
    /// A replacement hash when the stored one used older parameters.
    pub upgraded_hash: Option<String>,
}

impl PasswordHasher {
    pub fn new() -> PasswordHasher {
        let cores = std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(2);
        let dummy =
            hash_now("dummy password for unknown accounts").expect("hashing a constant works");
        PasswordHasher {
            permits: Arc::new(Semaphore::new(cores)),
            dummy_hash: Arc::new(dummy),
        }
    }

    #[tracing::instrument(skip_all)]
    pub async fn hash(&self, password: String) -> AppResult<String> {
        let _permit = self
            .permits
            .acquire()
            .await
            .map_err(|e| AppError::Internal(e.into()))?;
        tokio::task::spawn_blocking(move || hash_now(&password))
            .await
            .map_err(|e| AppError::Internal(e.into()))?
    }

    /// Verifies `password` against `stored`, or against a dummy hash when there is none.
    #[tracing::instrument(skip_all)]
    pub async fn verify(
        &self,
        password: String,
        stored: Option<String>,
    ) -> AppResult<Verification> {
        let _permit = self
            .permits
            .acquire()
            .await
            .map_err(|e| AppError::Internal(e.into()))?;
        let known = stored.is_some();
        let hash = stored.unwrap_or_else(|| self.dummy_hash.as_ref().clone());
        tokio::task::spawn_blocking(move || {
            let matches = match PasswordHash::new(&hash) {
                Ok(parsed) => argon2()
                    .verify_password(password.as_bytes(), &parsed)
                    .is_ok(),
                Err(_) => false,
            };
            let matches = matches && known;
            let upgraded_hash = if matches && !is_current(&hash) {
                Some(hash_now(&password)?)
            } else {
                None
            };
            Ok(Verification {
                matches,
                upgraded_hash,
            })
        })
        .await
        .map_err(|e| AppError::Internal(e.into()))?
    }
}

impl Default for PasswordHasher {
    fn default() -> Self {
        Self::new()
    }
}

fn hash_now(password: &str) -> AppResult<String> {
    let salt = SaltString::generate(&mut OsRng);
    argon2()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| AppError::Internal(anyhow::anyhow!("password hashing failed: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_hashes_use_argon2id_with_the_owasp_parameters() {
        let h = hash_now("a long enough passphrase").unwrap();
        assert!(h.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{h}");
        assert!(is_current(&h));
    }

    #[test]
    fn weaker_hashes_are_not_current() {
        let weak = Argon2::new(
            Algorithm::Argon2id,
            Version::V0x13,
            Params::new(4096, 1, 1, None).unwrap(),
        )
        .hash_password(b"x", &SaltString::generate(&mut OsRng))
        .unwrap()
        .to_string();
        assert!(!is_current(&weak));
        assert!(!is_current("not a hash"));
    }

    #[tokio::test]
    async fn verification_upgrades_old_hashes() {
        let hasher = PasswordHasher::new();
        let weak = Argon2::new(
            Algorithm::Argon2id,
            Version::V0x13,
            Params::new(4096, 1, 1, None).unwrap(),
        )
        .hash_password(b"old passphrase here", &SaltString::generate(&mut OsRng))
        .unwrap()
        .to_string();
        let v = hasher
            .verify("old passphrase here".into(), Some(weak))
            .await
            .unwrap();
        assert!(v.matches);
        assert!(is_current(v.upgraded_hash.as_deref().unwrap()));
        let wrong = hasher.verify("wrong".into(), None).await.unwrap();
        assert!(!wrong.matches);
    }
}
