//! `flashdeck set-due` and `flashdeck relink` through the real binary, on the bundled deck in
//! a temporary home; and a bulk action over 10,000 generated cards.

use std::fmt::Write as _;

use chrono::{Duration, NaiveDate, NaiveDateTime};
use tempfile::TempDir;

#[path = "support/bundled_home.rs"]
mod bundled_home;
#[path = "support/log.rs"]
mod log;
use bundled_home::run;

const KAM: &str = "sales-optimization-levers/kam";
const LEVERS: &str = "sales-optimization-levers/sales-optimization-levers";
const OLD: &str = "sales-optimization-levers/what-kam-used-to-say";

fn log_lines(home: &TempDir) -> Vec<serde_json::Value> {
    log::lines(&home.path().join("data/reviews"))
        .iter()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect()
}

/// Days from the line's own day (its `time`, less the 4:00 rollover) to its `due`.
fn days_ahead(line: &serde_json::Value) -> i64 {
    let time = line["time"].as_str().unwrap();
    let local = NaiveDateTime::parse_from_str(&time[..19], "%Y-%m-%dT%H:%M:%S").unwrap();
    let today = (local - Duration::hours(4)).date();
    let due = NaiveDate::parse_from_str(line["due"].as_str().unwrap(), "%Y-%m-%d").unwrap();
    (due - today).num_days()
}

fn found(home: &TempDir, query: &str) -> Vec<String> {
    let (_, out, _) = run(home, &["cards", query]);
    out.lines()
        .map(|line| line.split('\t').next().unwrap().to_owned())
        .collect()
}

#[test]
fn set_due_in_each_form() {
    let home = TempDir::new().unwrap();
    let (code, out, _) = run(&home, &["set-due", KAM, "0"]);
    assert_eq!((code, out.as_str()), (Some(0), "set 1 card due today\n"));
    let (_, out, _) = run(&home, &["set-due", KAM, LEVERS, "3"]);
    assert_eq!(out, "set 2 cards due in 3 days\n");
    assert_eq!(found(&home, "prop:due=3"), [KAM, LEVERS]);
    let (_, out, _) = run(&home, &["set-due", KAM, "5!"]);
    assert_eq!(out, "set 1 card due in 5 days, interval reset to match\n");
    assert_eq!(found(&home, "prop:ivl=5"), [KAM]);
    let (_, out, _) = run(&home, &["set-due", "--query", "front:kam is:new", "1-7"]);
    let set: usize = out
        .strip_prefix("set ")
        .and_then(|rest| rest.split(' ').next())
        .unwrap()
        .parse()
        .unwrap();
    assert!(out.ends_with(" cards due in 1-7 days\n"), "{out}");

    let lines = log_lines(&home);
    let kinds: Vec<&str> = lines.iter().map(|l| l["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, vec!["set_due"; 4 + set]);
    let ahead: Vec<i64> = lines.iter().map(days_ahead).collect();
    assert_eq!(ahead[..4], [0, 3, 3, 5]);
    assert!(ahead[4..].iter().all(|d| (1..=7).contains(d)), "{ahead:?}");
    let intervals: Vec<Option<u64>> = lines.iter().map(|l| l["interval"].as_u64()).collect();
    assert_eq!(intervals[..4], [None, None, None, Some(5)]);
}

#[test]
fn a_bad_set_due_value_writes_nothing() {
    let home = TempDir::new().unwrap();
    let cases = [
        (vec!["set-due", KAM, "-5"], "`-5` is in the past"),
        (vec!["set-due", KAM, "7-1"], "runs backwards; write `1-7`"),
        (
            vec!["set-due", KAM, "soon"],
            "`soon` is not a number of days",
        ),
        (vec!["set-due", KAM, "40000"], "at most 36500 days"),
        (
            vec!["set-due", "3"],
            "set-due needs the cards before the days",
        ),
        (
            vec!["set-due", "--query", "is:new", KAM, "3"],
            "with --query, give only the days",
        ),
        (vec!["set-due", "nope/x", "3"], "no card `nope/x`"),
        (
            vec!["set-due", "--query", "deck:nothing", "3"],
            "no card matched",
        ),
    ];
    for (args, why) in cases {
        let (code, out, err) = run(&home, &args);
        assert_eq!((code, out.as_str()), (Some(1), ""), "{args:?}");
        assert!(err.contains(why), "{args:?}: {err}");
    }
    assert!(log_lines(&home).is_empty(), "nothing written");
}

/// Two answers to an id no deck has, as another device wrote them.
fn with_orphan(home: &TempDir) {
    let reviews = home.path().join("data/reviews");
    std::fs::create_dir_all(&reviews).unwrap();
    let mut lines = String::new();
    for (i, time) in ["2026-11-20T10:00:00+01:00", "2026-11-23T10:00:00+01:00"]
        .iter()
        .enumerate()
    {
        let _ = writeln!(
            lines,
            "{{\"id\":\"old{i}\",\"time\":\"{time}\",\"card\":\"{OLD}\",\"rating\":3}}"
        );
    }
    std::fs::write(reviews.join("laptop.jsonl"), lines).unwrap();
}

#[test]
fn relink_gives_a_card_the_orphaned_history_once() {
    let home = TempDir::new().unwrap();
    with_orphan(&home);
    assert_eq!(found(&home, "is:orphan"), [OLD]);
    let (code, out, _) = run(&home, &["relink", OLD, KAM]);
    assert_eq!(
        (code, out.as_str()),
        (
            Some(0),
            format!("relinked 2 events of `{OLD}` to `{KAM}`\n").as_str()
        )
    );
    assert!(found(&home, "is:orphan").is_empty());
    assert_eq!(found(&home, "prop:reps=2"), [KAM]);
    let (_, _, err) = run(&home, &["check"]);
    assert!(!err.contains("no deck has"), "{err}");
    let (_, stats, _) = run(&home, &["stats", "--json"]);
    let stats: serde_json::Value = serde_json::from_str(&stats).unwrap();
    assert_eq!(stats["total_answers"], 2, "counted once");
    let relink = &log_lines(&home)[2];
    assert_eq!(
        (&relink["kind"], &relink["card"], &relink["from"]),
        (&"relink".into(), &KAM.into(), &OLD.into())
    );
}

#[test]
fn a_relink_that_does_not_fit_writes_nothing() {
    let home = TempDir::new().unwrap();
    with_orphan(&home);
    let (_, out, _) = run(&home, &["set-due", LEVERS, "2"]);
    assert_eq!(out, "set 1 card due in 2 days\n");
    let before = log_lines(&home).len();
    let cases = [
        (
            vec!["relink", KAM, LEVERS],
            "is a card in a deck, not an orphaned history",
        ),
        (vec!["relink", "nope/x", KAM], "no history `nope/x`"),
        (vec!["relink", OLD, "nope/y"], "no card `nope/y`"),
        (
            vec!["relink", OLD, LEVERS],
            "already has a history of its own (1 event)",
        ),
    ];
    for (args, why) in cases {
        let (code, out, err) = run(&home, &args);
        assert_eq!((code, out.as_str()), (Some(1), ""), "{args:?}");
        assert!(
            err.contains(why) && err.contains("Nothing changed"),
            "{args:?}: {err}"
        );
    }
    assert_eq!(log_lines(&home).len(), before);
}

#[test]
fn a_bulk_action_on_10000_cards_is_one_event_each_in_one_file() {
    let home = TempDir::new().unwrap();
    let decks = home.path().join("decks");
    std::fs::create_dir_all(&decks).unwrap();
    for deck in 0..10 {
        let mut cards = String::new();
        for card in 0..1000 {
            let _ = writeln!(cards, "[[cards]]\nfront = \"{deck} {card}\"\nback = \"b\"");
        }
        let text = format!("[deck]\nname = \"Bulk {deck}\"\n{cards}");
        std::fs::write(decks.join(format!("bulk{deck}.toml")), text).unwrap();
    }
    let decks = decks.to_str().unwrap();
    let (code, out, err) = run(
        &home,
        &["--decks", decks, "suspend", "--query", "deck:bulk*"],
    );
    assert_eq!(
        (code, out.as_str()),
        (Some(0), "suspended 10000 cards\n"),
        "{err}"
    );
    let files: Vec<_> = std::fs::read_dir(home.path().join("data/reviews"))
        .unwrap()
        .collect();
    assert_eq!(files.len(), 1);
    let lines = log_lines(&home);
    assert_eq!(lines.len(), 10_000);
    assert!(lines.iter().all(|l| l["kind"] == "suspend"));
    let (_, out, _) = run(
        &home,
        &["--decks", decks, "set-due", "--query", "deck:bulk*", "1-7"],
    );
    assert_eq!(out, "set 10000 cards due in 1-7 days\n");
    assert_eq!(log_lines(&home).len(), 20_000);
}
