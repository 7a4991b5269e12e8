use super::conflict::REMOVED;
use super::*;
use crate::domain::record::next_hlc;
use crate::domain::{Channel, Money, Stamp, Store, WeekdaySet};
use chrono::{DateTime, TimeZone, Utc};
use proptest::prelude::*;
use std::collections::BTreeMap;

fn at(secs: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 1, 9, 0, 0).unwrap() + chrono::Duration::seconds(secs)
}

fn stamp(device: &str, secs: i64) -> Stamp {
    Stamp {
        by: format!("by-{device}"),
        device: device.to_string(),
        at: at(secs),
    }
}

fn store() -> Versioned<Store> {
    Versioned::new(Store {
        meta: RecordMeta::fresh("import", "office", at(0)),
        code: "S001".into(),
        name: "Берёзка".into(),
        address: "ул. Ленина 1".into(),
        city: "Тверь".into(),
        decision_maker: "Ольга".into(),
        phone: "+7 900 000-00-00".into(),
        email: String::new(),
        preferred_channel: Channel::Visit,
        visit_every_days: 7,
        visit_weekdays: WeekdaySet(1),
        rep: "R01".into(),
        route_order: 1,
        deferral_days: 14,
        credit_limit: Money(0),
    })
}

/// A local edit on `device` at `secs`, as the storage layer makes it.
fn edit(
    state: &Versioned<Store>,
    device: &str,
    secs: i64,
    f: impl Fn(&mut Store),
) -> Versioned<Store> {
    let mut v = state.value.clone();
    f(&mut v);
    v.meta.touch(stamp(device, secs));
    state.edit(v)
}

fn remove(state: &Versioned<Store>, device: &str, secs: i64) -> Versioned<Store> {
    let mut meta = state.value.meta.clone();
    meta.touch(stamp(device, secs));
    state.remove(meta)
}

#[test]
fn the_fields_are_every_field_but_the_meta_and_code() {
    let json = serde_json::to_value(&store().value).unwrap();
    let mut keys: Vec<_> = json.as_object().unwrap().keys().cloned().collect();
    keys.retain(|k| k != "meta" && k != "code");
    let mut fields: Vec<_> = Store::FIELDS.iter().map(|f| f.to_string()).collect();
    keys.sort();
    fields.sort();
    assert_eq!(keys, fields);
    let json = serde_json::to_value(crate::domain::Rep {
        meta: RecordMeta::fresh("i", "d", at(0)),
        code: "R1".into(),
        name: "n".into(),
        phone: "p".into(),
    })
    .unwrap();
    assert_eq!(
        json.as_object().unwrap().len(),
        crate::domain::Rep::FIELDS.len() + 2
    );
}

#[test]
fn a_phone_on_one_laptop_and_a_name_on_another_both_survive() {
    let base = store();
    let a = edit(&base, "laptop-a", 10, |s| {
        s.phone = "+7 911 111-11-11".into()
    });
    let b = edit(&base, "laptop-b", 11, |s| s.name = "Берёзка-2".into());
    let on_a = merge(&a, &b);
    let on_b = merge(&b, &a);
    assert_eq!(on_a.state, on_b.state);
    assert_eq!(on_a.state.value.name, "Берёзка-2");
    assert_eq!(on_a.state.value.phone, "+7 911 111-11-11");
    assert!(on_a.conflicts.is_empty(), "{:?}", on_a.conflicts);
    // the record's clock moved on to the newer edit
    assert_eq!(on_a.state.value.meta.hlc, b.value.meta.hlc);
}

#[test]
fn the_same_field_twice_keeps_the_later_and_logs_the_other() {
    let base = store();
    let a = edit(&base, "laptop-a", 10, |s| s.phone = "111".into());
    let b = edit(&base, "laptop-b", 20, |s| s.phone = "222".into());
    let on_a = merge(&a, &b);
    let on_b = merge(&b, &a);
    assert_eq!(on_a.state, on_b.state);
    assert_eq!(on_a.state.value.phone, "222");
    assert_eq!(on_a.conflicts, on_b.conflicts);
    let [c] = on_a.conflicts.as_slice() else {
        panic!("{:?}", on_a.conflicts)
    };
    assert_eq!(
        (c.field.as_str(), c.kept.as_str(), c.lost.as_str()),
        ("phone", "\"222\"", "\"111\"")
    );
    assert_eq!(c.lost_stamp.device, "laptop-a");
    assert_eq!(c.kept_stamp.device, "laptop-b");
}

#[test]
fn an_edit_made_after_seeing_the_other_is_no_conflict() {
    let base = store();
    let a = edit(&base, "laptop-a", 10, |s| s.phone = "111".into());
    let b_saw_a = merge(&base, &a).state;
    let b = edit(&b_saw_a, "laptop-b", 5, |s| s.phone = "222".into()); // its wall clock is behind
    let m = merge(&a, &b);
    assert_eq!(
        m.state.value.phone, "222",
        "the later edit wins though its clock was behind"
    );
    assert!(m.conflicts.is_empty());
}

#[test]
fn equal_values_are_no_conflict() {
    let base = store();
    let a = edit(&base, "laptop-a", 10, |s| s.phone = "111".into());
    let b = edit(&base, "laptop-b", 20, |s| s.phone = "111".into());
    assert!(merge(&a, &b).conflicts.is_empty());
}

#[test]
fn old_records_take_the_record_clock_for_every_field() {
    let base = store();
    let mut newer = base.value.clone();
    newer.phone = "333".into();
    newer.meta.touch(stamp("laptop-a", 30));
    let legacy = Versioned::new(newer);
    let b = edit(&base, "laptop-b", 20, |s| s.name = "N".into());
    let m = merge(&b, &legacy);
    // the old-format record is newer on every field: it wins them all, and
    // B's name, which it never saw, is logged
    assert_eq!(m.state.value.phone, "333");
    assert_eq!(m.state.value.name, "Берёзка");
    // the old record cannot say what it had seen: every value of B's that
    // differs is logged (too many entries rather than a silent loss)
    let fields: Vec<_> = m.conflicts.iter().map(|c| c.field.as_str()).collect();
    assert_eq!(fields, ["name", "phone"]);
}

#[test]
fn a_removal_against_a_concurrent_edit_keeps_the_record_and_logs_it() {
    let base = store();
    let gone = remove(&base, "office", 10);
    assert!(gone.is_removed());
    let edited = edit(&base, "laptop-a", 5, |s| s.phone = "111".into());
    let m1 = merge(&gone, &edited);
    let m2 = merge(&edited, &gone);
    assert_eq!(m1.state, m2.state);
    assert!(!m1.state.is_removed());
    assert_eq!(m1.state.value.phone, "111");
    assert_eq!(m1.conflicts, m2.conflicts);
    assert_eq!(m1.conflicts.len(), 1);
    assert_eq!(m1.conflicts[0].field, REMOVED);
    // removed again by someone who saw the edit: gone
    let again = remove(&m1.state, "office", 40);
    assert!(merge(&again, &edited).state.is_removed());
    assert!(merge(&edited, &again).conflicts.is_empty());
}

#[test]
fn writing_a_removed_record_restores_it() {
    let gone = remove(&store(), "office", 10);
    let back = edit(&gone, "office", 20, |_| {});
    assert!(!back.is_removed());
    assert!(!merge(&gone, &back).state.is_removed());
}

#[test]
fn conflicts_found_on_two_devices_are_one_entry() {
    let base = store();
    let a = edit(&base, "laptop-a", 10, |s| s.phone = "111".into());
    let b = edit(&base, "laptop-b", 20, |s| s.phone = "222".into());
    let c1 = &merge(&a, &b).conflicts[0];
    let c2 = &merge(&b, &a).conflicts[0];
    assert_eq!(c1.meta.id, c2.meta.id);
    assert_eq!(c1, c2);
}

// --- many devices, random edits, bundles in any order ---

#[derive(Debug, Clone)]
enum Op {
    /// device edits field to value
    Edit(usize, usize, u8),
    /// an ERP import on device: several fields at once
    Import(usize, u8),
    Remove(usize),
    /// device takes a snapshot of its state (a bundle) for later delivery
    Send(usize),
    /// deliver bundle number n (mod the count) to device
    Deliver(usize, usize),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => (0..3usize, 0..4usize, 0..4u8).prop_map(|(d, f, v)| Op::Edit(d, f, v)),
        1 => (0..3usize, 0..4u8).prop_map(|(d, v)| Op::Import(d, v)),
        1 => (0..3usize).prop_map(Op::Remove),
        3 => (0..3usize).prop_map(Op::Send),
        4 => (0..3usize, 0..64usize).prop_map(|(d, n)| Op::Deliver(d, n)),
    ]
}

/// Fields the simulation edits (strings, so any value fits).
const EDITED: [&str; 4] = ["name", "phone", "address", "email"];

fn set(s: &mut Store, field: usize, v: String) {
    match EDITED[field] {
        "name" => s.name = v,
        "phone" => s.phone = v,
        "address" => s.address = v,
        _ => s.email = v,
    }
}

#[derive(Debug, Clone)]
struct Device {
    state: Versioned<Store>,
    log: BTreeMap<ulid::Ulid, FieldConflict>,
    wall: i64,
}

/// An edit made somewhere, and what its device had seen when making it.
struct Made {
    field: Option<usize>, // None: a removal or a restore
    removed: bool,
    /// The field's value after the edit (JSON text).
    value: String,
    stamp: FieldStamp,
    seen: BTreeMap<String, u64>,
}

fn receive(dev: &mut Device, state: &Versioned<Store>, log: &BTreeMap<ulid::Ulid, FieldConflict>) {
    let m = merge(&dev.state, state);
    dev.state = m.state;
    for c in m.conflicts.into_iter().chain(log.values().cloned()) {
        let keep = match dev.log.get(&c.meta.id) {
            Some(old) => (c.meta.hlc, format!("{c:?}")) > (old.meta.hlc, format!("{old:?}")),
            None => true,
        };
        if keep {
            dev.log.insert(c.meta.id, c);
        }
    }
}

/// The stamp of the next local change on device `d`, whose wall clock is `skew` off.
fn local_stamp(dev: &mut Device, d: usize, skew: i64) -> Stamp {
    dev.wall += 1;
    Stamp {
        by: "rep".into(),
        device: format!("dev{d}"),
        at: at(dev.wall + skew),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, ..ProptestConfig::default() })]
    #[test]
    fn devices_converge_and_no_edit_is_lost(ops in proptest::collection::vec(op(), 1..60),
                                            skews in proptest::collection::vec(-5i64..5, 3)) {
        let base = store();
        let mut devs: Vec<Device> = (0..3)
            .map(|_| Device { state: base.clone(), log: BTreeMap::new(), wall: 0 })
            .collect();
        let mut bundles: Vec<(Versioned<Store>, BTreeMap<ulid::Ulid, FieldConflict>)> = Vec::new();
        let mut made: Vec<Made> = Vec::new();
        let mut counter = 0u32;
        for op in ops {
            match op {
                Op::Edit(d, _, v) | Op::Import(d, v) => {
                    let fields: Vec<usize> = match op { Op::Edit(_, f, _) => vec![f], _ => vec![0, 1, 2] };
                    counter += 1;
                    let st = local_stamp(&mut devs[d], d, skews[d]);
                    let dev = &mut devs[d];
                    let mut value = dev.state.value.clone();
                    for f in &fields {
                        set(&mut value, *f, format!("{d}-{v}-{counter}"));
                    }
                    let seen = dev.state.clocks.seen.clone();
                    let before = dev.state.clone();
                    value.meta.touch(st);
                    dev.state = dev.state.edit(value);
                    let after = &dev.state.clocks;
                    if after.removal != before.clocks.removal {
                        made.push(Made { field: None, removed: false, value: String::new(), stamp: after.removal.stamp.clone().unwrap(), seen: seen.clone() });
                    }
                    // every field whose value the edit changed (a restore also restamps the
                    // unchanged ones: that is the restore, tracked above, not an edit)
                    for (i, f) in after.fields.iter().enumerate() {
                        if *f != before.clocks.fields[i] && !before.value.field_eq(&dev.state.value, i) {
                            made.push(Made { field: Some(i), removed: false, value: dev.state.value.field_json(i).to_string(), stamp: f.clone(), seen: seen.clone() });
                        }
                    }
                    let _ = fields;
                }
                Op::Remove(d) => {
                    if devs[d].state.is_removed() { continue; }
                    let st = local_stamp(&mut devs[d], d, skews[d]);
                    let dev = &mut devs[d];
                    let seen = dev.state.clocks.seen.clone();
                    let mut meta = dev.state.value.meta.clone();
                    meta.touch(st);
                    dev.state = dev.state.remove(meta);
                    made.push(Made { field: None, removed: true, value: String::new(), stamp: dev.state.clocks.removal.stamp.clone().unwrap(), seen });
                }
                Op::Send(d) => bundles.push((devs[d].state.clone(), devs[d].log.clone())),
                Op::Deliver(d, n) => {
                    if bundles.is_empty() { continue; }
                    let (s, l) = bundles[n % bundles.len()].clone();
                    receive(&mut devs[d], &s, &l);
                    let once = (devs[d].state.clone(), devs[d].log.clone());
                    receive(&mut devs[d], &s, &l);
                    prop_assert_eq!(&once.0, &devs[d].state, "a second delivery changed the record");
                    prop_assert_eq!(&once.1, &devs[d].log, "a second delivery changed the log");
                }
            }
        }
        // finally everyone sends to everyone until nothing moves: the states
        // meet in one round, the conflicts each device found in the next
        for round in 0..3 {
            let finals: Vec<_> = devs.iter().map(|d| (d.state.clone(), d.log.clone())).collect();
            for dev in devs.iter_mut() {
                for (s, l) in &finals {
                    let before = (dev.state.clone(), dev.log.clone());
                    receive(dev, s, l);
                    if round == 2 {
                        prop_assert_eq!(&before.0, &dev.state);
                        prop_assert_eq!(&before.1, &dev.log);
                    }
                }
            }
        }
        for d in &devs[1..] {
            prop_assert_eq!(&d.state, &devs[0].state);
            prop_assert_eq!(&d.log, &devs[0].log);
        }
        let end = &devs[0];
        for m in &made {
            // overwritten by an edit made by a device that had seen it: not lost
            let superseded = made.iter().any(|o| o.field == m.field && o.stamp != m.stamp
                && o.seen.get(&m.stamp.device).is_some_and(|h| *h >= m.stamp.hlc));
            // logged under its own stamp, or under a later restamp of the same
            // value (a restore restamps every field; values here are unique)
            let logged = end.log.values().any(|c| {
                c.lost_stamp == m.stamp
                    || m.field.is_some_and(|i| {
                        c.field == Store::FIELDS[i]
                            && c.lost == m.value
                            && c.lost_stamp.hlc > m.stamp.hlc
                    })
            });
            let in_force = match m.field {
                // the same value set twice survives in either
                Some(i) => end.state.clocks.fields[i] == m.stamp
                    || serde_json::from_str::<serde_json::Value>(&m.value).ok()
                        == Some(end.state.value.field_json(i)),
                // a removal (or restore) outranked by another of the same
                // intent was not lost: the intent is in force, or logged
                // (two removals of one record count as one: the later stands for
                // both, so if its own device restores it the earlier is not
                // logged; see docs/sync.md)
                None if m.removed => {
                    end.state.is_removed()
                        || end.log.values().any(|c| c.field == REMOVED)
                        || made
                            .iter()
                            .any(|o| o.field.is_none() && o.removed && o.stamp > m.stamp)
                }
                // a restore is its fields: kept alive, or its values logged
                None => {
                    !end.state.is_removed()
                        || end.log.values().any(|c| {
                            c.lost_stamp.device == m.stamp.device && c.lost_stamp.hlc >= m.stamp.hlc
                        })
                }
            };
            prop_assert!(in_force || logged || superseded, "lost: {:?} {:?}", m.field, m.stamp);
        }
    }
}

#[test]
fn next_hlc_is_used_by_touch() {
    // the simulation relies on touch moving past the merged clock
    let mut m = RecordMeta::fresh("a", "b", at(100));
    let h = m.hlc;
    m.touch(stamp("x", 0));
    assert_eq!(m.hlc, next_hlc(h, at(0)));
}
