//! Folding text for comparison: lowercase, punctuation as spaces, and accents dropped only
//! where the bare letter is still the same letter.
//!
//! An accent on a Latin, Greek or Cyrillic letter (é, ñ, ά, ё, a Russian stress mark, a
//! Vietnamese tone or vowel mark) may be forgotten: "cafe" is still "café", and the grader
//! shows the accent missed ("mind the accents"). Marks that make another letter or word are
//! kept: Japanese voicing marks (か/が, ふ/ぶ/ぷ), Cyrillic й and ў (their breve makes a letter
//! of its own), Indic vowel signs and viramas, Thai vowel and tone marks, Hebrew and Arabic
//! points. Hangul is decomposed and recomposed, so a syllable is one character.
//!
//! The kept marks outside Latin, Greek and Cyrillic are [`word_marks`]: the typo allowance
//! never forgives one missing, extra or changed (ข่าว "news" is not ขาว "white").

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Which combining marks folding drops.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Marks {
    /// Accents on Latin, Greek and Cyrillic letters; every other mark stays.
    Accents,
    /// None: every mark counts (to tell "right" from "right but for the accents").
    Keep,
}

/// Lowercase, accents removed (see the module docs for which), punctuation as spaces (a
/// decimal point or comma between digits is kept), single spaces. Search folds every card
/// with this.
#[must_use]
pub fn normalise(text: &str) -> String {
    normalise_with(text, Marks::Accents)
}

/// [`normalise`] with the marks to drop chosen by the caller.
pub(super) fn normalise_with(text: &str, marks: Marks) -> String {
    // NFKD leaves ASCII as it is, with no combining marks to drop, and ASCII's lowercase is
    // ASCII: most text skips the Unicode tables. A test checks that both paths agree.
    let chars: Vec<char> = if text.is_ascii() {
        text.bytes()
            .map(|b| char::from(b.to_ascii_lowercase()))
            .collect()
    } else {
        unicode_chars(text, marks)
    };
    fold(&chars)
}

/// Punctuation as spaces (but a decimal point or comma between digits), apostrophes
/// dropped, single spaces. A combining mark left in belongs to its word.
pub(super) fn fold(chars: &[char]) -> String {
    let mut out = String::with_capacity(chars.len());
    for (i, &c) in chars.iter().enumerate() {
        let between_digits = |i: usize| {
            i > 0
                && chars.get(i - 1).is_some_and(char::is_ascii_digit)
                && chars.get(i + 1).is_some_and(char::is_ascii_digit)
        };
        if c.is_alphanumeric()
            || is_combining_mark(c)
            || ((c == '.' || c == ',') && between_digits(i))
        {
            out.push(c);
        } else if c == '\'' || c == '’' {
            // "KAM's" is one word.
        } else if !out.ends_with(' ') {
            out.push(' ');
        }
    }
    out.trim().to_owned()
}

/// Decomposed, without the marks `marks` drops, recomposed (so that か and a kept voicing
/// mark are one character again, as typed), lowercase.
pub(super) fn unicode_chars(text: &str, marks: Marks) -> Vec<char> {
    let mut kept = String::with_capacity(text.len());
    let mut base = None;
    for c in text.nfkd() {
        if is_combining_mark(c) {
            if !(marks == Marks::Accents && base.is_some_and(|base| is_accent(base, c))) {
                kept.push(c);
            }
        } else {
            base = Some(c);
            kept.push(c);
        }
    }
    kept.nfc().flat_map(char::to_lowercase).collect()
}

/// Whether `mark` on the bare letter `base` is an accent that leaves it the same letter.
fn is_accent(base: char, mark: char) -> bool {
    let diacritic = ('\u{0300}'..='\u{036F}').contains(&mark);
    let cyrillic = ('\u{0400}'..='\u{04FF}').contains(&base);
    // Й and Ў are letters of their own: the breve is not an accent there.
    let makes_a_letter = cyrillic && mark == '\u{0306}';
    diacritic && is_latin_greek_or_cyrillic(base) && !makes_a_letter
}

fn is_latin_greek_or_cyrillic(c: char) -> bool {
    c.is_ascii_alphabetic()
        || matches!(c,
            '\u{00C0}'..='\u{024F}' // Latin-1 letters, Latin Extended-A and -B
            | '\u{1E00}'..='\u{1EFF}' // Latin Extended Additional
            | '\u{0370}'..='\u{03FF}' // Greek
            | '\u{1F00}'..='\u{1FFF}' // Greek Extended
            | '\u{0400}'..='\u{04FF}') // Cyrillic
}

/// The combining marks (Unicode Mn, Mc, Me) on letters outside Latin, Greek and Cyrillic, in
/// order, decomposed: Japanese voicing marks, Indic vowel signs and viramas, Thai vowels and
/// tones, Hebrew and Arabic points. Each makes another word, so two texts whose word marks
/// differ are never a typo apart.
pub(super) fn word_marks(text: &str) -> Vec<char> {
    let mut marks = Vec::new();
    let mut base = None;
    for c in text.nfd() {
        if is_combining_mark(c) {
            if !base.is_some_and(is_latin_greek_or_cyrillic) {
                marks.push(c);
            }
        } else {
            base = Some(c);
        }
    }
    marks
}

/// `text` cut into letters, each with the combining marks that follow it (ข่ is one): a
/// mark moved to another letter changes two of them.
pub(super) fn letters(text: &str) -> Vec<&str> {
    let mut letters = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if i > start && !is_combining_mark(c) {
            letters.push(&text[start..i]);
            start = i;
        }
    }
    if start < text.len() {
        letters.push(&text[start..]);
    }
    letters
}
