//! Where a signatory is, for the map: a latitude and a longitude in
//! decimal degrees (WGS 84), kept to the millionth of a degree (about 10 cm),
//! so that a position reads back exactly as it was written.

use std::fmt;

/// Which of the two a coordinate is, and so its range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Axis {
    Latitude,
    Longitude,
}

impl Axis {
    /// The largest value either way, in degrees.
    pub fn limit(self) -> i32 {
        match self {
            Axis::Latitude => 90,
            Axis::Longitude => 180,
        }
    }
}

const MICRO: i64 = 1_000_000;

/// A latitude or a longitude, in millionths of a degree.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Coordinate(i32);

#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum CoordinateError {
    #[error("not a number of degrees such as 48.58 or -1.68")]
    NotANumber,
    #[error("out of range: from -{limit} to {limit} degrees", limit = .0.limit())]
    OutOfRange(Axis),
}

impl Coordinate {
    /// Parses decimal degrees, `48.5839` or `-1,68` (a decimal comma, as
    /// French is written, is taken too); more than six decimals are rounded.
    pub fn parse(input: &str, axis: Axis) -> Result<Coordinate, CoordinateError> {
        let text = input.trim().replace(',', ".");
        let (negative, digits) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text.strip_prefix('+').unwrap_or(&text)),
        };
        let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
        let decimal = |part: &str| part.bytes().all(|b| b.is_ascii_digit());
        if whole.is_empty() && fraction.is_empty() || !decimal(whole) || !decimal(fraction) {
            return Err(CoordinateError::NotANumber);
        }
        if whole.trim_start_matches('0').len() > 3 {
            return Err(CoordinateError::OutOfRange(axis));
        }
        let whole: i64 = if whole.is_empty() { 0 } else { whole.parse().map_err(|_| CoordinateError::NotANumber)? };
        // Six decimals kept, the seventh rounds.
        let mut micro = 0_i64;
        for (place, digit) in fraction.bytes().take(7).enumerate() {
            let digit = i64::from(digit - b'0');
            if place < 6 {
                micro = micro * 10 + digit;
            } else if digit >= 5 {
                micro += 1;
            }
        }
        micro *= 10_i64.pow(6_u32.saturating_sub(u32::try_from(fraction.len()).unwrap_or(6)));
        let value = (whole * MICRO + micro) * if negative { -1 } else { 1 };
        if value.abs() > i64::from(axis.limit()) * MICRO {
            return Err(CoordinateError::OutOfRange(axis));
        }
        i32::try_from(value).map(Coordinate).map_err(|_| CoordinateError::OutOfRange(axis))
    }

    /// A coordinate read back from the database, as degrees.
    pub fn from_degrees(degrees: f64, axis: Axis) -> Option<Coordinate> {
        let micro = (degrees * MICRO as f64).round();
        (degrees.is_finite() && micro.abs() <= f64::from(axis.limit()) * MICRO as f64)
            .then_some(Coordinate(micro as i32))
    }

    pub fn degrees(self) -> f64 {
        f64::from(self.0) / MICRO as f64
    }
}

impl fmt::Display for Coordinate {
    /// The shortest decimal that reads back the same: `48.58`, `-1.68`, `7`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let magnitude = i64::from(self.0).abs();
        let (whole, fraction) = (magnitude / MICRO, magnitude % MICRO);
        if fraction == 0 {
            return write!(f, "{sign}{whole}");
        }
        let digits = format!("{fraction:06}");
        write!(f, "{sign}{whole}.{}", digits.trim_end_matches('0'))
    }
}

/// A point on the map: both coordinates, or no position at all.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Position {
    pub latitude: Coordinate,
    pub longitude: Coordinate,
}

impl Position {
    /// A position read back from the database.
    pub fn from_degrees(latitude: f64, longitude: f64) -> Option<Position> {
        Some(Position {
            latitude: Coordinate::from_degrees(latitude, Axis::Latitude)?,
            longitude: Coordinate::from_degrees(longitude, Axis::Longitude)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lat(text: &str) -> Result<String, CoordinateError> {
        Coordinate::parse(text, Axis::Latitude).map(|c| c.to_string())
    }

    #[test]
    fn reads_decimal_degrees_the_way_people_write_them() {
        assert_eq!(lat("48.5839"), Ok("48.5839".into()));
        assert_eq!(lat(" -1,68 "), Ok("-1.68".into()));
        assert_eq!(lat("+7"), Ok("7".into()));
        assert_eq!(lat(".5"), Ok("0.5".into()));
        assert_eq!(lat("-0.000001"), Ok("-0.000001".into()));
        assert_eq!(lat("45.12345678"), Ok("45.123457".into()), "rounded to a millionth");
        assert_eq!(lat("90"), Ok("90".into()));
        assert_eq!(Coordinate::parse("-180", Axis::Longitude).map(|c| c.to_string()), Ok("-180".into()));
    }

    #[test]
    fn refuses_what_is_not_a_coordinate() {
        for bad in ["", "-", ".", "abc", "1e3", "48°35'", "1.2.3", "NaN", "inf", "12 3", "0x10"] {
            assert_eq!(lat(bad), Err(CoordinateError::NotANumber), "{bad:?}");
        }
        assert_eq!(lat("95"), Err(CoordinateError::OutOfRange(Axis::Latitude)));
        assert_eq!(lat("99999999999999999999"), Err(CoordinateError::OutOfRange(Axis::Latitude)));
        assert_eq!(lat("-90.000001"), Err(CoordinateError::OutOfRange(Axis::Latitude)));
        assert_eq!(Coordinate::parse("180.5", Axis::Longitude), Err(CoordinateError::OutOfRange(Axis::Longitude)));
    }

    #[test]
    fn reads_back_exactly_from_degrees() {
        let parsed = Coordinate::parse("48.583926", Axis::Latitude).expect("parses");
        assert_eq!(Coordinate::from_degrees(parsed.degrees(), Axis::Latitude), Some(parsed));
        assert_eq!(Coordinate::from_degrees(f64::NAN, Axis::Latitude), None);
        assert_eq!(Coordinate::from_degrees(91.0, Axis::Latitude), None);
    }
}
