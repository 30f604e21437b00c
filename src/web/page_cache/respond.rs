//! A kept response as each request gets it: as it is, or 304 Not Modified
//! when the request's conditions say the client has it, with the language
//! cookie a page read in another language sets.

use axum::{
    body::Body,
    http::{HeaderMap, StatusCode, header},
    response::{IntoResponse, Response},
};

use super::entries::Cached;
use crate::{
    text::i18n::Lang,
    web::{conditional, negotiate},
};

/// The largest body read whole on the fast path (its pages are small).
pub(super) const MAX_READ: usize = 256 * 1024 * 1024;

fn response_from(cached: &Cached, request_headers: &HeaderMap) -> Response {
    let last_modified = || {
        cached.headers.get(header::LAST_MODIFIED).and_then(|v| v.to_str().ok()).and_then(conditional::parse_http_date)
    };
    if conditional::not_modified(request_headers, &cached.etag, last_modified) {
        let mut response = StatusCode::NOT_MODIFIED.into_response();
        for name in [header::ETAG, header::LAST_MODIFIED, header::CACHE_CONTROL, header::VARY, header::CONTENT_LANGUAGE]
        {
            if let Some(value) = cached.headers.get(&name) {
                response.headers_mut().insert(name, value.clone());
            }
        }
        return response;
    }
    plain_response(cached)
}

/// Remembers the language of a page read, as pages rendered afresh do.
fn remember_language(response: &mut Response, path: &str, request_headers: &HeaderMap) {
    let is_html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if let Some(lang) = Lang::from_path(path)
        && is_html
        && response.status().is_success()
        && negotiate::cookie_language(request_headers) != Some(lang)
        && !response.headers().contains_key(header::SET_COOKIE)
    {
        response.headers_mut().append(header::SET_COOKIE, negotiate::language_cookie(lang));
    }
}

/// The cached response as this request should have it.
pub(super) fn respond(cached: &Cached, path: &str, request_headers: &HeaderMap) -> Response {
    let mut response = response_from(cached, request_headers);
    remember_language(&mut response, path, request_headers);
    response
}

/// A kept response as it is, whatever the request's conditions.
pub(super) fn plain_response(cached: &Cached) -> Response {
    let mut response = Response::new(Body::from(cached.body.clone()));
    *response.status_mut() = cached.status;
    *response.headers_mut() = cached.headers.clone();
    response
}
