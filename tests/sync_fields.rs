//! Concurrent edits through the real binary: two laptops that took the same
//! full bundle change different fields of one store, then the same field;
//! after exchanging bundles both keep both changes, and the field both
//! changed is in the conflict log until a supervisor settles it, which syncs.

mod common;

use common::DataDir;

fn path(d: &DataDir, name: &str) -> String {
    d.path().join(name).display().to_string()
}

fn store(d: &DataDir, code: &str) -> serde_json::Value {
    let all: serde_json::Value =
        serde_json::from_str(&d.ok(&["export", "stores", "--format", "json"])).unwrap();
    all.as_array()
        .unwrap()
        .iter()
        .find(|s| s["code"] == code)
        .cloned()
        .unwrap_or_else(|| panic!("no store {code}"))
}

fn csv(d: &DataDir, name: &str, text: &str) -> String {
    let p = path(d, name);
    std::fs::write(&p, text).unwrap();
    p
}

fn conflicts(d: &DataDir) -> Vec<serde_json::Value> {
    let v: serde_json::Value =
        serde_json::from_str(&d.ok(&["conflicts", "--format", "json"])).unwrap();
    v.as_array().unwrap().clone()
}

/// Sends what `from` has made since it last sent to `to`.
fn send(from: &DataDir, to: &DataDir, name: &str) {
    let file = path(from, name);
    from.ok(&["sync", "export", "-o", &file, "--dest", name]);
    to.ok(&["sync", "import", &file]);
}

fn two_laptops() -> (DataDir, DataDir, String) {
    let a = DataDir::with_demo();
    let b = DataDir::new();
    let full = path(&a, "full.bundle");
    a.ok(&["sync", "export", "--all", "-o", &full]);
    b.ok(&["sync", "import", &full]);
    let code = store(&a, "S001")["code"].as_str().unwrap().to_string();
    (a, b, code)
}

#[test]
fn a_phone_on_one_laptop_and_a_name_on_the_other_both_survive() {
    let (a, b, code) = two_laptops();
    let old = store(&a, &code);
    let phone = csv(
        &a,
        "phone.csv",
        &format!(
            "code;name;phone\n{code};{};+7 911 111-11-11\n",
            old["name"].as_str().unwrap()
        ),
    );
    a.ok(&["import", "stores", &phone]);
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let name = csv(
        &b,
        "name.csv",
        &format!("code;name\n{code};Берёзка у вокзала\n"),
    );
    b.ok(&["import", "stores", &name]);

    send(&a, &b, "a-to-b");
    send(&b, &a, "b-to-a");

    for (who, d) in [("A", &a), ("B", &b)] {
        let s = store(d, &code);
        assert_eq!(s["name"], "Берёзка у вокзала", "laptop {who}: {s}");
        assert_eq!(s["phone"], "+7 911 111-11-11", "laptop {who}: {s}");
        assert_eq!(
            s["address"], old["address"],
            "laptop {who}: untouched fields stay"
        );
        assert!(
            conflicts(d).is_empty(),
            "laptop {who}: different fields are no conflict"
        );
    }
    assert_eq!(
        a.ok(&["export", "stores", "--format", "json"]),
        b.ok(&["export", "stores", "--format", "json"])
    );
}

#[test]
fn the_same_field_on_both_is_logged_and_the_supervisors_choice_syncs() {
    let (a, b, code) = two_laptops();
    let name = store(&a, &code)["name"].as_str().unwrap().to_string();
    a.ok(&[
        "import",
        "stores",
        &csv(
            &a,
            "p.csv",
            &format!("code;name;phone\n{code};{name};111\n"),
        ),
    ]);
    std::thread::sleep(std::time::Duration::from_millis(1100));
    b.ok(&[
        "import",
        "stores",
        &csv(
            &b,
            "p.csv",
            &format!("code;name;phone\n{code};{name};222\n"),
        ),
    ]);

    send(&a, &b, "a-to-b");
    send(&b, &a, "b-to-a");
    assert_eq!(store(&a, &code)["phone"], "222", "the later edit wins");
    assert_eq!(store(&b, &code)["phone"], "222");
    for d in [&a, &b] {
        let list = conflicts(d);
        assert_eq!(list.len(), 1, "{list:?}");
        assert_eq!(list[0]["field"], "phone");
        assert_eq!(list[0]["lost"], "\"111\"");
        assert_eq!(list[0]["kept"], "\"222\"");
    }
    let text = a.ok(&["conflicts"]);
    assert!(
        text.contains("phone") && text.contains("111") && text.contains("222"),
        "{text}"
    );

    // the supervisor (on laptop B here) takes the lost value back
    let id = conflicts(&b)[0]["meta"]["id"].as_str().unwrap().to_string();
    let out = b.ok(&["conflicts", "settle", &id[..10], "--keep", "lost"]);
    assert!(out.contains("111"), "{out}");
    assert!(conflicts(&b).is_empty());
    send(&b, &a, "b-to-a-2");
    assert_eq!(store(&a, &code)["phone"], "111");
    assert!(conflicts(&a).is_empty(), "the settlement synced");
    send(&a, &b, "a-to-b-2");
    assert_eq!(store(&b, &code)["phone"], "111");
}

#[test]
fn a_removal_elsewhere_does_not_take_a_store_edited_in_the_field() {
    let (a, b, code) = two_laptops();
    let name = store(&a, &code)["name"].as_str().unwrap().to_string();
    a.ok(&["remove", "store", &code]);
    b.ok(&[
        "import",
        "stores",
        &csv(
            &b,
            "p.csv",
            &format!("code;name;phone\n{code};{name};333\n"),
        ),
    ]);
    send(&a, &b, "a-to-b");
    send(&b, &a, "b-to-a");
    for d in [&a, &b] {
        assert_eq!(store(d, &code)["phone"], "333");
        let list = conflicts(d);
        assert_eq!(list.len(), 1, "{list:?}");
        assert_eq!(list[0]["field"], "removed");
    }
    // removed by someone who has seen the edit: gone on both
    a.ok(&["remove", "store", &code]);
    send(&a, &b, "a-to-b-2");
    let all = b.ok(&["export", "stores", "--format", "json"]);
    assert!(!all.contains(&format!("\"{code}\"")), "{all}");
}
