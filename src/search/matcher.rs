//! Whether a query matches one card, from the facts about it at one moment ([`CardFacts`]).
//! Pure and cheap: text is folded when the facts are made, so matching is substring tests
//! and comparisons.

use super::{Field, Node, Property, Query, State, Term};
use crate::scheduler::{Day, Phase, Rating};
use crate::session::grade::normalise;
use crate::study::CardPlace;

/// What a search can ask about one card (or one orphaned history) at one moment. Days are
/// counted from today: 0 is today, -1 yesterday, 3 three days ahead.
#[derive(Debug, Clone, PartialEq)]
// Each flag is one `is:` value, independent of the others: a state enum would not fit.
#[allow(clippy::struct_excessive_bools)]
pub struct CardFacts {
    /// The card's id, `<deck id>/<card key>`.
    pub card: String,
    /// Where the card is in the collection; `None` for an orphaned history.
    pub place: Option<CardPlace>,
    /// The front and back, folded ([`normalise`]).
    front: String,
    back: String,
    /// The deck id, lowercase.
    deck: String,
    /// The card's tags and its deck's, lowercase.
    tags: Vec<String>,
    /// Where the card is in its life.
    pub phase: Phase,
    /// The due day, in days from today (negative: overdue); `None` for a new card.
    pub due: Option<Day>,
    /// The interval, days, for a review or relearning card.
    pub interval: Option<u32>,
    /// FSRS stability, days, once answered.
    pub stability: Option<f32>,
    /// FSRS difficulty, 1 to 10, once answered.
    pub difficulty: Option<f32>,
    /// The probability of recall now, 0 to 1, once answered.
    pub retrievability: Option<f32>,
    /// Answers in review mode.
    pub reps: u32,
    /// Times a review card was forgotten.
    pub lapses: u32,
    /// Left out of every queue.
    pub suspended: bool,
    /// Buried until a later day, by hand or by a sibling answered today.
    pub buried: bool,
    /// Buried because a sibling was answered today, not by hand.
    pub buried_by_sibling: bool,
    /// Lapsed as often as the leech threshold.
    pub leech: bool,
    /// Starred.
    pub starred: bool,
    /// A history whose card no deck has any more.
    pub orphan: bool,
    /// Every answer in review mode, in time order: its day (from today) and rating.
    pub answers: Vec<(Day, Rating)>,
}

impl CardFacts {
    /// A new card with this text, deck id and tags (the card's and its deck's); the rest
    /// is set on the fields. Folds the text once, here.
    #[must_use]
    pub fn new(card: &str, front: &str, back: &str, deck: &str, tags: &[&str]) -> Self {
        Self {
            card: card.to_owned(),
            place: None,
            front: normalise(front),
            back: normalise(back),
            deck: deck.to_lowercase(),
            tags: tags.iter().map(|t| t.to_lowercase()).collect(),
            phase: Phase::New,
            due: None,
            interval: None,
            stability: None,
            difficulty: None,
            retrievability: None,
            reps: 0,
            lapses: 0,
            suspended: false,
            buried: false,
            buried_by_sibling: false,
            leech: false,
            starred: false,
            orphan: false,
            answers: Vec::new(),
        }
    }

    fn is(&self, state: State) -> bool {
        let learning = matches!(
            self.phase,
            Phase::Learning { .. } | Phase::Relearning { .. }
        );
        let review = matches!(self.phase, Phase::Review | Phase::Relearning { .. });
        match state {
            State::New => self.phase == Phase::New,
            State::Learn => learning,
            State::Review => review,
            State::Due => {
                (learning || review)
                    && !self.suspended
                    && !self.buried
                    && self.due.is_some_and(|day| day <= 0)
            }
            State::Suspended => self.suspended,
            State::Buried => self.buried,
            State::BuriedManually => self.buried && !self.buried_by_sibling,
            State::BuriedSibling => self.buried_by_sibling,
            State::Leech => self.leech,
            State::Starred => self.starred,
            State::Orphan => self.orphan,
        }
    }

    fn property(&self, property: Property) -> Option<f64> {
        match property {
            Property::Interval => self.interval.map(f64::from),
            Property::Due => self.due.map(f64::from),
            Property::Reps => Some(f64::from(self.reps)),
            Property::Lapses => Some(f64::from(self.lapses)),
            Property::Stability => self.stability.map(f64::from),
            Property::Difficulty => self.difficulty.map(f64::from),
            Property::Retrievability => self.retrievability.map(f64::from),
        }
    }

    fn has(&self, term: &Term) -> bool {
        match term {
            Term::Text { field, text } => match field {
                Field::Either => self.front.contains(text) || self.back.contains(text),
                Field::Front => self.front.contains(text),
                Field::Back => self.back.contains(text),
            },
            Term::Deck(pattern) => matches_with_parents(pattern, &self.deck, "/"),
            Term::Tag(pattern) => self
                .tags
                .iter()
                .any(|tag| matches_with_parents(pattern, tag, "::")),
            Term::Is(state) => self.is(*state),
            Term::Prop {
                property,
                comparison,
                value,
                precision,
            } => self
                .property(*property)
                .is_some_and(|own| comparison.holds(own, *value, *precision)),
            Term::Rated { days, rating } => {
                let since = since(*days);
                self.answers
                    .iter()
                    .any(|&(day, r)| day >= since && rating.is_none_or(|rating| r == rating))
            }
            Term::Introduced { days } => self
                .answers
                .iter()
                .map(|&(day, _)| day)
                .min()
                .is_some_and(|first| first >= since(*days)),
        }
    }
}

/// The first day of "the last `days` days", today being the last: 1 is today only.
fn since(days: u32) -> Day {
    1 - Day::try_from(days).unwrap_or(Day::MAX)
}

impl Query {
    /// Whether the card these facts describe matches.
    #[must_use]
    pub fn matches(&self, card: &CardFacts) -> bool {
        (!card.orphan || self.needs_orphans()) && node_matches(&self.root, card)
    }
}

fn node_matches(node: &Node, card: &CardFacts) -> bool {
    match node {
        Node::And(items) => items.iter().all(|item| node_matches(item, card)),
        Node::Or(items) => items.iter().any(|item| node_matches(item, card)),
        Node::Not(item) => !node_matches(item, card),
        Node::Term(term) => card.has(term),
    }
}

/// Whether `pattern` matches `name` or one of its parents, the parts of `name` before a
/// `separator` (`lang` and `lang/es` for `lang/es/verbs`).
fn matches_with_parents(pattern: &str, name: &str, separator: &str) -> bool {
    glob(pattern, name)
        || name
            .match_indices(separator)
            .any(|(end, _)| glob(pattern, &name[..end]))
}

/// Whether `pattern`, in which `*` stands for any run of characters, matches all of `text`.
fn glob(pattern: &str, text: &str) -> bool {
    let Some((first, rest)) = pattern.split_once('*') else {
        return pattern == text;
    };
    let Some(mut text) = text.strip_prefix(first) else {
        return false;
    };
    let mut parts: Vec<&str> = rest.split('*').collect();
    // After a `*` the last part must end the text; the ones between are found leftmost.
    let last = parts.pop().unwrap_or_default();
    for part in parts {
        match text.find(part) {
            Some(at) => text = &text[at + part.len()..],
            None => return false,
        }
    }
    text.len() >= last.len() && text.ends_with(last)
}
