//! What the statistics are taken of: all decks, a folder, one deck, or the cards a search
//! query (the card browser's language) finds among them. Grouped by deck, so that the
//! per-deck figures take each deck's share of the selection.

use chrono::{DateTime, FixedOffset};

use crate::search::{Index, Query};
use crate::study::Study;

/// Cards grouped by deck, decks in the order asked for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    pub groups: Vec<Group>,
    /// Cards with a history whose deck was deleted (a query's `is:orphan`): in the figures of
    /// the whole selection, in no deck's.
    pub orphans: Vec<String>,
}

/// One deck's cards in the selection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// The deck's index in the collection.
    pub deck: usize,
    /// Its cards' indexes in the deck; `None` for all of them.
    pub cards: Option<Vec<usize>>,
}

impl Selection {
    /// Every card of `decks`.
    #[must_use]
    pub fn decks(decks: &[usize]) -> Self {
        Self {
            groups: decks
                .iter()
                .map(|&deck| Group { deck, cards: None })
                .collect(),
            orphans: Vec::new(),
        }
    }

    /// The cards of `decks` that `query` finds; orphaned histories it finds only when
    /// `decks` are all the decks. Decks with none of them are left out.
    #[must_use]
    pub fn matching(
        study: &Study,
        decks: &[usize],
        query: &Query,
        now: DateTime<FixedOffset>,
    ) -> Self {
        let index = Index::for_query(study, now, query);
        let mut found: Vec<Vec<usize>> = vec![Vec::new(); study.collection.decks.len()];
        let mut orphans = Vec::new();
        for facts in index.matching(query) {
            match facts.place {
                Some(place) => found[place.deck].push(place.card),
                None if facts.orphan => orphans.push(facts.card.clone()),
                None => {}
            }
        }
        let all = decks.len() == study.collection.decks.len();
        let groups = decks
            .iter()
            .filter_map(|&deck| {
                let mut cards = std::mem::take(&mut found[deck]);
                cards.sort_unstable();
                (!cards.is_empty()).then_some(Group {
                    deck,
                    cards: Some(cards),
                })
            })
            .collect();
        orphans.sort();
        Self {
            groups,
            orphans: if all { orphans } else { Vec::new() },
        }
    }

    /// The decks with cards in the selection.
    #[must_use]
    pub fn deck_indexes(&self) -> Vec<usize> {
        self.groups.iter().map(|g| g.deck).collect()
    }

    /// Every card's id: each group's in deck order, then the orphans; and how many are in
    /// each group.
    pub(crate) fn card_ids<'a>(&'a self, study: &'a Study) -> (Vec<&'a str>, Vec<usize>) {
        let mut ids = Vec::new();
        let mut sizes = Vec::with_capacity(self.groups.len());
        for group in &self.groups {
            let cards = &study.collection.decks[group.deck].cards;
            let before = ids.len();
            match &group.cards {
                None => ids.extend(cards.iter().map(|c| c.id.as_str())),
                Some(picked) => ids.extend(
                    picked
                        .iter()
                        .filter_map(|&i| cards.get(i))
                        .map(|c| c.id.as_str()),
                ),
            }
            sizes.push(ids.len() - before);
        }
        ids.extend(self.orphans.iter().map(String::as_str));
        (ids, sizes)
    }
}
