//! News (Actualités / News): the paginated list, a page per item, one RSS
//! 2.0 feed per language, the items' images served from the site's own
//! origin, and a draft's private preview link.

use askama::Template;
use axum::{
    extract::{Path, State},
    http::{HeaderMap, HeaderName, HeaderValue, StatusCode, header},
    response::{IntoResponse, Redirect, Response},
};
use time::{OffsetDateTime, format_description::well_known::Rfc2822};

use crate::{
    domain::{Slug, news::Translated},
    infra::random,
    store,
    text::{
        hex,
        i18n::{Lang, Tr},
        markdown,
    },
    web::{
        conditional,
        error::AppError,
        extract::{PageLanguages, PathLang},
        forgery::PRIVATE_REFERRER_POLICY,
        page_cache::PageQuery,
        paths::{self, Page},
        state::AppState,
        view::{
            PageContext,
            cards::{NewsCard, datetime_attr},
            listing::NewsQuery,
            listing::{self, Pagination, page_number, pages_through},
            render, render_remembering, render_with_status,
        },
    },
};

/// Items on one page of the list.
pub const PAGE_SIZE: i64 = 10;
/// Items in a feed: the latest ones.
pub const FEED_SIZE: i64 = 20;
/// How long a feed reader may keep a feed before asking again.
const FEED_CACHE: &str = "public, max-age=300";
/// Images are named by their content: they never change.
const IMAGE_CACHE: &str = "public, max-age=31536000, immutable";

fn list_href(lang: Lang, page: i64) -> String {
    let path = Page::News.path(lang);
    if page > 1 { format!("{path}?page={page}") } else { path }
}

#[derive(Template)]
#[template(path = "news_list.html")]
struct ListPage {
    ctx: PageContext,
    cards: Vec<NewsCard>,
    pagination: Option<Pagination>,
}

/// `/fr/actualites`, `/en/news`: the items in the language, newest first.
pub async fn list(
    State(state): State<AppState>,
    PageLanguages { lang, cookie }: PageLanguages,
    PageQuery(query): PageQuery<NewsQuery>,
) -> Result<Response, AppError> {
    let page = page_number(query.page.as_deref())?;
    let now = store::instant(state.config.clock.now());
    let total = state.store.news_count(lang, now).await?;
    let pages = pages_through(total, PAGE_SIZE, page)?;
    let entries = state.store.news_list(lang, now, PAGE_SIZE, (page - 1) * PAGE_SIZE).await?;
    let mut ctx = PageContext::for_page(&state, lang, Page::News, &state.locales.format(lang, "news-title", None));
    if page > 1 {
        ctx.canonical = Some(format!("{}{}", state.config.base_url, list_href(lang, page)));
    }
    let tr = ctx.tr.clone();
    let template = ListPage {
        cards: entries.iter().map(|entry| NewsCard::new(&tr, entry)).collect(),
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
    /// The image's address and alternative text.
    image: Option<(String, String)>,
    /// Sanitised HTML.
    summary: String,
    /// Sanitised HTML.
    body: String,
    back_href: String,
    /// The latest other items, to read on.
    others: Vec<NewsCard>,
    /// On a draft's preview: the banner that says it is not published.
    draft_banner: Option<String>,
}

/// `/fr/actualites/{slug}`, `/en/news/{slug}`: an item, in a language it
/// is written in.
pub async fn item(
    State(state): State<AppState>,
    PageLanguages { lang, cookie }: PageLanguages,
    Path(item): Path<String>,
) -> Result<Response, AppError> {
    let slug = Slug::parse(&item).map_err(|_| AppError::NotFound)?;
    let now = store::instant(state.config.clock.now());
    let entry = state.store.news_entry(lang, &slug, now).await?.ok_or(AppError::NotFound)?;
    let languages = state.store.news_languages(&slug, now).await?;
    let mut ctx = PageContext::for_page(&state, lang, Page::NewsItem { slug: slug.to_string() }, &entry.title);
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
        .map(|other| NewsCard::new(&ctx.tr, other))
        .collect();
    let local = entry.published.local();
    let template = ItemPage {
        title: entry.title.clone(),
        date: ctx.tr.date(local.date()),
        datetime: datetime_attr(local),
        image: entry.image.as_ref().map(|image| (paths::media(&image.hash, image.kind.extension()), image.alt.clone())),
        summary: markdown::to_html(&entry.summary),
        body: markdown::to_html(&entry.body),
        back_href: Page::News.path(lang),
        others,
        draft_banner: None,
        ctx,
    };
    render_remembering(&template, lang, cookie)
}

#[derive(Template)]
#[template(path = "news_preview_gone.html")]
struct PreviewGonePage {
    ctx: PageContext,
}

/// The answer to a preview link that opens nothing (never made, withdrawn,
/// expired, its item published or deleted): a page that says so, 404.
fn preview_gone(state: &AppState, lang: Lang) -> Result<Response, AppError> {
    let ctx = PageContext::bare(state, lang, Some(&Page::News));
    private_preview(render_with_status(&PreviewGonePage { ctx }, lang, StatusCode::NOT_FOUND)?)
}

/// A preview link's answer: its address holds a secret (never sent to
/// another site), and it is kept by no cache and indexed by no engine.
fn private_preview(mut response: Response) -> Result<Response, AppError> {
    let headers = response.headers_mut();
    headers.insert(header::REFERRER_POLICY, PRIVATE_REFERRER_POLICY);
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(HeaderName::from_static("x-robots-tag"), HeaderValue::from_static("noindex"));
    Ok(response)
}

/// `/fr/actualites/apercu/{token}`, `/en/news/preview/{token}`: a draft,
/// opened by its private preview link without an account, as its public
/// page will show it, under a banner that says it is not published. In a
/// language the draft is not written in, the language it has.
pub async fn preview(
    State(state): State<AppState>,
    PathLang(lang): PathLang,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    if !hex::is_hex(&token, 64) {
        return preview_gone(&state, lang);
    }
    let now = state.config.clock.now();
    let Some(id) = state.store.news_previewed(&random::token_hash(&token), now).await? else {
        return preview_gone(&state, lang);
    };
    let Some(item) = state.store.staff_news(id).await?.filter(|item| item.draft) else {
        return preview_gone(&state, lang);
    };
    let Some(translation) = item.translation(lang) else {
        return private_preview(Redirect::to(&paths::news_preview(lang.other(), &token)).into_response());
    };
    let mut ctx = PageContext::bare(&state, lang, Some(&Page::News));
    ctx.switch_href = if item.translation(lang.other()).is_some() {
        paths::news_preview(lang.other(), &token)
    } else {
        Page::News.path(lang.other())
    };
    let published = store::instant(now);
    let others =
        state.store.news_list(lang, published, 3, 0).await?.iter().map(|other| NewsCard::new(&ctx.tr, other)).collect();
    // Dated as if published now (to the second, as stored), in the
    // secretariat's time zone.
    let local = state.config.time_zone.local(published);
    let template = ItemPage {
        title: translation.title.as_str().to_owned(),
        date: ctx.tr.date(local.date()),
        datetime: datetime_attr(local),
        image: item.image.as_ref().map(|image| {
            let alt = translation.image_alt.as_ref().map(|alt| alt.as_str().to_owned()).unwrap_or_default();
            (paths::media(&image.hash, image.kind.extension()), alt)
        }),
        summary: markdown::to_html(translation.summary.as_str()),
        body: markdown::to_html(translation.body.as_str()),
        back_href: Page::News.path(lang),
        others,
        draft_banner: Some(ctx.t("preview-draft-banner")),
        ctx,
    };
    private_preview(render(&template, lang)?)
}

/// The RSS 2.0 channel of a language's latest items.
async fn channel(state: &AppState, lang: Lang) -> Result<(rss::Channel, Option<OffsetDateTime>), AppError> {
    use rss::extension::atom::{AtomExtension, Link};
    let now = store::instant(state.config.clock.now());
    let base = &state.config.base_url;
    let tr = Tr::new(lang, state.locales.clone());
    let last_modified = state.store.news_last_modified(now).await?;
    let entries = state.store.news_list(lang, now, FEED_SIZE, 0).await?;
    let items = entries
        .iter()
        .map(|entry| {
            let link = format!("{base}{}", Page::NewsItem { slug: entry.slug.to_string() }.path(lang));
            rss::Item {
                title: Some(if entry.sample {
                    format!("{} {}", tr.t("sample-feed-prefix"), entry.title)
                } else {
                    entry.title.clone()
                }),
                link: Some(link.clone()),
                description: Some(markdown::to_html(&entry.summary)),
                guid: Some(rss::Guid { value: link, permalink: true }),
                pub_date: entry.published.local().format(&Rfc2822).ok(),
                ..rss::Item::default()
            }
        })
        .collect();
    let channel = rss::Channel {
        title: format!("{} – {}", tr.t("site-name"), tr.t("news-title")),
        link: format!("{base}{}", Page::News.path(lang)),
        description: if entries.iter().any(|entry| entry.sample) {
            format!("{} {}", tr.t("news-feed-description"), tr.t("sample-feed-note"))
        } else {
            tr.t("news-feed-description")
        },
        language: Some(lang.code().to_owned()),
        last_build_date: last_modified.and_then(|at| at.format(&Rfc2822).ok()),
        atom_ext: Some(AtomExtension {
            links: vec![Link {
                href: format!("{base}{}", paths::news_feed(lang)),
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
pub async fn feed(
    State(state): State<AppState>,
    PathLang(lang): PathLang,
    request: HeaderMap,
) -> Result<Response, AppError> {
    let (channel, last_modified) = channel(&state, lang).await?;
    let body = channel.write_to(Vec::new()).map_err(|e| AppError::Internal(e.into()))?;
    Ok(conditional::respond(&request, "application/rss+xml; charset=utf-8", FEED_CACHE, body, last_modified))
}

/// `/media/{hash}.{ext}`: an item's image, named by the SHA-256 of its
/// bytes, so that it may be kept for a year.
pub async fn image(
    State(state): State<AppState>,
    Path(file): Path<String>,
    request: HeaderMap,
) -> Result<Response, AppError> {
    let (hash, extension) = file.split_once('.').ok_or(AppError::NotFound)?;
    if !hex::is_hex(hash, 64) || hash.bytes().any(|b| b.is_ascii_uppercase()) {
        return Err(AppError::NotFound);
    }
    let (kind, bytes) = state.store.news_image(hash).await?.ok_or(AppError::NotFound)?;
    if kind.extension() != extension {
        return Err(AppError::NotFound);
    }
    let etag = format!("\"{hash}\"");
    let mut response = if conditional::not_modified(&request, &etag, || None) {
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
