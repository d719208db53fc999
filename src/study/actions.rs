//! Actions on chosen cards (suspend, bury, forget, star, set the due date), relinking an
//! orphaned history, and undoing them: the events to write, worked out from a [`Study`].
//! Pure: the command line and the card browser both write what these return, all of it in one
//! [`crate::store::Store::append_all`], and record it with [`Study::record_all`].
//!
//! | file | owns |
//! |---|---|
//! | `actions.rs` | [`CardAction`]: which cards an action changes, its events, what to print; [`undo_events`] |
//! | `actions/due.rs` | [`DueChoice`]: Anki's set-due-date syntax (`0`, `3`, `1-7`, `5!`) and the days it picks |
//! | `actions/relink.rs` | [`relink_event`]: checking a relink of an orphaned history onto a card |

mod due;
mod relink;

use std::fmt::Write as _;

use chrono::{DateTime, FixedOffset};

use super::Study;
use crate::english::counted;
use crate::scheduler::calendar::date_of_day;
use crate::scheduler::{CardState, Day, Due, Phase};
use crate::store::{NewEvent, NewKind};

pub use due::{DueChoice, DueChoiceError, MAX_DAYS};
pub use relink::{RelinkError, relink_event};

/// What is done to each chosen card.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CardAction {
    /// Out of every queue until unsuspended.
    Suspend,
    Unsuspend,
    /// Hidden until the next day starts.
    Bury,
    Unbury,
    /// Back to new; the history stays in the log.
    Forget,
    Star,
    Unstar,
    /// A review card due on a day this chooses (see `store::replay`'s `set_due` for the rules).
    SetDue(DueChoice),
}

impl CardAction {
    /// The events that apply the action to `cards` at `now`: one for each card it changes,
    /// in the order given; a card it would leave as it is (already suspended, say) gets none,
    /// and a card given twice one.
    /// Set due draws each card's days from its range by the card's id and `now`, so the same
    /// call gives the same days.
    #[must_use]
    pub fn events(
        self,
        study: &Study,
        cards: &[&str],
        now: DateTime<FixedOffset>,
    ) -> Vec<NewEvent> {
        let today = study.scheduler.calendar().day(now);
        let mut seen = rustc_hash::FxHashSet::default();
        cards
            .iter()
            .filter(|&&card| seen.insert(card))
            .filter_map(|&card| {
                let kind = self.kind_for(study, card, today, now)?;
                Some(NewEvent::for_card(card, now, kind))
            })
            .collect()
    }

    /// The event for `card`, if the action changes it.
    fn kind_for(
        self,
        study: &Study,
        card: &str,
        today: Day,
        now: DateTime<FixedOffset>,
    ) -> Option<NewKind> {
        let state = study.state(card);
        let starred = study.practice(card).starred;
        // By hand, or by a sibling answered today: an unbury lifts either (as Anki's does).
        let buried = study.burial(card, now).is_some();
        let (changes, kind) = match self {
            Self::Suspend => (!state.suspended, NewKind::Suspend),
            Self::Unsuspend => (state.suspended, NewKind::Unsuspend),
            Self::Bury => (!buried, NewKind::Bury),
            Self::Unbury => (buried, NewKind::Unbury),
            Self::Forget => (state.phase != Phase::New, NewKind::Forget),
            Self::Star => (!starred, NewKind::Star),
            Self::Unstar => (starred, NewKind::Unstar),
            Self::SetDue(choice) => {
                let days = choice.days_for(card, now);
                let due = today.saturating_add(i32::try_from(days).ok()?);
                let interval = choice.resets_interval.then_some(days.max(1));
                // Set due lifts a bury by hand, not a sibling's (which replay derives anew).
                let by_hand = state.buried_until.is_some_and(|day| day > today);
                let already = is_due_as_set(state, due, interval, by_hand);
                let kind = NewKind::SetDue {
                    due: date_of_day(due)?,
                    interval,
                };
                (!already, kind)
            }
        };
        changes.then_some(kind)
    }

    /// The past tense, for "unsuspended 3 cards".
    #[must_use]
    pub fn done(self) -> &'static str {
        match self {
            Self::Suspend => "suspended",
            Self::Unsuspend => "unsuspended",
            Self::Bury => "buried",
            Self::Unbury => "unburied",
            Self::Forget => "forgot",
            Self::Star => "starred",
            Self::Unstar => "unstarred",
            Self::SetDue(_) => "set due",
        }
    }

    /// What a card it leaves alone already is.
    #[must_use]
    pub fn already(self) -> &'static str {
        match self {
            Self::Suspend => "already suspended",
            Self::Unsuspend => "not suspended",
            Self::Bury => "already buried",
            Self::Unbury => "not buried",
            Self::Forget => "already new",
            Self::Star => "already starred",
            Self::Unstar => "not starred",
            Self::SetDue(_) => "already due then",
        }
    }

    /// What it did, in a line: "unsuspended 3 cards (1 card not suspended)", "set 3 cards due
    /// in 1-7 days". `changed` cards got an event, `left` were already as asked.
    #[must_use]
    pub fn summary(self, changed: usize, left: usize) -> String {
        let mut line = match self {
            Self::SetDue(choice) => format!("set {} due {choice}", counted(changed, "card")),
            _ => format!("{} {}", self.done(), counted(changed, "card")),
        };
        if left > 0 {
            let _ = write!(line, " ({} {})", counted(left, "card"), self.already());
        }
        line
    }
}

/// Whether set due would leave a card as it is: a review card due on `due` (with that
/// interval, for the `!` form), in the review queue.
fn is_due_as_set(state: &CardState, due: Day, interval: Option<u32>, buried: bool) -> bool {
    state.phase == Phase::Review
        && state.due == Due::Day(due)
        && !state.suspended
        && !buried
        && interval.is_none_or(|days| state.scheduled_days == days)
}

/// The events that undo `done` (events written together, by an action or a relink): one
/// `undo` for each, stamped `now`, to be written in one append.
#[must_use]
pub fn undo_events(done: &[NewEvent], now: DateTime<FixedOffset>) -> Vec<NewEvent> {
    done.iter()
        .map(|event| NewEvent {
            id: NewEvent::new_id(),
            time: now,
            card: event.card.clone(),
            deck: None,
            kind: NewKind::Undo {
                target: event.id.clone().into(),
            },
        })
        .collect()
}

#[cfg(test)]
mod tests;
