//! `/` on the statistics screen: a search in the card browser's language narrows every figure
//! to the cards it finds among the screen's decks, recomputed once on Enter; an empty search
//! goes back to the decks. A search that does not read is said in the notice, and the figures
//! stay as they were.

use super::{Action, App, Effect, Screen};
use crate::app::line_input::{self, End};
use crate::search::Query;
use crate::stats::Selection;

impl App {
    /// A key while the search is typed (`screen.filter` is `Some`).
    pub(super) fn stats_filter_key(&mut self, action: &Action) -> Vec<Effect> {
        let Screen::Stats(screen) = &mut self.screen else {
            return Vec::new();
        };
        let Some(text) = &mut screen.filter else {
            return Vec::new();
        };
        match line_input::edit(text, action, |_, c| !c.is_control()) {
            Some(End::Cancel) => screen.filter = None,
            Some(End::Submit) => {
                let text = screen.filter.take().unwrap_or_default();
                self.narrow_stats(text.trim());
            }
            None => {}
        }
        Vec::new()
    }

    /// The screen's figures of the cards `search` finds among its decks (all of their cards
    /// for an empty search).
    fn narrow_stats(&mut self, search: &str) {
        let Screen::Stats(screen) = &mut self.screen else {
            return;
        };
        let now = self.now;
        let base = screen
            .title
            .split_once(" · ")
            .map_or(screen.title.as_str(), |(decks, _)| decks)
            .to_owned();
        let selection = if search.is_empty() {
            Selection::decks(&screen.decks)
        } else {
            match Query::parse(search) {
                Ok(query) => Selection::matching(&self.study, &screen.decks, &query, now),
                Err(error) => {
                    self.notice = Some(format!("The search `{search}` does not read: {error}"));
                    return;
                }
            }
        };
        let mut stats = crate::stats::compute_selection(&self.study, &selection, now);
        stats.motivation = screen.stats.motivation;
        screen.stats = stats;
        screen.row = 0;
        screen.scroll = 0;
        screen.title = if search.is_empty() {
            base
        } else {
            format!("{base} · {search}")
        };
        self.notice = None;
    }
}
