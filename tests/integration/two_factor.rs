//! Two-factor sign-in end to end, with staff required to use it (as in production):
//! enrolment through the pages (QR code, key, code, recovery codes), the code at every
//! sign-in, codes accepted once, recovery codes, throttling, the administrator's reset,
//! API tokens behind the second factor, and the operator's token command.

use grants::domain::access::Role;
use grants::services::accounts::second_factor::code_at;
use reqwest::{Client, StatusCode};
use serde_json::{json, Value};

use crate::helpers::{body, location, new_client, Db, TestApp, PASSWORD};

async fn strict_app(db: Db) -> Option<TestApp> {
    TestApp::spawn_with(db, |s| {
        s.security.staff_two_factor = true;
        s.security.check_max_failures = 4;
    })
    .await
}

macro_rules! on_both_with_two_factor {
    ($($name:ident),* $(,)?) => {
        $(
            mod $name {
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn sqlite() {
                    super::$name(super::strict_app(crate::helpers::Db::Sqlite).await.unwrap()).await;
                }
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn postgres() {
                    if let Some(app) = super::strict_app(crate::helpers::Db::Postgres).await {
                        super::$name(app).await;
                    }
                }
            }
        )*
    };
}

on_both_with_two_factor!(
    staff_enrol_at_their_first_sign_in_and_then_always_give_a_code,
    codes_are_accepted_once_and_recovery_codes_once,
    wrong_codes_are_throttled,
    an_administrator_reset_sends_the_person_back_to_enrolment,
    staff_api_tokens_are_created_only_behind_the_second_factor,
    security_sensitive_changes_ask_for_the_code_again,
);

/// Reads the key shown on the enrolment page.
fn key_on(page: &str) -> Vec<u8> {
    let re = regex::Regex::new(r#"<code class="secret">([A-Z2-7 ]+)</code>"#).unwrap();
    let key: String = re.captures(page).expect("the key is shown")[1]
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    totp_rs::Secret::try_from_base32(&key)
        .unwrap()
        .as_bytes()
        .to_vec()
}

fn recovery_codes_on(page: &str) -> Vec<String> {
    let re = regex::Regex::new(
        r"<li><code>([a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4})</code></li>",
    )
    .unwrap();
    re.captures_iter(page).map(|c| c[1].to_string()).collect()
}

/// Signs a new staff member in and enrols them through the pages; returns the client
/// (signed in), the key and the recovery codes.
async fn enrolled(app: &TestApp, email: &str, role: Role) -> (Client, Vec<u8>, Vec<String>) {
    app.create_user(email, role).await;
    let client = new_client();
    let res = app.login_with(&client, email, PASSWORD).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    // Anywhere they go, they are sent to enrolment first.
    let res = app.get_with(&client, "/manage/programmes").await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&res), "/account/two-factor");
    let page = body(app.get_with(&client, "/account/two-factor").await).await;
    assert!(
        page.contains("data:image/svg+xml;base64,"),
        "a QR code drawn on the server"
    );
    assert!(!page.contains("<script"));
    let key = key_on(&page);
    assert_eq!(
        key_on(&body(app.get_with(&client, "/account/two-factor").await).await),
        key,
        "the same key on reload"
    );
    let res = app
        .post_form_with(&client, "/account/two-factor", &[("code", "000000")])
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let code = code_at(&key, app.clock.now()).unwrap();
    let res = app
        .post_form_with(&client, "/account/two-factor", &[("code", &code)])
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let codes = recovery_codes_on(&body(res).await);
    assert_eq!(codes.len(), 10);
    assert_eq!(
        app.get_with(&client, "/account").await.status(),
        StatusCode::OK,
        "no longer sent to enrolment"
    );
    (client, key, codes)
}

/// Moves the clock past the time step of the last accepted code.
fn next_step(app: &TestApp) {
    app.clock.advance(chrono::Duration::seconds(30));
}

async fn sign_in_with_code(app: &TestApp, email: &str, code: &str) -> (Client, StatusCode) {
    let client = new_client();
    let res = app.login_with(&client, email, PASSWORD).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&res), "/login/two-factor");
    let res = app
        .post_form_with(&client, "/login/two-factor", &[("code", code)])
        .await;
    (client, res.status())
}

async fn staff_enrol_at_their_first_sign_in_and_then_always_give_a_code(app: TestApp) {
    let (_, key, _) = enrolled(&app, "staff@example.kz", Role::Delegation).await;
    assert!(app
        .audit_actions()
        .await
        .contains(&"user.second_factor_enrolled".to_string()));
    // Later: the password alone is not a session.
    let client = new_client();
    let res = app.login_with(&client, "staff@example.kz", PASSWORD).await;
    assert_eq!(location(&res), "/login/two-factor");
    assert_eq!(
        app.get_with(&client, "/manage/programmes").await.status(),
        StatusCode::SEE_OTHER
    );
    let page = body(app.get_with(&client, "/login/two-factor").await).await;
    assert!(page.contains("six-digit code"));
    next_step(&app);
    let code = code_at(&key, app.clock.now()).unwrap();
    let res = app
        .post_form_with(&client, "/login/two-factor", &[("code", &code)])
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        app.get_with(&client, "/manage/programmes").await.status(),
        StatusCode::OK
    );
    // Applicants are not asked, unless they opt in.
    app.create_user("applicant@example.kz", Role::Applicant)
        .await;
    let client = new_client();
    let res = app
        .login_with(&client, "applicant@example.kz", PASSWORD)
        .await;
    assert_eq!(location(&res), "/");
    assert_eq!(
        app.get_with(&client, "/account").await.status(),
        StatusCode::OK
    );
    let page = body(app.get_with(&client, "/account/two-factor").await).await;
    let key = key_on(&page);
    let code = code_at(&key, app.clock.now()).unwrap();
    let res = app
        .post_form_with(&client, "/account/two-factor", &[("code", &code)])
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    next_step(&app);
    let (_, status) = sign_in_with_code(
        &app,
        "applicant@example.kz",
        &code_at(&key, app.clock.now()).unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
}

async fn codes_are_accepted_once_and_recovery_codes_once(app: TestApp) {
    let (_, key, codes) = enrolled(&app, "once@example.kz", Role::Evaluator).await;
    next_step(&app);
    let code = code_at(&key, app.clock.now()).unwrap();
    let (_, status) = sign_in_with_code(&app, "once@example.kz", &code).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (_, status) = sign_in_with_code(&app, "once@example.kz", &code).await;
    assert_eq!(
        status,
        StatusCode::UNAUTHORIZED,
        "a replayed code is refused"
    );
    let (client, status) =
        sign_in_with_code(&app, "once@example.kz", &codes[0].to_uppercase()).await;
    assert_eq!(
        status,
        StatusCode::SEE_OTHER,
        "a recovery code, however typed"
    );
    let page = body(app.get_with(&client, "/account").await).await;
    assert!(page.contains("9 recovery codes are left"));
    let (_, status) = sign_in_with_code(&app, "once@example.kz", &codes[0]).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "used up");
}

async fn wrong_codes_are_throttled(app: TestApp) {
    let (_, key, _) = enrolled(&app, "guessed@example.kz", Role::Auditor).await;
    for _ in 0..4 {
        let (_, status) = sign_in_with_code(&app, "guessed@example.kz", "123456").await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
    }
    next_step(&app);
    let (_, status) = sign_in_with_code(
        &app,
        "guessed@example.kz",
        &code_at(&key, app.clock.now()).unwrap(),
    )
    .await;
    assert_eq!(
        status,
        StatusCode::TOO_MANY_REQUESTS,
        "even the right code, for a while"
    );
    let failed = app
        .audit_actions()
        .await
        .iter()
        .filter(|a| *a == "user.second_factor_failed")
        .count();
    assert!(failed >= 4);
    app.clock.advance(chrono::Duration::minutes(16));
    let (_, status) = sign_in_with_code(
        &app,
        "guessed@example.kz",
        &code_at(&key, app.clock.now()).unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
}

async fn an_administrator_reset_sends_the_person_back_to_enrolment(app: TestApp) {
    let (client, _, _) = enrolled(&app, "lost.phone@example.kz", Role::Delegation).await;
    let (admin, _, _) = enrolled(&app, "admin@example.kz", Role::Admin).await;
    let id = grants::db::users::find_by_email(
        &mut app.state.pool.get().unwrap(),
        "lost.phone@example.kz",
    )
    .unwrap()
    .unwrap()
    .id;
    let page = body(app.get_with(&admin, &format!("/admin/users/{id}")).await).await;
    assert!(page.contains("Two-factor sign-in is on"));
    let res = app
        .post_form_with(&admin, &format!("/admin/users/{id}/two-factor/reset"), &[])
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert!(app
        .audit_actions()
        .await
        .contains(&"user.second_factor_reset".to_string()));
    // Their session ended; at the next sign-in they enrol again.
    assert_eq!(
        app.get_with(&client, "/account").await.status(),
        StatusCode::SEE_OTHER
    );
    let client = new_client();
    let res = app
        .login_with(&client, "lost.phone@example.kz", PASSWORD)
        .await;
    assert_eq!(location(&res), "/");
    let res = app.get_with(&client, "/manage/calls").await;
    assert_eq!(location(&res), "/account/two-factor");
}

async fn staff_api_tokens_are_created_only_behind_the_second_factor(app: TestApp) {
    // Not enrolled yet: no token.
    app.create_user("script@example.kz", Role::Delegation).await;
    let res = new_client()
        .post(app.url("/api/v1/tokens"))
        .json(&json!({"email": "script@example.kz", "password": PASSWORD}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let cli = |email: &str| {
        std::process::Command::new(env!("CARGO_BIN_EXE_grants"))
            .args(["token", "create", "--email", email, "--expires-days", "30"])
            .env("DATABASE_URL", &app.database_url)
            .env(
                "APP_CONFIG_DIR",
                concat!(env!("CARGO_MANIFEST_DIR"), "/config"),
            )
            .env("APP_ENV", "test")
            .env("APP__DATA__DIR", &app.state.settings.data.dir)
            .env("APP__SECURITY__STAFF_TWO_FACTOR", "true")
            .output()
            .unwrap()
    };
    assert!(
        !cli("script@example.kz").status.success(),
        "not for staff without a second factor"
    );
    let (_, key, _) = enrolled(&app, "enrolled.script@example.kz", Role::Delegation).await;
    let res = new_client()
        .post(app.url("/api/v1/tokens"))
        .json(&json!({"email": "enrolled.script@example.kz", "password": PASSWORD}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        res.json::<Value>().await.unwrap()["errors"][0]["field"],
        "second_factor_code"
    );
    next_step(&app);
    let res = new_client()
        .post(app.url("/api/v1/tokens"))
        .json(
            &json!({"email": "enrolled.script@example.kz", "password": PASSWORD,
                      "second_factor_code": code_at(&key, app.clock.now()).unwrap()}),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::CREATED);
    let token = res.json::<Value>().await.unwrap()["token"]
        .as_str()
        .unwrap()
        .to_string();
    let me = new_client()
        .get(app.url("/api/v1/me"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(me.status(), StatusCode::OK);
    // The operator's command prints a token, audited.
    let out = cli("enrolled.script@example.kz");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let printed = String::from_utf8_lossy(&out.stdout).trim().to_string();
    assert!(printed.starts_with("kzg_"));
    let me = new_client()
        .get(app.url("/api/v1/me"))
        .bearer_auth(&printed)
        .send()
        .await
        .unwrap();
    assert_eq!(me.status(), StatusCode::OK);
    let created = app
        .audit_actions()
        .await
        .iter()
        .filter(|a| *a == "api_token.created")
        .count();
    assert_eq!(created, 2);
}

async fn security_sensitive_changes_ask_for_the_code_again(app: TestApp) {
    let (client, key, _) = enrolled(&app, "careful@example.kz", Role::Delegation).await;
    let new_password = "a new and longer passphrase";
    let res = app
        .post_form_with(
            &client,
            "/account/password",
            &[("current_password", PASSWORD), ("password", new_password)],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body(res)
        .await
        .contains("Enter the code from your authenticator app"));
    next_step(&app);
    let code = code_at(&key, app.clock.now()).unwrap();
    let res = app
        .post_form_with(
            &client,
            "/account/password",
            &[
                ("current_password", PASSWORD),
                ("password", new_password),
                ("second_factor_code", &code),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    // Tokens from the profile page need the code too.
    let res = app
        .post_form_with(&client, "/account/tokens", &[("name", "laptop")])
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    // Staff cannot turn the second factor off.
    next_step(&app);
    let res = app
        .post_form_with(
            &client,
            "/account/two-factor/disable",
            &[("code", &code_at(&key, app.clock.now()).unwrap())],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let page = body(app.get_with(&client, &location(&res)).await).await;
    assert!(page.contains("Staff accounts keep two-factor sign-in"));
}
