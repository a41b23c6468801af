//! Evaluation grids as data (GRD-01…GRD-06): sections of sub-criteria scored 1–5, some
//! counting twice. Each section carries its role (relevance, capacity), so that the
//! rules that name a section (the capacity threshold, the carried-over relevance score,
//! the tie-break) find it by role, never by its code. Stored per call as JSON; edited
//! as plain text lines.

use serde::{Deserialize, Serialize};

use super::text::Translated;

/// GRD-01: scores are whole numbers from 1 to 5.
pub const MAX_SCORE: i64 = 5;
/// Sizes beyond these are typing errors (and keep every score sum far from overflow).
pub const MAX_SECTIONS: usize = 20;
pub const MAX_CRITERIA_PER_SECTION: usize = 30;

/// What a section of a grid stands for in the rules.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, utoipa::ToSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum SectionRole {
    /// Relevance of the action (GRD-02 section 1; GRD-04 section 2, carried over; the
    /// first tie-break of GRD-06).
    Relevance,
    /// Financial and operational capacity (GRD-04 section 1; GRD-05's threshold; the
    /// second tie-break of GRD-06).
    Capacity,
    /// Any other section (design, effectiveness, sustainability, budget).
    #[default]
    Other,
}

impl SectionRole {
    pub fn as_str(self) -> &'static str {
        match self {
            SectionRole::Relevance => "relevance",
            SectionRole::Capacity => "capacity",
            SectionRole::Other => "other",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Criterion {
    pub code: String,
    /// English, authentic (CFP-08).
    pub title: String,
    /// Kazakh and Russian versions for information ("" when not translated).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title_kk: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title_ru: String,
    /// 1, or 2 for sub-criteria that count twice (GRD-01).
    pub weight: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Section {
    pub code: String,
    /// English, authentic (CFP-08).
    pub title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title_kk: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title_ru: String,
    #[serde(default)]
    pub role: SectionRole,
    /// GRD-04: the full application's relevance section carries over the concept-note
    /// score instead of being scored again.
    #[serde(default)]
    pub carried_over: bool,
    pub criteria: Vec<Criterion>,
}

impl Criterion {
    /// The title in the reader's language, or the English one (marked as such).
    pub fn title_view(&self) -> Translated<'_> {
        Translated {
            en: &self.title,
            kk: &self.title_kk,
            ru: &self.title_ru,
        }
    }
}

impl Section {
    /// The title in the reader's language, or the English one (marked as such).
    pub fn title_view(&self) -> Translated<'_> {
        Translated {
            en: &self.title,
            kk: &self.title_kk,
            ru: &self.title_ru,
        }
    }

    /// The highest score of the section; None for a grid too large to score.
    pub fn checked_max_score(&self) -> Option<i64> {
        self.criteria.iter().try_fold(0i64, |sum, c| {
            c.weight
                .checked_mul(MAX_SCORE)
                .and_then(|m| sum.checked_add(m))
        })
    }

    pub fn max_score(&self) -> i64 {
        self.checked_max_score().unwrap_or(i64::MAX)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default, utoipa::ToSchema)]
pub struct Grid {
    pub sections: Vec<Section>,
}

impl Grid {
    /// The highest total; None for a grid too large to score.
    pub fn checked_max_score(&self) -> Option<i64> {
        self.sections.iter().try_fold(0i64, |sum, s| {
            s.checked_max_score().and_then(|m| sum.checked_add(m))
        })
    }

    pub fn max_score(&self) -> i64 {
        self.checked_max_score().unwrap_or(i64::MAX)
    }

    /// The section or sub-criterion with this code whose English title is `english`
    /// (a title stored in a report or a notice, read again in another language).
    pub fn title_of(&self, code: &str, english: &str) -> Option<Translated<'_>> {
        self.sections.iter().find_map(|s| {
            if s.code == code && s.title == english {
                return Some(s.title_view());
            }
            s.criteria
                .iter()
                .find(|c| c.code == code && c.title == english)
                .map(Criterion::title_view)
        })
    }

    /// Kazakh and Russian titles of `earlier` carried to this grid wherever a code keeps
    /// its English title (an edited grid keeps the translations still true).
    pub fn keep_translations_of(&mut self, earlier: &Grid) {
        for s in &mut self.sections {
            if let Some(old) = earlier
                .sections
                .iter()
                .find(|o| o.code == s.code && o.title == s.title)
            {
                if s.title_kk.is_empty() {
                    s.title_kk = old.title_kk.clone();
                }
                if s.title_ru.is_empty() {
                    s.title_ru = old.title_ru.clone();
                }
            }
            for c in &mut s.criteria {
                let old = earlier
                    .sections
                    .iter()
                    .flat_map(|o| o.criteria.iter())
                    .find(|o| o.code == c.code && o.title == c.title);
                if let Some(old) = old {
                    if c.title_kk.is_empty() {
                        c.title_kk = old.title_kk.clone();
                    }
                    if c.title_ru.is_empty() {
                        c.title_ru = old.title_ru.clone();
                    }
                }
            }
        }
    }

    /// Sets the Kazakh and Russian titles of the section or sub-criterion `code`; false
    /// when the grid has no such code.
    pub fn set_translation(&mut self, code: &str, kk: &str, ru: &str) -> bool {
        for s in &mut self.sections {
            if s.code == code {
                s.title_kk = kk.to_string();
                s.title_ru = ru.to_string();
                return true;
            }
            if let Some(c) = s.criteria.iter_mut().find(|c| c.code == code) {
                c.title_kk = kk.to_string();
                c.title_ru = ru.to_string();
                return true;
            }
        }
        false
    }

    /// The one section with this role, if exactly one has it.
    pub fn section_with(&self, role: SectionRole) -> Option<&Section> {
        let mut found = self.sections.iter().filter(|s| s.role == role);
        match (found.next(), found.next()) {
            (Some(one), None) => Some(one),
            _ => None,
        }
    }

    /// What makes a grid unusable (empty sections, bad weights, repeated codes).
    pub fn problems(&self) -> Vec<&'static str> {
        let mut p = Vec::new();
        if self.sections.is_empty() {
            p.push("grid-problem-empty");
        }
        if self.sections.len() > MAX_SECTIONS
            || self
                .sections
                .iter()
                .any(|s| s.criteria.len() > MAX_CRITERIA_PER_SECTION)
        {
            p.push("grid-problem-too-large");
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

    /// The editable text form: one line per section ("1 Title | capacity") and per
    /// sub-criterion ("1.1 Title | x2"); a section's flags name its role and whether it
    /// is carried over ("2 Relevance | relevance, carried over").
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        for s in &self.sections {
            let mut flags: Vec<&str> = Vec::new();
            if s.role != SectionRole::Other {
                flags.push(s.role.as_str());
            }
            if s.carried_over {
                flags.push("carried over");
            }
            let flags = if flags.is_empty() {
                String::new()
            } else {
                format!(" | {}", flags.join(", "))
            };
            out.push_str(&format!("{} {}{}\n", s.code, s.title, flags));
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

    /// Parses the text form; every error names its line (a wrong line is skipped and
    /// the rest still read, so that all of them are reported at once).
    pub fn parse_text(text: &str) -> Result<Grid, Vec<GridParseError>> {
        let mut grid = Grid::default();
        let mut errors = Vec::new();
        'lines: for (i, raw) in text.lines().enumerate() {
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
                {
                    errors.push(GridParseError {
                        line: line_no,
                        code: "grid-parse-no-title",
                    });
                    continue 'lines;
                }
            };
            let (code, title) = (
                code.trim_end_matches('.').to_string(),
                title.trim().to_string(),
            );
            if title.is_empty()
                || !code.chars().all(|c| c.is_ascii_digit() || c == '.')
                || code.is_empty()
            {
                {
                    errors.push(GridParseError {
                        line: line_no,
                        code: "grid-parse-bad-code",
                    });
                    continue 'lines;
                }
            }
            if code.contains('.') {
                let weight = match flags.as_str() {
                    "" | "x1" => 1,
                    "x2" => 2,
                    _ => {
                        errors.push(GridParseError {
                            line: line_no,
                            code: "grid-parse-bad-flag",
                        });
                        continue 'lines;
                    }
                };
                let Some(section) = grid.sections.last_mut() else {
                    {
                        errors.push(GridParseError {
                            line: line_no,
                            code: "grid-parse-no-section",
                        });
                        continue 'lines;
                    }
                };
                if !code.starts_with(&format!("{}.", section.code)) {
                    {
                        errors.push(GridParseError {
                            line: line_no,
                            code: "grid-parse-wrong-section",
                        });
                        continue 'lines;
                    }
                }
                section.criteria.push(Criterion {
                    code,
                    title,
                    title_kk: String::new(),
                    title_ru: String::new(),
                    weight,
                });
            } else {
                let mut carried_over = false;
                let mut role = SectionRole::Other;
                for flag in flags.split(',').map(str::trim).filter(|f| !f.is_empty()) {
                    match flag {
                        "carried over" => carried_over = true,
                        "relevance" => role = SectionRole::Relevance,
                        "capacity" => role = SectionRole::Capacity,
                        _ => {
                            errors.push(GridParseError {
                                line: line_no,
                                code: "grid-parse-bad-flag",
                            });
                            continue 'lines;
                        }
                    }
                }
                grid.sections.push(Section {
                    code,
                    title,
                    title_kk: String::new(),
                    title_ru: String::new(),
                    role,
                    carried_over,
                    criteria: Vec::new(),
                });
            }
        }
        if errors.is_empty() {
            Ok(grid)
        } else {
            Err(errors)
        }
    }
}

/// Rules between the two grids of a call and its thresholds (GRD-02…GRD-06), with the
/// grid each problem is about ("concept" or "full") and its message key.
pub fn pair_problems(
    concept: &Grid,
    full: &Grid,
    concept_pass_score: i64,
    capacity_min_score: i64,
) -> Vec<(&'static str, &'static str)> {
    let mut out = Vec::new();
    for (name, grid) in [("concept", concept), ("full", full)] {
        for code in grid.problems() {
            out.push((name, code));
        }
    }
    let concept_relevance = concept.section_with(SectionRole::Relevance);
    if concept_relevance.is_none() {
        out.push(("concept", "grid-problem-no-relevance"));
    }
    if concept.sections.iter().any(|s| s.carried_over) {
        out.push(("concept", "grid-problem-carried-in-concept"));
    }
    // GRD-02: the pass mark must be reachable.
    if concept_pass_score > concept.max_score() {
        out.push(("concept", "publish-problem-threshold-over-max"));
    }
    // GRD-04: exactly one carried-over section, the relevance one, worth what the
    // concept note's relevance section is worth.
    let carried: Vec<&Section> = full.sections.iter().filter(|s| s.carried_over).collect();
    match carried.as_slice() {
        [one] if one.role == SectionRole::Relevance => {
            if let Some(cn) = concept_relevance {
                if one.max_score() != cn.max_score() {
                    out.push(("full", "grid-problem-carried-max"));
                }
            }
        }
        _ => out.push(("full", "grid-problem-carried-over")),
    }
    if full.section_with(SectionRole::Relevance).is_none() {
        out.push(("full", "grid-problem-no-relevance"));
    }
    // GRD-05: the capacity threshold must be reachable by the capacity section.
    match full.section_with(SectionRole::Capacity) {
        None => out.push(("full", "grid-problem-no-capacity")),
        Some(capacity) if capacity_min_score > capacity.max_score() => {
            out.push(("full", "grid-problem-capacity-threshold"))
        }
        Some(_) => {}
    }
    out.dedup();
    out
}

/// Rule GRD-06: the tie-break order, by section role (param; relevance, then capacity).
pub fn check_tie_break(order: &[SectionRole]) -> Option<&'static str> {
    let mut seen = Vec::new();
    for role in order {
        if *role == SectionRole::Other || seen.contains(role) {
            return Some("publish-problem-tie-break");
        }
        seen.push(*role);
    }
    None
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GridParseError {
    pub line: usize,
    pub code: &'static str,
}

fn section(
    code: &str,
    title: &str,
    role: SectionRole,
    carried_over: bool,
    criteria: &[(&str, &str, i64)],
) -> Section {
    let (title_kk, title_ru) = default_translation(title);
    Section {
        code: code.into(),
        title: title.into(),
        title_kk,
        title_ru,
        role,
        carried_over,
        criteria: criteria
            .iter()
            .map(|(c, t, w)| {
                let (title_kk, title_ru) = default_translation(t);
                Criterion {
                    code: (*c).into(),
                    title: (*t).into(),
                    title_kk,
                    title_ru,
                    weight: *w,
                }
            })
            .collect(),
    }
}

/// The Kazakh and Russian titles of the default grids (GRD-02, GRD-04), by English title.
const DEFAULT_TRANSLATIONS: [(&str, &str, &str); 28] = [
    (
        "Relevance of the action",
        "Іс-қимылдың өзектілігі",
        "Актуальность действия",
    ),
    (
        "Relevance to the objectives and priorities of the call",
        "Конкурстың мақсаттары мен басымдықтарына сәйкестігі",
        "Соответствие целям и приоритетам конкурса",
    ),
    (
        "Relevance to the needs and constraints of the target region",
        "Нысаналы өңірдің қажеттіліктері мен шектеулеріне сәйкестігі",
        "Соответствие потребностям и ограничениям целевого региона",
    ),
    (
        "Stakeholders and target groups clearly defined and chosen",
        "Мүдделі тараптар мен нысаналы топтар нақты анықталып, таңдалған",
        "Заинтересованные стороны и целевые группы чётко определены и выбраны",
    ),
    (
        "Added value (gender, environment, innovation, good practice)",
        "Қосылған құндылық (гендер, қоршаған орта, инновация, озық тәжірибе)",
        "Добавленная ценность (гендер, окружающая среда, инновации, передовая практика)",
    ),
    (
        "Design of the action",
        "Іс-қимылдың құрылымы",
        "Структура действия",
    ),
    (
        "Coherence of the overall design",
        "Жалпы құрылымның үйлесімділігі",
        "Согласованность общей структуры",
    ),
    (
        "Feasibility of the action",
        "Іс-қимылдың жүзеге асырылу мүмкіндігі",
        "Осуществимость действия",
    ),
    (
        "Financial and operational capacity",
        "Қаржылық және операциялық әлеует",
        "Финансовый и операционный потенциал",
    ),
    (
        "Experience of project management",
        "Жобаларды басқару тәжірибесі",
        "Опыт управления проектами",
    ),
    (
        "Technical expertise",
        "Техникалық біліктілік",
        "Техническая экспертиза",
    ),
    (
        "Management capacity (staff, equipment, budget handling)",
        "Басқару әлеуеті (қызметкерлер, жабдық, бюджетті басқару)",
        "Управленческий потенциал (персонал, оборудование, управление бюджетом)",
    ),
    (
        "Stable and sufficient sources of finance",
        "Тұрақты және жеткілікті қаржы көздері",
        "Стабильные и достаточные источники финансирования",
    ),
    (
        "Relevance of the action (score of the concept note)",
        "Іс-қимылдың өзектілігі (тұжырымдаманың бағасы)",
        "Актуальность действия (оценка концептуальной записки)",
    ),
    (
        "Stakeholders and target groups",
        "Мүдделі тараптар мен нысаналы топтар",
        "Заинтересованные стороны и целевые группы",
    ),
    ("Added value", "Қосылған құндылық", "Добавленная ценность"),
    (
        "Effectiveness and feasibility of the action",
        "Іс-қимылдың тиімділігі және жүзеге асырылу мүмкіндігі",
        "Эффективность и осуществимость действия",
    ),
    (
        "Activities appropriate, practical and consistent with the objectives",
        "Іс-шаралар мақсаттарға сай, практикалық және үйлесімді",
        "Мероприятия уместны, практичны и согласуются с целями",
    ),
    (
        "Action plan clear and feasible",
        "Іс-қимыл жоспары анық және орындалатын",
        "План действий ясен и выполним",
    ),
    (
        "Objectively verifiable indicators of the outcome",
        "Нәтиженің объективті тексерілетін көрсеткіштері",
        "Объективно проверяемые индикаторы результата",
    ),
    (
        "Level of involvement of partners",
        "Серіктестердің қатысу деңгейі",
        "Степень участия партнёров",
    ),
    (
        "Sustainability of the action",
        "Іс-қимылдың тұрақтылығы",
        "Устойчивость действия",
    ),
    (
        "Tangible impact on the target groups",
        "Нысаналы топтарға нақты әсері",
        "Ощутимое воздействие на целевые группы",
    ),
    (
        "Multiplier effects",
        "Мультипликативтік әсерлер",
        "Мультипликативный эффект",
    ),
    (
        "Financial, institutional and policy sustainability",
        "Қаржылық, институционалдық және саяси тұрақтылық",
        "Финансовая, институциональная и политическая устойчивость",
    ),
    (
        "Budget and cost-effectiveness",
        "Бюджет және шығындардың тиімділігі",
        "Бюджет и экономическая эффективность",
    ),
    (
        "Ratio between estimated costs and expected results",
        "Болжамды шығындар мен күтілетін нәтижелердің арақатынасы",
        "Соотношение сметных расходов и ожидаемых результатов",
    ),
    (
        "Proposed expenditure necessary for the action",
        "Ұсынылған шығыстар іс-қимылды жүзеге асыру үшін қажет",
        "Предлагаемые расходы необходимы для осуществления действия",
    ),
];

/// The default grids' Kazakh and Russian titles ("" for a title not in the table).
fn default_translation(english: &str) -> (String, String) {
    DEFAULT_TRANSLATIONS
        .iter()
        .find(|(en, _, _)| *en == english)
        .map(|(_, kk, ru)| (kk.to_string(), ru.to_string()))
        .unwrap_or_default()
}

/// GRD-02: the concept-note grid, out of 50.
pub fn default_concept_note_grid() -> Grid {
    Grid {
        sections: vec![
            section(
                "1",
                "Relevance of the action",
                SectionRole::Relevance,
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
                SectionRole::Other,
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
                SectionRole::Capacity,
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
                SectionRole::Relevance,
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
                SectionRole::Other,
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
                SectionRole::Other,
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
                SectionRole::Other,
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
        assert_eq!(g.section_with(SectionRole::Capacity).unwrap().code, "1");
        assert_eq!(g.section_with(SectionRole::Relevance).unwrap().code, "2");
    }

    #[test]
    fn every_title_of_the_default_grids_reads_in_kazakh_and_russian() {
        for g in [default_concept_note_grid(), default_full_application_grid()] {
            for s in &g.sections {
                assert!(
                    !s.title_kk.is_empty() && !s.title_ru.is_empty(),
                    "{}",
                    s.title
                );
                for c in &s.criteria {
                    assert!(
                        !c.title_kk.is_empty() && !c.title_ru.is_empty(),
                        "{}",
                        c.title
                    );
                }
            }
        }
        let g = default_full_application_grid();
        let kk = g
            .title_of("1", "Financial and operational capacity")
            .unwrap();
        assert_eq!(
            kk.for_reader(crate::i18n::Lang::Kk).0,
            "Қаржылық және операциялық әлеует"
        );
        assert!(g.title_of("1", "Something else").is_none());
    }

    #[test]
    fn an_edited_grid_keeps_the_translations_still_true() {
        let before = default_concept_note_grid();
        let mut text = before.to_text();
        text = text.replace("Design of the action", "Design and method");
        let mut after = Grid::parse_text(&text).unwrap();
        assert!(after.sections[0].title_kk.is_empty());
        after.keep_translations_of(&before);
        assert_eq!(after.sections[0].title_kk, before.sections[0].title_kk);
        assert_eq!(
            after.sections[0].criteria[0].title_ru,
            before.sections[0].criteria[0].title_ru
        );
        // A changed English title loses its translation (it would no longer be true).
        assert!(after.sections[1].title_kk.is_empty());
        assert!(after.set_translation("2", "Әдіс", "Метод"));
        assert_eq!(after.sections[1].title_ru, "Метод");
        assert!(!after.set_translation("9", "", ""));
    }

    #[test]
    fn the_default_grids_fit_together() {
        let (c, f) = (default_concept_note_grid(), default_full_application_grid());
        assert!(pair_problems(&c, &f, 30, 12).is_empty());
        // GRD-02 and GRD-05 thresholds: reachable up to the section maximum, not beyond.
        assert!(pair_problems(&c, &f, 50, 20).is_empty());
        assert_eq!(
            pair_problems(&c, &f, 51, 20),
            vec![("concept", "publish-problem-threshold-over-max")]
        );
        assert_eq!(
            pair_problems(&c, &f, 30, 21),
            vec![("full", "grid-problem-capacity-threshold")]
        );
    }

    #[test]
    fn grd_05_a_capacity_section_worth_5_cannot_have_a_threshold_of_12() {
        let c = default_concept_note_grid();
        let mut f = default_full_application_grid();
        f.sections[0].criteria.truncate(1);
        assert_eq!(f.sections[0].max_score(), 5);
        assert_eq!(
            pair_problems(&c, &f, 30, 12),
            vec![("full", "grid-problem-capacity-threshold")]
        );
        assert!(pair_problems(&c, &f, 30, 5).is_empty());
    }

    #[test]
    fn grd_04_exactly_one_carried_over_relevance_section_worth_the_concept_notes() {
        let c = default_concept_note_grid();
        let mut f = default_full_application_grid();
        f.sections[1].criteria.pop();
        assert_eq!(
            pair_problems(&c, &f, 30, 12),
            vec![("full", "grid-problem-carried-max")]
        );
        let mut f = default_full_application_grid();
        f.sections[1].carried_over = false;
        assert_eq!(
            pair_problems(&c, &f, 30, 12),
            vec![("full", "grid-problem-carried-over")]
        );
        let mut f = default_full_application_grid();
        f.sections[3].carried_over = true;
        assert!(pair_problems(&c, &f, 30, 12).contains(&("full", "grid-problem-carried-over")));
        // Found by role, not by code: renumbering the sections changes nothing.
        let mut f = default_full_application_grid();
        f.sections.swap(0, 1);
        for (i, s) in f.sections.iter_mut().enumerate() {
            s.code = (i + 1).to_string();
            for (j, cr) in s.criteria.iter_mut().enumerate() {
                cr.code = format!("{}.{}", i + 1, j + 1);
            }
        }
        assert!(pair_problems(&c, &f, 30, 12).is_empty());
    }

    #[test]
    fn grd_06_the_tie_break_names_distinct_roles() {
        assert_eq!(
            check_tie_break(&[SectionRole::Relevance, SectionRole::Capacity]),
            None
        );
        assert_eq!(check_tie_break(&[SectionRole::Capacity]), None);
        assert!(check_tie_break(&[SectionRole::Relevance, SectionRole::Relevance]).is_some());
        assert!(check_tie_break(&[SectionRole::Other]).is_some());
    }

    #[test]
    fn score_arithmetic_is_checked() {
        let mut g = default_concept_note_grid();
        g.sections[0].criteria[0].weight = i64::MAX;
        assert_eq!(g.checked_max_score(), None);
        assert!(g.problems().contains(&"grid-problem-weight"));
    }

    #[test]
    fn the_text_form_round_trips() {
        // The text form holds the authentic English; the translations come back from the
        // grid it was made of.
        for g in [default_concept_note_grid(), default_full_application_grid()] {
            let mut again = Grid::parse_text(&g.to_text()).unwrap();
            again.keep_translations_of(&g);
            assert_eq!(again, g);
        }
    }

    #[test]
    fn text_errors_name_the_line() {
        assert_eq!(
            Grid::parse_text("1.1 Orphan").unwrap_err()[0],
            GridParseError {
                line: 1,
                code: "grid-parse-no-section"
            }
        );
        assert_eq!(
            Grid::parse_text("1 A\n2.1 Wrong section").unwrap_err()[0].code,
            "grid-parse-wrong-section"
        );
        assert_eq!(
            Grid::parse_text("1 A\n1.1 B | x3").unwrap_err()[0],
            GridParseError {
                line: 2,
                code: "grid-parse-bad-flag"
            }
        );
        assert_eq!(
            Grid::parse_text("A title without code").unwrap_err()[0].code,
            "grid-parse-bad-code"
        );
    }

    #[test]
    fn incomplete_grids_have_problems() {
        let errors =
            Grid::parse_text("1.1 Orphan\n1 A\n1.1 B | x3\n2.1 Wrong\nNo-code").unwrap_err();
        assert_eq!(
            errors.iter().map(|e| e.line).collect::<Vec<_>>(),
            [1, 3, 4, 5],
            "every wrong line is reported"
        );
        let g = Grid::parse_text("1 Empty section\n2 B\n2.1 C").unwrap();
        assert_eq!(g.problems(), vec!["grid-problem-section"]);
        assert_eq!(Grid::default().problems(), vec!["grid-problem-empty"]);
    }
}
