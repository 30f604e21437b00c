//! What the long lists (directory, calendar, news) share: reading their
//! query strings, the choices of their filter forms and the links between
//! their pages.

use serde::Deserialize;

use crate::{
    domain::{Country, Kind},
    text::{
        collate,
        i18n::{Arg, Tr},
    },
    web::{error::AppError, page_cache::QueryKeys},
};

/// The highest page number a list accepts.
const MAX_PAGE: i64 = 1_000_000;

/// A query field as given, trimmed; an empty field means "any".
pub fn present(field: Option<&str>) -> Option<&str> {
    field.map(str::trim).filter(|v| !v.is_empty())
}

/// A list's page number: 1 when absent; anything but a sensible number is
/// a bad request.
pub fn page_number(field: Option<&str>) -> Result<i64, AppError> {
    match present(field) {
        None => Ok(1),
        Some(page) => page.parse::<i64>().ok().filter(|p| (1..=MAX_PAGE).contains(p)).ok_or(AppError::BadRequest),
    }
}

/// How many pages `total` items take, `size` a page; at least one.
pub fn page_count(total: i64, size: i64) -> i64 {
    ((total + size - 1) / size).max(1)
}

/// How many pages `total` items take, `size` a page, when `page` is one of
/// them; a page past the last is not found.
pub fn pages_through(total: i64, size: i64, page: i64) -> Result<i64, AppError> {
    let pages = page_count(total, size);
    if page > pages { Err(AppError::NotFound) } else { Ok(pages) }
}

/// One option of a drop-down list.
pub struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

/// Every country, by name in the reader's language; `selected` is a code
/// as typed (any case).
pub fn country_choices(tr: &Tr, selected: Option<&str>) -> Vec<Choice> {
    let mut choices: Vec<Choice> = Country::all()
        .map(|country| Choice {
            value: country.code().to_owned(),
            label: tr.t(&country.message_id()),
            selected: selected.is_some_and(|s| s.trim().eq_ignore_ascii_case(country.code())),
        })
        .collect();
    choices.sort_by(|a, b| collate::compare(&a.label, &b.label));
    choices
}

/// City, then region; `selected` as typed (any case).
pub fn kind_choices(tr: &Tr, selected: Option<&str>) -> Vec<Choice> {
    [Kind::City, Kind::Region]
        .into_iter()
        .map(|kind| Choice {
            value: kind.as_str().to_owned(),
            label: super::directory::kind_label(tr, kind),
            selected: selected.is_some_and(|s| s.trim().eq_ignore_ascii_case(kind.as_str())),
        })
        .collect()
}

/// The links to the previous and next pages of a list, and where the
/// reader stands.
pub struct Pagination {
    pub label: String,
    pub status: String,
    pub previous: Option<Link>,
    pub next: Option<Link>,
}

pub struct Link {
    pub href: String,
    pub text: String,
}

/// The messages a list's pagination speaks with.
pub struct Wording {
    pub label: &'static str,
    pub previous: &'static str,
    pub next: &'static str,
}

/// Most lists go back and forth in their own order.
pub const PAGES: Wording =
    Wording { label: "pagination-label", previous: "pagination-previous", next: "pagination-next" };
/// The news goes from the newest to the oldest.
pub const NEWS: Wording = Wording { label: "news-pagination-label", previous: "news-newer", next: "news-older" };

impl Pagination {
    /// The pagination of page `page` of `pages`, or `None` when the list
    /// fits on one page.
    pub fn new(tr: &Tr, wording: &Wording, page: i64, pages: i64, href: impl Fn(i64) -> String) -> Option<Pagination> {
        let link = |page: i64, text: &str| Link { href: href(page), text: tr.t(text) };
        (pages > 1).then(|| Pagination {
            label: tr.t(wording.label),
            status: tr.format("pagination-status", &[("page", Arg::Count(page)), ("pages", Arg::Count(pages))]),
            previous: (page > 1).then(|| link(page - 1, wording.previous)),
            next: (page < pages).then(|| link(page + 1, wording.next)),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_numbers() {
        assert_eq!(page_number(None).ok(), Some(1));
        assert_eq!(page_number(Some(" ")).ok(), Some(1));
        assert_eq!(page_number(Some(" 3 ")).ok(), Some(3));
        for bad in ["0", "-1", "x", "1000001", "1.5"] {
            assert!(page_number(Some(bad)).is_err(), "{bad}");
        }
        assert_eq!(page_count(0, 10), 1);
        assert_eq!(page_count(10, 10), 1);
        assert_eq!(page_count(11, 10), 2);
    }
}

/// The news list's query string.
#[derive(Debug, Default, Deserialize)]
pub struct NewsQuery {
    pub page: Option<String>,
}

impl QueryKeys for NewsQuery {
    /// The names of its fields: the query parameters the page reads, which
    /// key it in the page cache (`page_cache::policy`).
    const KEYS: &'static [&'static str] = &["page"];
}

/// The newsletter's archive's query string.
#[derive(Debug, Default, Deserialize)]
pub struct ArchiveQuery {
    pub page: Option<String>,
}

impl QueryKeys for ArchiveQuery {
    const KEYS: &'static [&'static str] = &["page"];
}
