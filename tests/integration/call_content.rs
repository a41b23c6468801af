//! Call content in the readers' languages (CFP-08) and corrigenda to published calls —
//! on both databases.

use chrono::Duration;
use grants::domain::access::Role;
use reqwest::{Client, StatusCode};

use crate::calls::{delegation, draft_call, programme, published_call, today};
use crate::helpers::{body, new_client, TestApp, PASSWORD};
use crate::on_both_databases;

on_both_databases!(
    readers_see_call_texts_in_their_language_or_the_english_marked_as_such,
    the_home_page_shows_the_programmes_figures_from_its_records,
    a_corrigendum_extends_the_deadline_and_the_question_window_moves_with_it,
    a_corrigendum_never_shortens_raises_within_the_envelope_and_comes_before_the_deadline,
    a_corrigendum_publishes_its_documents,
    parallel_corrigenda_are_numbered_in_sequence_and_never_overspend_an_envelope,
    the_staff_call_page_says_what_needs_doing_now_and_a_cancelled_call_owes_nothing,
    applicants_see_the_calls_they_follow_and_their_own_questions,
    public_information_pages_sitemap_and_call_search,
    the_grid_editor_reports_every_wrong_line,
    grid_titles_and_budget_lines_read_in_kazakh_and_russian,
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
    assert!(home.contains("<h4>Pilot oblasts</h4>"), "{home}");
    assert!(home.contains("EUR 900,000"));
    let reader = new_client();
    in_language(&app, &reader, "ru").await;
    let ru = page(&app, &reader, "/").await;
    assert!(ru.contains("15 000 000 EUR"), "{ru}");
    // The envelopes' Russian names, when the programme has them; English marked otherwise.
    assert!(ru.contains("<h4 lang=\"en\">Pilot oblasts</h4>"), "{ru}");
}

/// CFP-08 for the grids and the programme's lines: the default grids come translated,
/// staff correct a title on the translations page (kept when the English stays), and the
/// programme's budget lines and envelopes carry Kazakh and Russian names.
async fn grid_titles_and_budget_lines_read_in_kazakh_and_russian(app: TestApp) {
    let (staff, actor) = delegation(&app).await;
    let form = page(&app, &staff, "/manage/programmes/new").await;
    assert!(
        form.contains("value=\"1-іс-шара – институционалдық негіз\""),
        "{form}"
    );
    let pid = programme(&app, &actor, today(&app) - Duration::days(30), "P-GT").await;
    let id = draft_call(&app, &actor, &pid, "CALL-GT", 60).await;
    let translations = page(&app, &staff, &format!("/manage/calls/{id}/translations")).await;
    assert!(translations.contains("value=\"Қаржылық және операциялық әлеует\""));
    let res = app
        .post_form_with(
            &staff,
            &format!("/manage/calls/{id}/translations"),
            &[
                ("grid-full-1-kk", "Қаржылық әлеует"),
                ("grid-full-1-ru", "Финансовый потенциал"),
                ("grid-concept-2.1-ru", ""),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    // A code the grid does not have is not found, and nothing changes.
    let res = app
        .post_form_with(
            &staff,
            &format!("/manage/calls/{id}/translations"),
            &[("grid-full-9.9-kk", "Жоқ")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let reader = staff;
    in_language(&app, &reader, "ru").await;
    let call = page(&app, &reader, &format!("/manage/calls/{id}")).await;
    assert!(call.contains("<span>Финансовый потенциал</span>"), "{call}");
    // Left empty: the English title, marked as English.
    assert!(call.contains("<span lang=\"en\">Coherence of the overall design</span>"));
    assert!(call.contains("<span>Осуществимость действия</span>"));
    // Editing the grid keeps the translation of a title whose English did not change.
    let row = grants::db::calls::find(&mut app.state.pool.get().unwrap(), &id)
        .unwrap()
        .unwrap();
    let mut full: grants::domain::grids::Grid =
        serde_json::from_str(&row.full_application_grid).unwrap();
    full.sections[3].title = "Sustainability and follow-up".into();
    let concept: grants::domain::grids::Grid =
        serde_json::from_str(&row.concept_note_grid).unwrap();
    let strip = |g: &grants::domain::grids::Grid| {
        grants::domain::grids::Grid::parse_text(&g.to_text()).unwrap()
    };
    grants::services::calls::update_grids(
        &app.state,
        &actor,
        id.clone(),
        strip(&concept),
        strip(&full),
    )
    .await
    .unwrap();
    let row = grants::db::calls::find(&mut app.state.pool.get().unwrap(), &id)
        .unwrap()
        .unwrap();
    let full: grants::domain::grids::Grid =
        serde_json::from_str(&row.full_application_grid).unwrap();
    assert_eq!(full.sections[0].title_ru, "Финансовый потенциал");
    assert!(full.sections[3].title_ru.is_empty());

    // The programme page names its lines in the reader's language.
    let programme = page(&app, &reader, &format!("/manage/programmes/{pid}")).await;
    assert!(
        programme.contains("<td lang=\"en\">Activity 1</td>"),
        "{programme}"
    );
    let mut lines = crate::calls::lines(&[("Activity 1", 3_450_000)]);
    lines[0].label_ru = "Мероприятие 1".into();
    let detail = grants::services::programmes::detail(&app.state, pid.clone())
        .await
        .unwrap();
    lines[0].id = Some(detail.budget_lines[0].id.clone());
    let envelopes = detail
        .envelopes
        .iter()
        .map(|e| grants::domain::programme::MoneyLine {
            id: Some(e.id.clone()),
            ..grants::domain::programme::MoneyLine::new(
                &e.label,
                "",
                "Пилотные области",
                grants::domain::money::Money::from_cents(e.amount_cents),
            )
        })
        .collect();
    grants::services::programmes::update(
        &app.state,
        &actor,
        pid.clone(),
        grants::domain::programme::ProgrammeCommand {
            reference: "P-GT".into(),
            title: detail.programme.title.clone(),
            entry_into_force: None,
            total_budget: grants::domain::money::Money::from_cents(
                detail.programme.total_budget_cents,
            ),
            budget_lines: lines,
            envelopes,
        },
    )
    .await
    .unwrap();
    let programme = page(&app, &reader, &format!("/manage/programmes/{pid}")).await;
    assert!(programme.contains("<td>Мероприятие 1</td>"), "{programme}");
    assert!(programme.contains("<td>Пилотные области</td>"));
}

fn deadline_of(app: &TestApp, id: &str) -> chrono::NaiveDateTime {
    grants::db::calls::find(&mut app.state.pool.get().unwrap(), id)
        .unwrap()
        .unwrap()
        .deadline
        .unwrap()
}

/// The corrigendum form as the page fills it, with `changes` over it.
async fn corrigendum_fields(
    app: &TestApp,
    staff: &Client,
    id: &str,
    changes: &[(&str, &str)],
) -> Vec<(String, String)> {
    let html = page(app, staff, &format!("/manage/calls/{id}/corrigenda/new")).await;
    let mut fields: Vec<(String, String)> = Vec::new();
    let input =
        regex::Regex::new(r#"<input id="[^"]*" name="([^"]+)" type="text"[^>]*? value="([^"]*)""#)
            .unwrap();
    for c in input.captures_iter(&html) {
        fields.push((c[1].to_string(), html_unescape(&c[2])));
    }
    let area =
        regex::Regex::new(r#"(?s)<textarea id="[^"]*" name="([^"]+)"[^>]*>(.*?)</textarea>"#)
            .unwrap();
    for c in area.captures_iter(&html) {
        fields.push((c[1].to_string(), html_unescape(&c[2])));
    }
    for (k, v) in changes {
        match fields.iter_mut().find(|(n, _)| n == k) {
            Some(f) => f.1 = v.to_string(),
            None => fields.push((k.to_string(), v.to_string())),
        }
    }
    fields
}

fn html_unescape(s: &str) -> String {
    s.replace("&#x2F;", "/")
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

async fn post_pairs(
    app: &TestApp,
    client: &Client,
    path: &str,
    fields: &[(String, String)],
) -> reqwest::Response {
    let pairs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    app.post_form_with(client, path, &pairs).await
}

fn local(t: chrono::NaiveDateTime) -> String {
    grants::web::calls::local_input(t)
}

async fn a_corrigendum_extends_the_deadline_and_the_question_window_moves_with_it(app: TestApp) {
    let (staff, actor) = delegation(&app).await;
    let pid = programme(&app, &actor, today(&app) - Duration::days(30), "P-CG").await;
    // Deadline in 50 days: questions close at day 29.
    let id = published_call(&app, &actor, &pid, "CALL-CG", 50).await;
    let old = deadline_of(&app, &id);
    app.create_user("cg-follower@example.kz", Role::Applicant)
        .await;
    let follower = new_client();
    app.login_with(&follower, "cg-follower@example.kz", PASSWORD)
        .await;
    app.post_form_with(&follower, &format!("/calls/{id}/follow"), &[])
        .await;
    // An organisation with an application in the call is told too (without following).
    crate::received::received(&app, &id, 0, 1, 0).await;

    // The reason is required: the form again with the error linked from the summary.
    let new_deadline = old + Duration::days(30);
    let fields = corrigendum_fields(&app, &staff, &id, &[("deadline", &local(new_deadline))]).await;
    let res = post_pairs(
        &app,
        &staff,
        &format!("/manage/calls/{id}/corrigenda/preview"),
        &fields,
    )
    .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = body(res).await;
    assert!(html.contains("href=\"#reason\""), "{html}");
    assert!(
        html.contains("That is"),
        "the new deadline is said back in words"
    );

    // The preview says what will change; nothing is published yet.
    let fields = corrigendum_fields(
        &app,
        &staff,
        &id,
        &[
            ("deadline", &local(new_deadline)),
            ("reason", "More time for local authorities."),
        ],
    )
    .await;
    let res = post_pairs(
        &app,
        &staff,
        &format!("/manage/calls/{id}/corrigenda/preview"),
        &fields,
    )
    .await;
    assert_eq!(res.status(), StatusCode::OK);
    let preview = body(res).await;
    assert!(preview.contains("Publish corrigendum 1?"), "{preview}");
    assert!(preview.contains("The deadline is extended from"));
    assert!(!preview.contains("description (English) is corrected"));
    assert_eq!(deadline_of(&app, &id), old);
    // "Change what I typed" brings the form back as typed.
    let mut again = fields.clone();
    again.push(("edit".into(), "1".into()));
    let res = post_pairs(
        &app,
        &staff,
        &format!("/manage/calls/{id}/corrigenda/preview"),
        &again,
    )
    .await;
    assert_eq!(res.status(), StatusCode::OK);
    assert!(body(res)
        .await
        .contains(">More time for local authorities.</textarea>"));
    // A page shown in answer to a form switches language back to the form's page.
    let token = app.csrf_token_of(&staff).await;
    let mut with_token = fields.clone();
    with_token.push(("csrf_token".into(), token));
    let res = staff
        .post(app.url(&format!("/manage/calls/{id}/corrigenda/preview")))
        .header(
            "referer",
            app.url(&format!("/manage/calls/{id}/corrigenda/new")),
        )
        .form(&with_token)
        .send()
        .await
        .unwrap();
    let html = body(res).await;
    assert!(
        html.contains(&format!(
            "name=\"next\" value=\"/manage/calls/{id}/corrigenda/new\""
        )) || html.contains(&format!(
            "name=\"next\" value=\"&#x2F;manage&#x2F;calls&#x2F;{id}&#x2F;corrigenda&#x2F;new\""
        )),
        "{html}"
    );

    let res = post_pairs(
        &app,
        &staff,
        &format!("/manage/calls/{id}/corrigenda"),
        &fields,
    )
    .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(local(deadline_of(&app, &id)), local(new_deadline));
    let staff_page = page(&app, &staff, &format!("/manage/calls/{id}")).await;
    assert!(staff_page.contains("Corrigendum 1 is published"));

    let public = page(&app, &new_client(), &format!("/calls/{id}")).await;
    assert!(public.contains("Corrigendum 1 of"), "{public}");
    assert!(public.contains("More time for local authorities."));
    assert!(public.contains(&format!("/calls/{id}/corrigenda/1/earlier")));
    let earlier = page(
        &app,
        &new_client(),
        &format!("/calls/{id}/corrigenda/1/earlier"),
    )
    .await;
    assert!(earlier.contains("before corrigendum 1"));
    let old_words = grants::views::format::instant_long(grants::i18n::Lang::En, old);
    assert!(
        earlier.contains(&old_words.replace('\u{a0}', " ")),
        "{earlier}"
    );

    let mail = app
        .wait_for_mail("cg-follower@example.kz", "Corrigendum 1")
        .await;
    app.wait_for_mail("r0@ngo.example", "Corrigendum 1").await;
    assert!(mail.body.contains("The deadline is extended") && mail.body.contains("More time"));

    // In the API too.
    let api: serde_json::Value = new_client()
        .get(app.url(&format!("/api/v1/calls/{id}/corrigenda")))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(api[0]["number"], 1);
    assert_eq!(api[0]["changes"][0]["kind"], "deadline");

    // CFP-03: questions, closed under the old deadline, are open again under the new.
    app.clock
        .freeze_at(old - Duration::days(21) + Duration::seconds(1));
    let asker = new_client();
    app.create_user("cg-asker@example.kz", Role::Applicant)
        .await;
    app.login_with(&asker, "cg-asker@example.kz", PASSWORD)
        .await;
    let res = app
        .post_form_with(
            &asker,
            &format!("/calls/{id}/questions"),
            &[("question", "Is VAT eligible?")],
        )
        .await;
    assert_eq!(
        res.status(),
        StatusCode::SEE_OTHER,
        "the question window moved with the deadline"
    );
    assert!(app
        .audit_actions()
        .await
        .contains(&"call.corrigendum_published".to_string()));
}

async fn a_corrigendum_never_shortens_raises_within_the_envelope_and_comes_before_the_deadline(
    app: TestApp,
) {
    let (staff, actor) = delegation(&app).await;
    let pid = programme(&app, &actor, today(&app) - Duration::days(30), "P-CR").await;
    let draft = draft_call(&app, &actor, &pid, "CALL-CR-D", 60).await;
    // A draft is edited, not corrected.
    let res = app
        .get_with(&staff, &format!("/manage/calls/{draft}/corrigenda/new"))
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    // Lot 1 of EUR 1,000,000 leaves EUR 1,100,000 free in its envelope.
    let id = published_with_lot_1(&app, &actor, &pid, "CALL-CR", 1_000_000).await;
    let old = deadline_of(&app, &id);
    let conn = &mut app.state.pool.get().unwrap();
    let lots = grants::db::calls::lots_of(conn, &id).unwrap();
    let lot1_amount = lots[0].envelope_cents;
    let free_envelope_1 = 210_000_000 - lot1_amount;
    let shorter = local(old - Duration::minutes(1));
    let cases: Vec<(Vec<(&str, String)>, &str)> = vec![
        (
            vec![("deadline", shorter)],
            "must not be earlier than the current one",
        ),
        (vec![], "Nothing would change"),
        (
            vec![("lot-1-envelope", format!("{}", lot1_amount / 100 - 1))],
            "its amount can only be raised",
        ),
        (
            vec![(
                "lot-1-envelope",
                format!("{}", (lot1_amount + free_envelope_1) / 100 + 1),
            )],
            "is still free",
        ),
    ];
    for (changes, message) in cases {
        let mut all: Vec<(&str, &str)> = vec![("reason", "Correction.")];
        all.extend(changes.iter().map(|(k, v)| (*k, v.as_str())));
        let fields = corrigendum_fields(&app, &staff, &id, &all).await;
        let res = post_pairs(
            &app,
            &staff,
            &format!("/manage/calls/{id}/corrigenda/preview"),
            &fields,
        )
        .await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "{message}");
        let html = body(res).await;
        assert!(html.contains(message), "{message}: {html}");
        // Straight to publication: refused the same way, nothing recorded.
        let res = post_pairs(
            &app,
            &staff,
            &format!("/manage/calls/{id}/corrigenda"),
            &fields,
        )
        .await;
        assert_eq!(res.status(), StatusCode::CONFLICT, "{message}");
    }
    assert!(grants::db::calls::corrigenda_of(conn, &id)
        .unwrap()
        .is_empty());
    // The whole free envelope is the last amount allowed.
    let all_free = format!("{}", (lot1_amount + free_envelope_1) / 100);
    let fields = corrigendum_fields(
        &app,
        &staff,
        &id,
        &[("reason", "Top-up."), ("lot-1-envelope", &all_free)],
    )
    .await;
    let res = post_pairs(
        &app,
        &staff,
        &format!("/manage/calls/{id}/corrigenda"),
        &fields,
    )
    .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let lots = grants::db::calls::lots_of(conn, &id).unwrap();
    assert_eq!(lots[0].envelope_cents, 210_000_000);
    // At the deadline, no more corrigenda.
    app.clock.freeze_at(old);
    let staff = new_client();
    let (staff2, _) = app.client_as(Role::Delegation).await;
    let _ = staff;
    let fields = corrigendum_fields(
        &app,
        &staff2,
        &id,
        &[
            ("reason", "Late."),
            ("deadline", &local(old + Duration::days(5))),
        ],
    )
    .await;
    let res = post_pairs(
        &app,
        &staff2,
        &format!("/manage/calls/{id}/corrigenda"),
        &fields,
    )
    .await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    assert!(body(res)
        .await
        .contains("The deadline of this call has passed"));
}

async fn a_corrigendum_publishes_its_documents(app: TestApp) {
    let (staff, actor) = delegation(&app).await;
    let pid = programme(&app, &actor, today(&app) - Duration::days(30), "P-CD").await;
    let id = published_call(&app, &actor, &pid, "CALL-CD", 60).await;
    let fields = corrigendum_fields(
        &app,
        &staff,
        &id,
        &[("reason", "Annex corrected."), ("adds_documents", "yes")],
    )
    .await;
    let res = post_pairs(
        &app,
        &staff,
        &format!("/manage/calls/{id}/corrigenda"),
        &fields,
    )
    .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let token = app.csrf_token_of(&staff).await;
    let pdf = grants::services::demo::minimal_pdf(&["Corrigendum 1"]);
    let upload = |lang: &str, bytes: Vec<u8>, name: &str| {
        reqwest::multipart::Form::new()
            .text("language", lang.to_string())
            .part(
                "file",
                reqwest::multipart::Part::bytes(bytes).file_name(name.to_string()),
            )
    };
    let url = app.url(&format!(
        "/manage/calls/{id}/corrigenda/1/documents?csrf_token={token}"
    ));
    // Not a document: refused with the reason, nothing stored.
    let res = staff
        .post(&url)
        .multipart(upload("en", b"MZ nope".to_vec(), "c.pdf"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let html = page(&app, &staff, &format!("/manage/calls/{id}")).await;
    assert!(html.contains("Only PDF, Word"), "{html}");
    let res = staff
        .post(&url)
        .multipart(upload("en", pdf.clone(), "corrigendum-1.pdf"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let public = page(&app, &new_client(), &format!("/calls/{id}")).await;
    let link =
        regex::Regex::new(&format!(r#"/calls/{id}/corrigenda/1/documents/[0-9a-f-]+"#)).unwrap();
    let href = link
        .find(&public)
        .expect("a document link")
        .as_str()
        .to_string();
    let res = new_client().get(app.url(&href)).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.bytes().await.unwrap().to_vec(), pdf);
    // The English text is authentic: a second English file is refused.
    let res = staff
        .post(&url)
        .multipart(upload("en", pdf.clone(), "again.pdf"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        grants::db::attachments::present_of_owners(
            &mut app.state.pool.get().unwrap(),
            grants::domain::attachments::OwnerKind::Corrigendum,
            &[
                grants::db::calls::corrigenda_of(&mut app.state.pool.get().unwrap(), &id).unwrap()
                    [0]
                .id
                .clone()
            ],
            grants::domain::attachments::Purpose::Corrigendum,
        )
        .unwrap()
        .len(),
        1
    );
    // Of another number: not found.
    let other = app.url(&format!(
        "/manage/calls/{id}/corrigenda/2/documents?csrf_token={token}"
    ));
    let res = staff
        .post(&other)
        .multipart(upload("kk", pdf, "kk.pdf"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
}

async fn parallel_corrigenda_are_numbered_in_sequence_and_never_overspend_an_envelope(
    app: TestApp,
) {
    let (_, actor) = delegation(&app).await;
    let pid = programme(&app, &actor, today(&app) - Duration::days(30), "P-CP").await;
    let id = published_with_lot_1(&app, &actor, &pid, "CALL-CP", 1_000_000).await;
    let lots = grants::db::calls::lots_of(&mut app.state.pool.get().unwrap(), &id).unwrap();
    let lot1 = lots[0].envelope_cents;
    // Each raises lot 1 by more than half of what is free: only one can fit.
    let free = 210_000_000 - lot1;
    let deadline = deadline_of(&app, &id);
    let tasks: Vec<_> = (0..6)
        .map(|i| {
            let state = app.state.clone();
            let actor = actor.clone();
            let id = id.clone();
            tokio::spawn(async move {
                let req = grants::domain::corrigenda::CorrigendumRequest {
                    reason: "Parallel.".into(),
                    deadline: Some(deadline + Duration::days(i + 1)),
                    lots: vec![grants::domain::corrigenda::LotCorrection {
                        number: 1,
                        title: None,
                        envelope: Some(grants::domain::money::Money::from_cents(
                            lot1 + free / 2 + 100,
                        )),
                    }],
                    ..Default::default()
                };
                grants::services::calls::publish_corrigendum(&state, &actor, id, req).await
            })
        })
        .collect();
    let mut published = 0;
    for t in tasks {
        if let Ok(Ok(_)) = t.await.unwrap() {
            published += 1;
        }
    }
    // The first raises the lot; the others would raise nothing more than... they ask the
    // same amount, now equal to the lot's: only their later deadline still changes.
    let conn = &mut app.state.pool.get().unwrap();
    let numbers: Vec<i32> = grants::db::calls::corrigenda_of(conn, &id)
        .unwrap()
        .iter()
        .map(|c| c.number)
        .collect();
    assert_eq!(numbers, (1..=published).collect::<Vec<_>>());
    let lots = grants::db::calls::lots_of(conn, &id).unwrap();
    assert!(lots[0].envelope_cents <= 210_000_000);
    assert_eq!(lots[0].envelope_cents, lot1 + free / 2 + 100);
    assert!(published >= 1);
}

/// A published call whose lot 1 takes `euros` of its envelope.
async fn published_with_lot_1(
    app: &TestApp,
    actor: &grants::services::Actor,
    pid: &str,
    reference: &str,
    euros: i64,
) -> String {
    let id = draft_call(app, actor, pid, reference, 60).await;
    let lots = grants::db::calls::lots_of(&mut app.state.pool.get().unwrap(), &id).unwrap();
    let mut terms = grants::services::calls::lot_terms(&lots[0]);
    terms.envelope = grants::domain::money::Money::euros(euros);
    terms.max_grant = terms.max_grant.min(terms.envelope);
    grants::services::calls::save_lot(
        &app.state,
        actor,
        id.clone(),
        Some(lots[0].id.clone()),
        terms,
    )
    .await
    .unwrap();
    crate::calls::add_guidelines(app, actor, &id).await;
    grants::services::calls::publish(&app.state, actor, id.clone())
        .await
        .unwrap()
        .expect("publishable");
    id
}

async fn the_staff_call_page_says_what_needs_doing_now_and_a_cancelled_call_owes_nothing(
    app: TestApp,
) {
    let (staff, actor) = delegation(&app).await;
    let pid = programme(&app, &actor, today(&app) - Duration::days(30), "P-TODO").await;
    let draft = draft_call(&app, &actor, &pid, "CALL-TODO-D", 60).await;
    let html = page(&app, &staff, &format!("/manage/calls/{draft}")).await;
    assert!(html.contains("What needs doing now"));
    assert!(
        html.contains("problem stops publication") || html.contains("problems stop publication"),
        "{html}"
    );
    assert!(html.contains("aria-label=\"On this page\""));
    let id = published_call(&app, &actor, &pid, "CALL-TODO", 60).await;
    let (asker, _) = app.client_as(Role::Applicant).await;
    let res = app
        .post_form_with(
            &asker,
            &format!("/calls/{id}/questions"),
            &[("question", "Is VAT eligible?")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let html = page(&app, &staff, &format!("/manage/calls/{id}")).await;
    let overview =
        &html[html.find("id=\"overview\"").unwrap()..html.find("class=\"on-this-page\"").unwrap()];
    // The waiting question comes first, with its due date.
    let first = overview
        .find("One question waits for an answer")
        .expect(overview);
    assert!(overview.find("Texts are missing").is_none_or(|t| t > first));
    assert!(overview.contains("href=\"#clarifications\""));
    let list = page(&app, &staff, "/manage/calls").await;
    assert!(list.contains("CALL-TODO"));
    // Cancelled: no question is due any more.
    let res = app
        .post_form_with(
            &staff,
            &format!("/manage/calls/{id}/cancel"),
            &[("reason", "force_majeure"), ("explanation", "Floods.")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let html = page(&app, &staff, &format!("/manage/calls/{id}")).await;
    assert!(!html.contains("waits for an answer"), "{html}");
    assert!(html.contains("Nothing needs doing now."));
}

async fn applicants_see_the_calls_they_follow_and_their_own_questions(app: TestApp) {
    let (staff, actor) = delegation(&app).await;
    let pid = programme(&app, &actor, today(&app) - Duration::days(30), "P-MY").await;
    let id = published_call(&app, &actor, &pid, "CALL-MY", 60).await;
    app.create_user("me@example.kz", Role::Applicant).await;
    let me = new_client();
    app.login_with(&me, "me@example.kz", PASSWORD).await;
    let mine = page(&app, &me, "/my").await;
    assert!(
        mine.contains("You follow no call yet") && mine.contains("You have not asked any question")
    );
    // Follow is at the top of the call page, before the lots; the steps say what comes next.
    let call_page = page(&app, &me, &format!("/calls/{id}")).await;
    let follow = call_page
        .find(&format!("action=\"/calls/{id}/follow\""))
        .expect("a follow button");
    assert!(follow < call_page.find("id=\"lots-h\"").unwrap());
    assert!(call_page.contains("How to apply and what comes next"));
    assert!(call_page.contains("Send a concept note for one lot by"));
    app.post_form_with(&me, &format!("/calls/{id}/follow"), &[])
        .await;
    let res = app
        .post_form_with(
            &me,
            &format!("/calls/{id}/questions"),
            &[("question", "May a school apply?")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let mine = page(&app, &me, "/my").await;
    assert!(mine.contains("Call CALL-MY") && mine.contains("May a school apply?"));
    assert!(
        mine.contains("Not answered yet") || mine.contains("Answers are due by"),
        "{mine}"
    );
    // The asker sees the pending question on the call page; another applicant does not.
    let call_page = page(&app, &me, &format!("/calls/{id}")).await;
    assert!(
        call_page.contains("Your questions waiting for an answer")
            && call_page.contains("May a school apply?")
    );
    let (other, _) = app.client_as(Role::Applicant).await;
    let theirs = page(&app, &other, &format!("/calls/{id}")).await;
    assert!(!theirs.contains("May a school apply?"));
    let anonymous = page(&app, &new_client(), &format!("/calls/{id}")).await;
    assert!(!anonymous.contains("May a school apply?"));
    // Answered: shown as answered, and published for everyone.
    let q = grants::db::calls::questions_of(
        &mut app.state.pool.get().unwrap(),
        &grants::db::users::find_by_email(&mut app.state.pool.get().unwrap(), "me@example.kz")
            .unwrap()
            .unwrap()
            .id,
    )
    .unwrap();
    let qid = q[0].0.id.clone();
    // From the preview, "Change what I typed" gives the answer back in its form.
    let res = app
        .post_form_with(
            &staff,
            &format!("/manage/calls/{id}/clarifications/{qid}/answer/preview"),
            &[("answer", "Yes, a public school may."), ("edit", "1")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    assert!(body(res)
        .await
        .contains(">Yes, a public school may.</textarea>"));
    let res = app
        .post_form_with(
            &staff,
            &format!("/manage/calls/{id}/clarifications/{qid}/answer"),
            &[("answer", "Yes, a public school may.")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let mine = page(&app, &me, "/my").await;
    assert!(mine.contains("Answered") && mine.contains("read the answer"));
    let anonymous = page(&app, &new_client(), &format!("/calls/{id}")).await;
    assert!(anonymous.contains("May a school apply?"));
}

async fn public_information_pages_sitemap_and_call_search(app: TestApp) {
    let contact = &app.state.settings.contact;
    for (path, text, email) in [
        ("/help", "Questions about a call", &contact.email),
        ("/accessibility", "WCAG 2.1", &contact.email),
        ("/privacy", "How long", &contact.data_protection_email),
    ] {
        let html = page(&app, &new_client(), path).await;
        assert!(html.contains(text), "{path}");
        assert!(html.contains(email.as_str()), "{path} names the contact");
        assert!(html.contains("/static/eu-emblem.svg"));
    }
    let privacy = page(&app, &new_client(), "/privacy").await;
    assert!(privacy.contains(&format!(
        "removed after {} days",
        app.state.settings.security.unconfirmed_account_days
    )));
    let reader = new_client();
    in_language(&app, &reader, "kk").await;
    assert!(page(&app, &reader, "/accessibility")
        .await
        .contains("Қолжетімділік туралы мәлімдеме"));
    let emblem = new_client()
        .get(app.url("/static/eu-emblem.svg"))
        .send()
        .await
        .unwrap();
    assert_eq!(emblem.status(), StatusCode::OK);

    let (_, actor) = delegation(&app).await;
    let pid = programme(&app, &actor, today(&app) - Duration::days(30), "P-PUB").await;
    let national = published_with_lot_1(&app, &actor, &pid, "CALL-PILOT", 1_000_000).await;
    let draft = draft_call(&app, &actor, &pid, "CALL-SECRET", 60).await;
    let robots = body(
        new_client()
            .get(app.url("/robots.txt"))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert!(
        robots.contains("Disallow: /")
            && robots.contains("Allow: /calls")
            && robots.contains("Sitemap:")
    );
    let sitemap = body(
        new_client()
            .get(app.url("/sitemap.xml"))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert!(sitemap.contains(&format!("/calls/{national}</loc>")));
    assert!(!sitemap.contains(&draft), "drafts are not public");

    // Search and filters: lot 1 is in the pilot oblasts, lot 2 national.
    let found = |q: &'static str| {
        let app = &app;
        async move { page(app, &new_client(), &format!("/calls?{q}")).await }
    };
    let html = found("location=national").await;
    assert!(html.contains("CALL-PILOT") && html.contains("One call matches."));
    let html = found("q=no+such+words").await;
    assert!(html.contains("0 calls match.") && !html.contains("CALL-PILOT"));
    let html = found("q=call-pilot&status=open&applicant_type=ngo").await;
    assert!(html.contains("CALL-PILOT"));
    let html = found("status=cancelled").await;
    assert!(!html.contains("CALL-PILOT"));
    let res = new_client()
        .get(app.url("/calls?unknown=1"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
}

async fn the_grid_editor_reports_every_wrong_line(app: TestApp) {
    let (staff, actor) = delegation(&app).await;
    let pid = programme(&app, &actor, today(&app) - Duration::days(30), "P-GRID").await;
    let id = draft_call(&app, &actor, &pid, "CALL-GRID", 60).await;
    let form = page(&app, &staff, &format!("/manage/calls/{id}/grids")).await;
    // The table editor is offered (JavaScript), the text stays the form's field.
    assert!(form.contains("data-grid-editor") && form.contains("/static/grid-editor.js"));
    let script = new_client()
        .get(app.url("/static/grid-editor.js"))
        .send()
        .await
        .unwrap();
    assert_eq!(script.status(), StatusCode::OK);
    assert!(script.headers()["content-type"]
        .to_str()
        .unwrap()
        .contains("javascript"));
    let res = app
        .post_form_with(
            &staff,
            &format!("/manage/calls/{id}/grids"),
            &[
                (
                    "concept_note_grid",
                    "1.1 Orphan\n1 Relevance | relevance\n1.1 A | x3\n2.1 Wrong section",
                ),
                ("full_application_grid", "1 A\n1.1 B"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = body(res).await;
    for line in ["Line 1:", "Line 3:", "Line 4:"] {
        assert!(html.contains(line), "{line}: {html}");
    }
}
