//! Received applications at scale (issue 8), against the release build: a call with
//! N (10,000) applications — concept notes from Kazakh NGOs and akimats of the pilot
//! oblasts (lot 1) and international organisations (lot 2), nine in ten submitted —
//! then the Delegation's list page (first page; filtered and sorted; a deep page) and
//! the CSV and XLSX exports are timed over loopback, R times each. The time measured is
//! the whole request as the client sees it, an upper bound of the server's time.
//!
//! ```sh
//! cargo bench --bench scale -- --db sqlite
//! cargo bench --bench scale -- --db postgres --n 10000 --repeat 30
//! ```
//! Target: list page and CSV export under 150 ms. See benches/README.md.

use std::sync::Arc;
use std::time::{Duration, Instant};

use grants::clock::Clock;
use grants::domain::calls::CallType;
use grants::domain::money::Money;
use grants::services;
use grants::state::AppState;

mod common;
use common::*;

struct Options {
    db: String,
    n: usize,
    repeat: usize,
}

fn options() -> Options {
    Options {
        db: arg("--db").unwrap_or_else(|| "sqlite".into()),
        n: arg("--n").unwrap_or(10_000),
        repeat: arg("--repeat").unwrap_or(30),
    }
}

/// A valid BIN: eleven digits and the check digit of the Kazakh algorithm (None when
/// the number has no check digit).
fn bin(first: &str) -> Option<String> {
    let d: Vec<u32> = first.chars().map(|c| c.to_digit(10).unwrap()).collect();
    let sum = |w: [u32; 11]| d.iter().zip(w).map(|(a, b)| a * b).sum::<u32>() % 11;
    let mut c = sum([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    if c == 10 {
        c = sum([3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]);
    }
    (c < 10).then(|| format!("{first}{c}"))
}

const OBLASTS: [&str; 3] = ["mangystau", "kyzylorda", "east_kazakhstan"];

async fn application(
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

async fn time(client: &reqwest::Client, url: &str, repeat: usize) -> (Vec<Duration>, usize) {
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

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let o = options();
    let dir = tempfile::Builder::new()
        .prefix("grants-scale-")
        .tempdir()
        .unwrap();
    let (url, pg) = database_url(&o.db, dir.path());
    let state =
        Arc::new(grants::build_state(settings_for(dir.path(), &url), Clock::system()).unwrap());
    let (_, call, _) = published_call(&state, CallType::Restricted, "SCALE-CALL").await;
    let lots = {
        let call = call.clone();
        state
            .db(move |conn| Ok(grants::db::calls::lots_of(conn, &call)?))
            .await
            .unwrap()
    };
    // Kazakh organisations need distinct valid BINs: the serials that have a check digit.
    let serials: Vec<usize> = (0..10_000)
        .filter(|s| bin(&format!("0801400{s:04}")).is_some())
        .collect();
    let started = Instant::now();
    let limit = Arc::new(tokio::sync::Semaphore::new(8));
    let lots = Arc::new(lots);
    let handles: Vec<_> = (0..o.n)
        .map(|i| {
            let state = state.clone();
            let call = call.clone();
            let lots = lots.clone();
            let limit = limit.clone();
            let serial = serials[(i / 2) % serials.len()];
            tokio::spawn(async move {
                let _permit = limit.acquire().await.unwrap();
                application(&state, &call, &lots, i, serial).await
            })
        })
        .collect();
    for h in handles {
        h.await.unwrap();
    }
    eprintln!(
        "seeded {} applications in {:.0} s",
        o.n,
        started.elapsed().as_secs_f64()
    );

    let port = free_port();
    let mut server = start_server(dir.path(), &url, port, "server.log");
    let base = format!("http://127.0.0.1:{port}");
    let client = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    wait_healthy(&client, &base).await;
    // Sign in as the Delegation (the bench's server asks no second factor).
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
            ("email", STAFF_EMAIL),
            ("password", STAFF_PASSWORD),
            ("csrf_token", token.as_str()),
        ])
        .send()
        .await
        .unwrap();
    assert!(res.status().is_redirection(), "signed in");

    let list = format!("{base}/manage/calls/{call}/applications");
    let cases = [
        ("list page, first page (default sort)", list.clone()),
        (
            "list page, lot 1 + Kyzylorda + NGOs, by amount requested ↓",
            format!(
                "{list}?lot={}&oblast=kyzylorda&applicant_type=ngo&sort=requested_desc",
                lots[0].id
            ),
        ),
        (
            "list page, submitted, amount ≥ EUR 100,000, by organisation, page 20",
            format!("{list}?status=submitted&min=100000&sort=organisation&page=20"),
        ),
        (
            "CSV export (all rows)",
            format!("{base}/manage/calls/{call}/applications.csv"),
        ),
        (
            "XLSX export (all rows)",
            format!("{base}/manage/calls/{call}/applications.xlsx"),
        ),
    ];
    println!(
        "## Received applications — {} ({} applications, {} requests each)",
        o.db, o.n, o.repeat
    );
    println!("| request | p50 | p95 | max | response |");
    println!("|---|---|---|---|---|");
    let mut over = Vec::new();
    for (label, url) in cases {
        let (times, size) = time(&client, &url, o.repeat).await;
        let p50 = percentile(&times, 50.0);
        let p95 = percentile(&times, 95.0);
        println!(
            "| {label} | {:.1} ms | {:.1} ms | {:.1} ms | {} KiB |",
            ms(p50),
            ms(p95),
            ms(*times.last().unwrap()),
            size / 1024
        );
        if !label.starts_with("XLSX") && p50 > Duration::from_millis(150) {
            over.push(label);
        }
    }
    if let Some(pid) = Some(server.id()) {
        println!(
            "\nserver peak RSS: {:.1} MiB",
            peak_rss_kib(pid).unwrap_or(0) as f64 / 1024.0
        );
    }
    server.kill().ok();
    server.wait().ok();
    drop(state);
    drop_database(pg);
    if !over.is_empty() {
        println!("\nover 150 ms (p50): {over:?}");
        std::process::exit(2);
    }
}
