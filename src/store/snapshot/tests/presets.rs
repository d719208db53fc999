//! The snapshot with presets: a card is folded again only when the scheduler its deck uses
//! now has other settings than the one that folded it.

use super::*;
use crate::deck::{Collection, Deck, DeckId, Source as DeckSource, parse_deck};
use crate::scheduler::RUNS;
use crate::study::presets::{NamedScheduler, Presets};

fn deck(id: &str) -> Deck {
    let text =
        format!("[deck]\nname = \"{id}\"\n[[cards]]\nid = \"1\"\nfront = \"f\"\nback = \"b\"\n");
    parse_deck(DeckId::new(id), DeckSource::Bundled, &text).unwrap()
}

fn with_retention(retention: f32) -> Scheduler {
    Scheduler::new(Settings {
        desired_retention: retention,
        ..Settings::default()
    })
    .unwrap()
}

/// The global section, `p` for deck `a`, and `q` for the decks `q_decks`, resolved on the
/// decks `a` and `b`.
fn presets(p_retention: f32, q_decks: &[&str], q_retention: f32) -> Presets {
    let named = |name: &str, decks: &[&str], retention| NamedScheduler {
        name: name.into(),
        decks: decks.iter().map(ToString::to_string).collect(),
        scheduler: with_retention(retention),
    };
    let mut presets = Presets::new(
        scheduler(),
        vec![
            named("p", &["a"], p_retention),
            named("q", q_decks, q_retention),
        ],
    );
    presets.resolve(&Collection {
        decks: vec![deck("a"), deck("b")],
        broken: Vec::new(),
    });
    presets
}

/// Answers the scheduler worked out on this thread while replaying with `presets`.
fn replay_counting(store: &Store, presets: &Presets, day: Day) -> (Replayed, usize) {
    let before = RUNS.with(std::cell::Cell::get);
    let replayed = store.replay(presets, day, Events::OnDemand).unwrap();
    (replayed, RUNS.with(std::cell::Cell::get) - before)
}

fn state_of<'a>(replayed: &'a Replayed, card: &str) -> &'a Folded {
    replayed
        .states
        .iter()
        .find(|(c, _)| c.as_ref() == card)
        .unwrap()
        .1
}

#[test]
fn a_changed_preset_replays_its_decks_cards_and_nothing_else() {
    let (_dir, store, _, t0) = with_first_days();
    let day = scheduler().calendar().day(t0 + Duration::days(2));
    let saved = presets(0.85, &[], 0.8);
    replay_and_save(&store, &saved, day);

    // Nothing changed: the states stand, nothing is folded.
    let (replayed, runs) = replay_counting(&store, &saved, day);
    assert_eq!(runs, 0);
    assert!(matches!(
        replayed.source,
        Source::Snapshot { deferred: true, .. }
    ));
    let b_before = state_of(&replayed, "b/1").clone();

    // `q` changed, but no deck uses it: still nothing.
    let (replayed, runs) = replay_counting(&store, &presets(0.85, &[], 0.95), day);
    assert_eq!(runs, 0);
    assert!(matches!(
        replayed.source,
        Source::Snapshot { deferred: true, .. }
    ));

    // `p` changed: a/1 and a/2, three answers each, and only they.
    let changed = presets(0.80, &[], 0.8);
    let (replayed, runs) = replay_counting(&store, &changed, day);
    assert_eq!(runs, 6);
    assert_eq!(
        replayed.source,
        Source::Snapshot {
            lines_after: 0,
            deferred: false,
            moved: 2,
        }
    );
    // So the snapshot is worth writing again, and then it stands as it is.
    assert!(replayed.source.is_stale());
    assert_eq!(state_of(&replayed, "b/1"), &b_before);
    assert_eq!(sorted(replayed.states), full_states(&store, &changed, day));
    replay_and_save(&store, &changed, day);
    let (replayed, runs) = replay_counting(&store, &changed, day);
    assert_eq!(runs, 0);
    assert!(!replayed.source.is_stale());
    replay_and_save(&store, &saved, day);

    // Deck `b` moved to `q` (the global section's retention 0.9, `q`'s 0.8): b/1's three.
    let moved = presets(0.85, &["b"], 0.8);
    let (replayed, runs) = replay_counting(&store, &moved, day);
    assert_eq!(runs, 3);
    assert!(matches!(replayed.source, Source::Snapshot { moved: 1, .. }));
    assert_ne!(state_of(&replayed, "b/1"), &b_before);
    assert_eq!(sorted(replayed.states), full_states(&store, &moved, day));
}
