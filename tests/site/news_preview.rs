//! Previewing news on both backends: the back office's preview shows the
//! item's image as the public page does; a draft's private preview link
//! opens it without an account, in both languages, marked as a draft and
//! kept by no cache, until it is withdrawn, replaced, the item published
//! or deleted, or 7 days have passed.

use scraper::Html;
use time::Duration;

use crate::{
    admin_news::{File, PNG, add, fields, press, send},
    common::{NOW, PATIENCE, TestApp, attr, attrs, both_backends, settle, staff::Staff, text, texts},
};

async fn html(response: reqwest::Response) -> Html {
    Html::parse_document(&response.text().await.expect("body"))
}

/// An item with an image, described in both languages.
fn with_image<'a>(changes: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let mut form = fields(&[("alt_fr", "Une affiche de la campagne"), ("alt_en", "A poster of the campaign")]);
    for &(name, value) in changes {
        match form.iter_mut().find(|(field, _)| *field == name) {
            Some(field) => field.1 = value,
            None => form.push((name, value)),
        }
    }
    form
}

fn png() -> File<'static> {
    File { name: "affiche.png", content_type: "image/png", bytes: PNG }
}

/// Makes the item's preview link: the address shown to copy, as a path.
async fn make_link(staff: &Staff<'_>, id: i64) -> String {
    let response = staff.post(&format!("/admin/news/{id}/preview-link"), &[]).await;
    assert_eq!(response.status(), 200);
    let page = html(response).await;
    assert_eq!(text(&page, "#news-done"), "Le lien d’aperçu a été créé.");
    let url = attr(&page, "#news-preview-link-url", "value");
    let path = url.strip_prefix("http://site.test").unwrap_or_else(|| panic!("{url}")).to_owned();
    let token = path
        .strip_prefix("/fr/actualites/apercu/")
        .or_else(|| path.strip_prefix("/en/news/preview/"))
        .unwrap_or_else(|| panic!("{path}"));
    assert!(token.len() == 64 && token.bytes().all(|b| b.is_ascii_hexdigit()), "{token}");
    path
}

/// A preview link's page opened by someone without an account: its status,
/// and the page.
async fn open(app: &TestApp, path: &str) -> (u16, Html) {
    let response = app.get(path).await;
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    assert_eq!(headers["cache-control"], "no-store", "{path}");
    assert_eq!(headers["referrer-policy"], "same-origin", "{path}");
    assert_eq!(headers["x-robots-tag"], "noindex", "{path}");
    (status, html(response).await)
}

/// Whether a preview link's page says it no longer works (404).
async fn gone(app: &TestApp, path: &str) -> bool {
    let (status, page) = open(app, path).await;
    status == 404 && text(&page, "h1") == "Ce lien d’aperçu ne fonctionne plus"
}

async fn audit_kinds(app: &TestApp) -> Vec<String> {
    let rows: Vec<(String,)> = app.rows("SELECT kind FROM audit_log WHERE kind LIKE 'news.preview%' ORDER BY id").await;
    rows.into_iter().map(|(kind,)| kind).collect()
}

both_backends! {
    async fn the_preview_shows_the_image(app) {
        let staff = app.staff("eddie@example.org", "editor").await;
        let id = add(&staff, &with_image(&[]), Some(png())).await;
        let stored = attr(&staff.page(&format!("/admin/news/{id}")).await, "#news-current-image", "src");
        assert!(stored.starts_with("/media/"), "{stored}");

        // The stored image, with each language's description, where the
        // public page puts it: between the summary and the body.
        let response = press(&staff, id, "preview", &[]).await;
        assert_eq!(response.status(), 200);
        let page = html(response).await;
        assert_eq!(attr(&page, "#news-preview-fr figure.news-item__figure img", "src"), stored);
        assert_eq!(attr(&page, "#news-preview-fr figure img", "alt"), "Une affiche de la campagne");
        assert_eq!(attr(&page, "#news-preview-en figure img", "alt"), "A poster of the campaign");
        let order: Vec<String> = page
            .select(&scraper::Selector::parse("#news-preview-fr > *").expect("selector"))
            .map(|e| e.value().attr("class").unwrap_or(e.value().name()).to_owned())
            .collect();
        assert_eq!(order, ["tag", "h3", "news-preview__summary", "news-item__figure news-preview__figure", "news-preview__body"]);
        assert!(texts(&page, "#news-preview-image-later").is_empty());

        // The description as typed, not yet saved.
        let response = press(&staff, id, "preview", &[("alt_en", "A new description")]).await;
        assert_eq!(attr(&html(response).await, "#news-preview-en figure img", "alt"), "A new description");

        // The image to be removed: not in the preview.
        let response = press(&staff, id, "preview", &[("remove_image", "1")]).await;
        let page = html(response).await;
        assert!(attrs(&page, "#news-preview figure img", "src").is_empty());
        assert_eq!(text(&page, "#news-preview-fr h3"), "La campagne avance\u{a0}!");

        // A new file with the press: not stored, so not shown; the page says
        // it will show once saved, and nothing was written.
        let version = attr(&staff.page(&format!("/admin/news/{id}")).await, "#news-form input[name=version]", "value");
        let form = with_image(&[("intent", "preview"), ("version", &version)]);
        let response = send(&staff, &format!("/admin/news/{id}"), &form, Some(png()), None).await;
        assert_eq!(response.status(), 200);
        let page = html(response).await;
        assert_eq!(
            text(&page, "#news-preview-image-later"),
            "L’image que vous venez de choisir n’apparaît pas dans l’aperçu\u{a0}: elle apparaîtra une fois l’actualité enregistrée."
        );
        let rows: Vec<(i64,)> = app.rows("SELECT count(*) FROM news_images").await;
        assert_eq!(rows[0].0, 1);

        // A new item with a file, not yet saved: the same.
        let mut new = fields(&[("alt_fr", "x"), ("alt_en", "x")]);
        new.push(("intent", "preview"));
        let page = html(send(&staff, "/admin/news/new", &new, Some(png()), None).await).await;
        assert!(attrs(&page, "#news-preview figure img", "src").is_empty());
        assert_eq!(texts(&page, "#news-preview-image-later").len(), 1);
    }

    async fn a_preview_link_opens_a_draft_until_it_ends(app) {
        let staff = app.staff("eddie@example.org", "editor").await;
        let id = add(&staff, &with_image(&[]), Some(png())).await;
        let page = staff.page(&format!("/admin/news/{id}")).await;
        assert_eq!(text(&page, "#news-preview-link-none"), "Ce brouillon n’a pas de lien d’aperçu.");
        assert_eq!(text(&page, "#news-preview-link-create"), "Créer un lien d’aperçu");
        assert!(texts(&page, "#news-preview-link-withdraw").is_empty());

        // Made: shown once to copy, with when it ends; only its hash stored.
        let link = make_link(&staff, id).await;
        let token = link.rsplit('/').next().expect("token").to_owned();
        let stored: Vec<(String,)> = app.rows("SELECT token_hash FROM news_preview_links").await;
        assert_eq!(stored.len(), 1);
        assert_ne!(stored[0].0, token, "the token itself is not stored");
        let page = staff.page(&format!("/admin/news/{id}")).await;
        assert!(texts(&page, "#news-preview-link-url").is_empty(), "shown once");
        let expires = text(&page, "#news-preview-link-expires");
        assert!(expires.starts_with("Un lien d’aperçu fonctionne jusqu’au 2 décembre 2026"), "{expires}");
        assert!(expires.contains("(Europe/Paris)"), "{expires}");
        assert_eq!(text(&page, "#news-preview-link-withdraw"), "Retirer le lien");

        // Opened without an account: the draft as the public page shows it,
        // not to be indexed, under a banner.
        for _ in 0..2 {
            let (status, page) = open(app, &link).await;
            assert_eq!(status, 200);
            assert_eq!(text(&page, "h1"), "La campagne avance\u{a0}!");
            assert_eq!(attr(&page, "meta[name=robots]", "content"), "noindex");
            assert!(attrs(&page, "link[rel=canonical]", "href").is_empty());
            assert!(text(&page, "#draft-banner").starts_with("Brouillon — non publié."));
            assert_eq!(attr(&page, ".news-item__figure img", "alt"), "Une affiche de la campagne");
            assert_eq!(texts(&page, ".news-item__summary strong"), ["français"]);
            // Dated as if published now, to the second, in the secretariat's time zone.
            assert_eq!(attr(&page, ".news-item__date time", "datetime"), "2026-11-25T13:00:00+01:00");
            assert_eq!(attr(&page, ".lang-switch a", "href"), format!("/en/news/preview/{token}"));
        }
        let (status, english) = open(app, &format!("/en/news/preview/{token}")).await;
        assert_eq!(status, 200);
        assert_eq!(text(&english, "h1"), "The campaign moves on");
        assert!(text(&english, "#draft-banner").starts_with("Draft — not published."));
        assert_eq!(attr(&english, ".news-item__figure img", "alt"), "A poster of the campaign");
        // Still shown nowhere else.
        assert_eq!(app.get("/fr/actualites/la-campagne-avance").await.status(), 404);
        let sitemap = crate::sitemap::text(app).await;
        assert!(!sitemap.contains("apercu") && !sitemap.contains("preview"));

        // A wrong token, or not a token at all.
        assert!(gone(app, &format!("/fr/actualites/apercu/{}", "ab".repeat(32))).await);
        assert!(gone(app, "/fr/actualites/apercu/not-a-token").await);

        // A new link replaces the old one.
        let newer = make_link(&staff, id).await;
        assert_ne!(newer, link);
        assert!(gone(app, &link).await);
        assert_eq!(open(app, &newer).await.0, 200);

        // Withdrawn: gone at once (no cache kept the page).
        let response = staff.post(&format!("/admin/news/{id}/preview-link/withdraw"), &[]).await;
        assert_eq!(response.status(), 303);
        assert_eq!(response.headers()["location"], format!("/admin/news/{id}?done=preview-link-withdrawn"));
        let page = staff.page(&format!("/admin/news/{id}?done=preview-link-withdrawn")).await;
        assert_eq!(text(&page, "#news-done"), "Le lien d’aperçu a été retiré\u{a0}: il ne fonctionne plus.");
        assert_eq!(texts(&page, "#news-preview-link-none").len(), 1);
        assert!(gone(app, &newer).await);

        // Published: gone for good, even once back to draft.
        let link = make_link(&staff, id).await;
        assert_eq!(open(app, &link).await.0, 200);
        assert_eq!(press(&staff, id, "publish", &[("when", "now")]).await.status(), 303);
        assert!(gone(app, &link).await);
        assert!(texts(&staff.page(&format!("/admin/news/{id}")).await, "#news-preview-link").is_empty());
        assert_eq!(press(&staff, id, "unpublish", &[]).await.status(), 303);
        assert!(gone(app, &link).await);
        let rows: Vec<(i64,)> = app.rows("SELECT count(*) FROM news_preview_links").await;
        assert_eq!(rows[0].0, 0);

        // Deleted (to the trash): gone.
        let link = make_link(&staff, id).await;
        assert_eq!(staff.post(&format!("/admin/news/{id}/delete"), &[]).await.status(), 303);
        assert!(gone(app, &link).await);

        assert_eq!(
            audit_kinds(app).await,
            ["news.preview_link_created", "news.preview_link_created", "news.preview_link_withdrawn", "news.preview_link_created", "news.preview_link_created"]
        );
        let admin = app.staff("ada@example.org", "admin").await;
        let audit = admin.page("/admin/audit").await;
        assert!(texts(&audit, ".audit-kind").iter().any(|kind| kind == "Lien d’aperçu d’une actualité retiré"));
    }

    async fn a_preview_link_ends_after_seven_days(app) {
        let staff = app.staff("eddie@example.org", "editor").await;
        let english = fields(&[("title_fr", ""), ("summary_fr", ""), ("body_fr", ""), ("title_en", "Only in English")]);
        let id = add(&staff, &english, None).await;
        // In the language the draft is written in.
        let english_link = make_link(&staff, id).await;
        assert!(english_link.starts_with("/en/news/preview/"), "{english_link}");
        // In a language the draft is not written in: the one it has.
        let token = english_link.rsplit('/').next().expect("token");
        let response = app.get(&format!("/fr/actualites/apercu/{token}")).await;
        assert_eq!(response.status(), 303);
        assert_eq!(response.headers()["location"], english_link.as_str());
        let (status, page) = open(app, &english_link).await;
        assert_eq!(status, 200);
        assert_eq!(text(&page, "h1"), "Only in English");
        assert_eq!(attr(&page, ".lang-switch a", "href"), "/fr/actualites");

        app.clock.set(NOW + Duration::days(7) - Duration::minutes(1));
        assert_eq!(open(app, &english_link).await.0, 200);
        app.clock.set(NOW + Duration::days(7));
        let (status, page) = open(app, &english_link).await;
        assert_eq!(status, 404);
        assert_eq!(text(&page, "h1"), "This preview link no longer works");
        // The site's housekeeping erases it.
        let left = settle(PATIENCE, || app.rows::<(i64,)>("SELECT count(*) FROM news_preview_links"), |rows| rows[0].0 == 0).await;
        assert_eq!(left[0].0, 0);
    }
}
