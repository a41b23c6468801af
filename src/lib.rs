//! The KAZLOD grants portal: calls for proposals, applications, evaluation and grant
//! contracts of the EU–Kazakhstan programme "Support to local development" (DESIGN.md).
#![forbid(unsafe_code)]

pub mod clock;
pub mod config;
pub mod db;
pub mod domain;
pub mod email;
pub mod error;
pub mod i18n;
pub mod jobs;
pub mod secrets;
pub mod services;
pub mod state;
pub mod storage;
pub mod telemetry;
pub mod views;
pub mod web;

use std::net::TcpListener;
use std::path::Path;
use std::sync::Arc;

use actix_web::cookie::Key;
use actix_web::middleware::from_fn;
use actix_web::{web as aweb, App, HttpServer};
use anyhow::Context as _;
use base64::Engine;
use rust_embed::RustEmbed;

use crate::clock::Clock;
use crate::config::{MailTransportKind, Settings};
use crate::email::{Mailer, MemoryMailbox};
use crate::state::AppState;

#[derive(RustEmbed)]
#[folder = "templates/"]
struct TemplateFiles;

/// Loads every template (embedded in release builds, read from disk in debug builds)
/// and registers the translation function `t`.
pub fn load_templates() -> anyhow::Result<tera::Tera> {
    let mut tera = tera::Tera::default();
    let mut files = Vec::new();
    for name in TemplateFiles::iter() {
        let file = TemplateFiles::get(&name).context("template vanished")?;
        let text = String::from_utf8(file.data.into_owned()).context("template is not UTF-8")?;
        files.push((name.to_string(), text));
    }
    tera.add_raw_templates(files)
        .map_err(|e| anyhow::anyhow!("templates: {e:?}"))?;
    tera.autoescape_on(vec![".html", ".xml", ".svg"]);
    tera.set_escape_fn(escape_html);
    tera.register_function("t", i18n::tera_function());
    views::register_filters(&mut tera);
    Ok(tera)
}

/// HTML escaping for text and quoted attribute values: & < > " ' (tera's default also
/// escapes '/', which only makes references like "EuropeAid/150123" unreadable in source).
pub fn escape_html(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    for c in input.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#x27;"),
            _ => out.push(c),
        }
    }
    out
}

/// The cookie key: from settings, else from `<data>/session.key`, created once.
fn session_key(settings: &Settings) -> anyhow::Result<Key> {
    let b64 = base64::engine::general_purpose::STANDARD;
    if !settings.session.key.trim().is_empty() {
        let bytes = b64
            .decode(settings.session.key.trim())
            .context("session.key is not base64")?;
        anyhow::ensure!(bytes.len() >= 64, "session.key must hold at least 64 bytes");
        return Ok(Key::from(&bytes));
    }
    let path = settings.data.dir.join("session.key");
    if let Ok(text) = std::fs::read_to_string(&path) {
        let bytes = b64
            .decode(text.trim())
            .context("session.key file is not base64")?;
        if bytes.len() >= 64 {
            return Ok(Key::from(&bytes));
        }
    }
    std::fs::create_dir_all(&settings.data.dir)?;
    let key = Key::generate();
    write_private_file(&path, &b64.encode(key.master()))?;
    Ok(key)
}

pub(crate) fn write_private_file(path: &Path, content: &str) -> anyhow::Result<()> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut f = options
        .open(path)
        .with_context(|| format!("cannot write {}", path.display()))?;
    f.write_all(content.as_bytes())?;
    Ok(())
}

/// Opens the database, checks its schema (applying pending migrations when
/// `database.migrate_on_start` is on; see `db::prepare_schema`) and builds the shared
/// state.
pub fn build_state(settings: Settings, clock: Clock) -> anyhow::Result<AppState> {
    Ok(open_state(settings, clock)?.0)
}

/// `build_state`, also naming the migrations it applied (commands say how many).
pub fn open_state(mut settings: Settings, clock: Clock) -> anyhow::Result<(AppState, Vec<String>)> {
    // Commands that mail links (demo, user add, watch) use the configured address.
    let bind = settings.server.bind.clone();
    settings.server.derive_public_url(&bind);
    telemetry::install_query_counting();
    let pool = db::build_pool(&settings.database.url, settings.database.pool_size)?;
    let backend = db::parse_database_url(&settings.database.url)
        .map_err(anyhow::Error::msg)?
        .0;
    let applied = {
        let mut conn = pool.get().context("cannot connect to the database")?;
        let applied = db::prepare_schema(&mut conn, settings.database.migrate_on_start)?;
        for m in &applied {
            tracing::info!(migration = %m, "migration applied");
        }
        applied
    };
    let memory_mailbox =
        (settings.mail.transport == MailTransportKind::Memory).then(MemoryMailbox::default);
    let secrets = secrets::Secrets::load(&settings.security.secret_key, &settings.data.dir)?;
    let documents = storage::Documents::from_settings(&settings.storage, &settings.data.dir)?;
    let state = AppState {
        db_slots: Arc::new(tokio::sync::Semaphore::new(
            settings.database.pool_size.max(1) as usize,
        )),
        documents,
        secrets,
        templates: load_templates()?,
        passwords: services::passwords::PasswordHasher::new(),
        mail_wakeup: Arc::new(tokio::sync::Notify::new()),
        node_id: uuid::Uuid::new_v4().to_string(),
        stopping: Arc::new(std::sync::atomic::AtomicBool::new(false)),
        memory_mailbox,
        settings,
        pool,
        backend,
        clock,
    };
    Ok((state, applied))
}

/// A running portal: the HTTP server, the metrics listener, the worker and the shared
/// state.
pub struct Application {
    port: u16,
    metrics_port: Option<u16>,
    server: actix_web::dev::Server,
    metrics_server: Option<actix_web::dev::Server>,
    worker: Option<tokio::task::JoinHandle<()>>,
    state: aweb::Data<AppState>,
}

impl Application {
    pub async fn build(settings: Settings) -> anyhow::Result<Application> {
        Self::build_with_clock(settings, Clock::system()).await
    }

    pub async fn build_with_clock(
        mut settings: Settings,
        clock: Clock,
    ) -> anyhow::Result<Application> {
        let bind = settings.server.bind.clone();
        let listener =
            TcpListener::bind(&bind).with_context(|| format!("cannot listen on {bind}"))?;
        let bound = listener.local_addr()?;
        let port = bound.port();
        settings.server.derive_public_url(&bound.to_string());
        let key = session_key(&settings)?;
        let state_settings = settings.clone();
        let state =
            tokio::task::spawn_blocking(move || build_state(state_settings, clock)).await??;
        let state = aweb::Data::new(state);
        let mailer = Mailer::from_settings(
            &state.settings.mail,
            &state.settings.data.dir,
            state.memory_mailbox.clone(),
        )?;
        let worker = state.settings.worker.enabled.then(|| {
            let worker_state: Arc<AppState> = state.clone().into_inner();
            tokio::spawn(jobs::run_worker(worker_state, mailer))
        });
        telemetry::handle();
        let metrics_bind = settings.metrics.bind.trim();
        let metrics_listener = match TcpListener::bind(metrics_bind) {
            _ if metrics_bind.is_empty() => None, // no separate listener wanted
            Ok(listener) => Some(listener),
            Err(e) if !settings.metrics.required => {
                tracing::warn!(
                    address = metrics_bind,
                    error = %e,
                    "metrics listener not started: the address is in use or not allowed \
                     (serving without it; set metrics.bind to another address, or \
                     metrics.required = true to refuse to start)"
                );
                None
            }
            Err(e) => {
                return Err(anyhow::Error::new(e)
                    .context(format!("cannot listen on {metrics_bind} (metrics.bind)")))
            }
        };
        let (metrics_server, metrics_port) = if let Some(listener) = metrics_listener {
            let port = listener.local_addr()?.port();
            let metrics_state = state.clone();
            let server = HttpServer::new(move || {
                App::new()
                    .app_data(metrics_state.clone())
                    .route("/metrics", aweb::get().to(web::operations::scrape_local))
                    .default_service(aweb::to(actix_web::HttpResponse::NotFound))
            })
            .workers(1)
            .disable_signals()
            .listen(listener)?
            .run();
            (Some(server), Some(port))
        } else {
            (None, None)
        };

        let specs = web::routes::all();
        let table = aweb::Data::new(web::routes::RouteTable::new(&specs));
        let limit = settings.server.body_limit_bytes();
        let workers = match settings.server.workers {
            0 => std::thread::available_parallelism()
                .map(|n| n.get())
                .unwrap_or(2),
            n => n,
        };
        let server_state = state.clone();
        let server = HttpServer::new(move || {
            let specs = specs.clone();
            App::new()
                .app_data(server_state.clone())
                .app_data(table.clone())
                .configure(|cfg| web::extractor_configs(cfg, limit))
                .configure(move |cfg| web::routes::register(cfg, &specs))
                .default_service(aweb::to(web::not_found))
                .wrap(from_fn(web::guard::access_guard))
                .wrap(from_fn(web::error_pages))
                .wrap(web::session_middleware(&server_state, key.clone()))
                .wrap(from_fn(web::security_headers))
                .wrap(from_fn(web::body_deadline))
                .wrap(from_fn(web::request_log))
        })
        .workers(workers)
        .client_request_timeout(std::time::Duration::from_secs(
            settings.server.request_timeout_seconds.max(1),
        ))
        .shutdown_timeout(settings.server.shutdown_timeout_seconds)
        .listen(listener)?
        .run();
        Ok(Application {
            port,
            metrics_port,
            server,
            metrics_server,
            worker,
            state,
        })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// The port of the separate metrics listener, when there is one.
    pub fn metrics_port(&self) -> Option<u16> {
        self.metrics_port
    }

    pub fn state(&self) -> aweb::Data<AppState> {
        self.state.clone()
    }

    /// Serves until SIGTERM or Ctrl+C: then no new connection is accepted, requests in
    /// flight get `server.shutdown_timeout_seconds` to finish, and the worker stops
    /// after the message it is sending (what is left stays queued for any node).
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        let metrics = self.metrics_server.map(|server| {
            let handle = server.handle();
            tokio::spawn(server);
            handle
        });
        let result = self.server.await;
        tracing::info!(node = %self.state.node_id, "requests finished; stopping the worker");
        self.state.stop_worker();
        if let Some(worker) = self.worker {
            let bound = std::time::Duration::from_secs(
                self.state.settings.mail.smtp_timeout_seconds.max(1) + 10,
            );
            if tokio::time::timeout(bound, worker).await.is_err() {
                tracing::warn!("the worker did not stop in time; its message stays leased until the lease ends");
            }
        }
        if let Some(metrics) = metrics {
            metrics.stop(true).await;
        }
        tracing::info!(node = %self.state.node_id, "portal stopped");
        result
    }
}

/// Sets up structured logging (UTC timestamps; JSON when `log.format = "json"`).
pub fn init_logging(settings: &Settings) {
    use tracing_subscriber::EnvFilter;
    let filter =
        EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(&settings.log.filter));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_target(false);
    let _ = if settings.log.format == "json" {
        // Each line carries the fields of its spans: the request id and the acting
        // user's id of the request, the job of the worker.
        builder
            .json()
            .with_current_span(false)
            .with_span_list(true)
            .try_init()
    } else {
        builder.try_init()
    };
}

#[cfg(test)]
mod tests {
    #[test]
    fn html_special_characters_are_escaped() {
        assert_eq!(
            super::escape_html(r#"<a href="x" onclick='y'>&</a>"#),
            "&lt;a href=&quot;x&quot; onclick=&#x27;y&#x27;&gt;&amp;&lt;/a&gt;"
        );
        assert_eq!(super::escape_html("EuropeAid/150123"), "EuropeAid/150123");
    }

    #[test]
    fn every_template_parses() {
        super::load_templates().unwrap();
    }
}
