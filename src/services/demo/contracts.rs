//! The pilot phase's grant contracts, one in every state the workflow has (CON-01…04,
//! PAY-01/02, REP-01, AMD-01/02): active with a further tranche released by the 70%
//! rule and its second report waiting; closed with its final report and a recovery;
//! active with an approved extension, a notified budget transfer and a report whose
//! information was asked; suspended; terminated by the Delegation; sent and waiting for
//! the countersignature; and an award still waiting for its contract.

use chrono::{NaiveDate, NaiveDateTime};

use super::past::{Applications, PLANS};
use super::people::organisation;
use super::writing::Proposal;
use super::{almaty, at, days, failed, months_after, pdf, Cast, DemoReport};
use crate::db::contracts as q;
use crate::domain::money::Money;
use crate::error::AppResult;
use crate::services::contracts::{
    self as service, AmendmentInput, PaymentInput, ReportDecision, TermsInput,
};
use crate::services::Actor;
use crate::state::AppState;

/// Where each awarded proposal's contract ends up.
const WAYS: [(&str, Way); 7] = [
    ("kcwa", Way::Tranches),
    ("myic", Way::Closed),
    ("aktau", Way::Amended),
    ("ekrwu", Way::Suspended),
    ("cssc", Way::Terminated),
    ("asfc", Way::Sent),
    ("kalsg", Way::Waiting),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Way {
    Tranches,
    Closed,
    Amended,
    Suspended,
    Terminated,
    Sent,
    Waiting,
}

pub async fn load(
    state: &AppState,
    cast: &Cast,
    apps: &Applications,
    awarded_on: NaiveDate,
    today: NaiveDate,
    report: &mut DemoReport,
) -> AppResult<()> {
    let mut made = Vec::new();
    for (n, (key, way)) in WAYS.into_iter().enumerate() {
        let application = apps.id(key)?.clone();
        let plan = PLANS
            .iter()
            .find(|p| p.key == key)
            .ok_or_else(|| failed("plan"))?;
        let p = Proposal {
            org: organisation(key),
            eu_euros: plan.eu,
            months: plan.months,
        };
        let number = format!("KZ-PP/{}/{:03}", awarded_on.format("%Y"), n + 1);
        let owner = cast.owner(key)?.clone();
        let c = Contract {
            state,
            cast,
            owner: &owner,
            number: &number,
        };
        let signed = days(awarded_on, 12 + n as i64);
        match way {
            Way::Waiting => continue,
            Way::Sent => {
                let id = c
                    .prepare(&application, &p, almaty(days(today, -14), 11, 0))
                    .await?;
                c.send(&id, almaty(days(today, -10), 15, 0)).await?;
            }
            Way::Tranches => {
                let id = c.running(&application, &p, awarded_on, signed).await?;
                // PAY-02: 62,000 of costs in the first year, more than 70% of the
                // pre-financing: the second tranche is released in full.
                c.first_year(&id, signed, "62000", 25).await?;
                let second = period_end(signed, 24)?;
                c.report(&id, 2, "131000", days(second, 25).min(days(today, -5)))
                    .await?;
            }
            Way::Closed => {
                let id = c.running(&application, &p, awarded_on, signed).await?;
                c.pay(&id, 1, almaty(days(signed, 20), 11, 0)).await?;
                let end = period_end(signed, 12)?;
                // CON-04: 85,000 of accepted costs at 89.99% is less than the 80,000
                // paid in pre-financing: the difference is recovered.
                c.report(&id, 1, "85000", days(end, 40)).await?;
                c.approve(&id, 1, None, days(end, 60)).await?;
                c.recover(&id, almaty(days(end, 80), 11, 0)).await?;
                at(state, almaty(days(end, 85), 10, 0));
                service::close(state, &cast.delegation, id).await?;
            }
            Way::Amended => {
                let id = c.running(&application, &p, awarded_on, signed).await?;
                c.first_year(&id, signed, "58000", 30).await?;
                // AMD-01: an extension asked 40 days ahead and approved by an addendum.
                let end = c.end_of(&id).await?;
                let number = c
                    .amend(
                        &id,
                        AmendmentInput {
                            kind: "extension".into(),
                            effective_on: days(today, -50).to_string(),
                            new_end: months_after(end, 3)?.to_string(),
                            description: "The akimat's new service desks open three months \
                                          later than planned: the building permit came late."
                                .into(),
                            ..AmendmentInput::default()
                        },
                        almaty(days(today, -90), 10, 0),
                    )
                    .await?;
                at(state, almaty(days(today, -84), 15, 0));
                service::decide_amendment(
                    state,
                    &cast.delegation,
                    id.clone(),
                    number,
                    true,
                    "Approved: addendum 1 signed.".into(),
                )
                .await?;
                // AMD-02: a transfer within 15% of both headings is only notified.
                c.amend(
                    &id,
                    AmendmentInput {
                        kind: "transfer".into(),
                        from: "3".into(),
                        to: "1".into(),
                        amount: "4000".into(),
                        description: "Less equipment is needed; a second coordinator is.".into(),
                        ..AmendmentInput::default()
                    },
                    almaty(days(today, -30), 10, 0),
                )
                .await?;
                // REP-01: the second report is in; staff ask for more information.
                c.report(&id, 2, "112000", days(today, -45)).await?;
                at(state, almaty(days(today, -20), 16, 0));
                service::decide_report(
                    state,
                    &cast.delegation,
                    id,
                    2,
                    ReportDecision::RequestInformation {
                        comment: "Please add the attendance lists of the public reviews in \
                                  Aktau's 5th and 12th microdistricts."
                            .into(),
                    },
                )
                .await?;
            }
            Way::Suspended => {
                let id = c.running(&application, &p, awarded_on, signed).await?;
                c.first_year(&id, signed, "47000", 20).await?;
                at(state, almaty(days(today, -15), 10, 0));
                service::suspend_or_resume(
                    state,
                    &cast.delegation,
                    id,
                    true,
                    "Floods in the Zaisan district: the workshops cannot be held until the \
                     roads reopen."
                        .into(),
                )
                .await?;
            }
            Way::Terminated => {
                let id = c.running(&application, &p, awarded_on, signed).await?;
                c.pay(&id, 1, almaty(days(signed, 25), 11, 0)).await?;
                at(state, almaty(months_after(signed, 9)?, 10, 0));
                service::terminate(
                    state,
                    &cast.delegation,
                    id,
                    "The centre's registration was suspended by court decision; the \
                     contract ends under article 12 of the general conditions and the \
                     unspent pre-financing is to be recovered."
                        .into(),
                )
                .await?;
            }
        }
        made.push(format!("{number} ({})", organisation(key).acronym));
    }
    report.lines.push(format!(
        "contracts of the pilot phase: {} (one award still waits for its contract)",
        made.join(", ")
    ));
    Ok(())
}

/// The last day of the `months`-month period of an action countersigned on `signed`.
fn period_end(signed: NaiveDate, months: u32) -> AppResult<NaiveDate> {
    Ok(days(months_after(days(signed, 1), months)?, -1))
}

struct Contract<'a> {
    state: &'a AppState,
    cast: &'a Cast,
    owner: &'a Actor,
    number: &'a str,
}

impl Contract<'_> {
    async fn prepare(
        &self,
        application: &str,
        p: &Proposal,
        when: NaiveDateTime,
    ) -> AppResult<String> {
        at(self.state, when);
        let bp = p.eu_share_bp();
        service::save_terms(
            self.state,
            &self.cast.delegation,
            application.into(),
            TermsInput {
                number: self.number.into(),
                max_eu: p.eu().format_plain(),
                eu_share: format!("{}.{:02}", bp / 100, bp % 100),
                duration: p.months.to_string(),
                ..TermsInput::default()
            },
        )
        .await
    }

    async fn send(&self, id: &str, when: NaiveDateTime) -> AppResult<()> {
        at(self.state, when);
        service::send(self.state, &self.cast.delegation, id.into()).await?;
        Ok(())
    }

    /// Prepared a few days after the award, sent, countersigned on `signed`.
    async fn running(
        &self,
        application: &str,
        p: &Proposal,
        awarded_on: NaiveDate,
        signed: NaiveDate,
    ) -> AppResult<String> {
        let id = self
            .prepare(application, p, almaty(days(awarded_on, 3), 11, 0))
            .await?;
        self.send(&id, almaty(days(awarded_on, 6), 15, 0)).await?;
        at(self.state, almaty(signed, 12, 0));
        let file = pdf(
            "contract-countersigned.pdf",
            &["Grant contract, countersigned", self.number],
        )?;
        service::countersign(self.state, self.owner, id.clone(), file).await?;
        Ok(id)
    }

    /// The first year of a long action: pre-financing paid, the first interim report
    /// (with `costs` incurred) submitted `report_after` days after the period's end,
    /// approved two weeks later, the further tranche it releases paid ten days after.
    async fn first_year(
        &self,
        id: &str,
        signed: NaiveDate,
        costs: &str,
        report_after: i64,
    ) -> AppResult<()> {
        self.pay(id, 1, almaty(days(signed, 20), 11, 0)).await?;
        let first = period_end(signed, 12)?;
        self.report(id, 1, costs, days(first, report_after)).await?;
        self.approve(id, 1, None, days(first, report_after + 15))
            .await?;
        self.pay(id, 2, almaty(days(first, report_after + 25), 11, 0))
            .await
    }

    /// The finance officer pays what the tranche at `position` still owes (PAY-01/02).
    async fn pay(&self, id: &str, position: i32, when: NaiveDateTime) -> AppResult<()> {
        let owed = {
            let id = id.to_string();
            self.state
                .db(move |conn| {
                    let t = q::tranches_of(conn, &id)?
                        .into_iter()
                        .find(|t| t.position == position)
                        .ok_or_else(|| failed("no such tranche"))?;
                    let paid = service::paid_on_tranche(&q::payments_of(conn, &id)?, position);
                    Ok(t.payable_cents.unwrap_or(0) - paid)
                })
                .await?
        };
        at(self.state, when);
        service::record_payment(
            self.state,
            &self.cast.finance,
            id.into(),
            PaymentInput {
                tranche: position.to_string(),
                amount: Money::from_cents(owed).format_plain(),
                paid_on: crate::domain::time::local_date(when).to_string(),
                reference: format!("PO-{}-{position}", self.number.replace('/', "-")),
                kind: String::new(),
            },
        )
        .await
    }

    /// CON-04: the finance officer records the recovery the final grant ordered.
    async fn recover(&self, id: &str, when: NaiveDateTime) -> AppResult<()> {
        let due = {
            let id = id.to_string();
            self.state
                .db(move |conn| {
                    let c = q::find(conn, &id)?.ok_or_else(|| failed("contract"))?;
                    let payments = q::payments_of(conn, &id)?;
                    Ok(service::settlement(&c, &payments).map(|fg| fg.recovery))
                })
                .await?
                .ok_or_else(|| failed("no final grant"))?
        };
        at(self.state, when);
        service::record_payment(
            self.state,
            &self.cast.finance,
            id.into(),
            PaymentInput {
                tranche: String::new(),
                amount: due.format_plain(),
                paid_on: crate::domain::time::local_date(when).to_string(),
                reference: format!("RO-{}", self.number.replace('/', "-")),
                kind: "recovery".into(),
            },
        )
        .await
    }

    /// REP-01: the beneficiary uploads the report's documents and submits it with the
    /// eligible costs incurred to date (euros), on `day`.
    async fn report(&self, id: &str, position: i32, costs: &str, day: NaiveDate) -> AppResult<()> {
        let needs_verification = {
            let id = id.to_string();
            self.state
                .db(move |conn| {
                    Ok(q::reports_of(conn, &id)?
                        .into_iter()
                        .find(|r| r.position == position)
                        .is_some_and(|r| r.verification))
                })
                .await?
        };
        let mut documents = vec!["narrative", "financial"];
        if needs_verification {
            documents.push("verification");
        }
        for (i, document) in documents.into_iter().enumerate() {
            at(self.state, almaty(day, 9, 10 * i as u32));
            let file = pdf(
                &format!("report-{position}-{document}.pdf"),
                &[self.number, document],
            )?;
            service::upload_report_document(
                self.state,
                self.owner,
                id.into(),
                position,
                document.into(),
                file,
            )
            .await?;
        }
        at(self.state, almaty(day, 11, 0));
        service::submit_report(
            self.state,
            self.owner,
            id.into(),
            position,
            "The councils met as planned; the initiatives chosen by residents are under way \
             and their first public review took place. Attendance lists, photographs and the \
             minutes are attached."
                .into(),
            costs.into(),
        )
        .await
    }

    async fn approve(
        &self,
        id: &str,
        position: i32,
        accepted: Option<Money>,
        day: NaiveDate,
    ) -> AppResult<()> {
        at(self.state, almaty(day, 15, 0));
        service::decide_report(
            self.state,
            &self.cast.delegation,
            id.into(),
            position,
            ReportDecision::Approve {
                accepted_costs: accepted,
            },
        )
        .await
    }

    /// The beneficiary asks for an amendment (or notifies a transfer); its number.
    async fn amend(&self, id: &str, input: AmendmentInput, when: NaiveDateTime) -> AppResult<i32> {
        at(self.state, when);
        service::request_amendment(self.state, self.owner, id.into(), input).await?;
        let id = id.to_string();
        self.state
            .db(move |conn| {
                Ok(q::amendments_of(conn, &id)?
                    .iter()
                    .map(|a| a.number)
                    .max()
                    .unwrap_or(0))
            })
            .await
    }

    async fn end_of(&self, id: &str) -> AppResult<NaiveDate> {
        let id = id.to_string();
        self.state
            .db(move |conn| {
                q::find(conn, &id)?
                    .and_then(|c| c.end_date)
                    .ok_or_else(|| failed("a running contract has an end"))
            })
            .await
    }
}
