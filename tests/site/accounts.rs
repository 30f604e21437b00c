//! The accounts page over HTTP on both backends: invitations (sent,
//! replaced, accepted, expired, used; listed while pending, resent,
//! withdrawn), roles, disabling (which
//! ends sessions), deleting after a confirmation step, an admin's own
//! account and the last admin protected, and the audit entries of each.

use scraper::Html;

use crate::common::{PATIENCE, TestApp, attr, attrs, both_backends, staff::PASSWORD, text, texts};

async fn html(response: reqwest::Response) -> Html {
    Html::parse_document(&response.text().await.expect("body"))
}

/// The audit log's entries, oldest first: who, kind, summary.
async fn audit(app: &TestApp) -> Vec<(Option<String>, String, String)> {
    app.rows("SELECT actor_email, kind, summary FROM audit_log ORDER BY id").await
}

/// An account's number, read from the database.
async fn account_id(app: &TestApp, email: &str) -> i64 {
    let rows: Vec<(i64, String)> = app.rows("SELECT id, email FROM accounts").await;
    rows.into_iter().find(|(_, e)| e == email).map(|(id, _)| id).expect("the account")
}

/// A mail, parsed.
struct Sent {
    to: String,
    /// The sender's name and address.
    from: (String, String),
    subject: String,
    /// Whether it has a List-Unsubscribe header.
    unsubscribe: bool,
    text: String,
    html: String,
}

/// The `n`th mail the site sent (from 1), parsed.
async fn mail(app: &TestApp, n: usize) -> Sent {
    let sent = app.mail.wait_for(n, PATIENCE).await.unwrap_or_else(|error| panic!("{error}"));
    let sent = &sent[n - 1];
    let message = mail_parser::MessageParser::default().parse(&sent.message).expect("a mail");
    let from = message.from().and_then(|from| from.first()).expect("a sender");
    Sent {
        to: sent.recipient.clone(),
        from: (from.name().unwrap_or_default().to_owned(), from.address().unwrap_or_default().to_owned()),
        subject: message.subject().unwrap_or_default().to_owned(),
        unsubscribe: message.header_raw("List-Unsubscribe").is_some(),
        text: message.body_text(0).map(|t| t.into_owned()).unwrap_or_default(),
        html: message.body_html(0).map(|t| t.into_owned()).unwrap_or_default(),
    }
}

/// The path of the invitation link in a mail's text.
fn link(text: &str) -> String {
    text.split_whitespace()
        .find(|word| word.starts_with("http://site.test/admin/invitation/"))
        .map(|word| word.trim_start_matches("http://site.test").to_owned())
        .unwrap_or_else(|| panic!("no invitation link in {text}"))
}

/// Posts the form of an invitation's page, with the page's own token.
async fn accept(app: &TestApp, path: &str, password: &str, confirm: &str) -> reqwest::Response {
    let page = app.page(path).await;
    let csrf = attr(&page, "main form input[name=csrf]", "value");
    app.client
        .post(app.url(path))
        .form(&[("csrf", csrf.as_str()), ("password", password), ("confirm", confirm)])
        .send()
        .await
        .expect("POST")
}

both_backends! {
    async fn an_invitation_makes_an_account_once(app) {
        let ada = app.staff("ada@example.org", "admin").await;
        app.create_account("eddie@example.org", "editor");
        // Mistakes are told next to each field; the address is kept.
        let response = ada.post("/admin/accounts/invite", &[("email", "not an address"), ("role", "king")]).await;
        assert_eq!(response.status(), 422);
        let page = html(response).await;
        assert_eq!(attr(&page, "#invite-email", "value"), "not an address");
        assert_eq!(attr(&page, "#invite-email", "aria-describedby"), "invite-email-error");
        assert!(text(&page, "#invite-email-error").starts_with("Ce n’est pas une adresse électronique"));
        assert_eq!(text(&page, "#invite-role-error"), "Choisissez un rôle\u{a0}: administrateur ou rédacteur.");
        assert_eq!(text(&page, "#invite-lang-error"), "Choisissez la langue du courriel.");
        // An address with an account is refused.
        let response = ada.post("/admin/accounts/invite", &[("email", "Eddie@example.org"), ("role", "editor"), ("lang", "fr")]).await;
        assert_eq!(response.status(), 422);
        assert_eq!(text(&html(response).await, "#invite-email-error"), "Cette adresse a déjà un compte\u{a0}: changez plutôt son rôle dans la liste ci-dessus.");
        // Editors cannot invite.
        let eddie = app.sign_in("eddie@example.org", PASSWORD).await;
        assert_eq!(eddie.post("/admin/accounts/invite", &[("email", "x@example.org"), ("role", "admin"), ("lang", "fr")]).await.status(), 403);
        // Invited twice: only the second link works.
        let fields = [("email", "new@example.org"), ("role", "editor"), ("lang", "en")];
        assert_eq!(ada.post("/admin/accounts/invite", &fields).await.status(), 303);
        assert_eq!(ada.post("/admin/accounts/invite", &fields).await.status(), 303);
        let first = mail(app, 1).await;
        assert_eq!(first.to, "new@example.org");
        assert_eq!(first.from, ("ONE in FIVE".to_owned(), "newsletter@site.test".to_owned()));
        assert_eq!(first.subject, "Your invitation to the ONE in FIVE back office");
        assert!(!first.unsubscribe, "a staff mail has no list to leave");
        // Who invited, and how long the link lasts.
        for part in [&first.text, &first.html] {
            assert!(part.contains("ada@example.org has invited you to work on the website"), "{part}");
            assert!(part.contains("This link can be used once, within 48 hours."), "{part}");
        }
        let second = mail(app, 2).await;
        let old = link(&first.text);
        let new = link(&second.text);
        assert!(second.html.contains(&format!("http://site.test{new}")), "the same link in the HTML part");
        let stale = app.get(&old).await;
        assert_eq!(stale.status(), 404);
        assert_eq!(text(&html(stale).await, "h1"), "Ce lien d’invitation n’est pas valable");
        // Following the link changes nothing; the page is in the invitee's language.
        let page = app.page(&new).await;
        assert_eq!(attr(&page, "html", "lang"), "en");
        assert_eq!(attr(&page, "#invitation-email", "value"), "new@example.org");
        assert_eq!(text(&app.page(&new).await, "h1"), "Choose your password");
        // A weak password, then two that differ: 422, nothing kept.
        let response = accept(app, &new, "short", "short").await;
        assert_eq!(response.status(), 422);
        let page = html(response).await;
        assert_eq!(text(&page, "#invitation-password-error"), "The password is too short: at least 12 characters.");
        assert!(attrs(&page, "input[type=password]", "value").is_empty());
        let response = accept(app, &new, "tangerine umbrella cathedral", "tangerine umbrella").await;
        assert_eq!(text(&html(response).await, "#invitation-confirm-error"), "The two new passwords differ.");
        // Without the form's token.
        let bare = app.client.post(app.url(&new)).form(&[("password", "tangerine umbrella cathedral"), ("confirm", "tangerine umbrella cathedral")]).send().await.expect("POST");
        assert_eq!(bare.status(), 403);
        assert_eq!(app.rows::<(i64,)>("SELECT count(*) FROM accounts WHERE email = 'new@example.org'").await[0].0, 0);
        // Accepted: the person is sent to sign in.
        let response = accept(app, &new, "tangerine umbrella cathedral", "tangerine umbrella cathedral").await;
        assert_eq!(response.status(), 303);
        assert_eq!(response.headers()["location"], "/admin/sign-in?welcome=1");
        assert!(text(&app.page("/admin/sign-in?welcome=1").await, "#sign-in-notice").starts_with("Votre compte est prêt"));
        let newcomer = app.sign_in("new@example.org", "tangerine umbrella cathedral").await;
        assert_eq!(text(&newcomer.page("/admin/").await, "h1"), "Dashboard", "in the invitation's language");
        assert_eq!(newcomer.get("/admin/accounts").await.status(), 403, "an editor");
        // Used: the link says so and changes nothing.
        let used = app.get(&new).await;
        assert_eq!(used.status(), 410);
        assert_eq!(text(&html(used).await, "h1"), "Cette invitation a déjà servi");
        let entries: Vec<(Option<String>, String)> = audit(app).await.into_iter()
            .filter(|(_, kind, summary)| (kind == "account.invited" || kind == "account.created") && summary.contains("new@"))
            .map(|(who, kind, _)| (who, kind)).collect();
        assert_eq!(entries, [
            (Some("ada@example.org".to_owned()), "account.invited".to_owned()),
            (Some("ada@example.org".to_owned()), "account.invited".to_owned()),
            (Some("new@example.org".to_owned()), "account.created".to_owned()),
        ]);
        let page = ada.page("/admin/accounts?done=invited").await;
        assert_eq!(text(&page, "#accounts-done"), "L’invitation a été envoyée.");
        assert_eq!(texts(&page, "#accounts tbody th"), ["ada@example.org", "eddie@example.org", "new@example.org"]);
    }

    async fn an_invitation_expires_after_48_hours(app) {
        let ada = app.staff("ada@example.org", "admin").await;
        assert_eq!(ada.post("/admin/accounts/invite", &[("email", "late@example.org"), ("role", "admin"), ("lang", "fr")]).await.status(), 303);
        let sent = mail(app, 1).await;
        assert_eq!(sent.from, ("UN sur CINQ".to_owned(), "newsletter@site.test".to_owned()));
        assert_eq!(sent.subject, "Votre invitation à l’administration du site UN sur CINQ");
        assert!(sent.text.contains("ada@example.org vous invite à travailler sur le site"), "{}", sent.text);
        assert!(sent.text.contains("Ce lien ne peut servir qu’une fois, dans les 48 heures."), "{}", sent.text);
        let path = link(&sent.text);
        app.clock.advance(time::Duration::hours(47));
        let page = app.page(&path).await;
        let csrf = attr(&page, "main form input[name=csrf]", "value");
        app.clock.advance(time::Duration::hours(1));
        let response = app.get(&path).await;
        assert_eq!(response.status(), 410);
        assert_eq!(text(&html(response).await, "h1"), "Cette invitation a expiré");
        let response = app.client.post(app.url(&path))
            .form(&[("csrf", csrf.as_str()), ("password", "tangerine umbrella cathedral"), ("confirm", "tangerine umbrella cathedral")])
            .send().await.expect("POST");
        assert_eq!(response.status(), 410);
        assert_eq!(app.rows::<(i64,)>("SELECT count(*) FROM accounts WHERE email = 'late@example.org'").await[0].0, 0);
        assert_eq!(app.get("/admin/invitation/not-a-token").await.status(), 404);
    }

    async fn pending_invitations_are_listed_resent_and_withdrawn(app) {
        let ada = app.staff("ada@example.org", "admin").await;
        let eddie = app.staff("eddie@example.org", "editor").await;
        assert_eq!(text(&ada.page("/admin/accounts").await, "#invitations-none"), "Aucune invitation n’attend de réponse.");
        for email in ["kept@example.org", "gone@example.org"] {
            let fields = [("email", email), ("role", "editor"), ("lang", "en")];
            assert_eq!(ada.post("/admin/accounts/invite", &fields).await.status(), 303);
        }
        let page = ada.page("/admin/accounts").await;
        assert_eq!(texts(&page, "#invitations tbody th"), ["kept@example.org", "gone@example.org"]);
        assert_eq!(texts(&page, "#invitations .invitation-role"), ["Rédacteur (contenus : adhérents, événements, actualités, pages)"; 2]);
        assert_eq!(texts(&page, "#invitations .invitation-by"), ["ada@example.org", "ada@example.org"]);
        assert_eq!(attrs(&page, "#invitations .invitation-expires time", "datetime").len(), 2);
        assert_eq!(attr(&page, "div[aria-labelledby=invitations-caption]", "role"), "region");
        let ids: Vec<(i64, String)> = app.rows("SELECT id, email FROM invitations ORDER BY id").await;
        let (kept, gone) = (ids[0].0, ids[1].0);
        let resend = format!("/admin/accounts/invitations/{kept}/resend");
        let withdraw = format!("/admin/accounts/invitations/{gone}/withdraw");
        assert_eq!(attr(&page, &format!("form[action='{resend}'] button"), "aria-label"), "Renvoyer l’invitation à kept@example.org");
        assert_eq!(attr(&page, &format!("form[action='{withdraw}'] button"), "aria-label"), "Retirer l’invitation à gone@example.org");
        // Editors may do neither.
        assert_eq!(eddie.post(&resend, &[]).await.status(), 403);
        assert_eq!(eddie.post(&withdraw, &[]).await.status(), 403);
        // Resent: the old link refused, the new one works.
        let old = link(&mail(app, 1).await.text);
        let gone_link = link(&mail(app, 2).await.text);
        assert_eq!(ada.post(&resend, &[]).await.status(), 303);
        assert_eq!(text(&ada.page("/admin/accounts?done=resent").await, "#accounts-done"), "Une nouvelle invitation a été envoyée\u{202f}; le lien précédent ne fonctionne plus.");
        let third = mail(app, 3).await;
        assert_eq!(third.to, "kept@example.org");
        assert_eq!(third.subject, "Your invitation to the ONE in FIVE back office");
        let new = link(&third.text);
        assert_ne!(old, new);
        assert_eq!(app.get(&old).await.status(), 404);
        assert_eq!(text(&app.page(&new).await, "h1"), "Choose your password");
        // Withdrawn: its link finds nothing, and it can be withdrawn once.
        assert_eq!(ada.post(&withdraw, &[]).await.status(), 303);
        assert_eq!(text(&ada.page("/admin/accounts?done=withdrawn").await, "#accounts-done"), "L’invitation a été retirée\u{a0}: son lien ne fonctionne plus.");
        let response = app.get(&gone_link).await;
        assert_eq!(response.status(), 404);
        assert_eq!(text(&html(response).await, "h1"), "Ce lien d’invitation n’est pas valable");
        assert_eq!(ada.post(&withdraw, &[]).await.status(), 404);
        assert_eq!(ada.post(&format!("/admin/accounts/invitations/{gone}/resend"), &[]).await.status(), 404);
        assert_eq!(texts(&ada.page("/admin/accounts").await, "#invitations tbody th"), ["kept@example.org"]);
        // Accepted: no longer listed, nor resent.
        let response = accept(app, &new, "tangerine umbrella cathedral", "tangerine umbrella cathedral").await;
        assert_eq!(response.status(), 303);
        let page = ada.page("/admin/accounts").await;
        assert!(texts(&page, "#invitations tbody th").is_empty());
        assert_eq!(texts(&page, "#accounts tbody th"), ["ada@example.org", "eddie@example.org", "kept@example.org"]);
        assert_eq!(ada.post(&resend, &[]).await.status(), 404);
        let entries: Vec<(Option<String>, String, String)> = audit(app).await.into_iter()
            .filter(|(_, kind, _)| kind.starts_with("account.invitation_")).collect();
        assert_eq!(entries, [
            (Some("ada@example.org".to_owned()), "account.invitation_resent".to_owned(), "kept@example.org (editor)".to_owned()),
            (Some("ada@example.org".to_owned()), "account.invitation_withdrawn".to_owned(), "gone@example.org (editor)".to_owned()),
        ]);
    }

    async fn an_expired_invitation_is_no_longer_listed(app) {
        let ada = app.staff("ada@example.org", "admin").await;
        assert_eq!(ada.post("/admin/accounts/invite", &[("email", "late@example.org"), ("role", "admin"), ("lang", "fr")]).await.status(), 303);
        assert_eq!(texts(&ada.page("/admin/accounts").await, "#invitations tbody th"), ["late@example.org"]);
        app.clock.advance(time::Duration::hours(48));
        let ada = app.sign_in("ada@example.org", PASSWORD).await;
        assert!(texts(&ada.page("/admin/accounts").await, "#invitations tbody th").is_empty());
    }

    async fn admins_change_roles_disable_enable_and_delete(app) {
        let ada = app.staff("ada@example.org", "admin").await;
        let eddie = app.staff("eddie@example.org", "editor").await;
        let id = account_id(app, "eddie@example.org").await;
        let page = ada.page("/admin/accounts").await;
        assert_eq!(texts(&page, "#accounts tbody th"), ["ada@example.org", "eddie@example.org"]);
        assert_eq!(texts(&page, "#accounts .account-status"), ["Actif", "Actif"]);
        assert_eq!(texts(&page, "#accounts .account-totp"), ["Désactivée", "Désactivée"]);
        assert_eq!(texts(&page, "#accounts .account-last time").len(), 2, "both have signed in");
        assert_eq!(attr(&page, &format!("label[for=role-{id}]"), "class"), "visually-hidden");
        assert!(attrs(&page, "#accounts select", "id").len() == 1, "no role form on one's own row");
        // Editors may not see or use the page.
        assert_eq!(eddie.get("/admin/accounts").await.status(), 403);
        assert_eq!(eddie.post(&format!("/admin/accounts/{id}/role"), &[("role", "admin")]).await.status(), 403);
        // A form without its token: nothing done, led back (see drafts).
        assert_eq!(ada.post_raw(&format!("/admin/accounts/{id}/role"), &[("role", "admin")]).await.status(), 303);
        // Unknown accounts.
        assert_eq!(ada.post("/admin/accounts/9999/role", &[("role", "admin")]).await.status(), 404);
        assert_eq!(ada.post("/admin/accounts/nope/disable", &[]).await.status(), 404);
        assert_eq!(ada.get("/admin/accounts/9999/delete").await.status(), 404);
        for id in ["0", "-1", "1.5", "99999999999999999999"] {
            assert_eq!(ada.get(&format!("/admin/accounts/{id}/delete")).await.status(), 404, "{id}");
            assert_eq!(ada.get(&format!("/admin/subscribers/{id}")).await.status(), 404, "{id}");
        }
        // A role that is none.
        let response = ada.post(&format!("/admin/accounts/{id}/role"), &[("role", "king")]).await;
        assert_eq!(response.status(), 422);
        let page = html(response).await;
        assert_eq!(text(&page, "#accounts-error"), "Choisissez un rôle\u{a0}: administrateur ou rédacteur.");
        assert_eq!(attr(&page, &format!("#role-{id}"), "aria-describedby"), "accounts-error");
        // The role changes.
        let response = ada.post(&format!("/admin/accounts/{id}/role"), &[("role", "admin")]).await;
        assert_eq!(response.status(), 303);
        assert_eq!(response.headers()["location"], "/admin/accounts?done=role");
        assert_eq!(eddie.get("/admin/accounts").await.status(), 200, "now an admin");
        // Disabling ends the person's sessions at once.
        assert_eq!(ada.post(&format!("/admin/accounts/{id}/disable"), &[]).await.status(), 303);
        assert_eq!(eddie.get("/admin/").await.status(), 303, "signed out");
        assert_eq!(app.post_sign_in("eddie@example.org", PASSWORD).await.status(), 422);
        let page = ada.page("/admin/accounts?done=disabled").await;
        assert_eq!(text(&page, "#accounts-done"), "Le compte a été désactivé, et ses sessions ont été fermées.");
        assert_eq!(texts(&page, "#accounts .account-status"), ["Actif", "Désactivé"]);
        assert_eq!(ada.post(&format!("/admin/accounts/{id}/enable"), &[]).await.status(), 303);
        assert_eq!(app.post_sign_in("eddie@example.org", PASSWORD).await.status(), 303);
        // Deleting takes a confirmation step.
        let confirm = ada.page(&format!("/admin/accounts/{id}/delete")).await;
        assert_eq!(text(&confirm, "h1"), "Supprimer ce compte\u{202f}?");
        assert_eq!(text(&confirm, "#delete-email"), "eddie@example.org");
        let response = ada.post(&format!("/admin/accounts/{id}/delete"), &[]).await;
        assert_eq!(response.status(), 303);
        assert_eq!(eddie.get("/admin/").await.status(), 303);
        let page = ada.page("/admin/accounts?done=deleted").await;
        assert_eq!(texts(&page, "#accounts tbody th"), ["ada@example.org"]);
        assert_eq!(ada.post(&format!("/admin/accounts/{id}/delete"), &[]).await.status(), 404);
        let entries: Vec<(Option<String>, String, String)> = audit(app).await.into_iter()
            .filter(|(who, _, _)| who.as_deref() == Some("ada@example.org"))
            .filter(|(_, kind, _)| kind.starts_with("account.")).collect();
        let kinds: Vec<&str> = entries.iter().map(|(_, kind, _)| kind.as_str()).collect();
        assert_eq!(kinds, ["account.role_changed", "account.disabled", "account.enabled", "account.deleted"]);
        assert_eq!(entries[0].2, "eddie@example.org: editor → admin");
        assert_eq!(entries[3].2, "eddie@example.org");
    }

    async fn an_admin_cannot_remove_themselves_nor_the_last_admin(app) {
        let ada = app.staff("ada@example.org", "admin").await;
        let me = account_id(app, "ada@example.org").await;
        // Alone: the last active admin, and the page says why.
        for (path, fields) in [("role", vec![("role", "editor")]), ("disable", vec![]), ("delete", vec![])] {
            let response = ada.post(&format!("/admin/accounts/{me}/{path}"), &fields).await;
            assert_eq!(response.status(), 422, "{path}");
            let page = html(response).await;
            assert!(text(&page, "#accounts-error").starts_with("C’est le dernier administrateur actif"), "{path}");
        }
        // With another admin, still not oneself.
        app.create_account("bob@example.org", "admin");
        for (path, fields) in [("role", vec![("role", "editor")]), ("disable", vec![]), ("delete", vec![])] {
            let response = ada.post(&format!("/admin/accounts/{me}/{path}"), &fields).await;
            assert_eq!(response.status(), 422, "{path}");
            let page = html(response).await;
            assert_eq!(text(&page, "#accounts-error"), "Vous ne pouvez pas rétrograder, désactiver ni supprimer votre propre compte\u{a0}: demandez-le à un autre administrateur.");
        }
        // Bob disabled, Ada is the last active admin again: Bob may come
        // back, but no one else may be made to leave.
        let bob = account_id(app, "bob@example.org").await;
        assert_eq!(ada.post(&format!("/admin/accounts/{bob}/disable"), &[]).await.status(), 303);
        assert_eq!(ada.post(&format!("/admin/accounts/{me}/disable"), &[]).await.status(), 422);
        let rows: Vec<(String, Option<String>)> = app.rows("SELECT role, CAST(disabled_at AS TEXT) FROM accounts WHERE email = 'ada@example.org'").await;
        assert_eq!(rows[0], ("admin".to_owned(), None), "nothing changed");
        assert!(!audit(app).await.iter().any(|(who, kind, _)| who.as_deref() == Some("ada@example.org") && kind == "account.role_changed"));
    }
}
