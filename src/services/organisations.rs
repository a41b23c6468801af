//! Applicant organisations (DOMAIN.md §3): registered once by an applicant, who becomes
//! its owner; colleagues are invited by email and share its work as owner, editor or
//! reader; an organisation always keeps one owner. Every change is audited.

use chrono::Datelike;
use serde_json::json;

use crate::db::organisations::{self as q, InvitationRow, MemberRow, OrganisationRow};
use crate::domain::access::{Action, Scope};
use crate::domain::organisations::{
    last_owner_problem, organisation_problems, MemberRole, OrganisationInput,
};
use crate::domain::text;
use crate::domain::FieldError;
use crate::error::{AppError, AppResult, UniqueAsField};
use crate::services::mail::MailKind;
use crate::services::write::{Lock, Permission, Tx};
use crate::services::{new_id, Actor};
use crate::state::AppState;

fn permission() -> Permission {
    Permission::Do(Action::WorkForOrganisation, Scope::Portal)
}

/// The record cleaned (trimmed, country in capitals), or every problem by field.
fn checked(input: &OrganisationInput, this_year: i32) -> AppResult<OrganisationInput> {
    let mut clean = input.clone();
    let mut errors: Vec<FieldError> = Vec::new();
    for (field, value, max) in [
        ("legal_name", &mut clean.legal_name, 300),
        ("legal_name_local", &mut clean.legal_name_local, 300),
        ("acronym", &mut clean.acronym, 40),
        ("registration_number", &mut clean.registration_number, 40),
        ("contact_email", &mut clean.contact_email, 254),
        ("contact_phone", &mut clean.contact_phone, 40),
    ] {
        let trimmed = value.trim().to_string();
        if trimmed.chars().count() > max {
            errors.push(FieldError::new(field, "error-text-too-long"));
        }
        *value = trimmed;
    }
    match text::text("address", &input.address, 1000, false) {
        Ok(v) => clean.address = v,
        Err(e) => errors.push(e),
    }
    clean.country = clean.country.trim().to_uppercase();
    if !clean.contact_email.is_empty() && !clean.contact_email.contains('@') {
        errors.push(FieldError::new("contact_email", "error-email-invalid"));
    }
    errors.extend(organisation_problems(&clean, this_year));
    if errors.is_empty() {
        Ok(clean)
    } else {
        Err(AppError::Validation(errors))
    }
}

fn row_of(
    id: String,
    o: &OrganisationInput,
    by: &str,
    now: chrono::NaiveDateTime,
) -> OrganisationRow {
    OrganisationRow {
        id,
        legal_name: o.legal_name.clone(),
        legal_name_local: o.legal_name_local.clone(),
        acronym: o.acronym.clone(),
        legal_status: o.legal_status.clone(),
        country: o.country.clone(),
        oblast: o.oblast.clone(),
        registration_number: o.registration_number.clone(),
        address: o.address.clone(),
        contact_email: o.contact_email.clone(),
        contact_phone: o.contact_phone.clone(),
        year_registered: o.year_registered,
        staff: o.staff,
        annual_turnover_cents: o.annual_turnover_cents,
        created_by: by.to_string(),
        created_at: now,
        updated_at: now,
    }
}

/// The acting person's role in the organisation, or "not found" for non-members (an
/// applicant never learns of other organisations' records).
pub(crate) fn role_in(tx: &mut Tx<'_>, organisation_id: &str) -> AppResult<MemberRole> {
    let user = tx.actor.user_id.clone().ok_or(AppError::Unauthorized)?;
    q::membership(tx.conn, organisation_id, &user)?
        .and_then(|m| MemberRole::parse(&m.role))
        .ok_or(AppError::NotFound)
}

/// Registers an organisation; the person registering it becomes its owner. The same
/// registration number in the same country is one organisation: its owners are asked
/// for an invitation instead.
#[tracing::instrument(skip_all)]
pub async fn register(
    state: &AppState,
    actor: &Actor,
    input: OrganisationInput,
) -> AppResult<String> {
    let this_year = state.clock.now().year();
    let input = checked(&input, this_year)?;
    state
        .write(actor, permission(), Lock::Nothing, move |tx| {
            let by = tx.actor.user_id.clone().ok_or(AppError::Unauthorized)?;
            if q::find_by_registration(tx.conn, &input.country, &input.registration_number)?.is_some() {
                return Err(AppError::field("registration_number", "error-organisation-registered"));
            }
            let id = new_id();
            q::insert(tx.conn, &row_of(id.clone(), &input, &by, tx.now))
                .unique_as("registration_number", "error-organisation-registered")?;
            q::add_member(
                tx.conn,
                &MemberRow {
                    organisation_id: id.clone(),
                    user_id: by,
                    role: MemberRole::Owner.as_str().into(),
                    joined_at: tx.now,
                },
            )?;
            tx.audit(
                "organisation.registered",
                Some(("organisation", &id)),
                json!({"legal_name": input.legal_name, "country": input.country,
                       "registration_number": input.registration_number, "legal_status": input.legal_status}),
            )?;
            Ok(id)
        })
        .await
}

/// Changes the record (owners and editors).
#[tracing::instrument(skip_all)]
pub async fn update(
    state: &AppState,
    actor: &Actor,
    id: String,
    input: OrganisationInput,
) -> AppResult<()> {
    let this_year = state.clock.now().year();
    let input = checked(&input, this_year)?;
    state
        .write(actor, permission(), Lock::Organisation(id.clone()), move |tx| {
            if !role_in(tx, &id)?.may_edit() {
                return Err(AppError::Forbidden);
            }
            let before = q::find(tx.conn, &id)?.ok_or(AppError::NotFound)?;
            if let Some(other) =
                q::find_by_registration(tx.conn, &input.country, &input.registration_number)?
            {
                if other.id != id {
                    return Err(AppError::field("registration_number", "error-organisation-registered"));
                }
            }
            let mut row = row_of(id.clone(), &input, &before.created_by, before.created_at);
            row.updated_at = tx.now;
            q::update(tx.conn, &row).unique_as("registration_number", "error-organisation-registered")?;
            tx.audit(
                "organisation.updated",
                Some(("organisation", &id)),
                json!({"before": {"legal_name": before.legal_name, "registration_number": before.registration_number,
                                  "legal_status": before.legal_status, "oblast": before.oblast},
                       "after": {"legal_name": input.legal_name, "registration_number": input.registration_number,
                                 "legal_status": input.legal_status, "oblast": input.oblast}}),
            )
        })
        .await
}

/// An organisation as a member sees it.
pub struct OrganisationDetail {
    pub row: OrganisationRow,
    pub my_role: MemberRole,
    /// (member, email, name)
    pub members: Vec<(MemberRow, String, String)>,
    pub invitations: Vec<InvitationRow>,
}

#[tracing::instrument(skip_all)]
pub async fn detail(state: &AppState, actor: &Actor, id: String) -> AppResult<OrganisationDetail> {
    actor.require(Action::WorkForOrganisation)?;
    let user = actor.user_id.clone().ok_or(AppError::Unauthorized)?;
    state
        .db(move |conn| {
            let my_role = q::membership(conn, &id, &user)?
                .and_then(|m| MemberRole::parse(&m.role))
                .ok_or(AppError::NotFound)?;
            Ok(OrganisationDetail {
                row: q::find(conn, &id)?.ok_or(AppError::NotFound)?,
                my_role,
                members: q::members(conn, &id)?,
                invitations: if my_role.may_manage_members() {
                    q::pending_of_organisation(conn, &id)?
                } else {
                    Vec::new()
                },
            })
        })
        .await
}

/// The person's organisations with their role, and the invitations waiting for them.
pub struct MyOrganisations {
    pub memberships: Vec<(OrganisationRow, MemberRole)>,
    pub invitations: Vec<(InvitationRow, String)>,
}

#[tracing::instrument(skip_all)]
pub async fn mine(state: &AppState, actor: &Actor) -> AppResult<MyOrganisations> {
    actor.require(Action::WorkForOrganisation)?;
    let user = actor.user_id.clone().ok_or(AppError::Unauthorized)?;
    let email = actor.email.clone().unwrap_or_default();
    state
        .db(move |conn| {
            Ok(MyOrganisations {
                memberships: q::of_user(conn, &user)?
                    .into_iter()
                    .filter_map(|(o, r)| Some((o, MemberRole::parse(&r)?)))
                    .collect(),
                invitations: q::pending_for_email(conn, &email.to_lowercase())?,
            })
        })
        .await
}

/// Invites a colleague by email (owners): they are emailed and accept when signed in
/// with that address. A member already there is refused.
#[tracing::instrument(skip_all)]
pub async fn invite(
    state: &AppState,
    actor: &Actor,
    id: String,
    email: String,
    role: String,
) -> AppResult<()> {
    let email = email.trim().to_lowercase();
    let mut errors = Vec::new();
    if email.is_empty() || !email.contains('@') || email.chars().count() > 254 {
        errors.push(FieldError::new("email", "error-email-invalid"));
    }
    let role = MemberRole::parse(&role);
    if role.is_none() {
        errors.push(FieldError::new("role", "error-required"));
    }
    if !errors.is_empty() {
        return Err(AppError::Validation(errors));
    }
    let role = role.unwrap_or(MemberRole::Reader);
    let link = state.public_url("/organisations");
    state
        .write(
            actor,
            permission(),
            Lock::Organisation(id.clone()),
            move |tx| {
                if !role_in(tx, &id)?.may_manage_members() {
                    return Err(AppError::Forbidden);
                }
                let org = q::find(tx.conn, &id)?.ok_or(AppError::NotFound)?;
                let already = q::members(tx.conn, &id)?
                    .iter()
                    .any(|(_, member_email, _)| member_email.to_lowercase() == email);
                if already {
                    return Err(AppError::field(
                        "email",
                        "error-organisation-already-member",
                    ));
                }
                let row = InvitationRow {
                    id: new_id(),
                    organisation_id: id.clone(),
                    email: email.clone(),
                    role: role.as_str().into(),
                    invited_by: tx.actor.user_id.clone().unwrap_or_default(),
                    invited_at: tx.now,
                    answered_at: None,
                    accepted: None,
                };
                q::upsert_invitation(tx.conn, &row)?;
                let by = tx.actor.email.clone().unwrap_or_default();
                // Someone with an account is written to by name and in their language.
                let to = match crate::db::users::find_by_email(tx.conn, &email)? {
                    Some(u) => (u.email, u.display_name, u.language),
                    None => (email.clone(), String::new(), None),
                };
                tx.mail_each(&[to], MailKind::OrganisationInvitation, |lang| {
                    vec![
                        ("organisation", org.legal_name.clone()),
                        ("by", by.clone()),
                        (
                            "role",
                            crate::i18n::t(lang, &format!("member-role-{}", role.as_str())),
                        ),
                        ("link", link.clone()),
                    ]
                })?;
                tx.audit(
                    "organisation.member_invited",
                    Some(("organisation", &id)),
                    json!({"email": email, "role": role.as_str()}),
                )
            },
        )
        .await
}

/// Accepts or declines an invitation addressed to the acting person's email.
#[tracing::instrument(skip_all)]
pub async fn answer_invitation(
    state: &AppState,
    actor: &Actor,
    invitation_id: String,
    accept: bool,
) -> AppResult<()> {
    let email = actor.email.clone().unwrap_or_default().to_lowercase();
    let user = actor.user_id.clone().ok_or(AppError::Unauthorized)?;
    let org_id = state
        .db({
            let invitation_id = invitation_id.clone();
            move |conn| {
                Ok(q::find_invitation(conn, &invitation_id)?
                    .filter(|i| i.email == email)
                    .ok_or(AppError::NotFound)?
                    .organisation_id)
            }
        })
        .await?;
    let email = actor.email.clone().unwrap_or_default().to_lowercase();
    state
        .write(
            actor,
            permission(),
            Lock::Organisation(org_id.clone()),
            move |tx| {
                let invitation = q::find_invitation(tx.conn, &invitation_id)?
                    .filter(|i| i.email == email && i.answered_at.is_none())
                    .ok_or(AppError::NotFound)?;
                if !q::answer_invitation(tx.conn, &invitation_id, accept, tx.now)? {
                    return Err(AppError::Conflict("error-invitation-answered"));
                }
                if accept && q::membership(tx.conn, &org_id, &user)?.is_none() {
                    q::add_member(
                        tx.conn,
                        &MemberRow {
                            organisation_id: org_id.clone(),
                            user_id: user.clone(),
                            role: invitation.role.clone(),
                            joined_at: tx.now,
                        },
                    )?;
                }
                tx.audit(
                    if accept {
                        "organisation.member_joined"
                    } else {
                        "organisation.invitation_declined"
                    },
                    Some(("organisation", &org_id)),
                    json!({"email": email, "role": invitation.role}),
                )
            },
        )
        .await
}

/// Changes a member's role (owners), or removes them (`role` None: owners remove
/// anyone; anyone may remove themselves, i.e. leave). The last owner stays.
#[tracing::instrument(skip_all)]
pub async fn change_member(
    state: &AppState,
    actor: &Actor,
    id: String,
    member_id: String,
    role: Option<String>,
) -> AppResult<()> {
    let new_role = match role.as_deref() {
        None => None,
        Some(r) => {
            Some(MemberRole::parse(r).ok_or_else(|| AppError::field("role", "error-required"))?)
        }
    };
    state
        .write(actor, permission(), Lock::Organisation(id.clone()), move |tx| {
            let mine = role_in(tx, &id)?;
            let me = tx.actor.user_id.clone().unwrap_or_default();
            let leaving = new_role.is_none() && member_id == me;
            if !leaving && !mine.may_manage_members() {
                return Err(AppError::Forbidden);
            }
            let member = q::membership(tx.conn, &id, &member_id)?.ok_or(AppError::NotFound)?;
            let before = MemberRole::parse(&member.role).ok_or(AppError::NotFound)?;
            let owners = q::owners(tx.conn, &id)? as usize;
            if let Some(code) = last_owner_problem(before, new_role, owners) {
                return Err(AppError::Conflict(code));
            }
            match new_role {
                Some(r) => {
                    q::set_role(tx.conn, &id, &member_id, r.as_str())?;
                }
                None => {
                    q::remove_member(tx.conn, &id, &member_id)?;
                }
            }
            tx.audit(
                match (new_role, leaving) {
                    (Some(_), _) => "organisation.member_role_changed",
                    (None, true) => "organisation.member_left",
                    (None, false) => "organisation.member_removed",
                },
                Some(("organisation", &id)),
                json!({"member": member_id, "before": before.as_str(), "after": new_role.map(|r| r.as_str())}),
            )
        })
        .await
}
