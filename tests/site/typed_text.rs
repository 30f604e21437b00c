//! Text that people type, shown to others, on both backends: the Unicode
//! bidirectional controls refused in names, titles and addresses (the back
//! office's forms, the CSV imports, the command line, the newsletter's
//! form), with a message in each language, and left out of what was
//! stored before they were; and names, titles and addresses isolated
//! (`<bdi>`) wherever the public site and the back office show them, so
//! that none reorders the text around it.

use scraper::{ElementRef, Html, Selector};

use crate::{
    admin_news,
    admin_signatories::{fields, html, upload},
    common::{Backend, TestApp, attr, attrs, both_backends, stderr, text, texts},
};

/// The bidirectional controls: embeddings and overrides, isolates, marks.
const CONTROLS: [char; 12] = [
    '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}', '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}',
    '\u{200E}', '\u{200F}', '\u{061C}',
];

/// A name whose words after U+202E would read backwards.
const REVERSING: &str = "Valmorin \u{202E}ed elliv";

async fn signatories(app: &TestApp) -> i64 {
    let rows: Vec<(i64,)> = app.rows("SELECT count(*) FROM signatories").await;
    rows[0].0
}

/// Every element `selector` matches, each with the texts of the `<bdi>`
/// elements in it (or its own, when it has `dir=auto`) and its whole text.
fn isolated(html: &Html, selector: &str) -> Vec<(Vec<String>, String)> {
    let selector = Selector::parse(selector).expect("selector");
    let bdi = Selector::parse("bdi").expect("selector");
    let text = |element: ElementRef<'_>| element.text().collect::<String>();
    html.select(&selector)
        .map(|element| {
            let inner = if element.value().attr("dir") == Some("auto") {
                vec![text(element)]
            } else {
                element.select(&bdi).map(text).collect()
            };
            (inner, text(element))
        })
        .collect()
}

/// Each element `selector` matches has its whole text isolated: one
/// `<bdi>`, or `dir="auto"`, holding exactly what it shows.
fn all_isolated(html: &Html, selector: &str) -> usize {
    let found = isolated(html, selector);
    for (inner, whole) in &found {
        assert_eq!(inner, std::slice::from_ref(whole), "{selector}: {whole:?} is not isolated");
    }
    found.len()
}

both_backends! {
    async fn a_name_with_a_bidirectional_control_is_refused(app) {
        let staff = app.staff("eddie@example.org", "editor").await;
        // The back office's form, in each field of a name, in each language.
        for field in ["name", "name_fr", "name_en"] {
            let response = staff.post("/admin/signatories/new", &fields(&[(field, REVERSING)])).await;
            assert_eq!(response.status(), 422, "{field}");
            let page = html(response).await;
            let id = format!("#signatory-{}", field.replace('_', "-"));
            assert_eq!(text(&page, &format!("{id}-error")), "Le nom contient un caractère invisible qui change le sens du texte\u{a0}: saisissez le nom au clavier plutôt que de le coller.", "{field}");
            assert_eq!(attr(&page, &id, "aria-invalid"), "true");
        }
        assert_eq!(staff.post("/admin/account/language", &[("lang", "en")]).await.status(), 303);
        let page = html(staff.post("/admin/signatories/new", &fields(&[("name", "Valmorin\u{200F}")])).await).await;
        assert_eq!(text(&page, "#signatory-name-error"), "The name contains an invisible character that changes the direction of the text: type the name again rather than paste it.");
        assert_eq!(signatories(app).await, 0);

        // The command line: every control, refused with its line; nothing written.
        let before = app.export();
        for control in CONTROLS {
            let file = format!("name,kind,country,joined_on\nLyon,city,FR,2015-01-01\nNi{control}ce,city,FR,2015-01-01\n");
            let output = app.import("bidi.csv", &file);
            assert!(!output.status.success(), "U+{:04X} accepted", u32::from(control));
            let message = stderr(&output);
            assert!(message.contains(&format!("line 3: name: the name contains U+{:04X}", u32::from(control))), "{message}");
            assert!(message.contains("nothing was imported"), "{message}");
            assert_eq!(app.export(), before, "something was written");
        }
        let output = app.import("bidi.csv", &format!("name,kind,country,joined_on,name_en\nLyon,city,FR,2015-01-01,{REVERSING}\n"));
        assert!(stderr(&output).contains("line 2: name_en: the name contains U+202E"), "{}", stderr(&output));
        assert_eq!(signatories(app).await, 0);

        // The back office's upload.
        let response = upload(&staff, "bidi.csv", &format!("name,kind,country,joined_on\n{REVERSING},city,FR,2015-01-01\n")).await;
        assert_eq!(response.status(), 422);
        let problems = texts(&html(response).await, "#import-problems li");
        assert_eq!(problems, ["Line 2: column “name”: The name contains an invisible character that changes the direction of the text: type the name again rather than paste it."]);
        assert_eq!(signatories(app).await, 0);
    }

    async fn titles_and_addresses_with_a_bidirectional_control_are_refused(app) {
        let staff = app.staff("ada@example.org", "admin").await;
        let event = [
            ("title_fr", "Forum \u{2067}des villes"), ("title_en", "Forum of cities"), ("start_date", "2030-12-05"),
            ("time_zone", "Europe/Paris"), ("status", "scheduled"), ("venue_name", ""), ("venue_city", ""), ("venue_country", ""),
            ("online_url", "https://example.org/live"), ("registration_url", ""), ("signatory", ""), ("description_fr", ""), ("description_en", ""),
        ];
        let response = staff.post("/admin/events/new", &event).await;
        assert_eq!(response.status(), 422);
        assert_eq!(text(&html(response).await, "#event-title-fr-error"), "Ce texte contient un caractère invisible qui change le sens du texte\u{a0}: saisissez-le au clavier plutôt que de le coller.");
        let news = admin_news::fields(&[("title_fr", "Nouvelle \u{202D}à l’envers")]);
        let response = admin_news::send(&staff, "/admin/news/new", &news, None, None).await;
        assert_eq!(response.status(), 422);
        assert_eq!(text(&html(response).await, "#news-title-fr-error"), "Le texte contient un caractère invisible qui change le sens du texte\u{a0}: saisissez-le au clavier plutôt que de le coller.");
        // An account's address.
        let response = staff.post("/admin/accounts/invite", &[("email", "ev\u{202E}e@example.org"), ("role", "editor"), ("lang", "fr")]).await;
        assert_eq!(response.status(), 422);
        assert_eq!(text(&html(response).await, "#invite-email-error"), "Cette adresse contient un caractère invisible qui change le sens du texte\u{a0}: saisissez-la au clavier plutôt que de la coller.");
        let output = app.cli_with_input(&["admin", "create", "ev\u{2066}e@example.org", "--role", "editor"], "x\nx\n");
        assert!(!output.status.success());
        assert!(stderr(&output).contains("U+2066"), "{}", stderr(&output));
        // A subscriber's address.
        let page = app.page("/en/newsletter").await;
        let csrf = attr(&page, "form[data-form=newsletter-subscribe] input[name=csrf]", "value");
        let response = app.client.post(app.url("/en/newsletter"))
            .form(&[("email", "reader\u{200E}@example.org"), ("consent", "yes"), ("csrf", csrf.as_str()), ("website", "")]).send().await.expect("POST");
        assert_eq!(response.status(), 422);
        assert_eq!(text(&html(response).await, "#subscribe-email-error"), "This email address contains an invisible character that changes the direction of the text: type it again rather than paste it.");
        let rows: Vec<(i64,)> = app.rows("SELECT count(*) FROM subscribers").await;
        assert_eq!(rows[0].0, 0);
        let rows: Vec<(i64,)> = app.rows("SELECT (SELECT count(*) FROM events) + (SELECT count(*) FROM news) + (SELECT count(*) FROM invitations)").await;
        assert_eq!(rows[0].0, 0);
    }

    /// A name stored before the controls were refused is shown, and
    /// edited, without them.
    async fn a_control_stored_before_is_left_out(app.seeded()) {
        let sql = match app.backend {
            Backend::Sqlite => "UPDATE signatories SET name = name || char(8238) || ' ed elliv' WHERE name = 'Durrës'",
            Backend::Postgres => "UPDATE signatories SET name = name || chr(8238) || ' ed elliv' WHERE name = 'Durrës'",
        };
        app.execute(sql).await;
        let directory = app.page("/fr/adherents?country=AL").await;
        assert!(texts(&directory, ".signatory > a").contains(&"Durrës ed elliv".to_owned()));
        assert!(!directory.html().contains('\u{202E}'));
        let href = attrs(&directory, ".signatory > a", "href").into_iter().find(|h| h.contains("durres")).expect("a link");
        assert_eq!(text(&app.page(&href).await, "h1"), "Durrës ed elliv");
        let staff = app.staff("eddie@example.org", "editor").await;
        let id = href.trim_start_matches("/fr/adherents/").split('-').next().unwrap_or_default().to_owned();
        let form = staff.page(&format!("/admin/signatories/{id}")).await;
        assert_eq!(attr(&form, "#signatory-name", "value"), "Durrës ed elliv");
    }

    async fn names_titles_and_addresses_are_isolated_where_shown(app.seeded()) {
        // A city of Türkiye known in English by a name that ends in Hebrew
        // letters: unisolated, its parentheses and the tag after it would
        // be drawn in the wrong order.
        let output = app.import("rtl.csv", "name,kind,country,joined_on,name_en\nמבשרת ציון,city,TR,2020-01-01,Mevaseret (city of) עיר\n");
        assert!(output.status.success(), "{}", stderr(&output));
        let directory = app.page("/fr/adherents").await;
        assert!(all_isolated(&directory, ".signatory > a") > 10);
        assert!(texts(&directory, ".signatory > a").contains(&"מבשרת ציון".to_owned()));
        let english = app.page("/en/members?country=TR").await;
        assert_eq!(all_isolated(&english, ".signatory > a"), 1);
        assert_eq!(texts(&english, ".signatory > a"), ["Mevaseret (city of) עיר"]);
        assert_eq!(texts(&english, ".signatory__own"), ["(מבשרת ציון)"], "the visible text is unchanged");
        assert_eq!(texts(&english, ".signatory__own > bdi"), ["מבשרת ציון"]);
        let page = app.page(&attr(&english, ".signatory > a", "href")).await;
        assert_eq!(all_isolated(&page, "h1"), 1);
        assert_eq!(texts(&page, ".facts dd > bdi"), ["מבשרת ציון"]);

        // Events and news: their titles in every list and on their pages,
        // the venue and its city where a card says where.
        let home = app.page("/fr/").await;
        assert_eq!(all_isolated(&home, ".upcoming .event-card__title a"), 3);
        assert_eq!(all_isolated(&home, ".news-card__title a"), 3);
        let calendar = app.page("/en/calendar").await;
        let cards = all_isolated(&calendar, ".event-card__title a");
        assert!(cards > 0);
        assert!(!texts(&calendar, ".event-card__place bdi").is_empty(), "venues are isolated");
        for href in attrs(&calendar, ".event-card__title a", "href") {
            let event = app.page(&href).await;
            let title = texts(&event, "h1 > bdi");
            assert_eq!(title.len(), 1, "{href}");
            assert!(text(&event, "h1").starts_with(&title[0]), "{href}");
        }
        let news = app.page("/en/news").await;
        assert!(all_isolated(&news, ".news-list__title a") > 0);
        let item = app.page(&attrs(&news, ".news-list__title a", "href")[0]).await;
        assert_eq!(all_isolated(&item, "h1"), 1);

        // The back office's lists and pages.
        let staff = app.staff("ada@example.org", "admin").await;
        app.create_account("eddie@example.org", "editor");
        let list = staff.page("/admin/signatories").await;
        assert!(all_isolated(&list, "td > a[href^='/admin/signatories/']") > 10);
        let list = staff.page("/admin/events").await;
        assert!(all_isolated(&list, "td > a[href^='/admin/events/']") > 0);
        let list = staff.page("/admin/news").await;
        assert!(all_isolated(&list, "td > a[href^='/admin/news/']") > 0);
        let list = staff.page("/admin/accounts").await;
        assert_eq!(all_isolated(&list, ".account-email"), 2);
        assert_eq!(texts(&list, "label[for^=role-] bdi"), ["eddie@example.org"]);
        assert_eq!(all_isolated(&list, ".admin-header__who"), 1);
        let page = app.page("/en/newsletter").await;
        let csrf = attr(&page, "form[data-form=newsletter-subscribe] input[name=csrf]", "value");
        let response = app.client.post(app.url("/en/newsletter"))
            .form(&[("email", "reader@example.org"), ("consent", "yes"), ("csrf", csrf.as_str()), ("website", "")]).send().await.expect("POST");
        assert_eq!(response.status(), 200);
        let list = staff.page("/admin/subscribers?q=reader").await;
        assert_eq!(all_isolated(&list, "#subscriber-results td > a"), 1);
        let record = staff.page(&attr(&list, "#subscriber-results td > a", "href")).await;
        assert_eq!(all_isolated(&record, "h1"), 1);
        let dashboard = staff.page("/admin/").await;
        assert!(all_isolated(&dashboard, "#latest-signatures li > a") > 0);
        // Fields show what was typed in its own direction.
        let form = staff.page("/admin/signatories/new").await;
        assert_eq!(attr(&form, "#signatory-name", "dir"), "auto");
    }
}
