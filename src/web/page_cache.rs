//! The page cache: public pages and feeds are drawn once and served again
//! until the data they show changes. A change anywhere — this instance,
//! another one, the command line, SQL typed by hand — raises the database's
//! revision (a trigger does it), and every request reads that one row, so a
//! cached page of an older revision is never served: the next page load
//! after a change shows it, on either backend. Entries also carry the
//! minute they were drawn in, since some pages depend on the time (the
//! calendar's upcoming events, the forms' tokens).

use std::{
    collections::HashMap,
    sync::{Arc, Mutex},
};

use axum::{
    body::{Body, Bytes},
    extract::{Request, State},
    http::{HeaderMap, HeaderValue, Method, StatusCode, header},
    middleware::Next,
    response::{IntoResponse, Response},
};
use time::OffsetDateTime;

use super::{AppState, cache, language};
use crate::i18n::Lang;

/// Pages kept at most; past this the cache starts afresh.
const MAX_ENTRIES: usize = 2000;
/// The largest body kept; larger ones are served but not kept.
const MAX_BODY: usize = 4 * 1024 * 1024;
/// The largest body read at all (the responses are built in memory anyway).
const MAX_READ: usize = 256 * 1024 * 1024;

#[derive(Clone, PartialEq, Eq, Hash)]
struct Key {
    method: Method,
    uri: String,
    encoding: &'static str,
    revision: i64,
    minute: i64,
}

struct Cached {
    status: StatusCode,
    headers: HeaderMap,
    body: Bytes,
    etag: String,
}

#[derive(Default)]
pub struct PageCache {
    entries: Mutex<HashMap<Key, Arc<Cached>>>,
}

/// The encoding the compression layer will choose, as part of the key.
fn encoding(headers: &HeaderMap) -> &'static str {
    let accepted = headers.get(header::ACCEPT_ENCODING).and_then(|v| v.to_str().ok()).unwrap_or("");
    if accepted.contains("br") {
        "br"
    } else if accepted.contains("gzip") {
        "gzip"
    } else {
        ""
    }
}

/// Whether a request may be answered from the cache: a GET of a page or a feed.
fn cacheable(request: &Request) -> bool {
    let path = request.uri().path();
    matches!(*request.method(), Method::GET | Method::HEAD)
        && (Lang::from_path(path).is_some() || path == "/sitemap.xml" || path.starts_with("/open-data/"))
}

fn response_from(cached: &Cached, request_headers: &HeaderMap) -> Response {
    let last_modified =
        cached.headers.get(header::LAST_MODIFIED).and_then(|v| v.to_str().ok()).and_then(cache::parse_http_date);
    if cache::not_modified(request_headers, &cached.etag, last_modified) {
        let mut response = StatusCode::NOT_MODIFIED.into_response();
        for name in [header::ETAG, header::LAST_MODIFIED, header::CACHE_CONTROL, header::VARY, header::CONTENT_LANGUAGE]
        {
            if let Some(value) = cached.headers.get(&name) {
                response.headers_mut().insert(name, value.clone());
            }
        }
        return response;
    }
    let mut response = Response::new(Body::from(cached.body.clone()));
    *response.status_mut() = cached.status;
    *response.headers_mut() = cached.headers.clone();
    response
}

/// Remembers the language of a page read, as pages drawn afresh do.
fn remember_language(response: &mut Response, path: &str, request_headers: &HeaderMap) {
    let is_html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if let Some(lang) = Lang::from_path(path)
        && is_html
        && response.status().is_success()
        && language::from_cookie(request_headers) != Some(lang)
        && !response.headers().contains_key(header::SET_COOKIE)
    {
        response.headers_mut().append(header::SET_COOKIE, language::cookie(lang));
    }
}

pub async fn middleware(State(state): State<AppState>, request: Request, next: Next) -> Response {
    if !cacheable(&request) {
        return next.run(request).await;
    }
    let Ok(revision) = state.store.revision().await else {
        return next.run(request).await;
    };
    let request_headers = request.headers().clone();
    let path = request.uri().path().to_owned();
    let key = Key {
        method: request.method().clone(),
        uri: request.uri().to_string(),
        encoding: encoding(&request_headers),
        revision,
        minute: OffsetDateTime::now_utc().unix_timestamp().div_euclid(60),
    };
    let hit = state.page_cache.entries.lock().ok().and_then(|entries| entries.get(&key).cloned());
    if let Some(cached) = hit {
        let mut response = response_from(&cached, &request_headers);
        remember_language(&mut response, &path, &request_headers);
        return response;
    }
    let response = next.run(request).await;
    let no_store = response
        .headers()
        .get(header::CACHE_CONTROL)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("no-store"));
    if response.status() != StatusCode::OK || no_store {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(body) = axum::body::to_bytes(body, MAX_READ).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    parts.headers.remove(header::SET_COOKIE);
    parts.headers.remove(header::DATE);
    let etag = match parts.headers.get(header::ETAG).and_then(|v| v.to_str().ok()) {
        Some(tag) => tag.to_owned(),
        None => {
            let tag = cache::etag(&body);
            if let Ok(value) = HeaderValue::from_str(&tag) {
                parts.headers.insert(header::ETAG, value);
            }
            tag
        }
    };
    let cached = Arc::new(Cached { status: parts.status, headers: parts.headers, body, etag });
    if cached.body.len() > MAX_BODY {
        let mut response = response_from(&cached, &request_headers);
        remember_language(&mut response, &path, &request_headers);
        return response;
    }
    if let Ok(mut entries) = state.page_cache.entries.lock() {
        if entries.len() >= MAX_ENTRIES {
            entries.clear();
        }
        entries.insert(key, cached.clone());
    }
    let mut response = response_from(&cached, &request_headers);
    remember_language(&mut response, &path, &request_headers);
    response
}
