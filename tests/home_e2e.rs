//! The home and review screens in a real pseudo-terminal (issue 16 §12 and §13): Esc closes
//! what is open and never leaves the app, and `*` in review shows its star at once.

#[path = "support/pty.rs"]
mod pty;

use std::time::Duration;

use pty::Tui;

/// Sends a lone Esc, then lets the terminal's escape timeout pass, so that the next key is
/// not read as Alt with it.
fn esc(tui: &mut Tui) {
    tui.send("\x1b");
    std::thread::sleep(Duration::from_millis(150));
    tui.refresh();
}

#[test]
fn esc_on_home_never_quits_and_a_star_shows_at_once() {
    let home = tempfile::tempdir().unwrap();
    let mut tui = Tui::start(home.path(), &[], 80, 24);
    tui.wait_for("0 due today · 20 new");
    // Esc on the bare list: still here, as help opening proves.
    esc(&mut tui);
    tui.send("?");
    tui.wait_for("close help");
    esc(&mut tui);
    // A filter kept with Enter, then Esc: the filter goes, the app stays.
    tui.send("/zz\r");
    tui.wait_for("No deck matches \"zz\".");
    esc(&mut tui);
    tui.wait_for("Sales Optimization Levers");
    esc(&mut tui);
    tui.send("m");
    tui.wait_for("Study mode");
    esc(&mut tui);
    esc(&mut tui);

    // Review: the footer offers the star, and the card shows it as soon as it is pressed.
    tui.send("\r");
    tui.wait_for("Key Account Management (KAM)");
    tui.wait_for("* star");
    assert!(!tui.contents().contains('★'));
    tui.send("*");
    tui.wait_for("★ Key Account Management (KAM)");
    tui.wait_for("★ Starred; C crams them when done.");
    tui.send("q");
    tui.wait_for("0 due today · 20 new");
    tui.send("q");
    assert!(tui.wait_exit());

    // The star was written: cramming the starred cards finds that card.
    let mut again = Tui::start(home.path(), &["review", "--cram", "--starred"], 80, 24);
    again.wait_for("cram starred");
    again.wait_for("★ Key Account Management (KAM)");
    again.send("q");
    again.wait_for("0 due today · 20 new");
    again.send("q");
    assert!(again.wait_exit());
}
