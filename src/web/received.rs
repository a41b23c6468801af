//! The applications a call received, for the Delegation and the auditor: filters, sort,
//! counts, the total requested against each lot's envelope (a small chart drawn on the
//! server), and CSV / XLSX exports of the same list.

use actix_web::{web, HttpResponse};
use serde::{Deserialize, Serialize};

use super::page::{Page, Pager};
use crate::db::applications::{ReceivedFilter, ReceivedRow, ReceivedSort};
use crate::domain::money::Money;
use crate::error::{AppError, AppResult};
use crate::i18n::{t, Lang};
use crate::services::received::{self as service, Received, EXPORT_MAX, PAGE_SIZE};
use crate::views::format;

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct ReceivedQuery {
    #[serde(default)]
    status: String,
    #[serde(default)]
    lot: String,
    #[serde(default)]
    oblast: String,
    #[serde(default)]
    applicant_type: String,
    #[serde(default)]
    min: String,
    #[serde(default)]
    max: String,
    #[serde(default)]
    q: String,
    #[serde(default)]
    sort: String,
    #[serde(default)]
    page: String,
}

impl ReceivedQuery {
    /// The filter, and the amounts that could not be read (shown, then ignored).
    fn filter(&self) -> (ReceivedFilter, Vec<&'static str>) {
        let mut bad = Vec::new();
        let mut amount = |field: &'static str, v: &str| match v.trim() {
            "" => None,
            v => Money::parse(v)
                .map(|m| m.cents())
                .map_err(|_| bad.push(field))
                .ok(),
        };
        let filter = ReceivedFilter {
            status: Some(self.status.clone()),
            lot_id: Some(self.lot.clone()),
            oblast: Some(self.oblast.clone()),
            legal_status: Some(self.applicant_type.clone()),
            min_cents: amount("min", &self.min),
            max_cents: amount("max", &self.max),
            search: Some(self.q.chars().take(200).collect()),
        };
        (filter, bad)
    }

    fn sort(&self) -> ReceivedSort {
        match self.sort.as_str() {
            "requested_desc" => ReceivedSort::RequestedDesc,
            "requested_asc" => ReceivedSort::RequestedAsc,
            "organisation" => ReceivedSort::Organisation,
            "submitted_at" => ReceivedSort::SubmittedAt,
            _ => ReceivedSort::Receipt,
        }
    }
}

/// One row as shown and exported.
#[derive(Serialize)]
struct RowView {
    id: String,
    receipt: String,
    lot: i32,
    organisation: String,
    applicant_type: String,
    oblast: String,
    title: String,
    requested: String,
    requested_plain: String,
    duration: String,
    submitted_at: String,
    status: String,
    status_words: String,
    stage_words: String,
}

fn row_view(
    lang: Lang,
    r: &ReceivedRow,
    lots: &[crate::db::calls::LotRow],
    call_type: &str,
) -> RowView {
    RowView {
        id: r.id.clone(),
        receipt: r.receipt_number.clone().unwrap_or_default(),
        lot: lots
            .iter()
            .find(|l| l.id == r.lot_id)
            .map_or(0, |l| l.number),
        organisation: r.organisation.clone(),
        applicant_type: t(lang, &format!("applicant-type-{}", r.legal_status)),
        oblast: if r.oblast.is_empty() {
            String::new()
        } else {
            t(lang, &format!("location-{}", r.oblast))
        },
        title: r.title.clone(),
        requested: r
            .requested_cents
            .map(|c| format::money(lang, Money::from_cents(c)))
            .unwrap_or_default(),
        requested_plain: r
            .requested_cents
            .map(|c| Money::from_cents(c).format_input())
            .unwrap_or_default(),
        duration: r.duration_months.map(|m| m.to_string()).unwrap_or_default(),
        submitted_at: r
            .submitted_at
            .map(crate::clock::format_local)
            .unwrap_or_default(),
        status: r.status.clone(),
        status_words: t(lang, &format!("application-status-{}", r.status)),
        stage_words: t(lang, &format!("application-stage-{}-{call_type}", r.stage)),
    }
}

/// A lot's bar in the chart: requested against the envelope.
#[derive(Serialize)]
struct LotBar {
    number: i32,
    envelope: String,
    requested: String,
    submitted: i64,
    withdrawn: i64,
    /// Width of the requested bar, in percent of the chart (the envelope's mark is at
    /// `envelope_at`); over 100% of the envelope the bar is capped and marked.
    requested_width: i64,
    envelope_at: i64,
    over: bool,
    ratio: String,
}

fn lot_bars(lang: Lang, r: &Received) -> Vec<LotBar> {
    let figures: Vec<(i64, i64)> = r
        .lots
        .iter()
        .map(|l| {
            let requested = r.figures.get(&l.id).map_or(0, |f| f.requested_cents);
            (requested, l.envelope_cents)
        })
        .collect();
    // One scale for every lot: the largest of envelopes and requests fills the chart.
    let scale = figures
        .iter()
        .map(|(a, b)| (*a).max(*b))
        .max()
        .unwrap_or(1)
        .max(1);
    r.lots
        .iter()
        .zip(figures)
        .map(|(l, (requested, envelope))| {
            let f = r.figures.get(&l.id).cloned().unwrap_or_default();
            LotBar {
                number: l.number,
                envelope: format::money(lang, Money::from_cents(envelope)),
                requested: format::money(lang, Money::from_cents(requested)),
                submitted: f.by_status.get("submitted").copied().unwrap_or(0),
                withdrawn: f.by_status.get("withdrawn").copied().unwrap_or(0),
                requested_width: (requested as i128 * 100 / scale as i128) as i64,
                envelope_at: (envelope as i128 * 100 / scale as i128) as i64,
                over: requested > envelope,
                ratio: if envelope > 0 {
                    format!("{} %", requested as i128 * 100 / envelope as i128)
                } else {
                    "–".into()
                },
            }
        })
        .collect()
}

pub async fn list(
    page: Page,
    path: web::Path<String>,
    query: web::Query<ReceivedQuery>,
) -> AppResult<HttpResponse> {
    let call_id = path.into_inner();
    let query = query.into_inner();
    let lang = page.lang();
    let (filter, bad) = query.filter();
    let page_no: i64 = query.page.parse().unwrap_or(1).clamp(1, 100_000);
    let r = service::received(
        &page.state,
        &page.actor(),
        call_id,
        filter,
        query.sort(),
        (page_no - 1) * PAGE_SIZE,
        PAGE_SIZE,
    )
    .await?;
    let call_type = r.call.call_type.as_str();
    let mut ctx = tera::Context::new();
    ctx.insert("call_id", &r.call.row.id);
    ctx.insert("reference", &r.call.row.reference);
    ctx.insert("call", &crate::views::Shown::new(r.call.title(), lang));
    ctx.insert(
        "deadline",
        &r.call.row.deadline.map(|d| format::instant_long(lang, d)),
    );
    ctx.insert(
        "rows",
        &r.rows
            .iter()
            .map(|row| row_view(lang, row, &r.lots, call_type))
            .collect::<Vec<_>>(),
    );
    ctx.insert("bars", &lot_bars(lang, &r));
    ctx.insert(
        "lots",
        &r.lots
            .iter()
            .map(|l| (l.id.clone(), l.number))
            .collect::<Vec<_>>(),
    );
    ctx.insert("q", &query);
    ctx.insert("applicant_types", &crate::domain::calls::APPLICANT_TYPES);
    ctx.insert("oblasts", &crate::domain::organisations::OBLASTS);
    let messages: Vec<String> = bad
        .iter()
        .map(|f| crate::i18n::field_message(lang, "error-amount-invalid", f))
        .collect();
    ctx.insert("filter_problems", &messages);
    // Invitations follow the approved concept-note report (SEL-03), from the board.
    ctx.insert(
        "restricted_after_deadline",
        &(r.call.call_type == crate::domain::calls::CallType::Restricted
            && r.call
                .row
                .deadline
                .is_some_and(|d| page.state.clock.now() > d)),
    );
    ctx.insert("pager", &Pager::new(page_no, r.total, PAGE_SIZE));
    ctx.insert("filter_qs", &super::page::filter_query(&query));
    insert_declaration(&page, &mut ctx, &r.call.row.id).await?;
    page.render("manage/received.html", ctx)
}

async fn all_rows(page: &Page, call_id: String, query: &ReceivedQuery) -> AppResult<Received> {
    let (filter, _) = query.filter();
    service::received(
        &page.state,
        &page.actor(),
        call_id,
        filter,
        query.sort(),
        0,
        EXPORT_MAX,
    )
    .await
}

fn header(lang: Lang) -> Vec<String> {
    [
        "received-receipt",
        "received-lot",
        "received-organisation",
        "received-applicant-type",
        "received-oblast",
        "received-title",
        "received-requested-eur",
        "received-duration",
        "received-submitted-at",
        "received-status",
        "received-stage",
    ]
    .iter()
    .map(|k| t(lang, k))
    .collect()
}

fn cells(v: &RowView) -> Vec<String> {
    vec![
        v.receipt.clone(),
        v.lot.to_string(),
        v.organisation.clone(),
        v.applicant_type.clone(),
        v.oblast.clone(),
        v.title.clone(),
        v.requested_plain.clone(),
        v.duration.clone(),
        v.submitted_at.clone(),
        v.status_words.clone(),
        v.stage_words.clone(),
    ]
}

fn export_name(reference: &str, ext: &str) -> String {
    let safe: String = reference
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    format!("applications-{safe}.{ext}")
}

fn file_name(reference: &str, ext: &str) -> String {
    format!("attachment; filename=\"{}\"", export_name(reference, ext))
}

pub async fn export_csv(
    page: Page,
    path: web::Path<String>,
    query: web::Query<ReceivedQuery>,
) -> AppResult<HttpResponse> {
    let query = query.into_inner();
    let lang = page.lang();
    let r = all_rows(&page, path.into_inner(), &query).await?;
    let mut out = crate::views::csv::Csv::new(header(lang))?;
    let call_type = r.call.call_type.as_str();
    for row in &r.rows {
        let v = row_view(lang, row, &r.lots, call_type);
        out.row(cells(&v))?;
    }
    out.response(&export_name(&r.call.row.reference, "csv"))
}

pub async fn export_xlsx(
    page: Page,
    path: web::Path<String>,
    query: web::Query<ReceivedQuery>,
) -> AppResult<HttpResponse> {
    use rust_xlsxwriter::{Format, Workbook};
    let query = query.into_inner();
    let lang = page.lang();
    let r = all_rows(&page, path.into_inner(), &query).await?;
    let fail = |e: rust_xlsxwriter::XlsxError| AppError::Internal(anyhow::anyhow!("xlsx: {e}"));
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let bold = Format::new().set_bold();
    let euros = Format::new().set_num_format("#,##0.00");
    for (c, h) in header(lang).iter().enumerate() {
        sheet
            .write_string_with_format(0, c as u16, h, &bold)
            .map_err(fail)?;
    }
    let call_type = r.call.call_type.as_str();
    for (i, row) in r.rows.iter().enumerate() {
        let v = row_view(lang, row, &r.lots, call_type);
        let line = (i + 1) as u32;
        for (c, cell) in cells(&v).iter().enumerate() {
            match c {
                1 => sheet.write_number(line, 1, f64::from(v.lot)).map(|_| ()),
                // Amounts as numbers, so that the sheet can total them.
                6 => match row.requested_cents {
                    Some(cents) => sheet
                        .write_number_with_format(line, 6, cents as f64 / 100.0, &euros)
                        .map(|_| ()),
                    None => Ok(()),
                },
                _ => sheet.write_string(line, c as u16, cell).map(|_| ()),
            }
            .map_err(fail)?;
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
            file_name(&r.call.row.reference, "xlsx"),
        ))
        .insert_header((actix_web::http::header::CACHE_CONTROL, "no-store"))
        .body(bytes))
}

#[derive(Serialize)]
struct OpenedView {
    receipt: String,
    organisation: String,
    lot: i32,
    at: String,
}

/// One stage of the opening page.
#[derive(Serialize)]
struct StageView {
    stage: &'static str,
    opened_at: Option<String>,
    /// When it may be opened (Almaty time), if there is anything to open.
    opens_after: Option<String>,
    may_open: bool,
    parts: Vec<(&'static str, Vec<OpenedView>)>,
}

/// The opening records of the call, stage by stage, or (after the stage's deadline,
/// for staff who manage calls) the button that makes one.
pub async fn opening(page: Page, path: web::Path<String>) -> AppResult<HttpResponse> {
    let (call, openings) =
        crate::services::opening::record_of(&page.state, &page.actor(), path.into_inner()).await?;
    let lang = page.lang();
    let now = page.state.clock.now();
    let may_manage = page
        .actor()
        .require(crate::domain::access::Action::ManageCalls)
        .is_ok();
    let mut ctx = tera::Context::new();
    ctx.insert("call_id", &call.row.id);
    ctx.insert("reference", &call.row.reference);
    ctx.insert("call", &crate::views::Shown::new(call.title(), lang));
    ctx.insert(
        "deadline",
        &call.row.deadline.map(|d| format::instant_long(lang, d)),
    );
    let lines = |v: &[crate::services::opening::OpenedLine]| {
        v.iter()
            .map(|l| OpenedView {
                receipt: l.receipt.clone(),
                organisation: l.organisation.clone(),
                lot: l.lot,
                at: crate::clock::format_local(l.at),
            })
            .collect::<Vec<_>>()
    };
    let stages: Vec<StageView> = openings
        .iter()
        .map(|o| {
            let mut parts = Vec::new();
            if let Some((_, record)) = &o.made {
                parts.push(("in_time", lines(&record.in_time)));
                parts.push(("withdrawn", lines(&record.withdrawn)));
                if o.stage == crate::domain::applications::OpeningStage::Full {
                    parts.push(("not_submitted", lines(&record.not_submitted)));
                }
                parts.push(("late", lines(&record.late)));
            }
            StageView {
                stage: o.stage.as_str(),
                opened_at: o
                    .made
                    .as_ref()
                    .map(|(row, _)| format::instant_long(lang, row.opened_at)),
                opens_after: o.opens_after.map(|d| format::instant_long(lang, d)),
                may_open: o.made.is_none()
                    && crate::domain::time::passed(now, o.opens_after)
                    && may_manage,
                parts,
            }
        })
        .collect();
    ctx.insert("stages", &stages);
    ctx.insert("call_type", call.call_type.as_str());
    insert_declaration(&page, &mut ctx, &call.row.id).await?;
    page.render("manage/opening.html", ctx)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OpenForm {
    #[serde(default)]
    stage: String,
}

pub async fn open(
    page: Page,
    path: web::Path<String>,
    form: web::Form<OpenForm>,
) -> AppResult<HttpResponse> {
    let call_id = path.into_inner();
    let back = format!("/manage/calls/{call_id}/opening");
    // A form without a stage is the call's (the page before the full stage existed); an
    // unknown stage opens nothing.
    let stage = match form.stage.trim() {
        "" => crate::domain::applications::OpeningStage::Call,
        other => crate::domain::applications::OpeningStage::parse(other)
            .ok_or(AppError::BadRequest("error-invalid-form"))?,
    };
    match crate::services::opening::open(&page.state, &page.actor(), call_id, stage).await {
        Ok(()) => Ok(page.flash_redirect("success", "flash-opened", &back)),
        Err(AppError::Conflict(key)) => Ok(page.flash_redirect("error", key, &back)),
        Err(e) => Err(e),
    }
}

/// The call's declaration for Delegation staff who have not signed it yet (EVC-02): the
/// page offers it before they open, check or read the applications.
async fn insert_declaration(page: &Page, ctx: &mut tera::Context, call_id: &str) -> AppResult<()> {
    let needed = crate::services::reading::declaration_needed(
        &page.state,
        &page.actor(),
        call_id.to_string(),
        page.lang(),
    )
    .await?;
    if let Some((_, text)) = needed {
        ctx.insert("declaration", &text);
        ctx.insert("declaration_call_id", call_id);
        ctx.insert("declaration_next", &page.here);
    }
    Ok(())
}
