//! Interval fuzz, as in Anki's `rslib/src/scheduler/states/fuzz.rs` (ankitects/anki): a review
//! interval of 2.5 days or more moves by up to 1 day plus 15% of its days from 2.5 to 7, 10%
//! from 7 to 20 and 5% beyond, so cards learnt together spread over several days.

use xxhash_rust::xxh3::xxh3_64_with_seed;

/// A factor in [0, 1) picked by a card's id and review count, so that replaying the log always
/// gives the same fuzz. XXH3 is a fixed algorithm, unlike a library RNG that may change.
#[must_use]
pub fn factor(card_id: &str, reps: u32) -> f32 {
    let bits = xxh3_64_with_seed(card_id.as_bytes(), u64::from(reps)) >> 40;
    // 24 bits fit an f32 exactly.
    bits as f32 / (1u32 << 24) as f32
}

/// `interval` fuzzed by `factor` (none when `None`), within `minimum..=maximum`.
#[must_use]
pub fn apply(factor: Option<f32>, interval: f32, minimum: u32, maximum: u32) -> u32 {
    // A minimum above the maximum (good + 1 when good is already the maximum) yields the
    // maximum, as in Anki's `min_and_max_review_intervals`.
    let minimum = minimum.min(maximum);
    match factor {
        Some(factor) => pick(&range(interval, minimum, maximum), factor),
        None => round(interval).clamp(minimum, maximum),
    }
}

/// The day of `range` the fuzz `factor` (0 to 1) falls on, every day alike: Anki's
/// `with_review_fuzz`, `floor(lower + factor × days)`, kept within the range. Anki adds in
/// `f32`, whose steps are 1/256 of a day from 32,768 days on, so a factor near 1 can round up
/// past the range's end (36,500 + 0.9999 is 36,501.0), an interval above the maximum.
#[must_use]
pub fn pick(range: &std::ops::RangeInclusive<u32>, factor: f32) -> u32 {
    let (lower, upper) = (*range.start(), *range.end());
    // Non-negative, so `as` (which truncates) is the floor, without `floorf`'s library call.
    ((lower as f32 + factor * (1 + upper - lower) as f32) as u32).min(upper)
}

/// The days `interval` may be fuzzed to from `minimum`, within `maximum`: Anki's
/// `constrained_fuzz_bounds`. [`apply`] picks one of them by the fuzz factor.
#[must_use]
pub fn range(interval: f32, minimum: u32, maximum: u32) -> std::ops::RangeInclusive<u32> {
    let (lower, upper) = bounds(interval, minimum, maximum);
    lower..=upper
}

/// The least interval a passing answer to a review card may get, so that fuzz never takes back
/// what the card's memory gained: one more than `previous` (the card's last interval, in
/// days) when FSRS's `interval` rounds to more than it; `previous` itself when FSRS's interval
/// does not reach past it but its fuzz range still does; else no floor (0: the interval
/// shrank for another reason, a lower desired retention or new parameters, say).
///
/// Anki's `minimum_review_fuzz_interval` in `rslib/src/scheduler/states/fuzz.rs`, since the
/// fix for anki issue 4431 (pull request 4826): the earlier rule knew only the first case, so
/// an interval fuzzed up to 4 days could come back as 3 on the next pass.
#[must_use]
pub fn passing_minimum(interval: f32, previous: u32, maximum: u32) -> u32 {
    let (_, upper) = bounds(interval, 1, maximum);
    if round(interval) > previous {
        previous.saturating_add(1)
    } else if previous <= upper {
        previous
    } else {
        0
    }
}

/// The Hard, Good and Easy intervals of a review card, in days, one after the other: each is
/// FSRS's interval fuzzed by `factor`, at least [`passing_minimum`] of the card's `previous`
/// interval, at least a day longer than the button before it (Hard at least 1 day), and at most
/// `maximum`. Anki's `ReviewState::passing_fsrs_review_intervals`
/// (`rslib/src/scheduler/states/review.rs`) with the floor of [`passing_minimum`] on every
/// button. Each is computed only when asked for, since FSRS's next states cost time.
#[derive(Debug, Clone, Copy)]
pub struct Passing {
    /// The fuzz factor, none when fuzz is off.
    pub factor: Option<f32>,
    /// The card's interval before this answer, in days.
    pub previous: u32,
    /// The maximum interval, in days (at least 1).
    pub maximum: u32,
}

impl Passing {
    /// The interval for FSRS's `interval` on a button whose predecessor gave `before` days
    /// (0 for Hard).
    #[must_use]
    pub fn after(&self, interval: f32, before: u32) -> u32 {
        let floor =
            passing_minimum(interval, self.previous, self.maximum).max(before.saturating_add(1));
        apply(self.factor, interval, floor, self.maximum)
    }
}

/// The fuzz range of `interval`, kept within the limits and at least 2 days wide when allowed.
fn bounds(interval: f32, minimum: u32, maximum: u32) -> (u32, u32) {
    let minimum = minimum.min(maximum);
    let interval = interval.clamp(minimum as f32, maximum as f32);
    let delta = delta(interval);
    let lower = round(interval - delta).clamp(minimum, maximum);
    let mut upper = round(interval + delta).clamp(minimum, maximum);
    if upper == lower && upper > 2 && upper < maximum {
        upper = lower + 1;
    }
    (lower, upper)
}

fn delta(interval: f32) -> f32 {
    const RANGES: [(f32, f32, f32); 3] =
        [(2.5, 7.0, 0.15), (7.0, 20.0, 0.1), (20.0, f32::MAX, 0.05)];
    if interval < 2.5 {
        return 0.0;
    }
    RANGES.iter().fold(1.0, |delta, &(start, end, factor)| {
        delta + factor * (interval.min(end) - start).max(0.0)
    })
}

/// Rounds a non-negative day count, halves up as `f32::round` does; NaN and negatives become 0,
/// and counts past `u32::MAX` that. `as` truncates, and below 2^23 the fraction left is exact
/// (from 2^23 on every `f32` is whole), so this needs no `roundf` library call: it ran twice for
/// every answer replayed.
fn round(days: f32) -> u32 {
    if days.is_nan() || days <= 0.0 {
        return 0;
    }
    let whole = days as u32;
    if days - whole as f32 >= 0.5 {
        whole.saturating_add(1)
    } else {
        whole
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Anki's `with_review_fuzz` test, values for fuzz factors 0, 0.5 and 0.99.
    #[test]
    fn matches_ankis_published_values() {
        assert_eq!(apply(None, 1.5, 1, 100), 2);
        assert_eq!(apply(None, 0.1, 1, 100), 1);
        assert_eq!(apply(None, 101.0, 1, 100), 100);
        let cases: &[(f32, u32, u32, [u32; 3])] = &[
            (1.0, 1, 1000, [1, 1, 1]),
            (2.49, 1, 1000, [2, 2, 2]),
            (2.5, 1, 1000, [2, 3, 4]),
            (7.0, 1, 1000, [5, 7, 9]),
            (17.0, 1, 1000, [14, 17, 20]),
            (37.0, 1, 1000, [33, 37, 41]),
            (2.0, 2, 1000, [2, 2, 2]),
            (2.0, 3, 1000, [3, 4, 4]),
            (2.0, 3, 3, [3, 3, 3]),
            (6.9, 3, 1000, [5, 7, 9]),
            (7.1, 3, 1000, [5, 7, 9]),
            (19.9, 3, 1000, [17, 20, 23]),
            (20.1, 3, 1000, [17, 20, 23]),
            (100.0, 101, 1000, [101, 105, 108]),
            (100.0, 1, 99, [92, 96, 99]),
            (100.0, 97, 103, [97, 100, 103]),
        ];
        for &(interval, minimum, maximum, expected) in cases {
            let got = [0.0, 0.5, 0.99].map(|f| apply(Some(f), interval, minimum, maximum));
            assert_eq!(
                got, expected,
                "interval {interval} in {minimum}..={maximum}"
            );
        }
    }

    /// At the maximum interval the range is one day, and a factor near 1 must not round past
    /// it: in `f32`, 36,500 + 0.9999 is 36,501.0 (found by the passing property test).
    #[test]
    fn a_factor_near_one_stays_within_the_range() {
        assert_eq!(pick(&(36_500..=36_500), 0.9999), 36_500);
        assert_eq!(apply(Some(0.9999), 36_500.0, 36_500, 36_500), 36_500);
        assert_eq!(pick(&(40_000..=40_001), 0.9999), 40_001);
        // Below 32,768 days `f32` holds the sum exactly enough: Anki's own result.
        assert_eq!(pick(&(100..=104), 0.9999), 104);
    }

    /// Hard, Good and Easy for FSRS's `intervals`, at fuzz factors 0, 0.5 and 0.99, then
    /// without fuzz.
    fn passing(intervals: [f32; 3], previous: u32) -> [[u32; 3]; 4] {
        [Some(0.0), Some(0.5), Some(0.99), None].map(|factor| {
            let passing = Passing {
                factor,
                previous,
                maximum: 36_500,
            };
            let hard = passing.after(intervals[0], 0);
            let good = passing.after(intervals[1], hard);
            [hard, good, passing.after(intervals[2], good)]
        })
    }

    /// Anki's `minimum_review_fuzz_interval_preserves_previous_only_within_range` test
    /// (`rslib/src/scheduler/states/fuzz.rs`): FSRS's 2.73 days has the fuzz range 2 to 4 (delta
    /// 1 + 0.15 × 0.23 = 1.03), which holds a previous 4 but not 5; 4.59 rounds past 4.
    #[test]
    fn the_floor_keeps_the_previous_interval_only_within_the_fuzz_range() {
        assert_eq!(passing_minimum(2.726_948_3, 4, 36_500), 4);
        assert_eq!(passing_minimum(2.726_948_3, 5, 36_500), 0);
        assert_eq!(passing_minimum(4.591_988, 4, 36_500), 5);
        // A floor past the maximum interval gives the maximum, as Anki's
        // `min_and_max_review_intervals` does.
        let at_most_30 = Passing {
            factor: Some(0.99),
            previous: 30,
            maximum: 30,
        };
        assert_eq!(at_most_30.after(40.0, 0), 30);
        assert_eq!(at_most_30.after(45.0, 30), 30);
    }

    /// Worked by hand from Anki's rules (each checked against Anki 26.9.3's own backend, whose
    /// cards gave exactly these sets). A card reviewed on time after 4 days, whose FSRS
    /// intervals are 4.26, 5.05 and 6.77 days (`shared/cases/fuzz-floor`): Hard's floor is 4,
    /// since 4.26 rounds to 4 and its range (delta 1 + 0.15 × 1.76 = 1.26) reaches 6, so Hard
    /// is 4 to 6 and never 3. Good's floor is 5 (5.05 rounds past 4) or Hard + 1; Easy's
    /// Good + 1, its range taken around the floor once FSRS's interval is below it.
    #[test]
    fn an_interval_that_grew_is_never_fuzzed_below_the_previous_one() {
        assert_eq!(
            passing([4.261_014, 5.046_89, 6.767_891], 4),
            [[4, 5, 6], [5, 7, 9], [6, 9, 12], [4, 5, 7]]
        );
    }

    /// Anki issue 4431: Hard at 1.80 days (no fuzz below 2.5), Good at 2.73 after a Good
    /// fuzzed up to 4. Good's floor is 4 (its range 2 to 4 holds it), so Good is 4 or 5; the
    /// rule before the fix gave it 3 to 4.
    #[test]
    fn good_keeps_the_previous_interval_its_fuzz_range_holds() {
        assert_eq!(
            passing([1.802_661_8, 2.726_948_3, 3.6], 4),
            [[2, 4, 5], [2, 5, 7], [2, 5, 8], [2, 4, 5]]
        );
    }

    /// A previous 10 days beyond every range (FSRS gives 4, 5 and 6 after a higher desired
    /// retention, say): no floor but Hard < Good < Easy, so the intervals shrink.
    #[test]
    fn an_interval_that_shrank_for_another_reason_is_not_held_up() {
        assert_eq!(
            passing([4.0, 5.0, 6.0], 10),
            [[3, 4, 5], [4, 6, 8], [5, 8, 11], [4, 5, 6]]
        );
    }

    /// Anki 26.9.3's backend on a card graduated by Easy on a tiny stability (0.18 days),
    /// answered after 2 days: FSRS gives 0.87, 1.34 and 2.35 days, and Anki schedules Hard 1,
    /// Good 2, Easy 3 or 4. Hard's and Good's ranges (1 day and 1 day) fall short of 2: no
    /// floor; Easy's range is 2 days, which holds 2, under the floor of Good + 1.
    #[test]
    fn an_interval_fsrs_shortens_past_the_fuzz_range_shrinks_as_in_anki() {
        assert_eq!(
            passing([0.874_204_9, 1.336_038, 2.347_413], 2),
            [[1, 2, 3], [1, 2, 4], [1, 2, 4], [1, 2, 3]]
        );
    }

    #[test]
    fn factors_are_spread_over_the_unit_interval_and_repeatable() {
        let factors: Vec<f32> = (0..1000).map(|reps| factor("deck/card", reps)).collect();
        assert!(factors.iter().all(|f| (0.0..1.0).contains(f)));
        let mean = factors.iter().sum::<f32>() / 1000.0;
        assert!((mean - 0.5).abs() < 0.05, "mean {mean}");
        assert_eq!(factor("deck/card", 7).to_bits(), factors[7].to_bits());
        assert_ne!(factor("deck/other", 7).to_bits(), factors[7].to_bits());
    }

    proptest::proptest! {
        /// `round` is `f32::round` for every day count a cast can hold, and `floor` before the
        /// cast in `pick` changes nothing for a non-negative sum.
        #[test]
        fn rounds_as_f32_round(bits in 0u32..0x4f80_0000) {
            let days = f32::from_bits(bits);
            proptest::prop_assert_eq!(round(days), days.round() as u32);
            proptest::prop_assert_eq!(days as u32, days.floor() as u32);
        }
    }

    #[test]
    fn rounds_halves_up_and_just_below_them_down() {
        let below_half = 0.5f32.next_down();
        assert_eq!((round(below_half), round(0.5), round(2.5)), (0, 1, 3));
        assert_eq!(round(8_388_607.5), 8_388_608);
        assert_eq!(
            (round(-1.0), round(f32::NAN), round(1e12)),
            (0, 0, u32::MAX)
        );
    }
}
