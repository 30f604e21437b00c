//! The web site: routes, shared state, and the layers every response goes through.

pub mod assets;
pub mod error;
mod health;
mod home;
pub mod language;
pub mod page;
mod security;

use std::{sync::Arc, time::Duration};

use axum::{Router, extract::DefaultBodyLimit, http::StatusCode, middleware, routing::get};
use tower_http::{
    catch_panic::CatchPanicLayer, compression::CompressionLayer, limit::RequestBodyLimitLayer,
    timeout::TimeoutLayer, trace::TraceLayer,
};

use crate::{config::SiteConfig, i18n::Locales, store::Store};

/// The largest request body a page accepts; larger ones get 413.
pub const BODY_LIMIT: usize = 16 * 1024;
const REQUEST_TIMEOUT: Duration = Duration::from_secs(15);

/// Everything a handler may need, cheap to clone.
#[derive(Clone)]
pub struct AppState {
    pub store: Store,
    pub locales: Arc<Locales>,
    pub assets: Arc<assets::Assets>,
    pub config: Arc<SiteConfig>,
}

/// The whole site as one router, used by `serve` and by the tests alike.
pub fn build_app(state: AppState) -> Router {
    Router::new()
        .route("/", get(language::root))
        .route("/healthz", get(health::check))
        .route("/static/{file}", get(assets::serve))
        .route("/{lang}", get(language::add_slash))
        .route("/{lang}/", get(home::show))
        .fallback(error::not_found)
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(RequestBodyLimitLayer::new(BODY_LIMIT))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::SERVICE_UNAVAILABLE,
            REQUEST_TIMEOUT,
        ))
        .layer(CatchPanicLayer::new())
        .layer(middleware::from_fn_with_state(
            state.clone(),
            error::error_pages,
        ))
        .layer(CompressionLayer::new())
        .layer(middleware::from_fn_with_state(
            state.clone(),
            security::headers,
        ))
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}
