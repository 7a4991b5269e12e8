//! The first incremental export of a device carries every record, the very
//! first change included (an office copy once lacked one rep).

mod common;
use common::DataDir;

#[test]
fn first_incremental_export_equals_all() {
    let laptop = DataDir::with_demo();
    let office = DataDir::new();
    let bundle = laptop.path().join("first.bundle");
    laptop.ok(&["sync", "export", "-o", bundle.to_str().unwrap()]);
    office.ok(&["sync", "import", bundle.to_str().unwrap()]);
    for kind in ["stores", "products"] {
        assert_eq!(
            office.ok(&["export", kind, "--format", "json"]),
            laptop.ok(&["export", kind, "--format", "json"]),
            "{kind}"
        );
    }
    let stats = |d: &DataDir| -> serde_json::Value {
        serde_json::from_str(&d.ok(&["stats", "--format", "json"])).unwrap()
    };
    let (a, b) = (stats(&laptop), stats(&office));
    for kind in [
        "reps",
        "stores",
        "products",
        "visits",
        "assortment",
        "returns",
    ] {
        assert_eq!(a[kind], b[kind], "{kind}");
    }
}
