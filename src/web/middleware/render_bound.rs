//! The bound on drawings: a public page the page cache does not have is
//! drawn by at most `--render-concurrency` requests at once; a few more
//! (`--render-queue`) wait their turn, for a second at most, and the rest
//! are answered 503 with `Retry-After: 1` at once. So a flood of distinct
//! searches cannot take the processor and the database from the pages the
//! cache keeps, which never come here. The page cache marks the requests
//! that draw (`render_bound::Drawing`); the back office and form posts are
//! not marked, and are not held back by a public flood.

use axum::{
    extract::{Request, State},
    http::{StatusCode, header},
    middleware::Next,
    response::{IntoResponse, Response},
};

use super::error_pages::RETRY_AFTER_BUSY;
use crate::web::{render_bound::Drawing, state::AppState};

/// Lets a marked request draw in its turn, or answers 503 (the error-page
/// layer, outside, makes it the localized page). While the bound is full,
/// the page cache refuses on the fast path the pages it would have to draw
/// (`page_cache::answer_hits`): a flood is turned away at the cost of a
/// hit.
pub async fn layer(State(state): State<AppState>, request: Request, next: Next) -> Response {
    if request.extensions().get::<Drawing>().is_none() {
        return next.run(request).await;
    }
    let Some(_permit) = state.render_bound.enter().await else {
        state.metrics.drawing_refused();
        return (StatusCode::SERVICE_UNAVAILABLE, [(header::RETRY_AFTER, RETRY_AFTER_BUSY)]).into_response();
    };
    let pause = state.render_bound.limits.pause;
    if !pause.is_zero() {
        tokio::time::sleep(pause).await;
    }
    next.run(request).await
}
