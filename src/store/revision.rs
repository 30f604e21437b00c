//! What the page cache's change signal (`web::page_cache::signal`) needs of
//! the database besides [`Store::revision`]: where a SQLite database keeps
//! its files, and PostgreSQL's notifications of changes, which the triggers
//! send on every change and a command waits to see heard.

use std::{path::PathBuf, time::Duration};

use super::{Store, StoreError};

/// How often a running site looks at a SQLite database's files for changes
/// made elsewhere (see `web::page_cache::signal`): a change made by another
/// program shows on a busy site's pages within this time.
pub const SQLITE_WATCH_INTERVAL: Duration = Duration::from_millis(50);

/// The channel the triggers notify on PostgreSQL.
const CHANNEL: &str = "oneinfive_changes";

/// How the database tells of its changes, besides its revision.
pub enum ChangeSource {
    /// A SQLite database in this file: its write-ahead log's index, and
    /// the file system, show every commit.
    SqliteFile(PathBuf),
    /// PostgreSQL: the triggers notify (see [`Store::listen_for_changes`]).
    Notifications,
    /// Nothing cheap tells of changes (an in-memory database).
    Unavailable,
}

/// A connection that hears PostgreSQL's notifications of changes.
pub struct ChangeListener(sqlx::postgres::PgListener);

impl ChangeListener {
    /// Waits for the next notification: `false` when the connection was
    /// lost instead (notifications may have been missed, and the database
    /// may be down).
    pub async fn next(&mut self) -> bool {
        matches!(self.0.try_recv().await, Ok(Some(_)))
    }
}

impl Store {
    /// How this database tells of its changes.
    pub fn change_source(&self) -> ChangeSource {
        match self {
            Store::Sqlite(pool) => {
                let database = PathBuf::from(pool.connect_options().get_filename());
                if database.is_file() { ChangeSource::SqliteFile(database) } else { ChangeSource::Unavailable }
            }
            Store::Postgres(_) => ChangeSource::Notifications,
        }
    }

    /// Listens for the notifications of changes, on PostgreSQL; `Ok(None)`
    /// on SQLite, and once the store is closed.
    pub async fn listen_for_changes(&self) -> Result<Option<ChangeListener>, StoreError> {
        let Store::Postgres(pool) = self else { return Ok(None) };
        let listener = match sqlx::postgres::PgListener::connect_with(pool).await {
            Ok(mut listener) => listener.listen(CHANNEL).await.map(|()| listener),
            Err(error) => Err(error),
        };
        match listener {
            Ok(listener) => Ok(Some(ChangeListener(listener))),
            Err(sqlx::Error::PoolClosed) => Ok(None),
            Err(error) => Err(error.into()),
        }
    }

    /// Lets a command that changed the data end only once the running
    /// sites have heard of it. On PostgreSQL, notifications reach every
    /// listener in the order they were sent, so the command sends one more
    /// after its changes and waits (a second at most) for it to come back.
    /// On SQLite the command waits for the sites' next looks at the files.
    pub async fn announce_changes(&self) {
        let Store::Postgres(pool) = self else {
            tokio::time::sleep(2 * SQLITE_WATCH_INTERVAL).await;
            return;
        };
        let heard = async {
            let mut listener = sqlx::postgres::PgListener::connect_with(pool).await?;
            listener.listen(CHANNEL).await?;
            sqlx::query("SELECT pg_notify($1, 'announce')").bind(CHANNEL).execute(pool).await?;
            listener.recv().await.map(drop)
        };
        if let Ok(Err(error)) = tokio::time::timeout(Duration::from_secs(1), heard).await {
            tracing::warn!(%error, "could not check that the running sites heard of the changes");
        }
    }
}
