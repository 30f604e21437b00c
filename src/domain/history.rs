//! The counter's history: how many authorities signed the Pact each year,
//! and how many had signed by the end of it, year by year from the first
//! signature, with no year left out.

/// One year of the history.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct YearCount {
    pub year: i32,
    /// Signatures dated that year.
    pub added: i64,
    /// Signatories by the end of that year.
    pub total: i64,
}

/// The history, oldest year first; empty while nobody has signed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct History {
    pub years: Vec<YearCount>,
}

impl History {
    /// The history from signatures counted by year (in any order, a year at
    /// most once), running on to `through` (the current year) when that is
    /// later than the last signature, so that the line ends today.
    pub fn from_counts(counts: &[(i32, i64)], through: i32) -> History {
        let mut counts = counts.to_vec();
        counts.sort_unstable();
        let (Some(&(first, _)), Some(&(last, _))) = (counts.first(), counts.last()) else {
            return History::default();
        };
        let mut years = Vec::new();
        let mut total = 0;
        let mut next = counts.iter().peekable();
        for year in first..=last.max(through) {
            let added = match next.peek() {
                Some(&&(at, count)) if at == year => {
                    next.next();
                    count
                }
                _ => 0,
            };
            total += added;
            years.push(YearCount { year, added, total });
        }
        History { years }
    }

    /// The last year, with the count today.
    pub fn latest(&self) -> Option<YearCount> {
        self.years.last().copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_the_years_without_signatures_and_runs_to_the_current_year() {
        let history = History::from_counts(&[(2018, 2), (2016, 3)], 2020);
        let years: Vec<(i32, i64, i64)> = history.years.iter().map(|y| (y.year, y.added, y.total)).collect();
        assert_eq!(years, [(2016, 3, 3), (2017, 0, 3), (2018, 2, 5), (2019, 0, 5), (2020, 0, 5)]);
        assert_eq!(history.latest().map(|y| y.total), Some(5));
    }

    #[test]
    fn a_signature_dated_after_the_current_year_still_counts() {
        let history = History::from_counts(&[(2016, 1), (2030, 1)], 2026);
        assert_eq!(history.latest(), Some(YearCount { year: 2030, added: 1, total: 2 }));
    }

    #[test]
    fn nobody_has_signed() {
        assert!(History::from_counts(&[], 2026).years.is_empty());
    }
}
