//! The calendar of events: upcoming events by month, a paginated archive,
//! and the language's iCalendar feed. An event's own page: `handlers::event`.

use askama::Template;
use axum::{extract::State, http::HeaderMap, response::Response};
use time::Duration;
use url::form_urlencoded;

use crate::{
    domain::{Event, NewEvent, event::When},
    formats::ical,
    store::{EventFilter, Mode},
    text::{
        collate,
        i18n::{Lang, Tr},
    },
    web::{
        error::AppError,
        extract::{PageLanguages, PathLang},
        page_cache::PageQuery,
        paths::{self, Page},
        state::AppState,
        view::{
            PageContext,
            calendar::{CalendarQuery, ical_site, ics_response},
            cards::EventCard,
            listing::{self, Choice, Pagination, pages_through},
            render_remembering,
        },
    },
};

/// Past events on one page of the archive.
const ARCHIVE_PAGE_SIZE: i64 = 20;
/// Upcoming events the calendar lists at most.
const UPCOMING_LIMIT: i64 = 500;

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

/// `/fr/calendrier`: the upcoming events.
pub async fn upcoming(
    State(state): State<AppState>,
    PageLanguages { lang, cookie }: PageLanguages,
    PageQuery(query): PageQuery<CalendarQuery>,
) -> Result<Response, AppError> {
    show(&state, lang, false, &query, cookie).await
}

/// `/fr/calendrier/archives`: the past events, newest first.
pub async fn archive(
    State(state): State<AppState>,
    PageLanguages { lang, cookie }: PageLanguages,
    PageQuery(query): PageQuery<CalendarQuery>,
) -> Result<Response, AppError> {
    show(&state, lang, true, &query, cookie).await
}

async fn show(
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
        (events, pages_through(total, ARCHIVE_PAGE_SIZE, page)?)
    } else {
        if page > 1 {
            return Err(AppError::NotFound);
        }
        (state.store.upcoming_events(&filter, now, UPCOMING_LIMIT).await?, 1)
    };
    let (this, other, title_id) = if archive {
        (Page::CalendarArchive, Page::Calendar, "calendar-archive-title")
    } else {
        (Page::Calendar, Page::CalendarArchive, "calendar-title")
    };
    let ctx = PageContext::for_page(state, lang, this.clone(), &state.locales.format(lang, title_id, None));
    let tr = ctx.tr.clone();
    let (years, countries, modes) = choices(state, &tr, &filter).await?;
    let href = |p: i64| format!("{}{}", this.path(lang), query_string(&filter, p));
    let feed = paths::calendar_feed(lang);
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

/// `/fr/calendrier.ics`: every event that ended less than a year ago.
pub async fn feed(
    State(state): State<AppState>,
    PathLang(lang): PathLang,
    request: HeaderMap,
) -> Result<Response, AppError> {
    let events = state.store.events_since(state.config.clock.now() - Duration::days(365)).await?;
    let tr = Tr::new(lang, state.locales.clone());
    let path = |event: &NewEvent| paths::event_page(event).path(lang);
    let body = ical::calendar(&events, &ical_site(&state, &tr, &path));
    Ok(ics_response(&request, body))
}
