//! Every signatory, read a page of rows at a time, for the answers that
//! list them all (the sitemap's files, the open data): each page is one
//! bounded query that starts where the last one ended (keyset), so that
//! an answer holds one page in memory, however many signatories there are.

use std::sync::LazyLock;

use sqlx::FromRow;

use super::{
    Store, StoreError,
    signatories::{SIGNATORY_COLUMNS, SignatoryRow},
};
use crate::domain::{Country, Signatory};

/// Where a page of the export's order ends: the sort key of its last row
/// (the order of `Store::signatories`: country, folded name, id).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportKey {
    country: Country,
    name_key: String,
    id: i64,
}

/// A row with its folded name, the export order's second key.
#[derive(FromRow)]
struct KeyedRow {
    name_key: String,
    #[sqlx(flatten)]
    row: SignatoryRow,
}

/// What a file of every signatory says before its rows: how many there
/// are, how many of them are sample data, and whether a name starts with
/// `#` (the CSV then quotes every field, see `signatories_csv`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExportSummary {
    pub total: i64,
    pub sample: i64,
    pub hash_first: bool,
}

impl Store {
    /// How many signatories there are, how many are sample data, and
    /// whether a name starts with `#`: one pass over the table, no row
    /// sent.
    pub async fn export_summary(&self) -> Result<ExportSummary, StoreError> {
        const SUMMARY: &str = "SELECT count(*), \
             CAST(COALESCE(sum(CASE WHEN sample THEN 1 ELSE 0 END), 0) AS BIGINT), \
             CAST(COALESCE(max(CASE WHEN name LIKE '#%' THEN 1 ELSE 0 END), 0) AS BIGINT) FROM signatories";
        let (total, sample, hash_first): (i64, i64, i64) =
            on_pool!(self, pool => sqlx::query_as(SUMMARY).fetch_one(pool).await)?;
        Ok(ExportSummary { total, sample, hash_first: hash_first > 0 })
    }

    /// At most `limit` signatories in the export's order (that of
    /// [`signatories`](Store::signatories)), from just after `after` (from
    /// the first when `None`), and the key the next page starts after.
    /// The index on the order (migration `export_order`) finds them
    /// without sorting the table.
    pub async fn signatories_in_export_order(
        &self,
        after: Option<&ExportKey>,
        limit: i64,
    ) -> Result<(Vec<Signatory>, Option<ExportKey>), StoreError> {
        static FIRST: LazyLock<String> = LazyLock::new(|| {
            format!("SELECT name_key, {SIGNATORY_COLUMNS} FROM signatories ORDER BY country, name_key, id LIMIT $1")
        });
        static NEXT: LazyLock<String> = LazyLock::new(|| {
            format!(
                "SELECT name_key, {SIGNATORY_COLUMNS} FROM signatories \
                 WHERE (country, name_key, id) > (CAST($1 AS CHAR(2)), $2, $3) \
                 ORDER BY country, name_key, id LIMIT $4"
            )
        });
        let rows: Vec<KeyedRow> = match after {
            None => on_pool!(self, pool => sqlx::query_as(FIRST.as_str()).bind(limit).fetch_all(pool).await)?,
            Some(key) => on_pool!(self, pool => sqlx::query_as(NEXT.as_str())
                .bind(key.country.code())
                .bind(&key.name_key)
                .bind(key.id)
                .bind(limit)
                .fetch_all(pool)
                .await)?,
        };
        let mut next = None;
        let mut signatories = Vec::with_capacity(rows.len());
        for KeyedRow { name_key, row } in rows {
            let signatory = row.into_domain()?;
            next = Some(ExportKey { country: signatory.details.country, name_key, id: signatory.id });
            signatories.push(signatory);
        }
        Ok((signatories, next))
    }

    /// At most `limit` signatories by id, the first after `after`.
    pub async fn signatories_after_id(&self, after: i64, limit: i64) -> Result<Vec<Signatory>, StoreError> {
        static AFTER: LazyLock<String> =
            LazyLock::new(|| format!("SELECT {SIGNATORY_COLUMNS} FROM signatories WHERE id > $1 ORDER BY id LIMIT $2"));
        let rows: Vec<SignatoryRow> =
            on_pool!(self, pool => sqlx::query_as(AFTER.as_str()).bind(after).bind(limit).fetch_all(pool).await)?;
        rows.into_iter().map(SignatoryRow::into_domain).collect()
    }

    /// The id of the signatory with `offset` others before it by id, if
    /// there is one: where a part of the list by id starts (read from the
    /// primary key's index alone).
    pub async fn signatory_id_at(&self, offset: i64) -> Result<Option<i64>, StoreError> {
        const AT: &str = "SELECT id FROM signatories ORDER BY id LIMIT 1 OFFSET $1";
        let row: Option<(i64,)> = on_pool!(self, pool => sqlx::query_as(AT).bind(offset).fetch_optional(pool).await)?;
        Ok(row.map(|(id,)| id))
    }
}
