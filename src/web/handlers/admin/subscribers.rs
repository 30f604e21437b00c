//! `/admin/subscribers`: counts, a search by address, a person's record,
//! erasure (after a confirmation page), and the export as CSV — the same
//! file `oneinfive subscribers export` writes.

use askama::Template;
use axum::{
    extract::{Query, State},
    http::{HeaderValue, header},
    response::{IntoResponse, Redirect, Response},
};
use serde::Deserialize;

use crate::{
    formats::subscribers_csv,
    store::{AuditKind, SubscriberRecord, subscribers_exported as exported},
    text::i18n::{Arg, Tr},
    web::{
        error::AppError,
        extract::ItemId,
        paths::admin::{self, Area},
        staff::{AdminForm, AdminOnly, NoFields},
        state::AppState,
        view::{
            admin::{AdminContext, datetime, when},
            listing::present,
            render,
        },
    },
};

/// The most rows a search shows.
const RESULTS: i64 = 100;

/// A subscriber as the pages show them.
struct Row {
    href: String,
    email: String,
    status: String,
    lang: String,
    subscribed: String,
    subscribed_datetime: String,
    confirmed: Option<String>,
    consent: String,
    consent_version: String,
    erase_href: String,
}

impl Row {
    fn new(tr: &Tr, zone: &crate::domain::TimeZone, record: &SubscriberRecord) -> Row {
        Row {
            href: admin::subscriber(record.id),
            email: record.email.clone(),
            status: tr.t(if record.status == "confirmed" { "admin-status-confirmed" } else { "admin-status-pending" }),
            lang: tr.t(if record.lang == "fr" { "admin-lang-fr" } else { "admin-lang-en" }),
            subscribed: when(tr, zone, record.created_at),
            subscribed_datetime: datetime(record.created_at),
            confirmed: record.confirmed_at.map(|at| when(tr, zone, at)),
            consent: when(tr, zone, record.consent_at),
            consent_version: record.consent_version.clone(),
            erase_href: admin::subscriber_erase(record.id),
        }
    }
}

#[derive(Template)]
#[template(path = "admin/subscribers.html")]
struct SubscribersPage {
    ctx: AdminContext,
    action: &'static str,
    /// The confirmed and pending subscribers, counted.
    totals: Vec<String>,
    query: String,
    /// The search's results, when there was a search.
    results: Option<Vec<Row>>,
    results_text: String,
    /// A person was just erased.
    erased: bool,
    export_confirmed: String,
    export_all: String,
}

#[derive(Deserialize)]
pub struct ListQuery {
    q: Option<String>,
    erased: Option<String>,
}

/// GET `/admin/subscribers`.
pub async fn list(
    State(state): State<AppState>,
    AdminOnly(staff): AdminOnly,
    Query(query): Query<ListQuery>,
) -> Result<Response, AppError> {
    let ctx = AdminContext::signed_in(&state, &staff, Some(Area::Subscribers));
    let tr = ctx.tr.clone();
    let counts = state.store.subscriber_counts().await?;
    let total = |status: &str| counts.iter().filter(|c| c.status == status).map(|c| c.count).sum::<i64>();
    let totals = vec![
        tr.count("admin-subscribers-confirmed", "count", total("confirmed")),
        tr.count("admin-subscribers-pending", "count", total("pending")),
    ];
    let typed: String = query.q.as_deref().unwrap_or("").chars().filter(|c| !c.is_control()).take(254).collect();
    let results = match present(Some(&typed)) {
        Some(part) => Some(
            state
                .store
                .search_subscribers(part, RESULTS)
                .await?
                .iter()
                .map(|r| Row::new(&tr, &ctx.zone, r))
                .collect::<Vec<_>>(),
        ),
        None => None,
    };
    let found = results.as_ref().map_or(0, Vec::len);
    let page = SubscribersPage {
        action: admin::SUBSCRIBERS,
        totals,
        query: typed,
        results_text: tr.format("admin-subscribers-found", &[("count", Arg::Count(i64::try_from(found).unwrap_or(0)))]),
        results,
        erased: query.erased.is_some(),
        export_confirmed: admin::SUBSCRIBERS_EXPORT.to_owned(),
        export_all: format!("{}?all=1", admin::SUBSCRIBERS_EXPORT),
        ctx,
    };
    render(&page, staff.lang)
}

#[derive(Template)]
#[template(path = "admin/subscriber.html")]
struct RecordPage {
    ctx: AdminContext,
    row: Row,
    back_href: &'static str,
}

#[derive(Template)]
#[template(path = "admin/erase.html")]
struct ErasePage {
    ctx: AdminContext,
    row: Row,
}

/// A subscriber named by an address's `{id}`; any other id is not found.
async fn record(state: &AppState, id: i64) -> Result<SubscriberRecord, AppError> {
    state.store.subscriber_record(id).await?.ok_or(AppError::NotFound)
}

/// GET `/admin/subscribers/{id}`: a person's record.
pub async fn show(
    State(state): State<AppState>,
    AdminOnly(staff): AdminOnly,
    ItemId(id): ItemId,
) -> Result<Response, AppError> {
    let record = record(&state, id).await?;
    let ctx = AdminContext::signed_in(&state, &staff, Some(Area::Subscribers));
    let row = Row::new(&ctx.tr, &ctx.zone, &record);
    render(&RecordPage { ctx, row, back_href: admin::SUBSCRIBERS }, staff.lang)
}

/// GET `/admin/subscribers/{id}/erase`: the confirmation step.
pub async fn confirm_erase(
    State(state): State<AppState>,
    AdminOnly(staff): AdminOnly,
    ItemId(id): ItemId,
) -> Result<Response, AppError> {
    let record = record(&state, id).await?;
    let ctx = AdminContext::signed_in(&state, &staff, Some(Area::Subscribers));
    let row = Row::new(&ctx.tr, &ctx.zone, &record);
    render(&ErasePage { ctx, row }, staff.lang)
}

/// POST `/admin/subscribers/{id}/erase`: the person is erased, with their
/// queued mails; the list says so.
pub async fn erase(
    State(state): State<AppState>,
    ItemId(id): ItemId,
    AdminForm { staff, .. }: AdminForm<NoFields>,
) -> Result<Response, AppError> {
    if !state.store.erase_subscriber(id, &staff.actor(), state.config.clock.now()).await? {
        return Err(AppError::NotFound);
    }
    Ok(Redirect::to(&format!("{}?erased=1", admin::SUBSCRIBERS)).into_response())
}

#[derive(Deserialize)]
pub struct ExportQuery {
    all: Option<String>,
}

/// GET `/admin/subscribers/export.csv`: the confirmed subscribers, or all
/// of them with `?all=1`, as the command line exports them.
pub async fn export(
    State(state): State<AppState>,
    AdminOnly(staff): AdminOnly,
    Query(query): Query<ExportQuery>,
) -> Result<Response, AppError> {
    let all = query.all.is_some();
    let subscribers = state.store.subscribers(all).await?;
    let (summary, details) = exported(all, subscribers.len());
    state
        .store
        .record(&staff.actor(), AuditKind::SubscribersExported, &details, &summary, state.config.clock.now())
        .await?;
    let mut csv = Vec::new();
    subscribers_csv::write(&mut csv, &subscribers, all).map_err(|e| AppError::Internal(e.into()))?;
    let mut response = csv.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/csv; charset=utf-8"));
    let name =
        if all { "attachment; filename=\"subscribers-all.csv\"" } else { "attachment; filename=\"subscribers.csv\"" };
    headers.insert(header::CONTENT_DISPOSITION, HeaderValue::from_static(name));
    Ok(response)
}
