//! Faults against the real binary in a pseudo-terminal: a panic inside the TUI, and a
//! `kill -9` in the middle of a review session.

#[path = "support/log.rs"]
mod log;
#[path = "support/pty.rs"]
mod pty;

use std::path::Path;
use std::time::Duration;

use pty::Tui;
use rand::{RngExt, SeedableRng};

/// Every line of every review log under `home`.
fn log_lines(home: &Path) -> Vec<String> {
    log::lines(&home.join("data/flashdeck/reviews"))
}

#[test]
fn a_panic_restores_the_terminal_and_prints_the_message() {
    let home = tempfile::tempdir().unwrap();
    let mut tui = Tui::start(home.path(), &["--after-first-frame", "panic"], 80, 24);
    assert!(!tui.wait_exit(), "a panic exits with failure");
    let screen = tui.screen();
    assert!(!screen.alternate_screen(), "the main screen is back");
    assert!(!screen.hide_cursor(), "the cursor is visible again");
    let contents = tui.contents();
    assert!(
        contents.contains("forced by --after-first-frame panic"),
        "{contents}"
    );
    // Raw mode is off: the panic message's lines start at the left edge, not staggered.
    let line = contents
        .lines()
        .find(|l| l.contains("forced by"))
        .unwrap_or_default();
    assert!(!line.starts_with(' '), "{contents}");
}

/// Answers `answered` cards, each confirmed on screen, then one more without waiting, and
/// kills the process a random moment later. Every confirmed answer is in the log, the
/// unconfirmed one may or may not be, and the log still replays.
#[test]
fn kill_9_mid_session_loses_no_confirmed_answer() {
    let mut rng = rand::rngs::StdRng::seed_from_u64(0x5eed);
    for round in 0..3 {
        let home = tempfile::tempdir().unwrap();
        let mut tui = Tui::start(home.path(), &[], 80, 24);
        tui.wait_for("0 due today · 20 new");
        tui.send("\r");
        let answered: usize = rng.random_range(1..6);
        for i in 0..answered {
            tui.answer('4');
            // Easy graduates a new card: the new count drops once the answer is saved.
            tui.wait_for(&format!("{} new", 19 - i));
        }
        tui.wait_for("Space show answer");
        tui.send(" 4");
        std::thread::sleep(Duration::from_millis(rng.random_range(0..30)));
        tui.kill_9();

        let lines = log_lines(home.path());
        assert!(
            lines.len() == answered || lines.len() == answered + 1,
            "round {round}: {answered} confirmed answers, log has {} lines",
            lines.len()
        );
        // Whatever the kill cut, `check` reads the log and reports at most a torn last line.
        let output = pty::command(home.path()).arg("check").output().unwrap();
        assert!(
            output.status.success(),
            "round {round}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
}

/// A deck file edited while the app runs: the deck list shows the change on the way back from
/// another screen, and `R` reloads at once.
#[test]
fn a_deck_edited_on_disk_is_picked_up() {
    let home = tempfile::tempdir().unwrap();
    let decks = home.path().join("decks");
    std::fs::create_dir_all(&decks).unwrap();
    let card = |n: usize| format!("\n[[cards]]\nfront = \"q{n}\"\nback = \"a{n}\"\n");
    let deck = decks.join("mine.toml");
    std::fs::write(&deck, format!("[deck]\nname = \"Mine\"\n{}", card(1))).unwrap();
    let mut tui = Tui::start(home.path(), &[], 80, 24);
    tui.wait_for("1 deck · 1 card ");
    tui.send("s");
    tui.wait_for("Statistics");
    let mut text = std::fs::read_to_string(&deck).unwrap();
    text.push_str(&card(2));
    std::fs::write(&deck, &text).unwrap();
    tui.send("q");
    tui.wait_for("1 deck · 2 cards");
    // Edited again, with nothing else pressed: R reloads.
    text.push_str(&card(3));
    std::fs::write(&deck, &text).unwrap();
    tui.send("R");
    tui.wait_for("1 deck · 3 cards");
    // A mistake in the file shows as a broken deck, not a crash.
    std::fs::write(&deck, "[deck]\nname = \"Mine\"\n[[cards]]\nfront = \"q\"\n").unwrap();
    tui.send("R");
    tui.wait_for("⚠ 1 problem · mine");
    tui.send("q");
    assert!(tui.wait_exit());
}

/// Two windows on the same deck and the same log: each answers, and every answer of both is
/// on disk and replayed.
#[test]
fn two_instances_reviewing_one_deck_lose_nothing() {
    let home = tempfile::tempdir().unwrap();
    let mut first = Tui::start(home.path(), &["review"], 80, 24);
    let mut second = Tui::start(home.path(), &["review"], 80, 24);
    for tui in [&mut first, &mut second] {
        tui.wait_for("Space show answer");
    }
    // Interleaved: one answer in each window, three times.
    for round in 0..3 {
        for tui in [&mut first, &mut second] {
            tui.answer('4');
            tui.wait_for(&format!("{} new", 19 - round));
        }
    }
    for tui in [&mut first, &mut second] {
        tui.send("q");
        tui.wait_for("due today");
        tui.send("q");
        assert!(tui.wait_exit());
    }
    assert_eq!(log_lines(home.path()).len(), 6);
    // A new start replays both windows' answers. (Each window kept its own queue, so both
    // may have answered the same cards: nothing is lost, some cards were answered twice.)
    let output = pty::command(home.path())
        .args(["stats", "--json"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["total_answers"], 6, "{json}");
}

/// A settings file with a syntax error: every command says where, goes on with what it can
/// read (the defaults for the rest), and never rewrites the file; the TUI says so too.
#[test]
fn a_corrupt_config_is_reported_used_where_readable_and_kept() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("config/flashdeck");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("config.toml");
    let text = "new_per_day = 5\n[[[oops\n";
    std::fs::write(&path, text).unwrap();

    let output = pty::command(home.path()).arg("due").output().unwrap();
    assert!(output.status.success());
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(
        stderr,
        format!(
            "warning: {}:2:3: invalid TOML: unquoted keys cannot be empty, expected letters, \
             numbers, `-`, `_`; using the defaults for what cannot be read\n",
            path.display()
        )
    );
    // The readable line is in effect: 5 new cards, not the default 20.
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(
        stdout.contains("total                          5 "),
        "{stdout}"
    );

    let mut tui = Tui::start(home.path(), &[], 80, 24);
    tui.wait_for("Settings:");
    tui.wait_for("0 due today · 5 new");
    tui.send("q");
    assert!(tui.wait_exit());
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
}

/// A window left open on the home screen sees another window's answers after `R` (and on
/// coming back home), without a restart.
#[test]
fn a_window_picks_up_answers_another_window_wrote() {
    let home = tempfile::tempdir().unwrap();
    let mut waiting = Tui::start(home.path(), &[], 80, 24);
    waiting.wait_for("0 due today · 20 new");
    let mut studying = Tui::start(home.path(), &["review"], 80, 24);
    studying.wait_for("Space show answer");
    for left in [19, 18, 17] {
        studying.answer('4');
        studying.wait_for(&format!("{left} new"));
    }
    waiting.send("R");
    waiting.wait_for("0 due today · 17 new");
    waiting.send("q");
    assert!(waiting.wait_exit());
    studying.send("q");
    studying.wait_for("due today");
    studying.send("q");
    assert!(studying.wait_exit());
}

/// The review log cannot be written (here this device's file is a folder, which even root
/// cannot append to): the app says why and asks; `y` studies without saving, and the
/// history on disk is untouched.
#[test]
fn an_unwritable_log_asks_before_studying_without_saving() {
    let home = tempfile::tempdir().unwrap();
    let data = home.path().join("data/flashdeck");
    let store = flashdeck::store::Store::new(&data, &flashdeck::store::Store::device_name());
    std::fs::create_dir_all(store.device_file()).unwrap();
    let other = store.dir().join("phone.jsonl");
    let kept = "{\"card\":\"sales-optimization-levers/kam\",\"time\":\"2026-01-01T10:00:00+00:00\",\"rating\":3}\n";
    std::fs::write(&other, kept).unwrap();

    // `q` at the question quits.
    let mut tui = Tui::start(home.path(), &[], 80, 24);
    tui.wait_for("Your answers cannot be saved");
    tui.send("q");
    assert!(tui.wait_exit());

    let mut tui = Tui::start(home.path(), &[], 80, 24);
    tui.wait_for("Your answers cannot be saved");
    tui.send("\r");
    tui.send("y");
    tui.wait_for("not saving");
    tui.send("\r");
    // `kam`, due from the phone's answer, then a new card: answers count on screen.
    for _ in 0..2 {
        tui.answer('4');
    }
    tui.wait_for("19 new");
    tui.send("q");
    tui.send("q");
    assert!(tui.wait_exit());
    assert!(store.device_file().is_dir());
    assert_eq!(std::fs::read_to_string(&other).unwrap(), kept);
    assert_eq!(std::fs::read_dir(store.dir()).unwrap().count(), 2);
}

/// A full disk: this device's log file is a link to `/dev/full`, where every write fails
/// with ENOSPC. The answer is refused on screen, nothing counts, and the app carries on.
#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_refuses_the_answer_and_carries_on() {
    let home = tempfile::tempdir().unwrap();
    let data = home.path().join("data/flashdeck");
    let store = flashdeck::store::Store::new(&data, &flashdeck::store::Store::device_name());
    std::fs::create_dir_all(store.dir()).unwrap();
    std::os::unix::fs::symlink("/dev/full", store.device_file()).unwrap();
    let mut tui = Tui::start(home.path(), &[], 80, 24);
    tui.wait_for("0 due today · 20 new");
    tui.send("\r");
    tui.answer('3');
    tui.wait_for("No space left on device");
    // Not counted: the same card waits, still on its answer side, and the counts stand.
    tui.wait_for("20 new  0 learning  0 review");
    tui.wait_for("3 Good");
    tui.send("q");
    tui.wait_for("0 due today · 20 new");
    tui.send("q");
    assert!(tui.wait_exit());
}
