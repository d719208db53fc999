//! Grading typed answers the way a patient person would.
//!
//! - Case, punctuation and extra spaces do not matter; text in parentheses is optional.
//! - Accents on Latin, Greek and Cyrillic letters may be forgotten ([`Grade::Accents`], and
//!   the screen shows them); marks that make another letter or word count ([`normalise`]).
//! - An answer listing short parts (`a, b; c / d`) needs all of them or any one, by setting.
//! - Small typos pass, scaled to the answer's length (Damerau–Levenshtein), and the correct
//!   spelling is shown; numbers must be exact, and so must marks that make another word.
//! - Long answers (this deck's one-sentence definitions) are graded on their key words: most
//!   of the words that carry meaning must be there ([`grade_key_words`]).

mod normalise;

pub use normalise::normalise;
use normalise::{Marks, letters, normalise_with, word_marks};

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
    /// Right as typed (ignoring case and punctuation).
    Correct,
    /// Right but for accents on letters that stay the same letter without them (café typed
    /// "cafe"): the screen shows the answer as written.
    Accents,
    /// Right, with small typos: the screen shows the answer as written.
    Close,
    /// Right in part: a long answer's key words, most of them ([`grade_key_words`]); the
    /// screen shows the whole answer, as it is not a spelling slip.
    KeyWords,
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
/// Share of an answer's key words a typed answer must contain, in any order: 3 in 4, so
/// all of 1 to 3, 3 of 4, 4 of 5, 6 of 7, 8 of 10.
const KEY_WORDS_SHARE: (usize, usize) = (3, 4);

/// Grades `typed` against the card's `answer`.
#[must_use]
pub fn grade(typed: &str, answer: &str, strictness: Strictness) -> Grade {
    // Graded against the answer as the card shows it, as the comparison is.
    let answer = &crate::ui::card::answer_text(answer);
    match grade_folding(typed, answer, strictness, Marks::Accents) {
        // Right once accents are dropped: was it right with them too?
        Grade::Correct
            if grade_folding(typed, answer, strictness, Marks::Keep) != Grade::Correct =>
        {
            Grade::Accents
        }
        verdict => verdict,
    }
}

/// The verdict with the answer and the typed text folded dropping `marks`.
fn grade_folding(typed: &str, answer: &str, strictness: Strictness, marks: Marks) -> Grade {
    let Strictness { typos, parts } = strictness;
    let normalise = |text: &str| normalise_with(text, marks);
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
        .map(|candidate| grade_against(&typed_norm, candidate, marks, typos, parts))
        .min_by_key(|grade| match grade {
            Grade::Correct => 0,
            Grade::Accents => 1,
            Grade::Close => 2,
            Grade::KeyWords => 3,
            Grade::Wrong => 4,
        })
        .unwrap_or(Grade::Wrong)
}

fn grade_against(typed: &str, answer: &str, marks: Marks, typos: Typos, parts: Parts) -> Grade {
    let whole = normalise_with(answer, marks);
    if whole.is_empty() {
        return Grade::Wrong;
    }
    if typed == whole {
        return Grade::Correct;
    }
    // "a, b, and c": the last part's "and" joins the list; it is not part of the answer.
    let listed: Vec<String> = answer
        .split([',', ';', '/'])
        .map(|part| normalise_with(part, marks))
        .map(|part| {
            let trimmed = part
                .strip_prefix("and ")
                .or_else(|| part.strip_prefix("or "));
            trimmed.map_or(part.clone(), str::to_owned)
        })
        .filter(|part| !part.is_empty())
        .collect();
    let is_list = listed.len() > 1 && listed.iter().all(|p| p.split(' ').count() <= 4);
    let long = whole.split(' ').count() > LONG_ANSWER_WORDS;
    if is_list {
        // A long list ("identifying key accounts, allocating resources, and …") may also
        // pass on its key words, as a long sentence does.
        return match grade_parts(typed, &listed, parts, typos) {
            Grade::Wrong if long => grade_key_words(typed, &whole, typos),
            verdict => verdict,
        };
    }
    // A long answer typed whole but for a typo or two is a spelling slip, not a part.
    if long && !within_typos(typed, &whole, typos) {
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

/// Key words carry the answer: three in four of them must appear, by stem or with small
/// typos, in any order (one rule, long sentences and long lists alike). Key words are the
/// answer's words of three letters or more that are not [`STOP_WORDS`]. So "supported by
/// management" (two of supported, championed, management) fails "Must be supported and
/// championed by management.", and "identifying accounts allocating resources
/// individualizing support" (six of seven) passes "Identifying key accounts, allocating
/// resources, and individualizing support.".
fn grade_key_words(typed: &str, answer: &str, typos: Typos) -> Grade {
    let mut key_words: Vec<&str> = Vec::new();
    for word in answer.split(' ') {
        if word.chars().count() > 2 && !STOP_WORDS.contains(&word) && !key_words.contains(&word) {
            key_words.push(word);
        }
    }
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
    let (share, of) = KEY_WORDS_SHARE;
    if found * of >= key_words.len() * share {
        Grade::KeyWords
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

/// Whether `typed` is at most the allowed typos away from `answer`. Typos are slips between
/// letters: a mark that makes another word (a Thai tone, a Japanese voicing mark, an Indic
/// vowel sign; [`normalise`]'s module docs) missing, extra, changed or moved is never one.
fn within_typos(typed: &str, answer: &str, typos: Typos) -> bool {
    let allowed = allowed_typos(answer.chars().count(), typos);
    if allowed == 0 {
        return false;
    }
    if typed.is_ascii() && answer.is_ascii() {
        return strsim::damerau_levenshtein(typed, answer) <= allowed;
    }
    word_marks(typed) == word_marks(answer)
        && strsim::generic_damerau_levenshtein(&letters(typed), &letters(answer)) <= allowed
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

#[cfg(test)]
mod tests;
