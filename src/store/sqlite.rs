//! The SQLite backend: the zero-setup default, one file in `data/`.

use std::{path::Path, str::FromStr, time::Duration};

use sqlx::{
    SqlitePool,
    migrate::Migrator,
    sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous},
};

use super::StoreError;

pub(super) static MIGRATOR: Migrator = sqlx::migrate!("migrations/sqlite");

pub(super) async fn connect(url: &str, acquire_timeout: std::time::Duration) -> Result<SqlitePool, StoreError> {
    let options = SqliteConnectOptions::from_str(url)
        .map_err(StoreError::Other)?
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Normal)
        .busy_timeout(Duration::from_secs(5))
        .foreign_keys(true)
        // Each connection's page cache, at most: 1 MiB (SQLite's default is
        // 2 MB), so that the pool's eight stay within the site's memory
        // budget; the operating system caches the file anyway.
        .pragma("cache_size", "-1024");
    if let Some(parent) = Path::new(options.get_filename()).parent()
        && !parent.as_os_str().is_empty()
    {
        std::fs::create_dir_all(parent).map_err(|e| StoreError::Other(sqlx::Error::Io(e)))?;
    }
    let pool =
        SqlitePoolOptions::new().max_connections(8).acquire_timeout(acquire_timeout).connect_with(options).await?;
    Ok(pool)
}
