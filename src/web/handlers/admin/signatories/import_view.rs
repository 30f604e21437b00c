//! The import page as staff read it: every problem of a file in plain
//! words, with its line and its column as the file names it; or the
//! preview, a table of every line with every column of the file, the old
//! and the new value of each changed field.

use askama::Template;

use super::{error_message, kind_label};
use crate::{
    domain::{Field, FieldError, NewSignatory, Signatory},
    formats::{
        csv_file::{CsvErrors, FileProblem},
        csv_text::{Delimiter, TextEncoding},
        signatories_csv::{self, Problem as CsvProblem, SignatoriesFile},
    },
    store::{ImportPreview, PreviewRow},
    text::i18n::{Arg, Tr},
    web::{
        paths::admin::{self, Area},
        staff::Staff,
        state::AppState,
        view::admin::AdminContext,
    },
};

/// The most lines the preview's table shows; the others are counted.
const SHOWN_LINES: usize = 1000;

fn text(value: &str) -> Arg<'static> {
    Arg::Text(value.to_owned().into())
}

fn count(n: usize) -> Arg<'static> {
    Arg::Count(i64::try_from(n).unwrap_or(i64::MAX))
}

/// A column as the person's language names it.
fn column_in(tr: &Tr, column: &str) -> String {
    let position = signatories_csv::COLUMNS.iter().position(|c| *c == column);
    position.map_or_else(|| column.to_owned(), |i| signatories_csv::columns(tr.lang())[i].to_owned())
}

/// Columns, comma-separated, as the person's language names them.
fn columns_in(tr: &Tr, columns: &str) -> String {
    columns.split(',').map(|c| column_in(tr, c)).collect::<Vec<_>>().join(", ")
}

fn separator_name(tr: &Tr, delimiter: Delimiter) -> String {
    tr.t(match delimiter {
        Delimiter::Comma => "import-separator-comma",
        Delimiter::Semicolon => "import-separator-semicolon",
        Delimiter::Tab => "import-separator-tab",
    })
}

/// A field's problem, with the column as the file names it and, where it
/// helps, what the cell says.
fn field_message(tr: &Tr, column: &str, field: Field, error: &FieldError, value: &str) -> String {
    let with_value = |id: &str| tr.format(id, &[("column", text(column)), ("value", text(value))]);
    match error {
        FieldError::Country(crate::domain::country::CountryError::Unknown(_)) => with_value("import-problem-country"),
        FieldError::Kind(_) => with_value("import-problem-kind"),
        FieldError::Date(_) if field == Field::JoinedOn => with_value("import-problem-date"),
        _ => tr.format(
            "import-problem-field",
            &[("column", text(column)), ("message", Arg::Text(tr.t(error_message(error)).into()))],
        ),
    }
}

/// A problem of an uploaded file, in the person's language.
fn problem_message(tr: &Tr, problem: &CsvProblem) -> String {
    match problem {
        CsvProblem::Field { column, field, error, value } => field_message(tr, column, *field, error, value),
        CsvProblem::Duplicate { name, country, first } => tr.format(
            "admin-signatories-problem-duplicate",
            &[
                ("name", text(name)),
                ("country", Arg::Text(tr.t(&country.message_id()).into())),
                ("line", Arg::Count(i64::try_from(*first).unwrap_or(0))),
            ],
        ),
        CsvProblem::File(file) => match file {
            FileProblem::Empty { expected } => {
                tr.format("admin-csv-empty", &[("columns", text(&columns_in(tr, expected)))])
            }
            FileProblem::UnknownColumn { column, columns } => tr.format(
                "admin-csv-unknown-column",
                &[("column", text(column)), ("columns", text(&columns_in(tr, columns)))],
            ),
            FileProblem::ColumnTwice { column } => tr.format("admin-csv-column-twice", &[("column", text(column))]),
            FileProblem::MissingColumn { column, expected } => tr.format(
                "admin-csv-missing-column",
                &[("column", text(&column_in(tr, column))), ("columns", text(&columns_in(tr, expected)))],
            ),
            FileProblem::FieldCount { expected, found, delimiter } => tr.format(
                "import-problem-field-count",
                &[
                    ("expected", count(*expected)),
                    ("found", count(*found)),
                    ("separator", text(&separator_name(tr, *delimiter))),
                ],
            ),
            FileProblem::NotUtf8 => tr.t("admin-csv-not-utf8"),
            FileProblem::Unreadable(_) => tr.t("admin-csv-unreadable"),
        },
    }
}

/// A cell of the preview: the value, and the stored one it replaces.
pub struct Cell {
    text: String,
    before: Option<String>,
}

/// A line of the preview.
pub struct PreviewLine {
    name: String,
    line: u64,
    /// `added`, `updated` or `unchanged`.
    status: &'static str,
    status_text: String,
    cells: Vec<Cell>,
}

/// A problem of the file, with its line.
pub struct Problem {
    line: String,
    message: String,
}

/// The preview: what the file would do, and the form that applies it.
pub struct Preview {
    counts: Vec<String>,
    read_as: String,
    separated_by: String,
    kept: Option<String>,
    columns: Vec<String>,
    lines: Vec<PreviewLine>,
    more_lines: Option<String>,
    csv: String,
    encoding: &'static str,
    fingerprint: String,
    source: String,
}

#[derive(Template)]
#[template(path = "admin/signatories_import.html")]
pub struct ImportPage {
    ctx: AdminContext,
    preview_action: &'static str,
    apply_action: &'static str,
    template_href: &'static str,
    back_href: &'static str,
    /// The file's problems: nothing was written.
    problems: Vec<Problem>,
    more_problems: Option<String>,
    /// The data changed since the preview shown before: shown again.
    pub stale: bool,
    /// The form had no file, or its file could not be read.
    pub missing_file: bool,
    upload_hint: String,
    preview: Option<Preview>,
}

/// A field's value as the preview shows it: a kind and a country in the
/// person's language, anything else as the file would write it.
fn shown(tr: &Tr, s: &NewSignatory, field: Field) -> String {
    let value = match field {
        Field::Kind => kind_label(tr, s.kind),
        Field::Country => tr.t(&s.country.message_id()),
        _ => s.field_text(field),
    };
    if value.is_empty() { tr.t("admin-signatories-empty-value") } else { value }
}

impl ImportPage {
    pub fn new(state: &AppState, staff: &Staff) -> ImportPage {
        let ctx = AdminContext::signed_in(state, staff, Some(Area::Signatories));
        let required = signatories_csv::columns(ctx.tr.lang())[..4].join(", ");
        let optional = signatories_csv::columns(ctx.tr.lang())[4..].join(", ");
        let upload_hint =
            ctx.tr.format("import-upload-hint", &[("required", text(&required)), ("optional", text(&optional))]);
        ImportPage {
            ctx,
            preview_action: admin::SIGNATORIES_PREVIEW,
            apply_action: admin::SIGNATORIES_APPLY,
            template_href: admin::SIGNATORIES_TEMPLATE,
            back_href: admin::SIGNATORIES,
            problems: Vec::new(),
            more_problems: None,
            stale: false,
            missing_file: false,
            upload_hint,
            preview: None,
        }
    }

    pub fn with_problems(mut self, errors: &CsvErrors<CsvProblem>) -> ImportPage {
        let tr = &self.ctx.tr;
        self.problems = errors
            .errors
            .iter()
            .map(|e| Problem {
                line: tr.format("admin-signatories-line", &[("line", Arg::Count(i64::try_from(e.line).unwrap_or(0)))]),
                message: problem_message(tr, &e.message),
            })
            .collect();
        if errors.more > 0 {
            self.more_problems =
                Some(tr.count("admin-signatories-more-problems", "count", i64::try_from(errors.more).unwrap_or(0)));
        }
        self
    }

    /// A line of the table: each of the file's columns, with the stored
    /// value beside a changed one.
    fn line(&self, file: &SignatoriesFile, line: u64, row: &PreviewRow) -> PreviewLine {
        let tr = &self.ctx.tr;
        let (after, before, status, message): (&NewSignatory, Option<&Signatory>, &'static str, &str) = match row {
            PreviewRow::Added(after) => (after, None, "added", "import-status-added"),
            PreviewRow::Updated { before, after } => (after, Some(before), "updated", "import-status-updated"),
            PreviewRow::Unchanged(after) => (after, None, "unchanged", "import-status-unchanged"),
        };
        let mut status_text = tr.t(message);
        if before.is_some_and(|b| b.sample) {
            status_text = format!("{status_text} ({})", tr.t("admin-signatories-becomes-real"));
        }
        let cells = file
            .columns
            .iter()
            .map(|(_, field)| {
                let now = shown(tr, after, *field);
                let was = before.map(|b| shown(tr, &b.details, *field)).filter(|was| *was != now);
                Cell { text: now, before: was }
            })
            .collect();
        PreviewLine { name: after.display_name(tr.lang()).to_string(), line, status, status_text, cells }
    }

    pub fn with_preview(
        mut self,
        file: &SignatoriesFile,
        preview: &ImportPreview,
        csv: String,
        source: String,
    ) -> ImportPage {
        let tr = &self.ctx.tr;
        let report = preview.report();
        let counted = |id: &str, n: usize| tr.count(id, "count", i64::try_from(n).unwrap_or(0));
        let lines = file
            .lines
            .iter()
            .zip(&preview.rows)
            .take(SHOWN_LINES)
            .map(|(line, row)| self.line(file, *line, row))
            .collect();
        let hidden = preview.rows.len().saturating_sub(SHOWN_LINES);
        let kept: Vec<String> = file
            .kept
            .iter()
            .filter(|field| **field != Field::Longitude)
            .map(|field| match field {
                Field::Latitude => format!("{}, {}", column_in(tr, "latitude"), column_in(tr, "longitude")),
                _ => column_in(tr, field.column()),
            })
            .collect();
        let preview = Preview {
            counts: vec![
                counted("admin-signatories-preview-added", report.added),
                counted("admin-signatories-preview-updated", report.updated),
                counted("admin-signatories-preview-unchanged", report.unchanged),
            ],
            read_as: tr.t(match file.encoding {
                TextEncoding::Utf8 => "import-read-as-utf-8",
                TextEncoding::Windows1252 => "import-read-as-windows-1252",
            }),
            separated_by: tr.format("import-separated-by", &[("separator", text(&separator_name(tr, file.delimiter)))]),
            kept: (!kept.is_empty()).then(|| tr.format("import-kept-columns", &[("columns", text(&kept.join(", ")))])),
            columns: file.columns.iter().map(|(name, _)| name.clone()).collect(),
            lines,
            more_lines: (hidden > 0).then(|| tr.format("import-more-lines", &[("count", count(hidden))])),
            csv,
            encoding: file.encoding.as_str(),
            fingerprint: preview.fingerprint.clone(),
            source,
        };
        self.preview = Some(preview);
        self
    }
}
