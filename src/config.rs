//! Typed settings: `config/default.toml` < `config/$APP_ENV.toml` < `APP__SECTION__KEY`
//! environment variables, with `DATABASE_URL` overriding `database.url`.

use std::path::{Path, PathBuf};

use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
pub struct Settings {
    pub server: ServerSettings,
    pub database: DatabaseSettings,
    pub data: DataSettings,
    pub session: SessionSettings,
    pub security: SecuritySettings,
    pub mail: MailSettings,
    pub log: LogSettings,
    pub audit: AuditSettings,
    #[serde(default)]
    pub contact: ContactSettings,
    #[serde(default)]
    pub storage: StorageSettings,
    #[serde(default)]
    pub metrics: MetricsSettings,
    #[serde(default)]
    pub worker: WorkerSettings,
}

/// The Prometheus endpoint: on its own address (loopback by default, so only the
/// machine's scraper reaches it) and, when a token is set, also at `/metrics` of the
/// portal's address for a bearer of that token.
#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct MetricsSettings {
    /// e.g. 127.0.0.1:9464; empty: no separate listener.
    pub bind: String,
    /// Give it by environment (`APP__METRICS__TOKEN`); empty: `/metrics` is not served
    /// on the portal's own address.
    pub token: String,
    /// When true, a `bind` address that cannot be listened on stops the portal; when
    /// false (the default) the portal warns and serves without the separate listener
    /// (a second portal on the same machine, say).
    pub required: bool,
}

impl Default for MetricsSettings {
    fn default() -> MetricsSettings {
        MetricsSettings {
            bind: "127.0.0.1:9464".into(),
            token: String::new(),
            required: false,
        }
    }
}

/// The background worker (outbox, reminders, contract watch, housekeeping). Every node
/// may run it: claims in the database make each message and reminder go once.
#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct WorkerSettings {
    pub enabled: bool,
}

impl Default for WorkerSettings {
    fn default() -> WorkerSettings {
        WorkerSettings { enabled: true }
    }
}

/// Where uploaded documents are kept: a local folder (one node) or an S3-compatible
/// object store (several nodes share it).
#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct StorageSettings {
    /// `local` or `s3`.
    pub kind: String,
    /// Local folder; empty: `<data.dir>/uploads`.
    pub dir: PathBuf,
    pub s3_bucket: String,
    /// An S3-compatible endpoint (MinIO, Ceph, a cloud's S3 API); empty: AWS.
    pub s3_endpoint: String,
    pub s3_region: String,
    pub s3_access_key_id: String,
    /// Give it by environment (`APP__STORAGE__S3_SECRET_ACCESS_KEY`), never in a file.
    pub s3_secret_access_key: String,
    /// Only for an endpoint on the same machine or a private network.
    pub s3_allow_http: bool,
    /// Keys are stored under this prefix in the bucket (several portals, one bucket).
    pub s3_prefix: String,
}

impl Default for StorageSettings {
    fn default() -> StorageSettings {
        StorageSettings {
            kind: "local".into(),
            dir: PathBuf::new(),
            s3_bucket: String::new(),
            s3_endpoint: String::new(),
            s3_region: "us-east-1".into(),
            s3_access_key_id: String::new(),
            s3_secret_access_key: String::new(),
            s3_allow_http: false,
            s3_prefix: String::new(),
        }
    }
}

impl StorageSettings {
    pub fn dir_in(&self, data_dir: &Path) -> PathBuf {
        if self.dir.as_os_str().is_empty() {
            data_dir.join("uploads")
        } else {
            self.dir.clone()
        }
    }
}

/// Who answers the portal's users, shown on the help, accessibility and privacy pages.
#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct ContactSettings {
    pub organisation: String,
    pub email: String,
    pub phone: String,
    pub address: String,
    /// Where questions about personal data go (the data controller's contact).
    pub data_protection_email: String,
}

impl Default for ContactSettings {
    fn default() -> ContactSettings {
        ContactSettings {
            organisation: "Delegation of the European Union to the Republic of Kazakhstan".into(),
            email: "grants@delegation.example.org".into(),
            phone: String::new(),
            address: String::new(),
            data_protection_email: "data-protection@delegation.example.org".into(),
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
pub struct AuditSettings {
    /// Where signed checkpoints of the audit chain's head are appended; empty:
    /// `<data.dir>/audit-checkpoints.log`. Keep it (or a copy) off the database server.
    #[serde(default)]
    pub checkpoint_file: std::path::PathBuf,
}

impl AuditSettings {
    pub fn checkpoint_file_in(&self, data_dir: &Path) -> std::path::PathBuf {
        if self.checkpoint_file.as_os_str().is_empty() {
            data_dir.join("audit-checkpoints.log")
        } else {
            self.checkpoint_file.clone()
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
pub struct ServerSettings {
    pub bind: String,
    /// The address users type, used in email links. Empty in the settings: derived
    /// from the address the portal listens on (see `derive_public_url`).
    #[serde(default)]
    pub public_url: String,
    /// True when `public_url` was not set and was derived from the bound address.
    #[serde(skip)]
    pub public_url_derived: bool,
    #[serde(default)]
    pub trusted_proxies: Vec<String>,
    pub body_limit_kib: usize,
    /// A request whose head or body takes longer than this to arrive is dropped.
    pub request_timeout_seconds: u64,
    /// 0 means one worker per core.
    #[serde(default)]
    pub workers: usize,
    /// On SIGTERM or Ctrl+C, requests in flight get this long to finish.
    #[serde(default = "default_shutdown_timeout_seconds")]
    pub shutdown_timeout_seconds: u64,
}

fn default_shutdown_timeout_seconds() -> u64 {
    30
}

fn default_true() -> bool {
    true
}

fn default_slow_request_ms() -> u64 {
    1000
}

impl ServerSettings {
    /// Fills an unset `public_url` from `bound` (the address really listened on, or
    /// `server.bind` for commands): links in mail then reach this portal whatever
    /// `--bind` said. An unspecified host (0.0.0.0, [::]) becomes the loopback address;
    /// production sets `public_url`.
    pub fn derive_public_url(&mut self, bound: &str) {
        if !self.public_url.trim().is_empty() {
            return;
        }
        self.public_url_derived = true;
        self.public_url = match bound.parse::<std::net::SocketAddr>() {
            Ok(addr) if addr.ip().is_unspecified() => {
                format!("http://127.0.0.1:{}", addr.port())
            }
            Ok(addr) => format!("http://{addr}"),
            Err(_) => format!("http://{}", bound.trim()),
        };
    }

    pub fn is_https(&self) -> bool {
        self.public_url.starts_with("https://")
    }
    pub fn body_limit_bytes(&self) -> usize {
        self.body_limit_kib * 1024
    }
}

#[derive(Debug, Clone, Deserialize)]
pub struct DatabaseSettings {
    pub url: String,
    pub pool_size: u32,
    /// `serve` applies pending migrations when it starts (one node). With several
    /// nodes, set it to false and run `grants migrate` as a release step: a node then
    /// refuses to start on a database that still needs migrations.
    #[serde(default = "default_true")]
    pub migrate_on_start: bool,
}

#[derive(Debug, Clone, Deserialize)]
pub struct DataSettings {
    pub dir: PathBuf,
}

#[derive(Debug, Clone, Deserialize)]
pub struct SessionSettings {
    #[serde(default)]
    pub key: String,
    pub idle_timeout_minutes: i64,
    pub absolute_timeout_hours: i64,
}

#[derive(Debug, Clone, Deserialize)]
pub struct SecuritySettings {
    /// Base64 of at least 32 random bytes; empty: generated once into
    /// `<data.dir>/secret.key`. Keys the audit chain and seals second-factor secrets,
    /// so every node must share it and it must be backed up apart from the database.
    #[serde(default)]
    pub secret_key: String,
    /// Failed sign-ins of one account from one address, within the window.
    pub login_max_failures_per_account: i64,
    /// Failed sign-ins of one account from all addresses, within the window; beyond
    /// it only addresses that never failed on the account may try.
    pub login_max_failures_per_account_total: i64,
    /// Failed sign-ins from one address, whatever the account, within the window.
    pub login_max_failures_per_address: i64,
    pub login_window_minutes: i64,
    /// Wrong current passwords or second-factor codes of one signed-in user, within
    /// the window.
    pub check_max_failures: i64,
    /// Reset, confirmation and email-change messages to one address (or from one
    /// user) within an hour.
    pub emails_per_hour: i64,
    pub reset_token_minutes: i64,
    pub confirm_token_hours: i64,
    pub invitation_token_hours: i64,
    /// Unconfirmed registrations are removed after this many days.
    pub unconfirmed_account_days: i64,
    /// Staff (evaluators, Delegation, auditors, administrators) must sign in with a
    /// second factor. Only the test suite turns it off.
    pub staff_two_factor: bool,
    /// SOD-01: the officer who approved the report that released a tranche does not
    /// record that tranche's payment. On by default; a small Delegation may turn it off.
    #[serde(default = "default_true")]
    pub payment_by_another_officer: bool,
}

impl SecuritySettings {
    pub fn login_limits(&self) -> crate::domain::account::ThrottleLimits {
        crate::domain::account::ThrottleLimits {
            per_subject_and_address: self.login_max_failures_per_account,
            per_subject_total: self.login_max_failures_per_account_total,
            per_address: self.login_max_failures_per_address,
        }
    }
}

#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum MailTransportKind {
    File,
    Smtp,
    Memory,
}

#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum SmtpTls {
    Starttls,
    Tls,
    None,
}

#[derive(Debug, Clone, Deserialize)]
pub struct MailSettings {
    pub transport: MailTransportKind,
    pub from: String,
    /// Where the file transport writes `.eml` files; empty: `<data.dir>/mail`.
    #[serde(default)]
    pub file_dir: PathBuf,
    pub smtp_host: String,
    pub smtp_port: u16,
    pub smtp_tls: SmtpTls,
    #[serde(default)]
    pub smtp_username: String,
    #[serde(default)]
    pub smtp_password: String,
    pub smtp_timeout_seconds: u64,
    pub worker_interval_ms: u64,
    pub max_attempts: i32,
    pub retry_base_seconds: i64,
    /// Sent messages are kept this long (their links are removed once sent).
    pub keep_sent_days: i64,
}

impl MailSettings {
    /// The folder of the file transport: as set, or `mail` inside the data folder.
    pub fn file_dir_in(&self, data_dir: &Path) -> PathBuf {
        if self.file_dir.as_os_str().is_empty() {
            data_dir.join("mail")
        } else {
            self.file_dir.clone()
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
pub struct LogSettings {
    pub filter: String,
    pub format: String,
    /// A request taking longer is logged as slow, with its route and SQL query count.
    #[serde(default = "default_slow_request_ms")]
    pub slow_request_ms: u64,
}

impl Settings {
    /// Loads settings from `config_dir` (normally `./config`) for the environment `env`
    /// (development, test, production), then the environment variables.
    pub fn load_from(config_dir: &Path, env: &str) -> Result<Settings, config::ConfigError> {
        let mut builder = config::Config::builder()
            .add_source(config::File::from(config_dir.join("default.toml")).required(true))
            .add_source(config::File::from(config_dir.join(format!("{env}.toml"))).required(false))
            .add_source(
                config::Environment::with_prefix("APP")
                    .prefix_separator("__")
                    .separator("__")
                    .list_separator(",")
                    .with_list_parse_key("server.trusted_proxies")
                    .try_parsing(true),
            );
        if let Ok(url) = std::env::var("DATABASE_URL") {
            if !url.is_empty() {
                builder = builder.set_override("database.url", url)?;
            }
        }
        builder.build()?.try_deserialize()
    }

    /// Settings for the default `./config` folder, found next to the working directory.
    pub fn load() -> Result<Settings, config::ConfigError> {
        let dir = std::env::var("APP_CONFIG_DIR").unwrap_or_else(|_| "config".into());
        let env = std::env::var("APP_ENV").unwrap_or_else(|_| "development".into());
        Self::load_from(Path::new(&dir), &env)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn server(public_url: &str) -> ServerSettings {
        ServerSettings {
            bind: "127.0.0.1:8080".into(),
            public_url: public_url.into(),
            public_url_derived: false,
            trusted_proxies: vec![],
            body_limit_kib: 256,
            request_timeout_seconds: 20,
            workers: 0,
            shutdown_timeout_seconds: 30,
        }
    }

    #[test]
    fn an_unset_public_url_follows_the_bound_address() {
        for (bound, url) in [
            ("127.0.0.1:8080", "http://127.0.0.1:8080"),
            ("127.0.0.1:9000", "http://127.0.0.1:9000"),
            ("0.0.0.0:8081", "http://127.0.0.1:8081"),
            ("[::]:8082", "http://127.0.0.1:8082"),
            ("[::1]:8083", "http://[::1]:8083"),
            ("localhost:8084", "http://localhost:8084"),
        ] {
            let mut s = server("");
            s.derive_public_url(bound);
            assert_eq!(s.public_url, url);
            assert!(s.public_url_derived);
        }
    }

    #[test]
    fn a_public_url_that_is_set_is_kept() {
        let mut s = server("https://grants.example.kz");
        s.derive_public_url("127.0.0.1:9000");
        assert_eq!(s.public_url, "https://grants.example.kz");
        assert!(!s.public_url_derived);
    }

    #[test]
    fn the_default_settings_leave_the_public_url_to_the_bound_address() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("config");
        let s = Settings::load_from(&dir, "development").unwrap();
        assert_eq!(s.server.public_url, "");
    }
}
