//! `grants demo`: the KAZLOD programme with its real figures, a restricted call with the
//! two lots open now, published clarifications and one user per role. Idempotent: what
//! exists already is kept.

use chrono::{Duration, NaiveDate, Timelike};

use super::calls::{self, CallInput};
use super::programmes;
use super::{accounts, Actor};
use crate::clock::{local_date, local_to_utc};
use crate::db::{calls as call_q, programmes as programme_q, users};
use crate::domain::access::Role;
use crate::domain::calls::CallType;
use crate::domain::programme::{
    kazlod_budget_lines, kazlod_envelopes, ProgrammeCommand, KAZLOD_REFERENCE, KAZLOD_TITLE,
    KAZLOD_TOTAL,
};
use crate::domain::timeline::sub_months;
use crate::error::{AppError, AppResult};
use crate::i18n::Lang;
use crate::state::AppState;

pub const DEMO_CALL_REFERENCE: &str = "EuropeAid/150123/L/ACT/KZ";

/// (role, email, name, password) of the demonstration accounts.
pub const DEMO_USERS: [(Role, &str, &str, &str); 5] = [
    (
        Role::Admin,
        "admin@demo.grants.kz",
        "Aliya Sarsenova",
        "caspian sunrise over aktau 4417",
    ),
    (
        Role::Delegation,
        "delegation@demo.grants.kz",
        "Marco Bianchi",
        "blue flag with golden stars 2291",
    ),
    (
        Role::Evaluator,
        "evaluator@demo.grants.kz",
        "Yerlan Abenov",
        "a careful reader of proposals 5830",
    ),
    (
        Role::Auditor,
        "auditor@demo.grants.kz",
        "Ingrid Larsen",
        "every record kept seven years 1164",
    ),
    (
        Role::Applicant,
        "applicant@demo.grants.kz",
        "Gulnara Tulegenova",
        "clean water for kyzylorda villages 7702",
    ),
];

#[derive(Debug, Default)]
pub struct DemoReport {
    pub lines: Vec<String>,
}

async fn ensure_user(
    state: &AppState,
    role: Role,
    email: &str,
    name: &str,
    password: &str,
    report: &mut DemoReport,
) -> AppResult<Actor> {
    let existing = {
        let email = email.to_string();
        state
            .db(move |conn| Ok(users::find_by_email(conn, &email)?))
            .await?
    };
    let user = match existing {
        Some(u) => {
            report.lines.push(format!(
                "{:<11} {email:<28} (exists; password unchanged)",
                role.as_str()
            ));
            u
        }
        None => {
            let u = accounts::create_user(
                state,
                &Actor::system("demo"),
                email,
                name,
                role,
                Some(password.to_string()),
                Lang::En,
            )
            .await?;
            report.lines.push(format!(
                "{:<11} {email:<28} password: {password}",
                role.as_str()
            ));
            u
        }
    };
    if role != Role::Applicant {
        // Staff sign in with a second factor: the demonstration enrols them with a key
        // printed here, to add to any authenticator app (or `oathtool --totp -b KEY`).
        let secret = demo_totp_secret(email);
        let recovery =
            accounts::second_factor::enrol_with_secret(state, user.id.clone(), secret.clone())
                .await?;
        report.lines.push(format!(
            "{:<11} {:<28} second factor key: {}{}",
            "",
            "",
            totp_rs::Secret::from(secret).to_base32(),
            recovery
                .first()
                .map(|c| format!(" (a recovery code: {c})"))
                .unwrap_or_default()
        ));
    }
    Ok(Actor {
        user_id: Some(user.id),
        email: Some(user.email),
        role: Some(role),
        client_ip: None,
    })
}

/// The demonstration's second-factor key of a staff account (the same at every run).
pub fn demo_totp_secret(email: &str) -> Vec<u8> {
    use sha2::Digest;
    sha2::Sha256::digest(format!("kazlod demonstration second factor {email}"))[..20].to_vec()
}

#[tracing::instrument(skip_all)]
pub async fn load(state: &AppState) -> AppResult<DemoReport> {
    let mut report = DemoReport::default();
    let mut actors = Vec::new();
    for (role, email, name, password) in DEMO_USERS {
        actors.push(ensure_user(state, role, email, name, password, &mut report).await?);
    }
    let delegation = actors[1].clone();
    let applicant = actors[4].clone();
    let now = state.clock.now();
    let today = local_date(now);

    // The programme: D six months ago, so calls may still be published (TL-01: D + 8).
    let existing = state
        .db(|conn| Ok(programme_q::find_by_reference(conn, KAZLOD_REFERENCE)?))
        .await?;
    let programme_id = match existing {
        Some(p) => {
            report
                .lines
                .push(format!("programme  {KAZLOD_REFERENCE} (exists)"));
            p.id
        }
        None => {
            let d: NaiveDate = sub_months(today, 6)
                .map_err(|e| AppError::Internal(anyhow::anyhow!("demo date: {e}")))?;
            let id = programmes::create(
                state,
                &delegation,
                ProgrammeCommand {
                    reference: KAZLOD_REFERENCE.into(),
                    title: KAZLOD_TITLE.into(),
                    entry_into_force: Some(d),
                    total_budget: KAZLOD_TOTAL,
                    budget_lines: kazlod_budget_lines(),
                    envelopes: kazlod_envelopes(),
                },
            )
            .await?;
            report.lines.push(format!(
                "programme  {KAZLOD_REFERENCE}, entry into force {d}"
            ));
            id
        }
    };

    let existing_call = state
        .db(|conn| Ok(call_q::find_by_reference(conn, DEMO_CALL_REFERENCE)?))
        .await?;
    if existing_call.is_some() {
        report
            .lines
            .push(format!("call       {DEMO_CALL_REFERENCE} (exists)"));
        return Ok(report);
    }
    // Deadline: 50 days from now at 18:00 Almaty (CFP-02 asks 45 for restricted calls).
    let deadline_day = today + Duration::days(50);
    let deadline = local_to_utc(deadline_day.and_hms_opt(18, 0, 0).unwrap_or_default());
    let call_id = calls::create(
        state,
        &delegation,
        programme_id,
        CallInput {
            reference: DEMO_CALL_REFERENCE.into(),
            title: "Local development initiatives in the pilot oblasts and at national level".into(),
            description: "The European Union invites non-state actors and local authorities to propose initiatives that improve \
                          local development: public services closer to citizens, participation of communities in local budgets, \
                          and cooperation between akimats and civil society.\n\nLot 1 covers Mangystau, Kyzylorda and East Kazakhstan \
                          oblasts; lot 2 strengthens civil society's role in local development at national level.\n\nThis is a \
                          restricted call: submit a concept note first; the best are invited to submit a full application."
                .into(),
            call_type: Some(CallType::Restricted),
            opens_at: None,
            deadline: Some(crate::db::truncate_micros(deadline.with_nanosecond(0).unwrap_or(deadline))),
            params: None,
        },
    )
    .await?;
    let pdf = minimal_pdf(&[
        "Guidelines for applicants",
        DEMO_CALL_REFERENCE,
        "Support to local development in the Republic of Kazakhstan",
        "Lot 1: pilot oblasts, EUR 2,100,000. Lot 2: national level, EUR 900,000.",
        "EU contribution at most 90% of eligible costs; duration up to 48 months.",
    ]);
    let upload = super::uploads::check_document("guidelines-en.pdf", pdf)?;
    calls::add_document(
        state,
        &delegation,
        call_id.clone(),
        upload,
        Lang::En,
        "Guidelines for applicants (English, authentic)".into(),
    )
    .await?;
    match calls::publish(state, &delegation, call_id.clone()).await? {
        Ok(_) => report.lines.push(format!(
            "call       {DEMO_CALL_REFERENCE} published, concept notes due {} 18:00 Almaty",
            deadline_day
        )),
        Err(report) => {
            let codes: Vec<&str> = report.problems.iter().map(|p| p.code).collect();
            return Err(AppError::Internal(anyhow::anyhow!(
                "the demonstration call cannot be published: {codes:?}"
            )));
        }
    }

    let questions = [
        (
            "Can a local akimat apply as lead applicant under lot 2, or only under lot 1?",
            "Local authorities are eligible under lot 1 only. Under lot 2 the lead applicant must be a non-governmental organisation, \
             a research institute or an international organisation; an akimat may take part as an associate.",
        ),
        (
            "Are the salaries of staff already employed by the applicant eligible costs?",
            "Yes, for the time they actually work on the action, at rates not higher than the applicant's usual rates. \
             See section 2.1.4 of the guidelines.",
        ),
    ];
    for (question, answer) in questions {
        calls::ask_question(state, &applicant, call_id.clone(), question.into()).await?;
        let pending = state
            .db({
                let id = call_id.clone();
                move |conn| Ok(call_q::clarifications_page(conn, &id, true, 0, 1)?.0)
            })
            .await?;
        if let Some(q) = pending.into_iter().next() {
            calls::answer_question(state, &delegation, call_id.clone(), q.id, answer.into())
                .await?;
        }
    }
    report
        .lines
        .push("clarifications: 2 questions asked and answered".into());
    Ok(report)
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
    fn demo_passwords_pass_the_password_rules() {
        for (_, email, name, password) in DEMO_USERS {
            let e = crate::domain::account::EmailAddress::parse(email).unwrap();
            assert_eq!(
                crate::domain::account::check_new_password(password, &[e.local_part(), name]),
                Ok(()),
                "{email}"
            );
        }
    }

    #[test]
    fn the_demo_pdf_is_a_pdf() {
        let pdf = minimal_pdf(&["Hello (world)"]);
        assert!(pdf.starts_with(b"%PDF-1.4"));
        assert!(String::from_utf8_lossy(&pdf).contains("startxref"));
        assert!(crate::services::uploads::check_document("g.pdf", pdf).is_ok());
    }
}
