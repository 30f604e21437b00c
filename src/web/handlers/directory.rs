//! The directory of signatories (Adhérents au Pacte / Members of the Pact):
//! grouped by country, filtered and searched through the URL's query,
//! paginated so that it stays readable at any size; and a page per
//! signatory.

use askama::Template;
use axum::{
    extract::{Path, State},
    response::{IntoResponse, Redirect, Response},
};
use url::form_urlencoded;

use crate::{
    domain::{Country, Signatory, date},
    store::{CountryCount, DirectoryFilter, DirectorySlice},
    text::i18n::{Arg, Lang, Tr},
    web::{
        error::AppError,
        extract::PageLanguages,
        page_cache::PageQuery,
        paths::{self, Page},
        state::AppState,
        view::{
            PageContext,
            directory::{
                CountryLink, DirectoryQuery, breakdown, country_counts, directory_href, filter_choices, kind_label,
            },
            history::{self, ChartSize, HistoryChart},
            listing::{self, Choice, Pagination, pages_through},
            render_remembering,
        },
    },
};

/// Signatories on one page of the directory.
pub const PAGE_SIZE: i64 = 100;

/// The map's address with the filter's country and kind.
fn map_href(lang: Lang, filter: &DirectoryFilter) -> String {
    let mut query = form_urlencoded::Serializer::new(String::new());
    if let Some(country) = filter.country {
        query.append_pair("country", country.code());
    }
    if let Some(kind) = filter.kind {
        query.append_pair("kind", kind.as_str());
    }
    let query = query.finish();
    let path = Page::Map.path(lang);
    if query.is_empty() { path } else { format!("{path}?{query}") }
}

struct Entry {
    href: String,
    name: String,
    /// The authority's own name where the page shows a translated one.
    own_name: Option<String>,
    kind: &'static str,
    kind_label: String,
    /// "Exemple" / "Sample" for a signatory of the sample data.
    sample_label: Option<String>,
}

struct Group {
    id: String,
    name: String,
    breakdown: String,
    continued: bool,
    entries: Vec<Entry>,
}

#[derive(Template)]
#[template(path = "directory.html")]
struct DirectoryPage {
    ctx: PageContext,
    /// The form to join the Pact.
    join_href: String,
    countries: Vec<CountryLink>,
    country_choices: Vec<Choice>,
    kinds: Vec<Choice>,
    query: String,
    filtered: bool,
    results: String,
    groups: Vec<Group>,
    pagination: Option<Pagination>,
    reset_href: String,
    history: Option<HistoryChart>,
    history_csv_href: String,
    map_href: String,
}

/// `/fr/adherents`, `/en/members`: the directory.
pub async fn show(
    State(state): State<AppState>,
    PageLanguages { lang, cookie }: PageLanguages,
    PageQuery(query): PageQuery<DirectoryQuery>,
) -> Result<Response, AppError> {
    let (filter, page) = query.parse()?;
    let ctx =
        PageContext::for_page(&state, lang, Page::Directory, &state.locales.format(lang, "directory-title", None));
    let tr = ctx.tr.clone();
    let name_of = |country: Country| tr.t(&country.message_id());

    // Every country with signatories, for the overview and the filter; the
    // countries the filter lets through.
    let (countries, matching) = country_counts(&state, &tr, &filter).await?;
    let total: i64 = matching.iter().map(CountryCount::total).sum();
    let pages = pages_through(total, PAGE_SIZE, page)?;

    // The slice of each country that falls on this page, read in one query.
    let slices = page_slices(&matching, (page - 1) * PAGE_SIZE, PAGE_SIZE);
    let mut signatories = state.store.directory_page(&slices, &filter, lang).await?.into_iter().peekable();
    let mut groups = Vec::with_capacity(slices.len());
    for slice in &slices {
        let mut entries = Vec::new();
        while let Some(signatory) = signatories.next_if(|s| s.details.country == slice.country) {
            entries.push(entry(&tr, lang, &signatory));
        }
        let count = matching.iter().find(|count| count.country == slice.country);
        groups.push(Group {
            id: format!("country-{}", slice.country.code()),
            name: name_of(slice.country),
            breakdown: count.map(|count| breakdown(&tr, count)).unwrap_or_default(),
            continued: slice.offset > 0,
            entries,
        });
    }

    let results = tr.count("directory-results", "count", total);
    let (country_choices, kinds) = filter_choices(&tr, &countries, &filter);
    let template = DirectoryPage {
        countries,
        country_choices,
        kinds,
        query: filter.query.clone().unwrap_or_default(),
        filtered: !filter.is_empty(),
        results,
        groups,
        pagination: Pagination::new(&tr, &listing::PAGES, page, pages, |p| directory_href(lang, &filter, p)),
        reset_href: Page::Directory.path(lang),
        history: HistoryChart::new(&tr, &history::load(&state).await?, ChartSize::Full, "history"),
        history_csv_href: paths::history_csv(lang),
        join_href: paths::JoinPage::Form.path(lang),
        map_href: map_href(lang, &filter),
        ctx,
    };
    render_remembering(&template, lang, cookie)
}

/// The part of each country, in reading order, that falls on the page
/// starting at `start`, `size` long.
fn page_slices(counts: &[CountryCount], start: i64, size: i64) -> Vec<DirectorySlice> {
    let end = start + size;
    let mut slices = Vec::new();
    let mut offset = 0;
    for count in counts {
        let (first, last) = (offset, offset + count.total());
        offset = last;
        if last <= start || first >= end {
            continue;
        }
        let skip = start.saturating_sub(first).max(0);
        slices.push(DirectorySlice { country: count.country, limit: end.min(last) - first - skip, offset: skip });
    }
    slices
}

/// A signatory as the directory lists it.
fn entry(tr: &Tr, lang: Lang, signatory: &Signatory) -> Entry {
    let s = &signatory.details;
    let shown = s.display_name(lang);
    Entry {
        href: paths::signatory_page(signatory).path(lang),
        name: shown.to_string(),
        own_name: (shown != &s.name).then(|| s.name.to_string()),
        kind: s.kind.as_str(),
        kind_label: kind_label(tr, s.kind),
        sample_label: signatory.sample.then(|| tr.t("sample-label")),
    }
}

#[derive(Template)]
#[template(path = "signatory.html")]
struct SignatoryPage {
    ctx: PageContext,
    name: String,
    own_name: Option<String>,
    kind: String,
    country: String,
    country_href: String,
    back: String,
    joined: String,
    joined_iso: String,
    website: Option<String>,
    /// Said of a signatory of the sample data: a real place, a made-up signature.
    sample_note: Option<String>,
}

/// `/fr/adherents/{id}-{slug}`: a signatory's page. An address with an
/// outdated slug (the name changed) leads to the current one.
pub async fn signatory(
    State(state): State<AppState>,
    PageLanguages { lang, cookie }: PageLanguages,
    Path(item): Path<String>,
) -> Result<Response, AppError> {
    let digits: String = item.chars().take_while(char::is_ascii_digit).collect();
    let id: i64 = digits.parse().map_err(|_| AppError::NotFound)?;
    let signatory = state.store.signatory(id).await?.ok_or(AppError::NotFound)?;
    let page = paths::signatory_page(&signatory);
    let path = page.path(lang);
    if !path.ends_with(&format!("/{item}")) {
        return Ok(Redirect::permanent(&path).into_response());
    }
    let s = &signatory.details;
    let shown = s.display_name(lang).to_string();
    let ctx = PageContext::for_page(&state, lang, page, &shown);
    let country = ctx.t(&s.country.message_id());
    let template = SignatoryPage {
        own_name: (shown != s.name.as_str()).then(|| s.name.to_string()),
        name: shown,
        kind: kind_label(&ctx.tr, s.kind),
        country_href: format!(
            "{}#country-{}",
            directory_href(lang, &DirectoryFilter { country: Some(s.country), ..DirectoryFilter::default() }, 1),
            s.country.code()
        ),
        back: ctx.tr.format("signatory-back", &[("country", Arg::Text(country.clone().into()))]),
        country,
        joined: ctx.tr.date(s.joined_on),
        joined_iso: date::format(s.joined_on),
        website: s.website.as_ref().map(|w| w.as_str().to_owned()),
        sample_note: signatory.sample.then(|| ctx.t("signatory-sample-note")),
        ctx,
    };
    render_remembering(&template, lang, cookie)
}
