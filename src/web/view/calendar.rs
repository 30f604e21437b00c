//! What the calendar's feed and an event's own iCalendar file share: the
//! site as the files name it, and the response that carries them.

use axum::{http::HeaderMap, response::Response};

use crate::{
    formats::ical,
    text::i18n::Tr,
    web::{conditional, state::AppState},
};

const ICS_TYPE: &str = "text/calendar; charset=utf-8";
const ICS_CACHE: &str = "public, max-age=300";

/// What the iCalendar files say of the site, in a language.
pub fn ical_site<'a>(state: &'a AppState, tr: &'a Tr, event_path: &'a dyn Fn(&str) -> String) -> ical::Site<'a> {
    ical::Site { tr, base_url: &state.config.base_url, event_path }
}

/// An iCalendar body with its entity tag and cache lifetime.
pub fn ics_response(request: &HeaderMap, body: String) -> Response {
    conditional::respond(request, ICS_TYPE, ICS_CACHE, body.into_bytes(), None)
}
