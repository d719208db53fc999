//! Queries about decks: practice results, exam dates, resets and extended limits, undone ones
//! left out.

use chrono::{DateTime, FixedOffset};
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use super::{DeckEvent, DeckResult, History};
use crate::practice::Mode;
use crate::scheduler::Day;

impl History {
    /// A deck's practice results, oldest first, without undone ones.
    #[must_use]
    pub fn results(&self, deck: &str) -> Vec<DeckResult> {
        let mut results: Vec<DeckResult> = self
            .deck_events
            .iter()
            .filter(|(key, _)| !self.cancelled.contains(key))
            .filter_map(|(_, (d, event))| match event {
                DeckEvent::Result(result) if d.as_ref() == deck => Some(result.clone()),
                _ => None,
            })
            .collect();
        results.sort_by_key(|r| r.time);
        results
    }

    /// Every deck's practice results, undone ones left out, in no order.
    pub fn all_results(&self) -> impl Iterator<Item = (&str, &DeckResult)> {
        self.deck_events
            .iter()
            .filter(|(key, _)| !self.cancelled.contains(key))
            .filter_map(|(_, (deck, event))| match event {
                DeckEvent::Result(result) => Some((deck.as_ref(), result)),
                DeckEvent::Reset(..) | DeckEvent::Exam(..) | DeckEvent::Extend(..) => None,
            })
    }

    /// Every deck's exam date as last set in the log (`None`: cleared there).
    #[must_use]
    pub fn exams(&self) -> Vec<(Box<str>, Option<Day>)> {
        // Per deck: the latest exam event's (time, identity) and its day.
        type Latest = ((DateTime<FixedOffset>, u64), Option<Day>);
        let mut latest: FxHashMap<&str, Latest> = FxHashMap::default();
        for (key, (deck, event)) in &self.deck_events {
            if let DeckEvent::Exam(time, day) = event
                && !self.cancelled.contains(key)
            {
                let entry = latest.entry(deck).or_insert(((*time, *key), *day));
                if (*time, *key) > entry.0 {
                    *entry = ((*time, *key), *day);
                }
            }
        }
        latest
            .into_iter()
            .map(|(deck, (_, day))| (Box::from(deck), day))
            .collect()
    }

    /// Every extension of a deck's daily limits (`extend_limits`) not undone, in no order.
    #[must_use]
    pub fn extensions(&self) -> Vec<Extension> {
        self.deck_events
            .iter()
            .filter(|(key, _)| !self.cancelled.contains(key))
            .filter_map(|(_, (deck, event))| match *event {
                DeckEvent::Extend(time, new, reviews) => Some(Extension {
                    deck: deck.clone(),
                    time,
                    new,
                    reviews,
                }),
                _ => None,
            })
            .collect()
    }

    /// Every time `mode`'s progress in `deck` was started over, oldest first.
    #[must_use]
    pub fn resets(&self, deck: &str, mode: Mode) -> Vec<DateTime<FixedOffset>> {
        let mut times: Vec<DateTime<FixedOffset>> = self
            .deck_events
            .iter()
            .filter(|(key, _)| !self.cancelled.contains(key))
            .filter_map(|(_, (d, event))| match event {
                DeckEvent::Reset(time, m) if *m == mode && d.as_ref() == deck => Some(*time),
                _ => None,
            })
            .collect();
        times.sort_unstable();
        times
    }

    /// When `mode`'s progress in `deck` was last started over.
    pub(in crate::store) fn last_reset(
        &self,
        deck: &str,
        mode: Mode,
    ) -> Option<DateTime<FixedOffset>> {
        self.deck_events
            .iter()
            .filter(|(key, _)| !self.cancelled.contains(key))
            .filter_map(|(_, (d, event))| match event {
                DeckEvent::Reset(time, m) if *m == mode && d.as_ref() == deck => Some(*time),
                _ => None,
            })
            .max()
    }
}

/// More cards a deck may show on the day of `time`, past its daily limits: one
/// `extend_limits` event. The day is the study day of `time`, in its own offset.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Extension {
    pub deck: Box<str>,
    #[serde(with = "crate::store::compact::time")]
    pub time: DateTime<FixedOffset>,
    /// New cards.
    pub new: u32,
    /// Reviews.
    pub reviews: u32,
}
