//! Issue 16 items 25 and 27 at the command line: `check` on several paths reports each one's
//! problems, a missing path included, and a torn log line once; `review --ahead 0` is refused.

use std::path::{Path, PathBuf};

use tempfile::TempDir;

#[path = "support/temp_home.rs"]
mod temp_home;
use temp_home::flashdeck;

fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

fn stderr_of(assert: &assert_cmd::assert::Assert) -> String {
    String::from_utf8(assert.get_output().stderr.clone()).unwrap()
}

#[test]
fn check_reports_a_bad_file_and_a_missing_one_together() {
    let home = TempDir::new().unwrap();
    let bad = repo("tests/fixtures/decks/invalid/missing-back.toml");
    let assert = flashdeck(&home)
        .arg("check")
        .arg(&bad)
        .arg("missing.toml")
        .assert()
        .code(1);
    let stderr = stderr_of(&assert);
    assert_eq!(
        stderr,
        format!(
            "missing.toml: no such file or folder\n\
             {}:4:1: card is missing `back`\n\
             2 problems in 2 files; 0 valid decks with 0 cards\n",
            bad.display()
        )
    );
}

#[test]
fn a_missing_path_fails_check_but_the_others_are_still_read() {
    let home = TempDir::new().unwrap();
    let assert = flashdeck(&home)
        .arg("check")
        .arg("gone")
        .arg(repo("tests/fixtures/decks/valid"))
        .assert()
        .code(1);
    assert_eq!(
        stderr_of(&assert),
        "gone: no such file or folder\n1 problem in 1 file; 1 valid deck with 4 cards\n"
    );
}

#[test]
fn check_warns_of_a_torn_log_line_once() {
    let home = TempDir::new().unwrap();
    let reviews = home.path().join("data/reviews");
    std::fs::create_dir_all(&reviews).unwrap();
    // A whole line, then one cut off by a crash: no newline, half a JSON object.
    std::fs::write(
        reviews.join("phone.jsonl"),
        "{\"card\":\"languages/spanish/gato\",\"time\":\"2026-01-05T10:00:00+01:00\",\"rating\":3}\n{\"card\":\"lang",
    )
    .unwrap();
    let assert = flashdeck(&home)
        .arg("--decks")
        .arg(repo("tests/fixtures/decks/valid"))
        .arg("check")
        .assert()
        .success()
        .stdout("ok: 1 deck with 4 cards\n");
    let stderr = stderr_of(&assert);
    assert_eq!(stderr.matches("phone.jsonl:2:").count(), 1, "{stderr}");
    assert!(
        stderr.contains("(the line is skipped and kept)"),
        "{stderr}"
    );
}

#[test]
fn review_ahead_zero_is_refused_and_says_why() {
    let home = TempDir::new().unwrap();
    let assert = flashdeck(&home)
        .arg("--decks")
        .arg(repo("tests/fixtures/decks/valid"))
        .args(["review", "--ahead", "0"])
        .assert()
        .code(2);
    let stderr = stderr_of(&assert);
    assert!(
        stderr.contains(
            "0 days ahead is today's review: run `flashdeck review` without --ahead, or give 1 or more days"
        ),
        "{stderr}"
    );
    // Refused before anything opened: no log written.
    assert!(!home.path().join("data/reviews").exists());
    let assert = flashdeck(&home)
        .args(["review", "--ahead", "soon"])
        .assert()
        .code(2);
    assert!(
        stderr_of(&assert).contains("`soon` is not a number of days (1 or more)"),
        "{}",
        stderr_of(&assert)
    );
}
