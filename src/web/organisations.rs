//! Applicant organisations: the person's organisations and invitations, registering one,
//! its record, its members and inviting colleagues.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use serde::{Deserialize, Serialize};

use super::page::Page;
use crate::domain::calls::{APPLICANT_TYPES, LOCATIONS};
use crate::domain::money::Money;
use crate::domain::organisations::{MemberRole, OrganisationInput};
use crate::domain::FieldError;
use crate::error::{AppError, AppResult};
use crate::services::organisations as service;

/// The record as typed in the form.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct OrganisationForm {
    #[serde(default)]
    legal_name: String,
    #[serde(default)]
    legal_name_local: String,
    #[serde(default)]
    acronym: String,
    #[serde(default)]
    legal_status: String,
    #[serde(default)]
    country: String,
    #[serde(default)]
    oblast: String,
    #[serde(default)]
    registration_number: String,
    #[serde(default)]
    address: String,
    #[serde(default)]
    contact_email: String,
    #[serde(default)]
    contact_phone: String,
    #[serde(default)]
    year_registered: String,
    #[serde(default)]
    staff: String,
    #[serde(default)]
    annual_turnover: String,
}

impl OrganisationForm {
    fn from_row(r: &crate::db::organisations::OrganisationRow) -> OrganisationForm {
        OrganisationForm {
            legal_name: r.legal_name.clone(),
            legal_name_local: r.legal_name_local.clone(),
            acronym: r.acronym.clone(),
            legal_status: r.legal_status.clone(),
            country: r.country.clone(),
            oblast: r.oblast.clone(),
            registration_number: r.registration_number.clone(),
            address: r.address.clone(),
            contact_email: r.contact_email.clone(),
            contact_phone: r.contact_phone.clone(),
            year_registered: r.year_registered.map(|y| y.to_string()).unwrap_or_default(),
            staff: r.staff.map(|s| s.to_string()).unwrap_or_default(),
            annual_turnover: r
                .annual_turnover_cents
                .map(|c| Money::from_cents(c).format_input())
                .unwrap_or_default(),
        }
    }

    /// The input, or the fields whose numbers cannot be read.
    fn input(&self) -> Result<OrganisationInput, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut number = |field: &'static str, v: &str| -> Option<i32> {
            let v = v.trim();
            if v.is_empty() {
                return None;
            }
            v.parse()
                .map_err(|_| errors.push(FieldError::new(field, "error-number-invalid")))
                .ok()
        };
        let year_registered = number("year_registered", &self.year_registered);
        let staff = number("staff", &self.staff);
        let annual_turnover_cents = match self.annual_turnover.trim() {
            "" => None,
            v => match Money::parse(v) {
                Ok(m) => Some(m.cents()),
                Err(_) => {
                    errors.push(FieldError::new("annual_turnover", "error-amount-invalid"));
                    None
                }
            },
        };
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(OrganisationInput {
            legal_name: self.legal_name.clone(),
            legal_name_local: self.legal_name_local.clone(),
            acronym: self.acronym.clone(),
            legal_status: self.legal_status.clone(),
            country: self.country.clone(),
            oblast: self.oblast.clone(),
            registration_number: self.registration_number.clone(),
            address: self.address.clone(),
            contact_email: self.contact_email.clone(),
            contact_phone: self.contact_phone.clone(),
            year_registered,
            staff,
            annual_turnover_cents,
        })
    }
}

fn render_form(
    page: &Page,
    status: StatusCode,
    action: &str,
    form: &OrganisationForm,
    errors: &[FieldError],
) -> AppResult<HttpResponse> {
    let mut ctx = tera::Context::new();
    ctx.insert("f", form);
    ctx.insert("action", action);
    ctx.insert("statuses", &APPLICANT_TYPES);
    ctx.insert("oblasts", &LOCATIONS);
    page.show_errors(&mut ctx, errors);
    page.render_status(status, "organisations/form.html", ctx)
}

#[derive(Serialize)]
struct OrganisationListed {
    id: String,
    legal_name: String,
    acronym: String,
    registration_number: String,
    role: &'static str,
}

#[derive(Serialize)]
struct InvitationListed {
    id: String,
    organisation: String,
    role: String,
}

pub async fn index(page: Page) -> AppResult<HttpResponse> {
    let mine = service::mine(&page.state, &page.actor()).await?;
    let mut ctx = tera::Context::new();
    ctx.insert(
        "organisations",
        &mine
            .memberships
            .iter()
            .map(|(o, role)| OrganisationListed {
                id: o.id.clone(),
                legal_name: o.legal_name.clone(),
                acronym: o.acronym.clone(),
                registration_number: o.registration_number.clone(),
                role: role.as_str(),
            })
            .collect::<Vec<_>>(),
    );
    ctx.insert(
        "invitations",
        &mine
            .invitations
            .iter()
            .map(|(i, name)| InvitationListed {
                id: i.id.clone(),
                organisation: name.clone(),
                role: i.role.clone(),
            })
            .collect::<Vec<_>>(),
    );
    page.render("organisations/index.html", ctx)
}

pub async fn new_form(page: Page) -> AppResult<HttpResponse> {
    page.actor()
        .require(crate::domain::access::Action::WorkForOrganisation)?;
    let form = OrganisationForm {
        country: "KZ".into(),
        ..Default::default()
    };
    render_form(&page, StatusCode::OK, "/organisations", &form, &[])
}

pub async fn create(page: Page, form: web::Form<OrganisationForm>) -> AppResult<HttpResponse> {
    let form = form.into_inner();
    let refused = |errors: &[FieldError]| {
        render_form(
            &page,
            StatusCode::UNPROCESSABLE_ENTITY,
            "/organisations",
            &form,
            errors,
        )
    };
    let input = match form.input() {
        Ok(i) => i,
        Err(errors) => return refused(&errors),
    };
    match service::register(&page.state, &page.actor(), input).await {
        Ok(id) => {
            page.flash("success", "flash-organisation-registered");
            Ok(page.redirect(&format!("/organisations/{id}")))
        }
        Err(AppError::Validation(errors)) => refused(&errors),
        Err(e) => Err(e),
    }
}

#[derive(Serialize)]
struct MemberListed {
    user_id: String,
    email: String,
    name: String,
    role: String,
    is_me: bool,
}

pub async fn show(page: Page, path: web::Path<String>) -> AppResult<HttpResponse> {
    render_show(&page, path.into_inner(), StatusCode::OK, &[]).await
}

async fn render_show(
    page: &Page,
    id: String,
    status: StatusCode,
    invite_errors: &[FieldError],
) -> AppResult<HttpResponse> {
    let d = service::detail(&page.state, &page.actor(), id).await?;
    let me = page.actor().user_id.unwrap_or_default();
    let mut ctx = tera::Context::new();
    ctx.insert("o", &OrganisationForm::from_row(&d.row));
    ctx.insert("id", &d.row.id);
    ctx.insert(
        "turnover",
        &d.row
            .annual_turnover_cents
            .map(|c| crate::views::format::money(page.lang(), Money::from_cents(c))),
    );
    ctx.insert("my_role", d.my_role.as_str());
    ctx.insert("may_edit", &d.my_role.may_edit());
    ctx.insert("may_manage", &d.my_role.may_manage_members());
    ctx.insert(
        "members",
        &d.members
            .iter()
            .map(|(m, email, name)| MemberListed {
                is_me: m.user_id == me,
                user_id: m.user_id.clone(),
                email: email.clone(),
                name: name.clone(),
                role: m.role.clone(),
            })
            .collect::<Vec<_>>(),
    );
    ctx.insert(
        "pending",
        &d.invitations
            .iter()
            .map(|i| (i.email.clone(), i.role.clone()))
            .collect::<Vec<_>>(),
    );
    ctx.insert("roles", &MemberRole::ALL.map(|r| r.as_str()));
    page.show_errors(&mut ctx, invite_errors);
    page.render_status(status, "organisations/show.html", ctx)
}

pub async fn edit_form(page: Page, path: web::Path<String>) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let d = service::detail(&page.state, &page.actor(), id.clone()).await?;
    if !d.my_role.may_edit() {
        return Err(AppError::Forbidden);
    }
    render_form(
        &page,
        StatusCode::OK,
        &format!("/organisations/{id}"),
        &OrganisationForm::from_row(&d.row),
        &[],
    )
}

pub async fn update(
    page: Page,
    path: web::Path<String>,
    form: web::Form<OrganisationForm>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let form = form.into_inner();
    let action = format!("/organisations/{id}");
    let refused = |errors: &[FieldError]| {
        render_form(
            &page,
            StatusCode::UNPROCESSABLE_ENTITY,
            &action,
            &form,
            errors,
        )
    };
    let input = match form.input() {
        Ok(i) => i,
        Err(errors) => return refused(&errors),
    };
    match service::update(&page.state, &page.actor(), id.clone(), input).await {
        Ok(()) => {
            page.flash("success", "flash-organisation-saved");
            Ok(page.redirect(&action))
        }
        Err(AppError::Validation(errors)) => refused(&errors),
        Err(e) => Err(e),
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InviteForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    role: String,
}

pub async fn invite(
    page: Page,
    path: web::Path<String>,
    form: web::Form<InviteForm>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let form = form.into_inner();
    match service::invite(
        &page.state,
        &page.actor(),
        id.clone(),
        form.email,
        form.role,
    )
    .await
    {
        Ok(()) => Ok(page.flash_redirect(
            "success",
            "flash-member-invited",
            &format!("/organisations/{id}#members"),
        )),
        Err(AppError::Validation(errors)) => {
            render_show(&page, id, StatusCode::UNPROCESSABLE_ENTITY, &errors).await
        }
        Err(e) => Err(e),
    }
}

pub async fn accept(page: Page, path: web::Path<String>) -> AppResult<HttpResponse> {
    answer(page, path.into_inner(), true).await
}

pub async fn decline(page: Page, path: web::Path<String>) -> AppResult<HttpResponse> {
    answer(page, path.into_inner(), false).await
}

async fn answer(page: Page, id: String, accept: bool) -> AppResult<HttpResponse> {
    match service::answer_invitation(&page.state, &page.actor(), id, accept).await {
        Ok(()) => Ok(page.flash_redirect(
            "success",
            if accept {
                "flash-invitation-accepted"
            } else {
                "flash-invitation-declined"
            },
            "/organisations",
        )),
        Err(AppError::Conflict(key)) => Ok(page.flash_redirect("error", key, "/organisations")),
        Err(e) => Err(e),
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoleForm {
    #[serde(default)]
    role: String,
}

pub async fn change_role(
    page: Page,
    path: web::Path<(String, String)>,
    form: web::Form<RoleForm>,
) -> AppResult<HttpResponse> {
    let (id, member) = path.into_inner();
    member_change(page, id, member, Some(form.into_inner().role)).await
}

pub async fn remove_member(
    page: Page,
    path: web::Path<(String, String)>,
) -> AppResult<HttpResponse> {
    let (id, member) = path.into_inner();
    member_change(page, id, member, None).await
}

async fn member_change(
    page: Page,
    id: String,
    member: String,
    role: Option<String>,
) -> AppResult<HttpResponse> {
    let leaving = role.is_none() && page.actor().user_id.as_deref() == Some(member.as_str());
    let back = format!("/organisations/{id}#members");
    match service::change_member(&page.state, &page.actor(), id, member, role).await {
        Ok(()) if leaving => {
            Ok(page.flash_redirect("success", "flash-organisation-left", "/organisations"))
        }
        Ok(()) => Ok(page.flash_redirect("success", "flash-member-changed", &back)),
        Err(AppError::Conflict(key)) => Ok(page.flash_redirect("error", key, &back)),
        Err(AppError::Validation(errors)) => {
            let key = errors.first().map_or("error-invalid-form", |e| e.code);
            Ok(page.flash_redirect("error", key, &back))
        }
        Err(e) => Err(e),
    }
}
