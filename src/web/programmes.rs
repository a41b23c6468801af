//! Staff pages for programmes: list, create, edit, amendments, and the timeline drawn
//! as server-side SVG with today's position and a countdown to the next deadline.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::page::{FormSpot, Page};
use crate::domain::access::{role_allows, Action};
use crate::domain::money::Money;
use crate::domain::programme::{
    fields, kazlod_budget_lines, kazlod_envelopes, MoneyLine, ProgrammeCommand, KAZLOD_TOTAL,
};
use crate::domain::time::parse_date;
use crate::domain::timeline::{self, urgency, AmendableDate, Timeline};
use crate::domain::FieldError;
use crate::error::{AppError, AppResult};
use crate::i18n::{t, Lang};
use crate::services::calls::Call;
use crate::services::programmes::{self, AmendmentInput, ProgrammeDetail};
use crate::views::format;
use crate::views::programmes::ProgrammeView;

#[derive(Serialize)]
struct Mark {
    x: f64,
    label: String,
    date: String,
    rule: &'static str,
    /// Row of the label (0–3), so that neighbouring labels do not overlap.
    row: usize,
    label_y: f64,
}

#[derive(Serialize)]
struct Band {
    x1: f64,
    x2: f64,
    class: &'static str,
    label: String,
}

#[derive(Serialize)]
pub struct TimelineSvg {
    marks: Vec<Mark>,
    bands: Vec<Band>,
    reports: Vec<f64>,
    today_x: Option<f64>,
    today_label: String,
    years: Vec<(f64, i32)>,
}

const LEFT: f64 = 30.0;
const RIGHT: f64 = 970.0;

fn x_of(t: &Timeline, day: NaiveDate) -> f64 {
    LEFT + (RIGHT - LEFT) * timeline::position(t.entry_into_force, t.decommitment, day)
}

/// Positions for the drawing; the template turns them into SVG elements.
pub fn timeline_svg(t: &Timeline, today: NaiveDate, lang: Lang) -> TimelineSvg {
    let mut marks: Vec<Mark> = Vec::new();
    // Right edge of the last label in each of four rows (1000-unit drawing, 12px text).
    let mut right_edge_by_row = [f64::MIN; 4];
    // Milestones on the same day share one mark (TL-02 and TL-09 fall together).
    let mut grouped: Vec<(NaiveDate, Vec<&'static str>, Vec<&'static str>)> = Vec::new();
    for m in t.milestones() {
        match grouped.last_mut() {
            Some(g) if g.0 == m.date => {
                g.1.push(m.key);
                g.2.push(m.rule);
            }
            _ => grouped.push((m.date, vec![m.key], vec![m.rule])),
        }
    }
    for (date, keys, rules) in grouped {
        let x = x_of(t, date);
        let label = keys
            .iter()
            .map(|k| t_lang(lang, &format!("timeline-{k}")))
            .collect::<Vec<_>>()
            .join(" / ");
        let width = label.chars().count() as f64 * 7.0;
        let (left, right) = if x > 850.0 {
            (x - width, x)
        } else if x < 120.0 {
            (x, x + width)
        } else {
            (x - width / 2.0, x + width / 2.0)
        };
        let row = (0..4)
            .find(|r| left > right_edge_by_row[*r] + 12.0)
            .unwrap_or(3);
        right_edge_by_row[row] = right;
        let rule = rules.into_iter().find(|r| !r.is_empty()).unwrap_or("");
        marks.push(Mark {
            x,
            label,
            date: date.format("%Y-%m-%d").to_string(),
            rule,
            row,
            label_y: 150.0 + row as f64 * 32.0,
        });
    }
    let bands = vec![
        Band {
            x1: x_of(t, t.entry_into_force),
            x2: x_of(t, t.operational_end),
            class: "band-operational",
            label: t_lang(lang, "timeline-band-operational"),
        },
        Band {
            x1: x_of(t, t.operational_end),
            x2: x_of(t, t.execution_end),
            class: "band-closure",
            label: t_lang(lang, "timeline-band-closure"),
        },
        Band {
            x1: x_of(t, t.entry_into_force),
            x2: x_of(t, t.contracting_deadline),
            class: "band-contracting",
            label: t_lang(lang, "timeline-band-contracting"),
        },
    ];
    let in_range = today >= t.entry_into_force && today <= t.decommitment;
    TimelineSvg {
        marks,
        bands,
        reports: t
            .steering_reports()
            .into_iter()
            .map(|d| x_of(t, d))
            .collect(),
        today_x: in_range.then(|| x_of(t, today)),
        today_label: format!(
            "{} {}",
            t_lang(lang, "timeline-today"),
            today.format("%Y-%m-%d")
        ),
        years: timeline::years_between(t.entry_into_force, t.decommitment)
            .into_iter()
            .filter_map(|y| NaiveDate::from_ymd_opt(y, 1, 1))
            .filter(|d| *d > t.entry_into_force && *d < t.decommitment)
            .map(|d| (x_of(t, d), d.format("%Y").to_string().parse().unwrap_or(0)))
            .collect(),
    }
}

fn t_lang(lang: Lang, key: &str) -> String {
    t(lang, key)
}

#[derive(Serialize)]
struct Countdown {
    label: String,
    rule: &'static str,
    date: String,
    days: i64,
    urgency: timeline::Urgency,
}

fn countdown(t: &Timeline, today: NaiveDate, lang: Lang) -> Option<Countdown> {
    t.next_deadline(today).map(|m| Countdown {
        label: t_lang(lang, &format!("timeline-{}", m.key)),
        rule: m.rule,
        date: m.date.format("%Y-%m-%d").to_string(),
        days: (m.date - today).num_days(),
        urgency: urgency(today, m.date),
    })
}

#[derive(Serialize)]
struct ProgrammeSummary {
    id: String,
    reference: String,
    title: String,
    entry_into_force: String,
    total: String,
    grant_budget: String,
    calls: usize,
    next: Option<Countdown>,
}

fn summary(p: &ProgrammeDetail, today: NaiveDate, lang: Lang) -> ProgrammeSummary {
    ProgrammeSummary {
        id: p.programme.id.clone(),
        reference: p.programme.reference.clone(),
        title: p.programme.title.clone(),
        entry_into_force: p.programme.entry_into_force.to_string(),
        total: format::money(lang, Money::from_cents(p.programme.total_budget_cents)),
        grant_budget: format::money(lang, p.grant_budget()),
        calls: p.calls.len(),
        next: countdown(&p.timeline, today, lang),
    }
}

pub async fn index(page: Page) -> AppResult<HttpResponse> {
    page.actor().require(Action::ViewProgrammes)?;
    let list = programmes::list(&page.state).await?;
    let today = crate::clock::local_date(page.state.clock.now());
    let mut ctx = tera::Context::new();
    ctx.insert(
        "programmes",
        &list
            .iter()
            .map(|p| summary(p, today, page.lang()))
            .collect::<Vec<_>>(),
    );
    ctx.insert("can_manage", &can(&page, Action::ManageProgrammes));
    page.render("manage/programmes.html", ctx)
}

fn can(page: &Page, action: Action) -> bool {
    page.ctx
        .user
        .as_ref()
        .is_some_and(|u| role_allows(u.role, action))
}

pub async fn show(page: Page, path: web::Path<String>) -> AppResult<HttpResponse> {
    page.actor().require(Action::ViewProgrammes)?;
    let p = programmes::detail(&page.state, path.into_inner()).await?;
    let today = crate::clock::local_date(page.state.clock.now());
    let lang = page.lang();
    let t = &p.timeline;
    let mut ctx = tera::Context::new();
    ctx.insert("p", &summary(&p, today, lang));
    ctx.insert("view", &ProgrammeView::build(&p, true));
    ctx.insert("svg", &timeline_svg(t, today, lang));
    ctx.insert("countdown", &countdown(t, today, lang));
    let dates: Vec<(String, String, &str)> = t
        .milestones()
        .into_iter()
        .map(|m| {
            (
                t_lang(lang, &format!("timeline-{}", m.key)),
                m.date.to_string(),
                m.rule,
            )
        })
        .collect();
    ctx.insert("dates", &dates);
    ctx.insert(
        "reports",
        &t.steering_reports()
            .iter()
            .filter(|d| **d >= today)
            .take(4)
            .map(|d| d.to_string())
            .collect::<Vec<_>>(),
    );
    ctx.insert("can_manage", &can(&page, Action::ManageProgrammes));
    ctx.insert("can_manage_calls", &can(&page, Action::ManageCalls));
    ctx.insert("obligations", &obligation_rows(&p, today, lang));
    ctx.insert("today", &today.to_string());
    // TL-09: warn while no contract is signed and nothing paid, as 3 years after D nears.
    if crate::domain::timeline::sunset_threatens(p.contract_signed, p.payment_made) {
        ctx.insert("sunset_urgency", &urgency(today, t.sunset_check));
    } else {
        ctx.insert("sunset_urgency", "later");
    }
    ctx.insert("sunset_date", &t.sunset_check.to_string());
    page.render("manage/programme.html", ctx)
}

/// One row of the budget-line or envelope table of the programme form.
#[derive(Debug, Clone, Default, Serialize)]
pub struct MoneyRow {
    id: String,
    label: String,
    label_kk: String,
    label_ru: String,
    amount: String,
}

/// The programme form as typed: identity, D (creation only), the total and two tables
/// of rows whose hidden ids keep each line the same line across edits.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ProgrammeForm {
    reference: String,
    title: String,
    entry_into_force: String,
    total_budget: String,
    budget_lines: Vec<MoneyRow>,
    envelopes: Vec<MoneyRow>,
}

/// Rows of a table the form offers beyond the existing ones (to add lines).
const BLANK_ROWS: usize = 2;
/// Most rows a table may send.
const MAX_ROWS: usize = 60;

impl ProgrammeForm {
    /// Reads `line_3_label`-style fields; unknown or repeated fields are refused like
    /// in every form.
    fn from_pairs(pairs: Vec<(String, String)>) -> AppResult<ProgrammeForm> {
        let bad = || AppError::BadRequest("error-invalid-form");
        let mut form = ProgrammeForm::default();
        let mut seen = std::collections::HashSet::new();
        for (name, value) in pairs {
            if !seen.insert(name.clone()) {
                return Err(bad());
            }
            match name.as_str() {
                "reference" => form.reference = value,
                "title" => form.title = value,
                "entry_into_force" => form.entry_into_force = value,
                "total_budget" => form.total_budget = value,
                other => {
                    let mut parts = other.splitn(3, '_');
                    let (Some(table), Some(index), Some(part)) =
                        (parts.next(), parts.next(), parts.next())
                    else {
                        return Err(bad());
                    };
                    let index: usize = index.parse().map_err(|_| bad())?;
                    if index >= MAX_ROWS {
                        return Err(bad());
                    }
                    let rows = match table {
                        "line" => &mut form.budget_lines,
                        "envelope" => &mut form.envelopes,
                        _ => return Err(bad()),
                    };
                    if rows.len() <= index {
                        rows.resize(index + 1, MoneyRow::default());
                    }
                    match part {
                        "id" => rows[index].id = value,
                        "label" => rows[index].label = value,
                        "label_kk" => rows[index].label_kk = value,
                        "label_ru" => rows[index].label_ru = value,
                        "amount" => rows[index].amount = value,
                        _ => return Err(bad()),
                    }
                }
            }
        }
        Ok(form)
    }

    fn from_detail(p: &ProgrammeDetail) -> ProgrammeForm {
        let rows = |items: Vec<(String, [String; 3], i64)>| -> Vec<MoneyRow> {
            items
                .into_iter()
                .map(|(id, [label, label_kk, label_ru], cents)| MoneyRow {
                    id,
                    label,
                    label_kk,
                    label_ru,
                    amount: Money::from_cents(cents).format_plain(),
                })
                .collect()
        };
        ProgrammeForm {
            reference: p.programme.reference.clone(),
            title: p.programme.title.clone(),
            entry_into_force: p.programme.entry_into_force.to_string(),
            total_budget: Money::from_cents(p.programme.total_budget_cents).format_plain(),
            budget_lines: rows(
                p.budget_lines
                    .iter()
                    .map(|l| {
                        let labels = [l.label.clone(), l.label_kk.clone(), l.label_ru.clone()];
                        (l.id.clone(), labels, l.amount_cents)
                    })
                    .collect(),
            ),
            envelopes: rows(
                p.envelopes
                    .iter()
                    .map(|l| {
                        let labels = [l.label.clone(), l.label_kk.clone(), l.label_ru.clone()];
                        (l.id.clone(), labels, l.amount_cents)
                    })
                    .collect(),
            ),
        }
    }

    /// The typed command, or the fields that could not be read. A row left empty
    /// (no label, no amount) is not part of the programme: for an existing line, that
    /// removes it (it is kept as retired).
    fn command(&self, creating: bool) -> Result<ProgrammeCommand, Vec<FieldError>> {
        let mut errors = Vec::new();
        let total_budget = Money::parse(&self.total_budget).unwrap_or_else(|_| {
            errors.push(FieldError::new(
                fields::TOTAL_BUDGET,
                "error-amount-invalid",
            ));
            Money::ZERO
        });
        let mut lines = |rows: &[MoneyRow], field: &'static str| -> Vec<MoneyLine> {
            let mut out = Vec::new();
            for row in rows {
                if row.label.trim().is_empty() && row.amount.trim().is_empty() {
                    continue;
                }
                match Money::parse(&row.amount) {
                    Ok(amount) => out.push(MoneyLine {
                        id: Some(row.id.trim().to_string()).filter(|i| !i.is_empty()),
                        label: row.label.clone(),
                        label_kk: row.label_kk.trim().to_string(),
                        label_ru: row.label_ru.trim().to_string(),
                        amount_cents: amount,
                    }),
                    Err(_) => {
                        errors.push(FieldError::new(field, "error-line-amount"));
                        break;
                    }
                }
            }
            out
        };
        let budget_lines = lines(&self.budget_lines, fields::BUDGET_LINES);
        let envelopes = lines(&self.envelopes, fields::ENVELOPES);
        let entry_into_force = if creating {
            match parse_date(&self.entry_into_force) {
                Ok(d) => Some(d),
                Err(e) => {
                    errors.push(FieldError::new(fields::ENTRY_INTO_FORCE, e.message_key()));
                    None
                }
            }
        } else {
            None
        };
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(ProgrammeCommand {
            reference: self.reference.clone(),
            title: self.title.clone(),
            entry_into_force,
            total_budget,
            budget_lines,
            envelopes,
        })
    }

    /// The tables with blank rows to add lines.
    fn with_blank_rows(mut self) -> ProgrammeForm {
        for rows in [&mut self.budget_lines, &mut self.envelopes] {
            rows.retain(|r| {
                !(r.id.is_empty() && r.label.trim().is_empty() && r.amount.trim().is_empty())
            });
            rows.extend(std::iter::repeat_n(MoneyRow::default(), BLANK_ROWS));
        }
        self
    }
}

/// Domain field names that the programme form calls differently.
const PROGRAMME_FORM_FIELDS: &[(&str, &str)] = &[(fields::TOTAL_BUDGET, "total_budget")];

fn render_form(
    page: &Page,
    status: StatusCode,
    form: ProgrammeForm,
    id: Option<&str>,
    errors: &[FieldError],
) -> AppResult<HttpResponse> {
    #[derive(Serialize)]
    struct Table<'a> {
        prefix: &'static str,
        field: &'static str,
        label: &'static str,
        rows: &'a [MoneyRow],
    }
    let form = form.with_blank_rows();
    let mut ctx = tera::Context::new();
    ctx.insert(
        "tables",
        &[
            Table {
                prefix: "line",
                field: fields::BUDGET_LINES,
                label: "programme-budget",
                rows: &form.budget_lines,
            },
            Table {
                prefix: "envelope",
                field: fields::ENVELOPES,
                label: "programme-envelopes",
                rows: &form.envelopes,
            },
        ],
    );
    ctx.insert("f", &form);
    ctx.insert("id", &id);
    page.show_errors_at(
        &mut ctx,
        FormSpot {
            aliases: PROGRAMME_FORM_FIELDS,
            ..FormSpot::PAGE
        },
        errors,
    );
    page.render_status(status, "manage/programme_form.html", ctx)
}

pub async fn new_form(page: Page) -> AppResult<HttpResponse> {
    page.actor().require(Action::ManageProgrammes)?;
    let rows = |items: Vec<MoneyLine>| {
        items
            .into_iter()
            .map(|l| MoneyRow {
                id: String::new(),
                label: l.label,
                label_kk: l.label_kk,
                label_ru: l.label_ru,
                amount: l.amount_cents.format_plain(),
            })
            .collect()
    };
    let form = ProgrammeForm {
        reference: crate::domain::programme::KAZLOD_REFERENCE.into(),
        title: crate::domain::programme::KAZLOD_TITLE.into(),
        entry_into_force: String::new(),
        total_budget: KAZLOD_TOTAL.format_plain(),
        budget_lines: rows(kazlod_budget_lines()),
        envelopes: rows(kazlod_envelopes()),
    };
    render_form(&page, StatusCode::OK, form, None, &[])
}

pub async fn create(page: Page, form: web::Form<Vec<(String, String)>>) -> AppResult<HttpResponse> {
    let form = ProgrammeForm::from_pairs(form.into_inner())?;
    let command = match form.command(true) {
        Ok(c) => c,
        Err(errors) => {
            return render_form(&page, StatusCode::UNPROCESSABLE_ENTITY, form, None, &errors)
        }
    };
    match programmes::create(&page.state, &page.actor(), command).await {
        Ok(id) => {
            page.flash("success", "flash-programme-saved");
            Ok(page.redirect(&format!("/manage/programmes/{id}")))
        }
        Err(AppError::Validation(errors)) => {
            render_form(&page, StatusCode::UNPROCESSABLE_ENTITY, form, None, &errors)
        }
        Err(e) => Err(e),
    }
}

pub async fn edit_form(page: Page, path: web::Path<String>) -> AppResult<HttpResponse> {
    page.actor().require(Action::ManageProgrammes)?;
    let id = path.into_inner();
    let p = programmes::detail(&page.state, id.clone()).await?;
    render_form(
        &page,
        StatusCode::OK,
        ProgrammeForm::from_detail(&p),
        Some(&id),
        &[],
    )
}

pub async fn update(
    page: Page,
    path: web::Path<String>,
    form: web::Form<Vec<(String, String)>>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let form = ProgrammeForm::from_pairs(form.into_inner())?;
    let command = match form.command(false) {
        Ok(c) => c,
        Err(errors) => {
            return render_form(
                &page,
                StatusCode::UNPROCESSABLE_ENTITY,
                form,
                Some(&id),
                &errors,
            )
        }
    };
    match programmes::update(&page.state, &page.actor(), id.clone(), command).await {
        Ok(()) => {
            page.flash("success", "flash-programme-saved");
            Ok(page.redirect(&format!("/manage/programmes/{id}")))
        }
        Err(AppError::Validation(errors)) => render_form(
            &page,
            StatusCode::UNPROCESSABLE_ENTITY,
            form,
            Some(&id),
            &errors,
        ),
        Err(e) => Err(e),
    }
}

#[derive(Deserialize, Serialize, Default)]
#[serde(deny_unknown_fields)]
pub struct DCorrectionForm {
    #[serde(default)]
    entry_into_force: String,
    #[serde(default)]
    reason: String,
}

/// What the forms that change a programme's dates (D, amendments) share: the programme's
/// summary, the typed values and their errors.
async fn dated_form_context(
    page: &Page,
    id: &str,
    form: &impl Serialize,
    errors: &[FieldError],
) -> AppResult<(ProgrammeDetail, tera::Context)> {
    let p = programmes::detail(&page.state, id.to_string()).await?;
    let mut ctx = tera::Context::new();
    ctx.insert(
        "p",
        &summary(
            &p,
            crate::clock::local_date(page.state.clock.now()),
            page.lang(),
        ),
    );
    ctx.insert("f", form);
    page.show_errors(&mut ctx, errors);
    Ok((p, ctx))
}

async fn render_d_correction(
    page: &Page,
    id: &str,
    status: StatusCode,
    form: &DCorrectionForm,
    errors: &[FieldError],
) -> AppResult<HttpResponse> {
    let (p, mut ctx) = dated_form_context(page, id, form, errors).await?;
    ctx.insert("current_d", &p.programme.entry_into_force.to_string());
    ctx.insert("correctable", &p.d_correctable());
    page.render_status(status, "manage/d_correction_form.html", ctx)
}

pub async fn d_correction_form(page: Page, path: web::Path<String>) -> AppResult<HttpResponse> {
    page.actor().require(Action::ManageProgrammes)?;
    render_d_correction(
        &page,
        &path.into_inner(),
        StatusCode::OK,
        &DCorrectionForm::default(),
        &[],
    )
    .await
}

pub async fn correct_d(
    page: Page,
    path: web::Path<String>,
    form: web::Form<DCorrectionForm>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let form = form.into_inner();
    match programmes::correct_entry_into_force(
        &page.state,
        &page.actor(),
        id.clone(),
        form.entry_into_force.clone(),
        form.reason.clone(),
    )
    .await
    {
        Ok(()) => {
            page.flash("success", "flash-d-corrected");
            Ok(page.redirect(&format!("/manage/programmes/{id}")))
        }
        Err(AppError::Validation(errors)) => {
            render_d_correction(&page, &id, StatusCode::UNPROCESSABLE_ENTITY, &form, &errors).await
        }
        // A call was published meanwhile: the page now says D can no longer change.
        Err(AppError::Conflict(key)) => {
            let errors = [FieldError::new("correction", key)];
            render_d_correction(&page, &id, StatusCode::CONFLICT, &form, &errors).await
        }
        Err(e) => Err(e),
    }
}

#[derive(Deserialize, Serialize, Default)]
#[serde(deny_unknown_fields)]
pub struct AmendmentForm {
    #[serde(default)]
    date_field: String,
    #[serde(default)]
    new_date: String,
    #[serde(default)]
    effective_on: String,
    #[serde(default)]
    reason: String,
    #[serde(default)]
    addendum_reference: String,
}

async fn render_amendment(
    page: &Page,
    id: &str,
    status: StatusCode,
    form: &AmendmentForm,
    errors: &[FieldError],
) -> AppResult<HttpResponse> {
    let (p, mut ctx) = dated_form_context(page, id, form, errors).await?;
    ctx.insert(
        "fields",
        &AmendableDate::ALL
            .iter()
            .map(|a| {
                (
                    a.as_str(),
                    t_lang(page.lang(), &format!("amendable-{}", a.as_str())),
                    p.timeline.date_of(*a).to_string(),
                )
            })
            .collect::<Vec<_>>(),
    );
    page.render_status(status, "manage/amendment_form.html", ctx)
}

pub async fn amendment_form(page: Page, path: web::Path<String>) -> AppResult<HttpResponse> {
    page.actor().require(Action::ManageProgrammes)?;
    render_amendment(
        &page,
        &path.into_inner(),
        StatusCode::OK,
        &AmendmentForm::default(),
        &[],
    )
    .await
}

pub async fn record_amendment(
    page: Page,
    path: web::Path<String>,
    form: web::Form<AmendmentForm>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let form = form.into_inner();
    let input = AmendmentInput {
        date_field: form.date_field.clone(),
        new_date: form.new_date.clone(),
        effective_on: form.effective_on.clone(),
        reason: form.reason.clone(),
        addendum_reference: form.addendum_reference.clone(),
    };
    match programmes::record_amendment(&page.state, &page.actor(), id.clone(), input).await {
        Ok(()) => {
            page.flash("success", "flash-amendment-recorded");
            Ok(page.redirect(&format!("/manage/programmes/{id}")))
        }
        Err(AppError::Validation(errors)) => {
            render_amendment(&page, &id, StatusCode::UNPROCESSABLE_ENTITY, &form, &errors).await
        }
        Err(e) => Err(e),
    }
}

/// One obligation of the programme (TL-05, TL-07) as its page shows it.
#[derive(Serialize)]
struct ObligationView {
    rule: &'static str,
    what: String,
    due_on: String,
    due_words: String,
    state: crate::domain::timeline::ObligationState,
    done_on: Option<String>,
    note: String,
}

/// Every Steering Committee report and the decommitment with what was recorded; the past
/// ones first as they are what staff check (done, late, missed).
fn obligation_rows(
    p: &programmes::ProgrammeDetail,
    today: NaiveDate,
    lang: Lang,
) -> Vec<ObligationView> {
    p.timeline
        .obligations()
        .into_iter()
        .map(|(rule, due)| {
            let recorded = p
                .obligations
                .iter()
                .find(|o| o.rule == rule && o.due_on == due);
            ObligationView {
                rule,
                what: t_lang(
                    lang,
                    if rule == "TL-05" {
                        "timeline-decommitment"
                    } else {
                        "timeline-steering-report"
                    },
                ),
                due_on: due.to_string(),
                due_words: crate::views::format::date_long(lang, due),
                state: crate::domain::timeline::obligation_state(
                    due,
                    recorded.map(|o| o.done_on),
                    today,
                ),
                done_on: recorded.map(|o| crate::views::format::date_long(lang, o.done_on)),
                note: recorded.map(|o| o.note.clone()).unwrap_or_default(),
            }
        })
        .collect()
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ObligationForm {
    rule: String,
    due_on: String,
    #[serde(default)]
    done_on: String,
    #[serde(default)]
    note: String,
}

/// TL-05, TL-07: staff record a Steering Committee report sent or the decommitment done.
pub async fn record_obligation(
    page: Page,
    path: web::Path<String>,
    form: web::Form<ObligationForm>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let f = form.into_inner();
    let back = format!("/manage/programmes/{id}#obligations");
    match programmes::record_obligation(
        &page.state,
        &page.actor(),
        id,
        f.rule,
        f.due_on,
        f.done_on,
        f.note,
    )
    .await
    {
        Ok(()) => Ok(page.flash_redirect("success", "flash-obligation-recorded", &back)),
        Err(AppError::Validation(errors)) => Ok(page.flash_redirect(
            "error",
            errors.first().map_or("error-validation", |e| e.code),
            &back,
        )),
        Err(AppError::Conflict(key)) => Ok(page.flash_redirect("error", key, &back)),
        Err(e) => Err(e),
    }
}

/// Call rows for the staff list of calls of all programmes.
#[derive(Serialize)]
pub struct StaffCallRow {
    pub id: String,
    pub reference: String,
    pub title: String,
    pub title_kk: String,
    pub title_ru: String,
    pub status: String,
    pub call_type: String,
    pub deadline: Option<String>,
    pub unanswered: i64,
    pub answer_urgency: Option<timeline::Urgency>,
    pub answer_deadline: Option<String>,
}

pub fn staff_call_row(call: &Call, unanswered: i64, today: NaiveDate) -> StaffCallRow {
    let answer_deadline = call
        .row
        .deadline
        .map(|d| crate::domain::calls::answer_deadline(d, &call.params));
    StaffCallRow {
        id: call.row.id.clone(),
        reference: call.row.reference.clone(),
        title: call.row.title.clone(),
        title_kk: call.row.title_kk.clone(),
        title_ru: call.row.title_ru.clone(),
        status: call.row.status.clone(),
        call_type: call.row.call_type.clone(),
        deadline: call.row.deadline.map(crate::clock::format_local),
        unanswered,
        answer_urgency: answer_deadline
            // A cancelled call owes no more answers.
            .filter(|_| unanswered > 0 && call.is_published())
            .map(|d| urgency(today, crate::clock::local_date(d))),
        answer_deadline: answer_deadline.map(crate::clock::format_local),
    }
}
