//! `flashdeck import` through the real binary: the importer faults of the shared cases
//! (`tests/fixtures/cases/`), and the deck landing in the decks folder in use.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;
use tempfile::TempDir;

#[path = "support/temp_home.rs"]
mod temp_home;

fn case(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/cases")
        .join(path)
}

/// `flashdeck --decks <home>/decks`.
fn flashdeck(home: &TempDir) -> Command {
    let mut cmd = temp_home::flashdeck(home);
    cmd.arg("--decks").arg(home.path().join("decks"));
    cmd
}

/// Imports `file` as deck `name` with `flags` and returns the written deck file's text.
fn import(home: &TempDir, file: &Path, name: &str, flags: &[&str]) -> String {
    flashdeck(home)
        .arg("import")
        .arg(file)
        .args(["--name", name])
        .args(flags)
        .assert()
        .success()
        .stderr("");
    std::fs::read_to_string(home.path().join(format!("decks/{name}.toml"))).unwrap()
}

/// A deck file without its name and description lines, which name the file imported.
fn cards_of(toml: &str) -> String {
    toml.lines()
        .filter(|line| !line.starts_with("description") && !line.starts_with("name"))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn crlf_exports_give_the_same_deck_as_lf_ones() {
    let home = TempDir::new().unwrap();
    let lf = import(&home, &case("anki-crlf-headers/notes-lf.txt"), "lf", &[]);
    let crlf = import(
        &home,
        &case("anki-crlf-headers/notes-crlf.txt"),
        "crlf",
        &[],
    );
    assert_eq!(cards_of(&crlf), cards_of(&lf));
    assert!(lf.contains("tags = [\"geo::capitals\"]"), "{lf}");
    let sep = ["--card-sep", "\\n\\n"];
    let lf = import(
        &home,
        &case("quizlet-cardsep-crlf/set-lf.txt"),
        "set-lf",
        &sep,
    );
    let crlf = import(
        &home,
        &case("quizlet-cardsep-crlf/set-crlf.txt"),
        "set-crlf",
        &sep,
    );
    assert_eq!(cards_of(&crlf), cards_of(&lf));
    assert!(!crlf.contains("\\r"), "{crlf}");
    flashdeck(&home)
        .arg("check")
        .assert()
        .success()
        .stdout("ok: 4 decks with 10 cards\n");
}

#[test]
fn spreadsheet_saved_headers_semicolons_and_stray_quotes_import_every_card() {
    let home = TempDir::new().unwrap();
    let cases = [
        (
            "anki-header-trailing-commas/notes.csv",
            "What is the capital of Peru?",
            3,
        ),
        ("csv-semicolon/semicolon-excel.csv", "Semikolon; im Feld", 3),
        (
            "quizlet-stray-quote/quotes.txt",
            "Standard pizza diameter",
            4,
        ),
    ];
    for (file, front, count) in cases {
        flashdeck(&home)
            .arg("import")
            .arg(case(file))
            .assert()
            .success()
            .stderr("")
            .stdout(predicate::str::starts_with(format!(
                "imported {count} cards"
            )));
        let name = Path::new(file)
            .file_stem()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        let deck = std::fs::read_to_string(home.path().join(format!("decks/{name}.toml"))).unwrap();
        assert!(deck.contains(&format!("front = \"{front}\"")), "{deck}");
    }
}

#[test]
fn an_unknown_anki_separator_is_refused_and_nothing_is_written() {
    let home = TempDir::new().unwrap();
    let file = home.path().join("notes.txt");
    std::fs::write(&file, "#separator:Commas\n#html:false\na,b\n").unwrap();
    flashdeck(&home)
        .arg("import")
        .arg(&file)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "line 1: unknown separator `Commas`",
        ));
    assert!(!home.path().join("decks").exists());
}

#[test]
fn import_writes_into_the_decks_folder_in_use() {
    let export = case("csv-semicolon/semicolon-excel.csv");
    // --decks
    let home = TempDir::new().unwrap();
    flashdeck(&home)
        .arg("import")
        .arg(&export)
        .assert()
        .success();
    assert!(home.path().join("decks/semicolon-excel.toml").is_file());
    flashdeck(&home)
        .arg("list")
        .assert()
        .success()
        .stdout(predicate::str::contains("semicolon-excel"));
    // FLASHDECK_DECKS
    let home = TempDir::new().unwrap();
    let folder = home.path().join("elsewhere");
    temp_home::flashdeck(&home)
        .env("FLASHDECK_DECKS", &folder)
        .arg("import")
        .arg(&export)
        .assert()
        .success();
    assert!(folder.join("semicolon-excel.toml").is_file());
    // ./decks in the working directory
    let home = TempDir::new().unwrap();
    std::fs::create_dir(home.path().join("decks")).unwrap();
    temp_home::flashdeck(&home)
        .arg("import")
        .arg(&export)
        .assert()
        .success();
    assert!(home.path().join("decks/semicolon-excel.toml").is_file());
    assert!(!home.path().join("data/decks").exists());
}

#[test]
fn an_export_of_bad_rows_only_lists_each_with_its_line_and_fails() {
    let home = TempDir::new().unwrap();
    let export = home.path().join("bad.txt");
    // Every row bad: a missing definition, then a missing term.
    std::fs::write(&export, "a\t\n\tb\n").unwrap();
    flashdeck(&home)
        .arg("import")
        .arg(&export)
        .args(["--name", "Bad"])
        .assert()
        .failure()
        .stderr(format!(
            "{0}:1: skipped: the definition (back) is empty\n\
             {0}:2: skipped: the term (front) is empty\n\
             {0}: no cards could be read from the file\n",
            export.display()
        ));
    assert!(
        !home.path().join("decks/Bad.toml").exists(),
        "nothing written"
    );
}
