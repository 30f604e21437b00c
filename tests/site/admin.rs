//! The back office, over HTTP on both backends: signing in (right, wrong,
//! unknown, locked, disabled, slowed), sessions (expiry, sign-out, a
//! password change), the forms' checks, roles, headers, the subscribers,
//! the person's account, the audit log, and the `admin` commands.

use scraper::Html;
use time::Duration;

use crate::common::{
    TestApp, attr, attrs, both_backends,
    staff::{PASSWORD, Staff},
    stderr, stdout, text, texts,
};

async fn html(response: reqwest::Response) -> Html {
    Html::parse_document(&response.text().await.expect("body"))
}

/// What a refused sign-in shows: its status, title, message and the
/// address kept in the field.
async fn refusal(response: reqwest::Response) -> (u16, String, Vec<String>, String) {
    let status = response.status().as_u16();
    let page = html(response).await;
    (status, text(&page, "h1"), texts(&page, ".form-error"), attr(&page, "#sign-in-email", "value"))
}

/// The audit log's kinds and summaries, oldest first, read from the database.
async fn audit(app: &TestApp) -> Vec<(Option<String>, String, String)> {
    app.rows("SELECT actor_email, kind, summary FROM audit_log ORDER BY id").await
}

fn set_cookie(response: &reqwest::Response) -> String {
    response.headers().get("set-cookie").and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned()
}

both_backends! {
    async fn signing_in_answers_every_failure_alike(app.sign_ins_per_quarter_hour(100)) {
        app.create_account("marie@example.org", "editor");
        let wrong = refusal(app.post_sign_in("marie@example.org", "not the password at all").await).await;
        let unknown = refusal(app.post_sign_in("nobody@example.org", "not the password at all").await).await;
        assert_eq!(wrong.0, 422);
        assert_eq!(wrong.1, "Connexion");
        assert_eq!(wrong.2, ["L’adresse ou le mot de passe est incorrect. Si vous avez essayé plusieurs fois, attendez 15 minutes avant de réessayer."]);
        assert_eq!((wrong.0, &wrong.1, &wrong.2), (unknown.0, &unknown.1, &unknown.2));
        assert_eq!(wrong.3, "marie@example.org", "the address is kept");
        // The password is never sent back.
        let page = html(app.post_sign_in("marie@example.org", "not the password at all").await).await;
        assert!(attrs(&page, "#sign-in-password", "value").iter().all(String::is_empty));
        assert_eq!(attr(&page, "#sign-in-password", "aria-describedby"), "sign-in-error");
        // Empty fields are told as such.
        let page = html(app.post_sign_in("", "").await).await;
        assert_eq!(text(&page, "#sign-in-email-error"), "Saisissez votre adresse électronique.");
        assert_eq!(attr(&page, "#sign-in-email", "aria-invalid"), "true");
        // The right password opens a session.
        let response = app.post_sign_in("Marie@Example.org", PASSWORD).await;
        assert_eq!(response.status(), 303);
        assert_eq!(response.headers()["location"], "/admin/");
        let cookie = set_cookie(&response);
        let (pair, attributes) = cookie.split_once("; ").expect("attributes");
        assert!(pair.starts_with("oneinfive-session=") && pair.len() == "oneinfive-session=".len() + 64, "{cookie}");
        assert_eq!(attributes, "Path=/admin; HttpOnly; SameSite=Strict");
        let staff = Staff { app, cookie: pair.to_owned() };
        let dashboard = staff.page("/admin/").await;
        assert_eq!(text(&dashboard, "h1"), "Tableau de bord");
        assert_eq!(text(&dashboard, ".admin-header__who"), "marie@example.org");
        // The id is stored hashed.
        let stored: Vec<(String,)> = app.rows("SELECT id_hash FROM sessions").await;
        assert_eq!(stored.len(), 1);
        assert_ne!(stored[0].0, pair.trim_start_matches("oneinfive-session="));
        let entries = audit(app).await;
        let kinds: Vec<&str> = entries.iter().map(|(_, kind, _)| kind.as_str()).collect();
        assert_eq!(kinds, ["account.created", "session.sign_in_failed", "session.sign_in_failed", "session.sign_in_failed", "session.signed_in"]);
        // An unknown address costs the same work as a known one (an entry
        // written), and is not kept.
        assert_eq!(entries[2], (None, "session.sign_in_failed".to_owned(), "unknown address".to_owned()));
        let admin = app.staff("ada@example.org", "admin").await;
        let log = admin.page("/admin/audit").await;
        assert!(texts(&log, "td").iter().any(|cell| cell == "Une adresse sans compte"), "not the command line");
    }

    async fn five_failures_make_an_account_wait_and_unknown_addresses_look_the_same(app.sign_ins_per_quarter_hour(100)) {
        app.create_account("marie@example.org", "admin");
        for attempt in 1..=6 {
            let real = refusal(app.post_sign_in("marie@example.org", "wrong password number one").await).await;
            let unknown = refusal(app.post_sign_in("ghost@example.org", "wrong password number one").await).await;
            assert_eq!((real.0, &real.1, &real.2), (unknown.0, &unknown.1, &unknown.2), "attempt {attempt}");
            assert_eq!(real.0, 422);
        }
        // Locked: the right password gets the same answer.
        let locked = refusal(app.post_sign_in("marie@example.org", PASSWORD).await).await;
        let unknown = refusal(app.post_sign_in("ghost@example.org", PASSWORD).await).await;
        assert_eq!((locked.0, &locked.1, &locked.2), (unknown.0, &unknown.1, &unknown.2));
        app.clock.advance(Duration::minutes(14));
        assert_eq!(app.post_sign_in("marie@example.org", PASSWORD).await.status(), 422, "still waiting");
        app.clock.advance(Duration::minutes(1));
        assert_eq!(app.post_sign_in("marie@example.org", PASSWORD).await.status(), 303, "released after 15 minutes");
        let kinds: Vec<String> = audit(app).await.into_iter().map(|(_, kind, _)| kind).collect();
        assert_eq!(kinds.iter().filter(|k| *k == "account.locked").count(), 1, "{kinds:?}");
        let listed = stdout(&app.cli(&["admin", "list"]));
        assert_eq!(listed, "marie@example.org\tadmin\tactive\n");
    }

    async fn a_client_address_that_tries_too_often_waits(app) {
        for attempt in 1..=10 {
            assert_eq!(app.post_sign_in("a@example.org", "wrong password again").await.status(), 422, "attempt {attempt}");
        }
        let response = app.post_sign_in("a@example.org", "wrong password again").await;
        assert_eq!(response.status(), 429);
        assert_eq!(response.headers()["retry-after"], "900");
        assert_eq!(response.headers()["cache-control"], "no-store");
        assert_eq!(texts(&html(response).await, ".form-error"), ["Trop de tentatives depuis votre connexion. Attendez 15 minutes avant de réessayer."]);
    }

    async fn a_disabled_account_cannot_sign_in_and_its_sessions_end(app) {
        let staff = app.staff("marie@example.org", "editor").await;
        let output = app.cli(&["admin", "disable", "marie@example.org"]);
        assert!(output.status.success(), "{}", stderr(&output));
        assert_eq!(staff.get("/admin/").await.status(), 303);
        // A wrong password tells nothing of the account (the right one is
        // told it is disabled: see `admin_lists`).
        let disabled = refusal(app.post_sign_in("marie@example.org", "not the password").await).await;
        let unknown = refusal(app.post_sign_in("ghost@example.org", "not the password").await).await;
        assert_eq!((disabled.0, &disabled.1, &disabled.2), (unknown.0, &unknown.1, &unknown.2));
        assert_eq!(app.post_sign_in("marie@example.org", PASSWORD).await.status(), 422);
        assert_eq!(stdout(&app.cli(&["admin", "list"])), "marie@example.org\teditor\tdisabled\n");
    }

    async fn sessions_end_when_idle_and_after_twelve_hours(app) {
        let staff = app.staff("marie@example.org", "editor").await;
        app.clock.advance(Duration::minutes(29));
        assert_eq!(staff.get("/admin/").await.status(), 200, "29 minutes idle");
        app.clock.advance(Duration::minutes(31));
        let response = staff.get("/admin/").await;
        assert_eq!(response.status(), 303, "31 minutes idle");
        assert_eq!(response.headers()["location"], "/admin/sign-in");
        let rows: Vec<(i64,)> = app.rows("SELECT count(*) FROM sessions").await;
        assert_eq!(rows[0].0, 0, "an expired session is deleted");

        let busy = app.sign_in("marie@example.org", PASSWORD).await;
        for _ in 0..(12 * 60 / 20) {
            app.clock.advance(Duration::minutes(20));
            assert_eq!(busy.get("/admin/").await.status(), 200);
        }
        app.clock.advance(Duration::minutes(1));
        assert_eq!(busy.get("/admin/").await.status(), 303, "past 12 hours");
    }

    async fn signing_out_ends_the_session_on_the_server(app) {
        let staff = app.staff("marie@example.org", "editor").await;
        assert_eq!(staff.post_raw("/admin/sign-out", &[]).await.status(), 303, "without a token");
        assert_eq!(staff.get("/admin/").await.status(), 200, "still signed in");
        let response = staff.post("/admin/sign-out", &[]).await;
        assert_eq!(response.status(), 303);
        assert_eq!(response.headers()["location"], "/admin/sign-in");
        assert!(set_cookie(&response).contains("Max-Age=0"));
        assert_eq!(staff.get("/admin/").await.status(), 303, "the old cookie no longer works");
        let again = staff.post_raw("/admin/sign-out", &[]).await;
        assert_eq!(again.status(), 303);
        assert_eq!(again.headers()["location"], "/admin/sign-in", "signed out already");
        let kinds: Vec<String> = audit(app).await.into_iter().map(|(_, kind, _)| kind).collect();
        assert_eq!(kinds.last().map(String::as_str), Some("session.signed_out"));
    }

    async fn a_password_change_ends_the_other_sessions(app) {
        let here = app.staff("marie@example.org", "editor").await;
        let elsewhere = app.sign_in("marie@example.org", PASSWORD).await;
        let new = "tangerine umbrella cathedral";
        // Each field says what is wrong; nothing is kept.
        let response = here.post("/admin/account/password", &[("current", "wrong"), ("new", "short"), ("confirm", "short")]).await;
        assert_eq!(response.status(), 422);
        let page = html(response).await;
        assert_eq!(text(&page, "#password-current-error"), "Le mot de passe actuel est incorrect.");
        assert_eq!(text(&page, "#password-new-error"), "Le mot de passe est trop court\u{a0}: 12 caractères au moins.");
        assert_eq!(attr(&page, "#password-new", "aria-invalid"), "true");
        assert!(attrs(&page, "input[type=password]", "value").is_empty());
        let response = here.post("/admin/account/password", &[("current", PASSWORD), ("new", "marie@example.org!"), ("confirm", "marie@example.org!")]).await;
        assert_eq!(text(&html(response).await, "#password-new-error"), "Ce mot de passe est trop facile à deviner\u{a0}: il reprend votre adresse ou le nom du site.");
        let response = here.post("/admin/account/password", &[("current", PASSWORD), ("new", new), ("confirm", "something else")]).await;
        assert_eq!(text(&html(response).await, "#password-confirm-error"), "Les deux nouveaux mots de passe diffèrent.");
        assert_eq!(elsewhere.get("/admin/").await.status(), 200, "nothing changed yet");
        // Done.
        let response = here.post("/admin/account/password", &[("current", PASSWORD), ("new", new), ("confirm", new)]).await;
        assert_eq!(response.status(), 303);
        assert_eq!(text(&here.page("/admin/account?done=password").await, "#account-done"), "Votre mot de passe a été changé, et vos autres sessions ont été fermées.");
        assert_eq!(elsewhere.get("/admin/").await.status(), 303, "the other session ended");
        assert_eq!(app.post_sign_in("marie@example.org", PASSWORD).await.status(), 422);
        assert_eq!(app.post_sign_in("marie@example.org", new).await.status(), 303);
        let entries = audit(app).await;
        assert!(entries.iter().any(|(who, kind, _)| kind == "account.password_changed" && who.as_deref() == Some("marie@example.org")));
    }

    async fn forms_need_the_session_token_and_our_origin(app) {
        let staff = app.staff("marie@example.org", "editor").await;
        // Without the session's token (a form left open across a new
        // sign-in, say): nothing done, the person led back to the page.
        assert_eq!(staff.post_raw("/admin/account/language", &[("lang", "en")]).await.status(), 303);
        assert_eq!(staff.post_raw("/admin/account/language", &[("lang", "en"), ("csrf", "1.abc")]).await.status(), 303);
        // Another session's token is not this one's.
        let other = app.sign_in("marie@example.org", PASSWORD).await;
        let foreign = other.token().await;
        assert_eq!(staff.post_raw("/admin/account/language", &[("lang", "en"), ("csrf", &foreign)]).await.status(), 303);
        assert_eq!(text(&staff.page("/admin/account").await, "h1"), "Mon compte", "nothing changed");
        let token = staff.token().await;
        let cross_site = app.client.post(app.url("/admin/account/language")).header("cookie", &staff.cookie)
            .header("origin", "https://evil.example").form(&[("lang", "en"), ("csrf", token.as_str())]).send().await.expect("POST");
        assert_eq!(cross_site.status(), 403);
        let page = html(cross_site).await;
        assert_eq!(text(&page, "h1"), "Requête refusée");
        assert!(texts(&page, "main p").iter().any(|p| p.contains("depuis la page d’un autre site")), "the page says what happened");
        // Without a session: led to sign in again.
        let anonymous = app.client.post(app.url("/admin/account/language")).form(&[("lang", "en"), ("csrf", token.as_str())]).send().await.expect("POST");
        assert_eq!(anonymous.status(), 303);
        assert_eq!(anonymous.headers()["location"], "/admin/sign-in?ended=1");
        // The sign-in form needs its token too: without it, the form again,
        // the address kept, the password to type again.
        let bare = app.client.post(app.url("/admin/sign-in")).form(&[("email", "marie@example.org"), ("password", PASSWORD)]).send().await.expect("POST");
        assert_eq!(bare.status(), 403);
        assert!(bare.headers().get("set-cookie").is_none(), "not signed in");
        let page = html(bare).await;
        assert_eq!(attr(&page, "#sign-in-email", "value"), "marie@example.org");
        assert!(text(&page, "#sign-in-notice").contains("trop longtemps"));
        // All good: the language changes, and the back office with it.
        assert_eq!(staff.post("/admin/account/language", &[("lang", "en")]).await.status(), 303);
        assert_eq!(text(&staff.page("/admin/").await, "h1"), "Dashboard");
        let missing = staff.get("/admin/no-such-page").await;
        assert_eq!(missing.status(), 404);
        let page = html(missing).await;
        assert_eq!(attr(&page, "html", "lang"), "en");
        assert_eq!(text(&page, "h1"), "Page not found");
    }

    async fn editors_cannot_read_the_audit_log(app) {
        let editor = app.staff("eddie@example.org", "editor").await;
        let response = editor.get("/admin/audit").await;
        assert_eq!(response.status(), 403);
        let page = html(response).await;
        assert_eq!(text(&page, "h1"), "Réservé aux administrateurs");
        assert!(texts(&page, "main p").iter().any(|p| p.contains("Demandez à un administrateur")));
        let nav = attrs(&editor.page("/admin/").await, ".main-nav a", "href");
        assert_eq!(nav, ["/admin/", "/admin/signatories", "/admin/applications", "/admin/events", "/admin/news", "/admin/newsletter", "/admin/pages", "/admin/trash", "/admin/account"]);
        let admin = app.staff("ada@example.org", "admin").await;
        let nav = attrs(&admin.page("/admin/").await, ".main-nav a", "href");
        assert_eq!(nav, ["/admin/", "/admin/signatories", "/admin/applications", "/admin/events", "/admin/news", "/admin/newsletter", "/admin/pages", "/admin/trash", "/admin/subscribers", "/admin/audit", "/admin/accounts", "/admin/account"]);
        assert_eq!(admin.get("/admin/audit").await.status(), 200);
        // Someone not signed in is sent to the sign-in page.
        let response = app.get("/admin/audit").await;
        assert_eq!(response.status(), 303);
        assert_eq!(response.headers()["location"], "/admin/sign-in");
    }

    async fn no_back_office_response_is_kept_or_indexed(app) {
        let staff = app.staff("ada@example.org", "admin").await;
        let mut responses = Vec::new();
        for path in ["/admin", "/admin/", "/admin/sign-in", "/admin/subscribers", "/admin/subscribers/999", "/admin/account", "/admin/audit", "/admin/nope", "/admin/subscribers/export.csv"] {
            responses.push((path, staff.get(path).await));
            responses.push((path, app.get(path).await));
        }
        responses.push(("POST /admin/sign-in", app.client.post(app.url("/admin/sign-in")).send().await.expect("POST")));
        responses.push(("PUT /admin/", app.client.put(app.url("/admin/")).send().await.expect("PUT")));
        for (path, response) in &responses {
            assert_eq!(response.headers()["cache-control"], "no-store", "{path}: {}", response.status());
            assert_eq!(response.headers()["x-robots-tag"], "noindex", "{path}");
            assert!(response.headers().contains_key("content-security-policy"), "{path}");
        }
        let robots = app.get("/robots.txt").await.text().await.expect("robots");
        assert!(robots.lines().any(|line| line == "Disallow: /admin"), "{robots}");
        let sitemap = crate::sitemap::text(app).await;
        assert!(!sitemap.is_empty() && !sitemap.contains("/admin"));
        // The sign-in page's form is new on every load, never from a cache.
        let first = attr(&app.page("/admin/sign-in").await, "main form input[name=csrf]", "value");
        assert!(!first.is_empty());
    }

    async fn over_https_the_cookie_is_secure_and_host_only(app.base_url("https://site.test")) {
        app.create_account("ada@example.org", "admin");
        let response = app.post_sign_in("ada@example.org", PASSWORD).await;
        assert_eq!(response.status(), 303);
        let cookie = set_cookie(&response);
        let (pair, attributes) = cookie.split_once("; ").expect("attributes");
        assert!(pair.starts_with("__Host-oneinfive-session="), "{cookie}");
        assert_eq!(attributes, "Path=/; HttpOnly; SameSite=Strict; Secure");
        let staff = Staff { app, cookie: pair.to_owned() };
        assert_eq!(staff.get("/admin/").await.status(), 200);
        let out = staff.post("/admin/sign-out", &[]).await;
        assert_eq!(set_cookie(&out), "__Host-oneinfive-session=; Path=/; HttpOnly; SameSite=Strict; Secure; Max-Age=0");
    }

    async fn subscribers_are_found_read_exported_and_erased(app) {
        for email in ["marie.dupont@example.org", "jean@example.org"] {
            let page = app.page("/en/newsletter").await;
            let csrf = attrs(&page, "main form input[name=csrf]", "value").into_iter().next().expect("a token");
            let response = app.client.post(app.url("/en/newsletter"))
                .form(&[("email", email), ("consent", "yes"), ("csrf", csrf.as_str()), ("website", "")]).send().await.expect("POST");
            assert_eq!(response.status(), 200);
        }
        // Addresses are an admin's to read.
        let staff = app.staff("eddie@example.org", "admin").await;
        let dashboard = staff.page("/admin/").await;
        assert_eq!(texts(&dashboard, "#subscriber-counts tbody td"), ["En attente de confirmation", "English", "2"]);
        let list = staff.page("/admin/subscribers").await;
        assert_eq!(texts(&list, "#subscriber-totals li"), ["0 abonné confirmé", "2 inscriptions en attente de confirmation"]);
        let found = staff.page("/admin/subscribers?q=DUPONT").await;
        assert_eq!(texts(&found, "#subscriber-results tbody td a"), ["marie.dupont@example.org"]);
        let href = attr(&found, "#subscriber-results tbody td a", "href");
        let record = staff.page(&href).await;
        let facts = texts(&record, "#subscriber-record dd");
        assert_eq!(facts[0], "marie.dupont@example.org");
        assert_eq!(facts[1], "En attente de confirmation");
        assert_eq!(facts[2], "English");
        assert_eq!(facts[4], "Non confirmée");
        assert_eq!(facts[6], "privacy-2026-12-07");
        // The export is the command line's.
        let export = staff.get("/admin/subscribers/export.csv?all=1").await;
        assert_eq!(export.status(), 200);
        assert_eq!(export.headers()["content-type"], "text/csv; charset=utf-8");
        let csv = export.text().await.expect("CSV");
        assert_eq!(csv, stdout(&app.cli(&["subscribers", "export", "--all"])));
        assert_eq!(csv.lines().count(), 3);
        // Erasing takes a confirmation step, then a POST with the token.
        let erase = attr(&record, "a.button--danger", "href");
        let confirm = staff.page(&erase).await;
        assert_eq!(text(&confirm, "h1"), "Effacer cette personne\u{202f}?");
        assert_eq!(staff.post_raw(&erase, &[]).await.status(), 303, "without a token: nothing erased");
        let response = staff.post(&erase, &[]).await;
        assert_eq!(response.status(), 303);
        let location = response.headers()["location"].to_str().expect("location").to_owned();
        assert_eq!(text(&staff.page(&location).await, "#erased"), "La personne a été effacée.");
        assert_eq!(staff.get(&href).await.status(), 404);
        assert_eq!(staff.post(&erase, &[]).await.status(), 404);
        assert_eq!(staff.get("/admin/subscribers/not-a-number").await.status(), 404);
        let remaining: Vec<(i64,)> = app.rows("SELECT count(*) FROM mail_outbox WHERE recipient = 'marie.dupont@example.org'").await;
        assert_eq!(remaining[0].0, 0, "the person's mails are gone too");
        let entries = audit(app).await;
        let erased: Vec<_> = entries.iter().filter(|(_, kind, _)| kind == "subscriber.erased").collect();
        assert_eq!(erased.len(), 1);
        assert_eq!(erased[0].0.as_deref(), Some("eddie@example.org"));
        assert!(!erased[0].2.contains("dupont"), "the address is not kept: {}", erased[0].2);
        assert!(entries.iter().any(|(who, kind, _)| kind == "subscribers.exported" && who.as_deref() == Some("eddie@example.org")));
        // The command line's erasure is audited too.
        assert!(app.cli(&["subscribers", "delete", "jean@example.org"]).status.success());
        let entries = audit(app).await;
        assert!(entries.iter().any(|(who, kind, _)| kind == "subscriber.erased" && who.is_none()));
    }

    async fn the_dashboard_shows_the_site_at_a_glance(app.seeded()) {
        let staff = app.staff("ada@example.org", "admin").await;
        let home = app.page("/fr/").await;
        let dashboard = staff.page("/admin/").await;
        assert_eq!(text(&dashboard, "#counter"), text(&home, "#counter"));
        assert_eq!(texts(&dashboard, "#latest-signatures li").len(), 5);
        assert!(!texts(&dashboard, ".events li").is_empty());
        assert_eq!(text(&dashboard, "#outbox-waiting"), "0 courriel en attente d’envoi");
        assert_eq!(texts(&dashboard, "#changes-caption"), ["Les dernières modifications, des plus récentes aux plus anciennes"]);
        assert!(texts(&dashboard, ".admin-table td").iter().any(|cell| cell == "Compte créé"));
    }

    async fn the_audit_log_tells_who_did_what_and_filters(app) {
        let csv = "name,kind,country,joined_on\nStrasbourg,city,FR,2013-05-02\n";
        assert!(app.import("pact.csv", csv).status.success());
        let admin = app.staff("ada@example.org", "admin").await;
        let page = admin.page("/admin/audit").await;
        let rows = texts(&page, ".admin-table tbody tr");
        assert_eq!(rows.len(), 3, "{rows:?}");
        assert!(rows[0].contains("ada@example.org") && rows[0].contains("Connexion"), "{rows:?}");
        assert!(rows[2].contains("Ligne de commande") && rows[2].contains("Adhérents importés") && rows[2].contains("1 adhérent\u{a0}: 1 ajouté, 0 modifié, 0 sans changement"), "{rows:?}");
        let filtered = admin.page("/admin/audit?kind=signatories.imported").await;
        assert_eq!(texts(&filtered, ".admin-table tbody tr").len(), 1);
        let by_person = admin.page("/admin/audit?who=ada%40example.org").await;
        assert_eq!(texts(&by_person, ".admin-table tbody tr").len(), 1);
        assert_eq!(attrs(&by_person, "#audit-who option[selected]", "value"), ["ada@example.org"]);
        let by_command_line = admin.page("/admin/audit?who=command-line").await;
        assert_eq!(texts(&by_command_line, ".admin-table tbody tr").len(), 2, "the import and the account");
        // Removing the sample data is recorded too, with its counts.
        assert!(app.cli(&["sample", "remove"]).status.success());
        let removed = admin.page("/admin/audit?kind=sample.removed").await;
        assert_eq!(texts(&removed, ".admin-table tbody td:last-child"), ["Données d’exemple retirées\u{a0}: 0 adhérent, 0 événement, 0 actualité"]);
        assert_eq!(admin.get("/admin/audit?kind=nonsense").await.status(), 400);
        assert_eq!(admin.get("/admin/audit?page=2").await.status(), 404);
        // Kept: the database refuses to change or delete an entry.
        let refused = match app.backend {
            crate::common::Backend::Sqlite => sqlx::SqlitePool::connect(&app.database_url).await.expect("connect")
                .execute_delete().await,
            crate::common::Backend::Postgres => sqlx::PgPool::connect(&app.database_url).await.expect("connect")
                .execute_delete().await,
        };
        assert!(refused, "the audit log let a row be deleted");
    }

    async fn the_admin_commands_refuse_clearly_and_write_nothing(app) {
        let create = |input: &str| app.cli_with_input(&["admin", "create", "ada@example.org", "--role", "admin"], input);
        let mismatch = create("tangerine umbrella cathedral\ntangerine umbrella cathedra\n");
        assert!(!mismatch.status.success());
        assert_eq!(stderr(&mismatch), "the two passwords differ: nothing was changed\n");
        let weak = create("password1234\npassword1234\n");
        assert!(!weak.status.success());
        assert!(stderr(&weak).starts_with("password refused, too easy to guess"), "{}", stderr(&weak));
        let short = create("short\nshort\n");
        assert_eq!(stderr(&short), "password refused, too short: at least 12 characters\n");
        let missing = create("only one line\n");
        assert_eq!(stderr(&missing), "expected the new password twice on standard input, one a line\n");
        let bad = app.cli_with_input(&["admin", "create", "not-an-address"], "");
        assert!(!bad.status.success());
        assert_eq!(stderr(&bad).lines().count(), 1, "{}", stderr(&bad));
        assert_eq!(stdout(&app.cli(&["admin", "list"])), "", "nothing was written");
        // Then right.
        let made = create(&format!("{PASSWORD}\n{PASSWORD}\n"));
        assert!(made.status.success(), "{}", stderr(&made));
        assert_eq!(stdout(&made), "ada@example.org: account created (admin)\n");
        let twice = create(&format!("{PASSWORD}\n{PASSWORD}\n"));
        assert!(!twice.status.success());
        assert!(stderr(&twice).starts_with("ada@example.org: an account exists already"));
        let staff = app.sign_in("ada@example.org", PASSWORD).await;
        let new = "tangerine umbrella cathedral";
        let passwd = app.cli_with_input(&["admin", "passwd", "ada@example.org"], &format!("{new}\n{new}\n"));
        assert!(passwd.status.success(), "{}", stderr(&passwd));
        assert_eq!(staff.get("/admin/").await.status(), 303, "the sessions ended");
        assert_eq!(app.post_sign_in("ada@example.org", new).await.status(), 303);
        let nobody = app.cli_with_input(&["admin", "passwd", "nobody@example.org"], &format!("{new}\n{new}\n"));
        assert_eq!(stderr(&nobody), "nobody@example.org: no such account\n");
        assert!(!nobody.status.success());
        let role = app.cli(&["admin", "role", "ada@example.org", "editor"]);
        assert_eq!(stdout(&role), "ada@example.org: admin → editor\n");
        assert_eq!(stdout(&app.cli(&["admin", "list"])), "ada@example.org\teditor\tactive\n");
        assert!(app.cli(&["admin", "disable", "ada@example.org"]).status.success());
        assert!(app.cli(&["admin", "delete", "ada@example.org"]).status.success());
        let again = app.cli(&["admin", "delete", "ada@example.org"]);
        assert!(!again.status.success());
        assert_eq!(stderr(&again), "ada@example.org: no such account\n");
        let kinds: Vec<(Option<String>, String)> = audit(app).await.into_iter()
            .filter(|(_, kind, _)| kind.starts_with("account."))
            .map(|(who, kind, _)| (who, kind)).collect();
        let expected = ["account.created", "account.password_changed", "account.role_changed", "account.disabled", "account.deleted"];
        assert_eq!(kinds, expected.map(|kind| (None, kind.to_owned())));
    }
}

/// Tries to delete the audit log's rows; `true` when the database refuses.
trait DeleteAudit {
    async fn execute_delete(self) -> bool;
}

impl DeleteAudit for sqlx::SqlitePool {
    async fn execute_delete(self) -> bool {
        let refused = sqlx::query("DELETE FROM audit_log").execute(&self).await.is_err()
            && sqlx::query("UPDATE audit_log SET summary = 'x'").execute(&self).await.is_err();
        self.close().await;
        refused
    }
}

impl DeleteAudit for sqlx::PgPool {
    async fn execute_delete(self) -> bool {
        let refused = sqlx::query("DELETE FROM audit_log").execute(&self).await.is_err()
            && sqlx::query("UPDATE audit_log SET summary = 'x'").execute(&self).await.is_err()
            && sqlx::query("TRUNCATE audit_log").execute(&self).await.is_err();
        self.close().await;
        refused
    }
}
