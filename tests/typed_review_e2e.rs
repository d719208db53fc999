//! Typed answers in review on the real binary, in a pseudo-terminal: review keys type into
//! the field, Enter shows the verdict and Anki's comparison with the suggested grade
//! highlighted, the grade chosen (not the suggestion) is written, and it is there after a
//! restart.

#[path = "support/log.rs"]
mod log;
#[path = "support/pty.rs"]
mod pty;

use pty::{Tui, exported};
use tempfile::TempDir;

/// Where `text` is on the screen: its row and first column.
fn find(tui: &Tui, text: &str) -> (u16, u16) {
    let (rows, cols) = tui.screen().size();
    let (rows, cols) = (rows.get(), cols.get());
    for row in 0..rows {
        let line = tui.screen().contents_between(row, 0, row, cols);
        if let Some(at) = line.find(text) {
            return (row, u16::try_from(line[..at].chars().count()).unwrap());
        }
    }
    panic!("{text:?} is not on the screen:\n{}", tui.contents());
}

#[test]
fn a_typed_answer_is_compared_graded_by_the_user_and_kept() {
    let home = TempDir::new().unwrap();
    let decks = home.path().join("decks");
    std::fs::create_dir_all(&decks).unwrap();
    std::fs::copy(
        "tests/fixtures/typed/spanish.toml",
        decks.join("spanish.toml"),
    )
    .unwrap();

    let mut tui = Tui::start(home.path(), &["review", "spanish"], 80, 24);
    tui.wait_for("coffee");
    tui.wait_for("Esc leave the field");
    // The hint is hidden until asked for.
    assert!(!tui.contents().contains("starts with el"));
    // Review keys type: a grade, Space, undo, bury, suspend, quit.
    tui.send("1 ubsq");
    tui.wait_for("› 1 ubsq");
    // Ctrl-U empties the field; then the answer, an accent forgotten.
    tui.send("\x15");
    tui.send("el cafe");
    tui.wait_for("› el cafe");
    tui.send("\t");
    tui.wait_for("Hint: starts with el");
    tui.send("\r");
    tui.wait_for("≈ Right but for the accents · Hard suggested");
    let (typed_row, x) = find(&tui, "el cafe");
    assert_eq!(find(&tui, "↓"), (typed_row + 1, x));
    // The answer line: `el café` under the typed one, its `é` underlined as missed.
    let answer = tui
        .screen()
        .contents_between(typed_row + 2, x, typed_row + 2, x + 7);
    assert_eq!(answer, "el café");
    let cell = |row, col| tui.screen().cell(row, col).unwrap().clone();
    assert!(
        cell(typed_row, x + 6).inverse(),
        "the wrong `e` is reversed"
    );
    assert!(
        cell(typed_row + 2, x + 6).underline(),
        "the missed `é` is underlined"
    );
    // Hard is the suggestion, highlighted; the user answers Good.
    let (row, hard) = find(&tui, "2 Hard");
    assert!(cell(row, hard + 2).inverse());
    let (_, good) = find(&tui, "3 Good");
    assert!(!cell(row, good + 2).inverse());
    tui.send("3");
    tui.wait_for("cat");
    tui.wait_for("3 new  1 learning  0 review");
    tui.send("q");
    tui.wait_for("due today");
    tui.send("q");
    assert!(tui.wait_exit());

    // One answer in the log: Good (3) for the typed card, not the suggested Hard.
    let lines = log::lines(&home.path().join("data/flashdeck/reviews"));
    assert_eq!(lines.len(), 1, "{lines:?}");
    let event: serde_json::Value = serde_json::from_str(&lines[0]).unwrap();
    assert_eq!(event["card"], "spanish/cafe");
    assert_eq!(event["rating"], 3);

    // After a restart the card is in learning with its one answer; the next still new.
    let mut again = Tui::start(home.path(), &[], 80, 24);
    again.wait_for("1 due today · 3 new");
    again.send("q");
    assert!(again.wait_exit());
    let cards = exported(home.path());
    let state = |id: &str| {
        let card = cards
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == id)
            .unwrap();
        (
            card["state"].as_str().unwrap().to_owned(),
            card["reps"].as_u64().unwrap(),
        )
    };
    assert_eq!(state("spanish/cafe"), ("learning".to_owned(), 1));
    assert_eq!(state("spanish/gato"), ("new".to_owned(), 0));
}
