//! End to end: `rounds --user NAME` asks the PIN without echo in the
//! terminal, then opens the TUI as that user; a rep stays on their own route,
//! a supervisor starts on the team dashboard.

mod common;
use common::DataDir;

#[test]
fn a_rep_logs_in_on_the_terminal_and_sees_only_their_route() {
    let data = DataDir::with_demo();
    let mut tui = data.spawn_tui(&["--user", "ivan"], 100, 30);
    tui.wait_for("PIN for ivan:");
    tui.type_text("1111");
    tui.wait_stable();
    assert!(!tui.screen().contains("1111"), "the PIN is not echoed");
    tui.send("\r");
    tui.wait_for("Иван Петров (R01)");
    // r would switch to the next rep's route; a rep has only their own
    tui.send("r");
    tui.wait_for("Иван Петров (R01)");
    tui.send("w");
    tui.wait_for("Review ·");
    assert!(!tui.screen().contains(" R02 "), "{}", tui.screen());
    tui.send("q");
    assert_eq!(tui.wait_exit(), 0);
}

#[test]
fn a_supervisor_lands_on_the_team_dashboard_and_esc_goes_to_the_route() {
    let data = DataDir::with_demo();
    let mut tui = data.spawn_tui(&["--user", "olga"], 100, 30);
    tui.wait_for("PIN for olga:");
    tui.type_text("9999\r");
    tui.wait_for("Team dashboard");
    tui.wait_for("Stores as of");
    tui.send("\x1b");
    tui.wait_for("Today's route");
    tui.send("q");
    assert_eq!(tui.wait_exit(), 0);
}

#[test]
fn a_wrong_pin_on_the_terminal_is_refused() {
    let data = DataDir::with_demo();
    let mut tui = data.spawn_tui(&["--user", "olga"], 100, 30);
    tui.wait_for("PIN for olga:");
    tui.type_text("0000\r");
    tui.wait_for("Wrong user or PIN.");
    assert_eq!(tui.wait_exit(), 1);
}
