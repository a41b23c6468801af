//! Two portal processes (the real `grants serve`) on one PostgreSQL database, one mail
//! folder and one document store, as behind a reverse proxy: they must behave as one
//! portal. Sessions, password changes, mail, reminders, uploads, sign-in throttling,
//! `grants migrate` beside them, and a graceful stop with a request in flight.

use std::io::{Read as _, Write as _};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::Duration;

use base64::Engine;
use diesel::prelude::*;
use grants::domain::access::Role;
use regex::Regex;
use reqwest::cookie::CookieStore as _;
use reqwest::{redirect, Client, StatusCode};

use crate::calls::{programme, published_call, staff, today};
use crate::helpers::{Db, TestApp, CSRF, PASSWORD};

/// One `grants serve` process; killed if the test ends early.
struct Node {
    name: &'static str,
    base: String,
    child: Option<Child>,
    log: PathBuf,
}

impl Drop for Node {
    fn drop(&mut self) {
        if let Some(child) = self.child.as_mut() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

impl Node {
    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    fn log_text(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// SIGTERM, as a service manager or an orchestrator stops a node.
    fn terminate(&self) {
        let pid = self.child.as_ref().unwrap().id().to_string();
        let status = Command::new("kill").args(["-TERM", &pid]).status().unwrap();
        assert!(status.success());
    }

    /// Waits (bounded) for the process to end and returns its exit code.
    fn wait_exit(&mut self, limit: Duration) -> Option<i32> {
        let started = std::time::Instant::now();
        let child = self.child.as_mut().unwrap();
        while started.elapsed() < limit {
            if let Some(status) = child.try_wait().unwrap() {
                self.child = None;
                return status.code();
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        panic!("{} did not stop within {limit:?}", self.name);
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// What both nodes share: the database, the two keys, the mail folder, the documents.
struct Shared {
    database_url: String,
    session_key: String,
    secret_key: String,
    mail_dir: PathBuf,
    storage: Vec<(String, String)>,
}

fn start_node(name: &'static str, shared: &Shared, dir: &Path) -> Node {
    let port = free_port();
    let data = dir.join(name);
    std::fs::create_dir_all(&data).unwrap();
    let log = data.join("node.log");
    let out = std::fs::File::create(&log).unwrap();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_grants"));
    cmd.arg("serve")
        .env(
            "APP_CONFIG_DIR",
            concat!(env!("CARGO_MANIFEST_DIR"), "/config"),
        )
        .env("APP_ENV", "production")
        .env("DATABASE_URL", &shared.database_url)
        .env("APP__DATABASE__MIGRATE_ON_START", "false")
        .env("APP__DATABASE__POOL_SIZE", "4")
        .env("APP__SERVER__BIND", format!("127.0.0.1:{port}"))
        .env(
            "APP__SERVER__PUBLIC_URL",
            format!("http://127.0.0.1:{port}"),
        )
        .env("APP__SERVER__WORKERS", "2")
        .env("APP__SERVER__SHUTDOWN_TIMEOUT_SECONDS", "20")
        .env("APP__DATA__DIR", &data)
        .env("APP__SESSION__KEY", &shared.session_key)
        .env("APP__SECURITY__SECRET_KEY", &shared.secret_key)
        .env("APP__SECURITY__STAFF_TWO_FACTOR", "false")
        .env("APP__SECURITY__EMAILS_PER_HOUR", "1000")
        .env("APP__SECURITY__LOGIN_MAX_FAILURES_PER_ACCOUNT", "5")
        .env("APP__MAIL__TRANSPORT", "file")
        .env("APP__MAIL__FILE_DIR", &shared.mail_dir)
        .env("APP__MAIL__WORKER_INTERVAL_MS", "100")
        .env("APP__METRICS__BIND", "127.0.0.1:0")
        .env("APP__LOG__FILTER", "info")
        .stdout(Stdio::from(out.try_clone().unwrap()))
        .stderr(Stdio::from(out));
    for (k, v) in &shared.storage {
        cmd.env(k, v);
    }
    Node {
        name,
        base: format!("http://127.0.0.1:{port}"),
        child: Some(cmd.spawn().expect("grants serve starts")),
        log,
    }
}

async fn wait_ready(node: &Node) {
    let client = Client::new();
    for _ in 0..300 {
        if let Ok(res) = client.get(node.url("/healthz")).send().await {
            if res.status() == StatusCode::OK {
                return;
            }
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("{} never answered:\n{}", node.name, node.log_text());
}

/// A browser: its cookie jar is readable, to replay a session cookie by hand.
fn browser() -> (Client, Arc<reqwest::cookie::Jar>) {
    let jar = Arc::new(reqwest::cookie::Jar::default());
    let client = Client::builder()
        .cookie_provider(jar.clone())
        .redirect(redirect::Policy::none())
        .timeout(Duration::from_secs(30))
        .build()
        .unwrap();
    (client, jar)
}

async fn csrf(client: &Client, node: &Node, path: &str) -> String {
    let html = client
        .get(node.url(path))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    CSRF.captures(&html)
        .unwrap_or_else(|| panic!("a form on {path}"))[1]
        .to_string()
}

async fn login(client: &Client, node: &Node, email: &str, password: &str) -> reqwest::Response {
    let token = csrf(client, node, "/login").await;
    client
        .post(node.url("/login"))
        .form(&[
            ("email", email),
            ("password", password),
            ("csrf_token", &token),
        ])
        .send()
        .await
        .unwrap()
}

/// The status of `/account` for a request carrying exactly `cookie`.
async fn account_with_cookie(node: &Node, cookie: &str) -> StatusCode {
    Client::builder()
        .redirect(redirect::Policy::none())
        .build()
        .unwrap()
        .get(node.url("/account"))
        .header("cookie", cookie)
        .send()
        .await
        .unwrap()
        .status()
}

fn cookie_of(jar: &reqwest::cookie::Jar, node: &Node) -> String {
    jar.cookies(&node.base.parse().unwrap())
        .expect("a session cookie")
        .to_str()
        .unwrap()
        .to_string()
}

/// Every message the file transport wrote: (recipient, subject).
fn mail_files(dir: &Path) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
        let header = |name: &str| {
            text.lines()
                .find_map(|l| l.strip_prefix(name))
                .unwrap_or("")
                .trim()
                .to_string()
        };
        out.push((header("To:"), header("Subject:")));
    }
    out
}

fn outbox_count(url: &str, kind: Option<&str>, status: Option<&str>) -> i64 {
    use grants::db::schema::outbox::dsl as o;
    let mut conn = PgConnection::establish(url).unwrap();
    let mut q = o::outbox.into_boxed();
    if let Some(k) = kind {
        q = q.filter(o::kind.eq(k.to_string()));
    }
    if let Some(s) = status {
        q = q.filter(o::status.eq(s.to_string()));
    }
    q.count().get_result(&mut conn).unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_nodes_on_one_database_work_as_one_portal() {
    // The setting-up node runs no worker: only the two nodes under test send mail.
    let Some(setup) = TestApp::spawn_with(Db::Postgres, |s| s.worker.enabled = false).await else {
        eprintln!("TEST_POSTGRES_URL not set: the two-node test needs PostgreSQL");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let b64 = base64::engine::general_purpose::STANDARD;
    let storage = match std::env::var("TEST_S3_ENDPOINT")
        .ok()
        .filter(|e| !e.is_empty())
    {
        Some(endpoint) => vec![
            ("APP__STORAGE__KIND".into(), "s3".into()),
            ("APP__STORAGE__S3_ENDPOINT".into(), endpoint),
            ("APP__STORAGE__S3_BUCKET".into(), "grants-test".into()),
            ("APP__STORAGE__S3_ACCESS_KEY_ID".into(), "test".into()),
            ("APP__STORAGE__S3_SECRET_ACCESS_KEY".into(), "test".into()),
            ("APP__STORAGE__S3_ALLOW_HTTP".into(), "true".into()),
            (
                "APP__STORAGE__S3_PREFIX".into(),
                format!("two-nodes-{}", uuid::Uuid::new_v4().simple()),
            ),
        ],
        None => vec![(
            "APP__STORAGE__DIR".into(),
            dir.path().join("documents").display().to_string(),
        )],
    };
    let shared = Shared {
        database_url: setup.database_url.clone(),
        session_key: b64.encode(rand_bytes(64)),
        // The key the setting-up node made: the audit chain continues under it.
        secret_key: std::fs::read_to_string(setup.state.settings.data.dir.join("secret.key"))
            .unwrap()
            .trim()
            .to_string(),
        mail_dir: dir.path().join("mail"),
        storage,
    };
    std::fs::create_dir_all(&shared.mail_dir).unwrap();

    // What the scenarios need, made through the services.
    let applicant = format!("two-nodes-{}@example.kz", uuid::Uuid::new_v4().simple());
    setup.create_user(&applicant, Role::Applicant).await;
    let officer = format!("officer-{}@example.kz", uuid::Uuid::new_v4().simple());
    let officer_id = setup.create_user(&officer, Role::Delegation).await;
    let actor = staff(&officer_id, Role::Delegation);
    let pid = programme(
        &setup,
        &actor,
        today(&setup) - chrono::Duration::days(30),
        "P-2N",
    )
    .await;
    let call = published_call(&setup, &actor, &pid, "CALL-2N", 50).await;
    let draft = crate::calls::draft_call(&setup, &actor, &pid, "CALL-2N-D", 60).await;

    let mut a = start_node("a", &shared, dir.path());
    let mut b = start_node("b", &shared, dir.path());
    wait_ready(&a).await;
    wait_ready(&b).await;

    // 1. A session made on A is valid on B; a logout on B ends it on A too.
    let (c1, jar1) = browser();
    assert_eq!(
        login(&c1, &a, &applicant, PASSWORD).await.status(),
        StatusCode::SEE_OTHER
    );
    let cookie = cookie_of(&jar1, &a);
    assert_eq!(account_with_cookie(&b, &cookie).await, StatusCode::OK);
    let token = csrf(&c1, &b, "/account").await;
    let res = c1
        .post(b.url("/logout"))
        .form(&[("csrf_token", token.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    // The old cookie, replayed: refused by both, not only forgotten by the browser.
    assert_eq!(
        account_with_cookie(&a, &cookie).await,
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        account_with_cookie(&b, &cookie).await,
        StatusCode::SEE_OTHER
    );

    // 2. A password change on B ends the user's other sessions on both nodes.
    let (c2, jar2) = browser();
    assert_eq!(
        login(&c2, &a, &applicant, PASSWORD).await.status(),
        StatusCode::SEE_OTHER
    );
    let other_session = cookie_of(&jar2, &a);
    let (c3, _) = browser();
    assert_eq!(
        login(&c3, &b, &applicant, PASSWORD).await.status(),
        StatusCode::SEE_OTHER
    );
    let new_password = "a fresh passphrase across the steppe";
    let token = csrf(&c3, &b, "/account").await;
    let res = c3
        .post(b.url("/account/password"))
        .form(&[
            ("current_password", PASSWORD),
            ("password", new_password),
            ("csrf_token", token.as_str()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER, "password changed");
    assert_eq!(
        account_with_cookie(&a, &other_session).await,
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        account_with_cookie(&b, &other_session).await,
        StatusCode::SEE_OTHER
    );
    // ...and the new password works on either node.
    let (c4, _) = browser();
    assert_eq!(
        login(&c4, &a, &applicant, new_password).await.status(),
        StatusCode::SEE_OTHER
    );

    // 3. Each queued message is sent exactly once though both nodes run the worker.
    let burst: Vec<String> = (0..40)
        .map(|i| format!("burst-{i}-{}@example.kz", uuid::Uuid::new_v4().simple()))
        .collect();
    {
        let mut conn = PgConnection::establish(&shared.database_url).unwrap();
        let now = chrono::Utc::now().naive_utc();
        conn.transaction::<_, diesel::result::Error, _>(|conn| {
            for to in &burst {
                diesel::insert_into(grants::db::schema::outbox::table)
                    .values(grants::db::outbox::OutboxRow {
                        id: uuid::Uuid::now_v7().to_string(),
                        kind: "burst".into(),
                        to_email: to.clone(),
                        to_name: "Burst".into(),
                        subject: "One of forty".into(),
                        body_text: "Sent once.".into(),
                        status: "queued".into(),
                        attempts: 0,
                        next_attempt_at: now,
                        locked_until: None,
                        locked_by: None,
                        last_error: None,
                        created_at: now,
                        sent_at: None,
                    })
                    .execute(conn)?;
            }
            Ok(())
        })
        .unwrap();
    }

    // 4. The daily reminder of unanswered questions: once, whichever node runs first.
    let (questioner, _) = browser();
    let questioner_email = format!("asker-{}@example.kz", uuid::Uuid::new_v4().simple());
    setup.create_user(&questioner_email, Role::Applicant).await;
    assert_eq!(
        login(&questioner, &b, &questioner_email, PASSWORD)
            .await
            .status(),
        StatusCode::SEE_OTHER
    );
    let token = csrf(&questioner, &b, &format!("/calls/{call}")).await;
    let res = questioner
        .post(b.url(&format!("/calls/{call}/questions")))
        .form(&[("question", "Is VAT eligible?"), ("csrf_token", &token)])
        .send()
        .await
        .unwrap();
    assert!(res.status().is_redirection(), "question asked");
    // The answer deadline (deadline - 11 days) is now a day away: the reminder is due.
    setup.execute_sql(&format!(
        "UPDATE calls SET deadline = (now() AT TIME ZONE 'utc') + interval '12 days' \
         WHERE id = '{call}'"
    ));

    for _ in 0..300 {
        if outbox_count(&shared.database_url, Some("burst"), Some("sent")) == 40 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(
        outbox_count(&shared.database_url, Some("burst"), Some("sent")),
        40
    );
    // Both workers have now run their periodic jobs at least twice (every 3 s here).
    tokio::time::sleep(Duration::from_secs(8)).await;
    let files = mail_files(&shared.mail_dir);
    for to in &burst {
        let n = files
            .iter()
            .filter(|(t, _)| t.contains(to.as_str()))
            .count();
        assert_eq!(n, 1, "{to} received {n} copies");
    }
    assert_eq!(
        outbox_count(&shared.database_url, Some("clarifications-due"), None),
        1,
        "one reminder for the one staff member"
    );
    for _ in 0..100 {
        if outbox_count(
            &shared.database_url,
            Some("clarifications-due"),
            Some("sent"),
        ) == 1
        {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let subject: String = {
        use grants::db::schema::outbox::dsl as o;
        o::outbox
            .filter(o::kind.eq("clarifications-due"))
            .select(o::subject)
            .first(&mut PgConnection::establish(&shared.database_url).unwrap())
            .unwrap()
    };
    // The file holds the subject MIME-encoded from its first non-ASCII character.
    let ascii_prefix: String = subject.chars().take_while(char::is_ascii).collect();
    let to_officer: Vec<(String, String)> = mail_files(&shared.mail_dir)
        .into_iter()
        .filter(|(to, _)| to.contains(officer.as_str()))
        .collect();
    let reminders = to_officer
        .iter()
        .filter(|(_, s)| s.starts_with(ascii_prefix.trim_end()))
        .count();
    assert_eq!(
        reminders, 1,
        "the officer got the reminder once: {subject:?} in {to_officer:?}"
    );

    // 5. A document uploaded through A downloads through B.
    let (officer_browser, officer_jar) = browser();
    assert_eq!(
        login(&officer_browser, &a, &officer, PASSWORD)
            .await
            .status(),
        StatusCode::SEE_OTHER
    );
    let pdf = grants::services::demo::minimal_pdf(&["Guidelines uploaded on node A"]);
    let token = csrf(&officer_browser, &a, &format!("/manage/calls/{draft}")).await;
    let form = reqwest::multipart::Form::new()
        .text("language", "en")
        .text("title", "Guidelines for applicants")
        .part(
            "file",
            reqwest::multipart::Part::bytes(pdf.clone()).file_name("guidelines.pdf"),
        );
    let res = officer_browser
        .post(a.url(&format!(
            "/manage/calls/{draft}/documents?csrf_token={token}"
        )))
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER, "uploaded on A");
    let page = officer_browser
        .get(b.url(&format!("/manage/calls/{draft}")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let link = Regex::new(&format!(r#"href="(/calls/{draft}/documents/[^"]+)""#))
        .unwrap()
        .captures(&page)
        .expect("the document is listed on B")[1]
        .to_string();
    let res = officer_browser.get(b.url(&link)).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.bytes().await.unwrap().to_vec(), pdf, "the same bytes");

    // 6. Sign-in throttling counts across nodes: five failures spread over A and B
    // use up the allowance of the account from this address on both.
    let (guesser, _) = browser();
    for (i, node) in [&a, &b, &a, &b, &a].into_iter().enumerate() {
        let res = login(&guesser, node, &officer, &format!("wrong guess {i}")).await;
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED, "guess {i}");
    }
    for node in [&b, &a] {
        let res = login(&guesser, node, &officer, PASSWORD).await;
        assert_eq!(
            res.status(),
            StatusCode::TOO_MANY_REQUESTS,
            "the sixth attempt is throttled on {}",
            node.name
        );
    }

    // 7. `grants migrate` while both serve: nothing to do, and both keep serving.
    let out = Command::new(env!("CARGO_BIN_EXE_grants"))
        .arg("migrate")
        .env(
            "APP_CONFIG_DIR",
            concat!(env!("CARGO_MANIFEST_DIR"), "/config"),
        )
        .env("APP_ENV", "production")
        .env("DATABASE_URL", &shared.database_url)
        .env("APP__DATA__DIR", dir.path().join("migrate"))
        .env("APP__SECURITY__SECRET_KEY", &shared.secret_key)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("up to date"));
    let officer_cookie = cookie_of(&officer_jar, &a);
    for node in [&a, &b] {
        assert_eq!(
            account_with_cookie(node, &officer_cookie).await,
            StatusCode::OK
        );
    }

    // 8. SIGTERM with an upload in flight: the request finishes, then the node stops.
    let token = csrf(&officer_browser, &a, &format!("/manage/calls/{draft}")).await;
    let port: u16 = a.base.rsplit(':').next().unwrap().parse().unwrap();
    let path = format!("/manage/calls/{draft}/documents?csrf_token={token}");
    let second = grants::services::demo::minimal_pdf(&["Sent while the node stops"]);
    let in_flight = std::thread::spawn(move || slow_upload(port, &path, &officer_cookie, &second));
    tokio::time::sleep(Duration::from_millis(700)).await;
    a.terminate();
    let status_line = tokio::task::spawn_blocking(move || in_flight.join().unwrap())
        .await
        .unwrap();
    assert!(
        status_line.contains(" 303 "),
        "the upload in flight finished: {status_line}"
    );
    let code = tokio::task::spawn_blocking(move || {
        let code = a.wait_exit(Duration::from_secs(30));
        (code, a)
    })
    .await
    .unwrap();
    let (code, a) = code;
    assert_eq!(code, Some(0), "{}", a.log_text());
    let log = a.log_text();
    assert!(log.contains("worker stopped"), "{log}");
    assert!(log.contains("portal stopped"), "{log}");
    // B carries on alone.
    assert_eq!(
        Client::new()
            .get(b.url("/healthz"))
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::OK
    );
    b.terminate();
    let code = tokio::task::spawn_blocking(move || b.wait_exit(Duration::from_secs(30)))
        .await
        .unwrap();
    assert_eq!(code, Some(0));
    // The two nodes' lines carry the request id and the user's id, never an email.
    assert!(!log.contains(&officer), "an email in the log");
}

fn rand_bytes(n: usize) -> Vec<u8> {
    (0..n).map(|_| rand::random::<u8>()).collect()
}

/// Sends a multipart upload in two halves a second and a half apart, so that the
/// request is in flight when the node is told to stop; returns the status line.
fn slow_upload(port: u16, path: &str, cookie: &str, pdf: &[u8]) -> String {
    let boundary = "----twonodesboundary";
    let mut body = Vec::new();
    for (name, value) in [("language", "ru"), ("title", "Руководство")] {
        write!(
            body,
            "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
        )
        .unwrap();
    }
    write!(
        body,
        "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"guide.pdf\"\r\nContent-Type: application/pdf\r\n\r\n"
    )
    .unwrap();
    body.extend_from_slice(pdf);
    write!(body, "\r\n--{boundary}--\r\n").unwrap();
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    write!(
        stream,
        "POST {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nCookie: {cookie}\r\n\
         Content-Type: multipart/form-data; boundary={boundary}\r\nContent-Length: {}\r\n\
         Connection: close\r\n\r\n",
        body.len()
    )
    .unwrap();
    let half = body.len() / 2;
    stream.write_all(&body[..half]).unwrap();
    stream.flush().unwrap();
    std::thread::sleep(Duration::from_millis(1500));
    stream.write_all(&body[half..]).unwrap();
    let mut response = String::new();
    let _ = stream.read_to_string(&mut response);
    response.lines().next().unwrap_or("").to_string()
}
