//! Corrigenda to published calls: checked like a publication, applied, recorded with the
//! earlier version, audited, and emailed to the call's followers in their language.

use chrono::NaiveDateTime;
use serde_json::json;

use super::publication::report_for;
use super::{load_call, lot_terms, Call};
use crate::db::calls::{self as q, CorrigendumRow, LotRow};
use crate::db::DbConnection;
use crate::domain::access::{Action, Scope};
use crate::domain::attachments::{OwnerKind, Purpose};
use crate::domain::calls::{CallEvent, CallStatus, PublishProblem};
use crate::domain::corrigenda::{
    corrigendum_problems, CallVersion, Change, CorrigendumRequest, LotVersion,
};
use crate::domain::text::{self, Texts};
use crate::domain::time::plausible_instant;
use crate::domain::FieldError;
use crate::error::{AppError, AppResult};
use crate::i18n::Lang;
use crate::services::attachments::{self, NewAttachment};
use crate::services::mail::MailKind;
use crate::services::uploads::{self, CheckedUpload};
use crate::services::write::{Lock, Permission};
use crate::services::{new_id, Actor};
use crate::state::AppState;

/// The longest reason a corrigendum may give, per language.
pub const REASON_MAX_CHARS: usize = 4000;

/// A recorded corrigendum, parsed.
#[derive(Debug, Clone)]
pub struct Corrigendum {
    pub row: CorrigendumRow,
    pub changes: Vec<Change>,
    /// The call as it was before this corrigendum.
    pub previous: CallVersion,
}

impl Corrigendum {
    pub fn from_row(row: CorrigendumRow) -> AppResult<Corrigendum> {
        let bad = || AppError::Internal(anyhow::anyhow!("corrigendum {} is unreadable", row.id));
        Ok(Corrigendum {
            changes: serde_json::from_str(&row.changes).map_err(|_| bad())?,
            previous: serde_json::from_str(&row.previous).map_err(|_| bad())?,
            row,
        })
    }

    pub fn reason(&self) -> Texts {
        Texts {
            en: self.row.reason.clone(),
            kk: self.row.reason_kk.clone(),
            ru: self.row.reason_ru.clone(),
        }
    }
}

/// The parts of the call a corrigendum can change, as they stand.
pub fn current_version(call: &Call, lots: &[LotRow]) -> CallVersion {
    let r = &call.row;
    CallVersion {
        title: Texts {
            en: r.title.clone(),
            kk: r.title_kk.clone(),
            ru: r.title_ru.clone(),
        },
        description: Texts {
            en: r.description.clone(),
            kk: r.description_kk.clone(),
            ru: r.description_ru.clone(),
        },
        deadline: r.deadline,
        lots: lots
            .iter()
            .map(|l| LotVersion {
                number: l.number,
                title: Texts {
                    en: l.title.clone(),
                    kk: l.title_kk.clone(),
                    ru: l.title_ru.clone(),
                },
                envelope: crate::domain::money::Money::from_cents(l.envelope_cents),
            })
            .collect(),
    }
}

pub fn corrigenda_in(conn: &mut DbConnection, call_id: &str) -> AppResult<Vec<Corrigendum>> {
    q::corrigenda_of(conn, call_id)?
        .into_iter()
        .map(Corrigendum::from_row)
        .collect()
}

/// The texts typed for a corrigendum, cleaned; every problem named by its field.
fn checked(req: &CorrigendumRequest) -> AppResult<CorrigendumRequest> {
    let mut errors = Vec::new();
    let mut clean = req.clone();
    clean.reason = req.reason.checked_text(
        ["reason", "reason_kk", "reason_ru"],
        REASON_MAX_CHARS,
        true,
        &mut errors,
    );
    if let Some(d) = &req.description {
        clean.description = Some(d.checked_text(
            ["description", "description_kk", "description_ru"],
            super::translations::DESCRIPTION_MAX_CHARS,
            false,
            &mut errors,
        ));
    }
    for (i, lot) in req.lots.iter().enumerate() {
        if let Some(t) = &lot.title {
            let mut field = |lang: &str, value: &str, required: bool| -> String {
                let name = format!("lot-{}-title{lang}", lot.number);
                if !required && value.trim().is_empty() {
                    return String::new();
                }
                match text::line("title", value, super::translations::TITLE_MAX_CHARS) {
                    Ok(v) => v,
                    Err(e) => {
                        errors.push(FieldError::named(name, e.code));
                        String::new()
                    }
                }
            };
            clean.lots[i].title = Some(Texts {
                en: field("", &t.en, true),
                kk: field("_kk", &t.kk, false),
                ru: field("_ru", &t.ru, false),
            });
        }
    }
    if let Some(Err(e)) = req.deadline.map(plausible_instant) {
        errors.push(FieldError::new("deadline", e.message_key()));
    }
    if errors.is_empty() {
        Ok(clean)
    } else {
        Err(AppError::Validation(errors))
    }
}

/// Everything that stops this corrigendum now: its own rules, then publication's
/// checks on the corrected call as at its first publication.
fn problems_in(
    conn: &mut DbConnection,
    call: &Call,
    lots: &[LotRow],
    req: &CorrigendumRequest,
    now: NaiveDateTime,
) -> AppResult<(CallVersion, Vec<PublishProblem>)> {
    let current = current_version(call, lots);
    let mut problems = corrigendum_problems(call.status, &current, req, now);
    if !problems.is_empty() {
        return Ok((current, problems));
    }
    let after = current.corrected(req);
    let terms: Vec<_> = lots
        .iter()
        .map(|l| {
            let mut t = lot_terms(l);
            if let Some(v) = after.lots.iter().find(|v| v.number == l.number) {
                t.title = v.title.en.clone();
                t.envelope = v.envelope;
            }
            t
        })
        .collect();
    let published_at = call.row.published_at.unwrap_or(now);
    let report = report_for(
        conn,
        call,
        CallStatus::Draft,
        &terms,
        after.deadline,
        published_at,
    )?;
    problems.extend(report.problems);
    Ok((current, problems))
}

/// What the corrigendum would change and what stops it, for the preview.
#[tracing::instrument(skip_all)]
pub async fn preview_corrigendum(
    state: &AppState,
    call_id: String,
    req: CorrigendumRequest,
) -> AppResult<(Vec<Change>, Vec<PublishProblem>)> {
    let req = checked(&req)?;
    let now = state.clock.now();
    state
        .db(move |conn| {
            let call = load_call(conn, &call_id)?;
            let lots = q::lots_of(conn, &call_id)?;
            let (current, problems) = problems_in(conn, &call, &lots, &req, now)?;
            let changes = current.changes_to(&current.corrected(&req), req.adds_documents);
            Ok((changes, problems))
        })
        .await
}

/// Publishes a corrigendum when every check passes (returns its number); otherwise
/// every problem. The programme is locked first: a raised lot amount spends envelope.
#[tracing::instrument(skip_all)]
pub async fn publish_corrigendum(
    state: &AppState,
    actor: &Actor,
    call_id: String,
    req: CorrigendumRequest,
) -> AppResult<Result<i32, Vec<PublishProblem>>> {
    let req = checked(&req)?;
    let link_base = state.public_url("/calls/");
    let permission = Permission::Do(Action::ManageCalls, Scope::Call(call_id.clone()));
    state
        .write(
            actor,
            permission,
            Lock::CallAndProgramme(call_id.clone()),
            move |tx| {
                let call = load_call(tx.conn, &call_id)?;
                call.next_status(CallEvent::Correct)?;
                let lots = q::lots_of(tx.conn, &call_id)?;
                let (current, problems) = problems_in(tx.conn, &call, &lots, &req, tx.now)?;
                if !problems.is_empty() {
                    tx.nothing_changed();
                    return Ok(Err(problems));
                }
                let after = current.corrected(&req);
                let changes = current.changes_to(&after, req.adds_documents);
                let number = q::corrigenda_of(tx.conn, &call_id)?
                    .last()
                    .map_or(1, |c| c.number + 1);
                q::correct_call(
                    tx.conn,
                    &call_id,
                    after.deadline,
                    &after.description,
                    tx.now,
                )?;
                for lot in &lots {
                    let (Some(before), Some(new)) = (
                        current.lots.iter().find(|v| v.number == lot.number),
                        after.lots.iter().find(|v| v.number == lot.number),
                    ) else {
                        continue;
                    };
                    if before != new {
                        q::correct_lot(tx.conn, &lot.id, &new.title, new.envelope.cents())?;
                    }
                }
                let row = CorrigendumRow {
                    id: new_id(),
                    call_id: call_id.clone(),
                    number,
                    reason: req.reason.en.clone(),
                    reason_kk: req.reason.kk.clone(),
                    reason_ru: req.reason.ru.clone(),
                    changes: to_json(&changes)?,
                    previous: to_json(&current)?,
                    published_by: tx.actor.user_id.clone().unwrap_or_default(),
                    published_at: tx.now,
                };
                // Numbers are unique per call (the call's lock keeps them in sequence).
                q::insert_corrigendum(tx.conn, &row)?;
                let link = format!("{link_base}{call_id}#corrigenda");
                let followers = crate::db::applications::everyone_concerned(tx.conn, &call_id)?;
                tx.mail_each(&followers, MailKind::CallCorrected, |lang| {
                    vec![
                        ("call", call.label_in(lang)),
                        ("number", number.to_string()),
                        ("changes", changes_text(lang, &changes)),
                        ("reason", req.reason.view().for_reader(lang).0.to_string()),
                        ("link", link.clone()),
                    ]
                })?;
                tx.audit(
                    "call.corrigendum_published",
                    Some(("call", &call_id)),
                    json!({"number": number, "corrigendum": row.id, "reason": req.reason.en,
                           "changes": changes}),
                )?;
                Ok(Ok(number))
            },
        )
        .await
}

fn to_json<T: serde::Serialize>(value: &T) -> AppResult<String> {
    serde_json::to_string(value).map_err(|e| AppError::Internal(e.into()))
}

/// The changes as lines of plain text in `lang` (for emails).
pub fn changes_text(lang: Lang, changes: &[Change]) -> String {
    changes
        .iter()
        .map(|c| format!("– {}", crate::views::calls::change_text(lang, c)))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Adds a document to a published corrigendum: the English text is authentic and
/// frozen at once; Kazakh and Russian versions are for information.
#[tracing::instrument(skip_all)]
pub async fn add_corrigendum_document(
    state: &AppState,
    actor: &Actor,
    call_id: String,
    number: i32,
    upload: CheckedUpload,
    language: Lang,
) -> AppResult<()> {
    let permission = Permission::Do(Action::ManageCalls, Scope::Call(call_id.clone()));
    crate::services::write::check_permission(actor, &permission)?;
    let stored = uploads::store(state, &upload).await?;
    let stored_key = stored.key.clone();
    let result = state
        .write(actor, permission, Lock::Call(call_id.clone()), move |tx| {
            let call = load_call(tx.conn, &call_id)?;
            call.next_status(CallEvent::Correct)?;
            let corrigendum = q::corrigenda_of(tx.conn, &call_id)?
                .into_iter()
                .find(|c| c.number == number)
                .ok_or(AppError::NotFound)?;
            let title = format!("Corrigendum {number}");
            let row = attachments::attach(
                tx,
                &NewAttachment {
                    owner: OwnerKind::Corrigendum,
                    owner_id: &corrigendum.id,
                    purpose: Purpose::Corrigendum,
                    language: Some(language),
                    title: &title,
                },
                &upload,
                &stored,
            )?;
            if language == Lang::En {
                attachments::freeze(
                    tx,
                    OwnerKind::Corrigendum,
                    &corrigendum.id,
                    Purpose::Corrigendum,
                    Some(Lang::En),
                )?;
            }
            tx.audit(
                "call.corrigendum_document_added",
                Some(("call", &call_id)),
                json!({"number": number, "document": row.id, "language": row.language,
                       "file": row.file_name, "sha256": row.sha256, "bytes": row.size_bytes,
                       "version": row.version, "replaces": row.replaces_id}),
            )
        })
        .await;
    if result.is_err() {
        uploads::discard(state, &stored_key).await;
    }
    result
}

/// A corrigendum of a published or cancelled call, by number.
fn corrigendum_of(conn: &mut DbConnection, call_id: &str, number: i32) -> AppResult<Corrigendum> {
    let call = load_call(conn, call_id)?;
    if call.status == CallStatus::Draft {
        return Err(AppError::NotFound);
    }
    corrigenda_in(conn, call_id)?
        .into_iter()
        .find(|c| c.row.number == number)
        .ok_or(AppError::NotFound)
}

/// The call as it was before corrigendum `number`, with the call and that corrigendum.
#[tracing::instrument(skip_all)]
pub async fn earlier_version(
    state: &AppState,
    call_id: String,
    number: i32,
) -> AppResult<(Call, Corrigendum)> {
    state
        .db(move |conn| {
            let corrigendum = corrigendum_of(conn, &call_id, number)?;
            Ok((load_call(conn, &call_id)?, corrigendum))
        })
        .await
}

/// A document of a corrigendum (anyone may read those of a public call; removed ones
/// are kept for the record only).
#[tracing::instrument(skip_all)]
pub async fn corrigendum_document_for_download(
    state: &AppState,
    call_id: String,
    number: i32,
    doc_id: String,
) -> AppResult<crate::db::attachments::AttachmentRow> {
    state
        .db(move |conn| {
            let corrigendum = corrigendum_of(conn, &call_id, number)?;
            crate::db::attachments::find(
                conn,
                OwnerKind::Corrigendum,
                &corrigendum.row.id,
                &doc_id,
            )?
            .filter(|d| d.removed_at.is_none())
            .ok_or(AppError::NotFound)
        })
        .await
}
