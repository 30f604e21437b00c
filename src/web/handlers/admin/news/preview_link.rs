//! A draft's private preview link, from its page: made (replacing the one
//! it had) and shown once, to copy, with when it ends; withdrawn. Only the
//! hash of its token is stored: the link cannot be shown again, and a new
//! one is made instead.

use axum::{
    extract::State,
    response::{IntoResponse, Redirect, Response},
};

use super::{
    form::NewsForm,
    page::{FormPage, PreviewLinkView},
};
use crate::{
    domain::news::Translated,
    infra::random,
    store::PreviewLink,
    web::{
        edit::FieldErrors,
        error::AppError,
        extract::ItemId,
        paths::{self, admin},
        staff::{NoFields, StaffForm},
        state::AppState,
        view::render,
    },
};

/// POST `/admin/news/{id}/preview-link`: a new link for a draft (the old
/// one stops working), shown on the item's page with the form as stored.
/// An item no longer a draft gets none: back to its page.
pub async fn create(
    State(state): State<AppState>,
    ItemId(id): ItemId,
    StaffForm { staff, .. }: StaffForm<NoFields>,
) -> Result<Response, AppError> {
    let now = state.config.clock.now();
    let item = state.store.staff_news(id).await?.ok_or(AppError::NotFound)?;
    let token = random::hex_token(32)?;
    let created = state.store.create_news_preview_link(id, &random::token_hash(&token), &staff.actor(), now).await?;
    let Some(expires_at) = created else {
        return Ok(Redirect::to(&admin::news_item(id)).into_response());
    };
    let form = NewsForm::of(&item, now, &state.config.time_zone);
    let mut page = FormPage::new(&state, &staff, &form, &FieldErrors::default()).for_item(&item, now);
    let live = PreviewLink { created_at: now, expires_at };
    let mut link = PreviewLinkView::new(&page.ctx, id, Some(&live));
    // In the person's language when the draft is written in it.
    let lang = if item.translation(staff.lang).is_some() { staff.lang } else { staff.lang.other() };
    link.url = Some(format!("{}{}", state.config.base_url, paths::news_preview(lang, &token)));
    page.preview_link = Some(link);
    page.done = Some(page.ctx.t("preview-link-done-created"));
    render(&page, staff.lang)
}

/// POST `/admin/news/{id}/preview-link/withdraw`: the link opens nothing
/// from now on.
pub async fn withdraw(
    State(state): State<AppState>,
    ItemId(id): ItemId,
    StaffForm { staff, .. }: StaffForm<NoFields>,
) -> Result<Response, AppError> {
    let now = state.config.clock.now();
    if state.store.withdraw_news_preview_link(id, &staff.actor(), now).await? {
        return Ok(Redirect::to(&format!("{}?done=preview-link-withdrawn", admin::news_item(id))).into_response());
    }
    Ok(Redirect::to(&admin::news_item(id)).into_response())
}
