//! `grants demo`: the whole life of the KAZLOD grants, on both databases — loaded twice
//! (the second run changes nothing), with every contract state, every application stage
//! and the call content, grids and budget lines in three languages.

use diesel::prelude::*;
use grants::services::demo;
use reqwest::StatusCode;
use std::collections::BTreeMap;

use crate::helpers::{body, new_client, TestApp};
use crate::on_both_databases;

on_both_databases!(
    the_demo_holds_the_whole_life_of_a_grant_and_loads_twice_the_same,
    grant_records_are_kept_by_the_database_itself,
    a_call_whose_award_is_decided_cannot_be_cancelled,
    the_agreement_end_warning_depends_on_its_condition
);

fn count_by<T: Ord>(items: impl Iterator<Item = T>) -> BTreeMap<T, usize> {
    let mut out = BTreeMap::new();
    for i in items {
        *out.entry(i).or_insert(0) += 1;
    }
    out
}

async fn the_demo_holds_the_whole_life_of_a_grant_and_loads_twice_the_same(app: TestApp) {
    let started = std::time::Instant::now();
    let first = demo::load(&app.state).await.expect("the demo loads");
    let took = started.elapsed();
    assert!(first.lines.iter().any(|l| l.contains("published")));
    assert!(app.clock.frozen_at().is_none(), "the clock is given back");
    let now = app.clock.now();
    assert!((chrono::Utc::now().naive_utc() - now).num_seconds().abs() < 5);

    let snapshot =
        |app: &TestApp| {
            use grants::db::schema::{
                applications as a, audit_events as ae, contract_payments as pay, contracts as c,
            };
            let mut conn = app.state.pool.get().unwrap();
            let contracts: Vec<String> = c::table.select(c::status).load(&mut conn).unwrap();
            let applications: Vec<(String, String, String)> = a::table
                .select((a::call_id, a::stage, a::status))
                .load(&mut conn)
                .unwrap();
            let payments: i64 = pay::table.count().get_result(&mut conn).unwrap();
            // The worker's own jobs (the contract watch) may write while the test runs.
            let events: i64 =
                ae::table
                    .filter(ae::actor_email.is_null().or(diesel::dsl::not(
                        ae::actor_email.eq_any(["contract-watch", "reminders", "housekeeping"]),
                    )))
                    .count()
                    .get_result(&mut conn)
                    .unwrap();
            (contracts, applications, payments, events)
        };
    let (contracts, applications, payments, events) = snapshot(&app);
    // Every contract state the workflow has, and an award still waiting for its contract.
    assert_eq!(
        count_by(contracts.iter().map(String::as_str)),
        BTreeMap::from([
            ("active", 2),
            ("closed", 1),
            ("sent", 1),
            ("suspended", 1),
            ("terminated", 1),
        ])
    );
    let mut conn = app.state.pool.get().unwrap();
    let waiting = grants::db::contracts::awards_without_contract(&mut conn).unwrap();
    assert_eq!(waiting.len(), 1, "one award waits for its contract");
    let calls = grants::db::calls::list_all(&mut conn).unwrap();
    assert_eq!(calls.len(), 3);
    assert_eq!(grants::db::programmes::list(&mut conn).unwrap().len(), 2);
    let call = |reference: &str| {
        calls
            .iter()
            .find(|c| c.reference == reference)
            .unwrap_or_else(|| panic!("{reference}"))
            .id
            .clone()
    };
    // The applications per call, stage and status.
    let of = |call_id: String| {
        count_by(
            applications
                .iter()
                .filter(|(c, _, _)| *c == call_id)
                .map(|(_, stage, status)| format!("{stage}/{status}")),
        )
    };
    let past = of(call(demo::PAST_CALL_REFERENCE));
    assert_eq!(
        past,
        BTreeMap::from([
            ("concept/draft".to_string(), 1),
            ("concept/rejected".to_string(), 1),
            ("concept/submitted".to_string(), 1),
            ("concept/withdrawn".to_string(), 1),
            ("full/submitted".to_string(), 11),
        ]),
        "{past:?}"
    );
    let in_evaluation = of(call(demo::EVALUATION_CALL_REFERENCE));
    assert_eq!(
        in_evaluation,
        BTreeMap::from([("concept/submitted".to_string(), 7)])
    );
    let open = of(call(demo::DEMO_CALL_REFERENCE));
    assert_eq!(open, BTreeMap::from([("concept/draft".to_string(), 1)]));
    let decisions =
        grants::db::evaluation::decisions_of(&mut conn, &call(demo::PAST_CALL_REFERENCE)).unwrap();
    assert_eq!(
        count_by(decisions.iter().map(|d| d.outcome.as_str())),
        BTreeMap::from([("awarded", 7), ("rejected", 4), ("reserve", 2)])
    );
    assert!(decisions.iter().all(|d| d.notified_at.is_some()));
    // Scoring is under way in the second call: some sheets in, some still to do.
    let sheets = grants::db::evaluation::assignments_of_call(
        &mut conn,
        &call(demo::EVALUATION_CALL_REFERENCE),
        "concept",
    )
    .unwrap();
    let statuses = count_by(sheets.iter().map(|a| a.status.as_str()));
    assert!(
        statuses.get("submitted").is_some_and(|n| *n > 0),
        "{statuses:?}"
    );
    assert!(
        statuses.get("pending").is_some_and(|n| *n > 0),
        "{statuses:?}"
    );

    // Call content, lots, grids and budget lines in Kazakh and Russian.
    for c in &calls {
        assert!(
            !c.title_kk.is_empty() && !c.title_ru.is_empty(),
            "{}",
            c.reference
        );
        assert!(!c.description_kk.is_empty() && !c.description_ru.is_empty());
        assert!(c
            .full_application_grid
            .contains("Қаржылық және операциялық әлеует"));
        assert!(c.concept_note_grid.contains("Актуальность действия"));
        for lot in grants::db::calls::lots_of(&mut conn, &c.id).unwrap() {
            assert!(!lot.title_kk.is_empty() && !lot.title_ru.is_empty());
        }
    }
    for p in grants::db::programmes::list(&mut conn).unwrap() {
        for l in grants::db::programmes::budget_lines(&mut conn, &p.id).unwrap() {
            assert!(
                !l.label_kk.is_empty() && !l.label_ru.is_empty(),
                "{}",
                l.label
            );
        }
    }
    // Result letters name the sections in the reader's language: below the threshold
    // in Kazakh, on the reserve list in Russian.
    for (to, title) in [
        ("akimat.kazaly@demo.grants.kz", "Іс-қимылдың өзектілігі"),
        (
            "zhanaozen.fund@demo.grants.kz",
            "Финансовый и операционный потенциал",
        ),
    ] {
        // Still queued, or already sent by the worker (and then purged from the outbox).
        use grants::db::schema::outbox as o;
        let mut letters: Vec<String> = o::table
            .filter(o::to_email.eq(to))
            .select(o::body_text)
            .load(&mut conn)
            .unwrap();
        letters.extend(
            app.sent_mail()
                .into_iter()
                .filter(|m| m.to == to)
                .map(|m| m.body),
        );
        assert!(
            letters.iter().any(|b| b.contains(title)),
            "{to}: {letters:?}"
        );
    }
    drop(conn);
    assert_eq!(app.verify_audit().await.map(|n| n > 0), Ok(true));

    // The second run changes nothing (passwords and keys included).
    let second = demo::load(&app.state).await.unwrap();
    assert!(second.lines.iter().all(|l| !l.contains("password:")));
    let again = snapshot(&app);
    assert_eq!(again.0.len(), contracts.len());
    assert_eq!(again.1.len(), applications.len());
    assert_eq!(again.2, payments);
    assert_eq!(again.3, events, "nothing audited: nothing changed");

    // Every account of the demonstration signs in with its printed password.
    let mut accounts: Vec<(&str, &str)> = demo::DEMO_USERS
        .iter()
        .map(|(_, email, _, password)| (*email, *password))
        .collect();
    accounts.push((demo::FINANCE.1, demo::FINANCE.3));
    accounts.extend(
        demo::COMMITTEE
            .iter()
            .map(|(e, _, _)| (*e, demo::COMMITTEE_PASSWORD)),
    );
    accounts.extend(
        demo::ORGANISATIONS
            .iter()
            .skip(1)
            .map(|o| (o.owner.0, demo::ORGANISATION_PASSWORD)),
    );
    for (email, password) in accounts {
        let res = app.login_with(&new_client(), email, password).await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER, "{email}");
    }
    // The open call is open, with its answered questions; the awards are public.
    let html = body(app.get("/calls").await).await;
    assert!(html.contains(demo::DEMO_CALL_REFERENCE));
    let page = body(
        app.get(&format!("/calls/{}", call(demo::DEMO_CALL_REFERENCE)))
            .await,
    )
    .await;
    assert!(page.contains("Question 2") && page.contains("badge-open"));
    let awards = body(app.get("/awards").await).await;
    assert!(
        awards.contains("Kyzylorda Clean Water Association"),
        "{awards}"
    );
    eprintln!("the demonstration loaded in {took:?}");
}

/// REC-01, TL-08: on the demonstration's records, the database itself refuses to delete
/// grant records or to change what is final, on both databases; the portal's own writes
/// on a closed contract are refused by the rules, not by a database error.
async fn grant_records_are_kept_by_the_database_itself(app: TestApp) {
    demo::load(&app.state).await.unwrap();
    let refused = [
        "DELETE FROM contract_payments",
        "DELETE FROM contract_versions",
        "DELETE FROM contract_tranches",
        "DELETE FROM contract_reports",
        "DELETE FROM contract_amendments",
        "DELETE FROM application_submissions",
        "DELETE FROM late_submissions",
        "DELETE FROM call_openings",
        "DELETE FROM contracts WHERE status = 'draft' OR status = 'sent'",
        "UPDATE contract_payments SET amount_cents = amount_cents + 1",
        "UPDATE contract_versions SET reason = 'rewritten'",
        "UPDATE application_submissions SET content_sha256 = 'x'",
        "UPDATE call_openings SET record = '{}'",
        "UPDATE late_submissions SET attempted_at = attempted_at",
        "UPDATE contracts SET max_eu_cents = 1 WHERE status = 'closed'",
        "UPDATE contracts SET status = 'active' WHERE status = 'terminated'",
        "UPDATE contract_tranches SET payable_cents = 1 WHERE payable_cents IS NOT NULL",
        "UPDATE contract_reports SET costs_cents = 1 WHERE status = 'approved'",
        "UPDATE contract_amendments SET status = 'requested' WHERE status <> 'requested'",
    ];
    for sql in refused {
        let e = app.try_execute_sql(sql);
        assert!(e.is_err(), "{sql} was allowed");
        assert!(
            e.unwrap_err()
                .to_string()
                .contains("grant records are kept"),
            "{sql}"
        );
    }
    // Nothing was removed or changed on the way.
    use grants::db::schema::{contract_payments as pay, contracts as c};
    let mut conn = app.state.pool.get().unwrap();
    let payments: i64 = pay::table.count().get_result(&mut conn).unwrap();
    assert!(payments >= 7);
    let closed: i64 = c::table
        .filter(c::status.eq("closed"))
        .count()
        .get_result(&mut conn)
        .unwrap();
    assert_eq!(closed, 1);
    // What is still running may still move (the services change it).
    app.execute_sql(
        "UPDATE contract_reports SET staff_comment = staff_comment WHERE status = 'submitted'",
    );
    // A write on the closed contract is refused by the workflow, with a message.
    let id: String = c::table
        .filter(c::status.eq("closed"))
        .select(c::id)
        .first(&mut conn)
        .unwrap();
    drop(conn);
    let staff = {
        let u = grants::db::users::find_by_email(
            &mut app.state.pool.get().unwrap(),
            demo::DEMO_USERS[1].1,
        )
        .unwrap()
        .unwrap();
        crate::calls::staff(&u.id, grants::domain::access::Role::Delegation)
    };
    let res = grants::services::contracts::terminate(&app.state, &staff, id, "Again.".into()).await;
    assert!(
        matches!(res, Err(grants::error::AppError::Conflict(_))),
        "{res:?}"
    );
}

/// CFP-07: the pilot call has an approved award and contracts: cancelling it is refused
/// with the reason; the call in evaluation (nothing decided) can still be cancelled.
async fn a_call_whose_award_is_decided_cannot_be_cancelled(app: TestApp) {
    demo::load(&app.state).await.unwrap();
    let staff = {
        let u = grants::db::users::find_by_email(
            &mut app.state.pool.get().unwrap(),
            demo::DEMO_USERS[1].1,
        )
        .unwrap()
        .unwrap();
        crate::calls::staff(&u.id, grants::domain::access::Role::Delegation)
    };
    let id = |reference: &str| {
        grants::db::calls::find_by_reference(&mut app.state.pool.get().unwrap(), reference)
            .unwrap()
            .unwrap()
            .id
    };
    let cancel = |call: String| {
        let (app, staff) = (&app, staff.clone());
        async move {
            grants::services::calls::cancel(
                &app.state,
                &staff,
                call,
                "irregularities".into(),
                grants::domain::text::Texts::from("Irregularities in the procedure."),
            )
            .await
        }
    };
    let refused = cancel(id(demo::PAST_CALL_REFERENCE)).await;
    assert!(
        matches!(
            refused,
            Err(grants::error::AppError::Conflict(
                "error-call-cancel-awarded"
            ))
        ),
        "{refused:?}"
    );
    cancel(id(demo::EVALUATION_CALL_REFERENCE)).await.unwrap();
}

/// TL-09: the pilot phase nears 3 years after D, but has signed and paid contracts: no
/// warning. A programme of about the same age with nothing signed is warned.
async fn the_agreement_end_warning_depends_on_its_condition(app: TestApp) {
    demo::load(&app.state).await.unwrap();
    // A month on, the pilot phase's 3 years after D are weeks away.
    app.clock
        .freeze_at(app.clock.now() + chrono::Duration::days(31));
    let (client, staff) = crate::calls::delegation(&app).await;
    let pilot = grants::db::programmes::find_by_reference(
        &mut app.state.pool.get().unwrap(),
        demo::PAST_PROGRAMME_REFERENCE,
    )
    .unwrap()
    .unwrap();
    let page = body(
        app.get_with(&client, &format!("/manage/programmes/{}", pilot.id))
            .await,
    )
    .await;
    assert!(!page.contains("ends automatically"), "{page}");
    // Signed 35 months ago: the 3 years end within a month.
    let d = grants::domain::time::sub_months(crate::calls::today(&app), 35).unwrap();
    let idle = crate::calls::programme(&app, &staff, d, "P-IDLE").await;
    let page = body(
        app.get_with(&client, &format!("/manage/programmes/{idle}"))
            .await,
    )
    .await;
    assert!(page.contains("ends automatically"), "{page}");
}
