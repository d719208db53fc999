//! The TUI in a real pseudo-terminal: start, read the screen, type keys, quit.

#[path = "support/pty.rs"]
mod pty;

use std::path::Path;

use pty::Tui;

#[test]
fn home_screen_lists_the_bundled_deck_and_q_quits_restoring_the_terminal() {
    let home = tempfile::tempdir().unwrap();
    let mut tui = Tui::start(home.path(), &[], 80, 24);
    // Frames arrive in chunks, so every check of the screen waits for its text.
    tui.wait_for("flashdeck  1 deck · 100 cards");
    tui.wait_for("Sales & Pricing");
    assert!(
        tui.screen().alternate_screen(),
        "the TUI draws on the alternate screen"
    );
    tui.send("q");
    assert!(tui.wait_exit(), "flashdeck exits 0 on q");
    assert!(
        !tui.screen().alternate_screen(),
        "the main screen is back after quitting"
    );
    assert!(!tui.screen().hide_cursor(), "the cursor is visible again");
}

#[test]
fn arrow_keys_move_between_decks_and_show_problems() {
    let home = tempfile::tempdir().unwrap();
    let decks = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/decks");
    let mut tui = Tui::start(home.path(), &["--decks", decks.to_str().unwrap()], 100, 30);
    // The list is a tree sorted by path: it opens on the `invalid/` folder's row, whose files
    // with problems follow it, inside it.
    tui.wait_for("Spanish basics");
    // Down arrow, then `j`: the first two broken files' problems; `G`: the last row, the deck.
    tui.send("\x1b[B");
    tui.wait_for("invalid/bad-exam.toml:3:8: `exam` must be a date");
    tui.send("j");
    tui.wait_for("invalid/bad-id.toml:5:6: `id` may only hold letters");
    tui.send("G");
    tui.wait_for("Everyday words.");
    tui.send("k");
    tui.wait_for("Enter reviews every deck in this folder");
    // Esc never leaves the app (it closes what is open); `q` does.
    tui.send("\x1b");
    tui.wait_for("Enter reviews every deck in this folder");
    // Past the escape timeout, so that `q` is not read as Alt-q.
    std::thread::sleep(std::time::Duration::from_millis(150));
    tui.send("q");
    assert!(tui.wait_exit(), "q quits");
}

#[test]
fn streak_and_xp_show_on_the_top_line_when_turned_on() {
    let home = tempfile::tempdir().unwrap();
    let config = home.path().join("config/flashdeck");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(config.join("config.toml"), "streak = true\nxp = true\n").unwrap();
    let mut tui = Tui::start(home.path(), &[], 80, 24);
    tui.wait_for("streak 0 · level 1 · 0 XP (100 to level 2)");
    // One answer: 10 XP, and today counts (nothing was left due).
    tui.send("\r");
    tui.answer('4');
    tui.wait_for("19 new");
    tui.send("q");
    tui.wait_for("streak 1 ✓ · level 1 · 10 XP (90 to level 2)");
    tui.send("q");
    assert!(tui.wait_exit());
}
