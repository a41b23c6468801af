//! Stored files of every kind (`domain::attachments`): calls' guidelines now, later
//! annexes, mandates, supporting documents and reports.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::attachments as a;
use super::DbConnection;
use crate::domain::attachments::{OwnerKind, Purpose};

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = a)]
pub struct AttachmentRow {
    pub id: String,
    pub owner_type: String,
    pub owner_id: String,
    pub purpose: String,
    pub language: Option<String>,
    pub title: String,
    pub file_name: String,
    pub content_type: String,
    pub size_bytes: i64,
    pub sha256: String,
    pub storage_key: String,
    pub version: i32,
    pub replaces_id: Option<String>,
    pub uploaded_by: String,
    pub uploaded_at: NaiveDateTime,
    pub frozen_at: Option<NaiveDateTime>,
    pub removed_at: Option<NaiveDateTime>,
}

impl AttachmentRow {
    pub fn earlier(&self) -> crate::domain::attachments::Earlier<'_> {
        crate::domain::attachments::Earlier {
            id: &self.id,
            language: self.language.as_deref(),
            title: &self.title,
            version: self.version,
            frozen_at: self.frozen_at,
            removed_at: self.removed_at,
        }
    }
}

pub fn insert(conn: &mut DbConnection, row: &AttachmentRow) -> QueryResult<()> {
    diesel::insert_into(a::table)
        .values(row)
        .execute(conn)
        .map(|_| ())
}

/// Every attachment of an owner for a use, removed and replaced ones included (oldest
/// first).
pub fn all_of(
    conn: &mut DbConnection,
    owner: OwnerKind,
    owner_id: &str,
    purpose: Purpose,
) -> QueryResult<Vec<AttachmentRow>> {
    a::table
        .filter(a::owner_type.eq(owner.as_str()))
        .filter(a::owner_id.eq(owner_id))
        .filter(a::purpose.eq(purpose.as_str()))
        .order((a::uploaded_at.asc(), a::id.asc()))
        .select(AttachmentRow::as_select())
        .load(conn)
}

/// The attachments not removed of several owners for a use, in one query (list pages).
pub fn present_of_owners(
    conn: &mut DbConnection,
    owner: OwnerKind,
    owner_ids: &[String],
    purpose: Purpose,
) -> QueryResult<Vec<AttachmentRow>> {
    a::table
        .filter(a::owner_type.eq(owner.as_str()))
        .filter(a::owner_id.eq_any(owner_ids))
        .filter(a::purpose.eq(purpose.as_str()))
        .filter(a::removed_at.is_null())
        .order((a::owner_id.asc(), a::language.asc(), a::uploaded_at.asc()))
        .select(AttachmentRow::as_select())
        .load(conn)
}

pub fn find(
    conn: &mut DbConnection,
    owner: OwnerKind,
    owner_id: &str,
    id: &str,
) -> QueryResult<Option<AttachmentRow>> {
    a::table
        .filter(a::owner_type.eq(owner.as_str()))
        .filter(a::owner_id.eq(owner_id))
        .filter(a::id.eq(id))
        .select(AttachmentRow::as_select())
        .first(conn)
        .optional()
}

/// Marks every present, unfrozen attachment of an owner removed (they are kept).
pub fn remove_all_of(
    conn: &mut DbConnection,
    owner: OwnerKind,
    owner_id: &str,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(
        a::table
            .filter(a::owner_type.eq(owner.as_str()))
            .filter(a::owner_id.eq(owner_id))
            .filter(a::removed_at.is_null())
            .filter(a::frozen_at.is_null()),
    )
    .set(a::removed_at.eq(Some(now)))
    .execute(conn)
}

/// Marks an attachment removed (it is kept); false when there is no such unfrozen one.
pub fn remove(
    conn: &mut DbConnection,
    owner: OwnerKind,
    owner_id: &str,
    id: &str,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    let n = diesel::update(
        a::table
            .filter(a::owner_type.eq(owner.as_str()))
            .filter(a::owner_id.eq(owner_id))
            .filter(a::id.eq(id))
            .filter(a::removed_at.is_null())
            .filter(a::frozen_at.is_null()),
    )
    .set(a::removed_at.eq(Some(now)))
    .execute(conn)?;
    Ok(n == 1)
}

/// Freezes the present attachments of an owner for a use (in one language, or all).
pub fn freeze(
    conn: &mut DbConnection,
    owner: OwnerKind,
    owner_id: &str,
    purpose: Purpose,
    language: Option<&str>,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    let mut q = diesel::update(a::table)
        .filter(a::owner_type.eq(owner.as_str()))
        .filter(a::owner_id.eq(owner_id))
        .filter(a::purpose.eq(purpose.as_str()))
        .filter(a::removed_at.is_null())
        .filter(a::frozen_at.is_null())
        .into_boxed();
    if let Some(language) = language {
        q = q.filter(a::language.eq(language));
    }
    q.set(a::frozen_at.eq(Some(now))).execute(conn)
}
