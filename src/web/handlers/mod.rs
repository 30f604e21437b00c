//! The handlers, one file per area of the site. Each is a plain axum
//! handler that takes its own extractors; `routes` says which address
//! leads to which.

pub mod admin;
pub mod assets;
pub mod calendar;
pub mod content;
pub mod directory;
pub mod event;
pub mod health;
pub mod history;
pub mod home;
pub mod join;
pub mod language;
pub mod map;
pub mod metrics;
pub mod news;
pub mod newsletter;
pub mod newsletter_archive;
pub mod open_data;
pub mod seo;
