//! Ordering found cards by a column: the browser's table and `flashdeck cards --sort`.

use std::cmp::Ordering;

use super::CardFacts;
use crate::scheduler::Phase;
use crate::store::deck_of;

/// A column to sort cards by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SortColumn {
    Id,
    Deck,
    Front,
    State,
    Due,
    Interval,
    Stability,
    Difficulty,
    Retrievability,
    Reps,
    Lapses,
}

impl SortColumn {
    /// The browser's cycle, in the order of its columns.
    pub const CYCLE: [Self; 10] = [
        Self::Front,
        Self::Deck,
        Self::State,
        Self::Due,
        Self::Interval,
        Self::Stability,
        Self::Difficulty,
        Self::Retrievability,
        Self::Reps,
        Self::Lapses,
    ];

    /// The column's name, as the table's heading and the status line show it.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Id => "id",
            Self::Deck => "deck",
            Self::Front => "front",
            Self::State => "state",
            Self::Due => "due",
            Self::Interval => "interval",
            Self::Stability => "stability",
            Self::Difficulty => "difficulty",
            Self::Retrievability => "retrievability",
            Self::Reps => "reps",
            Self::Lapses => "lapses",
        }
    }

    /// The next column of [`SortColumn::CYCLE`] after `current` (`None`: deck and file
    /// order), and back to `None` after the last.
    #[must_use]
    pub fn next(current: Option<Self>) -> Option<Self> {
        match current {
            None => Some(Self::CYCLE[0]),
            Some(column) => {
                let at = Self::CYCLE.iter().position(|&c| c == column);
                at.and_then(|at| Self::CYCLE.get(at + 1).copied())
            }
        }
    }

    /// Orders two cards by this column, given each card's front as written; cards without
    /// a value (a new card's interval) come last, and ties keep deck and file order (the
    /// sort is stable).
    #[must_use]
    pub fn compare(self, a: (&CardFacts, &str), b: (&CardFacts, &str)) -> Ordering {
        let ((a, a_front), (b, b_front)) = (a, b);
        let numbers = |x: Option<f64>, y: Option<f64>| match (x, y) {
            (Some(x), Some(y)) => x.total_cmp(&y),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        };
        match self {
            Self::Id => a.card.cmp(&b.card),
            Self::Deck => deck_of(&a.card).cmp(deck_of(&b.card)),
            Self::Front => a_front.to_lowercase().cmp(&b_front.to_lowercase()),
            Self::State => state_rank(a).cmp(&state_rank(b)),
            Self::Due => numbers(a.due.map(f64::from), b.due.map(f64::from)),
            Self::Interval => numbers(a.interval.map(f64::from), b.interval.map(f64::from)),
            Self::Stability => numbers(a.stability.map(f64::from), b.stability.map(f64::from)),
            Self::Difficulty => numbers(a.difficulty.map(f64::from), b.difficulty.map(f64::from)),
            Self::Retrievability => numbers(
                a.retrievability.map(f64::from),
                b.retrievability.map(f64::from),
            ),
            Self::Reps => a.reps.cmp(&b.reps),
            Self::Lapses => a.lapses.cmp(&b.lapses),
        }
    }
}

impl SortColumn {
    /// Whether `facts` has a value in this column: a new card has no due day, interval,
    /// stability, difficulty or recall, and sorts after the cards that do, either way round.
    #[must_use]
    pub fn has_value(self, facts: &CardFacts) -> bool {
        match self {
            Self::Due => facts.due.is_some(),
            Self::Interval => facts.interval.is_some(),
            Self::Stability => facts.stability.is_some(),
            Self::Difficulty => facts.difficulty.is_some(),
            Self::Retrievability => facts.retrievability.is_some(),
            _ => true,
        }
    }
}

/// New, learning, review, relearning, then suspended.
fn state_rank(facts: &CardFacts) -> u8 {
    if facts.suspended {
        return 4;
    }
    match facts.phase {
        Phase::New => 0,
        Phase::Learning { .. } => 1,
        Phase::Review => 2,
        Phase::Relearning { .. } => 3,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cycle_visits_every_browser_column_once_and_returns_to_file_order() {
        let mut seen = Vec::new();
        let mut column = SortColumn::next(None);
        while let Some(c) = column {
            seen.push(c);
            column = SortColumn::next(Some(c));
        }
        assert_eq!(seen, SortColumn::CYCLE.to_vec());
    }

    #[test]
    fn cards_without_a_value_sort_last_and_suspended_cards_after_every_phase() {
        let mut new = CardFacts::new("d/new", "b", "", "d", &[]);
        let mut due = CardFacts::new("d/due", "a", "", "d", &[]);
        due.due = Some(-2);
        due.phase = Phase::Review;
        assert_eq!(
            SortColumn::Due.compare((&due, "a"), (&new, "b")),
            Ordering::Less
        );
        new.suspended = true;
        assert_eq!(
            SortColumn::State.compare((&new, "b"), (&due, "a")),
            Ordering::Greater
        );
        assert_eq!(
            SortColumn::Front.compare((&new, "B"), (&due, "a")),
            Ordering::Greater
        );
    }
}
