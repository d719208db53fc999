use chrono::Duration;

use super::*;
use crate::scheduler::Rating;
use crate::study::tests::{review, study_with, time};

fn plan(retention: f32) -> Plan {
    Plan {
        retention,
        days: 30,
        new_per_day: 10,
        reviews_per_day: 9999,
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
