//! Text that people type, shown to others, on both backends: the Unicode
//! bidirectional controls refused in names, titles and addresses (the back
//! office's forms, the CSV imports, the command line, the newsletter's
//! form), with a message in each language; and left out of what was
//! stored before they were.

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
        assert_eq!(problems, ["Line 2: column name: The name contains an invisible character that changes the direction of the text: type the name again rather than paste it."]);
        assert_eq!(signatories(app).await, 0);
    }

    async fn titles_and_addresses_with_a_bidirectional_control_are_refused(app) {
        let staff = app.staff("ada@example.org", "admin").await;
        let event = [
            ("title_fr", "Forum \u{2067}des villes"), ("title_en", "Forum of cities"), ("start", "2030-12-05"), ("end", ""),
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
}
