//! The directory's signatories: the counter and the directory's queries
//! (the import is in `signatory_import.rs`).
//!
//! The counts the public pages show (the counter, the history by year, the
//! directory's and the map's counts by country and kind) are read from the
//! table `signatory_counts`, one row per country, kind and year of
//! signature, which the database's triggers keep exact in the transaction
//! of every write to `signatories` (migration `signatory_counts`): a page
//! reads a few hundred rows at most, however many signatories there are.

use std::sync::LazyLock;

use sqlx::FromRow;
use time::Date;

use super::{Store, StoreError};
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
pub(super) const SIGNATORY_COLUMNS: &str =
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
}

#[cfg(test)]
#[path = "signatories_tests.rs"]
mod tests;
