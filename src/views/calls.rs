//! Call views: the public and staff call pages and `GET /api/v1/calls…`.

use serde::Serialize;
use utoipa::ToSchema;

use super::UtcTime;
use crate::db::attachments::AttachmentRow;
use crate::db::calls::{ClarificationRow, LotRow};
use crate::domain::calls::{
    answer_deadline, question_cutoff, CallParameters, CallStatus, CallType, LotTerms, ProblemArg,
    PublishProblem,
};
use crate::domain::money::Money;
use crate::services::calls::{lot_terms, Call};

/// A lot as shown (CFP-04): its id and the same properties as the `LotTerms` a client
/// sends (spelled out, so that the schema of a response allows the id that a request
/// may not carry).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct LotView {
    pub id: String,
    pub number: i32,
    /// The authentic English title.
    pub title: String,
    /// CFP-08: for information; "" when not translated.
    pub title_kk: String,
    pub title_ru: String,
    /// Euro cents.
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
    pub envelope_id: Option<String>,
}

impl LotView {
    pub fn build(row: &LotRow) -> LotView {
        let t: LotTerms = lot_terms(row);
        LotView {
            id: row.id.clone(),
            number: t.number,
            title: t.title,
            title_kk: row.title_kk.clone(),
            title_ru: row.title_ru.clone(),
            envelope: t.envelope,
            min_grant: t.min_grant,
            max_grant: t.max_grant,
            min_eu_share_bp: t.min_eu_share_bp,
            max_eu_share_bp: t.max_eu_share_bp,
            min_duration_months: t.min_duration_months,
            max_duration_months: t.max_duration_months,
            applicant_types: t.applicant_types,
            locations: t.locations,
            envelope_id: t.envelope_id,
        }
    }
}

/// A call for proposals with its rules and lots.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CallView {
    pub id: String,
    pub programme_id: String,
    pub reference: String,
    /// The authentic English title (CFP-08).
    pub title: String,
    /// The title in Kazakh and Russian, for information ("" when not translated).
    pub title_kk: String,
    pub title_ru: String,
    /// The authentic English description.
    pub description: String,
    pub description_kk: String,
    pub description_ru: String,
    pub call_type: CallType,
    pub status: CallStatus,
    pub opens_at: Option<UtcTime>,
    /// CFP-06: the exact instant submissions close.
    pub deadline: Option<UtcTime>,
    /// CFP-03: questions accepted until this instant.
    pub question_cutoff: Option<UtcTime>,
    /// CFP-03: answers published by this instant.
    pub answer_deadline: Option<UtcTime>,
    pub published_at: Option<UtcTime>,
    pub cancelled_at: Option<UtcTime>,
    pub cancel_reason: Option<String>,
    /// Why the call was cancelled, in English and, for information, Kazakh and Russian.
    pub cancel_explanation: Option<String>,
    pub cancel_explanation_kk: String,
    pub cancel_explanation_ru: String,
    pub parameters: CallParameters,
    pub lots: Vec<LotView>,
}

impl CallView {
    pub fn build(c: &Call, lots: &[LotRow]) -> CallView {
        CallView {
            id: c.row.id.clone(),
            programme_id: c.row.programme_id.clone(),
            reference: c.row.reference.clone(),
            title: c.row.title.clone(),
            title_kk: c.row.title_kk.clone(),
            title_ru: c.row.title_ru.clone(),
            description: c.row.description.clone(),
            description_kk: c.row.description_kk.clone(),
            description_ru: c.row.description_ru.clone(),
            call_type: c.call_type,
            status: c.status,
            opens_at: c.row.opens_at.map(UtcTime),
            deadline: c.row.deadline.map(UtcTime),
            question_cutoff: c
                .row
                .deadline
                .map(|d| UtcTime(question_cutoff(d, &c.params))),
            answer_deadline: c
                .row
                .deadline
                .map(|d| UtcTime(answer_deadline(d, &c.params))),
            published_at: c.row.published_at.map(UtcTime),
            cancelled_at: c.row.cancelled_at.map(UtcTime),
            cancel_reason: c.row.cancel_reason.clone(),
            cancel_explanation: c.row.cancel_explanation.clone(),
            cancel_explanation_kk: c.row.cancel_explanation_kk.clone(),
            cancel_explanation_ru: c.row.cancel_explanation_ru.clone(),
            parameters: c.params.clone(),
            lots: lots.iter().map(LotView::build).collect(),
        }
    }
}

/// The texts of a call as a reader of `lang` sees them (CFP-08), for pages.
#[derive(Debug, Clone, Serialize)]
pub struct CallTexts {
    pub title: super::Shown,
    pub description: super::Shown,
    pub cancel_explanation: Option<super::Shown>,
}

impl CallTexts {
    pub fn build(c: &Call, lang: crate::i18n::Lang) -> CallTexts {
        use crate::domain::text::Translated;
        let r = &c.row;
        CallTexts {
            title: super::Shown::new(c.title(), lang),
            description: super::Shown::new(
                Translated {
                    en: &r.description,
                    kk: &r.description_kk,
                    ru: &r.description_ru,
                },
                lang,
            ),
            cancel_explanation: r.cancel_explanation.as_deref().map(|en| {
                super::Shown::new(
                    Translated {
                        en,
                        kk: &r.cancel_explanation_kk,
                        ru: &r.cancel_explanation_ru,
                    },
                    lang,
                )
            }),
        }
    }
}

/// A stored document of a call (guidelines), in its current version.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DocumentView {
    pub id: String,
    /// en, kk or ru.
    pub language: String,
    /// The language's own name ("Қазақша").
    pub language_name: String,
    /// CFP-08: the English text is authentic; the others are for information.
    pub authentic: bool,
    pub title: String,
    pub file_name: String,
    pub size_bytes: i64,
    /// "245 KB", "1.2 MB".
    pub size: String,
    pub sha256: String,
    /// 1 for the first file of this title and language; a later one replaces it.
    pub version: i32,
    /// Frozen: never changed or removed (the authentic text of a published call).
    pub frozen: bool,
    pub uploaded_at: UtcTime,
}

impl DocumentView {
    pub fn build(row: &AttachmentRow) -> DocumentView {
        let language = row.language.clone().unwrap_or_default();
        DocumentView {
            id: row.id.clone(),
            language_name: crate::i18n::Lang::parse(&language)
                .map(|l| l.native_name())
                .unwrap_or("")
                .to_string(),
            authentic: language == "en",
            language,
            title: row.title.clone(),
            file_name: row.file_name.clone(),
            size_bytes: row.size_bytes,
            size: super::format::file_size(row.size_bytes),
            sha256: row.sha256.clone(),
            version: row.version,
            frozen: row.frozen_at.is_some(),
            uploaded_at: UtcTime(row.uploaded_at),
        }
    }
}

/// A published answer, without the asker (CFP-03).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ClarificationView {
    pub question: String,
    pub answer: String,
    pub published_at: UtcTime,
}

impl ClarificationView {
    pub fn published(rows: Vec<ClarificationRow>) -> Vec<ClarificationView> {
        rows.into_iter()
            .filter_map(|c| {
                Some(ClarificationView {
                    question: c.question,
                    answer: c.answer?,
                    published_at: UtcTime(c.published_at?),
                })
            })
            .collect()
    }
}

/// The message of a publication problem or warning in `lang`, its values formatted for
/// the reader (amounts, Almaty time).
pub fn problem_text(lang: crate::i18n::Lang, p: &PublishProblem) -> String {
    let args: Vec<(&str, String)> = p
        .args
        .iter()
        .map(|(k, v)| {
            let text = match v {
                ProblemArg::Text(s) if *k == "grid" => crate::i18n::t(lang, &format!("grid-{s}")),
                ProblemArg::Text(s) => s.clone(),
                ProblemArg::Number(n) => n.to_string(),
                ProblemArg::Amount(m) => super::format::money(lang, *m),
                ProblemArg::Date(d) => super::format::date_long(lang, *d),
                ProblemArg::Instant(t) => super::format::instant_long(lang, *t),
            };
            (*k, text)
        })
        .collect();
    let text = crate::i18n::t_args(lang, p.code, &args);
    // Grid problems say which of the two grids they are about.
    match p.args.iter().find(|(k, _)| *k == "grid") {
        Some((_, ProblemArg::Text(grid))) if p.code != "publish-problem-grid" => {
            format!("{}: {text}", crate::i18n::t(lang, &format!("grid-{grid}")))
        }
        _ => text,
    }
}

/// A publication problem as staff read it: what is wrong in plain words, a link to where
/// it is changed, and the rule it comes from as a reference.
#[derive(Debug, Clone, Serialize)]
pub struct ProblemView {
    pub text: String,
    pub rule: Option<&'static str>,
    pub fix: Option<FixLink>,
}

#[derive(Debug, Clone, Serialize)]
pub struct FixLink {
    pub href: String,
    pub label: String,
}

/// Where each problem is fixed: the call form (at the field), a lot, the grids, the
/// documents, or the programme's amendments.
pub fn problem_view(
    lang: crate::i18n::Lang,
    call_id: &str,
    programme_id: &str,
    lots: &[LotRow],
    p: &PublishProblem,
) -> ProblemView {
    let call = format!("/manage/calls/{call_id}");
    let edit = |field: &str| (format!("{call}/edit#{field}"), "fix-edit-call");
    let lot_edit = || {
        p.lot_number()
            .and_then(|n| lots.iter().find(|l| i64::from(l.number) == n))
            .map(|l| (format!("{call}/lots/{}/edit", l.id), "fix-edit-lot"))
            .unwrap_or_else(|| (format!("{call}#lots"), "fix-lots"))
    };
    let target = match p.code {
        "publish-problem-identity" => Some(edit("reference")),
        "publish-problem-no-deadline"
        | "publish-problem-submission-period"
        | "publish-problem-after-contracting" => Some(edit("deadline")),
        "publish-problem-opens-after-launch-deadline" => Some(edit("opens_at")),
        "publish-problem-launch-deadline" => Some((
            format!("/manage/programmes/{programme_id}/amendments/new"),
            "fix-amendment",
        )),
        "publish-problem-clarification-days"
        | "publish-problem-parameters-positive"
        | "publish-problem-parameters-range"
        | "publish-problem-tolerance"
        | "publish-problem-max-applications"
        | "publish-problem-threshold-over-max" => Some(edit("parameters")),
        "publish-problem-selection-mode" => Some(edit("selection_mode")),
        "publish-problem-tie-break" => Some(edit("tie_break")),
        "publish-problem-no-lots" => Some((format!("{call}/lots/new"), "fix-add-lot")),
        "publish-problem-lot-incomplete"
        | "publish-problem-lot-envelope"
        | "publish-warning-duration-after-operational-end" => Some(lot_edit()),
        "publish-problem-lot-numbers"
        | "publish-problem-envelope-over"
        | "publish-problem-over-budget" => Some((format!("{call}#lots"), "fix-lots")),
        "publish-problem-guidelines" => Some((format!("{call}#documents"), "fix-documents")),
        code if code.starts_with("grid-problem") || code == "publish-problem-grid" => {
            Some((format!("{call}/grids"), "fix-grids"))
        }
        _ => None,
    };
    ProblemView {
        text: problem_text(lang, p),
        rule: p.rule(),
        fix: target.map(|(href, key)| FixLink {
            href,
            label: crate::i18n::t(lang, key),
        }),
    }
}

/// One change of a corrigendum in words, in `lang` (dates in Almaty time, amounts in the
/// reader's conventions).
pub fn change_text(lang: crate::i18n::Lang, c: &crate::domain::corrigenda::Change) -> String {
    use crate::domain::corrigenda::Change;
    use crate::i18n::t_args;
    let language = |code: &str| {
        crate::i18n::Lang::parse(code)
            .map(|l| l.native_name())
            .unwrap_or("")
            .to_string()
    };
    match c {
        Change::Deadline { before, after } => t_args(
            lang,
            "change-deadline",
            &[
                (
                    "before",
                    before
                        .map(|b| super::format::instant_long(lang, b))
                        .unwrap_or_default(),
                ),
                ("after", super::format::instant_long(lang, *after)),
            ],
        ),
        Change::Description { language: l } => {
            t_args(lang, "change-description", &[("language", language(l))])
        }
        Change::LotTitle {
            lot,
            language: l,
            before,
            after,
        } => t_args(
            lang,
            "change-lot-title",
            &[
                ("lot", lot.to_string()),
                ("language", language(l)),
                ("before", before.clone()),
                ("after", after.clone()),
            ],
        ),
        Change::LotEnvelope { lot, before, after } => t_args(
            lang,
            "change-lot-envelope",
            &[
                ("lot", lot.to_string()),
                ("before", super::format::money(lang, *before)),
                ("after", super::format::money(lang, *after)),
            ],
        ),
        Change::Documents => crate::i18n::t(lang, "change-documents"),
    }
}

/// A change of a corrigendum: its kind, what it is about, and the values before and
/// after where they are a date or an amount.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ChangeView {
    /// deadline, description, lot_title, lot_envelope or documents.
    pub kind: &'static str,
    pub lot: Option<i32>,
    /// The language of a corrected text (en, kk, ru).
    pub language: Option<String>,
    pub deadline_before: Option<UtcTime>,
    pub deadline_after: Option<UtcTime>,
    pub amount_before_cents: Option<crate::domain::money::Money>,
    pub amount_after_cents: Option<crate::domain::money::Money>,
    /// The change in words, in the reader's language.
    pub text: String,
}

impl ChangeView {
    pub fn build(lang: crate::i18n::Lang, c: &crate::domain::corrigenda::Change) -> ChangeView {
        use crate::domain::corrigenda::Change;
        let mut v = ChangeView {
            kind: "documents",
            lot: None,
            language: None,
            deadline_before: None,
            deadline_after: None,
            amount_before_cents: None,
            amount_after_cents: None,
            text: change_text(lang, c),
        };
        match c {
            Change::Deadline { before, after } => {
                v.kind = "deadline";
                v.deadline_before = before.map(UtcTime);
                v.deadline_after = Some(UtcTime(*after));
            }
            Change::Description { language } => {
                v.kind = "description";
                v.language = Some(language.clone());
            }
            Change::LotTitle { lot, language, .. } => {
                v.kind = "lot_title";
                v.lot = Some(*lot);
                v.language = Some(language.clone());
            }
            Change::LotEnvelope { lot, before, after } => {
                v.kind = "lot_envelope";
                v.lot = Some(*lot);
                v.amount_before_cents = Some(*before);
                v.amount_after_cents = Some(*after);
            }
            Change::Documents => {}
        }
        v
    }
}

/// A corrigendum as published: number, date, why, what changed, its documents.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CorrigendumView {
    pub number: i32,
    pub published_at: UtcTime,
    /// Why, in English (authentic) and, for information, Kazakh and Russian.
    pub reason: String,
    pub reason_kk: String,
    pub reason_ru: String,
    pub changes: Vec<ChangeView>,
    pub documents: Vec<DocumentView>,
}

impl CorrigendumView {
    /// Each corrigendum with its documents (from one list of all of them).
    pub fn list(
        lang: crate::i18n::Lang,
        corrigenda: &[crate::services::calls::Corrigendum],
        documents: &[AttachmentRow],
    ) -> Vec<CorrigendumView> {
        corrigenda
            .iter()
            .map(|c| CorrigendumView {
                number: c.row.number,
                published_at: UtcTime(c.row.published_at),
                reason: c.row.reason.clone(),
                reason_kk: c.row.reason_kk.clone(),
                reason_ru: c.row.reason_ru.clone(),
                changes: c
                    .changes
                    .iter()
                    .map(|ch| ChangeView::build(lang, ch))
                    .collect(),
                documents: documents
                    .iter()
                    .filter(|d| d.owner_id == c.row.id)
                    .map(DocumentView::build)
                    .collect(),
            })
            .collect()
    }
}
