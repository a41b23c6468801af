//! The evaluation of a call (EVC-01…03, GRD-01…06, SEL-01) through the real pages and
//! services, on both databases: the committee, the declaration before any access,
//! conflicts and replacement, automatic assignment, score sheets hidden until
//! submitted, divergence with a further assessor and its resolution, ranking,
//! thresholds, the shortlist and the selection within the envelope.

use std::collections::{BTreeMap, HashMap};

use chrono::Duration;
use grants::domain::access::Role;
use grants::domain::evaluation::{scored_sections, EvaluationStage, ScoreSheet, SectionSheet};
use grants::domain::grids::Grid;
use grants::services::evaluation as ev;
use grants::services::Actor;
use reqwest::{Client, StatusCode};

use crate::calls::{delegation, programme, published_call, staff, today};
use crate::helpers::{body, new_client, TestApp, PASSWORD};
use crate::on_both_databases;

on_both_databases!(
    the_committee_is_set_up_per_call_and_must_be_complete,
    nothing_is_seen_before_the_declaration_and_a_conflict_removes_the_assessor,
    scores_stay_hidden_until_submitted_and_divergence_brings_a_further_assessor,
    ranking_thresholds_shortlist_and_selection_follow_the_scores,
    automatic_assignment_is_balanced_and_never_twice_under_parallel_requests,
    the_board_runs_the_same_queries_for_three_or_nine_applications,
    the_api_runs_the_evaluation_with_the_same_seats_and_rules,
    the_secretary_records_the_administrative_check_of_their_call,
    the_chair_reads_the_report_page_while_applications_are_still_scored,
    a_conflict_declared_at_the_concept_stage_holds_at_the_full_stage_in_every_path
);

/// A person with a seat: their id, email and actor.
pub(crate) struct Seat {
    pub(crate) id: String,
    pub(crate) email: String,
    pub(crate) actor: Actor,
}

/// A complete committee: chair, secretary, three evaluators, a replacement.
pub(crate) struct Committee {
    pub(crate) chair: Seat,
    pub(crate) secretary: Seat,
    pub(crate) evaluators: Vec<Seat>,
    pub(crate) replacement: Seat,
}

impl Committee {
    pub(crate) async fn sign_all(&self, app: &TestApp, call: &str) {
        for who in [&self.chair, &self.secretary, &self.replacement]
            .into_iter()
            .chain(self.evaluators.iter())
        {
            ev::sign_declaration(
                &app.state,
                &who.actor,
                call.to_string(),
                grants::i18n::Lang::En,
            )
            .await
            .unwrap();
        }
    }

    pub(crate) fn seat_of(&self, user: &str) -> &Seat {
        [&self.chair, &self.secretary, &self.replacement]
            .into_iter()
            .chain(self.evaluators.iter())
            .find(|p| p.id == user)
            .expect("a committee member")
    }

    pub(crate) fn actor_for(&self, user: &str) -> &Actor {
        [&self.chair, &self.secretary, &self.replacement]
            .into_iter()
            .chain(self.evaluators.iter())
            .find(|p| p.id == user)
            .map(|p| &p.actor)
            .expect("a committee member")
    }
}

/// Seats a complete committee on a call (Delegation staff acting).
pub(crate) async fn committee_for(app: &TestApp, staff: &Actor, call: &str) -> Committee {
    let chair = person(app, "chair", Role::Evaluator).await;
    let secretary = person(app, "secretary", Role::Evaluator).await;
    let mut evaluators = Vec::new();
    for i in 0..3 {
        evaluators.push(person(app, &format!("eval{i}"), Role::Evaluator).await);
    }
    let replacement = person(app, "replacement", Role::Evaluator).await;
    seat(app, staff, call, &chair, "chair").await;
    seat(app, staff, call, &secretary, "secretary").await;
    for e in &evaluators {
        seat(app, staff, call, e, "evaluator").await;
    }
    seat(app, staff, call, &replacement, "replacement").await;
    Committee {
        chair,
        secretary,
        evaluators,
        replacement,
    }
}

/// SEL-03: the chair submits the concept-note report and a Delegation officer with no
/// seat on the committee (`staff`) signs the declaration and approves it.
pub(crate) async fn concept_report_approved(
    app: &TestApp,
    chair: &Actor,
    staff: &Actor,
    call: &str,
) {
    grants::services::award::submit_report(&app.state, chair, call.to_string())
        .await
        .expect("the concept-note report is submitted");
    // Signed already or not: the approver has signed it after this.
    let _ = ev::sign_declaration(&app.state, staff, call.to_string(), grants::i18n::Lang::En).await;
    grants::services::award::decide_report(
        &app.state,
        staff,
        call.to_string(),
        true,
        String::new(),
    )
    .await
    .expect("the concept-note report is approved");
}

/// SEL-03 in a restricted call after its deadline: a committee seated and signed, every
/// received concept note assessed (4 for every sub-criterion), the concept-note report
/// submitted by the chair and approved by `staff`. The shortlist is not invited yet.
pub(crate) async fn through_the_concept_stage(
    app: &TestApp,
    staff: &Actor,
    call: &str,
) -> Committee {
    let committee = committee_for(app, staff, call).await;
    committee.sign_all(app, call).await;
    ev::assign_automatically(
        &app.state,
        &committee.chair.actor,
        call.to_string(),
        EvaluationStage::Concept,
    )
    .await
    .unwrap();
    score_all(app, &committee, call, EvaluationStage::Concept, |_| {
        (4, vec![])
    })
    .await;
    concept_report_approved(app, &committee.chair.actor, staff, call).await;
    committee
}

/// Every open assignment of the stage answered and scored: `plan(application id)`
/// gives the score for every sub-criterion and the exceptions by code.
pub(crate) async fn score_all(
    app: &TestApp,
    c: &Committee,
    call: &str,
    stage: EvaluationStage,
    plan: impl Fn(&String) -> (i64, Vec<(&'static str, i64)>),
) {
    let row = grants::db::calls::find(&mut app.state.pool.get().unwrap(), call)
        .unwrap()
        .unwrap();
    let grid: Grid = serde_json::from_str(match stage {
        EvaluationStage::Concept => &row.concept_note_grid,
        EvaluationStage::Full => &row.full_application_grid,
    })
    .unwrap();
    let rows = grants::db::evaluation::assignments_of_call(
        &mut app.state.pool.get().unwrap(),
        call,
        stage.as_str(),
    )
    .unwrap();
    for r in rows.iter().filter(|r| r.status == "pending") {
        let (score_all, except) = plan(&r.application_id);
        score(
            app,
            c.actor_for(&r.assessor_id),
            &r.id,
            sheet(&grid, score_all, &except),
        )
        .await;
    }
}

struct Setup {
    call: String,
    apps: Vec<String>,
    staff: Actor,
    chair: Seat,
    secretary: Seat,
    evaluators: Vec<Seat>,
    replacement: Seat,
}

async fn person(app: &TestApp, name: &str, role: Role) -> Seat {
    let email = format!("{name}-{}@eval.example", uuid::Uuid::new_v4().simple());
    let id = app.create_user(&email, role).await;
    Seat {
        actor: staff(&id, role),
        id,
        email,
    }
}

async fn seat(app: &TestApp, staff: &Actor, call: &str, who: &Seat, role: &str) {
    ev::add_member(
        &app.state,
        staff,
        call.into(),
        who.email.clone(),
        role.into(),
    )
    .await
    .expect("seat given");
}

pub(crate) async fn login(app: &TestApp, who: &Seat) -> Client {
    let client = new_client();
    let res = app.login_with(&client, &who.email, PASSWORD).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER, "{} logs in", who.email);
    client
}

/// A published restricted call with `n` concept notes received, a complete committee
/// (3 evaluators), every member signed, and the clock after the deadline.
async fn evaluation_setup(app: &TestApp, reference: &str, n: usize, sign: bool) -> Setup {
    evaluation_setup_from(app, reference, 0, n, sign).await
}

/// The same, with applicants numbered from `from` (two calls in one test).
async fn evaluation_setup_from(
    app: &TestApp,
    reference: &str,
    from: usize,
    n: usize,
    sign: bool,
) -> Setup {
    let (_, staff_actor) = delegation(app).await;
    let pid = programme(
        app,
        &staff_actor,
        today(app) - Duration::days(30),
        &format!("P-{reference}"),
    )
    .await;
    let call = published_call(app, &staff_actor, &pid, reference, 60).await;
    let apps = crate::received::received(app, &call, from, n, 0).await;
    let Committee {
        chair,
        secretary,
        evaluators,
        replacement,
    } = committee_for(app, &staff_actor, &call).await;
    let deadline = crate::calls::deadline_of(app, &call);
    app.clock.freeze_at(deadline + Duration::seconds(1));
    if sign {
        for who in [&chair, &secretary, &replacement]
            .into_iter()
            .chain(evaluators.iter())
        {
            ev::sign_declaration(&app.state, &who.actor, call.clone(), grants::i18n::Lang::En)
                .await
                .unwrap();
        }
    }
    Setup {
        call,
        apps,
        staff: staff_actor,
        chair,
        secretary,
        evaluators,
        replacement,
    }
}

/// A complete sheet giving every sub-criterion the same score (overrides by code).
fn sheet(grid: &Grid, score: i64, overrides: &[(&str, i64)]) -> ScoreSheet {
    let mut s = ScoreSheet::default();
    for section in scored_sections(grid) {
        let scores: BTreeMap<String, i64> = section
            .criteria
            .iter()
            .map(|c| {
                let v = overrides
                    .iter()
                    .find(|(code, _)| *code == c.code)
                    .map_or(score, |(_, v)| *v);
                (c.code.clone(), v)
            })
            .collect();
        s.sections.insert(
            section.code.clone(),
            SectionSheet {
                scores,
                comment: format!("Comment on {}", section.code),
            },
        );
    }
    s
}

fn assignments(app: &TestApp, call: &str) -> Vec<grants::db::evaluation::AssignmentRow> {
    grants::db::evaluation::assignments_of_call(&mut app.state.pool.get().unwrap(), call, "concept")
        .unwrap()
}

/// The assessor accepts (no conflict) and submits a sheet through the services.
async fn score(app: &TestApp, who: &Actor, assignment: &str, sheet: ScoreSheet) {
    ev::answer_conflict(&app.state, who, assignment.into(), false, String::new())
        .await
        .unwrap();
    ev::save_sheet(&app.state, who, assignment.into(), Some(sheet), true)
        .await
        .unwrap();
}

fn actor_for<'a>(s: &'a Setup, user: &str) -> &'a Actor {
    [&s.chair, &s.secretary, &s.replacement]
        .into_iter()
        .chain(s.evaluators.iter())
        .find(|p| p.id == user)
        .map(|p| &p.actor)
        .expect("a committee member")
}

fn concept_grid(app: &TestApp, call: &str) -> Grid {
    let row = grants::db::calls::find(&mut app.state.pool.get().unwrap(), call)
        .unwrap()
        .unwrap();
    serde_json::from_str(&row.concept_note_grid).unwrap()
}

async fn the_committee_is_set_up_per_call_and_must_be_complete(app: TestApp) {
    let (client, staff_actor) = delegation(&app).await;
    let pid = programme(
        &app,
        &staff_actor,
        today(&app) - Duration::days(30),
        "P-COM",
    )
    .await;
    let call = published_call(&app, &staff_actor, &pid, "CALL-COM", 60).await;
    let pid2 = programme(
        &app,
        &staff_actor,
        today(&app) - Duration::days(30),
        "P-COM-2",
    )
    .await;
    let other = published_call(&app, &staff_actor, &pid2, "CALL-COM-2", 60).await;
    let page_path = format!("/manage/calls/{call}/committee");
    let page = body(app.get_with(&client, &page_path).await).await;
    assert!(
        page.contains("There is no chair.") && page.contains("at least three voting evaluators")
    );
    // Applicants cannot sit on a committee; unknown addresses are named as such.
    let applicant = person(&app, "applicant", Role::Applicant).await;
    let res = app
        .post_form_with(
            &client,
            &page_path,
            &[("email", &applicant.email), ("role", "evaluator")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body(res)
        .await
        .contains("Only evaluators and EU Delegation staff"));
    let res = app
        .post_form_with(
            &client,
            &page_path,
            &[("email", "nobody@eval.example"), ("role", "chair")],
        )
        .await;
    assert!(body(res)
        .await
        .contains("No active account has this email address."));
    let res = app
        .post_form_with(&client, &page_path, &[("email", ""), ("role", "pope")])
        .await;
    let text = body(res).await;
    assert!(text.contains("Choose a role on the committee.") && text.contains("Enter the person"));
    // Build it through the page: chair, secretary, three evaluators, a replacement.
    let mut people = Vec::new();
    for (name, role) in [
        ("chair", "chair"),
        ("secretary", "secretary"),
        ("e1", "evaluator"),
        ("e2", "evaluator"),
        ("e3", "evaluator"),
        ("e4", "evaluator"),
        ("replacement", "replacement"),
    ] {
        let p = person(&app, name, Role::Evaluator).await;
        let res = app
            .post_form_with(&client, &page_path, &[("email", &p.email), ("role", role)])
            .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER, "{name} seated");
        people.push(p);
    }
    // Four voting evaluators: even, refused as a composition.
    let page = body(app.get_with(&client, &page_path).await).await;
    assert!(page.contains("must be odd"));
    // The same person twice on one committee is refused.
    let res = app
        .post_form_with(
            &client,
            &page_path,
            &[("email", &people[2].email), ("role", "observer")],
        )
        .await;
    assert!(body(res).await.contains("already has a seat"));
    // Remove the fourth evaluator: complete.
    let members =
        grants::db::evaluation::members(&mut app.state.pool.get().unwrap(), &call).unwrap();
    let e4 = members
        .iter()
        .find(|m| m.row.user_id == people[5].id)
        .unwrap();
    let res = app
        .post_form_with(&client, &format!("{page_path}/{}/remove", e4.row.id), &[])
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let page = body(app.get_with(&client, &page_path).await).await;
    assert!(page.contains("The committee is complete"), "{page}");
    crate::helpers::dump_page("committee", &page);
    // The seat is told by email, in the person's language, with the link to sign.
    let mail = app
        .wait_for_mail(&people[0].email, "Evaluation committee")
        .await;
    assert!(mail.body.contains(&format!("/evaluation/calls/{call}")));
    // Roles are per call: the chair of one call has no seat in the other.
    let chair = login(&app, &people[0]).await;
    assert_eq!(
        app.get_with(&chair, &format!("/evaluation/calls/{call}"))
            .await
            .status(),
        StatusCode::OK
    );
    assert_eq!(
        app.get_with(&chair, &format!("/evaluation/calls/{other}"))
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    let list = body(app.get_with(&chair, "/evaluation").await).await;
    assert!(list.contains("CALL-COM") && !list.contains("CALL-COM-2"));
    // An evaluator cannot set up a committee; an applicant does not reach evaluation.
    let res = app
        .post_form_with(
            &chair,
            &page_path,
            &[("email", &people[1].email), ("role", "observer")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let applicant_client = login(&app, &applicant).await;
    assert_eq!(
        app.get_with(&applicant_client, "/evaluation")
            .await
            .status(),
        StatusCode::FORBIDDEN
    );
    let actions = app.audit_actions().await;
    assert!(actions.contains(&"committee.member_added".to_string()));
    assert!(actions.contains(&"committee.member_removed".to_string()));
}

async fn nothing_is_seen_before_the_declaration_and_a_conflict_removes_the_assessor(app: TestApp) {
    let s = evaluation_setup(&app, "CALL-DEC", 3, false).await;
    let chair = login(&app, &s.chair).await;
    let board = format!("/evaluation/calls/{}/board?stage=concept", s.call);
    // The chair has not signed: the board and the assignment are hidden (404).
    assert_eq!(
        app.get_with(&chair, &board).await.status(),
        StatusCode::NOT_FOUND
    );
    let res = app
        .post_form_with(
            &chair,
            &format!("/evaluation/calls/{}/assign", s.call),
            &[("stage", "concept")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    // The call page offers the declaration; signing records text, version and time.
    let page = body(
        app.get_with(&chair, &format!("/evaluation/calls/{}", s.call))
            .await,
    )
    .await;
    assert!(
        page.contains("Declaration of impartiality and confidentiality")
            && page.contains("CALL-DEC")
    );
    crate::helpers::dump_page("declaration", &page);
    let res = app
        .post_form_with(
            &chair,
            &format!("/evaluation/calls/{}/declaration", s.call),
            &[],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let signed = grants::db::evaluation::declaration(
        &mut app.state.pool.get().unwrap(),
        &s.call,
        &s.chair.id,
    )
    .unwrap()
    .expect("signed");
    assert!(signed.text.contains("CALL-DEC") && signed.version == ev::DECLARATION_VERSION);
    assert_eq!(signed.text_sha256.len(), 64);
    assert_eq!(app.get_with(&chair, &board).await.status(), StatusCode::OK);
    // Automatic assignment: two assessors each, among the three evaluators.
    let res = app
        .post_form_with(
            &chair,
            &format!("/evaluation/calls/{}/assign", s.call),
            &[("stage", "concept")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let rows = assignments(&app, &s.call);
    assert_eq!(rows.len(), 6);
    let first = rows[0].clone();
    let assessor = s
        .evaluators
        .iter()
        .find(|e| e.id == first.assessor_id)
        .unwrap();
    let client = login(&app, assessor).await;
    let path = format!("/evaluation/assignments/{}", first.id);
    // Not signed: even their own assignment is not there.
    assert_eq!(
        app.get_with(&client, &path).await.status(),
        StatusCode::NOT_FOUND
    );
    ev::sign_declaration(
        &app.state,
        &assessor.actor,
        s.call.clone(),
        grants::i18n::Lang::En,
    )
    .await
    .unwrap();
    // Signed: the conflict question first, and no content yet.
    let page = body(app.get_with(&client, &path).await).await;
    assert!(page.contains("Do you have a conflict of interest"));
    assert!(
        !page.contains("Why it matters."),
        "no content before the conflict answer"
    );
    crate::helpers::dump_page("conflict-question", &page);
    // Scoring before answering is refused.
    let res = app
        .post_form_with(&client, &format!("{path}/sheet"), &[("score-1.1", "3")])
        .await;
    assert!(location_of(&res).contains(&path));
    // Someone else's assignment is not there (404), even for a signed evaluator.
    let others: Vec<_> = rows
        .iter()
        .filter(|r| r.assessor_id != assessor.id)
        .collect();
    assert_eq!(
        app.get_with(
            &client,
            &format!("/evaluation/assignments/{}", others[0].id)
        )
        .await
        .status(),
        StatusCode::NOT_FOUND
    );
    // A conflict needs its explanation; then it removes the assessor and tells the chair.
    let res = app
        .post_form_with(
            &client,
            &format!("{path}/conflict"),
            &[("answer", "conflict"), ("note", "")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body(res)
        .await
        .contains("Say what the conflict of interest is."));
    let res = app
        .post_form_with(
            &client,
            &format!("{path}/conflict"),
            &[
                ("answer", "conflict"),
                ("note", "My cousin runs the applicant."),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        app.get_with(&client, &path).await.status(),
        StatusCode::NOT_FOUND
    );
    app.wait_for_mail(&s.chair.email, "Conflict of interest declared")
        .await;
    // The chair replaces: the replacement evaluator takes it; the history stays.
    let res = app
        .post_form_with(
            &chair,
            &format!(
                "/evaluation/calls/{}/assignments/{}/replace",
                s.call, first.id
            ),
            &[],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let rows: Vec<_> = assignments(&app, &s.call)
        .into_iter()
        .filter(|r| r.application_id == first.application_id)
        .collect();
    assert_eq!(rows.len(), 3);
    let old = rows.iter().find(|r| r.id == first.id).unwrap();
    assert_eq!(old.status, "conflicted");
    assert_eq!(
        old.conflict_note.as_deref(),
        Some("My cousin runs the applicant.")
    );
    let new = rows
        .iter()
        .find(|r| r.replaces_id.as_deref() == Some(first.id.as_str()))
        .unwrap();
    assert_eq!(new.assessor_id, s.replacement.id);
    assert_eq!(new.origin, "replacement");
    // Replacing twice is refused; the conflicted assessor is never reassigned by hand.
    let again = ev::replace_assessor(
        &app.state,
        &s.chair.actor,
        s.call.clone(),
        first.id.clone(),
        None,
    )
    .await;
    assert!(matches!(
        again,
        Err(grants::error::AppError::Conflict(
            "error-assignment-already-replaced"
        ))
    ));
    let by_hand = ev::assign_manually(
        &app.state,
        &s.chair.actor,
        s.call.clone(),
        EvaluationStage::Concept,
        first.application_id.clone(),
        assessor.id.clone(),
    )
    .await;
    assert!(matches!(
        by_hand,
        Err(grants::error::AppError::Validation(_))
    ));
    // After a "no conflict" the content shows.
    ev::sign_declaration(
        &app.state,
        &s.replacement.actor,
        s.call.clone(),
        grants::i18n::Lang::En,
    )
    .await
    .unwrap();
    let rep = login(&app, &s.replacement).await;
    let rep_path = format!("/evaluation/assignments/{}", new.id);
    let res = app
        .post_form_with(&rep, &format!("{rep_path}/conflict"), &[("answer", "none")])
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let page = body(app.get_with(&rep, &rep_path).await).await;
    assert!(page.contains("Why it matters.") && page.contains("Submit your scores"));
    crate::helpers::dump_page("score-sheet", &page);
    let actions = app.audit_actions().await;
    for a in [
        "committee.declaration_signed",
        "evaluation.assigned",
        "evaluation.conflict_declared",
        "evaluation.no_conflict_confirmed",
    ] {
        assert!(actions.contains(&a.to_string()), "{a} audited");
    }
}

fn location_of(res: &reqwest::Response) -> String {
    crate::helpers::location(res)
}

async fn scores_stay_hidden_until_submitted_and_divergence_brings_a_further_assessor(app: TestApp) {
    let s = evaluation_setup(&app, "CALL-SCO", 1, true).await;
    let grid = concept_grid(&app, &s.call);
    let done = ev::assign_automatically(
        &app.state,
        &s.chair.actor,
        s.call.clone(),
        EvaluationStage::Concept,
    )
    .await
    .unwrap();
    assert_eq!(done.assigned, 2);
    let rows = assignments(&app, &s.call);
    let (a, b) = (rows[0].clone(), rows[1].clone());
    let who_a = s.evaluators.iter().find(|e| e.id == a.assessor_id).unwrap();
    let who_b = s.evaluators.iter().find(|e| e.id == b.assessor_id).unwrap();
    let client_a = login(&app, who_a).await;
    let path_a = format!("/evaluation/assignments/{}", a.id);
    app.post_form_with(
        &client_a,
        &format!("{path_a}/conflict"),
        &[("answer", "none")],
    )
    .await;
    // GRD-01 at the edges: 6 and 0 are refused, with the field named, in a 422 page.
    let res = app
        .post_form_with(
            &client_a,
            &format!("{path_a}/sheet"),
            &[("score-1.1", "6"), ("score-1.2", "0")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = body(res).await;
    assert!(page.contains("Choose a score from 1 to 5.") && page.contains("Error:"));
    // A partial draft saves; submitting it is refused until complete.
    let res = app
        .post_form_with(
            &client_a,
            &format!("{path_a}/sheet"),
            &[("score-1.1", "5"), ("comment-1", "Strong.")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    // The assessor is told (the message was lost before).
    let page = body(app.get_with(&client_a, &location_of(&res)).await).await;
    assert!(page.contains("Your scores are saved."), "{page}");
    let res = app
        .post_form_with(&client_a, &format!("{path_a}/submit"), &[])
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body(res).await.contains("Score this sub-criterion."));
    // The full sheet through the form: every score 5 (50 of 50), then submitted.
    let mut fields: Vec<(String, String)> = Vec::new();
    for section in scored_sections(&grid) {
        for c in &section.criteria {
            fields.push((format!("score-{}", c.code), "5".into()));
        }
        fields.push((format!("comment-{}", section.code), "Very good.".into()));
    }
    let f: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let res = app
        .post_form_with(&client_a, &format!("{path_a}/sheet"), &f)
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let page = body(app.get_with(&client_a, &path_a).await).await;
    assert!(page.contains("50 / 50") && page.contains("Submit final scores"));
    let res = app
        .post_form_with(&client_a, &format!("{path_a}/submit"), &[])
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    // Submitting again (a double click) changes nothing.
    let again = ev::save_sheet(&app.state, &who_a.actor, a.id.clone(), None, true).await;
    assert!(matches!(again, Err(grants::error::AppError::Conflict(_))));
    // B has not submitted: B's page does not show A's total; A sees nothing of B yet.
    ev::answer_conflict(&app.state, &who_b.actor, b.id.clone(), false, String::new())
        .await
        .unwrap();
    let client_b = login(&app, who_b).await;
    let page_b = body(
        app.get_with(&client_b, &format!("/evaluation/assignments/{}", b.id))
            .await,
    )
    .await;
    assert!(!page_b.contains("Other assessors"));
    // The secretary (who sees all) sees A's 50 on the board; the application is still scoring.
    let sec = login(&app, &s.secretary).await;
    let board_path = format!("/evaluation/calls/{}/board?stage=concept", s.call);
    let board = body(app.get_with(&sec, &board_path).await).await;
    assert!(board.contains("Being scored"));
    // B scores 34: 16 apart, one more than the threshold of 15 → divergent.
    ev::save_sheet(
        &app.state,
        &who_b.actor,
        b.id.clone(),
        Some(sheet(&grid, 3, &[("1.3", 4), ("1.4", 5), ("2.2", 3)])),
        false,
    )
    .await
    .unwrap();
    let sheet_b = sheet(&grid, 3, &[("1.1", 4), ("1.2", 4)]);
    assert_eq!(grants::domain::evaluation::sheet_total(&grid, &sheet_b), 34);
    ev::save_sheet(&app.state, &who_b.actor, b.id.clone(), Some(sheet_b), true)
        .await
        .unwrap();
    let page_b = body(
        app.get_with(&client_b, &format!("/evaluation/assignments/{}", b.id))
            .await,
    )
    .await;
    assert!(page_b.contains("Other assessors") && page_b.contains("50"));
    crate::helpers::dump_page("sheet-submitted", &page_b);
    // EVC-03: a further assessor is assigned automatically (the third evaluator).
    let rows = assignments(&app, &s.call);
    assert_eq!(rows.len(), 3);
    let c = rows
        .iter()
        .find(|r| r.origin == "divergence")
        .unwrap()
        .clone();
    assert!(c.assessor_id != a.assessor_id && c.assessor_id != b.assessor_id);
    let who_c = s.evaluators.iter().find(|e| e.id == c.assessor_id).unwrap();
    app.wait_for_mail(&who_c.email, "Applications to assess")
        .await;
    // The chair cannot resolve while the third sheet is open.
    let early = ev::resolve_divergence(
        &app.state,
        &s.chair.actor,
        s.call.clone(),
        s.apps[0].clone(),
        EvaluationStage::Concept,
        "Discussed.".into(),
    )
    .await;
    assert!(matches!(
        early,
        Err(grants::error::AppError::Conflict(
            "error-resolution-scoring-open"
        ))
    ));
    score(&app, &who_c.actor, &c.id, sheet(&grid, 4, &[])).await;
    let chair = login(&app, &s.chair).await;
    let board = body(app.get_with(&chair, &board_path).await).await;
    assert!(board.contains("Divergent scores") && board.contains("Record the resolution"));
    crate::helpers::dump_page("board-divergent", &board);
    // An empty resolution is refused; a reasoned one makes the result final.
    let res = app
        .post_form_with(
            &chair,
            &format!("/evaluation/calls/{}/resolutions", s.call),
            &[
                ("stage", "concept"),
                ("application", &s.apps[0]),
                ("note", " "),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert!(grants::db::evaluation::resolution(
        &mut app.state.pool.get().unwrap(),
        &s.apps[0],
        "concept"
    )
    .unwrap()
    .is_none());
    app.post_form_with(
        &chair,
        &format!("/evaluation/calls/{}/resolutions", s.call),
        &[
            ("stage", "concept"),
            ("application", &s.apps[0]),
            (
                "note",
                "The committee discussed B's reading of 1.1 and kept all three scores.",
            ),
        ],
    )
    .await;
    let board = body(app.get_with(&chair, &board_path).await).await;
    // (50 + 34 + 40) / 3 = 41.33
    assert!(
        board.contains("41.33") && board.contains("kept all three scores"),
        "{board}"
    );
    assert!(board.contains("Provisionally selected"));
    // Only the chair runs the evaluation: the secretary's POST is hidden.
    let res = app
        .post_form_with(
            &sec,
            &format!("/evaluation/calls/{}/assign", s.call),
            &[("stage", "concept")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    // The auditor reads the board, changes nothing.
    let (auditor, _) = app.client_as(Role::Auditor).await;
    assert_eq!(
        app.get_with(&auditor, &board_path).await.status(),
        StatusCode::OK
    );
    let res = app
        .post_form_with(
            &auditor,
            &format!("/evaluation/calls/{}/assign", s.call),
            &[("stage", "concept")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let actions = app.audit_actions().await;
    for a in [
        "evaluation.sheet_saved",
        "evaluation.sheet_submitted",
        "evaluation.divergence_flagged",
        "evaluation.divergence_resolved",
    ] {
        assert!(actions.contains(&a.to_string()), "{a} audited");
    }
    // Kazakh and Russian boards render.
    for lang in ["kk", "ru"] {
        app.post_form_with(&chair, "/language", &[("lang", lang)])
            .await;
        let page = body(app.get_with(&chair, &board_path).await).await;
        assert!(page.contains("41,33"), "{lang}");
        crate::helpers::dump_page(&format!("board-{lang}"), &page);
    }
}

async fn ranking_thresholds_shortlist_and_selection_follow_the_scores(app: TestApp) {
    let s = evaluation_setup(&app, "CALL-RNK", 5, true).await;
    let grid = concept_grid(&app, &s.call);
    ev::assign_automatically(
        &app.state,
        &s.chair.actor,
        s.call.clone(),
        EvaluationStage::Concept,
    )
    .await
    .unwrap();
    // Both assessors of application i give the same sheet: totals 50, 40, 30, 29, 40
    // (the last ties with the second on total; its relevance is lower).
    let sheets: Vec<ScoreSheet> = vec![
        sheet(&grid, 5, &[]),
        sheet(&grid, 4, &[]),
        sheet(&grid, 3, &[]),
        sheet(&grid, 3, &[("1.4", 2)]),
        sheet(&grid, 4, &[("1.1", 3), ("2.1", 5)]),
    ];
    assert_eq!(
        grants::domain::evaluation::sheet_total(&grid, &sheets[3]),
        29
    );
    assert_eq!(
        grants::domain::evaluation::sheet_total(&grid, &sheets[4]),
        40
    );
    for row in assignments(&app, &s.call) {
        let i = s
            .apps
            .iter()
            .position(|a| *a == row.application_id)
            .unwrap();
        score(
            &app,
            actor_for(&s, &row.assessor_id),
            &row.id,
            sheets[i].clone(),
        )
        .await;
    }
    let board = ev::board(
        &app.state,
        &s.secretary.actor,
        s.call.clone(),
        EvaluationStage::Concept,
        HashMap::new(),
    )
    .await
    .unwrap();
    let lot = board.lots.iter().find(|l| !l.rows.is_empty()).unwrap();
    let order: Vec<(usize, Option<usize>)> = lot
        .rows
        .iter()
        .map(|r| (s.apps.iter().position(|a| *a == r.app.id).unwrap(), r.rank))
        .collect();
    // GRD-06: 50, then the two 40s by relevance (app 1's relevance 24 > app 4's 22), then 30; 29 is below the pass.
    assert_eq!(
        order,
        vec![
            (0, Some(1)),
            (1, Some(2)),
            (4, Some(3)),
            (2, Some(4)),
            (3, None)
        ]
    );
    let below = lot.rows.iter().find(|r| r.app.id == s.apps[3]).unwrap();
    assert_eq!(
        below.failure,
        Some(grants::domain::evaluation::ThresholdFailure::ConceptBelowPass)
    );
    // 30 is the last allowed score.
    assert!(lot
        .rows
        .iter()
        .find(|r| r.app.id == s.apps[2])
        .unwrap()
        .failure
        .is_none());
    // SEL-01 with a what-if envelope: exactly the first two requests fit.
    let requested: Vec<i64> = lot
        .rows
        .iter()
        .filter(|r| r.rank.is_some())
        .map(|r| r.app.requested_cents)
        .collect();
    let two = requested[0] + requested[1];
    let what_if = HashMap::from([(lot.lot.id.clone(), two)]);
    let b = ev::board(
        &app.state,
        &s.chair.actor,
        s.call.clone(),
        EvaluationStage::Concept,
        what_if,
    )
    .await
    .unwrap();
    let l = b.lots.iter().find(|l| l.lot.id == lot.lot.id).unwrap();
    let placements: Vec<_> = l.rows.iter().filter_map(|r| r.placement).collect();
    use grants::domain::selection::Placement::*;
    assert_eq!(placements, vec![Selected, Selected, Reserve, Reserve]);
    assert_eq!(l.selected_cents, two);
    // One cent less: the second no longer fits and (strict) everything after it is reserve.
    let what_if = HashMap::from([(lot.lot.id.clone(), two - 1)]);
    let b = ev::board(
        &app.state,
        &s.chair.actor,
        s.call.clone(),
        EvaluationStage::Concept,
        what_if,
    )
    .await
    .unwrap();
    let l = b.lots.iter().find(|l| l.lot.id == lot.lot.id).unwrap();
    let placements: Vec<_> = l.rows.iter().filter_map(|r| r.placement).collect();
    assert_eq!(placements, vec![Selected, Reserve, Reserve, Reserve]);
    // GRD-03: with an envelope of the first request alone, 200% is reached after two.
    let what_if = HashMap::from([(lot.lot.id.clone(), requested[0])]);
    let b = ev::board(
        &app.state,
        &s.chair.actor,
        s.call.clone(),
        EvaluationStage::Concept,
        what_if,
    )
    .await
    .unwrap();
    let l = b.lots.iter().find(|l| l.lot.id == lot.lot.id).unwrap();
    let short: Vec<bool> = l
        .rows
        .iter()
        .filter(|r| r.rank.is_some())
        .map(|r| r.shortlisted)
        .collect();
    let expected = grants::domain::selection::shortlist_len(
        &l.rows
            .iter()
            .filter(|r| r.rank.is_some())
            .map(|r| grants::domain::selection::Candidate {
                id: r.app.id.clone(),
                receipt: r.app.receipt.clone(),
                total: 0,
                relevance: 0,
                capacity: 0,
                requested_cents: r.app.requested_cents,
            })
            .collect::<Vec<_>>(),
        requested[0],
        200,
    );
    assert_eq!(short.iter().filter(|x| **x).count(), expected);
    assert!((2..4).contains(&expected));
    // The page shows the what-if figure and the real one.
    let chair = login(&app, &s.chair).await;
    let page = body(
        app.get_with(
            &chair,
            &format!(
                "/evaluation/calls/{}/board?stage=concept&envelope-{}=1000",
                s.call, lot.lot.id
            ),
        )
        .await,
    )
    .await;
    assert!(page.contains("What-if figure") && page.contains("Below the concept-note threshold"));
    // SEL-03: nobody is invited before the Delegation approves the concept-note report.
    let early = ev::invite_shortlisted(
        &app.state,
        &s.chair.actor,
        s.call.clone(),
        app.clock.now() + Duration::days(31),
    )
    .await;
    assert!(
        matches!(
            early,
            Err(grants::error::AppError::Conflict(
                "error-invite-report-not-approved"
            ))
        ),
        "{early:?}"
    );
    concept_report_approved(&app, &s.chair.actor, &s.staff, &s.call).await;
    // The report names the shortlist and the note below the threshold, rejected.
    let report =
        grants::db::evaluation::reports_of(&mut app.state.pool.get().unwrap(), &s.call).unwrap();
    assert_eq!(
        (report[0].stage.as_str(), report[0].status.as_str()),
        ("concept", "approved")
    );
    let decisions =
        grants::db::evaluation::decisions_of(&mut app.state.pool.get().unwrap(), &s.call).unwrap();
    assert_eq!(
        decisions.len(),
        1,
        "only the rejected are decided at this stage"
    );
    assert_eq!(
        (
            decisions[0].application_id.as_str(),
            decisions[0].reason.as_deref()
        ),
        (s.apps[3].as_str(), Some("below_threshold"))
    );
    // NOT-01: the shortlist is told first (invited), the others after.
    let others = grants::services::award::notify(
        &app.state,
        &s.staff,
        s.call.clone(),
        grants::services::award::Batch::Unsuccessful,
    )
    .await;
    assert!(
        matches!(
            others,
            Err(grants::error::AppError::Conflict(
                "error-notify-invite-first"
            ))
        ),
        "{others:?}"
    );
    // GRD-03 + CFP-02: the chair invites the shortlist; 29 days is too soon.
    let soon = app.clock.now() + Duration::days(29);
    let r = ev::invite_shortlisted(&app.state, &s.chair.actor, s.call.clone(), soon).await;
    assert!(
        matches!(r, Err(grants::error::AppError::Validation(_))),
        "{r:?}"
    );
    let secretary = ev::invite_shortlisted(
        &app.state,
        &s.secretary.actor,
        s.call.clone(),
        app.clock.now() + Duration::days(31),
    )
    .await;
    assert!(matches!(secretary, Err(grants::error::AppError::NotFound)));
    let invited = ev::invite_shortlisted(
        &app.state,
        &s.chair.actor,
        s.call.clone(),
        app.clock.now() + Duration::days(31),
    )
    .await
    .unwrap();
    // The real envelope (EUR 900,000) holds every ranked note within 200%: four invited,
    // the note below the threshold is not.
    assert_eq!(invited, 4);
    let conn = &mut app.state.pool.get().unwrap();
    for (i, id) in s.apps.iter().enumerate() {
        let a = grants::db::applications::find(conn, id).unwrap().unwrap();
        assert_eq!(a.invited_at.is_some(), i != 3, "application {i}");
    }
    app.wait_for_mail("r0@ngo.example", "Invitation to submit a full application")
        .await;
    // Inviting again finds nobody waiting.
    let again = ev::invite_shortlisted(
        &app.state,
        &s.chair.actor,
        s.call.clone(),
        app.clock.now() + Duration::days(31),
    )
    .await;
    assert!(matches!(
        again,
        Err(grants::error::AppError::Conflict(
            "error-invite-none-shortlisted"
        ))
    ));
    // Then the note below the threshold hears why, once.
    let told = grants::services::award::notify(
        &app.state,
        &s.staff,
        s.call.clone(),
        grants::services::award::Batch::Unsuccessful,
    )
    .await
    .unwrap();
    assert_eq!(told, 1);
    app.wait_for_mail("r3@ngo.example", "Result of your application")
        .await;
}

async fn automatic_assignment_is_balanced_and_never_twice_under_parallel_requests(app: TestApp) {
    let s = evaluation_setup(&app, "CALL-PAR", 7, true).await;
    // Eight parallel runs: the call's lock makes them one assignment, the rest no-ops.
    let mut tasks = Vec::new();
    for _ in 0..8 {
        let state = app.state.clone();
        let actor = s.chair.actor.clone();
        let call = s.call.clone();
        tasks.push(tokio::spawn(async move {
            ev::assign_automatically(&state, &actor, call, EvaluationStage::Concept).await
        }));
    }
    let mut total = 0;
    for t in tasks {
        total += t.await.unwrap().unwrap().assigned;
    }
    assert_eq!(total, 14, "7 applications × 2 assessors, once");
    let rows = assignments(&app, &s.call);
    assert_eq!(rows.len(), 14);
    let mut load: HashMap<&str, usize> = HashMap::new();
    for r in &rows {
        *load.entry(r.assessor_id.as_str()).or_default() += 1;
    }
    // Only the three evaluators (never the chair, secretary or replacement), 5/5/4.
    assert_eq!(load.len(), 3);
    let max = load.values().max().unwrap();
    let min = load.values().min().unwrap();
    assert!(max - min <= 1, "{load:?}");
    for app_id in &s.apps {
        let on: Vec<_> = rows
            .iter()
            .filter(|r| &r.application_id == app_id)
            .map(|r| &r.assessor_id)
            .collect();
        assert_eq!(on.len(), 2);
        assert_ne!(on[0], on[1]);
    }
    // Parallel submissions of one sheet: one is stored, the others are refused.
    let grid = concept_grid(&app, &s.call);
    let row = rows[0].clone();
    let who = actor_for(&s, &row.assessor_id).clone();
    ev::answer_conflict(&app.state, &who, row.id.clone(), false, String::new())
        .await
        .unwrap();
    let mut tasks = Vec::new();
    for i in 0..6 {
        let state = app.state.clone();
        let who = who.clone();
        let id = row.id.clone();
        let sh = sheet(&grid, 1 + (i % 5), &[]);
        tasks.push(tokio::spawn(async move {
            ev::save_sheet(&state, &who, id, Some(sh), true).await
        }));
    }
    let mut ok = 0;
    for t in tasks {
        if t.await.unwrap().is_ok() {
            ok += 1;
        }
    }
    assert_eq!(ok, 1);
    let audited = app
        .audit_actions()
        .await
        .iter()
        .filter(|a| *a == "evaluation.sheet_submitted")
        .count();
    assert_eq!(audited, 1);
    let _ = (&s.staff, &s.replacement);
}

async fn the_board_runs_the_same_queries_for_three_or_nine_applications(app: TestApp) {
    use diesel::Connection;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;
    let mut counts = Vec::new();
    for (reference, from, n) in [("CALL-Q3", 0, 3), ("CALL-Q9", 3, 9)] {
        let s = evaluation_setup_from(&app, reference, from, n, true).await;
        let grid = concept_grid(&app, &s.call);
        ev::assign_automatically(
            &app.state,
            &s.chair.actor,
            s.call.clone(),
            EvaluationStage::Concept,
        )
        .await
        .unwrap();
        for row in assignments(&app, &s.call) {
            score(
                &app,
                actor_for(&s, &row.assessor_id),
                &row.id,
                sheet(&grid, 4, &[]),
            )
            .await;
        }
        let count = Arc::new(AtomicUsize::new(0));
        let mut conn = app.state.pool.get().unwrap();
        conn.set_instrumentation(crate::received::Counter(count.clone()));
        let b = ev::board_on(
            &mut conn,
            &s.chair.actor,
            &s.call,
            EvaluationStage::Concept,
            app.clock.now(),
            &HashMap::new(),
        )
        .unwrap();
        conn.set_instrumentation(crate::received::Counter(Arc::new(AtomicUsize::new(0))));
        assert_eq!(b.lots.iter().map(|l| l.rows.len()).sum::<usize>(), n);
        counts.push(count.load(Ordering::SeqCst));
    }
    assert_eq!(counts[0], counts[1], "no query per row");
    assert!(counts[0] <= 12, "{counts:?}");
}

async fn the_api_runs_the_evaluation_with_the_same_seats_and_rules(app: TestApp) {
    use serde_json::{json, Value};
    let s = evaluation_setup(&app, "CALL-API", 1, false).await;
    let token = |who: &Seat| {
        let email = who.email.clone();
        let app = &app;
        async move { crate::account_security::token_of(app, &email, PASSWORD).await }
    };
    let http = new_client();
    let chair = token(&s.chair).await;
    // The Delegation reads the committee; an evaluator may not.
    let delegation_email = format!(
        "api-delegation-{}@eval.example",
        uuid::Uuid::new_v4().simple()
    );
    app.create_user(&delegation_email, Role::Delegation).await;
    let delegation = crate::account_security::token_of(&app, &delegation_email, PASSWORD).await;
    let res = http
        .get(app.url(&format!("/api/v1/calls/{}/committee", s.call)))
        .bearer_auth(&delegation)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let committee: Value = res.json().await.unwrap();
    assert_eq!(committee["members"].as_array().unwrap().len(), 6);
    assert_eq!(committee["problems"], json!([]));
    let res = http
        .post(app.url(&format!("/api/v1/calls/{}/committee", s.call)))
        .bearer_auth(&delegation)
        .json(&json!({"email": "nobody@eval.example", "role": "observer"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let problem: Value = res.json().await.unwrap();
    assert_eq!(problem["errors"][0]["field"], "email");
    // Before signing, the ranking is not there for the chair (404); after, it is.
    let ranking = app.url(&format!("/api/v1/calls/{}/ranking?stage=concept", s.call));
    let res = http.get(&ranking).bearer_auth(&chair).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let res = http
        .post(app.url(&format!("/api/v1/calls/{}/declaration", s.call)))
        .bearer_auth(&chair)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    let res = http
        .post(app.url(&format!("/api/v1/calls/{}/assignments", s.call)))
        .bearer_auth(&chair)
        .json(&json!({"stage": "later"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let res = http
        .post(app.url(&format!("/api/v1/calls/{}/assignments", s.call)))
        .bearer_auth(&chair)
        .json(&json!({"stage": "concept"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.json::<Value>().await.unwrap()["assigned"], 2);
    // An assessor works through the API: sign, list, answer, score (draft, then submit).
    let row = assignments(&app, &s.call)[0].clone();
    let who = s
        .evaluators
        .iter()
        .find(|e| e.id == row.assessor_id)
        .unwrap();
    let t = token(who).await;
    let mine = app.url(&format!("/api/v1/calls/{}/assignments", s.call));
    let one = app.url(&format!("/api/v1/assignments/{}", row.id));
    assert_eq!(
        http.get(&one)
            .bearer_auth(&t)
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::NOT_FOUND,
        "nothing before the declaration"
    );
    http.post(app.url(&format!("/api/v1/calls/{}/declaration", s.call)))
        .bearer_auth(&t)
        .send()
        .await
        .unwrap();
    let list: Value = http
        .get(&mine)
        .bearer_auth(&t)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(list.as_array().unwrap().len(), 1);
    let grid = concept_grid(&app, &s.call);
    let full = serde_json::to_value(sheet(&grid, 4, &[])).unwrap();
    let res = http
        .put(app.url(&format!("/api/v1/assignments/{}/sheet", row.id)))
        .bearer_auth(&t)
        .json(&json!({"sheet": full, "submit": true}))
        .send()
        .await
        .unwrap();
    assert_eq!(
        res.status(),
        StatusCode::CONFLICT,
        "the conflict question comes first"
    );
    let res = http
        .post(app.url(&format!("/api/v1/assignments/{}/conflict", row.id)))
        .bearer_auth(&t)
        .json(&json!({"conflict": false}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    let res = http
        .put(app.url(&format!("/api/v1/assignments/{}/sheet", row.id)))
        .bearer_auth(&t)
        .json(&json!({"sheet": {"sections": {"1": {"scores": {"1.1": 6}, "comment": ""}}}, "submit": false}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let problem: Value = res.json().await.unwrap();
    assert_eq!(problem["errors"][0]["field"], "score-1.1");
    assert_eq!(
        problem["errors"][0]["message"],
        "Choose a score from 1 to 5."
    );
    let res = http
        .put(app.url(&format!("/api/v1/assignments/{}/sheet", row.id)))
        .bearer_auth(&t)
        .json(&json!({"sheet": full, "submit": true}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let out: Value = res.json().await.unwrap();
    assert_eq!(out["status"], "submitted");
    assert_eq!(out["total"], 40);
    // Another evaluator cannot read this assignment.
    let other = s
        .evaluators
        .iter()
        .find(|e| e.id != row.assessor_id)
        .unwrap();
    let t2 = token(other).await;
    http.post(app.url(&format!("/api/v1/calls/{}/declaration", s.call)))
        .bearer_auth(&t2)
        .send()
        .await
        .unwrap();
    assert_eq!(
        http.get(&one)
            .bearer_auth(&t2)
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::NOT_FOUND
    );
    // The chair's ranking shows the sheet by code, still scoring (one of two in).
    let r: Value = http
        .get(&ranking)
        .bearer_auth(&chair)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let rows: Vec<&Value> = r
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|l| l["applications"].as_array().unwrap())
        .collect();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["progress"], "scoring");
    assert!(rows[0]["sheets"][0]["code"]
        .as_str()
        .unwrap()
        .starts_with('A'));
    // The evaluator's ranking request is hidden; an applicant's is forbidden.
    assert_eq!(
        http.get(&ranking)
            .bearer_auth(&t)
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::NOT_FOUND
    );
    // The OpenAPI document lists the evaluation operations.
    let doc: Value = http
        .get(app.url("/api/v1/openapi.json"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    for path in [
        "/api/v1/calls/{id}/ranking",
        "/api/v1/assignments/{id}/sheet",
        "/api/v1/calls/{id}/committee",
    ] {
        assert!(doc["paths"].get(path).is_some(), "{path} documented");
    }
}

async fn the_secretary_records_the_administrative_check_of_their_call(app: TestApp) {
    let s = evaluation_setup(&app, "CALL-ADS", 2, true).await;
    let secretary = login(&app, &s.secretary).await;
    let evaluator = login(&app, &s.evaluators[0]).await;
    let page_of = |id: &str| format!("/evaluation/applications/{id}");
    // The secretary reads the received application of their call and may record ADM-02.
    let page = body(app.get_with(&secretary, &page_of(&s.apps[0])).await).await;
    assert!(page.contains("Record the check") && page.contains("Why it matters."));
    crate::helpers::dump_page("secretary-check", &page);
    // A voting evaluator does not read applications outside their assignments; nor does
    // anyone from another call's committee.
    assert_eq!(
        app.get_with(&evaluator, &page_of(&s.apps[0]))
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    let form = crate::received::check_form(Some(("declaration", "Not signed.")));
    let fields: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let res = app
        .post_form_with(
            &evaluator,
            &format!("/manage/applications/{}/check", s.apps[0]),
            &fields,
        )
        .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let res = app
        .post_form_with(
            &secretary,
            &format!("/manage/applications/{}/check", s.apps[0]),
            &fields,
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let a = grants::db::applications::find(&mut app.state.pool.get().unwrap(), &s.apps[0])
        .unwrap()
        .unwrap();
    assert_eq!(a.status, "rejected");
    // The board shows it rejected with its reason, out of the ranking.
    let page = body(
        app.get_with(
            &secretary,
            &format!("/evaluation/calls/{}/board?stage=concept", s.call),
        )
        .await,
    )
    .await;
    assert!(page.contains("Rejected"));
}

/// The report page before any report exists (applications still being scored) answered
/// 500 ("Variable `lots` not found"): it shows the state instead.
async fn the_chair_reads_the_report_page_while_applications_are_still_scored(app: TestApp) {
    let s = evaluation_setup(&app, "CALL-RPT", 3, true).await;
    ev::assign_automatically(
        &app.state,
        &s.chair.actor,
        s.call.clone(),
        EvaluationStage::Concept,
    )
    .await
    .unwrap();
    let chair = login(&app, &s.chair).await;
    let res = app
        .get_with(&chair, &format!("/evaluation/calls/{}/report", s.call))
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let page = body(res).await;
    assert!(page.contains("Evaluation report"), "{page}");
    assert!(
        !page.contains("report.xlsx"),
        "no spreadsheet before the report"
    );
}

/// EVC-02: a conflict is between a person and an applicant. Declared on X's concept note,
/// it keeps the person off X at the full stage, whether assigned automatically, by hand,
/// as a replacement or as a further assessor; and X's content stays closed to them.
async fn a_conflict_declared_at_the_concept_stage_holds_at_the_full_stage_in_every_path(
    app: TestApp,
) {
    let (call, applications, _staff, s) =
        crate::award::two_received_applications(&app, "CALL-COI", ["08014000131", "08014000132"])
            .await;
    let x = applications[0].clone();
    ev::assign_automatically(
        &app.state,
        &s.chair.actor,
        call.clone(),
        EvaluationStage::Concept,
    )
    .await
    .unwrap();
    let on_x = |stage: &str| {
        grants::db::evaluation::assignments_of_call(
            &mut app.state.pool.get().unwrap(),
            &call,
            stage,
        )
        .unwrap()
        .into_iter()
        .filter(|a| a.application_id == x)
        .collect::<Vec<_>>()
    };
    let first = on_x("concept").into_iter().next().expect("X has assessors");
    let person = first.assessor_id.clone();
    let who = s.actor_for(&person).clone();
    ev::answer_conflict(
        &app.state,
        &who,
        first.id.clone(),
        true,
        "My cousin runs it.".into(),
    )
    .await
    .unwrap();
    ev::replace_assessor(
        &app.state,
        &s.chair.actor,
        call.clone(),
        first.id.clone(),
        None,
    )
    .await
    .unwrap();
    score_all(&app, &s, &call, EvaluationStage::Concept, |_| (4, vec![])).await;
    // Automatic assignment at the full stage leaves them off X (4 of 4 runs put them back).
    ev::assign_automatically(
        &app.state,
        &s.chair.actor,
        call.clone(),
        EvaluationStage::Full,
    )
    .await
    .unwrap();
    let full = on_x("full");
    assert!(!full.is_empty());
    assert!(full.iter().all(|a| a.assessor_id != person), "{full:?}");
    // By hand: refused with the reason.
    let refused = ev::assign_manually(
        &app.state,
        &s.chair.actor,
        call.clone(),
        EvaluationStage::Full,
        x.clone(),
        person.clone(),
    )
    .await;
    match refused {
        Err(grants::error::AppError::Validation(e)) => {
            assert_eq!(e[0].code, "error-assign-conflict")
        }
        other => panic!("{other:?}"),
    }
    // As a replacement chosen by the chair: refused too.
    let refused = ev::replace_assessor(
        &app.state,
        &s.chair.actor,
        call.clone(),
        full[0].id.clone(),
        Some(person.clone()),
    )
    .await;
    assert!(
        matches!(refused, Err(grants::error::AppError::Validation(_))),
        "{refused:?}"
    );
    // The content of X stays closed to them.
    let client = login(&app, s.seat_of(&person)).await;
    let res = app
        .get_with(&client, &format!("/evaluation/applications/{x}"))
        .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
}
