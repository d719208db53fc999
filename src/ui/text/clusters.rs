//! textwrap's wrapping of one line with two changes, both about grapheme clusters: a word is
//! as wide as the terminal buffer draws it (the sum of its clusters' widths, where textwrap
//! sums characters: a VS16 heart is 2 columns, not 1), and a word longer than a line is cut
//! between clusters, where textwrap cuts between characters and so parts a flag into its two
//! regional indicators. Everything else is textwrap 0.16's own path
//! (`wrap_single_line_slow_path`): its words, its hyphen splitting and its first fit, so a
//! line of one-character clusters wraps exactly as `textwrap::wrap`.

use std::borrow::Cow;

use textwrap::core::{Word, display_width};
use textwrap::{WordSeparator, WordSplitter, WrapAlgorithm, word_splitters};
use unicode_segmentation::UnicodeSegmentation;

use crate::ui::card::columns;

/// `line` (one line, no line break) wrapped at `width` columns, the rows after the first
/// starting with `indent` (textwrap's `subsequent_indent`). A row is borrowed from `line`
/// when it has no indent. `splitter` is textwrap's: where a word may break besides spaces.
pub fn wrap_line<'a>(
    line: &'a str,
    width: usize,
    indent: &str,
    splitter: &WordSplitter,
) -> Vec<Cow<'a, str>> {
    // textwrap's fast path: a line shorter than the width in bytes is one row.
    if line.len() < width {
        return vec![Cow::from(line.trim_end_matches(' '))];
    }
    let line_widths = [width, width.saturating_sub(display_width(indent))];
    let words = WordSeparator::new().find_words(line);
    let split = word_splitters::split_words(words, splitter);
    let mut broken = Vec::new();
    for mut word in split {
        word.width = columns(word.word);
        if word.width > line_widths[1] {
            broken.extend(break_apart(word, line_widths[1]));
        } else {
            broken.push(word);
        }
    }
    let rows = WrapAlgorithm::new().wrap(&broken, &line_widths);
    let mut out: Vec<Cow<'a, str>> = Vec::new();
    let mut at = 0;
    for words in rows {
        let Some(last) = words.last() else {
            out.push(Cow::from(""));
            continue;
        };
        let len: usize = words
            .iter()
            .map(|w| w.word.len() + w.whitespace.len())
            .sum();
        let mut row = if out.is_empty() || indent.is_empty() {
            Cow::from("")
        } else {
            Cow::Owned(indent.to_owned())
        };
        row += &line[at..at + len - last.whitespace.len()];
        if !last.penalty.is_empty() {
            row.to_mut().push_str(last.penalty);
        }
        out.push(row);
        at += len;
    }
    out
}

/// `word` in pieces of at most `width` columns (each one cluster at least), cut between
/// grapheme clusters; the last piece keeps the word's whitespace and penalty.
fn break_apart(word: Word<'_>, width: usize) -> Vec<Word<'_>> {
    let mut pieces = Vec::new();
    let (mut start, mut used) = (0, 0);
    for (at, cluster) in word.word.grapheme_indices(true) {
        let wide = columns(cluster);
        if used > 0 && used + wide > width {
            pieces.push(Word {
                word: &word.word[start..at],
                whitespace: "",
                penalty: "",
                width: used,
            });
            (start, used) = (at, 0);
        }
        used += wide;
    }
    pieces.push(Word {
        word: &word.word[start..],
        whitespace: word.whitespace,
        penalty: word.penalty,
        width: used,
    });
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;
    use textwrap::Options;

    #[test]
    fn text_without_clusters_wraps_as_textwrap_does() {
        let texts = [
            "KAM’s essence: a radically different process for key accounts.",
            "well-known cross-selling to existing customers, and so on and on",
            "  indented words that wrap under nothing at all here",
            "averyveryverylongwordthatnolinecanhold and then short words after it",
            "1. a list item with enough words to wrap twice over at twenty",
        ];
        for text in texts {
            for width in 8..40 {
                for indent in ["", "   "] {
                    let options = Options::new(width).subsequent_indent(indent);
                    let expected = textwrap::wrap(text, options);
                    let got = wrap_line(text, width, indent, &WordSplitter::HyphenSplitter);
                    assert_eq!(got, expected, "{text:?} at {width}, indent {indent:?}");
                }
            }
        }
    }
}
