//! The mails of an application to join the Pact: to its contact (confirm
//! the address; received, with the private link to its status; approved;
//! declined, with the reason) and to staff (a new application to review).
//! Each is a few sentences and one link, in the reader's language.

use askama::Template;
use lettre::{
    Address, Message,
    message::{
        Mailbox, MultiPart,
        header::{HeaderName, HeaderValue},
    },
};
use std::str::FromStr;

use super::{Mailer, random};
use crate::{
    domain::EmailAddress,
    text::i18n::{Arg, Tr},
};

/// A mail about an application.
pub enum ApplicationMail<'a> {
    /// "Confirm your address": the link opens a page with a button.
    Confirm { authority: &'a str, confirm_url: &'a str },
    /// "Your application is under review", with the status link.
    Received { authority: &'a str, status_url: &'a str },
    /// To staff: "a new application awaits review", with its page.
    ForStaff { authority: &'a str, review_url: &'a str },
    /// "Approved": the authority's page in the directory.
    Approved { authority: &'a str, directory_url: &'a str },
    /// "Declined", with staff's reason and the form to apply again.
    Declined { authority: &'a str, reason: &'a str, status_url: &'a str },
}

#[derive(Template)]
#[template(path = "mail/application.txt")]
struct ApplicationText<'a> {
    tr: &'a Tr,
    paragraphs: &'a [String],
    link: &'a str,
}

#[derive(Template)]
#[template(path = "mail/application.html")]
struct ApplicationHtml<'a> {
    tr: &'a Tr,
    subject: &'a str,
    paragraphs: &'a [String],
    link_label: &'a str,
    link: &'a str,
}

/// The messages of a kind of mail: its subject, first sentence, the
/// sentence before the link, and the link's label.
type Ids = [&'static str; 4];

const CONFIRM: Ids =
    ["join-mail-confirm-subject", "join-mail-confirm-intro", "join-mail-confirm-action", "join-mail-confirm-button"];
const RECEIVED: Ids = [
    "join-mail-received-subject",
    "join-mail-received-intro",
    "join-mail-received-action",
    "join-mail-received-button",
];
const FOR_STAFF: Ids =
    ["join-mail-staff-subject", "join-mail-staff-intro", "join-mail-staff-action", "join-mail-staff-button"];
const APPROVED: Ids = [
    "join-mail-approved-subject",
    "join-mail-approved-intro",
    "join-mail-approved-action",
    "join-mail-approved-button",
];
const DECLINED: Ids = [
    "join-mail-declined-subject",
    "join-mail-declined-intro",
    "join-mail-declined-action",
    "join-mail-declined-button",
];

/// The mail's subject, paragraphs, link's label and link.
fn parts(tr: &Tr, mail: &ApplicationMail<'_>) -> (String, Vec<String>, String, String) {
    let (ids, authority, link, extra) = match mail {
        ApplicationMail::Confirm { authority, confirm_url } => (CONFIRM, *authority, *confirm_url, None),
        ApplicationMail::Received { authority, status_url } => (RECEIVED, *authority, *status_url, None),
        ApplicationMail::ForStaff { authority, review_url } => (FOR_STAFF, *authority, *review_url, None),
        ApplicationMail::Approved { authority, directory_url } => (APPROVED, *authority, *directory_url, None),
        ApplicationMail::Declined { authority, reason, status_url } => {
            (DECLINED, *authority, *status_url, Some(*reason))
        }
    };
    let [subject, intro, action, button] = ids;
    let named = |id: &str| tr.format(id, &[("authority", Arg::Text(authority.into()))]);
    let mut paragraphs = vec![tr.t("mail-greeting"), named(intro)];
    paragraphs.extend(extra.map(str::to_owned));
    paragraphs.push(tr.t(action));
    (named(subject), paragraphs, tr.t(button), link.to_owned())
}

/// Renders an application's mail to its RFC 5322 bytes, from the site's
/// address under the campaign's name; no list headers (it is no newsletter).
pub fn render_application(
    mailer: &Mailer,
    tr: &Tr,
    to: &EmailAddress,
    mail: &ApplicationMail<'_>,
) -> anyhow::Result<Vec<u8>> {
    let (subject, paragraphs, link_label, link) = parts(tr, mail);
    let text = ApplicationText { tr, paragraphs: &paragraphs, link: &link }.render()?;
    let html = ApplicationHtml { tr, subject: &subject, paragraphs: &paragraphs, link_label: &link_label, link: &link }
        .render()?;
    let header = |name: &'static str, value: String| HeaderValue::new(HeaderName::new_from_ascii_str(name), value);
    let message = Message::builder()
        .from(Mailbox::new(Some(tr.t("site-name")), mailer.config.from.clone()))
        .to(Mailbox::new(None, Address::from_str(to.as_str())?))
        .subject(subject)
        .message_id(Some(format!("<{}@oneinfive>", random::hex_token(16)?)))
        .raw_header(header("Content-Language", tr.lang().code().to_owned()))
        .raw_header(header("Auto-Submitted", "auto-generated".to_owned()))
        .multipart(MultiPart::alternative_plain_html(text, html))?;
    Ok(message.formatted())
}
