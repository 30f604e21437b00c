//! Typed domain values, parsed once at the edge (a form, a CSV file, a URL).

pub mod country;
pub mod news;
pub mod signatory;

pub use country::Country;
pub use signatory::{Counter, Kind, Name, NewSignatory, Signatory, Website};
