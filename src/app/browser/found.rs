//! The browser's table: the search as typed, its order, the selection and the marks. Pure.

use chrono::{DateTime, FixedOffset};

use super::BrowserScreen;
use crate::search::{CardFacts, Query};
use crate::study::Study;

impl BrowserScreen {
    /// The card facts of the table's rows, in order.
    #[must_use]
    pub fn rows(&self) -> impl ExactSizeIterator<Item = &CardFacts> + '_ {
        let cards = self.index.cards();
        self.found.iter().map(move |&at| &cards[at])
    }

    /// The selected row's card, if the table has rows.
    #[must_use]
    pub fn selected_card(&self) -> Option<&CardFacts> {
        let at = *self.found.get(self.selected)?;
        self.index.cards().get(at)
    }

    /// The cards an action is for: the marked ones, or else the selected one.
    #[must_use]
    pub fn targets(&self) -> Vec<&str> {
        if self.marked.is_empty() {
            self.selected_card()
                .map(|facts| vec![facts.card.as_str()])
                .unwrap_or_default()
        } else {
            self.marked.iter().map(String::as_str).collect()
        }
    }

    /// Searches again for the text as typed; the selection stays on its card if found. A
    /// text that is not a query finds nothing and says why in `error`, so that no action
    /// can fall on cards an earlier text found.
    pub fn research(&mut self, study: &Study, now: DateTime<FixedOffset>) {
        let query = match Query::parse(&self.search) {
            Ok(query) => query,
            Err(error) => {
                self.error = Some(error.to_string());
                self.found.clear();
                self.selected = 0;
                return;
            }
        };
        self.error = None;
        if !self.index.covers(&query) {
            // Everything, so that the next search that needs it does not wait again.
            self.index = crate::search::Index::build(study, now);
        }
        let selected = self.selected_card().map(|facts| facts.card.clone());
        self.found = self
            .index
            .cards()
            .iter()
            .enumerate()
            .filter(|(_, facts)| query.matches(facts))
            .map(|(at, _)| at)
            .collect();
        self.resort(study);
        self.selected = 0;
        if let Some(card) = selected {
            self.select_card(&card);
        }
    }

    /// Gathers every card's facts again (the decks were read again after an edit) and
    /// searches again.
    pub fn rebuild(&mut self, study: &Study, now: DateTime<FixedOffset>) {
        self.info_stale = true;
        self.index = if self.index.has_answers() {
            crate::search::Index::build(study, now)
        } else if self.index.has_orphans() {
            crate::search::Index::build_with(study, now, false)
        } else {
            crate::search::Index::of_deck_cards(study, now)
        };
        let marked = std::mem::take(&mut self.marked);
        self.marked = marked
            .into_iter()
            .filter(|card| study.place(card).is_some())
            .collect();
        self.research(study, now);
    }

    /// Orders the rows by the sort column (deck and file order without one), reversed if
    /// asked; the selection follows its card.
    pub fn resort(&mut self, study: &Study) {
        let selected = self.selected_card().map(|facts| facts.card.clone());
        let cards = self.index.cards();
        let front = |facts: &CardFacts| {
            facts
                .place
                .map_or("", |place| study.card(place).front.as_str())
        };
        match self.sort {
            Some(column) => self.found.sort_by(|&a, &b| {
                let (a, b) = (&cards[a], &cards[b]);
                column.compare((a, front(a)), (b, front(b)))
            }),
            None => self.found.sort_unstable(),
        }
        if self.reverse {
            self.found.reverse();
            if let Some(column) = self.sort {
                // Cards without a value stay last, as `by due ↓` means the latest first.
                let (mut with, without): (Vec<usize>, Vec<usize>) = self
                    .found
                    .iter()
                    .partition(|&&at| column.has_value(&cards[at]));
                with.extend(without);
                self.found = with;
            }
        }
        if let Some(card) = selected {
            self.select_card(&card);
        }
    }

    /// Selects `card`'s row, if the table has it.
    pub fn select_card(&mut self, card: &str) {
        let cards = self.index.cards();
        if let Some(row) = self.found.iter().position(|&at| cards[at].card == card) {
            self.selected = row;
        }
    }

    /// Moves the selection by `rows`, staying on the table.
    pub fn step(&mut self, rows: isize) {
        let last = self.found.len().saturating_sub(1);
        self.selected = self.selected.saturating_add_signed(rows).min(last);
    }

    /// Space: marks the selected card, or unmarks it, and moves down.
    pub fn toggle_mark(&mut self) {
        let Some(card) = self.selected_card().map(|facts| facts.card.clone()) else {
            return;
        };
        if !self.marked.remove(&card) {
            self.marked.insert(card);
        }
        self.step(1);
    }

    /// Marks every card found, or clears the marks when every one is marked already.
    pub fn toggle_mark_all(&mut self) {
        let all: Vec<String> = self.rows().map(|facts| facts.card.clone()).collect();
        if all.iter().all(|card| self.marked.contains(card)) {
            self.marked.clear();
        } else {
            self.marked.extend(all);
        }
    }
}
