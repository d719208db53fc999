//! `flashdeck suspend|unsuspend|bury|unbury|forget|star|unstar`: actions on cards by id or
//! search, each a log event, against the bundled deck in a temporary home. `set-due` and
//! `relink` are in `tests/set_due_relink_cli.rs`.

use tempfile::TempDir;

#[path = "support/bundled_home.rs"]
mod bundled_home;
#[path = "support/log.rs"]
mod log;
use bundled_home::run;

const KAM: &str = "sales-optimization-levers/kam";
const LEVERS: &str = "sales-optimization-levers/sales-optimization-levers";

/// Every line of the review log, over its files.
fn log_lines(home: &TempDir) -> Vec<String> {
    log::lines(&home.path().join("data/reviews"))
}

#[test]
fn suspend_then_unsuspend_by_search_writes_one_event_a_changed_card() {
    let home = TempDir::new().unwrap();
    let (code, out, _) = run(&home, &["suspend", KAM, LEVERS]);
    assert_eq!((code, out.as_str()), (Some(0), "suspended 2 cards\n"));
    let (_, out, _) = run(&home, &["suspend", KAM]);
    assert_eq!(out, "suspended 0 cards (1 card already suspended)\n");
    let (_, found, _) = run(&home, &["cards", "is:suspended"]);
    let ids: Vec<&str> = found
        .lines()
        .map(|l| l.split('\t').next().unwrap())
        .collect();
    assert_eq!(ids, [KAM, LEVERS]);
    let (code, out, _) = run(&home, &["unsuspend", "--query", "is:suspended"]);
    assert_eq!((code, out.as_str()), (Some(0), "unsuspended 2 cards\n"));
    let (_, found, _) = run(&home, &["cards", "is:suspended"]);
    assert_eq!(found, "");
    let kinds: Vec<String> = log_lines(&home)
        .iter()
        .map(|line| serde_json::from_str::<serde_json::Value>(line).unwrap()["kind"].to_string())
        .collect();
    assert_eq!(
        kinds,
        [
            "\"suspend\"",
            "\"suspend\"",
            "\"unsuspend\"",
            "\"unsuspend\""
        ]
    );
}

#[test]
fn star_and_unstar_follow_a_search() {
    let home = TempDir::new().unwrap();
    let (_, out, _) = run(&home, &["star", "--query", "front:kam"]);
    let starred = out.trim().strip_prefix("starred ").unwrap().to_owned();
    let (_, found, _) = run(&home, &["cards", "is:starred"]);
    assert_eq!(format!("{} cards", found.lines().count()), starred);
    let (_, out, _) = run(&home, &["unstar", KAM]);
    assert_eq!(out, "unstarred 1 card\n");
}

#[test]
fn an_unknown_card_or_an_empty_search_changes_nothing_and_fails() {
    let home = TempDir::new().unwrap();
    let (code, out, err) = run(&home, &["suspend", KAM, "nope/x"]);
    assert_eq!((code, out.as_str()), (Some(1), ""));
    assert!(
        err.contains("no card `nope/x`") && err.contains("Nothing changed"),
        "{err}"
    );
    let (code, _, err) = run(&home, &["forget", "--query", "deck:nothing-here"]);
    assert_eq!(code, Some(1));
    assert!(err.contains("no card matched"), "{err}");
    let (code, _, err) = run(&home, &["star", "--query", "prop:foo>1"]);
    assert_eq!(code, Some(1));
    assert!(err.contains("unknown property"), "{err}");
    assert!(log_lines(&home).is_empty(), "nothing written");
}

#[test]
fn bury_then_unbury() {
    let home = TempDir::new().unwrap();
    let (code, out, _) = run(&home, &["bury", KAM]);
    assert_eq!((code, out.as_str()), (Some(0), "buried 1 card\n"));
    let (_, out, _) = run(&home, &["bury", KAM, LEVERS]);
    assert_eq!(out, "buried 1 card (1 card already buried)\n");
    let (_, found, _) = run(&home, &["cards", "is:buried"]);
    assert_eq!(found.lines().count(), 2, "{found}");
    let (code, out, _) = run(&home, &["unbury", "--query", "is:buried"]);
    assert_eq!((code, out.as_str()), (Some(0), "unburied 2 cards\n"));
    let (_, found, _) = run(&home, &["cards", "is:buried"]);
    assert_eq!(found, "");
    assert_eq!(log_lines(&home).len(), 4);
}

#[test]
fn an_empty_query_is_refused_and_a_negated_one_is_a_search() {
    let home = TempDir::new().unwrap();
    let (code, _, err) = run(&home, &["forget", "--query", " "]);
    assert_eq!(code, Some(1));
    assert!(
        err.contains("an empty --query would choose every card"),
        "{err}"
    );
    assert!(log_lines(&home).is_empty());
    // `-is:new` is the search "not new", not an option.
    let (code, out, _) = run(&home, &["star", "--query", "-is:new"]);
    assert_eq!((code, out.as_str()), (Some(1), ""));
    let (code, out, _) = run(&home, &["cards", "--", "-is:new"]);
    assert_eq!((code, out.as_str()), (Some(0), ""));
}
