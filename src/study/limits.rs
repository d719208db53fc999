//! Daily limits and what is due: today's counts per deck, the new and review cards a deck
//! may still show today with the day's extensions ("10 more new cards"), and when the next
//! card falls due.

use chrono::{DateTime, FixedOffset};
use serde::Serialize;

use super::{Queue, Study, exam};
use crate::scheduler::{Day, Due, Phase};
use crate::store::{Extension, NewEvent, NewKind};

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

    /// The new and review cards still allowed today in `deck`: its limits plus today's
    /// extensions (`extend_limits` events), less what it studied today, as Anki counts them
    /// (`rslib/src/decks/limits.rs`, the extension taken off the day's studied count).
    pub(super) fn limits_left(&self, index: usize) -> (usize, usize) {
        let tally = self.day_tally(index);
        let extra = self.extension_today(index);
        let new_allowed = tally.new_limit.saturating_add(extra.new as usize);
        let reviews_allowed = tally.review_limit.saturating_add(extra.reviews as usize);
        (
            new_allowed.saturating_sub(tally.new),
            reviews_allowed.saturating_sub(tally.reviews),
        )
    }

    /// The events that let each of `decks` show `count` more new cards today than it may now,
    /// for the rest of the day: leaving the deck, a restart or another device keep them, the
    /// next day forgets them (one `extend_limits` per deck, for one write). As Anki's "extend
    /// limits" (`Collection::extend_limits` in `rslib/src/decks/stats.rs`), which takes the
    /// count off the day's studied new cards; the count written is raised by however far the
    /// deck is past its limit already (a limit lowered during the day, new cards held back by
    /// a catch-up plan), so that `count` more always follow.
    #[must_use]
    pub fn extend_new_today(
        &self,
        decks: &[usize],
        count: u32,
        now: DateTime<FixedOffset>,
    ) -> Vec<NewEvent> {
        decks
            .iter()
            .map(|&index| {
                let tally = self.day_tally(index);
                let allowed = tally
                    .new_limit
                    .saturating_add(self.extension_today(index).new as usize);
                let past_limit = u32::try_from(tally.new.saturating_sub(allowed)).unwrap_or(0);
                let kind = NewKind::ExtendLimits {
                    new: count.saturating_add(past_limit),
                    reviews: 0,
                };
                NewEvent::for_deck(self.collection.decks[index].id.as_str(), now, kind)
            })
            .collect()
    }

    /// Today's extensions of `deck`'s limits, summed.
    fn extension_today(&self, index: usize) -> Extra {
        let deck = self.collection.decks[index].id.as_str();
        self.extended.get(deck).copied().unwrap_or_default()
    }

    /// Sums the extensions given on the current day, by deck, from `extensions`: the log's
    /// (`History::extensions`) or the snapshot's.
    pub(super) fn set_extensions(&mut self, extensions: &[Extension]) {
        let calendar = self.scheduler.calendar();
        self.extended.clear();
        for extension in extensions
            .iter()
            .filter(|extension| calendar.day(extension.time) == self.day)
        {
            let extra = self.extended.entry(extension.deck.clone()).or_default();
            extra.new = extra.new.saturating_add(extension.new);
            extra.reviews = extra.reviews.saturating_add(extension.reviews);
        }
    }

    /// What `deck` studied today and its limits for today, before any extension. A catch-up
    /// plan that still holds cards of the deck makes its new limit 0.
    fn day_tally(&self, index: usize) -> Tally {
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
        if backlog {
            new_limit = 0;
        }
        Tally {
            new,
            new_limit,
            reviews,
            review_limit,
        }
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

/// What a deck studied today, and its limits before extensions.
struct Tally {
    new: usize,
    new_limit: usize,
    reviews: usize,
    review_limit: usize,
}

/// More cards a deck may show today: its extensions summed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Extra {
    pub(super) new: u32,
    pub(super) reviews: u32,
}

/// When the next card is due.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NextDue {
    At(DateTime<FixedOffset>),
    Day(Day),
}
