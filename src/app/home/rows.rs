//! The deck list's rows: decks sorted by id under a row per folder, then files with problems;
//! folders fold away their decks (Anki's deck list collapses the same way).

use std::collections::BTreeSet;

use super::super::{App, Screen};
use super::HomeScreen;
use crate::deck::{BrokenDeck, Deck};
use crate::study::{DueCounts, Study};

/// One line of the deck list: a folder, a valid deck, or a file with problems.
#[derive(Debug, Clone, Copy)]
pub enum Row<'a> {
    /// A folder of decks, by its path under the decks folder (`lang/romance`).
    Group(&'a str),
    Deck(usize, &'a Deck),
    Broken(&'a BrokenDeck),
}

/// The folder a deck id is in (`""` at the top).
fn folder_of(id: &str) -> &str {
    id.rsplit_once('/').map_or("", |(folder, _)| folder)
}

/// Whether `path` (a deck id or a folder) is inside a folded folder other than itself.
fn hidden(path: &str, folded: &BTreeSet<String>) -> bool {
    folded.iter().any(|folder| {
        path.len() > folder.len()
            && path.starts_with(folder.as_str())
            && path.as_bytes()[folder.len()] == b'/'
    })
}

/// The folders `id` is in, outermost first: `a/b/c` gives `a` and `a/b`.
fn ancestors(id: &str) -> impl Iterator<Item = &str> {
    id.match_indices('/').map(move |(at, _)| &id[..at])
}

/// How deep `path` (a deck id or a folder) sits: the number of folders it is in.
#[must_use]
pub fn depth(path: &str) -> usize {
    path.matches('/').count()
}

/// The deck list, a tree: decks and files with problems sorted by id, each inside a row per
/// folder, nested folders inside theirs; only what matches `filter` (case-insensitive, on
/// names and ids). What a folder in `folded_away` holds is left out, unless a filter is
/// typed: a match is never hidden.
#[must_use]
pub fn rows<'a>(study: &'a Study, filter: &str, folded_away: &BTreeSet<String>) -> Vec<Row<'a>> {
    let collection = &study.collection;
    let filter = filter.to_lowercase();
    let matches = |deck: &Deck| {
        filter.is_empty()
            || deck.name.to_lowercase().contains(&filter)
            || deck.id.as_str().to_lowercase().contains(&filter)
    };
    let folding = filter.is_empty();
    let decks = collection
        .decks
        .iter()
        .enumerate()
        .filter(|(_, d)| matches(d))
        .map(|(i, deck)| (deck.id.as_str(), Row::Deck(i, deck)));
    let broken = collection
        .broken
        .iter()
        .filter(|b| filter.is_empty() || b.id.as_str().to_lowercase().contains(&filter))
        .map(|b| (b.id.as_str(), Row::Broken(b)));
    let mut entries: Vec<(&str, Row<'a>)> = decks.chain(broken).collect();
    // Stable: a deck and a file with problems of one id keep that order.
    entries.sort_by(|a, b| a.0.cmp(b.0));
    let mut rows = Vec::new();
    let mut shown: BTreeSet<&str> = BTreeSet::new();
    for (id, row) in entries {
        for folder in ancestors(id) {
            if shown.insert(folder) && !(folding && hidden(folder, folded_away)) {
                rows.push(Row::Group(folder));
            }
        }
        if !(folding && hidden(id, folded_away)) {
            rows.push(row);
        }
    }
    rows
}

impl HomeScreen {
    /// Keeps the selection on the list after it shrank.
    pub fn clamp_selection(&mut self, study: &Study) {
        let rows = rows(study, &self.filter, &self.folded).len();
        self.selected = self.selected.min(rows.saturating_sub(1));
    }
}

impl App {
    /// The deck list as it shows now.
    #[must_use]
    pub fn rows(&self) -> Vec<Row<'_>> {
        rows(&self.study, &self.home.filter, &self.home.folded)
    }

    /// The number of cards of the deck at `deck`: its cards, or while the first frame's decks
    /// come without them, the number they have.
    #[must_use]
    pub fn deck_cards(&self, deck: usize) -> usize {
        match &self.home.figures.counting {
            Some(cards) => cards.get(deck).copied().unwrap_or(0),
            None => self
                .study
                .collection
                .decks
                .get(deck)
                .map_or(0, |d| d.cards.len()),
        }
    }

    /// The decks inside a folder of the decks directory, at any depth.
    pub(in crate::app) fn folder_decks(&self, folder: &str) -> Vec<usize> {
        let prefix = format!("{folder}/");
        let decks = &self.study.collection.decks;
        (0..decks.len())
            .filter(|&d| decks[d].id.as_str().starts_with(&prefix))
            .collect()
    }

    /// A folder's counts for its group row: the sum of its decks'.
    #[must_use]
    pub fn folder_counts(&self, folder: &str) -> DueCounts {
        self.folder_decks(folder)
            .into_iter()
            .filter_map(|d| self.home.figures.counts.get(d).copied())
            .sum()
    }

    /// A folder's cards and their mastery (0 to 1), over every deck in it: each deck's
    /// mastery weighted by its cards. The valid cards of its files with problems count too,
    /// none of them mastered: they wait for the file to be fixed.
    #[must_use]
    pub fn folder_cards(&self, folder: &str) -> (usize, f64) {
        let prefix = format!("{folder}/");
        let waiting: usize = self
            .study
            .collection
            .broken
            .iter()
            .filter(|b| b.id.as_str().starts_with(&prefix))
            .map(|b| b.valid_cards)
            .sum();
        let (mut cards, mut mastered) = (waiting, 0.0);
        for d in self.folder_decks(folder) {
            let count = self.deck_cards(d);
            cards += count;
            let mastery = self.home.figures.mastery.get(d).copied().unwrap_or(0.0);
            mastered += mastery * f64::from(u32::try_from(count).unwrap_or(u32::MAX));
        }
        let share = if cards == 0 {
            0.0
        } else {
            mastered / f64::from(u32::try_from(cards).unwrap_or(u32::MAX))
        };
        (cards, share)
    }

    /// Space, → or ← on the deck list: `fold` `None` flips the selected folder, `Some` folds
    /// or unfolds it; ← on a deck inside a folder folds that folder and selects its row, as
    /// in a tree.
    pub(in crate::app) fn fold(&mut self, fold: Option<bool>) {
        if !matches!(self.screen, Screen::Home) || !self.home.filter.is_empty() {
            return;
        }
        let folder = match self.rows().get(self.home.selected).copied() {
            Some(Row::Group(folder)) => folder.to_owned(),
            Some(Row::Deck(_, deck)) if fold == Some(true) => {
                let folder = folder_of(deck.id.as_str());
                if folder.is_empty() {
                    return;
                }
                folder.to_owned()
            }
            _ => return,
        };
        let fold = fold.unwrap_or(!self.home.folded.contains(&folder));
        if fold {
            self.home.folded.insert(folder.clone());
        } else {
            self.home.folded.remove(&folder);
        }
        let rows = self.rows();
        if let Some(at) = rows
            .iter()
            .position(|row| matches!(row, Row::Group(f) if *f == folder))
        {
            self.home.selected = at;
        }
    }
}
