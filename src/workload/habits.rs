//! How this learner answers, for the simulator: the odds of each first rating and of each
//! passing rating, and the seconds an answer takes by card state and rating. From the review
//! log where it holds enough answers, as Anki's simulator does; the `fsrs` crate's figures
//! elsewhere.

use fsrs::SimulatorConfig;
use rayon::prelude::*;

use crate::scheduler::{Phase, Rating};
use crate::store::{Answer, History};
use crate::study::Study;

/// Answers a figure needs before the learner's own replaces the default.
const ENOUGH: u32 = 50;

/// The simulator's picture of the learner.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Habits {
    /// Again, Hard, Good, Easy on a new card.
    pub first_rating_prob: [f32; 4],
    /// Hard, Good, Easy among passing reviews.
    pub review_rating_prob: [f32; 3],
    /// Seconds per answer: learning, review and relearning cards, by rating.
    pub costs: [[f32; 4]; 3],
    /// How many of the figures above are the learner's own (of 1 + 1 + 12).
    pub own: usize,
}

impl Default for Habits {
    fn default() -> Self {
        let defaults = SimulatorConfig::default();
        Self {
            first_rating_prob: defaults.first_rating_prob,
            review_rating_prob: defaults.review_rating_prob,
            costs: defaults.state_rating_costs,
            own: 0,
        }
    }
}

/// The learner's habits from every answer in the log: each card's answers are tallied on its
/// own, on all cores, so a million answers are never held at once.
#[must_use]
pub fn habits(study: &Study) -> Habits {
    let history: &History = study.wait_for_history();
    history
        .every_answer(study.presets())
        .map(|(_, answers)| Tally::of(&answers))
        .reduce(Tally::default, Tally::add)
        .habits()
}

/// The same from a list of answers.
#[must_use]
pub fn from_answers(answers: &[Answer]) -> Habits {
    Tally::of(answers).habits()
}

/// Counts of first ratings and passing ratings, and answer times by card state and rating.
#[derive(Debug, Clone, Copy, Default)]
struct Tally {
    first: [u32; 4],
    passing: [u32; 3],
    /// Total milliseconds and answers, by row (learning, review, relearning) and rating.
    time: [[(u64, u32); 4]; 3],
}

impl Tally {
    fn of(answers: &[Answer]) -> Self {
        let mut tally = Self::default();
        for answer in answers {
            let rating = usize::from(u8::from(answer.rating)) - 1;
            let row = match answer.phase_before {
                Phase::New => {
                    tally.first[rating] += 1;
                    0
                }
                Phase::Learning { .. } => 0,
                Phase::Review => {
                    if answer.rating != Rating::Again {
                        tally.passing[rating - 1] += 1;
                    }
                    1
                }
                Phase::Relearning { .. } => 2,
            };
            if let Some(ms) = answer.duration_ms {
                let (sum, count) = &mut tally.time[row][rating];
                *sum += u64::from(ms);
                *count += 1;
            }
        }
        tally
    }

    fn add(mut self, other: Self) -> Self {
        for (a, b) in self.first.iter_mut().zip(other.first) {
            *a += b;
        }
        for (a, b) in self.passing.iter_mut().zip(other.passing) {
            *a += b;
        }
        for (row, other_row) in self.time.iter_mut().zip(other.time) {
            for ((sum, count), (other_sum, other_count)) in row.iter_mut().zip(other_row) {
                *sum += other_sum;
                *count += other_count;
            }
        }
        self
    }

    fn habits(&self) -> Habits {
        let mut habits = Habits::default();
        if let Some(odds) = shares(&self.first) {
            habits.first_rating_prob = odds;
            habits.own += 1;
        }
        if let Some(odds) = shares(&self.passing) {
            habits.review_rating_prob = odds;
            habits.own += 1;
        }
        for (row, ratings) in self.time.iter().enumerate() {
            for (rating, &(sum, count)) in ratings.iter().enumerate() {
                if count >= ENOUGH {
                    // Average milliseconds to seconds: at most a minute, which f32 holds.
                    #[allow(clippy::cast_precision_loss, clippy::cast_possible_truncation)]
                    let seconds = (sum as f64 / f64::from(count) / 1000.0) as f32;
                    habits.costs[row][rating] = seconds;
                    habits.own += 1;
                }
            }
        }
        habits
    }
}

/// Each count's share of the total, if the total is enough to trust.
fn shares<const N: usize>(counts: &[u32; N]) -> Option<[f32; N]> {
    let total: u32 = counts.iter().sum();
    // Counts are far below 2^24, which f32 holds exactly.
    #[allow(clippy::cast_precision_loss)]
    (total >= ENOUGH).then(|| counts.map(|n| n as f32 / total as f32))
}
