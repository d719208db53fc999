//! One line of the review log: the JSON Lines format in `docs/data-format.md`.
//!
//! Reading is lenient where the format allows (unknown fields are ignored, `kind` defaults to
//! a review, `id` is optional) so that lines written by other programs are honoured. One type,
//! [`EventKind`], describes both what is read and what is written.

mod line;

use std::borrow::Cow;

use chrono::{DateTime, FixedOffset, NaiveDate, Timelike};
use xxhash_rust::xxh3::xxh3_64;

pub use line::{Answer, parse_answer, parse_line};

use crate::practice::{Mode, Question};
use crate::scheduler::Rating;

/// The mode that schedules ([`Mode::Review`]); answers in other modes are recorded but never
/// move a card.
pub const REVIEW_MODE: Mode = Mode::Review;

/// What happened. Text borrows from the line it was read from where it can.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EventKind<'a> {
    /// An answer. Only answers in [`REVIEW_MODE`] change the schedule; the others are practice
    /// (`learn`, `test`, `match`, `sort`, `cram`), with the kind of question asked. `mode` and
    /// `question` are the log's text, kept whole for lines other programs wrote; this program
    /// writes them from [`Mode`] and [`Question`].
    ///
    /// `due`: the day the answer scheduled the card for, when it left it a review card; replay
    /// keeps it when the scheduling rules allow it (see `scheduler::balance`), so that a day
    /// chosen by load balancing, which replay cannot work out again, replays the same.
    ///
    /// `chosen`: on a wrong practice answer that picked another card's answer (an option, a
    /// true/false claim, a matching pair), that card's id; the statistics' confused pairs.
    Review {
        rating: Rating,
        duration_ms: Option<u32>,
        mode: Cow<'a, str>,
        question: Option<Cow<'a, str>>,
        due: Option<NaiveDate>,
        chosen: Option<Cow<'a, str>>,
    },
    /// Hidden until the next day.
    Bury,
    /// No longer buried.
    Unbury,
    Suspend,
    Unsuspend,
    /// Back to new, as if never studied.
    Forget,
    Star,
    Unstar,
    /// Cancels the event whose `id` is `target`.
    Undo {
        target: Cow<'a, str>,
    },
    /// A deck's practice outcome: a match time, or a test score.
    Result {
        mode: Cow<'a, str>,
        ms: Option<u64>,
        mistakes: Option<u32>,
        score: Option<u32>,
        questions: Option<u32>,
    },
    /// Starts a practice mode's progress over for a deck (card sorting, learn).
    Reset {
        mode: Cow<'a, str>,
    },
    /// Sets a deck's exam date (over the deck file's `exam`), or clears it with `None`.
    Exam {
        date: Option<NaiveDate>,
    },
    /// Moves a review card's due day (a backlog spread over days), as part of `plan`: undoing
    /// the plan's id undoes every postponement in it.
    Postpone {
        due: NaiveDate,
        plan: Option<Cow<'a, str>>,
    },
    /// Makes the card a review card due on `due`, as Anki's "Set Due Date" does (the rules are
    /// in `store::replay`); `interval`, in days, is the `!` form's new interval.
    SetDue {
        due: NaiveDate,
        interval: Option<u32>,
    },
    /// The history of card `from` (an id no deck has any more) is the event's card's from now
    /// on: every event of `from` replays as this card's.
    Relink {
        from: Cow<'a, str>,
    },
    /// The deck may show `new` more new cards and `reviews` more reviews on the day of the
    /// event, past its limits, as Anki's "extend limits" (`Collection::extend_limits` in
    /// `rslib/src/decks/stats.rs`) takes them off the cards it counts as studied that day.
    ExtendLimits {
        new: u32,
        reviews: u32,
    },
}

impl EventKind<'_> {
    /// A graded answer in `mode`.
    #[must_use]
    pub fn answer(
        rating: Rating,
        duration_ms: Option<u32>,
        mode: Mode,
        question: Option<Question>,
    ) -> EventKind<'static> {
        EventKind::Review {
            rating,
            duration_ms,
            mode: mode.into(),
            question: question.map(|q| Cow::Borrowed(q.as_str())),
            due: None,
            chosen: None,
        }
    }

    /// A wrong practice answer in `mode` that picked card `chosen`'s answer.
    #[must_use]
    pub fn confused(mode: Mode, question: Question, chosen: &str) -> EventKind<'static> {
        EventKind::Review {
            rating: Rating::Again,
            duration_ms: None,
            mode: mode.into(),
            question: Some(Cow::Borrowed(question.as_str())),
            due: None,
            chosen: Some(Cow::Owned(chosen.to_owned())),
        }
    }

    /// The same answer taking `ms` milliseconds (`None`: not known); other kinds unchanged.
    #[must_use]
    pub fn timed(mut self, ms: Option<u32>) -> Self {
        if let EventKind::Review { duration_ms, .. } = &mut self {
            *duration_ms = ms;
        }
        self
    }

    /// Whether the event is about a deck rather than a card.
    #[must_use]
    pub fn is_deck_level(&self) -> bool {
        matches!(
            self,
            EventKind::Result { .. }
                | EventKind::Reset { .. }
                | EventKind::Exam { .. }
                | EventKind::ExtendLimits { .. }
        )
    }

    fn into_owned(self) -> EventKind<'static> {
        let own = |text: Cow<'_, str>| Cow::Owned(text.into_owned());
        match self {
            EventKind::Review {
                rating,
                duration_ms,
                mode,
                question,
                due,
                chosen,
            } => EventKind::Review {
                rating,
                duration_ms,
                mode: own(mode),
                question: question.map(own),
                due,
                chosen: chosen.map(own),
            },
            EventKind::Bury => EventKind::Bury,
            EventKind::Unbury => EventKind::Unbury,
            EventKind::Suspend => EventKind::Suspend,
            EventKind::Unsuspend => EventKind::Unsuspend,
            EventKind::Forget => EventKind::Forget,
            EventKind::Star => EventKind::Star,
            EventKind::Unstar => EventKind::Unstar,
            EventKind::Undo { target } => EventKind::Undo {
                target: own(target),
            },
            EventKind::Result {
                mode,
                ms,
                mistakes,
                score,
                questions,
            } => EventKind::Result {
                mode: own(mode),
                ms,
                mistakes,
                score,
                questions,
            },
            EventKind::Reset { mode } => EventKind::Reset { mode: own(mode) },
            EventKind::Postpone { due, plan } => EventKind::Postpone {
                due,
                plan: plan.map(own),
            },
            EventKind::Exam { date } => EventKind::Exam { date },
            EventKind::SetDue { due, interval } => EventKind::SetDue { due, interval },
            EventKind::Relink { from } => EventKind::Relink { from: own(from) },
            EventKind::ExtendLimits { new, reviews } => EventKind::ExtendLimits { new, reviews },
        }
    }
}

/// A parsed log line, borrowing its text from the file where it can, so that reading a
/// million lines does not allocate a million strings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event<'a> {
    /// Identity for de-duplication and undo: a hash of `id`, or of the whole line without one.
    pub key: u64,
    pub time: DateTime<FixedOffset>,
    /// The card id, for card events.
    pub card: Option<Cow<'a, str>>,
    /// The deck id, for deck events ([`EventKind::is_deck_level`]).
    pub deck: Option<Cow<'a, str>>,
    pub kind: EventKind<'a>,
}

impl Event<'_> {
    /// The event with its text copied, free of the buffer it was read from.
    #[must_use]
    pub fn into_owned(self) -> Event<'static> {
        Event {
            key: self.key,
            time: self.time,
            card: self.card.map(|c| Cow::Owned(c.into_owned())),
            deck: self.deck.map(|d| Cow::Owned(d.into_owned())),
            kind: self.kind.into_owned(),
        }
    }
}

/// The identity of an event id.
#[must_use]
pub fn key_of(id: &str) -> u64 {
    key_of_bytes(id.as_bytes())
}

/// The identity of an event id given as its bytes, the same as [`key_of`]'s (the caller has
/// checked they are UTF-8).
pub(super) fn key_of_bytes(id: &[u8]) -> u64 {
    xxh3_64(id)
}

/// The kind of an event this program writes.
pub type NewKind = EventKind<'static>;

/// An event about to be written, with its id in full.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewEvent {
    pub id: String,
    pub time: DateTime<FixedOffset>,
    /// The card, for card events.
    pub card: Option<String>,
    /// The deck, for deck events.
    pub deck: Option<String>,
    pub kind: NewKind,
}

impl NewEvent {
    /// A fresh, time-ordered unique id (`UUIDv7`).
    #[must_use]
    pub fn new_id() -> String {
        uuid::Uuid::now_v7().to_string()
    }

    /// A new event about a card, stamped with a fresh id.
    #[must_use]
    pub fn for_card(card: &str, time: DateTime<FixedOffset>, kind: NewKind) -> Self {
        Self {
            id: Self::new_id(),
            time,
            card: Some(card.to_owned()),
            deck: None,
            kind,
        }
    }

    /// A new event about a deck, stamped with a fresh id.
    #[must_use]
    pub fn for_deck(deck: &str, time: DateTime<FixedOffset>, kind: NewKind) -> Self {
        Self {
            id: Self::new_id(),
            time,
            card: None,
            deck: Some(deck.to_owned()),
            kind,
        }
    }

    /// The event as replay sees it.
    #[must_use]
    pub fn to_event(&self) -> Event<'_> {
        Event {
            key: key_of(&self.id),
            // As the line has it (`to_line` writes milliseconds): a copy of this event read
            // back from the log must sort next to this one to be dropped as a duplicate.
            time: to_millis(self.time),
            card: self.card.as_deref().map(Cow::Borrowed),
            deck: self.deck.as_deref().map(Cow::Borrowed),
            kind: self.kind.clone(),
        }
    }
}

/// `time` cut to whole milliseconds, the log's precision.
fn to_millis(time: DateTime<FixedOffset>) -> DateTime<FixedOffset> {
    let nanos = time.timestamp_subsec_nanos();
    time.with_nanosecond(nanos - nanos % 1_000_000)
        .unwrap_or(time)
}

#[cfg(test)]
mod tests;
