//! The statistics screen in the app: opening it on the selected decks, its tabs, their
//! ranges and scrolling, and the workload tab's simulation. The figures themselves are
//! `stats` and `workload`; they are computed once, when the screen opens.

use chrono::{DateTime, FixedOffset};

mod narrow;
mod rows;

pub use rows::{TroubleList, TroubleRow, trouble_rows};

use super::{Action, App, Effect, Keys, Screen, keys};
use crate::scheduler::Schedulers as _;
use crate::study::Study;
use crate::workload::{Job, Workload};

pub mod view;

pub use view::{Range, View};

/// The statistics screen: figures computed when it opens, and the tab showing.
#[derive(Debug, Clone, PartialEq)]
pub struct StatsScreen {
    pub title: String,
    pub decks: Vec<usize>,
    pub stats: crate::stats::Stats,
    pub tab: StatsTab,
    /// What each desired retention costs, simulated when its tab is first shown.
    pub workload: Simulation,
    pub help: bool,
    /// Lines the tab is scrolled down by; the screen shows at most what fills it.
    pub scroll: u16,
    /// The ranges and year the charts show.
    pub view: View,
    /// The row chosen on the trouble tab (a card) and on the progress tab (a deck).
    pub row: usize,
    /// The search being typed after `/`, which narrows the figures on Enter.
    pub filter: Option<String>,
}

/// A desired retention the screen's decks study at, and the presets that set it: `None` for
/// the global section.
#[derive(Debug, Clone, PartialEq)]
pub struct YourRetention {
    /// From 0 to 1.
    pub retention: f32,
    pub presets: Vec<Option<String>>,
}

impl StatsScreen {
    /// The screen on its first tab, scrolled to the top, at the charts' shortest ranges.
    #[must_use]
    pub fn new(title: String, decks: Vec<usize>, stats: crate::stats::Stats) -> Self {
        Self {
            title,
            decks,
            stats,
            tab: StatsTab::Overview,
            workload: Simulation::NotStarted,
            help: false,
            scroll: 0,
            view: View::default(),
            row: 0,
            filter: None,
        }
    }

    /// The key table of the tab showing: `r` where a chart has ranges, `y` on the calendar.
    #[must_use]
    pub fn keys(&self) -> Keys {
        match self.tab {
            StatsTab::Reviews | StatsTab::FutureDue => keys::STATS_RANGE,
            StatsTab::Calendar => keys::STATS_YEAR,
            _ => keys::STATS,
        }
    }

    /// Each desired retention among the decks' presets, lowest first, once each with the
    /// presets that ask for it (in the settings file's order, the global section first).
    #[must_use]
    pub fn retentions(&self, study: &Study) -> Vec<YourRetention> {
        let presets = study.presets();
        let mut used: Vec<usize> = self.decks.iter().map(|&d| presets.preset_of(d)).collect();
        used.sort_unstable();
        used.dedup();
        let mut yours: Vec<YourRetention> = Vec::new();
        for preset in used {
            let scheduler = presets.all().get(preset).unwrap_or(&study.scheduler);
            let retention = scheduler.settings().desired_retention;
            let name = presets.name(preset).map(str::to_owned);
            match yours
                .iter_mut()
                .find(|y| same_retention(y.retention, retention))
            {
                Some(found) => found.presets.push(name),
                None => yours.push(YourRetention {
                    retention,
                    presets: vec![name],
                }),
            }
        }
        yours.sort_by(|a, b| a.retention.total_cmp(&b.retention));
        yours
    }
}

pub use crate::workload::same_retention;

/// What marks the row of a retention the decks use: "yours" when they all use it; the
/// presets that use it when theirs differ.
#[must_use]
pub fn retention_mark(yours: &[YourRetention], retention: f32) -> Option<String> {
    let found = yours
        .iter()
        .find(|y| same_retention(y.retention, retention))?;
    if yours.len() == 1 {
        return Some("yours".to_owned());
    }
    let names: Vec<&str> = found
        .presets
        .iter()
        .map(|name| name.as_deref().unwrap_or("global"))
        .collect();
    Some(names.join(", "))
}

/// Where the decks' desired retention is set: their preset's table, or each one's when they
/// differ.
#[must_use]
pub fn retention_hint(yours: &[YourRetention]) -> String {
    let table = |preset: &Option<String>| {
        preset.as_deref().map_or_else(
            || "the global section".to_owned(),
            crate::config::preset_table,
        )
    };
    match yours {
        [one] => match one.presets.as_slice() {
            [None] => "Set desired_retention in config.toml".to_owned(),
            presets => {
                let tables: Vec<String> = presets.iter().map(table).collect();
                format!(
                    "Set desired_retention in {} of config.toml",
                    tables.join(" and ")
                )
            }
        },
        many => {
            let each: Vec<String> = many
                .iter()
                .flat_map(|y| {
                    let percent = format!("{:.0}%", f64::from(y.retention) * 100.0);
                    y.presets
                        .iter()
                        .map(move |preset| format!("{} at {percent}", table(preset)))
                })
                .collect();
            format!(
                "These decks' presets differ ({}), and each row puts them all at one \
                 retention. Set desired_retention in each preset's table of config.toml",
                each.join(", ")
            )
        }
    }
}

/// The statistics tabs, in order, grouped as Anki's statistics page is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatsTab {
    /// Today, the totals, the cards remembered and each deck's standing.
    Overview,
    /// True retention by period and by stability, and calibration.
    Retention,
    /// Card counts and the distributions of the cards' memories.
    Cards,
    /// Answers and time per day, per hour and per button.
    Reviews,
    /// Reviews due ahead, overdue ones apart, and the daily load.
    FutureDue,
    /// Answers per day over a year.
    Calendar,
    /// What each desired retention costs, simulated.
    Workload,
    /// Leeches, the cards most often answered Again, the pairs confused.
    Trouble,
    /// Each deck's retention and its practice modes week by week.
    Progress,
}

impl StatsTab {
    /// Every tab, in order.
    pub const ALL: [Self; 9] = [
        Self::Overview,
        Self::Retention,
        Self::Cards,
        Self::Reviews,
        Self::FutureDue,
        Self::Calendar,
        Self::Workload,
        Self::Trouble,
        Self::Progress,
    ];

    #[must_use]
    pub fn title(self) -> &'static str {
        match self {
            Self::Overview => "Overview",
            Self::Retention => "Retention",
            Self::Cards => "Cards",
            Self::Reviews => "Reviews",
            Self::FutureDue => "Future",
            Self::Calendar => "Calendar",
            Self::Workload => "Workload",
            Self::Trouble => "Trouble",
            Self::Progress => "Progress",
        }
    }

    /// The place of the tab in [`StatsTab::ALL`].
    #[must_use]
    pub fn index(self) -> usize {
        Self::ALL.iter().position(|&tab| tab == self).unwrap_or(0)
    }

    /// The next tab, or the previous one, round the ends.
    #[must_use]
    fn step(self, forward: bool) -> Self {
        let count = Self::ALL.len();
        let next = if forward { 1 } else { count - 1 };
        Self::ALL[(self.index() + next) % count]
    }
}

/// Where the workload tab's simulation is.
#[derive(Debug, Clone, PartialEq)]
pub enum Simulation {
    NotStarted,
    Running,
    Done(Result<Vec<Workload>, String>),
}

impl App {
    /// Opens the statistics of the selected deck (every deck on a broken file's row).
    pub(super) fn open_statistics(&mut self, now: DateTime<FixedOffset>) {
        let (decks, title) = self.selected_decks().unwrap_or_else(|| {
            (
                (0..self.study.collection.decks.len()).collect(),
                "All decks".to_owned(),
            )
        });
        let mut stats = crate::stats::compute(&self.study, &decks, now);
        stats.motivation = self.home.figures.motivation.map(|m| self.goals.shown(m));
        self.screen = Screen::Stats(Box::new(StatsScreen::new(title, decks, stats)));
    }

    /// A key on the statistics screen.
    pub(super) fn update_stats(&mut self, action: &Action) -> Vec<Effect> {
        let Screen::Stats(screen) = &mut self.screen else {
            return Vec::new();
        };
        if screen.filter.is_some() {
            return self.stats_filter_key(action);
        }
        match action {
            Action::Help => screen.help = !screen.help,
            _ if screen.help => {}
            Action::Filter => screen.filter = Some(String::new()),
            Action::Right | Action::Left => return self.switch_stats_tab(*action == Action::Right),
            Action::Back => {
                self.notice = None;
                return self.go_home();
            }
            Action::NextRange => {
                let view = &mut screen.view;
                match screen.tab {
                    StatsTab::FutureDue => view.future = view.future.next(false),
                    StatsTab::Reviews => view.reviews = view.reviews.next(true),
                    _ => {}
                }
            }
            Action::NextYear if screen.tab == StatsTab::Calendar => {
                screen.view.year = screen.view.next_year(&screen.stats);
            }
            Action::Down | Action::Up | Action::Open
                if matches!(screen.tab, StatsTab::Trouble | StatsTab::Progress) =>
            {
                return self.stats_row_key(action);
            }
            Action::Down | Action::Up | Action::PageDown | Action::PageUp => {
                // Never further than the last line at the screen's bottom (as last drawn), so
                // ↑ moves at once after many ↓; a page is one chart.
                let (width, height) = self.size.unwrap_or((80, 24));
                let scroll = crate::ui::stats::Scroll::of(screen, width, height);
                let page = isize::try_from(scroll.page).unwrap_or(isize::MAX);
                let by = match action {
                    Action::Down => 1,
                    Action::Up => -1,
                    Action::PageDown => page,
                    _ => -page,
                };
                let at = usize::from(screen.scroll)
                    .saturating_add_signed(by)
                    .min(usize::from(scroll.most));
                screen.scroll = u16::try_from(at).unwrap_or(u16::MAX);
            }
            _ => {}
        }
        Vec::new()
    }

    /// Tab or Shift-Tab on the statistics; the workload tab is simulated when first shown.
    fn switch_stats_tab(&mut self, forward: bool) -> Vec<Effect> {
        let Screen::Stats(screen) = &mut self.screen else {
            return Vec::new();
        };
        screen.tab = screen.tab.step(forward);
        screen.scroll = 0;
        if screen.tab == StatsTab::Workload && screen.workload == Simulation::NotStarted {
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
}
