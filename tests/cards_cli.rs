//! `flashdeck cards`: the search on the command line, against the bundled deck in a temporary
//! home. Expected values are worked out from the deck file itself.

use std::path::Path;

use assert_cmd::Command;
use tempfile::TempDir;

#[path = "support/bundled_home.rs"]
mod bundled_home;
use bundled_home::flashdeck;

/// The bundled deck's fronts, read from its file.
fn fronts() -> Vec<String> {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("decks/sales-optimization-levers.toml"),
    )
    .unwrap();
    let deck: toml::Value = toml::from_str(&text).unwrap();
    deck["cards"]
        .as_array()
        .unwrap()
        .iter()
        .map(|card| card["front"].as_str().unwrap().to_owned())
        .collect()
}

fn stdout(cmd: &mut Command) -> String {
    String::from_utf8(cmd.assert().success().get_output().stdout.clone()).unwrap()
}

#[test]
fn a_word_on_the_front_finds_the_cards_that_have_it() {
    let home = TempDir::new().unwrap();
    let has_kam = |front: &String| {
        front
            .to_lowercase()
            .split(|c: char| !c.is_alphanumeric())
            .any(|word| word == "kam")
    };
    let expected = fronts().iter().filter(|f| has_kam(f)).count();
    assert!(expected > 1);
    let found = stdout(flashdeck(&home).args(["cards", "front:kam"]));
    assert_eq!(found.lines().count(), expected, "{found}");
    assert!(
        found
            .lines()
            .all(|line| line.split('\t').nth(1) == Some("new"))
    );
}

#[test]
fn sorted_by_front_and_limited_gives_the_first_fronts_alphabetically() {
    let home = TempDir::new().unwrap();
    let mut expected = fronts();
    expected.sort_by_key(|front| front.to_lowercase());
    let found = stdout(flashdeck(&home).args(["cards", "--sort", "front", "--limit", "3"]));
    let shown: Vec<&str> = found
        .lines()
        .map(|line| line.split('\t').nth(3).unwrap())
        .collect();
    assert_eq!(
        shown,
        expected[..3].iter().map(String::as_str).collect::<Vec<_>>()
    );
}

#[test]
fn json_has_the_export_fields_and_nothing_studied_is_an_empty_list() {
    let home = TempDir::new().unwrap();
    let json = stdout(flashdeck(&home).args(["cards", "--json", "--limit", "1"]));
    let cards: serde_json::Value = serde_json::from_str(&json).unwrap();
    let card = &cards[0];
    assert_eq!(card["deck"], "sales-optimization-levers");
    assert_eq!(card["state"], "new");
    assert!(card["due"].is_null() && card["stability"].is_null());
    let none = stdout(flashdeck(&home).args(["cards", "is:review", "--json"]));
    assert_eq!(none.trim(), "[]");
}

#[test]
fn a_bad_query_is_an_error_that_names_the_term_not_an_empty_list() {
    let home = TempDir::new().unwrap();
    let assert = flashdeck(&home)
        .args(["cards", "prop:foo>3"])
        .assert()
        .code(1);
    let output = assert.get_output();
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8(output.stderr.clone()).unwrap();
    assert!(
        stderr.contains("unknown property `prop:foo>3`") && stderr.contains("known: ivl, due"),
        "{stderr}"
    );
}
