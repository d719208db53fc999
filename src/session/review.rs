//! The daily review: show a card, reveal the answer, grade it, and move on, with undo, bury
//! and suspend. Every change goes through an event that the app writes first; only a written
//! event changes the session ([`ReviewSession::applied`]), so a failed write changes nothing.
//! What each grade would do is worked out once, when a card is shown ([`Outcomes`]).

mod browsing;
mod outcomes;
pub mod typed;

use chrono::{DateTime, FixedOffset};

use crate::scheduler::{Due, Phase, Rating};
use crate::store::{NewEvent, NewKind, REVIEW_MODE};
use crate::study::{CramFilter, DueCounts, Origin, Queue, Study};

pub use outcomes::Outcomes;

/// Longest answer time recorded, as Anki caps it: a card left on screen is not an hour's study.
const MAX_ANSWER_MS: i64 = 60_000;

/// Milliseconds from `shown_at` to `now`, capped at [`MAX_ANSWER_MS`] (a minute) and never
/// below 0 (a clock set back): the time an answer took, in every mode that records it.
#[must_use]
pub(crate) fn answer_ms(shown_at: DateTime<FixedOffset>, now: DateTime<FixedOffset>) -> u32 {
    let ms = (now - shown_at).num_milliseconds().clamp(0, MAX_ANSWER_MS);
    u32::try_from(ms).unwrap_or(0)
}

/// Which side of the card on screen is up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// The front (and its hint): the answer is hidden.
    Question,
    /// The back too, with the grades and their outcomes.
    Answer,
}

/// The card on screen.
#[derive(Debug, Clone, PartialEq)]
pub struct Current {
    pub card: Box<str>,
    pub side: Side,
    pub shown_at: DateTime<FixedOffset>,
    /// What each grade would do, worked out when the card was shown (and again when its state,
    /// its exam or the day changed under it); `None` when cramming, which leaves schedules alone.
    pub outcomes: Option<Outcomes>,
    origin: Origin,
}

/// Something done that `u` can take back.
#[derive(Debug, Clone, PartialEq)]
struct Undoable {
    event_id: String,
    card: Box<str>,
    origin: Origin,
    what: &'static str,
}

/// A message for the user about what just happened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    Leech,
    Buried,
    Suspended,
    Undone(&'static str),
    NothingToUndo,
    /// A session of another kind had no card to show.
    NothingAhead(Kind),
    /// The card on screen was starred (`true`) or unstarred.
    Starred(bool),
    Error(String),
}

/// What a review session goes through.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Kind {
    /// Today's due cards.
    #[default]
    Due,
    /// Review cards due in the next this many days, answered early (schedules change).
    Ahead(u32),
    /// Every card the filter takes, answered as practice (schedules stay).
    Cram(CramFilter),
}

/// The mode a crammed answer is written with: practice, so replay leaves the schedule alone.
pub const CRAM_MODE: crate::practice::Mode = crate::practice::Mode::Cram;
/// Cards shown before a crammed card missed comes back.
const CRAM_AGAIN_AFTER: usize = 3;

/// A review of some decks' cards, one at a time, from a queue.
#[derive(Debug, Clone, PartialEq)]
pub struct ReviewSession {
    pub kind: Kind,
    /// Indexes of the decks studied.
    pub decks: Vec<usize>,
    pub title: String,
    pub queue: Queue,
    pub current: Option<Current>,
    pub notice: Option<Notice>,
    /// Lines the card text is scrolled by.
    pub scroll: u16,
    /// The card of each answer given in this session, in order (undo takes the last back):
    /// the done screen counts answers and the different cards they were for.
    pub answers: Vec<Box<str>>,
    undo: Vec<Undoable>,
    /// The decks' tags, for cramming one from the done screen (worked out once, not per frame).
    pub tags: Vec<String>,
}

impl ReviewSession {
    /// Starts on `decks` with today's queue.
    #[must_use]
    pub fn start(
        study: &Study,
        decks: Vec<usize>,
        title: String,
        now: DateTime<FixedOffset>,
    ) -> Self {
        Self::start_kind(study, decks, title, now, Kind::Due)
    }

    /// Starts a session of `kind` on `decks`.
    #[must_use]
    pub fn start_kind(
        study: &Study,
        decks: Vec<usize>,
        title: String,
        now: DateTime<FixedOffset>,
        kind: Kind,
    ) -> Self {
        let queue = match &kind {
            Kind::Due => Queue::build(study, &decks, now),
            Kind::Ahead(days) => Queue::ahead(study, &decks, now, *days),
            Kind::Cram(filter) => Queue::cram(study, &decks, filter),
        };
        let tags = study
            .tags_in(&decks)
            .into_iter()
            .map(str::to_owned)
            .collect();
        let mut session = Self {
            kind,
            decks,
            title,
            queue,
            current: None,
            notice: None,
            scroll: 0,
            answers: Vec::new(),
            undo: Vec::new(),
            tags,
        };
        session.advance(study, now);
        if session.current.is_none() && session.kind != Kind::Due {
            session.notice = Some(Notice::NothingAhead(session.kind.clone()));
        }
        session
    }

    /// The counts for the header: what is left, the card on screen included.
    #[must_use]
    pub fn counts(&self, study: &Study, now: DateTime<FixedOffset>) -> DueCounts {
        let mut counts = self.queue.counts(now, study.learn_ahead_end(now));
        if let Some(current) = &self.current {
            match current.origin {
                Origin::New => counts.new += 1,
                Origin::Review => counts.review += 1,
                Origin::DayLearning | Origin::Learning(_) => counts.learning += 1,
            }
        }
        counts
    }

    /// Answers given in this session, and the different cards they were for: a card missed
    /// and seen again counts once among the cards, and once per answer.
    #[must_use]
    pub fn answered(&self) -> (usize, usize) {
        let mut cards: Vec<&str> = self.answers.iter().map(AsRef::as_ref).collect();
        cards.sort_unstable();
        cards.dedup();
        (self.answers.len(), cards.len())
    }

    /// Turns the card on screen over; its outcomes were worked out when it was shown.
    pub fn reveal(&mut self) {
        if let Some(current) = &mut self.current {
            current.side = Side::Answer;
        }
    }

    /// Scrolls long text by `lines` (negative is up).
    pub fn scroll_by(&mut self, lines: i32) {
        self.scroll = u16::try_from((i32::from(self.scroll) + lines).max(0)).unwrap_or(u16::MAX);
    }

    /// Works out what each grade would do to the card on screen at `now`, running the scheduler
    /// once per grade; `None` when cramming. The screen reads [`Current::outcomes`] instead.
    #[must_use]
    pub fn preview(&self, study: &Study, now: DateTime<FixedOffset>) -> Option<Outcomes> {
        let current = self.current.as_ref().filter(|_| !self.is_cram())?;
        Some(Outcomes::of(study, &current.card, now))
    }

    /// Works out the outcomes of the card on screen again.
    fn work_out_outcomes(&mut self, study: &Study, now: DateTime<FixedOffset>) {
        let outcomes = self.preview(study, now);
        if let Some(current) = &mut self.current {
            current.outcomes = outcomes;
        }
    }

    /// After the day rolled over (the app checks on every action): the card on screen's
    /// intervals count from the new day, so its outcomes are worked out again.
    pub fn roll_day(&mut self, study: &Study, now: DateTime<FixedOffset>) {
        let today = study.scheduler.calendar().day(now);
        let current = self.current.as_ref().and_then(|current| current.outcomes);
        if current.is_some_and(|outcomes| outcomes.day != today) {
            self.work_out_outcomes(study, now);
        }
    }

    /// Puts `card` on screen, question side up, with its outcomes.
    fn show(&mut self, study: &Study, card: Box<str>, origin: Origin, now: DateTime<FixedOffset>) {
        self.current = Some(Current {
            card,
            side: Side::Question,
            shown_at: now,
            outcomes: None,
            origin,
        });
        self.work_out_outcomes(study, now);
    }

    /// The event that grades the card on screen; only on the answer side.
    #[must_use]
    pub fn answer(&self, rating: Rating, now: DateTime<FixedOffset>) -> Option<NewEvent> {
        let current = self.current.as_ref().filter(|c| c.side == Side::Answer)?;
        let duration = answer_ms(current.shown_at, now);
        let mode = if self.is_cram() {
            CRAM_MODE
        } else {
            REVIEW_MODE
        };
        let mut kind = NewKind::answer(rating, Some(duration), mode, None);
        // The day the button showed (load balanced), so that every replay puts it there.
        if let (NewKind::Review { due, .. }, Some(outcomes)) = (&mut kind, &current.outcomes) {
            *due = outcomes
                .due(rating)
                .and_then(crate::scheduler::calendar::date_of_day);
        }
        Some(event(&current.card, now, kind))
    }

    /// The event that buries (`true`) or suspends the card on screen.
    #[must_use]
    pub fn hide(&self, bury: bool, now: DateTime<FixedOffset>) -> Option<NewEvent> {
        let current = self.current.as_ref()?;
        Some(event(
            &current.card,
            now,
            if bury {
                NewKind::Bury
            } else {
                NewKind::Suspend
            },
        ))
    }

    /// The event that undoes the last answer, bury or suspend of this session.
    #[must_use]
    pub fn undo_event(&self, now: DateTime<FixedOffset>) -> Option<NewEvent> {
        let last = self.undo.last()?;
        Some(NewEvent::for_card(
            &last.card,
            now,
            NewKind::Undo {
                target: last.event_id.clone().into(),
            },
        ))
    }

    /// Applies an event the app has written: records it and moves the session on.
    pub fn applied(&mut self, study: &mut Study, written: &NewEvent, now: DateTime<FixedOffset>) {
        let card: Box<str> = written.card.as_deref().unwrap_or_default().into();
        let notes = study.record(written.to_event(), Some(&card));
        self.notice = None;
        match &written.kind {
            NewKind::Undo { .. } => {
                let Some(undone) = self.undo.pop() else {
                    return;
                };
                self.queue.remove_learning(&undone.card);
                if self.is_cram() {
                    // A miss put it back in line; the undone answer takes that back too.
                    self.queue.remove_review(&undone.card);
                }
                self.queue.unshow(undone.origin);
                if let Some(current) = self.current.take() {
                    self.queue.put_back(current.card, current.origin);
                }
                if undone.what == "answer" {
                    self.answers.pop();
                }
                // Its state is back to what it was before the undone answer: so are its outcomes.
                self.show(study, undone.card, undone.origin, now);
                self.scroll = 0;
                self.notice = Some(Notice::Undone(undone.what));
                return;
            }
            NewKind::Review { rating, .. } if self.is_cram() => {
                self.answers.push(card.clone());
                if *rating == Rating::Again {
                    self.queue.again_later(card.clone(), CRAM_AGAIN_AFTER);
                }
            }
            NewKind::Review { .. } => {
                self.answers.push(card.clone());
                let state = study.state(&card);
                if let (Phase::Learning { .. } | Phase::Relearning { .. }, Due::At(at), false) =
                    (state.phase, state.due, state.suspended)
                {
                    self.queue.add_learning(at, card.clone());
                }
                if notes.became_leech {
                    self.notice = Some(Notice::Leech);
                }
            }
            NewKind::Bury => self.notice = Some(Notice::Buried),
            NewKind::Suspend => self.notice = Some(Notice::Suspended),
            _ => {}
        }
        let origin = self.current.take().map_or(Origin::Review, |c| c.origin);
        let what = match written.kind {
            NewKind::Bury => "bury",
            NewKind::Suspend => "suspend",
            _ => "answer",
        };
        self.undo.push(Undoable {
            event_id: written.id.clone(),
            card,
            origin,
            what,
        });
        self.advance(study, now);
    }

    /// What the header says beside the title for a session that is not today's reviews.
    #[must_use]
    pub fn kind_label(&self) -> Option<String> {
        match &self.kind {
            Kind::Due => None,
            Kind::Ahead(days) => Some(format!("ahead {days}d")),
            Kind::Cram(filter) => Some(match (&filter.tag, filter.starred) {
                (Some(tag), true) => format!("cram starred #{tag}"),
                (Some(tag), false) => format!("cram #{tag}"),
                (None, true) => "cram starred".to_owned(),
                (None, false) => "cram".to_owned(),
            }),
        }
    }

    /// Whether answers leave the schedule alone.
    #[must_use]
    pub fn is_cram(&self) -> bool {
        matches!(self.kind, Kind::Cram(_))
    }

    /// Nothing was there to undo.
    pub fn nothing_to_undo(&mut self) {
        self.notice = Some(Notice::NothingToUndo);
    }

    /// Goes on with the new cards the session's decks were just allowed for the rest of the
    /// day (the events of [`Study::extend_new_today`], recorded).
    pub fn more_new_allowed(&mut self, study: &Study, now: DateTime<FixedOffset>) {
        self.queue = Queue::build(study, &self.decks, now);
        self.advance(study, now);
    }

    /// Shows the next card, if the current one is done. Cards whose deck entry disappeared
    /// (edited away) are skipped, and in today's review so are cards buried since the queue
    /// was built (a sibling answered, here or on another device).
    pub fn advance(&mut self, study: &Study, now: DateTime<FixedOffset>) {
        if self.current.is_some() {
            return;
        }
        self.scroll = 0;
        let learn_ahead_end = study.learn_ahead_end(now);
        let due = self.kind == Kind::Due;
        while let Some((card, origin)) = self.queue.next(now, learn_ahead_end) {
            let buried = due && study.burial(&card, now).is_some();
            if study.place(&card).is_some() && !buried {
                self.show(study, card, origin, now);
                return;
            }
        }
    }

    /// Re-checks after time passed (a learning card may now be due), decks were reloaded or
    /// another window's answers were read: the card on screen may be gone, buried by its
    /// sibling's answer there, or its state or its exam changed, so its outcomes are worked
    /// out again.
    pub fn refresh(&mut self, study: &Study, now: DateTime<FixedOffset>) {
        let buried = |card: &str| self.kind == Kind::Due && study.burial(card, now).is_some();
        match &self.current {
            Some(current) if study.place(&current.card).is_none() || buried(&current.card) => {
                self.current = None;
            }
            Some(_) => self.work_out_outcomes(study, now),
            None => {}
        }
        self.advance(study, now);
    }
}

fn event(card: &str, now: DateTime<FixedOffset>, kind: NewKind) -> NewEvent {
    NewEvent::for_card(card, now, kind)
}

#[cfg(test)]
mod tests;
