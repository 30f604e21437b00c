//! Events, over HTTP on both backends: postponed with the new date still
//! to be announced (said on the public pages in both languages, the
//! calendar, the back office and the iCalendar feeds; kept through an edit
//! that leaves the dates; ended by new dates), and an event's French
//! address made from its French title, the old French links leading to it.

use crate::{
    admin_events::{TODAY, feed, fields, find, id_of, sitemap},
    common::{TestApp, attr, attrs, both_backends, text, texts},
};

const UID: &str = "forum-of-cities@oneinfive";

/// The event's status, start and whether its new date is to be announced, as stored.
async fn stored(app: &TestApp, id: i64) -> (String, String, bool) {
    let rows: Vec<(String, String, bool)> =
        app.rows(&format!("SELECT status, start_local, date_unknown FROM events WHERE id = {id}")).await;
    rows.into_iter().next().expect("the event is stored")
}

both_backends! {
    async fn an_event_postponed_without_a_new_date_is_said_to_be_announced(app.clock(TODAY)) {
        let staff = app.staff("eddie@example.org", "editor").await;
        assert_eq!(staff.post("/admin/events/new", &fields(&[])).await.status(), 303);
        let id = id_of(app, "forum-of-cities").await;
        let postpone = format!("/admin/events/{id}/postpone");

        // The page offers the choice, new dates first.
        let form = staff.page(&postpone).await;
        assert_eq!(attrs(&form, "#event-new-date input[name=new_date]", "value"), ["known", "unknown"]);
        assert_eq!(attrs(&form, "#event-new-date input[name=new_date][checked]", "value"), ["known"]);
        assert_eq!(text(&form, "label[for=event-new-date-unknown]"), "Nouvelle date à annoncer");
        let version = attr(&form, "form[data-form=event-postpone] input[name=version]", "value");
        let response = staff.post(&postpone, &[("new_date", "unknown"), ("start_date", ""), ("version", &version)]).await;
        assert_eq!(response.status(), 303);
        assert_eq!(response.headers()["location"], format!("/admin/events/{id}?done=postponed-date-unknown"));
        // The old dates stay, for sorting.
        assert_eq!(stored(app, id).await, ("postponed".to_owned(), "2030-12-05T14:30".to_owned(), true));

        // The back office says so, on the record the officer is back on, and in its list.
        let record = staff.page(&format!("/admin/events/{id}?done=postponed-date-unknown")).await;
        assert_eq!(text(&record, "#event-done"), "L’événement a été reporté\u{202f}; sa nouvelle date sera annoncée.");
        let list = staff.page("/admin/events").await;
        let cells = texts(&list, "#events-upcoming td");
        assert!(cells[1].starts_with("Nouvelle date à annoncer (initialement\u{a0}: jeudi 5 décembre 2030"), "{cells:?}");
        assert_eq!(cells[3], "Reporté, nouvelle date à annoncer");
        let record = staff.page(&format!("/admin/events/{id}")).await;
        assert!(text(&record, "#event-status-note").contains("Reporté, nouvelle date à annoncer"));
        // Postponing again starts at "to be announced".
        let form = staff.page(&postpone).await;
        assert_eq!(attrs(&form, "#event-new-date input[name=new_date][checked]", "value"), ["unknown"]);

        // The public pages, in both languages.
        let page = app.page("/fr/calendrier/forum-des-villes").await;
        assert_eq!(text(&page, "h1 .status"), "Reporté, nouvelle date à annoncer");
        assert_eq!(text(&page, ".notice"), "Cet événement a été reporté. Sa nouvelle date sera annoncée ici.");
        assert_eq!(
            text(&page, "#event-when"),
            "Nouvelle date à annoncer (initialement\u{a0}: jeudi 5 décembre 2030, 14\u{a0}h\u{a0}30 – 17\u{a0}h\u{a0}00)"
        );
        assert!(attrs(&page, "#event-when time", "datetime").is_empty(), "the old dates are not given as the event's");
        let page = app.page("/en/calendar/forum-of-cities").await;
        assert_eq!(text(&page, "h1 .status"), "Postponed, new date to be announced");
        assert_eq!(text(&page, ".notice"), "This event has been postponed. Its new date will be announced here.");
        assert!(text(&page, "#event-when").starts_with("New date to be announced (originally: Thursday 5 December 2030"));
        let calendar = app.page("/en/calendar").await;
        assert!(text(&calendar, ".event-card__when").starts_with("New date to be announced"));
        assert_eq!(text(&calendar, ".event-card__title .status"), "Postponed, new date to be announced");

        // The feeds: tentative, at the old dates, saying the new date is to come.
        for (path, words) in [
            ("/fr/calendrier.ics", "nouvelle date à annoncer"),
            ("/en/calendar.ics", "new date to be announced"),
            ("/fr/calendrier/forum-des-villes.ics", "nouvelle date à annoncer"),
            ("/en/calendar/forum-of-cities.ics", "new date to be announced"),
        ] {
            let events = feed(app, path).await;
            let event = find(&events, UID).expect("in the feed");
            assert_eq!(event["STATUS"], "TENTATIVE", "{path}");
            assert_eq!(event["DTSTART"], "20301205T133000Z", "{path}");
            assert!(event["SUMMARY"].contains(words), "{path}: {}", event["SUMMARY"]);
            assert!(event["DESCRIPTION"].contains(words), "{path}: {}", event["DESCRIPTION"]);
        }

        // An edit that keeps the event postponed at the same dates keeps it to be announced.
        let record = staff.page(&format!("/admin/events/{id}")).await;
        let version = attr(&record, "form.admin-form input[name=version]", "value");
        let edit = fields(&[("status", "postponed"), ("description_en", "A forum of cities, later."), ("version", &version)]);
        assert_eq!(staff.post(&format!("/admin/events/{id}"), &edit).await.status(), 303);
        assert!(stored(app, id).await.2, "still to be announced");

        // Postponed to new dates: no longer to be announced.
        let form = staff.page(&postpone).await;
        let version = attr(&form, "form[data-form=event-postpone] input[name=version]", "value");
        let dates = [("new_date", "known"), ("start_date", "2031-01-15"), ("start_time", "10:00"), ("end_time", "12:00"), ("version", &version)];
        let response = staff.post(&postpone, &dates).await;
        assert_eq!(response.headers()["location"], format!("/admin/events/{id}?done=postponed"));
        assert_eq!(stored(app, id).await, ("postponed".to_owned(), "2031-01-15T10:00".to_owned(), false));
        let page = app.page("/fr/calendrier/forum-des-villes").await;
        assert_eq!(text(&page, "h1 .status"), "Reporté");
        assert_eq!(attr(&page, "#event-when time", "datetime"), "2031-01-15T10:00:00+01:00");
        let event = find(&feed(app, "/en/calendar.ics").await, UID).cloned().expect("in the feed");
        assert_eq!(event["SUMMARY"], "Forum of cities");
        assert_eq!(event["DTSTART"], "20310115T090000Z");
        assert_eq!(event["STATUS"], "TENTATIVE");

        // To be announced again, then edited to other dates: announced.
        let form = staff.page(&postpone).await;
        let version = attr(&form, "form[data-form=event-postpone] input[name=version]", "value");
        assert_eq!(staff.post(&postpone, &[("new_date", "unknown"), ("version", &version)]).await.status(), 303);
        let record = staff.page(&format!("/admin/events/{id}")).await;
        let version = attr(&record, "form.admin-form input[name=version]", "value");
        let edit = fields(&[("status", "postponed"), ("start_date", "2031-02-10"), ("version", &version)]);
        assert_eq!(staff.post(&format!("/admin/events/{id}"), &edit).await.status(), 303);
        assert_eq!(stored(app, id).await, ("postponed".to_owned(), "2031-02-10T14:30".to_owned(), false));

        // Each postponement has its audit entry.
        let entries: Vec<(String, String)> =
            app.rows("SELECT kind, summary FROM audit_log WHERE kind LIKE 'event.%' ORDER BY id").await;
        let kinds: Vec<&str> = entries.iter().map(|(kind, _)| kind.as_str()).collect();
        assert_eq!(kinds, ["event.added", "event.postponed", "event.updated", "event.postponed", "event.postponed", "event.updated"]);
        assert_eq!(entries[1].1, format!("#{id} forum-of-cities: status: \"scheduled\" → \"postponed\"; new date: to be announced"));
        assert!(entries[3].1.ends_with("new date: announced"), "{}", entries[3].1);
    }

    async fn an_event_has_its_french_address_from_its_french_title(app.clock(TODAY)) {
        let staff = app.staff("eddie@example.org", "editor").await;
        assert_eq!(staff.post("/admin/events/new", &fields(&[])).await.status(), 303);
        let id = id_of(app, "forum-of-cities").await;
        let slugs: Vec<(String, String)> = app.rows(&format!("SELECT slug, slug_fr FROM events WHERE id = {id}")).await;
        assert_eq!(slugs, [("forum-of-cities".to_owned(), "forum-des-villes".to_owned())]);

        // Each language's address, and each page names the other's.
        let french = app.page("/fr/calendrier/forum-des-villes").await;
        assert_eq!(text(&french, "h1"), "Forum des villes");
        assert_eq!(attr(&french, ".lang-switch a", "href"), "/en/calendar/forum-of-cities");
        assert_eq!(attr(&french, ".add-to-calendar a", "href"), "/fr/calendrier/forum-des-villes.ics");
        let english = app.page("/en/calendar/forum-of-cities").await;
        assert_eq!(text(&english, "h1"), "Forum of cities");
        assert_eq!(attr(&english, ".lang-switch a", "href"), "/fr/calendrier/forum-des-villes");
        assert_eq!(attr(&english, "link[rel=alternate][hreflang=fr]", "href"), "http://site.test/fr/calendrier/forum-des-villes");

        // Old French links, made with the English slug, lead to the French address; and the other way.
        for (old, new) in [
            ("/fr/calendrier/forum-of-cities", "/fr/calendrier/forum-des-villes"),
            ("/fr/calendrier/forum-of-cities.ics", "/fr/calendrier/forum-des-villes.ics"),
            ("/en/calendar/forum-des-villes", "/en/calendar/forum-of-cities"),
        ] {
            let response = app.get(old).await;
            assert_eq!(response.status(), 308, "{old}");
            assert_eq!(response.headers()["location"], new, "{old}");
        }

        // Every link to it in French: the calendar, the home page, the sitemap, the feed, the back office.
        assert_eq!(attrs(&app.page("/fr/calendrier").await, ".event-card__title a", "href"), ["/fr/calendrier/forum-des-villes"]);
        assert_eq!(attrs(&app.page("/fr/").await, ".upcoming .event-card__title a", "href"), ["/fr/calendrier/forum-des-villes"]);
        assert_eq!(attrs(&app.page("/en/calendar").await, ".event-card__title a", "href"), ["/en/calendar/forum-of-cities"]);
        let locs = sitemap(app).await;
        for path in ["/fr/calendrier/forum-des-villes", "/en/calendar/forum-of-cities"] {
            assert!(locs.iter().any(|loc| loc.ends_with(path)), "{path} in {locs:?}");
        }
        assert!(!locs.iter().any(|loc| loc.ends_with("/fr/calendrier/forum-of-cities")), "{locs:?}");
        let events = feed(app, "/fr/calendrier.ics").await;
        let event = find(&events, UID).expect("the UID stays the English slug's");
        assert_eq!(event["URL"], "http://site.test/fr/calendrier/forum-des-villes");
        assert_eq!(find(&feed(app, "/en/calendar.ics").await, UID).expect("in English")["URL"], "http://site.test/en/calendar/forum-of-cities");
        assert_eq!(attr(&staff.page(&format!("/admin/events/{id}")).await, "#event-public", "href"), "/fr/calendrier/forum-des-villes");

        // The same French title again: the next French address.
        assert_eq!(staff.post("/admin/events/new", &fields(&[("title_en", "Forum of regions")])).await.status(), 303);
        let other = id_of(app, "forum-of-regions").await;
        let slugs: Vec<(String,)> = app.rows(&format!("SELECT slug_fr FROM events WHERE id = {other}")).await;
        assert_eq!(slugs, [("forum-des-villes-2".to_owned(),)]);

        // A new French title leaves the address as it is.
        let record = staff.page(&format!("/admin/events/{id}")).await;
        let version = attr(&record, "form.admin-form input[name=version]", "value");
        let edit = fields(&[("title_fr", "Forum des villes et des régions"), ("version", &version)]);
        assert_eq!(staff.post(&format!("/admin/events/{id}"), &edit).await.status(), 303);
        assert_eq!(text(&app.page("/fr/calendrier/forum-des-villes").await, "h1"), "Forum des villes et des régions");
    }

    /// The events CSV: a French address given is taken, a blank one is
    /// made from the French title, and an event imported again keeps its own.
    async fn imported_events_get_their_french_address(app.clock(TODAY)) {
        let csv = "slug,slug_fr,title_fr,title_en,start,online_url\n\
                   webinar,webinaire-du-pacte,Webinaire,Webinar,2030-12-05,https://example.org/live\n\
                   forum,,Forum des villes,Forum,2030-12-06,https://example.org/live\n";
        let path = app.write_file("events.csv", csv.as_bytes());
        let output = app.cli(&["events", "import", crate::common::path_str(&path)]);
        assert!(output.status.success(), "{}", crate::common::stderr(&output));
        let slugs: Vec<(String, String)> = app.rows("SELECT slug, slug_fr FROM events ORDER BY slug").await;
        assert_eq!(slugs, [("forum".to_owned(), "forum-des-villes".to_owned()), ("webinar".to_owned(), "webinaire-du-pacte".to_owned())]);
        assert_eq!(text(&app.page("/fr/calendrier/webinaire-du-pacte").await, "h1"), "Webinaire");

        // Imported again with another French title: the address stays.
        let again = "slug,title_fr,title_en,start,online_url\nforum,Forum des régions,Forum,2030-12-06,https://example.org/live\n";
        let path = app.write_file("again.csv", again.as_bytes());
        let output = app.cli(&["events", "import", crate::common::path_str(&path)]);
        assert!(output.status.success(), "{}", crate::common::stderr(&output));
        assert_eq!(text(&app.page("/fr/calendrier/forum-des-villes").await, "h1"), "Forum des régions");
    }
}

both_backends! {
    /// An event postponed to a date still to be announced is still to come,
    /// even once its old dates are past: in the calendar, last, and in the
    /// back office's upcoming events, never in the archive.
    async fn an_event_whose_new_date_is_to_be_announced_stays_to_come(app.clock(TODAY)) {
        let staff = app.staff("eddie@example.org", "editor").await;
        // Its first dates were last month.
        let past = fields(&[("start_date", "2030-10-05")]);
        assert_eq!(staff.post("/admin/events/new", &past).await.status(), 303);
        let id = id_of(app, "forum-of-cities").await;
        let archive = app.page("/en/calendar/archive").await;
        assert!(texts(&archive, ".event-card__title a").contains(&"Forum of cities".to_owned()), "over, before the postponement");

        let postpone = format!("/admin/events/{id}/postpone");
        let form = staff.page(&postpone).await;
        let version = attr(&form, "form[data-form=event-postpone] input[name=version]", "value");
        let response = staff.post(&postpone, &[("new_date", "unknown"), ("start_date", ""), ("version", &version)]).await;
        assert_eq!(response.status(), 303);

        let calendar = app.page("/en/calendar").await;
        let titles = texts(&calendar, ".event-card__title a");
        assert_eq!(titles.last().map(String::as_str), Some("Forum of cities"), "to come, after the dated events: {titles:?}");
        let archive = app.page("/en/calendar/archive").await;
        assert!(!texts(&archive, ".event-card__title a").contains(&"Forum of cities".to_owned()), "not in the archive");
        let list = staff.page("/admin/events").await;
        assert!(text(&list, "#events-upcoming").contains("Forum des villes"), "upcoming in the back office");
        let events = feed(app, "/en/calendar.ics").await;
        assert!(find(&events, UID).is_some(), "still in the feed");
    }
}

both_backends! {
    /// Events added at the same moment with the same titles each get
    /// their own French and English addresses.
    async fn events_added_at_once_take_their_own_addresses(app.clock(TODAY)) {
        let staff = app.staff("eddie@example.org", "editor").await;
        let form = fields(&[]);
        let add = || staff.post("/admin/events/new", &form);
        let answers = tokio::join!(add(), add(), add(), add(), add());
        let statuses = [answers.0.status(), answers.1.status(), answers.2.status(), answers.3.status(), answers.4.status()];
        assert!(statuses.iter().all(|status| *status == 303), "{statuses:?}");
        let mut french: Vec<(String, String)> = app.rows("SELECT slug_fr, slug FROM events WHERE title_en = 'Forum of cities' ORDER BY id").await;
        french.sort();
        assert_eq!(
            french.iter().map(|(fr, _)| fr.as_str()).collect::<Vec<_>>(),
            ["forum-des-villes", "forum-des-villes-2", "forum-des-villes-3", "forum-des-villes-4", "forum-des-villes-5"]
        );
    }
}
