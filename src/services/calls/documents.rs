//! Guidelines documents of a call (CFP-08): English is the authentic text and frozen at
//! publication; Kazakh and Russian versions "for information" may be added later.

use serde_json::json;

use super::load_call;
use crate::db::calls::{self as q, DocumentRow};
use crate::domain::access::{Action, Scope};
use crate::domain::calls::{CallEvent, CallStatus};
use crate::domain::text;
use crate::error::{AppError, AppResult};
use crate::i18n::Lang;
use crate::services::uploads::{self, CheckedUpload};
use crate::services::write::{Lock, Permission};
use crate::services::{new_id, Actor};
use crate::state::AppState;

/// Staff may see any call's documents; the public only those of published calls.
pub async fn document_for_download(
    state: &AppState,
    actor: &Actor,
    call_id: String,
    doc_id: String,
) -> AppResult<DocumentRow> {
    let staff = actor.require(Action::ViewProgrammes).is_ok();
    state
        .db(move |conn| {
            let call = load_call(conn, &call_id)?;
            if call.status == CallStatus::Draft && !staff {
                return Err(AppError::NotFound);
            }
            q::find_document(conn, &call_id, &doc_id)?.ok_or(AppError::NotFound)
        })
        .await
}

/// Stores an uploaded guidelines document (already checked by `uploads::check_document`).
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
            let row = DocumentRow {
                id: new_id(),
                call_id: call_id.clone(),
                language: language.code().to_string(),
                title,
                file_name: upload.file_name.clone(),
                content_type: upload.content_type.to_string(),
                size_bytes: upload.bytes.len() as i64,
                sha256: stored.sha256.clone(),
                storage_key: stored.key.clone(),
                uploaded_by: tx.actor.user_id.clone().unwrap_or_default(),
                uploaded_at: tx.now,
                removed_at: None,
            };
            q::insert_document(tx.conn, &row)?;
            tx.audit(
                "call.document_added",
                Some(("call", &call_id)),
                json!({"document": row.id, "language": row.language, "file": row.file_name, "sha256": row.sha256, "bytes": row.size_bytes}),
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
            if !q::remove_document(tx.conn, &call_id, &doc_id, tx.now)? {
                return Err(AppError::NotFound);
            }
            tx.audit(
                "call.document_removed",
                Some(("call", &call_id)),
                json!({"document": doc_id}),
            )
        })
        .await
}
