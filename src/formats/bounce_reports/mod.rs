//! Bounce and complaint reports, as mail servers and mailbox providers
//! send them back: delivery status notifications (DSN, RFC 3464) and
//! abuse reports in the Abuse Reporting Format (ARF, RFC 5965), read from
//! a Maildir or an mbox (`mailbox.rs`). A report says what became of a mail
//! for each address it names. A message that is no such report, or whose
//! fields do not say plainly what happened to which address, is not
//! understood: nothing is guessed from the free text people read.

mod fields;
mod mailbox;
#[cfg(test)]
mod tests;

use std::fmt;

use mail_parser::{Message, MessageParser, MessagePart, MimeHeaders, PartType};
use sha2::{Digest, Sha256};
use time::OffsetDateTime;

pub use mailbox::{Mailbox, MailboxError, MailboxMessage, Problem};

use self::fields::{Fields, first_word};
use crate::{domain::EmailAddress, text::hex};

/// One message of a mailbox, read.
#[derive(Debug)]
pub struct Reading {
    /// Its subject, for the list of messages not understood.
    pub subject: Option<String>,
    pub report: Result<Report, NotUnderstood>,
}

/// What a report says.
#[derive(Debug)]
pub struct Report {
    /// A SHA-256 of its `Message-ID` (of its bytes when it has none), by
    /// which it is known when read again.
    pub fingerprint: String,
    pub notices: Vec<Notice>,
}

/// What a report says of one address.
#[derive(Debug, PartialEq, Eq)]
pub struct Notice {
    pub address: EmailAddress,
    pub what: What,
    /// When, as the report says (its recipient's last attempt, its arrival
    /// date, else its own `Date`); `None` when it says nothing of it.
    pub at: Option<OffsetDateTime>,
}

/// What happened to the mail sent to an address.
#[derive(Debug, PartialEq, Eq)]
pub enum What {
    /// Refused for good: the action `failed` with a `5.x.x` status.
    HardBounce { status: String },
    /// Refused for now: the action `failed` with a `4.x.x` status.
    SoftBounce { status: String },
    /// The recipient reported the mail (feedback type `abuse`, `fraud`,
    /// `virus` or `other`).
    Complaint { feedback_type: String },
    /// Nothing to act on: a mail `delayed` (still being tried),
    /// `delivered`, `relayed` or `expanded`, or feedback that is no
    /// complaint (`not-spam`, `auth-failure`): what the report said.
    Nothing { said: String },
}

/// Why a message is not understood.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotUnderstood(String);

impl NotUnderstood {
    pub(crate) fn new(why: impl Into<String>) -> NotUnderstood {
        NotUnderstood(why.into())
    }
}

impl fmt::Display for NotUnderstood {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Reads one message of a mailbox.
pub fn read(raw: &[u8]) -> Reading {
    let Some(message) = MessageParser::default().parse(raw) else {
        return Reading { subject: None, report: Err(NotUnderstood::new("not a mail message (no headers)")) };
    };
    let subject = message.subject().map(str::to_owned);
    let report = notices(&message).map(|notices| Report { fingerprint: fingerprint(&message), notices });
    Reading { subject, report }
}

/// What a `multipart/report` says, by its `report-type`.
fn notices(message: &Message<'_>) -> Result<Vec<Notice>, NotUnderstood> {
    let Some(content_type) = message.root_part().content_type() else {
        return Err(NotUnderstood::new("not a report (no Content-Type)"));
    };
    let (main, sub) = (content_type.ctype(), content_type.subtype().unwrap_or_default());
    if !main.eq_ignore_ascii_case("multipart") || !sub.eq_ignore_ascii_case("report") {
        return Err(NotUnderstood::new(format!("not a report ({main}/{sub})")));
    }
    let date = message.date().and_then(mail_date);
    match content_type.attribute("report-type").map(str::to_ascii_lowercase).as_deref() {
        Some("delivery-status") => delivery_status(message, date),
        Some("feedback-report") => feedback_report(message, date),
        Some(other) => Err(NotUnderstood::new(format!("a report of another kind ({other})"))),
        None => Err(NotUnderstood::new("a report of no kind (no report-type)")),
    }
}

/// A DSN: a group of fields about the message, then one a recipient.
fn delivery_status(message: &Message<'_>, date: Option<OffsetDateTime>) -> Result<Vec<Notice>, NotUnderstood> {
    let text = report_part(message, &["delivery-status", "global-delivery-status"])?;
    let groups = fields::groups(text)?;
    let Some((about_message, recipients)) = groups.split_first().filter(|(_, recipients)| !recipients.is_empty())
    else {
        return Err(NotUnderstood::new("its delivery status names no recipient"));
    };
    if about_message.get("final-recipient").is_some() {
        // The fields about the message itself are missing: none is skipped.
        return Err(NotUnderstood::new("its delivery status begins with a recipient, not the reporting server"));
    }
    let arrival = about_message.get("arrival-date").and_then(field_date).or(date);
    recipients.iter().map(|fields| recipient(fields, arrival)).collect()
}

/// One recipient's fields of a DSN: the address the mail was sent to
/// (`Original-Recipient`, else `Final-Recipient`), the `Action` and the
/// `Status`.
fn recipient(fields: &Fields, date: Option<OffsetDateTime>) -> Result<Notice, NotUnderstood> {
    let named = fields.get("original-recipient").or_else(|| fields.get("final-recipient"));
    let address = typed_address(named.ok_or_else(|| NotUnderstood::new("a recipient without Final-Recipient"))?)?;
    let action = first_word(fields.get("action").unwrap_or_default()).to_ascii_lowercase();
    let status = first_word(fields.get("status").unwrap_or_default()).to_owned();
    let class = status_class(&status)
        .ok_or_else(|| NotUnderstood::new(format!("{address}: no status, or not one (\"{status}\")")))?;
    let what = match (action.as_str(), class) {
        ("failed", 5) => What::HardBounce { status },
        ("failed", 4) => What::SoftBounce { status },
        ("delayed" | "delivered" | "relayed" | "expanded", _) => What::Nothing { said: format!("{action} ({status})") },
        _ => return Err(NotUnderstood::new(format!("{address}: action \"{action}\" with status {status}"))),
    };
    let at = fields.get("last-attempt-date").and_then(field_date).or(date);
    Ok(Notice { address, what, at })
}

/// An ARF report: the complaint's kind and the address the mail was sent
/// to, from `Original-Rcpt-To` or else the `To` of the mail returned.
fn feedback_report(message: &Message<'_>, date: Option<OffsetDateTime>) -> Result<Vec<Notice>, NotUnderstood> {
    let text = report_part(message, &["feedback-report"])?;
    let groups = fields::groups(text)?;
    let [fields] = groups.as_slice() else {
        return Err(NotUnderstood::new("its feedback report is not one group of fields"));
    };
    let feedback_type = first_word(fields.get("feedback-type").unwrap_or_default()).to_ascii_lowercase();
    let what = match feedback_type.as_str() {
        "abuse" | "fraud" | "virus" | "other" => What::Complaint { feedback_type },
        "not-spam" | "auth-failure" => What::Nothing { said: format!("feedback {feedback_type}") },
        "" => return Err(NotUnderstood::new("its feedback report has no Feedback-Type")),
        other => return Err(NotUnderstood::new(format!("feedback of an unknown type ({other})"))),
    };
    let recipients: Vec<&str> = fields.all("original-rcpt-to").collect();
    let address = match recipients.as_slice() {
        [one] => parse_address(one)?,
        [] => returned_recipient(message)?,
        _ => return Err(NotUnderstood::new("its feedback report names several recipients")),
    };
    let at = fields.get("arrival-date").or_else(|| fields.get("received-date")).and_then(field_date).or(date);
    Ok(vec![Notice { address, what, at }])
}

/// The one `To` address of the mail an ARF report returns, whole
/// (`message/rfc822`) or its headers only (`text/rfc822-headers`).
fn returned_recipient(message: &Message<'_>) -> Result<EmailAddress, NotUnderstood> {
    let no_one = || NotUnderstood::new("it names no recipient (no Original-Rcpt-To, no returned mail's To)");
    let headers;
    let returned = match report_parts(message).find_map(|part| match &part.body {
        PartType::Message(returned) => Some(returned),
        _ => None,
    }) {
        Some(returned) => returned,
        None => {
            let text = part_text(message, "text", &["rfc822-headers"]).ok_or_else(no_one)?;
            headers = MessageParser::default().parse_headers(text.as_bytes()).ok_or_else(no_one)?;
            &headers
        }
    };
    let addresses: Vec<&str> =
        returned.to().map(|to| to.iter().filter_map(|a| a.address()).collect()).unwrap_or_default();
    match addresses.as_slice() {
        [one] => parse_address(one),
        [] => Err(no_one()),
        _ => Err(NotUnderstood::new("the mail it returns was sent to several addresses")),
    }
}

/// The parts of a `multipart/report`, its machine-readable one among them.
fn report_parts<'a>(message: &'a Message<'a>) -> impl Iterator<Item = &'a MessagePart<'a>> {
    let ids = message.root_part().sub_parts().unwrap_or_default();
    ids.iter().filter_map(|id| message.part(*id))
}

/// The text of the report's first part of type `message/{subtypes}`.
fn report_part<'a>(message: &'a Message<'a>, subtypes: &[&str]) -> Result<&'a str, NotUnderstood> {
    let name = subtypes.first().copied().unwrap_or_default();
    part_text(message, "message", subtypes)
        .ok_or_else(|| NotUnderstood::new(format!("no message/{name} part, or not text")))
}

fn part_text<'a>(message: &'a Message<'a>, main: &str, subtypes: &[&str]) -> Option<&'a str> {
    report_parts(message)
        .find(|part| {
            part.content_type().is_some_and(|t| {
                t.ctype().eq_ignore_ascii_case(main)
                    && subtypes.iter().any(|sub| t.subtype().is_some_and(|s| s.eq_ignore_ascii_case(sub)))
            })
        })
        .and_then(MessagePart::text_contents)
}

/// `rfc822; someone@example.org`: an address of type `rfc822`.
fn typed_address(value: &str) -> Result<EmailAddress, NotUnderstood> {
    match value.split_once(';') {
        Some((kind, address)) if kind.trim().eq_ignore_ascii_case("rfc822") => parse_address(address),
        _ => Err(NotUnderstood::new(format!("a recipient not named as rfc822 (\"{value}\")"))),
    }
}

/// An address, with or without its angle brackets.
fn parse_address(value: &str) -> Result<EmailAddress, NotUnderstood> {
    let bare = value.trim();
    let bare = bare.strip_prefix('<').and_then(|b| b.strip_suffix('>')).unwrap_or(bare);
    EmailAddress::parse(bare).map_err(|_| NotUnderstood::new(format!("not an address (\"{value}\")")))
}

/// A status's class, `5` of `5.1.1`: 2, 4 or 5, with two more numbers.
fn status_class(status: &str) -> Option<u8> {
    let mut numbers = status.split('.');
    let class = numbers.next()?;
    let rest: Vec<&str> = numbers.collect();
    let numeric = |n: &str| !n.is_empty() && n.len() <= 3 && n.bytes().all(|b| b.is_ascii_digit());
    let well_formed = rest.len() == 2 && rest.iter().all(|n| numeric(n));
    match class {
        "2" | "4" | "5" if well_formed => class.parse().ok(),
        _ => None,
    }
}

/// A date field's value (RFC 5322), if it is one.
fn field_date(value: &str) -> Option<OffsetDateTime> {
    mail_parser::DateTime::parse_rfc822(value.trim()).as_ref().and_then(mail_date)
}

fn mail_date(date: &mail_parser::DateTime) -> Option<OffsetDateTime> {
    if date.is_valid() { OffsetDateTime::from_unix_timestamp(date.to_timestamp()).ok() } else { None }
}

/// A report is known by its `Message-ID`, else by its bytes.
fn fingerprint(message: &Message<'_>) -> String {
    let digest = match message.message_id() {
        Some(id) => Sha256::digest(format!("message-id:{id}").as_bytes()),
        None => Sha256::digest(message.raw_message()),
    };
    hex::encode(&digest)
}
