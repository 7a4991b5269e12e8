//! Team KPI day buckets, kept up to date on every visit write: each visit's
//! last contribution is remembered, so a re-saved visit moves its counts
//! (subtract old, add new) instead of the dashboard rescanning visits.

use super::tree_view::Batch;
use super::{Database, Result, codec, keys};
use crate::domain::Visit;
use crate::domain::kpi::{self, Contribution, KpiCounts, KpiRow, VisitFigures};
use chrono::NaiveDate;
use std::collections::{BTreeMap, HashMap};
use ulid::Ulid;

const BY_VISIT: &str = "kpi_visit";

/// The rules the buckets were counted by (2: fill rate on the day a
/// delivery is due), kept in `meta`: other rules are counted again.
const KPI_RULES: u64 = 2;
const KPI_RULES_KEY: &[u8] = b"kpi_rules";

/// Records that the buckets follow this build's rules (a new database).
pub(super) fn mark_kpi_rules(meta: &sled::Tree) -> Result<()> {
    meta.insert(KPI_RULES_KEY, &KPI_RULES.to_be_bytes())?;
    Ok(())
}

/// Trees that are this database's own state, never written by a sync
/// bundle: the audit chain and its head, PIN attempts, the KPI buckets.
pub const LOCAL_TREES: &[&str] = &[
    "audit",
    "audit_head",
    "pin_attempts",
    BY_VISIT,
    BY_REP,
    BY_STORE,
];
const BY_REP: &str = "kpi_rep_day";
const BY_STORE: &str = "kpi_store_day";

fn bucket_key(who: &str, date: NaiveDate) -> Vec<u8> {
    keys::join(&[who.as_bytes(), &keys::date(date)])
}

fn parse_bucket_key(key: &[u8]) -> Option<(String, NaiveDate)> {
    let split = key.len().checked_sub(9)?;
    let who = std::str::from_utf8(&key[..split]).ok()?;
    Some((who.to_string(), keys::parse_date(&key[split + 1..])?))
}

#[derive(Default)]
struct Delta {
    add: KpiCounts,
    sub: KpiCounts,
}

/// Totals for the dashboard over a period.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct KpiTable {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub by_store: bool,
    pub rows: Vec<KpiRow>,
    pub team: KpiRow,
}

impl Database {
    /// What a visit's parts add to the figures: audit lines (OSA, price
    /// compliance within the tolerance of the list price), batches found
    /// past their date, and its returns still waiting for the write-off.
    /// (Fill rate and draft acceptance come from orders: `order_contributions`.)
    pub fn visit_figures(&self, visit: &Visit) -> Result<VisitFigures> {
        use crate::domain::visit::ReturnStatus;
        use crate::domain::visit::audit::price_ok;
        let mut f = VisitFigures::default();
        let tolerance = self.settings()?.price_tolerance;
        let mut prices: HashMap<String, Option<crate::domain::Money>> = HashMap::new();
        for line in self.audit_lines(visit.meta.id)? {
            f.osa_lines += 1;
            if line.on_shelf {
                f.osa_on_shelf += 1;
            }
            if let Some(seen) = line.price_seen {
                let list = match prices.get(&line.sku) {
                    Some(p) => *p,
                    None => {
                        let p = self.product(&line.sku)?.map(|p| p.list_price);
                        prices.insert(line.sku.clone(), p);
                        p
                    }
                };
                if let Some(list) = list {
                    f.price_checked += 1;
                    if price_ok(seen, list, tolerance) {
                        f.price_ok += 1;
                    }
                }
            }
        }
        f.expired_batches = self
            .batches(visit.meta.id)?
            .iter()
            .filter(|b| b.expiry < visit.date)
            .count() as u32;
        f.returns_pending = self
            .returns_of_store(&visit.store_code)?
            .iter()
            .filter(|r| r.visit_id == visit.meta.id && r.status == ReturnStatus::Logged)
            .count() as u32;
        Ok(f)
    }

    /// The visit's contribution now (None while it is open: only submitted
    /// visits count, and an open one's lines are not read at all).
    fn contribution_now(&self, v: &Visit) -> Result<Option<Contribution>> {
        if v.status == crate::domain::VisitStatus::Open {
            return Ok(None);
        }
        Ok(kpi::contribution(v, self.visit_figures(v)?))
    }

    /// Moves the day buckets for these visits from their last counted state
    /// to their current one. Called by every visit write before the flush.
    pub(super) fn update_kpis(&self, visits: &[Visit]) -> Result<()> {
        let mut items = Vec::with_capacity(visits.len());
        for v in visits {
            items.push((v.meta.id.to_bytes().to_vec(), self.contribution_now(v)?));
        }
        self.move_contributions(items)
    }

    /// What an order adds to the figures, as two parts with keys of their
    /// own: its draft as shown and left unchanged (draft acceptance), on the
    /// order's day; and, once sent, its lines and those delivered in full
    /// (fill rate) on the day its delivery is due (sent + lead time), so an
    /// order still on its way is not a 0 % fill rate. Both for the store's rep.
    fn order_contributions(
        &self,
        order: &crate::domain::order::Order,
        lead_days: i64,
    ) -> Result<[(Vec<u8>, Option<Contribution>); 2]> {
        use crate::domain::order::{OrderState, fill_rate};
        let mut draft = KpiCounts::default();
        let mut fill = KpiCounts::default();
        let store = match order.state {
            OrderState::Draft => None,
            _ => self.store(&order.store_code)?,
        };
        if store.is_some() {
            let proposed = order.proposed.len() as u32;
            if order.review.is_some() && proposed > 0 {
                draft.draft_lines = proposed;
                draft.draft_unchanged = order
                    .proposed
                    .iter()
                    .filter(|p| order.lines.iter().any(|l| l.sku == p.sku && l.qty == p.qty))
                    .count() as u32;
            }
            if order.state == OrderState::Sent {
                let rate = fill_rate(&order.lines, &self.deliveries_of_order(&order.number)?);
                fill.order_lines = rate.ordered_lines as u32;
                fill.delivered_lines = rate.delivered_lines as u32;
            }
        }
        let part = |counts: KpiCounts, date: NaiveDate| {
            store
                .as_ref()
                .filter(|_| !counts.is_zero())
                .map(|s| Contribution {
                    rep: s.rep.clone(),
                    store: s.code.clone(),
                    date,
                    counts,
                })
        };
        let due = order
            .sent
            .map(|d| d + chrono::Duration::days(lead_days.max(0)))
            .unwrap_or(order.date);
        Ok([
            (Self::order_key(&order.number), part(draft, order.date)),
            (Self::fill_key(&order.number), part(fill, due)),
        ])
    }

    fn fill_key(number: &str) -> Vec<u8> {
        let mut key = b"fill\0".to_vec();
        key.extend_from_slice(number.as_bytes());
        key
    }

    fn order_key(number: &str) -> Vec<u8> {
        // ULID keys are 16 bytes; these are longer and start with a marker
        let mut key = b"order\0".to_vec();
        key.extend_from_slice(number.as_bytes());
        key
    }

    /// Moves the buckets for orders (called when an order is saved, and
    /// after deliveries against orders are imported).
    pub(super) fn update_order_kpis(&self, orders: &[crate::domain::order::Order]) -> Result<()> {
        let lead = self.settings()?.delivery_lead_days;
        let mut items = Vec::with_capacity(orders.len() * 2);
        for o in orders {
            items.extend(self.order_contributions(o, lead)?);
        }
        self.move_contributions(items)
    }

    /// After deliveries were imported: recount the orders they fill.
    pub(super) fn kpis_after_deliveries(
        &self,
        lines: &[crate::domain::DeliveryLine],
    ) -> Result<()> {
        let mut numbers: Vec<&str> = lines.iter().map(|l| l.order_id.as_str()).collect();
        numbers.sort_unstable();
        numbers.dedup();
        let mut orders = Vec::new();
        for n in numbers {
            if let Some(o) = self.order(n)? {
                orders.push(o);
            }
        }
        self.update_order_kpis(&orders)
    }

    /// Moves each contributor's counts (a visit or an order, by key) from its
    /// last stored contribution to `new`.
    fn move_contributions(&self, items: Vec<(Vec<u8>, Option<Contribution>)>) -> Result<()> {
        let by_visit = self.tree(BY_VISIT)?;
        let mut deltas: [HashMap<Vec<u8>, Delta>; 2] = Default::default();
        let mut visit_batch = Batch::default();
        // the same contributor twice in one call: the later one wins
        let mut last_seen: HashMap<Vec<u8>, Option<Contribution>> = HashMap::new();
        for (key, new) in items {
            let old = match last_seen.get(&key) {
                Some(c) => c.clone(),
                None => by_visit
                    .get(&key)?
                    .map(|b| codec::decode::<Contribution>("kpi contribution", &b))
                    .transpose()?,
            };
            if old == new {
                continue;
            }
            for (i, tree_deltas) in deltas.iter_mut().enumerate() {
                let who = |c: &Contribution| {
                    if i == 0 {
                        c.rep.clone()
                    } else {
                        c.store.clone()
                    }
                };
                if let Some(o) = &old {
                    tree_deltas
                        .entry(bucket_key(&who(o), o.date))
                        .or_default()
                        .sub += o.counts;
                }
                if let Some(n) = &new {
                    tree_deltas
                        .entry(bucket_key(&who(n), n.date))
                        .or_default()
                        .add += n.counts;
                }
            }
            match &new {
                Some(n) => {
                    visit_batch.insert(key.as_slice(), codec::encode("kpi contribution", n)?)
                }
                None => visit_batch.remove(key.as_slice()),
            }
            last_seen.insert(key, new);
        }
        for (name, tree_deltas) in [BY_REP, BY_STORE].into_iter().zip(deltas) {
            let tree = self.tree(name)?;
            let mut batch = Batch::default();
            for (key, d) in tree_deltas {
                let mut value: KpiCounts = tree
                    .get(&key)?
                    .map(|b| codec::decode("kpi bucket", &b))
                    .transpose()?
                    .unwrap_or_default();
                value += d.add;
                value -= d.sub;
                if value.is_zero() {
                    batch.remove(key);
                } else {
                    batch.insert(key, codec::encode("kpi bucket", &value)?);
                }
            }
            tree.apply_batch(batch)?;
        }
        by_visit.apply_batch(visit_batch)?;
        Ok(())
    }

    /// After a line of a visit was written: a submitted visit's figures are
    /// recounted (an amendment, a return written off), and an amendment goes
    /// into the audit trail.
    pub(super) fn visit_part_changed(
        &self,
        visit: Ulid,
        amended: Option<&str>,
        stamp: &crate::domain::Stamp,
    ) -> Result<()> {
        let Some(v) = self.visit(visit)? else {
            return Ok(());
        };
        if v.status == crate::domain::VisitStatus::Open {
            return Ok(());
        }
        self.refresh_visit_kpis(visit)?;
        if let Some(what) = amended {
            self.append_journal(
                &stamp.by,
                crate::domain::journal::JournalEvent::VisitChanged {
                    visit,
                    what: what.to_string(),
                },
                stamp.at,
            )?;
        }
        Ok(())
    }

    /// Recounts one visit after its parts changed (a return written off, a
    /// delivery imported, an amendment).
    pub fn refresh_visit_kpis(&self, id: Ulid) -> Result<()> {
        self.atomically(|| {
            if let Some(v) = self.visit(id)? {
                self.update_kpis(std::slice::from_ref(&v))?;
                self.flush()?;
            }
            Ok(())
        })
    }

    /// Team KPI buckets after received records (one call for a small write).
    pub(super) fn kpis_after_receive(&self, records: &[super::RawRecord]) -> Result<()> {
        let mut touched = super::ReceivedTouched::default();
        touched.note(records);
        self.kpis_after_received(touched)
    }

    /// Moves the buckets of every visit and order that received records
    /// touched (their visits, visit lines, returns, orders and deliveries),
    /// once all of them are written, a few thousand at a time.
    pub fn kpis_after_received(&self, touched: super::ReceivedTouched) -> Result<()> {
        for ids in touched.visits.chunks(5_000) {
            let visits: Vec<Visit> = ids
                .iter()
                .filter_map(|id| self.visit(*id).transpose())
                .collect::<Result<_>>()?;
            self.update_kpis(&visits)?;
        }
        // received orders and deliveries move draft acceptance and fill rate
        for numbers in touched.orders.chunks(5_000) {
            let mut orders = Vec::new();
            for n in numbers {
                if let Some(o) = self.order(n)? {
                    orders.push(o);
                }
            }
            self.update_order_kpis(&orders)?;
        }
        Ok(())
    }

    /// Throws the buckets away and counts every visit again (`rounds check --repair`).
    pub fn rebuild_kpis(&self) -> Result<()> {
        self.atomically(|| {
            for name in [BY_VISIT, BY_REP, BY_STORE] {
                self.tree(name)?.clear()?;
            }
            let visits = self.all_visits()?;
            for chunk in visits.chunks(5_000) {
                self.update_kpis(chunk)?;
            }
            self.update_order_kpis(&self.all_orders()?)?;
            self.tree("meta")?
                .insert(KPI_RULES_KEY, KPI_RULES.to_be_bytes())?;
            self.flush()
        })
    }

    /// Counts the buckets again when they were kept by older rules (or
    /// never kept): what `check` and the dashboard then read is this
    /// build's figures.
    pub fn ensure_kpi_rules(&self) -> Result<()> {
        let kept = self
            .tree("meta")?
            .get(KPI_RULES_KEY)?
            .and_then(|v| <[u8; 8]>::try_from(v.as_ref()).ok())
            .map(u64::from_be_bytes);
        let has_data = !self.tree("visits")?.is_empty()? || !self.tree("orders")?.is_empty()?;
        if kept != Some(KPI_RULES) && has_data {
            self.rebuild_kpis()?;
        }
        Ok(())
    }

    /// Every stored bucket, by (rep or store, day).
    pub fn kpi_buckets(&self, by_store: bool) -> Result<BTreeMap<(String, NaiveDate), KpiCounts>> {
        let mut out = BTreeMap::new();
        for item in self.tree(if by_store { BY_STORE } else { BY_REP })?.iter() {
            let (k, v) = item?;
            if let Some(key) = parse_bucket_key(&k) {
                out.insert(key, codec::decode("kpi bucket", &v)?);
            }
        }
        Ok(out)
    }

    /// What the buckets should hold, counted from the visits themselves.
    pub fn kpi_recount(&self, by_store: bool) -> Result<BTreeMap<(String, NaiveDate), KpiCounts>> {
        let mut contributions = Vec::new();
        for v in self.all_visits()? {
            if let Some(c) = self.contribution_now(&v)? {
                contributions.push(c);
            }
        }
        let lead = self.settings()?.delivery_lead_days;
        for o in self.all_orders()? {
            for (_, c) in self.order_contributions(&o, lead)? {
                contributions.extend(c);
            }
        }
        Ok(kpi::recompute(&contributions, by_store))
    }

    /// Overdue by the route's rule (`domain::route::overdue_days`: no
    /// submitted visit within the store's frequency; an open visit does not
    /// count), found with a short forward range of the store index: sled's
    /// reverse scans ("the last visit") cost far more over 1,000 stores.
    fn is_overdue(
        &self,
        index: &super::tree_view::TreeView<'_>,
        s: &crate::domain::Store,
        today: NaiveDate,
    ) -> Result<bool> {
        let since = crate::domain::route::overdue_cutoff(s.visit_every_days, today);
        let lo = keys::join(&[s.code.as_bytes(), &keys::date(since)]);
        let mut hi = keys::prefix(&s.code);
        hi.push(0xff);
        let mut recent = None;
        for item in index.range_between(lo, hi) {
            let (key, _) = item?;
            let Ok(id) = <[u8; 16]>::try_from(&key[key.len().saturating_sub(16)..]) else {
                continue;
            };
            if let Some(v) = self.visit(Ulid::from_bytes(id))?
                && v.status == crate::domain::VisitStatus::Submitted
            {
                recent = Some(v.date);
                break;
            }
        }
        Ok(crate::domain::route::overdue_days(recent, s.visit_every_days, today).is_some())
    }

    /// The dashboard over `from..=to`: a row per rep (or store) and the team.
    /// Reads only the day buckets of the period, the stores and the
    /// last-visit index; `only` limits it to one rep (a rep's own figures).
    pub fn kpi_table(
        &self,
        from: NaiveDate,
        to: NaiveDate,
        today: NaiveDate,
        by_store: bool,
        only: Option<&str>,
    ) -> Result<KpiTable> {
        // a database written before the buckets (or their rules) existed
        self.ensure_kpi_rules()?;
        let stores = self.stores()?;
        let stores: Vec<_> = stores
            .into_iter()
            .filter(|s| only.is_none_or(|r| s.rep == r))
            .collect();
        let planned = kpi::planned_visits(&stores, from, to, by_store);
        let index = self.tree("visits_by_store")?;
        let mut rows: BTreeMap<String, KpiRow> = BTreeMap::new();
        let days = ((to - from).num_days() + 1).max(0) as usize;
        let new_row = |who: &str| KpiRow {
            who: who.to_string(),
            daily: vec![0; days],
            ..Default::default()
        };
        for s in &stores {
            let who = if by_store { &s.code } else { &s.rep };
            let row = rows.entry(who.clone()).or_insert_with(|| new_row(who));
            if self.is_overdue(&index, s, today)? {
                row.overdue_stores += 1;
            }
        }
        if only.is_none() && !by_store {
            for rep in self.reps()? {
                rows.entry(rep.code.clone())
                    .or_insert_with(|| new_row(&rep.code));
            }
        }
        let tree = self.tree(if by_store { BY_STORE } else { BY_REP })?;
        let whos: Vec<String> = rows.keys().cloned().collect();
        for who in whos {
            let row = rows.entry(who.clone()).or_insert_with(|| new_row(&who));
            row.planned = planned.get(&who).copied().unwrap_or(0);
            for item in tree.range_between(bucket_key(&who, from), bucket_key(&who, to)) {
                let (k, v) = item?;
                let Some((_, date)) = parse_bucket_key(&k) else {
                    continue;
                };
                let counts: KpiCounts = codec::decode("kpi bucket", &v)?;
                row.counts += counts;
                if let Some(slot) = row.daily.get_mut((date - from).num_days() as usize) {
                    *slot += u64::from(counts.visits);
                }
            }
            // orders on their way: dated the day their delivery is due
            let ahead = tree.range_between(
                bucket_key(&who, today + chrono::Duration::days(1)),
                bucket_key(&who, today + chrono::Duration::days(400)),
            );
            for item in ahead {
                let (_, v) = item?;
                let counts: KpiCounts = codec::decode("kpi bucket", &v)?;
                row.awaiting_lines += counts.order_lines;
            }
        }
        let mut team = new_row("");
        for r in rows.values() {
            team.add(r);
        }
        Ok(KpiTable {
            from,
            to,
            by_store,
            rows: rows.into_values().collect(),
            team,
        })
    }
}
