//! The signatories' CSV format, shared by `signatories import`,
//! `signatories export` and the open-data download.
//!
//! Columns: `name,kind,country,joined_on` are required; `name_fr`,
//! `name_en` and `website` are optional. Every row is checked before
//! anything is written: one bad row rejects the whole file.

use std::{
    collections::HashMap,
    fmt,
    io::{Read, Write},
};

use time::{Date, format_description::BorrowedFormatItem, macros::format_description};

use crate::domain::{Country, Kind, Name, NewSignatory, Signatory, Website};

pub const COLUMNS: [&str; 7] = ["name", "kind", "country", "joined_on", "name_fr", "name_en", "website"];
const REQUIRED: [&str; 4] = ["name", "kind", "country", "joined_on"];
const DATE_FORMAT: &[BorrowedFormatItem<'static>] = format_description!("[year]-[month]-[day]");
/// More errors than this are not worth listing one by one.
const MAX_REPORTED: usize = 20;

/// One problem in a file, with the line it is on (the header is line 1).
#[derive(Debug, PartialEq, Eq)]
pub struct LineError {
    pub line: u64,
    pub message: String,
}

/// Everything wrong with a file; it is rejected whole.
#[derive(Debug, PartialEq, Eq)]
pub struct CsvErrors {
    pub errors: Vec<LineError>,
    pub more: usize,
}

impl fmt::Display for CsvErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, error) in self.errors.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "line {}: {}", error.line, error.message)?;
        }
        if self.more > 0 {
            write!(f, "\n… and {} more problems", self.more)?;
        }
        Ok(())
    }
}

impl std::error::Error for CsvErrors {}

#[derive(Default)]
struct Collector {
    errors: Vec<LineError>,
    more: usize,
}

impl Collector {
    fn push(&mut self, line: u64, message: impl Into<String>) {
        if self.errors.len() < MAX_REPORTED {
            self.errors.push(LineError { line, message: message.into() });
        } else {
            self.more += 1;
        }
    }

    fn finish<T>(self, value: T) -> Result<T, CsvErrors> {
        if self.errors.is_empty() { Ok(value) } else { Err(CsvErrors { errors: self.errors, more: self.more }) }
    }
}

/// Parses a whole file. Returns every signatory, or every problem found.
pub fn parse(input: impl Read) -> Result<Vec<NewSignatory>, CsvErrors> {
    let mut problems = Collector::default();
    let mut reader = csv::ReaderBuilder::new().flexible(true).trim(csv::Trim::None).from_reader(input);

    let header = match reader.headers() {
        Ok(header) => header.clone(),
        Err(error) => {
            problems.push(error_line(&error).unwrap_or(1), describe(&error));
            return problems.finish(Vec::new());
        }
    };
    let columns: Vec<String> = header
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let name = name.trim();
            // A byte-order mark, as spreadsheet programs write, is not part of the name.
            let name = if i == 0 { name.trim_start_matches('\u{FEFF}') } else { name };
            name.to_ascii_lowercase()
        })
        .collect();
    if columns.iter().all(|c| c.is_empty()) {
        problems.push(1, format!("the file is empty: expected the header {}", REQUIRED.join(",")));
        return problems.finish(Vec::new());
    }
    let mut index = HashMap::new();
    for (i, column) in columns.iter().enumerate() {
        if !COLUMNS.contains(&column.as_str()) {
            problems.push(1, format!("unknown column {column:?}: the columns are {}", COLUMNS.join(",")));
        } else if index.insert(column.as_str(), i).is_some() {
            problems.push(1, format!("the column {column:?} appears twice"));
        }
    }
    for required in REQUIRED {
        if !index.contains_key(required) {
            problems.push(1, format!("missing column {required:?}: the header must name {}", REQUIRED.join(",")));
        }
    }
    if !problems.errors.is_empty() {
        return problems.finish(Vec::new());
    }

    let mut signatories = Vec::new();
    let mut seen: HashMap<(String, Country), u64> = HashMap::new();
    for record in reader.records() {
        let record = match record {
            Ok(record) => record,
            Err(error) => {
                problems.push(error_line(&error).unwrap_or(0), describe(&error));
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line());
        if record.iter().all(|field| field.trim().is_empty()) {
            continue; // a blank line, as editors leave at the end of a file
        }
        if record.len() != columns.len() {
            problems.push(line, format!("expected {} fields, found {}", columns.len(), record.len()));
            continue;
        }
        match parse_row(&Row { record: &record, index: &index }) {
            Ok(signatory) => {
                let key = (signatory.name.key(), signatory.country);
                if let Some(first) = seen.insert(key, line) {
                    problems
                        .push(line, format!("{} ({}) is already on line {first}", signatory.name, signatory.country));
                } else {
                    signatories.push(signatory);
                }
            }
            Err(messages) => {
                for message in messages {
                    problems.push(line, message);
                }
            }
        }
    }
    problems.finish(signatories)
}

/// A record with its fields looked up by column name.
struct Row<'a> {
    record: &'a csv::StringRecord,
    index: &'a HashMap<&'a str, usize>,
}

impl Row<'_> {
    fn get(&self, column: &str) -> &str {
        self.index.get(column).and_then(|i| self.record.get(*i)).unwrap_or("")
    }
}

fn parse_row(row: &Row<'_>) -> Result<NewSignatory, Vec<String>> {
    let field = |column: &str| row.get(column);
    let mut messages = Vec::new();
    let mut note = |message: String| messages.push(message);
    let name = Name::parse(field("name")).map_err(|e| note(format!("name: {e}")));
    let kind = Kind::parse(field("kind")).map_err(|e| note(format!("kind: {e}")));
    let country = Country::parse(field("country")).map_err(|e| note(format!("country: {e}")));
    let joined_on = parse_date(field("joined_on")).map_err(|e| note(format!("joined_on: {e}")));
    let optional_name = |column: &str| {
        let value = field(column);
        if value.trim().is_empty() { Ok(None) } else { Name::parse(value).map(Some) }
    };
    let name_fr = optional_name("name_fr").map_err(|e| note(format!("name_fr: {e}")));
    let name_en = optional_name("name_en").map_err(|e| note(format!("name_en: {e}")));
    let website = match field("website").trim() {
        "" => Ok(None),
        value => Website::parse(value).map(Some).map_err(|e| note(format!("website: {e}"))),
    };
    match (name, kind, country, joined_on, name_fr, name_en, website) {
        (Ok(name), Ok(kind), Ok(country), Ok(joined_on), Ok(name_fr), Ok(name_en), Ok(website)) => {
            Ok(NewSignatory { name, kind, country, joined_on, name_fr, name_en, website })
        }
        _ => Err(messages),
    }
}

/// Parses a `YYYY-MM-DD` date.
pub fn parse_date(input: &str) -> Result<Date, String> {
    let text = input.trim();
    if text.is_empty() {
        return Err("the date is empty".into());
    }
    Date::parse(text, DATE_FORMAT)
        .map_err(|_| format!("{:?} is not a date written YYYY-MM-DD", text.chars().take(40).collect::<String>()))
}

pub fn format_date(date: Date) -> String {
    date.format(DATE_FORMAT).unwrap_or_default()
}

fn error_line(error: &csv::Error) -> Option<u64> {
    match error.kind() {
        csv::ErrorKind::Utf8 { pos, .. } | csv::ErrorKind::UnequalLengths { pos, .. } => pos.as_ref().map(|p| p.line()),
        csv::ErrorKind::Deserialize { pos, .. } => pos.as_ref().map(|p| p.line()),
        _ => None,
    }
}

fn describe(error: &csv::Error) -> String {
    match error.kind() {
        csv::ErrorKind::Utf8 { .. } => "the file is not valid UTF-8 text".into(),
        csv::ErrorKind::Io(e) => format!("could not read the file: {e}"),
        _ => error.to_string(),
    }
}

/// Writes signatories with every column, so that the output imports back.
pub fn write(output: impl Write, signatories: &[Signatory]) -> csv::Result<()> {
    let mut writer = csv::Writer::from_writer(output);
    writer.write_record(COLUMNS)?;
    for signatory in signatories {
        let s = &signatory.details;
        writer.write_record([
            s.name.as_str(),
            s.kind.as_str(),
            s.country.code(),
            &format_date(s.joined_on),
            s.name_fr.as_ref().map_or("", Name::as_str),
            s.name_en.as_ref().map_or("", Name::as_str),
            s.website.as_ref().map_or("", Website::as_str),
        ])?;
    }
    writer.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(result: Result<Vec<NewSignatory>, CsvErrors>) -> Vec<u64> {
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
        assert_eq!(lines(parse("name,kind,country,joined_on\nA,city,FR\n".as_bytes())), vec![2]);
        assert_eq!(lines(parse(b"name,kind,country,joined_on\nA\xff,city,FR,2013-01-01\n".as_slice())), vec![2]);
    }

    #[test]
    fn round_trips() {
        let file = "name,kind,country,joined_on,name_fr,name_en,website\nMünchen,city,DE,2013-01-01,Munich,Munich,https://www.muenchen.de/\n\"Quote \"\"d\"\"\",region,IT,2014-06-30,,,\n";
        let parsed = parse(file.as_bytes()).expect("good file");
        let stored: Vec<Signatory> =
            parsed.iter().cloned().enumerate().map(|(i, details)| Signatory { id: i as i64, details }).collect();
        let mut out = Vec::new();
        write(&mut out, &stored).expect("write");
        assert_eq!(parse(out.as_slice()).expect("reparse"), parsed);
    }
}
