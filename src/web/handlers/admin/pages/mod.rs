//! `/admin/pages`: the prose pages (About, Campaign aims, The Pact, the
//! privacy notice, the legal notice, the accessibility statement) in each
//! language, edited as Markdown. A preview renders the typed text as the
//! public page would, and writes nothing; each save is a new revision, and
//! the public page shows the latest on its next load. The text the site
//! was built with is every page's first revision ("bundled text"). Any
//! revision can be viewed, compared with the current one line by line, and
//! restored (saved again as a new revision: history is never rewritten).
//!
//! The form carries the revision it was read at: a save over someone
//! else's newer revision is refused (409), with what they saved compared
//! with the typed text, which the form keeps.

mod edit;
mod history;

pub use edit::{edit, preview, save};
pub use history::{compare, restore, revision, revisions};

use askama::Template;
use axum::{extract::State, response::Response};
use time::OffsetDateTime;

use crate::{
    store::PageRevision,
    text::{
        diff::{self, LineChange},
        i18n::{Arg, Lang, Tr},
        pages::{PageTexts, Prose},
    },
    web::{
        error::AppError,
        paths::admin::{self, Area},
        staff::Staff,
        state::AppState,
        view::{
            admin::{AdminContext, datetime, when},
            render,
            typed::Mixed,
        },
    },
};

/// The longest text a page may have, in bytes of UTF-8.
pub const MAX_TEXT: usize = 100 * 1024;
/// The body that carries a page's text: the text, form-encoded (up to
/// three bytes for one), and the other fields.
pub const FORM_LIMIT: usize = 3 * MAX_TEXT + 16 * 1024;
/// The revisions a page's history lists at most, newest first.
const HISTORY_LIMIT: i64 = 200;

/// A page and language named by an address's `{page}` and `{lang}`; any
/// other is not found.
fn target(page: &str, lang: &str) -> Result<(Prose, Lang), AppError> {
    Ok((Prose::parse(page).ok_or(AppError::NotFound)?, Lang::parse(lang).ok_or(AppError::NotFound)?))
}

/// A revision named by an address's `{revision}`: its id, or `None` for
/// the bundled text.
fn revision_ref(revision: &str) -> Result<Option<i64>, AppError> {
    if revision == admin::BUNDLED_REVISION {
        return Ok(None);
    }
    revision.parse().map(Some).map_err(|_| AppError::NotFound)
}

/// The base revision a form carries: `bundled`, or an id.
fn base_ref(base: Option<&str>) -> Result<Option<i64>, AppError> {
    match base.map(str::trim) {
        Some(admin::BUNDLED_REVISION) => Ok(None),
        Some(id) => id.parse().map(Some).map_err(|_| AppError::BadRequest),
        None => Err(AppError::BadRequest),
    }
}

fn base_text(base: Option<i64>) -> String {
    base.map_or_else(|| admin::BUNDLED_REVISION.to_owned(), |id| id.to_string())
}

/// A page in a language as staff read it: "About (French)".
fn page_name(tr: &Tr, page: Prose, lang: Lang) -> String {
    tr.format(
        "admin-pages-name",
        &[("page", Arg::Text(tr.t(page.title_id()).into())), ("language", Arg::Text(language_name(tr, lang).into()))],
    )
}

fn language_name(tr: &Tr, lang: Lang) -> String {
    tr.t(match lang {
        Lang::Fr => "admin-pages-lang-fr",
        Lang::En => "admin-pages-lang-en",
    })
}

/// Who saved a revision and when, as the pages say it.
struct SavedBy {
    when: String,
    datetime: String,
    author: String,
    /// "by someone@example.org".
    by: Mixed,
    /// "Saved on 25 November 2026 at 12:00 UTC by someone@example.org."
    by_line: Mixed,
}

impl SavedBy {
    fn new(tr: &Tr, at: OffsetDateTime, author: Option<&str>) -> SavedBy {
        let author = author.map_or_else(|| tr.t("admin-pages-unknown-author"), str::to_owned);
        let when = when(tr, at);
        SavedBy {
            by: Mixed::message(tr, "admin-pages-by", &[], "author", Mixed::typed(author.as_str())),
            by_line: Mixed::message(
                tr,
                "admin-pages-saved-by",
                &[("when", Arg::Text(when.clone().into()))],
                "author",
                Mixed::typed(author.as_str()),
            ),
            when,
            datetime: datetime(at),
            author,
        }
    }
}

/// The page's revisions' heading: "History of About (French)".
fn history_heading(tr: &Tr, page: Prose, lang: Lang) -> String {
    tr.format("admin-pages-history-title", &[("page", Arg::Text(page_name(tr, page, lang).into()))])
}

// ---------------------------------------------------------------- the list

/// A page in a language, as the list shows it.
struct Row {
    /// The row's header's id, which its links' descriptions point to.
    id: String,
    full_name: String,
    language: String,
    edit_href: String,
    history_href: String,
    /// None: the bundled text.
    saved: Option<SavedBy>,
}

#[derive(Template)]
#[template(path = "admin/pages.html")]
struct ListPage {
    ctx: AdminContext,
    rows: Vec<Row>,
}

/// GET `/admin/pages`: every page in each language, with its current
/// revision's date and author.
pub async fn list(State(state): State<AppState>, staff: Staff) -> Result<Response, AppError> {
    let ctx = AdminContext::signed_in(&state, &staff, Some(Area::Pages));
    let current = state.store.current_page_revisions().await?;
    let tr = &ctx.tr;
    let rows = Prose::ALL
        .into_iter()
        .flat_map(|page| Lang::ALL.into_iter().map(move |lang| (page, lang)))
        .map(|(page, lang)| {
            let info = current.iter().find(|(p, l, _)| *p == page && *l == lang).map(|(_, _, info)| info);
            Row {
                id: format!("page-{}-{lang}", page.key()),
                full_name: page_name(tr, page, lang),
                language: language_name(tr, lang),
                edit_href: admin::page(page.key(), lang, ""),
                history_href: admin::page(page.key(), lang, "/revisions"),
                saved: info.map(|info| SavedBy::new(tr, info.created_at, info.author_email.as_deref())),
            }
        })
        .collect();
    render(&ListPage { rows, ctx }, staff.lang)
}

/// The page's current text, with the revision it is.
async fn current_text(state: &AppState, page: Prose, lang: Lang) -> Result<(Option<PageRevision>, String), AppError> {
    let current = state.store.current_page_revision(page, lang).await?;
    let text = current.as_ref().map_or_else(|| PageTexts::bundled(lang, page).to_owned(), |r| r.body.clone());
    Ok((current, text))
}

// ------------------------------------------------------------- comparisons

/// A line of a comparison, as a table row shows it.
struct DiffLine {
    /// Said in words: "removed", "added", "unchanged".
    change: String,
    class: &'static str,
    old_number: String,
    new_number: String,
    text: String,
}

/// The changes from `old` to `new`, in groups of nearby lines; compared
/// off the runtime's threads (two texts of 100 KB may take a while).
async fn diff_lines(tr: Tr, old: String, new: String) -> Result<Vec<Vec<DiffLine>>, AppError> {
    tokio::task::spawn_blocking(move || describe_diff(&tr, &old, &new)).await.map_err(|e| AppError::Internal(e.into()))
}

fn describe_diff(tr: &Tr, old: &str, new: &str) -> Vec<Vec<DiffLine>> {
    let removed = tr.t("admin-pages-diff-removed");
    let added = tr.t("admin-pages-diff-added");
    let unchanged = tr.t("admin-pages-diff-unchanged");
    diff::lines(old, new)
        .into_iter()
        .map(|group| {
            group
                .into_iter()
                .map(|line| {
                    let (change, class) = match line.change {
                        LineChange::Removed => (removed.clone(), "diff-removed"),
                        LineChange::Added => (added.clone(), "diff-added"),
                        LineChange::Unchanged => (unchanged.clone(), "diff-unchanged"),
                    };
                    DiffLine {
                        change,
                        class,
                        old_number: line.old_number.map(|n| n.to_string()).unwrap_or_default(),
                        new_number: line.new_number.map(|n| n.to_string()).unwrap_or_default(),
                        text: line.text,
                    }
                })
                .collect()
        })
        .collect()
}
