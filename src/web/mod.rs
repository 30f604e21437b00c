//! The web site: routes, shared state, and the layers every response goes through.

pub mod assets;
pub mod content;
mod directory;
pub mod error;
mod health;
mod home;
pub mod language;
pub mod news;
pub mod page;
mod security;
mod seo;

use std::{sync::Arc, time::Duration};

use axum::{
    Router,
    extract::{DefaultBodyLimit, Path, Query, State},
    http::StatusCode,
    middleware,
    response::{IntoResponse, Redirect, Response},
    routing::get,
};
use tower_http::{
    catch_panic::CatchPanicLayer, compression::CompressionLayer, limit::RequestBodyLimitLayer, timeout::TimeoutLayer,
    trace::TraceLayer,
};

use crate::{
    config::SiteConfig,
    i18n::{Lang, Locales},
    store::Store,
};
use error::AppError;
use language::CookieLang;
use page::Page;

/// The largest request body a page accepts; larger ones get 413.
pub const BODY_LIMIT: usize = 16 * 1024;
const REQUEST_TIMEOUT: Duration = Duration::from_secs(15);

/// Everything a handler may need, cheap to clone.
#[derive(Clone)]
pub struct AppState {
    pub store: Store,
    pub locales: Arc<Locales>,
    pub assets: Arc<assets::Assets>,
    pub content: Arc<content::Content>,
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
        .route("/{lang}/{section}", get(section))
        .route("/{lang}/{section}/{item}", get(section_item))
        .route("/open-data/signatories.csv", get(directory::csv))
        .route("/open-data/signatories.json", get(directory::json))
        .route(&news::feed_path(Lang::Fr), get(news::feed_fr))
        .route(&news::feed_path(Lang::En), get(news::feed_en))
        .route("/media/{file}", get(news::image))
        .route("/sitemap.xml", get(seo::sitemap))
        .route("/robots.txt", get(seo::robots))
        .fallback(error::not_found)
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(RequestBodyLimitLayer::new(BODY_LIMIT))
        .layer(TimeoutLayer::with_status_code(StatusCode::SERVICE_UNAVAILABLE, REQUEST_TIMEOUT))
        .layer(CatchPanicLayer::new())
        .layer(middleware::from_fn_with_state(state.clone(), error::error_pages))
        .layer(CompressionLayer::new())
        .layer(middleware::from_fn_with_state(state.clone(), security::headers))
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}

/// `/{lang}/{section}`: a content page, the directory or the news, by its
/// localized slug. A slug of the other language leads to this language's.
async fn section(
    State(state): State<AppState>,
    Path((lang, slug)): Path<(String, String)>,
    Query(query): Query<directory::DirectoryQuery>,
    Query(news_query): Query<news::NewsQuery>,
    CookieLang(cookie): CookieLang,
) -> Result<Response, AppError> {
    let lang = Lang::parse(&lang).ok_or(AppError::NotFound)?;
    match Page::from_slug(lang, &slug) {
        Some(Page::Directory) => directory::show(&state, lang, &query, cookie).await,
        Some(Page::News) => news::list(&state, lang, &news_query, cookie).await,
        Some(page) => content::show(&state, lang, page, cookie),
        None => match Page::from_other_slug(lang, &slug) {
            Some(page) => Ok(Redirect::permanent(&page.path(lang)).into_response()),
            None => Err(AppError::NotFound),
        },
    }
}

/// `/{lang}/{section}/{item}`: a signatory's page or a news item's.
async fn section_item(
    State(state): State<AppState>,
    Path((lang, slug, item)): Path<(String, String, String)>,
    CookieLang(cookie): CookieLang,
) -> Result<Response, AppError> {
    let lang = Lang::parse(&lang).ok_or(AppError::NotFound)?;
    match Page::from_slug(lang, &slug) {
        Some(Page::Directory) => directory::signatory(&state, lang, &item, cookie).await,
        Some(Page::News) => news::item(&state, lang, &item, cookie).await,
        _ => Err(AppError::NotFound),
    }
}
