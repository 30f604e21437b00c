//! The page's form: edited, previewed, saved.

use askama::Template;
use axum::{
    extract::{Path, Query, State},
    http::StatusCode,
    response::{IntoResponse, Redirect, Response},
};
use serde::Deserialize;

use super::shared::{DiffLine, MAX_TEXT, SavedBy, base_ref, base_text, current_text, diff_lines, page_name, target};
use crate::{
    domain::text::normalise_line_breaks,
    store::{Author, NewRevision, PageSaved, TextSource},
    text::{
        checks,
        i18n::{Arg, Lang, Tr},
        pages::{self, PageTexts, Prose, SourcesNote},
    },
    web::{
        error::AppError,
        paths::{
            Page,
            admin::{self, Area},
        },
        staff::{Staff, StaffForm},
        state::AppState,
        view::{admin::AdminContext, prose::render_text, render, render_with_status, typed::Mixed},
    },
};

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
    /// Where the bundled text comes from, shown beside the form.
    sources: Option<SourcesNote>,
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
            sources: pages::sources(lang, page),
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
    let (page, lang) = target(&staff, &page, &lang)?;
    let (current, text) = current_text(&state, page, lang).await?;
    let restored: Option<TextForm> = staff
        .restored(&admin::page(page.key(), lang, ""))
        .or_else(|| staff.restored(&admin::page(page.key(), lang, "/preview")));
    if let Some(typed) = restored {
        let base = base_ref(typed.base.as_deref()).unwrap_or(current.as_ref().map(|r| r.info.id));
        let form = FormPage::new(&state, &staff, page, lang, base, clean(&typed.body));
        return render(&form, staff.lang);
    }
    let text = pages::without_old_sources(&text).to_owned();
    let mut form = FormPage::new(&state, &staff, page, lang, current.as_ref().map(|r| r.info.id), text);
    form.current = Some(
        current
            .as_ref()
            .map(|r| SavedBy::new(&form.ctx.tr, &form.ctx.zone, r.info.created_at, r.info.author_email.as_deref())),
    );
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

/// A posted form, read: the page and language, the revision the text was
/// typed over, and the text as kept.
struct Posted {
    page: Prose,
    lang: Lang,
    base: Option<i64>,
    text: String,
}

/// The page's posted form, read; or, when the text may not be saved, the
/// form again with the text's message (422).
fn posted(
    state: &AppState,
    staff: &Staff,
    page: &str,
    lang: &str,
    form: &TextForm,
) -> Result<Result<Posted, Response>, AppError> {
    let (page, lang) = target(staff, page, lang)?;
    let base = base_ref(form.base.as_deref())?;
    let text = clean(&form.body);
    if let Some(error) = text_error(&Tr::new(staff.lang, state.locales.clone()), &text) {
        let mut form = FormPage::new(state, staff, page, lang, base, text);
        form.error = Some(error);
        return render_with_status(&form, staff.lang, StatusCode::UNPROCESSABLE_ENTITY).map(Err);
    }
    Ok(Ok(Posted { page, lang, base, text }))
}

/// POST `/admin/pages/{page}/{lang}/preview`: the typed text rendered
/// above the form, which keeps it; nothing is written.
pub async fn preview(
    State(state): State<AppState>,
    Path((page, lang)): Path<(String, String)>,
    StaffForm { staff, form }: StaffForm<TextForm>,
) -> Result<Response, AppError> {
    let Posted { page, lang, base, text } = match posted(&state, &staff, &page, &lang, &form)? {
        Ok(posted) => posted,
        Err(refused) => return Ok(refused),
    };
    let mut form = FormPage::new(&state, &staff, page, lang, base, text);
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
    let Posted { page, lang, base, text } = match posted(&state, &staff, &page, &lang, &form)? {
        Ok(posted) => posted,
        Err(refused) => return Ok(refused),
    };
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
                    Some(r) => {
                        SavedBy::new(tr, &form.ctx.zone, r.info.created_at, r.info.author_email.as_deref()).by_line
                    }
                    None => Mixed::words(tr.t("admin-pages-conflict-bundled")),
                },
                view_href: admin::page_revision(page.key(), lang, current.as_ref().map(|r| r.info.id), ""),
                diff,
            });
            render_with_status(&form, staff.lang, StatusCode::CONFLICT)
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
