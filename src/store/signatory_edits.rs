//! Staff's changes to signatories from the back office: one added, edited
//! or deleted at a time, and a CSV file previewed, then applied. Each
//! change writes its audit entry in its own transaction.
//!
//! An edit carries the version of the signatory it was read at: a save
//! over a newer version is refused, with the row as it now stands. A
//! file's preview carries a fingerprint of the rows it names as they were
//! read; the file is applied only if they are still the same.

use std::sync::LazyLock;

use sha2::{Digest, Sha256};
use sqlx::FromRow;
use time::OffsetDateTime;

use super::{
    Actor, AuditDetails, AuditKind, BeginWrite, DirectoryFilter, ImportReport, Saved, Store, StoreError, audit,
    signatories::SignatoryRow,
    signatory_import::{Change, bind_signatory, find_stored, stored_key, with_kept, write_signatories},
    trash::{TrashKind, put_in_trash},
};
use crate::{
    domain::{Country, Field, Kind, NewSignatory, Signatory},
    text::{hex, i18n::Lang},
};

/// A signatory with the version of the row it was read from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VersionedSignatory {
    pub signatory: Signatory,
    pub version: i64,
}

#[derive(FromRow)]
struct VersionedSignatoryRow {
    #[sqlx(flatten)]
    row: SignatoryRow,
    version: i64,
}

impl VersionedSignatoryRow {
    fn into_domain(self) -> Result<VersionedSignatory, StoreError> {
        Ok(VersionedSignatory { signatory: self.row.into_domain()?, version: self.version })
    }
}

/// A signatory as the audit log's details name it: its id, name, country,
/// kind and date of joining.
fn signatory_details(id: i64, s: &NewSignatory) -> AuditDetails {
    AuditDetails::new()
        .id(id)
        .text("name", s.name.as_str())
        .text("country", s.country.code())
        .word("kind", s.kind.as_str())
        .date("joined", s.joined_on)
}

const COLUMNS: &str =
    "id, name, kind, country, joined_on, name_fr, name_en, website, latitude, longitude, sample, version";

/// The conditions of the back office's list: `$1` the kind, `$2` the name
/// pattern, `$3` the country, each NULL for "any".
const LISTED: &str = " FROM signatories WHERE (CAST($1 AS TEXT) IS NULL OR kind = $1) \
          AND (CAST($2 AS TEXT) IS NULL OR search_text LIKE $2 ESCAPE '\\') \
          AND (CAST($3 AS TEXT) IS NULL OR country = CAST($3 AS CHAR(2))) ";

/// What a file's row would do: each as it would be written (with the
/// fields it keeps from the stored signatory).
#[derive(Clone, Debug)]
pub enum PreviewRow {
    Added(NewSignatory),
    /// A row that changes a stored signatory, with that signatory.
    Updated {
        before: Signatory,
        after: NewSignatory,
    },
    Unchanged(NewSignatory),
}

/// The rank of a row's country in `countries` (the order the list shows
/// them in: by name in the reader's language), as SQL both backends run;
/// a country left out comes after, by code. The codes are the `Country`
/// type's own, two ASCII letters, never typed text.
fn country_rank(countries: &[Country]) -> String {
    let mut sql = String::from("CASE country");
    for (rank, country) in countries.iter().enumerate() {
        sql.push_str(&format!(" WHEN '{}' THEN {rank}", country.code()));
    }
    if countries.is_empty() {
        return "country".to_owned();
    }
    sql.push_str(&format!(" ELSE {} END, country", countries.len()));
    sql
}

/// What a file would do, row by row in its order, before anything is
/// written.
#[derive(Clone, Debug, Default)]
pub struct ImportPreview {
    pub rows: Vec<PreviewRow>,
    /// The rows the file names, as stored when read: applying the file
    /// needs the same.
    pub fingerprint: String,
}

impl ImportPreview {
    pub fn report(&self) -> ImportReport {
        let mut report = ImportReport::default();
        for row in &self.rows {
            report.count(match row {
                PreviewRow::Added(_) => Change::Added,
                PreviewRow::Updated { .. } => Change::Updated,
                PreviewRow::Unchanged(_) => Change::Unchanged,
            });
        }
        report
    }
}

/// Adds a row's stored state (or its absence) to a fingerprint.
fn fingerprint_row(hash: &mut Sha256, s: &NewSignatory, stored: Option<(&SignatoryRow, i64)>) {
    hash.update(s.name.key().as_bytes());
    hash.update([0]);
    hash.update(s.country.code().as_bytes());
    match stored {
        Some((row, version)) => {
            let text = format!(
                "{}|{version}|{}|{}|{}|{}|{:?}|{:?}|{:?}|{:?}|{:?}|{}",
                row.id,
                row.name,
                row.kind,
                row.country,
                row.joined_on,
                row.name_fr,
                row.name_en,
                row.website,
                row.latitude,
                row.longitude,
                row.sample
            );
            hash.update(text.as_bytes());
        }
        None => hash.update(b"absent"),
    }
    hash.update([0xff]);
}

impl Store {
    /// One signatory with its version.
    pub async fn versioned_signatory(&self, id: i64) -> Result<Option<VersionedSignatory>, StoreError> {
        let sql = format!("SELECT {COLUMNS} FROM signatories WHERE id = $1");
        let row: Option<VersionedSignatoryRow> =
            on_pool!(self, pool => sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(id).fetch_optional(pool).await)?;
        row.map(VersionedSignatoryRow::into_domain).transpose()
    }

    /// The back office's list: the signatories a filter lets through, by
    /// country in the order of `countries` and then the name shown in
    /// `lang`, `limit` from `offset` on.
    pub async fn listed_signatories(
        &self,
        filter: &DirectoryFilter,
        lang: Lang,
        countries: &[Country],
        limit: i64,
        offset: i64,
    ) -> Result<Vec<VersionedSignatory>, StoreError> {
        let sort = match lang {
            Lang::Fr => "sort_fr",
            Lang::En => "sort_en",
        };
        let by_country = country_rank(countries);
        let sql = format!("SELECT {COLUMNS}{LISTED} ORDER BY {by_country}, {sort}, id LIMIT $4 OFFSET $5");
        let pattern = filter.pattern();
        let rows: Vec<VersionedSignatoryRow> = on_pool!(self, pool => sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(filter.kind.map(Kind::as_str))
            .bind(pattern.as_deref())
            .bind(filter.country.map(Country::code))
            .bind(limit)
            .bind(offset)
            .fetch_all(pool)
            .await)?;
        rows.into_iter().map(VersionedSignatoryRow::into_domain).collect()
    }

    /// How many signatories a filter lets through.
    pub async fn listed_signatory_count(&self, filter: &DirectoryFilter) -> Result<i64, StoreError> {
        static COUNT: LazyLock<String> = LazyLock::new(|| format!("SELECT count(*){LISTED}"));
        let pattern = filter.pattern();
        let (n,): (i64,) = on_pool!(self, pool => sqlx::query_as(COUNT.as_str())
            .bind(filter.kind.map(Kind::as_str))
            .bind(pattern.as_deref())
            .bind(filter.country.map(Country::code))
            .fetch_one(pool)
            .await)?;
        Ok(n)
    }

    /// Adds a signatory (real data); refused when one of the same name and
    /// country exists.
    pub async fn add_signatory(
        &self,
        s: &NewSignatory,
        actor: &Actor,
        now: OffsetDateTime,
    ) -> Result<Saved<VersionedSignatory>, StoreError> {
        const INSERT: &str = "INSERT INTO signatories (name_key, country, name, kind, joined_on, name_fr, name_en, \
            website, sort_fr, sort_en, search_text, latitude, longitude, sample) \
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, FALSE) \
            ON CONFLICT (name_key, country) DO NOTHING RETURNING id";
        let text =
            format!("{} ({}, {}, {})", s.name, s.country.code(), s.kind, crate::domain::date::format(s.joined_on));
        on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let id: Option<(i64,)> = bind_signatory(sqlx::query_as(INSERT), s).fetch_optional(&mut *tx).await?;
            let Some((id,)) = id else { return Ok(Saved::Duplicate) };
            let text = format!("#{id} {text}");
            let details = signatory_details(id, s);
            audit::record(&mut *tx, now, actor.email(), AuditKind::SignatoryAdded, &details, &text).await?;
            tx.commit().await?;
            Ok(Saved::Done(id))
        })
    }

    /// Saves a signatory read at `version`: refused when it changed since
    /// (with the row as it now stands), or when the new name and country
    /// are another's. A sample signatory saved by staff becomes real.
    pub async fn update_signatory(
        &self,
        id: i64,
        version: i64,
        s: &NewSignatory,
        actor: &Actor,
        now: OffsetDateTime,
    ) -> Result<Saved<VersionedSignatory>, StoreError> {
        const OTHER: &str = "SELECT id FROM signatories WHERE name_key = $1 AND country = $2 AND id <> $3";
        const UPDATE: &str = "UPDATE signatories SET name_key = $1, country = $2, name = $3, kind = $4, \
            joined_on = $5, name_fr = $6, name_en = $7, website = $8, sort_fr = $9, sort_en = $10, \
            search_text = $11, latitude = $12, longitude = $13, sample = FALSE, updated_at = CURRENT_TIMESTAMP, \
            version = version + 1 WHERE id = $14 AND version = $15";
        let select = format!("SELECT {COLUMNS} FROM signatories WHERE id = $1");
        on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let current: Option<VersionedSignatoryRow> =
                sqlx::query_as(sqlx::AssertSqlSafe(select.clone())).bind(id).fetch_optional(&mut *tx).await?;
            let Some(current) = current else { return Ok(Saved::NotFound) };
            let current = current.into_domain()?;
            if current.version != version {
                return Ok(Saved::Conflict(Box::new(current)));
            }
            let other: Option<(i64,)> = sqlx::query_as(OTHER)
                .bind(s.name.key())
                .bind(s.country.code())
                .bind(id)
                .fetch_optional(&mut *tx)
                .await?;
            if other.is_some() {
                return Ok(Saved::Duplicate);
            }
            let done = bind_signatory(sqlx::query(UPDATE), s)
                .bind(id)
                .bind(version)
                .execute(&mut *tx)
                .await?;
            if done.rows_affected() == 0 {
                // Changed between the reading and the writing (PostgreSQL
                // lets another transaction in): as it stands now.
                drop(tx);
                return match self.versioned_signatory(id).await? {
                    Some(now) => Ok(Saved::Conflict(Box::new(now))),
                    None => Ok(Saved::NotFound),
                };
            }
            let before = &current.signatory.details;
            let mut changes = before.describe_changes(s);
            if current.signatory.sample {
                changes.push_str(if changes.is_empty() { "sample → real" } else { "; sample → real" });
            }
            let text = format!("#{id} {} ({}): {changes}", before.name, before.country.code());
            let mut fields: Vec<String> =
                before.differences(s).into_iter().map(|field| audit::field_word(field.column())).collect();
            if current.signatory.sample {
                fields.push("sample-real".to_owned());
            }
            let details = AuditDetails::new()
                .id(id)
                .text("name", before.name.as_str())
                .text("country", before.country.code())
                .words("fields", fields);
            audit::record(&mut *tx, now, actor.email(), AuditKind::SignatoryUpdated, &details, &text).await?;
            tx.commit().await?;
            Ok(Saved::Done(id))
        })
    }

    /// Moves a signatory to the trash (see `trash.rs`); false when there is
    /// none of this id.
    pub async fn delete_signatory(&self, id: i64, actor: &Actor, now: OffsetDateTime) -> Result<bool, StoreError> {
        const DELETE: &str = "DELETE FROM signatories WHERE id = $1 \
            RETURNING id, name, kind, country, joined_on, name_fr, name_en, website, latitude, longitude, sample";
        let postgres = matches!(self, Store::Postgres(_));
        on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            if !put_in_trash(&mut *tx, TrashKind::Signatory, id, actor, now, postgres).await? {
                return Ok(false);
            }
            let row: Option<SignatoryRow> = sqlx::query_as(DELETE).bind(id).fetch_optional(&mut *tx).await?;
            let Some(row) = row else { return Ok(false) };
            let s = row.into_domain()?;
            let d = &s.details;
            let text = format!(
                "#{id} {} ({}, {}, {}){}",
                d.name,
                d.country.code(),
                d.kind,
                crate::domain::date::format(d.joined_on),
                if s.sample { ", sample" } else { "" }
            );
            let details = signatory_details(id, d).count("sample", i64::from(s.sample));
            audit::record(&mut *tx, now, actor.email(), AuditKind::SignatoryDeleted, &details, &text).await?;
            tx.commit().await?;
            Ok(true)
        })
    }

    /// What applying a file's rows would do, with the fingerprint of the
    /// rows it names; nothing is written. A stored signatory keeps its
    /// `kept` fields.
    pub async fn preview_signatories_import(
        &self,
        rows: &[NewSignatory],
        kept: &[Field],
    ) -> Result<ImportPreview, StoreError> {
        let mut preview = ImportPreview::default();
        let mut hash = Sha256::new();
        let numbered = self.numbered_placeholders();
        let stored = on_pool!(self, pool => {
            let mut conn = pool.acquire().await?;
            find_stored(&mut *conn, rows, numbered).await?
        });
        for s in with_kept(rows, &stored, kept)? {
            let found = stored.get(&stored_key(&s));
            fingerprint_row(&mut hash, &s, found.map(|f| (&f.row, f.version)));
            preview.rows.push(match (Change::of(&s, found.map(|f| &f.row), false), found) {
                (Change::Updated, Some(found)) => {
                    PreviewRow::Updated { before: found.row.clone().into_domain()?, after: s.into_owned() }
                }
                (Change::Unchanged, _) => PreviewRow::Unchanged(s.into_owned()),
                _ => PreviewRow::Added(s.into_owned()),
            });
        }
        preview.fingerprint = hex::encode(&hash.finalize());
        Ok(preview)
    }

    /// Applies a file's rows as staff's (real data), all in one transaction
    /// with its audit entry, if the rows it names are still as the preview
    /// read them (`fingerprint`); `None` when they changed, and nothing is
    /// written. `source` names the file in the audit log. The rows are read
    /// and written as [`Store::import_signatories`] does (keeping the
    /// `kept` fields): a few thousand to a statement, the site's revision
    /// raised once.
    pub async fn apply_signatories_import(
        &self,
        rows: &[NewSignatory],
        kept: &[Field],
        fingerprint: &str,
        source: &str,
        actor: &Actor,
        now: OffsetDateTime,
    ) -> Result<Option<ImportReport>, StoreError> {
        let (held, numbered) = (self.holds_revision(), self.numbered_placeholders());
        let mut report = ImportReport::default();
        let mut hash = Sha256::new();
        on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let stored = find_stored(&mut *tx, rows, numbered).await?;
            let merged = with_kept(rows, &stored, kept)?;
            let mut changed = Vec::new();
            for s in &merged {
                let found = stored.get(&stored_key(s));
                fingerprint_row(&mut hash, s, found.map(|f| (&f.row, f.version)));
                let change = Change::of(s, found.map(|f| &f.row), false);
                report.count(change);
                if change != Change::Unchanged {
                    changed.push(&**s);
                }
            }
            if hex::encode(&hash.finalize()) != fingerprint {
                return Ok(None);
            }
            write_signatories(&mut *tx, changed, false, held, numbered).await?;
            let ImportReport { added, updated, unchanged } = report;
            let text = format!(
                "{source}: {} signatories: {added} added, {updated} updated, {unchanged} unchanged",
                rows.len()
            );
            let details = AuditDetails::import(source, rows.len(), &ImportReport { added, updated, unchanged });
            audit::record(&mut *tx, now, actor.email(), AuditKind::SignatoriesImported, &details, &text).await?;
            tx.commit().await?;
        });
        Ok(Some(report))
    }
}
