//! The shared case `sigterm`: SIGTERM, SIGHUP (a closed terminal window) and SIGINT leave the
//! terminal as `q` does, on any screen, with every answer given before them whole in the log.

#[path = "support/log.rs"]
mod log;
#[path = "support/pty.rs"]
mod pty;

use pty::Tui;

/// Starts flashdeck at 80×24, opens a screen with `open` (keys, then a text to wait for),
/// sends `signal` and checks the terminal is restored and the code is 128 + the signal's.
fn ends_cleanly_on(signal: &str, number: u32, open: &[(&str, &str)]) -> tempfile::TempDir {
    let home = tempfile::tempdir().unwrap();
    let mut tui = Tui::start(home.path(), &[], 80, 24);
    tui.wait_for("0 due today · 20 new");
    for (keys, shown) in open {
        tui.send(keys);
        tui.wait_for(shown);
    }
    assert!(tui.screen().alternate_screen(), "the TUI is up");
    tui.signal(signal);
    assert_eq!(tui.wait_exit_code(), 128 + number, "{}", tui.contents());
    assert_restored(&tui, &format!("SIG{signal}"));
    home
}

/// The main screen is back and the cursor visible again, after `what`.
fn assert_restored(tui: &Tui, what: &str) {
    let screen = tui.screen();
    assert!(
        !screen.alternate_screen(),
        "{what}: the main screen is back"
    );
    assert!(!screen.hide_cursor(), "{what}: the cursor is visible again");
}

#[test]
fn sigterm_on_the_home_screen_restores_the_terminal() {
    ends_cleanly_on("TERM", 15, &[]);
}

#[test]
fn sighup_in_a_review_keeps_the_answer_already_given() {
    let home = ends_cleanly_on(
        "HUP",
        1,
        &[
            ("\r", "Space show answer"),
            (" ", "3 Good"),
            ("3", "19 new"),
        ],
    );
    let lines = log::lines(&home.path().join("data/flashdeck/reviews"));
    assert_eq!(lines.len(), 1, "{lines:?}");
    let event: serde_json::Value = serde_json::from_str(&lines[0]).expect("a whole line");
    assert_eq!(event["rating"], 3, "{event}");
}

#[test]
fn sigint_from_outside_in_the_help_overlay_restores_the_terminal() {
    ends_cleanly_on("INT", 2, &[("?", "Keys")]);
}

/// A closed window in the middle of a practice test keeps the test, as Ctrl-C does: the next
/// start offers to resume it.
#[test]
fn sighup_in_a_practice_test_keeps_it_to_resume() {
    let home = tempfile::tempdir().unwrap();
    let deck = ["test", "sales-optimization-levers"];
    let mut tui = Tui::start(home.path(), &deck, 80, 24);
    tui.wait_for("questions: 20 (at most 100");
    // Multiple choice only, then answer the first question.
    tui.send("134");
    tui.wait_for("matching (up to 6 pairs): off");
    tui.send("\r");
    tui.wait_for("question 1 of 20");
    tui.send("1\t");
    tui.wait_for("question 2 of 20");
    tui.signal("HUP");
    assert_eq!(tui.wait_exit_code(), 129, "{}", tui.contents());
    let mut again = Tui::start(home.path(), &deck, 80, 24);
    again.wait_for("A test is in progress on these decks.");
    again.wait_for("1 of 20 questions answered.");
}

/// While the history is read after the home screen's first frame (held there for the test),
/// a signal leaves at once rather than after the reading, with the terminal restored; a second
/// signal, of any kind, does not cut that short (testers found HUP then TERM, and sometimes
/// TERM then TERM or INT then INT, left the terminal in raw mode).
#[test]
fn a_signal_while_the_history_is_read_leaves_at_once_with_the_terminal_restored() {
    // The code is the last signal's.
    let pairs = [
        (&["TERM"][..], 143),
        (&["HUP", "TERM"][..], 143),
        (&["TERM", "TERM"][..], 143),
        (&["INT", "INT"][..], 130),
    ];
    for (signals, code) in pairs {
        let home = tempfile::tempdir().unwrap();
        let mut tui = Tui::start(home.path(), &["--after-first-frame", "hold"], 80, 24);
        tui.wait_for("counting what is due…");
        let row = tui.contents();
        assert!(row.contains("… "), "the counts to come: {row}");
        for signal in signals {
            tui.signal(signal);
        }
        // Held, the counting never ends: only the signal can end it.
        assert_eq!(tui.wait_exit_code(), code, "{}", tui.contents());
        assert_restored(&tui, &format!("{signals:?}"));
    }
}
