//! `newsletter bounces PATH`: the bounce and complaint reports of a
//! mailbox applied to the suppressions, each report once (the store
//! remembers a hash of each report it applied), with a line for each
//! address and one for each message not understood.

use std::{
    io::{StdoutLock, Write},
    path::Path,
    process::ExitCode,
};

use time::OffsetDateTime;

use crate::{
    domain::EmailAddress,
    formats::bounce_reports::{self, Mailbox, MailboxMessage, Notice, What},
    infra::clock::Clock,
    startup::database::open,
    store::{Feedback, FeedbackOutcome, SOFT_BOUNCE_WINDOW as WINDOW, SOFT_BOUNCES_TO_SUPPRESS, Store},
};

/// Reads every message of the mailbox and says what it did.
pub async fn run(url: Option<String>, mailbox: &Mailbox) -> anyhow::Result<ExitCode> {
    let messages = mailbox.messages()?;
    let store = open(url).await?;
    let mut out = std::io::stdout().lock();
    let mut tally = Tally::default();
    for message in messages {
        handle(&store, &message, &mut tally, &mut out).await?;
    }
    writeln!(out, "{}", tally.summary(mailbox.path()))?;
    Ok(ExitCode::SUCCESS)
}

/// What the messages of a mailbox came to.
#[derive(Debug, Default)]
struct Tally {
    messages: usize,
    read_before: usize,
    not_understood: usize,
    suppressed: usize,
    already_suppressed: usize,
    counted: usize,
    too_old: usize,
    nothing: usize,
}

impl Tally {
    /// `PATH: 5 messages, 1 read before, 1 not understood; addresses: …`.
    fn summary(&self, path: &Path) -> String {
        let messages = if self.messages == 1 { "message" } else { "messages" };
        format!(
            "{}: {} {messages}, {} read before, {} not understood; addresses: {} suppressed, {} counted (soft \
             bounces), {} too old to count, {} already suppressed, {} nothing to do",
            path.display(),
            self.messages,
            self.read_before,
            self.not_understood,
            self.suppressed,
            self.counted,
            self.too_old,
            self.already_suppressed,
            self.nothing
        )
    }

    /// Counts what the store did with a notice, and says it.
    fn count(&mut self, notice: &Notice, outcome: FeedbackOutcome) -> String {
        match outcome {
            FeedbackOutcome::Suppressed => {
                self.suppressed += 1;
                match notice.what {
                    What::SoftBounce { .. } => {
                        format!(
                            "suppressed ({SOFT_BOUNCES_TO_SUPPRESS} soft bounces within {} days)",
                            WINDOW.whole_days()
                        )
                    }
                    _ => "suppressed".to_owned(),
                }
            }
            FeedbackOutcome::AlreadySuppressed => {
                self.already_suppressed += 1;
                "already suppressed".to_owned()
            }
            FeedbackOutcome::Counted(n) => {
                self.counted += 1;
                format!("counted, {n} of {SOFT_BOUNCES_TO_SUPPRESS} within {} days", WINDOW.whole_days())
            }
            FeedbackOutcome::TooOld => {
                self.too_old += 1;
                format!("from before the last {} days, not counted", WINDOW.whole_days())
            }
        }
    }
}

/// Applies one message's report, once, and says what it did; lists it if
/// it is not understood.
async fn handle(
    store: &Store,
    message: &MailboxMessage,
    tally: &mut Tally,
    out: &mut StdoutLock<'_>,
) -> anyhow::Result<()> {
    tally.messages += 1;
    let place = &message.place;
    let reading = match &message.contents {
        Ok(bytes) => bounce_reports::read(bytes),
        Err(why) => {
            tally.not_understood += 1;
            writeln!(out, "not understood: {place}: cannot be read: {why}")?;
            return Ok(());
        }
    };
    let report = match reading.report {
        Ok(report) => report,
        Err(why) => {
            tally.not_understood += 1;
            let subject = reading.subject.as_deref().map_or_else(|| "(no subject)".to_owned(), one_line);
            writeln!(out, "not understood: {place} (Subject: {subject}): {why}")?;
            return Ok(());
        }
    };
    let now = Clock::system().now();
    let acts: Vec<(EmailAddress, Feedback, OffsetDateTime)> = report
        .notices
        .iter()
        .filter_map(|notice| feedback(&notice.what).map(|f| (notice.address.clone(), f, notice.at.unwrap_or(now))))
        .collect();
    let Some(outcomes) = store.read_report(&report.fingerprint, &acts, now).await? else {
        tally.read_before += 1;
        return Ok(());
    };
    let mut outcomes = outcomes.into_iter();
    for notice in &report.notices {
        let done = match feedback(&notice.what) {
            Some(_) => outcomes.next().map(|outcome| tally.count(notice, outcome)),
            None => None,
        };
        let done = done.unwrap_or_else(|| {
            tally.nothing += 1;
            "nothing to do".to_owned()
        });
        writeln!(out, "{}: {}: {done}", notice.address, describe(&notice.what))?;
    }
    Ok(())
}

/// What the store is to do with a notice; `None`: nothing.
fn feedback(what: &What) -> Option<Feedback> {
    match what {
        What::HardBounce { .. } => Some(Feedback::HardBounce),
        What::SoftBounce { .. } => Some(Feedback::SoftBounce),
        What::Complaint { .. } => Some(Feedback::Complaint),
        What::Nothing { .. } => None,
    }
}

fn describe(what: &What) -> String {
    match what {
        What::HardBounce { status } => format!("hard bounce ({status})"),
        What::SoftBounce { status } => format!("soft bounce ({status})"),
        What::Complaint { feedback_type } => format!("complaint ({feedback_type})"),
        What::Nothing { said } => said.clone(),
    }
}

/// A subject on one line, its control characters made spaces.
fn one_line(subject: &str) -> String {
    subject.chars().map(|c| if c.is_control() { ' ' } else { c }).collect()
}
