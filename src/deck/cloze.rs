//! Cloze deletions: a card's `cloze` text such as `The capital of {{c1::France}} is
//! {{c2::Paris::a city}}.` makes one card per cloze number.
//!
//! Anki's spelling (`rslib/src/cloze.rs`, `tokenize`): `{{c` (a lowercase `c`: Anki reads
//! `{{C1::` as plain text) and a number, `::`, the deleted text, optionally `::` and a hint,
//! then `}}`. The first `::` inside a deletion starts its hint.
//! Unlike Anki, deletions do not nest here: a `{{` inside a deletion is an error, so every
//! deletion can be shown plainly, gapped or highlighted without a tree.

use std::collections::BTreeSet;
use std::ops::Range;

/// Largest cloze number accepted: Anki makes card ordinal `min(number - 1, 499)`
/// (`rslib/src/notetype/cardgen.rs`, `new_cards_required_cloze`), so c501 and above would all
/// share c500's card, which shows none of them.
pub const MAX_NUMBER: u16 = 500;

/// Shown in place of a deletion without a hint.
pub const GAP: &str = "[…]";

/// One piece of a cloze text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Piece<'t> {
    /// Text shown on every card of the text.
    Text(&'t str),
    /// `{{cN::answer::hint}}`.
    Deletion {
        number: u16,
        answer: &'t str,
        hint: Option<&'t str>,
    },
}

/// A mistake in a cloze text, at a byte offset into the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClozeError {
    pub offset: usize,
    pub message: String,
}

impl ClozeError {
    fn at(offset: usize, message: impl Into<String>) -> Self {
        Self {
            offset,
            message: message.into(),
        }
    }
}

/// Splits `text` into plain text and deletions. Errors (the first one found): a `{{` not
/// followed by a lowercase `c`, digits and `::`; a number of 0 or above [`MAX_NUMBER`]; a `{{` never
/// closed by `}}`; a `{{` inside a deletion; an empty deletion; no deletion at all.
pub fn pieces(text: &str) -> Result<Vec<Piece<'_>>, ClozeError> {
    let mut pieces = Vec::new();
    let mut at = 0;
    while let Some(found) = text[at..].find("{{") {
        let open = at + found;
        if open > at {
            pieces.push(Piece::Text(&text[at..open]));
        }
        let (number, body_start) = opening(text, open)?;
        let Some(close) = text[body_start..].find("}}").map(|c| body_start + c) else {
            return Err(ClozeError::at(
                open,
                "this `{{` is never closed: end the deletion with `}}`",
            ));
        };
        let body = &text[body_start..close];
        if let Some(nested) = body.find("{{") {
            return Err(ClozeError::at(
                body_start + nested,
                "a cloze deletion cannot hold another `{{`; close the first with `}}`",
            ));
        }
        let (answer, hint) = match body.split_once("::") {
            Some((answer, hint)) => (answer, Some(hint).filter(|h| !h.trim().is_empty())),
            None => (body, None),
        };
        if answer.trim().is_empty() {
            return Err(ClozeError::at(
                open,
                format!("the deletion `{}` is empty", &text[open..close + 2]),
            ));
        }
        pieces.push(Piece::Deletion {
            number,
            answer,
            hint,
        });
        at = close + 2;
    }
    if at < text.len() {
        pieces.push(Piece::Text(&text[at..]));
    }
    if !pieces.iter().any(|p| matches!(p, Piece::Deletion { .. })) {
        return Err(ClozeError::at(
            0,
            "the cloze text has no deletion; mark one as `{{c1::…}}`",
        ));
    }
    Ok(pieces)
}

/// The number of the deletion opened at `open` (a `{{`) and where its body starts.
fn opening(text: &str, open: usize) -> Result<(u16, usize), ClozeError> {
    let after = &text[open + 2..];
    let letter = after.as_bytes().first().copied();
    let rest = after.get(1..).unwrap_or_default();
    let digits = &rest[..rest.bytes().take_while(u8::is_ascii_digit).count()];
    let numbered = !digits.is_empty() && rest[digits.len()..].starts_with("::");
    match letter {
        Some(b'c') if numbered => {}
        Some(b'C') if numbered => {
            return Err(ClozeError::at(
                open,
                "a cloze number starts with a lowercase `c` (`{{c1::`): Anki reads `{{C1::` as \
                 plain text",
            ));
        }
        _ => {
            let shown: String = after
                .chars()
                .take_while(|&c| c != ':' && c != '}')
                .take(12)
                .collect();
            return Err(ClozeError::at(
                open,
                format!(
                    "`{{{{{shown}` is not a cloze number: write `c` and a number, then `::`, as \
                     in `{{{{c1::Paris}}}}`"
                ),
            ));
        }
    }
    match digits.parse::<u16>() {
        Ok(number) if (1..=MAX_NUMBER).contains(&number) => {
            Ok((number, open + 3 + digits.len() + 2))
        }
        _ => Err(ClozeError::at(
            open,
            format!("cloze numbers go from c1 to c{MAX_NUMBER}, not c{digits}"),
        )),
    }
}

/// The cloze numbers used in `pieces`, each once, in increasing order.
#[must_use]
pub fn numbers(pieces: &[Piece<'_>]) -> BTreeSet<u16> {
    pieces
        .iter()
        .filter_map(|piece| match piece {
            Piece::Deletion { number, .. } => Some(*number),
            Piece::Text(_) => None,
        })
        .collect()
}

/// The question of card `number`: its deletions as `[hint]` or [`GAP`], the others shown.
#[must_use]
pub fn question(pieces: &[Piece<'_>], number: u16) -> String {
    let mut out = String::new();
    for piece in pieces {
        match *piece {
            Piece::Text(text) => out.push_str(text),
            Piece::Deletion {
                number: n, answer, ..
            } if n != number => out.push_str(answer),
            Piece::Deletion { hint: Some(h), .. } => {
                out.push('[');
                out.push_str(h);
                out.push(']');
            }
            Piece::Deletion { hint: None, .. } => out.push_str(GAP),
        }
    }
    out
}

/// The deleted text of card `number`: its deletions in order, joined with ", ".
#[must_use]
pub fn answers(pieces: &[Piece<'_>], number: u16) -> String {
    pieces
        .iter()
        .filter_map(|piece| match *piece {
            Piece::Deletion {
                number: n, answer, ..
            } if n == number => Some(answer.trim()),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The whole text with every deletion shown, and the byte ranges (in that text) of card
/// `number`'s deletions, to highlight. `None` highlights nothing.
#[must_use]
pub fn revealed(pieces: &[Piece<'_>], number: Option<u16>) -> (String, Vec<Range<usize>>) {
    let mut out = String::new();
    let mut marked = Vec::new();
    for piece in pieces {
        match *piece {
            Piece::Text(text) => out.push_str(text),
            Piece::Deletion {
                number: n, answer, ..
            } => {
                let start = out.len();
                out.push_str(answer);
                if Some(n) == number {
                    marked.push(start..out.len());
                }
            }
        }
    }
    (out, marked)
}

/// A cloze text with every deletion shown and no marks, for searching and listing. A text that
/// does not parse is returned as it is.
#[must_use]
pub fn plain(text: &str) -> String {
    pieces(text).map_or_else(|_| text.to_owned(), |p| revealed(&p, None).0)
}

#[cfg(test)]
mod tests;
