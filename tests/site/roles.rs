//! Roles by need: only admins see and export subscribers' addresses, erase
//! them, remove the sample data, and change the privacy and legal notices;
//! editors keep the signatories, events, news and the other pages.

use crate::common::{TestApp, both_backends, text, texts};

/// The areas the navigation offers.
fn areas(page: &scraper::Html) -> Vec<String> {
    let links = scraper::Selector::parse("nav a").expect("selector");
    page.select(&links).map(|a| a.value().attr("href").unwrap_or("").to_owned()).collect()
}

async fn sample_count(app: &TestApp) -> i64 {
    let rows: Vec<(i64,)> = app.rows("SELECT count(*) FROM signatories WHERE sample").await;
    rows[0].0
}

both_backends! {
    async fn subscribers_addresses_are_for_admins_only(app) {
        let editor = app.staff("eddie@example.org", "editor").await;
        let dashboard = editor.page("/admin/").await;
        assert!(!areas(&dashboard).iter().any(|href| href == "/admin/subscribers"), "not offered to an editor");
        for path in ["/admin/subscribers", "/admin/subscribers?q=a", "/admin/subscribers/export.csv", "/admin/subscribers/1", "/admin/subscribers/1/erase"] {
            assert_eq!(editor.get(path).await.status(), 403, "{path}");
        }
        assert_eq!(editor.post("/admin/subscribers/1/erase", &[]).await.status(), 403);
        let admin = app.staff("ada@example.org", "admin").await;
        assert!(areas(&admin.page("/admin/").await).iter().any(|href| href == "/admin/subscribers"));
        assert_eq!(admin.get("/admin/subscribers").await.status(), 200);
        assert_eq!(admin.get("/admin/subscribers/export.csv").await.status(), 200);
    }

    async fn the_legal_notices_are_changed_by_admins_only(app) {
        let editor = app.staff("eddie@example.org", "editor").await;
        let list = editor.page("/admin/pages").await;
        let rows = scraper::Selector::parse("#pages tbody th a").expect("selector");
        let listed: Vec<String> = list.select(&rows).map(|a| a.value().attr("href").unwrap_or("").to_owned()).collect();
        assert!(listed.iter().any(|href| href == "/admin/pages/about/fr"), "{listed:?}");
        assert!(!listed.iter().any(|href| href.contains("/privacy/") || href.contains("/legal/")), "{listed:?}");
        assert!(!text(&list, "#pages-admins-note").is_empty());
        for path in ["/admin/pages/privacy/fr", "/admin/pages/legal/en", "/admin/pages/privacy/en/revisions"] {
            assert_eq!(editor.get(path).await.status(), 403, "{path}");
        }
        let response = editor.post("/admin/pages/privacy/fr", &[("body", "Changed."), ("base", "")]).await;
        assert_eq!(response.status(), 403);
        let rows: Vec<(i64,)> = app.rows("SELECT count(*) FROM page_revisions").await;
        assert_eq!(rows, [(0,)], "nothing saved");
        assert_eq!(editor.get("/admin/pages/about/fr").await.status(), 200, "the other pages are an editor's");

        let admin = app.staff("ada@example.org", "admin").await;
        assert_eq!(admin.get("/admin/pages/privacy/fr").await.status(), 200);
        assert!(texts(&admin.page("/admin/pages").await, "#pages-admins-note").is_empty());
    }

    async fn an_admin_removes_the_sample_data_after_seeing_what_goes(app.seeded()) {
        assert_eq!(sample_count(app).await, 77);
        let editor = app.staff("eddie@example.org", "editor").await;
        assert!(texts(&editor.page("/admin/").await, "#sample-link").is_empty());
        assert_eq!(editor.get("/admin/sample").await.status(), 403);
        assert_eq!(editor.post("/admin/sample", &[]).await.status(), 403);
        assert_eq!(sample_count(app).await, 77, "nothing removed by an editor");

        let admin = app.staff("ada@example.org", "admin").await;
        let dashboard = admin.page("/admin/").await;
        assert!(!text(&dashboard, "#sample-link").is_empty());
        let page = admin.page("/admin/sample").await;
        let facts = text(&page, "#sample-remove-record");
        assert!(facts.contains("77"), "{facts}");
        let response = admin.post("/admin/sample", &[]).await;
        assert_eq!(response.status(), 303);
        assert_eq!(response.headers()["location"], "/admin/sample?done=removed");
        let page = admin.page("/admin/sample?done=removed").await;
        assert!(!text(&page, "#sample-removed").is_empty());
        assert_eq!(sample_count(app).await, 0);
        let home = app.page("/en/").await;
        assert!(text(&home, "main").contains("0 cities and regions"), "the counter follows");
        let rows: Vec<(Option<String>, String)> =
            app.rows("SELECT actor_email, summary FROM audit_log WHERE kind = 'sample.removed'").await;
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].0.as_deref(), Some("ada@example.org"));
        assert!(texts(&admin.page("/admin/").await, "#sample-link").is_empty(), "no link once there is none");
    }
}
