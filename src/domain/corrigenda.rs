//! Corrigenda: corrections to a published call (PRAG practice). A corrigendum extends
//! the deadline (never shortens it: the CFP-03 question and answer windows, counted back
//! from the deadline, move with it), corrects the description or a lot's title, raises a
//! lot's amount, or publishes documents. It is published before the deadline, numbered,
//! states why, and keeps the earlier version readable. What publication checks (CFP-02
//! from the original publication, TL-01, TL-02, envelopes) is checked again on the
//! corrected call by the caller, with `publication_problems`.

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use super::calls::{CallStatus, ProblemArg, PublishProblem};
use super::money::Money;
use super::text::Texts;

/// The parts of a call a corrigendum can change, as they stand. Each corrigendum keeps
/// the version it replaced.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallVersion {
    pub title: Texts,
    pub description: Texts,
    pub deadline: Option<NaiveDateTime>,
    pub lots: Vec<LotVersion>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LotVersion {
    pub number: i32,
    pub title: Texts,
    pub envelope: Money,
}

/// What staff ask a corrigendum to change; `None` leaves a part as it is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CorrigendumRequest {
    /// Why the call is corrected: English required, Kazakh and Russian for information.
    pub reason: Texts,
    pub deadline: Option<NaiveDateTime>,
    pub description: Option<Texts>,
    pub lots: Vec<LotCorrection>,
    /// The corrigendum publishes documents (attached to it once it is published).
    pub adds_documents: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LotCorrection {
    pub number: i32,
    pub title: Option<Texts>,
    pub envelope: Option<Money>,
}

/// One change a corrigendum made, as recorded with it and shown to readers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Change {
    Deadline {
        before: Option<NaiveDateTime>,
        after: NaiveDateTime,
    },
    Description {
        language: String,
    },
    LotTitle {
        lot: i32,
        language: String,
        before: String,
        after: String,
    },
    LotEnvelope {
        lot: i32,
        before: Money,
        after: Money,
    },
    Documents,
}

impl CallVersion {
    /// The call as the request would leave it (unknown lots are ignored here and
    /// refused by `corrigendum_problems`).
    pub fn corrected(&self, req: &CorrigendumRequest) -> CallVersion {
        let mut after = self.clone();
        if let Some(deadline) = req.deadline {
            after.deadline = Some(deadline);
        }
        if let Some(description) = &req.description {
            after.description = description.clone();
        }
        for correction in &req.lots {
            if let Some(lot) = after
                .lots
                .iter_mut()
                .find(|l| l.number == correction.number)
            {
                if let Some(title) = &correction.title {
                    lot.title = title.clone();
                }
                if let Some(envelope) = correction.envelope {
                    lot.envelope = envelope;
                }
            }
        }
        after
    }

    /// Every difference between this version and `after`, in the order readers see them.
    pub fn changes_to(&self, after: &CallVersion, adds_documents: bool) -> Vec<Change> {
        let mut out = Vec::new();
        if let (Some(new), true) = (after.deadline, after.deadline != self.deadline) {
            out.push(Change::Deadline {
                before: self.deadline,
                after: new,
            });
        }
        for (language, before, now) in texts(&self.description, &after.description) {
            if !same_text(before, now) {
                out.push(Change::Description {
                    language: language.into(),
                });
            }
        }
        for lot in &self.lots {
            let Some(new) = after.lots.iter().find(|l| l.number == lot.number) else {
                continue;
            };
            for (language, before, now) in texts(&lot.title, &new.title) {
                if !same_text(before, now) {
                    out.push(Change::LotTitle {
                        lot: lot.number,
                        language: language.into(),
                        before: before.to_string(),
                        after: now.to_string(),
                    });
                }
            }
            if new.envelope != lot.envelope {
                out.push(Change::LotEnvelope {
                    lot: lot.number,
                    before: lot.envelope,
                    after: new.envelope,
                });
            }
        }
        if adds_documents {
            out.push(Change::Documents);
        }
        out
    }
}

/// Texts equal but for their line breaks (CRLF from a browser, LF stored) are the same.
fn same_text(a: &str, b: &str) -> bool {
    let lf = |s: &str| s.replace("\r\n", "\n").trim().to_string();
    lf(a) == lf(b)
}

fn texts<'a>(a: &'a Texts, b: &'a Texts) -> [(&'static str, &'a str, &'a str); 3] {
    [
        ("en", a.en.as_str(), b.en.as_str()),
        ("kk", a.kk.as_str(), b.kk.as_str()),
        ("ru", a.ru.as_str(), b.ru.as_str()),
    ]
}

/// What stops a corrigendum, besides what publication checks on the corrected call:
/// the call must be published and its deadline not passed; the deadline only moves
/// later; a lot's amount only grows; the lots named exist; something changes.
pub fn corrigendum_problems(
    status: CallStatus,
    current: &CallVersion,
    req: &CorrigendumRequest,
    now: NaiveDateTime,
) -> Vec<PublishProblem> {
    use ProblemArg::*;
    let mut out = Vec::new();
    if status != CallStatus::Published {
        out.push(PublishProblem::new("corrigendum-problem-not-published"));
        return out;
    }
    if let Some(deadline) = current.deadline {
        if now >= deadline {
            out.push(PublishProblem::with(
                "corrigendum-problem-call-closed",
                vec![("deadline", Instant(deadline))],
            ));
            return out;
        }
    }
    if let (Some(new), Some(old)) = (req.deadline, current.deadline) {
        if new < old {
            out.push(PublishProblem::with(
                "corrigendum-problem-deadline-earlier",
                vec![("deadline", Instant(old))],
            ));
        }
    }
    for correction in &req.lots {
        match current.lots.iter().find(|l| l.number == correction.number) {
            None => out.push(PublishProblem::with(
                "corrigendum-problem-unknown-lot",
                vec![("number", Number(correction.number.into()))],
            )),
            Some(lot) => {
                if correction.envelope.is_some_and(|e| e < lot.envelope) {
                    out.push(PublishProblem::with(
                        "corrigendum-problem-envelope-lower",
                        vec![
                            ("number", Number(lot.number.into())),
                            ("amount", Amount(lot.envelope)),
                        ],
                    ));
                }
            }
        }
    }
    let after = current.corrected(req);
    if out.is_empty() && current.changes_to(&after, req.adds_documents).is_empty() {
        out.push(PublishProblem::new("corrigendum-problem-nothing"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, NaiveDate};

    fn at(d: u32, h: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2027, 1, d)
            .unwrap()
            .and_hms_opt(h, 0, 0)
            .unwrap()
    }

    fn version() -> CallVersion {
        CallVersion {
            title: "Call".into(),
            description: "Text".into(),
            deadline: Some(at(21, 13)),
            lots: vec![LotVersion {
                number: 1,
                title: "Lot".into(),
                envelope: Money::euros(1_000_000),
            }],
        }
    }

    fn codes(p: Vec<PublishProblem>) -> Vec<&'static str> {
        p.into_iter().map(|p| p.code).collect()
    }

    #[test]
    fn the_deadline_only_moves_later_and_only_before_it_passes() {
        let v = version();
        let later = CorrigendumRequest {
            deadline: Some(at(21, 13) + Duration::seconds(1)),
            ..Default::default()
        };
        let same = CorrigendumRequest {
            deadline: Some(at(21, 13)),
            ..Default::default()
        };
        let earlier = CorrigendumRequest {
            deadline: Some(at(21, 13) - Duration::seconds(1)),
            ..Default::default()
        };
        let now = at(1, 0);
        let ok = CallStatus::Published;
        assert!(corrigendum_problems(ok, &v, &later, now).is_empty());
        assert_eq!(
            codes(corrigendum_problems(ok, &v, &same, now)),
            ["corrigendum-problem-nothing"]
        );
        assert_eq!(
            codes(corrigendum_problems(ok, &v, &earlier, now)),
            ["corrigendum-problem-deadline-earlier"]
        );
        // The last second before the deadline still allows it; the deadline itself not.
        let last = at(21, 13) - Duration::seconds(1);
        assert!(corrigendum_problems(ok, &v, &later, last).is_empty());
        assert_eq!(
            codes(corrigendum_problems(ok, &v, &later, at(21, 13))),
            ["corrigendum-problem-call-closed"]
        );
        assert_eq!(
            codes(corrigendum_problems(CallStatus::Cancelled, &v, &later, now)),
            ["corrigendum-problem-not-published"]
        );
    }

    #[test]
    fn a_lot_amount_only_grows_and_unknown_lots_are_named() {
        let v = version();
        let lot = |number, euros| CorrigendumRequest {
            lots: vec![LotCorrection {
                number,
                title: None,
                envelope: Some(Money::euros(euros)),
            }],
            ..Default::default()
        };
        let now = at(1, 0);
        let ok = CallStatus::Published;
        assert!(corrigendum_problems(ok, &v, &lot(1, 1_000_001), now).is_empty());
        assert_eq!(
            codes(corrigendum_problems(ok, &v, &lot(1, 999_999), now)),
            ["corrigendum-problem-envelope-lower"]
        );
        assert_eq!(
            codes(corrigendum_problems(ok, &v, &lot(2, 5), now)),
            ["corrigendum-problem-unknown-lot"]
        );
    }

    #[test]
    fn a_text_sent_back_with_crlf_line_breaks_is_no_change() {
        let mut v = version();
        v.description = "One\nTwo".into();
        let req = CorrigendumRequest {
            description: Some("One\r\nTwo".into()),
            ..Default::default()
        };
        assert!(v.changes_to(&v.corrected(&req), false).is_empty());
    }

    #[test]
    fn changes_name_each_part_that_differs() {
        let v = version();
        let req = CorrigendumRequest {
            description: Some(Texts {
                en: "Text".into(),
                kk: "Мәтін".into(),
                ru: String::new(),
            }),
            lots: vec![LotCorrection {
                number: 1,
                title: Some("Lot one".into()),
                envelope: Some(Money::euros(1_000_000)),
            }],
            adds_documents: true,
            ..Default::default()
        };
        let after = v.corrected(&req);
        assert_eq!(
            v.changes_to(&after, true),
            vec![
                Change::Description {
                    language: "kk".into()
                },
                Change::LotTitle {
                    lot: 1,
                    language: "en".into(),
                    before: "Lot".into(),
                    after: "Lot one".into()
                },
                Change::Documents,
            ]
        );
    }
}
