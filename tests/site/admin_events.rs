//! Editing events in the back office, over HTTP on both backends: adding
//! one (seen at once on the public calendar in both languages, its own
//! page, the iCalendar feeds and the sitemap), editing, postponing,
//! cancelling (still in the feed, cancelled, under the same UID) and
//! deleting it; each field's message; the descriptions' preview; two
//! people saving the same event; tokens, unknown ids, and the audit log.

use std::collections::HashMap;

use scraper::Html;
use time::{OffsetDateTime, macros::datetime};

use crate::common::{TestApp, attr, attrs, both_backends, staff::Staff, stderr, text, texts};

/// The day the tests' sites think it is: before the events they add.
pub(crate) const TODAY: OffsetDateTime = datetime!(2030-11-01 09:00 UTC);

async fn html(response: reqwest::Response) -> Html {
    Html::parse_document(&response.text().await.expect("body"))
}

/// The fields of an event's form, with `changes` over a forum in Strasbourg.
pub(crate) fn fields<'a>(changes: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let mut form = vec![
        ("title_fr", "Forum des villes"),
        ("title_en", "Forum of cities"),
        ("start_date", "2030-12-05"),
        ("start_time", "14:30"),
        ("end_date", ""),
        ("end_time", "17:00"),
        ("time_zone", "Europe/Paris"),
        ("status", "scheduled"),
        ("venue_name", "Palais de l’Europe"),
        ("venue_city", "Strasbourg"),
        ("venue_country", "FR"),
        ("online_url", ""),
        ("registration_url", "https://example.org/register"),
        ("signatory", ""),
        ("description_fr", "Un **forum** des villes."),
        ("description_en", "A **forum** of cities."),
    ];
    for &(name, value) in changes {
        match form.iter_mut().find(|(field, _)| *field == name) {
            Some(field) => field.1 = value,
            None => form.push((name, value)),
        }
    }
    form
}

/// The id of the event of this slug, read from the database.
pub(crate) async fn id_of(app: &TestApp, slug: &str) -> i64 {
    let rows: Vec<(i64,)> = app.rows(&format!("SELECT id FROM events WHERE slug = '{slug}'")).await;
    rows.first().map(|(id,)| *id).expect("the event is stored")
}

async fn count(app: &TestApp) -> i64 {
    let rows: Vec<(i64,)> = app.rows("SELECT count(*) FROM events").await;
    rows[0].0
}

/// The audit log's entries of events, oldest first.
async fn audit(app: &TestApp) -> Vec<(Option<String>, String, String)> {
    app.rows("SELECT actor_email, kind, summary FROM audit_log WHERE kind LIKE 'event.%' ORDER BY id").await
}

/// A version of a form, as the page carries it.
fn version(page: &Html) -> String {
    attr(page, "form.admin-form input[name=version], form[id$=-form] input[name=version]", "value")
}

/// A language's feed, parsed with an independent iCalendar parser: each
/// event's properties by name.
pub(crate) async fn feed(app: &TestApp, path: &str) -> Vec<HashMap<String, String>> {
    let response = app.get(path).await;
    assert_eq!(response.status(), 200, "{path}");
    let body = response.text().await.expect("feed");
    let mut reader = ical::IcalParser::new(body.as_bytes());
    let calendar = reader.next().expect("one calendar").expect("the feed parses");
    calendar
        .events
        .into_iter()
        .map(|event| event.properties.into_iter().map(|p| (p.name, p.value.unwrap_or_default())).collect())
        .collect()
}

/// The feed's event of this UID, if it has it.
pub(crate) fn find<'a>(events: &'a [HashMap<String, String>], uid: &str) -> Option<&'a HashMap<String, String>> {
    events.iter().find(|event| event.get("UID").map(String::as_str) == Some(uid))
}

/// The addresses the sitemap's files list.
pub(crate) async fn sitemap(app: &TestApp) -> Vec<String> {
    crate::sitemap::locs(app).await
}

/// The titles the public calendar lists, in a language.
async fn calendar(app: &TestApp, path: &str) -> Vec<String> {
    texts(&app.page(path).await, ".event-card__title a")
}

async fn add(staff: &Staff<'_>, changes: &[(&str, &str)]) -> reqwest::Response {
    staff.post("/admin/events/new", &fields(changes)).await
}

both_backends! {
    async fn staff_add_edit_postpone_cancel_and_delete_and_the_public_site_follows(app.clock(TODAY)) {
        let staff = app.staff("eddie@example.org", "editor").await;
        assert!(calendar(app, "/fr/calendrier").await.is_empty());
        let list = staff.page("/admin/events").await;
        assert_eq!(text(&list, "h1"), "Événements");
        assert_eq!(attr(&list, ".main-nav a[aria-current=page]", "href"), "/admin/events");
        assert_eq!(text(&list, "#events-upcoming-none"), "Aucun événement.");

        // Added, under a slug made from the English title.
        let form = staff.page("/admin/events/new").await;
        assert!(attrs(&form, "form.admin-form input[name=version]", "value").is_empty());
        assert_eq!(attr(&form, "#event-time-zone option[selected]", "value"), "Europe/Paris");
        let response = add(&staff, &[]).await;
        assert_eq!(response.status(), 303);
        // The officer lands on the event added, its public page beside it.
        let id = id_of(app, "forum-of-cities").await;
        assert_eq!(response.headers()["location"], format!("/admin/events/{id}?done=added"));
        let landed = staff.page(&format!("/admin/events/{id}?done=added")).await;
        assert_eq!(text(&landed, "#event-done"), "L’événement a été ajouté. Il apparaît dès maintenant dans le calendrier public.");
        assert_eq!(attr(&landed, "#event-done-public", "href"), "/fr/calendrier/forum-des-villes");
        let list = staff.page("/admin/events").await;
        assert_eq!(attrs(&list, "#events-upcoming a", "href"), [format!("/admin/events/{id}")]);
        assert_eq!(calendar(app, "/fr/calendrier").await, ["Forum des villes"]);
        assert_eq!(calendar(app, "/en/calendar").await, ["Forum of cities"]);
        let page = app.page("/fr/calendrier/forum-des-villes").await;
        assert_eq!(text(&page, "h1"), "Forum des villes");
        assert_eq!(text(&app.page("/en/calendar/forum-of-cities").await, "h1"), "Forum of cities");
        let events = feed(app, "/fr/calendrier.ics").await;
        let event = find(&events, "forum-of-cities@oneinfive").expect("in the French feed");
        assert_eq!(event["SUMMARY"], "Forum des villes");
        assert_eq!(event["STATUS"], "CONFIRMED");
        assert_eq!(event["DTSTART"], "20301205T133000Z");
        assert_eq!(event["SEQUENCE"], "0");
        let events = feed(app, "/en/calendar.ics").await;
        assert_eq!(find(&events, "forum-of-cities@oneinfive").expect("in the English feed")["SUMMARY"], "Forum of cities");
        let locs = sitemap(app).await;
        for path in ["/fr/calendrier/forum-des-villes", "/en/calendar/forum-of-cities"] {
            assert!(locs.iter().any(|loc| loc.ends_with(path)), "{path} in {locs:?}");
        }

        // The same title again: another slug, the first one kept.
        assert_eq!(add(&staff, &[("start_date", "2031-03-01"), ("start_time", ""), ("end_time", "")]).await.status(), 303);
        let other = id_of(app, "forum-of-cities-2").await;
        assert_ne!(other, id);

        // Edited: the slug stays, so links and the calendar UID do too.
        let path = format!("/admin/events/{id}");
        let form = staff.page(&path).await;
        assert_eq!(attr(&form, "#event-title-en", "value"), "Forum of cities");
        assert_eq!(attr(&form, "#event-start-date", "value"), "2030-12-05");
        assert_eq!(attr(&form, "#event-start-time", "value"), "14:30");
        assert_eq!(attr(&form, "#event-venue-country option[selected]", "value"), "FR");
        assert_eq!(text(&form, "#event-description-fr"), "Un **forum** des villes.");
        let read = version(&form);
        let edit = fields(&[("title_en", "Forum of Cities 2030"), ("online_url", "https://example.org/live"), ("version", &read)]);
        let response = staff.post(&path, &edit).await;
        assert_eq!(response.status(), 303);
        assert_eq!(response.headers()["location"], format!("{path}?done=saved"));
        assert_eq!(text(&app.page("/en/calendar/forum-of-cities").await, "h1"), "Forum of Cities 2030");
        let events = feed(app, "/en/calendar.ics").await;
        let event = find(&events, "forum-of-cities@oneinfive").expect("still in the feed");
        assert_eq!(event["SUMMARY"], "Forum of Cities 2030");
        assert_eq!(event["SEQUENCE"], "1");

        // Postponed: a new date, marked so.
        let form = staff.page(&format!("{path}/postpone")).await;
        assert_eq!(attr(&form, "#event-start-date", "value"), "2030-12-05");
        assert_eq!(attr(&form, "#event-start-time", "value"), "14:30");
        let response = staff.post(&format!("{path}/postpone"), &[("start_date", "2031-01-15"), ("start_time", "10:00"), ("end_time", "12:00"), ("version", &version(&form))]).await;
        assert_eq!(response.status(), 303);
        assert_eq!(response.headers()["location"], format!("{path}?done=postponed"), "back on the event");
        let page = app.page("/fr/calendrier/forum-des-villes").await;
        assert_eq!(text(&page, "h1 .status"), "Reporté");
        let events = feed(app, "/fr/calendrier.ics").await;
        let event = find(&events, "forum-of-cities@oneinfive").expect("still in the feed");
        assert_eq!(event["DTSTART"], "20310115T090000Z");
        assert_eq!(event["STATUS"], "TENTATIVE");
        assert_eq!(attr(&staff.page(&path).await, "#event-status option[selected]", "value"), "postponed");

        // Cancelled, after a confirmation step: it stays, marked, under the same UID.
        let confirm = staff.page(&format!("{path}/cancel")).await;
        assert_eq!(text(&confirm, "h1"), "Annuler cet événement\u{202f}?");
        assert_eq!(text(&confirm, "#event-cancel-form a"), "Garder l’événement", "not a second \"Annuler\"");
        assert_eq!(staff.post_raw(&format!("{path}/cancel"), &[("version", &version(&confirm))]).await.status(), 303, "without a token");
        let before = find(&feed(app, "/en/calendar.ics").await, "forum-of-cities@oneinfive").and_then(|e| e.get("STATUS").cloned());
        assert_ne!(before.as_deref(), Some("CANCELLED"), "not cancelled without the token");
        let response = staff.post(&format!("{path}/cancel"), &[("version", &version(&confirm))]).await;
        assert_eq!(response.status(), 303);
        assert_eq!(response.headers()["location"], format!("{path}?done=cancelled"), "back on the event");
        let record = staff.page(&format!("{path}?done=cancelled")).await;
        assert_eq!(text(&record, "#event-done"), "L’événement a été annulé. Il reste dans le calendrier, signalé comme annulé.");
        let events = feed(app, "/en/calendar.ics").await;
        let event = find(&events, "forum-of-cities@oneinfive").expect("a cancelled event stays in the feed");
        assert_eq!(event["STATUS"], "CANCELLED");
        let html = app.page("/fr/calendrier").await;
        assert_eq!(texts(&html, ".event-card--cancelled .event-card__title a"), ["Forum des villes"]);
        let form = staff.page(&path).await;
        assert!(attrs(&form, "#event-cancel", "href").is_empty(), "nothing left to cancel");
        let cancelled = staff.page("/admin/events?status=cancelled").await;
        assert_eq!(attrs(&cancelled, "#events-upcoming a", "href"), [path.as_str()]);
        let in_2031 = staff.page("/admin/events?year=2031&status=scheduled").await;
        assert_eq!(attrs(&in_2031, "#events-upcoming a", "href"), [format!("/admin/events/{other}")]);

        // Deleted, after a confirmation step: gone everywhere.
        let confirm = staff.page(&format!("{path}/delete")).await;
        assert_eq!(text(&confirm, "h1"), "Supprimer cet événement\u{202f}?");
        assert_eq!(count(app).await, 2, "nothing deleted by the confirmation page");
        assert_eq!(staff.post_raw(&format!("{path}/delete"), &[]).await.status(), 303, "without a token");
        assert_eq!(count(app).await, 2, "nothing deleted without the token");
        let response = staff.post(&format!("{path}/delete"), &[]).await;
        assert_eq!(response.status(), 303);
        assert_eq!(response.headers()["location"], "/admin/events?done=deleted");
        assert_eq!(app.get("/fr/calendrier/forum-des-villes").await.status(), 404);
        assert_eq!(app.get("/fr/calendrier/forum-of-cities").await.status(), 404);
        assert_eq!(app.get("/en/calendar/forum-of-cities.ics").await.status(), 404);
        assert!(find(&feed(app, "/fr/calendrier.ics").await, "forum-of-cities@oneinfive").is_none());
        assert!(!sitemap(app).await.iter().any(|loc| loc.ends_with("/forum-of-cities")));
        assert_eq!(calendar(app, "/en/calendar").await, ["Forum of cities"], "the other one stays");
        assert_eq!(staff.get(&path).await.status(), 404);
        assert_eq!(staff.post(&format!("{path}/delete"), &[]).await.status(), 404);

        // An admin may edit too.
        let admin = app.staff("ada@example.org", "admin").await;
        assert_eq!(admin.get(&format!("/admin/events/{other}")).await.status(), 200);

        // The audit log: who and what.
        let entries = audit(app).await;
        let kinds: Vec<&str> = entries.iter().map(|(_, kind, _)| kind.as_str()).collect();
        assert_eq!(kinds, ["event.added", "event.added", "event.updated", "event.postponed", "event.cancelled", "event.deleted"]);
        assert!(entries.iter().all(|(who, _, _)| who.as_deref() == Some("eddie@example.org")));
        assert_eq!(entries[0].2, format!("#{id} forum-of-cities (2030-12-05T14:30): Forum of cities"));
        assert_eq!(entries[2].2, format!("#{id} forum-of-cities: title_en: \"Forum of cities\" → \"Forum of Cities 2030\"; online_url: \"\" → \"https://example.org/live\""));
        assert!(entries[3].2.contains("start: \"2030-12-05T14:30\" → \"2031-01-15T10:00\""), "{}", entries[3].2);
        assert!(entries[3].2.contains("status: \"scheduled\" → \"postponed\""), "{}", entries[3].2);
        assert_eq!(entries[4].2, format!("#{id} forum-of-cities: status: \"postponed\" → \"cancelled\""));
        let log = admin.page("/admin/audit?kind=event.postponed").await;
        assert!(texts(&log, "td").iter().any(|cell| cell == "Événement reporté"));
    }

    async fn each_field_says_what_is_wrong_and_keeps_what_was_typed(app.clock(TODAY)) {
        let staff = app.staff("eddie@example.org", "editor").await;
        let bad = fields(&[("title_fr", " "), ("end_time", "09:00"), ("venue_country", "XX"), ("online_url", "javascript:alert(1)"), ("time_zone", "Mars/Olympus"), ("description_en", "Typed *text*.")]);
        let response = staff.post("/admin/events/new", &bad).await;
        assert_eq!(response.status(), 422);
        let page = html(response).await;
        assert!(!text(&page, "#event-errors").is_empty());
        assert_eq!(text(&page, "#event-title-fr-error"), "Saisissez le titre.");
        assert_eq!(text(&page, "#event-end-date-error"), "La fin doit venir après le début.");
        assert_eq!(text(&page, "#event-venue-country-error"), "Choisissez un État membre ou observateur du Conseil de l’Europe.");
        assert_eq!(text(&page, "#event-online-url-error"), "Saisissez une adresse commençant par http:// ou https://.");
        assert_eq!(text(&page, "#event-time-zone-error"), "Choisissez un fuseau horaire dans la liste.");
        assert_eq!(attr(&page, "#event-end-date", "aria-invalid"), "true");
        assert_eq!(attr(&page, "#event-end-date", "aria-describedby"), "event-end-date-error event-end-date-hint");
        assert_eq!(attr(&page, "#event-venue-country", "aria-describedby"), "event-venue-country-error");
        assert!(attrs(&page, "#event-title-en", "aria-invalid").is_empty());
        // The typed values are kept.
        assert_eq!(attr(&page, "#event-end-time", "value"), "09:00");
        assert_eq!(attr(&page, "#event-online-url", "value"), "javascript:alert(1)");
        assert!(attrs(&page, "#event-time-zone option[selected]", "value").is_empty(), "no zone of the list chosen");
        assert!(attrs(&page, "#event-time-zone option", "value").contains(&"Europe/Vienna".to_owned()), "the zones to choose from");
        assert_eq!(attr(&page, "#event-title-en", "value"), "Forum of cities");
        assert_eq!(text(&page, "#event-description-en"), "Typed *text*.");
        assert_eq!(count(app).await, 0);

        // A start that is no date; half a venue; no place at all.
        let page = html(staff.post("/admin/events/new", &fields(&[("start_date", "2030-02-30"), ("venue_city", "")])).await).await;
        assert_eq!(text(&page, "#event-start-date-error"), "Saisissez un jour réel et, si l’événement a des horaires, une heure réelle.");
        assert_eq!(text(&page, "#event-venue-city-error"), "Indiquez le lieu, sa ville et son pays ensemble, ou aucun des trois.");
        let page = html(staff.post("/admin/events/new", &fields(&[("venue_name", ""), ("venue_city", ""), ("venue_country", "")])).await).await;
        assert_eq!(text(&page, "#event-online-url-error"), "Indiquez un lieu, un lien en ligne, ou les deux.");

        // A related signatory must exist.
        let response = staff.post("/admin/events/new", &fields(&[("signatory", "Atlantis (FR)")])).await;
        assert_eq!(response.status(), 422);
        assert_eq!(text(&html(response).await, "#event-signatory-error"), "Cet adhérent n’existe pas\u{a0}: vérifiez son nom et son pays dans la liste des adhérents.");
        let output = app.import("signatory.csv", "name,kind,country,joined_on\nStrasbourg,city,FR,2013-05-02\n");
        assert!(output.status.success(), "{}", stderr(&output));
        assert_eq!(staff.post("/admin/events/new", &fields(&[("signatory", "strasbourg (fr)")])).await.status(), 303);
        let rows: Vec<(Option<i64>,)> = app.rows("SELECT signatory_id FROM events").await;
        assert!(rows[0].0.is_some(), "the signatory is linked");
        let id = id_of(app, "forum-of-cities").await;
        let form = staff.page(&format!("/admin/events/{id}")).await;
        assert_eq!(attr(&form, "#event-signatory", "value"), "Strasbourg (FR)");
        // Saved as it was, the signatory typed otherwise: nothing changed, nothing written.
        let read = version(&form);
        let same = fields(&[("signatory", "STRASBOURG (fr)"), ("version", &read)]);
        assert_eq!(staff.post(&format!("/admin/events/{id}"), &same).await.status(), 303);
        let rows: Vec<(i32,)> = app.rows("SELECT sequence FROM events").await;
        assert_eq!(rows, [(0,)], "no change for calendar apps");
        assert_eq!(audit(app).await.len(), 1, "only the addition");

        // In the person's language.
        assert_eq!(staff.post("/admin/account/language", &[("lang", "en")]).await.status(), 303);
        let page = html(staff.post("/admin/events/new", &fields(&[("start_date", "")])).await).await;
        assert_eq!(text(&page, "#event-start-date-error"), "Enter the start day.");
        assert_eq!(attr(&page, "html", "lang"), "en");

        // A postponement checks its dates the same way.
        let path = format!("/admin/events/{id}/postpone");
        let form = staff.page(&path).await;
        let response = staff.post(&path, &[("start_date", "2031-01-15"), ("end_date", "2031-01-14"), ("version", &version(&form))]).await;
        assert_eq!(response.status(), 422);
        let page = html(response).await;
        assert_eq!(text(&page, "#event-end-date-error"), "The end must come after the start.");
        assert_eq!(attr(&page, "#event-end-date", "value"), "2031-01-14");
        let rows: Vec<(String,)> = app.rows("SELECT status FROM events").await;
        assert_eq!(rows, [("scheduled".to_owned(),)], "nothing written");
    }

    async fn the_preview_renders_the_descriptions_and_writes_nothing(app.clock(TODAY)) {
        let staff = app.staff("eddie@example.org", "editor").await;
        let typed = fields(&[("description_fr", "# Programme\n\nUn **forum**.<script>alert(1)</script>"), ("end_time", "99:99"), ("preview", "1")]);
        let response = staff.post("/admin/events/new", &typed).await;
        assert_eq!(response.status(), 200);
        let page = html(response).await;
        assert_eq!(text(&page, "#event-preview-fr h2"), "Programme");
        assert_eq!(text(&page, "#event-preview-fr strong"), "forum");
        assert!(texts(&page, "#event-preview script").is_empty(), "no script");
        assert_eq!(text(&page, "#event-preview-en strong"), "forum");
        assert_eq!(attr(&page, "#event-preview-fr", "lang"), "fr");
        // Everything typed is kept, nothing is checked or written.
        assert_eq!(text(&page, "#event-description-fr"), "# Programme\n\nUn **forum**.<script>alert(1)</script>".split_ascii_whitespace().collect::<Vec<_>>().join(" "));
        assert_eq!(attr(&page, "#event-end-time", "value"), "99:99");
        assert!(texts(&page, ".field__error").is_empty());
        assert_eq!(count(app).await, 0);

        // On an event's own form, at its version.
        assert_eq!(add(&staff, &[]).await.status(), 303);
        let id = id_of(app, "forum-of-cities").await;
        let path = format!("/admin/events/{id}");
        let form = staff.page(&path).await;
        let response = staff.post(&path, &fields(&[("description_en", "*New* text"), ("version", &version(&form)), ("preview", "1")])).await;
        assert_eq!(response.status(), 200);
        let page = html(response).await;
        assert_eq!(text(&page, "#event-preview-en em"), "New");
        assert_eq!(version(&page), version(&form));
        let rows: Vec<(String,)> = app.rows("SELECT description_en FROM events").await;
        assert_eq!(rows, [("A **forum** of cities.".to_owned(),)]);
    }

    async fn a_save_over_someone_elses_change_is_refused(app.clock(TODAY)) {
        let first = app.staff("eddie@example.org", "editor").await;
        let second = app.staff("ada@example.org", "admin").await;
        assert_eq!(add(&first, &[]).await.status(), 303);
        let id = id_of(app, "forum-of-cities").await;
        let path = format!("/admin/events/{id}");
        let read = version(&first.page(&path).await);
        assert_eq!(read, version(&second.page(&path).await));
        // The first saves an online link; the second, who read the same version, a new title.
        let response = first.post(&path, &fields(&[("online_url", "https://example.org/live"), ("version", &read)])).await;
        assert_eq!(response.status(), 303);
        let response = second.post(&path, &fields(&[("title_en", "Forum of Cities"), ("version", &read)])).await;
        assert_eq!(response.status(), 409);
        let page = html(response).await;
        let conflict = text(&page, "#event-conflict");
        assert!(conflict.contains("Quelqu’un d’autre a enregistré cet événement"), "{conflict}");
        assert_eq!(texts(&page, "#event-conflict dd"), ["Forum of cities", "https://example.org/live"], "their values where they differ from what was typed");
        assert_eq!(attr(&page, "#event-title-en", "value"), "Forum of Cities", "the typed text is kept");
        let rows: Vec<(String, Option<String>)> = app.rows("SELECT title_en, online_url FROM events").await;
        assert_eq!(rows, [("Forum of cities".to_owned(), Some("https://example.org/live".to_owned()))], "nothing overwritten");
        // Saving again, knowingly, from the refused page.
        let newer = version(&page);
        assert_ne!(newer, read);
        let response = second.post(&path, &fields(&[("title_en", "Forum of Cities"), ("online_url", "https://example.org/live"), ("version", &newer)])).await;
        assert_eq!(response.status(), 303);
        let rows: Vec<(String,)> = app.rows("SELECT title_en FROM events").await;
        assert_eq!(rows, [("Forum of Cities".to_owned(),)]);
        // A postponement or a cancellation at an old version is refused too.
        let response = first.post(&format!("{path}/postpone"), &[("start_date", "2031-01-15"), ("version", &read)]).await;
        assert_eq!(response.status(), 409);
        assert!(!text(&html(response).await, "#event-conflict").is_empty());
        let response = first.post(&format!("{path}/cancel"), &[("version", &read)]).await;
        assert_eq!(response.status(), 409);
        let page = html(response).await;
        assert!(!text(&page, "#event-conflict").is_empty());
        let rows: Vec<(String, String)> = app.rows("SELECT status, start_local FROM events").await;
        assert_eq!(rows, [("scheduled".to_owned(), "2030-12-05T14:30".to_owned())], "nothing written");
        // Cancelling again from the refused page works.
        assert_eq!(first.post(&format!("{path}/cancel"), &[("version", &version(&page))]).await.status(), 303);
        // A version that is not a number is a bad request.
        assert_eq!(second.post(&path, &fields(&[("version", "x")])).await.status(), 400);
    }

    async fn a_sample_event_saved_by_staff_becomes_real(app.seeded()) {
        let staff = app.staff("eddie@example.org", "editor").await;
        let rows: Vec<(i64,)> = app.rows("SELECT id FROM events WHERE sample ORDER BY id LIMIT 1").await;
        let path = format!("/admin/events/{}", rows[0].0);
        let form = staff.page(&path).await;
        assert!(!text(&form, "#event-sample").is_empty());
        let inputs = ["title_fr", "title_en", "start_date", "start_time", "end_date", "end_time", "venue_name", "venue_city", "online_url", "registration_url", "signatory", "version"];
        let mut values: Vec<(String, String)> = inputs.iter().map(|name| (name.to_string(), attr(&form, &format!("form.admin-form input[name={name}]"), "value"))).collect();
        for select in ["status", "venue_country", "time_zone"] {
            let selected = attrs(&form, &format!("select[name={select}] option[selected]"), "value");
            values.push((select.to_owned(), selected.into_iter().next().unwrap_or_default()));
        }
        for area in ["description_fr", "description_en"] {
            values.push((area.to_owned(), text(&form, &format!("textarea[name={area}]"))));
        }
        let pairs: Vec<(&str, &str)> = values.iter().map(|(n, v)| (n.as_str(), v.as_str())).collect();
        assert_eq!(staff.post(&path, &pairs).await.status(), 303);
        let rows: Vec<(bool,)> = app.rows(&format!("SELECT sample FROM events WHERE id = {}", rows[0].0)).await;
        assert_eq!(rows, [(false,)]);
        assert!(audit(app).await.last().is_some_and(|(_, kind, summary)| kind == "event.updated" && summary.ends_with("sample → real")));
    }

    /// A carriage return typed alone, or before a line feed, is a line
    /// break like any other: saved through the form or imported by CSV, the
    /// event's feed lines all end with CRLF and hold no other CR, and the
    /// event's page shows the text on two lines.
    async fn line_breaks_of_every_kind_become_one(app.clock(TODAY)) {
        let staff = app.staff("eddie@example.org", "editor").await;
        let lone = "Avant :\n\n```\na\rb\n```";
        let pair = "Before:\r\n\r\n```\r\na\r\nb\r\n```";
        let response = add(&staff, &[("title_en", "Typed"), ("description_fr", lone), ("description_en", pair)]).await;
        assert_eq!(response.status(), 303);
        let csv = format!(
            "slug,title_fr,title_en,start,online_url,description_fr,description_en\n\
             imported,Importé,Imported,2030-12-06,https://example.org/live,\"{lone}\",\"{pair}\"\n"
        );
        let path = app.write_file("events.csv", csv.as_bytes());
        let output = app.cli(&["events", "import", crate::common::path_str(&path)]);
        assert!(output.status.success(), "{}", stderr(&output));
        let mut paths = vec!["/fr/calendrier.ics".to_owned(), "/en/calendar.ics".to_owned()];
        // The French addresses from the French titles.
        for (slug, slug_fr) in [("typed", "forum-des-villes"), ("imported", "importe")] {
            paths.push(format!("/fr/calendrier/{slug_fr}.ics"));
            paths.push(format!("/en/calendar/{slug}.ics"));
            for page in [format!("/fr/calendrier/{slug_fr}"), format!("/en/calendar/{slug}")] {
                let html = app.page(&page).await;
                let selector = scraper::Selector::parse(".event-description pre code").expect("selector");
                let code: Vec<String> = html.select(&selector).map(|code| code.text().collect()).collect();
                assert_eq!(code, ["a\nb\n"], "{page}");
            }
        }
        for path in &paths {
            let body = app.get(path).await.text().await.expect("feed");
            assert!(body.ends_with("\r\n"), "{path}");
            for line in body.strip_suffix("\r\n").unwrap_or_default().split("\r\n") {
                assert!(!line.contains(['\r', '\n']), "{path}: {line:?}");
            }
        }
        for (path, uid) in [("/fr/calendrier.ics", "typed@oneinfive"), ("/en/calendar.ics", "imported@oneinfive")] {
            let events = feed(app, path).await;
            let description = &find(&events, uid).expect("in the feed")["DESCRIPTION"];
            assert!(description.contains(r"a\n\nb") || description.contains(r"a\nb"), "{path}: {description}");
        }
        // Kept as typed, with LF for every line break.
        let rows: Vec<(String, String)> = app.rows("SELECT description_fr, description_en FROM events ORDER BY slug").await;
        assert_eq!(rows.len(), 2);
        for (fr, en) in &rows {
            assert_eq!((fr.as_str(), en.as_str()), ("Avant :\n\n```\na\nb\n```", "Before:\n\n```\na\nb\n```"), "kept with LF");
        }
    }

    async fn tokens_and_unknown_ids(app.clock(TODAY)) {
        let staff = app.staff("eddie@example.org", "editor").await;
        assert_eq!(staff.post_raw("/admin/events/new", &fields(&[])).await.status(), 303);
        assert_eq!(count(app).await, 0);
        assert_eq!(add(&staff, &[]).await.status(), 303);
        let id = id_of(app, "forum-of-cities").await;
        let version = version(&staff.page(&format!("/admin/events/{id}")).await);
        let edit = fields(&[("title_en", "Changed"), ("version", &version)]);
        assert_eq!(staff.post_raw(&format!("/admin/events/{id}"), &edit).await.status(), 303);
        let postpone = [("start_date", "2031-01-15"), ("version", version.as_str())];
        assert_eq!(staff.post_raw(&format!("/admin/events/{id}/postpone"), &postpone).await.status(), 303);
        let rows: Vec<(String, String)> = app.rows("SELECT title_en, start_local FROM events").await;
        assert_eq!(rows, [("Forum of cities".to_owned(), "2030-12-05T14:30".to_owned())]);
        for path in ["/admin/events/999999", "/admin/events/abc", "/admin/events/999999/postpone", "/admin/events/999999/cancel", "/admin/events/999999/delete"] {
            assert_eq!(staff.get(path).await.status(), 404, "{path}");
        }
        assert_eq!(staff.post("/admin/events/999999", &fields(&[("version", "1")])).await.status(), 404);
        assert_eq!(staff.post("/admin/events/999999/cancel", &[("version", "1")]).await.status(), 404);
        assert_eq!(staff.post("/admin/events/999999/delete", &[]).await.status(), 404);
        assert_eq!(staff.get("/admin/events?year=soon").await.status(), 400);
        assert_eq!(app.get("/admin/events").await.status(), 303, "signed out: to the sign-in page");
        assert_eq!(count(app).await, 1);

        // A long description takes more than the 16 KiB of other forms; past
        // 20,000 characters, it is refused with its message.
        let long = "é".repeat(20_000);
        let response = add(&staff, &[("title_en", "Long"), ("description_fr", &long)]).await;
        assert_eq!(response.status(), 303);
        let longer = "é".repeat(20_001);
        let response = add(&staff, &[("title_en", "Longer"), ("description_fr", &longer)]).await;
        assert_eq!(response.status(), 422);
        assert_eq!(text(&html(response).await, "#event-description-fr-error"), "La description est trop longue\u{a0}: 20\u{202f}000 caractères au plus.");
        assert_eq!(count(app).await, 2);
        assert_eq!(staff.post(&format!("/admin/events/{id}/postpone"), &[("start_date", &long)]).await.status(), 413, "only the form takes a large body");
    }
}
