//! The newsletter's pages in the back office, over HTTP on both backends:
//! an issue written on the edit flow (every bad input with its status and
//! nothing stored, 409 and 404), read-only once its sending has begun;
//! its preview, the HTML part served alone for a frame; a test mailed to
//! one address (a bad one: 422; past 20 an hour: 429); sending only by an
//! admin who typed the number of recipients; scheduling, pausing and
//! resuming. Subscribers are written straight into the database, and mail
//! read from the memory outbox.

use std::time::Duration;

use oneinfive::store::{Actor, IssueStatus, StartOutcome};
use scraper::Html;
use time::macros::datetime;

use crate::common::{PATIENCE, TestApp, attr, attrs, both_backends, settle, staff::Staff, texts};

async fn html(response: reqwest::Response) -> Html {
    Html::parse_document(&response.text().await.expect("body"))
}

/// A subscriber written straight into the database, confirmed or pending.
async fn subscriber(app: &TestApp, email: &str, lang: &str, status: &str) {
    let confirmed = if status == "confirmed" { "'2026-11-02T10:00:00Z'" } else { "NULL" };
    app.execute(&format!(
        "INSERT INTO subscribers (email, lang, status, confirm_token_hash, confirm_expires_at, unsubscribe_token_hash, \
         consent_at, consent_version, created_at, confirmed_at) VALUES ('{email}', '{lang}', '{status}', \
         'confirm-{email}', '2026-12-01T10:00:00Z', 'unsub-{email}', '2026-11-01T10:00:00Z', 'v1', \
         '2026-11-01T10:00:00Z', {confirmed})"
    ))
    .await;
}

/// The form of an issue in both languages, with `changes`.
fn fields<'a>(changes: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let mut form = vec![
        ("subject_fr", "Lettre n° 1"),
        ("body_fr", "Bonjour,\n\nvoici la **lettre**."),
        ("subject_en", "Letter No. 1"),
        ("body_en", "Hello,\n\nhere is the **letter**."),
    ];
    for &(name, value) in changes {
        match form.iter_mut().find(|(field, _)| *field == name) {
            Some(field) => field.1 = value,
            None => form.push((name, value)),
        }
    }
    form
}

/// Writes an issue through the form; its id.
async fn compose(staff: &Staff<'_>, changes: &[(&str, &str)]) -> i64 {
    let response = staff.post("/admin/newsletter/new", &fields(changes)).await;
    assert_eq!(response.status(), 303, "the issue is saved");
    let location = response.headers()["location"].to_str().expect("location").to_owned();
    let id = location.trim_start_matches("/admin/newsletter/").trim_end_matches("?done=added");
    id.parse().unwrap_or_else(|_| panic!("an issue's address: {location}"))
}

async fn count_issues(app: &TestApp) -> i64 {
    app.rows::<(i64,)>("SELECT count(*) FROM newsletter_issues").await[0].0
}

/// The outbox's rows of issues, and of the site's own mails.
async fn outbox(app: &TestApp) -> (i64, i64) {
    let issue: Vec<(i64,)> = app.rows("SELECT count(*) FROM mail_outbox WHERE issue_id IS NOT NULL").await;
    let site: Vec<(i64,)> = app.rows("SELECT count(*) FROM mail_outbox WHERE issue_id IS NULL").await;
    (issue[0].0, site[0].0)
}

async fn stored(app: &TestApp, id: i64) -> oneinfive::store::NewsletterIssue {
    app.store.newsletter_issue(id).await.expect("read").expect("the issue")
}

/// The issue's version, as its page's form carries it.
async fn version(staff: &Staff<'_>, id: i64) -> String {
    attr(&staff.page(&format!("/admin/newsletter/{id}")).await, "#issue-form input[name=version]", "value")
}

fn subject_of(raw: &[u8]) -> String {
    mail_parser::MessageParser::default().parse(raw).expect("a mail").subject().unwrap_or_default().to_owned()
}

both_backends! {
    async fn an_editor_writes_an_issue_and_finds_it_in_the_list(app) {
        let editor = app.staff("editor@example.org", "editor").await;
        let list = editor.page("/admin/newsletter").await;
        assert!(attrs(&list, "nav a", "href").contains(&"/admin/newsletter".to_owned()), "the area is in the navigation");
        assert_eq!(attr(&list, "#newsletter-new", "href"), "/admin/newsletter/new");
        let form = editor.page("/admin/newsletter/new").await;
        for name in ["subject_fr", "body_fr", "subject_en", "body_en"] {
            let id = attr(&form, &format!("#issue-form [name={name}]"), "id");
            assert_eq!(texts(&form, &format!("label[for={id}]")).len(), 1, "{name} has its label");
        }
        let id = compose(&editor, &[("subject_en", ""), ("body_en", "")]).await;
        let issue = stored(app, id).await;
        assert_eq!((issue.status, issue.subject(), issue.version), (IssueStatus::Draft, "Lettre n° 1", 1));
        let page = editor.page(&format!("/admin/newsletter/{id}?done=added")).await;
        assert_eq!(texts(&page, "#issue-done").len(), 1);
        assert_eq!(attr(&page, "#issue-subject-fr", "value"), "Lettre n° 1");
        assert!(texts(&page, "#issue-send").is_empty(), "an editor does not send");
        assert_eq!(texts(&page, "#issue-editor-note").len(), 1);
        assert_eq!(attr(&page, "#test-email", "value"), "editor@example.org", "the test goes to oneself");

        // Newest first.
        let second = compose(&editor, &[("subject_fr", "Lettre n° 2")]).await;
        let list = editor.page("/admin/newsletter").await;
        assert_eq!(texts(&list, "#newsletter-issues tbody td:first-child a"), ["Lettre n° 2", "Lettre n° 1"]);
        assert_eq!(attrs(&list, "#newsletter-issues tbody a", "href"), [format!("/admin/newsletter/{second}"), format!("/admin/newsletter/{id}")]);

        // A draft is deleted through its confirmation.
        let confirm = editor.page(&format!("/admin/newsletter/{second}/delete")).await;
        assert_eq!(attr(&confirm, "#issue-delete-form", "action"), format!("/admin/newsletter/{second}/delete"));
        let deleted = editor.post(&format!("/admin/newsletter/{second}/delete"), &[]).await;
        assert_eq!(deleted.status(), 303);
        assert_eq!(count_issues(app).await, 1);
        let kinds: Vec<(String,)> = app.rows("SELECT kind FROM audit_log WHERE kind LIKE 'newsletter.%' ORDER BY id").await;
        let kinds: Vec<&str> = kinds.iter().map(|(kind,)| kind.as_str()).collect();
        assert_eq!(kinds, ["newsletter.issue_added", "newsletter.issue_added", "newsletter.issue_deleted"]);
    }

    async fn every_bad_issue_is_refused_with_its_message_and_nothing_stored(app) {
        let editor = app.staff("editor@example.org", "editor").await;
        // An empty issue.
        let empty = editor.post("/admin/newsletter/new", &fields(&[("subject_fr", " "), ("body_fr", ""), ("subject_en", ""), ("body_en", "")])).await;
        assert_eq!(empty.status(), 422);
        let page = html(empty).await;
        assert_eq!(texts(&page, "#issue-errors").len(), 1, "the issue's message is said");
        // A subject over 200 characters, and half a language: every message at once, the typed values kept.
        let long = "é".repeat(201);
        let bad = editor.post("/admin/newsletter/new", &fields(&[("subject_fr", &long), ("body_en", "")])).await;
        assert_eq!(bad.status(), 422);
        let page = html(bad).await;
        assert_eq!(texts(&page, "#issue-subject-fr-error").len(), 1);
        assert_eq!(texts(&page, "#issue-body-en-error").len(), 1);
        assert_eq!(attr(&page, "#issue-subject-fr", "aria-invalid"), "true");
        assert_eq!(attr(&page, "#issue-subject-fr", "value"), long);
        assert_eq!(texts(&page, "#issue-subject-en").len(), 1);
        assert_eq!(attr(&page, "#issue-subject-en", "value"), "Letter No. 1");
        assert_eq!(count_issues(app).await, 0);
        assert_eq!(outbox(app).await, (0, 0), "nothing sent");
    }

    async fn a_stale_form_is_a_conflict_and_an_unknown_issue_is_not_found(app) {
        let editor = app.staff("editor@example.org", "editor").await;
        let id = compose(&editor, &[]).await;
        let read = version(&editor, id).await;
        let path = format!("/admin/newsletter/{id}");
        let mut first = fields(&[("subject_fr", "Lettre de décembre")]);
        first.push(("version", &read));
        assert_eq!(editor.post(&path, &first).await.status(), 303);
        let mut second = fields(&[("subject_en", "December letter")]);
        second.push(("version", &read));
        let conflict = editor.post(&path, &second).await;
        assert_eq!(conflict.status(), 409);
        let page = html(conflict).await;
        assert!(texts(&page, "#issue-conflict dd").iter().any(|value| value == "Lettre de décembre"), "their value is shown");
        assert_eq!(attr(&page, "#issue-subject-en", "value"), "December letter", "the typed value is kept");
        assert_eq!(attr(&page, "#issue-form input[name=version]", "value"), "2");
        assert_eq!(stored(app, id).await.texts.columns(oneinfive::text::i18n::Lang::En).0, "Letter No. 1");
        for missing in ["/admin/newsletter/999", "/admin/newsletter/0", "/admin/newsletter/x"] {
            assert_eq!(editor.get(missing).await.status(), 404, "{missing}");
        }
        let mut unknown = fields(&[]);
        unknown.push(("version", "1"));
        assert_eq!(editor.post("/admin/newsletter/999", &unknown).await.status(), 404);
        assert_eq!(editor.get("/admin/newsletter/999/preview/fr").await.status(), 404);
        assert_eq!(editor.get(&format!("/admin/newsletter/{id}/preview/de")).await.status(), 404);
    }

    async fn the_preview_shows_each_language_and_its_html_is_served_alone(app) {
        let editor = app.staff("editor@example.org", "editor").await;
        let id = compose(&editor, &[("subject_en", ""), ("body_en", "")]).await;
        let mut typed = fields(&[("subject_en", ""), ("body_en", ""), ("preview", "1")]);
        let read = version(&editor, id).await;
        typed.push(("version", &read));
        let preview = editor.post(&format!("/admin/newsletter/{id}"), &typed).await;
        assert_eq!(preview.status(), 200);
        let page = html(preview).await;
        assert_eq!(texts(&page, ".mail-preview__subject"), ["Lettre n° 1", "Lettre n° 1"]);
        let text_parts = texts(&page, ".mail-preview__text");
        assert_eq!(text_parts.len(), 2);
        assert!(text_parts[0].contains("voici la lettre") || text_parts[0].contains("voici la **lettre**"), "{}", text_parts[0]);
        // English readers are told the issue is in French only.
        assert!(!text_parts[1].starts_with("Lettre n° 1"), "a line first: {}", text_parts[1]);
        assert!(!text_parts[1].contains("/unsub-"), "no subscriber's link");
        let frames = attrs(&page, "iframe.mail-preview__frame", "src");
        assert_eq!(frames, [format!("/admin/newsletter/{id}/preview/fr"), format!("/admin/newsletter/{id}/preview/en")]);
        assert_eq!(attrs(&page, "iframe.mail-preview__frame", "title").len(), 2);
        assert_eq!(stored(app, id).await.version, 1, "a preview writes nothing");

        let part = editor.get(&frames[1]).await;
        assert_eq!(part.status(), 200);
        let policy = part.headers()["content-security-policy"].to_str().expect("policy").to_owned();
        assert!(policy.contains("style-src 'unsafe-inline'") && policy.contains("sandbox") && policy.contains("frame-ancestors 'self'"), "{policy}");
        assert!(!policy.contains("script-src"), "{policy}");
        assert_eq!(part.headers()["x-frame-options"], "SAMEORIGIN");
        let document = html(part).await;
        assert_eq!(attr(&document, "html", "lang"), "en");
        assert!(!attrs(&document, "[style]", "style").is_empty(), "styled inline");
        let unsubscribe = attrs(&document, "a", "href").into_iter().find(|href| href.contains("/unsubscribe/")).expect("an unsubscribe link");
        assert!(unsubscribe.ends_with(&"0".repeat(64)), "{unsubscribe}");
        // Anyone else gets no part, and the site's pages keep their own policy.
        assert_ne!(app.get(&frames[0]).await.status(), 200);
        let own = editor.get(&format!("/admin/newsletter/{id}")).await;
        assert!(own.headers()["content-security-policy"].to_str().expect("policy").contains("frame-ancestors 'none'"));

        // What was typed and not saved is previewed as typed.
        let mut changed = fields(&[("subject_fr", "Lettre modifiée"), ("preview", "1")]);
        changed.push(("version", &read));
        let page = html(editor.post(&format!("/admin/newsletter/{id}"), &changed).await).await;
        assert_eq!(texts(&page, ".mail-preview__subject"), ["Lettre modifiée", "Letter No. 1"]);
        assert!(attrs(&page, "iframe", "src").is_empty(), "not the stored mail");
        assert_eq!(texts(&page, ".mail-preview__body").len(), 2);
    }

    async fn a_test_goes_to_one_address_only_and_is_bounded(app) {
        subscriber(app, "anne@example.org", "fr", "confirmed").await;
        let editor = app.staff("editor@example.org", "editor").await;
        let id = compose(&editor, &[]).await;
        let path = format!("/admin/newsletter/{id}/test");
        let bad = editor.post(&path, &[("email", "not an address"), ("lang", "en")]).await;
        assert_eq!(bad.status(), 422);
        let page = html(bad).await;
        assert_eq!(texts(&page, "#test-email-error").len(), 1);
        assert_eq!(attr(&page, "#test-email", "value"), "not an address");
        assert_eq!(outbox(app).await, (0, 0), "nothing sent");

        let sent = editor.post(&path, &[("email", "tester@example.org"), ("lang", "en")]).await;
        assert_eq!(sent.status(), 303);
        let mails = app.mail.wait_for(1, PATIENCE).await.expect("the test");
        assert_eq!(mails.len(), 1);
        assert_eq!(mails[0].recipient, "tester@example.org");
        assert_eq!(subject_of(&mails[0].message), "[Test] Letter No. 1");
        assert_eq!(outbox(app).await, (0, 1), "a site mail, not an issue's row");
        assert_eq!(stored(app, id).await.status, IssueStatus::Draft);

        for _ in 1..20 {
            assert_eq!(editor.post(&path, &[("email", "tester@example.org"), ("lang", "fr")]).await.status(), 303);
        }
        let too_many = editor.post(&path, &[("email", "tester@example.org"), ("lang", "fr")]).await;
        assert_eq!(too_many.status(), 429);
        assert_eq!(texts(&html(too_many).await, "#test-email-error").len(), 1, "said beside the form");
        assert_eq!(outbox(app).await, (0, 20));
        let mails = app.mail.wait_for(20, PATIENCE).await.expect("the tests");
        assert!(mails.iter().all(|mail| mail.recipient == "tester@example.org"), "no subscriber got a test");
        assert!(subject_of(&mails[19].message).starts_with("[Test] Lettre"));
    }

    async fn only_an_admin_who_types_the_count_sends_and_only_once(app) {
        subscriber(app, "anne@example.org", "fr", "confirmed").await;
        subscriber(app, "bob@example.org", "en", "confirmed").await;
        subscriber(app, "carla@example.org", "en", "pending").await;
        let editor = app.staff("editor@example.org", "editor").await;
        let id = compose(&editor, &[]).await;
        let path = format!("/admin/newsletter/{id}/send");
        assert_eq!(editor.get(&path).await.status(), 403);
        let refused = editor.post(&path, &[("version", "1"), ("count", "2")]).await;
        assert_eq!(refused.status(), 403);
        assert_eq!(texts(&html(refused).await, "main h1").len(), 1, "the gate's page");

        let admin = app.staff("admin@example.org", "admin").await;
        let page = admin.page(&path).await;
        assert_eq!(texts(&page, "#issue-send-recipients dd")[1..], ["1", "1", "2"]);
        assert_eq!(texts(&page, "label[for=send-count]").len(), 1);
        for count in ["", "3"] {
            let wrong = admin.post(&path, &[("version", "1"), ("count", count)]).await;
            assert_eq!(wrong.status(), 422, "count {count:?}");
            assert_eq!(texts(&html(wrong).await, "#send-count-error").len(), 1);
        }
        assert_eq!(outbox(app).await, (0, 0), "nothing sent");
        // Edited since the page was read.
        let stale = admin.post(&path, &[("version", "0"), ("count", "2")]).await;
        assert_eq!(stale.status(), 409);
        assert_eq!(outbox(app).await, (0, 0), "nothing sent");

        let started = admin.post(&path, &[("version", "1"), ("count", "2")]).await;
        assert_eq!(started.status(), 303);
        assert_eq!(started.headers()["location"], format!("/admin/newsletter/{id}?done=started").as_str());
        let mails = app.mail.wait_for(2, PATIENCE).await.expect("the issue");
        let mut recipients: Vec<&str> = mails.iter().map(|mail| mail.recipient.as_str()).collect();
        recipients.sort_unstable();
        assert_eq!(recipients, ["anne@example.org", "bob@example.org"]);
        let again = admin.post(&path, &[("version", "2"), ("count", "2")]).await;
        assert_eq!(again.status(), 409);
        assert_eq!(texts(&html(again).await, "#issue-send-started").len(), 1);
        tokio::time::sleep(Duration::from_millis(300)).await;
        assert_eq!(app.mail.sent().len(), 2, "sent once");
        assert_eq!(outbox(app).await.0, 2);

        // Read-only now, with its progress; an edit is refused and changes nothing.
        let issue_path = format!("/admin/newsletter/{id}");
        let page = admin.page(&issue_path).await;
        assert!(texts(&page, "#issue-form").is_empty(), "no form");
        assert_eq!(texts(&page, "#issue-progress tbody tr").len(), 3);
        let mut edit = fields(&[("subject_fr", "Trop tard")]);
        let current = stored(app, id).await.version.to_string();
        edit.push(("version", &current));
        let locked = admin.post(&issue_path, &edit).await;
        assert_eq!(locked.status(), 409);
        assert_eq!(texts(&html(locked).await, "#newsletter-locked").len(), 1);
        assert_eq!(stored(app, id).await.subject(), "Lettre n° 1");
        assert_eq!(admin.get(&format!("/admin/newsletter/{id}/delete")).await.status(), 409, "no deletion offered");
        let kept = admin.post(&format!("/admin/newsletter/{id}/delete"), &[]).await;
        assert_eq!(kept.status(), 409);
        assert_eq!(texts(&html(kept).await, "#issue-refused").len(), 1, "said why");
        assert_eq!(count_issues(app).await, 1, "a sent issue is kept");
    }

    async fn with_nobody_to_send_to_nothing_is_started(app) {
        let admin = app.staff("admin@example.org", "admin").await;
        let id = compose(&admin, &[]).await;
        let path = format!("/admin/newsletter/{id}/send");
        let page = admin.page(&path).await;
        assert_eq!(texts(&page, "#issue-send-nobody").len(), 1);
        assert!(texts(&page, "#issue-send-form").is_empty());
        let refused = admin.post(&path, &[("version", "1"), ("count", "0")]).await;
        assert_eq!(refused.status(), 422);
        assert_eq!(stored(app, id).await.status, IssueStatus::Draft);
    }

    async fn an_issue_is_scheduled_in_the_secretariats_zone_and_unscheduled(app.time_zone("Europe/Paris")) {
        let admin = app.staff("admin@example.org", "admin").await;
        let id = compose(&admin, &[]).await;
        let page = admin.page(&format!("/admin/newsletter/{id}")).await;
        assert!(texts(&page, "#schedule-date-hint")[0].contains("Europe/Paris"), "the zone is said");
        let path = format!("/admin/newsletter/{id}/schedule");
        // The site's clock says 2026-11-25 12:00 UTC: 13:00 in Paris.
        for (date, time) in [("2026-11-25", "12:30"), ("", "10:00"), ("2026-13-01", "10:00")] {
            let refused = admin.post(&path, &[("version", "1"), ("date", date), ("time", time)]).await;
            assert_eq!(refused.status(), 422, "{date} {time}");
            let page = html(refused).await;
            assert_eq!(texts(&page, "#schedule-date-error").len(), 1);
            assert_eq!(attr(&page, "#schedule-time", "value"), time, "kept as typed");
        }
        assert_eq!(stored(app, id).await.status, IssueStatus::Draft);
        let scheduled = admin.post(&path, &[("version", "1"), ("date", "2026-11-26"), ("time", "10:00")]).await;
        assert_eq!(scheduled.status(), 303);
        let issue = stored(app, id).await;
        assert_eq!((issue.status, issue.scheduled_at), (IssueStatus::Scheduled, Some(datetime!(2026-11-26 09:00 UTC))));
        // Edited, it stays scheduled.
        let mut edit = fields(&[("subject_en", "Letter No. 1, revised")]);
        edit.push(("version", "2"));
        assert_eq!(admin.post(&format!("/admin/newsletter/{id}"), &edit).await.status(), 303);
        assert_eq!(stored(app, id).await.status, IssueStatus::Scheduled);
        let page = admin.page(&format!("/admin/newsletter/{id}")).await;
        assert_eq!(attrs(&page, "#issue-unschedule-form", "action"), [format!("/admin/newsletter/{id}/unschedule")]);
        let unscheduled = admin.post(&format!("/admin/newsletter/{id}/unschedule"), &[("version", "3")]).await;
        assert_eq!(unscheduled.status(), 303);
        let issue = stored(app, id).await;
        assert_eq!((issue.status, issue.scheduled_at), (IssueStatus::Draft, None));
        // An editor neither schedules nor unschedules.
        let editor = app.staff("editor@example.org", "editor").await;
        assert_eq!(editor.post(&path, &[("version", "4"), ("date", "2026-11-26"), ("time", "10:00")]).await.status(), 403);
    }

    async fn a_sending_is_paused_and_resumed_from_its_page(app) {
        subscriber(app, "anne@example.org", "fr", "confirmed").await;
        subscriber(app, "bob@example.org", "en", "confirmed").await;
        let admin = app.staff("admin@example.org", "admin").await;
        let id = compose(&admin, &[]).await;
        // Started with its mails due ten minutes ahead, so that the page pauses it first.
        let ahead = app.clock.now() + time::Duration::minutes(10);
        let started = app.store.start_sending(id, 1, &Actor::Staff("admin@example.org".into()), ahead).await.expect("start");
        assert!(matches!(started, StartOutcome::Started { fr: 1, en: 1 }), "{started:?}");
        let page = admin.page(&format!("/admin/newsletter/{id}")).await;
        assert!(texts(&page, "#issue-resume-form").is_empty());
        assert_eq!(admin.post(&format!("/admin/newsletter/{id}/resume"), &[]).await.status(), 409, "not paused");
        let paused = admin.post(&format!("/admin/newsletter/{id}/pause"), &[]).await;
        assert_eq!(paused.status(), 303);
        assert_eq!(stored(app, id).await.status, IssueStatus::Paused);
        app.clock.advance(time::Duration::minutes(11));
        tokio::time::sleep(Duration::from_millis(600)).await;
        assert!(app.mail.sent().is_empty(), "a paused issue sends nothing");
        let page = admin.page(&format!("/admin/newsletter/{id}")).await;
        assert_eq!(texts(&page, "#issue-progress tbody tr:last-child td"), ["2", "0", "0", "2"]);
        let editor = app.staff("editor@example.org", "editor").await;
        assert_eq!(editor.post(&format!("/admin/newsletter/{id}/resume"), &[]).await.status(), 403);
        let resumed = admin.post(&format!("/admin/newsletter/{id}/resume"), &[]).await;
        assert_eq!(resumed.status(), 303);
        assert_eq!(app.mail.wait_for(2, PATIENCE).await.expect("the issue").len(), 2);
        let status = settle(PATIENCE, || async { stored(app, id).await.status }, |status| *status == IssueStatus::Sent).await;
        assert_eq!(status, IssueStatus::Sent);
        let list = admin.page("/admin/newsletter").await;
        assert_eq!(texts(&list, "#newsletter-suppressed dd"), ["0", "0", "0"]);
        assert_eq!(texts(&list, "#newsletter-issues .issue-progress").len(), 1);
        assert_eq!(admin.post(&format!("/admin/newsletter/{id}/pause"), &[]).await.status(), 409, "sent: nothing to pause");
    }

    async fn an_issue_typed_with_a_stale_token_comes_back_as_typed(app) {
        let editor = app.staff("editor@example.org", "editor").await;
        let id = compose(&editor, &[]).await;
        let path = format!("/admin/newsletter/{id}");
        let read = version(&editor, id).await;
        // Sent with a token of another session, as after signing in again in another tab.
        let stale = "0".repeat(64);
        let mut typed = vec![("csrf", stale.as_str()), ("version", read.as_str())];
        typed.extend(fields(&[("subject_fr", "Lettre retapée")]));
        let response = app
            .client
            .post(app.url(&path))
            .header("cookie", &editor.cookie)
            .header("referer", app.url(&path))
            .form(&typed)
            .send()
            .await
            .expect("POST");
        assert_eq!(response.status(), 303);
        assert_eq!(response.headers()["location"], path.as_str());
        let draft = response
            .headers()
            .get_all("set-cookie")
            .iter()
            .filter_map(|value| value.to_str().ok())
            .map(|value| value.split(';').next().unwrap_or_default().to_owned())
            .find(|pair| pair.starts_with("oneinfive-draft=") && pair.len() > "oneinfive-draft=".len())
            .expect("the draft is kept");
        assert_eq!(stored(app, id).await.subject(), "Lettre n° 1", "nothing saved");
        let back = app.client.get(app.url(&path)).header("cookie", format!("{}; {draft}", editor.cookie)).send().await.expect("GET");
        let page = html(back).await;
        assert_eq!(texts(&page, "#form-restored").len(), 1, "the page says so");
        assert_eq!(attr(&page, "#issue-subject-fr", "value"), "Lettre retapée");
        assert_eq!(attr(&page, "#issue-form input[name=version]", "value"), read);
    }
}
