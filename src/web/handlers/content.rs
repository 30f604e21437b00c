//! The campaign's prose pages: About, Campaign aims, The Pact, and the
//! privacy notice (their text: `text::pages`).

use std::future::{Ready, ready};

use askama::Template;
use axum::{extract::State, response::Response};

use crate::{
    text::{i18n::Lang, pages::Prose},
    web::{
        error::AppError,
        extract::Visit,
        paths::Page,
        state::AppState,
        view::{PageContext, render_remembering},
    },
};

#[derive(Template)]
#[template(path = "content.html")]
struct ContentPage<'a> {
    ctx: PageContext,
    title: String,
    /// Trusted HTML rendered from the project's own Markdown.
    body: &'a str,
    /// Links to the other pages a reader goes on to.
    next: Vec<(String, String)>,
}

fn show(state: &AppState, lang: Lang, prose: Prose, cookie: Option<Lang>) -> Result<Response, AppError> {
    let (page, title_id) = match prose {
        Prose::About => (Page::About, "about-title"),
        Prose::Aims => (Page::Aims, "aims-title"),
        Prose::Pact => (Page::Pact, "pact-title"),
        Prose::Privacy => (Page::Privacy, "privacy-title"),
        Prose::Legal => (Page::Legal, "legal-title"),
        Prose::Accessibility => (Page::Accessibility, "accessibility-title"),
    };
    let ctx = PageContext::for_page(state, lang, page, &state.locales.format(lang, title_id, None));
    let mut next = Vec::new();
    match prose {
        Prose::Privacy => next.push((Page::Newsletter.path(lang), ctx.t("newsletter-title"))),
        Prose::Legal => next.push((Page::Privacy.path(lang), ctx.t("privacy-title"))),
        Prose::Accessibility => next.push((Page::Legal.path(lang), ctx.t("legal-title"))),
        Prose::Pact => {}
        Prose::About | Prose::Aims => next.push((Page::Pact.path(lang), ctx.t("content-read-pact"))),
    }
    next.push((Page::Directory.path(lang), ctx.t("content-see-members")));
    let title = ctx.t(title_id);
    let body = state.pages.body(lang, prose);
    render_remembering(&ContentPage { ctx, title, body, next }, lang, cookie)
}

/// The handler of a prose page: `get(content::page(Prose::About))`.
pub fn page(
    prose: Prose,
) -> impl Fn(State<AppState>, Visit) -> Ready<Result<Response, AppError>> + Clone + Send + Sync + 'static {
    move |State(state): State<AppState>, Visit { lang, cookie }: Visit| ready(show(&state, lang, prose, cookie))
}
