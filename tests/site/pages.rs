//! The campaign's pages and the directory of signatories, on both backends.

use scraper::Html;

use crate::common::{self, Backend, TestApp, attr, attrs, both_backends, text, texts};

/// Every public page that has a twin, as (French path, English path, French h1, English h1).
const PAGES: &[(&str, &str, &str, &str)] = &[
    ("/fr/", "/en/", "UN sur CINQ", "ONE in FIVE"),
    ("/fr/a-propos", "/en/about", "À propos de la campagne", "About the campaign"),
    ("/fr/buts-et-objectifs", "/en/campaign-aims", "Buts et objectifs de la campagne", "Campaign aims"),
    ("/fr/pacte", "/en/pact", "Le Pacte des villes et des régions", "The Pact of cities and regions"),
    ("/fr/adherents", "/en/members", "Adhérents au Pacte", "Signatories of the Pact"),
    ("/fr/calendrier", "/en/calendar", "Calendrier", "Calendar"),
    ("/fr/actualites", "/en/news", "Actualités", "News"),
];

const NAV_FR: [&str; 7] =
    ["Accueil", "À propos", "Buts et objectifs", "Le Pacte", "Adhérents au Pacte", "Calendrier", "Actualités"];
const NAV_EN: [&str; 7] = ["Home", "About", "Campaign aims", "The Pact", "Signatories of the Pact", "Calendar", "News"];

/// The directory's country headings, without their counts.
fn country_names(html: &Html) -> Vec<String> {
    let selector = scraper::Selector::parse(".country__name").expect("selector");
    html.select(&selector).map(|h| h.text().next().unwrap_or_default().trim().to_owned()).collect()
}

both_backends! {
    async fn every_page_in_both_languages(app.seeded()) {
        for (index, (fr, en, h1_fr, h1_en)) in PAGES.iter().enumerate() {
            for (lang, path, twin, h1, nav) in [("fr", fr, en, h1_fr, NAV_FR), ("en", en, fr, h1_en, NAV_EN)] {
                let html = app.page(path).await;
                assert_eq!(attr(&html, "html", "lang"), lang, "{path}");
                assert_eq!(text(&html, "h1"), *h1, "{path}");
                let title = text(&html, "head > title");
                assert!(title.ends_with(if lang == "fr" { "– UN sur CINQ" } else { "– ONE in FIVE" }), "{path}: {title}");
                assert_eq!(texts(&html, "nav.main-nav a"), nav.map(str::to_owned).to_vec(), "{path}");
                assert_eq!(texts(&html, "nav.main-nav a[aria-current=page]"), vec![nav[index].to_owned()], "{path}");
                // The switcher and the alternates lead to the twin, whose switcher leads back.
                assert_eq!(attr(&html, ".lang-switch a", "href"), *twin, "{path}");
                let other = if lang == "fr" { "en" } else { "fr" };
                assert_eq!(attr(&html, &format!("link[rel=alternate][hreflang={other}]"), "href"), format!("http://site.test{twin}"));
                assert_eq!(attr(&html, &format!("link[rel=alternate][hreflang={lang}]"), "href"), format!("http://site.test{path}"));
                assert_eq!(attr(&app.page(twin).await, ".lang-switch a", "href"), *path);
                // Plain share links for this page, built on the server.
                let share = attrs(&html, "footer .share a", "href");
                assert_eq!(share.len(), 2, "{path}: {share:?}");
                let encoded = format!("http%3A%2F%2Fsite%2Etest{}", path.replace('/', "%2F").replace('-', "%2D"));
                assert!(share.iter().all(|href| href.contains(&encoded)), "{path}: {share:?}");
                assert!(share.iter().any(|href| href.starts_with("mailto:")));
                // Help, contact and the newsletter from every page's footer.
                let (help, newsletter) =
                    if lang == "fr" { ("/fr/aide", "/fr/lettre-d-information") } else { ("/en/help", "/en/newsletter") };
                assert_eq!(attr(&html, "#footer-help-link", "href"), help, "{path}");
                assert_eq!(attr(&html, "#footer-contact-link", "href"), format!("/{lang}/contact"), "{path}");
                assert_eq!(attr(&html, "#footer-newsletter-link", "href"), newsletter, "{path}");
                assert!(texts(&html, "script, iframe").is_empty());
                // No link to a page that is not there.
                for href in attrs(&html, "a[href^='/']", "href") {
                    assert_eq!(app.get(&href).await.status(), 200, "{path}: link to {href}");
                }
            }
        }
    }

    async fn help_for_children_and_a_contact_in_both_languages(app) {
        for (path, h1, words) in [
            ("/fr/aide", "Aide aux enfants", ["116\u{a0}111", "On ne touche pas ici"]),
            ("/en/help", "Help for children", ["116\u{a0}111", "the Underwear Rule"]),
        ] {
            let html = app.page(path).await;
            assert_eq!(text(&html, "h1"), h1);
            let body = text(&html, "article");
            for word in words {
                assert!(body.contains(word), "{path}: {word}");
            }
            let links = attrs(&html, "article a", "href");
            assert!(links.iter().any(|h| h.starts_with("https://childhelplineinternational.org/")), "{path}: {links:?}");
            assert!(links.iter().any(|h| h.contains("coe.int")), "{path}: {links:?}");
        }
        for path in ["/fr/contact", "/en/contact"] {
            let html = app.page(path).await;
            assert_eq!(text(&html, "h1"), "Contact");
            assert!(text(&html, "article").contains("F-67075 Strasbourg Cedex"), "{path}");
        }
        // Both are in the sitemap.
        let sitemap = crate::sitemap::text(app).await;
        for path in ["/fr/aide", "/en/help", "/fr/contact", "/en/contact"] {
            assert!(sitemap.contains(&format!("<loc>http://site.test{path}</loc>")), "{path}");
        }
    }

    async fn content_pages_carry_the_campaign_text(app.seeded()) {
        let pact = app.page("/fr/pacte").await;
        let headings = texts(&pact, "article h3");
        for p in ["Prévention", "Protection", "Poursuites", "Participation"] {
            assert!(headings.iter().any(|h| h == p), "{p} in {headings:?}");
        }
        assert!(text(&pact, "article").contains("septembre 2012"));
        assert!(text(&pact, "article").contains("F-67075 Strasbourg"));
        let pact = app.page("/en/pact").await;
        let headings = texts(&pact, "article h3");
        for p in ["Prevention", "Protection", "Prosecution", "Participation"] {
            assert!(headings.iter().any(|h| h == p), "{p} in {headings:?}");
        }
        assert!(text(&app.page("/en/about").await, "article").contains("Lanzarote Convention"));
        assert!(text(&app.page("/fr/a-propos").await, "article").contains("Convention de Lanzarote"));
        // The home page's blocks lead to these pages.
        for (lang, pages) in [("fr", ["/fr/a-propos", "/fr/buts-et-objectifs", "/fr/pacte"]), ("en", ["/en/about", "/en/campaign-aims", "/en/pact"])] {
            let home = app.page(&format!("/{lang}/")).await;
            assert_eq!(attrs(&home, ".home-blocks .read-more a", "href"), pages.map(str::to_owned).to_vec());
        }
    }

    async fn the_legal_pages_are_linked_from_every_page(app.seeded()) {
        let pages = [
            ("fr", "Mentions légales", "Déclaration d’accessibilité", "Accessibilité\u{a0}: partiellement conforme"),
            ("en", "Legal notice", "Accessibility statement", "Accessibility: partially compliant"),
        ];
        for (lang, legal, accessibility, footer_label) in pages {
            let home = app.page(&format!("/{lang}/")).await;
            let footer = texts(&home, "footer .site-footer__legal a");
            assert_eq!(footer.len(), 3, "{footer:?}");
            assert_eq!((footer[0].as_str(), footer[2].as_str()), (legal, footer_label));
            let hrefs = attrs(&home, "footer .site-footer__legal a", "href");
            let legal_page = app.page(&hrefs[0]).await;
            assert_eq!(text(&legal_page, "h1"), legal);
            // The publisher, and, with no contact set, where to write; with
            // no host set, no placeholder.
            assert!(text(&legal_page, "article").contains("F-67075 Strasbourg"));
            let unset = if lang == "fr" { "Écrivez au secrétariat par courrier" } else { "Write to the secretariat by post" };
            assert!(text(&legal_page, "article").contains(unset), "no contact set: where to write");
            assert!(!texts(&legal_page, "article h2").iter().any(|h| h == "Hosting" || h == "Hébergement"));
            let statement = app.page(&hrefs[2]).await;
            assert_eq!(text(&statement, "h1"), accessibility);
            let headings = texts(&statement, "article h2");
            assert_eq!(headings.len(), 5, "the model statement's five parts: {headings:?}");
            assert!(text(&statement, "article").contains("WCAG 2.1"));
        }
    }

    async fn a_slug_of_the_other_language_leads_to_this_one(app.seeded()) {
        for (from, to) in [("/fr/about", "/fr/a-propos"), ("/en/adherents", "/en/members"), ("/en/pacte", "/en/pact")] {
            let response = app.get(from).await;
            assert!(response.status().is_redirection(), "{from}");
            assert_eq!(response.headers()["location"], to);
        }
        assert_eq!(app.get("/fr/nothing").await.status(), 404);
        assert_eq!(app.get("/fr/a-propos/more").await.status(), 404);
    }

    async fn directory_groups_by_country_in_reading_order(app.seeded()) {
        let html = app.page("/fr/adherents").await;
        assert_eq!(text(&html, "#results-count"), "77 adhérents");
        let countries = country_names(&html);
        assert_eq!(countries.len(), 22);
        assert_eq!(&countries[..4], ["Albanie", "Allemagne", "Autriche", "Belgique"]);
        let mut sorted = countries.clone();
        sorted.sort_by(|a, b| oneinfive::text::collate::compare(a, b));
        assert_eq!(countries, sorted);
        // Each country with its count, cities and regions told apart.
        let germany = texts(&html, "#country-DE .country__count");
        assert_eq!(germany, vec!["3 villes, 1 région".to_owned()]);
        assert_eq!(texts(&html, "#country-DE .signatory--region a"), vec!["Rhénanie-Palatinat".to_owned()]);
        assert_eq!(texts(&html, "#country-DE .tag--city").len(), 3);
        // Names shown as French readers know them, sorted that way.
        assert_eq!(texts(&html, "#country-DE .signatory a"), vec!["Cologne", "Fribourg-en-Brisgau", "Munich", "Rhénanie-Palatinat"]);

        let html = app.page("/en/members").await;
        assert_eq!(text(&html, "#results-count"), "77 signatories");
        assert_eq!(&country_names(&html)[..4], ["Albania", "Austria", "Belgium", "Bulgaria"]);
        assert_eq!(texts(&html, "#country-DE .country__count"), vec!["3 cities, 1 region".to_owned()]);
        // The index by country links to each country's filtered view.
        let index = attrs(&html, ".country-index a", "href");
        assert_eq!(index.len(), 22);
        assert!(index.contains(&"/en/members?country=DE".to_owned()));
    }

    async fn directory_filters_and_search(app.seeded()) {
        let html = app.page("/fr/adherents?country=IT").await;
        assert_eq!(text(&html, "#results-count"), "8 adhérents");
        assert_eq!(country_names(&html), vec!["Italie"]);
        assert_eq!(attr(&html, "#filter-country option[selected]", "value"), "IT");

        let html = app.page("/en/members?kind=region").await;
        assert_eq!(text(&html, "#results-count"), "14 signatories");
        assert!(texts(&html, ".tag--city").is_empty());
        assert_eq!(attr(&html, "#filter-kind option[selected]", "value"), "region");

        // Accents and case do not matter; every name of a signatory is searched.
        for (query, found) in [("koln", "Cologne"), ("KÖLN", "Cologne"), ("cologne", "Cologne"), ("munchen", "Munich"), ("bruxelles", "Région de Bruxelles-Capitale")] {
            let html = app.page(&format!("/fr/adherents?q={}", urlencode(query))).await;
            assert_eq!(texts(&html, ".signatory a"), vec![found.to_owned()], "{query}");
            assert_eq!(attr(&html, "#filter-name", "value"), query);
        }
        let html = app.page("/en/members?country=ES&kind=region&q=madrid").await;
        assert_eq!(texts(&html, ".signatory a"), vec!["Community of Madrid".to_owned()]);
        assert_eq!(text(&html, "#results-count"), "1 signatory");

        // Hostile or odd searches find nothing and break nothing.
        for query in ["%", "_", "\\", "' OR 1=1 --", "<script>alert(1)</script>", "zzzz"] {
            let html = app.page(&format!("/fr/adherents?q={}", urlencode(query))).await;
            assert_eq!(text(&html, "#results-count"), "0 adhérent", "{query}");
            assert_eq!(text(&html, ".notice"), "Aucun adhérent ne correspond à ces critères.");
            assert_eq!(attr(&html, "#filter-name", "value"), query);
        }
        // Empty fields, as the form sends them, mean "any".
        let html = app.page("/fr/adherents?country=&kind=&q=").await;
        assert_eq!(text(&html, "#results-count"), "77 adhérents");
        // A filter that names nothing we know is a clear, localized error.
        for bad in ["country=XX", "kind=town", "page=0", "page=-1", "page=abc", "country=RU"] {
            let response = app.get(&format!("/en/members?{bad}")).await;
            assert_eq!(response.status(), 400, "{bad}");
            let html = Html::parse_document(&response.text().await.expect("body"));
            assert_eq!(attr(&html, "html", "lang"), "en");
            assert_eq!(text(&html, "h1"), "This request could not be read", "{bad}");
        }
        assert_eq!(app.get("/fr/adherents?page=2").await.status(), 404);
    }

    async fn directory_paginates(app) {
        let mut csv = String::from("name,kind,country,joined_on\n");
        for i in 0..130 {
            csv.push_str(&format!("Commune {i:03},city,FR,2020-01-01\n"));
        }
        for i in 0..120 {
            csv.push_str(&format!("Gemeinde {i:03},city,DE,2020-01-01\n"));
        }
        let output = app.import("many.csv", &csv);
        assert!(output.status.success(), "{}", common::stderr(&output));

        let first = app.page("/fr/adherents").await;
        assert_eq!(text(&first, "#results-count"), "250 adhérents");
        assert_eq!(texts(&first, ".signatory").len(), 100);
        assert_eq!(country_names(&first), vec!["Allemagne"]);
        assert_eq!(text(&first, ".pagination__status"), "Page 1 sur 3");
        assert!(attrs(&first, ".pagination a[rel=prev]", "href").is_empty());
        let next = attr(&first, ".pagination a[rel=next]", "href");
        assert_eq!(next, "/fr/adherents?page=2");

        let second = app.page(&next).await;
        assert_eq!(texts(&second, ".signatory").len(), 100);
        assert_eq!(country_names(&second), vec!["Allemagne", "France"]);
        assert_eq!(texts(&second, ".country__continued"), vec!["(suite)".to_owned()]);
        assert_eq!(texts(&second, "#country-DE .signatory").len(), 20);
        let third = app.page(&attr(&second, ".pagination a[rel=next]", "href")).await;
        assert_eq!(texts(&third, ".signatory").len(), 50);
        assert_eq!(texts(&third, ".signatory a").last().map(String::as_str), Some("Commune 129"));
        // Filters are kept from page to page.
        let filtered = app.page("/en/members?country=FR&q=commune").await;
        assert_eq!(attr(&filtered, ".pagination a[rel=next]", "href"), "/en/members?country=FR&q=commune&page=2");
        // All 250 appear exactly once across the pages.
        let mut all: Vec<String> = [first, second, third].iter().flat_map(|p| texts(p, ".signatory a")).collect();
        all.sort();
        all.dedup();
        assert_eq!(all.len(), 250);
    }

    async fn signatory_pages(app) {
        let output = app.import(
            "two.csv",
            "name,kind,country,joined_on,name_fr,name_en,website\n\
             München,city,DE,2013-05-01,Munich,Munich,https://www.muenchen.de/\n\
             Région de Bruxelles-Capitale,region,BE,2014-11-12,,Brussels-Capital Region,\n",
        );
        assert!(output.status.success(), "{}", common::stderr(&output));
        let directory = app.page("/fr/adherents").await;
        let href = attrs(&directory, ".signatory a", "href").into_iter().find(|h| h.contains("munchen")).expect("link");
        let html = app.page(&href).await;
        assert_eq!(text(&html, "h1"), "Munich");
        let facts: Vec<String> = texts(&html, ".facts dd");
        assert_eq!(facts, vec!["München", "Ville", "Allemagne", "1er mai 2013", "https://www.muenchen.de/"]);
        assert_eq!(attr(&html, ".facts a[rel~=external]", "href"), "https://www.muenchen.de/");
        assert_eq!(attr(&html, "time", "datetime"), "2013-05-01");
        assert_eq!(texts(&html, "nav.main-nav a[aria-current=page]"), vec!["Adhérents au Pacte".to_owned()]);
        // Back to its country in the directory.
        let back = attr(&html, ".breadcrumb a", "href");
        assert!(back.starts_with("/fr/adherents?country=DE"), "{back}");
        assert_eq!(country_names(&app.page(&back).await), vec!["Allemagne"]);
        // Its twin in English.
        let twin = attr(&html, ".lang-switch a", "href");
        assert!(twin.starts_with("/en/members/") && twin.ends_with("-munchen"), "{twin}");
        let english = app.page(&twin).await;
        assert_eq!(texts(&english, ".facts dd")[1..4], ["City", "Germany", "1 May 2013"]);
        assert_eq!(attr(&english, ".lang-switch a", "href"), href);

        let brussels = attrs(&app.page("/en/members").await, ".signatory a", "href").into_iter().find(|h| h.contains("bruxelles")).expect("link");
        let html = app.page(&brussels).await;
        assert_eq!(text(&html, "h1"), "Brussels-Capital Region");
        assert_eq!(texts(&html, ".facts dd"), vec!["Région de Bruxelles-Capitale", "Region", "Belgium", "12 November 2014"]);
        // An outdated or missing slug leads to the page; an unknown id is not found.
        let id = href.trim_start_matches("/fr/adherents/").split('-').next().unwrap_or_default().to_owned();
        for stale in [format!("/fr/adherents/{id}"), format!("/fr/adherents/{id}-old-name")] {
            let response = app.get(&stale).await;
            assert!(response.status().is_redirection(), "{stale}");
            assert_eq!(response.headers()["location"], href.as_str());
        }
        for missing in ["/fr/adherents/999999-nowhere", "/en/members/abc", "/en/members/99999999999999999999999"] {
            assert_eq!(app.get(missing).await.status(), 404, "{missing}");
        }
    }

    async fn open_data_matches_the_export(app.seeded()) {
        let exported = app.export();
        let html = app.page("/fr/adherents").await;
        let links = attrs(&html, ".downloads a", "href");
        assert_eq!(links.len(), 3, "the list as CSV and JSON, and the counter's history");
        let csv = app.get(&links[0]).await;
        assert_eq!(csv.headers()["content-type"], "text/csv; charset=utf-8");
        assert_eq!(csv.text().await.expect("csv"), exported);
        let json = app.get(&links[1]).await;
        assert_eq!(json.headers()["content-type"], "application/json");
        let records: Vec<serde_json::Map<String, serde_json::Value>> = serde_json::from_str(&json.text().await.expect("body")).expect("json");
        let mut reader = csv::ReaderBuilder::new().comment(Some(b'#')).from_reader(exported.as_bytes());
        let header: Vec<String> = reader.headers().expect("header").iter().map(str::to_owned).collect();
        let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
        assert_eq!(records.len(), rows.len());
        for (record, row) in records.iter().zip(rows) {
            // The JSON marks sample rows too, which the CSV says in its notes.
            assert_eq!(record.get("sample"), Some(&serde_json::Value::Bool(true)));
            let keys = record.keys().filter(|key| *key != "sample").cloned();
            assert_eq!(keys.collect::<std::collections::BTreeSet<_>>(), header.iter().cloned().collect());
            for (column, value) in header.iter().zip(row.iter()) {
                match &record[column] {
                    // Coordinates are numbers in the JSON.
                    serde_json::Value::Number(number) => {
                        assert_eq!(number.as_f64(), value.parse::<f64>().ok(), "{column}");
                    }
                    json_value => assert_eq!(json_value.as_str().unwrap_or(""), value, "{column}"),
                }
            }
        }
    }

    async fn counter_explains_itself(app.seeded()) {
        let html = app.page("/fr/").await;
        assert!(text(&html, ".counter__how").contains("pays distincts"));
        assert_eq!(text(&html, ".counter__latest"), "Dernière adhésion\u{a0}: 24 mai 2016");
        assert_eq!(attrs(&html, ".counter__link a", "href"), ["/fr/adherents", "/fr/adherents/carte", "/fr/pacte/adherer"]);
        let html = app.page("/en/").await;
        assert_eq!(text(&html, ".counter__latest"), "Latest signature: 24 May 2016");
    }

    async fn sitemap_lists_every_page(app.seeded()) {
        let robots = app.get("/robots.txt").await.text().await.expect("robots");
        assert!(robots.lines().any(|l| l == "Sitemap: http://site.test/sitemap.xml"), "{robots}");
        // The index's files, all of them together.
        let files = crate::sitemap::files(app).await;
        let documents: Vec<_> =
            files.iter().map(|(_, xml)| roxmltree::Document::parse(xml).expect("well-formed XML")).collect();
        let urls: Vec<_> =
            documents.iter().flat_map(|document| document.descendants().filter(|n| n.has_tag_name("url"))).collect();
        // In both languages: the navigation's 7 pages, the map, the
        // calendar's archive, the newsletter, privacy, legal,
        // accessibility, contact and help pages, 77 signatories and 9
        // events, the newsletter's archive and its sample issue; the sample
        // news: five items in both languages, two in one language only;
        // the form to join the Pact.
        assert_eq!(urls.len(), (7 + 8 + 77 + 9 + 2 + 1) * 2 + 5 * 2 + 2);
        let mut locs = Vec::new();
        for url in &urls {
            let loc = url.children().find(|n| n.has_tag_name("loc")).and_then(|n| n.text()).expect("loc");
            let alternates: Vec<(&str, &str)> = url
                .children()
                .filter(|n| n.has_tag_name("link"))
                .map(|n| (n.attribute("hreflang").unwrap_or(""), n.attribute("href").unwrap_or("")))
                .collect();
            let hreflangs: Vec<&str> = alternates.iter().map(|a| a.0).collect();
            if hreflangs.len() == 1 {
                // A news item in one language only: that language alone.
                assert!(loc.starts_with(&format!("http://site.test/{}/", hreflangs[0])), "{loc}");
            } else {
                assert_eq!(hreflangs, ["fr", "en", "x-default"], "{loc}");
            }
            assert!(alternates.iter().any(|a| a.1 == loc), "{loc}");
            locs.push(loc.to_owned());
        }
        for (fr, en, _, _) in PAGES {
            assert!(locs.contains(&format!("http://site.test{fr}")), "{fr}");
            assert!(locs.contains(&format!("http://site.test{en}")), "{en}");
        }
        // Every listed page answers, and its own hreflang links agree with the sitemap.
        for loc in locs.iter().step_by(7) {
            let path = loc.trim_start_matches("http://site.test");
            let html = app.page(path).await;
            assert_eq!(attr(&html, "link[rel=canonical]", "href"), *loc);
        }
    }
}

fn urlencode(text: &str) -> String {
    url::form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

#[tokio::test]
async fn large_directory_stays_paginated() {
    let app = TestApp::builder(Backend::Sqlite).start().await.expect("SQLite");
    let mut csv = String::from("name,kind,country,joined_on\n");
    for i in 0..10_000 {
        let country = ["FR", "DE", "IT", "ES", "PL"][i % 5];
        csv.push_str(&format!("Place {i:05},{},{country},2020-01-01\n", if i % 7 == 0 { "region" } else { "city" }));
    }
    assert!(app.import("big.csv", &csv).status.success());
    let html = app.page("/en/members").await;
    assert_eq!(text(&html, "#results-count"), "10,000 signatories");
    assert_eq!(texts(&html, ".signatory").len(), 100);
    assert_eq!(text(&html, ".pagination__status"), "Page 1 of 100");
    let last = app.page("/en/members?page=100").await;
    assert_eq!(texts(&last, ".signatory").len(), 100);
}
