//! Generated collections for benchmarks and tests: realistic sizes without committing data.

use std::fmt::Write as _;
use std::io;
use std::path::Path;

const WORDS: &[&str] = &[
    "account", "customer", "value", "strategy", "partner", "market", "pricing", "channel",
    "revenue", "segment", "offer", "contract", "service", "product", "margin", "growth",
];

/// The text of deck number `deck` with `cards` cards, each with a unique front and a
/// sentence-long back, a tag, and every tenth one reversed. Every third front has accented
/// letters, as real language decks do, so key hashing is measured off its ASCII fast path too.
#[must_use]
pub fn deck_toml(deck: usize, cards: usize) -> String {
    let mut text = String::with_capacity(cards * 160);
    let _ = writeln!(
        text,
        "[deck]\nname = \"Generated deck {deck}\"\ndescription = \"Synthetic cards for benchmarks.\"\ntags = [\"generated\"]\n"
    );
    for card in 0..cards {
        let word = |i: usize| WORDS[(card * 7 + deck * 3 + i) % WORDS.len()];
        let _ = writeln!(
            text,
            "[[cards]]\nfront = \"{}\"\nback = \"The {} of the {} that drives {} and {} over time.\"\ntags = [\"{}\"]",
            front(deck, card),
            word(2),
            word(3),
            word(4),
            word(5),
            word(6),
        );
        if card % 10 == 0 {
            text.push_str("reverse = true\n");
        }
        text.push('\n');
    }
    text
}

/// Writes `decks` generated decks of `cards` cards under `dir`, ten per subfolder.
pub fn write_collection(dir: &Path, decks: usize, cards: usize) -> io::Result<()> {
    for deck in 0..decks {
        let folder = dir.join(format!("group{}", deck / 10));
        std::fs::create_dir_all(&folder)?;
        std::fs::write(
            folder.join(format!("deck{deck}.toml")),
            deck_toml(deck, cards),
        )?;
    }
    Ok(())
}

/// Writes `reviews` review events for the cards of [`write_collection`]'s decks into
/// `data_dir/reviews/`, spread over `days` days ending at `end`: each card is studied in
/// sessions with growing gaps, answered mostly Good, sometimes Again, Hard or Easy. Returns
/// how many lines were written.
pub fn write_review_log(
    data_dir: &Path,
    decks: usize,
    cards: usize,
    reviews: usize,
    days: i64,
    end: chrono::DateTime<chrono::FixedOffset>,
) -> io::Result<usize> {
    use std::io::Write as _;
    let dir = data_dir.join("reviews");
    std::fs::create_dir_all(&dir)?;
    let mut out = io::BufWriter::new(std::fs::File::create(dir.join("generated.jsonl"))?);
    let total_cards = decks * cards;
    let per_card = reviews.div_ceil(total_cards.max(1));
    let start = end - chrono::Duration::days(days);
    let mut written = 0;
    for deck in 0..decks {
        'cards: for card in 0..cards {
            let index = deck * cards + card;
            let id = format!(
                "group{}/deck{deck}/{}",
                deck / 10,
                crate::deck::key::hashed_key(&front(deck, card))
            );
            // Cards start at different times over the first half of the period.
            let offset = i64::try_from(index % 500).unwrap_or(0) * days / 1000;
            let mut time = start
                + chrono::Duration::days(offset)
                + chrono::Duration::minutes(i64::try_from(index % 600).unwrap_or(0));
            let mut gap_minutes: i64 = 1;
            for n in 0..per_card {
                if written == reviews || time > end {
                    continue 'cards;
                }
                let roll = xxhash_rust::xxh3::xxh3_64_with_seed(id.as_bytes(), n as u64) % 100;
                let rating = match roll {
                    0..10 => 1,
                    10..18 => 2,
                    18..93 => 3,
                    _ => 4,
                };
                writeln!(
                    out,
                    "{{\"id\":\"g{index}-{n}\",\"time\":\"{}\",\"card\":\"{id}\",\"kind\":\"review\",\"rating\":{rating},\"duration_ms\":{},\"mode\":\"review\"}}",
                    time.to_rfc3339_opts(chrono::SecondsFormat::Secs, false),
                    3000 + roll * 100,
                )?;
                written += 1;
                time += chrono::Duration::minutes(gap_minutes);
                gap_minutes = if rating == 1 {
                    10
                } else {
                    (gap_minutes * 2).min(60 * 24 * 90)
                };
            }
        }
    }
    out.flush()?;
    Ok(written)
}

/// The front text of a generated card, shared by the deck and log generators.
fn front(deck: usize, card: usize) -> String {
    let word = |i: usize| WORDS[(card * 7 + deck * 3 + i) % WORDS.len()];
    let accent = if card.is_multiple_of(3) {
        " (café, naïve)"
    } else {
        ""
    };
    format!(
        "Term {deck}-{card}: the {} {} question{accent}",
        word(0),
        word(1)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scheduler::{Phase, Scheduler, Settings};
    use crate::store::Store;
    use crate::study::Study;

    #[test]
    fn the_generated_log_reviews_the_generated_cards() {
        let dir = tempfile::tempdir().unwrap();
        let end = chrono::DateTime::parse_from_rfc3339("2026-11-27T09:00:00+01:00").unwrap();
        write_collection(&dir.path().join("decks"), 2, 10).unwrap();
        assert_eq!(
            write_review_log(dir.path(), 2, 10, 200, 365, end).unwrap(),
            200
        );
        let (history, problems) = Store::new(dir.path(), "x").history().unwrap();
        assert!(problems.is_empty());
        let collection = crate::deck::load_dir(&dir.path().join("decks"));
        assert_eq!(collection.decks.len(), 2);
        let study = Study::new(
            collection,
            history,
            Scheduler::new(Settings::default()).unwrap(),
            end,
        );
        assert!(study.orphans().is_empty(), "{:?}", study.orphans());
        let reviewed = study.collection.decks[0]
            .cards
            .iter()
            .filter(|c| study.state(c.id.as_str()).phase != Phase::New)
            .count();
        assert_eq!(reviewed, 10);
    }
}
