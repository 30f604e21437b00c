//! The newsletter's archive, on both backends: the issues whose sending has
//! begun, latest first, each in the page's language or the one it has;
//! each issue's page; a draft or a bad id not found; the sitemap and the
//! newsletter page lead there, and so does each mail's "read it on the
//! site" link; an issue's recipients' rows erased 90 days after its
//! sending, its counts kept; soft bounces forgotten after 30 days.

use oneinfive::store::{
    Actor, EmailAddress, IssueFields, IssueProgress, IssueStatus, IssueTexts, LangProgress, StartOutcome,
};
use time::Duration;

use crate::common::{PATIENCE, TestApp, both_backends, html::attrs, html::text, html::texts, settle};

const ADMIN: &str = "admin@example.org";

/// A draft of these texts (either language may be empty); its id.
async fn draft(app: &TestApp, fields: IssueFields<'_>) -> i64 {
    let texts = IssueTexts::parse(&fields).expect("texts");
    app.store.add_newsletter_issue(&texts, &Actor::Staff(ADMIN.into()), app.clock.now()).await.expect("add")
}

/// Starts sending a draft, as an admin would.
async fn start(app: &TestApp, id: i64) {
    let issue = app.store.newsletter_issue(id).await.expect("read").expect("the issue");
    let started = app.store.start_sending(id, issue.version, &Actor::Staff(ADMIN.into()), app.clock.now()).await;
    assert!(matches!(started.expect("start"), StartOutcome::Started { .. }));
}

const BOTH: IssueFields<'static> = IssueFields {
    subject_fr: "La lettre de mars",
    body_fr: "Bonjour,\n\nvoici la *lettre*.",
    subject_en: "The March letter",
    body_en: "Hello,\n\nhere is the *letter*.",
};

const FRENCH_ONLY: IssueFields<'static> =
    IssueFields {
        subject_fr: "La lettre d’avril", body_fr: "Seulement en *français*.", subject_en: "", body_en: ""
    };

const DRAFT: IssueFields<'static> =
    IssueFields { subject_fr: "Brouillon", body_fr: "Pas encore.", subject_en: "Draft", body_en: "Not yet." };

/// A subscriber written straight into the database.
async fn subscriber(app: &TestApp, email: &str, lang: &str) {
    app.execute(&format!(
        "INSERT INTO subscribers (email, lang, status, confirm_token_hash, confirm_expires_at, unsubscribe_token_hash, \
         consent_at, consent_version, created_at, confirmed_at) VALUES ('{email}', '{lang}', 'confirmed', \
         'confirm-{email}', '2026-12-01T10:00:00Z', 'unsub-{email}', '2026-11-01T10:00:00Z', 'v1', \
         '2026-11-01T10:00:00Z', '2026-11-02T10:00:00Z')"
    ))
    .await;
}

/// Waits until the issue is recorded as sent.
async fn sent(app: &TestApp, id: i64) {
    let read = || async { app.store.newsletter_issue(id).await.expect("read").expect("the issue").status };
    assert_eq!(settle(PATIENCE, read, |status| *status == IssueStatus::Sent).await, IssueStatus::Sent);
}

/// How many rows of the outbox an issue has.
async fn outbox_rows(app: &TestApp, id: i64) -> i64 {
    app.rows::<(i64,)>(&format!("SELECT count(*) FROM mail_outbox WHERE issue_id = {id}")).await[0].0
}

/// The site's path of one of its absolute addresses (`--base-url` is
/// `http://site.test` in the tests).
fn path_of(url: &str) -> &str {
    url.strip_prefix("http://site.test").unwrap_or_else(|| panic!("not the site's: {url}"))
}

both_backends! {
    async fn the_archive_lists_the_issues_sent_latest_first_in_the_pages_language(app) {
        let empty = app.page("/fr/lettre-d-information/archives").await;
        assert_eq!(text(&empty, "h1"), "Archives de la lettre d’information");
        assert_eq!(text(&empty, ".notice"), "Aucun numéro de la lettre d’information n’a encore été envoyé.");
        assert!(texts(&empty, ".news-list__title").is_empty());
        let march = draft(app, BOTH).await;
        let april = draft(app, FRENCH_ONLY).await;
        draft(app, DRAFT).await;
        let scheduled = draft(app, DRAFT).await;
        let version = app.store.newsletter_issue(scheduled).await.expect("read").expect("issue").version;
        let at = app.clock.now() + Duration::days(90);
        app.store.schedule_newsletter_issue(scheduled, version, Some(at), &Actor::Staff(ADMIN.into()), app.clock.now())
            .await
            .expect("schedule");
        start(app, march).await;
        app.clock.advance(Duration::days(31) + Duration::hours(2));
        start(app, april).await;

        // Only the issues being sent or sent, the latest first; the page
        // cache kept the empty page, and the start made it draw anew.
        let french = app.page("/fr/lettre-d-information/archives").await;
        assert_eq!(texts(&french, ".news-list__title"), ["La lettre d’avril", "La lettre de mars"]);
        assert_eq!(
            attrs(&french, ".news-list__title a", "href"),
            [format!("/fr/lettre-d-information/archives/{april}"), format!("/fr/lettre-d-information/archives/{march}")]
        );
        // Dated in the secretariat's time zone (Europe/Paris by default).
        assert_eq!(texts(&french, ".news-list__date"), ["Envoyé le 26 décembre 2026", "Envoyé le 25 novembre 2026"]);
        assert!(texts(&french, ".notice").is_empty());
        // In English, the French-only issue under its French subject, marked so.
        let english = app.page("/en/newsletter/archive").await;
        assert_eq!(texts(&english, ".news-list__title"), ["La lettre d’avril", "The March letter"]);
        assert_eq!(attrs(&english, ".news-list__title a[lang]", "lang"), ["fr"]);
        assert_eq!(texts(&english, ".news-list__date"), ["Sent on 26 December 2026", "Sent on 25 November 2026"]);
        assert_eq!(
            attrs(&english, "link[rel=alternate][hreflang]", "href"),
            [
                "http://site.test/fr/lettre-d-information/archives",
                "http://site.test/en/newsletter/archive",
                "http://site.test/fr/lettre-d-information/archives",
            ]
        );
        // A page past the last is not found; a page that is no number, a bad request.
        assert_eq!(app.get("/en/newsletter/archive?page=2").await.status(), 404);
        assert_eq!(app.get("/en/newsletter/archive?page=x").await.status(), 400);
    }

    async fn an_issue_has_its_page_with_a_line_when_it_is_in_the_other_language(app) {
        let march = draft(app, BOTH).await;
        let april = draft(app, FRENCH_ONLY).await;
        start(app, march).await;
        start(app, april).await;

        let french = app.page(&format!("/fr/lettre-d-information/archives/{march}")).await;
        assert_eq!(text(&french, "h1"), "La lettre de mars");
        assert_eq!(text(&french, ".news-item__body em"), "lettre");
        assert_eq!(text(&french, ".news-item__date"), "Envoyé le 25 novembre 2026");
        assert!(texts(&french, "#issue-language").is_empty());
        assert!(attrs(&french, "article[lang]", "lang").is_empty());
        assert_eq!(attrs(&french, ".breadcrumb a", "href"), ["/fr/lettre-d-information/archives"]);
        assert_eq!(
            attrs(&french, "link[rel=alternate][hreflang]", "hreflang"),
            ["fr", "en", "x-default"]
        );
        assert_eq!(
            attrs(&french, "link[rel=alternate][hreflang=en]", "href"),
            [format!("http://site.test/en/newsletter/archive/{march}")]
        );
        let english = app.page(&format!("/en/newsletter/archive/{march}")).await;
        assert_eq!(text(&english, "h1"), "The March letter");
        assert_eq!(text(&english, ".news-item__body em"), "letter");

        // Written in French only: the English page gives the French text,
        // marked as French, under a line that says so in English.
        let fallback = app.page(&format!("/en/newsletter/archive/{april}")).await;
        assert_eq!(text(&fallback, "#issue-language"), "This issue was written in French only.");
        assert_eq!(attrs(&fallback, "#issue-language", "lang"), ["en"]);
        assert_eq!(attrs(&fallback, "article", "lang"), ["fr"]);
        assert_eq!(text(&fallback, "article h1"), "La lettre d’avril");
        assert_eq!(text(&fallback, ".news-item__body em"), "français");
        let french_only = app.page(&format!("/fr/lettre-d-information/archives/{april}")).await;
        assert!(texts(&french_only, "#issue-language").is_empty());
    }

    async fn a_draft_or_an_address_that_is_no_issue_is_not_found(app) {
        let draft_id = draft(app, DRAFT).await;
        let sent_id = draft(app, BOTH).await;
        start(app, sent_id).await;
        let missing = (sent_id + 100).to_string();
        let draft_id = draft_id.to_string();
        for item in [draft_id.as_str(), "0", "-1", "abc", "99999999999999999999999", missing.as_str(), "1.5"] {
            for archive in ["/fr/lettre-d-information/archives", "/en/newsletter/archive"] {
                let path = format!("{archive}/{item}");
                let response = app.get(&path).await;
                assert_eq!(response.status(), 404, "{path}");
            }
        }
        let not_found = app.get(&format!("/en/newsletter/archive/{draft_id}")).await;
        let page = scraper::Html::parse_document(&not_found.text().await.expect("body"));
        assert_eq!(attrs(&page, "html", "lang"), ["en"]);
    }

    async fn the_sitemap_and_the_newsletter_page_lead_to_the_archive(app) {
        let sent_id = draft(app, FRENCH_ONLY).await;
        let draft_id = draft(app, DRAFT).await;
        start(app, sent_id).await;
        let locs = crate::admin_events::sitemap(app).await;
        for path in [
            "/fr/lettre-d-information/archives".to_owned(),
            "/en/newsletter/archive".to_owned(),
            format!("/fr/lettre-d-information/archives/{sent_id}"),
            format!("/en/newsletter/archive/{sent_id}"),
        ] {
            assert!(locs.contains(&format!("http://site.test{path}")), "{path} not in {locs:?}");
        }
        assert!(!locs.iter().any(|loc| loc.ends_with(&format!("/archives/{draft_id}"))), "{locs:?}");
        assert!(!locs.iter().any(|loc| loc.ends_with(&format!("/archive/{draft_id}"))), "{locs:?}");
        for (page, archive) in
            [("/fr/lettre-d-information", "/fr/lettre-d-information/archives"), ("/en/newsletter", "/en/newsletter/archive")]
        {
            let html = app.page(page).await;
            assert!(attrs(&html, "main a, .page a", "href").iter().any(|href| href == archive), "{page}");
            app.page(archive).await;
        }
    }

    async fn each_mails_read_on_the_site_link_opens_its_page_in_the_readers_language(app) {
        subscriber(app, "anne@example.org", "fr").await;
        subscriber(app, "bob@example.org", "en").await;
        let id = draft(app, FRENCH_ONLY).await;
        start(app, id).await;
        let mails = app.mail.wait_for(2, PATIENCE).await.unwrap_or_else(|error| panic!("{error}"));
        for mail in mails {
            let message = mail_parser::MessageParser::default().parse(&mail.message[..]).expect("a mail");
            let html = scraper::Html::parse_document(&message.body_html(0).expect("an HTML part"));
            let link = attrs(&html, ".online a", "href");
            let expected = match mail.recipient.as_str() {
                "anne@example.org" => format!("http://site.test/fr/lettre-d-information/archives/{id}"),
                _ => format!("http://site.test/en/newsletter/archive/{id}"),
            };
            assert_eq!(link, std::slice::from_ref(&expected), "{}", mail.recipient);
            let plain = message.body_text(0).expect("a text part");
            assert!(plain.contains(&expected), "{plain}");
            let page = app.page(path_of(&expected)).await;
            assert_eq!(text(&page, "article h1"), "La lettre d’avril");
        }
    }

    async fn an_issues_recipients_are_erased_90_days_after_its_sending_and_its_counts_kept(app) {
        subscriber(app, "anne@example.org", "fr").await;
        subscriber(app, "bob@example.org", "en").await;
        subscriber(app, "carla@example.org", "en").await;
        let id = draft(app, BOTH).await;
        start(app, id).await;
        app.mail.wait_for(3, PATIENCE).await.unwrap_or_else(|error| panic!("{error}"));
        sent(app, id).await;
        let expected = IssueProgress {
            fr: LangProgress { queued: 1, sent: 1, failed: 0, left: 0 },
            en: LangProgress { queued: 2, sent: 2, failed: 0, left: 0 },
        };
        assert_eq!(app.store.issue_progress(id).await.expect("progress"), expected);
        assert_eq!(outbox_rows(app, id).await, 3);
        // A day short of 90: kept.
        app.clock.advance(Duration::days(89));
        assert_eq!(app.store.purge_issue_recipients(app.clock.now()).await.expect("purge"), 0);
        assert_eq!(outbox_rows(app, id).await, 3);
        // 90 days after: erased, by the housekeeping as by this call; the
        // counts stay, and the archive keeps the issue.
        app.clock.advance(Duration::days(1));
        app.store.purge_issue_recipients(app.clock.now()).await.expect("purge");
        assert_eq!(outbox_rows(app, id).await, 0);
        assert_eq!(app.store.issue_progress(id).await.expect("progress"), expected);
        let page = app.page(&format!("/en/newsletter/archive/{id}")).await;
        assert_eq!(text(&page, "h1"), "The March letter");
    }

    async fn soft_bounces_are_forgotten_after_30_days(app) {
        let dora = EmailAddress::parse("dora@example.org").expect("address");
        let eve = EmailAddress::parse("eve@example.org").expect("address");
        let now = app.clock.now();
        assert!(!app.store.soft_bounce(&dora, now - Duration::days(29)).await.expect("bounce"));
        assert!(!app.store.soft_bounce(&eve, now - Duration::days(28)).await.expect("bounce"));
        let count = || async { app.rows::<(i64,)>("SELECT count(*) FROM soft_bounces").await[0].0 };
        assert_eq!(count().await, 2);
        // A day later, the housekeeping (the worker's, or this call) forgets
        // what is 30 days old, whoever bounces next.
        app.clock.advance(Duration::days(1));
        app.store.forget_old_soft_bounces(app.clock.now()).await.expect("forget");
        let left: Vec<(String,)> = app.rows("SELECT email FROM soft_bounces").await;
        assert_eq!(left, [("eve@example.org".to_owned(),)]);
    }

    async fn the_sample_data_holds_one_issue_in_the_archive(app.seeded()) {
        for (archive, lang) in [("/fr/lettre-d-information/archives", "fr"), ("/en/newsletter/archive", "en")] {
            let list = app.page(archive).await;
            let hrefs = attrs(&list, ".news-list__title a", "href");
            assert_eq!(hrefs.len(), 1, "{archive}");
            let page = app.page(&hrefs[0]).await;
            let body = text(&page, ".news-item__body");
            assert!(body.contains(if lang == "fr" { "données d’exemple" } else { "sample data" }), "{body}");
        }
    }
}
