//! What the cards' states show: counts by state, the reviews due ahead, the distributions of
//! interval, stability, difficulty and retrievability, and the cards remembered now and on
//! each of the last 30 days (Anki's "estimated total knowledge").

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::Serialize;

use super::distribution::{DAY_EDGES, Distribution, TENTHS};
use crate::scheduler::calendar::date_of_day;
use crate::scheduler::{CardState, Day, Due, Phase, Scheduler};
use crate::store::Answer;

/// Days the future-due series covers (its longest range, a year).
pub const FUTURE_DAYS: usize = 365;
/// Days the remembered series covers, ending today.
pub const REMEMBERED_DAYS: usize = 30;

/// Cards by state, each counted once, as Anki's "Card Counts" graph does
/// (`rslib/src/stats/graphs/card_counts.rs`): suspended first, then buried, then the phase.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct CardCounts {
    pub new: usize,
    pub learning: usize,
    pub relearning: usize,
    pub young: usize,
    pub mature: usize,
    pub suspended: usize,
    pub buried: usize,
}

impl CardCounts {
    fn merge(&mut self, other: Self) {
        self.new += other.new;
        self.learning += other.learning;
        self.relearning += other.relearning;
        self.young += other.young;
        self.mature += other.mature;
        self.suspended += other.suspended;
        self.buried += other.buried;
    }

    /// Every card counted.
    #[must_use]
    pub fn total(&self) -> usize {
        self.new
            + self.learning
            + self.relearning
            + self.young
            + self.mature
            + self.suspended
            + self.buried
    }
}

/// Review cards due on each day ahead, overdue ones apart; suspended cards are left out.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct FutureDue {
    /// The date of `days[0]`: today.
    pub start: Option<NaiveDate>,
    /// Due before today and not yet reviewed.
    pub overdue: usize,
    /// Due on each of the next [`FUTURE_DAYS`] days, today first.
    pub days: Vec<usize>,
    /// Reviews a day the collection costs in the long run: Σ 1/interval over review cards.
    pub daily_load: f64,
}

/// How the studied cards' memories are spread.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Distributions {
    /// Review cards' intervals, in days.
    pub interval: Distribution,
    /// FSRS stability of studied cards, in days.
    pub stability: Distribution,
    /// FSRS difficulty of studied cards, as Anki shows it: (D − 1) / 9, from 0 (easiest)
    /// to 1 (hardest).
    pub difficulty: Distribution,
    /// Probability of recall now (0–1) of studied cards.
    pub retrievability: Distribution,
}

/// Σ retrievability at the end of each of the last days.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct RememberedOverTime {
    /// The date of `days[0]`.
    pub start: Option<NaiveDate>,
    /// Cards remembered, one value a day, ending today (today's is [`super::Stats::remembered`]).
    pub days: Vec<f64>,
}

/// The cards' share of the figures, one card at a time.
pub(crate) struct Tally {
    today: Day,
    now: DateTime<FixedOffset>,
    pub counts: CardCounts,
    overdue: usize,
    due: Vec<usize>,
    daily_load: f64,
    intervals: Vec<f64>,
    stability: Vec<f64>,
    difficulty: Vec<f64>,
    retrievability: Vec<f64>,
    pub remembered: f64,
    remembered_days: Vec<f64>,
}

impl Tally {
    pub fn new(today: Day, now: DateTime<FixedOffset>) -> Self {
        Self {
            today,
            now,
            counts: CardCounts::default(),
            overdue: 0,
            due: vec![0; FUTURE_DAYS],
            daily_load: 0.0,
            intervals: Vec::new(),
            stability: Vec::new(),
            difficulty: Vec::new(),
            retrievability: Vec::new(),
            remembered: 0.0,
            remembered_days: vec![0.0; REMEMBERED_DAYS],
        }
    }

    /// One card: its state now and its answers, in time order.
    pub fn add(&mut self, scheduler: &Scheduler, state: &CardState, answers: &[Answer]) {
        let counts = &mut self.counts;
        if state.suspended {
            counts.suspended += 1;
        } else if state.buried_until.is_some_and(|d| d > self.today) {
            counts.buried += 1;
        } else {
            match state.phase {
                Phase::New => counts.new += 1,
                Phase::Learning { .. } => counts.learning += 1,
                Phase::Relearning { .. } => counts.relearning += 1,
                Phase::Review if state.is_mature() => counts.mature += 1,
                Phase::Review => counts.young += 1,
            }
        }
        if state.phase == Phase::Review {
            self.intervals.push(f64::from(state.scheduled_days));
            if !state.suspended {
                self.add_due(state);
            }
        }
        if let Some(memory) = state.memory {
            self.stability.push(f64::from(memory.stability));
            self.difficulty
                .push((f64::from(memory.difficulty) - 1.0) / 9.0);
        }
        if let Some(recall) = scheduler.retrievability(state, self.now) {
            self.retrievability.push(f64::from(recall));
            self.remembered += f64::from(recall);
        }
        self.add_remembered_days(scheduler, state, answers);
    }

    /// Adds another tally's cards (of the same day).
    pub fn merge(&mut self, other: Self) {
        self.counts.merge(other.counts);
        self.overdue += other.overdue;
        for (mine, theirs) in self.due.iter_mut().zip(other.due) {
            *mine += theirs;
        }
        self.daily_load += other.daily_load;
        self.intervals.extend(other.intervals);
        self.stability.extend(other.stability);
        self.difficulty.extend(other.difficulty);
        self.retrievability.extend(other.retrievability);
        self.remembered += other.remembered;
        for (mine, theirs) in self.remembered_days.iter_mut().zip(other.remembered_days) {
            *mine += theirs;
        }
    }

    fn add_due(&mut self, state: &CardState) {
        if let Due::Day(due) = state.due {
            match usize::try_from(due - self.today) {
                Err(_) => self.overdue += 1,
                Ok(offset) => {
                    if let Some(slot) = self.due.get_mut(offset) {
                        *slot += 1;
                    }
                }
            }
        }
        self.daily_load += 1.0 / f64::from(state.scheduled_days.max(1));
    }

    /// The card's retrievability at the end of each of the last days, from the memory each
    /// answer left (the next answer's memory before it, the state's after the last). A card
    /// forgotten by hand counts from its next answer on.
    fn add_remembered_days(
        &mut self,
        scheduler: &Scheduler,
        state: &CardState,
        answers: &[Answer],
    ) {
        let first_day = self.today - i32::try_from(REMEMBERED_DAYS - 1).unwrap_or(0);
        for (slot, day) in self.remembered_days.iter_mut().zip(first_day..) {
            // The last answer on or before `day`.
            let answered = answers.partition_point(|a| a.day <= day);
            let Some(last) = answered.checked_sub(1) else {
                continue;
            };
            let memory = match answers.get(answered) {
                Some(next) => next.memory_before,
                None => state.memory,
            };
            if let Some(memory) = memory {
                *slot += f64::from(scheduler.recall_on(memory, answers[last].day, day));
            }
        }
    }

    pub fn future_due(&self) -> FutureDue {
        FutureDue {
            start: date_of_day(self.today),
            overdue: self.overdue,
            days: self.due.clone(),
            daily_load: self.daily_load,
        }
    }

    /// The screen's 30-day forecast: overdue cards count today.
    pub fn forecast(&self, days: usize) -> Vec<usize> {
        let mut forecast: Vec<usize> = self.due.iter().take(days).copied().collect();
        if let Some(today) = forecast.first_mut() {
            *today += self.overdue;
        }
        forecast
    }

    pub fn distributions(self) -> Distributions {
        Distributions {
            interval: Distribution::of(self.intervals, &DAY_EDGES),
            stability: Distribution::of(self.stability, &DAY_EDGES),
            difficulty: Distribution::of(self.difficulty, &TENTHS),
            retrievability: Distribution::of(self.retrievability, &TENTHS),
        }
    }

    pub fn remembered_over_time(&self) -> RememberedOverTime {
        let first_day = self.today - i32::try_from(REMEMBERED_DAYS - 1).unwrap_or(0);
        RememberedOverTime {
            start: date_of_day(first_day),
            days: self.remembered_days.clone(),
        }
    }
}
