//! Catching up a backlog: after a holiday, the review cards due are spread over a few days,
//! those most likely forgotten first, and new cards wait until the backlog is gone. The plan is
//! a set of `postpone` events sharing one id, so one undo takes all of it back. Pure.

use std::cmp::Ordering;

use chrono::{DateTime, FixedOffset};

use super::Study;
use crate::scheduler::calendar::date_of_day;
use crate::scheduler::{Day, Due, Phase};
use crate::store::{NewEvent, NewKind};

/// A backlog is "far above a normal day" past twice the daily load and this many more.
const FAR_ABOVE: f64 = 50.0;

/// The review cards due in some decks, against a normal day.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Backlog {
    /// Review cards due today or before, unsuspended and not buried.
    pub due: usize,
    /// The reviews a day the cards need on average: the sum of 1/interval (Anki's load).
    pub normal_day: f64,
}

impl Backlog {
    /// Whether it is far above a normal day: more than twice it, and 50 reviews more.
    #[must_use]
    pub fn is_large(&self) -> bool {
        self.due_f64() > 2.0 * self.normal_day && self.above() >= FAR_ABOVE
    }

    fn due_f64(&self) -> f64 {
        f64::from(u32::try_from(self.due).unwrap_or(u32::MAX))
    }

    /// Reviews due beyond a normal day's (0 if fewer).
    fn above(&self) -> f64 {
        (self.due_f64() - self.normal_day).max(0.0)
    }

    /// How far above a normal day: "34 reviews due, about 4 on a normal day: 30 more".
    #[must_use]
    pub fn describe(&self) -> String {
        let due = crate::english::counted(self.due, "review");
        format!(
            "{due} due, about {:.0} on a normal day: {:.0} more",
            self.normal_day,
            self.above()
        )
    }

    /// Why a backlog that [`Backlog::is_large`] does not call large needs no plan, naming the
    /// rule it falls short of.
    #[must_use]
    pub fn why_no_plan(&self) -> String {
        if self.due_f64() <= 2.0 * self.normal_day {
            "That is not twice a normal day".to_owned()
        } else {
            format!(
                "That is {:.1} times a normal day, but fewer than {FAR_ABOVE:.0} reviews above it",
                self.due_f64() / self.normal_day.max(f64::MIN_POSITIVE)
            )
        }
    }
}

/// A spread of the due reviews over days, most at risk first.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    pub id: String,
    /// Card ids per day, today first.
    pub days: Vec<Vec<Box<str>>>,
}

impl Plan {
    /// How many cards it moves to a later day.
    #[must_use]
    pub fn moved(&self) -> usize {
        self.days.iter().skip(1).map(Vec::len).sum()
    }

    /// The events that apply it: each card after today's share is postponed to its day.
    #[must_use]
    pub fn events(&self, study: &Study, now: DateTime<FixedOffset>) -> Vec<NewEvent> {
        let today = study.scheduler.calendar().day(now);
        let mut events = Vec::new();
        for (offset, cards) in self.days.iter().enumerate().skip(1) {
            let day = today + Day::try_from(offset).unwrap_or(Day::MAX);
            let Some(due) = date_of_day(day) else {
                continue;
            };
            for card in cards {
                let kind = NewKind::Postpone {
                    due,
                    plan: Some(self.id.clone().into()),
                };
                events.push(NewEvent::for_card(card, now, kind));
            }
        }
        events
    }
}

/// The review cards due in `decks` at `now`, and a normal day's load.
#[must_use]
pub fn backlog(study: &Study, decks: &[usize], now: DateTime<FixedOffset>) -> Backlog {
    let today = study.scheduler.calendar().day(now);
    let mut due = 0;
    let mut normal_day = 0.0;
    for card in decks.iter().flat_map(|&d| &study.deck(d).cards) {
        let state = study.state(card.id.as_str());
        if state.phase != Phase::Review || state.suspended {
            continue;
        }
        normal_day += 1.0 / f64::from(state.scheduled_days.max(1));
        let buried = state.buried_until.is_some_and(|day| day > today);
        if matches!(state.due, Due::Day(day) if day <= today) && !buried {
            due += 1;
        }
    }
    Backlog { due, normal_day }
}

/// Spreads the review cards due in `decks` over `days` days (at least 1): ranked by lowest
/// retrievability now, then by how overdue they are against their interval; an equal share a
/// day, the first share today.
#[must_use]
pub fn plan(study: &Study, decks: &[usize], now: DateTime<FixedOffset>, days: u32) -> Plan {
    let calendar = study.scheduler.calendar();
    let today = calendar.day(now);
    let mut ranked: Vec<(f32, f64, Box<str>)> = decks
        .iter()
        .flat_map(|&d| &study.deck(d).cards)
        .filter_map(|card| {
            let state = study.state(card.id.as_str());
            let buried = state.buried_until.is_some_and(|day| day > today);
            let Due::Day(due) = state.due else {
                return None;
            };
            if state.phase != Phase::Review || state.suspended || buried || due > today {
                return None;
            }
            let recall = study
                .scheduler_for_card(card.id.as_str())
                .retrievability(state, now)
                .unwrap_or(0.0);
            let elapsed = state
                .last_review
                .map_or(0, |last| (now - last).num_days().max(0));
            let overdue = f64::from(u32::try_from(elapsed).unwrap_or(u32::MAX))
                / f64::from(state.scheduled_days.max(1));
            Some((recall, overdue, Box::from(card.id.as_str())))
        })
        .collect();
    ranked.sort_by(|a, b| {
        a.0.partial_cmp(&b.0)
            .unwrap_or(Ordering::Equal)
            .then(b.1.partial_cmp(&a.1).unwrap_or(Ordering::Equal))
            .then_with(|| a.2.cmp(&b.2))
    });
    let days = usize::try_from(days.max(1)).unwrap_or(1);
    let share = ranked.len().div_ceil(days).max(1);
    let mut plan_days: Vec<Vec<Box<str>>> = vec![Vec::new(); days];
    for (index, (_, _, card)) in ranked.into_iter().enumerate() {
        plan_days[(index / share).min(days - 1)].push(card);
    }
    Plan {
        id: NewEvent::new_id(),
        days: plan_days,
    }
}

/// The event that undoes the latest plan, if one is in effect.
#[must_use]
pub fn undo_last(study: &Study, now: DateTime<FixedOffset>) -> Option<NewEvent> {
    let (id, _) = study.wait_for_history().last_plan()?;
    Some(NewEvent {
        id: NewEvent::new_id(),
        time: now,
        card: None,
        deck: None,
        kind: NewKind::Undo {
            target: id.to_owned().into(),
        },
    })
}

#[cfg(test)]
mod tests;
