//! The worker that sends the outbox's mails: the site's own first (a
//! confirmation, an invitation), then the newsletter's at its pace, with
//! retries; and, once a minute, the housekeeping (purges, scheduled issues
//! started, issues finished).

use std::{
    collections::{BTreeSet, HashMap},
    sync::Arc,
    time::{Duration as StdDuration, Instant},
};

use futures_util::{StreamExt, stream};

use time::{Duration, OffsetDateTime};
use tokio::sync::watch;

use super::{Failure, IssueForReaders, IssueRecipient, MailRate, Mailer, Pacer, issue_for_readers, issue_mail};
use crate::{
    domain::EmailAddress,
    infra::clock::Clock,
    store::{Actor, Claimed, NewsletterIssue, StartOutcome, Store, StoreError, SuppressionReason},
    text::i18n::Lang,
};

/// Attempts before a mail is given up.
const MAX_ATTEMPTS: i32 = 15;
/// A mail taken by a worker that died is taken again after this.
const LEASE: Duration = Duration::minutes(5);
const LONGEST_WAIT: StdDuration = StdDuration::from_secs(3600);

/// The longest an SMTP server may take over a mail.
pub(super) const SMTP_TIMEOUT: StdDuration = StdDuration::from_secs(20);
/// The fewest mails the worker claims, and records as sent, at once. It
/// claims more when the newsletter's pace lets more go (see
/// [`batch_size`]); however many, a mail is tried only while its claim
/// outlasts the longest an SMTP server may take over it (see
/// [`lease_covers`]), so that no other worker takes it meanwhile.
const BATCH: u16 = 12;
/// The most it claims at once.
const LARGEST_BATCH: u16 = 500;
const _: () = assert!(SMTP_TIMEOUT.as_secs() * 2 < LEASE.whole_seconds() as u64);

/// How many mails the worker claims at once: half a second's worth at the
/// newsletter's pace, twelve at least, so that at 500 mails a second the
/// database is asked for its queue twice a second, not forty times (the
/// pace catches up the time a batch's recording and the next claim take).
fn batch_size(rate: MailRate) -> u16 {
    u16::try_from(rate.per_second / 2).unwrap_or(LARGEST_BATCH).clamp(BATCH, LARGEST_BATCH)
}

/// Whether a mail of a batch claimed at `claimed` may still be tried: its
/// claim lasts until the lease ends, and the SMTP server may take
/// [`SMTP_TIMEOUT`] over it.
fn lease_covers(claimed: Instant) -> bool {
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

/// What became of a claimed mail.
enum Outcome {
    Sent,
    Failed(Failure),
    /// Given back untried: the worker was told to stop, the claim was near
    /// its end, or the newsletter's pace held it.
    Untried,
}

impl From<Result<(), Failure>> for Outcome {
    fn from(result: Result<(), Failure>) -> Outcome {
        result.map_or_else(Outcome::Failed, |()| Outcome::Sent)
    }
}

/// Sends a claimed batch and records what became of each mail: sent,
/// failed (for a later retry), or given back untried. The site's own mails
/// go first, one after the other; then the newsletter's, at its pace,
/// several at once (see [`send_issue_mails`]). True when the newsletter's
/// pace held some of its mails back: the worker then waits before
/// claiming again.
async fn send_batch(
    store: &Store,
    mailer: &Mailer,
    clock: &Clock,
    stop: &watch::Receiver<bool>,
    pacer: &mut Pacer,
    batch: Vec<Claimed>,
) -> Result<bool, StoreError> {
    let claimed_at = Instant::now();
    let (site, issue_mails): (Vec<Claimed>, Vec<Claimed>) = batch.into_iter().partition(|mail| mail.issue_id.is_none());
    let mut outcomes = Vec::with_capacity(site.len() + issue_mails.len());
    for claimed in site {
        let outcome = match &claimed.message {
            // Told to stop, or the claim too close to its end: given back.
            _ if stopping(stop) || !lease_covers(claimed_at) => Outcome::Untried,
            Some(message) => mailer.send(claimed.id, &claimed.recipient, message).await.into(),
            None => Outcome::Failed(Failure::from("the message is gone")),
        };
        outcomes.push((claimed, outcome));
    }
    let issues: BTreeSet<i64> = issue_mails.iter().filter_map(|mail| mail.issue_id).collect();
    let (sent, held) = send_issue_mails(store, mailer, stop, pacer, claimed_at, issue_mails).await;
    outcomes.extend(sent);
    record(store, mailer, clock, outcomes).await?;
    for issue in issues {
        store.finish_if_done(issue, clock.now()).await?;
    }
    Ok(held)
}

/// Records what became of a batch's mails: the sent ones and the ones
/// given back in a statement each, a failure each on its own (a retry
/// later, or given up on; an address refused for good suppressed).
async fn record(
    store: &Store,
    mailer: &Mailer,
    clock: &Clock,
    outcomes: Vec<(Claimed, Outcome)>,
) -> Result<(), StoreError> {
    let mut sent = Vec::with_capacity(outcomes.len());
    let mut untried = Vec::new();
    let mut recorded = Ok(());
    for (claimed, outcome) in outcomes {
        match outcome {
            Outcome::Sent => sent.push(claimed.id),
            Outcome::Untried => untried.push(claimed.id),
            Outcome::Failed(Failure { error, refused_for_good: true }) => {
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
            Outcome::Failed(Failure { error, .. }) => {
                let attempts = u32::try_from(claimed.attempts.max(1)).unwrap_or(1);
                let wait = mailer.config.retry_base.saturating_mul(2u32.saturating_pow(attempts - 1)).min(LONGEST_WAIT);
                let retry_at = (claimed.attempts < MAX_ATTEMPTS).then(|| clock.now() + wait);
                tracing::warn!(id = claimed.id, attempts = claimed.attempts, %error, "mail not sent; will retry");
                recorded = recorded.and(store.mail_failed(claimed.id, &error, retry_at).await);
            }
        }
    }
    recorded.and(store.mails_sent(&sent, clock.now()).await).and(store.release_mails(&untried).await)
}

/// The longest a worker waits for the newsletter's pace with mails
/// claimed: past it (a window's cap reached), it gives them back.
const LONGEST_TURN: StdDuration = StdDuration::from_secs(30);

/// Sends a batch's newsletter mails: each starts at its turn at the
/// newsletter's pace, and up to [`MailRate::connections`] are under way at
/// once, so that a relay's time over each mail (its round trips, a delayed
/// acknowledgement) does not bring the pace below the rate. A mail whose
/// turn would come after [`LONGEST_TURN`] (a window's cap reached) is held,
/// with every one after it: true then. Told to stop, the mails under way
/// are finished and the rest given back.
async fn send_issue_mails(
    store: &Store,
    mailer: &Mailer,
    stop: &watch::Receiver<bool>,
    pacer: &mut Pacer,
    claimed_at: Instant,
    mails: Vec<Claimed>,
) -> (Vec<(Claimed, Outcome)>, bool) {
    if mails.is_empty() {
        return (Vec::new(), false);
    }
    let batch = BatchIssues::read(store, mailer, &mails).await;
    let batch = &batch;
    let mut held = false;
    let outcomes = stream::iter(mails)
        // One after the other: each mail's turn, taken as the one before
        // it starts.
        .then(|claimed| {
            let wait = if held || stopping(stop) || !lease_covers(claimed_at) {
                None
            } else {
                let now = Instant::now();
                let wait = pacer.delay(now);
                held = wait > LONGEST_TURN;
                (!held).then(|| {
                    pacer.record(now + wait);
                    wait
                })
            };
            let mut stop = stop.clone();
            async move {
                if let Some(wait) = wait.filter(|wait| !wait.is_zero()) {
                    tokio::select! {
                        () = tokio::time::sleep(wait) => {}
                        _ = stop.changed() => {}
                    }
                }
                let go = wait.is_some() && !stopping(&stop);
                (claimed, go)
            }
        })
        // Several under way at once.
        .map(|(claimed, go)| async move {
            if !go {
                return (claimed, Outcome::Untried);
            }
            let outcome = match batch.mail(mailer, &claimed) {
                Ok(message) => mailer.send(claimed.id, &claimed.recipient, &message).await.into(),
                Err(error) => Outcome::Failed(Failure::from(error)),
            };
            (claimed, outcome)
        })
        .buffer_unordered(mailer.rate().connections())
        .collect::<Vec<_>>()
        .await;
    (outcomes, held)
}

/// What a batch's newsletter mails are rendered from, read and rendered
/// once: their issues, each rendered for its readers of each language, and
/// the recipients' unsubscribe hashes.
struct BatchIssues {
    issues: HashMap<i64, Option<NewsletterIssue>>,
    rendered: HashMap<(i64, Lang), Option<IssueForReaders>>,
    hashes: HashMap<i64, String>,
}

impl BatchIssues {
    /// Unreadable now, an issue's mails fail and are tried again later.
    async fn read(store: &Store, mailer: &Mailer, mails: &[Claimed]) -> BatchIssues {
        let mut issues: HashMap<i64, Option<NewsletterIssue>> = HashMap::new();
        for id in mails.iter().filter_map(|mail| mail.issue_id) {
            if let std::collections::hash_map::Entry::Vacant(entry) = issues.entry(id) {
                // Unreadable now, its mails are tried again later.
                entry.insert(store.newsletter_issue(id).await.unwrap_or_else(|error| {
                    tracing::warn!(issue = id, %error, "could not read a newsletter issue");
                    None
                }));
            }
        }
        // Each issue rendered once for its readers of each language.
        let mut rendered: HashMap<(i64, Lang), Option<IssueForReaders>> = HashMap::new();
        for mail in mails {
            let (Some(id), lang) = (mail.issue_id, reader(mail)) else { continue };
            if let (std::collections::hash_map::Entry::Vacant(entry), Some(Some(issue)), Some(links)) =
                (rendered.entry((id, lang)), issues.get(&id), mailer.issue_links())
            {
                entry.insert(
                    issue_for_readers(links, issue, lang)
                        .map_err(|error| {
                            tracing::warn!(issue = id, %error, "could not render a newsletter issue");
                        })
                        .ok(),
                );
            }
        }
        let subscribers: Vec<i64> = mails.iter().filter_map(|mail| mail.subscriber_id).collect();
        let hashes = store.subscriber_unsubscribe_hashes(&subscribers).await.unwrap_or_else(|error| {
            tracing::warn!(%error, "could not read the recipients of a newsletter issue");
            HashMap::new()
        });
        BatchIssues { issues, rendered, hashes }
    }

    /// The mail of a claimed row, to its subscriber.
    fn mail(&self, mailer: &Mailer, claimed: &Claimed) -> Result<Vec<u8>, String> {
        let issue = claimed.issue_id.and_then(|id| self.issues.get(&id)).and_then(Option::as_ref);
        let rendered =
            claimed.issue_id.and_then(|id| self.rendered.get(&(id, reader(claimed)))).and_then(Option::as_ref);
        render_issue_mail(mailer, issue, rendered, &self.hashes, claimed)
    }
}

/// Renders an issue's mail to the subscriber of a claimed row, from the
/// issue rendered for its readers of the row's language and their current
/// unsubscribe token's hash (`hashes`, by subscriber).
fn render_issue_mail(
    mailer: &Mailer,
    issue: Option<&NewsletterIssue>,
    rendered: Option<&IssueForReaders>,
    hashes: &HashMap<i64, String>,
    claimed: &Claimed,
) -> Result<Vec<u8>, String> {
    let (Some(issue), Some(rendered), Some(links)) = (issue, rendered, mailer.issue_links()) else {
        return Err("no issue to render".into());
    };
    let Some(subscriber) = claimed.subscriber_id else { return Err("no subscriber".into()) };
    let Some(unsubscribe_hash) = hashes.get(&subscriber) else { return Err("the subscriber is gone".into()) };
    let recipient = IssueRecipient { subscriber, email: &claimed.recipient, lang: reader(claimed), unsubscribe_hash };
    issue_mail(mailer, links, issue, rendered, &recipient).map_err(|e| e.to_string())
}

/// The language of a claimed issue mail's reader.
fn reader(claimed: &Claimed) -> Lang {
    claimed.lang.as_deref().and_then(Lang::parse).unwrap_or(Lang::Fr)
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
