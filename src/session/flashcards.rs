//! Flashcards: flip through the cards. With card sorting on, each card is marked "know it" or
//! "still learning"; a round ends with both counts and offers the "still learning" pile again
//! until every card is known. Sorting answers are in the log, so sorting resumes.

use chrono::{DateTime, FixedOffset};
use rand::SeedableRng;
use rand::seq::SliceRandom;

use super::Rng;
use super::options::{AnswerWith, Options};
use super::questions::Term;
use crate::scheduler::Rating;
use crate::store::{Mode, NewEvent, NewKind, Question};

#[derive(Debug, Clone, PartialEq)]
pub struct Flashcards {
    pub title: String,
    pub terms: Vec<Term>,
    /// Indexes into `terms`, in the order shown this round.
    pub order: Vec<usize>,
    pub position: usize,
    pub flipped: bool,
    /// Which side is shown first: the back when answering with the front.
    pub answer_with: AnswerWith,
    pub sorting: bool,
    /// This round's sorting so far.
    pub known: usize,
    pub learning: Vec<usize>,
    pub round: usize,
    /// Sorting: every card is known.
    pub all_known: bool,
    /// This round's sorts, last last: the card, whether it was "know it", and the event's id,
    /// for undo.
    sorted: Vec<(usize, bool, String)>,
    /// Deck ids, for starting sorting over.
    decks: Vec<String>,
    /// The options' shuffle, for each new round.
    round_order: RoundOrder,
    rng: Rng,
}

/// How a new round's cards are ordered: the options' shuffle.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RoundOrder {
    Shuffled,
    /// Shuffle off: as the deck lists them.
    Deck,
}

impl Flashcards {
    /// Starts on `terms` with the options' sorting, sides and shuffle. With sorting on,
    /// `known` says which cards the log already sorted as known, and those are skipped.
    #[must_use]
    pub fn new(
        title: String,
        terms: Vec<Term>,
        known: &[bool],
        decks: Vec<String>,
        options: &Options,
        seed: u64,
    ) -> Self {
        let mut rng = Rng::seed_from_u64(seed);
        let sorting = options.sorting;
        let mut order: Vec<usize> = (0..terms.len())
            .filter(|&t| !(sorting && known.get(t).copied().unwrap_or(false)))
            .collect();
        if options.shuffle {
            order.shuffle(&mut rng);
        }
        let all_known = sorting && order.is_empty() && !terms.is_empty();
        Self {
            title,
            terms,
            order,
            position: 0,
            flipped: false,
            answer_with: options.answer_with,
            sorting,
            known: 0,
            learning: Vec::new(),
            round: 1,
            all_known,
            sorted: Vec::new(),
            decks,
            round_order: if options.shuffle {
                RoundOrder::Shuffled
            } else {
                RoundOrder::Deck
            },
            rng,
        }
    }

    /// Whether the back is showing.
    #[must_use]
    pub fn showing_back(&self) -> bool {
        self.flipped != (self.answer_with == AnswerWith::Front)
    }

    /// The card on screen, if any.
    #[must_use]
    pub fn current(&self) -> Option<&Term> {
        self.order.get(self.position).map(|&t| &self.terms[t])
    }

    #[must_use]
    pub fn current_card(&self) -> Option<&str> {
        self.current().map(|term| term.id.as_ref())
    }

    /// Sorting: the round is over and its counts are shown.
    #[must_use]
    pub fn round_over(&self) -> bool {
        self.sorting && self.position >= self.order.len() && !self.order.is_empty()
    }

    pub fn flip(&mut self) {
        self.flipped = !self.flipped;
    }

    pub fn next(&mut self) {
        if self.position + 1 < self.order.len() {
            self.position += 1;
            self.flipped = false;
        }
    }

    pub fn previous(&mut self) {
        if self.position > 0 && self.position < self.order.len() {
            self.position -= 1;
            self.flipped = false;
        }
    }

    /// Shuffles the cards still to come this round, from the first.
    pub fn shuffle(&mut self) {
        let from = self.position.min(self.order.len());
        self.order[from..].shuffle(&mut self.rng);
        self.flipped = false;
    }

    /// Sorting: marks the card on screen and moves on.
    pub fn sort(&mut self, know: bool, now: DateTime<FixedOffset>) -> Vec<NewEvent> {
        if !self.sorting {
            return Vec::new();
        }
        let Some(&term) = self.order.get(self.position) else {
            return Vec::new();
        };
        if know {
            self.known += 1;
        } else {
            self.learning.push(term);
        }
        self.position += 1;
        self.flipped = false;
        let rating = if know { Rating::Good } else { Rating::Again };
        let event = NewEvent::for_card(
            &self.terms[term].id,
            now,
            NewKind::answer(rating, None, Mode::Sort, Some(Question::Flashcard)),
        );
        self.sorted.push((term, know, event.id.clone()));
        vec![event]
    }

    /// Whether [`Flashcards::undo`] has a sort of this round to take back.
    #[must_use]
    pub fn can_undo(&self) -> bool {
        self.sorting && !self.all_known && !self.sorted.is_empty()
    }

    /// Sorting: takes back this round's last sort, with an undo event for the log, and shows
    /// its card again.
    pub fn undo(&mut self, now: DateTime<FixedOffset>) -> Vec<NewEvent> {
        if !self.can_undo() {
            return Vec::new();
        }
        let Some((term, know, event_id)) = self.sorted.pop() else {
            return Vec::new();
        };
        if know {
            self.known = self.known.saturating_sub(1);
        } else if let Some(at) = self.learning.iter().rposition(|&t| t == term) {
            self.learning.remove(at);
        }
        self.position = self.position.saturating_sub(1);
        self.flipped = false;
        vec![NewEvent::for_card(
            &self.terms[term].id,
            now,
            NewKind::Undo {
                target: event_id.into(),
            },
        )]
    }

    /// Puts a new round's cards in order: shuffled, or in deck order with shuffle off.
    fn arrange(&mut self) {
        match self.round_order {
            RoundOrder::Shuffled => self.order.shuffle(&mut self.rng),
            RoundOrder::Deck => self.order.sort_unstable(),
        }
    }

    /// After a round: the "still learning" pile again, or done when it is empty.
    pub fn next_round(&mut self) {
        if !self.round_over() {
            return;
        }
        self.order = std::mem::take(&mut self.learning);
        self.sorted.clear();
        self.all_known = self.order.is_empty();
        self.arrange();
        self.position = 0;
        self.known = 0;
        self.round += 1;
        self.flipped = false;
    }

    /// Starts sorting over with every card: a reset event per deck.
    pub fn start_over(&mut self, now: DateTime<FixedOffset>) -> Vec<NewEvent> {
        self.order = (0..self.terms.len()).collect();
        self.arrange();
        self.position = 0;
        self.known = 0;
        self.learning.clear();
        self.sorted.clear();
        self.round = 1;
        self.all_known = false;
        self.flipped = false;
        self.decks
            .iter()
            .map(|deck| {
                NewEvent::for_deck(
                    deck,
                    now,
                    NewKind::Reset {
                        mode: Mode::Sort.into(),
                    },
                )
            })
            .collect()
    }

    /// Sorting on or off; turning it on starts from the card on screen.
    pub fn toggle_sorting(&mut self) {
        self.sorting = !self.sorting;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::EventKind;

    fn now() -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339("2026-11-27T10:00:00+01:00").unwrap()
    }

    fn options(sorting: bool) -> Options {
        Options {
            sorting,
            shuffle: false,
            ..Options::default()
        }
    }

    fn terms(n: usize) -> Vec<Term> {
        (0..n)
            .map(|i| Term {
                id: format!("d/c{i}").into(),
                front: format!("F{i}"),
                back: format!("B{i}"),
            })
            .collect()
    }

    /// Three cards in order, on deck `d`, sorting on or off.
    fn three(sorting: bool) -> Flashcards {
        Flashcards::new(
            "D".into(),
            terms(3),
            &[],
            vec!["d".into()],
            &options(sorting),
            1,
        )
    }

    #[test]
    fn flipping_and_moving_through_the_cards() {
        let mut f = three(false);
        assert_eq!(f.current_card(), Some("d/c0"));
        f.flip();
        assert!(f.flipped);
        f.next();
        assert_eq!((f.current_card(), f.flipped), (Some("d/c1"), false));
        f.next();
        f.next();
        assert_eq!(f.current_card(), Some("d/c2"), "stays on the last card");
        f.previous();
        assert_eq!(f.current_card(), Some("d/c1"));
        assert!(f.sort(true, now()).is_empty(), "no sorting unless it is on");
    }

    #[test]
    fn shuffle_off_keeps_deck_order_in_every_round() {
        let mut f = Flashcards::new(
            "D".into(),
            terms(6),
            &[],
            vec!["d".into()],
            &options(true),
            1,
        );
        for _ in 0..6 {
            f.sort(false, now());
        }
        f.next_round();
        assert_eq!(f.order, [0, 1, 2, 3, 4, 5], "the still-learning round");
        for _ in 0..6 {
            f.sort(true, now());
        }
        f.next_round();
        assert!(f.all_known);
        f.start_over(now());
        assert_eq!(f.order, [0, 1, 2, 3, 4, 5], "starting over");
    }

    #[test]
    fn sorting_rounds_until_every_card_is_known() {
        let mut f = three(true);
        let e = f.sort(true, now());
        let EventKind::Review { rating, mode, .. } = &e[0].kind else {
            panic!()
        };
        assert_eq!((*rating, mode.as_ref()), (Rating::Good, "sort"));
        f.sort(false, now());
        f.sort(true, now());
        assert!(f.round_over());
        assert_eq!((f.known, f.learning.len()), (2, 1));
        f.next_round();
        assert_eq!(
            (f.round, f.order.len(), f.current_card()),
            (2, 1, Some("d/c1"))
        );
        f.sort(true, now());
        f.next_round();
        assert!(f.all_known);
        let resets = f.start_over(now());
        assert_eq!(resets[0].deck.as_deref(), Some("d"));
        assert_eq!(
            resets[0].kind,
            NewKind::Reset {
                mode: "sort".into()
            }
        );
        assert_eq!(f.order.len(), 3);
    }

    #[test]
    fn undo_takes_back_the_last_sort_and_shows_its_card_again() {
        let mut f = three(true);
        assert!(f.undo(now()).is_empty(), "nothing sorted yet");
        f.sort(true, now());
        let learning = f.sort(false, now());
        assert_eq!((f.known, f.learning.clone()), (1, vec![1]));
        let undone = f.undo(now());
        assert_eq!(
            undone[0].kind,
            NewKind::Undo {
                target: learning[0].id.clone().into()
            }
        );
        assert_eq!(undone[0].card.as_deref(), Some("d/c1"));
        assert_eq!(
            (f.known, f.learning.len(), f.current_card()),
            (1, 0, Some("d/c1"))
        );
        f.undo(now());
        assert_eq!((f.known, f.current_card()), (0, Some("d/c0")));
        assert_eq!(f.sorted.len(), 0);
        // The last card of a round can be taken back from the round's end.
        f.sort(true, now());
        f.sort(true, now());
        f.sort(false, now());
        assert!(f.round_over());
        f.undo(now());
        assert!(!f.round_over());
        assert_eq!(f.current_card(), Some("d/c2"));
        // A new round starts with nothing to undo.
        f.sort(true, now());
        f.next_round();
        assert!(f.all_known);
        assert!(f.undo(now()).is_empty());
    }

    #[test]
    fn sorting_resumes_without_the_cards_already_known() {
        let f = Flashcards::new(
            "D".into(),
            terms(3),
            &[true, false, true],
            vec![],
            &options(true),
            1,
        );
        assert_eq!(f.order, [1]);
        let done = Flashcards::new(
            "D".into(),
            terms(2),
            &[true, true],
            vec![],
            &options(true),
            1,
        );
        assert!(done.all_known);
    }
}
