//! Events of the campaign's calendar.

use std::fmt;

use time::{Date, Duration, OffsetDateTime, PrimitiveDateTime, Time};

use super::{Country, Slug, Title, Website, text::normalise_line_breaks};
use crate::text::i18n::Lang;

mod fields;

pub use crate::domain::time_zone::{TimeZone, TimeZoneError};
pub use fields::{EventField, EventFieldError, EventFields};

/// Whether an event takes place as planned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Scheduled,
    Postponed,
    Cancelled,
}

#[derive(Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown status {0:?}: expected scheduled, postponed or cancelled")]
pub struct StatusError(String);

impl Status {
    pub fn parse(input: &str) -> Result<Status, StatusError> {
        match input.trim().to_ascii_lowercase().as_str() {
            "" | "scheduled" => Ok(Status::Scheduled),
            "postponed" => Ok(Status::Postponed),
            "cancelled" | "canceled" => Ok(Status::Cancelled),
            _ => Err(StatusError(input.chars().take(40).collect())),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Scheduled => "scheduled",
            Status::Postponed => "postponed",
            Status::Cancelled => "cancelled",
        }
    }
}

/// How one takes part: at a venue, online, or either.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Attendance {
    InPerson,
    Online,
    Hybrid,
}

/// The longest description, in characters.
const DESCRIPTION_MAX_CHARS: usize = 20_000;

/// A description in Markdown, at most 20,000 characters, its line breaks
/// all LF, without control characters other than line breaks and tabs;
/// may be empty.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Description(String);

/// What is wrong with a description.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum DescriptionError {
    #[error("it is longer than {DESCRIPTION_MAX_CHARS} characters")]
    TooLong,
    #[error("it contains a control character")]
    ControlCharacter,
}

impl Description {
    /// The longest description, in characters.
    pub const MAX_CHARS: usize = DESCRIPTION_MAX_CHARS;

    pub fn parse(input: &str) -> Result<Description, DescriptionError> {
        let text = normalise_line_breaks(input);
        let text = text.trim();
        if text.is_empty() {
            return Ok(Description::default());
        }
        if text.chars().count() > DESCRIPTION_MAX_CHARS {
            return Err(DescriptionError::TooLong);
        }
        if text.chars().any(|c| c.is_control() && !matches!(c, '\n' | '\t')) {
            return Err(DescriptionError::ControlCharacter);
        }
        Ok(Description(text.to_owned()))
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// When an event takes place, as the organisers say it: whole days
/// (`last` included), or wall-clock times in the event's time zone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum When {
    AllDay { first: Date, last: Date },
    Timed { starts: PrimitiveDateTime, ends: PrimitiveDateTime },
}

const LOCAL_FORMAT: &[time::format_description::BorrowedFormatItem<'static>] =
    time::macros::format_description!("[year]-[month]-[day]T[hour]:[minute]");

/// What is wrong with an event's start and end.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum WhenError {
    #[error("the start is empty")]
    StartMissing,
    #[error("the end day is before the start day")]
    EndDayBefore,
    #[error("the end is not after the start")]
    EndNotAfter,
    #[error("{0}: write both as dates (2026-12-03) or both as local times (2026-12-03T14:30)")]
    Format(String),
}

impl When {
    /// Parses a start and an end, both dates (`2026-12-03`, an all-day
    /// event; the end day is included) or both local times
    /// (`2026-12-03T14:30`).
    pub fn parse(start: &str, end: &str) -> Result<When, WhenError> {
        let (start, end) = (start.trim(), end.trim());
        if start.is_empty() {
            return Err(WhenError::StartMissing);
        }
        let end = if end.is_empty() { start } else { end };
        let date = |s: &str| crate::domain::date::parse(s).ok();
        let local = |s: &str| PrimitiveDateTime::parse(&s.replacen(' ', "T", 1), LOCAL_FORMAT).ok();
        match (date(start), date(end), local(start), local(end)) {
            (Some(first), Some(last), _, _) if last >= first => Ok(When::AllDay { first, last }),
            (Some(_), Some(_), _, _) => Err(WhenError::EndDayBefore),
            (_, _, Some(starts), Some(ends)) if ends > starts => Ok(When::Timed { starts, ends }),
            (_, _, Some(_), Some(_)) => Err(WhenError::EndNotAfter),
            _ => Err(WhenError::Format(format!("{:?} to {:?}", cut(start), cut(end)))),
        }
    }

    /// The start and end as written in the CSV files.
    pub fn to_strings(self) -> (String, String) {
        match self {
            When::AllDay { first, last } => (crate::domain::date::format(first), crate::domain::date::format(last)),
            When::Timed { starts, ends } => {
                (starts.format(LOCAL_FORMAT).unwrap_or_default(), ends.format(LOCAL_FORMAT).unwrap_or_default())
            }
        }
    }

    pub fn is_all_day(self) -> bool {
        matches!(self, When::AllDay { .. })
    }
}

/// The first characters of a text, for a message that quotes it.
fn cut(text: &str) -> String {
    text.chars().take(40).collect()
}

/// Where an event takes place in person.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Venue {
    pub name: String,
    pub city: String,
    pub country: Country,
}

/// A reference to a signatory by its name and country, as in `Strasbourg (FR)`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignatoryRef {
    pub name: super::Name,
    pub country: Country,
}

impl SignatoryRef {
    pub fn parse(input: &str) -> Result<SignatoryRef, String> {
        let text = input.trim();
        let bad = || format!("{text:?}: write the signatory as its name and country code, e.g. Strasbourg (FR)");
        let (name, rest) = text.rsplit_once('(').ok_or_else(bad)?;
        let code = rest.strip_suffix(')').ok_or_else(bad)?;
        Ok(SignatoryRef {
            name: super::Name::parse(name).map_err(|e| e.to_string())?,
            country: Country::parse(code).map_err(|e| e.to_string())?,
        })
    }
}

impl fmt::Display for SignatoryRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.name, self.country)
    }
}

/// An event as staff describe it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewEvent {
    /// The English address's slug, which is also the calendar UID's.
    pub slug: Slug,
    /// The French address's slug, made from the French title.
    pub slug_fr: Slug,
    pub status: Status,
    /// Postponed, its new date to be announced: `when` keeps the old dates
    /// (for sorting), which are not shown as the event's.
    pub date_unknown: bool,
    pub title_fr: Title,
    pub title_en: Title,
    pub description_fr: Description,
    pub description_en: Description,
    pub when: When,
    pub time_zone: TimeZone,
    pub venue: Option<Venue>,
    pub online_url: Option<Website>,
    pub registration_url: Option<Website>,
    pub signatory: Option<SignatoryRef>,
}

impl NewEvent {
    /// The slug of the event's address in a language.
    pub fn slug_in(&self, lang: Lang) -> &Slug {
        match lang {
            Lang::Fr => &self.slug_fr,
            Lang::En => &self.slug,
        }
    }

    /// Keeps "new date to be announced" from the event as it was, through a
    /// change that does not say the new date: while the event stays
    /// postponed at the same (old) dates. New dates, or another status,
    /// end it.
    pub fn keep_date_unknown(&mut self, before: &NewEvent) {
        self.date_unknown = before.date_unknown
            && self.status == Status::Postponed
            && self.when == before.when
            && self.time_zone == before.time_zone;
    }

    pub fn title(&self, lang: Lang) -> &Title {
        match lang {
            Lang::Fr => &self.title_fr,
            Lang::En => &self.title_en,
        }
    }

    pub fn description(&self, lang: Lang) -> &Description {
        match lang {
            Lang::Fr => &self.description_fr,
            Lang::En => &self.description_en,
        }
    }

    pub fn attendance(&self) -> Attendance {
        match (&self.venue, &self.online_url) {
            (Some(_), Some(_)) => Attendance::Hybrid,
            (None, Some(_)) => Attendance::Online,
            _ => Attendance::InPerson,
        }
    }

    /// The instant the event starts, in UTC.
    pub fn starts_at(&self) -> OffsetDateTime {
        match self.when {
            When::AllDay { first, .. } => self.time_zone.instant(first.with_time(Time::MIDNIGHT)),
            When::Timed { starts, .. } => self.time_zone.instant(starts),
        }
    }

    /// The instant the event ends, in UTC: for whole days, the midnight
    /// after the last day.
    pub fn ends_at(&self) -> OffsetDateTime {
        match self.when {
            When::AllDay { last, .. } => self.time_zone.instant((last + Duration::days(1)).with_time(Time::MIDNIGHT)),
            When::Timed { ends, .. } => self.time_zone.instant(ends),
        }
    }
}

/// The longest event slug, in characters.
pub const SLUG_MAX_CHARS: usize = 80;
/// Slugs the calendar's own addresses use.
pub const RESERVED_SLUGS: [&str; 2] = ["archive", "archives"];

/// The slugs a new event may take, from its title, in order of preference:
/// `forum-of-cities`, then `forum-of-cities-2`, `forum-of-cities-3`… (never
/// a reserved one), so that the first free one is unique.
pub fn slug_candidates(title: &Title) -> impl Iterator<Item = Slug> {
    slug_candidates_from(title.as_str())
}

/// The slugs made from a text (a title, or a slug wanted), in order of
/// preference, as [`slug_candidates`].
pub fn slug_candidates_from(text: &str) -> impl Iterator<Item = Slug> {
    // Room for a suffix of up to four digits.
    let mut base = crate::text::collate::slug(text);
    base.truncate(SLUG_MAX_CHARS - 5);
    let base = match base.trim_end_matches('-') {
        "" => "event".to_owned(),
        trimmed => trimmed.to_owned(),
    };
    (1..10_000).filter_map(move |n| {
        let text = if n == 1 { base.clone() } else { format!("{base}-{n}") };
        Slug::parse_at_most(&text, SLUG_MAX_CHARS).ok().filter(|s| !RESERVED_SLUGS.contains(&s.as_str()))
    })
}

/// A stored event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Event {
    pub id: i64,
    pub details: NewEvent,
    /// Raised each time the event changes, for calendar apps.
    pub sequence: i32,
    pub created_at: OffsetDateTime,
    pub updated_at: OffsetDateTime,
    /// The related signatory's id, when there is one.
    pub signatory_id: Option<i64>,
    /// Part of the bundled sample data, not a real event.
    pub sample: bool,
}

#[cfg(test)]
mod tests;
