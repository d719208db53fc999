//! What a desired retention costs: the `fsrs` crate's simulator run on the cards as they stand
//! today, so that a user picks a retention knowing the reviews a day it asks for. Pure.

mod habits;
mod job;

use fsrs::{Card as SimCard, PostSchedulingContext, PostSchedulingFn, SimulatorConfig, simulate};
use rayon::prelude::*;
use serde::Serialize;

use crate::scheduler::balance::{self, DueLoad, Placement};
use crate::scheduler::{Day, Due, Phase, Settings};
use crate::study::Study;

pub use habits::{Habits, from_answers, habits};
pub use job::{Job, Part};

/// The retentions the statistics screen and `flashdeck simulate` compare.
pub const COMPARED: [f32; 5] = [0.80, 0.85, 0.90, 0.95, 0.97];

/// Whether two retentions are the same setting (0.9 read from text and 0.9 simulated).
#[must_use]
pub fn same_retention(a: f32, b: f32) -> bool {
    (a - b).abs() < 0.001
}

/// What to simulate.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Plan {
    pub retention: f32,
    pub days: usize,
    /// New cards a day, over all the decks.
    pub new_per_day: usize,
    /// Reviews a day at most, over all the decks.
    pub reviews_per_day: usize,
    /// How the learner answers.
    pub habits: Habits,
    /// The day simulated first (today), whose weekday the easy days and the weekday averages
    /// count from.
    pub start: Day,
}

/// One stretch of simulated days.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Period {
    /// 1-based, inclusive.
    pub first_day: usize,
    pub last_day: usize,
    pub reviews_per_day: f64,
    pub new_per_day: f64,
    pub minutes_per_day: f64,
    /// Cards remembered (the sum of their recall chances) on the period's last day.
    pub remembered: f64,
}

/// The simulation's answer for one retention.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Workload {
    pub retention: f32,
    pub days: usize,
    pub cards: usize,
    pub reviews: usize,
    pub reviews_per_day: f64,
    pub minutes_per_day: f64,
    /// Cards remembered on the last day.
    pub remembered: f64,
    pub periods: Vec<Period>,
    /// Reviews on an average Monday, Tuesday, … Sunday of the simulation, where easy days show.
    pub by_weekday: [f64; 7],
}

impl Workload {
    /// No cards over no days: the sum of no parts.
    #[must_use]
    pub fn empty() -> Self {
        Self {
            retention: 0.0,
            days: 0,
            cards: 0,
            reviews: 0,
            reviews_per_day: 0.0,
            minutes_per_day: 0.0,
            remembered: 0.0,
            periods: Vec::new(),
            by_weekday: [0.0; 7],
        }
    }
}

#[derive(Debug, thiserror::Error)]
#[error("the FSRS simulator failed: {0}")]
pub struct SimulateError(String);

/// The studied, unsuspended cards of `decks` as the simulator sees them, with day 0 today, and
/// how many cards the decks have in all (unsuspended).
#[must_use]
pub fn cards_today(study: &Study, decks: &[usize], today: Day) -> (Vec<SimCard>, usize) {
    let mut cards = Vec::new();
    let mut total = 0;
    for &deck in decks {
        for card in &study.deck(deck).cards {
            let state = study.state(card.id.as_str());
            if state.suspended {
                continue;
            }
            total += 1;
            let (Some(memory), Some(last)) = (state.memory, state.last_review) else {
                continue;
            };
            // A review dated after today (another device's clock ahead) counts as today's: the
            // simulator's recall of a card reviewed in its future is NaN, and it panicked.
            let last_day = (study.scheduler.calendar().day(last) - today).min(0);
            let due = match (state.phase, state.due) {
                (Phase::Review, Due::Day(day)) => day - today,
                _ => 0,
            };
            cards.push(SimCard {
                id: i64::try_from(cards.len()).unwrap_or(i64::MAX),
                difficulty: memory.difficulty,
                stability: memory.stability,
                last_date: day_f32(last_day),
                due: day_f32(due.max(0)),
                interval: day_f32((due - last_day).max(1)),
                lapses: state.lapses,
                ..SimCard::default()
            });
        }
    }
    (cards, total)
}

/// Days are small (at most 36,500 apart), which f32 holds exactly.
#[allow(clippy::cast_precision_loss)]
fn day_f32(day: Day) -> f32 {
    day as f32
}

/// A count as a float; counts here are far below 2^32.
fn float(n: usize) -> f64 {
    f64::from(u32::try_from(n).unwrap_or(u32::MAX))
}

/// Simulates `plan` from `cards` (studied) among `total` cards.
pub fn run(
    cards: &[SimCard],
    total: usize,
    plan: Plan,
    settings: &Settings,
) -> Result<Workload, SimulateError> {
    // As the scheduler's crate clips them: the simulator takes them as given.
    let parameters = std::sync::Arc::new(
        crate::scheduler::clipped_parameters(&settings.parameters)
            .ok_or_else(|| SimulateError("invalid FSRS parameters".to_owned()))?
            .to_vec(),
    );
    let config = SimulatorConfig {
        deck_size: total.max(cards.len()),
        learn_span: plan.days.max(1),
        max_cost_perday: f32::INFINITY,
        max_ivl: day_f32(Day::try_from(settings.maximum_interval).unwrap_or(Day::MAX)),
        learn_limit: plan.new_per_day,
        review_limit: plan.reviews_per_day,
        learning_step_count: settings.learning_steps.len(),
        relearning_step_count: settings.relearning_steps.len(),
        first_rating_prob: plan.habits.first_rating_prob,
        review_rating_prob: plan.habits.review_rating_prob,
        state_rating_costs: plan.habits.costs,
        post_scheduling_fn: placing(settings, plan.start),
        ..SimulatorConfig::default()
    };
    // The simulator schedules a card it is given by the card's own `desired_retention` and
    // `parameters` (fsrs `simulation.rs`: `next_interval(&card.parameters, …,
    // card.desired_retention)`), the plan's retention and parameters only reaching the cards
    // it adds: the cards of today carry the plan's, or every retention would cost the same.
    let existing = cards
        .iter()
        .map(|card| SimCard {
            desired_retention: plan.retention,
            parameters: parameters.clone(),
            ..card.clone()
        })
        .collect();
    let result = simulate(
        &config,
        &parameters,
        plan.retention,
        Some(42),
        Some(existing),
    )
    .map_err(|e| SimulateError(e.to_string()))?;
    let days = config.learn_span;
    let stretch = if days <= 90 { 7 } else { 30 };
    let periods = (0..days)
        .step_by(stretch)
        .map(|first| {
            let last = (first + stretch).min(days);
            let span = float(last - first);
            let sum = |values: &[usize]| float(values[first..last].iter().sum::<usize>()) / span;
            let seconds: f64 = result.cost_per_day[first..last]
                .iter()
                .map(|&s| f64::from(s))
                .sum();
            Period {
                first_day: first + 1,
                last_day: last,
                reviews_per_day: sum(&result.review_cnt_per_day),
                new_per_day: sum(&result.learn_cnt_per_day),
                minutes_per_day: seconds / 60.0 / span,
                remembered: f64::from(result.memorized_cnt_per_day[last - 1]),
            }
        })
        .collect();
    let mut by_weekday = [(0usize, 0usize); 7];
    for (index, &reviews) in result.review_cnt_per_day.iter().enumerate() {
        let day = plan
            .start
            .saturating_add(Day::try_from(index).unwrap_or(Day::MAX));
        let (sum, days) = &mut by_weekday[balance::weekday(day)];
        (*sum, *days) = (*sum + reviews, *days + 1);
    }
    let reviews: usize = result.review_cnt_per_day.iter().sum();
    let seconds: f64 = result.cost_per_day.iter().map(|&s| f64::from(s)).sum();
    Ok(Workload {
        retention: plan.retention,
        days,
        cards: config.deck_size,
        reviews,
        reviews_per_day: float(reviews) / float(days),
        minutes_per_day: seconds / 60.0 / float(days),
        remembered: result
            .memorized_cnt_per_day
            .last()
            .map_or(0.0, |&m| f64::from(m)),
        periods,
        by_weekday: by_weekday.map(|(sum, days)| float(sum) / float(days.max(1))),
    })
}

/// Where the simulator puts a review's interval: inside its fuzz range, load balanced over
/// the simulated cards due (`load_balance`) and weighed by the easy days, as answers are;
/// `None` (FSRS's interval as it is) when fuzz is off or there is nothing to weigh.
fn placing(settings: &Settings, start: Day) -> Option<PostSchedulingFn> {
    let (easy_days, balanced) = (settings.easy_days, settings.load_balance);
    if !settings.fuzz || (!balanced && easy_days.is_normal()) {
        return None;
    }
    let maximum = settings.maximum_interval;
    Some(PostSchedulingFn::new(
        move |mut ctx: PostSchedulingContext<'_>| {
            let factor = ctx.random_f32();
            let today = start.saturating_add(Day::try_from(ctx.today).unwrap_or(Day::MAX));
            let ahead = ctx.due_counts_per_day.get(ctx.today..).unwrap_or_default();
            let load = balanced.then(|| DueLoad::from_counts(today, ahead));
            let placement = load
                .as_ref()
                .map_or(Placement::Fuzz, |load| Placement::Balanced(load, &[]));
            let days = balance::place(
                ctx.card.interval,
                today,
                factor,
                &easy_days,
                maximum,
                placement,
            );
            day_f32(Day::try_from(days).unwrap_or(Day::MAX))
        },
    ))
}

/// The same plan at each of `retentions`, on all cores.
pub fn compare(
    cards: &[SimCard],
    total: usize,
    plan: Plan,
    settings: &Settings,
    retentions: &[f32],
) -> Result<Vec<Workload>, SimulateError> {
    retentions
        .par_iter()
        .map(|&retention| run(cards, total, Plan { retention, ..plan }, settings))
        .collect()
}

#[cfg(test)]
mod tests;
