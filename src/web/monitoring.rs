//! Programme monitoring pages: the dashboard with its server-drawn SVG chart, which is
//! also the printable semi-annual Steering Committee report (TL-07), its XLSX, and the
//! IATI 2.03 activity file of the grants.

use actix_web::http::header;
use actix_web::{web, HttpResponse};
use serde::Serialize;

use super::page::Page;
use crate::domain::contracts::ContractStatus;
use crate::domain::money::{format_percent, Money};
use crate::domain::monitoring::{bar_width, committed, net_paid, Figures};
use crate::error::{AppError, AppResult};
use crate::i18n::{t, Lang};
use crate::services::monitoring::{self as service, Monitoring};
use crate::views::format;

/// Width of the chart's bars at the largest value, in SVG units.
const BAR_FULL: u32 = 520;

#[derive(Serialize)]
struct Row {
    label: String,
    envelope: String,
    awarded: String,
    awards: usize,
    contracted: String,
    contracts: usize,
    paid: String,
    to_pay: String,
    unawarded: String,
    /// Bar widths for the chart: envelope, awarded, contracted, paid.
    bars: [u32; 4],
    /// Paid as a share of the envelope.
    paid_share: String,
}

fn row(lang: Lang, label: String, f: &Figures, max: Money) -> Row {
    let m = |x: Money| format::money(lang, x);
    Row {
        label,
        envelope: m(f.envelope),
        awarded: m(f.awarded),
        awards: f.awards,
        contracted: m(f.contracted),
        contracts: f.contracts,
        paid: m(f.paid),
        to_pay: m(f.to_pay),
        unawarded: m(f.unawarded),
        bars: [
            bar_width(f.envelope, max, BAR_FULL),
            bar_width(f.awarded, max, BAR_FULL),
            bar_width(f.contracted, max, BAR_FULL),
            bar_width(f.paid, max, BAR_FULL),
        ],
        paid_share: if f.envelope > Money::ZERO {
            format!(
                "{} %",
                format_percent(f.paid.cents().saturating_mul(10_000) / f.envelope.cents())
            )
        } else {
            "–".into()
        },
    }
}

fn locality(lang: Lang, code: &str) -> String {
    if code.is_empty() {
        "–".into()
    } else if code.len() == 2 && code.chars().all(|c| c.is_ascii_uppercase()) {
        code.to_string()
    } else {
        t(lang, &format!("location-{code}"))
    }
}

#[derive(Serialize)]
struct ContractView {
    id: String,
    number: String,
    beneficiary: String,
    locality: String,
    status: String,
    status_key: String,
    committed: String,
    paid: String,
    paid_in_semester: String,
    end: Option<String>,
}

fn lot_label(lang: Lang, l: &crate::db::contracts::MonitoredLot) -> String {
    format!(
        "{} · {} {}: {}",
        l.call_reference,
        t(lang, "lot-label-plain"),
        l.number,
        l.title
    )
}

pub async fn dashboard(page: Page, path: web::Path<String>) -> AppResult<HttpResponse> {
    let lang = page.lang();
    let m = service::programme(&page.state, &page.actor(), path.into_inner()).await?;
    let max = m
        .lots
        .iter()
        .map(|(_, f)| f.envelope.max(f.awarded))
        .chain(m.envelopes.iter().map(|(_, f)| f.envelope.max(f.awarded)))
        .max()
        .unwrap_or(Money::ZERO);
    let mut ctx = tera::Context::new();
    ctx.insert("id", &m.programme.id);
    ctx.insert("reference", &m.programme.reference);
    ctx.insert("title", &m.programme.title);
    ctx.insert("today", &format::date_long(lang, m.today));
    ctx.insert("semester_start", &format::date_long(lang, m.semester.0));
    ctx.insert("semester_end", &format::date_long(lang, m.semester.1));
    ctx.insert(
        "contracting_deadline",
        &format::date_long(lang, m.timeline.contracting_deadline),
    );
    ctx.insert(
        "operational_end",
        &format::date_long(lang, m.timeline.operational_end),
    );
    ctx.insert(
        "envelopes",
        &m.envelopes
            .iter()
            .map(|(name, f)| row(lang, name.view().for_reader(lang).0.to_string(), f, max))
            .collect::<Vec<_>>(),
    );
    ctx.insert(
        "lots",
        &m.lots
            .iter()
            .map(|(l, f)| row(lang, lot_label(lang, l), f, max))
            .collect::<Vec<_>>(),
    );
    ctx.insert(
        "total",
        &row(lang, t(lang, "monitoring-total"), &m.total, max),
    );
    ctx.insert(
        "by_locality",
        &m.by_locality
            .iter()
            .map(|(code, n)| (locality(lang, code), *n))
            .collect::<Vec<_>>(),
    );
    ctx.insert("women", &m.targeted_women);
    ctx.insert("men", &m.targeted_men);
    ctx.insert("contracts", &contract_views(lang, &m));
    ctx.insert("bar_full", &BAR_FULL);
    page.render("monitoring/programme.html", ctx)
}

fn contract_views(lang: Lang, m: &Monitoring) -> Vec<ContractView> {
    m.contracts
        .iter()
        .map(|c| ContractView {
            id: c.row.id.clone(),
            number: c.row.number.clone(),
            beneficiary: c.beneficiary.clone(),
            locality: locality(lang, &c.locality),
            status: t(lang, &c.money.status.label_key()),
            status_key: c.row.status.clone(),
            committed: format::money(lang, committed(&c.money)),
            paid: format::money(lang, net_paid(&c.money)),
            paid_in_semester: format::money(lang, c.paid_in_semester),
            end: c.row.end_date.map(|d| format::date_long(lang, d)),
        })
        .collect()
}

fn file_name(reference: &str, suffix: &str) -> String {
    format!(
        "attachment; filename=\"{}-{suffix}\"",
        reference.replace(|c: char| !c.is_ascii_alphanumeric() && c != '-', "_")
    )
}

/// The Steering Committee report's tables as XLSX (TL-07).
pub async fn report_xlsx(page: Page, path: web::Path<String>) -> AppResult<HttpResponse> {
    let lang = page.lang();
    let m = service::programme(&page.state, &page.actor(), path.into_inner()).await?;
    let fail = |e: rust_xlsxwriter::XlsxError| AppError::Internal(anyhow::anyhow!(e));
    let mut book = rust_xlsxwriter::Workbook::new();
    let bold = rust_xlsxwriter::Format::new().set_bold();
    let euros = rust_xlsxwriter::Format::new().set_num_format("#,##0.00");
    let heads = [
        "monitoring-line",
        "monitoring-envelope",
        "monitoring-awarded",
        "monitoring-contracted",
        "monitoring-paid",
        "monitoring-to-pay",
        "monitoring-unawarded",
    ];
    let as_euros = |x: Money| x.cents() as f64 / 100.0;
    {
        let sheet = book.add_worksheet();
        sheet
            .set_name(t(lang, "monitoring-sheet-money"))
            .map_err(fail)?;
        sheet
            .write_string_with_format(
                0,
                0,
                format!(
                    "{} — {} – {}",
                    m.programme.reference,
                    format::date_long(lang, m.semester.0),
                    format::date_long(lang, m.semester.1)
                ),
                &bold,
            )
            .map_err(fail)?;
        for (c, h) in heads.iter().enumerate() {
            sheet
                .write_string_with_format(2, c as u16, t(lang, h), &bold)
                .map_err(fail)?;
        }
        let rows = m
            .envelopes
            .iter()
            .map(|(name, f)| (name.view().for_reader(lang).0.to_string(), f))
            .chain(m.lots.iter().map(|(l, f)| (lot_label(lang, l), f)))
            .chain(std::iter::once((t(lang, "monitoring-total"), &m.total)));
        for (line, (label, f)) in (3u32..).zip(rows) {
            sheet.write_string(line, 0, &label).map_err(fail)?;
            for (c, v) in [
                f.envelope,
                f.awarded,
                f.contracted,
                f.paid,
                f.to_pay,
                f.unawarded,
            ]
            .iter()
            .enumerate()
            {
                // Amounts are numbers here (to sum in the sheet); cents kept exact as euros.
                sheet
                    .write_number_with_format(line, c as u16 + 1, as_euros(*v), &euros)
                    .map_err(fail)?;
            }
        }
        sheet.autofit();
    }
    {
        let sheet = book.add_worksheet();
        sheet
            .set_name(t(lang, "monitoring-sheet-contracts"))
            .map_err(fail)?;
        let heads = [
            "contract-number",
            "awards-beneficiary",
            "report-locality",
            "status",
            "monitoring-contracted",
            "monitoring-paid",
            "monitoring-paid-semester",
            "contract-end",
        ];
        for (c, h) in heads.iter().enumerate() {
            sheet
                .write_string_with_format(0, c as u16, t(lang, h), &bold)
                .map_err(fail)?;
        }
        for (i, c) in m.contracts.iter().enumerate() {
            let line = i as u32 + 1;
            sheet.write_string(line, 0, &c.row.number).map_err(fail)?;
            sheet.write_string(line, 1, &c.beneficiary).map_err(fail)?;
            sheet
                .write_string(line, 2, locality(lang, &c.locality))
                .map_err(fail)?;
            sheet
                .write_string(line, 3, t(lang, &c.money.status.label_key()))
                .map_err(fail)?;
            sheet
                .write_number_with_format(line, 4, as_euros(committed(&c.money)), &euros)
                .map_err(fail)?;
            sheet
                .write_number_with_format(line, 5, as_euros(net_paid(&c.money)), &euros)
                .map_err(fail)?;
            sheet
                .write_number_with_format(line, 6, as_euros(c.paid_in_semester), &euros)
                .map_err(fail)?;
            sheet
                .write_string(
                    line,
                    7,
                    c.row.end_date.map(|d| d.to_string()).unwrap_or_default(),
                )
                .map_err(fail)?;
        }
        sheet.autofit();
    }
    let bytes = book.save_to_buffer().map_err(fail)?;
    Ok(HttpResponse::Ok()
        .insert_header((
            header::CONTENT_TYPE,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ))
        .insert_header((
            header::CONTENT_DISPOSITION,
            file_name(&m.programme.reference, "steering-report.xlsx"),
        ))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(bytes))
}

#[derive(Serialize)]
struct IatiActivity {
    identifier: String,
    title: String,
    beneficiary: String,
    /// IATI ActivityStatus: 1 pipeline, 2 implementation, 3 finalisation, 4 closed,
    /// 5 cancelled.
    status: u8,
    start: Option<String>,
    end: Option<String>,
    committed: String,
    transactions: Vec<(String, String)>,
}

fn iati_amount(m: Money) -> String {
    format!("{}.{:02}", m.cents() / 100, m.cents() % 100)
}

/// The grants as IATI 2.03 activities (one per signed contract): commitment and
/// disbursements in EUR.
pub async fn iati(page: Page, path: web::Path<String>) -> AppResult<HttpResponse> {
    let m = service::programme(&page.state, &page.actor(), path.into_inner()).await?;
    let activities: Vec<IatiActivity> = m
        .contracts
        .iter()
        .filter(|c| {
            !matches!(
                c.money.status,
                ContractStatus::Draft | ContractStatus::Sent | ContractStatus::Withdrawn
            )
        })
        .map(|c| IatiActivity {
            identifier: format!("XI-IATI-EC_INTPA-{}", c.row.number.replace(['/', ' '], "-")),
            title: format!("{} — {}", m.programme.reference, c.row.number),
            beneficiary: c.beneficiary.clone(),
            status: match c.money.status {
                ContractStatus::Active | ContractStatus::Suspended => 2,
                ContractStatus::Closed => 4,
                ContractStatus::Terminated => 5,
                _ => 1,
            },
            start: c.row.start_date.map(|d| d.to_string()),
            end: c.row.end_date.map(|d| d.to_string()),
            committed: iati_amount(committed(&c.money)),
            transactions: c
                .payments
                .iter()
                .map(|(day, amount)| (day.to_string(), iati_amount(*amount)))
                .collect(),
        })
        .collect();
    let mut ctx = tera::Context::new();
    ctx.insert("activities", &activities);
    ctx.insert("generated", &crate::web::api::utc(page.state.clock.now()));
    ctx.insert("today", &m.today.to_string());
    ctx.insert("programme", &m.programme.reference);
    let xml = page
        .state
        .templates
        .render("monitoring/iati.xml", &ctx)
        .map_err(|e| AppError::Internal(anyhow::anyhow!("template iati.xml: {e:?}")))?;
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, "application/xml; charset=utf-8"))
        .insert_header((
            header::CONTENT_DISPOSITION,
            file_name(&m.programme.reference, "iati-activities.xml"),
        ))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(xml))
}
