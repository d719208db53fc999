use chrono::{DateTime, FixedOffset, NaiveDate};

use super::*;
use crate::optimize::revlog;
use crate::scheduler::{Rating, Settings};

fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap()
}

fn date(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

const NOW: &str = "2026-11-30T10:00:00+01:00";

fn check_at(cards: &[Vec<Review>]) -> Option<Implausible> {
    check(cards, &Settings::default().calendar, at(NOW))
}

/// One card answered Good at each time.
fn card(times: &[&str]) -> Vec<Review> {
    times
        .iter()
        .map(|time| Review {
            time: at(time),
            rating: Rating::Good,
            starts_over: false,
        })
        .collect()
}

/// `shared/cases/optimizer-inputs/seconds-not-ms.csv`: 1,500 times from 1,740,819,600 to
/// 1,752,829,200. As milliseconds they all fall on 1970-01-21 (03:33 to 06:53 UTC); as
/// seconds they run from 2025-03-01 09:00 to 2025-07-18 09:00 UTC.
#[test]
fn a_revlog_in_seconds_is_named_as_such() {
    let text = include_str!("../../../tests/fixtures/cases/optimizer-inputs/seconds-not-ms.csv");
    let cards = revlog::parse(text).unwrap().cards;
    let found = check_at(&cards).unwrap();
    assert_eq!(
        found,
        Implausible::Seconds {
            reviews: 1500,
            first: date("1970-01-21"),
            last: date("1970-01-21"),
            first_as_seconds: date("2025-03-01"),
            last_as_seconds: date("2025-07-18"),
        }
    );
    assert!(
        found
            .to_string()
            .starts_with("review_time looks like seconds; the format is milliseconds"),
        "{found}"
    );
}

#[test]
fn reviews_before_2006_or_after_now_are_refused() {
    let old = card(&["2005-12-31T23:59:00Z", "2024-03-01T10:00:00Z"]);
    assert_eq!(
        check_at(&[old, card(&["2024-03-02T10:00:00Z"])]),
        Some(Implausible::BeforeReviewLogs {
            count: 1,
            reviews: 3,
            first: date("2005-12-31"),
        })
    );
    // 1970 but not seconds either: read as seconds 9,000,000,000 is the year 2255.
    let early = card(&["1970-04-15T04:00:00Z", "1970-04-16T04:00:00Z"]);
    assert!(matches!(
        check_at(&[early]),
        Some(Implausible::BeforeReviewLogs { count: 2, .. })
    ));
    let ahead = card(&["2026-11-29T10:00:00+01:00", "2026-11-30T10:00:01+01:00"]);
    assert_eq!(
        check_at(&[ahead]),
        Some(Implausible::Future {
            count: 1,
            reviews: 2,
            last: date("2026-11-30"),
        })
    );
}

/// 03:59 on the 2nd still counts for the 1st (rollover 4:00).
#[test]
fn a_whole_history_on_one_day_is_refused() {
    let cards = [
        card(&["2025-03-01T09:00:00Z", "2025-03-01T09:10:00Z"]),
        card(&["2025-03-02T03:59:00Z"]),
    ];
    assert_eq!(
        check_at(&cards),
        Some(Implausible::OneDay {
            reviews: 3,
            day: date("2025-03-01"),
        })
    );
    let two_days = [
        card(&["2025-03-01T09:00:00Z"]),
        card(&["2025-03-02T04:00:00Z"]),
    ];
    assert_eq!(check_at(&two_days), None);
}

#[test]
fn the_real_history_is_plausible() {
    let text = include_str!("../../../tests/fixtures/review-log-one-user-2024.csv");
    assert_eq!(check_at(&revlog::parse(text).unwrap().cards), None);
    assert_eq!(check_at(&[]), None, "nothing to check");
}
