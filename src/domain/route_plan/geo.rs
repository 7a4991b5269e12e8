//! Points on the map and the great-circle distance between them.

use serde::{Deserialize, Serialize};

/// A point in decimal degrees (WGS 84).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct LatLon {
    pub lat: f64,
    pub lon: f64,
}

/// The mean Earth radius (IUGG), km.
pub const EARTH_RADIUS_KM: f64 = 6371.0088;

impl LatLon {
    /// A point, refused when out of range (latitude ±90, longitude ±180).
    pub fn new(lat: f64, lon: f64) -> Result<Self, String> {
        if !lat.is_finite() || !(-90.0..=90.0).contains(&lat) {
            return Err(format!("latitude {lat} is out of range (-90 to 90)"));
        }
        if !lon.is_finite() || !(-180.0..=180.0).contains(&lon) {
            return Err(format!("longitude {lon} is out of range (-180 to 180)"));
        }
        Ok(Self { lat, lon })
    }

    /// "42.6977,23.3219" or "42,6977;23,3219" (decimal commas with a semicolon
    /// or a space between the two).
    pub fn parse(text: &str) -> Result<Self, String> {
        let text = text.trim();
        let (a, b) = if text.contains(';') {
            text.split_once(';')
        } else if text.matches(',').count() == 1 {
            text.split_once(',')
        } else {
            text.split_once(char::is_whitespace)
        }
        .ok_or_else(|| format!("{text:?} is not LAT,LON (e.g. 42.6977,23.3219)"))?;
        Self::new(parse_degrees(a)?, parse_degrees(b)?)
    }

    /// Great-circle distance in km (haversine).
    pub fn km_to(self, other: LatLon) -> f64 {
        haversine_km(self, other)
    }
}

impl std::fmt::Display for LatLon {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:.5},{:.5}", self.lat, self.lon)
    }
}

/// Decimal degrees with a dot or a decimal comma ("42,6977").
pub fn parse_degrees(text: &str) -> Result<f64, String> {
    let t = text.trim().replace(',', ".");
    t.parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
        .ok_or_else(|| format!("{:?} is not a number of degrees", text.trim()))
}

/// Great-circle distance between two points, km.
pub fn haversine_km(a: LatLon, b: LatLon) -> f64 {
    let (p1, p2) = (a.lat.to_radians(), b.lat.to_radians());
    let dp = p2 - p1;
    let dl = (b.lon - a.lon).to_radians();
    let h = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_KM * h.sqrt().min(1.0).asin()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(lat: f64, lon: f64) -> LatLon {
        LatLon::new(lat, lon).unwrap()
    }

    #[test]
    fn haversine_matches_known_city_pairs() {
        // (from, to, km by great circle, tolerance km)
        let cases = [
            (p(51.5074, -0.1278), p(48.8566, 2.3522), 343.5, 1.5), // London - Paris
            (p(40.7128, -74.0060), p(51.5074, -0.1278), 5570.0, 10.0), // New York - London
            (p(42.6977, 23.3219), p(44.4268, 26.1025), 296.0, 3.0), // Sofia - Bucharest
            (p(55.7558, 37.6173), p(59.9311, 30.3609), 634.0, 3.0), // Moscow - St Petersburg
            (p(42.6977, 23.3219), p(43.2141, 27.9147), 378.0, 3.0), // Sofia - Varna
            (p(-33.8688, 151.2093), p(-37.8136, 144.9631), 714.0, 3.0), // Sydney - Melbourne
        ];
        for (a, b, km, tol) in cases {
            let d = haversine_km(a, b);
            assert!((d - km).abs() < tol, "{a} -> {b}: {d:.1} km, expected {km}");
            assert!((d - haversine_km(b, a)).abs() < 1e-9, "symmetric");
        }
        assert_eq!(haversine_km(p(42.0, 23.0), p(42.0, 23.0)), 0.0);
        // antipodes: half the circumference
        let half = haversine_km(p(0.0, 0.0), p(0.0, 180.0));
        assert!((half - std::f64::consts::PI * EARTH_RADIUS_KM).abs() < 1e-6);
    }

    #[test]
    fn points_parse_with_dots_or_decimal_commas_and_are_range_checked() {
        assert_eq!(LatLon::parse("42.5,23.25").unwrap(), p(42.5, 23.25));
        assert_eq!(LatLon::parse("42,5;23,25").unwrap(), p(42.5, 23.25));
        assert_eq!(LatLon::parse(" 42.5 23.25 ").unwrap(), p(42.5, 23.25));
        assert_eq!(parse_degrees("-0,5").unwrap(), -0.5);
        assert!(LatLon::parse("91,10").is_err());
        assert!(LatLon::parse("10,181").is_err());
        assert!(LatLon::parse("north").is_err());
        assert!(parse_degrees("NaN").is_err());
    }
}
