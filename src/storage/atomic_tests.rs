//! The atomic unit: read-your-writes through every scan, in memory and once
//! spilled to the journal; failures drop the whole unit; a marked journal
//! left behind is applied on open, an unmarked one dropped.

use super::{Database, Result};
use rand::{Rng, SeedableRng};
use std::collections::BTreeMap;

fn db() -> (tempfile::TempDir, Database) {
    let dir = tempfile::tempdir().unwrap();
    let db = Database::open(dir.path()).unwrap();
    (dir, db)
}

type Model = BTreeMap<Vec<u8>, Vec<u8>>;

fn key(i: u32) -> Vec<u8> {
    format!("k{:03}\0{:05}", i % 7, i).into_bytes()
}

/// Random puts and removes, checked against a map after each step.
fn exercise(db: &Database, model: &mut Model, rng: &mut impl Rng, steps: usize) -> Result<()> {
    let t = db.tree("t")?;
    for _ in 0..steps {
        let k = key(rng.random_range(0..300));
        if rng.random_bool(0.7) {
            let v = vec![rng.random::<u8>(); 3];
            t.insert(&k, &v)?;
            model.insert(k, v);
        } else {
            t.remove(&k)?;
            model.remove(&k);
        }
    }
    let all: Vec<_> = t
        .iter()
        .map(|r| r.map(|(k, v)| (k.to_vec(), v.to_vec())))
        .collect::<Result<_>>()?;
    assert_eq!(
        all,
        model
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect::<Vec<_>>()
    );
    let prefix = b"k003\0".to_vec();
    let rev: Vec<_> = t
        .scan_prefix_rev(&prefix)
        .map(|r| r.map(|(k, _)| k.to_vec()))
        .collect::<Result<_>>()?;
    let want: Vec<_> = model
        .keys()
        .filter(|k| k.starts_with(&prefix))
        .rev()
        .cloned()
        .collect();
    assert_eq!(rev, want);
    let (lo, hi) = (b"k002\0".to_vec(), b"k005\0".to_vec());
    let between: Vec<_> = t
        .range_between(&lo, &hi)
        .map(|r| r.map(|(k, _)| k.to_vec()))
        .collect::<Result<_>>()?;
    let want: Vec<_> = model.range(lo..=hi).map(|(k, _)| k.clone()).collect();
    assert_eq!(between, want);
    assert_eq!(t.len()?, model.len());
    assert_eq!(
        t.last()?.map(|(k, _)| k.to_vec()),
        model.keys().last().cloned()
    );
    Ok(())
}

#[test]
fn reads_inside_a_unit_see_its_writes_in_memory_and_spilled() {
    let (_d, db) = db();
    let mut rng = rand::rngs::StdRng::seed_from_u64(9);
    let mut model = Model::new();
    exercise(&db, &mut model, &mut rng, 200).unwrap(); // committed base, one write a unit
    db.atomically(|| exercise(&db, &mut model, &mut rng, 300))
        .unwrap();
    db.atomically(|| {
        // past the spill threshold, then the same checks against the journal
        let filler = db.tree("filler")?;
        for i in 0..60_000u32 {
            filler.insert(i.to_be_bytes(), [1])?;
        }
        exercise(&db, &mut model, &mut rng, 300)
    })
    .unwrap();
    assert_eq!(db.tree("filler").unwrap().len().unwrap(), 60_000);
    exercise(&db, &mut model, &mut rng, 0).unwrap();
}

#[test]
fn a_failed_inner_part_drops_the_whole_unit() {
    let (_d, db) = db();
    let out = db.atomically(|| {
        db.tree("t")?.insert(b"a", b"1")?;
        let inner: Result<()> = db.atomically(|| Err(super::StorageError::Invalid("inner".into())));
        let _ = inner; // a caller that ignores the failure
        Ok(())
    });
    assert!(out.is_err());
    assert!(db.tree("t").unwrap().get(b"a").unwrap().is_none());
}

#[test]
fn a_marked_journal_is_applied_on_open_and_an_unmarked_one_dropped() {
    let dir = tempfile::tempdir().unwrap();
    {
        let db = Database::open(dir.path()).unwrap();
        db.tree("t").unwrap().insert(b"old", b"1").unwrap();
        // what a kill leaves: unit 1 marked but not applied, unit 2 staged only
        let j = db.sled.open_tree(super::atomic::JOURNAL_TREE).unwrap();
        let w = |id: u64, k: &[u8], v: &[u8]| {
            let mut key = id.to_be_bytes().to_vec();
            key.push(b'w');
            key.extend_from_slice(b"t\0");
            key.extend_from_slice(k);
            let mut val = vec![1];
            val.extend_from_slice(v);
            j.insert(key, val).unwrap();
        };
        w(1, b"new", b"2");
        let mut mark = 1u64.to_be_bytes().to_vec();
        mark.push(b'm');
        j.insert(mark, &[]).unwrap();
        w(2, b"half", b"3");
        db.sled.flush().unwrap();
    }
    let db = Database::open(dir.path()).unwrap();
    let t = db.tree("t").unwrap();
    assert_eq!(t.get(b"new").unwrap().as_deref(), Some(&b"2"[..]));
    assert!(t.get(b"half").unwrap().is_none());
    assert!(t.get(b"old").unwrap().is_some());
    assert!(
        db.sled
            .open_tree(super::atomic::JOURNAL_TREE)
            .unwrap()
            .is_empty()
    );
}
