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

use askama::Template;
use axum::{
    extract::{Path, Query, State},
    http::StatusCode,
    response::{IntoResponse, Redirect, Response},
};
use serde::Deserialize;
use time::OffsetDateTime;

use crate::{
    domain::text::normalise_line_breaks,
    store::{Author, NewRevision, PageRevision, PageSaved, RevisionInfo, TextSource},
    text::{
        checks,
        diff::{self, LineChange},
        i18n::{Arg, Lang, Tr},
        pages::{PageTexts, Prose},
    },
    web::{
        error::AppError,
        paths::{
            Page,
            admin::{self, Area},
        },
        staff::{Staff, StaffForm},
        state::AppState,
        view::{
            admin::{AdminContext, datetime, when},
            prose::render_text,
            render, render_with_status,
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

/// The text typed in the form, as kept: every line break (CRLF, a lone CR)
/// as `\n`, no other control character but tabs.
fn clean(text: &str) -> String {
    normalise_line_breaks(text).chars().filter(|c| !c.is_control() || matches!(c, '\n' | '\t')).collect()
}

/// What is wrong with a text, as a Fluent message; none when it may be saved.
fn text_error(tr: &Tr, text: &str) -> Option<String> {
    if text.trim().is_empty() {
        Some(tr.t("admin-pages-error-empty"))
    } else if text.len() > MAX_TEXT {
        Some(tr.t("admin-pages-error-too-long"))
    } else {
        checks::explain(tr, text)
    }
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

// ---------------------------------------------------------------- the form

/// Someone else's revision, saved while the form was being edited.
struct Conflict {
    /// When they saved it, and who.
    summary: Mixed,
    view_href: String,
    diff: Vec<Vec<DiffLine>>,
}

#[derive(Template)]
#[template(path = "admin/page.html")]
struct FormPage {
    ctx: AdminContext,
    title: String,
    action: String,
    preview_action: String,
    history_href: String,
    public_href: String,
    back_href: &'static str,
    base: String,
    text: String,
    /// What was just done, said at the top of the page.
    done: Option<String>,
    error: Option<String>,
    /// The typed text rendered as the public page would show it.
    preview: Option<String>,
    conflict: Option<Conflict>,
    /// The current revision, said on the form as read (not on a form
    /// posted back): `Some(None)`, the bundled text.
    current: Option<Option<SavedBy>>,
    limit_hint: String,
}

impl FormPage {
    fn new(state: &AppState, staff: &Staff, page: Prose, lang: Lang, base: Option<i64>, text: String) -> FormPage {
        let ctx = AdminContext::signed_in(state, staff, Some(Area::Pages));
        let public_page = Page::from(page);
        FormPage {
            title: page_name(&ctx.tr, page, lang),
            action: admin::page(page.key(), lang, ""),
            preview_action: admin::page(page.key(), lang, "/preview"),
            history_href: admin::page(page.key(), lang, "/revisions"),
            public_href: public_page.path(lang),
            back_href: admin::PAGES,
            base: base_text(base),
            text,
            done: None,
            error: None,
            preview: None,
            conflict: None,
            current: None,
            limit_hint: format!(
                "{} {}",
                ctx.tr.format(
                    "admin-pages-hint",
                    &[("kilobytes", Arg::Count(i64::try_from(MAX_TEXT / 1024).unwrap_or(0)))]
                ),
                ctx.t("check-hint")
            ),
            ctx,
        }
    }
}

/// The page's current text, with the revision it is.
async fn current_text(state: &AppState, page: Prose, lang: Lang) -> Result<(Option<PageRevision>, String), AppError> {
    let current = state.store.current_page_revision(page, lang).await?;
    let text = current.as_ref().map_or_else(|| PageTexts::bundled(lang, page).to_owned(), |r| r.body.clone());
    Ok((current, text))
}

#[derive(Deserialize)]
pub struct EditQuery {
    done: Option<String>,
}

/// GET `/admin/pages/{page}/{lang}`: the page's current text in the form;
/// or the text this browser typed before its session ended (saved or
/// previewed), on the revision it was typed over.
pub async fn edit(
    State(state): State<AppState>,
    staff: Staff,
    Path((page, lang)): Path<(String, String)>,
    Query(query): Query<EditQuery>,
) -> Result<Response, AppError> {
    let (page, lang) = target(&page, &lang)?;
    let (current, text) = current_text(&state, page, lang).await?;
    let restored: Option<TextForm> = staff
        .restored(&admin::page(page.key(), lang, ""))
        .or_else(|| staff.restored(&admin::page(page.key(), lang, "/preview")));
    if let Some(typed) = restored {
        let base = base_ref(typed.base.as_deref()).unwrap_or(current.as_ref().map(|r| r.info.id));
        let form = FormPage::new(&state, &staff, page, lang, base, clean(&typed.body));
        return render(&form, staff.lang);
    }
    let mut form = FormPage::new(&state, &staff, page, lang, current.as_ref().map(|r| r.info.id), text);
    form.current =
        Some(current.as_ref().map(|r| SavedBy::new(&form.ctx.tr, r.info.created_at, r.info.author_email.as_deref())));
    form.done = match query.done.as_deref() {
        Some("saved") => Some(form.ctx.t("admin-pages-saved")),
        Some("restored") => Some(form.ctx.t("admin-pages-restored")),
        _ => None,
    };
    render(&form, staff.lang)
}

/// The page's form, as posted.
#[derive(Deserialize)]
pub struct TextForm {
    #[serde(default)]
    body: String,
    base: Option<String>,
}

/// POST `/admin/pages/{page}/{lang}/preview`: the typed text rendered
/// above the form, which keeps it; nothing is written.
pub async fn preview(
    State(state): State<AppState>,
    Path((page, lang)): Path<(String, String)>,
    StaffForm { staff, form }: StaffForm<TextForm>,
) -> Result<Response, AppError> {
    let (page, lang) = target(&page, &lang)?;
    let base = base_ref(form.base.as_deref())?;
    let text = clean(&form.body);
    let mut form = FormPage::new(&state, &staff, page, lang, base, text);
    if let Some(error) = text_error(&form.ctx.tr, &form.text) {
        form.error = Some(error);
        return render_with_status(&form, staff.lang, StatusCode::UNPROCESSABLE_ENTITY);
    }
    form.preview = Some(render_text(&state, lang, page, form.text.clone()).await?);
    render(&form, staff.lang)
}

/// POST `/admin/pages/{page}/{lang}`: saved as a new revision; or the form
/// again with the text's message (422); or, when someone else saved a
/// revision since the form was read, refused (409) with their text
/// compared with the typed one, which the form keeps.
pub async fn save(
    State(state): State<AppState>,
    Path((page, lang)): Path<(String, String)>,
    StaffForm { staff, form }: StaffForm<TextForm>,
) -> Result<Response, AppError> {
    let (page, lang) = target(&page, &lang)?;
    let base = base_ref(form.base.as_deref())?;
    let text = clean(&form.body);
    if let Some(error) = text_error(&Tr::new(staff.lang, state.locales.clone()), &text) {
        let mut form = FormPage::new(&state, &staff, page, lang, base, text);
        form.error = Some(error);
        return render_with_status(&form, staff.lang, StatusCode::UNPROCESSABLE_ENTITY);
    }
    let revision = NewRevision { page, lang, base, body: &text, source: TextSource::Typed };
    let author = Author { account_id: staff.account_id, email: staff.email.as_str() };
    match state.store.save_page(&revision, &author, state.config.clock.now()).await? {
        PageSaved::Done(_) => {
            Ok(Redirect::to(&format!("{}?done=saved", admin::page(page.key(), lang, ""))).into_response())
        }
        PageSaved::Conflict(current) => {
            // The form keeps the typed text, now based on their revision,
            // so that saving again is a choice made knowingly.
            let theirs = current.as_ref().map_or_else(|| PageTexts::bundled(lang, page).to_owned(), |r| r.body.clone());
            let diff = diff_lines(Tr::new(staff.lang, state.locales.clone()), theirs, text.clone()).await?;
            let mut form = FormPage::new(&state, &staff, page, lang, current.as_ref().map(|r| r.info.id), text);
            let tr = &form.ctx.tr;
            form.conflict = Some(Conflict {
                summary: match &current {
                    Some(r) => SavedBy::new(tr, r.info.created_at, r.info.author_email.as_deref()).by_line,
                    None => Mixed::words(tr.t("admin-pages-conflict-bundled")),
                },
                view_href: admin::page_revision(page.key(), lang, current.as_ref().map(|r| r.info.id), ""),
                diff,
            });
            render_with_status(&form, staff.lang, StatusCode::CONFLICT)
        }
    }
}

// ------------------------------------------------------------- the history

/// A revision as the history lists it.
struct HistoryRow {
    /// None: the bundled text.
    saved: Option<SavedBy>,
    current: bool,
    view_href: String,
    compare_href: String,
    restore_action: String,
    /// The row's id, which its buttons' descriptions point to.
    id: String,
}

#[derive(Template)]
#[template(path = "admin/page_revisions.html")]
struct HistoryPage {
    ctx: AdminContext,
    heading: String,
    title: String,
    edit_href: String,
    /// The current revision, which the restore forms say they replace.
    base: String,
    rows: Vec<HistoryRow>,
    /// Older revisions not listed.
    truncated: bool,
    /// A restore refused: someone saved a revision meanwhile.
    conflict: bool,
}

async fn history_page(
    state: &AppState,
    staff: &Staff,
    page: Prose,
    lang: Lang,
    conflict: bool,
) -> Result<HistoryPage, AppError> {
    let ctx = AdminContext::signed_in(state, staff, Some(Area::Pages));
    let mut infos: Vec<RevisionInfo> = state.store.page_revisions(page, lang, HISTORY_LIMIT + 1).await?;
    let truncated = infos.len() > usize::try_from(HISTORY_LIMIT).unwrap_or(usize::MAX);
    infos.truncate(usize::try_from(HISTORY_LIMIT).unwrap_or(usize::MAX));
    let base = infos.first().map(|info| info.id);
    let key = page.key();
    let row = |revision: Option<i64>, saved: Option<SavedBy>| HistoryRow {
        saved,
        current: revision == base,
        view_href: admin::page_revision(key, lang, revision, ""),
        compare_href: admin::page_revision(key, lang, revision, "/compare"),
        restore_action: admin::page_revision(key, lang, revision, "/restore"),
        id: format!("revision-{}", base_text(revision)),
    };
    let mut rows: Vec<HistoryRow> = infos
        .iter()
        .map(|info| row(Some(info.id), Some(SavedBy::new(&ctx.tr, info.created_at, info.author_email.as_deref()))))
        .collect();
    if !truncated {
        rows.push(row(None, None));
    }
    Ok(HistoryPage {
        heading: history_heading(&ctx.tr, page, lang),
        title: page_name(&ctx.tr, page, lang),
        edit_href: admin::page(key, lang, ""),
        base: base_text(base),
        rows,
        truncated,
        conflict,
        ctx,
    })
}

/// GET `/admin/pages/{page}/{lang}/revisions`: every revision, newest
/// first, down to the bundled text.
pub async fn revisions(
    State(state): State<AppState>,
    staff: Staff,
    Path((page, lang)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let (page, lang) = target(&page, &lang)?;
    render(&history_page(&state, &staff, page, lang, false).await?, staff.lang)
}

/// A revision named by an address, with its text; none for an id that is
/// not one of this page's revisions.
async fn stored_revision(
    state: &AppState,
    page: Prose,
    lang: Lang,
    revision: Option<i64>,
) -> Result<(Option<PageRevision>, String), AppError> {
    match revision {
        None => Ok((None, PageTexts::bundled(lang, page).to_owned())),
        Some(id) => {
            let stored = state.store.page_revision(page, lang, id).await?.ok_or(AppError::NotFound)?;
            let text = stored.body.clone();
            Ok((Some(stored), text))
        }
    }
}

/// The heading of a revision's pages: "Revision of 25 November 2026 at
/// 12:00 UTC" or "Bundled text".
fn revision_label(tr: &Tr, stored: Option<&PageRevision>) -> String {
    match stored {
        Some(r) => tr.format("admin-pages-revision-of", &[("when", Arg::Text(when(tr, r.info.created_at).into()))]),
        None => tr.t("admin-pages-bundled"),
    }
}

#[derive(Template)]
#[template(path = "admin/page_revision.html")]
struct RevisionPage {
    ctx: AdminContext,
    heading: String,
    history_heading: String,
    saved: Option<SavedBy>,
    history_href: String,
    compare_href: String,
    restore_action: String,
    base: String,
    is_current: bool,
    /// The revision rendered as the public page would show it.
    body: String,
}

/// GET `/admin/pages/{page}/{lang}/revisions/{revision}`: a revision,
/// rendered.
pub async fn revision(
    State(state): State<AppState>,
    staff: Staff,
    Path((page, lang, revision)): Path<(String, String, String)>,
) -> Result<Response, AppError> {
    let (page, lang) = target(&page, &lang)?;
    let revision = revision_ref(&revision)?;
    let (stored, text) = stored_revision(&state, page, lang, revision).await?;
    let current = state.store.current_page_revision(page, lang).await?.map(|r| r.info.id);
    let ctx = AdminContext::signed_in(&state, &staff, Some(Area::Pages));
    let key = page.key();
    let view = RevisionPage {
        heading: ctx.tr.format(
            "admin-pages-revision-title",
            &[
                ("revision", Arg::Text(revision_label(&ctx.tr, stored.as_ref()).into())),
                ("page", Arg::Text(page_name(&ctx.tr, page, lang).into())),
            ],
        ),
        history_heading: history_heading(&ctx.tr, page, lang),
        saved: stored.as_ref().map(|r| SavedBy::new(&ctx.tr, r.info.created_at, r.info.author_email.as_deref())),
        history_href: admin::page(key, lang, "/revisions"),
        compare_href: admin::page_revision(key, lang, revision, "/compare"),
        restore_action: admin::page_revision(key, lang, revision, "/restore"),
        base: base_text(current),
        is_current: current == revision,
        body: render_text(&state, lang, page, text).await?,
        ctx,
    };
    render(&view, staff.lang)
}

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

#[derive(Template)]
#[template(path = "admin/page_compare.html")]
struct ComparePage {
    ctx: AdminContext,
    heading: String,
    history_heading: String,
    label: String,
    caption: String,
    history_href: String,
    view_href: String,
    restore_action: String,
    base: String,
    is_current: bool,
    groups: Vec<Vec<DiffLine>>,
}

/// GET `/admin/pages/{page}/{lang}/revisions/{revision}/compare`: the
/// revision compared with the current one, line by line.
pub async fn compare(
    State(state): State<AppState>,
    staff: Staff,
    Path((page, lang, revision)): Path<(String, String, String)>,
) -> Result<Response, AppError> {
    let (page, lang) = target(&page, &lang)?;
    let revision = revision_ref(&revision)?;
    let (stored, text) = stored_revision(&state, page, lang, revision).await?;
    let (current, current_text) = current_text(&state, page, lang).await?;
    let current = current.map(|r| r.info.id);
    let ctx = AdminContext::signed_in(&state, &staff, Some(Area::Pages));
    let key = page.key();
    let label = revision_label(&ctx.tr, stored.as_ref());
    let compared = ComparePage {
        heading: ctx
            .tr
            .format("admin-pages-compare-title", &[("page", Arg::Text(page_name(&ctx.tr, page, lang).into()))]),
        history_heading: history_heading(&ctx.tr, page, lang),
        caption: ctx.tr.format("admin-pages-diff-caption", &[("revision", Arg::Text(label.clone().into()))]),
        label,
        history_href: admin::page(key, lang, "/revisions"),
        view_href: admin::page_revision(key, lang, revision, ""),
        restore_action: admin::page_revision(key, lang, revision, "/restore"),
        base: base_text(current),
        is_current: current == revision,
        groups: diff_lines(ctx.tr.clone(), text, current_text).await?,
        ctx,
    };
    render(&compared, staff.lang)
}

/// The restore form: the current revision as the person saw it.
#[derive(Deserialize)]
pub struct RestoreForm {
    base: Option<String>,
}

/// POST `/admin/pages/{page}/{lang}/revisions/{revision}/restore`: the
/// revision's text saved as a new revision; or, when someone saved a
/// revision since the page was read, nothing, and the history again (409).
pub async fn restore(
    State(state): State<AppState>,
    Path((page, lang, revision)): Path<(String, String, String)>,
    StaffForm { staff, form }: StaffForm<RestoreForm>,
) -> Result<Response, AppError> {
    let (page, lang) = target(&page, &lang)?;
    let revision = revision_ref(&revision)?;
    let (_, text) = stored_revision(&state, page, lang, revision).await?;
    let base = base_ref(form.base.as_deref())?;
    let new = NewRevision { page, lang, base, body: &text, source: TextSource::Restored(revision) };
    let author = Author { account_id: staff.account_id, email: staff.email.as_str() };
    match state.store.save_page(&new, &author, state.config.clock.now()).await? {
        PageSaved::Done(_) => {
            Ok(Redirect::to(&format!("{}?done=restored", admin::page(page.key(), lang, ""))).into_response())
        }
        PageSaved::Conflict(_) => {
            let history = history_page(&state, &staff, page, lang, true).await?;
            render_with_status(&history, staff.lang, StatusCode::CONFLICT)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_text_keeps_its_line_breaks_as_lf() {
        assert_eq!(clean("a\rb"), "a\nb");
        assert_eq!(clean("a\r\nb\r\n\r\nc"), "a\nb\n\nc");
        assert_eq!(clean("a\tb\u{0}\u{7}c"), "a\tbc");
    }
}
