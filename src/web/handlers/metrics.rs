//! The metrics listener's one page, `GET /metrics` (on its own address,
//! `--metrics-listen`): every metric, as Prometheus reads them; 404 for
//! anything else.

use axum::{
    Router,
    extract::State,
    http::{StatusCode, header},
    response::{IntoResponse, Response},
    routing::get,
};

use crate::web::{
    metrics::{CONTENT_TYPE, Gauges},
    paths,
    state::AppState,
};

/// What the metrics listener serves: `GET /metrics`, and 404 for anything else.
pub fn router(state: AppState) -> Router {
    Router::new().route(paths::METRICS, get(scrape)).with_state(state)
}

/// `GET /metrics`: every metric, as Prometheus reads them.
async fn scrape(State(state): State<AppState>) -> Response {
    let gauges = Gauges {
        cache_usage: state.page_cache.usage(),
        drawings_waiting: state.render_bound.waiting(),
        availability: &state.availability,
        store: &state.store,
    };
    state.metrics.read_gauges(gauges).await;
    match state.metrics.encode() {
        Ok(body) => ([(header::CONTENT_TYPE, CONTENT_TYPE)], body).into_response(),
        Err(error) => {
            tracing::error!(%error, "cannot write the metrics");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}
