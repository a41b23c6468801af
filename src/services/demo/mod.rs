//! `grants demo`: the whole life of the KAZLOD grants, built through the portal's own
//! services (never by raw inserts), so that every page of the portal has something to
//! show in every role:
//! - the pilot phase (`past`): a programme whose agreement entered into force about
//!   three years ago, and its restricted call taken through every stage, from concept
//!   notes to the published awards, and (`contracts`) its grant contracts in every state;
//! - the KAZLOD programme (`current`): a call whose concept notes are being scored now,
//!   and a call open for concept notes.
//!
//! Past stages run on the state's clock set to each past moment, so records carry their
//! historical times; the clock is given back as it was. Idempotent: what exists is kept.

mod contracts;
mod current;
mod past;
mod people;
mod stages;
mod writing;

use std::collections::BTreeMap;

use chrono::{Duration, NaiveDate, NaiveDateTime};

use super::organisations;
use super::uploads::CheckedUpload;
use super::{accounts, Actor};
use crate::clock::Clock;
use crate::db::{organisations as org_q, users};
use crate::domain::access::Role;
use crate::domain::organisations::OrganisationInput;
use crate::domain::time::{add_months, local_to_utc, sub_months};
use crate::error::{AppError, AppResult};
use crate::i18n::Lang;
use crate::state::AppState;

pub use current::{DEMO_CALL_REFERENCE, EVALUATION_CALL_REFERENCE};
pub use past::{PAST_CALL_REFERENCE, PAST_PROGRAMME_REFERENCE};
pub use people::{
    COLLEAGUES, COMMITTEE, COMMITTEE_PASSWORD, DEMO_USERS, FINANCE, ORGANISATIONS,
    ORGANISATION_PASSWORD,
};

/// What `grants demo` prints: the accounts, then what was built.
#[derive(Debug, Default)]
pub struct DemoReport {
    pub lines: Vec<String>,
}

/// The people of the demonstration as actors of the services.
pub(crate) struct Cast {
    pub delegation: Actor,
    pub finance: Actor,
    pub applicant: Actor,
    /// Committee seats (EVC-01), in the order of `COMMITTEE` with the demo evaluator
    /// third: (actor, seat, name).
    pub seats: Vec<(Actor, &'static str, &'static str)>,
    /// The owner of each organisation, by key.
    pub owners: BTreeMap<&'static str, Actor>,
    /// Each organisation's id, by key.
    pub organisations: BTreeMap<&'static str, String>,
}

impl Cast {
    fn seat(&self, seat: &str) -> &Actor {
        self.seats
            .iter()
            .find(|(_, s, _)| *s == seat)
            .map(|(a, _, _)| a)
            .unwrap_or(&self.delegation)
    }

    fn chair(&self) -> &Actor {
        self.seat("chair")
    }

    fn secretary(&self) -> &Actor {
        self.seat("secretary")
    }

    /// The committee member whose user id this is.
    fn member(&self, user_id: &str) -> Option<&Actor> {
        self.seats
            .iter()
            .map(|(a, _, _)| a)
            .find(|a| a.user_id.as_deref() == Some(user_id))
    }

    fn owner(&self, key: &str) -> AppResult<&Actor> {
        self.owners
            .get(key)
            .ok_or_else(|| failed(format!("no owner for {key}")))
    }

    fn organisation(&self, key: &str) -> AppResult<String> {
        self.organisations
            .get(key)
            .cloned()
            .ok_or_else(|| failed(format!("no organisation {key}")))
    }
}

/// Gives the clock back as it was when the demonstration started, however it ends.
struct ClockRestore(Clock, Option<NaiveDateTime>);

impl Drop for ClockRestore {
    fn drop(&mut self) {
        match self.1 {
            Some(t) => self.0.freeze_at(t),
            None => self.0.unfreeze(),
        }
    }
}

/// Loads the demonstration (idempotent).
#[tracing::instrument(skip_all)]
pub async fn load(state: &AppState) -> AppResult<DemoReport> {
    let _restore = ClockRestore(state.clock.clone(), state.clock.frozen_at());
    let now = state.clock.now();
    let today = crate::domain::time::local_date(now);
    let mut report = DemoReport::default();
    // People and organisations exist from before the pilot phase's call.
    let past_d = past::entry_into_force(today)?;
    at(state, almaty(days(past_d, -20), 9, 0));
    let cast = cast(state, &mut report).await?;
    past::load(state, &cast, past_d, today, &mut report).await?;
    current::load(state, &cast, today, now, &mut report).await?;
    Ok(report)
}

/// Sets the clock to `t` (UTC): what the services do next happens then.
fn at(state: &AppState, t: NaiveDateTime) {
    state
        .clock
        .freeze_at(crate::domain::time::truncate_micros(t));
}

/// `h:m` in Almaty on `d`, as stored (UTC).
fn almaty(d: NaiveDate, h: u32, m: u32) -> NaiveDateTime {
    local_to_utc(d.and_hms_opt(h, m, 0).unwrap_or_default())
}

fn days(d: NaiveDate, n: i64) -> NaiveDate {
    d + Duration::days(n)
}

fn months_after(d: NaiveDate, n: u32) -> AppResult<NaiveDate> {
    add_months(d, n).map_err(|e| failed(format!("date: {e:?}")))
}

fn months_before(d: NaiveDate, n: u32) -> AppResult<NaiveDate> {
    sub_months(d, n).map_err(|e| failed(format!("date: {e:?}")))
}

/// An error of the demonstration itself (a step the services refused).
fn failed(what: impl std::fmt::Display) -> AppError {
    AppError::Internal(anyhow::anyhow!("demonstration: {what}"))
}

/// A one-page PDF document, checked as an upload.
fn pdf(name: &str, lines: &[&str]) -> AppResult<CheckedUpload> {
    super::uploads::check_document(name, minimal_pdf(lines))
}

async fn cast(state: &AppState, report: &mut DemoReport) -> AppResult<Cast> {
    report.lines.push("accounts (one per role):".into());
    let mut actors = Vec::new();
    for (role, email, name, password) in DEMO_USERS.into_iter().chain([FINANCE]) {
        let lang = Lang::En;
        actors.push(ensure_user(state, role, email, name, password, lang, report).await?);
    }
    let [_, delegation, evaluator, _, applicant, finance] =
        <[Actor; 6]>::try_from(actors).map_err(|_| failed("the accounts"))?;
    report.lines.push(format!(
        "committee (evaluators; password for each: {COMMITTEE_PASSWORD}):"
    ));
    let mut seats = Vec::new();
    for (i, (email, name, seat)) in COMMITTEE.into_iter().enumerate() {
        let a = ensure_user(
            state,
            Role::Evaluator,
            email,
            name,
            COMMITTEE_PASSWORD,
            Lang::En,
            report,
        )
        .await?;
        seats.push((a, seat, name));
        if i == 1 {
            seats.push((evaluator.clone(), "evaluator", DEMO_USERS[2].2));
        }
    }
    report.lines.push(format!(
        "organisations (applicants; password for each account but {}: {ORGANISATION_PASSWORD}):",
        DEMO_USERS[4].1
    ));
    let mut owners = BTreeMap::new();
    let mut organisations = BTreeMap::new();
    for (n, o) in ORGANISATIONS.iter().enumerate() {
        let (email, name, lang) = o.owner;
        let owner = if email == DEMO_USERS[4].1 {
            applicant.clone()
        } else {
            quiet_user(state, email, name, lang).await?
        };
        let (id, created) = ensure_organisation(state, &owner, o, n).await?;
        let mut members = vec![format!("{email} (owner)")];
        if n == 0 {
            for (email, name, role, lang) in COLLEAGUES {
                let colleague = quiet_user(state, email, name, lang).await?;
                if created {
                    organisations::invite(state, &owner, id.clone(), email.into(), role.into())
                        .await?;
                    let mine = organisations::mine(state, &colleague).await?;
                    for (invitation, _) in mine.invitations {
                        organisations::answer_invitation(state, &colleague, invitation.id, true)
                            .await?;
                    }
                }
                members.push(format!("{email} ({role})"));
            }
        }
        report
            .lines
            .push(format!("  {:<48} {}", o.legal_name, members.join(", ")));
        owners.insert(o.key, owner);
        organisations.insert(o.key, id);
    }
    Ok(Cast {
        delegation,
        finance,
        applicant,
        seats,
        owners,
        organisations,
    })
}

/// An account of the demonstration, created once; staff get a second factor whose key
/// is printed (the same at every run).
async fn ensure_user(
    state: &AppState,
    role: Role,
    email: &str,
    name: &str,
    password: &str,
    lang: Lang,
    report: &mut DemoReport,
) -> AppResult<Actor> {
    let (user, created) = find_or_create(state, role, email, name, password, lang).await?;
    report.lines.push(if created {
        format!("  {:<11} {email:<34} password: {password}", role.as_str())
    } else {
        format!(
            "  {:<11} {email:<34} (exists; password unchanged)",
            role.as_str()
        )
    });
    if role != Role::Applicant {
        // Staff sign in with a second factor: the demonstration enrols them with a key
        // printed here, to add to any authenticator app (or `oathtool --totp -b KEY`).
        let secret = demo_totp_secret(email);
        let recovery =
            accounts::second_factor::enrol_with_secret(state, user.id.clone(), secret.clone())
                .await?;
        report.lines.push(format!(
            "  {:<11} {:<34} second factor key: {}{}",
            "",
            "",
            totp_rs::Secret::from(secret).to_base32(),
            recovery
                .first()
                .map(|c| format!(" (a recovery code: {c})"))
                .unwrap_or_default()
        ));
    }
    Ok(actor_of(&user, role))
}

/// An applicant account of an organisation (printed with its organisation).
async fn quiet_user(state: &AppState, email: &str, name: &str, lang: Lang) -> AppResult<Actor> {
    let (user, _) = find_or_create(
        state,
        Role::Applicant,
        email,
        name,
        ORGANISATION_PASSWORD,
        lang,
    )
    .await?;
    Ok(actor_of(&user, Role::Applicant))
}

async fn find_or_create(
    state: &AppState,
    role: Role,
    email: &str,
    name: &str,
    password: &str,
    lang: Lang,
) -> AppResult<(users::UserRow, bool)> {
    let existing = {
        let email = email.to_string();
        state
            .db(move |conn| Ok(users::find_by_email(conn, &email)?))
            .await?
    };
    match existing {
        Some(u) => Ok((u, false)),
        None => {
            let u = accounts::create_user(
                state,
                &Actor::system("demo"),
                email,
                name,
                role,
                Some(password.to_string()),
                lang,
            )
            .await?;
            Ok((u, true))
        }
    }
}

fn actor_of(user: &users::UserRow, role: Role) -> Actor {
    Actor {
        user_id: Some(user.id.clone()),
        email: Some(user.email.clone()),
        role: Some(role),
        client_ip: None,
    }
}

/// The organisation registered by its owner (found by its BIN when it exists).
async fn ensure_organisation(
    state: &AppState,
    owner: &Actor,
    o: &people::Organisation,
    n: usize,
) -> AppResult<(String, bool)> {
    let bin = people::demo_bin(n);
    let existing = {
        let bin = bin.clone();
        state
            .db(move |conn| Ok(org_q::find_by_registration(conn, "KZ", &bin)?))
            .await?
    };
    if let Some(row) = existing {
        return Ok((row.id, false));
    }
    let id = organisations::register(
        state,
        owner,
        OrganisationInput {
            legal_name: o.legal_name.into(),
            legal_name_local: o.local_name.into(),
            acronym: o.acronym.into(),
            legal_status: o.legal_status.into(),
            country: "KZ".into(),
            oblast: o.oblast.into(),
            registration_number: bin,
            address: o.address.into(),
            contact_email: o.owner.0.into(),
            contact_phone: format!("+7 7{:02} 555 {:02} {:02}", 10 + n, 20 + n, 40 + n),
            year_registered: Some(2005 + (n as i32 % 12)),
            staff: Some(6 + 3 * n as i32),
            annual_turnover_cents: Some(
                crate::domain::money::Money::euros(60_000 + 15_000 * n as i64).cents(),
            ),
        },
    )
    .await?;
    Ok((id, true))
}

/// The demonstration's second-factor key of a staff account (the same at every run).
pub fn demo_totp_secret(email: &str) -> Vec<u8> {
    use sha2::Digest;
    sha2::Sha256::digest(format!("kazlod demonstration second factor {email}"))[..20].to_vec()
}

/// A small one-page PDF with lines of ASCII text (for demonstration guidelines).
pub fn minimal_pdf(lines: &[&str]) -> Vec<u8> {
    let escape = |s: &str| {
        s.chars()
            .filter(|c| c.is_ascii() && !c.is_control())
            .collect::<String>()
            .replace('\\', "\\\\")
            .replace('(', "\\(")
            .replace(')', "\\)")
    };
    let mut content = String::from("BT /F1 16 Tf 72 770 Td ");
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            content.push_str("0 -24 Td /F1 11 Tf ");
        }
        content.push_str(&format!("({}) Tj ", escape(line)));
    }
    content.push_str("ET");
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>".to_string(),
        format!("<< /Length {} >>\nstream\n{}\nendstream", content.len(), content),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_string(),
    ];
    let mut out = String::from("%PDF-1.4\n");
    let mut offsets = Vec::new();
    for (i, obj) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.push_str(&format!("{} 0 obj\n{}\nendobj\n", i + 1, obj));
    }
    let xref = out.len();
    out.push_str(&format!(
        "xref\n0 {}\n0000000000 65535 f \n",
        objects.len() + 1
    ));
    for o in offsets {
        out.push_str(&format!("{o:010} 00000 n \n"));
    }
    out.push_str(&format!(
        "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
        objects.len() + 1
    ));
    out.into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_pdf_is_a_pdf() {
        let pdf = minimal_pdf(&["Hello (world)"]);
        assert!(pdf.starts_with(b"%PDF-1.4"));
        assert!(String::from_utf8_lossy(&pdf).contains("startxref"));
        assert!(crate::services::uploads::check_document("g.pdf", pdf).is_ok());
    }
}
