//! Where each card of the collection is, found by its id without a copy of the id: a hash
//! table of places, each compared by the id of the card at it. A map keyed by copied ids held
//! 55,000 of them (3.5 MB) beside the decks that have them.

use hashbrown::HashTable;

use super::CardPlace;
use super::state_table::id_hash;
use crate::deck::Collection;

/// Every card's place in a collection, by card id.
#[derive(Debug, Default)]
pub(super) struct CardPlaces(HashTable<(u32, u32)>);

fn id_at(collection: &Collection, (deck, card): (u32, u32)) -> &str {
    collection.decks[deck as usize].cards[card as usize]
        .id
        .as_str()
}

impl CardPlaces {
    /// The places of `collection`'s cards; of an id two cards have, the later one's (as a map
    /// collected from them).
    pub(super) fn new(collection: &Collection) -> Self {
        let count = collection.decks.iter().map(|deck| deck.cards.len()).sum();
        let mut table = HashTable::with_capacity(count);
        for (deck, cards) in collection.decks.iter().enumerate() {
            for (card, c) in cards.cards.iter().enumerate() {
                // Over 4 billion decks or cards would not fit in memory first.
                let (Ok(deck), Ok(card)) = (u32::try_from(deck), u32::try_from(card)) else {
                    continue;
                };
                let id = c.id.as_str();
                let hash = id_hash(id);
                if let Some(place) = table.find_mut(hash, |&at| id_at(collection, at) == id) {
                    *place = (deck, card);
                } else {
                    table.insert_unique(hash, (deck, card), |&at| id_hash(id_at(collection, at)));
                }
            }
        }
        Self(table)
    }

    /// The place of the card `id` in `collection`, which these are the places of.
    pub(super) fn get(&self, collection: &Collection, id: &str) -> Option<CardPlace> {
        self.0
            .find(id_hash(id), |&at| id_at(collection, at) == id)
            .map(|&(deck, card)| CardPlace {
                deck: deck as usize,
                card: card as usize,
            })
    }

    /// Every place, in no order.
    pub(super) fn iter(&self) -> impl Iterator<Item = CardPlace> + '_ {
        self.0.iter().map(|&(deck, card)| CardPlace {
            deck: deck as usize,
            card: card as usize,
        })
    }
}

#[cfg(test)]
mod tests {
    use std::fmt::Write as _;

    use super::*;
    use crate::deck::{DeckId, Source, parse_deck};

    fn deck(id: &str, keys: &[&str]) -> crate::deck::Deck {
        let mut text = String::from("[deck]\nname = \"D\"\n");
        for key in keys {
            let _ = write!(
                text,
                "[[cards]]\nid = \"{key}\"\nfront = \"front {key}\"\nback = \"back\"\n"
            );
        }
        parse_deck(DeckId::new(id), Source::Bundled, &text).unwrap()
    }

    fn place(deck: usize, card: usize) -> CardPlace {
        CardPlace { deck, card }
    }

    #[test]
    fn each_card_is_found_at_its_deck_and_index() {
        let collection = Collection {
            decks: vec![deck("a", &["x", "y"]), deck("a/b", &["x"])],
            broken: Vec::new(),
        };
        let places = CardPlaces::new(&collection);
        assert_eq!(places.get(&collection, "a/x"), Some(place(0, 0)));
        assert_eq!(places.get(&collection, "a/y"), Some(place(0, 1)));
        assert_eq!(places.get(&collection, "a/b/x"), Some(place(1, 0)));
        assert_eq!(places.get(&collection, "a/z"), None);
        assert_eq!(places.get(&collection, "b/x"), None);
        let mut all: Vec<(usize, usize)> = places.iter().map(|p| (p.deck, p.card)).collect();
        all.sort_unstable();
        assert_eq!(all, [(0, 0), (0, 1), (1, 0)]);
    }

    #[test]
    fn of_two_decks_with_one_id_the_later_has_the_card() {
        // Two decks cannot share an id when read from files; given twice, the later counts.
        let collection = Collection {
            decks: vec![deck("a", &["x"]), deck("a", &["y", "x"])],
            broken: Vec::new(),
        };
        let places = CardPlaces::new(&collection);
        assert_eq!(places.get(&collection, "a/x"), Some(place(1, 1)));
        assert_eq!(places.get(&collection, "a/y"), Some(place(1, 0)));
        assert_eq!(places.iter().count(), 2);
    }

    #[test]
    fn an_empty_collection_has_no_places() {
        let collection = Collection::default();
        let places = CardPlaces::new(&collection);
        assert_eq!(places.get(&collection, "a/x"), None);
        assert_eq!(CardPlaces::default().iter().count(), 0);
    }
}
