//! The Delegation's list of received applications: filters, sort, totals against the
//! envelopes, CSV and XLSX exports, who may see it, and a number of queries that does not
//! grow with the rows — on both databases.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use chrono::Duration;
use grants::domain::access::Role;
use grants::domain::money::Money;
use grants::services::applications as apps;
use reqwest::StatusCode;

use crate::calls::{delegation, programme, published_call, today};
use crate::concurrency::{actor_of, organisation_input};
use crate::helpers::{body, new_client, TestApp, PASSWORD};
use crate::on_both_databases;

on_both_databases!(
    staff_filter_sort_and_export_the_received_applications,
    cancelling_a_call_tells_everyone_with_an_application,
    the_administrative_check_passes_or_rejects_with_the_reason_the_applicant_is_told,
    the_opening_record_lists_what_arrived_in_time_and_what_was_refused_as_late,
    the_list_runs_the_same_queries_for_ten_or_forty_applications,
    receipts_past_9999_are_listed_in_number_order
);

/// GRD-06: receipt numbers grow a digit after 9,999; lists keep number order.
async fn receipts_past_9999_are_listed_in_number_order(app: TestApp) {
    let (_, staff) = delegation(&app).await;
    let pid = programme(&app, &staff, today(&app) - Duration::days(30), "P-ORD").await;
    let call = published_call(&app, &staff, &pid, "CALL-ORD", 60).await;
    let ids = received(&app, &call, 0, 2, 0).await;
    // The first received is number 10,000, the second 9,999.
    app.execute_sql(&format!(
        "UPDATE applications SET receipt_number = 'CALL-ORD/L2/CN/10000' WHERE id = '{}'",
        ids[0]
    ));
    app.execute_sql(&format!(
        "UPDATE applications SET receipt_number = 'CALL-ORD/L2/CN/9999' WHERE id = '{}'",
        ids[1]
    ));
    let listed: Vec<String> =
        grants::db::evaluation::evaluated_applications(&mut app.state.pool.get().unwrap(), &call)
            .unwrap()
            .into_iter()
            .map(|r| r.id)
            .collect();
    assert_eq!(listed, vec![ids[1].clone(), ids[0].clone()]);
}

/// `n` organisations (international, so any lot fits), each with a concept note
/// submitted to lot 2 asking min grant + i euros; the last `drafts` stay drafts.
pub(crate) async fn received(
    app: &TestApp,
    call: &str,
    from: usize,
    n: usize,
    drafts: usize,
) -> Vec<String> {
    let lot =
        grants::db::calls::lots_of(&mut app.state.pool.get().unwrap(), call).unwrap()[1].clone();
    let mut ids = Vec::new();
    for i in from..from + n {
        let email = format!("r{i}@ngo.example");
        let id = app.create_user(&email, Role::Applicant).await;
        let actor = actor_of(&id, &email);
        let mut input = organisation_input(&format!("HRB RC{i}"));
        input.legal_status = "international_organisation".into();
        input.legal_name = if i == from {
            "=HYPERLINK(\"http://evil.example\")".into()
        } else {
            format!("Organisation {i:03}")
        };
        let org = grants::services::organisations::register(&app.state, &actor, input)
            .await
            .unwrap();
        let application = apps::start(&app.state, &actor, call.into(), lot.id.clone(), org)
            .await
            .unwrap()
            .unwrap();
        apps::save_concept_note(
            &app.state,
            &actor,
            application.clone(),
            1,
            apps::ConceptNoteInput {
                title: format!("Action {i}"),
                relevance: "Why it matters.".into(),
                design: "How it works.".into(),
                eu_contribution: Some(
                    Money::from_cents(lot.min_grant_cents)
                        .checked_add(Money::euros(i as i64))
                        .unwrap(),
                ),
                duration_months: Some(24),
                action_locations: None,
            },
        )
        .await
        .unwrap()
        .unwrap();
        if i - from < n - drafts {
            apps::submit(&app.state, &actor, application.clone())
                .await
                .unwrap()
                .unwrap();
        }
        ids.push(application);
    }
    ids
}

async fn staff_filter_sort_and_export_the_received_applications(app: TestApp) {
    let (client, staff) = delegation(&app).await;
    let pid = programme(&app, &staff, today(&app) - Duration::days(30), "P-RCV").await;
    let call = published_call(&app, &staff, &pid, "CALL-RCV", 60).await;
    let ids = received(&app, &call, 0, 4, 1).await;
    let list = format!("/manage/calls/{call}/applications");
    let page = body(app.get_with(&client, &list).await).await;
    // Three submitted; the draft is nobody's business but its organisation's.
    assert!(page.contains("CALL-RCV/L2/CN/0001") && page.contains("CALL-RCV/L2/CN/0003"));
    assert!(!page.contains("CALL-RCV/L2/CN/0004"));
    assert!(!page.contains("Action 3"), "the draft is not listed");
    // Requested: (50,000 + 50,001 + 50,002) of lot 2's EUR 900,000 envelope.
    assert!(page.contains("EUR 150,003"), "{page}");
    assert!(page.contains("<svg class=\"bar-chart\""));
    // Sorted by the amount requested, largest first; filtered by amount.
    let page = body(
        app.get_with(&client, &format!("{list}?sort=requested_desc&min=50001"))
            .await,
    )
    .await;
    let (a, b) = (
        page.find("Action 2").unwrap(),
        page.find("Action 1").unwrap(),
    );
    assert!(a < b);
    assert!(!page.contains("Action 0"));
    // An unreadable amount is said, and left out.
    let page = body(app.get_with(&client, &format!("{list}?min=lots")).await).await;
    assert!(page.contains("The lower amount is not an amount in euros"));
    assert!(page.contains("Action 0"));
    // Withdrawn ones are counted apart and can be listed alone.
    let (owner, email) = {
        let a = grants::db::applications::find(&mut app.state.pool.get().unwrap(), &ids[1])
            .unwrap()
            .unwrap();
        (a.created_by, "r1@ngo.example")
    };
    apps::withdraw(&app.state, &actor_of(&owner, email), ids[1].clone())
        .await
        .unwrap();
    let page = body(
        app.get_with(&client, &format!("{list}?status=withdrawn"))
            .await,
    )
    .await;
    assert!(page.contains("Action 1") && !page.contains("Action 2"));
    // CSV: the same rows, a formula typed as a name stays text.
    let csv = app
        .get_with(&client, &format!("{list}.csv"))
        .await
        .text()
        .await
        .unwrap();
    assert!(csv.contains("CALL-RCV/L2/CN/0002"));
    assert!(csv.contains("'=HYPERLINK"), "{csv}");
    assert_eq!(csv.lines().count(), 4, "header and three received");
    let xlsx = app.get_with(&client, &format!("{list}.xlsx")).await;
    assert_eq!(xlsx.status(), StatusCode::OK);
    assert!(xlsx.bytes().await.unwrap().starts_with(b"PK"));
    // The auditor reads; applicants and evaluators may not.
    let (auditor, _) = app.client_as(Role::Auditor).await;
    assert_eq!(app.get_with(&auditor, &list).await.status(), StatusCode::OK);
    for role in [Role::Applicant, Role::Evaluator] {
        let (other, _) = app.client_as(role).await;
        assert_eq!(
            app.get_with(&other, &list).await.status(),
            StatusCode::FORBIDDEN
        );
        assert_eq!(
            app.get_with(&other, &format!("{list}.csv")).await.status(),
            StatusCode::FORBIDDEN
        );
    }
}

/// Counts the statements a connection runs.
pub(crate) struct Counter(pub(crate) Arc<AtomicUsize>);

impl diesel::connection::Instrumentation for Counter {
    fn on_connection_event(&mut self, event: diesel::connection::InstrumentationEvent<'_>) {
        if let diesel::connection::InstrumentationEvent::StartQuery { .. } = event {
            self.0.fetch_add(1, Ordering::SeqCst);
        }
    }
}

async fn the_list_runs_the_same_queries_for_ten_or_forty_applications(app: TestApp) {
    use diesel::Connection;
    let (_, staff) = delegation(&app).await;
    let pid = programme(&app, &staff, today(&app) - Duration::days(30), "P-QC").await;
    let call = published_call(&app, &staff, &pid, "CALL-QC", 60).await;
    let mut counts = Vec::new();
    for (from, n) in [(0, 10), (10, 30)] {
        received(&app, &call, from, n, 0).await;
        let count = Arc::new(AtomicUsize::new(0));
        let mut conn = app.state.pool.get().unwrap();
        conn.set_instrumentation(Counter(count.clone()));
        let r = grants::services::received::received_on(
            &mut conn,
            &call,
            &Default::default(),
            Default::default(),
            0,
            50,
        )
        .unwrap();
        conn.set_instrumentation(Counter(Arc::new(AtomicUsize::new(0))));
        assert_eq!(r.rows.len(), from + n);
        counts.push(count.load(Ordering::SeqCst));
    }
    assert_eq!(counts[0], counts[1], "no query per row");
    assert!(counts[0] <= 5, "{counts:?}");
}

async fn cancelling_a_call_tells_everyone_with_an_application(app: TestApp) {
    let (_, staff) = delegation(&app).await;
    let pid = programme(&app, &staff, today(&app) - Duration::days(30), "P-CNC").await;
    let call = published_call(&app, &staff, &pid, "CALL-CNC", 60).await;
    // r0: submitted; r1: withdrawn (no longer concerned); r2: a draft (concerned too).
    let ids = received(&app, &call, 0, 3, 1).await;
    let owner = grants::db::applications::find(&mut app.state.pool.get().unwrap(), &ids[1])
        .unwrap()
        .unwrap()
        .created_by;
    apps::withdraw(
        &app.state,
        &actor_of(&owner, "r1@ngo.example"),
        ids[1].clone(),
    )
    .await
    .unwrap();
    grants::services::calls::cancel(
        &app.state,
        &staff,
        call,
        "changed_circumstances".into(),
        "The programme was amended.".into(),
    )
    .await
    .unwrap();
    for email in ["r0@ngo.example", "r2@ngo.example"] {
        let mail = app.wait_for_mail(email, "Call cancelled").await;
        assert!(mail.body.contains("The programme was amended."));
    }
    let outbox = grants::db::outbox::list(&mut app.state.pool.get().unwrap(), None, 0, 1000)
        .unwrap()
        .0;
    assert!(
        !outbox
            .iter()
            .any(|m| m.to_email == "r1@ngo.example" && m.subject.contains("cancelled")),
        "a withdrawn application's members are not told"
    );
}

pub(crate) fn check_form(failed: Option<(&'static str, &'static str)>) -> Vec<(String, String)> {
    grants::domain::admin_check::ITEMS
        .iter()
        .flat_map(|item| {
            let (ok, comment) = match failed {
                Some((f, c)) if f == *item => ("no", c),
                _ => ("yes", ""),
            };
            [
                (format!("item-{item}"), ok.to_string()),
                (format!("comment-{item}"), comment.to_string()),
            ]
        })
        .collect()
}

async fn the_administrative_check_passes_or_rejects_with_the_reason_the_applicant_is_told(
    app: TestApp,
) {
    let (client, staff) = delegation(&app).await;
    let pid = programme(&app, &staff, today(&app) - Duration::days(30), "P-ADM").await;
    let call = published_call(&app, &staff, &pid, "CALL-ADM", 60).await;
    // r0, r1 submitted; r2 a draft.
    let ids = received(&app, &call, 0, 3, 1).await;
    let page_of = |id: &str| format!("/manage/applications/{id}");
    let post = |client: &reqwest::Client, id: &str, form: Vec<(String, String)>| {
        let path = format!("/manage/applications/{id}/check");
        let client = client.clone();
        let app = &app;
        async move {
            let fields: Vec<(&str, &str)> =
                form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
            app.post_form_with(&client, &path, &fields).await
        }
    };
    // Before the deadline nobody reads: first the declaration (EVC-02), then the seal
    // (CFP-06); nothing can be recorded either.
    let res = app.get_with(&client, &page_of(&ids[0])).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    app.post_form_with(
        &client,
        &format!("/evaluation/calls/{call}/declaration"),
        &[],
    )
    .await;
    let res = app.get_with(&client, &page_of(&ids[0])).await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    let page = body(res).await;
    assert!(page.contains("sealed until the deadline") && !page.contains("Why it matters."));
    post(&client, &ids[0], check_form(None)).await;
    assert!(
        grants::db::applications::checks_of(&mut app.state.pool.get().unwrap(), &ids[0])
            .unwrap()
            .is_empty()
    );
    // A draft is nobody's business but its organisation's.
    assert_eq!(
        app.get_with(&client, &page_of(&ids[2])).await.status(),
        StatusCode::NOT_FOUND
    );
    let deadline = crate::calls::deadline_of(&app, &call);
    app.clock.freeze_at(deadline + Duration::seconds(1));
    let (client, _) = app.client_as(Role::Delegation).await;
    app.post_form_with(
        &client,
        &format!("/evaluation/calls/{call}/declaration"),
        &[],
    )
    .await;
    let page = body(app.get_with(&client, &page_of(&ids[0])).await).await;
    assert!(page.contains("Record the check") && page.contains("Why it matters."));
    // A "No" needs its reason.
    let res = post(&client, &ids[1], check_form(Some(("declaration", "")))).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body(res).await.contains("Say why the item is not met"));
    // Passed; then rejected with the reason, which the applicant is told.
    post(&client, &ids[0], check_form(None)).await;
    let res = post(
        &client,
        &ids[1],
        check_form(Some(("declaration", "The declaration is not signed."))),
    )
    .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let page = body(app.get_with(&client, &page_of(&ids[1])).await).await;
    assert!(page.contains("the application is rejected"), "{page}");
    let find = |id: &str| {
        grants::db::applications::find(&mut app.state.pool.get().unwrap(), id)
            .unwrap()
            .unwrap()
    };
    assert_eq!(find(&ids[0]).status, "submitted");
    let rejected = find(&ids[1]);
    assert_eq!(rejected.status, "rejected");
    assert_eq!(rejected.rejection_reason.as_deref(), Some("declaration"));
    let page = body(app.get_with(&client, &page_of(&ids[1])).await).await;
    assert!(page.contains("Rejected: Declaration by the applicant signed."));
    // SEL-03: the applicant hears nothing before the Delegation approves the stage's
    // report; then the stage's batch tells them, with the items and why.
    assert!(
        app.sent_mail()
            .iter()
            .all(|m| m.to != "r1@ngo.example" || m.subject.starts_with("Receipt")),
        "{:?}",
        app.sent_mail()
    );
    // Their own page says "submitted" until then.
    let r1 = apps::detail(
        &app.state,
        &actor_of(&rejected.created_by, "r1@ngo.example"),
        ids[1].clone(),
    )
    .await
    .unwrap();
    assert_eq!(
        (r1.row.status.as_str(), r1.row.rejection_reason),
        ("submitted", None)
    );
    let committee = crate::evaluation::through_the_concept_stage(&app, &staff, &call).await;
    grants::services::evaluation::invite_shortlisted(
        &app.state,
        &committee.chair.actor,
        call.clone(),
        app.clock.now() + Duration::days(40),
    )
    .await
    .unwrap();
    grants::services::award::notify(
        &app.state,
        &staff,
        call.clone(),
        grants::services::award::Batch::Unsuccessful,
    )
    .await
    .unwrap();
    let mail = app
        .wait_for_mail("r1@ngo.example", "Result of your application")
        .await;
    assert!(
        mail.body.contains("The declaration is not signed."),
        "{}",
        mail.body
    );
    let r1 = apps::detail(
        &app.state,
        &actor_of(&rejected.created_by, "r1@ngo.example"),
        ids[1].clone(),
    )
    .await
    .unwrap();
    assert_eq!(r1.row.status, "rejected");
    // Once per stage.
    post(&client, &ids[0], check_form(None)).await;
    assert_eq!(
        grants::db::applications::checks_of(&mut app.state.pool.get().unwrap(), &ids[0])
            .unwrap()
            .len(),
        1
    );
    // The auditor reads and cannot record; applicants cannot even read.
    let (auditor, _) = app.client_as(Role::Auditor).await;
    assert_eq!(
        app.get_with(&auditor, &page_of(&ids[0])).await.status(),
        StatusCode::OK
    );
    assert_eq!(
        post(&auditor, &ids[0], check_form(None)).await.status(),
        StatusCode::FORBIDDEN
    );
    let (applicant, _) = app.client_as(Role::Applicant).await;
    assert_eq!(
        app.get_with(&applicant, &page_of(&ids[0])).await.status(),
        StatusCode::FORBIDDEN
    );
    assert!(app
        .audit_actions()
        .await
        .contains(&"application.rejected".to_string()));
}

async fn the_opening_record_lists_what_arrived_in_time_and_what_was_refused_as_late(app: TestApp) {
    let (client, staff) = delegation(&app).await;
    let pid = programme(&app, &staff, today(&app) - Duration::days(30), "P-OPN").await;
    let call = published_call(&app, &staff, &pid, "CALL-OPN", 60).await;
    // r0 submitted; r1 submitted then withdrawn; r2 a draft, submitted too late.
    let ids = received(&app, &call, 0, 3, 1).await;
    let owner = |id: &str| {
        grants::db::applications::find(&mut app.state.pool.get().unwrap(), id)
            .unwrap()
            .unwrap()
            .created_by
    };
    apps::withdraw(
        &app.state,
        &actor_of(&owner(&ids[1]), "r1@ngo.example"),
        ids[1].clone(),
    )
    .await
    .unwrap();
    let opening = format!("/manage/calls/{call}/opening");
    // EVC-02: whoever opens signs the call's declaration first; the page offers it.
    app.post_form_with(&client, &opening, &[]).await;
    let page = body(app.get_with(&client, &opening).await).await;
    assert!(
        page.contains("Sign the call&#x27;s declaration of impartiality and confidentiality first")
            && page.contains(&format!("/evaluation/calls/{call}/declaration")),
        "{page}"
    );
    app.post_form_with(
        &client,
        &format!("/evaluation/calls/{call}/declaration"),
        &[("next", &opening)],
    )
    .await;
    assert!(!body(app.get_with(&client, &opening).await)
        .await
        .contains("declaration-text"));
    // Not before the deadline.
    app.post_form_with(&client, &opening, &[]).await;
    assert!(body(app.get_with(&client, &opening).await)
        .await
        .contains("once the deadline has passed"));
    let deadline = crate::calls::deadline_of(&app, &call);
    app.clock.freeze_at(deadline + Duration::seconds(1));
    // One second late: refused, and recorded.
    let late = apps::submit(
        &app.state,
        &actor_of(&owner(&ids[2]), "r2@ngo.example"),
        ids[2].clone(),
    )
    .await;
    assert!(matches!(
        late,
        Err(grants::error::AppError::Conflict(
            "error-application-deadline-passed"
        ))
    ));
    // The officer who opens signs the declaration first (another one, after the deadline).
    let (client, _) = app.client_as(Role::Delegation).await;
    app.post_form_with(
        &client,
        &format!("/evaluation/calls/{call}/declaration"),
        &[],
    )
    .await;
    let page = body(app.get_with(&client, &opening).await).await;
    assert!(page.contains("Open the received applications"));
    // The full applications' stage has nothing to open before an invitation.
    assert!(
        page.contains("Full applications (invited)")
            && page.contains("no application has been invited")
    );
    let res = app
        .post_form_with(&client, &opening, &[("stage", "call")])
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let page = body(app.get_with(&client, &opening).await).await;
    assert!(page.contains("Received in time (1)"), "{page}");
    assert!(page.contains("Withdrawn before the deadline (1)"));
    assert!(page.contains("Refused as late (1)"));
    assert!(page.contains("CALL-OPN/L2/CN/0001") && page.contains("Organisation 002"));
    // Once.
    app.post_form_with(&client, &opening, &[]).await;
    assert!(body(app.get_with(&client, &opening).await)
        .await
        .contains("already opened"));

    // The full stage: r0 is invited, never submits, tries one second after its own
    // deadline. Its opening is a second record, after that deadline only.
    let now = app.clock.now();
    let full_deadline = grants::db::truncate_micros(now + Duration::days(60));
    // Through the concept-note stage (SEL-03): scored, reported, approved, invited.
    let committee = crate::evaluation::through_the_concept_stage(&app, &staff, &call).await;
    let invited = grants::services::evaluation::invite_shortlisted(
        &app.state,
        &committee.chair.actor,
        call.clone(),
        full_deadline,
    )
    .await
    .unwrap();
    assert_eq!(invited, 1);
    let res = app
        .post_form_with(&client, &opening, &[("stage", "everything")])
        .await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    let full = [("stage", "full")];
    app.post_form_with(&client, &opening, &full).await;
    let page = body(app.get_with(&client, &opening).await).await;
    assert!(
        page.contains("once the deadline has passed") && page.contains("Can be opened after"),
        "{page}"
    );
    app.clock.freeze_at(full_deadline + Duration::seconds(1));
    let late = apps::submit(
        &app.state,
        &actor_of(&owner(&ids[0]), "r0@ngo.example"),
        ids[0].clone(),
    )
    .await;
    assert!(late.is_err());
    let (client, _) = app.client_as(Role::Delegation).await;
    app.post_form_with(
        &client,
        &format!("/evaluation/calls/{call}/declaration"),
        &[],
    )
    .await;
    let res = app.post_form_with(&client, &opening, &full).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let page = body(app.get_with(&client, &opening).await).await;
    assert!(page.contains("Invited but not submitted (1)"), "{page}");
    assert!(page.contains("Received in time (0)"), "{page}");
    // Each stage keeps its own late attempts: one in each record.
    assert_eq!(page.matches("Refused as late (1)").count(), 2, "{page}");
    let records =
        grants::db::applications::openings_of(&mut app.state.pool.get().unwrap(), &call).unwrap();
    assert_eq!(
        records.iter().map(|r| r.stage.as_str()).collect::<Vec<_>>(),
        vec!["call", "full"]
    );
    app.post_form_with(&client, &opening, &full).await;
    assert!(body(app.get_with(&client, &opening).await)
        .await
        .contains("already opened"));
    let actions = app.audit_actions().await;
    assert!(actions.contains(&"call.opened".to_string()));
    assert!(actions.contains(&"application.late_submission_refused".to_string()));
    // ADM-03: the invitation lapsed. The applicant's page says so and what comes next.
    let r0 = new_client();
    app.login_with(&r0, "r0@ngo.example", PASSWORD).await;
    let page = body(
        app.get_with(&r0, &format!("/applications/{}", ids[0]))
            .await,
    )
    .await;
    assert!(
        page.contains("the invitation has lapsed (ADM-03)"),
        "{page}"
    );
    // The full stage's report lists it as not received; once approved, it is told.
    grants::services::award::submit_report(&app.state, &committee.chair.actor, call.clone())
        .await
        .expect("a report with nobody at the full stage but the lapsed invitation");
    grants::services::award::decide_report(&app.state, &staff, call.clone(), true, String::new())
        .await
        .unwrap();
    let decisions =
        grants::db::evaluation::decisions_of(&mut app.state.pool.get().unwrap(), &call).unwrap();
    let r0_decision = decisions
        .iter()
        .find(|d| d.application_id == ids[0])
        .unwrap();
    assert_eq!(
        (r0_decision.outcome.as_str(), r0_decision.reason.as_deref()),
        ("rejected", Some("incomplete"))
    );
    grants::services::award::notify(
        &app.state,
        &staff,
        call.clone(),
        grants::services::award::Batch::Unsuccessful,
    )
    .await
    .unwrap();
    app.wait_for_mail("r0@ngo.example", "Result of your application")
        .await;
}
