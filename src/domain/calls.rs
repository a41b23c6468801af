//! Calls for proposals and their lots (DOMAIN.md §2, CFP-01…CFP-08): the call's
//! parameters, lot limits, the publication checks and the clarification windows.

use chrono::{Duration, NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use super::grids::{Grid, SectionRole};
use super::money::Money;
use super::time::local_date;
use super::timeline::Timeline;
use super::workflow::Workflow;
use super::FieldError;

/// Rule CFP-01: restricted (concept note first, full application by invitation) unless
/// marked open (both together).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum CallType {
    Restricted,
    Open,
}

impl CallType {
    pub fn as_str(self) -> &'static str {
        match self {
            CallType::Restricted => "restricted",
            CallType::Open => "open",
        }
    }
    pub fn parse(s: &str) -> Option<CallType> {
        match s {
            "restricted" => Some(CallType::Restricted),
            "open" => Some(CallType::Open),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum CallStatus {
    Draft,
    Published,
    Cancelled,
}

/// What can happen to a call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CallEvent {
    /// Change the draft: identity, dates, rules, lots, grids, documents.
    Edit,
    /// Publish it (after every check of `publication_problems`).
    Publish,
    /// Cancel it (CFP-07).
    Cancel,
    /// Add a Kazakh or Russian version of the guidelines (CFP-08: English is frozen).
    AddTranslation,
    /// Ask or answer a clarification question (CFP-03).
    Clarify,
    /// Follow or unfollow it.
    Follow,
    /// Publish a corrigendum to a published call (or add a document to one).
    Correct,
    /// Delete a draft (nothing of it was ever public; its history stays in the audit log).
    /// A published call is cancelled instead.
    DeleteDraft,
}

impl Workflow for CallStatus {
    type Event = CallEvent;

    const STATES: &'static [CallStatus] = &[
        CallStatus::Draft,
        CallStatus::Published,
        CallStatus::Cancelled,
    ];
    const EVENTS: &'static [CallEvent] = &[
        CallEvent::Edit,
        CallEvent::Publish,
        CallEvent::Cancel,
        CallEvent::AddTranslation,
        CallEvent::Clarify,
        CallEvent::Follow,
        CallEvent::DeleteDraft,
        CallEvent::Correct,
    ];

    fn next(self, event: CallEvent) -> Option<CallStatus> {
        use CallEvent::*;
        use CallStatus::*;
        match (self, event) {
            // A deleted draft leaves no row behind; the check is that it was a draft.
            (Draft, Edit | AddTranslation | DeleteDraft) => Some(Draft),
            (Draft, Publish) => Some(Published),
            (Published, AddTranslation | Clarify | Follow | Correct) => Some(Published),
            (Published, Cancel) => Some(Cancelled),
            (Cancelled, Follow) => Some(Cancelled),
            _ => None,
        }
    }

    fn refusal(self, event: CallEvent) -> &'static str {
        match (self, event) {
            (CallStatus::Cancelled, _) => "error-call-cancelled",
            (_, CallEvent::Edit | CallEvent::Publish | CallEvent::DeleteDraft) => {
                "error-call-not-draft"
            }
            _ => "error-call-not-published",
        }
    }
}

impl CallStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            CallStatus::Draft => "draft",
            CallStatus::Published => "published",
            CallStatus::Cancelled => "cancelled",
        }
    }
    pub fn parse(s: &str) -> Option<CallStatus> {
        match s {
            "draft" => Some(CallStatus::Draft),
            "published" => Some(CallStatus::Published),
            "cancelled" => Some(CallStatus::Cancelled),
            _ => None,
        }
    }
}

/// The numbers marked (param) in DOMAIN.md, set per call with these defaults.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct CallParameters {
    /// CFP-02: open call, days from publication to deadline.
    pub open_min_days: i64,
    /// CFP-02: open call where every grant is at most `small_grant_max`.
    pub open_small_min_days: i64,
    /// CFP-02: the "small grant" ceiling, in cents.
    pub small_grant_max_cents: i64,
    /// CFP-02: restricted call, days from publication to the concept-note deadline.
    pub restricted_min_days: i64,
    /// CFP-02: days from invitation to the full-application deadline.
    pub invitation_min_days: i64,
    /// CFP-03: questions accepted until deadline minus this many days.
    pub question_cutoff_days: i64,
    /// CFP-03: answers published by deadline minus this many days.
    pub answer_deadline_days: i64,
    /// APP-04: full-application EU contribution within ± this percent of the concept note.
    pub full_application_tolerance_percent: i64,
    /// APP-06: applications per organisation and call (None = unlimited).
    pub max_applications_per_applicant: Option<i64>,
    /// APP-06: applications per organisation and lot (None = unlimited).
    pub max_applications_per_lot: Option<i64>,
    /// AUD-01: an expenditure verification goes with the final report when the grant
    /// exceeds this, in cents.
    pub verification_final_above_cents: i64,
    /// AUD-01: …and with each yearly request when the grant is at least this, in cents.
    pub verification_yearly_from_cents: i64,
    /// AMD-02: transfers between main headings up to this percent of each heading
    /// concerned need only a notification.
    pub transfer_notification_percent: i64,
    /// EVC-03: assessors per application.
    pub min_assessors: i64,
    /// EVC-03: divergence threshold on the full-application grid (of 100).
    pub divergence_full: i64,
    /// EVC-03: divergence threshold on the concept-note grid (of 50).
    pub divergence_concept: i64,
    /// GRD-02: concept notes scoring at least this go on.
    pub concept_note_pass_score: i64,
    /// GRD-03: shortlist cut at this percent of the lot's envelope.
    pub shortlist_percent: i64,
    /// GRD-05: section 1 (capacity) minimum.
    pub capacity_min_score: i64,
    /// GRD-05: a capacity sub-score of 1 rejects.
    pub reject_on_capacity_one: bool,
    /// SEL-01: "strict" (the rest go to the reserve list) or "fill" (skip to smaller).
    pub selection_mode: String,
    /// GRD-06: ties rank by the higher score of these sections, in this order.
    pub tie_break: Vec<SectionRole>,
}

impl Default for CallParameters {
    fn default() -> Self {
        CallParameters {
            open_min_days: 90,
            open_small_min_days: 60,
            small_grant_max_cents: Money::euros(100_000).cents(),
            restricted_min_days: 45,
            invitation_min_days: 30,
            question_cutoff_days: 21,
            answer_deadline_days: 11,
            full_application_tolerance_percent: 20,
            max_applications_per_applicant: None,
            max_applications_per_lot: None,
            verification_final_above_cents: Money::euros(100_000).cents(),
            verification_yearly_from_cents: Money::euros(750_000).cents(),
            transfer_notification_percent: 15,
            min_assessors: 2,
            divergence_full: 30,
            divergence_concept: 15,
            concept_note_pass_score: 30,
            shortlist_percent: 200,
            capacity_min_score: 12,
            reject_on_capacity_one: true,
            selection_mode: "strict".into(),
            tie_break: vec![SectionRole::Relevance, SectionRole::Capacity],
        }
    }
}

/// A problem with the call's parameters, by message key.
pub fn check_parameters(p: &CallParameters) -> Vec<&'static str> {
    let mut problems = Vec::new();
    // Periods of more than ten years, or percentages and scores beyond reason, are
    // typing errors (and would overflow date arithmetic).
    let all_days = [
        p.open_min_days,
        p.open_small_min_days,
        p.restricted_min_days,
        p.invitation_min_days,
        p.question_cutoff_days,
        p.answer_deadline_days,
    ];
    let others = [
        p.full_application_tolerance_percent,
        p.min_assessors,
        p.divergence_full,
        p.divergence_concept,
        p.concept_note_pass_score,
        p.shortlist_percent,
        p.capacity_min_score,
    ];
    if all_days.iter().any(|d| !(0..=3650).contains(d))
        || others.iter().any(|v| !(0..=10_000).contains(v))
        || !(0..=Money::MAX.cents()).contains(&p.small_grant_max_cents)
        || !(0..=Money::MAX.cents()).contains(&p.verification_final_above_cents)
        || !(0..=Money::MAX.cents()).contains(&p.verification_yearly_from_cents)
        || !(0..=100).contains(&p.transfer_notification_percent)
        || p.max_applications_per_applicant.is_some_and(|n| n > 10_000)
        || p.max_applications_per_lot.is_some_and(|n| n > 10_000)
    {
        problems.push("publish-problem-parameters-range");
        return problems;
    }
    let positive = [
        p.open_min_days,
        p.open_small_min_days,
        p.restricted_min_days,
        p.invitation_min_days,
        p.min_assessors,
        p.shortlist_percent,
    ];
    if positive.iter().any(|v| *v <= 0) || p.small_grant_max_cents <= 0 {
        problems.push("publish-problem-parameters-positive");
    }
    if p.answer_deadline_days < 0 || p.question_cutoff_days <= p.answer_deadline_days {
        problems.push("publish-problem-clarification-days");
    }
    if !(0..=100).contains(&p.full_application_tolerance_percent) {
        problems.push("publish-problem-tolerance");
    }
    if p.max_applications_per_applicant.is_some_and(|n| n < 1)
        || p.max_applications_per_lot.is_some_and(|n| n < 1)
    {
        problems.push("publish-problem-max-applications");
    }
    if p.selection_mode != "strict" && p.selection_mode != "fill" {
        problems.push("publish-problem-selection-mode");
    }
    if let Some(code) = super::grids::check_tie_break(&p.tie_break) {
        problems.push(code);
    }
    problems
}

/// The types of organisation that may apply (DOMAIN.md §3).
pub const APPLICANT_TYPES: [&str; 5] = [
    "ngo",
    "local_authority",
    "research_institute",
    "international_organisation",
    "other",
];
/// Where actions may take place: the pilot oblasts, or national level.
pub const LOCATIONS: [&str; 4] = ["mangystau", "kyzylorda", "east_kazakhstan", "national"];
pub const PILOT_OBLASTS: [&str; 3] = ["mangystau", "kyzylorda", "east_kazakhstan"];
/// Rule CFP-05 / APP-03: grant contracts last at most 48 months.
pub const MAX_DURATION_MONTHS: i64 = 48;
/// Rule CFP-05: the EU pays at most 90% (the applicant co-finances at least 10%).
pub const DEFAULT_MAX_EU_SHARE_BP: i64 = 9_000;

/// Rule CFP-04: what every lot states.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LotTerms {
    pub number: i32,
    pub title: String,
    pub envelope: Money,
    pub min_grant: Money,
    pub max_grant: Money,
    /// Basis points of total eligible cost (9000 = 90%).
    pub min_eu_share_bp: i64,
    pub max_eu_share_bp: i64,
    pub min_duration_months: i64,
    pub max_duration_months: i64,
    pub applicant_types: Vec<String>,
    pub locations: Vec<String>,
    /// The id of the programme envelope the lot draws on.
    #[serde(default)]
    pub envelope_id: Option<String>,
    /// CFP-08: the title in Kazakh and Russian, for information ("" when not
    /// translated); left out, what is stored is kept.
    #[serde(default)]
    pub title_kk: Option<String>,
    #[serde(default)]
    pub title_ru: Option<String>,
}

/// A programme envelope as a new call sees it: what is still free of it once the
/// programme's published calls are counted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FreeEnvelope {
    pub id: String,
    pub free: Money,
}

/// The lots a new call starts with: the default lots of CFP-05 matched to the programme's
/// envelopes in order, each sized to what is still free of its envelope (a second call
/// does not start over budget), with its grant range kept within that. An envelope with
/// nothing free gives no lot.
pub fn starting_lots(envelopes: &[FreeEnvelope]) -> Vec<LotTerms> {
    default_lots()
        .into_iter()
        .zip(envelopes)
        .filter(|(_, e)| e.free > Money::ZERO)
        .enumerate()
        .map(|(i, (mut lot, e))| {
            lot.number = i as i32 + 1;
            lot.envelope = lot.envelope.min(e.free);
            lot.max_grant = lot.max_grant.min(lot.envelope);
            lot.min_grant = lot.min_grant.min(lot.max_grant);
            lot.envelope_id = Some(e.id.clone());
            lot
        })
        .collect()
}

/// Rule CFP-07: a published call can be cancelled until its award is decided; once the
/// Delegation approved the award (SEL-03) or a contract exists, refused (with the key).
pub fn cancellation_refused(award_approved: bool, contracts: i64) -> Option<&'static str> {
    (award_approved || contracts > 0).then_some("error-call-cancel-awarded")
}

/// Rule CFP-05: the two lots of this programme, offered by every new call.
pub fn default_lots() -> Vec<LotTerms> {
    vec![
        LotTerms {
            number: 1,
            title: "Initiatives of non-state actors and local authorities in the pilot oblasts"
                .into(),
            envelope: Money::euros(2_100_000),
            min_grant: Money::euros(50_000),
            max_grant: Money::euros(200_000),
            min_eu_share_bp: 5_000,
            max_eu_share_bp: DEFAULT_MAX_EU_SHARE_BP,
            min_duration_months: 12,
            max_duration_months: MAX_DURATION_MONTHS,
            applicant_types: vec![
                "ngo".into(),
                "local_authority".into(),
                "research_institute".into(),
                "international_organisation".into(),
            ],
            locations: PILOT_OBLASTS.iter().map(|s| s.to_string()).collect(),
            envelope_id: None,
            title_kk: None,
            title_ru: None,
        },
        LotTerms {
            number: 2,
            title: "Strengthening the role of civil society in local development at national level"
                .into(),
            envelope: Money::euros(900_000),
            min_grant: Money::euros(50_000),
            max_grant: Money::euros(150_000),
            min_eu_share_bp: 5_000,
            max_eu_share_bp: DEFAULT_MAX_EU_SHARE_BP,
            min_duration_months: 12,
            max_duration_months: MAX_DURATION_MONTHS,
            applicant_types: vec![
                "ngo".into(),
                "research_institute".into(),
                "international_organisation".into(),
            ],
            locations: vec!["national".into()],
            envelope_id: None,
            title_kk: None,
            title_ru: None,
        },
    ]
}

/// Field names of lot problems: the JSON property names of `LotTerms`.
pub mod lot_fields {
    pub const NUMBER: &str = "number";
    pub const TITLE: &str = "title";
    pub const ENVELOPE: &str = "envelope";
    pub const MIN_GRANT: &str = "min_grant";
    pub const MAX_GRANT: &str = "max_grant";
    pub const MIN_EU_SHARE: &str = "min_eu_share_bp";
    pub const MAX_EU_SHARE: &str = "max_eu_share_bp";
    pub const MIN_DURATION: &str = "min_duration_months";
    pub const MAX_DURATION: &str = "max_duration_months";
    pub const APPLICANT_TYPES: &str = "applicant_types";
    pub const LOCATIONS: &str = "locations";
    pub const ENVELOPE_ID: &str = "envelope_id";
    pub const TITLE_KK: &str = "title_kk";
    pub const TITLE_RU: &str = "title_ru";
}

/// Rule CFP-04/CFP-05: a lot is complete and consistent. Problems are named by the
/// lot's JSON property names.
pub fn check_lot(lot: &LotTerms) -> Vec<FieldError> {
    use lot_fields as f;
    let mut p = Vec::new();
    let mut add = |field, code| p.push(FieldError::new(field, code));
    if !(1..=1000).contains(&lot.number) {
        add(f::NUMBER, "error-lot-number");
    }
    if let Err(e) = super::text::line(f::TITLE, &lot.title, 300) {
        add(f::TITLE, e.code);
    }
    for (field, title) in [(f::TITLE_KK, &lot.title_kk), (f::TITLE_RU, &lot.title_ru)] {
        let title = title.as_deref().unwrap_or("");
        if title.contains(['\n', '\r', '\t']) || title.trim().chars().count() > 300 {
            add(field, "error-text-too-long");
        }
    }
    if lot.envelope <= Money::ZERO || lot.envelope > Money::MAX {
        add(f::ENVELOPE, "error-lot-envelope");
    }
    if lot.min_grant <= Money::ZERO || lot.min_grant > lot.max_grant {
        add(f::MIN_GRANT, "error-lot-grant-range");
    }
    if lot.max_grant > lot.envelope || lot.max_grant > Money::MAX {
        add(f::MAX_GRANT, "error-lot-max-over-envelope");
    }
    if lot.min_eu_share_bp <= 0 || lot.min_eu_share_bp > lot.max_eu_share_bp {
        add(f::MIN_EU_SHARE, "error-lot-share-range");
    }
    if lot.max_eu_share_bp > DEFAULT_MAX_EU_SHARE_BP {
        // CFP-05: the applicant co-finances at least 10%.
        add(f::MAX_EU_SHARE, "error-lot-share-over-90");
    }
    if lot.min_duration_months < 1 || lot.min_duration_months > lot.max_duration_months {
        add(f::MIN_DURATION, "error-lot-duration-range");
    }
    if lot.max_duration_months > MAX_DURATION_MONTHS {
        add(f::MAX_DURATION, "error-lot-duration-over-48");
    }
    if lot.applicant_types.is_empty()
        || lot
            .applicant_types
            .iter()
            .any(|t| !APPLICANT_TYPES.contains(&t.as_str()))
    {
        add(f::APPLICANT_TYPES, "error-lot-applicant-types");
    }
    if lot.locations.is_empty()
        || lot
            .locations
            .iter()
            .any(|l| !LOCATIONS.contains(&l.as_str()))
    {
        add(f::LOCATIONS, "error-lot-locations");
    }
    p
}

/// Rule CFP-02: the shortest allowed time from publication to the (first) deadline.
pub fn minimum_submission_days(
    call_type: CallType,
    params: &CallParameters,
    lots: &[LotTerms],
) -> i64 {
    match call_type {
        CallType::Restricted => params.restricted_min_days,
        CallType::Open => {
            let small = !lots.is_empty()
                && lots
                    .iter()
                    .all(|l| l.max_grant.cents() <= params.small_grant_max_cents);
            if small {
                params.open_small_min_days
            } else {
                params.open_min_days
            }
        }
    }
}

/// One programme envelope as publication sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EnvelopeUse {
    pub id: String,
    pub label: String,
    pub amount: Money,
    /// What the programme's other published calls already draw on it.
    pub used_by_other_calls: Money,
}

/// What publishing needs to know about a call.
pub struct PublishCheck<'a> {
    pub call_type: CallType,
    pub status: CallStatus,
    pub title: &'a str,
    pub reference: &'a str,
    /// When submissions open (defaults to the moment of publication).
    pub opens_at: Option<NaiveDateTime>,
    /// The concept-note (restricted) or the single (open) deadline.
    pub deadline: Option<NaiveDateTime>,
    pub params: &'a CallParameters,
    pub lots: &'a [LotTerms],
    pub concept_grid: &'a Grid,
    pub full_grid: &'a Grid,
    pub has_english_guidelines: bool,
    pub timeline: &'a Timeline,
    /// The programme's envelopes in force, with their use by other published calls.
    pub envelopes: &'a [EnvelopeUse],
    /// Everything the programme's other published calls take from its grant budget.
    pub other_calls_total: Money,
}

/// A value in a problem's message, formatted by the web layer in the reader's
/// language and time zone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
pub enum ProblemArg {
    Text(String),
    Number(i64),
    Amount(Money),
    Date(NaiveDate),
    /// A UTC instant, shown in Almaty.
    Instant(NaiveDateTime),
}

/// One reason a call cannot be published (or a warning), with the values its message
/// names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PublishProblem {
    pub code: &'static str,
    pub args: Vec<(&'static str, ProblemArg)>,
}

impl PublishProblem {
    pub fn new(code: &'static str) -> PublishProblem {
        PublishProblem {
            code,
            args: Vec::new(),
        }
    }
    pub fn with(code: &'static str, args: Vec<(&'static str, ProblemArg)>) -> PublishProblem {
        PublishProblem { code, args }
    }

    /// The rule of the programme the problem comes from, shown as a reference after the
    /// plain explanation.
    pub fn rule(&self) -> Option<&'static str> {
        Some(match self.code {
            "publish-problem-launch-deadline" | "publish-problem-opens-after-launch-deadline" => {
                "TL-01"
            }
            "publish-problem-after-contracting" => "TL-02",
            "publish-warning-duration-after-operational-end" => "TL-03",
            "publish-problem-submission-period" | "publish-problem-no-deadline" => "CFP-02",
            "publish-problem-clarification-days" => "CFP-03",
            "publish-problem-no-lots"
            | "publish-problem-lot-incomplete"
            | "publish-problem-lot-numbers"
            | "publish-problem-lot-envelope"
            | "publish-problem-envelope-over" => "CFP-04",
            "publish-problem-guidelines" => "CFP-08",
            "publish-problem-threshold-over-max" => "GRD-02",
            "publish-problem-tie-break" => "GRD-06",
            _ => return None,
        })
    }

    /// The lot a problem is about, by number.
    pub fn lot_number(&self) -> Option<i64> {
        self.args.iter().find_map(|(k, v)| match (k, v) {
            (&"number", ProblemArg::Number(n)) => Some(*n),
            _ => None,
        })
    }
}

/// Checks everything at once and lists every problem (TL-01, TL-02, CFP-02, CFP-04,
/// CFP-08, grids, envelopes and the programme's grant budget).
pub fn publication_problems(c: &PublishCheck<'_>, now: NaiveDateTime) -> Vec<PublishProblem> {
    use ProblemArg::*;
    let mut out = Vec::new();
    if c.status != CallStatus::Draft {
        out.push(PublishProblem::new("publish-problem-not-draft"));
        return out;
    }
    if c.title.trim().is_empty() || c.reference.trim().is_empty() {
        out.push(PublishProblem::new("publish-problem-identity"));
    }
    // Rule TL-01: published by the launch deadline, and open by it too (a call published
    // in time cannot open years later).
    let launch = Date(c.timeline.call_launch_deadline);
    if !c.timeline.may_publish_call_on(local_date(now)) {
        out.push(PublishProblem::with(
            "publish-problem-launch-deadline",
            vec![("date", launch.clone())],
        ));
    }
    let opens = c.opens_at.unwrap_or(now).max(now);
    if c.opens_at
        .is_some_and(|o| !c.timeline.may_publish_call_on(local_date(o)))
    {
        out.push(PublishProblem::with(
            "publish-problem-opens-after-launch-deadline",
            vec![("date", launch)],
        ));
    }
    match c.deadline {
        None => out.push(PublishProblem::new("publish-problem-no-deadline")),
        Some(deadline) => {
            // Rule CFP-02
            let min_days = minimum_submission_days(c.call_type, c.params, c.lots);
            let earliest = opens + Duration::days(min_days);
            if deadline < earliest {
                out.push(PublishProblem::with(
                    "publish-problem-submission-period",
                    vec![("days", Number(min_days)), ("earliest", Instant(earliest))],
                ));
            }
            // Rule TL-02: nothing can be contracted after the contracting deadline.
            if local_date(deadline) > c.timeline.contracting_deadline {
                out.push(PublishProblem::with(
                    "publish-problem-after-contracting",
                    vec![("date", Date(c.timeline.contracting_deadline))],
                ));
            }
        }
    }
    if c.lots.is_empty() {
        out.push(PublishProblem::new("publish-problem-no-lots"));
    }
    for lot in c.lots {
        if !check_lot(lot).is_empty() {
            out.push(PublishProblem::with(
                "publish-problem-lot-incomplete",
                vec![("number", Number(lot.number.into()))],
            ));
        }
    }
    let mut numbers: Vec<i32> = c.lots.iter().map(|l| l.number).collect();
    numbers.sort_unstable();
    numbers.dedup();
    if numbers.len() != c.lots.len() {
        out.push(PublishProblem::new("publish-problem-lot-numbers"));
    }
    for problem in grid_problems(c.concept_grid, c.full_grid, c.params) {
        out.push(problem);
    }
    for code in check_parameters(c.params) {
        out.push(PublishProblem::new(code));
    }
    if !c.has_english_guidelines {
        // CFP-08: the English guidelines are the authentic text.
        out.push(PublishProblem::new("publish-problem-guidelines"));
    }
    // Each lot draws on one of the programme's envelopes in force, which it cannot
    // exceed together with the other published calls' lots on that envelope.
    for lot in c.lots {
        let valid = lot
            .envelope_id
            .as_ref()
            .is_some_and(|id| c.envelopes.iter().any(|e| &e.id == id));
        if !valid {
            out.push(PublishProblem::with(
                "publish-problem-lot-envelope",
                vec![("number", Number(lot.number.into()))],
            ));
        }
    }
    for envelope in c.envelopes {
        let this_call = Money::sum(
            c.lots
                .iter()
                .filter(|l| l.envelope_id.as_deref() == Some(envelope.id.as_str()))
                .map(|l| l.envelope),
        );
        match this_call.and_then(|m| m.checked_add(envelope.used_by_other_calls)) {
            Some(total) if total <= envelope.amount => {}
            _ => out.push(PublishProblem::with(
                "publish-problem-envelope-over",
                vec![
                    ("envelope_name", Text(envelope.label.clone())),
                    ("envelope", Amount(envelope.amount)),
                    ("used", Amount(envelope.used_by_other_calls)),
                    ("needed", Amount(this_call.unwrap_or(Money::MAX))),
                    (
                        "free",
                        Amount(envelope.amount.saturating_sub(envelope.used_by_other_calls)),
                    ),
                ],
            )),
        }
    }
    let grant_budget = Money::sum(c.envelopes.iter().map(|e| e.amount)).unwrap_or(Money::MAX);
    let this_call = Money::sum(c.lots.iter().map(|l| l.envelope));
    match this_call.and_then(|m| m.checked_add(c.other_calls_total)) {
        Some(total) if total <= grant_budget => {}
        _ => out.push(PublishProblem::with(
            "publish-problem-over-budget",
            vec![
                ("budget", Amount(grant_budget)),
                ("used", Amount(c.other_calls_total)),
                ("needed", Amount(this_call.unwrap_or(Money::MAX))),
                (
                    "free",
                    Amount(grant_budget.saturating_sub(c.other_calls_total)),
                ),
            ],
        )),
    }
    out
}

/// The earliest day a grant contract of the call could start: the day after the last
/// submission deadline (for a restricted call, the full-application deadline, at the
/// earliest the minimum period after an invitation sent the day the concept notes are in).
pub fn earliest_contract_start(
    call_type: CallType,
    deadline: NaiveDateTime,
    params: &CallParameters,
) -> Option<NaiveDate> {
    let last_deadline = match call_type {
        CallType::Open => deadline,
        CallType::Restricted => {
            deadline.checked_add_signed(Duration::try_days(params.invitation_min_days)?)?
        }
    };
    local_date(last_deadline).succ_opt()
}

/// Warnings shown at publication that do not stop it: a lot whose longest action could
/// not end by the end of the operational phase (TL-03) if its contract started on the
/// earliest possible day.
pub fn publication_warnings(c: &PublishCheck<'_>) -> Vec<PublishProblem> {
    use ProblemArg::*;
    let Some(start) = c
        .deadline
        .and_then(|d| earliest_contract_start(c.call_type, d, c.params))
    else {
        return Vec::new();
    };
    c.lots
        .iter()
        .filter(|lot| {
            u32::try_from(lot.max_duration_months)
                .ok()
                .and_then(|m| super::time::add_months(start, m).ok())
                .and_then(|end| end.pred_opt())
                .is_none_or(|end| end > c.timeline.operational_end)
        })
        .map(|lot| {
            let months_left = months_between(start, c.timeline.operational_end);
            PublishProblem::with(
                "publish-warning-duration-after-operational-end",
                vec![
                    ("number", Number(lot.number.into())),
                    ("months", Number(lot.max_duration_months)),
                    ("start", Date(start)),
                    ("end", Date(c.timeline.operational_end)),
                    ("possible", Number(months_left)),
                ],
            )
        })
        .collect()
}

/// Whole months from `start` such that an action starting then ends by `end`.
pub fn months_between(start: NaiveDate, end: NaiveDate) -> i64 {
    (0..=MAX_DURATION_MONTHS)
        .take_while(|m| {
            super::time::add_months(start, *m as u32)
                .ok()
                .and_then(|d| d.pred_opt())
                .is_some_and(|last| last <= end)
        })
        .last()
        .unwrap_or(0)
}

/// Grid problems at publication (GRD-01…GRD-06).
fn grid_problems(concept: &Grid, full: &Grid, params: &CallParameters) -> Vec<PublishProblem> {
    super::grids::pair_problems(
        concept,
        full,
        params.concept_note_pass_score,
        params.capacity_min_score,
    )
    .into_iter()
    .map(|(grid, code)| {
        PublishProblem::with(code, vec![("grid", ProblemArg::Text(grid.to_string()))])
    })
    .collect()
}

/// Rule CFP-03: questions are accepted until this instant, itself included.
pub fn question_cutoff(deadline: NaiveDateTime, params: &CallParameters) -> NaiveDateTime {
    deadline - Duration::days(params.question_cutoff_days)
}

/// Rule CFP-03: answers must be published by this instant, itself included.
pub fn answer_deadline(deadline: NaiveDateTime, params: &CallParameters) -> NaiveDateTime {
    deadline - Duration::days(params.answer_deadline_days)
}

/// Rule CFP-03: may a question be asked at `now`?
pub fn may_ask_question(
    now: NaiveDateTime,
    deadline: NaiveDateTime,
    params: &CallParameters,
) -> bool {
    super::time::Deadline::at(question_cutoff(deadline, params)).is_met_at(now)
}

/// Rule CFP-06: submissions are accepted until the deadline instant, not after.
pub fn is_open_for_submission(
    now: NaiveDateTime,
    opens_at: NaiveDateTime,
    deadline: NaiveDateTime,
) -> bool {
    now >= opens_at && super::time::Deadline::at(deadline).is_met_at(now)
}

/// Where a published call stands for the public list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum CallPhase {
    Upcoming,
    Open,
    Closed,
    Cancelled,
}

pub fn call_phase(
    status: CallStatus,
    now: NaiveDateTime,
    opens_at: NaiveDateTime,
    deadline: NaiveDateTime,
) -> CallPhase {
    match status {
        CallStatus::Cancelled => CallPhase::Cancelled,
        _ if now < opens_at => CallPhase::Upcoming,
        _ if super::time::Deadline::at(deadline).is_met_at(now) => CallPhase::Open,
        _ => CallPhase::Closed,
    }
}

/// Rule CFP-07: why a call may be cancelled.
pub const CANCEL_REASONS: [&str; 4] = [
    "no_worthy_proposal",
    "changed_circumstances",
    "force_majeure",
    "irregularities",
];

/// Rule CFP-03: may an answer be published at `now`? Not after the answer deadline: what
/// applicants learn later could not fairly shape their proposals. A corrigendum that
/// extends the deadline moves the answer deadline with it.
pub fn may_publish_answer(
    now: NaiveDateTime,
    deadline: NaiveDateTime,
    params: &CallParameters,
) -> bool {
    answered_in_time(now, deadline, params)
}

/// The date a published answer counts for, and whether it was in time (CFP-03).
pub fn answered_in_time(
    published_at: NaiveDateTime,
    deadline: NaiveDateTime,
    params: &CallParameters,
) -> bool {
    super::time::Deadline::at(answer_deadline(deadline, params)).is_met_at(published_at)
}

/// A date as the start of that day in Almaty, stored in UTC.
pub fn day_start(d: NaiveDate) -> NaiveDateTime {
    super::time::day_start(d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::grids::{default_concept_note_grid, default_full_application_grid};
    use crate::domain::timeline::Overrides;

    fn at(y: i32, m: u32, d: u32, h: u32, min: u32, s: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d)
            .unwrap()
            .and_hms_opt(h, min, s)
            .unwrap()
    }

    struct Fixture {
        envelopes: Vec<EnvelopeUse>,
        params: CallParameters,
        lots: Vec<LotTerms>,
        concept: Grid,
        full: Grid,
        timeline: Timeline,
    }

    fn fixture() -> Fixture {
        let mut lots = default_lots();
        lots[0].envelope_id = Some("pilot".into());
        lots[1].envelope_id = Some("national".into());
        Fixture {
            envelopes: vec![
                EnvelopeUse {
                    id: "pilot".into(),
                    label: "Pilot oblasts".into(),
                    amount: Money::euros(2_100_000),
                    used_by_other_calls: Money::ZERO,
                },
                EnvelopeUse {
                    id: "national".into(),
                    label: "National level".into(),
                    amount: Money::euros(900_000),
                    used_by_other_calls: Money::ZERO,
                },
            ],
            params: CallParameters::default(),
            lots,
            concept: default_concept_note_grid(),
            full: default_full_application_grid(),
            // D = 2026-03-15: calls published by 2026-11-15 (TL-01).
            timeline: Timeline::compute(
                NaiveDate::from_ymd_opt(2026, 3, 15).unwrap(),
                &Overrides::default(),
            )
            .unwrap(),
        }
    }

    fn check<'a>(
        f: &'a Fixture,
        call_type: CallType,
        deadline: NaiveDateTime,
        other: Money,
    ) -> PublishCheck<'a> {
        PublishCheck {
            call_type,
            status: CallStatus::Draft,
            title: "Support to local development",
            reference: "EuropeAid/123456/L/ACT/KZ",
            opens_at: None,
            deadline: Some(deadline),
            params: &f.params,
            lots: &f.lots,
            concept_grid: &f.concept,
            full_grid: &f.full,
            has_english_guidelines: true,
            timeline: &f.timeline,
            envelopes: &f.envelopes,
            other_calls_total: other,
        }
    }

    fn codes(p: &[PublishProblem]) -> Vec<&'static str> {
        p.iter().map(|x| x.code).collect()
    }

    #[test]
    fn a_complete_call_publishes() {
        let f = fixture();
        let now = at(2026, 6, 1, 4, 0, 0);
        let c = check(
            &f,
            CallType::Restricted,
            now + Duration::days(45),
            Money::ZERO,
        );
        assert!(
            publication_problems(&c, now).is_empty(),
            "{:?}",
            publication_problems(&c, now)
        );
    }

    #[test]
    fn tl_01_publishing_on_the_last_day_works_and_the_day_after_is_refused() {
        let f = fixture();
        // 2026-11-15 23:59:59 in Almaty is 18:59:59 UTC.
        let last = at(2026, 11, 15, 18, 59, 59);
        let c = check(
            &f,
            CallType::Restricted,
            last + Duration::days(60),
            Money::ZERO,
        );
        assert!(
            !codes(&publication_problems(&c, last)).contains(&"publish-problem-launch-deadline")
        );
        let first_refused = last + Duration::seconds(1);
        let c = check(
            &f,
            CallType::Restricted,
            first_refused + Duration::days(60),
            Money::ZERO,
        );
        assert!(codes(&publication_problems(&c, first_refused))
            .contains(&"publish-problem-launch-deadline"));
    }

    #[test]
    fn cfp_02_restricted_calls_need_45_days() {
        let f = fixture();
        let now = at(2026, 6, 1, 4, 0, 0);
        let ok = check(
            &f,
            CallType::Restricted,
            now + Duration::days(45),
            Money::ZERO,
        );
        assert!(publication_problems(&ok, now).is_empty());
        let short = check(
            &f,
            CallType::Restricted,
            now + Duration::days(45) - Duration::seconds(1),
            Money::ZERO,
        );
        assert_eq!(
            codes(&publication_problems(&short, now)),
            vec!["publish-problem-submission-period"]
        );
    }

    #[test]
    fn cfp_02_open_calls_need_90_days_or_60_for_small_grants() {
        let mut f = fixture();
        let now = at(2026, 6, 1, 4, 0, 0);
        let c = check(&f, CallType::Open, now + Duration::days(89), Money::ZERO);
        assert!(
            codes(&publication_problems(&c, now)).contains(&"publish-problem-submission-period")
        );
        let c = check(&f, CallType::Open, now + Duration::days(90), Money::ZERO);
        assert!(publication_problems(&c, now).is_empty());
        for lot in &mut f.lots {
            lot.max_grant = Money::euros(100_000);
        }
        let c = check(&f, CallType::Open, now + Duration::days(60), Money::ZERO);
        assert!(publication_problems(&c, now).is_empty());
        let c = check(
            &f,
            CallType::Open,
            now + Duration::days(60) - Duration::seconds(1),
            Money::ZERO,
        );
        assert!(!publication_problems(&c, now).is_empty());
        f.lots[0].max_grant = Money::from_cents(Money::euros(100_000).cents() + 1);
        assert_eq!(
            minimum_submission_days(CallType::Open, &f.params, &f.lots),
            90
        );
    }

    #[test]
    fn envelopes_may_reach_but_not_exceed_the_grant_budget() {
        let f = fixture();
        let now = at(2026, 6, 1, 4, 0, 0);
        let full = check(
            &f,
            CallType::Restricted,
            now + Duration::days(50),
            Money::ZERO,
        );
        assert!(publication_problems(&full, now).is_empty());
        let over = check(
            &f,
            CallType::Restricted,
            now + Duration::days(50),
            Money::from_cents(1),
        );
        assert_eq!(
            codes(&publication_problems(&over, now)),
            vec!["publish-problem-over-budget"]
        );
    }

    #[test]
    fn each_lot_fits_its_own_envelope() {
        let mut f = fixture();
        let now = at(2026, 6, 1, 4, 0, 0);
        let deadline = now + Duration::days(50);
        // All 3.0M in the national lot: within the total, over the national envelope.
        f.lots[0].envelope = Money::euros(100_000);
        f.lots[0].max_grant = Money::euros(100_000);
        f.lots[1].envelope = Money::euros(900_001);
        let c = check(&f, CallType::Restricted, deadline, Money::ZERO);
        assert_eq!(
            codes(&publication_problems(&c, now)),
            vec!["publish-problem-envelope-over"]
        );
        f.lots[1].envelope = Money::euros(900_000);
        f.envelopes[1].used_by_other_calls = Money::from_cents(1);
        let c = check(&f, CallType::Restricted, deadline, Money::from_cents(1));
        assert_eq!(
            codes(&publication_problems(&c, now)),
            vec!["publish-problem-envelope-over"]
        );
        f.envelopes[1].used_by_other_calls = Money::ZERO;
        f.lots[1].envelope_id = None;
        let c = check(&f, CallType::Restricted, deadline, Money::ZERO);
        assert_eq!(
            codes(&publication_problems(&c, now)),
            vec!["publish-problem-lot-envelope"]
        );
        f.lots[1].envelope_id = Some("retired-envelope".into());
        let c = check(&f, CallType::Restricted, deadline, Money::ZERO);
        assert_eq!(
            codes(&publication_problems(&c, now)),
            vec!["publish-problem-lot-envelope"]
        );
    }

    #[test]
    fn tl_01_a_call_must_open_by_the_launch_deadline() {
        let f = fixture();
        let now = at(2026, 6, 1, 4, 0, 0);
        // 2026-11-15 23:59 Almaty is the last minute of TL-01.
        let last = at(2026, 11, 15, 18, 59, 0);
        let mut c = check(
            &f,
            CallType::Restricted,
            last + Duration::days(60),
            Money::ZERO,
        );
        c.opens_at = Some(last);
        assert!(publication_problems(&c, now).is_empty());
        c.opens_at = Some(last + Duration::minutes(1));
        assert_eq!(
            codes(&publication_problems(&c, now)),
            vec!["publish-problem-opens-after-launch-deadline"]
        );
    }

    #[test]
    fn tl_03_publication_warns_when_the_longest_action_cannot_end_in_time() {
        let mut f = fixture();
        // Operational phase ends 2031-03-15. A restricted call closing 2027-01-15 (Almaty)
        // can contract from 2027-02-15 at the earliest (30 days after the invitation).
        let deadline = at(2027, 1, 15, 7, 0, 0);
        let c = check(&f, CallType::Restricted, deadline, Money::ZERO);
        assert_eq!(
            earliest_contract_start(CallType::Restricted, deadline, &f.params),
            NaiveDate::from_ymd_opt(2027, 2, 15)
        );
        assert!(publication_warnings(&c).is_empty(), "48 months fit");
        f.timeline.operational_end = NaiveDate::from_ymd_opt(2031, 2, 13).unwrap();
        let c = check(&f, CallType::Restricted, deadline, Money::ZERO);
        let w = publication_warnings(&c);
        assert_eq!(
            codes(&w),
            vec!["publish-warning-duration-after-operational-end"; 2]
        );
        assert!(w[0].args.contains(&("possible", ProblemArg::Number(47))));
        f.timeline.operational_end = NaiveDate::from_ymd_opt(2031, 2, 14).unwrap();
        let c = check(&f, CallType::Restricted, deadline, Money::ZERO);
        assert!(
            publication_warnings(&c).is_empty(),
            "ends on the last day of the phase"
        );
    }

    #[test]
    fn every_problem_is_listed_at_once() {
        let mut f = fixture();
        f.lots[1].max_eu_share_bp = 9_500;
        let now = at(2026, 12, 1, 4, 0, 0);
        f.envelopes[0].used_by_other_calls = Money::euros(1);
        let mut c = check(
            &f,
            CallType::Restricted,
            now + Duration::days(10),
            Money::euros(1),
        );
        c.has_english_guidelines = false;
        let found = codes(&publication_problems(&c, now));
        for expected in [
            "publish-problem-launch-deadline",
            "publish-problem-submission-period",
            "publish-problem-lot-incomplete",
            "publish-problem-guidelines",
            "publish-problem-over-budget",
        ] {
            assert!(
                found.contains(&expected),
                "{expected} missing from {found:?}"
            );
        }
    }

    #[test]
    fn cfp_04_lot_limits_are_consistent() {
        let mut lot = default_lots().remove(0);
        assert!(check_lot(&lot).is_empty());
        lot.max_eu_share_bp = 9_001;
        lot.max_duration_months = 49;
        lot.min_grant = Money::euros(300_000);
        lot.locations = vec!["almaty".into()];
        let fields: Vec<_> = check_lot(&lot).iter().map(|p| p.field.clone()).collect();
        assert_eq!(
            fields,
            vec![
                "min_grant",
                "max_eu_share_bp",
                "max_duration_months",
                "locations"
            ]
        );
        let mut lot = default_lots().remove(1);
        lot.max_eu_share_bp = 9_000;
        lot.max_duration_months = 48;
        assert!(check_lot(&lot).is_empty());
    }

    #[test]
    fn cfp_03_questions_until_deadline_minus_21_days() {
        let p = CallParameters::default();
        let deadline = at(2026, 9, 30, 7, 0, 0);
        let cutoff = deadline - Duration::days(21);
        assert!(may_ask_question(cutoff, deadline, &p));
        assert!(!may_ask_question(
            cutoff + Duration::seconds(1),
            deadline,
            &p
        ));
        assert_eq!(answer_deadline(deadline, &p), deadline - Duration::days(11));
        assert!(answered_in_time(
            deadline - Duration::days(11),
            deadline,
            &p
        ));
        assert!(!answered_in_time(
            deadline - Duration::days(11) + Duration::seconds(1),
            deadline,
            &p
        ));
    }

    #[test]
    fn cfp_06_submission_is_open_until_the_deadline_instant() {
        let opens = at(2026, 6, 1, 0, 0, 0);
        let deadline = at(2026, 9, 30, 7, 0, 0);
        assert!(is_open_for_submission(deadline, opens, deadline));
        assert!(!is_open_for_submission(
            deadline + Duration::seconds(1),
            opens,
            deadline
        ));
        assert_eq!(
            call_phase(
                CallStatus::Published,
                opens - Duration::seconds(1),
                opens,
                deadline
            ),
            CallPhase::Upcoming
        );
        assert_eq!(
            call_phase(
                CallStatus::Published,
                deadline + Duration::seconds(1),
                opens,
                deadline
            ),
            CallPhase::Closed
        );
        assert_eq!(
            call_phase(CallStatus::Cancelled, opens, opens, deadline),
            CallPhase::Cancelled
        );
    }

    #[test]
    fn a_call_moves_only_draft_to_published_to_cancelled() {
        use CallEvent::*;
        use CallStatus::*;
        crate::domain::workflow::assert_transitions(&[
            (Draft, Edit, Draft),
            (Draft, AddTranslation, Draft),
            (Draft, DeleteDraft, Draft),
            (Draft, Publish, Published),
            (Published, AddTranslation, Published),
            (Published, Clarify, Published),
            (Published, Follow, Published),
            (Published, Correct, Published),
            (Published, Cancel, Cancelled),
            (Cancelled, Follow, Cancelled),
        ]);
    }

    #[test]
    fn a_new_call_starts_from_what_is_free_in_each_envelope() {
        let env = |id: &str, euros: i64| FreeEnvelope {
            id: id.into(),
            free: Money::euros(euros),
        };
        // Nothing published yet: the full default lots.
        let lots = starting_lots(&[env("a", 2_100_000), env("b", 900_000)]);
        assert_eq!(lots.len(), 2);
        assert_eq!(lots[0].envelope, Money::euros(2_100_000));
        assert_eq!(lots[1].envelope_id.as_deref(), Some("b"));
        // Part of the first envelope taken: the lot shrinks to what is free.
        let lots = starting_lots(&[env("a", 600_000), env("b", 900_000)]);
        assert_eq!(lots[0].envelope, Money::euros(600_000));
        // Less free than a grant: the grant range shrinks with it, and stays consistent.
        let lots = starting_lots(&[env("a", 40_000), env("b", 0)]);
        assert_eq!(lots.len(), 1, "an envelope with nothing free gives no lot");
        assert_eq!(lots[0].max_grant, Money::euros(40_000));
        assert!(lots[0].min_grant <= lots[0].max_grant);
        assert!(check_lot(&lots[0]).is_empty(), "{:?}", check_lot(&lots[0]));
        // The first envelope fully taken: the remaining lot is numbered 1.
        let lots = starting_lots(&[env("a", 0), env("b", 900_000)]);
        assert_eq!((lots.len(), lots[0].number), (1, 1));
        assert_eq!(lots[0].envelope_id.as_deref(), Some("b"));
        assert!(starting_lots(&[]).is_empty());
    }

    #[test]
    fn parameters_are_checked() {
        let mut p = CallParameters::default();
        assert!(check_parameters(&p).is_empty());
        p.answer_deadline_days = 25;
        p.selection_mode = "random".into();
        assert_eq!(
            check_parameters(&p),
            vec![
                "publish-problem-clarification-days",
                "publish-problem-selection-mode"
            ]
        );
    }
}
