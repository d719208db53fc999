//! The statistics screen in the app: opening it on the selected decks, its tabs, and the
//! workload tab's simulation. The figures themselves are `stats` and `workload`.

use chrono::{DateTime, FixedOffset};

use super::{App, Effect, Screen};
use crate::workload::{Job, Workload};

/// The statistics screen: figures computed when it opens, and the tab showing.
#[derive(Debug, Clone, PartialEq)]
pub struct StatsScreen {
    pub title: String,
    pub decks: Vec<usize>,
    pub stats: crate::stats::Stats,
    pub tab: usize,
    /// What each desired retention costs, simulated when its tab is first shown.
    pub workload: Simulation,
}

/// Where the workload tab's simulation is.
#[derive(Debug, Clone, PartialEq)]
pub enum Simulation {
    NotStarted,
    Running,
    Done(Result<Vec<Workload>, String>),
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
        if screen.tab == crate::ui::stats::WORKLOAD_TAB && screen.workload == Simulation::NotStarted
        {
            // Seconds on a huge collection: it runs away from the screen, which says
            // "Simulating…" and takes keys meanwhile.
            screen.workload = Simulation::Running;
            let today = self.study.scheduler.calendar().day(self.now);
            let job = Job::for_decks(&self.study, &screen.decks, today);
            return vec![Effect::Simulate(Box::new(job))];
        }
        Vec::new()
    }

    /// A simulation came back; kept if its statistics screen is still showing.
    pub(super) fn simulated(&mut self, result: Result<Vec<Workload>, String>) {
        if let Screen::Stats(screen) = &mut self.screen
            && screen.workload == Simulation::Running
        {
            screen.workload = Simulation::Done(result);
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
            workload: Simulation::NotStarted,
        }));
    }
}
