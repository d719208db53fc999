//! The rows of the trouble and progress tabs: which card or deck each row is, moving among
//! them, and Enter on a trouble card, which opens it in the card browser.

use super::{Action, App, Effect, Screen, StatsTab};
use crate::stats::Stats;

/// Which list a trouble row is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TroubleList {
    Leech,
    Again,
    Confused,
}

/// One card on the trouble tab, in the order drawn: leeches, then the most Again, then the
/// pairs confused (the card asked).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TroubleRow {
    pub list: TroubleList,
    /// Its index in that list.
    pub index: usize,
}

/// Every trouble row.
#[must_use]
pub fn trouble_rows(stats: &Stats) -> Vec<TroubleRow> {
    let trouble = &stats.trouble;
    let rows = |list, len| (0..len).map(move |index| TroubleRow { list, index });
    rows(TroubleList::Leech, trouble.leeches.len())
        .chain(rows(TroubleList::Again, trouble.most_again.len()))
        .chain(rows(TroubleList::Confused, trouble.confused.len()))
        .collect()
}

impl TroubleRow {
    /// The row's card id.
    #[must_use]
    pub fn card(self, stats: &Stats) -> Option<&str> {
        let trouble = &stats.trouble;
        match self.list {
            TroubleList::Leech => trouble.leeches.get(self.index).map(|c| c.card.as_str()),
            TroubleList::Again => trouble.most_again.get(self.index).map(|c| c.card.as_str()),
            TroubleList::Confused => trouble.confused.get(self.index).map(|p| p.card.as_str()),
        }
    }
}

impl App {
    /// ↑, ↓ or Enter on the trouble or progress tab.
    pub(super) fn stats_row_key(&mut self, action: &Action) -> Vec<Effect> {
        let Screen::Stats(screen) = &mut self.screen else {
            return Vec::new();
        };
        let rows = match screen.tab {
            StatsTab::Trouble => trouble_rows(&screen.stats).len(),
            _ => screen.stats.retention_by_deck.len(),
        };
        match action {
            Action::Down => screen.row = (screen.row + 1).min(rows.saturating_sub(1)),
            Action::Up => screen.row = screen.row.saturating_sub(1),
            Action::Open if screen.tab == StatsTab::Trouble => {
                let chosen = trouble_rows(&screen.stats)
                    .get(screen.row)
                    .and_then(|row| row.card(&screen.stats))
                    .map(str::to_owned);
                if let Some(card) = chosen {
                    // The card's deck, or the orphaned histories for a card whose deck is gone.
                    let search = self.study.place(&card).map_or_else(
                        || "is:orphan".to_owned(),
                        |place| {
                            let deck = &self.study.collection.decks[place.deck];
                            super::super::home::deck_search(deck.id.as_str())
                        },
                    );
                    let now = self.now;
                    self.open_browser(&search, Some(&card), now);
                }
            }
            _ => {}
        }
        Vec::new()
    }
}
