//! A page's history: its revisions listed, one viewed, compared with the
//! current one, restored.

use askama::Template;
use axum::{
    extract::{Path, State},
    http::StatusCode,
    response::{IntoResponse, Redirect, Response},
};
use serde::Deserialize;

use super::shared::{
    DiffLine, SavedBy, base_ref, base_text, current_text, diff_lines, history_heading, page_name, revision_ref, target,
};
use crate::{
    store::{Author, NewRevision, PageRevision, PageSaved, RevisionInfo, TextSource},
    text::{
        i18n::{Arg, Lang, Tr},
        pages::{PageTexts, Prose},
    },
    web::{
        error::AppError,
        paths::admin::{self, Area},
        staff::{Staff, StaffForm},
        state::AppState,
        view::{
            admin::{AdminContext, when},
            prose::render_text,
            render, render_with_status,
        },
    },
};

/// The revisions a page's history lists at most, newest first.
const HISTORY_LIMIT: i64 = 200;

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
        .map(|info| {
            row(Some(info.id), Some(SavedBy::new(&ctx.tr, &ctx.zone, info.created_at, info.author_email.as_deref())))
        })
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
    let (page, lang) = target(&staff, &page, &lang)?;
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
fn revision_label(tr: &Tr, zone: &crate::domain::TimeZone, stored: Option<&PageRevision>) -> String {
    match stored {
        Some(r) => {
            tr.format("admin-pages-revision-of", &[("when", Arg::Text(when(tr, zone, r.info.created_at).into()))])
        }
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
    let (page, lang) = target(&staff, &page, &lang)?;
    let revision = revision_ref(&revision)?;
    let (stored, text) = stored_revision(&state, page, lang, revision).await?;
    let current = state.store.current_page_revision(page, lang).await?.map(|r| r.info.id);
    let ctx = AdminContext::signed_in(&state, &staff, Some(Area::Pages));
    let key = page.key();
    let view = RevisionPage {
        heading: ctx.tr.format(
            "admin-pages-revision-title",
            &[
                ("revision", Arg::Text(revision_label(&ctx.tr, &ctx.zone, stored.as_ref()).into())),
                ("page", Arg::Text(page_name(&ctx.tr, page, lang).into())),
            ],
        ),
        history_heading: history_heading(&ctx.tr, page, lang),
        saved: stored
            .as_ref()
            .map(|r| SavedBy::new(&ctx.tr, &ctx.zone, r.info.created_at, r.info.author_email.as_deref())),
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
    let (page, lang) = target(&staff, &page, &lang)?;
    let revision = revision_ref(&revision)?;
    let (stored, text) = stored_revision(&state, page, lang, revision).await?;
    let (current, current_text) = current_text(&state, page, lang).await?;
    let current = current.map(|r| r.info.id);
    let ctx = AdminContext::signed_in(&state, &staff, Some(Area::Pages));
    let key = page.key();
    let label = revision_label(&ctx.tr, &ctx.zone, stored.as_ref());
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
    let (page, lang) = target(&staff, &page, &lang)?;
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
