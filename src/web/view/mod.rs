//! Page views: what every page template carries (the request's language
//! and localizer, the navigation, the language switcher, hreflang
//! alternates, the footer's forms and links), the parts lists share, and
//! the rendering of a template into a response.

pub mod accounts;
pub mod admin;
pub mod application;
pub mod audit;
pub mod calendar;
pub mod cards;
pub mod directory;
pub mod form;
pub mod history;
pub mod listing;
pub mod map;
pub mod prose;
pub mod sign_in;
pub mod typed;

use askama::Template;
use axum::{
    http::{HeaderValue, StatusCode, header},
    response::{Html, IntoResponse, Response},
};

use super::{
    error::AppError,
    negotiate,
    paths::{self, Page},
    state::AppState,
};
use crate::text::i18n::{Lang, Tr};

/// A link in the navigation.
pub struct NavLink {
    pub href: String,
    pub label: String,
    pub current: bool,
}

/// A `<link rel="alternate" hreflang>` of the page.
pub struct Alternate {
    pub hreflang: &'static str,
    pub href: String,
}

/// The shell every page template is rendered in (see `templates/base.html`).
pub struct PageContext {
    pub tr: Tr,
    pub lang: Lang,
    pub nav: Vec<NavLink>,
    /// The same page in the other language, for the switcher.
    pub switch_href: String,
    pub switch_lang: Lang,
    pub alternates: Vec<Alternate>,
    pub canonical: Option<String>,
    pub stylesheet: String,
    pub favicon: String,
    pub home_href: String,
    /// The language's iCalendar feed, advertised on every page.
    pub calendar_feed: String,
    /// The newsletter form in the footer: where it posts, its token, and
    /// the privacy notice it links to.
    pub newsletter_action: String,
    pub form_token: String,
    pub privacy_href: String,
    pub legal_href: String,
    pub accessibility_href: String,
    pub help_href: String,
    pub contact_href: String,
    pub facebook_url: Option<String>,
    /// Plain links to share the page, built here: no third-party script.
    pub share: Vec<ShareLink>,
    /// The news feed of the page's language, advertised in `<head>` and
    /// linked from the footer.
    pub feed_href: String,
    pub feed_title: String,
    /// The banner every page shows while the site shows sample data.
    pub sample_notice: Option<String>,
}

/// A link that shares the page on a network or by e-mail.
pub struct ShareLink {
    pub label: String,
    pub href: String,
}

/// The share links for a page's public address and title.
fn share_links(url: &str, title: &str, email_label: String) -> Vec<ShareLink> {
    use percent_encoding::{NON_ALPHANUMERIC, utf8_percent_encode};
    let url = utf8_percent_encode(url, NON_ALPHANUMERIC).to_string();
    let title = utf8_percent_encode(title, NON_ALPHANUMERIC).to_string();
    vec![
        // X's web intent, as X documents it for a Post button:
        // https://docs.x.com/x-for-websites/post-button/overview
        // (https://x.com/intent/tweet, its parameters `url` and `text`).
        ShareLink { label: "X".into(), href: format!("https://x.com/intent/tweet?url={url}&text={title}") },
        ShareLink { label: email_label, href: format!("mailto:?subject={title}&body={url}") },
    ]
}

impl PageContext {
    /// The shell of a public page, with hreflang alternates, a canonical
    /// link and share links; `title` is the page's title, for sharing.
    pub fn for_page(state: &AppState, lang: Lang, page: Page, title: &str) -> PageContext {
        let base = &state.config.base_url;
        let mut alternates: Vec<Alternate> = Lang::ALL
            .iter()
            .map(|l| Alternate { hreflang: l.code(), href: format!("{base}{}", page.path(*l)) })
            .collect();
        alternates.push(Alternate { hreflang: "x-default", href: format!("{base}{}", page.path(Lang::DEFAULT)) });
        let mut context = PageContext::bare(state, lang, Some(&page));
        let canonical = format!("{base}{}", page.path(lang));
        context.share =
            share_links(&canonical, &format!("{title} – {}", context.t("site-name")), context.t("share-email"));
        context.switch_href = page.path(lang.other());
        context.canonical = Some(canonical);
        context.alternates = alternates;
        context
    }

    /// The shell of a page that has no twin and should not be indexed (an
    /// error page): the switcher leads to the other language's home page.
    pub fn bare(state: &AppState, lang: Lang, current: Option<&Page>) -> PageContext {
        let tr = Tr::new(lang, state.locales.clone());
        let section = current.map(Page::section);
        let nav = Page::NAVIGATION
            .iter()
            .map(|page| NavLink {
                href: page.path(lang),
                label: tr.t(page.nav_label()),
                current: section.as_ref() == Some(page),
            })
            .collect();
        PageContext {
            nav,
            switch_href: Page::Home.path(lang.other()),
            switch_lang: lang.other(),
            alternates: Vec::new(),
            canonical: None,
            stylesheet: state.assets.url("style.css"),
            favicon: state.assets.url("favicon.svg"),
            home_href: Page::Home.path(lang),
            calendar_feed: paths::calendar_feed(lang),
            newsletter_action: Page::Newsletter.path(lang),
            form_token: state.form_key.token(state.config.clock.now()),
            privacy_href: Page::Privacy.path(lang),
            legal_href: Page::Legal.path(lang),
            accessibility_href: Page::Accessibility.path(lang),
            help_href: Page::Help.path(lang),
            contact_href: Page::Contact.path(lang),
            facebook_url: state.config.facebook_url.clone(),
            share: Vec::new(),
            feed_href: paths::news_feed(lang),
            feed_title: tr.t("news-feed-link-title"),
            sample_notice: state.sample.present().then(|| tr.t("sample-banner")),
            tr,
            lang,
        }
    }

    /// For a page that exists in this language only (a news item written
    /// in one language): the hreflang alternates name this language alone,
    /// and the switcher leads to `fallback` in the other language instead
    /// of a page that is not there.
    pub fn only_in_this_language(&mut self, fallback: &Page) {
        let lang = self.lang;
        self.alternates.retain(|alternate| alternate.hreflang == lang.code());
        self.switch_href = fallback.path(lang.other());
    }

    /// Shorthand for templates: `{{ ctx.t("nav-home") }}`.
    pub fn t(&self, id: &str) -> String {
        self.tr.t(id)
    }
}

/// Marks a response whose body is a page rendered by the site, so that the
/// error-page layer leaves it alone.
#[derive(Clone, Copy, Debug)]
pub struct Rendered;

/// Renders a page template into an HTML response in the page's language.
/// A visitor reading a language has chosen it: a cookie remembers it for
/// their next visit to `/`.
pub fn render(template: &impl Template, lang: Lang) -> Result<Response, AppError> {
    let html = template.render().map_err(|e| AppError::Internal(e.into()))?;
    let mut response = Html(html).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    headers.insert(header::CONTENT_LANGUAGE, HeaderValue::from_static(lang.code()));
    response.extensions_mut().insert(Rendered);
    Ok(response)
}

/// Renders a page and remembers its language in the visitor's cookie.
pub fn render_remembering(
    template: &impl Template,
    lang: Lang,
    cookie_lang: Option<Lang>,
) -> Result<Response, AppError> {
    let mut response = render(template, lang)?;
    if cookie_lang != Some(lang) {
        response.headers_mut().append(header::SET_COOKIE, negotiate::language_cookie(lang));
    }
    Ok(response)
}

/// Renders a page with another status than 200: a form shown again with
/// its errors (422), an invalid link (404).
pub fn render_with_status(template: &impl Template, lang: Lang, status: StatusCode) -> Result<Response, AppError> {
    let mut response = render(template, lang)?;
    *response.status_mut() = status;
    Ok(response)
}
