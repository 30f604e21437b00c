//! The import of signatories: the stored ones read, and the new or changed
//! ones written, a few thousand to a statement, on either backend.

use std::{
    borrow::Cow,
    collections::{HashMap, hash_map::Entry},
};

use sqlx::{Connection, Database, Encode, Executor, FromRow, IntoArguments, Type};
use time::Date;

use super::{
    BeginWrite, Bind, ImportReport, Origin, Store, StoreError, hold_revision, release_revision,
    signatories::{SIGNATORY_COLUMNS, SignatoryRow},
};
use crate::{
    domain::{Field, NewSignatory},
    text::i18n::Lang,
};

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

/// Each row as it would be written: a stored signatory keeps its `kept`
/// fields (those its file has no column for).
pub(super) fn with_kept<'a>(
    rows: &'a [NewSignatory],
    stored: &Stored,
    kept: &[Field],
) -> Result<Vec<Cow<'a, NewSignatory>>, StoreError> {
    rows.iter()
        .map(|s| match stored.get(&stored_key(s)) {
            Some(found) if !kept.is_empty() => {
                Ok(Cow::Owned(s.keeping(&found.row.clone().into_domain()?.details, kept)))
            }
            _ => Ok(Cow::Borrowed(s)),
        })
        .collect()
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
    hold_revision(&mut *conn, held).await?;
    for chunk in rows.chunks(ROWS_PER_UPSERT) {
        let mut query = sqlx::query(sqlx::AssertSqlSafe(upsert_sql(chunk.len(), numbered)));
        for &s in chunk {
            query = bind_signatory(query, s).bind(sample);
        }
        query.execute(&mut *conn).await?;
    }
    release_revision(&mut *conn, held, true).await
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

impl Store {
    /// Adds or updates signatories, matched on name and country, all in one
    /// transaction: on any error nothing is written. A stored signatory
    /// keeps its `kept` fields. The stored rows are read, and the new or
    /// changed ones written, a few thousand to a statement; the site's
    /// revision rises once.
    pub async fn import_signatories(
        &self,
        signatories: &[NewSignatory],
        kept: &[Field],
        origin: Origin,
    ) -> Result<ImportReport, StoreError> {
        let sample = origin.is_sample();
        let (held, numbered) = (self.holds_revision(), self.numbered_placeholders());
        let mut report = ImportReport::default();
        on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let stored = find_stored(&mut *tx, signatories, numbered).await?;
            let rows = with_kept(signatories, &stored, kept)?;
            let mut changed = Vec::new();
            for s in &rows {
                let change = Change::of(s, stored.get(&stored_key(s)).map(|found| &found.row), sample);
                report.count(change);
                if change != Change::Unchanged {
                    changed.push(&**s);
                }
            }
            write_signatories(&mut *tx, changed, sample, held, numbered).await?;
            tx.commit().await?;
        });
        Ok(report)
    }

    /// Whether bulk statements number their parameters (`$1`, `$2`, …):
    /// on PostgreSQL; SQLite takes `?` (see [`placeholder`]).
    pub(super) fn numbered_placeholders(&self) -> bool {
        matches!(self, Store::Postgres(_))
    }
}
