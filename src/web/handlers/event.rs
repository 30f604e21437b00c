//! An event's own page, and its iCalendar file to add it to a calendar:
//! `/fr/calendrier/{slug}` and `/fr/calendrier/{slug}.ics`.

use askama::Template;
use axum::{
    extract::{Path, State},
    http::{HeaderMap, HeaderValue, header},
    response::{IntoResponse, Redirect, Response},
};
use serde_json::json;

use crate::{
    domain::{
        Event, NewEvent, Slug,
        event::{Attendance, Status, When},
    },
    formats::ical,
    text::{
        i18n::{Arg, Lang, Tr},
        markdown,
    },
    web::{
        error::AppError,
        extract::PageLanguages,
        paths::{self, EVENT_ICS_SUFFIX, Page},
        state::AppState,
        view::{
            PageContext,
            calendar::{ical_site, ics_response},
            cards::{event_status, event_venue, event_when},
            render_remembering,
            typed::Mixed,
        },
    },
};

#[derive(Template)]
#[template(path = "event.html")]
struct EventPage {
    ctx: PageContext,
    title: String,
    status: Option<(&'static str, String)>,
    notice: Option<String>,
    when: String,
    start_iso: Option<String>,
    time_zone: Option<String>,
    venue: Option<Mixed>,
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
fn json_ld(tr: &Tr, event: &Event, url: &str) -> String {
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
    // The vocabulary and its values as schema.org publishes them:
    // https://schema.org/Event, https://schema.org/EventStatusType,
    // https://schema.org/EventAttendanceModeEnumeration.
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
    });
    // "</script>" or "<!--" inside a string must not end the element.
    data.to_string().replace('<', "\\u003c").replace('>', "\\u003e").replace('&', "\\u0026")
}

fn find_slug(item: &str) -> Result<Slug, AppError> {
    Slug::parse(item).map_err(|_| AppError::NotFound)
}

/// `/fr/calendrier/{item}`: an event's page, or its `.ics` file.
pub async fn show(
    State(state): State<AppState>,
    PageLanguages { lang, cookie }: PageLanguages,
    Path(item): Path<String>,
    request: HeaderMap,
) -> Result<Response, AppError> {
    match item.strip_suffix(EVENT_ICS_SUFFIX) {
        Some(slug) => ics(&state, lang, slug, &request).await,
        None => page(&state, lang, &item, cookie).await,
    }
}

/// The event at this slug in the language's address; or, at the other
/// language's slug (an old French link made with the English slug), the
/// permanent redirect to the language's address, with `suffix`.
async fn find_event(
    state: &AppState,
    lang: Lang,
    item: &str,
    suffix: &str,
) -> Result<Result<Event, Response>, AppError> {
    let slug = find_slug(item)?;
    let event = state.store.event(lang, &slug).await?.ok_or(AppError::NotFound)?;
    if *event.details.slug_in(lang) == slug {
        Ok(Ok(event))
    } else {
        let path = format!("{}{suffix}", paths::event_page(&event.details).path(lang));
        Ok(Err(Redirect::permanent(&path).into_response()))
    }
}

async fn page(state: &AppState, lang: Lang, item: &str, cookie: Option<Lang>) -> Result<Response, AppError> {
    let event = match find_event(state, lang, item, "").await? {
        Ok(event) => event,
        Err(redirect) => return Ok(redirect),
    };
    let e = &event.details;
    let title = e.title(lang).as_str().to_owned();
    let page = paths::event_page(e);
    let url = format!("{}{}", state.config.base_url, page.path(lang));
    let ctx = PageContext::for_page(state, lang, page.clone(), &title);
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
            (paths::signatory_page(&signatory).path(lang), signatory.details.display_name(lang).to_string())
        }),
        None => None,
    };
    let template = EventPage {
        status: event_status(&tr, &event),
        notice: match e.status {
            Status::Scheduled => None,
            Status::Postponed if e.date_unknown => Some(tr.t("event-postponed-date-unknown-notice")),
            Status::Postponed => Some(tr.t("event-postponed-notice")),
            Status::Cancelled => Some(tr.t("event-cancelled-notice")),
        },
        when: event_when(&tr, &event),
        // Old dates are no date to give a machine.
        start_iso: (!e.date_unknown).then(|| iso(&event, false)),
        time_zone,
        venue: event_venue(&tr, &event),
        online_url: e.online_url.as_ref().map(|u| u.as_str().to_owned()),
        registration_url: e.registration_url.as_ref().map(|u| u.as_str().to_owned()),
        signatory,
        description: markdown::to_html(e.description(lang).as_str()),
        ics_href: format!("{}{EVENT_ICS_SUFFIX}", page.path(lang)),
        back_href: Page::Calendar.path(lang),
        json_ld: json_ld(&tr, &event, &url),
        title,
        ctx,
    };
    render_remembering(&template, lang, cookie)
}

/// `/fr/calendrier/{slug}.ics`: one event, to add to a calendar.
async fn ics(state: &AppState, lang: Lang, item: &str, request: &HeaderMap) -> Result<Response, AppError> {
    let event = match find_event(state, lang, item, EVENT_ICS_SUFFIX).await? {
        Ok(event) => event,
        Err(redirect) => return Ok(redirect),
    };
    let slug = event.details.slug_in(lang);
    let tr = Tr::new(lang, state.locales.clone());
    let path = |event: &NewEvent| paths::event_page(event).path(lang);
    let body = ical::single(&event, &ical_site(state, &tr, &path));
    let mut response = ics_response(request, body);
    if let Ok(value) = HeaderValue::from_str(&format!("attachment; filename=\"{slug}{EVENT_ICS_SUFFIX}\"")) {
        response.headers_mut().insert(header::CONTENT_DISPOSITION, value);
    }
    Ok(response)
}
