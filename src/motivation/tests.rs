use chrono::Duration;

use super::*;
use crate::scheduler::{Rating, Settings};
use crate::store::NewKind;
use crate::study::tests::{deck_event, learned, review, study_with, time};

#[test]
fn levels_cost_one_hundred_xp_times_the_level() {
    // Level 2 at 100, level 3 at 100 + 200 = 300, level 4 at 300 + 300 = 600.
    let at = |xp| {
        let l = level(xp);
        (l.level, l.into, l.needed)
    };
    assert_eq!(at(0), (1, 0, 100));
    assert_eq!(at(99), (1, 99, 100));
    assert_eq!(at(100), (2, 0, 200));
    assert_eq!(at(299), (2, 199, 200));
    assert_eq!(at(300), (3, 0, 300));
    assert_eq!(at(650), (4, 50, 400));
}

fn day(cards: usize, missed: bool) -> DayRecord {
    DayRecord { cards, missed }
}

#[test]
fn a_day_counts_with_enough_cards_or_nothing_left_due() {
    let goal = 10;
    // Oldest first; the last is today.
    let days = [
        day(12, false), // counts: goal reached            run 1
        day(3, true),   // 3 cards, reviews left: breaks   run 0
        day(10, true),  // goal reached despite leftovers  run 1
        day(2, false),  // 2 cards, nothing left due       run 2
        day(0, false),  // nothing due, nothing done       run 2 (neutral)
        day(15, false), //                                 run 3
        day(0, false),  // today: not done yet, and not over
    ];
    assert_eq!(
        streak(&days, goal),
        Streak {
            current: 3,
            best: 3,
            today_done: false
        }
    );
    let mut done = days;
    done[6] = day(4, false);
    assert_eq!(
        streak(&done, goal),
        Streak {
            current: 4,
            best: 4,
            today_done: true
        }
    );
    // Reviews due and left yesterday: the run is over, even before today ends.
    let mut broken = days;
    broken[5] = day(0, true);
    assert_eq!(
        streak(&broken, goal),
        Streak {
            current: 0,
            best: 2,
            today_done: false
        }
    );
    assert_eq!(streak(&[], goal), Streak::default());
}

/// Answers rated Easy on a new card graduate it for 8 days (fuzz off), so a card learnt on
/// day 0 is due on day 8; the overdue days are the ones between its due day and its next
/// answer.
#[test]
fn streak_and_xp_from_a_fixed_log() {
    let now = time("2026-11-27T10:00:00+01:00");
    let settings = Settings {
        fuzz: false,
        ..Settings::default()
    };
    let ago = |days| now - Duration::days(days);
    let events = vec![
        // Day -12: c0 Easy (due day -4). One card, nothing was due: counts.
        review("a", "d/c0", Rating::Easy, ago(12)),
        // Day -4: nothing answered, c0 due: breaks.
        // Day -3: c0 answered late (was overdue -4): nothing else due: counts.
        review("b", "d/c0", Rating::Good, ago(3)),
        // Day -2: c1 Easy: counts (nothing due).  Day -1: nothing due, nothing done: neutral.
        review("c", "d/c1", Rating::Easy, ago(2)),
        // Today: c2 learnt: counts.
        review("d", "d/c2", Rating::Easy, now - Duration::minutes(5)),
    ];
    let study = study_with(3, settings, &events, now);
    let motivation = compute(&study, now, 10);
    assert_eq!(
        motivation.streak,
        Streak {
            current: 3,
            best: 3,
            today_done: true
        }
    );
    assert_eq!(motivation.xp, 4 * XP_PER_ANSWER);
    assert_eq!(motivation.level.level, 1);
}

/// Today counts (✓) when the goal is met or nothing due is left, not for a few cards of many
/// due: two cards learnt 8 days ago (Easy, fuzz off) are both due today.
#[test]
fn today_counts_only_once_the_goal_is_met_or_nothing_due_is_left() {
    let now = time("2026-11-27T10:00:00+01:00");
    let settings = Settings {
        fuzz: false,
        ..Settings::default()
    };
    let mut events = vec![
        review("a", "d/c0", Rating::Easy, now - Duration::days(8)),
        review("b", "d/c1", Rating::Easy, now - Duration::days(8)),
        // Today: one of the two due.
        review("c", "d/c0", Rating::Good, now - Duration::minutes(5)),
    ];
    let study = study_with(2, settings.clone(), &events, now);
    // Day -8 counts (nothing was due); today, c1 still waits and 1 card is short of 10.
    assert_eq!(
        compute(&study, now, 10).streak,
        Streak {
            current: 1,
            best: 1,
            today_done: false
        }
    );
    // A goal of one card is met.
    assert!(compute(&study, now, 1).streak.today_done);
    // Both answered: nothing due is left, so today counts short of the goal.
    events.push(review(
        "d",
        "d/c1",
        Rating::Good,
        now - Duration::minutes(4),
    ));
    let study = study_with(2, settings, &events, now);
    assert_eq!(
        compute(&study, now, 10).streak,
        Streak {
            current: 2,
            best: 2,
            today_done: true
        }
    );
}

#[test]
fn practice_earns_xp_for_mastery_test_scores_and_match_records() {
    let now = time("2026-11-27T10:00:00+01:00");
    let learn = |id: &str, card: &str, question| learned(id, card, question, now);
    let result = |id: &str, minutes, mode: &'static str, ms, score| {
        let kind = NewKind::Result {
            mode: mode.into(),
            ms,
            mistakes: None,
            score,
            questions: Some(10),
        };
        deck_event(id, now + Duration::minutes(minutes), kind)
    };
    let events = vec![
        learn("1", "d/c0", "written"),               // mastered: 20
        learn("2", "d/c1", "choice"),                // only familiar: 0
        learn("3", "d/c0", "written"),               // mastered again: nothing more
        result("4", 1, "test", None, Some(70)),      // 70
        result("5", 2, "match", Some(41_000), None), // 20 + 50 (first time is a record)
        result("6", 3, "match", Some(45_000), None), // 20
        result("7", 4, "match", Some(35_500), None), // 20 + 50
    ];
    let study = study_with(2, Settings::default(), &events, now);
    let motivation = compute(&study, now, 10);
    assert_eq!(motivation.xp, 20 + 70 + 70 + 20 + 70);
    // 250 XP: level 2 (from 100), 150 of 200 into it.
    assert_eq!(
        motivation.level,
        Level {
            level: 2,
            into: 150,
            needed: 200
        }
    );
    // No review answers: no streak, whatever practice was done.
    assert_eq!(motivation.streak.current, 0);
}

#[test]
fn xp_is_the_total_with_what_the_next_level_needs() {
    // 573 XP: level 3 runs from 300 to 600, so 27 more reach level 4.
    let m = Motivation {
        xp: 573,
        level: level(573),
        streak: Streak::default(),
    };
    assert_eq!(m.xp_summary(true), "level 3 · 573 XP (27 to level 4)");
    assert_eq!(m.xp_summary(false), "level 3 · 573 XP");
    let goals = Goals {
        streak: false,
        xp: true,
        streak_goal: 10,
    };
    assert_eq!(goals.summary(&m, true), "level 3 · 573 XP (27 to level 4)");
}
