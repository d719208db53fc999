//! The check the caches carry: XXH3-64 of their content, 8 bytes little-endian, right after
//! it. A byte changed anywhere in the content (a disk's or a copy's error) no longer matches.

use xxhash_rust::xxh3::xxh3_64;

/// Bytes of a digest.
pub const LENGTH: usize = 8;

/// The digest of `content`, as it is written after it.
#[must_use]
pub fn of(content: &[u8]) -> [u8; LENGTH] {
    xxh3_64(content).to_le_bytes()
}

/// `sealed` without the digest at its end, if that digest is its content's.
#[must_use]
pub fn strip(sealed: &[u8]) -> Option<&[u8]> {
    let (content, digest) = sealed.split_at_checked(sealed.len().checked_sub(LENGTH)?)?;
    (of(content) == digest).then_some(content)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_comes_back_only_with_its_own_digest() {
        let mut sealed = b"decks".to_vec();
        sealed.extend_from_slice(&of(b"decks"));
        assert_eq!(strip(&sealed), Some(&b"decks"[..]));
        sealed[1] ^= 0x04;
        assert_eq!(strip(&sealed), None);
        assert_eq!(strip(b"short"), None);
        assert_eq!(strip(&of(b"")), Some(&b""[..]));
    }
}
