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

/// A log of 30,000 answers over 60 cards (ids no deck has: their history is kept all the
/// same), a day apart per card from 2024 on: a snapshot of some 400 KB, whose writing outlasts
/// a command's output.
fn home_with_long_history() -> TempDir {
    let home = TempDir::new().unwrap();
    let reviews = home.path().join("data/reviews");
    std::fs::create_dir_all(&reviews).unwrap();
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
