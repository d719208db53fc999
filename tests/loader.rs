//! The loader on one fixture file per failure mode: exact line and column, and a message that
//! says what is wrong. Huge files and fields are generated here rather than committed.

use std::path::{Path, PathBuf};

use flashdeck::deck::{self, DeckId, Problem, load_dir, load_file};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/decks")
        .join(name)
}

fn problems(name: &str) -> Vec<Problem> {
    load_file(&fixture(name), DeckId::new("fixture")).expect_err("the fixture is invalid")
}

/// Asserts the file has exactly these problems: (line, column, part of the message).
fn assert_problems(name: &str, expected: &[(usize, usize, &str)]) {
    let found = problems(name);
    let positions: Vec<_> = found.iter().map(|p| (p.line, p.column)).collect();
    let wanted: Vec<_> = expected.iter().map(|&(l, c, _)| (l, c)).collect();
    assert_eq!(positions, wanted, "{name}: {found:#?}");
    for (problem, (_, _, text)) in found.iter().zip(expected) {
        assert!(
            problem.message.contains(text),
            "{name}: {:?} lacks {text:?}",
            problem.message
        );
        assert!(problem.to_string().starts_with(&format!(
            "{}:{}:{}: ",
            fixture(name).display(),
            problem.line,
            problem.column
        )));
    }
}

#[test]
fn syntax_error_points_at_the_unclosed_string() {
    // `front = "Unclosed string` is 24 characters; the string runs into the line's end.
    assert_problems("invalid/syntax-error.toml", &[(5, 25, "invalid TOML")]);
}

#[test]
fn unknown_keys_suggest_the_known_one() {
    assert_problems(
        "invalid/unknown-key.toml",
        &[(5, 1, "unknown key `frnt` in a card; did you mean `front`?")],
    );
    assert_problems(
        "invalid/synonym-key.toml",
        &[(
            5,
            1,
            "unknown key `question` in a card; did you mean `front`?",
        )],
    );
}

#[test]
fn duplicate_ids_and_fronts_name_the_first_card() {
    assert_problems(
        "invalid/duplicate-id.toml",
        &[(9, 1, "duplicate id `paris`: the card at line 4 has it too")],
    );
    assert_problems(
        "invalid/duplicate-front.toml",
        &[(
            8,
            1,
            "duplicate front: the card at line 4 has the same front",
        )],
    );
}

#[test]
fn blank_and_missing_sides() {
    assert_problems("invalid/empty-front.toml", &[(5, 9, "`front` is empty")]);
    assert_problems("invalid/empty-back.toml", &[(6, 8, "`back` is empty")]);
    assert_problems(
        "invalid/missing-back.toml",
        &[(4, 1, "card is missing `back`")],
    );
}

#[test]
fn a_deck_needs_cards_and_a_name() {
    assert_problems("invalid/no-cards.toml", &[(1, 1, "the deck has no cards")]);
    assert_problems(
        "invalid/empty-cards-array.toml",
        &[(1, 9, "the deck has no cards")],
    );
    assert_problems(
        "invalid/missing-name.toml",
        &[(1, 1, "`[deck]` is missing `name`")],
    );
}

#[test]
fn wrong_types_and_bad_ids() {
    assert_problems(
        "invalid/wrong-type.toml",
        &[(6, 8, "`back` must be a string, not integer")],
    );
    assert_problems(
        "invalid/bad-id.toml",
        &[(5, 6, "`id` may only hold letters, digits")],
    );
    assert_problems(
        "invalid/bad-exam.toml",
        &[(3, 8, "`exam` must be a date, like 2026-12-15")],
    );
}

#[test]
fn invalid_utf8_points_at_the_first_bad_byte() {
    // Line 2 is `name = "Latin-1 \xe9t\xe9"`: 16 valid characters, then byte 0xe9.
    assert_problems(
        "invalid/invalid-utf8.toml",
        &[(2, 17, "invalid UTF-8 (byte 0xe9)")],
    );
}

#[test]
fn every_problem_in_a_file_is_reported_in_order() {
    assert_problems(
        "invalid/many-problems.toml",
        &[
            (1, 1, "`[deck]` is missing `name`"),
            (2, 1, "unknown key `nme`"),
            (4, 1, "card is missing `back`"),
            (6, 1, "unknown key `bak`"),
            (9, 9, "`front` is empty"),
            (12, 1, "duplicate front: the card at line 4"),
            (15, 8, "`tags` must be a list of strings"),
        ],
    );
}

#[test]
fn a_field_over_64_kib_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge-field.toml");
    let back = "x".repeat(deck::MAX_FIELD_BYTES + 1);
    std::fs::write(
        &path,
        format!("[deck]\nname = \"Huge\"\n\n[[cards]]\nfront = \"a\"\nback = \"{back}\"\n"),
    )
    .unwrap();
    let found = load_file(&path, DeckId::new("huge")).unwrap_err();
    assert_eq!(found.len(), 1);
    assert_eq!((found[0].line, found[0].column), (6, 8));
    assert!(
        found[0].message.contains("at most 64 KiB"),
        "{}",
        found[0].message
    );

    // Exactly 64 KiB is allowed.
    let back = "x".repeat(deck::MAX_FIELD_BYTES);
    std::fs::write(
        &path,
        format!("[deck]\nname = \"Big\"\n\n[[cards]]\nfront = \"a\"\nback = \"{back}\"\n"),
    )
    .unwrap();
    assert!(load_file(&path, DeckId::new("big")).is_ok());
}

#[test]
fn a_file_over_16_mib_is_refused_before_parsing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.toml");
    // Not even TOML: the size check must come first, so the message is about size.
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(deck::MAX_FILE_BYTES + 1).unwrap();
    let found = load_file(&path, DeckId::new("huge")).unwrap_err();
    assert_eq!(found.len(), 1);
    assert_eq!((found[0].line, found[0].column), (1, 1));
    assert!(
        found[0].message.contains("over 16 MiB"),
        "{}",
        found[0].message
    );
}

#[test]
fn a_valid_folder_loads_with_ids_from_paths() {
    let collection = load_dir(&fixture("valid"));
    assert!(collection.broken.is_empty(), "{:?}", collection.broken);
    let deck = &collection.decks[0];
    assert_eq!(deck.id.as_str(), "languages/spanish");
    assert_eq!(deck.name, "Spanish basics");
    assert_eq!(deck.tags, ["spanish", "a1"]);
    let ids: Vec<_> = deck.cards.iter().map(|c| c.id.as_str()).collect();
    // "el perro" is reversed, so it yields two cards; the second key has the `~r` suffix.
    assert_eq!(ids.len(), 4);
    assert_eq!(
        ids[0],
        format!("languages/spanish/{}", deck::key::hashed_key("el perro"))
    );
    assert_eq!(ids[1], format!("{}~r", ids[0]));
    assert_eq!(ids[2], "languages/spanish/gato");
    assert_eq!(deck.cards[1].front, "the dog");
    assert_eq!(deck.cards[1].back, "el perro");
    assert!(deck.cards[1].reversed);
    assert_eq!(deck.cards[2].hint.as_deref(), Some("It says miau."));
    assert_eq!(deck.cards[3].back, "- yo soy\n- tú eres\n- él es");
}

#[test]
fn a_folder_reports_broken_files_beside_valid_ones() {
    let collection = load_dir(&fixture(""));
    assert_eq!(collection.decks.len(), 1);
    assert_eq!(collection.broken.len(), 16);
    assert!(
        collection
            .broken
            .iter()
            .any(|b| b.id.as_str() == "invalid/no-cards")
    );
}

/// The parse cache gives back exactly what parsing gives, follows every change to the files,
/// and never replaces a file it did not write.
#[test]
fn the_parse_cache_matches_parsing_and_follows_edits() {
    let dir = tempfile::tempdir().unwrap();
    let decks = dir.path().join("decks");
    std::fs::create_dir_all(decks.join("sub")).unwrap();
    let deck = |name: &str, back: &str| {
        format!("[deck]\nname = \"{name}\"\n[[cards]]\nfront = \"q\"\nback = \"{back}\"\n")
    };
    std::fs::write(decks.join("a.toml"), deck("A", "one")).unwrap();
    std::fs::write(decks.join("sub/b.toml"), deck("B", "two")).unwrap();
    std::fs::write(decks.join("broken.toml"), "[deck\n").unwrap();
    let cache = dir.path().join("cache/decks.bin");

    let parsed = load_dir(&decks);
    let first = deck::load::load_dir_cached(&decks, &cache);
    assert!(cache.exists());
    let second = deck::load::load_dir_cached(&decks, &cache);
    assert_eq!(first.decks, parsed.decks);
    assert_eq!(
        second.decks, parsed.decks,
        "from the cache, sources included"
    );
    assert_eq!(second.broken.len(), 1, "broken files are parsed every time");

    // An edit of the same length is still seen: the cache compares the bytes' hash.
    std::fs::write(decks.join("a.toml"), deck("A", "uno")).unwrap();
    std::fs::remove_file(decks.join("sub/b.toml")).unwrap();
    let third = deck::load::load_dir_cached(&decks, &cache);
    assert_eq!(third.decks.len(), 1);
    assert_eq!(third.decks[0].cards[0].back, "uno");
    assert_eq!(third.decks, load_dir(&decks).decks);

    // A damaged cache is rebuilt; a foreign file is left as it is.
    let bytes = std::fs::read(&cache).unwrap();
    std::fs::write(&cache, &bytes[..bytes.len() / 2]).unwrap();
    assert_eq!(
        deck::load::load_dir_cached(&decks, &cache).decks,
        third.decks
    );
    assert_eq!(
        deck::load::load_dir_cached(&decks, &cache).decks,
        third.decks
    );
    // Cut short inside its first line, even to nothing, it is still flashdeck's: rebuilt.
    for cut in [0, 5] {
        std::fs::write(&cache, &bytes[..cut]).unwrap();
        let _ = deck::load::load_dir_cached(&decks, &cache);
        assert!(std::fs::read(&cache).unwrap().len() > 21, "cut at {cut}");
    }
    std::fs::write(&cache, "my notes").unwrap();
    assert_eq!(
        deck::load::load_dir_cached(&decks, &cache).decks,
        third.decks
    );
    assert_eq!(std::fs::read_to_string(&cache).unwrap(), "my notes");
}

/// A deck's id is its path under the decks folder: the same cache, with the folder moved up
/// or down a level, gives the ids a parse gives (found by a tester: the old ids came back,
/// and the cards' history was looked up under them).
#[test]
fn the_parse_cache_follows_the_decks_folder_not_only_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("root");
    std::fs::create_dir_all(root.join("decks")).unwrap();
    let text = "[deck]\nname = \"A\"\n[[cards]]\nfront = \"q\"\nback = \"b\"\n";
    std::fs::write(root.join("decks/a.toml"), text).unwrap();
    let cache = dir.path().join("cache/decks.bin");
    let ids = |folder: &Path| -> Vec<String> {
        let loaded = deck::load::load_dir_cached(folder, &cache);
        let mut ids: Vec<String> = loaded.decks.iter().map(|d| d.id.to_string()).collect();
        ids.extend(
            loaded.decks[0]
                .cards
                .iter()
                .map(|c| c.id.as_str().to_owned()),
        );
        ids
    };
    assert_eq!(ids(&root)[0], "decks/a");
    let inner = ids(&root.join("decks"));
    assert_eq!(inner[0], "a");
    assert!(inner[1].starts_with("a/"), "{inner:?}");
    assert_eq!(ids(&root)[0], "decks/a");
}

/// A bit flipped anywhere in the deck cache (a disk's or a copy's error) never reaches a
/// deck: each load gives the decks the files give.
#[test]
fn a_byte_changed_anywhere_in_the_parse_cache_is_never_relied_on() {
    let dir = tempfile::tempdir().unwrap();
    let decks = dir.path().join("decks");
    std::fs::create_dir_all(&decks).unwrap();
    let text = "[deck]\nname = \"Café\"\n[[cards]]\nfront = \"Café crème\"\nback = \"b\"\ntags = [\"x\"]\n";
    std::fs::write(decks.join("a.toml"), text).unwrap();
    let cache = dir.path().join("cache/decks.bin");
    let parsed = load_dir(&decks).decks;
    let _ = deck::load::load_dir_cached(&decks, &cache);
    let whole = std::fs::read(&cache).unwrap();
    for at in 0..whole.len() {
        let mut changed = whole.clone();
        changed[at] ^= 0x04;
        std::fs::write(&cache, &changed).unwrap();
        assert_eq!(
            deck::load::load_dir_cached(&decks, &cache).decks,
            parsed,
            "byte {at}"
        );
    }
}
