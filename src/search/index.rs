//! Every card's facts from a [`Study`] at one moment, gathered once so that each keystroke of
//! a search only matches: the decks' cards in deck and file order, then the orphaned
//! histories by card id.

use chrono::{DateTime, FixedOffset};
use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::{CardFacts, Query};
use crate::deck::Collection;
use crate::scheduler::{Day, Due, Phase, Rating};
use crate::study::{Burial, CardPlace, Study};

/// The facts of every card and every orphaned history, as they stood at one moment.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Index {
    cards: Vec<CardFacts>,
    /// Built with every card's answers, for `rated:` and `introduced:`.
    answers: bool,
    /// Built with the orphaned histories, for `is:orphan`.
    orphans: bool,
    /// How many of `cards` are the decks' cards (the rest are orphaned histories).
    deck_cards: usize,
}

impl Index {
    /// Gathers the facts at `now`. Waits for the history
    /// ([`Study::wait_for_history`]) and replays every card's answers once, for `rated:`
    /// and `introduced:`.
    #[must_use]
    pub fn build(study: &Study, now: DateTime<FixedOffset>) -> Self {
        Self::build_with(study, now, true)
    }

    /// The same, for a query that needs no answers ([`Query::needs_answers`] is false) when
    /// `with_answers` is false: the replay of every answer is skipped, and `rated:` and
    /// `introduced:` would match nothing.
    #[must_use]
    pub fn build_with(study: &Study, now: DateTime<FixedOffset>, with_answers: bool) -> Self {
        let history = study.wait_for_history();
        let scheduler = &study.scheduler;
        let today = scheduler.calendar().day(now);
        // `every_answer` keeps the order of `History::cards`.
        let replayed: Vec<_> = if with_answers {
            history.every_answer(study.presets()).collect()
        } else {
            Vec::new()
        };
        let mut answers: FxHashMap<&str, Vec<(Day, Rating)>> = history
            .cards()
            .zip(replayed)
            .map(|((card, _), (_, answers))| {
                let days = answers.iter().map(|a| (a.day - today, a.rating)).collect();
                (card, days)
            })
            .collect();
        let mut fill = |facts: &mut CardFacts| {
            fill_state(facts, study, now);
            facts.answers = answers.remove(facts.card.as_str()).unwrap_or_default();
        };
        let mut cards = folded_cards(&study.collection);
        let deck_cards = cards.len();
        cards.iter_mut().for_each(&mut fill);
        for orphan in study.orphans() {
            let id = orphan.card.as_str();
            let deck = crate::store::deck_of(id);
            let mut facts = CardFacts::new(id, "", "", deck, &[]);
            facts.orphan = true;
            fill(&mut facts);
            cards.push(facts);
        }
        Self {
            cards,
            answers: with_answers,
            orphans: true,
            deck_cards,
        }
    }

    /// What `query` needs and no more: without `rated:`, `introduced:` or `is:orphan`, the
    /// decks' cards alone ([`Index::of_deck_cards`]), which never waits for the history.
    #[must_use]
    pub fn for_query(study: &Study, now: DateTime<FixedOffset>, query: &Query) -> Self {
        if query.needs_answers() || query.needs_orphans() {
            Self::build_with(study, now, query.needs_answers())
        } else {
            Self::of_deck_cards(study, now)
        }
    }

    /// Whether it holds all that `query` needs ([`Index::for_query`]).
    #[must_use]
    pub fn covers(&self, query: &Query) -> bool {
        (self.answers || !query.needs_answers()) && (self.orphans || !query.needs_orphans())
    }

    /// The decks' cards alone, without orphaned histories or answers (`rated:` and
    /// `introduced:` match nothing): what an action on cards searches, as it leaves orphans
    /// alone. It never waits for the history's events, only the replayed states.
    #[must_use]
    pub fn of_deck_cards(study: &Study, now: DateTime<FixedOffset>) -> Self {
        let mut cards = folded_cards(&study.collection);
        for facts in &mut cards {
            fill_state(facts, study, now);
        }
        Self {
            deck_cards: cards.len(),
            cards,
            answers: false,
            orphans: false,
        }
    }

    /// Gathers `cards`' states again at `now`, after actions changed them (a suspend, a
    /// set due date); their text and answers stay as they were.
    pub fn refresh(&mut self, study: &Study, now: DateTime<FixedOffset>, cards: &[&str]) {
        let wanted: rustc_hash::FxHashSet<&str> = cards.iter().copied().collect();
        for facts in &mut self.cards {
            if wanted.contains(facts.card.as_str()) {
                fill_state(facts, study, now);
            }
        }
    }

    /// Whether it was built with every card's answers ([`Index::build`]), which `rated:` and
    /// `introduced:` need.
    #[must_use]
    pub fn has_answers(&self) -> bool {
        self.answers
    }

    /// How many of its facts are the decks' cards, orphaned histories left out.
    #[must_use]
    pub fn deck_card_count(&self) -> usize {
        self.deck_cards
    }

    /// Whether it holds the orphaned histories, which `is:orphan` needs.
    #[must_use]
    pub fn has_orphans(&self) -> bool {
        self.orphans
    }

    /// Every card's facts, in the index's order.
    #[must_use]
    pub fn cards(&self) -> &[CardFacts] {
        &self.cards
    }

    /// The cards `query` matches, in the index's order.
    pub fn matching<'a>(&'a self, query: &'a Query) -> impl Iterator<Item = &'a CardFacts> + 'a {
        self.cards.iter().filter(|card| query.matches(card))
    }
}

/// Fills in everything about `card` that its replayed state says at `now`.
fn fill_state(facts: &mut CardFacts, study: &Study, now: DateTime<FixedOffset>) {
    let scheduler = &study.scheduler;
    let today = scheduler.calendar().day(now);
    let card = facts.card.as_str();
    let state = study.state(card);
    facts.phase = state.phase;
    facts.due = match state.due {
        Due::New => None,
        Due::At(at) => Some(scheduler.calendar().day(at) - today),
        Due::Day(day) => Some(day - today),
    };
    facts.interval = matches!(state.phase, Phase::Review | Phase::Relearning { .. })
        .then_some(state.scheduled_days);
    facts.stability = state.memory.map(|m| m.stability);
    facts.difficulty = state.memory.map(|m| m.difficulty);
    // As `export` gives it.
    facts.retrievability = study.scheduler_for_card(card).retrievability(state, now);
    facts.reps = state.reps;
    facts.lapses = state.lapses;
    facts.suspended = state.suspended;
    let burial = study.burial_at(card, facts.place, now);
    facts.buried = burial.is_some();
    facts.buried_by_sibling = burial == Some(Burial::Sibling);
    facts.leech = state.leech;
    facts.starred = study.practice(card).starred;
}

/// Every card's facts as a new card, its text folded: the slow part of building an index,
/// done on all cores.
fn folded_cards(collection: &Collection) -> Vec<CardFacts> {
    let places: Vec<CardPlace> = collection
        .decks
        .iter()
        .enumerate()
        .flat_map(|(deck, d)| (0..d.cards.len()).map(move |card| CardPlace { deck, card }))
        .collect();
    places
        .into_par_iter()
        .map(|place| {
            let deck = &collection.decks[place.deck];
            let card = &deck.cards[place.card];
            let tags: Vec<&str> = card
                .tags
                .iter()
                .chain(&deck.tags)
                .map(String::as_str)
                .collect();
            let id = card.id.as_str();
            // A cloze card is searched by its whole text and its `extra`, as Anki searches a
            // cloze note's fields.
            let (front, back) = (card.searched_front(), card.searched_back());
            let mut facts = CardFacts::new(id, &front, back, deck.id.as_str(), &tags);
            facts.place = Some(place);
            facts
        })
        .collect()
}

/// The cards of `study` that `query` matches at `now`, in deck and file order, orphaned
/// histories last. Builds an [`Index`] each time: to search as someone types, build one
/// and call [`Index::matching`] per keystroke.
#[must_use]
pub fn search(study: &Study, query: &Query, now: DateTime<FixedOffset>) -> Vec<CardFacts> {
    let index = Index::build(study, now);
    index.matching(query).cloned().collect()
}
