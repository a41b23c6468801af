//! The KAZLOD programme itself (D six months ago, so calls may still be published,
//! TL-01): a call whose concept notes arrived ten days ago and are being scored now
//! (some sheets submitted, one saved as a draft, the demo evaluator's still to do), and
//! the call open for concept notes, where the demo applicant has a draft.

use chrono::{Duration, NaiveDate, NaiveDateTime};

use super::people::organisation;
use super::stages::{self, noon_after, plain, CallPlan};
use super::writing::Proposal;
use super::{almaty, at, days, failed, months_before, Cast, DemoReport};
use crate::db::{calls as call_q, evaluation as ev_q, programmes as programme_q};
use crate::domain::applications::OpeningStage;
use crate::domain::evaluation::EvaluationStage;
use crate::domain::grids::Grid;
use crate::domain::programme::{
    kazlod_budget_lines, kazlod_envelopes, ProgrammeCommand, KAZLOD_REFERENCE, KAZLOD_TITLE,
    KAZLOD_TOTAL,
};
use crate::domain::text::Texts;
use crate::error::AppResult;
use crate::services::{evaluation, opening, programmes};
use crate::state::AppState;

/// The call open now for concept notes.
pub const DEMO_CALL_REFERENCE: &str = "EuropeAid/150123/L/ACT/KZ";
/// The call whose concept notes are being scored now.
pub const EVALUATION_CALL_REFERENCE: &str = "EuropeAid/149876/L/ACT/KZ";

/// The concept notes of the call in evaluation: organisation, lot, EU amount, months.
const IN_EVALUATION: [(&str, usize, i64, i32); 7] = [
    ("kcwa", 0, 150_000, 30),
    ("myic", 0, 120_000, 24),
    ("aktau", 0, 190_000, 36),
    ("asfc", 0, 110_000, 24),
    ("zcdf", 0, 160_000, 36),
    ("cssc", 1, 140_000, 30),
    ("ipp", 1, 100_000, 24),
];

pub async fn load(
    state: &AppState,
    cast: &Cast,
    today: NaiveDate,
    now: NaiveDateTime,
    report: &mut DemoReport,
) -> AppResult<()> {
    let d = months_before(today, 6)?;
    let programme_id = match state
        .db(|conn| Ok(programme_q::find_by_reference(conn, KAZLOD_REFERENCE)?))
        .await?
    {
        Some(p) => {
            report
                .lines
                .push(format!("programme  {KAZLOD_REFERENCE} (exists)"));
            p.id
        }
        None => {
            at(state, almaty(days(d, 3), 10, 0));
            let id = programmes::create(
                state,
                &cast.delegation,
                ProgrammeCommand {
                    reference: KAZLOD_REFERENCE.into(),
                    title: KAZLOD_TITLE.into(),
                    entry_into_force: Some(d),
                    total_budget: KAZLOD_TOTAL,
                    budget_lines: kazlod_budget_lines(),
                    envelopes: kazlod_envelopes(),
                },
            )
            .await?;
            report.lines.push(format!(
                "programme  {KAZLOD_REFERENCE}, entry into force {d}"
            ));
            id
        }
    };
    if exists(state, EVALUATION_CALL_REFERENCE).await? {
        report
            .lines
            .push(format!("call       {EVALUATION_CALL_REFERENCE} (exists)"));
    } else {
        in_evaluation(state, cast, &programme_id, today, report).await?;
    }
    if exists(state, DEMO_CALL_REFERENCE).await? {
        report
            .lines
            .push(format!("call       {DEMO_CALL_REFERENCE} (exists)"));
    } else {
        open_now(state, cast, &programme_id, today, now, report).await?;
    }
    Ok(())
}

async fn exists(state: &AppState, reference: &'static str) -> AppResult<bool> {
    Ok(state
        .db(move |conn| Ok(call_q::find_by_reference(conn, reference)?))
        .await?
        .is_some())
}

fn lot_titles() -> [(i64, &'static str, &'static str); 2] {
    [
        (
            0,
            "Пилоттық облыстардағы мемлекеттік емес субъектілер мен жергілікті билік органдарының бастамалары",
            "Инициативы негосударственных субъектов и местных органов власти в пилотных областях",
        ),
        (
            0,
            "Ұлттық деңгейдегі жергілікті дамудағы азаматтық қоғамның рөлін күшейту",
            "Усиление роли гражданского общества в местном развитии на национальном уровне",
        ),
    ]
}

async fn in_evaluation(
    state: &AppState,
    cast: &Cast,
    programme_id: &str,
    today: NaiveDate,
    report: &mut DemoReport,
) -> AppResult<()> {
    let published = almaty(days(today, -65), 10, 0);
    let deadline = almaty(days(today, -10), 18, 0);
    let [(_, kk1, ru1), (_, kk2, ru2)] = lot_titles();
    let call_id = stages::publish_call(
        state,
        cast,
        programme_id,
        &CallPlan {
            reference: EVALUATION_CALL_REFERENCE,
            title: Texts {
                en: "Public services closer to citizens in the pilot oblasts".into(),
                kk: "Пилоттық облыстарда мемлекеттік қызметтерді азаматтарға жақындату".into(),
                ru: "Государственные услуги ближе к гражданам в пилотных областях".into(),
            },
            description: Texts {
                en: "Initiatives that bring public services and local decisions closer to the \
                     people of Mangystau, Kyzylorda and East Kazakhstan, and national networks \
                     that help residents take part. Restricted call: concept notes first."
                    .into(),
                kk: "Маңғыстау, Қызылорда және Шығыс Қазақстан тұрғындарына мемлекеттік \
                     қызметтер мен жергілікті шешімдерді жақындататын бастамалар және \
                     тұрғындардың қатысуына көмектесетін ұлттық желілер. Шектеулі конкурс: \
                     алдымен тұжырымдамалар."
                    .into(),
                ru: "Инициативы, приближающие государственные услуги и местные решения к \
                     жителям Мангистауской, Кызылординской и Восточно-Казахстанской областей, \
                     и национальные сети, помогающие жителям участвовать. Ограниченный \
                     конкурс: сначала концептуальные записки."
                    .into(),
            },
            lots: [(1_000_000, kk1, ru1), (400_000, kk2, ru2)],
            published,
            deadline,
        },
    )
    .await?;
    let lots = stages::lots(state, &call_id).await?;
    stages::seat_committee(state, cast, &call_id, noon_after(published, 15)).await?;
    let mut ids = Vec::new();
    for (i, (key, lot, eu, months)) in IN_EVALUATION.into_iter().enumerate() {
        let p = Proposal {
            org: organisation(key),
            eu_euros: eu,
            months,
        };
        let lot = lots.get(lot).ok_or_else(|| failed("lot"))?;
        let written = deadline - Duration::days(25) + Duration::hours(5 * i as i64);
        let id = stages::write_concept_note(state, cast, &call_id, &lot.id, &p, written).await?;
        let when = deadline - Duration::days(4) + Duration::hours(6 * i as i64);
        stages::submit(state, cast.owner(key)?, &id, when)
            .await?
            .map_err(|e| failed(format!("{key}: {e:?}")))?;
        ids.push(id);
    }
    stages::sign_declarations(state, cast, &call_id, noon_after(deadline, 1)).await?;
    at(state, noon_after(deadline, 1) + Duration::hours(2));
    opening::open(state, &cast.delegation, call_id.clone(), OpeningStage::Call).await?;
    // The secretary has checked all but the last two.
    stages::administrative_checks(
        state,
        cast,
        &ids[..ids.len() - 2],
        &[],
        noon_after(deadline, 2),
    )
    .await?;
    stages::assign(
        state,
        cast,
        &call_id,
        EvaluationStage::Concept,
        noon_after(deadline, 3),
    )
    .await?;
    // Scoring under way: the demo evaluator's sheets are all still to do; of the others,
    // every second one is submitted.
    let demo_evaluator = cast.seat("evaluator").user_id.clone().unwrap_or_default();
    let rows = {
        let id = call_id.clone();
        state
            .db(move |conn| Ok(ev_q::assignments_of_call(conn, &id, "concept")?))
            .await?
    };
    let chosen: Vec<String> = rows
        .iter()
        .filter(|r| r.assessor_id != demo_evaluator)
        .step_by(2)
        .map(|r| r.id.clone())
        .collect();
    let score = |row: &ev_q::AssignmentRow, nth: usize, grid: &Grid| {
        chosen
            .contains(&row.id)
            .then(|| plain(grid, 4, 1 + nth * 2))
    };
    let scored = stages::score_pending(
        state,
        cast,
        &call_id,
        EvaluationStage::Concept,
        &score,
        noon_after(deadline, 4),
    )
    .await?;
    // One assessor has accepted an application and saved a draft sheet.
    if let Some(draft) = rows.iter().find(|r| {
        r.assessor_id != demo_evaluator && !chosen.contains(&r.id) && r.status == "pending"
    }) {
        let who = cast
            .member(&draft.assessor_id)
            .ok_or_else(|| failed("assessor"))?;
        at(state, noon_after(deadline, 8));
        evaluation::answer_conflict(state, who, draft.id.clone(), false, String::new()).await?;
        let grid: Grid = {
            let id = call_id.clone();
            let row = state
                .db(move |conn| Ok(call_q::find(conn, &id)?))
                .await?
                .ok_or_else(|| failed("call"))?;
            serde_json::from_str(&row.concept_note_grid).map_err(failed)?
        };
        let mut sheet = plain(&grid, 3, 2);
        if let Some(section) = sheet.sections.values_mut().last() {
            section.comment.clear();
        }
        evaluation::save_sheet(state, who, draft.id.clone(), Some(sheet), false).await?;
    }
    report.lines.push(format!(
        "call       {EVALUATION_CALL_REFERENCE}: {} concept notes received {}, {scored} sheets submitted, scoring under way",
        IN_EVALUATION.len(),
        crate::domain::time::local_date(deadline),
    ));
    Ok(())
}

/// The call open now (50 days to its concept-note deadline, CFP-02 asks 45), published
/// today with its answered questions; the demo applicant has started a concept note.
async fn open_now(
    state: &AppState,
    cast: &Cast,
    programme_id: &str,
    today: NaiveDate,
    now: NaiveDateTime,
    report: &mut DemoReport,
) -> AppResult<()> {
    let deadline_day = days(today, 50);
    let deadline = almaty(deadline_day, 18, 0);
    let [(_, kk1, ru1), (_, kk2, ru2)] = lot_titles();
    let published = now - Duration::hours(2);
    let call_id = stages::publish_call(
        state,
        cast,
        programme_id,
        &CallPlan {
            reference: DEMO_CALL_REFERENCE,
            title: Texts {
                en: "Local development initiatives in the pilot oblasts and at national level".into(),
                kk: "Пилоттық облыстардағы және ұлттық деңгейдегі жергілікті даму бастамалары".into(),
                ru: "Инициативы местного развития в пилотных областях и на национальном уровне".into(),
            },
            description: Texts {
                en: "The European Union invites non-state actors and local authorities to propose initiatives that improve \
                     local development: public services closer to citizens, participation of communities in local budgets, \
                     and cooperation between akimats and civil society.\n\nLot 1 covers Mangystau, Kyzylorda and East Kazakhstan \
                     oblasts; lot 2 strengthens civil society's role in local development at national level.\n\nThis is a \
                     restricted call: submit a concept note first; the best are invited to submit a full application."
                    .into(),
                kk: "Еуропалық Одақ мемлекеттік емес субъектілер мен жергілікті билік органдарын жергілікті дамуды \
                     жақсартатын бастамаларды ұсынуға шақырады: азаматтарға жақын мемлекеттік қызметтер, қауымдастықтардың \
                     жергілікті бюджеттерге қатысуы, әкімдіктер мен азаматтық қоғамның ынтымақтастығы.\n\n1-лот Маңғыстау, \
                     Қызылорда және Шығыс Қазақстан облыстарын қамтиды; 2-лот ұлттық деңгейде жергілікті дамудағы азаматтық \
                     қоғамның рөлін күшейтеді.\n\nБұл шектеулі конкурс: алдымен тұжырымдаманы жіберіңіз; үздіктері толық \
                     өтінім беруге шақырылады."
                    .into(),
                ru: "Европейский Союз приглашает негосударственные субъекты и местные органы власти предложить инициативы, \
                     улучшающие местное развитие: государственные услуги ближе к гражданам, участие сообществ в местных \
                     бюджетах и сотрудничество акиматов с гражданским обществом.\n\nЛот 1 охватывает Мангистаускую, \
                     Кызылординскую и Восточно-Казахстанскую области; лот 2 усиливает роль гражданского общества в местном \
                     развитии на национальном уровне.\n\nЭто ограниченный конкурс: сначала подайте концептуальную записку; \
                     лучшие будут приглашены подать полную заявку."
                    .into(),
            },
            lots: [(2_100_000, kk1, ru1), (900_000, kk2, ru2)],
            published,
            deadline,
        },
    )
    .await?;
    stages::clarifications(
        state,
        cast,
        &call_id,
        &cast.applicant,
        now - Duration::minutes(90),
        Duration::minutes(10),
    )
    .await?;
    // The demo applicant has started a concept note for its organisation.
    let lots = stages::lots(state, &call_id).await?;
    let lot = lots.first().ok_or_else(|| failed("lot"))?;
    let p = Proposal {
        org: organisation("kcwa"),
        eu_euros: 170_000,
        months: 36,
    };
    stages::write_concept_note(
        state,
        cast,
        &call_id,
        &lot.id,
        &p,
        now - Duration::minutes(60),
    )
    .await?;
    report.lines.push(format!(
        "call       {DEMO_CALL_REFERENCE} published, concept notes due {deadline_day} 18:00 Almaty"
    ));
    report
        .lines
        .push("clarifications: 2 questions asked and answered".into());
    Ok(())
}
