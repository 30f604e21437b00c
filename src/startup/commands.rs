//! The command line's subcommands for staff, sample data, subscribers,
//! events, signatories and news (`oneinfive admin …`, `oneinfive events
//! …`), as clap reads them; `config` holds the top level and the settings.

use std::path::PathBuf;

use clap::Subcommand;

use crate::formats::bounce_reports::Mailbox;

#[derive(Debug, Subcommand)]
pub enum AdminCommand {
    /// Create an account. The password is read twice from standard input
    /// (typed, unseen, at a terminal; two lines from a pipe).
    Create {
        /// The person's e-mail address, with which they sign in.
        email: String,
        /// What the person may do: `editor` (content: signatories, events,
        /// news, pages) or `admin` (also subscribers, accounts and the audit
        /// log).
        #[arg(long, value_enum, default_value_t = RoleArg::Editor)]
        role: RoleArg,
        /// The language of the person's back office: `fr` or `en` (they may
        /// change it under My account). Without it, their browser's.
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
    },
    /// Set a new password, read twice from standard input; ends the
    /// person's sessions.
    Passwd {
        /// The account's address.
        email: String,
    },
    /// Give an account another role.
    Role {
        /// The account's address.
        email: String,
        #[arg(value_enum)]
        role: RoleArg,
    },
    /// List the accounts: address, role, state.
    List,
    /// Disable an account (it can no longer sign in) and end its sessions.
    Disable {
        /// The account's address.
        email: String,
    },
    /// Delete an account for good.
    Delete {
        /// The account's address.
        email: String,
    },
    /// The two-step sign-in of an account.
    TwoStep {
        #[command(subcommand)]
        command: TwoStepCommand,
    },
}

/// `admin two-step …`.
#[derive(Debug, Subcommand)]
pub enum TwoStepCommand {
    /// Turn off an account's two-step sign-in (a person who lost both
    /// their phone and their recovery codes): its secret and recovery
    /// codes are forgotten; the person signs in with their password alone
    /// and may set it up again.
    Off {
        /// The account's address.
        email: String,
    },
}

/// A language as the command line names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum LangArg {
    Fr,
    En,
}

/// A role as the command line names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum RoleArg {
    Editor,
    Admin,
}

#[derive(Debug, Subcommand)]
pub enum SampleCommand {
    /// Delete every sample signatory, event and news item, all at once.
    Remove,
}

#[derive(Debug, Subcommand)]
pub enum SubscribersCommand {
    /// Write the confirmed subscribers as CSV (email,language,confirmed_at) on standard output.
    Export {
        /// Add the pending subscriptions too, with a status column.
        #[arg(long)]
        all: bool,
    },
    /// Erase a person entirely: subscription and queued mails.
    Delete {
        /// The address to erase.
        email: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum NewsletterCommand {
    /// Each issue's status and, once its sending has begun, its progress
    /// in each language: queued, sent, failed, left.
    Status,
    /// Read the bounces and complaints that came back to `--bounce-address`
    /// (delivery status notifications and ARF abuse reports, in a Maildir
    /// or an mbox) and suppress the addresses they name: a hard bounce or a
    /// complaint at once, soft bounces at the third within 30 days. Each
    /// report counts once, however often the mailbox is read; the messages
    /// that are no such report are listed, and left alone.
    Bounces {
        /// A Maildir (a folder with new/ and cur/) or an mbox file.
        #[arg(value_parser = Mailbox::parse_arg)]
        path: Mailbox,
    },
}

#[derive(Debug, Subcommand)]
pub enum EventsCommand {
    /// Add or update events from a CSV file, all or nothing.
    Import {
        /// CSV with the header slug,title_fr,title_en,start (and optional columns: see the README).
        file: PathBuf,
    },
    /// Write every event as CSV on standard output.
    Export,
}

#[derive(Debug, Subcommand)]
pub enum SignatoriesCommand {
    /// Add or update signatories from a CSV file, all or nothing.
    Import {
        /// CSV with the header name,kind,country,joined_on (optionally name_fr,name_en,website).
        file: PathBuf,
    },
    /// Write every signatory as CSV on standard output.
    Export,
}

#[derive(Debug, Subcommand)]
pub enum NewsCommand {
    /// Add or update news items from a folder of Markdown files, all or nothing.
    Import {
        /// A folder of NAME.fr.md / NAME.en.md files with TOML front matter, and their images.
        dir: PathBuf,
    },
    /// Write every news item and its images into a folder, in the format `import` reads.
    Export {
        /// The folder to write into; created if missing.
        dir: PathBuf,
    },
}
