//! A test of an issue: that language's mail, its subject after "[Test] ",
//! sent to one address through the outbox as one of the site's own mails
//! (no issue's row: no subscriber is counted or marked), at most
//! [`TESTS_PER_HOUR`] an hour per account. Its unsubscribe link leads to no
//! subscriber.

use axum::{
    extract::State,
    http::StatusCode,
    response::{IntoResponse, Redirect, Response},
};
use serde::Deserialize;

use super::{
    Issues,
    page::{Extras, TestTyped, stored_page},
    preview::{links, stored_texts},
};
use crate::{
    domain::{EmailAddress, email::EmailError},
    infra::mail::{IssueMail, IssueText, render_issue_test},
    store::{Attempt, Quota, TestQueued},
    text::i18n::{Lang, Tr},
    web::{edit::flow::stored, error::AppError, extract::ItemId, paths::admin, staff::StaffForm, state::AppState},
};

/// The most tests an account sends in an hour.
pub const TESTS_PER_HOUR: u32 = 20;

#[derive(Deserialize)]
pub struct TestForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    lang: String,
}

/// POST `/admin/newsletter/{id}/test`: the test queued, and the issue's
/// page says so; an address that is not one, or no language: the page
/// again with the message (422); past the account's quota: 429, with the
/// message, nothing sent.
pub async fn send_test(
    State(state): State<AppState>,
    ItemId(id): ItemId,
    StaffForm { staff, form }: StaffForm<TestForm>,
) -> Result<Response, AppError> {
    let issue = stored::<Issues>(&state, id).await?;
    let tr = Tr::new(staff.lang, state.locales.clone());
    let typed =
        |error: &str| TestTyped { email: form.email.clone(), lang: form.lang.clone(), error: Some(tr.t(error)) };
    let email = EmailAddress::parse(&form.email);
    let (email, reader) = match (email, Lang::parse(form.lang.trim())) {
        (Ok(email), Some(reader)) => (email, reader),
        (Err(error), _) => {
            let message = match error {
                EmailError::Empty => "newsletter-admin-error-test-email-missing",
                EmailError::BidiControl(_) => "admin-email-bidi",
                EmailError::TooLong | EmailError::Invalid => "newsletter-admin-error-test-email",
            };
            let extras = Extras { test: Some(typed(message)), ..Extras::default() };
            return stored_page(&state, &staff, &issue, extras, StatusCode::UNPROCESSABLE_ENTITY).await;
        }
        (Ok(_), None) => {
            let extras = Extras { test: Some(typed("newsletter-admin-error-test-lang")), ..Extras::default() };
            return stored_page(&state, &staff, &issue, extras, StatusCode::UNPROCESSABLE_ENTITY).await;
        }
    };
    let [(subject_fr, body_fr), (subject_en, body_en)] = stored_texts(&issue);
    let texts = [
        IssueText { lang: Lang::Fr, subject: subject_fr, body: body_fr },
        IssueText { lang: Lang::En, subject: subject_en, body: body_en },
    ];
    let text = IssueText::for_reader(reader, &texts).ok_or(AppError::NotFound)?;
    let (unsubscribe, archive) = links(&state, reader, issue.id);
    let mail = IssueMail {
        issue: issue.id,
        subscriber: 0,
        text,
        unsubscribe_url: &unsubscribe,
        archive_url: &archive,
        base_url: &state.config.base_url,
    };
    let reader_tr = Tr::new(reader, state.locales.clone());
    let prefix = format!("{} ", reader_tr.t("newsletter-admin-test-prefix"));
    let message = render_issue_test(&state.mailer, &reader_tr, &email, &mail, &prefix)?;
    let account = staff.account_id.to_string();
    let quota = Quota { attempts: TESTS_PER_HOUR, window: time::Duration::HOUR };
    let attempt = Attempt { scope: "newsletter-test", client: &account, quota };
    match state.store.queue_issue_test(email.as_str(), &message, attempt, state.config.clock.now()).await? {
        TestQueued::Queued => {
            state.mailer.notify();
            Ok(Redirect::to(&format!("{}?done=test", admin::newsletter_issue(issue.id))).into_response())
        }
        TestQueued::TooMany => {
            let extras = Extras { test: Some(typed("newsletter-admin-error-test-too-many")), ..Extras::default() };
            stored_page(&state, &staff, &issue, extras, StatusCode::TOO_MANY_REQUESTS).await
        }
    }
}
