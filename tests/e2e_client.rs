//! The client file and the contact plan by keyboard in a pseudo-terminal:
//! a greeting marked done from today's contacts shows in the store's
//! timeline, and a complaint logged there takes `l 1 5`, its text and Enter.

mod common;
use common::DataDir;

#[test]
fn a_greeting_done_and_a_complaint_logged_show_in_the_timeline() {
    let data = DataDir::with_demo();
    let mut tui = data.spawn_tui(&["--rep", "R01"], 110, 30);
    tui.wait_for("Today's route");
    tui.send("t");
    tui.wait_for("Today's contacts");
    // late problems and stores at risk come first; under them, the first
    // store's owner has a birthday tomorrow: greet her
    tui.wait_for("greet: Ольга Смирнова's birthday");
    let mut moves = 0;
    while !tui.screen().contains("▸ Магазин «Ромашка» · greet") {
        assert!(
            moves < 10,
            "the greeting is never selected:\n{}",
            tui.screen()
        );
        tui.send("j");
        tui.wait_stable();
        moves += 1;
    }
    assert!(moves >= 1, "a store at risk is listed before greetings");
    tui.send("d");
    tui.wait_for("Logged in Магазин «Ромашка»'s client file.");
    tui.wait_gone("greet: Ольга Смирнова's birthday");

    tui.send("\x1b");
    tui.wait_for("Today's route");
    tui.send("/");
    tui.wait_for("Stores (");
    tui.type_text("Ромашка");
    tui.send("\r");
    tui.wait_for("Decision maker");
    tui.send("c");
    tui.wait_for("client file");
    tui.wait_for("contact made · visit · greeting → done");

    tui.send("l");
    tui.wait_for("Log what?");
    tui.send("1");
    tui.wait_for("Why?");
    tui.send("5");
    tui.wait_for("Log an entry");
    tui.type_text("late again");
    tui.send("\r");
    tui.wait_for("complaint · delivery: late again");
    tui.wait_for("Logged.");

    // still there after a restart: it was written, not only drawn
    tui.send("q");
    assert_eq!(tui.wait_exit(), 0);
    let mut tui = data.spawn_tui(&["--rep", "R01"], 110, 30);
    tui.wait_for("Today's route");
    tui.send("t");
    tui.wait_for("Today's contacts");
    assert!(!tui.screen().contains("Ольга Смирнова's birthday"));
    tui.send("\x1b");
    tui.send("/");
    tui.wait_for("Stores (");
    tui.type_text("Ромашка");
    tui.send("\r");
    tui.wait_for("Decision maker");
    tui.send("c");
    tui.wait_for("complaint · delivery: late again");
    tui.send("q");
    assert_eq!(tui.wait_exit(), 0);
}
