use chrono::{DateTime, Duration, FixedOffset};

use super::*;

fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap()
}

fn no_fuzz() -> Scheduler {
    Scheduler::new(Settings {
        fuzz: false,
        ..Settings::default()
    })
    .unwrap()
}

/// Answers `card` in sequence, each answer `gap_days` after the previous one.
fn answer_days(scheduler: &Scheduler, answers: &[(Rating, i64)]) -> CardState {
    let mut card = CardState::default();
    let mut now = at("2022-11-29T12:30:00Z");
    for &(rating, gap_days) in answers {
        now += Duration::days(gap_days);
        card = scheduler.answer(&card, "d/c", rating, now).0;
    }
    card
}

/// open-spaced-repetition/fsrs-rs, `src/inference.rs`, `test_memory_state`: ratings
/// [1,3,3,3,3,3] at elapsed days [0,0,1,3,8,21] give S = 53.62691 and D = 6.3574867.
#[test]
fn fsrs_rs_memory_state() {
    let card = answer_days(
        &no_fuzz(),
        &[
            (Rating::Again, 0),
            (Rating::Good, 0),
            (Rating::Good, 1),
            (Rating::Good, 3),
            (Rating::Good, 8),
            (Rating::Good, 21),
        ],
    );
    let memory = card.memory.unwrap();
    assert!(
        (memory.stability - 53.626_91).abs() < 1e-4,
        "S = {}",
        memory.stability
    );
    assert!(
        (memory.difficulty - 6.357_486_7).abs() < 1e-4,
        "D = {}",
        memory.difficulty
    );
}

/// open-spaced-repetition/fsrs-rs, `src/inference.rs`, `test_next_interval`: for stability 1
/// and desired retention 0.1, 0.2 … 1.0, the intervals are
/// [3116766, 34793, 2508, 387, 90, 27, 9, 3, 1, 1] days.
#[test]
fn fsrs_rs_next_interval() {
    let intervals: Vec<i64> = (1..=10)
        .map(|i| {
            let scheduler = Scheduler::new(Settings {
                desired_retention: i as f32 / 10.0,
                ..Settings::default()
            })
            .unwrap();
            scheduler.interval_for_stability(1.0).round().max(1.0) as i64
        })
        .collect();
    assert_eq!(
        intervals,
        [3_116_766, 34_793, 2508, 387, 90, 27, 9, 3, 1, 1]
    );
}

/// open-spaced-repetition/py-fsrs, `tests/test_basic.py`, `test_review_card` (FSRS-6, fuzz
/// off): each answer given when the card is due; the days between a review and the next due
/// date are [0, 2, 11, 46, 163, 497, 0, 0, 2, 4, 7, 12, 20]. The zeros are learning and
/// relearning steps, and those must match exactly, as must the first graduations.
///
/// py-fsrs computes FSRS in its own float64 code, which drifts from fsrs-rs (the f32 model
/// Anki uses, whose published figures the tests above match exactly): here fsrs-rs gives
/// unrounded intervals of 497.88 and 20.77 days where py-fsrs rounds to 497 and 20. Those two
/// are held to within a day.
#[test]
fn py_fsrs_review_card() {
    use Rating::{Again, Good};
    let scheduler = no_fuzz();
    let ratings = [
        Good, Good, Good, Good, Good, Good, Again, Again, Good, Good, Good, Good, Good,
    ];
    let mut card = CardState::default();
    let mut now = at("2022-11-29T12:30:00Z");
    let mut days = Vec::new();
    for rating in ratings {
        card = scheduler.answer(&card, "d/c", rating, now).0;
        now = match card.due {
            Due::At(due) => {
                days.push((due - now).num_days());
                due
            }
            Due::Day(_) => {
                days.push(i64::from(card.scheduled_days));
                now + Duration::days(i64::from(card.scheduled_days))
            }
            Due::New => unreachable!("an answered card is never new"),
        };
    }
    let published = [0, 2, 11, 46, 163, 497, 0, 0, 2, 4, 7, 12, 20];
    for (i, (&got, &want)) in days.iter().zip(&published).enumerate() {
        if want == 0 || i < 5 || (8..12).contains(&i) {
            assert_eq!(got, want, "answer {i}: {days:?}");
        } else {
            assert!((got - want).abs() <= 1, "answer {i}: {days:?}");
        }
    }
}

#[test]
fn learning_steps_follow_anki() {
    let scheduler = no_fuzz();
    let now = at("2026-11-27T10:00:00+01:00");
    let new = CardState::default();
    let preview = scheduler.preview(&new, "d/c", now);
    // Again: first step; Hard: average of 1m and 10m; Good: next step; Easy: graduates.
    assert_eq!(
        &preview[..3],
        &[Interval::Secs(60), Interval::Secs(330), Interval::Secs(600)]
    );
    assert!(matches!(preview[3], Interval::Days(d) if d >= 1));

    let (step1, _) = scheduler.answer(&new, "d/c", Rating::Good, now);
    assert_eq!(step1.phase, Phase::Learning { step: 1 });
    assert_eq!(step1.due, Due::At(now + Duration::minutes(10)));
    let later = now + Duration::minutes(10);
    let preview = scheduler.preview(&step1, "d/c", later);
    // On the last step Hard repeats it, Again restarts, Good graduates.
    assert_eq!(&preview[..2], &[Interval::Secs(60), Interval::Secs(600)]);
    let (graduated, _) = scheduler.answer(&step1, "d/c", Rating::Good, later);
    assert_eq!(graduated.phase, Phase::Review);
    assert_eq!(graduated.reps, 2);
}

#[test]
fn a_lapse_relearns_for_ten_minutes() {
    let scheduler = no_fuzz();
    let review = answer_days(&scheduler, &[(Rating::Easy, 0)]);
    assert_eq!(review.phase, Phase::Review);
    let now = at("2022-12-20T12:00:00Z");
    let preview = scheduler.preview(&review, "d/c", now);
    assert_eq!(preview[0], Interval::Secs(600));
    let (lapsed, notes) = scheduler.answer(&review, "d/c", Rating::Again, now);
    assert_eq!(lapsed.phase, Phase::Relearning { step: 0 });
    assert_eq!(lapsed.lapses, 1);
    assert!(!notes.became_leech);
    // A lone relearning step: Hard is 1.5 times it.
    assert_eq!(
        scheduler.preview(&lapsed, "d/c", now)[1],
        Interval::Secs(900)
    );
    let (back, _) = scheduler.answer(&lapsed, "d/c", Rating::Good, now + Duration::minutes(10));
    assert_eq!(back.phase, Phase::Review);
    assert_eq!(back.lapses, 1, "relearning answers are not lapses");
}

#[test]
fn review_intervals_keep_hard_below_good_below_easy() {
    let scheduler = Scheduler::new(Settings::default()).unwrap();
    let mut now = at("2026-01-01T09:00:00Z");
    let mut card = CardState::default();
    for i in 0..40u32 {
        if let Some(last) = card.last_review {
            now = last + Duration::days(i64::from(card.scheduled_days.max(1)));
        }
        let preview = scheduler.preview(&card, "deck/key", now);
        if card.phase == Phase::Review {
            let days = preview.map(|p| match p {
                Interval::Days(d) => d,
                Interval::Secs(_) => 0,
            });
            assert!(days[1] < days[2] && days[2] < days[3], "{days:?}");
            assert!(days[1] >= 1);
        }
        let rating = Rating::ALL[(i % 4) as usize];
        card = scheduler.answer(&card, "deck/key", rating, now).0;
    }
}

#[test]
fn the_maximum_interval_is_respected() {
    let scheduler = Scheduler::new(Settings {
        maximum_interval: 30,
        fuzz: false,
        ..Settings::default()
    })
    .unwrap();
    let card = answer_days(
        &scheduler,
        &[
            (Rating::Easy, 0),
            (Rating::Easy, 30),
            (Rating::Easy, 30),
            (Rating::Easy, 30),
        ],
    );
    assert_eq!(card.scheduled_days, 30);
}

#[test]
fn a_card_due_in_one_day_is_due_from_the_rollover_hour() {
    let scheduler = no_fuzz();
    // 23:00 on the 27th; Easy on a new card gives FSRS-6's 8.3 days.
    let now = at("2026-11-27T23:00:00+01:00");
    let (card, _) = scheduler.answer(&CardState::default(), "d/c", Rating::Easy, now);
    let calendar = scheduler.calendar();
    let Due::Day(day) = card.due else {
        panic!("{card:?}")
    };
    assert_eq!(day - calendar.day(now), 8);
    let offset = *now.offset();
    assert_eq!(
        calendar.start_of(day, offset),
        Some(at("2026-12-05T04:00:00+01:00"))
    );
}

#[test]
fn eight_lapses_make_a_leech_which_is_suspended() {
    assert!(!leech_threshold_met(7, 8));
    assert!(leech_threshold_met(8, 8));
    assert!(!leech_threshold_met(9, 8));
    assert!(leech_threshold_met(12, 8));
    assert!(!leech_threshold_met(8, 0));

    let scheduler = no_fuzz();
    let mut card = answer_days(&scheduler, &[(Rating::Easy, 0)]);
    let mut now = at("2023-01-01T10:00:00Z");
    for lapse in 1..=8 {
        let (lapsed, notes) = scheduler.answer(&card, "d/c", Rating::Again, now);
        assert_eq!(notes.became_leech, lapse == 8);
        now += Duration::minutes(10);
        card = scheduler.answer(&lapsed, "d/c", Rating::Good, now).0;
        now += Duration::days(i64::from(card.scheduled_days));
    }
    assert!(card.leech && card.suspended);
    assert_eq!(card.lapses, 8);
}

#[test]
fn fuzz_stays_within_ankis_range_and_is_repeatable() {
    let fuzzed = Scheduler::new(Settings::default()).unwrap();
    let plain = no_fuzz();
    let now = at("2026-11-27T10:00:00Z");
    let review = answer_days(&plain, &[(Rating::Easy, 0), (Rating::Good, 8)]);
    let exact = plain
        .answer(&review, "x", Rating::Good, now)
        .0
        .scheduled_days;
    let mut seen = std::collections::BTreeSet::new();
    for i in 0..200 {
        let id = format!("deck/{i}");
        let days = fuzzed
            .answer(&review, &id, Rating::Good, now)
            .0
            .scheduled_days;
        assert_eq!(
            days,
            fuzzed
                .answer(&review, &id, Rating::Good, now)
                .0
                .scheduled_days
        );
        seen.insert(days);
    }
    let delta = 1.0 + 0.15 * 4.5 + 0.1 * 13.0 + 0.05 * (exact as f32 - 20.0).max(0.0);
    assert!(seen.len() > 3, "{seen:?}");
    for days in seen {
        assert!(
            (days as f32 - exact as f32).abs() <= delta.ceil(),
            "{days} vs {exact}"
        );
    }
}

#[test]
fn retrievability_falls_with_time() {
    let scheduler = no_fuzz();
    let card = answer_days(&scheduler, &[(Rating::Good, 0), (Rating::Good, 0)]);
    let last = card.last_review.unwrap();
    let r0 = scheduler.retrievability(&card, last).unwrap();
    let r_due = scheduler
        .retrievability(&card, last + Duration::days(i64::from(card.scheduled_days)))
        .unwrap();
    assert!((r0 - 1.0).abs() < 1e-6);
    // At the scheduled interval, recall is close to the desired retention.
    assert!((r_due - 0.9).abs() < 0.03, "{r_due}");
    assert_eq!(scheduler.retrievability(&CardState::default(), last), None);
}

/// Recall uses the decay the crate schedules with (`fsrs::current_retrievability`, the
/// reference): FSRS-5's for 19 parameters, and one past its range clipped to it (0.1), where
/// the raw value gave -30,118% in `exam` (a fresh tester's find).
#[test]
fn recall_decays_as_the_crate_schedules() {
    let memory = MemoryState {
        stability: 10.0,
        difficulty: 5.0,
    };
    let recall = |parameters: Vec<f32>| {
        let settings = Settings {
            parameters,
            ..Settings::default()
        };
        let scheduler = Scheduler::new(settings).unwrap();
        scheduler.recall_on(memory, 100, 130)
    };
    let fsrs_5 = recall(fsrs::DEFAULT_PARAMETERS[..19].to_vec());
    let expected = fsrs::current_retrievability(memory, 30.0, fsrs::FSRS5_DEFAULT_DECAY);
    assert_eq!(fsrs_5.to_bits(), expected.to_bits());
    let mut negative = fsrs::DEFAULT_PARAMETERS.to_vec();
    negative[20] = -1.0;
    let clipped = recall(negative);
    let expected = fsrs::current_retrievability(memory, 30.0, 0.1);
    assert_eq!(clipped.to_bits(), expected.to_bits());
    assert!((0.0..=1.0).contains(&clipped), "{clipped}");
}

#[test]
fn ratings_serialise_as_numbers() {
    assert_eq!(serde_json::to_string(&Rating::Good).unwrap(), "3");
    assert_eq!(serde_json::from_str::<Rating>("1").unwrap(), Rating::Again);
    assert!(serde_json::from_str::<Rating>("5").is_err());
}

mod day_steps;
mod passing;
