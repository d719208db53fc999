//! The card browser in a real pseudo-terminal: a card suspended while reviewing is found
//! again after a restart with `is:suspended`, unsuspended there, and reviewed.

#[path = "support/pty.rs"]
mod pty;

use pty::{Tui, command};

const FIRST: &str = "Key Account Management (KAM)";

#[test]
fn a_suspended_card_is_found_after_a_restart_unsuspended_and_reviewed() {
    let home = tempfile::tempdir().unwrap();
    let mut tui = Tui::start(home.path(), &[], 100, 30);
    tui.wait_for("0 due today · 20 new");
    tui.send("\r");
    tui.wait_for(FIRST);
    tui.send("s");
    tui.wait_for("Sales optimization levers");
    tui.send("q");
    // Another new card takes the suspended one's place in today's twenty.
    tui.wait_for("1 card suspended");
    tui.wait_for("0 due today · 20 new");
    tui.send("q");
    assert!(tui.wait_exit());

    let mut again = Tui::start(home.path(), &[], 100, 30);
    // Home says a card is set aside, and which key lists it.
    again.wait_for("1 card suspended: V lists them to unsuspend or forget.");
    again.send("v");
    again.wait_for("Search: deck:sales-optimization-levers");
    again.send("/");
    for c in " is:suspended".chars() {
        again.send(&c.to_string());
    }
    again.send("\r");
    again.wait_for("1 of 100 cards");
    again.wait_for(FIRST);
    again.wait_for("suspended");
    again.send("s");
    again.wait_for("Unsuspended 1 card.");
    // The row stays, showing the card new again, until the search changes (as in Anki).
    again.wait_for("1 of 100 cards");
    again.send("q");
    again.wait_for("0 due today · 20 new");
    again.send("\r");
    again.wait_for(FIRST);
    again.send(" ");
    again.wait_for("3 Good");
    again.send("3");
    again.wait_for("Sales optimization levers");
    again.send("q");
    again.wait_for("due today");
    again.send("q");
    assert!(again.wait_exit());

    let suspended = command(home.path())
        .args(["cards", "is:suspended"])
        .output()
        .unwrap();
    assert!(suspended.status.success());
    assert_eq!(String::from_utf8_lossy(&suspended.stdout), "");
    let answered = command(home.path())
        .args(["cards", "prop:reps=1"])
        .output()
        .unwrap();
    let answered = String::from_utf8_lossy(&answered.stdout);
    assert!(
        answered.starts_with("sales-optimization-levers/kam\t"),
        "{answered}"
    );
    assert_eq!(answered.lines().count(), 1, "{answered}");
}
