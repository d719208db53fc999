//! A simulation to run away from the screen, with everything it needs owned: one part per
//! settings preset among the decks, each simulated with its own parameters, limits and
//! retention, and the parts' figures added up.

use fsrs::Card as SimCard;
use rayon::prelude::*;

use super::{COMPARED, Plan, SimulateError, Workload, cards_today, habits, run};
use crate::scheduler::{Day, Settings};
use crate::study::Study;

/// The decks of one preset: their cards as the simulator sees them and the plan for them.
#[derive(Debug, Clone)]
pub struct Part {
    /// The preset's name; `None` for the global section.
    pub preset: Option<String>,
    pub cards: Vec<SimCard>,
    pub total: usize,
    /// How many of the job's decks use the preset.
    pub decks: usize,
    pub plan: Plan,
    pub settings: Settings,
}

/// Every part of a simulation, in the order of the presets.
#[derive(Debug, Clone, PartialEq)]
pub struct Job {
    pub parts: Vec<Part>,
}

// `fsrs::Card` has no `PartialEq`; the app's effects compare by value in tests.
impl PartialEq for Part {
    fn eq(&self, other: &Self) -> bool {
        let card = |c: &SimCard| {
            (
                c.id,
                c.difficulty,
                c.stability,
                c.last_date,
                c.due,
                c.interval,
                c.lapses,
            )
        };
        self.preset == other.preset
            && self.total == other.total
            && self.decks == other.decks
            && self.plan == other.plan
            && self.settings == other.settings
            && self.cards.len() == other.cards.len()
            && self
                .cards
                .iter()
                .zip(&other.cards)
                .all(|(a, b)| card(a) == card(b))
    }
}

impl Job {
    /// The job for a year of `decks` at today's limits and the learner's habits: the decks of
    /// each preset with its settings.
    #[must_use]
    pub fn for_decks(study: &Study, decks: &[usize], today: Day) -> Self {
        let habits = habits(study);
        let mut by_preset: Vec<(usize, Vec<usize>)> = Vec::new();
        for &deck in decks {
            let preset = study.presets().preset_of(deck);
            match by_preset.iter_mut().find(|(p, _)| *p == preset) {
                Some((_, decks)) => decks.push(deck),
                None => by_preset.push((preset, vec![deck])),
            }
        }
        by_preset.sort_by_key(|(preset, _)| *preset);
        let parts = by_preset
            .into_iter()
            .map(|(preset, decks)| {
                let settings = study.scheduler_for_deck(decks[0]).settings().clone();
                let per_deck = |limit: u32| limit as usize * decks.len();
                let plan = Plan {
                    retention: settings.desired_retention,
                    days: 365,
                    new_per_day: per_deck(settings.new_per_day),
                    reviews_per_day: per_deck(settings.reviews_per_day),
                    habits,
                    start: today,
                };
                let (cards, total) = cards_today(study, &decks, today);
                Part {
                    preset: study.presets().name(preset).map(str::to_owned),
                    cards,
                    total,
                    decks: decks.len(),
                    plan,
                    settings,
                }
            })
            .collect();
        Self { parts }
    }

    /// Simulates `days` days in every part.
    pub fn set_days(&mut self, days: usize) {
        for part in &mut self.parts {
            part.plan.days = days;
        }
    }

    /// Shares `count` new cards a day among the parts by their number of decks.
    pub fn set_new_per_day(&mut self, count: usize) {
        let decks: usize = self.parts.iter().map(|part| part.decks).sum();
        let mut left = count;
        let last = self.parts.len().saturating_sub(1);
        for (index, part) in self.parts.iter_mut().enumerate() {
            let share = if index == last {
                left
            } else {
                count * part.decks / decks.max(1)
            };
            part.plan.new_per_day = share;
            left -= share;
        }
    }

    /// The plan of the whole: days, new cards and reviews a day over every part, and the
    /// learner's habits.
    #[must_use]
    pub fn plan(&self) -> Plan {
        let mut parts = self.parts.iter().map(|part| part.plan);
        let first = parts.next().unwrap_or(Plan {
            retention: 0.9,
            days: 365,
            new_per_day: 0,
            reviews_per_day: 0,
            habits: super::Habits::default(),
            start: 0,
        });
        parts.fold(first, |plan, part| Plan {
            new_per_day: plan.new_per_day + part.new_per_day,
            reviews_per_day: plan.reviews_per_day + part.reviews_per_day,
            ..plan
        })
    }

    /// The cards studied and in all, over every part.
    #[must_use]
    pub fn cards(&self) -> (usize, usize) {
        let studied = self.parts.iter().map(|part| part.cards.len()).sum();
        (studied, self.parts.iter().map(|part| part.total).sum())
    }

    /// The whole at each part's own retention, or at `retention` in every part.
    pub fn simulate(&self, retention: Option<f32>) -> Result<Workload, SimulateError> {
        let workloads = self
            .parts
            .par_iter()
            .map(|part| {
                let plan = Plan {
                    retention: retention.unwrap_or(part.plan.retention),
                    ..part.plan
                };
                run(&part.cards, part.total, plan, &part.settings)
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(added(workloads))
    }

    /// The whole at every retention in [`COMPARED`] and at each part's own, lowest first, so
    /// the table has a row for every retention the decks use (87% among 85% and 90%).
    pub fn run(&self) -> Result<Vec<Workload>, String> {
        self.retentions()
            .par_iter()
            .map(|&retention| self.simulate(Some(retention)))
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| e.to_string())
    }

    /// [`COMPARED`] and each part's desired retention, once each, lowest first.
    #[must_use]
    pub fn retentions(&self) -> Vec<f32> {
        let mut retentions = COMPARED.to_vec();
        for part in &self.parts {
            let own = part.plan.retention;
            if !retentions.iter().any(|&r| super::same_retention(r, own)) {
                retentions.push(own);
            }
        }
        retentions.sort_by(f32::total_cmp);
        retentions
    }
}

/// The parts' workloads added up: every count and rate summed, period by period; the
/// retention is the parts' mean weighted by their cards (theirs when they share one).
fn added(workloads: Vec<Workload>) -> Workload {
    let mut workloads = workloads.into_iter();
    let Some(mut whole) = workloads.next() else {
        return Workload::empty();
    };
    let mut weighted = f64::from(whole.retention) * super::float(whole.cards);
    let mut shared = true;
    for part in workloads {
        shared &= part.retention.to_bits() == whole.retention.to_bits();
        weighted += f64::from(part.retention) * super::float(part.cards);
        whole.cards += part.cards;
        whole.reviews += part.reviews;
        whole.reviews_per_day += part.reviews_per_day;
        whole.minutes_per_day += part.minutes_per_day;
        whole.remembered += part.remembered;
        for (period, other) in whole.periods.iter_mut().zip(&part.periods) {
            period.reviews_per_day += other.reviews_per_day;
            period.new_per_day += other.new_per_day;
            period.minutes_per_day += other.minutes_per_day;
            period.remembered += other.remembered;
        }
        for (day, other) in whole.by_weekday.iter_mut().zip(part.by_weekday) {
            *day += other;
        }
    }
    if !shared && whole.cards > 0 {
        // A mean of retentions from 0.7 to 0.99: back in f32's range.
        #[allow(clippy::cast_possible_truncation)]
        let retention = (weighted / super::float(whole.cards)) as f32;
        whole.retention = retention;
    }
    whole
}
