//! End to end: the office kiosk in a pseudo-terminal. It holds against the
//! keys that leave other programs, refuses a wrong PIN, logs a rep in, locks
//! when idle, and only a supervisor's PIN ends it.

mod common;
use common::{DataDir, Tui};

fn kiosk(data: &DataDir, idle_secs: &str) -> Tui {
    Tui::spawn(
        data.path(),
        &["kiosk"],
        &[("ROUNDS_KIOSK_IDLE_SECS", idle_secs)],
        100,
        30,
    )
}

#[test]
fn kiosk_holds_logs_in_locks_when_idle_and_ends_with_a_supervisor_pin() {
    let data = DataDir::with_demo();
    let mut tui = kiosk(&data, "2");
    tui.wait_for("Locked: user and PIN");

    // the keys that end other programs do nothing here
    for key in ["q", "\x1b", "\x03", "\x1a", "\x1c", "\x04"] {
        tui.send(key);
    }
    tui.wait_stable();
    assert!(tui.in_alternate_screen(), "still full screen");
    tui.wait_for("Locked: user and PIN");
    tui.send("\x1b"); // clears the 'q' typed into the user field

    // a wrong PIN is refused
    tui.type_text("ivan");
    tui.send("\t");
    tui.type_text("1112");
    tui.send("\r");
    tui.wait_for("Wrong user or PIN.");

    // the right one logs in: a rep sees their own figures only
    tui.type_text("1111");
    tui.send("\r");
    tui.wait_for("rounds · ivan");
    tui.wait_for("R01 Иван Петров");
    assert!(!tui.screen().contains("R02"), "{}", tui.screen());

    // logged in, q, Esc and Ctrl-C still do not leave
    for key in ["q", "\x1b", "\x03", "\x1a", "\x1c"] {
        tui.send(key);
    }
    tui.wait_stable();
    tui.wait_for("rounds · ivan");
    // their own visits, read-only
    tui.send("w");
    tui.wait_for("Review ·");
    assert!(!tui.screen().contains(" R02 "), "{}", tui.screen());
    tui.send("\x1b");
    tui.wait_for("Visits per day");

    // idle for two seconds: locked again
    tui.wait_for("Locked: user and PIN");
    tui.wait_gone("rounds · ivan");

    // a rep's PIN does not end the kiosk
    tui.send("\x1b[21~"); // F10
    tui.wait_for("End the kiosk");
    tui.type_text("ivan");
    tui.send("\t");
    tui.type_text("1111");
    tui.send("\r");
    tui.wait_for("Only a supervisor can end the kiosk.");
    // a supervisor's does
    tui.type_text("olga");
    tui.send("\t");
    tui.type_text("9999");
    tui.send("\r");
    assert_eq!(tui.wait_exit(), 0);
    assert!(!tui.in_alternate_screen(), "terminal restored");

    // all of it is in the audit trail, and the chain holds
    let check = data.ok(&["check"]);
    assert!(check.contains("intact"), "{check}");
}

#[test]
fn kiosk_logout_key_locks_and_supervisor_sees_the_team() {
    let data = DataDir::with_demo();
    let mut tui = kiosk(&data, "120");
    tui.wait_for("Locked: user and PIN");
    tui.type_text("olga");
    tui.send("\r");
    tui.type_text("9999");
    tui.send("\r");
    tui.wait_for("Team dashboard");
    tui.wait_for("R02 Мария Георгиева");
    tui.wait_for("Team");
    tui.send("\x1b[24~"); // F12
    tui.wait_for("Locked: user and PIN");
    tui.signal("TERM");
    tui.wait_exit();
}

#[test]
fn kiosk_imports_bundles_dropped_into_its_inbox() {
    let office = DataDir::with_demo();
    let laptop = DataDir::with_demo();
    let inbox = office.path().join("inbox");
    std::fs::create_dir_all(&inbox).unwrap();
    let mut tui = Tui::spawn(
        office.path(),
        &["kiosk", "--inbox", inbox.to_str().unwrap()],
        &[("ROUNDS_KIOSK_IDLE_SECS", "120")],
        120,
        30,
    );
    tui.wait_for("Locked: user and PIN");

    // dropped while the kiosk runs: a damaged bundle, then a good one
    std::fs::write(inbox.join("junk.bundle"), b"not a bundle").unwrap();
    tui.wait_for("junk.bundle: failed");
    let store = laptop.path().join("store.csv");
    std::fs::write(&store, "code,name\nS999,Inbox store\n").unwrap();
    laptop.ok(&["import", "stores", store.to_str().unwrap()]);
    let bundle = inbox.join("laptop.bundle");
    laptop.ok(&["sync", "export", "--all", "-o", bundle.to_str().unwrap()]);
    tui.wait_for("laptop.bundle: imported");
    assert!(inbox.join("done/laptop.bundle").exists());
    assert!(inbox.join("failed/junk.bundle").exists());
    assert!(inbox.join("failed/junk.bundle.reason.txt").exists());
    assert!(!bundle.exists());

    tui.signal("TERM");
    tui.wait_exit();
    // the laptop's records arrived
    assert!(
        office
            .ok(&["export", "stores"])
            .contains("S999,Inbox store")
    );
}

/// SIGINT and SIGQUIT from outside neither end the kiosk nor leave the
/// terminal half-restored; SIGTERM ends it with the terminal restored.
#[cfg(unix)]
#[test]
fn kiosk_holds_against_sigint_and_sigquit_and_restores_on_sigterm() {
    let data = DataDir::with_demo();
    let mut tui = kiosk(&data, "120");
    tui.wait_for("Locked: user and PIN");
    for signal in ["INT", "QUIT"] {
        tui.signal(signal);
    }
    tui.wait_stable();
    assert!(tui.in_alternate_screen(), "still full screen");
    tui.type_text("olga");
    tui.wait_for("olga");
    tui.signal("TERM");
    tui.wait_exit();
    tui.wait_stable();
    assert!(!tui.in_alternate_screen(), "left the alternate screen");
    assert!(!tui.cursor_hidden(), "cursor shown again");
    assert_eq!(
        tui.echo_and_icanon(),
        (true, true),
        "terminal modes restored"
    );
}
