//! What the long lists (directory, calendar, news) share: the choices of
//! their filter forms and the links between their pages.

use crate::text::i18n::{Arg, Tr};

/// One option of a filter's drop-down list.
pub struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
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
