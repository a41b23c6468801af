//! The email outbox (SMTP down and back, file transport) and administrators' pages.

use std::sync::{Arc, Mutex};

use grants::config::{MailTransportKind, SmtpTls};
use grants::domain::access::Role;
use reqwest::StatusCode;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};

use crate::helpers::{body, location, new_client, Db, TestApp, PASSWORD};
use crate::on_both_databases;

/// A minimal SMTP server that accepts every message and keeps it.
async fn fake_smtp(listener: tokio::net::TcpListener, received: Arc<Mutex<Vec<String>>>) {
    loop {
        let Ok((socket, _)) = listener.accept().await else {
            return;
        };
        let received = received.clone();
        tokio::spawn(async move {
            let (read, mut write) = socket.into_split();
            let mut lines = BufReader::new(read).lines();
            write.write_all(b"220 fake.smtp ESMTP\r\n").await.unwrap();
            let mut in_data = false;
            let mut data = String::new();
            while let Ok(Some(line)) = lines.next_line().await {
                if in_data {
                    if line == "." {
                        in_data = false;
                        received.lock().unwrap().push(std::mem::take(&mut data));
                        write.write_all(b"250 2.0.0 queued\r\n").await.unwrap();
                    } else {
                        data.push_str(&line);
                        data.push('\n');
                    }
                    continue;
                }
                let upper = line.to_ascii_uppercase();
                let reply: &[u8] = if upper.starts_with("EHLO") || upper.starts_with("HELO") {
                    b"250-fake.smtp\r\n250 8BITMIME\r\n"
                } else if upper.starts_with("DATA") {
                    in_data = true;
                    b"354 go ahead\r\n"
                } else if upper.starts_with("QUIT") {
                    write.write_all(b"221 bye\r\n").await.unwrap();
                    break;
                } else {
                    b"250 OK\r\n"
                };
                write.write_all(reply).await.unwrap();
            }
        });
    }
}

async fn smtp_down_then_back(db: Db) {
    // A port with nothing listening: the SMTP server is "down".
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let Some(app) = TestApp::spawn_with(db, |s| {
        s.mail.transport = MailTransportKind::Smtp;
        s.mail.smtp_host = "127.0.0.1".into();
        s.mail.smtp_port = port;
        s.mail.smtp_tls = SmtpTls::None;
        s.mail.smtp_timeout_seconds = 2;
    })
    .await
    else {
        return;
    };
    let res = app
        .post_form(
            "/register",
            &[
                ("email", "queued@example.kz"),
                ("display_name", "Queued Person"),
                ("password", PASSWORD),
            ],
        )
        .await;
    assert_eq!(
        res.status(),
        StatusCode::OK,
        "the request does not wait for SMTP"
    );

    // The worker tries, fails, and keeps the message queued with the error.
    let pool = app.state.pool.clone();
    let row = || {
        let pool = pool.clone();
        async move {
            tokio::task::spawn_blocking(move || {
                let mut conn = pool.get().unwrap();
                grants::db::outbox::list(&mut conn, None, 0, 10)
                    .unwrap()
                    .0
                    .into_iter()
                    .find(|m| m.to_email == "queued@example.kz")
                    .unwrap()
            })
            .await
            .unwrap()
        }
    };
    let mut failed = None;
    for _ in 0..100 {
        let r = row().await;
        if r.attempts >= 1 {
            failed = Some(r);
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    let failed = failed.expect("a failed attempt is recorded");
    assert_eq!(failed.status, "queued");
    assert!(failed.last_error.is_some());

    // The admin sees it queued with its error.
    let (admin, _) = app.client_as(Role::Admin).await;
    let html = body(app.get_with(&admin, "/admin/outbox?status=queued").await).await;
    assert!(html.contains("queued@example.kz"));
    assert!(html.contains("Next attempt"));

    // The server comes back; after the back-off the message goes out, once.
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port))
        .await
        .unwrap();
    let received = Arc::new(Mutex::new(Vec::new()));
    tokio::spawn(fake_smtp(listener, received.clone()));
    app.clock.advance(chrono::Duration::minutes(10));
    app.state.mail_wakeup.notify_one();
    for _ in 0..200 {
        if received
            .lock()
            .unwrap()
            .iter()
            .any(|m| m.contains("queued@example.kz"))
        {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    let got = received.lock().unwrap().clone();
    assert_eq!(
        got.iter()
            .filter(|m| m.contains("To: \"Queued Person\" <queued@example.kz>")
                || m.contains("queued@example.kz"))
            .count(),
        1,
        "{got:?}"
    );
    let sent = row().await;
    assert_eq!(sent.status, "sent");
    assert!(sent.attempts >= 2);
    let html = body(app.get_with(&admin, "/admin/outbox?status=sent").await).await;
    assert!(html.contains("queued@example.kz"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn smtp_down_mail_stays_queued_and_is_sent_once_when_it_returns_sqlite() {
    smtp_down_then_back(Db::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn smtp_down_mail_stays_queued_and_is_sent_once_when_it_returns_postgres() {
    smtp_down_then_back(Db::Postgres).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_default_file_transport_writes_eml_files() {
    let mail_dir = tempfile::tempdir().unwrap();
    let dir = mail_dir.path().to_path_buf();
    let app = TestApp::spawn_with(Db::Sqlite, move |s| {
        s.mail.transport = MailTransportKind::File;
        s.mail.file_dir = dir;
    })
    .await
    .unwrap();
    app.post_form("/forgot-password", &[("email", "nobody@example.kz")])
        .await;
    app.create_user("file@example.kz", Role::Applicant).await;
    app.post_form("/forgot-password", &[("email", "file@example.kz")])
        .await;
    for _ in 0..100 {
        let files: Vec<_> = std::fs::read_dir(mail_dir.path())
            .unwrap()
            .filter_map(|e| e.ok())
            .collect();
        if let Some(f) = files
            .iter()
            .find(|f| f.path().extension().is_some_and(|e| e == "eml"))
        {
            let text = std::fs::read_to_string(f.path()).unwrap();
            assert!(text.contains("file@example.kz"));
            assert!(text.contains("reset-password?token="));
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("no .eml file written");
}

on_both_databases!(
    admins_invite_users_who_set_their_password,
    admins_list_filter_and_change_roles,
    the_last_admin_cannot_be_removed,
    a_lost_invitation_is_sent_again_and_the_old_link_stops,
    granting_the_administrator_role_and_disabling_ask_first,
);

async fn granting_the_administrator_role_and_disabling_ask_first(app: TestApp) {
    let (admin, _) = app.client_as(Role::Admin).await;
    let id = app
        .create_user("future-admin@example.kz", Role::Delegation)
        .await;
    let role_of = |app: &TestApp| {
        grants::db::users::find(&mut app.state.pool.get().unwrap(), &id)
            .unwrap()
            .unwrap()
    };
    let res = app
        .post_form_with(
            &admin,
            &format!("/admin/users/{id}/role"),
            &[("role", "admin")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let html = body(res).await;
    assert!(html.contains("Make this person an administrator?"));
    assert!(html.contains("name=\"confirm\" value=\"yes\""));
    assert_eq!(role_of(&app).role, "delegation", "asking changes nothing");
    let res = app
        .post_form_with(
            &admin,
            &format!("/admin/users/{id}/role"),
            &[("role", "admin"), ("confirm", "yes")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(role_of(&app).role, "admin");
    // Disabling: the page says what it ends; only the form's POST disables.
    let html = body(
        app.get_with(&admin, &format!("/admin/users/{id}/disable"))
            .await,
    )
    .await;
    assert!(html.contains("Disable this account?") && html.contains("future-admin@example.kz"));
    assert!(role_of(&app).disabled_at.is_none());
    let res = app
        .post_form_with(&admin, &format!("/admin/users/{id}/disable"), &[])
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert!(role_of(&app).disabled_at.is_some());
}

async fn a_lost_invitation_is_sent_again_and_the_old_link_stops(app: TestApp) {
    let (admin, _) = app.client_as(Role::Admin).await;
    let invite = app
        .post_form_with(
            &admin,
            "/admin/users/invite",
            &[
                ("email", "lost@example.kz"),
                ("display_name", "Lost Mail"),
                ("role", "evaluator"),
                ("language", "en"),
            ],
        )
        .await;
    assert_eq!(invite.status(), StatusCode::SEE_OTHER);
    let first = TestApp::link_in(&app.wait_for_mail("lost@example.kz", "").await);
    let id =
        grants::db::users::find_by_email(&mut app.state.pool.get().unwrap(), "lost@example.kz")
            .unwrap()
            .unwrap()
            .id;
    let page = body(app.get_with(&admin, &format!("/admin/users/{id}")).await).await;
    assert!(page.contains("Send the invitation again"));
    let res = app
        .post_form_with(&admin, &format!("/admin/users/{id}/invitation"), &[])
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert!(body(app.get_with(&admin, &location(&res)).await)
        .await
        .contains("A new invitation is on its way"));
    let mut second = first.clone();
    for _ in 0..100 {
        second = TestApp::link_in(&app.wait_for_mail("lost@example.kz", "").await);
        if second != first {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert_ne!(first, second, "a second invitation with a new link");
    let invited = new_client();
    let passphrase = "a found invitation passphrase";
    let res = app
        .post_form_with(
            &invited,
            "/set-password",
            &[
                ("token", &TestApp::token_in_link(&first)),
                ("password", passphrase),
            ],
        )
        .await;
    assert!(res.status().is_client_error(), "the first link is void");
    let res = app
        .post_form_with(
            &invited,
            "/set-password",
            &[
                ("token", &TestApp::token_in_link(&second)),
                ("password", passphrase),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    // Accepted: nothing left to resend.
    let page = body(app.get_with(&admin, &format!("/admin/users/{id}")).await).await;
    assert!(!page.contains("Send the invitation again"));
    let res = app
        .post_form_with(&admin, &format!("/admin/users/{id}/invitation"), &[])
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert!(body(app.get_with(&admin, &location(&res)).await)
        .await
        .contains("already been accepted"));
    assert!(app
        .audit_actions()
        .await
        .contains(&"user.invitation_resent".to_string()));
}

async fn admins_invite_users_who_set_their_password(app: TestApp) {
    let (admin, _) = app.client_as(Role::Admin).await;
    let res = app
        .post_form_with(
            &admin,
            "/admin/users/invite",
            &[
                ("email", "expert@example.kz"),
                ("display_name", "Expert One"),
                ("role", "evaluator"),
                ("language", "ru"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let mail = app.wait_for_mail("expert@example.kz", "").await;
    assert!(
        !mail.subject.contains("You are invited"),
        "the invitation is in Russian: {}",
        mail.subject
    );
    assert!(
        mail.body.chars().any(|c| ('а'..='я').contains(&c)),
        "the invitation is in Russian: {}",
        mail.body
    );
    let link = TestApp::link_in(&mail);
    assert!(link.starts_with("/set-password?token="));
    let invited = new_client();
    let html = body(app.get_with(&invited, &link).await).await;
    assert!(html.contains("expert@example.kz"));
    let token = TestApp::token_in_link(&link);
    let res = app
        .post_form_with(
            &invited,
            "/set-password",
            &[("token", &token), ("password", "short")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let res = app
        .post_form_with(
            &invited,
            "/set-password",
            &[
                ("token", &token),
                ("password", "an evaluator's long passphrase"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        app.login_with(
            &invited,
            "expert@example.kz",
            "an evaluator's long passphrase"
        )
        .await
        .status(),
        StatusCode::SEE_OTHER
    );
    // Duplicate invitation is refused next to the field.
    let res = app
        .post_form_with(
            &admin,
            "/admin/users/invite",
            &[
                ("email", "expert@example.kz"),
                ("display_name", "Again"),
                ("role", "evaluator"),
                ("language", "en"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body(res).await.contains("already exists"));
    let actions = app.audit_actions().await;
    assert!(actions.contains(&"user.invited".to_string()));
    assert!(actions.contains(&"user.invitation_accepted".to_string()));
}

async fn admins_list_filter_and_change_roles(app: TestApp) {
    let (admin, _) = app.client_as(Role::Admin).await;
    let id = app.create_user("promote@example.kz", Role::Applicant).await;
    app.create_user("auditor1@example.kz", Role::Auditor).await;
    let html = body(app.get_with(&admin, "/admin/users?role=auditor").await).await;
    assert!(html.contains("auditor1@example.kz"));
    assert!(!html.contains("promote@example.kz"));
    let html = body(app.get_with(&admin, "/admin/users?q=PROMOTE").await).await;
    assert!(html.contains("promote@example.kz"));
    let html = body(app.get_with(&admin, "/admin/users?q=%25").await).await;
    assert!(
        !html.contains("promote@example.kz"),
        "a % is searched literally"
    );

    let promoted = new_client();
    app.login_with(&promoted, "promote@example.kz", PASSWORD)
        .await;
    assert_eq!(
        app.get_with(&promoted, "/audit").await.status(),
        StatusCode::FORBIDDEN
    );
    let res = app
        .post_form_with(
            &admin,
            &format!("/admin/users/{id}/role"),
            &[("role", "auditor")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    // The role change ends the user's sessions; after logging in again the new role applies.
    assert_eq!(
        app.get_with(&promoted, "/account").await.status(),
        StatusCode::SEE_OTHER
    );
    app.login_with(&promoted, "promote@example.kz", PASSWORD)
        .await;
    assert_eq!(
        app.get_with(&promoted, "/audit").await.status(),
        StatusCode::OK
    );
    let res = app
        .post_form_with(
            &admin,
            &format!("/admin/users/{id}/role"),
            &[("role", "superuser")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = body(app.get_with(&admin, &format!("/admin/users/{id}")).await).await;
    assert!(html.contains("user.role_changed"));
    let res = app
        .get_with(&admin, &format!("/admin/users/{}", uuid::Uuid::now_v7()))
        .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
}

async fn the_last_admin_cannot_be_removed(app: TestApp) {
    let (admin, admin_id) = app.client_as(Role::Admin).await;
    let res = app
        .post_form_with(
            &admin,
            &format!("/admin/users/{admin_id}/role"),
            &[("role", "applicant")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let html = body(
        app.get_with(&admin, &format!("/admin/users/{admin_id}"))
            .await,
    )
    .await;
    assert!(html.contains("without an active administrator"));
    let res = app
        .post_form_with(&admin, &format!("/admin/users/{admin_id}/disable"), &[])
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        app.get_with(&admin, "/admin/users").await.status(),
        StatusCode::OK,
        "still an admin, still enabled"
    );
}
