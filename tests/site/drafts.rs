//! Nothing typed is lost: a back-office form sent after its session ended
//! (the clock moved past the idle time) or with a stale token is kept, the
//! person led back to it, and nothing saved until they press save again;
//! secrets are never kept, another account never gets the text, a form
//! from another site keeps nothing, and a client keeps only so many.

use scraper::Html;
use time::Duration;

use crate::common::{TestApp, attr, both_backends, staff::PASSWORD, text};

const NEW: &str = "/admin/signatories/new";

/// The `name=value` of a cookie a response sets, by its name.
fn cookie(response: &reqwest::Response, name: &str) -> Option<String> {
    response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .map(|v| v.split(';').next().unwrap_or_default().to_owned())
        .find(|pair| pair.starts_with(&format!("{name}=")) && pair.len() > name.len() + 1)
}

fn location(response: &reqwest::Response) -> &str {
    response.headers().get("location").and_then(|v| v.to_str().ok()).unwrap_or_default()
}

/// Posts a back-office form as a browser does from the page `from`:
/// with its cookies, and the page as the referrer.
async fn post_from(app: &TestApp, from: &str, to: &str, cookies: &str, fields: &[(&str, &str)]) -> reqwest::Response {
    app.client
        .post(app.url(to))
        .header("cookie", cookies)
        .header("referer", app.url(from))
        .form(fields)
        .send()
        .await
        .expect("POST")
}

/// Signs in through the form with the browser's cookies (the draft's).
async fn sign_in_with(app: &TestApp, cookies: &str, email: &str) -> reqwest::Response {
    let page = app.page("/admin/sign-in").await;
    let csrf = attr(&page, "main form input[name=csrf]", "value");
    app.client
        .post(app.url("/admin/sign-in"))
        .header("cookie", cookies)
        .form(&[("csrf", csrf.as_str()), ("email", email), ("password", PASSWORD)])
        .send()
        .await
        .expect("POST /admin/sign-in")
}

async fn page_with(app: &TestApp, path: &str, cookies: &str) -> Html {
    let response = app.client.get(app.url(path)).header("cookie", cookies).send().await.expect("GET");
    assert_eq!(response.status(), 200, "GET {path}");
    Html::parse_document(&response.text().await.expect("body"))
}

fn restored(page: &Html) -> Option<String> {
    let found = scraper::Selector::parse("#form-restored").ok().and_then(|s| page.select(&s).next().map(|_| ()));
    found.map(|()| text(page, "#form-restored"))
}

both_backends! {
    async fn a_form_sent_after_the_session_ended_comes_back_after_signing_in(app) {
        let staff = app.staff("officer@example.org", "editor").await;
        let csrf = staff.token().await;
        // Thirty-one minutes of typing without a request: the session ends.
        app.clock.advance(Duration::minutes(31));
        let typed = [("csrf", csrf.as_str()), ("name", "Kuopio"), ("kind", "city"), ("country", "FI"),
            ("joined_on", "2026-05-04"), ("latitude", ""), ("longitude", "")];
        let response = post_from(app, NEW, NEW, &staff.cookie, &typed).await;
        assert_eq!(response.status(), 303);
        assert_eq!(location(&response), "/admin/sign-in?ended=1");
        let draft = cookie(&response, "oneinfive-draft").expect("the browser keeps the draft's id");
        assert!(!app.export().contains("Kuopio"), "nothing saved");
        let notice = app.page("/admin/sign-in?ended=1").await;
        assert!(text(&notice, "#sign-in-notice").starts_with("Votre session a pris fin"));

        // Signed in again on that browser: back on the form.
        let signed_in = sign_in_with(app, &draft, "officer@example.org").await;
        assert_eq!(signed_in.status(), 303);
        assert_eq!(location(&signed_in), NEW);
        let session = cookie(&signed_in, "oneinfive-session").expect("a session");
        let cookies = format!("{session}; {draft}");
        let page = page_with(app, NEW, &cookies).await;
        assert!(restored(&page).is_some_and(|t| t.contains("rien n’a été enregistré")), "the page says so");
        assert_eq!(attr(&page, "#signatory-name", "value"), "Kuopio");
        assert_eq!(attr(&page, "#signatory-joined-on", "value"), "2026-05-04");
        assert!(!app.export().contains("Kuopio"), "still nothing saved");
        // Once: then the form is the empty one again.
        let again = page_with(app, NEW, &cookies).await;
        assert_eq!(restored(&again), None);
        assert_eq!(attr(&again, "#signatory-name", "value"), "");
        // No secret is ever kept.
        let kept: Vec<(String,)> = app.rows("SELECT fields FROM form_drafts").await;
        assert!(kept.is_empty(), "the draft is forgotten once shown: {kept:?}");
    }

    async fn a_stale_token_keeps_the_text_and_its_version(app) {
        let staff = app.staff("officer@example.org", "editor").await;
        let signatory = |name: &'static str| [("name", name), ("kind", "city"), ("country", "FI"), ("joined_on", "2025-01-02")];
        assert_eq!(staff.post(NEW, &signatory("Oulu")).await.status(), 303);
        let (id,): (i64,) = app.rows("SELECT id FROM signatories").await.remove(0);
        let path = format!("/admin/signatories/{id}");
        let version = attr(&staff.page(&path).await, "form[data-form=signatory] input[name=version]", "value");
        // The form sent with a token of another session (the person signed
        // in again in another tab): still signed in, back to the form.
        let stale = "0".repeat(64);
        let mut typed = vec![("csrf", stale.as_str()), ("version", version.as_str())];
        typed.extend(signatory("Oulu, typed"));
        let response = post_from(app, &path, &path, &staff.cookie, &typed).await;
        assert_eq!(response.status(), 303);
        assert_eq!(location(&response), path);
        let draft = cookie(&response, "oneinfive-draft").expect("kept");
        assert!(!app.export().contains("Oulu, typed"), "nothing saved");

        // Meanwhile someone else saves the signatory.
        let other = app.staff("other@example.org", "editor").await;
        let mut theirs = vec![("version", version.as_str())];
        theirs.extend(signatory("Oulu, theirs"));
        assert_eq!(other.post(&path, &theirs).await.status(), 303);

        let page = page_with(app, &path, &format!("{}; {draft}", staff.cookie)).await;
        assert!(restored(&page).is_some());
        assert_eq!(attr(&page, "#signatory-name", "value"), "Oulu, typed");
        assert_eq!(attr(&page, "form[data-form=signatory] input[name=version]", "value"), version,
            "at the version it was read at");
        // Saved again, it meets the other change: refused, theirs shown.
        let mut again = vec![("version", version.as_str())];
        again.extend(signatory("Oulu, typed"));
        assert_eq!(staff.post(&path, &again).await.status(), 409);
        assert!(app.export().contains("Oulu, theirs"));
    }

    async fn secrets_are_not_kept_and_another_account_gets_nothing(app) {
        let staff = app.staff("officer@example.org", "editor").await;
        app.create_account("colleague@example.org", "editor");
        app.clock.advance(Duration::minutes(31));
        let response = post_from(app, "/admin/account", "/admin/account/password", &staff.cookie, &[
            ("csrf", "stale"), ("current_password", PASSWORD), ("new_password", "a new one, quite long 42"),
            ("confirm", "a new one, quite long 42"),
        ]).await;
        assert_eq!(location(&response), "/admin/sign-in?ended=1");
        let draft = cookie(&response, "oneinfive-draft").expect("kept");
        let kept: Vec<(String, String)> = app.rows("SELECT page, fields FROM form_drafts").await;
        assert_eq!(kept.len(), 1);
        assert_eq!(kept[0].0, "/admin/account");
        assert!(!kept[0].1.contains("password") && !kept[0].1.contains("csrf") && !kept[0].1.contains("quite"),
            "no secret kept: {:?}", kept[0].1);

        // A draft typed by a known account goes back to that account only.
        let fresh = app.sign_in("officer@example.org", PASSWORD).await;
        let stale_token = "0".repeat(64);
        let response = post_from(app, NEW, NEW, &format!("{}; {draft}", fresh.cookie), &[
            ("csrf", stale_token.as_str()), ("name", "Kuopio"), ("kind", "city"),
        ]).await;
        assert_eq!(location(&response), NEW);
        let colleague = sign_in_with(app, &draft, "colleague@example.org").await;
        assert_eq!(location(&colleague), "/admin/", "not led to another's form");
        let session = cookie(&colleague, "oneinfive-session").expect("a session");
        let page = page_with(app, NEW, &format!("{session}; {draft}")).await;
        assert_eq!(restored(&page), None);
        assert_eq!(attr(&page, "#signatory-name", "value"), "");
    }

    async fn a_form_from_another_site_keeps_nothing_and_a_client_keeps_only_so_many(app) {
        let staff = app.staff("officer@example.org", "editor").await;
        let forged = app.client.post(app.url(NEW)).header("cookie", &staff.cookie)
            .header("origin", "https://evil.example").header("sec-fetch-site", "cross-site")
            .form(&[("csrf", "stale"), ("name", "Forged")]).send().await.expect("POST");
        assert_eq!(forged.status(), 403);
        assert_eq!(cookie(&forged, "oneinfive-draft"), None);
        assert_eq!(text(&Html::parse_document(&forged.text().await.expect("body")), "h1"), "Requête refusée");
        // Sixty drafts an hour from one address; the next is not kept, and
        // the person is led back all the same.
        for n in 0..60 {
            let response = post_from(app, NEW, NEW, "", &[("csrf", "stale"), ("name", "Kept")]).await;
            assert!(cookie(&response, "oneinfive-draft").is_some(), "draft {n} kept");
        }
        let response = post_from(app, NEW, NEW, "", &[("csrf", "stale"), ("name", "Too many")]).await;
        assert_eq!(location(&response), "/admin/sign-in?ended=1");
        assert_eq!(cookie(&response, "oneinfive-draft"), None);
        // An hour later, old drafts are forgotten by the housekeeping.
        app.clock.advance(Duration::minutes(61));
        app.store.forget_old_drafts(app.clock.now()).await.expect("housekeeping");
        let left: Vec<(String,)> = app.rows("SELECT page FROM form_drafts").await;
        assert!(left.is_empty(), "{left:?}");
    }
}
