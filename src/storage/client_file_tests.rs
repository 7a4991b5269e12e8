use crate::clock::Clock;
use crate::domain::client::{ContactDraft, EntryKind, TimelineEntry, WhyLost};
use crate::domain::{Channel, RecordMeta};
use crate::exchange::sync;
use crate::storage::Database;
use chrono::{DateTime, Duration, NaiveDate, Utc};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
}

fn at(minutes: i64) -> DateTime<Utc> {
    today().and_hms_opt(9, 0, 0).unwrap().and_utc() + Duration::minutes(minutes)
}

fn demo() -> (tempfile::TempDir, Database) {
    let dir = tempfile::tempdir().unwrap();
    let db = Database::open(dir.path()).unwrap();
    crate::demo::load(&db, &Clock::fixed(today())).unwrap();
    (dir, db)
}

fn store_code(db: &Database) -> String {
    db.stores().unwrap()[0].code.clone()
}

fn complaint(db: &Database, store: &str, minutes: i64, text: &str) -> TimelineEntry {
    TimelineEntry {
        meta: RecordMeta::fresh("R01", db.device(), at(minutes)),
        store_code: store.into(),
        date: today(),
        kind: EntryKind::Complaint(WhyLost::Delivery),
        text: text.into(),
        contact: None,
    }
}

/// Sends everything `from` has that `to` has not seen.
fn exchange(from: &Database, to: &Database, dir: &std::path::Path, name: &str) {
    let path = dir.join(name);
    sync::export_to_file(from, "peer", false, &path, Utc::now()).unwrap();
    sync::import_file(to, &path).unwrap();
}

#[test]
fn people_and_entries_of_an_unknown_store_are_refused() {
    let (_dir, db) = demo();
    let entry = complaint(&db, "NOPE", 0, "late");
    let err = db.put_timeline(&[entry]).unwrap_err();
    assert!(err.to_string().contains("no store NOPE"), "{err}");
    assert!(
        db.all_timeline()
            .unwrap()
            .iter()
            .all(|e| e.store_code != "NOPE")
    );
}

#[test]
fn the_client_file_syncs_once_and_the_newest_edit_wins_both_ways() {
    let (a_dir, a) = demo();
    let b_dir = tempfile::tempdir().unwrap();
    let b = Database::open(b_dir.path()).unwrap();
    let path = a_dir.path().join("all.bundle");
    sync::export_to_file(&a, "b", true, &path, Utc::now()).unwrap();
    sync::import_file(&b, &path).unwrap();
    let store = store_code(&a);
    let before = a.timeline_of(&store).unwrap().len();

    // each side logs its own entry and a contact is edited on both
    a.put_timeline(&[complaint(&a, &store, 1, "late again")])
        .unwrap();
    b.put_timeline(&[complaint(&b, &store, 2, "wrong goods")])
        .unwrap();
    let draft = ContactDraft {
        name: "Анна Петрова".into(),
        phone: "+7 900 111 22 33".into(),
        preferred: Channel::Phone,
        ..Default::default()
    };
    let mut anna = draft
        .validate(RecordMeta::fresh("R01", a.device(), at(3)), &store, today())
        .unwrap();
    a.put_contacts(std::slice::from_ref(&anna)).unwrap();
    exchange(&a, &b, a_dir.path(), "a1.bundle");
    anna.role = "owner".into();
    anna.meta.touch(crate::domain::record::Stamp {
        by: "R01".into(),
        device: b.device().into(),
        at: at(10),
    });
    b.put_contacts(std::slice::from_ref(&anna)).unwrap();

    exchange(&b, &a, b_dir.path(), "b1.bundle");
    exchange(&a, &b, a_dir.path(), "a2.bundle");
    // the same bundle again changes nothing
    sync::import_file(&a, &b_dir.path().join("b1.bundle")).unwrap();

    for db in [&a, &b] {
        let texts: Vec<String> = db
            .timeline_of(&store)
            .unwrap()
            .into_iter()
            .map(|e| e.text)
            .collect();
        assert_eq!(texts.len(), before + 2, "{texts:?}");
        assert!(texts.contains(&"late again".to_string()));
        assert!(texts.contains(&"wrong goods".to_string()));
        let people: Vec<_> = db
            .contacts_of(&store)
            .unwrap()
            .into_iter()
            .filter(|c| c.meta.id == anna.meta.id)
            .collect();
        assert_eq!(people.len(), 1);
        assert_eq!(people[0].role, "owner", "the later edit wins");
    }
}
