//! Account defects found in review: throttling that saved no work and locked owners
//! out, credentials that outlived a change, tokens that never expired, pre-hijacked
//! accounts, typed text in the audit log, secrets kept in the outbox, an audit chain
//! anyone with database access could rewrite.

use chrono::Duration;
use grants::domain::access::Role;
use reqwest::{Response, StatusCode};
use serde_json::{json, Value};

use crate::helpers::{body, location, new_client, Db, TestApp, PASSWORD};
use crate::on_both_databases;

on_both_databases!(
    credential_changes_end_the_other_credentials,
    api_tokens_expire,
    an_unconfirmed_account_gets_no_role_and_an_invitation_takes_it_over,
    an_expired_registration_can_be_registered_again_and_is_removed,
    a_failed_sign_in_never_stores_what_was_typed,
    sent_mail_keeps_no_secret_link_and_old_mail_is_removed,
    the_audit_chain_is_keyed_and_checkpoints_catch_a_removed_tail,
);

/// Limits small enough to reach, with 127.0.0.1 trusted to say who the client is.
async fn throttled_app(db: Db) -> Option<TestApp> {
    TestApp::spawn_with(db, |s| {
        s.server.trusted_proxies = vec!["127.0.0.1".into()];
        s.security.login_max_failures_per_account = 3;
        s.security.login_max_failures_per_account_total = 6;
        s.security.login_max_failures_per_address = 1_000;
        s.security.check_max_failures = 3;
    })
    .await
}

async fn login_from(app: &TestApp, address: &str, email: &str, password: &str) -> Response {
    let client = new_client();
    let token = app.csrf_token_of(&client).await;
    client
        .post(app.url("/login"))
        .header("x-forwarded-for", address)
        .form(&[
            ("email", email),
            ("password", password),
            ("csrf_token", &token),
        ])
        .send()
        .await
        .unwrap()
}

fn count_rows(app: &TestApp, table: &str) -> i64 {
    use diesel::prelude::*;
    #[derive(QueryableByName)]
    struct Count {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        n: i64,
    }
    let mut conn = app.state.pool.get().unwrap();
    diesel::sql_query(format!("SELECT COUNT(*) AS n FROM {table}"))
        .get_result::<Count>(&mut conn)
        .unwrap()
        .n
}

async fn only_failures_count_and_a_stranger_cannot_lock_the_owner_out(app: TestApp) {
    app.create_user("owner@example.kz", Role::Applicant).await;
    // Successes never count.
    for _ in 0..5 {
        assert_eq!(
            login_from(&app, "10.0.0.1", "owner@example.kz", PASSWORD)
                .await
                .status(),
            StatusCode::SEE_OTHER
        );
    }
    for _ in 0..3 {
        let res = login_from(
            &app,
            "10.0.0.1",
            "owner@example.kz",
            "a wrong password here",
        )
        .await;
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    }
    // The fourth try from that address is refused before any hashing: nothing is
    // written, not even an audit event.
    let (events, attempts) = (
        count_rows(&app, "audit_events"),
        count_rows(&app, "auth_attempts"),
    );
    let refused = login_from(&app, "10.0.0.1", "owner@example.kz", PASSWORD).await;
    assert_eq!(refused.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(count_rows(&app, "audit_events"), events);
    assert_eq!(count_rows(&app, "auth_attempts"), attempts);
    // An unknown account gets the same answer.
    for _ in 0..3 {
        login_from(
            &app,
            "10.0.0.1",
            "ghost@example.kz",
            "a wrong password here",
        )
        .await;
    }
    let ghost = login_from(&app, "10.0.0.1", "ghost@example.kz", PASSWORD).await;
    assert_eq!(ghost.status(), StatusCode::TOO_MANY_REQUESTS);
    let re = regex::Regex::new(r#"value="[^"]*""#).unwrap();
    assert_eq!(
        re.replace_all(&body(refused).await, "")
            .replace("owner@example.kz", "E"),
        re.replace_all(&body(ghost).await, "")
            .replace("ghost@example.kz", "E")
    );
    // The owner, from an address that has not failed, signs in; that clears the count.
    assert_eq!(
        login_from(&app, "10.0.0.2", "owner@example.kz", PASSWORD)
            .await
            .status(),
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        login_from(&app, "10.0.0.1", "owner@example.kz", PASSWORD)
            .await
            .status(),
        StatusCode::SEE_OTHER
    );
    // A stranger guessing from many addresses: past the account's total, every address
    // that failed is refused, and the owner at home is not.
    for i in 0..6 {
        let res = login_from(
            &app,
            &format!("10.1.0.{i}"),
            "owner@example.kz",
            "guess guess guess",
        )
        .await;
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    }
    assert_eq!(
        login_from(&app, "10.1.0.0", "owner@example.kz", PASSWORD)
            .await
            .status(),
        StatusCode::TOO_MANY_REQUESTS
    );
    assert_eq!(
        login_from(&app, "10.0.0.3", "owner@example.kz", PASSWORD)
            .await
            .status(),
        StatusCode::SEE_OTHER
    );
    // A completed reset clears the count too.
    for i in 0..6 {
        login_from(
            &app,
            &format!("10.2.0.{i}"),
            "owner@example.kz",
            "guess guess guess",
        )
        .await;
    }
    app.post_form("/forgot-password", &[("email", "owner@example.kz")])
        .await;
    let link = TestApp::link_in(&app.wait_for_mail("owner@example.kz", "new password").await);
    let res = app
        .post_form(
            "/reset-password",
            &[
                ("token", &TestApp::token_in_link(&link)),
                ("password", "a brand new steppe passphrase"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        login_from(
            &app,
            "10.2.0.0",
            "owner@example.kz",
            "a brand new steppe passphrase"
        )
        .await
        .status(),
        StatusCode::SEE_OTHER
    );
}

async fn the_current_password_check_is_throttled_and_audited(app: TestApp) {
    app.create_user("checked@example.kz", Role::Applicant).await;
    app.login("checked@example.kz").await;
    for _ in 0..3 {
        let res = app
            .post_form(
                "/account/password",
                &[
                    ("current_password", "not my password at all"),
                    ("password", "a new long passphrase here"),
                ],
            )
            .await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    }
    let res = app
        .post_form(
            "/account/password",
            &[
                ("current_password", PASSWORD),
                ("password", "a new long passphrase here"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body(res).await.contains("Too many wrong passwords"));
    let failures = app
        .audit_actions()
        .await
        .iter()
        .filter(|a| *a == "user.current_password_failed")
        .count();
    assert_eq!(failures, 3);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn throttling_on_sqlite() {
    let app = throttled_app(Db::Sqlite).await.unwrap();
    only_failures_count_and_a_stranger_cannot_lock_the_owner_out(app).await;
    let app = throttled_app(Db::Sqlite).await.unwrap();
    the_current_password_check_is_throttled_and_audited(app).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn throttling_on_postgres() {
    if let Some(app) = throttled_app(Db::Postgres).await {
        only_failures_count_and_a_stranger_cannot_lock_the_owner_out(app).await;
    }
    if let Some(app) = throttled_app(Db::Postgres).await {
        the_current_password_check_is_throttled_and_audited(app).await;
    }
}

pub(crate) async fn token_of(app: &TestApp, email: &str, password: &str) -> String {
    let res = new_client()
        .post(app.url("/api/v1/tokens"))
        .json(&json!({"email": email, "password": password}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::CREATED);
    res.json::<Value>().await.unwrap()["token"]
        .as_str()
        .unwrap()
        .to_string()
}

async fn works(app: &TestApp, token: &str) -> bool {
    new_client()
        .get(app.url("/api/v1/me"))
        .bearer_auth(token)
        .send()
        .await
        .unwrap()
        .status()
        == StatusCode::OK
}

async fn credential_changes_end_the_other_credentials(app: TestApp) {
    app.create_user("creds@example.kz", Role::Applicant).await;
    app.login("creds@example.kz").await;
    // A password change ends API tokens and unused reset links.
    let token = token_of(&app, "creds@example.kz", PASSWORD).await;
    app.post_form_with(
        &new_client(),
        "/forgot-password",
        &[("email", "creds@example.kz")],
    )
    .await;
    let reset = TestApp::link_in(&app.wait_for_mail("creds@example.kz", "new password").await);
    let new_password = "another long steppe passphrase";
    let res = app
        .post_form(
            "/account/password",
            &[("current_password", PASSWORD), ("password", new_password)],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert!(
        !works(&app, &token).await,
        "the token ended with the password"
    );
    let res = app.get(&reset).await;
    assert_eq!(
        res.status(),
        StatusCode::BAD_REQUEST,
        "the reset link ended with the password"
    );
    // "Log out everywhere" ends API tokens.
    let token = token_of(&app, "creds@example.kz", new_password).await;
    assert!(works(&app, &token).await);
    app.post_form("/account/logout-everywhere", &[]).await;
    assert!(!works(&app, &token).await);
    // An email change ends unused reset links sent to the old address.
    app.post_form_with(
        &new_client(),
        "/forgot-password",
        &[("email", "creds@example.kz")],
    )
    .await;
    let reset = TestApp::link_in(&app.wait_for_mail("creds@example.kz", "new password").await);
    app.post_form(
        "/account/email",
        &[
            ("email", "moved@example.kz"),
            ("current_password", new_password),
        ],
    )
    .await;
    let confirm = TestApp::link_in(
        &app.wait_for_mail("moved@example.kz", "Confirm your new email")
            .await,
    );
    app.post_form(
        "/confirm-email-change",
        &[("token", &TestApp::token_in_link(&confirm))],
    )
    .await;
    assert_eq!(app.get(&reset).await.status(), StatusCode::BAD_REQUEST);
    // A role change ends API tokens (an administrator acts).
    let token = token_of(&app, "moved@example.kz", new_password).await;
    let user_id =
        grants::db::users::find_by_email(&mut app.state.pool.get().unwrap(), "moved@example.kz")
            .unwrap()
            .unwrap()
            .id;
    let (admin, _) = app.client_as(Role::Admin).await;
    app.post_form_with(
        &admin,
        &format!("/admin/users/{user_id}/role"),
        &[("role", "evaluator")],
    )
    .await;
    assert!(!works(&app, &token).await);
}

async fn api_tokens_expire(app: TestApp) {
    app.create_user("expiry@example.kz", Role::Applicant).await;
    let res = new_client()
        .post(app.url("/api/v1/tokens"))
        .json(&json!({"email": "expiry@example.kz", "password": PASSWORD}))
        .send()
        .await
        .unwrap();
    let created: Value = res.json().await.unwrap();
    let expires =
        chrono::DateTime::parse_from_rfc3339(created["expires_at"].as_str().unwrap()).unwrap();
    let days = (expires.naive_utc() - app.clock.now()).num_days();
    assert!((89..=90).contains(&days), "90 days by default, got {days}");
    for bad in [0, 366] {
        let res = new_client()
            .post(app.url("/api/v1/tokens"))
            .json(&json!({"email": "expiry@example.kz", "password": PASSWORD, "expires_in_days": bad}))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "{bad} days");
    }
    let res = new_client()
        .post(app.url("/api/v1/tokens"))
        .json(&json!({"email": "expiry@example.kz", "password": PASSWORD, "expires_in_days": 1}))
        .send()
        .await
        .unwrap();
    let day = res.json::<Value>().await.unwrap()["token"]
        .as_str()
        .unwrap()
        .to_string();
    app.clock.advance(Duration::hours(23));
    assert!(works(&app, &day).await, "still valid within its day");
    app.clock.advance(Duration::hours(1) + Duration::seconds(1));
    assert!(!works(&app, &day).await, "expired one day after creation");
    // The profile shows when each token expires.
    app.login("expiry@example.kz").await;
    let page = body(app.get("/account").await).await;
    assert!(page.contains("Expires") && page.contains("expired"));
}

async fn an_unconfirmed_account_gets_no_role_and_an_invitation_takes_it_over(app: TestApp) {
    // Someone registers a future staff member's address with their own password.
    let squatter = "the squatter's own passphrase 77";
    let res = app
        .post_form_with(
            &new_client(),
            "/register",
            &[
                ("email", "future.staff@example.kz"),
                ("display_name", "Someone Else"),
                ("password", squatter),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let squatted = grants::db::users::find_by_email(
        &mut app.state.pool.get().unwrap(),
        "future.staff@example.kz",
    )
    .unwrap()
    .unwrap();
    let (admin, _) = app.client_as(Role::Admin).await;
    let res = app
        .post_form_with(
            &admin,
            &format!("/admin/users/{}/role", squatted.id),
            &[("role", "delegation")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let page = body(app.get_with(&admin, &location(&res)).await).await;
    assert!(page.contains("has not confirmed its email address"));
    let still = grants::db::users::find(&mut app.state.pool.get().unwrap(), &squatted.id)
        .unwrap()
        .unwrap();
    assert_eq!(still.role, "applicant");
    // The invitation takes the address over: the squatter's password is void.
    let res = app
        .post_form_with(
            &admin,
            "/admin/users/invite",
            &[
                ("email", "future.staff@example.kz"),
                ("display_name", "Future Staff"),
                ("role", "delegation"),
                ("language", "en"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER, "{}", body(res).await);
    assert_eq!(
        app.login_with(&new_client(), "future.staff@example.kz", squatter)
            .await
            .status(),
        StatusCode::UNAUTHORIZED
    );
    let invitation = TestApp::link_in(
        &app.wait_for_mail("future.staff@example.kz", "invited")
            .await,
    );
    let res = app
        .post_form_with(
            &new_client(),
            "/set-password",
            &[
                ("token", &TestApp::token_in_link(&invitation)),
                ("password", "the real staff passphrase 19"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let client = new_client();
    assert_eq!(
        app.login_with(
            &client,
            "future.staff@example.kz",
            "the real staff passphrase 19"
        )
        .await
        .status(),
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        app.get_with(&client, "/manage/programmes").await.status(),
        StatusCode::OK
    );
    assert!(app
        .audit_actions()
        .await
        .contains(&"user.unconfirmed_taken_over".to_string()));
}

async fn an_expired_registration_can_be_registered_again_and_is_removed(app: TestApp) {
    let register = |password: &'static str| {
        let app = &app;
        async move {
            app.post_form_with(
                &new_client(),
                "/register",
                &[
                    ("email", "late.owner@example.kz"),
                    ("display_name", "Someone"),
                    ("password", password),
                ],
            )
            .await
            .status()
        }
    };
    assert_eq!(
        register("an early squatter's passphrase").await,
        StatusCode::OK
    );
    app.wait_for_mail("late.owner@example.kz", "Confirm").await;
    let before = app.sent_mail().len();
    // Within the week, the address is taken (its owner is told).
    assert_eq!(
        register("the real owner's passphrase 1").await,
        StatusCode::OK
    );
    app.wait_for_mail("late.owner@example.kz", "already have an account")
        .await;
    // After it, the real owner registers and gets a confirmation link.
    app.clock.advance(Duration::days(8));
    assert_eq!(
        register("the real owner's passphrase 2").await,
        StatusCode::OK
    );
    for _ in 0..100 {
        if app.sent_mail()[before..]
            .iter()
            .filter(|m| m.subject.contains("Confirm"))
            .count()
            == 1
        {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    let confirm = app.sent_mail()[before..]
        .iter()
        .rev()
        .find(|m| m.subject.contains("Confirm"))
        .cloned()
        .expect("a confirmation link for the late owner");
    let link = TestApp::link_in(&confirm);
    app.post_form_with(
        &new_client(),
        "/confirm-email",
        &[("token", &TestApp::token_in_link(&link))],
    )
    .await;
    assert_eq!(
        app.login_with(
            &new_client(),
            "late.owner@example.kz",
            "the real owner's passphrase 2"
        )
        .await
        .status(),
        StatusCode::SEE_OTHER
    );
    // Never-confirmed registrations are removed after the week.
    app.post_form_with(
        &new_client(),
        "/register",
        &[
            ("email", "never@example.kz"),
            ("display_name", "Never"),
            ("password", "a passphrase nobody confirms"),
        ],
    )
    .await;
    app.clock.advance(Duration::days(8));
    grants::jobs::housekeeping(&app.state).await.unwrap();
    assert!(grants::db::users::find_by_email(
        &mut app.state.pool.get().unwrap(),
        "never@example.kz"
    )
    .unwrap()
    .is_none());
    assert!(grants::db::users::find_by_email(
        &mut app.state.pool.get().unwrap(),
        "late.owner@example.kz"
    )
    .unwrap()
    .is_some());
    assert!(app
        .audit_actions()
        .await
        .contains(&"user.unconfirmed_expired".to_string()));
}

async fn a_failed_sign_in_never_stores_what_was_typed(app: TestApp) {
    let typed = "my secret passphrase typed in the wrong box";
    let res = app.login_with(&new_client(), typed, "whatever else").await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    app.post_form_with(
        &new_client(),
        "/forgot-password",
        &[("email", "nobody.here@example.kz")],
    )
    .await;
    let mut conn = app.state.pool.get().unwrap();
    let events = grants::db::audit::chain_page(&mut conn, 0, 1000).unwrap();
    for e in &events {
        let row = format!("{:?}", e);
        assert!(!row.contains(typed), "typed text stored: {row}");
        assert!(!row.contains("nobody.here"), "typed email stored: {row}");
    }
    let failed = events
        .iter()
        .find(|e| e.action == "user.login_failed")
        .unwrap();
    assert!(failed.details.contains("typed_email_hash"));
}

async fn sent_mail_keeps_no_secret_link_and_old_mail_is_removed(app: TestApp) {
    app.post_form_with(
        &new_client(),
        "/register",
        &[
            ("email", "links@example.kz"),
            ("display_name", "Links"),
            ("password", "a passphrase for the mail test"),
        ],
    )
    .await;
    let sent = app.wait_for_mail("links@example.kz", "Confirm").await;
    assert!(
        sent.body.contains("token="),
        "the message itself carries the link"
    );
    // Once sent, the outbox keeps the message without the link's secret.
    let mut kept = String::new();
    for _ in 0..100 {
        let rows =
            grants::db::outbox::list(&mut app.state.pool.get().unwrap(), Some("sent"), 0, 100)
                .unwrap()
                .0;
        if let Some(row) = rows.iter().find(|r| r.to_email == "links@example.kz") {
            kept = row.body_text.clone();
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert!(!kept.is_empty());
    assert!(!kept.contains("token="), "{kept}");
    assert!(kept.contains("[link removed after sending]"));
    // Sent mail is kept only as long as configured (30 days).
    app.clock.advance(Duration::days(31));
    grants::jobs::housekeeping(&app.state).await.unwrap();
    let rows = grants::db::outbox::list(&mut app.state.pool.get().unwrap(), Some("sent"), 0, 100)
        .unwrap()
        .0;
    assert!(rows.iter().all(|r| r.to_email != "links@example.kz"));
}

async fn the_audit_chain_is_keyed_and_checkpoints_catch_a_removed_tail(app: TestApp) {
    for i in 0..4 {
        app.create_user(&format!("chain{i}@example.kz"), Role::Applicant)
            .await;
    }
    assert!(grants::jobs::write_audit_checkpoint(&app.state)
        .await
        .unwrap());
    assert!(
        !grants::jobs::write_audit_checkpoint(&app.state)
            .await
            .unwrap(),
        "nothing new"
    );
    let cli = || {
        std::process::Command::new(env!("CARGO_BIN_EXE_grants"))
            .args(["audit", "verify"])
            .env("DATABASE_URL", &app.database_url)
            .env(
                "APP_CONFIG_DIR",
                concat!(env!("CARGO_MANIFEST_DIR"), "/config"),
            )
            .env("APP_ENV", "test")
            .env("APP__DATA__DIR", &app.state.settings.data.dir)
            .output()
            .unwrap()
    };
    let ok = cli();
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    assert!(String::from_utf8_lossy(&ok.stdout).contains("1 signed checkpoints"));
    // Someone with full rights on the database removes the last event and puts the
    // head back on the one before: the chain itself looks whole, the checkpoint does not.
    let (last, prev_hash) = {
        let mut conn = app.state.pool.get().unwrap();
        let events = grants::db::audit::chain_page(&mut conn, 0, 1000).unwrap();
        let last = events.last().unwrap().seq;
        (last, events[events.len() - 2].hash.clone())
    };
    if app.has_pg() {
        app.execute_sql("ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_delete");
    } else {
        app.execute_sql("DROP TRIGGER audit_events_no_delete");
    }
    app.execute_sql(&format!("DELETE FROM audit_events WHERE seq = {last}"));
    app.execute_sql(&format!(
        "UPDATE audit_chain_head SET last_seq = {}, last_hash = '{prev_hash}' WHERE id = 1",
        last - 1
    ));
    assert!(
        app.verify_audit().await.is_ok(),
        "the chain alone cannot tell"
    );
    let out = cli();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("checkpoint"));
    // A forged checkpoint line is noticed too.
    let path = app
        .state
        .settings
        .audit
        .checkpoint_file_in(&app.state.settings.data.dir);
    std::fs::write(&path, "seq=1 hash=00 at=2026-01-01T00:00:00Z mac=00\n").unwrap();
    let out = cli();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a valid signed checkpoint"));
}
