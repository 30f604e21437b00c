//! Calendar dates as files and feeds write them: `YYYY-MM-DD` (ISO 8601).

use time::{Date, format_description::BorrowedFormatItem, macros::format_description};

const ISO_DATE: &[BorrowedFormatItem<'static>] = format_description!("[year]-[month]-[day]");

/// Parses a `YYYY-MM-DD` date; white space around it is ignored.
pub fn parse(input: &str) -> Result<Date, String> {
    let text = input.trim();
    if text.is_empty() {
        return Err("the date is empty".into());
    }
    Date::parse(text, ISO_DATE)
        .map_err(|_| format!("{:?} is not a date written YYYY-MM-DD", text.chars().take(40).collect::<String>()))
}

/// Writes a date as `YYYY-MM-DD`.
pub fn format(date: Date) -> String {
    date.format(ISO_DATE).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use time::macros::date;

    #[test]
    fn iso_dates_round_trip() {
        assert_eq!(super::parse(" 2026-03-02 "), Ok(date!(2026 - 03 - 02)));
        assert_eq!(super::format(date!(2026 - 03 - 02)), "2026-03-02");
        assert!(super::parse("").is_err());
        assert!(super::parse("2026-02-30").is_err());
        assert!(super::parse("02/03/2026").is_err());
    }
}
