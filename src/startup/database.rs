//! Opening the database, for a command or for the site: connect, apply
//! the pending migrations, and fill the embedded default database with the
//! sample data when it is new.

use anyhow::Context;

use crate::{
    formats::sample,
    infra::clock::Clock,
    startup::config,
    store::{ConnectionWait, Store},
};

/// Connects to the configured database and applies pending migrations. The
/// embedded default database is filled with the sample data when it is new.
pub async fn open(database_url: Option<String>) -> anyhow::Result<Store> {
    open_for(database_url, ConnectionWait::Command).await
}

/// Opens the database for a command, or for the site's visitors.
pub async fn open_for(database_url: Option<String>, patience: ConnectionWait) -> anyhow::Result<Store> {
    let (url, fresh_default) = match database_url {
        Some(url) => (url, false),
        None => {
            let (path, url) = config::default_database();
            (url, !path.exists())
        }
    };
    let store = Store::connect_with(&url, patience)
        .await
        .with_context(|| format!("cannot open the {} database", scheme(&url)))?;
    store.migrate().await.context("cannot apply the migrations")?;
    if fresh_default {
        let report = sample::load(&store, Clock::system().now()).await?;
        tracing::info!(
            path = config::DEFAULT_DATABASE_PATH,
            signatories = report.signatories.added,
            events = report.events.added,
            news = report.news.added,
            "created the embedded database and loaded the SAMPLE data into it"
        );
    }
    Ok(store)
}

/// The URL's scheme only: a URL may carry a password.
fn scheme(url: &str) -> &str {
    url.split_once("://").map_or("", |(scheme, _)| scheme)
}
