use chrono::{DateTime, FixedOffset};
use fsrs::FSRSReview;

use super::*;
use crate::scheduler::Settings;

fn fixture() -> revlog::Revlog {
    let text = include_str!("../../tests/fixtures/review-log-one-user-2024.csv");
    revlog::parse(text).unwrap()
}

#[test]
fn the_real_history_reads_whole() {
    let revlog = fixture();
    assert!(revlog.skipped.is_empty(), "{:?}", revlog.skipped);
    assert_eq!(revlog.cards.len(), 1205);
    assert_eq!(revlog.cards.iter().map(Vec::len).sum::<usize>(), 12_580);
}

#[test]
fn fitted_parameters_beat_the_defaults_on_the_real_history() {
    let calendar = Settings::default().calendar;
    let outcome = optimize(&fixture().cards, &calendar, &[]).unwrap();
    assert_eq!(outcome.verdict, Verdict::Keep);
    let (default, fitted) = (outcome.current_fit.unwrap(), outcome.fitted_fit.unwrap());
    assert!(
        fitted.log_loss < default.log_loss,
        "{fitted:?} vs {default:?}"
    );
    assert_eq!(outcome.fitted.unwrap().len(), 21);
}

fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap()
}

fn review(time: &str, rating: Rating, starts_over: bool) -> Review {
    Review {
        time: at(time),
        rating,
        starts_over,
    }
}

#[test]
fn items_count_calendar_days_and_start_at_the_last_fresh_start() {
    let calendar = Settings::default().calendar;
    let card = vec![
        // Forgotten later: these two do not count.
        review("2026-10-01T10:00:00Z", Rating::Good, true),
        review("2026-10-05T10:00:00Z", Rating::Good, false),
        review("2026-11-01T10:00:00Z", Rating::Good, true),
        review("2026-11-01T10:10:00Z", Rating::Good, false),
        // 03:00 is still 1 November's day (it rolls over at 4:00).
        review("2026-11-02T03:00:00Z", Rating::Hard, false),
        review("2026-11-03T09:00:00Z", Rating::Good, false),
        review("2026-11-08T09:00:00Z", Rating::Again, false),
    ];
    let reviews = |pairs: &[(u32, u32)]| -> Vec<FSRSReview> {
        pairs
            .iter()
            .map(|&(rating, delta_t)| FSRSReview { rating, delta_t })
            .collect()
    };
    let got = items(&[card], &calendar);
    let expected = [
        reviews(&[(3, 0), (3, 0), (2, 0), (3, 2)]),
        reviews(&[(3, 0), (3, 0), (2, 0), (3, 2), (1, 5)]),
    ];
    let got: Vec<_> = got.into_iter().map(|item| item.reviews).collect();
    assert_eq!(got, expected);
}

/// `shared/cases/optimizer-inputs`: 1,200 cards answered once each, and 400 answered three
/// times on their first day only. Neither has a review on a later day than its card's first,
/// so no training item, however many reviews: nothing to fit, said as such.
#[test]
fn histories_without_a_later_day_have_nothing_to_fit() {
    let calendar = Settings::default().calendar;
    for (text, cards) in [
        (
            include_str!("../../tests/fixtures/cases/optimizer-inputs/once-each.csv"),
            1200,
        ),
        (
            include_str!("../../tests/fixtures/cases/optimizer-inputs/same-day-only.csv"),
            400,
        ),
    ] {
        let outcome = optimize(&revlog::parse(text).unwrap().cards, &calendar, &[]).unwrap();
        assert_eq!(
            (outcome.reviews, outcome.cards, outcome.items),
            (1200, cards, 0)
        );
        assert_eq!(outcome.cards_with_later_answers, 0);
        assert_eq!(outcome.verdict, Verdict::NoLaterAnswers);
        assert_eq!((outcome.current_fit, outcome.fitted), (None, None));
    }
}

/// Three cards: one answered on two days (1 item), one twice on one day, one once.
#[test]
fn cards_with_a_later_answer_are_counted() {
    let calendar = Settings::default().calendar;
    let cards = [
        vec![
            review("2026-10-01T10:00:00Z", Rating::Good, true),
            review("2026-10-03T10:00:00Z", Rating::Good, false),
        ],
        vec![
            review("2026-10-01T10:00:00Z", Rating::Again, true),
            review("2026-10-01T10:10:00Z", Rating::Good, false),
        ],
        vec![review("2026-10-02T10:00:00Z", Rating::Easy, true)],
    ];
    let outcome = optimize(&cards, &calendar, &[]).unwrap();
    assert_eq!((outcome.items, outcome.cards_with_later_answers), (1, 1));
    assert_eq!(outcome.verdict, Verdict::TooFewReviews);
    assert!(outcome.current_fit.is_some());
}

/// No review at all (a preset never studied, or cards with empty histories): its own verdict,
/// not "no later answers".
#[test]
fn no_reviews_is_its_own_verdict() {
    let calendar = Settings::default().calendar;
    for cards in [Vec::new(), vec![Vec::new(), Vec::new()]] {
        let outcome = optimize(&cards, &calendar, &[]).unwrap();
        assert_eq!((outcome.reviews, outcome.cards), (0, 0));
        assert_eq!(outcome.verdict, Verdict::NoReviews);
    }
}
