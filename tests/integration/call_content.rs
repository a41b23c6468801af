//! Call content in the readers' languages (CFP-08) and corrigenda to published calls —
//! on both databases.

use chrono::Duration;
use grants::domain::access::Role;
use reqwest::{Client, StatusCode};

use crate::calls::{delegation, programme, published_call, today};
use crate::helpers::{body, new_client, TestApp, PASSWORD};
use crate::on_both_databases;

on_both_databases!(
    readers_see_call_texts_in_their_language_or_the_english_marked_as_such,
    the_home_page_shows_the_programmes_figures_from_its_records,
);

async fn in_language(app: &TestApp, client: &Client, lang: &str) {
    let res = app
        .post_form_with(client, "/language", &[("lang", lang), ("next", "/")])
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
}

async fn page(app: &TestApp, client: &Client, path: &str) -> String {
    let res = client.get(app.url(path)).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK, "{path}");
    body(res).await
}

async fn readers_see_call_texts_in_their_language_or_the_english_marked_as_such(app: TestApp) {
    let (staff, actor) = delegation(&app).await;
    let pid = programme(&app, &actor, today(&app) - Duration::days(30), "P-TR").await;
    let id = published_call(&app, &actor, &pid, "CALL-TR", 60).await;
    let lots = grants::db::calls::lots_of(&mut app.state.pool.get().unwrap(), &id).unwrap();
    let lot = format!("lot-{}-kk", lots[0].id);

    // A translation over the limit is refused at its field, nothing saved.
    let long = "ж".repeat(301);
    let res = app
        .post_form_with(
            &staff,
            &format!("/manage/calls/{id}/translations"),
            &[("title_kk", long.as_str()), ("description_kk", "")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = body(res).await;
    assert!(html.contains("href=\"#title_kk\""), "{html}");
    // A lot of another call is not found.
    let res = app
        .post_form_with(
            &staff,
            &format!("/manage/calls/{id}/translations"),
            &[("lot-not-a-lot-kk", "Лот")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);

    let res = app
        .post_form_with(
            &staff,
            &format!("/manage/calls/{id}/translations"),
            &[
                ("title_kk", "Жергілікті даму бастамалары"),
                ("title_ru", ""),
                ("description_kk", "Жергілікті бастамалар."),
                ("description_ru", "Местные инициативы."),
                (&lot, "Пилоттық облыстар"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let staff_page = page(&app, &staff, &format!("/manage/calls/{id}")).await;
    assert!(
        staff_page.contains("Қазақша: 3 of 4 texts translated"),
        "{staff_page}"
    );
    assert!(staff_page.contains("Русский: 1 of 4 texts translated"));

    let reader = new_client();
    in_language(&app, &reader, "kk").await;
    let kk = page(&app, &reader, &format!("/calls/{id}")).await;
    assert!(kk.contains("<h1>Жергілікті даму бастамалары</h1>"), "{kk}");
    assert!(kk.contains(">Жергілікті бастамалар.</p>"));
    assert!(kk.contains("<span>Пилоттық облыстар</span>"));
    // Lot 2 has no Kazakh title: the English one, marked as English.
    assert!(kk.contains(&format!("<span lang=\"en\">{}</span>", lots[1].title)));

    in_language(&app, &reader, "ru").await;
    let ru = page(&app, &reader, &format!("/calls/{id}")).await;
    assert!(ru.contains("<h1 lang=\"en\">Call CALL-TR</h1>"), "{ru}");
    assert!(ru.contains(">Местные инициативы.</p>"));
    let list = page(&app, &reader, "/calls").await;
    assert!(list.contains("lang=\"en\">Call CALL-TR</a>"));

    // The English reader sees the authentic text, unmarked.
    let en = page(&app, &new_client(), &format!("/calls/{id}")).await;
    assert!(en.contains("<h1>Call CALL-TR</h1>"));

    // A follower reading Kazakh is told of the cancellation in Kazakh, the explanation
    // in Kazakh too; the page keeps all three.
    app.create_user("kk-follower@example.kz", Role::Applicant)
        .await;
    let follower = new_client();
    app.login_with(&follower, "kk-follower@example.kz", PASSWORD)
        .await;
    in_language(&app, &follower, "kk").await;
    app.post_form_with(&follower, &format!("/calls/{id}/follow"), &[])
        .await;
    let res = app
        .post_form_with(
            &staff,
            &format!("/manage/calls/{id}/cancel"),
            &[
                ("reason", "force_majeure"),
                ("explanation", "Floods in the region."),
                ("explanation_kk", "Өңірдегі су тасқыны."),
                ("explanation_ru", ""),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    // Any subject: it is in Kazakh.
    let mail = app.wait_for_mail("kk-follower@example.kz", "").await;
    assert!(
        mail.body.contains("Өңірдегі су тасқыны.")
            && mail.body.contains("CALL-TR – Жергілікті даму бастамалары"),
        "{}",
        mail.body
    );
    let ru = page(&app, &reader, &format!("/calls/{id}")).await;
    assert!(ru.contains("lang=\"en\">Floods in the region.</p>"), "{ru}");
    // After cancellation the texts are closed to changes.
    let res = app
        .post_form_with(
            &staff,
            &format!("/manage/calls/{id}/translations"),
            &[("title_kk", "Басқа")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert!(
        grants::db::calls::find(&mut app.state.pool.get().unwrap(), &id)
            .unwrap()
            .unwrap()
            .title_kk
            == "Жергілікті даму бастамалары"
    );
    assert!(app
        .audit_actions()
        .await
        .contains(&"call.translations_saved".to_string()));
}

async fn the_home_page_shows_the_programmes_figures_from_its_records(app: TestApp) {
    let home = page(&app, &new_client(), "/").await;
    assert!(home.contains("No programme is set up yet."));
    let (_, actor) = delegation(&app).await;
    programme(&app, &actor, today(&app), "P-HOME").await;
    let home = page(&app, &new_client(), "/").await;
    assert!(home.contains("EUR 15,000,000") && home.contains("Up to EUR 3,000,000"));
    assert!(home.contains("<h4 lang=\"en\">Pilot oblasts</h4>"));
    assert!(home.contains("EUR 900,000"));
    let reader = new_client();
    in_language(&app, &reader, "ru").await;
    let ru = page(&app, &reader, "/").await;
    assert!(ru.contains("15 000 000 EUR"), "{ru}");
}
