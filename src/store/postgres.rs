//! The PostgreSQL backend: production's database.

use sqlx::{PgPool, migrate::Migrator, postgres::PgPoolOptions};

use super::StoreError;

pub(super) static MIGRATOR: Migrator = sqlx::migrate!("migrations/postgres");

/// Connections at most: a few per core, since each query also costs the
/// database server a process's time, plus the one that listens for changes.
fn pool_size() -> u32 {
    let cores = std::thread::available_parallelism().map_or(2, usize::from);
    u32::try_from(cores * 4).unwrap_or(u32::MAX).clamp(8, 64) + 1
}

pub(super) async fn connect(url: &str, acquire_timeout: std::time::Duration) -> Result<PgPool, StoreError> {
    let pool = PgPoolOptions::new()
        .max_connections(pool_size())
        .min_connections(0)
        .acquire_timeout(acquire_timeout)
        .connect(url)
        .await?;
    Ok(pool)
}
