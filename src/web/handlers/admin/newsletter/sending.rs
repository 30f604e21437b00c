//! What sends an issue, for admins: the confirmation page that says how
//! many confirmed subscribers will get it and asks to type that number;
//! the schedule, in the secretariat's time zone, and its withdrawal; the
//! pause and the resumption of a sending; and, for everyone, deleting an
//! issue not sent yet.

use askama::Template;
use axum::{
    extract::State,
    http::StatusCode,
    response::{IntoResponse, Redirect, Response},
};
use serde::Deserialize;
use time::{OffsetDateTime, PrimitiveDateTime, Time};

use super::{
    Issues, lang_label,
    page::{Extras, ScheduleTyped, stored_page},
};
use crate::{
    store::{IssueStatus, NewsletterIssue, Saved, StartOutcome},
    text::i18n::{Arg, Lang, Tr, format_count},
    web::{
        edit::flow::{self, stored},
        error::AppError,
        extract::ItemId,
        paths::admin::{self, Area},
        staff::{AdminForm, AdminOnly, NoFields, Staff, StaffForm},
        state::AppState,
        view::{
            admin::AdminContext,
            form::{FormField, StoredValue, posted_version},
            render_with_status,
        },
    },
};

#[derive(Template)]
#[template(path = "admin/newsletter_send.html")]
struct SendPage {
    ctx: AdminContext,
    subject: String,
    /// The recipients in French, in English, and in all.
    facts: Vec<StoredValue>,
    /// Why the issue cannot be sent now (already sending, no recipient),
    /// with its id; the form is then not shown.
    refusal: Option<(&'static str, String)>,
    /// The issue changed since the page was read: said above it.
    changed: bool,
    action: String,
    version: i64,
    count: FormField,
    confirm: String,
    back_href: String,
}

/// The confirmation page of an issue, for the recipients counted now.
async fn send_page(
    state: &AppState,
    staff: &Staff,
    issue: &NewsletterIssue,
    typed: &str,
    error: Option<String>,
) -> Result<SendPage, AppError> {
    let ctx = AdminContext::signed_in(state, staff, Some(Area::Newsletter));
    let (fr, en) = state.store.newsletter_recipients().await?;
    let total = fr + en;
    let tr = &ctx.tr;
    let n = |n: i64| format_count(tr.lang(), n);
    let refusal = if !issue.status.editable() {
        Some(("issue-send-started", tr.t("newsletter-admin-already-sending")))
    } else if total == 0 {
        Some(("issue-send-nobody", tr.t("newsletter-admin-no-recipients")))
    } else {
        None
    };
    let count = FormField {
        kind: "text",
        required: true,
        maxlength: Some(12),
        hint: Some(tr.format("newsletter-admin-hint-count", &[("total", Arg::Count(total))])),
        error,
        ..FormField::new("send-count", "count", tr.t("newsletter-admin-field-count"), typed)
    };
    Ok(SendPage {
        subject: issue.subject().to_owned(),
        facts: vec![
            StoredValue { label: lang_label(tr, Lang::Fr), value: n(fr) },
            StoredValue { label: lang_label(tr, Lang::En), value: n(en) },
            StoredValue { label: tr.t("newsletter-admin-total"), value: n(total) },
        ],
        refusal,
        changed: false,
        action: admin::newsletter_action(issue.id, "send"),
        version: issue.version,
        count,
        confirm: tr.format("newsletter-admin-send-confirm", &[("total", Arg::Count(total))]),
        back_href: admin::newsletter_issue(issue.id),
        ctx,
    })
}

/// GET `/admin/newsletter/{id}/send`: how many confirmed subscribers will
/// get the issue, per language, and the number to type (409 when its
/// sending has begun).
pub async fn confirm_send(
    State(state): State<AppState>,
    AdminOnly(staff): AdminOnly,
    ItemId(id): ItemId,
) -> Result<Response, AppError> {
    let issue = stored::<Issues>(&state, id).await?;
    let page = send_page(&state, &staff, &issue, "", None).await?;
    let status = if issue.status.editable() { StatusCode::OK } else { StatusCode::CONFLICT };
    render_with_status(&page, staff.lang, status)
}

#[derive(Deserialize)]
pub struct SendForm {
    version: Option<String>,
    #[serde(default)]
    count: String,
}

/// POST `/admin/newsletter/{id}/send`: the sending started, for the
/// subscribers confirmed now, when the number typed is theirs; else the
/// page again: 422 for a number missing or different (or nobody to send
/// to), 409 when the issue changed or began sending meanwhile. Nothing is
/// sent but by a start.
pub async fn send(
    State(state): State<AppState>,
    ItemId(id): ItemId,
    AdminForm { staff, form }: AdminForm<SendForm>,
) -> Result<Response, AppError> {
    let issue = stored::<Issues>(&state, id).await?;
    let version = posted_version(form.version.as_deref())?;
    let typed = form.count.trim();
    let (fr, en) = state.store.newsletter_recipients().await?;
    let total = fr + en;
    let tr = Tr::new(staff.lang, state.locales.clone());
    let wrong = match typed.replace(['\u{202F}', '\u{A0}', ' ', ','], "").parse::<i64>() {
        _ if !issue.status.editable() => None,
        _ if total == 0 => Some(tr.t("newsletter-admin-no-recipients")),
        _ if typed.is_empty() => Some(tr.t("newsletter-admin-error-count-missing")),
        Ok(n) if n == total => None,
        _ => Some(tr.format("newsletter-admin-error-count-wrong", &[("total", Arg::Count(total))])),
    };
    if let Some(message) = wrong {
        let mut page = send_page(&state, &staff, &issue, typed, Some(message)).await?;
        page.version = version;
        return render_with_status(&page, staff.lang, StatusCode::UNPROCESSABLE_ENTITY);
    }
    match state.store.start_sending(id, version, &staff.actor(), state.config.clock.now()).await? {
        StartOutcome::Started { .. } => {
            state.mailer.notify();
            Ok(Redirect::to(&format!("{}?done=started", admin::newsletter_issue(id))).into_response())
        }
        StartOutcome::NotFound => Err(AppError::NotFound),
        StartOutcome::AlreadyStarted(_) => {
            let now = stored::<Issues>(&state, id).await?;
            let page = send_page(&state, &staff, &now, "", None).await?;
            render_with_status(&page, staff.lang, StatusCode::CONFLICT)
        }
        StartOutcome::Conflict(now) => {
            let mut page = send_page(&state, &staff, &now, typed, None).await?;
            page.changed = true;
            render_with_status(&page, staff.lang, StatusCode::CONFLICT)
        }
    }
}

#[derive(Deserialize)]
pub struct ScheduleForm {
    version: Option<String>,
    #[serde(default)]
    date: String,
    #[serde(default)]
    time: String,
}

/// The moment typed, in the secretariat's time zone; `None` when the day
/// or the time is not one.
fn scheduled_at(state: &AppState, form: &ScheduleForm) -> Option<OffsetDateTime> {
    let date = crate::domain::date::parse(form.date.trim()).ok()?;
    let (hour, minute) = form.time.trim().split_once(':')?;
    let minute = minute.get(..2).unwrap_or(minute);
    let time = Time::from_hms(hour.parse().ok()?, minute.parse().ok()?, 0).ok()?;
    Some(state.config.time_zone.instant(PrimitiveDateTime::new(date, time)))
}

/// POST `/admin/newsletter/{id}/schedule`: the issue scheduled to start at
/// the day and time typed, in the secretariat's time zone; a moment that
/// is not one, or is past: the page again (422); changed or begun
/// sending meanwhile: 409.
pub async fn schedule(
    State(state): State<AppState>,
    ItemId(id): ItemId,
    AdminForm { staff, form }: AdminForm<ScheduleForm>,
) -> Result<Response, AppError> {
    let issue = stored::<Issues>(&state, id).await?;
    let version = posted_version(form.version.as_deref())?;
    let now = state.config.clock.now();
    let tr = Tr::new(staff.lang, state.locales.clone());
    let error = match scheduled_at(&state, &form) {
        None => Err(tr.t("newsletter-admin-error-schedule")),
        Some(at) if at <= now => Err(tr.t("newsletter-admin-error-schedule-past")),
        Some(at) => Ok(at),
    };
    let at = match error {
        Ok(at) if issue.status.editable() => at,
        Ok(_) => return refused(&state, &staff, &issue, "newsletter-admin-already-sending").await,
        Err(message) => {
            let typed = ScheduleTyped { date: form.date.clone(), time: form.time.clone(), error: Some(message) };
            let extras = Extras { schedule: Some(typed), ..Extras::default() };
            return stored_page(&state, &staff, &issue, extras, StatusCode::UNPROCESSABLE_ENTITY).await;
        }
    };
    let saved = state.store.schedule_newsletter_issue(id, version, Some(at), &staff.actor(), now).await?;
    after_change(&state, &staff, saved, "scheduled").await
}

#[derive(Deserialize)]
pub struct VersionForm {
    version: Option<String>,
}

/// POST `/admin/newsletter/{id}/unschedule`: a scheduled issue made a
/// draft again; 409 when it is not scheduled (any more) or changed.
pub async fn unschedule(
    State(state): State<AppState>,
    ItemId(id): ItemId,
    AdminForm { staff, form }: AdminForm<VersionForm>,
) -> Result<Response, AppError> {
    let issue = stored::<Issues>(&state, id).await?;
    let version = posted_version(form.version.as_deref())?;
    if issue.status != IssueStatus::Scheduled {
        return refused(&state, &staff, &issue, "newsletter-admin-not-scheduled").await;
    }
    let now = state.config.clock.now();
    let saved = state.store.schedule_newsletter_issue(id, version, None, &staff.actor(), now).await?;
    after_change(&state, &staff, saved, "unscheduled").await
}

/// Where a change of schedule leads: the issue's page, told what was
/// done; or, when it changed meanwhile, the page as it stands (409).
async fn after_change(
    state: &AppState,
    staff: &Staff,
    saved: Saved<NewsletterIssue>,
    done: &str,
) -> Result<Response, AppError> {
    match saved {
        Saved::Done(id) => Ok(Redirect::to(&format!("{}?done={done}", admin::newsletter_issue(id))).into_response()),
        Saved::NotFound | Saved::Duplicate => Err(AppError::NotFound),
        Saved::Conflict(now) if !now.status.editable() => {
            refused(state, staff, &now, "newsletter-admin-already-sending").await
        }
        Saved::Conflict(now) => refused(state, staff, &now, "newsletter-admin-changed").await,
    }
}

/// The issue's page as it stands, saying why a change was refused (409).
async fn refused(
    state: &AppState,
    staff: &Staff,
    issue: &NewsletterIssue,
    message: &'static str,
) -> Result<Response, AppError> {
    let tr = Tr::new(staff.lang, state.locales.clone());
    let extras = Extras { message: Some(("issue-refused", tr.t(message))), alert: true, ..Extras::default() };
    stored_page(state, staff, issue, extras, StatusCode::CONFLICT).await
}

/// POST `/admin/newsletter/{id}/pause`: the sending paused (its mails not
/// taken yet wait); 409 when it is not being sent.
pub async fn pause(
    State(state): State<AppState>,
    ItemId(id): ItemId,
    AdminForm { staff, .. }: AdminForm<NoFields>,
) -> Result<Response, AppError> {
    let issue = stored::<Issues>(&state, id).await?;
    if !state.store.pause_sending(id, &staff.actor(), state.config.clock.now()).await? {
        return refused(&state, &staff, &issue, "newsletter-admin-not-sending").await;
    }
    Ok(Redirect::to(&format!("{}?done=paused", admin::newsletter_issue(id))).into_response())
}

/// POST `/admin/newsletter/{id}/resume`: a paused sending goes on; 409
/// when it is not paused.
pub async fn resume(
    State(state): State<AppState>,
    ItemId(id): ItemId,
    AdminForm { staff, .. }: AdminForm<NoFields>,
) -> Result<Response, AppError> {
    let issue = stored::<Issues>(&state, id).await?;
    if !state.store.resume_sending(id, &staff.actor(), state.config.clock.now()).await? {
        return refused(&state, &staff, &issue, "newsletter-admin-not-paused").await;
    }
    state.mailer.notify();
    Ok(Redirect::to(&format!("{}?done=resumed", admin::newsletter_issue(id))).into_response())
}

/// GET `/admin/newsletter/{id}/delete`: the flow's confirmation step, for
/// an issue not sent yet; one whose sending has begun is kept, which its
/// page says (409).
pub async fn confirm_delete(
    State(state): State<AppState>,
    staff: Staff,
    ItemId(id): ItemId,
) -> Result<Response, AppError> {
    let issue = stored::<Issues>(&state, id).await?;
    if !issue.status.editable() {
        return refused(&state, &staff, &issue, "newsletter-admin-not-deletable").await;
    }
    flow::confirm_delete::<Issues>(State(state), staff, ItemId(id)).await
}

/// POST `/admin/newsletter/{id}/delete`: the flow's deletion, for an issue
/// not sent yet; one whose sending has begun is kept (409).
pub async fn delete(
    State(state): State<AppState>,
    ItemId(id): ItemId,
    body: StaffForm<NoFields>,
) -> Result<Response, AppError> {
    let issue = stored::<Issues>(&state, id).await?;
    if !issue.status.editable() {
        return refused(&state, &body.staff, &issue, "newsletter-admin-not-deletable").await;
    }
    flow::delete::<Issues>(State(state), ItemId(id), body).await
}
