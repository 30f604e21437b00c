//! The signatories' CSV format, shared by `signatories import`,
//! `signatories export` and the open-data download.
//!
//! Columns: `name,kind,country,joined_on` are required; `name_fr`,
//! `name_en`, `website`, `latitude` and `longitude` are optional. Every row is checked before
//! anything is written: one bad row rejects the whole file.

use std::{
    collections::HashMap,
    fmt,
    io::{Read, Write},
    sync::Arc,
};

use time::Date;

pub use super::csv_file::{CsvErrors, FileProblem};
use crate::{
    domain::{Country, Field, FieldError, NewSignatory, Signatory, SignatoryFields},
    formats::csv_file::{self, Format, Row},
    text::i18n::{Arg, Lang, Locales, Tr},
};

pub const COLUMNS: [&str; 9] =
    ["name", "kind", "country", "joined_on", "name_fr", "name_en", "website", "latitude", "longitude"];
const REQUIRED: [&str; 4] = ["name", "kind", "country", "joined_on"];

/// What is wrong on a line of a signatories file. `Display` says it in
/// English, for the command line; the back office says it in its reader's
/// language from the same value.
#[derive(Debug, PartialEq, Eq)]
pub enum Problem {
    File(FileProblem),
    Field(Field, FieldError),
    /// The same name and country as on an earlier line.
    Duplicate {
        name: String,
        country: Country,
        first: u64,
    },
}

impl From<FileProblem> for Problem {
    fn from(problem: FileProblem) -> Problem {
        Problem::File(problem)
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::File(problem) => problem.fmt(f),
            Problem::Field(field, error) => write!(f, "{}: {error}", field.column()),
            Problem::Duplicate { name, country, first } => write!(f, "{name} ({country}) is already on line {first}"),
        }
    }
}

/// Parses a whole file, `today` being the latest date of signature it may
/// hold. Returns every signatory, or every problem found.
pub fn parse(input: impl Read, today: Date) -> Result<Vec<NewSignatory>, CsvErrors<Problem>> {
    let mut seen: HashMap<(String, Country), u64> = HashMap::new();
    let rows = csv_file::read(
        input,
        &Format { columns: &COLUMNS, required: &REQUIRED },
        |row| parse_row(row, today),
        |signatory, line| match seen.insert((signatory.name.key(), signatory.country), line) {
            Some(first) => {
                Err(Problem::Duplicate { name: signatory.name.to_string(), country: signatory.country, first })
            }
            None => Ok(()),
        },
    )?;
    Ok(rows.into_iter().map(|(_, signatory)| signatory).collect())
}

/// A row is checked field by field as the back office's form is: the same
/// types, the same rules ([`SignatoryFields::parse`]).
fn parse_row(row: &Row<'_>, today: Date) -> Result<NewSignatory, Vec<Problem>> {
    SignatoryFields {
        name: row.get("name"),
        kind: row.get("kind"),
        country: row.get("country"),
        joined_on: row.get("joined_on"),
        name_fr: row.get("name_fr"),
        name_en: row.get("name_en"),
        website: row.get("website"),
        latitude: row.get("latitude"),
        longitude: row.get("longitude"),
    }
    .parse(today)
    .map_err(|errors| errors.into_iter().map(|(field, error)| Problem::Field(field, error)).collect())
}

/// Writes signatories with every column, so that the output imports back.
/// The notes a file of signatories carries while some are sample data: one
/// line per language.
pub fn sample_notes(signatories: &[Signatory], locales: &Arc<Locales>) -> Vec<String> {
    let sample = signatories.iter().filter(|s| s.sample).count();
    if sample == 0 {
        return Vec::new();
    }
    let count = |n: usize| Arg::Count(i64::try_from(n).unwrap_or(i64::MAX));
    Lang::ALL
        .iter()
        .map(|lang| {
            Tr::new(*lang, locales.clone())
                .format("sample-open-data-note", &[("sample", count(sample)), ("total", count(signatories.len()))])
        })
        .collect()
}

pub fn write(mut output: impl Write, signatories: &[Signatory], notes: &[String]) -> csv::Result<()> {
    // Notes go on comment lines (`#`), which the importer skips; a name that
    // itself starts with `#` is then quoted, as is every field.
    for note in notes {
        writeln!(output, "# {}", note.replace(['\r', '\n'], " "))?;
    }
    let hash_first = signatories.iter().any(|s| s.details.name.as_str().starts_with('#'));
    let quote = if hash_first { csv::QuoteStyle::Always } else { csv::QuoteStyle::Necessary };
    let mut writer = csv::WriterBuilder::new().quote_style(quote).from_writer(output);
    writer.write_record(COLUMNS)?;
    for signatory in signatories {
        csv_file::write_guarded(&mut writer, Field::ALL.map(|field| signatory.details.field_text(field)))?;
    }
    writer.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The day the tests' files are read on.
    const TODAY: Date = time::macros::date!(2026 - 12 - 07);

    fn parse(input: impl Read) -> Result<Vec<NewSignatory>, CsvErrors<Problem>> {
        super::parse(input, TODAY)
    }

    #[test]
    fn a_signature_after_today_is_refused_today_is_not() {
        let file = "name,kind,country,joined_on\nA,city,FR,2026-12-07\nB,city,FR,2026-12-08\n";
        let errors = parse(file.as_bytes()).err().map(|e| e.errors).unwrap_or_default();
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].line, 3);
        assert!(matches!(errors[0].message, Problem::Field(Field::JoinedOn, FieldError::DateInFuture(_))));
    }

    fn lines(result: Result<Vec<NewSignatory>, CsvErrors<Problem>>) -> Vec<u64> {
        result.err().map(|e| e.errors.iter().map(|e| e.line).collect()).unwrap_or_default()
    }

    #[test]
    fn parses_a_good_file() {
        let file = "\u{FEFF}name,kind,country,joined_on\r\nStrasbourg,city,FR,2013-05-02\r\n\"Brussels, Capital Region\",region,be,2014-01-31\r\n\r\n";
        let parsed = parse(file.as_bytes()).expect("good file");
        assert_eq!(parsed.len(), 2);
        assert_eq!(parsed[1].name.as_str(), "Brussels, Capital Region");
        assert_eq!(parsed[1].country.code(), "BE");
    }

    #[test]
    fn columns_may_come_in_any_order() {
        let file = "country,joined_on,name,kind,website\nIT,2015-02-03,Torino,city,https://www.comune.torino.it/\n";
        let parsed = parse(file.as_bytes()).expect("good file");
        assert_eq!(parsed[0].name.as_str(), "Torino");
        assert!(parsed[0].website.is_some());
    }

    #[test]
    fn names_the_line_of_each_problem() {
        let file = "name,kind,country,joined_on\nA,city,FR,2013-01-01\n,city,FR,2013-01-01\nB,town,FR,2013-01-01\nC,city,XX,2013-01-01\nD,city,FR,2013-02-30\nA,city,fr,2014-01-01\n";
        assert_eq!(lines(parse(file.as_bytes())), vec![3, 4, 5, 6, 7]);
    }

    #[test]
    fn rejects_bad_headers_and_shapes() {
        assert_eq!(lines(parse("".as_bytes())), vec![1]);
        assert_eq!(lines(parse("name,kind,country\nA,city,FR\n".as_bytes())), vec![1]);
        assert_eq!(lines(parse("name,kind,contry,joined_on\n".as_bytes())), vec![1, 1]);
        assert_eq!(
            lines(parse("name,kind,country,joined_on,latitude,longitude\nA,city,FR,2013-01-01,95,2\n".as_bytes())),
            vec![2]
        );
        assert_eq!(lines(parse("name,kind,country,joined_on\nA,city,FR\n".as_bytes())), vec![2]);
        assert_eq!(lines(parse(b"name,kind,country,joined_on\nA\xff,city,FR,2013-01-01\n".as_slice())), vec![2]);
    }

    #[test]
    fn round_trips() {
        let file = "name,kind,country,joined_on,name_fr,name_en,website,latitude,longitude\nMünchen,city,DE,2013-01-01,Munich,Munich,https://www.muenchen.de/,48.14,11.58\n\"Quote \"\"d\"\"\",region,IT,2014-06-30,,,,,\n";
        let parsed = parse(file.as_bytes()).expect("good file");
        let stored: Vec<Signatory> = parsed
            .iter()
            .cloned()
            .enumerate()
            .map(|(i, details)| Signatory { id: i as i64, details, sample: false })
            .collect();
        let mut out = Vec::new();
        write(&mut out, &stored, &[]).expect("write");
        assert_eq!(parse(out.as_slice()).expect("reparse"), parsed);
    }
}
