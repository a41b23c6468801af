//! Ranking and selection per lot (GRD-03, GRD-06, SEL-01): the order of the scored
//! applications, the concept-note shortlist cut at a share of the envelope, and the
//! provisional selection within the envelope with its reserve list. Pure and
//! deterministic: the same candidates always give the same answer.

use std::cmp::Ordering;

use serde::Serialize;

use super::evaluation::Centipoints;
use super::grids::SectionRole;

/// An application that passed its thresholds, as ranking sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub id: String,
    /// The receipt number: the last, deterministic tie-break (earlier receipt first).
    pub receipt: String,
    pub total: Centipoints,
    pub relevance: Centipoints,
    pub capacity: Centipoints,
    /// The EU contribution requested, in cents.
    pub requested_cents: i64,
}

impl Candidate {
    fn by_role(&self, role: SectionRole) -> Centipoints {
        match role {
            SectionRole::Relevance => self.relevance,
            SectionRole::Capacity => self.capacity,
            SectionRole::Other => 0,
        }
    }
}

/// GRD-06: the higher total first; ties by the higher score of the tie-break sections
/// in order (param: relevance, then capacity); then the earlier receipt.
pub fn compare(a: &Candidate, b: &Candidate, tie_break: &[SectionRole]) -> Ordering {
    b.total
        .cmp(&a.total)
        .then_with(|| {
            tie_break
                .iter()
                .map(|r| b.by_role(*r).cmp(&a.by_role(*r)))
                .find(|o| o.is_ne())
                .unwrap_or(Ordering::Equal)
        })
        .then_with(|| receipt_order(&a.receipt).cmp(&receipt_order(&b.receipt)))
        .then_with(|| a.id.cmp(&b.id))
}

/// A receipt number in the order of arrival: its prefix, then its sequence as a number
/// (".../CN/10000" comes after ".../CN/9999", which text order would not give).
fn receipt_order(receipt: &str) -> (&str, u64) {
    match receipt.rsplit_once('/') {
        Some((prefix, n)) => match n.parse::<u64>() {
            Ok(n) => (prefix, n),
            Err(_) => (receipt, 0),
        },
        None => (receipt, 0),
    }
}

/// Ranks the candidates of one lot (GRD-06).
pub fn rank(mut candidates: Vec<Candidate>, tie_break: &[SectionRole]) -> Vec<Candidate> {
    candidates.sort_by(|a, b| compare(a, b, tie_break));
    candidates
}

/// Whether the next application in line is tied with this one on every ranking key
/// (the committee may want to look at it: shown, never decided silently otherwise than
/// by the receipt).
pub fn tied(a: &Candidate, b: &Candidate, tie_break: &[SectionRole]) -> bool {
    a.total == b.total && tie_break.iter().all(|r| a.by_role(*r) == b.by_role(*r))
}

/// GRD-03: how many of the ranked concept notes are shortlisted: in rank order, until
/// their requested contributions reach `percent` of the envelope. The note whose
/// amount makes the total reach the cut is still on the list (the list reaches the
/// share); the next one is not. Assumption: "reach" includes the note that crosses it.
pub fn shortlist_len(ranked: &[Candidate], envelope_cents: i64, percent: i64) -> usize {
    let cap = i128::from(envelope_cents) * i128::from(percent) / 100;
    let mut sum: i128 = 0;
    for (i, c) in ranked.iter().enumerate() {
        if sum >= cap {
            return i;
        }
        sum += i128::from(c.requested_cents);
    }
    ranked.len()
}

/// SEL-01: how the envelope is filled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SelectionMode {
    /// In rank order; the first that does not fit and every one after it go to the
    /// reserve list.
    Strict,
    /// In rank order; one that does not fit goes to the reserve list and smaller ones
    /// further down that still fit are selected.
    Fill,
}

impl SelectionMode {
    pub fn parse(s: &str) -> SelectionMode {
        if s == "fill" {
            SelectionMode::Fill
        } else {
            SelectionMode::Strict
        }
    }
}

/// Where a ranked application stands after selection.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Placement {
    Selected,
    Reserve,
}

/// The provisional selection of one lot (SEL-01).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Selection {
    /// One placement per ranked candidate, in rank order.
    pub placements: Vec<Placement>,
    /// The requested total of the selected applications, in cents.
    pub selected_cents: i64,
}

impl Selection {
    pub fn reserve_positions(&self) -> impl Iterator<Item = usize> + '_ {
        self.placements
            .iter()
            .enumerate()
            .filter(|(_, p)| **p == Placement::Reserve)
            .map(|(i, _)| i)
    }
}

/// SEL-01: selects the ranked candidates within the envelope; every other ranked
/// candidate is on the reserve list in rank order.
pub fn select(ranked: &[Candidate], envelope_cents: i64, mode: SelectionMode) -> Selection {
    let mut placements = Vec::with_capacity(ranked.len());
    let mut used: i64 = 0;
    let mut closed = false;
    for c in ranked {
        let fits = !closed
            && c.requested_cents >= 0
            && used
                .checked_add(c.requested_cents)
                .is_some_and(|t| t <= envelope_cents);
        if fits {
            used += c.requested_cents;
            placements.push(Placement::Selected);
        } else {
            if mode == SelectionMode::Strict {
                closed = true;
            }
            placements.push(Placement::Reserve);
        }
    }
    Selection {
        placements,
        selected_cents: used,
    }
}

/// SEL-01 then SEL-02: the selection made with every ranked candidate (`ranked`,
/// including those whose supporting documents later failed), then each failed one taken
/// out and the room it frees given to the reserve list in rank order, to the next that
/// fits (one that does not fit is passed over, also in strict mode: strict decides the
/// first selection, not who replaces a failed one). The placements are those of the
/// candidates that did not fail, in rank order.
pub fn select_after_document_checks(
    ranked: &[Candidate],
    failed: &std::collections::HashSet<String>,
    envelope_cents: i64,
    mode: SelectionMode,
) -> Selection {
    let first = select(ranked, envelope_cents, mode);
    let mut used: i64 = 0;
    let mut placements = Vec::with_capacity(ranked.len());
    let mut any_failed_selected = false;
    for (c, p) in ranked.iter().zip(&first.placements) {
        if failed.contains(&c.id) {
            any_failed_selected |= *p == Placement::Selected;
            continue;
        }
        if *p == Placement::Selected {
            used += c.requested_cents;
        }
        placements.push(*p);
    }
    if any_failed_selected {
        let remaining: Vec<&Candidate> =
            ranked.iter().filter(|c| !failed.contains(&c.id)).collect();
        for (c, p) in remaining.iter().zip(placements.iter_mut()) {
            let fits = c.requested_cents >= 0
                && used
                    .checked_add(c.requested_cents)
                    .is_some_and(|t| t <= envelope_cents);
            if *p == Placement::Reserve && fits {
                used += c.requested_cents;
                *p = Placement::Selected;
            }
        }
    }
    Selection {
        placements,
        selected_cents: used,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn sel_02_the_next_reserve_that_fits_moves_up_in_strict_mode_too() {
        // Envelope 2,100,000: A 1.0M and B 600k selected; C 1.2M and D 400k reserve.
        let ranked = vec![
            c("a", 9000, 0, 0, 1_000_000),
            c("b", 8500, 0, 0, 600_000),
            c("c", 8000, 0, 0, 1_200_000),
            c("d", 7500, 0, 0, 400_000),
        ];
        let env = 210_000_000;
        let none = std::collections::HashSet::new();
        let s = select_after_document_checks(&ranked, &none, env, SelectionMode::Strict);
        assert_eq!(
            s.placements,
            [
                Placement::Selected,
                Placement::Selected,
                Placement::Reserve,
                Placement::Reserve
            ]
        );
        // B fails its documents: C does not fit the 1.1M freed, D does and moves up.
        let failed = std::collections::HashSet::from(["b".to_string()]);
        let s = select_after_document_checks(&ranked, &failed, env, SelectionMode::Strict);
        assert_eq!(
            s.placements,
            [Placement::Selected, Placement::Reserve, Placement::Selected]
        );
        assert_eq!(s.selected_cents, 140_000_000);
        // A reserve that fails only leaves the list; nobody moves up for it.
        let failed = std::collections::HashSet::from(["c".to_string()]);
        let s = select_after_document_checks(&ranked, &failed, env, SelectionMode::Strict);
        assert_eq!(
            s.placements,
            [Placement::Selected, Placement::Selected, Placement::Reserve]
        );
        // The first reserve fits the room exactly: it, and only it, moves up.
        let ranked = vec![
            c("a", 9000, 0, 0, 1_000_000),
            c("b", 8500, 0, 0, 1_000_000),
            c("c", 8000, 0, 0, 1_100_000),
            c("d", 7500, 0, 0, 100_000),
        ];
        let failed = std::collections::HashSet::from(["a".to_string()]);
        let s = select_after_document_checks(&ranked, &failed, env, SelectionMode::Strict);
        assert_eq!(
            s.placements,
            [Placement::Selected, Placement::Selected, Placement::Reserve]
        );
    }

    fn c(id: &str, total: i64, relevance: i64, capacity: i64, euros: i64) -> Candidate {
        Candidate {
            id: id.into(),
            receipt: format!("R-{id}"),
            total,
            relevance,
            capacity,
            requested_cents: euros * 100,
        }
    }

    const TIES: [SectionRole; 2] = [SectionRole::Relevance, SectionRole::Capacity];

    #[test]
    fn grd_06_the_last_tie_break_is_the_receipts_number_not_its_text() {
        let mut a = c("a", 8000, 2000, 1500, 1);
        let mut b = c("b", 8000, 2000, 1500, 1);
        a.receipt = "EuropeAid/1/L1/CN/10000".into();
        b.receipt = "EuropeAid/1/L1/CN/9999".into();
        let ranked = rank(vec![a, b], &TIES);
        assert_eq!(ranked[0].id, "b", "the 9,999th arrived before the 10,000th");
    }

    #[test]
    fn grd_06_ties_rank_by_relevance_then_capacity_then_receipt() {
        let ranked = rank(
            vec![
                c("a", 8000, 2000, 1500, 1),
                c("b", 8000, 2500, 1200, 1),
                c("c", 8000, 2500, 1600, 1),
                c("d", 9000, 1000, 1000, 1),
                c("e", 8000, 2000, 1500, 1),
            ],
            &TIES,
        );
        let ids: Vec<&str> = ranked.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["d", "c", "b", "a", "e"]);
        assert!(tied(&ranked[3], &ranked[4], &TIES));
        assert!(!tied(&ranked[1], &ranked[2], &TIES));
        // Capacity first when the call says so.
        let ranked = rank(
            vec![c("b", 8000, 2500, 1200, 1), c("c", 8000, 2000, 1600, 1)],
            &[SectionRole::Capacity, SectionRole::Relevance],
        );
        assert_eq!(ranked[0].id, "c");
    }

    #[test]
    fn sel_01_strict_sends_the_first_that_does_not_fit_and_all_after_it_to_the_reserve() {
        let ranked = vec![
            c("a", 9000, 0, 0, 400),
            c("b", 8000, 0, 0, 600),
            c("c", 7000, 0, 0, 100),
        ];
        // Exactly the envelope: the last allowed.
        let s = select(&ranked, 100_000, SelectionMode::Strict);
        assert_eq!(
            s.placements,
            [Placement::Selected, Placement::Selected, Placement::Reserve]
        );
        assert_eq!(s.selected_cents, 100_000);
        // One cent less: b no longer fits, and c follows it to the reserve list.
        let s = select(&ranked, 99_999, SelectionMode::Strict);
        assert_eq!(
            s.placements,
            [Placement::Selected, Placement::Reserve, Placement::Reserve]
        );
        // "fill" skips b and takes the smaller c.
        let s = select(&ranked, 99_999, SelectionMode::Fill);
        assert_eq!(
            s.placements,
            [Placement::Selected, Placement::Reserve, Placement::Selected]
        );
        assert_eq!(s.selected_cents, 50_000);
    }

    #[test]
    fn grd_03_the_shortlist_reaches_200_percent_of_the_envelope() {
        let ranked = vec![
            c("a", 9, 0, 0, 100),
            c("b", 8, 0, 0, 100),
            c("c", 7, 0, 0, 100),
        ];
        // Envelope 100: the cut is 200. After a and b the list reaches it; c is out.
        assert_eq!(shortlist_len(&ranked, 10_000, 200), 2);
        // One cent more in the envelope: b leaves the list at 199.99… so c is still in.
        assert_eq!(shortlist_len(&ranked, 10_001, 200), 3);
        assert_eq!(shortlist_len(&ranked, 0, 200), 0);
        assert_eq!(shortlist_len(&[], 10_000, 200), 0);
    }

    fn candidates() -> impl Strategy<Value = Vec<Candidate>> {
        prop::collection::vec((0i64..=50, 0i64..=30, 0i64..=20, 0i64..=1_000), 0..40).prop_map(
            |v| {
                v.into_iter()
                    .enumerate()
                    .map(|(i, (t, r, k, e))| c(&format!("{i:03}"), t * 100, r * 100, k * 100, e))
                    .collect()
            },
        )
    }

    proptest! {
        #[test]
        fn selection_never_exceeds_the_envelope_and_the_reserve_list_is_complete(
            list in candidates(), envelope in 0i64..=2_000_000, fill in any::<bool>()
        ) {
            let mode = if fill { SelectionMode::Fill } else { SelectionMode::Strict };
            let ranked = rank(list.clone(), &TIES);
            let s = select(&ranked, envelope, mode);
            prop_assert_eq!(s.placements.len(), ranked.len());
            let selected: i64 = ranked.iter().zip(&s.placements)
                .filter(|(_, p)| **p == Placement::Selected).map(|(c, _)| c.requested_cents).sum();
            prop_assert_eq!(selected, s.selected_cents);
            prop_assert!(selected <= envelope);
            if mode == SelectionMode::Strict {
                // The selected are a prefix of the ranking.
                let first_reserve = s.placements.iter().position(|p| *p == Placement::Reserve).unwrap_or(ranked.len());
                prop_assert!(s.placements[first_reserve..].iter().all(|p| *p == Placement::Reserve));
            } else {
                // Nothing on the reserve list would still fit.
                for i in s.reserve_positions() {
                    prop_assert!(selected + ranked[i].requested_cents > envelope);
                }
            }
            // Deterministic, whatever order the candidates came in.
            let mut shuffled = list.clone();
            shuffled.reverse();
            prop_assert_eq!(rank(shuffled, &TIES), ranked.clone());
            prop_assert_eq!(select(&ranked, envelope, mode), s);
        }

        #[test]
        fn ranking_respects_the_order_of_totals_and_tie_breaks(list in candidates()) {
            let ranked = rank(list, &TIES);
            for w in ranked.windows(2) {
                prop_assert!(compare(&w[0], &w[1], &TIES) != Ordering::Greater);
                prop_assert!(w[0].total >= w[1].total);
                if w[0].total == w[1].total {
                    prop_assert!(w[0].relevance >= w[1].relevance);
                }
            }
        }

        #[test]
        fn the_shortlist_stops_once_the_share_is_reached(list in candidates(), envelope in 0i64..=500_000) {
            let ranked = rank(list, &TIES);
            let n = shortlist_len(&ranked, envelope, 200);
            let cap = envelope * 2;
            let before_last: i64 = ranked[..n.saturating_sub(1)].iter().map(|c| c.requested_cents).sum();
            if n > 0 { prop_assert!(before_last < cap); }
            let all: i64 = ranked[..n].iter().map(|c| c.requested_cents).sum();
            if n < ranked.len() { prop_assert!(all >= cap); }
        }
    }
}
