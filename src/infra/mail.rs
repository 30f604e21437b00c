//! Outgoing mail: messages rendered from the project's templates in the
//! reader's language, queued in the outbox table with what they announce,
//! and sent by a background worker — over SMTP, or, when no SMTP server is
//! configured, written as `.eml` files into a folder so that a local try-out
//! works end to end.

use std::{path::PathBuf, str::FromStr, sync::Arc, time::Duration as StdDuration};

use askama::Template;
use lettre::{
    Address, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor,
    address::Envelope,
    message::{
        Mailbox, MultiPart,
        header::{HeaderName, HeaderValue},
    },
};
use time::Duration;
use tokio::sync::Notify;

use super::{clock::Clock, random};
use crate::{domain::EmailAddress, store::Store, text::i18n::Tr};

/// How mail leaves the site.
#[derive(Clone, Debug)]
pub struct MailConfig {
    /// `smtp://host:port` or `smtps://user:pass@host:465`; `None` writes files.
    pub smtp_url: Option<String>,
    pub from: Mailbox,
    /// Where mails go as `.eml` files when there is no SMTP server.
    pub outbox_dir: PathBuf,
    /// The first retry's delay; each later one doubles, up to an hour.
    pub retry_base: StdDuration,
}

impl MailConfig {
    pub fn new(smtp_url: Option<String>, from: &str, outbox_dir: PathBuf) -> Result<MailConfig, String> {
        let from = Mailbox::from_str(from).map_err(|e| format!("--mail-from {from:?}: {e}"))?;
        Ok(MailConfig { smtp_url, from, outbox_dir, retry_base: StdDuration::from_secs(30) })
    }
}

/// Attempts before a mail is given up.
const MAX_ATTEMPTS: i32 = 15;
/// A mail taken by a worker that died is taken again after this.
const LEASE: Duration = Duration::minutes(5);
const LONGEST_WAIT: StdDuration = StdDuration::from_secs(3600);

enum Transport {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    Files(PathBuf),
}

/// The sending side: the transport, the sender, and a notification that
/// wakes the worker when a mail is queued.
pub struct Mailer {
    transport: Transport,
    config: MailConfig,
    queued: Notify,
}

impl Mailer {
    pub fn new(config: MailConfig) -> anyhow::Result<Mailer> {
        let transport = match &config.smtp_url {
            Some(url) => Transport::Smtp(
                AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
                    .map_err(|e| anyhow::anyhow!("--smtp-url: {e}"))?
                    .timeout(Some(StdDuration::from_secs(20)))
                    .build(),
            ),
            None => Transport::Files(config.outbox_dir.clone()),
        };
        Ok(Mailer { transport, config, queued: Notify::new() })
    }

    /// Whether mails are only written to files (no SMTP server).
    pub fn writes_files(&self) -> bool {
        matches!(self.transport, Transport::Files(_))
    }

    /// Wakes the worker: a mail was queued.
    pub fn notify(&self) {
        self.queued.notify_one();
    }

    async fn send(&self, id: i64, recipient: &str, message: &[u8]) -> Result<(), String> {
        let to = Address::from_str(recipient).map_err(|e| format!("recipient: {e}"))?;
        match &self.transport {
            Transport::Smtp(smtp) => {
                let envelope =
                    Envelope::new(Some(self.config.from.email.clone()), vec![to]).map_err(|e| e.to_string())?;
                smtp.send_raw(&envelope, message).await.map(|_| ()).map_err(|e| e.to_string())
            }
            Transport::Files(dir) => {
                tokio::fs::create_dir_all(dir).await.map_err(|e| e.to_string())?;
                let path = dir.join(format!("{id:08}.eml"));
                tokio::fs::write(&path, message).await.map_err(|e| e.to_string())?;
                tracing::info!(path = %path.display(), "no SMTP server: mail written to the outbox folder");
                Ok(())
            }
        }
    }
}

/// Sends queued mails until the process ends: whatever is due, then waits
/// for a notification or the next retry. Expired pending subscriptions are purged
/// on the way.
pub async fn run_worker(store: Store, mailer: Arc<Mailer>, clock: Clock) {
    let poll = mailer.config.retry_base.min(StdDuration::from_secs(5));
    loop {
        let now = clock.now();
        if let Err(error) = store.purge_expired(now).await {
            tracing::warn!(%error, "could not purge expired subscriptions");
        }
        loop {
            let claimed = match store.claim_mail(clock.now(), LEASE).await {
                Ok(Some(claimed)) => claimed,
                Ok(None) => break,
                Err(error) => {
                    tracing::warn!(%error, "mail outbox unavailable");
                    break;
                }
            };
            let result = match &claimed.message {
                Some(message) => mailer.send(claimed.id, &claimed.recipient, message).await,
                None => Err("the message is gone".into()),
            };
            let now = clock.now();
            let recorded = match result {
                Ok(()) => store.mail_sent(claimed.id, now).await,
                Err(error) => {
                    let attempts = u32::try_from(claimed.attempts.max(1)).unwrap_or(1);
                    let wait =
                        mailer.config.retry_base.saturating_mul(2u32.saturating_pow(attempts - 1)).min(LONGEST_WAIT);
                    let retry_at = (claimed.attempts < MAX_ATTEMPTS).then(|| now + wait);
                    tracing::warn!(id = claimed.id, attempts = claimed.attempts, %error, "mail not sent; will retry");
                    store.mail_failed(claimed.id, &error, retry_at).await
                }
            };
            if let Err(error) = recorded {
                tracing::warn!(%error, "could not record a mail's outcome");
                break;
            }
        }
        tokio::select! {
            () = mailer.queued.notified() => {}
            () = tokio::time::sleep(poll) => {}
        }
    }
}

/// A confirmation mail's text part.
#[derive(Template)]
#[template(path = "mail/confirm.txt")]
struct ConfirmText<'a> {
    tr: &'a Tr,
    confirm_url: &'a str,
    unsubscribe_url: &'a str,
}

#[derive(Template)]
#[template(path = "mail/confirm.html")]
struct ConfirmHtml<'a> {
    tr: &'a Tr,
    confirm_url: &'a str,
    unsubscribe_url: &'a str,
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

/// The kinds of mail the site sends.
pub enum Mail<'a> {
    /// "Confirm your subscription."
    Confirm { confirm_url: &'a str, unsubscribe_url: &'a str },
    /// "Here is your link to leave."
    Unsubscribe { unsubscribe_url: &'a str },
}

/// Renders a mail to its RFC 5322 bytes. The only input from a visitor in
/// its headers is the recipient, already parsed as an [`EmailAddress`].
pub fn render(mailer: &Mailer, tr: &Tr, to: &EmailAddress, mail: &Mail<'_>) -> anyhow::Result<Vec<u8>> {
    let (subject, text, html, unsubscribe_url) = match mail {
        Mail::Confirm { confirm_url, unsubscribe_url } => (
            tr.t("mail-confirm-subject"),
            ConfirmText { tr, confirm_url, unsubscribe_url }.render()?,
            ConfirmHtml { tr, confirm_url, unsubscribe_url }.render()?,
            *unsubscribe_url,
        ),
        Mail::Unsubscribe { unsubscribe_url } => (
            tr.t("mail-unsubscribe-subject"),
            UnsubscribeText { tr, unsubscribe_url }.render()?,
            UnsubscribeHtml { tr, unsubscribe_url }.render()?,
            *unsubscribe_url,
        ),
    };
    let recipient = Mailbox::new(None, Address::from_str(to.as_str())?);
    let header = |name: &'static str, value: String| HeaderValue::new(HeaderName::new_from_ascii_str(name), value);
    let message = Message::builder()
        .from(mailer.config.from.clone())
        .to(recipient)
        .subject(subject)
        .message_id(Some(format!("<{}@oneinfive>", random::hex_token(16)?)))
        .raw_header(header("Content-Language", tr.lang().code().to_owned()))
        .raw_header(header("List-Unsubscribe", format!("<{unsubscribe_url}>")))
        .raw_header(header("List-Unsubscribe-Post", "List-Unsubscribe=One-Click".to_owned()))
        .raw_header(header("Auto-Submitted", "auto-generated".to_owned()))
        .multipart(MultiPart::alternative_plain_html(text, html))?;
    Ok(message.formatted())
}
