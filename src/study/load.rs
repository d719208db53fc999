//! Load balancing in [`Study`]: how many review cards of the decks are due on each day ahead,
//! for the answer given now, and what each grade would do with it. The counts are worked out
//! on first use and kept current one answer at a time; a change to many cards, the decks or
//! the day works them out again on next use.

use chrono::{DateTime, FixedOffset};

use super::{Study, exam};
use crate::scheduler::{
    CardState, Day, Due, DueLoad, Interval, Phase, Placement, Rating, Schedulers,
};

/// What one grade would do to a card: the interval its button shows, and the day the
/// scheduler put it on when it leaves it a review card (before any exam plan), which the
/// answer records.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NextState {
    pub interval: Interval,
    pub due: Option<Day>,
}

/// The day a card counts towards the load on: a review card's due day, unless suspended.
fn load_day(state: &CardState) -> Option<Day> {
    match (state.phase, state.due, state.suspended) {
        (Phase::Review, Due::Day(day), false) => Some(day),
        _ => None,
    }
}

impl Study {
    /// Review cards due on each day from the day of the daily tallies on, over the cards of
    /// the decks that use preset `preset` (an index in [`Presets::all`](crate::scheduler::Schedulers::all)),
    /// as Anki's load balancer counts a deck preset's (`LoadBalancer::new` in
    /// `rslib/src/scheduler/states/load_balancer.rs`). Worked out on first use, for every
    /// preset at once.
    #[must_use]
    pub fn due_load(&self, preset: usize) -> &DueLoad {
        let loads = self.due_load.get_or_init(|| {
            let mut loads: Vec<DueLoad> = (0..self.presets.all().len())
                .map(|_| DueLoad::new(self.day))
                .collect();
            for place in self.places.iter() {
                let card = self.card(place).id.as_str();
                let day = self.states.get(card).and_then(|f| load_day(&f.state));
                if let (Some(day), Some(load)) =
                    (day, loads.get_mut(self.presets.preset_of(place.deck)))
                {
                    load.add(day);
                }
            }
            loads
        });
        loads.get(preset).unwrap_or(&loads[0])
    }

    /// Keeps the counts current after `card`'s state changed from `before` (one answer).
    pub(super) fn update_load(&mut self, card: &str, before: Option<&CardState>) {
        let Some(place) = self.place(card) else {
            return;
        };
        let preset = self.presets.preset_of(place.deck);
        let after = self.states.get(card).and_then(|f| load_day(&f.state));
        if let Some(load) = self
            .due_load
            .get_mut()
            .and_then(|loads| loads.get_mut(preset))
        {
            if let Some(day) = before.and_then(load_day) {
                load.remove(day);
            }
            if let Some(day) = after {
                load.add(day);
            }
        }
    }

    /// Forgets the counts, after a change to many cards, the decks or the day.
    pub(super) fn forget_load(&mut self) {
        self.due_load.take();
    }

    /// What each grade would do to `card` at `now`, in [`Rating::ALL`]'s order: a fuzzed
    /// interval's day is load balanced (`load_balance`) over [`Study::due_load`] and away from
    /// its siblings' days, or weighed by the easy days alone; its deck's exam may bring the
    /// shown interval forward.
    #[must_use]
    pub fn next_states(&self, card: &str, now: DateTime<FixedOffset>) -> [NextState; 4] {
        let today = self.scheduler.calendar().day(now);
        let exam = self.exam_ahead_of(card, today);
        let scheduler = self.scheduler_for_card(card);
        let settings = scheduler.settings();
        // Kept apart from its siblings' days while review siblings are buried, as in Anki.
        let siblings: Vec<Day> = if settings.bury_siblings.reviews {
            self.siblings_of(card)
                .into_iter()
                .filter_map(|sibling| load_day(self.state(sibling)))
                .collect()
        } else {
            Vec::new()
        };
        let preset = self
            .place(card)
            .map_or(0, |place| self.presets.preset_of(place.deck));
        let placement = if settings.load_balance {
            Placement::Balanced(self.due_load(preset), &siblings)
        } else {
            Placement::Fuzz
        };
        let state = self.state(card);
        Rating::ALL.map(|rating| {
            let (mut next, _) = scheduler.answer_placed(state, card, rating, now, placement);
            let due = match (next.phase, next.due) {
                (Phase::Review, Due::Day(day)) => Some(day),
                _ => None,
            };
            if let Some(exam) = exam
                && let Some(day) = exam::due_for_exam(&next, exam, today, scheduler)
            {
                next.due = Due::Day(day);
            }
            NextState {
                interval: scheduler.delay(&next, now),
                due,
            }
        })
    }
}
