//! Card ids below the deck layer: the replay's and the study state's keys.

use std::borrow::Borrow;
use std::fmt;
use std::ops::Deref;

use serde::{Deserialize, Serialize};

/// A card's id, `<deck id>/<card key>`, as the log and the replayed states hold it: the text of
/// a [`crate::deck::CardId`], or of an id the log names that no deck has any more (an orphan).
///
/// 16 bytes (a `Box<str>`, not a `String`), since every card with events has one in the
/// history and in the states. It borrows as `str` and hashes as one, so a map keyed by it is
/// looked up with a `&str`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct CardId(Box<str>);

impl CardId {
    #[must_use]
    pub fn new(id: &str) -> Self {
        Self(Box::from(id))
    }

    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The deck id part.
    #[must_use]
    pub fn deck(&self) -> &str {
        deck_of(&self.0)
    }
}

/// The deck id part of a card id (`""` for an id without a `/`).
#[must_use]
pub fn deck_of(card: &str) -> &str {
    card.rsplit_once('/').map_or("", |(deck, _)| deck)
}

impl From<&str> for CardId {
    fn from(id: &str) -> Self {
        Self::new(id)
    }
}

impl From<Box<str>> for CardId {
    fn from(id: Box<str>) -> Self {
        Self(id)
    }
}

impl From<&crate::deck::CardId> for CardId {
    fn from(id: &crate::deck::CardId) -> Self {
        Self::new(id.as_str())
    }
}

impl Borrow<str> for CardId {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for CardId {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl Deref for CardId {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for CardId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use rustc_hash::FxHashMap;

    use super::*;

    #[test]
    fn a_map_keyed_by_card_ids_is_looked_up_with_text() {
        let mut map = FxHashMap::default();
        map.insert(CardId::new("spanish/verbs/el-gato"), 1);
        assert_eq!(map.get("spanish/verbs/el-gato"), Some(&1));
        assert_eq!(map.get("spanish/verbs"), None);
        assert_eq!(CardId::new("spanish/verbs/el-gato").deck(), "spanish/verbs");
        assert_eq!(deck_of("loose"), "");
        assert_eq!(std::mem::size_of::<CardId>(), 16);
    }
}
