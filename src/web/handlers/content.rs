//! The campaign's prose pages: About, Campaign aims, The Pact, and the
//! privacy notice (their text: `text::pages`): the latest revision staff
//! saved, else the bundled text.

use std::{borrow::Cow, future::Future, pin::Pin};

use askama::Template;
use axum::{extract::State, response::Response};

use crate::{
    text::{i18n::Lang, pages::Prose},
    web::{
        error::AppError,
        extract::PageLanguages,
        paths::{JoinPage, Page},
        state::AppState,
        view::{PageContext, prose::render_text, render_remembering},
    },
};

#[derive(Template)]
#[template(path = "content.html")]
struct ContentPage<'a> {
    ctx: PageContext,
    title: String,
    /// Sanitised HTML rendered from the project's or staff's Markdown.
    body: Cow<'a, str>,
    /// Links to the other pages a reader goes on to.
    next: Vec<(String, String)>,
}

async fn show(state: AppState, lang: Lang, prose: Prose, cookie: Option<Lang>) -> Result<Response, AppError> {
    let page = Page::from(prose);
    let title_id = prose.title_id();
    // One small query when the page is rendered; the page cache keeps the
    // result until the next change anywhere (a save raises the revision).
    let body = match state.store.page_body(prose, lang).await? {
        Some(markdown) => Cow::Owned(render_text(&state, lang, prose, markdown).await?),
        None => Cow::Borrowed(state.pages.body(lang, prose)),
    };
    let ctx = PageContext::for_page(&state, lang, page, &state.locales.format(lang, title_id, None));
    let mut next = Vec::new();
    match prose {
        Prose::Privacy => next.push((Page::Newsletter.path(lang), ctx.t("newsletter-title"))),
        Prose::Legal => next.push((Page::Privacy.path(lang), ctx.t("privacy-title"))),
        Prose::Accessibility => next.push((Page::Legal.path(lang), ctx.t("legal-title"))),
        Prose::Contact => next.push((Page::Help.path(lang), ctx.t("help-title"))),
        Prose::Help => next.push((Page::Contact.path(lang), ctx.t("contact-title"))),
        Prose::Pact => next.push((JoinPage::Form.path(lang), ctx.t("join-link"))),
        Prose::About | Prose::Aims => next.push((Page::Pact.path(lang), ctx.t("content-read-pact"))),
    }
    if !matches!(prose, Prose::Contact | Prose::Help) {
        next.push((Page::Directory.path(lang), ctx.t("content-see-members")));
    }
    let title = ctx.t(title_id);
    render_remembering(&ContentPage { ctx, title, body, next }, lang, cookie)
}

/// The handler of a prose page: `get(content::page(Prose::About))`.
pub fn page(prose: Prose) -> impl Fn(State<AppState>, PageLanguages) -> Shown + Clone + Send + Sync + 'static {
    move |State(state): State<AppState>, PageLanguages { lang, cookie }: PageLanguages| {
        Box::pin(show(state, lang, prose, cookie))
    }
}

/// What a prose page's handler returns.
type Shown = Pin<Box<dyn Future<Output = Result<Response, AppError>> + Send>>;
