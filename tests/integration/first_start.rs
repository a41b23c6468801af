//! What a newcomer meets when starting the portal: a language chosen by link, email
//! links that follow the address the portal listens on, and a second portal on the same
//! machine (its metrics port taken) that still starts.

use grants::domain::access::Role;
use reqwest::StatusCode;

use crate::helpers::{body, new_client, TestApp};
use crate::on_both_databases;

on_both_databases!(
    a_link_with_lang_chooses_the_language_of_the_session_and_the_profile,
    email_links_follow_the_bound_address_when_no_public_url_is_set,
    a_taken_metrics_port_is_a_warning_unless_metrics_are_required
);

async fn a_link_with_lang_chooses_the_language_of_the_session_and_the_profile(app: TestApp) {
    let visitor = new_client();
    let page = body(app.get_with(&visitor, "/?lang=kk").await).await;
    assert!(page.contains(r#"<html lang="kk""#), "{page}");
    // The choice stays for the next pages, without the parameter.
    let page = body(app.get_with(&visitor, "/calls").await).await;
    assert!(page.contains(r#"<html lang="kk""#));
    // An unknown language changes nothing.
    let page = body(app.get_with(&visitor, "/?lang=xx").await).await;
    assert!(page.contains(r#"<html lang="kk""#));

    // Signed in, the link sets the profile's language too (as the switcher does).
    let (client, id) = app.client_as(Role::Applicant).await;
    let res = app.get_with(&client, "/account?lang=ru").await;
    assert_eq!(res.status(), StatusCode::OK);
    assert!(body(res).await.contains(r#"<html lang="ru""#));
    let user = grants::db::users::find(&mut app.state.pool.get().unwrap(), &id)
        .unwrap()
        .unwrap();
    assert_eq!(user.language.as_deref(), Some("ru"));
    let page = body(app.get_with(&client, "/").await).await;
    assert!(page.contains(r#"<html lang="ru""#));
}

async fn email_links_follow_the_bound_address_when_no_public_url_is_set(app: TestApp) {
    // The test portal sets a public URL; a second one on the same database does not.
    let mut settings = app.state.settings.clone();
    settings.server.public_url = String::new();
    settings.server.bind = "127.0.0.1:0".into();
    let other = grants::Application::build(settings).await.expect("builds");
    let state = other.state();
    assert_eq!(
        state.settings.server.public_url,
        format!("http://127.0.0.1:{}", other.port())
    );
    assert!(state.settings.server.public_url_derived);
    assert_eq!(
        state.public_url("/calls/1"),
        format!("http://127.0.0.1:{}/calls/1", other.port())
    );
    // A public URL that is set is kept whatever the address.
    let mut settings = app.state.settings.clone();
    settings.server.public_url = "https://grants.example.kz".into();
    settings.server.bind = "127.0.0.1:0".into();
    let named = grants::Application::build(settings).await.expect("builds");
    assert_eq!(
        named.state().settings.server.public_url,
        "https://grants.example.kz"
    );
}

async fn a_taken_metrics_port_is_a_warning_unless_metrics_are_required(app: TestApp) {
    let holder = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let taken = holder.local_addr().unwrap().to_string();
    let mut settings = app.state.settings.clone();
    settings.server.bind = "127.0.0.1:0".into();
    settings.metrics.bind = taken.clone();
    let second = grants::Application::build(settings.clone())
        .await
        .expect("a second portal starts without its metrics listener");
    assert_eq!(second.metrics_port(), None);
    let address = format!("http://127.0.0.1:{}", second.port());
    tokio::spawn(second.run_until_stopped());
    let res = new_client()
        .get(format!("{address}/healthz"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);

    settings.metrics.required = true;
    let refused = grants::Application::build(settings).await;
    let message = format!("{:#}", refused.err().expect("refused when required"));
    assert!(
        message.contains(&taken) && message.contains("metrics.bind"),
        "{message}"
    );
}
