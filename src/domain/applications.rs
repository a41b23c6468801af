//! Applications (DOMAIN.md §3): who may apply to a lot (CFP-04), how many (APP-06), and
//! the concept note's word limits, counted as a person would.

use serde::{Deserialize, Serialize};

use chrono::NaiveDateTime;

use super::calls::{CallType, LotTerms};
use super::workflow::Workflow;

/// Where an application stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ApplicationStatus {
    Draft,
    Submitted,
    Withdrawn,
    /// Rejected without evaluation or at any later step (ADM-01…03), with its reason.
    Rejected,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ApplicationEvent {
    /// Save a section of the draft.
    Edit,
    /// Submit it (APP-05: frozen, with a receipt).
    Submit,
    /// Withdraw it (APP-05: until the deadline).
    Withdraw,
    /// Invite it to submit a full application (restricted call, CFP-02).
    Invite,
    /// Reject it (ADM-02 failed, or ineligible at any step, ADM-03).
    Reject,
}

impl Workflow for ApplicationStatus {
    type Event = ApplicationEvent;
    const STATES: &'static [ApplicationStatus] = &[
        ApplicationStatus::Draft,
        ApplicationStatus::Submitted,
        ApplicationStatus::Withdrawn,
        ApplicationStatus::Rejected,
    ];
    const EVENTS: &'static [ApplicationEvent] = &[
        ApplicationEvent::Edit,
        ApplicationEvent::Submit,
        ApplicationEvent::Withdraw,
        ApplicationEvent::Invite,
        ApplicationEvent::Reject,
    ];

    fn next(self, event: ApplicationEvent) -> Option<ApplicationStatus> {
        use ApplicationEvent::*;
        use ApplicationStatus::*;
        match (self, event) {
            (Draft, Edit) => Some(Draft),
            (Draft, Submit) => Some(Submitted),
            // APP-05: until the deadline, edited and submitted again as a new version;
            // the submitted version counts meanwhile.
            (Submitted, Edit) => Some(Submitted),
            (Submitted, Submit) => Some(Submitted),
            // A restricted call's concept note, shortlisted: the full application is a
            // new draft.
            (Submitted, Invite) => Some(Draft),
            (Draft | Submitted, Withdraw) => Some(Withdrawn),
            (Submitted, Reject) => Some(Rejected),
            _ => None,
        }
    }

    fn refusal(self, _event: ApplicationEvent) -> &'static str {
        match self {
            ApplicationStatus::Draft => "error-application-draft",
            ApplicationStatus::Submitted => "error-application-submitted",
            ApplicationStatus::Withdrawn => "error-application-withdrawn",
            ApplicationStatus::Rejected => "error-application-rejected",
        }
    }
}

impl ApplicationStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            ApplicationStatus::Draft => "draft",
            ApplicationStatus::Submitted => "submitted",
            ApplicationStatus::Withdrawn => "withdrawn",
            ApplicationStatus::Rejected => "rejected",
        }
    }

    pub fn parse(s: &str) -> Option<ApplicationStatus> {
        Self::STATES.iter().copied().find(|st| st.as_str() == s)
    }
}

/// Which form an application is at: a restricted call's concept note, then (on
/// invitation) its full application; an open call's application is both at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Stage {
    Concept,
    Full,
}

impl Stage {
    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Concept => "concept",
            Stage::Full => "full",
        }
    }

    pub fn parse(s: &str) -> Stage {
        if s == "full" {
            Stage::Full
        } else {
            Stage::Concept
        }
    }

    /// The stage a new application starts at.
    pub fn first(call_type: CallType) -> Stage {
        match call_type {
            CallType::Open => Stage::Full,
            CallType::Restricted => Stage::Concept,
        }
    }

    /// The receipt numbers' mark: CN (concept note) or FA (full application).
    pub fn mark(self) -> &'static str {
        match self {
            Stage::Concept => "CN",
            Stage::Full => "FA",
        }
    }
}

/// The parts of an application its members may still change at a stage: the concept
/// note until a restricted call's invitation (APP-04: what it said is then kept), the
/// full application from it (in an open call, both together).
pub fn concept_note_editable(stage: Stage, call_type: CallType) -> bool {
    stage == Stage::Concept || call_type == CallType::Open
}

/// The deadline that applies to an application (CFP-06, ADM-01): the call's, or for an
/// invited full application of a restricted call, the one of its invitation.
pub fn deadline_of(
    stage: Stage,
    call_type: CallType,
    call_deadline: Option<NaiveDateTime>,
    full_deadline: Option<NaiveDateTime>,
) -> Option<NaiveDateTime> {
    match (stage, call_type) {
        (Stage::Full, CallType::Restricted) => full_deadline,
        _ => call_deadline,
    }
}

/// The receipt number of an application's submissions at a stage (APP-05): the call's
/// reference, the lot, the stage and the application's place in the order of arrival.
pub fn receipt_number(call_reference: &str, lot: i32, stage: Stage, n: i64) -> String {
    format!("{call_reference}/L{lot}/{}/{n:04}", stage.mark())
}

/// What the applicant's dashboard says to do next with an application (a message key
/// taking the deadline): write and submit, submit the changes, write the invited full
/// application, wait, or nothing (too late, withdrawn).
pub fn next_step(
    status: &str,
    stage: &str,
    invited: bool,
    unsubmitted_changes: bool,
    open: bool,
) -> &'static str {
    match (status, open) {
        ("withdrawn", _) => "next-withdrawn",
        ("draft", true) if stage == "full" && invited => "next-full",
        ("draft", true) => "next-write",
        ("draft", false) => "next-missed",
        ("submitted", true) if unsubmitted_changes => "next-resubmit",
        _ => "next-wait",
    }
}

/// Rule CFP-02: an invitation to submit a full application leaves at least
/// `min_days` days from the invitation to its deadline (the instant itself is enough).
pub fn invitation_leaves_enough_time(
    invited_at: NaiveDateTime,
    deadline: NaiveDateTime,
    min_days: i64,
) -> bool {
    chrono::Duration::try_days(min_days)
        .and_then(|d| invited_at.checked_add_signed(d))
        .is_some_and(|earliest| deadline >= earliest)
}

/// Rule CFP-04: why an organisation may not apply to a lot, in words the applicant reads
/// (empty: it may). Its legal status must be one of the lot's applicant types; it must
/// be registered in Kazakhstan (international organisations excepted), in one of the
/// lot's oblasts unless the lot is national.
pub fn eligibility_problems(
    lot: &LotTerms,
    legal_status: &str,
    country: &str,
) -> Vec<&'static str> {
    let mut out = Vec::new();
    if !lot.applicant_types.iter().any(|t| t == legal_status) {
        out.push("eligibility-problem-type");
    }
    // CFP-04: the lot's locations are where the action takes place (asked in the
    // application, `action_location_problems`), not where the applicant is registered.
    let international = legal_status == "international_organisation";
    if !international && !country.eq_ignore_ascii_case("KZ") {
        out.push("eligibility-problem-country");
    }
    out
}

/// The locations an application's action takes place in: oblast codes, known ones only.
pub fn parse_action_locations(text: &str) -> Vec<&str> {
    text.split(',')
        .map(str::trim)
        .filter(|c| super::calls::PILOT_OBLASTS.contains(c))
        .collect()
}

/// The action's locations proposed when an application is started: the applicant's seat,
/// when it is one of the lot's (changed in the concept note).
pub fn proposed_action_locations(lot: &LotTerms, seat_oblast: &str) -> String {
    if lot.locations.iter().any(|l| l == seat_oblast) && seat_oblast != "national" {
        seat_oblast.to_string()
    } else {
        String::new()
    }
}

/// Rule CFP-04: a lot limited to some oblasts takes actions that take place there: at
/// least one location given, every one among the lot's. A national lot takes any.
pub fn action_location_problems(lot: &LotTerms, action_locations: &str) -> Vec<super::FieldError> {
    use super::FieldError;
    if lot.locations.iter().any(|l| l == "national") {
        return Vec::new();
    }
    let chosen = parse_action_locations(action_locations);
    if chosen.is_empty() {
        return vec![FieldError::new(
            "action_locations",
            "error-action-location-missing",
        )];
    }
    if chosen.iter().any(|c| !lot.locations.iter().any(|l| l == c)) {
        return vec![FieldError::new(
            "action_locations",
            "error-action-location-outside",
        )];
    }
    Vec::new()
}

/// Rule APP-06: whether one more application of the organisation is within a limit
/// (None: unlimited): the call's, counted over the call, and the lot's, counted over the
/// lot. Withdrawn applications do not count.
pub fn within_application_limit(existing: i64, limit: Option<i64>) -> bool {
    limit.is_none_or(|max| existing < max)
}

/// Words as a person counts them: runs of letters or digits (hyphenated and apostrophed
/// words are one word; punctuation and numbers' separators are not words of their own).
pub fn count_words(text: &str) -> usize {
    text.split(|c: char| c.is_whitespace() || matches!(c, '—' | '–' | '/'))
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// What a concept note says, as checked at submission.
pub struct ConceptNote<'a> {
    pub title: &'a str,
    pub relevance: &'a str,
    pub design: &'a str,
    pub eu_contribution: Option<super::money::Money>,
    pub duration_months: Option<i32>,
    /// CFP-04: where the action takes place (oblast codes, comma-separated).
    pub action_locations: &'a str,
}

/// Everything that stops a concept note's submission, by field: every part written and
/// within its word limit, the EU contribution within the lot's grant range (APP-02) and
/// the duration within the lot's range (APP-03).
pub fn concept_note_problems(c: &ConceptNote<'_>, lot: &LotTerms) -> Vec<super::FieldError> {
    use super::FieldError;
    let mut out = Vec::new();
    if c.title.trim().is_empty() {
        out.push(FieldError::new("title", "error-required-for-title"));
    }
    for (field, text) in [("relevance", c.relevance), ("design", c.design)] {
        let limit = CONCEPT_SECTIONS
            .iter()
            .find(|(name, _)| *name == field)
            .map_or(usize::MAX, |(_, l)| *l);
        let words = count_words(text);
        if words == 0 {
            out.push(FieldError::new(field, "error-section-empty"));
        } else if words > limit {
            out.push(
                FieldError::new(field, "error-section-too-long")
                    .with("words", words.to_string())
                    .with("limit", limit.to_string()),
            );
        }
    }
    match c.eu_contribution {
        None => out.push(FieldError::new(
            "eu_contribution",
            "error-eu-contribution-missing",
        )),
        Some(m) if m < lot.min_grant || m > lot.max_grant => out.push(
            FieldError::new("eu_contribution", "error-eu-contribution-range")
                .with_money("amount", m)
                .with_money("min", lot.min_grant)
                .with_money("max", lot.max_grant),
        ),
        Some(_) => {}
    }
    out.extend(action_location_problems(lot, c.action_locations));
    match c.duration_months.map(i64::from) {
        None => out.push(FieldError::new("duration_months", "error-duration-missing")),
        Some(d) if d < lot.min_duration_months || d > lot.max_duration_months => out.push(
            FieldError::new("duration_months", "error-duration-range")
                .with("months", d.to_string())
                .with("min", lot.min_duration_months.to_string())
                .with("max", lot.max_duration_months.to_string()),
        ),
        Some(_) => {}
    }
    out
}

/// ADM-03: an invited applicant who has not submitted the full application by its own
/// deadline: the invitation has lapsed. Nothing is rejected on the spot; the full stage's
/// report lists the application as not received (reason "incomplete") and the applicant
/// is told in that stage's batch.
pub fn invitation_lapsed(
    stage: Stage,
    status: &str,
    deadline: Option<chrono::NaiveDateTime>,
    now: chrono::NaiveDateTime,
) -> bool {
    stage == Stage::Full && status == "draft" && deadline.is_some_and(|d| now > d)
}

/// The concept note's parts with their word limits (PRAG concept note: relevance and
/// design of the action).
pub const CONCEPT_SECTIONS: [(&str, usize); 2] = [("relevance", 1500), ("design", 1000)];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::calls::default_lots;

    #[test]
    fn the_deadline_and_the_editable_parts_follow_the_stage() {
        use chrono::NaiveDate;
        let at = |d| {
            NaiveDate::from_ymd_opt(2027, 1, d)
                .unwrap()
                .and_hms_opt(12, 0, 0)
        };
        let (call, full) = (at(1), at(31));
        assert_eq!(
            deadline_of(Stage::Concept, CallType::Restricted, call, full),
            call
        );
        assert_eq!(
            deadline_of(Stage::Full, CallType::Restricted, call, full),
            full
        );
        assert_eq!(deadline_of(Stage::Full, CallType::Open, call, None), call);
        assert!(concept_note_editable(Stage::Concept, CallType::Restricted));
        assert!(!concept_note_editable(Stage::Full, CallType::Restricted));
        assert!(concept_note_editable(Stage::Full, CallType::Open));
        assert_eq!(Stage::first(CallType::Open), Stage::Full);
        assert_eq!(receipt_number("EU/1", 2, Stage::Full, 7), "EU/1/L2/FA/0007");
    }

    #[test]
    fn the_dashboard_says_what_to_do_next() {
        assert_eq!(
            next_step("draft", "concept", false, true, true),
            "next-write"
        );
        assert_eq!(next_step("draft", "full", true, true, true), "next-full");
        assert_eq!(
            next_step("draft", "concept", false, true, false),
            "next-missed"
        );
        assert_eq!(
            next_step("submitted", "concept", false, true, true),
            "next-resubmit"
        );
        assert_eq!(
            next_step("submitted", "concept", false, false, true),
            "next-wait"
        );
        assert_eq!(
            next_step("submitted", "concept", false, true, false),
            "next-wait"
        );
        assert_eq!(
            next_step("withdrawn", "full", true, false, true),
            "next-withdrawn"
        );
    }

    #[test]
    fn an_invitation_leaves_the_days_of_cfp_02() {
        use chrono::{Duration, NaiveDate};
        let at = NaiveDate::from_ymd_opt(2027, 2, 1)
            .unwrap()
            .and_hms_opt(6, 0, 0)
            .unwrap();
        assert!(invitation_leaves_enough_time(
            at,
            at + Duration::days(30),
            30
        ));
        assert!(!invitation_leaves_enough_time(
            at,
            at + Duration::days(30) - Duration::seconds(1),
            30
        ));
        assert!(!invitation_leaves_enough_time(at, at, i64::MAX));
    }

    #[test]
    fn who_may_apply_to_which_lot() {
        let lots = default_lots();
        let (pilot, national) = (&lots[0], &lots[1]);
        assert!(eligibility_problems(pilot, "ngo", "KZ").is_empty());
        // CFP-04: an NGO registered outside the pilot oblasts may apply to lot 1; where
        // its action takes place is checked in the application.
        assert!(eligibility_problems(pilot, "ngo", "KZ").is_empty());
        assert_eq!(
            action_location_problems(pilot, "")[0].code,
            "error-action-location-missing"
        );
        assert!(action_location_problems(pilot, "kyzylorda").is_empty());
        assert!(action_location_problems(pilot, "kyzylorda,mangystau").is_empty());
        assert_eq!(
            action_location_problems(pilot, "national")[0].code,
            "error-action-location-missing"
        );
        assert!(action_location_problems(national, "").is_empty());
        assert_eq!(proposed_action_locations(pilot, "kyzylorda"), "kyzylorda");
        assert_eq!(proposed_action_locations(pilot, "national"), "");
        assert!(eligibility_problems(national, "ngo", "KZ").is_empty());
        assert_eq!(
            eligibility_problems(national, "local_authority", "KZ"),
            ["eligibility-problem-type"]
        );
        assert_eq!(
            eligibility_problems(pilot, "ngo", "DE"),
            ["eligibility-problem-country"]
        );
        assert!(eligibility_problems(pilot, "international_organisation", "CH").is_empty());
    }

    #[test]
    fn the_application_limit_counts_up_to_and_including_the_last_allowed() {
        assert!(within_application_limit(100, None));
        assert!(within_application_limit(1, Some(2)));
        assert!(!within_application_limit(2, Some(2)));
        assert!(!within_application_limit(0, Some(0)));
    }

    #[test]
    fn a_concept_note_is_complete_within_the_lots_ranges() {
        use crate::domain::money::Money;
        let lot = &default_lots()[1]; // EUR 50,000–150,000; 12–48 months
        let words = |n: usize| vec!["word"; n].join(" ");
        let (ok_relevance, ok_design) = (words(1500), words(1000));
        let note = |eu: i64, months: i32| ConceptNote {
            title: "Clean water",
            relevance: &ok_relevance,
            design: &ok_design,
            eu_contribution: Some(Money::euros(eu)),
            duration_months: Some(months),
            action_locations: "",
        };
        assert!(concept_note_problems(&note(50_000, 12), lot).is_empty());
        assert!(concept_note_problems(&note(150_000, 48), lot).is_empty());
        let fields = |c: &ConceptNote<'_>| {
            concept_note_problems(c, lot)
                .into_iter()
                .map(|p| p.field.to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            fields(&note(49_999, 11)),
            ["eu_contribution", "duration_months"]
        );
        assert_eq!(
            fields(&note(150_001, 49)),
            ["eu_contribution", "duration_months"]
        );
        let long = words(1501);
        let mut c = note(60_000, 24);
        c.relevance = &long;
        c.design = "";
        let problems = concept_note_problems(&c, lot);
        assert_eq!(
            problems.iter().map(|p| p.code).collect::<Vec<_>>(),
            ["error-section-too-long", "error-section-empty"]
        );
        // The refusal says by how much: 1,501 words of 1,500.
        assert_eq!(
            problems[0].args,
            vec![("words", "1501".to_string()), ("limit", "1500".to_string())]
        );
    }

    #[test]
    fn words_are_counted_as_people_count_them() {
        assert_eq!(count_words(""), 0);
        assert_eq!(count_words("  — , . "), 0);
        assert_eq!(count_words("Clean water for Aral villages."), 5);
        assert_eq!(count_words("co-financing isn't 10 % — it's 10%"), 5);
        assert_eq!(count_words("Арал теңізі\nжағалауы"), 3);
    }

    #[test]
    fn an_application_is_edited_as_a_draft_and_frozen_once_submitted() {
        use ApplicationEvent::*;
        use ApplicationStatus::*;
        crate::domain::workflow::assert_transitions(&[
            (Draft, Edit, Draft),
            (Draft, Submit, Submitted),
            (Draft, Withdraw, Withdrawn),
            (Submitted, Edit, Submitted),
            (Submitted, Submit, Submitted),
            (Submitted, Invite, Draft),
            (Submitted, Withdraw, Withdrawn),
            (Submitted, Reject, Rejected),
        ]);
    }
}

/// What an opening record covers: the call's deadline (an open call's applications, a
/// restricted call's concept notes) or a restricted call's invited full applications.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OpeningStage {
    Call,
    Full,
}

impl OpeningStage {
    pub fn as_str(self) -> &'static str {
        match self {
            OpeningStage::Call => "call",
            OpeningStage::Full => "full",
        }
    }

    pub fn parse(s: &str) -> Option<OpeningStage> {
        match s {
            "call" => Some(OpeningStage::Call),
            "full" => Some(OpeningStage::Full),
            _ => None,
        }
    }
}

/// When a stage may be opened (ADM-01): the call's stage after the call's deadline; the
/// full applications of a restricted call after the last of the invited applications'
/// deadlines (none invited: never). The instant itself is still in time.
pub fn opening_allowed_after(
    stage: OpeningStage,
    call_type: CallType,
    call_deadline: Option<NaiveDateTime>,
    invited_deadlines: &[NaiveDateTime],
) -> Option<NaiveDateTime> {
    match (stage, call_type) {
        (OpeningStage::Call, _) => call_deadline,
        (OpeningStage::Full, CallType::Restricted) => invited_deadlines.iter().max().copied(),
        (OpeningStage::Full, CallType::Open) => None,
    }
}

/// The stage a refused late attempt belongs to: after its invitation, the full
/// application's; before, the call's.
pub fn late_attempt_stage(
    attempted_at: NaiveDateTime,
    invited_at: Option<NaiveDateTime>,
) -> OpeningStage {
    match invited_at {
        Some(invited) if attempted_at > invited => OpeningStage::Full,
        _ => OpeningStage::Call,
    }
}

#[cfg(test)]
mod opening_tests {
    use super::*;

    fn at(h: u32, m: u32, s: u32) -> NaiveDateTime {
        chrono::NaiveDate::from_ymd_opt(2027, 3, 31)
            .unwrap()
            .and_hms_opt(h, m, s)
            .unwrap()
    }

    #[test]
    fn the_full_stage_opens_after_the_last_invited_deadline_and_only_in_restricted_calls() {
        let deadlines = [at(13, 0, 0), at(12, 0, 0)];
        assert_eq!(
            opening_allowed_after(
                OpeningStage::Full,
                CallType::Restricted,
                Some(at(9, 0, 0)),
                &deadlines
            ),
            Some(at(13, 0, 0))
        );
        assert_eq!(
            opening_allowed_after(
                OpeningStage::Full,
                CallType::Restricted,
                Some(at(9, 0, 0)),
                &[]
            ),
            None
        );
        assert_eq!(
            opening_allowed_after(
                OpeningStage::Full,
                CallType::Open,
                Some(at(9, 0, 0)),
                &deadlines
            ),
            None
        );
        assert_eq!(
            opening_allowed_after(OpeningStage::Call, CallType::Open, Some(at(9, 0, 0)), &[]),
            Some(at(9, 0, 0))
        );
    }

    #[test]
    fn a_late_attempt_after_the_invitation_belongs_to_the_full_stage() {
        assert_eq!(
            late_attempt_stage(at(10, 0, 1), Some(at(10, 0, 0))),
            OpeningStage::Full
        );
        assert_eq!(
            late_attempt_stage(at(10, 0, 0), Some(at(10, 0, 0))),
            OpeningStage::Call
        );
        assert_eq!(late_attempt_stage(at(10, 0, 1), None), OpeningStage::Call);
    }
}
