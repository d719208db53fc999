//! The one replay behind every figure: each card's answers are walked once, each answer
//! handed to every figure that counts it. Cards are walked on every core, each core's sums
//! merged after.

use chrono::{DateTime, FixedOffset};
use rayon::prelude::*;

use super::retention::{self, Band, Periods, Retention};
use super::{activity, calibration, cards, progress, trouble};
use crate::scheduler::{Calendar, Day, Rating, Scheduler, Schedulers};
use crate::store::{Answer, Folded, PracticeAnswer};

/// One card's replay: its state, its answers in review mode, its practice answers.
pub(super) type Replayed = (Folded, Vec<Answer>, Vec<PracticeAnswer>);

/// What every card's walk shares: the day, and per group its deck's Learn resets.
pub(super) struct Context<'a> {
    pub today: Day,
    pub now: DateTime<FixedOffset>,
    pub calendar: Calendar,
    /// The group each card walked is in (`None`: an orphan), by its index.
    pub group_of: &'a [Option<usize>],
    pub groups: usize,
    pub learn_resets: &'a [Vec<DateTime<FixedOffset>>],
}

/// Every figure's running sums.
pub(super) struct Walk {
    pub activity: activity::Tally,
    pub periods: Periods,
    pub bands: Vec<Band>,
    pub calibration: calibration::Tally,
    pub cards: cards::Tally,
    /// All-time true retention per group.
    pub by_group: Vec<Retention>,
    pub trouble: Vec<trouble::Candidate>,
    /// Cards mastered in Learn at the end of each week, per group: [`progress::PROGRESS_WEEKS`]
    /// counts a group, one group after another.
    pub learn_weeks: Vec<u32>,
    /// The day of the earliest Learn answer.
    pub first_learn: Option<Day>,
}

impl Walk {
    fn new(context: &Context<'_>) -> Self {
        Self {
            activity: activity::Tally::new(context.today, *context.now.offset()),
            periods: Periods::default(),
            bands: retention::empty_bands(),
            calibration: calibration::Tally::default(),
            cards: cards::Tally::new(context.today, context.now),
            by_group: vec![Retention::default(); context.groups],
            trouble: Vec::new(),
            learn_weeks: vec![0; context.groups * progress::PROGRESS_WEEKS],
            first_learn: None,
        }
    }

    fn add_card(
        &mut self,
        context: &Context<'_>,
        index: usize,
        scheduler: &Scheduler,
        replayed: &Replayed,
    ) {
        let (folded, answers, practice) = replayed;
        let calendar = scheduler.calendar();
        let group = context.group_of.get(index).copied().flatten();
        let mut own = Retention::default();
        for answer in retention::true_retention_answers(answers) {
            let passed = answer.rating != Rating::Again;
            own.add(answer, passed);
            self.periods.add(answer, passed, context.today);
            // The recall FSRS predicted at this moment, from the memory before the answer.
            if let (Some(memory), Some(last)) = (answer.memory_before, answer.last_review_before) {
                let predicted = scheduler.recall_on(memory, calendar.day(last), answer.day);
                self.calibration.add(f64::from(predicted), passed);
                retention::add_to_band(&mut self.bands, f64::from(memory.stability), passed);
            }
        }
        for answer in answers {
            self.activity.add(answer);
        }
        for answer in practice {
            self.activity.add_practice(answer);
        }
        self.cards.add(scheduler, &folded.state, answers);
        self.trouble.extend(trouble::candidate(
            index,
            &folded.state,
            answers,
            context.today,
        ));
        if let Some(group) = group {
            self.by_group[group].merge(&own);
            let weeks = progress::PROGRESS_WEEKS;
            let first = progress::add_learn_weeks(
                practice,
                &context.learn_resets[group],
                context.calendar,
                context.today,
                &mut self.learn_weeks[group * weeks..(group + 1) * weeks],
            );
            self.first_learn = earliest(self.first_learn, first);
        }
    }

    fn merge(mut self, other: Self) -> Self {
        self.activity.merge(other.activity);
        self.periods.merge(&other.periods);
        for (band, theirs) in self.bands.iter_mut().zip(other.bands) {
            band.rate = band.rate.plus(theirs.rate);
        }
        self.calibration.merge(&other.calibration);
        self.cards.merge(other.cards);
        for (mine, theirs) in self.by_group.iter_mut().zip(&other.by_group) {
            mine.merge(theirs);
        }
        self.trouble.extend(other.trouble);
        for (mine, theirs) in self.learn_weeks.iter_mut().zip(other.learn_weeks) {
            *mine += theirs;
        }
        self.first_learn = earliest(self.first_learn, other.first_learn);
        self
    }
}

fn earliest(a: Option<Day>, b: Option<Day>) -> Option<Day> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// Parts a walk is cut into at most: each is walked on its own, on all cores, and the parts'
/// tallies are added in order.
const PARTS: usize = 64;

/// Walks `cards` (ids) with `context`, on all cores. The cards are cut into parts that depend
/// only on how many there are, and the parts' sums added in their order: sums of floating
/// point numbers (the daily load, the cards remembered) then come out the same at every run,
/// which rayon's work stealing, grouping them by thread, did not give (a tester saw `stats
/// --json` differ in the last digits from run to run).
pub(super) fn walk(study: &crate::study::Study, cards: &[&str], context: &Context<'_>) -> Walk {
    let presets = study.presets();
    let history = study.wait_for_history();
    let part = cards.len().div_ceil(PARTS).max(256);
    let parts: Vec<Walk> = cards
        .par_chunks(part)
        .enumerate()
        .map(|(number, cards)| {
            let mut walk = Walk::new(context);
            for (offset, &card) in cards.iter().enumerate() {
                let replayed = history.answers_with_practice(card, presets, context.now);
                let index = number * part + offset;
                walk.add_card(context, index, presets.for_card(card), &replayed);
            }
            walk
        })
        .collect();
    parts.into_iter().fold(Walk::new(context), Walk::merge)
}
