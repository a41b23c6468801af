//! Lots of a draft call (CFP-04).

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use serde::{Deserialize, Serialize};

use super::conflict_back;
use crate::domain::access::Action;
use crate::domain::calls::{self as rules, lot_fields, LotTerms, APPLICANT_TYPES, LOCATIONS};
use crate::domain::money::{format_percent, parse_percent, Money};
use crate::domain::FieldError;
use crate::error::{AppError, AppResult};
use crate::i18n::{t, t_args};
use crate::services::calls::{self, lot_terms};
use crate::views::format;
use crate::web::confirm::{self, Confirmation};
use crate::web::page::{FormSpot, Page};

#[derive(Deserialize, Serialize, Default, Clone)]
#[serde(deny_unknown_fields)]
pub struct LotForm {
    #[serde(default)]
    number: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    envelope: String,
    #[serde(default)]
    min_grant: String,
    #[serde(default)]
    max_grant: String,
    #[serde(default)]
    min_eu_share: String,
    #[serde(default)]
    max_eu_share: String,
    #[serde(default)]
    min_duration: String,
    #[serde(default)]
    max_duration: String,
    #[serde(default)]
    type_ngo: Option<String>,
    #[serde(default)]
    type_local_authority: Option<String>,
    #[serde(default)]
    type_research_institute: Option<String>,
    #[serde(default)]
    type_international_organisation: Option<String>,
    #[serde(default)]
    type_other: Option<String>,
    #[serde(default)]
    loc_mangystau: Option<String>,
    #[serde(default)]
    loc_kyzylorda: Option<String>,
    #[serde(default)]
    loc_east_kazakhstan: Option<String>,
    #[serde(default)]
    loc_national: Option<String>,
    #[serde(default)]
    envelope_id: String,
}

impl LotForm {
    fn from_terms(t: &LotTerms) -> LotForm {
        let has = |list: &[String], v: &str| list.iter().any(|x| x == v).then(|| "on".to_string());
        LotForm {
            number: t.number.to_string(),
            title: t.title.clone(),
            envelope: t.envelope.format_input(),
            min_grant: t.min_grant.format_input(),
            max_grant: t.max_grant.format_input(),
            min_eu_share: format_percent(t.min_eu_share_bp),
            max_eu_share: format_percent(t.max_eu_share_bp),
            min_duration: t.min_duration_months.to_string(),
            max_duration: t.max_duration_months.to_string(),
            type_ngo: has(&t.applicant_types, "ngo"),
            type_local_authority: has(&t.applicant_types, "local_authority"),
            type_research_institute: has(&t.applicant_types, "research_institute"),
            type_international_organisation: has(&t.applicant_types, "international_organisation"),
            type_other: has(&t.applicant_types, "other"),
            loc_mangystau: has(&t.locations, "mangystau"),
            loc_kyzylorda: has(&t.locations, "kyzylorda"),
            loc_east_kazakhstan: has(&t.locations, "east_kazakhstan"),
            loc_national: has(&t.locations, "national"),
            envelope_id: t.envelope_id.clone().unwrap_or_default(),
        }
    }

    fn parse(&self) -> Result<LotTerms, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut money = |field: &'static str, v: &str| {
            Money::parse(v).unwrap_or_else(|_| {
                errors.push(FieldError::new(field, "error-amount-invalid"));
                Money::ZERO
            })
        };
        let envelope = money("envelope", &self.envelope);
        let min_grant = money("min_grant", &self.min_grant);
        let max_grant = money("max_grant", &self.max_grant);
        let mut percent = |field: &'static str, v: &str| {
            parse_percent(v).unwrap_or_else(|| {
                errors.push(FieldError::new(field, "error-percent-invalid"));
                0
            })
        };
        let min_eu_share_bp = percent(lot_fields::MIN_EU_SHARE, &self.min_eu_share);
        let max_eu_share_bp = percent(lot_fields::MAX_EU_SHARE, &self.max_eu_share);
        let mut int = |field: &'static str, v: &str| {
            v.trim()
                .parse::<i64>()
                .ok()
                .filter(|n| (0..=1000).contains(n))
                .unwrap_or_else(|| {
                    errors.push(FieldError::new(field, "error-number-invalid"));
                    0
                })
        };
        let number = int("number", &self.number) as i32;
        let min_duration_months = int(lot_fields::MIN_DURATION, &self.min_duration);
        let max_duration_months = int(lot_fields::MAX_DURATION, &self.max_duration);
        let pick = |pairs: &[(&Option<String>, &str)]| {
            pairs
                .iter()
                .filter(|(v, _)| v.is_some())
                .map(|(_, n)| n.to_string())
                .collect::<Vec<_>>()
        };
        let applicant_types = pick(&[
            (&self.type_ngo, APPLICANT_TYPES[0]),
            (&self.type_local_authority, APPLICANT_TYPES[1]),
            (&self.type_research_institute, APPLICANT_TYPES[2]),
            (&self.type_international_organisation, APPLICANT_TYPES[3]),
            (&self.type_other, APPLICANT_TYPES[4]),
        ]);
        let locations = pick(&[
            (&self.loc_mangystau, LOCATIONS[0]),
            (&self.loc_kyzylorda, LOCATIONS[1]),
            (&self.loc_east_kazakhstan, LOCATIONS[2]),
            (&self.loc_national, LOCATIONS[3]),
        ]);
        if !errors.is_empty() {
            return Err(errors);
        }
        let envelope_id = Some(self.envelope_id.trim().to_string()).filter(|id| !id.is_empty());
        Ok(LotTerms {
            envelope_id,
            number,
            title: self.title.trim().to_string(),
            envelope,
            min_grant,
            max_grant,
            min_eu_share_bp,
            max_eu_share_bp,
            min_duration_months,
            max_duration_months,
            applicant_types,
            locations,
            // Translations are kept; they are edited on the translations page.
            title_kk: None,
            title_ru: None,
        })
    }
}

/// Lot fields that the form calls differently from `LotTerms` (percent, not basis
/// points; months implied).
const LOT_FORM_FIELDS: &[(&str, &str)] = &[
    (lot_fields::MIN_EU_SHARE, "min_eu_share"),
    (lot_fields::MAX_EU_SHARE, "max_eu_share"),
    (lot_fields::MIN_DURATION, "min_duration"),
    (lot_fields::MAX_DURATION, "max_duration"),
    (lot_fields::ENVELOPE_ID, "envelope_id"),
];

async fn render_lot_form(
    page: &Page,
    status: StatusCode,
    call_id: &str,
    lot_id: Option<&str>,
    form: &LotForm,
    errors: &[FieldError],
) -> AppResult<HttpResponse> {
    let d = calls::staff_detail(&page.state, &page.actor(), call_id.to_string()).await?;
    let programme =
        crate::services::programmes::detail(&page.state, d.call.row.programme_id.clone()).await?;
    let envelopes: Vec<(String, String, String)> = programme
        .envelopes
        .iter()
        .map(|e| {
            (
                e.id.clone(),
                e.label.clone(),
                format::money(page.lang(), Money::from_cents(e.amount_cents)),
            )
        })
        .collect();
    let mut ctx = tera::Context::new();
    ctx.insert("envelopes", &envelopes);
    ctx.insert("f", form);
    ctx.insert("call_id", call_id);
    ctx.insert("lot_id", &lot_id);
    page.show_errors_at(
        &mut ctx,
        FormSpot {
            aliases: LOT_FORM_FIELDS,
            ..FormSpot::PAGE
        },
        errors,
    );
    ctx.insert("applicant_types", &APPLICANT_TYPES);
    ctx.insert("locations", &LOCATIONS);
    page.render_status(status, "manage/lot_form.html", ctx)
}

pub async fn new_lot_form(page: Page, path: web::Path<String>) -> AppResult<HttpResponse> {
    page.actor().require(Action::ManageCalls)?;
    let call_id = path.into_inner();
    let d = calls::staff_detail(&page.state, &page.actor(), call_id.clone()).await?;
    let next = d.lots.iter().map(|l| l.number).max().unwrap_or(0) + 1;
    // A new lot keeps the usual grant rules but chooses its own amount, envelope,
    // applicants and places: nothing is ticked for the user.
    let mut terms = rules::default_lots().remove(0);
    terms.number = next;
    terms.title = String::new();
    terms.applicant_types.clear();
    terms.locations.clear();
    let mut form = LotForm::from_terms(&terms);
    form.envelope = String::new();
    render_lot_form(&page, StatusCode::OK, &call_id, None, &form, &[]).await
}

pub async fn edit_lot_form(
    page: Page,
    path: web::Path<(String, String)>,
) -> AppResult<HttpResponse> {
    page.actor().require(Action::ManageCalls)?;
    let (call_id, lot_id) = path.into_inner();
    let d = calls::staff_detail(&page.state, &page.actor(), call_id.clone()).await?;
    let lot = d
        .lots
        .iter()
        .find(|l| l.id == lot_id)
        .ok_or(AppError::NotFound)?;
    render_lot_form(
        &page,
        StatusCode::OK,
        &call_id,
        Some(&lot_id),
        &LotForm::from_terms(&lot_terms(lot)),
        &[],
    )
    .await
}

async fn save_lot(
    page: Page,
    call_id: String,
    lot_id: Option<String>,
    form: LotForm,
) -> AppResult<HttpResponse> {
    let back = format!("/manage/calls/{call_id}");
    let saved = match form.parse() {
        Ok(terms) => {
            calls::save_lot(
                &page.state,
                &page.actor(),
                call_id.clone(),
                lot_id.clone(),
                terms,
            )
            .await
        }
        Err(errors) => Err(AppError::Validation(errors)),
    };
    match saved {
        Ok(_) => Ok(page.flash_redirect("success", "flash-lot-saved", &format!("{back}#lots"))),
        Err(AppError::Validation(errors)) => {
            render_lot_form(
                &page,
                StatusCode::UNPROCESSABLE_ENTITY,
                &call_id,
                lot_id.as_deref(),
                &form,
                &errors,
            )
            .await
        }
        Err(e) => conflict_back(&page, e, &back),
    }
}

pub async fn create_lot(
    page: Page,
    path: web::Path<String>,
    form: web::Form<LotForm>,
) -> AppResult<HttpResponse> {
    save_lot(page, path.into_inner(), None, form.into_inner()).await
}

pub async fn update_lot(
    page: Page,
    path: web::Path<(String, String)>,
    form: web::Form<LotForm>,
) -> AppResult<HttpResponse> {
    let (call_id, lot_id) = path.into_inner();
    save_lot(page, call_id, Some(lot_id), form.into_inner()).await
}

/// Before deleting a lot: which lot, and what goes with it.
pub async fn confirm_delete_lot(
    page: Page,
    path: web::Path<(String, String)>,
) -> AppResult<HttpResponse> {
    page.actor().require(Action::ManageCalls)?;
    let (call_id, lot_id) = path.into_inner();
    let d = calls::staff_detail(&page.state, &page.actor(), call_id.clone()).await?;
    let lot = d
        .lots
        .iter()
        .find(|l| l.id == lot_id)
        .ok_or(AppError::NotFound)?;
    let lang = page.lang();
    let back = format!("/manage/calls/{call_id}#lots");
    confirm::render(
        &page,
        &Confirmation {
            title: t(lang, "lot-delete-title"),
            intro: t_args(
                lang,
                "lot-delete-intro",
                &[
                    ("number", lot.number.to_string()),
                    ("title", lot.title.clone()),
                    (
                        "amount",
                        format::money(lang, Money::from_cents(lot.envelope_cents)),
                    ),
                ],
            ),
            consequences: vec![t(lang, "lot-delete-effect")],
            preview: None,
            action: format!("/manage/calls/{call_id}/lots/{lot_id}/delete"),
            hidden: Vec::new(),
            button: t(lang, "lot-delete-button"),
            danger: true,
            back,
            edit: None,
        },
    )
}

pub async fn delete_lot(page: Page, path: web::Path<(String, String)>) -> AppResult<HttpResponse> {
    let (call_id, lot_id) = path.into_inner();
    let back = format!("/manage/calls/{call_id}");
    match calls::delete_lot(&page.state, &page.actor(), call_id, lot_id).await {
        Ok(()) => Ok(page.flash_redirect("success", "flash-lot-deleted", &format!("{back}#lots"))),
        Err(e) => conflict_back(&page, e, &back),
    }
}
