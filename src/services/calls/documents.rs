//! Guidelines documents of a call (CFP-08): English is the authentic text and frozen at
//! publication; Kazakh and Russian versions "for information" may be added later.

use serde_json::json;

use super::load_call;
use crate::db::attachments::{self as attachment_q, AttachmentRow};
use crate::domain::access::{Action, Scope};
use crate::domain::attachments::{OwnerKind, Purpose};
use crate::domain::calls::{CallEvent, CallStatus};
use crate::domain::text;
use crate::error::{AppError, AppResult};
use crate::i18n::Lang;
use crate::services::attachments::{self, NewAttachment};
use crate::services::uploads::{self, CheckedUpload};
use crate::services::write::{Lock, Permission};
use crate::services::Actor;
use crate::state::AppState;

/// Staff may see any call's documents; the public those of published calls that were
/// not removed (earlier versions stay readable).
#[tracing::instrument(skip_all)]
pub async fn document_for_download(
    state: &AppState,
    actor: &Actor,
    call_id: String,
    doc_id: String,
) -> AppResult<AttachmentRow> {
    let staff = actor.require(Action::ViewProgrammes).is_ok();
    state
        .db(move |conn| {
            let call = load_call(conn, &call_id)?;
            if call.status == CallStatus::Draft && !staff {
                return Err(AppError::NotFound);
            }
            attachment_q::find(conn, OwnerKind::Call, &call_id, &doc_id)?
                .filter(|d| staff || d.removed_at.is_none())
                .ok_or(AppError::NotFound)
        })
        .await
}

/// Stores an uploaded guidelines document (already checked by `uploads::check_document`).
#[tracing::instrument(skip_all)]
pub async fn add_document(
    state: &AppState,
    actor: &Actor,
    call_id: String,
    upload: CheckedUpload,
    language: Lang,
    title: String,
) -> AppResult<()> {
    let title = text::line("title", &title, 200)?;
    let permission = Permission::Do(Action::ManageCalls, Scope::Call(call_id.clone()));
    crate::services::write::check_permission(actor, &permission)?;
    let stored = uploads::store(state, &upload).await?;
    let stored_key = stored.key.clone();
    let result = state
        .write(actor, permission, Lock::Call(call_id.clone()), move |tx| {
            let call = load_call(tx.conn, &call_id)?;
            // CFP-08: the English text is authentic and frozen at publication; Kazakh and
            // Russian versions "for information" may still be added afterwards.
            let event = if language == Lang::En {
                CallEvent::Edit
            } else {
                CallEvent::AddTranslation
            };
            call.next_status(event)?;
            let row = attachments::attach(
                tx,
                &NewAttachment {
                    owner: OwnerKind::Call,
                    owner_id: &call_id,
                    purpose: Purpose::Guidelines,
                    language: Some(language),
                    title: &title,
                },
                &upload,
                &stored,
            )?;
            tx.audit(
                "call.document_added",
                Some(("call", &call_id)),
                json!({"document": row.id, "language": row.language, "file": row.file_name, "sha256": row.sha256,
                       "bytes": row.size_bytes, "version": row.version, "replaces": row.replaces_id}),
            )
        })
        .await;
    if result.is_err() {
        // Nothing refers to the file: do not leave it behind.
        uploads::discard(state, &stored_key).await;
    }
    result
}

/// Removes a document from a draft (kept, marked removed).
#[tracing::instrument(skip_all)]
pub async fn remove_document(
    state: &AppState,
    actor: &Actor,
    call_id: String,
    doc_id: String,
) -> AppResult<()> {
    let permission = Permission::Do(Action::ManageCalls, Scope::Call(call_id.clone()));
    state
        .write(actor, permission, Lock::Call(call_id.clone()), move |tx| {
            let call = load_call(tx.conn, &call_id)?;
            call.next_status(CallEvent::Edit)?;
            attachments::detach(tx, OwnerKind::Call, &call_id, &doc_id)?;
            tx.audit(
                "call.document_removed",
                Some(("call", &call_id)),
                json!({"document": doc_id}),
            )
        })
        .await
}
