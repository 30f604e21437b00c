//! Countries: the member and observer states of the Council of Europe,
//! named by their ISO 3166-1 alpha-2 code.

use std::fmt;

/// A country whose local and regional authorities may sign the Pact: a
/// member or observer state of the Council of Europe. The value is the
/// proof: it can only be built by [`Country::parse`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Country(&'static str);

/// The 46 member states of the Council of Europe.
const MEMBERS: [&str; 46] = [
    "AD", "AL", "AM", "AT", "AZ", "BA", "BE", "BG", "CH", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GB", "GE",
    "GR", "HR", "HU", "IE", "IS", "IT", "LI", "LT", "LU", "LV", "MC", "MD", "ME", "MK", "MT", "NL", "NO", "PL", "PT",
    "RO", "RS", "SE", "SI", "SK", "SM", "TR", "UA",
];

/// The observer states of the Council of Europe.
const OBSERVERS: [&str; 5] = ["CA", "JP", "MX", "US", "VA"];

#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum CountryError {
    #[error("the country is empty")]
    Empty,
    #[error(
        "unknown country code {0:?}: expected the ISO 3166-1 alpha-2 code of a Council of Europe member or observer state"
    )]
    Unknown(String),
}

impl Country {
    /// Parses an ISO 3166-1 alpha-2 code, in either case, with surrounding
    /// spaces allowed.
    pub fn parse(input: &str) -> Result<Country, CountryError> {
        let code = input.trim();
        if code.is_empty() {
            return Err(CountryError::Empty);
        }
        let upper = code.to_ascii_uppercase();
        MEMBERS
            .iter()
            .chain(OBSERVERS.iter())
            .find(|known| **known == upper)
            .map(|known| Country(known))
            .ok_or_else(|| CountryError::Unknown(code.chars().take(40).collect()))
    }

    /// The upper-case ISO code, e.g. `FR`.
    pub fn code(self) -> &'static str {
        self.0
    }

    /// Every country, members first then observers.
    pub fn all() -> impl Iterator<Item = Country> {
        MEMBERS.iter().chain(OBSERVERS.iter()).map(|code| Country(code))
    }

    pub fn is_member(self) -> bool {
        MEMBERS.contains(&self.0)
    }

    /// The Fluent message that names this country, e.g. `country-FR`.
    pub fn message_id(self) -> String {
        format!("country-{}", self.0)
    }
}

impl fmt::Display for Country {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_member_and_observer_codes() {
        assert_eq!(Country::parse("FR").map(Country::code), Ok("FR"));
        assert_eq!(Country::parse(" de ").map(Country::code), Ok("DE"));
        assert!(Country::parse("US").is_ok_and(|c| !c.is_member()));
        assert!(Country::parse("UA").is_ok_and(Country::is_member));
    }

    #[test]
    fn rejects_other_input() {
        assert_eq!(Country::parse(""), Err(CountryError::Empty));
        assert_eq!(Country::parse("   "), Err(CountryError::Empty));
        for bad in ["RU", "BY", "XX", "FRA", "F", "France", "F R", "ＦＲ", "<b>", "1"] {
            assert!(Country::parse(bad).is_err(), "{bad:?} accepted");
        }
    }

    #[test]
    fn lists_46_members_and_5_observers() {
        assert_eq!(Country::all().count(), 51);
        assert_eq!(Country::all().filter(|c| c.is_member()).count(), 46);
        let mut codes: Vec<_> = Country::all().map(Country::code).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), 51);
    }
}
