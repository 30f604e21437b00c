//! The bundled sample data says what it is: a banner on every page while
//! any sample row remains, a label on each sample item where it is listed,
//! notes in the feeds and the open data; and `sample remove` takes it all
//! away at once.

use crate::common::{TestApp, both_backends, stderr, stdout, text, texts};

const BANNER_FR: &str =
    "Site de démonstration\u{a0}: les adhérents, actualités et événements affichés sont des exemples.";
const BANNER_EN: &str = "Demonstration site: the signatories, news and events shown are examples.";

async fn banner(app: &TestApp, path: &str) -> Vec<String> {
    texts(&app.page(path).await, ".sample-banner")
}

both_backends! {
    async fn sample_data_is_said_to_be_sample_everywhere(app.seeded()) {
        for path in ["/fr/", "/fr/adherents", "/fr/actualites", "/fr/calendrier", "/fr/a-propos", "/fr/adherents/1-strasbourg"] {
            assert_eq!(banner(app, path).await, vec![BANNER_FR.to_owned()], "{path}");
        }
        for path in ["/en/", "/en/members", "/en/news", "/en/calendar/archive", "/en/privacy"] {
            assert_eq!(banner(app, path).await, vec![BANNER_EN.to_owned()], "{path}");
        }
        // Each sample item is labelled where it is listed.
        let news = app.page("/en/news").await;
        let titles = texts(&news, ".news-list__title");
        assert!(!titles.is_empty());
        assert!(titles.iter().all(|t| t.starts_with("Sample ")), "{titles:?}");
        let home = app.page("/fr/").await;
        let cards = texts(&home, ".news-card__title");
        assert!(!cards.is_empty() && cards.iter().all(|t| t.starts_with("Exemple ")), "{cards:?}");
        let events = texts(&app.page("/en/calendar/archive").await, ".event-card__title");
        assert!(!events.is_empty() && events.iter().all(|t| t.starts_with("Sample ")), "{events:?}");
        // The sample signatories too: in the directory, on their page, on
        // the map (its dots' accessible names), on the dashboard.
        for (path, label) in [("/fr/adherents", "Exemple"), ("/en/members", "Sample")] {
            let directory = app.page(path).await;
            let rows = texts(&directory, ".signatories li");
            assert!(!rows.is_empty() && rows.iter().all(|row| row.starts_with(&format!("{label} "))), "{path}: {rows:?}");
        }
        let page = app.page("/en/members/1-strasbourg").await;
        assert!(text(&page, "#signatory-sample").starts_with("Sample This place is real"), "{}", text(&page, "#signatory-sample"));
        let page = app.page("/fr/adherents/1-strasbourg").await;
        assert!(text(&page, "#signatory-sample").starts_with("Exemple Ce lieu existe"));
        let map = app.page("/fr/adherents/carte").await;
        let links = scraper::Selector::parse(".map__drawing a").expect("selector");
        // A dot links to a signatory's page; a country, to the directory.
        let dot_labels: Vec<String> = map
            .select(&links)
            .filter(|a| !a.value().attr("href").unwrap_or_default().contains('?'))
            .filter_map(|a| a.value().attr("aria-label").map(str::to_owned))
            .collect();
        assert!(!dot_labels.is_empty() && dot_labels.iter().all(|l| l.starts_with("Exemple\u{a0}: ")), "{dot_labels:?}");
        app.create_account("ada@example.org", "admin");
        let admin = app.sign_in("ada@example.org", crate::common::staff::PASSWORD).await;
        let latest = texts(&admin.page("/admin/").await, "#latest-signatures li");
        assert!(!latest.is_empty() && latest.iter().all(|l| l.starts_with("Exemple ")), "{latest:?}");
        // The feeds: each item's title, and the channel's description.
        let rss = app.get("/en/news.rss").await.bytes().await.expect("body");
        let feed = feed_rs::parser::parse(&rss[..]).expect("RSS");
        assert!(feed.entries.iter().all(|e| e.title.as_ref().is_some_and(|t| t.content.starts_with("[Sample] "))));
        assert!(feed.description.as_ref().is_some_and(|d| d.content.contains("Demonstration site")));
        let ics = app.get("/fr/calendrier.ics").await.text().await.expect("body");
        let calendar = ical::IcalParser::new(ics.as_bytes()).next().expect("a calendar").expect("parses");
        for event in &calendar.events {
            let property = |name: &str| {
                event.properties.iter().find(|p| p.name == name).and_then(|p| p.value.clone()).unwrap_or_default()
            };
            assert!(property("SUMMARY").starts_with("[Exemple] "), "{}", property("SUMMARY"));
            // Plain text for calendar apps: no Markdown marks.
            assert!(!property("DESCRIPTION").contains('*'), "{}", property("DESCRIPTION"));
        }
        // The open data.
        let csv = app.get("/open-data/signatories.csv").await.text().await.expect("body");
        let notes: Vec<&str> = csv.lines().take_while(|l| l.starts_with('#')).collect();
        assert_eq!(notes.len(), 2, "{csv}");
        assert!(notes[1].contains("77 of the 77 signatories in this file are examples"), "{notes:?}");
        let json: serde_json::Value =
            serde_json::from_str(&app.get("/open-data/signatories.json").await.text().await.expect("body")).expect("JSON");
        let records = json.as_array().expect("an array");
        assert!(records.iter().all(|r| r["sample"] == serde_json::Value::Bool(true)));
        // An export with its notes imports back, and the rows become real.
        let export = app.export();
        assert!(export.starts_with("# "), "{export}");
        let output = app.import("again.csv", &export);
        assert!(output.status.success(), "{}", stderr(&output));
        assert!(stdout(&output).contains("0 added, 77 updated, 0 unchanged"), "{}", stdout(&output));
        assert!(stdout(&output).contains("sample rows remain (0 signatories"), "{}", stdout(&output));
    }

    async fn sample_remove_takes_it_all_away(app.seeded()) {
        // A real signatory, which stays.
        let output = app.import("real.csv", "name,kind,country,joined_on\nRealtown,city,FR,2024-05-01\n");
        assert!(output.status.success(), "{}", stderr(&output));
        assert!(
            stdout(&output).contains("sample rows remain (77 signatories, 9 events, 7 news items, 1 newsletter issues)"),
            "{}",
            stdout(&output)
        );
        assert_eq!(texts(&app.page("/en/newsletter/archive").await, ".news-list__title").len(), 1);
        let output = app.cli(&["sample", "remove"]);
        assert!(output.status.success(), "{}", stderr(&output));
        assert_eq!(
            stdout(&output).trim(),
            "sample data removed: 77 signatories, 9 events, 7 news items, 1 newsletter issues"
        );
        let home = app.page_showing("/fr/", |html| texts(html, ".sample-banner").is_empty()).await;
        assert!(texts(&home, ".sample-banner").is_empty());
        assert_eq!(text(&home, "#counter"), "1 ville ou région dans 1 pays");
        assert!(texts(&app.page("/en/news").await, ".news-list__title").is_empty());
        assert!(texts(&app.page("/en/newsletter/archive").await, ".news-list__title").is_empty());
        let csv = app.get("/open-data/signatories.csv").await.text().await.expect("body");
        assert!(csv.starts_with("name,kind,country"), "{csv}");
        assert!(csv.contains("Realtown"));
        // Once more: nothing left to remove; and with no signatory at all, the plural is French's.
        let output = app.cli(&["sample", "remove"]);
        assert_eq!(stdout(&output).trim(), "sample data removed: 0 signatories, 0 events, 0 news items, 0 newsletter issues");
        app.execute("DELETE FROM signatories").await;
        let empty = app.page_showing("/fr/", |html| text(html, "#counter").starts_with('0')).await;
        assert_eq!(text(&empty, "#counter"), "0 ville ou région dans 0 pays");
        let english = app.page("/en/").await;
        assert_eq!(text(&english, "#counter"), "0 cities and regions in 0 countries");
    }
}
