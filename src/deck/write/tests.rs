use super::*;
use crate::deck::{Source, load_configured};
use crate::paths::{Location, Origin};

const DECK: &str =
    "[deck]\nname = \"Spanish\"\n\n[[cards]]\nfront = \"el perro\"\nback = \"the dog\"\n";

/// A decks folder (with `origin`) and a data folder inside `root`.
fn locations(root: &Path, origin: Origin) -> Locations {
    let at = |name: &str, origin| Location {
        path: root.join(name),
        origin,
    };
    Locations {
        decks: at("decks", origin),
        data_dir: at("data", origin),
        config: at("config.toml", origin),
    }
}

fn new_card() -> NewCard {
    NewCard {
        front: "el gato".into(),
        back: "the cat".into(),
        tags: vec!["animals".into()],
        ..NewCard::default()
    }
}

fn setup() -> (tempfile::TempDir, Locations) {
    let root = tempfile::tempdir().unwrap();
    let locations = locations(root.path(), Origin::Flag);
    std::fs::create_dir_all(locations.decks.path.join("lang")).unwrap();
    std::fs::write(locations.decks.path.join("lang/spanish.toml"), DECK).unwrap();
    (root, locations)
}

#[test]
fn a_card_is_appended_to_the_decks_file() {
    let (_root, locations) = setup();
    let added = add_card(&locations, &DeckId::new("lang/spanish"), &new_card()).unwrap();
    let path = locations.decks.path.join("lang/spanish.toml");
    assert_eq!(added.path, path);
    // Six lines, a blank one, then the table on line 8.
    assert_eq!(added.line, 8);
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        format!(
            "{DECK}\n[[cards]]\nfront = \"el gato\"\nback = \"the cat\"\ntags = [\"animals\"]\n"
        )
    );
    assert_eq!(added.card.deck(), "lang/spanish");
}

#[test]
fn ids_that_leave_the_folder_are_refused_and_nothing_is_written() {
    let (root, locations) = setup();
    std::fs::write(root.path().join("outside.toml"), DECK).unwrap();
    for id in [
        "../outside",
        "/etc/passwd",
        "lang/../../outside",
        ".hidden",
        "lang//spanish",
        "",
    ] {
        let error = add_card(&locations, &DeckId::new(id), &new_card()).unwrap_err();
        assert!(matches!(error, AddError::BadId { .. }), "{id}: {error}");
    }
    assert_eq!(
        add_card(&locations, &DeckId::new("../outside"), &new_card())
            .unwrap_err()
            .to_string(),
        "`../outside` is not a deck id: `..` would leave the decks folder"
    );
    assert_eq!(
        std::fs::read_to_string(root.path().join("outside.toml")).unwrap(),
        DECK
    );
}

#[cfg(unix)]
#[test]
fn links_are_followed_inside_the_folder_and_refused_out_of_it() {
    let (root, locations) = setup();
    let decks = &locations.decks.path;
    std::fs::write(root.path().join("outside.toml"), DECK).unwrap();
    std::os::unix::fs::symlink(root.path().join("outside.toml"), decks.join("away.toml")).unwrap();
    let error = add_card(&locations, &DeckId::new("away"), &new_card()).unwrap_err();
    assert!(matches!(error, AddError::Outside { .. }), "{error}");
    assert_eq!(
        std::fs::read_to_string(root.path().join("outside.toml")).unwrap(),
        DECK
    );
    // A folder link that leads out is refused the same way.
    std::fs::create_dir(root.path().join("elsewhere")).unwrap();
    std::fs::write(root.path().join("elsewhere/x.toml"), DECK).unwrap();
    std::os::unix::fs::symlink(root.path().join("elsewhere"), decks.join("far")).unwrap();
    let error = add_card(&locations, &DeckId::new("far/x"), &new_card()).unwrap_err();
    assert!(matches!(error, AddError::Outside { .. }), "{error}");
    // A link inside the folder stays a link; its target gets the card.
    std::os::unix::fs::symlink(decks.join("lang/spanish.toml"), decks.join("es.toml")).unwrap();
    add_card(&locations, &DeckId::new("es"), &new_card()).unwrap();
    assert!(
        decks
            .join("es.toml")
            .symlink_metadata()
            .unwrap()
            .is_symlink()
    );
    let target = std::fs::read_to_string(decks.join("lang/spanish.toml")).unwrap();
    assert!(target.starts_with(DECK) && target.contains("el gato"));
}

#[test]
fn an_unknown_deck_lists_the_nearest_ids() {
    let (_root, locations) = setup();
    std::fs::write(locations.decks.path.join("lang/french.toml"), DECK).unwrap();
    std::fs::write(locations.decks.path.join("maths.toml"), DECK).unwrap();
    let error = add_card(&locations, &DeckId::new("spansh"), &new_card()).unwrap_err();
    let AddError::Unknown { nearest, .. } = &error else {
        panic!("{error}")
    };
    // "spansh" is 1 edit from "spanish" (the last part of lang/spanish), 4 from "french", 5
    // from "maths".
    assert_eq!(nearest, &["lang/spanish", "lang/french", "maths"]);
    assert!(
        error.to_string().starts_with("no deck `spansh` ("),
        "{error}"
    );
    // A folder of decks is not a deck.
    let error = add_card(&locations, &DeckId::new("lang"), &new_card()).unwrap_err();
    assert!(matches!(error, AddError::NotAFile(_)), "{error}");
}

#[test]
fn a_broken_deck_is_left_byte_for_byte_and_untouched() {
    let (_root, locations) = setup();
    let path = locations.decks.path.join("lang/spanish.toml");
    let broken = DECK.replace("back =", "bak =");
    std::fs::write(&path, &broken).unwrap();
    let modified = std::fs::metadata(&path).unwrap().modified().unwrap();
    let error = add_card(&locations, &DeckId::new("lang/spanish"), &new_card()).unwrap_err();
    assert!(
        matches!(&error, AddError::Append(AppendError::Broken { problems, .. }) if problems.len() == 2),
        "{error}"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), broken);
    assert_eq!(
        std::fs::metadata(&path).unwrap().modified().unwrap(),
        modified
    );
}

#[test]
fn the_built_in_deck_is_written_out_once_and_then_takes_cards() {
    let root = tempfile::tempdir().unwrap();
    let locations = locations(root.path(), Origin::Default);
    let id = DeckId::new(bundled::ID);
    let path = root.path().join("decks/sales-optimization-levers.toml");
    // Before: the deck has no file.
    let error = add_card(&locations, &id, &new_card()).unwrap_err();
    assert_eq!(
        error.to_string(),
        format!(
            "the built-in deck has no file; `flashdeck init` writes it to {}",
            path.display()
        )
    );
    assert_eq!(write_bundled_deck(&locations).unwrap(), path);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), bundled::TEXT);
    // The file shadows the compiled-in deck: one deck, read from the file.
    let collection = load_configured(&locations).unwrap();
    assert_eq!(collection.decks.len(), 1);
    assert_eq!(collection.decks[0].source, Source::File(path.clone()));
    // A second write refuses and leaves the file as it is.
    let added = add_card(&locations, &id, &new_card()).unwrap();
    let with_card = std::fs::read(&path).unwrap();
    let error = write_bundled_deck(&locations).unwrap_err();
    assert_eq!(error.kind(), io::ErrorKind::AlreadyExists);
    assert_eq!(std::fs::read(&path).unwrap(), with_card);
    assert_eq!(added.card.deck(), bundled::ID);
}

#[test]
fn nearest_ranks_by_the_closer_of_the_whole_id_and_its_last_part() {
    let ids: Vec<String> = ["a/cats", "dogs", "cars", "zzzzzz"]
        .map(String::from)
        .to_vec();
    // "cats": 0 from a/cats's last part, 1 from cars, 3 from dogs, 6 from zzzzzz.
    assert_eq!(nearest("cats", &ids, 3), ["a/cats", "cars", "dogs"]);
    assert!(nearest("x", &[], 3).is_empty());
}
