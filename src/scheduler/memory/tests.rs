//! The step against the `fsrs` crate, the reference: every value compared to the bit.

use fsrs::{DEFAULT_PARAMETERS, FSRS, MemoryState};
use proptest::prelude::*;

use super::{MemoryStep, RANGES, clipped_parameters, crate_after, same_bits};
use crate::scheduler::Rating;

/// The crate and the step for `parameters`, if the crate takes them.
fn both(parameters: &[f32], retention: f32) -> Option<(FSRS, Option<MemoryStep>)> {
    let fsrs = FSRS::new(parameters).ok()?;
    let step = clipped_parameters(parameters).and_then(|w| MemoryStep::new(&fsrs, w, retention));
    Some((fsrs, step))
}

#[test]
fn the_default_parameters_take_the_fast_step() {
    for parameters in [&[][..], &DEFAULT_PARAMETERS[..], &DEFAULT_PARAMETERS[..19]] {
        let (_, step) = both(parameters, 0.9).unwrap();
        assert!(step.is_some(), "{parameters:?}");
    }
}

/// The crate's documented first states for the default parameters (its `next_states` example:
/// Again 0.212 / 6.4133, Easy 8.2956 / 1.0), and the fallback agrees with them.
#[test]
fn first_answers_are_the_crates_published_states() {
    let (_, step) = both(&[], 0.9).unwrap();
    let step = step.unwrap();
    let again = step.after(None, 0, Rating::Again).unwrap();
    assert_eq!((again.stability, again.difficulty), (0.212, 6.4133));
    let easy = step.after(None, 0, Rating::Easy).unwrap();
    assert_eq!((easy.stability, easy.difficulty), (8.2956, 1.0));
    assert_eq!(
        step.interval(8.2956).to_bits(),
        8.2956f32.to_bits(),
        "at 0.9 the interval is the stability"
    );
}

/// A parameter past the crate's range is clipped as the crate clips it (Hard's penalty to 1).
#[test]
fn parameters_past_their_range_are_clipped_as_the_crate_does() {
    let mut parameters = DEFAULT_PARAMETERS;
    parameters[15] = 1.7;
    let (fsrs, step) = both(&parameters, 0.9).unwrap();
    let step = step.expect("clipped, it agrees");
    let memory = Some(MemoryState {
        stability: 10.0,
        difficulty: 5.0,
    });
    let hard = step.after(memory, 12, Rating::Hard);
    assert!(same_bits(
        hard,
        crate_after(&fsrs, memory, 12, Rating::Hard)
    ));
    let mut at_one = DEFAULT_PARAMETERS;
    at_one[15] = 1.0;
    let unclipped = both(&at_one, 0.9).unwrap().1.unwrap();
    assert!(same_bits(hard, unclipped.after(memory, 12, Rating::Hard)));
}

/// Any value from a little below to a little above the parameter's range.
fn parameter(index: usize) -> impl Strategy<Value = f32> {
    let (low, high) = RANGES[index];
    let margin = (high - low) * 0.25;
    (low - margin)..=(high + margin)
}

fn parameters() -> impl Strategy<Value = Vec<f32>> {
    (0..21).map(parameter).collect::<Vec<_>>()
}

fn memory() -> impl Strategy<Value = Option<MemoryState>> {
    let stability = prop_oneof![
        Just(0.0),
        Just(-0.0),
        (-3.0f32..5.0).prop_map(|exponent| 10f32.powf(exponent)),
        Just(40_000.0),
        Just(f32::NAN),
    ];
    let difficulty = prop_oneof![0.0f32..12.0, Just(1.0), Just(10.0)];
    proptest::option::weighted(
        0.9,
        (stability, difficulty).prop_map(|(stability, difficulty)| MemoryState {
            stability,
            difficulty,
        }),
    )
}

fn rating() -> impl Strategy<Value = Rating> {
    proptest::sample::select(Rating::ALL.to_vec())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3_000))]

    /// The step is used for any parameters the crate takes (it clips them alike), and it is
    /// the crate's to the bit.
    #[test]
    fn the_step_is_the_crates(
        parameters in parameters(),
        retention in 0.7f32..0.99,
        answers in proptest::collection::vec((memory(), prop_oneof![Just(0u32), 1u32..20, 20u32..40_000], rating()), 40),
    ) {
        let Some((fsrs, step)) = both(&parameters, retention) else {
            return Ok(());
        };
        let Some(step) = step else {
            return Err(TestCaseError::fail(format!("not used for {parameters:?}")));
        };
        for (memory, elapsed, rating) in answers {
            let fast = step.after(memory, elapsed, rating);
            let reference = crate_after(&fsrs, memory, elapsed, rating);
            prop_assert!(
                same_bits(fast, reference),
                "{memory:?} {elapsed} {rating:?}: {fast:?} against {reference:?}"
            );
            if let Some(next) = fast {
                let interval = fsrs.next_interval(Some(next.stability), retention, 3);
                prop_assert_eq!(step.interval(next.stability).to_bits(), interval.to_bits());
            }
        }
    }
}
