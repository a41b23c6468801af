//! The `grants` command line and the two migration trees.

use std::io::Write;
use std::process::{Command, Stdio};

use reqwest::StatusCode;

use crate::helpers::{new_client, Db, TestApp};

pub(crate) fn grants(app: &TestApp, args: &[&str], stdin: Option<&str>) -> std::process::Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_grants"))
        .args(args)
        .env("DATABASE_URL", &app.database_url)
        .env(
            "APP_CONFIG_DIR",
            concat!(env!("CARGO_MANIFEST_DIR"), "/config"),
        )
        .env("APP_ENV", "test")
        .env("APP__DATA__DIR", &app.state.settings.data.dir)
        .env("APP__MAIL__TRANSPORT", "file")
        .env(
            "APP__MAIL__FILE_DIR",
            app.state.settings.data.dir.join("cli-mail"),
        )
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    if let Some(input) = stdin {
        child
            .stdin
            .take()
            .unwrap()
            .write_all(input.as_bytes())
            .unwrap();
    }
    drop(child.stdin.take());
    child.wait_with_output().unwrap()
}

async fn user_add_creates_accounts_with_a_password_or_an_invitation(db: Db) {
    let Some(app) = TestApp::spawn(db).await else {
        return;
    };
    let out = grants(
        &app,
        &[
            "user",
            "add",
            "--email",
            "Chair@Example.kz",
            "--name",
            "Committee Chair",
            "--role",
            "delegation",
            "--password-stdin",
        ],
        Some("steppe wind and tulips\n"),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let res = app
        .login_with(&new_client(), "chair@example.kz", "steppe wind and tulips")
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);

    let out = grants(
        &app,
        &[
            "user",
            "add",
            "--email",
            "invitee@example.kz",
            "--name",
            "Invitee",
            "--role",
            "auditor",
        ],
        None,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // The command sends the invitation itself, unless the running portal's worker (a
    // second node on the same database) leased and sent it first: either way, once.
    let mail_dir = app.state.settings.data.dir.join("cli-mail");
    for _ in 0..40 {
        if app.sent_mail().iter().any(|m| m.to == "invitee@example.kz") || mail_dir.exists() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    let from_cli: Vec<String> = std::fs::read_dir(&mail_dir)
        .map(|d| {
            d.filter_map(|e| e.ok())
                .map(|e| std::fs::read_to_string(e.path()).unwrap_or_default())
                .collect()
        })
        .unwrap_or_default();
    let from_portal: Vec<String> = app
        .sent_mail()
        .into_iter()
        .filter(|m| m.to == "invitee@example.kz")
        .map(|m| m.body)
        .collect();
    assert_eq!(from_cli.len() + from_portal.len(), 1, "sent exactly once");
    assert!(from_cli
        .iter()
        .chain(from_portal.iter())
        .all(|m| m.contains("/set-password?token=")));

    let out = grants(
        &app,
        &[
            "user",
            "add",
            "--email",
            "x@example.kz",
            "--name",
            "X",
            "--role",
            "emperor",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    let out = grants(
        &app,
        &[
            "user",
            "add",
            "--email",
            "weak@example.kz",
            "--name",
            "W",
            "--role",
            "admin",
            "--password-stdin",
        ],
        Some("short\n"),
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("at least 15 characters"));
    let out = grants(&app, &["migrate"], None);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("up to date"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cli_user_add_on_sqlite() {
    user_add_creates_accounts_with_a_password_or_an_invitation(Db::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cli_user_add_on_postgres() {
    user_add_creates_accounts_with_a_password_or_an_invitation(Db::Postgres).await;
}

fn migration_names(tree: &str) -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("migrations")
        .join(tree);
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    names.sort();
    names
}

#[test]
fn both_migration_trees_have_the_same_names() {
    let sqlite = migration_names("sqlite");
    let postgres = migration_names("postgres");
    assert!(!sqlite.is_empty());
    assert_eq!(sqlite, postgres);
    for name in &sqlite {
        for tree in ["sqlite", "postgres"] {
            let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("migrations")
                .join(tree)
                .join(name);
            assert!(
                dir.join("up.sql").exists() && dir.join("down.sql").exists(),
                "{tree}/{name}"
            );
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn stored_password_hashes_use_the_required_argon2_parameters() {
    let app = TestApp::spawn(Db::Sqlite).await.unwrap();
    app.create_user("hash@example.kz", grants::domain::access::Role::Applicant)
        .await;
    let pool = app.state.pool.clone();
    let hashes = tokio::task::spawn_blocking(move || {
        use diesel::prelude::*;
        use grants::db::schema::users;
        let mut conn = pool.get().unwrap();
        users::table
            .select(users::password_hash)
            .load::<Option<String>>(&mut conn)
            .unwrap()
    })
    .await
    .unwrap();
    assert!(!hashes.is_empty());
    for h in hashes.into_iter().flatten() {
        let parsed = argon2::password_hash::PasswordHash::new(&h).unwrap();
        assert_eq!(parsed.algorithm.as_str(), "argon2id");
        let params = argon2::Params::try_from(&parsed).unwrap();
        assert_eq!(
            (params.m_cost(), params.t_cost(), params.p_cost()),
            (19456, 2, 1)
        );
    }
}

async fn backup_and_restore(db: Db) {
    let Some(app) = TestApp::spawn(db).await else {
        return;
    };
    app.create_user("kept@example.kz", grants::domain::access::Role::Applicant)
        .await;
    let target = app.state.settings.data.dir.join(if db == Db::Sqlite {
        "backup.db"
    } else {
        "backup.dump"
    });
    let out = grants(&app, &["backup", "--to", target.to_str().unwrap()], None);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // A second backup to the same file is refused rather than overwriting it.
    assert!(
        !grants(&app, &["backup", "--to", target.to_str().unwrap()], None)
            .status
            .success()
    );

    // Restore: SQLite uses the file as it is; PostgreSQL restores into a new database.
    let restored_url = match db {
        Db::Sqlite => format!("sqlite://{}", target.display()),
        Db::Postgres => {
            let admin_url = std::env::var("TEST_POSTGRES_URL").unwrap();
            let name = format!("grants_restore_{}", uuid::Uuid::new_v4().simple());
            let mut conn =
                <diesel::PgConnection as diesel::Connection>::establish(&admin_url).unwrap();
            diesel::connection::SimpleConnection::batch_execute(
                &mut conn,
                &format!("CREATE DATABASE \"{name}\""),
            )
            .unwrap();
            let mut url = url::Url::parse(&admin_url).unwrap();
            url.set_path(&format!("/{name}"));
            let status = Command::new("pg_restore")
                .args(["--no-owner", "--dbname", url.as_str()])
                .arg(&target)
                .status()
                .unwrap();
            assert!(status.success(), "pg_restore failed");
            url.to_string()
        }
    };
    let verify = Command::new(env!("CARGO_BIN_EXE_grants"))
        .args(["audit", "verify"])
        .env("DATABASE_URL", &restored_url)
        .env(
            "APP_CONFIG_DIR",
            concat!(env!("CARGO_MANIFEST_DIR"), "/config"),
        )
        .env("APP_ENV", "test")
        .env("APP__DATA__DIR", &app.state.settings.data.dir)
        .output()
        .unwrap();
    assert!(
        verify.status.success(),
        "{}",
        String::from_utf8_lossy(&verify.stderr)
    );
    let pool = grants::db::build_pool(&restored_url, 1).unwrap();
    let found =
        grants::db::users::find_by_email(&mut pool.get().unwrap(), "kept@example.kz").unwrap();
    assert!(found.is_some(), "the restored database has the data");
    drop(pool);
    if db == Db::Postgres {
        let admin_url = std::env::var("TEST_POSTGRES_URL").unwrap();
        let name = restored_url.rsplit('/').next().unwrap().to_string();
        let mut conn = <diesel::PgConnection as diesel::Connection>::establish(&admin_url).unwrap();
        let _ = diesel::connection::SimpleConnection::batch_execute(
            &mut conn,
            &format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"),
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn backup_and_restore_on_sqlite() {
    backup_and_restore(Db::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn backup_and_restore_on_postgres() {
    backup_and_restore(Db::Postgres).await;
}

/// `grants demo` on a fresh SQLite database: one line about the database (not one per
/// migration), the accounts, and email links that follow `server.bind` when no public
/// URL is set; `-v` shows the migrations.
#[test]
fn the_demo_command_is_quiet_and_its_mail_follows_the_bound_address() {
    let dir = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_grants"))
            .args(args)
            .env_remove("RUST_LOG")
            .env(
                "DATABASE_URL",
                format!("sqlite://{}", dir.path().join("demo.db").display()),
            )
            .env(
                "APP_CONFIG_DIR",
                concat!(env!("CARGO_MANIFEST_DIR"), "/config"),
            )
            .env("APP_ENV", "development")
            .env("APP__DATA__DIR", dir.path())
            .env("APP__SERVER__BIND", "127.0.0.1:9321")
            .env("APP__SERVER__PUBLIC_URL", "")
            .output()
            .unwrap()
    };
    let out = run(&["demo"]);
    let (stdout, stderr) = (
        String::from_utf8_lossy(&out.stdout).to_string(),
        String::from_utf8_lossy(&out.stderr).to_string(),
    );
    assert!(out.status.success(), "{stderr}");
    let migrations = migration_names("sqlite").len();
    assert!(
        stderr.contains(&format!("database ready, {migrations} migrations applied")),
        "{stderr}"
    );
    assert!(!stderr.contains("migration applied") && !stdout.contains("migration applied"));
    assert!(stdout.contains("applicant@demo.grants.kz") && stdout.contains("second factor key"));
    let mail: Vec<String> = std::fs::read_dir(dir.path().join("mail"))
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| std::fs::read_to_string(e.path()).unwrap_or_default())
        .collect();
    assert!(
        mail.iter().any(|m| m.contains("http://127.0.0.1:9321/")),
        "links to the bound address"
    );
    assert!(!mail.iter().any(|m| m.contains("http://127.0.0.1:8080/")));
    // Again, in detail: nothing to apply, nothing created.
    let out = run(&["-v", "demo"]);
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(
        out.status.success() && stderr.contains("database ready\n"),
        "{stderr}"
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("(exists; password unchanged)"));
}
