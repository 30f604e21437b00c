//! The map of the signatories: one link per country with signatories, named
//! with its counts, one per signatory with a position, the directory's
//! filters, and a page that stays small.

use scraper::{Html, Selector};

use crate::common::{TestApp, attrs, both_backends, texts};

/// The (href, accessible name) of the map's links whose target starts with `prefix`.
fn links(page: &Html, prefix: &str) -> Vec<(String, String)> {
    let selector = Selector::parse("svg.map__drawing a").expect("selector");
    page.select(&selector)
        .filter_map(|a| {
            let href = a.value().attr("href")?;
            href.starts_with(prefix).then(|| (href.to_owned(), a.value().attr("aria-label").unwrap_or("").to_owned()))
        })
        .collect()
}

/// How many signatories the open data lists, with and without a position.
async fn placed_in_open_data(app: &TestApp) -> (usize, usize) {
    let json: serde_json::Value =
        serde_json::from_str(&app.get("/open-data/signatories.json").await.text().await.expect("json")).expect("json");
    let rows = json.as_array().expect("an array");
    let placed = rows.iter().filter(|row| row["latitude"].is_number() && row["longitude"].is_number()).count();
    (placed, rows.len())
}

both_backends! {
    async fn each_country_and_each_placed_signatory_is_a_named_link(app.seeded()) {
        let response = app.get("/en/members/map").await;
        assert_eq!(response.status(), 200);
        let body = response.text().await.expect("body");
        assert!(body.len() <= 150 * 1024, "the whole page is at most 150 KB: {} bytes", body.len());
        let page = Html::parse_document(&body);

        // One link per country with signatories, to its slice of the directory.
        let countries = links(&page, "/en/members?country=");
        let listed = texts(&app.page("/en/members").await, ".country-index a");
        assert_eq!(countries.len(), listed.len(), "{countries:?}");
        assert!(countries.contains(&("/en/members?country=FR".into(), "France: 7 cities, 1 region".into())), "{countries:?}");
        assert!(countries.contains(&("/en/members?country=MT".into(), "Malta: 2 cities".into())), "{countries:?}");

        // One link per signatory with a position, to its page.
        let dots = links(&page, "/en/members/");
        let (placed, total) = placed_in_open_data(app).await;
        assert_eq!((placed, total), (77, 77), "the sample data places every signatory");
        assert_eq!(dots.len(), placed);
        // Each sample signatory's dot says it is one.
        let strasbourg = dots.iter().find(|(_, name)| name == "Sample: Strasbourg (city)").expect("Strasbourg's dot");
        let strasbourg_page = app.page(&strasbourg.0).await;
        assert_eq!(texts(&strasbourg_page, "h1"), ["Strasbourg"]);
        assert!(dots.iter().any(|(_, name)| name == "Sample: Brittany (region)"), "names in the page's language");

        // The French page names the same in French.
        let french = app.page("/fr/adherents/carte").await;
        let spaced = |text: &str| text.replace(['\u{a0}', '\u{202f}'], " ");
        let french_countries: Vec<(String, String)> =
            links(&french, "/fr/adherents?country=").into_iter().map(|(href, name)| (href, spaced(&name))).collect();
        assert!(
            french_countries.contains(&("/fr/adherents?country=FR".into(), "France : 7 villes, 1 région".into())),
            "{french_countries:?}"
        );
        assert!(links(&french, "/fr/adherents/").iter().any(|(_, name)| spaced(name) == "Exemple : Bretagne (région)"));

        // Linked from the directory and the home page, listed in the sitemap.
        assert!(attrs(&app.page("/en/members").await, ".map-link a", "href").contains(&"/en/members/map".to_owned()));
        assert!(attrs(&app.page("/fr/").await, ".counter a", "href").contains(&"/fr/adherents/carte".to_owned()));
        let sitemap = crate::sitemap::text(app).await;
        assert!(sitemap.contains("/fr/adherents/carte</loc>") && sitemap.contains("/en/members/map</loc>"));
    }

    async fn the_directorys_filters_narrow_the_map(app.seeded()) {
        let france = app.page("/en/members/map?country=FR").await;
        assert_eq!(
            links(&france, "/en/members?"),
            [("/en/members?country=FR".to_owned(), "France: 7 cities, 1 region".to_owned())]
        );
        assert_eq!(links(&france, "/en/members/").len(), 8);

        let regions = app.page("/en/members/map?kind=region").await;
        let countries = links(&regions, "/en/members?");
        assert!(countries.contains(&("/en/members?country=FR&kind=region".into(), "France: 1 region".into())), "{countries:?}");
        assert!(countries.iter().all(|(_, name)| !name.contains("cit")), "only regions are counted: {countries:?}");
        let dots = links(&regions, "/en/members/");
        assert!(dots.iter().all(|(_, name)| name.ends_with("(region)")), "{dots:?}");
        assert_eq!(dots.len(), 14, "{dots:?}");

        assert_eq!(app.get("/en/members/map?country=XX").await.status(), 400);
        assert_eq!(app.get("/en/members/map?kind=town").await.status(), 400);
    }

    async fn a_position_typed_in_the_back_office_puts_a_dot_on_the_map(app) {
        let staff = app.staff("eddie@example.org", "editor").await;
        let mut fields = vec![
            ("name", "Valmorin"),
            ("kind", "city"),
            ("country", "FR"),
            ("joined_on", "2026-03-02"),
            ("name_fr", ""),
            ("name_en", ""),
            ("website", ""),
            ("latitude", "95"),
            ("longitude", "6.1"),
        ];
        let refused = staff.post("/admin/signatories/new", &fields).await;
        assert_eq!(refused.status(), 422);
        let form = Html::parse_document(&refused.text().await.expect("form"));
        let described = attrs(&form, "#signatory-latitude", "aria-describedby").join(" ");
        let error = described.split_whitespace().find(|id| id.ends_with("-error")).expect("the latitude's message is tied to it");
        assert_eq!(texts(&form, &format!("#{error}")), ["Une latitude va de -90 à 90 degrés."]);
        assert_eq!(attrs(&form, "#signatory-latitude", "value"), ["95"], "what was typed is kept");
        assert!(links(&app.page("/en/members/map").await, "/en/members/").is_empty());

        fields[7] = ("latitude", "45,9");
        assert_eq!(staff.post("/admin/signatories/new", &fields).await.status(), 303);
        let map = app.page("/en/members/map").await;
        assert_eq!(links(&map, "/en/members/").iter().map(|(_, name)| name.as_str()).collect::<Vec<_>>(), ["Valmorin (city)"]);
        let json = app.get("/open-data/signatories.json").await.text().await.expect("json");
        let rows: serde_json::Value = serde_json::from_str(&json).expect("json");
        assert_eq!((rows[0]["latitude"].as_f64(), rows[0]["longitude"].as_f64()), (Some(45.9), Some(6.1)));
        let csv = app.get("/open-data/signatories.csv").await.text().await.expect("csv");
        assert!(csv.lines().any(|line| line.ends_with(",45.9,6.1")), "{csv}");
    }
}
