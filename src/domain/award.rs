//! The award (SEL-03, NOT-01, PUB-01): the evaluation report's workflow (the chair
//! submits, the EU Delegation approves or sends it back), each application's outcome
//! with the reason code an unsuccessful applicant is told, the notification deadlines,
//! and the publication date of the awarded grants.

use chrono::{Duration, NaiveDate};
use serde::{Deserialize, Serialize};

use super::evaluation::EvaluationStage;
use super::workflow::Workflow;

/// The evaluation report of a call.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportStatus {
    /// No report submitted yet (the committee is evaluating).
    Open,
    /// Submitted by the chair; waiting for the EU Delegation.
    Submitted,
    /// Sent back by the Delegation with comments; the chair submits again.
    Returned,
    /// Approved by the Delegation: the award decision (SEL-03).
    Approved,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportEvent {
    Submit,
    Approve,
    Return,
}

impl ReportStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            ReportStatus::Open => "open",
            ReportStatus::Submitted => "submitted",
            ReportStatus::Returned => "returned",
            ReportStatus::Approved => "approved",
        }
    }

    pub fn parse(s: &str) -> Option<ReportStatus> {
        Self::STATES.iter().copied().find(|v| v.as_str() == s)
    }
}

impl Workflow for ReportStatus {
    type Event = ReportEvent;
    const STATES: &'static [ReportStatus] = &[
        ReportStatus::Open,
        ReportStatus::Submitted,
        ReportStatus::Returned,
        ReportStatus::Approved,
    ];
    const EVENTS: &'static [ReportEvent] = &[
        ReportEvent::Submit,
        ReportEvent::Approve,
        ReportEvent::Return,
    ];

    fn next(self, event: ReportEvent) -> Option<ReportStatus> {
        use ReportEvent as E;
        use ReportStatus as S;
        match (self, event) {
            (S::Open | S::Returned, E::Submit) => Some(S::Submitted),
            (S::Submitted, E::Approve) => Some(S::Approved),
            (S::Submitted, E::Return) => Some(S::Returned),
            _ => None,
        }
    }

    fn refusal(self, event: ReportEvent) -> &'static str {
        match (self, event) {
            (ReportStatus::Approved, _) => "error-report-approved",
            (ReportStatus::Submitted, ReportEvent::Submit) => "error-report-waiting",
            _ => "error-report-not-submitted",
        }
    }
}

/// What an application's evaluation came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// Provisionally selected at the final stage: awarded once the report is approved.
    Awarded,
    /// On the reserve list (SEL-01).
    Reserve,
    /// Not successful, with its reason.
    Rejected,
    /// A restricted call's concept note on the shortlist: invited to the full application
    /// once the concept-note report is approved (never a final outcome).
    Shortlisted,
}

impl Outcome {
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Awarded => "awarded",
            Outcome::Reserve => "reserve",
            Outcome::Rejected => "rejected",
            Outcome::Shortlisted => "shortlisted",
        }
    }

    pub fn parse(s: &str) -> Option<Outcome> {
        [
            Outcome::Awarded,
            Outcome::Reserve,
            Outcome::Rejected,
            Outcome::Shortlisted,
        ]
        .into_iter()
        .find(|o| o.as_str() == s)
    }
}

/// SEL-03: the stage whose report the chair submits next. A restricted call's concept-note
/// stage has its own report, approved by the EU Delegation before anyone is invited or
/// told; the full applications' report follows. An open call has one report.
pub fn report_stage(restricted: bool, concept_report_approved: bool) -> EvaluationStage {
    if restricted && !concept_report_approved {
        EvaluationStage::Concept
    } else {
        EvaluationStage::Full
    }
}

/// SEL-03: the status an applicant sees. A rejection at the administrative check reaches
/// the applicant in the stage's notification batch, after the EU Delegation approved the
/// stage's report; until they are told, their application reads as submitted.
pub fn status_shown_to_applicant(status: &str, told: bool) -> &str {
    if status == "rejected" && !told {
        "submitted"
    } else {
        status
    }
}

/// NOT-01: the reason an unsuccessful applicant is told, by code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReasonCode {
    Late,
    Incomplete,
    NotEligible,
    BelowThreshold,
    NotSelectedWithinEnvelope,
    SupportingDocuments,
}

impl ReasonCode {
    pub fn as_str(self) -> &'static str {
        match self {
            ReasonCode::Late => "late",
            ReasonCode::Incomplete => "incomplete",
            ReasonCode::NotEligible => "not_eligible",
            ReasonCode::BelowThreshold => "below_threshold",
            ReasonCode::NotSelectedWithinEnvelope => "not_selected_within_envelope",
            ReasonCode::SupportingDocuments => "supporting_documents",
        }
    }

    /// The message key of the reason, as the applicant reads it.
    pub fn message_key(self) -> String {
        format!("reason-{}", self.as_str().replace('_', "-"))
    }

    /// ADM-01/02: a rejection at the administrative check, from the failed items: a
    /// missed deadline is "late", any other missing piece "incomplete".
    pub fn of_failed_items(items: &str) -> ReasonCode {
        if items.split(',').any(|i| i.trim() == "deadline") {
            ReasonCode::Late
        } else {
            ReasonCode::Incomplete
        }
    }
}

/// NOT-01: successful applicants are told within 15 days of the award decision, and
/// within 6 months of the full-application deadline, whichever comes first.
pub fn successful_notice_by(decided_on: NaiveDate, full_deadline: Option<NaiveDate>) -> NaiveDate {
    let by_decision = decided_on + Duration::days(15);
    match full_deadline.and_then(|d| super::time::add_months(d, 6).ok()) {
        Some(six_months) if six_months < by_decision => six_months,
        _ => by_decision,
    }
}

/// NOT-01: the day by which the successful applicants still waiting must be told: 15
/// days after the decision, and within 6 months of each one's own full-application
/// deadline (in a restricted call, the deadline of its invitation, not the concept
/// notes'); the earliest of them.
pub fn successful_notice_due(
    decided_on: NaiveDate,
    waiting_full_deadlines: &[Option<NaiveDate>],
) -> NaiveDate {
    waiting_full_deadlines
        .iter()
        .map(|d| successful_notice_by(decided_on, *d))
        .min()
        .unwrap_or_else(|| successful_notice_by(decided_on, None))
}

/// NOT-01: unsuccessful applicants are told within 15 days after the successful ones
/// (counted from the decision while those have not been told).
pub fn unsuccessful_notice_by(
    successful_told_on: Option<NaiveDate>,
    decided_on: NaiveDate,
) -> NaiveDate {
    successful_told_on.unwrap_or(decided_on + Duration::days(15)) + Duration::days(15)
}

/// How close a notification deadline is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Urgency {
    Done,
    Due,
    /// Three days or fewer left.
    Soon,
    Overdue,
}

pub fn urgency(deadline: NaiveDate, today: NaiveDate, done: bool) -> Urgency {
    if done {
        Urgency::Done
    } else if today > deadline {
        Urgency::Overdue
    } else if (deadline - today).num_days() <= 3 {
        Urgency::Soon
    } else {
        Urgency::Due
    }
}

/// PUB-01: grants awarded in a year are published by 30 June of the following year.
pub fn publication_due(decided_on: NaiveDate) -> NaiveDate {
    use chrono::Datelike;
    NaiveDate::from_ymd_opt(decided_on.year() + 1, 6, 30).unwrap_or(decided_on)
}

/// SEL-02: the supporting documents asked of a provisionally selected or reserve
/// applicant (statutes cover the applicant's and co-applicants').
pub const SUPPORTING_DOCUMENTS: [&str; 5] = [
    "statutes",
    "legal_entity",
    "financial_identification",
    "accounts",
    "audit_report",
];

/// SEL-02: an external audit report is asked for when the grant exceeds EUR 750,000
/// (PRAG 2012, 6.4.10.2; the threshold used by AUD-01 too).
pub const AUDIT_REPORT_ABOVE_CENTS: i64 = 75_000_000;

/// The documents asked for a grant of this amount.
pub fn required_documents(amount_cents: i64) -> Vec<&'static str> {
    SUPPORTING_DOCUMENTS
        .into_iter()
        .filter(|d| *d != "audit_report" || amount_cents > AUDIT_REPORT_ABOVE_CENTS)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn not_01_six_months_count_from_each_applications_own_full_deadline() {
        let d = |m: u32, day: u32| NaiveDate::from_ymd_opt(2027, m, day).unwrap();
        // Concept notes 15 Jan, full applications 1 Apr, award 20 Jul: 15 days after
        // the award (4 Aug) comes before 1 Oct.
        assert_eq!(successful_notice_due(d(7, 20), &[Some(d(4, 1))]), d(8, 4));
        // One invitation with an earlier deadline decides for the batch.
        assert_eq!(
            successful_notice_due(d(7, 20), &[Some(d(4, 1)), Some(d(1, 25))]),
            d(7, 25)
        );
        // The last allowed day is the 6-month mark itself.
        assert_eq!(successful_notice_due(d(9, 25), &[Some(d(4, 1))]), d(10, 1));
        assert_eq!(successful_notice_due(d(7, 20), &[]), d(8, 4));
    }
    use crate::domain::workflow::assert_transitions;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn sel_03_the_report_is_submitted_then_approved_or_returned() {
        use ReportEvent as E;
        use ReportStatus as S;
        assert_transitions(&[
            (S::Open, E::Submit, S::Submitted),
            (S::Returned, E::Submit, S::Submitted),
            (S::Submitted, E::Approve, S::Approved),
            (S::Submitted, E::Return, S::Returned),
        ]);
        for s in ReportStatus::STATES {
            assert_eq!(ReportStatus::parse(s.as_str()), Some(*s));
        }
    }

    #[test]
    fn not_01_successful_within_15_days_or_6_months_of_the_deadline() {
        assert_eq!(successful_notice_by(d("2027-03-01"), None), d("2027-03-16"));
        // Six months after a deadline of 10 September 2026 is 10 March 2027: earlier.
        assert_eq!(
            successful_notice_by(d("2027-03-01"), Some(d("2026-09-10"))),
            d("2027-03-10")
        );
        assert_eq!(
            successful_notice_by(d("2027-03-01"), Some(d("2026-10-31"))),
            d("2027-03-16")
        );
        assert_eq!(
            unsuccessful_notice_by(Some(d("2027-03-05")), d("2027-03-01")),
            d("2027-03-20")
        );
        assert_eq!(
            unsuccessful_notice_by(None, d("2027-03-01")),
            d("2027-03-31")
        );
    }

    #[test]
    fn deadlines_warn_three_days_ahead_and_after_they_pass() {
        let by = d("2027-03-16");
        assert_eq!(urgency(by, d("2027-03-12"), false), Urgency::Due);
        assert_eq!(urgency(by, d("2027-03-13"), false), Urgency::Soon);
        assert_eq!(urgency(by, d("2027-03-16"), false), Urgency::Soon);
        assert_eq!(urgency(by, d("2027-03-17"), false), Urgency::Overdue);
        assert_eq!(urgency(by, d("2027-03-17"), true), Urgency::Done);
    }

    #[test]
    fn sel_02_an_audit_report_only_above_750_000_euros() {
        assert_eq!(required_documents(75_000_000).len(), 4);
        assert_eq!(required_documents(75_000_001).len(), 5);
        assert!(required_documents(75_000_001).contains(&"audit_report"));
    }

    #[test]
    fn reasons_and_publication() {
        assert_eq!(
            ReasonCode::of_failed_items("form,deadline"),
            ReasonCode::Late
        );
        assert_eq!(
            ReasonCode::of_failed_items("declaration"),
            ReasonCode::Incomplete
        );
        assert_eq!(
            ReasonCode::NotSelectedWithinEnvelope.message_key(),
            "reason-not-selected-within-envelope"
        );
        assert_eq!(publication_due(d("2027-12-31")), d("2028-06-30"));
        assert_eq!(publication_due(d("2027-01-01")), d("2028-06-30"));
    }

    #[test]
    fn a_rejection_shows_to_the_applicant_once_told() {
        assert_eq!(status_shown_to_applicant("rejected", false), "submitted");
        assert_eq!(status_shown_to_applicant("rejected", true), "rejected");
        assert_eq!(status_shown_to_applicant("draft", false), "draft");
    }
}
