use chrono::Duration;

use super::*;
use crate::scheduler::Rating;
use crate::scheduler::{Day, Phase, Settings};
use crate::store::Answer;
use crate::store::NewEvent;
use crate::study::tests::{deck_event, learned, review, study_with, time};

fn answer(day: Day, rating: Rating, interval_before: u32, first_ever: bool) -> Answer {
    Answer {
        time: time("2026-11-27T10:00:00Z"),
        day,
        rating,
        duration_ms: None,
        first_ever,
        phase_before: Phase::Review,
        interval_before,
        memory_before: None,
        last_review_before: None,
    }
}

#[test]
fn true_retention_counts_the_first_answer_a_day_never_the_first_ever() {
    use Rating::{Again, Good, Hard};
    let today = 1000;
    // One card's answers, by hand:
    let answers = [
        answer(900, Good, 0, true),     // first ever: never counted
        answer(900, Again, 0, false),   // same day as the first: not counted
        answer(990, Again, 5, false),   // 10 days ago, young, fail   -> month, year
        answer(990, Good, 5, false),    // second that day: not counted
        answer(996, Hard, 30, false),   // 4 days ago, mature, pass   -> week, month, year
        answer(1000, Good, 40, false),  // today, mature, pass       -> day, week, month, year
        answer(1000, Again, 40, false), // second today: not counted
    ];
    let mut periods = Periods::default();
    add_retention(&mut periods, &answers, today);
    let rate = |passed, total| Rate { passed, total };
    assert_eq!(
        periods.day,
        Retention {
            young: rate(0, 0),
            mature: rate(1, 1),
            all: rate(1, 1)
        }
    );
    assert_eq!(
        periods.week,
        Retention {
            young: rate(0, 0),
            mature: rate(2, 2),
            all: rate(2, 2)
        }
    );
    assert_eq!(
        periods.month,
        Retention {
            young: rate(0, 1),
            mature: rate(2, 2),
            all: rate(2, 3)
        }
    );
    assert_eq!(
        periods.year, periods.month,
        "day 900 is 100 days ago but only had the first answer"
    );
    assert_eq!(periods.month.all.share(), Some(2.0 / 3.0));
    assert_eq!(Rate::default().share(), None);
}

#[test]
fn totals_today_calendar_counts_and_forecast_from_a_fixed_log() {
    let now = time("2026-11-27T10:00:00+01:00");
    let settings = Settings {
        fuzz: false,
        ..Settings::default()
    };
    let events = vec![
        // c0: Easy ten days ago (graduates for 8 days), then Again today: 2 answers, 1 lapse.
        review("a", "d/c0", Rating::Easy, now - Duration::days(10)),
        timed(
            review("b", "d/c0", Rating::Again, now - Duration::hours(1)),
            4000,
        ),
        // c1: Good today (new -> learning), taking 6 s.
        timed(
            review("c", "d/c1", Rating::Good, now - Duration::minutes(30)),
            6000,
        ),
        // c2: Easy today: graduates for 8 days.
        review("d", "d/c2", Rating::Easy, now - Duration::minutes(20)),
    ];
    let study = study_with(4, settings, &events, now);
    let stats = compute(&study, &[0], now);
    assert_eq!(stats.total_answers, 4);
    assert_eq!(stats.days_studied, 2);
    // Today: 3 answers (c0's Again, c1, c2), 10 s, one Again in three.
    assert_eq!((stats.today.answers, stats.today.seconds), (3, 10));
    assert_eq!(stats.today.again_share, Some(1.0 / 3.0));
    assert_eq!(stats.calendar.len(), CALENDAR_DAYS);
    assert_eq!(
        (
            stats.calendar[364],
            stats.calendar[354],
            stats.calendar[363]
        ),
        (3, 1, 0)
    );
    // c0 relearning, c1 learning, c2 young review, c3 new.
    assert_eq!(
        stats.cards,
        CardCounts {
            new: 1,
            learning: 1,
            relearning: 1,
            young: 1,
            mature: 0,
            suspended: 0,
            buried: 0
        }
    );
    // c2 is due in 8 days (FSRS-6's Easy stability, 8.2956, rounded).
    assert_eq!(stats.forecast[8], 1);
    assert_eq!(stats.forecast.iter().sum::<usize>(), 1);
    assert!((stats.daily_load - 1.0 / 8.0).abs() < 1e-9);
    // c0's Again today is its only counted answer: young (interval 8), a fail.
    assert_eq!(
        stats.retention.day.young,
        Rate {
            passed: 0,
            total: 1
        }
    );
    // Three studied cards were just reviewed: each remembered with probability near 1.
    assert!(
        stats.remembered > 2.9 && stats.remembered <= 3.0,
        "{}",
        stats.remembered
    );
    assert_eq!(
        stats.decks[0].review_retention,
        Rate {
            passed: 0,
            total: 1
        }
    );
}

#[test]
fn deck_mastery_reads_learn_levels_test_scores_and_match_times() {
    let now = time("2026-11-27T10:00:00+01:00");
    let learn = |id: &str, card: &str, question| learned(id, card, question, now);
    // Results in the minutes before now (later ones would not have happened yet).
    let result =
        |id: &str, minutes: i64, kind| deck_event(id, now - Duration::minutes(10 - minutes), kind);
    let test = |score| crate::store::NewKind::Result {
        mode: "test".into(),
        ms: None,
        mistakes: None,
        score: Some(score),
        questions: Some(10),
    };
    let game = |ms| crate::store::NewKind::Result {
        mode: "match".into(),
        ms: Some(ms),
        mistakes: Some(0),
        score: None,
        questions: None,
    };
    let events = vec![
        learn("1", "d/c0", "written"),
        learn("2", "d/c1", "choice"),
        result("3", 1, test(70)),
        result("4", 2, test(90)),
        result("5", 3, test(80)),
        result("6", 4, game(41_000)),
        result("7", 5, game(35_500)),
    ];
    let study = study_with(4, Settings::default(), &events, now);
    let mastery = &compute(&study, &[0], now).decks[0];
    // One of four mastered (c1 is only familiar).
    assert!((mastery.learn_mastered - 0.25).abs() < 1e-9);
    assert_eq!(
        (mastery.test_best, mastery.test_last, mastery.match_best_ms),
        (Some(90), Some(80), Some(35_500))
    );
}

#[test]
fn each_deck_gets_its_own_cards_review_retention() {
    let now = time("2026-11-27T10:00:00+01:00");
    let events = vec![
        // d/c0: first answer (never counted), then Again five days later: 0 of 1.
        review("a", "d/c0", Rating::Good, now - Duration::days(10)),
        review("b", "d/c0", Rating::Again, now - Duration::days(5)),
        // e/c0: first answer, then Good: 1 of 1.
        review("c", "e/c0", Rating::Good, now - Duration::days(10)),
        review("d", "e/c0", Rating::Good, now - Duration::days(2)),
    ];
    let mut study = study_with(2, Settings::default(), &events, now);
    add_deck_e(&mut study, 2);
    let rate = |passed, total| Rate { passed, total };
    let retention = |decks: &[usize]| -> Vec<(String, Rate)> {
        compute(&study, decks, now)
            .decks
            .into_iter()
            .map(|d| (d.deck, d.review_retention))
            .collect()
    };
    assert_eq!(
        retention(&[0, 1]),
        [("d".to_owned(), rate(0, 1)), ("e".to_owned(), rate(1, 1))]
    );
    assert_eq!(
        retention(&[1, 0]),
        [("e".to_owned(), rate(1, 1)), ("d".to_owned(), rate(0, 1))]
    );
}

#[test]
fn home_and_statistics_count_today_by_one_rule_leaving_deleted_decks_out() {
    // Today: d/c0 answered once in 4 s, gone/x (its deck deleted) twice in 3 s each.
    let now = time("2026-11-27T10:00:00+01:00");
    let events = vec![
        timed(
            review("a", "d/c0", Rating::Good, now - Duration::hours(2)),
            4000,
        ),
        timed(
            review("b", "gone/x", Rating::Good, now - Duration::hours(2)),
            3000,
        ),
        timed(
            review("c", "gone/x", Rating::Good, now - Duration::hours(1)),
            3000,
        ),
    ];
    let study = study_with(2, Settings::default(), &events, now);
    assert_eq!(study.today(), (1, 4000));
    let today = compute(&study, &[0], now).today;
    assert_eq!((today.answers, today.seconds), (1, 4));
}

#[test]
fn practice_answers_with_their_time_give_the_minutes_chart_a_practice_layer() {
    // Today: two Learn answers of 5 s and 2.5 s, one review of 4 s.
    let now = time("2026-11-27T10:00:00+01:00");
    let events = vec![
        timed(
            learned("a", "d/c0", "choice", now - Duration::hours(1)),
            5000,
        ),
        timed(
            learned("b", "d/c1", "written", now - Duration::hours(1)),
            2500,
        ),
        timed(
            review("c", "d/c0", Rating::Good, now - Duration::minutes(30)),
            4000,
        ),
    ];
    let s = compute(&study_with(2, Settings::default(), &events, now), &[0], now);
    let today = s.reviews_over_time.days.last().copied().unwrap_or_default();
    assert_eq!((today.ms.practice, today.answers.practice), (7500, 2));
    assert_eq!(today.ms.learning, 4000);
}

mod boundaries;
mod figures;
mod schema;
mod trouble_progress;

/// A practice result of `mode` (`test`, `match`): a time and a score.
fn result(mode: &str, ms: Option<u64>, score: Option<u32>) -> crate::store::NewKind {
    crate::store::NewKind::Result {
        mode: mode.to_owned().into(),
        ms,
        mistakes: None,
        score,
        questions: None,
    }
}

/// `study` with a second deck, `e`, of one card `e/c0` (front `e front`).
fn add_deck_e(study: &mut crate::study::Study, n: usize) {
    let mut both = crate::study::tests::collection(n);
    let text = "[deck]\nname = \"E\"\n[[cards]]\nid = \"c0\"\nfront = \"e front\"\nback = \"y\"\n";
    both.decks.push(
        crate::deck::parse_deck(
            crate::deck::DeckId::new("e"),
            crate::deck::Source::Bundled,
            text,
        )
        .unwrap(),
    );
    study.replace_collection(both);
}

/// `event` (an answer) taking `ms` milliseconds.
pub(crate) fn timed(mut event: NewEvent, ms: u32) -> NewEvent {
    if let crate::store::EventKind::Review { duration_ms, .. } = &mut event.kind {
        *duration_ms = Some(ms);
    }
    event
}

/// The statistics of one collection are the same at every run, to the last digit: the walk's
/// floating point sums (the daily load) were grouped by rayon's threads, and a tester saw
/// `stats --json` differ from run to run.
#[test]
fn the_same_collection_gives_the_same_sums_at_every_run() {
    let now = time("2026-11-27T10:00:00+01:00");
    let cards = 20_000;
    // Each card answered Easy on one of the last 40 days: reviews due over the coming weeks.
    let events: Vec<NewEvent> = (0..cards)
        .map(|c| {
            let days = i64::try_from(1 + c % 40).unwrap();
            let minutes = i64::try_from(c % 600).unwrap();
            let when = now - Duration::days(days) - Duration::minutes(minutes);
            review(&format!("e{c}"), &format!("d/c{c}"), Rating::Easy, when)
        })
        .collect();
    let study = study_with(cards, Settings::default(), &events, now);
    let first = compute(&study, &[0], now);
    assert!(first.daily_load > 0.0);
    for _ in 0..30 {
        let again = compute(&study, &[0], now);
        assert_eq!(again.daily_load.to_bits(), first.daily_load.to_bits());
    }
}
