//! The programme (financing agreement) itself: its indicative budget, grant envelopes
//! and the KAZLOD figures of DOMAIN.md §1.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::money::Money;
use super::text;
use super::time::plausible_date;
use super::FieldError;

pub const KAZLOD_REFERENCE: &str = "DCI-ASIE/2010/020-609";
pub const KAZLOD_TITLE: &str = "Support to local development in the Republic of Kazakhstan";
pub const KAZLOD_TOTAL: Money = Money::euros(15_000_000);

/// The indicative budget of the financing agreement (EUR).
pub fn kazlod_budget_lines() -> Vec<MoneyLine> {
    [
        (
            "Activity 1 – institutional framework",
            "1-іс-шара – институционалдық негіз",
            "Мероприятие 1 – институциональная основа",
            3_450_000,
        ),
        (
            "Activity 2 – local development policy in the pilot oblasts",
            "2-іс-шара – пилоттық облыстардағы жергілікті даму саясаты",
            "Мероприятие 2 – политика местного развития в пилотных областях",
            3_100_000,
        ),
        (
            "Activity 3 – public service centres",
            "3-іс-шара – халыққа қызмет көрсету орталықтары",
            "Мероприятие 3 – центры обслуживания населения",
            3_450_000,
        ),
        (
            "Activity 4 – private sector (OECD agreement)",
            "4-іс-шара – жеке сектор (ЭЫДҰ келісімі)",
            "Мероприятие 4 – частный сектор (соглашение с ОЭСР)",
            4_000_000,
        ),
        (
            "Communication and visibility",
            "Коммуникация және көрнекілік",
            "Коммуникация и визуализация",
            200_000,
        ),
        (
            "Framework contracts",
            "Негіздемелік келісімшарттар",
            "Рамочные контракты",
            600_000,
        ),
        (
            "Contingencies",
            "Күтпеген шығыстар",
            "Непредвиденные расходы",
            0,
        ),
        (
            "Monitoring, evaluation and audit",
            "Мониторинг, бағалау және аудит",
            "Мониторинг, оценка и аудит",
            200_000,
        ),
    ]
    .into_iter()
    .map(|(en, kk, ru, euros)| MoneyLine::new(en, kk, ru, Money::euros(euros)))
    .collect()
}

/// The grant envelopes (EUR 3.0M in all): pilot oblasts, then national level.
pub fn kazlod_envelopes() -> Vec<MoneyLine> {
    vec![
        MoneyLine::new(
            "Non-state actors and local authorities in the pilot oblasts",
            "Пилоттық облыстардағы мемлекеттік емес субъектілер мен жергілікті билік органдары",
            "Негосударственные субъекты и местные органы власти в пилотных областях",
            Money::euros(2_100_000),
        ),
        MoneyLine::new(
            "Civil society in local development at national level",
            "Ұлттық деңгейдегі жергілікті дамудағы азаматтық қоғам",
            "Гражданское общество в местном развитии на национальном уровне",
            Money::euros(900_000),
        ),
    ]
}

/// One budget line or grant envelope as edited: its id once it exists, so that an edit
/// changes that line (and what refers to it) instead of replacing lines by position.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MoneyLine {
    /// Absent for a new line.
    #[serde(default)]
    pub id: Option<String>,
    /// English, authentic.
    pub label: String,
    /// Kazakh and Russian names for information (CFP-08); "" when not translated.
    #[serde(default)]
    pub label_kk: String,
    #[serde(default)]
    pub label_ru: String,
    /// Whole euro cents.
    pub amount_cents: Money,
}

impl MoneyLine {
    /// A new line (no id yet) named in the three languages.
    pub fn new(en: &str, kk: &str, ru: &str, amount: Money) -> MoneyLine {
        MoneyLine {
            id: None,
            label: en.to_string(),
            label_kk: kk.to_string(),
            label_ru: ru.to_string(),
            amount_cents: amount,
        }
    }

    /// The name in the reader's language, or the English one (marked as such).
    pub fn label_view(&self) -> super::text::Translated<'_> {
        super::text::Translated {
            en: &self.label,
            kk: &self.label_kk,
            ru: &self.label_ru,
        }
    }
}

/// What creating or editing a programme asks for, from the page or the API alike.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProgrammeCommand {
    pub reference: String,
    pub title: String,
    /// D; read on creation only (afterwards it changes through a recorded correction).
    pub entry_into_force: Option<NaiveDate>,
    pub total_budget: Money,
    pub budget_lines: Vec<MoneyLine>,
    pub envelopes: Vec<MoneyLine>,
}

/// Field names of `ProgrammeCommand` problems: the JSON property names of the API.
pub mod fields {
    pub const REFERENCE: &str = "reference";
    pub const TITLE: &str = "title";
    pub const ENTRY_INTO_FORCE: &str = "entry_into_force";
    pub const TOTAL_BUDGET: &str = "total_budget_cents";
    pub const BUDGET_LINES: &str = "budget_lines";
    pub const ENVELOPES: &str = "envelopes";
}

/// A cleaned command: texts trimmed, every problem listed at once.
pub fn check_programme(
    c: &ProgrammeCommand,
    creating: bool,
) -> Result<ProgrammeCommand, Vec<FieldError>> {
    let mut errors = Vec::new();
    let mut clean = c.clone();
    match text::line(fields::REFERENCE, &c.reference, 100) {
        Ok(v) => clean.reference = v,
        Err(e) => errors.push(e),
    }
    match text::line(fields::TITLE, &c.title, 300) {
        Ok(v) => clean.title = v,
        Err(e) => errors.push(e),
    }
    if creating {
        match c.entry_into_force.map(plausible_date) {
            Some(Ok(_)) => {}
            Some(Err(e)) => errors.push(FieldError::new(fields::ENTRY_INTO_FORCE, e.message_key())),
            None => errors.push(FieldError::new(
                fields::ENTRY_INTO_FORCE,
                "error-date-invalid",
            )),
        }
    }
    if c.total_budget <= Money::ZERO || c.total_budget > Money::MAX {
        errors.push(FieldError::new(
            fields::TOTAL_BUDGET,
            "error-amount-positive",
        ));
    }
    for (field, lines, cleaned) in [
        (
            fields::BUDGET_LINES,
            &c.budget_lines,
            &mut clean.budget_lines,
        ),
        (fields::ENVELOPES, &c.envelopes, &mut clean.envelopes),
    ] {
        for (line, out) in lines.iter().zip(cleaned.iter_mut()) {
            match text::line(field, &line.label, 200) {
                Ok(v) => out.label = v,
                Err(_) => {
                    errors.push(FieldError::new(field, "error-line-format"));
                    break;
                }
            }
            // The Kazakh and Russian names are optional (CFP-08).
            let translation = |v: &str| match v.trim() {
                "" => Ok(String::new()),
                v => text::line(field, v, 200),
            };
            match (translation(&line.label_kk), translation(&line.label_ru)) {
                (Ok(kk), Ok(ru)) => {
                    out.label_kk = kk;
                    out.label_ru = ru;
                }
                _ => {
                    errors.push(FieldError::new(field, "error-line-format"));
                    break;
                }
            }
            if line.amount_cents < Money::ZERO || line.amount_cents > Money::MAX {
                errors.push(FieldError::new(field, "error-line-amount"));
                break;
            }
        }
        let mut ids: Vec<&str> = lines.iter().filter_map(|l| l.id.as_deref()).collect();
        ids.sort_unstable();
        if ids.windows(2).any(|w| w[0] == w[1]) {
            errors.push(FieldError::new(field, "error-line-format"));
        }
    }
    if c.envelopes.is_empty() {
        errors.push(FieldError::new(
            fields::ENVELOPES,
            "error-envelopes-required",
        ));
    }
    if errors.is_empty() {
        let sum = |lines: &[MoneyLine]| Money::sum(lines.iter().map(|l| l.amount_cents));
        if sum(&c.budget_lines).is_none_or(|s| s > c.total_budget) {
            errors.push(FieldError::new(
                fields::BUDGET_LINES,
                "error-lines-over-total",
            ));
        }
        if sum(&c.envelopes).is_none_or(|s| s > c.total_budget) {
            errors.push(FieldError::new(
                fields::ENVELOPES,
                "error-envelopes-over-total",
            ));
        }
    }
    if errors.is_empty() {
        Ok(clean)
    } else {
        Err(errors)
    }
}

/// An envelope as stored: its id and amount.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CurrentEnvelope {
    pub id: String,
    pub amount: Money,
}

/// Checks an edit of the envelopes envelope by envelope against what published calls
/// (and, later, awards and contracts) already draw on each: an envelope in use cannot
/// be removed or fall below its use; ids must be the programme's own.
pub fn envelope_edit_problems(
    new: &[MoneyLine],
    current: &[CurrentEnvelope],
    used: &HashMap<String, Money>,
) -> Vec<FieldError> {
    let mut errors = Vec::new();
    for line in new {
        if let Some(id) = &line.id {
            if !current.iter().any(|c| &c.id == id) {
                errors.push(FieldError::new(fields::ENVELOPES, "error-envelope-unknown"));
            }
        }
    }
    for envelope in current {
        let in_use = used.get(&envelope.id).copied().unwrap_or(Money::ZERO);
        match new
            .iter()
            .find(|l| l.id.as_deref() == Some(envelope.id.as_str()))
        {
            None if in_use > Money::ZERO => {
                errors.push(FieldError::new(fields::ENVELOPES, "error-envelope-in-use"))
            }
            Some(line) if line.amount_cents < in_use => errors.push(FieldError::new(
                fields::ENVELOPES,
                "error-envelopes-below-calls",
            )),
            _ => {}
        }
    }
    errors.dedup();
    errors
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kazlod() -> ProgrammeCommand {
        ProgrammeCommand {
            reference: format!(" {KAZLOD_REFERENCE} "),
            title: KAZLOD_TITLE.into(),
            entry_into_force: NaiveDate::from_ymd_opt(2026, 3, 15),
            total_budget: KAZLOD_TOTAL,
            budget_lines: kazlod_budget_lines(),
            envelopes: kazlod_envelopes(),
        }
    }

    #[test]
    fn the_kazlod_budget_adds_up_to_15_million() {
        assert_eq!(
            Money::sum(kazlod_budget_lines().into_iter().map(|l| l.amount_cents)),
            Some(KAZLOD_TOTAL)
        );
        assert_eq!(
            Money::sum(kazlod_envelopes().into_iter().map(|l| l.amount_cents)),
            Some(Money::euros(3_000_000))
        );
        for l in kazlod_budget_lines()
            .iter()
            .chain(kazlod_envelopes().iter())
        {
            assert!(
                !l.label_kk.is_empty() && !l.label_ru.is_empty(),
                "{}",
                l.label
            );
        }
        let clean = check_programme(&kazlod(), true).unwrap();
        assert_eq!(clean.reference, KAZLOD_REFERENCE);
    }

    #[test]
    fn envelopes_up_to_the_total_pass_and_one_cent_more_is_refused() {
        let mut c = kazlod();
        c.total_budget = Money::euros(3_000_000);
        c.budget_lines.clear();
        assert!(check_programme(&c, true).is_ok());
        c.total_budget = Money::from_cents(Money::euros(3_000_000).cents() - 1);
        let errors = check_programme(&c, true).unwrap_err();
        assert_eq!(
            errors,
            vec![FieldError::new(
                fields::ENVELOPES,
                "error-envelopes-over-total"
            )]
        );
    }

    #[test]
    fn every_problem_is_named_by_its_api_field() {
        let mut c = kazlod();
        c.reference = "a\u{0}b".into();
        c.entry_into_force = NaiveDate::from_ymd_opt(9999, 1, 1);
        c.total_budget = Money::ZERO;
        c.envelopes.clear();
        let fields: Vec<_> = check_programme(&c, true)
            .unwrap_err()
            .into_iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(
            fields,
            vec![
                "reference",
                "entry_into_force",
                "total_budget_cents",
                "envelopes"
            ]
        );
        // D is not read when editing.
        c = kazlod();
        c.entry_into_force = None;
        assert!(check_programme(&c, false).is_ok());
    }

    #[test]
    fn an_envelope_in_use_cannot_shrink_below_its_use_or_go() {
        let current = vec![
            CurrentEnvelope {
                id: "pilot".into(),
                amount: Money::euros(2_100_000),
            },
            CurrentEnvelope {
                id: "national".into(),
                amount: Money::euros(900_000),
            },
        ];
        let used = HashMap::from([("national".to_string(), Money::euros(900_000))]);
        let edit = |pilot: i64, national: i64| {
            vec![
                MoneyLine {
                    id: Some("pilot".into()),
                    ..MoneyLine::new("P", "", "", Money::euros(pilot))
                },
                MoneyLine {
                    id: Some("national".into()),
                    ..MoneyLine::new("N", "", "", Money::euros(national))
                },
            ]
        };
        // The reported attack: 2,900,000 / 100,000 while EUR 900,000 is published nationally.
        assert_eq!(
            envelope_edit_problems(&edit(2_900_000, 100_000), &current, &used),
            vec![FieldError::new(
                fields::ENVELOPES,
                "error-envelopes-below-calls"
            )]
        );
        assert!(envelope_edit_problems(&edit(2_000_000, 900_000), &current, &used).is_empty());
        let without_national = vec![edit(2_100_000, 0).remove(0)];
        assert_eq!(
            envelope_edit_problems(&without_national, &current, &used),
            vec![FieldError::new(fields::ENVELOPES, "error-envelope-in-use")]
        );
        let foreign = vec![MoneyLine {
            id: Some("other".into()),
            ..MoneyLine::new("X", "", "", Money::ZERO)
        }];
        assert!(
            envelope_edit_problems(&foreign, &current, &HashMap::new()).contains(&FieldError::new(
                fields::ENVELOPES,
                "error-envelope-unknown"
            ))
        );
    }
}
