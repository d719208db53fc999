//! Card keys: the stable part of a card id.
//!
//! A card without an explicit `id` is keyed by a hash of its normalised front, so editing the
//! back, the tags or the card order keeps its history. The algorithm is part of the data format
//! (documented in `docs/deck-format.md`): changing it would orphan every review ever recorded.

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfkc_quick};
use xxhash_rust::xxh3::xxh3_64;

/// Suffix of the key of a `reverse = true` card's back→front sibling.
pub const REVERSE_SUFFIX: &str = "~r";

/// Suffix of a cloze card's key before its number: `<key>~c1`, `<key>~c2`, …
pub const CLOZE_SUFFIX: &str = "~c";

/// The key of cloze card `number` of the entry keyed `key`.
#[must_use]
pub fn cloze_key(key: &str, number: u16) -> String {
    format!("{key}{CLOZE_SUFFIX}{number}")
}

/// A card key or id without the suffix `reverse = true` or `cloze` gave it (`~r`, `~cN`): the
/// key of its entry. Explicit ids hold no `~`, so only a generated suffix is cut.
#[must_use]
pub fn entry_key(key: &str) -> &str {
    match key.rsplit_once('~') {
        Some((entry, "r")) => entry,
        Some((entry, number))
            if number.len() > 1
                && number.starts_with('c')
                && number[1..].bytes().all(|b| b.is_ascii_digit()) =>
        {
            entry
        }
        _ => key,
    }
}

/// Folds case, whitespace and punctuation: NFKC, lowercase, keep letters and digits, and
/// separate words by single spaces.
#[must_use]
pub fn normalise(text: &str) -> String {
    // NFKC leaves ASCII unchanged and its lowercase is ASCII lowercase, so most fronts skip
    // the Unicode tables; a test checks both paths agree.
    // Text already in NFKC (most text; the quick check answers without composing) needs only
    // lowercasing.
    if text.is_ascii() {
        fold_ascii(text)
    } else if is_nfkc_quick(text.chars()) == IsNormalized::Yes {
        fold(text.chars(), text.len())
    } else {
        fold(text.nfkc(), text.len())
    }
}

/// [`fold`] for ASCII, byte by byte. `char::is_whitespace` also counts vertical tab (0x0b),
/// which `u8::is_ascii_whitespace` does not.
fn fold_ascii(text: &str) -> String {
    let mut out = Vec::with_capacity(text.len());
    let mut pending_space = false;
    for &b in text.as_bytes() {
        if b.is_ascii_alphanumeric() {
            if pending_space && !out.is_empty() {
                out.push(b' ');
            }
            pending_space = false;
            out.push(b.to_ascii_lowercase());
        } else if b.is_ascii_whitespace() || b == 0x0b {
            pending_space = true;
        }
    }
    // Only ASCII bytes were pushed.
    String::from_utf8(out).unwrap_or_default()
}

/// [`fold_ascii`] for any text, `chars` not yet lowercased. An ASCII character is lowercased
/// and tested by its ASCII rules, which are Unicode's for it, without going through
/// `char::to_lowercase`'s iterator: a third of a cold start's deck parse was this function, on
/// fronts with an accent or two.
fn fold(chars: impl Iterator<Item = char>, capacity: usize) -> String {
    let mut out = String::with_capacity(capacity);
    let mut pending_space = false;
    let mut keep = |c: char| {
        if c.is_alphanumeric() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.push(c);
        } else if c.is_whitespace() {
            pending_space = true;
        }
        // Anything else (punctuation, symbols) is dropped without splitting the word, so
        // "KAM's" and "KAMs" fold together.
    };
    for c in chars {
        if c.is_ascii() {
            keep(c.to_ascii_lowercase());
        } else {
            c.to_lowercase().for_each(&mut keep);
        }
    }
    out
}

/// The 12-hex-digit key of a card without an explicit id: the low 48 bits of XXH3-64 of the
/// normalised front. A front with no letters or digits is hashed as written (trimmed).
#[must_use]
pub fn hashed_key(front: &str) -> String {
    let normalised = normalise(front);
    let basis = if normalised.is_empty() {
        front.trim()
    } else {
        &normalised
    };
    lower_hex_48(xxh3_64(basis.as_bytes()))
}

/// The low 48 bits of `hash` as 12 lower-case hex digits, as `format!("{:012x}")` writes them,
/// without the formatting machinery (a thousand instructions a card on a cold start).
fn lower_hex_48(hash: u64) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    (0..12)
        .rev()
        .map(|nibble| char::from(DIGITS[((hash >> (nibble * 4)) & 0xf) as usize]))
        .collect()
}

/// Why an explicit `id` is not usable as a key, if it is not.
#[must_use]
pub fn invalid_id_reason(id: &str) -> Option<&'static str> {
    if id.is_empty() {
        Some("`id` is empty")
    } else if id.len() > 100 {
        Some("`id` is longer than 100 bytes")
    } else if !id
        .chars()
        .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'))
    {
        Some("`id` may only hold letters, digits, `-`, `_` and `.`")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalise_folds_case_whitespace_and_punctuation() {
        assert_eq!(
            normalise("  What is KAM’s\tessence?  "),
            "what is kams essence"
        );
        assert_eq!(normalise("what is kams essence"), "what is kams essence");
        assert_eq!(normalise("Ｆｕｌｌ-width"), "fullwidth");
        assert_eq!(normalise("?!"), "");
    }

    #[test]
    fn hashed_key_is_stable_across_releases() {
        // Expected values computed outside this code, with Python's `xxhash` package:
        // xxh3_64_intdigest(b"what is kams essence") = 0x856a1a54a8634013, low 48 bits kept.
        // If these change, every stored history of an unkeyed card is orphaned.
        assert_eq!(hashed_key("What is KAM's essence?"), "1a54a8634013");
        assert_eq!(hashed_key("what  is kam’s ESSENCE"), "1a54a8634013");
        assert_eq!(hashed_key("X"), "6c6480b2cd11");
        // A front with nothing to normalise is hashed as written.
        assert_eq!(hashed_key(" ?? "), "62c0e8b25d70");
    }

    proptest::proptest! {
        #[test]
        fn hex_digits_are_formats(hash in proptest::num::u64::ANY) {
            proptest::prop_assert_eq!(lower_hex_48(hash), format!("{:012x}", hash & 0xffff_ffff_ffff));
        }
    }

    /// The fold as `docs/deck-format.md` defines it, one step after another: NFKC, lowercase,
    /// letters and digits kept, words separated by single spaces.
    fn by_definition(text: &str) -> String {
        let lower: Vec<char> = text.nfkc().flat_map(char::to_lowercase).collect();
        let words: Vec<String> = lower
            .split(|c| c.is_whitespace())
            .map(|word| word.iter().filter(|c| c.is_alphanumeric()).collect())
            .filter(|word: &String| !word.is_empty())
            .collect();
        words.join(" ")
    }

    proptest::proptest! {
        #[test]
        fn the_ascii_fast_path_matches_the_unicode_path(text in "[ -~\t\n\x0b\x0c\r]{0,40}") {
            let unicode = by_definition(&text);
            proptest::prop_assert_eq!(normalise(&text), unicode);
        }
    }

    proptest::proptest! {
        #[test]
        fn the_nfkc_shortcut_matches_full_normalisation(text in "\\PC{0,40}") {
            let full = by_definition(&text);
            proptest::prop_assert_eq!(normalise(&text), full);
        }
    }

    #[test]
    fn entry_keys_drop_the_generated_suffixes_only() {
        assert_eq!(entry_key("d/abc~r"), "d/abc");
        assert_eq!(entry_key("d/abc~c12"), "d/abc");
        assert_eq!(cloze_key("abc", 3), "abc~c3");
        assert_eq!(entry_key("d/abc~c"), "d/abc~c");
        assert_eq!(entry_key("d/abc~x"), "d/abc~x");
        assert_eq!(entry_key("d/abc"), "d/abc");
    }

    #[test]
    fn ids_are_checked() {
        assert_eq!(invalid_id_reason("kam-essence_2.b"), None);
        assert_eq!(invalid_id_reason("Größe"), None);
        assert!(invalid_id_reason("").is_some());
        assert!(invalid_id_reason("a/b").is_some());
        assert!(invalid_id_reason("a b").is_some());
        assert!(invalid_id_reason("a~r").is_some());
        assert!(invalid_id_reason(&"a".repeat(101)).is_some());
    }
}
