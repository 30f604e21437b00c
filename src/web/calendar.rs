//! The calendar of events: upcoming events by month, a paginated archive,
//! a page per event, and the iCalendar feeds.

use askama::Template;
use axum::{
    http::{HeaderMap, HeaderValue, header},
    response::Response,
};
use serde::Deserialize;
use serde_json::json;
use time::Duration;
use url::form_urlencoded;

use super::{
    AppState, cache, directory,
    error::AppError,
    listing::{self, Choice, Pagination},
    page::{Page, PageContext, render_remembering},
};
use crate::{
    domain::{
        Country, Event, Slug,
        event::{Attendance, Status, When},
    },
    formats::ical,
    store::{EventFilter, Mode},
    text::collate,
    text::i18n::{Arg, Lang, Tr},
    text::markdown,
};

/// Past events on one page of the archive.
const ARCHIVE_PAGE_SIZE: i64 = 20;
/// Upcoming events the calendar lists at most.
const UPCOMING_LIMIT: i64 = 500;

/// The calendar's query string.
#[derive(Debug, Default, Deserialize)]
pub struct CalendarQuery {
    year: Option<String>,
    country: Option<String>,
    mode: Option<String>,
    page: Option<String>,
}

impl CalendarQuery {
    fn parse(&self) -> Result<(EventFilter, i64), AppError> {
        let present =
            |field: &Option<String>| field.as_deref().map(str::trim).filter(|v| !v.is_empty()).map(str::to_owned);
        let year = present(&self.year)
            .map(|y| y.parse::<i32>().ok().filter(|y| (1900..=2200).contains(y)).ok_or(AppError::BadFilter))
            .transpose()?;
        let country =
            present(&self.country).map(|c| Country::parse(&c)).transpose().map_err(|_| AppError::BadFilter)?;
        let mode = present(&self.mode).map(|m| Mode::parse(&m).ok_or(AppError::BadFilter)).transpose()?;
        let page = match present(&self.page) {
            None => 1,
            Some(page) => {
                page.parse::<i64>().ok().filter(|p| (1..=1_000_000).contains(p)).ok_or(AppError::BadFilter)?
            }
        };
        Ok((EventFilter { year, country, mode }, page))
    }
}

fn query_string(filter: &EventFilter, page: i64) -> String {
    let mut query = form_urlencoded::Serializer::new(String::new());
    if let Some(year) = filter.year {
        query.append_pair("year", &year.to_string());
    }
    if let Some(country) = filter.country {
        query.append_pair("country", country.code());
    }
    if let Some(mode) = filter.mode {
        query.append_pair("mode", mode.as_str());
    }
    if page > 1 {
        query.append_pair("page", &page.to_string());
    }
    let query = query.finish();
    if query.is_empty() { query } else { format!("?{query}") }
}

/// When an event takes place, written the language's way.
pub fn when_text(tr: &Tr, event: &Event) -> String {
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

/// Where an event takes place: "Palais de l’Europe, Strasbourg, France", "En ligne"…
fn place_text(tr: &Tr, event: &Event) -> String {
    let e = &event.details;
    let venue = e.venue.as_ref().map(|v| format!("{}, {}, {}", v.name, v.city, tr.t(&v.country.message_id())));
    match (venue, e.attendance()) {
        (Some(place), Attendance::Hybrid) => tr.format("event-place-and-online", &[("place", Arg::Text(place.into()))]),
        (Some(place), _) => place,
        (None, _) => tr.t("event-online"),
    }
}

/// The status label and class of an event that is not taking place as planned.
fn status(tr: &Tr, event: &Event) -> Option<(&'static str, String)> {
    match event.details.status {
        Status::Scheduled => None,
        Status::Postponed => Some(("postponed", tr.t("event-status-postponed"))),
        Status::Cancelled => Some(("cancelled", tr.t("event-status-cancelled"))),
    }
}

/// An event in a list.
pub struct EventCard {
    pub href: String,
    pub title: String,
    pub when: String,
    pub place: String,
    pub status: Option<(&'static str, String)>,
}

impl EventCard {
    pub fn new(tr: &Tr, event: &Event) -> EventCard {
        let lang = tr.lang();
        EventCard {
            href: Page::Event { slug: event.details.slug.to_string() }.path(lang),
            title: event.details.title(lang).as_str().to_owned(),
            when: when_text(tr, event),
            place: place_text(tr, event),
            status: status(tr, event),
        }
    }
}

/// Events of one month, under the month's name.
pub struct Month {
    pub id: String,
    pub label: String,
    pub events: Vec<EventCard>,
}

fn by_month(tr: &Tr, events: &[Event]) -> Vec<Month> {
    let mut months: Vec<Month> = Vec::new();
    for event in events {
        let first_day = match event.details.when {
            When::AllDay { first, .. } => first,
            When::Timed { starts, .. } => starts.date(),
        };
        let id = format!("month-{}-{:02}", first_day.year(), u8::from(first_day.month()));
        if months.last().is_none_or(|m| m.id != id) {
            months.push(Month { label: tr.month_year(first_day.year(), first_day.month()), id, events: Vec::new() });
        }
        if let Some(month) = months.last_mut() {
            month.events.push(EventCard::new(tr, event));
        }
    }
    months
}

/// The filter form's choices.
async fn choices(
    state: &AppState,
    tr: &Tr,
    filter: &EventFilter,
) -> Result<(Vec<Choice>, Vec<Choice>, Vec<Choice>), AppError> {
    let (years, countries) = state.store.event_facets().await?;
    let years = years
        .into_iter()
        .map(|y| Choice { value: y.to_string(), label: y.to_string(), selected: filter.year == Some(y) })
        .collect();
    let mut countries: Vec<Choice> = countries
        .into_iter()
        .map(|c| Choice {
            value: c.code().to_owned(),
            label: tr.t(&c.message_id()),
            selected: filter.country == Some(c),
        })
        .collect();
    countries.sort_by(|a, b| collate::compare(&a.label, &b.label));
    let modes = [(Mode::InPerson, "calendar-mode-in-person"), (Mode::Online, "calendar-mode-online")]
        .into_iter()
        .map(|(mode, label)| Choice {
            value: mode.as_str().into(),
            label: tr.t(label),
            selected: filter.mode == Some(mode),
        })
        .collect();
    Ok((years, countries, modes))
}

/// The webcal:// address of a feed, for calendar apps to subscribe to.
fn webcal(base_url: &str, path: &str) -> String {
    let rest = base_url.split_once("://").map_or(base_url, |(_, rest)| rest);
    format!("webcal://{rest}{path}")
}

#[derive(Template)]
#[template(path = "calendar.html")]
struct CalendarPage {
    ctx: PageContext,
    archive: bool,
    title: String,
    lead: String,
    months: Vec<Month>,
    none: String,
    years: Vec<Choice>,
    countries: Vec<Choice>,
    modes: Vec<Choice>,
    filtered: bool,
    action: String,
    other_href: String,
    other_label: String,
    webcal: String,
    feed: String,
    pagination: Option<Pagination>,
}

/// `/fr/calendrier` and `/fr/calendrier/archives`.
pub async fn show(
    state: &AppState,
    lang: Lang,
    archive: bool,
    query: &CalendarQuery,
    cookie: Option<Lang>,
) -> Result<Response, AppError> {
    let (filter, page) = query.parse()?;
    let now = state.config.clock.now();
    let (events, pages) = if archive {
        let (events, total) =
            state.store.past_events(&filter, now, ARCHIVE_PAGE_SIZE, (page - 1) * ARCHIVE_PAGE_SIZE).await?;
        let pages = ((total + ARCHIVE_PAGE_SIZE - 1) / ARCHIVE_PAGE_SIZE).max(1);
        (events, pages)
    } else {
        if page > 1 {
            return Err(AppError::NotFound);
        }
        (state.store.upcoming_events(&filter, now, UPCOMING_LIMIT).await?, 1)
    };
    if page > pages {
        return Err(AppError::NotFound);
    }
    let (this, other, title_id) = if archive {
        (Page::CalendarArchive, Page::Calendar, "calendar-archive-title")
    } else {
        (Page::Calendar, Page::CalendarArchive, "calendar-title")
    };
    let ctx = PageContext::for_page(state, lang, this.clone(), &state.locales.format(lang, title_id, None));
    let tr = ctx.tr.clone();
    let (years, countries, modes) = choices(state, &tr, &filter).await?;
    let href = |p: i64| format!("{}{}", this.path(lang), query_string(&filter, p));
    let feed = Page::calendar_feed_path(lang);
    let template = CalendarPage {
        archive,
        title: tr.t(title_id),
        lead: tr.t(if archive { "calendar-archive-lead" } else { "calendar-lead" }),
        months: by_month(&tr, &events),
        none: tr.t(if archive { "calendar-none-past" } else { "calendar-none-upcoming" }),
        years,
        countries,
        modes,
        filtered: !filter.is_empty(),
        action: this.path(lang),
        other_href: format!("{}{}", other.path(lang), query_string(&filter, 1)),
        other_label: tr.t(if archive { "calendar-back" } else { "calendar-archive-link" }),
        webcal: webcal(&state.config.base_url, &feed),
        feed,
        pagination: Pagination::new(&tr, &listing::PAGES, page, pages, href),
        ctx,
    };
    render_remembering(&template, lang, cookie)
}

#[derive(Template)]
#[template(path = "event.html")]
struct EventPage {
    ctx: PageContext,
    title: String,
    status: Option<(&'static str, String)>,
    notice: Option<String>,
    when: String,
    start_iso: String,
    time_zone: Option<String>,
    venue: Option<String>,
    online_url: Option<String>,
    registration_url: Option<String>,
    signatory: Option<(String, String)>,
    description: String,
    ics_href: String,
    back_href: String,
    json_ld: String,
}

/// The instant or day as schema.org and HTML `<time>` want it.
fn iso(event: &Event, end: bool) -> String {
    let e = &event.details;
    match e.when {
        When::AllDay { first, last } => crate::domain::date::format(if end { last } else { first }),
        When::Timed { .. } => {
            let at = if end { e.ends_at() } else { e.starts_at() };
            let local = at.to_offset(e.time_zone.offset_at(at));
            local.format(&time::format_description::well_known::Rfc3339).unwrap_or_default()
        }
    }
}

/// schema.org Event data for search engines, safe inside a `<script>` element.
fn json_ld(state: &AppState, tr: &Tr, event: &Event, url: &str) -> String {
    let e = &event.details;
    let lang = tr.lang();
    let mut locations = Vec::new();
    if let Some(venue) = &e.venue {
        locations.push(json!({
            "@type": "Place",
            "name": venue.name,
            "address": { "@type": "PostalAddress", "addressLocality": venue.city, "addressCountry": venue.country.code() },
        }));
    }
    if let Some(online) = &e.online_url {
        locations.push(json!({ "@type": "VirtualLocation", "url": online.as_str() }));
    }
    let data = json!({
        "@context": "https://schema.org",
        "@type": "Event",
        "name": e.title(lang).as_str(),
        "description": e.description(lang).as_str(),
        "startDate": iso(event, false),
        "endDate": iso(event, true),
        "eventStatus": match e.status {
            Status::Scheduled => "https://schema.org/EventScheduled",
            Status::Postponed => "https://schema.org/EventPostponed",
            Status::Cancelled => "https://schema.org/EventCancelled",
        },
        "eventAttendanceMode": match e.attendance() {
            Attendance::InPerson => "https://schema.org/OfflineEventAttendanceMode",
            Attendance::Online => "https://schema.org/OnlineEventAttendanceMode",
            Attendance::Hybrid => "https://schema.org/MixedEventAttendanceMode",
        },
        "location": locations,
        "url": url,
        "inLanguage": lang.code(),
        "organizer": { "@type": "Organization", "name": tr.t("congress-name"), "url": format!("{}/", state.config.base_url) },
    });
    // "</script>" or "<!--" inside a string must not end the element.
    data.to_string().replace('<', "\\u003c").replace('>', "\\u003e").replace('&', "\\u0026")
}

fn find_slug(item: &str) -> Result<Slug, AppError> {
    Slug::parse(item).map_err(|_| AppError::NotFound)
}

/// `/fr/calendrier/{slug}`: an event's page.
pub async fn event(state: &AppState, lang: Lang, item: &str, cookie: Option<Lang>) -> Result<Response, AppError> {
    let slug = find_slug(item)?;
    let event = state.store.event(&slug).await?.ok_or(AppError::NotFound)?;
    let e = &event.details;
    let title = e.title(lang).as_str().to_owned();
    let page = Page::Event { slug: slug.to_string() };
    let url = format!("{}{}", state.config.base_url, page.path(lang));
    let ctx = PageContext::for_page(state, lang, page, &title);
    let tr = ctx.tr.clone();
    let time_zone = match e.when {
        When::Timed { .. } => {
            let offset = e.time_zone.offset_at(e.starts_at());
            let (hours, minutes, _) = offset.as_hms();
            let offset =
                format!("{}{:02}:{:02}", if offset.is_negative() { '-' } else { '+' }, hours.abs(), minutes.abs());
            Some(tr.format(
                "event-time-zone",
                &[("zone", Arg::Text(e.time_zone.name().to_owned().into())), ("offset", Arg::Text(offset.into()))],
            ))
        }
        When::AllDay { .. } => None,
    };
    let signatory = match event.signatory_id {
        Some(id) => state.store.signatory(id).await?.map(|signatory| {
            (directory::signatory_page(&signatory).path(lang), signatory.details.display_name(lang).to_string())
        }),
        None => None,
    };
    let template = EventPage {
        status: status(&tr, &event),
        notice: match e.status {
            Status::Scheduled => None,
            Status::Postponed => Some(tr.t("event-postponed-notice")),
            Status::Cancelled => Some(tr.t("event-cancelled-notice")),
        },
        when: when_text(&tr, &event),
        start_iso: iso(&event, false),
        time_zone,
        venue: e.venue.as_ref().map(|v| format!("{}, {}, {}", v.name, v.city, tr.t(&v.country.message_id()))),
        online_url: e.online_url.as_ref().map(|u| u.as_str().to_owned()),
        registration_url: e.registration_url.as_ref().map(|u| u.as_str().to_owned()),
        signatory,
        description: markdown::to_html(e.description(lang).as_str()),
        ics_href: format!("{}.ics", Page::Event { slug: slug.to_string() }.path(lang)),
        back_href: Page::Calendar.path(lang),
        json_ld: json_ld(state, &tr, &event, &url),
        title,
        ctx,
    };
    render_remembering(&template, lang, cookie)
}

/// The next few events, for the home page.
pub async fn next(state: &AppState, tr: &Tr, count: i64) -> Result<Vec<EventCard>, AppError> {
    let events = state.store.upcoming_events(&EventFilter::default(), state.config.clock.now(), count).await?;
    Ok(events.iter().map(|event| EventCard::new(tr, event)).collect())
}

const ICS_TYPE: &str = "text/calendar; charset=utf-8";
const ICS_CACHE: &str = "public, max-age=300";

fn site<'a>(state: &'a AppState, tr: &'a Tr, event_path: &'a dyn Fn(&str) -> String) -> ical::Site<'a> {
    ical::Site { tr, base_url: &state.config.base_url, event_path }
}

/// `/fr/calendrier.ics`: every event that ended less than a year ago.
pub async fn feed(state: &AppState, lang: Lang, request: &HeaderMap) -> Result<Response, AppError> {
    let events = state.store.events_since(state.config.clock.now() - Duration::days(365)).await?;
    let tr = Tr::new(lang, state.locales.clone());
    let path = |slug: &str| Page::Event { slug: slug.to_owned() }.path(lang);
    let body = ical::calendar(&events, &site(state, &tr, &path));
    Ok(cache::respond(request, ICS_TYPE, ICS_CACHE, body.into_bytes(), None))
}

/// `/fr/calendrier/{slug}.ics`: one event, to add to a calendar.
pub async fn event_ics(state: &AppState, lang: Lang, item: &str, request: &HeaderMap) -> Result<Response, AppError> {
    let slug = find_slug(item)?;
    let event = state.store.event(&slug).await?.ok_or(AppError::NotFound)?;
    let tr = Tr::new(lang, state.locales.clone());
    let path = |slug: &str| Page::Event { slug: slug.to_owned() }.path(lang);
    let body = ical::single(&event, &site(state, &tr, &path));
    let mut response = cache::respond(request, ICS_TYPE, ICS_CACHE, body.into_bytes(), None);
    if let Ok(value) = HeaderValue::from_str(&format!("attachment; filename=\"{slug}.ics\"")) {
        response.headers_mut().insert(header::CONTENT_DISPOSITION, value);
    }
    Ok(response)
}
