//! The replayed states by card id, kept as the replay hands them over: a vector of
//! `(id, state)` and a table of positions in it. A map of the states would be a second copy
//! of 55,000 states (9 MB) made from the replay's vector while that is still held, which was
//! the peak of memory on a start without a snapshot.

use std::hash::BuildHasher;

use hashbrown::HashTable;
use rustc_hash::{FxBuildHasher, FxHashMap};

use crate::store::{CardId, Folded};

/// Each card's state by its id, as a map of them would hold it; iterated in the order the
/// cards came in.
#[derive(Debug, Default)]
pub(super) struct StateTable {
    states: Vec<(CardId, Folded)>,
    /// Positions in `states`, hashed by their id.
    at: HashTable<u32>,
}

/// A card id's hash, for tables of cards found by id.
pub(super) fn id_hash(card: &str) -> u64 {
    FxBuildHasher.hash_one(card)
}

impl StateTable {
    /// The states of `states`, kept where they are; of an id given twice, the last (as a map
    /// collected from them).
    pub(super) fn new(states: Vec<(CardId, Folded)>) -> Self {
        let mut at = HashTable::with_capacity(states.len());
        let mut repeated = false;
        for (i, (card, _)) in states.iter().enumerate() {
            let hashed = id_hash(card.as_str());
            let Ok(position) = u32::try_from(i) else {
                break;
            };
            if at.find(hashed, |&j| states[j as usize].0 == *card).is_some() {
                repeated = true;
                break;
            }
            at.insert_unique(hashed, position, |&j| id_hash(states[j as usize].0.as_str()));
        }
        if repeated {
            // The replay's ids never repeat; anyone else's are made unique first.
            let unique: FxHashMap<CardId, Folded> = states.into_iter().collect();
            return Self::new(unique.into_iter().collect());
        }
        Self { states, at }
    }

    /// Where `card` is in `states`.
    fn position(&self, card: &str) -> Option<usize> {
        self.at
            .find(id_hash(card), |&i| self.states[i as usize].0.as_str() == card)
            .map(|&i| i as usize)
    }

    pub(super) fn get(&self, card: &str) -> Option<&Folded> {
        self.position(card).map(|i| &self.states[i].1)
    }

    /// Sets `card`'s state, returning the one it replaces.
    pub(super) fn insert(&mut self, card: CardId, folded: Folded) -> Option<Folded> {
        if let Some(i) = self.position(card.as_str()) {
            return Some(std::mem::replace(&mut self.states[i].1, folded));
        }
        // Over 4 billion cards would not fit in memory before they overflowed this.
        let Ok(position) = u32::try_from(self.states.len()) else {
            return None;
        };
        let states = &self.states;
        self.at.insert_unique(id_hash(card.as_str()), position, |&i| {
            id_hash(states[i as usize].0.as_str())
        });
        self.states.push((card, folded));
        None
    }

    pub(super) fn iter(&self) -> impl Iterator<Item = (&CardId, &Folded)> {
        self.states.iter().map(|(card, folded)| (card, folded))
    }
}

impl Extend<(CardId, Folded)> for StateTable {
    fn extend<T: IntoIterator<Item = (CardId, Folded)>>(&mut self, states: T) {
        for (card, folded) in states {
            self.insert(card, folded);
        }
    }
}

impl From<FxHashMap<CardId, Folded>> for StateTable {
    fn from(states: FxHashMap<CardId, Folded>) -> Self {
        Self::new(states.into_iter().collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A state told apart by its count of the day's reviews.
    fn folded(reviews: u32) -> Folded {
        Folded {
            reviews_that_day: reviews,
            ..Folded::default()
        }
    }

    fn reviews(table: &StateTable, card: &str) -> Option<u32> {
        table.get(card).map(|f| f.reviews_that_day)
    }

    #[test]
    fn each_card_is_found_by_its_id() {
        let table = StateTable::new(vec![
            (CardId::new("d/a"), folded(1)),
            (CardId::new("d/b"), folded(2)),
            (CardId::new("e/a"), folded(3)),
        ]);
        assert_eq!(reviews(&table, "d/a"), Some(1));
        assert_eq!(reviews(&table, "d/b"), Some(2));
        assert_eq!(reviews(&table, "e/a"), Some(3));
        assert_eq!(reviews(&table, "d/c"), None);
        assert_eq!(reviews(&table, ""), None);
    }

    #[test]
    fn of_an_id_given_twice_the_last_stands_once() {
        let table = StateTable::new(vec![
            (CardId::new("d/a"), folded(1)),
            (CardId::new("d/b"), folded(2)),
            (CardId::new("d/a"), folded(3)),
        ]);
        assert_eq!(reviews(&table, "d/a"), Some(3));
        assert_eq!(reviews(&table, "d/b"), Some(2));
        let mut ids: Vec<&str> = table.iter().map(|(card, _)| card.as_str()).collect();
        ids.sort_unstable();
        assert_eq!(ids, ["d/a", "d/b"]);
    }

    #[test]
    fn inserting_replaces_a_state_or_adds_a_card() {
        let mut table = StateTable::new(vec![(CardId::new("d/a"), folded(1))]);
        let before = table.insert(CardId::new("d/a"), folded(5));
        assert_eq!(before.map(|f| f.reviews_that_day), Some(1));
        assert!(table.insert(CardId::new("d/b"), folded(6)).is_none());
        table.extend([(CardId::new("d/c"), folded(7)), (CardId::new("d/b"), folded(8))]);
        assert_eq!(reviews(&table, "d/a"), Some(5));
        assert_eq!(reviews(&table, "d/b"), Some(8));
        assert_eq!(reviews(&table, "d/c"), Some(7));
        assert_eq!(table.iter().count(), 3);
    }

    #[test]
    fn many_cards_each_keep_their_own_state() {
        // Enough that the table's positions are spread over many groups of its buckets.
        let cards = (0..5000_u32).map(|n| (CardId::new(&format!("deck/{n}")), folded(n)));
        let mut table = StateTable::new(cards.collect());
        table.extend((5000..6000_u32).map(|n| (CardId::new(&format!("deck/{n}")), folded(n))));
        for n in [0, 1, 2499, 4999, 5000, 5999] {
            assert_eq!(reviews(&table, &format!("deck/{n}")), Some(n));
        }
        assert_eq!(reviews(&table, "deck/6000"), None);
        assert_eq!(table.iter().count(), 6000);
    }
}
