//! The replayed states as a replay hands them over: every card with events and its state, in
//! two vectors in the order of the history's cards.

use crate::store::Folded;

/// Every card with events, by id, and its state: `cards[i]`'s state is `folded[i]`. Two
/// vectors rather than one of pairs, which, made from the fold's vector of states (or the
/// snapshot's), held every state twice while it was made (9 MB for 55,000 cards).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReplayedStates {
    cards: Vec<Box<str>>,
    folded: Vec<Folded>,
}

impl ReplayedStates {
    /// `folded[i]` is `cards[i]`'s state; the longer one is cut to the other's length.
    #[must_use]
    pub fn new(mut cards: Vec<Box<str>>, mut folded: Vec<Folded>) -> Self {
        let len = cards.len().min(folded.len());
        cards.truncate(len);
        folded.truncate(len);
        Self { cards, folded }
    }

    #[must_use]
    pub fn len(&self) -> usize {
        self.cards.len()
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.cards.is_empty()
    }

    /// Each card and its state.
    pub fn iter(&self) -> impl Iterator<Item = (&Box<str>, &Folded)> {
        self.cards.iter().zip(&self.folded)
    }

    /// The states, `folded()[i]` being the `i`th card's.
    #[must_use]
    pub fn folded(&self) -> &[Folded] {
        &self.folded
    }

    /// The states, to change them in place.
    pub fn folded_mut(&mut self) -> &mut [Folded] {
        &mut self.folded
    }

    /// The cards and their states, `folded[i]` being `cards[i]`'s.
    #[must_use]
    pub fn into_parts(self) -> (Vec<Box<str>>, Vec<Folded>) {
        (self.cards, self.folded)
    }
}

impl IntoIterator for ReplayedStates {
    type Item = (Box<str>, Folded);
    type IntoIter = std::iter::Zip<std::vec::IntoIter<Box<str>>, std::vec::IntoIter<Folded>>;

    fn into_iter(self) -> Self::IntoIter {
        self.cards.into_iter().zip(self.folded)
    }
}

/// A state told apart from others by its count of the day's reviews, for tests.
#[cfg(test)]
pub(crate) fn folded_with_reviews(reviews: u32) -> Folded {
    Folded {
        reviews_that_day: reviews,
        ..Folded::default()
    }
}

#[cfg(test)]
mod tests {
    use super::folded_with_reviews as folded;
    use super::*;

    #[test]
    fn each_card_goes_with_the_state_at_its_index() {
        let states =
            ReplayedStates::new(vec!["d/a".into(), "d/b".into()], vec![folded(1), folded(2)]);
        let pairs: Vec<(&str, u32)> = states
            .iter()
            .map(|(card, f)| (&**card, f.reviews_that_day))
            .collect();
        assert_eq!(pairs, [("d/a", 1), ("d/b", 2)]);
        let owned: Vec<(Box<str>, Folded)> = states.into_iter().collect();
        assert_eq!(
            owned,
            [("d/a".into(), folded(1)), ("d/b".into(), folded(2))]
        );
    }

    #[test]
    fn the_longer_vector_is_cut_to_the_shorter() {
        let more_cards = ReplayedStates::new(vec!["d/a".into(), "d/b".into()], vec![folded(1)]);
        assert_eq!(more_cards.len(), 1);
        assert_eq!(
            more_cards.into_parts(),
            (vec!["d/a".into()], vec![folded(1)])
        );
        let more_states = ReplayedStates::new(vec![], vec![folded(1)]);
        assert!(more_states.is_empty());
        assert_eq!(more_states.into_parts().1, []);
    }
}
