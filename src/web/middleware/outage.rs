//! The database's breaker, as requests meet it: while the database is
//! known to be down, a request that needs it gets 503 at once (the page
//! cache, outside this layer, has already served what it kept); a response
//! that found the database unreachable opens the breaker, unless the
//! database answers a connection of its own (the request only waited for
//! the pool in a busy moment).

use axum::{
    extract::{Request, State},
    middleware::Next,
    response::{IntoResponse, Response},
};

use crate::{
    text::i18n::Lang,
    web::{
        error::{AppError, DatabaseUnreachable},
        paths,
        state::AppState,
    },
};

pub async fn layer(State(state): State<AppState>, request: Request, next: Next) -> Response {
    if !state.availability.is_up() && needs_database(request.uri().path()) {
        return AppError::DatabaseDown.into_response();
    }
    let response = next.run(request).await;
    if response.extensions().get::<DatabaseUnreachable>().is_some() {
        state.availability.trip_unless_reachable().await;
    }
    response
}

/// Whether answering at an address may need the database: everything but
/// the static files, the health check (which says so itself), robots.txt
/// and the redirects to a language's home page.
fn needs_database(path: &str) -> bool {
    let home_redirect = path == "/" || Lang::ALL.iter().any(|lang| path.strip_prefix('/') == Some(lang.code()));
    !(home_redirect || path.starts_with("/static/") || path == paths::HEALTH || path == paths::ROBOTS)
}
