//! One chunk of a bundle into the hub, inside the bundle's transaction: the
//! new changes logged once each, then merged into the current records by the
//! laptops' own rule (`resolve_fields`), never by SQL.

use super::{HubError, scope};
use crate::domain::merge::FieldConflict;
use crate::exchange::sync::merge::resolve_fields;
use crate::storage::{RawRecord, encode_value, record_json};
use postgres::Transaction;
use std::collections::{HashMap, HashSet};

/// What a bundle's chunks did so far.
#[derive(Debug, Default)]
pub(super) struct Applying {
    pub records: u64,
    pub new_changes: u64,
    pub applied: u64,
    pub first_change: Option<i64>,
    pub last_change: Option<i64>,
    pub conflicts: Vec<FieldConflict>,
    pub touched_visits: HashSet<String>,
}

type Key = (String, Vec<u8>);

/// Logs the chunk's changes (`ON CONFLICT DO NOTHING` on the change id) and
/// merges those the hub did not have yet.
pub(super) fn apply_chunk(
    tx: &mut Transaction<'_>,
    state: &mut Applying,
    records: &[RawRecord],
    device: &str,
    bundle: i64,
) -> Result<(), HubError> {
    state.records += records.len() as u64;
    let ids: Vec<Vec<u8>> = records
        .iter()
        .map(|r| scope::change_id(&r.tree, &r.key, &r.value))
        .collect();
    let trees: Vec<&str> = records.iter().map(|r| r.tree.as_str()).collect();
    let keys: Vec<&[u8]> = records.iter().map(|r| r.key.as_slice()).collect();
    let values: Vec<&[u8]> = records.iter().map(|r| r.value.as_slice()).collect();
    let rows = tx.query(
        "INSERT INTO rounds_hub.changes (id, tree, key, value, device, bundle)
         SELECT i, t, k, v, $5, $6 FROM unnest($1::bytea[], $2::text[], $3::bytea[], $4::bytea[]) AS u(i, t, k, v)
         ON CONFLICT (id) DO NOTHING RETURNING id, seq",
        &[&ids, &trees, &keys, &values, &device, &bundle],
    )?;
    let mut new: HashSet<Vec<u8>> = HashSet::with_capacity(rows.len());
    for row in &rows {
        let seq: i64 = row.get(1);
        state.first_change = Some(state.first_change.map_or(seq, |f| f.min(seq)));
        state.last_change = Some(state.last_change.map_or(seq, |l| l.max(seq)));
        new.insert(row.get(0));
    }
    state.new_changes += new.len() as u64;
    let fresh: Vec<&RawRecord> = records
        .iter()
        .zip(&ids)
        .filter(|(_, id)| new.remove(*id))
        .map(|(r, _)| r)
        .collect();
    merge_records(tx, state, &fresh, device)
}

/// Merges records into the current state; `origin` is who sent them.
pub(super) fn merge_records(
    tx: &mut Transaction<'_>,
    state: &mut Applying,
    records: &[&RawRecord],
    origin: &str,
) -> Result<(), HubError> {
    if records.is_empty() {
        return Ok(());
    }
    let mut current = stored(tx, records)?;
    let mut write: Vec<Key> = Vec::new();
    let mut origins: HashMap<Key, String> = HashMap::new();
    for r in records {
        let key = (r.tree.clone(), r.key.clone());
        let existing = current.get(&key).map(Vec::as_slice);
        let resolved = resolve_fields(&r.tree, existing, &r.value)?;
        state.conflicts.extend(resolved.conflicts);
        let Some(value) = resolved.value else {
            continue;
        };
        let who = if value == r.value {
            origin
        } else {
            super::HUB_DEVICE
        };
        if !origins.contains_key(&key) {
            write.push(key.clone());
        }
        origins.insert(key.clone(), who.to_string());
        current.insert(key, value);
    }
    state.applied += write.len() as u64;
    upsert(tx, state, &write, &current, &origins)
}

/// The stored values of the records' keys.
fn stored(
    tx: &mut Transaction<'_>,
    records: &[&RawRecord],
) -> Result<HashMap<Key, Vec<u8>>, HubError> {
    let trees: Vec<&str> = records.iter().map(|r| r.tree.as_str()).collect();
    let keys: Vec<&[u8]> = records.iter().map(|r| r.key.as_slice()).collect();
    let rows = tx.query(
        "SELECT r.tree, r.key, r.value FROM rounds_hub.records r
         JOIN (SELECT DISTINCT t, k FROM unnest($1::text[], $2::bytea[]) AS u(t, k)) u
           ON r.tree = u.t AND r.key = u.k",
        &[&trees, &keys],
    )?;
    Ok(rows
        .iter()
        .map(|row| {
            let tree: String = row.get(0);
            let value: Vec<u8> = row.get(2);
            // a value an older laptop sent reads in today's layout
            let value = crate::storage::current_layout(&tree, &value);
            ((tree, row.get(1)), value)
        })
        .collect())
}

fn upsert(
    tx: &mut Transaction<'_>,
    state: &mut Applying,
    write: &[Key],
    values: &HashMap<Key, Vec<u8>>,
    origins: &HashMap<Key, String>,
) -> Result<(), HubError> {
    if write.is_empty() {
        return Ok(());
    }
    let mut cols = Columns::default();
    for key in write {
        let value = &values[key];
        let doc = record_json(&key.0, value)?;
        let visit = scope::visit_id(&key.0, &doc);
        if let Some(v) = &visit
            && matches!(key.0.as_str(), "visits" | "visit_audit")
        {
            state.touched_visits.insert(v.clone());
        }
        cols.trees.push(&key.0);
        cols.keys.push(&key.1);
        cols.values.push(value);
        cols.stores.push(scope::store_code(&key.0, &doc));
        cols.visits.push(visit);
        cols.docs.push(doc.to_string());
        cols.origins.push(&origins[key]);
    }
    tx.execute(
        "INSERT INTO rounds_hub.records (tree, key, value, doc, store_code, visit_id, origin, seq)
         SELECT t, k, v, d::jsonb, s, vi, o, nextval('rounds_hub.record_seq')
         FROM unnest($1::text[], $2::bytea[], $3::bytea[], $4::text[], $5::text[], $6::text[], $7::text[])
           AS u(t, k, v, d, s, vi, o)
         ON CONFLICT (tree, key) DO UPDATE SET value = EXCLUDED.value, doc = EXCLUDED.doc,
           store_code = EXCLUDED.store_code, visit_id = EXCLUDED.visit_id,
           origin = EXCLUDED.origin, seq = EXCLUDED.seq",
        &[
            &cols.trees,
            &cols.keys,
            &cols.values,
            &cols.docs,
            &cols.stores,
            &cols.visits,
            &cols.origins,
        ],
    )?;
    Ok(())
}

#[derive(Default)]
struct Columns<'a> {
    trees: Vec<&'a str>,
    keys: Vec<&'a [u8]>,
    values: Vec<&'a [u8]>,
    docs: Vec<String>,
    stores: Vec<Option<String>>,
    visits: Vec<Option<String>>,
    origins: Vec<&'a str>,
}

/// The conflicts the merges found, as conflict-log records (the same bytes
/// a laptop logs for the same conflict), merged like any record.
pub(super) fn log_conflicts(
    tx: &mut Transaction<'_>,
    state: &mut Applying,
) -> Result<(), HubError> {
    let found = std::mem::take(&mut state.conflicts);
    let mut records = Vec::with_capacity(found.len());
    for c in &found {
        records.push(RawRecord {
            tree: "conflicts".into(),
            key: c.meta.id.to_bytes().to_vec(),
            value: encode_value("conflict", c)?,
        });
    }
    let refs: Vec<&RawRecord> = records.iter().collect();
    merge_records(tx, state, &refs, super::HUB_DEVICE)?;
    // merging conflict records finds none of its own
    state.conflicts.clear();
    Ok(())
}

/// Recounts the per-visit figures of the visits the bundle touched.
pub(super) fn refresh_kpis(tx: &mut Transaction<'_>, state: &Applying) -> Result<(), HubError> {
    if state.touched_visits.is_empty() {
        return Ok(());
    }
    let visits: Vec<&str> = state.touched_visits.iter().map(String::as_str).collect();
    tx.execute(
        "INSERT INTO rounds_hub.kpi_visit (visit_id, rep, store_code, day, submitted, audit_lines, on_shelf)
         SELECT v.visit_id, v.doc->>'rep', v.doc->>'store_code', (v.doc->>'date')::date,
                v.doc->>'status' = 'Submitted', count(a.key),
                count(a.key) FILTER (WHERE (a.doc->>'on_shelf')::boolean)
         FROM rounds_hub.records v
         LEFT JOIN rounds_hub.records a ON a.visit_id = v.visit_id AND a.tree = 'visit_audit'
         WHERE v.tree = 'visits' AND v.visit_id = ANY($1)
         GROUP BY v.tree, v.key
         ON CONFLICT (visit_id) DO UPDATE SET rep = EXCLUDED.rep, store_code = EXCLUDED.store_code,
           day = EXCLUDED.day, submitted = EXCLUDED.submitted,
           audit_lines = EXCLUDED.audit_lines, on_shelf = EXCLUDED.on_shelf",
        &[&visits],
    )?;
    Ok(())
}
