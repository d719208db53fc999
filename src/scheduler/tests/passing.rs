//! Passing answers on time never let the review fuzz shorten a card's interval: Anki's floor
//! under the fuzz (`fuzz::Passing`, from `rslib/src/scheduler/states/fuzz.rs`), through the
//! whole scheduler and the fuzz each card's id and answer count pick.

use chrono::{DateTime, Duration, FixedOffset};
use proptest::prelude::*;

use super::super::*;

fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap()
}

/// When a card is next answered on time: at its step, or at 09:00 on its due day.
fn on_time(scheduler: &Scheduler, card: &CardState, offset: FixedOffset) -> DateTime<FixedOffset> {
    match card.due {
        Due::At(time) => time,
        Due::Day(day) => scheduler.calendar().start_of(day, offset).unwrap() + Duration::hours(5),
        Due::New => unreachable!("an answered card is never new"),
    }
}

/// The last day of the fuzz range Anki gives FSRS's `interval` (at least 1 day), by its
/// rules: 1 day plus 15% of the days from 2.5 to 7, 10% from 7 to 20 and 5% beyond, added
/// and rounded; no fuzz below 2.5 days but a range 2 days wide from 3 days on.
fn ankis_upper(interval: f32) -> u32 {
    let interval = interval.max(1.0);
    let delta = if interval < 2.5 {
        0.0
    } else {
        1.0 + 0.15 * (interval.min(7.0) - 2.5)
            + 0.1 * (interval.min(20.0) - 7.0).max(0.0)
            + 0.05 * (interval - 20.0).max(0.0)
    };
    let (lower, upper) = (
        (interval - delta).round() as u32,
        (interval + delta).round() as u32,
    );
    if lower == upper && upper > 2 {
        upper + 1
    } else {
        upper
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// Cards answered on time with any ratings, whatever their id (and so their fuzz), desired
    /// retention and difficulty: each Hard, Good or Easy of a review card gives more days than
    /// before when FSRS's own interval rounds to more (or the maximum interval), and at least as many when FSRS's fuzz
    /// range reaches the old interval. Only when FSRS's whole range falls short of the old
    /// interval (a card graduated by Easy on a tiny stability, say) may the interval shrink, as
    /// it does in Anki: Anki 26.9.3 gives Hard 1 day after 2 for S = 0.18, D = 8.4.
    #[test]
    fn an_on_time_pass_never_shrinks_the_interval(
        card in 0u32..100_000,
        retention in prop::sample::select(vec![0.8f32, 0.85, 0.9, 0.95]),
        ratings in prop::collection::vec(prop::sample::select(Rating::ALL.to_vec()), 1..40),
    ) {
        let scheduler = Scheduler::new(Settings {
            desired_retention: retention,
            ..Settings::default()
        })
        .unwrap();
        let id = format!("deck/{card}");
        let first = at("2026-01-05T09:00:00+01:00");
        let mut state = CardState::default();
        let mut now = first;
        for rating in ratings {
            let (next, _) = scheduler.answer(&state, &id, rating, now);
            if state.phase == Phase::Review && rating != Rating::Again {
                let calendar = scheduler.calendar();
                let elapsed = calendar.day(now) - calendar.day(state.last_review.unwrap());
                let fsrs = scheduler
                    .step(state.memory, u32::try_from(elapsed).unwrap(), rating)
                    .interval;
                let (before, after) = (state.scheduled_days, next.scheduled_days);
                let context = format!("{after} after {before} on {rating:?}, FSRS {fsrs}");
                let maximum = scheduler.settings().maximum_interval;
                if fsrs.round() as u32 > before {
                    prop_assert!(after > before || after == maximum, "{}", context);
                } else if before <= ankis_upper(fsrs) {
                    prop_assert!(after >= before, "{}", context);
                }
            }
            state = next;
            now = on_time(&scheduler, &state, *first.offset());
        }
    }
}
