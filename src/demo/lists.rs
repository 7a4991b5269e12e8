//! The demo's source lists, parsed from the tab-separated files in assets/demo.

pub struct RepRow {
    pub code: &'static str,
    pub name: &'static str,
    pub phone: &'static str,
}

pub struct StoreRow {
    pub rep: &'static str,
    pub name: &'static str,
    pub city: &'static str,
    pub address: &'static str,
    pub decision_maker: &'static str,
    pub phone: &'static str,
    pub email: &'static str,
    pub channel: &'static str,
}

pub struct ProductRow {
    pub name: &'static str,
    pub brand: &'static str,
    pub category: &'static str,
    pub unit: &'static str,
    pub shelf_life_days: u32,
    pub case_pack: u32,
    pub price: &'static str,
    /// 1..10: how well it sells.
    pub popularity: u32,
    /// "ru", "bg", "ro", "en" or "*" for every market.
    pub market: &'static str,
}

pub struct MarketRow {
    pub rep: &'static str,
    pub market: &'static str,
    pub ean_prefix: &'static str,
}

fn rows(text: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').collect())
}

fn col(r: &[&'static str], i: usize) -> &'static str {
    r.get(i).copied().unwrap_or("")
}

pub fn reps() -> Vec<RepRow> {
    rows(include_str!("../../assets/demo/reps.tsv"))
        .map(|r| RepRow {
            code: col(&r, 0),
            name: col(&r, 1),
            phone: col(&r, 2),
        })
        .collect()
}

pub fn stores() -> Vec<StoreRow> {
    rows(include_str!("../../assets/demo/stores.tsv"))
        .map(|r| StoreRow {
            rep: col(&r, 0),
            name: col(&r, 1),
            city: col(&r, 2),
            address: col(&r, 3),
            decision_maker: col(&r, 4),
            phone: col(&r, 5),
            email: col(&r, 6),
            channel: col(&r, 7),
        })
        .collect()
}

pub fn products() -> Vec<ProductRow> {
    rows(include_str!("../../assets/demo/products.tsv"))
        .map(|r| ProductRow {
            name: col(&r, 0),
            brand: col(&r, 1),
            category: col(&r, 2),
            unit: col(&r, 3),
            shelf_life_days: col(&r, 4).parse().unwrap_or(30),
            case_pack: col(&r, 5).parse().unwrap_or(1),
            price: col(&r, 6),
            popularity: col(&r, 7).parse().unwrap_or(5),
            market: col(&r, 8),
        })
        .collect()
}

pub fn markets() -> Vec<MarketRow> {
    rows(include_str!("../../assets/demo/markets.tsv"))
        .map(|r| MarketRow {
            rep: col(&r, 0),
            market: col(&r, 1),
            ean_prefix: col(&r, 2),
        })
        .collect()
}
