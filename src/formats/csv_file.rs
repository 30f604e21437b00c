//! Reading staff's CSV files, all or nothing: a header naming known columns
//! in any order, then rows that each parse into a domain value. Every
//! problem is collected with the line it is on (the header is line 1) and
//! one problem rejects the whole file.

use std::{collections::HashMap, fmt, io::Read};

/// More problems than this are not worth listing one by one.
const MAX_REPORTED: usize = 20;

/// One problem in a file, with the line it is on.
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

impl CsvErrors {
    /// Problems found after reading, such as references to nothing.
    pub fn new(errors: Vec<LineError>) -> CsvErrors {
        CsvErrors { errors, more: 0 }
    }
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

/// A record with its fields looked up by column name; a column the header
/// does not name reads as empty.
pub struct Row<'a> {
    record: &'a csv::StringRecord,
    index: &'a HashMap<&'a str, usize>,
}

impl Row<'_> {
    pub fn get(&self, column: &str) -> &str {
        self.index.get(column).and_then(|i| self.record.get(*i)).unwrap_or("")
    }

    /// A field that may be left empty.
    pub fn optional(&self, column: &str) -> Option<&str> {
        Some(self.get(column).trim()).filter(|value| !value.is_empty())
    }
}

/// The shape of a file: the columns it may have, and those it must have.
pub struct Format<'a> {
    pub columns: &'a [&'a str],
    pub required: &'a [&'a str],
}

/// Reads a whole file. `parse_row` turns a row into a value or says what is
/// wrong with it (one message per problem); `check` sees each good value
/// with its line, for checks across rows such as duplicates. Returns each
/// value with its line.
pub fn read<T>(
    input: impl Read,
    format: &Format<'_>,
    mut parse_row: impl FnMut(&Row<'_>) -> Result<T, Vec<String>>,
    mut check: impl FnMut(&T, u64) -> Result<(), String>,
) -> Result<Vec<(u64, T)>, CsvErrors> {
    let mut problems = Collector::default();
    // Lines starting with `#` are comments (the open data's notes).
    let mut reader =
        csv::ReaderBuilder::new().flexible(true).trim(csv::Trim::None).comment(Some(b'#')).from_reader(input);
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
    let expected = format.required.join(",");
    if columns.iter().all(|c| c.is_empty()) {
        problems.push(1, format!("the file is empty: expected the header {expected}"));
        return problems.finish(Vec::new());
    }
    let mut index = HashMap::new();
    for (i, column) in columns.iter().enumerate() {
        if !format.columns.contains(&column.as_str()) {
            problems.push(1, format!("unknown column {column:?}: the columns are {}", format.columns.join(",")));
        } else if index.insert(column.as_str(), i).is_some() {
            problems.push(1, format!("the column {column:?} appears twice"));
        }
    }
    for required in format.required {
        if !index.contains_key(required) {
            problems.push(1, format!("missing column {required:?}: the header must name {expected}"));
        }
    }
    if !problems.errors.is_empty() {
        return problems.finish(Vec::new());
    }

    let mut values = Vec::new();
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
            Ok(value) => match check(&value, line) {
                Ok(()) => values.push((line, value)),
                Err(message) => problems.push(line, message),
            },
            Err(messages) => {
                for message in messages {
                    problems.push(line, message);
                }
            }
        }
    }
    problems.finish(values)
}

/// Collects the problems of one row: each field's parse result goes
/// through [`Problems::take`], which keeps the message of a failure.
#[derive(Default)]
pub struct Problems(Vec<String>);

impl Problems {
    pub fn take<T, E: fmt::Display>(&mut self, column: &str, result: Result<T, E>) -> Option<T> {
        result.map_err(|error| self.0.push(format!("{column}: {error}"))).ok()
    }

    pub fn add(&mut self, message: impl Into<String>) {
        self.0.push(message.into());
    }

    /// The messages, or `value` when there were none.
    pub fn finish<T>(self, value: Option<T>) -> Result<T, Vec<String>> {
        match value {
            Some(value) if self.0.is_empty() => Ok(value),
            _ if self.0.is_empty() => Err(vec!["the row is not valid".into()]),
            _ => Err(self.0),
        }
    }
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
