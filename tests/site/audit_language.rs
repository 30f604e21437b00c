//! The audit log's details in the reader's language: an entry keeps its
//! details as data, and the back office tells them in French or in
//! English, the words among them (roles, languages, fields, reasons)
//! translated too.

use std::collections::HashMap;

use scraper::{Html, Selector};

use crate::{
    admin_signatories::{fields, id_of},
    common::{TestApp, attr, both_backends, staff::Staff},
};

/// Each entry of the audit page, newest first: its kind (as stored) and
/// its details as shown.
fn entries(page: &Html) -> Vec<(String, String)> {
    let row = Selector::parse(".admin-table tbody tr").expect("selector");
    let kind = Selector::parse(".audit-kind").expect("selector");
    let details = Selector::parse(".audit-details").expect("selector");
    page.select(&row)
        .map(|row| {
            let kind = row.select(&kind).next().and_then(|k| k.value().attr("title")).unwrap_or_default();
            let details = row.select(&details).next().map(|d| d.text().collect::<String>()).unwrap_or_default();
            (kind.to_owned(), details.trim().to_owned())
        })
        .collect()
}

/// Makes a few changes as an admin whose interface is in `lang`: a
/// failed sign-in by an address that has no account, a signatory added
/// and edited, a page saved, a colleague's role changed. The audit page
/// as that admin reads it: each kind's latest details.
async fn changes_read_in(app: &TestApp, lang: &str) -> (HashMap<String, String>, i64) {
    let admin = app.staff("ada@example.org", "admin").await;
    assert_eq!(admin.post("/admin/account/language", &[("lang", lang)]).await.status(), 303);
    app.create_account("eddie@example.org", "editor");
    assert_eq!(app.post_sign_in("ghost@example.org", "not a password at all").await.status(), 422);

    assert_eq!(admin.post("/admin/signatories/new", &fields(&[])).await.status(), 303);
    let id = id_of(app, "Valmorin").await;
    let form = admin.page(&format!("/admin/signatories/{id}")).await;
    let version = attr(&form, "form.admin-form input[name=version]", "value");
    let edit = fields(&[("kind", "region"), ("joined_on", "2026-03-05"), ("version", &version)]);
    assert_eq!(admin.post(&format!("/admin/signatories/{id}"), &edit).await.status(), 303);

    let saved = admin.post("/admin/pages/about/en", &[("body", "# About\n\nNew words."), ("base", "bundled")]).await;
    assert_eq!(saved.status(), 303);
    let revisions: Vec<(i64,)> = app.rows("SELECT CAST(max(id) AS BIGINT) FROM page_revisions").await;

    let eddie: Vec<(i64,)> = app.rows("SELECT id FROM accounts WHERE email = 'eddie@example.org'").await;
    let role = admin.post(&format!("/admin/accounts/{}/role", eddie[0].0), &[("role", "admin")]).await;
    assert_eq!(role.status(), 303);

    let page = read(&admin).await;
    let mut latest = HashMap::new();
    for (kind, details) in entries(&page) {
        latest.entry(kind).or_insert(details);
    }
    (latest, revisions[0].0)
}

async fn read(admin: &Staff<'_>) -> Html {
    admin.page("/admin/audit").await
}

/// Words of the old English summaries that a French reader should not
/// meet any more.
const ENGLISH: &[&str] =
    &["unknown", "address", "revision", "kind", "joined_on", "editor", "admin", "wrong", "password", "by", "added"];

/// The words of a text: its runs of letters, digits and `_`.
fn words(text: &str) -> Vec<&str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_')).filter(|w| !w.is_empty()).collect()
}

both_backends! {
    async fn the_audit_log_tells_its_details_in_french(app) {
        let (latest, revision) = changes_read_in(app, "fr").await;
        assert_eq!(latest["session.sign_in_failed"], "adresse inconnue");
        assert_eq!(latest["signatory.updated"], "Valmorin (FR)\u{a0}: type, date d’adhésion");
        assert_eq!(latest["signatory.added"], "Valmorin (FR, ville, adhésion le 2 mars 2026)");
        assert_eq!(latest["page.saved"], format!("À propos de la campagne (anglais)\u{a0}: version n° {revision}"));
        assert_eq!(latest["account.role_changed"], "eddie@example.org\u{a0}: rédacteur → administrateur");
        assert_eq!(latest["account.language_changed"], "ada@example.org\u{a0}: français");
        assert_eq!(latest["account.created"], "eddie@example.org (rédacteur)");
        for (kind, details) in &latest {
            let english: Vec<&str> = words(details).into_iter().filter(|w| ENGLISH.contains(w)).collect();
            assert!(english.is_empty(), "{kind}: {details:?} says {english:?}");
        }
        // The entries still keep their English summary, for the command line.
        let summaries: Vec<(String,)> =
            app.rows("SELECT summary FROM audit_log WHERE kind = 'session.sign_in_failed' ORDER BY id").await;
        assert_eq!(summaries, [("unknown address".to_owned(),)]);
    }

    async fn the_audit_log_tells_its_details_in_english(app) {
        let (latest, revision) = changes_read_in(app, "en").await;
        assert_eq!(latest["session.sign_in_failed"], "unknown address");
        assert_eq!(latest["signatory.updated"], "Valmorin (FR): kind, date of joining");
        assert_eq!(latest["page.saved"], format!("About the campaign (English): revision #{revision}"));
        assert_eq!(latest["account.role_changed"], "eddie@example.org: editor → admin");
        assert_eq!(latest["account.language_changed"], "ada@example.org: English");
    }

    async fn an_entry_written_before_details_were_kept_shows_its_summary(app) {
        let admin = app.staff("ada@example.org", "admin").await;
        app.execute("INSERT INTO audit_log (at, actor_email, kind, summary) \
            VALUES ('2026-01-01T00:00:00Z', NULL, 'signatory.deleted', '#41 Lyon (FR, city, 2013-05-02)')").await;
        let shown = entries(&read(&admin).await);
        assert!(shown.contains(&("signatory.deleted".to_owned(), "#41 Lyon (FR, city, 2013-05-02)".to_owned())), "{shown:?}");
    }
}
