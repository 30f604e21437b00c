//! `/admin/sample`: the bundled sample data, removed by an admin after a
//! confirmation that says what goes — what `oneinfive sample remove` does.

use axum::{
    extract::{Query, State},
    response::{IntoResponse, Redirect, Response},
};
use serde::Deserialize;

use crate::{
    store::SampleRows,
    text::i18n::Tr,
    web::{
        error::AppError,
        paths::admin::{self, Area},
        staff::{AdminForm, AdminOnly, NoFields},
        state::AppState,
        view::{
            admin::AdminContext,
            form::{ConfirmPage, StoredValue},
            render,
        },
    },
};

#[derive(Deserialize)]
pub struct SampleQuery {
    done: Option<String>,
}

/// What the sample data holds, as the page lists it.
fn facts(tr: &Tr, rows: &SampleRows) -> Vec<StoredValue> {
    [
        ("admin-sample-signatories", rows.signatories),
        ("admin-sample-events", rows.events),
        ("admin-sample-news", rows.news),
        ("admin-sample-newsletter-issues", rows.newsletter_issues),
    ]
    .into_iter()
    .map(|(id, count)| StoredValue { label: tr.t(id), value: crate::text::i18n::format_count(tr.lang(), count) })
    .collect()
}

/// GET `/admin/sample`: what the sample data holds, and the button that
/// removes it; or that there is none (left).
pub async fn show(
    State(state): State<AppState>,
    AdminOnly(staff): AdminOnly,
    Query(query): Query<SampleQuery>,
) -> Result<Response, AppError> {
    let rows = state.store.sample_rows().await?;
    let ctx = AdminContext::signed_in(&state, &staff, Some(Area::Dashboard));
    let tr = ctx.tr.clone();
    if rows.total() == 0 {
        let page = EmptyPage {
            heading: tr.t("admin-sample-title"),
            removed: query.done.is_some().then(|| tr.t("admin-sample-removed")),
            explanation: tr.t("admin-sample-none"),
            facts: facts(&tr, &rows),
            back_href: admin::HOME,
            back_label: tr.t("admin-sample-back"),
            ctx,
        };
        return render(&page, staff.lang);
    }
    let page = ConfirmPage {
        id: "sample-remove".into(),
        heading: tr.t("admin-sample-title"),
        explanation: tr.t("admin-sample-explanation"),
        warning: None,
        facts: facts(&tr, &rows),
        action: admin::SAMPLE.to_owned(),
        version: None,
        confirm: tr.t("admin-sample-confirm"),
        back_href: admin::HOME.to_owned(),
        back_label: tr.t("admin-sample-back"),
        ctx,
    };
    render(&page, staff.lang)
}

/// The page once there is no sample data: what is left (nothing), and
/// the way back.
#[derive(askama::Template)]
#[template(path = "admin/sample_none.html")]
struct EmptyPage {
    ctx: AdminContext,
    heading: String,
    /// Said once the data has just been removed.
    removed: Option<String>,
    explanation: String,
    facts: Vec<StoredValue>,
    back_href: &'static str,
    back_label: String,
}

/// POST `/admin/sample`: every sample row removed in one transaction, and
/// the audit log says how many.
pub async fn remove(
    State(state): State<AppState>,
    AdminForm { staff, .. }: AdminForm<NoFields>,
) -> Result<Response, AppError> {
    state.store.remove_sample(&staff.actor(), state.config.clock.now()).await?;
    state.store.announce_changes().await;
    Ok(Redirect::to(&format!("{}?done=removed", admin::SAMPLE)).into_response())
}
