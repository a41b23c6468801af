//! What an operator relies on: `/metrics`, the request's span in every log line, the
//! slow-request line, and the schema check at start.

use reqwest::StatusCode;

use crate::helpers::{captured_logs, new_client, Db, TestApp, PASSWORD};
use crate::on_both_databases;

on_both_databases!(
    metrics_count_requests_by_route_pattern_and_show_the_queue_and_pool,
    a_database_migrated_by_a_newer_release_is_refused,
    a_node_that_may_not_migrate_refuses_a_database_that_needs_it,
);

pub(crate) async fn scrape(app: &TestApp) -> String {
    let address = app.metrics_address.as_ref().expect("a metrics listener");
    let res = new_client()
        .get(format!("{address}/metrics"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert!(res.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/plain; version=0.0.4"));
    res.text().await.unwrap()
}

/// The value of a series (the first line starting with `series`), 0 when absent.
pub(crate) fn value_of(text: &str, series: &str) -> f64 {
    text.lines()
        .find(|l| l.starts_with(series))
        .and_then(|l| l.rsplit(' ').next())
        .map(|v| v.parse().unwrap())
        .unwrap_or(0.0)
}

async fn metrics_count_requests_by_route_pattern_and_show_the_queue_and_pool(app: TestApp) {
    let raw = uuid::Uuid::new_v4().to_string();
    let before = scrape(&app).await;
    let series = r#"grants_http_requests_total{method="GET",route="/calls/{id}",status="404"}"#;
    let failures_before = value_of(&before, "grants_login_failures_total");
    assert_eq!(
        app.get(&format!("/calls/{raw}")).await.status(),
        StatusCode::NOT_FOUND
    );
    let email = format!("ops-{}@example.kz", uuid::Uuid::new_v4().simple());
    app.create_user(&email, grants::domain::access::Role::Applicant)
        .await;
    let res = app
        .login_with(&new_client(), &email, "not the password at all")
        .await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    let text = scrape(&app).await;
    // The route pattern, never the raw path: series stay bounded whatever is asked.
    assert!(
        value_of(&text, series) >= value_of(&before, series) + 1.0,
        "{text}"
    );
    assert!(!text.contains(&raw), "a raw path became a label");
    assert!(text.contains(
        r#"grants_http_request_duration_seconds_bucket{method="GET",route="/calls/{id}",le="0.005"}"#
    ));
    assert!(value_of(&text, "grants_login_failures_total") >= failures_before + 1.0);
    for series in [
        r#"grants_db_pool_connections{state="in_use"}"#,
        r#"grants_db_pool_connections{state="max"}"#,
        "grants_db_pool_waiting",
        r#"grants_outbox_messages{status="queued"}"#,
        r#"grants_outbox_messages{status="sent"}"#,
        r#"grants_outbox_messages{status="failed"}"#,
        "grants_outbox_due_messages",
        "grants_outbox_oldest_queued_age_seconds",
        r#"grants_job_runs_total{job="outbox"}"#,
        "grants_db_queries_total",
    ] {
        assert!(text.contains(series), "{series} missing:\n{text}");
    }
    assert_eq!(
        value_of(&text, r#"grants_db_pool_connections{state="max"}"#),
        f64::from(app.state.settings.database.pool_size)
    );
    // Without a token the portal's own address has no /metrics.
    assert_eq!(app.get("/metrics").await.status(), StatusCode::NOT_FOUND);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn metrics_on_the_portal_address_need_the_token() {
    let token = "a-long-random-scrape-token-0123456789";
    let app = TestApp::spawn_with(Db::Sqlite, |s| s.metrics.token = token.into())
        .await
        .unwrap();
    let get = |auth: Option<&'static str>| {
        let mut req = new_client().get(app.url("/metrics"));
        if let Some(a) = auth {
            req = req.header("authorization", a);
        }
        req.send()
    };
    assert_eq!(get(None).await.unwrap().status(), StatusCode::UNAUTHORIZED);
    assert_eq!(
        get(Some("Bearer a-long-random-scrape-token-012345678"))
            .await
            .unwrap()
            .status(),
        StatusCode::UNAUTHORIZED
    );
    let res = get(Some("Bearer a-long-random-scrape-token-0123456789"))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert!(res.text().await.unwrap().contains("grants_outbox_messages"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn queued_mail_shows_in_the_outbox_figures() {
    // No worker: what is queued stays queued.
    let app = TestApp::spawn_with(Db::Sqlite, |s| s.worker.enabled = false)
        .await
        .unwrap();
    let email = format!("queue-{}@example.kz", uuid::Uuid::new_v4().simple());
    app.create_user(&email, grants::domain::access::Role::Applicant)
        .await;
    let res = app
        .post_form("/forgot-password", &[("email", email.as_str())])
        .await;
    assert!(res.status().is_redirection() || res.status().is_success());
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    let text = scrape(&app).await;
    assert!(
        value_of(&text, r#"grants_outbox_messages{status="queued"}"#) >= 1.0,
        "{text}"
    );
    assert!(value_of(&text, "grants_outbox_due_messages") >= 1.0);
    assert!(value_of(&text, "grants_outbox_oldest_queued_age_seconds") >= 1.0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_line_of_a_request_carries_its_id_and_user_and_slow_ones_their_sql_count() {
    let app = TestApp::spawn_with(Db::Sqlite, |s| {
        s.log.slow_request_ms = 0;
        s.security.login_max_failures_per_account = 1;
    })
    .await
    .unwrap();
    let email = format!("trace-{}@example.kz", uuid::Uuid::new_v4().simple());
    let user = app
        .create_user(&email, grants::domain::access::Role::Applicant)
        .await;
    // A signed-in request: its span names the user by id, never by email.
    let client = new_client();
    assert_eq!(
        app.login_with(&client, &email, PASSWORD).await.status(),
        StatusCode::SEE_OTHER
    );
    let res = app.get_with(&client, "/account").await;
    let id = res.headers()["x-request-id"].to_str().unwrap().to_string();
    let logs = captured_logs();
    let lines: Vec<&str> = logs.lines().filter(|l| l.contains(&id)).collect();
    let slow = lines
        .iter()
        .find(|l| l.contains("slow request"))
        .unwrap_or_else(|| panic!("no slow-request line for {id}: {lines:?}"));
    assert!(slow.contains(&format!("user=\"{user}\"")), "{slow}");
    assert!(slow.contains("route=/account"), "{slow}");
    let queries: u64 = slow
        .split("sql_queries=")
        .nth(1)
        .and_then(|r| r.split(' ').next())
        .unwrap()
        .parse()
        .unwrap();
    assert!(queries > 0, "{slow}");
    assert!(!logs.contains(&email), "an email in the logs");
    // A line written inside a service (the throttled sign-in) sits in the request's
    // span and the service's own span.
    let stranger = new_client();
    app.login_with(&stranger, &email, "wrong one").await;
    let res = app.login_with(&stranger, &email, "wrong two").await;
    let id = res.headers()["x-request-id"].to_str().unwrap().to_string();
    let logs = captured_logs();
    let throttled = logs
        .lines()
        .find(|l| l.contains("sign-in throttled") && l.contains(&id))
        .unwrap_or_else(|| panic!("no throttled line in request {id}"));
    assert!(throttled.contains(":login:"), "{throttled}");
}

async fn a_database_migrated_by_a_newer_release_is_refused(app: TestApp) {
    app.execute_sql("INSERT INTO __diesel_schema_migrations (version) VALUES ('20991231000000')");
    let settings = app.state.settings.clone();
    let refused = tokio::task::spawn_blocking(move || {
        grants::build_state(settings, grants::clock::Clock::system())
    })
    .await
    .unwrap()
    .err()
    .expect("refused");
    let message = format!("{refused:#}");
    assert!(message.contains("newer release"), "{message}");
    assert!(message.contains("20991231000000"), "{message}");
    // `grants migrate` refuses it too: there is no going back by migration.
    let out = crate::cli::grants(&app, &["migrate"], None);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("newer release"));
}

async fn a_node_that_may_not_migrate_refuses_a_database_that_needs_it(app: TestApp) {
    // The newest migration is made "not applied" again.
    app.execute_sql(
        "DELETE FROM __diesel_schema_migrations WHERE version = \
         (SELECT MAX(version) FROM __diesel_schema_migrations)",
    );
    let mut settings = app.state.settings.clone();
    settings.database.migrate_on_start = false;
    let refused = tokio::task::spawn_blocking(move || {
        grants::build_state(settings, grants::clock::Clock::system())
    })
    .await
    .unwrap()
    .err()
    .expect("refused");
    let message = format!("{refused:#}");
    assert!(message.contains("needs 1 migration"), "{message}");
    assert!(message.contains("grants migrate"), "{message}");
}

/// Nodes started together on an empty PostgreSQL database (and `grants migrate` beside
/// them) take turns: every migration is applied once and every start succeeds.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn nodes_starting_together_migrate_once() {
    use diesel::{Connection, RunQueryDsl};
    let Some(admin) = std::env::var("TEST_POSTGRES_URL")
        .ok()
        .filter(|u| !u.is_empty())
    else {
        eprintln!("TEST_POSTGRES_URL not set: parallel migration not tested");
        return;
    };
    let name = format!("grants_race_{}", uuid::Uuid::new_v4().simple());
    let mut conn = diesel::PgConnection::establish(&admin).unwrap();
    diesel::sql_query(format!("CREATE DATABASE \"{name}\""))
        .execute(&mut conn)
        .unwrap();
    let mut url = url::Url::parse(&admin).unwrap();
    url.set_path(&format!("/{name}"));
    let url = url.to_string();
    let starts: Vec<_> = (0..6)
        .map(|_| {
            let url = url.clone();
            std::thread::spawn(move || {
                let pool = grants::db::build_pool(&url, 1)?;
                let mut conn = pool.get()?;
                grants::db::prepare_schema(&mut conn, true)
            })
        })
        .collect();
    let applied: Vec<Vec<String>> = starts
        .into_iter()
        .map(|t| t.join().unwrap().expect("every start succeeds"))
        .collect();
    let total: usize = applied.iter().map(Vec::len).sum();
    let known = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/migrations/postgres"))
        .unwrap()
        .filter(|e| e.as_ref().unwrap().path().is_dir())
        .count();
    assert_eq!(total, known, "each migration applied once: {applied:?}");
    assert_eq!(
        applied.iter().filter(|a| !a.is_empty()).count(),
        1,
        "one start applied them, the others found the schema ready"
    );
    diesel::sql_query(format!("DROP DATABASE \"{name}\" WITH (FORCE)"))
        .execute(&mut conn)
        .unwrap();
}
