//! Staff pages for calls: create and edit drafts, lots, grids, guidelines documents,
//! publication with every problem listed, cancellation, and answering clarifications.

use actix_multipart::Multipart;
use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use chrono::NaiveDateTime;
use futures_util::StreamExt;
use serde::{Deserialize, Serialize};

use super::page::Page;
use super::programmes::staff_call_row;
use crate::clock::{format_local, local_date, local_to_utc};
use crate::db::calls::LotRow;
use crate::domain::access::{role_allows, Action};
use crate::domain::calls::{
    self as rules, CallParameters, CallType, LotTerms, APPLICANT_TYPES, CANCEL_REASONS, LOCATIONS,
};
use crate::domain::grids::Grid;
use crate::domain::money::{format_percent, parse_percent, Money};
use crate::domain::FieldError;
use crate::error::{AppError, AppResult};
use crate::i18n::{t, t_args, Lang};
use crate::services::calls::{self, lot_terms, CallDetail, CallInput};
use crate::services::uploads;

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
        .format("%Y-%m-%dT%H:%M")
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

#[derive(Deserialize, Serialize, Default, Clone)]
#[serde(deny_unknown_fields)]
pub struct CallForm {
    #[serde(default)]
    reference: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    call_type: String,
    #[serde(default)]
    opens_at: String,
    #[serde(default)]
    deadline: String,
    #[serde(default)]
    open_min_days: String,
    #[serde(default)]
    open_small_min_days: String,
    #[serde(default)]
    small_grant_max: String,
    #[serde(default)]
    restricted_min_days: String,
    #[serde(default)]
    invitation_min_days: String,
    #[serde(default)]
    question_cutoff_days: String,
    #[serde(default)]
    answer_deadline_days: String,
    #[serde(default)]
    full_application_tolerance_percent: String,
    #[serde(default)]
    max_applications_per_applicant: String,
    #[serde(default)]
    min_assessors: String,
    #[serde(default)]
    divergence_full: String,
    #[serde(default)]
    divergence_concept: String,
    #[serde(default)]
    concept_note_pass_score: String,
    #[serde(default)]
    shortlist_percent: String,
    #[serde(default)]
    capacity_min_score: String,
    #[serde(default)]
    reject_on_capacity_one: Option<String>,
    #[serde(default)]
    selection_mode: String,
}

impl CallForm {
    fn from_params(p: &CallParameters) -> CallForm {
        CallForm {
            call_type: "restricted".into(),
            open_min_days: p.open_min_days.to_string(),
            open_small_min_days: p.open_small_min_days.to_string(),
            small_grant_max: Money::from_cents(p.small_grant_max_cents).format_input(),
            restricted_min_days: p.restricted_min_days.to_string(),
            invitation_min_days: p.invitation_min_days.to_string(),
            question_cutoff_days: p.question_cutoff_days.to_string(),
            answer_deadline_days: p.answer_deadline_days.to_string(),
            full_application_tolerance_percent: p.full_application_tolerance_percent.to_string(),
            max_applications_per_applicant: p
                .max_applications_per_applicant
                .map(|n| n.to_string())
                .unwrap_or_default(),
            min_assessors: p.min_assessors.to_string(),
            divergence_full: p.divergence_full.to_string(),
            divergence_concept: p.divergence_concept.to_string(),
            concept_note_pass_score: p.concept_note_pass_score.to_string(),
            shortlist_percent: p.shortlist_percent.to_string(),
            capacity_min_score: p.capacity_min_score.to_string(),
            reject_on_capacity_one: p.reject_on_capacity_one.then(|| "on".to_string()),
            selection_mode: p.selection_mode.clone(),
            ..CallForm::default()
        }
    }

    fn from_call(c: &calls::Call) -> CallForm {
        CallForm {
            reference: c.row.reference.clone(),
            title: c.row.title.clone(),
            description: c.row.description.clone(),
            call_type: c.row.call_type.clone(),
            opens_at: c.row.opens_at.map(local_input).unwrap_or_default(),
            deadline: c.row.deadline.map(local_input).unwrap_or_default(),
            ..CallForm::from_params(&c.params)
        }
    }

    /// Typed input, or the fields that could not be read.
    fn parse(&self) -> Result<CallInput, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut int = |field: &'static str, value: &str| -> i64 {
            match value.trim().parse::<i64>() {
                Ok(n) if (0..=100_000).contains(&n) => n,
                _ => {
                    errors.push(FieldError::new(field, "error-number-invalid"));
                    0
                }
            }
        };
        let params = CallParameters {
            open_min_days: int("open_min_days", &self.open_min_days),
            open_small_min_days: int("open_small_min_days", &self.open_small_min_days),
            small_grant_max_cents: 0,
            restricted_min_days: int("restricted_min_days", &self.restricted_min_days),
            invitation_min_days: int("invitation_min_days", &self.invitation_min_days),
            question_cutoff_days: int("question_cutoff_days", &self.question_cutoff_days),
            answer_deadline_days: int("answer_deadline_days", &self.answer_deadline_days),
            full_application_tolerance_percent: int(
                "full_application_tolerance_percent",
                &self.full_application_tolerance_percent,
            ),
            max_applications_per_applicant: match self.max_applications_per_applicant.trim() {
                "" => None,
                v => Some(int("max_applications_per_applicant", v)),
            },
            min_assessors: int("min_assessors", &self.min_assessors),
            divergence_full: int("divergence_full", &self.divergence_full),
            divergence_concept: int("divergence_concept", &self.divergence_concept),
            concept_note_pass_score: int("concept_note_pass_score", &self.concept_note_pass_score),
            shortlist_percent: int("shortlist_percent", &self.shortlist_percent),
            capacity_min_score: int("capacity_min_score", &self.capacity_min_score),
            reject_on_capacity_one: self.reject_on_capacity_one.is_some(),
            selection_mode: self.selection_mode.trim().to_string(),
        };
        let mut params = params;
        match Money::parse(&self.small_grant_max) {
            Ok(m) => params.small_grant_max_cents = m.cents(),
            Err(_) => errors.push(FieldError::new("small_grant_max", "error-amount-invalid")),
        }
        for code in rules::check_parameters(&params) {
            errors.push(FieldError::new("parameters", code));
        }
        let opens_at = match self.opens_at.trim() {
            "" => None,
            v => match parse_local_datetime(v) {
                Some(t) => Some(t),
                None => {
                    errors.push(FieldError::new("opens_at", "error-datetime-invalid"));
                    None
                }
            },
        };
        let deadline = match self.deadline.trim() {
            "" => None,
            v => match parse_local_datetime(v) {
                Some(t) => Some(t),
                None => {
                    errors.push(FieldError::new("deadline", "error-datetime-invalid"));
                    None
                }
            },
        };
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(CallInput {
            reference: self.reference.clone(),
            title: self.title.clone(),
            description: self.description.clone(),
            call_type: CallType::parse(&self.call_type),
            opens_at,
            deadline,
            params,
        })
    }
}

fn render_call_form(
    page: &Page,
    status: StatusCode,
    form: &CallForm,
    action: &str,
    errors: &[FieldError],
) -> AppResult<HttpResponse> {
    let mut ctx = tera::Context::new();
    ctx.insert("f", form);
    ctx.insert("action", action);
    ctx.insert("errors", &page.field_errors(errors));
    ctx.insert("param_fields", &PARAM_FIELDS);
    let parameter_errors: Vec<String> = errors
        .iter()
        .filter(|e| e.field == "parameters")
        .map(|e| page.t(e.code))
        .collect();
    ctx.insert("parameter_errors", &parameter_errors);
    page.render_status(status, "manage/call_form.html", ctx)
}

/// Form fields of the call parameters and their labels.
const PARAM_FIELDS: [(&str, &str); 15] = [
    ("restricted_min_days", "param-restricted-min-days"),
    ("open_min_days", "param-open-min-days-plain"),
    ("open_small_min_days", "param-open-small-min-days"),
    ("small_grant_max", "param-small-grant-max"),
    ("invitation_min_days", "param-invitation-min-days"),
    ("question_cutoff_days", "param-question-cutoff"),
    ("answer_deadline_days", "param-answer-deadline"),
    ("concept_note_pass_score", "param-concept-pass"),
    ("shortlist_percent", "param-shortlist"),
    ("min_assessors", "param-assessors"),
    ("divergence_full", "param-divergence-full"),
    ("divergence_concept", "param-divergence-concept"),
    ("capacity_min_score", "param-capacity"),
    ("full_application_tolerance_percent", "param-tolerance"),
    ("max_applications_per_applicant", "param-max-applications"),
];

pub async fn new_form(page: Page, path: web::Path<String>) -> AppResult<HttpResponse> {
    page.actor().require(Action::ManageCalls)?;
    let programme_id = path.into_inner();
    crate::services::programmes::detail(&page.state, programme_id.clone()).await?;
    render_call_form(
        &page,
        StatusCode::OK,
        &CallForm::from_params(&CallParameters::default()),
        &format!("/manage/programmes/{programme_id}/calls"),
        &[],
    )
}

pub async fn create(
    page: Page,
    path: web::Path<String>,
    form: web::Form<CallForm>,
) -> AppResult<HttpResponse> {
    let programme_id = path.into_inner();
    let form = form.into_inner();
    let action = format!("/manage/programmes/{programme_id}/calls");
    let input = match form.parse() {
        Ok(i) => i,
        Err(errors) => {
            return render_call_form(
                &page,
                StatusCode::UNPROCESSABLE_ENTITY,
                &form,
                &action,
                &errors,
            )
        }
    };
    match calls::create(&page.state, &page.actor(), programme_id, input).await {
        Ok(id) => {
            page.flash("success", "flash-call-created");
            Ok(page.redirect(&format!("/manage/calls/{id}")))
        }
        Err(AppError::Validation(errors)) => render_call_form(
            &page,
            StatusCode::UNPROCESSABLE_ENTITY,
            &form,
            &action,
            &errors,
        ),
        Err(e) => Err(e),
    }
}

pub async fn edit_form(page: Page, path: web::Path<String>) -> AppResult<HttpResponse> {
    page.actor().require(Action::ManageCalls)?;
    let id = path.into_inner();
    let d = calls::staff_detail(&page.state, &page.actor(), id.clone()).await?;
    if d.call.status != rules::CallStatus::Draft {
        page.flash("error", "error-call-not-draft");
        return Ok(page.redirect(&format!("/manage/calls/{id}")));
    }
    render_call_form(
        &page,
        StatusCode::OK,
        &CallForm::from_call(&d.call),
        &format!("/manage/calls/{id}"),
        &[],
    )
}

fn conflict_back(page: &Page, e: AppError, to: &str) -> AppResult<HttpResponse> {
    match e {
        AppError::Conflict(key) => {
            page.flash("error", key);
            Ok(page.redirect(to))
        }
        e => Err(e),
    }
}

pub async fn update(
    page: Page,
    path: web::Path<String>,
    form: web::Form<CallForm>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let form = form.into_inner();
    let action = format!("/manage/calls/{id}");
    let input = match form.parse() {
        Ok(i) => i,
        Err(errors) => {
            return render_call_form(
                &page,
                StatusCode::UNPROCESSABLE_ENTITY,
                &form,
                &action,
                &errors,
            )
        }
    };
    match calls::update(&page.state, &page.actor(), id.clone(), input).await {
        Ok(()) => {
            page.flash("success", "flash-call-saved");
            Ok(page.redirect(&action))
        }
        Err(AppError::Validation(errors)) => render_call_form(
            &page,
            StatusCode::UNPROCESSABLE_ENTITY,
            &form,
            &action,
            &errors,
        ),
        Err(e) => conflict_back(&page, e, &action),
    }
}

#[derive(Serialize)]
pub struct LotView {
    pub id: String,
    pub number: i32,
    pub title: String,
    pub envelope: String,
    pub grant_range: String,
    pub share_range: String,
    pub duration_range: String,
    pub applicant_types: Vec<String>,
    pub locations: Vec<String>,
}

pub fn lot_view(l: &LotRow, lang: Lang) -> LotView {
    let terms = lot_terms(l);
    LotView {
        id: l.id.clone(),
        number: l.number,
        title: l.title.clone(),
        envelope: terms.envelope.to_string(),
        grant_range: format!("{} – {}", terms.min_grant, terms.max_grant),
        share_range: format!(
            "{}% – {}%",
            format_percent(terms.min_eu_share_bp),
            format_percent(terms.max_eu_share_bp)
        ),
        duration_range: t_args(
            lang,
            "months-range",
            &[
                ("min", terms.min_duration_months.to_string()),
                ("max", terms.max_duration_months.to_string()),
            ],
        ),
        applicant_types: terms
            .applicant_types
            .iter()
            .map(|a| t(lang, &format!("applicant-type-{a}")))
            .collect(),
        locations: terms
            .locations
            .iter()
            .map(|a| t(lang, &format!("location-{a}")))
            .collect(),
    }
}

#[derive(Serialize)]
pub struct DocumentView {
    pub id: String,
    pub language: String,
    pub language_name: String,
    pub authentic: bool,
    pub title: String,
    pub file_name: String,
    pub size: String,
    pub sha256: String,
}

pub fn document_views(d: &CallDetail) -> Vec<DocumentView> {
    d.documents
        .iter()
        .map(|doc| DocumentView {
            id: doc.id.clone(),
            language: doc.language.clone(),
            language_name: Lang::parse(&doc.language)
                .map(|l| l.native_name())
                .unwrap_or("")
                .to_string(),
            authentic: doc.language == "en",
            title: doc.title.clone(),
            file_name: doc.file_name.clone(),
            size: if doc.size_bytes < 1_048_576 {
                format!("{} KB", (doc.size_bytes + 1023) / 1024)
            } else {
                format!("{:.1} MB", doc.size_bytes as f64 / 1_048_576.0)
            },
            sha256: doc.sha256.clone(),
        })
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
    title: String,
    weight: i64,
    max: i64,
}

#[derive(Serialize)]
struct SectionView {
    code: String,
    title: String,
    max: i64,
    carried_over: bool,
    criteria: Vec<CriterionView>,
}

#[derive(Serialize)]
struct GridView {
    max: i64,
    sections: Vec<SectionView>,
}

fn grid_view(g: &Grid) -> GridView {
    GridView {
        max: g.max_score(),
        sections: g
            .sections
            .iter()
            .map(|s| SectionView {
                code: s.code.clone(),
                title: s.title.clone(),
                max: s.max_score(),
                carried_over: s.carried_over,
                criteria: s
                    .criteria
                    .iter()
                    .map(|c| CriterionView {
                        code: c.code.clone(),
                        title: c.title.clone(),
                        weight: c.weight,
                        max: c.weight * crate::domain::grids::MAX_SCORE,
                    })
                    .collect(),
            })
            .collect(),
    }
}

pub async fn show(page: Page, path: web::Path<String>) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let d = calls::staff_detail(&page.state, &page.actor(), id.clone()).await?;
    let problems = calls::publish_problems(&page.state, id.clone()).await?;
    let now = page.state.clock.now();
    let lang = page.lang();
    let c = &d.call;
    let mut ctx = tera::Context::new();
    ctx.insert(
        "call",
        &staff_call_row(
            c,
            d.clarifications
                .iter()
                .filter(|q| q.published_at.is_none())
                .count() as i64,
            local_date(now),
        ),
    );
    ctx.insert("description", &c.row.description);
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
    ctx.insert("cancel_explanation", &c.row.cancel_explanation);
    ctx.insert(
        "lots",
        &d.lots.iter().map(|l| lot_view(l, lang)).collect::<Vec<_>>(),
    );
    ctx.insert("documents", &document_views(&d));
    ctx.insert(
        "grids",
        &vec![
            ("grid-concept", grid_view(&c.concept_grid)),
            ("grid-full", grid_view(&c.full_grid)),
        ],
    );
    ctx.insert("params", &c.params);
    ctx.insert(
        "small_grant_max",
        &Money::from_cents(c.params.small_grant_max_cents).to_string(),
    );
    ctx.insert(
        "problems",
        &problems
            .iter()
            .map(|p| problem_text(lang, p))
            .collect::<Vec<_>>(),
    );
    let deadline = c.row.deadline;
    let views: Vec<ClarificationView> = d
        .clarifications
        .iter()
        .map(|q| ClarificationView {
            id: q.id.clone(),
            question: q.question.clone(),
            asked_at: format_local(q.asked_at),
            asker: d.askers.get(&q.asked_by).cloned().unwrap_or_default(),
            answer: q.answer.clone(),
            published_at: q.published_at.map(format_local),
            in_time: match (q.published_at, deadline) {
                (Some(p), Some(dl)) => Some(rules::answered_in_time(p, dl, &c.params)),
                _ => None,
            },
        })
        .collect();
    let all_in_time = views.iter().all(|v| v.in_time != Some(false));
    let any_published = views.iter().any(|v| v.published_at.is_some());
    ctx.insert("clarifications", &views);
    ctx.insert("answers_all_in_time", &(all_in_time && any_published));
    ctx.insert(
        "answers_late",
        &views.iter().filter(|v| v.in_time == Some(false)).count(),
    );
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
    ctx.insert("can_manage", &can(&page, Action::ManageCalls));
    ctx.insert("can_answer", &can(&page, Action::AnswerClarifications));
    ctx.insert(
        "languages",
        &Lang::ALL
            .iter()
            .map(|l| (l.code(), l.native_name()))
            .collect::<Vec<_>>(),
    );
    ctx.insert("max_upload_mb", &(uploads::MAX_DOCUMENT_BYTES / 1_048_576));
    page.render("manage/call.html", ctx)
}

#[derive(Deserialize, Serialize, Default, Clone)]
#[serde(deny_unknown_fields)]
pub struct LotForm {
    #[serde(default)]
    number: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    envelope: String,
    #[serde(default)]
    min_grant: String,
    #[serde(default)]
    max_grant: String,
    #[serde(default)]
    min_eu_share: String,
    #[serde(default)]
    max_eu_share: String,
    #[serde(default)]
    min_duration: String,
    #[serde(default)]
    max_duration: String,
    #[serde(default)]
    type_ngo: Option<String>,
    #[serde(default)]
    type_local_authority: Option<String>,
    #[serde(default)]
    type_research_institute: Option<String>,
    #[serde(default)]
    type_international_organisation: Option<String>,
    #[serde(default)]
    type_other: Option<String>,
    #[serde(default)]
    loc_mangystau: Option<String>,
    #[serde(default)]
    loc_kyzylorda: Option<String>,
    #[serde(default)]
    loc_east_kazakhstan: Option<String>,
    #[serde(default)]
    loc_national: Option<String>,
    #[serde(default)]
    envelope_position: String,
}

impl LotForm {
    fn from_terms(t: &LotTerms) -> LotForm {
        let has = |list: &[String], v: &str| list.iter().any(|x| x == v).then(|| "on".to_string());
        LotForm {
            number: t.number.to_string(),
            title: t.title.clone(),
            envelope: t.envelope.format_input(),
            min_grant: t.min_grant.format_input(),
            max_grant: t.max_grant.format_input(),
            min_eu_share: format_percent(t.min_eu_share_bp),
            max_eu_share: format_percent(t.max_eu_share_bp),
            min_duration: t.min_duration_months.to_string(),
            max_duration: t.max_duration_months.to_string(),
            type_ngo: has(&t.applicant_types, "ngo"),
            type_local_authority: has(&t.applicant_types, "local_authority"),
            type_research_institute: has(&t.applicant_types, "research_institute"),
            type_international_organisation: has(&t.applicant_types, "international_organisation"),
            type_other: has(&t.applicant_types, "other"),
            loc_mangystau: has(&t.locations, "mangystau"),
            loc_kyzylorda: has(&t.locations, "kyzylorda"),
            loc_east_kazakhstan: has(&t.locations, "east_kazakhstan"),
            loc_national: has(&t.locations, "national"),
            envelope_position: t
                .envelope_position
                .map(|p| p.to_string())
                .unwrap_or_default(),
        }
    }

    fn parse(&self) -> Result<LotTerms, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut money = |field: &'static str, v: &str| {
            Money::parse(v).unwrap_or_else(|_| {
                errors.push(FieldError::new(field, "error-amount-invalid"));
                Money::ZERO
            })
        };
        let envelope = money("envelope", &self.envelope);
        let min_grant = money("min_grant", &self.min_grant);
        let max_grant = money("max_grant", &self.max_grant);
        let mut percent = |field: &'static str, v: &str| {
            parse_percent(v).unwrap_or_else(|| {
                errors.push(FieldError::new(field, "error-percent-invalid"));
                0
            })
        };
        let min_eu_share_bp = percent("min_eu_share", &self.min_eu_share);
        let max_eu_share_bp = percent("max_eu_share", &self.max_eu_share);
        let mut int = |field: &'static str, v: &str| {
            v.trim()
                .parse::<i64>()
                .ok()
                .filter(|n| (0..=1000).contains(n))
                .unwrap_or_else(|| {
                    errors.push(FieldError::new(field, "error-number-invalid"));
                    0
                })
        };
        let number = int("number", &self.number) as i32;
        let min_duration_months = int("min_duration", &self.min_duration);
        let max_duration_months = int("max_duration", &self.max_duration);
        let pick = |pairs: &[(&Option<String>, &str)]| {
            pairs
                .iter()
                .filter(|(v, _)| v.is_some())
                .map(|(_, n)| n.to_string())
                .collect::<Vec<_>>()
        };
        let applicant_types = pick(&[
            (&self.type_ngo, APPLICANT_TYPES[0]),
            (&self.type_local_authority, APPLICANT_TYPES[1]),
            (&self.type_research_institute, APPLICANT_TYPES[2]),
            (&self.type_international_organisation, APPLICANT_TYPES[3]),
            (&self.type_other, APPLICANT_TYPES[4]),
        ]);
        let locations = pick(&[
            (&self.loc_mangystau, LOCATIONS[0]),
            (&self.loc_kyzylorda, LOCATIONS[1]),
            (&self.loc_east_kazakhstan, LOCATIONS[2]),
            (&self.loc_national, LOCATIONS[3]),
        ]);
        if !errors.is_empty() {
            return Err(errors);
        }
        let envelope_position = self.envelope_position.trim().parse::<i32>().ok();
        Ok(LotTerms {
            envelope_position,
            number,
            title: self.title.trim().to_string(),
            envelope,
            min_grant,
            max_grant,
            min_eu_share_bp,
            max_eu_share_bp,
            min_duration_months,
            max_duration_months,
            applicant_types,
            locations,
        })
    }
}

async fn render_lot_form(
    page: &Page,
    status: StatusCode,
    call_id: &str,
    lot_id: Option<&str>,
    form: &LotForm,
    errors: &[FieldError],
) -> AppResult<HttpResponse> {
    let d = calls::staff_detail(&page.state, &page.actor(), call_id.to_string()).await?;
    let programme =
        crate::services::programmes::detail(&page.state, d.call.row.programme_id.clone()).await?;
    let envelopes: Vec<(String, String, String)> = programme
        .envelopes
        .iter()
        .map(|e| {
            (
                e.position.to_string(),
                e.label.clone(),
                Money::from_cents(e.amount_cents).to_string(),
            )
        })
        .collect();
    let mut ctx = tera::Context::new();
    ctx.insert("envelopes", &envelopes);
    ctx.insert("f", form);
    ctx.insert("call_id", call_id);
    ctx.insert("lot_id", &lot_id);
    ctx.insert("errors", &page.field_errors(errors));
    ctx.insert("applicant_types", &APPLICANT_TYPES);
    ctx.insert("locations", &LOCATIONS);
    page.render_status(status, "manage/lot_form.html", ctx)
}

pub async fn new_lot_form(page: Page, path: web::Path<String>) -> AppResult<HttpResponse> {
    page.actor().require(Action::ManageCalls)?;
    let call_id = path.into_inner();
    let d = calls::staff_detail(&page.state, &page.actor(), call_id.clone()).await?;
    let next = d.lots.iter().map(|l| l.number).max().unwrap_or(0) + 1;
    let mut terms = rules::default_lots().remove(0);
    terms.number = next;
    terms.title = String::new();
    render_lot_form(
        &page,
        StatusCode::OK,
        &call_id,
        None,
        &LotForm::from_terms(&terms),
        &[],
    )
    .await
}

pub async fn edit_lot_form(
    page: Page,
    path: web::Path<(String, String)>,
) -> AppResult<HttpResponse> {
    page.actor().require(Action::ManageCalls)?;
    let (call_id, lot_id) = path.into_inner();
    let d = calls::staff_detail(&page.state, &page.actor(), call_id.clone()).await?;
    let lot = d
        .lots
        .iter()
        .find(|l| l.id == lot_id)
        .ok_or(AppError::NotFound)?;
    render_lot_form(
        &page,
        StatusCode::OK,
        &call_id,
        Some(&lot_id),
        &LotForm::from_terms(&lot_terms(lot)),
        &[],
    )
    .await
}

async fn save_lot(
    page: Page,
    call_id: String,
    lot_id: Option<String>,
    form: LotForm,
) -> AppResult<HttpResponse> {
    let back = format!("/manage/calls/{call_id}");
    let terms = match form.parse() {
        Ok(t) => t,
        Err(errors) => {
            return render_lot_form(
                &page,
                StatusCode::UNPROCESSABLE_ENTITY,
                &call_id,
                lot_id.as_deref(),
                &form,
                &errors,
            )
            .await
        }
    };
    match calls::save_lot(
        &page.state,
        &page.actor(),
        call_id.clone(),
        lot_id.clone(),
        terms,
    )
    .await
    {
        Ok(_) => {
            page.flash("success", "flash-lot-saved");
            Ok(page.redirect(&format!("{back}#lots")))
        }
        Err(AppError::Validation(errors)) => {
            render_lot_form(
                &page,
                StatusCode::UNPROCESSABLE_ENTITY,
                &call_id,
                lot_id.as_deref(),
                &form,
                &errors,
            )
            .await
        }
        Err(e) => conflict_back(&page, e, &back),
    }
}

pub async fn create_lot(
    page: Page,
    path: web::Path<String>,
    form: web::Form<LotForm>,
) -> AppResult<HttpResponse> {
    save_lot(page, path.into_inner(), None, form.into_inner()).await
}

pub async fn update_lot(
    page: Page,
    path: web::Path<(String, String)>,
    form: web::Form<LotForm>,
) -> AppResult<HttpResponse> {
    let (call_id, lot_id) = path.into_inner();
    save_lot(page, call_id, Some(lot_id), form.into_inner()).await
}

pub async fn delete_lot(page: Page, path: web::Path<(String, String)>) -> AppResult<HttpResponse> {
    let (call_id, lot_id) = path.into_inner();
    let back = format!("/manage/calls/{call_id}");
    match calls::delete_lot(&page.state, &page.actor(), call_id, lot_id).await {
        Ok(()) => {
            page.flash("success", "flash-lot-deleted");
            Ok(page.redirect(&format!("{back}#lots")))
        }
        Err(e) => conflict_back(&page, e, &back),
    }
}

#[derive(Deserialize, Serialize, Default)]
#[serde(deny_unknown_fields)]
pub struct GridsForm {
    #[serde(default)]
    concept_note_grid: String,
    #[serde(default)]
    full_application_grid: String,
}

fn render_grids(
    page: &Page,
    status: StatusCode,
    call_id: &str,
    form: &GridsForm,
    errors: &[FieldError],
    line_errors: &[(String, String)],
) -> AppResult<HttpResponse> {
    let mut ctx = tera::Context::new();
    ctx.insert("f", form);
    ctx.insert("call_id", call_id);
    ctx.insert(
        "grid_fields",
        &[
            ("concept_note_grid", "grid-concept"),
            ("full_application_grid", "grid-full"),
        ],
    );
    ctx.insert("errors", &page.field_errors(errors));
    ctx.insert(
        "line_errors",
        &line_errors
            .iter()
            .cloned()
            .collect::<std::collections::HashMap<_, _>>(),
    );
    page.render_status(status, "manage/grids.html", ctx)
}

pub async fn grids_form(page: Page, path: web::Path<String>) -> AppResult<HttpResponse> {
    page.actor().require(Action::ManageCalls)?;
    let call_id = path.into_inner();
    let d = calls::staff_detail(&page.state, &page.actor(), call_id.clone()).await?;
    let form = GridsForm {
        concept_note_grid: d.call.concept_grid.to_text(),
        full_application_grid: d.call.full_grid.to_text(),
    };
    render_grids(&page, StatusCode::OK, &call_id, &form, &[], &[])
}

pub async fn update_grids(
    page: Page,
    path: web::Path<String>,
    form: web::Form<GridsForm>,
) -> AppResult<HttpResponse> {
    let call_id = path.into_inner();
    let form = form.into_inner();
    let mut line_errors = Vec::new();
    let mut parse = |field: &str, text: &str| match Grid::parse_text(text) {
        Ok(g) => {
            if let Some(code) = g.problems().first() {
                line_errors.push((field.to_string(), page.t(code)));
            }
            Some(g)
        }
        Err(e) => {
            line_errors.push((
                field.to_string(),
                t_args(page.lang(), e.code, &[("line", e.line.to_string())]),
            ));
            None
        }
    };
    let concept = parse("concept_note_grid", &form.concept_note_grid);
    let full = parse("full_application_grid", &form.full_application_grid);
    let (Some(concept), Some(full)) = (concept, full) else {
        return render_grids(
            &page,
            StatusCode::UNPROCESSABLE_ENTITY,
            &call_id,
            &form,
            &[],
            &line_errors,
        );
    };
    if !line_errors.is_empty() {
        return render_grids(
            &page,
            StatusCode::UNPROCESSABLE_ENTITY,
            &call_id,
            &form,
            &[],
            &line_errors,
        );
    }
    let back = format!("/manage/calls/{call_id}");
    match calls::update_grids(&page.state, &page.actor(), call_id.clone(), concept, full).await {
        Ok(()) => {
            page.flash("success", "flash-grids-saved");
            Ok(page.redirect(&format!("{back}#grids")))
        }
        Err(e) => conflict_back(&page, e, &back),
    }
}

/// Multipart upload of a guidelines document: language, title and the file.
pub async fn upload_document(
    page: Page,
    path: web::Path<String>,
    mut payload: Multipart,
) -> AppResult<HttpResponse> {
    page.actor().require(Action::ManageCalls)?;
    let call_id = path.into_inner();
    let back = format!("/manage/calls/{call_id}#documents");
    let mut language = None;
    let mut title = String::new();
    let mut file: Option<(String, Vec<u8>)> = None;
    while let Some(field) = payload.next().await {
        let mut field = field.map_err(|_| AppError::BadRequest("error-invalid-form"))?;
        let name = field.name().unwrap_or("").to_string();
        let file_name = field
            .content_disposition()
            .and_then(|cd| cd.get_filename())
            .map(str::to_string);
        let limit = if name == "file" {
            uploads::MAX_DOCUMENT_BYTES + 1
        } else {
            4096
        };
        let mut data = Vec::new();
        while let Some(chunk) = field.next().await {
            let chunk = chunk.map_err(|_| AppError::BadRequest("error-invalid-form"))?;
            if data.len() + chunk.len() > limit {
                page.flash(
                    "error",
                    if name == "file" {
                        "error-upload-too-large"
                    } else {
                        "error-invalid-form"
                    },
                );
                return Ok(page.redirect(&back));
            }
            data.extend_from_slice(&chunk);
        }
        match name.as_str() {
            "language" => language = Lang::parse(String::from_utf8_lossy(&data).trim()),
            "title" => title = String::from_utf8_lossy(&data).to_string(),
            "file" => file = Some((file_name.unwrap_or_default(), data)),
            // Unknown fields are refused, as in every form.
            _ => return Err(AppError::BadRequest("error-invalid-form")),
        }
    }
    let (Some(language), Some((file_name, bytes))) = (language, file) else {
        page.flash("error", "error-upload-missing");
        return Ok(page.redirect(&back));
    };
    let checked = match uploads::check_document(&file_name, bytes) {
        Ok(c) => c,
        Err(AppError::Validation(e)) => {
            page.flash("error", e[0].code);
            return Ok(page.redirect(&back));
        }
        Err(e) => return Err(e),
    };
    match calls::add_document(
        &page.state,
        &page.actor(),
        call_id.clone(),
        checked,
        language,
        title,
    )
    .await
    {
        Ok(()) => {
            page.flash("success", "flash-document-added");
            Ok(page.redirect(&back))
        }
        Err(AppError::Validation(e)) => {
            page.flash("error", e[0].code);
            Ok(page.redirect(&back))
        }
        Err(e) => conflict_back(&page, e, &back),
    }
}

pub async fn remove_document(
    page: Page,
    path: web::Path<(String, String)>,
) -> AppResult<HttpResponse> {
    let (call_id, doc_id) = path.into_inner();
    let back = format!("/manage/calls/{call_id}#documents");
    match calls::remove_document(&page.state, &page.actor(), call_id, doc_id).await {
        Ok(()) => {
            page.flash("success", "flash-document-removed");
            Ok(page.redirect(&back))
        }
        Err(e) => conflict_back(&page, e, &back),
    }
}

/// A publication problem in the reader's language (grid names translated too).
fn problem_text(lang: Lang, p: &rules::PublishProblem) -> String {
    let args: Vec<(&str, String)> = p
        .args
        .iter()
        .map(|(k, v)| match *k {
            "grid" => (*k, t(lang, &format!("grid-{v}"))),
            _ => (*k, v.clone()),
        })
        .collect();
    t_args(lang, p.code, &args)
}

pub async fn publish(page: Page, path: web::Path<String>) -> AppResult<HttpResponse> {
    let call_id = path.into_inner();
    let back = format!("/manage/calls/{call_id}");
    match calls::publish(&page.state, &page.actor(), call_id).await {
        Ok(Ok(())) => {
            page.flash("success", "flash-call-published");
            Ok(page.redirect(&back))
        }
        Ok(Err(problems)) => {
            page.flash_text(
                "error",
                t_args(
                    page.lang(),
                    "flash-call-not-published",
                    &[("count", problems.len().to_string())],
                ),
            );
            for p in problems {
                page.flash_text("error", problem_text(page.lang(), &p));
            }
            Ok(page.redirect(&back))
        }
        Err(e) => conflict_back(&page, e, &back),
    }
}

#[derive(Deserialize, Serialize, Default)]
#[serde(deny_unknown_fields)]
pub struct CancelForm {
    #[serde(default)]
    reason: String,
    #[serde(default)]
    explanation: String,
}

fn render_cancel(
    page: &Page,
    status: StatusCode,
    call_id: &str,
    reference: &str,
    form: &CancelForm,
    errors: &[FieldError],
) -> AppResult<HttpResponse> {
    let mut ctx = tera::Context::new();
    ctx.insert("f", form);
    ctx.insert("call_id", call_id);
    ctx.insert("reference", reference);
    ctx.insert("reasons", &CANCEL_REASONS);
    ctx.insert("errors", &page.field_errors(errors));
    page.render_status(status, "manage/cancel.html", ctx)
}

pub async fn cancel_form(page: Page, path: web::Path<String>) -> AppResult<HttpResponse> {
    page.actor().require(Action::ManageCalls)?;
    let call_id = path.into_inner();
    let d = calls::staff_detail(&page.state, &page.actor(), call_id.clone()).await?;
    render_cancel(
        &page,
        StatusCode::OK,
        &call_id,
        &d.call.row.reference,
        &CancelForm::default(),
        &[],
    )
}

pub async fn cancel(
    page: Page,
    path: web::Path<String>,
    form: web::Form<CancelForm>,
) -> AppResult<HttpResponse> {
    let call_id = path.into_inner();
    let form = form.into_inner();
    let back = format!("/manage/calls/{call_id}");
    match calls::cancel(
        &page.state,
        &page.actor(),
        call_id.clone(),
        form.reason.clone(),
        form.explanation.clone(),
    )
    .await
    {
        Ok(()) => {
            page.flash("success", "flash-call-cancelled");
            Ok(page.redirect(&back))
        }
        Err(AppError::Validation(errors)) => {
            let d = calls::staff_detail(&page.state, &page.actor(), call_id.clone()).await?;
            render_cancel(
                &page,
                StatusCode::UNPROCESSABLE_ENTITY,
                &call_id,
                &d.call.row.reference,
                &form,
                &errors,
            )
        }
        Err(e) => conflict_back(&page, e, &back),
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnswerForm {
    #[serde(default)]
    answer: String,
}

pub async fn answer(
    page: Page,
    path: web::Path<(String, String)>,
    form: web::Form<AnswerForm>,
) -> AppResult<HttpResponse> {
    let (call_id, clarification_id) = path.into_inner();
    let back = format!("/manage/calls/{call_id}#clarifications");
    match calls::answer_question(
        &page.state,
        &page.actor(),
        call_id,
        clarification_id,
        form.into_inner().answer,
    )
    .await
    {
        Ok(()) => {
            page.flash("success", "flash-answer-published");
            Ok(page.redirect(&back))
        }
        Err(AppError::Validation(e)) => {
            page.flash("error", e[0].code);
            Ok(page.redirect(&back))
        }
        Err(e) => conflict_back(&page, e, &back),
    }
}
