//! Daily limits and what is due: today's counts per deck, the new and review cards a deck
//! may still show today, and when the next card falls due.

use chrono::{DateTime, FixedOffset};
use serde::Serialize;

use super::{Queue, Study, exam};
use crate::scheduler::{Day, Due, Phase};

/// Cards due today in a deck, after the daily limits.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct DueCounts {
    pub new: usize,
    pub learning: usize,
    pub review: usize,
}

impl DueCounts {
    #[must_use]
    pub fn total(&self) -> usize {
        self.new + self.learning + self.review
    }
}

impl std::ops::Add for DueCounts {
    type Output = Self;

    fn add(self, other: Self) -> Self {
        Self {
            new: self.new + other.new,
            learning: self.learning + other.learning,
            review: self.review + other.review,
        }
    }
}

impl std::iter::Sum for DueCounts {
    fn sum<I: Iterator<Item = Self>>(counts: I) -> Self {
        counts.fold(Self::default(), std::ops::Add::add)
    }
}

impl Study {
    /// Today's counts for one deck, limits applied.
    #[must_use]
    pub fn due_counts(&self, deck: usize, now: DateTime<FixedOffset>) -> DueCounts {
        Queue::build(self, &[deck], now).counts(now, self.learn_ahead_end(now))
    }

    /// The new and review cards still allowed today in `deck`, with today's extension of its
    /// new cards ([`Study::extend_new_today`]).
    pub(super) fn limits_left(&self, index: usize) -> (usize, usize) {
        let (new, new_left, reviews_left) = self.limits_without_extension(index);
        let deck = self.collection.decks[index].id.as_str();
        let new_left = match self.extended_new.get(deck) {
            Some(&(day, allowed)) if day == self.day => new_left.max(allowed.saturating_sub(new)),
            _ => new_left,
        };
        (new_left, reviews_left)
    }

    /// Lets each of `decks` show `count` more new cards today than it may now, for the rest of
    /// the day: leaving the deck and coming back keeps them, the next day forgets them. As
    /// Anki's "extend limits" (`Collection::extend_limits` in `rslib/src/decks/stats.rs`),
    /// which takes `count` off the deck's new cards studied that day; here the day's allowance
    /// is raised instead, so `count` more always follow, past a catch-up plan holding new cards
    /// back or a count above the limit too. Rolls the day over first ([`Study::roll_day`]).
    pub fn extend_new_today(&mut self, decks: &[usize], count: usize, now: DateTime<FixedOffset>) {
        self.roll_day(now);
        for &index in decks {
            let (new, _, _) = self.limits_without_extension(index);
            let (new_left, _) = self.limits_left(index);
            let allowed = (new + new_left).saturating_add(count);
            let deck = Box::from(self.collection.decks[index].id.as_str());
            self.extended_new.insert(deck, (self.day, allowed));
        }
    }

    /// New cards `deck` introduced today, and the new and review cards its limits still allow
    /// today, before any extension.
    fn limits_without_extension(&self, index: usize) -> (usize, usize, usize) {
        let settings = self.scheduler_for_deck(index).settings();
        let deck = &self.collection.decks[index];
        let mut new_limit = deck.new_per_day.unwrap_or(settings.new_per_day) as usize;
        let mut review_limit = deck.reviews_per_day.unwrap_or(settings.reviews_per_day) as usize;
        let (mut new, mut reviews, mut backlog, mut unseen) = (0, 0, false, 0);
        for card in &deck.cards {
            match self.states.get(card.id.as_str()) {
                Some(folded) => {
                    new += usize::from(folded.new_that_day);
                    // Anki counts answers from the day-learning queue as reviews.
                    reviews += (folded.reviews_that_day + folded.day_learning_that_day) as usize;
                    backlog |= folded.postponed && !folded.state.suspended;
                    unseen +=
                        usize::from(folded.state.phase == Phase::New && !folded.state.suspended);
                }
                None => unseen += 1,
            }
        }
        if let Some(exam) = self.exam(index).filter(|&exam| exam > self.day) {
            // Every new card in time for the last days' reviews; in those days, every review.
            let needed = exam::new_per_day_for(unseen + new, exam, self.day);
            new_limit = new_limit.max(needed);
            if self.day >= exam - exam::WINDOW {
                review_limit = usize::MAX;
            }
        }
        // New cards wait while a backlog plan still holds cards of this deck.
        let new_left = if backlog {
            0
        } else {
            new_limit.saturating_sub(new)
        };
        (new, new_left, review_limit.saturating_sub(reviews))
    }

    /// The latest due time a learning card may be shown early.
    #[must_use]
    pub fn learn_ahead_end(&self, now: DateTime<FixedOffset>) -> DateTime<FixedOffset> {
        now + chrono::Duration::seconds(i64::from(self.scheduler.settings().learn_ahead_secs))
    }

    /// Cards of `deck` a backlog plan moved and that wait for their review.
    #[must_use]
    pub fn postponed(&self, deck: usize) -> usize {
        self.collection.decks[deck]
            .cards
            .iter()
            .filter(|card| {
                self.states
                    .get(card.id.as_str())
                    .is_some_and(|f| f.postponed && !f.state.suspended)
            })
            .count()
    }

    /// When the next card in `decks` falls due after now, ignoring limits, for the done
    /// screen.
    #[must_use]
    pub fn next_due(&self, decks: &[usize], now: DateTime<FixedOffset>) -> Option<NextDue> {
        let calendar = self.scheduler.calendar();
        let today = calendar.day(now);
        decks
            .iter()
            .flat_map(|&deck| self.collection.decks[deck].cards.iter())
            .map(|card| self.state(card.id.as_str()))
            .filter(|state| !state.suspended)
            .filter_map(|state| match state.due {
                Due::At(at) if at > now => Some(NextDue::At(at)),
                Due::Day(day) if day > today => Some(NextDue::Day(day)),
                _ => None,
            })
            .min_by_key(|next| match next {
                NextDue::At(at) => (calendar.day(*at), Some(*at)),
                NextDue::Day(day) => (*day, None),
            })
    }

    /// Whether any card in `decks` is new and unsuspended (for "study more new cards").
    #[must_use]
    pub fn has_unseen(&self, decks: &[usize]) -> bool {
        decks.iter().any(|&deck| {
            self.collection.decks[deck].cards.iter().any(|card| {
                let state = self.state(card.id.as_str());
                state.phase == Phase::New && !state.suspended
            })
        })
    }
}

/// When the next card is due.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NextDue {
    At(DateTime<FixedOffset>),
    Day(Day),
}
