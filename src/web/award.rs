//! The evaluation report (printable page and XLSX), its approval by the EU Delegation,
//! the notification of applicants with its deadlines, and the public list of awarded
//! grants (PUB-01) with its CSV.

use actix_web::{web, HttpResponse};
use serde::{Deserialize, Serialize};

use super::evaluation::points;
use super::page::Page;
use crate::domain::award::{
    publication_due, successful_notice_by, unsuccessful_notice_by, urgency, Outcome, Urgency,
};
use crate::domain::money::Money;
use crate::error::{AppError, AppResult};
use crate::i18n::{t, Lang};
use crate::services::award::{self as service, Batch, ReportContent, ReportEntry};
use crate::views::format;

fn locality(lang: Lang, code: &str) -> String {
    if code.len() == 2 && code.chars().all(|c| c.is_ascii_uppercase()) {
        code.to_string()
    } else {
        t(lang, &format!("location-{code}"))
    }
}

fn share(bp: Option<i64>) -> String {
    bp.map(|b| format!("{} %", crate::domain::money::format_percent(b)))
        .unwrap_or_else(|| "–".into())
}

#[derive(Serialize)]
struct EntryView {
    receipt: String,
    organisation: String,
    locality: String,
    title: String,
    requested: String,
    eu_share: String,
    stage: String,
    outcome_key: String,
    outcome: String,
    reason: Option<String>,
    rank: Option<usize>,
    total: Option<String>,
    concept_total: Option<String>,
    sections: Vec<String>,
    sheets: Vec<String>,
    divergence: Option<String>,
}

fn entry_view(lang: Lang, e: &ReportEntry) -> EntryView {
    EntryView {
        receipt: e.receipt.clone(),
        organisation: e.organisation.clone(),
        locality: locality(lang, &e.locality),
        title: e.title.clone(),
        requested: format::money(lang, Money::from_cents(e.requested_cents)),
        eu_share: share(e.eu_share_bp),
        stage: t(lang, &format!("evaluation-stage-{}", e.stage)),
        outcome_key: e.outcome.as_str().into(),
        outcome: t(lang, &format!("outcome-{}", e.outcome.as_str())),
        reason: e.reason.map(|r| t(lang, &r.message_key())),
        rank: e.rank,
        total: e.total.map(|c| points(lang, c)),
        concept_total: e.concept_total.map(|c| points(lang, c)),
        sections: e
            .sections
            .iter()
            .map(|(code, _, p, max)| format!("{code}: {} / {max}", points(lang, *p)))
            .collect(),
        sheets: e
            .sheets
            .iter()
            .map(|s| {
                format!(
                    "{} {} ({}): {}",
                    s.code,
                    s.name,
                    t(lang, &format!("evaluation-stage-{}", s.stage)),
                    s.total.map_or_else(
                        || t(lang, &format!("assignment-status-{}", s.status)),
                        |v| v.to_string()
                    )
                )
            })
            .collect(),
        divergence: e.divergence.clone(),
    }
}

#[derive(Serialize)]
struct LotView {
    number: i32,
    title: String,
    envelope: String,
    selected: String,
    entries: Vec<EntryView>,
}

fn lots_view(lang: Lang, c: &ReportContent) -> Vec<LotView> {
    c.lots
        .iter()
        .map(|l| LotView {
            number: l.number,
            title: l.title.clone(),
            envelope: format::money(lang, Money::from_cents(l.envelope_cents)),
            selected: format::money(lang, Money::from_cents(l.selected_cents)),
            entries: l.entries.iter().map(|e| entry_view(lang, e)).collect(),
        })
        .collect()
}

#[derive(Serialize)]
struct VersionView {
    version: i32,
    stage: String,
    status: String,
    submitted_at: String,
    decided_at: Option<String>,
    comments: Option<String>,
    sha256: String,
}

#[derive(Serialize)]
struct NoticeView {
    by: String,
    urgency: Urgency,
    waiting: usize,
}

pub async fn report(page: Page, path: web::Path<String>) -> AppResult<HttpResponse> {
    let lang = page.lang();
    let call_id = path.into_inner();
    let r = match service::report(&page.state, &page.actor(), call_id.clone()).await {
        Err(AppError::Conflict("error-declaration-first")) => {
            return crate::web::staff_applications::declaration_for_call(&page, call_id).await;
        }
        other => other?,
    };
    let mut ctx = tera::Context::new();
    ctx.insert("seated_approver", &r.seated_approver);
    ctx.insert("call_id", &r.call.row.id);
    ctx.insert("reference", &r.call.row.reference);
    ctx.insert("call_title", &r.call.label_in(lang));
    ctx.insert("status", &r.status.as_str());
    ctx.insert(
        "status_words",
        &t(lang, &format!("report-status-{}", r.status.as_str())),
    );
    ctx.insert("is_chair", &r.is_chair);
    ctx.insert("may_decide", &r.may_decide);
    // SEL-03: a restricted call's concept-note stage has its own report.
    ctx.insert("stage", r.stage.as_str());
    ctx.insert(
        "stage_words",
        &t(lang, &format!("report-stage-{}", r.stage.as_str())),
    );
    ctx.insert(
        "concept_lots",
        &r.concept_report
            .as_ref()
            .map(|c| lots_view(lang, c))
            .unwrap_or_default(),
    );
    ctx.insert("preview_problem", &r.preview_problem.map(|k| t(lang, k)));
    ctx.insert(
        "versions",
        &r.reports
            .iter()
            .map(|v| VersionView {
                version: v.version,
                stage: t(lang, &format!("report-stage-{}", v.stage)),
                status: t(lang, &format!("report-status-{}", v.status)),
                submitted_at: format::instant_long(lang, v.submitted_at),
                decided_at: v.decided_at.map(|at| format::instant_long(lang, at)),
                comments: v.comments.clone(),
                sha256: v.content_sha256.clone(),
            })
            .collect::<Vec<_>>(),
    );
    // Empty while the report has no content yet (applications still being scored).
    let lots = r
        .content
        .as_ref()
        .map(|c| lots_view(lang, c))
        .unwrap_or_default();
    ctx.insert("lots", &lots);
    // NOT-01: the notification deadlines, once the award is decided.
    if let Some(decided) = r.decisions.first().map(|d| d.decided_at) {
        let today = crate::domain::time::local_date(page.state.clock.now());
        let decided_on = crate::domain::time::local_date(decided);
        let full_deadline = r.call.row.deadline.map(crate::domain::time::local_date);
        let awarded =
            |d: &&crate::db::evaluation::DecisionRow| d.outcome == Outcome::Awarded.as_str();
        let ok_waiting = r
            .decisions
            .iter()
            .filter(awarded)
            .filter(|d| d.notified_at.is_none())
            .count();
        let others_waiting = r
            .decisions
            .iter()
            .filter(|d| !awarded(d))
            .filter(|d| d.notified_at.is_none())
            .count();
        let ok_told = r
            .decisions
            .iter()
            .filter(awarded)
            .filter_map(|d| d.notified_at)
            .max()
            .map(crate::domain::time::local_date);
        let ok_by = r
            .successful_notice_by
            .unwrap_or_else(|| successful_notice_by(decided_on, full_deadline));
        let others_by = unsuccessful_notice_by(ok_told, decided_on);
        ctx.insert(
            "notice_successful",
            &NoticeView {
                by: format::date_long(lang, ok_by),
                urgency: urgency(ok_by, today, ok_waiting == 0),
                waiting: ok_waiting,
            },
        );
        ctx.insert(
            "notice_others",
            &NoticeView {
                by: format::date_long(lang, others_by),
                urgency: urgency(others_by, today, others_waiting == 0),
                waiting: others_waiting,
            },
        );
        ctx.insert(
            "publication_due",
            &format::date_long(lang, publication_due(decided_on)),
        );
    }
    page.render("evaluation/report.html", ctx)
}

pub async fn submit_report(page: Page, path: web::Path<String>) -> AppResult<HttpResponse> {
    let call_id = path.into_inner();
    let back = format!("/evaluation/calls/{call_id}/report");
    match service::submit_report(&page.state, &page.actor(), call_id).await {
        Ok(_) => Ok(page.flash_redirect("success", "flash-report-submitted", &back)),
        Err(AppError::Conflict(key)) => Ok(page.flash_redirect("error", key, &back)),
        Err(e) => Err(e),
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DecisionForm {
    #[serde(default)]
    decision: String,
    #[serde(default)]
    comments: String,
    #[serde(default)]
    confirm: String,
}

pub async fn decide(
    page: Page,
    path: web::Path<String>,
    form: web::Form<DecisionForm>,
) -> AppResult<HttpResponse> {
    let call_id = path.into_inner();
    let f = form.into_inner();
    let back = format!("/evaluation/calls/{call_id}/report");
    let approve = match f.decision.as_str() {
        "approve" if f.confirm == "yes" => true,
        "approve" => return Ok(page.flash_redirect("error", "error-report-confirm", &back)),
        "return" => false,
        _ => return Ok(page.flash_redirect("error", "error-report-decision", &back)),
    };
    match service::decide_report(&page.state, &page.actor(), call_id, approve, f.comments).await {
        Ok(()) => Ok(page.flash_redirect(
            "success",
            if approve {
                "flash-report-approved"
            } else {
                "flash-report-returned"
            },
            &back,
        )),
        Err(AppError::Validation(errors)) => Ok(page.flash_redirect(
            "error",
            errors
                .first()
                .map_or("error-report-comments-missing", |e| e.code),
            &back,
        )),
        Err(AppError::Conflict(key)) => Ok(page.flash_redirect("error", key, &back)),
        Err(e) => Err(e),
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NotifyForm {
    #[serde(default)]
    batch: String,
}

pub async fn notify(
    page: Page,
    path: web::Path<String>,
    form: web::Form<NotifyForm>,
) -> AppResult<HttpResponse> {
    let call_id = path.into_inner();
    let back = format!("/evaluation/calls/{call_id}/report");
    let batch = match form.batch.as_str() {
        "successful" => Batch::Successful,
        "unsuccessful" => Batch::Unsuccessful,
        _ => return Ok(page.flash_redirect("error", "error-report-decision", &back)),
    };
    match service::notify(&page.state, &page.actor(), call_id, batch).await {
        Ok(n) => {
            page.flash_args("success", "flash-notified", &[("count", n.to_string())]);
            Ok(page.redirect(&back))
        }
        Err(AppError::Conflict(key)) => Ok(page.flash_redirect("error", key, &back)),
        Err(e) => Err(e),
    }
}

/// The report as a workbook: one row per application and lot.
pub async fn report_xlsx(page: Page, path: web::Path<String>) -> AppResult<HttpResponse> {
    let lang = page.lang();
    let r = service::report(&page.state, &page.actor(), path.into_inner()).await?;
    let content = r.content.ok_or(AppError::NotFound)?;
    let fail = |e: rust_xlsxwriter::XlsxError| AppError::Internal(anyhow::anyhow!(e));
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    let bold = rust_xlsxwriter::Format::new().set_bold();
    let heads = [
        "lot-label-plain",
        "board-outcome",
        "report-reason",
        "board-rank",
        "application-receipt-number",
        "application-organisation",
        "report-locality",
        "application-title",
        "board-requested",
        "report-eu-share",
        "board-score",
        "report-concept-score",
        "report-sections",
        "board-assessors",
        "board-resolution",
    ];
    for (c, h) in heads.iter().enumerate() {
        sheet
            .write_string_with_format(0, c as u16, t(lang, h), &bold)
            .map_err(fail)?;
    }
    let mut line = 1u32;
    for l in lots_view(lang, &content) {
        for e in l.entries {
            let cells = [
                l.number.to_string(),
                e.outcome,
                e.reason.unwrap_or_default(),
                e.rank.map(|r| r.to_string()).unwrap_or_default(),
                e.receipt,
                e.organisation,
                e.locality,
                e.title,
                e.requested,
                e.eu_share,
                e.total.unwrap_or_default(),
                e.concept_total.unwrap_or_default(),
                e.sections.join("; "),
                e.sheets.join("; "),
                e.divergence.unwrap_or_default(),
            ];
            for (c, v) in cells.iter().enumerate() {
                // Cells are written as text: a name starting with "=" stays a name.
                sheet.write_string(line, c as u16, v).map_err(fail)?;
            }
            line += 1;
        }
    }
    sheet.autofit();
    let bytes = book.save_to_buffer().map_err(fail)?;
    Ok(HttpResponse::Ok()
        .insert_header((
            actix_web::http::header::CONTENT_TYPE,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ))
        .insert_header((
            actix_web::http::header::CONTENT_DISPOSITION,
            format!(
                "attachment; filename=\"evaluation-report-{}.xlsx\"",
                content
                    .call_reference
                    .replace(|c: char| !c.is_ascii_alphanumeric() && c != '-', "_")
            ),
        ))
        .insert_header((actix_web::http::header::CACHE_CONTROL, "no-store"))
        .body(bytes))
}

#[derive(Serialize)]
struct AwardView {
    call: String,
    beneficiary: String,
    locality: String,
    purpose: String,
    amount: String,
    eu_share: String,
    year: String,
}

pub async fn public_awards(page: Page) -> AppResult<HttpResponse> {
    let lang = page.lang();
    let list = service::published(&page.state).await?;
    let mut ctx = tera::Context::new();
    ctx.insert(
        "awards",
        &list
            .iter()
            .map(|a| AwardView {
                call: a.call_reference.clone(),
                beneficiary: a.beneficiary.clone(),
                locality: locality(lang, &a.locality),
                purpose: a.purpose.clone(),
                amount: format::money(lang, Money::from_cents(a.amount_cents)),
                eu_share: share(a.eu_share_bp),
                year: a.decided_at.format("%Y").to_string(),
            })
            .collect::<Vec<_>>(),
    );
    page.render("awards.html", ctx)
}

/// PUB-01 as CSV (English headers; cells that could start a formula are quoted as text).
pub async fn public_awards_csv(page: Page) -> AppResult<HttpResponse> {
    let lang = page.lang();
    let list = service::published(&page.state).await?;
    let mut w = crate::views::csv::Csv::new([
        "call",
        "beneficiary",
        "locality",
        "purpose",
        "amount_eur",
        "eu_share_percent",
        "year",
    ])?;
    for a in &list {
        w.row([
            a.call_reference.clone(),
            a.beneficiary.clone(),
            locality(lang, &a.locality),
            a.purpose.clone(),
            // A plain number a spreadsheet reads as one.
            format!("{}.{:02}", a.amount_cents / 100, a.amount_cents % 100),
            a.eu_share_bp
                .map(crate::domain::money::format_percent)
                .unwrap_or_default(),
            a.decided_at.format("%Y").to_string(),
        ])?;
    }
    w.response("awarded-grants.csv")
}
