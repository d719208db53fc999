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
    /// "True", "False", the option chosen, the text typed, or "(no answer)".
    pub given: String,
    /// The right answer; for a false claim, "False" and the card's answer.
    pub expected: String,
}

/// What a question not answered shows as the answer given.
pub const NO_ANSWER: &str = "(no answer)";

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
                        given: text.clone(),
                        expected: q.answer.clone(),
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
    let wrong = |prompt: &str, given: String, expected: &str| {
        Some(Wrong {
            number: 0,
            prompt: prompt.to_owned(),
            shown: None,
            given,
            expected: expected.to_owned(),
        })
    };
    match item {
        Item::Single(q) => {
            let (kind, right, given) = match (&q.ask, response) {
                (Ask::Written, Response::Text(text)) => (
                    Kind::Written,
                    grade(text, &q.answer, strictness).is_right(),
                    text.clone(),
                ),
                (Ask::Choice { options, correct }, Response::Choice(n)) => {
                    (Kind::Choice, n == correct, options[*n].clone())
                }
                (Ask::TrueFalse { is_true, .. }, Response::TrueFalse(said)) => {
                    (Kind::TrueFalse, said == is_true, true_or_false(*said))
                }
                (ask, _) => (ask.kind(), false, NO_ANSWER.to_owned()),
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
            let (expected, shown) = match &q.ask {
                Ask::TrueFalse {
                    shown,
                    is_true: true,
                } => ("True".to_owned(), Some(shown)),
                Ask::TrueFalse { shown, .. } => {
                    (format!("False: the answer is {}", q.answer), Some(shown))
                }
                _ => (q.answer.clone(), None),
            };
            let wrong = (!right)
                .then(|| wrong(&q.prompt, given, &expected))
                .flatten()
                .map(|wrong| Wrong {
                    shown: shown.cloned(),
                    ..wrong
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
                        .map_or_else(|| NO_ANSWER.to_owned(), |p| answers[p].clone());
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
                        if right {
                            None
                        } else {
                            wrong(&prompts[i], given, &answers[key[i]])
                        },
                        chosen,
                    )
                })
                .collect()
        }
    }
}

fn true_or_false(said: bool) -> String {
    if said { "True" } else { "False" }.to_owned()
}
