//! What the calendar's pages, its feed and an event's own iCalendar file
//! share: the calendar's query (which the page cache keys it by), the site
//! as the files name it, and the response that carries them.

use axum::{http::HeaderMap, response::Response};
use serde::Deserialize;

use super::listing::{page_number, present};
use crate::{
    domain::{Country, NewEvent},
    formats::ical,
    store::{EventFilter, Mode},
    text::i18n::Tr,
    web::{conditional, error::AppError, page_cache::QueryKeys, state::AppState},
};

const ICS_TYPE: &str = "text/calendar; charset=utf-8";
const ICS_CACHE: &str = "public, max-age=300";

/// What the iCalendar files say of the site, in a language.
pub fn ical_site<'a>(state: &'a AppState, tr: &'a Tr, event_path: &'a dyn Fn(&NewEvent) -> String) -> ical::Site<'a> {
    ical::Site { tr, base_url: &state.config.base_url, event_path }
}

/// An iCalendar body with its entity tag and cache lifetime.
pub fn ics_response(request: &HeaderMap, body: String) -> Response {
    conditional::respond(request, ICS_TYPE, ICS_CACHE, body.into_bytes(), None)
}

/// The calendar's query string.
#[derive(Debug, Default, Deserialize)]
pub struct CalendarQuery {
    year: Option<String>,
    country: Option<String>,
    mode: Option<String>,
    page: Option<String>,
}

impl QueryKeys for CalendarQuery {
    /// The names of its fields: the query parameters the page reads, which
    /// key it in the page cache (`page_cache::policy`).
    const KEYS: &'static [&'static str] = &["year", "country", "mode", "page"];
}

impl CalendarQuery {
    pub fn parse(&self) -> Result<(EventFilter, i64), AppError> {
        let year = present(self.year.as_deref())
            .map(|y| y.parse::<i32>().ok().filter(|y| (1900..=2200).contains(y)).ok_or(AppError::BadRequest))
            .transpose()?;
        let country =
            present(self.country.as_deref()).map(Country::parse).transpose().map_err(|_| AppError::BadRequest)?;
        let mode = present(self.mode.as_deref()).map(|m| Mode::parse(m).ok_or(AppError::BadRequest)).transpose()?;
        Ok((EventFilter { year, country, mode }, page_number(self.page.as_deref())?))
    }
}
