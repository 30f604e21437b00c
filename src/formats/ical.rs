//! iCalendar (RFC 5545) for the calendar's feeds and for each event's
//! "add to my calendar" file. The `icalendar` crate builds the calendar and
//! escapes its text values, given here with every line break as LF (see
//! [`text`]); its output is then folded again (see [`refold`]), since the
//! crate's folding lets a last continuation line reach 76 octets.

use std::borrow::Cow;

use icalendar::{Calendar, Component, EventLike, EventStatus, Property};
use time::{OffsetDateTime, format_description::BorrowedFormatItem, macros::format_description};

use crate::{
    domain::{
        Event, NewEvent,
        event::{Status, When},
        text::normalise_line_breaks,
    },
    text::{i18n::Tr, markdown},
};

const UTC_FORMAT: &[BorrowedFormatItem<'static>] = format_description!("[year][month][day]T[hour][minute][second]Z");
const DATE_FORMAT: &[BorrowedFormatItem<'static>] = format_description!("[year][month][day]");

fn utc(at: OffsetDateTime) -> String {
    at.to_offset(time::UtcOffset::UTC).format(UTC_FORMAT).unwrap_or_default()
}

/// The UID of an event: stable across edits and across the two languages'
/// feeds, since the (English) slug never changes.
pub fn uid(event: &Event) -> String {
    format!("{}@oneinfive", event.details.slug)
}

/// What a feed or a file needs to know about the site.
pub struct Site<'a> {
    pub tr: &'a Tr,
    pub base_url: &'a str,
    /// An event page's address in the feed's language, e.g.
    /// `/fr/calendrier/forum-des-villes`.
    pub event_path: &'a dyn Fn(&NewEvent) -> String,
}

fn vevent(event: &Event, site: &Site<'_>) -> icalendar::Event {
    let lang = site.tr.lang();
    let e = &event.details;
    let url = format!("{}{}", site.base_url, (site.event_path)(e));
    let mut vevent = icalendar::Event::new();
    vevent.uid(&uid(event));
    vevent.add_property("DTSTAMP", utc(event.updated_at));
    vevent.add_property("CREATED", utc(event.created_at));
    vevent.add_property("LAST-MODIFIED", utc(event.updated_at));
    match e.when {
        When::AllDay { first, last } => {
            let end = last + time::Duration::days(1);
            vevent.append_property(
                Property::new("DTSTART", first.format(DATE_FORMAT).unwrap_or_default())
                    .add_parameter("VALUE", "DATE")
                    .done(),
            );
            vevent.append_property(
                Property::new("DTEND", end.format(DATE_FORMAT).unwrap_or_default())
                    .add_parameter("VALUE", "DATE")
                    .done(),
            );
        }
        When::Timed { .. } => {
            vevent.add_property("DTSTART", utc(e.starts_at()));
            vevent.add_property("DTEND", utc(e.ends_at()));
        }
    }
    // Postponed to a date not yet known: the old dates stay (a calendar
    // needs some), the status is tentative, and the summary and the
    // description say that the new date is to be announced.
    let unknown = e.date_unknown.then(|| site.tr.t("event-feed-date-to-be-announced"));
    let mut title = e.title(lang).as_str().to_owned();
    if let Some(unknown) = &unknown {
        title = format!("{title} ({unknown})");
    }
    if event.sample {
        vevent.summary(&text(&format!("{} {title}", site.tr.t("sample-feed-prefix"))));
    } else {
        vevent.summary(&text(&title));
    }
    let description = markdown::to_plain_text(e.description(lang).as_str());
    let description = if description.is_empty() { url.clone() } else { format!("{description}\n\n{url}") };
    let description = match &unknown {
        Some(unknown) => format!("{unknown}\n\n{description}"),
        None => description,
    };
    vevent.description(&text(&description));
    let mut places = Vec::new();
    if let Some(venue) = &e.venue {
        places.push(format!("{}, {}, {}", venue.name, venue.city, site.tr.t(&venue.country.message_id())));
    }
    if let Some(online) = &e.online_url {
        places.push(online.as_str().to_owned());
    }
    if !places.is_empty() {
        vevent.location(&text(&places.join(" / ")));
    }
    vevent.url(&url);
    vevent.sequence(u32::try_from(event.sequence).unwrap_or(0));
    vevent.status(match e.status {
        Status::Scheduled => EventStatus::Confirmed,
        // RFC 5545 has no "postponed": not confirmed at the dates given,
        // whether the new ones are known or not.
        Status::Postponed => EventStatus::Tentative,
        Status::Cancelled => EventStatus::Cancelled,
    });
    vevent.done()
}

/// A calendar of events, named for the campaign, in one language.
pub fn calendar(events: &[Event], site: &Site<'_>) -> String {
    let lang = site.tr.lang();
    let mut calendar = Calendar::empty();
    calendar.append_property(Property::new("VERSION", "2.0"));
    calendar.append_property(Property::new(
        "PRODID",
        format!("-//Council of Europe Congress//oneinfive//{}", lang.code().to_uppercase()),
    ));
    calendar.append_property(Property::new("CALSCALE", "GREGORIAN"));
    calendar.name(&text(&site.tr.t("calendar-feed-name")));
    let mut description = site.tr.t("calendar-feed-description");
    if events.iter().any(|event| event.sample) {
        description = format!("{description} {}", site.tr.t("sample-feed-note"));
    }
    calendar.description(&text(&description));
    calendar.append_property(Property::new("REFRESH-INTERVAL", "PT6H").add_parameter("VALUE", "DURATION").done());
    calendar.append_property(Property::new("X-PUBLISHED-TTL", "PT6H"));
    for event in events {
        calendar.push(vevent(event, site));
    }
    refold(&calendar.done().to_string())
}

/// The language's feed of one event, for "add to my calendar".
pub fn single(event: &Event, site: &Site<'_>) -> String {
    calendar(std::slice::from_ref(event), site)
}

/// A text value as a calendar may hold it (RFC 5545 §3.3.11): every line
/// break (CRLF, a lone CR, a vertical tab, a form feed, NEL, the Unicode
/// line and paragraph separators) as one LF, which the writer escapes as
/// `\n`; no other control character but tab.
fn text(value: &str) -> String {
    normalise_line_breaks(value)
        .chars()
        .filter_map(|c| match c {
            '\u{B}' | '\u{C}' | '\u{85}' | '\u{2028}' | '\u{2029}' => Some('\n'),
            '\n' | '\t' => Some(c),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect()
}

/// The longest physical line, in octets, its CRLF excluded (RFC 5545 §3.1).
const LINE_MAX_OCTETS: usize = 75;

/// The lines of a written calendar folded again: each content line (the
/// writer's continuation lines joined back) split into physical lines of
/// at most [`LINE_MAX_OCTETS`] octets, every one ending with CRLF.
///
/// Values reach the writer without any CR (see [`text`]), so each CRLF in
/// its output ends a line or folds one. A line break the writer would still
/// let through inside a value (a LF in a property it does not escape, such
/// as `NAME`) is written as the escape `\n` rather than break the line.
fn refold(written: &str) -> String {
    let mut out = String::with_capacity(written.len() + written.len() / 32);
    let mut line = String::new();
    for physical in written.split("\r\n") {
        match physical.strip_prefix([' ', '\t']) {
            Some(continued) => line.push_str(continued),
            None => {
                if !line.is_empty() {
                    fold(&escape_breaks(&line), &mut out);
                }
                line = physical.to_owned();
            }
        }
    }
    if !line.is_empty() {
        fold(&escape_breaks(&line), &mut out);
    }
    out
}

/// A content line without a bare CR or LF: each written `\n`.
fn escape_breaks(line: &str) -> Cow<'_, str> {
    if line.contains(['\r', '\n']) { Cow::Owned(line.replace(['\r', '\n'], "\\n")) } else { Cow::Borrowed(line) }
}

/// Writes one content line as physical lines of at most
/// [`LINE_MAX_OCTETS`] octets: the first whole, each next one after the
/// single space that marks a continuation (RFC 5545 §3.1), each ending with
/// CRLF. The line is cut between characters, never inside one.
fn fold(line: &str, out: &mut String) {
    let mut rest = line;
    let mut room = LINE_MAX_OCTETS;
    while rest.len() > room {
        let cut = cut_point(rest, room);
        out.push_str(&rest[..cut]);
        out.push_str("\r\n ");
        rest = &rest[cut..];
        // The continuation's leading space counts.
        room = LINE_MAX_OCTETS - 1;
    }
    out.push_str(rest);
    out.push_str("\r\n");
}

/// Where to cut `text`, longer than `room` octets, to keep at most `room`:
/// on a character boundary and, where the text allows it, not beside white
/// space, which some readers trim from the ends of physical lines.
fn cut_point(text: &str, room: usize) -> usize {
    let mut last = room;
    while !text.is_char_boundary(last) {
        last -= 1;
    }
    let beside_space = |at: usize| {
        text[..at].chars().next_back().is_some_and(char::is_whitespace)
            || text[at..].chars().next().is_some_and(char::is_whitespace)
    };
    let mut cut = last;
    // Back by whole characters, within the line's second half.
    while beside_space(cut) && cut > room / 2 {
        cut -= text[..cut].chars().next_back().map_or(1, char::len_utf8);
    }
    if beside_space(cut) { last } else { cut }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each physical line of `folded`, checked: CRLF-ended, at most 75
    /// octets, a continuation after the first; the content line unfolded.
    fn unfold(folded: &str) -> String {
        let body = folded.strip_suffix("\r\n").expect("ends with CRLF");
        let mut line = String::new();
        for (i, physical) in body.split("\r\n").enumerate() {
            assert!(physical.len() <= LINE_MAX_OCTETS, "{} octets: {physical:?}", physical.len());
            assert!(!physical.contains(['\r', '\n']), "{physical:?}");
            if i == 0 {
                line.push_str(physical);
            } else {
                line.push_str(physical.strip_prefix(' ').expect("a continuation starts with a space"));
            }
        }
        line
    }

    fn folded(line: &str) -> String {
        let mut out = String::new();
        fold(line, &mut out);
        out
    }

    #[test]
    fn short_lines_stay_whole() {
        assert_eq!(folded("SUMMARY:Forum"), "SUMMARY:Forum\r\n");
        let exactly = format!("URL:{}", "a".repeat(71));
        assert_eq!(folded(&exactly), format!("{exactly}\r\n"));
    }

    #[test]
    fn continuation_lines_keep_to_75_octets_with_their_space() {
        // 150 octets: 75, then 75 more, which need two lines after a space.
        let line = format!("URL:http://site.test:12345/fr/calendrier/{}", "x".repeat(150 - 41));
        assert_eq!(line.len(), 150);
        let out = folded(&line);
        assert_eq!(out.matches("\r\n").count(), 3, "{out:?}");
        assert_eq!(unfold(&out), line);
    }

    #[test]
    fn every_length_and_every_width_of_character() {
        // One to four octets a character: French accents, the euro, emoji.
        for piece in ["a", "é", "€", "🎉", "é🎉a", "Saint-Étienne, « Éducation » 🧒🏽 ", "\u{a0}x"] {
            for n in 0..=200 {
                let line = format!("DESCRIPTION:{}", piece.repeat(n));
                assert_eq!(unfold(&folded(&line)), line, "{piece:?} × {n}");
            }
        }
        for extra in 0..80 {
            let url = format!("http://site.test:12345/fr/calendrier/{}", "é".repeat(extra));
            let line = format!("DESCRIPTION:Journée 🎉 {}\\n\\n{url}", "ê".repeat(extra));
            assert_eq!(unfold(&folded(&line)), line);
        }
    }

    #[test]
    fn lines_are_not_cut_beside_white_space() {
        let line = format!("SUMMARY:{}fin", "mot ".repeat(60));
        let out = folded(&line);
        for physical in out.split("\r\n").filter(|p| !p.is_empty()) {
            let content = physical.strip_prefix(' ').unwrap_or(physical);
            assert!(!content.starts_with(char::is_whitespace), "{physical:?}");
            assert!(!content.ends_with(char::is_whitespace), "{physical:?}");
        }
        assert_eq!(unfold(&out), line);
        // Only spaces: cut anyway.
        let spaces = format!("X:{}", " ".repeat(200));
        assert_eq!(unfold(&folded(&spaces)), spaces);
    }

    #[test]
    fn text_values_have_one_kind_of_line_break() {
        assert_eq!(text("a\rb\r\nc\nd"), "a\nb\nc\nd");
        assert_eq!(text("a\u{2028}b\u{2029}c\u{85}d\u{B}e\u{C}f"), "a\nb\nc\nd\ne\nf");
        assert_eq!(text("a\tb\u{0}\u{7}\u{1B}c"), "a\tbc");
    }

    #[test]
    fn a_written_line_break_is_escaped_not_kept() {
        let written = "BEGIN:VCALENDAR\r\nNAME:a\nb\rc\r\nEND:VCALENDAR\r\n";
        assert_eq!(refold(written), "BEGIN:VCALENDAR\r\nNAME:a\\nb\\nc\r\nEND:VCALENDAR\r\n");
    }

    #[test]
    fn carriage_returns_in_an_event_reach_no_feed() {
        let mut calendar = Calendar::empty();
        calendar.push(
            icalendar::Event::new()
                .uid("x@oneinfive")
                .summary(&text("Forum\r\u{2028}des villes"))
                .description(&text("```\na\rb\r\nc\n```"))
                .location(&text("Salle\r1"))
                .done(),
        );
        let written = refold(&calendar.done().to_string());
        assert!(written.ends_with("\r\n"));
        for line in written.strip_suffix("\r\n").unwrap_or_default().split("\r\n") {
            assert!(!line.contains(['\r', '\n']), "{line:?}");
        }
        assert!(written.contains("SUMMARY:Forum\\n\\ndes villes\r\n"), "{written}");
        assert!(written.contains("DESCRIPTION:```\\na\\nb\\nc\\n```\r\n"), "{written}");
        assert!(written.contains("LOCATION:Salle\\n1\r\n"), "{written}");
    }

    #[test]
    fn a_written_calendar_is_folded_again() {
        let written = "BEGIN:VCALENDAR\r\nSUMMARY:0123456789\r\n 0123456789\r\nEND:VCALENDAR\r\n";
        assert_eq!(refold(written), "BEGIN:VCALENDAR\r\nSUMMARY:01234567890123456789\r\nEND:VCALENDAR\r\n");
        let long = format!("DESCRIPTION:{}", "é".repeat(100));
        let mut written = String::from("BEGIN:VCALENDAR\r\n");
        fold(&long, &mut written);
        written.push_str("END:VCALENDAR\r\n");
        assert_eq!(refold(&written), written);
    }
}
