//! The decks' heads for the first frame (`cache/heads.bin`) and the parse cache's stamps: a
//! deck file is taken unread only while its stamp is the cached one and settled, and the
//! heads only when every file is so; any write, however it hides, is seen.

use std::fmt::Write as _;
use std::path::Path;
use std::time::Duration;

use flashdeck::deck::load::{heads_of_dir, load_dir, load_dir_cached};

fn deck(name: &str, back: &str) -> String {
    format!(
        "# my notes\n[deck]\nname = \"{name}\"\n[[cards]]\nfront = \"q\"\nback = \"{back}\"\n\
         [[cards]]\nfront = \"r\"\nback = \"s\"\nreverse = true\n"
    )
}

/// The heads of `decks`: each deck's name and number of cards.
fn heads(decks: &Path, cache: &Path) -> Option<Vec<(String, usize)>> {
    let heads = heads_of_dir(decks, cache)?;
    Some(
        heads
            .into_iter()
            .map(|(deck, cards)| (deck.name, cards))
            .collect(),
    )
}

/// Writes `text` at `path` and gives it the modified time `like` had before.
fn write_with_modified_of(path: &Path, text: &str, like: &Path) {
    let modified = std::fs::metadata(like).unwrap().modified().unwrap();
    std::fs::write(path, text).unwrap();
    let file = std::fs::File::options().write(true).open(path).unwrap();
    file.set_modified(modified).unwrap();
}

#[test]
fn the_heads_stand_for_unchanged_files_only_and_every_write_is_seen() {
    let dir = tempfile::tempdir().unwrap();
    let decks = dir.path().join("decks");
    std::fs::create_dir_all(decks.join("sub")).unwrap();
    let cache = dir.path().join("cache/decks.bin");
    std::fs::write(decks.join("a.toml"), deck("A", "one")).unwrap();
    std::fs::write(decks.join("sub/b.toml"), deck("B", "two")).unwrap();
    assert_eq!(heads(&decks, &cache), None, "no caches yet");
    // Files written in the two seconds before the caches are read again next time (their
    // stamps could hide a second write in the same tick); older ones are settled.
    let _ = load_dir_cached(&decks, &cache);
    assert_eq!(
        heads(&decks, &cache),
        None,
        "written in the same instant: not settled"
    );
    std::thread::sleep(Duration::from_millis(2_100));
    let loaded = load_dir_cached(&decks, &cache);
    assert_eq!(loaded.decks, load_dir(&decks).decks);
    // Three cards each: a reversed card is two.
    assert_eq!(
        heads(&decks, &cache),
        Some(vec![("A".to_owned(), 3), ("B".to_owned(), 3)])
    );
    let whole = heads_of_dir(&decks, &cache).unwrap();
    for ((head, _), deck) in whole.iter().zip(&loaded.decks) {
        assert_eq!(
            *head,
            deck.without_cards(),
            "the same deck, sources included"
        );
    }

    // Written in place, the same size, the modified time put back: the change time tells.
    let a = decks.join("a.toml");
    write_with_modified_of(&a, &deck("A", "uno"), &a);
    assert_eq!(heads(&decks, &cache), None);
    let edited = load_dir_cached(&decks, &cache);
    assert_eq!(edited.decks[0].cards[0].back, "uno");
    assert_eq!(edited.decks, load_dir(&decks).decks);

    // Replaced by another file of the same size and times: another inode.
    let b = decks.join("sub/b.toml");
    let other = dir.path().join("b.new");
    write_with_modified_of(&other, &deck("B", "dos"), &b);
    std::fs::rename(&other, &b).unwrap();
    assert_eq!(
        load_dir_cached(&decks, &cache).decks[1].cards[0].back,
        "dos"
    );

    // Settled again: the heads follow, and a deleted file's deck is gone from them.
    std::thread::sleep(Duration::from_millis(2_100));
    let _ = load_dir_cached(&decks, &cache);
    assert_eq!(heads(&decks, &cache).map(|h| h.len()), Some(2));
    std::fs::remove_file(&b).unwrap();
    assert_eq!(heads(&decks, &cache), Some(vec![("A".to_owned(), 3)]));

    // A new file, or one with problems, and the first frame waits for the decks.
    std::fs::write(decks.join("c.toml"), deck("C", "three")).unwrap();
    assert_eq!(heads(&decks, &cache), None);
    std::fs::write(decks.join("c.toml"), "[deck\n").unwrap();
    assert_eq!(heads(&decks, &cache), None);
    std::fs::remove_file(decks.join("c.toml")).unwrap();
    assert_eq!(heads(&decks, &cache).map(|h| h.len()), Some(1));

    // The same files seen from the parent folder have other deck ids.
    assert_eq!(heads_of_dir(dir.path(), &cache), None);

    // The deck files themselves are never written.
    assert_eq!(std::fs::read_to_string(&a).unwrap(), deck("A", "uno"));
}

/// A command writes the parse cache and the heads while it reads the log (after the decks are
/// loaded, not before): they are there when it ends, and the next run takes the decks from
/// them, the same as parsed.
#[test]
fn a_command_leaves_the_caches_written_and_the_next_one_reads_them() {
    let home = tempfile::tempdir().unwrap();
    let decks = home.path().join("decks");
    std::fs::create_dir_all(&decks).unwrap();
    std::fs::write(decks.join("a.toml"), deck("A", "one")).unwrap();
    let run = |args: &[&str]| {
        let output = assert_cmd::Command::cargo_bin("flashdeck")
            .unwrap()
            .args(args)
            .env("FLASHDECK_DECKS", &decks)
            .env("FLASHDECK_DATA_DIR", home.path().join("data"))
            .env("FLASHDECK_CONFIG", home.path().join("config.toml"))
            .output()
            .unwrap();
        assert!(output.status.success(), "{output:?}");
        String::from_utf8(output.stdout).unwrap()
    };
    let parsed = run(&["export", "--json"]);
    let cache = home.path().join("data/cache");
    assert!(cache.join("decks.bin").is_file());
    assert!(cache.join("heads.bin").is_file());
    let _ = run(&["due"]);
    assert_eq!(run(&["export", "--json"]), parsed, "from the cache");
    // The reversed card's front is the other card's back.
    assert!(parsed.contains("\"front\": \"s\""), "{parsed}");
}

/// Damaged heads are never used, and written again with the decks; a foreign file, or a
/// folder, is left as it is, and does not have the parse cache written again at each load.
#[test]
fn damaged_heads_are_rebuilt_and_foreign_ones_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let decks = dir.path().join("decks");
    std::fs::create_dir_all(&decks).unwrap();
    let cache = dir.path().join("cache/decks.bin");
    let heads_file = dir.path().join("cache/heads.bin");
    std::fs::write(decks.join("a.toml"), deck("A", "uno")).unwrap();
    std::thread::sleep(Duration::from_millis(2_100));
    let _ = load_dir_cached(&decks, &cache);
    assert_eq!(heads(&decks, &cache), Some(vec![("A".to_owned(), 3)]));
    let bytes = std::fs::read(&heads_file).unwrap();
    let mut damaged = bytes.clone();
    let middle = damaged.len() / 2;
    damaged[middle] ^= 0x10;
    std::fs::write(&heads_file, &damaged).unwrap();
    assert_eq!(heads(&decks, &cache), None);
    let _ = load_dir_cached(&decks, &cache);
    assert_eq!(heads(&decks, &cache), Some(vec![("A".to_owned(), 3)]));
    for cut in [0, 5, bytes.len() - 1] {
        std::fs::write(&heads_file, &bytes[..cut]).unwrap();
        assert_eq!(heads(&decks, &cache), None, "cut at {cut}");
        let _ = load_dir_cached(&decks, &cache);
        assert_eq!(
            heads(&decks, &cache).map(|h| h.len()),
            Some(1),
            "cut at {cut}"
        );
    }
    std::fs::write(&heads_file, "my notes").unwrap();
    assert_eq!(heads(&decks, &cache), None);
    std::fs::remove_file(&cache).unwrap();
    let _ = load_dir_cached(&decks, &cache);
    assert_eq!(std::fs::read_to_string(&heads_file).unwrap(), "my notes");
    // Left alone, it does not have the parse cache written again at every load; nor does a
    // folder there.
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let inode = |path: &Path| std::fs::metadata(path).unwrap().ino();
        let written = inode(&cache);
        let _ = load_dir_cached(&decks, &cache);
        assert_eq!(
            inode(&cache),
            written,
            "not rewritten for a foreign heads file"
        );
        std::fs::remove_file(&heads_file).unwrap();
        std::fs::create_dir(&heads_file).unwrap();
        let _ = load_dir_cached(&decks, &cache);
        let written = inode(&cache);
        let _ = load_dir_cached(&decks, &cache);
        assert_eq!(inode(&cache), written, "not rewritten for a folder there");
        assert!(heads_file.is_dir());
    }
}

/// The loading tells when the parse cache's update is written, so that a start leaving on a
/// signal while it reads the history waits for that write and leaves no temporary file (a
/// tester found 16 MB ones left, and `decks.bin` missing): once told, both caches are whole.
#[test]
fn the_loading_tells_when_the_caches_are_written() {
    let home = tempfile::tempdir().unwrap();
    let decks = home.path().join("decks");
    std::fs::create_dir_all(&decks).unwrap();
    for d in 0..8 {
        let mut text = format!("[deck]\nname = \"Deck {d}\"\n");
        for c in 0..2_500 {
            let _ = write!(
                text,
                "[[cards]]\nfront = \"question {d} {c} with some words\"\nback = \"answer {c}\"\n"
            );
        }
        std::fs::write(decks.join(format!("d{d}.toml")), text).unwrap();
    }
    let at = |path: std::path::PathBuf| flashdeck::paths::Location {
        path,
        origin: flashdeck::paths::Origin::Flag,
    };
    let locations = flashdeck::paths::Locations {
        decks: at(decks.clone()),
        data_dir: at(home.path().join("data")),
        config: at(home.path().join("config.toml")),
    };
    let (config, _) = flashdeck::config::load(&locations.config.path, true);
    let presets = flashdeck::library::presets(&config).unwrap();
    let now = flashdeck::library::now();
    let events = flashdeck::store::Events::OnDemand;
    let mut loading =
        flashdeck::library::load_decks_first(&locations, presets, now, events).unwrap();
    let written = loading.cache_written();
    let worker = std::thread::spawn(move || loading.finish().map(|_| ()));
    // Disconnected once written.
    assert!(written.recv().is_err());
    let cache = home.path().join("data/cache");
    let names: Vec<String> = std::fs::read_dir(&cache)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        names.iter().all(|name| !name.starts_with(".tmp")),
        "{names:?}"
    );
    assert!(names.contains(&"decks.bin".to_owned()), "{names:?}");
    assert!(names.contains(&"heads.bin".to_owned()), "{names:?}");
    worker.join().unwrap().unwrap();
}
