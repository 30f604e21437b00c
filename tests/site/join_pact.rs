//! "Join the Pact": an authority's application, from the public form to
//! the directory, on both backends; each bad input with its answer,
//! nothing stored and nothing sent.

use scraper::Html;

use crate::common::{PATIENCE, TestApp, attr, attrs, both_backends, text};

/// The form's address in a language.
fn page(lang: &str) -> &'static str {
    if lang == "fr" { "/fr/pacte/adherer" } else { "/en/pact/join" }
}

/// A form's fields, by name.
type Fields = [(&'static str, String)];

/// A valid application's fields.
fn valid(name: &str, country: &str) -> Vec<(&'static str, String)> {
    [
        ("name", name),
        ("name_fr", ""),
        ("name_en", ""),
        ("kind", "city"),
        ("country", country),
        ("website", "https://town.example/"),
        ("decided_on", "2026-01-15"),
        ("contact_name", "Ana Example"),
        ("contact_role", "Mayor's office"),
        ("contact_email", "ana@example.org"),
        ("contact_phone", ""),
        ("message", "We signed."),
        ("consent", "yes"),
        ("homepage", ""),
    ]
    .into_iter()
    .map(|(k, v)| (k, v.to_owned()))
    .collect()
}

fn set(fields: &mut [(&'static str, String)], name: &str, value: &str) {
    for field in fields.iter_mut().filter(|(n, _)| *n == name) {
        field.1 = value.to_owned();
    }
}

const PDF: &[u8] = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n";

/// Posts the form as a browser does (multipart), with the page's token
/// unless `token` is `Some("")`, and a file.
async fn send(
    app: &TestApp,
    lang: &str,
    fields: &[(&'static str, String)],
    file: &[u8],
    token: Option<&str>,
) -> reqwest::Response {
    let page_token = attr(&app.page(page(lang)).await, "form[data-form=join] input[name=csrf]", "value");
    let token = token.unwrap_or(&page_token);
    let boundary = "----oneinfive-join-boundary";
    let mut body = Vec::new();
    let csrf = ("csrf", token.to_owned());
    for (name, value) in std::iter::once(&csrf).chain(fields.iter()) {
        if (*name == "csrf" && value.is_empty()) || (*name == "consent" && value.is_empty()) {
            continue;
        }
        body.extend_from_slice(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n").as_bytes(),
        );
    }
    body.extend_from_slice(
        format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"document\"; filename=\"decision.pdf\"\r\nContent-Type: application/pdf\r\n\r\n"
        )
        .as_bytes(),
    );
    body.extend_from_slice(file);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    app.client
        .post(app.url(page(lang)))
        .header("content-type", format!("multipart/form-data; boundary={boundary}"))
        .body(body)
        .send()
        .await
        .expect("POST the join form")
}

/// The status of the form sent with a file over the body's limit. The
/// site answers before it has read the body and closes the connection,
/// which the client may see as a broken pipe before it reads the answer:
/// then it tries again.
async fn send_big(app: &TestApp, file: &[u8]) -> u16 {
    let token = attr(&app.page(page("en")).await, "form[data-form=join] input[name=csrf]", "value");
    for _ in 0..5 {
        let boundary = "----oneinfive-join-boundary";
        let mut body = format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{token}\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"document\"; filename=\"big.pdf\"\r\nContent-Type: application/pdf\r\n\r\n"
        )
        .into_bytes();
        body.extend_from_slice(file);
        body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
        let sent = app
            .client
            .post(app.url(page("en")))
            .header("content-type", format!("multipart/form-data; boundary={boundary}"))
            .body(body)
            .send()
            .await;
        if let Ok(response) = sent {
            return response.status().as_u16();
        }
    }
    panic!("the site never answered the big form")
}

async fn html(response: reqwest::Response) -> Html {
    Html::parse_document(&response.text().await.expect("body"))
}

/// The applications stored, of any state.
async fn stored(app: &TestApp) -> i64 {
    let rows: Vec<(i64,)> = app.rows("SELECT count(*) FROM pact_applications").await;
    rows[0].0
}

/// The first link to the site in a mail's text part that contains `part`.
fn link(raw: &[u8], part: &str) -> String {
    let message = mail_parser::MessageParser::default().parse(raw).expect("a mail");
    let text = message.body_text(0).expect("a text part").into_owned();
    text.split_whitespace()
        .find(|word| word.starts_with("http://site.test/") && word.contains(part))
        .unwrap_or_else(|| panic!("no link with {part} in {text}"))
        .trim_start_matches("http://site.test")
        .to_owned()
}

/// The POST of a page's one-button form.
async fn press(app: &TestApp, path: &str) -> reqwest::Response {
    let page = app.page(path).await;
    let action = attr(&page, "form[data-form=join-confirm]", "action");
    let token = attr(&page, "form[data-form=join-confirm] input[name=csrf]", "value");
    app.client
        .post(app.url(&action))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(format!("csrf={token}"))
        .send()
        .await
        .expect("POST")
}

/// Sends a valid application in English and confirms it from its mail:
/// the status page's address.
pub(crate) async fn apply_and_confirm(app: &TestApp, name: &str, country: &str, mails_before: usize) -> String {
    let response = send(app, "en", &valid(name, country), PDF, None).await;
    assert_eq!(response.status(), 200);
    let sent = app.mail.wait_for(mails_before + 1, PATIENCE).await.expect("the confirmation mail");
    let confirm = link(&sent[mails_before].message, "/en/pact/join/confirm/");
    let response = press(app, &confirm).await;
    assert_eq!(response.status(), 200);
    let done = html(response).await;
    attr(&done, "main a[href*='/en/pact/join/status/']", "href")
}

both_backends! {
    async fn the_form_says_what_signing_means_and_labels_every_field(app) {
        for lang in ["fr", "en"] {
            let html = app.page(page(lang)).await;
            assert_eq!(html.select(&scraper::Selector::parse("h1").unwrap()).count(), 1);
            for id in ["join-name", "join-kind", "join-country", "join-decided-on", "join-contact-email", "join-document", "join-consent"] {
                let label = text(&html, &format!("label[for={id}]"));
                assert!(!label.is_empty(), "{lang}: {id} has a label");
            }
            let pact = attr(&html, ".join-page section a[href$='/pacte'], .join-page section a[href$='/pact']", "href");
            assert!(pact.ends_with("/pacte") || pact.ends_with("/pact"));
        }
    }

    async fn an_application_is_confirmed_then_followed_by_its_private_link(app.seeded()) {
        let _admin = app.staff("ada@example.org", "admin").await;
        let _editor = app.staff("eddie@example.org", "editor").await;
        let status = apply_and_confirm(app, "Valletta Test", "MT", 0).await;
        let page = app.page(&status).await;
        assert!(text(&page, "main").contains("Valletta Test"));
        // The contact's mail, and one for each admin (not the editor).
        let sent = app.mail.wait_for(3, PATIENCE).await.expect("the received mails");
        assert_eq!(sent.len(), 3);
        assert_eq!(sent[1].recipient, "ana@example.org");
        assert!(link(&sent[1].message, "/en/pact/join/status/").ends_with(status.rsplit('/').next().unwrap()));
        assert_eq!(sent[2].recipient, "ada@example.org");
        assert!(link(&sent[2].message, "/admin/applications/").starts_with("/admin/applications/"));
        // Another token, or none of ours: 404.
        let other = format!("/en/pact/join/status/{}", "0".repeat(64));
        assert_eq!(app.get(&other).await.status(), 404);
        assert_eq!(app.get("/en/pact/join/status/nope").await.status(), 404);
    }

    async fn each_bad_input_gets_its_answer_and_nothing_is_stored_or_sent(app.seeded()) {
        let mut missing = valid("Town", "MT");
        set(&mut missing, "name", "");
        let mut unknown = valid("Town", "MT");
        set(&mut unknown, "country", "ZZ");
        let mut future = valid("Town", "MT");
        set(&mut future, "decided_on", "2999-01-01");
        let mut no_consent = valid("Town", "MT");
        set(&mut no_consent, "consent", "");
        let cases: [(&Fields, &[u8], &str); 5] = [
            (&missing, PDF, "#join-name-error"),
            (&unknown, PDF, "#join-country-error"),
            (&future, PDF, "#join-decided-on-error"),
            (&valid("Town", "MT"), b"<html>not a pdf</html>", "#join-document-error"),
            (&no_consent, PDF, "#join-consent-error"),
        ];
        for (fields, file, error) in cases {
            let response = send(app, "en", fields, file, None).await;
            assert_eq!(response.status(), 422, "{error}");
            let page = html(response).await;
            assert!(!text(&page, error).is_empty(), "{error}");
            assert_eq!(attr(&page, "#join-contact-email", "value"), "ana@example.org", "typed values kept");
        }
        // Over 5 MiB in a body under the limit: refused with the reason.
        let over = [PDF, &vec![b' '; 5 * 1024 * 1024]].concat();
        let response = send(app, "en", &valid("Town", "MT"), &over, None).await;
        assert_eq!(response.status(), 422);
        assert!(!text(&html(response).await, "#join-document-error").is_empty());
        // 6 MiB: over the body's limit, refused before it is read (413).
        let big = [PDF, &vec![b' '; 6 * 1024 * 1024]].concat();
        assert_eq!(send_big(app, &big).await, 413);
        // No token: 403 and the form again.
        assert_eq!(send(app, "en", &valid("Town", "MT"), PDF, Some("")).await.status(), 403);
        // A signatory already (the sample's Paris, any case or accents).
        let response = send(app, "fr", &valid("PARÍS", "FR"), PDF, None).await;
        assert_eq!(response.status(), 409);
        // From another site: 403.
        let response = app
            .client
            .post(app.url(page("en")))
            .header("origin", "https://evil.example")
            .header("content-type", "multipart/form-data; boundary=x")
            .body("--x--\r\n")
            .send()
            .await
            .expect("POST");
        assert_eq!(response.status(), 403);
        assert_eq!(stored(app).await, 0);
        // The honeypot: answered as usual, nothing done.
        let mut robot = valid("Town", "MT");
        set(&mut robot, "homepage", "http://spam.example");
        assert_eq!(send(app, "en", &robot, PDF, None).await.status(), 200);
        assert_eq!(stored(app).await, 0);
        assert!(app.mail.wait_for(1, std::time::Duration::from_millis(300)).await.is_err(), "nothing sent");
    }

    async fn the_sixth_application_in_a_minute_is_refused(app.seeded()) {
        for n in 0..5 {
            let response = send(app, "en", &valid(&format!("Town {n}"), "MT"), PDF, None).await;
            assert_eq!(response.status(), 200, "{n}");
        }
        assert_eq!(send(app, "en", &valid("Town 6", "MT"), PDF, None).await.status(), 429);
        assert_eq!(stored(app).await, 5);
    }
}

/// The home page's counter: signatories, countries.
async fn counter(app: &TestApp) -> Vec<i64> {
    let shown = text(&app.page("/fr/").await, "#counter");
    shown
        .split(|c: char| c.is_whitespace() || c == '\u{a0}' || c == '\u{202f}')
        .filter_map(|word| word.parse().ok())
        .collect()
}

/// The id of the application awaiting review, from the staff's list.
async fn awaiting(staff: &crate::common::staff::Staff<'_>) -> i64 {
    let list = staff.page("/admin/applications").await;
    let href = attr(&list, "#applications a", "href");
    href.rsplit('/').next().and_then(|id| id.parse().ok()).expect("an application's id")
}

both_backends! {
    async fn an_approved_application_moves_the_counter(app.seeded()) {
        assert_eq!(counter(app).await, [77, 22]);
        let status = apply_and_confirm(app, "Reykjavík", "IS", 0).await;
        // Staff are told: one mail to the admin (the second after the contact's).
        let admin = app.staff("ada@example.org", "admin").await;
        let id = awaiting(&admin).await;
        assert_eq!(text(&admin.page("/admin/").await, "#applications-waiting"), "Une demande d’adhésion au Pacte attend d’être examinée.");
        // The document: only with a staff session.
        let document = format!("/admin/applications/{id}/document.pdf");
        let anonymous = app.get(&document).await;
        assert!(matches!(anonymous.status().as_u16(), 303 | 302 | 401 | 403), "{}", anonymous.status());
        let response = admin.get(&document).await;
        assert_eq!(response.status(), 200);
        assert_eq!(response.headers()["content-type"], "application/pdf");
        assert!(response.headers()["content-disposition"].to_str().unwrap().starts_with("attachment"));
        assert_eq!(response.headers()["x-content-type-options"], "nosniff");
        assert_eq!(response.bytes().await.unwrap().as_ref(), PDF);
        // Corrected, then approved with a news draft.
        let mut fields = vec![("name", "Reykjavíkurborg"), ("name_fr", ""), ("name_en", "Reykjavik"), ("kind", "city"), ("country", "IS"), ("website", ""), ("decided_on", "2026-01-15")];
        let response = admin.post(&format!("/admin/applications/{id}"), &fields).await;
        assert!(response.status().is_success() || response.status().is_redirection(), "{}", response.status());
        fields[6] = ("decided_on", "2999-01-01");
        let refused = admin.post(&format!("/admin/applications/{id}"), &fields).await;
        assert_eq!(refused.status(), 422);
        // Answered with the form as typed: the kind and the country as the
        // public form's lists, the date with its message.
        let page = Html::parse_document(&refused.text().await.unwrap());
        assert_eq!(attr(&page, "select#application-kind option[selected]", "value"), "city");
        assert_eq!(attr(&page, "select#application-country option[selected]", "value"), "IS");
        assert!(attrs(&page, "select#application-country option", "value").len() > 40);
        assert_eq!(attr(&page, "#application-decided-on", "value"), "2999-01-01");
        assert_eq!(attr(&page, "#application-decided-on", "aria-describedby"), "application-decided-on-error");
        assert!(!text(&page, "#application-decided-on-error").is_empty());
        let response = admin.post(&format!("/admin/applications/{id}/approve"), &[("news", "yes")]).await;
        assert!(response.status().is_success() || response.status().is_redirection(), "{}", response.status());
        assert_eq!(counter(app).await, [78, 23]);
        let page = app.page(&status).await;
        let directory = attr(&page, "main a[href^='/en/members/']", "href");
        // The signatory's address by its id leads to its page.
        let redirect = app.get(&directory).await;
        assert_eq!(redirect.status(), 308);
        let location = redirect.headers()["location"].to_str().unwrap().to_owned();
        assert!(text(&app.page(&location).await, "h1").contains("Reykjavik"));
        let drafts: Vec<(i64,)> = app.rows("SELECT count(*) FROM news WHERE draft").await;
        assert!(drafts[0].0 >= 1);
        // Approved once only.
        assert_eq!(admin.post(&format!("/admin/applications/{id}/approve"), &[]).await.status(), 404);
    }

    async fn a_declined_application_tells_its_reason(app.seeded()) {
        let status = apply_and_confirm(app, "Vaduz Test", "LI", 0).await;
        let editor = app.staff("eddie@example.org", "editor").await;
        let id = awaiting(&editor).await;
        assert_eq!(editor.post(&format!("/admin/applications/{id}/decline"), &[("reason", " ")]).await.status(), 422);
        let response = editor.post(&format!("/admin/applications/{id}/decline"), &[("reason", "Not a local authority.")]).await;
        assert!(response.status().is_success() || response.status().is_redirection(), "{}", response.status());
        let page = app.page(&status).await;
        assert_eq!(text(&page, ".join-reason"), "Not a local authority.");
        assert_eq!(counter(app).await, [77, 22]);
        let kinds: Vec<(String,)> = app.rows("SELECT kind FROM audit_log WHERE kind LIKE 'application.%' ORDER BY id").await;
        let kinds: Vec<&str> = kinds.iter().map(|k| k.0.as_str()).collect();
        assert_eq!(kinds, ["application.confirmed", "application.declined"]);
    }
}
