//! Queries on applicant organisations, their members and invitations.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::{
    organisation_invitations as inv, organisation_members as m, organisations as o, users,
};
use super::DbConnection;

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = o)]
pub struct OrganisationRow {
    pub id: String,
    pub legal_name: String,
    pub legal_name_local: String,
    pub acronym: String,
    pub legal_status: String,
    pub country: String,
    pub oblast: String,
    pub registration_number: String,
    pub address: String,
    pub contact_email: String,
    pub contact_phone: String,
    pub year_registered: Option<i32>,
    pub staff: Option<i32>,
    pub annual_turnover_cents: Option<i64>,
    pub created_by: String,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = m)]
pub struct MemberRow {
    pub organisation_id: String,
    pub user_id: String,
    pub role: String,
    pub joined_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = inv)]
pub struct InvitationRow {
    pub id: String,
    pub organisation_id: String,
    pub email: String,
    pub role: String,
    pub invited_by: String,
    pub invited_at: NaiveDateTime,
    pub answered_at: Option<NaiveDateTime>,
    pub accepted: Option<bool>,
}

pub fn insert(conn: &mut DbConnection, row: &OrganisationRow) -> QueryResult<()> {
    diesel::insert_into(o::table)
        .values(row)
        .execute(conn)
        .map(|_| ())
}

/// Several organisations by id (one query).
pub fn find_many(conn: &mut DbConnection, ids: &[String]) -> QueryResult<Vec<OrganisationRow>> {
    o::table
        .filter(o::id.eq_any(ids))
        .select(OrganisationRow::as_select())
        .load(conn)
}

pub fn find(conn: &mut DbConnection, id: &str) -> QueryResult<Option<OrganisationRow>> {
    o::table
        .find(id)
        .select(OrganisationRow::as_select())
        .first(conn)
        .optional()
}

/// The record's fields as typed (never its id, creator or creation time).
pub fn update(conn: &mut DbConnection, row: &OrganisationRow) -> QueryResult<()> {
    diesel::update(o::table.find(&row.id))
        .set((
            o::legal_name.eq(&row.legal_name),
            o::legal_name_local.eq(&row.legal_name_local),
            o::acronym.eq(&row.acronym),
            o::legal_status.eq(&row.legal_status),
            o::country.eq(&row.country),
            o::oblast.eq(&row.oblast),
            o::registration_number.eq(&row.registration_number),
            o::address.eq(&row.address),
            o::contact_email.eq(&row.contact_email),
            o::contact_phone.eq(&row.contact_phone),
            o::year_registered.eq(row.year_registered),
            o::staff.eq(row.staff),
            o::annual_turnover_cents.eq(row.annual_turnover_cents),
            o::updated_at.eq(row.updated_at),
        ))
        .execute(conn)
        .map(|_| ())
}

/// Locks an organisation (its members and invitations); false when it does not exist.
pub fn lock(conn: &mut DbConnection, id: &str) -> QueryResult<bool> {
    let n = diesel::update(o::table.find(id))
        .set(o::updated_at.eq(o::updated_at))
        .execute(conn)?;
    Ok(n == 1)
}

/// The organisations a person belongs to, with their role in each.
pub fn of_user(
    conn: &mut DbConnection,
    user_id: &str,
) -> QueryResult<Vec<(OrganisationRow, String)>> {
    o::table
        .inner_join(m::table)
        .filter(m::user_id.eq(user_id))
        .order(o::legal_name.asc())
        .select((OrganisationRow::as_select(), m::role))
        .load(conn)
}

pub fn membership(
    conn: &mut DbConnection,
    organisation_id: &str,
    user_id: &str,
) -> QueryResult<Option<MemberRow>> {
    m::table
        .find((organisation_id, user_id))
        .select(MemberRow::as_select())
        .first(conn)
        .optional()
}

/// The members with their email and name, owners first.
pub fn members(
    conn: &mut DbConnection,
    organisation_id: &str,
) -> QueryResult<Vec<(MemberRow, String, String)>> {
    m::table
        .inner_join(users::table)
        .filter(m::organisation_id.eq(organisation_id))
        .order((m::role.desc(), users::email.asc()))
        .select((MemberRow::as_select(), users::email, users::display_name))
        .load(conn)
}

pub fn add_member(conn: &mut DbConnection, row: &MemberRow) -> QueryResult<()> {
    diesel::insert_into(m::table)
        .values(row)
        .execute(conn)
        .map(|_| ())
}

pub fn set_role(
    conn: &mut DbConnection,
    organisation_id: &str,
    user_id: &str,
    role: &str,
) -> QueryResult<bool> {
    let n = diesel::update(m::table.find((organisation_id, user_id)))
        .set(m::role.eq(role))
        .execute(conn)?;
    Ok(n == 1)
}

pub fn remove_member(
    conn: &mut DbConnection,
    organisation_id: &str,
    user_id: &str,
) -> QueryResult<bool> {
    let n = diesel::delete(m::table.find((organisation_id, user_id))).execute(conn)?;
    Ok(n == 1)
}

pub fn owners(conn: &mut DbConnection, organisation_id: &str) -> QueryResult<i64> {
    m::table
        .filter(m::organisation_id.eq(organisation_id))
        .filter(m::role.eq("owner"))
        .count()
        .get_result(conn)
}

/// An invitation (a new one replaces an unanswered one to the same address).
pub fn upsert_invitation(conn: &mut DbConnection, row: &InvitationRow) -> QueryResult<()> {
    diesel::delete(
        inv::table
            .filter(inv::organisation_id.eq(&row.organisation_id))
            .filter(inv::email.eq(&row.email)),
    )
    .execute(conn)?;
    diesel::insert_into(inv::table)
        .values(row)
        .execute(conn)
        .map(|_| ())
}

/// Invitations still waiting for an answer, of one organisation.
pub fn pending_of_organisation(
    conn: &mut DbConnection,
    organisation_id: &str,
) -> QueryResult<Vec<InvitationRow>> {
    inv::table
        .filter(inv::organisation_id.eq(organisation_id))
        .filter(inv::answered_at.is_null())
        .order(inv::invited_at.asc())
        .select(InvitationRow::as_select())
        .load(conn)
}

/// Invitations waiting for an address, with the organisation's name.
pub fn pending_for_email(
    conn: &mut DbConnection,
    email: &str,
) -> QueryResult<Vec<(InvitationRow, String)>> {
    inv::table
        .inner_join(o::table)
        .filter(inv::email.eq(email))
        .filter(inv::answered_at.is_null())
        .order(inv::invited_at.asc())
        .select((InvitationRow::as_select(), o::legal_name))
        .load(conn)
}

pub fn find_invitation(conn: &mut DbConnection, id: &str) -> QueryResult<Option<InvitationRow>> {
    inv::table
        .find(id)
        .select(InvitationRow::as_select())
        .first(conn)
        .optional()
}

pub fn answer_invitation(
    conn: &mut DbConnection,
    id: &str,
    accepted: bool,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    let n = diesel::update(inv::table.find(id).filter(inv::answered_at.is_null()))
        .set((
            inv::answered_at.eq(Some(now)),
            inv::accepted.eq(Some(accepted)),
        ))
        .execute(conn)?;
    Ok(n == 1)
}

/// The organisation with this registration number in this country, if registered.
pub fn find_by_registration(
    conn: &mut DbConnection,
    country: &str,
    registration_number: &str,
) -> QueryResult<Option<OrganisationRow>> {
    o::table
        .filter(o::country.eq(country))
        .filter(o::registration_number.eq(registration_number))
        .select(OrganisationRow::as_select())
        .first(conn)
        .optional()
}

/// The members as recipients of an email: (email, name, language).
pub fn member_recipients(
    conn: &mut DbConnection,
    organisation_id: &str,
) -> QueryResult<Vec<(String, String, Option<String>)>> {
    m::table
        .inner_join(users::table)
        .filter(m::organisation_id.eq(organisation_id))
        .filter(users::disabled_at.is_null())
        .select((users::email, users::display_name, users::language))
        .load(conn)
}

/// An organisation by registration number in any country (the first registered).
pub fn find_any_by_registration(
    conn: &mut DbConnection,
    registration_number: &str,
) -> QueryResult<Option<OrganisationRow>> {
    o::table
        .filter(o::registration_number.eq(registration_number))
        .order(o::created_at.asc())
        .select(OrganisationRow::as_select())
        .first(conn)
        .optional()
}
