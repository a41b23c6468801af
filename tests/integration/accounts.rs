//! Registration, confirmation, login, logout, password reset and change, sessions.

use grants::domain::access::Role;
use reqwest::StatusCode;

use crate::helpers::{body, location, new_client, TestApp, PASSWORD};
use crate::on_both_databases;

on_both_databases!(
    an_applicant_registers_confirms_and_logs_in,
    login_is_refused_until_the_email_is_confirmed,
    weak_passwords_are_refused_with_the_reason,
    registering_a_taken_email_looks_the_same_and_warns_the_owner,
    wrong_password_and_unknown_email_get_the_same_answer,
    password_reset_link_works_once,
    password_reset_link_expires_after_one_hour,
    password_reset_ends_every_session,
    password_change_ends_other_sessions_but_keeps_this_one,
    logout_everywhere_ends_other_sessions,
    a_logged_out_cookie_replayed_is_not_signed_in,
    the_pre_login_cookie_is_not_promoted,
    sessions_end_after_the_idle_timeout,
    profile_and_language_are_saved,
    an_email_change_needs_the_password_and_the_new_address_confirms_it,
    the_account_page_shows_the_sign_in_before_this_one,
);

async fn the_account_page_shows_the_sign_in_before_this_one(app: TestApp) {
    app.create_user("twice@example.kz", Role::Applicant).await;
    let first = new_client();
    app.login_with(&first, "twice@example.kz", PASSWORD).await;
    let page = body(app.get_with(&first, "/account").await).await;
    assert!(page.contains("This is your first sign-in."), "{page}");
    let first_at = grants::clock::format_local(app.clock.now());
    app.clock.advance(chrono::Duration::hours(5));
    let second = new_client();
    app.login_with(&second, "twice@example.kz", PASSWORD).await;
    let page = body(app.get_with(&second, "/account").await).await;
    assert!(page.contains("Previous sign-in"));
    assert!(
        page.contains(&first_at),
        "the first sign-in, not this one: {page}"
    );
    assert!(!page.contains(&grants::clock::format_local(app.clock.now())));
}

async fn an_email_change_needs_the_password_and_the_new_address_confirms_it(app: TestApp) {
    app.create_user("old@example.kz", Role::Applicant).await;
    app.create_user("taken@example.kz", Role::Applicant).await;
    app.login("old@example.kz").await;
    let res = app
        .post_form(
            "/account/email",
            &[
                ("email", "new@example.kz"),
                ("current_password", "not my password at all"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body(res).await.contains("current password is not right"));
    // A taken address answers exactly like a free one; its owner is told instead.
    let res = app
        .post_form(
            "/account/email",
            &[
                ("email", "taken@example.kz"),
                ("current_password", PASSWORD),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let taken_page = body(app.get("/account").await).await;
    assert!(taken_page.contains("taken@example.kz"));
    let warning = app
        .wait_for_mail(
            "taken@example.kz",
            "Someone tried to use your email address",
        )
        .await;
    assert!(
        !warning.body.contains("token="),
        "no link that would change anything"
    );
    assert!(
        !app.sent_mail()
            .iter()
            .any(|m| m.to == "taken@example.kz" && m.subject.contains("Confirm")),
        "no confirmation goes to an address that has an account"
    );
    let res = app
        .post_form(
            "/account/email",
            &[("email", "New@Example.kz"), ("current_password", PASSWORD)],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let link = TestApp::link_in(
        &app.wait_for_mail("new@example.kz", "Confirm your new email")
            .await,
    );
    assert!(link.starts_with("/confirm-email-change?token="));
    // Nothing changes until the new address confirms.
    assert_eq!(
        app.login_with(&new_client(), "old@example.kz", PASSWORD)
            .await
            .status(),
        StatusCode::SEE_OTHER
    );
    assert!(body(app.get(&link).await)
        .await
        .contains("Confirm my email address"));
    let token = TestApp::token_in_link(&link);
    let res = app
        .post_form("/confirm-email-change", &[("token", &token)])
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    app.wait_for_mail("old@example.kz", "was changed").await;
    assert_eq!(
        app.login_with(&new_client(), "new@example.kz", PASSWORD)
            .await
            .status(),
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        app.login_with(&new_client(), "old@example.kz", PASSWORD)
            .await
            .status(),
        StatusCode::UNAUTHORIZED
    );
    let res = app
        .post_form("/confirm-email-change", &[("token", &token)])
        .await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    let actions = app.audit_actions().await;
    assert!(
        actions.contains(&"user.email_change_requested".to_string())
            && actions.contains(&"user.email_changed".to_string())
    );
}

async fn register(app: &TestApp, email: &str) -> reqwest::Response {
    app.post_form(
        "/register",
        &[
            ("email", email),
            ("display_name", "Aigerim Nurlanovna"),
            ("password", PASSWORD),
        ],
    )
    .await
}

async fn an_applicant_registers_confirms_and_logs_in(app: TestApp) {
    let res = register(&app, "Aigerim@Example.kz").await;
    assert_eq!(res.status(), StatusCode::OK);
    assert!(body(res).await.contains("Check your email"));

    let mail = app
        .wait_for_mail("aigerim@example.kz", "Confirm your email")
        .await;
    let link = TestApp::link_in(&mail);
    assert!(link.starts_with("/confirm-email?token="));
    // Opening the link shows a button; it does not confirm by itself.
    let page = body(app.get(&link).await).await;
    assert!(page.contains("Confirm my email address"));
    let token = TestApp::token_in_link(&link);
    let res = app.post_form("/confirm-email", &[("token", &token)]).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&res), "/login");

    let res = app
        .login_with(&app.client, "aigerim@example.kz", PASSWORD)
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let account = body(app.get("/account").await).await;
    assert!(account.contains("aigerim@example.kz"));
    assert!(account.contains("Applicant"));

    let res = app.post_form("/logout", &[]).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let res = app.get("/account").await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert!(location(&res).starts_with("/login?next=%2Faccount"));

    // Confirmation links are single use.
    let res = app.post_form("/confirm-email", &[("token", &token)]).await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    assert!(body(res).await.contains("already been used"));

    let actions = app.audit_actions().await;
    for a in [
        "user.register",
        "user.confirm_email",
        "user.login",
        "user.logout",
    ] {
        assert!(
            actions.contains(&a.to_string()),
            "{a} missing from {actions:?}"
        );
    }
}

async fn login_is_refused_until_the_email_is_confirmed(app: TestApp) {
    register(&app, "dana@example.kz").await;
    app.wait_for_mail("dana@example.kz", "Confirm").await;
    let res = app
        .login_with(&app.client, "dana@example.kz", PASSWORD)
        .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert!(body(res).await.contains("not confirmed yet"));
    // A fresh link was sent.
    for _ in 0..100 {
        if app
            .sent_mail()
            .iter()
            .filter(|m| m.to == "dana@example.kz")
            .count()
            == 2
        {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("no second confirmation mail");
}

async fn weak_passwords_are_refused_with_the_reason(app: TestApp) {
    let cases = [
        ("short password", "at least 15 characters"),
        ("123456789012345", "too common"),
        ("passwordpassword", "too common"),
        ("marat.sultanov is my secret", "must not contain your name"),
    ];
    for (password, reason) in cases {
        let res = app
            .post_form(
                "/register",
                &[
                    ("email", "marat.sultanov@example.kz"),
                    ("display_name", "Marat"),
                    ("password", password),
                ],
            )
            .await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "{password}");
        let html = body(res).await;
        assert!(html.contains(reason), "{password}: {reason} not in page");
        // What the user typed is kept, except the password.
        assert!(html.contains("marat.sultanov@example.kz"));
        assert!(
            !html.contains(&format!("value=\"{password}\"")),
            "the password is echoed back"
        );
    }
    let over_1k = "ж".repeat(700);
    let res = app
        .post_form(
            "/register",
            &[
                ("email", "x@example.kz"),
                ("display_name", "X"),
                ("password", &over_1k),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body(res).await.contains("too long"));
    let res = app
        .post_form(
            "/register",
            &[
                ("email", "not-an-email"),
                ("display_name", ""),
                ("password", PASSWORD),
            ],
        )
        .await;
    let html = body(res).await;
    assert!(html.contains("valid email address"));
    assert!(
        html.contains("Enter your name."),
        "a message for the field itself"
    );
}

async fn registering_a_taken_email_looks_the_same_and_warns_the_owner(app: TestApp) {
    app.create_user("owner@example.kz", Role::Applicant).await;
    let first = body(register(&app, "someone-new@example.kz").await).await;
    let second = body(register(&app, "owner@example.kz").await).await;
    let strip = |s: &str| {
        s.replace("someone-new@example.kz", "X")
            .replace("owner@example.kz", "X")
    };
    // CSRF tokens and each form's one-time token differ from page to page.
    let token =
        regex::Regex::new(r#"value="(?:[A-Za-z0-9_-]{43}|[0-9a-f]{8}-[0-9a-f-]{27})""#).unwrap();
    assert_eq!(
        token.replace_all(&strip(&first), "").to_string(),
        token.replace_all(&strip(&second), "").to_string()
    );
    let mail = app
        .wait_for_mail("owner@example.kz", "already have an account")
        .await;
    assert!(mail.body.contains("/forgot-password"));
}

async fn wrong_password_and_unknown_email_get_the_same_answer(app: TestApp) {
    app.create_user("known@example.kz", Role::Applicant).await;
    let a = app
        .login_with(&new_client(), "known@example.kz", "wrong password but long")
        .await;
    let b = app
        .login_with(
            &new_client(),
            "unknown@example.kz",
            "wrong password but long",
        )
        .await;
    assert_eq!(a.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(a.status(), b.status());
    // CSRF tokens and each form's one-time token differ from page to page.
    let token =
        regex::Regex::new(r#"value="(?:[A-Za-z0-9_-]{43}|[0-9a-f]{8}-[0-9a-f-]{27})""#).unwrap();
    let a = token
        .replace_all(&body(a).await, "")
        .replace("known@example.kz", "E");
    let b = token
        .replace_all(&body(b).await, "")
        .replace("unknown@example.kz", "E");
    assert_eq!(a, b);
    assert!(a.contains("The email address or the password is not right"));
    let actions = app.audit_actions().await;
    assert_eq!(
        actions.iter().filter(|a| *a == "user.login_failed").count(),
        2
    );
}

async fn password_reset_link_works_once(app: TestApp) {
    app.create_user("reset@example.kz", Role::Applicant).await;
    let res = app
        .post_form("/forgot-password", &[("email", "reset@example.kz")])
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let unknown = app
        .post_form("/forgot-password", &[("email", "nobody@example.kz")])
        .await;
    assert_eq!(unknown.status(), StatusCode::OK);
    let mail = app.wait_for_mail("reset@example.kz", "new password").await;
    let link = TestApp::link_in(&mail);
    assert!(link.starts_with("/reset-password?token="));
    assert!(body(app.get(&link).await)
        .await
        .contains("Choose a new password"));
    let token = TestApp::token_in_link(&link);
    let new_password = "a brand new steppe passphrase";
    let res = app
        .post_form(
            "/reset-password",
            &[("token", &token), ("password", new_password)],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        app.login_with(&new_client(), "reset@example.kz", new_password)
            .await
            .status(),
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        app.login_with(&new_client(), "reset@example.kz", PASSWORD)
            .await
            .status(),
        StatusCode::UNAUTHORIZED
    );
    // Reused.
    let res = app
        .post_form(
            "/reset-password",
            &[
                ("token", &token),
                ("password", "yet another long passphrase"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    assert!(body(res).await.contains("already been used"));
    // Forged.
    let res = app
        .get("/reset-password?token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")
        .await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    assert!(!app.sent_mail().iter().any(|m| m.to == "nobody@example.kz"));
}

async fn password_reset_link_expires_after_one_hour(app: TestApp) {
    app.create_user("late@example.kz", Role::Applicant).await;
    app.post_form("/forgot-password", &[("email", "late@example.kz")])
        .await;
    let link = TestApp::link_in(&app.wait_for_mail("late@example.kz", "new password").await);
    let token = TestApp::token_in_link(&link);
    app.clock
        .advance(chrono::Duration::minutes(59) + chrono::Duration::seconds(59));
    assert_eq!(
        app.get(&link).await.status(),
        StatusCode::OK,
        "still valid one second before the hour"
    );
    app.clock.advance(chrono::Duration::seconds(1));
    let res = app
        .post_form(
            "/reset-password",
            &[
                ("token", &token),
                ("password", "a brand new steppe passphrase"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    assert!(body(res).await.contains("expired"));
}

async fn password_reset_ends_every_session(app: TestApp) {
    let (other, _) = app.client_as(Role::Applicant).await;
    let email = {
        let html = body(app.get_with(&other, "/account").await).await;
        regex::Regex::new(r"applicant-[0-9a-f]+@example\.kz")
            .unwrap()
            .find(&html)
            .unwrap()
            .as_str()
            .to_string()
    };
    app.post_form("/forgot-password", &[("email", &email)])
        .await;
    let link = TestApp::link_in(&app.wait_for_mail(&email, "new password").await);
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
        app.get_with(&other, "/account").await.status(),
        StatusCode::SEE_OTHER,
        "old session must end"
    );
}

async fn password_change_ends_other_sessions_but_keeps_this_one(app: TestApp) {
    app.create_user("change@example.kz", Role::Evaluator).await;
    let phone = new_client();
    app.login_with(&phone, "change@example.kz", PASSWORD).await;
    app.login("change@example.kz").await;
    let res = app
        .post_form(
            "/account/password",
            &[
                ("current_password", "not the password"),
                ("password", "another long steppe phrase"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body(res).await.contains("current password is not right"));
    let res = app
        .post_form(
            "/account/password",
            &[
                ("current_password", PASSWORD),
                ("password", "another long steppe phrase"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        app.get("/account").await.status(),
        StatusCode::OK,
        "this session stays"
    );
    assert_eq!(
        app.get_with(&phone, "/account").await.status(),
        StatusCode::SEE_OTHER,
        "the other ends"
    );
    app.wait_for_mail("change@example.kz", "password was changed")
        .await;
}

async fn logout_everywhere_ends_other_sessions(app: TestApp) {
    app.create_user("many@example.kz", Role::Delegation).await;
    let laptop = new_client();
    app.login_with(&laptop, "many@example.kz", PASSWORD).await;
    app.login("many@example.kz").await;
    let res = app.post_form("/account/logout-everywhere", &[]).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(app.get("/account").await.status(), StatusCode::OK);
    assert_eq!(
        app.get_with(&laptop, "/account").await.status(),
        StatusCode::SEE_OTHER
    );
}

fn session_cookie(res: &reqwest::Response) -> String {
    res.headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .find(|c| c.starts_with("kazlod_session="))
        .map(|c| c.split(';').next().unwrap().to_string())
        .expect("a session cookie")
}

async fn a_logged_out_cookie_replayed_is_not_signed_in(app: TestApp) {
    app.create_user("replay@example.kz", Role::Applicant).await;
    let res = app
        .login_with(&app.client, "replay@example.kz", PASSWORD)
        .await;
    let cookie = session_cookie(&res);
    let raw = new_client();
    let res = raw
        .get(app.url("/account"))
        .header("cookie", &cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(
        res.status(),
        StatusCode::OK,
        "the cookie works before logout"
    );
    app.post_form("/logout", &[]).await;
    let res = raw
        .get(app.url("/account"))
        .header("cookie", &cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(
        res.status(),
        StatusCode::SEE_OTHER,
        "the replayed cookie must not be signed in"
    );
}

async fn the_pre_login_cookie_is_not_promoted(app: TestApp) {
    app.create_user("fixation@example.kz", Role::Applicant)
        .await;
    let res = app.get("/login").await;
    let before = session_cookie(&res);
    let res = app
        .login_with(&app.client, "fixation@example.kz", PASSWORD)
        .await;
    let after = session_cookie(&res);
    assert_ne!(before, after);
    let res = new_client()
        .get(app.url("/account"))
        .header("cookie", &before)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
}

async fn sessions_end_after_the_idle_timeout(app: TestApp) {
    app.create_user("idle@example.kz", Role::Applicant).await;
    app.login("idle@example.kz").await;
    let idle = app.state.settings.session.idle_timeout_minutes;
    app.clock.advance(chrono::Duration::minutes(idle - 1));
    assert_eq!(app.get("/account").await.status(), StatusCode::OK);
    app.clock.advance(chrono::Duration::minutes(idle + 1));
    assert_eq!(app.get("/account").await.status(), StatusCode::SEE_OTHER);
}

async fn profile_and_language_are_saved(app: TestApp) {
    app.create_user("lang@example.kz", Role::Applicant).await;
    app.login("lang@example.kz").await;
    let res = app
        .post_form(
            "/account/profile",
            &[("display_name", "Айгерім Нұрланқызы"), ("language", "kk")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let html = body(app.get("/account").await).await;
    assert!(html.contains("<html lang=\"kk\">"));
    assert!(html.contains("Айгерім Нұрланқызы"));
    // The language follows the user to a new browser.
    let other = new_client();
    app.login_with(&other, "lang@example.kz", PASSWORD).await;
    assert!(body(app.get_with(&other, "/").await)
        .await
        .contains("<html lang=\"kk\">"));
    let res = app
        .post_form(
            "/account/profile",
            &[("display_name", "  "), ("language", "ru")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
}
