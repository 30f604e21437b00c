//! Text: the two languages and their messages, collation, Markdown and
//! the accessibility checks of what staff write, hexadecimal, and
//! line-by-line comparison.

pub mod checks;
pub mod collate;
pub mod diff;
pub mod hex;
pub mod i18n;
pub mod markdown;
pub mod pages;
