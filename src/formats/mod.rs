//! The files staff import and export, and the bundled sample data.

pub mod bounce_reports;
pub mod csv_file;
pub mod csv_text;
pub mod events_csv;
pub mod ical;
pub mod news_files;
pub mod sample;
pub mod signatories_csv;
pub mod signatory_cells;
pub mod subscribers_csv;
