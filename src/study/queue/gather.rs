//! Building today's queue, deck by deck, as Anki's queue builder gathers cards
//! (`rslib/src/scheduler/queue/builder/gathering.rs`): intraday (re)learning cards first,
//! then the day-learning cards (a step of a day or more) by due time and the reviews in the
//! review order, the two together up to the deck's review limit, then new cards in the new order up to
//! its limit; then the day's new cards are sorted so that siblings are spread
//! (`builder/sorting.rs`).
//!
//! Siblings are buried twice over, as in Anki. A card whose sibling was answered today is
//! buried ([`Study::buried_by_sibling`]). And while gathering, a card whose sibling was
//! gathered before it is left for another day when its queue's burying is on (Anki's
//! `get_and_update_bury_mode_for_note` in `builder/burying.rs`): so today's queue holds one
//! card of each entry, and its counts are what will be shown.

use std::ops::Range;

use chrono::{DateTime, FixedOffset};
use rustc_hash::FxHashSet;
use xxhash_rust::xxh3::xxh3_64_with_seed;

use super::Queue;
use crate::deck::Deck;
use crate::scheduler::{Day, Due, NewOrder, Phase, ReviewOrder, Settings};
use crate::study::Study;
use crate::study::siblings::QueueKind;

/// A due review, by its index in its deck, and where the review order puts it: by
/// `primary`, then by `tie`.
struct Review {
    primary: f64,
    tie: u64,
    group: Option<usize>,
    index: usize,
}

/// A review chosen for today, placed among those of every deck as [`Review`]s are.
struct Chosen {
    primary: f64,
    tie: u64,
    id: Box<str>,
}

impl Review {
    fn order(&self, other: &Self) -> std::cmp::Ordering {
        order(self.primary, self.tie, other.primary, other.tie)
    }
}

/// The review order: by the order's own key, then at random.
fn order(primary: f64, tie: u64, other_primary: f64, other_tie: u64) -> std::cmp::Ordering {
    primary.total_cmp(&other_primary).then(tie.cmp(&other_tie))
}

/// A (re)learning card due before tomorrow.
struct Learning {
    at: DateTime<FixedOffset>,
    group: Option<usize>,
    index: usize,
}

/// A new card that may be introduced: its index in the deck and its siblings' group.
struct NewCard {
    index: usize,
    group: Option<usize>,
}

/// What today brings in one deck, before the limits and the burying of siblings.
#[derive(Default)]
struct Candidates {
    learning: Vec<Learning>,
    day_learning: Vec<Learning>,
    reviews: Vec<Review>,
    new: Vec<NewCard>,
}

/// The moment a queue is built for.
#[derive(Clone, Copy)]
struct Today {
    now: DateTime<FixedOffset>,
    day: Day,
    tomorrow: DateTime<FixedOffset>,
}

impl Queue {
    /// As [`Queue::build`], allowing `extra_new` new cards beyond each deck's limit.
    #[must_use]
    pub fn build_with_extra_new(
        study: &Study,
        decks: &[usize],
        now: DateTime<FixedOffset>,
        extra_new: usize,
    ) -> Self {
        // Orders that span the decks come from their shared preset.
        let settings = study.shared_settings(decks);
        let calendar = study.scheduler.calendar();
        let day = calendar.day(now);
        let today = Today {
            now,
            day,
            tomorrow: calendar.start_of(day + 1, *now.offset()).unwrap_or(now),
        };
        let mut queue = Queue {
            mix: settings.new_card_mix,
            day_learning_mix: settings.day_learning_mix,
            ..Queue::default()
        };
        let mut reviews = Vec::new();
        for &index in decks {
            // Raised by the deck's exam, if one is ahead.
            let (new_left, reviews_left) = study.limits_left(index);
            let deck = &study.collection.decks[index];
            let candidates = candidates(study, index, settings.review_order, today);
            let mut gather = Gathered {
                deck,
                settings: study.scheduler_for_deck(index).settings(),
                seen: FxHashSet::default(),
            };
            queue.learning.extend(gather.learning(candidates.learning));
            let day_learning = gather.day_learning(candidates.day_learning, reviews_left);
            let reviews_left = reviews_left - day_learning.len();
            queue.day_learning.extend(day_learning);
            let chosen = gather.reviews(candidates.reviews, reviews_left);
            reviews.extend(chosen.into_iter().map(|review| Chosen {
                primary: review.primary,
                tie: review.tie,
                id: Box::from(deck.cards[review.index].id.as_str()),
            }));
            queue
                .new
                .extend(gather.new_cards(candidates.new, new_left + extra_new, day));
        }
        // `deck` keeps the decks in the order given, each sorted already; the others mix them.
        if settings.review_order != ReviewOrder::Deck {
            reviews.sort_by(|a, b| order(a.primary, a.tie, b.primary, b.tie));
        }
        queue.reviews = reviews.into_iter().map(|review| review.id).collect();
        queue.learning.sort_by_key(|(at, _)| *at);
        queue
    }
}

/// The cards of the deck at `deck_index` that today may bring, suspended and buried ones left out;
/// reviews keyed for `order`.
fn candidates(study: &Study, deck_index: usize, order: ReviewOrder, today: Today) -> Candidates {
    let deck = study.deck(deck_index);
    let scheduler = study.scheduler_for_deck(deck_index);
    // The daily tallies say what was answered today only if they are today's.
    let tallies_today = study.day() == today.day;
    let mut found = Candidates::default();
    for (siblings, index) in deck
        .sibling_runs()
        .flat_map(|run| run.clone().map(move |index| (run.clone(), index)))
    {
        let card = &deck.cards[index];
        let id = card.id.as_str();
        // With the exam plan's due day if its deck's exam brings the card forward.
        let state = study.state(id);
        let buried = state.buried_until.is_some_and(|day| day > today.day);
        if state.suspended || buried {
            continue;
        }
        if tallies_today && study.buried_by_sibling(deck, index, siblings.clone(), state) {
            continue;
        }
        let group = group(&siblings);
        match (state.phase, state.due) {
            (Phase::Learning { .. } | Phase::Relearning { .. }, Due::At(at))
                if at < today.tomorrow =>
            {
                let learning = Learning { at, group, index };
                if QueueKind::of(state, scheduler) == Some(QueueKind::InterdayLearning) {
                    found.day_learning.push(learning);
                } else {
                    found.learning.push(learning);
                }
            }
            (Phase::Review, Due::Day(due)) if due <= today.day => {
                let primary = match order {
                    ReviewOrder::Due | ReviewOrder::Deck => f64::from(due),
                    ReviewOrder::Retrievability => scheduler
                        .retrievability(state, today.now)
                        .map_or(f64::INFINITY, f64::from),
                    ReviewOrder::Difficulty => state
                        .memory
                        .map_or(f64::INFINITY, |memory| -f64::from(memory.difficulty)),
                    ReviewOrder::Interval => f64::from(state.scheduled_days),
                    ReviewOrder::Random => 0.0,
                };
                found.reviews.push(Review {
                    primary,
                    tie: shuffled(id, today.day),
                    group,
                    index,
                });
            }
            (Phase::New, _) => found.new.push(NewCard { index, group }),
            _ => {}
        }
    }
    found
}

/// The group of siblings a card belongs to, by its first card's index; `None` for a card
/// without siblings, which nothing buries.
fn group(siblings: &Range<usize>) -> Option<usize> {
    (siblings.len() > 1).then_some(siblings.start)
}

/// A number that orders cards at random, the same all `day` (a restart shows the same order).
fn shuffled(text: &str, day: Day) -> u64 {
    xxh3_64_with_seed(text.as_bytes(), u64::from(day.unsigned_abs()))
}

/// Gathering one deck's cards, in Anki's order, each skipped when a sibling was gathered
/// before it and burying is on for its queue.
struct Gathered<'a> {
    deck: &'a Deck,
    /// The deck's preset's.
    settings: &'a Settings,
    /// The groups of siblings gathered so far.
    seen: FxHashSet<usize>,
}

impl Gathered<'_> {
    /// Whether a card of `group` is left for another day because a sibling was gathered
    /// before it and `bury` is on; marks the group gathered.
    fn held_back(&mut self, group: Option<usize>, bury: bool) -> bool {
        group.is_some_and(|group| !self.seen.insert(group) && bury)
    }

    /// The intraday learning cards, never buried (each marks its siblings gathered).
    fn learning(&mut self, mut learning: Vec<Learning>) -> Vec<(DateTime<FixedOffset>, Box<str>)> {
        let cards = &self.deck.cards;
        learning.sort_by_key(|card| card.at);
        learning
            .into_iter()
            .filter(|card| !self.held_back(card.group, false))
            .map(|card| (card.at, Box::from(cards[card.index].id.as_str())))
            .collect()
    }

    /// The day-learning cards by due time, up to `limit` (the deck's reviews left: Anki
    /// counts them against the review limit).
    fn day_learning(&mut self, mut learning: Vec<Learning>, limit: usize) -> Vec<Box<str>> {
        let bury = self.settings.bury_siblings.interday_learning;
        let cards = &self.deck.cards;
        learning.sort_by_key(|card| card.at);
        learning
            .into_iter()
            .filter(|card| !self.held_back(card.group, bury))
            .take(limit)
            .map(|card| Box::from(cards[card.index].id.as_str()))
            .collect()
    }

    /// The reviews in the review order, up to `limit`.
    fn reviews(&mut self, mut reviews: Vec<Review>, limit: usize) -> Vec<Review> {
        let bury = self.settings.bury_siblings.reviews;
        // Only the first ones are taken: at most `limit`, and one for each sibling held back.
        let grouped = reviews
            .iter()
            .filter(|review| review.group.is_some())
            .count();
        let needed = limit.saturating_add(grouped);
        if needed == 0 {
            return Vec::new();
        }
        if needed < reviews.len() {
            reviews.select_nth_unstable_by(needed - 1, Review::order);
            reviews.truncate(needed);
        }
        // Ties are broken at random already: no two cards compare equal.
        reviews.sort_unstable_by(Review::order);
        reviews
            .into_iter()
            .filter(|review| !self.held_back(review.group, bury))
            .take(limit)
            .collect()
    }

    /// Up to `limit` new cards in the new order, the cards as written first and then their
    /// reverses, so that siblings are never next to each other unless nothing else is new.
    fn new_cards(&mut self, mut new: Vec<NewCard>, limit: usize, day: Day) -> Vec<Box<str>> {
        let settings = self.settings;
        let cards = &self.deck.cards;
        let random = settings.new_order == NewOrder::Random;
        if random {
            // Whole entries at random, each entry's cards in their order.
            new.sort_by_cached_key(|card| {
                let card = &cards[card.index];
                (shuffled(card.entry_id(), day), card.sibling_index())
            });
        }
        let bury = settings.bury_siblings.new;
        let mut chosen: Vec<usize> = new
            .into_iter()
            .filter(|card| !self.held_back(card.group, bury))
            .take(limit)
            .map(|card| card.index)
            .collect();
        if random {
            chosen.sort_by_cached_key(|&index| {
                let card = &cards[index];
                (card.sibling_index(), shuffled(card.id.as_str(), day))
            });
        } else {
            // Stable: file order within each sibling index.
            chosen.sort_by_key(|&index| cards[index].sibling_index());
        }
        chosen
            .into_iter()
            .map(|index| Box::from(cards[index].id.as_str()))
            .collect()
    }
}
