//! Grant contracts (DOMAIN.md §7) through the pages, on both databases: from the award
//! to a contract (CON-01/02), its signature at the bounds of TL-02/TL-03 and the 30 days
//! to countersign, the payment schedule and the release of a tranche (PAY-01/02),
//! reports (REP-01), the final grant and closure (CON-04, REC-01), the daily watch
//! (CON-03) and concurrent payments.

use chrono::{Duration, NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use grants::domain::access::Role;
use grants::domain::time::{add_months, day_start};
use reqwest::{Client, StatusCode};

use crate::award::approved_award;
use crate::helpers::{body, new_client, TestApp, PASSWORD};
use crate::on_both_databases;

on_both_databases!(
    a_contract_goes_from_the_award_to_payments_and_reports,
    signature_on_the_contracting_deadline_and_not_a_day_later,
    countersignature_within_thirty_days,
    the_watch_warns_once_then_terminates_a_contract_never_paid,
    the_final_report_fixes_the_grant_and_the_contract_closes,
    parallel_payments_never_exceed_the_tranche,
    the_api_prepares_sends_and_reads_contracts_with_the_same_rules,
    amendments_keep_their_notice_and_transfers_count_cumulatively,
    monitoring_shows_the_money_against_the_envelopes_and_exports_it,
    the_dashboard_runs_the_same_queries_for_one_contract_or_two,
    the_watch_warns_once_three_days_before_applicants_must_be_told,
    an_agreed_start_that_has_come_moves_to_the_next_day,
    a_duration_ending_too_late_is_refused_with_the_longest_that_fits,
    resuming_says_by_how_much_the_end_moves_and_what_the_operational_phase_cuts
);

/// Noon in Almaty on `d`, as stored (UTC).
fn noon(d: NaiveDate) -> NaiveDateTime {
    day_start(d) + Duration::hours(12)
}

fn conn(app: &TestApp) -> grants::db::PooledConn {
    app.state.pool.get().unwrap()
}

fn contract_of(app: &TestApp, application: &str) -> grants::db::contracts::ContractRow {
    grants::db::contracts::of_application(&mut conn(app), application)
        .unwrap()
        .expect("a contract")
}

/// How many messages of `kind` the outbox holds.
fn outbox_count(app: &TestApp, kind: &str) -> i64 {
    use grants::db::schema::outbox::dsl as o;
    o::outbox
        .filter(o::kind.eq(kind))
        .count()
        .get_result(&mut conn(app))
        .unwrap()
}

pub(crate) struct Parties {
    pub(crate) staff: Client,
    pub(crate) lead: Client,
    pub(crate) staff_email: String,
    pub(crate) lead_email: String,
    pub(crate) application: String,
    pub(crate) programme_d: NaiveDate,
}

pub(crate) async fn parties(app: &TestApp, reference: &str) -> Parties {
    let (_call, application, lead_email, _staff) = approved_award(app, reference).await;
    let staff_email = format!("staff@{}.example.kz", reference.to_lowercase());
    app.create_user(&staff_email, Role::Delegation).await;
    let staff = new_client();
    app.login_with(&staff, &staff_email, PASSWORD).await;
    let lead = new_client();
    app.login_with(&lead, &lead_email, PASSWORD).await;
    let a = grants::db::applications::find(&mut conn(app), &application)
        .unwrap()
        .unwrap();
    let call = grants::db::calls::find(&mut conn(app), &a.call_id)
        .unwrap()
        .unwrap();
    let programme = grants::db::programmes::find(&mut conn(app), &call.programme_id)
        .unwrap()
        .unwrap();
    Parties {
        staff,
        lead,
        staff_email,
        lead_email,
        application,
        programme_d: programme.entry_into_force,
    }
}

impl Parties {
    /// Signs both in again after the clock moved past their sessions' lifetime.
    async fn again(&self, app: &TestApp) {
        for (client, email) in [
            (&self.staff, &self.staff_email),
            (&self.lead, &self.lead_email),
        ] {
            let res = app.login_with(client, email, PASSWORD).await;
            assert_eq!(
                res.status(),
                StatusCode::SEE_OTHER,
                "{email} signs in again"
            );
        }
    }
}

async fn prepare(app: &TestApp, p: &Parties, fields: &[(&str, &str)]) -> reqwest::Response {
    app.post_form_with(
        &p.staff,
        &format!("/manage/awards/{}/contract", p.application),
        fields,
    )
    .await
}

fn terms<'a>(max: &'a str, share: &'a str, months: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("number", "KAZLOD/2027/001"),
        ("max_eu", max),
        ("eu_share", share),
        ("duration", months),
    ]
}

async fn countersign(app: &TestApp, client: &Client, id: &str, confirm: bool) -> reqwest::Response {
    let token = app.csrf_token_of(client).await;
    let mut form = reqwest::multipart::Form::new().part(
        "file",
        reqwest::multipart::Part::bytes(grants::services::demo::minimal_pdf(&["signed"]))
            .file_name("contract-signed.pdf"),
    );
    if confirm {
        form = form.text("confirm", "yes");
    }
    client
        .post(app.url(&format!("/contracts/{id}/countersign?csrf_token={token}")))
        .multipart(form)
        .send()
        .await
        .unwrap()
}

async fn upload_report_document(app: &TestApp, client: &Client, id: &str, n: i32, doc: &str) {
    let token = app.csrf_token_of(client).await;
    let form = reqwest::multipart::Form::new()
        .text("document", doc.to_string())
        .part(
            "file",
            reqwest::multipart::Part::bytes(grants::services::demo::minimal_pdf(&[doc]))
                .file_name(format!("{doc}.pdf")),
        );
    let res = client
        .post(app.url(&format!(
            "/contracts/{id}/reports/{n}/documents?csrf_token={token}"
        )))
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
}

/// A contract prepared with `months`, signed and sent, countersigned: its id.
pub(crate) async fn running_contract(app: &TestApp, p: &Parties, months: &str) -> String {
    let res = prepare(app, p, &terms("101115", "90", months)).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let id = contract_of(app, &p.application).id;
    app.post_form_with(&p.staff, &format!("/manage/contracts/{id}/send"), &[])
        .await;
    let res = countersign(app, &p.lead, &id, true).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(contract_of(app, &p.application).status, "active");
    id
}

async fn a_contract_goes_from_the_award_to_payments_and_reports(app: TestApp) {
    let p = parties(&app, "CALL-CON").await;
    // The award waits for its contract; the form proposes the awarded figures.
    let list = body(app.get_with(&p.staff, "/contracts").await).await;
    assert!(list.contains(&format!("/manage/awards/{}/contract", p.application)));
    let form = body(
        app.get_with(
            &p.staff,
            &format!("/manage/awards/{}/contract", p.application),
        )
        .await,
    )
    .await;
    crate::helpers::dump_page("contract-prepare", &form);
    crate::helpers::dump_page("contracts-awaiting", &list);
    assert!(form.contains("at most 48 months"), "{form}");
    assert!(
        form.contains("101,115.00") || form.contains("101115"),
        "{form}"
    );
    // CON-01: never above the award, one cent over is refused; CON-02: 48 months at most.
    let res = prepare(&app, &p, &terms("101115.01", "90", "24")).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body(res).await.contains("cannot be higher than awarded"));
    let res = prepare(&app, &p, &terms("101115", "90.01", "24")).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let res = prepare(&app, &p, &terms("101115", "90", "49")).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body(res).await.contains("from 1 to 48 months"));
    let res = prepare(&app, &p, &terms("101115", "90", "24")).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let c = contract_of(&app, &p.application);
    assert_eq!(
        (c.status.as_str(), c.max_eu_cents, c.version),
        ("draft", 10_111_500, 1)
    );
    let page = format!("/contracts/{}", c.id);
    // Another organisation's applicant sees nothing of it; the auditor reads it.
    let (other, _) = app.client_as(Role::Applicant).await;
    assert_eq!(
        app.get_with(&other, &page).await.status(),
        StatusCode::NOT_FOUND
    );
    let (auditor, _) = app.client_as(Role::Auditor).await;
    assert_eq!(app.get_with(&auditor, &page).await.status(), StatusCode::OK);
    // The Delegation signs and sends; the beneficiary is told the 30-day deadline.
    let res = app
        .post_form_with(&p.staff, &format!("/manage/contracts/{}/send", c.id), &[])
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let lead_email = grants::db::users::find(
        &mut conn(&app),
        &grants::db::applications::find(&mut conn(&app), &p.application)
            .unwrap()
            .unwrap()
            .created_by,
    )
    .unwrap()
    .unwrap()
    .email;
    let mail = app.wait_for_mail(&lead_email, "to countersign").await;
    assert!(mail.body.contains(&c.id));
    // Terms are frozen once sent.
    let res = prepare(&app, &p, &terms("100000", "90", "24")).await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    // The countersignature needs the confirmation, then fixes the schedule.
    countersign(&app, &p.lead, &c.id, false).await;
    assert_eq!(contract_of(&app, &p.application).status, "sent");
    assert_eq!(
        countersign(&app, &other, &c.id, true).await.status(),
        StatusCode::NOT_FOUND
    );
    countersign(&app, &p.lead, &c.id, true).await;
    let c = contract_of(&app, &p.application);
    assert_eq!(c.status, "active");
    let today = grants::domain::time::local_date(app.clock.now());
    assert_eq!(c.start_date, today.succ_opt());
    // PAY-01: EUR 101,115 over 24 months: 80% of the first year's 50,557.50, then the
    // second year's 50,557.50 (just within the 90% cap of 91,003.50), the balance.
    let tranches = grants::db::contracts::tranches_of(&mut conn(&app), &c.id).unwrap();
    let planned: Vec<i64> = tranches.iter().map(|t| t.planned_cents).collect();
    assert_eq!(planned, [4_044_600, 5_055_750, 1_011_150]);
    assert_eq!(tranches[0].due_on, Some(today + Duration::days(45)));
    let reports = grants::db::contracts::reports_of(&mut conn(&app), &c.id).unwrap();
    assert_eq!(reports.len(), 2);
    assert_eq!(
        reports[1].due_on,
        add_months(c.end_date.unwrap(), 3).unwrap()
    );
    // Payments: never more than the tranche; a further tranche waits for its report.
    let pay = |tranche: &'static str, amount: &'static str| {
        vec![
            ("tranche", tranche),
            ("amount", amount),
            ("paid_on", ""),
            // One payment order per tranche (a reference is recorded once).
            ("reference", if tranche == "1" { "PO-1" } else { "PO-2" }),
        ]
    };
    let today_s = today.to_string();
    let with_date = |mut f: Vec<(&'static str, &'static str)>| {
        f.retain(|(k, _)| *k != "paid_on");
        f
    };
    let payments = format!("/manage/contracts/{}/payments", c.id);
    let mut over = with_date(pay("1", "40446.01"));
    over.push(("paid_on", &today_s));
    app.post_form_with(&p.staff, &payments, &over).await;
    let mut early = with_date(pay("2", "1"));
    early.push(("paid_on", &today_s));
    app.post_form_with(&p.staff, &payments, &early).await;
    assert!(grants::db::contracts::payments_of(&mut conn(&app), &c.id)
        .unwrap()
        .is_empty());
    let view = body(app.get_with(&p.staff, &page).await).await;
    assert!(view.contains("not released yet"), "{view}");
    assert_eq!(
        app.post_form_with(&auditor, &payments, &over)
            .await
            .status(),
        StatusCode::FORBIDDEN
    );
    let mut exact = with_date(pay("1", "40446"));
    exact.push(("paid_on", &today_s));
    app.post_form_with(&p.staff, &payments, &exact).await;
    assert_eq!(
        grants::db::contracts::payments_of(&mut conn(&app), &c.id)
            .unwrap()
            .len(),
        1
    );
    // REP-01: the interim report needs its documents; staff approve; PAY-02 reduces the
    // tranche by the unspent part: 70% of 40,446 = 28,312.20 needed, 27,000 spent.
    let submit = format!("/contracts/{}/reports/1/submit", c.id);
    app.post_form_with(
        &p.lead,
        &submit,
        &[("summary", "Year one."), ("costs", "30000")],
    )
    .await;
    let r1 = &grants::db::contracts::reports_of(&mut conn(&app), &c.id).unwrap()[0];
    assert_eq!(r1.status, "due", "documents missing");
    upload_report_document(&app, &p.lead, &c.id, 1, "narrative").await;
    upload_report_document(&app, &p.lead, &c.id, 1, "financial").await;
    // REP-01: not before the period it covers has ended (the last day is too early).
    let period_end = r1.period_end;
    app.clock.freeze_at(noon(period_end));
    p.again(&app).await;
    app.post_form_with(
        &p.lead,
        &submit,
        &[("summary", "Year one."), ("costs", "30000")],
    )
    .await;
    let view = body(app.get_with(&p.lead, &page).await).await;
    assert!(
        view.contains(&format!(
            "it can be submitted from {}",
            period_end + Duration::days(1)
        )),
        "{view}"
    );
    app.clock.freeze_at(noon(period_end + Duration::days(1)));
    p.again(&app).await;
    app.post_form_with(
        &p.lead,
        &submit,
        &[("summary", "Year one."), ("costs", "30000")],
    )
    .await;
    let r1 = &grants::db::contracts::reports_of(&mut conn(&app), &c.id).unwrap()[0];
    assert_eq!(
        (r1.status.as_str(), r1.costs_cents),
        ("submitted", Some(3_000_000))
    );
    let decision = format!("/manage/contracts/{}/reports/1/decision", c.id);
    app.post_form_with(
        &p.staff,
        &decision,
        &[("decision", "information"), ("comment", "")],
    )
    .await;
    app.post_form_with(&p.staff, &decision, &[("decision", "approve")])
        .await;
    let t2 = &grants::db::contracts::tranches_of(&mut conn(&app), &c.id).unwrap()[1];
    assert_eq!(t2.payable_cents, Some(5_055_750 - 131_220));
    // SOD-01: the officer who approved the report does not record the tranche it
    // released; another officer does.
    let mut second = with_date(pay("2", "1000"));
    second.push(("paid_on", &today_s));
    let res = app.post_form_with(&p.staff, &payments, &second).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let view = body(app.get_with(&p.staff, &page).await).await;
    assert!(
        view.contains("another officer records its payment"),
        "{view}"
    );
    let paid = |app: &TestApp| {
        grants::db::contracts::payments_of(&mut conn(app), &c.id)
            .unwrap()
            .len()
    };
    assert_eq!(paid(&app), 1);
    let refused = grants::services::contracts::record_payment(
        &app.state,
        &crate::calls::staff(
            &grants::db::users::find_by_email(&mut conn(&app), &p.staff_email)
                .unwrap()
                .unwrap()
                .id,
            Role::Delegation,
        ),
        c.id.clone(),
        grants::services::contracts::PaymentInput {
            tranche: "2".into(),
            amount: "1000".into(),
            paid_on: today_s.clone(),
            reference: "PO-2".into(),
            kind: String::new(),
        },
    )
    .await;
    assert!(matches!(
        refused,
        Err(grants::error::AppError::Conflict(
            "error-sod-payment-approver"
        ))
    ));
    let (finance, _) = app.client_as(Role::Delegation).await;
    let res = app.post_form_with(&finance, &payments, &second).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(paid(&app), 2);
    let view = body(app.get_with(&p.lead, &page).await).await;
    assert!(
        view.contains("reduced by"),
        "the arithmetic is shown: {view}"
    );
    // Every version is kept.
    let versions = grants::db::contracts::versions_of(&mut conn(&app), &c.id).unwrap();
    let reasons: Vec<&str> = versions.iter().map(|v| v.reason.as_str()).collect();
    assert_eq!(reasons, ["prepared", "sent", "countersigned"]);
    crate::helpers::dump_page("contract", &view);
    if std::env::var("DUMP_PAGES").is_ok() {
        // The same pages in Kazakh and Russian, for the browser checks.
        for lang in ["kk", "ru"] {
            for (who, client) in [("staff", &p.staff), ("lead", &p.lead)] {
                app.post_form_with(client, "/language", &[("lang", lang), ("next", "/")])
                    .await;
                let html = body(app.get_with(client, &page).await).await;
                crate::helpers::dump_page(&format!("contract-{who}-{lang}"), &html);
                let list = body(app.get_with(client, "/contracts").await).await;
                crate::helpers::dump_page(&format!("contracts-{who}-{lang}"), &list);
            }
        }
    }
}

async fn signature_on_the_contracting_deadline_and_not_a_day_later(app: TestApp) {
    let p = parties(&app, "CALL-TL2").await;
    let deadline = add_months(p.programme_d, 36).unwrap();
    // TL-03: from the deadline, the action starts the next day and may last 24 months.
    app.clock.freeze_at(noon(deadline));
    p.again(&app).await;
    let res = prepare(&app, &p, &terms("101115", "90", "25")).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body(res).await.contains("after the operational phase"));
    let res = prepare(&app, &p, &terms("101115", "90", "24")).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let id = contract_of(&app, &p.application).id;
    // The last day of TL-02 in Almaty: sent at 23:59 local time.
    app.clock
        .freeze_at(day_start(deadline) + Duration::hours(23) + Duration::minutes(59));
    p.again(&app).await;
    app.post_form_with(&p.staff, &format!("/manage/contracts/{id}/send"), &[])
        .await;
    assert_eq!(contract_of(&app, &p.application).status, "sent");
    // The beneficiary's signature one day later is refused (TL-02, never extended).
    app.clock.freeze_at(noon(deadline + Duration::days(1)));
    p.again(&app).await;
    let res = countersign(&app, &p.lead, &id, true).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let page = body(app.get_with(&p.lead, &format!("/contracts/{id}")).await).await;
    assert!(page.contains("contracting deadline"), "{page}");
    assert_eq!(contract_of(&app, &p.application).status, "sent");
}

async fn countersignature_within_thirty_days(app: TestApp) {
    let p = parties(&app, "CALL-C30").await;
    let res = prepare(&app, &p, &terms("101115", "90", "12")).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let id = contract_of(&app, &p.application).id;
    let sent_on = grants::domain::time::local_date(app.clock.now());
    app.post_form_with(&p.staff, &format!("/manage/contracts/{id}/send"), &[])
        .await;
    assert_eq!(
        contract_of(&app, &p.application).countersign_by,
        Some(sent_on + Duration::days(30))
    );
    // Reminded once in the last 7 days, however often the watch runs.
    app.clock.freeze_at(noon(sent_on + Duration::days(23)));
    p.again(&app).await;
    for _ in 0..3 {
        grants::services::contracts::watch(&app.state)
            .await
            .unwrap();
    }
    assert_eq!(outbox_count(&app, "contract-countersign-reminder"), 1);
    // Day 31 is too late; day 30 is not.
    app.clock.freeze_at(noon(sent_on + Duration::days(31)));
    p.again(&app).await;
    countersign(&app, &p.lead, &id, true).await;
    assert_eq!(contract_of(&app, &p.application).status, "sent");
    app.clock.freeze_at(noon(sent_on + Duration::days(30)));
    p.again(&app).await;
    countersign(&app, &p.lead, &id, true).await;
    let c = contract_of(&app, &p.application);
    assert_eq!(c.status, "active");
    // PAY-01: twelve months get one pre-financing of 80% and the balance.
    let planned: Vec<i64> = grants::db::contracts::tranches_of(&mut conn(&app), &id)
        .unwrap()
        .iter()
        .map(|t| t.planned_cents)
        .collect();
    assert_eq!(planned, [8_089_200, 2_022_300]);
}

async fn the_watch_warns_once_then_terminates_a_contract_never_paid(app: TestApp) {
    let p = parties(&app, "CALL-C03").await;
    let id = running_contract(&app, &p, "24").await;
    let signed = grants::domain::time::local_date(
        contract_of(&app, &p.application).countersigned_at.unwrap(),
    );
    let ends = add_months(signed, 36).unwrap();
    // 31 days ahead: nothing; 30 days ahead: one warning, however many runs.
    app.clock.freeze_at(noon(ends - Duration::days(31)));
    p.again(&app).await;
    grants::services::contracts::watch(&app.state)
        .await
        .unwrap();
    assert_eq!(outbox_count(&app, "contract-no-payment-warning"), 0);
    app.clock.freeze_at(noon(ends - Duration::days(30)));
    p.again(&app).await;
    let runs = (0..4).map(|_| grants::services::contracts::watch(&app.state));
    for r in futures_util::future::join_all(runs).await {
        r.unwrap();
    }
    let warned = outbox_count(&app, "contract-no-payment-warning");
    assert!(warned >= 1);
    grants::services::contracts::watch(&app.state)
        .await
        .unwrap();
    assert_eq!(outbox_count(&app, "contract-no-payment-warning"), warned);
    // The day before, still running; on the day, terminated once with the reason.
    app.clock.freeze_at(noon(ends - Duration::days(1)));
    p.again(&app).await;
    grants::services::contracts::watch(&app.state)
        .await
        .unwrap();
    assert_eq!(contract_of(&app, &p.application).status, "active");
    app.clock.freeze_at(noon(ends));
    p.again(&app).await;
    let runs = (0..4).map(|_| grants::services::contracts::watch(&app.state));
    for r in futures_util::future::join_all(runs).await {
        r.unwrap();
    }
    let c = contract_of(&app, &p.application);
    assert_eq!(c.status, "terminated");
    assert!(c.end_reason.unwrap().contains("CON-03"));
    let versions = grants::db::contracts::versions_of(&mut conn(&app), &id).unwrap();
    assert_eq!(
        versions.iter().filter(|v| v.reason == "terminated").count(),
        1
    );
    use grants::db::schema::staff_reminders::dsl as r;
    let claimed: i64 = r::staff_reminders
        .filter(r::kind.eq("report_overdue"))
        .count()
        .get_result(&mut conn(&app))
        .unwrap();
    // Both reports (interim and final) were long overdue: each reminded once.
    assert_eq!(claimed, 2);
    assert!(outbox_count(&app, "contract-report-overdue") > 0);
}

async fn the_final_report_fixes_the_grant_and_the_contract_closes(app: TestApp) {
    let p = parties(&app, "CALL-FIN").await;
    let id = running_contract(&app, &p, "12").await;
    let today = grants::domain::time::local_date(app.clock.now()).to_string();
    let payments = format!("/manage/contracts/{id}/payments");
    app.post_form_with(
        &p.staff,
        &payments,
        &[
            ("tranche", "1"),
            ("amount", "80892"),
            ("paid_on", &today),
            ("reference", "PO-1"),
        ],
    )
    .await;
    // The final report (one report for a 12-month action) with its verification
    // (AUD-01: the grant exceeds EUR 100,000).
    let c = contract_of(&app, &p.application);
    let reports = grants::db::contracts::reports_of(&mut conn(&app), &id).unwrap();
    assert_eq!((reports.len(), reports[0].verification), (1, true));
    app.clock
        .freeze_at(noon(c.end_date.unwrap() + Duration::days(10)));
    p.again(&app).await;
    upload_report_document(&app, &p.lead, &id, 1, "narrative").await;
    upload_report_document(&app, &p.lead, &id, 1, "financial").await;
    let submit = format!("/contracts/{id}/reports/1/submit");
    let form = [("summary", "The action is done."), ("costs", "80000")];
    app.post_form_with(&p.lead, &submit, &form).await;
    assert_eq!(
        grants::db::contracts::reports_of(&mut conn(&app), &id).unwrap()[0].status,
        "due",
        "the verification report is missing"
    );
    upload_report_document(&app, &p.lead, &id, 1, "verification").await;
    app.post_form_with(&p.lead, &submit, &form).await;
    // CON-04: 90% of 80,000 = 72,000 < the maximum: 8,892 to recover.
    app.post_form_with(
        &p.staff,
        &format!("/manage/contracts/{id}/reports/1/decision"),
        &[("decision", "approve")],
    )
    .await;
    let c = contract_of(&app, &p.application);
    assert_eq!(c.final_grant_cents, Some(7_200_000));
    let close = format!("/manage/contracts/{id}/close");
    app.post_form_with(&p.staff, &close, &[]).await;
    assert_eq!(contract_of(&app, &p.application).status, "active");
    let now = grants::domain::time::local_date(app.clock.now()).to_string();
    app.post_form_with(
        &p.staff,
        &payments,
        &[
            ("kind", "recovery"),
            ("amount", "8892.01"),
            ("paid_on", &now),
            ("reference", "RO-1"),
        ],
    )
    .await;
    app.post_form_with(
        &p.staff,
        &payments,
        &[
            ("kind", "recovery"),
            ("amount", "8892"),
            ("paid_on", &now),
            ("reference", "RO-1"),
        ],
    )
    .await;
    app.post_form_with(&p.staff, &close, &[]).await;
    let c = contract_of(&app, &p.application);
    assert_eq!(c.status, "closed");
    // REC-01: kept 7 years after the final payment.
    let last = c.final_payment_on.unwrap();
    assert_eq!(c.keep_until, Some(add_months(last, 84).unwrap()));
    // TL-08: the auditor downloads the complete dossier and can change nothing.
    let (auditor, _) = app.client_as(Role::Auditor).await;
    let res = app
        .get_with(&auditor, &format!("/contracts/{id}/dossier.zip"))
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let bytes = res.bytes().await.unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes.to_vec())).unwrap();
    let names: Vec<String> = zip.file_names().map(str::to_string).collect();
    for expected in [
        "index.txt",
        "contract.json",
        "versions.json",
        "payments.json",
        "audit-events.json",
    ] {
        assert!(
            names.iter().any(|n| n == expected),
            "{expected} in {names:?}"
        );
    }
    assert!(names
        .iter()
        .any(|n| n.starts_with("documents/signed-contract/")));
    assert_eq!(
        names
            .iter()
            .filter(|n| n.starts_with("documents/report-1/"))
            .count(),
        3,
        "narrative, financial and verification"
    );
    let mut index = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("index.txt").unwrap(), &mut index).unwrap();
    assert!(
        index.contains("sha256") && index.contains("Records kept until"),
        "{index}"
    );
    let mut events = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("audit-events.json").unwrap(), &mut events)
        .unwrap();
    assert!(events.contains("contract.closed") && events.contains("contract.recovery_recorded"));
    assert_eq!(
        app.post_form_with(
            &auditor,
            &format!("/manage/contracts/{id}/terminate"),
            &[("reason", "x"), ("confirm", "yes")]
        )
        .await
        .status(),
        StatusCode::FORBIDDEN
    );
}

async fn parallel_payments_never_exceed_the_tranche(app: TestApp) {
    let p = parties(&app, "CALL-PAR").await;
    let id = running_contract(&app, &p, "12").await;
    let staff_id = app
        .create_user("contracts-staff@example.kz", Role::Delegation)
        .await;
    let staff = grants::services::Actor {
        user_id: Some(staff_id),
        email: Some("contracts-staff@example.kz".into()),
        role: Some(Role::Delegation),
        client_ip: None,
    };
    let today = grants::domain::time::local_date(app.clock.now()).to_string();
    let runs = (0..8).map(|i| {
        grants::services::contracts::record_payment(
            &app.state,
            &staff,
            id.clone(),
            grants::services::contracts::PaymentInput {
                tranche: "1".into(),
                amount: "50000".into(),
                paid_on: today.clone(),
                reference: format!("PO-{i}"),
                kind: String::new(),
            },
        )
    });
    let results = futures_util::future::join_all(runs).await;
    assert_eq!(results.iter().filter(|r| r.is_ok()).count(), 1);
    let paid: i64 = grants::db::contracts::payments_of(&mut conn(&app), &id)
        .unwrap()
        .iter()
        .map(|p| p.amount_cents)
        .sum();
    assert_eq!(paid, 5_000_000);
}

async fn the_api_prepares_sends_and_reads_contracts_with_the_same_rules(app: TestApp) {
    let p = parties(&app, "CALL-API").await;
    let staff = crate::account_security::token_of(&app, &p.staff_email, PASSWORD).await;
    let lead = crate::account_security::token_of(&app, &p.lead_email, PASSWORD).await;
    let api = new_client();
    let post = |path: String, token: String, json: serde_json::Value| {
        let api = api.clone();
        let url = app.url(&path);
        async move {
            api.post(url)
                .bearer_auth(token)
                .json(&json)
                .send()
                .await
                .unwrap()
        }
    };
    let prepare = format!("/api/v1/awards/{}/contract", p.application);
    let res = post(
        prepare.clone(),
        staff.clone(),
        serde_json::json!({"number": "API/1", "max_eu": "101115.01", "eu_share": "90", "duration": "12"}),
    )
    .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let problem: serde_json::Value = res.json().await.unwrap();
    assert_eq!(problem["errors"][0]["field"], "max_eu", "{problem}");
    // Hostile input: a NUL byte, an amount beyond any budget, a far date, an unknown award.
    for bad in [
        serde_json::json!({"number": "API\u{0}1", "max_eu": "101115", "eu_share": "90", "duration": "12"}),
        serde_json::json!({"number": "API/1", "max_eu": "99999999999999999999", "eu_share": "90", "duration": "12"}),
        serde_json::json!({"number": "API/1", "max_eu": "101115", "eu_share": "90", "duration": "4294967297"}),
        serde_json::json!({"number": "API/1", "max_eu": "101115", "eu_share": "90", "duration": "12", "agreed_start": "9999-12-31"}),
    ] {
        let res = post(prepare.clone(), staff.clone(), bad.clone()).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "{bad}");
    }
    let res = post(
        "/api/v1/awards/00000000-0000-0000-0000-000000000000/contract".into(),
        staff.clone(),
        serde_json::json!({"number": "API/1", "max_eu": "101115", "eu_share": "90", "duration": "12"}),
    )
    .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    // The beneficiary cannot prepare its own contract.
    let res = post(
        prepare.clone(),
        lead.clone(),
        serde_json::json!({"number": "API/1", "max_eu": "101115", "eu_share": "90", "duration": "12"}),
    )
    .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let res = post(
        prepare.clone(),
        staff.clone(),
        serde_json::json!({"number": "API/1", "max_eu": "101115", "eu_share": "90", "duration": "12"}),
    )
    .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let c: serde_json::Value = res.json().await.unwrap();
    let id = c["id"].as_str().unwrap().to_string();
    assert_eq!(
        (c["status"].as_str(), c["max_eu_cents"].as_i64()),
        (Some("draft"), Some(10_111_500))
    );
    let res = post(
        format!("/api/v1/contracts/{id}/send"),
        staff.clone(),
        serde_json::json!({}),
    )
    .await;
    assert_eq!(res.status(), StatusCode::OK);
    // Sending twice is a conflict.
    let res = post(
        format!("/api/v1/contracts/{id}/send"),
        staff.clone(),
        serde_json::json!({}),
    )
    .await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    // The beneficiary reads its contract; another organisation's member gets 404.
    let mine: serde_json::Value = api
        .get(app.url(&format!("/api/v1/contracts/{id}")))
        .bearer_auth(&lead)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(mine["status"], "sent");
    assert_eq!(mine["versions"].as_array().unwrap().len(), 2);
    let listed: serde_json::Value = api
        .get(app.url("/api/v1/contracts"))
        .bearer_auth(&lead)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(listed.as_array().unwrap().len(), 1);
    let stranger_email = "stranger@api.example.kz";
    app.create_user(stranger_email, Role::Applicant).await;
    let stranger = crate::account_security::token_of(&app, stranger_email, PASSWORD).await;
    let res = api
        .get(app.url(&format!("/api/v1/contracts/{id}")))
        .bearer_auth(&stranger)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let listed: serde_json::Value = api
        .get(app.url("/api/v1/contracts"))
        .bearer_auth(&stranger)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(listed.as_array().unwrap().len(), 0);
    // Countersigned on the page, then paid through the API within the tranche.
    countersign(&app, &p.lead, &id, true).await;
    let today = grants::domain::time::local_date(app.clock.now()).to_string();
    let res = post(
        format!("/api/v1/contracts/{id}/payments"),
        staff.clone(),
        serde_json::json!({"tranche": "1", "amount": "80892.01", "paid_on": today, "reference": "PO-9"}),
    )
    .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let res = post(
        format!("/api/v1/contracts/{id}/payments"),
        staff.clone(),
        serde_json::json!({"tranche": "1", "amount": "80892", "paid_on": today, "reference": "PO-9"}),
    )
    .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let c: serde_json::Value = res.json().await.unwrap();
    assert_eq!(c["tranches"][0]["paid_cents"], 8_089_200);
    assert_eq!(c["tranches"][1]["payable_cents"], serde_json::Value::Null);
    // Amendments: a transfer within the threshold is notified at once; an addendum waits.
    let res = post(
        format!("/api/v1/contracts/{id}/amendments"),
        lead.clone(),
        serde_json::json!({"kind": "transfer", "from": "1", "to": "3", "amount": "6000", "description": "Drills."}),
    )
    .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let c: serde_json::Value = res.json().await.unwrap();
    assert_eq!(c["amendments"][0]["status"], "notified");
    assert_eq!(c["headings_cents"][2], 4_600_000);
    let on_time =
        (grants::domain::time::local_date(app.clock.now()) + Duration::days(30)).to_string();
    // One rule for every body: an unknown field is refused, nothing recorded; a request to
    // raise the maximum grant is refused when it is made (AMD-01).
    for (path, body) in [
        (
            format!("/api/v1/contracts/{id}/amendments"),
            serde_json::json!({"kind": "other", "effective_on": on_time, "description": "More.", "maximum": "200000"}),
        ),
        (
            format!("/api/v1/contracts/{id}/payments"),
            serde_json::json!({"tranche": "1", "amount": "1", "paid_on": today, "reference": "PO-X", "approved": true}),
        ),
        (
            prepare.clone(),
            serde_json::json!({"number": "API/9", "max_eu": "1", "eu_share": "90", "duration": "12", "status": "active"}),
        ),
    ] {
        let res = post(
            path.clone(),
            if path.contains("amendments") {
                lead.clone()
            } else {
                staff.clone()
            },
            body,
        )
        .await;
        assert_eq!(res.status(), StatusCode::BAD_REQUEST, "{path}");
    }
    let res = post(
        format!("/api/v1/contracts/{id}/amendments"),
        lead.clone(),
        serde_json::json!({"kind": "other", "effective_on": on_time, "description": "More.", "max_eu": "200000"}),
    )
    .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let problem: serde_json::Value = res.json().await.unwrap();
    assert_eq!(
        problem["errors"][0]["code"], "error-addendum-raises-grant",
        "{problem}"
    );
    let res = post(
        format!("/api/v1/contracts/{id}/amendments"),
        lead.clone(),
        serde_json::json!({"kind": "other", "effective_on": on_time, "description": "New partner."}),
    )
    .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let res = post(
        format!("/api/v1/contracts/{id}/amendments/2/decision"),
        lead.clone(),
        serde_json::json!({"approve": true}),
    )
    .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let res = post(
        format!("/api/v1/contracts/{id}/amendments/2/decision"),
        staff.clone(),
        serde_json::json!({"approve": false}),
    )
    .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let res = post(
        format!("/api/v1/contracts/{id}/amendments/2/decision"),
        staff.clone(),
        serde_json::json!({"approve": true}),
    )
    .await;
    assert_eq!(res.status(), StatusCode::OK);
    let c: serde_json::Value = res.json().await.unwrap();
    assert_eq!(c["amendments"][1]["status"], "approved");
}

async fn amendments_keep_their_notice_and_transfers_count_cumulatively(app: TestApp) {
    let p = parties(&app, "CALL-AMD").await;
    let id = running_contract(&app, &p, "24").await;
    let c = contract_of(&app, &p.application);
    assert_eq!(
        c.headings, "[6000000,0,4000000,0,0,0]",
        "headings 1–6 as signed"
    );
    let today = grants::domain::time::local_date(app.clock.now());
    let amend = format!("/contracts/{id}/amendments");
    let count = |app: &TestApp| {
        grants::db::contracts::amendments_of(&mut conn(app), &id)
            .unwrap()
            .into_iter()
            .map(|a| a.status)
            .collect::<Vec<_>>()
    };
    // AMD-02: 15% of the smaller heading (40,000) is a notification, applied at once.
    app.post_form_with(
        &p.lead,
        &amend,
        &[
            ("kind", "transfer"),
            ("from", "1"),
            ("to", "3"),
            ("amount", "6000"),
            ("description", "More drills."),
        ],
    )
    .await;
    assert_eq!(count(&app), ["notified"]);
    assert_eq!(
        contract_of(&app, &p.application).headings,
        "[5400000,0,4600000,0,0,0]"
    );
    // One cent more, counted with the first: an addendum, which needs 30 days' notice.
    let early = (today + Duration::days(29)).to_string();
    let on_time = (today + Duration::days(30)).to_string();
    app.post_form_with(
        &p.lead,
        &amend,
        &[
            ("kind", "transfer"),
            ("from", "1"),
            ("to", "3"),
            ("amount", "0.01"),
            ("effective_on", &early),
            ("description", "One cent."),
        ],
    )
    .await;
    assert_eq!(count(&app), ["notified"], "refused: 29 days' notice");
    app.post_form_with(
        &p.lead,
        &amend,
        &[
            ("kind", "transfer"),
            ("from", "1"),
            ("to", "3"),
            ("amount", "0.01"),
            ("effective_on", &on_time),
            ("description", "One cent."),
        ],
    )
    .await;
    assert_eq!(count(&app), ["notified", "requested"]);
    // AMD-01: an extension within 48 months and the operational phase.
    let end = c.end_date.unwrap();
    let start = c.start_date.unwrap();
    let too_long = (add_months(start, 48).unwrap()).to_string();
    app.post_form_with(
        &p.lead,
        &amend,
        &[
            ("kind", "extension"),
            ("new_end", &too_long),
            ("effective_on", &on_time),
            ("description", "Longer."),
        ],
    )
    .await;
    assert_eq!(count(&app).len(), 2, "49 months refused");
    let longest = (add_months(start, 48).unwrap() - Duration::days(1)).to_string();
    app.post_form_with(
        &p.lead,
        &amend,
        &[
            ("kind", "extension"),
            ("new_end", &longest),
            ("effective_on", &on_time),
            ("description", "Longer."),
        ],
    )
    .await;
    assert_eq!(count(&app), ["notified", "requested", "requested"]);
    let decide = |n: &str| format!("/manage/contracts/{id}/amendments/{n}/decision");
    app.post_form_with(
        &p.staff,
        &decide("2"),
        &[("decision", "reject"), ("comment", "")],
    )
    .await;
    assert_eq!(count(&app)[1], "requested", "a rejection needs its reason");
    app.post_form_with(
        &p.staff,
        &decide("2"),
        &[("decision", "reject"), ("comment", "No.")],
    )
    .await;
    app.post_form_with(&p.staff, &decide("3"), &[("decision", "approve")])
        .await;
    assert_eq!(count(&app), ["notified", "rejected", "approved"]);
    let c = contract_of(&app, &p.application);
    assert_eq!(
        (c.end_date, c.duration_months, c.max_eu_cents),
        (
            Some(add_months(start, 48).unwrap() - Duration::days(1)),
            48,
            10_111_500
        )
    );
    let last = grants::db::contracts::reports_of(&mut conn(&app), &id)
        .unwrap()
        .pop()
        .unwrap();
    assert_eq!(last.due_on, add_months(c.end_date.unwrap(), 3).unwrap());
    assert!(end < c.end_date.unwrap());
    // Suspension for 10 days extends the end by 10 days.
    let suspension = format!("/manage/contracts/{id}/suspension");
    app.post_form_with(
        &p.staff,
        &suspension,
        &[("action", "suspend"), ("reason", "Floods.")],
    )
    .await;
    assert_eq!(contract_of(&app, &p.application).status, "suspended");
    app.clock.freeze_at(noon(today + Duration::days(10)));
    p.again(&app).await;
    app.post_form_with(&p.staff, &suspension, &[("action", "resume")])
        .await;
    let resumed = contract_of(&app, &p.application);
    assert_eq!(resumed.status, "active");
    assert_eq!(resumed.suspended_days, 10);
    assert_eq!(
        resumed.end_date,
        Some(c.end_date.unwrap() + Duration::days(10))
    );
    let reasons: Vec<String> = grants::db::contracts::versions_of(&mut conn(&app), &id)
        .unwrap()
        .into_iter()
        .map(|v| v.reason)
        .collect();
    assert_eq!(
        reasons,
        [
            "prepared",
            "sent",
            "countersigned",
            "transfer_notified",
            "addendum",
            "suspended",
            "resumed"
        ]
    );
    let page = body(app.get_with(&p.lead, &format!("/contracts/{id}")).await).await;
    assert!(
        page.contains("Budget transfer notified") && page.contains("Transfer of"),
        "{page}"
    );
    crate::helpers::dump_page("contract-amendments", &page);
}

async fn monitoring_shows_the_money_against_the_envelopes_and_exports_it(app: TestApp) {
    let p = parties(&app, "CALL-MON").await;
    let id = running_contract(&app, &p, "12").await;
    let today = grants::domain::time::local_date(app.clock.now()).to_string();
    app.post_form_with(
        &p.staff,
        &format!("/manage/contracts/{id}/payments"),
        &[
            ("tranche", "1"),
            ("amount", "80892"),
            ("paid_on", &today),
            ("reference", "PO-1"),
        ],
    )
    .await;
    let programme = contract_of(&app, &p.application).programme_id;
    let page = body(
        app.get_with(
            &p.staff,
            &format!("/manage/programmes/{programme}/monitoring"),
        )
        .await,
    )
    .await;
    // Awarded and contracted 101,115; paid 80,892; 20,223 still to pay.
    for figure in [
        "EUR 101,115",
        "EUR 80,892",
        "EUR 20,223",
        "1550 women",
        "<svg",
        "KAZLOD/2027/001",
    ] {
        assert!(page.contains(figure), "{figure} on the dashboard: {page}");
    }
    crate::helpers::dump_page("monitoring", &page);
    if std::env::var("DUMP_PAGES").is_ok() {
        for lang in ["kk", "ru"] {
            app.post_form_with(&p.staff, "/language", &[("lang", lang), ("next", "/")])
                .await;
            let html = body(
                app.get_with(
                    &p.staff,
                    &format!("/manage/programmes/{programme}/monitoring"),
                )
                .await,
            )
            .await;
            crate::helpers::dump_page(&format!("monitoring-{lang}"), &html);
        }
        app.post_form_with(&p.staff, "/language", &[("lang", "en"), ("next", "/")])
            .await;
    }
    let xlsx = app
        .get_with(
            &p.staff,
            &format!("/manage/programmes/{programme}/monitoring.xlsx"),
        )
        .await;
    assert_eq!(xlsx.status(), StatusCode::OK);
    assert!(xlsx.bytes().await.unwrap().starts_with(b"PK"));
    let iati = body(
        app.get_with(
            &p.staff,
            &format!("/manage/programmes/{programme}/iati.xml"),
        )
        .await,
    )
    .await;
    assert!(iati.contains("<iati-activities version=\"2.03\""), "{iati}");
    assert!(iati.contains("<iati-identifier>XI-IATI-EC_INTPA-KAZLOD-2027-001</iati-identifier>"));
    assert!(
        iati.contains(">101115.00</value>") && iati.contains(">80892.00</value>"),
        "{iati}"
    );
    // The beneficiary does not see the programme's monitoring.
    assert_eq!(
        app.get_with(
            &p.lead,
            &format!("/manage/programmes/{programme}/monitoring")
        )
        .await
        .status(),
        StatusCode::FORBIDDEN
    );
}

/// Prepares, sends and countersigns the contract of `application` through the services;
/// pays its first tranche twice in part.
async fn contract_with_payments(
    app: &TestApp,
    staff: &grants::services::Actor,
    application: &str,
    number: &str,
) {
    use grants::services::contracts as svc;
    let id = svc::save_terms(
        &app.state,
        staff,
        application.to_string(),
        svc::TermsInput {
            number: number.into(),
            max_eu: "100000".into(),
            eu_share: "90".into(),
            duration: "12".into(),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    svc::send(&app.state, staff, id.clone()).await.unwrap();
    let a = grants::db::applications::find(&mut conn(app), application)
        .unwrap()
        .unwrap();
    let lead = grants::db::users::find(&mut conn(app), &a.created_by)
        .unwrap()
        .unwrap();
    let beneficiary = grants::services::Actor {
        user_id: Some(lead.id),
        email: Some(lead.email),
        role: Some(Role::Applicant),
        client_ip: None,
    };
    let upload = grants::services::uploads::check(
        grants::domain::attachments::Purpose::SignedContract,
        "signed.pdf",
        grants::services::demo::minimal_pdf(&["signed"]),
    )
    .unwrap();
    svc::countersign(&app.state, &beneficiary, id.clone(), upload)
        .await
        .unwrap();
    let today = grants::domain::time::local_date(app.clock.now()).to_string();
    for (i, amount) in ["30000", "20000"].into_iter().enumerate() {
        svc::record_payment(
            &app.state,
            staff,
            id.clone(),
            svc::PaymentInput {
                tranche: "1".into(),
                amount: amount.into(),
                paid_on: today.clone(),
                reference: format!("PO-{number}-{i}"),
                kind: String::new(),
            },
        )
        .await
        .unwrap();
    }
}

async fn the_dashboard_runs_the_same_queries_for_one_contract_or_two(app: TestApp) {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;
    let (call, applications, staff, s) =
        crate::award::two_scored_applications(&app, "CALL-QRY", ["08014000123", "08014000124"], 4)
            .await;
    for a in &applications {
        crate::award::supporting_documents_checked(&app, &s, &call, a, true).await;
    }
    grants::services::award::submit_report(&app.state, &s.chair.actor, call.clone())
        .await
        .unwrap();
    grants::services::award::decide_report(&app.state, &staff, call.clone(), true, String::new())
        .await
        .unwrap();
    let programme = grants::db::calls::find(&mut conn(&app), &call)
        .unwrap()
        .unwrap()
        .programme_id;
    let today = grants::domain::time::local_date(app.clock.now());
    let mut counts = Vec::new();
    for (i, application) in applications.iter().enumerate() {
        contract_with_payments(&app, &staff, application, &format!("QRY/{i}")).await;
        let count = Arc::new(AtomicUsize::new(0));
        let mut c = conn(&app);
        c.set_instrumentation(crate::received::Counter(count.clone()));
        let m = grants::services::monitoring::load(&mut c, &programme, today).unwrap();
        c.set_instrumentation(crate::received::Counter(Arc::new(AtomicUsize::new(0))));
        assert_eq!(m.contracts.len(), i + 1);
        assert_eq!(
            m.total.paid,
            grants::domain::money::Money::euros(50_000 * (i as i64 + 1))
        );
        counts.push(count.load(Ordering::SeqCst));
    }
    assert_eq!(counts[0], counts[1], "no query per contract or payment");
    assert!(counts[0] <= 15, "{counts:?}");
}

async fn the_watch_warns_once_three_days_before_applicants_must_be_told(app: TestApp) {
    let (_call, _application, _lead, _staff) = approved_award(&app, "CALL-N01").await;
    let decided_on = grants::domain::time::local_date(app.clock.now());
    // NOT-01: the successful applicant is due by the 15th day; the warning comes 3 days
    // before, once.
    app.clock.freeze_at(noon(decided_on + Duration::days(11)));
    grants::services::contracts::watch(&app.state)
        .await
        .unwrap();
    assert_eq!(outbox_count(&app, "notice-due"), 0);
    app.clock.freeze_at(noon(decided_on + Duration::days(12)));
    grants::services::contracts::watch(&app.state)
        .await
        .unwrap();
    let warned = outbox_count(&app, "notice-due");
    assert!(warned >= 1);
    grants::services::contracts::watch(&app.state)
        .await
        .unwrap();
    app.clock.freeze_at(noon(decided_on + Duration::days(14)));
    grants::services::contracts::watch(&app.state)
        .await
        .unwrap();
    assert_eq!(outbox_count(&app, "notice-due"), warned);
}

/// CON-02: sent with an agreed start, countersigned on that very day: the action starts
/// the next day (it was refused as "start early"); the page says so beforehand.
async fn an_agreed_start_that_has_come_moves_to_the_next_day(app: TestApp) {
    let p = parties(&app, "CALL-CO2").await;
    let today = grants::domain::time::local_date(app.clock.now());
    let agreed = today + Duration::days(9);
    let mut fields = terms("101115", "90", "24");
    let agreed_s = agreed.to_string();
    fields.push(("agreed_start", agreed_s.as_str()));
    let res = prepare(&app, &p, &fields).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let id = contract_of(&app, &p.application).id;
    app.post_form_with(&p.staff, &format!("/manage/contracts/{id}/send"), &[])
        .await;
    assert_eq!(contract_of(&app, &p.application).status, "sent");
    app.clock.freeze_at(noon(agreed));
    p.again(&app).await;
    let page = body(app.get_with(&p.lead, &format!("/contracts/{id}")).await).await;
    assert!(
        page.contains("has come: countersigned today, the action starts on"),
        "{page}"
    );
    let res = countersign(&app, &p.lead, &id, true).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let c = contract_of(&app, &p.application);
    assert_eq!(c.status, "active");
    assert_eq!(c.start_date, Some(agreed + Duration::days(1)));
}

/// TL-03, CON-02: the refusal of a duration ending after D + 60 months names the longest
/// that still fits.
async fn a_duration_ending_too_late_is_refused_with_the_longest_that_fits(app: TestApp) {
    let other = parties(&app, "CALL-CO3").await;
    let d60 = add_months(other.programme_d, 60).unwrap();
    app.clock
        .freeze_at(noon(add_months(other.programme_d, 36).unwrap()));
    other.again(&app).await;
    let res = prepare(&app, &other, &terms("101115", "90", "30")).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = body(res).await;
    let longest = (1..=48u32)
        .rev()
        .find(|m| {
            grants::domain::contracts::end_date(
                grants::domain::time::local_date(app.clock.now()) + Duration::days(1),
                *m,
            )
            .is_ok_and(|e| e <= d60)
        })
        .unwrap();
    assert!(
        html.contains(&format!(
            "the longest duration possible is {longest} months"
        )),
        "{html}"
    );
}

/// AMD-01, TL-03: a contract ending on the last day of the operational phase is suspended
/// for 61 days; the page says beforehand that none of them can be added, and resuming
/// says so (it said "the end date is extended" and moved it by 0 days).
async fn resuming_says_by_how_much_the_end_moves_and_what_the_operational_phase_cuts(app: TestApp) {
    let p = parties(&app, "CALL-RES").await;
    let deadline = add_months(p.programme_d, 36).unwrap();
    app.clock.freeze_at(noon(deadline));
    p.again(&app).await;
    let id = running_contract(&app, &p, "24").await;
    let end = contract_of(&app, &p.application).end_date.unwrap();
    assert_eq!(end, add_months(p.programme_d, 60).unwrap());
    let suspension = format!("/manage/contracts/{id}/suspension");
    app.post_form_with(
        &p.staff,
        &suspension,
        &[("action", "suspend"), ("reason", "Floods.")],
    )
    .await;
    app.clock.freeze_at(noon(deadline + Duration::days(61)));
    p.again(&app).await;
    let page = body(app.get_with(&p.staff, &format!("/contracts/{id}")).await).await;
    assert!(
        page.contains("could move by only 0 of the 61 days suspended")
            && page.contains("61 days would be lost"),
        "{page}"
    );
    app.post_form_with(&p.staff, &suspension, &[("action", "resume")])
        .await;
    let page = body(app.get_with(&p.staff, &format!("/contracts/{id}")).await).await;
    assert!(
        page.contains("after 61 days of suspension, but the end cannot move past")
            && page.contains("61 days of the suspension are lost"),
        "{page}"
    );
    let c = contract_of(&app, &p.application);
    assert_eq!((c.status.as_str(), c.end_date), ("active", Some(end)));
}
