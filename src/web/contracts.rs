//! Grant contract pages: the list, the preparation form of an awarded application, and
//! one contract's page where staff send, record payments, decide on reports, terminate
//! and close, and the beneficiary countersigns and reports.

use actix_multipart::Multipart;
use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use serde::{Deserialize, Serialize};

use super::page::Page;
use crate::domain::access::Action;
use crate::domain::attachments::Purpose;
use crate::domain::contracts::{
    end_date, no_payment_termination_on, ReportStatus as ContractReportStatus, TrancheKind,
};
use crate::domain::money::{format_percent, Money};
use crate::domain::time::local_date;
use crate::domain::FieldError;
use crate::error::{AppError, AppResult};
use crate::i18n::{t, Lang};
use crate::services::contracts::{self as service, ReportDecision, TermsInput};
use crate::services::uploads;
use crate::views::format;

fn money(lang: Lang, cents: i64) -> String {
    format::money(lang, Money::from_cents(cents))
}

fn percent(bp: i64) -> String {
    format!("{} %", format_percent(bp))
}

#[derive(Serialize)]
struct ContractLine {
    id: String,
    number: String,
    status: String,
    status_key: String,
    max_eu: String,
    share: String,
    start: Option<String>,
    end: Option<String>,
}

#[derive(Serialize)]
struct AwaitingLine {
    application_id: String,
    beneficiary: String,
    purpose: String,
    amount: String,
    share: String,
    decided: String,
}

pub async fn list(page: Page) -> AppResult<HttpResponse> {
    let lang = page.lang();
    let (contracts, awaiting) = service::list(&page.state, &page.actor()).await?;
    let mut ctx = tera::Context::new();
    ctx.insert(
        "contracts",
        &contracts
            .iter()
            .map(|c| ContractLine {
                id: c.id.clone(),
                number: c.number.clone(),
                status: t(lang, &format!("contract-status-{}", c.status)),
                status_key: c.status.clone(),
                max_eu: money(lang, c.max_eu_cents),
                share: percent(c.eu_share_bp),
                start: c.start_date.map(|d| format::date_long(lang, d)),
                end: c.end_date.map(|d| format::date_long(lang, d)),
            })
            .collect::<Vec<_>>(),
    );
    ctx.insert(
        "awaiting",
        &awaiting
            .iter()
            .map(|a| AwaitingLine {
                application_id: a.application_id.clone(),
                beneficiary: a.beneficiary.clone(),
                purpose: a.purpose.clone(),
                amount: money(lang, a.amount_cents),
                share: percent(a.eu_share_bp),
                decided: format::instant_long(lang, a.decided_at),
            })
            .collect::<Vec<_>>(),
    );
    ctx.insert(
        "may_manage",
        &page.actor().require(Action::ManageContracts).is_ok(),
    );
    page.render("contracts/list.html", ctx)
}

async fn render_prepare(
    page: &Page,
    application_id: String,
    status: StatusCode,
    form: Option<TermsInput>,
    errors: &[FieldError],
) -> AppResult<HttpResponse> {
    let lang = page.lang();
    let p = service::preparation(&page.state, &page.actor(), application_id.clone()).await?;
    let form = form.unwrap_or_else(|| match &p.existing {
        Some(c) => TermsInput {
            number: c.number.clone(),
            max_eu: Money::from_cents(c.max_eu_cents).format_input(),
            eu_share: format_percent(c.eu_share_bp),
            duration: c.duration_months.to_string(),
            agreed_start: c.agreed_start.map(|d| d.to_string()).unwrap_or_default(),
            lead_abroad: if c.lead_abroad {
                "yes".into()
            } else {
                String::new()
            },
        },
        None => TermsInput {
            number: p.proposed_number.clone(),
            max_eu: Money::from_cents(p.award.amount_cents).format_input(),
            eu_share: format_percent(p.award.eu_share_bp),
            duration: p
                .requested_duration
                .map(|d| (d as u32).min(p.longest_duration).to_string())
                .unwrap_or_default(),
            agreed_start: String::new(),
            lead_abroad: String::new(),
        },
    });
    let mut ctx = tera::Context::new();
    ctx.insert("application_id", &application_id);
    ctx.insert("title", &p.title);
    ctx.insert("beneficiary", &p.award.beneficiary);
    ctx.insert("purpose", &p.award.purpose);
    ctx.insert("award_amount", &money(lang, p.award.amount_cents));
    ctx.insert("award_share", &percent(p.award.eu_share_bp));
    ctx.insert("longest", &p.longest_duration);
    ctx.insert(
        "contracting_deadline",
        &format::date_long(lang, p.contracting_deadline),
    );
    ctx.insert(
        "operational_end",
        &format::date_long(lang, p.operational_end),
    );
    ctx.insert("existing", &p.existing.as_ref().map(|c| c.id.clone()));
    ctx.insert(
        "locked",
        &p.existing.as_ref().is_some_and(|c| c.status != "draft"),
    );
    ctx.insert("number", &form.number);
    ctx.insert("max_eu", &form.max_eu);
    ctx.insert("eu_share", &form.eu_share);
    ctx.insert("duration", &form.duration);
    ctx.insert("agreed_start", &form.agreed_start);
    ctx.insert("lead_abroad", &(form.lead_abroad == "yes"));
    page.show_errors(&mut ctx, errors);
    page.render_status(status, "contracts/prepare.html", ctx)
}

pub async fn prepare_form(page: Page, path: web::Path<String>) -> AppResult<HttpResponse> {
    render_prepare(&page, path.into_inner(), StatusCode::OK, None, &[]).await
}

pub async fn prepare(
    page: Page,
    path: web::Path<String>,
    form: web::Form<TermsInput>,
) -> AppResult<HttpResponse> {
    let application_id = path.into_inner();
    let input = form.into_inner();
    match service::save_terms(
        &page.state,
        &page.actor(),
        application_id.clone(),
        input.clone(),
    )
    .await
    {
        Ok(id) => Ok(page.flash_redirect(
            "success",
            "flash-contract-saved",
            &format!("/contracts/{id}"),
        )),
        Err(AppError::Validation(errors)) => {
            render_prepare(
                &page,
                application_id,
                StatusCode::UNPROCESSABLE_ENTITY,
                Some(input),
                &errors,
            )
            .await
        }
        Err(AppError::Conflict(key)) => {
            render_prepare(
                &page,
                application_id,
                StatusCode::CONFLICT,
                Some(input),
                &[FieldError::new("number", key)],
            )
            .await
        }
        Err(e) => Err(e),
    }
}

#[derive(Serialize)]
struct TrancheView {
    position: i32,
    kind: String,
    planned: String,
    payable: Option<String>,
    paid: String,
    due: Option<String>,
    overdue: bool,
    open: bool,
    after_report: Option<i32>,
    arithmetic: Option<String>,
}

#[derive(Serialize)]
struct PaymentView {
    kind: String,
    tranche: Option<i32>,
    amount: String,
    paid_on: String,
    reference: String,
}

#[derive(Serialize)]
struct FileView {
    id: String,
    title: String,
    file_name: String,
    version: i32,
}

#[derive(Serialize)]
struct ReportView {
    position: i32,
    kind: String,
    period_end: String,
    due: String,
    overdue: bool,
    status: String,
    status_key: String,
    verification: bool,
    costs: Option<String>,
    accepted: Option<String>,
    summary: String,
    staff_comment: Option<String>,
    information_due: Option<String>,
    files: Vec<FileView>,
    missing: Vec<String>,
    open: bool,
    submitted: bool,
    documents: Vec<(String, String)>,
}

#[derive(Serialize)]
struct AmendmentView {
    number: i32,
    kind: String,
    status_key: String,
    status: String,
    effective_on: String,
    new_end: Option<String>,
    transfer: Option<String>,
    description: String,
    comment: Option<String>,
    requested_at: String,
}

#[derive(Serialize)]
struct VersionView {
    version: i32,
    reason: String,
    at: String,
    changes: Vec<(String, String, String)>,
}

/// The fields that differ between two version snapshots.
fn diff(before: &serde_json::Value, after: &serde_json::Value) -> Vec<(String, String, String)> {
    let show = |v: Option<&serde_json::Value>| match v {
        None | Some(serde_json::Value::Null) => "–".to_string(),
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(other) => other.to_string(),
    };
    let Some(fields) = after.as_object() else {
        return Vec::new();
    };
    fields
        .keys()
        .filter(|k| before.get(k.as_str()) != after.get(k.as_str()))
        .map(|k| {
            (
                k.clone(),
                show(before.get(k.as_str())),
                show(after.get(k.as_str())),
            )
        })
        .collect()
}

fn release_text(lang: Lang, kind: &str, release: &str) -> Option<String> {
    let v: serde_json::Value = serde_json::from_str(release).ok()?;
    let m = |key: &str| money(lang, v.get(key).and_then(|x| x.as_i64()).unwrap_or(0));
    if kind == TrancheKind::Balance.as_str() {
        Some(crate::i18n::t_args(
            lang,
            "contract-final-arithmetic",
            &[
                ("by_share", m("by_share")),
                ("maximum", m("maximum")),
                ("grant", m("grant")),
                ("paid", m("paid")),
                ("balance", m("balance")),
                ("recovery", m("recovery")),
            ],
        ))
    } else {
        Some(crate::i18n::t_args(
            lang,
            "contract-release-arithmetic",
            &[
                ("planned", m("planned")),
                ("required", m("required")),
                ("spent", m("spent")),
                ("shortfall", m("shortfall")),
                ("over_cap", m("over_cap")),
                ("payable", m("payable")),
            ],
        ))
    }
}

pub async fn show(page: Page, path: web::Path<String>) -> AppResult<HttpResponse> {
    let lang = page.lang();
    let d = service::detail(&page.state, &page.actor(), path.into_inner()).await?;
    let today = local_date(page.state.clock.now());
    let c = &d.contract;
    let mut ctx = tera::Context::new();
    ctx.insert("id", &c.id);
    ctx.insert("number", &c.number);
    ctx.insert("status_key", &c.status);
    ctx.insert("status", &t(lang, &d.status.label_key()));
    ctx.insert("title", &d.title);
    ctx.insert("beneficiary", &d.beneficiary);
    ctx.insert("application_id", &c.application_id);
    ctx.insert("max_eu", &money(lang, c.max_eu_cents));
    ctx.insert("share", &percent(c.eu_share_bp));
    ctx.insert("duration", &c.duration_months);
    ctx.insert("lead_abroad", &c.lead_abroad);
    ctx.insert(
        "award",
        &d.award.as_ref().map(|a| {
            (
                money(lang, a.amount_cents.unwrap_or(0)),
                percent(a.eu_share_bp.unwrap_or(0)),
            )
        }),
    );
    let date = |x: Option<chrono::NaiveDate>| x.map(|x| format::date_long(lang, x));
    ctx.insert("agreed_start", &date(c.agreed_start));
    ctx.insert("start", &date(c.start_date));
    ctx.insert("end", &date(c.end_date));
    ctx.insert("countersign_by", &date(c.countersign_by));
    // CON-02: signed today, the action would start the next day or on the agreed day.
    ctx.insert(
        "start_if_signed_today",
        &crate::domain::contracts::start_date(today, c.agreed_start)
            .ok()
            .map(|d| format::date_long(lang, d)),
    );
    ctx.insert(
        "agreed_start_passed",
        &c.agreed_start.is_some_and(|a| a <= today),
    );
    ctx.insert(
        "countersign_late",
        &c.countersign_by.is_some_and(|by| today > by),
    );
    ctx.insert("sent_at", &c.sent_at.map(|x| format::instant_long(lang, x)));
    ctx.insert(
        "countersigned_at",
        &c.countersigned_at.map(|x| format::instant_long(lang, x)),
    );
    ctx.insert(
        "ended_at",
        &c.ended_at.map(|x| format::instant_long(lang, x)),
    );
    ctx.insert("end_reason", &c.end_reason);
    ctx.insert("keep_until", &date(c.keep_until));
    ctx.insert(
        "contracting_deadline",
        &format::date_long(lang, d.timeline.contracting_deadline),
    );
    ctx.insert(
        "operational_end",
        &format::date_long(lang, d.timeline.operational_end),
    );
    ctx.insert("longest", &d.longest_duration);
    // What 'longest' means today: the end if sent today with the current duration.
    ctx.insert(
        "end_if_today",
        &today
            .succ_opt()
            .and_then(|s| end_date(s, c.duration_months as u32).ok())
            .map(|e| format::date_long(lang, e)),
    );
    let any_payment = d.payments.iter().any(|p| p.kind == "payment");
    ctx.insert(
        "no_payment_deadline",
        &c.countersigned_at
            .filter(|_| !any_payment && d.status.is_running())
            .and_then(|at| no_payment_termination_on(local_date(at)).ok())
            .map(|x| format::date_long(lang, x)),
    );
    let paid_on = |position: i32| service::paid_on_tranche(&d.payments, position);
    ctx.insert(
        "tranches",
        &d.tranches
            .iter()
            .map(|tr| {
                let paid = paid_on(tr.position);
                let open = tr.payable_cents.is_some_and(|p| paid < p);
                TrancheView {
                    position: tr.position,
                    kind: t(lang, &format!("tranche-kind-{}", tr.kind.replace('_', "-"))),
                    planned: money(lang, tr.planned_cents),
                    payable: tr.payable_cents.map(|p| money(lang, p)),
                    paid: money(lang, paid),
                    due: date(tr.due_on),
                    overdue: open && tr.due_on.is_some_and(|due| due < today),
                    open,
                    after_report: tr.after_report,
                    arithmetic: tr
                        .release
                        .as_deref()
                        .and_then(|r| release_text(lang, &tr.kind, r)),
                }
            })
            .collect::<Vec<_>>(),
    );
    let total_paid: i64 = d
        .payments
        .iter()
        .filter(|p| p.kind == "payment")
        .map(|p| p.amount_cents)
        .sum();
    ctx.insert("total_paid", &money(lang, total_paid));
    ctx.insert(
        "still_to_pay",
        &money(lang, (c.max_eu_cents - total_paid).max(0)),
    );
    ctx.insert(
        "payments",
        &d.payments
            .iter()
            .map(|p| PaymentView {
                kind: t(lang, &format!("payment-kind-{}", p.kind)),
                tranche: p.tranche_position,
                amount: money(lang, p.amount_cents),
                paid_on: format::date_long(lang, p.paid_on),
                reference: p.reference.clone(),
            })
            .collect::<Vec<_>>(),
    );
    if let Some(s) = &d.settlement {
        ctx.insert("final_grant", &money(lang, s.grant.cents()));
        ctx.insert(
            "recovery_due",
            &(s.recovery > Money::ZERO).then(|| money(lang, s.recovery.cents())),
        );
    }
    ctx.insert(
        "reports",
        &d.reports
            .iter()
            .map(|(r, files)| {
                let status =
                    ContractReportStatus::parse(&r.status).unwrap_or(ContractReportStatus::Due);
                let required = service::required_report_documents(r);
                let given: Vec<&str> = files.iter().map(|f| f.title.as_str()).collect();
                let open = matches!(
                    status,
                    ContractReportStatus::Due | ContractReportStatus::InformationRequested
                );
                let due = match (status, r.information_due) {
                    (ContractReportStatus::InformationRequested, Some(info)) => info,
                    _ => r.due_on,
                };
                ReportView {
                    position: r.position,
                    kind: t(lang, &format!("contract-report-kind-{}", r.kind)),
                    period_end: format::date_long(lang, r.period_end),
                    due: format::date_long(lang, r.due_on),
                    overdue: open && due < today,
                    status: t(lang, &status.label_key()),
                    status_key: r.status.clone(),
                    verification: r.verification,
                    costs: r.costs_cents.map(|x| money(lang, x)),
                    accepted: r.accepted_costs_cents.map(|x| money(lang, x)),
                    summary: r.narrative.clone(),
                    staff_comment: r.staff_comment.clone(),
                    information_due: date(r.information_due),
                    files: files
                        .iter()
                        .map(|f| FileView {
                            id: f.id.clone(),
                            title: t(lang, &format!("report-document-{}", f.title)),
                            file_name: f.file_name.clone(),
                            version: f.version,
                        })
                        .collect(),
                    missing: required
                        .iter()
                        .filter(|x| !given.contains(x))
                        .map(|x| t(lang, &format!("report-document-{x}")))
                        .collect(),
                    open,
                    submitted: status == ContractReportStatus::Submitted,
                    documents: required
                        .iter()
                        .map(|x| (x.to_string(), t(lang, &format!("report-document-{x}"))))
                        .collect(),
                }
            })
            .collect::<Vec<_>>(),
    );
    ctx.insert(
        "signed_files",
        &d.signed_files
            .iter()
            .map(|f| FileView {
                id: f.id.clone(),
                title: t(lang, "contract-signed-file"),
                file_name: f.file_name.clone(),
                version: f.version,
            })
            .collect::<Vec<_>>(),
    );
    let mut before = serde_json::Value::Object(Default::default());
    let mut versions = Vec::new();
    for v in &d.versions {
        let after: serde_json::Value = serde_json::from_str(&v.terms).unwrap_or_default();
        versions.push(VersionView {
            version: v.version,
            reason: t(
                lang,
                &format!("contract-version-{}", v.reason.replace('_', "-")),
            ),
            at: format::instant_long(lang, v.created_at),
            // The first version is the contract as prepared: nothing changed yet.
            changes: if v.version == 1 {
                Vec::new()
            } else {
                diff(&before, &after)
            },
        });
        before = after;
    }
    versions.reverse();
    ctx.insert("versions", &versions);
    ctx.insert(
        "headings",
        &(0..6)
            .map(|i| {
                (
                    i + 1,
                    t(lang, &format!("budget-heading-{}", i + 1)),
                    money(lang, d.headings_signed[i].cents()),
                    money(lang, d.headings_now[i].cents()),
                )
            })
            .collect::<Vec<_>>(),
    );
    ctx.insert(
        "amendments",
        &d.amendments
            .iter()
            .map(|a| AmendmentView {
                number: a.number,
                kind: t(lang, &format!("amendment-kind-{}", a.kind)),
                status_key: a.status.clone(),
                status: t(lang, &format!("amendment-status-{}", a.status)),
                effective_on: format::date_long(lang, a.effective_on),
                new_end: date(a.new_end),
                transfer: match (a.transfer_from, a.transfer_to, a.transfer_cents) {
                    (Some(f), Some(to), Some(cents)) => Some(crate::i18n::t_args(
                        lang,
                        "amendment-transfer-text",
                        &[
                            ("amount", money(lang, cents)),
                            ("from", f.to_string()),
                            ("to", to.to_string()),
                        ],
                    )),
                    _ => None,
                },
                description: a.description.clone(),
                comment: a.comment.clone(),
                requested_at: format::instant_long(lang, a.requested_at),
            })
            .collect::<Vec<_>>(),
    );
    let earliest = today + chrono::Duration::days(crate::domain::contracts::AMENDMENT_NOTICE_DAYS);
    ctx.insert("earliest_effective", &earliest.to_string());
    ctx.insert(
        "transfer_percent",
        &crate::domain::money::format_percent(d.rules.transfer_notification_bp),
    );
    ctx.insert(
        "earliest_effective_words",
        &format::date_long(lang, earliest),
    );
    ctx.insert("suspended_since", &date(c.suspended_since));
    ctx.insert("suspended_days", &c.suspended_days);
    // AMD-01, TL-03: what resuming today would do to the end date, said before.
    if let (Some(since), Some(end)) = (c.suspended_since, c.end_date) {
        if let Ok(r) = crate::domain::contracts::resumption(
            end,
            (today - since).num_days(),
            d.timeline.operational_end,
        ) {
            ctx.insert(
                "resume_text",
                &resumption_text(lang, &r, d.timeline.operational_end),
            );
        }
    }
    ctx.insert("staff", &d.staff);
    ctx.insert("beneficiary_editor", &d.beneficiary_editor);
    ctx.insert("today", &today.to_string());
    page.render("contracts/show.html", ctx)
}

/// Where a contract form sends the user back, with the section to show.
fn back(id: &str, section: &str) -> String {
    format!("/contracts/{id}#{section}")
}

/// Redirects back to the section with the outcome as a message near it.
fn answer(
    page: &Page,
    id: &str,
    section: &str,
    result: AppResult<&'static str>,
) -> AppResult<HttpResponse> {
    match result {
        Ok(key) => {
            page.flash_near("success", key, &[], section);
            Ok(page.redirect(&back(id, section)))
        }
        Err(AppError::Validation(errors)) => {
            for e in errors {
                page.flash_near("error", e.code, &e.args, section);
            }
            Ok(page.redirect(&back(id, section)))
        }
        Err(AppError::Conflict(key)) => {
            page.flash_near("error", key, &[], section);
            Ok(page.redirect(&back(id, section)))
        }
        Err(e) => Err(e),
    }
}

pub async fn send(page: Page, path: web::Path<String>) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let r = service::send(&page.state, &page.actor(), id.clone())
        .await
        .map(|_| "flash-contract-sent");
    answer(&page, &id, "signature", r)
}

pub async fn countersign(
    page: Page,
    path: web::Path<String>,
    payload: Multipart,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let r = async {
        let (fields, file) = crate::web::input::read_multipart(payload, &["confirm"]).await?;
        if !fields.iter().any(|(k, v)| k == "confirm" && v == "yes") {
            return Err(AppError::field("confirm", "error-contract-confirm"));
        }
        let Some((file_name, bytes)) = file else {
            return Err(AppError::field("file", "error-annex-file-missing"));
        };
        let checked = uploads::check(Purpose::SignedContract, &file_name, bytes)?;
        service::countersign(&page.state, &page.actor(), id.clone(), checked).await?;
        Ok("flash-contract-countersigned")
    }
    .await;
    answer(&page, &id, "signature", r)
}

pub async fn record_payment(
    page: Page,
    path: web::Path<String>,
    form: web::Form<service::PaymentInput>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let r = service::record_payment(&page.state, &page.actor(), id.clone(), form.into_inner())
        .await
        .map(|_| "flash-payment-recorded");
    answer(&page, &id, "payments", r)
}

pub async fn upload_report_document(
    page: Page,
    path: web::Path<(String, i32)>,
    payload: Multipart,
) -> AppResult<HttpResponse> {
    let (id, position) = path.into_inner();
    let r = async {
        let (fields, file) = crate::web::input::read_multipart(payload, &["document"]).await?;
        let document = fields
            .into_iter()
            .find(|(k, _)| k == "document")
            .map(|(_, v)| v)
            .unwrap_or_default();
        let Some((file_name, bytes)) = file else {
            return Err(AppError::field("file", "error-annex-file-missing"));
        };
        let checked = uploads::check(Purpose::Report, &file_name, bytes)?;
        service::upload_report_document(
            &page.state,
            &page.actor(),
            id.clone(),
            position,
            document,
            checked,
        )
        .await?;
        Ok("flash-report-document-uploaded")
    }
    .await;
    answer(&page, &id, &format!("report-{position}"), r)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportForm {
    #[serde(default)]
    summary: String,
    #[serde(default)]
    costs: String,
}

pub async fn submit_report(
    page: Page,
    path: web::Path<(String, i32)>,
    form: web::Form<ReportForm>,
) -> AppResult<HttpResponse> {
    let (id, position) = path.into_inner();
    let f = form.into_inner();
    let r = service::submit_report(
        &page.state,
        &page.actor(),
        id.clone(),
        position,
        f.summary,
        f.costs,
    )
    .await
    .map(|_| "flash-contract-report-submitted");
    answer(&page, &id, &format!("report-{position}"), r)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DecisionForm {
    #[serde(default)]
    decision: String,
    #[serde(default)]
    comment: String,
    #[serde(default)]
    accepted_costs: String,
}

pub async fn decide_report(
    page: Page,
    path: web::Path<(String, i32)>,
    form: web::Form<DecisionForm>,
) -> AppResult<HttpResponse> {
    let (id, position) = path.into_inner();
    let f = form.into_inner();
    let decision = match f.decision.as_str() {
        "approve" => match f.accepted_costs.trim() {
            "" => Ok(ReportDecision::Approve {
                accepted_costs: None,
            }),
            s => Money::parse(s)
                .map(|m| ReportDecision::Approve {
                    accepted_costs: Some(m),
                })
                .map_err(|_| AppError::field("accepted_costs", "error-report-costs")),
        },
        "information" => Ok(ReportDecision::RequestInformation { comment: f.comment }),
        _ => Err(AppError::field("decision", "error-report-decision")),
    };
    let r = match decision {
        Ok(d) => service::decide_report(&page.state, &page.actor(), id.clone(), position, d)
            .await
            .map(|_| "flash-contract-report-decided"),
        Err(e) => Err(e),
    };
    answer(&page, &id, &format!("report-{position}"), r)
}

pub async fn close(page: Page, path: web::Path<String>) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let r = service::close(&page.state, &page.actor(), id.clone())
        .await
        .map(|_| "flash-contract-closed");
    answer(&page, &id, "closure", r)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TerminateForm {
    #[serde(default)]
    reason: String,
    #[serde(default)]
    confirm: String,
}

pub async fn terminate(
    page: Page,
    path: web::Path<String>,
    form: web::Form<TerminateForm>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let f = form.into_inner();
    let r = if f.confirm != "yes" {
        Err(AppError::field("confirm", "error-contract-confirm"))
    } else {
        service::terminate(&page.state, &page.actor(), id.clone(), f.reason)
            .await
            .map(|_| "flash-contract-terminated")
    };
    answer(&page, &id, "closure", r)
}

pub async fn request_amendment(
    page: Page,
    path: web::Path<String>,
    form: web::Form<service::AmendmentInput>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let r = service::request_amendment(&page.state, &page.actor(), id.clone(), form.into_inner())
        .await
        .map(|status| {
            if status == "notified" {
                "flash-transfer-notified"
            } else {
                "flash-amendment-requested"
            }
        });
    answer(&page, &id, "amendments", r)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AmendmentDecisionForm {
    #[serde(default)]
    decision: String,
    #[serde(default)]
    comment: String,
}

pub async fn decide_amendment(
    page: Page,
    path: web::Path<(String, i32)>,
    form: web::Form<AmendmentDecisionForm>,
) -> AppResult<HttpResponse> {
    let (id, number) = path.into_inner();
    let f = form.into_inner();
    let r = match f.decision.as_str() {
        "approve" | "reject" => service::decide_amendment(
            &page.state,
            &page.actor(),
            id.clone(),
            number,
            f.decision == "approve",
            f.comment,
        )
        .await
        .map(|_| "flash-amendment-decided"),
        _ => Err(AppError::field("decision", "error-report-decision")),
    };
    answer(&page, &id, "amendments", r)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SuspensionForm {
    #[serde(default)]
    action: String,
    #[serde(default)]
    reason: String,
}

pub async fn suspension(
    page: Page,
    path: web::Path<String>,
    form: web::Form<SuspensionForm>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let f = form.into_inner();
    let suspend = f.action == "suspend";
    match service::suspend_or_resume(&page.state, &page.actor(), id.clone(), suspend, f.reason)
        .await
    {
        Ok(Some(r)) => {
            // Said in full: by how much the end moves, and what is lost at TL-03.
            let operational_end =
                crate::services::contracts::detail(&page.state, &page.actor(), id.clone())
                    .await?
                    .timeline
                    .operational_end;
            let (key, args) = resumption_message(page.lang(), &r, operational_end);
            page.flash_near("success", key, &args, "closure");
            Ok(page.redirect(&back(&id, "closure")))
        }
        other => answer(
            &page,
            &id,
            "closure",
            other.map(|_| "flash-contract-suspended"),
        ),
    }
}

/// The message of a resumption (AMD-01, TL-03) and its figures.
fn resumption_message(
    lang: crate::i18n::Lang,
    r: &crate::domain::contracts::Resumption,
    operational_end: chrono::NaiveDate,
) -> (&'static str, Vec<(&'static str, String)>) {
    let args = vec![
        ("days", r.suspended_days.to_string()),
        ("extended", r.extended_by.to_string()),
        ("lost", r.lost_days.to_string()),
        ("end", format::date_long(lang, r.new_end)),
        ("phase_end", format::date_long(lang, operational_end)),
    ];
    if r.lost_days > 0 {
        ("flash-contract-resumed-limited", args)
    } else {
        ("flash-contract-resumed", args)
    }
}

fn resumption_text(
    lang: crate::i18n::Lang,
    r: &crate::domain::contracts::Resumption,
    operational_end: chrono::NaiveDate,
) -> String {
    let (key, args) = resumption_message(lang, r, operational_end);
    let key = if key.ends_with("limited") {
        "contract-resume-preview-limited"
    } else {
        "contract-resume-preview"
    };
    crate::i18n::t_args(lang, key, &args)
}

pub async fn file(page: Page, path: web::Path<(String, String)>) -> AppResult<HttpResponse> {
    let (id, file_id) = path.into_inner();
    let f = service::file(&page.state, &page.actor(), id, file_id).await?;
    super::annexes::file_response(&page.state, &f).await
}

/// TL-08: the complete dossier of a contract (ZIP with an index).
pub async fn dossier(page: Page, path: web::Path<String>) -> AppResult<HttpResponse> {
    let (name, bytes) = service::dossier(&page.state, &page.actor(), path.into_inner()).await?;
    Ok(HttpResponse::Ok()
        .insert_header((actix_web::http::header::CONTENT_TYPE, "application/zip"))
        .insert_header((
            actix_web::http::header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{name}\""),
        ))
        .insert_header((actix_web::http::header::CACHE_CONTROL, "no-store"))
        .body(bytes))
}
