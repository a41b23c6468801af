//! Programme views: the page of a programme and `GET /api/v1/programmes/{id}`.

use chrono::NaiveDate;
use serde::Serialize;
use utoipa::ToSchema;

use super::UtcTime;
use crate::domain::calls::CallStatus;
use crate::domain::money::Money;
use crate::domain::timeline::Timeline;
use crate::services::programmes::ProgrammeDetail;

/// Every date of the programme, computed from D and the amendments in force today.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct TimelineView {
    #[serde(flatten)]
    pub dates: Timeline,
    /// TL-07: Steering Committee reports.
    pub steering_reports: Vec<NaiveDate>,
}

/// A budget line or grant envelope.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct MoneyLineView {
    pub id: String,
    /// English, authentic.
    pub label: String,
    /// Kazakh and Russian names for information ("" when not translated).
    pub label_kk: String,
    pub label_ru: String,
    /// Whole euro cents.
    pub amount_cents: Money,
}

/// A recorded amendment of a programme date (TL-06).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AmendmentView {
    /// call_launch_deadline, operational_end or execution_end.
    pub date: String,
    pub old_date: NaiveDate,
    pub new_date: NaiveDate,
    pub reason: String,
    pub addendum_reference: String,
    pub proposed_on: NaiveDate,
    pub effective_on: NaiveDate,
    pub recorded_at: UtcTime,
    /// Staff only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recorded_by: Option<String>,
}

/// A recorded correction of D (before the first call was published).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DCorrectionView {
    pub old_date: NaiveDate,
    pub new_date: NaiveDate,
    pub reason: String,
    pub recorded_at: UtcTime,
    /// Staff only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recorded_by: Option<String>,
}

/// A call of the programme, as listed on it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ProgrammeCallView {
    pub id: String,
    pub reference: String,
    pub title: String,
    pub title_kk: String,
    pub title_ru: String,
    pub status: CallStatus,
    pub deadline: Option<UtcTime>,
}

/// A programme (financing agreement) with its money and computed timeline.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ProgrammeView {
    pub id: String,
    pub reference: String,
    pub title: String,
    /// Whole euro cents.
    pub total_budget_cents: Money,
    /// The sum of the grant envelopes, in cents.
    pub grant_budget_cents: Money,
    pub timeline: TimelineView,
    pub budget_lines: Vec<MoneyLineView>,
    pub envelopes: Vec<MoneyLineView>,
    pub amendments: Vec<AmendmentView>,
    pub d_corrections: Vec<DCorrectionView>,
    /// D may still be corrected (no call was published yet).
    pub d_correctable: bool,
    /// Published and cancelled calls (staff see drafts too).
    pub calls: Vec<ProgrammeCallView>,
}

impl ProgrammeView {
    /// The view for `staff` (drafts and who recorded what) or for anyone.
    pub fn build(p: &ProgrammeDetail, staff: bool) -> ProgrammeView {
        let t = &p.timeline;
        let line = |id: &str, [label, label_kk, label_ru]: [&str; 3], cents: i64| MoneyLineView {
            id: id.to_string(),
            label: label.to_string(),
            label_kk: label_kk.to_string(),
            label_ru: label_ru.to_string(),
            amount_cents: Money::from_cents(cents),
        };
        ProgrammeView {
            id: p.programme.id.clone(),
            reference: p.programme.reference.clone(),
            title: p.programme.title.clone(),
            total_budget_cents: Money::from_cents(p.programme.total_budget_cents),
            grant_budget_cents: p.grant_budget(),
            timeline: TimelineView {
                dates: t.clone(),
                steering_reports: t.steering_reports(),
            },
            budget_lines: p
                .budget_lines
                .iter()
                .map(|l| line(&l.id, [&l.label, &l.label_kk, &l.label_ru], l.amount_cents))
                .collect(),
            envelopes: p
                .envelopes
                .iter()
                .map(|l| line(&l.id, [&l.label, &l.label_kk, &l.label_ru], l.amount_cents))
                .collect(),
            amendments: p
                .amendments
                .iter()
                .map(|a| AmendmentView {
                    date: a.date_field.clone(),
                    old_date: a.old_date,
                    new_date: a.new_date,
                    reason: a.reason.clone(),
                    addendum_reference: a.addendum_reference.clone(),
                    proposed_on: a.proposed_on,
                    effective_on: a.effective_on,
                    recorded_at: UtcTime(a.recorded_at),
                    recorded_by: staff.then(|| a.recorded_by.clone()),
                })
                .collect(),
            d_corrections: p
                .corrections
                .iter()
                .map(|c| DCorrectionView {
                    old_date: c.old_date,
                    new_date: c.new_date,
                    reason: c.reason.clone(),
                    recorded_at: UtcTime(c.recorded_at),
                    recorded_by: staff.then(|| c.recorded_by.clone()),
                })
                .collect(),
            d_correctable: p.d_correctable(),
            calls: p
                .calls
                .iter()
                .filter_map(|c| {
                    let status = CallStatus::parse(&c.status)?;
                    (staff || status != CallStatus::Draft).then(|| ProgrammeCallView {
                        id: c.id.clone(),
                        reference: c.reference.clone(),
                        title: c.title.clone(),
                        title_kk: c.title_kk.clone(),
                        title_ru: c.title_ru.clone(),
                        status,
                        deadline: c.deadline.map(UtcTime),
                    })
                })
                .collect(),
        }
    }
}
