//! The back office's language is the person's choice — given when the
//! account is made on the command line, or by the invitation — and until
//! then their browser's; never the language the public site was last read
//! in (its `lang` cookie).

use scraper::Html;

use crate::common::{
    TestApp, both_backends,
    staff::{PASSWORD, Staff},
    stderr, text,
};

/// The dashboard's language for a browser that asks for `accept` and last
/// read the public site in `public`.
async fn dashboard_lang(app: &TestApp, staff: &Staff<'_>, accept: &str, public: &str) -> String {
    let response = app
        .client
        .get(app.url("/admin/"))
        .header("cookie", format!("{}; lang={public}", staff.cookie))
        .header("accept-language", accept)
        .send()
        .await
        .expect("GET /admin/");
    assert_eq!(response.status(), 200);
    let page = Html::parse_document(&response.text().await.expect("body"));
    let selector = scraper::Selector::parse("html").expect("selector");
    page.select(&selector).next().and_then(|html| html.value().attr("lang")).unwrap_or("").to_owned()
}

both_backends! {
    async fn the_language_given_at_creation_is_the_back_offices(app) {
        let output = app.cli_with_input(
            &["admin", "create", "ada@example.org", "--role", "admin", "--lang", "en"],
            &format!("{PASSWORD}\n{PASSWORD}\n"),
        );
        assert!(output.status.success(), "{}", stderr(&output));
        let staff = app.sign_in("ada@example.org", PASSWORD).await;
        assert_eq!(dashboard_lang(app, &staff, "fr", "fr").await, "en");
        assert_eq!(text(&staff.page("/admin/account").await, "h1"), "My account");

        let output = app.cli_with_input(&["admin", "create", "bea@example.org", "--lang", "de"], "");
        assert!(!output.status.success(), "an unknown language is refused");
        let rows: Vec<(i64,)> = app.rows("SELECT count(*) FROM accounts WHERE email = 'bea@example.org'").await;
        assert_eq!(rows, [(0,)]);
    }

    async fn until_chosen_the_browsers_language_not_the_public_sites(app) {
        let staff = app.staff("eddie@example.org", "editor").await;
        // Read the public site in English, asks for French: French.
        assert_eq!(dashboard_lang(app, &staff, "fr-FR,fr;q=0.9", "en").await, "fr");
        assert_eq!(dashboard_lang(app, &staff, "en-GB,en;q=0.9", "fr").await, "en");
        // Chosen under My account: that, whatever the browser says.
        assert_eq!(staff.post("/admin/account/language", &[("lang", "en")]).await.status(), 303);
        assert_eq!(dashboard_lang(app, &staff, "fr", "fr").await, "en");
    }
}
