//! `flashdeck import` of broken or hostile Anki packages: a clear message and a non-zero exit
//! for the fatal ones, nothing written; the others reported and the rest imported. Packages
//! are built here in the legacy layout (schema 11, a JSON media map), which Anki still reads.

use std::io::Write;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;
use rusqlite::Connection;

/// A legacy collection: one Basic note type, deck 1 "Default", and the given notes (guid,
/// front, back), each with one card; and revlog rows (id, card id, ease, type).
struct Spec {
    version: i64,
    notes: Vec<(&'static str, &'static str, &'static str)>,
    revlog: Vec<(i64, i64, i64, i64)>,
    media: Vec<(String, Vec<u8>)>,
}

impl Default for Spec {
    fn default() -> Self {
        Self {
            version: 11,
            notes: vec![("g1", "one", "1"), ("g2", "two", "2")],
            revlog: vec![(1_709_546_400_000, 101, 3, 0)],
            media: Vec::new(),
        }
    }
}

fn collection_bytes(spec: &Spec) -> Vec<u8> {
    let file = tempfile::NamedTempFile::new().unwrap();
    let db = Connection::open(file.path()).unwrap();
    db.execute_batch(
        "create table col (id integer primary key, crt integer, mod integer, scm integer,
           ver integer, dty integer, usn integer, ls integer, conf text, models text,
           decks text, dconf text, tags text);
         create table notes (id integer primary key, guid text, mid integer, mod integer,
           usn integer, tags text, flds text, sfld text, csum integer, flags integer, data text);
         create table cards (id integer primary key, nid integer, did integer, ord integer,
           mod integer, usn integer, type integer, queue integer, due integer, ivl integer,
           factor integer, reps integer, lapses integer, left integer, odue integer,
           odid integer, flags integer, data text);
         create table revlog (id integer primary key, cid integer, usn integer, ease integer,
           ivl integer, lastIvl integer, factor integer, time integer, type integer);",
    )
    .unwrap();
    let models = r#"{"5": {"id": 5, "name": "Basic", "type": 0,
        "flds": [{"name": "Front", "ord": 0}, {"name": "Back", "ord": 1}],
        "tmpls": [{"name": "Card 1", "ord": 0, "qfmt": "{{Front}}",
                   "afmt": "{{FrontSide}}<hr id=answer>{{Back}}"}]}}"#;
    let decks = r#"{"1": {"id": 1, "name": "Default", "conf": 1, "dyn": 0}}"#;
    let dconf = r#"{"1": {"id": 1, "name": "Default", "new": {"delays": [1, 10], "perDay": 20},
        "lapse": {"delays": [10], "leechFails": 8}, "rev": {"perDay": 200, "maxIvl": 36500}}}"#;
    db.execute(
        "insert into col values (1, 1709524800, 0, 0, ?1, 0, 0, 0, '{}', ?2, ?3, ?4, '{}')",
        (spec.version, models, decks, dconf),
    )
    .unwrap();
    for (i, (guid, front, back)) in spec.notes.iter().enumerate() {
        let id = i64::try_from(i).unwrap() + 1;
        db.execute(
            "insert into notes values (?1, ?2, 5, 0, 0, '', ?3, '', 0, 0, '')",
            (id, guid, format!("{front}\x1f{back}")),
        )
        .unwrap();
        db.execute(
            "insert into cards values (?1, ?2, 1, 0, 0, 0, 0, 0, ?2, 0, 0, 0, 0, 0, 0, 0, 0, '')",
            (100 + id, id),
        )
        .unwrap();
    }
    for (id, card, ease, kind) in &spec.revlog {
        db.execute(
            "insert into revlog values (?1, ?2, 0, ?3, 1, 0, 2500, 5000, ?4)",
            (id, card, ease, kind),
        )
        .unwrap();
    }
    drop(db);
    std::fs::read(file.path()).unwrap()
}

fn package(dir: &Path, spec: &Spec) -> PathBuf {
    package_named(dir, spec, "deck.apkg")
}

/// [`package`] with another file name: `.colpkg` makes it a whole collection.
fn package_named(dir: &Path, spec: &Spec, name: &str) -> PathBuf {
    let path = dir.join(name);
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&path).unwrap());
    let options = zip::write::SimpleFileOptions::default();
    zip.start_file("collection.anki2", options).unwrap();
    zip.write_all(&collection_bytes(spec)).unwrap();
    let mut map = serde_json::Map::new();
    for (i, (name, bytes)) in spec.media.iter().enumerate() {
        map.insert(i.to_string(), name.clone().into());
        zip.start_file(i.to_string(), options).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.start_file("media", options).unwrap();
    zip.write_all(serde_json::Value::Object(map).to_string().as_bytes())
        .unwrap();
    zip.finish().unwrap();
    path
}

fn import(dir: &Path, file: &Path) -> assert_cmd::assert::Assert {
    Command::cargo_bin("flashdeck")
        .unwrap()
        .env("TZ", "UTC")
        .env("FLASHDECK_DEVICE", "test")
        .arg("--decks")
        .arg(dir.join("decks"))
        .arg("--data-dir")
        .arg(dir.join("data"))
        .arg("--config")
        .arg(dir.join("config.toml"))
        .arg("import")
        .arg(file)
        .assert()
}

/// Nothing but the package (and the test's own files) is in the folder.
fn nothing_written(dir: &Path) {
    for name in ["decks", "data", "config.toml"] {
        assert!(!dir.join(name).exists(), "{name} was written");
    }
    assert!(!dir.parent().unwrap().join("escaped.txt").exists());
}

#[test]
fn a_good_package_imports() {
    let dir = tempfile::tempdir().unwrap();
    let file = package(dir.path(), &Spec::default());
    import(dir.path(), &file)
        .success()
        .stdout(predicate::str::contains("2 notes and 2 cards (1 deck)"))
        .stdout(predicate::str::contains("history: 1 review"));
    let deck = std::fs::read_to_string(dir.path().join("decks/default.toml")).unwrap();
    assert!(deck.contains("front = \"one\""), "{deck}");
}

#[test]
fn a_corrupt_zip_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("broken.apkg");
    std::fs::write(&file, b"PK\x03\x04 this is not really a zip").unwrap();
    import(dir.path(), &file)
        .failure()
        .stderr(predicate::str::contains("not an Anki package"))
        .stderr(predicate::str::contains("nothing was imported"));
    nothing_written(dir.path());
}

#[test]
fn a_newer_schema_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let file = package(
        dir.path(),
        &Spec {
            version: 19,
            ..Spec::default()
        },
    );
    import(dir.path(), &file)
        .failure()
        .stderr(predicate::str::contains(
            "newer Anki (collection schema 19)",
        ));
    nothing_written(dir.path());
}

#[test]
fn a_collection_without_cards_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let file = package(
        dir.path(),
        &Spec {
            notes: Vec::new(),
            revlog: Vec::new(),
            ..Spec::default()
        },
    );
    import(dir.path(), &file)
        .failure()
        .stderr(predicate::str::contains("the collection has no cards"));
    nothing_written(dir.path());
}

#[test]
fn a_media_path_that_escapes_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let file = package(
        dir.path(),
        &Spec {
            media: vec![("../../escaped.txt".into(), b"x".to_vec())],
            ..Spec::default()
        },
    );
    import(dir.path(), &file)
        .failure()
        .stderr(predicate::str::contains(
            "\"../../escaped.txt\", a path outside",
        ));
    nothing_written(dir.path());
}

#[test]
fn review_rows_of_missing_cards_are_left_out_and_said() {
    let dir = tempfile::tempdir().unwrap();
    let spec = Spec {
        revlog: vec![
            (1_709_546_400_000, 101, 3, 0),
            (1_709_546_500_000, 999, 3, 1),
        ],
        ..Spec::default()
    };
    import(dir.path(), &package(dir.path(), &spec))
        .success()
        .stdout(predicate::str::contains("history: 1 review,"))
        .stderr(predicate::str::contains(
            "1 review row of cards the package does not hold",
        ));
}

#[test]
fn a_duplicate_guid_keeps_the_first_note() {
    let dir = tempfile::tempdir().unwrap();
    let spec = Spec {
        notes: vec![("same", "one", "1"), ("same", "two", "2")],
        ..Spec::default()
    };
    import(dir.path(), &package(dir.path(), &spec))
        .success()
        .stdout(predicate::str::contains("1 note and 1 card"))
        .stderr(predicate::str::contains(
            "note 2 (Basic) not imported: its guid is note 1's too",
        ));
}

#[test]
fn review_rows_of_a_left_out_duplicate_are_not_called_deleted() {
    let dir = tempfile::tempdir().unwrap();
    // Card 102 is note 2's, whose guid repeats note 1's.
    let spec = Spec {
        notes: vec![("same", "one", "1"), ("same", "two", "2")],
        revlog: vec![
            (1_709_546_400_000, 101, 3, 0),
            (1_709_546_500_000, 102, 3, 0),
        ],
        ..Spec::default()
    };
    import(dir.path(), &package(dir.path(), &spec))
        .success()
        .stdout(predicate::str::contains("history: 1 review,"))
        .stderr(predicate::str::contains(
            "1 review row of cards this import did not make (of the notes listed above) left out",
        ))
        .stderr(predicate::str::contains("deleted in Anki").not());
}

#[test]
fn a_media_name_that_is_a_path_stays_text_and_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let spec = Spec {
        notes: vec![(
            "g1",
            "flag",
            "<img src=\"../../../tmp/pwn.png\"> [sound:sub/x.mp3] <img src=\"ok.png\">",
        )],
        revlog: Vec::new(),
        media: vec![("ok.png".into(), b"png".to_vec())],
        ..Spec::default()
    };
    import(dir.path(), &package(dir.path(), &spec))
        .success()
        .stdout(predicate::str::contains(
            "0 already there; 2 references kept as text (not plain file names)",
        ))
        .stderr(predicate::str::contains(
            "the media name \"../../../tmp/pwn.png\" in a note is not a plain file name",
        ))
        .stderr(predicate::str::contains("the media name \"sub/x.mp3\""));
    let deck = std::fs::read_to_string(dir.path().join("decks/default.toml")).unwrap();
    assert!(
        deck.contains(
            "back = \"[image: ../../../tmp/pwn.png] [sound file: sub/x.mp3] ![](media/ok.png)\""
        ),
        "{deck}"
    );
}

#[test]
fn a_collection_without_a_rollover_hour_brings_anki_s_4_keeping_the_comment() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "rollover_hour = 2  # keep\n").unwrap();
    // The collection's conf is `{}`: no `rollover` key, so Anki used 4.
    let file = package_named(dir.path(), &Spec::default(), "all.colpkg");
    import(dir.path(), &file)
        .success()
        .stdout(predicate::str::contains(
            "day rollover: 4:00, Anki's default, which the collection used (it sets no hour of its \
         own); it replaces your rollover_hour = 2 in the settings",
        ));
    let text = std::fs::read_to_string(&config).unwrap();
    assert!(text.starts_with("rollover_hour = 4  # keep\n"), "{text}");
}

#[test]
fn media_over_100_mib_is_left_out() {
    let dir = tempfile::tempdir().unwrap();
    let big = vec![0u8; (100 << 20) + 1];
    let spec = Spec {
        media: vec![
            ("big.bin".into(), big),
            ("small.png".into(), b"png".to_vec()),
        ],
        ..Spec::default()
    };
    import(dir.path(), &package(dir.path(), &spec))
        .success()
        .stderr(predicate::str::contains(
            "media file big.bin not copied: it is over 100 MiB",
        ));
    assert!(!dir.path().join("decks/media/big.bin").exists());
    assert_eq!(
        std::fs::read(dir.path().join("decks/media/small.png")).unwrap(),
        b"png"
    );
}

#[test]
fn a_second_import_adds_nothing_and_needs_force_for_decks() {
    let dir = tempfile::tempdir().unwrap();
    let file = package(dir.path(), &Spec::default());
    import(dir.path(), &file).success();
    let log = dir.path().join("data/reviews/anki-deck.jsonl");
    let before = std::fs::read(&log).unwrap();
    import(dir.path(), &file)
        .failure()
        .stderr(predicate::str::contains("already exists; pass --force"));
    Command::cargo_bin("flashdeck")
        .unwrap()
        .env("TZ", "UTC")
        .args([
            "--decks",
            "decks",
            "--data-dir",
            "data",
            "--config",
            "config.toml",
        ])
        .current_dir(dir.path())
        .arg("import")
        .arg("--force")
        .arg(&file)
        .assert()
        .success()
        .stdout(predicate::str::contains("0 events new"));
    assert_eq!(std::fs::read(&log).unwrap(), before);
}
