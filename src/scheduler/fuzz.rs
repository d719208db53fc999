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
        Some(factor) => {
            let (lower, upper) = bounds(interval, minimum, maximum);
            (lower as f32 + factor * (1 + upper - lower) as f32).floor() as u32
        }
        None => round(interval).clamp(minimum, maximum),
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

/// Rounds a non-negative day count; NaN and negatives become 0.
fn round(days: f32) -> u32 {
    if days.is_nan() || days <= 0.0 {
        0
    } else {
        days.round().min(u32::MAX as f32) as u32
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

    #[test]
    fn factors_are_spread_over_the_unit_interval_and_repeatable() {
        let factors: Vec<f32> = (0..1000).map(|reps| factor("deck/card", reps)).collect();
        assert!(factors.iter().all(|f| (0.0..1.0).contains(f)));
        let mean = factors.iter().sum::<f32>() / 1000.0;
        assert!((mean - 0.5).abs() < 0.05, "mean {mean}");
        assert_eq!(factor("deck/card", 7).to_bits(), factors[7].to_bits());
        assert_ne!(factor("deck/other", 7).to_bits(), factors[7].to_bits());
    }
}
