//! Public pages of calls: the list (open, upcoming, closed), a call with its lots,
//! guidelines and published clarifications, questions, following, downloads.

use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpResponse};
use serde::{Deserialize, Serialize};

use super::calls::document_views;
use super::page::Page;
use crate::clock::format_local;
use crate::domain::access::{role_allows, Action};
use crate::domain::calls::{self as rules, call_phase, CallPhase};
use crate::domain::FieldError;
use crate::error::{AppError, AppResult};
use crate::i18n::{t, t_args, Lang};
use crate::services::calls::{self, Call};
use crate::services::uploads;
use crate::views::calls::LotView;
use crate::views::format;

#[derive(Serialize)]
pub struct PublicCall {
    pub id: String,
    pub reference: String,
    pub title: crate::views::Shown,
    pub call_type: String,
    pub phase: CallPhase,
    pub opens_at: Option<String>,
    pub deadline: Option<String>,
    pub time_left: Option<String>,
    pub total_envelope: String,
    pub lots: Vec<LotView>,
    pub documents: Vec<crate::views::calls::DocumentView>,
}

/// "12 days 4 hours" until the deadline, in the reader's language.
pub fn time_left(lang: Lang, seconds: i64) -> String {
    let days = seconds / 86_400;
    let hours = (seconds % 86_400) / 3_600;
    let minutes = (seconds % 3_600) / 60;
    if days > 0 {
        t_args(
            lang,
            "time-left-days",
            &[("days", days.to_string()), ("hours", hours.to_string())],
        )
    } else {
        t_args(
            lang,
            "time-left-hours",
            &[
                ("hours", hours.to_string()),
                ("minutes", minutes.to_string()),
            ],
        )
    }
}

pub fn public_call(
    call: &Call,
    lots: &[crate::db::calls::LotRow],
    documents: &[crate::db::attachments::AttachmentRow],
    now: chrono::NaiveDateTime,
    lang: Lang,
) -> PublicCall {
    let opens = call.row.opens_at.or(call.row.published_at).unwrap_or(now);
    let deadline = call.row.deadline.unwrap_or(now);
    let phase = call_phase(call.status, now, opens, deadline);
    let total = crate::domain::money::Money::sum(
        lots.iter()
            .map(|l| crate::domain::money::Money::from_cents(l.envelope_cents)),
    )
    .unwrap_or(crate::domain::money::Money::MAX)
    .cents();
    PublicCall {
        id: call.row.id.clone(),
        reference: call.row.reference.clone(),
        title: crate::views::Shown::new(call.title(), lang),
        call_type: call.row.call_type.clone(),
        phase,
        opens_at: call.row.opens_at.map(|t| format::instant_long(lang, t)),
        deadline: call.row.deadline.map(|t| format::instant_long(lang, t)),
        time_left: (phase == CallPhase::Open)
            .then(|| time_left(lang, (deadline - now).num_seconds())),
        total_envelope: format::money(lang, crate::domain::money::Money::from_cents(total)),
        lots: lots.iter().map(LotView::build).collect(),
        documents: documents
            .iter()
            .map(crate::views::calls::DocumentView::build)
            .collect(),
    }
}

/// Search and filters of the list of calls: words in the title, reference or
/// description (any language), the phase, a lot's location, an applicant type.
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CallSearch {
    #[serde(default)]
    q: String,
    #[serde(default)]
    status: String,
    #[serde(default)]
    location: String,
    #[serde(default)]
    applicant_type: String,
}

impl CallSearch {
    fn is_empty(&self) -> bool {
        self.q.trim().is_empty()
            && self.status.is_empty()
            && self.location.is_empty()
            && self.applicant_type.is_empty()
    }

    fn matches(&self, call: &Call, lots: &[crate::db::calls::LotRow], phase: CallPhase) -> bool {
        let words = self.q.trim().to_lowercase();
        let r = &call.row;
        let text_ok = words.is_empty()
            || [
                &r.reference,
                &r.title,
                &r.title_kk,
                &r.title_ru,
                &r.description,
                &r.description_kk,
                &r.description_ru,
            ]
            .iter()
            .any(|t| t.to_lowercase().contains(&words))
            || lots.iter().any(|l| {
                [&l.title, &l.title_kk, &l.title_ru]
                    .iter()
                    .any(|t| t.to_lowercase().contains(&words))
            });
        let status_ok = self.status.is_empty()
            || serde_json::to_value(phase)
                .ok()
                .and_then(|v| v.as_str().map(|s| s == self.status))
                .unwrap_or(false);
        let has = |list: &str, value: &str| list.split(',').any(|x| x == value);
        let location_ok =
            self.location.is_empty() || lots.iter().any(|l| has(&l.locations, &self.location));
        let type_ok = self.applicant_type.is_empty()
            || lots
                .iter()
                .any(|l| has(&l.applicant_types, &self.applicant_type));
        text_ok && status_ok && location_ok && type_ok
    }
}

pub async fn index(page: Page, search: web::Query<CallSearch>) -> AppResult<HttpResponse> {
    let search = search.into_inner();
    let list = calls::public_list(&page.state).await?;
    let now = page.state.clock.now();
    let all: Vec<PublicCall> = list
        .iter()
        .map(|l| public_call(&l.call, &l.lots, &l.documents, now, page.lang()))
        .zip(list.iter())
        .filter(|(view, l)| search.matches(&l.call, &l.lots, view.phase))
        .map(|(view, _)| view)
        .collect();
    let mut ctx = tera::Context::new();
    ctx.insert("filtering", &!search.is_empty());
    ctx.insert("found", &all.len());
    ctx.insert("search", &search);
    ctx.insert("locations", &rules::LOCATIONS);
    ctx.insert("applicant_types", &rules::APPLICANT_TYPES);
    for (key, phase) in [
        ("open", CallPhase::Open),
        ("upcoming", CallPhase::Upcoming),
        ("closed", CallPhase::Closed),
        ("cancelled", CallPhase::Cancelled),
    ] {
        ctx.insert(
            key,
            &all.iter().filter(|c| c.phase == phase).collect::<Vec<_>>(),
        );
    }
    page.render("calls/index.html", ctx)
}

#[derive(Serialize)]
struct QaView {
    question: String,
    answer: String,
    published_at: String,
}

pub async fn show(page: Page, path: web::Path<String>) -> AppResult<HttpResponse> {
    render_call(&page, path.into_inner(), StatusCode::OK, "", &[]).await
}

/// The public call page; after a refused question, with the question kept and its error
/// next to it (and in the summary at the top).
async fn render_call(
    page: &Page,
    id: String,
    status: StatusCode,
    question: &str,
    errors: &[FieldError],
) -> AppResult<HttpResponse> {
    let viewer = page.ctx.user.as_ref().map(|u| u.id.clone());
    let d = calls::public_detail(&page.state, id, viewer).await?;
    let now = page.state.clock.now();
    let lang = page.lang();
    let c = &d.call;
    let mut ctx = tera::Context::new();
    ctx.insert("call", &public_call(c, &d.lots, &d.documents, now, lang));
    ctx.insert("texts", &crate::views::calls::CallTexts::build(c, lang));
    ctx.insert("programme_reference", &d.programme_reference);
    ctx.insert("documents", &document_views(&d));
    ctx.insert("corrigenda", &super::calls::corrigenda_shown(lang, &d));
    ctx.insert("manage", &false);
    ctx.insert("is_published", &c.is_published());
    ctx.insert(
        "clarifications",
        &d.clarifications
            .iter()
            .map(|q| QaView {
                question: q.question.clone(),
                answer: q.answer.clone().unwrap_or_default(),
                published_at: q.published_at.map(format_local).unwrap_or_default(),
            })
            .collect::<Vec<_>>(),
    );
    ctx.insert(
        "cancel_reason",
        &c.row
            .cancel_reason
            .as_ref()
            .map(|r| t(lang, &format!("cancel-reason-{r}"))),
    );
    ctx.insert("cancelled_at", &c.row.cancelled_at.map(format_local));
    let role = page.ctx.user.as_ref().map(|u| u.role);
    let may_ask_role = role.is_some_and(|r| role_allows(r, Action::AskClarification));
    let questions_open = c.is_published()
        && c.row
            .deadline
            .is_some_and(|dl| rules::may_ask_question(now, dl, &c.params));
    ctx.insert("questions_open", &questions_open);
    ctx.insert("may_ask", &(may_ask_role && questions_open));
    ctx.insert("signed_in", &page.ctx.user.is_some());
    ctx.insert("is_applicant", &may_ask_role);
    ctx.insert("following", &d.following);
    ctx.insert(
        "may_follow",
        &role.is_some_and(|r| r != crate::domain::access::Role::Auditor),
    );
    ctx.insert(
        "my_pending",
        &d.my_pending
            .iter()
            .map(|q| (q.question.clone(), format::instant_long(lang, q.asked_at)))
            .collect::<Vec<_>>(),
    );
    ctx.insert("how_to_apply", &how_to_apply(lang, c));
    // Applicants start an application here for one of their organisations.
    let may_work_for_organisation =
        role.is_some_and(|r| role_allows(r, Action::WorkForOrganisation));
    let open_now = c.is_published()
        && c.row.deadline.is_some_and(|dl| {
            rules::is_open_for_submission(
                now,
                c.row.opens_at.or(c.row.published_at).unwrap_or(now),
                dl,
            )
        });
    if may_work_for_organisation && open_now {
        let mine = crate::services::organisations::mine(&page.state, &page.actor()).await?;
        let orgs: Vec<(String, String)> = mine
            .memberships
            .iter()
            .filter(|(_, role)| role.may_edit())
            .map(|(o, _)| (o.id.clone(), o.legal_name.clone()))
            .collect();
        ctx.insert("apply_orgs", &orgs);
        ctx.insert("may_apply", &true);
        // Applications already started in this call: continue them rather than start again.
        let started: Vec<(String, String, i32, String)> =
            crate::services::applications::of_person(&page.state, &page.actor())
                .await?
                .into_iter()
                .filter(|p| p.row.call_id == c.row.id)
                .map(|p| (p.row.id, p.row.title, p.lot, p.organisation))
                .collect();
        ctx.insert("started", &started);
    } else {
        ctx.insert("may_apply", &false);
    }
    if let Some(dl) = c.row.deadline {
        ctx.insert(
            "question_cutoff",
            &format::instant_long(lang, rules::question_cutoff(dl, &c.params)),
        );
        ctx.insert(
            "answer_deadline",
            &format::instant_long(lang, rules::answer_deadline(dl, &c.params)),
        );
    }
    ctx.insert(
        "staff_link",
        &role.is_some_and(|r| role_allows(r, Action::ViewProgrammes)),
    );
    ctx.insert("question", question);
    page.show_errors(&mut ctx, errors);
    page.render_status(status, "calls/show.html", ctx)
}

/// How to apply and what comes next, step by step, with this call's dates and rules
/// (CFP-01, CFP-02, CFP-03, CFP-08).
pub fn how_to_apply(lang: Lang, c: &Call) -> Vec<String> {
    let Some(deadline) = c.row.deadline else {
        return Vec::new();
    };
    let when = |t| format::instant_long(lang, t);
    let restricted = c.call_type == rules::CallType::Restricted;
    vec![
        t_args(
            lang,
            "apply-step-read",
            &[
                ("cutoff", when(rules::question_cutoff(deadline, &c.params))),
                ("answers", when(rules::answer_deadline(deadline, &c.params))),
            ],
        ),
        t_args(
            lang,
            if restricted {
                "apply-step-concept-note"
            } else {
                "apply-step-open"
            },
            &[("deadline", when(deadline))],
        ),
        if restricted {
            t_args(
                lang,
                "apply-step-invitation",
                &[("days", c.params.invitation_min_days.to_string())],
            )
        } else {
            t(lang, "apply-step-open-evaluation")
        },
        t(lang, "apply-step-award"),
    ]
}

pub async fn download(page: Page, path: web::Path<(String, String)>) -> AppResult<HttpResponse> {
    let (call_id, doc_id) = path.into_inner();
    let doc = calls::document_for_download(&page.state, &page.actor(), call_id, doc_id).await?;
    send_document(&page, doc).await
}

pub async fn download_corrigendum_document(
    page: Page,
    path: web::Path<(String, i32, String)>,
) -> AppResult<HttpResponse> {
    let (call_id, number, doc_id) = path.into_inner();
    let doc =
        calls::corrigendum_document_for_download(&page.state, call_id, number, doc_id).await?;
    send_document(&page, doc).await
}

/// The call as it was before a corrigendum: the parts the corrigendum could change.
pub async fn earlier_version(
    page: Page,
    path: web::Path<(String, i32)>,
) -> AppResult<HttpResponse> {
    let (call_id, number) = path.into_inner();
    let (call, corrigendum) = calls::earlier_version(&page.state, call_id, number).await?;
    let lang = page.lang();
    let v = &corrigendum.previous;
    let mut ctx = tera::Context::new();
    ctx.insert("call_id", &call.row.id);
    ctx.insert("reference", &call.row.reference);
    ctx.insert("number", &number);
    ctx.insert(
        "published_at",
        &format::instant_long(lang, corrigendum.row.published_at),
    );
    ctx.insert("title", &crate::views::Shown::new(v.title.view(), lang));
    ctx.insert(
        "description",
        &crate::views::Shown::new(v.description.view(), lang),
    );
    ctx.insert(
        "deadline",
        &v.deadline.map(|t| format::instant_long(lang, t)),
    );
    ctx.insert(
        "lots",
        &v.lots
            .iter()
            .map(|l| {
                (
                    l.number,
                    crate::views::Shown::new(l.title.view(), lang),
                    format::money(lang, l.envelope),
                )
            })
            .collect::<Vec<_>>(),
    );
    page.render("calls/earlier.html", ctx)
}

async fn send_document(
    page: &Page,
    doc: crate::db::attachments::AttachmentRow,
) -> AppResult<HttpResponse> {
    let bytes = uploads::read(&page.state, &doc.storage_key).await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, doc.content_type.clone()))
        .insert_header((
            header::CONTENT_DISPOSITION,
            uploads::content_disposition(&doc.file_name),
        ))
        .insert_header((header::CONTENT_SECURITY_POLICY, "sandbox"))
        .insert_header(("x-content-type-options", "nosniff"))
        .insert_header((header::CACHE_CONTROL, "private, max-age=300"))
        .body(bytes))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionForm {
    #[serde(default)]
    question: String,
}

pub async fn ask(
    page: Page,
    path: web::Path<String>,
    form: web::Form<QuestionForm>,
) -> AppResult<HttpResponse> {
    let call_id = path.into_inner();
    let question = form.into_inner().question;
    match calls::ask_question(
        &page.state,
        &page.actor(),
        call_id.clone(),
        question.clone(),
    )
    .await
    {
        Ok(()) => {
            page.flash_near("success", "flash-question-sent", &[], "ask");
            Ok(page.redirect(&format!("/calls/{call_id}#ask")))
        }
        // The question stays in the form, with what to change next to it.
        Err(AppError::Validation(errors)) => {
            render_call(
                &page,
                call_id,
                StatusCode::UNPROCESSABLE_ENTITY,
                &question,
                &errors,
            )
            .await
        }
        Err(AppError::Conflict(key)) => {
            let errors = [FieldError::new("question", key)];
            render_call(&page, call_id, StatusCode::CONFLICT, &question, &errors).await
        }
        Err(e) => Err(e),
    }
}

pub async fn follow(page: Page, path: web::Path<String>) -> AppResult<HttpResponse> {
    let call_id = path.into_inner();
    calls::set_following(&page.state, &page.actor(), call_id.clone(), true).await?;
    page.flash("success", "flash-following");
    Ok(page.redirect(&format!("/calls/{call_id}")))
}

pub async fn unfollow(page: Page, path: web::Path<String>) -> AppResult<HttpResponse> {
    let call_id = path.into_inner();
    calls::set_following(&page.state, &page.actor(), call_id.clone(), false).await?;
    page.flash("success", "flash-unfollowed");
    Ok(page.redirect(&format!("/calls/{call_id}")))
}

#[derive(Serialize)]
struct MyQuestion {
    call_id: String,
    call: crate::views::Shown,
    reference: String,
    question: String,
    asked_at: String,
    answered_at: Option<String>,
    answers_due: Option<String>,
    cancelled: bool,
}

#[derive(Serialize)]
struct MyApplication {
    id: String,
    reference: String,
    lot: i32,
    organisation: String,
    title: String,
    status: String,
    stage_words: String,
    requested: Option<String>,
    deadline: Option<String>,
    time_left: Option<String>,
    /// What to do next, in words.
    next: String,
    urgent: bool,
    updated_at: String,
}

/// The person's own space: the calls they follow and their questions with their status.
pub async fn my_space(page: Page) -> AppResult<HttpResponse> {
    let space = calls::my_space(&page.state, &page.actor()).await?;
    let lang = page.lang();
    let now = page.state.clock.now();
    let followed: Vec<PublicCall> = space
        .followed
        .iter()
        .map(|c| public_call(c, &[], &[], now, lang))
        .collect();
    let questions: Vec<MyQuestion> = space
        .questions
        .iter()
        .map(|(q, c)| MyQuestion {
            call_id: c.row.id.clone(),
            call: crate::views::Shown::new(c.title(), lang),
            reference: c.row.reference.clone(),
            question: q.question.clone(),
            asked_at: format::instant_long(lang, q.asked_at),
            answered_at: q.published_at.map(|t| format::instant_long(lang, t)),
            answers_due: c
                .row
                .deadline
                .map(|d| format::instant_long(lang, rules::answer_deadline(d, &c.params))),
            cancelled: c.status == rules::CallStatus::Cancelled,
        })
        .collect();
    let applications: Vec<MyApplication> =
        if page.actor().require(Action::WorkForOrganisation).is_ok() {
            crate::services::applications::of_person(&page.state, &page.actor())
                .await?
                .into_iter()
                .map(|p| {
                    let now = page.state.clock.now();
                    let open = p.call_published && crate::domain::time::in_time(now, p.deadline);
                    let unsubmitted = p.row.submitted_version != Some(p.row.version);
                    let deadline = p.deadline.map(|d| format::instant_long(lang, d));
                    let next_key = crate::domain::applications::next_step(
                        &p.row.status,
                        &p.row.stage,
                        p.row.invited_at.is_some(),
                        unsubmitted,
                        open,
                    );
                    let seconds_left = p.deadline.map(|d| (d - now).num_seconds());
                    MyApplication {
                        id: p.row.id.clone(),
                        reference: p.reference,
                        lot: p.lot,
                        organisation: p.organisation,
                        title: p.row.title.clone(),
                        status: p.row.status.clone(),
                        stage_words: crate::i18n::t(
                            lang,
                            &format!("application-stage-{}-{}", p.row.stage, p.call_type),
                        ),
                        requested: crate::services::applications::requested_of(&p.row).map(|c| {
                            format::money(lang, crate::domain::money::Money::from_cents(c))
                        }),
                        time_left: seconds_left
                            .filter(|s| open && *s >= 0)
                            .map(|s| time_left(lang, s)),
                        urgent: open
                            && next_key != "next-wait"
                            && seconds_left.is_some_and(|s| s < 7 * 86_400),
                        next: crate::i18n::t_args(
                            lang,
                            next_key,
                            &[("deadline", deadline.clone().unwrap_or_default())],
                        ),
                        deadline,
                        updated_at: format::instant_long(lang, p.row.updated_at),
                    }
                })
                .collect()
        } else {
            Vec::new()
        };
    let mut ctx = tera::Context::new();
    ctx.insert("applications", &applications);
    ctx.insert("followed", &followed);
    ctx.insert("questions", &questions);
    page.render("calls/mine.html", ctx)
}

/// Open calls for the home page.
pub async fn open_calls(page: &Page) -> AppResult<Vec<PublicCall>> {
    let list = calls::public_list(&page.state).await?;
    let now = page.state.clock.now();
    Ok(list
        .iter()
        .map(|l| public_call(&l.call, &l.lots, &l.documents, now, page.lang()))
        .filter(|c| matches!(c.phase, CallPhase::Open | CallPhase::Upcoming))
        .collect())
}
