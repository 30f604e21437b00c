//! The home page: the campaign, the live counter, and the seed's three blocks.

use askama::Template;
use axum::{extract::State, response::Response};

use super::{
    AppState,
    error::AppError,
    language::{CookieLang, PathLang},
    page::{Page, PageContext, render_remembering},
};
use crate::{domain::Counter, i18n::Arg};

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage {
    ctx: PageContext,
    /// "77 villes et régions dans 22 pays"
    counter_text: String,
}

pub async fn show(
    State(state): State<AppState>,
    PathLang(lang): PathLang,
    CookieLang(cookie): CookieLang,
) -> Result<Response, AppError> {
    let counter: Counter = state.store.counter().await?;
    let ctx = PageContext::for_page(&state, lang, Page::Home);
    let counter_text = ctx.tr.with(
        "counter-figures",
        &[
            ("signatories", Arg::Count(counter.signatories)),
            ("countries", Arg::Count(counter.countries)),
        ],
    );
    render_remembering(&HomePage { ctx, counter_text }, lang, cookie)
}
