//! `/admin/`: the dashboard. The counter as the public sees it, the latest
//! signatures, the next events, the subscribers by status and language,
//! the outbox, and the latest changes.

use askama::Template;
use axum::{extract::State, response::Response};

use crate::{
    store::EventFilter,
    text::i18n::Arg,
    web::{
        error::AppError,
        paths::{Page, admin::Area},
        staff::Staff,
        state::AppState,
        view::{admin::AdminContext, audit::EntryRow, cards::EventCard, render},
    },
};

/// How many of each list the dashboard shows.
const LATEST: i64 = 5;
const CHANGES: i64 = 10;

/// A signatory in the list of the latest signatures.
struct SignatureRow {
    /// "Exemple" / "Sample" for a signatory of the sample data.
    sample_label: Option<String>,
    name: String,
    href: String,
    country: String,
    joined: String,
}

/// A line of the subscribers' table.
struct CountRow {
    status: String,
    lang: String,
    count: String,
}

#[derive(Template)]
#[template(path = "admin/dashboard.html")]
struct DashboardPage {
    ctx: AdminContext,
    counter_text: String,
    latest_text: Option<String>,
    signatures: Vec<SignatureRow>,
    events: Vec<EventCard>,
    counts: Vec<CountRow>,
    outbox_waiting: String,
    outbox_failed: String,
    /// The applications to join the Pact awaiting review, and their list.
    applications: String,
    applications_href: &'static str,
    /// The latest changes, in the table `admin/changes.html` draws.
    rows: Vec<EntryRow>,
    caption: String,
    caption_id: &'static str,
    /// For an admin, while the sample data is there: the page that removes it.
    sample_href: Option<&'static str>,
}

pub async fn show(State(state): State<AppState>, staff: Staff) -> Result<Response, AppError> {
    let ctx = AdminContext::signed_in(&state, &staff, Some(Area::Dashboard));
    let tr = ctx.tr.clone();
    let lang = staff.lang;
    let now = state.config.clock.now();
    let counter = state.store.counter().await?;
    let counter_text = tr.format(
        "counter-figures",
        &[("signatories", Arg::Count(counter.signatories)), ("countries", Arg::Count(counter.countries))],
    );
    let latest_text =
        counter.latest.map(|date| tr.format("counter-latest", &[("date", Arg::Text(tr.date(date).into()))]));
    let signatures = state
        .store
        .latest_signatories(LATEST)
        .await?
        .iter()
        .map(|s| SignatureRow {
            sample_label: s.sample.then(|| tr.t("sample-label")),
            name: s.details.display_name(lang).to_string(),
            href: Page::Signatory { id: s.id, slug: s.details.slug() }.path(lang),
            country: tr.t(&s.details.country.message_id()),
            joined: tr.date(s.details.joined_on),
        })
        .collect();
    let events = state.store.upcoming_events(&EventFilter::default(), now, LATEST).await?;
    let counts = state
        .store
        .subscriber_counts()
        .await?
        .into_iter()
        .map(|c| CountRow {
            status: tr.t(if c.status == "confirmed" { "admin-status-confirmed" } else { "admin-status-pending" }),
            lang: tr.t(if c.lang == "fr" { "admin-lang-fr" } else { "admin-lang-en" }),
            count: crate::text::i18n::format_count(lang, c.count),
        })
        .collect();
    let outbox = state.store.outbox_counts().await?;
    let sample_href = match staff.is_admin() {
        true if state.store.sample_rows().await?.total() > 0 => Some(crate::web::paths::admin::SAMPLE),
        _ => None,
    };
    let rows = EntryRow::linked(&state, &tr, &state.store.recent_changes(CHANGES).await?).await?;
    let page = DashboardPage {
        counter_text,
        latest_text,
        signatures,
        events: events.iter().map(|event| EventCard::new(&tr, event)).collect(),
        counts,
        outbox_waiting: tr.count("admin-outbox-waiting", "count", outbox.pending),
        outbox_failed: tr.count("admin-outbox-failed", "count", outbox.failed),
        applications: tr.count("applications-dashboard", "count", state.store.applications_awaiting_count().await?),
        applications_href: crate::web::paths::admin::APPLICATIONS,
        rows,
        caption: tr.t("admin-changes-caption"),
        caption_id: "changes-caption",
        sample_href,
        ctx,
    };
    render(&page, lang)
}
