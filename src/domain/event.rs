//! Events of the campaign's calendar.

use std::fmt;

use time::{Date, Duration, OffsetDateTime, PrimitiveDateTime, Time, UtcOffset};

use super::{
    Country, Slug, Title, Website,
    country::CountryError,
    signatory::WebsiteError,
    slug::SlugError,
    text::{TextError, normalise_line_breaks},
};
use crate::text::i18n::Lang;

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

/// An IANA time zone, such as `Europe/Paris`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimeZone {
    name: String,
    zone: jiff::tz::TimeZone,
}

#[derive(Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown time zone {0:?}: expected an IANA name such as Europe/Paris")]
pub struct TimeZoneError(String);

impl TimeZone {
    pub const DEFAULT: &'static str = "Europe/Paris";

    pub fn parse(input: &str) -> Result<TimeZone, TimeZoneError> {
        let name = input.trim();
        let unknown = || TimeZoneError(name.chars().take(60).collect());
        if name.is_empty() || name.len() > 60 {
            return Err(unknown());
        }
        let zone = jiff::tz::TimeZone::get(name).map_err(|_| unknown())?;
        Ok(TimeZone { name: zone.iana_name().unwrap_or(name).to_owned(), zone })
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    /// The instant a wall-clock time in this zone stands for. A time that
    /// a clock change skips or repeats is taken as most calendar apps do.
    pub fn instant(&self, local: PrimitiveDateTime) -> OffsetDateTime {
        let civil = jiff::civil::DateTime::new(
            local.year() as i16,
            u8::from(local.month()) as i8,
            local.day() as i8,
            local.hour() as i8,
            local.minute() as i8,
            0,
            0,
        );
        let seconds = civil
            .and_then(|dt| self.zone.to_timestamp(dt))
            .map(|timestamp| timestamp.as_second())
            .unwrap_or_else(|_| local.assume_utc().unix_timestamp());
        OffsetDateTime::from_unix_timestamp(seconds).unwrap_or(OffsetDateTime::UNIX_EPOCH)
    }

    /// The zone's offset from UTC at an instant.
    pub fn offset_at(&self, instant: OffsetDateTime) -> UtcOffset {
        let seconds = jiff::Timestamp::from_second(instant.unix_timestamp())
            .map(|timestamp| self.zone.to_offset(timestamp).seconds())
            .unwrap_or(0);
        UtcOffset::from_whole_seconds(seconds).unwrap_or(UtcOffset::UTC)
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
    pub slug: Slug,
    pub status: Status,
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
    // Room for a suffix of up to four digits.
    let mut base = crate::text::collate::slug(title.as_str());
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

/// A field of an event, as the CSV's columns and the back office's form
/// name it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EventField {
    Slug,
    TitleFr,
    TitleEn,
    Start,
    End,
    TimeZone,
    Status,
    VenueName,
    VenueCity,
    VenueCountry,
    OnlineUrl,
    RegistrationUrl,
    Signatory,
    DescriptionFr,
    DescriptionEn,
}

impl EventField {
    /// In the CSV's order.
    pub const ALL: [EventField; 15] = [
        EventField::Slug,
        EventField::TitleFr,
        EventField::TitleEn,
        EventField::Start,
        EventField::End,
        EventField::TimeZone,
        EventField::Status,
        EventField::VenueName,
        EventField::VenueCity,
        EventField::VenueCountry,
        EventField::OnlineUrl,
        EventField::RegistrationUrl,
        EventField::Signatory,
        EventField::DescriptionFr,
        EventField::DescriptionEn,
    ];

    /// The CSV column, and the form field, of this name.
    pub fn column(self) -> &'static str {
        match self {
            EventField::Slug => "slug",
            EventField::TitleFr => "title_fr",
            EventField::TitleEn => "title_en",
            EventField::Start => "start",
            EventField::End => "end",
            EventField::TimeZone => "time_zone",
            EventField::Status => "status",
            EventField::VenueName => "venue_name",
            EventField::VenueCity => "venue_city",
            EventField::VenueCountry => "venue_country",
            EventField::OnlineUrl => "online_url",
            EventField::RegistrationUrl => "registration_url",
            EventField::Signatory => "signatory",
            EventField::DescriptionFr => "description_fr",
            EventField::DescriptionEn => "description_en",
        }
    }
}

/// What is wrong with one field of an event.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum EventFieldError {
    #[error(transparent)]
    Slug(#[from] SlugError),
    #[error("archive and archives name the calendar's archive")]
    SlugReserved,
    #[error(transparent)]
    Text(#[from] TextError),
    #[error(transparent)]
    Description(#[from] DescriptionError),
    #[error(transparent)]
    When(#[from] WhenError),
    #[error(transparent)]
    TimeZone(#[from] TimeZoneError),
    #[error(transparent)]
    Status(#[from] StatusError),
    #[error(transparent)]
    Country(#[from] CountryError),
    #[error(transparent)]
    Url(#[from] WebsiteError),
    /// Some of the venue's name, city and country given, not all.
    #[error("give the venue's name, city and country together, or none of them")]
    VenuePartial,
    /// Neither a venue nor an online address.
    #[error("give a venue (venue_name, venue_city, venue_country), an online_url, or both")]
    NoPlace,
    /// The reference as `SignatoryRef::parse` explains it.
    #[error("{0}")]
    Signatory(String),
    /// A well-written reference to a signatory that does not exist.
    #[error("no such signatory")]
    SignatoryUnknown,
}

/// An event's fields as typed, in a CSV row or the back office's form:
/// each is parsed by its own type, the same way wherever it comes from.
/// An optional field left blank is absent; a blank time zone is
/// [`TimeZone::DEFAULT`], a blank status `scheduled`, a blank end the
/// start.
#[derive(Clone, Copy, Debug, Default)]
pub struct EventFields<'a> {
    pub slug: &'a str,
    pub title_fr: &'a str,
    pub title_en: &'a str,
    pub start: &'a str,
    pub end: &'a str,
    pub time_zone: &'a str,
    pub status: &'a str,
    pub venue_name: &'a str,
    pub venue_city: &'a str,
    pub venue_country: &'a str,
    pub online_url: &'a str,
    pub registration_url: &'a str,
    pub signatory: &'a str,
    pub description_fr: &'a str,
    pub description_en: &'a str,
}

impl EventFields<'_> {
    /// The event, or every field that is wrong, in the fields' order.
    pub fn parse(&self) -> Result<NewEvent, Vec<(EventField, EventFieldError)>> {
        use EventField as F;
        let mut errors = Vec::new();
        let slug = keep(&mut errors, F::Slug, event_slug(self.slug));
        let title_fr = keep(&mut errors, F::TitleFr, Title::parse(self.title_fr).map_err(EventFieldError::from));
        let title_en = keep(&mut errors, F::TitleEn, Title::parse(self.title_en).map_err(EventFieldError::from));
        let when = self.when(&mut errors);
        let zone = optional(self.time_zone).unwrap_or(TimeZone::DEFAULT);
        let time_zone = keep(&mut errors, F::TimeZone, TimeZone::parse(zone).map_err(EventFieldError::from));
        let status = keep(&mut errors, F::Status, Status::parse(self.status).map_err(EventFieldError::from));
        let venue = self.venue(&mut errors);
        let url = |text: &str| optional(text).map(Website::parse).transpose().map_err(EventFieldError::from);
        let online_url = keep(&mut errors, F::OnlineUrl, url(self.online_url));
        let registration_url = keep(&mut errors, F::RegistrationUrl, url(self.registration_url));
        if let (Some(None), Some(None)) = (&venue, &online_url) {
            errors.push((F::OnlineUrl, EventFieldError::NoPlace));
        }
        let signatory = keep(
            &mut errors,
            F::Signatory,
            optional(self.signatory).map(SignatoryRef::parse).transpose().map_err(EventFieldError::Signatory),
        );
        let description_fr =
            keep(&mut errors, F::DescriptionFr, Description::parse(self.description_fr).map_err(EventFieldError::from));
        let description_en =
            keep(&mut errors, F::DescriptionEn, Description::parse(self.description_en).map_err(EventFieldError::from));
        if !errors.is_empty() {
            // In the fields' order, whatever order they were found in.
            errors.sort_by_key(|(field, _)| EventField::ALL.iter().position(|f| f == field));
            return Err(errors);
        }
        let event = (|| {
            Some(NewEvent {
                slug: slug?,
                status: status?,
                title_fr: title_fr?,
                title_en: title_en?,
                description_fr: description_fr?,
                description_en: description_en?,
                when: when?,
                time_zone: time_zone?,
                venue: venue?,
                online_url: online_url?,
                registration_url: registration_url?,
                signatory: signatory?,
            })
        })();
        event.ok_or_else(|| vec![(F::Slug, EventFieldError::Slug(SlugError::Empty))])
    }

    /// When the event takes place. A start that is wrong on its own is the
    /// start's fault; otherwise the end's. (A time alone ends as it starts,
    /// which is not after it, but is a good start.)
    fn when(&self, errors: &mut Vec<(EventField, EventFieldError)>) -> Option<When> {
        match When::parse(self.start, "") {
            Ok(_) | Err(WhenError::EndNotAfter) => {
                keep(errors, EventField::End, When::parse(self.start, self.end).map_err(EventFieldError::from))
            }
            Err(error) => {
                errors.push((EventField::Start, error.into()));
                None
            }
        }
    }

    /// The venue: none, or all three parts (each missing part says so).
    /// `None` when a part is wrong; `Some(None)` when there is no venue.
    fn venue(&self, errors: &mut Vec<(EventField, EventFieldError)>) -> Option<Option<Venue>> {
        use EventField as F;
        match (optional(self.venue_name), optional(self.venue_city), optional(self.venue_country)) {
            (None, None, None) => Some(None),
            (Some(name), Some(city), Some(country)) => {
                let name = keep(errors, F::VenueName, Title::parse(name).map_err(EventFieldError::from));
                let city = keep(errors, F::VenueCity, Title::parse(city).map_err(EventFieldError::from));
                let country = keep(errors, F::VenueCountry, Country::parse(country).map_err(EventFieldError::from));
                match (name, city, country) {
                    (Some(name), Some(city), Some(country)) => {
                        Some(Some(Venue { name: name.as_str().to_owned(), city: city.as_str().to_owned(), country }))
                    }
                    _ => None,
                }
            }
            (name, city, country) => {
                // Each missing part of the venue says so.
                for (field, part) in [(F::VenueName, name), (F::VenueCity, city), (F::VenueCountry, country)] {
                    if part.is_none() {
                        errors.push((field, EventFieldError::VenuePartial));
                    }
                }
                None
            }
        }
    }
}

/// An event's slug: a slug, and not one of the calendar's own words.
fn event_slug(text: &str) -> Result<Slug, EventFieldError> {
    let slug = Slug::parse_at_most(text.trim(), SLUG_MAX_CHARS)?;
    if RESERVED_SLUGS.contains(&slug.as_str()) { Err(EventFieldError::SlugReserved) } else { Ok(slug) }
}

/// An optional field: absent when left blank.
fn optional(text: &str) -> Option<&str> {
    Some(text.trim()).filter(|t| !t.is_empty())
}

/// A field's value, or `None` with its error kept.
fn keep<T>(
    errors: &mut Vec<(EventField, EventFieldError)>,
    field: EventField,
    result: Result<T, EventFieldError>,
) -> Option<T> {
    result.map_err(|error| errors.push((field, error))).ok()
}

impl NewEvent {
    /// A field as the CSV writes it (empty when absent).
    pub fn field_text(&self, field: EventField) -> String {
        let url = |url: &Option<Website>| url.as_ref().map_or_else(String::new, |u| u.as_str().to_owned());
        let venue = |part: fn(&Venue) -> String| self.venue.as_ref().map_or_else(String::new, part);
        match field {
            EventField::Slug => self.slug.to_string(),
            EventField::TitleFr => self.title_fr.as_str().to_owned(),
            EventField::TitleEn => self.title_en.as_str().to_owned(),
            EventField::Start => self.when.to_strings().0,
            EventField::End => self.when.to_strings().1,
            EventField::TimeZone => self.time_zone.name().to_owned(),
            EventField::Status => self.status.as_str().to_owned(),
            EventField::VenueName => venue(|v| v.name.clone()),
            EventField::VenueCity => venue(|v| v.city.clone()),
            EventField::VenueCountry => venue(|v| v.country.code().to_owned()),
            EventField::OnlineUrl => url(&self.online_url),
            EventField::RegistrationUrl => url(&self.registration_url),
            EventField::Signatory => self.signatory.as_ref().map(ToString::to_string).unwrap_or_default(),
            EventField::DescriptionFr => self.description_fr.as_str().to_owned(),
            EventField::DescriptionEn => self.description_en.as_str().to_owned(),
        }
    }

    /// What changed from this to `other`, for the audit log:
    /// `start: "2026-12-03" → "2027-01-14"; status: "scheduled" → "postponed"`.
    /// A description is said to have changed, not quoted.
    pub fn describe_changes(&self, other: &NewEvent) -> String {
        EventField::ALL
            .into_iter()
            .filter(|field| self.field_text(*field) != other.field_text(*field))
            .map(|field| match field {
                EventField::DescriptionFr | EventField::DescriptionEn => format!("{}: changed", field.column()),
                _ => format!("{}: {:?} → {:?}", field.column(), self.field_text(field), other.field_text(field)),
            })
            .collect::<Vec<_>>()
            .join("; ")
    }
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
mod tests {
    use super::*;
    use time::macros::{date, datetime};

    #[test]
    fn when_is_days_or_times() {
        assert_eq!(
            When::parse("2026-12-03", "2026-12-05"),
            Ok(When::AllDay { first: date!(2026 - 12 - 03), last: date!(2026 - 12 - 05) })
        );
        assert_eq!(
            When::parse("2026-12-03", ""),
            Ok(When::AllDay { first: date!(2026 - 12 - 03), last: date!(2026 - 12 - 03) })
        );
        assert_eq!(
            When::parse("2026-12-03T14:30", "2026-12-03 17:00"),
            Ok(When::Timed { starts: datetime!(2026-12-03 14:30), ends: datetime!(2026-12-03 17:00) })
        );
        assert!(When::parse("2026-12-05", "2026-12-03").is_err());
        assert!(When::parse("2026-12-03T14:30", "2026-12-03T14:30").is_err());
        assert!(When::parse("2026-12-03", "2026-12-03T17:00").is_err());
        assert!(When::parse("tomorrow", "").is_err());
        assert!(When::parse("2026-02-30", "").is_err());
        assert!(When::parse("2026-12-03T25:00", "").is_err());
    }

    #[test]
    fn time_zones_place_local_times() {
        let paris = TimeZone::parse("Europe/Paris").expect("zone");
        assert_eq!(paris.instant(datetime!(2026-12-03 14:30)), datetime!(2026-12-03 13:30 UTC));
        assert_eq!(paris.instant(datetime!(2026-07-03 14:30)), datetime!(2026-07-03 12:30 UTC));
        assert_eq!(paris.offset_at(datetime!(2026-07-03 12:30 UTC)).whole_hours(), 2);
        assert!(TimeZone::parse("Mars/Olympus").is_err());
        assert!(TimeZone::parse("").is_err());
    }

    #[test]
    fn fields_say_which_is_wrong() {
        use EventField as F;
        let fields = EventFields {
            slug: "forum",
            title_fr: "Forum",
            title_en: " ",
            start: "2026-12-05T10:00",
            end: "2026-12-05T09:00",
            venue_name: "Hall",
            venue_country: "XX",
            online_url: "ftp://example.org",
            ..EventFields::default()
        };
        let errors = fields.parse().expect_err("bad fields");
        assert_eq!(
            errors,
            [
                (F::TitleEn, EventFieldError::Text(TextError::Empty)),
                (F::End, EventFieldError::When(WhenError::EndNotAfter)),
                (F::VenueCity, EventFieldError::VenuePartial),
                (F::OnlineUrl, EventFieldError::Url(WebsiteError)),
            ]
        );
        let bad_start = EventFields { start: "2026-02-30", ..fields };
        let errors = bad_start.parse().expect_err("bad start");
        assert!(errors.iter().any(|(f, e)| *f == F::Start && matches!(e, EventFieldError::When(WhenError::Format(_)))));
        let nowhere = EventFields {
            slug: "archives",
            title_fr: "A",
            title_en: "A",
            start: "2026-12-05",
            ..EventFields::default()
        };
        assert_eq!(
            nowhere.parse().expect_err("no place"),
            [(F::Slug, EventFieldError::SlugReserved), (F::OnlineUrl, EventFieldError::NoPlace)]
        );
        let good = EventFields { slug: "a", online_url: "https://example.org/live", ..nowhere };
        let event = good.parse().expect("good fields");
        assert_eq!(event.time_zone.name(), TimeZone::DEFAULT);
        assert_eq!(event.status, Status::Scheduled);
        let optional = [
            F::VenueName,
            F::VenueCity,
            F::VenueCountry,
            F::RegistrationUrl,
            F::Signatory,
            F::DescriptionFr,
            F::DescriptionEn,
        ];
        for field in EventField::ALL {
            assert_eq!(event.field_text(field).is_empty(), optional.contains(&field), "{field:?}");
        }
    }

    #[test]
    fn slugs_come_from_titles() {
        let slugs = |title: &str| {
            slug_candidates(&Title::parse(title).expect("title")).take(3).map(|s| s.to_string()).collect::<Vec<_>>()
        };
        assert_eq!(
            slugs("Forum des villes, 2027 !"),
            ["forum-des-villes-2027", "forum-des-villes-2027-2", "forum-des-villes-2027-3"]
        );
        assert_eq!(slugs("Archives"), ["archives-2", "archives-3", "archives-4"]);
        assert_eq!(slugs("«\u{a0}—\u{a0}»"), ["event", "event-2", "event-3"]);
        let long = slugs(&"Très long titre ".repeat(12));
        assert!(long.iter().all(|s| s.len() <= SLUG_MAX_CHARS), "{long:?}");
    }

    #[test]
    fn descriptions_have_one_kind_of_line_break() {
        let parsed = |text: &str| Description::parse(text).map(|d| d.0);
        assert_eq!(parsed("a\rb"), Ok("a\nb".into()));
        assert_eq!(parsed("a\r\nb"), Ok("a\nb".into()));
        assert_eq!(parsed("```\r\na\rb\r```\r"), Ok("```\na\nb\n```".into()));
        assert_eq!(parsed(" \r\n\r "), Ok(String::new()));
        assert_eq!(parsed("a\tb"), Ok("a\tb".into()));
        assert_eq!(parsed("a\u{0}b"), Err(DescriptionError::ControlCharacter));
        assert_eq!(parsed("a\u{85}b"), Err(DescriptionError::ControlCharacter));
        // A line break is one character, however it was typed.
        assert!(Description::parse(&format!("a{}", "\r\nb".repeat(9_999))).is_ok());
    }

    #[test]
    fn signatory_references() {
        let r = SignatoryRef::parse("Région de Bruxelles-Capitale (be)").expect("ref");
        assert_eq!(r.to_string(), "Région de Bruxelles-Capitale (BE)");
        assert!(SignatoryRef::parse("Strasbourg").is_err());
        assert!(SignatoryRef::parse("Strasbourg (XX)").is_err());
    }
}
