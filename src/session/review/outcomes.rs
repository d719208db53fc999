//! What each answer button would do to the card on screen, worked out once when the card is
//! shown, as Anki's `SchedulingStates` are, and kept on it: drawing a frame reads them and never
//! runs the scheduler.

use chrono::{DateTime, FixedOffset};

use crate::scheduler::{Day, Interval, Rating};
use crate::study::{NextState, Study};

/// The next interval each grade would give one card, and the day they hold for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Outcomes {
    /// The day they were worked out on: intervals count from the day of the answer, so on the
    /// next day they are worked out again.
    pub day: Day,
    /// Again, Hard, Good and Easy, in [`Rating::ALL`]'s order: the interval shown, and the
    /// day the answer records (load balanced when it was worked out).
    next: [NextState; 4],
}

impl Outcomes {
    /// `card`'s outcomes at `now`, its deck's exam included: the scheduler runs once per grade.
    #[must_use]
    pub fn of(study: &Study, card: &str, now: DateTime<FixedOffset>) -> Self {
        Self {
            day: study.scheduler.calendar().day(now),
            next: study.next_states(card, now),
        }
    }

    /// The interval `rating` would give.
    #[must_use]
    pub fn interval(&self, rating: Rating) -> Interval {
        self.get(rating).interval
    }

    /// The day `rating` would make the card due on, as a review card; the answer records it,
    /// so that replay puts the card on the day its button showed.
    #[must_use]
    pub fn due(&self, rating: Rating) -> Option<Day> {
        self.get(rating).due
    }

    fn get(&self, rating: Rating) -> NextState {
        self.next[usize::from(u8::from(rating)) - 1]
    }
}
