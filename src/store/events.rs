//! The calendar's events.

use std::sync::LazyLock;

use sqlx::{Connection, Database, Encode, Executor, FromRow, IntoArguments, Type, query::QueryAs};
use time::OffsetDateTime;

use super::{
    Bind, ImportReport, Origin, Store, StoreError, begin_bulk, instant, release_revision, signatory_import::Change,
};
use crate::domain::{
    Country, Event, NewEvent, Slug, Title, Website,
    event::{Description, SignatoryRef, Status, TimeZone, Venue, When, slug_candidates_from},
    text::without_bidi_controls,
};
use crate::text::i18n::Lang;

/// Which events the calendar shows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EventFilter {
    pub year: Option<i32>,
    /// The venue's country.
    pub country: Option<Country>,
    pub mode: Option<Mode>,
}

/// Taking part in person or online (a hybrid event is both).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    InPerson,
    Online,
}

impl Mode {
    pub fn parse(input: &str) -> Option<Mode> {
        match input {
            "in-person" => Some(Mode::InPerson),
            "online" => Some(Mode::Online),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Mode::InPerson => "in-person",
            Mode::Online => "online",
        }
    }
}

impl EventFilter {
    pub fn is_empty(&self) -> bool {
        self.year.is_none() && self.country.is_none() && self.mode.is_none()
    }
}

#[derive(Clone, FromRow)]
pub(super) struct EventRow {
    id: i64,
    slug: String,
    slug_fr: String,
    status: String,
    date_unknown: bool,
    title_fr: String,
    title_en: String,
    description_fr: String,
    description_en: String,
    start_local: String,
    end_local: String,
    time_zone: String,
    venue_name: Option<String>,
    venue_city: Option<String>,
    venue_country: Option<String>,
    online_url: Option<String>,
    registration_url: Option<String>,
    signatory_id: Option<i64>,
    signatory_name: Option<String>,
    signatory_country: Option<String>,
    sequence: i32,
    created_at: OffsetDateTime,
    updated_at: OffsetDateTime,
    sample: bool,
    /// Raised by every change, for the back office's conflicting edits.
    pub(super) version: i64,
}

impl EventRow {
    /// The event as the row holds it, the row kept.
    fn details(&self) -> Result<NewEvent, StoreError> {
        Ok(self.clone().into_domain()?.details)
    }

    pub(super) fn into_domain(self) -> Result<Event, StoreError> {
        let id = self.id;
        let corrupt = |what: &str, error: String| StoreError::Corrupt(format!("event {id}: {what}: {error}"));
        let url = |value: Option<String>, what: &str| {
            value.map(|v| Website::parse(&v).map_err(|e| corrupt(what, e.to_string()))).transpose()
        };
        let venue = match (self.venue_name, self.venue_city, self.venue_country) {
            (Some(name), Some(city), Some(country)) => Some(Venue {
                name: without_bidi_controls(&name).into_owned(),
                city: without_bidi_controls(&city).into_owned(),
                country: Country::parse(&country).map_err(|e| corrupt("venue_country", e.to_string()))?,
            }),
            _ => None,
        };
        let signatory = match (self.signatory_name, self.signatory_country) {
            (Some(name), Some(country)) => Some(SignatoryRef {
                name: crate::domain::Name::parse(&without_bidi_controls(&name))
                    .map_err(|e| corrupt("signatory", e.to_string()))?,
                country: Country::parse(&country).map_err(|e| corrupt("signatory", e.to_string()))?,
            }),
            _ => None,
        };
        let details = NewEvent {
            slug: Slug::parse(&self.slug).map_err(|e| corrupt("slug", e.to_string()))?,
            slug_fr: Slug::parse(&self.slug_fr).map_err(|e| corrupt("slug_fr", e.to_string()))?,
            status: Status::parse(&self.status).map_err(|e| corrupt("status", e.to_string()))?,
            date_unknown: self.date_unknown,
            title_fr: Title::parse(&without_bidi_controls(&self.title_fr))
                .map_err(|e| corrupt("title_fr", e.to_string()))?,
            title_en: Title::parse(&without_bidi_controls(&self.title_en))
                .map_err(|e| corrupt("title_en", e.to_string()))?,
            description_fr: Description::parse(&self.description_fr)
                .map_err(|e| corrupt("description_fr", e.to_string()))?,
            description_en: Description::parse(&self.description_en)
                .map_err(|e| corrupt("description_en", e.to_string()))?,
            when: When::parse(&self.start_local, &self.end_local).map_err(|e| corrupt("start/end", e.to_string()))?,
            time_zone: TimeZone::parse(&self.time_zone).map_err(|e| corrupt("time_zone", e.to_string()))?,
            venue,
            online_url: url(self.online_url, "online_url")?,
            registration_url: url(self.registration_url, "registration_url")?,
            signatory,
        };
        Ok(Event {
            id,
            details,
            sequence: self.sequence,
            created_at: self.created_at,
            updated_at: self.updated_at,
            signatory_id: self.signatory_id,
            sample: self.sample,
        })
    }
}

/// An event not yet over at the instant `at` (a query's parameter): its
/// end is still to come, or it is postponed to a date still to be
/// announced (its old dates, kept for sorting, may be past).
pub(super) fn not_over(at: &str) -> String {
    format!("(e.ends_at >= {at} OR e.date_unknown)")
}

/// The columns an [`EventRow`] reads, with the related signatory's name
/// (for the back office's queries too).
pub(super) const SELECT_EVENTS: &str = "SELECT e.id, e.slug, e.slug_fr, e.status, e.date_unknown, e.title_fr, e.title_en, e.description_fr, e.description_en, \
         e.start_local, e.end_local, e.time_zone, e.venue_name, e.venue_city, e.venue_country, \
         e.online_url, e.registration_url, e.signatory_id, s.name AS signatory_name, \
         s.country AS signatory_country, e.sequence, e.created_at, e.updated_at, e.sample, e.version \
         FROM events e LEFT JOIN signatories s ON s.id = e.signatory_id ";

/// The calendar's filters; `$1` country, `$2` year, `$3` mode, each NULL for "any".
const EVENTS_WHERE: &str = "WHERE (CAST($1 AS TEXT) IS NULL OR e.venue_country = $1) \
         AND (CAST($2 AS TEXT) IS NULL OR substr(e.start_local, 1, 4) = $2) \
         AND (CAST($3 AS TEXT) IS NULL OR ($3 = 'in-person' AND e.venue_name IS NOT NULL) \
              OR ($3 = 'online' AND e.online_url IS NOT NULL)) ";

/// A query with [`EVENTS_WHERE`]'s `$1` to `$3` bound to a filter, and
/// `$4` to an instant, for either backend.
fn query_events_where<'q, DB, O>(
    sql: &'static str,
    filter: &EventFilter,
    now: OffsetDateTime,
) -> QueryAs<'q, DB, O, <DB as Database>::Arguments>
where
    DB: Database,
    O: for<'r> FromRow<'r, DB::Row>,
    Option<&'static str>: Encode<'q, DB> + Type<DB>,
    Option<String>: Encode<'q, DB> + Type<DB>,
    OffsetDateTime: Encode<'q, DB> + Type<DB>,
{
    sqlx::query_as(sql)
        .bind(filter.country.map(Country::code))
        .bind(filter.year.map(|year| year.to_string()))
        .bind(filter.mode.map(Mode::as_str))
        .bind(instant(now))
}

impl Store {
    /// The signatories an event may name, as its form suggests them
    /// ("Strasbourg (FR)"): the first `limit` by name.
    pub async fn signatory_references(&self, limit: i64) -> Result<Vec<String>, StoreError> {
        const NAMES: &str = "SELECT name, country FROM signatories ORDER BY name_key, country LIMIT $1";
        let rows: Vec<(String, String)> =
            on_pool!(self, pool => sqlx::query_as(NAMES).bind(limit).fetch_all(pool).await)?;
        Ok(rows.into_iter().map(|(name, country)| format!("{name} ({})", country.trim())).collect())
    }

    /// Events not yet over at `now`, soonest first.
    pub async fn upcoming_events(
        &self,
        filter: &EventFilter,
        now: OffsetDateTime,
        limit: i64,
    ) -> Result<Vec<Event>, StoreError> {
        static UPCOMING: LazyLock<String> = LazyLock::new(|| {
            format!(
                "{SELECT_EVENTS}{EVENTS_WHERE}AND {NOT_OVER} ORDER BY e.date_unknown, e.starts_at, e.id LIMIT $5",
                NOT_OVER = not_over("$4")
            )
        });
        let rows: Vec<EventRow> = on_pool!(self, pool => query_events_where(UPCOMING.as_str(), filter, now)
            .bind(limit)
            .fetch_all(pool)
            .await)?;
        rows.into_iter().map(EventRow::into_domain).collect()
    }

    /// Events over at `now`, latest first, a page of them, and how many there are.
    pub async fn past_events(
        &self,
        filter: &EventFilter,
        now: OffsetDateTime,
        limit: i64,
        offset: i64,
    ) -> Result<(Vec<Event>, i64), StoreError> {
        static PAST: LazyLock<String> = LazyLock::new(|| {
            format!(
                "{SELECT_EVENTS}{EVENTS_WHERE}AND NOT {NOT_OVER} ORDER BY e.starts_at DESC, e.id DESC LIMIT $5 OFFSET $6",
                NOT_OVER = not_over("$4")
            )
        });
        static COUNT: LazyLock<String> =
            LazyLock::new(|| format!("SELECT count(*) FROM events e {EVENTS_WHERE}AND NOT {}", not_over("$4")));
        let rows: Vec<EventRow> = on_pool!(self, pool => query_events_where(PAST.as_str(), filter, now)
            .bind(limit)
            .bind(offset)
            .fetch_all(pool)
            .await)?;
        let (count,): (i64,) = on_pool!(self, pool => query_events_where(COUNT.as_str(), filter, now)
            .fetch_one(pool)
            .await)?;
        let events = rows.into_iter().map(EventRow::into_domain).collect::<Result<_, _>>()?;
        Ok((events, count))
    }

    /// The years and venue countries the calendar's filters offer.
    pub async fn event_facets(&self) -> Result<(Vec<i32>, Vec<Country>), StoreError> {
        const YEARS: &str = "SELECT DISTINCT substr(start_local, 1, 4) FROM events ORDER BY 1 DESC";
        const COUNTRIES: &str = "SELECT DISTINCT venue_country FROM events WHERE venue_country IS NOT NULL";
        let years: Vec<(String,)> = on_pool!(self, pool => sqlx::query_as(YEARS).fetch_all(pool).await)?;
        let countries: Vec<(String,)> = on_pool!(self, pool => sqlx::query_as(COUNTRIES).fetch_all(pool).await)?;
        Ok((
            years.into_iter().filter_map(|(y,)| y.parse().ok()).collect(),
            countries.into_iter().filter_map(|(c,)| Country::parse(&c).ok()).collect(),
        ))
    }

    /// The event at this slug in a language's address; or, failing that,
    /// the one at this slug in the other language's (an old French link
    /// made with the English slug), to be redirected to.
    pub async fn event(&self, lang: Lang, slug: &Slug) -> Result<Option<Event>, StoreError> {
        static FR: LazyLock<String> = LazyLock::new(|| {
            format!(
                "{SELECT_EVENTS}WHERE e.slug_fr = $1 OR e.slug = $1 \
                 ORDER BY CASE WHEN e.slug_fr = $1 THEN 0 ELSE 1 END LIMIT 1"
            )
        });
        static EN: LazyLock<String> = LazyLock::new(|| {
            format!(
                "{SELECT_EVENTS}WHERE e.slug = $1 OR e.slug_fr = $1 \
                 ORDER BY CASE WHEN e.slug = $1 THEN 0 ELSE 1 END LIMIT 1"
            )
        });
        let sql = match lang {
            Lang::Fr => FR.as_str(),
            Lang::En => EN.as_str(),
        };
        let row: Option<EventRow> =
            on_pool!(self, pool => sqlx::query_as(sql).bind(slug.as_str()).fetch_optional(pool).await)?;
        row.map(EventRow::into_domain).transpose()
    }

    /// Events that ended at or after `since`, in order, for the feeds.
    pub async fn events_since(&self, since: OffsetDateTime) -> Result<Vec<Event>, StoreError> {
        static SINCE: LazyLock<String> =
            LazyLock::new(|| format!("{SELECT_EVENTS}WHERE {} ORDER BY e.starts_at, e.id", not_over("$1")));
        let rows: Vec<EventRow> =
            on_pool!(self, pool => sqlx::query_as(SINCE.as_str()).bind(instant(since)).fetch_all(pool).await)?;
        rows.into_iter().map(EventRow::into_domain).collect()
    }

    /// Every event, for export.
    pub async fn events(&self) -> Result<Vec<Event>, StoreError> {
        static ALL: LazyLock<String> = LazyLock::new(|| format!("{SELECT_EVENTS}ORDER BY e.starts_at, e.id"));
        let rows: Vec<EventRow> = on_pool!(self, pool => sqlx::query_as(ALL.as_str()).fetch_all(pool).await)?;
        rows.into_iter().map(EventRow::into_domain).collect()
    }

    /// Adds or updates events, matched on their slug, in one transaction. A
    /// changed event has its sequence raised; `only_new` leaves existing
    /// events alone. Each event comes with its related signatory's id. A
    /// new event takes the first French slug free from its own; an existing
    /// one keeps its French slug, and its new date to be announced while
    /// the row keeps it postponed at the same dates.
    pub async fn import_events(
        &self,
        events: &[(NewEvent, Option<i64>)],
        now: OffsetDateTime,
        origin: Origin,
    ) -> Result<ImportReport, StoreError> {
        static FIND: LazyLock<String> = LazyLock::new(|| format!("{SELECT_EVENTS}WHERE e.slug = $1"));
        // A new event starts at sequence 0; a changed one keeps its creation
        // time and has its sequence raised.
        const UPSERT: &str = "INSERT INTO events (slug, status, title_fr, title_en, description_fr, description_en, \
            all_day, start_local, end_local, time_zone, starts_at, ends_at, venue_name, venue_city, venue_country, \
            online_url, registration_url, signatory_id, date_unknown, sequence, created_at, updated_at, sample, \
            slug_fr) \
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, 0, $20, $20, \
            $21, $22) \
            ON CONFLICT (slug) DO UPDATE SET status = excluded.status, title_fr = excluded.title_fr, \
            title_en = excluded.title_en, description_fr = excluded.description_fr, \
            description_en = excluded.description_en, all_day = excluded.all_day, \
            start_local = excluded.start_local, end_local = excluded.end_local, time_zone = excluded.time_zone, \
            starts_at = excluded.starts_at, ends_at = excluded.ends_at, venue_name = excluded.venue_name, \
            venue_city = excluded.venue_city, venue_country = excluded.venue_country, \
            online_url = excluded.online_url, registration_url = excluded.registration_url, \
            signatory_id = excluded.signatory_id, date_unknown = excluded.date_unknown, \
            sequence = events.sequence + 1, version = events.version + 1, \
            updated_at = excluded.updated_at, \
            sample = excluded.sample";
        let now = instant(now);
        let mut report = ImportReport::default();
        // SQLite's triggers would raise the revision for each row: held, then
        // raised once (see the migration 20261129000029).
        let held = self.holds_revision();
        on_pool!(self, pool => {
            let mut tx = begin_bulk(pool, held).await?;
            for (event, signatory_id) in events {
                let existing: Option<EventRow> =
                    sqlx::query_as(FIND.as_str()).bind(event.slug.as_str()).fetch_optional(&mut *tx).await?;
                let mut event = event.clone();
                match &existing {
                    Some(row) => {
                        let before = row.details()?;
                        event.slug_fr = before.slug_fr.clone();
                        event.keep_date_unknown(&before);
                    }
                    None => event.slug_fr = free_slug_fr(&mut *tx, &event.slug_fr).await?,
                }
                let change = import_change(existing, &event, *signatory_id, origin)?;
                report.count(change);
                if change == Change::Unchanged {
                    continue;
                }
                bind_event(sqlx::query(UPSERT).bind(event.slug.as_str()), &event, *signatory_id)
                    .bind(now)
                    .bind(origin.is_sample())
                    .bind(event.slug_fr.as_str())
                    .execute(&mut *tx)
                    .await?;
            }
            release_revision(&mut *tx, held, report.added + report.updated > 0).await?;
            tx.commit().await?;
        });
        Ok(report)
    }
}

/// What importing an event does to the one stored under its slug, if any.
/// Sample events once loaded stay as they are, whatever the day.
fn import_change(
    existing: Option<EventRow>,
    event: &NewEvent,
    signatory_id: Option<i64>,
    origin: Origin,
) -> Result<Change, StoreError> {
    Ok(match existing {
        None => Change::Added,
        Some(_) if origin == Origin::Sample => Change::Unchanged,
        Some(row) => {
            let same_origin = row.sample == origin.is_sample();
            let same_signatory = row.signatory_id == signatory_id;
            if same_origin && same_signatory && row.into_domain()?.details == *event {
                Change::Unchanged
            } else {
                Change::Updated
            }
        }
    })
}

/// The values of an event bound after `$1` (by the import's upsert and by
/// `event_edits`' insert and update), in order.
pub(super) fn bind_event<'q, DB, Q>(query: Q, e: &'q NewEvent, signatory_id: Option<i64>) -> Q
where
    DB: Database,
    Q: Bind<'q, DB>,
    &'q str: Encode<'q, DB> + Type<DB>,
    bool: Encode<'q, DB> + Type<DB>,
    String: Encode<'q, DB> + Type<DB>,
    OffsetDateTime: Encode<'q, DB> + Type<DB>,
    Option<String>: Encode<'q, DB> + Type<DB>,
    Option<&'static str>: Encode<'q, DB> + Type<DB>,
    Option<i64>: Encode<'q, DB> + Type<DB>,
{
    let (start, end) = e.when.to_strings();
    let venue = e.venue.as_ref();
    query
        .value(e.status.as_str())
        .value(e.title_fr.as_str())
        .value(e.title_en.as_str())
        .value(e.description_fr.as_str())
        .value(e.description_en.as_str())
        .value(e.when.is_all_day())
        .value(start)
        .value(end)
        .value(e.time_zone.name())
        .value(instant(e.starts_at()))
        .value(instant(e.ends_at()))
        .value(venue.map(|v| v.name.clone()))
        .value(venue.map(|v| v.city.clone()))
        .value(venue.map(|v| v.country.code()))
        .value(e.online_url.as_ref().map(|u| Website::as_str(u).to_owned()))
        .value(e.registration_url.as_ref().map(|u| Website::as_str(u).to_owned()))
        .value(signatory_id)
        // Only a postponed event waits for its new date.
        .value(e.date_unknown && e.status == Status::Postponed)
}

/// The first French slug free among those made from `wanted`
/// ([`slug_candidates_from`]), read in the change's transaction.
pub(super) async fn free_slug_fr<C>(conn: &mut C, wanted: &Slug) -> Result<Slug, StoreError>
where
    C: Connection,
    for<'c> &'c mut C: Executor<'c, Database = C::Database>,
    for<'t> String: Encode<'t, C::Database> + Type<C::Database>,
    (i64,): for<'r> FromRow<'r, <C::Database as Database>::Row>,
    <C::Database as Database>::Arguments: IntoArguments<C::Database>,
{
    const TAKEN: &str = "SELECT count(*) FROM events WHERE slug_fr = $1";
    for slug in slug_candidates_from(wanted.as_str()).take(SLUG_FR_TRIES) {
        let (n,): (i64,) = sqlx::query_as(TAKEN).bind(slug.to_string()).fetch_one(&mut *conn).await?;
        if n == 0 {
            return Ok(slug);
        }
    }
    Err(StoreError::Corrupt(format!("no free French slug for the event {wanted}")))
}

/// The longest run of taken French slugs tried before an event is refused.
const SLUG_FR_TRIES: usize = 200;
