//! The map of the signatories: Europe's country outlines, projected once by
//! `source/build.mjs` from Natural Earth's public-domain data and embedded
//! in the binary (`countries.txt`), each country shaded by its number of
//! signatories, and a dot where each signatory is. Drawn on the server as
//! inline SVG; nothing is fetched from elsewhere.

use std::sync::LazyLock;

use crate::domain::{Country, Position};

/// The outlines, as `source/build.mjs` wrote them.
const SOURCE: &str = include_str!("countries.txt");

/// One country's outline: its code (none for a state outside the Council
/// of Europe, drawn as a neighbour) and its SVG path.
pub struct Outline {
    pub country: Option<Country>,
    pub path: &'static str,
}

/// How a position on Earth becomes a point of the drawing: Lambert
/// azimuthal equal-area on a sphere, then the frame's offset and scale.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Projection {
    lat0: f64,
    lon0: f64,
    x0: f64,
    y0: f64,
    scale: f64,
}

impl Projection {
    /// A position's point in the drawing's units, `None` on the far side
    /// of the globe, where the projection does not reach.
    pub fn point(&self, position: Position) -> Option<(f64, f64)> {
        let (phi, dlambda) =
            (position.latitude.degrees().to_radians(), (position.longitude.degrees() - self.lon0).to_radians());
        let phi0 = self.lat0.to_radians();
        let denominator = 1.0 + phi0.sin() * phi.sin() + phi0.cos() * phi.cos() * dlambda.cos();
        if denominator < 1e-9 {
            return None;
        }
        let k = (2.0 / denominator).sqrt();
        let x = k * phi.cos() * dlambda.sin();
        let y = k * (phi0.cos() * phi.sin() - phi0.sin() * phi.cos() * dlambda.cos());
        Some(((x - self.x0) * self.scale, (self.y0 - y) * self.scale))
    }
}

/// The whole drawing.
pub struct Geometry {
    pub width: u32,
    pub height: u32,
    pub projection: Projection,
    /// Larger countries first, so that the small ones are drawn over them.
    pub outlines: Vec<Outline>,
}

impl Geometry {
    /// Whether a point falls within the drawing.
    pub fn contains(&self, (x, y): (f64, f64)) -> bool {
        (0.0..=f64::from(self.width)).contains(&x) && (0.0..=f64::from(self.height)).contains(&y)
    }
}

/// Reads `countries.txt`: comment lines, `viewbox W H`, `projection LAT0
/// LON0 X0 Y0 SCALE`, then one line per country, `CODE PATH` (`..` for a
/// neighbour).
fn parse(source: &'static str) -> Result<Geometry, String> {
    let mut size = None;
    let mut projection = None;
    let mut outlines = Vec::new();
    for (number, line) in source.lines().enumerate().map(|(n, line)| (n + 1, line)) {
        let bad = |what: &str| format!("countries.txt, line {number}: {what}");
        if line.starts_with('#') || line.is_empty() {
            continue;
        }
        let (head, rest) = line.split_once(' ').ok_or_else(|| bad("expected a name and values"))?;
        let numbers = || -> Result<Vec<f64>, String> {
            rest.split_whitespace().map(|n| n.parse::<f64>().map_err(|_| bad("not a number"))).collect()
        };
        match head {
            "viewbox" => match numbers()?.as_slice() {
                &[width, height] if width >= 1.0 && height >= 1.0 => size = Some((width as u32, height as u32)),
                _ => return Err(bad("expected the width and height")),
            },
            "projection" => match numbers()?.as_slice() {
                &[lat0, lon0, x0, y0, scale] if scale > 0.0 => {
                    projection = Some(Projection { lat0, lon0, x0, y0, scale });
                }
                _ => return Err(bad("expected five numbers")),
            },
            ".." => outlines.push(Outline { country: None, path: rest }),
            code => {
                let country = Country::parse(code).map_err(|_| bad("unknown country"))?;
                outlines.push(Outline { country: Some(country), path: rest });
            }
        }
    }
    let (width, height) = size.ok_or("countries.txt: no viewbox line")?;
    let projection = projection.ok_or("countries.txt: no projection line")?;
    Ok(Geometry { width, height, projection, outlines })
}

/// The map's geometry, read once.
pub fn geometry() -> &'static Geometry {
    static GEOMETRY: LazyLock<Geometry> = LazyLock::new(|| {
        parse(SOURCE).unwrap_or_else(|error| {
            // The file is checked by the tests; should it ever be wrong, the
            // page still works, without outlines.
            tracing::error!(%error, "the map's outlines cannot be read");
            Geometry {
                width: 1000,
                height: 618,
                projection: Projection { lat0: 52.0, lon0: 10.0, x0: -0.5, y0: 0.37, scale: 956.0 },
                outlines: Vec::new(),
            }
        })
    });
    &GEOMETRY
}

/// The shades of the countries: the upper bound of each class, from a
/// country's count to the largest, in at most five steps.
pub fn classes(largest: i64) -> Vec<i64> {
    let mut bounds: Vec<i64> = Vec::new();
    for step in 1..=5_i64 {
        let bound = (largest * step + 4) / 5;
        if bound >= 1 && bounds.last() != Some(&bound) {
            bounds.push(bound);
        }
    }
    bounds
}

/// Which class (1 = lightest) a count falls in; 0 for none.
pub fn class_of(bounds: &[i64], count: i64) -> usize {
    if count <= 0 {
        return 0;
    }
    bounds.iter().position(|&bound| count <= bound).map_or(bounds.len(), |at| at + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::position::{Axis, Coordinate};

    fn at(latitude: &str, longitude: &str) -> Position {
        Position {
            latitude: Coordinate::parse(latitude, Axis::Latitude).expect("latitude"),
            longitude: Coordinate::parse(longitude, Axis::Longitude).expect("longitude"),
        }
    }

    #[test]
    fn the_embedded_outlines_are_read_whole() {
        let geometry = parse(SOURCE).expect("countries.txt reads");
        assert_eq!((geometry.width, geometry.height), (1000, 618));
        let named: Vec<&str> = geometry.outlines.iter().filter_map(|o| o.country.map(Country::code)).collect();
        // Every member state of the Council of Europe has its outline, once.
        for country in Country::all().filter(|c| c.is_member()) {
            assert_eq!(named.iter().filter(|code| **code == country.code()).count(), 1, "{}", country.code());
        }
        assert!(geometry.outlines.iter().all(|o| o.path.starts_with('M') && o.path.ends_with('z')));
    }

    #[test]
    fn places_fall_where_they_are() {
        let geometry = parse(SOURCE).expect("countries.txt reads");
        let point = |lat, lon| geometry.projection.point(at(lat, lon)).expect("projects");
        let (strasbourg, lisbon, helsinki, nicosia) =
            (point("48.58", "7.75"), point("38.72", "-9.14"), point("60.17", "24.94"), point("35.19", "33.38"));
        assert!(lisbon.0 < strasbourg.0 && strasbourg.0 < helsinki.0, "west to east");
        assert!(helsinki.1 < strasbourg.1 && strasbourg.1 < lisbon.1, "north to south");
        for place in [strasbourg, lisbon, helsinki, nicosia, point("37.74", "-25.68"), point("32.67", "-16.92")] {
            assert!(geometry.contains(place), "{place:?} is on the map");
        }
        assert!(!geometry.contains(point("40.71", "-74.01")), "New York is not");
        assert_eq!(geometry.projection.point(at("-52", "-170")), None, "the antipode");
    }

    #[test]
    fn shades_step_up_to_the_largest_count() {
        assert_eq!(classes(8), [2, 4, 5, 7, 8]);
        assert_eq!(classes(3), [1, 2, 3]);
        assert_eq!(classes(1), [1]);
        assert_eq!(classes(0), Vec::<i64>::new());
        let bounds = classes(8);
        assert_eq!([0, 1, 2, 3, 5, 8].map(|n| class_of(&bounds, n)), [0, 1, 1, 2, 3, 5]);
    }
}
