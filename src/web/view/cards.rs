//! Items as lists show them — a news item's card, an event's card — and
//! the wording of an event's time, place and status, shared by the home
//! page, the lists and the items' own pages.

use time::{OffsetDateTime, format_description::well_known::Rfc3339};

use crate::{
    domain::{
        Event,
        event::{Attendance, Status, When},
        news::NewsEntry,
    },
    text::{
        i18n::{Arg, Tr},
        markdown,
    },
    web::{
        paths::{self, Page},
        view::typed::Mixed,
    },
};

/// An instant as HTML's `datetime` attribute wants it.
pub fn datetime_attr(at: OffsetDateTime) -> String {
    at.format(&Rfc3339).unwrap_or_default()
}

/// A news item as a list shows it.
pub struct NewsCard {
    pub href: String,
    pub title: String,
    pub date: String,
    pub datetime: String,
    /// Sanitised HTML.
    pub summary: String,
    /// "Exemple" / "Sample" for an item of the sample data.
    pub sample_label: Option<String>,
}

impl NewsCard {
    pub fn new(tr: &Tr, entry: &NewsEntry) -> NewsCard {
        let local = entry.published.local();
        NewsCard {
            href: Page::NewsItem { slug: entry.slug.to_string() }.path(tr.lang()),
            title: entry.title.clone(),
            date: tr.date(local.date()),
            datetime: datetime_attr(local),
            summary: markdown::to_html(&entry.summary),
            sample_label: entry.sample.then(|| tr.t("sample-label")),
        }
    }
}

/// When an event takes place, written the language's way: for an event
/// postponed to a date not yet known, that it is to be announced (with the
/// dates first planned).
pub fn event_when(tr: &Tr, event: &Event) -> String {
    let planned = planned_when(tr, event);
    if event.details.date_unknown {
        tr.format("event-date-to-be-announced", &[("planned", Arg::Text(planned.into()))])
    } else {
        planned
    }
}

/// The dates an event is stored at, written the language's way.
fn planned_when(tr: &Tr, event: &Event) -> String {
    match event.details.when {
        When::AllDay { first, last } if first == last => tr.weekday_date(first),
        When::AllDay { first, last } => tr.format(
            "event-days",
            &[("first", Arg::Text(tr.weekday_date(first).into())), ("last", Arg::Text(tr.weekday_date(last).into()))],
        ),
        When::Timed { starts, ends } if starts.date() == ends.date() => tr.format(
            "event-times-same-day",
            &[
                ("date", Arg::Text(tr.weekday_date(starts.date()).into())),
                ("start", Arg::Text(tr.time_of_day(starts.time()).into())),
                ("end", Arg::Text(tr.time_of_day(ends.time()).into())),
            ],
        ),
        When::Timed { starts, ends } => tr.format(
            "event-times-range",
            &[
                ("start-date", Arg::Text(tr.weekday_date(starts.date()).into())),
                ("start", Arg::Text(tr.time_of_day(starts.time()).into())),
                ("end-date", Arg::Text(tr.weekday_date(ends.date()).into())),
                ("end", Arg::Text(tr.time_of_day(ends.time()).into())),
            ],
        ),
    }
}

/// An event's venue: "Palais de l’Europe, Strasbourg, France", the
/// venue's name and city as typed.
pub fn event_venue(tr: &Tr, event: &Event) -> Option<Mixed> {
    event.details.venue.as_ref().map(|v| {
        Mixed::typed(v.name.as_str())
            .and_words(", ")
            .and_typed(v.city.as_str())
            .and_words(format!(", {}", tr.t(&v.country.message_id())))
    })
}

/// Where an event takes place: its venue, "En ligne", or both.
fn event_place(tr: &Tr, event: &Event) -> Mixed {
    match (event_venue(tr, event), event.details.attendance()) {
        (Some(place), Attendance::Hybrid) => Mixed::message(tr, "event-place-and-online", &[], "place", place),
        (Some(place), _) => place,
        (None, _) => Mixed::words(tr.t("event-online")),
    }
}

/// The status label and class of an event that is not taking place as planned.
pub fn event_status(tr: &Tr, event: &Event) -> Option<(&'static str, String)> {
    match event.details.status {
        Status::Scheduled => None,
        Status::Postponed if event.details.date_unknown => {
            Some(("postponed", tr.t("event-status-postponed-date-unknown")))
        }
        Status::Postponed => Some(("postponed", tr.t("event-status-postponed"))),
        Status::Cancelled => Some(("cancelled", tr.t("event-status-cancelled"))),
    }
}

/// An event in a list.
pub struct EventCard {
    pub href: String,
    pub title: String,
    pub when: String,
    pub place: Mixed,
    pub status: Option<(&'static str, String)>,
    /// "Exemple" / "Sample" for an event of the sample data.
    pub sample_label: Option<String>,
}

impl EventCard {
    pub fn new(tr: &Tr, event: &Event) -> EventCard {
        let lang = tr.lang();
        EventCard {
            href: paths::event_page(&event.details).path(lang),
            title: event.details.title(lang).as_str().to_owned(),
            when: event_when(tr, event),
            place: event_place(tr, event),
            status: event_status(tr, event),
            sample_label: event.sample.then(|| tr.t("sample-label")),
        }
    }
}
