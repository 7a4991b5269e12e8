//! `rounds sync`: two data dirs exchanging bundles both ways end equal; a
//! truncated or damaged bundle is refused whole; a watched folder sorts
//! bundles into done/ and failed/.

mod common;

use common::DataDir;
use std::path::PathBuf;

fn sample(kind: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("assets/samples")
        .join(format!("{kind}.csv"))
        .display()
        .to_string()
}

fn stats(d: &DataDir) -> serde_json::Value {
    serde_json::from_str(&d.ok(&["stats", "--format", "json"])).expect("stats json")
}

fn path(d: &DataDir, name: &str) -> String {
    d.path().join(name).display().to_string()
}

fn same_data(a: &DataDir, b: &DataDir) {
    for kind in ["stores", "products"] {
        assert_eq!(
            a.ok(&["export", kind, "--format", "json"]),
            b.ok(&["export", kind, "--format", "json"]),
            "{kind} differ"
        );
    }
    let (mut sa, mut sb) = (stats(a), stats(b));
    sa.as_object_mut().unwrap().remove("outbox");
    sb.as_object_mut().unwrap().remove("outbox");
    assert_eq!(sa, sb);
}

#[test]
fn two_data_dirs_exchanging_bundles_end_equal() {
    let laptop = DataDir::with_demo();
    let office = DataDir::new();
    for kind in ["stores", "products", "assortment", "sales", "invoices"] {
        office.ok(&["import", kind, &sample(kind)]);
    }
    assert_eq!(
        stats(&laptop)["outbox"],
        0,
        "the demo is not the rep's work to send"
    );

    let to_office = path(&laptop, "to-office.bundle");
    let out = laptop.ok(&["sync", "export", "-o", &to_office]);
    assert!(out.contains("records written"), "{out}");
    assert_eq!(
        stats(&laptop)["outbox"],
        0,
        "everything made here was exported"
    );
    office.ok(&["sync", "import", &to_office]);

    let to_laptop = path(&office, "to-laptop.bundle");
    office.ok(&["sync", "export", "-o", &to_laptop, "--dest", "laptop"]);
    laptop.ok(&["sync", "import", &to_laptop]);
    same_data(&laptop, &office);
    assert_eq!(
        stats(&laptop)["outbox"],
        0,
        "received records are not in the outbox"
    );

    // a change on each side crosses over; importing a bundle twice changes nothing
    let file = path(&laptop, "one-store.csv");
    std::fs::write(&file, "code;name;rep\nS001;Ромашка (renamed);R01\n").unwrap();
    laptop.ok(&["import", "stores", &file]);
    assert_eq!(stats(&laptop)["outbox"], 1);
    let file = path(&office, "one-product.csv");
    std::fs::write(&file, "sku,ean,name\nP2001,4601000200009,Milk renamed\n").unwrap();
    office.ok(&["import", "products", &file]);

    let second = path(&laptop, "second.bundle");
    let out = laptop.ok(&["sync", "export", "-o", &second]);
    assert!(out.contains("1 record written"), "{out}");
    let out = office.ok(&["sync", "import", &second]);
    assert!(out.contains("1 applied"), "{out}");
    let out = office.ok(&["sync", "import", &second]);
    assert!(out.contains("0 applied"), "{out}");
    let back = path(&office, "back.bundle");
    office.ok(&["sync", "export", "-o", &back, "--dest", "laptop"]);
    laptop.ok(&["sync", "import", &back]);
    same_data(&laptop, &office);
    let stores = laptop.ok(&["export", "stores"]);
    assert!(stores.contains("Ромашка (renamed)"));
    assert!(laptop.ok(&["export", "products"]).contains("Milk renamed"));
}

#[test]
fn truncated_or_damaged_bundles_are_refused_whole() {
    let laptop = DataDir::with_demo();
    let office = DataDir::new();
    let file = path(&laptop, "all.bundle");
    laptop.ok(&["sync", "export", "--all", "-o", &file]);
    let bytes = std::fs::read(&file).unwrap();

    let cut = path(&office, "cut.bundle");
    std::fs::write(&cut, &bytes[..bytes.len() * 2 / 3]).unwrap();
    let out = office.run(&["sync", "import", &cut]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("truncated"), "{err}");

    let mut damaged = bytes.clone();
    let mid = damaged.len() / 2;
    damaged[mid] ^= 0xff;
    let bad = path(&office, "bad.bundle");
    std::fs::write(&bad, &damaged).unwrap();
    let out = office.run(&["sync", "import", &bad]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("damaged"));

    let s = stats(&office);
    for (kind, n) in s.as_object().unwrap() {
        assert_eq!(n, 0, "{kind} must stay empty");
    }
}

#[test]
fn a_watched_folder_sorts_bundles_into_done_and_failed() {
    let laptop = DataDir::with_demo();
    let office = DataDir::new();
    let inbox = office.path().join("inbox");
    std::fs::create_dir(&inbox).unwrap();
    let good = inbox.join("laptop-1.bundle");
    laptop.ok(&["sync", "export", "-o", good.to_str().unwrap()]);
    std::fs::write(inbox.join("notes.txt"), "not a bundle").unwrap();

    let out = office.ok(&["sync", "watch", inbox.to_str().unwrap(), "--once"]);
    assert!(out.contains("laptop-1.bundle: imported"), "{out}");
    assert!(out.contains("notes.txt: failed"), "{out}");
    assert!(inbox.join("done/laptop-1.bundle").exists());
    assert!(inbox.join("failed/notes.txt").exists());
    let reason = std::fs::read_to_string(inbox.join("failed/notes.txt.reason.txt")).unwrap();
    assert!(reason.contains("not a rounds sync bundle"), "{reason}");
    assert!(!inbox.join("laptop-1.bundle").exists());
    assert_eq!(stats(&office)["stores"], stats(&laptop)["stores"]);
}

/// Crafted bundles with a valid checksum: a record that does not decode, a
/// store under another store's key, a clock far in the future. Each is
/// refused whole, naming the record, and the database is unchanged.
#[test]
fn crafted_bundles_are_refused_naming_the_record() {
    use rounds::exchange::sync::Bundle;
    let laptop = DataDir::with_demo();
    let office = DataDir::with_demo();
    let file = path(&laptop, "all.bundle");
    laptop.ok(&["sync", "export", "--all", "-o", &file]);
    let good = Bundle::from_bytes(&std::fs::read(&file).unwrap()).unwrap();
    let stores_before = office.ok(&["export", "stores"]);
    let stats_before = stats(&office);
    let at = |key: &[u8]| {
        good.records
            .iter()
            .position(|r| r.tree == "stores" && r.key == key)
            .unwrap()
    };
    let (s1, s2) = (at(b"S001"), at(b"S002"));

    let mut undecodable = good.clone();
    undecodable.records[s2].value = vec![1, 2, 3];
    let mut wrong_key = good.clone();
    wrong_key.records[s2].key = b"S001".to_vec();
    // the store's meta starts with its id (16 bytes + length), then the
    // stamps; rather than patch bytes, rebuild it with a clock at u64::MAX
    let mut future = good.clone();
    let mut store = rounds::storage::decode_versioned::<rounds::domain::Store>(
        "store",
        &good.records[s1].value,
    )
    .unwrap();
    store.value.meta.hlc = u64::MAX;
    future.records[s1].value = rounds::storage::encode_versioned("store", &store).unwrap();

    for (name, bundle, number, key, says) in [
        (
            "undecodable",
            undecodable,
            s2,
            "S002",
            "does not read as a stores record",
        ),
        ("wrong-key", wrong_key, s2, "S001", "another record's key"),
        ("future", future, s1, "S001", "more than a day ahead"),
    ] {
        let crafted = path(&office, &format!("{name}.bundle"));
        std::fs::write(&crafted, bundle.to_bytes()).unwrap();
        let out = office.run(&["sync", "import", &crafted]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{name}: {err}");
        let named = format!("record {} of the bundle (stores {key})", number + 1);
        assert!(err.contains(&named), "{name}: {err}");
        assert!(err.contains(says), "{name}: {err}");
        assert!(err.contains("nothing was applied"), "{name}: {err}");
        assert_eq!(office.ok(&["export", "stores"]), stores_before, "{name}");
        assert_eq!(stats(&office), stats_before, "{name}");
    }
    // the untouched bundle still goes in
    office.ok(&["sync", "import", &file]);
}
