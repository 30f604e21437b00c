//! The trash, over HTTP on both backends: a signatory, an event and a news
//! item deleted go to the trash (the counter, the feeds and the sitemap
//! follow at once), and come back whole when restored (website, position,
//! texts, image, the same address and id); what is past its 30 days is
//! erased by the site; only admins erase for good, one item or all; a
//! restore that would clash with a record added since is refused, nothing
//! changed; the audit log links each entry to the record, or to the trash.

use scraper::Html;

use crate::{
    admin_events, admin_news,
    admin_signatories::{self, id_of},
    common::{
        TestApp, attr, attrs, both_backends,
        staff::{PASSWORD, Staff},
        text, texts,
    },
};

async fn html(response: reqwest::Response) -> Html {
    Html::parse_document(&response.text().await.expect("body"))
}

async fn count(app: &TestApp, sql: &str) -> i64 {
    let rows: Vec<(i64,)> = app.rows(sql).await;
    rows[0].0
}

/// The selector of a record's row on the trash page.
fn row(kind: &str, id: i64) -> String {
    format!("tr[data-kind={kind}][data-item='{id}']")
}

/// The address of the restore form of a record's row on the trash page.
async fn restore_action(staff: &Staff<'_>, kind: &str, id: i64) -> String {
    attr(&staff.page("/admin/trash").await, &format!("{} form", row(kind, id)), "action")
}

/// A stored signatory as a row: every value staff typed, and the version.
type SignatoryRow =
    (i64, String, String, String, Option<String>, Option<String>, Option<String>, Option<f64>, Option<f64>, i64);

async fn signatory_row(app: &TestApp, id: i64) -> Vec<SignatoryRow> {
    app.rows(&format!(
        "SELECT id, name, kind, country, name_fr, name_en, website, latitude, longitude, version FROM signatories WHERE id = {id}"
    ))
    .await
}

/// The audit page's links from the entries of a kind.
async fn audit_links(admin: &Staff<'_>, kind: &str) -> Vec<String> {
    attrs(&admin.page(&format!("/admin/audit?kind={kind}")).await, "tbody td a", "href")
}

both_backends! {
    async fn a_signatory_deleted_goes_to_the_trash_and_comes_back_whole(app) {
        let staff = app.staff("eddie@example.org", "editor").await;
        let admin = app.staff("ada@example.org", "admin").await;
        let empty_counter = text(&app.page("/fr/").await, "#counter");
        let typed = admin_signatories::fields(&[
            ("name_en", "Valmorin Town"),
            ("website", "https://valmorin.example/"),
            ("latitude", "45.123456"),
            ("longitude", "5.654321"),
        ]);
        assert_eq!(staff.post("/admin/signatories/new", &typed).await.status(), 303);
        let id = id_of(app, "Valmorin").await;
        let counter = text(&app.page("/fr/").await, "#counter");
        assert_ne!(counter, empty_counter);
        let stored = signatory_row(app, id).await;
        let public = texts(&app.page(&format!("/en/members/{id}-valmorin")).await, ".facts dd");

        // The confirmation says where it goes.
        let confirm = staff.page(&format!("/admin/signatories/{id}/delete")).await;
        assert!(text(&confirm, "main p").contains("30 jours dans la corbeille"), "{}", text(&confirm, "main p"));
        assert_eq!(text(&confirm, "form[data-form=confirm] button"), "Mettre à la corbeille");
        let response = staff.post(&format!("/admin/signatories/{id}/delete"), &[]).await;
        assert_eq!(response.headers()["location"], "/admin/signatories?done=deleted");
        let done = staff.page("/admin/signatories?done=deleted").await;
        assert_eq!(attr(&done, "#signatories-done a", "href"), "/admin/trash");

        // Gone from the site, the counter down.
        assert_eq!(text(&app.page("/fr/").await, "#counter"), empty_counter);
        assert_eq!(app.get(&format!("/fr/adherents/{id}-valmorin")).await.status(), 404);
        assert!(texts(&app.page("/fr/adherents").await, ".signatory a").is_empty());

        // In the trash, for 30 days, with who deleted it.
        let trash = staff.page("/admin/trash").await;
        assert_eq!(attr(&trash, ".main-nav a[aria-current=page]", "href"), "/admin/trash");
        let row = row("signatory", id);
        assert_eq!(text(&trash, &format!("{row} th")), "Valmorin");
        assert_eq!(texts(&trash, &format!("{row} td"))[..4], ["Adhérent", "25 novembre 2026 à 13\u{a0}h\u{a0}00 (Europe/Paris)", "eddie@example.org", "30 jours"]);
        assert!(attrs(&trash, "#trash-empty", "href").is_empty(), "editors do not empty the trash");
        assert!(attrs(&trash, &format!("{row} a"), "href").is_empty(), "editors do not erase");
        let anchor = attr(&trash, &row, "id");
        assert_eq!(audit_links(&admin, "signatory.deleted").await, [format!("/admin/trash#{anchor}")]);

        // Restored: the same id, every value, the counter and the pages back.
        let response = staff.post(&restore_action(&staff, "signatory", id).await, &[]).await;
        assert_eq!(response.status(), 303);
        assert_eq!(response.headers()["location"], format!("/admin/trash?done=restored&kind=signatory&id={id}"));
        let done = staff.page(&format!("/admin/trash?done=restored&kind=signatory&id={id}")).await;
        assert_eq!(attr(&done, "#trash-done a", "href"), format!("/admin/signatories/{id}"));
        assert_eq!(text(&done, "#trash-caption"), "La corbeille est vide");
        assert_eq!(signatory_row(app, id).await, stored);
        assert_eq!(stored[0].6.as_deref(), Some("https://valmorin.example/"));
        assert_eq!((stored[0].7, stored[0].8), (Some(45.123456), Some(5.654321)));
        assert_eq!(text(&app.page("/fr/").await, "#counter"), counter);
        assert_eq!(texts(&app.page(&format!("/en/members/{id}-valmorin")).await, ".facts dd"), public);
        assert_eq!(texts(&app.page("/fr/adherents").await, ".signatory a"), ["Valmorin"]);
        assert_eq!(count(app, "SELECT count(*) FROM trash").await, 0);

        // The log: each entry leads to the signatory's form now.
        let kinds: Vec<(Option<String>, String)> =
            app.rows("SELECT actor_email, kind FROM audit_log WHERE kind LIKE 'signatory.%' ORDER BY id").await;
        assert_eq!(kinds.last(), Some(&(Some("eddie@example.org".to_owned()), "signatory.restored".to_owned())));
        assert_eq!(audit_links(&admin, "signatory.deleted").await, [format!("/admin/signatories/{id}")]);
        assert_eq!(audit_links(&admin, "signatory.restored").await, [format!("/admin/signatories/{id}")]);
        let log = admin.page("/admin/audit?kind=signatory.restored").await;
        assert!(texts(&log, "td").iter().any(|cell| cell == "Adhérent restauré"));
    }

    async fn an_event_deleted_leaves_the_feeds_and_comes_back_to_them(app.clock(admin_events::TODAY)) {
        let staff = app.staff("eddie@example.org", "editor").await;
        assert_eq!(staff.post("/admin/events/new", &admin_events::fields(&[])).await.status(), 303);
        let id = admin_events::id_of(app, "forum-of-cities").await;
        let uid = "forum-of-cities@oneinfive";
        let before = admin_events::find(&admin_events::feed(app, "/en/calendar.ics").await, uid).cloned().expect("in the feed");
        let page = texts(&app.page("/fr/calendrier/forum-des-villes").await, "main");

        let confirm = staff.page(&format!("/admin/events/{id}/delete")).await;
        assert_eq!(text(&confirm, "form[data-form=confirm] button"), "Mettre à la corbeille");
        assert_eq!(staff.post(&format!("/admin/events/{id}/delete"), &[]).await.status(), 303);
        assert_eq!(attr(&staff.page("/admin/events?done=deleted").await, "#events-done a", "href"), "/admin/trash");
        assert!(admin_events::find(&admin_events::feed(app, "/en/calendar.ics").await, uid).is_none());
        assert!(admin_events::find(&admin_events::feed(app, "/fr/calendrier.ics").await, uid).is_none());
        assert_eq!(app.get("/en/calendar/forum-of-cities.ics").await.status(), 404);
        assert!(!admin_events::sitemap(app).await.iter().any(|loc| loc.ends_with("/forum-of-cities")));
        let trash = staff.page("/admin/trash").await;
        assert_eq!(text(&trash, &format!("{} th", row("event", id))), "Forum des villes");
        assert_eq!(texts(&trash, &format!("{} td", row("event", id)))[0], "Événement");

        assert_eq!(staff.post(&restore_action(&staff, "event", id).await, &[]).await.status(), 303);
        let after = admin_events::find(&admin_events::feed(app, "/en/calendar.ics").await, uid).cloned().expect("back in the feed");
        assert_eq!(after, before, "the same event, at the same sequence");
        assert_eq!(app.get("/en/calendar/forum-of-cities.ics").await.status(), 200);
        assert!(admin_events::sitemap(app).await.iter().any(|loc| loc.ends_with("/fr/calendrier/forum-des-villes")));
        assert_eq!(texts(&app.page("/fr/calendrier/forum-des-villes").await, "main"), page);
        assert_eq!(admin_events::id_of(app, "forum-of-cities").await, id);

        // A signatory restored is named again by the events that named it.
        assert_eq!(staff.post("/admin/signatories/new", &admin_signatories::fields(&[])).await.status(), 303);
        let signatory = id_of(app, "Valmorin").await;
        let named = admin_events::fields(&[("title_en", "Valmorin forum"), ("signatory", "Valmorin (FR)")]);
        assert_eq!(staff.post("/admin/events/new", &named).await.status(), 303);
        let link = || app.rows::<(Option<i64>,)>("SELECT signatory_id FROM events WHERE slug = 'valmorin-forum'");
        assert_eq!(link().await, [(Some(signatory),)]);
        assert_eq!(staff.post(&format!("/admin/signatories/{signatory}/delete"), &[]).await.status(), 303);
        assert_eq!(link().await, [(None,)]);
        assert_eq!(staff.post(&restore_action(&staff, "signatory", signatory).await, &[]).await.status(), 303);
        assert_eq!(link().await, [(Some(signatory),)]);
    }

    async fn a_news_item_deleted_takes_its_image_and_brings_it_back(app) {
        let staff = app.staff("eddie@example.org", "editor").await;
        let png = admin_news::File { name: "photo.png", content_type: "image/png", bytes: admin_news::PNG };
        let described = admin_news::fields(&[("alt_fr", "Des élus réunis"), ("alt_en", "Elected members together")]);
        let id = admin_news::add(&staff, &described, Some(png)).await;
        assert_eq!(admin_news::press(&staff, id, "publish", &[("when", "now")]).await.status(), 303);
        let slug = "la-campagne-avance";
        assert_eq!(admin_news::seen(app, "fr", slug).await, admin_news::EVERYWHERE);
        assert_eq!(admin_news::seen(app, "en", slug).await, admin_news::EVERYWHERE);
        let fr = app.page(&format!("/fr/actualites/{slug}")).await;
        let src = attr(&fr, ".news-item__figure img", "src");
        let en = texts(&app.page(&format!("/en/news/{slug}")).await, "main");

        assert_eq!(staff.post(&format!("/admin/news/{id}/delete"), &[]).await.status(), 303);
        assert_eq!(attr(&staff.page("/admin/news?done=deleted").await, "#news-done a", "href"), "/admin/trash");
        assert_eq!(admin_news::seen(app, "fr", slug).await, admin_news::NOWHERE);
        assert_eq!(admin_news::seen(app, "en", slug).await, admin_news::NOWHERE);
        assert_eq!(app.get(&src).await.status(), 404, "the image went with it");
        assert_eq!(count(app, "SELECT count(*) FROM news_images").await, 0);
        let trash = staff.page("/admin/trash").await;
        assert_eq!(text(&trash, &format!("{} th", row("news", id))), "La campagne avance\u{a0}!");

        assert_eq!(staff.post(&restore_action(&staff, "news", id).await, &[]).await.status(), 303);
        assert_eq!(admin_news::seen(app, "fr", slug).await, admin_news::EVERYWHERE);
        assert_eq!(admin_news::seen(app, "en", slug).await, admin_news::EVERYWHERE);
        let image = app.get(&src).await;
        assert_eq!(image.status(), 200);
        assert_eq!(image.headers()["content-type"], "image/png");
        assert_eq!(&image.bytes().await.expect("image")[..], admin_news::PNG);
        let fr = app.page(&format!("/fr/actualites/{slug}")).await;
        assert_eq!(attr(&fr, ".news-item__figure img", "alt"), "Des élus réunis");
        assert_eq!(texts(&app.page(&format!("/en/news/{slug}")).await, "main"), en);
        assert_eq!(count(app, &format!("SELECT count(*) FROM news_translations WHERE news_id = {id}")).await, 2);
    }

    async fn what_is_past_its_thirty_days_is_erased_by_the_site(app) {
        let staff = app.staff("eddie@example.org", "editor").await;
        assert_eq!(staff.post("/admin/signatories/new", &admin_signatories::fields(&[])).await.status(), 303);
        let id = id_of(app, "Valmorin").await;
        assert_eq!(staff.post(&format!("/admin/signatories/{id}/delete"), &[]).await.status(), 303);
        let left = |page: Html| texts(&page, &format!("{} td", row("signatory", id))).get(3).cloned();
        // Each jump of the clock ends the sessions: signed in again.
        app.clock.advance(time::Duration::days(29));
        let staff = app.sign_in("eddie@example.org", PASSWORD).await;
        assert_eq!(left(staff.page("/admin/trash").await).as_deref(), Some("1 jour"));
        app.clock.advance(time::Duration::hours(23));
        let staff = app.sign_in("eddie@example.org", PASSWORD).await;
        assert_eq!(left(staff.page("/admin/trash").await).as_deref(), Some("moins d’un jour"));
        let action = restore_action(&staff, "signatory", id).await;
        app.clock.advance(time::Duration::days(2));
        let staff = app.sign_in("eddie@example.org", PASSWORD).await;
        let admin = app.staff("ada@example.org", "admin").await;
        let trash = staff.page("/admin/trash").await;
        assert_eq!(text(&trash, "#trash-caption"), "La corbeille est vide");
        assert_eq!(count(app, "SELECT count(*) FROM trash").await, 0, "erased, not only hidden");
        assert_eq!(staff.post(&action, &[]).await.status(), 404);
        assert_eq!(count(app, "SELECT count(*) FROM signatories").await, 0);
        let expired: Vec<(Option<String>, String)> =
            app.rows("SELECT actor_email, summary FROM audit_log WHERE kind = 'trash.expired'").await;
        assert_eq!(expired, [(None, format!("1 items: signatory #{id} Valmorin"))]);
        let log = admin.page("/admin/audit?kind=trash.expired").await;
        assert!(texts(&log, "td").iter().any(|cell| cell == "Le site"));
        // The deletion's entry leads nowhere now.
        assert!(audit_links(&admin, "signatory.deleted").await.is_empty());
    }

    async fn only_admins_erase_for_good(app) {
        let staff = app.staff("eddie@example.org", "editor").await;
        let admin = app.staff("ada@example.org", "admin").await;
        for name in ["Valmorin", "Castelbrun"] {
            assert_eq!(staff.post("/admin/signatories/new", &admin_signatories::fields(&[("name", name)])).await.status(), 303);
            let id = id_of(app, name).await;
            assert_eq!(staff.post(&format!("/admin/signatories/{id}/delete"), &[]).await.status(), 303);
        }
        let (valmorin, castelbrun) = (id_of_trashed(app, "Valmorin").await, id_of_trashed(app, "Castelbrun").await);
        let erase = format!("/admin/trash/{valmorin}/erase");
        assert_eq!(staff.get(&erase).await.status(), 403);
        assert_eq!(staff.post(&erase, &[]).await.status(), 403);
        assert_eq!(staff.get("/admin/trash/empty").await.status(), 403);
        assert_eq!(staff.post("/admin/trash/empty", &[]).await.status(), 403);
        assert_eq!(count(app, "SELECT count(*) FROM trash").await, 2, "nothing erased by an editor");

        // An admin: one item, after a confirmation.
        let trash = admin.page("/admin/trash").await;
        assert_eq!(attr(&trash, "#trash-empty", "href"), "/admin/trash/empty");
        let confirm = admin.page(&erase).await;
        assert_eq!(text(&confirm, "h1"), "Effacer définitivement cet élément\u{202f}?");
        assert_eq!(texts(&confirm, ".facts dd")[0], "Valmorin");
        assert_eq!(count(app, "SELECT count(*) FROM trash").await, 2, "nothing erased by the confirmation page");
        let response = admin.post(&erase, &[]).await;
        assert_eq!(response.headers()["location"], "/admin/trash?done=erased");
        assert_eq!(admin.post(&erase, &[]).await.status(), 404);
        let trash = admin.page("/admin/trash?done=erased").await;
        assert_eq!(text(&trash, "#trash-done"), "L’élément a été effacé définitivement.");
        assert_eq!(count(app, &format!("SELECT count(*) FROM trash WHERE id = {castelbrun}")).await, 1);

        // And the whole trash, the confirmation saying what goes.
        assert_eq!(staff.post("/admin/signatories/new", &admin_signatories::fields(&[("name", "Rochenoire")])).await.status(), 303);
        let id = id_of(app, "Rochenoire").await;
        assert_eq!(staff.post(&format!("/admin/signatories/{id}/delete"), &[]).await.status(), 303);
        let confirm = admin.page("/admin/trash/empty").await;
        let mut going = texts(&confirm, ".facts dd");
        going.sort();
        assert_eq!(going, ["Castelbrun", "Rochenoire"]);
        assert!(text(&confirm, "main p").starts_with("Ces 2 éléments disparaîtront"), "{}", text(&confirm, "main p"));
        let response = admin.post("/admin/trash/empty", &[]).await;
        assert_eq!(response.headers()["location"], "/admin/trash?done=emptied");
        assert_eq!(count(app, "SELECT count(*) FROM trash").await, 0);
        let kinds: Vec<(Option<String>, String)> =
            app.rows("SELECT actor_email, kind FROM audit_log WHERE kind LIKE 'trash.%' ORDER BY id").await;
        let ada = Some("ada@example.org".to_owned());
        assert_eq!(kinds, [(ada.clone(), "trash.erased".to_owned()), (ada, "trash.emptied".to_owned())]);
    }

    async fn a_restore_that_would_clash_changes_nothing(app) {
        let staff = app.staff("eddie@example.org", "editor").await;
        assert_eq!(staff.post("/admin/signatories/new", &admin_signatories::fields(&[("website", "https://old.example/")])).await.status(), 303);
        let id = id_of(app, "Valmorin").await;
        assert_eq!(staff.post(&format!("/admin/signatories/{id}/delete"), &[]).await.status(), 303);
        // Another Valmorin in France, added since.
        assert_eq!(staff.post("/admin/signatories/new", &admin_signatories::fields(&[("name", "VALMORIN")])).await.status(), 303);
        let other = id_of(app, "VALMORIN").await;
        let counter = text(&app.page("/fr/").await, "#counter");
        let entries = count(app, "SELECT count(*) FROM audit_log").await;

        let response = staff.post(&format!("/admin/trash/{}/restore", id_of_trashed(app, "Valmorin").await), &[]).await;
        assert_eq!(response.status(), 409);
        let page = html(response).await;
        assert!(text(&page, "#trash-refused").starts_with("Cet adhérent ne peut pas être restauré"), "{}", text(&page, "#trash-refused"));
        assert_eq!(text(&page, &format!("{} th", row("signatory", id))), "Valmorin", "still in the trash");
        let ids: Vec<(i64,)> = app.rows("SELECT id FROM signatories").await;
        assert_eq!(ids, [(other,)]);
        assert_eq!(count(app, "SELECT count(*) FROM trash").await, 1);
        assert_eq!(count(app, "SELECT count(*) FROM audit_log").await, entries);
        assert_eq!(text(&app.page("/fr/").await, "#counter"), counter);

        // Once the other is gone, it comes back.
        assert_eq!(staff.post(&format!("/admin/signatories/{other}/delete"), &[]).await.status(), 303);
        let action = format!("/admin/trash/{}/restore", id_of_trashed(app, "Valmorin").await);
        assert_eq!(staff.post(&action, &[]).await.status(), 303);
        let rows: Vec<(i64, Option<String>)> = app.rows("SELECT id, website FROM signatories").await;
        assert_eq!(rows, [(id, Some("https://old.example/".to_owned()))]);
    }
}

/// The trash's own id of the signatory of this name.
async fn id_of_trashed(app: &TestApp, name: &str) -> i64 {
    let rows: Vec<(i64,)> =
        app.rows(&format!("SELECT id FROM trash WHERE kind = 'signatory' AND label_fr = '{name}'")).await;
    rows.first().map(|(id,)| *id).expect("in the trash")
}
