//! Applications to join the Pact, from the form to the directory, on both
//! backends.

use time::{Duration, OffsetDateTime, macros::datetime};

use super::*;
use crate::domain::{
    Slug,
    application::{ApplicationFields, Document, NewApplication},
    news::{Markdown, Translation},
    text::Title,
};
use crate::text::i18n::Lang;

const NOW: OffsetDateTime = datetime!(2026-12-07 10:00 UTC);

fn application(name: &str, country: &str) -> NewApplication {
    ApplicationFields {
        name,
        kind: "city",
        country,
        decided_on: "2026-11-30",
        contact_name: "Ana Example",
        contact_role: "Mayor",
        contact_email: "ana@example.org",
        consent: true,
        ..ApplicationFields::default()
    }
    .parse(NOW.date())
    .unwrap()
}

fn attempt(client: &str) -> Attempt<'_> {
    Attempt { scope: "join", client, quota: Quota { attempts: 5, window: Duration::minutes(1) } }
}

async fn send(store: &Store, a: &NewApplication, token: &str, client: &str) -> Submitted {
    let document = Document::parse(b"%PDF-1.4 test".to_vec()).unwrap();
    let s = ApplicationSubmission {
        application: a,
        document: document.as_ref(),
        lang: Lang::En,
        consent_version: "privacy-test",
        confirm_token_hash: token,
        message: b"confirm",
    };
    store.add_application(&s, attempt(client), NOW).await.unwrap()
}

async fn outbox(store: &Store) -> i64 {
    let sql = "SELECT count(*) FROM mail_outbox";
    let (n,): (i64,) = on_pool!(store, pool => sqlx::query_as(sql).fetch_one(pool).await).unwrap();
    n
}

fn draft() -> NewsTexts {
    let t = |title: &str| Translation {
        title: Title::parse(title).unwrap(),
        summary: Markdown::parse("A new signatory.", 1000).unwrap(),
        body: Markdown::parse("A new signatory.", 10000).unwrap(),
        image_alt: None,
    };
    NewsTexts { fr: Some(t("Nouvelle signature")), en: Some(t("A new signature")) }
}

async fn an_application_goes_from_the_form_to_the_directory(store: Store) {
    store.migrate().await.unwrap();
    let before = store.counter().await.unwrap();
    let staff = Actor::Staff("staff@example.org".into());
    assert_eq!(send(&store, &application("Ville-Ösel", "MT"), "c1", "a").await, Submitted::Queued);
    assert_eq!(outbox(&store).await, 1);
    // The same authority again, in other case and accents: pending.
    assert_eq!(send(&store, &application("VILLE-OSEL", "MT"), "c2", "a").await, Submitted::Duplicate);
    assert_eq!(outbox(&store).await, 1);
    // Staff see nothing before the confirmation.
    assert!(store.applications_awaiting_review().await.unwrap().is_empty());
    let found = store.application_by_confirmation("c1", NOW).await.unwrap().unwrap();
    assert_eq!(found.state, ApplicationState::Unconfirmed);
    assert!(store.application_by_confirmation("c1", NOW + Duration::days(8)).await.unwrap().is_none());
    let mails = [
        Outgoing { recipient: "ana@example.org", message: b"received" },
        Outgoing { recipient: "admin@example.org", message: b"new" },
    ];
    assert!(store.confirm_application("c1", "s1", &mails, NOW).await.unwrap());
    assert!(!store.confirm_application("c1", "s1", &mails, NOW).await.unwrap(), "once only");
    assert_eq!(outbox(&store).await, 3);
    assert_eq!(store.application_by_status("s1").await.unwrap().unwrap().state, ApplicationState::Received);
    assert!(store.application_by_status("c1").await.unwrap().is_none());
    let list = store.applications_awaiting_review().await.unwrap();
    assert_eq!((list.len(), store.applications_awaiting_count().await.unwrap()), (1, 1));
    let id = list[0].id;
    assert_eq!(store.application_document(id).await.unwrap().unwrap(), b"%PDF-1.4 test");
    let mut corrected = store.application(id).await.unwrap().unwrap().authority;
    corrected.name = crate::domain::Name::parse("Ville d'Ösel").unwrap();
    assert!(store.correct_application(id, &corrected, &staff, NOW).await.unwrap());
    let slug = Slug::parse("ville-d-osel").unwrap();
    let texts = draft();
    let announcement = Some(AnnouncementDraft { slug: &slug, texts: &texts });
    let approval = store
        .approve_application(id, announcement, |s| Ok(format!("approved {s}").into_bytes()), &staff, NOW)
        .await
        .unwrap();
    let Approval::Done { signatory, news: Some(news) } = approval else { panic!("{approval:?}") };
    assert!(store.staff_news(news).await.unwrap().unwrap().draft);
    let after = store.counter().await.unwrap();
    assert_eq!(after.signatories, before.signatories + 1);
    assert_eq!(
        store.application_by_status("s1").await.unwrap().unwrap().state,
        ApplicationState::Approved(Some(signatory))
    );
    assert_eq!(outbox(&store).await, 4);
    assert_eq!(store.approve_application(id, None, |_| Ok(Vec::new()), &staff, NOW).await.unwrap(), Approval::NotFound);
    // A signatory now: a new application for it is a duplicate.
    assert_eq!(send(&store, &application("ville d'osel", "MT"), "c3", "b").await, Submitted::Duplicate);
    let kinds: Vec<String> = store.recent_changes(10).await.unwrap().into_iter().map(|e| e.kind).collect();
    for kind in
        ["application.confirmed", "application.corrected", "signatory.added", "application.approved", "news.added"]
    {
        assert!(kinds.iter().any(|k| k == kind), "{kind} in {kinds:?}");
    }
    // Erased 30 days after the decision; the signatory stays.
    assert_eq!(store.purge_applications(NOW + Duration::days(29)).await.unwrap(), 0);
    assert_eq!(store.purge_applications(NOW + Duration::days(30)).await.unwrap(), 1);
    assert_eq!(store.counter().await.unwrap(), after);
    store.close().await;
}

async fn declined_expired_and_limited(store: Store) {
    store.migrate().await.unwrap();
    let staff = Actor::Staff("staff@example.org".into());
    assert_eq!(send(&store, &application("Declined Town", "IS"), "d1", "a").await, Submitted::Queued);
    assert_eq!(send(&store, &application("Never Confirmed", "IS"), "d2", "a").await, Submitted::Queued);
    assert!(store.confirm_application("d1", "ds1", &[], NOW).await.unwrap());
    let id = store.applications_awaiting_review().await.unwrap()[0].id;
    assert!(store.decline_application(id, "Not a local authority.", b"declined", &staff, NOW).await.unwrap());
    assert!(!store.decline_application(id, "again", b"declined", &staff, NOW).await.unwrap());
    let state = store.application_by_status("ds1").await.unwrap().unwrap().state;
    assert_eq!(state, ApplicationState::Declined("Not a local authority.".into()));
    // The unconfirmed one is erased after 7 days, the declined after 30.
    assert_eq!(store.purge_applications(NOW + Duration::days(7)).await.unwrap(), 1);
    assert!(store.application_by_status("ds1").await.unwrap().is_some());
    assert_eq!(store.purge_applications(NOW + Duration::days(30)).await.unwrap(), 1);
    assert!(store.application_by_status("ds1").await.unwrap().is_none());
    // The sixth attempt in a minute stores nothing.
    for n in 0..3 {
        let token = format!("l{n}");
        assert_eq!(send(&store, &application(&format!("Town {n}"), "IS"), &token, "a").await, Submitted::Queued);
    }
    assert_eq!(send(&store, &application("Town 9", "IS"), "l9", "a").await, Submitted::TooManyAttempts);
    assert!(store.application_by_confirmation("l9", NOW).await.unwrap().is_none());
    store.close().await;
}

#[tokio::test]
async fn applications_on_sqlite() {
    for story in [0, 1] {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}", dir.path().join("applications.db").display());
        let store = Store::connect(&url).await.unwrap();
        match story {
            0 => an_application_goes_from_the_form_to_the_directory(store).await,
            _ => declined_expired_and_limited(store).await,
        }
    }
}

#[tokio::test]
async fn applications_on_postgres() {
    let admin_url =
        std::env::var("TEST_POSTGRES_URL").unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into());
    let admin = match tokio::time::timeout(std::time::Duration::from_secs(5), Store::connect(&admin_url)).await {
        Ok(Ok(Store::Postgres(pool))) => pool,
        outcome => {
            assert!(std::env::var_os("CI").is_none(), "PostgreSQL is not reachable under CI: {outcome:?}");
            eprintln!("PostgreSQL at {admin_url} is not reachable: skipping this test");
            return;
        }
    };
    for story in [0, 1] {
        let name = format!("oneinfive_applications_test_{}_{story}", std::process::id());
        let create = format!("CREATE DATABASE {name}");
        sqlx::query(sqlx::AssertSqlSafe(create)).execute(&admin).await.unwrap();
        let (server, _) = admin_url.rsplit_once('/').unwrap();
        let store = Store::connect(&format!("{server}/{name}")).await.unwrap();
        let outcome = match story {
            0 => tokio::spawn(an_application_goes_from_the_form_to_the_directory(store)).await,
            _ => tokio::spawn(declined_expired_and_limited(store)).await,
        };
        let drop = format!("DROP DATABASE {name} WITH (FORCE)");
        sqlx::query(sqlx::AssertSqlSafe(drop)).execute(&admin).await.unwrap();
        if let Err(error) = outcome {
            std::panic::resume_unwind(error.into_panic());
        }
    }
}
