//! One card's history as replay folds it: every event not undone, oldest first, each answer
//! in review mode with the card's recall just before it and its state just after. Card info
//! (`study/info.rs`) is made from this. Pure.

use chrono::{DateTime, FixedOffset};

use super::super::history::{Entry, History, Stored};
use super::Folded;
use crate::practice::Mode;
use crate::scheduler::{CardState, Day, Phase, Rating, Scheduler};

/// One event of a card's history.
#[derive(Debug, Clone, PartialEq)]
pub struct Traced {
    pub time: DateTime<FixedOffset>,
    pub kind: TracedKind,
}

/// What the event was.
#[derive(Debug, Clone, PartialEq)]
pub enum TracedKind {
    /// An answer in review mode: the one kind that moves the schedule.
    Review(TracedAnswer),
    /// An answer in a practice mode (learn, test, match, sort, cram); the schedule stays.
    Practice {
        mode: Mode,
        rating: Rating,
        duration_ms: Option<u32>,
    },
    /// Any other card event, by the log's name for its kind: `bury`, `unbury`, `suspend`,
    /// `unsuspend`, `forget`, `star`, `unstar`, or `postpone` and `set_due` (with the day it
    /// moved the card to).
    Other {
        name: &'static str,
        moved_to: Option<Day>,
    },
}

/// An answer in review mode, as the scheduler took it.
#[derive(Debug, Clone, PartialEq)]
pub struct TracedAnswer {
    pub rating: Rating,
    pub duration_ms: Option<u32>,
    pub phase_before: Phase,
    /// The probability of recall just before the answer (0–1), from whole days elapsed as
    /// [`Scheduler::retrievability`] counts them; `None` for a card never answered or
    /// forgotten since.
    pub retrievability: Option<f32>,
    /// The card's state just after the answer: its interval, stability and difficulty.
    pub after: CardState,
    /// The answer made the card a leech, and suspended it.
    pub became_leech: bool,
}

impl History {
    /// Every event of `card` that was not undone, oldest first, with what each did; empty for
    /// a card without events.
    #[must_use]
    pub fn trace(&self, card: &str, scheduler: &Scheduler) -> Vec<Traced> {
        let Some(&index) = self.index.get(card) else {
            return Vec::new();
        };
        let mut rows = Vec::new();
        let mut before = Folded::default();
        let on_entry = |entry: &Entry, after: &Folded| {
            let kind = traced_kind(&entry.kind, entry.time(), &before.state, after, scheduler);
            rows.push(Traced {
                time: entry.time(),
                kind,
            });
            before = after.clone();
        };
        // With the events of any card relinked onto it; none for a card relinked away.
        let entries = self.entries_for(index);
        self.fold_observed(card, &entries, scheduler, Day::MIN, |_| {}, on_entry);
        rows
    }

    /// Whether `card` was ever answered in review mode (undone answers aside), forgotten
    /// since or not. No replay: only its events are looked at.
    #[must_use]
    pub fn has_answers(&self, card: &str) -> bool {
        self.index.get(card).is_some_and(|&index| {
            self.entries_for(index).iter().any(|entry| {
                matches!(entry.kind, Stored::Review { practice: None, .. })
                    && !self.is_undone(entry)
            })
        })
    }
}

fn traced_kind(
    kind: &Stored,
    time: DateTime<FixedOffset>,
    before: &CardState,
    after: &Folded,
    scheduler: &Scheduler,
) -> TracedKind {
    match kind {
        Stored::Review {
            rating,
            duration_ms,
            practice: None,
            ..
        } => TracedKind::Review(TracedAnswer {
            rating: *rating,
            duration_ms: duration_ms.get(),
            phase_before: before.phase,
            retrievability: scheduler.retrievability(before, time),
            after: after.state.clone(),
            became_leech: after.last_notes.became_leech,
        }),
        Stored::Review {
            rating,
            duration_ms,
            practice: Some((mode, _)),
            ..
        } => TracedKind::Practice {
            mode: *mode,
            rating: *rating,
            duration_ms: duration_ms.get(),
        },
        Stored::Postpone { due, .. } => TracedKind::Other {
            name: "postpone",
            moved_to: Some(*due),
        },
        Stored::SetDue { due, .. } => TracedKind::Other {
            name: "set_due",
            moved_to: Some(*due),
        },
        other => TracedKind::Other {
            name: event_name(other),
            moved_to: None,
        },
    }
}

/// The log's name for an event kind (`docs/data-format.md`).
fn event_name(kind: &Stored) -> &'static str {
    match kind {
        Stored::Review { .. } => "review",
        Stored::Bury => "bury",
        Stored::Unbury => "unbury",
        Stored::Suspend => "suspend",
        Stored::Unsuspend => "unsuspend",
        Stored::Forget => "forget",
        Stored::Star => "star",
        Stored::Unstar => "unstar",
        Stored::Postpone { .. } => "postpone",
        Stored::SetDue { .. } => "set_due",
        // Kinds added to the log later show as "other" until they are named here.
        #[allow(unreachable_patterns)]
        _ => "other",
    }
}

#[cfg(test)]
mod tests;
