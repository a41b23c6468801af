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
use crate::evaluation::{committee_for, score_all, Committee};
use crate::helpers::{body, new_client, TestApp, PASSWORD};
use crate::on_both_databases;

on_both_databases!(
    the_report_is_approved_before_anyone_is_told_and_the_award_is_published,
    a_failed_document_check_moves_the_next_reserve_that_fits_up,
    an_assessor_reads_a_full_application_on_their_assignment_page,
    a_committee_member_does_not_approve_the_committees_report
);

/// SEL-02 through the pages: the chair asks, the applicant (the lead's account) uploads
/// every asked document, the secretary records the result.
pub(crate) async fn supporting_documents_checked(
    app: &TestApp,
    s: &Committee,
    call: &str,
    application: &str,
    passed: bool,
) {
    let chair = crate::evaluation::login(app, &s.chair).await;
    let res = app
        .post_form_with(
            &chair,
            &format!("/evaluation/calls/{call}/supporting-requests"),
            &[],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let row =
        grants::db::evaluation::supporting_of(&mut app.state.pool.get().unwrap(), application)
            .unwrap()
            .expect("asked");
    let a = grants::db::applications::find(&mut app.state.pool.get().unwrap(), application)
        .unwrap()
        .unwrap();
    let lead = grants::db::users::find(&mut app.state.pool.get().unwrap(), &a.created_by)
        .unwrap()
        .unwrap();
    app.wait_for_mail(&lead.email, "Supporting documents needed")
        .await;
    let client = new_client();
    app.login_with(&client, &lead.email, PASSWORD).await;
    let page = body(
        app.get_with(&client, &format!("/applications/{application}"))
            .await,
    )
    .await;
    assert!(page.contains("Supporting documents") && page.contains("Legal entity sheet"));
    crate::helpers::dump_page("applicant-supporting", &page);
    // A secretary cannot pass an incomplete set.
    let secretary = crate::evaluation::login(app, &s.secretary).await;
    let check = format!("/evaluation/calls/{call}/supporting/{application}/check");
    app.post_form_with(&secretary, &check, &[("result", "passed")])
        .await;
    assert!(
        grants::db::evaluation::supporting_of(&mut app.state.pool.get().unwrap(), application)
            .unwrap()
            .unwrap()
            .passed
            .is_none()
    );
    for code in row.codes() {
        let token = app.csrf_token_of(&client).await;
        let form = reqwest::multipart::Form::new()
            .text("document", code.clone())
            .part(
                "file",
                reqwest::multipart::Part::bytes(grants::services::demo::minimal_pdf(&[&code]))
                    .file_name(format!("{code}.pdf")),
            );
        let res = client
            .post(app.url(&format!(
                "/applications/{application}/supporting?csrf_token={token}"
            )))
            .multipart(form)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
    }
    let board = body(
        app.get_with(
            &secretary,
            &format!("/evaluation/calls/{call}/board?stage=full"),
        )
        .await,
    )
    .await;
    assert!(board.contains("Record the check"));
    crate::helpers::dump_page("board-supporting", &board);
    // A check without a result is refused, and the secretary is told on the board.
    let res = app.post_form_with(&secretary, &check, &[]).await;
    let page = body(
        app.get_with(&secretary, &crate::helpers::location(&res))
            .await,
    )
    .await;
    assert!(page.contains("Choose the result of the check."), "{page}");
    let res = if passed {
        app.post_form_with(&secretary, &check, &[("result", "passed")])
            .await
    } else {
        app.post_form_with(
            &secretary,
            &check,
            &[
                ("result", "failed"),
                ("note", "The statutes are not signed."),
            ],
        )
        .await
    };
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let page = body(
        app.get_with(&secretary, &crate::helpers::location(&res))
            .await,
    )
    .await;
    assert!(page.contains("The check is recorded"), "{page}");
    assert_eq!(
        grants::db::evaluation::supporting_of(&mut app.state.pool.get().unwrap(), application)
            .unwrap()
            .unwrap()
            .passed,
        Some(passed)
    );
}

async fn a_failed_document_check_moves_the_next_reserve_that_fits_up(app: TestApp) {
    // Both pass every threshold (the second's capacity sub-score is 2).
    let (call, applications, _staff, s) =
        two_scored_applications(&app, "CALL-SEL", ["08014000125", "08014000126"], 2).await;
    // An envelope that holds one grant: the first is selected, the second is reserve.
    let lot = grants::db::applications::find(&mut app.state.pool.get().unwrap(), &applications[0])
        .unwrap()
        .unwrap()
        .lot_id;
    app.execute_sql(&format!(
        "UPDATE lots SET envelope_cents = 15000000 WHERE id = '{lot}'"
    ));
    let placement = |app: &TestApp| {
        let board = grants::services::evaluation::board_on(
            &mut app.state.pool.get().unwrap(),
            &s.chair.actor,
            &call,
            EvaluationStage::Full,
            app.clock.now(),
            &Default::default(),
        )
        .unwrap();
        applications
            .iter()
            .map(|id| {
                board
                    .lots
                    .iter()
                    .flat_map(|l| l.rows.iter())
                    .find(|r| &r.app.id == id)
                    .unwrap()
                    .placement
            })
            .collect::<Vec<_>>()
    };
    use grants::domain::selection::Placement::*;
    assert_eq!(placement(&app), vec![Some(Selected), Some(Reserve)]);
    // The chair cannot submit the report while the selected one's documents are unchecked.
    let early =
        grants::services::award::submit_report(&app.state, &s.chair.actor, call.clone()).await;
    assert!(matches!(
        early,
        Err(grants::error::AppError::Conflict(
            "error-report-supporting-open"
        ))
    ));
    // Both were asked; the first fails its check: the reserve moves up, and it is logged.
    supporting_documents_checked(&app, &s, &call, &applications[0], false).await;
    assert_eq!(placement(&app), vec![None, Some(Selected)]);
    let events: Vec<String> = app.audit_actions().await;
    assert!(events.contains(&"award.supporting_checked".to_string()));
    // The moved-up applicant's documents pass; the report records the failed one's reason.
    let secretary = crate::evaluation::login(&app, &s.secretary).await;
    let row =
        grants::db::evaluation::supporting_of(&mut app.state.pool.get().unwrap(), &applications[1])
            .unwrap()
            .expect("the reserve was asked too");
    let a = grants::db::applications::find(&mut app.state.pool.get().unwrap(), &applications[1])
        .unwrap()
        .unwrap();
    let lead = grants::db::users::find(&mut app.state.pool.get().unwrap(), &a.created_by)
        .unwrap()
        .unwrap();
    let actor = grants::services::Actor {
        user_id: Some(lead.id.clone()),
        email: Some(lead.email.clone()),
        role: Some(Role::Applicant),
        client_ip: None,
    };
    for code in row.codes() {
        let upload = grants::services::uploads::check_document(
            &format!("{code}.pdf"),
            grants::services::demo::minimal_pdf(&[&code]),
        )
        .unwrap();
        grants::services::supporting::upload(
            &app.state,
            &actor,
            applications[1].clone(),
            code,
            upload,
        )
        .await
        .unwrap();
    }
    app.post_form_with(
        &secretary,
        &format!(
            "/evaluation/calls/{call}/supporting/{}/check",
            applications[1]
        ),
        &[("result", "passed")],
    )
    .await;
    grants::services::award::submit_report(&app.state, &s.chair.actor, call.clone())
        .await
        .unwrap();
    let reports =
        grants::db::evaluation::reports_of(&mut app.state.pool.get().unwrap(), &call).unwrap();
    let content: grants::services::award::ReportContent =
        serde_json::from_str(&reports[0].content).unwrap();
    let entries: Vec<_> = content.lots.iter().flat_map(|l| l.entries.iter()).collect();
    let first = entries
        .iter()
        .find(|e| e.application_id == applications[0])
        .unwrap();
    let second = entries
        .iter()
        .find(|e| e.application_id == applications[1])
        .unwrap();
    assert_eq!(
        first.reason,
        Some(grants::domain::award::ReasonCode::SupportingDocuments)
    );
    assert_eq!(second.outcome, grants::domain::award::Outcome::Awarded);
}

/// An open call with two full applications from two organisations, a complete committee
/// signed, the clock just after the deadline, nothing assigned.
pub(crate) async fn two_received_applications(
    app: &TestApp,
    reference: &str,
    bins: [&str; 2],
) -> (String, Vec<String>, grants::services::Actor, Committee) {
    let (_, staff) = delegation(app).await;
    let pid = programme(
        app,
        &staff,
        today(app) - Duration::days(30),
        &format!("P-{reference}"),
    )
    .await;
    let call = published_open_call(app, &staff, &pid, reference, 100).await;
    let lots = grants::db::calls::lots_of(&mut app.state.pool.get().unwrap(), &call).unwrap();
    let mut applications = Vec::new();
    for (i, email) in [
        format!("lead1@{}.example.kz", reference.to_lowercase()),
        format!("lead2@{}.example.kz", reference.to_lowercase()),
    ]
    .iter()
    .enumerate()
    {
        app.create_user(email, Role::Applicant).await;
        let client = new_client();
        app.login_with(&client, email, PASSWORD).await;
        let path = crate::full_applications::start(app, &client, &call, &lots[1].id, bins[i]).await;
        crate::full_applications::write_everything(app, &client, &path).await;
        let res = app
            .post_form_with(&client, &format!("{path}/submit"), &[])
            .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER, "{email} submits");
        applications.push(path.trim_start_matches("/applications/").to_string());
    }
    let s = committee_for(app, &staff, &call).await;
    let deadline = crate::calls::deadline_of(app, &call);
    app.clock.freeze_at(deadline + Duration::seconds(1));
    s.sign_all(app, &call).await;
    // The Delegation officer who opens, reads and approves signs too (EVC-02).
    ev::sign_declaration(&app.state, &staff, call.clone(), grants::i18n::Lang::En)
        .await
        .unwrap();
    (call, applications, staff, s)
}

/// An open call with two full applications from two organisations, a committee, both
/// stages scored: the first 50 then 86; the second 30 then 71 with `second_capacity`
/// as its capacity sub-score 1.2 (1 rejects it under GRD-05).
pub(crate) async fn two_scored_applications(
    app: &TestApp,
    reference: &str,
    bins: [&str; 2],
    second_capacity: i64,
) -> (String, Vec<String>, grants::services::Actor, Committee) {
    let (call, applications, staff, s) = two_received_applications(app, reference, bins).await;
    // Concept notes: 50 and 30, both pass and both are on the shortlist.
    ev::assign_automatically(
        &app.state,
        &s.chair.actor,
        call.clone(),
        EvaluationStage::Concept,
    )
    .await
    .unwrap();
    score_all(app, &s, &call, EvaluationStage::Concept, |i| {
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
    score_all(app, &s, &call, EvaluationStage::Full, |i| {
        if &applications[0] == i {
            (4, vec![])
        } else {
            (4, vec![("1.2", second_capacity)])
        }
    })
    .await;
    (call, applications, staff, s)
}

async fn the_report_is_approved_before_anyone_is_told_and_the_award_is_published(app: TestApp) {
    let (call, applications, _staff, s) =
        two_scored_applications(&app, "CALL-AWD", ["08014000123", "08014000124"], 1).await;
    supporting_documents_checked(&app, &s, &call, &applications[0], true).await;
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
    // EVC-02: the officer reads the scores once they signed the declaration.
    let res = app.get_with(&delegation_client, &report).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert!(body(res).await.contains("declaration-text"));
    app.post_form_with(
        &delegation_client,
        &format!("/evaluation/calls/{call}/declaration"),
        &[("next", report.as_str())],
    )
    .await;
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
                m.to.ends_with("@call-awd.example.kz")
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
    // The same through the API: the decisions, and the order of notification enforced.
    let email = "award-api@delegation.example.kz";
    app.create_user(email, Role::Delegation).await;
    let token = crate::account_security::token_of(&app, email, PASSWORD).await;
    let api = new_client();
    // EVC-02 through the API too: the scores after the declaration.
    let res = api
        .get(app.url(&format!("/api/v1/calls/{call}/award")))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::CONFLICT);
    let res = api
        .post(app.url(&format!("/api/v1/calls/{call}/declaration")))
        .bearer_auth(&token)
        .json(&serde_json::json!({}))
        .send()
        .await
        .unwrap();
    assert!(res.status().is_success(), "{}", res.status());
    let out: serde_json::Value = api
        .get(app.url(&format!("/api/v1/calls/{call}/award")))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(out["report_status"], "approved");
    assert_eq!(out["report_version"], 2);
    assert_eq!(out["decisions"].as_array().unwrap().len(), 2);
    let notify_api = app.url(&format!("/api/v1/calls/{call}/award/notify"));
    let res = api
        .post(&notify_api)
        .bearer_auth(&token)
        .json(&serde_json::json!({"batch": "everyone"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let res = api
        .post(&notify_api)
        .bearer_auth(&token)
        .json(&serde_json::json!({"batch": "unsuccessful"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::CONFLICT);
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
        .wait_for_mail("lead1@call-awd.example.kz", "Your application is selected")
        .await;
    assert!(mail.body.contains("101,115"), "{}", mail.body);
    app.post_form_with(&delegation_client, &notify, &[("batch", "unsuccessful")])
        .await;
    let mail = app
        .wait_for_mail("lead2@call-awd.example.kz", "Result of your application")
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

/// An approved award (SEL-03) for a fixture's first application: EUR 101,115 at 90%.
/// Returns the call, the awarded application, the lead applicant's email and the
/// Delegation actor; the clock stands frozen just after the call's deadline.
pub(crate) async fn approved_award(
    app: &TestApp,
    reference: &str,
) -> (String, String, String, grants::services::Actor) {
    let (call, applications, staff, s) =
        two_scored_applications(app, reference, ["08014000123", "08014000124"], 1).await;
    supporting_documents_checked(app, &s, &call, &applications[0], true).await;
    grants::services::award::submit_report(&app.state, &s.chair.actor, call.clone())
        .await
        .unwrap();
    grants::services::award::decide_report(&app.state, &staff, call.clone(), true, String::new())
        .await
        .unwrap();
    let a = grants::db::applications::find(&mut app.state.pool.get().unwrap(), &applications[0])
        .unwrap()
        .unwrap();
    let lead = grants::db::users::find(&mut app.state.pool.get().unwrap(), &a.created_by)
        .unwrap()
        .unwrap();
    (call, applications[0].clone(), lead.email, staff)
}

/// A full-stage assignment page answered 500 for its own assessor (the content partial's
/// macros were not imported): it shows the full application's sections.
async fn an_assessor_reads_a_full_application_on_their_assignment_page(app: TestApp) {
    let (call, _applications, _staff, s) =
        two_scored_applications(&app, "CALL-FAP", ["08014000127", "08014000128"], 2).await;
    let rows = grants::db::evaluation::assignments_of_call(
        &mut app.state.pool.get().unwrap(),
        &call,
        "full",
    )
    .unwrap();
    let row = rows.first().expect("a full-stage assignment");
    let seat = [&s.chair, &s.secretary, &s.replacement]
        .into_iter()
        .chain(s.evaluators.iter())
        .find(|p| p.id == row.assessor_id)
        .expect("an assessor of the committee");
    let client = crate::evaluation::login(&app, seat).await;
    let res = app
        .get_with(&client, &format!("/evaluation/assignments/{}", row.id))
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let page = body(res).await;
    assert!(
        page.contains("Drilling twelve wells near the Aral Sea.") && page.contains("Engineer"),
        "{page}"
    );
}

/// SOD-01: a Delegation officer who sat on the committee (here as an observer) cannot
/// approve its report; the page says who decides; another officer approves.
async fn a_committee_member_does_not_approve_the_committees_report(app: TestApp) {
    let (call, applications, staff, s) =
        two_scored_applications(&app, "CALL-SOD", ["08014000133", "08014000134"], 1).await;
    let (seated_client, seated_id) = app.client_as(Role::Delegation).await;
    let seated = crate::calls::staff(&seated_id, Role::Delegation);
    let email = grants::db::users::find(&mut app.state.pool.get().unwrap(), &seated_id)
        .unwrap()
        .unwrap()
        .email;
    ev::add_member(&app.state, &staff, call.clone(), email, "observer".into())
        .await
        .unwrap();
    ev::sign_declaration(&app.state, &seated, call.clone(), grants::i18n::Lang::En)
        .await
        .unwrap();
    supporting_documents_checked(&app, &s, &call, &applications[0], true).await;
    grants::services::award::submit_report(&app.state, &s.chair.actor, call.clone())
        .await
        .unwrap();
    let refused = grants::services::award::decide_report(
        &app.state,
        &seated,
        call.clone(),
        true,
        String::new(),
    )
    .await;
    assert!(matches!(
        refused,
        Err(grants::error::AppError::Conflict(
            "error-sod-committee-approves"
        ))
    ));
    let page = body(
        app.get_with(&seated_client, &format!("/evaluation/calls/{call}/report"))
            .await,
    )
    .await;
    assert!(
        page.contains("another Delegation officer approves its report"),
        "{page}"
    );
    assert!(!page.contains("Approve the report"));
    grants::services::award::decide_report(&app.state, &staff, call.clone(), true, String::new())
        .await
        .unwrap();
}
