//! Grading a submitted practice test: each question right or wrong, the wrong answers beside
//! the right ones, and the score.

use super::{Item, Response};
use crate::session::grade::{Grade, Strictness, grade};
use crate::session::questions::{Ask, Term, owner_of};
use crate::store::Question as Kind;

/// A wrong answer beside the right one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Wrong {
    /// The question's number in the test, from 1.
    pub number: usize,
    pub prompt: String,
    /// A true/false question's claim: the answer it showed.
    pub shown: Option<String>,
    /// What was answered: an option or a matching answer picked, the text typed, true or
    /// false, or nothing.
    pub given: Answer,
    /// The right answer: the card's answer, or for a true/false question whether its claim
    /// was true.
    pub expected: Answer,
    /// A false claim's card answer, which the report shows after "False".
    pub answer: Option<String>,
}

/// An answer as the report shows it: a card's text is drawn as the card is (Markdown, math,
/// tabs), what was typed as it was typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// A card's text: an option or a matching answer, a card's answer.
    Card(String),
    /// What the user typed.
    Typed(String),
    /// True or false, to a true/false question.
    Truth(bool),
    /// Nothing was answered.
    Nothing,
}

/// What a question not answered shows as the answer given.
pub const NO_ANSWER: &str = "(no answer)";

impl Answer {
    /// The answer's text: the card's or the typed text, "True", "False" or "(no answer)".
    #[must_use]
    pub fn text(&self) -> &str {
        match self {
            Self::Card(text) | Self::Typed(text) => text,
            Self::Truth(true) => "True",
            Self::Truth(false) => "False",
            Self::Nothing => NO_ANSWER,
        }
    }
}

/// A submitted test, graded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// Percent, rounded.
    pub score: u32,
    pub right: usize,
    pub total: usize,
    pub wrong: Vec<Wrong>,
    /// Terms answered wrong, for a retake.
    pub missed: Vec<usize>,
    /// Written answers counted right with a typo or accents left out: shown beside the
    /// answer as written, so the spelling is seen.
    pub near: Vec<Wrong>,
    /// Written answers counted right on most of a long answer's key words
    /// ([`Grade::KeyWords`]): shown beside the whole answer, for what they left out.
    pub partial: Vec<Wrong>,
}

/// One question marked: its term, its kind, whether it was answered right, and when wrong,
/// the term whose answer was picked instead (see `questions::owner_of`).
pub(super) type Marked = (usize, Kind, bool, Option<usize>);

impl Report {
    /// Grades every item's response: the report, and each question marked, in order.
    pub(super) fn of(
        terms: &[Term],
        items: &[Item],
        responses: &[Response],
        strictness: Strictness,
    ) -> (Self, Vec<Marked>) {
        let mut report = Report {
            score: 0,
            right: 0,
            total: 0,
            wrong: Vec::new(),
            missed: Vec::new(),
            near: Vec::new(),
            partial: Vec::new(),
        };
        let mut marked = Vec::new();
        for (item, response) in items.iter().zip(responses) {
            if let (Item::Single(q), Response::Text(text)) = (item, response) {
                let list = match grade(text, &q.answer, strictness) {
                    Grade::Close | Grade::Accents => Some(&mut report.near),
                    Grade::KeyWords => Some(&mut report.partial),
                    Grade::Correct | Grade::Wrong => None,
                };
                if let Some(list) = list {
                    list.push(Wrong {
                        number: report.total + 1,
                        prompt: q.prompt.clone(),
                        shown: None,
                        given: Answer::Typed(text.clone()),
                        expected: Answer::Card(q.answer.clone()),
                        answer: None,
                    });
                }
            }
            for (term, kind, right, wrong, chosen) in grade_item(terms, item, response, strictness)
            {
                report.total += 1;
                if right {
                    report.right += 1;
                } else {
                    report.missed.push(term);
                    report.wrong.extend(wrong.map(|wrong| Wrong {
                        number: report.total,
                        ..wrong
                    }));
                }
                marked.push((term, kind, right, chosen));
            }
        }
        report.score = u32::try_from((report.right * 100 + report.total / 2) / report.total.max(1))
            .unwrap_or(100);
        (report, marked)
    }
}

/// (term, kind, right, the wrong answer beside the right one, the term whose answer a wrong
/// pick took): one question graded.
type Graded = (usize, Kind, bool, Option<Wrong>, Option<usize>);

/// Each question of an item, graded.
fn grade_item(
    terms: &[Term],
    item: &Item,
    response: &Response,
    strictness: Strictness,
) -> Vec<Graded> {
    let wrong = |prompt: &str, given: Answer, expected: Answer| Wrong {
        number: 0,
        prompt: prompt.to_owned(),
        shown: None,
        given,
        expected,
        answer: None,
    };
    match item {
        Item::Single(q) => {
            let (kind, right, given) = match (&q.ask, response) {
                (Ask::Written, Response::Text(text)) => (
                    Kind::Written,
                    grade(text, &q.answer, strictness).is_right(),
                    Answer::Typed(text.clone()),
                ),
                (Ask::Choice { options, correct }, Response::Choice(n)) => (
                    Kind::Choice,
                    n == correct,
                    Answer::Card(options[*n].clone()),
                ),
                (Ask::TrueFalse { is_true, .. }, Response::TrueFalse(said)) => {
                    (Kind::TrueFalse, said == is_true, Answer::Truth(*said))
                }
                (ask, _) => (ask.kind(), false, Answer::Nothing),
            };
            // The answer a wrong pick took: an option, or a false claim said to be true.
            let picked = match (&q.ask, response) {
                (Ask::Choice { options, .. }, Response::Choice(n)) => options.get(*n),
                (Ask::TrueFalse { shown, .. }, Response::TrueFalse(true)) => Some(shown),
                _ => None,
            };
            let chosen = picked
                .filter(|_| !right)
                .and_then(|text| owner_of(terms, q, text));
            let (expected, shown, answer) = match &q.ask {
                Ask::TrueFalse { shown, is_true } => (
                    Answer::Truth(*is_true),
                    Some(shown.clone()),
                    (!is_true).then(|| q.answer.clone()),
                ),
                _ => (Answer::Card(q.answer.clone()), None, None),
            };
            let wrong = (!right).then(|| Wrong {
                shown,
                answer,
                ..wrong(&q.prompt, given, expected)
            });
            vec![(q.term, kind, right, wrong, chosen)]
        }
        Item::Matching {
            terms: pair_terms,
            prompts,
            answers,
            key,
        } => {
            let picks = match response {
                Response::Matching(picks) => picks.clone(),
                _ => vec![None; prompts.len()],
            };
            (0..prompts.len())
                .map(|i| {
                    let right = picks.get(i).copied().flatten() == Some(key[i]);
                    let given = picks
                        .get(i)
                        .copied()
                        .flatten()
                        .map_or(Answer::Nothing, |p| Answer::Card(answers[p].clone()));
                    // Answer `p` is the pair of the prompt whose key it is.
                    let chosen = picks
                        .get(i)
                        .copied()
                        .flatten()
                        .filter(|_| !right)
                        .and_then(|p| key.iter().position(|&k| k == p))
                        .map(|j| pair_terms[j]);
                    (
                        pair_terms[i],
                        Kind::Matching,
                        right,
                        (!right).then(|| {
                            wrong(&prompts[i], given, Answer::Card(answers[key[i]].clone()))
                        }),
                        chosen,
                    )
                })
                .collect()
        }
    }
}
