//! Grant contracts (DOMAIN.md §7): Delegation staff prepare the contract of an awarded
//! application and send it signed; the beneficiary countersigns within 30 days with the
//! signed file; the payment schedule and the reports due follow from the terms; staff
//! record payments, decide on reports (which releases tranches, PAY-02, and fixes the
//! final grant, CON-04), terminate or close. Rules live in `domain::contracts`.

use chrono::NaiveDate;
use serde::Serialize;
use serde_json::json;

use crate::db::contracts::{self as q, ContractRow, PaymentRow, ReportRow, TrancheRow, VersionRow};
use crate::db::evaluation::DecisionRow;
use crate::db::DbConnection;
use crate::domain::access::{Action, Scope};
use crate::domain::attachments::{OwnerKind, Purpose};
use crate::domain::contracts::{
    countersign_by, end_date, final_grant, further_tranche_release, keep_records_until,
    longest_duration, payment_schedule, report_schedule, start_date, terms_problems, Award,
    ContractEvent, ContractStatus, FinalGrant, ReportEvent, ReportKind,
    ReportStatus as ContractReportStatus, Signatory, Terms, TrancheKind, FIRST_PAYMENT_DAYS,
    INFORMATION_DAYS, PAYMENT_AFTER_APPROVAL_DAYS,
};
use crate::domain::money::{parse_percent, Money};
use crate::domain::organisations::MemberRole;
use crate::domain::time::{add_days, local_date, parse_date};
use crate::domain::timeline::Timeline;
use crate::domain::workflow::Workflow;
use crate::domain::FieldError;
use crate::error::{AppError, AppResult, UniqueAsField};
use crate::services::attachments::{self, NewAttachment};
use crate::services::mail::MailKind;
use crate::services::uploads::CheckedUpload;
use crate::services::write::{Lock, Permission, Tx};
use crate::services::Actor;
use crate::state::AppState;

/// The documents of a report the beneficiary uploads (titles of its attachments).
pub const REPORT_DOCUMENTS: [&str; 3] = ["narrative", "financial", "verification"];

/// The terms as Delegation staff type them (HTML form or JSON), parsed once.
#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TermsInput {
    #[serde(default)]
    pub number: String,
    /// The maximum EU contribution, e.g. "95 000" or "95000.00".
    #[serde(default)]
    pub max_eu: String,
    /// The EU share of eligible costs in percent, e.g. "90".
    #[serde(default)]
    pub eu_share: String,
    #[serde(default)]
    pub duration: String,
    /// An agreed start (YYYY-MM-DD) later than the day after the last signature.
    #[serde(default)]
    pub agreed_start: String,
    /// "yes" when the lead applicant is based outside Kazakhstan (REP-01).
    #[serde(default)]
    pub lead_abroad: String,
}

/// Parsed terms.
#[derive(Debug, Clone)]
pub struct TermsCommand {
    pub number: String,
    pub terms: Terms,
    pub lead_abroad: bool,
}

impl TermsInput {
    pub fn parse(&self) -> Result<TermsCommand, Vec<FieldError>> {
        let mut errors = Vec::new();
        let number = self.number.trim().to_string();
        if number.is_empty() || number.chars().count() > 80 || number.chars().any(char::is_control)
        {
            errors.push(FieldError::new("number", "error-contract-number"));
        }
        let max_eu = Money::parse(&self.max_eu).unwrap_or_else(|_| {
            errors.push(FieldError::new("max_eu", "error-contract-amount"));
            Money::ZERO
        });
        let eu_share_bp = parse_percent(&self.eu_share).unwrap_or_else(|| {
            errors.push(FieldError::new("eu_share", "error-contract-share"));
            0
        });
        let duration_months = self.duration.trim().parse::<u32>().unwrap_or_else(|_| {
            errors.push(FieldError::new("duration", "error-contract-duration"));
            0
        });
        let agreed_start = match self.agreed_start.trim() {
            "" => None,
            s => match parse_date(s) {
                Ok(d) => Some(d),
                Err(_) => {
                    errors.push(FieldError::new("agreed_start", "error-date-invalid"));
                    None
                }
            },
        };
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(TermsCommand {
            number,
            terms: Terms {
                max_eu,
                eu_share_bp,
                duration_months,
                agreed_start,
            },
            lead_abroad: matches!(self.lead_abroad.as_str(), "yes" | "true" | "on"),
        })
    }
}

fn award_of(d: &DecisionRow) -> Award {
    Award {
        amount: Money::from_cents(d.amount_cents.unwrap_or(0)),
        eu_share_bp: d.eu_share_bp.unwrap_or(0),
    }
}

fn terms_of(c: &ContractRow) -> Terms {
    Terms {
        max_eu: Money::from_cents(c.max_eu_cents),
        eu_share_bp: c.eu_share_bp,
        duration_months: c.duration_months as u32,
        agreed_start: c.agreed_start,
    }
}

fn status_of(c: &ContractRow) -> AppResult<ContractStatus> {
    ContractStatus::parse(&c.status).ok_or_else(|| {
        AppError::Internal(anyhow::anyhow!("contract {} has an unknown status", c.id))
    })
}

fn move_on(c: &mut ContractRow, event: ContractEvent) -> AppResult<ContractStatus> {
    let next = status_of(c)?
        .transition(event)
        .map_err(|r| AppError::Conflict(r.message_key))?;
    c.status = next.as_str().to_string();
    Ok(next)
}

fn timeline_for(
    conn: &mut DbConnection,
    programme_id: &str,
    today: NaiveDate,
) -> AppResult<Timeline> {
    let programme = crate::db::programmes::find(conn, programme_id)?.ok_or(AppError::NotFound)?;
    let amendments = crate::db::programmes::amendments(conn, programme_id)?;
    crate::services::programmes::timeline_of(&programme, &amendments, today)
}

fn load(conn: &mut DbConnection, id: &str) -> AppResult<ContractRow> {
    q::find(conn, id)?.ok_or(AppError::NotFound)
}

/// A contract being implemented (active or suspended): payments, reports and
/// amendments happen only then.
fn load_running(conn: &mut DbConnection, id: &str) -> AppResult<ContractRow> {
    let c = load(conn, id)?;
    if status_of(&c)?.is_running() {
        Ok(c)
    } else {
        Err(AppError::Conflict("error-contract-not-running"))
    }
}

fn report_at(conn: &mut DbConnection, id: &str, position: i32) -> AppResult<ReportRow> {
    q::reports_of(conn, id)?
        .into_iter()
        .find(|r| r.position == position)
        .ok_or(AppError::NotFound)
}

/// What was paid on one tranche (payments, not recoveries).
pub fn paid_on_tranche(payments: &[PaymentRow], position: i32) -> i64 {
    payments
        .iter()
        .filter(|p| p.kind == "payment" && p.tranche_position == Some(position))
        .map(|p| p.amount_cents)
        .sum()
}

/// The terms as a version snapshot (what a diff compares).
fn snapshot(c: &ContractRow) -> String {
    json!({
        "number": c.number,
        "status": c.status,
        "max_eu_cents": c.max_eu_cents,
        "eu_share_bp": c.eu_share_bp,
        "duration_months": c.duration_months,
        "agreed_start": c.agreed_start,
        "lead_abroad": c.lead_abroad,
        "start_date": c.start_date,
        "end_date": c.end_date,
        "countersign_by": c.countersign_by,
        "headings": serde_json::from_str::<serde_json::Value>(&c.headings).unwrap_or_default(),
        "suspended_days": c.suspended_days,
    })
    .to_string()
}

fn new_version(tx: &mut Tx<'_>, c: &mut ContractRow, reason: &str) -> AppResult<()> {
    c.version += 1;
    c.updated_at = tx.now;
    q::update(tx.conn, c)?;
    record_version(tx, c, reason)
}

fn record_version(tx: &mut Tx<'_>, c: &ContractRow, reason: &str) -> AppResult<()> {
    q::insert_version(
        tx.conn,
        &VersionRow {
            id: crate::services::new_id(),
            contract_id: c.id.clone(),
            version: c.version,
            terms: snapshot(c),
            reason: reason.to_string(),
            created_by: tx.actor.user_id.clone().unwrap_or_default(),
            created_at: tx.now,
        },
    )?;
    Ok(())
}

/// The main headings 1–6 of the application's budget, in cents (AMD-02 counts transfers
/// against them).
fn signed_headings(full_application: &str) -> String {
    let full = crate::domain::full_application::FullApplication::from_json(full_application);
    let headings: Vec<i64> = crate::domain::budget::summarise(&full.budget)
        .map(|s| s.headings.iter().map(|m| m.cents()).collect())
        .unwrap_or_else(|| vec![0; 6]);
    json!(headings).to_string()
}

fn headings_of(json_text: &str) -> [Money; 6] {
    let values: Vec<i64> = serde_json::from_str(json_text).unwrap_or_default();
    let mut out = [Money::ZERO; 6];
    for (slot, v) in out.iter_mut().zip(values) {
        *slot = Money::from_cents(v);
    }
    out
}

fn staff_permission(id: &str) -> Permission {
    Permission::Do(Action::ManageContracts, Scope::Contract(id.to_string()))
}

fn beneficiary_permission(id: &str) -> Permission {
    Permission::Do(Action::WorkOnContract, Scope::Contract(id.to_string()))
}

/// A member who may act for the beneficiary (owner or editor; readers only read).
fn require_editor(tx: &mut Tx<'_>, c: &ContractRow) -> AppResult<()> {
    let user = tx.actor.user_id.clone().ok_or(AppError::Unauthorized)?;
    let member = crate::db::organisations::membership(tx.conn, &c.organisation_id, &user)?
        .ok_or(AppError::NotFound)?;
    if MemberRole::parse(&member.role).is_some_and(MemberRole::may_edit) {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

fn members_of(
    tx: &mut Tx<'_>,
    c: &ContractRow,
) -> AppResult<Vec<(String, String, Option<String>)>> {
    Ok(crate::db::organisations::member_recipients(
        tx.conn,
        &c.organisation_id,
    )?)
}

/// An awarded application still waiting for its contract.
#[derive(Debug, Clone, Serialize)]
pub struct AwaitingContract {
    pub application_id: String,
    pub call_id: String,
    pub beneficiary: String,
    pub purpose: String,
    pub amount_cents: i64,
    pub eu_share_bp: i64,
    pub decided_at: chrono::NaiveDateTime,
}

/// The contracts list: every contract (staff, auditor) or the actor's organisations'
/// (beneficiary), and the awards still to contract (staff and auditor).
#[tracing::instrument(skip_all)]
pub async fn list(
    state: &AppState,
    actor: &Actor,
) -> AppResult<(Vec<ContractRow>, Vec<AwaitingContract>)> {
    let role = actor.require(Action::ViewContracts)?;
    let user = actor.user_id.clone().unwrap_or_default();
    state
        .db(move |conn| {
            if role == crate::domain::access::Role::Applicant {
                return Ok((q::of_member(conn, &user)?, Vec::new()));
            }
            let awaiting = q::awards_without_contract(conn)?
                .into_iter()
                .map(|d| AwaitingContract {
                    application_id: d.application_id,
                    call_id: d.call_id,
                    beneficiary: d.beneficiary,
                    purpose: d.purpose,
                    amount_cents: d.amount_cents.unwrap_or(0),
                    eu_share_bp: d.eu_share_bp.unwrap_or(0),
                    decided_at: d.decided_at,
                })
                .collect();
            Ok((q::list(conn, None)?, awaiting))
        })
        .await
}

/// What the form to prepare a contract starts from.
#[derive(Debug, Clone, Serialize)]
pub struct Preparation {
    pub award: AwaitingContract,
    pub title: String,
    pub requested_duration: Option<i32>,
    pub proposed_number: String,
    /// CON-02: the longest duration possible if signed today.
    pub longest_duration: u32,
    pub contracting_deadline: NaiveDate,
    pub operational_end: NaiveDate,
    pub existing: Option<ContractRow>,
}

/// Delegation staff open the preparation of an awarded application's contract.
#[tracing::instrument(skip_all)]
pub async fn preparation(
    state: &AppState,
    actor: &Actor,
    application_id: String,
) -> AppResult<Preparation> {
    actor.require(Action::ManageContracts)?;
    let today = local_date(state.clock.now());
    state
        .db(move |conn| {
            let d = q::approved_award(conn, &application_id)?
                .filter(|d| d.outcome == "awarded")
                .ok_or(AppError::NotFound)?;
            let a =
                crate::db::applications::find(conn, &application_id)?.ok_or(AppError::NotFound)?;
            let call = crate::db::calls::find(conn, &a.call_id)?.ok_or(AppError::NotFound)?;
            let programme =
                crate::db::programmes::find(conn, &call.programme_id)?.ok_or(AppError::NotFound)?;
            let timeline = timeline_for(conn, &call.programme_id, today)?;
            let n = q::count_of_call(conn, &call.id)? + 1;
            let existing = q::of_application(conn, &application_id)?;
            // CON-02: from the agreed start of a draft, else the day after signing today.
            let start = start_date(today, existing.as_ref().and_then(|c| c.agreed_start))
                .map_err(|_| AppError::BadRequest("date"))?;
            Ok(Preparation {
                title: a.title.clone(),
                requested_duration: a.duration_months,
                proposed_number: format!("{}/{}/{n:02}", programme.reference, call.reference),
                longest_duration: longest_duration(start, &timeline),
                contracting_deadline: timeline.contracting_deadline,
                operational_end: timeline.operational_end,
                existing,
                award: AwaitingContract {
                    application_id: d.application_id.clone(),
                    call_id: d.call_id.clone(),
                    beneficiary: d.beneficiary.clone(),
                    purpose: d.purpose.clone(),
                    amount_cents: d.amount_cents.unwrap_or(0),
                    eu_share_bp: d.eu_share_bp.unwrap_or(0),
                    decided_at: d.decided_at,
                },
            })
        })
        .await
}

/// CON-01/02: prepares (or, while a draft, changes) the contract of an awarded
/// application. The terms are checked as if signed today; they are checked again at
/// each signature.
#[tracing::instrument(skip_all)]
pub async fn save_terms(
    state: &AppState,
    actor: &Actor,
    application_id: String,
    input: TermsInput,
) -> AppResult<String> {
    let cmd = input.parse().map_err(AppError::Validation)?;
    let call_id = {
        let id = application_id.clone();
        state
            .db(move |conn| {
                Ok(crate::db::applications::find(conn, &id)?
                    .ok_or(AppError::NotFound)?
                    .call_id)
            })
            .await?
    };
    state
        .write(
            actor,
            Permission::Do(Action::ManageContracts, Scope::Portal),
            Lock::Call(call_id),
            move |tx| {
                let today = tx.today();
                let decision = q::approved_award(tx.conn, &application_id)?
                    .filter(|d| d.outcome == "awarded")
                    .ok_or(AppError::NotFound)?;
                let a = crate::db::applications::find(tx.conn, &application_id)?
                    .ok_or(AppError::NotFound)?;
                let call =
                    crate::db::calls::find(tx.conn, &a.call_id)?.ok_or(AppError::NotFound)?;
                let timeline = timeline_for(tx.conn, &call.programme_id, today)?;
                let problems = terms_problems(
                    &cmd.terms,
                    &award_of(&decision),
                    &timeline,
                    today,
                    Signatory::Delegation,
                );
                if !problems.is_empty() {
                    return Err(AppError::Validation(problems));
                }
                let existing = q::of_application(tx.conn, &application_id)?;
                if existing.as_ref().is_none_or(|c| c.number != cmd.number)
                    && q::number_taken(tx.conn, &cmd.number)?
                {
                    return Err(AppError::field("number", "error-contract-number-taken"));
                }
                let mut c = match existing {
                    Some(c) if c.status != ContractStatus::Draft.as_str() => {
                        return Err(AppError::Conflict("error-contract-not-draft"))
                    }
                    Some(c) => c,
                    None => ContractRow {
                        id: crate::services::new_id(),
                        number: String::new(),
                        application_id: application_id.clone(),
                        call_id: call.id.clone(),
                        programme_id: call.programme_id.clone(),
                        organisation_id: a.organisation_id.clone(),
                        status: ContractStatus::Draft.as_str().into(),
                        version: 0,
                        max_eu_cents: 0,
                        eu_share_bp: 0,
                        duration_months: 0,
                        agreed_start: None,
                        lead_abroad: false,
                        sent_at: None,
                        sent_by: None,
                        countersign_by: None,
                        countersigned_at: None,
                        countersigned_by: None,
                        start_date: None,
                        end_date: None,
                        suspended_since: None,
                        suspended_days: 0,
                        ended_at: None,
                        end_reason: None,
                        final_grant_cents: None,
                        final_payment_on: None,
                        keep_until: None,
                        headings: signed_headings(&a.full_application),
                        created_by: tx.actor.user_id.clone().unwrap_or_default(),
                        created_at: tx.now,
                        updated_at: tx.now,
                    },
                };
                let created = c.version == 0;
                if created {
                    c.version = 1;
                }
                c.number = cmd.number.clone();
                c.max_eu_cents = cmd.terms.max_eu.cents();
                c.eu_share_bp = cmd.terms.eu_share_bp;
                c.duration_months = cmd.terms.duration_months as i32;
                c.agreed_start = cmd.terms.agreed_start;
                c.lead_abroad = cmd.lead_abroad;
                if created {
                    // Two calls' staff may race for one number past the check above.
                    q::insert(tx.conn, &c).unique_as("number", "error-contract-number-taken")?;
                    record_version(tx, &c, "prepared")?;
                } else {
                    new_version(tx, &mut c, "terms_changed")?;
                }
                tx.audit(
                    if created {
                        "contract.prepared"
                    } else {
                        "contract.terms_changed"
                    },
                    Some(("contract", &c.id)),
                    serde_json::from_str(&snapshot(&c)).unwrap_or_default(),
                )?;
                Ok(c.id)
            },
        )
        .await
}

/// The Delegation signs and sends the contract (TL-02 checked today); the beneficiary
/// has 30 days to countersign (CON-01) and is emailed.
#[tracing::instrument(skip_all)]
pub async fn send(state: &AppState, actor: &Actor, id: String) -> AppResult<NaiveDate> {
    let link = state.public_url(&format!("/contracts/{id}"));
    state
        .write(
            actor,
            staff_permission(&id),
            Lock::Contract(id.clone()),
            move |tx| {
                let today = tx.today();
                let mut c = load(tx.conn, &id)?;
                let decision =
                    q::approved_award(tx.conn, &c.application_id)?.ok_or(AppError::NotFound)?;
                let timeline = timeline_for(tx.conn, &c.programme_id, today)?;
                let problems = terms_problems(
                    &terms_of(&c),
                    &award_of(&decision),
                    &timeline,
                    today,
                    Signatory::Delegation,
                );
                if !problems.is_empty() {
                    return Err(AppError::Validation(problems));
                }
                move_on(&mut c, ContractEvent::Send)?;
                let by = countersign_by(today).map_err(|_| AppError::BadRequest("date"))?;
                c.sent_at = Some(tx.now);
                c.sent_by = tx.actor.user_id.clone();
                c.countersign_by = Some(by);
                new_version(tx, &mut c, "sent")?;
                let members = members_of(tx, &c)?;
                tx.mail_each(&members, MailKind::ContractSent, |lang| {
                    vec![
                        ("number", c.number.clone()),
                        (
                            "amount",
                            crate::views::format::money(lang, Money::from_cents(c.max_eu_cents)),
                        ),
                        ("by", crate::views::format::date_long(lang, by)),
                        ("link", link.clone()),
                    ]
                })?;
                tx.audit(
                    "contract.sent",
                    Some(("contract", &c.id)),
                    json!({"number": c.number, "countersign_by": by}),
                )?;
                Ok(by)
            },
        )
        .await
}

/// CON-01/02: the beneficiary countersigns within 30 days, attaching the signed file.
/// TL-02 and TL-03 are checked on this day (the last signature); the action starts the
/// next day or on the agreed day, and the payment schedule and the reports due are
/// fixed.
#[tracing::instrument(skip_all)]
pub async fn countersign(
    state: &AppState,
    actor: &Actor,
    id: String,
    upload: CheckedUpload,
) -> AppResult<()> {
    crate::services::write::check_permission(actor, &beneficiary_permission(&id))?;
    let stored = crate::services::uploads::store(state, &upload).await?;
    let key = stored.key.clone();
    let staff_link = state.public_url(&format!("/contracts/{id}"));
    let result = state
        .write(
            actor,
            beneficiary_permission(&id),
            Lock::Contract(id.clone()),
            move |tx| {
                let today = tx.today();
                let mut c = load(tx.conn, &id)?;
                require_editor(tx, &c)?;
                if status_of(&c)? == ContractStatus::Sent
                    && c.countersign_by.is_some_and(|by| today > by)
                {
                    return Err(AppError::Conflict("error-contract-countersign-late"));
                }
                let decision =
                    q::approved_award(tx.conn, &c.application_id)?.ok_or(AppError::NotFound)?;
                let timeline = timeline_for(tx.conn, &c.programme_id, today)?;
                let problems = terms_problems(
                    &terms_of(&c),
                    &award_of(&decision),
                    &timeline,
                    today,
                    Signatory::Beneficiary,
                );
                move_on(&mut c, ContractEvent::Countersign)?;
                if !problems.is_empty() {
                    return Err(AppError::Validation(problems));
                }
                let bad_date = |_| AppError::BadRequest("date");
                let start = start_date(today, c.agreed_start).map_err(bad_date)?;
                let end = end_date(start, c.duration_months as u32).map_err(bad_date)?;
                c.countersigned_at = Some(tx.now);
                c.countersigned_by = tx.actor.user_id.clone();
                c.start_date = Some(start);
                c.end_date = Some(end);
                let file = attachments::attach(
                    tx,
                    &NewAttachment {
                        owner: OwnerKind::Contract,
                        owner_id: &c.id,
                        purpose: Purpose::SignedContract,
                        language: None,
                        title: "signed",
                    },
                    &upload,
                    &stored,
                )?;
                let max = Money::from_cents(c.max_eu_cents);
                let months = c.duration_months as u32;
                let first_due = add_days(today, FIRST_PAYMENT_DAYS).map_err(bad_date)?;
                for t in payment_schedule(max, months) {
                    q::insert_tranche(
                        tx.conn,
                        &TrancheRow {
                            id: crate::services::new_id(),
                            contract_id: c.id.clone(),
                            position: t.position as i32,
                            kind: t.kind.as_str().into(),
                            planned_cents: t.amount.cents(),
                            after_report: t.after_report.map(|r| r as i32),
                            due_on: (t.kind == TrancheKind::PreFinancing).then_some(first_due),
                            payable_cents: (t.kind == TrancheKind::PreFinancing)
                                .then_some(t.amount.cents()),
                            release: None,
                        },
                    )?;
                }
                for r in report_schedule(
                    start,
                    end,
                    max,
                    months,
                    c.lead_abroad,
                    &contract_rules(tx.conn, &c.call_id)?,
                )
                .map_err(bad_date)?
                {
                    q::insert_report(
                        tx.conn,
                        &ReportRow {
                            id: crate::services::new_id(),
                            contract_id: c.id.clone(),
                            position: r.position as i32,
                            kind: r.kind.as_str().into(),
                            period_end: r.period_end,
                            due_on: r.due_on,
                            verification: r.verification,
                            status: ContractReportStatus::Due.as_str().into(),
                            narrative: String::new(),
                            costs_cents: None,
                            submitted_at: None,
                            submitted_by: None,
                            information_due: None,
                            staff_comment: None,
                            decided_by: None,
                            decided_at: None,
                            accepted_costs_cents: None,
                        },
                    )?;
                }
                new_version(tx, &mut c, "countersigned")?;
                let staff = crate::db::calls::delegation_staff(tx.conn)?;
                tx.mail_each(&staff, MailKind::ContractCountersigned, |lang| {
                    vec![
                        ("number", c.number.clone()),
                        ("start", crate::views::format::date_long(lang, start)),
                        ("end", crate::views::format::date_long(lang, end)),
                        ("link", staff_link.clone()),
                    ]
                })?;
                tx.audit(
                "contract.countersigned",
                Some(("contract", &c.id)),
                json!({"start": start, "end": end, "file": file.file_name, "sha256": file.sha256}),
            )?;
                Ok(())
            },
        )
        .await;
    if result.is_err() {
        crate::services::uploads::discard(state, &key).await;
    }
    result
}

/// What staff type to record a payment or a recovery.
#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PaymentInput {
    /// The tranche paid (its position); empty for a recovery.
    #[serde(default)]
    pub tranche: String,
    #[serde(default)]
    pub amount: String,
    /// YYYY-MM-DD, not in the future.
    #[serde(default)]
    pub paid_on: String,
    /// The payment order or bank reference.
    #[serde(default)]
    pub reference: String,
    /// "recovery" to record money recovered (CON-04).
    #[serde(default)]
    pub kind: String,
}

/// Records a payment of a released tranche, or a recovery ordered by the final grant.
/// Never more than the tranche's payable amount, so never more than the maximum and
/// never over 90% pre-financing (PAY-02).
#[tracing::instrument(skip_all)]
pub async fn record_payment(
    state: &AppState,
    actor: &Actor,
    id: String,
    input: PaymentInput,
) -> AppResult<()> {
    let mut errors = Vec::new();
    let amount = Money::parse(&input.amount)
        .ok()
        .filter(|m| *m > Money::ZERO);
    if amount.is_none() {
        errors.push(FieldError::new("amount", "error-payment-amount"));
    }
    let paid_on = parse_date(input.paid_on.trim()).ok();
    if paid_on.is_none() {
        errors.push(FieldError::new("paid_on", "error-date-invalid"));
    }
    let reference: String = input.reference.trim().chars().take(120).collect();
    if reference.is_empty() || reference.chars().any(char::is_control) {
        errors.push(FieldError::new("reference", "error-payment-reference"));
    }
    let recovery = input.kind == "recovery";
    let tranche: Option<i32> = if recovery {
        None
    } else {
        match input.tranche.trim().parse() {
            Ok(n) => Some(n),
            Err(_) => {
                errors.push(FieldError::new("tranche", "error-payment-tranche"));
                None
            }
        }
    };
    if !errors.is_empty() {
        return Err(AppError::Validation(errors));
    }
    let (amount, paid_on) = (amount.unwrap_or(Money::ZERO), paid_on.unwrap_or_default());
    let separate = state.settings.security.payment_by_another_officer;
    state
        .write(actor, staff_permission(&id), Lock::Contract(id.clone()), move |tx| {
            let today = tx.today();
            let c = load_running(tx.conn, &id)?;
            let signed = c.countersigned_at.map(local_date).unwrap_or(today);
            if paid_on > today || paid_on < signed {
                return Err(AppError::field("paid_on", "error-payment-date"));
            }
            let payments = q::payments_of(tx.conn, &id)?;
            if crate::domain::contracts::payment_already_recorded(
                payments.iter().map(|p| p.reference.as_str()),
                &reference,
            ) {
                return Err(AppError::Validation(vec![FieldError::new(
                    "reference",
                    "error-payment-reference-recorded",
                )
                .with("reference", reference.clone())]));
            }
            let left = if recovery {
                let fg = settlement(&c, &payments).ok_or(AppError::Conflict("error-recovery-none"))?;
                let recovered = Money::sum(
                    payments.iter().filter(|p| p.kind == "recovery").map(|p| Money::from_cents(p.amount_cents)),
                )
                .unwrap_or(Money::MAX);
                fg.recovery.saturating_sub(recovered)
            } else {
                let position = tranche.unwrap_or_default();
                let t = q::tranches_of(tx.conn, &id)?
                    .into_iter()
                    .find(|t| t.position == position)
                    .ok_or_else(|| AppError::field("tranche", "error-payment-tranche"))?;
                let payable = t
                    .payable_cents
                    .ok_or(AppError::Conflict("error-payment-not-released"))?;
                // SOD-01: not by the officer who approved the report that released it.
                let reports = q::reports_of(tx.conn, &id)?;
                let released_by = reports
                    .iter()
                    .find(|r| match t.after_report {
                        Some(n) => r.position == n,
                        None => {
                            t.kind == TrancheKind::Balance.as_str()
                                && ReportKind::parse(&r.kind) == Some(ReportKind::Final)
                        }
                    })
                    .and_then(|r| r.decided_by.clone());
                let recorder = tx.actor.user_id.clone().unwrap_or_default();
                if !crate::domain::duties::may_record_payment(
                    &recorder,
                    released_by.as_deref(),
                    separate,
                ) {
                    return Err(AppError::Conflict("error-sod-payment-approver"));
                }
                let paid = paid_on_tranche(&payments, position);
                Money::from_cents(payable).saturating_sub(Money::from_cents(paid))
            };
            if amount > left {
                return Err(AppError::field("amount", "error-payment-above-tranche"));
            }
            let row = PaymentRow {
                id: crate::services::new_id(),
                contract_id: id.clone(),
                tranche_position: tranche,
                kind: if recovery { "recovery" } else { "payment" }.into(),
                amount_cents: amount.cents(),
                paid_on,
                reference: reference.clone(),
                recorded_by: tx.actor.user_id.clone().unwrap_or_default(),
                recorded_at: tx.now,
            };
            q::insert_payment(tx.conn, &row)?;
            tx.audit(
                if recovery {
                    "contract.recovery_recorded"
                } else {
                    "contract.payment_recorded"
                },
                Some(("contract", &id)),
                json!({"tranche": tranche, "amount_cents": amount.cents(), "paid_on": paid_on, "reference": reference}),
            )?;
            Ok(())
        })
        .await
}

/// AUD-01 and AMD-02 as the contract's call sets them.
fn contract_rules(
    conn: &mut crate::db::DbConnection,
    call_id: &str,
) -> AppResult<crate::domain::contracts::ContractRules> {
    let call = crate::services::calls::Call::from_row(
        crate::db::calls::find(conn, call_id)?.ok_or(AppError::NotFound)?,
    )?;
    Ok(crate::domain::contracts::ContractRules::of_call(
        &call.params,
    ))
}

/// CON-04: the final grant once the final report is approved.
pub fn settlement(c: &ContractRow, payments: &[PaymentRow]) -> Option<FinalGrant> {
    let accepted = c.final_grant_cents?;
    let paid = Money::sum(
        payments
            .iter()
            .filter(|p| p.kind == "payment")
            .map(|p| Money::from_cents(p.amount_cents)),
    )?;
    // `final_grant_cents` holds the grant; the balance and recovery follow from payments.
    Some(final_grant(
        Money::from_cents(accepted),
        10_000,
        Money::from_cents(c.max_eu_cents),
        paid,
    ))
}

/// The beneficiary uploads a document of a report (narrative, financial, verification)
/// before submitting it; a new file of the same document is its next version.
#[tracing::instrument(skip_all)]
pub async fn upload_report_document(
    state: &AppState,
    actor: &Actor,
    id: String,
    position: i32,
    document: String,
    upload: CheckedUpload,
) -> AppResult<()> {
    if !REPORT_DOCUMENTS.contains(&document.as_str()) {
        return Err(AppError::field("document", "error-report-document"));
    }
    crate::services::write::check_permission(actor, &beneficiary_permission(&id))?;
    let stored = crate::services::uploads::store(state, &upload).await?;
    let key = stored.key.clone();
    let result = state
        .write(actor, beneficiary_permission(&id), Lock::Contract(id.clone()), move |tx| {
            let c = load_running(tx.conn, &id)?;
            require_editor(tx, &c)?;
            let r = report_at(tx.conn, &id, position)?;
            if !matches!(
                ContractReportStatus::parse(&r.status),
                Some(ContractReportStatus::Due | ContractReportStatus::InformationRequested)
            ) {
                return Err(AppError::Conflict("error-contract-report-waiting"));
            }
            let file = attachments::attach(
                tx,
                &NewAttachment {
                    owner: OwnerKind::Report,
                    owner_id: &r.id,
                    purpose: Purpose::Report,
                    language: None,
                    title: &document,
                },
                &upload,
                &stored,
            )?;
            tx.audit(
                "contract.report_document_uploaded",
                Some(("contract", &id)),
                json!({"report": position, "document": document, "file": file.file_name, "sha256": file.sha256, "version": file.version}),
            )?;
            Ok(())
        })
        .await;
    if result.is_err() {
        crate::services::uploads::discard(state, &key).await;
    }
    result
}

/// The current files of a report, by document.
pub fn report_documents(
    conn: &mut DbConnection,
    report_id: &str,
) -> AppResult<Vec<crate::db::attachments::AttachmentRow>> {
    Ok(attachments::current(crate::db::attachments::all_of(
        conn,
        OwnerKind::Report,
        report_id,
        Purpose::Report,
    )?))
}

/// The documents a report needs (REP-01, AUD-01).
pub fn required_report_documents(r: &ReportRow) -> Vec<&'static str> {
    let mut docs = vec!["narrative", "financial"];
    if r.verification {
        docs.push("verification");
    }
    docs
}

/// REP-01: the beneficiary submits a report with the eligible costs incurred to date;
/// every required document must be there.
#[tracing::instrument(skip_all)]
pub async fn submit_report(
    state: &AppState,
    actor: &Actor,
    id: String,
    position: i32,
    summary: String,
    costs: String,
) -> AppResult<()> {
    let mut errors = Vec::new();
    let summary: String = summary.trim().to_string();
    if summary.is_empty() || summary.chars().count() > 20_000 {
        errors.push(FieldError::new("summary", "error-report-summary"));
    }
    let costs = Money::parse(&costs).ok();
    if costs.is_none() {
        errors.push(FieldError::new("costs", "error-report-costs"));
    }
    if !errors.is_empty() {
        return Err(AppError::Validation(errors));
    }
    let costs = costs.unwrap_or(Money::ZERO);
    let link = state.public_url(&format!("/contracts/{id}#reports"));
    state
        .write(
            actor,
            beneficiary_permission(&id),
            Lock::Contract(id.clone()),
            move |tx| {
                let c = load_running(tx.conn, &id)?;
                require_editor(tx, &c)?;
                let mut r = report_at(tx.conn, &id, position)?;
                let next = ContractReportStatus::parse(&r.status)
                    .ok_or(AppError::NotFound)?
                    .transition(ReportEvent::Submit)
                    .map_err(|e| AppError::Conflict(e.message_key))?;
                let today = tx.today();
                if !crate::domain::contracts::report_period_over(r.period_end, today) {
                    let from = r.period_end.succ_opt().unwrap_or(r.period_end);
                    return Err(AppError::Validation(vec![FieldError::new(
                        "report",
                        "error-report-period-open",
                    )
                    .with("end", r.period_end.to_string())
                    .with("from", from.to_string())]));
                }
                let given: Vec<String> = report_documents(tx.conn, &r.id)?
                    .into_iter()
                    .map(|f| f.title)
                    .collect();
                let missing: Vec<&str> = required_report_documents(&r)
                    .into_iter()
                    .filter(|d| !given.iter().any(|g| g == d))
                    .collect();
                if !missing.is_empty() {
                    return Err(AppError::Conflict(if missing.contains(&"verification") {
                        "error-report-verification-missing"
                    } else {
                        "error-report-documents-missing"
                    }));
                }
                r.status = next.as_str().into();
                r.narrative = summary.clone();
                r.costs_cents = Some(costs.cents());
                r.submitted_at = Some(tx.now);
                r.submitted_by = tx.actor.user_id.clone();
                q::update_report(tx.conn, &r)?;
                let staff = crate::db::calls::delegation_staff(tx.conn)?;
                tx.mail_each(&staff, MailKind::ContractReportSubmitted, |_| {
                    vec![
                        ("number", c.number.clone()),
                        ("report", r.position.to_string()),
                        ("link", link.clone()),
                    ]
                })?;
                tx.audit(
                    "contract.report_submitted",
                    Some(("contract", &id)),
                    json!({"report": position, "kind": r.kind, "costs_cents": costs.cents()}),
                )?;
                Ok(())
            },
        )
        .await
}

/// Staff's decision on a submitted report.
#[derive(Debug, Clone)]
pub enum ReportDecision {
    /// Approve; for the final report, the accepted eligible costs (default: as reported).
    Approve { accepted_costs: Option<Money> },
    /// Ask for more information (answered within 30 days, REP-01).
    RequestInformation { comment: String },
}

/// Staff approve a report or ask for more. Approving an interim report releases the
/// next tranche by PAY-02 (the arithmetic is kept); approving the final report fixes
/// the final grant (CON-04) and with it the balance or the recovery.
#[tracing::instrument(skip_all)]
pub async fn decide_report(
    state: &AppState,
    actor: &Actor,
    id: String,
    position: i32,
    decision: ReportDecision,
) -> AppResult<()> {
    if let ReportDecision::RequestInformation { comment } = &decision {
        if comment.trim().is_empty() {
            return Err(AppError::field("comment", "error-report-comment"));
        }
    }
    let link = state.public_url(&format!("/contracts/{id}#reports"));
    state
        .write(
            actor,
            staff_permission(&id),
            Lock::Contract(id.clone()),
            move |tx| {
                let today = tx.today();
                let mut c = load_running(tx.conn, &id)?;
                let mut r = report_at(tx.conn, &id, position)?;
                let status = ContractReportStatus::parse(&r.status).ok_or(AppError::NotFound)?;
                let bad_date = |_| AppError::BadRequest("date");
                let mut details = json!({"report": position});
                let outcome;
                match &decision {
                    ReportDecision::RequestInformation { comment } => {
                        let next = status
                            .transition(ReportEvent::RequestInformation)
                            .map_err(|e| AppError::Conflict(e.message_key))?;
                        r.status = next.as_str().into();
                        let due = add_days(today, INFORMATION_DAYS).map_err(bad_date)?;
                        r.information_due = Some(due);
                        r.staff_comment = Some(comment.trim().chars().take(5000).collect());
                        details["information_due"] = json!(due);
                        outcome = "information_requested";
                    }
                    ReportDecision::Approve { accepted_costs } => {
                        let next = status
                            .transition(ReportEvent::Approve)
                            .map_err(|e| AppError::Conflict(e.message_key))?;
                        r.status = next.as_str().into();
                        r.decided_by = tx.actor.user_id.clone();
                        r.decided_at = Some(tx.now);
                        let reported = Money::from_cents(r.costs_cents.unwrap_or(0));
                        let payments = q::payments_of(tx.conn, &id)?;
                        let paid: Vec<Money> = payments
                            .iter()
                            .filter(|p| p.kind == "payment")
                            .map(|p| Money::from_cents(p.amount_cents))
                            .collect();
                        let due = add_days(today, PAYMENT_AFTER_APPROVAL_DAYS).map_err(bad_date)?;
                        let max = Money::from_cents(c.max_eu_cents);
                        let tranches = q::tranches_of(tx.conn, &id)?;
                        if ReportKind::parse(&r.kind) == Some(ReportKind::Final) {
                            let accepted = accepted_costs.unwrap_or(reported);
                            r.accepted_costs_cents = Some(accepted.cents());
                            let fg = final_grant(
                                accepted,
                                c.eu_share_bp,
                                max,
                                Money::sum(paid).unwrap_or(Money::MAX),
                            );
                            c.final_grant_cents = Some(fg.grant.cents());
                            c.updated_at = tx.now;
                            q::update(tx.conn, &c)?;
                            if let Some(t) = tranches
                                .iter()
                                .find(|t| t.kind == TrancheKind::Balance.as_str())
                            {
                                q::release_tranche(
                                    tx.conn,
                                    &t.id,
                                    Some(due),
                                    fg.balance.cents(),
                                    &json!(fg).to_string(),
                                )?;
                            }
                            details["final_grant"] = json!(fg);
                        } else if let Some(t) = tranches.iter().find(|t| {
                            t.after_report == Some(position)
                                && t.kind == TrancheKind::Further.as_str()
                        }) {
                            let release = further_tranche_release(
                                Money::from_cents(t.planned_cents),
                                &paid,
                                reported,
                                c.eu_share_bp,
                                max,
                            );
                            q::release_tranche(
                                tx.conn,
                                &t.id,
                                Some(due),
                                release.payable.cents(),
                                &json!(release).to_string(),
                            )?;
                            details["release"] = json!(release);
                        }
                        outcome = "approved";
                    }
                }
                q::update_report(tx.conn, &r)?;
                let members = members_of(tx, &c)?;
                tx.mail_each(&members, MailKind::ContractReportDecided, |lang| {
                    vec![
                        ("number", c.number.clone()),
                        ("report", r.position.to_string()),
                        (
                            "outcome",
                            crate::i18n::t(
                                lang,
                                &format!("contract-report-status-{}", outcome.replace('_', "-")),
                            ),
                        ),
                        (
                            "comment",
                            r.staff_comment
                                .clone()
                                .filter(|_| outcome != "approved")
                                .unwrap_or_default(),
                        ),
                        ("link", link.clone()),
                    ]
                })?;
                tx.audit(
                    if outcome == "approved" {
                        "contract.report_approved"
                    } else {
                        "contract.report_information_requested"
                    },
                    Some(("contract", &id)),
                    details,
                )?;
                Ok(())
            },
        )
        .await
}

/// CON-04, REC-01: closes a contract whose final report is approved and whose balance
/// is paid (or recovery recorded) in full; records are kept 7 years after the final
/// payment.
#[tracing::instrument(skip_all)]
pub async fn close(state: &AppState, actor: &Actor, id: String) -> AppResult<NaiveDate> {
    state
        .write(
            actor,
            staff_permission(&id),
            Lock::Contract(id.clone()),
            move |tx| {
                let mut c = load(tx.conn, &id)?;
                let payments = q::payments_of(tx.conn, &id)?;
                let fg = settlement(&c, &payments)
                    .ok_or(AppError::Conflict("error-contract-final-report-open"))?;
                let recovered = payments
                    .iter()
                    .filter(|p| p.kind == "recovery")
                    .map(|p| p.amount_cents)
                    .sum::<i64>();
                if fg.balance > Money::ZERO || fg.recovery > Money::from_cents(recovered) {
                    return Err(AppError::Conflict("error-contract-settlement-open"));
                }
                move_on(&mut c, ContractEvent::Close)?;
                let last = payments
                    .iter()
                    .map(|p| p.paid_on)
                    .max()
                    .unwrap_or(tx.today());
                let keep = keep_records_until(last).map_err(|_| AppError::BadRequest("date"))?;
                c.ended_at = Some(tx.now);
                c.final_payment_on = Some(last);
                c.keep_until = Some(keep);
                new_version(tx, &mut c, "closed")?;
                tx.audit(
                    "contract.closed",
                    Some(("contract", &id)),
                    json!({"final_grant": fg, "final_payment_on": last, "keep_until": keep}),
                )?;
                Ok(keep)
            },
        )
        .await
}

/// Ends a running contract early with the reason recorded (or withdraws one never
/// countersigned); its members are told.
#[tracing::instrument(skip_all)]
pub async fn terminate(
    state: &AppState,
    actor: &Actor,
    id: String,
    reason: String,
) -> AppResult<()> {
    let reason: String = reason.trim().chars().take(2000).collect();
    if reason.is_empty() {
        return Err(AppError::field("reason", "error-contract-reason"));
    }
    let link = state.public_url(&format!("/contracts/{id}"));
    state
        .write(
            actor,
            staff_permission(&id),
            Lock::Contract(id.clone()),
            move |tx| {
                let mut c = load(tx.conn, &id)?;
                end_contract(tx, &mut c, &reason, &link)
            },
        )
        .await
}

fn end_contract(tx: &mut Tx<'_>, c: &mut ContractRow, reason: &str, link: &str) -> AppResult<()> {
    let event = if status_of(c)?.is_running() {
        ContractEvent::Terminate
    } else {
        ContractEvent::Withdraw
    };
    let next = move_on(c, event)?;
    c.ended_at = Some(tx.now);
    c.end_reason = Some(reason.to_string());
    new_version(tx, c, next.as_str())?;
    let members = members_of(tx, c)?;
    tx.mail_each(&members, MailKind::ContractTerminated, |_| {
        vec![
            ("number", c.number.clone()),
            ("reason", reason.to_string()),
            ("link", link.to_string()),
        ]
    })?;
    tx.audit(
        if next == ContractStatus::Terminated {
            "contract.terminated"
        } else {
            "contract.withdrawn"
        },
        Some(("contract", &c.id)),
        json!({"reason": reason}),
    )?;
    Ok(())
}

/// Everything the contract page shows.
#[derive(Debug, Clone)]
pub struct ContractDetail {
    pub contract: ContractRow,
    pub status: ContractStatus,
    pub title: String,
    pub beneficiary: String,
    pub award: Option<DecisionRow>,
    pub versions: Vec<VersionRow>,
    pub tranches: Vec<TrancheRow>,
    pub payments: Vec<PaymentRow>,
    pub reports: Vec<(ReportRow, Vec<crate::db::attachments::AttachmentRow>)>,
    pub signed_files: Vec<crate::db::attachments::AttachmentRow>,
    pub amendments: Vec<crate::db::contracts::AmendmentRow>,
    /// Headings 1–6 as signed and as they stand after transfers (AMD-02).
    pub headings_signed: [Money; 6],
    pub headings_now: [Money; 6],
    pub timeline: Timeline,
    /// CON-02: the longest duration if it were signed today.
    pub longest_duration: u32,
    /// AUD-01 and AMD-02 as the call sets them.
    pub rules: crate::domain::contracts::ContractRules,
    pub settlement: Option<FinalGrant>,
    /// The actor may act as the beneficiary (owner or editor of its organisation).
    pub beneficiary_editor: bool,
    pub staff: bool,
}

/// The contract page's content, for staff, the auditor and the beneficiary's members.
#[tracing::instrument(skip_all)]
pub async fn detail(state: &AppState, actor: &Actor, id: String) -> AppResult<ContractDetail> {
    let permission = Permission::Do(Action::ViewContracts, Scope::Contract(id.clone()));
    crate::services::write::check_permission(actor, &permission)?;
    let actor = actor.clone();
    let today = local_date(state.clock.now());
    state
        .db(move |conn| {
            crate::services::write::check_permission_in(conn, &actor, &permission)?;
            let contract = load(conn, &id)?;
            let a = crate::db::applications::find(conn, &contract.application_id)?
                .ok_or(AppError::NotFound)?;
            let org = crate::db::organisations::find(conn, &contract.organisation_id)?
                .ok_or(AppError::NotFound)?;
            let timeline = timeline_for(conn, &contract.programme_id, today)?;
            let payments = q::payments_of(conn, &id)?;
            let mut reports = Vec::new();
            for r in q::reports_of(conn, &id)? {
                let files = report_documents(conn, &r.id)?;
                reports.push((r, files));
            }
            let beneficiary_editor = match actor.user_id.as_deref() {
                Some(user) if actor.role == Some(crate::domain::access::Role::Applicant) => {
                    crate::db::organisations::membership(conn, &contract.organisation_id, user)?
                        .is_some_and(|m| {
                            MemberRole::parse(&m.role).is_some_and(MemberRole::may_edit)
                        })
                }
                _ => false,
            };
            let start = add_days(today, 1).unwrap_or(today);
            let versions = q::versions_of(conn, &id)?;
            Ok(ContractDetail {
                status: status_of(&contract)?,
                title: a.title,
                beneficiary: org.legal_name.clone(),
                award: q::approved_award(conn, &contract.application_id)?,
                amendments: q::amendments_of(conn, &id)?,
                headings_now: headings_of(&contract.headings),
                headings_signed: original_headings(&versions),
                versions,
                tranches: q::tranches_of(conn, &id)?,
                settlement: settlement(&contract, &payments),
                payments,
                reports,
                signed_files: attachments::current(crate::db::attachments::all_of(
                    conn,
                    OwnerKind::Contract,
                    &id,
                    Purpose::SignedContract,
                )?),
                longest_duration: longest_duration(start, &timeline),
                rules: contract_rules(conn, &contract.call_id)?,
                timeline,
                beneficiary_editor,
                staff: actor.role == Some(crate::domain::access::Role::Delegation),
                contract,
            })
        })
        .await
}

/// A file of a contract (the signed contract or a report document), for whoever may
/// see the contract.
#[tracing::instrument(skip_all)]
pub async fn file(
    state: &AppState,
    actor: &Actor,
    id: String,
    file_id: String,
) -> AppResult<crate::db::attachments::AttachmentRow> {
    let d = detail(state, actor, id).await?;
    d.signed_files
        .into_iter()
        .chain(d.reports.into_iter().flat_map(|(_, f)| f))
        .find(|f| f.id == file_id)
        .ok_or(AppError::NotFound)
}

fn state_report_link(base: &str, call_id: &str) -> String {
    format!("{base}{call_id}/report")
}

/// What one run of the daily watch did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct WatchRun {
    pub reminders: usize,
    pub warnings: usize,
    pub terminated: Vec<String>,
    pub overdue_reports: usize,
    pub overdue_payments: usize,
    pub programme_warnings: usize,
    pub notice_warnings: usize,
}

/// The automatic watch (CON-01, CON-03, REP-01, PAY-01/02, TL-01, TL-02), run by the
/// worker on every node: each warning is claimed once in `staff_reminders` (by subject,
/// kind and the deadline it warns of), so it is emailed once, whichever node runs
/// first and however often; a termination moves the contract under its lock, so a
/// second node finds it terminated already.
#[tracing::instrument(skip_all)]
pub async fn watch(state: &AppState) -> AppResult<WatchRun> {
    let base = state.public_url("/contracts/");
    let programmes_base = state.public_url("/manage/programmes/");
    let report_base = state.public_url("/evaluation/calls/");
    state
        .write(
            &Actor::system("contract-watch"),
            Permission::Anyone,
            Lock::Nothing,
            move |tx| {
                tx.nothing_changed();
                let today = tx.today();
                let now = tx.now;
                let mut run = WatchRun::default();
                let claim = |conn: &mut DbConnection, subject: &str, kind: &str, day: NaiveDate| {
                    crate::db::calls::claim_reminder(conn, subject, kind, day, now)
                };
                let staff = crate::db::calls::delegation_staff(tx.conn)?;
                // CON-01: the countersignature deadline is near.
                for c in q::in_states(tx.conn, &[ContractStatus::Sent.as_str()])? {
                    let Some(by) = c.countersign_by else { continue };
                    let remind_from =
                        add_days(by, -crate::domain::contracts::COUNTERSIGN_REMINDER_DAYS)
                            .unwrap_or(by);
                    if today < remind_from
                        || today > by
                        || !claim(tx.conn, &c.id, "countersign_reminder", by)?
                    {
                        continue;
                    }
                    let members = members_of(tx, &c)?;
                    let link = format!("{base}{}", c.id);
                    run.reminders +=
                        tx.mail_each(&members, MailKind::ContractCountersignReminder, |lang| {
                            vec![
                                ("number", c.number.clone()),
                                ("by", crate::views::format::date_long(lang, by)),
                                ("link", link.clone()),
                            ]
                        })?;
                    tx.audit(
                        "contract.countersign_reminded",
                        Some(("contract", &c.id)),
                        json!({"by": by}),
                    )?;
                }
                // CON-03: no payment within 3 years of signature.
                let running = q::in_states(
                    tx.conn,
                    &[
                        ContractStatus::Active.as_str(),
                        ContractStatus::Suspended.as_str(),
                    ],
                )?;
                let ids: Vec<String> = running.iter().map(|c| c.id.clone()).collect();
                let paid: std::collections::HashSet<String> =
                    q::with_payments(tx.conn, &ids)?.into_iter().collect();
                for mut c in running {
                    let Some(signed) = c.countersigned_at.map(local_date) else {
                        continue;
                    };
                    let link = format!("{base}{}", c.id);
                    match crate::domain::contracts::no_payment_watch(
                        signed,
                        paid.contains(&c.id),
                        today,
                    ) {
                        crate::domain::contracts::NoPaymentWatch::Nothing => {}
                        crate::domain::contracts::NoPaymentWatch::Warn(on) => {
                            if !claim(tx.conn, &c.id, "no_payment_warning", on)? {
                                continue;
                            }
                            let mut to = members_of(tx, &c)?;
                            to.extend(staff.iter().cloned());
                            run.warnings +=
                                tx.mail_each(&to, MailKind::ContractNoPaymentWarning, |lang| {
                                    vec![
                                        ("number", c.number.clone()),
                                        ("on", crate::views::format::date_long(lang, on)),
                                        ("link", link.clone()),
                                    ]
                                })?;
                            tx.audit(
                                "contract.no_payment_warned",
                                Some(("contract", &c.id)),
                                json!({"terminated_on": on}),
                            )?;
                        }
                        crate::domain::contracts::NoPaymentWatch::Terminate(on) => {
                            if !crate::db::contracts::lock(tx.conn, &c.id)? {
                                continue;
                            }
                            // Read again under the lock: another node may have acted.
                            let Some(fresh) = q::find(tx.conn, &c.id)? else {
                                continue;
                            };
                            if !ContractStatus::parse(&fresh.status)
                                .is_some_and(ContractStatus::is_running)
                            {
                                continue;
                            }
                            c = fresh;
                            end_contract(
                                tx,
                                &mut c,
                                "CON-03: no payment within 3 years of signature",
                                &link,
                            )?;
                            let to = staff.clone();
                            tx.mail_each(&to, MailKind::ContractTerminated, |_| {
                                vec![
                                    ("number", c.number.clone()),
                                    ("reason", "CON-03".into()),
                                    ("link", link.clone()),
                                ]
                            })?;
                            let _ = on;
                            run.terminated.push(c.number.clone());
                        }
                    }
                }
                // REP-01: reports overdue (or information not given in 30 days).
                for r in q::open_reports_due_before(tx.conn, today)? {
                    let due = match r.information_due {
                        Some(info)
                            if r.status == ContractReportStatus::InformationRequested.as_str() =>
                        {
                            info
                        }
                        _ => r.due_on,
                    };
                    if due >= today || !claim(tx.conn, &r.id, "report_overdue", due)? {
                        continue;
                    }
                    let c = load(tx.conn, &r.contract_id)?;
                    let mut to = members_of(tx, &c)?;
                    to.extend(staff.iter().cloned());
                    let link = format!("{base}{}#reports", c.id);
                    run.overdue_reports += 1;
                    tx.mail_each(&to, MailKind::ContractReportOverdue, |lang| {
                        vec![
                            ("number", c.number.clone()),
                            ("report", r.position.to_string()),
                            ("due", crate::views::format::date_long(lang, due)),
                            ("link", link.clone()),
                        ]
                    })?;
                    tx.audit(
                        "contract.report_overdue",
                        Some(("contract", &c.id)),
                        json!({"report": r.position, "due": due}),
                    )?;
                }
                // PAY-01/02: tranches due and not paid in full.
                for c in q::in_states(
                    tx.conn,
                    &[
                        ContractStatus::Active.as_str(),
                        ContractStatus::Suspended.as_str(),
                    ],
                )? {
                    let payments = q::payments_of(tx.conn, &c.id)?;
                    for t in q::tranches_of(tx.conn, &c.id)? {
                        let (Some(due), Some(payable)) = (t.due_on, t.payable_cents) else {
                            continue;
                        };
                        let paid = paid_on_tranche(&payments, t.position);
                        if due >= today
                            || paid >= payable
                            || !claim(tx.conn, &t.id, "payment_overdue", due)?
                        {
                            continue;
                        }
                        let link = format!("{base}{}#payments", c.id);
                        run.overdue_payments += 1;
                        tx.mail_each(&staff, MailKind::PaymentOverdue, |lang| {
                            vec![
                                ("number", c.number.clone()),
                                ("tranche", t.position.to_string()),
                                ("due", crate::views::format::date_long(lang, due)),
                                (
                                    "amount",
                                    crate::views::format::money(
                                        lang,
                                        Money::from_cents(payable - paid),
                                    ),
                                ),
                                ("link", link.clone()),
                            ]
                        })?;
                        tx.audit(
                            "contract.payment_overdue",
                            Some(("contract", &c.id)),
                            json!({"tranche": t.position, "due": due}),
                        )?;
                    }
                }
                // NOT-01: applicants of an approved award not told, three days ahead.
                let decisions = q::awards_waiting_notice(tx.conn)?;
                // In a fixed order, so two nodes claim in the same order (no deadlock).
                let mut by_call: Vec<(String, Vec<DecisionRow>)> =
                    crate::services::group_by(decisions, |d| d.call_id.as_str())
                        .into_iter()
                        .collect();
                by_call.sort_by(|a, b| a.0.cmp(&b.0));
                for (call_id, decisions) in by_call {
                    let Some(call) = crate::db::calls::find(tx.conn, &call_id)? else {
                        continue;
                    };
                    let Some(decided) = decisions.iter().map(|d| d.decided_at).min() else {
                        continue;
                    };
                    let decided_on = local_date(decided);
                    let awarded = |d: &&DecisionRow| d.outcome == "awarded";
                    let successful_waiting = decisions
                        .iter()
                        .filter(awarded)
                        .filter(|d| d.notified_at.is_none())
                        .count();
                    let others_waiting = decisions
                        .iter()
                        .filter(|d| !awarded(d))
                        .filter(|d| d.notified_at.is_none())
                        .count();
                    let told = decisions
                        .iter()
                        .filter(awarded)
                        .filter_map(|d| d.notified_at)
                        .max()
                        .map(local_date);
                    let call_type = crate::domain::calls::CallType::parse(&call.call_type)
                        .unwrap_or(crate::domain::calls::CallType::Restricted);
                    let (batch, waiting, by) = if successful_waiting > 0 {
                        (
                            "successful",
                            successful_waiting,
                            crate::services::award::successful_notice_due(
                                tx.conn,
                                call_type,
                                call.deadline,
                                &decisions,
                            )?
                            .unwrap_or(decided_on),
                        )
                    } else {
                        (
                            "others",
                            others_waiting,
                            crate::domain::award::unsuccessful_notice_by(told, decided_on),
                        )
                    };
                    let urgent = matches!(
                        crate::domain::award::urgency(by, today, waiting == 0),
                        crate::domain::award::Urgency::Soon
                            | crate::domain::award::Urgency::Overdue
                    );
                    if !urgent || !claim(tx.conn, &call_id, &format!("not01_{batch}"), by)? {
                        continue;
                    }
                    let link = state_report_link(&report_base, &call_id);
                    run.notice_warnings += 1;
                    tx.mail_each(&staff, MailKind::NoticeDue, |lang| {
                        vec![
                            ("call", call.reference.clone()),
                            ("count", waiting.to_string()),
                            ("by", crate::views::format::date_long(lang, by)),
                            ("link", link.clone()),
                        ]
                    })?;
                    tx.audit(
                        "award.notice_warned",
                        Some(("call", &call_id)),
                        json!({"batch": batch, "by": by, "waiting": waiting}),
                    )?;
                }
                // TL-01 / TL-02: the programme's call-launch and contracting deadlines.
                let mut programmes = crate::db::programmes::list(tx.conn)?;
                programmes.sort_by(|a, b| a.id.cmp(&b.id));
                for p in programmes {
                    let timeline = timeline_for(tx.conn, &p.id, today)?;
                    let open_awards = q::awards_without_contract(tx.conn)?
                        .into_iter()
                        .filter(|d| {
                            crate::db::locks::programme_of_call(tx.conn, &d.call_id)
                                .ok()
                                .flatten()
                                .as_deref()
                                == Some(p.id.as_str())
                        })
                        .count()
                        + q::list(tx.conn, None)?
                            .into_iter()
                            .filter(|c| {
                                c.programme_id == p.id
                                    && matches!(c.status.as_str(), "draft" | "sent")
                            })
                            .count();
                    let published = crate::db::calls::list_for_programme(tx.conn, &p.id)?
                        .iter()
                        .any(|c| c.published_at.is_some());
                    // TL-05: the unused balance is decommitted; contracts not closed by then
                    // lose what they have not been paid.
                    let unsettled = q::list(tx.conn, None)?
                        .into_iter()
                        .filter(|c| {
                            c.programme_id == p.id
                                && matches!(c.status.as_str(), "active" | "suspended")
                        })
                        .count();
                    for (kind, deadline, pending) in [
                        (
                            "tl01",
                            timeline.call_launch_deadline,
                            usize::from(!published),
                        ),
                        ("tl02", timeline.contracting_deadline, open_awards),
                        ("tl05", timeline.decommitment, unsettled),
                    ] {
                        let Some(days) = crate::domain::timeline::warning_due(deadline, today)
                        else {
                            continue;
                        };
                        if pending == 0
                            || !claim(tx.conn, &p.id, &format!("{kind}_{days}"), deadline)?
                        {
                            continue;
                        }
                        let link = format!("{programmes_base}{}", p.id);
                        run.programme_warnings += 1;
                        tx.mail_each(&staff, MailKind::ProgrammeDeadline, |lang| {
                            vec![
                                ("programme", p.reference.clone()),
                                (
                                    "deadline",
                                    crate::i18n::t(lang, &format!("programme-deadline-{kind}")),
                                ),
                                ("date", crate::views::format::date_long(lang, deadline)),
                                ("count", pending.to_string()),
                                ("link", link.clone()),
                            ]
                        })?;
                        tx.audit(
                            "programme.deadline_warned",
                            Some(("programme", &p.id)),
                            json!({"rule": kind, "deadline": deadline, "days": days}),
                        )?;
                    }
                }
                Ok(run)
            },
        )
        .await
}

/// What the beneficiary asks to change (AMD-01/02).
#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AmendmentInput {
    /// extension, transfer or other.
    #[serde(default)]
    pub kind: String,
    /// The day it takes effect (YYYY-MM-DD); an addendum needs 30 days' notice.
    #[serde(default)]
    pub effective_on: String,
    /// For an extension: the new end date (YYYY-MM-DD).
    #[serde(default)]
    pub new_end: String,
    /// For a transfer: the main headings (1–6) from and to, and the amount in euros.
    #[serde(default)]
    pub from: String,
    #[serde(default)]
    pub to: String,
    #[serde(default)]
    pub amount: String,
    #[serde(default)]
    pub description: String,
    /// A maximum EU contribution asked in the addendum: never above the contract's
    /// (AMD-01); refused when the request is made, not when it would be approved.
    #[serde(default)]
    pub max_eu: String,
}

/// Amounts moved so far to or from each heading by transfers in force (AMD-02 counts
/// them cumulatively, on both sides).
fn moved_by_heading(amendments: &[crate::db::contracts::AmendmentRow]) -> [Money; 6] {
    let mut moved = [Money::ZERO; 6];
    for a in amendments
        .iter()
        .filter(|a| a.kind == "transfer" && matches!(a.status.as_str(), "notified" | "approved"))
    {
        let amount = Money::from_cents(a.transfer_cents.unwrap_or(0));
        for h in [a.transfer_from, a.transfer_to].into_iter().flatten() {
            if let Some(slot) = moved.get_mut((h - 1) as usize) {
                *slot = slot.checked_add(amount).unwrap_or(Money::MAX);
            }
        }
    }
    moved
}

fn apply_transfer(c: &mut ContractRow, from: i32, to: i32, amount: Money) {
    let mut now = headings_of(&c.headings);
    let (f, t) = ((from - 1) as usize, (to - 1) as usize);
    now[f] = now[f].saturating_sub(amount);
    now[t] = now[t].checked_add(amount).unwrap_or(Money::MAX);
    c.headings = json!(now.iter().map(|m| m.cents()).collect::<Vec<_>>()).to_string();
}

/// The headings as signed (the first version's snapshot).
fn original_headings(versions: &[VersionRow]) -> [Money; 6] {
    versions
        .first()
        .and_then(|v| serde_json::from_str::<serde_json::Value>(&v.terms).ok())
        .map(|t| headings_of(&t["headings"].to_string()))
        .unwrap_or([Money::ZERO; 6])
}

/// The smallest duration in months whose end reaches `end` (an extension's new length).
fn months_to(start: NaiveDate, end: NaiveDate) -> i32 {
    (1..=crate::domain::contracts::MAX_DURATION_MONTHS)
        .find(|&m| end_date(start, m).is_ok_and(|e| e >= end))
        .unwrap_or(crate::domain::contracts::MAX_DURATION_MONTHS) as i32
}

/// AMD-01/02: the beneficiary asks for an extension, a budget transfer or another
/// change. A transfer within 15% of both headings (cumulatively) is a notification and
/// applies at once; anything else waits for the EU Delegation's addendum. Returns the
/// amendment's status.
#[tracing::instrument(skip_all)]
pub async fn request_amendment(
    state: &AppState,
    actor: &Actor,
    id: String,
    input: AmendmentInput,
) -> AppResult<String> {
    let mut errors = Vec::new();
    let kind = input.kind.trim().to_string();
    if !matches!(kind.as_str(), "extension" | "transfer" | "other") {
        errors.push(FieldError::new("kind", "error-amendment-kind"));
    }
    let description: String = input.description.trim().chars().take(5000).collect();
    if description.is_empty() {
        errors.push(FieldError::new(
            "description",
            "error-amendment-description",
        ));
    }
    let date =
        |s: &str, field: &'static str, errors: &mut Vec<FieldError>| match parse_date(s.trim()) {
            Ok(d) => Some(d),
            Err(_) => {
                errors.push(FieldError::new(field, "error-date-invalid"));
                None
            }
        };
    let effective = if kind == "transfer" && input.effective_on.trim().is_empty() {
        None
    } else {
        date(&input.effective_on, "effective_on", &mut errors)
    };
    let new_end = if kind == "extension" {
        date(&input.new_end, "new_end", &mut errors)
    } else {
        None
    };
    let asked_max = match input.max_eu.trim() {
        "" => None,
        v => match Money::parse(v) {
            Ok(m) => Some(m),
            Err(_) => {
                errors.push(FieldError::new("max_eu", "error-contract-amount"));
                None
            }
        },
    };
    let mut transfer = None;
    if kind == "transfer" {
        let heading = |s: &str| s.trim().parse::<i32>().ok().filter(|h| (1..=6).contains(h));
        let amount = Money::parse(&input.amount)
            .ok()
            .filter(|m| *m > Money::ZERO);
        match (heading(&input.from), heading(&input.to), amount) {
            (Some(f), Some(t), Some(a)) if f != t => transfer = Some((f, t, a)),
            (_, _, None) => errors.push(FieldError::new("amount", "error-payment-amount")),
            _ => errors.push(FieldError::new("from", "error-transfer-headings")),
        }
    }
    if !errors.is_empty() {
        return Err(AppError::Validation(errors));
    }
    let link = state.public_url(&format!("/contracts/{id}#amendments"));
    state
        .write(actor, beneficiary_permission(&id), Lock::Contract(id.clone()), move |tx| {
            let today = tx.today();
            let mut c = load_running(tx.conn, &id)?;
            require_editor(tx, &c)?;
            let amendments = q::amendments_of(tx.conn, &id)?;
            let timeline = timeline_for(tx.conn, &c.programme_id, today)?;
            let end = c.end_date.ok_or(AppError::Conflict("error-contract-not-running"))?;
            let start = c.start_date.unwrap_or(today);
            let max = Money::from_cents(c.max_eu_cents);
            // AMD-01: an addendum never raises the maximum grant; a lower one is the
            // final grant's business (CON-04), not an addendum's.
            if let Some(asked) = asked_max {
                return Err(AppError::Validation(vec![FieldError::new(
                    "max_eu",
                    if asked > max {
                        "error-addendum-raises-grant"
                    } else {
                        "error-addendum-lower-maximum"
                    },
                )]));
            }
            let mut status = "requested";
            if let Some((from, to, amount)) = transfer {
                let original = original_headings(&q::versions_of(tx.conn, &id)?);
                let current = headings_of(&c.headings);
                if amount > current[(from - 1) as usize] {
                    return Err(AppError::field("amount", "error-transfer-above-heading"));
                }
                let moved = moved_by_heading(&amendments);
                let (f, t) = ((from - 1) as usize, (to - 1) as usize);
                let rules = contract_rules(tx.conn, &c.call_id)?;
                if !crate::domain::contracts::transfer_needs_addendum(original[f], moved[f], original[t], moved[t], amount, &rules) {
                    status = "notified";
                }
            }
            let effective = effective.unwrap_or(today);
            if status == "requested" {
                let problems = crate::domain::contracts::amendment_problems(
                    today,
                    effective,
                    end,
                    max,
                    max,
                    new_end.map(|e| (start, e)),
                    &timeline,
                );
                if !problems.is_empty() {
                    return Err(AppError::Validation(problems));
                }
            }
            let row = crate::db::contracts::AmendmentRow {
                id: crate::services::new_id(),
                contract_id: id.clone(),
                number: amendments.len() as i32 + 1,
                kind: kind.clone(),
                status: status.into(),
                effective_on: effective,
                new_end,
                transfer_from: transfer.map(|t| t.0),
                transfer_to: transfer.map(|t| t.1),
                transfer_cents: transfer.map(|t| t.2.cents()),
                description: description.clone(),
                requested_by: tx.actor.user_id.clone().unwrap_or_default(),
                requested_at: tx.now,
                decided_by: None,
                decided_at: None,
                comment: None,
            };
            q::insert_amendment(tx.conn, &row)?;
            if let (Some((from, to, amount)), "notified") = (transfer, status) {
                apply_transfer(&mut c, from, to, amount);
                new_version(tx, &mut c, "transfer_notified")?;
            }
            let staff = crate::db::calls::delegation_staff(tx.conn)?;
            tx.mail_each(&staff, MailKind::ContractAmendment, |lang| {
                vec![
                    ("number", c.number.clone()),
                    ("amendment", row.number.to_string()),
                    ("status", crate::i18n::t(lang, &format!("amendment-status-{status}"))),
                    ("link", link.clone()),
                ]
            })?;
            tx.audit(
                if status == "notified" {
                    "contract.transfer_notified"
                } else {
                    "contract.amendment_requested"
                },
                Some(("contract", &id)),
                json!({"amendment": row.number, "kind": kind, "effective_on": effective, "new_end": new_end, "transfer": transfer.map(|(f, t, a)| json!({"from": f, "to": t, "cents": a.cents()}))}),
            )?;
            Ok(status.to_string())
        })
        .await
}

/// The EU Delegation approves an addendum (its change applies and a new version of the
/// contract is kept) or rejects it with a comment.
#[tracing::instrument(skip_all)]
pub async fn decide_amendment(
    state: &AppState,
    actor: &Actor,
    id: String,
    number: i32,
    approve: bool,
    comment: String,
) -> AppResult<()> {
    let comment: String = comment.trim().chars().take(5000).collect();
    if !approve && comment.is_empty() {
        return Err(AppError::field("comment", "error-amendment-comment"));
    }
    let link = state.public_url(&format!("/contracts/{id}#amendments"));
    state
        .write(
            actor,
            staff_permission(&id),
            Lock::Contract(id.clone()),
            move |tx| {
                let today = tx.today();
                let mut c = load_running(tx.conn, &id)?;
                let mut a = q::amendments_of(tx.conn, &id)?
                    .into_iter()
                    .find(|a| a.number == number)
                    .ok_or(AppError::NotFound)?;
                if a.status != "requested" {
                    return Err(AppError::Conflict("error-amendment-decided"));
                }
                if approve {
                    let timeline = timeline_for(tx.conn, &c.programme_id, today)?;
                    let end = c
                        .end_date
                        .ok_or(AppError::Conflict("error-contract-not-running"))?;
                    let start = c.start_date.unwrap_or(today);
                    let max = Money::from_cents(c.max_eu_cents);
                    // The notice counts from the request; the end and the 48 months still hold.
                    let problems = crate::domain::contracts::amendment_problems(
                        local_date(a.requested_at),
                        a.effective_on,
                        end,
                        max,
                        max,
                        a.new_end.map(|e| (start, e)),
                        &timeline,
                    );
                    if !problems.is_empty() {
                        return Err(AppError::Validation(problems));
                    }
                    if let Some(new_end) = a.new_end {
                        c.end_date = Some(new_end);
                        c.duration_months = months_to(start, new_end);
                        move_final_report(tx, &c, new_end)?;
                    }
                    if let (Some(f), Some(t), Some(cents)) =
                        (a.transfer_from, a.transfer_to, a.transfer_cents)
                    {
                        apply_transfer(&mut c, f, t, Money::from_cents(cents));
                    }
                    new_version(tx, &mut c, "addendum")?;
                }
                a.status = if approve { "approved" } else { "rejected" }.into();
                a.decided_by = tx.actor.user_id.clone();
                a.decided_at = Some(tx.now);
                a.comment = (!comment.is_empty()).then(|| comment.clone());
                q::update_amendment(tx.conn, &a)?;
                let members = members_of(tx, &c)?;
                let status = a.status.clone();
                tx.mail_each(&members, MailKind::ContractAmendment, |lang| {
                    vec![
                        ("number", c.number.clone()),
                        ("amendment", a.number.to_string()),
                        (
                            "status",
                            crate::i18n::t(lang, &format!("amendment-status-{status}")),
                        ),
                        ("link", link.clone()),
                    ]
                })?;
                tx.audit(
                    if approve {
                        "contract.amendment_approved"
                    } else {
                        "contract.amendment_rejected"
                    },
                    Some(("contract", &id)),
                    json!({"amendment": number, "comment": a.comment, "end": c.end_date}),
                )?;
                Ok(())
            },
        )
        .await
}

/// A new end moves the final report's period and due day (REP-01).
fn move_final_report(tx: &mut Tx<'_>, c: &ContractRow, new_end: NaiveDate) -> AppResult<()> {
    let months = if c.lead_abroad {
        crate::domain::contracts::FINAL_REPORT_MONTHS_ABROAD
    } else {
        crate::domain::contracts::FINAL_REPORT_MONTHS
    };
    if let Some(mut r) = q::reports_of(tx.conn, &c.id)?.into_iter().find(|r| {
        r.kind == ReportKind::Final.as_str() && r.status != ContractReportStatus::Approved.as_str()
    }) {
        r.period_end = new_end;
        r.due_on = crate::domain::time::add_months(new_end, months)
            .map_err(|_| AppError::BadRequest("date"))?;
        q::update_report(tx.conn, &r)?;
    }
    Ok(())
}

/// AMD-01: staff suspend implementation, or resume it; resuming extends the end date by
/// the days suspended (never beyond the operational phase, TL-03).
#[tracing::instrument(skip_all)]
pub async fn suspend_or_resume(
    state: &AppState,
    actor: &Actor,
    id: String,
    suspend: bool,
    reason: String,
) -> AppResult<Option<crate::domain::contracts::Resumption>> {
    let reason: String = reason.trim().chars().take(2000).collect();
    if suspend && reason.is_empty() {
        return Err(AppError::field("reason", "error-contract-reason"));
    }
    state
        .write(
            actor,
            staff_permission(&id),
            Lock::Contract(id.clone()),
            move |tx| {
                let today = tx.today();
                let mut c = load(tx.conn, &id)?;
                if suspend {
                    move_on(&mut c, ContractEvent::Suspend)?;
                    c.suspended_since = Some(today);
                    new_version(tx, &mut c, "suspended")?;
                    tx.audit(
                        "contract.suspended",
                        Some(("contract", &id)),
                        json!({"reason": reason, "since": today}),
                    )?;
                    return Ok(None);
                }
                move_on(&mut c, ContractEvent::Resume)?;
                let since = c.suspended_since.unwrap_or(today);
                let days = (today - since).num_days().max(0);
                let timeline = timeline_for(tx.conn, &c.programme_id, today)?;
                let end = c
                    .end_date
                    .ok_or(AppError::Conflict("error-contract-not-running"))?;
                let r = crate::domain::contracts::resumption(end, days, timeline.operational_end)
                    .map_err(|_| AppError::BadRequest("date"))?;
                c.end_date = Some(r.new_end);
                c.suspended_days += days as i32;
                c.suspended_since = None;
                move_final_report(tx, &c, r.new_end)?;
                new_version(tx, &mut c, "resumed")?;
                tx.audit(
                    "contract.resumed",
                    Some(("contract", &id)),
                    json!({"days": days, "end": r.new_end, "extended_by": r.extended_by,
                       "lost_days": r.lost_days, "operational_end": timeline.operational_end}),
                )?;
                Ok(Some(r))
            },
        )
        .await
}

/// TL-08: the complete dossier of one contract for auditors, as a ZIP: every version of
/// its terms, its tranches, payments, reports, amendments and audit events (JSON), every
/// file ever attached (each version), and an index naming each entry with its SHA-256.
/// Reading it changes nothing; the download itself is recorded by the access log.
#[tracing::instrument(skip_all)]
pub async fn dossier(state: &AppState, actor: &Actor, id: String) -> AppResult<(String, Vec<u8>)> {
    use sha2::{Digest, Sha256};
    use std::io::Write;
    let d = detail(state, actor, id.clone()).await?;
    let (files, events) = {
        let id = id.clone();
        let report_ids: Vec<(i32, String)> = d
            .reports
            .iter()
            .map(|(r, _)| (r.position, r.id.clone()))
            .collect();
        state
            .db(move |conn| {
                let mut files: Vec<(String, crate::db::attachments::AttachmentRow)> =
                    crate::db::attachments::all_of(
                        conn,
                        OwnerKind::Contract,
                        &id,
                        Purpose::SignedContract,
                    )?
                    .into_iter()
                    .map(|f| ("signed-contract".to_string(), f))
                    .collect();
                for (position, report) in report_ids {
                    for f in crate::db::attachments::all_of(
                        conn,
                        OwnerKind::Report,
                        &report,
                        Purpose::Report,
                    )? {
                        files.push((format!("report-{position}"), f));
                    }
                }
                let events = crate::db::audit::for_object(conn, "contract", &id, 100_000)?;
                Ok((files, events))
            })
            .await?
    };
    let c = &d.contract;
    let json_of = |v: serde_json::Value| serde_json::to_vec_pretty(&v).unwrap_or_default();
    let mut entries: Vec<(String, String, Vec<u8>)> = vec![
        ("contract.json".into(), "the contract as it stands".into(), json_of(json!(c))),
        (
            "versions.json".into(),
            "every version of the terms".into(),
            json_of(json!(d.versions.iter().map(|v| json!({"version": v.version, "reason": v.reason, "created_by": v.created_by, "created_at": v.created_at, "terms": serde_json::from_str::<serde_json::Value>(&v.terms).unwrap_or_default()})).collect::<Vec<_>>())),
        ),
        (
            "tranches.json".into(),
            "payment schedule and releases (PAY-01/02)".into(),
            json_of(json!(d.tranches.iter().map(|t| json!({"position": t.position, "kind": t.kind, "planned_cents": t.planned_cents, "payable_cents": t.payable_cents, "due_on": t.due_on, "after_report": t.after_report, "release": t.release.as_deref().and_then(|r| serde_json::from_str::<serde_json::Value>(r).ok())})).collect::<Vec<_>>())),
        ),
        (
            "payments.json".into(),
            "payments and recoveries".into(),
            json_of(json!(d.payments.iter().map(|p| json!({"kind": p.kind, "tranche": p.tranche_position, "amount_cents": p.amount_cents, "paid_on": p.paid_on, "reference": p.reference, "recorded_by": p.recorded_by, "recorded_at": p.recorded_at})).collect::<Vec<_>>())),
        ),
        (
            "reports.json".into(),
            "reports due, submitted and decided (REP-01)".into(),
            json_of(json!(d.reports.iter().map(|(r, _)| json!({"position": r.position, "kind": r.kind, "period_end": r.period_end, "due_on": r.due_on, "verification": r.verification, "status": r.status, "summary": r.narrative, "costs_cents": r.costs_cents, "accepted_costs_cents": r.accepted_costs_cents, "submitted_at": r.submitted_at, "submitted_by": r.submitted_by, "information_due": r.information_due, "staff_comment": r.staff_comment, "decided_by": r.decided_by, "decided_at": r.decided_at})).collect::<Vec<_>>())),
        ),
        (
            "amendments.json".into(),
            "amendments, notifications and addenda (AMD-01/02)".into(),
            json_of(json!(d.amendments.iter().map(|a| json!({"number": a.number, "kind": a.kind, "status": a.status, "effective_on": a.effective_on, "new_end": a.new_end, "transfer_from": a.transfer_from, "transfer_to": a.transfer_to, "transfer_cents": a.transfer_cents, "description": a.description, "requested_by": a.requested_by, "requested_at": a.requested_at, "decided_by": a.decided_by, "decided_at": a.decided_at, "comment": a.comment})).collect::<Vec<_>>())),
        ),
        (
            "audit-events.json".into(),
            "the audit log's events about this contract, with their chain hashes".into(),
            json_of(json!(events.iter().rev().map(|e| json!({"seq": e.seq, "occurred_at": e.occurred_at, "actor": e.actor_email, "action": e.action, "details": serde_json::from_str::<serde_json::Value>(&e.details).unwrap_or_default(), "hash": e.hash, "prev_hash": e.prev_hash})).collect::<Vec<_>>())),
        ),
    ];
    for (folder, f) in files {
        let bytes = crate::services::uploads::read(state, &f.storage_key).await?;
        let name = crate::services::uploads::clean_file_name(&f.file_name);
        entries.push((
            format!("documents/{folder}/{}-v{}-{name}", f.title, f.version),
            format!(
                "{} {} v{} uploaded {} by {}{}",
                folder,
                f.title,
                f.version,
                f.uploaded_at,
                f.uploaded_by,
                if f.removed_at.is_some() {
                    " (removed, kept)"
                } else {
                    ""
                }
            ),
            bytes,
        ));
    }
    let mut index = format!(
        "Dossier of grant contract {}\nBeneficiary: {}\nAction: {}\nRecords kept until: {}\n\n",
        c.number,
        d.beneficiary,
        d.title,
        c.keep_until.map_or_else(
            || "7 years after the final payment (REC-01)".to_string(),
            |k| k.to_string()
        )
    );
    for (name, what, bytes) in &entries {
        index.push_str(&format!(
            "{name}\t{} bytes\tsha256 {}\t{what}\n",
            bytes.len(),
            hex::encode(Sha256::digest(bytes))
        ));
    }
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut w = zip::ZipWriter::new(&mut buf);
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        let fail = |e: zip::result::ZipError| AppError::Internal(anyhow::anyhow!(e));
        w.start_file("index.txt", options).map_err(fail)?;
        w.write_all(index.as_bytes())
            .map_err(|e| AppError::Internal(e.into()))?;
        for (name, _, bytes) in &entries {
            w.start_file(name.as_str(), options).map_err(fail)?;
            w.write_all(bytes)
                .map_err(|e| AppError::Internal(e.into()))?;
        }
        w.finish().map_err(fail)?;
    }
    let file_name = format!(
        "contract-{}-dossier.zip",
        c.number
            .replace(|ch: char| !ch.is_ascii_alphanumeric() && ch != '-', "_")
    );
    Ok((file_name, buf.into_inner()))
}
