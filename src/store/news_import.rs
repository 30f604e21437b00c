//! News items imported from the news folder (the command line's `news
//! import`, and the sample news): added or replaced by slug, all in one
//! transaction.

use std::sync::LazyLock;

use sqlx::{Connection, Database, Encode, Executor, FromRow, IntoArguments, Type};
use time::OffsetDateTime;

use super::{
    ImportReport, Origin, Store, StoreError, begin_bulk, instant,
    news::{DROP_UNUSED_IMAGES, ItemRow, TEXT_COLUMNS, TranslationRow, add_image, add_translation},
    release_revision,
    signatory_import::Change,
};
use crate::domain::news::NewNewsItem;

impl Store {
    /// Adds or replaces items, matched on their slug, all in one
    /// transaction: on any error nothing is written. An item that is the
    /// same as stored is left alone, so importing twice changes nothing.
    pub async fn import_news(
        &self,
        items: &[NewNewsItem],
        now: OffsetDateTime,
        origin: Origin,
    ) -> Result<ImportReport, StoreError> {
        let now = instant(now);
        let mut report = ImportReport::default();
        // SQLite's triggers would raise the revision for each item,
        // translation and image: held, then raised once (see the migration
        // 20261129000029).
        let held = self.holds_revision();
        on_pool!(self, pool => {
            let mut tx = begin_bulk(pool, held).await?;
            for item in items {
                report.count(import_item(&mut *tx, item, now, origin).await?);
            }
            // Only a changed item can leave an image unused. (An import that
            // changes nothing runs no statement on the news tables, whose
            // statement triggers would raise the revision on PostgreSQL.)
            let changed = report.added + report.updated > 0;
            if changed {
                sqlx::query(DROP_UNUSED_IMAGES).execute(&mut *tx).await?;
            }
            release_revision(&mut *tx, held, changed).await?;
            tx.commit().await?;
        });
        Ok(report)
    }
}

/// Writes one imported item, unless it is stored the same (and as sample
/// data or not, as `origin` says): on a transaction's connection, of either
/// backend. What it did to the item.
async fn import_item<C>(
    conn: &mut C,
    item: &NewNewsItem,
    now: OffsetDateTime,
    origin: Origin,
) -> Result<Change, StoreError>
where
    C: Connection,
    for<'c> &'c mut C: Executor<'c, Database = C::Database>,
    for<'t> &'t str: Encode<'t, C::Database> + Type<C::Database>,
    for<'t> Option<&'t str>: Encode<'t, C::Database> + Type<C::Database>,
    for<'t> &'t [u8]: Encode<'t, C::Database> + Type<C::Database>,
    for<'t> OffsetDateTime: Encode<'t, C::Database> + Type<C::Database>,
    for<'t> i32: Encode<'t, C::Database> + Type<C::Database>,
    for<'t> i64: Encode<'t, C::Database> + Type<C::Database>,
    for<'t> bool: Encode<'t, C::Database> + Type<C::Database>,
    for<'t> String: Encode<'t, C::Database> + Type<C::Database>,
    for<'t> Option<String>: Encode<'t, C::Database> + Type<C::Database>,
    ItemRow: for<'r> FromRow<'r, <C::Database as Database>::Row>,
    TranslationRow: for<'r> FromRow<'r, <C::Database as Database>::Row>,
    (i64,): for<'r> FromRow<'r, <C::Database as Database>::Row>,
    <C::Database as Database>::Arguments: IntoArguments<C::Database>,
{
    const FIND: &str =
        "SELECT id, published_at, published_offset, image_hash, image_name, sample, draft FROM news WHERE slug = $1";
    static FIND_TRANSLATIONS: LazyLock<String> =
        LazyLock::new(|| format!("SELECT lang, {} FROM news_translations WHERE news_id = $1", TEXT_COLUMNS.as_str()));
    const UPSERT: &str = "INSERT INTO news (slug, published_at, published_offset, image_hash, image_name, \
        created_at, updated_at, sample) VALUES ($1, $2, $3, $4, $5, $6, $6, $7) \
        ON CONFLICT (slug) DO UPDATE SET published_at = excluded.published_at, \
        published_offset = excluded.published_offset, image_hash = excluded.image_hash, \
        image_name = excluded.image_name, updated_at = excluded.updated_at, sample = excluded.sample, \
        draft = FALSE, version = news.version + 1 RETURNING id";
    const CLEAR_TRANSLATIONS: &str = "DELETE FROM news_translations WHERE news_id = $1";
    let existing: Option<ItemRow> = sqlx::query_as(FIND).bind(item.slug.as_str()).fetch_optional(&mut *conn).await?;
    let change = if let Some(row) = existing {
        let stored = sqlx::query_as(FIND_TRANSLATIONS.as_str()).bind(row.id).fetch_all(&mut *conn).await?;
        if row.same_as(item, stored) && row.sample == origin.is_sample() {
            return Ok(Change::Unchanged);
        }
        sqlx::query(CLEAR_TRANSLATIONS).bind(row.id).execute(&mut *conn).await?;
        Change::Updated
    } else {
        Change::Added
    };
    if let Some(image) = &item.image {
        add_image(&mut *conn, image).await?;
    }
    let (id,): (i64,) = sqlx::query_as(UPSERT)
        .bind(item.slug.as_str())
        .bind(item.published.utc())
        .bind(item.published.offset_seconds())
        .bind(item.image.as_ref().map(|i| i.image.hash()))
        .bind(item.image.as_ref().map(|i| i.file_name.as_str()))
        .bind(now)
        .bind(origin.is_sample())
        .fetch_one(&mut *conn)
        .await?;
    for t in TranslationRow::all_of(item) {
        add_translation(&mut *conn, id, t).await?;
    }
    Ok(change)
}
