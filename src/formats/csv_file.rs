//! Reading staff's CSV files, all or nothing: a header naming known columns
//! in any order, then rows that each parse into a domain value. Every
//! problem is collected with the line it is on (the header is line 1) and
//! one problem rejects the whole file. A column may be named in another
//! language (an alias), in any case, with or without accents.

use std::{
    borrow::Cow,
    collections::HashMap,
    fmt,
    io::{Read, Write},
};

use super::csv_text::Delimiter;
use crate::text::collate;

/// More problems than this are not worth listing one by one.
const MAX_REPORTED: usize = 20;

/// One problem in a file, with the line it is on. The problem is a message
/// (`String`) or a value a format describes itself, so that a page can say
/// it in its reader's language; its `Display` is the command line's English.
#[derive(Debug, PartialEq, Eq)]
pub struct LineError<M = String> {
    pub line: u64,
    pub message: M,
}

/// Everything wrong with a file; it is rejected whole.
#[derive(Debug, PartialEq, Eq)]
pub struct CsvErrors<M = String> {
    pub errors: Vec<LineError<M>>,
    pub more: usize,
}

impl<M> CsvErrors<M> {
    /// Problems found after reading, such as references to nothing.
    pub fn new(errors: Vec<LineError<M>>) -> CsvErrors<M> {
        CsvErrors { errors, more: 0 }
    }
}

/// What is wrong with a file's shape or encoding, whatever its format.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileProblem {
    /// No header: the required columns, comma-separated.
    Empty {
        expected: String,
    },
    UnknownColumn {
        column: String,
        columns: String,
    },
    ColumnTwice {
        column: String,
    },
    MissingColumn {
        column: String,
        expected: String,
    },
    /// A line with another number of fields than the header: often a
    /// file read with the wrong separator.
    FieldCount {
        expected: usize,
        found: usize,
        delimiter: Delimiter,
    },
    NotUtf8,
    Unreadable(String),
}

impl fmt::Display for FileProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FileProblem::Empty { expected } => write!(f, "the file is empty: expected the header {expected}"),
            FileProblem::UnknownColumn { column, columns } => {
                write!(f, "unknown column {column:?}: the columns are {columns}")
            }
            FileProblem::ColumnTwice { column } => write!(f, "the column {column:?} appears twice"),
            FileProblem::MissingColumn { column, expected } => {
                write!(f, "missing column {column:?}: the header must name {expected}")
            }
            FileProblem::FieldCount { expected, found, delimiter } => write!(
                f,
                "the header has {expected} fields but this line has {found}; the file was read as separated by \
                 {delimiter}: is that its separator, and is every field with a separator in it between quotes?"
            ),
            FileProblem::NotUtf8 => write!(f, "the file is not valid UTF-8 text"),
            FileProblem::Unreadable(reason) => write!(f, "could not read the file: {reason}"),
        }
    }
}

impl From<FileProblem> for String {
    fn from(problem: FileProblem) -> String {
        problem.to_string()
    }
}

impl<M: fmt::Display> fmt::Display for CsvErrors<M> {
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

impl<M: fmt::Debug + fmt::Display> std::error::Error for CsvErrors<M> {}

struct Collector<M> {
    errors: Vec<LineError<M>>,
    more: usize,
}

impl<M> Collector<M> {
    fn push(&mut self, line: u64, message: impl Into<M>) {
        if self.errors.len() < MAX_REPORTED {
            self.errors.push(LineError { line, message: message.into() });
        } else {
            self.more += 1;
        }
    }

    fn finish<T>(self, value: T) -> Result<T, CsvErrors<M>> {
        if self.errors.is_empty() { Ok(value) } else { Err(CsvErrors { errors: self.errors, more: self.more }) }
    }
}

/// Whether a spreadsheet would take a cell for a formula: text that starts
/// with `=`, `+`, `-`, `@`, a tab or a carriage return (a number such as
/// `-4.35` is a number), or such a cell already guarded by a `'`.
fn formula_like(text: &str) -> bool {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => text.parse::<f64>().is_err(),
        Some('\'') => formula_like(&text[1..]),
        _ => false,
    }
}

/// A cell as it is written in every file the site exports: one a
/// spreadsheet would run as a formula (`=HYPERLINK(…)` typed as a name) is
/// written after a `'`, as OWASP advises against CSV injection
/// (<https://owasp.org/www-community/attacks/CSV_Injection>), so that
/// Excel or Calc show it as text. [`Row::get`] reads it back unchanged.
fn guarded(text: &str) -> Cow<'_, str> {
    if formula_like(text) { Cow::Owned(format!("'{text}")) } else { Cow::Borrowed(text) }
}

/// Writes one row of an export, each cell [`guarded`]: the one way every
/// export writes its rows.
pub fn write_guarded<W: Write>(
    writer: &mut csv::Writer<W>,
    cells: impl IntoIterator<Item = impl AsRef<str>>,
) -> csv::Result<()> {
    for cell in cells {
        writer.write_field(guarded(cell.as_ref()).as_bytes())?;
    }
    // An empty record after the fields ends the row.
    writer.write_record(None::<&[u8]>)
}

/// A cell as [`guarded`] wrote it, read back.
fn unguarded(text: &str) -> &str {
    match text.strip_prefix('\'') {
        Some(rest) if formula_like(rest) => rest,
        _ => text,
    }
}

/// A record with its fields looked up by column name; a column the header
/// does not name reads as empty. A cell guarded against spreadsheets reads
/// as the text it guards.
pub struct Row<'a> {
    record: &'a csv::StringRecord,
    index: &'a HashMap<&'a str, usize>,
    header: &'a [Column],
}

impl Row<'_> {
    pub fn get(&self, column: &str) -> &str {
        self.index.get(column).and_then(|i| self.record.get(*i)).map_or("", unguarded)
    }

    /// A column as the file's header names it (its own name when absent).
    pub fn column_name<'c>(&'c self, column: &'c str) -> &'c str {
        self.index.get(column).and_then(|i| self.header.get(*i)).map_or(column, |c| c.name.as_str())
    }

    /// A field that may be left empty.
    pub fn optional(&self, column: &str) -> Option<&str> {
        Some(self.get(column).trim()).filter(|value| !value.is_empty())
    }
}

/// The shape of a file: the columns it may have, those it must have, and
/// other names for them (`("pays", "country")`).
pub struct Format<'a> {
    pub columns: &'a [&'a str],
    pub required: &'a [&'a str],
    pub aliases: &'a [(&'a str, &'a str)],
}

impl Format<'_> {
    /// The column a header's name means: compared folded (case, accents,
    /// `_`, `-` and runs of spaces aside), among the names and the aliases.
    fn column(&self, name: &str) -> Option<&str> {
        let key = header_key(name);
        let own = self.columns.iter().find(|column| header_key(column) == key).copied();
        own.or_else(|| self.aliases.iter().find(|(alias, _)| header_key(alias) == key).map(|(_, column)| *column))
    }
}

/// A header's name as compared: folded, words separated by one space.
fn header_key(name: &str) -> String {
    let folded = collate::fold(name).replace(['_', '-'], " ");
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A column of a file: its name as the header writes it, and the column
/// of the format it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Column {
    pub name: String,
    pub column: String,
}

/// A file read: its columns, in its order, and each value with its line.
#[derive(Debug)]
pub struct Sheet<T> {
    pub columns: Vec<Column>,
    pub rows: Vec<(u64, T)>,
}

/// Reads a whole file, its fields separated by `delimiter`. `parse_row`
/// turns a row into a value or says what is wrong with it (one message
/// per problem); `check` sees each good value with its line, for checks
/// across rows such as duplicates. Returns the file's columns and each
/// value with its line.
pub fn read<T, M: From<FileProblem>>(
    input: impl Read,
    delimiter: Delimiter,
    format: &Format<'_>,
    mut parse_row: impl FnMut(&Row<'_>) -> Result<T, Vec<M>>,
    mut check: impl FnMut(&T, u64) -> Result<(), M>,
) -> Result<Sheet<T>, CsvErrors<M>> {
    let mut problems = Collector { errors: Vec::new(), more: 0 };
    // Lines starting with `#` are comments (the open data's notes).
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter.byte())
        .flexible(true)
        .trim(csv::Trim::None)
        .comment(Some(b'#'))
        .from_reader(input);
    let header = match reader.headers() {
        Ok(header) => header.clone(),
        Err(error) => {
            problems.push(error_line(&error).unwrap_or(1), describe(&error));
            return problems.finish(Sheet { columns: Vec::new(), rows: Vec::new() });
        }
    };
    let columns = match header_columns(&header, format) {
        Ok(columns) => columns,
        Err(found) => {
            for problem in found {
                problems.push(1, problem);
            }
            return problems.finish(Sheet { columns: Vec::new(), rows: Vec::new() });
        }
    };
    let index: HashMap<&str, usize> = columns.iter().enumerate().map(|(i, c)| (c.column.as_str(), i)).collect();

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
            problems.push(line, FileProblem::FieldCount { expected: columns.len(), found: record.len(), delimiter });
            continue;
        }
        match parse_row(&Row { record: &record, index: &index, header: &columns }) {
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
    problems.finish(Sheet { columns, rows: values })
}

/// The columns a header names, or what is wrong with it.
fn header_columns(header: &csv::StringRecord, format: &Format<'_>) -> Result<Vec<Column>, Vec<FileProblem>> {
    let names: Vec<&str> = header
        .iter()
        .enumerate()
        .map(|(i, name)| {
            // A byte-order mark, as spreadsheet programs write, is not part of the name.
            let name = if i == 0 { name.trim_start_matches('\u{FEFF}') } else { name };
            name.trim()
        })
        .collect();
    let expected = format.required.join(",");
    if names.iter().all(|c| c.is_empty()) {
        return Err(vec![FileProblem::Empty { expected }]);
    }
    let mut problems = Vec::new();
    let mut columns = Vec::new();
    for name in names {
        match format.column(name) {
            None => {
                problems.push(FileProblem::UnknownColumn { column: name.to_owned(), columns: format.columns.join(",") })
            }
            Some(column) if columns.iter().any(|c: &Column| c.column == column) => {
                problems.push(FileProblem::ColumnTwice { column: name.to_owned() })
            }
            Some(column) => columns.push(Column { name: name.to_owned(), column: column.to_owned() }),
        }
    }
    for required in format.required {
        if !columns.iter().any(|c| c.column == *required) {
            problems.push(FileProblem::MissingColumn { column: (*required).to_owned(), expected: expected.clone() });
        }
    }
    if problems.is_empty() { Ok(columns) } else { Err(problems) }
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

fn describe(error: &csv::Error) -> FileProblem {
    match error.kind() {
        csv::ErrorKind::Utf8 { .. } => FileProblem::NotUtf8,
        csv::ErrorKind::Io(e) => FileProblem::Unreadable(e.to_string()),
        _ => FileProblem::Unreadable(error.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_formula_is_written_as_text_and_read_back_as_typed() {
        for (typed, written) in [
            ("=HYPERLINK(\"http://evil.example\",\"x\")", "'=HYPERLINK(\"http://evil.example\",\"x\")"),
            ("+33 1 23 45 67 89", "'+33 1 23 45 67 89"),
            ("-2+3", "'-2+3"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("\rx", "'\rx"),
            ("'=x", "''=x"),
            ("''=x", "'''=x"),
            ("-4.35", "-4.35"),
            ("48.58", "48.58"),
            ("'quoted'", "'quoted'"),
            ("'-4.35", "'-4.35"),
            ("Strasbourg", "Strasbourg"),
            ("", ""),
        ] {
            assert_eq!(guarded(typed), written, "{typed:?}");
            assert_eq!(unguarded(written), typed, "{written:?}");
        }
    }

    #[test]
    fn an_export_row_is_written_guarded_and_ends_its_line() {
        let mut writer = csv::Writer::from_writer(Vec::new());
        write_guarded(&mut writer, ["=1+1", "-4.35", "a, b"]).expect("a row");
        write_guarded(&mut writer, ["@x", "", "y"]).expect("another row");
        let written = String::from_utf8(writer.into_inner().expect("the bytes")).expect("UTF-8");
        assert_eq!(written, "'=1+1,-4.35,\"a, b\"\n'@x,,y\n");
    }
}
