//! The page-cache layers: answer GETs of public pages and feeds from the
//! cache of rendered responses (`web::page_cache`), render a missing one
//! once for everyone asking, and keep it. What they draw waits its turn
//! (`render_bound`); what they answer from the cache never does.
//!
//! Two parts share the work. [`answer_hits`], at the door (`web::site`),
//! answers the pages the cache has ready and adds itself what the layers
//! would have (the security headers, the request's id, its count and log
//! line): most requests are such hits, and the router's and the layers'
//! own cost (a copy of each for every request, a timer, a span) was half
//! of theirs. While no turn to draw is free, it also refuses there the
//! pages nobody is drawing, as `render_bound` would, so that a flood of
//! searches costs what hits cost. Everything else goes through the layers
//! to [`layer`], which finds the page again, waits for another request's
//! drawing of it, or draws it.

use std::time::Instant;

use axum::{
    body::Body,
    extract::{Request, State},
    http::{HeaderMap, HeaderValue, Method, StatusCode, header},
    middleware::Next,
    response::{IntoResponse, Response},
};

use url::form_urlencoded;

use super::{error_pages, render_bound::Drawing, security};
use crate::{
    text::i18n::Lang,
    web::{
        conditional,
        negotiate::{self, Encoding},
        page_cache::{Cached, Key, Lookup, Peek},
        paths, request_log,
        state::AppState,
    },
};

/// The largest body read at all (the responses are built in memory anyway).
const MAX_READ: usize = 256 * 1024 * 1024;

/// The longest value of a query parameter a cached page may be kept
/// under; a request with a longer one is answered, but not kept.
const MAX_PARAMETER_BYTES: usize = 200;

/// Whether the request is a GET (or HEAD) of a public page or feed: what
/// the cache keeps, and, when it does not have it, what is drawn in turn.
fn public_read<B>(request: &Request<B>) -> bool {
    let path = request.uri().path();
    let public = Lang::from_path(path).is_some()
        || path == paths::SITEMAP
        || path == paths::OPEN_DATA_CSV
        || path == paths::OPEN_DATA_JSON;
    matches!(*request.method(), Method::GET | Method::HEAD) && public
}

/// Marks a request whose page is drawn afresh: it waits its turn
/// (`render_bound`).
fn draw(mut request: Request) -> Request {
    request.extensions_mut().insert(Drawing);
    request
}

/// What a GET of a page or a feed is kept under: its path and the query
/// parameters the page reads, in a canonical form, so that parameters a
/// page ignores (`?utm_source=…`) neither make entries nor miss them.
/// `None` when the request is not to be kept: another method, another
/// address, or a parameter too long to key by.
fn cache_uri<B>(request: &Request<B>) -> Option<String> {
    if !public_read(request) || security::request_problem(request).is_some() {
        return None;
    }
    let path = request.uri().path();
    let Some(given) = request.uri().query() else {
        return Some(path.to_owned());
    };
    let known = paths::query_parameters(path);
    let mut query = form_urlencoded::Serializer::new(String::new());
    for (name, value) in form_urlencoded::parse(given.as_bytes()) {
        if known.contains(&name.as_ref()) {
            if value.len() > MAX_PARAMETER_BYTES {
                return None;
            }
            query.append_pair(&name, &value);
        }
    }
    let query = query.finish();
    Some(if query.is_empty() { path.to_owned() } else { format!("{path}?{query}") })
}

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
fn respond(cached: &Cached, path: &str, request_headers: &HeaderMap) -> Response {
    let mut response = response_from(cached, request_headers);
    remember_language(&mut response, path, request_headers);
    response
}

/// Makes the compression layer below choose `encoding`, the one the
/// response is kept under: the encoding is negotiated once, here.
fn settle_encoding(request: &mut Request, encoding: Option<Encoding>) {
    let value = HeaderValue::from_static(encoding.map_or("identity", Encoding::token));
    request.headers_mut().insert(header::ACCEPT_ENCODING, value);
}

/// What [`answer_hits`] learnt of a request it gave back, so that
/// [`layer`] does not ask again: the revision is read, and the encoding
/// negotiated, once per request.
#[derive(Clone)]
struct Looked {
    uri: String,
    encoding: Option<Encoding>,
    /// `None` when the database could not tell.
    revision: Option<i64>,
}

/// Answers a public page or feed the cache has ready, ahead of the router
/// and its layers, as they would have answered it; refuses one that would
/// have to be drawn while the bound on drawings is full, as the layers
/// would; gives back anything else, with what it learnt for [`layer`].
pub async fn answer_hits<B>(state: &AppState, mut request: Request<B>) -> Result<Response, Request<B>> {
    let started = Instant::now();
    let Some(uri) = cache_uri(&request) else {
        return Err(request);
    };
    let encoding = negotiate::encoding(request.headers());
    let Some(revision) = state.page_cache.revisions.current().await else {
        request.extensions_mut().insert(Looked { uri, encoding, revision: None });
        return Err(request);
    };
    let key = Key {
        method: request.method().clone(),
        uri,
        encoding,
        revision,
        minute: Key::minute(state.config.clock.now()),
    };
    let path = request.uri().path();
    let (response, kept) = match state.page_cache.peek(&key) {
        Peek::Ready(cached) => {
            state.metrics.page_cache_hit();
            let mut response = respond(&cached, path, request.headers());
            // A kept response has its security headers already (see `layer`).
            if response.status() == StatusCode::NOT_MODIFIED {
                security::add_headers(response.headers_mut(), state, false);
            } else {
                security::secure_transport(response.headers_mut(), state);
            }
            (response, Some(cached))
        }
        Peek::Absent if state.render_bound.full() => {
            state.metrics.page_cache_miss();
            state.metrics.drawing_refused();
            let lang = Lang::from_path(path).unwrap_or_else(|| negotiate::language(request.headers()));
            (busy(state, lang, revision, key.minute).await, None)
        }
        Peek::Absent | Peek::Rendering => {
            request.extensions_mut().insert(Looked { uri: key.uri, encoding, revision: Some(revision) });
            return Err(request);
        }
    };
    Ok(answered(state, &request, response, kept.as_deref(), started))
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

/// A kept response as it is, whatever the request's conditions.
fn plain_response(cached: &Cached) -> Response {
    let mut response = Response::new(Body::from(cached.body.clone()));
    *response.status_mut() = cached.status;
    *response.headers_mut() = cached.headers.clone();
    response
}

/// What the layers add to a response the door answered (from `kept`,
/// when the cache had it): the request's id, its count in the metrics,
/// and its log line.
fn answered<B>(
    state: &AppState,
    request: &Request<B>,
    mut response: Response,
    kept: Option<&Cached>,
    started: Instant,
) -> Response {
    let id = request_log::id_of(request);
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
    if let Some(id) = id {
        response.headers_mut().insert(request_log::REQUEST_ID, id);
    }
    response
}

pub async fn layer(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    let (uri, looked) = match request.extensions_mut().remove::<Looked>() {
        Some(Looked { uri, encoding, revision }) => (Some(uri), Some((encoding, revision))),
        None => (cache_uri(&request), None),
    };
    let Some(uri) = uri else {
        // A page with a parameter too long to keep is drawn all the same.
        if public_read(&request) {
            request = draw(request);
        }
        return next.run(request).await;
    };
    let request_headers = request.headers().clone();
    let path = request.uri().path().to_owned();
    let encoding = looked.map_or_else(|| negotiate::encoding(&request_headers), |(encoding, _)| encoding);
    settle_encoding(&mut request, encoding);
    let revision = match looked {
        Some((_, revision)) => revision,
        None => state.page_cache.revisions.current().await,
    };
    let Some(revision) = revision else {
        // The database is down: the page as last rendered, if it was.
        if !state.availability.is_up()
            && let Some(cached) = state.page_cache.find_stale(request.method(), &uri, encoding)
        {
            return respond(&cached, &path, &request_headers);
        }
        return next.run(draw(request)).await;
    };
    let key = Key {
        method: request.method().clone(),
        uri,
        encoding,
        revision,
        minute: Key::minute(state.config.clock.now()),
    };
    let rendering = match state.page_cache.find(&key) {
        Lookup::Ready(cached) => {
            state.metrics.page_cache_hit();
            return respond(&cached, &path, &request_headers);
        }
        Lookup::Rendering(mut rendering) => {
            if let Ok(done) = rendering.wait_for(Option::is_some).await
                && let Some(cached) = done.as_ref()
            {
                state.metrics.page_cache_hit();
                return respond(cached, &path, &request_headers);
            }
            // The rendering failed or was abandoned: render it for this request alone.
            state.metrics.page_cache_miss();
            return next.run(draw(request)).await;
        }
        Lookup::Render(rendering) => {
            state.metrics.page_cache_miss();
            rendering
        }
    };
    // The page says whether the site shows sample data as of its revision.
    state.sample.ensure(revision, &state.store).await;
    let response = next.run(draw(request)).await;
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
    // Kept with the security headers, which the layer outside would add
    // to each answer: a hit answered ahead of the layers has them.
    security::add_headers(&mut parts.headers, &state, false);
    let coding = parts.headers.get(header::CONTENT_ENCODING).and_then(|v| v.to_str().ok());
    let etag = match (parts.headers.get(header::ETAG).and_then(|v| v.to_str().ok()), coding) {
        // The handler's tag names the uncompressed bytes; compressed ones are
        // another representation, whose strong tag must differ.
        (Some(tag), Some(coding)) => format!("{}-{coding}\"", tag.trim_end_matches('"')),
        (Some(tag), None) => tag.to_owned(),
        (None, _) => conditional::etag(&body),
    };
    if let Ok(value) = HeaderValue::from_str(&etag) {
        parts.headers.insert(header::ETAG, value);
    }
    let counted = Some(state.metrics.route_count(paths::route_label(&path), parts.status));
    let cached = rendering.keep(Cached { status: parts.status, headers: parts.headers, body, etag, counted });
    respond(&cached, &path, &request_headers)
}

#[cfg(test)]
mod tests {
    use axum::body::Body;

    use super::*;

    fn get(uri: &str) -> Request {
        Request::builder().uri(uri).header("host", "site.test").body(Body::empty()).expect("request")
    }

    #[test]
    fn pages_are_kept_by_the_parameters_they_read() {
        assert_eq!(cache_uri(&get("/fr/a-propos")).as_deref(), Some("/fr/a-propos"));
        // Parameters a page ignores do not make entries of their own.
        for i in 0..20_000 {
            let uri = format!("/fr/a-propos?utm_source={i}{}", "x".repeat(1000));
            assert_eq!(cache_uri(&get(&uri)).as_deref(), Some("/fr/a-propos"));
        }
        assert_eq!(
            cache_uri(&get("/en/members?utm=1&country=FR&page=2")).as_deref(),
            Some("/en/members?country=FR&page=2")
        );
        assert_eq!(cache_uri(&get("/en/members?q=a%20b")).as_deref(), Some("/en/members?q=a+b"));
        // A long value is answered, not kept.
        assert_eq!(cache_uri(&get(&format!("/en/members?q={}", "x".repeat(201)))), None);
        // Not a page, or not a GET: not kept. Nor is the back office.
        assert_eq!(cache_uri(&get("/healthz")), None);
        assert_eq!(cache_uri(&get("/admin/")), None);
        assert_eq!(cache_uri(&get("/admin/subscribers?q=a")), None);
        let post = Request::builder().method("POST").uri("/en/newsletter").body(Body::empty()).expect("request");
        assert_eq!(cache_uri(&post), None);
    }
}
