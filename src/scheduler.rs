//! Spaced repetition: FSRS-6 memory states as the `fsrs` crate gives them (each answer's step
//! worked out by [`memory`], checked against the crate), wrapped in Anki's card state machine
//! (new → learning → review → relearning). Pure: "now" and the fuzz seed come in
//! as arguments, so replaying the same answers always gives the same schedule.

// Intervals move between whole days and FSRS's f32 days by design. Days are at most the
// maximum interval (36,500 by default), which f32 holds exactly, and are clamped before any
// cast back, so these casts cannot lose meaningful precision or sign.
#![allow(
    clippy::cast_precision_loss,
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss
)]

pub mod balance;
pub mod calendar;
mod card;
pub mod fuzz;
pub mod interval_text;
mod memory;
mod rating;
mod schedulers;
mod settings;
mod steps;

use chrono::{DateTime, Duration, FixedOffset};
use std::cell::OnceCell;

use fsrs::{FSRS, ItemState, MemoryState};

pub use balance::{DueLoad, EasyDays, Placement};
pub use calendar::{Calendar, Day};
pub use card::{AnswerNotes, CardState, Due, MATURE_DAYS, Phase};
pub use interval_text::Interval;
use memory::MemoryStep;
pub use memory::clipped_parameters;
pub use rating::Rating;
pub use schedulers::Schedulers;
pub use settings::{BurySiblings, DayLearningMix, NewCardMix, NewOrder, ReviewOrder, Settings};
use steps::Steps;

/// The version of the scheduling rules: raised whenever the same answers replay into other
/// states, so that replay snapshots made under older rules are not used. 2: Anki's floor under
/// the review fuzz ([`fuzz::passing_minimum`]); (re)learning steps that reach the next day's
/// rollover are due from its start.
pub const RULES: u32 = 2;

/// The `fsrs` crate rejected the parameters (its message).
#[derive(Debug, thiserror::Error)]
#[error("invalid FSRS parameters: {0}")]
pub struct ParametersError(String);

/// Schedules answers. Cheap to clone.
#[derive(Debug, Clone)]
pub struct Scheduler {
    fsrs: FSRS,
    /// FSRS's step for these settings without the crate's cost, when it agrees with the crate
    /// (see [`memory`]); else the crate steps.
    memory_step: Option<MemoryStep>,
    settings: Settings,
    decay: f32,
}

impl Scheduler {
    /// A scheduler with these settings; fails if the FSRS parameters are invalid.
    pub fn new(settings: Settings) -> Result<Self, ParametersError> {
        let fsrs = FSRS::new(&settings.parameters).map_err(|e| ParametersError(e.to_string()))?;
        // The parameters the crate schedules with: clipped, FSRS-5's decay for 17 or 19.
        let clipped = clipped_parameters(&settings.parameters);
        let decay = clipped.map_or(fsrs::DEFAULT_PARAMETERS[20], |w| w[20]);
        let memory_step =
            clipped.and_then(|w| MemoryStep::new(&fsrs, w, settings.desired_retention));
        Ok(Self {
            fsrs,
            memory_step,
            settings,
            decay,
        })
    }

    /// The settings it schedules with.
    #[must_use]
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// When its days start.
    #[must_use]
    pub fn calendar(&self) -> Calendar {
        self.settings.calendar
    }

    /// The state after answering `card` with `rating` at `now`. `card_id` seeds the fuzz; a
    /// fuzzed interval's day is [`Placement::Fuzz`]'s.
    #[must_use]
    pub fn answer(
        &self,
        card: &CardState,
        card_id: &str,
        rating: Rating,
        now: DateTime<FixedOffset>,
    ) -> (CardState, AnswerNotes) {
        self.answer_placed(card, card_id, rating, now, Placement::Fuzz)
    }

    /// [`Scheduler::answer`], a fuzzed interval's day chosen by `placement`: the day an answer
    /// recorded, in replay, or the day load balancing picks, live (see [`balance`]).
    #[must_use]
    pub fn answer_placed(
        &self,
        card: &CardState,
        card_id: &str,
        rating: Rating,
        now: DateTime<FixedOffset>,
        placement: Placement<'_>,
    ) -> (CardState, AnswerNotes) {
        #[cfg(test)]
        RUNS.with(|runs| runs.set(runs.get() + 1));
        let today = self.settings.calendar.day(now);
        let elapsed = card
            .last_review
            .map_or(0, |last| (today - self.settings.calendar.day(last)).max(0));
        let next = NextStates {
            scheduler: self,
            memory: card.memory,
            elapsed: u32::try_from(elapsed).unwrap_or(0),
            states: Default::default(),
        };
        let chosen = next.get(rating);
        let answer = Answer {
            rating,
            now,
            calendar: self.settings.calendar,
            today,
            max: self.settings.maximum_interval.max(1),
            pick: balance::Picker {
                factor: self.settings.fuzz.then(|| fuzz::factor(card_id, card.reps)),
                easy_days: &self.settings.easy_days,
                placement,
                today,
                maximum: self.settings.maximum_interval.max(1),
            },
            next: &next,
        };
        let mut out = CardState {
            memory: Some(chosen.memory),
            last_review: Some(now),
            reps: card.reps + 1,
            buried_until: None,
            ..card.clone()
        };
        let notes = match card.phase {
            Phase::Review => self.answer_review(&answer, &mut out),
            Phase::New => self.answer_step(&answer, &mut out, 0, false),
            Phase::Learning { step } => self.answer_step(&answer, &mut out, step, false),
            Phase::Relearning { step } => self.answer_step(&answer, &mut out, step, true),
        };
        (out, notes)
    }

    /// A new, learning or relearning card: move through the steps or graduate.
    fn answer_step(
        &self,
        answer: &Answer<'_>,
        out: &mut CardState,
        step: usize,
        relearning: bool,
    ) -> AnswerNotes {
        let steps = Steps(if relearning {
            &self.settings.relearning_steps
        } else {
            &self.settings.learning_steps
        });
        let phase = |step| {
            if relearning {
                Phase::Relearning { step }
            } else {
                Phase::Learning { step }
            }
        };
        let delay = match answer.rating {
            Rating::Again => steps.again().map(|secs| (0, secs)),
            Rating::Hard => steps
                .hard(step)
                .map(|secs| (step.min(steps.0.len() - 1), secs)),
            Rating::Good => steps.good(step).map(|secs| (step + 1, secs)),
            Rating::Easy => None,
        };
        match delay {
            Some((step, secs)) => answer.wait(out, phase(step), secs),
            None => answer.graduate(out, answer.rating == Rating::Easy),
        }
        AnswerNotes::default()
    }

    /// A review card: a lapse into relearning, or the next interval.
    fn answer_review(&self, answer: &Answer<'_>, out: &mut CardState) -> AnswerNotes {
        let max = answer.max;
        let mut notes = AnswerNotes::default();
        if answer.rating == Rating::Again {
            out.lapses += 1;
            if leech_threshold_met(out.lapses, self.settings.leech_threshold) {
                out.leech = true;
                out.suspended = true;
                notes.became_leech = true;
            }
            let days = fuzz::apply(None, answer.next.get(Rating::Again).interval, 1, max);
            match Steps(&self.settings.relearning_steps).again() {
                Some(secs) => {
                    out.scheduled_days = days;
                    answer.wait(out, Phase::Relearning { step: 0 }, secs);
                }
                None => answer.schedule(out, days),
            }
            return notes;
        }
        // Hard < Good < Easy, and fuzz never shortens an interval that grew: see
        // `fuzz::Passing`. Good needs Hard's interval, and Easy Good's.
        let previous = out.scheduled_days;
        let passing = |rating, before| {
            let interval = answer.next.get(rating).interval;
            let floor = fuzz::passing_minimum(interval, previous, max);
            answer
                .pick
                .fuzz(interval, floor, before, answer.rating == rating)
        };
        let hard = passing(Rating::Hard, None);
        let chosen = if answer.rating == Rating::Hard {
            hard
        } else {
            let good = passing(Rating::Good, Some(hard));
            if answer.rating == Rating::Good {
                good
            } else {
                passing(Rating::Easy, Some(good))
            }
        };
        answer.schedule(out, chosen.days);
        notes
    }

    /// The interval each button would give, for the answer side of the review screen.
    #[must_use]
    pub fn preview(
        &self,
        card: &CardState,
        card_id: &str,
        now: DateTime<FixedOffset>,
    ) -> [Interval; 4] {
        Rating::ALL.map(|rating| self.delay(&self.answer(card, card_id, rating, now).0, now))
    }

    /// How long from `now` until `card` is due, as the answer buttons show it.
    #[must_use]
    pub fn delay(&self, card: &CardState, now: DateTime<FixedOffset>) -> Interval {
        let calendar = self.settings.calendar;
        match card.due {
            // A step that became whole days (see `Answer::wait`) is due from a day's start.
            Due::At(at)
                if calendar.day(at) > calendar.day(now)
                    && calendar.start_of(calendar.day(at), *at.offset()) == Some(at) =>
            {
                Interval::Days(u32::try_from(calendar.day(at) - calendar.day(now)).unwrap_or(0))
            }
            Due::At(at) => {
                Interval::Secs(u32::try_from((at - now).num_seconds().max(0)).unwrap_or(u32::MAX))
            }
            Due::Day(day) => {
                let today = self.settings.calendar.day(now);
                Interval::Days(u32::try_from(day - today).unwrap_or(0))
            }
            Due::New => Interval::Days(0),
        }
    }

    /// The probability of recalling the card at `now`, if it has been studied.
    #[must_use]
    pub fn retrievability(&self, card: &CardState, now: DateTime<FixedOffset>) -> Option<f32> {
        Some(self.recall(
            card.memory?,
            self.settings.calendar.day(card.last_review?),
            now,
        ))
    }

    /// The probability (0–1) of recalling a memory last reviewed on day `last` at `now`:
    /// FSRS's forgetting curve over whole elapsed days, as Anki counts them.
    #[must_use]
    pub fn recall(&self, memory: MemoryState, last: Day, now: DateTime<FixedOffset>) -> f32 {
        self.recall_on(memory, last, self.settings.calendar.day(now))
    }

    /// [`Scheduler::recall`] on day `day`.
    #[must_use]
    pub fn recall_on(&self, memory: MemoryState, last: Day, day: Day) -> f32 {
        let elapsed = (day - last).max(0);
        fsrs::current_retrievability(memory, elapsed as f32, self.decay)
    }

    /// Days until recall probability falls to the desired retention, for a memory of this
    /// stability (FSRS's next interval, unrounded).
    #[must_use]
    pub fn interval_for_stability(&self, stability: f32) -> f32 {
        self.fsrs
            .next_interval(Some(stability), self.settings.desired_retention, 3)
    }

    /// The memory state after one answer, and its interval; a state the crate rejects as
    /// non-finite restarts the card's memory rather than failing the answer.
    fn step(&self, memory: Option<MemoryState>, elapsed: u32, rating: Rating) -> ItemState {
        let after = |memory, elapsed| match &self.memory_step {
            Some(step) => step.after(memory, elapsed, rating),
            None => memory::crate_after(&self.fsrs, memory, elapsed, rating),
        };
        let memory = after(memory, elapsed)
            .or_else(|| after(None, 0))
            // Unreachable with valid parameters: a first answer's state is a parameter.
            .unwrap_or(MemoryState {
                stability: 1.0,
                difficulty: 5.0,
            });
        let interval = match &self.memory_step {
            Some(step) => step.interval(memory.stability),
            None => self.fsrs.next_interval(
                Some(memory.stability),
                self.settings.desired_retention,
                u32::from(u8::from(rating)),
            ),
        };
        ItemState { memory, interval }
    }
}

/// FSRS's next state for each rating, computed on first use: replaying an answer needs one
/// to three of them, not all four.
struct NextStates<'s> {
    scheduler: &'s Scheduler,
    memory: Option<MemoryState>,
    elapsed: u32,
    states: [OnceCell<ItemState>; 4],
}

impl NextStates<'_> {
    fn get(&self, rating: Rating) -> &ItemState {
        self.states[usize::from(u8::from(rating)) - 1]
            .get_or_init(|| self.scheduler.step(self.memory, self.elapsed, rating))
    }
}

/// One answer being scheduled.
struct Answer<'a> {
    rating: Rating,
    now: DateTime<FixedOffset>,
    calendar: Calendar,
    today: Day,
    max: u32,
    /// Picks each fuzzed interval's day.
    pick: balance::Picker<'a>,
    next: &'a NextStates<'a>,
}

impl Answer<'_> {
    /// Due again after a (re)learning step of `secs`. A step that reaches the next day's
    /// rollover becomes whole days (the day it ends on counts from its start), so a 1-day step
    /// answered at 21:10 is due from 4:00 the next morning, not from 21:10. Anki's
    /// `IntervalKind::maybe_as_days` (`rslib/src/scheduler/states/interval_kind.rs`), applied
    /// to every learning and relearning step in `rslib/src/scheduler/answering/learning.rs`
    /// and `relearning.rs`: `(secs - secs_until_rollover) / 86,400 + 1` days. The card is due
    /// from the start of that day ([`Calendar::start_of`]), which is how [`Scheduler::delay`]
    /// tells it in days.
    fn wait(&self, out: &mut CardState, phase: Phase, secs: u32) {
        out.phase = phase;
        let exact = self.now + Duration::seconds(i64::from(secs));
        let offset = *self.now.offset();
        let day_start = |day| self.calendar.start_of(day, offset);
        out.due = Due::At(match day_start(self.today.saturating_add(1)) {
            Some(rollover) if exact >= rollover => {
                let past = (exact - rollover).num_seconds() / i64::from(steps::DAY);
                let days = Day::try_from(past).unwrap_or(Day::MAX).saturating_add(1);
                day_start(self.today.saturating_add(days)).unwrap_or(exact)
            }
            _ => exact,
        });
    }

    /// A review card due in `days`.
    fn schedule(&self, out: &mut CardState, days: u32) {
        out.phase = Phase::Review;
        out.scheduled_days = days;
        out.due = Due::Day(
            self.today
                .saturating_add(i32::try_from(days).unwrap_or(i32::MAX)),
        );
    }

    /// Leaves the steps, with FSRS's good interval (or easy, at least a day longer), as
    /// Anki's learning states do.
    fn graduate(&self, out: &mut CardState, easy: bool) {
        let interval = |rating| self.next.get(rating).interval.round().max(1.0);
        // The last interval worked out is the one answered, whose recorded day counts.
        let good = self.pick.fuzz(interval(Rating::Good), 1, None, !easy);
        let chosen = if easy {
            self.pick.fuzz(interval(Rating::Easy), 1, Some(good), true)
        } else {
            good
        };
        self.schedule(out, chosen.days);
    }
}

#[cfg(test)]
thread_local! {
    /// Tests only: how many times [`Scheduler::answer`] ran on this thread, for tests that
    /// count what a path costs.
    pub(crate) static RUNS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// True at the threshold and every half threshold after it, as in Anki.
fn leech_threshold_met(lapses: u32, threshold: u32) -> bool {
    if threshold == 0 {
        return false;
    }
    let half = threshold.div_ceil(2).max(1);
    lapses >= threshold && (lapses - threshold).is_multiple_of(half)
}

#[cfg(test)]
mod tests;
