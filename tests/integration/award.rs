//! From scores to the award (SEL-03, NOT-01, PUB-01), on both databases: an open call's
//! two applications are evaluated at both stages; the chair submits the report, the
//! Delegation sends it back, then approves it; nobody is told before; the successful
//! applicant is told first, then the other with the reason and the section scores; the
//! award appears on the public page and its CSV.

use chrono::Duration;
use grants::domain::access::Role;
use grants::domain::evaluation::EvaluationStage;
use grants::services::evaluation as ev;
use reqwest::StatusCode;

use crate::calls::{delegation, programme, published_open_call, today};
use crate::evaluation::{committee_for, score_all};
use crate::helpers::{body, new_client, TestApp, PASSWORD};
use crate::on_both_databases;

on_both_databases!(the_report_is_approved_before_anyone_is_told_and_the_award_is_published);

async fn the_report_is_approved_before_anyone_is_told_and_the_award_is_published(app: TestApp) {
    let (_, staff) = delegation(&app).await;
    let pid = programme(&app, &staff, today(&app) - Duration::days(30), "P-AWD").await;
    let call = published_open_call(&app, &staff, &pid, "CALL-AWD", 100).await;
    let lots = grants::db::calls::lots_of(&mut app.state.pool.get().unwrap(), &call).unwrap();
    let mut applications = Vec::new();
    for (i, email) in ["lead1@awd.example.kz", "lead2@awd.example.kz"]
        .iter()
        .enumerate()
    {
        app.create_user(email, Role::Applicant).await;
        let client = new_client();
        app.login_with(&client, email, PASSWORD).await;
        let path = crate::full_applications::start(
            &app,
            &client,
            &call,
            &lots[1].id,
            &format!("0801400012{}", 3 + i),
        )
        .await;
        crate::full_applications::write_everything(&app, &client, &path).await;
        let res = app
            .post_form_with(&client, &format!("{path}/submit"), &[])
            .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER, "{email} submits");
        applications.push(path.trim_start_matches("/applications/").to_string());
    }
    let s = committee_for(&app, &staff, &call).await;
    let deadline = crate::calls::deadline_of(&app, &call);
    app.clock.freeze_at(deadline + Duration::seconds(1));
    s.sign_all(&app, &call).await;
    // Concept notes: 50 and 30, both pass and both are on the shortlist.
    ev::assign_automatically(
        &app.state,
        &s.chair.actor,
        call.clone(),
        EvaluationStage::Concept,
    )
    .await
    .unwrap();
    score_all(&app, &s, &call, EvaluationStage::Concept, |i| {
        if &applications[0] == i {
            (5, vec![])
        } else {
            (3, vec![])
        }
    })
    .await;
    // Full applications: the first all 4; the second has a capacity sub-score of 1 (GRD-05).
    ev::assign_automatically(
        &app.state,
        &s.chair.actor,
        call.clone(),
        EvaluationStage::Full,
    )
    .await
    .unwrap();
    score_all(&app, &s, &call, EvaluationStage::Full, |i| {
        if &applications[0] == i {
            (4, vec![])
        } else {
            (4, vec![("1.2", 1)])
        }
    })
    .await;
    let chair = crate::evaluation::login(&app, &s.chair).await;
    let report = format!("/evaluation/calls/{call}/report");
    let page = body(app.get_with(&chair, &report).await).await;
    assert!(page.contains("Submit the evaluation report") && page.contains("Awarded"));
    assert!(
        page.contains("A capacity") || page.contains("Below the threshold"),
        "{page}"
    );
    // The Delegation cannot see a report before it is submitted (not on the committee).
    let (delegation_client, _) = app.client_as(Role::Delegation).await;
    assert_eq!(
        app.get_with(&delegation_client, &report).await.status(),
        StatusCode::NOT_FOUND
    );
    let res = app.post_form_with(&chair, &report, &[]).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    // Submitting twice is refused while it waits.
    let again =
        grants::services::award::submit_report(&app.state, &s.chair.actor, call.clone()).await;
    assert!(matches!(
        again,
        Err(grants::error::AppError::Conflict("error-report-waiting"))
    ));
    let page = body(app.get_with(&delegation_client, &report).await).await;
    assert!(page.contains("Approve the report") && page.contains("Waiting for the EU Delegation"));
    crate::helpers::dump_page("report-decide", &page);
    // Sending back needs a reason; then the chair submits again (version 2).
    let award = format!("/manage/calls/{call}/award");
    app.post_form_with(
        &delegation_client,
        &award,
        &[("decision", "return"), ("comments", " ")],
    )
    .await;
    assert_eq!(
        grants::db::evaluation::reports_of(&mut app.state.pool.get().unwrap(), &call).unwrap()[0]
            .status,
        "submitted"
    );
    app.post_form_with(
        &delegation_client,
        &award,
        &[
            ("decision", "return"),
            ("comments", "Explain the capacity score of the second."),
        ],
    )
    .await;
    let page = body(app.get_with(&chair, &report).await).await;
    assert!(
        page.contains("Explain the capacity score of the second.") && page.contains("Sent back")
    );
    app.post_form_with(&chair, &report, &[]).await;
    // Approval needs the confirmation box; an evaluator cannot approve.
    app.post_form_with(&delegation_client, &award, &[("decision", "approve")])
        .await;
    let reports =
        grants::db::evaluation::reports_of(&mut app.state.pool.get().unwrap(), &call).unwrap();
    assert_eq!(
        (reports[0].version, reports[0].status.as_str()),
        (2, "submitted")
    );
    let res = app
        .post_form_with(
            &chair,
            &award,
            &[("decision", "approve"), ("confirm", "yes")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    // SEL-03: nothing about the result has gone to applicants so far.
    let results_sent = |app: &TestApp| {
        app.sent_mail()
            .iter()
            .filter(|m| {
                m.to.ends_with("@awd.example.kz")
                    && !m.subject.contains("receipt")
                    && !m.subject.contains("Receipt")
            })
            .filter(|m| m.subject.contains("selected") || m.subject.contains("Result"))
            .count()
    };
    assert_eq!(results_sent(&app), 0);
    app.post_form_with(
        &delegation_client,
        &award,
        &[("decision", "approve"), ("confirm", "yes")],
    )
    .await;
    let decisions =
        grants::db::evaluation::decisions_of(&mut app.state.pool.get().unwrap(), &call).unwrap();
    let first = decisions
        .iter()
        .find(|d| d.application_id == applications[0])
        .unwrap();
    let second = decisions
        .iter()
        .find(|d| d.application_id == applications[1])
        .unwrap();
    assert_eq!(first.outcome, "awarded");
    assert_eq!(first.amount_cents, Some(10_111_500));
    assert_eq!(first.eu_share_bp, Some(9_000));
    assert_eq!(
        (second.outcome.as_str(), second.reason.as_deref()),
        ("rejected", Some("below_threshold"))
    );
    // Nothing public before the applicants are told.
    assert!(!body(app.get("/awards").await)
        .await
        .contains("Water for Aral villages"));
    // NOT-01: the others only after the successful.
    let notify = format!("{award}/notify");
    app.post_form_with(&delegation_client, &notify, &[("batch", "unsuccessful")])
        .await;
    assert_eq!(results_sent(&app), 0);
    let page = body(app.get_with(&delegation_client, &report).await).await;
    assert!(page.contains("Successful applicants by") && page.contains("waiting: 1"));
    crate::helpers::dump_page("report-notify", &page);
    app.post_form_with(&delegation_client, &notify, &[("batch", "successful")])
        .await;
    let mail = app
        .wait_for_mail("lead1@awd.example.kz", "Your application is selected")
        .await;
    assert!(mail.body.contains("101,115"), "{}", mail.body);
    app.post_form_with(&delegation_client, &notify, &[("batch", "unsuccessful")])
        .await;
    let mail = app
        .wait_for_mail("lead2@awd.example.kz", "Result of your application")
        .await;
    assert!(
        mail.body.contains("Below the threshold")
            && mail.body.contains("1 Financial and operational capacity"),
        "{}",
        mail.body
    );
    // Telling again tells nobody twice.
    app.post_form_with(&delegation_client, &notify, &[("batch", "successful")])
        .await;
    assert_eq!(results_sent(&app), 2);
    // PUB-01: the award is public, with its CSV.
    let public = body(app.get("/awards").await).await;
    crate::helpers::dump_page("awards", &public);
    assert!(
        public.contains("Aral Water Alliance")
            && public.contains("Kyzylorda")
            && public.contains("90 %")
    );
    let csv = body(app.get("/awards.csv").await).await;
    assert_eq!(csv.lines().count(), 2, "{csv}");
    assert!(csv.contains("Water for Aral villages") && csv.contains("101115.00"));
    // The report as XLSX; the auditor reads it.
    let (auditor, _) = app.client_as(Role::Auditor).await;
    let res = app.get_with(&auditor, &format!("{report}.xlsx")).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert!(res.headers()["content-type"]
        .to_str()
        .unwrap()
        .contains("spreadsheetml"));
    let actions = app.audit_actions().await;
    for a in [
        "award.report_submitted",
        "award.report_returned",
        "award.report_approved",
        "award.successful_notified",
        "award.unsuccessful_notified",
    ] {
        assert!(actions.contains(&a.to_string()), "{a} audited");
    }
}
