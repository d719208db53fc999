//! The loader never panics: on random bytes, and on valid decks with bytes changed, cut,
//! inserted or lines shuffled. Every input gives a deck or problems with sane positions.

use flashdeck::deck::{DeckId, Source, bundled, parse_deck};
use proptest::prelude::*;

/// Runs the loader the way `load_file` does after reading: UTF-8 first, then parsing.
fn load(bytes: &[u8]) {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    match parse_deck(DeckId::new("p"), Source::Bundled, text) {
        Ok(deck) => assert!(!deck.cards.is_empty()),
        Err(problems) => {
            assert!(!problems.is_empty());
            let lines = text.lines().count().max(1) + 1;
            for problem in problems {
                assert!(problem.line >= 1 && problem.line <= lines, "{problem}");
                assert!(problem.column >= 1, "{problem}");
            }
        }
    }
}

const SMALL_DECK: &str = "[deck]\nname = \"N\"\ntags = [\"t\"]\n\n[[cards]]\nid = \"a\"\nfront = \"Fr\u{f6}nt\"\nback = \"\"\"\n1. one\n2. two\"\"\"\nreverse = true\n\n[[cards]]\nfront = 'lit'\nback = \"b\"\nhint = \"h\"\n";

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        load(&bytes);
    }

    #[test]
    fn random_text_never_panics(text in "\\PC{0,300}") {
        load(text.as_bytes());
    }

    #[test]
    fn mutated_decks_never_panic(
        edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0u8..3), 1..8),
        big in any::<bool>(),
    ) {
        let mut bytes = if big { bundled::TEXT.as_bytes().to_vec() } else { SMALL_DECK.as_bytes().to_vec() };
        for (at, byte, kind) in edits {
            let i = at.index(bytes.len().max(1)).min(bytes.len());
            match kind {
                0 if i < bytes.len() => bytes[i] = byte,
                1 => bytes.insert(i, byte),
                _ => bytes.truncate(i.max(1)),
            }
        }
        load(&bytes);
    }

    #[test]
    fn shuffled_and_duplicated_lines_never_panic(
        order in proptest::collection::vec(any::<prop::sample::Index>(), 1..40),
    ) {
        let lines: Vec<&str> = SMALL_DECK.lines().collect();
        let text: Vec<&str> = order.iter().map(|i| lines[i.index(lines.len())]).collect();
        load(text.join("\n").as_bytes());
    }
}
