//! Text: the two languages and their messages, collation, Markdown, and
//! hexadecimal.

pub mod collate;
pub mod hex;
pub mod i18n;
pub mod markdown;
pub mod pages;
