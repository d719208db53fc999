//! Each practice mode in a real pseudo-terminal on the bundled deck, started from the command
//! line, with what it recorded checked in the review log.

#[path = "support/log.rs"]
mod log;
#[path = "support/pty.rs"]
mod pty;

use std::path::Path;

use pty::Tui;

/// Every log line written under `home`.
fn log_lines(home: &Path) -> Vec<String> {
    log::lines(&home.join("data/flashdeck/reviews"))
}

#[test]
fn flashcards_sorting_resumes_after_a_restart() {
    let home = tempfile::tempdir().unwrap();
    let mut tui = Tui::start(
        home.path(),
        &["flashcards", "sales-optimization-levers"],
        80,
        24,
    );
    tui.wait_for("card sorting (know it / still learning): off");
    // Sorting on, shuffle off, start.
    tui.send("cs\r");
    tui.wait_for("Key Account Management (KAM)");
    tui.send(" ");
    tui.wait_for("The consolidation of activities");
    tui.send("k");
    tui.wait_for("Sales optimization levers");
    tui.send("j");
    tui.wait_for("1 know · 1 still learning");
    tui.send("q");
    tui.wait_for("flashdeck  1 deck");
    tui.send("q");
    assert!(tui.wait_exit());

    let mut again = Tui::start(
        home.path(),
        &["flashcards", "sales-optimization-levers"],
        80,
        24,
    );
    // Sorting on and shuffle off are remembered for the deck.
    again.wait_for("card sorting (know it / still learning): on");
    again.wait_for("shuffle: off");
    again.send("\r");
    // The known card is skipped; the still-learning one comes first.
    again.wait_for("Sales optimization levers");
    assert!(!again.contents().contains("Key Account Management (KAM)"));
    again.send("\x1b");
    let sorts = log_lines(home.path())
        .iter()
        .filter(|l| l.contains("\"mode\":\"sort\""))
        .count();
    assert_eq!(sorts, 2);
}

#[test]
fn learn_shows_the_answer_on_dont_know() {
    let home = tempfile::tempdir().unwrap();
    let mut tui = Tui::start(home.path(), &["learn", "sales-optimization-levers"], 80, 24);
    tui.wait_for("Enter to start");
    tui.send("\r");
    tui.wait_for("round 1 · 100 unseen");
    tui.send("\t");
    tui.wait_for("The answer:");
    assert!(!tui.contents().contains("Not quite"));
    tui.send("\r");
    tui.wait_for("Tab don't know");
    tui.send("\x1b");
    tui.wait_for("flashdeck  1 deck");
    tui.send("q");
    assert!(tui.wait_exit());
    let lines = log_lines(home.path());
    assert_eq!(lines.len(), 1, "{lines:?}");
    // Again in Learn, timed from the question appearing.
    for part in ["\"rating\":1,", "\"duration_ms\":", "\"mode\":\"learn\""] {
        assert!(lines[0].contains(part), "{part} in {lines:?}");
    }
}

#[test]
fn match_is_played_to_the_end_by_letters() {
    let home = tempfile::tempdir().unwrap();
    let deck = flashdeck::deck::bundled::deck().unwrap();
    let mut tui = Tui::start(home.path(), &["match", "sales-optimization-levers"], 80, 24);
    tui.wait_for("Enter to start");
    tui.send("\r");
    tui.wait_for("┌ l ");
    // Read each tile's full text from the line under the grid as the focus moves, and find
    // its card in the deck.
    let mut card_of = Vec::new();
    // Every tile's text is unique: a text already read is a tile passed on the way.
    let mut seen: Vec<String> = Vec::new();
    for tile in 0..12 {
        if tile > 0 {
            tui.send(if tile % 4 == 0 {
                "\x1b[C\x1b[B"
            } else {
                "\x1b[C"
            });
        }
        // The side whose text fills the focused-tile lines, once it is a tile not read yet.
        let find = |screen: &str| {
            deck.cards.iter().enumerate().find_map(|(i, card)| {
                [&card.front, &card.back].into_iter().find_map(|side| {
                    let flat = side.replace('\n', " ");
                    let shown = screen
                        .lines()
                        .map(str::trim)
                        .filter(|l| !l.is_empty())
                        .collect::<Vec<_>>()
                        .join(" ")
                        // A card of several lines (a numbered list) shows them joined by " / ".
                        .replace(" / ", " ");
                    (shown == flat.trim()).then_some((i, flat))
                })
            })
        };
        let start = std::time::Instant::now();
        loop {
            let screen = tui.contents();
            let full: String = screen
                .lines()
                .skip(19)
                .take(2)
                .collect::<Vec<_>>()
                .join("\n");
            if let Some((card, text)) = find(&full).filter(|(_, text)| !seen.contains(text)) {
                card_of.push(card);
                seen.push(text);
                break;
            }
            assert!(start.elapsed().as_secs() < 10, "tile {tile}: {screen}");
            tui.refresh();
        }
    }
    let letter = |i: usize| char::from(b'a' + u8::try_from(i).unwrap()).to_string();
    for first in 0..12 {
        if let Some(second) = (first + 1..12).find(|&j| card_of[j] == card_of[first]) {
            tui.send(&letter(first));
            tui.send(&letter(second));
        }
    }
    tui.wait_for("Done in ");
    tui.wait_for("new personal best");
    tui.send("\x1b");
    tui.wait_for("flashdeck  1 deck");
    tui.send("q");
    assert!(tui.wait_exit());
    let lines = log_lines(home.path());
    assert!(
        lines
            .iter()
            .any(|l| l.contains("\"kind\":\"result\",\"mode\":\"match\"")),
        "{lines:?}"
    );
}

#[test]
fn a_practice_test_is_taken_and_graded() {
    let home = tempfile::tempdir().unwrap();
    let mut tui = Tui::start(home.path(), &["test", "sales-optimization-levers"], 80, 24);
    tui.wait_for("questions: 20 (at most 100;");
    // Multiple choice only, five questions.
    tui.send("134---");
    tui.wait_for("questions: 5 (at most 100;");
    tui.wait_for("matching (up to 6 pairs): off");
    tui.send("\r");
    tui.wait_for("question 1 of 5");
    for n in 2..=5 {
        tui.send("1\t");
        tui.wait_for(&format!("question {n} of 5"));
    }
    tui.send("1\t");
    tui.wait_for("ready to submit");
    tui.send("\r");
    tui.wait_for("Score: ");
    tui.send("q");
    tui.wait_for("flashdeck  1 deck");
    tui.send("q");
    assert!(tui.wait_exit());
    let lines = log_lines(home.path());
    assert_eq!(
        lines
            .iter()
            .filter(|l| l.contains("\"mode\":\"test\",\"question\":\"choice\""))
            .count(),
        5,
        "{lines:?}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.contains("\"kind\":\"result\",\"mode\":\"test\"")
                && l.contains("\"questions\":5")),
        "{lines:?}"
    );
}

#[test]
fn a_test_left_asks_is_kept_over_a_restart_and_ctrl_c_and_resumes() {
    let home = tempfile::tempdir().unwrap();
    let mut tui = Tui::start(home.path(), &["test", "sales-optimization-levers"], 80, 24);
    tui.wait_for("questions: 20 (at most 100");
    // Multiple choice only.
    tui.send("134");
    tui.wait_for("matching (up to 6 pairs): off");
    tui.send("\r");
    tui.wait_for("question 1 of 20");
    tui.send("1\t");
    tui.wait_for("question 2 of 20");
    tui.send("\x1b");
    tui.wait_for("Leave the test?");
    tui.wait_for("1 of 20 questions answered.");
    tui.send("y");
    tui.wait_for("Your answers are kept");
    tui.send("q");
    assert!(tui.wait_exit());
    let memory = home.path().join("data/flashdeck/practice.json");
    assert!(memory.exists(), "the test is kept in the data dir");
    assert!(log_lines(home.path()).is_empty(), "nothing graded yet");

    // After a restart: offered, and resumed where it was left.
    let mut again = Tui::start(home.path(), &["test", "sales-optimization-levers"], 80, 24);
    again.wait_for("A test is in progress on these decks.");
    again.wait_for("1 of 20 questions answered.");
    again.send("\r");
    again.wait_for("question 2 of 20");
    again.wait_for("Resumed: 1 of 20 questions answered.");
    again.send("2");
    // Ctrl-C quits at once and keeps the second answer too.
    again.send("\x03");
    assert!(again.wait_exit());

    let mut third = Tui::start(home.path(), &["test", "sales-optimization-levers"], 80, 24);
    third.wait_for("2 of 20 questions answered.");
    // Discarded: the options show again, as they were last set.
    third.send("d");
    third.wait_for("The test in progress is discarded.");
    third.wait_for("multiple choice: on");
    assert!(third.contents().contains("written: off"));
    assert!(third.contents().contains("matching (up to 6 pairs): off"));
    third.send("q");
    third.wait_for("flashdeck  1 deck");
    third.send("q");
    assert!(third.wait_exit());
}
