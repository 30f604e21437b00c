//! The pace at which the newsletter leaves: so many mails a second, and at
//! most so many in a window (an hour, a day) as SMTP providers impose.
//!
//! [`Pacer`] is pure: it is told when each mail went and asked, at a given
//! instant, how long to wait before the next one. The sender sleeps; the
//! tests move a clock of their own instead.

use std::{collections::VecDeque, fmt, str::FromStr, time::Duration, time::Instant};

/// The most mails a second the site sends at.
pub const MAX_PER_SECOND: u32 = 10_000;
/// The most mails a window may hold: the pacer remembers when each of the
/// last ones went.
pub const MAX_PER_WINDOW: u32 = 1_000_000;

/// How fast mail may leave: `per_second` at most, and, when a window is
/// set, never more than its count within any stretch of its length.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MailRate {
    pub per_second: u32,
    pub window: Option<MailWindow>,
}

/// The most connections to the SMTP server the newsletter's mails take at
/// once.
pub const MAX_CONNECTIONS: usize = 64;

impl MailRate {
    /// How many of the newsletter's mails may be under way at once, each on
    /// its own connection to the SMTP server: one for every 10 mails a
    /// second (one at the default 10, 50 at 500), at most
    /// [`MAX_CONNECTIONS`]. A server's time over a mail — its round trips,
    /// and the 40 ms its delayed acknowledgement holds the message's last
    /// line (lettre writes it apart, with Nagle's algorithm on) — then does
    /// not bring the pace below the rate as long as it is under 100 ms.
    pub fn connections(&self) -> usize {
        (self.per_second.div_ceil(10) as usize).clamp(1, MAX_CONNECTIONS)
    }
}

impl Default for MailRate {
    /// Ten mails a second, no window.
    fn default() -> MailRate {
        MailRate { per_second: 10, window: None }
    }
}

/// A provider's cap: `count` mails at most in any `length` of time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MailWindow {
    pub count: u32,
    pub length: Duration,
}

/// A `--mail-window` that cannot be read.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum WindowError {
    #[error("{0:?}: expected a count of mails and a length, e.g. 10000/hour, 500/minute or 100000/day")]
    Form(String),
    #[error("{0:?}: the count is a whole number from 1 to {MAX_PER_WINDOW}")]
    Count(String),
    #[error("{0:?}: the length is minute, hour or day")]
    Length(String),
}

impl FromStr for MailWindow {
    type Err = WindowError;

    /// Reads `10000/hour`, `500/minute`, `100000/day` (spaces around the
    /// parts and `_` between digits allowed).
    fn from_str(text: &str) -> Result<MailWindow, WindowError> {
        let Some((count, length)) = text.split_once('/') else {
            return Err(WindowError::Form(text.to_owned()));
        };
        let digits: String = count.trim().chars().filter(|c| *c != '_').collect();
        let count = match digits.parse::<u32>() {
            Ok(count) if (1..=MAX_PER_WINDOW).contains(&count) && digits.bytes().all(|b| b.is_ascii_digit()) => count,
            _ => return Err(WindowError::Count(text.to_owned())),
        };
        let length = match length.trim().to_ascii_lowercase().as_str() {
            "minute" => Duration::from_secs(60),
            "hour" => Duration::from_secs(3600),
            "day" => Duration::from_secs(86_400),
            _ => return Err(WindowError::Length(text.to_owned())),
        };
        Ok(MailWindow { count, length })
    }
}

impl fmt::Display for MailWindow {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let unit = match self.length.as_secs() {
            60 => "minute",
            3600 => "hour",
            86_400 => "day",
            _ => return write!(f, "{}/{}s", self.count, self.length.as_secs()),
        };
        write!(f, "{}/{unit}", self.count)
    }
}

/// How far behind its slots the pace may fall and still catch up (a tenth
/// of a second's worth of mails at once, at most).
pub const CATCH_UP: Duration = Duration::from_millis(100);

/// Where the next mail may go, given the ones that went.
#[derive(Debug)]
pub struct Pacer {
    /// The time between two mails at the configured rate (rounded up, so
    /// that the rate is never exceeded).
    interval: Duration,
    /// When the next mail may go, at the rate; `None` before the first.
    next_slot: Option<Instant>,
    window: Option<MailWindow>,
    /// When each of the window's last `count` mails went, oldest first.
    recent: VecDeque<Instant>,
}

impl Pacer {
    pub fn new(rate: MailRate) -> Pacer {
        let per_second = u64::from(rate.per_second.clamp(1, MAX_PER_SECOND));
        let interval = Duration::from_nanos(1_000_000_000u64.div_ceil(per_second));
        // Grown as mails go, rather than the largest window's 16 MB at once.
        let capacity = rate.window.map_or(0, |w| w.count.min(1024) as usize);
        Pacer { interval, next_slot: None, window: rate.window, recent: VecDeque::with_capacity(capacity) }
    }

    /// How long to wait, at `now`, before the next mail may go: zero when it
    /// may go at once. Past the window's cap, until the oldest mail of the
    /// window is a window's length old.
    pub fn delay(&self, now: Instant) -> Duration {
        let pace = self.next_slot.map_or(Duration::ZERO, |slot| slot.saturating_duration_since(now));
        let window = match (self.window, self.recent.front()) {
            (Some(window), Some(oldest)) if self.recent.len() >= window.count as usize => {
                (*oldest + window.length).saturating_duration_since(now)
            }
            _ => Duration::ZERO,
        };
        pace.max(window)
    }

    /// Records that a mail went at `at` (when its sending began). A mail
    /// late on its slot by less than [`CATCH_UP`] (a sleep that woke late,
    /// the worker recording a batch and claiming the next) does not push
    /// the ones after it: the slots missed are used at once, and the rate
    /// holds over time. After a longer pause, the pace starts again from
    /// `at`, with no burst to catch up. To resume after a restart, record
    /// the window's mails that went before it.
    pub fn record(&mut self, at: Instant) {
        let base = match self.next_slot {
            Some(slot) if at < slot + self.interval.max(CATCH_UP) => slot,
            _ => at,
        };
        self.next_slot = Some(base + self.interval);
        if let Some(window) = self.window {
            self.recent.push_back(at);
            while self.recent.len() > window.count as usize {
                self.recent.pop_front();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_connection_for_every_ten_mails_a_second() {
        let connections = |per_second| MailRate { per_second, window: None }.connections();
        assert_eq!(connections(1), 1);
        assert_eq!(connections(10), 1);
        assert_eq!(connections(11), 2);
        assert_eq!(connections(500), 50);
        assert_eq!(connections(MAX_PER_SECOND), MAX_CONNECTIONS);
    }

    /// Sends `count` mails as fast as the pacer lets them go, the clock
    /// moving by each delay plus `late` (a sleep that wakes late); returns
    /// when each went, from the start.
    fn send(pacer: &mut Pacer, start: Instant, count: usize, late: Duration) -> Vec<Duration> {
        let mut now = start;
        let mut times = Vec::with_capacity(count);
        for _ in 0..count {
            let wait = pacer.delay(now);
            if !wait.is_zero() {
                now += wait + late;
            }
            pacer.record(now);
            times.push(now - start);
        }
        times
    }

    #[test]
    fn a_hundred_mails_at_fifty_a_second_take_two_seconds() {
        let mut pacer = Pacer::new(MailRate { per_second: 50, window: None });
        let times = send(&mut pacer, Instant::now(), 100, Duration::ZERO);
        assert_eq!(times[0], Duration::ZERO, "the first goes at once");
        assert_eq!(times[1], Duration::from_millis(20));
        assert_eq!(times[99], Duration::from_millis(1980));
    }

    #[test]
    fn sleeps_that_wake_late_do_not_slow_the_rate_nor_exceed_it() {
        let mut pacer = Pacer::new(MailRate { per_second: 500, window: None });
        let times = send(&mut pacer, Instant::now(), 1000, Duration::from_micros(700));
        let last = times[999];
        assert!(last >= Duration::from_millis(1998) && last <= Duration::from_millis(2002), "{last:?}");
    }

    #[test]
    fn a_short_lag_is_caught_up_a_long_one_is_not() {
        let start = Instant::now();
        let mut pacer = Pacer::new(MailRate { per_second: 500, window: None });
        pacer.record(start);
        // 60 ms late: the 30 slots missed go at once, then the pace.
        let late = start + Duration::from_millis(62);
        let mut at_once = 0;
        while pacer.delay(late).is_zero() {
            pacer.record(late);
            at_once += 1;
        }
        assert_eq!(at_once, 31);
        assert_eq!(pacer.delay(late), Duration::from_millis(2));
        // 150 ms late: no burst.
        let later = late + Duration::from_millis(152);
        assert!(pacer.delay(later).is_zero());
        pacer.record(later);
        assert_eq!(pacer.delay(later), Duration::from_millis(2));
    }

    #[test]
    fn after_a_pause_the_pace_starts_again_without_a_burst() {
        let start = Instant::now();
        let mut pacer = Pacer::new(MailRate { per_second: 10, window: None });
        pacer.record(start);
        let later = start + Duration::from_secs(60);
        assert_eq!(pacer.delay(later), Duration::ZERO);
        pacer.record(later);
        assert_eq!(pacer.delay(later), Duration::from_millis(100));
    }

    #[test]
    fn past_the_window_cap_the_next_mail_waits_for_the_window_to_roll() {
        let start = Instant::now();
        let window = MailWindow { count: 10_000, length: Duration::from_secs(3600) };
        let mut pacer = Pacer::new(MailRate { per_second: 10, window: Some(window) });
        let times = send(&mut pacer, start, 10_000, Duration::ZERO);
        // 10,000 at ten a second: 999.9 s.
        assert_eq!(times[9_999], Duration::from_millis(999_900));
        let now = start + times[9_999];
        // The 10,001st waits until the first is an hour old.
        assert_eq!(pacer.delay(now), Duration::from_secs(3600) - times[9_999]);
        assert_eq!(pacer.delay(start + Duration::from_secs(3599)), Duration::from_secs(1));
        assert_eq!(pacer.delay(start + Duration::from_secs(3600)), Duration::ZERO);
        pacer.record(start + Duration::from_secs(3600));
        // Then the second went a tenth of a second after the first: the
        // 10,002nd waits for the rate, which is as long.
        assert_eq!(pacer.delay(start + Duration::from_secs(3600)), Duration::from_millis(100));
    }

    #[test]
    fn no_stretch_of_a_window_holds_more_than_its_count() {
        let start = Instant::now();
        let window = MailWindow { count: 5, length: Duration::from_secs(60) };
        let mut pacer = Pacer::new(MailRate { per_second: 1, window: Some(window) });
        let times = send(&mut pacer, start, 23, Duration::ZERO);
        for (i, first) in times.iter().enumerate() {
            let within = times[i..].iter().filter(|t| **t < *first + window.length).count();
            assert!(within <= 5, "{within} mails within a minute from {first:?}");
        }
        assert_eq!(times[5], Duration::from_secs(60));
        assert_eq!(times[22], Duration::from_secs(4 * 60 + 2));
    }

    #[test]
    fn windows_are_read_from_the_command_line() {
        let parse = |text: &str| text.parse::<MailWindow>();
        assert_eq!(parse("10000/hour"), Ok(MailWindow { count: 10_000, length: Duration::from_secs(3600) }));
        assert_eq!(parse("500/minute"), Ok(MailWindow { count: 500, length: Duration::from_secs(60) }));
        assert_eq!(parse(" 100_000 / Day "), Ok(MailWindow { count: 100_000, length: Duration::from_secs(86_400) }));
        assert_eq!(parse("10000/hour").map(|w| w.to_string()), Ok("10000/hour".to_owned()));
        assert_eq!(parse("10000"), Err(WindowError::Form("10000".into())));
        assert_eq!(parse("0/hour"), Err(WindowError::Count("0/hour".into())));
        assert_eq!(parse("-5/hour"), Err(WindowError::Count("-5/hour".into())));
        assert_eq!(parse("+5/hour"), Err(WindowError::Count("+5/hour".into())));
        assert_eq!(parse("2000000/day"), Err(WindowError::Count("2000000/day".into())));
        assert_eq!(parse("ten/hour"), Err(WindowError::Count("ten/hour".into())));
        assert_eq!(parse("10/week"), Err(WindowError::Length("10/week".into())));
        assert_eq!(
            parse("10/week").map_err(|e| e.to_string()),
            Err("\"10/week\": the length is minute, hour or day".to_owned())
        );
    }
}
