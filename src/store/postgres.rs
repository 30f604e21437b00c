//! The PostgreSQL backend: production's database.

use sqlx::{PgPool, migrate::Migrator, postgres::PgPoolOptions};

use super::{ACQUIRE_TIMEOUT, StoreError};

pub(super) static MIGRATOR: Migrator = sqlx::migrate!("migrations/postgres");

pub(super) async fn connect(url: &str) -> Result<PgPool, StoreError> {
    let pool = PgPoolOptions::new()
        .max_connections(16)
        .min_connections(0)
        .acquire_timeout(ACQUIRE_TIMEOUT)
        .connect(url)
        .await?;
    Ok(pool)
}
