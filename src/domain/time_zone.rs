//! Time zones by their IANA names (`Europe/Paris`): an event's, and the
//! secretariat's, in which the back office shows and reads every time.

use time::{Date, OffsetDateTime, PrimitiveDateTime, UtcOffset};

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

    /// Every zone's name the site knows, in alphabetical order: the
    /// choices of a drop-down list.
    pub fn names() -> Vec<String> {
        let mut names: Vec<String> = jiff::tz::db()
            .available()
            .map(|name| name.to_string())
            // The canonical "Area/City" names, not the old aliases
            // ("US/Eastern", "Etc/GMT+5", "CET") a person would not look for.
            .filter(|name| name.contains('/') && !name.starts_with("Etc/") && !name.starts_with("SystemV/"))
            .collect();
        names.push("UTC".to_owned());
        names.sort();
        names.dedup();
        names
    }

    /// An instant as this zone's clocks show it.
    pub fn local(&self, instant: OffsetDateTime) -> OffsetDateTime {
        instant.to_offset(self.offset_at(instant))
    }

    /// The day it is in this zone at an instant.
    pub fn today(&self, now: OffsetDateTime) -> Date {
        self.local(now).date()
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
