//! iCalendar (RFC 5545) for the calendar's feeds and for each event's
//! "add to my calendar" file, built with the `icalendar` crate, which
//! escapes text values and folds lines at 75 octets on character
//! boundaries with CRLF line ends.

use icalendar::{Calendar, Component, EventLike, EventStatus, Property};
use time::{OffsetDateTime, format_description::BorrowedFormatItem, macros::format_description};

use crate::{
    domain::{
        Event,
        event::{Status, When},
    },
    text::{i18n::Tr, markdown},
};

const UTC_FORMAT: &[BorrowedFormatItem<'static>] = format_description!("[year][month][day]T[hour][minute][second]Z");
const DATE_FORMAT: &[BorrowedFormatItem<'static>] = format_description!("[year][month][day]");

fn utc(at: OffsetDateTime) -> String {
    at.to_offset(time::UtcOffset::UTC).format(UTC_FORMAT).unwrap_or_default()
}

/// The UID of an event: stable across edits and across the two languages'
/// feeds, since the slug never changes.
pub fn uid(event: &Event) -> String {
    format!("{}@oneinfive", event.details.slug)
}

/// What a feed or a file needs to know about the site.
pub struct Site<'a> {
    pub tr: &'a Tr,
    pub base_url: &'a str,
    /// The event page's address for a slug, e.g. `/fr/calendrier/forum`.
    pub event_path: &'a dyn Fn(&str) -> String,
}

fn vevent(event: &Event, site: &Site<'_>) -> icalendar::Event {
    let lang = site.tr.lang();
    let e = &event.details;
    let url = format!("{}{}", site.base_url, (site.event_path)(e.slug.as_str()));
    let mut vevent = icalendar::Event::new();
    vevent.uid(&uid(event));
    vevent.add_property("DTSTAMP", utc(event.updated_at));
    vevent.add_property("CREATED", utc(event.created_at));
    vevent.add_property("LAST-MODIFIED", utc(event.updated_at));
    match e.when {
        When::AllDay { first, last } => {
            let end = last + time::Duration::days(1);
            vevent.append_property(
                Property::new("DTSTART", first.format(DATE_FORMAT).unwrap_or_default())
                    .add_parameter("VALUE", "DATE")
                    .done(),
            );
            vevent.append_property(
                Property::new("DTEND", end.format(DATE_FORMAT).unwrap_or_default())
                    .add_parameter("VALUE", "DATE")
                    .done(),
            );
        }
        When::Timed { .. } => {
            vevent.add_property("DTSTART", utc(e.starts_at()));
            vevent.add_property("DTEND", utc(e.ends_at()));
        }
    }
    let title = e.title(lang).as_str();
    if event.sample {
        vevent.summary(&format!("{} {title}", site.tr.t("sample-feed-prefix")));
    } else {
        vevent.summary(title);
    }
    let description = markdown::to_plain_text(e.description(lang).as_str());
    let description = if description.is_empty() { url.clone() } else { format!("{description}\n\n{url}") };
    vevent.description(&description);
    let mut places = Vec::new();
    if let Some(venue) = &e.venue {
        places.push(format!("{}, {}, {}", venue.name, venue.city, site.tr.t(&venue.country.message_id())));
    }
    if let Some(online) = &e.online_url {
        places.push(online.as_str().to_owned());
    }
    if !places.is_empty() {
        vevent.location(&places.join(" / "));
    }
    vevent.url(&url);
    vevent.sequence(u32::try_from(event.sequence).unwrap_or(0));
    vevent.status(match e.status {
        Status::Scheduled => EventStatus::Confirmed,
        Status::Postponed => EventStatus::Tentative,
        Status::Cancelled => EventStatus::Cancelled,
    });
    vevent.done()
}

/// A calendar of events, named for the campaign, in one language.
pub fn calendar(events: &[Event], site: &Site<'_>) -> String {
    let lang = site.tr.lang();
    let mut calendar = Calendar::empty();
    calendar.append_property(Property::new("VERSION", "2.0"));
    calendar.append_property(Property::new(
        "PRODID",
        format!("-//Council of Europe Congress//oneinfive//{}", lang.code().to_uppercase()),
    ));
    calendar.append_property(Property::new("CALSCALE", "GREGORIAN"));
    calendar.name(&site.tr.t("calendar-feed-name"));
    let mut description = site.tr.t("calendar-feed-description");
    if events.iter().any(|event| event.sample) {
        description = format!("{description} {}", site.tr.t("sample-feed-note"));
    }
    calendar.description(&description);
    calendar.append_property(Property::new("REFRESH-INTERVAL", "PT6H").add_parameter("VALUE", "DURATION").done());
    calendar.append_property(Property::new("X-PUBLISHED-TTL", "PT6H"));
    for event in events {
        calendar.push(vevent(event, site));
    }
    calendar.done().to_string()
}

/// The language's feed of one event, for "add to my calendar".
pub fn single(event: &Event, site: &Site<'_>) -> String {
    calendar(std::slice::from_ref(event), site)
}
