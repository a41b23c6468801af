//! The evaluation of a call (EVC-01…03, GRD-01…05): the committee's composition, the
//! assessor's score sheet on a grid, the application's score as the average of its
//! assessors' sheets, divergence between assessors, and the thresholds that stop an
//! application. Scores are kept in hundredths of a point ("centipoints") so that an
//! average of whole sheets is exact enough to rank and never a float.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::access::CommitteeRole;
use super::calls::CallParameters;
use super::grids::{Grid, Section, SectionRole, MAX_SCORE};
use super::workflow::Workflow;

/// Which of the two evaluations of a call (CFP-01: the concept note is always evaluated
/// first; the full application after it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EvaluationStage {
    Concept,
    Full,
}

impl EvaluationStage {
    pub const ALL: [EvaluationStage; 2] = [EvaluationStage::Concept, EvaluationStage::Full];

    pub fn as_str(self) -> &'static str {
        match self {
            EvaluationStage::Concept => "concept",
            EvaluationStage::Full => "full",
        }
    }

    pub fn parse(s: &str) -> Option<EvaluationStage> {
        EvaluationStage::ALL.into_iter().find(|v| v.as_str() == s)
    }

    /// EVC-03: the divergence threshold of this stage's grid (param).
    pub fn divergence_threshold(self, params: &CallParameters) -> i64 {
        match self {
            EvaluationStage::Concept => params.divergence_concept,
            EvaluationStage::Full => params.divergence_full,
        }
    }
}

// ---------------------------------------------------------------------------------
// EVC-01: the committee
// ---------------------------------------------------------------------------------

impl CommitteeRole {
    pub const ALL: [CommitteeRole; 6] = [
        CommitteeRole::Chair,
        CommitteeRole::Secretary,
        CommitteeRole::Evaluator,
        CommitteeRole::Replacement,
        CommitteeRole::Assessor,
        CommitteeRole::Observer,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            CommitteeRole::Chair => "chair",
            CommitteeRole::Secretary => "secretary",
            CommitteeRole::Evaluator => "evaluator",
            CommitteeRole::Replacement => "replacement",
            CommitteeRole::Assessor => "assessor",
            CommitteeRole::Observer => "observer",
        }
    }

    pub fn parse(s: &str) -> Option<CommitteeRole> {
        CommitteeRole::ALL.into_iter().find(|r| r.as_str() == s)
    }

    /// Who may be given applications to score: the voting evaluators, the assessors,
    /// and the replacement evaluator (when the chair replaces someone).
    pub fn scores(self) -> bool {
        matches!(
            self,
            CommitteeRole::Evaluator | CommitteeRole::Assessor | CommitteeRole::Replacement
        )
    }

    /// Who the automatic assignment draws on (the replacement waits to replace).
    pub fn assigned_automatically(self) -> bool {
        matches!(self, CommitteeRole::Evaluator | CommitteeRole::Assessor)
    }

    /// The chair and the secretary see every score of the call (EVC-03).
    pub fn sees_all_scores(self) -> bool {
        matches!(self, CommitteeRole::Chair | CommitteeRole::Secretary)
    }
}

/// EVC-01: what is missing or wrong in a committee, as message keys. An empty list
/// means the committee may start: one non-voting chair, one non-voting secretary, an
/// odd number of at least 3 voting evaluators, a replacement evaluator.
pub fn committee_problems(roles: &[CommitteeRole]) -> Vec<&'static str> {
    let count = |r: CommitteeRole| roles.iter().filter(|x| **x == r).count();
    let mut problems = Vec::new();
    match count(CommitteeRole::Chair) {
        0 => problems.push("committee-problem-no-chair"),
        1 => {}
        _ => problems.push("committee-problem-two-chairs"),
    }
    match count(CommitteeRole::Secretary) {
        0 => problems.push("committee-problem-no-secretary"),
        1 => {}
        _ => problems.push("committee-problem-two-secretaries"),
    }
    let voting = count(CommitteeRole::Evaluator);
    if voting < 3 {
        problems.push("committee-problem-few-evaluators");
    } else if voting % 2 == 0 {
        problems.push("committee-problem-even-evaluators");
    }
    if count(CommitteeRole::Replacement) == 0 {
        problems.push("committee-problem-no-replacement");
    }
    problems
}

// ---------------------------------------------------------------------------------
// Assignments: an assessor's work on one application at one stage
// ---------------------------------------------------------------------------------

/// The state of one assignment (EVC-02, EVC-03).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AssignmentStatus {
    /// Assigned; the assessor has not yet said whether they have a conflict of interest.
    Pending,
    /// No conflict confirmed: the assessor reads and scores (a draft may be saved).
    Accepted,
    /// The score sheet is submitted and final.
    Submitted,
    /// The assessor declared a conflict of interest: removed from the application.
    Conflicted,
    /// The chair replaced the assessor (history kept).
    Replaced,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AssignmentEvent {
    ConfirmNoConflict,
    DeclareConflict,
    SaveDraft,
    Submit,
    Replace,
}

impl AssignmentStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            AssignmentStatus::Pending => "pending",
            AssignmentStatus::Accepted => "accepted",
            AssignmentStatus::Submitted => "submitted",
            AssignmentStatus::Conflicted => "conflicted",
            AssignmentStatus::Replaced => "replaced",
        }
    }

    pub fn parse(s: &str) -> Option<AssignmentStatus> {
        Self::STATES.iter().copied().find(|v| v.as_str() == s)
    }

    /// Still counts towards the application's assessors (not conflicted or replaced).
    pub fn is_active(self) -> bool {
        matches!(
            self,
            AssignmentStatus::Pending | AssignmentStatus::Accepted | AssignmentStatus::Submitted
        )
    }
}

impl Workflow for AssignmentStatus {
    type Event = AssignmentEvent;
    const STATES: &'static [AssignmentStatus] = &[
        AssignmentStatus::Pending,
        AssignmentStatus::Accepted,
        AssignmentStatus::Submitted,
        AssignmentStatus::Conflicted,
        AssignmentStatus::Replaced,
    ];
    const EVENTS: &'static [AssignmentEvent] = &[
        AssignmentEvent::ConfirmNoConflict,
        AssignmentEvent::DeclareConflict,
        AssignmentEvent::SaveDraft,
        AssignmentEvent::Submit,
        AssignmentEvent::Replace,
    ];

    fn next(self, event: AssignmentEvent) -> Option<AssignmentStatus> {
        use AssignmentEvent as E;
        use AssignmentStatus as S;
        match (self, event) {
            (S::Pending, E::ConfirmNoConflict) => Some(S::Accepted),
            // A conflict found while reading still removes the assessor.
            (S::Pending | S::Accepted, E::DeclareConflict) => Some(S::Conflicted),
            (S::Accepted, E::SaveDraft) => Some(S::Accepted),
            (S::Accepted, E::Submit) => Some(S::Submitted),
            // A submitted sheet is part of the record; it is never replaced.
            (S::Pending | S::Accepted, E::Replace) => Some(S::Replaced),
            _ => None,
        }
    }

    fn refusal(self, event: AssignmentEvent) -> &'static str {
        match (self, event) {
            (AssignmentStatus::Pending, AssignmentEvent::SaveDraft | AssignmentEvent::Submit) => {
                "error-assignment-conflict-first"
            }
            (AssignmentStatus::Submitted, AssignmentEvent::Replace) => {
                "error-assignment-submitted-stays"
            }
            (AssignmentStatus::Submitted, _) => "error-assignment-already-submitted",
            (AssignmentStatus::Conflicted | AssignmentStatus::Replaced, _) => {
                "error-assignment-ended"
            }
            _ => "error-assignment-already-answered",
        }
    }
}

// ---------------------------------------------------------------------------------
// GRD-01: the score sheet
// ---------------------------------------------------------------------------------

/// One section of an assessor's sheet: a score per sub-criterion and the comment.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct SectionSheet {
    #[serde(default)]
    pub scores: BTreeMap<String, i64>,
    #[serde(default)]
    pub comment: String,
}

/// An assessor's sheet for one application, by section code.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ScoreSheet {
    #[serde(default)]
    pub sections: BTreeMap<String, SectionSheet>,
}

/// The longest comment kept per section.
pub const MAX_COMMENT_CHARS: usize = 5_000;

/// The sections an assessor scores at a stage: all but a carried-over one (GRD-04).
pub fn scored_sections(grid: &Grid) -> impl Iterator<Item = &Section> {
    grid.sections.iter().filter(|s| !s.carried_over)
}

/// GRD-01: what is wrong with a sheet, as (field, message key). A draft may leave
/// scores and comments out (`complete` false); a submitted sheet must have every
/// sub-criterion scored 1–5 and a comment for every section. Codes the grid does not
/// have, and scores outside 1–5, are refused in both.
pub fn sheet_problems(
    grid: &Grid,
    sheet: &ScoreSheet,
    complete: bool,
) -> Vec<(String, &'static str)> {
    let mut problems = Vec::new();
    for (code, given) in &sheet.sections {
        let Some(section) = scored_sections(grid).find(|s| &s.code == code) else {
            problems.push((format!("section-{code}"), "error-score-unknown-criterion"));
            continue;
        };
        for c in given.scores.keys() {
            if !section.criteria.iter().any(|k| &k.code == c) {
                problems.push((format!("score-{c}"), "error-score-unknown-criterion"));
            }
        }
        if given.comment.chars().count() > MAX_COMMENT_CHARS {
            problems.push((format!("comment-{code}"), "error-score-comment-too-long"));
        }
    }
    for section in scored_sections(grid) {
        let given = sheet.sections.get(&section.code);
        for c in &section.criteria {
            match given.and_then(|g| g.scores.get(&c.code)) {
                Some(v) if !(1..=MAX_SCORE).contains(v) => {
                    problems.push((format!("score-{}", c.code), "error-score-range"))
                }
                None if complete => {
                    problems.push((format!("score-{}", c.code), "error-score-missing"))
                }
                _ => {}
            }
        }
        if complete && given.is_none_or(|g| g.comment.trim().is_empty()) {
            problems.push((
                format!("comment-{}", section.code),
                "error-score-comment-missing",
            ));
        }
    }
    problems
}

/// A section's points on one sheet: each score times its weight (GRD-01: some count
/// twice). Missing scores count 0 (only complete sheets are ever totalled for a result).
pub fn section_points(section: &Section, sheet: &ScoreSheet) -> i64 {
    let given = sheet.sections.get(&section.code);
    section
        .criteria
        .iter()
        .map(|c| {
            c.weight
                * given
                    .and_then(|g| g.scores.get(&c.code))
                    .copied()
                    .unwrap_or(0)
        })
        .sum()
}

/// One sheet's total over the scored sections, plus the carried-over points.
pub fn sheet_total(grid: &Grid, sheet: &ScoreSheet) -> i64 {
    scored_sections(grid)
        .map(|s| section_points(s, sheet))
        .sum()
}

// ---------------------------------------------------------------------------------
// EVC-03: the application's score from its sheets
// ---------------------------------------------------------------------------------

/// Hundredths of a point: 3050 = 30.5 points.
pub type Centipoints = i64;

/// The average of whole points, in hundredths, rounded half up (EVC-03: the score is
/// the average). None for no values.
pub fn average(points: &[i64]) -> Option<Centipoints> {
    if points.is_empty() {
        return None;
    }
    let n = points.len() as i64;
    let sum: i64 = points.iter().sum::<i64>() * 100;
    Some((2 * sum + n).div_euclid(2 * n))
}

/// EVC-03: two sheets' totals differ by more than the threshold.
pub fn diverges(totals: &[i64], threshold: i64) -> bool {
    match (totals.iter().max(), totals.iter().min()) {
        (Some(max), Some(min)) => max - min > threshold,
        _ => false,
    }
}

/// The scores of an application at one stage, from its submitted sheets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Result {
    /// Each section's average (carried-over sections: the carried points), by code.
    pub sections: Vec<(String, Centipoints)>,
    /// The sum of the section averages.
    pub total: Centipoints,
    /// The average of the sections with these roles (GRD-05, GRD-06), if the grid has one.
    pub relevance: Option<Centipoints>,
    pub capacity: Option<Centipoints>,
    /// The lowest average of a capacity sub-criterion (GRD-05: a 1 rejects).
    pub lowest_capacity_criterion: Option<Centipoints>,
    /// Each sheet's total, in the order given.
    pub sheet_totals: Vec<i64>,
}

/// The application's result from its submitted sheets. `carried` is the relevance
/// score carried over from the concept note (GRD-04), scaled to the full grid's
/// section; None when no sheet is given.
pub fn result_of(
    grid: &Grid,
    sheets: &[ScoreSheet],
    carried: Option<Centipoints>,
) -> Option<Result> {
    if sheets.is_empty() {
        return None;
    }
    let mut sections = Vec::new();
    let mut total = 0;
    let mut relevance = None;
    let mut capacity = None;
    let mut lowest = None;
    for s in &grid.sections {
        let points = if s.carried_over {
            carried.unwrap_or(0)
        } else {
            let per_sheet: Vec<i64> = sheets.iter().map(|sh| section_points(s, sh)).collect();
            average(&per_sheet).unwrap_or(0)
        };
        total += points;
        match s.role {
            SectionRole::Relevance => relevance = Some(points),
            SectionRole::Capacity => {
                capacity = Some(points);
                lowest = s
                    .criteria
                    .iter()
                    .filter_map(|c| {
                        let v: Vec<i64> = sheets
                            .iter()
                            .filter_map(|sh| sh.sections.get(&s.code)?.scores.get(&c.code).copied())
                            .collect();
                        average(&v)
                    })
                    .min();
            }
            SectionRole::Other => {}
        }
        sections.push((s.code.clone(), points));
    }
    Some(Result {
        sections,
        total,
        relevance,
        capacity,
        lowest_capacity_criterion: lowest,
        sheet_totals: sheets.iter().map(|sh| sheet_total(grid, sh)).collect(),
    })
}

/// GRD-04: the concept note's relevance average carried to the full grid's relevance
/// section, scaled when the two sections have different maxima.
pub fn carry_relevance(
    concept_relevance: Centipoints,
    concept: &Grid,
    full: &Grid,
) -> Option<Centipoints> {
    let from = concept.section_with(SectionRole::Relevance)?.max_score();
    let to = full
        .sections
        .iter()
        .find(|s| s.carried_over)
        .map(Section::max_score)?;
    if from <= 0 {
        return None;
    }
    Some((concept_relevance * to * 2 + from).div_euclid(2 * from))
}

/// Why an application scored at a stage goes no further (GRD-02, GRD-05), as the
/// reason code the applicant is told (NOT-01: "below threshold").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ThresholdFailure {
    /// GRD-02: a concept note below the pass score.
    ConceptBelowPass,
    /// GRD-05: the capacity section below its minimum.
    CapacityBelowMinimum,
    /// GRD-05: a capacity sub-criterion scored 1 (on by default).
    CapacityScoredOne,
}

impl ThresholdFailure {
    pub fn message_key(self) -> &'static str {
        match self {
            ThresholdFailure::ConceptBelowPass => "threshold-concept-below-pass",
            ThresholdFailure::CapacityBelowMinimum => "threshold-capacity-below-minimum",
            ThresholdFailure::CapacityScoredOne => "threshold-capacity-scored-one",
        }
    }
}

/// GRD-02 and GRD-05: whether a result passes its stage's thresholds.
pub fn threshold_failure(
    stage: EvaluationStage,
    result: &Result,
    params: &CallParameters,
) -> Option<ThresholdFailure> {
    match stage {
        EvaluationStage::Concept => (result.total < params.concept_note_pass_score * 100)
            .then_some(ThresholdFailure::ConceptBelowPass),
        EvaluationStage::Full => {
            if result
                .capacity
                .is_some_and(|c| c < params.capacity_min_score * 100)
            {
                Some(ThresholdFailure::CapacityBelowMinimum)
            } else if params.reject_on_capacity_one
                && result.lowest_capacity_criterion.is_some_and(|c| c <= 100)
            {
                Some(ThresholdFailure::CapacityScoredOne)
            } else {
                None
            }
        }
    }
}

/// Formats centipoints for people: "30.5", "30", "30.33".
pub fn points_text(c: Centipoints) -> String {
    let whole = c.div_euclid(100);
    let frac = c.rem_euclid(100);
    match frac {
        0 => whole.to_string(),
        f if f % 10 == 0 => format!("{whole}.{}", f / 10),
        f => format!("{whole}.{f:02}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::grids::{default_concept_note_grid, default_full_application_grid};
    use crate::domain::workflow::assert_transitions;

    fn sheet(grid: &Grid, score: i64) -> ScoreSheet {
        let mut s = ScoreSheet::default();
        for section in scored_sections(grid) {
            s.sections.insert(
                section.code.clone(),
                SectionSheet {
                    scores: section
                        .criteria
                        .iter()
                        .map(|c| (c.code.clone(), score))
                        .collect(),
                    comment: "Reasoned.".into(),
                },
            );
        }
        s
    }

    #[test]
    fn evc_01_a_committee_needs_chair_secretary_three_or_five_evaluators_and_a_replacement() {
        use CommitteeRole::*;
        assert!(committee_problems(&[
            Chair,
            Secretary,
            Evaluator,
            Evaluator,
            Evaluator,
            Replacement
        ])
        .is_empty());
        assert!(committee_problems(&[
            Chair,
            Secretary,
            Evaluator,
            Evaluator,
            Evaluator,
            Evaluator,
            Evaluator,
            Replacement,
            Observer,
            Assessor
        ])
        .is_empty());
        assert_eq!(
            committee_problems(&[Chair, Secretary, Evaluator, Evaluator, Replacement]),
            vec!["committee-problem-few-evaluators"]
        );
        assert_eq!(
            committee_problems(&[
                Chair,
                Secretary,
                Evaluator,
                Evaluator,
                Evaluator,
                Evaluator,
                Replacement
            ]),
            vec!["committee-problem-even-evaluators"]
        );
        assert_eq!(
            committee_problems(&[]),
            vec![
                "committee-problem-no-chair",
                "committee-problem-no-secretary",
                "committee-problem-few-evaluators",
                "committee-problem-no-replacement"
            ]
        );
        assert!(committee_problems(&[
            Chair,
            Chair,
            Secretary,
            Evaluator,
            Evaluator,
            Evaluator,
            Replacement
        ])
        .contains(&"committee-problem-two-chairs"));
    }

    #[test]
    fn assignment_transitions() {
        use AssignmentEvent as E;
        use AssignmentStatus as S;
        assert_transitions(&[
            (S::Pending, E::ConfirmNoConflict, S::Accepted),
            (S::Pending, E::DeclareConflict, S::Conflicted),
            (S::Accepted, E::DeclareConflict, S::Conflicted),
            (S::Accepted, E::SaveDraft, S::Accepted),
            (S::Accepted, E::Submit, S::Submitted),
            (S::Pending, E::Replace, S::Replaced),
            (S::Accepted, E::Replace, S::Replaced),
        ]);
        for s in AssignmentStatus::STATES {
            assert_eq!(AssignmentStatus::parse(s.as_str()), Some(*s));
        }
    }

    #[test]
    fn grd_01_scores_are_whole_numbers_from_1_to_5_with_a_comment_per_section() {
        let grid = default_concept_note_grid();
        assert!(sheet_problems(&grid, &sheet(&grid, 5), true).is_empty());
        assert!(sheet_problems(&grid, &sheet(&grid, 1), true).is_empty());
        let p = sheet_problems(&grid, &sheet(&grid, 6), true);
        assert!(p.iter().all(|(_, k)| *k == "error-score-range") && !p.is_empty());
        let p = sheet_problems(&grid, &sheet(&grid, 0), false);
        assert!(p.iter().all(|(_, k)| *k == "error-score-range") && !p.is_empty());
        // A draft may be incomplete; a submission may not.
        assert!(sheet_problems(&grid, &ScoreSheet::default(), false).is_empty());
        let p = sheet_problems(&grid, &ScoreSheet::default(), true);
        assert!(p.contains(&("score-1.1".into(), "error-score-missing")));
        assert!(p.contains(&("comment-1".into(), "error-score-comment-missing")));
        let mut blank = sheet(&grid, 3);
        blank.sections.get_mut("2").unwrap().comment = "  ".into();
        assert_eq!(
            sheet_problems(&grid, &blank, true),
            vec![("comment-2".to_string(), "error-score-comment-missing")]
        );
        let mut odd = sheet(&grid, 3);
        odd.sections
            .get_mut("1")
            .unwrap()
            .scores
            .insert("9.9".into(), 3);
        assert_eq!(
            sheet_problems(&grid, &odd, false),
            vec![("score-9.9".to_string(), "error-score-unknown-criterion")]
        );
    }

    #[test]
    fn grd_02_the_concept_note_grid_totals_50_and_doubled_criteria_count_twice() {
        let grid = default_concept_note_grid();
        assert_eq!(sheet_total(&grid, &sheet(&grid, 5)), 50);
        assert_eq!(sheet_total(&grid, &sheet(&grid, 1)), 10);
        let mut s = sheet(&grid, 3);
        s.sections
            .get_mut("1")
            .unwrap()
            .scores
            .insert("1.1".into(), 4);
        // 1.1 counts twice: one more point is two.
        assert_eq!(sheet_total(&grid, &s), 32);
    }

    #[test]
    fn grd_04_the_carried_over_relevance_is_not_scored_again() {
        let grid = default_full_application_grid();
        assert!(scored_sections(&grid).all(|s| s.role != SectionRole::Relevance));
        // 70 of 100 are scored; relevance's 30 come from the concept note.
        assert_eq!(sheet_total(&grid, &sheet(&grid, 5)), 70);
        let cn = default_concept_note_grid();
        let carried = carry_relevance(2500, &cn, &grid).unwrap();
        assert_eq!(carried, 2500);
        let r = result_of(&grid, &[sheet(&grid, 5)], Some(carried)).unwrap();
        assert_eq!(r.total, 9500);
        assert_eq!(r.relevance, Some(2500));
    }

    #[test]
    fn evc_03_the_score_is_the_average_and_divergence_is_more_than_the_threshold() {
        assert_eq!(average(&[30, 31]), Some(3050));
        assert_eq!(average(&[30, 30, 31]), Some(3033));
        assert_eq!(average(&[30, 31, 31]), Some(3067));
        assert_eq!(average(&[]), None);
        // Concept grid, threshold 15 of 50: 15 apart is the last allowed, 16 the first flagged.
        assert!(!diverges(&[20, 35], 15));
        assert!(diverges(&[20, 36], 15));
        assert!(!diverges(&[40], 15));
        let p = CallParameters::default();
        assert_eq!(EvaluationStage::Concept.divergence_threshold(&p), 15);
        assert_eq!(EvaluationStage::Full.divergence_threshold(&p), 30);
    }

    #[test]
    fn grd_02_a_concept_note_below_30_goes_no_further() {
        let grid = default_concept_note_grid();
        let p = CallParameters::default();
        let at = |total: i64| Result {
            sections: vec![],
            total,
            relevance: None,
            capacity: None,
            lowest_capacity_criterion: None,
            sheet_totals: vec![],
        };
        assert_eq!(
            threshold_failure(EvaluationStage::Concept, &at(3000), &p),
            None
        );
        assert_eq!(
            threshold_failure(EvaluationStage::Concept, &at(2999), &p),
            Some(ThresholdFailure::ConceptBelowPass)
        );
        let r = result_of(&grid, &[sheet(&grid, 3)], None).unwrap();
        assert_eq!(r.total, 3000);
    }

    #[test]
    fn grd_05_capacity_below_12_or_a_capacity_score_of_1_rejects() {
        let grid = default_full_application_grid();
        let p = CallParameters::default();
        // Capacity: 4 sub-criteria of weight 1: all 3 = 12 passes, one 2 = 11 fails.
        let ok = sheet(&grid, 3);
        let r = result_of(&grid, std::slice::from_ref(&ok), Some(2000)).unwrap();
        assert_eq!(r.capacity, Some(1200));
        assert_eq!(threshold_failure(EvaluationStage::Full, &r, &p), None);
        let mut low = ok.clone();
        low.sections
            .get_mut("1")
            .unwrap()
            .scores
            .insert("1.1".into(), 2);
        let r = result_of(&grid, &[low], Some(2000)).unwrap();
        assert_eq!(
            threshold_failure(EvaluationStage::Full, &r, &p),
            Some(ThresholdFailure::CapacityBelowMinimum)
        );
        let mut one = sheet(&grid, 4);
        one.sections
            .get_mut("1")
            .unwrap()
            .scores
            .insert("1.2".into(), 1);
        let r = result_of(&grid, &[one.clone()], Some(2000)).unwrap();
        assert_eq!(r.capacity, Some(1300));
        assert_eq!(
            threshold_failure(EvaluationStage::Full, &r, &p),
            Some(ThresholdFailure::CapacityScoredOne)
        );
        // Averaged with another assessor's 2 it is 1.5: not a 1.
        let mut two = sheet(&grid, 4);
        two.sections
            .get_mut("1")
            .unwrap()
            .scores
            .insert("1.2".into(), 2);
        let r = result_of(&grid, &[one.clone(), two], Some(2000)).unwrap();
        assert_eq!(threshold_failure(EvaluationStage::Full, &r, &p), None);
        let off = CallParameters {
            reject_on_capacity_one: false,
            ..CallParameters::default()
        };
        let r = result_of(&grid, &[one], Some(2000)).unwrap();
        assert_eq!(threshold_failure(EvaluationStage::Full, &r, &off), None);
    }

    #[test]
    fn points_are_shown_with_at_most_two_decimals() {
        assert_eq!(points_text(3000), "30");
        assert_eq!(points_text(3050), "30.5");
        assert_eq!(points_text(3033), "30.33");
        assert_eq!(points_text(5), "0.05");
    }
}
