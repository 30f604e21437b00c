//! `/admin/newsletter`: the newsletter's issues, as staff write and send
//! them. The list (newest first, with each sending's progress, and the
//! addresses suppressed for bounces and complaints); an issue's form on
//! the one edit flow (a subject and a Markdown body in French and in
//! English), its preview as each language's subscribers will get it and a
//! test mailed to one address; and, for admins, sending it (after typing
//! the number of recipients), scheduling it, pausing and resuming it.
//!
//! Once its sending has begun, an issue is shown read-only with its
//! progress: the store refuses any edit of it, which the page says (409).

mod form;
mod page;
mod preview;
mod record;
mod sending;
mod test_send;

pub use preview::mail_part;
pub use record::Issues;
pub use sending::{confirm_delete, confirm_send, delete, pause, resume, schedule, send, unschedule};
pub use test_send::send_test;

use askama::Template;
use axum::response::Response;
use serde::Deserialize;

use crate::{
    store::{IssueProgress, IssueStatus, LangProgress, NewsletterIssue, SuppressionCounts},
    text::i18n::{Arg, Lang, Tr, format_count},
    web::{
        error::AppError,
        paths::admin::{self, Area},
        staff::Staff,
        state::AppState,
        view::{admin::AdminContext, render},
    },
};

/// The body an issue's form may take: two bodies of up to 100,000
/// characters, form-encoded (up to nine bytes for one), and the rest.
pub const FORM_LIMIT: usize = 2 * 9 * 100_000 + 32 * 1024;

/// An issue's status in words.
fn status_label(tr: &Tr, status: IssueStatus) -> String {
    tr.t(match status {
        IssueStatus::Draft => "newsletter-admin-status-draft",
        IssueStatus::Scheduled => "newsletter-admin-status-scheduled",
        IssueStatus::Sending => "newsletter-admin-status-sending",
        IssueStatus::Paused => "newsletter-admin-status-paused",
        IssueStatus::Sent => "newsletter-admin-status-sent",
    })
}

/// A language's line of a sending's progress, its counts written the
/// language's way.
struct ProgressRow {
    lang: String,
    queued: String,
    sent: String,
    failed: String,
    left: String,
}

impl ProgressRow {
    fn new(tr: &Tr, lang: String, progress: LangProgress) -> ProgressRow {
        let n = |n: i64| format_count(tr.lang(), n);
        ProgressRow {
            lang,
            queued: n(progress.queued),
            sent: n(progress.sent),
            failed: n(progress.failed),
            left: n(progress.left),
        }
    }
}

/// A sending's progress: French, English, and both.
fn progress_rows(tr: &Tr, progress: &IssueProgress) -> Vec<ProgressRow> {
    let total = LangProgress {
        queued: progress.fr.queued + progress.en.queued,
        sent: progress.fr.sent + progress.en.sent,
        failed: progress.fr.failed + progress.en.failed,
        left: progress.fr.left + progress.en.left,
    };
    vec![
        ProgressRow::new(tr, tr.t("newsletter-admin-lang-fr"), progress.fr),
        ProgressRow::new(tr, tr.t("newsletter-admin-lang-en"), progress.en),
        ProgressRow::new(tr, tr.t("newsletter-admin-total"), total),
    ]
}

/// What happened to an issue when: last changed, scheduled for, started,
/// finished; in the secretariat's time zone.
fn issue_dates(ctx: &AdminContext, issue: &NewsletterIssue) -> Vec<String> {
    let at = |id: &str, at| ctx.tr.format(id, &[("when", Arg::Text(ctx.when(at).into()))]);
    let mut dates = vec![at("newsletter-admin-updated-at", issue.updated_at)];
    dates.extend(issue.scheduled_at.map(|when| at("newsletter-admin-scheduled-for", when)));
    dates.extend(issue.started_at.map(|when| at("newsletter-admin-started-at", when)));
    dates.extend(issue.finished_at.map(|when| at("newsletter-admin-finished-at", when)));
    dates
}

/// The message that names a language (`newsletter-admin-lang-fr`).
fn lang_label(tr: &Tr, lang: Lang) -> String {
    tr.t(match lang {
        Lang::Fr => "newsletter-admin-lang-fr",
        Lang::En => "newsletter-admin-lang-en",
    })
}

// ---------------------------------------------------------------- the list

/// An issue as the list shows it.
struct Row {
    href: String,
    subject: String,
    status: String,
    /// What happened when: written, scheduled for, started, finished.
    dates: Vec<String>,
    /// Sent of queued, for an issue whose sending began.
    progress: Option<String>,
}

impl Row {
    fn new(ctx: &AdminContext, issue: &NewsletterIssue, progress: Option<IssueProgress>) -> Row {
        let tr = &ctx.tr;
        let dates = issue_dates(ctx, issue);
        let progress = progress.map(|p| {
            let n = |n: i64| Arg::Count(n);
            tr.format(
                "newsletter-admin-progress-short",
                &[
                    ("sent", n(p.fr.sent + p.en.sent)),
                    ("queued", n(p.fr.queued + p.en.queued)),
                    ("failed", n(p.fr.failed + p.en.failed)),
                ],
            )
        });
        Row {
            href: admin::newsletter_issue(issue.id),
            subject: issue.subject().to_owned(),
            status: status_label(tr, issue.status),
            dates,
            progress,
        }
    }
}

#[derive(Template)]
#[template(path = "admin/newsletter.html")]
struct ListPage {
    ctx: AdminContext,
    rows: Vec<Row>,
    new_href: &'static str,
    /// The addresses suppressed: bounced, complaints, soft bounces.
    suppressed: [(String, String); 3],
    /// The confirmed subscribers now, in French, in English, in all.
    recipients: String,
    done: Option<String>,
}

#[derive(Deserialize)]
pub struct ListQuery {
    done: Option<String>,
}

/// GET `/admin/newsletter`: every issue, the newest first.
async fn list_page(state: &AppState, staff: &Staff, query: ListQuery) -> Result<Response, AppError> {
    let ctx = AdminContext::signed_in(state, staff, Some(Area::Newsletter));
    let issues = state.store.newsletter_issues().await?;
    let mut rows = Vec::with_capacity(issues.len());
    for issue in &issues {
        let progress = match issue.status {
            IssueStatus::Draft | IssueStatus::Scheduled => None,
            _ => Some(state.store.issue_progress(issue.id).await?),
        };
        rows.push(Row::new(&ctx, issue, progress));
    }
    let SuppressionCounts { bounced, complained, soft_bounces } = state.store.suppression_counts().await?;
    let (fr, en) = state.store.newsletter_recipients().await?;
    let tr = &ctx.tr;
    let n = |n: i64| format_count(tr.lang(), n);
    let recipients = recipients_text(tr, fr, en);
    let done = match query.done.as_deref() {
        Some("deleted") => Some(tr.t("newsletter-admin-deleted")),
        _ => None,
    };
    let page = ListPage {
        rows,
        new_href: admin::NEWSLETTER_NEW,
        suppressed: [
            (tr.t("newsletter-admin-suppressed-bounced"), n(bounced)),
            (tr.t("newsletter-admin-suppressed-complained"), n(complained)),
            (tr.t("newsletter-admin-suppressed-soft"), n(soft_bounces)),
        ],
        recipients,
        done,
        ctx,
    };
    render(&page, staff.lang)
}

/// "12 confirmed subscribers: 8 in French, 4 in English."
fn recipients_text(tr: &Tr, fr: i64, en: i64) -> String {
    tr.format(
        "newsletter-admin-recipients",
        &[("total", Arg::Count(fr + en)), ("fr", Arg::Count(fr)), ("en", Arg::Count(en))],
    )
}
