//! Questions about cards for Learn and the practice test: multiple choice with distractors
//! from the same deck, true/false, and written.

use super::Rng;
use rand::RngExt;
use rand::seq::SliceRandom;
use serde::{Deserialize, Serialize};

use super::grade::normalise;
use super::options::AnswerWith;

/// One card, as the practice modes use it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Term {
    pub id: Box<str>,
    pub front: String,
    pub back: String,
}

/// What is asked about a term.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Ask {
    /// Pick the answer among four; `correct` is its index.
    Choice {
        options: Vec<String>,
        correct: usize,
    },
    /// Is `shown` the answer?
    TrueFalse {
        shown: String,
        is_true: bool,
    },
    Written,
}

impl Ask {
    /// The kind of question, as the log names it.
    #[must_use]
    pub fn kind(&self) -> crate::store::Question {
        match self {
            Ask::Choice { .. } => crate::store::Question::Choice,
            Ask::TrueFalse { .. } => crate::store::Question::TrueFalse,
            Ask::Written => crate::store::Question::Written,
        }
    }
}

/// A question: the prompt side, the expected answer, and how it is asked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Question {
    pub term: usize,
    pub prompt: String,
    pub answer: String,
    pub ask: Ask,
}

/// Which sides a question about `term` shows and expects.
#[must_use]
pub fn sides(term: &Term, with: AnswerWith, rng: &mut Rng) -> (String, String) {
    let front_first = match with {
        AnswerWith::Back => true,
        AnswerWith::Front => false,
        AnswerWith::Both => rng.random_bool(0.5),
    };
    if front_first {
        (term.front.clone(), term.back.clone())
    } else {
        (term.back.clone(), term.front.clone())
    }
}

/// The side answered with, for `term`, matching [`sides`].
fn answer_side(term: &Term, answer_is_back: bool) -> &str {
    if answer_is_back {
        &term.back
    } else {
        &term.front
    }
}

/// The card whose answer `picked` is, among the terms other than the one `question` asks
/// about: whose answer a wrong pick took. `None` when no other term has that answer.
#[must_use]
pub fn owner_of(terms: &[Term], question: &Question, picked: &str) -> Option<usize> {
    let answer_is_back = terms
        .get(question.term)
        .is_some_and(|term| question.answer == term.back);
    terms
        .iter()
        .enumerate()
        .find(|&(i, term)| i != question.term && answer_side(term, answer_is_back) == picked)
        .map(|(i, _)| i)
}

/// A coarse kind of text, so that distractors look like the answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    Number,
    Word,
    Phrase,
    Sentence,
    List,
}

fn shape(text: &str) -> Shape {
    let norm = normalise(text);
    let words = norm.split(' ').count();
    if text.lines().count() > 1 {
        Shape::List
    } else if norm
        .chars()
        .all(|c| c.is_ascii_digit() || c == '.' || c == ',' || c == ' ')
    {
        Shape::Number
    } else if words == 1 {
        Shape::Word
    } else if words <= 5 {
        Shape::Phrase
    } else {
        Shape::Sentence
    }
}

/// Up to `count` other terms' answers that look like `answer`: the same shape and a similar
/// length first, picked at random among the closest, never equal to the answer or each other.
#[must_use]
pub fn distractors(
    terms: &[Term],
    term: usize,
    answer_is_back: bool,
    count: usize,
    rng: &mut Rng,
) -> Vec<String> {
    let answer = answer_side(&terms[term], answer_is_back);
    let (answer_shape, answer_len) = (shape(answer), answer.chars().count());
    let mut seen = vec![normalise(answer)];
    let mut candidates: Vec<(usize, &str)> = terms
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != term)
        .map(|(_, other)| {
            let text = answer_side(other, answer_is_back);
            let length_gap = text.chars().count().abs_diff(answer_len);
            let shape_gap = if shape(text) == answer_shape { 0 } else { 1000 };
            (shape_gap + length_gap, text)
        })
        .collect();
    candidates.shuffle(rng);
    candidates.sort_by_key(|(distance, _)| *distance);
    // Vary the choice among the closest few of the same shape, so the same distractors do not
    // always come back; then fall back to the rest, closest first.
    let same_shape = candidates
        .iter()
        .filter(|(distance, _)| *distance < 1000)
        .count();
    let pool = same_shape.min(count + 2);
    candidates[..pool].shuffle(rng);
    let mut picked = Vec::with_capacity(count);
    for (_, text) in candidates {
        if picked.len() == count {
            break;
        }
        let norm = normalise(text);
        if !seen.contains(&norm) {
            seen.push(norm);
            picked.push(text.to_owned());
        }
    }
    picked
}

/// Whether the cards give something to choose from: multiple choice, true/false and matching
/// need at least two different answers on each side. Without them, questions are written
/// ([`choice`] and [`true_false`] fall back), and the screen says why ([`ONE_ANSWER`]).
#[must_use]
pub fn can_choose(terms: &[Term]) -> bool {
    let distinct = |side: fn(&Term) -> &str| {
        let mut seen: Vec<String> = terms.iter().map(|t| normalise(side(t))).collect();
        seen.sort();
        seen.dedup();
        seen.len() >= 2
    };
    distinct(|t| &t.back) && distinct(|t| &t.front)
}

/// Why every question is written, when [`can_choose`] says there is nothing to choose from.
/// Short: a 40-column screen shows two lines of notice.
pub const ONE_ANSWER: &str = "Questions are written: choices need two cards with other answers.";

/// A multiple-choice question: the answer among up to three distractors, in random order;
/// a written question when no other card gives a distractor.
#[must_use]
pub fn choice(terms: &[Term], term: usize, with: AnswerWith, rng: &mut Rng) -> Question {
    let (prompt, answer) = sides(&terms[term], with, rng);
    let answer_is_back = answer == terms[term].back;
    let mut options = distractors(terms, term, answer_is_back, 3, rng);
    if options.is_empty() {
        return written_of(term, prompt, answer);
    }
    options.push(answer.clone());
    options.shuffle(rng);
    let correct = options.iter().position(|o| *o == answer).unwrap_or(0);
    Question {
        term,
        prompt,
        answer,
        ask: Ask::Choice { options, correct },
    }
}

/// A true/false question: the answer, or half the time another term's; a written question
/// when no other card has another answer (the answer would always be true).
#[must_use]
pub fn true_false(terms: &[Term], term: usize, with: AnswerWith, rng: &mut Rng) -> Question {
    let (prompt, answer) = sides(&terms[term], with, rng);
    let answer_is_back = answer == terms[term].back;
    let Some(other) = distractors(terms, term, answer_is_back, 1, rng).pop() else {
        return written_of(term, prompt, answer);
    };
    let (shown, is_true) = if rng.random_bool(0.5) {
        (other, false)
    } else {
        (answer.clone(), true)
    };
    Question {
        term,
        prompt,
        answer,
        ask: Ask::TrueFalse { shown, is_true },
    }
}

/// A written question.
#[must_use]
pub fn written(terms: &[Term], term: usize, with: AnswerWith, rng: &mut Rng) -> Question {
    let (prompt, answer) = sides(&terms[term], with, rng);
    written_of(term, prompt, answer)
}

fn written_of(term: usize, prompt: String, answer: String) -> Question {
    Question {
        term,
        prompt,
        answer,
        ask: Ask::Written,
    }
}

/// `n` terms for the modes' tests: "Country i" answered by "Capitali", ids `d/ci`.
#[cfg(test)]
pub(crate) fn sample_terms(n: usize) -> Vec<Term> {
    (0..n)
        .map(|i| Term {
            id: format!("d/c{i}").into(),
            front: format!("Country {i}"),
            back: format!("Capital{i}"),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use rand::SeedableRng;

    use super::*;
    use crate::session::Rng;

    fn terms(pairs: &[(&str, &str)]) -> Vec<Term> {
        pairs
            .iter()
            .enumerate()
            .map(|(i, (f, b))| Term {
                id: format!("d/{i}").into(),
                front: (*f).into(),
                back: (*b).into(),
            })
            .collect()
    }

    #[test]
    fn choices_have_four_distinct_options_of_the_same_kind() {
        let deck = terms(&[
            ("Capital of France", "Paris"),
            ("Capital of Spain", "Madrid"),
            ("Capital of Italy", "Rome"),
            ("Capital of Peru", "Lima"),
            ("Year of the moon landing", "1969"),
            ("Duplicate answer", "paris!"),
            (
                "Definition",
                "A long sentence that explains something in many more words.",
            ),
        ]);
        for seed in 0..50 {
            let mut rng = Rng::seed_from_u64(seed);
            let q = choice(&deck, 0, AnswerWith::Back, &mut rng);
            let Ask::Choice { options, correct } = &q.ask else {
                panic!()
            };
            assert_eq!(options.len(), 4);
            assert_eq!(options[*correct], "Paris");
            let mut normalised: Vec<String> = options.iter().map(|o| normalise(o)).collect();
            normalised.dedup();
            normalised.sort();
            normalised.dedup();
            assert_eq!(normalised.len(), 4, "{options:?}");
            // One-word city names beat the year and the sentence.
            assert!(
                options
                    .iter()
                    .all(|o| o.split(' ').count() == 1 && o.parse::<u32>().is_err()),
                "{options:?}"
            );
        }
    }

    #[test]
    fn a_tiny_deck_gives_fewer_options_but_never_duplicates() {
        let deck = terms(&[("a", "one"), ("b", "One"), ("c", "two")]);
        let mut rng = Rng::seed_from_u64(1);
        let Ask::Choice { options, .. } = choice(&deck, 0, AnswerWith::Back, &mut rng).ask else {
            panic!()
        };
        assert_eq!(options.len(), 2, "{options:?}");
    }

    #[test]
    fn one_card_or_one_answer_asks_in_writing() {
        let one = terms(&[("Capital of France", "Paris")]);
        let same = terms(&[("Capital of France", "Paris"), ("Ville lumière", "paris!")]);
        for deck in [&one, &same] {
            assert!(!can_choose(deck));
            for seed in 0..20 {
                let mut rng = Rng::seed_from_u64(seed);
                assert_eq!(
                    choice(deck, 0, AnswerWith::Back, &mut rng).ask,
                    Ask::Written
                );
                assert_eq!(
                    true_false(deck, 0, AnswerWith::Back, &mut rng).ask,
                    Ask::Written
                );
            }
        }
        let two = terms(&[
            ("Capital of France", "Paris"),
            ("Capital of Spain", "Madrid"),
        ]);
        assert!(can_choose(&two));
        let mut rng = Rng::seed_from_u64(1);
        let Ask::Choice { options, .. } = choice(&two, 0, AnswerWith::Back, &mut rng).ask else {
            panic!("two cards give a choice of two")
        };
        assert_eq!(options.len(), 2);
    }

    #[test]
    fn answer_with_the_front_swaps_the_sides() {
        let deck = terms(&[("front text", "back text"), ("x", "y")]);
        let mut rng = Rng::seed_from_u64(3);
        let q = written(&deck, 0, AnswerWith::Front, &mut rng);
        assert_eq!(
            (q.prompt.as_str(), q.answer.as_str()),
            ("back text", "front text")
        );
        let t = true_false(&deck, 0, AnswerWith::Back, &mut rng);
        let Ask::TrueFalse { shown, is_true } = t.ask else {
            panic!()
        };
        assert_eq!(is_true, shown == "back text");
    }
}
