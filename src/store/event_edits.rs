//! Staff's changes to events from the back office: one added, edited,
//! postponed, cancelled or deleted at a time, each in its own transaction
//! with its audit entry (the triggers raise the site's revision).
//!
//! An edit carries the version of the event it was read at: a save over a
//! newer version is refused, with the event as it now stands.

use time::OffsetDateTime;

use super::{
    Actor, AuditDetails, AuditKind, BeginWrite, Saved, Store, StoreError, audit,
    events::{EventRow, SELECT_EVENTS, bind_event, free_slug_fr, not_over},
    instant,
    trash::{TrashKind, put_in_trash},
};
use crate::domain::{
    Event, NewEvent,
    event::{Status, slug_candidates},
};

/// An event with the version of the row it was read from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VersionedEvent {
    pub event: Event,
    pub version: i64,
}

impl EventRow {
    fn into_versioned(self) -> Result<VersionedEvent, StoreError> {
        let version = self.version;
        Ok(VersionedEvent { event: self.into_domain()?, version })
    }
}

/// A change to a stored event, as staff make it.
#[derive(Clone, Copy, Debug)]
pub struct EventEdit<'a> {
    pub id: i64,
    /// The version the change was made at.
    pub version: i64,
    /// The event as it is to be (its slug is not used: it stays).
    pub event: &'a NewEvent,
    pub signatory_id: Option<i64>,
    /// What the change is, for the audit log: edited, postponed, cancelled.
    pub kind: AuditKind,
}

/// Which events the back office's list shows: by the year they start in,
/// by status; all when both are `None`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StaffEventFilter {
    pub year: Option<i32>,
    pub status: Option<Status>,
}

/// The list's conditions: `$1` the year, `$2` the status, each NULL for
/// "any"; `$3` now.
const STAFF_WHERE: &str = "WHERE (CAST($1 AS TEXT) IS NULL OR substr(e.start_local, 1, 4) = $1) \
         AND (CAST($2 AS TEXT) IS NULL OR e.status = $2) ";

/// The longest run of taken slugs tried before a new event is refused.
const SLUG_TRIES: usize = 200;

/// `$1` the slug, `$2`–`$19` as [`bind_event`], `$20` now, `$21` the
/// French slug.
const INSERT: &str = "INSERT INTO events (slug, status, title_fr, title_en, description_fr, description_en, \
    all_day, start_local, end_local, time_zone, starts_at, ends_at, venue_name, venue_city, venue_country, \
    online_url, registration_url, signatory_id, date_unknown, sequence, created_at, updated_at, sample, slug_fr) \
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, 0, $20, $20, \
    FALSE, $21) \
    ON CONFLICT (slug) DO NOTHING RETURNING id";

/// `$1` the id, `$2`–`$19` as [`bind_event`], `$20` now, `$21` the version
/// read. The slugs stay, so that links and calendar UIDs do too; the
/// sequence rises, for calendar apps.
const UPDATE: &str = "UPDATE events SET status = $2, title_fr = $3, title_en = $4, description_fr = $5, \
    description_en = $6, all_day = $7, start_local = $8, end_local = $9, time_zone = $10, starts_at = $11, \
    ends_at = $12, venue_name = $13, venue_city = $14, venue_country = $15, online_url = $16, \
    registration_url = $17, signatory_id = $18, date_unknown = $19, updated_at = $20, sequence = sequence + 1, \
    version = version + 1, sample = FALSE WHERE id = $1 AND version = $21";

impl Store {
    /// One event with its version.
    pub async fn versioned_event(&self, id: i64) -> Result<Option<VersionedEvent>, StoreError> {
        let sql = format!("{SELECT_EVENTS} WHERE e.id = $1");
        let row: Option<EventRow> =
            on_pool!(self, pool => sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(id).fetch_optional(pool).await)?;
        row.map(EventRow::into_versioned).transpose()
    }

    /// The back office's list: the events a filter lets through that are
    /// not over at `now`, soonest first, and those that are, latest first.
    pub async fn staff_events(
        &self,
        filter: StaffEventFilter,
        now: OffsetDateTime,
    ) -> Result<(Vec<VersionedEvent>, Vec<VersionedEvent>), StoreError> {
        let upcoming =
            format!("{SELECT_EVENTS}{STAFF_WHERE} AND {} ORDER BY e.date_unknown, e.starts_at, e.id", not_over("$3"));
        let past =
            format!("{SELECT_EVENTS}{STAFF_WHERE} AND NOT {} ORDER BY e.starts_at DESC, e.id DESC", not_over("$3"));
        let year = filter.year.map(|y| y.to_string());
        let status = filter.status.map(Status::as_str);
        let mut lists = Vec::with_capacity(2);
        for sql in [upcoming, past] {
            let rows: Vec<EventRow> = on_pool!(self, pool => sqlx::query_as(sqlx::AssertSqlSafe(sql))
                .bind(year.as_deref())
                .bind(status)
                .bind(instant(now))
                .fetch_all(pool)
                .await)?;
            lists.push(rows.into_iter().map(EventRow::into_versioned).collect::<Result<Vec<_>, _>>()?);
        }
        let past = lists.pop().unwrap_or_default();
        let upcoming = lists.pop().unwrap_or_default();
        Ok((upcoming, past))
    }

    /// Adds an event (real data) under the first slug made from its English
    /// title that no event has, and the first French slug made from its
    /// French title that no event has (the event's own slugs are not used),
    /// with its related signatory's id: the new event's id and slug.
    pub async fn add_event(
        &self,
        e: &NewEvent,
        signatory_id: Option<i64>,
        actor: &Actor,
        now: OffsetDateTime,
    ) -> Result<(i64, String), StoreError> {
        // Two events added at once with the same French title would both
        // find its slug free: on PostgreSQL the additions take turns (SQLite
        // has one writer at a time).
        const TAKE_TURNS: &str = "SELECT pg_advisory_xact_lock(8326001)";
        let postgres = matches!(self, Store::Postgres(_));
        on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            if postgres {
                sqlx::query(TAKE_TURNS).execute(&mut *tx).await?;
            }
            let wanted_fr = slug_candidates(&e.title_fr).next().unwrap_or_else(|| e.slug_fr.clone());
            let slug_fr = free_slug_fr(&mut *tx, &wanted_fr).await?;
            let mut added = None;
            for slug in slug_candidates(&e.title_en).take(SLUG_TRIES) {
                let id: Option<(i64,)> = bind_event(sqlx::query_as(INSERT).bind(slug.as_str()), e, signatory_id)
                    .bind(instant(now))
                    .bind(slug_fr.as_str())
                    .fetch_optional(&mut *tx)
                    .await?;
                if let Some((id,)) = id {
                    added = Some((id, slug.to_string()));
                    break;
                }
            }
            let Some((id, slug)) = added else {
                return Err(StoreError::Corrupt(format!("no free slug for the event {:?}", e.title_en.as_str())));
            };
            let (start, _) = e.when.to_strings();
            let text = format!("#{id} {slug} ({start}): {}", e.title_en.as_str());
            let details = event_details(id, &slug, &start, e.title_fr.as_str(), e.title_en.as_str());
            audit::record(&mut *tx, now, actor.email(), AuditKind::EventAdded, &details, &text).await?;
            tx.commit().await?;
            Ok((id, slug))
        })
    }

    /// Saves an event read at `edit.version` (its slug stays): refused when
    /// it changed since, with the event as it now stands. A sample event
    /// saved by staff becomes real; a save that changes nothing writes
    /// nothing.
    pub async fn update_event(
        &self,
        edit: &EventEdit<'_>,
        actor: &Actor,
        now: OffsetDateTime,
    ) -> Result<Saved<VersionedEvent>, StoreError> {
        let EventEdit { id, version, event: e, signatory_id, kind } = *edit;
        let select = format!("{SELECT_EVENTS} WHERE e.id = $1");
        on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let current: Option<EventRow> =
                sqlx::query_as(sqlx::AssertSqlSafe(select.clone())).bind(id).fetch_optional(&mut *tx).await?;
            let Some(current) = current else { return Ok(Saved::NotFound) };
            let current = current.into_versioned()?;
            if current.version != version {
                return Ok(Saved::Conflict(Box::new(current)));
            }
            let before = &current.event;
            // The same signatory, however its name was typed, is no change.
            let mut after = e.clone();
            // The slugs stay, whatever the change carries.
            after.slug.clone_from(&before.details.slug);
            after.slug_fr.clone_from(&before.details.slug_fr);
            if before.signatory_id == signatory_id {
                after.signatory.clone_from(&before.details.signatory);
            }
            let mut changes = before.details.describe_changes(&after);
            let changed = before.details.differences(&after);
            let mut fields: Vec<String> = changed.iter().map(|field| audit::field_word(field.column())).collect();
            if before.signatory_id != signatory_id && !changes.contains("signatory:") {
                changes = join(&changes, "signatory changed");
                fields.push("signatory-changed".to_owned());
            }
            if before.details.date_unknown != after.date_unknown {
                let word = if after.date_unknown { "new-date-to-be-announced" } else { "new-date-announced" };
                fields.push(word.to_owned());
            }
            if before.sample {
                changes = join(&changes, "sample → real");
                fields.push("sample-real".to_owned());
            }
            if changes.is_empty() {
                return Ok(Saved::Done(id));
            }
            let done = bind_event(sqlx::query(UPDATE).bind(id), e, signatory_id)
                .bind(instant(now))
                .bind(version)
                .execute(&mut *tx)
                .await?;
            if done.rows_affected() == 0 {
                // Changed between the reading and the writing (PostgreSQL
                // lets another transaction in): as it stands now.
                drop(tx);
                return match self.versioned_event(id).await? {
                    Some(now) => Ok(Saved::Conflict(Box::new(now))),
                    None => Ok(Saved::NotFound),
                };
            }
            let text = format!("#{id} {}: {changes}", before.details.slug);
            let details = AuditDetails::new().id(id).text("slug", before.details.slug.as_str()).words("fields", fields);
            audit::record(&mut *tx, now, actor.email(), kind, &details, &text).await?;
            tx.commit().await?;
            Ok(Saved::Done(id))
        })
    }

    /// Moves an event to the trash (see `trash.rs`); false when there is
    /// none of this id.
    pub async fn delete_event(&self, id: i64, actor: &Actor, now: OffsetDateTime) -> Result<bool, StoreError> {
        const DELETE: &str = "DELETE FROM events WHERE id = $1 RETURNING slug, start_local, title_fr, title_en, sample";
        let postgres = matches!(self, Store::Postgres(_));
        on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            if !put_in_trash(&mut *tx, TrashKind::Event, id, actor, now, postgres).await? {
                return Ok(false);
            }
            let row: Option<(String, String, String, String, bool)> =
                sqlx::query_as(DELETE).bind(id).fetch_optional(&mut *tx).await?;
            let Some((slug, start, title_fr, title, sample)) = row else { return Ok(false) };
            let text =
                format!("#{id} {slug} ({start}): {title}{}", if sample { ", sample" } else { "" });
            let details = event_details(id, &slug, &start, &title_fr, &title).count("sample", i64::from(sample));
            audit::record(&mut *tx, now, actor.email(), AuditKind::EventDeleted, &details, &text).await?;
            tx.commit().await?;
            Ok(true)
        })
    }
}

/// An event as the audit log's details name it: its id, slug, first day
/// (from its local start, `2030-12-05T14:30` or `2030-12-05`) and title in
/// each language.
fn event_details(id: i64, slug: &str, start: &str, title_fr: &str, title_en: &str) -> AuditDetails {
    let details = AuditDetails::new().id(id).text("slug", slug).text("title-fr", title_fr).text("title-en", title_en);
    match crate::domain::date::parse(start.get(..10).unwrap_or(start)) {
        Ok(day) => details.date("start", day),
        Err(_) => details.text("start", start),
    }
}

/// Two parts of a summary, joined by `; ` when both are there.
fn join(first: &str, second: &str) -> String {
    if first.is_empty() { second.to_owned() } else { format!("{first}; {second}") }
}
