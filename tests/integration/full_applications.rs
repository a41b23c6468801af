//! The full application through its pages (open call: concept note and full application
//! at once), the budget's rules at their limits, submission, resubmission, the receipt
//! recomputed from the package, and who may see and change it — on both databases.

use chrono::Duration;
use grants::domain::access::Role;
use reqwest::StatusCode;
use sha2::Digest;

use crate::calls::{delegation, programme, published_call, published_open_call, today};
use crate::helpers::{body, location, new_client, TestApp, PASSWORD};
use crate::on_both_databases;
use crate::organisations::bin;

on_both_databases!(
    a_full_application_is_written_section_by_section_and_submitted_with_a_checkable_receipt,
    a_restricted_calls_concept_note_is_invited_to_the_full_application,
    an_ngo_registered_elsewhere_applies_for_an_action_in_a_pilot_oblast,
    parallel_submits_of_one_version_make_one_submission,
    the_api_writes_and_submits_an_application_with_the_same_rules,
    co_applicants_are_named_from_the_registry_and_give_a_mandate
);

fn version_of(html: &str) -> String {
    regex::Regex::new(r#"name="version" value="(\d+)""#)
        .unwrap()
        .captures(html)
        .expect("a form with its version")[1]
        .to_string()
}

/// Registers an NGO of Kyzylorda for `email` and starts an application to lot 2 of the
/// call; returns the application's path.
pub(crate) async fn start(
    app: &TestApp,
    client: &reqwest::Client,
    call: &str,
    lot: &str,
    bin_no: &str,
) -> String {
    let number = bin(bin_no);
    let res = app
        .post_form_with(
            client,
            "/organisations",
            &[
                ("legal_name", "Aral Water Alliance"),
                ("legal_status", "ngo"),
                ("country", "KZ"),
                ("oblast", "kyzylorda"),
                ("registration_number", &number),
                ("address", "Aralsk"),
            ],
        )
        .await;
    let org = location(&res)
        .trim_start_matches("/organisations/")
        .to_string();
    let res = app
        .post_form_with(
            client,
            &format!("/calls/{call}/applications"),
            &[("organisation_id", org.as_str()), ("lot_id", lot)],
        )
        .await;
    location(&res)
}

/// Saves one section through its page, reading the version from the form first.
async fn save(
    app: &TestApp,
    client: &reqwest::Client,
    path: &str,
    fields: &[(&str, &str)],
) -> reqwest::Response {
    let html = body(app.get_with(client, path).await).await;
    let v = version_of(&html);
    let mut form: Vec<(&str, &str)> = vec![("version", v.as_str())];
    form.extend_from_slice(fields);
    app.post_form_with(client, path, &form).await
}

/// A complete application: concept note, then each full section, the budget at the
/// limits of APP-01 (contingency 5% of direct costs, indirect 7% of total direct) and
/// an EU share of exactly 90%.
pub(crate) async fn write_everything(app: &TestApp, client: &reqwest::Client, application: &str) {
    let res = save(
        app,
        client,
        application,
        &[
            ("title", "Water for Aral villages"),
            ("relevance", "Twelve villages drink unsafe water."),
            ("design", "Wells, pumps and training."),
            ("eu_contribution", "101115"),
            ("duration_months", "24"),
        ],
    )
    .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let full = format!("{application}/full");
    let sections: Vec<(String, Vec<(&str, &str)>)> = vec![
        (
            format!("{full}/description"),
            vec![
                ("description", "Drilling twelve wells near the Aral Sea."),
                ("sustainability", "The akimat maintains the wells."),
            ],
        ),
        (
            format!("{full}/logframe"),
            vec![
                ("overall_objective", "Safe water in Aralsk district"),
                ("specific_objective", "Twelve villages have wells"),
                ("result-1-statement", "Wells built"),
                ("indicator-1-1-name", "People with safe water"),
                ("indicator-1-1-baseline", "0"),
                ("indicator-1-1-target", "3000"),
                ("indicator-1-1-people", "on"),
                ("indicator-1-1-women", "1550"),
                ("indicator-1-1-men", "1450"),
            ],
        ),
        (
            format!("{full}/workplan"),
            vec![
                ("activity-1-title", "Drilling"),
                ("activity-1-result", "1"),
                ("activity-1-month", "1"),
                ("activity-1-month", "24"),
            ],
        ),
        (
            format!("{full}/budget"),
            vec![
                ("line-1-heading", "1"),
                ("line-1-description", "Engineer"),
                ("line-1-unit", "month"),
                ("line-1-quantity", "24"),
                ("line-1-unit_cost", "2 500"),
                ("line-1-year", "1"),
                ("line-2-heading", "3"),
                ("line-2-description", "Drill"),
                ("line-2-unit", "piece"),
                ("line-2-quantity", "1"),
                ("line-2-unit_cost", "40000"),
                ("line-2-year", "2"),
                ("line-3-heading", "1"),
                ("line-3-year", "1"),
                ("contingency", "5000"),
                ("indirect", "7350"),
                ("eu_contribution", "101115"),
                ("own_contribution", "11235"),
            ],
        ),
        (
            format!("{full}/declaration"),
            vec![
                ("declaration_name", "Aigerim Sarsenova"),
                ("declaration_position", "Director"),
            ],
        ),
    ];
    for (path, fields) in sections {
        let res = save(app, client, &path, &fields).await;
        assert_eq!(
            res.status(),
            StatusCode::SEE_OTHER,
            "{path}: {}",
            body(res).await
        );
    }
}

async fn a_full_application_is_written_section_by_section_and_submitted_with_a_checkable_receipt(
    app: TestApp,
) {
    let (_, staff) = delegation(&app).await;
    let pid = programme(&app, &staff, today(&app) - Duration::days(30), "P-FULL").await;
    let call = published_open_call(&app, &staff, &pid, "CALL-FULL", 100).await;
    let lots = grants::db::calls::lots_of(&mut app.state.pool.get().unwrap(), &call).unwrap();
    app.create_user("lead@aral.example.kz", Role::Applicant)
        .await;
    let a = new_client();
    app.login_with(&a, "lead@aral.example.kz", PASSWORD).await;
    let application = start(&app, &a, &call, &lots[1].id, "08014000123").await;
    let page = body(app.get_with(&a, &application).await).await;
    assert!(
        page.contains("Concept note and full application (open call)"),
        "{page}"
    );
    assert!(page.contains("Logical framework") && page.contains("things missing"));

    // Nothing written: submission lists what is missing in every section, with links.
    let res = app
        .post_form_with(&a, &format!("{application}/submit"), &[])
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = body(res).await;
    for text in [
        "What stops the submission",
        "Give at least one expected result.",
        "List at least one activity.",
        "Give at least one budget line.",
        "The declaration by the applicant is not signed yet.",
        &format!("{application}/full/budget#lines"),
    ] {
        assert!(html.contains(text), "{text}");
    }

    write_everything(&app, &a, &application).await;
    let budget = body(
        app.get_with(&a, &format!("{application}/full/budget"))
            .await,
    )
    .await;
    assert!(
        budget.contains("EUR 112,350"),
        "total eligible costs: {budget}"
    );
    assert!(budget.contains("90 %"), "EU share");
    assert!(!budget.contains(">Not met<"), "every rule met at its limit");
    // One cent over the contingency limit (5% of direct costs): shown as not met, with
    // the numbers, and submission refused with the reason.
    let html = body(
        app.get_with(&a, &format!("{application}/full/budget"))
            .await,
    )
    .await;
    let v = version_of(&html);
    let res = app
        .post_form_with(
            &a,
            &format!("{application}/full/budget"),
            &[
                ("version", v.as_str()),
                ("line-1-heading", "1"),
                ("line-1-description", "Engineer"),
                ("line-1-unit", "month"),
                ("line-1-quantity", "24"),
                ("line-1-unit_cost", "2500"),
                ("line-1-year", "1"),
                ("line-2-heading", "3"),
                ("line-2-description", "Drill"),
                ("line-2-unit", "piece"),
                ("line-2-quantity", "1"),
                ("line-2-unit_cost", "40000"),
                ("line-2-year", "2"),
                ("contingency", "5000.01"),
                ("indirect", "7350"),
                ("eu_contribution", "101115"),
                ("own_contribution", "11235.01"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let budget = body(
        app.get_with(&a, &format!("{application}/full/budget"))
            .await,
    )
    .await;
    assert!(
        budget.contains("Contingency reserve EUR 5,000.01 is over its limit of 5% of direct costs, EUR 5,000.00."),
        "{budget}"
    );
    assert!(budget.contains(">Not met<"));
    assert!(!budget.contains("Unknown localization key"));
    let res = app
        .post_form_with(&a, &format!("{application}/submit"), &[])
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = body(res).await;
    assert!(html.contains("Contingency reserve"), "{html}");
    // Unreadable amounts are refused at their row, in the person's words, nothing saved.
    let html = body(
        app.get_with(&a, &format!("{application}/full/budget"))
            .await,
    )
    .await;
    let v = version_of(&html);
    let res = app
        .post_form_with(
            &a,
            &format!("{application}/full/budget"),
            &[
                ("version", v.as_str()),
                ("line-1-description", "Engineer"),
                ("line-1-quantity", "two"),
                ("line-1-unit_cost", "2500"),
                ("own_contribution", "lots"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = body(res).await;
    assert!(html.contains("Enter the number of units"));
    assert!(html.contains("Enter an amount in euros"));

    write_everything(&app, &a, &application).await;
    let res = app
        .post_form_with(&a, &format!("{application}/submit"), &[])
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let id = application.trim_start_matches("/applications/");
    let subs =
        grants::db::applications::submissions_of(&mut app.state.pool.get().unwrap(), id).unwrap();
    assert_eq!(subs.len(), 1);
    assert_eq!(subs[0].receipt_number, "CALL-FULL/L2/FA/0001");
    // The package is exactly what the receipt's SHA-256 describes.
    let receipt = format!("{application}/submissions/{}", subs[0].id);
    let page = body(app.get_with(&a, &receipt).await).await;
    assert!(page.contains(&subs[0].content_sha256) && page.contains("CALL-FULL/L2/FA/0001"));
    let package = app
        .get_with(&a, &format!("{receipt}/package"))
        .await
        .bytes()
        .await
        .unwrap();
    assert_eq!(
        hex::encode(sha2::Sha256::digest(&package)),
        subs[0].content_sha256
    );
    let content: serde_json::Value = serde_json::from_slice(&package).unwrap();
    assert_eq!(
        content["full_application"]["budget"]["contingency"],
        500_000
    );
    assert_eq!(content["stage"], "full");
    app.wait_for_mail("lead@aral.example.kz", "full application submitted")
        .await;

    // Another organisation's member: not found, not forbidden. A reader of the same
    // organisation sees it but cannot change it.
    app.create_user("other@ngo.example.kz", Role::Applicant)
        .await;
    let other = new_client();
    app.login_with(&other, "other@ngo.example.kz", PASSWORD)
        .await;
    for path in [
        format!("{application}/full/budget"),
        receipt.clone(),
        format!("{receipt}/package"),
    ] {
        assert_eq!(
            app.get_with(&other, &path).await.status(),
            StatusCode::NOT_FOUND,
            "{path}"
        );
    }
    let res = app
        .post_form_with(
            &other,
            &format!("{application}/full/description"),
            &[("version", "1"), ("description", "Hijacked")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    assert!(app
        .audit_actions()
        .await
        .contains(&"application.full_section_saved".to_string()));

    // After the deadline nothing changes any more.
    let deadline = crate::calls::deadline_of(&app, &call);
    app.clock.freeze_at(deadline + Duration::seconds(1));
    let late = new_client();
    app.login_with(&late, "lead@aral.example.kz", PASSWORD)
        .await;
    let page = body(
        app.get_with(&late, &format!("{application}/full/description"))
            .await,
    )
    .await;
    assert!(
        !page.contains("name=\"version\""),
        "no form after the deadline"
    );
    let res = app
        .post_form_with(
            &late,
            &format!("{application}/full/description"),
            &[("version", "99"), ("description", "Too late")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let stored = grants::db::applications::find(&mut app.state.pool.get().unwrap(), id)
        .unwrap()
        .unwrap();
    assert!(!stored.full_application.contains("Too late"));
}

async fn parallel_submits_of_one_version_make_one_submission(app: TestApp) {
    use grants::services::applications as apps;
    let (_, staff) = delegation(&app).await;
    let pid = programme(&app, &staff, today(&app) - Duration::days(30), "P-PAR").await;
    let call = published_open_call(&app, &staff, &pid, "CALL-PAR", 100).await;
    let lots = grants::db::calls::lots_of(&mut app.state.pool.get().unwrap(), &call).unwrap();
    let user = app
        .create_user("par@aral.example.kz", Role::Applicant)
        .await;
    let a = new_client();
    app.login_with(&a, "par@aral.example.kz", PASSWORD).await;
    let application = start(&app, &a, &call, &lots[1].id, "09014000125").await;
    write_everything(&app, &a, &application).await;
    let id = application.trim_start_matches("/applications/").to_string();
    let actor = crate::concurrency::actor_of(&user, "par@aral.example.kz");
    for round in 1..=2 {
        let results = futures_util::future::join_all(
            (0..20).map(|_| apps::submit(&app.state, &actor, id.clone())),
        )
        .await;
        let numbers: std::collections::BTreeSet<String> = results
            .into_iter()
            .map(|r| r.expect("no error").expect("complete").number)
            .collect();
        assert_eq!(numbers.len(), 1, "one receipt number");
        let subs =
            grants::db::applications::submissions_of(&mut app.state.pool.get().unwrap(), &id)
                .unwrap();
        assert_eq!(subs.len(), round, "round {round}: one new version");
        // A change, then the next round submits it once.
        let html = body(
            app.get_with(&a, &format!("{application}/full/description"))
                .await,
        )
        .await;
        let v = version_of(&html);
        app.post_form_with(
            &a,
            &format!("{application}/full/description"),
            &[
                ("version", v.as_str()),
                ("description", "Drilling twelve wells, revised."),
                ("sustainability", "The akimat maintains the wells."),
            ],
        )
        .await;
    }
}

async fn a_restricted_calls_concept_note_is_invited_to_the_full_application(app: TestApp) {
    let (_, staff) = delegation(&app).await;
    let pid = programme(&app, &staff, today(&app) - Duration::days(30), "P-INV").await;
    let call = published_call(&app, &staff, &pid, "CALL-INV", 60).await;
    let lots = grants::db::calls::lots_of(&mut app.state.pool.get().unwrap(), &call).unwrap();
    app.create_user("cn@aral.example.kz", Role::Applicant).await;
    let a = new_client();
    app.login_with(&a, "cn@aral.example.kz", PASSWORD).await;
    let application = start(&app, &a, &call, &lots[1].id, "08014000321").await;
    let page = body(app.get_with(&a, &application).await).await;
    assert!(page.contains("Concept note (restricted call)"));
    // Before the invitation the full application's pages do not exist.
    assert_eq!(
        app.get_with(&a, &format!("{application}/full/budget"))
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    let res = save(
        &app,
        &a,
        &application,
        &[
            ("title", "Water for Aral villages"),
            ("relevance", "Twelve villages drink unsafe water."),
            ("design", "Wells, pumps and training."),
            ("eu_contribution", "84262.50"),
            ("duration_months", "24"),
        ],
    )
    .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    app.post_form_with(&a, &format!("{application}/submit"), &[])
        .await;
    let id = application.trim_start_matches("/applications/").to_string();
    let deadline = crate::calls::deadline_of(&app, &call);
    // On a whole minute, as the deadline is typed to the minute.
    let now = {
        use chrono::Timelike;
        (deadline + Duration::hours(1))
            .with_second(0)
            .and_then(|t| t.with_nanosecond(0))
            .unwrap()
    };
    app.clock.freeze_at(now);
    // SEL-03: the invitation follows the concept-note stage: scored by a committee,
    // reported by the chair, approved by the EU Delegation. The Delegation's list of
    // received applications invites nobody.
    let committee = crate::evaluation::committee_for(&app, &staff, &call).await;
    committee.sign_all(&app, &call).await;
    grants::services::evaluation::assign_automatically(
        &app.state,
        &committee.chair.actor,
        call.clone(),
        grants::domain::evaluation::EvaluationStage::Concept,
    )
    .await
    .unwrap();
    crate::evaluation::score_all(
        &app,
        &committee,
        &call,
        grants::domain::evaluation::EvaluationStage::Concept,
        |_| (4, vec![]),
    )
    .await;
    let chair = crate::evaluation::login(&app, &committee.chair).await;
    let invite = format!("/evaluation/calls/{call}/invitations");
    let board = format!("/evaluation/calls/{call}/board?stage=concept");
    let local = |t: chrono::NaiveDateTime| grants::web::calls::local_input(t);
    let in_time = local(now + Duration::days(31));
    app.post_form_with(&chair, &invite, &[("full_deadline", in_time.as_str())])
        .await;
    let page = body(app.get_with(&chair, &board).await).await;
    assert!(
        page.contains("once the EU Delegation has approved the concept-note report"),
        "{page}"
    );
    assert!(app.sent_mail().iter().all(|m| !m
        .subject
        .contains("Invitation to submit a full application")));
    crate::evaluation::concept_report_approved(&app, &committee.chair.actor, &staff, &call).await;
    // CFP-02: 30 days from the invitation; one minute less is refused.
    let too_soon = local(now + Duration::days(30) - Duration::minutes(1));
    app.post_form_with(&chair, &invite, &[("full_deadline", too_soon.as_str())])
        .await;
    let page = body(app.get_with(&chair, &board).await).await;
    assert!(
        page.contains("must leave the call&#x27;s invitation period")
            || page.contains("must leave the call's invitation period"),
        "{page}"
    );
    // A deadline in the year 9999 is a typing error, said as such.
    app.post_form_with(&chair, &invite, &[("full_deadline", "9999-03-01 18:00")])
        .await;
    assert!(body(app.get_with(&chair, &board).await)
        .await
        .contains(&grants::i18n::t(
            grants::i18n::Lang::En,
            "error-date-out-of-range"
        )));
    let full_deadline = local(now + Duration::days(30));
    app.post_form_with(
        &chair,
        &invite,
        &[("full_deadline", full_deadline.as_str())],
    )
    .await;
    let stored = grants::db::applications::find(&mut app.state.pool.get().unwrap(), &id)
        .unwrap()
        .unwrap();
    assert_eq!(stored.stage, "full");
    assert_eq!(stored.status, "draft");
    app.wait_for_mail(
        "cn@aral.example.kz",
        "Invitation to submit a full application",
    )
    .await;
    // A second invitation finds nobody waiting.
    app.post_form_with(
        &chair,
        &invite,
        &[("full_deadline", full_deadline.as_str())],
    )
    .await;
    assert!(body(app.get_with(&chair, &board).await)
        .await
        .contains("No concept note on the shortlist is waiting"));

    // The applicant writes the full application by its own deadline; the concept note
    // stays as submitted, and APP-04 holds the EU contribution within 20% of it.
    let late = new_client();
    app.login_with(&late, "cn@aral.example.kz", PASSWORD).await;
    let page = body(app.get_with(&late, &application).await).await;
    let my = body(app.get_with(&late, "/my").await).await;
    assert!(
        my.contains("Invited: write and submit the full application before"),
        "{my}"
    );
    assert!(
        my.contains("EUR 84,262.50") && my.contains("30 days"),
        "{my}"
    );
    assert!(
        page.contains("Full application (invited)")
            && page.contains("The concept note is kept as submitted")
    );
    let res = app
        .post_form_with(
            &late,
            &application,
            &[
                ("version", &stored.version.to_string()),
                ("title", "Changed"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let stored = grants::db::applications::find(&mut app.state.pool.get().unwrap(), &id)
        .unwrap()
        .unwrap();
    assert_eq!(
        stored.title, "Water for Aral villages",
        "the concept note is kept"
    );
    // write_everything saves the concept note first: here it is refused (kept), and the
    // full sections are saved; EU 101,115 is exactly 20% above 84,262.50.
    let full = format!("{application}/full");
    for (section, fields) in [
        (
            "description",
            vec![
                ("description", "Drilling wells."),
                ("sustainability", "The akimat."),
            ],
        ),
        (
            "logframe",
            vec![
                ("overall_objective", "Safe water"),
                ("specific_objective", "Wells"),
                ("result-1-statement", "Wells built"),
                ("indicator-1-1-name", "Wells"),
                ("indicator-1-1-baseline", "0"),
                ("indicator-1-1-target", "12"),
            ],
        ),
        (
            "workplan",
            vec![("activity-1-title", "Drilling"), ("activity-1-month", "3")],
        ),
        (
            "budget",
            vec![
                ("line-1-heading", "1"),
                ("line-1-description", "Engineer"),
                ("line-1-unit", "month"),
                ("line-1-quantity", "24"),
                ("line-1-unit_cost", "2500"),
                ("line-1-year", "1"),
                ("line-2-heading", "3"),
                ("line-2-description", "Drill"),
                ("line-2-unit", "piece"),
                ("line-2-quantity", "1"),
                ("line-2-unit_cost", "40000"),
                ("line-2-year", "2"),
                ("contingency", "5000"),
                ("indirect", "7350"),
                ("eu_contribution", "101115"),
                ("own_contribution", "11235"),
            ],
        ),
        (
            "declaration",
            vec![
                ("declaration_name", "Aigerim"),
                ("declaration_position", "Director"),
            ],
        ),
    ] {
        let res = save(&app, &late, &format!("{full}/{section}"), &fields).await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER, "{section}");
    }
    let res = app
        .post_form_with(&late, &format!("{application}/submit"), &[])
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let subs =
        grants::db::applications::submissions_of(&mut app.state.pool.get().unwrap(), &id).unwrap();
    assert_eq!(subs.len(), 2);
    assert_eq!(subs[0].receipt_number, "CALL-INV/L2/FA/0001");
    assert_eq!(subs[1].receipt_number, "CALL-INV/L2/CN/0001");

    // NOT-01 in a restricted call: the successful are told within 15 days of the award
    // and in any case within 6 months of their own full-application deadline, not of
    // the concept-note deadline.
    let own_deadline = grants::db::applications::find(&mut app.state.pool.get().unwrap(), &id)
        .unwrap()
        .unwrap()
        .full_deadline
        .unwrap();
    app.clock.freeze_at(own_deadline + Duration::seconds(1));
    let full = grants::domain::evaluation::EvaluationStage::Full;
    grants::services::evaluation::assign_automatically(
        &app.state,
        &committee.chair.actor,
        call.clone(),
        full,
    )
    .await
    .unwrap();
    crate::evaluation::score_all(&app, &committee, &call, full, |_| (4, vec![])).await;
    crate::award::supporting_documents_checked(&app, &committee, &call, &id, true).await;
    // Decided 175 days after the concept-note deadline: 6 months from it would be sooner
    // than the 15 days from the award, which is what applies here.
    let decided = deadline + Duration::days(175);
    app.clock.freeze_at(decided);
    grants::services::award::submit_report(&app.state, &committee.chair.actor, call.clone())
        .await
        .unwrap();
    grants::services::award::decide_report(&app.state, &staff, call.clone(), true, String::new())
        .await
        .unwrap();
    let report = grants::services::award::report(&app.state, &staff, call.clone())
        .await
        .unwrap();
    let local = grants::domain::time::local_date;
    assert_eq!(
        report.successful_notice_by,
        Some(local(decided) + Duration::days(15))
    );
    assert!(
        local(decided) + Duration::days(15)
            > grants::domain::time::add_months(local(deadline), 6).unwrap()
    );
}

async fn the_api_writes_and_submits_an_application_with_the_same_rules(app: TestApp) {
    use serde_json::{json, Value};
    let (_, staff) = delegation(&app).await;
    let pid = programme(&app, &staff, today(&app) - Duration::days(30), "P-API").await;
    let call = published_open_call(&app, &staff, &pid, "CALL-API", 100).await;
    let lots = grants::db::calls::lots_of(&mut app.state.pool.get().unwrap(), &call).unwrap();
    let token = crate::calls::api_token(&app, Role::Applicant).await;
    let api = new_client();
    let send = |method: reqwest::Method, path: &str, body: Option<Value>| {
        let mut req = api.request(method, app.url(path)).bearer_auth(&token);
        if let Some(b) = body {
            req = req.json(&b);
        }
        req.send()
    };
    let res = send(
        reqwest::Method::POST,
        "/api/v1/organisations",
        Some(json!({"legal_name": "Aral API NGO", "legal_status": "ngo", "country": "KZ",
                    "oblast": "kyzylorda", "registration_number": bin("08014000987"), "address": "Aralsk"})),
    )
    .await
    .unwrap();
    assert_eq!(res.status(), StatusCode::CREATED);
    let org = res.json::<Value>().await.unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    // An unknown lot is not found.
    let res = send(
        reqwest::Method::POST,
        &format!("/api/v1/calls/{call}/applications"),
        Some(json!({"organisation_id": org, "lot_id": "nope"})),
    )
    .await
    .unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let res = send(
        reqwest::Method::POST,
        &format!("/api/v1/calls/{call}/applications"),
        Some(json!({"organisation_id": org, "lot_id": lots[1].id})),
    )
    .await
    .unwrap();
    assert_eq!(res.status(), StatusCode::CREATED);
    let id = res.json::<Value>().await.unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let base = format!("/api/v1/applications/{id}");
    // An amount far outside the lot's range is kept, with a warning that names it.
    let res = send(
        reqwest::Method::PUT,
        &format!("{base}/concept-note"),
        Some(
            json!({"version": 1, "title": "Water", "relevance": "Why.", "design": "How.",
            "eu_contribution_cents": 999_999_999, "duration_months": 24}),
        ),
    )
    .await
    .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let saved: Value = res.json().await.unwrap();
    assert!(
        saved["warnings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|w| w["code"] == "error-eu-contribution-range"
                && w["message"].as_str().unwrap().contains("9,999,999.99")),
        "{saved}"
    );
    let mut version = 2;
    let mut put = |path: String, mut body: Value| {
        body["version"] = json!(version);
        version += 1;
        send(reqwest::Method::PUT, &path, Some(body))
    };
    for (path, body) in [
        (
            format!("{base}/concept-note"),
            json!({"title": "Water", "relevance": "Why.", "design": "How.",
            "eu_contribution_cents": 10_111_500, "duration_months": 24}),
        ),
        (
            format!("{base}/full/description"),
            json!({"description": "Wells.", "sustainability": "Akimat."}),
        ),
        (
            format!("{base}/full/logframe"),
            json!({"logframe": {"overall_objective": "Safe water", "specific_objective": "Wells",
            "results": [{"statement": "Wells built", "indicators": [{"name": "Wells", "baseline": "0", "target": "12"}]}]}}),
        ),
        (
            format!("{base}/full/workplan"),
            json!({"activities": [{"title": "Drilling", "result": 1, "months": [1, 2]}]}),
        ),
        (
            format!("{base}/full/budget"),
            json!({"budget": {"lines": [
            {"heading": 1, "description": "Engineer", "unit": "month", "quantity_hundredths": 2400, "unit_cost": 250_000, "year": 1},
            {"heading": 3, "description": "Drill", "unit": "piece", "quantity_hundredths": 100, "unit_cost": 4_000_000, "year": 2}],
            "contingency": 500_001, "indirect": 735_000,
            "funding": {"eu_contribution": 10_111_500, "own_contribution": 1_123_501}}}),
        ),
        (
            format!("{base}/full/declaration"),
            json!({"name": "Aigerim", "position": "Director"}),
        ),
    ] {
        let res = put(path.clone(), body).await.unwrap();
        assert_eq!(res.status(), StatusCode::OK, "{path}");
    }
    // Hostile input: a NUL byte, an absurd quantity, a month beyond any action — 422,
    // each at its field, nothing saved.
    for (path, body, field) in [
        (
            format!("{base}/full/description"),
            json!({"version": version, "description": "Wells\u{0}"}),
            "description",
        ),
        (
            format!("{base}/full/budget"),
            json!({"version": version, "budget": {"lines": [{"heading": 1, "description": "x",
                "unit": "u", "quantity_hundredths": 1_000_000_000_000_000i64, "unit_cost": 1, "year": 1}]}}),
            "line-1",
        ),
        (
            format!("{base}/full/workplan"),
            json!({"version": version, "activities": [{"title": "x", "result": 0, "months": [49]}]}),
            "activity-1",
        ),
    ] {
        let res = send(reqwest::Method::PUT, &path, Some(body)).await.unwrap();
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "{path}");
        let problem: Value = res.json().await.unwrap();
        assert!(
            problem["errors"]
                .as_array()
                .unwrap()
                .iter()
                .any(|e| e["field"] == field),
            "{problem}"
        );
    }
    // A save from an older version: 409, nothing lost.
    let res = send(
        reqwest::Method::PUT,
        &format!("{base}/full/description"),
        Some(json!({"version": 1, "description": "Stale"})),
    )
    .await
    .unwrap();
    assert_eq!(res.status(), StatusCode::CONFLICT);
    // The answer holds both: the stored version with its content, and what was sent.
    let problem: Value = res.json().await.unwrap();
    assert_eq!(
        problem["type"], "urn:kazlod:problem:saved-meanwhile",
        "{problem}"
    );
    assert_eq!(problem["sent_version"], 1);
    assert_eq!(problem["sent"]["description"], "Stale");
    let stored = problem["stored_version"].as_i64().unwrap();
    assert!(stored > 1, "{problem}");
    assert_eq!(problem["stored"]["version"], stored);
    assert!(
        problem["detail"]
            .as_str()
            .unwrap()
            .contains(&format!("\"version\": {stored}")),
        "{problem}"
    );
    // Sustainability one word over its limit (saved: it is checked at submission).
    let current: Value = send(reqwest::Method::GET, &base, None)
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let long = vec!["word"; 1501].join(" ");
    let res = send(
        reqwest::Method::PUT,
        &format!("{base}/full/description"),
        Some(json!({"version": current["version"], "description": "Drilling wells.", "sustainability": long})),
    )
    .await
    .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    // Contingency one cent over 5%: refused with the rule, as on the page.
    let res = send(reqwest::Method::POST, &format!("{base}/submit"), None)
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let problem: Value = res.json().await.unwrap();
    // Each refusal says the value and the limit it breaks.
    assert!(
        problem["errors"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["code"] == "error-section-too-long"
                && e["message"] == "This part has 1501 words, over its limit of 1500: shorten it."),
        "{problem}"
    );
    assert!(
        problem["errors"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["code"] == "budget-rule-contingency"
                && e["message"]
                    .as_str()
                    .unwrap()
                    .starts_with("Contingency reserve")
                && e["message"].as_str().unwrap().contains("5%")),
        "{problem}"
    );
    assert_eq!(problem["detail"], "What stops the submission", "{problem}");
    assert!(
        !problem.to_string().contains("Unknown localization key"),
        "{problem}"
    );
    let shortened: Value = send(
        reqwest::Method::PUT,
        &format!("{base}/full/description"),
        Some(json!({"version": current["version"].as_i64().unwrap() + 1,
            "description": "Drilling wells.", "sustainability": "The akimat."})),
    )
    .await
    .unwrap()
    .json()
    .await
    .unwrap();
    let version = shortened["version"].clone();
    let res = send(
        reqwest::Method::PUT,
        &format!("{base}/full/budget"),
        Some(json!({"version": version, "budget": {"lines": [
            {"heading": 1, "description": "Engineer", "unit": "month", "quantity_hundredths": 2400, "unit_cost": 250_000, "year": 1},
            {"heading": 3, "description": "Drill", "unit": "piece", "quantity_hundredths": 100, "unit_cost": 4_000_000, "year": 2}],
            "contingency": 500_000, "indirect": 735_000,
            "funding": {"eu_contribution": 10_111_500, "own_contribution": 1_123_500}}})),
    )
    .await
    .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let first: Value = send(reqwest::Method::POST, &format!("{base}/submit"), None)
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(first["receipt_number"], "CALL-API/L2/FA/0001");
    let again: Value = send(reqwest::Method::POST, &format!("{base}/submit"), None)
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(again, first, "a retry gets the same receipt");
    let view: Value = send(reqwest::Method::GET, &base, None)
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let sid = view["submissions"][0]["id"].as_str().unwrap();
    let package = send(
        reqwest::Method::GET,
        &format!("{base}/submissions/{sid}/package"),
        None,
    )
    .await
    .unwrap()
    .bytes()
    .await
    .unwrap();
    assert_eq!(
        hex::encode(sha2::Sha256::digest(&package)),
        first["content_sha256"].as_str().unwrap()
    );
    // Another applicant's token: not found.
    let other = crate::calls::api_token(&app, Role::Applicant).await;
    let res = api
        .get(app.url(&base))
        .bearer_auth(&other)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let doc: Value = api
        .get(app.url("/api/v1/openapi.json"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(doc["paths"]["/api/v1/applications/{id}/submit"].is_object());
}

async fn co_applicants_are_named_from_the_registry_and_give_a_mandate(app: TestApp) {
    let (_, staff) = delegation(&app).await;
    let pid = programme(&app, &staff, today(&app) - Duration::days(30), "P-PRT").await;
    let call = published_open_call(&app, &staff, &pid, "CALL-PRT", 100).await;
    let lots = grants::db::calls::lots_of(&mut app.state.pool.get().unwrap(), &call).unwrap();
    // The partner registers its organisation once, with its own account.
    app.create_user("partner@aral.example.kz", Role::Applicant)
        .await;
    let b = new_client();
    app.login_with(&b, "partner@aral.example.kz", PASSWORD)
        .await;
    let partner_bin = bin("08014000555");
    app.post_form_with(
        &b,
        "/organisations",
        &[
            ("legal_name", "Aral Women's Council"),
            ("legal_status", "ngo"),
            ("country", "KZ"),
            ("oblast", "kyzylorda"),
            ("registration_number", &partner_bin),
            ("address", "Aralsk"),
        ],
    )
    .await;
    app.create_user("lead2@aral.example.kz", Role::Applicant)
        .await;
    let a = new_client();
    app.login_with(&a, "lead2@aral.example.kz", PASSWORD).await;
    let lead_bin = "08014000666";
    let application = start(&app, &a, &call, &lots[1].id, lead_bin).await;
    write_everything(&app, &a, &application).await;
    let partners = format!("{application}/partners");
    for (number, message) in [
        (
            "99999999999",
            "No organisation with this registration number is registered",
        ),
        (bin(lead_bin).as_str(), "That is the lead applicant itself."),
    ] {
        app.post_form_with(
            &a,
            &partners,
            &[("registration_number", number), ("role", "co_applicant")],
        )
        .await;
        let page = body(app.get_with(&a, &application).await).await;
        assert!(page.contains(message), "{message}");
    }
    app.post_form_with(
        &a,
        &partners,
        &[
            ("registration_number", partner_bin.as_str()),
            ("role", "co_applicant"),
        ],
    )
    .await;
    let page = body(app.get_with(&a, &application).await).await;
    assert!(page.contains("Aral Women&#x27;s Council") || page.contains("Aral Women's Council"));
    assert!(page.contains("Mandate missing"));
    // Without its mandate the application cannot be submitted.
    let res = app
        .post_form_with(&a, &format!("{application}/submit"), &[])
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body(res).await.contains("has no mandate yet"));
    let id = application.trim_start_matches("/applications/").to_string();
    let partner_id = grants::db::applications::partners_of(&mut app.state.pool.get().unwrap(), &id)
        .unwrap()[0]
        .0
        .id
        .clone();
    let token = app.csrf_token_of(&a).await;
    let url = app.url(&format!(
        "{partners}/{partner_id}/mandate?csrf_token={token}"
    ));
    let upload = |bytes: Vec<u8>| {
        reqwest::multipart::Form::new().part(
            "file",
            reqwest::multipart::Part::bytes(bytes).file_name("mandate.pdf".to_string()),
        )
    };
    // Not a PDF inside: refused, nothing stored.
    a.post(&url)
        .multipart(upload(b"MZ not a pdf".to_vec()))
        .send()
        .await
        .unwrap();
    assert!(
        grants::services::partners::partners_on(&mut app.state.pool.get().unwrap(), &id).unwrap()
            [0]
        .mandate
        .is_none()
    );
    let pdf = grants::services::demo::minimal_pdf(&["Mandate"]);
    let res = a
        .post(&url)
        .multipart(upload(pdf.clone()))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let res = app
        .post_form_with(&a, &format!("{application}/submit"), &[])
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let subs =
        grants::db::applications::submissions_of(&mut app.state.pool.get().unwrap(), &id).unwrap();
    let content: serde_json::Value = serde_json::from_str(&subs[0].content).unwrap();
    assert_eq!(content["partners"][0]["role"], "co_applicant");
    assert_eq!(
        content["partners"][0]["mandate_sha256"],
        hex::encode(sha2::Sha256::digest(&pdf))
    );
    // The mandate downloads for the lead's members only.
    let mandate = format!("{partners}/{partner_id}/mandate");
    let res = app.get_with(&a, &mandate).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.bytes().await.unwrap().to_vec(), pdf);
    assert_eq!(
        app.get_with(&b, &mandate).await.status(),
        StatusCode::NOT_FOUND
    );
    // Staff read the partners as submitted, with each mandate's hash (ADM-02), after
    // the deadline and the declaration (EVC-02).
    let call_id = grants::db::applications::find(&mut app.state.pool.get().unwrap(), &id)
        .unwrap()
        .unwrap()
        .call_id;
    app.clock
        .freeze_at(crate::calls::deadline_of(&app, &call_id) + chrono::Duration::seconds(1));
    let (staff_client, staff_id) = app.client_as(Role::Delegation).await;
    grants::services::evaluation::sign_declaration(
        &app.state,
        &crate::calls::staff(&staff_id, Role::Delegation),
        call_id,
        grants::i18n::Lang::En,
    )
    .await
    .unwrap();
    let page = body(
        app.get_with(&staff_client, &format!("/manage/applications/{id}"))
            .await,
    )
    .await;
    assert!(
        page.contains(&hex::encode(sha2::Sha256::digest(&pdf))),
        "{page}"
    );
    let actions = app.audit_actions().await;
    assert!(actions.contains(&"application.mandate_added".to_string()));
}

/// CFP-04: lot 1's locations are where the action takes place, not the applicant's seat:
/// an NGO registered in Almaty applies for an action in Kyzylorda.
async fn an_ngo_registered_elsewhere_applies_for_an_action_in_a_pilot_oblast(app: TestApp) {
    let (_, staff) = delegation(&app).await;
    let pid = programme(&app, &staff, today(&app) - Duration::days(30), "P-LOC").await;
    let call = published_call(&app, &staff, &pid, "CALL-LOC", 60).await;
    let lots = grants::db::calls::lots_of(&mut app.state.pool.get().unwrap(), &call).unwrap();
    app.create_user("almaty@ngo.example.kz", Role::Applicant)
        .await;
    let a = new_client();
    app.login_with(&a, "almaty@ngo.example.kz", PASSWORD).await;
    let res = app
        .post_form_with(
            &a,
            "/organisations",
            &[
                ("legal_name", "Almaty Civic Network"),
                ("legal_status", "ngo"),
                ("country", "KZ"),
                ("oblast", "national"),
                ("registration_number", &bin("08014000555")),
                ("address", "Almaty"),
            ],
        )
        .await;
    let org = location(&res)
        .trim_start_matches("/organisations/")
        .to_string();
    let res = app
        .post_form_with(
            &a,
            &format!("/calls/{call}/applications"),
            &[
                ("organisation_id", org.as_str()),
                ("lot_id", lots[0].id.as_str()),
            ],
        )
        .await;
    let application = location(&res);
    assert!(
        application.starts_with("/applications/"),
        "started: {application}"
    );
    let page = body(app.get_with(&a, &application).await).await;
    assert!(page.contains("Where the action takes place"), "{page}");
    let note = [
        ("title", "Clean water in Aralsk"),
        ("relevance", "Twelve villages drink unsafe water."),
        ("design", "Wells, pumps and training."),
        ("eu_contribution", "100000"),
        ("duration_months", "24"),
        ("action_locations_asked", "yes"),
    ];
    save(&app, &a, &application, &note).await;
    let res = app
        .post_form_with(&a, &format!("{application}/submit"), &[])
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body(res).await.contains("Say where the action takes place"));
    let mut with_place = note.to_vec();
    with_place.push(("action_kyzylorda", "on"));
    save(&app, &a, &application, &with_place).await;
    let res = app
        .post_form_with(&a, &format!("{application}/submit"), &[])
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let id = application.trim_start_matches("/applications/");
    let stored = grants::db::applications::find(&mut app.state.pool.get().unwrap(), id)
        .unwrap()
        .unwrap();
    assert_eq!(
        (stored.status.as_str(), stored.action_locations.as_str()),
        ("submitted", "kyzylorda")
    );
    // The receipt freezes where the action takes place.
    let subs =
        grants::db::applications::submissions_of(&mut app.state.pool.get().unwrap(), id).unwrap();
    assert!(
        subs[0]
            .content
            .contains("\"action_locations\":[\"kyzylorda\"]"),
        "{}",
        subs[0].content
    );
}
