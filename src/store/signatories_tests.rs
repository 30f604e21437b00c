//! `directory_page` against `directory_slice`, on both backends.

use time::macros::date;

use super::*;
use crate::store::Origin;

fn signatory(name: &str, country: &str, kind: Kind, name_en: Option<&str>) -> NewSignatory {
    NewSignatory {
        name: Name::parse(name).unwrap(),
        kind,
        country: Country::parse(country).unwrap(),
        joined_on: date!(2026 - 01 - 15),
        name_fr: None,
        name_en: name_en.map(|name| Name::parse(name).unwrap()),
        website: None,
        position: None,
    }
}

/// Imports a small directory, then reads pages of it both ways.
async fn page_reads_as_slices(store: Store) {
    store.migrate().await.unwrap();
    let (city, region) = (Kind::City, Kind::Region);
    let directory = [
        signatory("Zürich", "CH", city, Some("Zurich")),
        signatory("Genève", "CH", city, Some("Geneva")),
        signatory("Bâle", "CH", city, Some("Basel")),
        signatory("Lyon", "FR", city, None),
        signatory("Écully", "FR", city, None),
        signatory("Bretagne", "FR", region, Some("Brittany")),
        signatory("Paris", "FR", city, None),
        signatory("Île-de-France", "FR", region, None),
        signatory("Aachen", "DE", city, Some("Aix-la-Chapelle")),
        signatory("Köln", "DE", city, Some("Cologne")),
    ];
    store.import_signatories(&directory, &[], Origin::Staff).await.unwrap();
    let slice =
        |country: &str, limit, offset| DirectorySlice { country: Country::parse(country).unwrap(), limit, offset };
    let slices = [slice("FR", 3, 1), slice("DE", 10, 0), slice("IT", 5, 0), slice("CH", 2, 1), slice("FR", 1, 0)];
    let filters = [
        DirectoryFilter::default(),
        DirectoryFilter { kind: Some(city), ..DirectoryFilter::default() },
        DirectoryFilter { query: Some("E".into()), ..DirectoryFilter::default() },
        // Long enough for the search index: the signatories with two names.
        DirectoryFilter { query: Some(" | ".into()), ..DirectoryFilter::default() },
    ];
    for lang in Lang::ALL {
        for filter in &filters {
            let mut expected = Vec::new();
            for s in &slices {
                expected.extend(store.directory_slice(s.country, filter, lang, s.limit, s.offset).await.unwrap());
            }
            let page = store.directory_page(&slices, filter, lang).await.unwrap();
            assert_eq!(page, expected, "{lang:?}, {filter:?}");
            assert!(page.len() >= 4, "{lang:?}, {filter:?}: {page:?}");
        }
        assert!(store.directory_page(&[], &filters[0], lang).await.unwrap().is_empty());
    }
    store.close().await;
}

#[tokio::test]
async fn directory_page_reads_as_slices_on_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("directory.db").display());
    page_reads_as_slices(Store::connect(&url).await.unwrap()).await;
}

/// On a throwaway database, when a PostgreSQL server is reachable (the
/// integration tests' `TEST_POSTGRES_URL`, or the local default).
#[tokio::test]
async fn directory_page_reads_as_slices_on_postgres() {
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
    let name = format!("oneinfive_store_test_{}", std::process::id());
    let create = format!("CREATE DATABASE {name}");
    sqlx::query(sqlx::AssertSqlSafe(create)).execute(&admin).await.unwrap();
    let (server, _) = admin_url.rsplit_once('/').unwrap();
    let store = Store::connect(&format!("{server}/{name}")).await.unwrap();
    // Run apart, so that the database is dropped even when it fails.
    let outcome = tokio::spawn(page_reads_as_slices(store)).await;
    let drop = format!("DROP DATABASE {name} WITH (FORCE)");
    sqlx::query(sqlx::AssertSqlSafe(drop)).execute(&admin).await.unwrap();
    if let Err(error) = outcome {
        std::panic::resume_unwind(error.into_panic());
    }
}
