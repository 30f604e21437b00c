//! Outgoing mail: messages rendered from the project's templates in the
//! reader's language, queued in the outbox table with what they announce,
//! and sent by a background worker — over SMTP, or, when no SMTP server is
//! configured, written as `.eml` files into a folder so that a local try-out
//! works end to end. The tests keep what is sent in memory instead
//! ([`MemoryOutbox`]), and wait for it there.

use std::{collections::HashMap, path::PathBuf, str::FromStr, sync::Arc, time::Duration as StdDuration};

use askama::Template;
use lettre::{
    Address, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor,
    address::Envelope,
    message::{
        Mailbox, MultiPart,
        header::{HeaderName, HeaderValue},
    },
};
use time::{Duration, OffsetDateTime};
use tokio::sync::{Notify, watch};

use super::{clock::Clock, random};
use crate::{
    domain::EmailAddress,
    store::{Actor, Claimed, INVITATION_LIFETIME, NewsletterIssue, StartOutcome, Store, StoreError, SuppressionReason},
    text::i18n::{Arg, Lang, Tr},
};
pub use applications::{ApplicationMail, render_application};
pub use issue::{IssueMail, IssueParts, IssueText, issue_parts, render_issue, render_issue_test};
pub use issue_links::{IssueLinks, IssueRecipient, issue_mail, token_subscriber};
pub use rate::{MailRate, MailWindow, Pacer};

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

/// Attempts before a mail is given up.
const MAX_ATTEMPTS: i32 = 15;
/// A mail taken by a worker that died is taken again after this.
const LEASE: Duration = Duration::minutes(5);
const LONGEST_WAIT: StdDuration = StdDuration::from_secs(3600);

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
                    .timeout(Some(SMTP_TIMEOUT))
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

/// The longest an SMTP server may take over a mail.
const SMTP_TIMEOUT: StdDuration = StdDuration::from_secs(20);
/// The fewest mails the worker claims, and records as sent, at once. It
/// claims more when the newsletter's pace lets more go (see
/// [`batch_size`]); however many, a mail is tried only while its claim
/// outlasts the longest an SMTP server may take over it (see
/// [`lease_covers`]), so that no other worker takes it meanwhile.
const BATCH: u16 = 12;
/// The most it claims at once.
const LARGEST_BATCH: u16 = 500;
const _: () = assert!(SMTP_TIMEOUT.as_secs() * 2 < LEASE.whole_seconds() as u64);

/// How many mails the worker claims at once: a quarter of a second's
/// worth at the newsletter's pace, twelve at least, so that at 500 mails a
/// second the database is asked for its queue eight times a second, not
/// forty.
fn batch_size(rate: MailRate) -> u16 {
    u16::try_from(rate.per_second / 4).unwrap_or(LARGEST_BATCH).clamp(BATCH, LARGEST_BATCH)
}

/// Whether a mail of a batch claimed at `claimed` may still be tried: its
/// claim lasts until the lease ends, and the SMTP server may take
/// [`SMTP_TIMEOUT`] over it.
fn lease_covers(claimed: std::time::Instant) -> bool {
    claimed.elapsed() + SMTP_TIMEOUT < LEASE.unsigned_abs()
}
/// How long the worker waits, once woken by a queued mail, for others to
/// send with it: a confirmation mail leaves a twentieth of a second
/// later, and 200 sign-ups a second cost the database 40 commits a second
/// rather than 400.
const GATHER: StdDuration = StdDuration::from_millis(50);

/// How often the worker purges expired pending subscriptions, old counts
/// of attempts, old form drafts, expired preview links of news drafts,
/// what is past its 30 days in the trash, the recipients of issues sent 90
/// days ago and soft bounces older than 30 days
/// (a write each, not worth one per mail).
const HOUSEKEEPING_EVERY: Duration = Duration::minutes(1);

/// Sends queued mails until `stop` turns true (or its sender is gone):
/// whatever is due, then waits for a notification or the next retry.
/// Expired pending subscriptions and old counts of attempts are purged on
/// the way, once a minute at most.
///
/// Told to stop, the worker claims no new batch: the mail it is sending is
/// finished and recorded as sent (cut off, it would go again at the next
/// start, a duplicate), the rest of its batch is given back untried, and
/// it returns.
pub async fn run_worker(store: Store, mailer: Arc<Mailer>, clock: Clock, mut stop: watch::Receiver<bool>) {
    let poll = mailer.config.retry_base.min(StdDuration::from_secs(5));
    let mut next_housekeeping = OffsetDateTime::UNIX_EPOCH;
    // The newsletter's pace (`--mail-rate`, `--mail-window`), kept from
    // one batch to the next; the site's own mails (confirmations,
    // invitations) are not held by it.
    let mut pacer = Pacer::new(mailer.rate());
    let batch_size = batch_size(mailer.rate());
    loop {
        if stopping(&stop) {
            return;
        }
        let now = clock.now();
        if now >= next_housekeeping {
            if let Err(error) = store.purge_expired(now).await {
                tracing::warn!(%error, "could not purge expired subscriptions");
            }
            if let Err(error) = store.forget_old_attempts(now).await {
                tracing::warn!(%error, "could not forget old attempts");
            }
            if let Err(error) = store.forget_old_drafts(now).await {
                tracing::warn!(%error, "could not forget old form drafts");
            }
            if let Err(error) = store.purge_trash(now).await {
                tracing::warn!(%error, "could not erase what is past its 30 days in the trash");
            }
            if let Err(error) = store.purge_news_preview_links(now).await {
                tracing::warn!(%error, "could not purge expired preview links");
            }
            if let Err(error) = store.purge_issue_recipients(now).await {
                tracing::warn!(%error, "could not erase the recipients of issues sent 90 days ago");
            }
            if let Err(error) = store.purge_applications(now).await {
                tracing::warn!(%error, "could not erase the applications past their time")
            }
            if let Err(error) = store.forget_old_soft_bounces(now).await {
                tracing::warn!(%error, "could not forget soft bounces older than 30 days");
            }
            start_scheduled(&store, now).await;
            next_housekeeping = now + HOUSEKEEPING_EVERY;
        }
        while !stopping(&stop) {
            let batch = match store.claim_mails(clock.now(), LEASE, batch_size).await {
                Ok(batch) if batch.is_empty() => break,
                Ok(batch) => batch,
                Err(error) => {
                    tracing::warn!(%error, "mail outbox unavailable");
                    break;
                }
            };
            match send_batch(&store, &mailer, &clock, &stop, &mut pacer, batch).await {
                Ok(false) => {}
                // The newsletter waits for its window to roll.
                Ok(true) => break,
                Err(error) => {
                    tracing::warn!(%error, "could not record a mail's outcome");
                    break;
                }
            }
        }
        tokio::select! {
            () = mailer.queued.notified() => {
                // The sign-ups that follow this one within `GATHER` are
                // claimed and recorded with it, in two commits.
                tokio::time::sleep(GATHER).await;
            }
            () = tokio::time::sleep(poll) => {}
            // A stop (or the sender gone) ends the wait; the loop's top returns.
            _ = stop.changed() => {}
        }
    }
}

/// Whether the worker was told to stop, or no one is left to tell it.
fn stopping(stop: &watch::Receiver<bool>) -> bool {
    *stop.borrow() || stop.has_changed().is_err()
}

/// Sends a claimed batch, one mail after the other, and records what
/// became of each: sent, failed (for a later retry), or, once `stop` is
/// set, given back untried. True when the newsletter's pace held some of
/// its mails back (given back too): the worker then waits before claiming
/// again.
async fn send_batch(
    store: &Store,
    mailer: &Mailer,
    clock: &Clock,
    stop: &watch::Receiver<bool>,
    pacer: &mut Pacer,
    batch: Vec<Claimed>,
) -> Result<bool, StoreError> {
    let mut sent = Vec::with_capacity(batch.len());
    let mut untried = Vec::new();
    // The newsletter's mails held back by its pace.
    let mut held = false;
    let mut recorded = Ok(());
    let mut issues: HashMap<i64, Option<NewsletterIssue>> = HashMap::new();
    // The issue mails' recipients' unsubscribe hashes, in one query.
    let subscribers: Vec<i64> =
        batch.iter().filter(|mail| mail.issue_id.is_some()).filter_map(|mail| mail.subscriber_id).collect();
    let hashes = store.subscriber_unsubscribe_hashes(&subscribers).await.unwrap_or_else(|error| {
        tracing::warn!(%error, "could not read the recipients of a newsletter issue");
        HashMap::new()
    });
    let claimed_at = std::time::Instant::now();
    for claimed in batch {
        // Told to stop, or the claim too close to its end: given back.
        if stopping(stop) || !lease_covers(claimed_at) {
            untried.push(claimed.id);
            continue;
        }
        let result = match (&claimed.message, claimed.issue_id) {
            (Some(message), _) => mailer.send(claimed.id, &claimed.recipient, message).await,
            (None, Some(issue)) => {
                // At the newsletter's pace: a stop during the wait, or a wait
                // longer than a claim should be held (a window's cap reached),
                // gives the mail back untried.
                if held || !wait_for_turn(pacer, stop).await {
                    held = held || !stopping(stop);
                    untried.push(claimed.id);
                    continue;
                }
                pacer.record(std::time::Instant::now());
                if let std::collections::hash_map::Entry::Vacant(entry) = issues.entry(issue) {
                    // Unreadable now, its mails are tried again later.
                    entry.insert(store.newsletter_issue(issue).await.unwrap_or_else(|error| {
                        tracing::warn!(issue, %error, "could not read a newsletter issue");
                        None
                    }));
                }
                match render_issue_mail(mailer, issues.get(&issue).and_then(Option::as_ref), &hashes, &claimed) {
                    Ok(message) => mailer.send(claimed.id, &claimed.recipient, &message).await,
                    Err(error) => Err(Failure::from(error)),
                }
            }
            (None, None) => Err(Failure::from("the message is gone")),
        };
        match result {
            Ok(()) => sent.push(claimed.id),
            Err(Failure { error, refused_for_good: true }) => {
                // The address is refused for good: the mail is not tried
                // again and, for a subscriber's (a newsletter issue), the
                // address gets no more mail. A confirmation to an address
                // that does not exist keeps nothing of it.
                tracing::warn!(id = claimed.id, %error, "the recipient's address is refused for good");
                if let (Some(_), Ok(address)) = (claimed.issue_id, EmailAddress::parse(&claimed.recipient)) {
                    recorded = recorded
                        .and(store.suppress(&address, SuppressionReason::Bounced, clock.now()).await.map(|_| ()));
                }
                recorded = recorded.and(store.mail_failed(claimed.id, &error, None).await);
            }
            Err(Failure { error, .. }) => {
                let attempts = u32::try_from(claimed.attempts.max(1)).unwrap_or(1);
                let wait = mailer.config.retry_base.saturating_mul(2u32.saturating_pow(attempts - 1)).min(LONGEST_WAIT);
                let retry_at = (claimed.attempts < MAX_ATTEMPTS).then(|| clock.now() + wait);
                tracing::warn!(id = claimed.id, attempts = claimed.attempts, %error, "mail not sent; will retry");
                recorded = recorded.and(store.mail_failed(claimed.id, &error, retry_at).await);
            }
        }
    }
    recorded.and(store.mails_sent(&sent, clock.now()).await).and(store.release_mails(&untried).await)?;
    for issue in issues.into_keys() {
        store.finish_if_done(issue, clock.now()).await?;
    }
    Ok(held)
}

/// The longest a worker waits for the newsletter's pace with mails
/// claimed: past it (a window's cap reached), it gives them back.
const LONGEST_TURN: StdDuration = StdDuration::from_secs(30);

/// Waits until the pacer lets the next issue mail go: false when told to
/// stop meanwhile, or when the wait would be longer than [`LONGEST_TURN`].
async fn wait_for_turn(pacer: &Pacer, stop: &watch::Receiver<bool>) -> bool {
    let wait = pacer.delay(std::time::Instant::now());
    if wait > LONGEST_TURN {
        return false;
    }
    if !wait.is_zero() {
        let mut stop = stop.clone();
        tokio::select! {
            () = tokio::time::sleep(wait) => {}
            _ = stop.changed() => {}
        }
    }
    !stopping(stop)
}

/// Renders an issue's mail to the subscriber of a claimed row, from their
/// current unsubscribe token's hash (`hashes`, by subscriber).
fn render_issue_mail(
    mailer: &Mailer,
    issue: Option<&NewsletterIssue>,
    hashes: &HashMap<i64, String>,
    claimed: &Claimed,
) -> Result<Vec<u8>, String> {
    let (Some(issue), Some(links)) = (issue, mailer.issue_links()) else {
        return Err("no issue to render".into());
    };
    let Some(subscriber) = claimed.subscriber_id else { return Err("no subscriber".into()) };
    let Some(unsubscribe_hash) = hashes.get(&subscriber) else { return Err("the subscriber is gone".into()) };
    let lang = claimed.lang.as_deref().and_then(Lang::parse).unwrap_or(Lang::Fr);
    let recipient = IssueRecipient { subscriber, email: &claimed.recipient, lang, unsubscribe_hash };
    issue_mail(mailer, links, issue, &recipient).map_err(|e| e.to_string())
}

/// Starts the scheduled issues whose time has come, as the site itself,
/// and closes the issues being sent that have no mail left (none had
/// recipients, or the last ones left or were suppressed).
async fn start_scheduled(store: &Store, now: OffsetDateTime) {
    match store.issues_being_sent().await {
        Ok(ids) => {
            for id in ids {
                if let Err(error) = store.finish_if_done(id, now).await {
                    tracing::warn!(issue = id, %error, "could not close a newsletter issue");
                }
            }
        }
        Err(error) => tracing::warn!(%error, "could not read the newsletter issues being sent"),
    }
    let due = match store.due_scheduled(now).await {
        Ok(due) => due,
        Err(error) => {
            tracing::warn!(%error, "could not read the scheduled newsletter issues");
            return;
        }
    };
    for issue in due {
        match store.start_sending(issue.id, issue.version, &Actor::CommandLine, now).await {
            Ok(StartOutcome::Started { fr, en }) => {
                tracing::info!(issue = issue.id, fr, en, "newsletter sending started")
            }
            Ok(outcome) => tracing::info!(issue = issue.id, ?outcome, "scheduled newsletter issue not started"),
            Err(error) => tracing::warn!(issue = issue.id, %error, "could not start a scheduled newsletter issue"),
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

#[cfg(test)]
mod tests;
