//! The day's drive end to end: the stores import with locations and hours,
//! `rounds route plan|week`, the start-point settings, and the route screen
//! re-planning after a skip in a pseudo-terminal.

mod common;
use common::DataDir;

fn write(data: &DataDir, name: &str, text: &str) -> String {
    let path = data.path().join(name);
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

const STORES: &str = "code;name;rep;visit_weekdays;visit_every_days;lat;lon;opens;closes;hours
A1;Alpha;R9;Tue;7;44,4300;26,1000;;;
A2;Beta;R9;Tue;7;44.4400;26.1300;08:00;20:00;
A3;Gamma;R9;Tue;7;44.4100;26.0600;;;Mon-Fri 08:00-20:00; Sat 09:00-14:00
A4;Delta;R9;Tue;7;44.4600;26.0900;;;Mon 08:00-18:00
A5;Nowhere;R9;Tue;7;;;;;
";

#[test]
fn import_plan_json_and_not_fitting() {
    let data = DataDir::new();
    let file = write(&data, "stores.csv", STORES);
    data.ok(&["import", "stores", &file]);
    // a second import without the place columns keeps the places
    let plain = write(&data, "plain.csv", "code;name;rep\nA1;Alpha;R9\n");
    data.ok(&["import", "stores", &plain]);
    let out = data.ok(&["route", "plan", "--rep", "R9", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let stops = v["stops"].as_array().unwrap();
    let codes: Vec<&str> = stops
        .iter()
        .map(|s| s["store_code"].as_str().unwrap())
        .collect();
    assert_eq!(codes.len(), 4, "{out}");
    assert_eq!(codes.last(), Some(&"A5"), "no coordinates: last");
    assert!(stops[3]["lat"].is_null() && stops[3]["arrive"].is_null());
    for s in &stops[..3] {
        assert!(s["lat"].is_f64() && s["lon"].is_f64(), "{s}");
        let arrive = s["arrive"].as_str().unwrap();
        assert_eq!(arrive.len(), 5, "{arrive}");
        assert!(s["km_from_previous"].is_number());
    }
    // starts at the first store (no start point set)
    assert_eq!(codes[0], "A1");
    assert!(v["total_km"].as_f64().unwrap() > 0.0);
    let nf = v["not_fitting"].as_array().unwrap();
    assert_eq!(nf.len(), 1, "{out}");
    assert_eq!(nf[0]["store_code"], "A4");
    assert_eq!(nf[0]["reason"], "closed on Tue");

    // --from and a start point in the settings
    let out = data.ok(&[
        "route",
        "plan",
        "--rep",
        "R9",
        "--from",
        "44.5,26.2",
        "--format",
        "json",
    ]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["start"]["lat"], 44.5);
    data.ok(&["settings", "--set", "route_start=44.42,26.11"]);
    data.ok(&["settings", "--set", "route_start.R9=44,45;26,05"]);
    let out = data.ok(&["route", "plan", "--rep", "R9", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["start"]["lat"], 44.45, "the rep's own start wins");
    let bad = data.run(&["settings", "--set", "route_start=95,10"]);
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("latitude"));
    let bad = data.run(&["settings", "--set", "route_road_factor=0.5"]);
    assert!(!bad.status.success());

    // the text form, and a day with nothing due
    let text = data.ok(&["route", "plan", "--rep", "R9"]);
    assert!(
        text.contains("not fitting:") && text.contains("closed on Tue"),
        "{text}"
    );
    assert!(text.contains("no coordinates"), "{text}");
    // a rep whose store moved to another rep has nothing due
    let moved = write(&data, "moved.csv", "code;name;rep\nZ1;Zeta;R8\n");
    data.ok(&["import", "stores", &moved]);
    let moved = write(&data, "moved2.csv", "code;name;rep\nZ1;Zeta;R9\n");
    data.ok(&["import", "stores", &moved]);
    let none = data.ok(&["route", "plan", "--rep", "R8"]);
    assert!(none.contains("nothing to plan today"), "{none}");
    let json = data.ok(&["route", "plan", "--rep", "R8", "--format", "json"]);
    assert!(json.contains("\"stops\": []"), "{json}");
}

#[test]
fn bad_places_are_refused_by_line() {
    let data = DataDir::new();
    let file = write(
        &data,
        "bad.csv",
        "code;name;lat;lon;opens;closes;hours
B1;Fine;44.1;26.1;;;
B2;Far north;91.5;26.1;;;
B3;Closes first;44.1;26.1;18:00;09:00;
B4;No hours;44.1;26.1;;;Mon-Fri nine to five
B5;Half a point;44.1;;;;
",
    );
    let out = data.run(&["import", "stores", &file]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    for (line, what) in [
        ("3", "latitude 91.5 is out of range"),
        ("4", "not after opens"),
        ("5", "hours"),
        ("6", "lat and lon go together"),
    ] {
        assert!(
            err.lines()
                .any(|l| l.contains(&format!("line {line}")) && l.contains(what))
                || err.contains(&format!("line {line}")) && err.contains(what),
            "line {line} / {what}: {err}"
        );
    }
    // nothing was written
    let stats = data.ok(&["stats", "--format", "json"]);
    assert!(stats.contains("\"stores\":0"), "{stats}");
}

#[test]
fn week_proposal_keeps_frequencies_and_is_accepted() {
    let data = DataDir::new();
    let mut csv = String::from("code;name;rep;visit_weekdays;visit_every_days;lat;lon\n");
    for i in 0..12 {
        let (lat, lon) = (44.40 + (i % 4) as f64 * 0.05, 26.00 + (i / 4) as f64 * 0.07);
        let every = if i == 0 { 3 } else { 7 };
        csv.push_str(&format!("W{i:02};Store {i};R7;Mon;{every};{lat};{lon}\n"));
    }
    let file = write(&data, "week.csv", &csv);
    data.ok(&["import", "stores", &file]);
    let out = data.ok(&["route", "week", "--rep", "R7", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let rows = v["stores"].as_array().unwrap();
    assert_eq!(rows.len(), 12);
    for r in rows {
        let days = r["proposed"].as_str().unwrap().split(',').count();
        let every = r["visit_every_days"].as_u64().unwrap();
        assert_eq!(days, if every == 3 { 3 } else { 1 }, "{r}");
    }
    // one store, then all
    data.ok(&["route", "week", "--rep", "R7", "--accept", "W05"]);
    let stores = data.ok(&["export", "stores", "--format", "json"]);
    let wanted = rows.iter().find(|r| r["store_code"] == "W05").unwrap()["proposed"]
        .as_str()
        .unwrap()
        .to_string();
    let exported: serde_json::Value = serde_json::from_str(&stores).unwrap();
    let w05 = exported
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["code"] == "W05")
        .unwrap();
    assert_eq!(w05["visit_weekdays"].as_str().unwrap(), wanted, "{w05}");
    let out = data.ok(&["route", "week", "--rep", "R7", "--accept", "all"]);
    assert!(out.contains("accepted:"), "{out}");
    let again = data.ok(&["route", "week", "--rep", "R7", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&again).unwrap();
    for r in v["stores"].as_array().unwrap() {
        assert_eq!(r["current"], r["proposed"], "accepted: {r}");
    }
}

#[test]
fn the_route_screen_plans_skips_and_replans() {
    let data = DataDir::with_demo();
    let mut tui = data.spawn_tui(&["--rep", "R01"], 80, 24);
    tui.wait_for("Иван Петров (R01)");
    tui.send("p");
    tui.wait_for("Planned: 5 stops");
    tui.wait_for("Arrive");
    tui.wait_for("back 1");
    // skip the first stop, then re-plan without it
    tui.send("x");
    tui.wait_for("skipped: p re-plans without it");
    tui.send("p");
    tui.wait_for("Planned: 4 stops");
    tui.wait_for("skipped");
    // the map, and back to the list
    tui.send("m");
    tui.wait_for("Map · Tuesday");
    tui.wait_for("S start");
    tui.send("m");
    tui.wait_for("Today's route");
    // a move by hand keeps the plan on screen
    tui.send("J");
    tui.wait_for("Arrive");
    tui.send("q");
    assert_eq!(tui.wait_exit(), 0);
}

/// A user's keymap.toml in the config directory moves quit to `x` on the
/// route: `?` lists it, `q` no longer quits there, and `x` does.
#[test]
fn a_user_keymap_moves_quit_to_x() {
    let data = DataDir::with_demo();
    let config = tempfile::tempdir().expect("temp dir");
    // the audit key and witnesses the demo was made with, plus the keymap
    common::copy_dir(&common::config_dir(), config.path());
    std::fs::write(
        config.path().join("keymap.toml"),
        "[route]\nquit = [\"x\"]\n",
    )
    .expect("write keymap.toml");
    let dir = config.path().to_str().expect("utf-8 path");
    let mut tui = common::Tui::spawn(data.path(), &[], &[("ROUNDS_CONFIG_DIR", dir)], 100, 30);
    tui.wait_for("Today's route");
    tui.send("?");
    tui.wait_for("Keys");
    assert!(
        tui.screen().contains("       x  quit"),
        "help lists x for quit:\n{}",
        tui.screen()
    );
    tui.send("\x1b");
    tui.wait_gone("Keys");
    tui.send("q");
    tui.wait_stable();
    assert!(tui.in_alternate_screen(), "q no longer quits the route");
    tui.send("x");
    assert_eq!(tui.wait_exit(), 0);
}
