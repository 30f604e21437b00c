//! The store's one error type.

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database cannot be reached right now: it is down, or the way
    /// to it is (the site's breaker opens: see `Availability`).
    #[error("the database is unavailable: {0}")]
    Unavailable(#[source] sqlx::Error),
    /// The database is there but busy: SQLite's write lock is held by
    /// another process past the busy time-out. Worth a retry soon.
    #[error("the database is busy: {0}")]
    Busy(#[source] sqlx::Error),
    /// Stored data that does not parse into the domain types.
    #[error("corrupt data in the database: {0}")]
    Corrupt(String),
    #[error("migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("database error: {0}")]
    Other(#[source] sqlx::Error),
    #[error("unsupported database URL scheme {0:?}: expected postgres://… or sqlite://…")]
    UnsupportedUrl(String),
    /// Something this backend does not do (the message says what to do).
    #[error("{0}")]
    NotSupported(&'static str),
}

/// SQLite's "busy" and "locked": another process holds the write lock
/// past the busy time-out. The database is there, but not for now.
const SQLITE_BUSY_OR_LOCKED: [&str; 2] = ["5", "6"];
/// PostgreSQL's classes for a server going away or refusing connections:
/// connection exceptions, insufficient resources, operator intervention.
const POSTGRES_UNAVAILABLE_CLASSES: [&str; 3] = ["08", "53", "57"];

impl From<sqlx::Error> for StoreError {
    fn from(error: sqlx::Error) -> StoreError {
        let unavailable = match &error {
            sqlx::Error::PoolTimedOut | sqlx::Error::PoolClosed | sqlx::Error::Io(_) | sqlx::Error::Tls(_) => true,
            sqlx::Error::Database(database) => database.code().is_some_and(|code| {
                POSTGRES_UNAVAILABLE_CLASSES.iter().any(|class| code.starts_with(class))
                    && database.try_downcast_ref::<sqlx::postgres::PgDatabaseError>().is_some()
            }),
            _ => false,
        };
        let busy = match &error {
            sqlx::Error::Database(database) => database.code().is_some_and(|code| {
                // SQLite's extended codes keep the primary one in the low byte.
                let primary = code.parse::<u32>().map(|c| (c & 0xff).to_string()).unwrap_or_default();
                SQLITE_BUSY_OR_LOCKED.contains(&primary.as_str())
                    && database.try_downcast_ref::<sqlx::sqlite::SqliteError>().is_some()
            }),
            _ => false,
        };
        if unavailable {
            StoreError::Unavailable(error)
        } else if busy {
            StoreError::Busy(error)
        } else {
            StoreError::Other(error)
        }
    }
}
