//! Where a deck file's media references are: each card text's references, positioned in the
//! file (inside the string where the file spells it plainly, else at the value).

use toml::de::{DeTable, DeValue};

use super::super::media::{MediaKind, references};
use super::Checker;

/// Card keys whose text may hold media references.
const TEXT_KEYS: &[&str] = &["front", "back", "hint", "cloze", "extra"];

/// A media reference in a deck file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlacedMedia {
    pub kind: MediaKind,
    /// As written in the card, relative to the deck file's folder unless absolute.
    pub path: String,
    /// 1-based.
    pub line: usize,
    /// 1-based, in characters.
    pub column: usize,
}

/// The media references in the cards of the deck file `text`, in file order; none when the
/// file is not valid TOML (`check` reports that on its own).
#[must_use]
pub fn media_references(text: &str) -> Vec<PlacedMedia> {
    let (root, errors) = DeTable::parse_recoverable(text);
    if !errors.is_empty() {
        return Vec::new();
    }
    let checker = Checker {
        text,
        errors: Vec::new(),
        lines: None,
    };
    let Some(DeValue::Array(cards)) = root.get_ref().get("cards").map(toml::Spanned::get_ref)
    else {
        return Vec::new();
    };
    let mut found = Vec::new();
    for card in cards {
        let DeValue::Table(table) = card.get_ref() else {
            continue;
        };
        for (key, value) in table {
            let DeValue::String(string) = value.get_ref() else {
                continue;
            };
            if !TEXT_KEYS.contains(&key.get_ref().as_ref()) {
                continue;
            }
            for reference in references(string) {
                let offset = checker.inside_string(value, string, reference.offset);
                found.push((offset, reference.kind, reference.path.to_owned()));
            }
        }
    }
    found.sort_by_key(|(offset, ..)| *offset);
    let lines = super::LineIndex::new(text);
    found
        .into_iter()
        .map(|(offset, kind, path)| {
            let (line, column) = lines.line_col(offset);
            PlacedMedia {
                kind,
                path,
                line,
                column,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_are_placed_in_the_file() {
        let text = "[deck]\nname = \"M\"\n[[cards]]\nfront = \"![Peru](peru.png)\"\n\
                    back = '''\nLima [sound:lima.mp3]'''\n# ![not](a card.png)\n";
        let placed = media_references(text);
        let shown: Vec<(&str, usize, usize)> = placed
            .iter()
            .map(|m| (m.path.as_str(), m.line, m.column))
            .collect();
        // `front = "` takes 9 columns and `![Peru](` 8, so `peru.png` starts at column 18 of
        // line 4; `lima.mp3` after `Lima [sound:` (12) at column 13 of line 6.
        assert_eq!(shown, [("peru.png", 4, 18), ("lima.mp3", 6, 13)]);
        assert_eq!(placed[1].kind, MediaKind::Sound);
        assert!(media_references("not = [toml").is_empty());
    }
}
