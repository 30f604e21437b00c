//! The site as a visitor sees it, over HTTP, on both backends.

use scraper::Html;

use crate::common::{self, Backend, NOTIFICATION_DELAY, TestApp, attr, attrs, both_backends, settle, text, texts};

/// A CSV with one signatory per (name, kind, country).
fn csv(rows: &[(&str, &str, &str)]) -> String {
    let mut out = String::from("name,kind,country,joined_on\n");
    for (name, kind, country) in rows {
        out.push_str(&format!("{name},{kind},{country},2024-03-01\n"));
    }
    out
}

async fn counter(app: &TestApp, lang: &str) -> String {
    text(&app.page(&format!("/{lang}/")).await, "#counter")
}

both_backends! {
    async fn root_redirects_by_accept_language(app.seeded()) {
        for (accept, expected) in [
            (Some("en-GB,en;q=0.9"), "/en/"),
            (Some("fr-FR,fr;q=0.9,en;q=0.8"), "/fr/"),
            (Some("de-DE,de;q=0.9,en;q=0.5"), "/en/"),
            (Some("fr;q=0.2, en;q=0.8"), "/en/"),
            (Some("de, it"), "/fr/"),
            (Some("garbage;;q=x,,"), "/fr/"),
            (None, "/fr/"),
        ] {
            let mut request = app.client.get(app.url("/"));
            if let Some(accept) = accept {
                request = request.header("accept-language", accept);
            }
            let response = request.send().await.expect("GET /");
            assert_eq!(response.status(), 303, "Accept-Language {accept:?}");
            assert_eq!(response.headers()["location"], expected, "Accept-Language {accept:?}");
        }
    }

    async fn switcher_choice_is_remembered_by_a_cookie(app.seeded()) {
        let visitor = reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("client");
        let get = |path: &str| visitor.get(app.url(path)).header("accept-language", "fr-FR,fr").send();
        assert_eq!(get("/").await.expect("GET /").headers()["location"], "/fr/");
        // The visitor switches to English from the French home page.
        let french = Html::parse_document(&get("/fr/").await.expect("GET /fr/").text().await.expect("body"));
        let english_href = attr(&french, ".lang-switch a", "href");
        assert_eq!(english_href, "/en/");
        assert_eq!(get(&english_href).await.expect("switch").status(), 200);
        assert_eq!(get("/").await.expect("GET /").headers()["location"], "/en/");
        // And back.
        assert_eq!(get("/fr/").await.expect("switch back").status(), 200);
        assert_eq!(get("/").await.expect("GET /").headers()["location"], "/fr/");
        // A cookie beats Accept-Language; a bad cookie is ignored.
        let with_cookie = |cookie: &'static str| {
            app.client.get(app.url("/")).header("accept-language", "fr").header("cookie", cookie).send()
        };
        assert_eq!(with_cookie("lang=en").await.expect("GET").headers()["location"], "/en/");
        assert_eq!(with_cookie("lang=../../etc").await.expect("GET").headers()["location"], "/fr/");
    }

    async fn home_pages_in_both_languages(app.seeded()) {
        for (lang, title, heading, counter_title, nav_home) in [
            ("fr", "Accueil – UN sur CINQ", "UN sur CINQ", "Adhérents au Pacte", "Accueil"),
            ("en", "Home – ONE in FIVE", "ONE in FIVE", "Signatories of the Pact", "Home"),
        ] {
            let html = app.page(&format!("/{lang}/")).await;
            assert_eq!(attr(&html, "html", "lang"), lang);
            assert_eq!(text(&html, "head > title"), title);
            assert_eq!(text(&html, "h1"), heading);
            assert_eq!(text(&html, "#counter-title"), counter_title);
            // Landmarks: one header, one navigation labelled, one main, one footer.
            assert_eq!(texts(&html, "body > header").len(), 1);
            assert_eq!(texts(&html, "main#main").len(), 1);
            assert_eq!(texts(&html, "body > footer").len(), 1);
            // The current page is marked in the navigation.
            assert_eq!(texts(&html, "nav.main-nav a[aria-current=page]"), vec![nav_home.to_owned()]);
            // The counter, the next events, the latest news and the seed's three blocks.
            let headings = texts(&html, "main section h2");
            assert_eq!(headings.len(), 6, "{headings:?}");
            assert!(headings.iter().any(|h| h == if lang == "fr" { "À propos" } else { "About" }));
            assert!(html.root_element().text().collect::<String>().contains("Lanzarote"));
            // Never a link to a page that does not exist.
            for href in attrs(&html, "a[href^='/']", "href") {
                assert_eq!(app.get(&href).await.status(), 200, "{lang}: link to {href}");
            }
            // No Facebook page unless the operator names one (none confirmed).
            assert!(!attrs(&html, "footer a", "href").iter().any(|h| h.contains("facebook.com")));
            // Help, contact and the newsletter from every page's footer; the
            // Council of Europe and the Congress from its top bar.
            let help = if lang == "fr" { "/fr/aide" } else { "/en/help" };
            let newsletter = if lang == "fr" { "/fr/lettre-d-information" } else { "/en/newsletter" };
            assert_eq!(attr(&html, "#footer-help-link", "href"), help);
            assert_eq!(attr(&html, "#footer-contact-link", "href"), format!("/{lang}/contact"));
            assert_eq!(attr(&html, "#footer-newsletter-link", "href"), newsletter);
            let top = attrs(&html, ".topbar__org a", "href");
            assert_eq!(top.len(), 2);
            assert!(top.iter().all(|href| href.starts_with("https://www.coe.int")), "{top:?}");
        }
        assert_eq!(counter(app, "fr").await, "77 villes et régions dans 22 pays");
        assert_eq!(counter(app, "en").await, "77 cities and regions in 22 countries");
    }

    async fn alternates_and_switcher_agree(app.seeded()) {
        for (lang, other) in [("fr", "en"), ("en", "fr")] {
            let html = app.page(&format!("/{lang}/")).await;
            assert_eq!(attr(&html, "link[rel=alternate][hreflang=fr]", "href"), "http://site.test/fr/");
            assert_eq!(attr(&html, "link[rel=alternate][hreflang=en]", "href"), "http://site.test/en/");
            assert_eq!(attr(&html, "link[rel=alternate][hreflang=x-default]", "href"), "http://site.test/fr/");
            assert_eq!(attr(&html, "link[rel=canonical]", "href"), format!("http://site.test/{lang}/"));
            let switch = attr(&html, ".lang-switch a", "href");
            assert_eq!(switch, format!("/{other}/"));
            assert_eq!(attr(&html, ".lang-switch a", "hreflang"), other);
            let twin = app.page(&switch).await;
            assert_eq!(attr(&twin, "html", "lang"), other);
            assert_eq!(attr(&twin, ".lang-switch a", "href"), format!("/{lang}/"));
        }
    }

    async fn counter_is_live_after_an_import(app.seeded()) {
        assert_eq!(counter(app, "fr").await, "77 villes et régions dans 22 pays");
        let output = app.import("new.csv", &csv(&[("Reykjavík", "city", "IS")]));
        assert!(output.status.success(), "{}", common::stderr(&output));
        assert_eq!(counter(app, "fr").await, "78 villes et régions dans 23 pays");
        assert_eq!(counter(app, "en").await, "78 cities and regions in 23 countries");
    }

    async fn counter_plural_forms(app) {
        assert_eq!(counter(app, "fr").await, "0 ville ou région dans 0 pays");
        assert_eq!(counter(app, "en").await, "0 cities and regions in 0 countries");
        assert!(app.import("one.csv", &csv(&[("Strasbourg", "city", "FR")])).status.success());
        assert_eq!(counter(app, "fr").await, "1 ville ou région dans 1 pays");
        assert_eq!(counter(app, "en").await, "1 city or region in 1 country");
        assert!(app.import("two.csv", &csv(&[("Bretagne", "region", "FR")])).status.success());
        assert_eq!(counter(app, "fr").await, "2 villes et régions dans 1 pays");
        assert_eq!(counter(app, "en").await, "2 cities and regions in 1 country");
        assert!(app.import("three.csv", &csv(&[("Torino", "city", "IT")])).status.success());
        assert_eq!(counter(app, "fr").await, "3 villes et régions dans 2 pays");
        assert_eq!(counter(app, "en").await, "3 cities and regions in 2 countries");
    }

    async fn large_counts_are_grouped(app) {
        let rows: Vec<(String, &str, &str)> = (0..1234).map(|i| (format!("Commune {i}"), "city", "FR")).collect();
        let rows: Vec<(&str, &str, &str)> = rows.iter().map(|(n, k, c)| (n.as_str(), *k, *c)).collect();
        let output = app.import("many.csv", &csv(&rows));
        assert!(output.status.success(), "{}", common::stderr(&output));
        assert_eq!(counter(app, "fr").await, "1\u{202F}234 villes et régions dans 1 pays");
        assert_eq!(counter(app, "en").await, "1,234 cities and regions in 1 country");
    }

    async fn not_found_pages_are_localized(app.seeded()) {
        for (path, lang, heading) in [
            ("/fr/pas-de-page", "fr", "Page introuvable"),
            ("/en/no-such-page", "en", "Page not found"),
            ("/de/", "fr", "Page introuvable"),
            ("/fr/x/y/z?q=<script>", "fr", "Page introuvable"),
            ("/static/nothing.css", "fr", "Page introuvable"),
        ] {
            let response = app.get(path).await;
            assert_eq!(response.status(), 404, "{path}");
            assert!(response.headers()["content-type"].to_str().unwrap_or("").starts_with("text/html"));
            let html = Html::parse_document(&response.text().await.expect("body"));
            assert_eq!(attr(&html, "html", "lang"), lang, "{path}");
            assert_eq!(text(&html, "h1"), heading, "{path}");
            // With the navigation and no index.
            assert!(!texts(&html, "nav.main-nav a").is_empty(), "{path}");
            assert_eq!(attr(&html, "meta[name=robots]", "content"), "noindex");
        }
        // Outside a language, the visitor's language.
        let response = app.client.get(app.url("/nowhere")).header("accept-language", "en").send().await.expect("GET");
        assert_eq!(response.status(), 404);
        let html = Html::parse_document(&response.text().await.expect("body"));
        assert_eq!(attr(&html, "html", "lang"), "en");
        assert_eq!(text(&html, "h1"), "Page not found");
    }

    async fn security_headers_everywhere(app.seeded()) {
        let stylesheet = attr(&app.page("/fr/").await, "link[rel=stylesheet]", "href");
        for path in ["/", "/fr/", "/en/", "/fr/missing", "/healthz", stylesheet.as_str()] {
            let response = app.get(path).await;
            let headers = response.headers();
            let csp = headers["content-security-policy"].to_str().expect("CSP");
            assert!(csp.contains("default-src 'self'"), "{path}: {csp}");
            assert!(csp.contains("frame-ancestors 'none'"), "{path}: {csp}");
            assert!(!csp.contains("unsafe-inline") && !csp.contains("http"), "{path}: {csp}");
            assert_eq!(headers["x-content-type-options"], "nosniff", "{path}");
            assert!(headers.contains_key("referrer-policy"), "{path}");
            assert!(!headers.contains_key("server"), "{path}");
        }
        // No inline script or style, no third-party resource.
        let html = app.page("/fr/").await;
        assert!(texts(&html, "script").is_empty());
        assert!(attrs(&html, "[style]", "style").is_empty());
        for attribute in ["src", "href"] {
            for value in attrs(&html, &format!("link[{attribute}], img[{attribute}], script[{attribute}]"), attribute) {
                assert!(value.starts_with('/') || value.starts_with("http://site.test/"), "{value}");
            }
        }
    }

    async fn request_bodies_are_limited(app.seeded()) {
        let big = vec![b'a'; 100 * 1024];
        let response = app.client.post(app.url("/fr/")).body(big).send().await.expect("POST");
        assert_eq!(response.status(), 413);
        // The body was not read to its end: the connection is not reused.
        assert_eq!(response.headers()["connection"], "close");
        let html = Html::parse_document(&response.text().await.expect("body"));
        assert_eq!(text(&html, "h1"), "Envoi trop volumineux");
        let response = app.client.post(app.url("/en/")).body("small").send().await.expect("POST");
        assert_eq!(response.status(), 405);
        assert!(response.headers().contains_key("allow"));
    }

    async fn stylesheet_is_versioned_compressed_and_cached(app.seeded()) {
        let html = app.page("/en/").await;
        let href = attr(&html, "link[rel=stylesheet]", "href");
        assert!(href.starts_with("/static/style.") && href.ends_with(".css") && href.len() > "/static/style..css".len());
        let response = app.client.get(app.url(&href)).header("accept-encoding", "br").send().await.expect("GET css");
        assert_eq!(response.status(), 200);
        assert_eq!(response.headers()["content-type"], "text/css; charset=utf-8");
        assert_eq!(response.headers()["content-encoding"], "br");
        let cache = response.headers()["cache-control"].to_str().expect("cache-control");
        assert!(cache.contains("max-age=31536000") && cache.contains("immutable"), "{cache}");
        let page = app.client.get(app.url("/en/")).header("accept-encoding", "gzip").send().await.expect("GET");
        assert_eq!(page.headers()["content-encoding"], "gzip");
        // A conditional request for the stylesheet is answered 304.
        let etag = app.get(&href).await.headers()["etag"].clone();
        let again = app.client.get(app.url(&href)).header("if-none-match", etag).send().await.expect("GET");
        assert_eq!(again.status(), 304);
    }

    async fn health_follows_the_database(app) {
        let response = app.get("/healthz").await;
        assert_eq!(response.status(), 200);
        app.store.close().await;
        assert_eq!(app.get("/healthz").await.status(), 503);
        // Pages say so too, in the visitor's language.
        let response = app.get("/en/").await;
        assert_eq!(response.status(), 503);
        let html = Html::parse_document(&response.text().await.expect("body"));
        assert_eq!(text(&html, "h1"), "Service temporarily unavailable");
    }
}

#[test]
fn every_message_exists_in_both_languages() {
    use oneinfive::text::i18n::{Lang, Locales};
    let french = Locales::message_ids(Lang::Fr);
    let english = Locales::message_ids(Lang::En);
    assert!(french.len() > 50, "{} messages", french.len());
    let only_fr: Vec<_> = french.iter().filter(|id| !english.contains(id)).collect();
    let only_en: Vec<_> = english.iter().filter(|id| !french.contains(id)).collect();
    assert!(only_fr.is_empty() && only_en.is_empty(), "only in French: {only_fr:?}; only in English: {only_en:?}");
    Locales::load().expect("the message files parse");
}

both_backends! {
    async fn cached_pages_follow_the_database(app.seeded()) {
        // Drawn once, then served from the cache: the same bytes, the same tag.
        let first = app.get("/en/").await;
        let etag = first.headers()["etag"].clone();
        let body = first.text().await.expect("body");
        let again = app.get("/en/").await;
        assert_eq!(again.headers()["etag"], etag);
        assert_eq!(again.text().await.expect("body"), body);
        // A conditional GET is answered 304, with no body.
        let conditional = app.client.get(app.url("/en/")).header("if-none-match", etag.clone()).send().await.expect("GET");
        assert_eq!(conditional.status(), 304);
        assert!(conditional.bytes().await.expect("body").is_empty());
        // A change made behind the site's back, in SQL, shows on the next load.
        app.execute("DELETE FROM events").await;
        app.execute("DELETE FROM signatories WHERE country = 'FR'").await;
        assert_eq!(counter(app, "en").await, "69 cities and regions in 21 countries");
        let changed = app.client.get(app.url("/en/")).header("if-none-match", etag).send().await.expect("GET");
        assert_eq!(changed.status(), 200);
        // Other pages too.
        let directory = app.page("/fr/adherents").await;
        assert_eq!(text(&directory, "#results-count"), "69 adhérents");
    }

    async fn each_encoding_of_a_page_or_feed_has_its_own_tag(app.seeded()) {
        for path in ["/en/", "/fr/adherents", "/en/news.rss", "/en/calendar.ics"] {
            let mut tags = Vec::new();
            for encoding in ["identity", "br", "gzip"] {
                let response =
                    app.client.get(app.url(path)).header("accept-encoding", encoding).send().await.expect("GET");
                assert_eq!(response.status(), 200, "{path} {encoding}");
                let coding = response.headers().get("content-encoding").map(|v| v.to_str().expect("coding").to_owned());
                assert_eq!(coding.as_deref(), (encoding != "identity").then_some(encoding), "{path}");
                let tag = response.headers()["etag"].clone();
                // Asked again with its tag, each representation is not modified.
                let again = app
                    .client
                    .get(app.url(path))
                    .header("accept-encoding", encoding)
                    .header("if-none-match", tag.clone())
                    .send()
                    .await
                    .expect("GET");
                assert_eq!(again.status(), 304, "{path} {encoding}");
                tags.push(tag);
            }
            assert!(tags[0] != tags[1] && tags[1] != tags[2] && tags[0] != tags[2], "{path}: {tags:?}");
        }
    }

    async fn at_a_quiet_time_every_change_shows_on_the_next_load(app.seeded()) {
        // Changes made in SQL on one open connection, each followed at once
        // by a page load: a quiet site confirms the revision on every
        // request, so none of the loads may show the page from before.
        let insert = |i: usize| {
            format!(
                "INSERT INTO signatories (name, name_key, kind, country, joined_on, sort_fr, sort_en, search_text) \
                 VALUES ('Place {i}', 'place {i}', 'city', 'FR', '2020-01-01', 'place {i}', 'place {i}', 'place {i}')"
            )
        };
        let sqlite = sqlx::SqlitePool::connect(&app.database_url);
        let postgres = sqlx::PgPool::connect(&app.database_url);
        let (sqlite, postgres) = match app.backend {
            Backend::Sqlite => (Some(sqlite.await.expect("connect")), None),
            Backend::Postgres => (None, Some(postgres.await.expect("connect"))),
        };
        let mut stale = Vec::new();
        for i in 1..=50 {
            let sql = sqlx::AssertSqlSafe(insert(i));
            match (&sqlite, &postgres) {
                (Some(pool), _) => drop(sqlx::query(sql).execute(pool).await.expect("SQL")),
                (_, Some(pool)) => drop(sqlx::query(sql).execute(pool).await.expect("SQL")),
                _ => unreachable!(),
            }
            let shown = counter(app, "en").await;
            if !shown.starts_with(&format!("{} ", 77 + i)) {
                stale.push(shown);
            }
        }
        assert!(stale.is_empty(), "{stale:?}");
    }

    async fn busy_instances_of_the_site_stay_in_step(app.seeded().busy()) {
        // Busy sites trust the signs of change: the database file on SQLite,
        // notifications on PostgreSQL.
        let second = app.second_instance().await;
        let counter_at = |url: String| async move {
            let response = app.client.get(url).send().await.expect("GET");
            assert_eq!(response.status(), 200);
            text(&Html::parse_document(&response.text().await.expect("body")), "#counter")
        };
        // The counter at `url` once it shows `expected`: within the time a
        // busy site takes to hear of a change made elsewhere.
        let settled = |url: String, expected: &'static str| async move {
            settle(NOTIFICATION_DELAY, || counter_at(url.clone()), |counter| counter == expected).await
        };
        const BEFORE: &str = "77 cities and regions in 22 countries";
        const AFTER: &str = "79 cities and regions in 24 countries";
        // Both draw and keep the home page.
        assert_eq!(settled(app.url("/en/"), BEFORE).await, BEFORE);
        assert_eq!(settled(second.url("/en/"), BEFORE).await, BEFORE);
        assert_eq!(counter_at(app.url("/en/")).await, BEFORE);
        assert_eq!(counter_at(second.url("/en/")).await, BEFORE);
        // An import from the command line shows on both at once: the
        // command ends only when the sites have heard of it.
        let output = app.import("more.csv", &csv(&[("Tromsø", "city", "NO"), ("Reykjavík", "city", "IS")]));
        assert!(output.status.success(), "{}", common::stderr(&output));
        assert_eq!(counter_at(app.url("/en/")).await, AFTER);
        assert_eq!(counter_at(second.url("/en/")).await, AFTER);
        // A change in SQL reaches both within a notification's delay.
        app.execute("DELETE FROM signatories WHERE country IN ('NO', 'IS')").await;
        assert_eq!(settled(app.url("/en/"), BEFORE).await, BEFORE);
        assert_eq!(settled(second.url("/en/"), BEFORE).await, BEFORE);
        second.stop().await;
    }

    async fn a_busy_site_shows_each_change_at_once_and_nothing_else(app.seeded().busy()) {
        // A busy site trusts its sign of change. Each change made by another
        // connection, one right after the other (within the second that
        // file times cannot tell apart), shows on the next page load; a
        // write that leaves the revision alone (a rate-limit count, as each
        // sign-up writes) leaves the page as it was, ETag included.
        let home = || async {
            let response = app.get("/en/").await;
            assert_eq!(response.status(), 200);
            let etag = response.headers()["etag"].to_str().expect("etag").to_owned();
            (etag, text(&Html::parse_document(&response.text().await.expect("body")), "#counter"))
        };
        let (etag, counter) = home().await;
        assert_eq!(counter, "77 cities and regions in 22 countries");
        for n in 0..3 {
            app.execute(&format!("INSERT INTO attempts (scope, client, window_start, count) VALUES ('test', 'c{n}', 0, 1)")).await;
            assert_eq!(home().await, (etag.clone(), counter.clone()), "after write {n}");
        }
        for (country, expected) in [
            ("FR", "69 cities and regions in 21 countries"),
            ("IT", "61 cities and regions in 20 countries"),
            ("DE", "57 cities and regions in 19 countries"),
        ] {
            app.execute(&format!("DELETE FROM signatories WHERE country = '{country}'")).await;
            let shows = |page: &Html| text(page, "#counter") == expected;
            assert_eq!(text(&app.page_showing("/en/", shows).await, "#counter"), expected, "without {country}");
        }
    }

    async fn a_busy_site_shows_a_change_made_through_it_on_the_next_load(app.seeded().busy()) {
        // A change made through the site's own forms shows on the very next
        // page load, without waiting for the site to hear of it otherwise.
        let staff = app.staff("eddie@example.org", "editor").await;
        let counter = || async { text(&app.page("/en/").await, "#counter") };
        assert_eq!(counter().await, "77 cities and regions in 22 countries");
        for (n, (name, country)) in [("Valmorin", "IS"), ("Tromsø", "NO"), ("Vaduz", "LI")].into_iter().enumerate() {
            let form = crate::admin_signatories::fields(&[("name", name), ("country", country)]);
            assert_eq!(staff.post("/admin/signatories/new", &form).await.status(), 303);
            assert_eq!(counter().await, format!("{} cities and regions in {} countries", 78 + n, 23 + n), "after {name}");
        }
    }

    async fn a_crowd_after_a_change_gets_the_new_page(app.seeded()) {
        // Many visitors asking at once for a page nobody has drawn yet all
        // get it whole, the same, and up to date.
        app.page("/fr/adherents").await;
        let output = app.import("more.csv", &csv(&[("Tromsø", "city", "NO")]));
        assert!(output.status.success(), "{}", common::stderr(&output));
        let mut requests = tokio::task::JoinSet::new();
        for _ in 0..32 {
            let (client, url) = (app.client.clone(), app.url("/fr/adherents"));
            requests.spawn(async move {
                let response = client.get(url).send().await.expect("GET");
                assert_eq!(response.status(), 200);
                let etag = response.headers()["etag"].to_str().expect("etag").to_owned();
                let html = Html::parse_document(&response.text().await.expect("body"));
                (etag, text(&html, "#results-count"))
            });
        }
        let answers = requests.join_all().await;
        assert!(answers.iter().all(|answer| answer == &answers[0]), "{answers:?}");
        assert_eq!(answers[0].1, "78 adhérents");
    }
}

/// A busy site that loses its PostgreSQL connections, as when the database
/// server restarts, keeps showing changes: it reads the revision on each
/// request until it listens again.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn changes_show_after_the_database_connections_are_lost() {
    let Some(app) = TestApp::builder(Backend::Postgres).seeded().busy().start().await else { return };
    assert_eq!(counter(&app, "en").await, "77 cities and regions in 22 countries");
    app.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()").await;
    app.execute("DELETE FROM signatories WHERE country = 'FR'").await;
    let shows_69 = |html: &Html| text(html, "#counter") == "69 cities and regions in 21 countries";
    assert!(shows_69(&app.page_showing("/en/", shows_69).await));
    // Listening again, it follows later changes too.
    let listening = || {
        app.rows::<(i64,)>(
            "SELECT CAST(count(*) AS BIGINT) FROM pg_stat_activity WHERE datname = current_database() \
             AND query LIKE 'LISTEN %' AND pid <> pg_backend_pid()",
        )
    };
    let listeners = settle(common::PATIENCE, listening, |rows| rows[0].0 > 0).await;
    assert_eq!(listeners, vec![(1,)], "the site listens again");
    app.execute("DELETE FROM signatories WHERE country = 'IT'").await;
    let shows_61 = |html: &Html| text(html, "#counter") == "61 cities and regions in 20 countries";
    assert!(shows_61(&app.page_showing("/en/", shows_61).await));
}
