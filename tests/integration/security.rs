//! CSRF, headers, cookies, error pages, body limits, strict forms, escaping, health.

use grants::domain::access::Role;
use reqwest::StatusCode;

use crate::helpers::{body, new_client, TestApp, PASSWORD};
use crate::on_both_databases;

on_both_databases!(
    a_post_without_csrf_token_is_refused,
    a_cross_site_post_is_refused_even_with_a_token,
    security_headers_and_cookie_flags_are_set,
    error_pages_carry_a_request_id_and_leak_nothing,
    an_oversized_body_is_refused,
    unknown_and_repeated_form_fields_are_refused,
    user_text_is_escaped_everywhere,
    a_disabled_user_is_signed_out_at_once,
    health_check_reports_the_database,
    pages_follow_the_browser_language,
    secrets_never_reach_the_logs,
    internal_errors_show_a_request_id_and_leak_nothing,
);

async fn internal_errors_show_a_request_id_and_leak_nothing(app: TestApp) {
    let (admin, _) = app.client_as(Role::Admin).await;
    app.execute_sql("DROP TABLE outbox");
    let res = app.get_with(&admin, "/admin/outbox").await;
    assert_eq!(res.status(), StatusCode::INTERNAL_SERVER_ERROR);
    let id = res
        .headers()
        .get("x-request-id")
        .unwrap()
        .to_str()
        .unwrap()
        .to_string();
    let html = body(res).await;
    assert!(html.contains("Something went wrong"));
    assert!(html.contains(&id), "the request id is shown");
    for leak in [
        "no such table",
        "does not exist",
        "diesel",
        "SELECT",
        "src/",
        "panicked",
    ] {
        assert!(!html.contains(leak), "{leak} leaked");
    }
}

async fn secrets_never_reach_the_logs(app: TestApp) {
    let password = format!("canary phrase {}", uuid::Uuid::new_v4().simple());
    let email = format!("canary-{}@example.kz", uuid::Uuid::new_v4().simple());
    app.post_form(
        "/register",
        &[
            ("email", &email),
            ("display_name", "Bird Watcher"),
            ("password", &password),
        ],
    )
    .await;
    let link = TestApp::link_in(&app.wait_for_mail(&email, "Confirm").await);
    let token = TestApp::token_in_link(&link);
    app.get(&link).await;
    app.post_form("/confirm-email", &[("token", &token)]).await;
    app.login_with(&app.client, &email, &password).await;
    app.login_with(&new_client(), &email, "wrong canary attempt")
        .await;
    let res = new_client()
        .post(app.url("/api/v1/tokens"))
        .json(&serde_json::json!({"email": email, "password": password}))
        .send()
        .await
        .unwrap();
    let bearer = res.json::<serde_json::Value>().await.unwrap()["token"]
        .as_str()
        .unwrap()
        .to_string();
    new_client()
        .get(app.url("/api/v1/me"))
        .bearer_auth(&bearer)
        .send()
        .await
        .unwrap();
    let logs = crate::helpers::captured_logs();
    assert!(logs.contains("/confirm-email"), "requests are logged");
    for secret in [
        password.as_str(),
        token.as_str(),
        bearer.as_str(),
        "wrong canary attempt",
    ] {
        assert!(!logs.contains(secret), "a secret reached the logs");
    }
}

async fn a_post_without_csrf_token_is_refused(app: TestApp) {
    app.create_user("csrf@example.kz", Role::Applicant).await;
    app.get("/login").await;
    let res = app
        .client
        .post(app.url("/login"))
        .form(&[("email", "csrf@example.kz"), ("password", PASSWORD)])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let res = app
        .client
        .post(app.url("/login"))
        .form(&[
            ("email", "csrf@example.kz"),
            ("password", PASSWORD),
            ("csrf_token", "forged-token"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    // Signed in, a state change without the token is refused too.
    app.login("csrf@example.kz").await;
    let res = app
        .client
        .post(app.url("/account/logout-everywhere"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert_eq!(app.get("/account").await.status(), StatusCode::OK);
}

async fn a_cross_site_post_is_refused_even_with_a_token(app: TestApp) {
    app.create_user("origin@example.kz", Role::Applicant).await;
    let token = app.csrf_token_of(&app.client).await;
    let form = [
        ("email", "origin@example.kz"),
        ("password", PASSWORD),
        ("csrf_token", token.as_str()),
    ];
    let res = app
        .client
        .post(app.url("/login"))
        .header("origin", "https://evil.example")
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let res = app
        .client
        .post(app.url("/login"))
        .header("sec-fetch-site", "cross-site")
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let res = app
        .client
        .post(app.url("/login"))
        .header("origin", app.address.as_str())
        .header("sec-fetch-site", "same-origin")
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
}

async fn security_headers_and_cookie_flags_are_set(app: TestApp) {
    for path in [
        "/",
        "/login",
        "/does-not-exist",
        "/static/app.css",
        "/api/v1/me",
    ] {
        let res = app.get(path).await;
        let h = res.headers();
        let csp = h
            .get("content-security-policy")
            .unwrap_or_else(|| panic!("{path}: no CSP"))
            .to_str()
            .unwrap();
        assert!(
            csp.contains("frame-ancestors 'none'")
                && csp.contains("default-src 'self'")
                && !csp.contains("unsafe-inline"),
            "{csp}"
        );
        assert!(
            csp.contains("form-action 'self'")
                && csp.contains("object-src 'none'")
                && csp.contains("base-uri 'self'")
        );
        assert_eq!(h.get("x-content-type-options").unwrap(), "nosniff");
        assert!(h.get("referrer-policy").is_some());
        assert!(h.get("x-request-id").is_some());
        let content_type = h.get("content-type").unwrap().to_str().unwrap();
        assert!(
            content_type.contains("charset=utf-8"),
            "{path}: {content_type}"
        );
    }
    let res = new_client().get(app.url("/login")).send().await.unwrap();
    let cookie = res
        .headers()
        .get("set-cookie")
        .unwrap()
        .to_str()
        .unwrap()
        .to_string();
    for flag in ["HttpOnly", "SameSite=Lax", "Secure", "Path=/"] {
        assert!(cookie.contains(flag), "{flag} missing in {cookie}");
    }
    assert!(!cookie.contains("Domain="));
    // The session cookie is encrypted: it holds no readable ids.
    assert!(!cookie.contains("csrf"));
}

async fn error_pages_carry_a_request_id_and_leak_nothing(app: TestApp) {
    let res = app.get("/no/such/page").await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let id = res
        .headers()
        .get("x-request-id")
        .unwrap()
        .to_str()
        .unwrap()
        .to_string();
    let html = body(res).await;
    assert!(html.contains("Page not found"));
    assert!(html.contains(&id), "the page shows the request id");
    let res = app.client.put(app.url("/login")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::METHOD_NOT_ALLOWED);
    let (client, _) = app.client_as(Role::Applicant).await;
    let res = app.get_with(&client, "/admin/users").await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let html = body(res).await;
    assert!(html.contains("Access refused"));
    for leak in ["diesel", "sqlite", "postgres", "panicked", "src/", "SELECT"] {
        assert!(
            !html.to_lowercase().contains(&leak.to_lowercase()),
            "{leak} leaked"
        );
    }
    let res = app.get("/audit?page=notanumber").await;
    assert!(res.status() == StatusCode::SEE_OTHER || res.status() == StatusCode::BAD_REQUEST);
}

async fn an_oversized_body_is_refused(app: TestApp) {
    let token = app.csrf_token_of(&app.client).await;
    let huge = "a".repeat(300 * 1024);
    let res = app
        .client
        .post(app.url("/login"))
        .form(&[
            ("email", huge.as_str()),
            ("password", "x"),
            ("csrf_token", token.as_str()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::PAYLOAD_TOO_LARGE);
    assert!(body(res).await.contains("too large"));
    let res = app
        .client
        .post(app.url("/api/v1/tokens"))
        .header("content-type", "application/json")
        .body(format!("{{\"email\":\"{huge}\",\"password\":\"x\"}}"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::PAYLOAD_TOO_LARGE);
    assert!(res
        .headers()
        .get("content-type")
        .unwrap()
        .to_str()
        .unwrap()
        .starts_with("application/problem+json"));
}

async fn unknown_and_repeated_form_fields_are_refused(app: TestApp) {
    app.create_user("strict@example.kz", Role::Applicant).await;
    app.login("strict@example.kz").await;
    let res = app
        .post_form(
            "/account/profile",
            &[
                ("display_name", "Name"),
                ("language", "en"),
                ("role", "admin"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    let res = app
        .post_form(
            "/account/profile",
            &[
                ("display_name", "A"),
                ("display_name", "B"),
                ("language", "en"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    let html = body(app.get("/account").await).await;
    assert!(html.contains("Test User"), "nothing was changed");
    let actions = app.audit_actions().await;
    assert!(!actions.contains(&"user.profile_updated".to_string()));
}

async fn user_text_is_escaped_everywhere(app: TestApp) {
    let evil = "\"'><script>alert(1)</script>";
    let (admin, _) = app.client_as(Role::Admin).await;
    let id = app.create_user("xss@example.kz", Role::Applicant).await;
    app.login("xss@example.kz").await;
    let res = app
        .post_form(
            "/account/profile",
            &[("display_name", evil), ("language", "en")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let token_res = app.post_form("/account/tokens", &[("name", evil)]).await;
    assert_eq!(token_res.status(), StatusCode::OK);
    let pages = [
        (&app.client, "/account".to_string()),
        (&app.client, "/".to_string()),
        (&admin, "/admin/users".to_string()),
        (&admin, format!("/admin/users/{id}")),
        (&admin, "/audit".to_string()),
        (&admin, format!("/audit?actor={}", urlencode(evil))),
    ];
    for (client, path) in pages {
        let html = body(app.get_with(client, &path).await).await;
        assert!(!html.contains("<script>alert(1)"), "live script on {path}");
    }
    let html = body(app.get_with(&admin, "/admin/users").await).await;
    assert!(
        html.contains("&lt;script&gt;"),
        "the name is shown, escaped"
    );
}

fn urlencode(s: &str) -> String {
    url::form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

async fn a_disabled_user_is_signed_out_at_once(app: TestApp) {
    let (admin, _) = app.client_as(Role::Admin).await;
    let id = app.create_user("leaving@example.kz", Role::Evaluator).await;
    app.login("leaving@example.kz").await;
    assert_eq!(app.get("/account").await.status(), StatusCode::OK);
    let res = app
        .post_form_with(&admin, &format!("/admin/users/{id}/disable"), &[])
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        app.get("/account").await.status(),
        StatusCode::SEE_OTHER,
        "the session ended at once"
    );
    let res = app
        .login_with(&new_client(), "leaving@example.kz", PASSWORD)
        .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert!(body(res).await.contains("disabled"));
    let res = app
        .post_form_with(&admin, &format!("/admin/users/{id}/enable"), &[])
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        app.login_with(&new_client(), "leaving@example.kz", PASSWORD)
            .await
            .status(),
        StatusCode::SEE_OTHER
    );
    let actions = app.audit_actions().await;
    assert!(
        actions.contains(&"user.disabled".to_string())
            && actions.contains(&"user.enabled".to_string())
    );
}

async fn health_check_reports_the_database(app: TestApp) {
    let res = app.get("/healthz").await;
    assert_eq!(res.status(), StatusCode::OK);
    assert!(body(res).await.contains("\"database\":\"ok\""));
    if app.has_pg() {
        // Take the database away from under the portal.
        let url = app.database_url.clone();
        let name = url.rsplit('/').next().unwrap().to_string();
        let admin_url = std::env::var("TEST_POSTGRES_URL").unwrap();
        tokio::task::spawn_blocking(move || {
            use diesel::connection::SimpleConnection;
            use diesel::Connection;
            let mut conn = diesel::PgConnection::establish(&admin_url).unwrap();
            conn.batch_execute(&format!("DROP DATABASE \"{name}\" WITH (FORCE)"))
                .unwrap();
        })
        .await
        .unwrap();
        let res = app.get("/healthz").await;
        assert_eq!(res.status(), StatusCode::SERVICE_UNAVAILABLE);
    } else {
        // Every connection busy: the database does not answer in time.
        let pool = app.state.pool.clone();
        let held = tokio::task::spawn_blocking(move || {
            (0..pool.max_size())
                .map(|_| pool.get().unwrap())
                .collect::<Vec<_>>()
        })
        .await
        .unwrap();
        let res = app.get("/healthz").await;
        assert_eq!(res.status(), StatusCode::SERVICE_UNAVAILABLE);
        assert!(body(res).await.contains("unreachable"));
        drop(held);
        assert_eq!(app.get("/healthz").await.status(), StatusCode::OK);
    }
}

async fn pages_follow_the_browser_language(app: TestApp) {
    let client = new_client();
    let res = client
        .get(app.url("/login"))
        .header("accept-language", "ru-RU,ru;q=0.9")
        .send()
        .await
        .unwrap();
    let html = body(res).await;
    assert!(html.contains("<html lang=\"ru\">"));
    assert!(
        !html.contains(">Log in<"),
        "Russian page has no English button"
    );
    let res = client
        .get(app.url("/login"))
        .header("accept-language", "kk")
        .send()
        .await
        .unwrap();
    assert!(body(res).await.contains("<html lang=\"kk\">"));
    // The switcher overrides the browser.
    let res = app
        .post_form_with(&client, "/language", &[("lang", "en"), ("next", "/login")])
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let res = client
        .get(app.url("/login"))
        .header("accept-language", "kk")
        .send()
        .await
        .unwrap();
    assert!(body(res).await.contains("<html lang=\"en\">"));
    // A foreign redirect target is ignored.
    let res = app
        .post_form_with(
            &client,
            "/language",
            &[("lang", "kk"), ("next", "//evil.example/")],
        )
        .await;
    assert_eq!(res.headers().get("location").unwrap(), "/");
}
