//! `n` on the done screen (10 more new cards) in the real binary: it is written to the log, so
//! a new process the same day (the TUI started again, `flashdeck due`) still allows them.

#[path = "support/pty.rs"]
mod pty;

use std::fmt::Write as _;
use std::path::Path;

use pty::{Tui, command};
use tempfile::TempDir;

/// A home with `decks/words.toml`: 15 new cards, 1 new card a day.
fn words_home() -> TempDir {
    let home = TempDir::new().unwrap();
    let decks = home.path().join("decks");
    std::fs::create_dir_all(&decks).unwrap();
    let mut text = String::from("[deck]\nname = \"Words\"\nnew_per_day = 1\n");
    for i in 0..15 {
        let _ = write!(
            text,
            "\n[[cards]]\nid = \"w{i}\"\nfront = \"word {i}\"\nback = \"meaning {i}\"\n"
        );
    }
    std::fs::write(decks.join("words.toml"), text).unwrap();
    home
}

/// The new cards `flashdeck due --json` counts for the deck.
fn new_due(home: &Path) -> u64 {
    let output = command(home).args(["due", "--json"]).output().unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let due: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    due[0]["new"].as_u64().unwrap()
}

#[test]
fn more_new_cards_outlive_a_restart() {
    let home = words_home();
    assert_eq!(new_due(home.path()), 1);
    let mut tui = Tui::start(home.path(), &["review", "words"], 100, 30);
    tui.wait_for("word 0");
    tui.answer('4');
    tui.wait_for("10 more new");
    tui.send("n");
    tui.wait_for("word 1");
    tui.answer('4');
    tui.wait_for("word 2");
    tui.send("q");
    tui.wait_for("due today");
    tui.send("q");
    assert!(tui.wait_exit());

    // 1 + 10 allowed, 2 studied.
    assert_eq!(new_due(home.path()), 9);
    let mut again = Tui::start(home.path(), &["review", "words"], 100, 30);
    again.wait_for("9 new  0 learning  0 review");
    again.send("q");
    again.wait_for("due today");
    again.send("q");
    assert!(again.wait_exit());
    assert_eq!(new_due(home.path()), 9, "from the snapshot the TUI saved");

    let log = std::fs::read_dir(home.path().join("data/flashdeck/reviews"))
        .unwrap()
        .map(|entry| std::fs::read_to_string(entry.unwrap().path()).unwrap())
        .collect::<String>();
    let extension = log
        .lines()
        .find(|line| line.contains(r#""kind":"extend_limits""#))
        .unwrap_or_else(|| panic!("no extend_limits line in {log}"));
    assert!(
        extension.contains(r#""deck":"words""#) && extension.contains(r#""new":10"#),
        "{extension}"
    );
}
