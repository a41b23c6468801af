//! The evaluation at scale (issue 9), in the release build:
//!
//! 1. Ranking and selection: N (10,000) full applications on 2 lots, 3 assessors'
//!    sheets each, carried relevance — results, thresholds, ranking, shortlist and
//!    selection within the envelopes, computed R times. Target: under 100 ms.
//! 2. The chair's board: a call with B (2,000) concept notes, a committee, every note
//!    assigned to two evaluators and scored, served by the release binary; the board
//!    page is timed over loopback R times (an upper bound of the server's time).
//!    Target: under 150 ms. (That its number of queries does not grow with the rows is
//!    proved by the integration test `the_board_runs_the_same_queries_…`.)
//!
//! ```sh
//! cargo bench --bench evaluation -- --db sqlite
//! cargo bench --bench evaluation -- --db postgres --n 10000 --board-n 2000 --repeat 30
//! ```

use std::sync::Arc;
use std::time::{Duration, Instant};

use grants::clock::Clock;
use grants::domain::access::Role;
use grants::domain::calls::{CallParameters, CallType};
use grants::domain::evaluation::{
    result_of, scored_sections, threshold_failure, EvaluationStage, ScoreSheet, SectionSheet,
};
use grants::domain::grids::{default_full_application_grid, Grid};
use grants::domain::selection::{rank, select, shortlist_len, Candidate, SelectionMode};
use grants::services::evaluation as ev;
use grants::services::{self, Actor};
use grants::state::AppState;

mod common;
use common::*;

/// A small deterministic generator (no crate needed for reproducible data).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    fn score(&mut self) -> i64 {
        1 + (self.next() % 5) as i64
    }
}

fn random_sheet(grid: &Grid, rng: &mut Lcg) -> ScoreSheet {
    let mut s = ScoreSheet::default();
    for section in scored_sections(grid) {
        s.sections.insert(
            section.code.clone(),
            SectionSheet {
                scores: section
                    .criteria
                    .iter()
                    .map(|c| (c.code.clone(), rng.score()))
                    .collect(),
                comment: "Reasoned comment.".into(),
            },
        );
    }
    s
}

struct Application {
    id: String,
    lot: usize,
    requested_cents: i64,
    sheets: Vec<ScoreSheet>,
    carried: i64,
}

/// Results, thresholds (GRD-05), ranking (GRD-06), shortlist (GRD-03) and selection
/// (SEL-01) of every lot: what the board computes once its rows are loaded.
fn rank_and_select(
    grid: &Grid,
    params: &CallParameters,
    apps: &[Application],
    envelopes: &[i64],
) -> (usize, usize, i64) {
    let mut per_lot: Vec<Vec<Candidate>> = vec![Vec::new(); envelopes.len()];
    for a in apps {
        let Some(r) = result_of(grid, &a.sheets, Some(a.carried)) else {
            continue;
        };
        if threshold_failure(EvaluationStage::Full, &r, params).is_some() {
            continue;
        }
        per_lot[a.lot].push(Candidate {
            id: a.id.clone(),
            receipt: a.id.clone(),
            total: r.total,
            relevance: r.relevance.unwrap_or(0),
            capacity: r.capacity.unwrap_or(0),
            requested_cents: a.requested_cents,
        });
    }
    let mut ranked_total = 0;
    let mut shortlisted = 0;
    let mut selected_cents = 0;
    for (lot, candidates) in per_lot.into_iter().enumerate() {
        let ranked = rank(candidates, &params.tie_break);
        shortlisted += shortlist_len(&ranked, envelopes[lot], params.shortlist_percent);
        let s = select(&ranked, envelopes[lot], SelectionMode::Strict);
        ranked_total += ranked.len();
        selected_cents += s.selected_cents;
    }
    (ranked_total, shortlisted, selected_cents)
}

fn pure_benchmark(n: usize, repeat: usize) -> bool {
    let grid = default_full_application_grid();
    let params = CallParameters::default();
    let mut rng = Lcg(42);
    let apps: Vec<Application> = (0..n)
        .map(|i| Application {
            id: format!("APP-{i:05}"),
            lot: i % 2,
            requested_cents: (50_000 + (rng.next() % 250_000) as i64) * 100,
            sheets: (0..3).map(|_| random_sheet(&grid, &mut rng)).collect(),
            carried: 1_000 + (rng.next() % 2_000) as i64,
        })
        .collect();
    let envelopes = [210_000_000, 90_000_000];
    let mut times = Vec::with_capacity(repeat);
    let mut outcome = (0, 0, 0);
    for _ in 0..repeat {
        let started = Instant::now();
        outcome = rank_and_select(&grid, &params, &apps, &envelopes);
        times.push(started.elapsed());
    }
    times.sort_unstable();
    let p50 = percentile(&times, 50.0);
    let p95 = percentile(&times, 95.0);
    println!(
        "## Ranking and selection — {n} full applications, 3 sheets each, 2 lots ({repeat} runs)"
    );
    println!("| computation | p50 | p95 | max | ranked | shortlisted | selected |");
    println!("|---|---|---|---|---|---|---|");
    println!(
        "| results, thresholds, ranking, shortlist, selection | {:.1} ms | {:.1} ms | {:.1} ms | {} | {} | EUR {} |",
        ms(p50),
        ms(p95),
        ms(*times.last().unwrap()),
        outcome.0,
        outcome.1,
        outcome.2 / 100
    );
    p95 < Duration::from_millis(100)
}

async fn evaluator(state: &AppState, email: &str, password: Option<&str>) -> Actor {
    let user = services::accounts::create_user(
        state,
        &Actor::system("bench"),
        email,
        "Evaluator",
        Role::Evaluator,
        password.map(str::to_string),
        grants::i18n::Lang::En,
    )
    .await
    .unwrap();
    user_actor(&user.id, email, Role::Evaluator)
}

/// Seeds the call, the committee and the scores, then times the board page.
async fn board_benchmark(db: &str, n: usize, repeat: usize) -> bool {
    let dir = tempfile::Builder::new()
        .prefix("grants-evaluation-")
        .tempdir()
        .unwrap();
    let (url, pg) = database_url(db, dir.path());
    let state =
        Arc::new(grants::build_state(settings_for(dir.path(), &url), Clock::system()).unwrap());
    let (staff, call, _) = published_call(&state, CallType::Restricted, "EVAL-CALL").await;
    let lots = {
        let call = call.clone();
        state
            .db(move |conn| Ok(grants::db::calls::lots_of(conn, &call)?))
            .await
            .unwrap()
    };
    let serials = bin_serials();
    let started = Instant::now();
    let limit = Arc::new(tokio::sync::Semaphore::new(8));
    let lots = Arc::new(lots);
    let handles: Vec<_> = (0..n)
        .map(|i| {
            let state = state.clone();
            let call = call.clone();
            let lots = lots.clone();
            let limit = limit.clone();
            let serial = serials[(i / 2) % serials.len()];
            tokio::spawn(async move {
                let _permit = limit.acquire().await.unwrap();
                concept_note(&state, &call, &lots, i, serial).await
            })
        })
        .collect();
    for h in handles {
        h.await.unwrap();
    }
    // The committee: the chair signs in; three evaluators score.
    let chair_email = "chair@bench.example";
    let chair = evaluator(&state, chair_email, Some(STAFF_PASSWORD)).await;
    let mut members = vec![(chair.clone(), "chair")];
    for (i, role) in [
        "secretary",
        "evaluator",
        "evaluator",
        "evaluator",
        "replacement",
    ]
    .into_iter()
    .enumerate()
    {
        members.push((
            evaluator(&state, &format!("member{i}@bench.example"), None).await,
            role,
        ));
    }
    for (who, role) in &members {
        ev::add_member(
            &state,
            &staff,
            call.clone(),
            who.email.clone().unwrap(),
            role.to_string(),
        )
        .await
        .unwrap();
    }
    set_deadline(
        &state,
        &call,
        chrono::Utc::now().naive_utc() - chrono::Duration::minutes(1),
    );
    for (who, _) in &members {
        ev::sign_declaration(&state, who, call.clone(), grants::i18n::Lang::En)
            .await
            .unwrap();
    }
    let assigned = ev::assign_automatically(&state, &chair, call.clone(), EvaluationStage::Concept)
        .await
        .unwrap();
    // Every sheet in, written directly (seeding, not what is measured).
    let grid = grants::domain::grids::default_concept_note_grid();
    {
        use diesel::prelude::*;
        use grants::db::schema::assessor_assignments as a;
        let call = call.clone();
        state
            .db(move |conn| {
                let ids: Vec<String> = a::table
                    .filter(a::call_id.eq(&call))
                    .select(a::id)
                    .load(conn)?;
                let mut rng = Lcg(7);
                conn.transaction(|conn| {
                    for id in ids {
                        let sheet = random_sheet(&grid, &mut rng);
                        let total = grants::domain::evaluation::sheet_total(&grid, &sheet);
                        diesel::update(a::table.find(id))
                            .set((
                                a::status.eq("submitted"),
                                a::sheet.eq(serde_json::to_string(&sheet).unwrap()),
                                a::total.eq(Some(total)),
                                a::submitted_at.eq(Some(chrono::Utc::now().naive_utc())),
                            ))
                            .execute(conn)?;
                    }
                    diesel::QueryResult::Ok(())
                })?;
                Ok(())
            })
            .await
            .unwrap();
    }
    eprintln!(
        "seeded {n} concept notes, {} assignments, every sheet in, in {:.0} s",
        assigned.assigned,
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
    sign_in(&client, &base, chair_email, STAFF_PASSWORD).await;
    let board = format!("{base}/evaluation/calls/{call}/board?stage=concept");
    let lot2 = &lots[1].id;
    let cases = [
        ("board page (all lots)", board.clone()),
        (
            "board page with a what-if envelope",
            format!("{board}&envelope-{lot2}=500000"),
        ),
    ];
    println!(
        "## The chair's evaluation board — {db} ({n} concept notes, {} sheets, {repeat} requests each)",
        assigned.assigned
    );
    println!("| request | p50 | p95 | max | response |");
    println!("|---|---|---|---|---|");
    let mut ok = true;
    for (label, url) in cases {
        let (times, size) = time(&client, &url, repeat).await;
        let p50 = percentile(&times, 50.0);
        let p95 = percentile(&times, 95.0);
        println!(
            "| {label} | {:.1} ms | {:.1} ms | {:.1} ms | {} KiB |",
            ms(p50),
            ms(p95),
            ms(*times.last().unwrap()),
            size / 1024
        );
        ok &= p50 < Duration::from_millis(150);
    }
    let _ = server.kill();
    let _ = server.wait();
    drop(state);
    drop_database(pg);
    ok
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let db: String = arg("--db").unwrap_or_else(|| "sqlite".into());
    let n: usize = arg("--n").unwrap_or(10_000);
    let board_n: usize = arg("--board-n").unwrap_or(2_000);
    let repeat: usize = arg("--repeat").unwrap_or(30);
    let pure_ok = pure_benchmark(n, repeat);
    let board_ok = board_benchmark(&db, board_n, repeat).await;
    if !pure_ok || !board_ok {
        eprintln!("a target was missed");
        std::process::exit(1);
    }
}
