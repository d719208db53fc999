//! `flashdeck add` and `flashdeck init` through the real binary, on deck files in a temporary
//! home: what was in a file stays a byte-for-byte prefix, the result passes `check`, and every
//! refusal exits 1 with the file untouched.

use std::path::{Path, PathBuf};

use flashdeck::deck::{Deck, DeckId, load_file};
use tempfile::TempDir;

#[path = "support/temp_home.rs"]
mod temp_home;
use temp_home::flashdeck;

/// Comments, odd spacing, a literal string and no line break at the end: 10 lines.
const SPANISH: &str = "# Spanish, my way.   \n[deck]\nname    =   \"Spanish\"   # the name\n  \
                       tags = [ \"es\" ]\n\n[[cards]]\nid = \"perro\"\nfront = \"el perro\"\n\
                       back  = 'the dog'\n# the end, without a line break";

/// A decks folder in `home` holding `lang/es.toml` with `text`.
fn decks_with(home: &TempDir, text: &[u8]) -> (PathBuf, PathBuf) {
    let decks = home.path().join("decks");
    std::fs::create_dir_all(decks.join("lang")).unwrap();
    let file = decks.join("lang/es.toml");
    std::fs::write(&file, text).unwrap();
    (decks, file)
}

fn load(file: &Path) -> Deck {
    load_file(file, DeckId::new("lang/es")).unwrap()
}

/// `flashdeck --decks DECKS add`, for the arguments to follow.
fn add(home: &TempDir, decks: &Path) -> assert_cmd::Command {
    let mut cmd = flashdeck(home);
    cmd.arg("--decks").arg(decks).arg("add");
    cmd
}

fn stderr_of(output: &std::process::Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

#[test]
fn a_card_is_appended_the_old_bytes_stay_and_check_passes() {
    let home = TempDir::new().unwrap();
    let (decks, file) = decks_with(&home, SPANISH.as_bytes());
    add(&home, &decks)
        .args(["lang/es", "--front", "el gato", "--back", "the cat"])
        .args([
            "--tag",
            "animals",
            "--tag",
            "a1",
            "--reverse",
            "--id",
            "gato",
        ])
        .assert()
        .success()
        // Line 10 gets its line break, 11 is blank, the table starts on 12.
        .stdout(format!(
            "added `lang/es/gato` (and its reverse `lang/es/gato~r`) at {}:12\n",
            file.display()
        ));
    let written = std::fs::read_to_string(&file).unwrap();
    assert_eq!(
        written,
        format!(
            "{SPANISH}\n\n[[cards]]\nid = \"gato\"\nfront = \"el gato\"\nback = \"the cat\"\n\
             tags = [\"animals\", \"a1\"]\nreverse = true\n"
        )
    );
    flashdeck(&home)
        .arg("--decks")
        .arg(&decks)
        .arg("check")
        .assert()
        .success()
        .stdout("ok: 1 deck with 3 cards\n");
    let deck = load(&file);
    let gato = deck
        .cards
        .iter()
        .find(|c| c.id.as_str() == "lang/es/gato")
        .unwrap();
    assert_eq!(
        (gato.line, gato.tags.to_vec()),
        (12, vec!["animals".to_owned(), "a1".to_owned()])
    );
}

#[test]
fn a_card_without_an_id_is_keyed_by_its_front_and_the_deck_can_be_a_file() {
    let home = TempDir::new().unwrap();
    let (decks, file) = decks_with(&home, SPANISH.as_bytes());
    // The key is docs/deck-format.md's worked example for this front.
    add(&home, &decks)
        .arg(&file)
        .args(["--front", "What is KAM's essence?", "--back", "Focus."])
        .assert()
        .success()
        .stdout(format!(
            "added `lang/es/1a54a8634013` at {}:12\n",
            file.display()
        ));
}

#[test]
fn crlf_and_byte_order_marks_are_kept_and_followed() {
    let home = TempDir::new().unwrap();
    let crlf = format!("\u{feff}{}", SPANISH.replace('\n', "\r\n"));
    let (decks, file) = decks_with(&home, crlf.as_bytes());
    add(&home, &decks)
        .args(["lang/es", "--front", "two\nlines", "--back", "b"])
        .assert()
        .success();
    let written = std::fs::read(&file).unwrap();
    let added = std::str::from_utf8(&written[crlf.len()..]).unwrap();
    assert!(written.starts_with(crlf.as_bytes()));
    assert_eq!(
        added,
        "\r\n\r\n[[cards]]\r\nfront = \"two\\nlines\"\r\nback = \"b\"\r\n"
    );
    let deck = load(&file);
    assert_eq!(deck.cards[1].front, "two\nlines");
    flashdeck(&home).arg("check").arg(&file).assert().success();
}

#[test]
fn nasty_text_reads_back_exactly() {
    let home = TempDir::new().unwrap();
    let (decks, file) = decks_with(&home, SPANISH.as_bytes());
    let front = r#"[x] "quoted" \back\slash \"\"\" '''"#;
    let back = "line one\n\"\"\"\n  indented 🎉 עברית \u{200f}\ttab\\";
    let tag = "naïve \"tag\"";
    flashdeck(&home)
        .arg("--decks")
        .arg(&decks)
        .args([
            "add", "lang/es", "--front", front, "--back", back, "--tag", tag,
        ])
        .args(["--hint", "-starts with a dash"])
        .assert()
        .success();
    assert!(std::fs::read_to_string(&file).unwrap().starts_with(SPANISH));
    let deck = load(&file);
    let card = &deck.cards[1];
    assert_eq!((card.front.as_str(), card.back.as_str()), (front, back));
    assert_eq!(*card.tags, [tag]);
    assert_eq!(card.hint.as_deref(), Some("-starts with a dash"));
}

/// Runs `add` expecting exit 1, and checks the file kept its bytes and its modification time.
fn refused(home: &TempDir, decks: &Path, file: &Path, args: &[&str]) -> String {
    let before = std::fs::read(file).unwrap();
    let modified = std::fs::metadata(file).unwrap().modified().unwrap();
    let assert = add(home, decks).args(args).assert().code(1);
    assert!(assert.get_output().stdout.is_empty());
    assert_eq!(std::fs::read(file).unwrap(), before);
    assert_eq!(
        std::fs::metadata(file).unwrap().modified().unwrap(),
        modified
    );
    stderr_of(assert.get_output())
}

#[test]
fn a_front_already_in_the_deck_is_refused_naming_its_line() {
    let home = TempDir::new().unwrap();
    let (decks, file) = decks_with(&home, SPANISH.as_bytes());
    add(&home, &decks)
        .args(["lang/es", "--front", "el gato", "--back", "the cat"])
        .assert()
        .success();
    // Case, spacing and punctuation aside, the same front as the card just added on line 12.
    let stderr = refused(
        &home,
        &decks,
        &file,
        &["lang/es", "--front", " EL  GATO!", "--back", "x"],
    );
    assert_eq!(
        stderr,
        "the card at line 12 has the same front (ignoring case, spacing and punctuation); give \
         the new card an `id` to keep both\n"
    );
    let stderr = refused(
        &home,
        &decks,
        &file,
        &["lang/es", "--front", "otro", "--back", "x", "--id", "perro"],
    );
    assert_eq!(
        stderr,
        "the card at line 6 already has the key `perro`; choose another `id`\n"
    );
}

#[test]
fn a_deck_with_problems_is_refused_with_them_and_left_alone() {
    let home = TempDir::new().unwrap();
    let broken = SPANISH.replace("back  =", "bak =");
    let (decks, file) = decks_with(&home, broken.as_bytes());
    let stderr = refused(
        &home,
        &decks,
        &file,
        &["lang/es", "--front", "f", "--back", "b"],
    );
    let path = file.display();
    assert_eq!(
        stderr,
        format!(
            "{path} has problems; fix them, then add the card again:\n  \
             {path}:6:1: card is missing `back`\n  \
             {path}:9:1: unknown key `bak` in a card; did you mean `back`?\n"
        )
    );
}

#[test]
fn empty_fields_ids_that_leave_the_folder_and_unknown_decks_are_refused() {
    let home = TempDir::new().unwrap();
    let (decks, file) = decks_with(&home, SPANISH.as_bytes());
    let stderr = refused(
        &home,
        &decks,
        &file,
        &["lang/es", "--front", " ", "--back", "b"],
    );
    assert_eq!(stderr, "`front` is empty\n");
    let outside = home.path().join("outside.toml");
    std::fs::write(&outside, SPANISH).unwrap();
    let stderr = refused(
        &home,
        &decks,
        &outside,
        &["../outside", "--front", "f", "--back", "b"],
    );
    assert_eq!(
        stderr,
        "`../outside` is not a deck id: `..` would leave the decks folder\n"
    );
    let stderr = refused(
        &home,
        &decks,
        &file,
        &["lang/esp", "--front", "f", "--back", "b"],
    );
    assert!(
        stderr.starts_with(&format!(
            "no deck `lang/esp` ({} does not exist); the nearest: `lang/es`.",
            decks.join("lang/esp.toml").display()
        )),
        "{stderr}"
    );
}

#[test]
fn init_writes_the_built_in_deck_once_and_add_needs_it() {
    let home = TempDir::new().unwrap();
    let path = home
        .path()
        .join("data/decks/sales-optimization-levers.toml");
    let assert = flashdeck(&home)
        .args([
            "add",
            "sales-optimization-levers",
            "--front",
            "f",
            "--back",
            "b",
        ])
        .assert()
        .code(1);
    assert_eq!(
        stderr_of(assert.get_output()),
        format!(
            "the built-in deck has no file; `flashdeck init` writes it to {}\n",
            path.display()
        )
    );
    assert!(!home.path().join("data/decks").exists());

    flashdeck(&home)
        .arg("init")
        .assert()
        .success()
        .stdout(format!(
            "wrote the built-in deck to {}; edit it, or add cards with `flashdeck add`\n",
            path.display()
        ));
    let bundled = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("decks/sales-optimization-levers.toml"),
    )
    .unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), bundled);
    // Listed once, from its file.
    let listed = flashdeck(&home).args(["list", "--json"]).assert().success();
    let rows: serde_json::Value = serde_json::from_slice(&listed.get_output().stdout).unwrap();
    assert_eq!(rows.as_array().unwrap().len(), 1, "{rows}");
    assert_eq!(rows[0]["file"], path.display().to_string());

    let assert = flashdeck(&home).arg("init").assert().code(1);
    assert_eq!(
        stderr_of(assert.get_output()),
        format!("{} already exists; nothing was written\n", path.display())
    );
    assert_eq!(std::fs::read(&path).unwrap(), bundled);

    flashdeck(&home)
        .args([
            "add",
            "sales-optimization-levers",
            "--front",
            "New card",
            "--back",
            "b",
        ])
        .assert()
        .success();
    assert!(std::fs::read(&path).unwrap().starts_with(&bundled));
    flashdeck(&home)
        .arg("check")
        .assert()
        .success()
        .stdout("ok: 1 deck with 101 cards\n");
}

#[test]
fn adds_at_the_same_time_take_turns_and_lose_no_card() {
    let home = TempDir::new().unwrap();
    let (decks, file) = decks_with(&home, b"[deck]\nname = \"Spanish\"\n");
    // Twelve processes at once, one thread waiting on each.
    std::thread::scope(|scope| {
        for i in 0..12 {
            let (home, decks) = (&home, &decks);
            scope.spawn(move || {
                add(home, decks)
                    .args(["lang/es", "--front", &format!("word {i}"), "--back", "x"])
                    .assert()
                    .success();
            });
        }
    });
    let deck = load(&file);
    let mut fronts: Vec<String> = deck.cards.iter().map(|c| c.front.clone()).collect();
    fronts.sort();
    let mut expected: Vec<String> = (0..12).map(|i| format!("word {i}")).collect();
    expected.sort();
    assert_eq!(fronts, expected);
}
