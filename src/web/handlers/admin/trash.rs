//! `/admin/trash`: the signatories, events and news items deleted in the
//! last 30 days, each with everything it had. Staff restore them; only
//! admins erase one, or all, for good, after a confirmation step. What is
//! past its 30 days is erased by the site (here, and by the mail worker's
//! housekeeping).

use askama::Template;
use axum::{
    extract::{Query, State},
    http::StatusCode,
    response::{IntoResponse, Redirect, Response},
};
use serde::Deserialize;
use time::OffsetDateTime;

use crate::{
    domain::TimeZone,
    store::{Clash, Restored, TRASH_KEPT_FOR, TrashItem, TrashKind},
    text::i18n::{Lang, Tr},
    web::{
        error::AppError,
        extract::ItemId,
        paths::admin::{self, Area},
        staff::{AdminForm, AdminOnly, NoFields, Staff, StaffForm},
        state::AppState,
        view::{
            admin::{AdminContext, datetime, when},
            audit::{anchor, edit_href},
            form::{ConfirmPage, StoredValue},
            render, render_with_status,
        },
    },
};

#[derive(Template)]
#[template(path = "admin/trash.html")]
struct TrashPage {
    ctx: AdminContext,
    rows: Vec<TrashRow>,
    caption: String,
    is_admin: bool,
    empty_href: &'static str,
    done: Option<String>,
    /// The restored record's form, after a restore.
    done_href: Option<String>,
    refusal: Option<String>,
}

/// An item of the trash as its row shows it.
struct TrashRow {
    anchor: String,
    kind_code: &'static str,
    item_id: i64,
    label: String,
    kind: String,
    when: String,
    datetime: String,
    by: String,
    left: String,
    restore_action: String,
    erase_href: String,
}

impl TrashRow {
    fn new(tr: &Tr, zone: &TimeZone, item: &TrashItem, now: OffsetDateTime) -> TrashRow {
        let days = (item.deleted_at + TRASH_KEPT_FOR - now).whole_days();
        TrashRow {
            anchor: anchor(item.id),
            kind_code: item.kind.as_str(),
            item_id: item.item_id,
            label: label(tr, item).to_owned(),
            kind: tr.t(kind_label(item.kind)),
            when: when(tr, zone, item.deleted_at),
            datetime: datetime(item.deleted_at),
            by: item.deleted_by.clone().unwrap_or_else(|| tr.t("admin-audit-command-line")),
            left: if days < 1 { tr.t("trash-last-day") } else { tr.count("trash-days-left", "count", days) },
            restore_action: admin::trash_action(item.id, "restore"),
            erase_href: admin::trash_action(item.id, "erase"),
        }
    }
}

/// An item's name or title in the reader's language.
fn label<'a>(tr: &Tr, item: &'a TrashItem) -> &'a str {
    match tr.lang() {
        Lang::Fr => &item.label_fr,
        Lang::En => &item.label_en,
    }
}

fn kind_label(kind: TrashKind) -> &'static str {
    match kind {
        TrashKind::Signatory => "trash-kind-signatory",
        TrashKind::Event => "trash-kind-event",
        TrashKind::News => "trash-kind-news",
    }
}

#[derive(Deserialize)]
pub struct TrashQuery {
    done: Option<String>,
    kind: Option<String>,
    id: Option<i64>,
}

/// The page, with what was just done or refused.
async fn page(
    state: &AppState,
    staff: &Staff,
    done: Option<(String, Option<String>)>,
    refusal: Option<String>,
) -> Result<TrashPage, AppError> {
    let now = state.config.clock.now();
    // What is past its 30 days goes now rather than at the worker's next round.
    state.store.purge_trash(now).await?;
    let items = state.store.trash_items(now).await?;
    let ctx = AdminContext::signed_in(state, staff, Some(Area::Trash));
    let tr = ctx.tr.clone();
    let (done, done_href) = done.map_or((None, None), |(message, href)| (Some(message), href));
    Ok(TrashPage {
        rows: items.iter().map(|item| TrashRow::new(&tr, &state.config.time_zone, item, now)).collect(),
        caption: tr.count("trash-count", "count", i64::try_from(items.len()).unwrap_or(i64::MAX)),
        is_admin: staff.is_admin(),
        empty_href: admin::TRASH_EMPTY,
        done,
        done_href,
        refusal,
        ctx,
    })
}

/// GET `/admin/trash`.
pub async fn list(
    State(state): State<AppState>,
    staff: Staff,
    Query(query): Query<TrashQuery>,
) -> Result<Response, AppError> {
    let tr = Tr::new(staff.lang, state.locales.clone());
    let restored = TrashKind::ALL.into_iter().find(|kind| query.kind.as_deref() == Some(kind.as_str()));
    let done = match (query.done.as_deref(), restored, query.id) {
        (Some("restored"), Some(kind), Some(id)) if id > 0 => {
            Some((tr.t("trash-done-restored"), Some(edit_href(kind, id))))
        }
        (Some("erased"), _, _) => Some((tr.t("trash-done-erased"), None)),
        (Some("emptied"), _, _) => Some((tr.t("trash-done-emptied"), None)),
        _ => None,
    };
    render(&page(&state, &staff, done, None).await?, staff.lang)
}

/// POST `/admin/trash/{id}/restore` (staff): the record is back, with
/// everything it had; or, when another record took its name or address
/// meanwhile, the page says so (409) and nothing changed.
pub async fn restore(
    State(state): State<AppState>,
    ItemId(id): ItemId,
    StaffForm { staff, .. }: StaffForm<NoFields>,
) -> Result<Response, AppError> {
    let tr = Tr::new(staff.lang, state.locales.clone());
    match state.store.restore_from_trash(id, &staff.actor(), state.config.clock.now()).await? {
        Restored::Done { kind, id } => {
            let to = format!("{}?done=restored&kind={}&id={id}", admin::TRASH, kind.as_str());
            Ok(Redirect::to(&to).into_response())
        }
        Restored::NotFound => Err(AppError::NotFound),
        Restored::Clash(clash) => {
            let message = tr.t(match clash {
                Clash::Name => "trash-clash-name",
                Clash::Slug => "trash-clash-slug",
            });
            render_with_status(&page(&state, &staff, None, Some(message)).await?, staff.lang, StatusCode::CONFLICT)
        }
    }
}

/// An item of the trash, named by an address's `{id}`.
async fn item(state: &AppState, id: i64) -> Result<TrashItem, AppError> {
    state.store.trash_item(id, state.config.clock.now()).await?.ok_or(AppError::NotFound)
}

/// What the confirmation steps say of an item.
fn facts(tr: &Tr, zone: &TimeZone, item: &TrashItem) -> Vec<StoredValue> {
    vec![
        StoredValue { label: tr.t(kind_label(item.kind)), value: label(tr, item).to_owned() },
        StoredValue { label: tr.t("trash-column-deleted"), value: when(tr, zone, item.deleted_at) },
    ]
}

/// GET `/admin/trash/{id}/erase` (admins): the confirmation step.
pub async fn confirm_erase(
    State(state): State<AppState>,
    AdminOnly(staff): AdminOnly,
    ItemId(id): ItemId,
) -> Result<Response, AppError> {
    let item = item(&state, id).await?;
    let ctx = AdminContext::signed_in(&state, &staff, Some(Area::Trash));
    let page = ConfirmPage {
        id: "trash-erase".to_owned(),
        heading: ctx.t("trash-erase-title"),
        explanation: ctx.t("trash-erase-explanation"),
        warning: None,
        facts: facts(&ctx.tr, &ctx.zone, &item),
        action: admin::trash_action(id, "erase"),
        version: None,
        confirm: ctx.t("trash-erase"),
        back_href: admin::TRASH.to_owned(),
        back_label: ctx.t("admin-cancel"),
        ctx,
    };
    render(&page, staff.lang)
}

/// POST `/admin/trash/{id}/erase` (admins): erased for good.
pub async fn erase(
    State(state): State<AppState>,
    ItemId(id): ItemId,
    AdminForm { staff, .. }: AdminForm<NoFields>,
) -> Result<Response, AppError> {
    if !state.store.erase_from_trash(id, &staff.actor(), state.config.clock.now()).await? {
        return Err(AppError::NotFound);
    }
    Ok(Redirect::to(&format!("{}?done=erased", admin::TRASH)).into_response())
}

/// GET `/admin/trash/empty` (admins): the confirmation step, which lists
/// every item that goes.
pub async fn confirm_empty(State(state): State<AppState>, AdminOnly(staff): AdminOnly) -> Result<Response, AppError> {
    let items = state.store.trash_items(state.config.clock.now()).await?;
    let ctx = AdminContext::signed_in(&state, &staff, Some(Area::Trash));
    let page = ConfirmPage {
        id: "trash-empty".to_owned(),
        heading: ctx.t("trash-empty-title"),
        explanation: ctx.tr.count("trash-empty-explanation", "count", i64::try_from(items.len()).unwrap_or(0)),
        warning: None,
        facts: items.iter().flat_map(|item| facts(&ctx.tr, &ctx.zone, item).into_iter().take(1)).collect(),
        action: admin::TRASH_EMPTY.to_owned(),
        version: None,
        confirm: ctx.t("trash-empty"),
        back_href: admin::TRASH.to_owned(),
        back_label: ctx.t("admin-cancel"),
        ctx,
    };
    render(&page, staff.lang)
}

/// POST `/admin/trash/empty` (admins): everything in it erased for good.
pub async fn empty(
    State(state): State<AppState>,
    AdminForm { staff, .. }: AdminForm<NoFields>,
) -> Result<Response, AppError> {
    state.store.empty_trash(&staff.actor(), state.config.clock.now()).await?;
    Ok(Redirect::to(&format!("{}?done=emptied", admin::TRASH)).into_response())
}
