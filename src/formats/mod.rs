//! The files staff import and export, the bundled sample data, and the
//! sitemap's XML.

pub mod bounce_reports;
pub mod csv_file;
pub mod csv_text;
pub mod events_csv;
pub mod ical;
pub mod news_files;
pub mod sample;
pub mod signatories_csv;
pub mod signatory_cells;
pub mod sitemap_xml;
pub mod subscribers_csv;
