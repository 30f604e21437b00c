//! `/healthz`: 200 "ok" when the database answers; 503 "degraded" while
//! the site's breaker is open (the site serves its cached pages, and 503
//! for the rest), without asking the database again.

use axum::{
    extract::State,
    http::{HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
};

use crate::{
    store::StoreError,
    web::{state::AppState, view::Rendered},
};

pub async fn check(State(state): State<AppState>) -> Response {
    let degraded = (StatusCode::SERVICE_UNAVAILABLE, "degraded: the database is unavailable\n");
    let (status, body) = if state.availability.is_up() {
        match state.store.ping().await {
            Ok(()) => (StatusCode::OK, "ok\n"),
            Err(error) => {
                tracing::warn!(%error, "health check failed");
                if matches!(error, StoreError::Unavailable(_)) {
                    state.availability.trip();
                }
                degraded
            }
        }
    } else {
        degraded
    };
    let mut response = (status, body).into_response();
    response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    // A machine reads this: no error page.
    response.extensions_mut().insert(Rendered);
    response
}
