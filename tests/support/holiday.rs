//! A collection back from a holiday: deck `holiday` (in `<home>/decks`) with 85 cards, 80 of
//! them answered Easy in September and October 2026 and long overdue since, 5 never studied.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// Writes the deck and the log under `home`; returns the log folder.
pub fn write(home: &Path) -> PathBuf {
    let decks = home.join("decks");
    std::fs::create_dir_all(&decks).unwrap();
    let mut deck = String::from("[deck]\nname = \"Holiday\"\n");
    let mut log = String::new();
    for i in 0..85 {
        let _ = writeln!(
            deck,
            "[[cards]]\nid = \"c{i}\"\nfront = \"q{i}\"\nback = \"a{i}\""
        );
        if i < 80 {
            let day = 1 + i % 28;
            let month = 9 + i / 40;
            let _ = writeln!(
                log,
                "{{\"id\":\"e{i}\",\"card\":\"holiday/c{i}\",\"time\":\"2026-{month:02}-{day:02}T10:00:00+00:00\",\"rating\":4}}"
            );
        }
    }
    std::fs::write(decks.join("holiday.toml"), deck).unwrap();
    let reviews = home.join("data/flashdeck/reviews");
    std::fs::create_dir_all(&reviews).unwrap();
    std::fs::write(reviews.join("old.jsonl"), &log).unwrap();
    reviews
}

/// Lines in every log file under `reviews`.
pub fn log_lines(reviews: &Path) -> usize {
    std::fs::read_dir(reviews)
        .unwrap()
        .map(|e| {
            std::fs::read_to_string(e.unwrap().path())
                .unwrap()
                .lines()
                .count()
        })
        .sum()
}
