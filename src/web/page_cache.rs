//! The page cache: public pages and feeds are drawn once and served again
//! until the data they show changes. A change anywhere — this instance,
//! another one, the command line, SQL typed by hand — raises the database's
//! revision (a trigger does it), and pages are kept by revision, so a page
//! of an older revision is never served (see [`Revisions`] for how each
//! request learns the revision without reading it). Entries also carry the
//! minute they were drawn in, since some pages depend on the time (the
//! calendar's upcoming events, the forms' tokens).

use std::{
    collections::HashMap,
    sync::{Arc, Mutex, MutexGuard, PoisonError},
};

use axum::{
    body::{Body, Bytes},
    extract::{Request, State},
    http::{HeaderMap, HeaderValue, Method, StatusCode, header},
    middleware::Next,
    response::{IntoResponse, Response},
};
use tokio::sync::watch;

use super::{AppState, cache, language};
use crate::{
    store::{Revisions, Store},
    text::i18n::Lang,
};

/// The bodies kept at most, in bytes; past this the cache starts afresh.
const MAX_BYTES: usize = 24 * 1024 * 1024;
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

/// A page in the cache, or being drawn by one request while the others
/// asking for it wait (so that a change, or a cold start under load, costs
/// one drawing and not one per visitor).
enum Slot {
    Ready(Arc<Cached>),
    Drawing(watch::Receiver<Option<Arc<Cached>>>),
}

#[derive(Default)]
struct Entries {
    slots: HashMap<Key, Slot>,
    /// The bodies' total size.
    bytes: usize,
    /// The newest revision and minute seen; older entries are dropped.
    newest: (i64, i64),
}

pub struct PageCache {
    entries: Mutex<Entries>,
    revisions: Revisions,
}

impl PageCache {
    pub fn new(store: Store, busy_pace: u64) -> PageCache {
        PageCache { entries: Mutex::default(), revisions: Revisions::start(store, busy_pace) }
    }

    fn lock(&self) -> MutexGuard<'_, Entries> {
        self.entries.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Finds the page, or the drawing of it to wait for, or else takes on
    /// the drawing.
    fn find(&self, key: &Key) -> Found<'_> {
        let mut entries = self.lock();
        let now = (key.revision, key.minute);
        if now > entries.newest {
            entries.newest = now;
            entries.slots.retain(|key, _| (key.revision, key.minute) == now);
            entries.bytes = entries.slots.values().map(Slot::bytes).sum();
        }
        match entries.slots.get(key) {
            Some(Slot::Ready(cached)) => Found::Ready(cached.clone()),
            Some(Slot::Drawing(drawing)) => Found::Drawing(drawing.clone()),
            None => {
                let (sender, receiver) = watch::channel(None);
                entries.slots.insert(key.clone(), Slot::Drawing(receiver.clone()));
                Found::Draw(Drawing { cache: self, key: key.clone(), sender, receiver })
            }
        }
    }
}

impl Slot {
    fn bytes(&self) -> usize {
        match self {
            Slot::Ready(cached) => cached.body.len(),
            Slot::Drawing(_) => 0,
        }
    }
}

enum Found<'a> {
    Ready(Arc<Cached>),
    Drawing(watch::Receiver<Option<Arc<Cached>>>),
    Draw(Drawing<'a>),
}

/// The duty of drawing a page: keeping it when done, or, if the drawing
/// fails or is abandoned, leaving the place for the next request.
struct Drawing<'a> {
    cache: &'a PageCache,
    key: Key,
    sender: watch::Sender<Option<Arc<Cached>>>,
    receiver: watch::Receiver<Option<Arc<Cached>>>,
}

impl Drawing<'_> {
    fn keep(self, cached: Arc<Cached>) {
        if cached.body.len() <= MAX_BODY {
            let mut entries = self.cache.lock();
            if entries.bytes + cached.body.len() > MAX_BYTES {
                entries.slots.retain(|_, slot| matches!(slot, Slot::Drawing(_)));
                entries.bytes = 0;
            }
            entries.bytes += cached.body.len();
            entries.slots.insert(self.key.clone(), Slot::Ready(cached.clone()));
        }
        self.sender.send_replace(Some(cached));
    }
}

impl Drop for Drawing<'_> {
    fn drop(&mut self) {
        let mut entries = self.cache.lock();
        if let Some(Slot::Drawing(receiver)) = entries.slots.get(&self.key)
            && receiver.same_channel(&self.receiver)
        {
            entries.slots.remove(&self.key);
        }
    }
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
    let Some(revision) = state.page_cache.revisions.current().await else {
        return next.run(request).await;
    };
    let request_headers = request.headers().clone();
    let path = request.uri().path().to_owned();
    let key = Key {
        method: request.method().clone(),
        uri: request.uri().to_string(),
        encoding: encoding(&request_headers),
        revision,
        minute: state.config.clock.now().unix_timestamp().div_euclid(60),
    };
    let drawing = match state.page_cache.find(&key) {
        Found::Ready(cached) => return respond(&cached, &path, &request_headers),
        Found::Drawing(mut drawing) => {
            if let Ok(done) = drawing.wait_for(Option::is_some).await
                && let Some(cached) = done.as_ref()
            {
                return respond(cached, &path, &request_headers);
            }
            // The drawing failed or was abandoned: draw it for this request alone.
            return next.run(request).await;
        }
        Found::Draw(drawing) => drawing,
    };
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
    let coding = parts.headers.get(header::CONTENT_ENCODING).and_then(|v| v.to_str().ok());
    let etag = match (parts.headers.get(header::ETAG).and_then(|v| v.to_str().ok()), coding) {
        // The handler's tag names the uncompressed bytes; compressed ones are
        // another representation, whose strong tag must differ.
        (Some(tag), Some(coding)) => format!("{}-{coding}\"", tag.trim_end_matches('"')),
        (Some(tag), None) => tag.to_owned(),
        (None, _) => cache::etag(&body),
    };
    if let Ok(value) = HeaderValue::from_str(&etag) {
        parts.headers.insert(header::ETAG, value);
    }
    let cached = Arc::new(Cached { status: parts.status, headers: parts.headers, body, etag });
    drawing.keep(cached.clone());
    respond(&cached, &path, &request_headers)
}

/// The cached page as this request should have it.
fn respond(cached: &Cached, path: &str, request_headers: &HeaderMap) -> Response {
    let mut response = response_from(cached, request_headers);
    remember_language(&mut response, path, request_headers);
    response
}
