//! The events' CSV format, for `events import` and `events export`.
//!
//! Columns (any order; only `slug`, `title_fr`, `title_en` and `start` are
//! required): `slug,slug_fr,title_fr,title_en,start,end,time_zone,status,
//! venue_name,venue_city,venue_country,online_url,registration_url,signatory,
//! description_fr,description_en`. `slug` is the English address's, and
//! the event's key; a blank `slug_fr` is made from the French title. A new
//! event takes the first French slug free from it; an existing one keeps
//! its own.

use std::{
    collections::HashMap,
    io::{Read, Write},
};

pub use crate::formats::csv_file::CsvErrors;
use crate::{
    domain::{
        Slug, Website,
        event::{EventField, EventFieldError, EventFields, NewEvent},
    },
    formats::{
        csv_file::{self, Format, Row},
        csv_text::Delimiter,
    },
};

pub const COLUMNS: [&str; 16] = [
    "slug",
    "slug_fr",
    "title_fr",
    "title_en",
    "start",
    "end",
    "time_zone",
    "status",
    "venue_name",
    "venue_city",
    "venue_country",
    "online_url",
    "registration_url",
    "signatory",
    "description_fr",
    "description_en",
];
const REQUIRED: [&str; 4] = ["slug", "title_fr", "title_en", "start"];

/// Parses a whole file: every event with its line, or every problem found.
pub fn parse(input: impl Read) -> Result<Vec<(u64, NewEvent)>, CsvErrors> {
    let mut seen: HashMap<Slug, u64> = HashMap::new();
    let format = Format { columns: &COLUMNS, required: &REQUIRED, aliases: &[] };
    let sheet = csv_file::read(input, Delimiter::Comma, &format, parse_row, |event, line| {
        match seen.insert(event.slug.clone(), line) {
            Some(first) => Err(format!("the slug {} is already on line {first}", event.slug)),
            None => Ok(()),
        }
    })?;
    Ok(sheet.rows)
}

/// A row is checked field by field as the back office's form is: the same
/// types, the same rules ([`EventFields::parse`]).
fn parse_row(row: &Row<'_>) -> Result<NewEvent, Vec<String>> {
    EventFields {
        slug: row.get("slug"),
        slug_fr: row.get("slug_fr"),
        title_fr: row.get("title_fr"),
        title_en: row.get("title_en"),
        start: row.get("start"),
        end: row.get("end"),
        time_zone: row.get("time_zone"),
        status: row.get("status"),
        venue_name: row.get("venue_name"),
        venue_city: row.get("venue_city"),
        venue_country: row.get("venue_country"),
        online_url: row.get("online_url"),
        registration_url: row.get("registration_url"),
        signatory: row.get("signatory"),
        description_fr: row.get("description_fr"),
        description_en: row.get("description_en"),
    }
    .parse()
    .map_err(|errors| {
        let mut messages: Vec<String> = errors.iter().map(|(field, error)| message(*field, error)).collect();
        // A venue given in part is one problem, not one per missing part.
        messages.dedup();
        messages
    })
}

/// A problem as the command line reports it: the column, then what is wrong.
fn message(field: EventField, error: &EventFieldError) -> String {
    match (field, error) {
        (_, EventFieldError::NoPlace) => error.to_string(),
        (_, EventFieldError::VenuePartial) => format!("venue: {error}"),
        (EventField::Start | EventField::End, _) => format!("start/end: {error}"),
        _ => format!("{}: {error}", field.column()),
    }
}

/// Writes events with every column, so that the output imports back.
pub fn write(output: impl Write, events: &[NewEvent]) -> csv::Result<()> {
    let mut writer = csv::Writer::from_writer(output);
    writer.write_record(COLUMNS)?;
    for e in events {
        let (start, end) = e.when.to_strings();
        let venue = e.venue.as_ref();
        csv_file::write_guarded(
            &mut writer,
            [
                e.slug.as_str(),
                e.slug_fr.as_str(),
                e.title_fr.as_str(),
                e.title_en.as_str(),
                &start,
                &end,
                e.time_zone.name(),
                e.status.as_str(),
                venue.map_or("", |v| v.name.as_str()),
                venue.map_or("", |v| v.city.as_str()),
                venue.map_or("", |v| v.country.code()),
                e.online_url.as_ref().map_or("", Website::as_str),
                e.registration_url.as_ref().map_or("", Website::as_str),
                &e.signatory.as_ref().map(ToString::to_string).unwrap_or_default(),
                e.description_fr.as_str(),
                e.description_en.as_str(),
            ],
        )?;
    }
    writer.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str =
        "slug,title_fr,title_en,start,end,venue_name,venue_city,venue_country,online_url,description_fr\n";

    #[test]
    fn parses_and_round_trips() {
        let file = format!(
            "{HEADER}webinar,Webinaire,Webinar,2026-12-03T14:30,2026-12-03T16:00,,,,https://example.org/live,\"Ligne 1\n\n**Ligne 2**, avec « guillemets »\"\n\
             forum,Forum,Forum,2027-01-10,2027-01-12,Palais de l’Europe,Strasbourg,FR,,\n"
        );
        let parsed = parse(file.as_bytes()).expect("good file");
        assert_eq!(parsed.len(), 2);
        assert_eq!(parsed[0].0, 2);
        assert_eq!(parsed[1].0, 5);
        let events: Vec<NewEvent> = parsed.into_iter().map(|(_, e)| e).collect();
        let mut out = Vec::new();
        write(&mut out, &events).expect("write");
        let again: Vec<NewEvent> = parse(out.as_slice()).expect("reparse").into_iter().map(|(_, e)| e).collect();
        assert_eq!(again, events);
    }

    #[test]
    fn names_the_line_of_each_problem() {
        let file = format!(
            "{HEADER}a,A,A,2026-12-03,,,,,https://x.org,\n\
             b,B,B,2026-12-03,,,,,,\n\
             c,C,C,2026-12-03,,Hall,,FR,,\n\
             a,A,A,2026-12-03,,,,,https://x.org,\n\
             Bad Slug,D,D,2026-12-03,,,,,https://x.org,\n\
             e,,E,2026-12-03,,,,,https://x.org,\n\
             f,F,F,2026-12-03T10:00,2026-12-03T09:00,,,,https://x.org,\n"
        );
        let errors = parse(file.as_bytes()).expect_err("bad file");
        let lines: Vec<u64> = errors.errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, vec![3, 4, 5, 6, 7, 8], "{errors}");
    }
}
