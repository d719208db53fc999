//! The practice test: a number of questions of the chosen kinds (written, multiple choice,
//! true/false, and a matching block of up to six pairs), split evenly. The user moves freely
//! between questions, then submits for a graded report, and may retake only the missed cards.

mod report;

use chrono::{DateTime, FixedOffset};
use rand::SeedableRng;
use rand::seq::SliceRandom;

use super::Rng;
use super::options::Options;
use super::questions::{Ask, Question, Term, choice, sides, true_false, written};
use crate::scheduler::Rating;
use crate::store::{Mode, NewEvent, NewKind, Question as Kind};

pub use report::{Report, Wrong};

/// Largest matching block.
pub const MATCH_PAIRS: usize = 6;

/// One question, or the matching block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    Single(Question),
    /// Prompts to match with the answers, which are listed in another order.
    Matching {
        terms: Vec<usize>,
        prompts: Vec<String>,
        answers: Vec<String>,
        key: Vec<usize>,
    },
}

/// What the user gave for an item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Response {
    Empty,
    Text(String),
    Choice(usize),
    TrueFalse(bool),
    /// For each prompt, the answer picked.
    Matching(Vec<Option<usize>>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct PracticeTest {
    pub title: String,
    pub terms: Vec<Term>,
    pub items: Vec<Item>,
    pub responses: Vec<Response>,
    /// The item on screen; `items.len()` is the submit page.
    pub position: usize,
    /// The focused prompt of the matching block.
    pub row: usize,
    pub report: Option<Report>,
    /// Lines the report is scrolled by.
    pub scroll: u16,
    options: Options,
    decks: Vec<String>,
    seed: u64,
}

impl PracticeTest {
    /// A test of `options.count` questions on `terms`.
    #[must_use]
    pub fn new(
        title: String,
        terms: Vec<Term>,
        options: Options,
        decks: Vec<String>,
        seed: u64,
    ) -> Self {
        let mut rng = Rng::seed_from_u64(seed);
        let mut picked: Vec<usize> = (0..terms.len()).collect();
        picked.shuffle(&mut rng);
        picked.truncate(options.count.clamp(1, terms.len().max(1)));
        let items = build_items(&terms, &picked, &options, &mut rng);
        let responses = items
            .iter()
            .map(|item| match item {
                Item::Matching { prompts, .. } => Response::Matching(vec![None; prompts.len()]),
                Item::Single(_) => Response::Empty,
            })
            .collect();
        Self {
            title,
            terms,
            items,
            responses,
            position: 0,
            row: 0,
            report: None,
            scroll: 0,
            options,
            decks,
            seed,
        }
    }

    /// Number of questions, counting each matching pair.
    #[must_use]
    pub fn question_count(&self) -> usize {
        self.items
            .iter()
            .map(|item| match item {
                Item::Single(_) => 1,
                Item::Matching { prompts, .. } => prompts.len(),
            })
            .sum()
    }

    #[must_use]
    pub fn on_submit_page(&self) -> bool {
        self.report.is_none() && self.position >= self.items.len()
    }

    /// Whether keys type into an answer field.
    #[must_use]
    pub fn typing(&self) -> bool {
        self.report.is_none()
            && matches!(
                self.items.get(self.position),
                Some(Item::Single(Question {
                    ask: Ask::Written,
                    ..
                }))
            )
    }

    /// The card of the question on screen.
    #[must_use]
    pub fn current_card(&self) -> Option<&str> {
        let term = match self.items.get(self.position)? {
            Item::Single(question) => question.term,
            Item::Matching { terms, .. } => *terms.get(self.row)?,
        };
        Some(self.terms[term].id.as_ref())
    }

    pub fn next(&mut self) {
        if self.report.is_none() && self.position < self.items.len() {
            self.position += 1;
            self.row = 0;
        }
    }

    pub fn previous(&mut self) {
        if self.report.is_none() && self.position > 0 {
            self.position -= 1;
            self.row = 0;
        }
    }

    pub fn type_char(&mut self, c: char) {
        if self.typing() {
            match &mut self.responses[self.position] {
                Response::Text(text) => text.push(c),
                response => *response = Response::Text(c.to_string()),
            }
        }
    }

    pub fn backspace(&mut self) {
        if self.typing()
            && let Response::Text(text) = &mut self.responses[self.position]
        {
            text.pop();
        }
    }

    /// `n` (1-based): an option, true (1) or false (2), or for the matching block the answer
    /// for the focused prompt.
    pub fn choose(&mut self, n: usize) {
        if self.report.is_some() || n == 0 {
            return;
        }
        let Some(item) = self.items.get(self.position) else {
            return;
        };
        let response = match item {
            Item::Single(Question {
                ask: Ask::Choice { options, .. },
                ..
            }) if n <= options.len() => Response::Choice(n - 1),
            Item::Single(Question {
                ask: Ask::TrueFalse { .. },
                ..
            }) if n <= 2 => Response::TrueFalse(n == 1),
            Item::Matching { answers, .. } if n <= answers.len() => {
                let mut picks = match &self.responses[self.position] {
                    Response::Matching(picks) => picks.clone(),
                    _ => vec![None; answers.len()],
                };
                picks[self.row] = Some(n - 1);
                self.row = (self.row + 1).min(answers.len() - 1);
                Response::Matching(picks)
            }
            _ => return,
        };
        self.responses[self.position] = response;
    }

    /// Moves the matching block's focus, or scrolls the report.
    pub fn move_row(&mut self, down: bool) {
        if self.report.is_some() {
            self.scroll = if down {
                self.scroll.saturating_add(1)
            } else {
                self.scroll.saturating_sub(1)
            };
            return;
        }
        if let Some(Item::Matching { prompts, .. }) = self.items.get(self.position) {
            self.row = if down {
                (self.row + 1).min(prompts.len() - 1)
            } else {
                self.row.saturating_sub(1)
            };
        }
    }

    /// Grades everything: one practice answer per card and one result per deck.
    pub fn submit(&mut self, now: DateTime<FixedOffset>) -> Vec<NewEvent> {
        if self.report.is_some() {
            return Vec::new();
        }
        let (report, marked) = Report::of(&self.items, &self.responses, self.options.strictness);
        let mut events: Vec<NewEvent> = marked
            .into_iter()
            .map(|(term, kind, right)| {
                let rating = if right { Rating::Good } else { Rating::Again };
                NewEvent::for_card(
                    &self.terms[term].id,
                    now,
                    NewKind::answer(rating, None, Mode::Test, Some(kind)),
                )
            })
            .collect();
        for deck in &self.decks {
            events.push(NewEvent::for_deck(
                deck,
                now,
                NewKind::Result {
                    mode: Mode::Test.into(),
                    ms: None,
                    mistakes: None,
                    score: Some(report.score),
                    questions: u32::try_from(report.total).ok(),
                },
            ));
        }
        self.report = Some(report);
        events
    }

    /// A new test on the cards missed in this one.
    #[must_use]
    pub fn retake_missed(&self) -> Option<Self> {
        let report = self.report.as_ref()?;
        if report.missed.is_empty() {
            return None;
        }
        let terms: Vec<Term> = report
            .missed
            .iter()
            .map(|&t| self.terms[t].clone())
            .collect();
        let options = Options {
            count: terms.len(),
            ..self.options.clone()
        };
        Some(Self::new(
            self.title.clone(),
            terms,
            options,
            self.decks.clone(),
            self.seed.wrapping_add(1),
        ))
    }
}

/// Splits the picked terms evenly among the question kinds; the matching block takes at most
/// six pairs, and needs at least two, the rest going to the other kinds.
fn build_items(terms: &[Term], picked: &[usize], options: &Options, rng: &mut Rng) -> Vec<Item> {
    let kinds = &options.questions;
    let mut shares: Vec<(Kind, usize)> = kinds
        .iter()
        .map(|&k| (k, picked.len() / kinds.len()))
        .collect();
    for share in shares.iter_mut().take(picked.len() % kinds.len()) {
        share.1 += 1;
    }
    if let Some(at) = shares.iter().position(|(k, _)| *k == Kind::Matching) {
        let matching = shares[at].1;
        let allowed = if matching >= 2 && picked.len() >= 2 {
            matching.min(MATCH_PAIRS)
        } else {
            0
        };
        let spare = matching - allowed;
        shares[at].1 = allowed;
        let others: Vec<usize> = (0..shares.len()).filter(|&i| i != at).collect();
        // With no other kind, the test is the one block of at most six pairs.
        if !others.is_empty() {
            for i in 0..spare {
                shares[others[i % others.len()]].1 += 1;
            }
        }
    }
    let mut items = Vec::new();
    let mut next = picked.iter().copied();
    for (kind, count) in shares {
        let chosen: Vec<usize> = next.by_ref().take(count).collect();
        match kind {
            Kind::Matching if !chosen.is_empty() => {
                items.push(matching_block(terms, &chosen, options, rng));
            }
            Kind::Matching => {}
            _ => {
                for term in chosen {
                    items.push(Item::Single(match kind {
                        Kind::Choice => choice(terms, term, options.answer_with, rng),
                        Kind::TrueFalse => true_false(terms, term, options.answer_with, rng),
                        _ => written(terms, term, options.answer_with, rng),
                    }));
                }
            }
        }
    }
    items
}

fn matching_block(terms: &[Term], chosen: &[usize], options: &Options, rng: &mut Rng) -> Item {
    let (prompts, answers): (Vec<String>, Vec<String>) = chosen
        .iter()
        .map(|&t| sides(&terms[t], options.answer_with, rng))
        .unzip();
    let mut order: Vec<usize> = (0..answers.len()).collect();
    order.shuffle(rng);
    let shuffled: Vec<String> = order.iter().map(|&i| answers[i].clone()).collect();
    // key[prompt] = where its answer ended up.
    let key = (0..answers.len())
        .map(|i| order.iter().position(|&o| o == i).unwrap_or(0))
        .collect();
    Item::Matching {
        terms: chosen.to_vec(),
        prompts,
        answers: shuffled,
        key,
    }
}

#[cfg(test)]
mod tests;
