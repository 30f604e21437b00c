//! Storage: one interface, two real backends (PostgreSQL in production,
//! SQLite as the zero-setup default), chosen by the database URL's scheme.
//!
//! Handlers and commands never see SQL. The queries are written once, in
//! SQL that both backends understand, and run against whichever pool the
//! store holds (see [`on_pool!`]); what differs between the backends —
//! connecting, the schema and its migrations — lives in `postgres.rs` and
//! `sqlite.rs`. The same integration tests run against both.
//!
//! The queries are grouped by table: `signatories.rs` (and
//! `signatory_import.rs`), `events.rs`,
//! `news.rs` (with `news_preview.rs`, drafts' private preview links), `newsletter.rs`, `subscribers.rs` (as staff see them);
//! `accounts.rs`, `account_changes.rs` (the accounts page), `invitations.rs`, `sessions.rs`
//! and `audit.rs` for the back office, `trash.rs` (with `trash_rows.rs`) for deleted records kept 30 days, `two_step.rs` for its two-step
//! sign-in and settings; `pages.rs`, the prose pages' revisions;
//! `revision.rs`, how the database tells the page cache of its changes.

/// Runs the same code against whichever pool the store holds. The body is
/// type-checked once per backend, so a query that one backend cannot
/// decode fails to compile rather than at run time.
///
/// It is a plain `match`, and hides no control flow: a `?` or a `return`
/// in the body is the caller's own, written at the call site. (A function
/// would need each body boxed as a future, or written once per backend.)
///
/// Defined before any `mod` line, so that every module below can use it
/// whatever order they are declared in.
macro_rules! on_pool {
    ($store:expr, $pool:ident => $body:expr) => {
        match $store {
            Store::Postgres($pool) => $body,
            Store::Sqlite($pool) => $body,
        }
    };
}

mod account_changes;
mod accounts;
mod application_review;
mod applications;
mod attempts;
mod audit;
mod availability;
mod drafts;
mod error;
mod event_edits;
mod events;
mod invitations;
mod news;
mod news_edits;
mod news_import;
mod news_preview;
mod news_staff;
mod newsletter;
mod newsletter_archive;
mod newsletter_issue_staff;
mod newsletter_issues;
mod newsletter_sending;
mod pages;
mod postgres;
mod revision;
mod sample;
mod saved;
mod sessions;
mod signatories;
mod signatory_edits;
mod signatory_import;
mod signatory_pages;
mod sqlite;
mod subscribers;
mod suppressions;
mod trash;
mod trash_rows;
mod two_step;

/// The typed values the newsletter's issues and suppressions, and the
/// applications to join the Pact, are stored from, for the commands and the tests that call the store.
pub use crate::domain::{
    EmailAddress,
    application::{
        ApplicationError, ApplicationField, ApplicationFields, DOCUMENT_MAX_BYTES, Document, DocumentError,
        NewApplication,
    },
    newsletter_issue::{IssueFields, IssueTexts},
};
pub use account_changes::{AccountChange, ChangeOutcome};
pub use accounts::{Account, LOCKOUT_AFTER, LOCKOUT_FOR, SignInFailure, SignInMethod};
pub use application_review::{AnnouncementDraft, ApplicationSummary, Approval, StoredApplication};
pub use applications::{
    APPLICATION_CONFIRMATION_LIFETIME, ApplicationState, ApplicationStatus, ApplicationSubmission,
    DECIDED_APPLICATION_KEPT_FOR, Outgoing, Submitted,
};
pub use attempts::{ATTEMPTS_KEPT_FOR, Attempt, Quota};
pub use audit::{
    Actor, AuditDetails, AuditEntry, AuditFilter, AuditKind, AuditValue, is_word as is_audit_word,
    subscribers_exported, words as audit_words,
};
pub use availability::Availability;
pub use drafts::{DRAFT_KEPT_FOR, FormDraft};
pub use error::StoreError;
pub use event_edits::{EventEdit, StaffEventFilter, VersionedEvent};
pub use events::{EventFilter, Mode};
pub use invitations::{INVITATION_LIFETIME, Invitation, InvitationState, NewInvitation, PendingInvitation, Renewal};
pub use news_edits::{ImageChange, NewsTexts, StaffNews, StoredImage};
pub use news_preview::{PREVIEW_LINK_LIFETIME, PreviewLink};
pub use newsletter::{Claimed, OutboxCounts, Subscriber, Subscription, SubscriptionOutcome};
pub use newsletter_archive::ISSUE_RECIPIENTS_KEPT_FOR;
pub use newsletter_issue_staff::TestQueued;
pub use newsletter_issues::{IssueStatus, NewsletterIssue};
pub use newsletter_sending::{IssueProgress, LangProgress, StartOutcome};
pub use pages::{Author, NewRevision, PageRevision, PageSaved, RevisionInfo, TextSource};
pub use revision::{ChangeListener, ChangeSource, SQLITE_WATCH_INTERVAL};
pub use sample::SampleRows;
pub use saved::Saved;
pub use sessions::{SessionAccount, SessionLimits};
pub use signatories::{CountryCount, DirectoryFilter, DirectorySlice};
pub use signatory_edits::{ImportPreview, PreviewRow, VersionedSignatory};
pub use signatory_pages::{ExportKey, ExportSummary};
pub use subscribers::{SubscriberCount, SubscriberRecord};
pub use suppressions::{
    BOUNCE_MESSAGES_KEPT_FOR, Feedback, FeedbackOutcome, SOFT_BOUNCE_WINDOW, SOFT_BOUNCES_TO_SUPPRESS,
    SuppressionCounts, SuppressionReason,
};
pub use trash::{Clash, Restored, TRASH_KEPT_FOR, TrashItem, TrashKind, Whereabouts};
pub use two_step::{PENDING_LIFETIME, PendingSignIn, TwoStep};

use std::time::Duration;

use sqlx::{PgPool, SqlitePool};

/// Who waits for a database connection, and so for how long before the
/// store answers "unavailable".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConnectionWait {
    /// A visitor: an outage must fail fast, not hang pages. (Once one
    /// request has found the database down, the others do not wait at all:
    /// see [`Availability`].)
    Visitor,
    /// A command run by staff, which may wait out a busy moment.
    Command,
}

impl ConnectionWait {
    fn acquire_timeout(self) -> Duration {
        match self {
            ConnectionWait::Visitor => Duration::from_millis(800),
            ConnectionWait::Command => Duration::from_secs(10),
        }
    }
}

/// Instants are stored in UTC to the second, so that SQLite's text and
/// PostgreSQL's timestamps sort alike.
pub fn instant(at: time::OffsetDateTime) -> time::OffsetDateTime {
    let utc = at.to_offset(time::UtcOffset::UTC);
    utc.replace_nanosecond(0).unwrap_or(utc)
}

/// Where imported rows come from: the bundled sample data (marked as such,
/// and kept as loaded once there), or staff (real data: a sample row they
/// name becomes real).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    Sample,
    Staff,
}

impl Origin {
    fn is_sample(self) -> bool {
        self == Origin::Sample
    }
}

/// What an import did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ImportReport {
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
}

/// The site's storage, cheap to clone (it holds a connection pool).
#[derive(Clone, Debug)]
pub enum Store {
    Postgres(PgPool),
    Sqlite(SqlitePool),
}

impl Store {
    /// Connects to the database a URL names: `postgres://…` or `sqlite://…`,
    /// for a command (see [`Store::connect_with`]). A SQLite file is
    /// created when missing.
    pub async fn connect(url: &str) -> Result<Store, StoreError> {
        Store::connect_with(url, ConnectionWait::Command).await
    }

    /// Connects, with connections waited for as long as `patience` allows.
    pub async fn connect_with(url: &str, patience: ConnectionWait) -> Result<Store, StoreError> {
        let wait = patience.acquire_timeout();
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            postgres::connect(url, wait).await.map(Store::Postgres)
        } else if url.starts_with("sqlite:") {
            sqlite::connect(url, wait).await.map(Store::Sqlite)
        } else {
            // Only the scheme: the rest of a URL may hold a password.
            let scheme = url.split_once(':').map_or("", |(scheme, _)| scheme);
            Err(StoreError::UnsupportedUrl(scheme.chars().take(20).collect()))
        }
    }

    pub fn backend(&self) -> &'static str {
        match self {
            Store::Postgres(_) => "PostgreSQL",
            Store::Sqlite(_) => "SQLite",
        }
    }

    /// Applies the migrations this backend has not seen yet.
    pub async fn migrate(&self) -> Result<(), StoreError> {
        match self {
            Store::Postgres(pool) => postgres::MIGRATOR.run(pool).await?,
            Store::Sqlite(pool) => sqlite::MIGRATOR.run(pool).await?,
        }
        Ok(())
    }

    /// Answers when the database answers.
    pub async fn ping(&self) -> Result<(), StoreError> {
        let _: (i32,) = on_pool!(self, pool => sqlx::query_as("SELECT 1").fetch_one(pool).await)?;
        Ok(())
    }

    /// Opens a connection outside the pool, and closes it: whether the
    /// database can be reached at all, whatever the pool's connections do.
    pub async fn connect_aside(&self) -> Result<(), StoreError> {
        use sqlx::Connection;
        match self {
            Store::Postgres(pool) => {
                sqlx::PgConnection::connect_with(&pool.connect_options()).await?.close().await?;
            }
            Store::Sqlite(pool) => {
                sqlx::SqliteConnection::connect_with(&pool.connect_options()).await?.close().await?;
            }
        }
        Ok(())
    }

    /// The number every change to the public pages' data raises.
    pub async fn revision(&self) -> Result<i64, StoreError> {
        const REVISION: &str = "SELECT value FROM site_revision WHERE id = 1";
        let (value,): (i64,) = on_pool!(self, pool => sqlx::query_as(REVISION).fetch_one(pool).await)?;
        Ok(value)
    }

    /// Writes a consistent copy of the database into a new file, while the
    /// site runs (SQLite's `VACUUM INTO`). A file already there is refused.
    /// PostgreSQL has its own tools: `pg_dump`.
    pub async fn backup_to(&self, file: &std::path::Path) -> Result<(), StoreError> {
        match self {
            Store::Sqlite(pool) => {
                if file.exists() {
                    return Err(StoreError::NotSupported("the file exists already: name a new one"));
                }
                let path = file.to_str().ok_or(StoreError::NotSupported("the file's name is not UTF-8"))?;
                sqlx::query("VACUUM INTO $1").bind(path).execute(pool).await?;
                Ok(())
            }
            Store::Postgres(_) => Err(StoreError::NotSupported(
                "on PostgreSQL, use pg_dump --format=custom (and pg_restore): see the README",
            )),
        }
    }

    /// Whether every connection the pool may open is open: requests then
    /// wait for one to be free, however well the database answers.
    pub fn is_saturated(&self) -> bool {
        on_pool!(self, pool => pool.size() >= pool.options().get_max_connections())
    }

    /// Whether the store was closed (the site is stopping).
    pub fn is_closed(&self) -> bool {
        on_pool!(self, pool => pool.is_closed())
    }

    pub async fn close(&self) {
        on_pool!(self, pool => pool.close().await);
    }
}

/// On SQLite, whose triggers fire for each row: while `revision_held`
/// holds its row, changes to the public pages' tables leave the revision
/// alone. An import holds it, writes, releases it and raises the revision
/// once, all in its transaction, so that no other connection sees the row.
const HOLD_REVISION: &str = "INSERT INTO revision_held (id) VALUES (1)";
const RELEASE_REVISION: &str = "DELETE FROM revision_held";
const RAISE_REVISION: &str = "UPDATE site_revision SET value = value + 1 WHERE id = 1";

impl Store {
    /// Whether bulk writes must hold the revision (see [`HOLD_REVISION`]):
    /// on SQLite.
    pub(super) fn holds_revision(&self) -> bool {
        matches!(self, Store::Sqlite(_))
    }
}

/// Before a bulk write, in its transaction: the revision held, when `held`
/// (see [`Store::holds_revision`]).
async fn hold_revision<C>(conn: &mut C, held: bool) -> Result<(), StoreError>
where
    C: sqlx::Connection,
    for<'c> &'c mut C: sqlx::Executor<'c, Database = C::Database>,
    <C::Database as sqlx::Database>::Arguments: sqlx::IntoArguments<C::Database>,
{
    if held {
        sqlx::query(HOLD_REVISION).execute(&mut *conn).await?;
    }
    Ok(())
}

/// A write transaction for a bulk write, the revision held in it when
/// `held` ([`release_revision`] before its commit).
async fn begin_bulk<P>(pool: &P, held: bool) -> Result<sqlx::Transaction<'static, P::Db>, StoreError>
where
    P: BeginWrite,
    for<'c> &'c mut <P::Db as sqlx::Database>::Connection: sqlx::Executor<'c, Database = P::Db>,
    <P::Db as sqlx::Database>::Arguments: sqlx::IntoArguments<P::Db>,
{
    let mut tx = pool.begin_write().await?;
    hold_revision(&mut *tx, held).await?;
    Ok(tx)
}

/// After it, in the same transaction: the revision released, when `held`,
/// and raised once when the write `changed` anything.
async fn release_revision<C>(conn: &mut C, held: bool, changed: bool) -> Result<(), StoreError>
where
    C: sqlx::Connection,
    for<'c> &'c mut C: sqlx::Executor<'c, Database = C::Database>,
    <C::Database as sqlx::Database>::Arguments: sqlx::IntoArguments<C::Database>,
{
    if held {
        sqlx::query(RELEASE_REVISION).execute(&mut *conn).await?;
        if changed {
            sqlx::query(RAISE_REVISION).execute(&mut *conn).await?;
        }
    }
    Ok(())
}

/// Starts a write transaction. On SQLite it takes the write lock at once
/// (`BEGIN IMMEDIATE`), so that two writers queue on the busy timeout
/// instead of failing when a reader upgrades.
trait BeginWrite {
    type Db: sqlx::Database;
    async fn begin_write(&self) -> Result<sqlx::Transaction<'static, Self::Db>, sqlx::Error>;
}

impl BeginWrite for PgPool {
    type Db = sqlx::Postgres;
    async fn begin_write(&self) -> Result<sqlx::Transaction<'static, sqlx::Postgres>, sqlx::Error> {
        self.begin().await
    }
}

impl BeginWrite for SqlitePool {
    type Db = sqlx::Sqlite;
    async fn begin_write(&self) -> Result<sqlx::Transaction<'static, sqlx::Sqlite>, sqlx::Error> {
        self.begin_with("BEGIN IMMEDIATE").await
    }
}

/// A statement that takes its values one by one, whether it returns rows
/// decoded as a type (`QueryAs`) or not (`Query`): what a function that
/// binds a record's values (see `bind_signatory`, `bind_event`) binds to,
/// on either backend.
trait Bind<'q, DB: sqlx::Database>: Sized {
    fn value<T: 'q + sqlx::Encode<'q, DB> + sqlx::Type<DB>>(self, value: T) -> Self;
}

impl<'q, DB: sqlx::Database> Bind<'q, DB> for sqlx::query::Query<'q, DB, <DB as sqlx::Database>::Arguments> {
    fn value<T: 'q + sqlx::Encode<'q, DB> + sqlx::Type<DB>>(self, value: T) -> Self {
        self.bind(value)
    }
}

impl<'q, DB: sqlx::Database, O> Bind<'q, DB> for sqlx::query::QueryAs<'q, DB, O, <DB as sqlx::Database>::Arguments> {
    fn value<T: 'q + sqlx::Encode<'q, DB> + sqlx::Type<DB>>(self, value: T) -> Self {
        self.bind(value)
    }
}

#[cfg(test)]
mod applications_tests;
