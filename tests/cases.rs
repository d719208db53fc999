//! Faults found by replaying public reports (`tests/fixtures/cases/`, copies of the shared
//! cases), each checked with the right value worked out from Anki's rules, not from flashdeck.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use chrono::DateTime;
use flashdeck::paths::{Location, Locations, Origin};
use tempfile::TempDir;

#[path = "support/temp_home.rs"]
mod temp_home;

fn case(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/cases")
        .join(name)
}

/// A home with the case's deck files in `decks/`, its log in `data/reviews/` and its
/// `config.toml`, if it has one.
fn home_for(name: &str, decks: &[&str]) -> TempDir {
    let home = TempDir::new().unwrap();
    let dir = case(name);
    std::fs::create_dir_all(home.path().join("decks")).unwrap();
    std::fs::create_dir_all(home.path().join("data/reviews")).unwrap();
    for deck in decks {
        std::fs::copy(dir.join(deck), home.path().join("decks").join(deck)).unwrap();
    }
    std::fs::copy(
        dir.join("reviews.jsonl"),
        home.path().join("data/reviews/reviews.jsonl"),
    )
    .unwrap();
    if dir.join("config.toml").exists() {
        std::fs::copy(dir.join("config.toml"), home.path().join("config.toml")).unwrap();
    }
    home
}

/// The binary in the case's home (`support/temp_home.rs`), on its `decks/`, in UTC.
fn flashdeck(home: &TempDir) -> Command {
    let mut cmd = temp_home::flashdeck(home);
    cmd.env("TZ", "UTC")
        .arg("--decks")
        .arg(home.path().join("decks"));
    cmd
}

/// `flashdeck export --json`: every card with its schedule.
fn export(home: &TempDir) -> Vec<serde_json::Value> {
    let output = flashdeck(home).args(["export", "--json"]).output().unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

/// `fuzz-floor`: the card's interval was 4 days and it is answered Hard on its due day,
/// 2026-01-16. FSRS's Hard interval is 4.26 days (4.261 in Anki 26.9.3's backend, given the
/// card's memory before the answer): it rounds to 4, not past the previous 4, and its fuzz
/// range (delta 1 + 0.15 × 1.76 = 1.26) reaches 6 ≥ 4, so Anki's floor is the previous 4 days
/// (`minimum_review_fuzz_interval`): the range is 4 to 6 (3 to 6 before, hence 3 days). The
/// card's fuzz factor, XXH3-64 of `fuzz/c011` seeded with its 9 earlier answers, top 24 bits
/// over 2^24, is 0.1290 (computed with the Python `xxhash` package): 4 + ⌊0.129 × 3⌋ = 4 days,
/// due 2026-01-20. (The case's README expects 5 or more, but Anki's rule compares the
/// rounded interval, and Anki's own backend gives this card 4, 5 or 6 days.)
#[test]
fn fuzz_floor_an_on_time_hard_keeps_the_interval() {
    let home = home_for("fuzz-floor", &["fuzz.toml"]);
    let cards = export(&home);
    let card = &cards[0];
    assert_eq!(card["id"], "fuzz/c011");
    assert_eq!(card["last_review"], "2026-01-16T09:00:00+00:00");
    assert_eq!(card["due"], "2026-01-20");
}

fn locations(home: &TempDir) -> Locations {
    let at = |path: PathBuf| Location {
        path,
        origin: Origin::Flag,
    };
    Locations {
        decks: at(home.path().join("decks")),
        data_dir: at(home.path().join("data")),
        config: at(home.path().join("config.toml")),
    }
}

/// `flashdeck due --json` at `now`, as (new, learning, review) for the case's one deck.
fn due_at(home: &TempDir, now: &str) -> (u64, u64, u64) {
    let (config, problems) = flashdeck::config::load(&home.path().join("config.toml"), true);
    assert!(problems.is_empty(), "{problems:?}");
    let now = DateTime::parse_from_rfc3339(now).unwrap();
    let mut out = Vec::new();
    flashdeck::commands::due::run(&locations(home), &config, true, now, &mut out).unwrap();
    let rows: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let row = &rows[0];
    let count = |name: &str| row[name].as_u64().unwrap();
    (count("new"), count("learning"), count("review"))
}

/// `day-learning-step`: steps 10m and 1d, relearning 1d, rollover 4:00. A new card answered
/// Good at 21:10 and a review card lapsed at 21:05 (+05:00) on 2026-11-29 reach past the
/// 4:00 rollover: (86,400 − 24,600) / 86,400 + 1 = 1 day and (86,400 − 24,900) / 86,400 + 1 =
/// 1 day, Anki's `maybe_as_days`. Both are due from 2026-11-30 04:00, so at 10:15 `due`
/// counts 2 learning cards (checked with Anki's backend by the case); at 03:59 still none.
#[test]
fn day_learning_step_both_cards_are_due_the_next_morning() {
    let home = home_for("day-learning-step", &["steps.toml"]);
    assert_eq!(due_at(&home, "2026-11-30T10:15:00+05:00"), (0, 2, 0));
    assert_eq!(due_at(&home, "2026-11-30T03:59:00+05:00"), (0, 0, 0));
    let cards = export(&home);
    assert_eq!(cards.len(), 2);
    for card in &cards {
        assert_eq!(card["due"], "2026-11-30T04:00:00+05:00", "{card}");
    }
}

/// `flashdeck optimize --revlog FILE` in a home whose `config.toml` holds `settings`:
/// (exit code, stdout, stderr, the config file afterwards).
fn optimize(revlog: &Path, settings: &str) -> (i32, String, String, String) {
    optimize_with(revlog, settings, &[])
}

/// [`optimize`] with more arguments (`--json`).
fn optimize_with(revlog: &Path, settings: &str, more: &[&str]) -> (i32, String, String, String) {
    let home = TempDir::new().unwrap();
    std::fs::create_dir_all(home.path().join("decks")).unwrap();
    let config = home.path().join("config.toml");
    std::fs::write(&config, settings).unwrap();
    let output = flashdeck(&home)
        .args(["optimize", "--revlog"])
        .arg(revlog)
        .args(more)
        .output()
        .unwrap();
    (
        output.status.code().unwrap(),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
        std::fs::read_to_string(&config).unwrap(),
    )
}

const MINE: &str = "# mine\nnew_per_day = 7\n";

/// `optimizer-inputs`: 1,200 cards answered once, and 400 answered 3 times on their first
/// day only. No training item: the output says a fit needs answers on a later day than a
/// card's first and how many cards have one (none), without "Only 1200 reviews" (there are
/// more than 1,000) and without a table of no rows.
#[test]
fn optimizer_inputs_without_a_later_day_say_what_a_fit_needs() {
    for (file, cards) in [("once-each.csv", 1200), ("same-day-only.csv", 400)] {
        let (code, stdout, stderr, config) = optimize(&case("optimizer-inputs").join(file), MINE);
        assert_eq!(code, 0, "{stderr}");
        assert!(
            stdout.contains(&format!(
                "No card was answered on a later day than its first (0 of {cards} cards)"
            )),
            "{stdout}"
        );
        assert!(!stdout.contains("Only"), "{stdout}");
        assert!(!stdout.contains("log loss"), "{stdout}");
        assert_eq!(config, MINE);
    }
}

/// `optimizer-inputs/seconds-not-ms.csv`: times in seconds, read as milliseconds all on
/// 1970-01-21. Refused with the cause, exit 1, nothing written to `config.toml`.
#[test]
fn optimizer_inputs_in_seconds_are_refused_and_nothing_is_saved() {
    let revlog = case("optimizer-inputs").join("seconds-not-ms.csv");
    let (code, stdout, stderr, config) = optimize(&revlog, MINE);
    assert_eq!(code, 1);
    assert_eq!(stdout, "");
    assert_eq!(
        stderr,
        format!(
            "{}: review_time looks like seconds; the format is milliseconds: read as \
             milliseconds, all 1500 reviews fall on 1970-01-21; read as seconds, from \
             2025-03-01 to 2025-07-18. Nothing was fitted or saved.\n",
            revlog.display()
        )
    );
    assert_eq!(config, MINE);
}

/// Each other implausible history: a review before 2006, one in the future (milliseconds
/// read as microseconds would be), and a whole history on one day, each refused with its
/// reason; `config.toml` stays as it was.
#[test]
fn implausible_revlogs_are_refused_with_the_reason() {
    let dir = TempDir::new().unwrap();
    // 2005-12-31 12:00 UTC, 2024-03-01 and 2024-03-03.
    let before = "card_id,review_time,review_rating\n1,1136030400000,3\n1,1709287200000,3\n2,1709460000000,3\n";
    // 2024-03-01, then 2024-03-01 again in microseconds (the year 56,000 and more).
    let future = "card_id,review_time,review_rating\n1,1709287200000,3\n1,1709287200000000,3\n";
    // 2025-03-01 09:00 to 2025-03-02 03:00 UTC: one study day with the 4:00 rollover.
    let one_day = "card_id,review_time,review_rating\n1,1740819600000,1\n1,1740820200000,3\n2,1740884400000,3\n";
    for (name, text, reason) in [
        (
            "before.csv",
            before,
            "1 of 3 reviews are dated before 2006 (the first on 2005-12-31)",
        ),
        (
            "future.csv",
            future,
            "1 of 2 reviews are dated in the future",
        ),
        (
            "one-day.csv",
            one_day,
            "all 3 reviews fall on one day (2025-03-01)",
        ),
    ] {
        let revlog = dir.path().join(name);
        std::fs::write(&revlog, text).unwrap();
        let (code, stdout, stderr, config) = optimize(&revlog, MINE);
        assert_eq!(code, 1, "{name}: {stdout}");
        assert!(stderr.contains(reason), "{name}: {stderr}");
        // A question ends with its own mark, and the next sentence follows it.
        assert!(
            stderr.ends_with("since 1970? Nothing was fitted or saved.\n")
                || stderr.ends_with("the clock right? Nothing was fitted or saved.\n"),
            "{stderr}"
        );
        assert!(!stderr.contains("?."), "{stderr}");
        assert_eq!(config, MINE);
    }
}

/// `--json` says why a revlog was refused, on stdout, still with exit 1 and nothing saved.
#[test]
fn a_refused_revlog_is_a_json_verdict_with_the_reason() {
    let revlog = case("optimizer-inputs").join("seconds-not-ms.csv");
    let (code, stdout, _, config) = optimize_with(&revlog, MINE, &["--json"]);
    assert_eq!(code, 1);
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(json["verdict"], "implausible", "{json}");
    assert!(
        json["reason"]
            .as_str()
            .unwrap()
            .starts_with("review_time looks like seconds"),
        "{json}"
    );
    assert_eq!(json["written_to"], serde_json::Value::Null);
    assert_eq!(config, MINE);

    let dir = TempDir::new().unwrap();
    let not_csv = dir.path().join("notes.csv");
    std::fs::write(&not_csv, "hello,world\n").unwrap();
    let (code, stdout, stderr, _) = optimize_with(&not_csv, MINE, &["--json"]);
    assert_eq!(code, 1, "{stderr}");
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(json["verdict"], "unreadable", "{json}");
    assert!(
        stderr.contains(json["reason"].as_str().unwrap()),
        "{stderr}"
    );
}
