//! What was typed against the answer, character by character, as Anki's type-in comparison
//! shows it (`rslib/src/typeanswer.rs`): typed exactly, the answer alone; otherwise the typed
//! line (right characters, wrong ones, and a `-` for each one missing) above the answer line
//! (right characters, and the ones the typed text lacked or got wrong).
//!
//! The unit is the grapheme cluster, after NFC on both sides, so that an accent typed as a
//! combining mark matches the precomposed letter, and a flag or `é` is right or wrong whole,
//! never half. The diff is `similar`'s (Myers), where Anki uses difflib's matcher; both give
//! the same marks wherever the shortest edit is unique.

use similar::{Algorithm, DiffOp, capture_diff_slices};
use unicode_normalization::UnicodeNormalization;
use unicode_segmentation::UnicodeSegmentation;

/// How a piece of the comparison is marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// Typed as the answer has it (Anki's `typeGood`).
    Right,
    /// Typed, but not in the answer there (`typeBad`).
    Wrong,
    /// In the answer but not typed: on the typed line a `-` per character (`typeMissed`).
    Missing,
}

/// A run of characters with one mark.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    pub mark: Mark,
    pub text: String,
}

/// The comparison of a typed answer with the expected one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Comparison {
    /// Nothing was typed: the answer alone, unmarked.
    Untyped(String),
    /// Typed exactly (after NFC, trimmed): the answer alone, right.
    Same(String),
    /// The typed line, then the answer line.
    Differs {
        typed: Vec<Piece>,
        expected: Vec<Piece>,
    },
}

/// The text a typed answer is compared with: `answer` as shown
/// ([`crate::ui::card::answer_text`]: no Markdown marks, math as Unicode, no pictures) with
/// its lines joined by a space (as Anki joins an answer's line breaks), trimmed, in NFC.
#[must_use]
pub fn expected_text(answer: &str) -> String {
    let shown = crate::ui::card::answer_text(answer);
    let joined: Vec<&str> = shown
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect();
    joined.join(" ").nfc().collect()
}

/// Compares `typed` with `answer`, character by character (see the module's notes).
#[must_use]
pub fn compare(typed: &str, answer: &str) -> Comparison {
    let expected = expected_text(answer);
    let typed: String = typed.trim().nfc().collect();
    if typed.is_empty() {
        return Comparison::Untyped(expected);
    }
    if typed == expected {
        return Comparison::Same(expected);
    }
    let typed_units: Vec<&str> = typed.graphemes(true).collect();
    let expected_units: Vec<&str> = expected.graphemes(true).collect();
    let mut typed_line = Line::default();
    let mut expected_line = Line::default();
    for op in capture_diff_slices(Algorithm::Myers, &typed_units, &expected_units) {
        let (_, typed_range, expected_range) = op.as_tag_tuple();
        let typed_part = typed_units[typed_range].concat();
        let expected_part = &expected_units[expected_range];
        match op {
            DiffOp::Equal { .. } => {
                typed_line.push(Mark::Right, &typed_part);
                expected_line.push(Mark::Right, &expected_part.concat());
            }
            DiffOp::Delete { .. } => typed_line.push(Mark::Wrong, &typed_part),
            DiffOp::Insert { .. } => {
                typed_line.push(Mark::Missing, &"-".repeat(expected_part.len()));
                expected_line.push(Mark::Missing, &expected_part.concat());
            }
            DiffOp::Replace { .. } => {
                typed_line.push(Mark::Wrong, &typed_part);
                expected_line.push(Mark::Missing, &expected_part.concat());
            }
        }
    }
    Comparison::Differs {
        typed: typed_line.0,
        expected: expected_line.0,
    }
}

/// Pieces in order, a run of one mark kept as one piece.
#[derive(Default)]
struct Line(Vec<Piece>);

impl Line {
    fn push(&mut self, mark: Mark, text: &str) {
        if text.is_empty() {
            return;
        }
        match self.0.last_mut() {
            Some(last) if last.mark == mark => last.text.push_str(text),
            _ => self.0.push(Piece {
                mark,
                text: text.to_owned(),
            }),
        }
    }
}

#[cfg(test)]
mod tests;
