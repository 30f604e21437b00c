//! The trash: deleted signatories, events and news items, kept 30 days
//! ([`TRASH_KEPT_FOR`]) with everything they had, and restored from there
//! under their own id. A deletion puts the record here in its own
//! transaction ([`put_in_trash`]); a restore writes it back, with its
//! audit entry, in one; erasing for good (one item, the whole trash, or
//! what is past its 30 days) drops it.

use serde_json::{Map, Value};
use sqlx::{Connection, Database, Encode, Executor, FromRow, IntoArguments, Type};
use time::{Duration, OffsetDateTime};

use super::{
    Actor, AuditDetails, AuditKind, BeginWrite, Store, StoreError, audit, instant,
    trash_rows::{self, Row, count, text},
};

/// How long a deleted record stays in the trash.
pub const TRASH_KEPT_FOR: Duration = Duration::days(30);

/// What kind of record an item of the trash is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TrashKind {
    Signatory,
    Event,
    News,
}

impl TrashKind {
    pub const ALL: [TrashKind; 3] = [TrashKind::Signatory, TrashKind::Event, TrashKind::News];

    pub fn as_str(self) -> &'static str {
        match self {
            TrashKind::Signatory => "signatory",
            TrashKind::Event => "event",
            TrashKind::News => "news",
        }
    }

    fn parse(text: &str) -> Result<TrashKind, StoreError> {
        TrashKind::ALL
            .into_iter()
            .find(|kind| kind.as_str() == text)
            .ok_or_else(|| StoreError::Corrupt(format!("an unknown kind in the trash: {text:?}")))
    }

    /// The live table its records are kept in.
    fn table(self) -> &'static str {
        match self {
            TrashKind::Signatory => "signatories",
            TrashKind::Event => "events",
            TrashKind::News => "news",
        }
    }

    fn restored(self) -> AuditKind {
        match self {
            TrashKind::Signatory => AuditKind::SignatoryRestored,
            TrashKind::Event => AuditKind::EventRestored,
            TrashKind::News => AuditKind::NewsRestored,
        }
    }
}

/// An item of the trash, as its page lists it.
#[derive(Clone, Debug)]
pub struct TrashItem {
    pub id: i64,
    pub kind: TrashKind,
    /// The record's id when it was deleted.
    pub item_id: i64,
    pub label_fr: String,
    pub label_en: String,
    pub deleted_at: OffsetDateTime,
    /// None: the command line.
    pub deleted_by: Option<String>,
}

#[derive(FromRow)]
struct ItemRow {
    id: i64,
    kind: String,
    item_id: i64,
    label_fr: String,
    label_en: String,
    deleted_at: OffsetDateTime,
    deleted_by: Option<String>,
}

impl ItemRow {
    fn into_item(self) -> Result<TrashItem, StoreError> {
        Ok(TrashItem {
            id: self.id,
            kind: TrashKind::parse(&self.kind)?,
            item_id: self.item_id,
            label_fr: self.label_fr,
            label_en: self.label_en,
            deleted_at: self.deleted_at,
            deleted_by: self.deleted_by,
        })
    }
}

/// Why a record cannot be restored: another now has what must be unique.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Clash {
    /// A signatory of the same name in the same country.
    Name,
    /// An event or a news item at the same address.
    Slug,
}

/// What a restore came to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Restored {
    /// Back, under this id (its own, unless SQLite gave it to another
    /// record since).
    Done { kind: TrashKind, id: i64 },
    /// Refused, nothing changed.
    Clash(Clash),
    /// No such item in the trash (any more).
    NotFound,
}

/// Where a record an audit entry names is now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Whereabouts {
    Live,
    /// In the trash, under this id of the trash's own.
    InTrash(i64),
    Gone,
}

/// Puts a record and everything it has into the trash, in the caller's
/// transaction, before the caller deletes it; false when there is no such
/// record.
pub(super) async fn put_in_trash<C>(
    conn: &mut C,
    kind: TrashKind,
    id: i64,
    actor: &Actor,
    now: OffsetDateTime,
    postgres: bool,
) -> Result<bool, StoreError>
where
    C: Connection,
    for<'c> &'c mut C: Executor<'c, Database = C::Database>,
    for<'t> String: Encode<'t, C::Database> + Type<C::Database>,
    for<'t> Option<String>: Encode<'t, C::Database> + Type<C::Database>,
    for<'t> Option<Vec<u8>>: Encode<'t, C::Database> + Type<C::Database>,
    for<'t> i64: Encode<'t, C::Database> + Type<C::Database>,
    for<'t> OffsetDateTime: Encode<'t, C::Database> + Type<C::Database>,
    (String,): for<'r> FromRow<'r, <C::Database as Database>::Row>,
    (i64,): for<'r> FromRow<'r, <C::Database as Database>::Row>,
    (String, Vec<u8>): for<'r> FromRow<'r, <C::Database as Database>::Row>,
    <C::Database as Database>::Arguments: IntoArguments<C::Database>,
{
    const LINKED_EVENTS: &str = "SELECT id FROM events WHERE signatory_id = $1 ORDER BY id";
    const IMAGE: &str = "SELECT content_type, data FROM news_images WHERE hash = $1";
    const INSERT: &str = "INSERT INTO trash (kind, item_id, label_fr, label_en, deleted_at, deleted_by, record, \
        image_hash, image_type, image_data) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)";
    let Some(row) = trash_rows::rows(&mut *conn, kind.table(), "id", id, postgres).await?.pop() else {
        return Ok(false);
    };
    let mut record = Map::new();
    let (mut label_fr, mut label_en, mut image) = (String::new(), String::new(), None);
    match kind {
        TrashKind::Signatory => {
            let name = text(&row, "name").unwrap_or_default();
            label_fr = text(&row, "name_fr").unwrap_or(name).to_owned();
            label_en = text(&row, "name_en").unwrap_or(name).to_owned();
            let events: Vec<(i64,)> = sqlx::query_as(LINKED_EVENTS).bind(id).fetch_all(&mut *conn).await?;
            record.insert("events".into(), events.into_iter().map(|(id,)| Value::from(id)).collect());
        }
        TrashKind::Event => {
            label_fr = text(&row, "title_fr").unwrap_or_default().to_owned();
            label_en = text(&row, "title_en").unwrap_or_default().to_owned();
        }
        TrashKind::News => {
            let translations = trash_rows::rows(&mut *conn, "news_translations", "news_id", id, postgres).await?;
            for t in &translations {
                let title = text(t, "title").unwrap_or_default().to_owned();
                match text(t, "lang") {
                    Some("fr") => label_fr = title,
                    _ => label_en = title,
                }
            }
            record.insert("translations".into(), translations.into_iter().map(Value::Object).collect());
            if let Some(hash) = text(&row, "image_hash") {
                let found: Option<(String, Vec<u8>)> =
                    sqlx::query_as(IMAGE).bind(hash.to_owned()).fetch_optional(&mut *conn).await?;
                image = found.map(|(content_type, data)| (hash.to_owned(), content_type, data));
            }
        }
    }
    record.insert("row".into(), Value::Object(row));
    let (label_fr, label_en) = either_label(label_fr, label_en);
    let (hash, content_type, data) = match image {
        Some((hash, content_type, data)) => (Some(hash), Some(content_type), Some(data)),
        None => (None, None, None),
    };
    sqlx::query(INSERT)
        .bind(kind.as_str().to_owned())
        .bind(id)
        .bind(label_fr)
        .bind(label_en)
        .bind(instant(now))
        .bind(actor.email().map(str::to_owned))
        .bind(Value::Object(record).to_string())
        .bind(hash)
        .bind(content_type)
        .bind(data)
        .execute(&mut *conn)
        .await?;
    Ok(true)
}

/// The labels of an item in each language: an item in one language only
/// is listed by that language's label in both.
fn either_label(fr: String, en: String) -> (String, String) {
    match (fr.is_empty(), en.is_empty()) {
        (true, _) => (en.clone(), en),
        (_, true) => (fr.clone(), fr),
        _ => (fr, en),
    }
}

/// An item of the trash as a restore reads it.
#[derive(FromRow)]
struct KeptRow {
    kind: String,
    item_id: i64,
    label_fr: String,
    label_en: String,
    record: String,
    image_hash: Option<String>,
    image_type: Option<String>,
    image_data: Option<Vec<u8>>,
}

/// The oldest deletion still in the trash at `now`.
fn cutoff(now: OffsetDateTime) -> OffsetDateTime {
    instant(now - TRASH_KEPT_FOR)
}

impl Store {
    /// The items in the trash, the latest deleted first (those past their
    /// 30 days left out, whether or not they are erased yet).
    pub async fn trash_items(&self, now: OffsetDateTime) -> Result<Vec<TrashItem>, StoreError> {
        const LIST: &str = "SELECT id, kind, item_id, label_fr, label_en, deleted_at, deleted_by FROM trash \
            WHERE deleted_at >= $1 ORDER BY deleted_at DESC, id DESC";
        let rows: Vec<ItemRow> = on_pool!(self, pool => sqlx::query_as(LIST).bind(cutoff(now)).fetch_all(pool).await)?;
        rows.into_iter().map(ItemRow::into_item).collect()
    }

    /// One item of the trash, by the trash's id, while its 30 days last.
    pub async fn trash_item(&self, id: i64, now: OffsetDateTime) -> Result<Option<TrashItem>, StoreError> {
        const ONE: &str = "SELECT id, kind, item_id, label_fr, label_en, deleted_at, deleted_by FROM trash \
            WHERE id = $1 AND deleted_at >= $2";
        let row: Option<ItemRow> =
            on_pool!(self, pool => sqlx::query_as(ONE).bind(id).bind(cutoff(now)).fetch_optional(pool).await)?;
        row.map(ItemRow::into_item).transpose()
    }

    /// Restores an item of the trash: the record written back with
    /// everything it had, and the audit entry, in one transaction; or
    /// refused, nothing changed, when another record took its name or
    /// address meanwhile.
    pub async fn restore_from_trash(
        &self,
        id: i64,
        actor: &Actor,
        now: OffsetDateTime,
    ) -> Result<Restored, StoreError> {
        const KEPT: &str = "SELECT kind, item_id, label_fr, label_en, record, image_hash, image_type, image_data FROM trash \
            WHERE id = $1 AND deleted_at >= $2";
        const FORGET: &str = "DELETE FROM trash WHERE id = $1";
        let postgres = matches!(self, Store::Postgres(_));
        on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let kept: Option<KeptRow> =
                sqlx::query_as(KEPT).bind(id).bind(cutoff(now)).fetch_optional(&mut *tx).await?;
            let Some(kept) = kept else { return Ok(Restored::NotFound) };
            let kind = TrashKind::parse(&kept.kind)?;
            let Ok(Value::Object(mut record)) = serde_json::from_str(&kept.record) else {
                return Err(StoreError::Corrupt(format!("trash item #{id} is not a JSON object")));
            };
            let Some(Value::Object(mut row)) = record.remove("row") else {
                return Err(StoreError::Corrupt(format!("trash item #{id} has no row")));
            };
            if let Some(clash) = clash(&mut *tx, kind, &row).await? {
                return Ok(Restored::Clash(clash));
            }
            let taken = count(&mut *tx, &format!("SELECT count(*) FROM {} WHERE id = $1", kind.table()), kept.item_id).await? > 0;
            if kind == TrashKind::Event {
                // A signatory deleted since is no longer named by it.
                let named = row.get("signatory_id").and_then(Value::as_i64);
                if let Some(signatory) = named
                    && count(&mut *tx, "SELECT count(*) FROM signatories WHERE id = $1", signatory).await? == 0
                {
                    row.insert("signatory_id".into(), Value::Null);
                }
            }
            if let (Some(hash), Some(content_type), Some(data)) = (kept.image_hash, kept.image_type, kept.image_data) {
                const IMAGE: &str = "INSERT INTO news_images (hash, content_type, data) VALUES ($1, $2, $3) \
                    ON CONFLICT (hash) DO NOTHING";
                sqlx::query(IMAGE).bind(hash).bind(content_type).bind(data).execute(&mut *tx).await?;
            }
            let new_id = trash_rows::insert(&mut *tx, kind.table(), &row, !taken, true, postgres).await?.unwrap_or(kept.item_id);
            rows_after(&mut *tx, &record, new_id, postgres).await?;
            sqlx::query(FORGET).bind(id).execute(&mut *tx).await?;
            let mut text = format!("#{new_id} {}", kept.label_en);
            if new_id != kept.item_id {
                text.push_str(&format!(" (was #{})", kept.item_id));
            }
            let details = AuditDetails::new()
                .id(new_id)
                .text("name-fr", kept.label_fr.as_str())
                .text("name-en", kept.label_en.as_str())
                .count("was", kept.item_id)
                .count("moved", i64::from(new_id != kept.item_id));
            audit::record(&mut *tx, now, actor.email(), kind.restored(), &details, &text).await?;
            tx.commit().await?;
            Ok(Restored::Done { kind, id: new_id })
        })
    }

    /// Erases one item of the trash for good; false when there is none.
    pub async fn erase_from_trash(&self, id: i64, actor: &Actor, now: OffsetDateTime) -> Result<bool, StoreError> {
        const ERASE: &str = "DELETE FROM trash WHERE id = $1 RETURNING kind, item_id, label_fr, label_en";
        on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let row: Option<(String, i64, String, String)> =
                sqlx::query_as(ERASE).bind(id).fetch_optional(&mut *tx).await?;
            let Some((kind, item_id, label_fr, label)) = row else { return Ok(false) };
            let text = format!("{kind} #{item_id} {label}");
            let details = AuditDetails::new()
                .word("kind", kind.as_str())
                .count("item", item_id)
                .text("name-fr", label_fr)
                .text("name-en", label.as_str());
            audit::record(&mut *tx, now, actor.email(), AuditKind::TrashErased, &details, &text).await?;
            tx.commit().await?;
            Ok(true)
        })
    }

    /// Erases everything in the trash for good; how many items went.
    pub async fn empty_trash(&self, actor: &Actor, now: OffsetDateTime) -> Result<usize, StoreError> {
        self.erase_trash(None, Some(actor), AuditKind::TrashEmptied, now).await
    }

    /// Erases for good what has been in the trash longer than
    /// [`TRASH_KEPT_FOR`] (the site does it on its own); how many items went.
    pub async fn purge_trash(&self, now: OffsetDateTime) -> Result<usize, StoreError> {
        self.erase_trash(Some(cutoff(now)), None, AuditKind::TrashExpired, now).await
    }

    /// Erases the items deleted before `before` (all when none), with an
    /// audit entry that lists them when there were any.
    async fn erase_trash(
        &self,
        before: Option<OffsetDateTime>,
        actor: Option<&Actor>,
        kind: AuditKind,
        now: OffsetDateTime,
    ) -> Result<usize, StoreError> {
        const ALL: &str = "DELETE FROM trash RETURNING kind, item_id, label_en, label_fr";
        const OLD: &str = "DELETE FROM trash WHERE deleted_at < $1 RETURNING kind, item_id, label_en, label_fr";
        on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let gone: Vec<(String, i64, String, String)> = match before {
                Some(before) => sqlx::query_as(OLD).bind(before).fetch_all(&mut *tx).await?,
                None => sqlx::query_as(ALL).fetch_all(&mut *tx).await?,
            };
            if !gone.is_empty() {
                let items: Vec<String> =
                    gone.iter().map(|(kind, id, label, _)| format!("{kind} #{id} {label}")).collect();
                let text = format!("{} items: {}", gone.len(), items.join("; "));
                let names = |label: fn(&(String, i64, String, String)) -> &str| {
                    gone.iter().map(label).collect::<Vec<_>>().join("; ")
                };
                let details = AuditDetails::new()
                    .count("count", gone.len())
                    .text("names-fr", names(|(_, _, _, fr)| fr))
                    .text("names-en", names(|(_, _, en, _)| en));
                audit::record(&mut *tx, now, actor.and_then(Actor::email), kind, &details, &text).await?;
            }
            tx.commit().await?;
            Ok(gone.len())
        })
    }

    /// Where the record of a kind and id is now: live, in the trash, or
    /// gone.
    pub async fn whereabouts(&self, kind: TrashKind, id: i64) -> Result<Whereabouts, StoreError> {
        let live = format!("SELECT count(*) FROM {} WHERE id = $1", kind.table());
        const TRASHED: &str = "SELECT max(id) FROM trash WHERE kind = $1 AND item_id = $2";
        let (live, trashed) = on_pool!(self, pool => {
            let (live,): (i64,) = sqlx::query_as(sqlx::AssertSqlSafe(live)).bind(id).fetch_one(pool).await?;
            let (trashed,): (Option<i64>,) =
                sqlx::query_as(TRASHED).bind(kind.as_str()).bind(id).fetch_one(pool).await?;
            (live, trashed)
        });
        Ok(if live > 0 {
            Whereabouts::Live
        } else if let Some(trashed) = trashed {
            Whereabouts::InTrash(trashed)
        } else {
            Whereabouts::Gone
        })
    }
}

/// What another record now has of a restored one's that must be unique.
async fn clash<C>(conn: &mut C, kind: TrashKind, row: &Row) -> Result<Option<Clash>, StoreError>
where
    C: Connection,
    for<'c> &'c mut C: Executor<'c, Database = C::Database>,
    for<'t> String: Encode<'t, C::Database> + Type<C::Database>,
    (i64,): for<'r> FromRow<'r, <C::Database as Database>::Row>,
    <C::Database as Database>::Arguments: IntoArguments<C::Database>,
{
    const SAME_NAME: &str = "SELECT count(*) FROM signatories WHERE name_key = $1 AND country = $2";
    let value = |column: &str| text(row, column).unwrap_or_default().to_owned();
    let (n, clash): ((i64,), Clash) = match kind {
        TrashKind::Signatory => (
            sqlx::query_as(SAME_NAME).bind(value("name_key")).bind(value("country")).fetch_one(&mut *conn).await?,
            Clash::Name,
        ),
        TrashKind::Event => {
            // Either address: the English slug, or the French one.
            const SAME_SLUG: &str = "SELECT count(*) FROM events WHERE slug = $1 OR slug_fr = $2";
            (
                sqlx::query_as(SAME_SLUG).bind(value("slug")).bind(value("slug_fr")).fetch_one(&mut *conn).await?,
                Clash::Slug,
            )
        }
        TrashKind::News => {
            let sql = format!("SELECT count(*) FROM {} WHERE slug = $1", kind.table());
            (sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(value("slug")).fetch_one(&mut *conn).await?, Clash::Slug)
        }
    };
    Ok((n.0 > 0).then_some(clash))
}

/// What a record had besides its row, written back once the row is, under
/// its id now: a news item's texts; the events that named a signatory, if
/// they still exist and name none.
async fn rows_after<C>(conn: &mut C, record: &Row, id: i64, postgres: bool) -> Result<(), StoreError>
where
    C: Connection,
    for<'c> &'c mut C: Executor<'c, Database = C::Database>,
    for<'t> String: Encode<'t, C::Database> + Type<C::Database>,
    for<'t> i64: Encode<'t, C::Database> + Type<C::Database>,
    (String,): for<'r> FromRow<'r, <C::Database as Database>::Row>,
    (i64,): for<'r> FromRow<'r, <C::Database as Database>::Row>,
    <C::Database as Database>::Arguments: IntoArguments<C::Database>,
{
    const RELINK: &str = "UPDATE events SET signatory_id = $1 WHERE id = $2 AND signatory_id IS NULL";
    if let Some(Value::Array(translations)) = record.get("translations") {
        for translation in translations {
            let Value::Object(translation) = translation else { continue };
            let mut translation = translation.clone();
            translation.insert("news_id".into(), Value::from(id));
            trash_rows::insert(&mut *conn, "news_translations", &translation, true, false, postgres).await?;
        }
    }
    if let Some(Value::Array(events)) = record.get("events") {
        for event in events.iter().filter_map(Value::as_i64) {
            sqlx::query(RELINK).bind(id).bind(event).execute(&mut *conn).await?;
        }
    }
    Ok(())
}
