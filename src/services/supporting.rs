//! Supporting documents (SEL-02): the chair asks the provisionally selected and reserve
//! applicants for them, the applicant uploads them on the application's page, the
//! secretary (or the chair) records the check. A failed check takes the application out
//! of the selection; the board, computed afresh, moves the next reserve that fits up,
//! and the audit event names it.

use std::collections::{BTreeSet, HashMap};

use serde_json::json;

use crate::db::attachments::{self as attachment_q, AttachmentRow};
use crate::db::evaluation::{self as q, SupportingRow};
use crate::db::organisations as org_q;
use crate::db::DbConnection;
use crate::domain::access::{Action, Scope};
use crate::domain::attachments::{OwnerKind, Purpose};
use crate::domain::award::required_documents;
use crate::domain::evaluation::EvaluationStage;
use crate::domain::organisations::MemberRole;
use crate::domain::selection::Placement;
use crate::domain::FieldError;
use crate::error::{AppError, AppResult};
use crate::services::attachments::{self, NewAttachment};
use crate::services::evaluation::board_on;
use crate::services::mail::MailKind;
use crate::services::uploads::CheckedUpload;
use crate::services::write::{Lock, Permission, Tx};
use crate::services::Actor;
use crate::state::AppState;

/// The current supporting documents of an application (latest version of each code).
pub fn documents_on(conn: &mut DbConnection, id: &str) -> AppResult<Vec<AttachmentRow>> {
    Ok(attachments::current(attachment_q::all_of(
        conn,
        OwnerKind::Application,
        id,
        Purpose::SupportingDocument,
    )?))
}

/// The applications selected or on the reserve list at the full stage, by id.
fn in_selection(tx: &mut Tx<'_>, call_id: &str) -> AppResult<Vec<(String, i64, Placement)>> {
    let board = board_on(
        tx.conn,
        tx.actor,
        call_id,
        EvaluationStage::Full,
        tx.now,
        &HashMap::new(),
    )?;
    Ok(board
        .lots
        .iter()
        .flat_map(|l| l.rows.iter())
        .filter_map(|r| {
            r.placement
                .map(|p| (r.app.id.clone(), r.app.requested_cents, p))
        })
        .collect())
}

/// SEL-02: asks every provisionally selected and reserve applicant (not asked yet) for
/// the supporting documents; each organisation's members are emailed the list.
#[tracing::instrument(skip_all)]
pub async fn request(state: &AppState, actor: &Actor, call_id: String) -> AppResult<usize> {
    let link_base = state.public_url("/applications/");
    state
        .write(
            actor,
            Permission::Do(Action::RunEvaluation, Scope::Call(call_id.clone())),
            Lock::Call(call_id.clone()),
            move |tx| {
                let call = crate::services::calls::Call::from_row(
                    crate::db::calls::find(tx.conn, &call_id)?.ok_or(AppError::NotFound)?,
                )?;
                let asked: BTreeSet<String> = q::supporting_of_call(tx.conn, &call_id)?
                    .into_iter()
                    .map(|r| r.application_id)
                    .collect();
                let due: Vec<(String, i64, Placement)> = in_selection(tx, &call_id)?
                    .into_iter()
                    .filter(|(id, _, _)| !asked.contains(id))
                    .collect();
                if due.is_empty() {
                    return Err(AppError::Conflict("error-supporting-nobody"));
                }
                let by = tx.actor.user_id.clone().unwrap_or_default();
                for (id, amount, _) in &due {
                    let codes = required_documents(*amount);
                    q::insert_supporting(
                        tx.conn,
                        &SupportingRow {
                            application_id: id.clone(),
                            call_id: call_id.clone(),
                            documents: serde_json::to_string(&codes)
                                .unwrap_or_else(|_| "[]".into()),
                            requested_by: by.clone(),
                            requested_at: tx.now,
                            passed: None,
                            note: None,
                            checked_by: None,
                            checked_at: None,
                        },
                    )?;
                    let a =
                        crate::db::applications::find(tx.conn, id)?.ok_or(AppError::NotFound)?;
                    let members = org_q::member_recipients(tx.conn, &a.organisation_id)?;
                    let link = format!("{link_base}{id}#supporting");
                    let number = a.receipt_number.clone().unwrap_or_default();
                    tx.mail_each(&members, MailKind::SupportingRequested, |lang| {
                        let list = codes
                            .iter()
                            .map(|c| {
                                format!(
                                    "- {}",
                                    crate::i18n::t(
                                        lang,
                                        &format!("supporting-{}", c.replace('_', "-"))
                                    )
                                )
                            })
                            .collect::<Vec<_>>()
                            .join("\n");
                        vec![
                            ("call", call.label_in(lang)),
                            ("number", number.clone()),
                            ("documents", list),
                            ("link", link.clone()),
                        ]
                    })?;
                    tx.audit(
                        "award.supporting_requested",
                        Some(("application", id)),
                        json!({"documents": codes}),
                    )?;
                }
                Ok(due.len())
            },
        )
        .await
}

/// What the applicant's page shows: the request and the files given so far.
#[tracing::instrument(skip_all)]
pub async fn for_applicant(
    state: &AppState,
    actor: &Actor,
    id: String,
) -> AppResult<Option<(SupportingRow, Vec<AttachmentRow>)>> {
    let user = actor.user_id.clone().ok_or(AppError::Unauthorized)?;
    state
        .db(move |conn| {
            let a = crate::db::applications::find(conn, &id)?.ok_or(AppError::NotFound)?;
            org_q::membership(conn, &a.organisation_id, &user)?.ok_or(AppError::NotFound)?;
            match q::supporting_of(conn, &id)? {
                Some(row) => Ok(Some((row, documents_on(conn, &id)?))),
                None => Ok(None),
            }
        })
        .await
}

/// The applicant uploads one asked document (an editor or owner of the organisation),
/// until the check is recorded. A new file for the same document is its next version.
#[tracing::instrument(skip_all)]
pub async fn upload(
    state: &AppState,
    actor: &Actor,
    id: String,
    code: String,
    upload: CheckedUpload,
) -> AppResult<AttachmentRow> {
    let user = actor.user_id.clone().ok_or(AppError::Unauthorized)?;
    let call_id = {
        let id = id.clone();
        state
            .db(move |conn| {
                Ok(crate::db::applications::find(conn, &id)?
                    .ok_or(AppError::NotFound)?
                    .call_id)
            })
            .await?
    };
    // Membership (editor or owner) is checked inside the write: the organisation's.
    crate::services::write::check_permission(actor, &crate::services::applications::permission())?;
    let stored = crate::services::uploads::store(state, &upload).await?;
    let key = stored.key.clone();
    let result = state
        .write(
            actor,
            crate::services::applications::permission(),
            Lock::Call(call_id),
            move |tx| {
                let a = crate::db::applications::find(tx.conn, &id)?.ok_or(AppError::NotFound)?;
                let member = org_q::membership(tx.conn, &a.organisation_id, &user)?
                    .ok_or(AppError::NotFound)?;
                if !MemberRole::parse(&member.role).is_some_and(MemberRole::may_edit) {
                    return Err(AppError::Forbidden);
                }
                let request = q::supporting_of(tx.conn, &id)?
                    .ok_or(AppError::Conflict("error-supporting-not-asked"))?;
                if request.passed.is_some() {
                    return Err(AppError::Conflict("error-supporting-checked"));
                }
                if !request.codes().contains(&code) {
                    return Err(AppError::Validation(vec![FieldError::new(
                        "document",
                        "error-supporting-unknown",
                    )]));
                }
                let row = attachments::attach(
                    tx,
                    &NewAttachment {
                        owner: OwnerKind::Application,
                        owner_id: &id,
                        purpose: Purpose::SupportingDocument,
                        language: None,
                        title: &code,
                    },
                    &upload,
                    &stored,
                )?;
                tx.audit(
                    "award.supporting_uploaded",
                    Some(("application", &id)),
                    json!({"document": code, "file": row.file_name, "sha256": row.sha256, "version": row.version}),
                )?;
                Ok(row)
            },
        )
        .await;
    if result.is_err() {
        crate::services::uploads::discard(state, &key).await;
    }
    result
}

/// SEL-02: the secretary (or the chair) records the check of an application's
/// documents. Passing needs every asked document; failing needs the reason. Returns the
/// receipts of applications the failure moved into the selection.
#[tracing::instrument(skip_all)]
pub async fn record_check(
    state: &AppState,
    actor: &Actor,
    id: String,
    passed: bool,
    note: String,
) -> AppResult<Vec<String>> {
    let note: String = note.trim().chars().take(2000).collect();
    if !passed && note.is_empty() {
        return Err(AppError::Validation(vec![FieldError::new(
            "note",
            "error-supporting-note-missing",
        )]));
    }
    let call_id = {
        let id = id.clone();
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
            Permission::Do(Action::CheckSupportingDocuments, Scope::Call(call_id.clone())),
            Lock::Call(call_id.clone()),
            move |tx| {
                let request = q::supporting_of(tx.conn, &id)?
                    .filter(|r| r.call_id == call_id)
                    .ok_or(AppError::NotFound)?;
                if request.passed.is_some() {
                    return Err(AppError::Conflict("error-supporting-checked"));
                }
                let given: BTreeSet<String> =
                    documents_on(tx.conn, &id)?.into_iter().map(|r| r.title).collect();
                let missing: Vec<String> =
                    request.codes().into_iter().filter(|c| !given.contains(c)).collect();
                if passed && !missing.is_empty() {
                    return Err(AppError::Conflict("error-supporting-incomplete"));
                }
                let selected_before: BTreeSet<String> = in_selection(tx, &call_id)?
                    .into_iter()
                    .filter(|(_, _, p)| *p == Placement::Selected)
                    .map(|(id, _, _)| id)
                    .collect();
                let by = tx.actor.user_id.clone().unwrap_or_default();
                let noted = (!note.is_empty()).then_some(note.as_str());
                if !q::record_supporting(tx.conn, &id, passed, noted, &by, tx.now)? {
                    return Err(AppError::Conflict("error-supporting-checked"));
                }
                let moved_up: Vec<String> = in_selection(tx, &call_id)?
                    .into_iter()
                    .filter(|(other, _, p)| *p == Placement::Selected && !selected_before.contains(other))
                    .map(|(other, _, _)| other)
                    .collect();
                let receipts: Vec<String> = moved_up
                    .iter()
                    .filter_map(|m| {
                        crate::db::applications::find(tx.conn, m).ok().flatten().and_then(|a| a.receipt_number)
                    })
                    .collect();
                tx.audit(
                    "award.supporting_checked",
                    Some(("application", &id)),
                    json!({"passed": passed, "note": noted, "missing": missing, "moved_up": receipts}),
                )?;
                Ok(receipts)
            },
        )
        .await
}

/// A supporting document, for whoever sees the call's scores (secretary, chair, auditor).
#[tracing::instrument(skip_all)]
pub async fn file_for_committee(
    state: &AppState,
    actor: &Actor,
    call_id: String,
    id: String,
    file_id: String,
) -> AppResult<AttachmentRow> {
    let permission = Permission::Do(Action::ViewEvaluation, Scope::Call(call_id.clone()));
    crate::services::write::check_permission(actor, &permission)?;
    let actor = actor.clone();
    state
        .db(move |conn| {
            crate::services::write::check_permission_in(conn, &actor, &permission)?;
            q::supporting_of(conn, &id)?
                .filter(|r| r.call_id == call_id)
                .ok_or(AppError::NotFound)?;
            documents_on(conn, &id)?
                .into_iter()
                .find(|r| r.id == file_id)
                .ok_or(AppError::NotFound)
        })
        .await
}
