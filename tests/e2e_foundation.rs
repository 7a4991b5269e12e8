//! End to end: the real binary in a pseudo-terminal on the demo data.

mod common;
use common::{DataDir, Tui};

#[test]
fn route_search_in_cyrillic_card_and_quit() {
    let data = DataDir::with_demo();
    let mut tui = data.spawn_tui(&["--rep", "R01"], 100, 30);
    tui.wait_for("Today's route");
    tui.wait_for("Иван Петров (R01)");
    tui.wait_for("overdue");
    // search a store typed in Cyrillic, in upper case
    tui.send("/");
    tui.wait_for("Stores (");
    tui.type_text("БЕРЁЗ");
    tui.wait_for("Минимаркет «Берёзка»");
    tui.wait_gone("Магазин «Ромашка»");
    tui.send("\r");
    tui.wait_for("Decision maker: Анна Волкова");
    tui.wait_for("Must-stock lines:");
    tui.send("\x1b");
    tui.wait_for("Stores (");
    tui.send("q");
    assert_eq!(tui.wait_exit(), 0);
}

#[test]
fn russian_interface() {
    let data = DataDir::with_demo();
    let mut tui = Tui::spawn(data.path(), &["--lang", "ru", "--rep", "R02"], &[], 100, 30);
    tui.wait_for("Маршрут на сегодня · вторник 24.11.2026");
    tui.wait_for("Мария Георгиева (R02)");
    tui.send("s");
    tui.wait_for("Магазины (32)");
    tui.send("q");
    assert_eq!(tui.wait_exit(), 0);
}

#[test]
fn first_start_offers_the_demo() {
    let data = DataDir::new();
    let mut tui = data.spawn_tui(&[], 80, 24);
    tui.wait_for("Load the demo dataset");
    tui.send("y");
    tui.wait_for("Demo loaded: 32 stores.");
    tui.wait_for("Иван Петров (R01)");
    tui.send("q");
    assert_eq!(tui.wait_exit(), 0);
    assert!(
        data.ok(&["stats", "--format", "json"])
            .contains("\"stores\":32")
    );
}

#[test]
fn tiny_terminal_and_resize_do_not_panic() {
    let data = DataDir::with_demo();
    let mut tui = data.spawn_tui(&[], 20, 5);
    tui.wait_drawn();
    tui.send("?");
    tui.send("\x1b");
    tui.send("s");
    tui.send("/");
    tui.type_text("xyz");
    tui.send("\x1b");
    tui.send("\x1b");
    tui.resize(1, 1);
    tui.send("j");
    tui.resize(80, 24);
    tui.wait_for("Stores (32)");
    tui.resize(3, 2);
    tui.send("\x1b");
    tui.resize(100, 30);
    tui.wait_for("Today's route");
    tui.send("q");
    assert_eq!(tui.wait_exit(), 0);
}

#[test]
fn second_process_gets_a_clear_locked_message() {
    let data = DataDir::with_demo();
    let mut tui = data.spawn_tui(&[], 80, 24);
    tui.wait_for("Today's route");
    let out = data.run(&["stats"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("database is in use by another rounds process"),
        "{err}"
    );
    tui.send("q");
    assert_eq!(tui.wait_exit(), 0);
}

#[test]
fn a_deleted_lock_file_still_says_in_use() {
    let data = DataDir::with_demo();
    let mut tui = data.spawn_tui(&[], 80, 24);
    tui.wait_for("Today's route");
    std::fs::remove_file(data.path().join("rounds.lock")).expect("remove the lock file");
    let out = data.run(&["stats"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("database is in use by another rounds process"),
        "{err}"
    );
    tui.send("q");
    assert_eq!(tui.wait_exit(), 0);
}

#[test]
fn terminal_is_restored_on_quit_and_on_sigterm() {
    let data = DataDir::with_demo();
    let mut tui = data.spawn_tui(&[], 80, 24);
    tui.wait_for("Today's route");
    assert!(tui.in_alternate_screen());
    tui.send("q");
    assert_eq!(tui.wait_exit(), 0);
    tui.wait_stable();
    assert!(
        !tui.in_alternate_screen(),
        "left the alternate screen on quit"
    );

    let mut tui = data.spawn_tui(&[], 80, 24);
    tui.wait_for("Today's route");
    tui.signal("TERM");
    assert_eq!(tui.wait_exit(), 0);
    tui.wait_stable();
    assert!(
        !tui.in_alternate_screen(),
        "left the alternate screen on SIGTERM"
    );
}

#[cfg(unix)]
#[test]
fn terminal_is_restored_on_sigint_and_sigquit() {
    let data = DataDir::with_demo();
    for signal in ["INT", "QUIT"] {
        let mut tui = data.spawn_tui(&[], 80, 24);
        tui.wait_for("Today's route");
        assert!(tui.in_alternate_screen());
        assert!(tui.cursor_hidden());
        assert_eq!(tui.echo_and_icanon(), (false, false), "raw mode is on");
        tui.signal(signal);
        assert_eq!(tui.wait_exit(), 0, "SIG{signal} ends the TUI cleanly");
        tui.wait_stable();
        assert!(
            !tui.in_alternate_screen(),
            "left the alternate screen on SIG{signal}"
        );
        assert!(!tui.cursor_hidden(), "cursor shown again on SIG{signal}");
        assert_eq!(
            tui.echo_and_icanon(),
            (true, true),
            "echo and canonical input back on SIG{signal}"
        );
    }
}
