//! Steps both of the demonstration's programmes take: publishing a call in three
//! languages, writing and submitting proposals, seating and running the committee.

use chrono::NaiveDateTime;

use super::writing::{sheet, Proposal};
use super::{almaty, at, days, failed, pdf, Cast};
use crate::db::{applications as app_q, calls as call_q, evaluation as ev_q};
use crate::domain::admin_check::{CheckItem, ITEMS};
use crate::domain::calls::CallType;
use crate::domain::evaluation::EvaluationStage;
use crate::domain::grids::Grid;
use crate::domain::money::Money;
use crate::domain::text::Texts;
use crate::error::AppResult;
use crate::i18n::Lang;
use crate::services::calls::{self, CallInput, CallTranslations};
use crate::services::{admin_check, applications, evaluation, full_application, Actor};
use crate::state::AppState;

/// A call as the demonstration publishes it.
pub struct CallPlan<'a> {
    pub reference: &'a str,
    pub title: Texts,
    pub description: Texts,
    /// (envelope in euros, Kazakh title, Russian title) per lot, in order.
    pub lots: [(i64, &'a str, &'a str); 2],
    pub published: NaiveDateTime,
    pub deadline: NaiveDateTime,
}

/// Creates the call the day before `published`, sizes its lots, adds its guidelines and
/// its Kazakh and Russian texts, and publishes it at `published`. Returns its id.
pub async fn publish_call(
    state: &AppState,
    cast: &Cast,
    programme_id: &str,
    plan: &CallPlan<'_>,
) -> AppResult<String> {
    let staff = &cast.delegation;
    at(state, plan.published - chrono::Duration::days(1));
    let id = calls::create(
        state,
        staff,
        programme_id.to_string(),
        CallInput {
            reference: plan.reference.into(),
            title: plan.title.en.clone(),
            description: plan.description.en.clone(),
            call_type: Some(CallType::Restricted),
            opens_at: None,
            deadline: Some(plan.deadline),
            params: None,
        },
    )
    .await?;
    let lots = {
        let id = id.clone();
        state
            .db(move |conn| Ok(call_q::lots_of(conn, &id)?))
            .await?
    };
    let mut lot_titles = Vec::new();
    for (lot, (envelope, kk, ru)) in lots.iter().zip(plan.lots) {
        let mut terms = calls::lot_terms(lot);
        terms.envelope = Money::euros(envelope).min(terms.envelope);
        calls::save_lot(state, staff, id.clone(), Some(lot.id.clone()), terms).await?;
        lot_titles.push((
            lot.id.clone(),
            Texts {
                en: String::new(),
                kk: kk.into(),
                ru: ru.into(),
            },
        ));
    }
    calls::set_translations(
        state,
        staff,
        id.clone(),
        CallTranslations {
            title: plan.title.clone(),
            description: plan.description.clone(),
            lot_titles,
            grid_titles: Vec::new(),
        },
    )
    .await?;
    let guidelines = pdf(
        "guidelines-en.pdf",
        &[
            "Guidelines for applicants",
            plan.reference,
            "Support to local development in the Republic of Kazakhstan",
            "EU contribution at most 90% of eligible costs; duration up to 48 months.",
        ],
    )?;
    calls::add_document(
        state,
        staff,
        id.clone(),
        guidelines,
        Lang::En,
        "Guidelines for applicants (English, authentic)".into(),
    )
    .await?;
    let guidelines_ru = pdf(
        "guidelines-ru.pdf",
        &[
            "Guidelines for applicants (Russian version, for information)",
            plan.reference,
        ],
    )?;
    calls::add_document(
        state,
        staff,
        id.clone(),
        guidelines_ru,
        Lang::Ru,
        "Руководство для заявителей (для информации)".into(),
    )
    .await?;
    at(state, plan.published);
    if let Err(report) = calls::publish(state, staff, id.clone()).await? {
        let codes: Vec<&str> = report.problems.iter().map(|p| p.code).collect();
        return Err(failed(format!(
            "{} cannot be published: {codes:?}",
            plan.reference
        )));
    }
    Ok(id)
}

/// Two questions asked by an applicant and answered by the Delegation (CFP-03): the
/// first asked at `asked`, each step `gap` after the one before.
pub async fn clarifications(
    state: &AppState,
    cast: &Cast,
    call_id: &str,
    asker: &Actor,
    asked: NaiveDateTime,
    gap: chrono::Duration,
) -> AppResult<()> {
    let questions = [
        (
            "Can a local akimat apply as lead applicant under lot 2, or only under lot 1?",
            "Local authorities are eligible under lot 1 only. Under lot 2 the lead applicant must be a non-governmental organisation, \
             a research institute or an international organisation; an akimat may take part as an associate.",
        ),
        (
            "Are the salaries of staff already employed by the applicant eligible costs?",
            "Yes, for the time they actually work on the action, at rates not higher than the applicant's usual rates. \
             See section 2.1.4 of the guidelines.",
        ),
    ];
    for (i, (question, answer)) in questions.into_iter().enumerate() {
        at(state, asked + gap * (2 * i as i32));
        calls::ask_question(state, asker, call_id.into(), question.into()).await?;
        let pending = {
            let id = call_id.to_string();
            state
                .db(move |conn| Ok(call_q::clarifications_page(conn, &id, true, 0, 1)?.0))
                .await?
        };
        at(state, asked + gap * (2 * i as i32 + 1));
        if let Some(q) = pending.into_iter().next() {
            calls::answer_question(state, &cast.delegation, call_id.into(), q.id, answer.into())
                .await?;
        }
    }
    Ok(())
}

/// Starts the proposal's application at `when` and writes its concept note; returns
/// the application's id.
pub async fn write_concept_note(
    state: &AppState,
    cast: &Cast,
    call_id: &str,
    lot_id: &str,
    p: &Proposal,
    when: NaiveDateTime,
) -> AppResult<String> {
    at(state, when);
    let owner = cast.owner(p.org.key)?;
    let id = applications::start(
        state,
        owner,
        call_id.into(),
        lot_id.into(),
        cast.organisation(p.org.key)?,
    )
    .await?
    .map_err(|e| failed(format!("{} may not apply: {:?}", p.org.key, e.0)))?;
    let version = version_of(state, &id).await?;
    at(state, when + chrono::Duration::minutes(30));
    applications::save_concept_note(state, owner, id.clone(), version, p.concept_note())
        .await?
        .map_err(|_| failed("concept note changed meanwhile"))?;
    Ok(id)
}

/// Writes every section of the full application, the last save at `when`.
pub async fn write_full_application(
    state: &AppState,
    cast: &Cast,
    id: &str,
    p: &Proposal,
    when: NaiveDateTime,
) -> AppResult<()> {
    let owner = cast.owner(p.org.key)?;
    let sections = p.full_sections(p.org.owner.1);
    let n = sections.len() as i64;
    for (i, section) in sections.into_iter().enumerate() {
        at(state, when - chrono::Duration::hours(n - i as i64));
        let version = version_of(state, id).await?;
        full_application::save_section(state, owner, id.into(), version, section)
            .await?
            .map_err(|_| failed("full application changed meanwhile"))?;
    }
    Ok(())
}

/// Submits at `when` (refused after the deadline, and then recorded as late).
pub async fn submit(
    state: &AppState,
    owner: &Actor,
    id: &str,
    when: NaiveDateTime,
) -> AppResult<Result<String, Vec<&'static str>>> {
    at(state, when);
    match applications::submit(state, owner, id.into()).await {
        Ok(Ok(receipt)) => Ok(Ok(receipt.number)),
        Ok(Err(problems)) => Err(failed(format!(
            "submission refused: {:?}",
            problems
                .iter()
                .map(|p| (&p.field, p.code))
                .collect::<Vec<_>>()
        ))),
        Err(crate::error::AppError::Conflict(code)) => Ok(Err(vec![code])),
        Err(e) => Err(e),
    }
}

async fn version_of(state: &AppState, id: &str) -> AppResult<i32> {
    let id = id.to_string();
    state
        .db(move |conn| {
            Ok(app_q::find(conn, &id)?
                .ok_or_else(|| failed("application vanished"))?
                .version)
        })
        .await
}

/// Seats the committee (EVC-01) at `when`.
pub async fn seat_committee(
    state: &AppState,
    cast: &Cast,
    call_id: &str,
    when: NaiveDateTime,
) -> AppResult<()> {
    at(state, when);
    for (actor, seat, _) in &cast.seats {
        let email = actor.email.clone().unwrap_or_default();
        evaluation::add_member(
            state,
            &cast.delegation,
            call_id.into(),
            email,
            seat.to_string(),
        )
        .await?;
    }
    Ok(())
}

/// The Delegation's programme manager (who opens the applications) and every member
/// sign the call's declaration (EVC-02) from `when`, each in a language of the
/// demonstration.
pub async fn sign_declarations(
    state: &AppState,
    cast: &Cast,
    call_id: &str,
    when: NaiveDateTime,
) -> AppResult<()> {
    let signers = std::iter::once(&cast.delegation).chain(cast.seats.iter().map(|(a, _, _)| a));
    for (i, actor) in signers.enumerate() {
        at(state, when + chrono::Duration::minutes(10 * i as i64));
        let lang = [Lang::En, Lang::Kk, Lang::Ru][i % 3];
        evaluation::sign_declaration(state, actor, call_id.into(), lang).await?;
    }
    Ok(())
}

/// The secretary's administrative check (ADM-02) of each application at `when`: every
/// item met, except for those in `failing` (item, comment).
pub async fn administrative_checks(
    state: &AppState,
    cast: &Cast,
    ids: &[String],
    failing: &[(&str, &str, &str)],
    when: NaiveDateTime,
) -> AppResult<()> {
    for (i, id) in ids.iter().enumerate() {
        at(state, when + chrono::Duration::minutes(20 * i as i64));
        let items = ITEMS
            .iter()
            .map(|item| {
                let failure = failing
                    .iter()
                    .find(|(app, failed_item, _)| app == id && failed_item == item);
                CheckItem {
                    item: item.to_string(),
                    ok: failure.is_none(),
                    comment: failure.map(|f| f.2.to_string()).unwrap_or_default(),
                }
            })
            .collect();
        admin_check::record_check(state, cast.secretary(), id.clone(), items).await?;
    }
    Ok(())
}

/// How an assessor scores: the sheet for an assignment, the `n`-th on its application
/// (None: left as it is).
pub type Scoring<'a> =
    &'a dyn Fn(&ev_q::AssignmentRow, usize, &Grid) -> Option<crate::domain::evaluation::ScoreSheet>;

/// Every pending assignment of the stage answered (no conflict) and scored from
/// `score(assignment, nth assessor, grid)`, from `start`, one sheet an hour. Returns how
/// many were submitted.
pub async fn score_pending(
    state: &AppState,
    cast: &Cast,
    call_id: &str,
    stage: EvaluationStage,
    score: Scoring<'_>,
    start: NaiveDateTime,
) -> AppResult<usize> {
    let grid = {
        let id = call_id.to_string();
        let row = state
            .db(move |conn| Ok(call_q::find(conn, &id)?))
            .await?
            .ok_or_else(|| failed("call vanished"))?;
        let json = match stage {
            EvaluationStage::Concept => row.concept_note_grid,
            EvaluationStage::Full => row.full_application_grid,
        };
        serde_json::from_str::<Grid>(&json).map_err(failed)?
    };
    let rows = {
        let id = call_id.to_string();
        state
            .db(move |conn| Ok(ev_q::assignments_of_call(conn, &id, stage.as_str())?))
            .await?
    };
    let mut done = 0;
    for (i, r) in rows.iter().filter(|r| r.status == "pending").enumerate() {
        let nth = rows
            .iter()
            .filter(|o| o.application_id == r.application_id && o.status != "conflicted")
            .position(|o| o.id == r.id)
            .unwrap_or(0);
        let Some(sheet) = score(r, nth, &grid) else {
            continue;
        };
        let who = cast
            .member(&r.assessor_id)
            .ok_or_else(|| failed("an assessor outside the committee"))?;
        at(state, start + chrono::Duration::hours(i as i64));
        evaluation::answer_conflict(state, who, r.id.clone(), false, String::new()).await?;
        at(
            state,
            start + chrono::Duration::hours(i as i64) + chrono::Duration::minutes(40),
        );
        evaluation::save_sheet(state, who, r.id.clone(), Some(sheet), true).await?;
        done += 1;
    }
    Ok(done)
}

/// A sheet of `base` with `bumps`, as `writing::sheet` makes it.
pub fn plain(grid: &Grid, base: i64, bumps: usize) -> crate::domain::evaluation::ScoreSheet {
    sheet(grid, base, bumps, &[])
}

/// Noon of the `n`-th day after `t`'s day, in Almaty.
pub fn noon_after(t: NaiveDateTime, n: i64) -> NaiveDateTime {
    almaty(days(crate::domain::time::local_date(t), n), 12, 0)
}

/// The call's lots, in order.
pub async fn lots(state: &AppState, call_id: &str) -> AppResult<Vec<call_q::LotRow>> {
    let id = call_id.to_string();
    state.db(move |conn| Ok(call_q::lots_of(conn, &id)?)).await
}

/// The chair assigns the stage's applications automatically (EVC-03) at `when`.
pub async fn assign(
    state: &AppState,
    cast: &Cast,
    call_id: &str,
    stage: EvaluationStage,
    when: NaiveDateTime,
) -> AppResult<()> {
    at(state, when);
    evaluation::assign_automatically(state, cast.chair(), call_id.into(), stage).await?;
    Ok(())
}
