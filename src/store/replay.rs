//! Replay: every card's state is the fold of its events through the scheduler. Pure.
//!
//! [`History`] keeps each card's events de-duplicated and in time order, with undone ones
//! marked; folding them here gives the card's state, its standing in the practice modes, its
//! daily tallies and, for statistics, every scheduled answer.

use chrono::{DateTime, FixedOffset};
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use super::card_id::{CardId, deck_of};
use super::history::{Entry, History, NO_DUE, Stored};
use crate::practice::{LearnLevel, Mode, Practice, next_level};
use crate::scheduler::{
    AnswerNotes, CardState, Day, Phase, Placement, Rating, Scheduler, Schedulers,
};

/// One scheduled answer, as replay saw it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Answer {
    pub time: DateTime<FixedOffset>,
    pub day: Day,
    pub rating: Rating,
    pub duration_ms: Option<u32>,
    /// The card had never been answered in review mode before.
    pub first_ever: bool,
    pub phase_before: Phase,
    /// The card's interval before this answer, in days (0 before it graduated).
    pub interval_before: u32,
    /// FSRS's memory before this answer (none before the first, or after a forget): with
    /// `last_review_before`, what the statistics' calibration predicts recall from.
    pub memory_before: Option<fsrs::MemoryState>,
    /// The previous answer's time, if the card kept one.
    pub last_review_before: Option<DateTime<FixedOffset>>,
}

/// One practice-mode answer (learn, test, match, sort, flashcards): they do not schedule,
/// but the statistics count them as answers of their own kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PracticeAnswer {
    pub time: DateTime<FixedOffset>,
    pub day: Day,
    pub duration_ms: Option<u32>,
    /// Good or Easy: the mode counted it right.
    pub correct: bool,
    pub mode: Mode,
    pub question: crate::practice::Question,
}

/// One card's replayed state, with what it did on a given day (for daily limits).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Folded {
    pub state: CardState,
    pub practice: Practice,
    /// First studied on that day: it used up one of the day's new cards.
    pub new_that_day: bool,
    /// Answers given while it was a review card on that day.
    pub reviews_that_day: u32,
    /// Answers given from the day-learning queue that day ([`CardState::in_day_learning`]),
    /// which count against the review limit as reviews do.
    pub day_learning_that_day: u32,
    /// Every answer that day, in review mode, and the time they took.
    pub answers_that_day: u32,
    pub ms_that_day: u64,
    /// What the last answer noted (a new leech, say).
    pub last_notes: AnswerNotes,
    /// Ever mastered in Learn, resets or not: XP, once earned, stays earned.
    pub ever_mastered: bool,
    /// Moved by a backlog plan and not reviewed since.
    pub postponed: bool,
    /// When it was last unburied on that day: a sibling answered before then no longer buries
    /// it that day (see `study::siblings`).
    #[serde(with = "super::compact::option_time")]
    pub unburied_that_day: Option<DateTime<FixedOffset>>,
}

impl Folded {
    /// No answers on the day it tallies.
    pub(crate) fn clear_day(&mut self) {
        self.new_that_day = false;
        self.reviews_that_day = 0;
        self.day_learning_that_day = 0;
        self.answers_that_day = 0;
        self.ms_that_day = 0;
        self.unburied_that_day = None;
    }

    /// An unbury at `time`: no longer buried by hand, and when it is on the day the tallies
    /// are for (`that_day`), no longer by a sibling answered before it.
    fn unburied(&mut self, time: DateTime<FixedOffset>, that_day: bool) {
        self.state.buried_until = None;
        if that_day {
            self.unburied_that_day = Some(time);
        }
    }
}

impl History {
    /// The card's state, replayed by its scheduler; a card without events is new.
    #[must_use]
    pub fn fold(&self, card: &str, schedulers: &impl Schedulers, day: Day) -> Folded {
        match self.index.get(card) {
            Some(&index) => {
                let scheduler = schedulers.for_card(card);
                self.fold_entries(card, &self.entries_for(index), scheduler, day, |_| {})
            }
            None => Folded::default(),
        }
    }

    /// Every card's state, replayed on all cores.
    #[must_use]
    pub fn fold_all(&self, schedulers: &impl Schedulers, day: Day) -> FxHashMap<CardId, Folded> {
        self.by_card(self.fold_each(schedulers, day))
    }

    /// Every card's state, each by its scheduler, in the order of [`History::cards`].
    #[must_use]
    pub fn fold_each(&self, schedulers: &impl Schedulers, day: Day) -> Vec<Folded> {
        self.cards
            .par_iter()
            .enumerate()
            .map(|(index, card)| {
                let scheduler = schedulers.for_card(card);
                self.fold_entries(card, &self.entries_for(index), scheduler, day, |_| {})
            })
            .collect()
    }

    /// States in the order of [`History::cards`], keyed by card id.
    #[must_use]
    pub fn by_card(&self, states: Vec<Folded>) -> FxHashMap<CardId, Folded> {
        self.cards.iter().cloned().zip(states).collect()
    }

    /// Every card's state on `day`, from the states of an earlier replay on `previous_day`
    /// (in card order, maybe shorter): cards marked `changed` (new events, or another
    /// scheduler than the one that folded them), cards new since, and cards with events on or
    /// after `day` are replayed again; the rest keep their state, with the daily tallies
    /// cleared when the day is another one.
    #[must_use]
    pub fn refold(
        &self,
        schedulers: &impl Schedulers,
        day: Day,
        previous: Vec<Folded>,
        previous_day: Day,
        changed: &[bool],
    ) -> Vec<Folded> {
        let calendar = schedulers.calendar();
        let mut previous = previous.into_iter();
        self.cards
            .iter()
            .enumerate()
            .map(|(index, card)| {
                let entries = self.entries_for(index);
                let kept = previous.next();
                let recent = day != previous_day
                    && entries
                        .last()
                        .is_some_and(|e| calendar.day(e.time()) >= day);
                match kept {
                    Some(mut folded) if !changed.get(index).copied().unwrap_or(true) && !recent => {
                        if day != previous_day {
                            folded.clear_day();
                        }
                        folded
                    }
                    _ => {
                        let scheduler = schedulers.for_card(card);
                        self.fold_entries(card, &entries, scheduler, day, |_| {})
                    }
                }
            })
            .collect()
    }

    /// Every scheduled answer of `card`, as statistics need them, with its final state.
    #[must_use]
    pub fn answers(&self, card: &str, schedulers: &impl Schedulers) -> (Folded, Vec<Answer>) {
        match self.index.get(card) {
            Some(&index) => {
                let scheduler = schedulers.for_card(card);
                self.answers_of(card, &self.entries_for(index), scheduler)
            }
            None => (Folded::default(), Vec::new()),
        }
    }

    /// [`History::answers`] of every card in the log (cards since deleted included), on all
    /// cores, in the order of [`History::cards`]. A card relinked away has none: they are the
    /// answers of the card it was relinked to, so nothing is counted twice.
    #[must_use]
    pub fn every_answer<'a>(
        &'a self,
        schedulers: &'a impl Schedulers,
    ) -> impl ParallelIterator<Item = (Folded, Vec<Answer>)> + 'a {
        self.cards.par_iter().enumerate().map(move |(index, card)| {
            let scheduler = schedulers.for_card(card);
            self.answers_of(card, &self.entries_for(index), scheduler)
        })
    }

    /// [`History::answers`] with the card's practice answers too, from the same walk, of
    /// the events up to `until` (later ones, dated ahead by a clock or an import, are left
    /// out as if not yet written): what the statistics replay.
    #[must_use]
    pub fn answers_with_practice(
        &self,
        card: &str,
        schedulers: &impl Schedulers,
        until: DateTime<FixedOffset>,
    ) -> (Folded, Vec<Answer>, Vec<PracticeAnswer>) {
        let Some(&index) = self.index.get(card) else {
            return (Folded::default(), Vec::new(), Vec::new());
        };
        let mut entries = self.entries_for(index);
        if entries.iter().any(|e| e.time() > until) {
            entries.retain(|e| e.time() <= until);
        }
        let scheduler = schedulers.for_card(card);
        let calendar = scheduler.calendar();
        let (mut answers, mut practice) = (Vec::new(), Vec::new());
        let folded = self.fold_observed(
            card,
            &entries,
            scheduler,
            Day::MIN,
            |answer| answers.push(answer),
            |entry, _| {
                if let Stored::Review {
                    rating,
                    duration_ms,
                    practice: Some((mode, question)),
                    ..
                } = &entry.kind
                {
                    practice.push(PracticeAnswer {
                        time: entry.time(),
                        day: calendar.day(entry.time()),
                        duration_ms: duration_ms.get(),
                        correct: *rating >= Rating::Good,
                        mode: *mode,
                        question: *question,
                    });
                }
            },
        );
        (folded, answers, practice)
    }

    fn answers_of(
        &self,
        card: &str,
        entries: &[Entry],
        scheduler: &Scheduler,
    ) -> (Folded, Vec<Answer>) {
        let mut answers = Vec::new();
        let folded = self.fold_entries(card, entries, scheduler, Day::MIN, |answer| {
            answers.push(answer);
        });
        (folded, answers)
    }

    fn fold_entries(
        &self,
        card: &str,
        entries: &[Entry],
        scheduler: &Scheduler,
        day: Day,
        on_answer: impl FnMut(Answer),
    ) -> Folded {
        self.fold_observed(card, entries, scheduler, day, on_answer, |_, _| {})
    }

    /// [`History::fold_entries`], calling `on_entry` with each event folded (undone ones
    /// skipped) and the card as it left it, for a card's history (`replay/trace.rs`).
    fn fold_observed(
        &self,
        card: &str,
        entries: &[Entry],
        scheduler: &Scheduler,
        day: Day,
        mut on_answer: impl FnMut(Answer),
        mut on_entry: impl FnMut(&Entry, &Folded),
    ) -> Folded {
        let calendar = scheduler.calendar();
        let mut folded = Folded::default();
        let deck = deck_of(card);
        let (learn_reset, sort_reset) = if self.deck_events.is_empty() {
            (None, None)
        } else {
            (
                self.last_reset(deck, Mode::Learn),
                self.last_reset(deck, Mode::Sort),
            )
        };
        // Learn's level without resets, for XP.
        let mut xp_level = LearnLevel::Unseen;
        for (entry, time) in self.live(entries) {
            let state = &mut folded.state;
            match &entry.kind {
                Stored::Review {
                    rating,
                    duration_ms,
                    practice: None,
                    due,
                } => {
                    let before = state.phase;
                    on_answer(Answer {
                        time,
                        day: calendar.day(time),
                        rating: *rating,
                        duration_ms: duration_ms.get(),
                        first_ever: state.reps == 0,
                        phase_before: before,
                        interval_before: state.scheduled_days,
                        memory_before: state.memory,
                        last_review_before: state.last_review,
                    });
                    // The day the answer recorded, if any: see `scheduler::balance`.
                    let placement = if *due == NO_DUE {
                        Placement::Fuzz
                    } else {
                        Placement::Recorded(*due)
                    };
                    // Answers from the day-learning queue count against the review limit,
                    // as Anki's `update_deck_stats_from_answer` counts them.
                    let day_learning = state.in_day_learning(calendar);
                    let (next, notes) =
                        scheduler.answer_placed(state, card, *rating, time, placement);
                    if calendar.day(time) == day {
                        match before {
                            Phase::New => folded.new_that_day = true,
                            Phase::Review => folded.reviews_that_day += 1,
                            _ if day_learning => folded.day_learning_that_day += 1,
                            _ => {}
                        }
                        folded.answers_that_day += 1;
                        folded.ms_that_day += u64::from(duration_ms.get().unwrap_or(0));
                    }
                    folded.state = next;
                    folded.last_notes = notes;
                    folded.postponed = false;
                }
                Stored::Review {
                    rating,
                    practice: Some((mode, question)),
                    ..
                } => {
                    let correct = *rating >= Rating::Good;
                    let after =
                        |reset: Option<DateTime<FixedOffset>>| reset.is_none_or(|r| time > r);
                    let practice = &mut folded.practice;
                    if *mode == Mode::Learn {
                        xp_level = next_level(xp_level, *question, correct);
                        folded.ever_mastered |= xp_level == LearnLevel::Mastered;
                    }
                    match mode {
                        Mode::Learn if after(learn_reset) => {
                            practice.learn = next_level(practice.learn, *question, correct);
                        }
                        Mode::Sort if after(sort_reset) => practice.sorted_known = Some(correct),
                        _ => {}
                    }
                }
                Stored::Star => folded.practice.starred = true,
                Stored::Unstar => folded.practice.starred = false,
                Stored::Bury => state.buried_until = Some(calendar.day(time) + 1),
                Stored::Unbury => folded.unburied(time, calendar.day(time) == day),
                Stored::SetDue { due, interval } => {
                    set_due(state, *due, *interval, calendar);
                    folded.postponed = false;
                }
                Stored::Suspend => state.suspended = true,
                Stored::Unsuspend => state.suspended = false,
                Stored::Forget => {
                    *state = CardState::default();
                    folded.postponed = false;
                }
                Stored::Postpone { due, .. } => {
                    // Only a review card has a day to move; one reviewed since is caught up.
                    if state.phase == Phase::Review {
                        state.due = crate::scheduler::Due::Day(*due);
                        folded.postponed = true;
                    }
                }
            }
            on_entry(entry, &folded);
        }
        folded
    }
}

/// A `set_due` event: the card becomes a review card due on `due`, as Anki's "Set Due Date"
/// does (`Card::set_due_date` in `rslib/src/scheduler/reviews.rs`, with FSRS on):
/// - new, learning and relearning cards become review cards; a review card stays one;
/// - the interval (days): the `!` form's `interval` when given (1 at least, Anki's
///   `days.max(1)`); otherwise 0 for a card with none yet (new, or learning before it
///   graduated), so that setting it twice changes nothing, and for the others the days from
///   the last answer's day to `due`, Anki's `elapsed days + days from today`;
/// - the FSRS memory state, the answers and lapses stay as they are: a new card keeps no
///   memory, so its first answer starts one as a first answer does;
/// - it goes back into the review queue, as Anki's `schedule_as_review` puts it there: a
///   suspended or buried card is no longer.
///
/// One difference: Anki ignores `!` when FSRS is on; the interval it sets here is the one
/// searches (`prop:ivl`), "mature" and the statistics read, so `5!` does what it says.
fn set_due(state: &mut CardState, due: Day, interval: u32, calendar: crate::scheduler::Calendar) {
    state.scheduled_days = if interval > 0 {
        interval
    } else if state.phase == Phase::New || state.scheduled_days == 0 {
        0
    } else {
        state.last_review.map_or(state.scheduled_days, |last| {
            u32::try_from(due - calendar.day(last)).unwrap_or(0)
        })
    };
    state.phase = Phase::Review;
    state.due = crate::scheduler::Due::Day(due);
    state.suspended = false;
    state.buried_until = None;
}

/// A card's first answer of each day it was answered.
pub fn first_each_day(answers: &[Answer]) -> impl Iterator<Item = &Answer> {
    // Replay hands answers over in time order, so a day's first follows another day's.
    let mut last_day = None;
    answers.iter().filter(move |a| {
        let first_that_day = last_day != Some(a.day);
        last_day = Some(a.day);
        first_that_day
    })
}

mod trace;

pub use trace::{Traced, TracedAnswer, TracedKind};

#[cfg(test)]
mod tests;
