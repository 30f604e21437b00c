//! Issues in the edit flow: how an issue is loaded, checked, saved and
//! shown, for the flow's generic handlers.

use axum::response::Response;
use time::OffsetDateTime;

use super::{
    FORM_LIMIT, ListQuery,
    form::{IssueForm, check},
    list_page,
    page::{Extras, issue_page},
};
use crate::{
    domain::newsletter_issue::{IssueField, IssueTexts},
    store::{NewsletterIssue, Saved},
    text::i18n::Tr,
    web::{
        edit::{Confirmation, FieldErrors, FormView, Record},
        error::AppError,
        paths::admin::{self, Area},
        staff::{Staff, StaffForm},
        state::AppState,
        view::{admin::AdminContext, form::StoredValue},
    },
};

/// The newsletter's issues, as the edit flow keeps them.
pub struct Issues;

impl Record for Issues {
    type Stored = NewsletterIssue;
    type Form = IssueForm;
    type Body = StaffForm<IssueForm>;
    type Checked = IssueTexts;
    type ListQuery = ListQuery;

    const AREA: Area = Area::Newsletter;
    const LIST: &'static str = admin::NEWSLETTER;
    const NEW: &'static str = admin::NEWSLETTER_NEW;
    const ITEM_ROUTE: &'static str = admin::NEWSLETTER_ISSUE_ROUTE;
    const DELETE_ROUTE: &'static str = admin::NEWSLETTER_DELETE_ROUTE;
    const FORM_LIMIT: usize = FORM_LIMIT;

    fn href(id: i64) -> String {
        admin::newsletter_issue(id)
    }

    fn delete_href(id: i64) -> String {
        admin::newsletter_action(id, "delete")
    }

    fn id(stored: &NewsletterIssue) -> i64 {
        stored.id
    }

    fn version(stored: &NewsletterIssue) -> i64 {
        stored.version
    }

    async fn load(state: &AppState, id: i64) -> Result<Option<NewsletterIssue>, AppError> {
        Ok(state.store.newsletter_issue(id).await?)
    }

    async fn list(state: &AppState, staff: &Staff, query: ListQuery) -> Result<Response, AppError> {
        list_page(state, staff, query).await
    }

    fn blank() -> IssueForm {
        IssueForm::default()
    }

    fn form_of(_state: &AppState, stored: &NewsletterIssue) -> IssueForm {
        IssueForm::of(stored)
    }

    fn restored(staff: &Staff, action: &str) -> Option<IssueForm> {
        staff.restored::<IssueForm>(action)
    }

    fn posted(StaffForm { staff, form }: StaffForm<IssueForm>) -> (Staff, IssueForm) {
        (staff, form)
    }

    fn typed_version(form: &IssueForm) -> Option<&str> {
        form.version.as_deref()
    }

    fn previewing(form: &IssueForm) -> bool {
        form.preview.is_some()
    }

    async fn check(
        state: &AppState,
        tr: &Tr,
        form: &IssueForm,
        current: Option<&NewsletterIssue>,
    ) -> Result<Result<IssueTexts, FieldErrors>, AppError> {
        let _ = state;
        match current {
            // An issue whose sending has begun takes no edit, whatever was
            // typed: the store refuses it (409, the page says why).
            Some(issue) if !issue.status.editable() => Ok(Ok(issue.texts.clone())),
            _ => Ok(check(tr, form)),
        }
    }

    async fn insert(
        state: &AppState,
        staff: &Staff,
        texts: &IssueTexts,
        now: OffsetDateTime,
    ) -> Result<Saved<NewsletterIssue>, AppError> {
        Ok(Saved::Done(state.store.add_newsletter_issue(texts, &staff.actor(), now).await?))
    }

    async fn update(
        state: &AppState,
        staff: &Staff,
        current: &NewsletterIssue,
        version: i64,
        texts: &IssueTexts,
        now: OffsetDateTime,
    ) -> Result<Saved<NewsletterIssue>, AppError> {
        // A scheduled issue stays scheduled, at its time, with its new texts.
        Ok(state.store.update_newsletter_issue(current.id, version, texts, &staff.actor(), now).await?)
    }

    async fn remove(state: &AppState, staff: &Staff, id: i64, now: OffsetDateTime) -> Result<bool, AppError> {
        Ok(state.store.delete_newsletter_issue(id, &staff.actor(), now).await?)
    }

    async fn page(state: &AppState, staff: &Staff, view: FormView<'_, Self>) -> Result<Response, AppError> {
        issue_page(state, staff, view, Extras::default()).await
    }

    fn theirs(tr: &Tr, theirs: &NewsletterIssue, form: &IssueForm) -> Vec<StoredValue> {
        let stored = IssueForm::of(theirs);
        IssueField::ALL
            .into_iter()
            .filter(|field| stored.value(*field).trim() != form.value(*field).trim())
            .map(|field| StoredValue {
                label: tr.t(field_label(field)),
                value: match stored.value(field) {
                    "" => tr.t("newsletter-admin-empty-value"),
                    text => text.to_owned(),
                },
            })
            .collect()
    }

    fn deletion(ctx: &AdminContext, _staff: &Staff, stored: &NewsletterIssue, _now: OffsetDateTime) -> Confirmation {
        Confirmation {
            id: "issue-delete".to_owned(),
            heading: "newsletter-admin-delete-title",
            explanation: "newsletter-admin-delete-explanation",
            confirm: "newsletter-admin-delete-confirm",
            back: "admin-cancel",
            facts: vec![StoredValue {
                label: ctx.t("newsletter-admin-field-subject"),
                value: stored.subject().to_owned(),
            }],
        }
    }
}

/// The Fluent message that names a field, with its language.
fn field_label(field: IssueField) -> &'static str {
    match field {
        IssueField::SubjectFr => "newsletter-admin-field-subject-fr",
        IssueField::SubjectEn => "newsletter-admin-field-subject-en",
        IssueField::BodyFr => "newsletter-admin-field-body-fr",
        IssueField::BodyEn => "newsletter-admin-field-body-en",
    }
}
