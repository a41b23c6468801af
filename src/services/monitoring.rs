//! Programme monitoring for the EU Delegation and the Steering Committee (TL-07): the
//! money per lot and envelope, funded initiatives per oblast, people targeted by
//! gender, and each contract's figures, read in a fixed number of queries whatever the
//! number of contracts and payments. The figures are computed by `domain::monitoring`.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;

use crate::db::contracts::{self as q, ContractRow, MonitoredLot};
use crate::db::organisations::OrganisationRow;
use crate::db::programmes::ProgrammeRow;
use crate::db::DbConnection;
use crate::domain::access::Action;
use crate::domain::contracts::ContractStatus;
use crate::domain::full_application::FullApplication;
use crate::domain::money::Money;
use crate::domain::monitoring::{lot_figures, semester_of, total, ContractMoney, Figures};
use crate::domain::time::local_date;
use crate::domain::timeline::Timeline;
use crate::error::{AppError, AppResult};
use crate::services::Actor;
use crate::state::AppState;

/// One contract with its money.
#[derive(Debug, Clone)]
pub struct ContractLine {
    pub row: ContractRow,
    pub beneficiary: String,
    pub locality: String,
    pub money: ContractMoney,
    /// Payments (not recoveries): day and amount, for the IATI transactions.
    pub payments: Vec<(NaiveDate, Money)>,
    pub paid_in_semester: Money,
}

#[derive(Debug, Clone)]
pub struct Monitoring {
    pub programme: ProgrammeRow,
    pub timeline: Timeline,
    pub today: NaiveDate,
    pub semester: (NaiveDate, NaiveDate),
    pub lots: Vec<(MonitoredLot, Figures)>,
    /// Per programme envelope (label, figures); lots without an envelope under "".
    /// Per programme envelope: its name (English, Kazakh, Russian) and figures.
    pub envelopes: Vec<(crate::domain::text::Texts, Figures)>,
    pub total: Figures,
    /// Signed contracts per locality code (oblast), the logframe's "funded initiatives".
    pub by_locality: Vec<(String, usize)>,
    /// People targeted by the contracted actions' logframes (indicators about people).
    pub targeted_women: i64,
    pub targeted_men: i64,
    pub contracts: Vec<ContractLine>,
}

/// The monitoring of one programme (Delegation staff and the auditor).
#[tracing::instrument(skip_all)]
pub async fn programme(state: &AppState, actor: &Actor, id: String) -> AppResult<Monitoring> {
    actor.require(Action::ViewProgrammes)?;
    let today = local_date(state.clock.now());
    state.db(move |conn| load(conn, &id, today)).await
}

/// The monitoring of a programme on `today`, in a fixed number of queries.
pub fn load(conn: &mut DbConnection, id: &str, today: NaiveDate) -> AppResult<Monitoring> {
    let detail = crate::services::programmes::load_detail(conn, id, today)?;
    let lots = q::lots_of_programme(conn, id)?;
    let awards = q::awards_of_programme(conn, id)?;
    let contracts = q::of_programme(conn, id)?;
    let payments = q::payments_of_programme(conn, id)?;
    let applications = q::contracted_applications(conn, id)?;
    let org_ids: Vec<String> = contracts
        .iter()
        .map(|c| c.organisation_id.clone())
        .collect();
    let organisations: HashMap<String, OrganisationRow> =
        crate::db::organisations::find_many(conn, &org_ids)?
            .into_iter()
            .map(|o| (o.id.clone(), o))
            .collect();
    assemble(
        detail,
        lots,
        awards,
        contracts,
        payments,
        applications,
        organisations,
        today,
    )
    .ok_or(AppError::NotFound)
}

#[allow(clippy::too_many_arguments)]
fn assemble(
    detail: crate::services::programmes::ProgrammeDetail,
    lots: Vec<MonitoredLot>,
    awards: Vec<q::AwardLine>,
    contracts: Vec<ContractRow>,
    payments: Vec<(String, String, i64, NaiveDate)>,
    applications: Vec<(String, String, String)>,
    organisations: HashMap<String, OrganisationRow>,
    today: NaiveDate,
) -> Option<Monitoring> {
    let semester = semester_of(today);
    let lot_of: HashMap<&str, &str> = applications
        .iter()
        .map(|(a, lot, _)| (a.as_str(), lot.as_str()))
        .collect();
    let locality_of: HashMap<&str, &str> = awards
        .iter()
        .map(|(a, _, _, loc)| (a.as_str(), loc.as_str()))
        .collect();
    let mut by_contract: HashMap<&str, Vec<&(String, String, i64, NaiveDate)>> = HashMap::new();
    for p in &payments {
        by_contract.entry(p.0.as_str()).or_default().push(p);
    }
    let mut lines = Vec::with_capacity(contracts.len());
    for c in &contracts {
        let mine = by_contract.remove(c.id.as_str()).unwrap_or_default();
        let sum = |kind: &str| {
            Money::from_cents(
                mine.iter()
                    .filter(|p| p.1 == kind)
                    .map(|p| p.2)
                    .sum::<i64>(),
            )
        };
        let status = ContractStatus::parse(&c.status)?;
        lines.push(ContractLine {
            beneficiary: organisations
                .get(&c.organisation_id)
                .map(|o| o.legal_name.clone())
                .unwrap_or_default(),
            locality: locality_of
                .get(c.application_id.as_str())
                .map(|l| l.to_string())
                .unwrap_or_default(),
            money: ContractMoney {
                lot_id: lot_of
                    .get(c.application_id.as_str())
                    .map(|l| l.to_string())
                    .unwrap_or_default(),
                status,
                max_eu: Money::from_cents(c.max_eu_cents),
                final_grant: c.final_grant_cents.map(Money::from_cents),
                paid: sum("payment"),
                recovered: sum("recovery"),
            },
            payments: mine
                .iter()
                .filter(|p| p.1 == "payment")
                .map(|p| (p.3, Money::from_cents(p.2)))
                .collect(),
            paid_in_semester: Money::from_cents(
                mine.iter()
                    .filter(|p| p.1 == "payment" && p.3 >= semester.0 && p.3 <= semester.1)
                    .map(|p| p.2)
                    .sum(),
            ),
            row: c.clone(),
        });
    }
    let lot_keys: Vec<(String, Money)> = lots
        .iter()
        .map(|l| (l.id.clone(), Money::from_cents(l.envelope_cents)))
        .collect();
    let award_keys: Vec<(String, Money)> = awards
        .iter()
        .map(|(_, lot, amount, _)| (lot.clone(), Money::from_cents(amount.unwrap_or(0))))
        .collect();
    let money: Vec<ContractMoney> = lines.iter().map(|l| l.money.clone()).collect();
    let figures = lot_figures(&lot_keys, &award_keys, &money);
    let envelopes: Vec<(crate::domain::text::Texts, Figures)> = detail
        .envelopes
        .iter()
        .filter(|e| e.retired_at.is_none())
        .map(|e| {
            let of_envelope = lots
                .iter()
                .zip(&figures)
                .filter(|(l, _)| l.envelope_id.as_deref() == Some(e.id.as_str()))
                .map(|(_, f)| f);
            let mut f = total(of_envelope);
            // The programme's envelope, not the sum of its lots', is what is spent against.
            f.envelope = Money::from_cents(e.amount_cents);
            f.unawarded = f.envelope.saturating_sub(f.awarded);
            let name = crate::domain::text::Texts {
                en: e.label.clone(),
                kk: e.label_kk.clone(),
                ru: e.label_ru.clone(),
            };
            (name, f)
        })
        .collect();
    let mut by_locality: BTreeMap<String, usize> = BTreeMap::new();
    for l in lines.iter().filter(|l| {
        matches!(
            l.money.status,
            ContractStatus::Active | ContractStatus::Suspended | ContractStatus::Closed
        )
    }) {
        *by_locality.entry(l.locality.clone()).or_default() += 1;
    }
    let (mut women, mut men) = (0i64, 0i64);
    for (_, _, full) in &applications {
        let full = FullApplication::from_json(full);
        for ind in full
            .logframe
            .results
            .iter()
            .flat_map(|r| r.indicators.iter())
        {
            if ind.about_people {
                women = women.saturating_add(ind.target_women.unwrap_or(0));
                men = men.saturating_add(ind.target_men.unwrap_or(0));
            }
        }
    }
    Some(Monitoring {
        total: total(figures.iter()),
        lots: lots.into_iter().zip(figures).collect(),
        envelopes,
        by_locality: by_locality.into_iter().collect(),
        targeted_women: women,
        targeted_men: men,
        contracts: lines,
        semester,
        today,
        timeline: detail.timeline,
        programme: detail.programme,
    })
}
