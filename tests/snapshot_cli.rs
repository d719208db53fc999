//! The replay snapshot a command writes on a cold start, beside its work on another thread
//! (docs/performance.md, "The snapshot written beside the command"): every command that
//! replays the log leaves a whole `cache/replay.bin` and no temporary file, however it ends,
//! and the next start, from that snapshot, says the same.

use std::fmt::Write as _;
use std::path::Path;

use tempfile::TempDir;

#[path = "support/bundled_home.rs"]
mod bundled_home;
use bundled_home::run;

/// A home with an empty log folder, and that folder.
fn home_with_reviews() -> (TempDir, std::path::PathBuf) {
    let home = TempDir::new().unwrap();
    let reviews = home.path().join("data/reviews");
    std::fs::create_dir_all(&reviews).unwrap();
    (home, reviews)
}

/// A log of 30,000 answers over 60 cards (ids no deck has: their history is kept all the
/// same), a day apart per card from 2024 on: a snapshot of some 400 KB, whose writing outlasts
/// a command's output.
fn home_with_long_history() -> TempDir {
    let (home, reviews) = home_with_reviews();
    let mut log = String::new();
    for n in 0..30_000u32 {
        let card = n % 60;
        let day = n / 60;
        let (month, day_of_month) = (1 + day / 28 % 12, 1 + day % 28);
        let year = 2024 + day / 336;
        let rating = 1 + (n * 7 % 4);
        writeln!(
            log,
            "{{\"id\":\"e{n}\",\"time\":\"{year}-{month:02}-{day_of_month:02}T09:{card:02}:00+01:00\",\
             \"card\":\"old/c{card}\",\"rating\":{rating},\"duration_ms\":4000}}"
        )
        .unwrap();
    }
    std::fs::write(reviews.join("laptop.jsonl"), log).unwrap();
    home
}

/// The files in `cache` other than the caches themselves: temporary files left behind.
fn leftovers(cache: &Path) -> Vec<String> {
    std::fs::read_dir(cache)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| !["replay.bin", "decks.bin", "heads.bin"].contains(&name.as_str()))
        .collect()
}

#[test]
fn every_command_that_replays_leaves_a_whole_snapshot_and_no_temporary_file() {
    let commands: [&[&str]; 6] = [
        &["due"],
        &["due", "--json"],
        &["cards", "--json", "deck:sales-optimization-levers"],
        &["export", "--json"],
        &["stats", "--json"],
        &["check"],
    ];
    for args in commands {
        let home = home_with_long_history();
        let cache = home.path().join("data/cache");
        let (code, cold, err) = run(&home, args);
        assert_eq!(code, Some(0), "{args:?}: {err}");
        assert!(
            cache.join("replay.bin").is_file(),
            "{args:?} left no snapshot: {:?}",
            leftovers(&cache)
        );
        assert_eq!(leftovers(&cache), Vec::<String>::new(), "{args:?}");
        let written = std::fs::read(cache.join("replay.bin")).unwrap();
        // From the snapshot, the same; and the snapshot is not written again.
        let (code, warm, err) = run(&home, args);
        assert_eq!(code, Some(0), "{args:?}: {err}");
        assert_eq!(warm, cold, "{args:?}");
        assert_eq!(std::fs::read(cache.join("replay.bin")).unwrap(), written);
    }
}

/// A temporary file that a command killed mid-write left in `cache` (a fresh tester's SIGTERM
/// during a cold `due` left 2 to 21 MB ones) goes at the next cold start; one of a process
/// still running stays.
#[test]
fn a_temporary_file_left_by_a_process_gone_is_swept() {
    let home = home_with_long_history();
    let cache = home.path().join("data/cache");
    std::fs::create_dir_all(&cache).unwrap();
    let gone = format!(".flashdeck-tmp-{}-Xy12ab", u32::MAX);
    let running = ".flashdeck-tmp-1-Xy12ab";
    for name in [gone.as_str(), running] {
        std::fs::write(cache.join(name), vec![0u8; 1 << 20]).unwrap();
    }
    let (code, _, err) = run(&home, &["due"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(cache.join("replay.bin").is_file());
    assert_eq!(leftovers(&cache), vec![running.to_owned()]);
}

/// A log whose last line has no newline (another program's append, or one cut short) is
/// replayed with that line, so no snapshot may say it stops before it: once a later append
/// runs on from it (here into one unreadable line), a warm start must say what a cold one
/// says (a fresh tester found the warm one kept the first answer).
#[test]
fn a_torn_last_line_leaves_no_snapshot_to_disagree_with_the_log() {
    let (home, reviews) = home_with_reviews();
    let log = reviews.join("other.jsonl");
    let answer = |id: &str, day: u32| {
        format!(
            "{{\"id\":\"{id}\",\"time\":\"2026-11-{day:02}T09:00:00Z\",\
             \"card\":\"sales-optimization-levers/kam\",\"kind\":\"review\",\"rating\":3,\
             \"duration_ms\":1000,\"mode\":\"review\"}}"
        )
    };
    std::fs::write(&log, answer("p0", 10)).unwrap();
    let (code, torn, err) = run(&home, &["export", "--json"]);
    assert_eq!(code, Some(0), "{err}");
    let first = "\"last_review\": \"2026-11-10T09:00:00+00:00\"";
    assert!(
        torn.contains(first),
        "the torn line's answer is replayed: {torn}"
    );
    let mut appended = std::fs::read(&log).unwrap();
    appended.extend_from_slice(format!("{}\n", answer("x1", 20)).as_bytes());
    std::fs::write(&log, appended).unwrap();
    let (_, warm, _) = run(&home, &["export", "--json"]);
    std::fs::remove_dir_all(home.path().join("data/cache")).unwrap();
    let (_, cold, _) = run(&home, &["export", "--json"]);
    assert!(!cold.contains(first), "one unreadable line now: {cold}");
    assert_eq!(warm, cold);
}
