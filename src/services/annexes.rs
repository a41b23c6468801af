//! Annexes of an application (PRAG: legal entity sheet, financial identification, CVs,
//! letters of support…): files checked by content, kept in versions, listed with their
//! size and SHA-256. A submission names the annexes it contains with their hashes, so
//! the receipt covers them; removed or replaced files are kept for that reason.

use serde_json::json;

use crate::db::applications as q;
use crate::db::attachments::{self as attachment_q, AttachmentRow};
use crate::db::organisations as org_q;
use crate::domain::access::Action;
use crate::domain::attachments::{OwnerKind, Purpose};
use crate::error::{AppError, AppResult};
use crate::services::attachments::{self, NewAttachment};
use crate::services::uploads::CheckedUpload;
use crate::services::Actor;
use crate::state::AppState;

/// At most this many annexes on one application (an assumption: PRAG's forms name
/// about ten; twenty leaves room for CVs and letters of support).
pub const MAX_ANNEXES: usize = 20;
/// The longest annex title.
pub const MAX_TITLE_CHARS: usize = 200;

/// The annexes an application has now (not removed, not replaced), by title.
pub fn annexes_on(conn: &mut crate::db::DbConnection, id: &str) -> AppResult<Vec<AttachmentRow>> {
    let mut rows = attachments::current(attachment_q::all_of(
        conn,
        OwnerKind::Application,
        id,
        Purpose::Annex,
    )?);
    rows.sort_by_key(|r| r.title.to_lowercase());
    Ok(rows)
}

/// The annexes of an application, for its members (any role).
#[tracing::instrument(skip_all)]
pub async fn annexes(state: &AppState, actor: &Actor, id: String) -> AppResult<Vec<AttachmentRow>> {
    let user = actor.user_id.clone().ok_or(AppError::Unauthorized)?;
    state
        .db(move |conn| {
            let a = q::find(conn, &id)?.ok_or(AppError::NotFound)?;
            org_q::membership(conn, &a.organisation_id, &user)?.ok_or(AppError::NotFound)?;
            annexes_on(conn, &id)
        })
        .await
}

/// A title as typed: trimmed, required, at most 200 characters, no control characters.
fn clean_title(title: &str) -> AppResult<String> {
    let title = title.trim();
    if title.is_empty() {
        return Err(AppError::field("title", "error-annex-title"));
    }
    if title.chars().count() > MAX_TITLE_CHARS || title.chars().any(char::is_control) {
        return Err(AppError::field("title", "error-annex-title-long"));
    }
    Ok(title.to_string())
}

/// Adds an annex (a file with the title of a current one is its next version).
#[tracing::instrument(skip_all)]
pub async fn add(
    state: &AppState,
    actor: &Actor,
    id: String,
    title: String,
    upload: CheckedUpload,
) -> AppResult<AttachmentRow> {
    let title = clean_title(&title)?;
    super::applications::attach_file(
        state,
        actor,
        id.clone(),
        upload,
        move |tx, upload, stored| {
            let current = annexes_on(tx.conn, &id)?;
            let replaces = current
                .iter()
                .any(|r| r.title.trim().eq_ignore_ascii_case(&title));
            if !replaces && current.len() >= MAX_ANNEXES {
                return Err(AppError::field("file", "error-annex-too-many"));
            }
            let row = attachments::attach(
                tx,
                &NewAttachment {
                    owner: OwnerKind::Application,
                    owner_id: &id,
                    purpose: Purpose::Annex,
                    language: None,
                    title: &title,
                },
                upload,
                stored,
            )?;
            tx.audit(
                "application.annex_added",
                Some(("application", &id)),
                json!({"title": row.title, "file": row.file_name, "sha256": row.sha256,
                   "bytes": row.size_bytes, "version": row.version}),
            )?;
            Ok(row)
        },
    )
    .await
}

/// Removes an annex from the application (the file stays on record: a submission may
/// name it).
#[tracing::instrument(skip_all)]
pub async fn remove(
    state: &AppState,
    actor: &Actor,
    id: String,
    annex_id: String,
) -> AppResult<()> {
    super::applications::edit_files(state, actor, id.clone(), move |tx, _, _| {
        let current = annexes_on(tx.conn, &id)?;
        if !current.iter().any(|r| r.id == annex_id) {
            return Err(AppError::NotFound);
        }
        let row = attachments::detach(tx, OwnerKind::Application, &id, &annex_id)?;
        tx.audit(
            "application.annex_removed",
            Some(("application", &id)),
            json!({"title": row.title, "file": row.file_name, "sha256": row.sha256}),
        )
    })
    .await
}

/// A file of the application (annex or mandate, any version), for its organisation's
/// members.
#[tracing::instrument(skip_all)]
pub async fn file_for_member(
    state: &AppState,
    actor: &Actor,
    id: String,
    file_id: String,
) -> AppResult<AttachmentRow> {
    let user = actor.user_id.clone().ok_or(AppError::Unauthorized)?;
    state
        .db(move |conn| {
            let a = q::find(conn, &id)?.ok_or(AppError::NotFound)?;
            org_q::membership(conn, &a.organisation_id, &user)?.ok_or(AppError::NotFound)?;
            file_of(conn, &id, &file_id)
        })
        .await
}

pub(crate) fn file_of(
    conn: &mut crate::db::DbConnection,
    id: &str,
    file_id: &str,
) -> AppResult<AttachmentRow> {
    attachment_q::find(conn, OwnerKind::Application, id, file_id)?
        .filter(|r| {
            [
                Purpose::Annex,
                Purpose::Mandate,
                Purpose::SupportingDocument,
            ]
            .iter()
            .any(|p| r.purpose == p.as_str())
        })
        .ok_or(AppError::NotFound)
}

/// A file named by one of the application's submissions, for the staff who see
/// received applications (a file changed after the last submission stays unseen).
#[tracing::instrument(skip_all)]
pub async fn submitted_file(
    state: &AppState,
    actor: &Actor,
    id: String,
    file_id: String,
) -> AppResult<AttachmentRow> {
    actor.require(Action::ReadApplicationContent)?;
    let actor = actor.clone();
    let now = state.clock.now();
    state
        .db(move |conn| {
            let a = q::find(conn, &id)?.ok_or(AppError::NotFound)?;
            let call = super::reading::check_may_read(conn, &actor, &a, now)?;
            let named = q::submissions_of(conn, &id)?
                .iter()
                .filter(|s| super::reading::readable(s, &a, &call, now))
                .any(|s| super::applications::files_named_in(&s.content).contains(&file_id));
            if !named {
                return Err(AppError::NotFound);
            }
            file_of(conn, &id, &file_id)
        })
        .await
}
