//! Cloze cards and media references through the real binary: `check`, `cards` and `export`
//! on a deck written here, in a temporary home.

use assert_cmd::Command;
use predicates::prelude::*;
use tempfile::TempDir;

#[path = "support/temp_home.rs"]
mod temp_home;

const GEO: &str = r#"[deck]
name = "Geo"

[[cards]]
id = "cap"
cloze = "The capital of {{c1::France}} is {{c2::Paris::a city}}."
extra = "Since 508."

[[cards]]
front = "Where is Lima? ![map](maps/peru.png)"
back = "Peru [sound:../lima.mp3]"
type = true
"#;

/// A home with `decks/geo.toml` holding [`GEO`] and `decks/maps/peru.png`.
fn home() -> TempDir {
    let home = TempDir::new().unwrap();
    std::fs::create_dir_all(home.path().join("decks/maps")).unwrap();
    std::fs::write(home.path().join("decks/geo.toml"), GEO).unwrap();
    std::fs::write(home.path().join("decks/maps/peru.png"), b"png").unwrap();
    home
}

fn flashdeck(home: &TempDir) -> Command {
    let mut cmd = temp_home::flashdeck(home);
    cmd.arg("--decks").arg(home.path().join("decks"));
    cmd
}

#[test]
fn check_warns_about_missing_media_and_media_outside_the_decks_folder() {
    let home = home();
    let deck = home.path().join("decks/geo.toml");
    // `back = "Peru [sound:` is 20 columns, so the path starts at column 21 of line 11.
    let outside = format!(
        "warning: {}:11:21: the sound `../lima.mp3` is outside the decks folder",
        deck.display()
    );
    flashdeck(&home)
        .arg("check")
        .assert()
        .success()
        .stdout("ok: 1 deck with 3 cards\n")
        .stderr(predicate::str::contains(outside.as_str()))
        .stderr(predicate::str::contains("peru.png").not());
    // The image gone: a warning at its path, after `front = "Where is Lima? ![map](` (31
    // columns) on line 10, and still no failure.
    let warns = |what: &str| {
        let warning = format!(
            "warning: {}:10:32: the image `maps/peru.png` {what}",
            deck.display()
        );
        flashdeck(&home)
            .arg("check")
            .arg(&deck)
            .assert()
            .success()
            .stderr(predicate::str::contains(warning.as_str()));
    };
    std::fs::remove_file(home.path().join("decks/maps/peru.png")).unwrap();
    warns("is not there");
    // A folder in its place is there, but no file.
    std::fs::create_dir(home.path().join("decks/maps/peru.png")).unwrap();
    warns("is a folder, not a file");
}

#[test]
fn cloze_cards_are_listed_exported_and_found_by_their_text() {
    let home = home();
    flashdeck(&home)
        .args(["cards", "front:France"])
        .assert()
        .success()
        .stdout(
            "geo/cap~c1\tnew\t-\tThe capital of […] is Paris.\n\
             geo/cap~c2\tnew\t-\tThe capital of France is [a city].\n",
        );
    flashdeck(&home)
        .args(["cards", "back:508"])
        .assert()
        .success()
        .stdout(predicate::str::contains("geo/cap~c1").and(predicate::str::contains("geo/cap~c2")));
    let output = flashdeck(&home)
        .args(["export", "--json"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let cards: Vec<serde_json::Value> = serde_json::from_slice(&output.stdout).unwrap();
    let ids: Vec<&str> = cards.iter().map(|c| c["id"].as_str().unwrap()).collect();
    assert_eq!(ids[..2], ["geo/cap~c1", "geo/cap~c2"]);
    assert_eq!(cards[1]["front"], "The capital of France is [a city].");
}

/// A deck in a subfolder whose media sit in `<decks>/media`, as the package importer writes them.
fn nested_home() -> TempDir {
    let home = TempDir::new().unwrap();
    let decks = home.path().join("decks");
    std::fs::create_dir_all(decks.join("lang/spanish")).unwrap();
    std::fs::create_dir_all(decks.join("media")).unwrap();
    std::fs::write(decks.join("media/flag.png"), b"png").unwrap();
    std::fs::write(
        decks.join("lang/spanish/verbs.toml"),
        "[deck]\nname = \"Verbs\"\n\n[[cards]]\nfront = \"hablar\"\nback = \"to speak \
         ![](../../media/flag.png)\"\n",
    )
    .unwrap();
    home
}

#[test]
fn a_file_named_inside_the_decks_folder_keeps_that_folder_as_its_media_root() {
    let home = nested_home();
    let verbs = home.path().join("decks/lang/spanish/verbs.toml");
    // Named by its path from the working directory, as a user types it, and absolutely.
    for named in [
        std::path::PathBuf::from("decks/lang/spanish/verbs.toml"),
        verbs.clone(),
    ] {
        flashdeck(&home)
            .arg("check")
            .arg(&named)
            .assert()
            .success()
            .stdout("ok: 1 deck with 1 card\n")
            .stderr(predicate::str::contains("outside").not());
    }
    // The same folder through FLASHDECK_DECKS and through ./decks.
    let mut by_env = temp_home::flashdeck(&home);
    by_env.env("FLASHDECK_DECKS", home.path().join("decks"));
    let mut by_cwd = temp_home::flashdeck(&home);
    by_cwd.current_dir(home.path());
    for mut cmd in [by_env, by_cwd] {
        cmd.arg("check")
            .arg(&verbs)
            .assert()
            .success()
            .stderr(predicate::str::contains("outside").not());
    }
}

#[test]
fn a_file_outside_the_decks_folder_has_its_own_folder_as_media_root() {
    let home = nested_home();
    let elsewhere = home.path().join("elsewhere");
    std::fs::create_dir_all(&elsewhere).unwrap();
    let copy = elsewhere.join("verbs.toml");
    std::fs::copy(home.path().join("decks/lang/spanish/verbs.toml"), &copy).unwrap();
    flashdeck(&home)
        .arg("check")
        .arg(&copy)
        .assert()
        .success()
        .stderr(predicate::str::contains(format!(
            "the image `../../media/flag.png` is outside the decks folder {}",
            elsewhere.display()
        )));
}
