//! Starts the real portal on a random port with its own fresh database (a temporary
//! SQLite file, or a new PostgreSQL database when TEST_POSTGRES_URL is set) and drives
//! it over HTTP with a cookie-keeping client.

use std::sync::LazyLock;
use std::time::Duration;

use diesel::connection::SimpleConnection;
use diesel::{Connection, PgConnection};
use grants::clock::Clock;
use grants::config::{MailTransportKind, Settings};
use grants::domain::access::Role;
use grants::email::SentMail;
use grants::i18n::Lang;
use grants::services::{accounts, Actor};
use grants::state::AppState;
use regex::Regex;
use reqwest::{redirect, Client, Response, StatusCode};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Db {
    Sqlite,
    Postgres,
}

pub const PASSWORD: &str = "steppe eagle over the caspian";

/// Runs a test body once on SQLite and once on PostgreSQL (when configured).
#[macro_export]
macro_rules! on_both_databases {
    ($($name:ident),* $(,)?) => {
        $(
            mod $name {
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn sqlite() {
                    let app = $crate::helpers::TestApp::spawn($crate::helpers::Db::Sqlite).await.expect("sqlite app");
                    super::$name(app).await;
                }
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn postgres() {
                    match $crate::helpers::TestApp::spawn($crate::helpers::Db::Postgres).await {
                        Some(app) => super::$name(app).await,
                        None => eprintln!("TEST_POSTGRES_URL not set: PostgreSQL variant not run"),
                    }
                }
            }
        )*
    };
}

pub struct TestApp {
    pub address: String,
    /// The separate metrics listener (`http://127.0.0.1:<port>`).
    pub metrics_address: Option<String>,
    pub state: actix_web::web::Data<AppState>,
    pub client: Client,
    pub clock: Clock,
    pub database_url: String,
    _dir: tempfile::TempDir,
    pg: Option<PgDatabase>,
}

struct PgDatabase {
    admin_url: String,
    name: String,
}

impl Drop for PgDatabase {
    fn drop(&mut self) {
        let admin_url = self.admin_url.clone();
        let name = self.name.clone();
        // Dropping runs on a plain thread: no async runtime is needed for it.
        let _ = std::thread::spawn(move || {
            if let Ok(mut conn) = PgConnection::establish(&admin_url) {
                let _ =
                    conn.batch_execute(&format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"));
            }
        })
        .join();
    }
}

static LINK: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"https?://[^\s]+").unwrap());
pub(crate) static CSRF: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"name="csrf_token" value="([^"]+)""#).unwrap());

pub fn new_client() -> Client {
    Client::builder()
        .cookie_store(true)
        .redirect(redirect::Policy::none())
        .timeout(Duration::from_secs(30))
        .build()
        .unwrap()
}

fn base_settings(dir: &std::path::Path) -> Settings {
    let config_dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("config");
    let mut s = Settings::load_from(&config_dir, "test").expect("test settings");
    s.server.bind = "127.0.0.1:0".into();
    s.server.public_url = "http://127.0.0.1".into();
    s.server.workers = 2;
    s.data.dir = dir.to_path_buf();
    s.mail.transport = MailTransportKind::Memory;
    s.mail.file_dir = dir.join("mail");
    s.mail.worker_interval_ms = 50;
    s.mail.retry_base_seconds = 30;
    s.database.pool_size = 4;
    // Generous so that tests logging in many times are not throttled; the throttling
    // tests set their own limits.
    s.security.login_max_failures_per_address = 10_000;
    s.security.login_max_failures_per_account = 1_000;
    s.security.login_max_failures_per_account_total = 10_000;
    s.security.emails_per_hour = 1_000;
    s
}

impl TestApp {
    pub async fn spawn(db: Db) -> Option<TestApp> {
        Self::spawn_with(db, |_| {}).await
    }

    pub async fn spawn_with(db: Db, customise: impl FnOnce(&mut Settings)) -> Option<TestApp> {
        let dir = tempfile::tempdir().unwrap();
        let mut settings = base_settings(dir.path());
        let mut pg = None;
        match db {
            Db::Sqlite => {
                settings.database.url = format!("sqlite://{}", dir.path().join("test.db").display())
            }
            Db::Postgres => {
                let admin_url = std::env::var("TEST_POSTGRES_URL")
                    .ok()
                    .filter(|u| !u.is_empty())?;
                let name = format!("grants_test_{}", uuid::Uuid::new_v4().simple());
                let mut conn =
                    PgConnection::establish(&admin_url).expect("TEST_POSTGRES_URL reachable");
                conn.batch_execute(&format!("CREATE DATABASE \"{name}\""))
                    .unwrap();
                let mut url = url::Url::parse(&admin_url).unwrap();
                url.set_path(&format!("/{name}"));
                settings.database.url = url.to_string();
                pg = Some(PgDatabase { admin_url, name });
            }
        }
        customise(&mut settings);
        LazyLock::force(&CAPTURED_LOGS);
        let database_url = settings.database.url.clone();
        let clock = Clock::system();
        let app = grants::Application::build_with_clock(settings, clock.clone())
            .await
            .expect("app builds");
        let address = format!("http://127.0.0.1:{}", app.port());
        let metrics_address = app.metrics_port().map(|p| format!("http://127.0.0.1:{p}"));
        let state = app.state();
        tokio::spawn(app.run_until_stopped());
        Some(TestApp {
            address,
            metrics_address,
            state,
            client: new_client(),
            clock,
            database_url,
            _dir: dir,
            pg,
        })
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.address, path)
    }

    pub async fn get(&self, path: &str) -> Response {
        self.client.get(self.url(path)).send().await.unwrap()
    }

    pub async fn get_with(&self, client: &Client, path: &str) -> Response {
        client.get(self.url(path)).send().await.unwrap()
    }

    /// The CSRF token of this client's session (from a rendered form: the login page,
    /// the home page, or — for staff who must enrol first — the enrolment page).
    pub async fn csrf_token_of(&self, client: &Client) -> String {
        for path in ["/login", "/", "/account/two-factor"] {
            let html = client
                .get(self.url(path))
                .send()
                .await
                .unwrap()
                .text()
                .await
                .unwrap();
            if let Some(c) = CSRF.captures(&html) {
                return c[1].to_string();
            }
        }
        panic!("a csrf token on the page")
    }

    /// Posts a form with this client's CSRF token added.
    pub async fn post_form_with(
        &self,
        client: &Client,
        path: &str,
        fields: &[(&str, &str)],
    ) -> Response {
        let token = self.csrf_token_of(client).await;
        let mut body: Vec<(&str, &str)> = fields.to_vec();
        body.push(("csrf_token", &token));
        client
            .post(self.url(path))
            .form(&body)
            .send()
            .await
            .unwrap()
    }

    pub async fn post_form(&self, path: &str, fields: &[(&str, &str)]) -> Response {
        self.post_form_with(&self.client, path, fields).await
    }

    /// Creates a confirmed user with `PASSWORD` directly through the service.
    pub async fn create_user(&self, email: &str, role: Role) -> String {
        let user = accounts::create_user(
            &self.state,
            &Actor::system("test"),
            email,
            "Test User",
            role,
            Some(PASSWORD.into()),
            Lang::En,
        )
        .await
        .expect("user created");
        user.id
    }

    pub async fn login_with(&self, client: &Client, email: &str, password: &str) -> Response {
        self.post_form_with(
            client,
            "/login",
            &[("email", email), ("password", password)],
        )
        .await
    }

    /// Logs the shared client in and asserts it worked.
    pub async fn login(&self, email: &str) {
        let res = self.login_with(&self.client, email, PASSWORD).await;
        assert_eq!(
            res.status(),
            StatusCode::SEE_OTHER,
            "login of {email} failed"
        );
    }

    /// A new client, logged in as a new user of `role`.
    pub async fn client_as(&self, role: Role) -> (Client, String) {
        let email = format!(
            "{}-{}@example.kz",
            role.as_str(),
            uuid::Uuid::new_v4().simple()
        );
        let id = self.create_user(&email, role).await;
        let client = new_client();
        let res = self.login_with(&client, &email, PASSWORD).await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        (client, id)
    }

    pub fn sent_mail(&self) -> Vec<SentMail> {
        self.state
            .memory_mailbox
            .as_ref()
            .expect("memory mailer")
            .all()
    }

    /// Waits (up to 10 s) for the worker to send a message to `to` whose subject
    /// contains `subject`, and returns it.
    pub async fn wait_for_mail(&self, to: &str, subject: &str) -> SentMail {
        for _ in 0..200 {
            if let Some(m) = self
                .sent_mail()
                .into_iter()
                .rev()
                .find(|m| m.to == to && m.subject.contains(subject))
            {
                return m;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!(
            "no mail to {to} about {subject:?}; sent: {:?}",
            self.sent_mail()
                .iter()
                .map(|m| (&m.to, &m.subject))
                .collect::<Vec<_>>()
        );
    }

    /// The path and query of the first link in a message.
    pub fn link_in(mail: &SentMail) -> String {
        let link = LINK.find(&mail.body).expect("a link in the mail").as_str();
        let url = url::Url::parse(link).unwrap();
        format!("{}?{}", url.path(), url.query().unwrap_or(""))
    }

    pub fn token_in_link(path: &str) -> String {
        path.split("token=").nth(1).unwrap().to_string()
    }

    /// Runs SQL directly on the test database (to tamper with rows, say).
    pub fn execute_sql(&self, sql: &str) {
        let pool = self.state.pool.clone();
        let mut conn = pool.get().unwrap();
        conn.batch_execute(sql).unwrap();
    }

    /// Runs SQL directly, returning the database's refusal if any.
    pub fn try_execute_sql(&self, sql: &str) -> Result<(), diesel::result::Error> {
        let pool = self.state.pool.clone();
        let mut conn = pool.get().unwrap();
        conn.batch_execute(sql)
    }

    pub async fn audit_actions(&self) -> Vec<String> {
        let pool = self.state.pool.clone();
        tokio::task::spawn_blocking(move || {
            let mut conn = pool.get().unwrap();
            grants::db::audit::chain_page(&mut conn, 0, 100_000)
                .unwrap()
                .into_iter()
                .map(|e| e.action)
                .collect()
        })
        .await
        .unwrap()
    }

    pub async fn verify_audit(&self) -> Result<i64, grants::domain::audit::ChainBreak> {
        let pool = self.state.pool.clone();
        let key = self
            .state
            .secrets
            .key_bytes(grants::secrets::Purpose::AuditChain);
        tokio::task::spawn_blocking(move || {
            let mut conn = pool.get().unwrap();
            grants::services::audit::verify(&mut conn, &key).unwrap()
        })
        .await
        .unwrap()
    }

    pub fn has_pg(&self) -> bool {
        self.pg.is_some()
    }
}

pub async fn body(res: Response) -> String {
    let html = res.text().await.unwrap();
    assert_page_is_well_formed(&html);
    // Amounts and dates hold together with no-break spaces; tests read them as spaces.
    html.replace('\u{a0}', " ")
}

/// Checks every page a test reads: each link of the error summary leads to an element of
/// the page, and no id is used twice (a label would focus the wrong input).
pub fn assert_page_is_well_formed(html: &str) {
    if !html.starts_with("<!doctype html>") {
        return;
    }
    let ids: Vec<&str> = html
        .split(" id=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .collect();
    let mut seen = std::collections::HashSet::new();
    for id in &ids {
        assert!(seen.insert(*id), "the id {id} is used twice in the page");
    }
    if let Some(summary) = html.split("class=\"error-summary\"").nth(1) {
        let summary = summary.split("</div>").next().unwrap_or_default();
        for target in summary.split("href=\"#").skip(1) {
            let target = target.split('"').next().unwrap_or_default();
            assert!(
                seen.contains(target),
                "the error summary links to #{target}, which is not in the page"
            );
        }
    }
}

pub fn location(res: &Response) -> String {
    res.headers()
        .get("location")
        .map(|v| v.to_str().unwrap().to_string())
        .unwrap_or_default()
}

/// Everything the portal logs during the test run (one subscriber for the process).
pub static CAPTURED_LOGS: LazyLock<std::sync::Arc<std::sync::Mutex<Vec<u8>>>> =
    LazyLock::new(|| {
        let buffer = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let sink = buffer.clone();
        let _ = tracing_subscriber::fmt()
            .with_env_filter("info")
            .with_ansi(false)
            .with_writer(move || LogWriter(sink.clone()))
            .try_init();
        buffer
    });

struct LogWriter(std::sync::Arc<std::sync::Mutex<Vec<u8>>>);

impl std::io::Write for LogWriter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

pub fn captured_logs() -> String {
    String::from_utf8_lossy(&CAPTURED_LOGS.lock().unwrap()).to_string()
}

/// Writes a page to `$DUMP_PAGES/<name>.html` when that variable is set, so that pages
/// built by a test can be checked in a real browser (axe-core) afterwards.
pub fn dump_page(name: &str, html: &str) {
    if let Ok(dir) = std::env::var("DUMP_PAGES") {
        let _ = std::fs::create_dir_all(&dir);
        let _ = std::fs::write(
            std::path::Path::new(&dir).join(format!("{name}.html")),
            html,
        );
    }
}
