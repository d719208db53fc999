//! Byte searches eight bytes at a time ("SWAR": SIMD within a register) for the short strings
//! of a log line, where memchr's setup costs more than it saves. The tests check them against
//! byte-at-a-time searches.
//!
//! The tricks are the classic ones (Sean Eron Anderson, "Bit Twiddling Hacks": "Determine if
//! a word has a zero byte" and "… a byte less than n"): each flags the high bit of a byte that
//! matches; a borrow can only flag bytes above a real match, so whether any byte matches, and
//! where the first one is, are exact.

const LOW: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// High bits set for the bytes of `word` equal to `byte` (exact up to the first).
fn equal(word: u64, byte: u8) -> u64 {
    let x = word ^ (LOW * u64::from(byte));
    x.wrapping_sub(LOW) & !x & HIGH
}

/// High bits set for the bytes of `word` below 0x20 (exact up to the first).
fn control(word: u64) -> u64 {
    word.wrapping_sub(LOW * 0x20) & !word & HIGH
}

fn word(bytes: &[u8]) -> u64 {
    let mut eight = [0u8; 8];
    eight.copy_from_slice(bytes);
    u64::from_le_bytes(eight)
}

/// Whether `bytes` hold no backslash and no control byte (below 0x20).
pub(super) fn plain(bytes: &[u8]) -> bool {
    let mut words = bytes.chunks_exact(8);
    let mut flagged = 0;
    for eight in &mut words {
        let w = word(eight);
        flagged |= control(w) | equal(w, b'\\');
    }
    flagged == 0 && words.remainder().iter().all(|&b| b >= 0x20 && b != b'\\')
}

/// Where the first `"` in `bytes` is.
pub(super) fn quote(bytes: &[u8]) -> Option<usize> {
    let mut words = bytes.chunks_exact(8);
    let mut at = 0;
    for eight in &mut words {
        let found = equal(word(eight), b'"');
        if found != 0 {
            // Little-endian: the lowest flagged byte is the first.
            return Some(at + found.trailing_zeros() as usize / 8);
        }
        at += 8;
    }
    words
        .remainder()
        .iter()
        .position(|&b| b == b'"')
        .map(|i| at + i)
}

/// Where the quote closing a JSON string is in `bytes` (the string's text after its opening
/// quote), if no backslash or control byte comes before it: the text is then the string's
/// value as it stands.
pub(in super::super) fn string_end(bytes: &[u8]) -> Option<usize> {
    let mut words = bytes.chunks_exact(8);
    let mut at = 0;
    for eight in &mut words {
        let w = word(eight);
        let found = equal(w, b'"') | equal(w, b'\\') | control(w);
        if found != 0 {
            // Little-endian: the lowest flagged byte is the first.
            let end = at + found.trailing_zeros() as usize / 8;
            return (bytes[end] == b'"').then_some(end);
        }
        at += 8;
    }
    let end = at
        + words
            .remainder()
            .iter()
            .position(|&b| b == b'"' || b == b'\\' || b < 0x20)?;
    (bytes[end] == b'"').then_some(end)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// Bytes around the edges the tricks care about: controls, quote, backslash, 0x7f–0x81, 0xff.
    fn bytes() -> impl Strategy<Value = Vec<u8>> {
        let byte = prop::sample::select(vec![
            0u8, 1, 0x1f, 0x20, 0x21, b'"', b'#', b'[', b'\\', b']', b'a', 0x7f, 0x80, 0x81, 0xdf,
            0xe0, 0xff,
        ]);
        prop::collection::vec(byte, 0..40)
    }

    proptest! {
        #[test]
        fn plain_agrees_with_a_byte_at_a_time_check(bytes in bytes()) {
            let expected = bytes.iter().all(|&b| b >= 0x20 && b != b'\\');
            prop_assert_eq!(plain(&bytes), expected);
        }

        #[test]
        fn string_end_agrees_with_a_byte_at_a_time_search(bytes in bytes()) {
            let first = bytes.iter().position(|&b| b == b'"' || b == b'\\' || b < 0x20);
            let expected = first.filter(|&at| bytes[at] == b'"');
            prop_assert_eq!(string_end(&bytes), expected);
        }

        #[test]
        fn quote_agrees_with_a_byte_at_a_time_search(bytes in bytes()) {
            prop_assert_eq!(quote(&bytes), bytes.iter().position(|&b| b == b'"'));
        }
    }

    #[test]
    fn a_match_after_a_borrow_is_found_exactly() {
        // A backslash or control byte right after a quote or a zero byte, in one word.
        assert!(!plain(b"\x00\\aaaaaa"));
        assert!(!plain(b"aaaaaaa\x1f"));
        assert!(plain("“é” 日本 \u{7f}aaaaaaaaa".as_bytes()));
        assert_eq!(quote(b"\x00\"aaaaaa\""), Some(1));
        assert_eq!(quote(b"aaaaaaaaaaaaaaa\""), Some(15));
        assert_eq!(quote(b"aaaaaaaa"), None);
    }
}
