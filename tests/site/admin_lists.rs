//! The back office's lists and words, on both backends: the signatories
//! listed by their country's name in the reader's language; the accounts'
//! buttons named with their account; a page's sources beside its form,
//! never in the text; a comparison that marks the changed words; a
//! disabled account told so only after its right password; leaving a form
//! said apart from cancelling an event.

use scraper::Html;

use crate::common::{attr, attrs, both_backends, staff::PASSWORD, text, texts};

async fn html(response: reqwest::Response) -> Html {
    Html::parse_document(&response.text().await.expect("body"))
}

/// The countries of the back office's whole list of signatories, in the
/// order it shows them (each once), as `staff` reads it.
async fn listed_countries(staff: &crate::common::staff::Staff<'_>) -> Vec<String> {
    let mut countries: Vec<String> = Vec::new();
    for page in 1.. {
        let response = staff.get(&format!("/admin/signatories?page={page}")).await;
        if response.status() == 404 {
            break;
        }
        let list = html(response).await;
        for country in texts(&list, "#signatory-results tbody td:nth-child(3)") {
            if countries.last() != Some(&country) {
                assert!(!countries.contains(&country), "{country} listed in two places: {countries:?}");
                countries.push(country);
            }
        }
    }
    countries
}

/// Whether `part` is in `whole` in the same order.
fn in_order(part: &[String], whole: &[String]) -> bool {
    let mut rest = whole.iter();
    part.iter().all(|wanted| rest.any(|name| name == wanted))
}

both_backends! {
    async fn signatories_are_listed_by_their_countrys_name_in_each_language(app.seeded()) {
        let staff = app.staff("ada@example.org", "admin").await;
        for lang in ["fr", "en"] {
            assert_eq!(staff.post("/admin/account/language", &[("lang", lang)]).await.status(), 303);
            let listed = listed_countries(&staff).await;
            assert!(listed.len() >= 10, "{lang}: {listed:?}");
            // The country drop-down is in alphabetical order of the names.
            let choices: Vec<String> = texts(&staff.page("/admin/signatories").await, "#filter-country option").into_iter().skip(1).collect();
            assert!(in_order(&listed, &choices), "{lang}: the list {listed:?} is not in the order of {choices:?}");
        }
        // The same countries in another order: by name, not by code.
        staff.post("/admin/account/language", &[("lang", "fr")]).await;
        let french = listed_countries(&staff).await;
        staff.post("/admin/account/language", &[("lang", "en")]).await;
        let english = listed_countries(&staff).await;
        let position = |list: &[String], name: &str| list.iter().position(|c| c == name);
        if let (Some(de), Some(fr)) = (position(&french, "Allemagne"), position(&french, "France")) {
            assert!(de < fr, "Allemagne before France: {french:?}");
            assert!(position(&english, "Germany") > position(&english, "France"), "Germany after France: {english:?}");
        }
    }

    async fn the_accounts_buttons_are_named_with_their_account(app) {
        let admin = app.staff("ada@example.org", "admin").await;
        app.create_account("eddie@example.org", "editor");
        app.create_account("zoe@example.org", "admin");
        let page = admin.page("/admin/accounts").await;
        let roles = attrs(&page, "#accounts .account-role button", "aria-label");
        assert_eq!(roles, ["Changer le rôle de eddie@example.org", "Changer le rôle de zoe@example.org"]);
        let disables = attrs(&page, "#accounts .account-actions form[data-form=account-disable] button", "aria-label");
        assert_eq!(disables, ["Désactiver eddie@example.org", "Désactiver zoe@example.org"]);
        let deletes = attrs(&page, "#accounts .account-actions a", "aria-label");
        assert_eq!(deletes, ["Supprimer eddie@example.org", "Supprimer zoe@example.org"]);
        // The name begins with the words on the button.
        assert_eq!(texts(&page, "#accounts .account-role button"), ["Changer le rôle", "Changer le rôle"]);
        // A disabled account's button is "Enable" with its address.
        assert_eq!(admin.post(&attrs(&page, "#accounts form[data-form=account-disable]", "action")[0], &[]).await.status(), 303);
        let page = admin.page("/admin/accounts").await;
        assert_eq!(attrs(&page, "#accounts form[data-form=account-enable] button", "aria-label"), ["Réactiver eddie@example.org"]);
    }

    async fn a_disabled_account_is_told_so_only_after_its_right_password(app) {
        app.create_account("marie@example.org", "editor");
        assert!(app.cli(&["admin", "disable", "marie@example.org"]).status.success());
        let refusal = |response: reqwest::Response| async move {
            let status = response.status().as_u16();
            (status, texts(&html(response).await, ".form-error"))
        };
        let (status, right) = refusal(app.post_sign_in("marie@example.org", PASSWORD).await).await;
        assert_eq!(status, 422);
        assert_eq!(right, ["Ce compte a été désactivé\u{202f}: il ne peut plus se connecter. Demandez à un administrateur du site de le réactiver."]);
        // A wrong password gets what an unknown address gets.
        let wrong = refusal(app.post_sign_in("marie@example.org", "not the password at all").await).await;
        let unknown = refusal(app.post_sign_in("ghost@example.org", "not the password at all").await).await;
        assert_eq!(wrong, unknown);
        assert_eq!(wrong.1, ["L’adresse ou le mot de passe est incorrect. Si vous avez essayé plusieurs fois, attendez 15 minutes avant de réessayer."]);
        let kinds: Vec<(String, String)> =
            app.rows("SELECT kind, summary FROM audit_log WHERE kind = 'session.sign_in_failed' ORDER BY id").await;
        assert_eq!(kinds[0], ("session.sign_in_failed".to_owned(), "account disabled".to_owned()));
    }

    async fn a_pages_sources_are_beside_its_form_never_in_its_text(app) {
        // An admin: the privacy notice is among the pages only admins change.
        let editor = app.staff("eddie@example.org", "admin").await;
        for (path, public, lang) in [("/admin/pages/about/en", "/en/about", "en"), ("/admin/pages/privacy/fr", "/fr/confidentialite", "fr")] {
            let form = editor.page(path).await;
            assert!(!text(&form, "#page-body").contains("Sources"), "{path}: the sources in the text");
            assert!(!text(&form, "#page-body").starts_with("<!--"), "{path}");
            assert_eq!(text(&form, "#page-sources h2"), "Sources de ce texte");
            assert!(text(&form, "#page-sources-text").starts_with("Sources"), "{path}");
            assert_eq!(attr(&form, "#page-sources-text", "lang"), lang, "{path}: the note's language");
            if path.contains("about") {
                // The sources of one statement, once a comment in the text, too.
                let paragraphs = texts(&form, "#page-sources-text p");
                assert!(paragraphs.len() == 2 && paragraphs[1].starts_with("Confirmed:"), "{paragraphs:?}");
                assert!(!text(&form, "#page-body").contains("Confirmed"));
            }
            let response = app.get(public).await;
            if response.status() == 200 {
                assert!(!text(&html(response).await, "main").contains("Sources"), "{public}");
            }
        }
        // A text stored with its sources at its head (as saved before they
        // were kept beside it) is edited without them.
        let stored = "<!-- Sources: an old note. -->\n\nOld words about the campaign.\n";
        assert_eq!(editor.post("/admin/pages/about/en", &[("body", stored), ("base", "bundled")]).await.status(), 303);
        let form = editor.page("/admin/pages/about/en").await;
        assert_eq!(text(&form, "#page-body").trim(), "Old words about the campaign.");
        let page = app.page_showing("/en/about", |page| text(page, "article").contains("Old words")).await;
        assert!(!text(&page, "article").contains("old note"));
    }

    async fn a_comparison_marks_the_changed_words_only(app) {
        let editor = app.staff("eddie@example.org", "editor").await;
        let file = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("locales/en/pages/about.md");
        let bundled = std::fs::read_to_string(file).expect("the bundled page");
        let first = bundled.lines().next().expect("a first line").to_owned();
        let changed = bundled.replacen(&first, &first.replacen("Congress", "Congress (CLRAE)", 1), 1);
        assert_eq!(editor.post("/admin/pages/about/en", &[("body", changed.as_str()), ("base", "bundled")]).await.status(), 303);
        let compare = editor.page("/admin/pages/about/en/revisions/bundled/compare").await;
        assert_eq!(texts(&compare, "#page-diff tr.diff-added ins"), ["(CLRAE)"]);
        assert_eq!(texts(&compare, "#page-diff tr.diff-removed del"), Vec::<String>::new(), "nothing taken out");
        // The whole line is still there, and said in words.
        assert_eq!(text(&compare, "#page-diff tr.diff-added td code"), first.replacen("Congress", "Congress (CLRAE)", 1));
        assert_eq!(texts(&compare, "#page-diff tr.diff-added .diff__change"), ["Ajoutée"]);
    }

    async fn leaving_a_form_is_not_cancelling_an_event(app.seeded()) {
        let editor = app.staff("eddie@example.org", "editor").await;
        let list = editor.page("/admin/events").await;
        let event = attrs(&list, "main table tbody a", "href").remove(0);
        let form = editor.page(&event).await;
        assert_eq!(text(&form, "form[data-form=event] .admin-actions a"), "Retour aux événements");
        let words = texts(&form, "main a, main button");
        let cancelling = texts(&form, "#event-cancel");
        assert!(cancelling.iter().all(|w| w == "Annuler cet événement"), "{cancelling:?}");
        let cancel_words = words.iter().filter(|w| w.starts_with("Annuler")).count();
        assert_eq!(cancel_words, cancelling.len(), "only the event's cancellation: {words:?}");
        for (path, leave) in [("/admin/signatories/new", "Retour aux signataires"), ("/admin/news/new", "Retour aux actualités"), ("/admin/pages/about/fr", "Retour aux pages")] {
            let form = editor.page(path).await;
            assert_eq!(text(&form, "main form .admin-actions a"), leave, "{path}");
        }
    }
}
