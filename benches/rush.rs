//! The deadline rush (issue 8), against the release build of the portal:
//!
//! N applicant accounts, each with a complete full application (open call), submit it
//! through the JSON API at random moments of the last W seconds before the deadline;
//! some of them click twice; L more accounts submit just after the deadline. Then the
//! database is read back: every acknowledged submission is stored exactly once and in
//! time, nothing refused or late is stored, receipt numbers run 1..k per lot without gap
//! or double. Reported: throughput, p50/p95/p99 latency, the server's peak RSS.
//!
//! Modes: `--kill-after S` kills the server with SIGKILL S seconds into the window
//! (durability: no acknowledged submission may be lost; the server is then restarted on
//! the same database and must serve it); `--nodes 2` runs two portal processes on one
//! database and one document folder, alternating requests, and checks that each node sees
//! the other's submissions (PostgreSQL).
//!
//! ```sh
//! cargo bench --bench rush -- --db sqlite
//! cargo bench --bench rush -- --db postgres            # TEST_POSTGRES_URL or the default
//! cargo bench --bench rush -- --db sqlite --kill-after 30
//! cargo bench --bench rush -- --db postgres --nodes 2
//! ```
//! Options: `--n 1000 --window 60 --late 50 --double 100`. See benches/README.md.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::process::Child;
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{NaiveDateTime, Utc};
use diesel::prelude::*;
use grants::clock::Clock;
use grants::domain::calls::CallType;
use grants::domain::money::Money;
use grants::services;
use grants::services::full_application::FullSection;
use grants::state::AppState;
use serde_json::{json, Value};

mod common;
use common::*;

#[derive(Debug, Clone)]
struct Options {
    db: String,
    n: usize,
    window: u64,
    late: usize,
    double: usize,
    kill_after: Option<u64>,
    nodes: usize,
}

fn options() -> Options {
    Options {
        db: arg("--db").unwrap_or_else(|| "sqlite".into()),
        n: arg("--n").unwrap_or(1000),
        window: arg("--window").unwrap_or(60),
        late: arg("--late").unwrap_or(50),
        double: arg("--double").unwrap_or(100),
        kill_after: arg("--kill-after"),
        nodes: arg("--nodes").unwrap_or(1),
    }
}

/// One applicant: their application and API token.
#[derive(Clone)]
struct Applicant {
    application: String,
    token: String,
}

async fn seed(state: &Arc<AppState>, total: usize) -> (String, Vec<Applicant>) {
    let (_, call, lots) = published_call(state, CallType::Open, "RUSH-CALL").await;
    let lot = lots[1].clone();
    let started = Instant::now();
    // A few at a time (the database serialises writes anyway).
    let limit = Arc::new(tokio::sync::Semaphore::new(8));
    let handles: Vec<_> = (0..total)
        .map(|i| {
            let state = state.clone();
            let call = call.clone();
            let lot = lot.clone();
            let limit = limit.clone();
            tokio::spawn(async move {
                let _permit = limit.acquire().await.unwrap();
                applicant(&state, &call, &lot, i).await
            })
        })
        .collect();
    let mut applicants = Vec::with_capacity(total);
    for h in handles {
        applicants.push(h.await.unwrap());
    }
    eprintln!(
        "seeded {total} applicants with complete full applications in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    (call, applicants)
}

async fn applicant(state: &AppState, call: &str, lot: &str, i: usize) -> Applicant {
    let actor = applicant_account(state, &format!("applicant{i}@rush.example")).await;
    let org = services::organisations::register(
        state,
        &actor,
        grants::domain::organisations::OrganisationInput {
            legal_name: format!("Rush organisation {i:04}"),
            legal_status: "international_organisation".into(),
            country: "DE".into(),
            registration_number: format!("HRB RUSH{i}"),
            address: "Berlin".into(),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let id = services::applications::start(state, &actor, call.into(), lot.into(), org)
        .await
        .unwrap()
        .unwrap();
    services::applications::save_concept_note(
        state,
        &actor,
        id.clone(),
        1,
        services::applications::ConceptNoteInput {
            title: format!("Water for village {i}"),
            relevance: "Twelve villages drink unsafe water.".into(),
            design: "Wells, pumps and training.".into(),
            eu_contribution: Some(Money::from_cents(10_111_500)),
            duration_months: Some(24),
            action_locations: None,
        },
    )
    .await
    .unwrap()
    .unwrap();
    let sections = [
        FullSection::Description {
            description: "Wells.".into(),
            sustainability: "Akimat.".into(),
        },
        FullSection::Logframe(
            serde_json::from_value(json!({"overall_objective": "Safe water", "specific_objective": "Wells",
                "results": [{"statement": "Wells built", "indicators": [{"name": "Wells", "baseline": "0", "target": "12"}]}]}))
            .unwrap(),
        ),
        FullSection::WorkPlan(
            serde_json::from_value(json!([{"title": "Drilling", "result": 1, "months": [1, 2]}]))
                .unwrap(),
        ),
        FullSection::Budget(
            serde_json::from_value(json!({"lines": [
                {"heading": 1, "description": "Engineer", "unit": "month", "quantity_hundredths": 2400, "unit_cost": 250_000, "year": 1},
                {"heading": 3, "description": "Drill", "unit": "piece", "quantity_hundredths": 100, "unit_cost": 4_000_000, "year": 2}],
                "contingency": 500_000, "indirect": 735_000,
                "funding": {"eu_contribution": 10_111_500, "own_contribution": 1_123_500}}))
            .unwrap(),
        ),
        FullSection::Declaration {
            name: "Aigerim".into(),
            position: "Director".into(),
        },
    ];
    for (k, section) in sections.into_iter().enumerate() {
        services::full_application::save_section(state, &actor, id.clone(), 2 + k as i32, section)
            .await
            .unwrap()
            .unwrap();
    }
    let (_, token) = services::api_tokens::create(state, &actor, "rush", Some(30))
        .await
        .unwrap();
    Applicant {
        application: id,
        token,
    }
}

/// What one submit request got.
#[derive(Debug, Clone)]
struct Outcome {
    applicant: usize,
    late: bool,
    status: Option<u16>,
    receipt: Option<String>,
    latency: Duration,
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let o = options();
    let dir = tempfile::Builder::new()
        .prefix("grants-rush-")
        .tempdir()
        .unwrap();
    let (url, pg) = database_url(&o.db, dir.path());
    let settings = settings_for(dir.path(), &url);
    let state = Arc::new(grants::build_state(settings, Clock::system()).expect("state"));
    let total = o.n + o.late;
    let (call, applicants) = seed(&state, total).await;
    let applicants = Arc::new(applicants);

    let ports: Vec<u16> = (0..o.nodes.max(1)).map(|_| free_port()).collect();
    let mut servers: Vec<Child> = ports
        .iter()
        .enumerate()
        .map(|(k, p)| start_server(dir.path(), &url, *p, &format!("server{k}.log")))
        .collect();
    let bases: Vec<String> = ports
        .iter()
        .map(|p| format!("http://127.0.0.1:{p}"))
        .collect();
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(64)
        .timeout(Duration::from_secs(30))
        .build()
        .unwrap();
    for b in &bases {
        wait_healthy(&client, b).await;
    }

    // The deadline: the window starts 5 s from now.
    let lead = Duration::from_secs(5);
    let deadline_wall = Utc::now().naive_utc()
        + chrono::Duration::from_std(lead).unwrap()
        + chrono::Duration::seconds(o.window as i64);
    let deadline_wall = grants::db::truncate_micros(deadline_wall);
    set_deadline(&state, &call, deadline_wall);
    let start = Instant::now();
    let window_start = start + lead;
    let deadline_at = window_start + Duration::from_secs(o.window);

    // Who submits when: on time uniformly over the window, the late ones in the three
    // seconds after it; the first `double` on-time applicants click twice.
    let mut rng_state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = || {
        rng_state ^= rng_state << 13;
        rng_state ^= rng_state >> 7;
        rng_state ^= rng_state << 17;
        (rng_state % 1_000_000) as f64 / 1_000_000.0
    };
    let mut plan: Vec<(usize, Instant, bool)> = Vec::new();
    for i in 0..o.n {
        let at = window_start + Duration::from_secs_f64(next() * o.window as f64);
        plan.push((i, at, false));
        if i < o.double {
            plan.push((i, at + Duration::from_millis(30), false));
        }
    }
    for i in o.n..total {
        plan.push((
            i,
            deadline_at + Duration::from_secs_f64(0.05 + next() * 3.0),
            true,
        ));
    }

    let killer = o.kill_after.map(|s| window_start + Duration::from_secs(s));
    let outcomes = Arc::new(tokio::sync::Mutex::new(Vec::<Outcome>::new()));
    let mut tasks = Vec::new();
    for (n, (i, at, late)) in plan.into_iter().enumerate() {
        let client = client.clone();
        let base = bases[n % bases.len()].clone();
        let applicants = applicants.clone();
        let outcomes = outcomes.clone();
        tasks.push(tokio::spawn(async move {
            tokio::time::sleep_until(at.into()).await;
            let a = &applicants[i];
            let sent = Instant::now();
            let res = client
                .post(format!(
                    "{base}/api/v1/applications/{}/submit",
                    a.application
                ))
                .bearer_auth(&a.token)
                .send()
                .await;
            let (status, receipt) = match res {
                Ok(r) => {
                    let status = r.status().as_u16();
                    let body: Value = r.json().await.unwrap_or(Value::Null);
                    if status != 200 && !late {
                        eprintln!("refused though sent before the deadline ({status}): {body}");
                    }
                    (
                        Some(status),
                        body["receipt_number"].as_str().map(str::to_string),
                    )
                }
                Err(_) => (None, None),
            };
            outcomes.lock().await.push(Outcome {
                applicant: i,
                late,
                status,
                receipt,
                latency: sent.elapsed(),
            });
        }));
    }
    let mut peak_kib = 0;
    let mut killed = false;
    // Watch memory during the rush (and kill the server when asked).
    while tasks.iter().any(|t| !t.is_finished()) {
        for s in &servers {
            peak_kib = peak_kib.max(peak_rss_kib(s.id()).unwrap_or(0));
        }
        if let Some(k) = killer {
            if !killed && Instant::now() >= k {
                for s in servers.iter_mut() {
                    s.kill().unwrap();
                    s.wait().unwrap();
                }
                killed = true;
                eprintln!(
                    "server killed with SIGKILL {:?} into the window",
                    o.kill_after.unwrap()
                );
            }
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    for s in &servers {
        peak_kib = peak_kib.max(peak_rss_kib(s.id()).unwrap_or(0));
    }
    let outcomes = outcomes.lock().await.clone();

    // Read back what the database holds.
    let (submissions, statuses) = {
        use grants::db::schema::application_submissions::dsl as s;
        use grants::db::schema::applications::dsl as a;
        let mut conn = state.pool.get().unwrap();
        let subs: Vec<(String, String, String, NaiveDateTime)> = s::application_submissions
            .filter(s::call_id.eq(&call))
            .select((
                s::application_id,
                s::lot_id,
                s::receipt_number,
                s::submitted_at,
            ))
            .load(&mut conn)
            .unwrap();
        let statuses: HashMap<String, String> = a::applications
            .filter(a::call_id.eq(&call))
            .select((a::id, a::status))
            .load::<(String, String)>(&mut conn)
            .unwrap()
            .into_iter()
            .collect();
        (subs, statuses)
    };
    let mut problems = Vec::new();
    let mut stored: HashMap<&str, usize> = HashMap::new();
    for (application, _, _, at) in &submissions {
        *stored.entry(application.as_str()).or_default() += 1;
        if *at > deadline_wall {
            problems.push(format!("{application} stored after the deadline ({at})"));
        }
    }
    for (application, n) in &stored {
        if *n != 1 {
            problems.push(format!("{application} stored {n} times"));
        }
    }
    let mut acknowledged = HashSet::new();
    for out in &outcomes {
        let id = applicants[out.applicant].application.as_str();
        if out.status == Some(200) {
            acknowledged.insert(id);
            if out.late {
                problems.push(format!("late submission of {id} accepted"));
            }
            if stored.get(id) != Some(&1) {
                problems.push(format!("acknowledged submission of {id} not stored once"));
            }
        }
    }
    for application in stored.keys() {
        if !acknowledged.contains(application) && !killed {
            problems.push(format!("{application} stored but never acknowledged"));
        }
        if statuses.get(*application).map(String::as_str) != Some("submitted") {
            problems.push(format!(
                "{application} has a submission but is not submitted"
            ));
        }
    }
    // On-time submissions are accepted (a broken fixture would pass everything else).
    let accepted_in_time = outcomes
        .iter()
        .filter(|o| !o.late && o.status == Some(200))
        .count();
    if !killed && accepted_in_time * 10 < o.n * 9 {
        problems.push(format!(
            "only {accepted_in_time} of {} on-time submissions accepted",
            o.n
        ));
    }
    // Receipts per lot: 1..k, no gap, no double.
    let mut per_lot: BTreeMap<&str, Vec<u32>> = BTreeMap::new();
    for (_, lot, number, _) in &submissions {
        let n: u32 = number.rsplit('/').next().unwrap().parse().unwrap();
        per_lot.entry(lot.as_str()).or_default().push(n);
    }
    for (lot, mut numbers) in per_lot {
        numbers.sort_unstable();
        let expected: Vec<u32> = (1..=numbers.len() as u32).collect();
        if numbers != expected {
            problems.push(format!(
                "receipts of lot {lot} are not 1..{}",
                numbers.len()
            ));
        }
    }

    // Several nodes: each sees what the others took.
    if bases.len() > 1 && !killed {
        for out in outcomes.iter().filter(|o| o.status == Some(200)).take(200) {
            let a = &applicants[out.applicant];
            for b in &bases {
                let v: Value = client
                    .get(format!("{b}/api/v1/applications/{}", a.application))
                    .bearer_auth(&a.token)
                    .send()
                    .await
                    .unwrap()
                    .json()
                    .await
                    .unwrap();
                if v["status"] != "submitted"
                    || v["receipt_number"].as_str() != out.receipt.as_deref()
                {
                    problems.push(format!(
                        "{b} does not see the submission of {}",
                        a.application
                    ));
                }
            }
        }
    }
    // After a kill: the restarted server opens the same database and serves it.
    if killed {
        let port = free_port();
        let mut again = start_server(dir.path(), &url, port, "restarted.log");
        let base = format!("http://127.0.0.1:{port}");
        wait_healthy(&client, &base).await;
        if let Some(out) = outcomes.iter().find(|o| o.status == Some(200)) {
            let a = &applicants[out.applicant];
            let v: Value = client
                .get(format!("{base}/api/v1/applications/{}", a.application))
                .bearer_auth(&a.token)
                .send()
                .await
                .unwrap()
                .json()
                .await
                .unwrap();
            if v["status"] != "submitted" {
                problems.push("the restarted server lost a submission".into());
            }
        }
        again.kill().ok();
        again.wait().ok();
    }

    // Report.
    let on_time: Vec<&Outcome> = outcomes.iter().filter(|o| !o.late).collect();
    let mut latencies: Vec<Duration> = outcomes
        .iter()
        .filter(|o| o.status.is_some())
        .map(|o| o.latency)
        .collect();
    latencies.sort_unstable();
    let count = |f: &dyn Fn(&Outcome) -> bool| outcomes.iter().filter(|o| f(o)).count();
    let accepted = count(&|o| o.status == Some(200));
    let refused_in_time = count(&|o| !o.late && o.status.is_some_and(|s| s != 200));
    let late_refused = count(&|o| o.late && o.status == Some(409));
    let unanswered = count(&|o| o.status.is_none());
    println!(
        "## Deadline rush — {} ({} node(s){})",
        o.db,
        bases.len(),
        if killed {
            ", server killed with SIGKILL"
        } else {
            ""
        }
    );
    println!("- applicants: {} on time over the last {} s (of which {} clicked twice), {} after the deadline",
        o.n, o.window, o.double.min(o.n), o.late);
    println!("- requests: {} sent, {} answered 200, {} on time refused, {} late refused (409), {} unanswered",
        outcomes.len(), accepted, refused_in_time, late_refused, unanswered);
    println!(
        "- stored submissions: {} (distinct applications acknowledged: {})",
        submissions.len(),
        acknowledged.len()
    );
    println!(
        "- throughput: {:.1} on-time requests/s over the window",
        on_time.len() as f64 / o.window as f64
    );
    println!(
        "- latency: p50 {:.1} ms, p95 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        percentile(&latencies, 50.0).as_secs_f64() * 1e3,
        percentile(&latencies, 95.0).as_secs_f64() * 1e3,
        percentile(&latencies, 99.0).as_secs_f64() * 1e3,
        latencies.last().copied().unwrap_or_default().as_secs_f64() * 1e3
    );
    println!(
        "- server peak RSS: {:.1} MiB{}",
        peak_kib as f64 / 1024.0,
        if bases.len() > 1 {
            " (the larger node)"
        } else {
            ""
        }
    );
    for s in servers.iter_mut() {
        s.kill().ok();
        s.wait().ok();
    }
    drop(state);
    drop_database(pg);
    if problems.is_empty() {
        println!("- invariants: every acknowledged submission stored exactly once and in time, none late accepted, receipts 1..k per lot: OK");
    } else {
        println!("- invariants: {} PROBLEM(S)", problems.len());
        for p in problems.iter().take(20) {
            println!("  - {p}");
        }
        std::process::exit(1);
    }
    let p99 = percentile(&latencies, 99.0);
    if !killed && (p99 > Duration::from_millis(300) || peak_kib > 128 * 1024) {
        println!("- targets: p99 < 300 ms and peak RSS < 128 MiB NOT met");
        std::process::exit(2);
    }
}
