//! Importers of the catalog: stores (creating unknown reps), products (EAN
//! checked), must-stock lines (store and product must exist).

use super::cells::{self, CellError};
use super::job::{ImportError, ImportReport, Job, known};
use super::table::{Row, Spec};
use super::upsert::{Tally, placeholder, settle_all};
use crate::domain::route_plan::{LatLon, OpeningHours, StorePlace, geo::parse_degrees};
use crate::domain::{AssortmentLine, Channel, Ean, Money, Product, Rep, Store, WeekdaySet};
use std::collections::HashMap;

fn small(text: &str) -> Result<u16, CellError> {
    let n = cells::count(text)?;
    u16::try_from(n).map_err(|_| CellError::Number(text.to_string()))
}

/// Keeps the last row of each key (an ERP file may repeat a code).
fn dedupe<T>(items: Vec<T>, key: impl Fn(&T) -> String) -> Vec<T> {
    let mut at: HashMap<String, usize> = HashMap::new();
    let mut out: Vec<T> = Vec::with_capacity(items.len());
    for item in items {
        match at.get(&key(&item)) {
            Some(&i) => out[i] = item,
            None => {
                at.insert(key(&item), out.len());
                out.push(item);
            }
        }
    }
    out
}

/// The first line of each code in the file: a code twice is refused on the
/// later line, naming the earlier one (which row should win is not ours to guess).
#[derive(Default)]
struct FirstLine(HashMap<String, u64>);

impl FirstLine {
    fn check(&mut self, row: &mut Row<'_, '_>, column: &str, code: &str) {
        let line = row.line();
        match self.0.get(code) {
            Some(&first) => row.problem(
                column,
                crate::t!("import-duplicate", line = first.to_string()),
            ),
            None => {
                self.0.insert(code.to_string(), line);
            }
        }
    }
}

/// A cell a new record must have and an existing one may leave empty
/// (keeping its stored value).
fn stored_or<T>(
    row: &mut Row<'_, '_>,
    column: &str,
    stored: Option<T>,
    parse: impl FnOnce(&str) -> Result<T, CellError>,
) -> Option<T> {
    match (row.text(column).is_empty(), stored) {
        (true, Some(value)) => Some(value),
        (true, None) => {
            row.problem(column, CellError::Empty);
            None
        }
        (false, _) => row.parse(column, parse),
    }
}

pub const STORES: Spec = Spec {
    columns: &[
        "code",
        "name",
        "address",
        "city",
        "decision_maker",
        "phone",
        "email",
        "preferred_channel",
        "visit_every_days",
        "visit_weekdays",
        "rep",
        "route_order",
        "deferral_days",
        "credit_limit",
        "lat",
        "lon",
        "opens",
        "closes",
        "hours",
        "country",
        "opened",
    ],
    required: &["code", "name"],
};

/// The optional location and opening hours of a store row (`lat`, `lon`;
/// `hours`, or `opens` and `closes`), problems named by column.
fn place_of(row: &mut Row<'_, '_>) -> (Option<LatLon>, Option<OpeningHours>, bool) {
    let mut ok = true;
    let (lat, lon) = (row.text("lat").trim(), row.text("lon").trim());
    let at = match (lat.is_empty(), lon.is_empty()) {
        (true, true) => None,
        (false, true) => {
            row.problem("lon", crate::t!("import-lat-without-lon"));
            ok = false;
            None
        }
        (true, false) => {
            row.problem("lat", crate::t!("import-lat-without-lon"));
            ok = false;
            None
        }
        (false, false) => {
            let lat = parse_degrees(lat).and_then(|v| {
                if (-90.0..=90.0).contains(&v) {
                    Ok(v)
                } else {
                    Err(format!("latitude {v} is out of range (-90 to 90)"))
                }
            });
            let lon = parse_degrees(lon).and_then(|v| {
                if (-180.0..=180.0).contains(&v) {
                    Ok(v)
                } else {
                    Err(format!("longitude {v} is out of range (-180 to 180)"))
                }
            });
            match (lat, lon) {
                (Ok(lat), Ok(lon)) => Some(LatLon { lat, lon }),
                (lat, lon) => {
                    if let Err(e) = lat {
                        row.problem("lat", e);
                    }
                    if let Err(e) = lon {
                        row.problem("lon", e);
                    }
                    ok = false;
                    None
                }
            }
        }
    };
    let hours_text = row.text("hours").trim();
    let (opens, closes) = (row.text("opens").trim(), row.text("closes").trim());
    let hours = if !hours_text.is_empty() {
        match OpeningHours::parse(hours_text) {
            Ok(h) => Some(h),
            Err(e) => {
                row.problem("hours", e);
                ok = false;
                None
            }
        }
    } else if opens.is_empty() && closes.is_empty() {
        None
    } else if opens.is_empty() || closes.is_empty() {
        let column = if opens.is_empty() { "opens" } else { "closes" };
        row.problem(column, crate::t!("import-opens-closes"));
        ok = false;
        None
    } else {
        match OpeningHours::daily(opens, closes) {
            Ok(h) => Some(h),
            Err(e) => {
                row.problem("closes", e);
                ok = false;
                None
            }
        }
    };
    (at, hours, ok)
}

/// The store's country (its holidays) and opening day (its anniversary),
/// when the row gives either; problems named by column.
fn profile_of(row: &mut Row<'_, '_>) -> (Option<String>, Option<Option<chrono::NaiveDate>>) {
    let text = row.text("country").trim().to_uppercase();
    let country = if text.is_empty() || crate::domain::dates::Calendar::of(&text).is_some() {
        Some(text)
    } else {
        row.problem(
            "country",
            crate::t!(
                "import-bad-country",
                value = cells::shown(row.text("country"))
            ),
        );
        None
    };
    let opened = if row.text("opened").trim().is_empty() {
        Some(None)
    } else {
        row.parse("opened", cells::date).map(Some)
    };
    (country, opened)
}

pub fn stores(job: &Job<'_>) -> Result<ImportReport, ImportError> {
    let mut profiles: Vec<crate::domain::client::StoreProfile> = Vec::new();
    let mut places: Vec<StorePlace> = Vec::new();
    let mut incoming = Vec::new();
    let meta = placeholder(&job.stamp);
    let mut seen = FirstLine::default();
    let (rows, present) = job.rows(&STORES, |row| {
        let code = row.code("code");
        if let Some(code) = code {
            seen.check(row, "code", code);
        }
        let name = row.required("name");
        let channel_text = row.text("preferred_channel");
        let channel = Channel::parse(channel_text);
        if channel.is_none() {
            row.problem(
                "preferred_channel",
                crate::t!("import-bad-channel", value = cells::shown(channel_text)),
            );
        }
        let every = row.parse_or("visit_every_days", 7, small);
        if every == Some(0) {
            row.problem("visit_every_days", crate::t!("import-zero-frequency"));
        }
        // a rep is optional, but a rep named is a code like any other
        let rep = match cells::code(row.text("rep")) {
            Ok(rep) => Some(rep),
            Err(CellError::Empty) => Some(""),
            Err(e) => {
                row.problem("rep", e);
                None
            }
        };
        let weekdays_text = row.text("visit_weekdays");
        let weekdays = WeekdaySet::parse(weekdays_text)
            .map_err(|e| row.problem("visit_weekdays", e))
            .ok();
        let route_order = row.parse_or("route_order", 0, cells::count);
        let deferral = row.parse_or("deferral_days", 0, small);
        let limit = row.parse_or("credit_limit", Money(0), cells::money);
        let (at, hours, place_ok) = place_of(row);
        let (country, opened) = profile_of(row);
        if let (Some(code), Some(country), Some(opened)) = (code, country, opened) {
            profiles.push(crate::domain::client::StoreProfile {
                meta: meta.clone(),
                store_code: code.to_string(),
                country,
                opened,
            });
        }
        if let (Some(code), true) = (code, place_ok) {
            places.push(StorePlace {
                meta: meta.clone(),
                store_code: code.to_string(),
                at,
                hours,
            });
        }
        if let (
            Some(code),
            Some(name),
            Some(channel),
            Some(every @ 1..),
            Some(weekdays),
            Some(route_order),
            Some(deferral),
            Some(limit),
            Some(rep),
        ) = (
            code,
            name,
            channel,
            every,
            weekdays,
            route_order,
            deferral,
            limit,
            rep,
        ) {
            incoming.push(Store {
                meta: meta.clone(),
                code: code.to_string(),
                name: name.to_string(),
                address: row.text("address").to_string(),
                city: row.text("city").to_string(),
                decision_maker: row.text("decision_maker").to_string(),
                phone: row.text("phone").to_string(),
                email: row.text("email").to_string(),
                preferred_channel: channel,
                visit_every_days: every,
                visit_weekdays: weekdays,
                rep: rep.to_string(),
                route_order,
                deferral_days: deferral,
                credit_limit: limit,
            });
        }
    })?;
    let db = job.db;
    let existing: HashMap<String, Store> = db
        .stores()?
        .into_iter()
        .map(|s| (s.code.clone(), s))
        .collect();

    for s in &mut incoming {
        if let Some(old) = existing.get(&s.code) {
            crate::keep_absent!(
                present,
                s,
                old,
                address,
                city,
                decision_maker,
                phone,
                email,
                preferred_channel,
                visit_every_days,
                visit_weekdays,
                rep,
                deferral_days,
                credit_limit,
            );
        }
    }
    // a store without a route position keeps its old one, or goes last on its rep's route
    let mut last_order: HashMap<String, u32> = HashMap::new();
    for s in existing.values() {
        let slot = last_order.entry(s.rep.clone()).or_default();
        *slot = (*slot).max(s.route_order);
    }
    for s in &mut incoming {
        if s.route_order == 0 {
            s.route_order = match existing.get(&s.code) {
                Some(old) if old.rep == s.rep => old.route_order,
                _ => {
                    let slot = last_order.entry(s.rep.clone()).or_default();
                    *slot += 1;
                    *slot
                }
            };
        }
    }

    let mut new_reps: Vec<Rep> = Vec::new();
    for s in &incoming {
        if !s.rep.is_empty()
            && db.rep(&s.rep)?.is_none()
            && !new_reps.iter().any(|r| r.code == s.rep)
        {
            new_reps.push(Rep {
                meta: crate::domain::RecordMeta::fresh(
                    &job.stamp.by,
                    &job.stamp.device,
                    job.stamp.at,
                ),
                code: s.rep.clone(),
                name: s.rep.clone(),
                phone: String::new(),
            });
        }
    }

    let mut tally = Tally::default();
    let write = settle_all(
        incoming,
        &job.stamp,
        &mut tally,
        |s| Ok(existing.get(&s.code).cloned()),
        |_, _| {},
    )?;
    // a place only when the file has its columns or one is stored; a file
    // without them keeps what is stored
    let has_at = present.has("lat") || present.has("lon");
    let has_hours = present.has("hours") || present.has("opens") || present.has("closes");
    let stored_places = db.store_places()?;
    let places: Vec<StorePlace> = dedupe(places, |p| p.store_code.clone())
        .into_iter()
        .filter(|p| {
            stored_places.contains_key(&p.store_code) || p.at.is_some() || p.hours.is_some()
        })
        .collect();
    let mut place_tally = Tally::default();
    let place_write = settle_all(
        places,
        &job.stamp,
        &mut place_tally,
        |p| Ok(stored_places.get(&p.store_code).cloned()),
        |new, old| {
            if !has_at {
                new.at = old.at;
            }
            if !has_hours {
                new.hours = old.hours.clone();
            }
        },
    )?;
    // a profile only when the file has its columns; a column left out keeps
    // what is stored
    let has_country = present.has("country");
    let has_opened = present.has("opened");
    let mut profile_write = Vec::new();
    if has_country || has_opened {
        let mut profile_tally = Tally::default();
        profile_write = settle_all(
            dedupe(profiles, |p| p.store_code.clone()),
            &job.stamp,
            &mut profile_tally,
            |p| db.store_profile(&p.store_code),
            |new, old| {
                if !has_country {
                    new.country = old.country.clone();
                }
                if !has_opened {
                    new.opened = old.opened;
                }
            },
        )?;
    }
    // a store whose only change is its place or profile counts as changed
    let mut counted: std::collections::HashSet<&str> = Default::default();
    for code in place_write
        .iter()
        .map(|p| p.store_code.as_str())
        .chain(profile_write.iter().map(|p| p.store_code.as_str()))
    {
        if existing.contains_key(code)
            && !write.iter().any(|s| s.code == code)
            && counted.insert(code)
        {
            tally.unchanged = tally.unchanged.saturating_sub(1);
            tally.changed += 1;
        }
    }
    if !job.dry_run {
        db.atomically(|| {
            if !new_reps.is_empty() {
                db.put_reps(&new_reps)?;
            }
            if !write.is_empty() {
                db.put_stores(&write)?;
            }
            if !place_write.is_empty() {
                db.put_store_places(&place_write)?;
            }
            if !profile_write.is_empty() {
                db.put_store_profiles(&profile_write)?;
            }
            Ok(())
        })?;
    }
    let mut report = job.report(rows, tally);
    report.reps_created = new_reps.len();
    Ok(report)
}

pub const PRODUCTS: Spec = Spec {
    columns: &[
        "sku",
        "ean",
        "name",
        "brand",
        "category",
        "unit",
        "case_pack",
        "shelf_life_days",
        "list_price",
    ],
    required: &["sku", "ean", "name"],
};

pub fn products(job: &Job<'_>) -> Result<ImportReport, ImportError> {
    let stored: HashMap<String, Product> = job
        .db
        .products()?
        .into_iter()
        .map(|p| (p.sku.clone(), p))
        .collect();
    // a scan must find one product: an EAN belongs to one sku
    let mut ean_owner: HashMap<String, String> = stored
        .values()
        .map(|p| (p.ean.as_str().to_string(), p.sku.clone()))
        .collect();
    let mut seen = FirstLine::default();
    let mut incoming = Vec::new();
    let meta = placeholder(&job.stamp);
    let (rows, present) = job.rows(&PRODUCTS, |row| {
        let sku = row.code("sku");
        if let Some(sku) = sku {
            seen.check(row, "sku", sku);
        }
        let old = sku.and_then(|s| stored.get(s));
        let name = row.required("name");
        let ean = row.parse("ean", |t| {
            if t.is_empty() {
                return Err(CellError::Empty);
            }
            // no EAN is this long: do not quote it whole
            if t.len() > 14 {
                return Err(CellError::Other(
                    crate::domain::ean::EanError::Length(t.len()).to_string(),
                ));
            }
            Ean::parse(t).map_err(|e| CellError::Other(e.to_string()))
        });
        if let (Some(sku), Some(ean)) = (sku, &ean) {
            match ean_owner.get(ean.as_str()) {
                Some(owner) if owner != sku => {
                    let owner = owner.clone();
                    row.problem("ean", crate::t!("import-ean-used", sku = owner));
                }
                _ => {
                    ean_owner.insert(ean.as_str().to_string(), sku.to_string());
                }
            }
        }
        // a new product needs every figure; an existing one keeps what the row leaves empty
        let case_pack = stored_or(row, "case_pack", old.map(|p| p.case_pack), cells::count);
        if case_pack == Some(0) {
            row.problem("case_pack", crate::t!("import-zero-case-pack"));
        }
        let shelf_life = stored_or(
            row,
            "shelf_life_days",
            old.map(|p| p.shelf_life_days),
            cells::count,
        );
        if shelf_life == Some(0) {
            row.problem("shelf_life_days", crate::t!("import-zero-shelf-life"));
        }
        let price = stored_or(row, "list_price", old.map(|p| p.list_price), cells::money);
        let unit = match row.text("unit") {
            "" => "pcs",
            u => u,
        };
        if let (
            Some(sku),
            Some(name),
            Some(ean),
            Some(case_pack @ 1..),
            Some(shelf @ 1..),
            Some(price),
        ) = (sku, name, ean, case_pack, shelf_life, price)
        {
            incoming.push(Product {
                meta: meta.clone(),
                sku: sku.to_string(),
                ean,
                name: name.to_string(),
                brand: row.text("brand").to_string(),
                category: row.text("category").to_string(),
                unit: unit.to_string(),
                case_pack,
                shelf_life_days: shelf,
                list_price: price,
            });
        }
    })?;
    let mut tally = Tally::default();
    let write = settle_all(
        incoming,
        &job.stamp,
        &mut tally,
        |p| Ok(stored.get(&p.sku).cloned()),
        |new, old| {
            crate::keep_absent!(
                present,
                new,
                old,
                brand,
                category,
                unit,
                case_pack,
                shelf_life_days,
                list_price
            )
        },
    )?;
    if !job.dry_run && !write.is_empty() {
        job.db.put_products(&write)?;
    }
    Ok(job.report(rows, tally))
}

pub const ASSORTMENT: Spec = Spec {
    columns: &["store_code", "sku", "facings"],
    required: &["store_code", "sku"],
};

pub fn assortment(job: &Job<'_>) -> Result<ImportReport, ImportError> {
    let stores = job.store_codes()?;
    let skus = job.skus()?;
    let mut incoming = Vec::new();
    let meta = placeholder(&job.stamp);
    let (rows, present) = job.rows(&ASSORTMENT, |row| {
        let store = known(row, "store_code", &stores, "store");
        let sku = known(row, "sku", &skus, "product");
        let facings = row.parse_or("facings", 1, small);
        if let (Some(store_code), Some(sku), Some(facings)) = (store, sku, facings) {
            incoming.push(AssortmentLine {
                meta: meta.clone(),
                store_code,
                sku,
                facings,
            });
        }
    })?;
    let incoming = dedupe(incoming, |l| format!("{}\0{}", l.store_code, l.sku));
    let mut tally = Tally::default();
    let write = settle_all(
        incoming,
        &job.stamp,
        &mut tally,
        |l| job.db.assortment_line(&l.store_code, &l.sku),
        |new, old| crate::keep_absent!(present, new, old, facings),
    )?;
    if !job.dry_run && !write.is_empty() {
        job.db.put_assortment(&write)?;
    }
    Ok(job.report(rows, tally))
}
