//! Easy days and load balancing through the review session, as the app answers: a season
//! with a free Sunday, the day a button shows being the day recorded, and replay of recorded
//! days on other devices.

use chrono::{Datelike, NaiveDate, Weekday};

use super::*;
use crate::scheduler::calendar::{date_of_day, day_of_date};
use crate::scheduler::{CardState, Day, Due, EasyDays, Phase, Scheduler};
use crate::store::{EventKind, Store};
use crate::study::tests::{collection, study_of, study_with};

fn is_sunday(day: Day) -> bool {
    date_of_day(day).is_some_and(|date| date.weekday() == Weekday::Sun)
}

/// A rating for an answer that looks like a learner's, the same on every run: mostly Good,
/// some Again, Hard and Easy.
fn rating_for(card: &str, day: usize) -> Rating {
    let hash = card.bytes().fold(day * 31, |h, b| h * 131 + usize::from(b)) % 20;
    match hash {
        0 | 1 => Rating::Again,
        2 | 3 => Rating::Hard,
        4 | 5 => Rating::Easy,
        _ => Rating::Good,
    }
}

/// Answers every card shown on each of `days` days from Monday 2026-11-30, as the app does,
/// and returns the states at the end and, for every answer that left a review card due on a
/// Sunday, its interval.
fn season(settings: Settings, days: usize) -> (Study, Vec<u32>, usize) {
    let start = time("2026-11-30T09:00:00+01:00");
    let mut study = study_with(80, settings, &[], start);
    let mut on_sundays = Vec::new();
    let mut answers = 0;
    for day in 0..days {
        let mut now = start + Duration::days(i64::try_from(day).unwrap());
        study.roll_day(now);
        let mut session = ReviewSession::start(&study, vec![0], "D".into(), now);
        let mut seen = std::collections::HashSet::new();
        while session.current.is_some() {
            let card = session.current.as_ref().unwrap().card.to_string();
            // A card seen again the same day (a learning step) is passed.
            let rating = if seen.insert(card.clone()) {
                rating_for(&card, day)
            } else {
                Rating::Good
            };
            grade(&mut session, &mut study, rating, now);
            answers += 1;
            let state = study.state(&card);
            if let (Phase::Review, Due::Day(due)) = (state.phase, state.due)
                && is_sunday(due)
            {
                on_sundays.push(state.scheduled_days);
            }
            now += Duration::seconds(20);
        }
    }
    (study, on_sundays, answers)
}

/// The test: 60 days answered with Sunday at 0 % (and Saturday at 50 %) leave no
/// review due on a Sunday but for cards whose whole fuzz range is that Sunday: intervals of
/// at most 2 days, which are not fuzzed (fuzz starts at 2.5 days, Anki's `fuzz_delta`). The
/// same season with every day at 100 % puts longer intervals on Sundays, so the check bites.
#[test]
fn sixty_days_with_a_free_sunday_leave_no_review_due_on_sundays() {
    let settings = Settings {
        easy_days: EasyDays([100, 100, 100, 100, 100, 50, 0]),
        new_per_day: 8,
        ..Settings::default()
    };
    let (study, on_sundays, answers) = season(settings.clone(), 60);
    assert!(answers > 400, "a real season: {answers} answers");
    assert!(
        on_sundays.iter().all(|&days| days <= 2),
        "fuzzed intervals put on a Sunday: {on_sundays:?}"
    );
    // And at the end, the cards waiting: none on a Sunday but unfuzzed ones; Saturdays are used.
    let waiting: Vec<&CardState> = (0..80)
        .map(|i| study.state(&format!("d/c{i}")))
        .filter(|s| s.phase == Phase::Review)
        .collect();
    let due_on = |sunday: bool| {
        waiting
            .iter()
            .filter(|s| matches!(s.due, Due::Day(d) if is_sunday(d) == sunday))
            .count()
    };
    assert!(waiting.iter().all(|s| match s.due {
        Due::Day(d) => !is_sunday(d) || s.scheduled_days <= 2,
        _ => true,
    }));
    assert!(due_on(false) > 40, "most cards are waiting on other days");

    let normal = Settings {
        new_per_day: 8,
        ..Settings::default()
    };
    let (_, on_sundays, _) = season(normal, 60);
    assert!(
        on_sundays.iter().filter(|&&days| days > 2).count() > 20,
        "without easy days Sundays get fuzzed intervals too: {on_sundays:?}"
    );
}

/// `d/c0` learnt 30 days before `now` and reviewed 22 days before, for 20 days: due now, its
/// next Good (80 days) within the 90 that load balancing covers.
fn graduated_long_ago(now: DateTime<FixedOffset>) -> [NewEvent; 3] {
    let learnt = now - Duration::days(30);
    [
        review("r1", "d/c0", Rating::Good, learnt),
        review("r2", "d/c0", Rating::Good, learnt + Duration::minutes(10)),
        review("r3", "d/c0", Rating::Good, now - Duration::days(22)),
    ]
}

/// The answer records the day its button showed.
#[test]
fn the_answer_records_the_day_its_button_showed() {
    let now = time(NOW);
    let history = graduated_long_ago(now);
    let mut study = study_with(1, Settings::default(), &history, now);
    let mut session = ReviewSession::start(&study, vec![0], "D".into(), now);
    session.reveal();
    let outcomes = session.current.as_ref().unwrap().outcomes.unwrap();
    let shown = outcomes.due(Rating::Good).unwrap();
    let Interval::Days(days) = outcomes.interval(Rating::Good) else {
        panic!("a review card's Good is days")
    };
    assert_eq!(shown, study.day() + i32::try_from(days).unwrap());
    let event = session.answer(Rating::Good, now).unwrap();
    let EventKind::Review { due, .. } = &event.kind else {
        panic!("an answer")
    };
    assert_eq!(*due, date_of_day(shown));
    session.applied(&mut study, &event, now);
    assert_eq!(study.state("d/c0").due, Due::Day(shown));
}

const TODAY: &str = "2026-12-01T10:00:00+01:00";
/// c0 and the 288 cards that keep the days ahead busy.
const CARDS: usize = 289;

/// A review card `d/c0` answered long ago, due now; every other card (c1 to c288) set
/// due 1 to 96 days ahead, three a day, but for `free`, whose three wait 150 days. Written as
/// the laptop's log.
fn laptop_log(free: Day) -> Vec<NewEvent> {
    let now = time(TODAY);
    let today = Settings::default().calendar.day(now);
    let mut events = graduated_long_ago(now).to_vec();
    let mut card = 1;
    for days in 1..=96 {
        let day = if today + days == free {
            today + 150
        } else {
            today + days
        };
        for _ in 0..3 {
            let due = date_of_day(day).unwrap();
            let kind = NewKind::SetDue {
                due,
                interval: None,
            };
            let at = now - Duration::days(1);
            events.push(NewEvent::for_card(&format!("d/c{card}"), at, kind));
            card += 1;
        }
    }
    events
}

/// c0's Good day at `TODAY` from a replay of `events` with load balancing off: what the
/// fuzz alone gives, without counts.
fn replayed_good(events: &[NewEvent]) -> Day {
    let settings = Settings {
        load_balance: false,
        ..Settings::default()
    };
    let study = study_of(collection(CARDS), settings, events, time(TODAY));
    match study.state("d/c0").due {
        Due::Day(day) => day,
        other => panic!("c0 is a review card, due {other:?}"),
    }
}

/// Two devices: the laptop's log has every day of the next three months busy but one; the
/// phone answers c0 Good with load balancing, which puts it on the free day, and writes that
/// day in its own file. A tablet, with load balancing off and no counts, replays both files
/// into the same day. Without the recorded day it would have c0 on the fuzz's own day; a day
/// edited outside the fuzz range is ignored the same way.
#[test]
fn recorded_days_replay_the_same_on_another_device() {
    let now = time(TODAY);
    let today = Settings::default().calendar.day(now);
    // Where the fuzz alone puts c0's Good, and a free day next to it in its range.
    let no_balance = Settings {
        load_balance: false,
        ..Settings::default()
    };
    let setup = study_of(collection(CARDS), no_balance, &laptop_log(Day::MIN), now);
    let plain = setup.next_states("d/c0", now)[2].due.unwrap();
    let in_range = |day: Day| {
        let placement = crate::scheduler::Placement::Recorded(day);
        let state = setup.state("d/c0");
        let (next, _) = setup
            .scheduler
            .answer_placed(state, "d/c0", Rating::Good, now, placement);
        next.due == Due::Day(day)
    };
    let free = if in_range(plain + 1) {
        plain + 1
    } else {
        plain - 1
    };
    assert!(in_range(free) && free != plain && free > today && free - today <= 90);

    let dir = tempfile::tempdir().unwrap();
    let laptop = Store::new(dir.path(), "laptop");
    laptop.append_all(&laptop_log(free)).unwrap();
    // The phone: the app's path, from the laptop's log.
    let (history, problems) = Store::new(dir.path(), "phone").history().unwrap();
    assert!(problems.is_empty());
    let scheduler = Scheduler::new(Settings::default()).unwrap();
    let mut phone = Study::new(collection(CARDS), history, scheduler, now);
    let mut session = ReviewSession::start(&phone, vec![0], "D".into(), now);
    assert_eq!(session.current.as_ref().map(|c| &*c.card), Some("d/c0"));
    session.reveal();
    let answer = session.answer(Rating::Good, now).unwrap();
    Store::new(dir.path(), "phone")
        .append_all(std::slice::from_ref(&answer))
        .unwrap();
    session.applied(&mut phone, &answer, now);
    assert_eq!(
        phone.state("d/c0").due,
        Due::Day(free),
        "balanced onto the free day"
    );

    // The tablet reads both files, load balancing off.
    let (history, _) = Store::new(dir.path(), "tablet").history().unwrap();
    let tablet_settings = Settings {
        load_balance: false,
        ..Settings::default()
    };
    let tablet = Study::new(
        collection(CARDS),
        history,
        Scheduler::new(tablet_settings).unwrap(),
        now,
    );
    assert_eq!(tablet.state("d/c0").due, Due::Day(free));

    // The same answer without its day, or with one outside the fuzz range: the fuzz's day.
    let mut events = laptop_log(free);
    let mut edited = answer.clone();
    events.push(edited.clone());
    assert_eq!(replayed_good(&events), free);
    for due in [
        None,
        date_of_day(today + 200),
        NaiveDate::from_ymd_opt(2020, 1, 1),
    ] {
        if let NewKind::Review { due: recorded, .. } = &mut edited.kind {
            *recorded = due;
        }
        *events.last_mut().unwrap() = edited.clone();
        assert_eq!(replayed_good(&events), plain, "recorded {due:?}");
    }
    assert_eq!(day_of_date(date_of_day(free).unwrap()), free);
}
