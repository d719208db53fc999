//! Which language a deck's sides are spoken in: `tts = "es"` in its `[deck]` table for both
//! sides, `tts_front` and `tts_back` for one. Speaking is the runtime's, and only when the
//! settings name a `tts_command`; here is only what a deck asks for.

use serde::{Deserialize, Serialize};

/// The language tag of each side, if it is to be spoken.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Speech {
    /// The front's language ("es", "pt-BR").
    pub front: Option<String>,
    /// The back's.
    pub back: Option<String>,
}

impl Speech {
    /// The language of the front (`back == false`) or the back.
    #[must_use]
    pub fn language(&self, back: bool) -> Option<&str> {
        if back { &self.back } else { &self.front }.as_deref()
    }
}

/// Whether `tag` reads as a language tag in the shape BCP 47 gives them (RFC 5646 §2.1): a
/// primary language of 2 to 8 letters, then subtags of 1 to 8 letters or digits, joined by `-`
/// (or `_`, as locale names write them): `es`, `pt-BR`, `zh-Hant-TW`, `en_GB`. Whether a
/// speech program knows the language is its own affair.
#[must_use]
pub fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split(['-', '_']);
    let primary = parts.next().unwrap_or_default();
    (2..=8).contains(&primary.len())
        && primary.chars().all(|c| c.is_ascii_alphabetic())
        && parts.all(|part| {
            (1..=8).contains(&part.len()) && part.chars().all(|c| c.is_ascii_alphanumeric())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_tags_are_told_from_other_words() {
        for tag in ["es", "pt-BR", "zh-Hant-TW", "en_GB", "yue", "es-419"] {
            assert!(is_language_tag(tag), "{tag}");
        }
        for not in [
            "",
            "e",
            "es-",
            "-es",
            "es BR",
            "español",
            "es;rm",
            "1a",
            "abcdefghi",
        ] {
            assert!(!is_language_tag(not), "{not:?}");
        }
    }
}
