//! News and the RSS feeds, on both backends: the list and its pages, an
//! item's page, items written in one language only, the feeds read back
//! with a real feed parser, conditional requests, `news import` and
//! `news export`, and the items' images.

use std::{
    collections::{BTreeMap, HashSet},
    path::{Path, PathBuf},
};

use scraper::Html;

use crate::common::{TestApp, attr, attrs, both_backends, path_str, stderr, stdout, text, texts};

/// A real 1×1 PNG.
const PNG: &[u8] = &[
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00,
    0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4, 0x89, 0x00, 0x00, 0x00, 0x0A, 0x49,
    0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0x00, 0x01, 0x00, 0x00, 0x05, 0x00, 0x01, 0x0D, 0x0A, 0x2D, 0xB4, 0x00, 0x00,
    0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
];

/// The sample's items written in one language only.
const FR_ONLY: &str = "2025-06-05-guide-ecoles";
const EN_ONLY: &str = "2026-09-15-webinar";

/// One item's file in the import format.
fn news_file(slug: &str, published_at: &str, title: &str, extra: &str, body: &str) -> String {
    format!(
        "+++\nslug = \"{slug}\"\npublished_at = {published_at}\ntitle = \"{title}\"\n\
         summary = \"Résumé de {title}.\"\n{extra}+++\n\n{body}\n"
    )
}

/// Writes files into a new folder of the test's temporary directory.
fn folder(app: &TestApp, name: &str, files: &[(&str, &[u8])]) -> PathBuf {
    let dir = app.dir.path().join(name);
    std::fs::create_dir_all(&dir).expect("create folder");
    for (file, contents) in files {
        std::fs::write(dir.join(file), contents).expect("write file");
    }
    dir
}

fn import(app: &TestApp, dir: &Path) -> std::process::Output {
    app.cli(&["news", "import", path_str(dir)])
}

/// Exports into a new folder and returns its files by name.
fn export(app: &TestApp, name: &str) -> BTreeMap<String, Vec<u8>> {
    let dir = app.dir.path().join(name);
    let output = app.cli(&["news", "export", path_str(&dir)]);
    assert!(output.status.success(), "export failed: {}", stderr(&output));
    read_folder(&dir)
}

fn read_folder(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .expect("read folder")
        .map(|entry| {
            let entry = entry.expect("entry");
            (entry.file_name().to_string_lossy().into_owned(), std::fs::read(entry.path()).expect("read"))
        })
        .collect()
}

/// A folder of `count` items in both languages, one a day from 1 January 2025.
fn many_items(app: &TestApp, count: usize) -> PathBuf {
    let files: Vec<(String, Vec<u8>)> = (0..count)
        .flat_map(|i| {
            let date = format!("2025-01-{:02}T10:00:00+01:00", i + 1);
            let slug = format!("item-{i:02}");
            [
                (
                    format!("{slug}.fr.md"),
                    news_file(&slug, &date, &format!("Actualité {i:02}"), "", "Texte.").into_bytes(),
                ),
                (format!("{slug}.en.md"), news_file(&slug, &date, &format!("News {i:02}"), "", "Text.").into_bytes()),
            ]
        })
        .collect();
    let borrowed: Vec<(&str, &[u8])> = files.iter().map(|(n, c)| (n.as_str(), c.as_slice())).collect();
    folder(app, "many", &borrowed)
}

/// Files to put in a folder: (name, contents).
type Files = Vec<(&'static str, Vec<u8>)>;

fn parse_feed(body: &[u8]) -> feed_rs::model::Feed {
    feed_rs::parser::parse(body).expect("the feed parses")
}

async fn feed(app: &TestApp, path: &str) -> feed_rs::model::Feed {
    let response = app.get(path).await;
    assert_eq!(response.status(), 200, "{path}");
    parse_feed(&response.bytes().await.expect("feed body"))
}

/// The addresses a sitemap lists.
fn sitemap_locs(sitemap: &roxmltree::Document) -> Vec<String> {
    sitemap.descendants().filter(|n| n.has_tag_name("loc")).filter_map(|n| n.text()).map(str::to_owned).collect()
}

/// Waits until the system's clock, on which the command line stamps what
/// it changes to the second, is in a later second than when called.
async fn next_second() {
    let now = time::OffsetDateTime::now_utc();
    let next = now.replace_nanosecond(0).unwrap_or(now) + time::Duration::SECOND;
    while time::OffsetDateTime::now_utc() < next {
        let left = next - time::OffsetDateTime::now_utc();
        tokio::time::sleep(left.try_into().unwrap_or_default()).await;
    }
}

fn titles(feed: &feed_rs::model::Feed) -> Vec<String> {
    feed.entries.iter().filter_map(|e| e.title.as_ref().map(|t| t.content.clone())).collect()
}

both_backends! {
    async fn list_is_paginated_newest_first(app) {
        let dir = many_items(app, 23);
        let output = import(app, &dir);
        assert!(output.status.success(), "{}", stderr(&output));
        assert!(stdout(&output).contains("23 news items: 23 added, 0 updated, 0 unchanged"), "{}", stdout(&output));
        for (lang, path, status, label, first_title) in [
            ("fr", "/fr/actualites", "Page 1 sur 3", "Actualité", "Actualité 22"),
            ("en", "/en/news", "Page 1 of 3", "News", "News 22"),
        ] {
            let first = app.page(path).await;
            assert_eq!(attr(&first, "html", "lang"), lang);
            let items = texts(&first, ".news-list__title");
            assert_eq!(items.len(), 10, "{path}");
            assert_eq!(items[0], first_title);
            assert_eq!(text(&first, ".pagination__status"), status);
            assert!(attrs(&first, ".pagination a[rel=prev]", "href").is_empty());
            let next = attr(&first, ".pagination a[rel=next]", "href");
            assert_eq!(next, format!("{path}?page=2"));
            let second = app.page(&next).await;
            assert_eq!(attr(&second, ".pagination a[rel=prev]", "href"), path);
            assert_eq!(attr(&second, "link[rel=canonical]", "href"), format!("http://site.test{path}?page=2"));
            let third = app.page(&attr(&second, ".pagination a[rel=next]", "href")).await;
            assert_eq!(texts(&third, ".news-list__title").len(), 3);
            assert!(attrs(&third, ".pagination a[rel=next]", "href").is_empty());
            // Newest first, each exactly once.
            let all: Vec<String> = [&first, &second, &third].iter().flat_map(|p| texts(p, ".news-list__title")).collect();
            let expected: Vec<String> = (0..23).rev().map(|i| format!("{label} {i:02}")).collect();
            assert_eq!(all, expected);
            let datetimes: Vec<String> = [&first, &second, &third].iter().flat_map(|p| attrs(p, ".news-list__date time", "datetime")).collect();
            let mut sorted = datetimes.clone();
            sorted.sort();
            sorted.reverse();
            assert_eq!(datetimes, sorted);
            // Past the last page: not found; a page that is not a page: bad request.
            assert_eq!(app.get(&format!("{path}?page=4")).await.status(), 404);
            assert_eq!(app.get(&format!("{path}?page=1")).await.status(), 200);
            for bad in ["0", "-1", "abc", "1.5", "99999999999"] {
                let response = app.get(&format!("{path}?page={bad}")).await;
                assert_eq!(response.status(), 400, "page={bad}");
                let html = Html::parse_document(&response.text().await.expect("body"));
                assert_eq!(attr(&html, "html", "lang"), lang);
                assert_eq!(text(&html, "h1"), if lang == "fr" { "Cette demande n’a pas pu être lue" } else { "This request could not be read" });
            }
        }
    }

    async fn empty_list_says_so(app) {
        let html = app.page("/fr/actualites").await;
        assert_eq!(text(&html, ".notice"), "Aucune actualité n’a encore été publiée.");
        assert_eq!(app.get("/en/news?page=2").await.status(), 404);
        // The home page has no news section while there is no news.
        assert!(texts(&app.page("/en/").await, ".home-news").is_empty());
        let feed = feed(app, "/en/news.rss").await;
        assert!(feed.entries.is_empty());
        assert_eq!(feed.language.as_deref(), Some("en"));
    }

    async fn item_pages_in_both_languages(app.seeded()) {
        let slug = "2025-03-10-brightwater-joins";
        let fr_path = format!("/fr/actualites/{slug}");
        let en_path = format!("/en/news/{slug}");
        let fr = app.page(&fr_path).await;
        assert_eq!(text(&fr, "h1"), "Brightwater, ville d’exemple, se prépare à adhérer au Pacte des villes et des régions");
        assert_eq!(text(&fr, "head > title"), "Brightwater, ville d’exemple, se prépare à adhérer au Pacte des villes et des régions – UN sur CINQ");
        assert_eq!(text(&fr, ".news-item__date"), "Publié le 10 mars 2025");
        assert_eq!(attr(&fr, ".news-item__date time", "datetime"), "2025-03-10T14:30:00+01:00");
        assert!(text(&fr, ".news-item__summary").starts_with("Le conseil municipal de Brightwater"));
        assert_eq!(texts(&fr, ".news-item__body strong"), vec!["Brightwater".to_owned()]);
        assert_eq!(texts(&fr, ".news-item__body blockquote").len(), 1);
        assert_eq!(texts(&fr, "nav.main-nav a[aria-current=page]"), vec!["Actualités".to_owned()]);
        assert_eq!(attr(&fr, ".breadcrumb a", "href"), "/fr/actualites");
        // Its twin, by the switcher and the alternates.
        assert_eq!(attr(&fr, ".lang-switch a", "href"), en_path);
        assert_eq!(attr(&fr, "link[rel=alternate][hreflang=en]", "href"), format!("http://site.test{en_path}"));
        assert_eq!(attr(&fr, "link[rel=alternate][hreflang=x-default]", "href"), format!("http://site.test{fr_path}"));
        assert_eq!(attr(&fr, "link[rel=canonical]", "href"), format!("http://site.test{fr_path}"));
        let en = app.page(&en_path).await;
        assert_eq!(text(&en, "h1"), "Brightwater, a sample town, prepares to join the Pact of cities and regions");
        assert_eq!(text(&en, ".news-item__date"), "Published on 10 March 2025");
        assert_eq!(attr(&en, ".lang-switch a", "href"), fr_path);
        // The first of the month is written the French way.
        let html = app.page("/fr/actualites").await;
        assert!(texts(&html, ".news-list__date").contains(&"18 novembre 2024".to_owned()));
        // Every link on an item's page leads somewhere.
        for href in attrs(&fr, "a[href^='/']", "href").into_iter().chain(attrs(&en, "a[href^='/']", "href")) {
            assert_eq!(app.get(&href).await.status(), 200, "link to {href}");
        }
        // Unknown or malformed slugs are not found.
        for missing in ["/fr/actualites/nothing-here", "/en/news/UPPER", "/en/news/a--b", "/fr/actualites/caf%C3%A9", "/fr/actualites/a%2Fb"] {
            assert_eq!(app.get(missing).await.status(), 404, "{missing}");
        }
    }

    async fn an_item_in_one_language_appears_only_there(app.seeded()) {
        for (lang, slug, other, other_list, list) in [
            ("fr", FR_ONLY, "en", "/en/news", "/fr/actualites"),
            ("en", EN_ONLY, "fr", "/fr/actualites", "/en/news"),
        ] {
            let path = format!("{list}/{slug}");
            let other_path = format!("{other_list}/{slug}");
            let html = app.page(&path).await;
            // Its page: the switcher leads to the other language's list, the
            // alternates name its own language only.
            assert_eq!(attr(&html, ".lang-switch a", "href"), other_list);
            assert_eq!(attrs(&html, "link[rel=alternate][hreflang]", "hreflang"), vec![lang.to_owned()]);
            assert_eq!(app.get(&other_path).await.status(), 404);
            // Its list, the other list, the home pages.
            let item_links = |html: &Html| attrs(html, ".news-list__title a", "href");
            assert!(item_links(&app.page(list).await).contains(&path));
            assert!(!item_links(&app.page(other_list).await).iter().any(|h| h.ends_with(slug)));
            assert_eq!(texts(&app.page(other_list).await, ".news-list__title").len(), 6);
            // The feeds.
            let own = feed(app, &format!("{list}.rss")).await;
            assert!(own.entries.iter().any(|e| e.id == format!("http://site.test{path}")), "{lang}");
            let twin = feed(app, &format!("{other_list}.rss")).await;
            assert!(!twin.entries.iter().any(|e| e.id.ends_with(slug)), "{other}");
            // The sitemap lists it in its language only, with that alternate only.
            // News items are in the file of pages.
            let sitemap = app.get("/sitemaps/pages.xml").await.text().await.expect("sitemap");
            let document = roxmltree::Document::parse(&sitemap).expect("XML");
            let url = document
                .descendants()
                .filter(|n| n.has_tag_name("url"))
                .find(|n| n.children().any(|c| c.has_tag_name("loc") && c.text() == Some(format!("http://site.test{path}").as_str())))
                .expect("listed in the sitemap");
            let hreflangs: Vec<&str> = url.children().filter(|n| n.has_tag_name("link")).filter_map(|n| n.attribute("hreflang")).collect();
            assert_eq!(hreflangs, vec![lang]);
            assert!(!sitemap_locs(&document).contains(&format!("http://site.test{other_path}")));
        }
    }

    async fn feeds_parse_back_with_their_language(app.seeded()) {
        for (lang, path, list, page_path) in [
            ("fr", "/fr/actualites.rss", "/fr/actualites", "/fr/a-propos"),
            ("en", "/en/news.rss", "/en/news", "/en/about"),
        ] {
            let response = app.get(path).await;
            assert_eq!(response.status(), 200);
            assert_eq!(response.headers()["content-type"], "application/rss+xml; charset=utf-8");
            assert_eq!(response.headers()["cache-control"], "public, max-age=300");
            assert!(response.headers().contains_key("etag"));
            assert!(response.headers().contains_key("last-modified"));
            let body = response.bytes().await.expect("body");
            let feed = parse_feed(&body);
            assert_eq!(feed.feed_type, feed_rs::model::FeedType::RSS2);
            assert_eq!(feed.language.as_deref(), Some(lang));
            assert_eq!(feed.title.as_ref().map(|t| t.content.as_str()), Some(if lang == "fr" { "UN sur CINQ – Actualités" } else { "ONE in FIVE – News" }));
            assert!(feed.description.is_some());
            assert!(feed.updated.is_some(), "lastBuildDate");
            let hrefs: Vec<(Option<&str>, &str)> = feed.links.iter().map(|l| (l.rel.as_deref(), l.href.as_str())).collect();
            assert!(hrefs.contains(&(Some("self"), &format!("http://site.test{path}"))), "{hrefs:?}");
            assert!(hrefs.iter().any(|(_, href)| *href == format!("http://site.test{list}")), "{hrefs:?}");
            // The atom:link is in the Atom namespace.
            let xml = String::from_utf8(body.to_vec()).expect("UTF-8");
            let document = roxmltree::Document::parse(&xml).expect("XML");
            let atom = document.descendants().find(|n| n.tag_name().name() == "link" && n.tag_name().namespace() == Some("http://www.w3.org/2005/Atom")).expect("atom:link");
            assert_eq!(atom.attribute("rel"), Some("self"));
            // Its items: the list's, newest first, each a page that answers, with a unique guid.
            assert_eq!(feed.entries.len(), 6);
            let list_page = app.page(list).await;
            // Sample items carry their label, "[Sample] " in the feed.
            let feed_titles: Vec<String> =
                titles(&feed).iter().map(|t| t.trim_start_matches('[').replacen("] ", " ", 1)).collect();
            assert_eq!(feed_titles, texts(&list_page, ".news-list__title"));
            let mut guids = HashSet::new();
            let mut previous = None;
            for entry in &feed.entries {
                let link = entry.links.first().map(|l| l.href.clone()).expect("link");
                assert_eq!(entry.id, link, "the guid is the permalink");
                assert!(guids.insert(entry.id.clone()), "duplicate guid {}", entry.id);
                let page = link.strip_prefix("http://site.test").expect("absolute link on the base URL");
                let html = app.page(page).await;
                let title = entry.title.as_ref().map(|t| t.content.clone()).unwrap_or_default();
                let prefix = if lang == "fr" { "[Exemple] " } else { "[Sample] " };
                assert_eq!(text(&html, "h1"), title.trim_start_matches(prefix), "a sample item's title, unlabelled");
                assert!(entry.summary.as_ref().is_some_and(|s| !s.content.is_empty()), "description");
                let published = entry.published.expect("pubDate");
                assert!(previous.is_none_or(|p| published <= p));
                previous = Some(published);
            }
            // Every page of the language advertises the feed; the footer links it.
            for page in [list, page_path, &format!("/{lang}/")] {
                let html = app.page(page).await;
                assert_eq!(attr(&html, "link[rel=alternate][type='application/rss+xml']", "href"), path, "{page}");
                assert!(!attr(&html, "link[rel=alternate][type='application/rss+xml']", "title").is_empty());
                assert_eq!(attr(&html, "footer a[type='application/rss+xml']", "href"), path, "{page}");
            }
            let missing = app.get(&format!("/{lang}/missing-page")).await;
            let html = Html::parse_document(&missing.text().await.expect("body"));
            assert_eq!(attr(&html, "link[rel=alternate][type='application/rss+xml']", "href"), path);
        }
    }

    async fn feeds_answer_conditional_requests(app.seeded()) {
        let first = app.get("/en/news.rss").await;
        let etag = first.headers()["etag"].to_str().expect("etag").to_owned();
        let modified = first.headers()["last-modified"].to_str().expect("last-modified").to_owned();
        assert!(modified.ends_with(" GMT"), "{modified}");
        let conditional = |name: &'static str, value: String| app.client.get(app.url("/en/news.rss")).header(name, value).send();
        let response = conditional("if-none-match", etag.clone()).await.expect("GET");
        assert_eq!(response.status(), 304);
        assert_eq!(response.headers()["etag"], etag.as_str());
        assert_eq!(response.headers()["cache-control"], "public, max-age=300");
        assert!(response.bytes().await.expect("body").is_empty());
        assert_eq!(conditional("if-modified-since", modified.clone()).await.expect("GET").status(), 304);
        assert_eq!(conditional("if-none-match", "\"other\"".into()).await.expect("GET").status(), 200);
        assert_eq!(conditional("if-modified-since", "Mon, 01 Jan 2024 00:00:00 GMT".into()).await.expect("GET").status(), 200);
        assert_eq!(conditional("if-modified-since", "not a date".into()).await.expect("GET").status(), 200);
        // The other language's feed is another document.
        let french = app.get("/fr/actualites.rss").await;
        assert_ne!(french.headers()["etag"], etag.as_str());
        // A new item changes the feed: the old validators no longer match.
        // (The seed is dated by the site's clock, set in the past; the
        // command line stamps the new item with the system's, later.)
        let dir = folder(app, "new", &[("new.en.md", news_file("brand-new", "2026-11-20T10:00:00Z", "Brand new", "", "Text.").as_bytes())]);
        assert!(import(app, &dir).status.success());
        let response = conditional("if-none-match", etag.clone()).await.expect("GET");
        assert_eq!(response.status(), 200);
        assert_ne!(response.headers()["etag"], etag.as_str());
        assert_eq!(titles(&parse_feed(&response.bytes().await.expect("body")))[0], "Brand new");
        assert_eq!(conditional("if-modified-since", modified).await.expect("GET").status(), 200);
    }

    async fn bad_imports_are_rejected_whole(app) {
        let good = news_file("good", "2026-01-10T10:00:00+01:00", "Bonne", "", "Texte.");
        let dir = folder(app, "good", &[("good.fr.md", good.as_bytes())]);
        assert!(import(app, &dir).status.success());
        let before = export(app, "before");
        let other = news_file("other", "2026-01-11T10:00:00+01:00", "Autre", "", "Texte.");
        let with_image = |name: &str| format!("image = \"{name}\"\nimage_alt = \"Une image\"\n");
        let mut too_big = PNG.to_vec();
        too_big.resize(2 * 1024 * 1024 + 1, 0);
        let cases: Vec<(&str, Files, &str)> = vec![
            ("missing field", vec![("bad.fr.md", other.replace("title = \"Autre\"\n", "").into_bytes())], "bad.fr.md: front matter: missing field `title`"),
            ("bad date", vec![("bad.fr.md", other.replace("2026-01-11T10:00:00+01:00", "2026-02-30T10:00:00+01:00").into_bytes())], "bad.fr.md: line 3: "),
            ("date without offset", vec![("bad.fr.md", other.replace("2026-01-11T10:00:00+01:00", "\"2026-01-11 10:00\"").into_bytes())], "bad.fr.md: line 3: published_at"),
            ("duplicate slug", vec![("a.fr.md", other.clone().into_bytes()), ("b.fr.md", other.clone().into_bytes())], "b.fr.md: line 2: slug \"other\" in this language is already in a.fr.md"),
            ("unknown language suffix", vec![("bad.de.md", other.clone().into_bytes())], "bad.de.md: unknown language suffix \"de\""),
            ("no language suffix", vec![("bad.md", other.clone().into_bytes())], "bad.md: no language suffix"),
            ("bad slug", vec![("bad.fr.md", other.replace("slug = \"other\"", "slug = \"Other News\"").into_bytes())], "bad.fr.md: line 2: slug"),
            ("no front matter", vec![("bad.fr.md", b"Just text.\n".to_vec())], "bad.fr.md: line 1: the file must start with a +++ line"),
            ("not UTF-8", vec![("bad.fr.md", b"+++\nslug = \"x\xff\"\n+++\n".to_vec())], "bad.fr.md: the file is not valid UTF-8"),
            ("image that is not an image", vec![("bad.fr.md", other.replace("+++\n\n", &format!("{}+++\n\n", with_image("fake.png"))).into_bytes()), ("fake.png", b"<svg xmlns=\"http://www.w3.org/2000/svg\"/>".to_vec())], "bad.fr.md: line 6: image fake.png: the file is not a JPEG, PNG or WebP image"),
            ("too big image", vec![("bad.fr.md", other.replace("+++\n\n", &format!("{}+++\n\n", with_image("big.png"))).into_bytes()), ("big.png", too_big)], "bad.fr.md: line 6: image big.png: the image is larger than 2 MiB"),
            ("missing image", vec![("bad.fr.md", other.replace("+++\n\n", &format!("{}+++\n\n", with_image("gone.png"))).into_bytes())], "image gone.png: there is no such file"),
            ("image without alternative text", vec![("bad.fr.md", other.replace("+++\n\n", "image = \"x.png\"\n+++\n\n").into_bytes()), ("x.png", PNG.to_vec())], "bad.fr.md: line 6: image_alt"),
            ("languages disagree", vec![("o.fr.md", other.clone().into_bytes()), ("o.en.md", other.replace("10:00:00+01:00", "11:00:00+01:00").into_bytes())], "o.en.md: published_at differs from the one in o.fr.md"),
            ("empty body", vec![("bad.fr.md", other.replace("Texte.", "").into_bytes())], "bad.fr.md: the body after the front matter: it is empty"),
            ("empty folder", vec![], "no NAME.fr.md or NAME.en.md file"),
        ];
        for (index, (case, files, expected)) in cases.into_iter().enumerate() {
            // A good item beside the bad one is not written either.
            let mut files = files;
            if case != "empty folder" {
                files.push(("fine.en.md", news_file("fine", "2026-02-01T10:00:00Z", "Fine", "", "Text.").into_bytes()));
            }
            let borrowed: Vec<(&str, &[u8])> = files.iter().map(|(n, c)| (*n, c.as_slice())).collect();
            let dir = folder(app, &format!("bad-{index}"), &borrowed);
            let output = import(app, &dir);
            assert!(!output.status.success(), "{case}: accepted");
            let message = stderr(&output);
            assert!(message.contains(expected), "{case}: {message}");
            assert!(message.contains("nothing was imported"), "{case}: {message}");
            assert_eq!(export(app, &format!("after-{index}")), before, "{case}: something was written");
        }
        let output = app.cli(&["news", "import", "/nonexistent/folder"]);
        assert!(!output.status.success());
        assert!(stderr(&output).contains("/nonexistent/folder: cannot read the folder"), "{}", stderr(&output));
        assert_eq!(texts(&app.page("/en/news").await, ".news-list__title").len(), 0);
        assert_eq!(texts(&app.page("/fr/actualites").await, ".news-list__title"), vec!["Bonne".to_owned()]);
    }

    async fn script_in_a_body_is_sanitised_not_rejected(app) {
        let body = "Avant.\n\n<script>alert('x')</script>\n\n<p onclick=\"steal()\" style=\"color:red\">Texte</p>\n\n\
                    [lien](javascript:alert(1)) <iframe src=\"https://example.org/\"></iframe>\n\n\
                    ![pixel](https://tracker.example/p.gif)\n\n# Titre\n\nAprès.";
        let summary_extra = "";
        let file = news_file("sanitised", "2026-01-10T10:00:00+01:00", "Nettoyée", summary_extra, body)
            .replace("summary = \"Résumé de Nettoyée.\"", "summary = \"Un **résumé** <script>alert(2)</script>\"");
        let dir = folder(app, "script", &[("s.fr.md", file.as_bytes())]);
        let output = import(app, &dir);
        assert!(output.status.success(), "{}", stderr(&output));
        let html = app.page("/fr/actualites/sanitised").await;
        assert_eq!(texts(&html, "script").len(), 0);
        assert!(attrs(&html, "[onclick]", "onclick").is_empty());
        assert!(attrs(&html, "main [style]", "style").is_empty());
        assert!(texts(&html, "iframe").is_empty());
        assert!(attrs(&html, "main img", "src").is_empty());
        assert!(attrs(&html, "a[href^='javascript']", "href").is_empty());
        let body = text(&html, ".news-item__body");
        assert!(body.starts_with("Avant.") && body.ends_with("Après."), "{body}");
        assert_eq!(texts(&html, ".news-item__body h2"), vec!["Titre".to_owned()]);
        assert_eq!(texts(&html, "h1").len(), 1);
        assert_eq!(texts(&html, ".news-item__summary strong"), vec!["résumé".to_owned()]);
        // The list and the feed are clean too.
        assert_eq!(texts(&app.page("/fr/actualites").await, "script").len(), 0);
        let feed = feed(app, "/fr/actualites.rss").await;
        let summary = feed.entries[0].summary.as_ref().map(|s| s.content.clone()).unwrap_or_default();
        let summary = Html::parse_fragment(&summary);
        assert!(texts(&summary, "script").is_empty(), "{}", summary.html());
        assert_eq!(texts(&summary, "strong"), vec!["résumé".to_owned()], "{}", summary.html());
        let shown = text(&summary, "html");
        assert!(!shown.contains("script") && !shown.contains("alert"), "{shown}");
        // The Markdown is kept as written: export gives it back.
        let exported = export(app, "out");
        let text = String::from_utf8(exported["sanitised.fr.md"].clone()).expect("UTF-8");
        assert!(text.contains("<script>alert('x')</script>"), "{text}");
    }

    async fn importing_twice_changes_nothing(app) {
        let dir = folder(app, "twice", &[
            ("a.fr.md", news_file("a", "2026-01-10T10:00:00+01:00", "A", "image = \"a.png\"\nimage_alt = \"Un pixel\"\n", "Texte.").as_bytes()),
            ("a.en.md", news_file("a", "2026-01-10T10:00:00+01:00", "A", "image = \"a.png\"\nimage_alt = \"A pixel\"\n", "Text.").as_bytes()),
            ("b.en.md", news_file("b", "2026-01-11T10:00:00Z", "B", "", "Text.").as_bytes()),
            ("a.png", PNG),
        ]);
        let first = import(app, &dir);
        assert!(first.status.success(), "{}", stderr(&first));
        assert!(stdout(&first).contains("2 news items: 2 added, 0 updated, 0 unchanged"), "{}", stdout(&first));
        let exported = export(app, "first");
        let modified = app.get("/en/news.rss").await.headers()["last-modified"].clone();
        // A change stamped in the same second would not show.
        next_second().await;
        let second = import(app, &dir);
        assert!(stdout(&second).contains("2 news items: 0 added, 0 updated, 2 unchanged"), "{}", stdout(&second));
        assert_eq!(export(app, "second"), exported);
        assert_eq!(app.get("/en/news.rss").await.headers()["last-modified"], modified);
        // A changed file updates its item; a language left out is removed.
        std::fs::write(dir.join("b.en.md"), news_file("b", "2026-01-11T10:00:00Z", "B changed", "", "Text.")).expect("write");
        std::fs::remove_file(dir.join("a.fr.md")).expect("remove");
        let third = import(app, &dir);
        assert!(stdout(&third).contains("0 added, 2 updated, 0 unchanged"), "{}", stdout(&third));
        assert_eq!(texts(&app.page("/en/news").await, ".news-list__title"), vec!["B changed", "A"]);
        assert_eq!(app.get("/fr/actualites/a").await.status(), 404);
        assert_eq!(app.get("/en/news/a").await.status(), 200);
    }

    async fn export_then_import_round_trips(app.seeded()) {
        let dir = folder(app, "pictured", &[
            ("p.fr.md", news_file("pictured", "2026-02-01T08:30:00-05:00", "Avec image", "image = \"pixel.png\"\nimage_alt = \"Un pixel\"\n", "Texte *riche*.").as_bytes()),
            ("p.en.md", news_file("pictured", "2026-02-01T08:30:00-05:00", "With an image", "image = \"pixel.png\"\nimage_alt = \"A pixel\"\n", "Rich *text*.").as_bytes()),
            ("pixel.png", PNG),
        ]);
        assert!(import(app, &dir).status.success());
        let exported = export(app, "export");
        assert_eq!(exported.keys().filter(|name| name.ends_with(".md")).count(), 14);
        assert_eq!(exported.get("pixel.png").map(Vec::as_slice), Some(PNG));
        let page = String::from_utf8(exported["pictured.en.md"].clone()).expect("UTF-8");
        assert!(page.contains("published_at = 2026-02-01T08:30:00-05:00\n"), "{page}");
        let other = TestApp::builder(app.backend).start().await.expect("second database");
        let output = import(&other, &app.dir.path().join("export"));
        assert!(output.status.success(), "{}", stderr(&output));
        assert!(stdout(&output).contains("8 news items: 8 added"), "{}", stdout(&output));
        assert_eq!(export(&other, "again"), exported);
        // The same pages, in both languages; but staff imported the items
        // on the other site, where they are real, so without the sample label.
        let unlabelled = |html: &Html| {
            texts(html, "main").into_iter().map(|t| t.replace("Exemple ", "").replace("Sample ", "")).collect::<Vec<_>>()
        };
        for path in ["/fr/actualites", "/en/news", "/en/news/pictured", "/fr/actualites/2025-06-05-guide-ecoles"] {
            let a = app.page(path).await;
            let b = other.page(path).await;
            assert_eq!(unlabelled(&a), unlabelled(&b), "{path}");
            assert!(texts(&b, ".sample-label").is_empty(), "{path}");
        }
    }

    async fn images_are_served_from_the_site(app) {
        let dir = folder(app, "images", &[
            ("i.fr.md", news_file("illustrated", "2026-01-10T10:00:00+01:00", "Illustrée", "image = \"pixel.png\"\nimage_alt = \"Un pixel transparent\"\n", "Texte.").as_bytes()),
            ("i.en.md", news_file("illustrated", "2026-01-10T10:00:00+01:00", "Illustrated", "image = \"pixel.png\"\nimage_alt = \"A transparent pixel\"\n", "Text.").as_bytes()),
            ("pixel.png", PNG),
        ]);
        let output = import(app, &dir);
        assert!(output.status.success(), "{}", stderr(&output));
        let fr = app.page("/fr/actualites/illustrated").await;
        let src = attr(&fr, ".news-item__figure img", "src");
        assert_eq!(attr(&fr, ".news-item__figure img", "alt"), "Un pixel transparent");
        assert_eq!(attr(&app.page("/en/news/illustrated").await, ".news-item__figure img", "src"), src);
        assert_eq!(attr(&app.page("/en/news/illustrated").await, ".news-item__figure img", "alt"), "A transparent pixel");
        let name = src.strip_prefix("/media/").and_then(|n| n.strip_suffix(".png")).expect("/media/HASH.png");
        assert_eq!(name.len(), 64);
        assert!(name.chars().all(|c| c.is_ascii_hexdigit()));
        let response = app.get(&src).await;
        assert_eq!(response.status(), 200);
        assert_eq!(response.headers()["content-type"], "image/png");
        assert_eq!(response.headers()["cache-control"], "public, max-age=31536000, immutable");
        assert!(response.headers()["content-security-policy"].to_str().unwrap_or("").contains("default-src 'self'"));
        let etag = response.headers()["etag"].clone();
        assert_eq!(response.bytes().await.expect("bytes").as_ref(), PNG);
        let again = app.client.get(app.url(&src)).header("if-none-match", etag).send().await.expect("GET");
        assert_eq!(again.status(), 304);
        for missing in [
            src.replace(".png", ".jpg"),
            format!("/media/{}.png", "0".repeat(64)),
            "/media/nothing.png".to_owned(),
            "/media/..%2f..%2fetc%2fpasswd".to_owned(),
        ] {
            assert_eq!(app.get(&missing).await.status(), 404, "{missing}");
        }
        // An item that drops its image: the image is no longer served.
        std::fs::write(dir.join("i.fr.md"), news_file("illustrated", "2026-01-10T10:00:00+01:00", "Illustrée", "", "Texte.")).expect("write");
        std::fs::write(dir.join("i.en.md"), news_file("illustrated", "2026-01-10T10:00:00+01:00", "Illustrated", "", "Text.")).expect("write");
        assert!(import(app, &dir).status.success());
        assert!(attrs(&app.page("/fr/actualites/illustrated").await, "img", "src").is_empty());
        assert_eq!(app.get(&src).await.status(), 404);
    }

    async fn items_dated_in_the_future_wait(app) {
        let dir = folder(app, "future", &[
            ("now.en.md", news_file("now", "2026-01-10T10:00:00Z", "Now", "", "Text.").as_bytes()),
            ("later.en.md", news_file("later", "2099-01-01T10:00:00Z", "Later", "", "Text.").as_bytes()),
        ]);
        assert!(import(app, &dir).status.success());
        assert_eq!(texts(&app.page("/en/news").await, ".news-list__title"), vec!["Now".to_owned()]);
        assert_eq!(app.get("/en/news/later").await.status(), 404);
        assert_eq!(titles(&feed(app, "/en/news.rss").await), vec!["Now".to_owned()]);
        let locs = crate::sitemap::locs(app).await;
        assert!(locs.contains(&"http://site.test/en/news/now".to_owned()), "{locs:?}");
        assert!(!locs.iter().any(|loc| loc.contains("/news/later")), "{locs:?}");
        // Exported all the same, so that nothing is lost.
        assert!(export(app, "out").contains_key("later.en.md"));
    }

    async fn home_page_shows_the_latest_three(app.seeded()) {
        for (lang, heading, expected) in [
            ("fr", "Dernières actualités", ["Exemple 18 novembre 2026\u{a0}: la campagne UN sur CINQ dans les écoles", "Exemple Valmorin, ville d’exemple, envisage d’adhérer au Pacte et présente son plan d’action", "Exemple Une région d’exemple débat de la protection des enfants en ligne"]),
            ("en", "Latest news", ["Sample 18 November 2026: the ONE in FIVE campaign in schools", "Sample Webinar: child-friendly services in small municipalities", "Sample Valmorin, a sample town, considers joining the Pact and presents its action plan"]),
        ] {
            let html = app.page(&format!("/{lang}/")).await;
            assert_eq!(text(&html, "#news-title"), heading);
            assert_eq!(texts(&html, ".news-card__title"), expected.map(str::to_owned).to_vec());
            // The three blocks are still there, with their ids.
            for id in ["#counter", "#about-title", "#aims-title", "#pact-title"] {
                assert_eq!(texts(&html, id).len(), 1, "{id}");
            }
            for href in attrs(&html, ".home-news a", "href") {
                assert_eq!(app.get(&href).await.status(), 200, "{href}");
            }
        }
    }
}
