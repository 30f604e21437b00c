//! `/admin/audit` (admins only): the audit log, newest first, filtered by
//! person and by kind of change, 50 entries a page.

use askama::Template;
use axum::{
    extract::{Query, State},
    response::Response,
};
use serde::Deserialize;

use crate::{
    store::{Actor, AuditFilter, AuditKind},
    web::{
        error::AppError,
        paths::admin::{self, Area},
        staff::AdminOnly,
        state::AppState,
        view::{
            admin::AdminContext,
            audit::{EntryRow, kind_label},
            listing::{self, Choice, Pagination, page_number, pages_through, present},
            render,
        },
    },
};

/// Entries a page.
const PAGE_SIZE: i64 = 50;

/// The filter's value for the command line (no address looks like it).
const COMMAND_LINE: &str = "command-line";

#[derive(Template)]
#[template(path = "admin/audit.html")]
struct AuditPage {
    ctx: AdminContext,
    action: &'static str,
    people: Vec<Choice>,
    kinds: Vec<Choice>,
    filtered: bool,
    /// The entries, in the table `admin/changes.html` draws.
    rows: Vec<EntryRow>,
    caption: String,
    caption_id: &'static str,
    pagination: Option<Pagination>,
}

#[derive(Deserialize)]
pub struct AuditQuery {
    who: Option<String>,
    kind: Option<String>,
    page: Option<String>,
}

/// GET `/admin/audit`. An unknown kind is a bad request.
pub async fn show(
    State(state): State<AppState>,
    AdminOnly(staff): AdminOnly,
    Query(query): Query<AuditQuery>,
) -> Result<Response, AppError> {
    let ctx = AdminContext::signed_in(&state, &staff, Some(Area::Audit));
    let tr = ctx.tr.clone();
    let who = present(query.who.as_deref()).map(str::to_owned);
    let kind = match present(query.kind.as_deref()) {
        Some(text) => Some(AuditKind::parse(text).ok_or(AppError::BadRequest)?),
        None => None,
    };
    let page = page_number(query.page.as_deref())?;
    let actor = who.as_deref().map(|who| match who {
        COMMAND_LINE => Actor::CommandLine,
        email => Actor::Staff(email.to_owned()),
    });
    let filter = AuditFilter { actor, kind };
    let total = state.store.audit_count(&filter).await?;
    let pages = pages_through(total, PAGE_SIZE, page)?;
    let entries = state.store.audit_entries(&filter, PAGE_SIZE, (page - 1) * PAGE_SIZE).await?;
    let command_line = Choice {
        value: COMMAND_LINE.to_owned(),
        label: tr.t("admin-audit-command-line"),
        selected: who.as_deref() == Some(COMMAND_LINE),
    };
    let people = std::iter::once(command_line)
        .chain(state.store.audit_actors().await?.into_iter().map(|email| Choice {
            selected: who.as_deref() == Some(email.as_str()),
            label: email.clone(),
            value: email,
        }))
        .collect();
    let kinds = AuditKind::ALL
        .into_iter()
        .map(|k| Choice { value: k.as_str().to_owned(), label: tr.t(kind_label(k)), selected: kind == Some(k) })
        .collect();
    let href = |page: i64| {
        let mut query = url::form_urlencoded::Serializer::new(String::new());
        if let Some(who) = &who {
            query.append_pair("who", who);
        }
        if let Some(kind) = kind {
            query.append_pair("kind", kind.as_str());
        }
        query.append_pair("page", &page.to_string());
        format!("{}?{}", admin::AUDIT, query.finish())
    };
    let page = AuditPage {
        action: admin::AUDIT,
        people,
        kinds,
        filtered: who.is_some() || kind.is_some(),
        rows: EntryRow::linked(&state, &tr, &entries).await?,
        caption: tr.count("admin-audit-count", "count", total),
        caption_id: "audit-caption",
        pagination: Pagination::new(&tr, &listing::PAGES, page, pages, href),
        ctx,
    };
    render(&page, staff.lang)
}
