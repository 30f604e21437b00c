//! Editing the prose pages in the back office, over HTTP on both backends:
//! the list, a preview that writes nothing, a save that the public page
//! shows at its next load, the revisions down to the bundled text, a
//! revision viewed, compared with the current one and restored; two people
//! saving the same page; the texts refused; and who may do what.

use scraper::{Html, Selector};

use crate::common::{TestApp, attr, attrs, both_backends, staff::Staff, text, texts};

const ABOUT_EN: &str = "/admin/pages/about/en";
const NEW_TEXT: &str =
    "## A new heading\n\nNew words about the campaign.\n\nA [page of examples](https://example.org/).\n";

async fn html(response: reqwest::Response) -> Html {
    Html::parse_document(&response.text().await.expect("body"))
}

/// The text in the form's field, as typed (not folded like [`text`]).
fn typed(page: &Html) -> String {
    let selector = Selector::parse("#page-body").expect("selector");
    let fields: Vec<String> = page.select(&selector).map(|e| e.text().collect()).collect();
    assert_eq!(fields.len(), 1, "one text field");
    fields.into_iter().next().unwrap_or_default()
}

/// The revision the page's form was read at.
fn base(page: &Html) -> String {
    attr(page, "form.admin-form input[name=base]", "value")
}

/// The public page's article text.
async fn public_about(app: &TestApp) -> String {
    text(&app.page("/en/about").await, "article")
}

async fn revision_count(app: &TestApp) -> i64 {
    let rows: Vec<(i64,)> = app.rows("SELECT count(*) FROM page_revisions").await;
    rows[0].0
}

/// The audit log's entries of pages, oldest first.
async fn audit(app: &TestApp) -> Vec<(Option<String>, String, String)> {
    app.rows("SELECT actor_email, kind, summary FROM audit_log WHERE kind LIKE 'page.%' ORDER BY id").await
}

/// The number of the latest revision of English About.
async fn latest_id(app: &TestApp) -> i64 {
    let rows: Vec<(i64,)> =
        app.rows("SELECT id FROM page_revisions WHERE page = 'about' AND lang = 'en' ORDER BY seq DESC").await;
    rows.first().map(|(id,)| *id).expect("a revision")
}

async fn save(staff: &Staff<'_>, path: &str, body: &str, base: &str) -> reqwest::Response {
    staff.post(path, &[("body", body), ("base", base)]).await
}

both_backends! {
    async fn a_page_is_previewed_saved_shown_compared_and_restored(app) {
        let editor = app.staff("eddie@example.org", "editor").await;
        let bundled = public_about(app).await;
        assert!(bundled.contains("Lanzarote Convention"), "{bundled}");

        // The list: eight pages in two languages, all with their bundled
        // text; an editor's, without the two notices only admins change.
        let list = editor.page("/admin/pages").await;
        assert_eq!(text(&list, "h1"), "Pages");
        assert_eq!(attr(&list, ".main-nav a[aria-current=page]", "href"), "/admin/pages");
        assert_eq!(texts(&list, "#pages tbody tr").len(), 12);
        assert_eq!(texts(&list, "#pages .page-current"), vec!["Texte livré avec le site".to_owned(); 12]);
        assert!(attrs(&list, "#pages th a", "href").contains(&ABOUT_EN.to_owned()));

        // The form: the bundled Markdown, based on the bundled text.
        let form = editor.page(ABOUT_EN).await;
        assert!(typed(&form).contains("Lanzarote Convention"));
        assert_eq!(base(&form), "bundled");
        assert_eq!(text(&form, "#page-current"), "Le texte actuel est celui livré avec le site.");
        assert_eq!(attr(&form, "label[for=page-body]", "for"), "page-body");

        // A preview: drawn by the server above the form, the text kept, nothing written.
        let response = editor.post(&format!("{ABOUT_EN}/preview"), &[("body", NEW_TEXT), ("base", "bundled")]).await;
        assert_eq!(response.status(), 200);
        let preview = html(response).await;
        assert_eq!(texts(&preview, "#page-preview .prose h2"), ["A new heading"]);
        assert_eq!(attr(&preview, "#page-preview .prose a", "href"), "https://example.org/");
        assert_eq!(typed(&preview), NEW_TEXT);
        assert_eq!(base(&preview), "bundled");
        assert_eq!(revision_count(app).await, 0);
        assert_eq!(public_about(app).await, bundled);

        // Saved: the public page shows it at its next load; French is untouched.
        let response = save(&editor, ABOUT_EN, NEW_TEXT, "bundled").await;
        assert_eq!(response.status(), 303);
        assert_eq!(response.headers()["location"], "/admin/pages/about/en?done=saved");
        let page = app.page_showing("/en/about", |page| text(page, "article").contains("New words")).await;
        assert_eq!(texts(&page, "article h2"), ["A new heading"]);
        assert!(!text(&page, "article").contains("Lanzarote"));
        assert!(text(&app.page("/fr/a-propos").await, "article").contains("Convention de Lanzarote"));
        let saved = editor.page("/admin/pages/about/en?done=saved").await;
        assert!(!text(&saved, "#page-done").is_empty());
        assert_eq!(typed(&saved), NEW_TEXT);
        assert!(text(&saved, "#page-current").ends_with("par eddie@example.org."), "{}", text(&saved, "#page-current"));
        let first = latest_id(app).await;
        assert_eq!(base(&saved), first.to_string());
        assert_eq!(
            audit(app).await,
            [(Some("eddie@example.org".to_owned()), "page.saved".to_owned(), format!("about (en): revision #{first}"))]
        );
        let list = editor.page("/admin/pages").await;
        assert_eq!(texts(&list, "#pages .page-author").iter().filter(|a| *a == "eddie@example.org").count(), 1);

        // The revisions: the saved one, current, then the bundled text.
        let history = editor.page(&format!("{ABOUT_EN}/revisions")).await;
        let views = attrs(&history, "#revisions a.revision-view", "href");
        assert_eq!(views, [format!("{ABOUT_EN}/revisions/{first}"), format!("{ABOUT_EN}/revisions/bundled")]);
        assert!(text(&history, &format!("#revision-{first}")).contains("eddie@example.org"));
        assert!(text(&history, "#revision-bundled").contains("Texte livré avec le site"));
        assert_eq!(attrs(&history, "#revisions a.revision-compare", "href"), [format!("{ABOUT_EN}/revisions/bundled/compare")]);

        // Viewed, rendered as the public page would.
        let view = editor.page(&format!("{ABOUT_EN}/revisions/bundled")).await;
        assert!(text(&view, "#revision-text").contains("Lanzarote Convention"));
        let view = editor.page(&format!("{ABOUT_EN}/revisions/{first}")).await;
        assert_eq!(texts(&view, "#revision-text h2"), ["Le texte tel que la page publique l’affiche", "A new heading"]);

        // Compared with the current text: what went, what came, said in words.
        let compare = editor.page(&format!("{ABOUT_EN}/revisions/bundled/compare")).await;
        let added = texts(&compare, "#page-diff tr.diff-added");
        assert!(added.iter().any(|row| row.starts_with("Ajoutée") && row.contains("New words about the campaign.")), "{added:?}");
        let removed = texts(&compare, "#page-diff tr.diff-removed");
        assert!(removed.iter().any(|row| row.starts_with("Retirée") && row.contains("Lanzarote")), "{removed:?}");
        let same = editor.page(&format!("{ABOUT_EN}/revisions/{first}/compare")).await;
        assert!(!text(&same, "#page-diff-none").is_empty());

        // The bundled text restored: a new revision, and the public page as before.
        assert_eq!(texts(&compare, "#compare-restore"), ["Rétablir ce texte"]);
        let response = editor.post(&format!("{ABOUT_EN}/revisions/bundled/restore"), &[("base", &first.to_string())]).await;
        assert_eq!(response.status(), 303);
        assert_eq!(response.headers()["location"], "/admin/pages/about/en?done=restored");
        app.page_showing("/en/about", |page| text(page, "article") == bundled).await;
        assert_eq!(public_about(app).await, bundled);
        assert_eq!(revision_count(app).await, 2);
        let second = latest_id(app).await;
        assert_eq!(
            audit(app).await.last().cloned(),
            Some((Some("eddie@example.org".to_owned()), "page.restored".to_owned(), format!("about (en): revision #{second} restores the bundled text")))
        );
        let history = editor.page(&format!("{ABOUT_EN}/revisions")).await;
        assert_eq!(attrs(&history, "#revisions a.revision-view", "href").len(), 3);

        // The audit log names both kinds in the person's language.
        let admin = app.staff("ada@example.org", "admin").await;
        let log = admin.page("/admin/audit").await;
        let kinds = texts(&log, ".audit-kind");
        assert!(kinds.iter().any(|k| k == "Page enregistrée"), "{kinds:?}");
        assert!(kinds.iter().any(|k| k == "Version de page rétablie"), "{kinds:?}");

        // The author's account deleted: the revisions still name its address.
        let rows: Vec<(i64,)> = app.rows("SELECT id FROM accounts WHERE email = 'eddie@example.org'").await;
        assert_eq!(admin.post(&format!("/admin/accounts/{}/delete", rows[0].0), &[]).await.status(), 303);
        let authors: Vec<(Option<i64>, String)> = app.rows("SELECT author_id, author_email FROM page_revisions ORDER BY id").await;
        assert_eq!(authors, [(None, "eddie@example.org".to_owned()), (None, "eddie@example.org".to_owned())]);
        let history = admin.page(&format!("{ABOUT_EN}/revisions")).await;
        assert!(text(&history, &format!("#revision-{first}")).contains("eddie@example.org"));
    }

    async fn a_save_over_someone_elses_is_refused_with_the_text_kept(app) {
        let first = app.staff("eddie@example.org", "editor").await;
        let second = app.staff("ada@example.org", "admin").await;
        assert_eq!(base(&first.page(ABOUT_EN).await), "bundled");
        assert_eq!(base(&second.page(ABOUT_EN).await), "bundled");
        assert_eq!(save(&first, ABOUT_EN, "The first person's text.\n", "bundled").await.status(), 303);
        let theirs = latest_id(app).await;

        // The second, who read the bundled text too.
        let mine = "The second person's text.\n";
        let response = save(&second, ABOUT_EN, mine, "bundled").await;
        assert_eq!(response.status(), 409);
        let page = html(response).await;
        assert!(!text(&page, "#page-conflict").is_empty());
        assert_eq!(attr(&page, "#page-conflict-view", "href"), format!("{ABOUT_EN}/revisions/{theirs}"));
        assert_eq!(texts(&page, "#page-conflict-diff tr.diff-removed td code"), ["The first person's text."]);
        assert_eq!(texts(&page, "#page-conflict-diff tr.diff-added td code"), ["The second person's text."]);
        assert_eq!(typed(&page), mine);
        assert!(texts(&page, "#page-current").is_empty(), "the form posted back does not say which text is current");
        assert_eq!(base(&page), theirs.to_string());
        assert_eq!(revision_count(app).await, 1);
        assert!(public_about(app).await.contains("The first person's text."));

        // Saving again from that page replaces their text knowingly.
        assert_eq!(save(&second, ABOUT_EN, mine, &theirs.to_string()).await.status(), 303);
        app.page_showing("/en/about", |page| text(page, "article").contains("The second person's text.")).await;

        // A restore from a page read before someone's save is refused too.
        let history = first.page(&format!("{ABOUT_EN}/revisions")).await;
        let stale = attrs(&history, "#revisions input[name=base]", "value")[0].clone();
        assert_eq!(save(&first, ABOUT_EN, "A third text.\n", &stale).await.status(), 303);
        let response = first.post(&format!("{ABOUT_EN}/revisions/bundled/restore"), &[("base", &stale)]).await;
        assert_eq!(response.status(), 409);
        assert!(!text(&html(response).await, "#page-restore-conflict").is_empty());
        assert_eq!(revision_count(app).await, 3);
    }

    async fn bad_texts_strangers_and_unknown_pages_are_refused(app) {
        let editor = app.staff("eddie@example.org", "editor").await;

        // An empty text, and one too long: the form again, the text kept.
        for empty in ["", "  \r\n\n "] {
            let response = save(&editor, ABOUT_EN, empty, "bundled").await;
            assert_eq!(response.status(), 422);
            let page = html(response).await;
            assert_eq!(text(&page, "#page-body-error"), "Saisissez le texte de la page.");
            assert_eq!(attr(&page, "#page-body", "aria-invalid"), "true");
            assert!(attr(&page, "#page-body", "aria-describedby").contains("page-body-error"));
        }
        let long = "a".repeat(100 * 1024 + 1);
        let response = save(&editor, ABOUT_EN, &long, "bundled").await;
        assert_eq!(response.status(), 422);
        let page = html(response).await;
        assert_eq!(text(&page, "#page-body-error"), "Le texte est trop long\u{a0}: 100 Ko au plus.");
        assert_eq!(typed(&page).len(), long.len());
        assert_eq!(editor.post(&format!("{ABOUT_EN}/preview"), &[("body", ""), ("base", "bundled")]).await.status(), 422);

        // The operator's contacts and host go where the markers say, in the
        // preview as on the public page.
        let marked = "Write to us.\n\n<!-- contacts: listed here -->\n\n<!-- hosting: named here -->\n";
        // The legal notice is an admin's to change.
        let admin = app.staff("ada@example.org", "admin").await;
        let preview = html(admin.post("/admin/pages/legal/en/preview", &[("body", marked), ("base", "bundled")]).await).await;
        let shown = text(&preview, "#page-preview .prose");
        assert!(shown.contains("Write to the secretariat by post"), "{shown}");
        assert!(!shown.contains("hosted"), "no host named, no hosting line: {shown}");
        assert_eq!(revision_count(app).await, 0);
        // A text of the largest size fits the body the address accepts.
        let largest = "a".repeat(100 * 1024);
        assert_eq!(save(&editor, "/admin/pages/aims/fr", &largest, "bundled").await.status(), 303);
        assert_eq!(revision_count(app).await, 1);

        // Without the form's token: nothing written, the text kept to send again.
        let forged = [("body", "Forged."), ("base", "bundled")];
        assert_eq!(editor.post_raw(ABOUT_EN, &forged).await.status(), 303);
        assert_eq!(editor.post_raw(&format!("{ABOUT_EN}/preview"), &forged).await.status(), 303);
        assert_eq!(editor.post_raw(&format!("{ABOUT_EN}/revisions/bundled/restore"), &[("base", "bundled")]).await.status(), 303);
        assert_eq!(revision_count(app).await, 1);

        // Unknown pages, languages and revisions: 404.
        let legal = {
            let rows: Vec<(i64,)> = app.rows("SELECT id FROM page_revisions").await;
            rows[0].0
        };
        for path in [
            "/admin/pages/nope/fr".to_owned(),
            "/admin/pages/about/de".to_owned(),
            "/admin/pages/about/fr/revisions/999999".to_owned(),
            "/admin/pages/about/fr/revisions/abc".to_owned(),
            "/admin/pages/about/fr/revisions/999999/compare".to_owned(),
            format!("/admin/pages/about/fr/revisions/{legal}"),
            "/admin/pages/nope/fr/revisions".to_owned(),
        ] {
            assert_eq!(editor.get(&path).await.status(), 404, "{path}");
        }
        assert_eq!(save(&editor, "/admin/pages/nope/fr", "Text.", "bundled").await.status(), 404);
        assert_eq!(editor.post("/admin/pages/about/fr/revisions/999999/restore", &[("base", "bundled")]).await.status(), 404);
        assert_eq!(revision_count(app).await, 1);

        // Signed out: to the sign-in page; a post is refused.
        for path in ["/admin/pages", ABOUT_EN, "/admin/pages/about/en/revisions", "/admin/pages/about/en/revisions/bundled"] {
            let response = app.get(path).await;
            assert_eq!(response.status(), 303, "{path}");
            assert!(response.headers()["location"].to_str().expect("location").starts_with("/admin/sign-in"), "{path}");
        }
        let response = app.client.post(app.url(ABOUT_EN)).form(&[("body", "Text."), ("base", "bundled")]).send().await.expect("POST");
        assert_eq!(response.status(), 303);
        assert_eq!(response.headers()["location"], "/admin/sign-in?ended=1");
        assert_eq!(revision_count(app).await, 1, "nothing written without a session");
    }
}

both_backends! {
    async fn a_text_is_checked_for_what_a_tool_can_check_before_it_is_saved(app) {
        let editor = app.staff("eddie@example.org", "editor").await;
        let form = editor.page(ABOUT_EN).await;
        // Said beside the field.
        // Said beside the field (in the person's language, French here).
        assert!(text(&form, "#page-body-hint").contains("aucun intertitre qui saute un niveau"));
        let cases = [
            ("## Part\n\n#### Too deep\n", "Un intertitre saute un niveau (## → ####)"),
            ("Read the Convention [click here](https://www.coe.int/en/web/children/lanzarote-convention).\n", "«\u{202f}click here\u{202f}»"),
            ("See [https://www.coe.int](https://www.coe.int).\n", "nommé par son adresse"),
        ];
        for (body, message) in cases {
            let response = save(&editor, ABOUT_EN, body, "bundled").await;
            assert_eq!(response.status(), 422, "{body}");
            let page = html(response).await;
            assert!(text(&page, "#page-body-error").contains(message), "{body}: {}", text(&page, "#page-body-error"));
            assert_eq!(attr(&page, "#page-body", "aria-invalid"), "true");
            assert_eq!(typed(&page).trim(), body.trim(), "the typed text is kept");
        }
        assert_eq!(revision_count(app).await, 0, "nothing saved");
        // Mended, it is saved.
        let mended = "## Part\n\n### A detail\n\nRead [the Lanzarote Convention](https://www.coe.int/en/web/children/lanzarote-convention).\n";
        assert_eq!(save(&editor, ABOUT_EN, mended, "bundled").await.status(), 303);
        // The accessibility statement names these checks, in both languages.
        let en = text(&app.page("/en/accessibility").await, "article");
        assert!(en.contains("no heading that skips a level") && en.contains("no link named by its bare address"), "{en}");
        let fr = text(&app.page("/fr/accessibilite").await, "article");
        assert!(fr.contains("aucun intertitre qui saute un niveau") && fr.contains("aucun lien nommé par sa seule adresse"), "{fr}");
    }
}
