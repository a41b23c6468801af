//! Staff pages for calls: create and edit drafts, lots, grids, guidelines documents,
//! publication with every problem listed, cancellation, and answering clarifications.
//! One file per sub-area; this one holds the call page itself.

mod clarifications;
mod corrigenda;
mod documents;
mod drafts;
mod grids;
mod lots;
mod publication;
mod translations;

pub use clarifications::{answer, preview_answer};
pub use corrigenda::{
    corrigendum_form, preview_corrigendum, publish_corrigendum, upload_corrigendum_document,
};
pub use documents::{remove_document, upload_document};
pub use drafts::{confirm_delete, create, delete, edit_form, new_form, update};
pub use grids::{grids_form, update_grids};
pub use lots::{
    confirm_delete_lot, create_lot, delete_lot, edit_lot_form, new_lot_form, update_lot,
};
pub use publication::{cancel, cancel_form, confirm_publish, publish};
pub use translations::{save_translations, translations_form};

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use super::page::{FormSpot, Page};
use super::programmes::staff_call_row;
use crate::clock::{format_local, local_date, local_to_utc};
use crate::domain::access::{role_allows, Action};
use crate::domain::calls::{self as rules};
use crate::domain::grids::Grid;
use crate::domain::money::Money;
use crate::error::{AppError, AppResult};
use crate::i18n::{t, Lang};
use crate::services::calls::{self, CallDetail};
use crate::services::uploads;
use crate::views::format;

fn can(page: &Page, action: Action) -> bool {
    page.ctx
        .user
        .as_ref()
        .is_some_and(|u| role_allows(u.role, action))
}

/// A datetime-local field ("2026-12-01T12:00") read as Almaty time, stored as UTC.
pub fn parse_local_datetime(s: &str) -> Option<NaiveDateTime> {
    let s = s.trim();
    NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M")
        .or_else(|_| NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S"))
        .or_else(|_| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M"))
        .ok()
        .map(local_to_utc)
}

/// The value for a datetime-local field, in Almaty time.
pub fn local_input(t: NaiveDateTime) -> String {
    use chrono::TimeZone;
    crate::clock::DISPLAY_TZ
        .from_utc_datetime(&t)
        .format("%Y-%m-%d %H:%M")
        .to_string()
}

pub async fn index(page: Page) -> AppResult<HttpResponse> {
    let list = calls::staff_list(&page.state, &page.actor()).await?;
    let today = local_date(page.state.clock.now());
    let mut ctx = tera::Context::new();
    ctx.insert(
        "calls",
        &list
            .iter()
            .map(|(c, n)| staff_call_row(c, *n, today))
            .collect::<Vec<_>>(),
    );
    page.render("manage/calls.html", ctx)
}

fn conflict_back(page: &Page, e: AppError, to: &str) -> AppResult<HttpResponse> {
    match e {
        AppError::Conflict(key) => Ok(page.flash_redirect("error", key, to)),
        e => Err(e),
    }
}

/// One thing to do on a call, linking to where it is done.
#[derive(Serialize)]
struct Todo {
    text: String,
    href: String,
    urgent: bool,
}

/// What needs doing now on a call, the most pressing first: questions waiting for an
/// answer (with their due date), what stops publication, documents a corrigendum
/// promised, missing translations.
fn todos(
    lang: crate::i18n::Lang,
    d: &CallDetail,
    report: &calls::PublishReport,
    unanswered: i64,
    now: NaiveDateTime,
) -> Vec<Todo> {
    let c = &d.call;
    let id = &c.row.id;
    let mut out = Vec::new();
    if c.is_published() && unanswered > 0 {
        if let Some(deadline) = c.row.deadline {
            let due = rules::answer_deadline(deadline, &c.params);
            let urgency = crate::domain::timeline::urgency(local_date(now), local_date(due));
            out.push(Todo {
                text: crate::i18n::t_args(
                    lang,
                    "todo-answer-questions",
                    &[
                        ("count", unanswered.to_string()),
                        ("when", format::instant_long(lang, due)),
                    ],
                ),
                href: "#clarifications".into(),
                urgent: matches!(
                    urgency,
                    crate::domain::timeline::Urgency::Passed
                        | crate::domain::timeline::Urgency::Within7
                ),
            });
        }
    }
    if c.status == rules::CallStatus::Draft {
        out.push(if report.problems.is_empty() {
            Todo {
                text: t(lang, "todo-ready-to-publish"),
                href: format!("/manage/calls/{id}/publish"),
                urgent: false,
            }
        } else {
            Todo {
                text: crate::i18n::t_args(
                    lang,
                    "todo-publication-problems",
                    &[("count", report.problems.len().to_string())],
                ),
                href: "#publication".into(),
                urgent: false,
            }
        });
    }
    if c.is_published() {
        for corrigendum in &d.corrigenda {
            let promised = corrigendum
                .changes
                .iter()
                .any(|ch| matches!(ch, crate::domain::corrigenda::Change::Documents));
            let has = d
                .corrigendum_documents
                .iter()
                .any(|doc| doc.owner_id == corrigendum.row.id);
            if promised && !has {
                out.push(Todo {
                    text: crate::i18n::t_args(
                        lang,
                        "todo-corrigendum-documents",
                        &[("number", corrigendum.row.number.to_string())],
                    ),
                    href: format!("#corrigendum-{}", corrigendum.row.number),
                    urgent: true,
                });
            }
        }
    }
    if c.status != rules::CallStatus::Cancelled {
        let missing = translation_counts(d)
            .into_iter()
            .filter(|(_, done, total)| done < total)
            .map(|(l, _, _)| l.native_name())
            .collect::<Vec<_>>();
        if !missing.is_empty() {
            out.push(Todo {
                text: crate::i18n::t_args(
                    lang,
                    "todo-translations",
                    &[("languages", missing.join(", "))],
                ),
                href: format!("/manage/calls/{id}/translations"),
                urgent: false,
            });
        }
    }
    out
}

/// (language, translated, texts) for Kazakh and Russian.
fn translation_counts(d: &CallDetail) -> Vec<(crate::i18n::Lang, usize, usize)> {
    let r = &d.call.row;
    [crate::i18n::Lang::Kk, crate::i18n::Lang::Ru]
        .into_iter()
        .map(|l| {
            let pick = |kk: &str, ru: &str| {
                if l == crate::i18n::Lang::Kk {
                    !kk.trim().is_empty()
                } else {
                    !ru.trim().is_empty()
                }
            };
            let mut texts = vec![pick(&r.title_kk, &r.title_ru)];
            if !r.description.is_empty() {
                texts.push(pick(&r.description_kk, &r.description_ru));
            }
            texts.extend(d.lots.iter().map(|lot| pick(&lot.title_kk, &lot.title_ru)));
            (l, texts.iter().filter(|t| **t).count(), texts.len())
        })
        .collect()
}

/// "Қазақша: 3 of 4 texts translated", per language, for the call page.
fn translation_status(lang: crate::i18n::Lang, d: &CallDetail) -> Vec<String> {
    translation_counts(d)
        .into_iter()
        .map(|(l, done, total)| {
            crate::i18n::t_args(
                lang,
                "translations-status",
                &[
                    ("language", l.native_name().to_string()),
                    ("done", done.to_string()),
                    ("total", total.to_string()),
                ],
            )
        })
        .collect()
}

#[derive(Serialize)]
pub struct CorrigendumShown {
    number: i32,
    published_words: String,
    view: crate::views::calls::CorrigendumView,
}

/// The call's corrigenda for its pages, in the reader's language.
pub fn corrigenda_shown(lang: crate::i18n::Lang, d: &CallDetail) -> Vec<CorrigendumShown> {
    crate::views::calls::CorrigendumView::list(lang, &d.corrigenda, &d.corrigendum_documents)
        .into_iter()
        .map(|view| CorrigendumShown {
            number: view.number,
            published_words: format::instant_long(lang, view.published_at.0),
            view,
        })
        .collect()
}

pub fn document_views(d: &CallDetail) -> Vec<crate::views::calls::DocumentView> {
    d.documents
        .iter()
        .map(crate::views::calls::DocumentView::build)
        .collect()
}

#[derive(Serialize)]
struct ClarificationView {
    id: String,
    question: String,
    asked_at: String,
    asker: String,
    answer: Option<String>,
    published_at: Option<String>,
    in_time: Option<bool>,
}

#[derive(Serialize)]
struct CriterionView {
    code: String,
    title: crate::views::Shown,
    weight: i64,
    max: i64,
}

#[derive(Serialize)]
struct SectionView {
    code: String,
    title: crate::views::Shown,
    max: i64,
    carried_over: bool,
    criteria: Vec<CriterionView>,
}

#[derive(Serialize)]
struct GridView {
    max: i64,
    sections: Vec<SectionView>,
}

fn grid_view(g: &Grid, lang: crate::i18n::Lang) -> GridView {
    GridView {
        max: g.max_score(),
        sections: g
            .sections
            .iter()
            .map(|s| SectionView {
                code: s.code.clone(),
                title: crate::views::Shown::new(s.title_view(), lang),
                max: s.max_score(),
                carried_over: s.carried_over,
                criteria: s
                    .criteria
                    .iter()
                    .map(|c| CriterionView {
                        code: c.code.clone(),
                        title: crate::views::Shown::new(c.title_view(), lang),
                        weight: c.weight,
                        max: c.weight * crate::domain::grids::MAX_SCORE,
                    })
                    .collect(),
            })
            .collect(),
    }
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct ShowQuery {
    /// "unanswered" (the default while any is waiting) or "all".
    #[serde(default)]
    questions: Option<String>,
    #[serde(default)]
    page: Option<i64>,
}

pub async fn show(
    page: Page,
    path: web::Path<String>,
    query: web::Query<ShowQuery>,
) -> AppResult<HttpResponse> {
    render_staff_call(&page, path.into_inner(), &query, StatusCode::OK, None).await
}

/// A form of the staff call page that was refused: what was typed stays in it, with what
/// to change next to each field.
pub enum Refused<'a> {
    Answer {
        clarification_id: &'a str,
        text: &'a str,
        errors: &'a [crate::domain::FieldError],
    },
    Document {
        title: &'a str,
        errors: &'a [crate::domain::FieldError],
    },
}

/// The staff page of a call (its sections: overview, lots, grids, documents,
/// clarifications), after a refused answer with that answer's error in place.
pub async fn render_staff_call(
    page: &Page,
    id: String,
    query: &ShowQuery,
    status: StatusCode,
    refused: Option<Refused<'_>>,
) -> AppResult<HttpResponse> {
    let d = calls::staff_detail(&page.state, &page.actor(), id.clone()).await?;
    let report = calls::publish_problems(&page.state, id.clone()).await?;
    let now = page.state.clock.now();
    let lang = page.lang();
    let c = &d.call;
    // Waiting questions first; all of them when none waits (or when asked).
    let mut unanswered_only = query.questions.as_deref() != Some("all");
    let mut questions = calls::staff_questions(
        &page.state,
        &page.actor(),
        id.clone(),
        unanswered_only,
        query.page.unwrap_or(1),
    )
    .await?;
    if query.questions.is_none() && questions.unanswered == 0 {
        unanswered_only = false;
        questions =
            calls::staff_questions(&page.state, &page.actor(), id.clone(), false, 1).await?;
    }
    let mut ctx = tera::Context::new();
    ctx.insert(
        "call",
        &staff_call_row(c, questions.unanswered, local_date(now)),
    );
    ctx.insert("view", &crate::views::calls::CallView::build(c, &d.lots));
    ctx.insert("texts", &crate::views::calls::CallTexts::build(c, lang));
    ctx.insert("programme_id", &c.row.programme_id);
    ctx.insert("programme_reference", &d.programme_reference);
    ctx.insert("is_draft", &(c.status == rules::CallStatus::Draft));
    ctx.insert("is_published", &c.is_published());
    ctx.insert("opens_at", &c.row.opens_at.map(format_local));
    ctx.insert("published_at", &c.row.published_at.map(format_local));
    ctx.insert("cancelled_at", &c.row.cancelled_at.map(format_local));
    ctx.insert(
        "cancel_reason",
        &c.row
            .cancel_reason
            .as_ref()
            .map(|r| t(lang, &format!("cancel-reason-{r}"))),
    );
    ctx.insert(
        "envelope_names",
        &envelope_names(page, &c.row.programme_id).await?,
    );
    ctx.insert("documents", &document_views(&d));
    ctx.insert(
        "grids",
        &vec![
            ("grid-concept", grid_view(&c.concept_grid, lang)),
            ("grid-full", grid_view(&c.full_grid, lang)),
        ],
    );
    ctx.insert("params", &c.params);
    ctx.insert("translation_status", &translation_status(lang, &d));
    ctx.insert("corrigenda", &corrigenda_shown(lang, &d));
    ctx.insert(
        "todos",
        &todos(lang, &d, &report, questions.unanswered, now),
    );
    ctx.insert("manage", &true);
    ctx.insert(
        "small_grant_max",
        &format::money(lang, Money::from_cents(c.params.small_grant_max_cents)),
    );
    let views = |list: &[rules::PublishProblem]| -> Vec<crate::views::calls::ProblemView> {
        list.iter()
            .map(|p| {
                crate::views::calls::problem_view(lang, &c.row.id, &c.row.programme_id, &d.lots, p)
            })
            .collect()
    };
    ctx.insert("problems", &views(&report.problems));
    ctx.insert("warnings", &views(&report.warnings));
    let deadline = c.row.deadline;
    let views: Vec<ClarificationView> = questions
        .questions
        .iter()
        .map(|q| ClarificationView {
            id: q.id.clone(),
            question: q.question.clone(),
            asked_at: format_local(q.asked_at),
            asker: questions
                .askers
                .get(&q.asked_by)
                .cloned()
                .unwrap_or_default(),
            answer: q.answer.clone(),
            published_at: q.published_at.map(format_local),
            in_time: match (q.published_at, deadline) {
                (Some(p), Some(dl)) => Some(rules::answered_in_time(p, dl, &c.params)),
                _ => None,
            },
        })
        .collect();
    ctx.insert("clarifications", &views);
    ctx.insert(
        "questions_filter",
        if unanswered_only { "unanswered" } else { "all" },
    );
    ctx.insert(
        "questions_pager",
        &super::page::Pager::new(
            query.page.unwrap_or(1),
            questions.total,
            calls::QUESTIONS_PAGE_SIZE,
        ),
    );
    let late = questions.late_answers;
    ctx.insert(
        "answers_all_in_time",
        &(late == 0 && questions.answered > 0),
    );
    ctx.insert("answers_late", &late);
    if let Some(dl) = deadline {
        ctx.insert(
            "question_cutoff",
            &format_local(rules::question_cutoff(dl, &c.params)),
        );
        ctx.insert(
            "answer_deadline",
            &format_local(rules::answer_deadline(dl, &c.params)),
        );
    }
    ctx.insert("can_manage", &can(page, Action::ManageCalls));
    ctx.insert("can_answer", &can(page, Action::AnswerClarifications));
    ctx.insert(
        "languages",
        &Lang::ALL
            .iter()
            .map(|l| (l.code(), l.native_name()))
            .collect::<Vec<_>>(),
    );
    ctx.insert("max_upload_mb", &(uploads::MAX_DOCUMENT_BYTES / 1_048_576));
    match refused {
        Some(Refused::Answer {
            clarification_id,
            text,
            errors,
        }) => {
            ctx.insert("answer_for", clarification_id);
            ctx.insert("answer_text", text);
            page.show_errors_at(
                &mut ctx,
                FormSpot {
                    key: "answer_errors",
                    id_prefix: "answer-",
                    aliases: &[("answer", clarification_id)],
                },
                errors,
            );
        }
        Some(Refused::Document { title, errors }) => {
            ctx.insert("document_title", title);
            page.show_errors_at(
                &mut ctx,
                FormSpot {
                    key: "document_errors",
                    id_prefix: "doc-",
                    aliases: &[],
                },
                errors,
            );
        }
        None => {}
    }
    page.render_status(status, "manage/call.html", ctx)
}

/// Envelope labels by id, to name the envelope each lot draws on.
pub async fn envelope_names(
    page: &Page,
    programme_id: &str,
) -> AppResult<std::collections::HashMap<String, String>> {
    let p = crate::services::programmes::detail(&page.state, programme_id.to_string()).await?;
    Ok(p.envelopes
        .iter()
        .map(|e| {
            (
                e.id.clone(),
                format!(
                    "{} ({})",
                    e.label,
                    format::money(page.lang(), Money::from_cents(e.amount_cents))
                ),
            )
        })
        .collect())
}
