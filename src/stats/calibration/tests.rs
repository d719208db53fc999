use super::*;

/// A uniform number in [0, 1) from a seed, independent of the code under test.
fn uniform(seed: u64) -> f64 {
    let bits = xxhash_rust::xxh3::xxh3_64_with_seed(&seed.to_le_bytes(), 7) >> 11;
    #[allow(clippy::cast_precision_loss)]
    let u = bits as f64 / (1u64 << 53) as f64;
    u
}

/// 20,000 answers with predicted recall spread over 0–1, each passed with probability
/// `truth(predicted)`: the history's true recall is known.
fn synthetic(truth: impl Fn(f64) -> f64) -> Calibration {
    let mut tally = Tally::default();
    for i in 0..20_000u64 {
        let predicted = (f64::from(u32::try_from(i).unwrap()) + 0.5) / 20_000.0;
        tally.add(predicted, uniform(i) < truth(predicted));
    }
    tally.finish()
}

#[test]
fn a_history_recalled_as_predicted_has_every_bin_on_the_diagonal() {
    let calibration = synthetic(|p| p);
    assert_eq!(calibration.count, 20_000);
    for bin in &calibration.bins {
        assert_eq!(bin.count, 2000, "{bin:?}");
        // A bin's 2000 Bernoulli draws: the standard error is at most 1.1 points, so 4
        // points is well over three of them.
        let gap = bin.gap_points.unwrap();
        assert!(gap.abs() < 4.0, "{bin:?}");
        // Its mean prediction is the middle of its tenth.
        assert!((bin.predicted.unwrap() - (bin.from + 0.05)).abs() < 1e-9);
    }
    assert!(calibration.gap_points.unwrap().abs() < 1.0);
}

#[test]
fn a_history_recalled_worse_than_predicted_shows_the_gap_in_points() {
    // True recall is 80% of the prediction: in the bin [0.9, 1.0), predicted 0.95 on
    // average, recalled 0.76, a gap of −19 points; in [0.5, 0.6), −11.
    let calibration = synthetic(|p| 0.8 * p);
    let gap = |i: usize| calibration.bins[i].gap_points.unwrap();
    assert!((gap(9) + 19.0).abs() < 4.0, "{}", gap(9));
    assert!((gap(5) + 11.0).abs() < 4.0, "{}", gap(5));
    // Overall: predicted 0.5, recalled 0.4.
    assert!((calibration.gap_points.unwrap() + 10.0).abs() < 1.5);
}

#[test]
fn hand_counted_bins_and_empty_ones() {
    let mut tally = Tally::default();
    // Bin 9: predicted 0.9 and 1.0, one passed of two → predicted 0.95, actual 0.5.
    tally.add(0.9, true);
    tally.add(1.0, false);
    // Bin 2: predicted 0.25, passed.
    tally.add(0.25, true);
    tally.add(f64::NAN, true);
    let c = tally.finish();
    assert_eq!(c.count, 3);
    assert_eq!(c.bins[9].count, 2);
    assert!((c.bins[9].predicted.unwrap() - 0.95).abs() < 1e-12);
    assert_eq!(c.bins[9].actual, Some(0.5));
    assert!((c.bins[9].gap_points.unwrap() + 45.0).abs() < 1e-9);
    assert_eq!(c.bins[2].actual, Some(1.0));
    assert_eq!(
        (c.bins[0].count, c.bins[0].actual, c.bins[0].gap_points),
        (0, None, None)
    );
    let none = Tally::default().finish();
    assert_eq!((none.count, none.gap_points), (0, None));
}
