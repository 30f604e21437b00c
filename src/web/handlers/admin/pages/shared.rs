//! What the prose pages' form and their history share: the addresses'
//! parts read, the names and dates said, the current text, comparisons.

use crate::web::staff::Staff;
use time::OffsetDateTime;

use crate::{
    store::PageRevision,
    text::{
        diff::{self, LineChange, Part},
        i18n::{Arg, Lang, Tr},
        pages::{PageTexts, Prose},
    },
    web::{
        error::AppError,
        paths::admin,
        state::AppState,
        view::{
            admin::{datetime, when},
            typed::Mixed,
        },
    },
};

/// The longest text a page may have, in bytes of UTF-8.
pub const MAX_TEXT: usize = 100 * 1024;
/// The body that carries a page's text: the text, form-encoded (up to
/// three bytes for one), and the other fields.
pub const FORM_LIMIT: usize = 3 * MAX_TEXT + 16 * 1024;

/// A page and language named by an address's `{page}` and `{lang}`; any
/// other is not found; a page only admins edit, refused to an editor.
pub(super) fn target(staff: &Staff, page: &str, lang: &str) -> Result<(Prose, Lang), AppError> {
    let page = Prose::parse(page).ok_or(AppError::NotFound)?;
    staff.admin_needed(page.admins_only())?;
    Ok((page, Lang::parse(lang).ok_or(AppError::NotFound)?))
}

/// A revision named by an address's `{revision}`: its id, or `None` for
/// the bundled text.
pub(super) fn revision_ref(revision: &str) -> Result<Option<i64>, AppError> {
    if revision == admin::BUNDLED_REVISION {
        return Ok(None);
    }
    revision.parse().map(Some).map_err(|_| AppError::NotFound)
}

/// The base revision a form carries: `bundled`, or an id.
pub(super) fn base_ref(base: Option<&str>) -> Result<Option<i64>, AppError> {
    match base.map(str::trim) {
        Some(admin::BUNDLED_REVISION) => Ok(None),
        Some(id) => id.parse().map(Some).map_err(|_| AppError::BadRequest),
        None => Err(AppError::BadRequest),
    }
}

pub(super) fn base_text(base: Option<i64>) -> String {
    base.map_or_else(|| admin::BUNDLED_REVISION.to_owned(), |id| id.to_string())
}

/// A page in a language as staff read it: "About (French)".
pub(super) fn page_name(tr: &Tr, page: Prose, lang: Lang) -> String {
    tr.format(
        "admin-pages-name",
        &[("page", Arg::Text(tr.t(page.title_id()).into())), ("language", Arg::Text(language_name(tr, lang).into()))],
    )
}

pub(super) fn language_name(tr: &Tr, lang: Lang) -> String {
    tr.t(match lang {
        Lang::Fr => "admin-pages-lang-fr",
        Lang::En => "admin-pages-lang-en",
    })
}

/// Who saved a revision and when, as the pages say it.
pub(super) struct SavedBy {
    pub(super) when: String,
    pub(super) datetime: String,
    pub(super) author: String,
    /// "by someone@example.org".
    pub(super) by: Mixed,
    /// "Saved on 25 November 2026 at 12:00 UTC by someone@example.org."
    pub(super) by_line: Mixed,
}

impl SavedBy {
    pub(super) fn new(tr: &Tr, zone: &crate::domain::TimeZone, at: OffsetDateTime, author: Option<&str>) -> SavedBy {
        let author = author.map_or_else(|| tr.t("admin-pages-unknown-author"), str::to_owned);
        let when = when(tr, zone, at);
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
pub(super) fn history_heading(tr: &Tr, page: Prose, lang: Lang) -> String {
    tr.format("admin-pages-history-title", &[("page", Arg::Text(page_name(tr, page, lang).into()))])
}

/// The page's current text, with the revision it is.
pub(super) async fn current_text(
    state: &AppState,
    page: Prose,
    lang: Lang,
) -> Result<(Option<PageRevision>, String), AppError> {
    let current = state.store.current_page_revision(page, lang).await?;
    let text = current.as_ref().map_or_else(|| PageTexts::bundled(lang, page).to_owned(), |r| r.body.clone());
    Ok((current, text))
}

// ------------------------------------------------------------- comparisons

/// A line of a comparison, as a table row shows it.
pub(super) struct DiffLine {
    /// Said in words: "removed", "added", "unchanged".
    pub(super) change: String,
    pub(super) class: &'static str,
    /// The element that marks the changed words: `del` on a removed
    /// line, `ins` on an added one.
    pub(super) mark: &'static str,
    pub(super) old_number: String,
    pub(super) new_number: String,
    pub(super) parts: Vec<Part>,
}

/// The changes from `old` to `new`, in groups of nearby lines; compared
/// off the runtime's threads (two texts of 100 KB may take a while).
pub(super) async fn diff_lines(tr: Tr, old: String, new: String) -> Result<Vec<Vec<DiffLine>>, AppError> {
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
                    let (change, class, mark) = match line.change {
                        LineChange::Removed => (removed.clone(), "diff-removed", "del"),
                        LineChange::Added => (added.clone(), "diff-added", "ins"),
                        LineChange::Unchanged => (unchanged.clone(), "diff-unchanged", ""),
                    };
                    DiffLine {
                        change,
                        class,
                        mark,
                        old_number: line.old_number.map(|n| n.to_string()).unwrap_or_default(),
                        new_number: line.new_number.map(|n| n.to_string()).unwrap_or_default(),
                        parts: line.parts,
                    }
                })
                .collect()
        })
        .collect()
}
