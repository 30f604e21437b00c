//! The campaign's content pages (About, Campaign aims, The Pact): prose
//! kept as Markdown in `locales/{fr,en}/pages/`, rendered once at start-up.

use std::collections::HashMap;

use askama::Template;
use axum::response::Response;

use super::{
    AppState,
    error::AppError,
    page::{Page, PageContext, render_remembering},
};
use crate::text::i18n::Lang;

const SOURCES: &[(Lang, &str, &str)] = &[
    (Lang::Fr, "about", include_str!("../../locales/fr/pages/about.md")),
    (Lang::Fr, "aims", include_str!("../../locales/fr/pages/aims.md")),
    (Lang::Fr, "pact", include_str!("../../locales/fr/pages/pact.md")),
    (Lang::Fr, "privacy", include_str!("../../locales/fr/pages/privacy.md")),
    (Lang::En, "about", include_str!("../../locales/en/pages/about.md")),
    (Lang::En, "aims", include_str!("../../locales/en/pages/aims.md")),
    (Lang::En, "pact", include_str!("../../locales/en/pages/pact.md")),
    (Lang::En, "privacy", include_str!("../../locales/en/pages/privacy.md")),
];

/// The content pages' bodies as HTML, by language and page.
pub struct Content {
    bodies: HashMap<(Lang, &'static str), String>,
}

impl Content {
    pub fn load() -> Content {
        let bodies = SOURCES
            .iter()
            .map(|(lang, name, markdown)| ((*lang, *name), crate::text::markdown::to_html(markdown)))
            .collect();
        Content { bodies }
    }

    fn body(&self, lang: Lang, name: &'static str) -> &str {
        self.bodies.get(&(lang, name)).map_or("", String::as_str)
    }
}

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

/// Draws a content page; `page` is About, Aims or Pact.
pub fn show(state: &AppState, lang: Lang, page: Page, cookie: Option<Lang>) -> Result<Response, AppError> {
    let (name, title_id) = match page {
        Page::About => ("about", "about-title"),
        Page::Aims => ("aims", "aims-title"),
        Page::Pact => ("pact", "pact-title"),
        Page::Privacy => ("privacy", "privacy-title"),
        _ => return Err(AppError::NotFound),
    };
    let ctx = PageContext::for_page(state, lang, page.clone(), &state.locales.format(lang, title_id, None));
    let mut next = Vec::new();
    if page == Page::Privacy {
        next.push((Page::Newsletter.path(lang), ctx.t("newsletter-title")));
    } else if page != Page::Pact {
        next.push((Page::Pact.path(lang), ctx.t("content-read-pact")));
    }
    next.push((Page::Directory.path(lang), ctx.t("content-see-members")));
    let title = ctx.t(title_id);
    let body = state.content.body(lang, name);
    render_remembering(&ContentPage { ctx, title, body, next }, lang, cookie)
}
