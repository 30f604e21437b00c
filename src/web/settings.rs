//! The settings the site runs with, fixed at start-up: its address, mail,
//! contacts, the bounds on connections and on drawing pages, sessions and
//! rate limits. The command line fills them (`startup::config`); the
//! defaults let the site run with no flag at all.

use std::{net::SocketAddr, path::PathBuf, time::Duration};

use crate::{
    domain::TimeZone,
    infra::{clock::Clock, mail::MailConfig},
    store::SessionLimits,
    text::pages::Contacts,
};

/// The largest request body a page accepts; larger ones get 413. (The
/// routes that take more say so: an upload, a long form.)
pub const BODY_LIMIT: usize = 16 * 1024;

/// The settings the site needs, fixed at start-up.
#[derive(Clone, Debug)]
pub struct SiteConfig {
    /// The public origin, without a trailing slash.
    pub base_url: String,
    pub facebook_url: Option<String>,
    pub mail: MailConfig,
    /// The header a trusted proxy names the client's address in, if any.
    pub client_ip_header: Option<axum::http::HeaderName>,
    /// Newsletter sign-ups a client may make per minute.
    pub signups_per_minute: u32,
    /// Requests per hundredth of a second from which the page cache trusts
    /// the cheap signs of change instead of reading the revision for every
    /// request (see `web::page_cache::Revisions`).
    pub busy_threshold: u64,
    /// What time it is: the system's, or a test's.
    pub clock: Clock,
    /// The bounds on connections: header time-out, how many, the grace
    /// period of a stop.
    pub connections: ConnectionLimits,
    /// The addresses the privacy notice gives.
    pub contacts: Contacts,
    /// How long a back-office session lasts, idle and in all.
    pub sessions: SessionLimits,
    /// Sign-in attempts a client address may make per quarter of an hour.
    pub sign_ins_per_quarter_hour: u32,
    /// Where to serve the Prometheus metrics, if anywhere.
    pub metrics_listen: Option<SocketAddr>,
    /// How many public pages are drawn at once, and how many wait.
    pub render: RenderLimits,
    /// The secretariat's time zone: the back office's times are in it.
    pub time_zone: TimeZone,
    /// Who is told of each newly confirmed application to join the Pact;
    /// none: every admin.
    pub applications_notify: Vec<crate::domain::EmailAddress>,
}

impl SiteConfig {
    /// The secretariat's day now: the latest a date of signature may bear.
    pub fn today(&self) -> time::Date {
        self.time_zone.today(self.clock.now())
    }

    /// The settings with mail written to `data/outbox` and no proxy trusted.
    pub fn new(base_url: &str) -> Result<SiteConfig, String> {
        let parsed = url::Url::parse(base_url).map_err(|e| format!("--base-url {base_url:?}: {e}"))?;
        if !matches!(parsed.scheme(), "http" | "https") || parsed.host_str().is_none() {
            return Err(format!("--base-url {base_url:?}: expected an http:// or https:// origin"));
        }
        Ok(SiteConfig {
            base_url: base_url.trim_end_matches('/').to_owned(),
            facebook_url: None,
            mail: MailConfig::new(None, "ONE in FIVE <newsletter@localhost>", PathBuf::from("data/outbox"))?,
            client_ip_header: None,
            signups_per_minute: 5,
            busy_threshold: super::page_cache::BUSY_THRESHOLD,
            clock: Clock::system(),
            connections: ConnectionLimits::for_this_process(),
            contacts: Contacts::default(),
            sessions: SessionLimits { idle: time::Duration::minutes(30), max: time::Duration::hours(12) },
            sign_ins_per_quarter_hour: 10,
            metrics_listen: None,
            render: RenderLimits::for_this_machine(),
            time_zone: TimeZone::parse(TimeZone::DEFAULT).map_err(|e| e.to_string())?,
            applications_notify: Vec::new(),
        })
    }
}

/// How many draw at once, how many wait, and how long.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RenderLimits {
    /// Drawings at once.
    pub concurrency: usize,
    /// Requests waiting for a turn at most; past it a request is refused.
    pub queue: usize,
    /// How long each drawing pauses before it starts: zero, but in the
    /// tests, which need drawings that last to show the bound.
    pub pause: Duration,
}

impl RenderLimits {
    /// Half the processor's cores at once (one at least), and as many
    /// waiting as four times that: the other half stays free for the pages
    /// the cache keeps, which a flood of searches would otherwise slow
    /// (see docs/architecture.md, "A flood of searches").
    pub fn for_this_machine() -> RenderLimits {
        let cores = std::thread::available_parallelism().map_or(2, std::num::NonZeroUsize::get);
        let concurrency = (cores / 2).max(1);
        RenderLimits { concurrency, queue: 4 * concurrency, pause: Duration::ZERO }
    }
}

/// The bounds on connections.
#[derive(Clone, Copy, Debug)]
pub struct ConnectionLimits {
    /// The time a client has to send a request's headers, and the longest
    /// a keep-alive connection stays idle.
    pub header_read_timeout: Duration,
    /// The connections open at once at most.
    pub max_connections: usize,
    /// How long a stop waits for the requests in flight and the mail being sent.
    pub shutdown_grace: Duration,
}

/// File descriptors kept for the database, the mail and the logs.
const RESERVED_FILES: u64 = 64;

impl ConnectionLimits {
    /// The defaults: 10 seconds for headers and idleness, as many
    /// connections as the open-file limit allows (raised to the hard limit,
    /// less what the process needs for itself, at most 10,000), 10 seconds
    /// of grace.
    pub fn for_this_process() -> ConnectionLimits {
        let files = match rlimit::increase_nofile_limit(u64::MAX) {
            Ok(files) => files,
            Err(error) => {
                tracing::warn!(%error, "cannot raise the open-file limit");
                rlimit::getrlimit(rlimit::Resource::NOFILE).map_or(1024, |(soft, _)| soft)
            }
        };
        let max_connections = files.saturating_sub(RESERVED_FILES).clamp(16, 10_000);
        ConnectionLimits {
            header_read_timeout: Duration::from_secs(10),
            max_connections: usize::try_from(max_connections).unwrap_or(1024),
            shutdown_grace: Duration::from_secs(10),
        }
    }
}
