//! The newsletter's double opt-in, end to end, on both backends: mail is
//! read from the sites' memory outbox, or from a real SMTP server where
//! SMTP is what is tested (the whole loop, an outage, a restart).

use std::{net::SocketAddr, time::Duration};

use oneinfive::startup::config::ConnectionLimits;
use scraper::Html;

use crate::{
    common::{Backend, PATIENCE, TestApp, attr, attrs, both_backends, settle, smtp::SmtpServer, stderr, stdout, text},
    metrics::{scrape, value},
};

/// The newsletter page's address in a language.
fn page(lang: &str) -> &'static str {
    if lang == "fr" { "/fr/lettre-d-information" } else { "/en/newsletter" }
}

/// The form token of the newsletter page's sign-up form.
async fn token(app: &TestApp, lang: &str) -> String {
    let html = app.page(page(lang)).await;
    attr(
        &html,
        ".newsletter-page form[action$='d-information'] input[name=csrf], .newsletter-page form[action$='/newsletter'] input[name=csrf]",
        "value",
    )
}

async fn post(app: &TestApp, path: &str, form: &[(&str, &str)]) -> reqwest::Response {
    let body = url::form_urlencoded::Serializer::new(String::new()).extend_pairs(form).finish();
    app.client
        .post(app.url(path))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(body)
        .send()
        .await
        .expect("POST")
}

pub(crate) async fn sign_up(app: &TestApp, lang: &str, email: &str) -> reqwest::Response {
    let csrf = token(app, lang).await;
    post(app, page(lang), &[("email", email), ("consent", "yes"), ("csrf", &csrf), ("website", "")]).await
}

async fn html(response: reqwest::Response) -> Html {
    Html::parse_document(&response.text().await.expect("body"))
}

fn subscribers(app: &TestApp, all: bool) -> String {
    let output = if all { app.cli(&["subscribers", "export", "--all"]) } else { app.cli(&["subscribers", "export"]) };
    assert!(output.status.success(), "{}", stderr(&output));
    stdout(&output)
}

/// A mail, parsed: recipient, sender's name and address, subject,
/// headers, text and HTML parts.
#[derive(Debug)]
struct Mail {
    to: String,
    from: (String, String),
    subject: String,
    list_unsubscribe: String,
    list_unsubscribe_post: String,
    text: String,
    html: String,
}

fn parse(to: String, raw: &[u8]) -> Mail {
    let message = mail_parser::MessageParser::default().parse(raw).expect("a mail");
    let header = |name: &str| message.header_raw(name).map(|v| v.trim().to_owned()).unwrap_or_default();
    let from = message.from().and_then(|from| from.first()).expect("a sender");
    Mail {
        to,
        from: (from.name().unwrap_or_default().to_owned(), from.address().unwrap_or_default().to_owned()),
        subject: message.subject().unwrap_or_default().to_owned(),
        list_unsubscribe: header("List-Unsubscribe"),
        list_unsubscribe_post: header("List-Unsubscribe-Post"),
        text: message.body_text(0).map(|t| t.into_owned()).unwrap_or_default(),
        html: message.body_html(0).map(|t| t.into_owned()).unwrap_or_default(),
    }
}

/// The mails the site kept in its memory outbox, once there are `n`.
async fn mails(app: &TestApp, n: usize) -> Vec<Mail> {
    let sent = app.mail.wait_for(n, PATIENCE).await.unwrap_or_else(|error| panic!("{error}"));
    sent.into_iter().map(|mail| parse(mail.recipient, &mail.message)).collect()
}

/// Every mail the site has sent so far, and only those: signs up one more
/// address and waits for its mail, which the worker sends after every mail
/// queued before it (it takes them in order). Returns the mails before it.
async fn all_mail_so_far(app: &TestApp) -> Vec<Mail> {
    const LAST: &str = "last-in-line@example.org";
    assert_eq!(sign_up(app, "en", LAST).await.status(), 200);
    let mut sent = Vec::new();
    while !sent.iter().any(|mail: &Mail| mail.to == LAST) {
        sent = mails(app, sent.len() + 1).await;
    }
    sent.into_iter().take_while(|mail| mail.to != LAST).collect()
}

/// The first link in a text that goes to the site.
fn link(text: &str, contains: &str) -> String {
    text.split_whitespace()
        .find(|word| word.starts_with("http://site.test/") && word.contains(contains))
        .map(|word| word.trim_end_matches(['.', ',', ')']).to_owned())
        .unwrap_or_else(|| panic!("no link with {contains} in {text}"))
}

fn path(url: &str) -> String {
    url.trim_start_matches("http://site.test").to_owned()
}

async fn whole_loop(backend: Backend, lang: &str) {
    let smtp = SmtpServer::started().await;
    let Some(app) = TestApp::builder(backend).smtp(smtp.url()).start().await else { return };
    let response = sign_up(&app, lang, "Marie.Dupont@Example.org").await;
    assert_eq!(response.status(), 200);
    let check = html(response).await;
    assert_eq!(attr(&check, "html", "lang"), lang);
    assert_eq!(text(&check, "h1"), if lang == "fr" { "Vérifiez votre boîte de réception" } else { "Check your inbox" });
    // The same answer whoever the address belongs to.
    let sent = if lang == "fr" {
        "Un message vient d’être envoyé à cette adresse, sauf si elle est déjà inscrite."
    } else {
        "A message has just been sent to this address, unless it is already subscribed."
    };
    assert!(text(&check, ".newsletter-step .lead").starts_with(sent), "{}", text(&check, ".newsletter-step .lead"));

    let mails = smtp.wait_for(1, PATIENCE).await;
    let mail = parse(mails[0].recipients.join(","), &mails[0].data);
    assert_eq!(mail.to, "marie.dupont@example.org");
    // The configured address, under the campaign's name in the mail's language.
    let sender = if lang == "fr" { "UN sur CINQ" } else { "ONE in FIVE" };
    assert_eq!(mail.from, (sender.to_owned(), "newsletter@site.test".to_owned()));
    assert!(mail.subject.contains(if lang == "fr" { "Confirmez" } else { "Confirm" }), "{}", mail.subject);
    assert!(mail.list_unsubscribe.starts_with("<http://site.test/") && mail.list_unsubscribe.ends_with('>'));
    assert_eq!(mail.list_unsubscribe_post, "List-Unsubscribe=One-Click");
    let confirm = link(&mail.text, if lang == "fr" { "/confirmer/" } else { "/confirm/" });
    let html_links = attrs(&Html::parse_document(&mail.html), "a", "href");
    assert!(html_links.contains(&confirm), "the same link in the HTML part: {html_links:?}");
    // The data protection notice the person consents to, linked.
    let privacy = if lang == "fr" { "http://site.test/fr/confidentialite" } else { "http://site.test/en/privacy" };
    assert!(html_links.contains(&privacy.to_owned()), "{html_links:?}");
    assert!(mail.text.contains(privacy), "{}", mail.text);
    // The HTML part's link to leave says so, with no colon.
    let document = Html::parse_document(&mail.html);
    let anchors = scraper::Selector::parse("a").expect("a selector");
    let leave_url = mail.list_unsubscribe.trim_matches(['<', '>']);
    let leave_links: Vec<String> = document
        .select(&anchors)
        .filter(|a| a.value().attr("href") == Some(leave_url))
        .map(|a| a.text().collect())
        .collect();
    assert_eq!(leave_links, [if lang == "fr" { "Se désinscrire" } else { "Unsubscribe" }]);
    let token = confirm.rsplit('/').next().unwrap_or_default();
    assert!(
        token.len() == 64 && token.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)),
        "a token of 256 bits in lowercase hexadecimal: {token}"
    );

    // Following the link (as a mail scanner does) confirms nothing.
    let confirm_page = app.page(&path(&confirm)).await;
    assert_eq!(subscribers(&app, false).lines().count(), 1, "only the header");
    assert!(subscribers(&app, true).contains("marie.dupont@example.org,"));
    // The button does.
    let action = attr(&confirm_page, "main form", "action");
    let csrf = attr(&confirm_page, "main form input[name=csrf]", "value");
    let done = post(&app, &action, &[("csrf", &csrf)]).await;
    assert_eq!(done.status(), 200);
    assert_eq!(
        text(&html(done).await, "h1"),
        if lang == "fr" { "Inscription confirmée" } else { "Subscription confirmed" }
    );
    // Twice is harmless.
    assert_eq!(post(&app, &action, &[("csrf", &csrf)]).await.status(), 200);
    let exported = subscribers(&app, false);
    let mut lines = exported.lines();
    assert_eq!(lines.next(), Some("email,language,confirmed_at"));
    let row = lines.next().unwrap_or_default();
    assert!(row.starts_with(&format!("marie.dupont@example.org,{lang},20")), "{row}");

    // One click from the mail client, as RFC 8058 has it.
    let unsubscribe = mail.list_unsubscribe.trim_matches(['<', '>']).to_owned();
    let response = app
        .client
        .post(app.url(&path(&unsubscribe)))
        .header("content-type", "application/x-www-form-urlencoded")
        .body("List-Unsubscribe=One-Click")
        .send()
        .await
        .expect("POST");
    assert_eq!(response.status(), 200);
    assert_eq!(subscribers(&app, true).lines().count(), 1, "erased");
}

#[tokio::test]
async fn whole_loop_sqlite_fr() {
    whole_loop(Backend::Sqlite, "fr").await;
}
#[tokio::test]
async fn whole_loop_sqlite_en() {
    whole_loop(Backend::Sqlite, "en").await;
}
#[tokio::test]
async fn whole_loop_postgres_fr() {
    whole_loop(Backend::Postgres, "fr").await;
}
#[tokio::test]
async fn whole_loop_postgres_en() {
    whole_loop(Backend::Postgres, "en").await;
}

both_backends! {
    async fn bad_input_is_refused_with_a_message(app) {
        let long = format!("{}@example.org", "a".repeat(250));
        for (email, expected) in [
            ("", "Saisissez votre adresse électronique."),
            ("no-at-sign", "Cette adresse électronique n’est pas valide."),
            (long.as_str(), "Cette adresse électronique n’est pas valide."),
            ("a@example.org\r\nBcc: victim@example.org", "Cette adresse électronique n’est pas valide."),
            ("a b@example.org", "Cette adresse électronique n’est pas valide."),
            ("a\u{7}@example.org", "Cette adresse électronique n’est pas valide."),
            ("<script>alert(1)</script>@x.org", "Cette adresse électronique n’est pas valide."),
        ] {
            let csrf = token(app, "fr").await;
            let response = post(app, page("fr"), &[("email", email), ("consent", "yes"), ("csrf", &csrf)]).await;
            assert_eq!(response.status(), 422, "{email:?}");
            let html = html(response).await;
            assert!(text(&html, "#subscribe-email-error").starts_with(expected), "{email:?}");
            assert_eq!(attr(&html, "#subscribe-email", "aria-invalid"), "true");
            let shown = attr(&html, "#subscribe-email", "value");
            assert_eq!(shown, email.chars().filter(|c| !c.is_control()).collect::<String>(), "the value is kept");
        }
        // No consent.
        let csrf = token(app, "en").await;
        let response = post(app, page("en"), &[("email", "ok@example.org"), ("csrf", &csrf)]).await;
        assert_eq!(response.status(), 422);
        let html = html(response).await;
        assert_eq!(text(&html, "#subscribe-consent-error"), "Tick the box to agree that your address is kept.");
        assert_eq!(attr(&html, "#subscribe-email", "value"), "ok@example.org");
        // A body that is not a form.
        let response = app.client.post(app.url(page("en"))).body("email=%zz&email=two").send().await.expect("POST");
        assert_eq!(response.status(), 400);
        // Too big.
        let big = format!("email={}", "a".repeat(64 * 1024));
        assert_eq!(app.client.post(app.url(page("en"))).body(big).send().await.expect("POST").status(), 413);
        // Nothing stored, nothing queued.
        assert_eq!(subscribers(app, true).lines().count(), 1);
        let mails = all_mail_so_far(app).await;
        assert!(mails.is_empty(), "{mails:?}");
    }

    async fn cross_site_posts_are_forbidden(app) {
        let csrf = token(app, "fr").await;
        let form = [("email", "a@example.org"), ("consent", "yes"), ("csrf", csrf.as_str())];
        let body = url::form_urlencoded::Serializer::new(String::new()).extend_pairs(form).finish();
        for (header, value) in [("origin", "https://evil.example"), ("sec-fetch-site", "cross-site"), ("origin", "null")] {
            let response = app.client.post(app.url(page("fr"))).header("content-type", "application/x-www-form-urlencoded")
                .header(header, value).body(body.clone()).send().await.expect("POST");
            assert_eq!(response.status(), 403, "{header}: {value}");
            assert_eq!(text(&html(response).await, "h1"), "Requête refusée");
        }
        for bad in ["", "123.abc", "not-a-token"] {
            let response = post(app, page("fr"), &[("email", "a@example.org"), ("consent", "yes"), ("csrf", bad)]).await;
            assert_eq!(response.status(), 403, "{bad:?}");
        }
        assert_eq!(post(app, page("fr"), &[("email", "a@example.org"), ("consent", "yes")]).await.status(), 403);
        // From our own page, with its origin, it goes through.
        let response = app.client.post(app.url(page("fr"))).header("content-type", "application/x-www-form-urlencoded")
            .header("origin", format!("http://{}", app.addr)).header("sec-fetch-site", "same-origin")
            .body(body).send().await.expect("POST");
        assert_eq!(response.status(), 200);
        assert_eq!(subscribers(app, true).lines().count(), 2);
    }

    async fn sign_ups_are_rate_limited(app) {
        for i in 0..5 {
            assert_eq!(sign_up(app, "en", &format!("person{i}@example.org")).await.status(), 200, "sign-up {i}");
        }
        let response = sign_up(app, "en", "one-too-many@example.org").await;
        assert_eq!(response.status(), 429);
        assert!(response.headers().contains_key("retry-after"));
        assert_eq!(text(&html(response).await, "h1"), "Too many requests");
        assert!(!subscribers(app, true).contains("one-too-many"));
    }

    async fn sign_ups_are_counted_by_outcome(app.metrics().signups_per_minute(2)) {
        let csrf = token(app, "en").await;
        let invalid = post(app, page("en"), &[("email", "not an address"), ("consent", "yes"), ("csrf", &csrf)]).await;
        assert_eq!(invalid.status(), 422);
        let robot = [("email", "robot@example.org"), ("consent", "yes"), ("csrf", &csrf), ("website", "https://spam.example")];
        assert_eq!(post(app, page("en"), &robot).await.status(), 200);
        for i in 0..2 {
            assert_eq!(sign_up(app, "en", &format!("person{i}@example.org")).await.status(), 200, "sign-up {i}");
        }
        assert_eq!(sign_up(app, "en", "one-too-many@example.org").await.status(), 429);
        let samples = scrape(app).await;
        let sign_ups = |outcome| value(&samples, "oneinfive_newsletter_signups_total", &[("outcome", outcome)]);
        assert_eq!(sign_ups("accepted"), Some(2.0));
        assert_eq!(sign_ups("invalid"), Some(1.0));
        assert_eq!(sign_ups("rate_limited"), Some(1.0));
        assert_eq!(sign_ups("honeypot"), Some(1.0));
    }

    async fn the_answer_reveals_nothing_and_mails_once_an_hour(app) {
        let first = html(sign_up(app, "fr", "known@example.org").await).await;
        let again = html(sign_up(app, "fr", "known@example.org").await).await;
        let unknown = html(sign_up(app, "fr", "unknown@example.org").await).await;
        for page in [&again, &unknown] {
            assert_eq!(text(page, "h1"), text(&first, "h1"));
            assert_eq!(text(page, "main .lead"), text(&first, "main .lead"));
        }
        // One mail for each address, not two for the known one.
        let recipients: Vec<String> = all_mail_so_far(app).await.into_iter().map(|mail| mail.to).collect();
        assert_eq!(recipients, ["known@example.org", "unknown@example.org"]);
        // A robot that fills the hidden field is answered the same, and nothing is kept.
        let csrf = token(app, "fr").await;
        let response = post(app, page("fr"), &[("email", "robot@example.org"), ("consent", "yes"), ("csrf", &csrf), ("website", "http://spam.example")]).await;
        assert_eq!(response.status(), 200);
        assert_eq!(text(&html(response).await, "h1"), text(&first, "h1"));
        assert!(!subscribers(app, true).contains("robot@"));
    }

    async fn a_pending_sign_up_is_renewed_after_an_hour_and_a_confirmed_one_left_alone(app) {
        assert_eq!(sign_up(app, "fr", "again@example.org").await.status(), 200);
        let first = link(&mails(app, 1).await[0].text, "/confirmer/");
        // Two hours later, a second sign-up of the same address, in English:
        // a new mail, whose link replaces the first one's.
        app.clock.advance(time::Duration::hours(2));
        assert_eq!(sign_up(app, "en", "again@example.org").await.status(), 200);
        let second = mails(app, 2).await;
        assert_eq!(second[1].to, "again@example.org");
        let confirm = link(&second[1].text, "/confirm/");
        assert_eq!(app.get(&path(&first)).await.status(), 404, "the first link is replaced");
        let confirm_page = app.page(&path(&confirm)).await;
        let csrf = attr(&confirm_page, "main form input[name=csrf]", "value");
        assert_eq!(post(app, &attr(&confirm_page, "main form", "action"), &[("csrf", &csrf)]).await.status(), 200);
        assert!(subscribers(app, false).contains("again@example.org"));
        // Confirmed: a later sign-up is answered alike and sends nothing.
        app.clock.advance(time::Duration::hours(2));
        assert_eq!(sign_up(app, "fr", "again@example.org").await.status(), 200);
        let recipients: Vec<String> = all_mail_so_far(app).await.into_iter().map(|mail| mail.to).collect();
        assert_eq!(recipients, ["again@example.org", "again@example.org"]);
    }

    async fn expired_tokens_confirm_nothing(app) {
        assert_eq!(sign_up(app, "en", "late@example.org").await.status(), 200);
        let confirm = link(&mails(app, 1).await[0].text, "/confirm/");
        // Seven days and more later.
        app.clock.advance(time::Duration::days(8));
        assert_eq!(app.get(&path(&confirm)).await.status(), 404);
        let csrf = token(app, "en").await;
        let response = post(app, &path(&confirm), &[("csrf", &csrf)]).await;
        assert_eq!(response.status(), 404);
        assert_eq!(text(&html(response).await, "h1"), "Link not valid");
        // The worker purges the expired pending subscription.
        let listed = settle(PATIENCE, || async { subscribers(app, true) }, |all| !all.contains("late@")).await;
        assert!(!listed.contains("late@"), "{listed}");
    }

    async fn leaving_by_address_and_erasing(app) {
        // A confirmed subscriber.
        assert_eq!(sign_up(app, "fr", "leaver@example.org").await.status(), 200);
        let confirm = link(&mails(app, 1).await[0].text, "/confirmer/");
        let confirm_page = app.page(&path(&confirm)).await;
        let csrf = attr(&confirm_page, "main form input[name=csrf]", "value");
        assert_eq!(post(app, &attr(&confirm_page, "main form", "action"), &[("csrf", &csrf)]).await.status(), 200);
        assert!(subscribers(app, false).contains("leaver@example.org"));
        // Leave by address: a mail with a link; an unknown address gets the same answer.
        let newsletter = app.page(page("fr")).await;
        let action = attrs(&newsletter, ".newsletter-page form", "action")[1].clone();
        let csrf = attr(&newsletter, ".newsletter-page form[action$='quitter'] input[name=csrf]", "value");
        // The confirmation mail went less than an hour ago: let time pass.
        app.clock.advance(time::Duration::hours(2));
        let known = html(post(app, &action, &[("email", "leaver@example.org"), ("csrf", &csrf)]).await).await;
        let unknown = html(post(app, &action, &[("email", "stranger@example.org"), ("csrf", &csrf)]).await).await;
        assert_eq!(text(&known, "main .lead"), text(&unknown, "main .lead"));
        let mails = all_mail_so_far(app).await;
        assert_eq!(mails.len(), 2, "one more mail, to the subscriber only: {mails:?}");
        assert_eq!(mails[1].to, "leaver@example.org");
        let unsubscribe = link(&mails[1].text, "/desabonner/");
        let page_html = app.page(&path(&unsubscribe)).await;
        assert!(subscribers(app, false).contains("leaver@"), "the GET changes nothing");
        let csrf = attr(&page_html, "main form input[name=csrf]", "value");
        assert_eq!(post(app, &attr(&page_html, "main form", "action"), &[("csrf", &csrf)]).await.status(), 200);
        assert!(!subscribers(app, true).contains("leaver@"));
        // Staff can erase a person entirely.
        assert_eq!(sign_up(app, "en", "erase-me@example.org").await.status(), 200);
        let output = app.cli(&["subscribers", "delete", "Erase-Me@example.org"]);
        assert!(stdout(&output).contains("erase-me@example.org: erased"), "{}", stdout(&output));
        assert!(!subscribers(app, true).contains("erase-me"));
    }

    async fn database_down_is_a_503_never_a_fake_success(app) {
        let csrf = token(app, "en").await;
        app.store.close().await;
        let response = post(app, page("en"), &[("email", "a@example.org"), ("consent", "yes"), ("csrf", &csrf)]).await;
        assert_eq!(response.status(), 503);
        assert_eq!(text(&html(response).await, "h1"), "Service temporarily unavailable");
    }
}

/// The outbox as the database has it: each mail's recipient, status and
/// attempts so far, oldest first.
async fn outbox(app: &TestApp) -> Vec<(String, String, i64)> {
    app.rows("SELECT recipient, status, CAST(attempts AS BIGINT) FROM mail_outbox ORDER BY id").await
}

/// While the mail server is down, sign-ups still succeed; their mails go
/// out once it is back, and a restart of the site loses none.
async fn mail_survives_outages_and_restarts(backend: Backend) {
    let mut smtp = SmtpServer::reserve().await;
    let Some(mut app) = TestApp::builder(backend).smtp(smtp.url()).signups_per_minute(100).start().await else {
        return;
    };
    assert_eq!(sign_up(&app, "fr", "patient@example.org").await.status(), 200);
    // The site tries, fails, and keeps the mail for a retry.
    let tried = |rows: &Vec<(String, String, i64)>| {
        rows.iter().all(|(_, status, attempts)| status == "pending" && *attempts > 0)
    };
    let queued = settle(PATIENCE, || outbox(&app), tried).await;
    let [(recipient, status, attempts)] = &queued[..] else { panic!("one mail queued: {queued:?}") };
    assert_eq!((recipient.as_str(), status.as_str()), ("patient@example.org", "pending"));
    assert!(*attempts > 0, "tried: {queued:?}");
    // The site restarts with the mail still queued.
    let csrf = token(&app, "en").await;
    app.stop().await;
    assert!(sign_up_refused(&app, &csrf).await, "the stopped site answers no more");
    app.start_again().await;
    assert_eq!(sign_up(&app, "en", "second@example.org").await.status(), 200);
    assert!(!subscribers(&app, true).contains("nobody@"));
    // The mail server comes back, and the retries fall due.
    smtp.start().await;
    app.clock.advance(time::Duration::hours(1));
    let mails = smtp.wait_for(2, PATIENCE).await;
    let mut recipients: Vec<String> = mails.iter().map(|m| m.recipients.join(",")).collect();
    recipients.sort();
    assert_eq!(recipients, vec!["patient@example.org", "second@example.org"]);
    // Each mail is sent once: a mail is recorded as sent after it is, so
    // once both are, any second sending would have arrived too.
    let all_sent = |rows: &Vec<(String, String, i64)>| rows.iter().all(|(_, status, _)| status == "sent");
    let recorded = settle(PATIENCE, || outbox(&app), all_sent).await;
    assert!(all_sent(&recorded), "{recorded:?}");
    assert_eq!(recorded.len(), 2);
    assert_eq!(smtp.messages().len(), 2);
}

/// Whether a sign-up, with a form token from before, finds no site to take it.
async fn sign_up_refused(app: &TestApp, csrf: &str) -> bool {
    let form = [("email", "nobody@example.org"), ("consent", "yes"), ("csrf", csrf)];
    let body = url::form_urlencoded::Serializer::new(String::new()).extend_pairs(form).finish();
    let response = app
        .client
        .post(app.url(page("en")))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(body)
        .send()
        .await;
    response.is_err()
}

#[tokio::test]
async fn mail_survives_outages_and_restarts_sqlite() {
    mail_survives_outages_and_restarts(Backend::Sqlite).await;
}

#[tokio::test]
async fn mail_survives_outages_and_restarts_postgres() {
    mail_survives_outages_and_restarts(Backend::Postgres).await;
}

/// Bounds with a grace period of `grace`: a stop waits that long at most
/// for the mail being sent.
fn grace(grace: Duration) -> ConnectionLimits {
    ConnectionLimits { header_read_timeout: Duration::from_secs(10), max_connections: 64, shutdown_grace: grace }
}

/// Whether the site at `addr` takes no more connections: its listener is
/// closed, which a stop does once it has told the mail worker.
async fn stopped_listening(addr: SocketAddr) -> bool {
    tokio::net::TcpStream::connect(addr).await.is_err()
}

/// A stop that finds a mail in the middle of being sent lets it finish
/// and records it as sent, within the grace period: it does not go again
/// at the next start.
async fn a_stop_finishes_the_mail_being_sent(backend: Backend) {
    let smtp = SmtpServer::started().await;
    smtp.hold();
    // A grace longer than the test's patience: the stop ends in time only
    // if the worker returns of itself, and is not cut off at the grace's end.
    let builder = TestApp::builder(backend).smtp(smtp.url()).signups_per_minute(100).connections(grace(PATIENCE * 6));
    let Some(mut app) = builder.start().await else { return };
    assert_eq!(sign_up(&app, "en", "in-flight@example.org").await.status(), 200);
    // The mail's data is at the mail server, which has not answered yet.
    smtp.wait_for_read(1, PATIENCE).await;
    let addr = app.addr;
    let release_once_stopping = async {
        let closed = settle(PATIENCE, || stopped_listening(addr), |closed| *closed).await;
        smtp.release();
        closed
    };
    let ((), closed) = tokio::join!(app.stop(), release_once_stopping);
    assert!(closed, "the site stopped listening");
    assert_eq!(outbox(&app).await, vec![("in-flight@example.org".to_owned(), "sent".to_owned(), 1)]);
    assert_eq!(smtp.messages().len(), 1);
    // Started again, with the lease of any claim long past, the site sends
    // the next mail and not the first again.
    app.start_again().await;
    app.clock.advance(time::Duration::hours(1));
    assert_eq!(sign_up(&app, "en", "next@example.org").await.status(), 200);
    let all_sent = |rows: &Vec<(String, String, i64)>| rows.iter().all(|(_, status, _)| status == "sent");
    let recorded = settle(PATIENCE, || outbox(&app), all_sent).await;
    assert_eq!(
        recorded,
        vec![
            ("in-flight@example.org".to_owned(), "sent".to_owned(), 1),
            ("next@example.org".to_owned(), "sent".to_owned(), 1)
        ]
    );
    let recipients: Vec<String> = smtp.messages().iter().map(|m| m.recipients.join(",")).collect();
    assert_eq!(recipients, vec!["in-flight@example.org", "next@example.org"]);
}

#[tokio::test]
async fn a_stop_finishes_the_mail_being_sent_sqlite() {
    a_stop_finishes_the_mail_being_sent(Backend::Sqlite).await;
}

#[tokio::test]
async fn a_stop_finishes_the_mail_being_sent_postgres() {
    a_stop_finishes_the_mail_being_sent(Backend::Postgres).await;
}

/// Mails claimed but not tried, given back (as a stop does with the rest
/// of a batch), are due again at once, their attempts as before the claim.
async fn mails_given_back_untried_are_due_again(backend: Backend) {
    let smtp = SmtpServer::started().await;
    smtp.hold();
    let Some(app) = TestApp::builder(backend).smtp(smtp.url()).signups_per_minute(100).start().await else { return };
    // The worker is busy with the first mail: the next two wait for it.
    assert_eq!(sign_up(&app, "en", "first@example.org").await.status(), 200);
    smtp.wait_for_read(1, PATIENCE).await;
    assert_eq!(sign_up(&app, "en", "second@example.org").await.status(), 200);
    assert_eq!(sign_up(&app, "en", "third@example.org").await.status(), 200);
    let lease = time::Duration::minutes(5);
    let claimed = app.store.claim_mails(app.clock.now(), lease, 12).await.expect("claim");
    let taken: Vec<(&str, i32)> = claimed.iter().map(|m| (m.recipient.as_str(), m.attempts)).collect();
    assert_eq!(taken, vec![("second@example.org", 1), ("third@example.org", 1)]);
    let ids: Vec<i64> = claimed.iter().map(|m| m.id).collect();
    app.store.release_mails(&ids).await.expect("release");
    let rows = outbox(&app).await;
    assert_eq!(
        rows[1..],
        [
            ("second@example.org".to_owned(), "pending".to_owned(), 0),
            ("third@example.org".to_owned(), "pending".to_owned(), 0)
        ]
    );
    // An empty list asks nothing; the two are due at once, not after the lease.
    app.store.release_mails(&[]).await.expect("nothing to release");
    let again = app.store.claim_mails(app.clock.now(), lease, 12).await.expect("claim again");
    assert_eq!(again.iter().map(|m| m.id).collect::<Vec<_>>(), ids);
    app.store.release_mails(&ids).await.expect("release again");
    smtp.release();
    let all_sent = |rows: &Vec<(String, String, i64)>| rows.iter().all(|(_, status, _)| status == "sent");
    let recorded = settle(PATIENCE, || outbox(&app), all_sent).await;
    assert!(all_sent(&recorded), "{recorded:?}");
    assert_eq!(smtp.messages().len(), 3);
}

#[tokio::test]
async fn mails_given_back_untried_are_due_again_sqlite() {
    mails_given_back_untried_are_due_again(Backend::Sqlite).await;
}

#[tokio::test]
async fn mails_given_back_untried_are_due_again_postgres() {
    mails_given_back_untried_are_due_again(Backend::Postgres).await;
}

/// A mail server that does not answer within the grace period does not
/// hold the stop: the worker is cut off, and the mail, still claimed, is
/// sent again once its lease is over.
async fn a_stop_cuts_off_a_mail_past_the_grace(backend: Backend) {
    let smtp = SmtpServer::started().await;
    smtp.hold();
    let builder = TestApp::builder(backend).smtp(smtp.url()).connections(grace(Duration::from_millis(200)));
    let Some(mut app) = builder.start().await else { return };
    assert_eq!(sign_up(&app, "en", "slow@example.org").await.status(), 200);
    smtp.wait_for_read(1, PATIENCE).await;
    app.stop().await;
    assert_eq!(outbox(&app).await, vec![("slow@example.org".to_owned(), "sending".to_owned(), 1)]);
    smtp.release();
    app.start_again().await;
    app.clock.advance(time::Duration::hours(1));
    assert_eq!(sign_up(&app, "en", "wakes-the-worker@example.org").await.status(), 200);
    let all_sent = |rows: &Vec<(String, String, i64)>| rows.iter().all(|(_, status, _)| status == "sent");
    let recorded = settle(PATIENCE, || outbox(&app), all_sent).await;
    assert!(all_sent(&recorded), "{recorded:?}");
    assert_eq!(recorded[0], ("slow@example.org".to_owned(), "sent".to_owned(), 2));
}

#[tokio::test]
async fn a_stop_cuts_off_a_mail_past_the_grace_sqlite() {
    a_stop_cuts_off_a_mail_past_the_grace(Backend::Sqlite).await;
}

#[tokio::test]
async fn a_stop_cuts_off_a_mail_past_the_grace_postgres() {
    a_stop_cuts_off_a_mail_past_the_grace(Backend::Postgres).await;
}

both_backends! {
    async fn the_links_pages_keep_their_address_from_other_sites(app) {
        assert_eq!(sign_up(app, "en", "reader@example.org").await.status(), 200);
        let mail = mails(app, 1).await.remove(0);
        for url in [link(&mail.text, "/confirm/"), link(&mail.text, "/unsubscribe/")] {
            let response = app.get(&path(&url)).await;
            assert_eq!(response.status(), 200, "{url}");
            // The token is in the address: no other site may learn it,
            // and the page's own form still carries its origin.
            assert_eq!(response.headers()["referrer-policy"], "same-origin", "{url}");
            assert_eq!(response.headers()["cache-control"], "no-store", "{url}");
        }
        // Other pages keep the site's policy.
        assert_eq!(app.get("/en/newsletter").await.headers()["referrer-policy"], "strict-origin-when-cross-origin");
    }

    async fn the_links_buttons_work_as_a_browser_sends_them(app) {
        assert_eq!(sign_up(app, "fr", "lecteur@example.org").await.status(), 200);
        let mail = mails(app, 1).await.remove(0);
        // What a browser sends with the form of a page whose referrer
        // policy withholds its origin (a user's setting, or `no-referrer`):
        // `Origin: null`, and its own word that the page is ours.
        let press = |url: String, origin: &'static str, site: &'static str| async move {
            let page = app.page(&path(&url)).await;
            let action = attr(&page, "main form", "action");
            let csrf = attr(&page, "main form input[name=csrf]", "value");
            let body = url::form_urlencoded::Serializer::new(String::new()).append_pair("csrf", &csrf).finish();
            app.client.post(app.url(&action)).header("content-type", "application/x-www-form-urlencoded")
                .header("origin", origin).header("sec-fetch-site", site).body(body).send().await.expect("POST")
        };
        let confirm = link(&mail.text, "/confirmer/");
        // From another site's page, or with no word of the browser's, refused.
        for site in ["cross-site", "same-site"] {
            assert_eq!(press(confirm.clone(), "null", site).await.status(), 403, "{site}");
        }
        assert_eq!(subscribers(app, false).lines().count(), 1, "nobody confirmed yet");
        let done = press(confirm, "null", "same-origin").await;
        assert_eq!(done.status(), 200);
        assert_eq!(text(&html(done).await, "h1"), "Inscription confirmée");
        assert_eq!(subscribers(app, false).lines().count(), 2);
        let unsubscribe = link(&mail.text, "/desabonner/");
        assert_eq!(press(unsubscribe.clone(), "null", "cross-site").await.status(), 403);
        assert_eq!(subscribers(app, false).lines().count(), 2, "still subscribed");
        assert_eq!(press(unsubscribe, "null", "same-origin").await.status(), 200);
        assert_eq!(subscribers(app, true).lines().count(), 1, "erased");
    }

    async fn a_stale_form_is_shown_again_with_what_was_typed(app) {
        // A token from more than a day ago: the page was left open.
        let response = post(app, page("fr"), &[("email", "lente@example.org"), ("consent", "yes"), ("csrf", "1.00")]).await;
        assert_eq!(response.status(), 403);
        let shown = html(response).await;
        assert!(text(&shown, "#form-stale").contains("trop longtemps"));
        assert_eq!(attr(&shown, "#subscribe-email", "value"), "lente@example.org");
        assert_eq!(attrs(&shown, "#subscribe-consent[checked]", "id").len(), 1);
        assert_eq!(subscribers(app, true).lines().count(), 1, "nobody signed up");
        let response = post(app, &format!("{}/leave", page("en")), &[("email", "slow@example.org")]).await;
        assert_eq!(response.status(), 403);
        assert_eq!(attr(&html(response).await, "#leave-email", "value"), "slow@example.org");
        // A mail link's button pressed too late: the button again.
        assert_eq!(sign_up(app, "en", "reader@example.org").await.status(), 200);
        let confirm = path(&link(&mails(app, 1).await.remove(0).text, "/confirm/"));
        let response = post(app, &confirm, &[("csrf", "1.00")]).await;
        assert_eq!(response.status(), 403);
        let shown = html(response).await;
        assert!(text(&shown, "#form-stale").contains("too long"));
        assert_eq!(attr(&shown, "main form", "action"), confirm);
        assert_eq!(subscribers(app, false).lines().count(), 1, "not confirmed");
    }

    async fn an_origin_on_another_scheme_is_cross_site(app) {
        let csrf = token(app, "en").await;
        let body = url::form_urlencoded::Serializer::new(String::new())
            .extend_pairs([("email", "a@example.org"), ("consent", "yes"), ("csrf", csrf.as_str())])
            .finish();
        let post_from = |origin: String| {
            app.client
                .post(app.url("/en/newsletter"))
                .header("content-type", "application/x-www-form-urlencoded")
                .header("origin", origin)
                .body(body.clone())
                .send()
        };
        // The same host and port, over https, is another origin than this http site.
        assert_eq!(post_from(format!("https://{}", app.addr)).await.expect("POST").status(), 403);
        assert_eq!(post_from("https://site.test".to_owned()).await.expect("POST").status(), 403);
        assert_eq!(post_from(format!("http://{}", app.addr)).await.expect("POST").status(), 200);
    }

    async fn an_internationalised_domain_is_one_subscriber(app) {
        assert_eq!(sign_up(app, "en", "user@bücher.example").await.status(), 200);
        assert_eq!(sign_up(app, "en", "User@XN--BCHER-KVA.example").await.status(), 200);
        let all = subscribers(app, true);
        let rows: Vec<&str> = all.lines().skip(1).collect();
        assert_eq!(rows.len(), 1, "{all}");
        assert!(rows[0].starts_with("user@xn--bcher-kva.example,"), "{all}");
        // The mail goes to the ASCII form: no SMTPUTF8 needed.
        assert_eq!(mails(app, 1).await[0].to, "user@xn--bcher-kva.example");
    }
}

/// A form key too short to be one (an empty key, as a start whose
/// randomness failed once stored) is replaced at the next start.
async fn a_form_key_too_short_to_be_one_is_replaced(backend: Backend) {
    let Some(mut app) = TestApp::builder(backend).start().await else { return };
    app.stop().await;
    app.execute("UPDATE site_secrets SET value = '' WHERE name = 'form-key'").await;
    app.start_again().await;
    let keys: Vec<(String,)> = app.rows("SELECT value FROM site_secrets WHERE name = 'form-key'").await;
    assert_eq!(keys.len(), 1);
    assert_eq!(keys[0].0.len(), 64, "a new key of 256 bits");
    assert_eq!(sign_up(&app, "en", "after@example.org").await.status(), 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_form_key_too_short_to_be_one_is_replaced_sqlite() {
    a_form_key_too_short_to_be_one_is_replaced(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_form_key_too_short_to_be_one_is_replaced_postgres() {
    a_form_key_too_short_to_be_one_is_replaced(Backend::Postgres).await;
}

/// A sign-up while another process holds SQLite's write lock: 503 with
/// Retry-After, nothing stored, no mail; and accepted once the lock is gone.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_locked_sqlite_database_answers_503_and_stores_nothing() {
    use sqlx::Connection;
    let Some(app) = TestApp::builder(Backend::Sqlite).start().await else { return };
    let csrf = token(&app, "en").await;
    let mut other = sqlx::SqliteConnection::connect(&app.database_url).await.expect("connect");
    sqlx::query("BEGIN IMMEDIATE").execute(&mut other).await.expect("take the write lock");
    let form = [("email", "locked@example.org"), ("consent", "yes"), ("csrf", csrf.as_str()), ("website", "")];
    let response = post(&app, page("en"), &form).await;
    assert_eq!(response.status(), 503);
    assert!(response.headers().contains_key("retry-after"));
    let html = html(response).await;
    assert_eq!(text(&html, "h1"), "Service temporarily unavailable");
    sqlx::query("ROLLBACK").execute(&mut other).await.expect("release the lock");
    other.close().await.expect("close");
    assert_eq!(subscribers(&app, true).lines().count(), 1, "only the header: nothing stored");
    assert!(app.mail.sent().is_empty(), "no mail");
    assert_eq!(post(&app, page("en"), &form).await.status(), 200);
}

both_backends! {
    async fn three_instances_send_each_mail_once(app.signups_per_minute(1000)) {
        // Three instances of the site on one database, as behind a load
        // balancer: each has its own mail worker on the shared outbox.
        let second = app.second_instance().await;
        let third = app.second_instance().await;
        let csrf = token(app, "en").await;
        let mut sign_ups = tokio::task::JoinSet::new();
        // A burst of twenty at a time, as a newsletter's announcement brings.
        let burst = std::sync::Arc::new(tokio::sync::Semaphore::new(20));
        for i in 0..200 {
            let url = match i % 3 {
                0 => app.url(page("en")),
                1 => second.url(page("en")),
                _ => third.url(page("en")),
            };
            let body = url::form_urlencoded::Serializer::new(String::new())
                .extend_pairs([("email", format!("reader{i}@example.org")), ("consent", "yes".into()), ("csrf", csrf.clone())])
                .finish();
            let client = app.client.clone();
            let burst = burst.clone();
            sign_ups.spawn(async move {
                let _turn = burst.acquire_owned().await;
                client
                    .post(url)
                    .header("content-type", "application/x-www-form-urlencoded")
                    .body(body)
                    .send()
                    .await
                    .map(|r| r.status().as_u16())
            });
        }
        while let Some(status) = sign_ups.join_next().await {
            assert_eq!(status.expect("task").expect("POST"), 200);
        }
        // Once the outbox records all 200 as sent, nothing can be sent again:
        // a mail is recorded as sent after it is, and only a claim sends.
        let sent = |rows: &Vec<(i64,)>| rows.first().is_some_and(|(n,)| *n == 200);
        let count = || app.rows::<(i64,)>("SELECT count(*) FROM mail_outbox WHERE status = 'sent'");
        assert!(sent(&settle(PATIENCE, count, sent).await), "all 200 recorded as sent");
        let mut recipients: Vec<String> = app.mail.sent().into_iter().map(|mail| mail.recipient).collect();
        assert_eq!(recipients.len(), 200, "{recipients:?}");
        recipients.sort();
        recipients.dedup();
        assert_eq!(recipients.len(), 200, "each mail once");
        second.stop().await;
        third.stop().await;
    }
}

both_backends! {
    async fn the_sign_up_limit_holds_across_instances(app) {
        // One address signing up through three instances on one database:
        // the limit (5 a minute) is counted in the database, not per instance.
        let second = app.second_instance().await;
        let third = app.second_instance().await;
        let csrf = token(app, "en").await;
        let mut statuses = Vec::new();
        for i in 0..9 {
            let url = match i % 3 {
                0 => app.url(page("en")),
                1 => second.url(page("en")),
                _ => third.url(page("en")),
            };
            let email = format!("spread{i}@example.org");
            let form = [("email", email.as_str()), ("consent", "yes"), ("csrf", csrf.as_str()), ("website", "")];
            let body = url::form_urlencoded::Serializer::new(String::new()).extend_pairs(form).finish();
            let response = app.client.post(url).header("content-type", "application/x-www-form-urlencoded")
                .body(body).send().await.expect("POST");
            statuses.push(response.status().as_u16());
        }
        assert_eq!(statuses, [200, 200, 200, 200, 200, 429, 429, 429, 429]);
        assert_eq!(subscribers(app, true).lines().count(), 6, "the header and five sign-ups");
        // A minute later the address may sign up again, through any instance.
        app.clock.advance(time::Duration::minutes(2));
        let form = [("email", "later@example.org"), ("consent", "yes"), ("csrf", csrf.as_str()), ("website", "")];
        let body = url::form_urlencoded::Serializer::new(String::new()).extend_pairs(form).finish();
        let response = app.client.post(third.url(page("en"))).header("content-type", "application/x-www-form-urlencoded")
            .body(body).send().await.expect("POST");
        assert_eq!(response.status(), 200);
        second.stop().await;
        third.stop().await;
    }
}
