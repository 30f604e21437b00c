//! Typed domain values, parsed once at the edge (a form, a CSV file, a URL).

pub mod account;
pub mod application;
pub mod country;
pub mod date;
pub mod email;
pub mod history;
pub mod news;
pub mod newsletter_issue;
pub mod position;
pub mod signatory;
pub mod slug;
pub mod text;
pub mod time_zone;
pub mod two_step;

pub use account::{Password, Role};
pub use country::Country;
pub use email::EmailAddress;
pub use history::History;
pub use position::Position;
pub use signatory::{Counter, Field, FieldError, Kind, Name, NewSignatory, Signatory, SignatoryFields, Website};
pub use slug::Slug;
pub use text::Title;
pub use time_zone::TimeZone;
pub mod event;

pub use event::{Event, NewEvent};
