//! The fast path: a public page or feed the cache has ready is answered on
//! the fast path (`web::site`), ahead of the router and its layers, with what
//! they would have added themselves (the security headers, the request's
//! id, its count and log line). Most requests are such hits, and the
//! router's and the layers' own cost (a copy of each for every request, a
//! timer, a span) was half of theirs. While no turn to draw is free, it
//! also refuses there the pages nobody is drawing, as `render_bound` would,
//! so that a flood of searches costs what hits cost.

use std::time::Instant;

use axum::{
    extract::Request,
    http::{HeaderValue, Method, StatusCode},
    response::{IntoResponse, Response},
};

use super::{
    entries::{Cached, EntryState, Key, Lookup},
    policy::cache_uri,
    respond::{MAX_READ, plain_response, respond},
    signal::AtOnce,
};
use crate::{
    text::i18n::Lang,
    web::{
        middleware::{error_pages, security},
        negotiate::{self, Encoding},
        paths, request_log,
        state::AppState,
    },
};

/// What the fast path learnt of a request it gave back, so that the
/// [`layer`](super::layer) does not ask again: the revision is read, and
/// the encoding negotiated, once per request.
#[derive(Clone)]
pub(super) struct FastPathMiss {
    pub(super) uri: String,
    pub(super) encoding: Option<Encoding>,
    /// `None` when the database could not tell.
    pub(super) revision: Option<i64>,
}

/// What [`answer_at_once`] learnt of a request it could not answer without
/// waiting (for the revision, or to draw the page that refuses a drawing),
/// for [`answer_later`].
#[derive(Clone)]
struct Deferred {
    uri: String,
    encoding: Option<Encoding>,
    /// `None` until a reading says it.
    revision: Option<i64>,
    started: Instant,
}

/// Where the cache stands on a request whose revision is known.
enum Settled {
    Answered(Response),
    /// Not kept while no turn to draw is free: refused, as `render_bound`
    /// would.
    Busy(Key),
    /// Not kept, or being drawn: the layer's.
    Missed(Key),
}

/// Answers, without waiting, a public page or feed the cache has ready,
/// ahead of the router and its layers, as they would have answered it — on
/// a busy site, where the cheap change signal vouches for the revision,
/// that is most requests. Gives back anything else, with what it learnt:
/// for [`answer_later`] when the revision must be read or the request
/// refused; for the [`layer`](super::layer) when the page is to be drawn.
#[expect(
    clippy::result_large_err,
    reason = "the request is given back as it came: boxing it would cost the allocation this path spares"
)]
pub fn answer_at_once<B>(state: &AppState, request: Request<B>) -> Result<Response, Request<B>> {
    let started = Instant::now();
    let Some(uri) = cache_uri(&request) else {
        return Err(request);
    };
    let encoding = negotiate::encoding(request.headers());
    let revision = match state.page_cache.revisions.at_once() {
        AtOnce::Known(revision) => revision,
        AtOnce::Down => return Err(missed(request, uri, encoding, None)),
        AtOnce::Ask => return Err(deferred(request, Deferred { uri, encoding, revision: None, started })),
    };
    match settle(state, &request, uri, encoding, revision, started) {
        Settled::Answered(response) => Ok(response),
        Settled::Busy(key) => {
            Err(deferred(request, Deferred { uri: key.uri, encoding, revision: Some(revision), started }))
        }
        Settled::Missed(key) => Err(missed(request, key.uri, encoding, Some(revision))),
    }
}

/// Goes on with a request [`answer_at_once`] gave back for it: reads the
/// revision, then answers the page the cache has ready, or refuses one
/// that would have to be drawn while the bound on drawings is full, as
/// the layers would; gives back anything else, with what it learnt for the
/// [`layer`](super::layer).
pub async fn answer_later<B>(state: &AppState, mut request: Request<B>) -> Result<Response, Request<B>> {
    let Some(Deferred { uri, encoding, revision, started }) = request.extensions_mut().remove::<Deferred>() else {
        return Err(request);
    };
    let revision = match revision {
        Some(revision) => revision,
        None => match state.page_cache.revisions.ask().await {
            Some(revision) => revision,
            None => return Err(missed(request, uri, encoding, None)),
        },
    };
    match settle(state, &request, uri, encoding, revision, started) {
        Settled::Answered(response) => Ok(response),
        Settled::Busy(key) => {
            state.metrics.page_cache_miss();
            state.metrics.drawing_refused();
            let path = request.uri().path();
            let lang = Lang::from_path(path).unwrap_or_else(|| negotiate::language(request.headers()));
            let response = busy(state, lang, revision, key.minute).await;
            let id = request_log::id_of(&request);
            Ok(answered(state, &request, response, None, id, started))
        }
        Settled::Missed(key) => Err(missed(request, key.uri, encoding, Some(revision))),
    }
}

/// The cache's answer to `request` at `revision`, if it has one ready.
fn settle<B>(
    state: &AppState,
    request: &Request<B>,
    uri: String,
    encoding: Option<Encoding>,
    revision: i64,
    started: Instant,
) -> Settled {
    let key = Key::new(request.method(), uri, encoding, revision, state.config.clock.now());
    match state.page_cache.peek(&key) {
        EntryState::Ready(cached) => {
            state.metrics.page_cache_hit();
            let id = request_log::id_of(request);
            let mut response = respond(&cached, request.uri().path(), request.headers(), id.clone());
            // A kept response has its security headers already (see `layer`).
            if response.status() == StatusCode::NOT_MODIFIED {
                security::add_headers(response.headers_mut(), state, false);
            }
            Settled::Answered(answered(state, request, response, Some(&cached), id, started))
        }
        EntryState::Absent if state.render_bound.full() => Settled::Busy(key),
        EntryState::Absent | EntryState::Rendering => Settled::Missed(key),
    }
}

fn missed<B>(mut request: Request<B>, uri: String, encoding: Option<Encoding>, revision: Option<i64>) -> Request<B> {
    request.extensions_mut().insert(FastPathMiss { uri, encoding, revision });
    request
}

fn deferred<B>(mut request: Request<B>, deferred: Deferred) -> Request<B> {
    request.extensions_mut().insert(deferred);
    request
}

/// The page that refuses a drawing (see `render_bound`), kept in the cache
/// as pages are (under a key no address has), so that a flood of refusals
/// costs what hits cost.
async fn busy(state: &AppState, lang: Lang, revision: i64, minute: i64) -> Response {
    let key = Key { method: Method::GET, uri: format!("busy {lang}"), encoding: None, revision, minute };
    let rendering = match state.page_cache.find(&key) {
        Lookup::Ready(cached) => return plain_response(&cached),
        Lookup::Rendering(_) => None,
        Lookup::Render(rendering) => Some(rendering),
    };
    let mut response = error_pages::busy(state, lang);
    security::add_headers(response.headers_mut(), state, false);
    let Some(rendering) = rendering else {
        return response;
    };
    let (parts, body) = response.into_parts();
    let Ok(body) = axum::body::to_bytes(body, MAX_READ).await else {
        return StatusCode::SERVICE_UNAVAILABLE.into_response();
    };
    let kept = Cached { status: parts.status, headers: parts.headers, body, etag: String::new(), counted: None };
    plain_response(&rendering.keep(kept))
}

/// What the layers add to a response the fast path answered (from `kept`,
/// when the cache had it): the request's `id` (a kept one has it already),
/// its count in the metrics, and its log line.
fn answered<B>(
    state: &AppState,
    request: &Request<B>,
    mut response: Response,
    kept: Option<&Cached>,
    id: Option<HeaderValue>,
    started: Instant,
) -> Response {
    let elapsed = started.elapsed();
    let path = request.uri().path();
    // A hit answered as kept is counted where the entry says; a 304 or a
    // refusal under its route and status.
    match kept.filter(|kept| kept.status == response.status()).and_then(|kept| kept.counted.as_ref()) {
        Some(count) => count.record(elapsed),
        None => state.metrics.record_request(paths::route_label(path), response.status(), elapsed),
    }
    if tracing::enabled!(tracing::Level::INFO) {
        let span = request_log::request_span(request, id.as_ref());
        let _entered = span.enter();
        let latency = format!("{} ms", elapsed.as_millis());
        // As the trace layer writes it for the other requests.
        tracing::info!(
            target: "tower_http::trace::on_response",
            %latency,
            status = response.status().as_u16(),
            "finished processing request"
        );
    }
    if let Some(id) = id
        && kept.is_none()
    {
        response.headers_mut().insert(request_log::REQUEST_ID, id);
    }
    response
}
