//! Invariants that span rows, each hit by N parallel requests (DESIGN "name the lock you
//! hold"). On PostgreSQL these races were real (two calls published past the budget,
//! duplicate references as 500s, no administrator left); SQLite serialises writers and
//! must give the same answers.

use futures_util::future::join_all;
use grants::domain::access::Role;
use reqwest::{Client, StatusCode};

use crate::calls::{add_guidelines, call_form, delegation, draft_call, programme, today};
use crate::helpers::{body, new_client, TestApp, PASSWORD};
use crate::on_both_databases;

on_both_databases!(
    parallel_publications_never_exceed_the_programme_budget,
    a_programme_edit_racing_a_publication_keeps_every_envelope_whole,
    calls_created_at_once_with_one_reference_make_one_call_and_field_errors,
    a_double_follow_is_one_follow,
    two_administrators_disabling_each_other_leave_one,
    parallel_answers_to_one_question_publish_one,
    owners_leaving_at_once_leave_one_owner,
    one_registration_number_registered_at_once_is_one_organisation,
    parallel_starts_respect_the_per_call_limit,
    parallel_starts_respect_the_per_lot_limit,
    a_deadline_rush_numbers_every_receipt_once,
    a_save_racing_a_submission_never_changes_what_the_receipt_describes,
);

const N: usize = 6;

/// A form post: who, where, which fields.
type Post = (Client, String, Vec<(String, String)>);

/// Sums what published lots take from each envelope of a programme, straight from the
/// database, and checks it against the envelopes.
fn envelopes_hold(app: &TestApp, programme_id: &str) -> bool {
    let mut conn = app.state.pool.get().unwrap();
    let envelopes = grants::db::programmes::envelopes(&mut conn, programme_id).unwrap();
    let used = grants::db::calls::envelopes_of_other_calls(&mut conn, programme_id, "").unwrap();
    envelopes.iter().all(|e| {
        let taken: i64 = used
            .iter()
            .filter(|(id, _)| id.as_deref() == Some(e.id.as_str()))
            .map(|(_, c)| c)
            .sum();
        taken <= e.amount_cents
    })
}

fn published_count(app: &TestApp, programme_id: &str) -> usize {
    let mut conn = app.state.pool.get().unwrap();
    grants::db::calls::list_for_programme(&mut conn, programme_id)
        .unwrap()
        .iter()
        .filter(|c| c.status == "published")
        .count()
}

async fn post_all(app: &TestApp, requests: Vec<Post>) -> Vec<StatusCode> {
    // The tokens are fetched first, so that the posts themselves start together.
    let mut prepared = Vec::new();
    for (client, path, mut fields) in requests {
        let token = app.csrf_token_of(&client).await;
        fields.push(("csrf_token".into(), token));
        prepared.push((client, path, fields));
    }
    join_all(prepared.into_iter().map(|(client, path, fields)| {
        let url = app.url(&path);
        async move {
            client
                .post(url)
                .form(&fields)
                .send()
                .await
                .unwrap()
                .status()
        }
    }))
    .await
}

async fn parallel_publications_never_exceed_the_programme_budget(app: TestApp) {
    let (_, actor) = delegation(&app).await;
    for round in 0..3 {
        let pid = programme(
            &app,
            &actor,
            today(&app) - chrono::Duration::days(30),
            &format!("P-RACE-{round}"),
        )
        .await;
        // Each call takes the whole grant budget (the default lots: 2.1M + 0.9M).
        let mut requests = Vec::new();
        for i in 0..N {
            let id = draft_call(&app, &actor, &pid, &format!("RACE-{round}-{i}"), 60).await;
            add_guidelines(&app, &actor, &id).await;
            let (client, _) = delegation(&app).await;
            requests.push((client, format!("/manage/calls/{id}/publish"), Vec::new()));
        }
        let statuses = post_all(&app, requests).await;
        assert!(
            statuses.iter().all(|s| *s == StatusCode::SEE_OTHER),
            "{statuses:?}"
        );
        assert_eq!(
            published_count(&app, &pid),
            1,
            "round {round}: exactly one call fits"
        );
        assert!(envelopes_hold(&app, &pid));
    }
}

async fn a_programme_edit_racing_a_publication_keeps_every_envelope_whole(app: TestApp) {
    let (_, actor) = delegation(&app).await;
    for round in 0..4 {
        let pid = programme(
            &app,
            &actor,
            today(&app) - chrono::Duration::days(30),
            &format!("P-EDIT-{round}"),
        )
        .await;
        let id = draft_call(&app, &actor, &pid, &format!("EDIT-{round}"), 60).await;
        add_guidelines(&app, &actor, &id).await;
        let envelopes = {
            let mut conn = app.state.pool.get().unwrap();
            grants::db::programmes::envelopes(&mut conn, &pid).unwrap()
        };
        // The edit shrinks the national envelope below the call's national lot.
        let edit = vec![
            ("reference".into(), format!("P-EDIT-{round}")),
            ("title".into(), "Support to local development".into()),
            ("total_budget".into(), "15000000".into()),
            ("envelope_0_id".into(), envelopes[0].id.clone()),
            ("envelope_0_label".into(), "Pilot oblasts".into()),
            ("envelope_0_amount".into(), "2900000".into()),
            ("envelope_1_id".into(), envelopes[1].id.clone()),
            ("envelope_1_label".into(), "National".into()),
            ("envelope_1_amount".into(), "100000".into()),
        ];
        let (a, _) = delegation(&app).await;
        let (b, _) = delegation(&app).await;
        post_all(
            &app,
            vec![
                (a, format!("/manage/calls/{id}/publish"), Vec::new()),
                (b, format!("/manage/programmes/{pid}"), edit),
            ],
        )
        .await;
        assert!(
            envelopes_hold(&app, &pid),
            "round {round}: an envelope is below its published lots"
        );
    }
}

async fn calls_created_at_once_with_one_reference_make_one_call_and_field_errors(app: TestApp) {
    let (_, actor) = delegation(&app).await;
    let pid = programme(
        &app,
        &actor,
        today(&app) - chrono::Duration::days(30),
        "P-REF",
    )
    .await;
    let form =
        |reference: &str| call_form(&[("reference", reference), ("title", "Same reference")]);
    let mut requests = Vec::new();
    for _ in 0..N {
        let (client, _) = delegation(&app).await;
        requests.push((
            client,
            format!("/manage/programmes/{pid}/calls"),
            form("EuropeAid/RACE/1"),
        ));
    }
    let statuses = post_all(&app, requests).await;
    assert_eq!(
        statuses
            .iter()
            .filter(|s| **s == StatusCode::SEE_OTHER)
            .count(),
        1,
        "{statuses:?}"
    );
    assert_eq!(
        statuses
            .iter()
            .filter(|s| **s == StatusCode::UNPROCESSABLE_ENTITY)
            .count(),
        N - 1,
        "the others are told the reference is taken, never a 500: {statuses:?}"
    );
}

async fn a_double_follow_is_one_follow(app: TestApp) {
    let (_, actor) = delegation(&app).await;
    let pid = programme(
        &app,
        &actor,
        today(&app) - chrono::Duration::days(30),
        "P-FOLLOW",
    )
    .await;
    let id = crate::calls::published_call(&app, &actor, &pid, "FOLLOW-1", 60).await;
    let (applicant, user_id) = app.client_as(Role::Applicant).await;
    let requests = (0..N)
        .map(|_| (applicant.clone(), format!("/calls/{id}/follow"), Vec::new()))
        .collect();
    let statuses = post_all(&app, requests).await;
    assert!(
        statuses.iter().all(|s| *s == StatusCode::SEE_OTHER),
        "{statuses:?}"
    );
    let mut conn = app.state.pool.get().unwrap();
    assert!(grants::db::calls::is_following(&mut conn, &id, &user_id).unwrap());
    let followers = grants::db::calls::followers(&mut conn, &id).unwrap();
    assert_eq!(followers.len(), 1);
    let follows = app
        .audit_actions()
        .await
        .iter()
        .filter(|a| *a == "call.followed")
        .count();
    assert_eq!(follows, 1, "one change, one audit event");
}

async fn two_administrators_disabling_each_other_leave_one(app: TestApp) {
    for round in 0..4 {
        let a_email = format!("admin-a{round}@example.kz");
        let b_email = format!("admin-b{round}@example.kz");
        let a_id = app.create_user(&a_email, Role::Admin).await;
        let b_id = app.create_user(&b_email, Role::Admin).await;
        // Only these two are active administrators in this round.
        {
            let mut conn = app.state.pool.get().unwrap();
            for other in grants::db::users::list(
                &mut conn,
                &grants::db::users::UserFilter {
                    role: Some("admin".into()),
                    status: Some("active".into()),
                    ..Default::default()
                },
                0,
                1000,
            )
            .unwrap()
            .0
            {
                if other.id != a_id && other.id != b_id {
                    grants::db::users::set_disabled(
                        &mut conn,
                        &other.id,
                        Some(app.clock.now()),
                        app.clock.now(),
                    )
                    .unwrap();
                }
            }
        }
        let a = new_client();
        let b = new_client();
        assert_eq!(
            app.login_with(&a, &a_email, PASSWORD).await.status(),
            StatusCode::SEE_OTHER
        );
        assert_eq!(
            app.login_with(&b, &b_email, PASSWORD).await.status(),
            StatusCode::SEE_OTHER
        );
        post_all(
            &app,
            vec![
                (a, format!("/admin/users/{b_id}/disable"), Vec::new()),
                (b, format!("/admin/users/{a_id}/disable"), Vec::new()),
            ],
        )
        .await;
        let mut conn = app.state.pool.get().unwrap();
        assert_eq!(
            grants::db::users::count_active_admins(&mut conn).unwrap(),
            1,
            "round {round}: exactly one of the two stays"
        );
    }
}

async fn parallel_answers_to_one_question_publish_one(app: TestApp) {
    let (_, actor) = delegation(&app).await;
    let pid = programme(
        &app,
        &actor,
        today(&app) - chrono::Duration::days(30),
        "P-ANSWER",
    )
    .await;
    let id = crate::calls::published_call(&app, &actor, &pid, "ANSWER-1", 60).await;
    let (applicant, _) = app.client_as(Role::Applicant).await;
    app.post_form_with(
        &applicant,
        &format!("/calls/{id}/questions"),
        &[("question", "Is VAT eligible?")],
    )
    .await;
    let question = {
        let mut conn = app.state.pool.get().unwrap();
        grants::db::calls::clarifications_page(&mut conn, &id, true, 0, 10)
            .unwrap()
            .0
            .remove(0)
    };
    let mut requests = Vec::new();
    for i in 0..N {
        let (client, _) = delegation(&app).await;
        requests.push((
            client,
            format!("/manage/calls/{id}/clarifications/{}/answer", question.id),
            vec![("answer".to_string(), format!("Answer {i}"))],
        ));
    }
    let statuses = post_all(&app, requests).await;
    assert!(
        statuses.iter().all(|s| *s == StatusCode::SEE_OTHER),
        "{statuses:?}"
    );
    let published = app
        .audit_actions()
        .await
        .iter()
        .filter(|a| *a == "clarification.published")
        .count();
    assert_eq!(published, 1);
    let page = body(
        new_client()
            .get(app.url(&format!("/calls/{id}")))
            .send()
            .await
            .unwrap(),
    )
    .await;
    let shown = (0..N)
        .filter(|i| page.contains(&format!("Answer {i}")))
        .count();
    assert_eq!(shown, 1, "one answer is public");
}

pub(crate) fn actor_of(id: &str, email: &str) -> grants::services::Actor {
    grants::services::Actor {
        user_id: Some(id.to_string()),
        email: Some(email.to_string()),
        role: Some(Role::Applicant),
        client_ip: None,
    }
}

pub(crate) fn organisation_input(
    registration_number: &str,
) -> grants::domain::organisations::OrganisationInput {
    grants::domain::organisations::OrganisationInput {
        legal_name: "Two Owners".into(),
        legal_status: "ngo".into(),
        country: "DE".into(),
        registration_number: registration_number.into(),
        address: "Berlin".into(),
        ..Default::default()
    }
}

async fn owners_leaving_at_once_leave_one_owner(app: TestApp) {
    use grants::services::organisations as org;
    let a = app.create_user("a@two.example", Role::Applicant).await;
    let b = app.create_user("b@two.example", Role::Applicant).await;
    let (actor_a, actor_b) = (actor_of(&a, "a@two.example"), actor_of(&b, "b@two.example"));
    let id = org::register(&app.state, &actor_a, organisation_input("HRB 1"))
        .await
        .unwrap();
    org::invite(
        &app.state,
        &actor_a,
        id.clone(),
        "b@two.example".into(),
        "owner".into(),
    )
    .await
    .unwrap();
    let mine = org::mine(&app.state, &actor_b).await.unwrap();
    org::answer_invitation(&app.state, &actor_b, mine.invitations[0].0.id.clone(), true)
        .await
        .unwrap();
    let results = join_all([
        org::change_member(&app.state, &actor_a, id.clone(), a.clone(), None),
        org::change_member(&app.state, &actor_b, id.clone(), b.clone(), None),
    ])
    .await;
    assert_eq!(
        results.iter().filter(|r| r.is_ok()).count(),
        1,
        "{results:?}"
    );
    let owners =
        grants::db::organisations::owners(&mut app.state.pool.get().unwrap(), &id).unwrap();
    assert_eq!(owners, 1);
}

async fn one_registration_number_registered_at_once_is_one_organisation(app: TestApp) {
    let mut actors = Vec::new();
    for i in 0..N {
        let email = format!("reg{i}@one.example");
        let id = app.create_user(&email, Role::Applicant).await;
        actors.push(actor_of(&id, &email));
    }
    let results = join_all(actors.iter().map(|a| {
        grants::services::organisations::register(&app.state, a, organisation_input("HRB 2"))
    }))
    .await;
    assert_eq!(results.iter().filter(|r| r.is_ok()).count(), 1);
    for r in results.iter().filter(|r| r.is_err()) {
        assert!(
            matches!(r, Err(grants::error::AppError::Validation(e)) if e[0].code == "error-organisation-registered"),
            "{r:?}"
        );
    }
}

/// N parallel starts by one organisation in lot 2 of a call published with `params`:
/// how many started, and the reasons of every refusal.
async fn parallel_starts(
    app: &TestApp,
    reference: &str,
    params: grants::domain::calls::CallParameters,
) -> (usize, Vec<Vec<&'static str>>) {
    let (_, staff) = delegation(app).await;
    let pid = programme(
        app,
        &staff,
        today(app) - chrono::Duration::days(30),
        &format!("P-{reference}"),
    )
    .await;
    let deadline = app.clock.now() + chrono::Duration::days(60);
    let call = grants::services::calls::create(
        &app.state,
        &staff,
        pid,
        grants::services::calls::CallInput {
            reference: reference.into(),
            title: "Limited".into(),
            description: String::new(),
            call_type: Some(grants::domain::calls::CallType::Restricted),
            opens_at: None,
            deadline: Some(grants::db::truncate_micros(deadline)),
            params: Some(params),
        },
    )
    .await
    .unwrap();
    add_guidelines(app, &staff, &call).await;
    grants::services::calls::publish(&app.state, &staff, call.clone())
        .await
        .unwrap()
        .expect("publishable");
    let lot = grants::db::calls::lots_of(&mut app.state.pool.get().unwrap(), &call).unwrap()[1]
        .id
        .clone();
    let email = format!("{}@ngo.example", reference.to_lowercase());
    let owner = app.create_user(&email, Role::Applicant).await;
    let actor = actor_of(&owner, &email);
    let mut input = organisation_input(&format!("HRB {reference}"));
    input.legal_status = "international_organisation".into();
    let org = grants::services::organisations::register(&app.state, &actor, input)
        .await
        .unwrap();
    let results = join_all((0..N).map(|_| {
        grants::services::applications::start(
            &app.state,
            &actor,
            call.clone(),
            lot.clone(),
            org.clone(),
        )
    }))
    .await;
    let started = results.iter().filter(|r| matches!(r, Ok(Ok(_)))).count();
    let refusals = results
        .into_iter()
        .filter_map(|r| match r {
            Ok(Err(e)) => Some(e.0),
            _ => None,
        })
        .collect();
    (started, refusals)
}

async fn parallel_starts_respect_the_per_call_limit(app: TestApp) {
    let (started, refusals) = parallel_starts(
        &app,
        "CALL-LIMIT",
        grants::domain::calls::CallParameters {
            max_applications_per_applicant: Some(2),
            ..Default::default()
        },
    )
    .await;
    assert_eq!(started, 2, "the limit is 2: {refusals:?}");
    assert_eq!(refusals.len(), N - 2);
    assert!(refusals.iter().all(|r| r == &["eligibility-problem-limit"]));
}

async fn parallel_starts_respect_the_per_lot_limit(app: TestApp) {
    // APP-06 per lot: one in the lot, three in the call.
    let (started, refusals) = parallel_starts(
        &app,
        "CALL-LOTLIMIT",
        grants::domain::calls::CallParameters {
            max_applications_per_applicant: Some(3),
            max_applications_per_lot: Some(1),
            ..Default::default()
        },
    )
    .await;
    assert_eq!(started, 1, "the lot's limit is 1: {refusals:?}");
    assert_eq!(refusals.len(), N - 1);
    assert!(refusals
        .iter()
        .all(|r| r == &["eligibility-problem-lot-limit"]));
}

async fn a_deadline_rush_numbers_every_receipt_once(app: TestApp) {
    use grants::services::applications as apps;
    let (_, staff) = delegation(&app).await;
    let pid = programme(
        &app,
        &staff,
        today(&app) - chrono::Duration::days(30),
        "P-RUSH",
    )
    .await;
    let call = crate::calls::published_call(&app, &staff, &pid, "CALL-RUSH", 60).await;
    let lot =
        grants::db::calls::lots_of(&mut app.state.pool.get().unwrap(), &call).unwrap()[1].clone();
    let mut ready = Vec::new();
    for i in 0..N {
        let email = format!("rush{i}@ngo.example");
        let id = app.create_user(&email, Role::Applicant).await;
        let actor = actor_of(&id, &email);
        let mut input = organisation_input(&format!("HRB R{i}"));
        input.legal_status = "international_organisation".into();
        let org = grants::services::organisations::register(&app.state, &actor, input)
            .await
            .unwrap();
        let application = apps::start(&app.state, &actor, call.clone(), lot.id.clone(), org)
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
                eu_contribution: Some(grants::domain::money::Money::from_cents(
                    lot.min_grant_cents,
                )),
                duration_months: Some(24),
                action_locations: None,
            },
        )
        .await
        .unwrap()
        .unwrap();
        ready.push((actor, application));
    }
    let results = join_all(
        ready
            .iter()
            .map(|(actor, id)| apps::submit(&app.state, actor, id.clone())),
    )
    .await;
    let mut numbers: Vec<String> = results
        .into_iter()
        .map(|r| r.unwrap().unwrap().number)
        .collect();
    numbers.sort();
    let expected: Vec<String> = (1..=N).map(|n| format!("CALL-RUSH/L2/CN/{n:04}")).collect();
    assert_eq!(numbers, expected);
}

async fn a_save_racing_a_submission_never_changes_what_the_receipt_describes(app: TestApp) {
    use grants::services::applications as apps;
    let (_, staff) = delegation(&app).await;
    let pid = programme(
        &app,
        &staff,
        today(&app) - chrono::Duration::days(30),
        "P-RACE",
    )
    .await;
    let call = crate::calls::published_call(&app, &staff, &pid, "CALL-RACE", 60).await;
    let lot =
        grants::db::calls::lots_of(&mut app.state.pool.get().unwrap(), &call).unwrap()[1].clone();
    let note = |text: &str| apps::ConceptNoteInput {
        title: "Race".into(),
        relevance: text.into(),
        design: "How it works.".into(),
        eu_contribution: Some(grants::domain::money::Money::from_cents(
            lot.min_grant_cents,
        )),
        duration_months: Some(24),
        action_locations: None,
    };
    for round in 0..N {
        let email = format!("race{round}@ngo.example");
        let id = app.create_user(&email, Role::Applicant).await;
        let actor = actor_of(&id, &email);
        let mut input = organisation_input(&format!("HRB RACE{round}"));
        input.legal_status = "international_organisation".into();
        let org = grants::services::organisations::register(&app.state, &actor, input)
            .await
            .unwrap();
        let application = apps::start(&app.state, &actor, call.clone(), lot.id.clone(), org)
            .await
            .unwrap()
            .unwrap();
        apps::save_concept_note(
            &app.state,
            &actor,
            application.clone(),
            1,
            note("First text."),
        )
        .await
        .unwrap()
        .unwrap();
        let (saved, submitted) = tokio::join!(
            apps::save_concept_note(
                &app.state,
                &actor,
                application.clone(),
                2,
                note("Second text.")
            ),
            apps::submit(&app.state, &actor, application.clone()),
        );
        let stored =
            grants::db::applications::find(&mut app.state.pool.get().unwrap(), &application)
                .unwrap()
                .unwrap();
        if let Ok(Ok(receipt)) = submitted {
            assert_eq!(stored.status, "submitted");
            // The frozen submission is what the receipt hashes, and it is the content of
            // the version it names (a later save is a change not yet submitted).
            let frozen = grants::db::applications::submissions_of(
                &mut app.state.pool.get().unwrap(),
                &application,
            )
            .unwrap();
            assert_eq!(frozen.len(), 1, "round {round}");
            assert_eq!(receipt.sha256, frozen[0].content_sha256);
            assert_eq!(receipt.sha256, apps::sha256_hex(&frozen[0].content));
            let submitted_text = if frozen[0].content.contains("Second text.") {
                "Second text."
            } else {
                "First text."
            };
            assert_eq!(
                stored.submitted_version,
                Some(if submitted_text == "Second text." {
                    3
                } else {
                    2
                }),
                "round {round}: the receipt names the version it describes (save: {saved:?})"
            );
            if stored.submitted_version == Some(stored.version) {
                assert_eq!(
                    apps::canonical_content(&stored, "CALL-RACE", lot.number, &[], &[]),
                    frozen[0].content
                );
            }
        } else {
            assert_eq!(stored.status, "draft", "round {round}");
        }
    }
}
