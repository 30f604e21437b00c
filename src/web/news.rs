//! News (Actualités / News): the paginated list, a page per item, the home
//! page's latest items, one RSS 2.0 feed per language, and the items'
//! images served from the site's own origin.

use askama::Template;
use axum::{
    extract::{Path, State},
    http::{HeaderMap, HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
};
use serde::Deserialize;
use time::{
    OffsetDateTime,
    format_description::well_known::{Rfc2822, Rfc3339},
};

use super::{
    AppState,
    error::AppError,
    listing::{self, Pagination},
    page::{Page, PageContext, render_remembering},
};
use crate::{
    domain::{
        Slug,
        news::{ImageRef, NewsEntry},
    },
    text::i18n::{Lang, Tr},
};

/// Items on one page of the list.
pub const PAGE_SIZE: i64 = 10;
/// Items in a feed: the latest ones.
pub const FEED_SIZE: i64 = 20;
/// How long a feed reader may keep a feed before asking again.
const FEED_CACHE: &str = "public, max-age=300";
/// Images are named by their content: they never change.
const IMAGE_CACHE: &str = "public, max-age=31536000, immutable";

/// A language's feed: `/fr/actualites.rss`, `/en/news.rss`.
pub fn feed_path(lang: Lang) -> String {
    format!("{}.rss", Page::News.path(lang))
}

/// A news item as a list shows it.
pub struct Card {
    pub href: String,
    pub title: String,
    pub date: String,
    pub datetime: String,
    /// Sanitised HTML.
    pub summary: String,
}

fn datetime_attr(at: OffsetDateTime) -> String {
    at.format(&Rfc3339).unwrap_or_default()
}

impl Card {
    pub fn of(tr: &Tr, lang: Lang, entry: &NewsEntry) -> Card {
        let local = entry.published.local();
        Card {
            href: Page::NewsItem { slug: entry.slug.to_string() }.path(lang),
            title: entry.title.clone(),
            date: tr.date(local.date()),
            datetime: datetime_attr(local),
            summary: crate::text::markdown::to_html(&entry.summary),
        }
    }
}

/// The latest items in a language, for the home page.
pub async fn latest(state: &AppState, tr: &Tr, count: i64) -> Result<Vec<Card>, AppError> {
    let lang = tr.lang();
    let entries = state.store.news_list(lang, state.config.clock.now_to_second(), count, 0).await?;
    Ok(entries.iter().map(|entry| Card::of(tr, lang, entry)).collect())
}

/// The list's query string.
#[derive(Debug, Default, Deserialize)]
pub struct NewsQuery {
    page: Option<String>,
}

impl NewsQuery {
    /// The page number: 1 when absent; anything but a sensible number is a
    /// bad request.
    fn page(&self) -> Result<i64, AppError> {
        match self.page.as_deref().map(str::trim).filter(|p| !p.is_empty()) {
            None => Ok(1),
            Some(page) => page.parse::<i64>().ok().filter(|p| (1..=1_000_000).contains(p)).ok_or(AppError::BadFilter),
        }
    }
}

fn list_href(lang: Lang, page: i64) -> String {
    let path = Page::News.path(lang);
    if page > 1 { format!("{path}?page={page}") } else { path }
}

#[derive(Template)]
#[template(path = "news_list.html")]
struct ListPage {
    ctx: PageContext,
    cards: Vec<Card>,
    pagination: Option<Pagination>,
}

/// `/fr/actualites`, `/en/news`: the items in the language, newest first.
pub async fn list(state: &AppState, lang: Lang, query: &NewsQuery, cookie: Option<Lang>) -> Result<Response, AppError> {
    let page = query.page()?;
    let now = state.config.clock.now_to_second();
    let total = state.store.news_count(lang, now).await?;
    let pages = ((total + PAGE_SIZE - 1) / PAGE_SIZE).max(1);
    if page > pages {
        return Err(AppError::NotFound);
    }
    let entries = state.store.news_list(lang, now, PAGE_SIZE, (page - 1) * PAGE_SIZE).await?;
    let mut ctx = PageContext::for_page(state, lang, Page::News, &state.locales.format(lang, "news-title", None));
    if page > 1 {
        ctx.canonical = Some(format!("{}{}", state.config.base_url, list_href(lang, page)));
    }
    let tr = ctx.tr.clone();
    let template = ListPage {
        cards: entries.iter().map(|entry| Card::of(&tr, lang, entry)).collect(),
        pagination: Pagination::new(&tr, &listing::NEWS, page, pages, |p| list_href(lang, p)),
        ctx,
    };
    render_remembering(&template, lang, cookie)
}

#[derive(Template)]
#[template(path = "news_item.html")]
struct ItemPage {
    ctx: PageContext,
    title: String,
    date: String,
    datetime: String,
    image: Option<ImageRef>,
    /// Sanitised HTML.
    summary: String,
    /// Sanitised HTML.
    body: String,
    back_href: String,
    /// The latest other items, to read on.
    others: Vec<Card>,
}

/// `/fr/actualites/{slug}`, `/en/news/{slug}`: an item, in a language it
/// is written in.
pub async fn item(state: &AppState, lang: Lang, item: &str, cookie: Option<Lang>) -> Result<Response, AppError> {
    let slug = Slug::parse(item).map_err(|_| AppError::NotFound)?;
    let now = state.config.clock.now_to_second();
    let entry = state.store.news_entry(lang, &slug, now).await?.ok_or(AppError::NotFound)?;
    let languages = state.store.news_languages(&slug, now).await?;
    let mut ctx = PageContext::for_page(state, lang, Page::NewsItem { slug: slug.to_string() }, &entry.title);
    if !languages.contains(&lang.other()) {
        ctx.only_in_this_language(&Page::News);
    }
    let others = state
        .store
        .news_list(lang, now, 4, 0)
        .await?
        .iter()
        .filter(|other| other.slug != slug)
        .take(3)
        .map(|other| Card::of(&ctx.tr, lang, other))
        .collect();
    let local = entry.published.local();
    let template = ItemPage {
        title: entry.title.clone(),
        date: ctx.tr.date(local.date()),
        datetime: datetime_attr(local),
        image: entry.image.clone(),
        summary: crate::text::markdown::to_html(&entry.summary),
        body: crate::text::markdown::to_html(&entry.body),
        back_href: Page::News.path(lang),
        others,
        ctx,
    };
    render_remembering(&template, lang, cookie)
}

/// The RSS 2.0 channel of a language's latest items.
async fn channel(state: &AppState, lang: Lang) -> Result<(rss::Channel, Option<OffsetDateTime>), AppError> {
    use rss::extension::atom::{AtomExtension, Link};
    let now = state.config.clock.now_to_second();
    let base = &state.config.base_url;
    let tr = Tr::new(lang, state.locales.clone());
    let last_modified = state.store.news_last_modified(now).await?;
    let entries = state.store.news_list(lang, now, FEED_SIZE, 0).await?;
    let items = entries
        .iter()
        .map(|entry| {
            let link = format!("{base}{}", Page::NewsItem { slug: entry.slug.to_string() }.path(lang));
            rss::Item {
                title: Some(entry.title.clone()),
                link: Some(link.clone()),
                description: Some(crate::text::markdown::to_html(&entry.summary)),
                guid: Some(rss::Guid { value: link, permalink: true }),
                pub_date: entry.published.local().format(&Rfc2822).ok(),
                ..rss::Item::default()
            }
        })
        .collect();
    let channel = rss::Channel {
        title: format!("{} – {}", tr.t("site-name"), tr.t("news-title")),
        link: format!("{base}{}", Page::News.path(lang)),
        description: tr.t("news-feed-description"),
        language: Some(lang.code().to_owned()),
        last_build_date: last_modified.and_then(|at| at.format(&Rfc2822).ok()),
        atom_ext: Some(AtomExtension {
            links: vec![Link {
                href: format!("{base}{}", feed_path(lang)),
                rel: "self".to_owned(),
                mime_type: Some("application/rss+xml".to_owned()),
                ..Link::default()
            }],
        }),
        items,
        ..rss::Channel::default()
    };
    Ok((channel, last_modified))
}

/// `/fr/actualites.rss`, `/en/news.rss`: the language's feed, with an ETag
/// and a Last-Modified date so that feed readers ask cheaply.
pub async fn feed(state: &AppState, lang: Lang, request: &HeaderMap) -> Result<Response, AppError> {
    let (channel, last_modified) = channel(state, lang).await?;
    let body = channel.write_to(Vec::new()).map_err(|e| AppError::Internal(e.into()))?;
    Ok(super::cache::respond(request, "application/rss+xml; charset=utf-8", FEED_CACHE, body, last_modified))
}

pub async fn feed_fr(State(state): State<AppState>, headers: HeaderMap) -> Result<Response, AppError> {
    feed(&state, Lang::Fr, &headers).await
}

pub async fn feed_en(State(state): State<AppState>, headers: HeaderMap) -> Result<Response, AppError> {
    feed(&state, Lang::En, &headers).await
}

/// `/media/{hash}.{ext}`: an item's image, named by the SHA-256 of its
/// bytes, so that it may be kept for a year.
pub async fn image(
    State(state): State<AppState>,
    Path(file): Path<String>,
    request: HeaderMap,
) -> Result<Response, AppError> {
    let (hash, extension) = file.split_once('.').ok_or(AppError::NotFound)?;
    if hash.len() != 64 || !hash.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)) {
        return Err(AppError::NotFound);
    }
    let (kind, bytes) = state.store.news_image(hash).await?.ok_or(AppError::NotFound)?;
    if kind.extension() != extension {
        return Err(AppError::NotFound);
    }
    let etag = format!("\"{hash}\"");
    let mut response = if super::cache::not_modified(&request, &etag, None) {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        ([(header::CONTENT_TYPE, kind.content_type())], bytes).into_response()
    };
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(IMAGE_CACHE));
    if let Ok(value) = HeaderValue::from_str(&etag) {
        headers.insert(header::ETAG, value);
    }
    Ok(response)
}

#[cfg(test)]
mod tests {
    use super::{super::cache::*, *};

    #[test]
    fn markdown_is_rendered_and_sanitised() {
        let html = crate::text::markdown::to_html(
            "# Title\n\nText <script>alert(1)</script> **bold**\n\n<img src=x onerror=alert(1)>",
        );
        assert!(html.contains("<h2>Title</h2>"), "{html}");
        assert!(html.contains("<strong>bold</strong>"), "{html}");
        assert!(!html.contains("script") && !html.contains("onerror") && !html.contains("<img"), "{html}");
        let html = crate::text::markdown::to_html("[a](javascript:alert(1)) [b](https://example.org/) [c](/fr/pacte)");
        assert!(!html.contains("javascript"), "{html}");
        assert!(html.contains("href=\"https://example.org/\""), "{html}");
        assert!(html.contains("href=\"/fr/pacte\""), "{html}");
        let html = crate::text::markdown::to_html(
            "<p style=\"color:red\" onclick=\"x()\">hi</p><iframe src=\"https://x\"></iframe>",
        );
        assert!(!html.contains("style") && !html.contains("onclick") && !html.contains("iframe"), "{html}");
    }

    #[test]
    fn http_dates() {
        let at = time::macros::datetime!(1994-11-06 08:49:37 UTC);
        assert_eq!(format_http_date(at), "Sun, 06 Nov 1994 08:49:37 GMT");
        assert_eq!(parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT"), Some(at));
        assert_eq!(
            format_http_date(time::macros::datetime!(2026-03-02 11:00:00 +01:00)),
            "Mon, 02 Mar 2026 10:00:00 GMT"
        );
        assert_eq!(parse_http_date("yesterday"), None);
        assert_eq!(parse_http_date(""), None);
    }

    #[test]
    fn conditional_requests() {
        let at = time::macros::datetime!(2026-03-02 10:00:00 UTC);
        let headers = |pairs: &[(header::HeaderName, &'static str)]| {
            let mut map = HeaderMap::new();
            for (name, value) in pairs {
                map.insert(name.clone(), HeaderValue::from_static(value));
            }
            map
        };
        assert!(not_modified(&headers(&[(header::IF_NONE_MATCH, "\"a\"")]), "\"a\"", None));
        assert!(not_modified(&headers(&[(header::IF_NONE_MATCH, "\"b\", W/\"a\"")]), "\"a\"", None));
        assert!(!not_modified(&headers(&[(header::IF_NONE_MATCH, "\"b\"")]), "\"a\"", Some(at)));
        let since = |value| headers(&[(header::IF_MODIFIED_SINCE, value)]);
        assert!(not_modified(&since("Mon, 02 Mar 2026 10:00:00 GMT"), "\"a\"", Some(at)));
        assert!(!not_modified(&since("Mon, 02 Mar 2026 09:59:59 GMT"), "\"a\"", Some(at)));
        assert!(!not_modified(&since("garbage"), "\"a\"", Some(at)));
        assert!(!not_modified(&since("Mon, 02 Mar 2026 10:00:00 GMT"), "\"a\"", None));
        // If-None-Match wins over If-Modified-Since.
        let both =
            headers(&[(header::IF_NONE_MATCH, "\"b\""), (header::IF_MODIFIED_SINCE, "Mon, 02 Mar 2026 10:00:00 GMT")]);
        assert!(!not_modified(&both, "\"a\"", Some(at)));
    }
}
