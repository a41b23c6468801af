//! What the benchmarks share: settings for a scratch portal, a fresh database, a
//! published call, the release server as a child process, and statistics.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use chrono::NaiveDateTime;
use diesel::prelude::*;
use grants::config::Settings;
use grants::domain::access::Role;
use grants::domain::calls::CallType;
use grants::domain::money::Money;
use grants::i18n::Lang;
use grants::services::{self, Actor};
use grants::state::AppState;

pub const STAFF_EMAIL: &str = "delegation@bench.example";
pub const STAFF_PASSWORD: &str = "steppe eagle over the caspian";

pub fn user_actor(id: &str, email: &str, role: Role) -> Actor {
    Actor {
        user_id: Some(id.into()),
        email: Some(email.into()),
        role: Some(role),
        client_ip: None,
    }
}

pub fn settings_for(dir: &Path, database_url: &str) -> Settings {
    let config = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("config");
    let mut s = Settings::load_from(&config, "production").expect("settings");
    s.database.url = database_url.into();
    s.data.dir = dir.to_path_buf();
    s.mail.transport = grants::config::MailTransportKind::File;
    s.mail.file_dir = dir.join("mail");
    s.security.staff_two_factor = false;
    // Several servers per machine: each its own metrics port.
    s.metrics.bind = "127.0.0.1:0".into();
    s
}

pub fn database_url(db: &str, dir: &Path) -> (String, Option<(String, String)>) {
    match db {
        "sqlite" => (
            format!("sqlite://{}", dir.join("grants.db").display()),
            None,
        ),
        "postgres" => {
            let admin = std::env::var("TEST_POSTGRES_URL")
                .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into());
            let name = format!("grants_rush_{}", uuid::Uuid::new_v4().simple());
            let mut conn = PgConnection::establish(&admin).expect("PostgreSQL reachable");
            diesel::sql_query(format!("CREATE DATABASE \"{name}\""))
                .execute(&mut conn)
                .unwrap();
            let mut url = url::Url::parse(&admin).unwrap();
            url.set_path(&format!("/{name}"));
            (url.to_string(), Some((admin, name)))
        }
        other => panic!("--db sqlite|postgres, not {other}"),
    }
}

/// The call, its lot 2, and N + L applicants with complete full applications.
pub fn drop_database(pg: Option<(String, String)>) {
    if let Some((admin, name)) = pg {
        if let Ok(mut conn) = PgConnection::establish(&admin) {
            let _ = diesel::sql_query(format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"))
                .execute(&mut conn);
        }
    }
}

/// A Delegation account (with a password), a programme and a published call of the
/// given type whose deadline is 100 days away; returns the staff actor, the call and
/// its lots' ids (in order).
pub async fn published_call(
    state: &AppState,
    call_type: CallType,
    reference: &str,
) -> (Actor, String, Vec<String>) {
    let system = Actor::system("bench");
    let staff = services::accounts::create_user(
        state,
        &system,
        STAFF_EMAIL,
        "Delegation",
        Role::Delegation,
        Some(STAFF_PASSWORD.into()),
        Lang::En,
    )
    .await
    .unwrap();
    let staff = user_actor(&staff.id, STAFF_EMAIL, Role::Delegation);
    let today = grants::clock::local_date(state.clock.now());
    let line = |label: &str, euros: i64| {
        grants::domain::programme::MoneyLine::new(label, "", "", Money::euros(euros))
    };
    let programme = services::programmes::create(
        state,
        &staff,
        grants::domain::programme::ProgrammeCommand {
            reference: format!("P-{reference}"),
            title: "Support to local development in the Republic of Kazakhstan".into(),
            entry_into_force: Some(today - chrono::Duration::days(30)),
            total_budget: Money::euros(15_000_000),
            budget_lines: vec![line("Activity 1", 3_450_000)],
            envelopes: vec![line("Pilot oblasts", 2_100_000), line("National", 900_000)],
        },
    )
    .await
    .unwrap();
    let call = services::calls::create(
        state,
        &staff,
        programme,
        services::calls::CallInput {
            reference: reference.into(),
            title: "Deadline rush".into(),
            description: "Local development initiatives.".into(),
            call_type: Some(call_type),
            opens_at: None,
            deadline: Some(grants::db::truncate_micros(
                state.clock.now() + chrono::Duration::days(100),
            )),
            params: Default::default(),
        },
    )
    .await
    .unwrap();
    let pdf = services::demo::minimal_pdf(&["Guidelines"]);
    let upload = services::uploads::check_document("guidelines.pdf", pdf).unwrap();
    services::calls::add_document(
        state,
        &staff,
        call.clone(),
        upload,
        Lang::En,
        "Guidelines".into(),
    )
    .await
    .unwrap();
    services::calls::publish(state, &staff, call.clone())
        .await
        .unwrap()
        .expect("publishable");
    let lots = {
        let call = call.clone();
        state
            .db(move |conn| {
                Ok(grants::db::calls::lots_of(conn, &call)?
                    .into_iter()
                    .map(|l| l.id)
                    .collect::<Vec<_>>())
            })
            .await
            .unwrap()
    };
    (staff, call, lots)
}

pub fn set_deadline(state: &AppState, call: &str, deadline: NaiveDateTime) {
    use grants::db::schema::calls::dsl as c;
    let mut conn = state.pool.get().unwrap();
    diesel::update(c::calls.find(call))
        .set(c::deadline.eq(Some(deadline)))
        .execute(&mut conn)
        .unwrap();
}

pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

pub fn start_server(dir: &Path, database_url: &str, port: u16, log: &str) -> Child {
    let config = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("config");
    let log = std::fs::File::create(dir.join(log)).unwrap();
    Command::new(env!("CARGO_BIN_EXE_grants"))
        .args(["serve", "--bind", &format!("127.0.0.1:{port}")])
        .env("APP_CONFIG_DIR", config)
        .env("APP_ENV", "production")
        .env("DATABASE_URL", database_url)
        .env("APP__DATA__DIR", dir)
        .env("APP__MAIL__TRANSPORT", "file")
        .env("APP__MAIL__FILE_DIR", dir.join("mail"))
        .env(
            "APP__SERVER__PUBLIC_URL",
            format!("http://127.0.0.1:{port}"),
        )
        .env("APP__LOG__FILTER", "warn")
        .env("APP__METRICS__BIND", "127.0.0.1:0")
        // Staff sign in with a password alone here (a benchmark, not a deployment).
        .env("APP__SECURITY__STAFF_TWO_FACTOR", "false")
        .stdout(Stdio::null())
        .stderr(log)
        .spawn()
        .expect("the release binary starts")
}

pub async fn wait_healthy(client: &reqwest::Client, base: &str) {
    for _ in 0..200 {
        if let Ok(r) = client.get(format!("{base}/healthz")).send().await {
            if r.status().is_success() {
                return;
            }
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the server at {base} did not become healthy");
}

pub fn peak_rss_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}

/// The p-th percentile of sorted durations (nearest rank).
pub fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

/// The value after `name` on the command line, if given (`cargo bench` adds `--bench`,
/// which is not asked for and so ignored).
pub fn arg<T: std::str::FromStr>(name: &str) -> Option<T> {
    let args: Vec<String> = std::env::args().collect();
    let i = args.iter().position(|a| a == name)?;
    let value = args.get(i + 1)?;
    Some(
        value
            .parse()
            .unwrap_or_else(|_| panic!("{name}: cannot read {value:?}")),
    )
}

/// An applicant account made without a password (no argon2 per account: the
/// benchmarks act through services or API tokens), as an actor.
pub async fn applicant_account(state: &AppState, email: &str) -> Actor {
    let user = services::accounts::create_user(
        state,
        &Actor::system("bench"),
        email,
        "Applicant",
        Role::Applicant,
        None,
        Lang::En,
    )
    .await
    .unwrap();
    user_actor(&user.id, email, Role::Applicant)
}

/// A valid BIN: eleven digits and the check digit of the Kazakh algorithm (None when
/// the number has no check digit).
pub fn bin(first: &str) -> Option<String> {
    let d: Vec<u32> = first.chars().map(|c| c.to_digit(10).unwrap()).collect();
    let sum = |w: [u32; 11]| d.iter().zip(w).map(|(a, b)| a * b).sum::<u32>() % 11;
    let mut c = sum([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    if c == 10 {
        c = sum([3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]);
    }
    (c < 10).then(|| format!("{first}{c}"))
}

pub const OBLASTS: [&str; 3] = ["mangystau", "kyzylorda", "east_kazakhstan"];

pub async fn concept_note(
    state: &AppState,
    call: &str,
    lots: &[grants::db::calls::LotRow],
    i: usize,
    serial: usize,
) {
    let actor = applicant_account(state, &format!("applicant{i}@scale.example")).await;
    let lot = &lots[i % 2];
    let input = if i % 2 == 0 {
        grants::domain::organisations::OrganisationInput {
            legal_name: format!("Local initiative {i:05}"),
            legal_status: if i % 10 == 0 {
                "local_authority"
            } else {
                "ngo"
            }
            .into(),
            country: "KZ".into(),
            oblast: OBLASTS[(i / 2) % 3].into(),
            registration_number: bin(&format!("0801400{serial:04}")).unwrap(),
            address: "Aktau".into(),
            ..Default::default()
        }
    } else {
        grants::domain::organisations::OrganisationInput {
            legal_name: format!("International partner {i:05}"),
            legal_status: "international_organisation".into(),
            country: "DE".into(),
            registration_number: format!("HRB SCALE{i}"),
            address: "Berlin".into(),
            ..Default::default()
        }
    };
    let org = services::organisations::register(state, &actor, input)
        .await
        .unwrap();
    let id = services::applications::start(state, &actor, call.into(), lot.id.clone(), org)
        .await
        .unwrap()
        .unwrap();
    let span = (lot.max_grant_cents - lot.min_grant_cents).max(1);
    let requested = lot.min_grant_cents + (i as i64 * 791_900) % span;
    services::applications::save_concept_note(
        state,
        &actor,
        id.clone(),
        1,
        services::applications::ConceptNoteInput {
            title: format!("Initiative {i}: water, roads and schools"),
            relevance: "Why this matters to the villages. ".repeat(20),
            design: "What will be done, by whom, when. ".repeat(20),
            eu_contribution: Some(Money::from_cents(requested)),
            duration_months: Some(lot.min_duration_months.max(12) as i32),
            // Where the organisation is, as proposed at the start (CFP-04).
            action_locations: None,
        },
    )
    .await
    .unwrap()
    .unwrap();
    if i % 10 != 9 {
        services::applications::submit(state, &actor, id)
            .await
            .unwrap()
            .expect("a complete concept note");
    }
}

pub async fn time(client: &reqwest::Client, url: &str, repeat: usize) -> (Vec<Duration>, usize) {
    let mut times = Vec::with_capacity(repeat);
    let mut size = 0;
    // One warm-up request, not counted.
    client.get(url).send().await.unwrap().bytes().await.unwrap();
    for _ in 0..repeat {
        let started = Instant::now();
        let res = client.get(url).send().await.unwrap();
        assert!(res.status().is_success(), "{url}: {}", res.status());
        size = res.bytes().await.unwrap().len();
        times.push(started.elapsed());
    }
    times.sort_unstable();
    (times, size)
}

pub fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// Serials whose BIN has a check digit (Kazakh organisations need distinct valid BINs).
pub fn bin_serials() -> Vec<usize> {
    (0..10_000)
        .filter(|s| bin(&format!("0801400{s:04}")).is_some())
        .collect()
}

/// Signs a cookie-keeping client in through the login form.
pub async fn sign_in(client: &reqwest::Client, base: &str, email: &str, password: &str) {
    let login = client
        .get(format!("{base}/login"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let token = regex::Regex::new(r#"name="csrf_token" value="([^"]+)""#)
        .unwrap()
        .captures(&login)
        .expect("a login form")[1]
        .to_string();
    let res = client
        .post(format!("{base}/login"))
        .form(&[
            ("email", email),
            ("password", password),
            ("csrf_token", token.as_str()),
        ])
        .send()
        .await
        .unwrap();
    assert!(res.status().is_redirection(), "{email} signed in");
}
