use chrono::Duration;

use super::*;
use crate::scheduler::{EasyDays, Phase, Rating};
use crate::study::tests::{review, study_with, time};

fn plan(retention: f32) -> Plan {
    Plan {
        retention,
        days: 30,
        new_per_day: 10,
        reviews_per_day: 9999,
        habits: Habits::default(),
        start: 20_786,
    }
}

#[test]
fn studied_cards_are_placed_relative_to_today() {
    let t0 = time("2026-11-20T10:00:00+01:00");
    let events = [
        review("a", "d/c0", Rating::Good, t0),
        review("b", "d/c0", Rating::Good, t0 + Duration::minutes(1)),
        review("c", "d/c0", Rating::Good, t0 + Duration::minutes(11)),
    ];
    let now = t0 + Duration::days(3);
    let study = study_with(5, Settings::default(), &events, now);
    let today = study.scheduler.calendar().day(now);
    let (cards, total) = cards_today(&study, &[0], today);
    assert_eq!(total, 5);
    assert_eq!(
        cards.len(),
        1,
        "only the studied card; the simulator adds the new ones"
    );
    let state = study.state("d/c0");
    let Due::Day(due) = state.due else {
        panic!("a review card: {state:?}")
    };
    let card = &cards[0];
    assert!((card.last_date - -3.0).abs() < f32::EPSILON);
    assert!((card.due - day_f32(due - today)).abs() < f32::EPSILON);
    assert!((card.interval - day_f32(due - today + 3)).abs() < f32::EPSILON);
    assert!((card.stability - state.memory.unwrap().stability).abs() < f32::EPSILON);
}

/// Parameters past their range, which the scheduler's crate clips, are clipped for the
/// simulator too: a negative initial stability made it panic (`p=NaN is outside range`), in
/// `simulate` and in the statistics' workload tab (a fresh tester's find).
#[test]
fn parameters_past_their_range_are_simulated_clipped() {
    let now = time("2026-11-27T10:00:00+01:00");
    let mut parameters = fsrs::DEFAULT_PARAMETERS.to_vec();
    parameters[0] = -1.0;
    parameters[20] = -1.0;
    let settings = Settings {
        parameters,
        ..Settings::default()
    };
    let study = study_with(50, settings.clone(), &[], now);
    let today = study.scheduler.calendar().day(now);
    let (cards, total) = cards_today(&study, &[0], today);
    let table = compare(&cards, total, plan(0.9), &settings, &[0.9]).unwrap();
    assert!(table[0].reviews > 0, "{}", table[0].reviews);
}

/// A review dated days ahead (a device whose clock runs ahead) is simulated as today's; the
/// simulator panicked on it (`p=NaN`, a fresh tester's find).
#[test]
fn a_review_dated_after_today_is_simulated_as_todays() {
    let now = time("2026-12-01T10:00:00+01:00");
    let events = [review("a", "d/c0", Rating::Good, now + Duration::days(4))];
    let study = study_with(5, Settings::default(), &events, now);
    let today = study.scheduler.calendar().day(now);
    let (cards, total) = cards_today(&study, &[0], today);
    assert_eq!(cards.len(), 1);
    assert!(
        cards[0].last_date.abs() < f32::EPSILON,
        "{}",
        cards[0].last_date
    );
    let table = compare(&cards, total, plan(0.9), &Settings::default(), &[0.9]).unwrap();
    assert_eq!(table.len(), 1);
}

#[test]
fn every_new_card_is_introduced_and_a_higher_retention_costs_more_reviews() {
    let now = time("2026-11-27T10:00:00+01:00");
    let study = study_with(200, Settings::default(), &[], now);
    let today = study.scheduler.calendar().day(now);
    let (cards, total) = cards_today(&study, &[0], today);
    assert_eq!((cards.len(), total), (0, 200));
    let settings = Settings::default();
    let table = compare(&cards, total, plan(0.9), &settings, &[0.85, 0.95]).unwrap();
    for workload in &table {
        // 10 a day for 20 days introduces all 200, and no more.
        let introduced: f64 = workload
            .periods
            .iter()
            .map(|p| p.new_per_day * float(p.last_day + 1 - p.first_day))
            .sum();
        assert!((introduced - 200.0).abs() < 1e-6, "{introduced}");
        assert_eq!(workload.periods.len(), 5, "7-day stretches over 30 days");
        assert_eq!(workload.periods[4].last_day, 30);
    }
    let (low, high) = (&table[0], &table[1]);
    assert!(
        high.reviews > low.reviews,
        "{} vs {}",
        high.reviews,
        low.reviews
    );
    assert!(high.remembered > low.remembered);
    assert!(high.remembered <= 200.0);
}

#[test]
fn habits_come_from_the_learners_answers_where_there_are_enough() {
    let at = time("2026-11-27T10:00:00+01:00");
    let answer = |rating, phase_before, ms| crate::store::Answer {
        time: at,
        day: 0,
        rating,
        duration_ms: Some(ms),
        first_ever: phase_before == Phase::New,
        phase_before,
        interval_before: 0,
        memory_before: None,
        last_review_before: None,
    };
    let mut answers = Vec::new();
    // 60 first answers: 15 of each rating, 2 s each.
    for rating in Rating::ALL {
        answers.extend((0..15).map(|_| answer(rating, Phase::New, 2000)));
    }
    // 60 passing reviews: 30 Good at 5 s, 20 Easy, 10 Hard; and a few lapses (too few).
    answers.extend((0..30).map(|_| answer(Rating::Good, Phase::Review, 5000)));
    answers.extend((0..20).map(|_| answer(Rating::Easy, Phase::Review, 3000)));
    answers.extend((0..10).map(|_| answer(Rating::Hard, Phase::Review, 9000)));
    answers.extend((0..5).map(|_| answer(Rating::Again, Phase::Review, 20_000)));
    let habits = from_answers(&answers);
    assert!(
        habits
            .first_rating_prob
            .iter()
            .all(|p| (p - 0.25).abs() < 1e-6)
    );
    let [hard, good, easy] = habits.review_rating_prob;
    assert!((hard - 1.0 / 6.0).abs() < 1e-6 && (good - 0.5).abs() < 1e-6);
    assert!((easy - 1.0 / 3.0).abs() < 1e-6);
    // Learning row: 15 answers per rating are too few; the defaults stay.
    let defaults = Habits::default();
    assert!(
        habits.costs[0]
            .iter()
            .zip(defaults.costs[0])
            .all(|(a, b)| (a - b).abs() < 1e-6)
    );
    // Review row: no rating has 50 answers yet (Good has 30), so all stay default.
    assert!(
        habits.costs[1]
            .iter()
            .zip(defaults.costs[1])
            .all(|(a, b)| (a - b).abs() < 1e-6)
    );
    assert_eq!(habits.own, 2);
    // With 50 Good reviews, their time is the learner's: 5 s.
    answers.extend((0..20).map(|_| answer(Rating::Good, Phase::Review, 5000)));
    let habits = from_answers(&answers);
    assert!((habits.costs[1][2] - 5.0).abs() < 1e-6);
    assert_eq!(habits.own, 3);
}

/// Decks `lang/a` and `lang/b` of 10 cards each, which a glob gives a preset of 2 new cards a
/// day at 80% retention, and `math` of 30 cards on the global section's 20 at 90%.
fn job_with_presets() -> Job {
    use std::fmt::Write as _;
    let now = time("2026-11-27T10:00:00+01:00");
    let deck = |id: &str, cards: usize| {
        let mut text = format!("[deck]\nname = \"{id}\"\n");
        for i in 0..cards {
            let _ = write!(
                text,
                "[[cards]]\nid = \"c{i}\"\nfront = \"f{i}\"\nback = \"b\"\n"
            );
        }
        crate::deck::parse_deck(
            crate::deck::DeckId::new(id),
            crate::deck::Source::Bundled,
            &text,
        )
        .unwrap()
    };
    let collection = crate::deck::Collection {
        decks: vec![deck("lang/a", 10), deck("math", 30), deck("lang/b", 10)],
        broken: Vec::new(),
    };
    let (config, _) = crate::config::parse(
        "[presets.lang]\ndecks = [\"lang/**\"]\nnew_per_day = 2\ndesired_retention = 0.8\n",
        std::path::Path::new("config.toml"),
    );
    let presets = crate::library::presets(&config).unwrap();
    let study = Study::with_presets(collection, crate::store::History::default(), presets, now);
    Job::for_decks(&study, &[0, 1, 2], study.day())
}

fn introduced(workload: &Workload) -> f64 {
    workload
        .periods
        .iter()
        .map(|p| p.new_per_day * float(p.last_day + 1 - p.first_day))
        .sum()
}

#[test]
fn each_presets_decks_are_simulated_with_its_settings_and_added_up() {
    let mut job = job_with_presets();
    let parts: Vec<(usize, usize, usize, f32)> = job
        .parts
        .iter()
        .map(|p| (p.decks, p.total, p.plan.new_per_day, p.plan.retention))
        .collect();
    // The global section first: math's 30 cards at 20 a day; then lang's two decks at 2 each.
    assert_eq!(parts, [(1, 30, 20, 0.9), (2, 20, 4, 0.8)]);
    job.set_days(30);
    let whole = job.simulate(None).unwrap();
    // Every card is introduced within the month: math's in 2 days, lang's in 5.
    assert!((introduced(&whole) - 50.0).abs() < 1e-6, "{whole:?}");
    assert_eq!(whole.cards, 50);
    // The retention of the whole: (0.9 × 30 + 0.8 × 20) / 50.
    assert!((whole.retention - 0.86).abs() < 1e-6, "{}", whole.retention);
    // Over ten days, 3 new cards a day shared by decks: 1 for math's one, 2 for lang's two.
    job.set_days(10);
    job.set_new_per_day(3);
    let shares: Vec<usize> = job.parts.iter().map(|p| p.plan.new_per_day).collect();
    assert_eq!(shares, [1, 2]);
    assert_eq!(job.plan().new_per_day, 3);
    let whole = job.simulate(Some(0.9)).unwrap();
    assert!((introduced(&whole) - 30.0).abs() < 1e-6, "{whole:?}");
    assert!((whole.retention - 0.9).abs() < 1e-6);
}

#[test]
fn a_presets_own_retention_gets_its_row() {
    // The global section's 90% is one of the compared rows; lang's 80% too.
    assert_eq!(job_with_presets().retentions(), COMPARED);
    let mut job = job_with_presets();
    job.parts[1].plan.retention = 0.87;
    assert_eq!(job.retentions(), [0.80, 0.85, 0.87, 0.90, 0.95, 0.97]);
    // One row each, whatever the order of the parts, and never twice.
    job.parts[0].plan.retention = 0.87;
    assert_eq!(job.retentions(), [0.80, 0.85, 0.87, 0.90, 0.95, 0.97]);
}

/// Sunday at 0 % empties the simulated Sundays but for unfuzzed intervals of a day or two;
/// without easy days a Sunday is as busy as any day. 2026-11-29 (day 20786) is a Sunday.
#[test]
fn the_simulation_keeps_a_free_sunday_free() {
    let sunday_share = |easy_days: EasyDays| {
        let settings = Settings {
            easy_days,
            ..Settings::default()
        };
        let plan = Plan {
            days: 91,
            ..plan(0.9)
        };
        let workload = run(&[], 300, plan, &settings).unwrap();
        let weekdays: f64 = workload.by_weekday[..5].iter().sum::<f64>() / 5.0;
        workload.by_weekday[6] / weekdays
    };
    let free = sunday_share(EasyDays([100, 100, 100, 100, 100, 50, 0]));
    let normal = sunday_share(EasyDays::default());
    assert!(free < 0.5 && normal > 0.8, "free {free}, normal {normal}");
}

#[test]
fn on_review_cards_alone_a_higher_retention_costs_more_reviews() {
    // 100 review cards of stability 30 days, reviewed 10 days ago and due in 20; no new
    // cards, a year simulated. FSRS-6's interval at retention r is S / f × (r^(1/d) − 1),
    // d = −0.1542 and f = 0.9^(1/d) − 1 = 0.980: at 0.97 that is 30 × 0.2184 / 0.980 = 6.7
    // days, at 0.80 30 × 3.251 / 0.980 = 99.5 days, so after the first review 0.97 asks for
    // a review about 15 times as often. Fewer than twice the reviews would mean the cards
    // were not scheduled at the plan's retention.
    let cards: Vec<SimCard> = (0..100)
        .map(|id| SimCard {
            id,
            difficulty: 5.0,
            stability: 30.0,
            last_date: -10.0,
            due: 20.0,
            interval: 30.0,
            ..SimCard::default()
        })
        .collect();
    let year = Plan {
        days: 365,
        new_per_day: 0,
        ..plan(0.9)
    };
    let settings = Settings {
        fuzz: false,
        ..Settings::default()
    };
    let table = compare(&cards, 100, year, &settings, &[0.80, 0.97]).unwrap();
    let (low, high) = (table[0].reviews, table[1].reviews);
    assert!(high > 2 * low, "0.97: {high} reviews, 0.80: {low}");
    // At 0.80 each card is reviewed on day 20 and then at most every 99 days or so (longer
    // as stability grows, shorter after a lapse): a handful a year, never 0.
    assert!(low >= 100, "{low}");
}
