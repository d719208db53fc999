//! The replayed states in [`Study`]: each card's state and practice standing, what it did
//! today, and keeping them current as events are written or read back from the log.

use chrono::{DateTime, FixedOffset};
use rayon::prelude::*;

use super::Study;
use crate::scheduler::{AnswerNotes, CardState, Day};
use crate::store::{CardId, Event, EventKind, Folded, History, Practice, lend};

impl Study {
    /// Every event of the log, for what the replayed states do not hold: statistics, results,
    /// the last backlog plan, writing the snapshot.
    ///
    /// **May block.** After a start from the replay snapshot, the events are read on another
    /// thread ([`crate::store::Events::Background`]) and this waits until that read is done;
    /// with [`crate::store::Events::OnDemand`] the first call reads them here, from the
    /// snapshot file or, should that fail, from the whole log. Once read, every call returns
    /// at once.
    #[must_use]
    pub fn wait_for_history(&self) -> &History {
        &self.history
    }

    /// Runs `work` on the history on another thread ([`crate::store::lend`]): the study takes
    /// it back when it next needs it, and dropping the study waits for `work`.
    pub fn lend_history(&mut self, work: impl FnOnce(&History) + Send + 'static) {
        lend(&mut self.history, work);
        self.history_lent = true;
    }

    /// Waits for work the history was lent to (a snapshot being written), for a process about
    /// to end without dropping the study; a history not lent is left as it is, unread if it
    /// was (forcing it read a warm start's 16 MB of events for nothing: `due` on 1M reviews
    /// took 80 ms instead of 40).
    pub fn wait_for_lent_history(&self) {
        if self.history_lent {
            let _ = self.wait_for_history();
        }
    }

    /// [`Study::wait_for_history`], to add events: may block in the same way.
    fn history_mut(&mut self) -> &mut History {
        &mut self.history
    }

    /// Re-tallies the daily limits when the day has rolled over since the last look. A new
    /// day replays every card, so it waits for the history ([`Study::wait_for_history`]).
    pub fn roll_day(&mut self, now: DateTime<FixedOffset>) {
        let day = self.scheduler.calendar().day(now);
        if day != self.day {
            self.day = day;
            self.states = self.wait_for_history().fold_all(&self.presets, day).into();
            self.extensions_again();
            self.plan_exams();
            self.forget_load();
        }
    }

    /// Records a written event, and returns what the card's last answer noted. Waits for the
    /// history ([`Study::wait_for_history`]), which it adds the event to.
    pub fn record(&mut self, event: Event, card: Option<&str>) -> AnswerNotes {
        // A relink, its undo, or an event of a card whose replay involves another's touch
        // more than the one card.
        if matches!(event.kind, EventKind::Undo { .. }) {
            // It may cancel an extension of the limits: worked out again once it is in.
            let notes = self.record_alone(event, card);
            self.extensions_again();
            return notes;
        }
        self.record_alone(event, card)
    }

    /// [`Study::record`], but for the limits' extensions.
    fn record_alone(&mut self, event: Event, card: Option<&str>) -> AnswerNotes {
        let history = self.wait_for_history();
        let shared = history.is_about_relinks(&event.kind)
            || card.is_some_and(|card| history.shares_history(card));
        let Some(card) = card.filter(|_| !shared) else {
            // Not about one card (an undo of a whole backlog plan, a deck's result): every
            // card it touches is replayed.
            self.absorb(vec![event.into_owned()]);
            self.has_events = true;
            return card
                .and_then(|card| self.states.get(card))
                .map(|folded| folded.last_notes)
                .unwrap_or_default();
        };
        self.history_mut().push(event);
        self.has_events = true;
        let folded = self.wait_for_history().fold(card, &self.presets, self.day);
        let notes = folded.last_notes;
        let before = self.states.insert(CardId::new(card), folded);
        self.update_load(card, before.as_ref().map(|f| &f.state));
        self.plan_exam_of(card);
        notes
    }

    /// The replayed state of `card_id`; new if it has no events. An exam may have brought its
    /// due day forward.
    #[must_use]
    pub fn state(&self, card_id: &str) -> &CardState {
        // The exam plan first: see `exam::Overlay`.
        if let Some(state) = self.exams.state(card_id) {
            return state;
        }
        self.states
            .get(card_id)
            .map_or(&CardState::NEW, |f| &f.state)
    }

    /// The card's standing in the practice modes.
    #[must_use]
    pub fn practice(&self, card_id: &str) -> Practice {
        self.states
            .get(card_id)
            .map(|f| f.practice)
            .unwrap_or_default()
    }

    /// Answers given today in review mode to the cards of the decks, and the milliseconds
    /// they took. A card whose deck was deleted is in no figure (`docs/stats.md`), so its
    /// answers are left out here as the statistics' `today` leaves them out.
    #[must_use]
    pub fn today(&self) -> (usize, u64) {
        self.states
            .iter()
            .filter(|(card, _)| self.place(card.as_str()).is_some())
            .fold((0, 0), |(n, ms), (_, f)| {
                (n + f.answers_that_day as usize, ms + f.ms_that_day)
            })
    }

    /// Whether any answer has ever been recorded.
    #[must_use]
    pub fn has_history(&self) -> bool {
        self.has_events
    }

    /// The day the daily tallies are for.
    #[must_use]
    pub fn day(&self) -> Day {
        self.day
    }

    /// Records events written together (a bulk action, its undo) in one go, as
    /// [`Study::absorb`] does: far quicker than [`Study::record`] one at a time for
    /// thousands of them. Waits for the history ([`Study::wait_for_history`]).
    pub fn record_all(&mut self, written: &[crate::store::NewEvent]) {
        self.absorb(
            written
                .iter()
                .map(|event| event.to_event().into_owned())
                .collect(),
        );
    }

    /// Takes in events read from the log since it was loaded (another window's answers, or
    /// this one's read back; copies change nothing) and replays the cards they touch. Waits for
    /// the history ([`Study::wait_for_history`]), which it adds the events to.
    pub fn absorb(&mut self, events: Vec<Event<'static>>) {
        if events.is_empty() {
            return;
        }
        let mut extended = false;
        for event in &events {
            if let (EventKind::Exam { date }, Some(deck)) = (&event.kind, &event.deck) {
                let day = date.map(crate::scheduler::calendar::day_of_date);
                self.exams.set(deck, day);
            }
            extended |= matches!(
                event.kind,
                EventKind::ExtendLimits { .. } | EventKind::Undo { .. }
            );
        }
        let history = self.history_mut();
        history.track_changes();
        history.extend(events);
        history.finish();
        let changed = history.take_changes();
        let cards: Vec<CardId> = history
            .cards()
            .zip(&changed)
            .filter(|(_, changed)| **changed)
            .map(|((card, _), _)| CardId::new(card))
            .collect();
        self.fold_again(cards);
        self.has_events |= !self.wait_for_history().is_empty();
        if extended {
            self.extensions_again();
        }
    }

    /// Today's extensions of the limits worked out again from the history, which it waits
    /// for ([`Study::wait_for_history`]).
    fn extensions_again(&mut self) {
        let extensions = self.wait_for_history().extensions();
        self.set_extensions(&extensions);
    }

    /// Replays the cards of `decks` again (their preset changed). Waits for the history
    /// ([`Study::wait_for_history`]).
    pub(super) fn refold_decks(&mut self, decks: &[usize]) {
        let cards: Vec<CardId> = decks
            .iter()
            .flat_map(|&deck| &self.collection.decks[deck].cards)
            .map(|card| CardId::from(card.id.as_str()))
            .collect();
        self.fold_again(cards);
    }

    /// Replays `cards`, each by its scheduler, and plans the exams again. On all cores: a bulk
    /// action changes thousands of cards at once.
    fn fold_again(&mut self, cards: Vec<CardId>) {
        let history: &History = self.wait_for_history();
        let (presets, day) = (&self.presets, self.day);
        let folded: Vec<(CardId, Folded)> = cards
            .into_par_iter()
            .map(|card| {
                let folded = history.fold(&card, presets, day);
                (card, folded)
            })
            .collect();
        self.states.extend(folded);
        self.plan_exams();
        self.forget_load();
    }

    /// Every card's state in the order of the history's cards, for the replay snapshot, made
    /// as it is read. Waits for the history ([`Study::wait_for_history`]).
    pub fn states_in_history_order(&self) -> impl Iterator<Item = Folded> + '_ {
        self.wait_for_history()
            .cards()
            .map(|(card, _)| self.states.get(card).cloned().unwrap_or_default())
    }
}
