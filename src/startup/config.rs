//! The command line and its settings, each with an environment fallback and
//! a default that lets the site run with no flag at all.

use std::{net::SocketAddr, path::PathBuf, time::Duration};

use clap::{Args, Parser, Subcommand};

pub use super::commands::{
    AdminCommand, EventsCommand, LangArg, NewsCommand, NewsletterCommand, RoleArg, SampleCommand, SignatoriesCommand,
    SubscribersCommand, TwoStepCommand,
};
pub use crate::domain::TimeZone;
pub use crate::web::settings::{ConnectionLimits, RenderLimits, SiteConfig};
use crate::{
    domain::EmailAddress,
    infra::mail::{
        MailConfig, MailRate, MailWindow,
        rate::{MAX_PER_SECOND, WindowError},
    },
    store::SessionLimits,
    text::pages::Contacts,
};

/// The embedded database used when no `--database-url` is given.
pub const DEFAULT_DATABASE_PATH: &str = "data/oneinfive.db";

#[derive(Debug, Parser)]
#[command(name = "oneinfive", version, about = "The ONE in FIVE campaign site and its Pact of cities and regions")]
pub struct Cli {
    /// postgres://… or sqlite://…; without it, the embedded SQLite file
    /// data/oneinfive.db, created and filled with sample data on first start.
    #[arg(long, env = "DATABASE_URL", global = true, hide_env_values = true)]
    pub database_url: Option<String>,

    /// How log lines are written on standard error: `text` for people,
    /// `json` (one object a line) for a log collector.
    #[arg(long, env = "LOG_FORMAT", global = true, value_enum, default_value_t = LogFormat::Text)]
    pub log_format: LogFormat,

    /// The secretariat's time zone (an IANA name): the back office shows
    /// and reads every time in it, and "today" is its day.
    #[arg(long, env = "TIME_ZONE", global = true, default_value = TimeZone::DEFAULT, value_parser = parse_time_zone)]
    pub time_zone: TimeZone,

    #[command(subcommand)]
    pub command: Option<Command>,
}

fn parse_mail_window(text: &str) -> Result<MailWindow, String> {
    text.parse().map_err(|e: WindowError| e.to_string())
}

fn parse_time_zone(name: &str) -> Result<TimeZone, String> {
    TimeZone::parse(name).map_err(|e| e.to_string())
}

/// The form of the log lines.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum LogFormat {
    Text,
    Json,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the site (the default when no command is given).
    Serve(Box<ServeArgs>),
    /// Apply pending migrations and exit.
    Migrate,
    /// Write a consistent copy of the SQLite database to a new file, while
    /// the site runs (on PostgreSQL, use pg_dump: see the README).
    Backup {
        /// The file to write; it must not exist yet.
        file: PathBuf,
    },
    /// Load the bundled sample data; running it twice changes nothing.
    Seed,
    /// Keep the list of signatories of the Pact.
    Signatories {
        #[command(subcommand)]
        command: SignatoriesCommand,
    },
    /// Keep the calendar of events.
    Events {
        #[command(subcommand)]
        command: EventsCommand,
    },
    /// Keep the campaign's news.
    News {
        #[command(subcommand)]
        command: NewsCommand,
    },
    /// The newsletter's subscribers.
    Subscribers {
        #[command(subcommand)]
        command: SubscribersCommand,
    },
    /// The newsletter's issues.
    Newsletter {
        #[command(subcommand)]
        command: NewsletterCommand,
    },
    /// The bundled sample data.
    Sample {
        #[command(subcommand)]
        command: SampleCommand,
    },
    /// The back office's staff accounts.
    Admin {
        #[command(subcommand)]
        command: AdminCommand,
    },
}

#[derive(Clone, Debug, Args)]
pub struct ServeArgs {
    /// The address to listen on.
    #[arg(long, env = "LISTEN_ADDR", default_value = "127.0.0.1:3000")]
    pub listen: SocketAddr,

    /// An address of its own on which to serve the Prometheus metrics,
    /// GET /metrics, and nothing else; off by default. Keep it private.
    #[arg(long, env = "METRICS_LISTEN")]
    pub metrics_listen: Option<SocketAddr>,

    /// The public origin for absolute links (feeds, mails), e.g. https://oneinfive.example.org;
    /// defaults to http:// and the listen address.
    #[arg(long, env = "BASE_URL")]
    pub base_url: Option<String>,

    /// The campaign's Facebook page, linked from the footer; none by
    /// default (the site links no address it has not confirmed).
    #[arg(long, env = "FACEBOOK_URL")]
    pub facebook_url: Option<String>,

    /// The SMTP server for outgoing mail: smtp://host:port, or smtps://user:pass@host:465.
    /// Without it, mails are written as .eml files into data/outbox/.
    #[arg(long, env = "SMTP_URL", hide_env_values = true)]
    pub smtp_url: Option<String>,

    /// The sender's address of outgoing mail, as `address` or `Name <address>`:
    /// each mail shows it under the campaign's name in its own language
    /// (UN sur CINQ, ONE in FIVE), whatever name is given here.
    #[arg(long, env = "MAIL_FROM", default_value = "ONE in FIVE <newsletter@localhost>")]
    pub mail_from: String,

    /// Where mails are written when no SMTP server is set.
    #[arg(long, env = "OUTBOX_DIR", default_value = "data/outbox")]
    pub outbox_dir: PathBuf,

    /// The envelope sender of outgoing mail (`MAIL FROM`, which arrives as
    /// `Return-Path`): the mailbox that delivery failures and complaints
    /// come back to. Default: the --mail-from address.
    #[arg(long, env = "BOUNCE_ADDRESS")]
    pub bounce_address: Option<String>,

    /// Newsletter mails sent a second at most, so as not to flood the SMTP server.
    #[arg(long, env = "MAIL_RATE", default_value_t = 10, value_parser = clap::value_parser!(u32).range(1..=i64::from(MAX_PER_SECOND)))]
    pub mail_rate: u32,

    /// A cap on newsletter mails within any stretch of a minute, an hour or
    /// a day, as SMTP providers impose (e.g. 10000/hour, 500/minute,
    /// 100000/day): past it, sending waits for the window to roll. None by default.
    #[arg(long, env = "MAIL_WINDOW", value_parser = parse_mail_window)]
    pub mail_window: Option<MailWindow>,

    /// A request header naming the client's address, set by a trusted reverse
    /// proxy (e.g. X-Forwarded-For); the rate limits then use it. Off by default.
    #[arg(long, env = "CLIENT_IP_HEADER")]
    pub client_ip_header: Option<String>,

    /// The secretariat's email address, given in the privacy notice.
    #[arg(long, env = "CONTACT_EMAIL")]
    pub contact_email: Option<String>,

    /// The data protection officer's email address, given in the privacy notice.
    #[arg(long, env = "DPO_EMAIL")]
    pub dpo_email: Option<String>,

    /// Who hosts the site, as the legal notice names it: a name and a postal
    /// address, on one line.
    #[arg(long, env = "HOSTING")]
    pub hosting: Option<String>,

    /// The licence the open data of the signatories are published under, as
    /// the legal notice names it (one line: its name, and its address if
    /// any); none by default: the site names no licence nobody chose.
    #[arg(long, env = "OPEN_DATA_LICENCE")]
    pub open_data_licence: Option<String>,

    /// The connections open at once at most; past it a connection gets 503.
    /// Default: what the open-file limit allows, at most 10,000.
    #[arg(long, env = "MAX_CONNECTIONS", value_parser = clap::value_parser!(u32).range(1..))]
    pub max_connections: Option<u32>,

    /// Seconds a client has to send a request's headers; also the longest a
    /// keep-alive connection stays idle.
    #[arg(long, env = "HEADER_TIMEOUT", default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..=3600))]
    pub header_timeout: u64,

    /// Seconds a stop (SIGTERM, Ctrl-C) waits for the requests in flight and the mail being sent.
    #[arg(long, env = "SHUTDOWN_GRACE", default_value_t = 10, value_parser = clap::value_parser!(u64).range(0..=3600))]
    pub shutdown_grace: u64,

    /// Public pages drawn at once when the page cache does not have them
    /// (searches, filters, pages of the directory); past it a request waits
    /// its turn. Default: half the processor's cores (at least one).
    #[arg(long, env = "RENDER_CONCURRENCY", value_parser = clap::value_parser!(u32).range(1..=10_000))]
    pub render_concurrency: Option<u32>,

    /// Requests waiting at most for a turn to draw, each for a second at
    /// most; past it a request gets 503 with `Retry-After: 1`. Default:
    /// four times the drawings at once.
    #[arg(long, env = "RENDER_QUEUE", value_parser = clap::value_parser!(u32).range(0..=100_000))]
    pub render_queue: Option<u32>,

    /// Minutes a back-office session lasts without a request.
    #[arg(long, env = "SESSION_IDLE_MINUTES", default_value_t = 30, value_parser = clap::value_parser!(u32).range(1..=1440))]
    pub session_idle_minutes: u32,

    /// Hours a back-office session lasts at most, however busy.
    #[arg(long, env = "SESSION_MAX_HOURS", default_value_t = 12, value_parser = clap::value_parser!(u32).range(1..=720))]
    pub session_max_hours: u32,

    /// Newsletter sign-ups and requests to leave a client address may make
    /// a minute (an office behind one address may need more).
    #[arg(long, env = "SIGNUPS_PER_MINUTE", default_value_t = 5, value_parser = clap::value_parser!(u32).range(1..=10_000))]
    pub signups_per_minute: u32,

    /// Who gets a mail for each newly confirmed application to join the
    /// Pact: addresses separated by commas; none, every admin.
    #[arg(long, env = "APPLICATIONS_NOTIFY", value_delimiter = ',')]
    pub applications_notify: Vec<String>,

    /// Back-office sign-in attempts (passwords and second-step codes) a
    /// client address may make in a quarter of an hour.
    #[arg(long, env = "SIGN_INS_PER_QUARTER_HOUR", default_value_t = 10, value_parser = clap::value_parser!(u32).range(1..=10_000))]
    pub sign_ins_per_quarter_hour: u32,
}

impl ServeArgs {
    /// The serve settings when no `serve` command is given: defaults and
    /// environment only.
    pub fn from_env() -> Result<ServeArgs, clap::Error> {
        #[derive(Parser)]
        struct Only {
            #[command(flatten)]
            serve: ServeArgs,
        }
        Only::try_parse_from(["oneinfive"]).map(|only| only.serve)
    }
}

impl SiteConfig {
    /// The settings a `serve` command line gives.
    pub fn from_args(args: &ServeArgs) -> Result<SiteConfig, String> {
        let base_url = args.base_url.clone().unwrap_or_else(|| format!("http://{}", args.listen));
        let mut config = SiteConfig::new(&base_url)?;
        config.facebook_url = args
            .facebook_url
            .as_deref()
            .map(str::trim)
            .filter(|url| !url.is_empty())
            .map(|url| match url::Url::parse(url) {
                Ok(parsed) if matches!(parsed.scheme(), "http" | "https") => Ok(url.to_owned()),
                _ => Err(format!("--facebook-url {url:?}: expected an http:// or https:// address")),
            })
            .transpose()?;
        config.mail = mail_config(args)?;
        config.client_ip_header = args
            .client_ip_header
            .as_deref()
            .map(|name| {
                axum::http::HeaderName::from_bytes(name.trim().as_bytes())
                    .map_err(|_| format!("--client-ip-header {name:?} is not a header name"))
            })
            .transpose()?;
        config.connections.header_read_timeout = Duration::from_secs(args.header_timeout);
        config.connections.shutdown_grace = Duration::from_secs(args.shutdown_grace);
        config.metrics_listen = args.metrics_listen;
        let one_line = |flag: &str, value: &Option<String>| {
            value
                .as_deref()
                .map(|text| crate::domain::text::one_line(text, 300).map_err(|e| format!("--{flag}: {e}")))
                .transpose()
                .map(|text| text.filter(|text| !text.is_empty()))
        };
        let email = |flag: &str, value: &Option<String>| {
            value
                .as_deref()
                .map(|text| {
                    EmailAddress::parse(text).map(|e| e.to_string()).map_err(|e| format!("--{flag} {text:?}: {e}"))
                })
                .transpose()
        };
        config.contacts = Contacts {
            secretariat: email("contact-email", &args.contact_email)?,
            dpo: email("dpo-email", &args.dpo_email)?,
            hosting: one_line("hosting", &args.hosting)?,
            licence: one_line("open-data-licence", &args.open_data_licence)?,
        };
        config.sessions = SessionLimits {
            idle: time::Duration::minutes(i64::from(args.session_idle_minutes)),
            max: time::Duration::hours(i64::from(args.session_max_hours)),
        };
        config.signups_per_minute = args.signups_per_minute;
        config.applications_notify = args
            .applications_notify
            .iter()
            .filter(|text| !text.trim().is_empty())
            .map(|text| EmailAddress::parse(text).map_err(|e| format!("--applications-notify {text:?}: {e}")))
            .collect::<Result<_, _>>()?;
        config.sign_ins_per_quarter_hour = args.sign_ins_per_quarter_hour;
        if let Some(concurrency) = args.render_concurrency {
            config.render.concurrency = concurrency as usize;
            config.render.queue = 4 * config.render.concurrency;
        }
        if let Some(queue) = args.render_queue {
            config.render.queue = queue as usize;
        }
        if let Some(max) = args.max_connections {
            config.connections.max_connections = max as usize;
        }
        Ok(config)
    }
}

/// Where the embedded database lives, as a path and as a URL.
pub fn default_database() -> (PathBuf, String) {
    (PathBuf::from(DEFAULT_DATABASE_PATH), format!("sqlite://{DEFAULT_DATABASE_PATH}"))
}

/// How mail leaves: the relay, the sender, the bounce address, the pace.
fn mail_config(args: &ServeArgs) -> Result<MailConfig, String> {
    let mut mail = MailConfig::new(args.smtp_url.clone(), &args.mail_from, args.outbox_dir.clone())?;
    mail.bounce = args
        .bounce_address
        .as_deref()
        .map(str::trim)
        .filter(|text| !text.is_empty())
        .map(|text| {
            EmailAddress::parse(text)
                .map_err(|e| e.to_string())
                .and_then(|address| address.as_str().parse::<lettre::Address>().map_err(|e| e.to_string()))
                .map_err(|e| format!("--bounce-address {text:?}: {e}"))
        })
        .transpose()?;
    mail.rate = MailRate { per_second: args.mail_rate, window: args.mail_window };
    Ok(mail)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn serve(args: &[&str]) -> Result<ServeArgs, clap::Error> {
        let mut line = vec!["oneinfive", "serve"];
        line.extend_from_slice(args);
        match Cli::try_parse_from(line)?.command {
            Some(Command::Serve(args)) => Ok(*args),
            other => panic!("not serve: {other:?}"),
        }
    }

    #[test]
    fn the_rate_limits_are_settings() {
        let defaults = SiteConfig::from_args(&serve(&[]).expect("defaults")).expect("settings");
        assert_eq!((defaults.signups_per_minute, defaults.sign_ins_per_quarter_hour), (5, 10));
        let args = serve(&["--signups-per-minute", "50", "--sign-ins-per-quarter-hour", "40"]).expect("flags");
        let set = SiteConfig::from_args(&args).expect("settings");
        assert_eq!((set.signups_per_minute, set.sign_ins_per_quarter_hour), (50, 40));
        assert!(serve(&["--signups-per-minute", "0"]).is_err(), "no sign-up at all is not a limit");
    }

    #[test]
    fn who_is_told_of_an_application_is_a_setting() {
        let defaults = SiteConfig::from_args(&serve(&[]).expect("defaults")).expect("settings");
        assert!(defaults.applications_notify.is_empty(), "every admin");
        let args = serve(&["--applications-notify", "Office@Example.org, pact@example.org"]).expect("flags");
        let set = SiteConfig::from_args(&args).expect("settings");
        let addresses: Vec<&str> = set.applications_notify.iter().map(|a| a.as_str()).collect();
        assert_eq!(addresses, ["office@example.org", "pact@example.org"]);
        let wrong = serve(&["--applications-notify", "not an address"]).expect("flags");
        assert!(SiteConfig::from_args(&wrong).is_err());
    }

    #[test]
    fn the_newsletter_leaves_at_the_configured_pace_with_its_bounces_where_asked() {
        let defaults = SiteConfig::from_args(&serve(&[]).expect("defaults")).expect("settings");
        assert_eq!(defaults.mail.rate, MailRate { per_second: 10, window: None });
        assert_eq!(defaults.mail.bounce, None);
        let args =
            serve(&["--mail-rate", "500", "--mail-window", "10000/hour", "--bounce-address", "bounces@example.org"])
                .expect("flags");
        let set = SiteConfig::from_args(&args).expect("settings");
        let window = MailWindow { count: 10_000, length: Duration::from_secs(3600) };
        assert_eq!(set.mail.rate, MailRate { per_second: 500, window: Some(window) });
        assert_eq!(set.mail.bounce.map(|a| a.to_string()), Some("bounces@example.org".to_owned()));
        assert!(serve(&["--mail-rate", "0"]).is_err());
        assert!(serve(&["--mail-rate", "10001"]).is_err());
        let error = serve(&["--mail-window", "10/week"]).expect_err("no week").to_string();
        assert!(error.contains("the length is minute, hour or day"), "{error}");
        let bad = serve(&["--bounce-address", "not an address"]).expect("read as text");
        let error = SiteConfig::from_args(&bad).expect_err("not an address");
        assert!(error.starts_with("--bounce-address \"not an address\""), "{error}");
    }

    #[test]
    fn sessions_last_as_configured() {
        let defaults = SiteConfig::from_args(&serve(&[]).expect("defaults")).expect("settings");
        assert_eq!(
            defaults.sessions,
            SessionLimits { idle: time::Duration::minutes(30), max: time::Duration::hours(12) }
        );
        let args = serve(&["--session-idle-minutes", "10", "--session-max-hours", "2"]).expect("flags");
        let set = SiteConfig::from_args(&args).expect("settings");
        assert_eq!(set.sessions, SessionLimits { idle: time::Duration::minutes(10), max: time::Duration::hours(2) });
        assert!(serve(&["--session-idle-minutes", "0"]).is_err());
        assert!(serve(&["--session-max-hours", "721"]).is_err());
    }

    #[test]
    fn drawings_are_bounded_as_configured() {
        let defaults = SiteConfig::from_args(&serve(&[]).expect("defaults")).expect("settings");
        let cores = std::thread::available_parallelism().map_or(2, std::num::NonZeroUsize::get);
        assert_eq!(defaults.render.concurrency, (cores / 2).max(1));
        assert_eq!(defaults.render.queue, 4 * defaults.render.concurrency);
        let set = SiteConfig::from_args(&serve(&["--render-concurrency", "3"]).expect("flags")).expect("settings");
        assert_eq!((set.render.concurrency, set.render.queue), (3, 12));
        let args = serve(&["--render-concurrency", "1", "--render-queue", "0"]).expect("flags");
        let set = SiteConfig::from_args(&args).expect("settings");
        assert_eq!((set.render.concurrency, set.render.queue), (1, 0));
        assert!(serve(&["--render-concurrency", "0"]).is_err());
    }

    #[test]
    fn admin_commands_parse() {
        let parsed =
            Cli::try_parse_from(["oneinfive", "admin", "create", "a@example.org", "--role", "admin"]).expect("parse");
        assert!(matches!(
            parsed.command,
            Some(Command::Admin { command: AdminCommand::Create { role: RoleArg::Admin, .. } })
        ));
        let parsed = Cli::try_parse_from(["oneinfive", "admin", "create", "a@example.org"]).expect("parse");
        assert!(matches!(
            parsed.command,
            Some(Command::Admin { command: AdminCommand::Create { role: RoleArg::Editor, .. } })
        ));
        // A password is never an argument.
        assert!(Cli::try_parse_from(["oneinfive", "admin", "create", "a@example.org", "--password", "x"]).is_err());
    }
}
