//! `/admin/accounts` (admins only): every account with its role, state,
//! two-step sign-in and last sign-in; a role changed, an account disabled,
//! enabled or deleted (after a confirmation step). An admin cannot demote,
//! disable or delete themselves, and the last active admin cannot be
//! removed; a refusal shows the page again (422) and says why.

use askama::Template;
use axum::{
    extract::{Query, State},
    http::StatusCode,
    response::{IntoResponse, Redirect, Response},
};
use serde::Deserialize;

use crate::{
    domain::Role,
    store::{AccountChange, ChangeOutcome},
    web::{
        error::AppError,
        extract::ItemId,
        paths::admin::{self, Area},
        staff::{AdminForm, AdminOnly, NoFields, Staff},
        state::AppState,
        view::{
            accounts::{AccountsPage, InviteFields},
            admin::AdminContext,
            render, render_with_status,
        },
    },
};

#[derive(Deserialize)]
pub struct Done {
    done: Option<String>,
}

/// GET `/admin/accounts`; the invitation form as this browser typed it
/// before its session ended, if it did.
pub async fn list(
    State(state): State<AppState>,
    AdminOnly(staff): AdminOnly,
    Query(query): Query<Done>,
) -> Result<Response, AppError> {
    let mut page = AccountsPage::new(&state, &staff, None).await?;
    if let Some(typed) = staff.restored::<InviteFields>(admin::INVITE) {
        typed.show_in(&mut page.invite);
    }
    page.done = match query.done.as_deref() {
        Some("role") => Some(page.ctx.t("admin-accounts-role-changed")),
        Some("disabled") => Some(page.ctx.t("admin-accounts-disabled")),
        Some("enabled") => Some(page.ctx.t("admin-accounts-enabled")),
        Some("deleted") => Some(page.ctx.t("admin-accounts-deleted")),
        Some("invited") => Some(page.ctx.t("admin-invitation-sent")),
        Some("resent") => Some(page.ctx.t("admin-invitation-resent")),
        Some("withdrawn") => Some(page.ctx.t("admin-invitation-withdrawn")),
        Some("two-step") => Some(page.ctx.t("admin-two-step-setting-saved")),
        _ => None,
    };
    render(&page, staff.lang)
}

/// Makes a change and answers: back to the list with a notice, or the
/// list again with the reason of a refusal.
async fn apply(state: &AppState, staff: &Staff, id: i64, change: AccountChange) -> Result<Response, AppError> {
    let now = state.config.clock.now();
    let outcome = state.store.change_account(id, change, staff.account_id, &staff.actor(), now).await?;
    let refusal = match outcome {
        ChangeOutcome::Done | ChangeOutcome::Unchanged => {
            let done = match change {
                AccountChange::Role(_) => "role",
                AccountChange::Disable => "disabled",
                AccountChange::Enable => "enabled",
                AccountChange::Delete => "deleted",
            };
            return Ok(Redirect::to(&format!("{}?done={done}", admin::ACCOUNTS)).into_response());
        }
        ChangeOutcome::NotFound => return Err(AppError::NotFound),
        ChangeOutcome::LastAdmin => "admin-accounts-last-admin",
        ChangeOutcome::Yourself => "admin-accounts-yourself",
    };
    refuse(state, staff, id, refusal).await
}

/// The list again, with the reason of a refusal next to the account's row.
async fn refuse(state: &AppState, staff: &Staff, id: i64, message: &str) -> Result<Response, AppError> {
    let mut page = AccountsPage::new(state, staff, Some(id)).await?;
    page.error = Some(page.ctx.t(message));
    render_with_status(&page, staff.lang, StatusCode::UNPROCESSABLE_ENTITY)
}

#[derive(Deserialize)]
pub struct RoleFields {
    role: Option<String>,
}

/// POST `/admin/accounts/{id}/role`.
pub async fn set_role(
    State(state): State<AppState>,
    ItemId(id): ItemId,
    AdminForm { staff, form }: AdminForm<RoleFields>,
) -> Result<Response, AppError> {
    match form.role.as_deref().and_then(Role::parse) {
        Some(role) => apply(&state, &staff, id, AccountChange::Role(role)).await,
        None if state.store.account_by_id(id).await?.is_none() => Err(AppError::NotFound),
        None => refuse(&state, &staff, id, "admin-accounts-role-missing").await,
    }
}

/// POST `/admin/accounts/{id}/disable`: the person's sessions end at once.
pub async fn disable(
    State(state): State<AppState>,
    ItemId(id): ItemId,
    AdminForm { staff, .. }: AdminForm<NoFields>,
) -> Result<Response, AppError> {
    apply(&state, &staff, id, AccountChange::Disable).await
}

/// POST `/admin/accounts/{id}/enable`.
pub async fn enable(
    State(state): State<AppState>,
    ItemId(id): ItemId,
    AdminForm { staff, .. }: AdminForm<NoFields>,
) -> Result<Response, AppError> {
    apply(&state, &staff, id, AccountChange::Enable).await
}

#[derive(Template)]
#[template(path = "admin/account_delete.html")]
struct DeletePage {
    ctx: AdminContext,
    email: String,
    action: String,
    cancel_href: &'static str,
}

/// GET `/admin/accounts/{id}/delete`: the confirmation step.
pub async fn confirm_delete(
    State(state): State<AppState>,
    AdminOnly(staff): AdminOnly,
    ItemId(id): ItemId,
) -> Result<Response, AppError> {
    let account = state.store.account_by_id(id).await?.ok_or(AppError::NotFound)?;
    let ctx = AdminContext::signed_in(&state, &staff, Some(Area::Accounts));
    let page = DeletePage {
        ctx,
        email: account.email.to_string(),
        action: admin::account_action(id, "delete"),
        cancel_href: admin::ACCOUNTS,
    };
    render(&page, staff.lang)
}

/// POST `/admin/accounts/{id}/delete`.
pub async fn delete(
    State(state): State<AppState>,
    ItemId(id): ItemId,
    AdminForm { staff, .. }: AdminForm<NoFields>,
) -> Result<Response, AppError> {
    apply(&state, &staff, id, AccountChange::Delete).await
}

#[derive(Deserialize)]
pub struct TwoStepSettingFields {
    required: Option<String>,
}

/// POST `/admin/accounts/two-step-required`: the two-step sign-in required
/// of everyone (`on`), or left to each person (`off`).
pub async fn set_two_step_required(
    State(state): State<AppState>,
    AdminForm { staff, form }: AdminForm<TwoStepSettingFields>,
) -> Result<Response, AppError> {
    let required = match form.required.as_deref() {
        Some("on") => true,
        Some("off") => false,
        _ => return Err(AppError::BadRequest),
    };
    state.store.set_two_step_required(required, &staff.actor(), state.config.clock.now()).await?;
    Ok(Redirect::to(&format!("{}?done=two-step", admin::ACCOUNTS)).into_response())
}
