//! The call form: identity, dates and the rules of the call (every (param)).

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use serde::{Deserialize, Serialize};

use super::{conflict_back, local_input, parse_local_datetime};
use crate::domain::access::Action;
use crate::domain::calls::{self as rules, CallParameters, CallType};
use crate::domain::grids::SectionRole;
use crate::domain::money::Money;
use crate::domain::FieldError;
use crate::error::{AppError, AppResult};
use crate::i18n::{t, t_args};
use crate::services::calls::{self, CallInput};
use crate::views::format;
use crate::web::confirm::{self, Confirmation};
use crate::web::page::Page;

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
    max_applications_per_lot: String,
    #[serde(default)]
    verification_final_above: String,
    #[serde(default)]
    verification_yearly_from: String,
    #[serde(default)]
    transfer_notification_percent: String,
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
    #[serde(default)]
    tie_break: String,
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
            max_applications_per_lot: p
                .max_applications_per_lot
                .map(|n| n.to_string())
                .unwrap_or_default(),
            verification_final_above: Money::from_cents(p.verification_final_above_cents)
                .format_input(),
            verification_yearly_from: Money::from_cents(p.verification_yearly_from_cents)
                .format_input(),
            transfer_notification_percent: p.transfer_notification_percent.to_string(),
            min_assessors: p.min_assessors.to_string(),
            divergence_full: p.divergence_full.to_string(),
            divergence_concept: p.divergence_concept.to_string(),
            concept_note_pass_score: p.concept_note_pass_score.to_string(),
            shortlist_percent: p.shortlist_percent.to_string(),
            capacity_min_score: p.capacity_min_score.to_string(),
            reject_on_capacity_one: p.reject_on_capacity_one.then(|| "on".to_string()),
            selection_mode: p.selection_mode.clone(),
            tie_break: tie_break_text(&p.tie_break),
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
            max_applications_per_lot: match self.max_applications_per_lot.trim() {
                "" => None,
                v => Some(int("max_applications_per_lot", v)),
            },
            verification_final_above_cents: 0,
            verification_yearly_from_cents: 0,
            // Left empty: the programme's default.
            transfer_notification_percent: match self.transfer_notification_percent.trim() {
                "" => CallParameters::default().transfer_notification_percent,
                v => int("transfer_notification_percent", v),
            },
            min_assessors: int("min_assessors", &self.min_assessors),
            divergence_full: int("divergence_full", &self.divergence_full),
            divergence_concept: int("divergence_concept", &self.divergence_concept),
            concept_note_pass_score: int("concept_note_pass_score", &self.concept_note_pass_score),
            shortlist_percent: int("shortlist_percent", &self.shortlist_percent),
            capacity_min_score: int("capacity_min_score", &self.capacity_min_score),
            reject_on_capacity_one: self.reject_on_capacity_one.is_some(),
            selection_mode: self.selection_mode.trim().to_string(),
            tie_break: Vec::new(),
        };
        let mut params = params;
        match parse_tie_break(&self.tie_break) {
            Some(order) => params.tie_break = order,
            None => errors.push(FieldError::new("tie_break", "publish-problem-tie-break")),
        }
        match Money::parse(&self.small_grant_max) {
            Ok(m) => params.small_grant_max_cents = m.cents(),
            Err(_) => errors.push(FieldError::new("small_grant_max", "error-amount-invalid")),
        }
        let defaults = CallParameters::default();
        for (field, typed, default, target) in [
            (
                "verification_final_above",
                &self.verification_final_above,
                defaults.verification_final_above_cents,
                &mut params.verification_final_above_cents,
            ),
            (
                "verification_yearly_from",
                &self.verification_yearly_from,
                defaults.verification_yearly_from_cents,
                &mut params.verification_yearly_from_cents,
            ),
        ] {
            match typed.trim() {
                "" => *target = default,
                v => match Money::parse(v) {
                    Ok(m) => *target = m.cents(),
                    Err(_) => errors.push(FieldError::new(field, "error-amount-invalid")),
                },
            }
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
            params: Some(params),
        })
    }
}

/// GRD-06 tie-break orders offered by the form.
pub const TIE_BREAK_CHOICES: [&str; 4] = [
    "relevance,capacity",
    "capacity,relevance",
    "relevance",
    "capacity",
];

fn tie_break_text(order: &[SectionRole]) -> String {
    order
        .iter()
        .map(|r| r.as_str())
        .collect::<Vec<_>>()
        .join(",")
}

fn parse_tie_break(text: &str) -> Option<Vec<SectionRole>> {
    if !TIE_BREAK_CHOICES.contains(&text.trim()) {
        return None;
    }
    text.trim()
        .split(',')
        .map(|r| match r {
            "relevance" => Some(SectionRole::Relevance),
            "capacity" => Some(SectionRole::Capacity),
            _ => None,
        })
        .collect()
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
    page.show_errors(&mut ctx, errors);
    // The instants typed, said back in words and Almaty time, so that a wrong day or
    // hour is seen before the call goes out.
    let words =
        |text: &str| parse_local_datetime(text).map(|t| format::instant_long(page.lang(), t));
    ctx.insert("opens_words", &words(&form.opens_at));
    ctx.insert("deadline_words", &words(&form.deadline));
    ctx.insert("param_fields", &PARAM_FIELDS);
    ctx.insert("tie_break_choices", &TIE_BREAK_CHOICES);
    let parameter_errors: Vec<String> = errors
        .iter()
        .filter(|e| e.field == "parameters")
        .map(|e| page.t(e.code))
        .collect();
    ctx.insert("parameter_errors", &parameter_errors);
    page.render_status(status, "manage/call_form.html", ctx)
}

/// Form fields of the call parameters and their labels.
const PARAM_FIELDS: [(&str, &str); 19] = [
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
    ("max_applications_per_lot", "param-max-applications-lot"),
    ("verification_final_above", "param-verification-final"),
    ("verification_yearly_from", "param-verification-yearly"),
    ("transfer_notification_percent", "param-transfer-percent"),
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

/// Reads the form into the typed command and runs the service with it; a problem with
/// either shows the form again with every field error.
async fn submit<T, Fut>(
    page: &Page,
    form: &CallForm,
    action: &str,
    run: impl FnOnce(CallInput) -> Fut,
) -> AppResult<Result<T, HttpResponse>>
where
    Fut: std::future::Future<Output = AppResult<T>>,
{
    let invalid = |errors: &[FieldError]| {
        render_call_form(page, StatusCode::UNPROCESSABLE_ENTITY, form, action, errors).map(Err)
    };
    let input = match form.parse() {
        Ok(i) => i,
        Err(errors) => return invalid(&errors),
    };
    match run(input).await {
        Ok(value) => Ok(Ok(value)),
        Err(AppError::Validation(errors)) => invalid(&errors),
        Err(e) => Err(e),
    }
}

pub async fn create(
    page: Page,
    path: web::Path<String>,
    form: web::Form<CallForm>,
) -> AppResult<HttpResponse> {
    let programme_id = path.into_inner();
    let form = form.into_inner();
    let action = format!("/manage/programmes/{programme_id}/calls");
    let (state, actor) = (page.state.clone(), page.actor());
    match submit(&page, &form, &action, |input| {
        calls::create(&state, &actor, programme_id, input)
    })
    .await?
    {
        Ok(id) => {
            page.flash("success", "flash-call-created");
            Ok(page.redirect(&format!("/manage/calls/{id}")))
        }
        Err(form_again) => Ok(form_again),
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

pub async fn update(
    page: Page,
    path: web::Path<String>,
    form: web::Form<CallForm>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let form = form.into_inner();
    let action = format!("/manage/calls/{id}");
    let (state, actor) = (page.state.clone(), page.actor());
    let result = submit(&page, &form, &action, |input| {
        calls::update(&state, &actor, id.clone(), input)
    })
    .await;
    match result {
        Ok(Ok(())) => {
            page.flash("success", "flash-call-saved");
            Ok(page.redirect(&action))
        }
        Ok(Err(form_again)) => Ok(form_again),
        Err(e) => conflict_back(&page, e, &action),
    }
}

/// Before deleting a draft: what goes with it.
pub async fn confirm_delete(page: Page, path: web::Path<String>) -> AppResult<HttpResponse> {
    page.actor().require(Action::ManageCalls)?;
    let id = path.into_inner();
    let d = calls::staff_detail(&page.state, &page.actor(), id.clone()).await?;
    let back = format!("/manage/calls/{id}");
    if d.call.status != rules::CallStatus::Draft {
        page.flash("error", "error-call-not-draft");
        return Ok(page.redirect(&back));
    }
    let lang = page.lang();
    confirm::render(
        &page,
        &Confirmation {
            title: t(lang, "call-delete-title"),
            intro: t_args(
                lang,
                "call-delete-intro",
                &[
                    ("reference", d.call.row.reference.clone()),
                    ("title", d.call.row.title.clone()),
                ],
            ),
            consequences: vec![
                t_args(
                    lang,
                    "call-delete-effect-content",
                    &[
                        ("lots", d.lots.len().to_string()),
                        ("documents", d.documents.len().to_string()),
                    ],
                ),
                t(lang, "call-delete-effect-audit"),
            ],
            preview: None,
            action: format!("/manage/calls/{id}/delete"),
            hidden: Vec::new(),
            button: t(lang, "call-delete-button"),
            danger: true,
            back,
            edit: None,
        },
    )
}

pub async fn delete(page: Page, path: web::Path<String>) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    match calls::delete_draft(&page.state, &page.actor(), id.clone()).await {
        Ok(programme_id) => {
            page.flash("success", "flash-call-deleted");
            Ok(page.redirect(&format!("/manage/programmes/{programme_id}")))
        }
        Err(e) => conflict_back(&page, e, &format!("/manage/calls/{id}")),
    }
}
