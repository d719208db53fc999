//! Every figure of one small history, worked out by hand (or, for the FSRS numbers, from
//! FSRS-6's published formula and default parameters, not from the scheduler).

use chrono::{Duration, NaiveDate};

use super::super::*;
use super::timed;
use crate::scheduler::Rating;
use crate::scheduler::Settings;
use crate::store::NewKind;
use crate::study::Study;
use crate::study::tests::{card_event, learned, review, study_with, time};

/// FSRS-6's default initial stability after Easy (w[3]) and its default decay (w[20]).
const EASY_STABILITY: f64 = 8.2956;
const DECAY: f64 = 0.1542;

/// FSRS-6's forgetting curve: R(t) = (1 + factor · t / S)^(−decay), with the factor that
/// makes R(S) = 0.9.
fn recall(days: f64, stability: f64) -> f64 {
    let factor = 0.9f64.powf(-1.0 / DECAY) - 1.0;
    (1.0 + factor * days / stability).powf(-DECAY)
}

fn now() -> DateTime<FixedOffset> {
    time("2026-11-27T10:00:00+01:00")
}

fn date(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

/// Seven cards, each in another state:
/// - c0: Easy 10 days ago (learning, 3 s), Again an hour ago (young, interval 8, 4 s):
///   relearning now;
/// - c1: Good half an hour ago, its first answer (learning, 6 s): learning now;
/// - c2: Easy 20 days ago (learning), set due with a 30-day interval, Good two hours ago
///   (mature, 5 s), set due again at 30 days, then suspended;
/// - c3: one right answer in Learn today (practice, 2 s): still new;
/// - c4: buried today, never studied;
/// - c5: set due 3 days ago with a 5-day interval: young, overdue;
/// - c6: set due in 40 days with a 50-day interval: mature.
fn fixture() -> Study {
    let now = now();
    let set_due = |due: &str, interval| NewKind::SetDue {
        due: date(due),
        interval: Some(interval),
    };
    let events = vec![
        timed(
            review("a", "d/c0", Rating::Easy, now - Duration::days(10)),
            3000,
        ),
        timed(
            review("b", "d/c0", Rating::Again, now - Duration::hours(1)),
            4000,
        ),
        timed(
            review("c", "d/c1", Rating::Good, now - Duration::minutes(30)),
            6000,
        ),
        review("d", "d/c2", Rating::Easy, now - Duration::days(20)),
        card_event(
            "e",
            "d/c2",
            now - Duration::days(19),
            set_due("2026-11-26", 30),
        ),
        timed(
            review("f", "d/c2", Rating::Good, now - Duration::hours(2)),
            5000,
        ),
        card_event(
            "g",
            "d/c2",
            now - Duration::hours(2) + Duration::minutes(1),
            set_due("2026-12-27", 30),
        ),
        card_event("h", "d/c2", now - Duration::minutes(50), NewKind::Suspend),
        timed(
            learned("i", "d/c3", "written", now - Duration::minutes(10)),
            2000,
        ),
        card_event("j", "d/c4", now - Duration::minutes(5), NewKind::Bury),
        card_event(
            "k",
            "d/c5",
            now - Duration::days(8),
            set_due("2026-11-24", 5),
        ),
        card_event(
            "l",
            "d/c6",
            now - Duration::days(1),
            set_due("2027-01-06", 50),
        ),
    ];
    let settings = Settings {
        fuzz: false,
        ..Settings::default()
    };
    study_with(7, settings, &events, now)
}

#[test]
fn today_splits_answers_by_kind_and_counts_mature_correct() {
    let stats = compute(&fixture(), &[0], now());
    let today = stats.today;
    // c0's Again (young), c1's Good (learning), c2's Good (mature); c3's Learn answer apart.
    assert_eq!(
        (today.answers, today.learn, today.review, today.relearn),
        (3, 1, 2, 0)
    );
    assert_eq!(today.practice, 1);
    assert_eq!(today.seconds, 15, "4 + 6 + 5 s");
    assert_eq!(today.again_share, Some(1.0 / 3.0));
    assert_eq!(
        today.mature_correct,
        Rate {
            passed: 1,
            total: 1
        }
    );
    assert_eq!((stats.total_answers, stats.days_studied), (5, 3));
    assert_eq!(stats.date, Some(date("2026-11-27")));
}

#[test]
fn card_counts_are_exclusive_suspended_then_buried_then_phase() {
    let cards = compute(&fixture(), &[0], now()).cards;
    let expected = CardCounts {
        new: 1,
        learning: 1,
        relearning: 1,
        young: 1,
        mature: 1,
        suspended: 1,
        buried: 1,
    };
    assert_eq!(cards, expected);
    assert_eq!(cards.total(), 7);
}

#[test]
fn future_due_keeps_overdue_apart_and_the_forecast_puts_it_today() {
    let stats = compute(&fixture(), &[0], now());
    let due = &stats.future_due;
    assert_eq!(due.start, Some(date("2026-11-27")));
    assert_eq!(due.overdue, 1, "c5, due 3 days ago");
    assert_eq!(due.days.len(), 365);
    assert_eq!(due.days[40], 1, "c6; c2 is suspended");
    assert_eq!(due.days.iter().sum::<usize>(), 1);
    assert!((due.daily_load - (1.0 / 5.0 + 1.0 / 50.0)).abs() < 1e-12);
    assert_eq!(stats.forecast.len(), 30);
    assert_eq!(
        (stats.forecast[0], stats.forecast.iter().sum::<usize>()),
        (1, 1)
    );
}

#[test]
fn reviews_over_time_run_from_the_first_day_with_each_kind_and_its_time() {
    let over = compute(&fixture(), &[0], now()).reviews_over_time;
    assert_eq!(over.start, Some(date("2026-11-07")), "c2's first answer");
    assert_eq!(over.days.len(), 21);
    let kinds = |n: usize| -> [usize; 5] {
        let a = over.days[n].answers;
        [a.learning, a.young, a.mature, a.relearning, a.practice]
    };
    assert_eq!(kinds(0), [1, 0, 0, 0, 0]);
    assert_eq!(kinds(10), [1, 0, 0, 0, 0], "c0's first answer");
    assert_eq!(kinds(20), [1, 1, 1, 0, 1]);
    let ms = over.days[20].ms;
    assert_eq!(
        [ms.learning, ms.young, ms.mature, ms.practice],
        [6000, 4000, 5000, 2000]
    );
    assert_eq!(over.days[10].ms.learning, 3000);
    let total: usize = over.days.iter().map(|d| d.answers.total()).sum();
    assert_eq!(total, 6, "5 answers in review mode and 1 in Learn");
}

#[test]
fn hours_and_buttons_count_every_answer_in_review_mode() {
    let stats = compute(&fixture(), &[0], now());
    let hour = |h: usize| stats.hours[h].rate;
    // At +01:00: c2's Good at 8, c0's Again and c1's Good at 9, both first answers at 10.
    assert_eq!(
        hour(8),
        Rate {
            passed: 1,
            total: 1
        }
    );
    assert_eq!(
        hour(9),
        Rate {
            passed: 1,
            total: 2
        }
    );
    assert_eq!(
        hour(10),
        Rate {
            passed: 2,
            total: 2
        }
    );
    let counted: usize = stats.hours.iter().map(|h| h.rate.total).sum();
    assert_eq!(
        (counted, stats.hours.len(), stats.hours[23].hour),
        (5, 24, 23)
    );
    let b = stats.buttons;
    assert_eq!(
        (b.learning.good, b.learning.easy, b.learning.again),
        (1, 2, 0)
    );
    assert_eq!(
        (b.young.again, b.young.correct()),
        (
            1,
            Rate {
                passed: 0,
                total: 1
            }
        )
    );
    assert_eq!((b.mature.good, b.mature.correct().share()), (1, Some(1.0)));
}

#[test]
fn true_retention_and_calibration_predict_from_the_memory_before_each_answer() {
    let stats = compute(&fixture(), &[0], now());
    // Counted: c0's Again (young, fail) and c2's Good (mature, pass); first answers never.
    let today = stats.retention.day;
    assert_eq!(
        (today.young, today.mature, today.all),
        (
            Rate {
                passed: 0,
                total: 1
            },
            Rate {
                passed: 1,
                total: 1
            },
            Rate {
                passed: 1,
                total: 2
            }
        )
    );
    assert_eq!(stats.retention.all_time, today);
    assert_eq!(stats.retention.yesterday, Retention::default());
    // Both were answered at stability 8.2956 (Easy's), 10 and 20 days after it.
    let predicted = [recall(10.0, EASY_STABILITY), recall(20.0, EASY_STABILITY)];
    assert!(
        predicted.iter().all(|p| (0.8..0.9).contains(p)),
        "{predicted:?}"
    );
    let calibration = &stats.calibration;
    let bin = calibration.bins[8];
    assert_eq!(
        (calibration.count, bin.count, bin.actual),
        (2, 2, Some(0.5))
    );
    let mean = f64::midpoint(predicted[0], predicted[1]);
    assert!(
        (bin.predicted.unwrap() - mean).abs() < 1e-4,
        "{bin:?} vs {mean}"
    );
    assert!((bin.gap_points.unwrap() - (0.5 - mean) * 100.0).abs() < 1e-2);
    assert!(calibration.bins.iter().filter(|b| b.count > 0).count() == 1);
    // Both in the band of stability from 7 to 21 days.
    let band = stats.retention_by_stability[2];
    assert_eq!(
        (band.from, band.to, band.rate),
        (
            7.0,
            Some(21.0),
            Rate {
                passed: 1,
                total: 2
            }
        )
    );
    assert_eq!(
        stats.decks[0].review_retention,
        Rate {
            passed: 1,
            total: 2
        }
    );
}

#[test]
fn remembered_over_time_sums_each_day_s_recall_from_the_memory_then() {
    let stats = compute(&fixture(), &[0], now());
    let series = &stats.remembered_over_time;
    assert_eq!(series.start, Some(date("2026-10-29")));
    assert_eq!(series.days.len(), 30);
    // Index 9 is 20 days ago: c2 just answered Easy. Index 18: c2 9 days on, c0 not yet.
    // Index 19: c2 10 days on, c0 just answered.
    assert_eq!(series.days[..9], [0.0; 9]);
    assert!((series.days[9] - 1.0).abs() < 1e-6);
    assert!((series.days[18] - recall(9.0, EASY_STABILITY)).abs() < 1e-4);
    assert!((series.days[19] - (1.0 + recall(10.0, EASY_STABILITY))).abs() < 1e-4);
    assert!(
        (series.days[29] - stats.remembered).abs() < 1e-9,
        "today's is now's"
    );
}

#[test]
fn distributions_match_a_plain_sort_of_the_cards_states() {
    let study = fixture();
    let stats = compute(&study, &[0], now());
    let d = &stats.distributions;
    // Review cards' intervals: c2 30, c5 5, c6 50.
    assert_eq!((d.interval.count, d.interval.median), (3, Some(30.0)));
    assert!((d.interval.mean.unwrap() - 85.0 / 3.0).abs() < 1e-12);
    let bin_of = |from: f64| {
        d.interval
            .bins
            .iter()
            .find(|b| (b.from - from).abs() < 1e-9)
            .unwrap()
            .count
    };
    assert_eq!((bin_of(5.0), bin_of(30.0), bin_of(45.0)), (1, 1, 1));
    // Stability and difficulty of the three answered cards, from their states.
    let mut stability: Vec<f64> = ["d/c0", "d/c1", "d/c2"]
        .iter()
        .map(|c| f64::from(study.state(c).memory.unwrap().stability))
        .collect();
    stability.sort_by(f64::total_cmp);
    assert_eq!(d.stability.count, 3);
    assert_eq!(d.stability.median, Some(stability[1]));
    // Difficulty as Anki shows it, (D − 1) / 9, by tenths.
    let mut tenths = [0usize; 10];
    for card in ["d/c0", "d/c1", "d/c2"] {
        let difficulty = f64::from(study.state(card).memory.unwrap().difficulty);
        let share = (difficulty - 1.0) / 9.0;
        let tenth = (0..10u32)
            .rev()
            .find(|&i| share >= f64::from(i) / 10.0)
            .unwrap_or(0);
        tenths[tenth as usize] += 1;
    }
    let counted: Vec<usize> = d.difficulty.bins.iter().map(|b| b.count).collect();
    assert_eq!(counted, tenths);
    // Retrievability now: c1 and c0 answered today (1), c2 too.
    assert_eq!(d.retrievability.count, 3);
    assert!((d.retrievability.mean.unwrap() - stats.remembered / 3.0).abs() < 1e-9);
}
