//! Grading a submitted practice test: each question right or wrong, the wrong answers beside
//! the right ones, and the score.

use super::{Item, Response};
use crate::session::grade::{Strictness, grade};
use crate::session::questions::Ask;
use crate::store::Question as Kind;

/// A wrong answer beside the right one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Wrong {
    pub prompt: String,
    pub given: String,
    pub expected: String,
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
}

/// One question marked: its term, its kind, and whether it was answered right.
pub(super) type Marked = (usize, Kind, bool);

impl Report {
    /// Grades every item's response: the report, and each question marked, in order.
    pub(super) fn of(
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
        };
        let mut marked = Vec::new();
        for (item, response) in items.iter().zip(responses) {
            for (term, kind, right, wrong) in grade_item(item, response, strictness) {
                report.total += 1;
                if right {
                    report.right += 1;
                } else {
                    report.missed.push(term);
                    report.wrong.extend(wrong);
                }
                marked.push((term, kind, right));
            }
        }
        report.score = u32::try_from((report.right * 100 + report.total / 2) / report.total.max(1))
            .unwrap_or(100);
        (report, marked)
    }
}

/// (term, kind, right, the wrong answer beside the right one) for each question of an item.
fn grade_item(
    item: &Item,
    response: &Response,
    strictness: Strictness,
) -> Vec<(usize, Kind, bool, Option<Wrong>)> {
    let wrong = |prompt: &str, given: String, expected: &str| {
        Some(Wrong {
            prompt: prompt.to_owned(),
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
                (Ask::TrueFalse { shown, is_true }, Response::TrueFalse(said)) => (
                    Kind::TrueFalse,
                    said == is_true,
                    format!("{} ({shown})", if *said { "True" } else { "False" }),
                ),
                (ask, _) => (kind_of(ask), false, "(no answer)".to_owned()),
            };
            let expected = match &q.ask {
                Ask::TrueFalse { shown, is_true } => format!(
                    "{} ({shown}; the answer is {})",
                    if *is_true { "True" } else { "False" },
                    q.answer
                ),
                _ => q.answer.clone(),
            };
            vec![(
                q.term,
                kind,
                right,
                if right {
                    None
                } else {
                    wrong(&q.prompt, given, &expected)
                },
            )]
        }
        Item::Matching {
            terms,
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
                        .map_or_else(|| "(no answer)".to_owned(), |p| answers[p].clone());
                    (
                        terms[i],
                        Kind::Matching,
                        right,
                        if right {
                            None
                        } else {
                            wrong(&prompts[i], given, &answers[key[i]])
                        },
                    )
                })
                .collect()
        }
    }
}

fn kind_of(ask: &Ask) -> Kind {
    match ask {
        Ask::Choice { .. } => Kind::Choice,
        Ask::TrueFalse { .. } => Kind::TrueFalse,
        Ask::Written => Kind::Written,
    }
}
