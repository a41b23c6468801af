//! Programme monitoring at scale (issue 10), in the release build: a programme with C
//! (500) signed grant contracts and P (10,000) payments; the Delegation's monitoring
//! dashboard (the Steering Committee report page) is served by the release binary and
//! timed over loopback R times (an upper bound of the server's time), with the
//! contracts list and the IATI file beside it. Target: dashboard under 150 ms. (That
//! its number of queries does not grow with the rows is proved by the integration test
//! `the_dashboard_runs_the_same_queries_for_one_contract_or_two`.)
//!
//! ```sh
//! cargo bench --bench contracts -- --db sqlite
//! cargo bench --bench contracts -- --db postgres --contracts 500 --payments 10000 --repeat 30
//! ```

use std::sync::Arc;
use std::time::{Duration, Instant};

use diesel::prelude::*;
use grants::clock::Clock;
use grants::domain::calls::CallType;

mod common;
use common::*;

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let db: String = arg("--db").unwrap_or_else(|| "sqlite".into());
    let n: usize = arg("--contracts").unwrap_or(500);
    let payments: usize = arg("--payments").unwrap_or(10_000);
    let repeat: usize = arg("--repeat").unwrap_or(30);
    let dir = tempfile::Builder::new()
        .prefix("grants-contracts-")
        .tempdir()
        .unwrap();
    let (url, pg) = database_url(&db, dir.path());
    let state =
        Arc::new(grants::build_state(settings_for(dir.path(), &url), Clock::system()).unwrap());
    let (staff, call, _) = published_call(&state, CallType::Restricted, "CON-CALL").await;
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
    // An approved report awarding every application, a signed contract each and the
    // payments, written directly (seeding, not what is measured).
    let staff_id = staff.user_id.clone().unwrap();
    let programme = {
        let call = call.clone();
        state
            .db(move |conn| {
                use grants::db::schema::applications as a;
                use grants::db::schema::award_decisions as aw;
                use grants::db::schema::calls as c;
                use grants::db::schema::evaluation_reports as er;
                let programme: String = c::table.find(&call).select(c::programme_id).first(conn)?;
                let apps: Vec<(String, String, String)> = a::table
                    .filter(a::call_id.eq(&call))
                    .select((a::id, a::organisation_id, a::title))
                    .order(a::id.asc())
                    .load(conn)?;
                let now = chrono::Utc::now().naive_utc();
                let today = grants::domain::time::local_date(now);
                let report = grants::services::new_id();
                conn.transaction(|conn| {
                    diesel::insert_into(er::table)
                        .values((
                            er::id.eq(&report),
                            er::call_id.eq(&call),
                            er::version.eq(1),
                            er::status.eq("approved"),
                            er::content.eq("{}"),
                            er::content_sha256.eq(""),
                            er::submitted_by.eq(&staff_id),
                            er::submitted_at.eq(now),
                            er::decided_by.eq(Some(&staff_id)),
                            er::decided_at.eq(Some(now)),
                        ))
                        .execute(conn)?;
                    let per_contract = payments.div_ceil(apps.len().max(1));
                    let mut made = 0;
                    for (i, (app, org, title)) in apps.iter().enumerate() {
                        let amount = 10_000_000 + (i as i64 % 50) * 100_000;
                        diesel::insert_into(aw::table)
                            .values((
                                aw::application_id.eq(app),
                                aw::call_id.eq(&call),
                                aw::report_id.eq(&report),
                                aw::outcome.eq("awarded"),
                                aw::amount_cents.eq(Some(amount)),
                                aw::eu_share_bp.eq(Some(9_000i64)),
                                aw::beneficiary.eq(title),
                                aw::locality
                                    .eq(["mangystau", "kyzylorda", "east_kazakhstan"][i % 3]),
                                aw::purpose.eq(title),
                                aw::decided_at.eq(now),
                            ))
                            .execute(conn)?;
                        let id = grants::services::new_id();
                        let start = today - chrono::Duration::days(200);
                        grants::db::contracts::insert(
                            conn,
                            &grants::db::contracts::ContractRow {
                                id: id.clone(),
                                number: format!("BENCH/{i:04}"),
                                application_id: app.clone(),
                                call_id: call.clone(),
                                programme_id: programme.clone(),
                                organisation_id: org.clone(),
                                status: "active".into(),
                                version: 1,
                                max_eu_cents: amount,
                                eu_share_bp: 9_000,
                                duration_months: 24,
                                agreed_start: None,
                                lead_abroad: false,
                                sent_at: Some(now),
                                sent_by: Some(staff_id.clone()),
                                countersign_by: Some(start),
                                countersigned_at: Some(now),
                                countersigned_by: Some(staff_id.clone()),
                                start_date: Some(start),
                                end_date: Some(start + chrono::Duration::days(730)),
                                suspended_since: None,
                                suspended_days: 0,
                                ended_at: None,
                                end_reason: None,
                                final_grant_cents: None,
                                final_payment_on: None,
                                keep_until: None,
                                headings: "[0,0,0,0,0,0]".into(),
                                created_by: staff_id.clone(),
                                created_at: now,
                                updated_at: now,
                            },
                        )?;
                        for k in 0..per_contract {
                            if made == payments {
                                break;
                            }
                            made += 1;
                            grants::db::contracts::insert_payment(
                                conn,
                                &grants::db::contracts::PaymentRow {
                                    id: grants::services::new_id(),
                                    contract_id: id.clone(),
                                    tranche_position: Some(1),
                                    kind: "payment".into(),
                                    amount_cents: 100_000,
                                    paid_on: start + chrono::Duration::days(k as i64),
                                    reference: format!("PO-{i}-{k}"),
                                    recorded_by: staff_id.clone(),
                                    recorded_at: now,
                                },
                            )?;
                        }
                    }
                    diesel::QueryResult::Ok(())
                })?;
                Ok(programme)
            })
            .await
            .unwrap()
    };
    eprintln!(
        "seeded {n} contracts and {payments} payments in {:.0} s",
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
    sign_in(&client, &base, STAFF_EMAIL, STAFF_PASSWORD).await;
    let cases = [
        (
            "monitoring dashboard (Steering Committee report)",
            format!("{base}/manage/programmes/{programme}/monitoring"),
            true,
        ),
        ("contracts list", format!("{base}/contracts"), false),
        (
            "IATI 2.03 file",
            format!("{base}/manage/programmes/{programme}/iati.xml"),
            false,
        ),
    ];
    println!(
        "## Programme monitoring — {db} ({n} contracts, {payments} payments, {repeat} requests each)"
    );
    println!("| request | p50 | p95 | max | response |");
    println!("|---|---|---|---|---|");
    let mut ok = true;
    for (label, url, target) in cases {
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
        if target {
            ok &= p50 < Duration::from_millis(150);
        }
    }
    let _ = server.kill();
    let _ = server.wait();
    drop(state);
    drop_database(pg);
    if !ok {
        eprintln!("a target was missed");
        std::process::exit(1);
    }
}
