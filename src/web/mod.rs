//! The web site: routes, shared state, and the layers every response goes through.

pub mod assets;
pub mod cache;
mod calendar;
pub mod content;
mod csrf;
mod directory;
pub mod error;
mod health;
mod home;
pub mod language;
mod listing;
pub mod news;
pub mod newsletter;
pub mod page;
pub mod page_cache;
mod security;
mod seo;

use std::{net::SocketAddr, sync::Arc, time::Duration};

use axum::{
    Router,
    body::Bytes,
    extract::{ConnectInfo, DefaultBodyLimit, Path, RawQuery, State},
    http::{HeaderMap, StatusCode},
    middleware,
    response::{IntoResponse, Redirect, Response},
    routing::get,
};
use tower_http::{
    catch_panic::CatchPanicLayer, compression::CompressionLayer, limit::RequestBodyLimitLayer, timeout::TimeoutLayer,
    trace::TraceLayer,
};

use crate::{
    startup::config::SiteConfig,
    store::Store,
    text::i18n::{Lang, Locales},
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
    pub mailer: Arc<crate::infra::mail::Mailer>,
    pub limiter: Arc<newsletter::Limiter>,
    /// Signs the forms' tokens.
    pub form_key: Arc<[u8]>,
    pub page_cache: Arc<page_cache::PageCache>,
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
        .route("/{lang}/{section}", get(section).post(section_post))
        .route("/{lang}/{section}/{item}", get(section_item).post(section_item_post))
        .route("/{lang}/{section}/{item}/{token}", get(newsletter_link).post(newsletter_link_post))
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
        .layer(middleware::from_fn_with_state(state.clone(), page_cache::middleware))
        .layer(middleware::from_fn_with_state(state.clone(), security::headers))
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}

/// `/{lang}/{section}`: a content page, the directory or the news, by its
/// localized slug. A slug of the other language leads to this language's.
async fn section(
    State(state): State<AppState>,
    Path((lang, slug)): Path<(String, String)>,
    RawQuery(query): RawQuery,
    CookieLang(cookie): CookieLang,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let lang = Lang::parse(&lang).ok_or(AppError::NotFound)?;
    if slug.strip_suffix(".ics").and_then(|s| Page::from_slug(lang, s)) == Some(Page::Calendar) {
        return calendar::feed(&state, lang, &headers).await;
    }
    match Page::from_slug(lang, &slug) {
        Some(Page::Directory) => directory::show(&state, lang, &parse_query(query)?, cookie).await,
        Some(Page::Calendar) => calendar::show(&state, lang, false, &parse_query(query)?, cookie).await,
        Some(Page::Newsletter) => newsletter::show(&state, lang, cookie),
        Some(Page::News) => news::list(&state, lang, &parse_query(query)?, cookie).await,
        Some(page) => content::show(&state, lang, page, cookie),
        None => match Page::from_other_slug(lang, &slug) {
            Some(page) => Ok(Redirect::permanent(&page.path(lang)).into_response()),
            None => Err(AppError::NotFound),
        },
    }
}

/// A page's query string, whose fields depend on the page.
fn parse_query<T: serde::de::DeserializeOwned>(query: Option<String>) -> Result<T, AppError> {
    serde_urlencoded::from_str(query.as_deref().unwrap_or("")).map_err(|_| AppError::BadFilter)
}

/// `/{lang}/{section}/{item}`: a signatory's page or a news item's.
async fn section_item(
    State(state): State<AppState>,
    Path((lang, slug, item)): Path<(String, String, String)>,
    RawQuery(query): RawQuery,
    CookieLang(cookie): CookieLang,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let lang = Lang::parse(&lang).ok_or(AppError::NotFound)?;
    match Page::from_slug(lang, &slug) {
        Some(Page::Directory) => directory::signatory(&state, lang, &item, cookie).await,
        Some(Page::Calendar) if item == Page::archive_slug(lang) => {
            calendar::show(&state, lang, true, &parse_query(query)?, cookie).await
        }
        Some(Page::Calendar) => match item.strip_suffix(".ics") {
            Some(event) => calendar::event_ics(&state, lang, event, &headers).await,
            None => calendar::event(&state, lang, &item, cookie).await,
        },
        Some(Page::News) => news::item(&state, lang, &item, cookie).await,
        _ => Err(AppError::NotFound),
    }
}

/// POST `/{lang}/{section}`: the newsletter's sign-up.
async fn section_post(
    State(state): State<AppState>,
    Path((lang, slug)): Path<(String, String)>,
    peer: ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, AppError> {
    let lang = Lang::parse(&lang).ok_or(AppError::NotFound)?;
    match Page::from_slug(lang, &slug) {
        Some(Page::Newsletter) => newsletter::subscribe(&state, lang, peer, &headers, &body).await,
        Some(_) => Err(AppError::MethodNotAllowed),
        None => Err(AppError::NotFound),
    }
}

/// POST `/{lang}/{section}/{item}`: leaving the newsletter by address.
async fn section_item_post(
    State(state): State<AppState>,
    Path((lang, slug, item)): Path<(String, String, String)>,
    peer: ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, AppError> {
    let lang = Lang::parse(&lang).ok_or(AppError::NotFound)?;
    match (Page::from_slug(lang, &slug), newsletter::Action::parse(lang, &item)) {
        (Some(Page::Newsletter), Some(newsletter::Action::Leave)) => {
            newsletter::leave(&state, lang, peer, &headers, &body).await
        }
        _ => Err(AppError::NotFound),
    }
}

/// The newsletter's links from mails: `/{lang}/{newsletter}/{action}/{token}`.
fn newsletter_action(lang: &str, slug: &str, action: &str) -> Result<(Lang, newsletter::Action), AppError> {
    let lang = Lang::parse(lang).ok_or(AppError::NotFound)?;
    match (Page::from_slug(lang, slug), newsletter::Action::parse(lang, action)) {
        (Some(Page::Newsletter), Some(action)) if action != newsletter::Action::Leave => Ok((lang, action)),
        _ => Err(AppError::NotFound),
    }
}

async fn newsletter_link(
    State(state): State<AppState>,
    Path((lang, slug, action, token)): Path<(String, String, String, String)>,
) -> Result<Response, AppError> {
    let (lang, action) = newsletter_action(&lang, &slug, &action)?;
    newsletter::link_page(&state, lang, action, &token).await
}

async fn newsletter_link_post(
    State(state): State<AppState>,
    Path((lang, slug, action, token)): Path<(String, String, String, String)>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, AppError> {
    let (lang, action) = newsletter_action(&lang, &slug, &action)?;
    newsletter::link_post(&state, lang, action, &token, &headers, &body).await
}
