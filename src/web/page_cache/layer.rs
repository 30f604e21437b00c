//! The layer the router installs (`web::routes`): for a public page or
//! feed that the fast path did not answer, it finds the page again, waits
//! for another request's rendering of it, or renders it once for everyone
//! asking and keeps it. What it renders waits its turn (`render_bound`);
//! what it answers from the cache never does.

use axum::{
    extract::{Request, State},
    http::{HeaderMap, HeaderValue, Method, StatusCode, header},
    middleware::Next,
    response::{IntoResponse, Response},
};

use super::{
    bounded::{Read, read_at_most},
    entries::{Cached, Key, Lookup, MAX_BODY, Rendering},
    fast_path::FastPathMiss,
    policy::{cache_uri, public_read},
    respond::{make_room, respond},
};
use crate::web::{
    conditional,
    middleware::security,
    negotiate::{self, Encoding},
    paths,
    render_bound::Drawing,
    state::AppState,
};

/// Marks a request whose page is drawn afresh: it waits its turn
/// (`render_bound`).
fn draw(mut request: Request) -> Request {
    request.extensions_mut().insert(Drawing);
    request
}

/// Makes the compression layer below choose `encoding`, the one the
/// response is kept under: the encoding is negotiated once, here.
fn settle_encoding(request: &mut Request, encoding: Option<Encoding>) {
    let value = HeaderValue::from_static(encoding.map_or("identity", Encoding::token));
    request.headers_mut().insert(header::ACCEPT_ENCODING, value);
}

/// The layer behind the router: finds the page again (a request the fast
/// path gave back, or one that reached the router some other way), waits
/// for another request's rendering of it, or renders and keeps it.
pub async fn layer(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    let (uri, looked) = match request.extensions_mut().remove::<FastPathMiss>() {
        Some(FastPathMiss { uri, encoding, revision }) => (Some(uri), Some((encoding, revision))),
        None => (cache_uri(&request), None),
    };
    let Some(uri) = uri else {
        // A page with a parameter too long to keep is drawn all the same.
        if public_read(&request) {
            return next.run(draw(request)).await;
        }
        // Anything but a read may have written: once it is done (its
        // transaction committed), the next page load reads the revision.
        let writes = !matches!(*request.method(), Method::GET | Method::HEAD);
        let response = next.run(request).await;
        if writes {
            state.page_cache.revisions.written();
        }
        return response;
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
            return respond(&cached, &path, &request_headers, None);
        }
        return next.run(draw(request)).await;
    };
    let key = Key::new(request.method(), uri, encoding, revision, state.config.clock.now());
    let rendering = match state.page_cache.find(&key) {
        Lookup::Ready(cached) => {
            state.metrics.page_cache_hit();
            return respond(&cached, &path, &request_headers, None);
        }
        Lookup::Rendering(mut rendering) => {
            if let Ok(done) = rendering.wait_for(Option::is_some).await
                && let Some(cached) = done.as_ref()
            {
                state.metrics.page_cache_hit();
                return respond(cached, &path, &request_headers, None);
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
    keep(&state, rendering, response, &path, &request_headers).await
}

/// Keeps a page just rendered, as every request for it is to have it, and
/// answers it; anything but a 200 that may be stored is answered as it is,
/// and so is a body longer than the cache keeps ([`MAX_BODY`]), as it comes
/// (the requests waiting for it then render it each for itself).
async fn keep(
    state: &AppState,
    rendering: Rendering<'_>,
    response: Response,
    path: &str,
    request_headers: &HeaderMap,
) -> Response {
    let no_store = response
        .headers()
        .get(header::CACHE_CONTROL)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("no-store"));
    if response.status() != StatusCode::OK || no_store {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let body = match read_at_most(body, MAX_BODY).await {
        Ok(Read::Whole(body)) => body,
        Ok(Read::Longer(body)) => {
            drop(rendering);
            return Response::from_parts(parts, body);
        }
        Err(_) => return StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    };
    parts.headers.remove(header::SET_COOKIE);
    parts.headers.remove(header::DATE);
    // Kept with the security headers, which the layer outside would add
    // to each answer: a hit answered ahead of the layers has them.
    security::add_headers(&mut parts.headers, state, false);
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
    make_room(&mut parts.headers, path, security::over_https(state));
    let counted = Some(state.metrics.route_count(paths::route_label(path), parts.status));
    let cached = rendering.keep(Cached { status: parts.status, headers: parts.headers, body, etag, counted });
    respond(&cached, path, request_headers, None)
}
