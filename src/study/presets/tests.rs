use std::fmt::Write as _;
use std::path::Path;

use chrono::{Datelike, Duration};

use super::*;
use crate::config;
use crate::deck::{DeckId, Source, parse_deck};
use crate::scheduler::{Due, Interval, Phase, Rating};
use crate::store::{History, NewEvent};
use crate::study::Study;
use crate::study::tests::{review, time};

const NOW: &str = "2026-11-27T10:00:00+01:00";

/// A deck `id` of `cards` cards `c0`.. with `extra` in its `[deck]` table.
fn deck(id: &str, extra: &str, cards: usize) -> Deck {
    let mut text = format!("[deck]\nname = \"{id}\"\n{extra}");
    for i in 0..cards {
        let _ = write!(
            text,
            "[[cards]]\nid = \"c{i}\"\nfront = \"f{i}\"\nback = \"b{i}\"\n"
        );
    }
    parse_deck(DeckId::new(id), Source::Bundled, &text).unwrap()
}

fn collection(decks: Vec<Deck>) -> Collection {
    Collection {
        decks,
        broken: Vec::new(),
    }
}

/// The presets a settings file's `text` defines.
fn presets_of(text: &str) -> Presets {
    let (config, problems) = config::parse(text, Path::new("config.toml"));
    assert!(problems.is_empty(), "{problems:?}");
    crate::library::presets(&config).unwrap()
}

const SETTINGS: &str = "[presets.lang]\ndecks = [\"lang/**\"]\nlearning_steps = [\"1h\"]\nnew_per_day = 1\n\n\
                        [presets.slow]\ndecks = [\"lang/spanish\", \"math\"]\nlearning_steps = [\"2h\"]\n";

#[test]
fn the_deck_file_wins_over_a_glob_and_a_glob_over_the_global_section() {
    let mut presets = presets_of(SETTINGS);
    let decks = collection(vec![
        deck("lang/spanish", "preset = \"slow\"\n", 1),
        deck("lang/french", "", 1),
        deck("lang/german", "preset = \"fast\"\n", 1),
        deck("math", "", 1),
        deck("history", "", 1),
    ]);
    presets.resolve(&decks);
    let choices: Vec<Choice> = (0..5).map(|deck| presets.choice(deck).clone()).collect();
    assert_eq!(
        choices,
        [
            // Named on line 3 of its file; `lang/**` of the first preset matches it too.
            Choice {
                preset: 2,
                reason: Reason::DeckFile { line: 3 }
            },
            Choice {
                preset: 1,
                reason: Reason::Glob("lang/**".into())
            },
            // A name the settings lack: the global section, not the glob.
            Choice {
                preset: 0,
                reason: Reason::Unknown {
                    name: "fast".into(),
                    line: 3
                }
            },
            Choice {
                preset: 2,
                reason: Reason::Glob("math".into())
            },
            Choice {
                preset: 0,
                reason: Reason::Global
            },
        ]
    );
    assert_eq!(
        [0, 1, 2].map(|index| presets.name(index)),
        [None, Some("lang"), Some("slow")]
    );
    assert_eq!(presets.index_of("slow"), Some(2));
    // A card finds its scheduler by its deck; a card no deck has, the global one.
    let steps = |card: &str| presets.for_card(card).settings().learning_steps.clone();
    assert_eq!(steps("lang/spanish/c0"), [7200]);
    assert_eq!(steps("lang/french/c0"), [3600]);
    assert_eq!(steps("lang/german/c0"), [60, 600]);
    assert_eq!(steps("gone/c0"), [60, 600]);
}

#[test]
fn the_first_preset_in_the_file_takes_a_deck_two_globs_match() {
    let mut presets = presets_of(
        "[presets.z]\ndecks = [\"lang/*\"]\n[presets.a]\ndecks = [\"lang/**\", \"lang/spanish\"]\n",
    );
    presets.resolve(&collection(vec![deck("lang/spanish", "", 1)]));
    assert_eq!(presets.name(presets.preset_of(0)), Some("z"));
}

/// `decks` under [`SETTINGS`] after Again on `lang/french/c0` and `math/c0` at [`NOW`].
fn study_with_two_agains(decks: Collection) -> Study {
    let now = time(NOW);
    let events = [
        review("1", "lang/french/c0", Rating::Again, now),
        review("2", "math/c0", Rating::Again, now),
    ];
    let history = History::from_events(events.iter().map(NewEvent::to_event).collect());
    Study::with_presets(decks, history, presets_of(SETTINGS), now)
}

#[test]
fn a_preset_schedules_its_decks_and_leaves_the_others_alone() {
    let now = time(NOW);
    let decks = collection(vec![
        deck("lang/french", "", 3),
        deck("math", "preset = \"nope\"\n", 3),
    ]);
    let study = study_with_two_agains(decks);
    // Again on a new card waits the first learning step: the preset's hour, the global minute.
    assert_eq!(
        study.state("lang/french/c0").due,
        Due::At(now + Duration::hours(1))
    );
    assert_eq!(
        study.state("math/c0").due,
        Due::At(now + Duration::minutes(1))
    );
    assert_eq!(study.state("math/c0").phase, Phase::Learning { step: 0 });
    // The answer buttons of an unseen card say the same.
    assert_eq!(
        study.preview("lang/french/c1", now)[0],
        Interval::Secs(3600)
    );
    assert_eq!(study.preview("math/c1", now)[0], Interval::Secs(60));
    // The preset allows one new card a day, used up by c0; the global section 20.
    assert_eq!(study.due_counts(0, now).new, 0);
    assert_eq!(study.due_counts(1, now).new, 2);
}

#[test]
fn a_deck_moved_to_another_preset_by_an_edit_is_replayed_by_it() {
    let now = time(NOW);
    let before = collection(vec![deck("lang/french", "", 1), deck("math", "", 1)]);
    let mut study = study_with_two_agains(before);
    assert_eq!(
        study.state("math/c0").due,
        Due::At(now + Duration::hours(2)),
        "`math` is a glob of `slow`"
    );
    study.replace_collection(collection(vec![
        deck("lang/french", "", 1),
        deck("math", "preset = \"lang\"\n", 1),
    ]));
    assert_eq!(
        study.state("math/c0").due,
        Due::At(now + Duration::hours(1))
    );
    assert_eq!(
        study.state("lang/french/c0").due,
        Due::At(now + Duration::hours(1))
    );
}

#[test]
fn a_deck_that_appears_is_replayed_by_its_preset() {
    let now = time(NOW);
    // Its file broken at the start, say: its card's history is an orphan's, folded by the
    // global section.
    let mut study = study_with_two_agains(collection(vec![deck("math", "", 1)]));
    assert_eq!(
        study.state("lang/french/c0").due,
        Due::At(now + Duration::minutes(1))
    );
    study.replace_collection(collection(vec![
        deck("math", "", 1),
        deck("lang/french", "", 1),
    ]));
    assert_eq!(
        study.state("lang/french/c0").due,
        Due::At(now + Duration::hours(1))
    );
}

/// Cards `c0`..`c3` of `lang/french` (preset `mid`: only Wednesdays take reviews) and of
/// `math` (the global section), each learnt 30 days before [`NOW`] and reviewed 22 days before,
/// so due now with a Good of about 80 days; and `math/c4`..`c6` set due 5 days ahead.
fn study_of_two_presets() -> Study {
    let now = time(NOW);
    let settings = "[presets.mid]\ndecks = [\"lang/**\"]\n\
                    easy_days = { monday = 0, tuesday = 0, thursday = 0, friday = 0, saturday = 0, sunday = 0 }\n";
    let learnt = now - Duration::days(30);
    let mut events = Vec::new();
    for deck in ["lang/french", "math"] {
        for i in 0..4 {
            let card = format!("{deck}/c{i}");
            events.push(review(&format!("{card}a"), &card, Rating::Good, learnt));
            let later = learnt + Duration::minutes(10);
            events.push(review(&format!("{card}b"), &card, Rating::Good, later));
            let reviewed = now - Duration::days(22);
            events.push(review(&format!("{card}c"), &card, Rating::Good, reviewed));
        }
    }
    let ahead = (now + Duration::days(5)).date_naive();
    for i in 4..7 {
        let kind = crate::store::NewKind::SetDue {
            due: ahead,
            interval: None,
        };
        events.push(NewEvent::for_card(&format!("math/c{i}"), now, kind));
    }
    let history = History::from_events(events.iter().map(NewEvent::to_event).collect());
    let decks = collection(vec![deck("lang/french", "", 4), deck("math", "", 7)]);
    Study::with_presets(decks, history, presets_of(settings), now)
}

/// Anki balances a card's interval over the cards of its deck preset alone
/// (`LoadBalancer::new`, `rslib/src/scheduler/states/load_balancer.rs`), and weighs it by its
/// preset's easy days.
#[test]
fn load_balancing_and_easy_days_are_each_presets_own() {
    let now = time(NOW);
    let study = study_of_two_presets();
    let ahead = study.day() + 5;
    // math's three cards set due in five days count in the global section's load only.
    assert_eq!(study.due_load(0).count(ahead), 3);
    assert_eq!(study.due_load(1).count(ahead), 0);
    let good_day = |card: &str| study.next_states(card, now)[2].due.unwrap();
    let weekday = |day| crate::scheduler::calendar::date_of_day(day).map(|date| date.weekday());
    for i in 0..4 {
        let french = good_day(&format!("lang/french/c{i}"));
        assert_eq!(
            weekday(french),
            Some(chrono::Weekday::Wed),
            "lang/french/c{i}"
        );
    }
    // The global section has no easy days: its cards' Good days are not all Wednesdays.
    let math: Vec<_> = (0..4)
        .map(|i| weekday(good_day(&format!("math/c{i}"))))
        .collect();
    assert!(
        math.iter().any(|day| *day != Some(chrono::Weekday::Wed)),
        "{math:?}"
    );
}
