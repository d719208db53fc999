use super::weights::kept_days;
use super::*;

/// 2026-11-29, a Sunday (day 20786): the days after it are Monday, Tuesday, …
const SUNDAY: Day = 20_786;

/// Saturday at 50 %, Sunday at 0 %, the example.
fn weekend() -> EasyDays {
    EasyDays([100, 100, 100, 100, 100, 50, 0])
}

fn picker<'a>(easy_days: &'a EasyDays, placement: Placement<'a>, factor: f32) -> Picker<'a> {
    Picker {
        factor: Some(factor),
        easy_days,
        placement,
        today: SUNDAY,
        maximum: 36_500,
    }
}

#[test]
fn weekdays_count_from_monday() {
    // 1970-01-01 was a Thursday; 2026-12-05 a Saturday, 2026-12-06 a Sunday.
    assert_eq!(weekday(0), 3);
    assert_eq!(weekday(20_792), 5);
    assert_eq!(weekday(20_793), 6);
    assert_eq!(weekday(SUNDAY), 6);
    assert_eq!(weekday(-1), 2);
    assert!((weekend().share(20_792) - 0.5).abs() < 1e-9);
    assert!(EasyDays::default().is_normal() && !weekend().is_normal());
}

/// The counted days reach the top of the fuzz range of Anki's longest balanced interval.
#[test]
fn the_load_covers_every_day_a_balanced_interval_reaches() {
    let top = *fuzz::range(MAX_BALANCED_INTERVAL as f32, 1, 36_500).end();
    assert_eq!(top, 96);
    assert_eq!(LOAD_DAYS, top as usize + 1);
    let mut load = DueLoad::new(SUNDAY);
    load.add(SUNDAY + 96);
    load.add(SUNDAY + 97);
    load.add(SUNDAY - 1);
    assert_eq!((load.count(SUNDAY + 96), load.count(SUNDAY + 97)), (1, 0));
    load.remove(SUNDAY + 96);
    load.remove(SUNDAY + 96);
    assert_eq!(load.count(SUNDAY + 96), 0);
}

/// Anki's weight, worked by hand: days 9, 10 and 11 with 5, 1 and 5 cards due weigh
/// 5^-2.15 / 9^3 = 4.310e-5, 1 / 10^3 = 1e-3 and 5^-2.15 / 11^3 = 2.361e-5, so of a total of
/// 1.0673e-3 day 9 takes the factors below 0.0404, day 10 those up to 0.9779, day 11 the rest.
#[test]
fn load_balancing_prefers_the_emptier_day_by_ankis_weights() {
    let days = [(9, 5, 1.0), (10, 1, 1.0), (11, 5, 1.0)];
    let weighed = weights(&days);
    let expected = [4.310_096e-5, 1e-3, 2.360_676e-5];
    for (got, want) in weighed.iter().zip(expected) {
        assert!((got - want).abs() < want * 1e-5, "{weighed:?}");
    }
    let picks = [0.0, 0.04, 0.0405, 0.5, 0.977, 0.978, 0.999].map(|f| 9 + pick(&weighed, f));
    assert_eq!(picks, [9, 9, 10, 10, 10, 11, 11]);
    // A day with nothing due weighs 1, a thousand times a day with one card 10 days out.
    let empty = weights(&[(9, 5, 1.0), (10, 1, 1.0), (11, 0, 1.0)]);
    assert!((empty[2] - 1.0).abs() < 1e-12);
}

/// Anki's rule for a reduced day, worked by hand: Monday and Tuesday (100 %) have 4 cards each,
/// Wednesday (50 %) some, Thursday (0 %) none. The shares add to 1 + 1 + 0.5 + 0.0001, so the
/// other days hold 8 cards on 2.0001 shares, 4.0 a share. One card on Wednesday counts as 2 a
/// share, below that: kept. Two count as 4, just above: dropped. Thursday is always dropped.
#[test]
fn a_reduced_day_is_dropped_once_it_holds_more_than_its_share() {
    let range = |wednesday| [(1, 4, 1.0), (2, 4, 1.0), (3, wednesday, 0.5), (4, 0, 0.0)];
    assert_eq!(kept_days(&range(1)), [true, true, true, false]);
    assert_eq!(kept_days(&range(2)), [true, true, false, false]);
    let weighed = weights(&range(2));
    assert!(weighed[2] == 0.0 && weighed[3] == 0.0 && weighed[0] > 0.0);
    // Saturday over its share and Sunday at 0 %: Saturday comes back, Sunday stays free.
    let weekend = weights(&[(6, 3, 0.5), (7, 0, 0.0)]);
    assert!(weekend[0] > 0.0 && weekend[1] == 0.0, "{weekend:?}");
    // A range of nothing but 0 % days weighs them all by their cards, as Anki does.
    let all_sunday = weights(&[(7, 2, 0.0), (14, 0, 0.0)]);
    assert!(all_sunday[0] > 0.0 && (all_sunday[1] - 1.0).abs() < 1e-12);
}

/// Without counts the easy days weigh the range alone. An interval of 7 days from a Sunday
/// fuzzes over days 5 to 9 (7 ± 1.675): Friday, Saturday, Sunday, Monday, Tuesday, weighing
/// 1, 0.5, 0, 1 and 1 of 3.5. Sunday is never picked.
#[test]
fn easy_days_weigh_the_fuzz_range_in_proportion() {
    let easy = weekend();
    let days = |factor| {
        picker(&easy, Placement::Fuzz, factor)
            .fuzz(7.0, 1, None, true)
            .days
    };
    let picks = [0.0, 0.28, 0.3, 0.42, 0.43, 0.71, 0.72, 0.99].map(days);
    assert_eq!(picks, [5, 5, 6, 6, 8, 8, 9, 9]);
    // With every day at 100 % it is Anki's plain fuzz: floor(5 + factor × 5).
    let normal = EasyDays::default();
    let plain = |factor| {
        picker(&normal, Placement::Fuzz, factor)
            .fuzz(7.0, 1, None, true)
            .days
    };
    assert_eq!([0.0, 0.3, 0.43, 0.99].map(plain), [5, 6, 7, 9]);
}

/// A range that is nothing but the 0 % day keeps it: "except cards whose whole fuzz range is a
/// Sunday". 1.2 days is not fuzzed (below 2.5): day 1 from a Saturday.
#[test]
fn a_range_of_only_a_zero_day_keeps_it() {
    let easy = weekend();
    let mut pick = picker(&easy, Placement::Fuzz, 0.7);
    pick.today = SUNDAY - 1;
    assert_eq!(pick.fuzz(1.2, 1, None, true).days, 1);
}

/// Balanced and easy days together: from Sunday, 7 days fuzz over Friday to Tuesday. Friday
/// has 3 cards due, Saturday 1 (its share of 50 % is kept: 2 a share against the others'
/// 3 + 4 + 4 on 3.0001), Sunday none but 0 %, Monday and Tuesday 4. Weights: Friday
/// 3^-2.15 / 5^3 = 7.54e-4, Saturday 1 / 6^3 = 4.63e-3, Monday 4^-2.15 / 8^3 = 9.92e-5,
/// Tuesday 4^-2.15 / 9^3 = 6.96e-5, of 5.552e-3: Saturday, the emptiest allowed day, takes
/// 83 %, from 0.1358 to 0.9696; Monday up to 0.9875.
#[test]
fn balancing_keeps_off_the_zero_day_even_when_it_is_empty() {
    let easy = weekend();
    let mut load = DueLoad::new(SUNDAY);
    for (days, count) in [(5, 3), (6, 1), (8, 4), (9, 4)] {
        for _ in 0..count {
            load.add(SUNDAY + days);
        }
    }
    let days = |factor| {
        picker(&easy, Placement::Balanced(&load, &[]), factor)
            .fuzz(7.0, 1, None, true)
            .days
    };
    assert_eq!(
        [0.0, 0.135, 0.136, 0.5, 0.969, 0.97, 0.987, 0.988].map(days),
        [5, 5, 6, 6, 6, 8, 8, 9]
    );
    // Counts of another day are not today's: the easy days alone weigh the range.
    let stale = DueLoad::new(SUNDAY - 1);
    let fallback = picker(&easy, Placement::Balanced(&stale, &[]), 0.5).fuzz(7.0, 1, None, true);
    assert_eq!(fallback.days, 8);
}

/// A recorded day is kept when the fuzz range the answer could have had holds it, whatever
/// the buttons before it chose; outside it, or on a button not answered, it is ignored.
#[test]
fn a_recorded_day_is_kept_only_inside_the_fuzz_range() {
    let easy = EasyDays::default();
    let recorded = |day: Day, answered| {
        picker(&easy, Placement::Recorded(SUNDAY + day), 0.0)
            .fuzz(7.0, 1, None, answered)
            .days
    };
    assert_eq!(recorded(9, true), 9);
    assert_eq!(recorded(5, true), 5);
    // Outside 5 to 9, or on another button: the fuzz factor's day (0: the first).
    assert_eq!(recorded(10, true), 5);
    assert_eq!(recorded(4, true), 5);
    assert_eq!(recorded(-3, true), 5);
    assert_eq!(recorded(9, false), 5);
    // Good after a Hard that could have been 3 to 6 (chosen 6 here): its floor could have
    // been 4, where 7.0 fuzzes over 5 to 9, up to 7, where it fuzzes over 7 to 9.
    let hard = Fuzzed {
        days: 6,
        lowest: 3,
        highest: 6,
    };
    let good = |day: Day| {
        picker(&easy, Placement::Recorded(SUNDAY + day), 0.0)
            .fuzz(7.0, 1, Some(hard), true)
            .days
    };
    // Day 5 is below this replay's floor of 7 but was allowed after a Hard of 3; day 4 never
    // was, and the factor's day of 7 to 9 is taken.
    assert_eq!(good(5), 5);
    assert_eq!(good(4), 7);
}

/// The constant-time pick over a long range lands where a walk over every day does.
#[test]
fn the_periodic_pick_matches_a_walk_over_every_day() {
    let shares = [0.5, 0.0, 1.0, 1.0, 1.0, 1.0, 1.0];
    for len in [1, 6, 7, 13, 15, 30, 200, 3651] {
        let walk: Vec<f64> = (0..len).map(|i| shares[i % 7]).collect();
        for factor in [0.0, 0.001, 0.25, 0.5, 0.731, 0.999, 0.999_999_9] {
            assert_eq!(
                pick_periodic(&shares, u32::try_from(len).unwrap(), factor),
                pick(&walk, factor),
                "{len} days, factor {factor}"
            );
        }
    }
    // Weeks of nothing but 0 % days: all alike.
    assert_eq!(pick_periodic(&[0.0; 7], 10, 0.55), 5);
}

/// Anki's sibling nudge, worked by hand: 10 days from Sunday fuzz over days 8 to 12
/// (10 ± 1.975), each with one card due, so each weighs 1 / days³. A sibling due on day 10
/// multiplies day 10 by 0.000001, days 9 and 11 by 0.2, days 8 and 12 by 0.4: of 1.4373e-3,
/// day 8 takes up to 0.5435, day 9 up to 0.7344, day 10 a few millionths, day 11 up to 0.8390.
/// Without the sibling, day 10 takes 0.5880 to 0.7648.
#[test]
fn a_siblings_day_is_avoided_and_its_neighbours_weigh_less() {
    assert!((sibling_factor(SUNDAY + 10, &[SUNDAY + 10]) - 1e-6).abs() < 1e-12);
    assert!((sibling_factor(SUNDAY + 7, &[SUNDAY + 10, SUNDAY + 9]) - 0.6 * 0.4).abs() < 1e-12);
    assert!((sibling_factor(SUNDAY + 7, &[SUNDAY + 10, SUNDAY + 10]) - 0.6).abs() < 1e-12);
    assert!((sibling_factor(SUNDAY, &[SUNDAY + 5]) - 1.0).abs() < 1e-12);
    let easy = EasyDays::default();
    let mut load = DueLoad::new(SUNDAY);
    for days in 8..=12 {
        load.add(SUNDAY + days);
    }
    let sibling = [SUNDAY + 10];
    let days = |siblings: &[Day], factor| {
        picker(&easy, Placement::Balanced(&load, siblings), factor)
            .fuzz(10.0, 1, None, true)
            .days
    };
    let factors = [0.54, 0.55, 0.7, 0.735, 0.8, 0.84];
    assert_eq!(factors.map(|f| days(&sibling, f)), [8, 9, 9, 11, 11, 12]);
    assert_eq!(factors.map(|f| days(&[], f)), [9, 9, 10, 10, 11, 11]);
}
