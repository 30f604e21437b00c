//! The bound on drawings: a public page the page cache does not have is
//! drawn by at most `--render-concurrency` requests at once; a few more
//! (`--render-queue`) wait their turn, for a second at most, and the rest
//! are answered 503 with `Retry-After: 1` at once. So a flood of distinct
//! searches cannot take the processor and the database from the pages the
//! cache keeps, which never come here. The page cache marks the requests
//! that draw (`render_bound::Drawing`); the back office and form posts are
//! not marked, and are not held back by a public flood.

use std::{
    pin::Pin,
    task::{Context, Poll},
};

use axum::{
    body::{Body, Bytes, HttpBody},
    extract::{Request, State},
    http::{StatusCode, header},
    middleware::Next,
    response::{IntoResponse, Response},
};

use super::error_pages::RETRY_AFTER_BUSY;
use crate::web::{
    paths,
    render_bound::{Drawing, Turn},
    state::AppState,
};

/// The answers that list every signatory: drawn one at a time.
fn heavy(path: &str) -> bool {
    matches!(paths::route_label(path), "sitemap" | "open_data")
}

/// Lets a marked request draw in its turn, or answers 503 (the error-page
/// layer, outside, makes it the localized page). While the bound is full,
/// the page cache refuses on the fast path the pages it would have to draw
/// (`page_cache::answer_later`): a flood is turned away at the cost of a
/// hit. The turn is held until the answer's body is sent (or dropped).
pub async fn layer(State(state): State<AppState>, request: Request, next: Next) -> Response {
    if request.extensions().get::<Drawing>().is_none() {
        return next.run(request).await;
    }
    let Some(turn) = state.render_bound.enter(heavy(request.uri().path())).await else {
        state.metrics.drawing_refused();
        return (StatusCode::SERVICE_UNAVAILABLE, [(header::RETRY_AFTER, RETRY_AFTER_BUSY)]).into_response();
    };
    let pause = state.render_bound.limits.pause;
    if !pause.is_zero() {
        tokio::time::sleep(pause).await;
    }
    next.run(request).await.map(|body| Body::new(InTurn { body, _turn: turn }))
}

/// A body that holds its drawing's turn until it ends or is dropped.
struct InTurn {
    body: Body,
    _turn: Turn,
}

impl HttpBody for InTurn {
    type Data = Bytes;
    type Error = axum::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<http_body::Frame<Bytes>, axum::Error>>> {
        Pin::new(&mut self.body).poll_frame(cx)
    }

    fn is_end_stream(&self) -> bool {
        self.body.is_end_stream()
    }

    fn size_hint(&self) -> http_body::SizeHint {
        self.body.size_hint()
    }
}
