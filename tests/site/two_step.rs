//! The two-step sign-in, over HTTP on both backends: set up from My
//! account (the key as text and as an inline SVG QR code, confirmed with a
//! code), the recovery codes, the second step at sign-in (no session
//! before it; a code not accepted twice; wrong codes counted towards the
//! lockout; a recovery code once; the pending sign-in's five minutes),
//! turning it off, the admins' setting that requires it of everyone, the
//! command line's way out, and the audit log of it all. Codes are computed
//! from the key shown, at the site's clock.

use scraper::Html;
use time::{Duration, OffsetDateTime};

use crate::common::{
    TestApp, attr, attrs, both_backends,
    staff::{PASSWORD, Staff},
    text, texts,
};

/// The key an authenticator app is given, and the codes it shows: RFC
/// 6238 computed here, as an app would, not by the site's code.
struct TotpSecret(totp_rs::Totp);

impl TotpSecret {
    /// The key as the page shows it (base32 in groups of four).
    fn parse(shown: &str) -> Option<TotpSecret> {
        let compact: String = shown.split_whitespace().collect();
        let bytes = totp_rs::Secret::try_from_base32(&compact).ok()?;
        let totp = totp_rs::Builder::new().with_secret(bytes.as_bytes().to_vec()).build().ok()?;
        Some(TotpSecret(totp))
    }

    fn code_at(&self, at: OffsetDateTime) -> String {
        self.0.generate(u64::try_from(at.unix_timestamp()).expect("after 1970")).to_string()
    }
}

async fn html(response: reqwest::Response) -> Html {
    Html::parse_document(&response.text().await.expect("body"))
}

/// The `name=value` of a cookie a response sets, if it sets it.
fn cookie(response: &reqwest::Response, name: &str) -> Option<String> {
    response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|value| value.to_str().ok())
        .map(|value| value.split(';').next().unwrap_or_default().to_owned())
        .find(|pair| pair.starts_with(&format!("{name}=")) && pair.len() > name.len() + 1)
}

/// A code of the app at the site's clock, for another code than the
/// last one used: the clock moves a step first.
fn next_code(app: &TestApp, secret: &TotpSecret) -> String {
    app.clock.advance(Duration::seconds(30));
    secret.code_at(app.clock.now())
}

/// A code that is not the app's at the site's clock (nor a step around it).
fn wrong_code(app: &TestApp, secret: &TotpSecret) -> String {
    let now = app.clock.now();
    let right: Vec<String> = [-30, 0, 30].iter().map(|s| secret.code_at(now + Duration::seconds(*s))).collect();
    (0..1000).map(|n| format!("{:06}", 123_456 + n)).find(|code| !right.contains(code)).expect("a wrong code")
}

/// Turns the two-step sign-in on from My account: the key read from the
/// page, and the ten recovery codes shown.
async fn turn_on(staff: &Staff<'_>) -> (TotpSecret, Vec<String>) {
    let response = staff.post("/admin/account/two-step", &[]).await;
    assert_eq!(response.status(), 303);
    let page = staff.page("/admin/account").await;
    let secret = TotpSecret::parse(&text(&page, "#two-step-secret")).expect("the key shown");
    let code = secret.code_at(staff.app.clock.now());
    let response = staff.post("/admin/account/two-step/confirm", &[("code", &code)]).await;
    assert_eq!(response.status(), 200);
    let codes = texts(&html(response).await, "#recovery-codes li");
    assert_eq!(codes.len(), 10);
    (secret, codes)
}

/// Signs in with the password, which must be right: the pending cookie.
async fn first_step(app: &TestApp, email: &str) -> String {
    let response = app.post_sign_in(email, PASSWORD).await;
    assert_eq!(response.status(), 303);
    assert_eq!(response.headers()["location"], "/admin/sign-in/two-step");
    assert_eq!(cookie(&response, "oneinfive-session"), None, "no session after the password alone");
    cookie(&response, "oneinfive-two-step").expect("a pending cookie")
}

/// Posts the second step's form, with its token from the page.
async fn send_two_step_code(app: &TestApp, pending: &str, code: &str) -> reqwest::Response {
    let page = app.client.get(app.url("/admin/sign-in/two-step")).header("cookie", pending).send().await.expect("GET");
    let csrf = if page.status() == 200 {
        attr(&html(page).await, "main form input[name=csrf]", "value")
    } else {
        attr(&app.page("/admin/sign-in").await, "main form input[name=csrf]", "value")
    };
    app.client
        .post(app.url("/admin/sign-in/two-step"))
        .header("cookie", pending)
        .form(&[("csrf", csrf.as_str()), ("code", code)])
        .send()
        .await
        .expect("POST the second step")
}

/// Both steps; the second must succeed. The signed-in person's client.
async fn sign_in_with<'a>(app: &'a TestApp, email: &str, code: &str) -> Staff<'a> {
    let pending = first_step(app, email).await;
    let response = send_two_step_code(app, &pending, code).await;
    assert_eq!(response.status(), 303, "the second step of {email}");
    assert_eq!(response.headers()["location"], "/admin/");
    let session = cookie(&response, "oneinfive-session").expect("a session cookie");
    Staff { app, cookie: session }
}

async fn failed_sign_ins(app: &TestApp, email: &str) -> i64 {
    let rows: Vec<(i64,)> =
        app.rows(&format!("SELECT CAST(failed_sign_ins AS BIGINT) FROM accounts WHERE email = '{email}'")).await;
    rows[0].0
}

async fn audit(app: &TestApp) -> Vec<(Option<String>, String, String)> {
    app.rows("SELECT actor_email, kind, summary FROM audit_log ORDER BY id").await
}

both_backends! {
    async fn set_up_sign_in_with_a_code_and_turn_off(app) {
        let staff = app.staff("ada@example.org", "editor").await;
        // No pending sign-in: the second step's page leads to the sign-in.
        let response = app.get("/admin/sign-in/two-step").await;
        assert_eq!(response.status(), 303);
        assert_eq!(response.headers()["location"], "/admin/sign-in");
        let page = staff.page("/admin/account").await;
        assert_eq!(attrs(&page, "#two-step-start-form", "action"), ["/admin/account/two-step"]);
        assert!(texts(&page, "#two-step-secret").is_empty());

        // The set-up: the key in groups of four, and its QR code as inline
        // SVG, named, without style.
        let response = staff.post("/admin/account/two-step", &[]).await;
        assert_eq!(response.status(), 303);
        let page = staff.page("/admin/account").await;
        let shown = text(&page, "#two-step-secret");
        assert_eq!(shown.split(' ').count(), 8, "{shown}");
        assert!(shown.split(' ').all(|group| group.len() == 4), "{shown}");
        let secret = TotpSecret::parse(&shown).expect("base32");
        assert_eq!(attr(&page, "#two-step-qr svg", "role"), "img");
        assert!(!attr(&page, "#two-step-qr svg", "aria-label").is_empty());
        assert!(attrs(&page, "#two-step-qr svg path", "d")[0].starts_with('M'));
        assert!(attrs(&page, "#two-step-qr [style]", "style").is_empty());
        let pending: Vec<(i64,)> =
            app.rows("SELECT count(*) FROM accounts WHERE totp_secret IS NOT NULL AND totp_confirmed_at IS NULL").await;
        assert_eq!(pending, [(1,)]);

        // A wrong code: 422, still off.
        let response = staff.post("/admin/account/two-step/confirm", &[("code", &wrong_code(app, &secret))]).await;
        assert_eq!(response.status(), 422);
        let page = html(response).await;
        assert_eq!(attr(&page, "#confirm-code", "aria-describedby"), "confirm-code-error");
        assert_eq!(text(&page, "#two-step-secret"), shown, "the same key, shown again");

        // The right one: on, and ten recovery codes shown once.
        let code = secret.code_at(app.clock.now());
        let response = staff.post("/admin/account/two-step/confirm", &[("code", &code)]).await;
        assert_eq!(response.status(), 200);
        let page = html(response).await;
        let codes = texts(&page, "#recovery-codes li");
        assert_eq!(codes.len(), 10);
        for code in &codes {
            assert_eq!(code.len(), 14, "{code}");
            assert_eq!(code.matches('-').count(), 2, "{code}");
        }
        let page = staff.page("/admin/account").await;
        assert!(texts(&page, "#recovery-codes li").is_empty(), "shown once only");
        assert!(text(&page, "#two-step-codes-left").contains("10"));

        // Signing in now takes two steps: the password alone opens no session.
        let pending = first_step(app, "ada@example.org").await;
        let response = app.client.get(app.url("/admin/")).header("cookie", &pending).send().await.expect("GET");
        assert_eq!(response.status(), 303);
        assert_eq!(response.headers()["location"], "/admin/sign-in");
        let page = html(app.client.get(app.url("/admin/sign-in/two-step")).header("cookie", &pending).send().await.expect("GET")).await;
        assert_eq!(attr(&page, "#two-step-code", "autocomplete"), "one-time-code");

        // The code used to confirm, at the same step: refused (422).
        let response = send_two_step_code(app, &pending, &code).await;
        assert_eq!(response.status(), 422);
        assert_eq!(cookie(&response, "oneinfive-session"), None);
        assert_eq!(attr(&html(response).await, "#two-step-code", "aria-describedby"), "two-step-code-error");
        assert_eq!(failed_sign_ins(app, "ada@example.org").await, 1);

        // The next step's code: signed in, with a new session; the failures forgotten.
        let code = next_code(app, &secret);
        let response = send_two_step_code(app, &pending, &code).await;
        assert_eq!(response.status(), 303);
        let session = cookie(&response, "oneinfive-session").expect("a session");
        assert_ne!(session, staff.cookie);
        let signed_in = Staff { app, cookie: session };
        assert_eq!(signed_in.get("/admin/").await.status(), 200);
        assert_eq!(failed_sign_ins(app, "ada@example.org").await, 0);
        // The pending sign-in is gone with its use.
        let response = send_two_step_code(app, &pending, &next_code(app, &secret)).await;
        assert_eq!(response.status(), 303);
        assert_eq!(response.headers()["location"], "/admin/sign-in");

        // The same code again, at the same step, for another sign-in: refused.
        let again = first_step(app, "ada@example.org").await;
        let replayed = secret.code_at(app.clock.now());
        let response = send_two_step_code(app, &again, &replayed).await;
        assert_eq!(response.status(), 303, "a fresh code of this step is accepted once");
        let again = first_step(app, "ada@example.org").await;
        let response = send_two_step_code(app, &again, &replayed).await;
        assert_eq!(response.status(), 422, "and not twice");

        // A recovery code works once, not twice; the count goes down.
        let response = send_two_step_code(app, &again, &codes[0]).await;
        assert_eq!(response.status(), 303);
        let other = first_step(app, "ada@example.org").await;
        assert_eq!(send_two_step_code(app, &other, &codes[0]).await.status(), 422);
        let recovered = sign_in_with(app, "ada@example.org", &codes[1].to_uppercase().replace('-', " ")).await;
        assert!(text(&recovered.page("/admin/account").await, "#two-step-codes-left").contains('8'));

        // Too late: five minutes and more after the password.
        let late = first_step(app, "ada@example.org").await;
        app.clock.advance(Duration::minutes(6));
        let response = send_two_step_code(app, &late, &secret.code_at(app.clock.now())).await;
        assert_eq!(response.status(), 303);
        assert_eq!(response.headers()["location"], "/admin/sign-in?expired=1");
        assert_eq!(cookie(&response, "oneinfive-session"), None);
        assert!(!text(&app.page("/admin/sign-in?expired=1").await, "#sign-in-notice").is_empty());

        // Turning it off takes the password and a code.
        let staff = sign_in_with(app, "ada@example.org", &next_code(app, &secret)).await;
        let code = next_code(app, &secret);
        let response = staff.post("/admin/account/two-step/off", &[("password", "wrong password, really"), ("code", &code)]).await;
        assert_eq!(response.status(), 422);
        assert_eq!(attr(&html(response).await, "#off-password", "aria-describedby"), "off-password-error");
        let response = staff.post("/admin/account/two-step/off", &[("password", PASSWORD), ("code", "")]).await;
        assert_eq!(response.status(), 422);
        assert_eq!(attr(&html(response).await, "#off-code", "aria-describedby"), "off-code-error");
        let response = staff.post("/admin/account/two-step/off", &[("password", PASSWORD), ("code", &code)]).await;
        assert_eq!(response.status(), 303);
        assert_eq!(response.headers()["location"], "/admin/account?done=two-step-off");
        let rows: Vec<(Option<String>, i64)> = app.rows("SELECT totp_secret, (SELECT count(*) FROM recovery_codes) FROM accounts").await;
        assert_eq!(rows, [(None, 0)]);
        app.sign_in("ada@example.org", PASSWORD).await;

        // The audit log.
        let entries = audit(app).await;
        let kinds = |kind: &str| entries.iter().filter(|(_, k, _)| k == kind).map(|(who, _, summary)| (who.clone(), summary.clone())).collect::<Vec<_>>();
        let ada = Some("ada@example.org".to_owned());
        assert_eq!(kinds("account.two_step_on"), [(ada.clone(), "ada@example.org: 10 recovery codes".to_owned())]);
        assert_eq!(kinds("account.two_step_off"), [(ada.clone(), "ada@example.org".to_owned())]);
        assert_eq!(kinds("session.recovery_code_used"), [(ada.clone(), "9 left".to_owned()), (ada.clone(), "8 left".to_owned())]);
        assert_eq!(kinds("session.sign_in_failed").iter().filter(|(_, s)| s == "wrong two-step code").count(), 3);
        assert!(kinds("session.signed_in").iter().any(|(_, s)| s == "recovery code"));
    }

    async fn five_wrong_codes_lock_the_account(app) {
        let staff = app.staff("eve@example.org", "editor").await;
        let (secret, _) = turn_on(&staff).await;
        let pending = first_step(app, "eve@example.org").await;
        for attempt in 1..5 {
            let response = send_two_step_code(app, &pending, &wrong_code(app, &secret)).await;
            assert_eq!(response.status(), 422, "attempt {attempt}");
            assert!(!text(&html(response).await, "#two-step-code-error").is_empty());
        }
        assert_eq!(failed_sign_ins(app, "eve@example.org").await, 4);
        // The fifth locks the account: the pending sign-in is dropped.
        let response = send_two_step_code(app, &pending, &wrong_code(app, &secret)).await;
        assert_eq!(response.status(), 422);
        assert!(!text(&html(response).await, "#sign-in-error").is_empty());
        let rows: Vec<(i64,)> = app.rows("SELECT count(*) FROM pending_sign_ins").await;
        assert_eq!(rows, [(0,)]);
        let response = send_two_step_code(app, &pending, &next_code(app, &secret)).await;
        assert_eq!(response.status(), 303);
        assert_eq!(response.headers()["location"], "/admin/sign-in");
        // The right password is refused while it waits.
        assert_eq!(app.post_sign_in("eve@example.org", PASSWORD).await.status(), 422);
        let locked = audit(app).await.into_iter().filter(|(_, kind, _)| kind == "account.locked").count();
        assert_eq!(locked, 1);
        // After fifteen minutes, both steps again.
        app.clock.advance(Duration::minutes(16));
        sign_in_with(app, "eve@example.org", &next_code(app, &secret)).await;
    }

    async fn new_recovery_codes_void_the_old_and_the_command_line_turns_it_off(app) {
        let staff = app.staff("rob@example.org", "editor").await;
        let (_, old) = turn_on(&staff).await;
        let response = staff.post("/admin/account/two-step/recovery-codes", &[("password", "not my password at all")]).await;
        assert_eq!(response.status(), 422);
        assert_eq!(attr(&html(response).await, "#renew-password", "aria-describedby"), "renew-password-error");
        let response = staff.post("/admin/account/two-step/recovery-codes", &[("password", PASSWORD)]).await;
        assert_eq!(response.status(), 200);
        let new = texts(&html(response).await, "#recovery-codes li");
        assert_eq!(new.len(), 10);
        assert!(new.iter().all(|code| !old.contains(code)));
        let pending = first_step(app, "rob@example.org").await;
        assert_eq!(send_two_step_code(app, &pending, &old[0]).await.status(), 422);
        assert_eq!(send_two_step_code(app, &pending, &new[0]).await.status(), 303);
        assert!(audit(app).await.iter().any(|(who, kind, _)| kind == "account.recovery_codes_renewed" && who.as_deref() == Some("rob@example.org")));

        // A new password voids a sign-in waiting for its second step.
        let pending = first_step(app, "rob@example.org").await;
        let output = app.cli_with_input(&["admin", "passwd", "rob@example.org"], &format!("{PASSWORD}\n{PASSWORD}\n"));
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        let response = send_two_step_code(app, &pending, &new[1]).await;
        assert_eq!(response.status(), 303);
        assert_eq!(response.headers()["location"], "/admin/sign-in");

        // An operator turns it off for someone who lost phone and codes.
        let output = app.cli(&["admin", "two-step", "off", "rob@example.org"]);
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        app.sign_in("rob@example.org", PASSWORD).await;
        let entries = audit(app).await;
        let (who, _, summary) = entries.iter().rfind(|(_, kind, _)| kind == "account.two_step_off").expect("audited");
        assert_eq!((who, summary.as_str()), (&None, "rob@example.org"));
    }

    async fn the_admin_setting_requires_it_of_everyone(app) {
        let admin = app.staff("ada@example.org", "admin").await;
        let editor = app.staff("eddie@example.org", "editor").await;
        let page = admin.page("/admin/accounts").await;
        assert_eq!(attr(&page, "#two-step-setting input[checked]", "value"), "off");
        // Admins only.
        assert_eq!(editor.post("/admin/accounts/two-step-required", &[("required", "on")]).await.status(), 403);

        let response = admin.post("/admin/accounts/two-step-required", &[("required", "on")]).await;
        assert_eq!(response.status(), 303);
        assert_eq!(response.headers()["location"], "/admin/accounts?done=two-step");

        // Without the two-step sign-in, only My account is open.
        for path in ["/admin/", "/admin/signatories", "/admin/subscribers"] {
            let response = editor.get(path).await;
            assert_eq!(response.status(), 303, "{path}");
            assert_eq!(response.headers()["location"], "/admin/account?two-step=required#two-step");
        }
        assert_eq!(editor.post("/admin/signatories/new", &[("name", "X")]).await.status(), 303);
        let page = editor.page("/admin/account?two-step=required").await;
        assert!(!text(&page, "#two-step-required").is_empty());
        // The admin too, and the accounts page with it.
        assert_eq!(admin.get("/admin/accounts").await.status(), 303);

        // Once on, the rest opens.
        turn_on(&editor).await;
        assert_eq!(editor.get("/admin/signatories").await.status(), 200);
        assert!(texts(&editor.page("/admin/account").await, "#two-step-required").is_empty());
        turn_on(&admin).await;
        let page = admin.page("/admin/accounts").await;
        assert_eq!(attr(&page, "#two-step-setting input[checked]", "value"), "on");
        assert_eq!(texts(&page, "#accounts .account-totp"), ["Activée", "Activée"]);

        let response = admin.post("/admin/accounts/two-step-required", &[("required", "off")]).await;
        assert_eq!(response.status(), 303);
        let changes: Vec<(Option<String>, String)> =
            app.rows("SELECT actor_email, summary FROM audit_log WHERE kind = 'settings.changed' ORDER BY id").await;
        assert_eq!(changes, [
            (Some("ada@example.org".to_owned()), "two-step sign-in required: off → on".to_owned()),
            (Some("ada@example.org".to_owned()), "two-step sign-in required: on → off".to_owned()),
        ]);
        let log = admin.page("/admin/audit?kind=settings.changed").await;
        assert_eq!(texts(&log, "tbody .audit-kind"), ["Réglage modifié", "Réglage modifié"]);
        let log = admin.page("/admin/audit?kind=account.two_step_on").await;
        assert_eq!(texts(&log, "tbody .audit-kind"), ["Connexion en deux étapes activée", "Connexion en deux étapes activée"]);
    }
}
