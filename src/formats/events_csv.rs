//! The events' CSV format, for `events import` and `events export`.
//!
//! Columns (any order; only the first four are required):
//! `slug,title_fr,title_en,start,end,time_zone,status,venue_name,venue_city,
//! venue_country,online_url,registration_url,signatory,description_fr,description_en`.

use std::{
    collections::HashMap,
    io::{Read, Write},
};

pub use crate::formats::csv_file::CsvErrors;
use crate::{
    domain::{
        Country, Slug, Title, Website,
        event::{Description, NewEvent, SignatoryRef, Status, TimeZone, Venue, When},
    },
    formats::csv_file::{self, Format, Problems, Row},
};

pub const COLUMNS: [&str; 15] = [
    "slug",
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
/// The longest event slug, in characters.
const EVENT_SLUG_MAX_CHARS: usize = 80;
/// Slugs the calendar's own addresses use.
const RESERVED_SLUGS: [&str; 2] = ["archive", "archives"];

/// Parses a whole file: every event with its line, or every problem found.
pub fn parse(input: impl Read) -> Result<Vec<(u64, NewEvent)>, CsvErrors> {
    let mut seen: HashMap<Slug, u64> = HashMap::new();
    csv_file::read(input, &Format { columns: &COLUMNS, required: &REQUIRED }, parse_row, |event, line| {
        match seen.insert(event.slug.clone(), line) {
            Some(first) => Err(format!("the slug {} is already on line {first}", event.slug)),
            None => Ok(()),
        }
    })
}

fn parse_row(row: &Row<'_>) -> Result<NewEvent, Vec<String>> {
    let mut problems = Problems::default();
    let slug = problems.take("slug", Slug::parse_at_most(row.get("slug").trim(), EVENT_SLUG_MAX_CHARS));
    if slug.as_ref().is_some_and(|s| RESERVED_SLUGS.contains(&s.as_str())) {
        problems.add("slug: archive and archives name the calendar's archive");
    }
    let status = problems.take("status", Status::parse(row.get("status")));
    let title_fr = problems.take("title_fr", Title::parse(row.get("title_fr")));
    let title_en = problems.take("title_en", Title::parse(row.get("title_en")));
    let description_fr = problems.take("description_fr", Description::parse(row.get("description_fr")));
    let description_en = problems.take("description_en", Description::parse(row.get("description_en")));
    let when = problems.take("start/end", When::parse(row.get("start"), row.get("end")));
    let time_zone = problems.take("time_zone", TimeZone::parse(row.optional("time_zone").unwrap_or(TimeZone::DEFAULT)));
    let online_url = problems.take("online_url", row.optional("online_url").map(Website::parse).transpose());
    let registration_url =
        problems.take("registration_url", row.optional("registration_url").map(Website::parse).transpose());
    let signatory = problems.take("signatory", row.optional("signatory").map(SignatoryRef::parse).transpose());
    let venue = match (row.optional("venue_name"), row.optional("venue_city"), row.optional("venue_country")) {
        (None, None, None) => Some(None),
        (Some(name), Some(city), Some(country)) => {
            let name = problems.take("venue_name", Title::parse(name));
            let city = problems.take("venue_city", Title::parse(city));
            let country = problems.take("venue_country", Country::parse(country));
            match (name, city, country) {
                (Some(name), Some(city), Some(country)) => {
                    Some(Some(Venue { name: name.as_str().to_owned(), city: city.as_str().to_owned(), country }))
                }
                _ => None,
            }
        }
        _ => {
            problems.add("venue: give its name, city and country together, or none of them");
            None
        }
    };
    if let (Some(None), Some(None)) = (&venue, &online_url) {
        problems.add("give a venue (venue_name, venue_city, venue_country), an online_url, or both");
    }
    let event = (|| {
        Some(NewEvent {
            slug: slug?,
            status: status?,
            title_fr: title_fr?,
            title_en: title_en?,
            description_fr: description_fr?,
            description_en: description_en?,
            when: when?,
            time_zone: time_zone?,
            venue: venue?,
            online_url: online_url?,
            registration_url: registration_url?,
            signatory: signatory?,
        })
    })();
    problems.finish(event)
}

/// Writes events with every column, so that the output imports back.
pub fn write(output: impl Write, events: &[NewEvent]) -> csv::Result<()> {
    let mut writer = csv::Writer::from_writer(output);
    writer.write_record(COLUMNS)?;
    for e in events {
        let (start, end) = e.when.to_strings();
        let venue = e.venue.as_ref();
        writer.write_record([
            e.slug.as_str(),
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
        ])?;
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
