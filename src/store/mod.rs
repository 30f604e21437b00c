//! Storage: one interface, two real backends (PostgreSQL in production,
//! SQLite as the zero-setup default), chosen by the database URL's scheme.
//!
//! Handlers and commands never see SQL. The queries are written once, in
//! SQL that both backends understand, and run against whichever pool the
//! store holds (see [`on_pool!`]); what differs between the backends —
//! connecting, the schema and its migrations — lives in `postgres.rs` and
//! `sqlite.rs`. The same integration tests run against both.

mod postgres;
mod revision;
mod sqlite;

pub use revision::{BUSY_PACE, Revisions};

use std::time::Duration;

use sqlx::{FromRow, PgPool, SqlitePool};
use time::Date;

use crate::{
    domain::{Counter, Country, Kind, Name, NewSignatory, Signatory, Website},
    text::collate,
    text::i18n::Lang,
};

/// How long a request waits for a database connection before the site
/// answers "unavailable": an outage must fail fast, not hang visitors.
pub const ACQUIRE_TIMEOUT: Duration = Duration::from_secs(3);

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database cannot be reached right now.
    #[error("the database is unavailable: {0}")]
    Unavailable(#[source] sqlx::Error),
    /// Stored data that does not parse into the domain types.
    #[error("corrupt data in the database: {0}")]
    Corrupt(String),
    #[error("migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("database error: {0}")]
    Other(#[source] sqlx::Error),
    #[error("unsupported database URL scheme {0:?}: expected postgres://… or sqlite://…")]
    UnsupportedUrl(String),
}

impl From<sqlx::Error> for StoreError {
    fn from(error: sqlx::Error) -> StoreError {
        match error {
            sqlx::Error::PoolTimedOut | sqlx::Error::PoolClosed | sqlx::Error::Io(_) | sqlx::Error::Tls(_) => {
                StoreError::Unavailable(error)
            }
            other => StoreError::Other(other),
        }
    }
}

/// Instants are stored in UTC to the second, so that SQLite's text and
/// PostgreSQL's timestamps sort alike.
pub fn instant(at: time::OffsetDateTime) -> time::OffsetDateTime {
    let utc = at.to_offset(time::UtcOffset::UTC);
    utc.replace_nanosecond(0).unwrap_or(utc)
}

/// What an import did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ImportReport {
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
}

/// Which signatories the directory shows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DirectoryFilter {
    pub country: Option<Country>,
    pub kind: Option<Kind>,
    /// Words to find in any of the signatory's names, accents and case ignored.
    pub query: Option<String>,
}

impl DirectoryFilter {
    pub fn is_empty(&self) -> bool {
        self.country.is_none() && self.kind.is_none() && self.query.is_none()
    }

    /// The LIKE pattern for the query: folded, with LIKE's wildcards escaped.
    fn pattern(&self) -> Option<String> {
        self.query.as_ref().map(|query| {
            let folded = collate::fold(query);
            let mut pattern = String::from("%");
            for c in folded.chars() {
                if matches!(c, '%' | '_' | '\\') {
                    pattern.push('\\');
                }
                pattern.push(c);
            }
            pattern.push('%');
            pattern
        })
    }
}

/// How many cities and regions of a country the directory holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CountryCount {
    pub country: Country,
    pub cities: i64,
    pub regions: i64,
}

impl CountryCount {
    pub fn total(&self) -> i64 {
        self.cities + self.regions
    }
}

/// The columns a [`SignatoryRow`] reads.
macro_rules! select_signatories {
    () => {
        "SELECT id, name, kind, country, joined_on, name_fr, name_en, website FROM signatories "
    };
}

/// The conditions shared by the directory's queries; `$1` is the country,
/// `$2` the kind, `$3` the name pattern, each NULL for "any".
macro_rules! directory_where {
    () => {
        concat!("WHERE (CAST($1 AS TEXT) IS NULL OR country = $1) AND ", directory_kind_and_name!())
    };
}

/// The directory's conditions but the country; `$2` is the kind, `$3` the
/// name pattern, each NULL for "any".
macro_rules! directory_kind_and_name {
    () => {
        "(CAST($2 AS TEXT) IS NULL OR kind = $2) AND (CAST($3 AS TEXT) IS NULL OR search_text LIKE $3 ESCAPE '\\')"
    };
}

/// The site's storage, cheap to clone (it holds a connection pool).
#[derive(Clone, Debug)]
pub enum Store {
    Postgres(PgPool),
    Sqlite(SqlitePool),
}

/// Runs the same code against whichever pool the store holds. The body is
/// type-checked once per backend, so a query that one backend cannot
/// decode fails to compile rather than at run time.
macro_rules! on_pool {
    ($store:expr, $pool:ident => $body:expr) => {
        match $store {
            Store::Postgres($pool) => $body,
            Store::Sqlite($pool) => $body,
        }
    };
}

#[derive(FromRow)]
struct SignatoryRow {
    id: i64,
    name: String,
    kind: String,
    country: String,
    joined_on: Date,
    name_fr: Option<String>,
    name_en: Option<String>,
    website: Option<String>,
}

impl SignatoryRow {
    fn into_domain(self) -> Result<Signatory, StoreError> {
        let corrupt = |what: &str, value: &str| StoreError::Corrupt(format!("signatory {}: {what} {value:?}", self.id));
        let optional_name = |value: &Option<String>| match value {
            Some(text) => Name::parse(text).map(Some).map_err(|_| corrupt("name", text)),
            None => Ok(None),
        };
        let details = NewSignatory {
            name: Name::parse(&self.name).map_err(|_| corrupt("name", &self.name))?,
            kind: Kind::parse(&self.kind).map_err(|_| corrupt("kind", &self.kind))?,
            country: Country::parse(&self.country).map_err(|_| corrupt("country", &self.country))?,
            joined_on: self.joined_on,
            name_fr: optional_name(&self.name_fr)?,
            name_en: optional_name(&self.name_en)?,
            website: match &self.website {
                Some(text) => Some(Website::parse(text).map_err(|_| corrupt("website", text))?),
                None => None,
            },
        };
        Ok(Signatory { id: self.id, details })
    }

    fn same_as(&self, s: &NewSignatory) -> bool {
        self.name == s.name.as_str()
            && self.kind == s.kind.as_str()
            && self.joined_on == s.joined_on
            && self.name_fr.as_deref() == s.name_fr.as_ref().map(Name::as_str)
            && self.name_en.as_deref() == s.name_en.as_ref().map(Name::as_str)
            && self.website.as_deref() == s.website.as_ref().map(Website::as_str)
    }
}

impl Store {
    /// Connects to the database a URL names: `postgres://…` or `sqlite://…`.
    /// A SQLite file is created when missing.
    pub async fn connect(url: &str) -> Result<Store, StoreError> {
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            postgres::connect(url).await.map(Store::Postgres)
        } else if url.starts_with("sqlite:") {
            sqlite::connect(url).await.map(Store::Sqlite)
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

    /// The number every change to the public pages' data raises.
    pub async fn revision(&self) -> Result<i64, StoreError> {
        const REVISION: &str = "SELECT value FROM site_revision WHERE id = 1";
        let (value,): (i64,) = on_pool!(self, pool => sqlx::query_as(REVISION).fetch_one(pool).await)?;
        Ok(value)
    }

    pub async fn close(&self) {
        on_pool!(self, pool => pool.close().await);
    }

    /// The live counter, computed by the database.
    pub async fn counter(&self) -> Result<Counter, StoreError> {
        const COUNTS: &str = "SELECT count(*), count(DISTINCT country) FROM signatories";
        const LATEST: &str = "SELECT joined_on FROM signatories ORDER BY joined_on DESC LIMIT 1";
        let (signatories, countries): (i64, i64) =
            on_pool!(self, pool => sqlx::query_as(COUNTS).fetch_one(pool).await)?;
        let latest: Option<(Date,)> = on_pool!(self, pool => sqlx::query_as(LATEST).fetch_optional(pool).await)?;
        Ok(Counter { signatories, countries, latest: latest.map(|(date,)| date) })
    }

    /// Every signatory, by country and then name.
    pub async fn signatories(&self) -> Result<Vec<Signatory>, StoreError> {
        const ALL: &str = concat!(select_signatories!(), "ORDER BY country, name_key, id");
        let rows: Vec<SignatoryRow> = on_pool!(self, pool => sqlx::query_as(ALL).fetch_all(pool).await)?;
        rows.into_iter().map(SignatoryRow::into_domain).collect()
    }

    /// How many signatories of each kind each country has, among those a
    /// filter lets through.
    pub async fn directory_counts(&self, filter: &DirectoryFilter) -> Result<Vec<CountryCount>, StoreError> {
        const COUNTS: &str =
            concat!("SELECT country, kind, count(*) FROM signatories ", directory_where!(), " GROUP BY country, kind");
        let pattern = filter.pattern();
        let rows: Vec<(String, String, i64)> = on_pool!(self, pool => sqlx::query_as(COUNTS)
            .bind(filter.country.map(Country::code))
            .bind(filter.kind.map(Kind::as_str))
            .bind(pattern.as_deref())
            .fetch_all(pool)
            .await)?;
        let mut counts: Vec<CountryCount> = Vec::new();
        for (code, kind, n) in rows {
            let country = Country::parse(&code).map_err(|_| StoreError::Corrupt(format!("country {code:?}")))?;
            let kind = Kind::parse(&kind).map_err(|_| StoreError::Corrupt(format!("kind {kind:?}")))?;
            let index = match counts.iter().position(|c| c.country == country) {
                Some(index) => index,
                None => {
                    counts.push(CountryCount { country, cities: 0, regions: 0 });
                    counts.len() - 1
                }
            };
            match kind {
                Kind::City => counts[index].cities += n,
                Kind::Region => counts[index].regions += n,
            }
        }
        Ok(counts)
    }

    /// One country's signatories that a filter lets through, sorted by the
    /// name shown in a language, `limit` of them from `offset` on.
    pub async fn directory_slice(
        &self,
        country: Country,
        filter: &DirectoryFilter,
        lang: Lang,
        limit: i64,
        offset: i64,
    ) -> Result<Vec<Signatory>, StoreError> {
        // The country is always given: the index on it and the sort key
        // find the slice without sorting the whole table.
        const BY_FR: &str = concat!(
            select_signatories!(),
            "WHERE country = $1 AND ",
            directory_kind_and_name!(),
            " ORDER BY sort_fr, id LIMIT $4 OFFSET $5"
        );
        const BY_EN: &str = concat!(
            select_signatories!(),
            "WHERE country = $1 AND ",
            directory_kind_and_name!(),
            " ORDER BY sort_en, id LIMIT $4 OFFSET $5"
        );
        let sql = match lang {
            Lang::Fr => BY_FR,
            Lang::En => BY_EN,
        };
        let pattern = filter.pattern();
        let rows: Vec<SignatoryRow> = on_pool!(self, pool => sqlx::query_as(sql)
            .bind(country.code())
            .bind(filter.kind.map(Kind::as_str))
            .bind(pattern.as_deref())
            .bind(limit)
            .bind(offset)
            .fetch_all(pool)
            .await)?;
        rows.into_iter().map(SignatoryRow::into_domain).collect()
    }

    /// One signatory by its id.
    pub async fn signatory(&self, id: i64) -> Result<Option<Signatory>, StoreError> {
        const ONE: &str = concat!(select_signatories!(), "WHERE id = $1");
        let row: Option<SignatoryRow> =
            on_pool!(self, pool => sqlx::query_as(ONE).bind(id).fetch_optional(pool).await)?;
        row.map(SignatoryRow::into_domain).transpose()
    }

    /// Adds or updates signatories, matched on name and country, all in one
    /// transaction: on any error nothing is written.
    pub async fn import_signatories(&self, signatories: &[NewSignatory]) -> Result<ImportReport, StoreError> {
        const FIND: &str = concat!(select_signatories!(), "WHERE name_key = $1 AND country = $2");
        const INSERT: &str = "INSERT INTO signatories (name, name_key, kind, country, joined_on, name_fr, name_en, \
                              website, sort_fr, sort_en, search_text) \
                              VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)";
        const UPDATE: &str = "UPDATE signatories SET name = $1, kind = $2, joined_on = $3, name_fr = $4, \
                              name_en = $5, website = $6, sort_fr = $7, sort_en = $8, search_text = $9, \
                              updated_at = CURRENT_TIMESTAMP WHERE id = $10";
        let mut report = ImportReport::default();
        on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            for s in signatories {
                let key = s.name.key();
                let existing: Option<SignatoryRow> = sqlx::query_as(FIND)
                    .bind(&key)
                    .bind(s.country.code())
                    .fetch_optional(&mut *tx)
                    .await?;
                let name_fr = s.name_fr.as_ref().map(Name::as_str);
                let name_en = s.name_en.as_ref().map(Name::as_str);
                let website = s.website.as_ref().map(Website::as_str);
                match existing {
                    Some(row) if row.same_as(s) => report.unchanged += 1,
                    Some(row) => {
                        sqlx::query(UPDATE)
                            .bind(s.name.as_str())
                            .bind(s.kind.as_str())
                            .bind(s.joined_on)
                            .bind(name_fr)
                            .bind(name_en)
                            .bind(website)
                            .bind(s.sort_key(Lang::Fr))
                            .bind(s.sort_key(Lang::En))
                            .bind(s.search_text())
                            .bind(row.id)
                            .execute(&mut *tx)
                            .await?;
                        report.updated += 1;
                    }
                    None => {
                        sqlx::query(INSERT)
                            .bind(s.name.as_str())
                            .bind(&key)
                            .bind(s.kind.as_str())
                            .bind(s.country.code())
                            .bind(s.joined_on)
                            .bind(name_fr)
                            .bind(name_en)
                            .bind(website)
                            .bind(s.sort_key(Lang::Fr))
                            .bind(s.sort_key(Lang::En))
                            .bind(s.search_text())
                            .execute(&mut *tx)
                            .await?;
                        report.added += 1;
                    }
                }
            }
            tx.commit().await?;
        });
        Ok(report)
    }
}

mod news;

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

// After the macros, which the backends' query modules use.
mod events;
mod newsletter;

pub use events::{EventFilter, Mode};
pub use newsletter::{Claimed, Subscriber, Subscription, SubscriptionOutcome};
