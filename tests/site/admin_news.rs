//! Writing news in the back office, over HTTP on both backends: a draft
//! (shown nowhere), published (on the home page, the news list, its page,
//! the RSS feed and the sitemap, in each language it has), scheduled (shown
//! once the clock reaches it), back to draft, deleted; an image uploaded
//! and served, a file that is not an image, an image without its
//! description, a body too large; one language only; the preview; two
//! people saving the same item; the token of a multipart form; the audit
//! log of it all; and every text field, from the form to a news folder and
//! back.

use oneinfive::formats::news_files::TextField;
use scraper::Html;
use time::macros::datetime;

use crate::common::{
    TestApp, attr, attrs, both_backends,
    staff::{PASSWORD, Staff},
    text, texts,
};

/// A real 1×1 PNG.
pub(crate) const PNG: &[u8] = &[
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00,
    0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4, 0x89, 0x00, 0x00, 0x00, 0x0A, 0x49,
    0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0x00, 0x01, 0x00, 0x00, 0x05, 0x00, 0x01, 0x0D, 0x0A, 0x2D, 0xB4, 0x00, 0x00,
    0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
];

async fn html(response: reqwest::Response) -> Html {
    Html::parse_document(&response.text().await.expect("body"))
}

/// A file sent with the form: its name, declared type and bytes.
pub(crate) struct File<'a> {
    pub(crate) name: &'a str,
    pub(crate) content_type: &'a str,
    pub(crate) bytes: &'a [u8],
}

/// The fields of an item in both languages, with `changes` over them.
pub(crate) fn fields<'a>(changes: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let mut form = vec![
        ("title_fr", "La campagne avance\u{a0}!"),
        ("summary_fr", "Un résumé en **français**."),
        ("body_fr", "Le texte en français.\n\nDeuxième paragraphe."),
        ("alt_fr", ""),
        ("title_en", "The campaign moves on"),
        ("summary_en", "A summary in **English**."),
        ("body_en", "The text in English."),
        ("alt_en", ""),
    ];
    for &(name, value) in changes {
        match form.iter_mut().find(|(field, _)| *field == name) {
            Some(field) => field.1 = value,
            None => form.push((name, value)),
        }
    }
    form
}

/// Posts the item's form as a browser sends it (multipart), with the
/// session's token unless `token` says otherwise.
pub(crate) async fn send(
    staff: &Staff<'_>,
    path: &str,
    fields: &[(&str, &str)],
    file: Option<File<'_>>,
    token: Option<&str>,
) -> reqwest::Response {
    let session_token = staff.token().await;
    let token = token.unwrap_or(&session_token);
    let boundary = "----oneinfive-news-boundary";
    let mut body = Vec::new();
    for (name, value) in std::iter::once(&("csrf", token)).chain(fields.iter()) {
        if name == &"csrf" && token.is_empty() {
            continue;
        }
        body.extend_from_slice(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n").as_bytes(),
        );
    }
    let file = file.unwrap_or(File { name: "", content_type: "application/octet-stream", bytes: b"" });
    body.extend_from_slice(
        format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"image\"; filename=\"{}\"\r\nContent-Type: {}\r\n\r\n",
            file.name, file.content_type
        )
        .as_bytes(),
    );
    body.extend_from_slice(file.bytes);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    staff
        .app
        .client
        .post(staff.app.url(path))
        .header("cookie", &staff.cookie)
        .header("content-type", format!("multipart/form-data; boundary={boundary}"))
        .body(body)
        .send()
        .await
        .expect("POST news form")
}

/// The item's form as its page shows it: every text field with its value
/// (text areas as written), and the version it was read at.
async fn item_form(staff: &Staff<'_>, id: i64) -> Vec<(String, String)> {
    let page = staff.page(&format!("/admin/news/{id}")).await;
    let mut form: Vec<(String, String)> = ["title_fr", "alt_fr", "title_en", "alt_en", "version"]
        .into_iter()
        .map(|name| (name.to_owned(), attr(&page, &format!("#news-form input[name={name}]"), "value")))
        .collect();
    for name in ["summary_fr", "body_fr", "summary_en", "body_en"] {
        let selector = scraper::Selector::parse(&format!("#news-form textarea[name={name}]")).expect("selector");
        let written: String = page.select(&selector).flat_map(|e| e.text()).collect();
        form.push((name.to_owned(), written));
    }
    form
}

/// Presses one of the buttons of the item's page as it stands — "save",
/// "publish" (with `when`, `date` and `time` among `more`), "unpublish" —
/// which sends the whole form, with the texts it shows.
pub(crate) async fn press(staff: &Staff<'_>, id: i64, intent: &str, more: &[(&str, &str)]) -> reqwest::Response {
    let form = item_form(staff, id).await;
    let mut fields: Vec<(&str, &str)> = form.iter().map(|(n, v)| (n.as_str(), v.as_str())).collect();
    fields.push(("intent", intent));
    fields.extend_from_slice(more);
    send(staff, &format!("/admin/news/{id}"), &fields, None, None).await
}

/// Adds an item; its id, read from where the answer leads.
pub(crate) async fn add(staff: &Staff<'_>, fields: &[(&str, &str)], file: Option<File<'_>>) -> i64 {
    let response = send(staff, "/admin/news/new", fields, file, None).await;
    assert_eq!(response.status(), 303, "{}", response.text().await.unwrap_or_default());
    let location = response.headers()["location"].to_str().expect("location").to_owned();
    let id = location.strip_prefix("/admin/news/").and_then(|rest| rest.strip_suffix("?done=added"));
    id.and_then(|id| id.parse().ok()).unwrap_or_else(|| panic!("led to {location}"))
}

async fn count(app: &TestApp, sql: &str) -> i64 {
    let rows: Vec<(i64,)> = app.rows(sql).await;
    rows[0].0
}

/// The audit log's entries of news, oldest first.
async fn audit(app: &TestApp) -> Vec<(Option<String>, String, String)> {
    app.rows("SELECT actor_email, kind, summary FROM audit_log WHERE kind LIKE 'news.%' ORDER BY id").await
}

/// The ids of a language's RSS feed.
async fn feed_ids(app: &TestApp, path: &str) -> Vec<String> {
    let response = app.get(path).await;
    assert_eq!(response.status(), 200, "{path}");
    let feed = feed_rs::parser::parse(&response.bytes().await.expect("feed")[..]).expect("the feed parses");
    feed.entries.into_iter().map(|entry| entry.id).collect()
}

/// Where a visitor finds an item in a language: (home page, news list,
/// its page answers 200, RSS feed, sitemap).
pub(crate) async fn seen(app: &TestApp, lang: &str, slug: &str) -> (bool, bool, bool, bool, bool) {
    let (list, path) = match lang {
        "fr" => ("/fr/actualites".to_owned(), format!("/fr/actualites/{slug}")),
        _ => ("/en/news".to_owned(), format!("/en/news/{slug}")),
    };
    let home = attrs(&app.page(&format!("/{lang}/")).await, ".news-card__title a", "href").contains(&path);
    let listed = attrs(&app.page(&list).await, ".news-list__title a", "href").contains(&path);
    let page = app.get(&path).await.status() == 200;
    let feed = feed_ids(app, &format!("{list}.rss")).await.contains(&format!("http://site.test{path}"));
    let mapped = crate::sitemap::locs(app).await.contains(&format!("http://site.test{path}"));
    (home, listed, page, feed, mapped)
}

pub(crate) const NOWHERE: (bool, bool, bool, bool, bool) = (false, false, false, false, false);
pub(crate) const EVERYWHERE: (bool, bool, bool, bool, bool) = (true, true, true, true, true);

both_backends! {
    async fn a_draft_is_published_scheduled_taken_back_and_deleted(app) {
        let staff = app.staff("eddie@example.org", "editor").await;
        let list = staff.page("/admin/news").await;
        assert_eq!(text(&list, "h1"), "Actualités");
        assert_eq!(attr(&list, ".main-nav a[aria-current=page]", "href"), "/admin/news");
        let form = staff.page("/admin/news/new").await;
        assert!(attrs(&form, "#news-form input[name=version]", "value").is_empty());
        assert_eq!(attr(&form, "#news-form", "enctype"), "multipart/form-data");

        // A draft: stored, shown nowhere.
        let id = add(&staff, &fields(&[]), None).await;
        let slug = "la-campagne-avance";
        let (stored_slug,): (String,) = app.rows(&format!("SELECT slug FROM news WHERE id = {id}")).await.remove(0);
        assert_eq!(stored_slug, slug, "the slug comes from the title");
        let page = staff.page(&format!("/admin/news/{id}?done=added")).await;
        assert_eq!(text(&page, "#news-done"), "Le brouillon a été enregistré. Le public le verra une fois publié.");
        assert_eq!(text(&page, "#news-status"), "Brouillon\u{a0}: visible nulle part sur le site public.");
        assert_eq!(attr(&page, "#news-title-fr", "value"), "La campagne avance\u{a0}!");
        assert_eq!(text(&page, "#news-body-en"), "The text in English.");
        for lang in ["fr", "en"] {
            assert_eq!(seen(app, lang, slug).await, NOWHERE, "{lang}");
        }
        let list = staff.page("/admin/news").await;
        assert_eq!(texts(&list, "#news-items tbody td"), ["La campagne avance\u{a0}!", "FR, EN", "Brouillon\u{a0}: visible nulle part sur le site public."]);

        // Published now: everywhere, in both languages. Without the form's
        // token (a stale one): nothing published, the text kept to send again.
        let stale = item_form(&staff, id).await;
        let mut stale: Vec<(&str, &str)> = stale.iter().map(|(n, v)| (n.as_str(), v.as_str())).collect();
        stale.extend([("intent", "publish"), ("when", "now")]);
        let response = send(&staff, &format!("/admin/news/{id}"), &stale, None, Some("")).await;
        assert_eq!(response.status(), 303, "without a token");
        assert!(response.headers().get_all("set-cookie").iter().any(|c| c.to_str().is_ok_and(|c| c.starts_with("oneinfive-draft="))));
        assert_eq!(seen(app, "fr", slug).await, NOWHERE);
        let response = press(&staff, id, "publish", &[("when", "now"), ("date", ""), ("time", "")]).await;
        assert_eq!(response.status(), 303);
        assert_eq!(response.headers()["location"], "/admin/news?done=published");
        for lang in ["fr", "en"] {
            assert_eq!(seen(app, lang, slug).await, EVERYWHERE, "{lang}");
        }
        let fr = app.page(&format!("/fr/actualites/{slug}")).await;
        assert_eq!(text(&fr, "h1"), "La campagne avance\u{a0}!");
        assert_eq!(texts(&fr, ".news-item__summary strong"), ["français"]);
        assert_eq!(text(&app.page(&format!("/en/news/{slug}")).await, "h1"), "The campaign moves on");
        let page = staff.page(&format!("/admin/news/{id}")).await;
        assert_eq!(attr(&page, "#news-public", "href"), format!("/fr/actualites/{slug}"));

        // Back to draft: gone.
        let response = press(&staff, id, "unpublish", &[]).await;
        assert_eq!(response.status(), 303);
        assert_eq!(response.headers()["location"], "/admin/news?done=unpublished");
        for lang in ["fr", "en"] {
            assert_eq!(seen(app, lang, slug).await, NOWHERE, "{lang}");
        }

        // Scheduled for tomorrow: not yet shown; shown once the time comes.
        let response = press(&staff, id, "publish", &[("when", "later"), ("date", "2026-11-26"), ("time", "09:30")]).await;
        assert_eq!(response.status(), 303);
        assert_eq!(response.headers()["location"], "/admin/news?done=scheduled");
        let list = staff.page("/admin/news?done=scheduled").await;
        assert!(text(&list, "#news-done").starts_with("L’actualité a été programmée."));
        // Typed and shown in the secretariat's time zone, Paris (UTC+1 in November).
        assert_eq!(texts(&list, "#news-items .news-status"), ["Programmée\u{a0}: visible à partir du 26 novembre 2026 à 9\u{a0}h\u{a0}30 (Europe/Paris)."]);
        let form = staff.page(&format!("/admin/news/{id}")).await;
        assert_eq!(attr(&form, "#news-publish-time", "value"), "09:30");
        assert!(text(&form, "label[for=news-publish-time]").contains("Europe/Paris"));
        for lang in ["fr", "en"] {
            assert_eq!(seen(app, lang, slug).await, NOWHERE, "{lang}");
        }
        app.clock.set(datetime!(2026-11-26 08:29 UTC));
        assert_eq!(seen(app, "fr", slug).await, NOWHERE);
        app.clock.set(datetime!(2026-11-26 08:30 UTC));
        for lang in ["fr", "en"] {
            assert_eq!(seen(app, lang, slug).await, EVERYWHERE, "{lang}");
        }
        // A day later, the session has ended: signed in again.
        let staff = app.sign_in("eddie@example.org", PASSWORD).await;
        // A wrong moment: the form again, nothing changed.
        let response = press(&staff, id, "unpublish", &[]).await;
        assert_eq!(response.status(), 303);
        let response = press(&staff, id, "publish", &[("when", "later"), ("date", "2026-02-30"), ("time", "25:00")]).await;
        assert_eq!(response.status(), 422);
        let page = html(response).await;
        assert_eq!(attr(&page, "#news-publish-date", "value"), "2026-02-30");
        assert!(!text(&page, "#news-publish-error").is_empty());
        assert_eq!(count(app, "SELECT count(*) FROM news WHERE draft").await, 1);

        // Deleted, after a confirmation step.
        let confirm = staff.page(&format!("/admin/news/{id}/delete")).await;
        assert_eq!(text(&confirm, "h1"), "Supprimer cette actualité\u{202f}?");
        assert_eq!(count(app, "SELECT count(*) FROM news").await, 1, "nothing deleted by the confirmation page");
        assert_eq!(staff.post_raw(&format!("/admin/news/{id}/delete"), &[]).await.status(), 303, "without a token");
        assert_eq!(count(app, "SELECT count(*) FROM news").await, 1, "nothing deleted without the token");
        let response = staff.post(&format!("/admin/news/{id}/delete"), &[]).await;
        assert_eq!(response.status(), 303);
        assert_eq!(response.headers()["location"], "/admin/news?done=deleted");
        assert_eq!(count(app, "SELECT count(*) FROM news").await, 0);
        assert_eq!(count(app, "SELECT count(*) FROM news_translations").await, 0);

        // An id that is not (or no longer) there.
        for path in [format!("/admin/news/{id}"), format!("/admin/news/{id}/delete"), "/admin/news/x".to_owned()] {
            assert_eq!(staff.get(&path).await.status(), 404, "{path}");
        }
        assert_eq!(staff.post(&format!("/admin/news/{id}/delete"), &[]).await.status(), 404);
        for intent in ["save", "publish", "unpublish"] {
            let save = send(&staff, &format!("/admin/news/{id}"), &fields(&[("version", "1"), ("intent", intent)]), None, None).await;
            assert_eq!(save.status(), 404, "{intent}");
        }

        // The audit log: who and what.
        let entries = audit(app).await;
        let kinds: Vec<&str> = entries.iter().map(|(_, kind, _)| kind.as_str()).collect();
        assert_eq!(kinds, ["news.added", "news.published", "news.unpublished", "news.published", "news.unpublished", "news.deleted"]);
        assert!(entries.iter().all(|(who, _, _)| who.as_deref() == Some("eddie@example.org")));
        assert_eq!(entries[0].2, format!("#{id} {slug} (La campagne avance\u{a0}!) (draft)"));
        assert_eq!(entries[3].2, format!("#{id} {slug} (La campagne avance\u{a0}!): scheduled for 2026-11-26T08:30:00Z"));
        let admin = app.staff("ada@example.org", "admin").await;
        let log = admin.page("/admin/audit?kind=news.published").await;
        assert!(texts(&log, "td").iter().any(|cell| cell == "Actualité publiée"));
    }

    async fn an_image_is_checked_by_its_bytes_and_served(app) {
        let staff = app.staff("eddie@example.org", "editor").await;
        let png = || Some(File { name: "photo.png", content_type: "image/png", bytes: PNG });

        // Without its description: refused, nothing stored.
        let response = send(&staff, "/admin/news/new", &fields(&[("alt_fr", "Des élus réunis")]), png(), None).await;
        assert_eq!(response.status(), 422);
        let page = html(response).await;
        assert_eq!(text(&page, "#news-alt-en-error"), "Décrivez l’image dans cette langue.");
        assert_eq!(attr(&page, "#news-alt-en", "aria-describedby"), "news-alt-en-error news-alt-en-hint");
        assert!(attrs(&page, "#news-alt-fr-error", "id").is_empty());
        assert_eq!(attr(&page, "#news-alt-fr", "value"), "Des élus réunis", "typed values kept");
        assert!(!text(&page, "#news-image-again").is_empty(), "the chosen file must be chosen again");
        // Text with an image's name: refused, nothing stored.
        let fake = Some(File { name: "photo.png", content_type: "image/png", bytes: b"just some text, not a picture" });
        let response = send(&staff, "/admin/news/new", &fields(&[("alt_fr", "a"), ("alt_en", "a")]), fake, None).await;
        assert_eq!(response.status(), 422);
        assert_eq!(text(&html(response).await, "#news-image-error"), "Le fichier n’est pas une image JPEG, PNG ou WebP. Rien n’a été enregistré.");
        // Over 2 MiB of image, in a body under the limit: refused with the reason.
        let mut big = PNG.to_vec();
        big.resize(2 * 1024 * 1024 + 1, 0);
        let response = send(&staff, "/admin/news/new", &fields(&[("alt_fr", "a"), ("alt_en", "a")]), Some(File { name: "big.png", content_type: "image/png", bytes: &big }), None).await;
        assert_eq!(response.status(), 422);
        assert_eq!(text(&html(response).await, "#news-image-error"), "L’image dépasse 2\u{a0}Mo. Rien n’a été enregistré.");
        // A body over 3 MiB: refused before it is read, with a localized page.
        big.resize(3 * 1024 * 1024 + 1, 0);
        let response = send(&staff, "/admin/news/new", &fields(&[("alt_fr", "a"), ("alt_en", "a")]), Some(File { name: "big.png", content_type: "image/png", bytes: &big }), None).await;
        assert_eq!(response.status(), 413);
        let page = html(response).await;
        assert_eq!(attr(&page, "html", "lang"), "fr");
        assert_eq!(text(&page, "h1"), "Envoi trop volumineux");
        // Any other form still takes 16 KiB at most.
        let long = "x".repeat(20 * 1024);
        assert_eq!(staff.post("/admin/news/1/delete", &[("date", &long)]).await.status(), 413);
        assert_eq!(count(app, "SELECT count(*) FROM news").await, 0);
        assert_eq!(count(app, "SELECT count(*) FROM news_images").await, 0);

        // With a description in each language: stored once, served.
        let described = fields(&[("alt_fr", "Des élus réunis"), ("alt_en", "Elected members together")]);
        let id = add(&staff, &described, png()).await;
        assert_eq!(count(app, "SELECT count(*) FROM news_images").await, 1);
        assert_eq!(press(&staff, id, "publish", &[("when", "now")]).await.status(), 303);
        let fr = app.page("/fr/actualites/la-campagne-avance").await;
        assert_eq!(attr(&fr, ".news-item__figure img", "alt"), "Des élus réunis");
        let en = app.page("/en/news/la-campagne-avance").await;
        assert_eq!(attr(&en, ".news-item__figure img", "alt"), "Elected members together");
        let src = attr(&fr, ".news-item__figure img", "src");
        assert!(src.starts_with("/media/") && src.ends_with(".png"), "{src}");
        let image = app.get(&src).await;
        assert_eq!(image.status(), 200);
        assert_eq!(image.headers()["content-type"], "image/png");
        assert_eq!(&image.bytes().await.expect("image")[..], PNG);
        // A second item with the same image: stored once.
        let other = add(&staff, &fields(&[("title_fr", "Autre"), ("title_en", "Other"), ("alt_fr", "x"), ("alt_en", "y")]), png()).await;
        assert_eq!(count(app, "SELECT count(*) FROM news_images").await, 1);

        // Kept by an edit; removed by another; dropped once no item uses it.
        let form = staff.page(&format!("/admin/news/{id}")).await;
        assert_eq!(attr(&form, "#news-current-image", "alt"), "Des élus réunis");
        let version = attr(&form, "#news-form input[name=version]", "value");
        let keep = fields(&[("alt_fr", "Des élus réunis à Strasbourg"), ("alt_en", "Elected members together"), ("version", &version)]);
        assert_eq!(send(&staff, &format!("/admin/news/{id}"), &keep, None, None).await.status(), 303);
        let fr = app.page("/fr/actualites/la-campagne-avance").await;
        assert_eq!(attr(&fr, ".news-item__figure img", "alt"), "Des élus réunis à Strasbourg");
        // Replaced by a JPEG (told by its first bytes, whatever its name says).
        let version = attr(&staff.page(&format!("/admin/news/{id}")).await, "#news-form input[name=version]", "value");
        let jpeg = Some(File { name: "photo.png", content_type: "image/png", bytes: b"\xFF\xD8\xFF\xE0 a JPEG's first bytes" });
        let replace = fields(&[("alt_fr", "Une autre image"), ("alt_en", "Another image"), ("version", &version)]);
        assert_eq!(send(&staff, &format!("/admin/news/{id}"), &replace, jpeg, None).await.status(), 303);
        let replaced = attr(&app.page("/fr/actualites/la-campagne-avance").await, ".news-item__figure img", "src");
        assert!(replaced.ends_with(".jpg"), "{replaced}");
        assert_eq!(app.get(&replaced).await.headers()["content-type"], "image/jpeg");
        assert_eq!(count(app, "SELECT count(*) FROM news_images").await, 2);
        let version = attr(&staff.page(&format!("/admin/news/{id}")).await, "#news-form input[name=version]", "value");
        let remove = fields(&[("remove_image", "1"), ("version", &version)]);
        assert_eq!(send(&staff, &format!("/admin/news/{id}"), &remove, None, None).await.status(), 303);
        assert!(attrs(&app.page("/fr/actualites/la-campagne-avance").await, ".news-item__figure img", "src").is_empty());
        assert_eq!(count(app, "SELECT count(*) FROM news_images").await, 1, "the PNG: the other item still uses it");
        assert_eq!(app.get(&replaced).await.status(), 404, "the JPEG: no item uses it any more");
        assert_eq!(staff.post(&format!("/admin/news/{other}/delete"), &[]).await.status(), 303);
        assert_eq!(count(app, "SELECT count(*) FROM news_images").await, 0);
        assert_eq!(app.get(&src).await.status(), 404);

        // A multipart form without its token, or with another: nothing
        // stored, the text kept to be sent again (see drafts).
        for token in ["", "forged"] {
            let response = send(&staff, "/admin/news/new", &described, png(), Some(token)).await;
            assert_eq!(response.status(), 303, "{token:?}");
        }
        let version = attr(&staff.page(&format!("/admin/news/{id}")).await, "#news-form input[name=version]", "value");
        let response = send(&staff, &format!("/admin/news/{id}"), &fields(&[("title_fr", "Piraté"), ("version", &version)]), None, Some("")).await;
        assert_eq!(response.status(), 303);
        // From another site: 403.
        let token = staff.token().await;
        let forged = staff.app.client.post(staff.app.url("/admin/news/new")).header("cookie", &staff.cookie)
            .header("origin", "https://evil.example").header("sec-fetch-site", "cross-site")
            .header("content-type", "multipart/form-data; boundary=x")
            .body(format!("--x\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{token}\r\n--x--\r\n"))
            .send().await.expect("POST");
        assert_eq!(forged.status(), 403);
        assert_eq!(count(app, "SELECT count(*) FROM news").await, 1);
        assert_eq!(count(app, "SELECT count(*) FROM news_images").await, 0);
    }

    async fn one_language_the_preview_errors_and_conflicts(app) {
        let staff = app.staff("eddie@example.org", "editor").await;
        let english = fields(&[("title_fr", ""), ("summary_fr", ""), ("body_fr", ""), ("title_en", "Only in English")]);

        // The preview: rendered by the server, the typed text kept, nothing written.
        let mut previewed = english.clone();
        previewed.push(("intent", "preview"));
        let response = send(&staff, "/admin/news/new", &previewed, None, None).await;
        assert_eq!(response.status(), 200);
        let page = html(response).await;
        assert_eq!(texts(&page, "#news-preview-en strong"), ["English"]);
        assert_eq!(text(&page, "#news-preview-en h3"), "Only in English");
        assert!(texts(&page, "#news-preview-fr").is_empty());
        assert_eq!(attr(&page, "#news-title-en", "value"), "Only in English");
        assert_eq!(text(&page, "#news-summary-en"), "A summary in **English**.");
        assert_eq!(count(app, "SELECT count(*) FROM news").await, 0);

        // Each field's message.
        let response = send(&staff, "/admin/news/new", &fields(&[("title_fr", ""), ("summary_fr", ""), ("body_fr", ""), ("title_en", ""), ("summary_en", ""), ("body_en", "")]), None, None).await;
        assert_eq!(response.status(), 422);
        assert_eq!(text(&html(response).await, "#news-form-error"), "Écrivez le titre, le résumé et le texte dans au moins une langue.");
        let response = send(&staff, "/admin/news/new", &fields(&[("summary_fr", " "), ("title_en", &"x".repeat(201))]), None, None).await;
        assert_eq!(response.status(), 422);
        let page = html(response).await;
        assert_eq!(text(&page, "#news-summary-fr-error"), "Saisissez le résumé, ou laissez cette langue vide.");
        assert_eq!(text(&page, "#news-title-en-error"), "Le titre est trop long\u{a0}: 200\u{a0}caractères au plus.");
        assert_eq!(attr(&page, "#news-summary-fr", "aria-invalid"), "true");
        assert_eq!(attr(&page, "#news-title-fr", "value"), "La campagne avance\u{a0}!");
        assert_eq!(count(app, "SELECT count(*) FROM news").await, 0);

        // One language only: the item exists in it alone.
        let id = add(&staff, &english, None).await;
        assert_eq!(press(&staff, id, "publish", &[("when", "now")]).await.status(), 303);
        assert_eq!(seen(app, "en", "only-in-english").await, EVERYWHERE);
        assert_eq!(seen(app, "fr", "only-in-english").await, NOWHERE);
        assert_eq!(texts(&staff.page("/admin/news").await, "#news-items tbody td")[1], "EN");

        // Two people editing it: the later save is refused, with the
        // other's text shown and the typed one kept.
        let read = attr(&staff.page(&format!("/admin/news/{id}")).await, "#news-form input[name=version]", "value");
        let theirs = fields(&[("title_fr", ""), ("summary_fr", ""), ("body_fr", ""), ("title_en", "Their title"), ("version", &read)]);
        let response = send(&staff, &format!("/admin/news/{id}"), &theirs, None, None).await;
        assert_eq!(response.status(), 303);
        assert_eq!(response.headers()["location"], format!("/admin/news/{id}?done=saved"));
        let mine = fields(&[("title_fr", ""), ("summary_fr", ""), ("body_fr", ""), ("title_en", "My title"), ("version", &read)]);
        let response = send(&staff, &format!("/admin/news/{id}"), &mine, None, None).await;
        assert_eq!(response.status(), 409);
        let page = html(response).await;
        assert!(texts(&page, "#news-conflict dd").contains(&"Their title".to_owned()));
        assert_eq!(attr(&page, "#news-title-en", "value"), "My title");
        let now = attr(&page, "#news-form input[name=version]", "value");
        assert_ne!(now, read);
        assert_eq!(text(&app.page("/en/news/only-in-english").await, "h1"), "Their title");
        // Saved again knowingly: the slug stays.
        let mine = fields(&[("title_fr", ""), ("summary_fr", ""), ("body_fr", ""), ("title_en", "My title"), ("version", &now)]);
        assert_eq!(send(&staff, &format!("/admin/news/{id}"), &mine, None, None).await.status(), 303);
        assert_eq!(text(&app.page("/en/news/only-in-english").await, "h1"), "My title");
        // A French version added later: now in both.
        let version = attr(&staff.page(&format!("/admin/news/{id}")).await, "#news-form input[name=version]", "value");
        let both = fields(&[("title_en", "My title"), ("version", &version)]);
        assert_eq!(send(&staff, &format!("/admin/news/{id}"), &both, None, None).await.status(), 303);
        assert_eq!(seen(app, "fr", "only-in-english").await, EVERYWHERE);

        // A second item of the same title gets its own slug.
        let again = add(&staff, &english, None).await;
        let (slug,): (String,) = app.rows(&format!("SELECT slug FROM news WHERE id = {again}")).await.remove(0);
        assert_eq!(slug, "only-in-english-2");
        // `news export` writes the published item, not the draft: a news
        // folder has no drafts.
        let dir = app.dir.path().join("export");
        let output = app.cli(&["news", "export", dir.to_str().expect("path")]);
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        let mut files: Vec<String> = std::fs::read_dir(&dir)
            .expect("the folder")
            .map(|entry| entry.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        files.sort();
        assert!(files.iter().any(|name| name.contains("only-in-english.")), "{files:?}");
        assert!(!files.iter().any(|name| name.contains("only-in-english-2")), "{files:?}");

        let kinds: Vec<String> = audit(app).await.into_iter().map(|(_, kind, _)| kind).collect();
        assert_eq!(kinds, ["news.added", "news.published", "news.updated", "news.updated", "news.updated", "news.added"]);
    }
}

both_backends! {
    async fn a_sample_item_saved_by_staff_becomes_real(app.seeded()) {
        let staff = app.staff("eddie@example.org", "editor").await;
        let samples = count(app, "SELECT count(*) FROM news WHERE sample").await;
        assert!(samples > 1);
        let list = staff.page("/admin/news").await;
        assert_eq!(texts(&list, "#news-items .tag").len() as i64, samples);
        let (id,): (i64,) = app.rows("SELECT id FROM news WHERE sample ORDER BY id LIMIT 1").await.remove(0);
        let form = staff.page(&format!("/admin/news/{id}")).await;
        assert!(!text(&form, "#news-sample").is_empty());
        let value = |selector: &str| attr(&form, selector, "value");
        let (version, title_fr, title_en) = (value("#news-form input[name=version]"), value("#news-title-fr"), value("#news-title-en"));
        let (summary_fr, body_fr) = (text(&form, "#news-summary-fr"), text(&form, "#news-body-fr"));
        let (summary_en, body_en) = (text(&form, "#news-summary-en"), text(&form, "#news-body-en"));
        let saved = [
            ("version", version.as_str()),
            ("title_fr", title_fr.as_str()),
            ("summary_fr", summary_fr.as_str()),
            ("body_fr", body_fr.as_str()),
            ("title_en", title_en.as_str()),
            ("summary_en", summary_en.as_str()),
            ("body_en", body_en.as_str()),
        ];
        assert_eq!(send(&staff, &format!("/admin/news/{id}"), &saved, None, None).await.status(), 303);
        assert_eq!(count(app, "SELECT count(*) FROM news WHERE sample").await, samples - 1);
        assert!(attrs(&staff.page(&format!("/admin/news/{id}")).await, "#news-sample", "id").is_empty());
        let entries = audit(app).await;
        assert!(entries.last().is_some_and(|(_, kind, summary)| kind == "news.updated" && summary.ends_with("sample → real")), "{entries:?}");
    }
}

both_backends! {
    async fn one_press_keeps_the_change_and_publishes_or_takes_it_back(app) {
        let staff = app.staff("eddie@example.org", "editor").await;
        let id = add(&staff, &fields(&[]), None).await;
        let form = staff.page(&format!("/admin/news/{id}")).await;
        // "Publish now" is a choice of its own, chosen for a draft.
        assert_eq!(attrs(&form, "#news-form input[name=when][checked]", "value"), ["now"]);
        assert_eq!(attr(&form, "#news-when-later", "value"), "later");
        assert!(attrs(&form, "form[data-form=news-publish]", "action").is_empty(), "no second form to lose a change");

        // A change typed, then "Save and publish": both kept.
        let read = item_form(&staff, id).await;
        let mut changed: Vec<(&str, &str)> = read.iter().map(|(n, v)| (n.as_str(), v.as_str())).collect();
        for field in &mut changed {
            if field.0 == "body_en" {
                field.1 = "The text, changed before publishing.";
            }
        }
        changed.extend([("intent", "publish"), ("when", "now")]);
        let response = send(&staff, &format!("/admin/news/{id}"), &changed, None, None).await;
        assert_eq!(response.status(), 303);
        assert_eq!(response.headers()["location"], "/admin/news?done=published");
        let public = app.page("/en/news/la-campagne-avance").await;
        assert!(texts(&public, ".news-item__body p").contains(&"The text, changed before publishing.".to_owned()));

        // A change and "Save and back to draft": both kept.
        let read = item_form(&staff, id).await;
        let mut changed: Vec<(&str, &str)> = read.iter().map(|(n, v)| (n.as_str(), v.as_str())).collect();
        for field in &mut changed {
            if field.0 == "title_en" {
                field.1 = "Moved back";
            }
        }
        changed.push(("intent", "unpublish"));
        assert_eq!(send(&staff, &format!("/admin/news/{id}"), &changed, None, None).await.status(), 303);
        assert_eq!(app.get("/en/news/la-campagne-avance").await.status(), 404);
        assert_eq!(attr(&staff.page(&format!("/admin/news/{id}")).await, "#news-title-en", "value"), "Moved back");

        // Someone else saved meanwhile: refused, nothing published.
        let stale = item_form(&staff, id).await;
        assert_eq!(press(&staff, id, "save", &[]).await.status(), 303);
        let mut late: Vec<(&str, &str)> = stale.iter().map(|(n, v)| (n.as_str(), v.as_str())).collect();
        late.extend([("intent", "publish"), ("when", "now")]);
        assert_eq!(send(&staff, &format!("/admin/news/{id}"), &late, None, None).await.status(), 409);
        assert_eq!(count(app, "SELECT count(*) FROM news WHERE draft").await, 1, "not published");

        let kinds: Vec<String> = audit(app).await.into_iter().map(|(_, kind, _)| kind).collect();
        assert_eq!(kinds, ["news.added", "news.updated", "news.published", "news.updated", "news.unpublished", "news.updated"]);
    }
}

both_backends! {
    async fn drafts_of_the_same_title_at_once_each_get_a_slug(app) {
        let staff = app.staff("eddie@example.org", "editor").await;
        // Eight people press Save at the same moment, with the same title.
        let form = fields(&[]);
        let press = || send(&staff, "/admin/news/new", &form, None, None);
        let answers = tokio::join!(press(), press(), press(), press(), press(), press(), press(), press());
        let statuses = [answers.0, answers.1, answers.2, answers.3, answers.4, answers.5, answers.6, answers.7]
            .map(|response| response.status());
        assert_eq!(statuses, [reqwest::StatusCode::SEE_OTHER; 8], "each draft is added");
        let mut slugs: Vec<(String,)> = app.rows("SELECT slug FROM news ORDER BY slug").await;
        slugs.dedup();
        assert_eq!(slugs.len(), 8, "each under a slug of its own: {slugs:?}");
    }
}

/// What each language's stored texts say, field by field, for the one item
/// that is not sample data.
async fn stored_texts(app: &TestApp) -> Vec<(String, TextField, Option<String>)> {
    let mut found = Vec::new();
    for lang in ["fr", "en"] {
        for field in TextField::ALL {
            let sql = format!(
                "SELECT t.{} FROM news_translations t JOIN news n ON n.id = t.news_id WHERE NOT n.sample AND t.lang = '{lang}'",
                field.name()
            );
            let rows: Vec<(Option<String>,)> = app.rows(&sql).await;
            assert_eq!(rows.len(), 1, "{lang} {field:?}");
            found.extend(rows.into_iter().map(|(text,)| (lang.to_owned(), field, text)));
        }
    }
    found
}

both_backends! {
    async fn every_text_field_goes_from_the_form_to_a_news_folder_and_back(app) {
        // Every field in each language, typed with an image (so that the
        // image's own texts are kept): saved, written by `news export`, read
        // by `news import` into a fresh database, the same. A field added to
        // `TextField` is covered as it comes.
        let staff = app.staff("eddie@example.org", "editor").await;
        let typed = |lang: &str, field: TextField| format!("The {} in {lang}", field.name());
        let texts: Vec<(String, String)> = ["fr", "en"]
            .into_iter()
            .flat_map(|lang| TextField::ALL.map(|field| (format!("{}_{lang}", field.form_name()), typed(lang, field))))
            .collect();
        let mut form: Vec<(&str, &str)> = texts.iter().map(|(name, value)| (name.as_str(), value.as_str())).collect();
        form.extend([("intent", "publish"), ("when", "now")]);
        let image = File { name: "square.png", content_type: "image/png", bytes: PNG };
        let response = send(&staff, "/admin/news/new", &form, Some(image), None).await;
        assert_eq!(response.status(), 303, "{}", response.text().await.unwrap_or_default());
        let expected: Vec<(String, TextField, Option<String>)> = ["fr", "en"]
            .into_iter()
            .flat_map(|lang| TextField::ALL.map(|field| (lang.to_owned(), field, Some(typed(lang, field)))))
            .collect();
        assert_eq!(stored_texts(app).await, expected, "as saved");

        let dir = app.dir.path().join("fields");
        let output = app.cli(&["news", "export", dir.to_str().expect("path")]);
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        let fresh = TestApp::builder(app.backend).start().await.expect("a fresh database");
        let output = fresh.cli(&["news", "import", dir.to_str().expect("path")]);
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        assert_eq!(stored_texts(&fresh).await, expected, "exported, then imported");
    }
}
