//! The replayed states by card id, kept as the replay hands them over
//! ([`crate::store::ReplayedStates`]): the cards' ids and their states in two vectors, and a
//! table of positions in them. A map of the states would be a second copy of 55,000 states
//! (9 MB) made from the replay's while that is still held, which was the peak of memory on
//! a start without a snapshot.

use std::hash::BuildHasher;

use hashbrown::HashTable;
use rustc_hash::{FxBuildHasher, FxHashMap};

use crate::store::{CardId, Folded, ReplayedStates};

/// Each card's state by its id, as a map of them would hold it; iterated in the order the
/// cards came in.
#[derive(Debug, Default)]
pub(super) struct StateTable {
    cards: Vec<CardId>,
    /// `folded[i]` is `cards[i]`'s state.
    folded: Vec<Folded>,
    /// Positions in `cards`, hashed by the id there.
    at: HashTable<u32>,
}

/// A card id's hash, for tables of cards found by id.
pub(super) fn id_hash(card: &str) -> u64 {
    FxBuildHasher.hash_one(card)
}

impl StateTable {
    /// The replay's states, kept where they are; of an id given twice, the last (as a map
    /// collected from them).
    pub(super) fn new(states: ReplayedStates) -> Self {
        let (cards, folded) = states.into_parts();
        // In place: a card id is the same box.
        let cards: Vec<CardId> = cards.into_iter().map(CardId::from).collect();
        let mut at = HashTable::with_capacity(cards.len());
        for (i, card) in cards.iter().enumerate() {
            let hashed = id_hash(card.as_str());
            let Ok(position) = u32::try_from(i) else {
                break;
            };
            if at.find(hashed, |&j| cards[j as usize] == *card).is_some() {
                // The replay's ids never repeat; anyone else's are made unique first.
                let unique: FxHashMap<CardId, Folded> = cards.into_iter().zip(folded).collect();
                return Self::from(unique);
            }
            at.insert_unique(hashed, position, |&j| id_hash(cards[j as usize].as_str()));
        }
        Self { cards, folded, at }
    }

    /// Where `card` is in `cards`.
    fn position(&self, card: &str) -> Option<usize> {
        self.at
            .find(id_hash(card), |&i| self.cards[i as usize].as_str() == card)
            .map(|&i| i as usize)
    }

    pub(super) fn get(&self, card: &str) -> Option<&Folded> {
        self.position(card).map(|i| &self.folded[i])
    }

    /// Sets `card`'s state, returning the one it replaces.
    pub(super) fn insert(&mut self, card: CardId, folded: Folded) -> Option<Folded> {
        if let Some(i) = self.position(card.as_str()) {
            return Some(std::mem::replace(&mut self.folded[i], folded));
        }
        // Over 4 billion cards would not fit in memory before they overflowed this.
        let Ok(position) = u32::try_from(self.cards.len()) else {
            return None;
        };
        let cards = &self.cards;
        self.at
            .insert_unique(id_hash(card.as_str()), position, |&i| {
                id_hash(cards[i as usize].as_str())
            });
        self.cards.push(card);
        self.folded.push(folded);
        None
    }

    pub(super) fn iter(&self) -> impl Iterator<Item = (&CardId, &Folded)> {
        self.cards.iter().zip(&self.folded)
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
        let mut table = Self {
            at: HashTable::with_capacity(states.len()),
            cards: Vec::with_capacity(states.len()),
            folded: Vec::with_capacity(states.len()),
        };
        table.extend(states);
        table
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::folded_with_reviews as folded;

    /// The table of `states` as a replay would hand them over.
    fn table(states: Vec<(&str, Folded)>) -> StateTable {
        let (cards, folded) = states
            .into_iter()
            .map(|(card, f)| (Box::from(card), f))
            .unzip();
        StateTable::new(ReplayedStates::new(cards, folded))
    }

    fn reviews(table: &StateTable, card: &str) -> Option<u32> {
        table.get(card).map(|f| f.reviews_that_day)
    }

    #[test]
    fn each_card_is_found_by_its_id() {
        let table = table(vec![
            ("d/a", folded(1)),
            ("d/b", folded(2)),
            ("e/a", folded(3)),
        ]);
        assert_eq!(reviews(&table, "d/a"), Some(1));
        assert_eq!(reviews(&table, "d/b"), Some(2));
        assert_eq!(reviews(&table, "e/a"), Some(3));
        assert_eq!(reviews(&table, "d/c"), None);
        assert_eq!(reviews(&table, ""), None);
    }

    #[test]
    fn of_an_id_given_twice_the_last_stands_once() {
        let table = table(vec![
            ("d/a", folded(1)),
            ("d/b", folded(2)),
            ("d/a", folded(3)),
        ]);
        assert_eq!(reviews(&table, "d/a"), Some(3));
        assert_eq!(reviews(&table, "d/b"), Some(2));
        let mut ids: Vec<&str> = table.iter().map(|(card, _)| card.as_str()).collect();
        ids.sort_unstable();
        assert_eq!(ids, ["d/a", "d/b"]);
    }

    #[test]
    fn inserting_replaces_a_state_or_adds_a_card() {
        let mut table = table(vec![("d/a", folded(1))]);
        let before = table.insert(CardId::new("d/a"), folded(5));
        assert_eq!(before.map(|f| f.reviews_that_day), Some(1));
        assert!(table.insert(CardId::new("d/b"), folded(6)).is_none());
        table.extend([
            (CardId::new("d/c"), folded(7)),
            (CardId::new("d/b"), folded(8)),
        ]);
        assert_eq!(reviews(&table, "d/a"), Some(5));
        assert_eq!(reviews(&table, "d/b"), Some(8));
        assert_eq!(reviews(&table, "d/c"), Some(7));
        assert_eq!(table.iter().count(), 3);
    }

    #[test]
    fn many_cards_each_keep_their_own_state() {
        // Enough that the table's positions are spread over many groups of its buckets.
        let cards: Vec<String> = (0..5000).map(|n| format!("deck/{n}")).collect();
        let mut table = table(
            cards
                .iter()
                .zip(0..)
                .map(|(card, n)| (card.as_str(), folded(n)))
                .collect(),
        );
        table.extend((5000..6000_u32).map(|n| (CardId::new(&format!("deck/{n}")), folded(n))));
        for n in [0, 1, 2499, 4999, 5000, 5999] {
            assert_eq!(reviews(&table, &format!("deck/{n}")), Some(n));
        }
        assert_eq!(reviews(&table, "deck/6000"), None);
        assert_eq!(table.iter().count(), 6000);
    }
}
