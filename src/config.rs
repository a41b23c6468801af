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
}

#[derive(Debug, Clone, Deserialize)]
pub struct ServerSettings {
    pub bind: String,
    pub public_url: String,
    #[serde(default)]
    pub trusted_proxies: Vec<String>,
    pub body_limit_kib: usize,
    /// 0 means one worker per core.
    #[serde(default)]
    pub workers: usize,
}

impl ServerSettings {
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
    pub login_burst_per_account: u32,
    pub login_period_seconds_per_account: u64,
    pub login_burst_per_address: u32,
    pub login_period_seconds_per_address: u64,
    pub reset_token_minutes: i64,
    pub confirm_token_hours: i64,
    pub invitation_token_hours: i64,
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
}

#[derive(Debug, Clone, Deserialize)]
pub struct LogSettings {
    pub filter: String,
    pub format: String,
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
