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
mod shared;

use askama::Template;
use axum::{extract::State, response::Response};

use self::shared::{SavedBy, language_name, page_name};
pub use self::{
    edit::{edit, preview, save},
    history::{compare, restore, revision, revisions},
    shared::FORM_LIMIT,
};
use crate::{
    text::{i18n::Lang, pages::Prose},
    web::{
        error::AppError,
        paths::admin::{self, Area},
        staff::Staff,
        state::AppState,
        view::{admin::AdminContext, render},
    },
};

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
    /// Said to an editor: the notices only admins change are not listed.
    admins_note: bool,
}

/// GET `/admin/pages`: every page in each language, with its current
/// revision's date and author.
pub async fn list(State(state): State<AppState>, staff: Staff) -> Result<Response, AppError> {
    let ctx = AdminContext::signed_in(&state, &staff, Some(Area::Pages));
    let current = state.store.current_page_revisions().await?;
    let tr = &ctx.tr;
    let rows = Prose::ALL
        .into_iter()
        .filter(|page| staff.is_admin() || !page.admins_only())
        .flat_map(|page| Lang::ALL.into_iter().map(move |lang| (page, lang)))
        .map(|(page, lang)| {
            let info = current.iter().find(|(p, l, _)| *p == page && *l == lang).map(|(_, _, info)| info);
            Row {
                id: format!("page-{}-{lang}", page.key()),
                full_name: page_name(tr, page, lang),
                language: language_name(tr, lang),
                edit_href: admin::page(page.key(), lang, ""),
                history_href: admin::page(page.key(), lang, "/revisions"),
                saved: info.map(|info| SavedBy::new(tr, &ctx.zone, info.created_at, info.author_email.as_deref())),
            }
        })
        .collect();
    render(&ListPage { rows, admins_note: !staff.is_admin(), ctx }, staff.lang)
}
