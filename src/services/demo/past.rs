//! The pilot phase: a programme whose agreement entered into force about three years ago
//! (so that every contract state is reachable within TL-02 and TL-03) and its restricted
//! call taken through every stage: concept notes (late, withdrawn, rejected at the
//! administrative check, below the threshold), a conflict and its replacement, a
//! divergence and its resolution, the shortlist invited, full applications scored, a
//! capacity rejection (GRD-05), ranking and selection within the envelope, a failed
//! supporting-document check that moves a reserve up, the report approved by the
//! Delegation, the notifications and the published awards.

use chrono::{Duration, NaiveDate, NaiveDateTime};

use super::people::organisation;
use super::stages::{self, noon_after, plain, CallPlan};
use super::writing::{sheet, Proposal};
use super::{almaty, at, days, failed, months_after, months_before, pdf, Cast, DemoReport};
use crate::db::{calls as call_q, evaluation as ev_q, programmes as programme_q};
use crate::domain::applications::OpeningStage;
use crate::domain::evaluation::EvaluationStage;
use crate::domain::grids::Grid;
use crate::domain::programme::{
    kazlod_budget_lines, kazlod_envelopes, ProgrammeCommand, KAZLOD_TOTAL,
};
use crate::domain::text::Texts;
use crate::error::AppResult;
use crate::services::award::{self, Batch};
use crate::services::{evaluation, opening, programmes, supporting};
use crate::state::AppState;

pub const PAST_PROGRAMME_REFERENCE: &str = "DCI-ASIE/2009/021-470";
pub const PAST_CALL_REFERENCE: &str = "EuropeAid/134021/L/ACT/KZ";

/// D of the pilot phase: 34 months ago, so that contracts may still be signed for two
/// months (TL-02: D + 36) while the first ones have run for two years.
pub fn entry_into_force(today: NaiveDate) -> AppResult<NaiveDate> {
    months_before(today, 34)
}

/// What becomes of each proposal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fate {
    /// Awarded; its contract then goes the way `contracts` gives it.
    Awarded,
    Reserve,
    /// Selected, then its supporting documents fail (SEL-02).
    DocumentsFail,
    /// A capacity sub-score of 1 (GRD-05).
    CapacityFails,
    /// The concept note scores under 30 (GRD-02).
    BelowThreshold,
    /// A failed item of the administrative check (ADM-02).
    AdminRejected,
    Withdrawn,
    /// Tries to submit after the deadline (ADM-01).
    Late,
}

/// One proposal of the call: organisation, lot (0 or 1), EU amount, months, the
/// concept note's and the full application's scores (base, bumps) and its fate.
pub struct Planned {
    pub key: &'static str,
    pub lot: usize,
    pub eu: i64,
    pub months: i32,
    pub concept: (i64, usize),
    pub full: (i64, usize),
    pub fate: Fate,
}

const fn plan(
    key: &'static str,
    lot: usize,
    eu: i64,
    months: i32,
    concept: (i64, usize),
    full: (i64, usize),
    fate: Fate,
) -> Planned {
    Planned {
        key,
        lot,
        eu,
        months,
        concept,
        full,
        fate,
    }
}

/// Lot 1 (EUR 720,000): 1–5 fit (710,000) and 6–7 wait on the reserve list; when 5's
/// documents fail, 6 moves up (690,000) and 7 still does not fit. Lot 2 (EUR 250,000):
/// 13 and 14 fit, 15 waits. Full totals (relevance carried over): 100, 96, 94 (after
/// the divergence), 91, 88, 85, 82; 95, 90, 83.
pub const PLANS: [Planned; 15] = [
    plan("kcwa", 0, 180_000, 36, (5, 0), (4, 13), Fate::Awarded),
    plan("myic", 0, 100_000, 12, (5, 0), (4, 10), Fate::Awarded),
    plan("aktau", 0, 150_000, 30, (5, 0), (4, 13), Fate::Awarded),
    plan("ekrwu", 0, 120_000, 36, (4, 0), (4, 11), Fate::Awarded),
    plan("ukes", 0, 160_000, 24, (4, 0), (4, 8), Fate::DocumentsFail),
    plan("asfc", 0, 140_000, 24, (4, 0), (4, 5), Fate::Awarded),
    plan("zcdf", 0, 170_000, 36, (4, 0), (4, 2), Fate::Reserve),
    plan("slgi", 0, 130_000, 24, (4, 0), (4, 6), Fate::CapacityFails),
    plan(
        "kazaly",
        0,
        90_000,
        18,
        (2, 0),
        (3, 0),
        Fate::BelowThreshold,
    ),
    plan(
        "beineu",
        0,
        110_000,
        24,
        (4, 0),
        (4, 0),
        Fate::AdminRejected,
    ),
    plan("caspian", 0, 80_000, 12, (4, 0), (4, 0), Fate::Withdrawn),
    plan("shieli", 0, 75_000, 12, (4, 0), (4, 0), Fate::Late),
    plan("cssc", 1, 130_000, 24, (5, 0), (4, 9), Fate::Awarded),
    plan("kalsg", 1, 110_000, 24, (4, 0), (4, 10), Fate::Awarded),
    plan("ipp", 1, 120_000, 24, (4, 0), (4, 3), Fate::Reserve),
];

/// The application whose assessors diverge at the concept stage (EVC-03): 50 and 30,
/// then a further assessor's 40.
const DIVERGENT: &str = "aktau";
/// The application one assessor declares a conflict on (EVC-02).
const CONFLICTED: &str = "ekrwu";

fn proposal(p: &Planned) -> Proposal {
    Proposal {
        org: organisation(p.key),
        eu_euros: p.eu,
        months: p.months,
    }
}

/// The applications of the call by organisation key, once started.
pub struct Applications(pub Vec<(&'static str, String)>);

impl Applications {
    pub fn id(&self, key: &str) -> AppResult<&String> {
        self.0
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, id)| id)
            .ok_or_else(|| failed(format!("no application of {key}")))
    }

    fn key_of(&self, id: &str) -> Option<&'static str> {
        self.0.iter().find(|(_, i)| i == id).map(|(k, _)| *k)
    }

    fn with(&self, fates: &[Fate]) -> Vec<String> {
        PLANS
            .iter()
            .filter(|p| fates.contains(&p.fate))
            .filter_map(|p| self.id(p.key).ok().cloned())
            .collect()
    }
}

pub async fn load(
    state: &AppState,
    cast: &Cast,
    d: NaiveDate,
    today: NaiveDate,
    report: &mut DemoReport,
) -> AppResult<()> {
    let existing = state
        .db(|conn| Ok(call_q::find_by_reference(conn, PAST_CALL_REFERENCE)?))
        .await?;
    if existing.is_some() {
        report
            .lines
            .push(format!("pilot phase {PAST_CALL_REFERENCE} (exists)"));
        return Ok(());
    }
    at(state, almaty(d, 10, 0));
    let programme_id =
        match state
            .db(|conn| {
                Ok(programme_q::find_by_reference(
                    conn,
                    PAST_PROGRAMME_REFERENCE,
                )?)
            })
            .await?
        {
            Some(p) => p.id,
            None => programmes::create(
                state,
                &cast.delegation,
                ProgrammeCommand {
                    reference: PAST_PROGRAMME_REFERENCE.into(),
                    title:
                        "Support to local development in the Republic of Kazakhstan – pilot phase"
                            .into(),
                    entry_into_force: Some(d),
                    total_budget: KAZLOD_TOTAL,
                    budget_lines: kazlod_budget_lines(),
                    envelopes: kazlod_envelopes(),
                },
            )
            .await?,
        };
    let published = almaty(months_after(d, 2)?, 10, 0);
    let deadline = almaty(days(crate::domain::time::local_date(published), 50), 18, 0);
    let call_id = stages::publish_call(
        state,
        cast,
        &programme_id,
        &CallPlan {
            reference: PAST_CALL_REFERENCE,
            title: Texts {
                en: "Local development initiatives in the pilot oblasts – first call".into(),
                kk: "Пилоттық облыстардағы жергілікті даму бастамалары – бірінші конкурс".into(),
                ru: "Инициативы местного развития в пилотных областях – первый конкурс".into(),
            },
            description: Texts {
                en: "The first call of the programme: initiatives of non-state actors and local \
                     authorities that bring local decisions closer to citizens in Mangystau, \
                     Kyzylorda and East Kazakhstan (lot 1), and civil society's role in local \
                     development at national level (lot 2)."
                    .into(),
                kk: "Бағдарламаның бірінші конкурсы: Маңғыстау, Қызылорда және Шығыс Қазақстан \
                     облыстарында жергілікті шешімдерді азаматтарға жақындататын мемлекеттік емес \
                     субъектілер мен жергілікті билік органдарының бастамалары (1-лот) және \
                     ұлттық деңгейдегі жергілікті дамудағы азаматтық қоғамның рөлі (2-лот)."
                    .into(),
                ru: "Первый конкурс программы: инициативы негосударственных субъектов и местных \
                     органов власти, приближающие местные решения к гражданам в Мангистауской, \
                     Кызылординской и Восточно-Казахстанской областях (лот 1), и роль \
                     гражданского общества в местном развитии на национальном уровне (лот 2)."
                    .into(),
            },
            lots: [
                (
                    720_000,
                    "Пилоттық облыстардағы бастамалар",
                    "Инициативы в пилотных областях",
                ),
                (
                    250_000,
                    "Ұлттық деңгейдегі азаматтық қоғам",
                    "Гражданское общество на национальном уровне",
                ),
            ],
            published,
            deadline,
        },
    )
    .await?;
    let first_owner = cast.owner("myic")?.clone();
    stages::clarifications(
        state,
        cast,
        &call_id,
        &first_owner,
        noon_after(published, 7),
        Duration::days(2),
    )
    .await?;
    stages::seat_committee(state, cast, &call_id, noon_after(published, 20)).await?;

    let apps = concept_notes(state, cast, &call_id, deadline).await?;
    concept_stage(state, cast, &call_id, &apps, deadline).await?;
    let full_deadline = almaty(
        days(crate::domain::time::local_date(deadline), 14 + 40),
        16,
        0,
    );
    full_stage(state, cast, &call_id, &apps, deadline, full_deadline).await?;
    let awarded_on = award(state, cast, &call_id, &apps, full_deadline).await?;
    report.lines.push(format!(
        "pilot phase {PAST_PROGRAMME_REFERENCE}: entry into force {d}; call {PAST_CALL_REFERENCE} \
         published {}, concept notes due {}, full applications due {}, award approved {awarded_on}",
        crate::domain::time::local_date(published),
        crate::domain::time::local_date(deadline),
        crate::domain::time::local_date(full_deadline),
    ));
    super::contracts::load(state, cast, &apps, awarded_on, today, report).await
}

/// Every organisation starts and writes its concept note; all but two submit in time
/// (one of them withdraws), one tries after the deadline.
async fn concept_notes(
    state: &AppState,
    cast: &Cast,
    call_id: &str,
    deadline: NaiveDateTime,
) -> AppResult<Applications> {
    let lots = stages::lots(state, call_id).await?;
    let mut apps = Vec::new();
    for (i, p) in PLANS.iter().enumerate() {
        let written = deadline - Duration::days(20) + Duration::hours(3 * i as i64);
        let lot = lots
            .get(p.lot)
            .ok_or_else(|| failed("the call has two lots"))?;
        let id = stages::write_concept_note(state, cast, call_id, &lot.id, &proposal(p), written)
            .await?;
        let owner = cast.owner(p.key)?;
        let when = if p.fate == Fate::Late {
            deadline + Duration::minutes(47)
        } else {
            deadline - Duration::days(6) + Duration::hours(5 * i as i64)
        };
        let submitted = stages::submit(state, owner, &id, when).await?;
        if p.fate != Fate::Late && submitted.is_err() {
            return Err(failed(format!("{} was not received", p.key)));
        }
        if p.fate == Fate::Withdrawn {
            at(state, deadline - Duration::days(1));
            crate::services::applications::withdraw(state, owner, id.clone()).await?;
        }
        apps.push((p.key, id));
    }
    Ok(Applications(apps))
}

/// Opening, declarations, the administrative check, a conflict and its replacement,
/// scoring with one divergence and its resolution, and the shortlist invited.
async fn concept_stage(
    state: &AppState,
    cast: &Cast,
    call_id: &str,
    apps: &Applications,
    deadline: NaiveDateTime,
) -> AppResult<()> {
    stages::sign_declarations(state, cast, call_id, noon_after(deadline, 1)).await?;
    at(state, noon_after(deadline, 1) + Duration::hours(2));
    opening::open(state, &cast.delegation, call_id.into(), OpeningStage::Call).await?;
    let received = apps.with(&[
        Fate::Awarded,
        Fate::Reserve,
        Fate::DocumentsFail,
        Fate::CapacityFails,
        Fate::BelowThreshold,
        Fate::AdminRejected,
    ]);
    let rejected = apps.id("beineu")?.clone();
    stages::administrative_checks(
        state,
        cast,
        &received,
        &[(
            rejected.as_str(),
            "declaration",
            "The declaration by the applicant is not signed by its legal representative.",
        )],
        noon_after(deadline, 2),
    )
    .await?;
    stages::assign(
        state,
        cast,
        call_id,
        EvaluationStage::Concept,
        noon_after(deadline, 3),
    )
    .await?;
    // EVC-02: an assessor who advised the union declares a conflict; the chair replaces them.
    let conflicted = apps.id(CONFLICTED)?.clone();
    let first = assignments(state, call_id, EvaluationStage::Concept)
        .await?
        .into_iter()
        .find(|a| a.application_id == conflicted && a.status == "pending")
        .ok_or_else(|| failed("the conflicted application has no assessor"))?;
    let assessor = cast
        .member(&first.assessor_id)
        .ok_or_else(|| failed("assessor"))?
        .clone();
    at(state, noon_after(deadline, 4));
    evaluation::answer_conflict(
        state,
        &assessor,
        first.id.clone(),
        true,
        "I advised this union on its statutes in 2023 and know its director personally.".into(),
    )
    .await?;
    at(state, noon_after(deadline, 4) + Duration::hours(3));
    evaluation::replace_assessor(state, cast.chair(), call_id.into(), first.id, None).await?;

    let concept = |row: &ev_q::AssignmentRow, nth: usize, grid: &Grid| {
        let key = apps.key_of(&row.application_id)?;
        let p = PLANS.iter().find(|p| p.key == key)?;
        if key == DIVERGENT {
            // 50, 30, then the further assessor's 40 (EVC-03: 20 apart > 15).
            return Some(plain(grid, [5, 3, 4][nth.min(2)], 0));
        }
        Some(plain(grid, p.concept.0, p.concept.1))
    };
    stages::score_pending(
        state,
        cast,
        call_id,
        EvaluationStage::Concept,
        &concept,
        noon_after(deadline, 5),
    )
    .await?;
    // The divergence brought a further assessor, who scores too.
    stages::score_pending(
        state,
        cast,
        call_id,
        EvaluationStage::Concept,
        &concept,
        noon_after(deadline, 9),
    )
    .await?;
    at(state, noon_after(deadline, 11));
    evaluation::resolve_divergence(
        state,
        cast.chair(),
        call_id.into(),
        apps.id(DIVERGENT)?.clone(),
        EvaluationStage::Concept,
        "The committee discussed the two readings: the first assessor valued the akimat's \
         existing service desks, the second doubted their reach in the outer districts. The \
         further assessor's reading confirms the relevance with reservations; the average of \
         the three sheets stands."
            .into(),
    )
    .await?;
    Ok(())
}

/// The shortlist invited (CFP-02: the full-application deadline 40 days on), every
/// invited organisation writes and submits its full application, which is opened,
/// checked, assigned and scored (one capacity sub-score of 1, GRD-05).
async fn full_stage(
    state: &AppState,
    cast: &Cast,
    call_id: &str,
    apps: &Applications,
    deadline: NaiveDateTime,
    full_deadline: NaiveDateTime,
) -> AppResult<()> {
    // SEL-03: the concept-note stage's report, approved before anyone is told; then the
    // shortlist is invited and the others are told why not.
    at(state, noon_after(deadline, 12));
    award::submit_report(state, cast.chair(), call_id.into()).await?;
    at(state, noon_after(deadline, 13));
    award::decide_report(state, &cast.delegation, call_id.into(), true, String::new()).await?;
    at(state, noon_after(deadline, 14));
    evaluation::invite_shortlisted(state, cast.chair(), call_id.into(), full_deadline).await?;
    award::notify(state, &cast.delegation, call_id.into(), Batch::Unsuccessful).await?;
    let invited = apps.with(&[
        Fate::Awarded,
        Fate::Reserve,
        Fate::DocumentsFail,
        Fate::CapacityFails,
    ]);
    for (i, id) in invited.iter().enumerate() {
        let key = apps.key_of(id).ok_or_else(|| failed("invited"))?;
        let p = PLANS
            .iter()
            .find(|p| p.key == key)
            .ok_or_else(|| failed("plan"))?;
        let when = full_deadline - Duration::days(8) + Duration::hours(7 * i as i64);
        stages::write_full_application(state, cast, id, &proposal(p), when).await?;
        stages::submit(state, cast.owner(key)?, id, when + Duration::hours(1))
            .await?
            .map_err(|e| failed(format!("{key}'s full application: {e:?}")))?;
    }
    at(state, noon_after(full_deadline, 1));
    opening::open(state, &cast.delegation, call_id.into(), OpeningStage::Full).await?;
    stages::administrative_checks(state, cast, &invited, &[], noon_after(full_deadline, 2)).await?;
    stages::assign(
        state,
        cast,
        call_id,
        EvaluationStage::Full,
        noon_after(full_deadline, 3),
    )
    .await?;
    let full = |row: &ev_q::AssignmentRow, _nth: usize, grid: &Grid| {
        let key = apps.key_of(&row.application_id)?;
        let p = PLANS.iter().find(|p| p.key == key)?;
        let capacity_one: &[(&str, i64)] = if p.fate == Fate::CapacityFails {
            &[("1.2", 1)]
        } else {
            &[]
        };
        Some(sheet(grid, p.full.0, p.full.1, capacity_one))
    };
    stages::score_pending(
        state,
        cast,
        call_id,
        EvaluationStage::Full,
        &full,
        noon_after(full_deadline, 4),
    )
    .await?;
    Ok(())
}

/// SEL-02 and SEL-03: supporting documents asked, uploaded and checked (one set fails,
/// the next reserve that fits moves up), the report submitted by the chair and approved
/// by the Delegation, the successful told first, then the others. Returns the day the
/// award was approved.
async fn award(
    state: &AppState,
    cast: &Cast,
    call_id: &str,
    apps: &Applications,
    full_deadline: NaiveDateTime,
) -> AppResult<NaiveDate> {
    at(state, noon_after(full_deadline, 12));
    supporting::request(state, cast.chair(), call_id.into()).await?;
    let asked = {
        let id = call_id.to_string();
        state
            .db(move |conn| Ok(ev_q::supporting_of_call(conn, &id)?))
            .await?
    };
    for (i, row) in asked.iter().enumerate() {
        let key = apps
            .key_of(&row.application_id)
            .ok_or_else(|| failed("asked"))?;
        let owner = cast.owner(key)?;
        for (j, code) in row.codes().into_iter().enumerate() {
            at(
                state,
                noon_after(full_deadline, 16) + Duration::minutes(30 * (i * 8 + j) as i64),
            );
            let file = pdf(
                &format!("{code}.pdf"),
                &[&code, organisation(key).legal_name],
            )?;
            supporting::upload(state, owner, row.application_id.clone(), code, file).await?;
        }
    }
    // The failing set first: its reserve moves up and is checked in turn.
    let failing = apps.id("ukes")?.clone();
    at(state, noon_after(full_deadline, 20));
    supporting::record_check(
        state,
        cast.secretary(),
        failing.clone(),
        false,
        "The statutes submitted are not the registered version: the registration certificate \
         names another legal representative."
            .into(),
    )
    .await?;
    for (i, row) in asked
        .iter()
        .filter(|r| r.application_id != failing)
        .enumerate()
    {
        at(
            state,
            noon_after(full_deadline, 21) + Duration::minutes(20 * i as i64),
        );
        supporting::record_check(
            state,
            cast.secretary(),
            row.application_id.clone(),
            true,
            String::new(),
        )
        .await?;
    }
    at(state, noon_after(full_deadline, 24));
    award::submit_report(state, cast.chair(), call_id.into()).await?;
    let approved = noon_after(full_deadline, 30);
    at(state, approved);
    award::decide_report(state, &cast.delegation, call_id.into(), true, String::new()).await?;
    at(state, noon_after(full_deadline, 31));
    award::notify(state, &cast.delegation, call_id.into(), Batch::Successful).await?;
    at(state, noon_after(full_deadline, 38));
    award::notify(state, &cast.delegation, call_id.into(), Batch::Unsuccessful).await?;
    Ok(crate::domain::time::local_date(approved))
}

async fn assignments(
    state: &AppState,
    call_id: &str,
    stage: EvaluationStage,
) -> AppResult<Vec<ev_q::AssignmentRow>> {
    let id = call_id.to_string();
    state
        .db(move |conn| Ok(ev_q::assignments_of_call(conn, &id, stage.as_str())?))
        .await
}
