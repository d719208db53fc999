//! A deck's cards in the parse cache with their tag lists written once: each distinct list in
//! a table, and each card's list as its place in that table. Read back, cards with equal lists
//! share one ([`crate::deck::TagSets`]'s sharing) without a list decoded, allocated and hashed
//! per card, which was a third of decoding the cache (docs/performance.md).

use std::sync::Arc;

use rustc_hash::FxHashMap;
use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::deck::Card;

/// The table of tag lists, each card's place in it, and the cards (their `tags` skipped).
type Written<'a> = (Vec<&'a [String]>, Vec<u32>, &'a [Card]);
type Read = (Vec<Vec<String>>, Vec<u32>, Vec<Card>);

pub(in crate::deck) fn serialize<S: Serializer>(cards: &[Card], s: S) -> Result<S::Ok, S::Error> {
    let mut table: Vec<&[String]> = Vec::new();
    let mut places: FxHashMap<&[String], u32> = FxHashMap::default();
    let mut indexes = Vec::with_capacity(cards.len());
    for card in cards {
        let next = u32::try_from(table.len()).map_err(serde::ser::Error::custom)?;
        let place = *places.entry(&card.tags).or_insert_with(|| {
            table.push(&card.tags);
            next
        });
        indexes.push(place);
    }
    let written: Written = (table, indexes, cards);
    written.serialize(s)
}

pub(in crate::deck) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Card>, D::Error> {
    let (table, indexes, mut cards): Read = Deserialize::deserialize(d)?;
    if indexes.len() != cards.len() {
        return Err(D::Error::custom("a tag list place per card"));
    }
    let table: Vec<Arc<[String]>> = table.into_iter().map(Arc::from).collect();
    for (card, index) in cards.iter_mut().zip(indexes) {
        let list = usize::try_from(index).ok().and_then(|i| table.get(i));
        card.tags = Arc::clone(list.ok_or_else(|| D::Error::custom("no such tag list"))?);
    }
    Ok(cards)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize, Deserialize)]
    struct Cards(#[serde(with = "super")] Vec<Card>);

    fn card(key: &str, tags: &[&str]) -> Card {
        Card {
            id: crate::deck::CardId::new(&crate::deck::DeckId::new("d"), key),
            front: format!("front {key}"),
            back: "back".to_owned(),
            hint: None,
            tags: tags.iter().map(|&t| t.to_owned()).collect(),
            reversed: false,
            line: 3,
            cloze: None,
            typed: false,
            note: None,
        }
    }

    #[test]
    fn lists_come_back_per_card_and_equal_ones_are_shared() {
        let cards = vec![
            card("1", &["geo", "eu"]),
            card("2", &[]),
            card("3", &["geo", "eu"]),
            card("4", &["eu", "geo"]),
        ];
        let bytes = postcard::to_stdvec(&Cards(cards.clone())).unwrap();
        let Cards(back) = postcard::from_bytes(&bytes).unwrap();
        assert_eq!(back, cards);
        assert!(Arc::ptr_eq(&back[0].tags, &back[2].tags));
        assert!(!Arc::ptr_eq(&back[0].tags, &back[3].tags));
    }

    #[test]
    fn a_place_outside_the_table_or_a_missing_one_is_an_error() {
        let cards = [card("1", &["geo"])];
        let outside: Written = (vec![&cards[0].tags], vec![1], &cards);
        let missing: Written = (vec![&cards[0].tags], vec![], &cards);
        for written in [outside, missing] {
            let bytes = postcard::to_stdvec(&written).unwrap();
            assert!(postcard::from_bytes::<Cards>(&bytes).is_err());
        }
    }
}
