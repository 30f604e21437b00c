//! The files staff import and export, and the bundled sample data.

pub mod csv_file;
pub mod events_csv;
pub mod ical;
pub mod news_files;
pub mod sample;
pub mod signatories_csv;
pub mod subscribers_csv;
