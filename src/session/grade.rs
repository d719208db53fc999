//! Grading typed answers the way a patient person would.
//!
//! - Case, accents, punctuation and extra spaces do not matter; text in parentheses is
//!   optional.
//! - An answer listing short parts (`a, b; c / d`) needs all of them or any one, by setting.
//! - Small typos pass, scaled to the answer's length (Damerau–Levenshtein), and the correct
//!   spelling is shown; numbers must be exact.
//! - Long answers (this deck's one-sentence definitions) are graded on their key words: most
//!   of the words that carry meaning must be there, in any order and any form.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Whether an answer listing parts needs all of them or any one.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Parts {
    #[default]
    All,
    Any,
}

/// How many typos pass.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Typos {
    /// None: every letter counts.
    None,
    /// A few, scaled to the answer's length.
    #[default]
    Some,
    /// One more than that.
    More,
}

/// How typed answers are graded: the `typed_answers` and `list_answers` settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Strictness {
    pub typos: Typos,
    pub parts: Parts,
}

/// The verdict on a typed answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grade {
    /// Right as typed (ignoring case, accents and punctuation).
    Correct,
    /// Right, with small typos or a different wording of the same key words: the screen shows
    /// the answer as written.
    Close,
    Wrong,
}

impl Grade {
    #[must_use]
    pub fn is_right(self) -> bool {
        self != Grade::Wrong
    }
}

/// Words of a long answer that carry no meaning on their own.
const STOP_WORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "of", "to", "in", "on", "for", "with", "by", "at", "from", "as",
    "is", "are", "be", "been", "being", "was", "were", "it", "its", "that", "this", "these",
    "those", "which", "who", "whom", "what", "their", "they", "them", "there", "than", "then",
    "so", "such", "not", "no", "but", "also", "all", "any", "each", "into", "about", "over",
    "under", "more", "most", "very", "can", "must", "will", "would", "should", "may", "might",
    "do", "does", "did", "has", "have", "had", "we", "our", "you", "your", "he", "she", "his",
    "her", "just", "only", "other", "well",
];

/// Answers with more words than this are graded on key words.
const LONG_ANSWER_WORDS: usize = 6;
/// Share of an answer's key words a typed answer must contain: 2 in 5.
const KEY_WORD_SHARE: (usize, usize) = (2, 5);

/// Grades `typed` against the card's `answer`.
#[must_use]
pub fn grade(typed: &str, answer: &str, strictness: Strictness) -> Grade {
    let Strictness { typos, parts } = strictness;
    // "1." and "-" in front of list items are layout, not part of the answer.
    let answer = &without_list_markers(answer);
    let typed = &without_list_markers(typed);
    let typed_norm = normalise(typed);
    if typed_norm.is_empty() {
        return Grade::Wrong;
    }
    if numbers(&typed_norm) != numbers(&normalise(&without_parentheses(answer))) {
        // Typed "1995" for "1996": no typo tolerance on numbers. A typed answer that includes
        // the optional parenthesised numbers is checked on the full answer below.
        if numbers(&typed_norm) != numbers(&normalise(answer)) {
            return Grade::Wrong;
        }
    }
    // The answer with and without its optional parts; the better verdict counts.
    [without_parentheses(answer), answer.replace(['(', ')'], " ")]
        .iter()
        .map(|candidate| grade_against(&typed_norm, candidate, parts, typos))
        .min_by_key(|grade| match grade {
            Grade::Correct => 0,
            Grade::Close => 1,
            Grade::Wrong => 2,
        })
        .unwrap_or(Grade::Wrong)
}

fn grade_against(typed: &str, answer: &str, parts: Parts, typos: Typos) -> Grade {
    let whole = normalise(answer);
    if whole.is_empty() {
        return Grade::Wrong;
    }
    if typed == whole {
        return Grade::Correct;
    }
    // "a, b, and c": the last part's "and" joins the list; it is not part of the answer.
    let listed: Vec<String> = answer
        .split([',', ';', '/'])
        .map(normalise)
        .map(|part| {
            let trimmed = part
                .strip_prefix("and ")
                .or_else(|| part.strip_prefix("or "));
            trimmed.map_or(part.clone(), str::to_owned)
        })
        .filter(|part| !part.is_empty())
        .collect();
    let is_list = listed.len() > 1 && listed.iter().all(|p| p.split(' ').count() <= 4);
    if is_list {
        return grade_parts(typed, &listed, parts, typos);
    }
    if whole.split(' ').count() > LONG_ANSWER_WORDS {
        return grade_key_words(typed, &whole, typos);
    }
    if within_typos(typed, &whole, typos) {
        Grade::Close
    } else {
        Grade::Wrong
    }
}

/// Each listed part must appear in the typed text (its separators are gone after
/// normalising), in any order, allowing small typos within a part.
fn grade_parts(typed: &str, listed: &[String], parts: Parts, typos: Typos) -> Grade {
    let words: Vec<&str> = typed.split(' ').collect();
    let found = |part: &String| {
        let width = part.split(' ').count();
        words.windows(width.min(words.len())).any(|window| {
            let candidate = window.join(" ");
            candidate == *part || within_typos(&candidate, part, typos)
        })
    };
    let matched = listed.iter().filter(|part| found(part)).count();
    let exact = |part: &String| {
        words
            .windows(part.split(' ').count())
            .any(|w| w.join(" ") == *part)
    };
    match parts {
        Parts::All if matched == listed.len() => {
            if listed.iter().all(exact) {
                Grade::Correct
            } else {
                Grade::Close
            }
        }
        Parts::Any if matched > 0 => {
            if listed.iter().any(|part| typed == part) {
                Grade::Correct
            } else {
                Grade::Close
            }
        }
        _ => Grade::Wrong,
    }
}

/// Most of the answer's key words must appear, by stem or with small typos.
fn grade_key_words(typed: &str, answer: &str, typos: Typos) -> Grade {
    let key_words: Vec<&str> = answer
        .split(' ')
        .filter(|word| word.chars().count() > 2 && !STOP_WORDS.contains(word))
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    if key_words.is_empty() {
        return if within_typos(typed, answer, typos) {
            Grade::Close
        } else {
            Grade::Wrong
        };
    }
    let typed_words: Vec<&str> = typed.split(' ').collect();
    let found = key_words
        .iter()
        .filter(|key| typed_words.iter().any(|word| same_word(word, key, typos)))
        .count();
    let (share, of) = KEY_WORD_SHARE;
    if found > 0 && found * of >= key_words.len() * share {
        Grade::Close
    } else {
        Grade::Wrong
    }
}

/// The same word in another form ("customer"/"customers", "selling"/"sell") or with a typo.
fn same_word(typed: &str, key: &str, typos: Typos) -> bool {
    if typed == key {
        return true;
    }
    let stem = |word: &str| word.chars().take(5).collect::<String>();
    let long_enough = typed.chars().count() >= 4 && key.chars().count() >= 4;
    (long_enough && stem(typed) == stem(key)) || within_typos(typed, key, typos)
}

/// Typos allowed for an answer of `chars` characters.
fn allowed_typos(chars: usize, typos: Typos) -> usize {
    let scaled = match chars {
        0..=3 => 0,
        4..=7 => 1,
        8..=14 => 2,
        _ => 3,
    };
    match typos {
        Typos::None => 0,
        Typos::More if chars >= 3 => scaled + 1,
        Typos::Some | Typos::More => scaled,
    }
}

fn within_typos(typed: &str, answer: &str, typos: Typos) -> bool {
    let allowed = allowed_typos(answer.chars().count(), typos);
    allowed > 0 && strsim::damerau_levenshtein(typed, answer) <= allowed
}

/// The numbers in a normalised text, in order.
fn numbers(text: &str) -> Vec<&str> {
    text.split(' ')
        .filter(|word| word.chars().next().is_some_and(|c| c.is_ascii_digit()))
        .collect()
}

fn without_list_markers(text: &str) -> String {
    text.lines()
        .map(|line| {
            let body = line.trim_start();
            let digits = body.chars().take_while(char::is_ascii_digit).count();
            let rest = if digits > 0 && body[digits..].starts_with(['.', ')']) {
                &body[digits + 1..]
            } else {
                body.strip_prefix(['-', '*', '•']).unwrap_or(body)
            };
            if rest.len() < body.len() && rest.starts_with(' ') {
                rest
            } else {
                body
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn without_parentheses(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// Lowercase, accents removed, punctuation as spaces (a decimal point or comma between
/// digits is kept), single spaces.
#[must_use]
pub fn normalise(text: &str) -> String {
    // NFKD leaves ASCII as it is, with no combining marks to drop, and ASCII's lowercase is
    // ASCII: most text skips the Unicode tables (search folds every card with this). A test
    // checks that both paths agree.
    let chars: Vec<char> = if text.is_ascii() {
        text.bytes()
            .map(|b| char::from(b.to_ascii_lowercase()))
            .collect()
    } else {
        unicode_chars(text)
    };
    fold(&chars)
}

/// Punctuation as spaces (but a decimal point or comma between digits), apostrophes
/// dropped, single spaces.
fn fold(chars: &[char]) -> String {
    let mut out = String::with_capacity(chars.len());
    for (i, &c) in chars.iter().enumerate() {
        let between_digits = |i: usize| {
            i > 0
                && chars.get(i - 1).is_some_and(char::is_ascii_digit)
                && chars.get(i + 1).is_some_and(char::is_ascii_digit)
        };
        if c.is_alphanumeric() || ((c == '.' || c == ',') && between_digits(i)) {
            out.push(c);
        } else if c == '\'' || c == '’' {
            // "KAM's" is one word.
        } else if !out.ends_with(' ') {
            out.push(' ');
        }
    }
    out.trim().to_owned()
}

/// Decomposed, without accents, lowercase.
fn unicode_chars(text: &str) -> Vec<char> {
    text.nfkd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests;
