//! An issue's mail as each language's subscribers will get it: the
//! subject, the plain text part and the HTML part. The HTML part is styled
//! inline for mail clients, which the back office's own policy (no inline
//! style) forbids in its pages: it is served alone, for a frame, from an
//! address of its own whose answer allows inline styles and nothing else
//! (no script, no request anywhere but the site's images, sandboxed).
//!
//! A preview's (and a test's) unsubscribe link leads to no subscriber: its
//! token names none.

use axum::{
    extract::{Path, State},
    http::{HeaderValue, header},
    response::{Html, IntoResponse, Response},
};

use super::form::IssueForm;
use crate::{
    infra::mail::{IssueMail, IssueParts, IssueText, issue_parts},
    store::NewsletterIssue,
    text::i18n::{Lang, Tr},
    web::{
        edit::flow::stored,
        error::AppError,
        paths::{NewsletterAction, Page},
        staff::Staff,
        state::AppState,
    },
};

use super::Issues;

/// The token of a preview's unsubscribe link: 64 hexadecimal characters
/// that name subscriber 0, who does not exist.
const NO_SUBSCRIBER: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// The policy of the HTML part's answer: inline styles and the site's
/// images, nothing else; sandboxed (no script, a unique origin); shown
/// only in a frame of the site's own pages.
const PART_POLICY: &str = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; sandbox; frame-ancestors 'self'; base-uri 'none'; form-action 'none'";

/// The mail a reader of `reader` gets of these texts (the subject and body
/// in French, then in English, as typed): `None` when neither language is
/// written.
pub(super) fn parts(
    state: &AppState,
    issue: i64,
    reader: Lang,
    [(subject_fr, body_fr), (subject_en, body_en)]: [(&str, &str); 2],
) -> Result<Option<IssueParts>, AppError> {
    let texts = [
        IssueText { lang: Lang::Fr, subject: subject_fr, body: body_fr },
        IssueText { lang: Lang::En, subject: subject_en, body: body_en },
    ];
    let Some(text) = IssueText::for_reader(reader, &texts) else { return Ok(None) };
    let (unsubscribe, archive) = links(state, reader, issue);
    let mail = IssueMail {
        issue,
        subscriber: 0,
        text,
        unsubscribe_url: &unsubscribe,
        archive_url: &archive,
        base_url: &state.config.base_url,
    };
    let tr = Tr::new(reader, state.locales.clone());
    Ok(Some(issue_parts(&tr, &mail)?))
}

/// A preview's links: an unsubscribe link in the reader's language that
/// leads to no one, and the issue's page in the newsletter's archive, in
/// the reader's language as the subscribers' mails have it (it answers
/// once the sending has begun).
pub(super) fn links(state: &AppState, reader: Lang, issue: i64) -> (String, String) {
    let base = &state.config.base_url;
    (
        format!("{base}{}/{NO_SUBSCRIBER}", NewsletterAction::Unsubscribe.path(reader)),
        format!("{base}{}", Page::NewsletterIssue { id: issue }.path(reader)),
    )
}

/// The typed texts, French then English.
pub(super) fn typed(form: &IssueForm) -> [(&str, &str); 2] {
    [(&form.subject_fr, &form.body_fr), (&form.subject_en, &form.body_en)]
}

/// A stored issue's texts, French then English.
pub(super) fn stored_texts(issue: &NewsletterIssue) -> [(&str, &str); 2] {
    [issue.texts.columns(Lang::Fr), issue.texts.columns(Lang::En)]
}

/// GET `/admin/newsletter/{id}/preview/{lang}`: the HTML part of the
/// stored issue's mail to that language's subscribers, alone, for the
/// preview's frame.
pub async fn mail_part(
    State(state): State<AppState>,
    _staff: Staff,
    Path((id, lang)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let id = id.parse::<i64>().ok().filter(|id| *id > 0).ok_or(AppError::NotFound)?;
    let reader = Lang::parse(&lang).ok_or(AppError::NotFound)?;
    let issue = stored::<Issues>(&state, id).await?;
    let Some(parts) = parts(&state, issue.id, reader, stored_texts(&issue))? else { return Err(AppError::NotFound) };
    let mut response = Html(parts.html).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(PART_POLICY));
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("SAMEORIGIN"));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(response)
}
