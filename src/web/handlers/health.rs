//! `/healthz`: 200 when the database answers, 503 otherwise.

use axum::{
    extract::State,
    http::{HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
};

use crate::web::{state::AppState, view::Rendered};

pub async fn check(State(state): State<AppState>) -> Response {
    let (status, body) = match state.store.ping().await {
        Ok(()) => (StatusCode::OK, "ok\n"),
        Err(error) => {
            tracing::warn!(%error, "health check failed");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable\n")
        }
    };
    let mut response = (status, body).into_response();
    response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    // A machine reads this: no error page.
    response.extensions_mut().insert(Rendered);
    response
}
