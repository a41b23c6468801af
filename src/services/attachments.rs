//! Adding, replacing, removing and freezing attachments inside a use case's write
//! (`domain::attachments` decides; the use case locks its owner and records the event).

use crate::db::attachments::{self as q, AttachmentRow};
use crate::domain::attachments::{may_remove, place, OwnerKind, Purpose};
use crate::error::{AppError, AppResult};
use crate::i18n::Lang;
use crate::services::uploads::{CheckedUpload, Stored};
use crate::services::write::Tx;

/// What a new attachment is.
pub struct NewAttachment<'a> {
    pub owner: OwnerKind,
    pub owner_id: &'a str,
    pub purpose: Purpose,
    pub language: Option<Lang>,
    pub title: &'a str,
}

/// Records a stored file as an attachment: the next version of a current one with the
/// same title and language (which it replaces, keeping it), or a first version.
pub fn attach(
    tx: &mut Tx<'_>,
    new: &NewAttachment<'_>,
    upload: &CheckedUpload,
    stored: &Stored,
) -> AppResult<AttachmentRow> {
    let earlier = q::all_of(tx.conn, new.owner, new.owner_id, new.purpose)?;
    let views: Vec<_> = earlier.iter().map(AttachmentRow::earlier).collect();
    let language = new.language.map(Lang::code);
    let placement =
        place(&views, language, new.title).map_err(|p| AppError::Conflict(p.message_key()))?;
    let row = AttachmentRow {
        id: crate::services::new_id(),
        owner_type: new.owner.as_str().to_string(),
        owner_id: new.owner_id.to_string(),
        purpose: new.purpose.as_str().to_string(),
        language: language.map(str::to_string),
        title: new.title.to_string(),
        file_name: upload.file_name.clone(),
        content_type: upload.content_type.to_string(),
        size_bytes: upload.bytes.len() as i64,
        sha256: stored.sha256.clone(),
        storage_key: stored.key.clone(),
        version: placement.version,
        replaces_id: placement.replaces,
        uploaded_by: tx.actor.user_id.clone().unwrap_or_default(),
        uploaded_at: tx.now,
        frozen_at: None,
        removed_at: None,
    };
    q::insert(tx.conn, &row)?;
    Ok(row)
}

/// Removes an attachment (kept, marked removed); a frozen one is refused.
pub fn detach(
    tx: &mut Tx<'_>,
    owner: OwnerKind,
    owner_id: &str,
    id: &str,
) -> AppResult<AttachmentRow> {
    let row = q::find(tx.conn, owner, owner_id, id)?
        .filter(|r| r.removed_at.is_none())
        .ok_or(AppError::NotFound)?;
    may_remove(row.frozen_at).map_err(|p| AppError::Conflict(p.message_key()))?;
    if !q::remove(tx.conn, owner, owner_id, id, tx.now)? {
        return Err(AppError::NotFound);
    }
    Ok(row)
}

/// Freezes what is present of an owner's attachments for a use (in one language).
pub fn freeze(
    tx: &mut Tx<'_>,
    owner: OwnerKind,
    owner_id: &str,
    purpose: Purpose,
    language: Option<Lang>,
) -> AppResult<usize> {
    Ok(q::freeze(
        tx.conn,
        owner,
        owner_id,
        purpose,
        language.map(Lang::code),
        tx.now,
    )?)
}

/// The current attachments of a list (not removed, not replaced by a later version).
pub fn current(rows: Vec<AttachmentRow>) -> Vec<AttachmentRow> {
    let keep: Vec<String> = {
        let views: Vec<_> = rows.iter().map(AttachmentRow::earlier).collect();
        crate::domain::attachments::current_ids(&views)
            .into_iter()
            .map(str::to_string)
            .collect()
    };
    rows.into_iter().filter(|r| keep.contains(&r.id)).collect()
}
