//! Demo store locations (around each store's city) and opening hours, so the
//! demo shows a planned drive. One store in eleven has no coordinates, to
//! show how such a store is planned.

use crate::domain::route_plan::{LatLon, OpeningHours, StorePlace};
use crate::domain::{RecordMeta, Stamp, Store};
use chrono::{DateTime, Utc};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

const CITIES: &[(&str, f64, f64)] = &[
    ("Москва", 55.7558, 37.6173),
    ("Королёв", 55.9162, 37.8545),
    ("Люберцы", 55.6766, 37.8982),
    ("Мытищи", 55.9116, 37.7308),
    ("Химки", 55.8970, 37.4297),
    ("Бургас", 42.5048, 27.4626),
    ("Варна", 43.2141, 27.9147),
    ("Казанлък", 42.6194, 25.3930),
    ("Пловдив", 42.1354, 24.7453),
    ("София", 42.6977, 23.3219),
    ("Стара Загора", 42.4258, 25.6345),
    ("Brașov", 45.6427, 25.5887),
    ("București", 44.4268, 26.1025),
    ("Cluj-Napoca", 46.7712, 23.6236),
    ("Constanța", 44.1598, 28.6348),
    ("Iași", 47.1585, 27.6014),
    ("Ploiești", 44.9462, 26.0365),
    ("Sibiu", 45.7983, 24.1256),
    ("Timișoara", 45.7489, 21.2087),
    ("Bath", 51.3811, -2.3590),
    ("Leeds", 53.8008, -1.5491),
    ("London", 51.5074, -0.1278),
    ("Manchester", 53.4808, -2.2426),
    ("York", 53.9590, -1.0815),
];

/// The demo's places, deterministic (their own random stream).
pub fn places(stores: &[Store], device: &str, at: DateTime<Utc>) -> Vec<StorePlace> {
    let mut rng = ChaCha8Rng::seed_from_u64(0x504c_4143_4553); // "PLACES"
    let mut out = Vec::new();
    for (i, s) in stores.iter().enumerate() {
        let (dlat, dlon): (f64, f64) =
            (rng.random_range(-0.04..0.04), rng.random_range(-0.06..0.06));
        let city = CITIES.iter().find(|(name, _, _)| *name == s.city);
        let located = i % 11 != 10;
        let hours = match i % 4 {
            0 => OpeningHours::parse("Mon-Sat 08:00-20:00; Sun 10:00-16:00").ok(),
            1 => OpeningHours::parse("Mon-Fri 09:00-18:00; Sat 09:00-14:00").ok(),
            2 => OpeningHours::parse("07:00-22:00").ok(),
            _ => None,
        };
        let at_point = city.filter(|_| located).map(|(_, lat, lon)| LatLon {
            lat: lat + dlat,
            lon: lon + dlon,
        });
        out.push(StorePlace {
            meta: RecordMeta::new(
                ulid::Ulid::from_parts(at.timestamp_millis().max(0) as u64, rng.random()),
                Stamp {
                    by: "demo".into(),
                    device: device.to_string(),
                    at,
                },
            ),
            store_code: s.code.clone(),
            at: at_point,
            hours,
        });
    }
    out
}
