use std::borrow::Cow;
use std::io::Write;

use chrono::{DateTime, Duration, FixedOffset};

use super::*;
use crate::scheduler::{Rating, Scheduler, Schedulers, Settings};
use crate::store::{EventKind, NewEvent, NewKind};
use crate::study::tests::{learned, review};

fn time(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap()
}

fn scheduler() -> Scheduler {
    Scheduler::new(Settings::default()).unwrap()
}

/// The reference: the whole log read and replayed, with no snapshot involved.
fn full_states(store: &Store, scheduler: &impl Schedulers, day: Day) -> Vec<(Box<str>, Folded)> {
    let (history, _) = store.history().unwrap();
    let states = history.fold_each(scheduler, day);
    let mut states: Vec<(Box<str>, Folded)> = history
        .cards()
        .map(|(c, _)| Box::from(c))
        .zip(states)
        .collect();
    states.sort_by(|a, b| a.0.cmp(&b.0));
    states
}

fn sorted(states: ReplayedStates) -> Vec<(Box<str>, Folded)> {
    let mut states: Vec<(Box<str>, Folded)> = states.into_iter().collect();
    states.sort_by(|a, b| a.0.cmp(&b.0));
    states
}

/// Replays and saves the snapshot, as a command does.
fn replay_and_save(store: &Store, scheduler: &impl Schedulers, day: Day) -> Replayed {
    let mut replayed = store.replay(scheduler, day, Events::OnDemand).unwrap();
    let states: Vec<Folded> = replayed.states.iter().map(|(_, f)| f.clone()).collect();
    store
        .write_snapshot(
            scheduler,
            day,
            &replayed.history,
            states,
            &replayed.position,
            &replayed.problems,
        )
        .unwrap();
    replayed.history = ready(History::default());
    replayed
}

fn undo(id: &str, target: &str, card: &str, at: DateTime<FixedOffset>) -> NewEvent {
    NewEvent {
        id: id.into(),
        time: at,
        card: Some(card.into()),
        deck: None,
        kind: EventKind::Undo {
            target: Cow::Owned(target.into()),
        },
    }
}

/// A few days of answers on three cards in two decks, with practice and a bury.
fn first_days(store: &Store, t0: DateTime<FixedOffset>) {
    for (i, card) in ["a/1", "a/2", "b/1"].iter().enumerate() {
        for day in 0..3 {
            let at = t0 + Duration::days(day) + Duration::minutes(i64::try_from(i).unwrap());
            store
                .append(&review(&format!("{card}-{day}"), card, Rating::Good, at))
                .unwrap();
        }
    }
    store
        .append(&learned("l1", "a/1", "written", t0 + Duration::hours(1)))
        .unwrap();
    let bury = NewEvent::for_card("b/1", t0 + Duration::days(2), NewKind::Bury);
    store.append(&bury).unwrap();
}

/// A store in a temporary folder with [`first_days`] in its log, the default scheduler, and
/// the time the log starts.
fn with_first_days() -> (tempfile::TempDir, Store, Scheduler, DateTime<FixedOffset>) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path(), "pc");
    let t0 = time("2026-11-20T10:00:00+01:00");
    first_days(&store, t0);
    (dir, store, scheduler(), t0)
}

#[test]
fn appended_events_undos_and_resets_replay_as_the_whole_log_does() {
    let (dir, store, scheduler, t0) = with_first_days();
    let day = scheduler.calendar().day(t0 + Duration::days(2));
    assert_eq!(
        replay_and_save(&store, &scheduler, day).source,
        Source::Full
    );

    // After the snapshot: an undo of an answer it holds, a reset of Learn in deck a (it
    // holds a's Learn answer), a new card, and an answer from another device.
    let later = t0 + Duration::days(2) + Duration::hours(2);
    store.append(&undo("u1", "a/2-2", "a/2", later)).unwrap();
    let reset = NewEvent::for_deck(
        "a",
        later,
        EventKind::Reset {
            mode: Cow::Borrowed("learn"),
        },
    );
    store.append(&reset).unwrap();
    store
        .append(&review("new", "a/3", Rating::Easy, later))
        .unwrap();
    Store::new(dir.path(), "phone")
        .append(&review("p1", "b/1", Rating::Again, later))
        .unwrap();

    let replayed = store.replay(&scheduler, day, Events::OnDemand).unwrap();
    assert_eq!(
        replayed.source,
        Source::Snapshot {
            lines_after: 4,
            deferred: false,
            moved: 0,
        }
    );
    let expected = full_states(&store, &scheduler, day);
    assert_eq!(sorted(replayed.states), expected);
    // The undo took a/2 back to two answers, the reset cleared a/1's Learn level.
    let a2 = &expected
        .iter()
        .find(|(c, _)| c.as_ref() == "a/2")
        .unwrap()
        .1;
    assert_eq!(a2.state.reps, 2);
    let a1 = &expected
        .iter()
        .find(|(c, _)| c.as_ref() == "a/1")
        .unwrap()
        .1;
    assert_eq!(a1.practice.learn, crate::store::LearnLevel::Unseen);
}

#[test]
fn an_unchanged_log_starts_from_the_states_alone_and_reads_events_later() {
    let (_dir, store, scheduler, t0) = with_first_days();
    let day = scheduler.calendar().day(t0 + Duration::days(2));
    replay_and_save(&store, &scheduler, day);

    let replayed = store.replay(&scheduler, day, Events::Background).unwrap();
    assert_eq!(
        replayed.source,
        Source::Snapshot {
            lines_after: 0,
            deferred: true,
            moved: 0,
        }
    );
    assert!(replayed.has_events);
    assert_eq!(
        sorted(replayed.states),
        full_states(&store, &scheduler, day)
    );
    // Forcing the history waits for the thread, even before it was told to start.
    let (full, _) = store.history().unwrap();
    assert_eq!(replayed.history.event_count(), full.event_count());
    assert_eq!(replayed.history.event_count(), 11);
}

#[test]
fn a_new_day_clears_the_daily_tallies_without_replaying() {
    let (_dir, store, scheduler, t0) = with_first_days();
    let day = scheduler.calendar().day(t0 + Duration::days(2));
    let before = replay_and_save(&store, &scheduler, day);
    let answered: u32 = before.states.iter().map(|(_, f)| f.answers_that_day).sum();
    assert_eq!(
        answered, 3,
        "each card was answered once on the snapshot's day"
    );

    let replayed = store.replay(&scheduler, day + 1, Events::OnDemand).unwrap();
    assert!(matches!(
        replayed.source,
        Source::Snapshot { deferred: true, .. }
    ));
    let states = sorted(replayed.states);
    assert!(states.iter().all(|(_, f)| f.answers_that_day == 0));
    assert_eq!(states, full_states(&store, &scheduler, day + 1));
}

#[test]
fn a_log_changed_inside_what_the_snapshot_covered_is_replayed_in_full() {
    let (_dir, store, scheduler, t0) = with_first_days();
    let day = scheduler.calendar().day(t0);
    replay_and_save(&store, &scheduler, day);
    // Same length, another rating: only a hash of the bytes can tell.
    let text = std::fs::read_to_string(store.device_file()).unwrap();
    let changed = text.replacen("\"rating\":3", "\"rating\":1", 1);
    assert_ne!(text, changed);
    std::fs::write(store.device_file(), &changed).unwrap();

    let replayed = store.replay(&scheduler, day, Events::OnDemand).unwrap();
    assert_eq!(replayed.source, Source::Full);
    assert_eq!(
        sorted(replayed.states),
        full_states(&store, &scheduler, day)
    );
}

#[test]
fn a_log_file_gone_or_another_calendar_replay_in_full_and_other_settings_every_card() {
    let (dir, store, scheduler, t0) = with_first_days();
    let phone = Store::new(dir.path(), "phone");
    phone.append(&review("p", "b/9", Rating::Good, t0)).unwrap();
    let day = scheduler.calendar().day(t0);
    replay_and_save(&store, &scheduler, day);

    // Another retention: the snapshot's events are used, every card is folded again.
    let retention = Scheduler::new(Settings {
        desired_retention: 0.95,
        ..Settings::default()
    })
    .unwrap();
    let replayed = store.replay(&retention, day, Events::OnDemand).unwrap();
    assert!(matches!(
        replayed.source,
        Source::Snapshot {
            deferred: false,
            ..
        }
    ));
    assert_eq!(
        sorted(replayed.states),
        full_states(&store, &retention, day)
    );
    assert_ne!(
        full_states(&store, &retention, day),
        full_states(&store, &scheduler, day),
        "the retention changes the schedule"
    );
    // Another rollover hour: the days themselves differ.
    let mut rollover = Settings::default();
    rollover.calendar.rollover_hour = 0;
    let rollover = Scheduler::new(rollover).unwrap();
    let replayed = store.replay(&rollover, day, Events::OnDemand).unwrap();
    assert_eq!(replayed.source, Source::Full);

    std::fs::remove_file(phone.device_file()).unwrap();
    let replayed = store.replay(&scheduler, day, Events::OnDemand).unwrap();
    assert_eq!(replayed.source, Source::Full);
    assert!(
        replayed
            .states
            .iter()
            .all(|(card, _)| card.as_ref() != "b/9")
    );
}

/// States cached before the scheduler's rules changed (`scheduler::RULES`: the fuzz floor,
/// day-long steps) are not used: the snapshot's settings check covers the rules.
#[test]
fn a_snapshot_made_under_earlier_scheduling_rules_is_replayed_in_full() {
    let (_dir, store, scheduler, t0) = with_first_days();
    let day = scheduler.calendar().day(t0);
    replay_and_save(&store, &scheduler, day);
    // What a snapshot of other rules holds: another hash of the calendar.
    rewrite_header(&store, |header| {
        header.collection =
            xxhash_rust::xxh3::xxh3_64(format!("{:?}", scheduler.calendar()).as_bytes());
    });
    let replayed = store.replay(&scheduler, day, Events::OnDemand).unwrap();
    assert_eq!(replayed.source, Source::Full);
    // Unchanged, it is used.
    replay_and_save(&store, &scheduler, day);
    let replayed = store.replay(&scheduler, day, Events::OnDemand).unwrap();
    assert!(matches!(replayed.source, Source::Snapshot { .. }));
}

/// Changes the saved snapshot's header, keeping the rest.
fn rewrite_header(store: &Store, change: impl FnOnce(&mut file::Header)) {
    let path = store.cache_file();
    let bytes = std::fs::read(&path).unwrap();
    let magic = b"flashdeck replay cache\n".len();
    let length = usize::try_from(u64::from_le_bytes(
        bytes[magic..magic + 8].try_into().unwrap(),
    ))
    .unwrap();
    let mut header: file::Header =
        postcard::from_bytes(&bytes[magic + 8..magic + 8 + length]).unwrap();
    change(&mut header);
    let encoded = postcard::to_stdvec(&header).unwrap();
    let mut older = bytes[..magic].to_vec();
    older.extend_from_slice(&(encoded.len() as u64).to_le_bytes());
    older.extend_from_slice(&encoded);
    older.extend_from_slice(&crate::digest::of(&encoded));
    // The header's own digest, 8 bytes, is replaced by the one above.
    older.extend_from_slice(&bytes[magic + 8 + length + 8..]);
    std::fs::write(&path, older).unwrap();
}

/// A snapshot of format 13 held each entry as serde's fields, which format 14's reader
/// would misread; one of format 15 may hold a torn line's answer or lack a first line after a
/// byte order mark (a fresh tester's upgrade from the binary before). Each is replayed in
/// full, and the new one saved over it is used.
#[test]
fn a_snapshot_of_an_earlier_format_is_replayed_in_full_and_saved_again() {
    for earlier in [13, 15] {
        let (_dir, store, scheduler, t0) = with_first_days();
        let day = scheduler.calendar().day(t0);
        replay_and_save(&store, &scheduler, day);
        rewrite_header(&store, |header| header.format = earlier);
        let replayed = store.replay(&scheduler, day, Events::OnDemand).unwrap();
        assert_eq!(replayed.source, Source::Full, "format {earlier}");
        replay_and_save(&store, &scheduler, day);
        let replayed = store.replay(&scheduler, day, Events::OnDemand).unwrap();
        assert!(matches!(replayed.source, Source::Snapshot { .. }));
    }
}

#[test]
fn a_damaged_snapshot_is_rebuilt_and_a_foreign_file_left_alone() {
    let (_dir, store, scheduler, t0) = with_first_days();
    let day = scheduler.calendar().day(t0);
    replay_and_save(&store, &scheduler, day);
    let bytes = std::fs::read(store.cache_file()).unwrap();
    std::fs::write(store.cache_file(), &bytes[..bytes.len() / 2]).unwrap();

    assert_eq!(
        replay_and_save(&store, &scheduler, day).source,
        Source::Full
    );
    let replayed = store.replay(&scheduler, day, Events::OnDemand).unwrap();
    assert!(matches!(replayed.source, Source::Snapshot { .. }));

    // Cut short inside its first line, even to nothing, it is still flashdeck's: rebuilt.
    for cut in [0, 7] {
        std::fs::write(store.cache_file(), &bytes[..cut]).unwrap();
        replay_and_save(&store, &scheduler, day);
        let replayed = store.replay(&scheduler, day, Events::OnDemand).unwrap();
        assert!(
            matches!(replayed.source, Source::Snapshot { .. }),
            "cut at {cut}"
        );
    }

    std::fs::write(store.cache_file(), "notes I keep here\n").unwrap();
    let replayed = store.replay(&scheduler, day, Events::OnDemand).unwrap();
    assert_eq!(replayed.source, Source::Full);
    let states: Vec<Folded> = replayed.states.iter().map(|(_, f)| f.clone()).collect();
    let error = store
        .write_snapshot(
            &scheduler,
            day,
            &replayed.history,
            states,
            &replayed.position,
            &[],
        )
        .unwrap_err();
    assert_eq!(error.kind(), io::ErrorKind::AlreadyExists);
    assert_eq!(
        std::fs::read_to_string(store.cache_file()).unwrap(),
        "notes I keep here\n"
    );
}

/// A bit flipped anywhere in the snapshot (a disk's or a copy's error) is never relied on:
/// every card's state and the events are the log's, whichever byte it was.
#[test]
fn a_byte_changed_anywhere_in_the_snapshot_is_never_relied_on() {
    let (_dir, store, scheduler, t0) = with_first_days();
    let day = scheduler.calendar().day(t0 + Duration::days(2));
    replay_and_save(&store, &scheduler, day);
    let full = full_states(&store, &scheduler, day);
    let whole = std::fs::read(store.cache_file()).unwrap();
    for at in 0..whole.len() {
        let mut changed = whole.clone();
        changed[at] ^= 0x04;
        std::fs::write(store.cache_file(), &changed).unwrap();
        let replayed = store.replay(&scheduler, day, Events::OnDemand).unwrap();
        assert_eq!(replayed.history.event_count(), 11, "byte {at}");
        assert_eq!(sorted(replayed.states), full, "byte {at}");
    }
}

#[test]
fn a_torn_last_line_stays_reported_and_reading_on_finds_what_follows() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path(), "pc");
    let scheduler = scheduler();
    let t0 = time("2026-11-20T10:00:00+01:00");
    store.append(&review("a", "d/1", Rating::Good, t0)).unwrap();
    let mut file = std::fs::OpenOptions::new()
        .append(true)
        .open(store.device_file())
        .unwrap();
    file.write_all(br#"{"id":"b","time":"2026-11-2"#).unwrap();
    let day = scheduler.calendar().day(t0);
    let saved = replay_and_save(&store, &scheduler, day);
    assert_eq!(saved.problems.len(), 1);

    let mut replayed = store.replay(&scheduler, day, Events::OnDemand).unwrap();
    assert!(matches!(
        replayed.source,
        Source::Snapshot { deferred: true, .. }
    ));
    assert_eq!(replayed.problems.len(), 1, "{:?}", replayed.problems);
    assert_eq!(replayed.problems[0].line, 2);

    store.append(&review("c", "d/2", Rating::Good, t0)).unwrap();
    assert!(store.is_behind(&replayed.position).unwrap());
    let (events, problems) = store.read_since(&mut replayed.position).unwrap();
    let ids: Vec<_> = events.iter().map(|e| e.card.as_deref()).collect();
    assert_eq!(ids, [Some("d/2")], "the torn line is reported, c is read");
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].line, 2);
    assert!(!store.is_behind(&replayed.position).unwrap());
    assert!(
        store
            .read_since(&mut replayed.position)
            .unwrap()
            .0
            .is_empty()
    );
}

#[test]
fn a_relink_after_the_snapshot_and_one_inside_it_replay_as_the_whole_log_does() {
    let (dir, store, scheduler, t0) = with_first_days();
    let day = scheduler.calendar().day(t0 + Duration::days(2));
    replay_and_save(&store, &scheduler, day);
    // Another device relinks a/2's history onto a/9, a card with none.
    let later = t0 + Duration::days(2) + Duration::hours(2);
    let relink = NewEvent {
        id: "r1".into(),
        time: later,
        card: Some("a/9".into()),
        deck: None,
        kind: NewKind::Relink { from: "a/2".into() },
    };
    Store::new(dir.path(), "phone").append(&relink).unwrap();
    let replayed = replay_and_save(&store, &scheduler, day);
    assert!(matches!(replayed.source, Source::Snapshot { .. }));
    let expected = full_states(&store, &scheduler, day);
    assert_eq!(sorted(replayed.states), expected);
    let state = |card: &str| &expected.iter().find(|(c, _)| c.as_ref() == card).unwrap().1;
    assert_eq!((state("a/9").state.reps, state("a/2").state.reps), (3, 0));

    // The snapshot now holds the relink: its events, read back, still know where a/2's go.
    let unchanged = store.replay(&scheduler, day, Events::OnDemand).unwrap();
    let history = std::sync::LazyLock::force(&unchanged.history);
    assert_eq!(history.relinked_to("a/2"), Some("a/9"));
    assert_eq!(history.fold("a/9", &scheduler, day).state.reps, 3);

    // Its undo comes after it.
    store.append(&undo("u1", "r1", "a/9", later)).unwrap();
    let replayed = store.replay(&scheduler, day, Events::OnDemand).unwrap();
    assert!(matches!(replayed.source, Source::Snapshot { .. }));
    let expected = full_states(&store, &scheduler, day);
    assert_eq!(sorted(replayed.states), expected);
    let state = |card: &str| &expected.iter().find(|(c, _)| c.as_ref() == card).unwrap().1;
    assert_eq!((state("a/9").state.reps, state("a/2").state.reps), (0, 3));
}

mod presets;

/// A wrong practice pick read back from the snapshot is the one in the log, an undone one
/// left out either way.
#[test]
fn the_snapshot_keeps_wrong_picks() {
    let (_dir, store, scheduler, t0) = with_first_days();
    let pick = |id: &str, chosen: &str| NewEvent {
        id: id.into(),
        ..NewEvent::for_card(
            "a/1",
            t0 + Duration::hours(2),
            NewKind::confused(
                crate::practice::Mode::Test,
                crate::practice::Question::Choice,
                chosen,
            ),
        )
    };
    store
        .append_all(&[pick("p1", "a/2"), pick("p2", "b/1")])
        .unwrap();
    store
        .append(&undo("u", "p2", "a/1", t0 + Duration::hours(3)))
        .unwrap();
    let day = scheduler.calendar().day(t0 + Duration::days(2));
    replay_and_save(&store, &scheduler, day);
    let replayed = store.replay(&scheduler, day, Events::OnDemand).unwrap();
    assert!(matches!(replayed.source, Source::Snapshot { .. }));
    let picks: Vec<(String, String)> = replayed
        .history
        .confusions()
        .map(|c| (c.card.to_owned(), c.chosen.to_owned()))
        .collect();
    assert_eq!(picks, [("a/1".to_owned(), "a/2".to_owned())]);
}
