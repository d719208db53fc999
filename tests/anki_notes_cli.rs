//! `flashdeck export --anki-notes` against Anki itself: `tests/anki/import_notes.py` imported
//! `tests/fixtures/anki-notes/notes.txt` into a fresh collection with Anki's backend (the `anki`
//! package from the Python Package Index, 26.9.3) and wrote what Anki made of it to `anki-result.json`. Here the
//! export must still be that file, and Anki's notes must be the deck's entries, as worked out
//! by hand below from `decks/lang/es.toml`. Then the export goes back through `import`.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::{Value, json};
use tempfile::TempDir;

#[path = "support/temp_home.rs"]
mod temp_home;

fn fixture(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/anki-notes")
        .join(path)
}

fn flashdeck(home: &TempDir, decks: &Path) -> Command {
    let mut cmd = temp_home::flashdeck(home);
    cmd.arg("--decks").arg(decks);
    cmd
}

fn export(home: &TempDir) -> String {
    let output = flashdeck(home, &fixture("decks"))
        .args(["export", "--anki-notes"])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn anki_imports_every_entry_as_a_note_of_its_type() {
    let home = TempDir::new().unwrap();
    let exported = export(&home);
    let imported_by_anki = std::fs::read_to_string(fixture("notes.txt")).unwrap();
    assert_eq!(
        exported, imported_by_anki,
        "the export changed: run tests/anki/import_notes.py again (see its docstring)"
    );
    let result: Value =
        serde_json::from_str(&std::fs::read_to_string(fixture("anki-result.json")).unwrap())
            .unwrap();
    // Five entries, five new notes; nothing Anki could not place.
    assert_eq!(result["new"], 5);
    for count in [
        "updated",
        "missing_notetype",
        "missing_deck",
        "empty_first_field",
    ] {
        assert_eq!(result[count], 0, "{count}");
    }
    // Sorted by guid. Fields as Anki stores them: HTML, `<`, `>` and `&` escaped, line breaks
    // as `<br>`; the hint last on the back; tags sorted, the deck's `es` on every note.
    let note = |notetype: &str, fields: [&str; 2], tags: &[&str], cards: u32| {
        json!({
            "notetype": notetype,
            "deck": "lang::Spanish",
            "fields": fields,
            "tags": tags,
            "cards": cards,
            "media": [],
        })
    };
    let expected = [
        note("Basic", ["a\ttab \"quoted\"", "b"], &["es"], 1),
        // `../media/flag.png` from lang/es.toml is Anki's bare `flag.png`, found as a media
        // reference by Anki itself (its `files_in_str`), as is the sound.
        json!({
            "notetype": "Basic",
            "deck": "lang::Spanish",
            "fields": [
                "la bandera",
                "the flag <img src=\"flag.png\" alt=\"a red flag\"> [sound:bandera.mp3]",
            ],
            "tags": ["es"],
            "cards": 1,
            "media": ["bandera.mp3", "flag.png"],
        }),
        // c1 and c2: two cards, as flashdeck makes.
        note(
            "Cloze",
            [
                "La capital de {{c1::Francia}} es {{c2::París::una ciudad}}.",
                "Desde 508 &amp; más.",
            ],
            &["es"],
            2,
        ),
        note(
            "Basic (type in the answer)",
            [
                "la mesa",
                "the table<br>or the board<br><br>Hint: furniture",
            ],
            &["es"],
            1,
        ),
        note(
            "Basic (and reversed card)",
            ["el perro", "the dog &lt;canis&gt;"],
            &["animals", "es", "two_words"],
            2,
        ),
    ];
    let notes = result["notes"].as_array().unwrap();
    assert_eq!(notes.len(), expected.len());
    for (note, expected) in notes.iter().zip(expected) {
        let mut note = note.clone();
        note.as_object_mut().unwrap().remove("guid");
        assert_eq!(note, expected);
    }
}

#[test]
fn the_export_imports_back_into_the_same_cards() {
    let home = TempDir::new().unwrap();
    let notes = home.path().join("notes.txt");
    std::fs::write(&notes, export(&home)).unwrap();
    let decks = home.path().join("decks");
    flashdeck(&home, &decks)
        .arg("import")
        .arg(&notes)
        .args(["--name", "es"])
        .assert()
        .success()
        .stdout(predicates::str::starts_with("imported 7 cards"));
    // The question of every card, in order, from the original and from the import.
    let fronts = |decks: &Path| -> Vec<String> {
        let output = flashdeck(&home, decks).arg("cards").output().unwrap();
        String::from_utf8(output.stdout)
            .unwrap()
            .lines()
            .map(|line| line.rsplit('\t').next().unwrap().to_owned())
            .collect()
    };
    let original = fronts(&fixture("decks"));
    assert_eq!(original.len(), 7);
    assert_eq!(fronts(&decks), original);
}

#[test]
fn media_are_listed_or_copied_into_anki_s_media_folder_under_their_bare_names() {
    let home = TempDir::new().unwrap();
    let media = fixture("decks/media");
    // Without --media-dir, the files to copy are named on standard error.
    let listed = flashdeck(&home, &fixture("decks"))
        .args(["export", "--anki-notes"])
        .assert()
        .success()
        .get_output()
        .stderr
        .clone();
    let listed = String::from_utf8(listed).unwrap();
    assert!(listed.contains("collection.media"), "{listed}");
    assert!(
        listed.contains(&format!(
            "{}  as flag.png",
            media.join("flag.png").display()
        )),
        "{listed}"
    );
    // With it, they are copied; a file already there with the same content is fine.
    let anki_media = home.path().join("collection.media");
    std::fs::create_dir(&anki_media).unwrap();
    std::fs::copy(media.join("flag.png"), anki_media.join("flag.png")).unwrap();
    flashdeck(&home, &fixture("decks"))
        .args(["export", "--anki-notes", "--media-dir"])
        .arg(&anki_media)
        .assert()
        .success()
        .stdout(predicates::str::contains("<img src=\"\"flag.png\"\""))
        .stderr("2 media files in ".to_owned() + &anki_media.display().to_string() + "\n");
    for name in ["flag.png", "bandera.mp3"] {
        assert_eq!(
            std::fs::read(anki_media.join(name)).unwrap(),
            std::fs::read(media.join(name)).unwrap(),
            "{name}"
        );
    }
    // Another file under one of the names: refused, nothing written, Anki's file kept.
    std::fs::write(anki_media.join("bandera.mp3"), b"Anki's own").unwrap();
    std::fs::remove_file(anki_media.join("flag.png")).unwrap();
    flashdeck(&home, &fixture("decks"))
        .args(["export", "--anki-notes", "--media-dir"])
        .arg(&anki_media)
        .assert()
        .failure()
        .stdout("")
        .stderr(predicates::str::contains(
            "already holds another file named bandera.mp3",
        ));
    assert_eq!(
        std::fs::read(anki_media.join("bandera.mp3")).unwrap(),
        b"Anki's own"
    );
    assert!(!anki_media.join("flag.png").exists());
}
