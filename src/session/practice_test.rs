//! The practice test: a number of questions of the chosen kinds (written, multiple choice,
//! true/false, and a matching block of up to six pairs), split evenly. The user moves freely
//! between questions, then submits for a graded report, and may retake only the missed cards.

mod build;
mod report;

use chrono::{DateTime, FixedOffset};
use rand::SeedableRng;
use rand::seq::SliceRandom;
use serde::{Deserialize, Serialize};

use super::Rng;
use super::grade::Strictness;
use super::options::Options;
use super::questions::{Ask, Question, Term};
use crate::scheduler::Rating;
use crate::store::{Mode, NewEvent, NewKind};

pub use build::question_total;
pub use report::{Answer, Report, Wrong};

/// Largest matching block.
pub const MATCH_PAIRS: usize = 6;

/// One question, or the matching block.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Response {
    Empty,
    Text(String),
    Choice(usize),
    TrueFalse(bool),
    /// For each prompt, the answer picked.
    Matching(Vec<Option<usize>>),
}

/// A test being taken, or its report once submitted. Until then it can be kept and taken up
/// again (serde: the app keeps the test in progress in the data dir).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PracticeTest {
    pub title: String,
    pub terms: Vec<Term>,
    pub items: Vec<Item>,
    pub responses: Vec<Response>,
    /// The item on screen; `items.len()` is the submit page.
    pub position: usize,
    /// The focused prompt of the matching block.
    pub row: usize,
    #[serde(skip)]
    pub report: Option<Report>,
    /// Lines the report is scrolled by.
    #[serde(skip)]
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
        // Shuffle off asks the first cards in deck order, as Quizlet's toggle does.
        if options.shuffle {
            picked.shuffle(&mut rng);
        }
        picked.truncate(question_total(&options, &terms));
        let items = build::build_items(&terms, &picked, &options, &mut rng);
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

    /// Number of questions, counting each matching pair: the count the options, the header,
    /// the submit page and the score all use.
    #[must_use]
    pub fn question_count(&self) -> usize {
        self.items.iter().map(Item::questions).sum()
    }

    /// The numbers (from 1) of item `index`'s questions: one, or a matching block's pairs.
    #[must_use]
    pub fn numbers_of(&self, index: usize) -> std::ops::RangeInclusive<usize> {
        let first = self.items[..index.min(self.items.len())]
            .iter()
            .map(Item::questions)
            .sum::<usize>()
            + 1;
        let size = self.items.get(index).map_or(1, Item::questions);
        first..=first + size - 1
    }

    /// The numbers (from 1) of the questions not answered yet.
    #[must_use]
    pub fn unanswered(&self) -> Vec<usize> {
        let mut missing = Vec::new();
        for (index, response) in self.responses.iter().enumerate() {
            let numbers = self.numbers_of(index);
            match response {
                Response::Matching(picks) => missing.extend(
                    numbers
                        .zip(picks)
                        .filter(|(_, pick)| pick.is_none())
                        .map(|(n, _)| n),
                ),
                Response::Text(text) if !text.trim().is_empty() => {}
                Response::Empty | Response::Text(_) => missing.extend(numbers),
                Response::Choice(_) | Response::TrueFalse(_) => {}
            }
        }
        missing
    }

    /// Whether any question has an answer, so leaving would lose something.
    #[must_use]
    pub fn has_answers(&self) -> bool {
        self.report.is_none() && self.unanswered().len() < self.question_count()
    }

    /// The deck ids the test is on.
    #[must_use]
    pub fn decks(&self) -> &[String] {
        &self.decks
    }

    /// The cards' ids, to check a kept test against the decks as they are now.
    pub fn card_ids(&self) -> impl Iterator<Item = &str> {
        self.terms.iter().map(|term| term.id.as_ref())
    }

    /// Grades with `strictness` (the settings'; a kept test does not keep it).
    pub fn set_strictness(&mut self, strictness: Strictness) {
        self.options.strictness = strictness;
    }

    /// Submits at once when every question is answered; otherwise goes to the submit page,
    /// which names the ones left.
    pub fn finish(&mut self, now: DateTime<FixedOffset>) -> Vec<NewEvent> {
        if self.report.is_some() {
            return Vec::new();
        }
        if self.unanswered().is_empty() {
            self.position = self.items.len();
            return self.submit(now);
        }
        self.position = self.items.len();
        self.row = 0;
        Vec::new()
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
        self.edit_input(|text| {
            text.pop();
        });
    }

    /// Applies `edit` to the written answer on screen, while it is typed (the app's Ctrl-U
    /// and Ctrl-W).
    pub fn edit_input(&mut self, edit: impl FnOnce(&mut String)) {
        if self.typing()
            && let Response::Text(text) = &mut self.responses[self.position]
        {
            edit(text);
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
        let (report, marked) = Report::of(
            &self.terms,
            &self.items,
            &self.responses,
            self.options.strictness,
        );
        let mut events: Vec<NewEvent> = marked
            .into_iter()
            .map(|(term, kind, right, chosen)| {
                let rating = if right { Rating::Good } else { Rating::Again };
                let kind = match chosen {
                    Some(other) => NewKind::confused(Mode::Test, kind, &self.terms[other].id),
                    None => NewKind::answer(rating, None, Mode::Test, Some(kind)),
                };
                NewEvent::for_card(&self.terms[term].id, now, kind)
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

impl Item {
    /// How many questions it counts for: a matching block, one a pair.
    #[must_use]
    pub fn questions(&self) -> usize {
        match self {
            Item::Single(_) => 1,
            Item::Matching { prompts, .. } => prompts.len(),
        }
    }
}

#[cfg(test)]
mod tests;
