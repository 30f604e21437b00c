//! The home page: the campaign, the live counter, and the seed's three blocks.

use askama::Template;
use axum::{extract::State, response::Response};

use crate::{
    domain::Counter,
    store::{self, EventFilter},
    text::i18n::Arg,
    web::{
        error::AppError,
        extract::PageLanguages,
        paths::Page,
        state::AppState,
        view::{
            PageContext,
            cards::{EventCard, NewsCard},
            history::{self, ChartSize, HistoryChart},
            render_remembering,
        },
    },
};

/// The next events and the latest news items the home page shows.
const HOME_EVENTS: i64 = 3;
const HOME_NEWS: i64 = 3;

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage {
    ctx: PageContext,
    /// "77 villes et régions dans 22 pays"
    counter_text: String,
    /// "Dernière adhésion : 3 mars 2016"
    latest_text: Option<String>,
    directory_href: String,
    map_href: String,
    /// The form to join the Pact.
    join_href: String,
    /// The counter's history, drawn small.
    history: Option<HistoryChart>,
    about_href: String,
    aims_href: String,
    pact_href: String,
    /// The next events, with a link to the whole calendar.
    events: Vec<EventCard>,
    calendar_href: String,
    /// The latest news items; the section is left out while there are none.
    news: Vec<NewsCard>,
    news_href: String,
}

pub async fn show(
    State(state): State<AppState>,
    PageLanguages { lang, cookie }: PageLanguages,
) -> Result<Response, AppError> {
    let counter: Counter = state.store.counter().await?;
    let ctx = PageContext::for_page(&state, lang, Page::Home, &state.locales.format(lang, "site-tagline", None));
    let counter_text = ctx.tr.format(
        "counter-figures",
        &[("signatories", Arg::Count(counter.signatories)), ("countries", Arg::Count(counter.countries))],
    );
    let latest_text =
        counter.latest.map(|date| ctx.tr.format("counter-latest", &[("date", Arg::Text(ctx.tr.date(date).into()))]));
    let now = state.config.clock.now();
    let news = state.store.news_list(lang, store::instant(now), HOME_NEWS, 0).await?;
    let events = state.store.upcoming_events(&EventFilter::default(), now, HOME_EVENTS).await?;
    let page = HomePage {
        counter_text,
        latest_text,
        directory_href: Page::Directory.path(lang),
        map_href: Page::Map.path(lang),
        join_href: crate::web::paths::JoinPage::Form.path(lang),
        history: HistoryChart::new(&ctx.tr, &history::load(&state).await?, ChartSize::Compact, "history"),
        about_href: Page::About.path(lang),
        aims_href: Page::Aims.path(lang),
        pact_href: Page::Pact.path(lang),
        events: events.iter().map(|event| EventCard::new(&ctx.tr, event)).collect(),
        calendar_href: Page::Calendar.path(lang),
        news: news.iter().map(|entry| NewsCard::new(&ctx.tr, entry)).collect(),
        news_href: Page::News.path(lang),
        ctx,
    };
    render_remembering(&page, lang, cookie)
}
