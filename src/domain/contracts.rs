//! Grant contracts (DOMAIN.md §7, TL-02/03): the contract's workflow, the terms checked at
//! each signature, the payment schedule and the release of each tranche (PAY-01/02), the
//! reports due (REP-01, AUD-01), amendments (AMD-01/02), automatic termination (CON-03),
//! the final grant (CON-04) and how long records are kept (REC-01).
//!
//! Dates are calendar days in Almaty. A contract of `n` months starting on `s` ends on
//! the day before `s + n months` (so 1 January + 12 months ends on 31 December).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::money::Money;
use super::time::{add_days, add_months, DateError};
use super::timeline::Timeline;
use super::workflow::Workflow;
use super::FieldError;

/// A grant contract lasts at most 48 months (CON-02).
pub const MAX_DURATION_MONTHS: u32 = 48;
/// CON-01: the beneficiary countersigns within 30 days of receiving the contract.
pub const COUNTERSIGN_DAYS: i64 = 30;
/// Days before the countersignature deadline at which the beneficiary is reminded.
pub const COUNTERSIGN_REMINDER_DAYS: i64 = 7;
/// PAY-01: the first pre-financing is paid within 45 days of the countersignature.
pub const FIRST_PAYMENT_DAYS: i64 = 45;
/// PAY-01/02: further tranches and the balance within 45 days of the report's approval.
pub const PAYMENT_AFTER_APPROVAL_DAYS: i64 = 45;
/// PAY-01: actions of at most 12 months or EUR 100,000 get one pre-financing.
pub const SHORT_ACTION_MONTHS: u32 = 12;
pub const SMALL_ACTION: Money = Money::euros(100_000);
/// PAY-01: pre-financing is 80% (of everything, or of the first 12 months' budget).
pub const PRE_FINANCING_BP: i64 = 8_000;
/// PAY-02: total pre-financing never exceeds 90% of the maximum EU contribution.
pub const PRE_FINANCING_CAP_BP: i64 = 9_000;
/// PAY-02: a further tranche needs 70% of the previous payment spent.
pub const PREVIOUS_PAYMENT_SPENT_BP: i64 = 7_000;
/// REP-01: the interim report is due this many days after its 12-month period (an
/// assumption: PRAG's usual 60 days; DOMAIN.md only ties it to the tranche request).
pub const INTERIM_REPORT_DAYS: i64 = 60;
/// REP-01: the final report within 3 months of the end (6 when the lead is abroad).
pub const FINAL_REPORT_MONTHS: u32 = 3;
pub const FINAL_REPORT_MONTHS_ABROAD: u32 = 6;
/// REP-01: requests for information are answered within 30 days.
pub const INFORMATION_DAYS: i64 = 30;
/// AUD-01 (param): an expenditure verification goes with the final report above
/// EUR 100,000, and with every yearly request from EUR 750,000.
pub const VERIFICATION_FINAL_ABOVE: Money = Money::euros(100_000);
pub const VERIFICATION_YEARLY_FROM: Money = Money::euros(750_000);

/// The contract rules a call sets (param in DOMAIN.md): AUD-01's thresholds and AMD-02's
/// share; the defaults are the programme's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ContractRules {
    pub verification_final_above: Money,
    pub verification_yearly_from: Money,
    /// Basis points of a heading (1,500 = 15%).
    pub transfer_notification_bp: i64,
}

impl Default for ContractRules {
    fn default() -> Self {
        ContractRules {
            verification_final_above: VERIFICATION_FINAL_ABOVE,
            verification_yearly_from: VERIFICATION_YEARLY_FROM,
            transfer_notification_bp: TRANSFER_THRESHOLD_BP,
        }
    }
}

impl ContractRules {
    pub fn of_call(p: &super::calls::CallParameters) -> ContractRules {
        ContractRules {
            verification_final_above: Money::from_cents(p.verification_final_above_cents),
            verification_yearly_from: Money::from_cents(p.verification_yearly_from_cents),
            transfer_notification_bp: p.transfer_notification_percent.saturating_mul(100),
        }
    }
}
/// AMD-01: addenda are requested at least 30 days before they take effect; extensions
/// at least one month before the end date.
pub const AMENDMENT_NOTICE_DAYS: i64 = 30;
pub const EXTENSION_NOTICE_MONTHS: u32 = 1;
/// AMD-02 (param): transfers between main headings up to 15% of each heading.
pub const TRANSFER_THRESHOLD_BP: i64 = 1_500;
/// CON-03: no payment within 3 years of signature terminates the contract.
pub const NO_PAYMENT_MONTHS: u32 = 36;
/// CON-03: the warning goes this many days ahead.
pub const NO_PAYMENT_WARNING_DAYS: i64 = 30;
/// REC-01 / TL-08: records are kept 7 years after the final payment.
pub const RECORDS_KEPT_MONTHS: u32 = 84;

/// Where a grant contract stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ContractStatus {
    /// Prepared by Delegation staff; its terms may still change.
    Draft,
    /// Signed by the Delegation and sent: waiting for the countersignature (CON-01).
    Sent,
    /// Countersigned: the action is being implemented.
    Active,
    /// Implementation suspended (AMD-01: the period is extended by its length).
    Suspended,
    /// Final grant settled: balance paid or recovery ordered (CON-04).
    Closed,
    /// Ended early, with the reason recorded (CON-03 or a decision).
    Terminated,
    /// Never signed by the beneficiary (withdrawn by the Delegation).
    Withdrawn,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ContractEvent {
    Send,
    Countersign,
    Suspend,
    Resume,
    Close,
    Terminate,
    Withdraw,
}

impl ContractStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            ContractStatus::Draft => "draft",
            ContractStatus::Sent => "sent",
            ContractStatus::Active => "active",
            ContractStatus::Suspended => "suspended",
            ContractStatus::Closed => "closed",
            ContractStatus::Terminated => "terminated",
            ContractStatus::Withdrawn => "withdrawn",
        }
    }

    pub fn parse(s: &str) -> Option<ContractStatus> {
        Self::STATES.iter().copied().find(|v| v.as_str() == s)
    }

    /// The message key of the state's name.
    pub fn label_key(self) -> String {
        format!("contract-status-{}", self.as_str())
    }

    /// Signed by both sides and not ended: payments, reports and amendments happen.
    pub fn is_running(self) -> bool {
        matches!(self, ContractStatus::Active | ContractStatus::Suspended)
    }
}

impl Workflow for ContractStatus {
    type Event = ContractEvent;
    const STATES: &'static [ContractStatus] = &[
        ContractStatus::Draft,
        ContractStatus::Sent,
        ContractStatus::Active,
        ContractStatus::Suspended,
        ContractStatus::Closed,
        ContractStatus::Terminated,
        ContractStatus::Withdrawn,
    ];
    const EVENTS: &'static [ContractEvent] = &[
        ContractEvent::Send,
        ContractEvent::Countersign,
        ContractEvent::Suspend,
        ContractEvent::Resume,
        ContractEvent::Close,
        ContractEvent::Terminate,
        ContractEvent::Withdraw,
    ];

    fn next(self, event: ContractEvent) -> Option<ContractStatus> {
        use ContractEvent as E;
        use ContractStatus as S;
        match (self, event) {
            (S::Draft, E::Send) => Some(S::Sent),
            (S::Sent, E::Countersign) => Some(S::Active),
            (S::Draft | S::Sent, E::Withdraw) => Some(S::Withdrawn),
            (S::Active, E::Suspend) => Some(S::Suspended),
            (S::Suspended, E::Resume) => Some(S::Active),
            (S::Active, E::Close) => Some(S::Closed),
            (S::Active | S::Suspended, E::Terminate) => Some(S::Terminated),
            _ => None,
        }
    }

    fn refusal(self, event: ContractEvent) -> &'static str {
        match (self, event) {
            (
                ContractStatus::Closed | ContractStatus::Terminated | ContractStatus::Withdrawn,
                _,
            ) => "error-contract-ended",
            (ContractStatus::Draft, _) => "error-contract-not-sent",
            (ContractStatus::Sent, _) => "error-contract-not-countersigned",
            (ContractStatus::Suspended, ContractEvent::Suspend) => "error-contract-suspended",
            (ContractStatus::Suspended, _) => "error-contract-suspended",
            (ContractStatus::Active, _) => "error-contract-active",
        }
    }
}

/// What the award decided for the application (SEL-03): the ceiling of the contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Award {
    pub amount: Money,
    pub eu_share_bp: i64,
}

/// The terms Delegation staff set on a contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Terms {
    /// The maximum EU contribution.
    pub max_eu: Money,
    /// The EU share of the eligible costs, in basis points.
    pub eu_share_bp: i64,
    pub duration_months: u32,
    /// An agreed start later than the day after the last signature.
    pub agreed_start: Option<NaiveDate>,
}

/// The last day of an action of `months` months starting on `start`.
pub fn end_date(start: NaiveDate, months: u32) -> Result<NaiveDate, DateError> {
    add_days(add_months(start, months)?, -1)
}

/// CON-02: the action starts the day after the last signature, or on the agreed later
/// day.
pub fn start_date(
    last_signature: NaiveDate,
    agreed: Option<NaiveDate>,
) -> Result<NaiveDate, DateError> {
    let earliest = add_days(last_signature, 1)?;
    Ok(agreed.map_or(earliest, |a| a.max(earliest)))
}

/// CON-02: the longest duration (months) an action starting on `start` may still have:
/// at most 48 months and ending by the end of the operational phase (TL-03). Zero when
/// not even one month fits.
pub fn longest_duration(start: NaiveDate, timeline: &Timeline) -> u32 {
    (1..=MAX_DURATION_MONTHS)
        .rev()
        .find(|&m| end_date(start, m).is_ok_and(|end| end <= timeline.operational_end))
        .unwrap_or(0)
}

/// Who signs: the Delegation prepares and sends, the beneficiary countersigns last.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Signatory {
    Delegation,
    Beneficiary,
}

/// CON-01/02, TL-02/03: what is wrong with `terms` for a contract signed on `signature`
/// by `by` (the Delegation when preparing or sending, the beneficiary when
/// countersigning). An agreed start must come after the Delegation's signature; at the
/// countersignature one that has passed is no longer a problem: the action then starts
/// the next day (CON-02, `start_date`).
pub fn terms_problems(
    terms: &Terms,
    award: &Award,
    timeline: &Timeline,
    signature: NaiveDate,
    by: Signatory,
) -> Vec<FieldError> {
    let mut problems = Vec::new();
    if terms.max_eu <= Money::ZERO {
        problems.push(FieldError::new("max_eu", "error-contract-amount"));
    } else if terms.max_eu > award.amount {
        // CON-01: never more than awarded.
        problems.push(FieldError::new("max_eu", "error-contract-above-award"));
    }
    if terms.eu_share_bp <= 0 || terms.eu_share_bp > 10_000 {
        problems.push(FieldError::new("eu_share", "error-contract-share"));
    } else if terms.eu_share_bp > award.eu_share_bp {
        problems.push(FieldError::new(
            "eu_share",
            "error-contract-share-above-award",
        ));
    }
    // TL-02: never extended.
    if signature > timeline.contracting_deadline {
        problems.push(FieldError::new(
            "signature",
            "error-contract-signature-late",
        ));
    }
    if by == Signatory::Delegation && terms.agreed_start.is_some_and(|a| a <= signature) {
        problems.push(FieldError::new(
            "agreed_start",
            "error-contract-start-early",
        ));
    }
    if terms.duration_months == 0 || terms.duration_months > MAX_DURATION_MONTHS {
        problems.push(FieldError::new("duration", "error-contract-duration"));
    } else {
        // TL-03: costs are eligible only inside the operational phase.
        let start = start_date(signature, terms.agreed_start);
        let end = start.and_then(|s| end_date(s, terms.duration_months));
        if end.map_or(true, |end| end > timeline.operational_end) {
            // CON-02: say which duration still fits.
            let longest = start.map_or(0, |s| longest_duration(s, timeline));
            problems.push(
                FieldError::new("duration", "error-contract-end-late")
                    .with("longest", longest.to_string()),
            );
        }
    }
    problems
}

/// CON-01: the last day the beneficiary may countersign a contract sent on `sent_on`.
pub fn countersign_by(sent_on: NaiveDate) -> Result<NaiveDate, DateError> {
    add_days(sent_on, COUNTERSIGN_DAYS)
}

/// The kind of a tranche of the payment schedule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TrancheKind {
    /// The first pre-financing, after the countersignature (PAY-01).
    PreFinancing,
    /// A further pre-financing on an approved interim report (PAY-01/02).
    Further,
    /// The balance, after the final report (PAY-02, CON-04).
    Balance,
}

impl TrancheKind {
    pub fn as_str(self) -> &'static str {
        match self {
            TrancheKind::PreFinancing => "pre_financing",
            TrancheKind::Further => "further",
            TrancheKind::Balance => "balance",
        }
    }

    pub fn parse(s: &str) -> Option<TrancheKind> {
        [
            TrancheKind::PreFinancing,
            TrancheKind::Further,
            TrancheKind::Balance,
        ]
        .into_iter()
        .find(|k| k.as_str() == s)
    }
}

/// One planned payment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlannedTranche {
    /// 1, 2, …
    pub position: u32,
    pub kind: TrancheKind,
    pub amount: Money,
    /// The report whose approval releases it (None for the first pre-financing).
    pub after_report: Option<u32>,
}

/// Whether PAY-01's single pre-financing applies (short or small action).
pub fn is_short_or_small(max_eu: Money, duration_months: u32) -> bool {
    duration_months <= SHORT_ACTION_MONTHS || max_eu <= SMALL_ACTION
}

/// The number of 12-month reporting periods of an action (the last may be shorter).
pub fn periods(duration_months: u32) -> u32 {
    duration_months.div_ceil(12).max(1)
}

/// The EU-financed budget of each 12-month period, the maximum spread over the months
/// (the portal proposes; staff may change the amounts before sending). The last period
/// takes the rounding.
pub fn budget_per_period(max_eu: Money, duration_months: u32) -> Vec<Money> {
    let n = periods(duration_months);
    let total = max_eu.cents() as i128;
    let months = duration_months.max(1) as i128;
    let mut out = Vec::new();
    let mut given = 0i128;
    for k in 0..n {
        let in_period = (duration_months.saturating_sub(12 * k)).min(12) as i128;
        let amount = if k + 1 == n {
            total - given
        } else {
            total * in_period / months
        };
        given += amount;
        out.push(Money::from_cents(amount as i64));
    }
    out
}

/// PAY-01: the proposed tranches. Short or small actions: 80% pre-financing, the
/// balance after the final report. Longer ones: 80% of the first period's budget, then
/// each next period's budget on the approved interim report of the one before, total
/// pre-financing capped at 90% (PAY-02), the balance at the end. Reports are numbered
/// 1… in the order of `report_schedule`.
pub fn payment_schedule(max_eu: Money, duration_months: u32) -> Vec<PlannedTranche> {
    let cap = max_eu.share(PRE_FINANCING_CAP_BP).unwrap_or(Money::ZERO);
    let n = periods(duration_months);
    let mut tranches = Vec::new();
    let mut pre_financing = Money::ZERO;
    if is_short_or_small(max_eu, duration_months) {
        let first = max_eu.share(PRE_FINANCING_BP).unwrap_or(Money::ZERO);
        tranches.push(PlannedTranche {
            position: 1,
            kind: TrancheKind::PreFinancing,
            amount: first,
            after_report: None,
        });
        pre_financing = first;
    } else {
        let budgets = budget_per_period(max_eu, duration_months);
        for (k, budget) in budgets.iter().enumerate() {
            let wanted = if k == 0 {
                budget.share(PRE_FINANCING_BP).unwrap_or(Money::ZERO)
            } else {
                *budget
            };
            let amount = wanted.min(cap.saturating_sub(pre_financing));
            if amount <= Money::ZERO {
                break;
            }
            tranches.push(PlannedTranche {
                position: k as u32 + 1,
                kind: if k == 0 {
                    TrancheKind::PreFinancing
                } else {
                    TrancheKind::Further
                },
                amount,
                after_report: (k > 0).then_some(k as u32),
            });
            pre_financing = pre_financing.checked_add(amount).unwrap_or(cap);
        }
    }
    let final_report = if is_short_or_small(max_eu, duration_months) {
        1
    } else {
        n
    };
    tranches.push(PlannedTranche {
        position: tranches.len() as u32 + 1,
        kind: TrancheKind::Balance,
        amount: max_eu.saturating_sub(pre_financing),
        after_report: Some(final_report),
    });
    tranches
}

/// The kind of a report of the contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportKind {
    Interim,
    Final,
}

impl ReportKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ReportKind::Interim => "interim",
            ReportKind::Final => "final",
        }
    }

    pub fn parse(s: &str) -> Option<ReportKind> {
        [ReportKind::Interim, ReportKind::Final]
            .into_iter()
            .find(|k| k.as_str() == s)
    }
}

/// One report due.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReportDue {
    pub position: u32,
    pub kind: ReportKind,
    /// The last day of the period it covers.
    pub period_end: NaiveDate,
    pub due_on: NaiveDate,
    /// AUD-01: an expenditure verification report must go with it.
    pub verification: bool,
}

/// REP-01, AUD-01: an interim report after each 12-month period but the last (only
/// when the action has further tranches), and the final report within 3 months of the
/// end (6 when the lead is based outside Kazakhstan).
pub fn report_schedule(
    start: NaiveDate,
    end: NaiveDate,
    max_eu: Money,
    duration_months: u32,
    lead_abroad: bool,
    rules: &ContractRules,
) -> Result<Vec<ReportDue>, DateError> {
    let mut reports = Vec::new();
    if !is_short_or_small(max_eu, duration_months) {
        for k in 1..periods(duration_months) {
            let period_end = end_date(start, 12 * k)?;
            reports.push(ReportDue {
                position: k,
                kind: ReportKind::Interim,
                period_end,
                due_on: add_days(period_end, INTERIM_REPORT_DAYS)?,
                verification: max_eu >= rules.verification_yearly_from,
            });
        }
    }
    let months = if lead_abroad {
        FINAL_REPORT_MONTHS_ABROAD
    } else {
        FINAL_REPORT_MONTHS
    };
    reports.push(ReportDue {
        position: reports.len() as u32 + 1,
        kind: ReportKind::Final,
        period_end: end,
        due_on: add_months(end, months)?,
        verification: max_eu > rules.verification_final_above,
    });
    Ok(reports)
}

/// Where a report stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportStatus {
    /// Not yet submitted.
    Due,
    Submitted,
    /// Staff asked for more information (answer within 30 days).
    InformationRequested,
    Approved,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReportEvent {
    Submit,
    RequestInformation,
    Approve,
}

impl ReportStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            ReportStatus::Due => "due",
            ReportStatus::Submitted => "submitted",
            ReportStatus::InformationRequested => "information_requested",
            ReportStatus::Approved => "approved",
        }
    }

    pub fn parse(s: &str) -> Option<ReportStatus> {
        Self::STATES.iter().copied().find(|v| v.as_str() == s)
    }

    pub fn label_key(self) -> String {
        format!("contract-report-status-{}", self.as_str().replace('_', "-"))
    }
}

impl Workflow for ReportStatus {
    type Event = ReportEvent;
    const STATES: &'static [ReportStatus] = &[
        ReportStatus::Due,
        ReportStatus::Submitted,
        ReportStatus::InformationRequested,
        ReportStatus::Approved,
    ];
    const EVENTS: &'static [ReportEvent] = &[
        ReportEvent::Submit,
        ReportEvent::RequestInformation,
        ReportEvent::Approve,
    ];

    fn next(self, event: ReportEvent) -> Option<ReportStatus> {
        use ReportEvent as E;
        use ReportStatus as S;
        match (self, event) {
            (S::Due | S::InformationRequested, E::Submit) => Some(S::Submitted),
            (S::Submitted, E::RequestInformation) => Some(S::InformationRequested),
            (S::Submitted, E::Approve) => Some(S::Approved),
            _ => None,
        }
    }

    fn refusal(self, event: ReportEvent) -> &'static str {
        match (self, event) {
            (ReportStatus::Approved, _) => "error-contract-report-approved",
            (ReportStatus::Submitted, ReportEvent::Submit) => "error-contract-report-waiting",
            _ => "error-contract-report-not-submitted",
        }
    }
}

/// PAY-02: how much of a further tranche may be paid, with the arithmetic shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Release {
    /// The tranche as planned.
    pub planned: Money,
    /// What had to be spent: 100% of earlier payments and 70% of the previous one.
    pub required: Money,
    /// The EU-financed expenditure reported (costs × EU share).
    pub spent: Money,
    /// The unspent part the tranche is reduced by.
    pub shortfall: Money,
    /// Taken off so that total pre-financing stays within 90% (PAY-02).
    pub over_cap: Money,
    /// What may be paid.
    pub payable: Money,
}

/// PAY-02: the release of a further tranche after payments `paid` (in order) when the
/// approved report declares `costs_incurred` of eligible costs.
pub fn further_tranche_release(
    planned: Money,
    paid: &[Money],
    costs_incurred: Money,
    eu_share_bp: i64,
    max_eu: Money,
) -> Release {
    let (earlier, previous) = match paid.split_last() {
        Some((last, rest)) => (
            Money::sum(rest.iter().copied()).unwrap_or(Money::MAX),
            *last,
        ),
        None => (Money::ZERO, Money::ZERO),
    };
    let required = earlier
        .checked_add(
            previous
                .share(PREVIOUS_PAYMENT_SPENT_BP)
                .unwrap_or(Money::ZERO),
        )
        .unwrap_or(Money::MAX);
    let spent = costs_incurred.share(eu_share_bp).unwrap_or(Money::MAX);
    let shortfall = required.saturating_sub(spent);
    let reduced = planned.saturating_sub(shortfall);
    let paid_total = Money::sum(paid.iter().copied()).unwrap_or(Money::MAX);
    let room = max_eu
        .share(PRE_FINANCING_CAP_BP)
        .unwrap_or(Money::ZERO)
        .saturating_sub(paid_total);
    let payable = reduced.min(room);
    Release {
        planned,
        required,
        spent,
        shortfall,
        over_cap: reduced.saturating_sub(payable),
        payable,
    }
}

/// CON-04: the final grant and what remains to pay (or to recover).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct FinalGrant {
    /// EU share × accepted eligible costs.
    pub by_share: Money,
    pub maximum: Money,
    /// The lower of the two.
    pub grant: Money,
    pub paid: Money,
    /// To pay as the balance (zero when a recovery is due).
    pub balance: Money,
    /// To recover (zero when a balance is due).
    pub recovery: Money,
}

pub fn final_grant(
    accepted_costs: Money,
    eu_share_bp: i64,
    maximum: Money,
    paid: Money,
) -> FinalGrant {
    let by_share = accepted_costs.share(eu_share_bp).unwrap_or(Money::MAX);
    let grant = by_share.min(maximum);
    FinalGrant {
        by_share,
        maximum,
        grant,
        paid,
        balance: grant.saturating_sub(paid),
        recovery: paid.saturating_sub(grant),
    }
}

/// REC-01: records of a contract are kept until this day.
pub fn keep_records_until(final_payment: NaiveDate) -> Result<NaiveDate, DateError> {
    add_months(final_payment, RECORDS_KEPT_MONTHS)
}

/// CON-03: the day a contract signed on `signed` is terminated when nothing was paid.
pub fn no_payment_termination_on(signed: NaiveDate) -> Result<NaiveDate, DateError> {
    add_months(signed, NO_PAYMENT_MONTHS)
}

/// What the daily watch must do about a contract with no payment (CON-03).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoPaymentWatch {
    Nothing,
    /// Warn: the termination day is near.
    Warn(NaiveDate),
    /// Terminate: the day has come.
    Terminate(NaiveDate),
}

pub fn no_payment_watch(signed: NaiveDate, any_payment: bool, today: NaiveDate) -> NoPaymentWatch {
    if any_payment {
        return NoPaymentWatch::Nothing;
    }
    let Ok(on) = no_payment_termination_on(signed) else {
        return NoPaymentWatch::Nothing;
    };
    if today >= on {
        NoPaymentWatch::Terminate(on)
    } else if add_days(today, NO_PAYMENT_WARNING_DAYS).is_ok_and(|w| w >= on) {
        NoPaymentWatch::Warn(on)
    } else {
        NoPaymentWatch::Nothing
    }
}

/// AMD-01: what is wrong with an addendum requested on `requested` to take effect on
/// `effective`, for a running contract ending on `end`, raising the maximum from
/// `current_max` to `new_max` and moving the end to `new_end` (for an extension).
pub fn amendment_problems(
    requested: NaiveDate,
    effective: NaiveDate,
    end: NaiveDate,
    current_max: Money,
    new_max: Money,
    new_end: Option<(NaiveDate, NaiveDate)>,
    timeline: &Timeline,
) -> Vec<FieldError> {
    let mut problems = Vec::new();
    if add_days(requested, AMENDMENT_NOTICE_DAYS).map_or(true, |d| d > effective) {
        problems.push(FieldError::new("effective", "error-addendum-notice"));
    }
    if effective > end {
        problems.push(FieldError::new("effective", "error-addendum-after-end"));
    }
    if new_max > current_max {
        problems.push(FieldError::new("max_eu", "error-addendum-raises-grant"));
    }
    if let Some((start, new_end)) = new_end {
        if add_months(requested, EXTENSION_NOTICE_MONTHS).map_or(true, |d| d > end) {
            problems.push(FieldError::new(
                "new_end",
                "error-addendum-extension-notice",
            ));
        }
        if new_end <= end {
            problems.push(FieldError::new("new_end", "error-addendum-not-later"));
        } else if new_end > timeline.operational_end
            || end_date(start, MAX_DURATION_MONTHS).map_or(true, |limit| new_end > limit)
        {
            problems.push(FieldError::new("new_end", "error-contract-end-late"));
        }
    }
    problems
}

/// AMD-02: a transfer between main headings needs only a notification when, counted
/// cumulatively with earlier transfers, it moves at most the call's share (15%) of each
/// heading concerned (of the heading's amount in the signed contract), on both sides.
pub fn transfer_needs_addendum(
    from_original: Money,
    from_moved_before: Money,
    to_original: Money,
    to_moved_before: Money,
    amount: Money,
    rules: &ContractRules,
) -> bool {
    let over = |original: Money, before: Money| {
        let moved = before.checked_add(amount).unwrap_or(Money::MAX);
        original
            .share(rules.transfer_notification_bp)
            .is_none_or(|limit| moved > limit)
    };
    over(from_original, from_moved_before) || over(to_original, to_moved_before)
}

/// AMD-01: suspension extends the end by its length (in days).
pub fn end_after_suspension(end: NaiveDate, suspended_days: i64) -> Result<NaiveDate, DateError> {
    add_days(end, suspended_days.max(0))
}

/// Rule REP-01: a report is submitted once the period it covers has ended, from the
/// day after its last day (the final report once the action has ended).
pub fn report_period_over(period_end: NaiveDate, today: NaiveDate) -> bool {
    today > period_end
}

/// What resuming after a suspension does (AMD-01, TL-03): the end moves by the days
/// suspended, but never past the end of the operational phase; the days that cannot be
/// added are lost unless a programme amendment extends the phase (TL-06).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Resumption {
    pub suspended_days: i64,
    pub new_end: NaiveDate,
    pub extended_by: i64,
    pub lost_days: i64,
}

pub fn resumption(
    end: NaiveDate,
    suspended_days: i64,
    operational_end: NaiveDate,
) -> Result<Resumption, DateError> {
    let wanted = end_after_suspension(end, suspended_days)?;
    let new_end = wanted.min(operational_end).max(end);
    Ok(Resumption {
        suspended_days: suspended_days.max(0),
        new_end,
        extended_by: (new_end - end).num_days(),
        lost_days: (wanted - new_end).num_days(),
    })
}

/// PAY-01/PAY-02: a payment order's reference names one payment of the contract; the same
/// reference recorded again (a retry, a second officer entering the same order) is the
/// same payment, refused rather than paid twice. Case and surrounding spaces aside.
pub fn payment_already_recorded<'a>(
    recorded: impl IntoIterator<Item = &'a str>,
    reference: &str,
) -> bool {
    let same = |r: &str| r.trim().eq_ignore_ascii_case(reference.trim());
    recorded.into_iter().any(same)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::timeline::Overrides;

    #[test]
    fn rep_01_a_report_comes_after_its_period() {
        let end = d(2028, 3, 3);
        assert!(!report_period_over(end, d(2027, 3, 3)));
        assert!(!report_period_over(end, end));
        assert!(report_period_over(end, d(2028, 3, 4)));
    }

    #[test]
    fn amd_01_resuming_extends_the_end_by_the_suspension_up_to_the_operational_phase() {
        let (end, phase) = (d(2031, 12, 31), d(2032, 3, 15));
        let r = resumption(end, 30, phase).unwrap();
        assert_eq!(
            (r.new_end, r.extended_by, r.lost_days),
            (d(2032, 1, 30), 30, 0)
        );
        // 61 days asked, 75 available: all added. Near the phase's end, the rest is lost.
        let r = resumption(d(2032, 2, 1), 61, phase).unwrap();
        assert_eq!((r.new_end, r.extended_by, r.lost_days), (phase, 43, 18));
        let r = resumption(phase, 61, phase).unwrap();
        assert_eq!((r.extended_by, r.lost_days), (0, 61));
    }
    use crate::domain::workflow::assert_transitions;
    use proptest::prelude::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn timeline() -> Timeline {
        // D = 15 March 2027: contracting deadline 15 March 2030, operational end 15 March 2032.
        Timeline::compute(d(2027, 3, 15), &Overrides::default()).unwrap()
    }

    fn award() -> Award {
        Award {
            amount: Money::euros(300_000),
            eu_share_bp: 9_000,
        }
    }

    fn terms(months: u32) -> Terms {
        Terms {
            max_eu: Money::euros(300_000),
            eu_share_bp: 9_000,
            duration_months: months,
            agreed_start: None,
        }
    }

    fn codes(p: &[FieldError]) -> Vec<&'static str> {
        p.iter().map(|e| e.code).collect()
    }

    #[test]
    fn contract_transitions() {
        use ContractEvent as E;
        use ContractStatus as S;
        assert_transitions(&[
            (S::Draft, E::Send, S::Sent),
            (S::Sent, E::Countersign, S::Active),
            (S::Draft, E::Withdraw, S::Withdrawn),
            (S::Sent, E::Withdraw, S::Withdrawn),
            (S::Active, E::Suspend, S::Suspended),
            (S::Suspended, E::Resume, S::Active),
            (S::Active, E::Close, S::Closed),
            (S::Active, E::Terminate, S::Terminated),
            (S::Suspended, E::Terminate, S::Terminated),
        ]);
        for s in ContractStatus::STATES {
            assert_eq!(ContractStatus::parse(s.as_str()), Some(*s));
        }
    }

    #[test]
    fn report_transitions() {
        use ReportEvent as E;
        use ReportStatus as S;
        assert_transitions(&[
            (S::Due, E::Submit, S::Submitted),
            (S::InformationRequested, E::Submit, S::Submitted),
            (S::Submitted, E::RequestInformation, S::InformationRequested),
            (S::Submitted, E::Approve, S::Approved),
        ]);
    }

    #[test]
    fn an_action_of_twelve_months_ends_the_day_before_its_anniversary() {
        assert_eq!(end_date(d(2028, 1, 1), 12).unwrap(), d(2028, 12, 31));
        assert_eq!(end_date(d(2028, 1, 31), 1).unwrap(), d(2028, 2, 28));
        assert_eq!(start_date(d(2028, 3, 31), None).unwrap(), d(2028, 4, 1));
        assert_eq!(
            start_date(d(2028, 3, 31), Some(d(2028, 5, 1))).unwrap(),
            d(2028, 5, 1)
        );
    }

    #[test]
    fn rule_con_01_never_above_the_award() {
        let t = timeline();
        let sign = d(2028, 1, 10);
        assert!(terms_problems(&terms(24), &award(), &t, sign, Signatory::Delegation).is_empty());
        let mut more = terms(24);
        more.max_eu = Money::from_cents(award().amount.cents() + 1);
        assert_eq!(
            codes(&terms_problems(
                &more,
                &award(),
                &t,
                sign,
                Signatory::Delegation
            )),
            ["error-contract-above-award"]
        );
        let mut share = terms(24);
        share.eu_share_bp = 9_001;
        assert_eq!(
            codes(&terms_problems(
                &share,
                &award(),
                &t,
                sign,
                Signatory::Delegation
            )),
            ["error-contract-share-above-award"]
        );
        let mut zero = terms(24);
        zero.max_eu = Money::ZERO;
        assert_eq!(
            codes(&terms_problems(
                &zero,
                &award(),
                &t,
                sign,
                Signatory::Delegation
            )),
            ["error-contract-amount"]
        );
    }

    #[test]
    fn rule_tl_02_signature_on_the_contracting_deadline_and_not_a_day_later() {
        let t = timeline();
        assert_eq!(t.contracting_deadline, d(2030, 3, 15));
        assert!(terms_problems(
            &terms(12),
            &award(),
            &t,
            d(2030, 3, 15),
            Signatory::Delegation
        )
        .is_empty());
        assert_eq!(
            codes(&terms_problems(
                &terms(12),
                &award(),
                &t,
                d(2030, 3, 16),
                Signatory::Delegation
            )),
            ["error-contract-signature-late"]
        );
    }

    #[test]
    fn rule_tl_03_and_con_02_the_end_by_the_operational_phase_and_at_most_48_months() {
        let t = timeline();
        assert_eq!(t.operational_end, d(2032, 3, 15));
        // Signed 15 March 2028: starts 16 March 2028; 48 months end 15 March 2032.
        let sign = d(2028, 3, 15);
        assert_eq!(longest_duration(d(2028, 3, 16), &t), 48);
        assert!(terms_problems(&terms(48), &award(), &t, sign, Signatory::Delegation).is_empty());
        assert_eq!(
            codes(&terms_problems(
                &terms(49),
                &award(),
                &t,
                sign,
                Signatory::Delegation
            )),
            ["error-contract-duration"]
        );
        assert_eq!(
            codes(&terms_problems(
                &terms(0),
                &award(),
                &t,
                sign,
                Signatory::Delegation
            )),
            ["error-contract-duration"]
        );
        // One day later, 48 months end a day too late.
        let later = d(2028, 3, 16);
        assert_eq!(longest_duration(d(2028, 3, 17), &t), 47);
        assert_eq!(
            codes(&terms_problems(
                &terms(48),
                &award(),
                &t,
                later,
                Signatory::Delegation
            )),
            ["error-contract-end-late"]
        );
        assert!(terms_problems(&terms(47), &award(), &t, later, Signatory::Delegation).is_empty());
        // An agreed start must come after the Delegation's signature and also counts.
        let mut agreed = terms(47);
        agreed.agreed_start = Some(later);
        assert_eq!(
            codes(&terms_problems(
                &agreed,
                &award(),
                &t,
                later,
                Signatory::Delegation
            )),
            ["error-contract-start-early"]
        );
        // CON-02: at the countersignature an agreed start that has come is no problem:
        // the action starts the next day.
        assert!(terms_problems(&agreed, &award(), &t, later, Signatory::Beneficiary).is_empty());
        assert_eq!(start_date(later, Some(later)).unwrap(), d(2028, 3, 17));
        // The refusal of a too-long duration says which one fits.
        let refused = terms_problems(&terms(48), &award(), &t, later, Signatory::Delegation);
        assert_eq!(refused[0].args, vec![("longest", "47".to_string())]);
        agreed.agreed_start = Some(d(2028, 5, 1));
        assert_eq!(
            codes(&terms_problems(
                &agreed,
                &award(),
                &t,
                later,
                Signatory::Delegation
            )),
            ["error-contract-end-late"]
        );
        // Signed on the contracting deadline, 24 months are left; a day later, 23.
        assert_eq!(longest_duration(d(2030, 3, 16), &t), 24);
        assert_eq!(longest_duration(d(2030, 3, 17), &t), 23);
        assert_eq!(longest_duration(d(2032, 3, 16), &t), 0);
    }

    #[test]
    fn rule_con_01_countersignature_within_30_days() {
        assert_eq!(countersign_by(d(2028, 1, 31)).unwrap(), d(2028, 3, 1));
    }

    #[test]
    fn rule_pay_01_a_short_or_small_action_gets_80_percent_then_the_balance() {
        let s = payment_schedule(Money::euros(300_000), 12);
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].amount, Money::euros(240_000));
        assert_eq!(s[0].after_report, None);
        assert_eq!(
            (s[1].kind, s[1].amount),
            (TrancheKind::Balance, Money::euros(60_000))
        );
        // EUR 100,000 over 36 months is small.
        let small = payment_schedule(Money::euros(100_000), 36);
        assert_eq!(small.len(), 2);
        assert_eq!(small[0].amount, Money::euros(80_000));
        // EUR 100,000.01 over 13 months is neither.
        let big = payment_schedule(Money::from_cents(10_000_001), 13);
        assert_eq!(big.len(), 3);
    }

    #[test]
    fn rule_pay_01_a_long_action_gets_a_tranche_per_period_within_90_percent() {
        // 36 months, EUR 360,000: periods of 120,000 each.
        let s = payment_schedule(Money::euros(360_000), 36);
        let amounts: Vec<i64> = s.iter().map(|t| t.amount.cents() / 100).collect();
        // 80% of 120,000 = 96,000; 120,000; then 324,000 − 216,000 = 108,000 (90% cap);
        // the balance 36,000.
        assert_eq!(amounts, [96_000, 120_000, 108_000, 36_000]);
        assert_eq!(s[1].after_report, Some(1));
        assert_eq!(s[2].after_report, Some(2));
        assert_eq!(
            (s[3].kind, s[3].after_report),
            (TrancheKind::Balance, Some(3))
        );
    }

    #[test]
    fn rule_rep_01_interim_reports_each_year_and_the_final_within_three_or_six_months() {
        let start = d(2028, 1, 1);
        let end = end_date(start, 30).unwrap();
        let r = report_schedule(
            start,
            end,
            Money::euros(800_000),
            30,
            false,
            &ContractRules::default(),
        )
        .unwrap();
        assert_eq!(r.len(), 3);
        assert_eq!(r[0].period_end, d(2028, 12, 31));
        assert_eq!(r[0].due_on, d(2029, 3, 1));
        assert!(r[0].verification, "AUD-01: yearly from EUR 750,000");
        assert_eq!(
            (r[2].kind, r[2].due_on),
            (ReportKind::Final, d(2030, 9, 30))
        );
        let abroad = report_schedule(
            start,
            end,
            Money::euros(100_000),
            30,
            true,
            &ContractRules::default(),
        )
        .unwrap();
        assert_eq!(abroad.len(), 1, "a small action has only the final report");
        assert_eq!(abroad[0].due_on, d(2030, 12, 30));
        assert!(
            !abroad[0].verification,
            "AUD-01: not at exactly EUR 100,000"
        );
        let over = report_schedule(
            start,
            end,
            Money::from_cents(10_000_001),
            12,
            false,
            &ContractRules::default(),
        )
        .unwrap();
        assert!(over[0].verification);
        let just_below = report_schedule(
            start,
            end,
            Money::from_cents(74_999_999),
            30,
            false,
            &ContractRules::default(),
        )
        .unwrap();
        assert!(!just_below[0].verification);
    }

    #[test]
    fn rule_pay_02_a_tranche_is_reduced_by_the_unspent_part() {
        let max = Money::euros(360_000);
        // Paid 96,000; needs 70% = 67,200 of EU-financed spending.
        let paid = [Money::euros(96_000)];
        // Exactly enough: costs 74,666.67 × 90% = 67,200.00.
        let full = further_tranche_release(
            Money::euros(120_000),
            &paid,
            Money::from_cents(7_466_667),
            9_000,
            max,
        );
        assert_eq!(full.shortfall, Money::ZERO);
        assert_eq!(full.payable, Money::euros(120_000));
        // One cent less spent: reduced by one cent.
        let short = further_tranche_release(
            Money::euros(120_000),
            &paid,
            Money::from_cents(7_466_665),
            9_000,
            max,
        );
        assert_eq!(short.spent, Money::from_cents(6_719_998));
        assert_eq!(short.shortfall, Money::from_cents(2));
        assert_eq!(short.payable, Money::from_cents(11_999_998));
        // 100% of earlier payments and 70% of the previous one.
        let two = [Money::euros(96_000), Money::euros(120_000)];
        let r = further_tranche_release(
            Money::euros(108_000),
            &two,
            Money::euros(100_000),
            10_000,
            max,
        );
        assert_eq!(r.required, Money::euros(96_000 + 84_000));
        assert_eq!(r.shortfall, Money::euros(80_000));
        assert_eq!(r.payable, Money::euros(28_000));
    }

    #[test]
    fn rule_pay_02_pre_financing_never_exceeds_90_percent() {
        let max = Money::euros(100_000);
        let paid = [Money::euros(80_000)];
        let r = further_tranche_release(
            Money::euros(20_000),
            &paid,
            Money::euros(100_000),
            10_000,
            max,
        );
        assert_eq!(r.payable, Money::euros(10_000));
        assert_eq!(r.over_cap, Money::euros(10_000));
    }

    #[test]
    fn rule_con_04_the_lower_of_share_of_costs_and_maximum() {
        let g = final_grant(
            Money::euros(200_000),
            9_000,
            Money::euros(300_000),
            Money::euros(240_000),
        );
        assert_eq!(g.grant, Money::euros(180_000));
        assert_eq!((g.balance, g.recovery), (Money::ZERO, Money::euros(60_000)));
        let g = final_grant(
            Money::euros(400_000),
            9_000,
            Money::euros(300_000),
            Money::euros(240_000),
        );
        assert_eq!(g.grant, Money::euros(300_000));
        assert_eq!((g.balance, g.recovery), (Money::euros(60_000), Money::ZERO));
    }

    #[test]
    fn rule_rec_01_kept_seven_years_after_the_final_payment() {
        assert_eq!(keep_records_until(d(2032, 2, 29)).unwrap(), d(2039, 2, 28));
    }

    #[test]
    fn rule_con_03_warn_thirty_days_ahead_then_terminate() {
        let signed = d(2028, 1, 15);
        assert_eq!(no_payment_termination_on(signed).unwrap(), d(2031, 1, 15));
        assert_eq!(
            no_payment_watch(signed, false, d(2030, 12, 15)),
            NoPaymentWatch::Nothing
        );
        assert_eq!(
            no_payment_watch(signed, false, d(2030, 12, 16)),
            NoPaymentWatch::Warn(d(2031, 1, 15))
        );
        assert_eq!(
            no_payment_watch(signed, false, d(2031, 1, 14)),
            NoPaymentWatch::Warn(d(2031, 1, 15))
        );
        assert_eq!(
            no_payment_watch(signed, false, d(2031, 1, 15)),
            NoPaymentWatch::Terminate(d(2031, 1, 15))
        );
        assert_eq!(
            no_payment_watch(signed, true, d(2031, 1, 15)),
            NoPaymentWatch::Nothing
        );
    }

    #[test]
    fn rule_amd_01_notice_during_implementation_and_never_a_higher_grant() {
        let t = timeline();
        let end = d(2029, 12, 31);
        let max = Money::euros(300_000);
        let ok = amendment_problems(d(2029, 1, 1), d(2029, 1, 31), end, max, max, None, &t);
        assert!(ok.is_empty());
        let late = amendment_problems(d(2029, 1, 2), d(2029, 1, 31), end, max, max, None, &t);
        assert_eq!(codes(&late), ["error-addendum-notice"]);
        let raise = amendment_problems(
            d(2029, 1, 1),
            d(2029, 2, 1),
            end,
            max,
            Money::from_cents(max.cents() + 1),
            None,
            &t,
        );
        assert_eq!(codes(&raise), ["error-addendum-raises-grant"]);
        // Extension: asked a month before the end at the latest.
        let start = d(2028, 1, 1);
        let ext = |requested| {
            amendment_problems(
                requested,
                end,
                end,
                max,
                max,
                Some((start, d(2030, 6, 30))),
                &t,
            )
        };
        assert!(ext(d(2029, 11, 30))
            .iter()
            .all(|e| e.code != "error-addendum-extension-notice"));
        assert!(ext(d(2029, 12, 1))
            .iter()
            .any(|e| e.code == "error-addendum-extension-notice"));
        // Never beyond 48 months or the operational phase.
        let too_long = amendment_problems(
            d(2029, 1, 1),
            d(2029, 3, 1),
            end,
            max,
            max,
            Some((start, d(2032, 1, 1))),
            &t,
        );
        assert_eq!(codes(&too_long), ["error-contract-end-late"]);
    }

    #[test]
    fn rule_amd_02_up_to_15_percent_of_each_heading_cumulatively() {
        let from = Money::euros(100_000);
        let to = Money::euros(200_000);
        assert!(!transfer_needs_addendum(
            from,
            Money::ZERO,
            to,
            Money::ZERO,
            Money::euros(15_000),
            &ContractRules::default()
        ));
        assert!(transfer_needs_addendum(
            from,
            Money::ZERO,
            to,
            Money::ZERO,
            Money::from_cents(1_500_001),
            &ContractRules::default()
        ));
        assert!(transfer_needs_addendum(
            from,
            Money::euros(10_000),
            to,
            Money::ZERO,
            Money::euros(5_001),
            &ContractRules::default()
        ));
        // The smaller receiving heading limits too.
        assert!(transfer_needs_addendum(
            to,
            Money::ZERO,
            from,
            Money::ZERO,
            Money::euros(16_000),
            &ContractRules::default()
        ));
        // The call may set another share (param): at 10%, EUR 15,000 of 100,000 needs
        // an addendum, EUR 10,000 does not.
        let ten = ContractRules {
            transfer_notification_bp: 1_000,
            ..ContractRules::default()
        };
        assert!(transfer_needs_addendum(
            from,
            Money::ZERO,
            to,
            Money::ZERO,
            Money::euros(15_000),
            &ten
        ));
        assert!(!transfer_needs_addendum(
            from,
            Money::ZERO,
            to,
            Money::ZERO,
            Money::euros(10_000),
            &ten
        ));
    }

    proptest! {
        #[test]
        fn the_schedule_pays_exactly_the_maximum_and_pre_finances_at_most_90_percent(
            cents in 1i64..2_000_000_000, months in 1u32..=48
        ) {
            let max = Money::from_cents(cents);
            let s = payment_schedule(max, months);
            let total = Money::sum(s.iter().map(|t| t.amount)).unwrap();
            prop_assert_eq!(total, max);
            let pre = Money::sum(s.iter().filter(|t| t.kind != TrancheKind::Balance).map(|t| t.amount)).unwrap();
            prop_assert!(pre <= max.share(PRE_FINANCING_CAP_BP).unwrap());
            prop_assert!(s.iter().all(|t| t.amount >= Money::ZERO));
            prop_assert_eq!(s.last().unwrap().kind, TrancheKind::Balance);
            let budgets = budget_per_period(max, months);
            prop_assert_eq!(Money::sum(budgets).unwrap(), max);
        }

        #[test]
        fn a_release_never_exceeds_the_plan_or_the_cap(
            planned in 0i64..50_000_000, a in 0i64..50_000_000, b in 0i64..50_000_000,
            costs in 0i64..200_000_000, share in 1i64..=10_000
        ) {
            let max = Money::from_cents(200_000_000);
            let paid = [Money::from_cents(a), Money::from_cents(b)];
            let r = further_tranche_release(Money::from_cents(planned), &paid, Money::from_cents(costs), share, max);
            prop_assert!(r.payable <= r.planned);
            prop_assert!(r.payable >= Money::ZERO);
            prop_assert!(Money::from_cents(a + b).checked_add(r.payable).unwrap() <= max.share(PRE_FINANCING_CAP_BP).unwrap().max(Money::from_cents(a + b)));
            prop_assert_eq!(r.payable.checked_add(r.over_cap).unwrap(), r.planned.saturating_sub(r.shortfall));
        }

        #[test]
        fn the_longest_duration_always_fits(days in 0i64..3000) {
            let t = timeline();
            let start = add_days(t.entry_into_force, days).unwrap();
            let m = longest_duration(start, &t);
            prop_assert!(m <= MAX_DURATION_MONTHS);
            if m > 0 {
                prop_assert!(end_date(start, m).unwrap() <= t.operational_end);
            }
            if m < MAX_DURATION_MONTHS {
                prop_assert!(end_date(start, m + 1).unwrap() > t.operational_end);
            }
        }
    }

    #[test]
    fn a_payment_order_is_recorded_once() {
        let recorded = ["PO-1", "PO-2"];
        assert!(payment_already_recorded(recorded, " po-1 "));
        assert!(!payment_already_recorded(recorded, "PO-3"));
        assert!(!payment_already_recorded([], "PO-1"));
    }
}
