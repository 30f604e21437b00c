//! A newsletter issue as mailed to one subscriber: in their language (or
//! the other, said so at the top in theirs), as plain text and as HTML
//! styled inline for mail clients, with the headers of a mailing list
//! (RFC 2919 `List-Id`, RFC 8058 one-click `List-Unsubscribe`). It loads
//! nothing from anywhere when read: no image, no stylesheet, no tracking.

use std::{str::FromStr, sync::LazyLock};

use askama::Template;
use css_inline::CSSInliner;
use lettre::{
    Address, Message,
    message::{
        Mailbox, MultiPart,
        header::{HeaderName, HeaderValue},
    },
};

use super::Mailer;
use crate::{
    domain::EmailAddress,
    text::{
        i18n::{Lang, Tr},
        markdown,
    },
};

/// An issue's subject and Markdown body in one language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IssueText<'a> {
    pub lang: Lang,
    pub subject: &'a str,
    pub body: &'a str,
}

impl<'a> IssueText<'a> {
    /// Whether the issue is not written in this language: no subject or no
    /// body (only blanks).
    pub fn is_empty(&self) -> bool {
        self.subject.trim().is_empty() || self.body.trim().is_empty()
    }

    /// The text a reader of `reader` gets of texts as typed (the back
    /// office's preview of a form not saved yet): the one in their
    /// language, or, when that one is empty, the first other one written;
    /// `None` when none is. A saved issue's is `IssueTexts::for_reader`.
    pub fn for_reader(reader: Lang, texts: &[IssueText<'a>]) -> Option<IssueText<'a>> {
        let written = || texts.iter().filter(|text| !text.is_empty());
        written().find(|text| text.lang == reader).or_else(|| written().next()).copied()
    }
}

/// One issue for one subscriber.
#[derive(Clone, Copy, Debug)]
pub struct IssueMail<'a> {
    /// The issue's id: with the subscriber's, the mail's fixed `Message-ID`.
    pub issue: i64,
    pub subscriber: i64,
    /// The text to send (the issue's in the reader's language, else the
    /// other's: `IssueTexts::for_reader`); when its language is
    /// not the reader's (the mail's [`Tr`]), a line at the top says so.
    pub text: IssueText<'a>,
    /// The subscriber's own link to leave (a page whose POST is also the
    /// RFC 8058 one-click unsubscribe).
    pub unsubscribe_url: &'a str,
    /// The issue's page in the newsletter's archive ("read it on the site"),
    /// in the reader's language (which shows the other one's text when
    /// the issue has none in theirs).
    pub archive_url: &'a str,
    /// The site's public origin: links of the body to a path of the site
    /// are made absolute on it, and the `List-Id` is named after its host.
    pub base_url: &'a str,
}

/// An issue's plain text part.
#[derive(Template)]
#[template(path = "mail/issue.txt")]
struct IssueTextPart<'a> {
    tr: &'a Tr,
    notice: Option<String>,
    subject: &'a str,
    body_text: &'a str,
    archive_url: &'a str,
    unsubscribe_url: &'a str,
}

/// An issue's HTML part, before its stylesheet is inlined.
#[derive(Template)]
#[template(path = "mail/issue.html")]
struct IssueHtmlPart<'a> {
    tr: &'a Tr,
    notice: Option<String>,
    text_lang: Lang,
    subject: &'a str,
    /// Sanitised by [`markdown::to_mail`].
    body_html: &'a str,
    archive_url: &'a str,
    unsubscribe_url: &'a str,
}

/// The template's stylesheet moved into each element's `style` attribute
/// (most mail clients ignore a `<style>` element), the element removed,
/// and nothing fetched from anywhere.
static INLINER: LazyLock<CSSInliner<'static>> = LazyLock::new(|| {
    CSSInliner::options()
        .load_remote_stylesheets(false)
        .keep_style_tags(false)
        .keep_link_tags(false)
        .keep_at_rules(false)
        .build()
});

/// The mailing list's identifier (RFC 2919): the same for every issue and
/// language, so that a reader's filter keeps working; named after the
/// site's host (`newsletter.oneinfive.example.org`).
fn list_id(base_url: &str) -> String {
    let host = match url::Url::parse(base_url).ok().and_then(|url| url.host().map(|host| host.to_owned())) {
        Some(url::Host::Domain(name)) => {
            name.chars().filter(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-')).collect()
        }
        Some(url::Host::Ipv4(address)) => address.to_string(),
        // An IPv6 address is no dot-atom.
        Some(url::Host::Ipv6(_)) | None => String::new(),
    };
    let host = host.trim_matches('.');
    let host = if host.is_empty() { "localhost" } else { host };
    format!("\"ONE in FIVE newsletter\" <newsletter.{host}>")
}

/// The fixed `Message-ID` of an issue's mail to a subscriber: a mail sent
/// again after a crash is the same message, which the reader's mail server
/// may recognise.
pub fn message_id(issue: i64, subscriber: i64) -> String {
    format!("<issue-{issue}-{subscriber}@oneinfive>")
}

/// An issue's mail as its reader will see it: the subject (one line), the
/// plain text part and the HTML part, styled inline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IssueParts {
    pub subject: String,
    pub text: String,
    pub html: String,
}

/// Stands for a subscriber's unsubscribe token in the parts of an issue
/// rendered once for all its readers of a language (tokens are
/// hexadecimal: never this).
pub const TOKEN_SLOT: &str = "oneinfive-unsubscribe-token-slot";

impl IssueParts {
    /// The parts with [`TOKEN_SLOT`] filled in with a reader's token.
    pub fn with_token(&self, token: &str) -> IssueParts {
        IssueParts {
            subject: self.subject.clone(),
            text: self.text.replace(TOKEN_SLOT, token),
            html: self.html.replace(TOKEN_SLOT, token),
        }
    }
}

/// The parts of an issue's mail to a reader of `tr`'s language: the text
/// in its language, or the other one with a line at the top saying so.
pub fn issue_parts(tr: &Tr, issue: &IssueMail<'_>) -> anyhow::Result<IssueParts> {
    let text = issue.text;
    anyhow::ensure!(!text.is_empty(), "issue {}: no text to send in {}", issue.issue, text.lang);
    let notice = (text.lang != tr.lang()).then(|| tr.t("issue-mail-only-other"));
    // One line, whatever was typed (a line break would end the header);
    // the no-break spaces of French typography stay.
    let breaks = |c: char| c == ' ' || c.is_control() || matches!(c, '\u{2028}' | '\u{2029}');
    let subject = text.subject.split(breaks).filter(|word| !word.is_empty()).collect::<Vec<_>>().join(" ");
    let (body_html, body_text) = markdown::to_mail(text.body, issue.base_url);
    let plain = IssueTextPart {
        tr,
        notice: notice.clone(),
        subject: &subject,
        body_text: &body_text,
        archive_url: issue.archive_url,
        unsubscribe_url: issue.unsubscribe_url,
    }
    .render()?;
    let html = IssueHtmlPart {
        tr,
        notice,
        text_lang: text.lang,
        subject: &subject,
        body_html: &body_html,
        archive_url: issue.archive_url,
        unsubscribe_url: issue.unsubscribe_url,
    }
    .render()?;
    let html = INLINER.inline(&html)?;
    Ok(IssueParts { subject, text: plain, html })
}

/// Renders an issue for one subscriber to its RFC 5322 bytes, from the
/// configured address under the campaign's name in the reader's language.
/// `Content-Language` is the text's; `<html lang>` the reader's, with the
/// text marked in its own. The envelope sender is not in the message: send
/// it from [`Mailer::envelope_from`], the bounce address when one is set.
pub fn render_issue(mailer: &Mailer, tr: &Tr, to: &EmailAddress, issue: &IssueMail<'_>) -> anyhow::Result<Vec<u8>> {
    let parts = issue_parts(tr, issue)?;
    render_issue_parts(mailer, tr, to, issue, parts)
}

/// [`render_issue`] of parts already rendered ([`issue_parts`], the reader's
/// token filled in): the message, with the headers of a mailing list.
pub fn render_issue_parts(
    mailer: &Mailer,
    tr: &Tr,
    to: &EmailAddress,
    issue: &IssueMail<'_>,
    parts: IssueParts,
) -> anyhow::Result<Vec<u8>> {
    message(mailer, tr, to, issue, parts, message_id(issue.issue, issue.subscriber))
}

/// Renders a test of an issue, sent to one staff member's address: the
/// mail a reader of `tr`'s language gets, its subject after `prefix`
/// (`[Test] `), under a `Message-ID` of its own, so that two tests are two
/// messages. Its unsubscribe link is whatever `issue` carries: make it one
/// that leads to no subscriber.
pub fn render_issue_test(
    mailer: &Mailer,
    tr: &Tr,
    to: &EmailAddress,
    issue: &IssueMail<'_>,
    prefix: &str,
) -> anyhow::Result<Vec<u8>> {
    let mut parts = issue_parts(tr, issue)?;
    parts.subject = format!("{prefix}{}", parts.subject);
    let id = format!("<issue-{}-test-{}@oneinfive>", issue.issue, crate::infra::random::hex_token(8)?);
    message(mailer, tr, to, issue, parts, id)
}

/// The message of an issue's parts, with the headers of a mailing list.
fn message(
    mailer: &Mailer,
    tr: &Tr,
    to: &EmailAddress,
    issue: &IssueMail<'_>,
    parts: IssueParts,
    message_id: String,
) -> anyhow::Result<Vec<u8>> {
    let recipient = Mailbox::new(None, Address::from_str(to.as_str())?);
    let header = |name: &'static str, value: String| HeaderValue::new(HeaderName::new_from_ascii_str(name), value);
    let message = Message::builder()
        .from(Mailbox::new(Some(tr.t("site-name")), mailer.config.from.clone()))
        .to(recipient)
        .subject(parts.subject)
        .message_id(Some(message_id))
        .raw_header(header("Content-Language", issue.text.lang.code().to_owned()))
        .raw_header(header("Auto-Submitted", "auto-generated".to_owned()))
        .raw_header(header("List-Id", list_id(issue.base_url)))
        .raw_header(header("List-Unsubscribe", format!("<{}>", issue.unsubscribe_url)))
        .raw_header(header("List-Unsubscribe-Post", "List-Unsubscribe=One-Click".to_owned()))
        .multipart(MultiPart::alternative_plain_html(parts.text, parts.html))?;
    Ok(message.formatted())
}

#[cfg(test)]
#[path = "issue_tests.rs"]
mod tests;
