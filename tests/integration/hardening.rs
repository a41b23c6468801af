//! The defects found in review, programme, calls and input side: each test failed
//! before its fix (DESIGN "fix the class"), on both databases.

use chrono::Duration;
use grants::domain::access::Role;
use grants::services::calls::{self as call_service, CallInput};
use grants::services::programmes::{self as programme_service, AmendmentInput};
use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::calls::{
    add_guidelines, api_token, as_pairs, call_form, delegation, draft_call, programme,
    published_call, today,
};
use crate::helpers::{body, location, new_client, TestApp};
use crate::on_both_databases;

on_both_databases!(
    an_envelope_edit_is_checked_against_what_published_lots_use,
    far_future_dates_are_refused_and_the_programme_list_still_answers,
    a_call_must_open_by_the_launch_deadline,
    the_entry_into_force_can_be_corrected_until_a_call_is_published,
    grids_must_fit_their_rules_before_they_are_saved,
    a_call_updated_without_parameters_keeps_them,
    many_problems_in_kazakh_keep_the_session_cookie_small,
    questions_are_limited_per_person_and_paged_for_staff,
    nul_bytes_and_control_characters_are_field_errors,
    dates_outside_the_plausible_range_are_refused,
);

async fn an_envelope_edit_is_checked_against_what_published_lots_use(app: TestApp) {
    let token = api_token(&app, Role::Delegation).await;
    let (_, actor) = delegation(&app).await;
    let pid = programme(&app, &actor, today(&app) - Duration::days(30), "P-ENV").await;
    published_call(&app, &actor, &pid, "ENV-1", 60).await;
    let api = new_client();
    let shown: Value = api
        .get(app.url(&format!("/api/v1/programmes/{pid}")))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let pilot = shown["envelopes"][0]["id"].as_str().unwrap().to_string();
    let national = shown["envelopes"][1]["id"].as_str().unwrap().to_string();
    assert!(
        shown["timeline"]["sunset_check"].is_string(),
        "TL-09 in the API"
    );
    let put = |envelopes: Value| {
        let api = api.clone();
        let token = token.clone();
        let url = app.url(&format!("/api/v1/programmes/{pid}"));
        async move {
            api.put(url)
                .bearer_auth(token)
                .json(&json!({"reference": "P-ENV", "title": "Support", "total_budget_cents": 1_500_000_000i64,
                              "budget_lines": [], "envelopes": envelopes}))
                .send()
                .await
                .unwrap()
        }
    };
    // The reported attack: 2,900,000 / 100,000 while EUR 900,000 is published nationally.
    let res = put(json!([
        {"id": pilot, "label": "Pilot oblasts", "amount_cents": 290_000_000i64},
        {"id": national, "label": "National", "amount_cents": 10_000_000i64}
    ]))
    .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let problem: Value = res.json().await.unwrap();
    assert_eq!(problem["errors"][0]["field"], "envelopes");
    assert_eq!(problem["errors"][0]["code"], "error-envelopes-below-calls");
    // Leaving the national envelope out would remove it from under its lot.
    let res =
        put(json!([{"id": pilot, "label": "Pilot oblasts", "amount_cents": 300_000_000i64}])).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        res.json::<Value>().await.unwrap()["errors"][0]["code"],
        "error-envelope-in-use"
    );
    // Moving the order of the lines changes nothing: ids, not positions.
    let res = put(json!([
        {"label": "Reserve", "amount_cents": 0},
        {"id": national, "label": "National level", "amount_cents": 90_000_000i64},
        {"id": pilot, "label": "Pilot oblasts", "amount_cents": 210_000_000i64}
    ]))
    .await;
    let status = res.status();
    let after: Value = res.json().await.unwrap();
    assert_eq!(status, StatusCode::OK, "{after}");
    assert_eq!(after["envelopes"][1]["id"], national.as_str());
    assert_eq!(after["envelopes"][2]["id"], pilot.as_str());
    // Removing the unused new line retires it: kept, not deleted.
    let reserve = after["envelopes"][0]["id"].as_str().unwrap().to_string();
    let res = put(json!([
        {"id": pilot, "label": "Pilot oblasts", "amount_cents": 210_000_000i64},
        {"id": national, "label": "National level", "amount_cents": 90_000_000i64}
    ]))
    .await;
    assert_eq!(res.status(), StatusCode::OK);
    let retired: Option<chrono::NaiveDateTime> = {
        use diesel::prelude::*;
        use grants::db::schema::programme_envelopes as e;
        let mut conn = app.state.pool.get().unwrap();
        e::table
            .find(&reserve)
            .select(e::retired_at)
            .first(&mut conn)
            .unwrap()
    };
    assert!(
        retired.is_some(),
        "the removed envelope is kept, marked retired"
    );
    // An id of another programme is refused.
    let other = programme(&app, &actor, today(&app) - Duration::days(30), "P-ENV-2").await;
    let foreign = grants::db::programmes::envelopes(&mut app.state.pool.get().unwrap(), &other)
        .unwrap()
        .remove(0)
        .id;
    let res = put(json!([
        {"id": pilot, "label": "Pilot oblasts", "amount_cents": 210_000_000i64},
        {"id": national, "label": "National level", "amount_cents": 90_000_000i64},
        {"id": foreign, "label": "Theirs", "amount_cents": 1}
    ]))
    .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
}

async fn far_future_dates_are_refused_and_the_programme_list_still_answers(app: TestApp) {
    let (_, actor) = delegation(&app).await;
    let pid = programme(&app, &actor, today(&app) - Duration::days(30), "P-FAR").await;
    for far in ["9999-01-01", "+262142-01-01", "2100-01-01"] {
        let result = programme_service::record_amendment(
            &app.state,
            &actor,
            pid.clone(),
            AmendmentInput {
                date_field: "execution_end".into(),
                new_date: far.into(),
                effective_on: (today(&app) + Duration::days(120)).to_string(),
                reason: "Far".into(),
                addendum_reference: "Addendum X".into(),
            },
        )
        .await;
        assert!(
            matches!(result, Err(grants::error::AppError::Validation(_))),
            "{far}: {result:?}"
        );
    }
    let started = std::time::Instant::now();
    let res = new_client()
        .get(app.url("/api/v1/programmes"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert!(started.elapsed() < std::time::Duration::from_secs(10));
}

async fn a_call_must_open_by_the_launch_deadline(app: TestApp) {
    let (_, actor) = delegation(&app).await;
    // D seven months ago: calls must be published and open within a month.
    let d = grants::domain::time::sub_months(today(&app), 7).unwrap();
    let pid = programme(&app, &actor, d, "P-OPEN").await;
    let launch = grants::domain::time::add_months(d, 8).unwrap();
    let opens = grants::domain::time::day_start(launch + Duration::days(2));
    let id = call_service::create(
        &app.state,
        &actor,
        pid,
        CallInput {
            reference: "OPEN-LATE".into(),
            title: "Opens late".into(),
            description: String::new(),
            call_type: Some(grants::domain::calls::CallType::Restricted),
            opens_at: Some(opens),
            deadline: Some(opens + Duration::days(60)),
            params: None,
        },
    )
    .await
    .unwrap();
    add_guidelines(&app, &actor, &id).await;
    let report = call_service::publish(&app.state, &actor, id)
        .await
        .unwrap()
        .unwrap_err();
    let codes: Vec<_> = report.problems.iter().map(|p| p.code).collect();
    assert_eq!(codes, vec!["publish-problem-opens-after-launch-deadline"]);
}

async fn the_entry_into_force_can_be_corrected_until_a_call_is_published(app: TestApp) {
    let (client, actor) = delegation(&app).await;
    let d = today(&app) - Duration::days(30);
    let pid = programme(&app, &actor, d, "P-D").await;
    let corrected = d - Duration::days(10);
    let form = body(
        app.get_with(
            &client,
            &format!("/manage/programmes/{pid}/entry-into-force"),
        )
        .await,
    )
    .await;
    assert!(form.contains("name=\"reason\""));
    let res = app
        .post_form_with(
            &client,
            &format!("/manage/programmes/{pid}/entry-into-force"),
            &[
                ("entry_into_force", &corrected.to_string()),
                ("reason", "The last signature was on this day."),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER, "{}", body(res).await);
    let detail = programme_service::detail(&app.state, pid.clone())
        .await
        .unwrap();
    assert_eq!(detail.programme.entry_into_force, corrected);
    assert_eq!(
        detail.timeline.call_launch_deadline,
        grants::domain::time::add_months(corrected, 8).unwrap(),
        "every date moves with D"
    );
    assert_eq!(detail.corrections.len(), 1);
    assert!(app
        .audit_actions()
        .await
        .contains(&"programme.d_corrected".to_string()));
    let page = body(
        app.get_with(&client, &format!("/manage/programmes/{pid}"))
            .await,
    )
    .await;
    assert!(page.contains("The last signature was on this day."));
    // Once a call is published, D stays.
    published_call(&app, &actor, &pid, "D-1", 60).await;
    let res = app
        .post_form_with(
            &client,
            &format!("/manage/programmes/{pid}/entry-into-force"),
            &[("entry_into_force", &d.to_string()), ("reason", "Again")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    assert!(body(res).await.contains("can no longer be corrected"));
}

async fn grids_must_fit_their_rules_before_they_are_saved(app: TestApp) {
    let (client, actor) = delegation(&app).await;
    let pid = programme(&app, &actor, today(&app) - Duration::days(30), "P-GRID").await;
    let id = draft_call(&app, &actor, &pid, "GRID-1", 60).await;
    let concept = grants::domain::grids::default_concept_note_grid().to_text();
    let (app, client, concept, id) = (&app, &client, &concept, &id);
    let save_grids = move |full: &'static str| async move {
        app.post_form_with(
            client,
            &format!("/manage/calls/{id}/grids"),
            &[
                ("concept_note_grid", concept),
                ("full_application_grid", full),
            ],
        )
        .await
    };
    // Section 1 (capacity) worth 5 points, with the default threshold of 12 (GRD-05).
    let full = "1 Capacity | capacity\n1.1 Experience\n2 Relevance | relevance, carried over\n2.1 A | x2\n2.2 B | x2\n2.3 C\n2.4 D\n3 Other\n3.1 E\n";
    let res = save_grids(full).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body(res)
        .await
        .contains("higher than the capacity section can reach"));
    // No carried-over relevance section.
    let full = "1 Capacity | capacity\n1.1 A\n1.2 B\n1.3 C\n1.4 D\n2 Relevance | relevance\n2.1 A | x2\n2.2 B | x2\n2.3 C\n2.4 D\n";
    let res = save_grids(full).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body(res).await.contains("exactly one carried-over section"));
    // Renumbered but with their roles, the default sections are fine.
    let full = "1 Relevance | relevance, carried over\n1.1 A | x2\n1.2 B | x2\n1.3 C\n1.4 D\n2 Capacity | capacity\n2.1 A\n2.2 B\n2.3 C\n2.4 D\n";
    let res = save_grids(full).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
}

async fn a_call_updated_without_parameters_keeps_them(app: TestApp) {
    let token = api_token(&app, Role::Delegation).await;
    let (_, actor) = delegation(&app).await;
    let pid = programme(&app, &actor, today(&app) - Duration::days(30), "P-PARAMS").await;
    let api = new_client();
    let mut params =
        serde_json::to_value(grants::domain::calls::CallParameters::default()).unwrap();
    params["question_cutoff_days"] = json!(25);
    let res = api
        .post(app.url(&format!("/api/v1/programmes/{pid}/calls")))
        .bearer_auth(&token)
        .json(&json!({"reference": "PARAMS-1", "title": "T", "call_type": "open", "parameters": params}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::CREATED);
    let id = res.json::<Value>().await.unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let res = api
        .put(app.url(&format!("/api/v1/calls/{id}")))
        .bearer_auth(&token)
        .json(&json!({"reference": "PARAMS-1", "title": "Renamed", "call_type": "open"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let call: Value = res.json().await.unwrap();
    assert_eq!(call["title"], "Renamed");
    assert_eq!(
        call["parameters"]["question_cutoff_days"], 25,
        "kept, not reset"
    );
}

async fn many_problems_in_kazakh_keep_the_session_cookie_small(app: TestApp) {
    let (client, actor) = delegation(&app).await;
    app.post_form_with(&client, "/language", &[("lang", "kk"), ("next", "/")])
        .await;
    let pid = programme(&app, &actor, today(&app) - Duration::days(300), "P-KK").await;
    // Past TL-01, no guidelines, a deadline too close, lots over their envelopes: many
    // problems at once, publish pressed again and again.
    let id = draft_call(&app, &actor, &pid, "KK-1", 3).await;
    for _ in 0..5 {
        let res = app
            .post_form_with(&client, &format!("/manage/calls/{id}/publish"), &[])
            .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        for cookie in res.headers().get_all("set-cookie") {
            assert!(
                cookie.len() < 2048,
                "session cookie of {} bytes",
                cookie.len()
            );
        }
    }
    let page = body(app.get_with(&client, &format!("/manage/calls/{id}")).await).await;
    assert!(
        page.contains("Конкурс жарияланбады"),
        "the message, in Kazakh"
    );
    assert!(
        page.contains("TL-01"),
        "the problems are listed on the page itself"
    );
}

async fn questions_are_limited_per_person_and_paged_for_staff(app: TestApp) {
    let (staff, actor) = delegation(&app).await;
    let pid = programme(&app, &actor, today(&app) - Duration::days(30), "P-Q").await;
    let id = published_call(&app, &actor, &pid, "Q-1", 60).await;
    let ask = |client: &reqwest::Client, n: usize| {
        let client = client.clone();
        let path = format!("/calls/{id}/questions");
        let app = &app;
        async move {
            app.post_form_with(
                &client,
                &path,
                &[("question", &format!("Question number {n}?"))],
            )
            .await
            .status()
        }
    };
    let (applicant, _) = app.client_as(Role::Applicant).await;
    for n in 0..5 {
        assert_eq!(ask(&applicant, n).await, StatusCode::SEE_OTHER);
    }
    assert_eq!(
        ask(&applicant, 5).await,
        StatusCode::TOO_MANY_REQUESTS,
        "five an hour"
    );
    // Others ask too, until more than a page is waiting.
    for who in 0..5 {
        let (other, _) = app.client_as(Role::Applicant).await;
        for n in 0..5 {
            assert_eq!(
                ask(&other, 100 * (who + 1) + n).await,
                StatusCode::SEE_OTHER
            );
        }
    }
    let page = body(app.get_with(&staff, &format!("/manage/calls/{id}")).await).await;
    assert_eq!(
        page.matches("class=\"qa\"").count(),
        25,
        "one page of questions"
    );
    assert!(page.contains("page=2"));
    let second = body(
        app.get_with(
            &staff,
            &format!("/manage/calls/{id}?questions=unanswered&page=2"),
        )
        .await,
    )
    .await;
    assert_eq!(second.matches("class=\"qa\"").count(), 5);
    // Ten waiting questions per person and call at most.
    app.create_user("patient@example.kz", Role::Applicant).await;
    let patient = new_client();
    let login = |when: &'static str| {
        let patient = patient.clone();
        let app = &app;
        async move {
            let res = app
                .login_with(&patient, "patient@example.kz", crate::helpers::PASSWORD)
                .await;
            assert_eq!(res.status(), StatusCode::SEE_OTHER, "{when}");
            assert_eq!(location(&res), "/", "{when}");
        }
    };
    login("first").await;
    for n in 0..5 {
        assert_eq!(ask(&patient, 900 + n).await, StatusCode::SEE_OTHER);
    }
    app.clock.advance(Duration::minutes(61));
    login("an hour later").await;
    for n in 5..10 {
        assert_eq!(ask(&patient, 900 + n).await, StatusCode::SEE_OTHER);
    }
    app.clock.advance(Duration::minutes(61));
    login("two hours later").await;
    let res = app
        .post_form_with(
            &patient,
            &format!("/calls/{id}/questions"),
            &[("question", "An eleventh?")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let shown = body(res).await;
    assert!(shown.contains("10 questions waiting"));
    assert!(
        shown.contains("An eleventh?"),
        "what was typed stays in the form"
    );
    let (_, waiting) =
        grants::db::calls::clarifications_page(&mut app.state.pool.get().unwrap(), &id, true, 0, 0)
            .unwrap();
    assert_eq!(waiting, 30 + 10, "the eleventh was not recorded");
}

async fn nul_bytes_and_control_characters_are_field_errors(app: TestApp) {
    // Anonymous: a NUL in a path or in the email of the token request.
    let res = new_client()
        .get(app.url("/api/v1/calls/%00"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let res = new_client()
        .get(app.url("/calls/a%00b"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let res = new_client()
        .post(app.url("/api/v1/tokens"))
        .json(&json!({"email": "a\u{0}b@example.kz", "password": "whatever it is"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        res.json::<Value>().await.unwrap()["errors"][0]["field"],
        "email"
    );
    // Signed in: a call description, a question, a user search.
    let (staff, actor) = delegation(&app).await;
    let pid = programme(&app, &actor, today(&app) - Duration::days(30), "P-NUL").await;
    let id = published_call(&app, &actor, &pid, "NUL-1", 60).await;
    let (applicant, _) = app.client_as(Role::Applicant).await;
    let res = app
        .post_form_with(
            &applicant,
            &format!("/calls/{id}/questions"),
            &[("question", "bad\u{0}question")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = body(res).await;
    assert!(page.contains("control characters") && page.contains("<code>question</code>"));
    let draft = draft_call(&app, &actor, &pid, "NUL-2", 60).await;
    let res = app
        .post_form_with(
            &staff,
            &format!("/manage/calls/{draft}"),
            &[("description", "a\u{7}b")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    // Invalid UTF-8 is refused the same way.
    let token = app.csrf_token_of(&applicant).await;
    let res = applicant
        .post(app.url(&format!("/calls/{id}/questions")))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(format!("question=%FF%FEabc&csrf_token={token}"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let (admin, _) = app.client_as(Role::Admin).await;
    let res = app.get_with(&admin, "/admin/users?search=%00").await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    // Line breaks and tabs in long texts are fine.
    let res = app
        .post_form_with(
            &applicant,
            &format!("/calls/{id}/questions"),
            &[("question", "Line one\r\n\tLine two")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(app.get("/healthz").await.status(), StatusCode::OK);
}

async fn dates_outside_the_plausible_range_are_refused(app: TestApp) {
    let token = api_token(&app, Role::Delegation).await;
    let (staff, actor) = delegation(&app).await;
    let pid = programme(&app, &actor, today(&app) - Duration::days(30), "P-DATES").await;
    let api = new_client();
    for deadline in [
        "9999-12-31T00:00:00Z",
        "0000-01-01T00:00:00Z",
        "1999-12-31T00:00:00Z",
    ] {
        let res = api
            .post(app.url(&format!("/api/v1/programmes/{pid}/calls")))
            .bearer_auth(&token)
            .json(&json!({"reference": format!("DATE-{deadline}"), "title": "T", "call_type": "open", "deadline": deadline}))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "{deadline}");
        assert_eq!(
            res.json::<Value>().await.unwrap()["errors"][0]["field"],
            "deadline"
        );
    }
    let res = api
        .post(app.url(&format!("/api/v1/programmes/{pid}/calls")))
        .bearer_auth(&token)
        .json(&json!({"reference": "DATE-EDGE", "title": "T", "call_type": "open", "deadline": "-262143-01-01T00:00:00Z"}))
        .send()
        .await
        .unwrap();
    assert!(res.status().is_client_error(), "{}", res.status());
    let draft = draft_call(&app, &actor, &pid, "DATE-FORM", 60).await;
    let form = call_form(&[("deadline", "9999-12-31T18:00")]);
    let refs = as_pairs(&form);
    let res = app
        .post_form_with(&staff, &format!("/manage/calls/{draft}"), &refs)
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body(res).await.contains("between the years 2000 and 2100"));
    assert_eq!(
        app.get_with(&staff, "/manage/calls").await.status(),
        StatusCode::OK
    );
}

async fn slow_bodies_are_cut_off(db: crate::helpers::Db) {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let Some(app) = TestApp::spawn_with(db, |s| s.server.request_timeout_seconds = 1).await else {
        return;
    };
    let address = app.address.trim_start_matches("http://").to_string();
    let stream = tokio::net::TcpStream::connect(&address).await.unwrap();
    let (mut reader, mut writer) = stream.into_split();
    writer
        .write_all(
            b"POST /api/v1/tokens HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{\"email\": \"a",
        )
        .await
        .unwrap();
    let started = std::time::Instant::now();
    // The answer (or the closed connection) is awaited while the client drips a byte
    // now and then, so that no single read waits long: only a deadline for the whole
    // body ends it.
    let answered = tokio::spawn(async move {
        let mut answer = Vec::new();
        let _ = reader.read_to_end(&mut answer).await;
        (
            started.elapsed(),
            String::from_utf8_lossy(&answer).to_string(),
        )
    });
    for _ in 0..20 {
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        if answered.is_finished() || writer.write_all(b"a").await.is_err() {
            break;
        }
    }
    let (after, answer) = tokio::time::timeout(std::time::Duration::from_secs(10), answered)
        .await
        .expect("the connection is not held open")
        .unwrap();
    assert!(
        after < std::time::Duration::from_secs(4),
        "held for {after:?}"
    );
    assert!(
        answer.is_empty() || answer.starts_with("HTTP/1.1 4"),
        "{answer}"
    );
    assert_eq!(app.get("/healthz").await.status(), StatusCode::OK);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slow_bodies_are_cut_off_on_sqlite() {
    slow_bodies_are_cut_off(crate::helpers::Db::Sqlite).await;
}

on_both_databases!(guidelines_are_versioned_and_the_authentic_text_frozen_at_publication);

async fn guidelines_are_versioned_and_the_authentic_text_frozen_at_publication(app: TestApp) {
    let (staff, actor) = delegation(&app).await;
    let pid = programme(&app, &actor, today(&app) - Duration::days(30), "P-DOCS").await;
    let id = draft_call(&app, &actor, &pid, "DOCS-1", 60).await;
    let add = |language: grants::i18n::Lang, text: &'static str| {
        let actor = actor.clone();
        let id = id.clone();
        let app = &app;
        async move {
            let pdf = grants::services::demo::minimal_pdf(&[text]);
            let upload = grants::services::uploads::check_document("guidelines.pdf", pdf).unwrap();
            call_service::add_document(
                &app.state,
                &actor,
                id,
                upload,
                language,
                "Guidelines".into(),
            )
            .await
        }
    };
    add(grants::i18n::Lang::En, "first").await.unwrap();
    add(grants::i18n::Lang::En, "second").await.unwrap();
    add(grants::i18n::Lang::Kk, "kazakh").await.unwrap();
    let all = grants::db::attachments::all_of(
        &mut app.state.pool.get().unwrap(),
        grants::domain::attachments::OwnerKind::Call,
        &id,
        grants::domain::attachments::Purpose::Guidelines,
    )
    .unwrap();
    assert_eq!(
        all.iter().map(|a| a.version).collect::<Vec<_>>(),
        vec![1, 2, 1]
    );
    assert_eq!(all[1].replaces_id.as_deref(), Some(all[0].id.as_str()));
    // The staff page lists the current versions.
    let page = body(app.get_with(&staff, &format!("/manage/calls/{id}")).await).await;
    assert!(page.contains("version 2") && !page.contains("version 3"));
    assert!(
        !page.contains(&format!("/documents/{}\"", all[0].id)),
        "the replaced one is not listed"
    );
    call_service::publish(&app.state, &actor, id.clone())
        .await
        .unwrap()
        .unwrap();
    let all = grants::db::attachments::all_of(
        &mut app.state.pool.get().unwrap(),
        grants::domain::attachments::OwnerKind::Call,
        &id,
        grants::domain::attachments::Purpose::Guidelines,
    )
    .unwrap();
    assert!(all
        .iter()
        .filter(|a| a.language.as_deref() == Some("en"))
        .all(|a| a.frozen_at.is_some()));
    assert!(all
        .iter()
        .filter(|a| a.language.as_deref() == Some("kk"))
        .all(|a| a.frozen_at.is_none()));
    // The earlier version stays readable; the public list shows the current one.
    let public = body(
        new_client()
            .get(app.url(&format!("/calls/{id}")))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert!(public.contains(&format!("/documents/{}", all[1].id)));
    assert!(!public.contains(&format!("/documents/{}", all[0].id)));
    let old = new_client()
        .get(app.url(&format!("/calls/{id}/documents/{}", all[0].id)))
        .send()
        .await
        .unwrap();
    assert_eq!(old.status(), StatusCode::OK);
    // The authentic text cannot be replaced any more; a translation can be added.
    assert!(add(grants::i18n::Lang::En, "third").await.is_err());
    add(grants::i18n::Lang::Ru, "russian").await.unwrap();
}
