//! Loaders for ordering: the store's suggestion as of a date (shared by the
//! order screen and `rounds order suggest`), and the order screen's view.

use super::views_order_history::{out_of_stock_days, pool_if_thin};
use crate::clock::Clock;
use crate::domain::order::Window;
use crate::domain::order::{
    self, Acceptance, LineInput, Order, OrderLine, OrderState, PromoStep, Refusal, Seen,
    SuggestParams, SuggestedLine,
};
use crate::domain::{Invoice, Product, SalesSeries, Settings, Store};
use crate::screens::order::{OrderProduct, OrderView};
use crate::storage::{Database, Result};
use chrono::{Datelike, Duration, NaiveDate};
use std::collections::HashMap;

/// At most this much history feeds the estimate (two years of weeks).
pub const HISTORY_WEEKS: usize = 104;
/// Weeks shown in a line's sparkline.
pub const SPARK_WEEKS: usize = 12;

pub struct SuggestionRow {
    pub product: Product,
    pub line: SuggestedLine,
}

pub struct StoreSuggestion {
    pub store: Store,
    pub date: NaiveDate,
    pub next_visit: NaiveDate,
    pub lead_days: i64,
    pub cover_days: i64,
    pub trusted: bool,
    /// Every must-stock line, in sku order (zero quantities included).
    pub rows: Vec<SuggestionRow>,
}

/// The next planned visit after `date`: the next planned weekday, or the visit
/// frequency for a store seen less than weekly on one weekday.
pub fn next_planned_visit(store: &Store, date: NaiveDate) -> NaiveDate {
    let by_weekday = (1..=7)
        .map(|d| date + Duration::days(d))
        .find(|d| store.visit_weekdays.contains_date(*d));
    let every = i64::from(store.visit_every_days.max(1));
    match by_weekday {
        Some(next) if store.visit_weekdays.days().count() > 1 || every <= 7 => next,
        Some(next) => next.max(date + Duration::days(every)),
        None => date + Duration::days(every),
    }
}

/// Weekly units before `date`, from the week of the first recorded sale,
/// at most two years (the backtest's view of a weekly series).
pub fn history_weeks(series: &SalesSeries, date: NaiveDate) -> Vec<f64> {
    let end = date.num_days_from_ce();
    let Some(first) = series.points.iter().find(|p| p.day < end) else {
        return vec![];
    };
    let weeks = (((end - first.day) as usize).div_ceil(7)).clamp(1, HISTORY_WEEKS);
    series.weekly(date, weeks)
}

/// The refusals of the store's last reviewed order before `date`, by sku.
fn last_refusals(orders: &[Order], date: NaiveDate) -> HashMap<String, Refusal> {
    orders
        .iter()
        .filter(|o| o.state != OrderState::Draft && o.date < date)
        .max_by(|a, b| (a.date, &a.number).cmp(&(b.date, &b.number)))
        .map(|o| {
            o.refusals
                .iter()
                .map(|r| (r.sku.clone(), r.clone()))
                .collect()
        })
        .unwrap_or_default()
}

/// How old a shelf audit may be and still count for an order (days).
const AUDIT_VALID_DAYS: i64 = 3;

/// What the store's latest shelf audit (on `date` or up to three days before)
/// saw, by sku: the units counted where the rep counted; otherwise a line
/// missing because it was not ordered or not delivered is out of stock, and
/// a line on the shelf (or in the backroom, or delisted) leaves the stock
/// unknown.
pub fn audit_seen(db: &Database, code: &str, date: NaiveDate) -> Result<HashMap<String, Seen>> {
    use crate::domain::visit::MissingReason;
    let Some(visit) = db
        .visits_of_store(code)?
        .into_iter()
        .find(|v| v.date <= date && (date - v.date).num_days() <= AUDIT_VALID_DAYS)
    else {
        return Ok(HashMap::new());
    };
    Ok(db
        .audit_lines(visit.meta.id)?
        .into_iter()
        .filter_map(|l| {
            let seen = match (l.stock, l.on_shelf, l.missing) {
                (Some(n), _, _) => Seen::Stock(f64::from(n)),
                (
                    None,
                    false,
                    Some(MissingReason::NotOrdered | MissingReason::NotDelivered) | None,
                ) => Seen::OutOfStock,
                _ => return None,
            };
            Some((l.sku, seen))
        })
        .collect())
}

/// The suggestion for a store as of `date`, from history before `date` only,
/// and the shelf audit of the visit on that day (if any).
pub fn store_suggestion(
    db: &Database,
    code: &str,
    date: NaiveDate,
    cover_override: Option<i64>,
) -> Result<Option<StoreSuggestion>> {
    let seen = &audit_seen(db, code, date)?;
    let Some(store) = db.store(code)? else {
        return Ok(None);
    };
    let settings = db.settings()?;
    let next_visit = next_planned_visit(&store, date);
    let lead_days = settings.delivery_lead_days;
    let cover_days = cover_override
        .map(|c| c.max(1))
        .unwrap_or_else(|| order::cover_days((next_visit - date).num_days(), lead_days));
    let trusted = db.is_trusted(code)?;
    let sales: HashMap<String, SalesSeries> = db
        .sales_of_store(code)?
        .into_iter()
        .map(|s| (s.sku.clone(), s))
        .collect();
    let window = Window::of_store(sales.values(), date);
    let out_days = out_of_stock_days(db, code, &window)?;
    let pool = pool_if_thin(db, &window, date)?;
    let promotions = promotions_for(db, code, date)?;
    let refusals = last_refusals(&db.orders_of_store(code)?, date);
    let params = SuggestParams {
        cover_days: cover_days as f64,
        service_level: settings.service_level,
        trusted,
        zero_when_stock_covers: settings.zero_when_stock_covers,
    };
    // reads first (sled), then the per-line estimates on every core: they are
    // independent, and fitting 1,000 series is most of the time
    let mut inputs = Vec::new();
    for a in db.assortment(code)? {
        let Some(product) = db.product(&a.sku)? else {
            continue;
        };
        let values = window.values(sales.get(&a.sku));
        let censored = window.censored(&values, out_days.get(&a.sku).map_or(&[], |d| d));
        let prior = pool
            .as_ref()
            .and_then(|p| p.prior(code, &product.sku, &product.category));
        inputs.push((product, values, censored, prior));
    }
    use rayon::prelude::*;
    let rows = inputs
        .into_par_iter()
        .map(|(product, values, censored, prior)| {
            let input = LineInput {
                sku: &product.sku,
                case_pack: product.case_pack,
                history: window.series(&values, &censored),
                prior,
                seen: seen.get(&product.sku).copied(),
                last_refusal: refusals.get(&product.sku),
                promotion: promotions.iter().find(|p| p.sku == product.sku),
            };
            let line = order::suggest_line(&input, &params);
            SuggestionRow { product, line }
        })
        .collect();
    Ok(Some(StoreSuggestion {
        store,
        date,
        next_visit,
        lead_days,
        cover_days,
        trusted,
        rows,
    }))
}

fn info(p: &Product) -> OrderProduct {
    OrderProduct {
        sku: p.sku.clone(),
        ean: p.ean.as_str().to_string(),
        name: p.name.clone(),
        case_pack: p.case_pack.max(1),
        price: p.list_price,
    }
}

/// A new draft from the suggestion: the lines with a quantity.
pub fn draft_from(s: &StoreSuggestion, number: String, meta: crate::domain::RecordMeta) -> Order {
    let lines = s
        .rows
        .iter()
        .filter(|r| r.line.suggested_qty > 0 || r.line.is_no_sales())
        .map(|r| OrderLine {
            sku: r.product.sku.clone(),
            qty: r.line.suggested_qty,
            bonus_qty: r.line.bonus_qty,
            unit_price: r.product.list_price,
            reason: Some(r.line.reason.clone()),
            promo: None,
        })
        .collect();
    Order::new(meta, number, &s.store.code, s.date, lines)
}

/// The order screen for a store: its latest order if still open (or sent
/// today), else a new draft from today's suggestion (saved on the first change).
pub fn order_view(db: &Database, clock: &Clock, code: &str) -> Result<Option<OrderView>> {
    let today = clock.today();
    let Some(s) = store_suggestion(db, code, today, None)? else {
        return Ok(None);
    };
    let orders = db.orders_of_store(code)?;
    let latest = orders
        .iter()
        .max_by(|a, b| (a.date, &a.number).cmp(&(b.date, &b.number)))
        .filter(|o| o.state != OrderState::Sent || o.date == today)
        .cloned();
    let saved = latest.is_some();
    let order = match latest {
        Some(o) => o,
        None => {
            let number = db.next_order_number(code, today)?;
            let meta = crate::domain::RecordMeta::fresh("rep", db.device(), clock.now());
            let mut o = draft_from(&s, number, meta);
            attach_promos(db, &mut o, today)?;
            o
        }
    };
    build_view(db, clock, s, order, saved, &orders)
}

/// The promotions running on `date` that the store is in the audience of
/// (loyal stores first: docs/loyalty.md).
pub fn promotions_for(
    db: &Database,
    code: &str,
    date: NaiveDate,
) -> Result<Vec<crate::domain::Promotion>> {
    use crate::domain::Audience;
    let running: Vec<_> = db
        .promotions()?
        .into_iter()
        .filter(|p| p.runs_on(date))
        .collect();
    // the index reads the whole book: only when a promotion asks for it
    let needs_loyal = running
        .iter()
        .any(|p| matches!(p.audience, Audience::Loyal | Audience::LoyalOrTrusted));
    let loyal = needs_loyal
        && match crate::service::loyalty::store_loyalty(db, code, date)? {
            Some(l) => l.loyalty.is_loyal(&db.settings()?),
            None => false,
        };
    let trusted = db.is_trusted(code)?;
    Ok(running
        .into_iter()
        .filter(|p| p.audience.admits(loyal, trusted))
        .collect())
}

fn attach_promos(db: &Database, order: &mut Order, date: NaiveDate) -> Result<()> {
    let promos = promotions_for(db, &order.store_code, date)?;
    for line in order.lines.iter_mut().chain(order.proposed.iter_mut()) {
        line.promo = promos
            .iter()
            .find(|p| p.sku == line.sku)
            .map(|p| PromoStep {
                code: p.code.clone(),
                buy: p.buy_qty,
                bonus: p.bonus_qty,
            });
    }
    Ok(())
}

fn build_view(
    db: &Database,
    clock: &Clock,
    s: StoreSuggestion,
    order: Order,
    saved: bool,
    orders: &[Order],
) -> Result<Option<OrderView>> {
    let settings: Settings = db.settings()?;
    let today = clock.today();
    let mut products: HashMap<String, OrderProduct> = s
        .rows
        .iter()
        .map(|r| (r.product.sku.clone(), info(&r.product)))
        .collect();
    for line in &order.lines {
        if !products.contains_key(&line.sku)
            && let Some(p) = db.product(&line.sku)?
        {
            products.insert(p.sku.clone(), info(&p));
        }
    }
    let sparklines = db
        .sales_of_store(&s.store.code)?
        .into_iter()
        .map(|series| {
            let weeks = series
                .weekly(today, SPARK_WEEKS)
                .into_iter()
                .map(|q| q.max(0.0).round() as u64)
                .collect();
            (series.sku, weeks)
        })
        .collect();
    let invoices: Vec<Invoice> = db.invoices_of_store(&s.store.code)?;
    let acceptance: Acceptance = order::acceptance(orders, &settings);
    let fill = if order.state == OrderState::Sent {
        let deliveries = db.deliveries_of_order(&order.number)?;
        (!deliveries.is_empty()).then(|| order::fill_rate(&order.lines, &deliveries))
    } else {
        None
    };
    Ok(Some(OrderView {
        today,
        store: s.store,
        order,
        saved,
        products,
        sparklines,
        next_visit: s.next_visit,
        lead_days: s.lead_days,
        cover_days: s.cover_days,
        trusted: s.trusted,
        invoices,
        acceptance,
        fill,
        fill_alert: settings.fill_rate_alert,
    }))
}

/// A new draft for the store even when today's order was already sent.
pub fn new_order_view(db: &Database, clock: &Clock, code: &str) -> Result<Option<OrderView>> {
    let today = clock.today();
    let Some(s) = store_suggestion(db, code, today, None)? else {
        return Ok(None);
    };
    let orders = db.orders_of_store(code)?;
    let number = db.next_order_number(code, today)?;
    let meta = crate::domain::RecordMeta::fresh("rep", db.device(), clock.now());
    let mut o = draft_from(&s, number, meta);
    attach_promos(db, &mut o, today)?;
    build_view(db, clock, s, o, false, &orders)
}

/// Every product, for adding a line by name or EAN.
pub fn catalog(db: &Database) -> Result<Vec<OrderProduct>> {
    Ok(db.products()?.iter().map(info).collect())
}
