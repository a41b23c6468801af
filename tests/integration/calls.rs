//! Programmes, amendments, calls, lots, publication, guidelines, clarifications,
//! cancellation and the API — on both databases.

use chrono::{Duration, NaiveDate};
use grants::clock::{local_date, local_to_utc};
use grants::domain::access::Role;
use grants::domain::money::Money;
use grants::domain::programme::{MoneyLine, ProgrammeCommand};
use grants::services::calls::{self as call_service, CallInput};
use grants::services::programmes::{self as programme_service};
use grants::services::Actor;
use reqwest::{Client, StatusCode};
use serde_json::{json, Value};

use crate::helpers::{body, location, new_client, TestApp, PASSWORD};
use crate::on_both_databases;

on_both_databases!(
    irreversible_steps_say_what_will_happen_before_they_are_taken,
    the_budget_problem_says_what_the_call_needs_and_what_is_free,
    staff_create_a_programme_and_see_its_computed_timeline,
    programme_dates_change_only_through_an_amendment_with_notice,
    a_call_is_drafted_checked_and_published_with_every_problem_listed,
    publishing_after_the_launch_deadline_is_refused,
    envelopes_over_the_programme_grant_budget_are_refused,
    a_published_calls_lots_cannot_be_edited,
    questions_close_at_deadline_minus_21_days_to_the_second,
    answers_are_published_without_the_asker_and_followers_are_emailed,
    answers_are_published_by_the_answer_deadline_and_not_a_second_later,
    steering_reports_and_decommitment_are_recorded_done_or_shown_missed,
    a_cancelled_call_notifies_its_followers,
    uploads_are_checked_by_content_and_downloads_are_attachments,
    the_api_reads_publicly_and_writes_with_a_delegation_token,
    staff_are_reminded_once_a_day_of_unanswered_questions,
    drafts_reserve_no_budget_and_cannot_be_cancelled,
    an_amendment_counts_from_the_day_it_takes_effect,
    a_password_reset_revokes_api_tokens,
    out_of_range_rules_are_refused_by_the_api,
);

async fn drafts_reserve_no_budget_and_cannot_be_cancelled(app: TestApp) {
    let (client, actor) = delegation(&app).await;
    let pid = programme(&app, &actor, today(&app) - Duration::days(30), "P-DRAFTS").await;
    let first = draft_call(&app, &actor, &pid, "DRAFT-1", 60).await;
    // A second call with the full default lots still publishes: drafts reserve nothing.
    published_call(&app, &actor, &pid, "DRAFT-2", 60).await;
    let res = app
        .post_form_with(
            &client,
            &format!("/manage/calls/{first}/cancel"),
            &[("reason", "force_majeure"), ("explanation", "Not needed")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        new_client()
            .get(app.url(&format!("/calls/{first}")))
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::NOT_FOUND,
        "a draft never becomes public"
    );
    assert_eq!(
        new_client()
            .get(app.url(&format!("/api/v1/calls/{first}")))
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::NOT_FOUND
    );
    let status = grants::db::calls::find(&mut app.state.pool.get().unwrap(), &first)
        .unwrap()
        .unwrap()
        .status;
    assert_eq!(status, "draft");
}

async fn an_amendment_counts_from_the_day_it_takes_effect(app: TestApp) {
    let (_, actor) = delegation(&app).await;
    let d = grants::domain::timeline::sub_months(today(&app), 7).unwrap();
    let pid = programme(&app, &actor, d, "P-EFFECTIVE").await;
    let launch = grants::domain::timeline::add_months(d, 8).unwrap();
    let effective_on = grants::domain::timeline::add_months(today(&app), 3).unwrap();
    programme_service::record_amendment(
        &app.state,
        &actor,
        pid.clone(),
        grants::services::programmes::AmendmentInput {
            date_field: "call_launch_deadline".into(),
            new_date: (launch + Duration::days(200)).to_string(),
            effective_on: effective_on.to_string(),
            reason: "Delay".into(),
            addendum_reference: "Addendum 2".into(),
        },
    )
    .await
    .unwrap();
    assert_eq!(
        programme_service::detail(&app.state, pid.clone())
            .await
            .unwrap()
            .timeline
            .call_launch_deadline,
        launch,
        "not yet in force"
    );
    app.clock
        .freeze_at(local_to_utc(effective_on.and_hms_opt(0, 0, 0).unwrap()));
    assert_eq!(
        programme_service::detail(&app.state, pid)
            .await
            .unwrap()
            .timeline
            .call_launch_deadline,
        launch + Duration::days(200),
        "in force"
    );
}

async fn a_password_reset_revokes_api_tokens(app: TestApp) {
    app.create_user("tokens@example.kz", Role::Delegation).await;
    let res = new_client()
        .post(app.url("/api/v1/tokens"))
        .json(&json!({"email": "tokens@example.kz", "password": PASSWORD}))
        .send()
        .await
        .unwrap();
    let token = res.json::<Value>().await.unwrap()["token"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(
        new_client()
            .get(app.url("/api/v1/me"))
            .bearer_auth(&token)
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::OK
    );
    app.post_form("/forgot-password", &[("email", "tokens@example.kz")])
        .await;
    let link = TestApp::link_in(&app.wait_for_mail("tokens@example.kz", "new password").await);
    app.post_form(
        "/reset-password",
        &[
            ("token", &TestApp::token_in_link(&link)),
            ("password", "a brand new steppe passphrase"),
        ],
    )
    .await;
    assert_eq!(
        new_client()
            .get(app.url("/api/v1/me"))
            .bearer_auth(&token)
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::UNAUTHORIZED
    );
}

async fn out_of_range_rules_are_refused_by_the_api(app: TestApp) {
    let token = api_token(&app, Role::Delegation).await;
    let (_, actor) = delegation(&app).await;
    let pid = programme(&app, &actor, today(&app) - Duration::days(30), "P-RANGE").await;
    let res = new_client()
        .post(app.url(&format!("/api/v1/programmes/{pid}/calls")))
        .bearer_auth(&token)
        .json(&json!({"reference": "R-1", "title": "T", "call_type": "open",
            "parameters": {"question_cutoff_days": 2000000000i64, "answer_deadline_days": 1000000000i64}}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let problem: Value = res.json().await.unwrap();
    assert_eq!(
        problem["errors"][0]["code"],
        "publish-problem-parameters-range"
    );
    assert_eq!(app.get("/healthz").await.status(), StatusCode::OK);
}

async fn staff_are_reminded_once_a_day_of_unanswered_questions(app: TestApp) {
    let (_, actor) = delegation(&app).await;
    let pid = programme(&app, &actor, today(&app) - Duration::days(30), "P-R").await;
    let id = published_call(&app, &actor, &pid, "CALL-R", 50).await;
    let (applicant, _) = app.client_as(Role::Applicant).await;
    app.post_form_with(
        &applicant,
        &format!("/calls/{id}/questions"),
        &[("question", "Is VAT eligible?")],
    )
    .await;
    let deadline = crate::calls::deadline_of(&app, &id);
    let due = deadline - Duration::days(11);
    app.clock
        .freeze_at(due - Duration::days(3) - Duration::seconds(1));
    assert_eq!(
        grants::services::calls::remind_unanswered_questions(&app.state)
            .await
            .unwrap(),
        0,
        "too early"
    );
    app.clock.freeze_at(due - Duration::days(3));
    assert_eq!(
        grants::services::calls::remind_unanswered_questions(&app.state)
            .await
            .unwrap(),
        1,
        "one staff member reminded"
    );
    assert_eq!(
        grants::services::calls::remind_unanswered_questions(&app.state)
            .await
            .unwrap(),
        0,
        "once a day"
    );
    let staff = grants::db::users::list(
        &mut app.state.pool.get().unwrap(),
        &Default::default(),
        0,
        100,
    )
    .unwrap()
    .0
    .into_iter()
    .find(|u| u.role == "delegation")
    .unwrap();
    let mail = app
        .wait_for_mail(&staff.email, "Questions waiting for an answer")
        .await;
    assert!(mail.body.contains("CALL-R") && mail.body.contains(": 1."));
}

pub(crate) fn staff(id: &str, role: Role) -> Actor {
    Actor {
        user_id: Some(id.to_string()),
        email: Some(format!("{id}@example.kz")),
        role: Some(role),
        client_ip: None,
    }
}

pub(crate) fn today(app: &TestApp) -> NaiveDate {
    local_date(app.clock.now())
}

pub(crate) async fn programme(
    app: &TestApp,
    actor: &Actor,
    d: NaiveDate,
    reference: &str,
) -> String {
    programme_service::create(
        &app.state,
        actor,
        ProgrammeCommand {
            reference: reference.into(),
            title: "Support to local development in the Republic of Kazakhstan".into(),
            entry_into_force: Some(d),
            total_budget: Money::euros(15_000_000),
            budget_lines: lines(&[("Activity 1", 3_450_000), ("Activity 2", 3_100_000)]),
            envelopes: lines(&[("Pilot oblasts", 2_100_000), ("National", 900_000)]),
        },
    )
    .await
    .unwrap()
}

pub fn lines(items: &[(&str, i64)]) -> Vec<MoneyLine> {
    items
        .iter()
        .map(|(label, euros)| MoneyLine::new(label, "", "", Money::euros(*euros)))
        .collect()
}

/// A draft restricted call with the default lots and a deadline `days` from now.
pub(crate) async fn draft_call(
    app: &TestApp,
    actor: &Actor,
    programme_id: &str,
    reference: &str,
    days: i64,
) -> String {
    draft_call_of(
        app,
        actor,
        programme_id,
        reference,
        days,
        grants::domain::calls::CallType::Restricted,
    )
    .await
}

/// A published open call (CFP-02: at least 90 days to its deadline).
pub(crate) async fn published_open_call(
    app: &TestApp,
    actor: &Actor,
    programme_id: &str,
    reference: &str,
    days: i64,
) -> String {
    let id = draft_call_of(
        app,
        actor,
        programme_id,
        reference,
        days,
        grants::domain::calls::CallType::Open,
    )
    .await;
    add_guidelines(app, actor, &id).await;
    call_service::publish(&app.state, actor, id.clone())
        .await
        .unwrap()
        .expect("publishable");
    id
}

pub(crate) async fn draft_call_of(
    app: &TestApp,
    actor: &Actor,
    programme_id: &str,
    reference: &str,
    days: i64,
    call_type: grants::domain::calls::CallType,
) -> String {
    let deadline = app.clock.now() + Duration::days(days);
    call_service::create(
        &app.state,
        actor,
        programme_id.to_string(),
        CallInput {
            reference: reference.into(),
            title: format!("Call {reference}"),
            description: "Local development initiatives.".into(),
            call_type: Some(call_type),
            opens_at: None,
            deadline: Some(grants::db::truncate_micros(deadline)),
            params: Default::default(),
        },
    )
    .await
    .unwrap()
}

pub(crate) async fn add_guidelines(app: &TestApp, actor: &Actor, call_id: &str) {
    let pdf = grants::services::demo::minimal_pdf(&["Guidelines"]);
    let upload = grants::services::uploads::check_document("guidelines.pdf", pdf).unwrap();
    call_service::add_document(
        &app.state,
        actor,
        call_id.to_string(),
        upload,
        grants::i18n::Lang::En,
        "Guidelines".into(),
    )
    .await
    .unwrap();
}

pub(crate) async fn published_call(
    app: &TestApp,
    actor: &Actor,
    programme_id: &str,
    reference: &str,
    days: i64,
) -> String {
    let id = draft_call(app, actor, programme_id, reference, days).await;
    add_guidelines(app, actor, &id).await;
    call_service::publish(&app.state, actor, id.clone())
        .await
        .unwrap()
        .expect("publishable");
    id
}

pub(crate) async fn delegation(app: &TestApp) -> (Client, Actor) {
    let (client, id) = app.client_as(Role::Delegation).await;
    (client, staff(&id, Role::Delegation))
}

async fn staff_create_a_programme_and_see_its_computed_timeline(app: TestApp) {
    let (client, _) = delegation(&app).await;
    let form = body(app.get_with(&client, "/manage/programmes/new").await).await;
    assert!(
        form.contains("DCI-ASIE/2010/020-609"),
        "the KAZLOD figures are offered"
    );
    let res = app
        .post_form_with(
            &client,
            "/manage/programmes",
            &[
                ("reference", "DCI-ASIE/2010/020-609"),
                ("title", "Support to local development"),
                ("entry_into_force", "2026-03-15"),
                ("total_budget", "15,000,000"),
                ("line_0_label", "Activity 1"),
                ("line_0_amount", "3,450,000"),
                ("line_1_label", "Activity 2"),
                ("line_1_amount", "3,100,000"),
                ("envelope_0_label", "Pilot oblasts"),
                ("envelope_0_amount", "2,100,000"),
                ("envelope_1_label", "National"),
                ("envelope_1_amount", "900,000"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let page = location(&res);
    let html = body(app.get_with(&client, &page).await).await;
    for date in [
        "2026-11-15",
        "2029-03-15",
        "2031-03-15",
        "2033-03-15",
        "2033-09-15",
    ] {
        assert!(html.contains(date), "{date} missing");
    }
    assert!(html.contains("<svg"), "the timeline is drawn server-side");
    assert!(html.contains("EUR 3,000,000"), "grant budget shown");
    assert!(!html.contains("<script"));
    // Bad input is explained next to the field, and nothing is created.
    let res = app
        .post_form_with(
            &client,
            "/manage/programmes",
            &[
                ("reference", "X-2"),
                ("title", "T"),
                ("entry_into_force", "15/03/2026"),
                ("total_budget", "1000"),
                ("envelope_0_label", "Big"),
                ("envelope_0_amount", "5000"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = body(res).await;
    assert!(html.contains("YYYY-MM-DD"));
    assert!(html.contains(r#"value="Big""#), "what was typed is kept");
    let res = app
        .post_form_with(
            &client,
            "/manage/programmes",
            &[
                ("reference", "X-2"),
                ("title", "T"),
                ("entry_into_force", "2026-03-15"),
                ("total_budget", "1000"),
                ("envelope_0_label", "Big"),
                ("envelope_0_amount", "5000"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body(res)
        .await
        .contains("The envelopes add up to more than"));
    // The auditor reads but cannot change; applicants see nothing.
    let (auditor, _) = app.client_as(Role::Auditor).await;
    assert_eq!(app.get_with(&auditor, &page).await.status(), StatusCode::OK);
    let res = app
        .post_form_with(&auditor, &page, &[("reference", "x")])
        .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let (applicant, _) = app.client_as(Role::Applicant).await;
    assert_eq!(
        app.get_with(&applicant, &page).await.status(),
        StatusCode::FORBIDDEN
    );
    assert!(app
        .audit_actions()
        .await
        .contains(&"programme.created".to_string()));
}

async fn programme_dates_change_only_through_an_amendment_with_notice(app: TestApp) {
    let (client, actor) = delegation(&app).await;
    let d = today(&app) - Duration::days(30);
    let id = programme(&app, &actor, d, "DCI-ASIE/2010/020-609").await;
    let launch = grants::domain::timeline::add_months(d, 8).unwrap();
    let new_date = launch + Duration::days(60);
    let short = today(&app) + Duration::days(60);
    let res = app
        .post_form_with(
            &client,
            &format!("/manage/programmes/{id}/amendments"),
            &[
                ("date_field", "call_launch_deadline"),
                ("new_date", &new_date.to_string()),
                ("effective_on", &short.to_string()),
                ("reason", "Delayed ratification"),
                ("addendum_reference", "Addendum No 1"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body(res).await.contains("at least 3 months"));
    let effective = grants::domain::timeline::add_months(today(&app), 3).unwrap();
    let res = app
        .post_form_with(
            &client,
            &format!("/manage/programmes/{id}/amendments"),
            &[
                ("date_field", "call_launch_deadline"),
                ("new_date", &new_date.to_string()),
                ("effective_on", &effective.to_string()),
                ("reason", "Delayed ratification"),
                ("addendum_reference", "Addendum No 1"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let html = body(
        app.get_with(&client, &format!("/manage/programmes/{id}"))
            .await,
    )
    .await;
    assert!(
        html.contains(&format!("<del>{launch}</del>")),
        "the old date stays visible"
    );
    assert!(html.contains(&new_date.to_string()));
    assert!(html.contains("Addendum No 1"));
    // The edit form cannot change D.
    let before = programme_service::detail(&app.state, id.clone())
        .await
        .unwrap()
        .programme
        .entry_into_force;
    app.post_form_with(
        &client,
        &format!("/manage/programmes/{id}"),
        &[
            ("reference", "DCI-ASIE/2010/020-609"),
            ("title", "T"),
            ("entry_into_force", "2020-01-01"),
            ("total_budget", "15000000"),
            ("budget_lines", ""),
            ("envelopes", "A | 3000000"),
        ],
    )
    .await;
    assert_eq!(
        programme_service::detail(&app.state, id)
            .await
            .unwrap()
            .programme
            .entry_into_force,
        before
    );
    assert!(app
        .audit_actions()
        .await
        .contains(&"programme.amended".to_string()));
}

async fn a_call_is_drafted_checked_and_published_with_every_problem_listed(app: TestApp) {
    let (client, actor) = delegation(&app).await;
    let pid = programme(&app, &actor, today(&app) - Duration::days(30), "P-1").await;
    let deadline = local_to_utc(
        (today(&app) + Duration::days(60))
            .and_hms_opt(18, 0, 0)
            .unwrap(),
    );
    let deadline_input = grants::web::calls::local_input(deadline);
    let deadline_soon = grants::web::calls::local_input(app.clock.now() + Duration::days(10));
    let form = call_form(&[
        ("reference", "EuropeAid/150123/L/ACT/KZ"),
        ("title", "Local development initiatives"),
        ("description", "Grants."),
        ("deadline", &deadline_soon),
    ]);
    let refs = as_pairs(&form);
    let res = app
        .post_form_with(&client, &format!("/manage/programmes/{pid}/calls"), &refs)
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let call_page = location(&res);
    let call_id = call_page.rsplit('/').next().unwrap().to_string();
    let html = body(app.get_with(&client, &call_page).await).await;
    assert!(
        html.contains("EUR 2,100,000") && html.contains("EUR 900,000"),
        "the two default lots"
    );
    assert!(
        html.contains("out of 50") && html.contains("out of 100"),
        "the default grids"
    );
    // Publishing now lists every problem at once.
    let res = app
        .post_form_with(&client, &format!("/manage/calls/{call_id}/publish"), &[])
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let html = body(app.get_with(&client, &call_page).await).await;
    assert!(html.contains("at least 45 days after opening"), "CFP-02");
    assert!(html.contains("Upload the English guidelines"), "CFP-08");
    // Each problem links to where it is fixed, with its rule as a reference after it.
    assert!(html.contains(&format!("href=\"/manage/calls/{call_id}/edit#deadline\"")));
    assert!(html.contains(&format!("href=\"/manage/calls/{call_id}#documents\"")));
    assert!(html.contains("(rule CFP-02)") && html.contains("(rule CFP-08)"));
    assert!(
        !html.contains("opening (CFP-02)"),
        "the code is not the explanation"
    );
    assert!(body(app.get("/calls").await)
        .await
        .contains("No call is open"));
    // Fix both, then publish.
    let form = call_form(&[
        ("reference", "EuropeAid/150123/L/ACT/KZ"),
        ("title", "Local development initiatives"),
        ("description", "Grants."),
        ("deadline", &deadline_input),
    ]);
    let refs = as_pairs(&form);
    assert_eq!(
        app.post_form_with(&client, &call_page, &refs)
            .await
            .status(),
        StatusCode::SEE_OTHER
    );
    // The form says the typed instant back in words, in Almaty time.
    let edit = body(app.get_with(&client, &format!("{call_page}/edit")).await).await;
    assert!(edit.contains("That is "), "{edit}");
    assert!(edit.contains("18:00 Almaty time."));
    upload(
        &app,
        &client,
        &call_id,
        "en",
        "guidelines.pdf",
        grants::services::demo::minimal_pdf(&["Guidelines"]),
    )
    .await;
    let res = app
        .post_form_with(&client, &format!("/manage/calls/{call_id}/publish"), &[])
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert!(body(app.get_with(&client, &call_page).await)
        .await
        .contains("The call is published"));
    // It is on the public list and page, with its lots and guidelines.
    let list = body(new_client().get(app.url("/calls")).send().await.unwrap()).await;
    assert!(list.contains("EuropeAid/150123/L/ACT/KZ"));
    assert!(
        body(app.get("/").await)
            .await
            .contains("EuropeAid/150123/L/ACT/KZ"),
        "on the home page"
    );
    let public = body(
        new_client()
            .get(app.url(&format!("/calls/{call_id}")))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert!(public.contains("EUR 2,100,000") && public.contains("authentic text"));
    let in_words = grants::views::format::instant_long(grants::i18n::Lang::En, deadline)
        .replace('\u{a0}', " ");
    assert!(in_words.ends_with("18:00 Almaty time"), "{in_words}");
    assert!(
        public.contains(&in_words),
        "the deadline in words and Almaty time"
    );
    // The same page in Russian: amounts and dates in Russian conventions.
    let ru = body(
        new_client()
            .get(app.url(&format!("/calls/{call_id}")))
            .header("accept-language", "ru")
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert!(ru.contains("2 100 000 EUR"), "Russian amounts");
    assert!(ru.contains("по времени Алматы"), "Russian instants");
    assert!(app
        .audit_actions()
        .await
        .contains(&"call.published".to_string()));
}

async fn upload(
    app: &TestApp,
    client: &Client,
    call_id: &str,
    lang: &str,
    name: &str,
    bytes: Vec<u8>,
) -> reqwest::Response {
    let token = app.csrf_token_of(client).await;
    let form = reqwest::multipart::Form::new()
        .text("language", lang.to_string())
        .text("title", "Guidelines for applicants")
        .part(
            "file",
            reqwest::multipart::Part::bytes(bytes).file_name(name.to_string()),
        );
    client
        .post(app.url(&format!(
            "/manage/calls/{call_id}/documents?csrf_token={token}"
        )))
        .multipart(form)
        .send()
        .await
        .unwrap()
}

async fn publishing_after_the_launch_deadline_is_refused(app: TestApp) {
    let (client, actor) = delegation(&app).await;
    // D nine months ago: the TL-01 deadline (D + 8 months) has passed.
    let d = grants::domain::timeline::sub_months(today(&app), 9).unwrap();
    let pid = programme(&app, &actor, d, "P-LATE").await;
    let id = draft_call(&app, &actor, &pid, "CALL-LATE", 60).await;
    add_guidelines(&app, &actor, &id).await;
    let problems = call_service::publish(&app.state, &actor, id.clone())
        .await
        .unwrap()
        .unwrap_err();
    assert_eq!(
        problems.problems.iter().map(|p| p.code).collect::<Vec<_>>(),
        vec!["publish-problem-launch-deadline"]
    );
    let res = app
        .post_form_with(&client, &format!("/manage/calls/{id}/publish"), &[])
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let html = body(app.get_with(&client, &format!("/manage/calls/{id}")).await).await;
    assert!(html.contains("Calls must be published by"));
    assert_eq!(
        new_client()
            .get(app.url(&format!("/calls/{id}")))
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::NOT_FOUND,
        "still a draft"
    );
}

async fn envelopes_over_the_programme_grant_budget_are_refused(app: TestApp) {
    let (_, actor) = delegation(&app).await;
    let pid = programme(&app, &actor, today(&app) - Duration::days(30), "P-BUDGET").await;
    // Two drafts start from the whole EUR 3,000,000 (nothing is published yet); the first
    // one published takes it all.
    let first_draft = draft_call(&app, &actor, &pid, "CALL-A", 60).await;
    let second = draft_call(&app, &actor, &pid, "CALL-B", 60).await;
    add_guidelines(&app, &actor, &first_draft).await;
    call_service::publish(&app.state, &actor, first_draft)
        .await
        .unwrap()
        .expect("publishable");
    add_guidelines(&app, &actor, &second).await;
    let problems = call_service::publish(&app.state, &actor, second.clone())
        .await
        .unwrap()
        .unwrap_err();
    // Both envelopes (EUR 2.1M pilot oblasts, EUR 0.9M national) and the total are full.
    assert_eq!(
        problems.problems.iter().map(|p| p.code).collect::<Vec<_>>(),
        vec![
            "publish-problem-envelope-over",
            "publish-problem-envelope-over",
            "publish-problem-over-budget"
        ]
    );
    // Cancelling the first frees its envelopes.
    let first = grants::db::calls::find_by_reference(&mut app.state.pool.get().unwrap(), "CALL-A")
        .unwrap()
        .unwrap()
        .id;
    call_service::cancel(
        &app.state,
        &actor,
        first,
        "changed_circumstances".into(),
        "Replaced by CALL-B".into(),
    )
    .await
    .unwrap();
    call_service::publish(&app.state, &actor, second)
        .await
        .unwrap()
        .expect("fits now");
}

async fn a_published_calls_lots_cannot_be_edited(app: TestApp) {
    let (client, actor) = delegation(&app).await;
    let pid = programme(&app, &actor, today(&app) - Duration::days(30), "P-LOTS").await;
    let id = published_call(&app, &actor, &pid, "CALL-LOTS", 60).await;
    let lot = grants::db::calls::lots_of(&mut app.state.pool.get().unwrap(), &id)
        .unwrap()
        .remove(0);
    let res = app
        .post_form_with(
            &client,
            &format!("/manage/calls/{id}/lots/{}", lot.id),
            &[
                ("number", "1"),
                ("title", "Changed"),
                ("envelope", "3000000"),
                ("min_grant", "1"),
                ("max_grant", "2"),
                ("min_eu_share", "50"),
                ("max_eu_share", "90"),
                ("min_duration", "1"),
                ("max_duration", "2"),
                ("type_ngo", "on"),
                ("loc_national", "on"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let html = body(app.get_with(&client, &format!("/manage/calls/{id}")).await).await;
    assert!(html.contains("A published or cancelled call cannot be changed"));
    let after = grants::db::calls::lots_of(&mut app.state.pool.get().unwrap(), &id)
        .unwrap()
        .remove(0);
    assert_eq!(after.title, lot.title);
    assert_eq!(after.envelope_cents, lot.envelope_cents);
    // Lot rules on a draft: EU share over 90% and duration over 48 months are refused.
    let draft = draft_call(&app, &actor, &pid, "CALL-DRAFT", 60).await;
    let res = app
        .post_form_with(
            &client,
            &format!("/manage/calls/{draft}/lots"),
            &[
                ("number", "3"),
                ("title", "Extra"),
                ("envelope", "100000"),
                ("min_grant", "10000"),
                ("max_grant", "50000"),
                ("min_eu_share", "50"),
                ("max_eu_share", "95"),
                ("min_duration", "6"),
                ("max_duration", "60"),
                ("type_ngo", "on"),
                ("loc_national", "on"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = body(res).await;
    assert!(html.contains("at most 90%") && html.contains("at most 48 months"));
}

async fn questions_close_at_deadline_minus_21_days_to_the_second(app: TestApp) {
    let (_, actor) = delegation(&app).await;
    let pid = programme(&app, &actor, today(&app) - Duration::days(30), "P-Q").await;
    let id = published_call(&app, &actor, &pid, "CALL-Q", 60).await;
    let deadline = crate::calls::deadline_of(&app, &id);
    let (applicant, _) = app.client_as(Role::Applicant).await;
    let page = format!("/calls/{id}");
    assert!(body(app.get_with(&applicant, &page).await)
        .await
        .contains("Send the question"));
    // Exactly at the cutoff: still accepted.
    let cutoff = deadline - Duration::days(21);
    app.clock.freeze_at(cutoff);
    // Sessions follow the clock too: sign in again at the frozen time.
    let applicant = new_client();
    app.create_user("late-asker@example.kz", Role::Applicant)
        .await;
    app.login_with(&applicant, "late-asker@example.kz", PASSWORD)
        .await;
    let res = app
        .post_form_with(
            &applicant,
            &format!("/calls/{id}/questions"),
            &[("question", "Is VAT eligible?")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert!(body(app.get_with(&applicant, &page).await)
        .await
        .contains("Your question is sent"));
    // One second later: refused, and the form says why.
    app.clock.advance(Duration::seconds(1));
    let res = app
        .post_form_with(
            &applicant,
            &format!("/calls/{id}/questions"),
            &[("question", "And travel costs?")],
        )
        .await;
    // The page comes back with the error at the top (a summary linking to the field,
    // "Error:" in the title); the question asked is not lost.
    assert_eq!(res.status(), StatusCode::CONFLICT);
    let html = body(res).await;
    assert!(html.contains("<title>Error:"), "{html}");
    assert!(html.contains("class=\"error-summary\""));
    assert!(html.contains("Questions for this call are closed"));
    assert!(
        html.contains("And travel costs?"),
        "the question stays in the form"
    );
    let html = body(app.get_with(&applicant, &page).await).await;
    assert!(html.contains("Questions are no longer accepted"));
    assert!(!html.contains("Send the question"));
    let n = grants::db::calls::clarifications_page(
        &mut app.state.pool.get().unwrap(),
        &id,
        false,
        0,
        1000,
    )
    .unwrap()
    .0
    .len();
    assert_eq!(n, 1);
    // Staff and the anonymous cannot ask.
    let (other_staff, _) = app.client_as(Role::Delegation).await;
    assert_eq!(
        app.post_form_with(
            &other_staff,
            &format!("/calls/{id}/questions"),
            &[("question", "x")]
        )
        .await
        .status(),
        StatusCode::FORBIDDEN
    );
}

async fn answers_are_published_without_the_asker_and_followers_are_emailed(app: TestApp) {
    let (client, actor) = delegation(&app).await;
    let pid = programme(&app, &actor, today(&app) - Duration::days(30), "P-A").await;
    let id = published_call(&app, &actor, &pid, "CALL-A1", 60).await;
    app.create_user("asker@example.kz", Role::Applicant).await;
    let asker = new_client();
    app.login_with(&asker, "asker@example.kz", PASSWORD).await;
    app.post_form_with(
        &asker,
        &format!("/calls/{id}/questions"),
        &[("question", "Can akimats lead lot 2?")],
    )
    .await;
    app.create_user("watcher@example.kz", Role::Applicant).await;
    let watcher = new_client();
    app.login_with(&watcher, "watcher@example.kz", PASSWORD)
        .await;
    assert_eq!(
        app.post_form_with(&watcher, &format!("/calls/{id}/follow"), &[])
            .await
            .status(),
        StatusCode::SEE_OTHER
    );
    // Staff see the question with its asker, and a warning that answers are due.
    let staff_page = body(app.get_with(&client, &format!("/manage/calls/{id}")).await).await;
    assert!(staff_page.contains("asker@example.kz"));
    assert!(staff_page.contains("waiting for an answer"));
    let q = grants::db::calls::clarifications_page(
        &mut app.state.pool.get().unwrap(),
        &id,
        false,
        0,
        1000,
    )
    .unwrap()
    .0
    .remove(0);
    // An empty answer: the page comes back with the error at that answer's text area.
    let res = app
        .post_form_with(
            &client,
            &format!("/manage/calls/{id}/clarifications/{}/answer", q.id),
            &[("answer", "   ")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = body(res).await;
    assert!(
        html.contains(&format!("href=\"#answer-{}\"", q.id)),
        "{html}"
    );
    assert!(html.contains(&format!("id=\"answer-{}-error\"", q.id)));
    assert!(html.contains("<title>Error:"));
    let res = app
        .post_form_with(
            &client,
            &format!("/manage/calls/{id}/clarifications/{}/answer", q.id),
            &[("answer", "No, only under lot 1.")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&res), format!("/manage/calls/{id}#clarifications"));
    // The confirmation stands in the questions section, where the page opens.
    let html = body(app.get_with(&client, &location(&res)).await).await;
    let section = html.split("id=\"clarifications\"").nth(1).unwrap();
    assert!(section.contains("The answer is published"), "{section}");
    let public = body(
        new_client()
            .get(app.url(&format!("/calls/{id}")))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert!(public.contains("Can akimats lead lot 2?") && public.contains("No, only under lot 1."));
    assert!(
        !public.contains("asker@example.kz") && !public.contains("Test User"),
        "no asker identity"
    );
    app.wait_for_mail("watcher@example.kz", "New answer published")
        .await;
    app.wait_for_mail("asker@example.kz", "New answer published")
        .await;
    let staff_page = body(app.get_with(&client, &format!("/manage/calls/{id}")).await).await;
    assert!(staff_page.contains("Every answer was published in time"));
    // Answering twice is refused.
    app.post_form_with(
        &client,
        &format!("/manage/calls/{id}/clarifications/{}/answer", q.id),
        &[("answer", "Again")],
    )
    .await;
    assert!(!body(
        new_client()
            .get(app.url(&format!("/calls/{id}")))
            .send()
            .await
            .unwrap()
    )
    .await
    .contains(">Again<"));
}

async fn a_cancelled_call_notifies_its_followers(app: TestApp) {
    let (client, actor) = delegation(&app).await;
    let pid = programme(&app, &actor, today(&app) - Duration::days(30), "P-C").await;
    let id = published_call(&app, &actor, &pid, "CALL-C", 60).await;
    app.create_user("follower@example.kz", Role::Applicant)
        .await;
    let follower = new_client();
    app.login_with(&follower, "follower@example.kz", PASSWORD)
        .await;
    app.post_form_with(&follower, &format!("/calls/{id}/follow"), &[])
        .await;
    let res = app
        .post_form_with(
            &client,
            &format!("/manage/calls/{id}/cancel"),
            &[("reason", ""), ("explanation", "")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let res = app
        .post_form_with(
            &client,
            &format!("/manage/calls/{id}/cancel"),
            &[
                ("reason", "force_majeure"),
                ("explanation", "Floods in the region."),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let mail = app
        .wait_for_mail("follower@example.kz", "Call cancelled")
        .await;
    assert!(mail.body.contains("Force majeure") && mail.body.contains("Floods in the region."));
    let public = body(new_client().get(app.url("/calls")).send().await.unwrap()).await;
    assert!(public.contains("Cancelled"));
    let page = body(
        new_client()
            .get(app.url(&format!("/calls/{id}")))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert!(page.contains("Floods in the region."));
}

async fn uploads_are_checked_by_content_and_downloads_are_attachments(app: TestApp) {
    let (client, actor) = delegation(&app).await;
    let pid = programme(&app, &actor, today(&app) - Duration::days(30), "P-U").await;
    let id = draft_call(&app, &actor, &pid, "CALL-U", 60).await;
    let res = upload(
        &app,
        &client,
        &id,
        "en",
        "guidelines.pdf",
        b"MZ not really a pdf".to_vec(),
    )
    .await;
    // Shown again with the error at the file input, linked from the summary.
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = body(res).await;
    assert!(html.contains("Only PDF, Word"));
    assert!(html.contains("href=\"#doc-file\""), "{html}");
    assert!(html.contains("id=\"doc-file-error\""));
    assert!(html.contains("value=\"Guidelines for applicants\""));
    let res = upload(
        &app,
        &client,
        &id,
        "en",
        "guide.exe.pdf",
        grants::services::demo::minimal_pdf(&["x"]),
    )
    .await;
    assert!(body(res).await.contains("exactly one extension"));
    let res = upload(&app, &client, &id, "en", "empty.pdf", Vec::new()).await;
    assert!(body(res).await.contains("The file is empty"));
    // Without the CSRF token an upload is refused.
    let form = reqwest::multipart::Form::new()
        .text("language", "en")
        .text("title", "t")
        .part(
            "file",
            reqwest::multipart::Part::bytes(b"%PDF-1.4".to_vec()).file_name("a.pdf"),
        );
    let res = client
        .post(app.url(&format!("/manage/calls/{id}/documents")))
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let pdf = grants::services::demo::minimal_pdf(&["Нұсқаулық"]);
    upload(&app, &client, &id, "kk", "Нұсқаулық.pdf", pdf.clone()).await;
    let docs = guidelines(&app, &id);
    assert_eq!(docs.len(), 1);
    let doc = &docs[0];
    // Drafts' documents are not public.
    let url = format!("/calls/{id}/documents/{}", doc.id);
    assert_eq!(
        new_client()
            .get(app.url(&url))
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::NOT_FOUND
    );
    let res = app.get_with(&client, &url).await;
    assert_eq!(res.status(), StatusCode::OK);
    let h = res.headers().clone();
    assert!(h
        .get("content-disposition")
        .unwrap()
        .to_str()
        .unwrap()
        .starts_with("attachment;"));
    assert!(h
        .get("content-disposition")
        .unwrap()
        .to_str()
        .unwrap()
        .contains("filename*=UTF-8''"));
    assert_eq!(h.get("x-content-type-options").unwrap(), "nosniff");
    assert_eq!(h.get("content-security-policy").unwrap(), "sandbox");
    assert_eq!(res.bytes().await.unwrap().to_vec(), pdf);
    assert!(doc.sha256.len() == 64);
    // Kazakh and Russian versions are "for information"; the English one is still needed.
    let problems = call_service::publish(&app.state, &actor, id)
        .await
        .unwrap()
        .unwrap_err();
    assert!(problems
        .problems
        .iter()
        .any(|p| p.code == "publish-problem-guidelines"));
    // After publication the English (authentic) text is frozen; translations may follow.
    let published = published_call(&app, &actor, &pid, "CALL-U2", 60).await;
    let uploads_dir = app.state.settings.data.dir.join("uploads");
    let files_before = std::fs::read_dir(&uploads_dir).unwrap().count();
    upload(
        &app,
        &client,
        &published,
        "en",
        "new.pdf",
        grants::services::demo::minimal_pdf(&["v2"]),
    )
    .await;
    upload(
        &app,
        &client,
        &published,
        "ru",
        "ru.pdf",
        grants::services::demo::minimal_pdf(&["ru"]),
    )
    .await;
    let langs: Vec<String> = guidelines(&app, &published)
        .into_iter()
        .filter_map(|d| d.language)
        .collect();
    assert_eq!(langs, vec!["en".to_string(), "ru".to_string()]);
    // The refused English file left nothing on disk; the Russian one was kept.
    assert_eq!(
        std::fs::read_dir(&uploads_dir).unwrap().count(),
        files_before + 1
    );
}

pub(crate) async fn api_token(app: &TestApp, role: Role) -> String {
    let email = format!(
        "api-{}-{}@example.kz",
        role.as_str(),
        uuid::Uuid::new_v4().simple()
    );
    app.create_user(&email, role).await;
    let res = new_client()
        .post(app.url("/api/v1/tokens"))
        .json(&json!({"email": email, "password": PASSWORD}))
        .send()
        .await
        .unwrap();
    res.json::<Value>().await.unwrap()["token"]
        .as_str()
        .unwrap()
        .to_string()
}

async fn the_api_reads_publicly_and_writes_with_a_delegation_token(app: TestApp) {
    let token = api_token(&app, Role::Delegation).await;
    let api = new_client();
    let d = (today(&app) - Duration::days(30)).to_string();
    let programme_body = json!({
        "reference": "DCI-API-1", "title": "API programme", "entry_into_force": d, "total_budget_cents": 1_500_000_000i64,
        "budget_lines": [{"label": "Activity 1", "amount_cents": 345_000_000i64}],
        "envelopes": [{"label": "Pilot oblasts", "amount_cents": 210_000_000i64}, {"label": "National", "amount_cents": 90_000_000i64}]
    });
    let applicant = api_token(&app, Role::Applicant).await;
    let res = api
        .post(app.url("/api/v1/programmes"))
        .bearer_auth(&applicant)
        .json(&programme_body)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let res = api
        .post(app.url("/api/v1/programmes"))
        .json(&programme_body)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    let res = api
        .post(app.url("/api/v1/programmes"))
        .bearer_auth(&token)
        .json(&programme_body)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::CREATED);
    let p: Value = res.json().await.unwrap();
    assert_eq!(p["grant_budget_cents"], 300_000_000i64);
    assert!(p["timeline"]["call_launch_deadline"].is_string());
    let pid = p["id"].as_str().unwrap().to_string();

    let deadline = (chrono::Utc::now() + Duration::days(60)).to_rfc3339();
    let res = api
        .post(app.url(&format!("/api/v1/programmes/{pid}/calls")))
        .bearer_auth(&token)
        .json(&json!({"reference": "EuropeAid/API/1", "title": "API call", "call_type": "restricted", "deadline": deadline}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::CREATED);
    let call: Value = res.json().await.unwrap();
    let call_id = call["id"].as_str().unwrap().to_string();
    assert_eq!(call["lots"].as_array().unwrap().len(), 2);
    assert_eq!(call["status"], "draft");
    // Drafts are not public.
    assert_eq!(
        api.get(app.url(&format!("/api/v1/calls/{call_id}")))
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::NOT_FOUND
    );
    let staff_list: Value = api
        .get(app.url("/api/v1/calls"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(staff_list.as_array().unwrap().len(), 1, "staff see drafts");
    assert_eq!(staff_list[0]["lots"].as_array().unwrap().len(), 2);
    let public_list: Value = api
        .get(app.url("/api/v1/calls"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(
        public_list.as_array().unwrap().is_empty(),
        "the public does not"
    );
    let bad_lot = json!({"number": 3, "title": "Bad", "envelope": 100, "min_grant": 10, "max_grant": 50, "min_eu_share_bp": 5000,
        "max_eu_share_bp": 9500, "min_duration_months": 6, "max_duration_months": 12, "applicant_types": ["ngo"], "locations": ["national"]});
    let res = api
        .post(app.url(&format!("/api/v1/calls/{call_id}/lots")))
        .bearer_auth(&token)
        .json(&bad_lot)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let problem: Value = res.json().await.unwrap();
    // Named by the JSON property the client sent.
    assert_eq!(problem["errors"][0]["field"], "max_eu_share_bp");

    // Publish (guidelines through the service), then read it without a token.
    let actor_id = grants::db::users::list(
        &mut app.state.pool.get().unwrap(),
        &Default::default(),
        0,
        100,
    )
    .unwrap()
    .0
    .into_iter()
    .find(|u| u.role == "delegation")
    .unwrap()
    .id;
    let actor = staff(&actor_id, Role::Delegation);
    add_guidelines(&app, &actor, &call_id).await;
    call_service::publish(&app.state, &actor, call_id.clone())
        .await
        .unwrap()
        .unwrap();
    let public: Value = api
        .get(app.url(&format!("/api/v1/calls/{call_id}")))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(public["status"], "published");
    let lots: Value = api
        .get(app.url(&format!("/api/v1/calls/{call_id}/lots")))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let lot_id = lots[0]["id"].as_str().unwrap().to_string();
    let mut lot = lots[0].clone();
    lot.as_object_mut().unwrap().remove("id");
    lot["title"] = json!("Changed after publication");
    let res = api
        .put(app.url(&format!("/api/v1/calls/{call_id}/lots/{lot_id}")))
        .bearer_auth(&token)
        .json(&lot)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::CONFLICT);
    let list: Value = api
        .get(app.url("/api/v1/calls"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(list.as_array().unwrap().len(), 1);
    let progs: Value = api
        .get(app.url("/api/v1/programmes"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(progs[0]["reference"], "DCI-API-1");
    let qa: Value = api
        .get(app.url(&format!("/api/v1/calls/{call_id}/clarifications")))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(qa.as_array().unwrap().is_empty());
}

/// The present guidelines of a call, as stored.
fn guidelines(app: &TestApp, call_id: &str) -> Vec<grants::db::attachments::AttachmentRow> {
    grants::db::attachments::all_of(
        &mut app.state.pool.get().unwrap(),
        grants::domain::attachments::OwnerKind::Call,
        call_id,
        grants::domain::attachments::Purpose::Guidelines,
    )
    .unwrap()
    .into_iter()
    .filter(|d| d.removed_at.is_none())
    .collect()
}

/// Every field of the call form with the default rules, `changes` replacing values by
/// name.
pub(crate) fn call_form(changes: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut fields: Vec<(String, String)> = [
        ("reference", "EuropeAid/FORM/1"),
        ("title", "A call"),
        ("description", ""),
        ("call_type", "restricted"),
        ("opens_at", ""),
        ("deadline", ""),
        ("open_min_days", "90"),
        ("open_small_min_days", "60"),
        ("small_grant_max", "100000"),
        ("restricted_min_days", "45"),
        ("invitation_min_days", "30"),
        ("question_cutoff_days", "21"),
        ("answer_deadline_days", "11"),
        ("full_application_tolerance_percent", "20"),
        ("max_applications_per_applicant", ""),
        ("max_applications_per_lot", ""),
        ("verification_final_above", "100000"),
        ("verification_yearly_from", "750000"),
        ("transfer_notification_percent", "15"),
        ("min_assessors", "2"),
        ("divergence_full", "30"),
        ("divergence_concept", "15"),
        ("concept_note_pass_score", "30"),
        ("shortlist_percent", "200"),
        ("capacity_min_score", "12"),
        ("reject_on_capacity_one", "on"),
        ("selection_mode", "strict"),
        ("tie_break", "relevance,capacity"),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    for (key, value) in changes {
        let field = fields
            .iter_mut()
            .find(|(k, _)| k == key)
            .unwrap_or_else(|| panic!("the call form has no field {key}"));
        field.1 = value.to_string();
    }
    fields
}

pub(crate) fn as_pairs(fields: &[(String, String)]) -> Vec<(&str, &str)> {
    fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect()
}

async fn irreversible_steps_say_what_will_happen_before_they_are_taken(app: TestApp) {
    let (client, actor) = delegation(&app).await;
    let pid = programme(&app, &actor, today(&app) - Duration::days(30), "P-CONF").await;
    // A draft without guidelines: the confirmation sends back to the problems.
    let id = draft_call(&app, &actor, &pid, "CONF-1", 60).await;
    let res = app
        .get_with(&client, &format!("/manage/calls/{id}/publish"))
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&res), format!("/manage/calls/{id}#publication"));
    add_guidelines(&app, &actor, &id).await;
    let html = body(
        app.get_with(&client, &format!("/manage/calls/{id}/publish"))
            .await,
    )
    .await;
    assert!(html.contains("Publish the call?"));
    assert!(html.contains("frozen as the authentic text"));
    assert!(html.contains(&format!("action=\"/manage/calls/{id}/publish\"")));
    let status = |app: &TestApp, id: &str| {
        grants::db::calls::find(&mut app.state.pool.get().unwrap(), id)
            .unwrap()
            .unwrap()
            .status
    };
    assert_eq!(status(&app, &id), "draft", "looking is not publishing");
    // Deleting a lot names it first.
    let lot = grants::db::calls::lots_of(&mut app.state.pool.get().unwrap(), &id)
        .unwrap()
        .remove(0);
    let html = body(
        app.get_with(
            &client,
            &format!("/manage/calls/{id}/lots/{}/delete", lot.id),
        )
        .await,
    )
    .await;
    assert!(html.contains("Delete this lot?") && html.contains(&lot.title));
    assert_eq!(
        grants::db::calls::lots_of(&mut app.state.pool.get().unwrap(), &id)
            .unwrap()
            .len(),
        2
    );
    // An answer is shown as it will be published before it is.
    let published = published_call(&app, &actor, &pid, "CONF-2", 60).await;
    app.create_user("conf-asker@example.kz", Role::Applicant)
        .await;
    let asker = new_client();
    app.login_with(&asker, "conf-asker@example.kz", PASSWORD)
        .await;
    app.post_form_with(
        &asker,
        &format!("/calls/{published}/questions"),
        &[("question", "May a consortium apply?")],
    )
    .await;
    let q = grants::db::calls::clarifications_page(
        &mut app.state.pool.get().unwrap(),
        &published,
        false,
        0,
        10,
    )
    .unwrap()
    .0
    .remove(0);
    let res = app
        .post_form_with(
            &client,
            &format!(
                "/manage/calls/{published}/clarifications/{}/answer/preview",
                q.id
            ),
            &[("answer", "Yes, <b>with a lead applicant</b>.")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let html = body(res).await;
    assert!(html.contains("Publish this answer?"));
    assert!(
        html.contains("Yes, &lt;b&gt;with a lead applicant&lt;&#x2F;b&gt;.")
            || html.contains("Yes, &lt;b&gt;with a lead applicant&lt;/b&gt;."),
        "escaped: {html}"
    );
    let unanswered = grants::db::calls::clarifications_page(
        &mut app.state.pool.get().unwrap(),
        &published,
        true,
        0,
        10,
    )
    .unwrap()
    .1;
    assert_eq!(unanswered, 1, "previewing publishes nothing");
    // An empty answer is sent back to its form, not to a confirmation.
    let res = app
        .post_form_with(
            &client,
            &format!(
                "/manage/calls/{published}/clarifications/{}/answer/preview",
                q.id
            ),
            &[("answer", "")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    // A draft is deleted, not cancelled; a published call is cancelled, not deleted.
    let res = app
        .get_with(&client, &format!("/manage/calls/{id}/cancel"))
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert!(body(app.get_with(&client, &location(&res)).await)
        .await
        .contains("Only a published call is cancelled"));
    let html = body(
        app.get_with(&client, &format!("/manage/calls/{id}/delete"))
            .await,
    )
    .await;
    assert!(html.contains("Delete this draft?") && html.contains("CONF-1"));
    let res = app
        .post_form_with(&client, &format!("/manage/calls/{id}/delete"), &[])
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&res), format!("/manage/programmes/{pid}"));
    assert!(
        grants::db::calls::find(&mut app.state.pool.get().unwrap(), &id)
            .unwrap()
            .is_none()
    );
    assert_eq!(
        app.get_with(&client, &format!("/manage/calls/{id}"))
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    assert!(app
        .audit_actions()
        .await
        .contains(&"call.draft_deleted".to_string()));
    let res = app
        .post_form_with(&client, &format!("/manage/calls/{published}/delete"), &[])
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert!(
        grants::db::calls::find(&mut app.state.pool.get().unwrap(), &published)
            .unwrap()
            .is_some()
    );
}

async fn the_budget_problem_says_what_the_call_needs_and_what_is_free(app: TestApp) {
    let (client, actor) = delegation(&app).await;
    let pid = programme(&app, &actor, today(&app) - Duration::days(30), "P-FREE").await;
    // Two drafts made while nothing is published both start from the whole envelopes;
    // once the first is published, the second no longer fits.
    let first = draft_call(&app, &actor, &pid, "FREE-1", 60).await;
    let second = draft_call(&app, &actor, &pid, "FREE-2", 60).await;
    add_guidelines(&app, &actor, &first).await;
    call_service::publish(&app.state, &actor, first.clone())
        .await
        .unwrap()
        .expect("publishable");
    add_guidelines(&app, &actor, &second).await;
    let html = body(
        app.get_with(&client, &format!("/manage/calls/{second}"))
            .await,
    )
    .await;
    assert!(
        html.contains("need EUR 2,100,000, but only EUR 0 of its EUR 2,100,000 is still free"),
        "{html}"
    );
    assert!(html.contains("This call needs EUR 3,000,000, but only EUR 0 "));
    assert!(html.contains(&format!("href=\"/manage/calls/{second}#lots\"")));
    // A call drafted now starts from what is free: nothing, so no lot, and says so.
    let third = draft_call(&app, &actor, &pid, "FREE-3", 60).await;
    assert!(
        grants::db::calls::lots_of(&mut app.state.pool.get().unwrap(), &third)
            .unwrap()
            .is_empty()
    );
    // Cancelling the first frees its envelopes for the next call.
    call_service::cancel(
        &app.state,
        &actor,
        first.clone(),
        "changed_circumstances".into(),
        "Budget moved.".into(),
    )
    .await
    .unwrap();
    let fourth = draft_call(&app, &actor, &pid, "FREE-4", 60).await;
    let lots = grants::db::calls::lots_of(&mut app.state.pool.get().unwrap(), &fourth).unwrap();
    assert_eq!(
        lots.iter().map(|l| l.envelope_cents).sum::<i64>(),
        300_000_000,
        "both envelopes whole again"
    );
    // A new lot's form ticks nothing and proposes no amount.
    let form = body(
        app.get_with(&client, &format!("/manage/calls/{fourth}/lots/new"))
            .await,
    )
    .await;
    assert!(!form.contains(" checked>"), "{form}");
}

/// The stored deadline of a call.
pub(crate) fn deadline_of(app: &TestApp, call: &str) -> chrono::NaiveDateTime {
    grants::db::calls::find(&mut app.state.pool.get().unwrap(), call)
        .unwrap()
        .unwrap()
        .deadline
        .unwrap()
}

async fn answers_are_published_by_the_answer_deadline_and_not_a_second_later(app: TestApp) {
    let (_, actor) = delegation(&app).await;
    let pid = programme(&app, &actor, today(&app) - Duration::days(30), "P-ANS").await;
    let id = published_call(&app, &actor, &pid, "CALL-ANS", 60).await;
    let asker = app
        .create_user("asker@ans.example.kz", Role::Applicant)
        .await;
    let asker = crate::calls::staff(&asker, Role::Applicant);
    for question in ["Can akimats lead lot 2?", "Is VAT eligible?"] {
        grants::services::calls::ask_question(&app.state, &asker, id.clone(), question.into())
            .await
            .unwrap();
    }
    let questions = grants::db::calls::clarifications_page(
        &mut app.state.pool.get().unwrap(),
        &id,
        false,
        0,
        10,
    )
    .unwrap()
    .0;
    let call = grants::db::calls::find(&mut app.state.pool.get().unwrap(), &id)
        .unwrap()
        .unwrap();
    // CFP-03: deadline − 11 days, that instant included.
    let by = call.deadline.unwrap() - Duration::days(11);
    app.clock.freeze_at(by);
    grants::services::calls::answer_question(
        &app.state,
        &actor,
        id.clone(),
        questions[0].id.clone(),
        "Yes, as lead applicant.".into(),
    )
    .await
    .expect("published at the answer deadline");
    app.clock.freeze_at(by + Duration::seconds(1));
    let late = grants::services::calls::answer_question(
        &app.state,
        &actor,
        id.clone(),
        questions[1].id.clone(),
        "No.".into(),
    )
    .await;
    assert!(
        matches!(&late, Err(grants::error::AppError::Validation(e)) if e[0].code == "error-answer-too-late"),
        "{late:?}"
    );
    // On the page, the refusal says by when answers were due and what would allow one.
    let (client, _) = app.client_as(Role::Delegation).await;
    let res = app
        .post_form_with(
            &client,
            &format!(
                "/manage/calls/{id}/clarifications/{}/answer",
                questions[1].id
            ),
            &[("answer", "No.")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = body(res).await;
    let when = grants::clock::format_local(by);
    assert!(
        html.contains(&format!("Answers had to be published by {when}"))
            && html.contains("corrigendum that extends the deadline"),
        "{html}"
    );
    let published = grants::db::calls::clarifications_page(
        &mut app.state.pool.get().unwrap(),
        &id,
        false,
        0,
        10,
    )
    .unwrap()
    .0
    .iter()
    .filter(|q| q.published_at.is_some())
    .count();
    assert_eq!(published, 1);
}

/// TL-07, TL-05: each Steering Committee report (and the decommitment) is recorded as
/// done; a date that passed with nothing recorded shows as missed.
async fn steering_reports_and_decommitment_are_recorded_done_or_shown_missed(app: TestApp) {
    let (client, actor) = delegation(&app).await;
    let d = grants::domain::time::sub_months(today(&app), 13).unwrap();
    let pid = programme(&app, &actor, d, "P-OBL").await;
    let page_url = format!("/manage/programmes/{pid}");
    let record = format!("/manage/programmes/{pid}/obligations");
    let first = grants::domain::time::add_months(d, 6).unwrap();
    let second = grants::domain::time::add_months(d, 12).unwrap();
    let html = body(app.get_with(&client, &page_url).await).await;
    assert_eq!(html.matches(">Missed<").count(), 2, "{html}");
    // Done on its day: on time. A day in the future is refused.
    let tomorrow = (today(&app) + Duration::days(1)).to_string();
    app.post_form_with(
        &client,
        &record,
        &[
            ("rule", "TL-07"),
            ("due_on", &first.to_string()),
            ("done_on", &tomorrow),
            ("note", ""),
        ],
    )
    .await;
    let html = body(app.get_with(&client, &page_url).await).await;
    assert!(html.contains("cannot be in the future"), "{html}");
    app.post_form_with(
        &client,
        &record,
        &[
            ("rule", "TL-07"),
            ("due_on", &first.to_string()),
            ("done_on", &first.to_string()),
            ("note", "Report SC-1 sent"),
        ],
    )
    .await;
    // The second one, a day late.
    let late = (second + Duration::days(1)).to_string();
    app.post_form_with(
        &client,
        &record,
        &[
            ("rule", "TL-07"),
            ("due_on", &second.to_string()),
            ("done_on", &late),
            ("note", ""),
        ],
    )
    .await;
    let html = body(app.get_with(&client, &page_url).await).await;
    assert!(
        html.contains(">Done<")
            && html.contains("Report SC-1 sent")
            && html.contains(">Done late<"),
        "{html}"
    );
    assert_eq!(html.matches(">Missed<").count(), 0, "{html}");
    assert!(html.contains(">Due<"));
    // Once; and only for a date of the programme.
    let again = grants::services::programmes::record_obligation(
        &app.state,
        &actor,
        pid.clone(),
        "TL-07".into(),
        first.to_string(),
        first.to_string(),
        String::new(),
    )
    .await;
    assert!(matches!(
        again,
        Err(grants::error::AppError::Conflict(
            "error-obligation-recorded"
        ))
    ));
    let not_a_date = grants::services::programmes::record_obligation(
        &app.state,
        &actor,
        pid.clone(),
        "TL-07".into(),
        (first + Duration::days(1)).to_string(),
        first.to_string(),
        String::new(),
    )
    .await;
    assert!(matches!(not_a_date, Err(grants::error::AppError::NotFound)));
    // The auditor reads, and records nothing.
    let (auditor, _) = app.client_as(Role::Auditor).await;
    let html = body(app.get_with(&auditor, &page_url).await).await;
    assert!(html.contains(">Done late<") && !html.contains("Record as done"));
    assert!(app
        .audit_actions()
        .await
        .contains(&"programme.obligation_recorded".to_string()));
}
