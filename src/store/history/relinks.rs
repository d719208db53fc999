//! Relinks. A card whose front changed without an `id` gets a new key, and its history stays
//! under the old one (an orphan). A `relink` event (old id → new id) makes every event of the
//! old id the new card's: replayed with the new card's own, in time order, each once.
//!
//! Which card takes in which is worked out from the set of relinks and undos alone, so the
//! answer does not depend on the order events arrive in (several device files, a snapshot
//! and what was appended after it, one event at a time):
//! - a card relinked more than once (two devices, say) goes where its latest relink not undone
//!   says (latest by time, then by identity);
//! - chains are followed to their end: `a → b` and `b → c` put `a`'s and `b`'s events in `c`;
//! - a cycle (`a → b` on one device, `b → a` on another) is broken at its oldest link, so the
//!   events end where the latest relink put them;
//! - relinking onto a card with a history of its own merges the two (the command refuses it,
//!   another program or device may not have).

use chrono::{DateTime, FixedOffset};
use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};

use super::{Entry, History};
use crate::store::event::{EventKind, key_of};

/// Every relink event, and what they add up to.
#[derive(Debug, Default, Serialize, Deserialize)]
pub(in crate::store) struct Relinks {
    /// Relink events by identity.
    links: FxHashMap<u64, Link>,
    /// Worked out from `links` and the undos by [`History::resolve_relinks`]; not saved.
    /// A relinked-away card → the card whose replay takes its events in.
    #[serde(skip)]
    owner: FxHashMap<usize, usize>,
    /// A card → the relinked-away cards whose events its replay takes in, sorted.
    #[serde(skip)]
    merged: FxHashMap<usize, Vec<usize>>,
}

/// One relink event: card indexes in [`History::cards`] order.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
struct Link {
    from: usize,
    to: usize,
    #[serde(with = "crate::store::compact::time")]
    time: DateTime<FixedOffset>,
}

impl Relinks {
    pub(in crate::store) fn len(&self) -> usize {
        self.links.len()
    }
}

impl History {
    /// Adds a relink event of `from` onto `to`; false for one already seen.
    pub(super) fn insert_relink(
        &mut self,
        key: u64,
        time: DateTime<FixedOffset>,
        from: usize,
        to: usize,
    ) -> bool {
        if self.relinks.links.contains_key(&key) {
            return false;
        }
        self.relinks.links.insert(key, Link { from, to, time });
        if let Some(changes) = &mut self.changes {
            changes.relinked = true;
        }
        true
    }

    /// Whether an event of this kind may change who takes in whose events: a relink, or an
    /// undo of one.
    #[must_use]
    pub fn is_about_relinks(&self, kind: &EventKind<'_>) -> bool {
        match kind {
            EventKind::Relink { .. } => true,
            EventKind::Undo { target } => self.relinks.links.contains_key(&key_of(target)),
            _ => false,
        }
    }

    /// Works out which card takes in whose events from the relinks not undone (the rules
    /// are in this module's doc). Cheap when there are none.
    pub(in crate::store) fn resolve_relinks(&mut self) {
        let relinks = &mut self.relinks;
        relinks.owner.clear();
        relinks.merged.clear();
        // The latest link out of each card, by (time, identity), undone ones left out.
        let mut next: FxHashMap<usize, ((DateTime<FixedOffset>, u64), usize)> =
            FxHashMap::default();
        for (&key, link) in &relinks.links {
            if self.cancelled.contains(&key) || link.from == link.to {
                continue;
            }
            let stamp = (link.time, key);
            let latest = next.entry(link.from).or_insert((stamp, link.to));
            if stamp > latest.0 {
                *latest = (stamp, link.to);
            }
        }
        break_cycles(&mut next);
        for &from in next.keys() {
            let mut root = from;
            while let Some(&(_, to)) = next.get(&root) {
                root = to;
            }
            relinks.owner.insert(from, root);
            relinks.merged.entry(root).or_default().push(from);
        }
        for members in relinks.merged.values_mut() {
            members.sort_unstable();
        }
    }

    /// The events replay folds for the card at `index`: its own, with those of every card
    /// relinked onto it merged in time order, each once; none for a card relinked away.
    pub(in crate::store) fn entries_for(&self, index: usize) -> Vec<Entry> {
        let own = self.per_card[index].entries();
        if self.relinks.owner.is_empty() {
            return own;
        }
        if self.relinks.owner.contains_key(&index) {
            return Vec::new();
        }
        let Some(members) = self.relinks.merged.get(&index) else {
            return own;
        };
        let mut all = own;
        for &member in members {
            all.extend(self.per_card[member].entries());
        }
        all.sort_by_key(Entry::order);
        all.dedup_by_key(|entry| entry.key);
        all
    }

    /// How many entries [`History::entries_for`] gives, without unpacking a card with no
    /// others relinked onto it.
    fn count_for(&self, index: usize) -> usize {
        if self.relinks.owner.contains_key(&index) {
            0
        } else if self.relinks.merged.contains_key(&index) {
            self.entries_for(index).len()
        } else {
            self.per_card[index].len()
        }
    }

    /// Every card with a history as replay sees it, and its number of events: relinked-away
    /// cards are left out, and a card's count includes the events relinked onto it.
    pub fn histories(&self) -> impl Iterator<Item = (&str, usize)> {
        (0..self.cards.len())
            .filter(|index| !self.relinks.owner.contains_key(index))
            .map(|index| (self.cards[index].as_ref(), self.count_for(index)))
            .filter(|(_, events)| *events > 0)
    }

    /// How many events replay as `card`'s: its own and those relinked onto it; none for a
    /// card relinked away or never seen.
    #[must_use]
    pub fn events_of(&self, card: &str) -> usize {
        self.index
            .get(card)
            .map_or(0, |&index| self.count_for(index))
    }

    /// Where the events of `card` replay, when it was relinked away (`None` otherwise).
    #[must_use]
    pub fn relinked_to(&self, card: &str) -> Option<&str> {
        let index = self.index.get(card)?;
        let owner = self.relinks.owner.get(index)?;
        Some(self.cards[*owner].as_ref())
    }

    /// Whether `card`'s replay involves another card's events: it was relinked away, or
    /// takes in a relinked card's.
    #[must_use]
    pub fn shares_history(&self, card: &str) -> bool {
        self.index.get(card).is_some_and(|index| {
            self.relinks.owner.contains_key(index) || self.relinks.merged.contains_key(index)
        })
    }

    /// Change tracking: when relinks were added or undone (`relinks_changed`), every card a
    /// relink names may replay differently; and a card that changed changes the card that
    /// takes its events in.
    pub(super) fn mark_relinked(&self, changed: &mut [bool], relinks_changed: bool) {
        if relinks_changed {
            for link in self.relinks.links.values() {
                changed[link.from] = true;
                changed[link.to] = true;
            }
        }
        for (&from, &owner) in &self.relinks.owner {
            if changed[from] {
                changed[owner] = true;
            }
        }
    }

    /// Whether any of these undone identities is a relink's.
    pub(super) fn undoes_a_relink(&self, undone: &FxHashSet<u64>) -> bool {
        undone
            .iter()
            .any(|key| self.relinks.links.contains_key(key))
    }
}

/// Drops the oldest link of every cycle in a graph where each card links to at most one.
fn break_cycles<Stamp: Ord + Copy>(next: &mut FxHashMap<usize, (Stamp, usize)>) {
    let mut done: FxHashSet<usize> = FxHashSet::default();
    let mut starts: Vec<usize> = next.keys().copied().collect();
    // The same cycles are found, whatever the map's order; sorted, the walk is repeatable.
    starts.sort_unstable();
    for start in starts {
        let mut path: Vec<usize> = Vec::new();
        let mut node = start;
        while !done.contains(&node) {
            if let Some(at) = path.iter().position(|&n| n == node) {
                let oldest = path[at..]
                    .iter()
                    .copied()
                    .min_by_key(|n| next.get(n).map(|link| link.0));
                if let Some(oldest) = oldest {
                    next.remove(&oldest);
                }
                break;
            }
            path.push(node);
            match next.get(&node) {
                Some(&(_, to)) => node = to,
                None => break,
            }
        }
        done.extend(path);
    }
}

#[cfg(test)]
mod tests;
