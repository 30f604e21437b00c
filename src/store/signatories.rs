//! The directory's signatories: the counter, the directory's queries, and
//! the import.
//!
//! The counts the public pages show (the counter, the history by year, the
//! directory's and the map's counts by country and kind) are read from the
//! table `signatory_counts`, one row per country, kind and year of
//! signature, which the database's triggers keep exact in the transaction
//! of every write to `signatories` (migration `signatory_counts`): a page
//! reads a few hundred rows at most, however many signatories there are.

use std::collections::{HashMap, hash_map::Entry};
use std::sync::LazyLock;

use sqlx::{Connection, Database, Encode, Executor, FromRow, IntoArguments, Type};
use time::Date;

use super::{
    BeginWrite, Bind, HOLD_REVISION, ImportReport, Origin, RAISE_REVISION, RELEASE_REVISION, Store, StoreError,
};
use crate::{
    domain::{
        Counter, Country, Kind, Name, NewSignatory, Position, Signatory, Website, event::SignatoryRef,
        text::without_bidi_controls,
    },
    text::collate,
    text::i18n::Lang,
};

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
    pub(super) fn pattern(&self) -> Option<String> {
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

    /// How a store reads the filter's kind and query: the query through
    /// its search index when the folded query has
    /// [`INDEXED_SEARCH_MIN_CHARS`] characters or more, else by reading
    /// the names one by one. What the filter leaves open is a condition on
    /// no column.
    pub(super) fn name_search(&self, store: &Store) -> NameSearch {
        let kind = if self.kind.is_some() { KIND } else { ANY_KIND };
        let Some(query) = &self.query else { return NameSearch { kind, condition: ANY_NAME, value: None } };
        let folded = collate::fold(query);
        if folded.chars().count() < INDEXED_SEARCH_MIN_CHARS {
            return NameSearch { kind, condition: SCAN, value: self.pattern() };
        }
        match store {
            Store::Postgres(_) => NameSearch { kind, condition: POSTGRES_INDEXED, value: self.pattern() },
            // A phrase of the folded words: FTS5 reads all between double
            // quotes as it is, but a double quote, which is written twice.
            Store::Sqlite(_) => NameSearch {
                kind,
                condition: SQLITE_INDEXED,
                value: Some(format!("\"{}\"", folded.replace('"', "\"\""))),
            },
        }
    }
}

/// The shortest search, in folded characters, that the search index
/// answers: trigrams need three. A shorter one reads every name, as a word
/// search of one or two letters finds a large part of the directory anyway.
const INDEXED_SEARCH_MIN_CHARS: usize = 3;

/// The directory's conditions on the kind, with `$1` bound to the kind,
/// and on the names, with `$2` bound to `value`.
pub(super) struct NameSearch {
    kind: &'static str,
    condition: &'static str,
    value: Option<String>,
}

/// Any kind: `$1` is NULL.
const ANY_KIND: &str = "CAST($1 AS TEXT) IS NULL";
/// The kind `$1`.
const KIND: &str = "kind = $1";
/// Every name: `$2` is NULL. Conditions on no column, as this and
/// [`ANY_KIND`], leave the directory's slices to an index of the sort keys
/// alone (see [`directory_page_sql`]).
const ANY_NAME: &str = "CAST($2 AS TEXT) IS NULL";
/// The names matching the LIKE pattern `$2`, read one by one (the
/// condition keeps PostgreSQL's trigram index, useless for fewer than three
/// characters, out of the plan).
const SCAN: &str = "(CAST($2 AS TEXT) IS NULL OR search_text LIKE $2 ESCAPE '\\')";
/// The LIKE pattern `$2`, which the trigram index on `search_text` answers
/// (migration `directory_search`); the index is usable only where the
/// condition is the pattern alone.
const POSTGRES_INDEXED: &str = "search_text LIKE $2 ESCAPE '\\'";
/// The phrase `$2`, which the trigram table `signatories_search` answers
/// (migration `directory_search`): its rows are the signatories' ids.
const SQLITE_INDEXED: &str = "id IN (SELECT rowid FROM signatories_search WHERE signatories_search MATCH $2)";

impl NameSearch {
    /// The directory's conditions but the country: `$1` is the kind, NULL
    /// for "any", `$2` the search's value, NULL for "any name". Every
    /// directory query starts with them, so that its other placeholders
    /// follow in ascending order.
    fn kind_and_name(&self) -> String {
        format!("{} AND {}", self.kind, self.condition)
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
const SIGNATORY_COLUMNS: &str =
    "id, name, kind, country, joined_on, name_fr, name_en, website, latitude, longitude, sample";

/// One country's slice of the directory: which, and which part of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DirectorySlice {
    pub country: Country,
    pub limit: i64,
    pub offset: i64,
}

/// At most this many slices are read in one statement (SQLite allows 500
/// terms in a `UNION ALL`); a directory page has at most one per entry.
const SLICES_PER_QUERY: usize = 200;

/// The column that sorts the directory by the name shown in a language.
fn sort_column(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "sort_fr",
        Lang::En => "sort_en",
    }
}

/// The statement [`Store::directory_page`] runs for `slices` slices: one
/// sub-select per slice, one country's signatories sorted by a sort key,
/// numbered, and the whole sorted by slice number, then as each slice is.
/// The slice's placeholders follow `$1` and `$2`, three by three: the
/// country, the limit and the offset. The country is always given: the
/// index on it and the sort key find the slice without sorting the table.
/// Each slice's ids are found first, and its rows read by id after: the
/// rows a large offset skips are then read from the index alone (on
/// PostgreSQL, which holds the id and the kind in it, migration
/// `signatory_counts`; on SQLite each index holds the id). (PostgreSQL
/// keeps the country as CHAR(2), and compared to text, as parameters are,
/// its index goes unused: hence the cast.)
fn directory_page_sql(slices: usize, search: &NameSearch, lang: Lang) -> String {
    let sort = sort_column(lang);
    let conditions = search.kind_and_name();
    let selects: Vec<String> = (0..slices)
        .map(|n| {
            let (country, limit, offset) = (3 + 3 * n, 4 + 3 * n, 5 + 3 * n);
            format!(
                "SELECT {n} AS slice, {sort} AS sort_key, {} FROM signatories WHERE id IN \
                 (SELECT id FROM signatories WHERE {conditions} AND country = CAST(${country} AS CHAR(2)) \
                 ORDER BY {sort}, id LIMIT ${limit} OFFSET ${offset})",
                SIGNATORY_COLUMNS,
            )
        })
        .collect();
    format!("SELECT * FROM ({}) AS page ORDER BY slice, sort_key, id", selects.join(" UNION ALL "))
}

/// The columns a signatory's writing fills, in the order
/// [`bind_signatory`] binds them, then whether it is sample data.
const WRITTEN_COLUMNS: &str = "name_key, country, name, kind, joined_on, name_fr, name_en, website, sort_fr, \
    sort_en, search_text, latitude, longitude, sample";
/// How many values one signatory's writing binds.
const BOUND_PER_ROW: usize = 14;
/// The most parameters a statement may bind on both backends (SQLite's
/// limit; PostgreSQL's is 65,535).
const MAX_BOUND: usize = 32_766;
/// At most this many signatories are written in one statement.
pub(super) const ROWS_PER_UPSERT: usize = MAX_BOUND / BOUND_PER_ROW;
/// At most this many signatories are looked up in one statement (by name's
/// key and country, two values each).
pub(super) const KEYS_PER_LOOKUP: usize = MAX_BOUND / 2;

/// Adds `rows` signatories, or updates those of the same name and country
/// (raising their version), in one statement: each row's values as
/// [`bind_signatory`] binds them, then whether it is sample data,
/// `$1` … `$14` for the first row, `$15` … `$28` for the second, and so on.
/// The rows must name different signatories. See [`placeholder`].
pub(super) fn upsert_sql(rows: usize, numbered: bool) -> String {
    let values: Vec<String> = (0..rows)
        .map(|row| {
            let first = row * BOUND_PER_ROW;
            let row: Vec<String> = (1..=BOUND_PER_ROW).map(|n| placeholder(first + n, numbered)).collect();
            format!("({})", row.join(", "))
        })
        .collect();
    format!(
        "INSERT INTO signatories ({WRITTEN_COLUMNS}) VALUES {} \
         ON CONFLICT (name_key, country) DO UPDATE SET name = excluded.name, kind = excluded.kind, \
         joined_on = excluded.joined_on, name_fr = excluded.name_fr, name_en = excluded.name_en, \
         website = excluded.website, sort_fr = excluded.sort_fr, sort_en = excluded.sort_en, \
         search_text = excluded.search_text, latitude = excluded.latitude, longitude = excluded.longitude, \
         sample = excluded.sample, updated_at = CURRENT_TIMESTAMP, version = signatories.version + 1",
        values.join(", ")
    )
}

/// The `n`th parameter of a bulk statement: `$n` when `numbered`
/// (PostgreSQL), or else `?` (SQLite, whose parser looks each `$n` up in
/// the list of those before it: with thousands of them, seconds per
/// statement). The parameters are bound in order either way.
fn placeholder(n: usize, numbered: bool) -> String {
    if numbered { format!("${n}") } else { String::from("?") }
}

/// The stored signatories of `keys` names' keys and countries, as
/// [`StoredRow`] reads them: `$1` and `$2` the first key and country, `$3`
/// and `$4` the second, and so on. See [`placeholder`].
pub(super) fn lookup_sql(keys: usize, numbered: bool) -> String {
    let pairs: Vec<String> = (0..keys)
        .map(|n| format!("({}, {})", placeholder(2 * n + 1, numbered), placeholder(2 * n + 2, numbered)))
        .collect();
    format!(
        "SELECT name_key, version, {} FROM signatories WHERE (name_key, country) IN (VALUES {})",
        SIGNATORY_COLUMNS,
        pairs.join(", ")
    )
}

/// A query with a signatory's stored values bound as `$1` … `$13`: its
/// name's key, country, name, kind, date, French and English names,
/// website, sort keys, search text, latitude and longitude. Every statement
/// that writes a signatory takes them in this order.
pub(super) fn bind_signatory<'q, DB, Q>(query: Q, s: &NewSignatory) -> Q
where
    DB: Database,
    Q: Bind<'q, DB>,
    String: Encode<'q, DB> + Type<DB>,
    &'static str: Encode<'q, DB> + Type<DB>,
    Date: Encode<'q, DB> + Type<DB>,
    Option<String>: Encode<'q, DB> + Type<DB>,
    Option<f64>: Encode<'q, DB> + Type<DB>,
{
    query
        .value(s.name.key())
        .value(s.country.code())
        .value(s.name.as_str().to_owned())
        .value(s.kind.as_str())
        .value(s.joined_on)
        .value(s.name_fr.as_ref().map(|n| n.as_str().to_owned()))
        .value(s.name_en.as_ref().map(|n| n.as_str().to_owned()))
        .value(s.website.as_ref().map(|w| w.as_str().to_owned()))
        .value(s.sort_key(Lang::Fr))
        .value(s.sort_key(Lang::En))
        .value(s.search_text())
        .value(s.position.map(|p| p.latitude.degrees()))
        .value(s.position.map(|p| p.longitude.degrees()))
}

/// A signatory as an import finds it stored: its row, its name's key and
/// its version.
#[derive(FromRow)]
pub(super) struct StoredRow {
    #[sqlx(flatten)]
    pub(super) row: SignatoryRow,
    pub(super) name_key: String,
    pub(super) version: i64,
}

/// Stored signatories by their name's key and country.
pub(super) type Stored = HashMap<(String, String), StoredRow>;

/// The key of [`Stored`] that names a signatory.
pub(super) fn stored_key(s: &NewSignatory) -> (String, String) {
    (s.name.key(), s.country.code().to_owned())
}

/// The stored signatories that `signatories` name, read on a connection
/// of either backend (a transaction's, or the pool's) in a few
/// statements; `numbered` as [`Store::numbered_placeholders`].
pub(super) async fn find_stored<C>(
    conn: &mut C,
    signatories: &[NewSignatory],
    numbered: bool,
) -> Result<Stored, StoreError>
where
    C: Connection,
    for<'c> &'c mut C: Executor<'c, Database = C::Database>,
    for<'t> String: Encode<'t, C::Database> + Type<C::Database>,
    for<'t> &'t str: Encode<'t, C::Database> + Type<C::Database>,
    StoredRow: for<'r> FromRow<'r, <C::Database as Database>::Row>,
    <C::Database as Database>::Arguments: IntoArguments<C::Database>,
{
    let mut stored = Stored::new();
    for chunk in signatories.chunks(KEYS_PER_LOOKUP) {
        let mut query = sqlx::query_as(sqlx::AssertSqlSafe(lookup_sql(chunk.len(), numbered)));
        for s in chunk {
            query = query.bind(s.name.key()).bind(s.country.code());
        }
        let rows: Vec<StoredRow> = query.fetch_all(&mut *conn).await?;
        for found in rows {
            stored.insert((found.name_key.clone(), found.row.country.clone()), found);
        }
    }
    Ok(stored)
}

/// What an import does to one signatory.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Change {
    Added,
    Updated,
    Unchanged,
}

impl Change {
    /// What writing `s` (sample data or not) over `stored` does. A stored
    /// row the same but for being sample data is updated: an import of real
    /// data makes it real, and the sample data marks it again.
    pub(super) fn of(s: &NewSignatory, stored: Option<&SignatoryRow>, sample: bool) -> Change {
        match stored {
            None => Change::Added,
            Some(row) if row.same_as(s) && row.sample == sample => Change::Unchanged,
            Some(_) => Change::Updated,
        }
    }
}

impl ImportReport {
    pub(super) fn count(&mut self, change: Change) {
        match change {
            Change::Added => self.added += 1,
            Change::Updated => self.updated += 1,
            Change::Unchanged => self.unchanged += 1,
        }
    }
}

/// Writes signatories (added or changed) on a transaction's connection,
/// of either backend, in a few statements: `sample` whether they are
/// sample data, `held` whether the revision must be held (SQLite, whose
/// triggers would raise it for each row: held, then raised once). On
/// PostgreSQL the statements' triggers raise it once per transaction. Of
/// signatories named twice, the last is written. `numbered` as
/// [`Store::numbered_placeholders`].
pub(super) async fn write_signatories<C>(
    conn: &mut C,
    rows: Vec<&NewSignatory>,
    sample: bool,
    held: bool,
    numbered: bool,
) -> Result<(), StoreError>
where
    C: Connection,
    for<'c> &'c mut C: Executor<'c, Database = C::Database>,
    for<'t> String: Encode<'t, C::Database> + Type<C::Database>,
    for<'t> &'t str: Encode<'t, C::Database> + Type<C::Database>,
    for<'t> Date: Encode<'t, C::Database> + Type<C::Database>,
    for<'t> Option<String>: Encode<'t, C::Database> + Type<C::Database>,
    for<'t> Option<f64>: Encode<'t, C::Database> + Type<C::Database>,
    for<'t> bool: Encode<'t, C::Database> + Type<C::Database>,
    <C::Database as Database>::Arguments: IntoArguments<C::Database>,
{
    let rows = last_of_each(rows);
    if rows.is_empty() {
        return Ok(());
    }
    if held {
        sqlx::query(HOLD_REVISION).execute(&mut *conn).await?;
    }
    for chunk in rows.chunks(ROWS_PER_UPSERT) {
        let mut query = sqlx::query(sqlx::AssertSqlSafe(upsert_sql(chunk.len(), numbered)));
        for &s in chunk {
            query = bind_signatory(query, s).bind(sample);
        }
        query.execute(&mut *conn).await?;
    }
    if held {
        sqlx::query(RELEASE_REVISION).execute(&mut *conn).await?;
        sqlx::query(RAISE_REVISION).execute(&mut *conn).await?;
    }
    Ok(())
}

/// The rows, each signatory once (its last row), in the order of their
/// first rows: one statement may not write a row twice.
pub(super) fn last_of_each(rows: Vec<&NewSignatory>) -> Vec<&NewSignatory> {
    let mut index: HashMap<(String, String), usize> = HashMap::with_capacity(rows.len());
    let mut kept: Vec<&NewSignatory> = Vec::with_capacity(rows.len());
    for s in rows {
        match index.entry(stored_key(s)) {
            Entry::Occupied(at) => kept[*at.get()] = s,
            Entry::Vacant(at) => {
                at.insert(kept.len());
                kept.push(s);
            }
        }
    }
    kept
}

#[derive(Clone, FromRow)]
pub(super) struct SignatoryRow {
    pub(super) id: i64,
    pub(super) name: String,
    pub(super) kind: String,
    pub(super) country: String,
    pub(super) joined_on: Date,
    pub(super) name_fr: Option<String>,
    pub(super) name_en: Option<String>,
    pub(super) website: Option<String>,
    pub(super) latitude: Option<f64>,
    pub(super) longitude: Option<f64>,
    pub(super) sample: bool,
}

impl SignatoryRow {
    pub(super) fn into_domain(self) -> Result<Signatory, StoreError> {
        let corrupt = |what: &str, value: &str| StoreError::Corrupt(format!("signatory {}: {what} {value:?}", self.id));
        let optional_name = |value: &Option<String>| match value {
            Some(text) => Name::parse(&without_bidi_controls(text)).map(Some).map_err(|_| corrupt("name", text)),
            None => Ok(None),
        };
        let details = NewSignatory {
            name: Name::parse(&without_bidi_controls(&self.name)).map_err(|_| corrupt("name", &self.name))?,
            kind: Kind::parse(&self.kind).map_err(|_| corrupt("kind", &self.kind))?,
            country: Country::parse(&self.country).map_err(|_| corrupt("country", &self.country))?,
            joined_on: self.joined_on,
            name_fr: optional_name(&self.name_fr)?,
            name_en: optional_name(&self.name_en)?,
            website: match &self.website {
                Some(text) => Some(Website::parse(text).map_err(|_| corrupt("website", text))?),
                None => None,
            },
            position: self.position().map_err(|()| corrupt("position", ""))?,
        };
        Ok(Signatory { id: self.id, details, sample: self.sample })
    }

    /// The stored position: both coordinates in range, or neither.
    fn position(&self) -> Result<Option<Position>, ()> {
        match (self.latitude, self.longitude) {
            (Some(latitude), Some(longitude)) => Position::from_degrees(latitude, longitude).map(Some).ok_or(()),
            (None, None) => Ok(None),
            _ => Err(()),
        }
    }

    pub(super) fn same_as(&self, s: &NewSignatory) -> bool {
        self.name == s.name.as_str()
            && self.kind == s.kind.as_str()
            && self.joined_on == s.joined_on
            && self.name_fr.as_deref() == s.name_fr.as_ref().map(Name::as_str)
            && self.name_en.as_deref() == s.name_en.as_ref().map(Name::as_str)
            && self.website.as_deref() == s.website.as_ref().map(Website::as_str)
            && self.position() == Ok(s.position)
    }
}

impl Store {
    /// The live counter: the figures read from the counts the database
    /// keeps (`signatory_counts`), the latest date from the index on dates.
    pub async fn counter(&self) -> Result<Counter, StoreError> {
        const COUNTS: &str = "SELECT CAST(COALESCE(sum(n), 0) AS BIGINT), count(DISTINCT country) \
                              FROM signatory_counts WHERE n > 0";
        const LATEST: &str = "SELECT joined_on FROM signatories ORDER BY joined_on DESC LIMIT 1";
        let (signatories, countries): (i64, i64) =
            on_pool!(self, pool => sqlx::query_as(COUNTS).fetch_one(pool).await)?;
        let latest: Option<(Date,)> = on_pool!(self, pool => sqlx::query_as(LATEST).fetch_optional(pool).await)?;
        Ok(Counter { signatories, countries, latest: latest.map(|(date,)| date) })
    }

    /// How many signatures each year holds, for the counter's history:
    /// `(year, count)`, oldest first, years without any left out. Read
    /// from the counts the database keeps (`signatory_counts`).
    pub async fn signatures_by_year(&self) -> Result<Vec<(i32, i64)>, StoreError> {
        const BY_YEAR: &str = "SELECT year, CAST(sum(n) AS BIGINT) FROM signatory_counts \
                               GROUP BY year HAVING sum(n) > 0 ORDER BY year";
        let rows: Vec<(i32, i64)> = on_pool!(self, pool => sqlx::query_as(BY_YEAR).fetch_all(pool).await)?;
        Ok(rows)
    }

    /// The latest signatories, by date of signature, newest first.
    pub async fn latest_signatories(&self, limit: i64) -> Result<Vec<Signatory>, StoreError> {
        static LATEST: LazyLock<String> = LazyLock::new(|| {
            format!("SELECT {SIGNATORY_COLUMNS} FROM signatories ORDER BY joined_on DESC, id DESC LIMIT $1")
        });
        let rows: Vec<SignatoryRow> =
            on_pool!(self, pool => sqlx::query_as(LATEST.as_str()).bind(limit).fetch_all(pool).await)?;
        rows.into_iter().map(SignatoryRow::into_domain).collect()
    }

    /// Every signatory, by country and then name.
    pub async fn signatories(&self) -> Result<Vec<Signatory>, StoreError> {
        static ALL: LazyLock<String> =
            LazyLock::new(|| format!("SELECT {SIGNATORY_COLUMNS} FROM signatories ORDER BY country, name_key, id"));
        let rows: Vec<SignatoryRow> = on_pool!(self, pool => sqlx::query_as(ALL.as_str()).fetch_all(pool).await)?;
        rows.into_iter().map(SignatoryRow::into_domain).collect()
    }

    /// How many signatories of each kind each country has, among those a
    /// filter lets through, by country and kind. Without a word search,
    /// read from the counts the database keeps (`signatory_counts`); with
    /// one, counted over the signatories it finds.
    pub async fn directory_counts(&self, filter: &DirectoryFilter) -> Result<Vec<CountryCount>, StoreError> {
        const KEPT: &str = "SELECT country, kind, CAST(sum(n) AS BIGINT) FROM signatory_counts \
             WHERE (CAST($1 AS TEXT) IS NULL OR kind = $1) AND (CAST($2 AS TEXT) IS NULL OR country = CAST($2 AS CHAR(2))) \
             GROUP BY country, kind HAVING sum(n) > 0 ORDER BY country, kind";
        let (kind, country) = (filter.kind.map(Kind::as_str), filter.country.map(Country::code));
        let rows: Vec<(String, String, i64)> = if filter.query.is_none() {
            on_pool!(self, pool => sqlx::query_as(KEPT).bind(kind).bind(country).fetch_all(pool).await)?
        } else {
            let search = filter.name_search(self);
            let sql = format!(
                "SELECT country, kind, count(*) FROM signatories WHERE {} \
                 AND (CAST($3 AS TEXT) IS NULL OR country = CAST($3 AS CHAR(2))) GROUP BY country, kind \
                 ORDER BY country, kind",
                search.kind_and_name()
            );
            on_pool!(self, pool => sqlx::query_as(sqlx::AssertSqlSafe(sql))
                .bind(kind)
                .bind(search.value.as_deref())
                .bind(country)
                .fetch_all(pool)
                .await)?
        };
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

    /// The signatories with a position that a filter (its kind and
    /// country) lets through, at most `limit`, read through the index of
    /// those with one (migration `signatory_counts`); and how many it lets
    /// through have none, read from the counts the database keeps
    /// (`signatory_counts`).
    pub async fn placed_signatories(
        &self,
        filter: &DirectoryFilter,
        limit: i64,
    ) -> Result<(Vec<Signatory>, i64), StoreError> {
        static PLACED: LazyLock<String> = LazyLock::new(|| {
            format!(
                "SELECT {SIGNATORY_COLUMNS} FROM signatories WHERE latitude IS NOT NULL AND (CAST($1 AS TEXT) IS NULL OR kind = $1) \
             AND (CAST($2 AS TEXT) IS NULL OR country = CAST($2 AS CHAR(2))) ORDER BY country, name_key, id LIMIT $3"
            )
        });
        const UNPLACED: &str = "SELECT CAST(COALESCE(sum(n - placed), 0) AS BIGINT) FROM signatory_counts \
             WHERE (CAST($1 AS TEXT) IS NULL OR kind = $1) AND (CAST($2 AS TEXT) IS NULL OR country = CAST($2 AS CHAR(2)))";
        let (kind, country) = (filter.kind.map(Kind::as_str), filter.country.map(Country::code));
        let rows: Vec<SignatoryRow> = on_pool!(self, pool => sqlx::query_as(PLACED.as_str())
            .bind(kind)
            .bind(country)
            .bind(limit)
            .fetch_all(pool)
            .await)?;
        let (unplaced,): (i64,) =
            on_pool!(self, pool => sqlx::query_as(UNPLACED).bind(kind).bind(country).fetch_one(pool).await)?;
        Ok((rows.into_iter().map(SignatoryRow::into_domain).collect::<Result<_, _>>()?, unplaced))
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
        let search = filter.name_search(self);
        let sort = sort_column(lang);
        let sql = format!(
            "SELECT {SIGNATORY_COLUMNS} FROM signatories WHERE {} AND country = CAST($3 AS CHAR(2)) \
             ORDER BY {sort}, id LIMIT $4 OFFSET $5",
            search.kind_and_name()
        );
        let rows: Vec<SignatoryRow> = on_pool!(self, pool => sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(filter.kind.map(Kind::as_str))
            .bind(search.value.as_deref())
            .bind(country.code())
            .bind(limit)
            .bind(offset)
            .fetch_all(pool)
            .await)?;
        rows.into_iter().map(SignatoryRow::into_domain).collect()
    }

    /// Several countries' slices of the directory, as
    /// [`directory_slice`](Store::directory_slice) reads each, one after
    /// the other in the order given: a directory page in one statement (no
    /// statement for no slices, one more per [`SLICES_PER_QUERY`] slices).
    pub async fn directory_page(
        &self,
        slices: &[DirectorySlice],
        filter: &DirectoryFilter,
        lang: Lang,
    ) -> Result<Vec<Signatory>, StoreError> {
        let search = filter.name_search(self);
        let mut signatories = Vec::new();
        for chunk in slices.chunks(SLICES_PER_QUERY) {
            let sql = directory_page_sql(chunk.len(), &search, lang);
            let rows: Vec<SignatoryRow> = on_pool!(self, pool => {
                let mut query = sqlx::query_as(sqlx::AssertSqlSafe(sql))
                    .bind(filter.kind.map(Kind::as_str))
                    .bind(search.value.as_deref());
                for slice in chunk {
                    query = query.bind(slice.country.code()).bind(slice.limit).bind(slice.offset);
                }
                query.fetch_all(pool).await?
            });
            for row in rows {
                signatories.push(row.into_domain()?);
            }
        }
        Ok(signatories)
    }

    /// One signatory by its id.
    pub async fn signatory(&self, id: i64) -> Result<Option<Signatory>, StoreError> {
        static ONE: LazyLock<String> =
            LazyLock::new(|| format!("SELECT {SIGNATORY_COLUMNS} FROM signatories WHERE id = $1"));
        let row: Option<SignatoryRow> =
            on_pool!(self, pool => sqlx::query_as(ONE.as_str()).bind(id).fetch_optional(pool).await)?;
        row.map(SignatoryRow::into_domain).transpose()
    }

    /// The id of the signatory a reference names, if it exists.
    pub async fn find_signatory(&self, reference: &SignatoryRef) -> Result<Option<i64>, StoreError> {
        const FIND: &str = "SELECT id FROM signatories WHERE name_key = $1 AND country = $2";
        let row: Option<(i64,)> = on_pool!(self, pool => sqlx::query_as(FIND)
            .bind(reference.name.key())
            .bind(reference.country.code())
            .fetch_optional(pool)
            .await)?;
        Ok(row.map(|(id,)| id))
    }

    /// Adds or updates signatories, matched on name and country, all in one
    /// transaction: on any error nothing is written. The stored rows are
    /// read, and the new or changed ones written, a few thousand to a
    /// statement; the site's revision rises once.
    pub async fn import_signatories(
        &self,
        signatories: &[NewSignatory],
        origin: Origin,
    ) -> Result<ImportReport, StoreError> {
        let sample = origin.is_sample();
        let (held, numbered) = (self.holds_revision(), self.numbered_placeholders());
        let mut report = ImportReport::default();
        on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let stored = find_stored(&mut *tx, signatories, numbered).await?;
            let mut changed = Vec::new();
            for s in signatories {
                let change = Change::of(s, stored.get(&stored_key(s)).map(|found| &found.row), sample);
                report.count(change);
                if change != Change::Unchanged {
                    changed.push(s);
                }
            }
            write_signatories(&mut *tx, changed, sample, held, numbered).await?;
            tx.commit().await?;
        });
        Ok(report)
    }

    /// Whether bulk writes of signatories must hold the revision (see
    /// [`write_signatories`]): on SQLite.
    pub(super) fn holds_revision(&self) -> bool {
        matches!(self, Store::Sqlite(_))
    }

    /// Whether bulk statements number their parameters (`$1`, `$2`, …):
    /// on PostgreSQL; SQLite takes `?` (see [`placeholder`]).
    pub(super) fn numbered_placeholders(&self) -> bool {
        matches!(self, Store::Postgres(_))
    }
}

#[cfg(test)]
#[path = "signatories_tests.rs"]
mod tests;
