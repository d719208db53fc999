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
            "[[cards]]\nfront = \"Term {deck}-{card}: the {} {} question{}\"\nback = \"The {} of the {} that drives {} and {} over time.\"\ntags = [\"{}\"]",
            word(0),
            word(1),
            if card % 3 == 0 {
                " (café, naïve)"
            } else {
                ""
            },
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
