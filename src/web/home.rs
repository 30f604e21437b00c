//! The home page: the campaign, the live counter, and the seed's three blocks.

use askama::Template;
use axum::{extract::State, response::Response};

use super::{
    AppState,
    calendar::{self, EventCard},
    error::AppError,
    language::{CookieLang, PathLang},
    news::{self, Card},
    page::{Page, PageContext, render_remembering},
};
use crate::{domain::Counter, text::i18n::Arg};

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage {
    ctx: PageContext,
    /// "77 villes et régions dans 22 pays"
    counter_text: String,
    /// "Dernière adhésion : 3 mars 2016"
    latest_text: Option<String>,
    directory_href: String,
    about_href: String,
    aims_href: String,
    pact_href: String,
    /// The next events, with a link to the whole calendar.
    events: Vec<EventCard>,
    calendar_href: String,
    /// The latest news items; the section is left out while there are none.
    news: Vec<Card>,
    news_href: String,
}

pub async fn show(
    State(state): State<AppState>,
    PathLang(lang): PathLang,
    CookieLang(cookie): CookieLang,
) -> Result<Response, AppError> {
    let counter: Counter = state.store.counter().await?;
    let ctx = PageContext::for_page(&state, lang, Page::Home, &state.locales.format(lang, "site-tagline", None));
    let counter_text = ctx.tr.format(
        "counter-figures",
        &[("signatories", Arg::Count(counter.signatories)), ("countries", Arg::Count(counter.countries))],
    );
    let latest_text =
        counter.latest.map(|date| ctx.tr.format("counter-latest", &[("date", Arg::Text(ctx.tr.date(date).into()))]));
    let news = news::latest(&state, &ctx.tr, 3).await?;
    let page = HomePage {
        counter_text,
        latest_text,
        directory_href: Page::Directory.path(lang),
        about_href: Page::About.path(lang),
        aims_href: Page::Aims.path(lang),
        pact_href: Page::Pact.path(lang),
        events: calendar::next(&state, &ctx.tr, 3).await?,
        calendar_href: Page::Calendar.path(lang),
        news,
        news_href: Page::News.path(lang),
        ctx,
    };
    render_remembering(&page, lang, cookie)
}
