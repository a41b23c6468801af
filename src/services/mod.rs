//! Use cases. Each takes the acting user, checks permission with `domain::access`, runs
//! the domain rules, writes in one transaction, appends the audit event and queues
//! email in that same transaction.

pub mod accounts;
pub mod admin;
pub mod admin_check;
pub mod annexes;
pub mod api_tokens;
pub mod applications;
pub mod attachments;
pub mod audit;
pub mod award;
pub mod calls;
pub mod contracts;
pub mod demo;
pub mod evaluation;
pub mod full_application;
pub mod mail;
pub mod monitoring;
pub mod opening;
pub mod organisations;
pub mod partners;
pub mod passwords;
pub mod programmes;
pub mod reading;
pub mod received;
pub mod supporting;
pub mod throttle;
pub mod uploads;
pub mod write;

use base64::Engine;
use rand::RngCore;
use sha2::{Digest, Sha256};

use crate::domain::access::{role_allows, Action, Role};
use crate::error::{AppError, AppResult};

/// Who is acting, as the audit log records it.
#[derive(Debug, Clone, Default)]
pub struct Actor {
    pub user_id: Option<String>,
    pub email: Option<String>,
    pub role: Option<Role>,
    pub client_ip: Option<String>,
}

impl Actor {
    pub fn anonymous(client_ip: Option<String>) -> Actor {
        Actor {
            client_ip,
            ..Actor::default()
        }
    }

    /// The command line, acting with full rights on the operator's behalf.
    pub fn system(label: &str) -> Actor {
        Actor {
            email: Some(label.to_string()),
            ..Actor::default()
        }
    }

    pub fn require(&self, action: Action) -> AppResult<Role> {
        match self.role {
            Some(role) if role_allows(role, action) => Ok(role),
            Some(_) => Err(AppError::Forbidden),
            None => Err(AppError::Unauthorized),
        }
    }
}

/// A fresh secret of 256 random bits, URL-safe.
pub fn new_secret() -> String {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// What is stored for a secret: its SHA-256, hex.
pub fn hash_secret(secret: &str) -> String {
    hex::encode(Sha256::digest(secret.as_bytes()))
}

pub fn new_id() -> String {
    uuid::Uuid::now_v7().to_string()
}

/// Groups rows by a key (a call id, a programme id) in one pass: list pages load each
/// kind of child row in one query and hand them out with this.
pub fn group_by<T>(
    rows: Vec<T>,
    key: impl Fn(&T) -> &str,
) -> std::collections::HashMap<String, Vec<T>> {
    let mut map: std::collections::HashMap<String, Vec<T>> = std::collections::HashMap::new();
    for row in rows {
        map.entry(key(&row).to_string()).or_default().push(row);
    }
    map
}
