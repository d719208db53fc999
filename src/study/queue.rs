//! Today's queue, as in Anki: learning cards that are due come first; then reviews, in the
//! review order, with the day-learning cards (a step of a day or more, due today; counted as
//! learning, limited as reviews) and new cards mixed in by the settings; each deck within its daily limits,
//! one card of each entry a day while burying siblings is on. `queue/gather.rs` builds it.
//!
//! A deck's exam changes the queue in two places, both in [`Queue::build_with_extra_new`]:
//! each card's state comes from [`Study::state`], which gives the exam plan's earlier due
//! day for a card the exam brings forward (`exam::Overlay`, in `study/exam.rs`); and the
//! daily limits come from `Study::limits_left` (`study/limits.rs`), which raises them so
//! that every new card is seen in time and every review is shown in the last days.

mod gather;

use std::collections::VecDeque;

use chrono::{DateTime, FixedOffset};

use super::{DueCounts, Study};
use crate::scheduler::{Day, DayLearningMix, Due, NewCardMix, Phase};

/// Which list a shown card came from, so undo can put it back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    New,
    Review,
    /// The day-learning list: a learning step of a day or more, due today.
    DayLearning,
    Learning(DateTime<FixedOffset>),
}

/// Which cards a cram takes, besides the decks: a tag, the starred ones, or both.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CramFilter {
    pub tag: Option<String>,
    pub starred: bool,
}

/// Card ids waiting to be shown.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Queue {
    /// (Re)learning cards by due time, due now or later today: Anki's intraday learning.
    pub learning: Vec<(DateTime<FixedOffset>, Box<str>)>,
    /// (Re)learning cards on a step of a day or more, due today: Anki's day learning,
    /// shown among the reviews by `day_learning_mix`.
    pub day_learning: VecDeque<Box<str>>,
    pub reviews: VecDeque<Box<str>>,
    pub new: VecDeque<Box<str>>,
    pub mix: NewCardMix,
    pub day_learning_mix: DayLearningMix,
    /// Reviews, day-learning and new cards shown so far, for mixing them evenly.
    shown_reviews: usize,
    shown_day_learning: usize,
    shown_new: usize,
}

impl Queue {
    /// The queue for `decks` at `now`.
    #[must_use]
    pub fn build(study: &Study, decks: &[usize], now: DateTime<FixedOffset>) -> Self {
        Self::build_with_extra_new(study, decks, now, 0)
    }

    /// Reviewing ahead: review cards of `decks` due in the next `days` days (not today), the
    /// soonest first. Answering them early is scheduled by FSRS from the days actually elapsed,
    /// so an early review raises stability less than one on time.
    #[must_use]
    pub fn ahead(study: &Study, decks: &[usize], now: DateTime<FixedOffset>, days: u32) -> Self {
        let today = study.scheduler.calendar().day(now);
        let last = today.saturating_add(Day::try_from(days).unwrap_or(Day::MAX));
        let mut reviews: Vec<(Day, Box<str>)> = decks
            .iter()
            .flat_map(|&deck| &study.collection.decks[deck].cards)
            .filter_map(|card| {
                let state = study.state(card.id.as_str());
                match (state.phase, state.due, state.suspended) {
                    (Phase::Review, Due::Day(day), false) if day > today && day <= last => {
                        Some((day, Box::from(card.id.as_str())))
                    }
                    _ => None,
                }
            })
            .collect();
        reviews.sort_by_key(|(day, _)| *day);
        Queue {
            reviews: reviews.into_iter().map(|(_, id)| id).collect(),
            ..Queue::default()
        }
    }

    /// Cramming: every unsuspended card of `decks` that `filter` takes (a tag on the card or its
    /// deck), in deck order. Answers are practice and leave the schedule alone.
    #[must_use]
    pub fn cram(study: &Study, decks: &[usize], filter: &CramFilter) -> Self {
        let reviews = decks
            .iter()
            .map(|&deck| &study.collection.decks[deck])
            .flat_map(|deck| deck.cards.iter().map(move |card| (deck, card)))
            .filter(|(deck, card)| {
                let id = card.id.as_str();
                // A deck's tags are every card's.
                let tagged = |tag: &str| card.tags.iter().chain(&deck.tags).any(|t| t == tag);
                !study.state(id).suspended
                    && (!filter.starred || study.practice(id).starred)
                    && filter.tag.as_deref().is_none_or(tagged)
            })
            .map(|(_, card)| Box::from(card.id.as_str()))
            .collect();
        Queue {
            reviews,
            ..Queue::default()
        }
    }

    /// Shows a crammed card again after `later` other cards (a missed one comes back soon).
    pub fn again_later(&mut self, card: Box<str>, later: usize) {
        self.reviews.insert(later.min(self.reviews.len()), card);
    }

    /// The counts shown in headers: learning cards due before `learn_ahead_end`.
    #[must_use]
    pub fn counts(
        &self,
        _now: DateTime<FixedOffset>,
        learn_ahead_end: DateTime<FixedOffset>,
    ) -> DueCounts {
        DueCounts {
            new: self.new.len(),
            learning: self
                .learning
                .iter()
                .filter(|(at, _)| *at <= learn_ahead_end)
                .count()
                + self.day_learning.len(),
            review: self.reviews.len(),
        }
    }

    /// All learning cards waiting today, whenever due.
    #[must_use]
    pub fn learning_today(&self) -> usize {
        self.learning.len() + self.day_learning.len()
    }

    /// The next card to show at `now`: a due learning card; else a review or new card in mix
    /// order; else a learning card due within the learn-ahead limit. Removes it from the queue.
    pub fn next(
        &mut self,
        now: DateTime<FixedOffset>,
        learn_ahead_end: DateTime<FixedOffset>,
    ) -> Option<(Box<str>, Origin)> {
        if self.learning.first().is_some_and(|(at, _)| *at <= now) {
            let (at, card) = self.learning.remove(0);
            return Some((card, Origin::Learning(at)));
        }
        // Reviews and day learning together, as Anki merges them before the new cards.
        let due_left = self.reviews.len() + self.day_learning.len();
        let due_shown = self.shown_reviews + self.shown_day_learning;
        let take_new = match (due_left == 0, self.new.is_empty()) {
            (_, true) => false,
            (true, false) => true,
            (false, false) => match self.mix {
                NewCardMix::Before => true,
                NewCardMix::After => false,
                NewCardMix::Mix => evenly((self.shown_new, self.new.len()), (due_shown, due_left)),
            },
        };
        if take_new {
            self.shown_new += 1;
            return self.new.pop_front().map(|card| (card, Origin::New));
        }
        let take_day_learning = match (self.reviews.is_empty(), self.day_learning.is_empty()) {
            (_, true) => false,
            (true, false) => true,
            (false, false) => match self.day_learning_mix {
                DayLearningMix::LearningFirst => true,
                DayLearningMix::ReviewsFirst => false,
                DayLearningMix::Mix => evenly(
                    (self.shown_day_learning, self.day_learning.len()),
                    (self.shown_reviews, self.reviews.len()),
                ),
            },
        };
        if take_day_learning && let Some(card) = self.day_learning.pop_front() {
            self.shown_day_learning += 1;
            return Some((card, Origin::DayLearning));
        }
        if let Some(card) = self.reviews.pop_front() {
            self.shown_reviews += 1;
            return Some((card, Origin::Review));
        }
        if self
            .learning
            .first()
            .is_some_and(|(at, _)| *at <= learn_ahead_end)
        {
            let (at, card) = self.learning.remove(0);
            return Some((card, Origin::Learning(at)));
        }
        None
    }

    /// Puts a (re)learning card back, due at `at`.
    pub fn add_learning(&mut self, at: DateTime<FixedOffset>, card: Box<str>) {
        let index = self.learning.partition_point(|(due, _)| *due <= at);
        self.learning.insert(index, (at, card));
    }

    /// Takes the first showing of `card` out of the reviews, if it is there.
    pub fn remove_review(&mut self, card: &str) {
        if let Some(index) = self.reviews.iter().position(|id| id.as_ref() == card) {
            self.reviews.remove(index);
        }
    }

    /// Takes `card` out of the learning list, if it is there.
    pub fn remove_learning(&mut self, card: &str) {
        self.learning.retain(|(_, id)| id.as_ref() != card);
    }

    /// Returns a card that was taken but not answered to the front of where it came from.
    pub fn put_back(&mut self, card: Box<str>, origin: Origin) {
        match origin {
            Origin::New => {
                self.shown_new = self.shown_new.saturating_sub(1);
                self.new.push_front(card);
            }
            Origin::Review => {
                self.shown_reviews = self.shown_reviews.saturating_sub(1);
                self.reviews.push_front(card);
            }
            Origin::DayLearning => {
                self.shown_day_learning = self.shown_day_learning.saturating_sub(1);
                self.day_learning.push_front(card);
            }
            Origin::Learning(at) => self.add_learning(at, card),
        }
    }

    /// Forgets that a card from `origin` was shown, when its answer is undone.
    pub fn unshow(&mut self, origin: Origin) {
        match origin {
            Origin::New => self.shown_new = self.shown_new.saturating_sub(1),
            Origin::Review => self.shown_reviews = self.shown_reviews.saturating_sub(1),
            Origin::DayLearning => {
                self.shown_day_learning = self.shown_day_learning.saturating_sub(1);
            }
            Origin::Learning(_) => {}
        }
    }
}

/// Whether the next card comes from the list with `(shown, left)` rather than from `other`
/// (shown, left), so that the two are spread evenly as Anki's `Intersperser` spreads a second
/// list into a first (`rslib/src/scheduler/queue/builder/intersperser.rs`): the second's next
/// card goes before the first's when (its index + 1) × (first's length + 1) / (its length + 1)
/// is below the first's index + 1.
fn evenly((shown, left): (usize, usize), (other_shown, other_left): (usize, usize)) -> bool {
    let (len, other_len) = (shown + left, other_shown + other_left);
    (shown + 1) * (other_len + 1) < (other_shown + 1) * (len + 1)
}

#[cfg(test)]
pub(crate) mod tests;
