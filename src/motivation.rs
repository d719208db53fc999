//! Motivation, opt-in: XP with levels, and a streak of study days. Both are replays of the
//! review log, like everything else, so they need no file of their own and cannot drift.
//!
//! XP rule (README "Motivation" repeats it):
//! - every answer in review mode: 10 XP;
//! - a card mastered in Learn for the first time: 20 XP (a reset does not take it back);
//! - a practice test handed in: its score in percent (100 % is 100 XP);
//! - a match game finished: 20 XP, and 50 more when it beats the deck's best time.
//!
//! Level L needs 100 × L XP more to reach level L + 1: level 2 at 100 XP, 3 at 300, 4 at 600.
//!
//! Streak: a day counts when at least `goal` cards were reviewed, or when cards were reviewed
//! and no review card was left due at the day's end. A day when nothing was due and nothing
//! studied neither counts nor breaks the streak; today never breaks it, as it is not over,
//! and counts (✓) once the goal is met or nothing due is left waiting: 3 cards of 117 due
//! are not yet a day.

use std::collections::HashMap;

use chrono::{DateTime, FixedOffset};
use rayon::prelude::*;
use serde::Serialize;

use crate::scheduler::{Day, Due, Phase};
use crate::store::replay::first_each_day;
use crate::store::{Answer, History, Mode};
use crate::study::Study;

pub const XP_PER_ANSWER: u64 = 10;
pub const XP_PER_MASTERED: u64 = 20;
pub const XP_PER_MATCH: u64 = 20;
pub const XP_PER_MATCH_RECORD: u64 = 50;
/// XP from level L to L + 1 is this times L.
pub const XP_PER_LEVEL: u64 = 100;

/// What the settings turned on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Goals {
    pub streak: bool,
    pub xp: bool,
    /// Cards that make a day count.
    pub streak_goal: u32,
}

impl Default for Goals {
    fn default() -> Self {
        Self {
            streak: false,
            xp: false,
            streak_goal: 10,
        }
    }
}

impl Goals {
    #[must_use]
    pub fn any(self) -> bool {
        self.streak || self.xp
    }

    /// The home screen's words for what is on: "streak 4 ✓ · level 3 · 450 XP (150 to level
    /// 4)" (✓: today already counts); the part in brackets only if `to_next_level`.
    #[must_use]
    pub fn summary(self, m: &Motivation, to_next_level: bool) -> String {
        let mut parts = Vec::new();
        if self.streak {
            let mark = if m.streak.today_done { " ✓" } else { "" };
            parts.push(format!("streak {}{mark}", m.streak.current));
        }
        if self.xp {
            parts.push(m.xp_summary(to_next_level));
        }
        parts.join(" · ")
    }

    /// What of `m` the settings turned on, for the statistics and `stats --json`.
    #[must_use]
    pub fn shown(self, m: Motivation) -> Shown {
        Shown {
            streak: self.streak.then_some(m.streak),
            xp: self.xp.then_some(m.xp),
            level: self.xp.then_some(m.level),
        }
    }
}

/// Streak and XP as far as the settings turn them on (`streak`, `xp`): a part turned off is
/// left out, of `stats --json` too (docs/stats.md).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Shown {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub streak: Option<Streak>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub xp: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level: Option<Level>,
}

impl Shown {
    /// [`Motivation::xp_summary`], if XP is on.
    #[must_use]
    pub fn xp_summary(&self, to_next_level: bool) -> Option<String> {
        let (xp, level) = self.xp.zip(self.level)?;
        let m = Motivation {
            xp,
            level,
            streak: Streak::default(),
        };
        Some(m.xp_summary(to_next_level))
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Level {
    pub level: u64,
    /// XP earned within this level, and needed to finish it.
    pub into: u64,
    pub needed: u64,
}

/// The level `xp` reaches.
#[must_use]
pub fn level(xp: u64) -> Level {
    let (mut level, mut start) = (1, 0);
    while xp >= start + XP_PER_LEVEL * level {
        start += XP_PER_LEVEL * level;
        level += 1;
    }
    Level {
        level,
        into: xp - start,
        needed: XP_PER_LEVEL * level,
    }
}

/// One past day as the streak sees it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DayRecord {
    /// Different cards answered in review mode.
    pub cards: usize,
    /// A review card was due that day and not answered by its end; today, one is due and not
    /// answered yet.
    pub missed: bool,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Streak {
    pub current: u32,
    pub best: u32,
    /// Today already counts.
    pub today_done: bool,
}

/// Streak from `days`, indexed from `first` up to `today` inclusive.
#[must_use]
pub fn streak(days: &[DayRecord], goal: usize) -> Streak {
    #[derive(PartialEq)]
    enum Kind {
        Counts,
        Neutral,
        Breaks,
    }
    let kind = |d: &DayRecord| {
        if d.cards >= goal.max(1) || (d.cards > 0 && !d.missed) {
            Kind::Counts
        } else if d.missed {
            Kind::Breaks
        } else {
            Kind::Neutral
        }
    };
    let (mut run, mut best) = (0u32, 0u32);
    for day in days {
        match kind(day) {
            Kind::Counts => run += 1,
            Kind::Neutral => {}
            Kind::Breaks => run = 0,
        }
        best = best.max(run);
    }
    let today_done = days.last().is_some_and(|d| kind(d) == Kind::Counts);
    // Today may still be won: until it is over, yesterday's run stands.
    let current = if today_done || days.is_empty() {
        run
    } else {
        let before_today = &days[..days.len() - 1];
        let mut run = 0;
        for day in before_today.iter().rev() {
            match kind(day) {
                Kind::Counts => run += 1,
                Kind::Neutral => {}
                Kind::Breaks => break,
            }
        }
        run
    };
    Streak {
        current,
        best,
        today_done,
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Motivation {
    pub xp: u64,
    pub level: Level,
    pub streak: Streak,
}

impl Motivation {
    /// XP as every screen says it: the total earned, never the part within the level, and
    /// if `to_next_level` what the next level still needs: "level 3 · 450 XP (150 to level 4)".
    #[must_use]
    pub fn xp_summary(&self, to_next_level: bool) -> String {
        let Level {
            level,
            into,
            needed,
        } = self.level;
        let total = format!("level {level} · {} XP", self.xp);
        if to_next_level {
            format!("{total} ({} to level {})", needed - into, level + 1)
        } else {
            total
        }
    }
}

/// Per-day cards answered, and +1/-1 marks around the days a review card sat overdue.
struct Days {
    first: Day,
    today: Day,
    cards: Vec<usize>,
    overdue: Vec<i32>,
    /// Review cards due today or before, not answered yet.
    waiting_today: usize,
}

impl Days {
    fn new(first: Day, today: Day) -> Self {
        let len = usize::try_from(today - first + 1).unwrap_or(1);
        Self {
            first,
            today,
            cards: vec![0; len],
            overdue: vec![0; len + 1],
            waiting_today: 0,
        }
    }

    fn slot(&self, day: Day) -> usize {
        usize::try_from(day.clamp(self.first, self.today + 1) - self.first).unwrap_or(0)
    }

    /// Overdue from `from` to `to`, both included.
    fn overdue(&mut self, from: Day, to: Day) {
        if from <= to {
            let (from, to) = (self.slot(from), self.slot(to + 1));
            self.overdue[from] += 1;
            self.overdue[to] -= 1;
        }
    }

    /// Adds one card's review answers; overdue days come from the interval each answer saw
    /// (the previous answer's day plus that interval), and from the card's due day now.
    fn add_card(&mut self, answers: &[Answer], due_now: Option<Day>) {
        for answer in first_each_day(answers).filter(|a| a.day >= self.first) {
            let slot = self.slot(answer.day);
            if let Some(cards) = self.cards.get_mut(slot) {
                *cards += 1;
            }
        }
        for pair in answers.windows(2) {
            let [answer, next] = pair else { continue };
            if next.phase_before == Phase::Review {
                let interval = i32::try_from(next.interval_before).unwrap_or(i32::MAX / 2);
                self.overdue(answer.day.saturating_add(interval), next.day - 1);
            }
        }
        if let Some(due) = due_now {
            self.overdue(due, self.today - 1);
            if due <= self.today {
                self.waiting_today += 1;
            }
        }
    }

    fn records(&self) -> Vec<DayRecord> {
        let mut overdue = 0;
        let mut records: Vec<DayRecord> = self
            .cards
            .iter()
            .zip(&self.overdue)
            .map(|(&cards, &mark)| {
                overdue += mark;
                DayRecord {
                    cards,
                    missed: overdue > 0,
                }
            })
            .collect();
        // Today is not over: a card still due keeps it from counting short of the goal.
        if let Some(today) = records.last_mut() {
            today.missed |= self.waiting_today > 0;
        }
        records
    }
}

/// XP, level and streak at `now`, over the whole history (cards since deleted included: what
/// was studied stays studied).
#[must_use]
pub fn compute(study: &Study, now: DateTime<FixedOffset>, goal: u32) -> Motivation {
    let scheduler = &study.scheduler;
    let today = scheduler.calendar().day(now);
    let history: &History = study.wait_for_history();
    let per_card: Vec<_> = history.every_answer(study.presets()).collect();
    let first = per_card
        .iter()
        .filter_map(|(_, answers)| answers.first().map(|a| a.day))
        .min()
        .unwrap_or(today)
        .min(today);
    let mut days = Days::new(first, today);
    let mut xp = 0;
    for (folded, answers) in &per_card {
        xp += XP_PER_ANSWER * u64::try_from(answers.len()).unwrap_or(u64::MAX);
        xp += u64::from(folded.ever_mastered) * XP_PER_MASTERED;
        let state = &folded.state;
        let due_now = match (state.phase, state.due) {
            (Phase::Review, Due::Day(day)) if !state.suspended => Some(day),
            _ => None,
        };
        days.add_card(answers, due_now);
    }
    xp += practice_xp(study);
    Motivation {
        xp,
        level: level(xp),
        streak: streak(&days.records(), usize::try_from(goal).unwrap_or(usize::MAX)),
    }
}

/// XP from handed-in tests and finished matches.
fn practice_xp(study: &Study) -> u64 {
    let mut results: Vec<_> = study.wait_for_history().all_results().collect();
    results.sort_by_key(|(_, r)| r.time);
    let mut best_match: HashMap<&str, u64> = HashMap::new();
    let mut xp = 0;
    for (deck, result) in results {
        match result.mode {
            Mode::Test => xp += u64::from(result.score.unwrap_or(0).min(100)),
            Mode::Match => {
                xp += XP_PER_MATCH;
                if let Some(ms) = result.ms {
                    let best = best_match.entry(deck).or_insert(u64::MAX);
                    if ms < *best {
                        *best = ms;
                        xp += XP_PER_MATCH_RECORD;
                    }
                }
            }
            _ => {}
        }
    }
    xp
}

#[cfg(test)]
mod tests;
