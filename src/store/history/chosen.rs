//! The picks of wrong practice answers (`chosen` on a review line): which card's answer was
//! taken for which card's, undone ones left out, each card as replay sees it after relinks.

use chrono::{DateTime, FixedOffset};

use super::History;
use crate::practice::Mode;

/// One wrong practice answer that picked another card's answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Confused<'a> {
    /// The card asked.
    pub card: &'a str,
    /// The card whose answer was chosen instead.
    pub chosen: &'a str,
    pub time: DateTime<FixedOffset>,
    pub mode: Mode,
}

impl History {
    /// Every wrong pick in the log, in no order; a relinked card counts as the card its
    /// history went to.
    pub fn confusions(&self) -> impl Iterator<Item = Confused<'_>> {
        self.chosen
            .iter()
            .filter(|(key, _)| !self.cancelled.contains(key))
            .map(|(_, pick)| {
                let card = self.cards[pick.card].as_ref();
                let chosen = pick.chosen.as_ref();
                Confused {
                    card: self.relinked_to(card).unwrap_or(card),
                    chosen: self.relinked_to(chosen).unwrap_or(chosen),
                    time: pick.time,
                    mode: pick.mode,
                }
            })
    }
}
