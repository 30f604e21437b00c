//! An issue's page: its form while it may be edited (or its texts,
//! read-only, once its sending has begun, with the sending's progress),
//! the preview of its mail in each language, the test form, and, for
//! admins, what sends it: the link to the confirmation, the schedule, the
//! pause and the resumption.

use askama::Template;
use axum::response::Response;

use super::{
    Issues, ProgressRow,
    form::{FORM, IssueForm},
    issue_dates, lang_label,
    preview::{parts, stored_texts, typed},
    progress_rows, status_label,
};
use crate::{
    domain::newsletter_issue::{IssueField, IssueTexts},
    infra::mail::IssueText,
    store::{IssueStatus, NewsletterIssue},
    text::{
        i18n::{Arg, Lang},
        markdown,
    },
    web::{
        edit::{FieldErrors, FormView},
        error::AppError,
        paths::admin::{self, Area},
        staff::Staff,
        state::AppState,
        view::{
            admin::AdminContext,
            form::{FormField, StoredValue},
            listing::Choice,
            render_with_status,
        },
    },
};

/// One language's fields.
struct LangFields {
    code: &'static str,
    legend: String,
    inputs: Vec<FormField>,
}

/// The HTML part of a preview: the stored issue's mail in a frame, or, for
/// texts not saved yet, their body as typed (the styled mail shows once
/// they are saved).
enum HtmlPart {
    Frame { src: String, title: String },
    Typed { lang: Lang, html: String },
}

/// What one language's subscribers will get.
struct MailPreview {
    code: &'static str,
    heading: String,
    subject: String,
    text: String,
    html: HtmlPart,
}

/// The test form's values: the address and language typed, and what is
/// wrong with them.
pub(super) struct TestTyped {
    pub(super) email: String,
    pub(super) lang: String,
    pub(super) error: Option<String>,
}

/// The schedule form's values: the day and time typed, and what is wrong.
#[derive(Default)]
pub(super) struct ScheduleTyped {
    pub(super) date: String,
    pub(super) time: String,
    pub(super) error: Option<String>,
}

/// What the page shows besides the edit flow's view: the forms of the
/// test and the schedule as typed, and a message at the top (an id, and
/// its text), said as an alert when `alert`.
#[derive(Default)]
pub(super) struct Extras {
    pub(super) test: Option<TestTyped>,
    pub(super) schedule: Option<ScheduleTyped>,
    pub(super) message: Option<(&'static str, String)>,
    pub(super) alert: bool,
}

#[derive(Template)]
#[template(path = "admin/newsletter_issue.html")]
struct IssuePage {
    ctx: AdminContext,
    title: String,
    /// The issue's status and what happened when, for a stored one.
    status: Option<String>,
    dates: Vec<String>,
    done: Option<String>,
    message: Option<(&'static str, String)>,
    alert: bool,
    conflict: Option<Vec<StoredValue>>,
    /// The form, while the issue may be edited.
    editable: bool,
    action: String,
    version: Option<i64>,
    langs: Vec<LangFields>,
    /// Said above the form when it has errors: why it was not saved.
    errors_message: String,
    has_errors: bool,
    previews: Vec<MailPreview>,
    progress: Vec<ProgressRow>,
    /// The test form, for a stored issue.
    test: Option<TestView>,
    /// What an admin may do next; for an editor, a note instead.
    send_href: Option<String>,
    schedule: Option<ScheduleView>,
    unschedule_action: Option<String>,
    pause_action: Option<String>,
    resume_action: Option<String>,
    editor_note: bool,
    delete_href: Option<String>,
    back_href: &'static str,
}

struct TestView {
    action: String,
    email: FormField,
    lang: FormField,
}

struct ScheduleView {
    action: String,
    date: FormField,
    time: FormField,
}

/// The issue's page, or the new one's form, as the view says.
pub(super) async fn issue_page(
    state: &AppState,
    staff: &Staff,
    view: FormView<'_, Issues>,
    extras: Extras,
) -> Result<Response, AppError> {
    let ctx = AdminContext::signed_in(state, staff, Some(Area::Newsletter));
    let stored = view.stored;
    let editable = stored.is_none_or(|issue| issue.status.editable());
    let mut page = IssuePage {
        title: stored.map_or_else(|| ctx.t("newsletter-admin-new"), |issue| issue.subject().to_owned()),
        status: None,
        dates: Vec::new(),
        done: view.done.as_deref().and_then(done_message).map(|id| ctx.t(id)),
        message: extras.message,
        alert: extras.alert,
        conflict: None,
        editable,
        action: stored.map_or_else(|| admin::NEWSLETTER_NEW.to_owned(), |issue| admin::newsletter_issue(issue.id)),
        version: view.version,
        langs: lang_fields(&ctx, view.form, &view.errors),
        errors_message: view.errors.of(FORM).unwrap_or_else(|| ctx.t("newsletter-admin-has-errors")),
        has_errors: !view.errors.is_empty(),
        previews: Vec::new(),
        progress: Vec::new(),
        test: None,
        send_href: None,
        schedule: None,
        unschedule_action: None,
        pause_action: None,
        resume_action: None,
        editor_note: false,
        delete_href: None,
        back_href: admin::NEWSLETTER,
        ctx,
    };
    if let Some(issue) = stored {
        page.about(state, staff, issue, extras.test, extras.schedule).await?;
        if !editable && view.conflict.is_some() && page.message.is_none() {
            // An edit of an issue being sent: refused, whatever was typed.
            page.message = Some(("newsletter-locked", page.ctx.t("newsletter-admin-locked")));
            page.alert = true;
        }
    }
    if editable {
        page.conflict = view.conflict;
    }
    page.previews = match stored {
        Some(issue) if !editable => previews(state, &page.ctx, issue.id, stored_texts(issue), true)?,
        _ if view.preview => {
            // The styled mail is the stored one's: shown when what was
            // typed is what is stored.
            let same =
                stored.is_some_and(|issue| IssueTexts::parse(&view.form.fields()).is_ok_and(|t| t == issue.texts));
            previews(state, &page.ctx, stored.map_or(0, |issue| issue.id), typed(view.form), same)?
        }
        _ => Vec::new(),
    };
    render_with_status(&page, staff.lang, view.status)
}

/// The `?done=` an issue's page says, as a message.
fn done_message(done: &str) -> Option<&'static str> {
    Some(match done {
        "added" => "newsletter-admin-added",
        "saved" => "newsletter-admin-saved",
        "test" => "newsletter-admin-test-queued",
        "started" => "newsletter-admin-started",
        "scheduled" => "newsletter-admin-scheduled",
        "unscheduled" => "newsletter-admin-unscheduled",
        "paused" => "newsletter-admin-paused",
        "resumed" => "newsletter-admin-resumed",
        _ => return None,
    })
}

/// The form's fields, French then English.
fn lang_fields(ctx: &AdminContext, form: &IssueForm, errors: &FieldErrors) -> Vec<LangFields> {
    [(Lang::Fr, IssueField::SubjectFr, IssueField::BodyFr), (Lang::En, IssueField::SubjectEn, IssueField::BodyEn)]
        .into_iter()
        .map(|(lang, subject, body)| {
            let field = |field: IssueField, label: &str, hint: &str| FormField {
                lang: Some(lang.code()),
                hint: Some(ctx.t(hint)),
                error: errors.of(field.column()),
                ..FormField::new(
                    format!("issue-{}", field.column().replace('_', "-")),
                    field.column(),
                    ctx.t(label),
                    form.value(field),
                )
            };
            LangFields {
                code: lang.code(),
                legend: lang_label(&ctx.tr, lang),
                inputs: vec![
                    FormField {
                        maxlength: Some(crate::domain::newsletter_issue::SUBJECT_MAX_CHARS),
                        ..field(subject, "newsletter-admin-field-subject", "newsletter-admin-hint-subject")
                    },
                    FormField {
                        kind: "textarea",
                        rows: 16,
                        maxlength: Some(crate::domain::newsletter_issue::BODY_MAX_CHARS),
                        ..field(body, "newsletter-admin-field-body", "newsletter-admin-hint-body")
                    },
                ],
            }
        })
        .collect()
}

/// The mail as each language's subscribers will get it, from `texts`; the
/// HTML part in a frame when `framed` (the texts are the stored issue's).
fn previews(
    state: &AppState,
    ctx: &AdminContext,
    id: i64,
    texts: [(&str, &str); 2],
    framed: bool,
) -> Result<Vec<MailPreview>, AppError> {
    let mut previews = Vec::new();
    for reader in [Lang::Fr, Lang::En] {
        let Some(mail) = parts(state, id, reader, texts)? else { continue };
        let heading = ctx.t(match reader {
            Lang::Fr => "newsletter-admin-preview-for-fr",
            Lang::En => "newsletter-admin-preview-for-en",
        });
        let html = if framed {
            HtmlPart::Frame { src: admin::newsletter_preview(id, reader), title: heading.clone() }
        } else {
            let [(subject_fr, body_fr), (subject_en, body_en)] = texts;
            let candidates = [
                IssueText { lang: Lang::Fr, subject: subject_fr, body: body_fr },
                IssueText { lang: Lang::En, subject: subject_en, body: body_en },
            ];
            let Some(text) = IssueText::for_reader(reader, &candidates) else { continue };
            HtmlPart::Typed { lang: text.lang, html: markdown::to_mail(text.body, &state.config.base_url).0 }
        };
        previews.push(MailPreview { code: reader.code(), heading, subject: mail.subject, text: mail.text, html });
    }
    Ok(previews)
}

impl IssuePage {
    /// What the page says of a stored issue, and what may be done to it.
    async fn about(
        &mut self,
        state: &AppState,
        staff: &Staff,
        issue: &NewsletterIssue,
        test: Option<TestTyped>,
        schedule: Option<ScheduleTyped>,
    ) -> Result<(), AppError> {
        let ctx = &self.ctx;
        let tr = &ctx.tr;
        self.status = Some(
            tr.format("newsletter-admin-status-line", &[("status", Arg::Text(status_label(tr, issue.status).into()))]),
        );
        self.dates = issue_dates(ctx, issue);
        if !issue.status.editable() {
            self.progress = progress_rows(tr, &state.store.issue_progress(issue.id).await?);
        }
        let test = test.unwrap_or_else(|| TestTyped {
            email: staff.email.to_string(),
            lang: staff.lang.code().to_owned(),
            error: None,
        });
        self.test = Some(test_view(ctx, issue.id, test));
        let admin_may = staff.is_admin();
        self.editor_note = !admin_may && issue.status.editable();
        if admin_may && issue.status.editable() {
            self.send_href = Some(admin::newsletter_action(issue.id, "send"));
            self.schedule = Some(schedule_view(ctx, issue.id, schedule.unwrap_or_default()));
        }
        if admin_may && issue.status == IssueStatus::Scheduled {
            self.unschedule_action = Some(admin::newsletter_action(issue.id, "unschedule"));
        }
        if admin_may && issue.status == IssueStatus::Sending {
            self.pause_action = Some(admin::newsletter_action(issue.id, "pause"));
        }
        if admin_may && issue.status == IssueStatus::Paused {
            self.resume_action = Some(admin::newsletter_action(issue.id, "resume"));
        }
        if issue.status.editable() {
            self.delete_href = Some(admin::newsletter_action(issue.id, "delete"));
        }
        Ok(())
    }
}

fn test_view(ctx: &AdminContext, id: i64, typed: TestTyped) -> TestView {
    let choices = [Lang::Fr, Lang::En]
        .into_iter()
        .map(|lang| Choice {
            value: lang.code().to_owned(),
            label: lang_label(&ctx.tr, lang),
            selected: typed.lang == lang.code(),
        })
        .collect();
    TestView {
        action: admin::newsletter_action(id, "test"),
        email: FormField {
            kind: "email",
            required: true,
            maxlength: Some(254),
            hint: Some(ctx.t("newsletter-admin-hint-test-email")),
            error: typed.error,
            ..FormField::new("test-email", "email", ctx.t("newsletter-admin-field-test-email"), typed.email)
        },
        lang: FormField {
            kind: "select",
            choices,
            ..FormField::new("test-lang", "lang", ctx.t("newsletter-admin-field-test-lang"), typed.lang)
        },
    }
}

fn schedule_view(ctx: &AdminContext, id: i64, typed: ScheduleTyped) -> ScheduleView {
    ScheduleView {
        action: admin::newsletter_action(id, "schedule"),
        date: FormField {
            kind: "date",
            required: true,
            hint: Some(ctx.t_zone("newsletter-admin-hint-schedule")),
            error: typed.error,
            ..FormField::new("schedule-date", "date", ctx.t("newsletter-admin-field-schedule-date"), typed.date)
        },
        time: FormField {
            kind: "time",
            required: true,
            hint: Some(ctx.t_zone("newsletter-admin-hint-schedule-time")),
            ..FormField::new("schedule-time", "time", ctx.t("newsletter-admin-field-schedule-time"), typed.time)
        },
    }
}

/// The page of a stored issue as it stands, with the extras given, at
/// `status`.
pub(super) async fn stored_page(
    state: &AppState,
    staff: &Staff,
    issue: &NewsletterIssue,
    extras: Extras,
    status: axum::http::StatusCode,
) -> Result<Response, AppError> {
    let form = IssueForm::of(issue);
    let mut view = FormView::new(&form, Some(issue), Some(issue.version));
    view.status = status;
    issue_page(state, staff, view, extras).await
}
