//! The statistics screen in the app: opening it on the selected decks, its tabs, and the
//! workload tab's simulation. The figures themselves are `stats` and `workload`.

use chrono::{DateTime, FixedOffset};

use super::{Action, App, Effect, Screen};
use crate::study::Study;

/// The statistics screen: figures computed when it opens, and the tab showing.
#[derive(Debug, Clone, PartialEq)]
pub struct StatsScreen {
    pub title: String,
    pub decks: Vec<usize>,
    pub stats: crate::stats::Stats,
    pub tab: usize,
    /// What each desired retention costs, simulated when its tab is first shown.
    pub workload: Option<Result<Vec<crate::workload::Workload>, String>>,
}

/// A year of `decks` at each compared retention, with today's limits.
fn simulate_retentions(
    study: &Study,
    decks: &[usize],
    now: DateTime<FixedOffset>,
) -> Result<Vec<crate::workload::Workload>, String> {
    let settings = study.scheduler.settings();
    let per_deck = |limit: u32| limit as usize * decks.len().max(1);
    let plan = crate::workload::Plan {
        retention: settings.desired_retention,
        days: 365,
        new_per_day: per_deck(settings.new_per_day),
        reviews_per_day: per_deck(settings.reviews_per_day),
        habits: crate::workload::habits(study),
    };
    let (cards, total) =
        crate::workload::cards_today(study, decks, study.scheduler.calendar().day(now));
    crate::workload::compare(&cards, total, plan, settings, &crate::workload::COMPARED)
        .map_err(|e| e.to_string())
}

impl App {
    /// Tab or Shift-Tab on the statistics; the workload tab is simulated when first shown.
    pub(super) fn switch_stats_tab(&mut self, forward: bool) -> Vec<Effect> {
        let Screen::Stats(screen) = &mut self.screen else {
            return Vec::new();
        };
        let tabs = crate::ui::stats::TABS.len();
        screen.tab = if forward {
            (screen.tab + 1) % tabs
        } else {
            (screen.tab + tabs - 1) % tabs
        };
        if screen.tab == crate::ui::stats::WORKLOAD_TAB && screen.workload.is_none() {
            // It takes seconds on a huge collection: "Simulating…" goes on screen first.
            return vec![Effect::DrawThen(Action::SimulateWorkload)];
        }
        Vec::new()
    }

    pub(super) fn simulate_workload(&mut self, now: DateTime<FixedOffset>) {
        if let Screen::Stats(screen) = &mut self.screen
            && screen.workload.is_none()
        {
            screen.workload = Some(simulate_retentions(&self.study, &screen.decks, now));
        }
    }

    /// Opens the statistics of the selected deck (every deck on a broken file's row).
    pub(super) fn open_statistics(&mut self, now: DateTime<FixedOffset>) {
        let (decks, title) = self.selected_decks().unwrap_or_else(|| {
            (
                (0..self.study.collection.decks.len()).collect(),
                "All decks".to_owned(),
            )
        });
        let mut stats = crate::stats::compute(&self.study, &decks, now);
        stats.motivation = self.motivation;
        self.screen = Screen::Stats(Box::new(StatsScreen {
            title,
            decks,
            stats,
            tab: 0,
            workload: None,
        }));
    }
}
