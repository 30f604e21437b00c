//! Outgoing mail: messages rendered from the project's templates in the
//! reader's language, queued in the outbox table with what they announce,
//! and sent by a background worker — over SMTP, or, when no SMTP server is
//! configured, written as `.eml` files into a folder so that a local try-out
//! works end to end. The tests keep what is sent in memory instead
//! ([`MemoryOutbox`]), and wait for it there.

use std::{path::PathBuf, str::FromStr, sync::Arc, time::Duration as StdDuration};

use askama::Template;
use lettre::{
    Address, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor,
    address::Envelope,
    message::{
        Mailbox, MultiPart,
        header::{HeaderName, HeaderValue},
    },
    transport::smtp::PoolConfig,
};
use tokio::sync::{Notify, watch};

use super::random;
use crate::{
    domain::EmailAddress,
    store::INVITATION_LIFETIME,
    text::i18n::{Arg, Tr},
};
pub use applications::{ApplicationMail, render_application};
pub use issue::{
    IssueMail, IssueParts, IssueText, TOKEN_SLOT, issue_parts, render_issue, render_issue_parts, render_issue_test,
};
pub use issue_links::{IssueForReaders, IssueLinks, IssueRecipient, issue_for_readers, issue_mail, token_subscriber};
pub use rate::{MailRate, MailWindow, Pacer};
pub use worker::run_worker;

/// How mail leaves the site.
#[derive(Clone, Debug)]
pub struct MailConfig {
    /// `smtp://host:port` or `smtps://user:pass@host:465`; `None` writes files.
    pub smtp_url: Option<String>,
    /// The sender's address. The name shown beside it is the campaign's in
    /// the mail's language (`site-name`): a name given with the address
    /// (`Name <address>`) is not used.
    pub from: Address,
    /// Where mails go as `.eml` files when there is no SMTP server.
    pub outbox_dir: PathBuf,
    /// The first retry's delay; each later one doubles, up to an hour.
    pub retry_base: StdDuration,
    /// Keep sent mails in memory rather than send them: the tests'
    /// transport. When set, `smtp_url` and `outbox_dir` are not used.
    pub memory: Option<MemoryOutbox>,
    /// The envelope sender (`MAIL FROM`, which the receiving server writes
    /// as `Return-Path`): where bounces go. `None`: the `from` address.
    pub bounce: Option<Address>,
    /// How fast the newsletter leaves.
    pub rate: MailRate,
}

impl MailConfig {
    pub fn new(smtp_url: Option<String>, from: &str, outbox_dir: PathBuf) -> Result<MailConfig, String> {
        let from = Mailbox::from_str(from).map_err(|e| format!("--mail-from {from:?}: {e}"))?.email;
        Ok(MailConfig {
            smtp_url,
            from,
            outbox_dir,
            retry_base: StdDuration::from_secs(30),
            memory: None,
            bounce: None,
            rate: MailRate::default(),
        })
    }
}

/// A mail the memory transport kept: the envelope's sender and recipient
/// and the message as it would have gone out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SentMail {
    /// `MAIL FROM`: the bounce address when one is set.
    pub sender: String,
    pub recipient: String,
    pub message: Vec<u8>,
}

/// The tests' mail transport: every mail sent is kept in memory, in the
/// order sent, so that a test reads it as a mail server would have
/// received it, and waits for it rather than for a fixed time. Cheap to
/// clone; every clone sees the same mails (several instances of a site may
/// share one, as they would share a mail server).
#[derive(Clone, Debug)]
pub struct MemoryOutbox {
    sent: Arc<watch::Sender<Vec<SentMail>>>,
}

/// [`MemoryOutbox::wait_for`] gave up: fewer mails were sent in time.
#[derive(Debug, thiserror::Error)]
#[error("waited {within:?} for {wanted} mails: {sent} were sent")]
pub struct MailTimeout {
    pub wanted: usize,
    pub sent: usize,
    pub within: StdDuration,
}

impl Default for MemoryOutbox {
    fn default() -> MemoryOutbox {
        MemoryOutbox::new()
    }
}

impl MemoryOutbox {
    pub fn new() -> MemoryOutbox {
        MemoryOutbox { sent: Arc::new(watch::Sender::new(Vec::new())) }
    }

    /// The mails sent so far, oldest first.
    pub fn sent(&self) -> Vec<SentMail> {
        self.sent.borrow().clone()
    }

    /// Waits until at least `count` mails have been sent, for at most
    /// `within`; returns all the mails sent by then, oldest first.
    pub async fn wait_for(&self, count: usize, within: StdDuration) -> Result<Vec<SentMail>, MailTimeout> {
        let mut sent = self.sent.subscribe();
        match tokio::time::timeout(within, sent.wait_for(|mails| mails.len() >= count)).await {
            Ok(Ok(mails)) => Ok(mails.clone()),
            // The sender lives as long as `self`: it cannot be closed here.
            Ok(Err(_)) | Err(_) => Err(MailTimeout { wanted: count, sent: self.sent.borrow().len(), within }),
        }
    }

    fn keep(&self, mail: SentMail) {
        self.sent.send_modify(|mails| mails.push(mail));
    }
}

enum Transport {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    Files(PathBuf),
    Memory(MemoryOutbox),
}

/// The sending side: the transport, the sender, and a notification that
/// wakes the worker when a mail is queued.
pub struct Mailer {
    transport: Transport,
    config: MailConfig,
    queued: Notify,
    /// How the newsletter's issues are rendered; without it their mails
    /// wait.
    issues: Option<IssueLinks>,
}

impl Mailer {
    pub fn new(config: MailConfig) -> anyhow::Result<Mailer> {
        let transport = match (&config.memory, &config.smtp_url) {
            (Some(outbox), _) => Transport::Memory(outbox.clone()),
            (None, Some(url)) => Transport::Smtp(
                AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
                    .map_err(|e| anyhow::anyhow!("--smtp-url: {e}"))?
                    .timeout(Some(worker::SMTP_TIMEOUT))
                    // A kept connection for each mail the newsletter may
                    // have under way (more would be opened and closed).
                    .pool_config(PoolConfig::new().max_size(u32::try_from(config.rate.connections()).unwrap_or(1)))
                    .build(),
            ),
            (None, None) => Transport::Files(config.outbox_dir.clone()),
        };
        Ok(Mailer { transport, config, queued: Notify::new(), issues: None })
    }

    /// What renders the newsletter's issues, and checks their links.
    pub fn with_issue_links(mut self, links: IssueLinks) -> Mailer {
        self.issues = Some(links);
        self
    }

    pub fn issue_links(&self) -> Option<&IssueLinks> {
        self.issues.as_ref()
    }

    /// Whether mails are only written to files (no SMTP server).
    pub fn writes_files(&self) -> bool {
        matches!(self.transport, Transport::Files(_))
    }

    /// The envelope sender of every mail (`MAIL FROM`): the bounce address
    /// when one is set (`--bounce-address`), so that delivery reports reach
    /// the mailbox the bounce command reads, else the `From` address. The
    /// message itself carries no `Return-Path`: the receiving server writes
    /// it from this.
    pub fn envelope_from(&self) -> &Address {
        self.config.bounce.as_ref().unwrap_or(&self.config.from)
    }

    /// How fast the newsletter may leave.
    pub fn rate(&self) -> MailRate {
        self.config.rate
    }

    /// Wakes the worker: a mail was queued.
    pub fn notify(&self) {
        self.queued.notify_one();
    }

    async fn send(&self, id: i64, recipient: &str, message: &[u8]) -> Result<(), Failure> {
        let to = Address::from_str(recipient).map_err(|e| format!("recipient: {e}"))?;
        match &self.transport {
            Transport::Smtp(smtp) => {
                let envelope =
                    Envelope::new(Some(self.envelope_from().clone()), vec![to]).map_err(|e| e.to_string())?;
                smtp.send_raw(&envelope, message).await.map(|_| ()).map_err(|e| {
                    let error = e.to_string();
                    Failure { refused_for_good: e.is_permanent() && refuses_the_address(&error), error }
                })
            }
            Transport::Files(dir) => {
                let (dir, message) = (dir.clone(), message.to_vec());
                // The folder and the file in one trip to a blocking thread.
                let path = tokio::task::spawn_blocking(move || write_mail_file(&dir, id, &message))
                    .await
                    .map_err(|e| e.to_string())?
                    .map_err(|e| e.to_string())?;
                tracing::info!(path = %path.display(), "no SMTP server: mail written to the outbox folder");
                Ok(())
            }
            Transport::Memory(outbox) => {
                outbox.keep(SentMail {
                    sender: self.envelope_from().to_string(),
                    recipient: to.to_string(),
                    message: message.to_vec(),
                });
                Ok(())
            }
        }
    }
}

/// Why a mail was not sent, and whether the recipient's server refused
/// the address for good.
#[derive(Debug)]
struct Failure {
    error: String,
    refused_for_good: bool,
}

impl From<String> for Failure {
    fn from(error: String) -> Failure {
        Failure { error, refused_for_good: false }
    }
}

impl From<&str> for Failure {
    fn from(error: &str) -> Failure {
        Failure::from(error.to_owned())
    }
}

/// Whether a permanent SMTP error's text says the recipient's address is
/// refused (RFC 3463's enhanced codes: no such mailbox or system, a bad
/// address, a mailbox moved or disabled, a domain that takes no mail).
/// A 5xx about anything else — the sender, the message, a policy — says
/// nothing of the address, which is not suppressed for it: a relay that
/// refuses our sender would otherwise suppress every subscriber.
fn refuses_the_address(error: &str) -> bool {
    const ADDRESS_CODES: [&str; 7] = ["5.1.1", "5.1.2", "5.1.3", "5.1.6", "5.1.10", "5.2.1", "5.1.0"];
    error.split(|c: char| c.is_whitespace() || c == ':' || c == ',').any(|word| ADDRESS_CODES.contains(&word))
}

/// Writes a mail into the outbox folder as `{id}.eml`, and returns its
/// path. An id is used again once the mails of an erased subscriber are
/// deleted: an earlier file of another mail is kept, and this one gets the
/// next free name (`{id}-2.eml`…); the same mail written again (after a
/// crash, before it was recorded as sent) is not written twice.
fn write_mail_file(dir: &std::path::Path, id: i64, message: &[u8]) -> std::io::Result<PathBuf> {
    std::fs::create_dir_all(dir)?;
    for n in 1..=1000 {
        let name = if n == 1 { format!("{id:08}.eml") } else { format!("{id:08}-{n}.eml") };
        let path = dir.join(name);
        match std::fs::OpenOptions::new().write(true).create_new(true).open(&path) {
            Ok(mut file) => {
                std::io::Write::write_all(&mut file, message)?;
                return Ok(path);
            }
            Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => {
                if std::fs::read(&path)? == message {
                    return Ok(path);
                }
            }
            Err(error) => return Err(error),
        }
    }
    Err(std::io::Error::other(format!("mail {id}: a thousand files of that number in the outbox folder")))
}

/// A confirmation mail's text part.
#[derive(Template)]
#[template(path = "mail/confirm.txt")]
struct ConfirmText<'a> {
    tr: &'a Tr,
    confirm_url: &'a str,
    unsubscribe_url: &'a str,
    privacy_url: &'a str,
}

#[derive(Template)]
#[template(path = "mail/confirm.html")]
struct ConfirmHtml<'a> {
    tr: &'a Tr,
    confirm_url: &'a str,
    unsubscribe_url: &'a str,
    privacy_url: &'a str,
}

#[derive(Template)]
#[template(path = "mail/unsubscribe.txt")]
struct UnsubscribeText<'a> {
    tr: &'a Tr,
    unsubscribe_url: &'a str,
}

#[derive(Template)]
#[template(path = "mail/unsubscribe.html")]
struct UnsubscribeHtml<'a> {
    tr: &'a Tr,
    unsubscribe_url: &'a str,
}

/// An invitation's text part: `intro` names who invited, `expiry` says
/// how long the link lasts.
#[derive(Template)]
#[template(path = "mail/invitation.txt")]
struct InvitationText<'a> {
    tr: &'a Tr,
    accept_url: &'a str,
    intro: &'a str,
    expiry: &'a str,
}

#[derive(Template)]
#[template(path = "mail/invitation.html")]
struct InvitationHtml<'a> {
    tr: &'a Tr,
    accept_url: &'a str,
    intro: &'a str,
    expiry: &'a str,
}

/// The kinds of mail the site sends.
pub enum Mail<'a> {
    /// "An admin invites you to the back office: choose a password."
    /// `inviter` is the inviting admin's address, which the mail names.
    Invitation { accept_url: &'a str, inviter: &'a EmailAddress },
    /// "Confirm your subscription", with a link to the data protection
    /// notice the person consents to.
    Confirm { confirm_url: &'a str, unsubscribe_url: &'a str, privacy_url: &'a str },
    /// "Here is your link to leave."
    Unsubscribe { unsubscribe_url: &'a str },
}

/// Renders a mail to its RFC 5322 bytes, from the configured address under
/// the campaign's name in the mail's language (`UN sur CINQ`, `ONE in
/// FIVE`). The only input from a visitor in its headers is the recipient,
/// already parsed as an [`EmailAddress`].
pub fn render(mailer: &Mailer, tr: &Tr, to: &EmailAddress, mail: &Mail<'_>) -> anyhow::Result<Vec<u8>> {
    let (subject, text, html, unsubscribe_url) = match mail {
        Mail::Confirm { confirm_url, unsubscribe_url, privacy_url } => (
            tr.t("mail-confirm-subject"),
            ConfirmText { tr, confirm_url, unsubscribe_url, privacy_url }.render()?,
            ConfirmHtml { tr, confirm_url, unsubscribe_url, privacy_url }.render()?,
            Some(*unsubscribe_url),
        ),
        Mail::Unsubscribe { unsubscribe_url } => (
            tr.t("mail-unsubscribe-subject"),
            UnsubscribeText { tr, unsubscribe_url }.render()?,
            UnsubscribeHtml { tr, unsubscribe_url }.render()?,
            Some(*unsubscribe_url),
        ),
        Mail::Invitation { accept_url, inviter } => {
            let intro = tr.format("mail-invitation-intro", &[("inviter", Arg::Text(inviter.as_str().into()))]);
            let expiry = tr.count("mail-invitation-expiry", "hours", INVITATION_LIFETIME.whole_hours());
            let (intro, expiry) = (intro.as_str(), expiry.as_str());
            (
                tr.t("mail-invitation-subject"),
                InvitationText { tr, accept_url, intro, expiry }.render()?,
                InvitationHtml { tr, accept_url, intro, expiry }.render()?,
                None,
            )
        }
    };
    let recipient = Mailbox::new(None, Address::from_str(to.as_str())?);
    let header = |name: &'static str, value: String| HeaderValue::new(HeaderName::new_from_ascii_str(name), value);
    let mut builder = Message::builder()
        .from(Mailbox::new(Some(tr.t("site-name")), mailer.config.from.clone()))
        .to(recipient)
        .subject(subject)
        .message_id(Some(format!("<{}@oneinfive>", random::hex_token(16)?)))
        .raw_header(header("Content-Language", tr.lang().code().to_owned()))
        .raw_header(header("Auto-Submitted", "auto-generated".to_owned()));
    // The newsletter's mails can be left in one click; a staff mail has no list.
    if let Some(url) = unsubscribe_url {
        builder = builder
            .raw_header(header("List-Unsubscribe", format!("<{url}>")))
            .raw_header(header("List-Unsubscribe-Post", "List-Unsubscribe=One-Click".to_owned()));
    }
    let message = builder.multipart(MultiPart::alternative_plain_html(text, html))?;
    Ok(message.formatted())
}

mod applications;
mod issue;
mod issue_links;
pub mod rate;
mod worker;

#[cfg(test)]
mod tests;
