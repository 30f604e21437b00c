//! Sending an issue of the newsletter, on both backends: each confirmed
//! subscriber gets it once, in their language; pending, suppressed and
//! departed addresses get nothing; a second start sends nothing; pausing
//! holds the mails and resuming sends them; the progress counts.
//! Subscribers are written straight into the database (signing up is
//! tested in `newsletter`), and mail is read from the memory outbox.

use std::{collections::BTreeMap, time::Duration};

use oneinfive::store::{
    Actor, EmailAddress, IssueFields, IssueProgress, IssueStatus, IssueTexts, LangProgress, Saved, StartOutcome,
    SuppressionReason,
};

use crate::common::{PATIENCE, TestApp, both_backends, settle};

/// A subscriber written straight into the database: `status` is
/// `confirmed` or `pending`; their unsubscribe token's hash is
/// `unsub-{email}`.
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

/// A draft in both languages; its id and version.
async fn draft(app: &TestApp) -> (i64, i64) {
    let texts = IssueTexts::parse(&IssueFields {
        subject_fr: "Lettre n° 1",
        body_fr: "Bonjour,\n\nvoici la *lettre*.",
        subject_en: "Letter No. 1",
        body_en: "Hello,\n\nhere is the *letter*.",
    })
    .expect("texts");
    let id = app.store.add_newsletter_issue(&texts, &Actor::Staff("editor@example.org".into()), app.clock.now()).await;
    let id = id.expect("add");
    let issue = app.store.newsletter_issue(id).await.expect("read").expect("the issue");
    (id, issue.version)
}

/// A mail as a recipient sees it.
#[derive(Debug)]
struct Received {
    subject: String,
    message_id: String,
    list_unsubscribe: String,
    one_click: String,
    text: String,
}

fn received(raw: &[u8]) -> Received {
    let message = mail_parser::MessageParser::default().parse(raw).expect("a mail");
    let header = |name: &str| message.header_raw(name).map(|v| v.trim().to_owned()).unwrap_or_default();
    Received {
        subject: message.subject().unwrap_or_default().to_owned(),
        message_id: header("Message-ID"),
        list_unsubscribe: header("List-Unsubscribe"),
        one_click: header("List-Unsubscribe-Post"),
        text: message.body_text(0).map(|t| t.into_owned()).unwrap_or_default(),
    }
}

/// The mails sent once there are `n`, by recipient; each recipient once.
async fn mails_by_recipient(app: &TestApp, n: usize) -> BTreeMap<String, Received> {
    let sent = app.mail.wait_for(n, PATIENCE).await.unwrap_or_else(|error| panic!("{error}"));
    let mut by_recipient = BTreeMap::new();
    for mail in sent {
        let previous = by_recipient.insert(mail.recipient.clone(), received(&mail.message));
        assert!(previous.is_none(), "{} got two mails", mail.recipient);
    }
    by_recipient
}

async fn status(app: &TestApp, id: i64) -> IssueStatus {
    app.store.newsletter_issue(id).await.expect("read").expect("the issue").status
}

/// Waits until the issue is recorded as sent.
async fn sent(app: &TestApp, id: i64) {
    let status = settle(PATIENCE, || status(app, id), |status| *status == IssueStatus::Sent).await;
    assert_eq!(status, IssueStatus::Sent);
}

fn progress(queued: i64, sent: i64) -> LangProgress {
    LangProgress { queued, sent, failed: 0, left: 0 }
}

both_backends! {
    async fn an_issue_reaches_every_confirmed_subscriber_once_in_their_language(app) {
        subscriber(app, "anne@example.org", "fr", "confirmed").await;
        subscriber(app, "bob@example.org", "en", "confirmed").await;
        subscriber(app, "carla@example.org", "en", "confirmed").await;
        subscriber(app, "pending@example.org", "fr", "pending").await;
        subscriber(app, "bounced@example.org", "en", "confirmed").await;
        let bounced = EmailAddress::parse("bounced@example.org").expect("address");
        assert!(app.store.suppress(&bounced, SuppressionReason::Bounced, app.clock.now()).await.expect("suppress"));
        assert!(app.store.is_suppressed(&bounced).await.expect("read"));
        assert_eq!(app.store.newsletter_recipients().await.expect("count"), (1, 2));

        let (id, version) = draft(app).await;
        let admin = Actor::Staff("admin@example.org".into());
        let started = app.store.start_sending(id, version, &admin, app.clock.now()).await.expect("start");
        assert_eq!(started, StartOutcome::Started { fr: 1, en: 2 });
        // A second start, with the same version or the new one, sends nothing.
        for version in [version, version + 1] {
            let again = app.store.start_sending(id, version, &admin, app.clock.now()).await.expect("start again");
            assert!(matches!(again, StartOutcome::AlreadyStarted(IssueStatus::Sending | IssueStatus::Sent)), "{again:?}");
        }

        let mails = mails_by_recipient(app, 3).await;
        assert_eq!(
            mails.keys().map(String::as_str).collect::<Vec<_>>(),
            ["anne@example.org", "bob@example.org", "carla@example.org"]
        );
        let anne = &mails["anne@example.org"];
        assert_eq!(anne.subject, "Lettre n° 1");
        assert!(anne.text.contains("voici la lettre."), "the Markdown as plain text: {}", anne.text);
        assert!(anne.list_unsubscribe.starts_with("<http://site.test/fr/lettre-d-information/"), "{anne:?}");
        let bob = &mails["bob@example.org"];
        assert_eq!(bob.subject, "Letter No. 1");
        assert!(bob.text.contains("here is the letter."), "the Markdown as plain text: {}", bob.text);
        assert_eq!(bob.one_click, "List-Unsubscribe=One-Click");
        assert!(bob.list_unsubscribe.starts_with("<http://site.test/en/newsletter/unsubscribe/"), "{bob:?}");
        assert!(bob.message_id.starts_with(&format!("<issue-{id}-")), "{bob:?}");
        assert_ne!(bob.message_id, mails["carla@example.org"].message_id);

        sent(app, id).await;
        let progress_now = app.store.issue_progress(id).await.expect("progress");
        assert_eq!(progress_now, IssueProgress { fr: progress(1, 1), en: progress(2, 2) });
        // The command line tells the same.
        let status = crate::common::stdout(&app.cli(&["newsletter", "status"]));
        assert_eq!(
            status.lines().collect::<Vec<_>>(),
            [
                format!("#{id}\tsent\tLettre n° 1").as_str(),
                "\tfr\tqueued 1\tsent 1\tfailed 0\tleft 0",
                "\ten\tqueued 2\tsent 2\tfailed 0\tleft 0",
            ]
        );
        // Nothing more goes out.
        tokio::time::sleep(Duration::from_millis(600)).await;
        assert_eq!(app.mail.sent().len(), 3);

        // The mail's own link unsubscribes in one click (RFC 8058).
        let url = bob.list_unsubscribe.trim_matches(['<', '>']);
        let path = url.trim_start_matches("http://site.test");
        let response = app
            .client
            .post(app.url(path))
            .header("content-type", "application/x-www-form-urlencoded")
            .body("List-Unsubscribe=One-Click")
            .send()
            .await
            .expect("POST");
        assert_eq!(response.status(), 200);
        let left: Vec<(String,)> = app.rows("SELECT email FROM subscribers WHERE status = 'confirmed' ORDER BY email").await;
        let left: Vec<&str> = left.iter().map(|(email,)| email.as_str()).collect();
        assert_eq!(left, ["anne@example.org", "bounced@example.org", "carla@example.org"]);
        // A forged link unsubscribes no one.
        let forged = format!("/en/newsletter/unsubscribe/{:016x}{}", 2, "0".repeat(48));
        let response = app.client.post(app.url(&forged)).body("List-Unsubscribe=One-Click").send().await.expect("POST");
        assert_eq!(response.status(), 200);
        assert_eq!(app.rows::<(String,)>("SELECT email FROM subscribers WHERE status = 'confirmed'").await.len(), 3);
    }

    async fn pausing_holds_the_mails_and_resuming_sends_them(app) {
        subscriber(app, "anne@example.org", "fr", "confirmed").await;
        subscriber(app, "bob@example.org", "en", "confirmed").await;
        let (id, version) = draft(app).await;
        let admin = Actor::Staff("admin@example.org".into());
        assert!(!app.store.pause_sending(id, &admin, app.clock.now()).await.expect("pause a draft"));
        hold(app, id, version, &admin).await;
        let now = app.clock.now();
        tokio::time::sleep(Duration::from_millis(800)).await;
        assert!(app.mail.sent().is_empty(), "a paused issue sends nothing");
        assert_eq!(status(app, id).await, IssueStatus::Paused);
        let held = app.store.issue_progress(id).await.expect("progress");
        assert_eq!(held.fr, LangProgress { queued: 1, sent: 0, failed: 0, left: 1 });
        assert!(app.store.resume_sending(id, &admin, now).await.expect("resume"));
        assert!(!app.store.resume_sending(id, &admin, now).await.expect("resume twice"));
        assert_eq!(mails_by_recipient(app, 2).await.len(), 2);
        sent(app, id).await;
        assert_eq!(app.store.issue_progress(id).await.expect("progress"), IssueProgress { fr: progress(1, 1), en: progress(1, 1) });
        let kinds: Vec<(String,)> = app.rows("SELECT kind FROM audit_log WHERE kind LIKE 'newsletter.%' ORDER BY id").await;
        let kinds: Vec<&str> = kinds.iter().map(|(kind,)| kind.as_str()).collect();
        assert_eq!(kinds, ["newsletter.issue_added", "newsletter.sending_started", "newsletter.paused", "newsletter.resumed", "newsletter.sent"]);
    }

    async fn who_leaves_or_is_suppressed_after_the_start_gets_nothing(app) {
        for (email, lang) in [("anne@example.org", "fr"), ("bob@example.org", "en"), ("carla@example.org", "fr")] {
            subscriber(app, email, lang, "confirmed").await;
        }
        let (id, version) = draft(app).await;
        let admin = Actor::Staff("admin@example.org".into());
        hold(app, id, version, &admin).await;
        // Bob leaves; Carla's mail server refuses mail three times.
        assert!(app.store.unsubscribe("unsub-bob@example.org").await.expect("unsubscribe"));
        let carla = EmailAddress::parse("carla@example.org").expect("address");
        let now = app.clock.now();
        assert!(!app.store.soft_bounce(&carla, now - time::Duration::days(40)).await.expect("bounce"));
        assert!(!app.store.soft_bounce(&carla, now - time::Duration::days(2)).await.expect("bounce"));
        assert!(!app.store.soft_bounce(&carla, now - time::Duration::days(1)).await.expect("bounce"));
        assert!(!app.store.is_suppressed(&carla).await.expect("read"), "the first bounce is past 30 days");
        assert!(app.store.soft_bounce(&carla, now).await.expect("bounce"));
        assert!(app.store.is_suppressed(&carla).await.expect("read"));
        let counts = app.store.suppression_counts().await.expect("counts");
        assert_eq!((counts.bounced, counts.complained, counts.soft_bounces), (0, 0, 1));
        // Only what keeps the address suppressed is kept.
        assert!(app.rows::<(String,)>("SELECT email FROM soft_bounces").await.is_empty());
        assert!(app.store.resume_sending(id, &admin, now).await.expect("resume"));
        let mails = mails_by_recipient(app, 1).await;
        sent(app, id).await;
        assert_eq!(mails.keys().collect::<Vec<_>>(), ["anne@example.org"]);
        tokio::time::sleep(Duration::from_millis(600)).await;
        assert_eq!(app.mail.sent().len(), 1);
        let done = app.store.issue_progress(id).await.expect("progress");
        assert_eq!(done, IssueProgress { fr: progress(2, 1), en: progress(1, 0) });
    }
}

/// Starts an issue and pauses it before the worker can take a mail: the
/// start is dated an hour ahead (its rows are due then), the pause is
/// written, and then the site's clock moves past that hour.
async fn hold(app: &TestApp, id: i64, version: i64, admin: &Actor) {
    let ahead = app.clock.now() + time::Duration::hours(1);
    let started = app.store.start_sending(id, version, admin, ahead).await.expect("start");
    assert!(matches!(started, StartOutcome::Started { .. }), "{started:?}");
    assert!(app.store.pause_sending(id, admin, ahead).await.expect("pause"));
    app.clock.advance(time::Duration::hours(2));
}

both_backends! {
    async fn a_scheduled_issue_starts_when_its_time_comes_and_is_then_closed_to_edits(app) {
        subscriber(app, "anne@example.org", "fr", "confirmed").await;
        let (id, version) = draft(app).await;
        let editor = Actor::Staff("editor@example.org".into());
        let at = app.clock.now() + time::Duration::hours(1);
        let scheduled = app.store.schedule_newsletter_issue(id, version, Some(at), &editor, app.clock.now()).await;
        assert_eq!(scheduled.expect("schedule"), Saved::Done(id));
        // A save over the version read before is refused, with the issue as it stands.
        let texts = IssueTexts::parse(&IssueFields { subject_en: "Late", body_en: "Too late.", ..IssueFields::default() })
            .expect("texts");
        let stale = app.store.update_newsletter_issue(id, version, &texts, &editor, app.clock.now()).await.expect("save");
        let Saved::Conflict(current) = stale else { panic!("a conflict: {stale:?}") };
        assert_eq!((current.status, current.scheduled_at), (IssueStatus::Scheduled, Some(at)));
        assert!(app.store.due_scheduled(app.clock.now()).await.expect("due").is_empty());
        tokio::time::sleep(Duration::from_millis(400)).await;
        assert!(app.mail.sent().is_empty(), "not before its time");

        app.clock.advance(time::Duration::hours(2));
        let mails = mails_by_recipient(app, 1).await;
        assert_eq!(mails["anne@example.org"].subject, "Lettre n° 1");
        sent(app, id).await;
        let issue = app.store.newsletter_issue(id).await.expect("read").expect("the issue");
        assert_eq!(issue.recipients, Some((1, 0)));
        assert!(issue.started_at.is_some() && issue.finished_at.is_some() && issue.scheduled_at.is_none());
        // Sent, it can no longer be edited.
        let late = app.store.update_newsletter_issue(id, issue.version, &texts, &editor, app.clock.now()).await;
        assert!(matches!(late.expect("save"), Saved::Conflict(issue) if issue.status == IssueStatus::Sent));
    }
}

both_backends! {
    async fn erasing_a_person_keeps_only_their_suppression(app) {
        subscriber(app, "gone@example.org", "en", "confirmed").await;
        let gone = EmailAddress::parse("gone@example.org").expect("address");
        let (id, version) = draft(app).await;
        let admin = Actor::Staff("admin@example.org".into());
        hold(app, id, version, &admin).await;
        assert!(app.store.suppress(&gone, SuppressionReason::Complained, app.clock.now()).await.expect("suppress"));
        assert!(!app.store.suppress(&gone, SuppressionReason::Bounced, app.clock.now()).await.expect("again"));
        assert!(app.cli(&["subscribers", "delete", "gone@example.org"]).status.success());
        assert!(app.rows::<(String,)>("SELECT email FROM subscribers").await.is_empty());
        assert!(app.rows::<(String,)>("SELECT recipient FROM mail_outbox").await.is_empty());
        let kept: Vec<(String, String)> = app.rows("SELECT email, reason FROM address_suppressions").await;
        assert_eq!(kept, [("gone@example.org".to_owned(), "complained".to_owned())]);
        // The issue, left with no one to send to, is closed by the worker.
        assert!(app.store.resume_sending(id, &admin, app.clock.now()).await.expect("resume"));
        app.clock.advance(time::Duration::minutes(2));
        sent(app, id).await;
        assert!(app.mail.sent().is_empty());
    }
}

/// `n` confirmed subscribers, `reader-{i}@example.org`, every third in
/// English, written in one statement.
async fn readers(app: &TestApp, n: usize) {
    let rows: Vec<String> = (0..n)
        .map(|i| {
            let lang = if i % 3 == 0 { "en" } else { "fr" };
            format!(
                "('reader-{i}@example.org', '{lang}', 'confirmed', 'confirm-{i}', '2026-12-01T10:00:00Z', 'unsub-{i}', \
                 '2026-11-01T10:00:00Z', 'v1', '2026-11-01T10:00:00Z', '2026-11-02T10:00:00Z')"
            )
        })
        .collect();
    app.execute(&format!(
        "INSERT INTO subscribers (email, lang, status, confirm_token_hash, confirm_expires_at, unsubscribe_token_hash, \
         consent_at, consent_version, created_at, confirmed_at) VALUES {}",
        rows.join(", ")
    ))
    .await;
}

/// The site stopped in the middle of a sending and started again: every
/// recipient is served once.
async fn a_restart_in_the_middle_of_a_sending_serves_everyone_once(backend: crate::common::Backend) {
    let Some(mut app) = TestApp::builder(backend).start().await else { return };
    readers(&app, 300).await;
    let (id, version) = draft(&app).await;
    let started = app.store.start_sending(id, version, &Actor::CommandLine, app.clock.now()).await.expect("start");
    assert_eq!(started, StartOutcome::Started { fr: 200, en: 100 });
    // Stopped after 20 mails or so (the stop lets the mail being sent finish).
    app.mail.wait_for(20, PATIENCE).await.expect("the sending has begun");
    app.stop().await;
    app.start_again().await;
    let mails = mails_by_recipient(&app, 300).await;
    assert_eq!(mails.len(), 300);
    sent(&app, id).await;
    let done = app.store.issue_progress(id).await.expect("progress");
    assert_eq!(done, IssueProgress { fr: progress(200, 200), en: progress(100, 100) });
    assert_eq!(mails["reader-3@example.org"].subject, "Letter No. 1");
    assert_eq!(mails["reader-4@example.org"].subject, "Lettre n° 1");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_restart_in_the_middle_of_a_sending_serves_everyone_once_sqlite() {
    a_restart_in_the_middle_of_a_sending_serves_everyone_once(crate::common::Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_restart_in_the_middle_of_a_sending_serves_everyone_once_postgres() {
    a_restart_in_the_middle_of_a_sending_serves_everyone_once(crate::common::Backend::Postgres).await;
}

/// An address the mail server refuses for good (a 5xx at `RCPT TO`, with
/// a code that names the address) is suppressed; the others are served.
async fn an_address_refused_for_good_is_suppressed(backend: crate::common::Backend) {
    let smtp = crate::common::smtp::SmtpServer::started().await;
    let Some(app) = TestApp::builder(backend).smtp(smtp.url()).start().await else { return };
    subscriber(&app, "anne@example.org", "fr", "confirmed").await;
    subscriber(&app, "no-such-mailbox@example.org", "en", "confirmed").await;
    let (id, version) = draft(&app).await;
    let started = app.store.start_sending(id, version, &Actor::CommandLine, app.clock.now()).await.expect("start");
    assert_eq!(started, StartOutcome::Started { fr: 1, en: 1 });
    sent(&app, id).await;
    let mails = smtp.messages();
    assert_eq!(mails.len(), 1);
    assert_eq!(mails[0].recipients, ["anne@example.org"]);
    assert_eq!(received(&mails[0].data).message_id, format!("<issue-{id}-1@oneinfive>"));
    let refused = EmailAddress::parse("no-such-mailbox@example.org").expect("address");
    assert!(app.store.is_suppressed(&refused).await.expect("read"));
    let counts = app.store.suppression_counts().await.expect("counts");
    assert_eq!((counts.bounced, counts.complained, counts.soft_bounces), (1, 0, 0));
    let done = app.store.issue_progress(id).await.expect("progress");
    assert_eq!(done.en, LangProgress { queued: 1, sent: 0, failed: 1, left: 0 });
    assert_eq!(done.fr, progress(1, 1));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_address_refused_for_good_is_suppressed_sqlite() {
    an_address_refused_for_good_is_suppressed(crate::common::Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_address_refused_for_good_is_suppressed_postgres() {
    an_address_refused_for_good_is_suppressed(crate::common::Backend::Postgres).await;
}

both_backends! {
    /// A sign-up's confirmation goes out during a sending, not after it:
    /// the site's own mails are taken before the newsletter's, whose pace
    /// (here four a second, sixty recipients: a quarter of a minute) does
    /// not hold them.
    async fn a_confirmation_is_not_held_behind_a_sending(app.mail_rate(4)) {
        for n in 0..60 {
            subscriber(app, &format!("reader{n:02}@example.org"), "fr", "confirmed").await;
        }
        let (id, version) = draft(app).await;
        let admin = Actor::Staff("admin@example.org".into());
        let started = app.store.start_sending(id, version, &admin, app.clock.now()).await.expect("start");
        assert_eq!(started, StartOutcome::Started { fr: 60, en: 0 });
        app.mail.wait_for(1, PATIENCE).await.unwrap_or_else(|error| panic!("{error}"));

        assert_eq!(crate::newsletter::sign_up(app, "en", "newcomer@example.org").await.status(), 200);
        let until = std::time::Instant::now() + PATIENCE;
        let sent = loop {
            let sent = app.mail.sent();
            if sent.iter().any(|mail| mail.recipient == "newcomer@example.org") {
                break sent;
            }
            assert!(std::time::Instant::now() < until, "no confirmation during the sending: {:?}", sent.iter().map(|m| m.recipient.as_str()).collect::<Vec<_>>());
            tokio::time::sleep(Duration::from_millis(20)).await;
        };
        let issue_mails = sent.iter().filter(|mail| mail.recipient.starts_with("reader")).count();
        assert!(issue_mails < 60, "the confirmation waited for the whole sending ({issue_mails} issue mails before it)");
    }
}

both_backends! {
    /// The pace holds: a hundred mails at fifty a second leave over two
    /// seconds, not at once (the hundredth 99 intervals after the first,
    /// less the tenth of a second a late worker may catch up), and all of
    /// them do.
    async fn a_hundred_mails_at_fifty_a_second_take_two_seconds(app.mail_rate(50)) {
        readers(app, 100).await;
        let (id, version) = draft(app).await;
        let begun = std::time::Instant::now();
        let started = app.store.start_sending(id, version, &Actor::CommandLine, app.clock.now()).await.expect("start");
        assert_eq!(started, StartOutcome::Started { fr: 66, en: 34 });
        app.mail.wait_for(100, PATIENCE).await.unwrap_or_else(|error| panic!("{error}"));
        let took = begun.elapsed();
        assert!(took >= Duration::from_millis(1880), "100 mails at 50 a second left in {took:?}");
        assert_eq!(mails_by_recipient(app, 100).await.len(), 100);
    }
}
