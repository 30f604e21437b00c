//! What the directory and its map share: the query string both read, the
//! directory's addresses with a filter, and the country links, labels and
//! filter choices both pages show.

use serde::Deserialize;
use url::form_urlencoded;

use super::listing::{Choice, page_number, present};
use crate::{
    domain::{Country, Kind},
    store::{CountryCount, DirectoryFilter},
    text::{
        collate,
        i18n::{Lang, Tr},
    },
    web::{error::AppError, page_cache::QueryKeys, paths::Page, state::AppState},
};

/// The longest name search we take, in characters.
const QUERY_MAX_CHARS: usize = 100;

/// The directory's query string, as sent by its form or a shared link.
#[derive(Debug, Default, Deserialize)]
pub struct DirectoryQuery {
    country: Option<String>,
    kind: Option<String>,
    q: Option<String>,
    page: Option<String>,
}

impl QueryKeys for DirectoryQuery {
    /// The names of its fields: the query parameters the page reads, which
    /// key it in the page cache (`page_cache::policy`).
    const KEYS: &'static [&'static str] = &["country", "kind", "q", "page"];
}

impl DirectoryQuery {
    /// The filter and page number; an empty field means "any".
    pub fn parse(&self) -> Result<(DirectoryFilter, i64), AppError> {
        let country =
            present(self.country.as_deref()).map(Country::parse).transpose().map_err(|_| AppError::BadRequest)?;
        let kind = present(self.kind.as_deref()).map(Kind::parse).transpose().map_err(|_| AppError::BadRequest)?;
        let query = present(self.q.as_deref())
            .map(|q| q.chars().filter(|c| !c.is_control()).take(QUERY_MAX_CHARS).collect::<String>());
        let page = page_number(self.page.as_deref())?;
        Ok((DirectoryFilter { country, kind, query: query.filter(|q| !q.trim().is_empty()) }, page))
    }
}

/// The directory's address with a filter and a page.
pub fn directory_href(lang: Lang, filter: &DirectoryFilter, page: i64) -> String {
    let mut query = form_urlencoded::Serializer::new(String::new());
    if let Some(country) = filter.country {
        query.append_pair("country", country.code());
    }
    if let Some(kind) = filter.kind {
        query.append_pair("kind", kind.as_str());
    }
    if let Some(q) = &filter.query {
        query.append_pair("q", q);
    }
    if page > 1 {
        query.append_pair("page", &page.to_string());
    }
    let query = query.finish();
    let path = Page::Directory.path(lang);
    if query.is_empty() { path } else { format!("{path}?{query}") }
}

/// "3 villes, 1 région": the parts that are not zero.
pub fn breakdown(tr: &Tr, count: &CountryCount) -> String {
    let mut parts = Vec::new();
    if count.cities > 0 {
        parts.push(tr.count("count-cities", "count", count.cities));
    }
    if count.regions > 0 {
        parts.push(tr.count("count-regions", "count", count.regions));
    }
    parts.join(", ")
}

pub fn kind_label(tr: &Tr, kind: Kind) -> String {
    tr.t(match kind {
        Kind::City => "kind-city",
        Kind::Region => "kind-region",
    })
}

pub struct CountryLink {
    pub href: String,
    pub name: String,
    pub count: String,
    pub code: &'static str,
    pub selected: bool,
}

/// The choices of the filter form: the countries with signatories, and the kinds.
pub fn filter_choices(tr: &Tr, countries: &[CountryLink], filter: &DirectoryFilter) -> (Vec<Choice>, Vec<Choice>) {
    let countries = countries
        .iter()
        .map(|c| Choice { value: c.code.to_owned(), label: c.name.clone(), selected: c.selected })
        .collect();
    let kinds = [Kind::City, Kind::Region]
        .into_iter()
        .map(|kind| Choice {
            value: kind.as_str().to_owned(),
            label: kind_label(tr, kind),
            selected: filter.kind == Some(kind),
        })
        .collect();
    (countries, kinds)
}

/// A country in the directory's overview, linked to its slice.
pub fn country_link(tr: &Tr, count: &CountryCount, selected: bool) -> CountryLink {
    let filter = DirectoryFilter { country: Some(count.country), ..DirectoryFilter::default() };
    CountryLink {
        href: directory_href(tr.lang(), &filter, 1),
        name: tr.t(&count.country.message_id()),
        count: breakdown(tr, count),
        code: count.country.code(),
        selected,
    }
}

/// Every country with signatories, as links (the one the filter names
/// selected), and the counts of the countries the filter lets through;
/// both in the reading order of `tr`'s language.
pub async fn country_counts(
    state: &AppState,
    tr: &Tr,
    filter: &DirectoryFilter,
) -> Result<(Vec<CountryLink>, Vec<CountryCount>), AppError> {
    let name_of = |country: Country| tr.t(&country.message_id());
    let mut all = state.store.directory_counts(&DirectoryFilter::default()).await?;
    all.sort_by(|a, b| collate::compare(&name_of(a.country), &name_of(b.country)));
    let links = all.iter().map(|count| country_link(tr, count, filter.country == Some(count.country))).collect();
    let mut matching = if filter.is_empty() { all } else { state.store.directory_counts(filter).await? };
    matching.sort_by(|a, b| collate::compare(&name_of(a.country), &name_of(b.country)));
    Ok((links, matching))
}
