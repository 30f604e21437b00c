//! The signatories' CSV format, shared by `signatories import`,
//! `signatories export`, the back office's import and the open-data
//! download.
//!
//! Columns: `name,kind,country,joined_on` are required; `name_fr`,
//! `name_en`, `website`, `latitude` and `longitude` are optional. Each may
//! also be named in French ([`COLUMNS_FR`]). Every row is checked before
//! anything is written: one bad row rejects the whole file. An optional
//! column the file does not have leaves that field of stored signatories
//! as it is ([`SignatoriesFile::kept`]).

use std::{collections::HashMap, fmt, io::Write, sync::Arc};

use time::Date;

pub use super::csv_file::{CsvErrors, FileProblem};
use crate::{
    domain::{Country, Field, FieldError, NewSignatory, Signatory, SignatoryFields},
    formats::{
        csv_file::{self, Format, Row},
        csv_text::{CsvText, Delimiter, TextEncoding},
        signatory_cells,
    },
    text::i18n::{Arg, Lang, Locales, Tr},
};

pub const COLUMNS: [&str; 9] =
    ["name", "kind", "country", "joined_on", "name_fr", "name_en", "website", "latitude", "longitude"];
/// The same columns named in French, as the French template writes them.
pub const COLUMNS_FR: [&str; 9] = [
    "nom",
    "type",
    "pays",
    "date d’adhésion",
    "nom en français",
    "nom en anglais",
    "site web",
    "latitude",
    "longitude",
];
const REQUIRED: [&str; 4] = ["name", "kind", "country", "joined_on"];
/// Other names of the columns: the French ones, and a few more that people
/// write.
const ALIASES: [(&str, &str); 11] = [
    ("nom", "name"),
    ("type", "kind"),
    ("pays", "country"),
    ("date d’adhésion", "joined_on"),
    ("date de signature", "joined_on"),
    ("date of signature", "joined_on"),
    ("nom en français", "name_fr"),
    ("nom en anglais", "name_en"),
    ("site web", "website"),
    ("site internet", "website"),
    ("site", "website"),
];

/// The columns' names in a language.
pub fn columns(lang: Lang) -> [&'static str; 9] {
    match lang {
        Lang::Fr => COLUMNS_FR,
        Lang::En => COLUMNS,
    }
}

/// What is wrong on a line of a signatories file. `Display` says it in
/// English, for the command line; the back office says it in its reader's
/// language from the same value.
#[derive(Debug, PartialEq, Eq)]
pub enum Problem {
    File(FileProblem),
    /// A field, with its column as the file names it and the cell's text.
    Field {
        column: String,
        field: Field,
        error: FieldError,
        value: String,
    },
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
            Problem::Field { column, error, .. } => write!(f, "{column}: {error}"),
            Problem::Duplicate { name, country, first } => write!(f, "{name} ({country}) is already on line {first}"),
        }
    }
}

/// A file of signatories, read.
#[derive(Clone, Debug, PartialEq)]
pub struct SignatoriesFile {
    pub encoding: TextEncoding,
    pub delimiter: Delimiter,
    /// The file's columns, in its order: each as its header names it, and
    /// its field.
    pub columns: Vec<(String, Field)>,
    /// Every signatory, in the file's order, and the line of each.
    pub signatories: Vec<NewSignatory>,
    pub lines: Vec<u64>,
    /// The optional fields the file has no column for: a stored signatory
    /// keeps its own. (Latitude and longitude go together: both are kept
    /// when neither column is there.)
    pub kept: Vec<Field>,
}

/// Reads a file as people have it (see [`CsvText`]): every signatory, or
/// every problem found. The command line and the back office read files
/// through here.
pub fn read(bytes: &[u8], today: Date) -> Result<SignatoriesFile, CsvErrors<Problem>> {
    parse(&CsvText::decode(bytes), today)
}

/// Parses a file made text.
pub fn parse(text: &CsvText, today: Date) -> Result<SignatoriesFile, CsvErrors<Problem>> {
    let mut seen: HashMap<(String, Country), u64> = HashMap::new();
    let delimiter = text.delimiter();
    let format = Format { columns: &COLUMNS, required: &REQUIRED, aliases: &ALIASES };
    let sheet = csv_file::read(
        text.text.as_bytes(),
        delimiter,
        &format,
        |row| parse_row(row, today),
        |signatory, line| match seen.insert((signatory.name.key(), signatory.country), line) {
            Some(first) => {
                Err(Problem::Duplicate { name: signatory.name.to_string(), country: signatory.country, first })
            }
            None => Ok(()),
        },
    )?;
    let columns: Vec<(String, Field)> = sheet
        .columns
        .into_iter()
        .filter_map(|c| Field::ALL.into_iter().find(|f| f.column() == c.column).map(|field| (c.name, field)))
        .collect();
    let has = |field: Field| columns.iter().any(|(_, f)| *f == field);
    let mut kept: Vec<Field> =
        [Field::NameFr, Field::NameEn, Field::Website].into_iter().filter(|field| !has(*field)).collect();
    if !has(Field::Latitude) && !has(Field::Longitude) {
        kept.extend([Field::Latitude, Field::Longitude]);
    }
    let (lines, signatories) = sheet.rows.into_iter().unzip();
    Ok(SignatoriesFile { encoding: text.encoding, delimiter, columns, signatories, lines, kept })
}

/// A row is checked field by field as the back office's form is: the same
/// types, the same rules ([`SignatoryFields::parse`]), once the words
/// people write for a kind, a country or a date are read.
fn parse_row(row: &Row<'_>, today: Date) -> Result<NewSignatory, Vec<Problem>> {
    let (kind, country, joined_on) = (
        signatory_cells::kind(row.get("kind")),
        signatory_cells::country(row.get("country")),
        signatory_cells::date(row.get("joined_on")),
    );
    SignatoryFields {
        name: row.get("name"),
        kind: &kind,
        country: &country,
        joined_on: &joined_on,
        name_fr: row.get("name_fr"),
        name_en: row.get("name_en"),
        website: row.get("website"),
        latitude: row.get("latitude"),
        longitude: row.get("longitude"),
    }
    .parse(today)
    .map_err(|errors| {
        errors
            .into_iter()
            .map(|(field, error)| Problem::Field {
                column: row.column_name(field.column()).to_owned(),
                field,
                error,
                value: row.get(field.column()).trim().chars().take(60).collect(),
            })
            .collect()
    })
}

/// A template to fill in, in a language: its columns named in that
/// language, then one line that is an example, in the form a spreadsheet
/// opens directly (UTF-8 with its byte-order mark; semicolons in French,
/// as Excel in French reads them). `example` is the example line's cells,
/// in the columns' order.
pub fn template(lang: Lang, example: &[&str; 9]) -> csv::Result<Vec<u8>> {
    let delimiter = match lang {
        Lang::Fr => Delimiter::Semicolon,
        Lang::En => Delimiter::Comma,
    };
    let mut writer = csv::WriterBuilder::new().delimiter(delimiter.byte()).from_writer(b"\xEF\xBB\xBF".to_vec());
    writer.write_record(columns(lang))?;
    csv_file::write_guarded(&mut writer, example)?;
    writer.into_inner().map_err(|error| csv::Error::from(error.into_error()))
}

/// The notes a file of `total` signatories carries while `sample` of them
/// are sample data: one line per language.
pub fn sample_notes_of(sample: i64, total: i64, locales: &Arc<Locales>) -> Vec<String> {
    if sample == 0 {
        return Vec::new();
    }
    Lang::ALL
        .iter()
        .map(|lang| {
            Tr::new(*lang, locales.clone())
                .format("sample-open-data-note", &[("sample", Arg::Count(sample)), ("total", Arg::Count(total))])
        })
        .collect()
}

/// Whether every field of a file is quoted: when a name starts with `#`,
/// which a reader would otherwise take for a comment line (the notes').
pub fn quote_all(signatories: &[Signatory]) -> bool {
    signatories.iter().any(|s| s.details.name.as_str().starts_with('#'))
}

/// Writes signatories with every column, so that the output imports back.
pub fn write(mut output: impl Write, signatories: &[Signatory], notes: &[String]) -> csv::Result<()> {
    let quote_all = quote_all(signatories);
    write_head(&mut output, notes, quote_all)?;
    write_rows(output, signatories, quote_all)
}

/// What a file starts with: the notes, then the columns' names. A file
/// written page by page is this, then [`write_rows`] for each page, byte
/// for byte what [`write`] writes.
pub fn write_head(mut output: impl Write, notes: &[String], quote_all: bool) -> csv::Result<()> {
    // Notes go on comment lines (`#`), which the importer skips; a name that
    // itself starts with `#` is then quoted, as is every field.
    for note in notes {
        writeln!(output, "# {}", note.replace(['\r', '\n'], " "))?;
    }
    let mut writer = writer(output, quote_all);
    writer.write_record(COLUMNS)?;
    writer.flush()?;
    Ok(())
}

/// Signatories' rows, after the head ([`write_head`]).
pub fn write_rows(output: impl Write, signatories: &[Signatory], quote_all: bool) -> csv::Result<()> {
    let mut writer = writer(output, quote_all);
    for signatory in signatories {
        csv_file::write_guarded(&mut writer, Field::ALL.map(|field| signatory.details.field_text(field)))?;
    }
    writer.flush()?;
    Ok(())
}

fn writer<W: Write>(output: W, quote_all: bool) -> csv::Writer<W> {
    let quote = if quote_all { csv::QuoteStyle::Always } else { csv::QuoteStyle::Necessary };
    csv::WriterBuilder::new().quote_style(quote).from_writer(output)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The day the tests' files are read on.
    const TODAY: Date = time::macros::date!(2026 - 12 - 07);

    fn parse(bytes: &[u8]) -> Result<Vec<NewSignatory>, CsvErrors<Problem>> {
        read(bytes, TODAY).map(|file| file.signatories)
    }

    #[test]
    fn a_signature_after_today_is_refused_today_is_not() {
        let file = "name,kind,country,joined_on\nA,city,FR,2026-12-07\nB,city,FR,2026-12-08\n";
        let errors = parse(file.as_bytes()).err().map(|e| e.errors).unwrap_or_default();
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].line, 3);
        assert!(matches!(
            errors[0].message,
            Problem::Field { field: Field::JoinedOn, error: FieldError::DateInFuture(_), .. }
        ));
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
        assert_eq!(lines(parse(b"name,kind,country,joined_on\nA\x7f,city,FR,2013-01-01\n".as_slice())), vec![2]);
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
        assert_eq!(parse(&out).expect("reparse"), parsed);
    }
}

#[cfg(test)]
mod people_tests {
    use super::*;

    /// The day the tests' files are read on.
    const TODAY: Date = time::macros::date!(2026 - 12 - 07);

    #[test]
    fn reads_french_excel_in_windows_1252() {
        let file = b"Nom;Type;Pays;Date d\x92adh\xe9sion;Site web\r\nZ\xfcrich;ville;Suisse;02/03/2026;\r\n\"Bruxelles; R\xe9gion\";r\xe9gion;Belgique;2014-01-31;https://be.example/\r\n";
        let file = read(file, TODAY).expect("good file");
        assert_eq!((file.encoding, file.delimiter), (TextEncoding::Windows1252, Delimiter::Semicolon));
        assert_eq!(file.signatories[0].name.as_str(), "Zürich");
        assert_eq!(file.signatories[0].country.code(), "CH");
        assert_eq!(crate::domain::date::format(file.signatories[0].joined_on), "2026-03-02");
        assert_eq!(file.signatories[1].name.as_str(), "Bruxelles; Région");
        assert_eq!(file.lines, [2, 3]);
        let names: Vec<&str> = file.columns.iter().map(|(name, _)| name.as_str()).collect();
        assert_eq!(names, ["Nom", "Type", "Pays", "Date d’adhésion", "Site web"]);
        assert_eq!(file.kept, [Field::NameFr, Field::NameEn, Field::Latitude, Field::Longitude]);
    }

    #[test]
    fn says_each_problem_with_the_column_as_the_file_names_it() {
        let errors = read("nom;pays;type;date de signature\nA;Frence;ville;2020-01-01\nB;FR;ville\n".as_bytes(), TODAY)
            .expect_err("bad file");
        assert_eq!(errors.errors[0].line, 2);
        assert!(
            matches!(&errors.errors[0].message, Problem::Field { column, value, field: Field::Country, .. } if column == "pays" && value == "Frence")
        );
        assert!(matches!(
            errors.errors[1].message,
            Problem::File(FileProblem::FieldCount { expected: 4, found: 3, delimiter: Delimiter::Semicolon })
        ));
    }

    #[test]
    fn templates_read_back() {
        for lang in Lang::ALL {
            let bytes =
                template(lang, &["Exampleton", "city", "FR", "2026-03-02", "", "", "", "", ""]).expect("template");
            assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
            let file = read(&bytes, TODAY).expect("the template reads");
            assert_eq!(file.signatories.len(), 1);
            assert_eq!(file.columns.len(), 9);
            assert!(file.kept.is_empty());
        }
    }
}
