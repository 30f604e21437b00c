//! oneinfive: the public site of the Council of Europe Congress's ONE in
//! FIVE campaign and of its Pact of cities and regions.
//!
//! - `domain`: typed values, parsed once at the edge;
//! - `text`: languages and messages, collation, Markdown, hexadecimal;
//! - `formats`: the files staff import and export (CSV, the news folder,
//!   iCalendar) and the bundled sample data;
//! - `store`: the storage interface over PostgreSQL and SQLite;
//! - `infra`: outgoing mail, the clock, randomness;
//! - `web`: routes, handlers, layers and page views;
//! - `startup`: the command line, settings and the server.

pub(crate) mod domain;
pub mod formats;
pub mod infra;
pub mod startup;
pub mod store;
pub mod text;
pub(crate) mod web;

#[cfg(test)]
mod crate_tests;
