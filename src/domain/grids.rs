//! Evaluation grids as data (GRD-01, GRD-02, GRD-04): sections of sub-criteria scored
//! 1–5, some counting twice. Stored per call as JSON; edited as plain text lines.

use serde::{Deserialize, Serialize};

/// GRD-01: scores are whole numbers from 1 to 5.
pub const MAX_SCORE: i64 = 5;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Criterion {
    pub code: String,
    pub title: String,
    /// 1, or 2 for sub-criteria that count twice (GRD-01).
    pub weight: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Section {
    pub code: String,
    pub title: String,
    /// GRD-04: section 2 of the full application carries over the concept-note score.
    #[serde(default)]
    pub carried_over: bool,
    pub criteria: Vec<Criterion>,
}

impl Section {
    pub fn max_score(&self) -> i64 {
        self.criteria.iter().map(|c| c.weight * MAX_SCORE).sum()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default, utoipa::ToSchema)]
pub struct Grid {
    pub sections: Vec<Section>,
}

impl Grid {
    pub fn max_score(&self) -> i64 {
        self.sections.iter().map(Section::max_score).sum()
    }

    /// What makes a grid unusable (empty sections, bad weights, repeated codes).
    pub fn problems(&self) -> Vec<&'static str> {
        let mut p = Vec::new();
        if self.sections.is_empty() {
            p.push("grid-problem-empty");
        }
        let mut codes = std::collections::HashSet::new();
        for s in &self.sections {
            if s.criteria.is_empty() || s.title.trim().is_empty() {
                p.push("grid-problem-section");
            }
            if !codes.insert(s.code.clone()) {
                p.push("grid-problem-duplicate-code");
            }
            for c in &s.criteria {
                if !(1..=2).contains(&c.weight) {
                    p.push("grid-problem-weight");
                }
                if c.title.trim().is_empty() {
                    p.push("grid-problem-criterion");
                }
                if !codes.insert(c.code.clone()) {
                    p.push("grid-problem-duplicate-code");
                }
            }
        }
        p.dedup();
        p
    }

    /// The editable text form: one line per section ("1 Title") and per sub-criterion
    /// ("1.1 Title | x2"); "| carried over" marks a carried-over section.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        for s in &self.sections {
            out.push_str(&format!(
                "{} {}{}\n",
                s.code,
                s.title,
                if s.carried_over {
                    " | carried over"
                } else {
                    ""
                }
            ));
            for c in &s.criteria {
                out.push_str(&format!(
                    "{} {}{}\n",
                    c.code,
                    c.title,
                    if c.weight == 2 { " | x2" } else { "" }
                ));
            }
        }
        out
    }

    /// Parses the text form; errors name the line.
    pub fn parse_text(text: &str) -> Result<Grid, GridParseError> {
        let mut grid = Grid::default();
        for (i, raw) in text.lines().enumerate() {
            let line_no = i + 1;
            let line = raw.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (head, flags) = match line.split_once('|') {
                Some((h, f)) => (h.trim(), f.trim().to_lowercase()),
                None => (line, String::new()),
            };
            let Some((code, title)) = head.split_once(char::is_whitespace) else {
                return Err(GridParseError {
                    line: line_no,
                    code: "grid-parse-no-title",
                });
            };
            let (code, title) = (
                code.trim_end_matches('.').to_string(),
                title.trim().to_string(),
            );
            if title.is_empty()
                || !code.chars().all(|c| c.is_ascii_digit() || c == '.')
                || code.is_empty()
            {
                return Err(GridParseError {
                    line: line_no,
                    code: "grid-parse-bad-code",
                });
            }
            if code.contains('.') {
                let weight = match flags.as_str() {
                    "" | "x1" => 1,
                    "x2" => 2,
                    _ => {
                        return Err(GridParseError {
                            line: line_no,
                            code: "grid-parse-bad-flag",
                        })
                    }
                };
                let Some(section) = grid.sections.last_mut() else {
                    return Err(GridParseError {
                        line: line_no,
                        code: "grid-parse-no-section",
                    });
                };
                if !code.starts_with(&format!("{}.", section.code)) {
                    return Err(GridParseError {
                        line: line_no,
                        code: "grid-parse-wrong-section",
                    });
                }
                section.criteria.push(Criterion {
                    code,
                    title,
                    weight,
                });
            } else {
                let carried_over = match flags.as_str() {
                    "" => false,
                    "carried over" => true,
                    _ => {
                        return Err(GridParseError {
                            line: line_no,
                            code: "grid-parse-bad-flag",
                        })
                    }
                };
                grid.sections.push(Section {
                    code,
                    title,
                    carried_over,
                    criteria: Vec::new(),
                });
            }
        }
        Ok(grid)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GridParseError {
    pub line: usize,
    pub code: &'static str,
}

fn section(code: &str, title: &str, carried_over: bool, criteria: &[(&str, &str, i64)]) -> Section {
    Section {
        code: code.into(),
        title: title.into(),
        carried_over,
        criteria: criteria
            .iter()
            .map(|(c, t, w)| Criterion {
                code: (*c).into(),
                title: (*t).into(),
                weight: *w,
            })
            .collect(),
    }
}

/// GRD-02: the concept-note grid, out of 50.
pub fn default_concept_note_grid() -> Grid {
    Grid {
        sections: vec![
            section(
                "1",
                "Relevance of the action",
                false,
                &[
                    (
                        "1.1",
                        "Relevance to the objectives and priorities of the call",
                        2,
                    ),
                    (
                        "1.2",
                        "Relevance to the needs and constraints of the target region",
                        2,
                    ),
                    (
                        "1.3",
                        "Stakeholders and target groups clearly defined and chosen",
                        1,
                    ),
                    (
                        "1.4",
                        "Added value (gender, environment, innovation, good practice)",
                        1,
                    ),
                ],
            ),
            section(
                "2",
                "Design of the action",
                false,
                &[
                    ("2.1", "Coherence of the overall design", 2),
                    ("2.2", "Feasibility of the action", 2),
                ],
            ),
        ],
    }
}

/// GRD-04: the full-application grid, out of 100.
pub fn default_full_application_grid() -> Grid {
    Grid {
        sections: vec![
            section(
                "1",
                "Financial and operational capacity",
                false,
                &[
                    ("1.1", "Experience of project management", 1),
                    ("1.2", "Technical expertise", 1),
                    (
                        "1.3",
                        "Management capacity (staff, equipment, budget handling)",
                        1,
                    ),
                    ("1.4", "Stable and sufficient sources of finance", 1),
                ],
            ),
            section(
                "2",
                "Relevance of the action (score of the concept note)",
                true,
                &[
                    (
                        "2.1",
                        "Relevance to the objectives and priorities of the call",
                        2,
                    ),
                    (
                        "2.2",
                        "Relevance to the needs and constraints of the target region",
                        2,
                    ),
                    ("2.3", "Stakeholders and target groups", 1),
                    ("2.4", "Added value", 1),
                ],
            ),
            section(
                "3",
                "Effectiveness and feasibility of the action",
                false,
                &[
                    (
                        "3.1",
                        "Activities appropriate, practical and consistent with the objectives",
                        1,
                    ),
                    ("3.2", "Action plan clear and feasible", 1),
                    ("3.3", "Objectively verifiable indicators of the outcome", 1),
                    ("3.4", "Level of involvement of partners", 1),
                ],
            ),
            section(
                "4",
                "Sustainability of the action",
                false,
                &[
                    ("4.1", "Tangible impact on the target groups", 1),
                    ("4.2", "Multiplier effects", 1),
                    (
                        "4.3",
                        "Financial, institutional and policy sustainability",
                        1,
                    ),
                ],
            ),
            section(
                "5",
                "Budget and cost-effectiveness",
                false,
                &[
                    (
                        "5.1",
                        "Ratio between estimated costs and expected results",
                        2,
                    ),
                    ("5.2", "Proposed expenditure necessary for the action", 1),
                ],
            ),
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grd_02_the_concept_note_grid_is_out_of_50() {
        let g = default_concept_note_grid();
        assert_eq!(g.max_score(), 50);
        assert_eq!(g.sections[0].max_score(), 30);
        assert_eq!(g.sections[1].max_score(), 20);
        assert!(g.problems().is_empty());
    }

    #[test]
    fn grd_04_the_full_application_grid_is_out_of_100() {
        let g = default_full_application_grid();
        assert_eq!(g.max_score(), 100);
        let maxima: Vec<i64> = g.sections.iter().map(Section::max_score).collect();
        assert_eq!(maxima, vec![20, 30, 20, 15, 15]);
        assert!(g.sections[1].carried_over);
    }

    #[test]
    fn the_text_form_round_trips() {
        for g in [default_concept_note_grid(), default_full_application_grid()] {
            assert_eq!(Grid::parse_text(&g.to_text()).unwrap(), g);
        }
    }

    #[test]
    fn text_errors_name_the_line() {
        assert_eq!(
            Grid::parse_text("1.1 Orphan").unwrap_err(),
            GridParseError {
                line: 1,
                code: "grid-parse-no-section"
            }
        );
        assert_eq!(
            Grid::parse_text("1 A\n2.1 Wrong section").unwrap_err().code,
            "grid-parse-wrong-section"
        );
        assert_eq!(
            Grid::parse_text("1 A\n1.1 B | x3").unwrap_err(),
            GridParseError {
                line: 2,
                code: "grid-parse-bad-flag"
            }
        );
        assert_eq!(
            Grid::parse_text("A title without code").unwrap_err().code,
            "grid-parse-bad-code"
        );
    }

    #[test]
    fn incomplete_grids_have_problems() {
        let g = Grid::parse_text("1 Empty section\n2 B\n2.1 C").unwrap();
        assert_eq!(g.problems(), vec!["grid-problem-section"]);
        assert_eq!(Grid::default().problems(), vec!["grid-problem-empty"]);
    }
}
