//! A card's `cloze` key: its text checked with errors pointing into the string where the file
//! spells it plainly, the keys it excludes, and the cards it makes.

use toml::de::DeValue;

use super::super::cloze;
use super::super::key::cloze_key;
use super::super::{Card, CardId, Cloze, DeckId};
use super::{Checker, ClozeEntry, Value};

impl Checker<'_> {
    /// A `cloze` value: non-blank text whose deletions parse ([`cloze::pieces`]).
    pub(super) fn cloze_text(&mut self, value: &Value<'_>) -> Option<String> {
        let text = self.text(value, "`cloze`")?;
        if let Err(error) = cloze::pieces(&text) {
            let offset = self.inside_string(value, &text, error.offset);
            self.error(offset, error.message);
            return None;
        }
        Some(text)
    }

    /// Reports the keys a cloze card may not have: `front` or `back` (at `cloze`) and
    /// `reverse = true` (at `reverse`).
    pub(super) fn cloze_alone(
        &mut self,
        cloze_at: usize,
        front_or_back: bool,
        reverse: Option<usize>,
    ) {
        if front_or_back {
            self.error(
                cloze_at,
                "a card has either `front` and `back` or `cloze`, not both",
            );
        }
        if let Some(at) = reverse {
            self.error(
                at,
                "a cloze card cannot be reversed; each cloze number is a card already",
            );
        }
    }

    /// The file offset of byte `index` of the string `decoded`, the value of `value`; the
    /// value's start when the file spells the string with escapes (no plain mapping then).
    pub(super) fn inside_string(&self, value: &Value<'_>, decoded: &str, index: usize) -> usize {
        let span = value.span();
        let start = span.start;
        let (DeValue::String(_), Some(raw)) = (value.get_ref(), self.text.get(span)) else {
            return start;
        };
        let quotes = if raw.starts_with("\"\"\"") || raw.starts_with("'''") {
            3
        } else {
            1
        };
        let Some(inner) = raw.get(quotes..raw.len().saturating_sub(quotes)) else {
            return start;
        };
        // A multi-line string drops the line break right after its opening quotes.
        let skipped = match (quotes, inner.starts_with("\r\n"), inner.starts_with('\n')) {
            (3, true, _) => 2,
            (3, _, true) => 1,
            _ => 0,
        };
        if &inner[skipped..] == decoded {
            start + quotes + skipped + index
        } else {
            start
        }
    }
}

impl ClozeEntry {
    /// One card per cloze number, in increasing order, keyed `<key>~cN`.
    pub(super) fn cards(
        self,
        deck: &DeckId,
        key: &str,
        tags: &std::sync::Arc<[String]>,
        hint: Option<&str>,
        typed: bool,
        line: usize,
    ) -> Vec<Card> {
        // The text parsed when it was read (`cloze_text`).
        let Ok(pieces) = cloze::pieces(&self.text) else {
            return Vec::new();
        };
        cloze::numbers(&pieces)
            .into_iter()
            .map(|number| Card {
                id: CardId::new(deck, &cloze_key(key, number)),
                front: cloze::question(&pieces, number),
                back: cloze::answers(&pieces, number),
                hint: hint.map(str::to_owned),
                tags: std::sync::Arc::clone(tags),
                reversed: false,
                line,
                cloze: Some(Box::new(Cloze {
                    text: self.text.clone(),
                    number,
                    extra: self.extra.clone(),
                })),
                typed,
                note: None,
            })
            .collect()
    }
}
