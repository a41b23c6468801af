//! A request that records something is done once: the API's `Idempotency-Key`, a page
//! form's one-time token, and a payment order's reference recorded once.

use reqwest::StatusCode;
use serde_json::json;

use crate::contracts::{parties, running_contract};
use crate::helpers::{body, location, TestApp, PASSWORD};
use crate::on_both_databases;

on_both_databases!(
    twenty_identical_api_payments_at_once_record_one,
    a_double_click_on_the_payment_form_records_once,
);

fn payments(app: &TestApp, contract: &str) -> Vec<grants::db::contracts::PaymentRow> {
    grants::db::contracts::payments_of(&mut app.state.pool.get().unwrap(), contract).unwrap()
}

async fn twenty_identical_api_payments_at_once_record_one(app: TestApp) {
    let p = parties(&app, "CALL-IDEM").await;
    let id = running_contract(&app, &p, "12").await;
    let token = crate::account_security::token_of(&app, &p.staff_email, PASSWORD).await;
    let today = grants::domain::time::local_date(app.clock.now()).to_string();
    let url = app.url(&format!("/api/v1/contracts/{id}/payments"));
    let order = json!({"tranche": "1", "amount": "5000.00", "paid_on": today, "reference": "PO-1"});
    let client = reqwest::Client::new();
    let send = |key: Option<&str>, body: serde_json::Value| {
        let mut req = client.post(&url).bearer_auth(&token).json(&body);
        if let Some(key) = key {
            req = req.header("Idempotency-Key", key);
        }
        async move {
            let res = req.send().await.unwrap();
            let replayed = res.headers().contains_key("idempotent-replayed");
            (res.status(), replayed, res.text().await.unwrap())
        }
    };
    let answers =
        futures_util::future::join_all((0..20).map(|_| send(Some("pay-po-1"), order.clone())))
            .await;
    assert_eq!(payments(&app, &id).len(), 1, "{answers:?}");
    let (status, _, text) = &answers[0];
    assert!(status.is_success(), "{answers:?}");
    assert!(
        answers.iter().all(|(s, _, t)| s == status && t == text),
        "{answers:?}"
    );
    assert_eq!(answers.iter().filter(|(_, r, _)| *r).count(), 19);
    // The key names that request: another body with it is a mistake, refused.
    let (status, _, text) = send(
        Some("pay-po-1"),
        json!({"tranche": "1", "amount": "6000.00", "paid_on": today, "reference": "PO-9"}),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{text}");
    assert!(text.contains("idempotency_key"), "{text}");
    // A key that is no key.
    let (status, _, _) = send(Some("with spaces"), order.clone()).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    // Without a key, the same payment order again is refused by its reference.
    let (status, _, text) = send(None, order.clone()).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{text}");
    assert!(
        text.contains("PO-1") && text.contains("reference"),
        "{text}"
    );
    assert_eq!(payments(&app, &id).len(), 1);
    let recorded = app
        .audit_actions()
        .await
        .iter()
        .filter(|a| *a == "contract.payment_recorded")
        .count();
    assert_eq!(recorded, 1);
}

async fn a_double_click_on_the_payment_form_records_once(app: TestApp) {
    let p = parties(&app, "CALL-DBL").await;
    let id = running_contract(&app, &p, "12").await;
    let page = format!("/contracts/{id}");
    let action = format!("/manage/contracts/{id}/payments");
    // The form carries its one-time token.
    let html = body(app.get_with(&p.staff, &page).await).await;
    let form = &html[html
        .find(&format!("action=\"{action}\""))
        .expect("payment form")..];
    let once = regex::Regex::new(r#"name="once" value="([0-9a-f-]{36})""#)
        .unwrap()
        .captures(form)
        .expect("a one-time token in the payment form")[1]
        .to_string();
    let today = grants::domain::time::local_date(app.clock.now()).to_string();
    let fields = [
        ("tranche", "1"),
        ("amount", "5000"),
        ("paid_on", today.as_str()),
        ("reference", "PO-7"),
        ("once", once.as_str()),
    ];
    let (first, second) = tokio::join!(
        app.post_form_with(&p.staff, &action, &fields),
        app.post_form_with(&p.staff, &action, &fields)
    );
    assert_eq!(payments(&app, &id).len(), 1);
    assert_eq!(first.status(), StatusCode::SEE_OTHER);
    assert_eq!(second.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&first), location(&second));
    let replayed = |r: &reqwest::Response| r.headers().contains_key("idempotent-replayed");
    assert!(
        replayed(&first) != replayed(&second),
        "one ran, one was answered again"
    );
    // Whichever answer the browser kept, the page says it is recorded (not refused).
    let html = body(app.get_with(&p.staff, &location(&second)).await).await;
    assert!(
        html.contains("The payment is recorded.") && !html.contains("already recorded"),
        "{html}"
    );
    // The same order from a new form (another token) is refused by its reference.
    let res = app
        .post_form_with(
            &p.staff,
            &action,
            &[
                ("tranche", "1"),
                ("amount", "5000"),
                ("paid_on", today.as_str()),
                ("reference", "PO-7"),
            ],
        )
        .await;
    let html = body(app.get_with(&p.staff, &location(&res)).await).await;
    assert!(
        html.contains("A payment with the reference PO-7 is already recorded"),
        "{html}"
    );
    assert_eq!(payments(&app, &id).len(), 1);
}
