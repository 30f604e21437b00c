//! The calendar of events and its iCalendar feeds, on both backends.
//!
//! The fixture's events are dated in 2020, 2030 and 2031; the sites' clock
//! is set at [`TODAY`], so that the first is past and the others to come
//! whatever the day the tests run.

use scraper::Html;
use time::{Duration, OffsetDateTime, macros::datetime};

use crate::common::{self, TestApp, attr, attrs, both_backends, stderr, stdout, text, texts};

/// The day the calendar tests' sites think it is: a month before the
/// fixture's first events to come.
const TODAY: OffsetDateTime = datetime!(2030-11-01 09:00 UTC);

const HEADER: &str = "slug,title_fr,title_en,start,end,time_zone,status,venue_name,venue_city,venue_country,online_url,registration_url,signatory,description_fr,description_en\n";

/// Events at fixed dates: two to come, one cancelled, one all-day, one long past.
fn fixture() -> String {
    format!(
        "{HEADER}\
         webinar-2030,Webinaire sur le Pacte,Webinar on the Pact,2030-12-05T14:30,2030-12-05T16:00,Europe/Paris,,,,,https://example.org/live,https://example.org/register,,\"Un **webinaire**.<script>alert(1)</script>\",A **webinar**.\n\
         forum-2030,Forum des villes,Forum of cities,2030-12-05,2030-12-06,Europe/Paris,cancelled,Palais de l’Europe,Strasbourg,FR,,,Strasbourg (FR),Annulé.,Cancelled.\n\
         conference-2031,Conférence,Conference,2031-01-09,,Europe/Rome,,Sala,Torino,IT,https://example.org/hybrid,,,,\n\
         old-2020,Ancienne réunion,Old meeting,2020-03-12T10:00,2020-03-12T12:00,Europe/Paris,,Salle,Lyon,FR,,,,,\n"
    )
}

async fn with_fixture(app: &TestApp) {
    let output = app.import(
        "signatory.csv",
        "name,kind,country,joined_on,name_fr,name_en\nStrasbourg,city,FR,2013-05-02,,City of Strasbourg\n",
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let output = app.cli_import_events("events.csv", &fixture());
    assert!(output.status.success(), "{}", stderr(&output));
}

trait Events {
    fn cli_import_events(&self, name: &str, csv: &str) -> std::process::Output;
    fn export_events(&self) -> String;
}

impl Events for TestApp {
    fn cli_import_events(&self, name: &str, csv: &str) -> std::process::Output {
        let path = self.write_file(name, csv.as_bytes());
        self.cli(&["events", "import", common::path_str(&path)])
    }

    fn export_events(&self) -> String {
        let output = self.cli(&["events", "export"]);
        assert!(output.status.success(), "{}", stderr(&output));
        stdout(&output)
    }
}

/// An event's properties by name: each value with its parameters.
type Properties = std::collections::HashMap<String, (String, Vec<(String, Vec<String>)>)>;

/// A feed parsed with an independent iCalendar parser (which unfolds lines).
fn parse_feed(body: &str) -> Vec<Properties> {
    let mut reader = ical::IcalParser::new(body.as_bytes());
    let calendar = reader.next().expect("one calendar").expect("the feed parses");
    assert!(reader.next().is_none(), "one calendar only");
    calendar
        .events
        .into_iter()
        .map(|event| {
            event
                .properties
                .into_iter()
                .map(|p| (p.name.clone(), (p.value.unwrap_or_default(), p.params.unwrap_or_default())))
                .collect()
        })
        .collect()
}

fn unescape(value: &str) -> String {
    value.replace("\\n", "\n").replace("\\,", ",").replace("\\;", ";").replace("\\\\", "\\")
}

async fn feed(app: &TestApp, path: &str) -> String {
    let response = app.get(path).await;
    assert_eq!(response.status(), 200, "{path}");
    assert_eq!(response.headers()["content-type"], "text/calendar; charset=utf-8");
    response.text().await.expect("body")
}

both_backends! {
    async fn calendar_pages_in_both_languages(app.clock(TODAY)) {
        with_fixture(app).await;
        for (lang, path, title, nav, months, archive) in [
            ("fr", "/fr/calendrier", "Calendrier", "Calendrier", ["décembre 2030", "janvier 2031"], "/fr/calendrier/archives"),
            ("en", "/en/calendar", "Calendar", "Calendar", ["December 2030", "January 2031"], "/en/calendar/archive"),
        ] {
            let html = app.page(path).await;
            assert_eq!(attr(&html, "html", "lang"), lang);
            assert_eq!(text(&html, "h1"), title);
            assert_eq!(texts(&html, "nav.main-nav a[aria-current=page]"), vec![nav.to_owned()]);
            assert_eq!(texts(&html, ".month__name"), months.map(str::to_owned).to_vec());
            // Upcoming only, soonest first; the cancelled one stays, marked.
            let titles = texts(&html, ".event-card__title a");
            assert_eq!(titles.len(), 3, "{titles:?}");
            assert_eq!(texts(&html, ".event-card--cancelled .status").len(), 1);
            assert!(attrs(&html, ".other-list a", "href").contains(&archive.to_owned()));
            // Subscribe by webcal, or download.
            let feed_path = format!("{path}.ics");
            assert_eq!(attr(&html, ".subscribe__webcal", "href"), format!("webcal://site.test{feed_path}"));
            assert_eq!(attr(&html, ".subscribe__download", "href"), feed_path);
            // The switcher leads to the twin and back.
            let twin = attr(&html, ".lang-switch a", "href");
            assert_eq!(attr(&app.page(&twin).await, ".lang-switch a", "href"), path);
        }
        // Every page of a language advertises that language's feed.
        for (path, feed) in [("/fr/", "/fr/calendrier.ics"), ("/en/members", "/en/calendar.ics"), ("/en/calendar/webinar-2030", "/en/calendar.ics")] {
            let html = app.page(path).await;
            assert_eq!(attr(&html, "link[rel=alternate][type='text/calendar']", "href"), feed, "{path}");
        }
    }

    async fn home_shows_the_next_three_events(app.clock(TODAY)) {
        with_fixture(app).await;
        let extra = format!("{HEADER}later-2032,Plus tard,Later,2032-06-01,,,,,,,https://example.org/x,,,,\n");
        assert!(app.cli_import_events("more.csv", &extra).status.success());
        let html = app.page("/en/").await;
        assert_eq!(texts(&html, ".upcoming .event-card__title a"), vec!["Forum of cities", "Webinar on the Pact", "Conference"]);
        assert_eq!(attr(&html, ".upcoming .read-more a", "href"), "/en/calendar");
    }

    async fn event_pages_write_dates_the_languages_way(app.clock(TODAY)) {
        with_fixture(app).await;
        let html = app.page("/fr/calendrier/webinaire-sur-le-pacte").await;
        assert_eq!(text(&html, "h1"), "Webinaire sur le Pacte");
        let facts = texts(&html, ".facts dd");
        assert_eq!(facts[0], "jeudi 5 décembre 2030, 14\u{a0}h\u{a0}30 – 16\u{a0}h\u{a0}00");
        assert_eq!(facts[1], "Europe/Paris (UTC+01:00)");
        assert_eq!(attr(&html, ".facts time", "datetime"), "2030-12-05T14:30:00+01:00");
        assert_eq!(attrs(&html, ".facts a[rel~=external]", "href"), vec!["https://example.org/live", "https://example.org/register"]);
        // The description is Markdown, rendered and sanitised.
        assert_eq!(texts(&html, ".event-description strong"), vec!["webinaire".to_owned()]);
        assert!(texts(&html, ".event-description script").is_empty());
        assert!(!text(&html, ".event-description").contains("alert"));
        let english = app.page("/en/calendar/webinar-2030").await;
        assert_eq!(texts(&english, ".facts dd")[0], "Thursday 5 December 2030, 2.30 pm – 4.00 pm");

        let forum = app.page("/fr/calendrier/forum-des-villes").await;
        assert_eq!(texts(&forum, ".facts dd")[0], "du jeudi 5 décembre 2030 au vendredi 6 décembre 2030");
        assert_eq!(text(&forum, "h1 .status"), "Annulé");
        assert_eq!(text(&forum, ".notice"), "Cet événement est annulé.");
        assert_eq!(attr(&forum, ".facts a[href*='/fr/adherents/']", "href").split('-').next_back(), Some("strasbourg"));
        let forum = app.page("/en/calendar/forum-2030").await;
        // The related signatory goes by its name in the page's language.
        let link = attr(&forum, ".facts a[href*='/en/members/']", "href");
        assert_eq!(text(&forum, ".facts a[href*='/en/members/']"), "City of Strasbourg");
        assert_eq!(app.get(&link).await.status(), 200, "{link}");
        assert_eq!(texts(&forum, ".facts dd")[0], "From Thursday 5 December 2030 to Friday 6 December 2030");

        // Structured data for search engines.
        for (path, status, mode, start) in [
            ("/en/calendar/webinar-2030", "EventScheduled", "OnlineEventAttendanceMode", "2030-12-05T14:30:00+01:00"),
            ("/en/calendar/forum-2030", "EventCancelled", "OfflineEventAttendanceMode", "2030-12-05"),
            ("/fr/calendrier/conference", "EventScheduled", "MixedEventAttendanceMode", "2031-01-09"),
        ] {
            let html = app.page(path).await;
            let selector = scraper::Selector::parse("script[type='application/ld+json']").expect("selector");
            let data: Vec<String> = html.select(&selector).map(|s| s.inner_html()).collect();
            assert_eq!(data.len(), 1);
            let json: serde_json::Value = serde_json::from_str(&data[0]).expect("JSON-LD");
            assert_eq!(json["@type"], "Event");
            assert_eq!(json["eventStatus"], format!("https://schema.org/{status}"), "{path}");
            assert_eq!(json["eventAttendanceMode"], format!("https://schema.org/{mode}"), "{path}");
            assert_eq!(json["startDate"], start, "{path}");
            assert_eq!(json["url"], format!("http://site.test{path}"));
        }
        for missing in ["/fr/calendrier/no-such-event", "/fr/calendrier/Bad_Slug", "/en/calendar/no-such-event.ics"] {
            assert_eq!(app.get(missing).await.status(), 404, "{missing}");
        }
    }

    async fn calendar_filters(app.clock(TODAY)) {
        with_fixture(app).await;
        let titles = |html: &Html| texts(html, ".event-card__title a");
        assert_eq!(titles(&app.page("/en/calendar?mode=online").await), vec!["Webinar on the Pact", "Conference"]);
        assert_eq!(titles(&app.page("/en/calendar?mode=in-person").await), vec!["Forum of cities", "Conference"]);
        assert_eq!(titles(&app.page("/en/calendar?country=IT").await), vec!["Conference"]);
        assert_eq!(titles(&app.page("/en/calendar?year=2031").await), vec!["Conference"]);
        let html = app.page("/fr/calendrier?year=2029").await;
        assert_eq!(text(&html, ".notice"), "Aucun événement à venir ne correspond à ces critères.");
        let html = app.page("/fr/calendrier/archives?country=FR").await;
        assert_eq!(titles(&html), vec!["Ancienne réunion"]);
        assert_eq!(attr(&html, "#filter-country option[selected]", "value"), "FR");
        for bad in ["year=abc", "year=99999", "country=XX", "mode=teleport", "page=0"] {
            let response = app.get(&format!("/fr/calendrier?{bad}")).await;
            assert_eq!(response.status(), 400, "{bad}");
            assert_eq!(text(&Html::parse_document(&response.text().await.expect("body")), "h1"), "Cette demande n’a pas pu être lue");
        }
    }

    async fn archive_is_paginated_newest_first(app.clock(TODAY)) {
        let mut csv = String::from(HEADER);
        for day in 1..=45 {
            csv.push_str(&format!("past-{day:02},Passé {day:02},Past {day:02},2019-01-{:02},,,,,,,https://example.org/x,,,,\n", (day - 1) % 28 + 1));
        }
        // Distinct days: use months as well.
        let csv = csv
            .lines()
            .enumerate()
            .map(|(i, line)| if i > 28 { line.replacen("2019-01-", "2019-02-", 1) } else { line.to_owned() })
            .collect::<Vec<_>>()
            .join("\n");
        let output = app.cli_import_events("past.csv", &csv);
        assert!(output.status.success(), "{}", stderr(&output));
        let first = app.page("/en/calendar/archive").await;
        assert_eq!(texts(&first, ".event-card").len(), 20);
        assert_eq!(texts(&first, ".event-card__title a")[0], "Past 45");
        assert_eq!(text(&first, ".pagination__status"), "Page 1 of 3");
        let next = attr(&first, ".pagination a[rel=next]", "href");
        assert_eq!(next, "/en/calendar/archive?page=2");
        let third = app.page("/en/calendar/archive?page=3").await;
        assert_eq!(texts(&third, ".event-card").len(), 5);
        assert_eq!(texts(&third, ".event-card__title a").last().map(String::as_str), Some("Past 01"));
        assert_eq!(app.get("/en/calendar/archive?page=4").await.status(), 404);
        assert_eq!(text(&app.page("/en/calendar").await, ".notice"), "No upcoming event matches these criteria.");
    }

    async fn feeds_parse_back_with_their_events(app.clock(TODAY)) {
        with_fixture(app).await;
        // An event that ended half a year ago stays; one of 2020 has left.
        let recent = (app.clock.now() - Duration::days(180)).date();
        let csv = format!("{HEADER}recent,Récent,Recent,{recent},,,,,,,https://example.org/r,,,,\n");
        assert!(app.cli_import_events("recent.csv", &csv).status.success());
        for (path, lang, title) in [("/fr/calendrier.ics", "fr", "Webinaire sur le Pacte"), ("/en/calendar.ics", "en", "Webinar on the Pact")] {
            let body = feed(app, path).await;
            // CRLF everywhere, lines of at most 75 octets.
            assert!(body.ends_with("\r\n"));
            for line in body.split("\r\n") {
                assert!(!line.contains('\n') && !line.contains('\r'));
                assert!(line.len() <= 75, "{} octets: {line}", line.len());
            }
            let events = parse_feed(&body);
            let uids: Vec<&str> = events.iter().map(|e| e["UID"].0.as_str()).collect();
            // In order of start: the all-day forum starts at midnight, before the webinar.
            assert_eq!(uids, ["recent@oneinfive", "forum-2030@oneinfive", "webinar-2030@oneinfive", "conference-2031@oneinfive"], "{lang}");
            let webinar = &events[2];
            assert_eq!(unescape(&webinar["SUMMARY"].0), title);
            assert_eq!(webinar["DTSTART"].0, "20301205T133000Z");
            assert_eq!(webinar["DTEND"].0, "20301205T150000Z");
            assert_eq!(webinar["STATUS"].0, "CONFIRMED");
            assert_eq!(webinar["SEQUENCE"].0, "0");
            assert!(webinar.contains_key("DTSTAMP"));
            // The French address from the French title.
            let page = match lang {
                "fr" => "http://site.test/fr/calendrier/webinaire-sur-le-pacte",
                _ => "http://site.test/en/calendar/webinar-2030",
            };
            assert_eq!(webinar["URL"].0, page);
            assert!(unescape(&webinar["DESCRIPTION"].0).ends_with(&format!("\n\n{page}")));
            // The event page answers.
            assert_eq!(app.get(page.trim_start_matches("http://site.test")).await.status(), 200);
            let forum = &events[1];
            assert_eq!(forum["STATUS"].0, "CANCELLED");
            assert_eq!(forum["DTSTART"].0, "20301205");
            assert_eq!(forum["DTEND"].0, "20301207", "all-day DTEND is the day after the last");
            assert!(forum["DTSTART"].1.iter().any(|(k, v)| k == "VALUE" && v == &["DATE".to_owned()]));
            assert!(unescape(&forum["LOCATION"].0).starts_with("Palais de l’Europe, Strasbourg"));
        }
    }

    async fn uids_stay_and_sequence_rises_on_edits(app.clock(TODAY)) {
        with_fixture(app).await;
        let before = parse_feed(&feed(app, "/en/calendar.ics").await);
        let again = parse_feed(&feed(app, "/en/calendar.ics").await);
        assert_eq!(before, again, "the feed is stable across requests");
        // Edit the webinar's time; import the same file again: unchanged.
        let edited = fixture().replace("2030-12-05T14:30,2030-12-05T16:00", "2030-12-05T15:00,2030-12-05T16:30");
        let output = app.cli_import_events("edited.csv", &edited);
        assert!(stdout(&output).contains("0 added, 1 updated, 3 unchanged"), "{}", stdout(&output));
        let output = app.cli_import_events("edited.csv", &edited);
        assert!(stdout(&output).contains("0 added, 0 updated, 4 unchanged"), "{}", stdout(&output));
        let after = parse_feed(&feed(app, "/en/calendar.ics").await);
        assert_eq!(after.len(), before.len());
        for (old, new) in before.iter().zip(&after) {
            assert_eq!(old["UID"], new["UID"]);
        }
        let webinar = after.iter().find(|e| e["UID"].0 == "webinar-2030@oneinfive").expect("webinar");
        assert_eq!(webinar["SEQUENCE"].0, "1");
        assert_eq!(webinar["DTSTART"].0, "20301205T140000Z");
        let forum = after.iter().find(|e| e["UID"].0 == "forum-2030@oneinfive").expect("forum");
        assert_eq!(forum["SEQUENCE"].0, "0");
    }

    async fn long_accented_lines_fold_on_characters(app.clock(TODAY)) {
        let title = "Événement très très long : « Éducation, protection, participation » — à Besançon, à Orléans, à Saint-Étienne, à Montréal, àéèêëîïôöùûüç";
        let csv = format!("{HEADER}long,\"{title}\",Long,2030-05-02,,,,,,,https://example.org/l,,,\"{title}; ligne, deux\",\n");
        let output = app.cli_import_events("long.csv", &csv);
        assert!(output.status.success(), "{}", stderr(&output));
        let body = feed(app, "/fr/calendrier.ics").await;
        let mut folded = 0;
        for line in body.split("\r\n") {
            assert!(line.len() <= 75, "{} octets: {line}", line.len());
            if line.starts_with(' ') {
                folded += 1;
            }
        }
        assert!(folded >= 4, "long lines were folded");
        let events = parse_feed(&body);
        assert_eq!(unescape(&events[0]["SUMMARY"].0), title);
        assert!(unescape(&events[0]["DESCRIPTION"].0).starts_with(&format!("{title}; ligne, deux")));
    }

    /// Every physical line of every feed and event file keeps within 75
    /// octets, continuation lines included, and never splits a character:
    /// long URLs (a five-digit port), French accents and emoji, with the
    /// lines' lengths swept so that each way a line can end is met.
    async fn every_physical_line_fits_in_75_octets(app.clock(TODAY).base_url("http://site.test:12345")) {
        let mut csv = String::from(HEADER);
        let mut expected = Vec::new();
        for n in 0..80 {
            let slug = format!("fold-{n:02}");
            let title_fr = format!("Journée «\u{a0}Éducation\u{a0}» {}à Besançon 🎉🧒🏽", "é".repeat(n % 37));
            let title_en = format!("Day of education {}.", "x".repeat(n));
            let description_fr = format!("{}Protection des enfants à Saint-Étienne, Orléans et Besançon 🛡️ – « participation » {n}", "ê".repeat(n));
            let description_en = format!("Children’s protection {}{n}", "y".repeat(n));
            let online_url = format!("https://example.org:44321/live/{}", "a".repeat(n));
            csv.push_str(&format!("{slug},{title_fr},{title_en},2030-12-05,,,,,,,{online_url},,,\"{description_fr}\",{description_en}\n"));
            expected.push((slug, title_fr, title_en, description_fr, description_en));
        }
        let output = app.cli_import_events("long.csv", &csv);
        assert!(output.status.success(), "{}", stderr(&output));
        // The French addresses, made from the French titles.
        let slugs_fr: std::collections::HashMap<String, String> =
            app.rows::<(String, String)>("SELECT slug, slug_fr FROM events").await.into_iter().collect();
        let mut paths = vec!["/fr/calendrier.ics".to_owned(), "/en/calendar.ics".to_owned()];
        for (slug, ..) in &expected {
            paths.push(format!("/fr/calendrier/{}.ics", slugs_fr[slug]));
            paths.push(format!("/en/calendar/{slug}.ics"));
        }
        for path in &paths {
            let response = app.get(path).await;
            assert_eq!(response.status(), 200, "{path}");
            let body = response.bytes().await.expect("body");
            assert!(body.ends_with(b"\r\n"), "{path}");
            let mut continued = 0;
            for line in body[..body.len() - 1].split(|&b| b == b'\n') {
                let line = line.strip_suffix(b"\r").unwrap_or_else(|| panic!("{path}: a line without CRLF"));
                let text = std::str::from_utf8(line).unwrap_or_else(|_| panic!("{path}: a character split: {line:?}"));
                assert!(line.len() <= 75, "{path}: {} octets: {text:?}", line.len());
                assert!(!text.contains('\r'), "{path}: {text:?}");
                continued += usize::from(text.starts_with(' '));
            }
            assert!(continued > 0, "{path}: long lines are folded");
        }
        // Unfolded, the texts are whole again.
        for (path, lang) in [("/fr/calendrier.ics", "fr"), ("/en/calendar.ics", "en")] {
            let events = parse_feed(&feed(app, path).await);
            assert_eq!(events.len(), expected.len(), "{path}");
            for (slug, title_fr, title_en, description_fr, description_en) in &expected {
                let event = events.iter().find(|e| e["UID"].0 == format!("{slug}@oneinfive")).expect("the event");
                let (title, description) = if lang == "fr" { (title_fr, description_fr) } else { (title_en, description_en) };
                assert_eq!(&unescape(&event["SUMMARY"].0), title, "{path}");
                let page = match lang {
                    "fr" => format!("http://site.test:12345/fr/calendrier/{}", slugs_fr[slug]),
                    _ => format!("http://site.test:12345/en/calendar/{slug}"),
                };
                assert_eq!(unescape(&event["DESCRIPTION"].0), format!("{description}\n\n{page}"), "{path}");
                assert_eq!(event["URL"].0, page, "{path}");
            }
        }
    }

    async fn one_event_file_and_conditional_get(app.clock(TODAY)) {
        with_fixture(app).await;
        let html = app.page("/fr/calendrier/conference").await;
        let ics = attr(&html, ".add-to-calendar a", "href");
        assert_eq!(ics, "/fr/calendrier/conference.ics");
        let response = app.get(&ics).await;
        assert_eq!(response.status(), 200);
        assert!(response.headers()["content-disposition"].to_str().unwrap_or("").contains("conference.ics"));
        let events = parse_feed(&response.text().await.expect("body"));
        assert_eq!(events.len(), 1);
        assert_eq!(events[0]["UID"].0, "conference-2031@oneinfive");
        // ETag and 304.
        let response = app.get("/fr/calendrier.ics").await;
        let etag = response.headers()["etag"].clone();
        let again = app.client.get(app.url("/fr/calendrier.ics")).header("if-none-match", etag.clone()).send().await.expect("GET");
        assert_eq!(again.status(), 304);
        assert_eq!(again.headers()["etag"], etag);
        let other = app.client.get(app.url("/fr/calendrier.ics")).header("if-none-match", "\"nope\"").send().await.expect("GET");
        assert_eq!(other.status(), 200);
    }

    async fn bad_event_files_are_rejected_whole(app.clock(TODAY)) {
        with_fixture(app).await;
        let before = app.export_events();
        let good = "ok-event,OK,OK,2030-01-01,,,,,,,https://example.org/ok,,,,\n";
        for (case, row, expected) in [
            ("bad date", "e,E,E,2030-02-30,,,,,,,https://example.org/e,,,,", "line 3: start/end"),
            ("end before start", "e,E,E,2030-03-02T10:00,2030-03-02T09:00,,,,,,https://example.org/e,,,,", "line 3: start/end"),
            ("unknown time zone", "e,E,E,2030-03-02,,Mars/Olympus,,,,,https://example.org/e,,,,", "line 3: time_zone"),
            ("no place", "e,E,E,2030-03-02,,,,,,,,,,,", "line 3: give a venue"),
            ("half a venue", "e,E,E,2030-03-02,,,,Hall,,FR,,,,,", "line 3: venue"),
            ("unknown status", "e,E,E,2030-03-02,,,maybe,,,,https://example.org/e,,,,", "line 3: status"),
            ("bad slug", "Not A Slug,E,E,2030-03-02,,,,,,,https://example.org/e,,,,", "line 3: slug"),
            ("reserved slug", "archives,E,E,2030-03-02,,,,,,,https://example.org/e,,,,", "line 3: slug"),
            ("duplicate slug", "ok-event,E,E,2030-03-02,,,,,,,https://example.org/e,,,,", "line 3: the slug ok-event is already on line 2"),
            ("missing title", "e,,E,2030-03-02,,,,,,,https://example.org/e,,,,", "line 3: title_fr"),
            ("bad link", "e,E,E,2030-03-02,,,,,,,javascript:alert(1),,,,", "line 3: online_url"),
            ("unknown signatory", "e,E,E,2030-03-02,,,,,,,https://example.org/e,,Atlantis (FR),,", "line 3: signatory: no signatory Atlantis (FR)"),
        ] {
            let output = app.cli_import_events("bad.csv", &format!("{HEADER}{good}{row}\n"));
            assert!(!output.status.success(), "{case}: accepted");
            let message = stderr(&output);
            assert!(message.contains(expected), "{case}: {message}");
            assert!(message.contains("nothing was imported"), "{case}: {message}");
            assert_eq!(app.export_events(), before, "{case}: something was written");
        }
    }

    async fn events_export_then_import_round_trips(app.clock(TODAY)) {
        with_fixture(app).await;
        let exported = app.export_events();
        // Every column, the French address's among them.
        let header = HEADER.trim_end().replacen("slug,", "slug,slug_fr,", 1);
        assert_eq!(exported.lines().next(), Some(header.as_str()));
        assert!(exported.lines().any(|line| line.starts_with("webinar-2030,webinaire-sur-le-pacte,")), "{exported}");
        let other = TestApp::builder(app.backend).start().await.expect("second database");
        assert!(other.import("signatory.csv", "name,kind,country,joined_on\nStrasbourg,city,FR,2013-05-02\n").status.success());
        let output = other.cli_import_events("export.csv", &exported);
        assert!(output.status.success(), "{}", stderr(&output));
        assert!(stdout(&output).contains("4 added"), "{}", stdout(&output));
        assert_eq!(other.export_events(), exported);
    }

    /// The command line seeds around the system's today: the site must
    /// agree on the day.
    async fn sample_events_are_around_today(app.system_clock()) {
        let output = app.cli(&["seed"]);
        assert!(output.status.success(), "{}", stderr(&output));
        let html = app.page("/fr/calendrier").await;
        assert!(texts(&html, ".event-card").len() >= 4);
        let archive = app.page("/fr/calendrier/archives").await;
        assert!(texts(&archive, ".event-card").len() >= 3);
        assert_eq!(texts(&app.page("/fr/").await, ".upcoming .event-card").len(), 3);
        // Seeding again changes nothing.
        let before = app.export_events();
        let output = app.cli(&["seed"]);
        assert!(stdout(&output).lines().any(|line| line == "events: 0 added, 0 updated, 9 unchanged"), "{}", stdout(&output));
        assert_eq!(app.export_events(), before);
    }
}
