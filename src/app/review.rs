//! The review screen: the session (today's cards, studying ahead or cramming), its done
//! screen, and what shows over it (help, or the tag to cram being typed). The rules are
//! `session::review`; studying on from the done screen is [`super::cram`]; typed answers and
//! the hint on request are in `typing`.

mod typing;

use super::{Action, App, Effect, Keys, MORE_NEW, Screen, keys};
use chrono::{DateTime, FixedOffset};

use crate::deck::Source;
use crate::session::review::{Kind, Notice, ReviewSession, Side};
use crate::store::NewEvent;
use crate::study::Study;
pub use typing::AnswerField;

/// The review screen's state.
#[derive(Debug, Clone, PartialEq)]
pub struct ReviewScreen {
    pub session: ReviewSession,
    pub overlay: Option<ReviewOverlay>,
    /// The session's typing toggle (`t`): `Some(true)` asks every card's answer to be
    /// typed, `Some(false)` none; `None` until used, when each card's `type` decides.
    pub type_answers: Option<bool>,
    /// The answer being typed for the card on screen, when it asks for one.
    pub field: Option<AnswerField>,
    /// Whether the card on screen's hint was asked for (`h`).
    pub hint_shown: bool,
    /// The showing of the card the field and the hint belong to.
    showing_now: Option<typing::Showing>,
}

/// What shows over the review screen, and takes its keys.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReviewOverlay {
    Help,
    /// A tag being typed on the done screen, to cram its cards.
    Tag(String),
    /// The mode picker over the done screen, on the decks just reviewed.
    Picker,
}

impl ReviewScreen {
    /// The key table for the tag prompt, the card's side, or the done screen (beneath help,
    /// which [`App::bindings`] puts over it).
    #[must_use]
    pub fn keys(&self, study: &Study) -> Keys {
        match self.overlay {
            Some(ReviewOverlay::Tag(_)) => return keys::TAG_INPUT,
            Some(ReviewOverlay::Picker) => return keys::PICKER,
            _ => {}
        }
        match &self.session.current {
            None if study.has_unseen(&self.session.decks) => keys::DONE_MORE_NEW,
            None => keys::DONE,
            Some(current) if current.side == Side::Question => self.question_keys(study),
            Some(_) => keys::ANSWER,
        }
    }

    /// The screen on `session`, its first card's field and hint set up.
    #[must_use]
    pub fn new(session: ReviewSession, type_answers: Option<bool>, study: &Study) -> Self {
        let mut screen = Self {
            session,
            overlay: None,
            type_answers,
            field: None,
            hint_shown: false,
            showing_now: None,
        };
        screen.follow_card(study);
        screen
    }
}

impl App {
    /// Opens the review screen on `decks`.
    pub fn start_review(&mut self, decks: Vec<usize>, title: String) {
        self.start_session(decks, title, Kind::Due);
    }

    /// Opens the review screen on `decks` for a session of `kind`.
    pub fn start_session(&mut self, decks: Vec<usize>, title: String, kind: Kind) {
        self.notice = None;
        let session = ReviewSession::start_kind(&self.study, decks, title, self.now, kind);
        // Studying on from the done screen keeps the typing toggle.
        let type_answers = match &self.screen {
            Screen::Review(review) => review.type_answers,
            _ => None,
        };
        let screen = ReviewScreen::new(session, type_answers, &self.study);
        self.screen = Screen::Review(Box::new(screen));
    }

    /// A key on the review screen: its overlay's, or the session's.
    pub(super) fn update_review(&mut self, action: &Action) -> Vec<Effect> {
        let now = self.now;
        let Screen::Review(review) = &mut self.screen else {
            return Vec::new();
        };
        match &review.overlay {
            Some(ReviewOverlay::Help) => {
                if *action == Action::Help {
                    review.overlay = None;
                }
                return Vec::new();
            }
            Some(ReviewOverlay::Tag(_)) => {
                self.tag_key(action);
                return Vec::new();
            }
            Some(ReviewOverlay::Picker) => {
                let (decks, title) = (review.session.decks.clone(), review.session.title.clone());
                if *action == Action::Picker {
                    review.overlay = None;
                } else {
                    self.pick(action, decks, title);
                }
                return Vec::new();
            }
            None => {}
        }
        if review.typing_key(action, &self.study, self.strictness) {
            return Vec::new();
        }
        let session = &mut review.session;
        let write = |event: Option<NewEvent>| event.map(Effect::Write).into_iter().collect();
        match action {
            Action::Help => review.overlay = Some(ReviewOverlay::Help),
            Action::Reveal => session.reveal(),
            Action::Grade(rating) => return write(session.answer(*rating, now)),
            Action::Bury => return write(session.hide(true, now)),
            Action::Suspend => return write(session.hide(false, now)),
            Action::Undo => match session.undo_event(now) {
                Some(event) => return vec![Effect::Write(event)],
                None => session.nothing_to_undo(),
            },
            Action::Up => session.scroll_by(-1),
            Action::Down => session.scroll_by(1),
            Action::MoreNew
                if session.current.is_none() && self.study.has_unseen(&session.decks) =>
            {
                let events = self.study.extend_new_today(&session.decks, MORE_NEW, now);
                return vec![Effect::WriteAll(events)];
            }
            Action::Picker if session.current.is_none() => {
                review.overlay = Some(ReviewOverlay::Picker);
            }
            // From the done screen, `f`, `l` and `t` practise the same decks; match is in the
            // mode picker, as `m` means the picker on every screen.
            Action::PickMode(Some(mode))
                if session.current.is_none() && *mode != super::PracticeMode::Match =>
            {
                let (decks, title) = (session.decks.clone(), session.title.clone());
                self.open_options(*mode, decks, title);
            }
            Action::ReviewAhead | Action::Cram | Action::CramStarred | Action::CramTag
                if session.current.is_none() =>
            {
                self.study_on(action);
            }
            Action::Edit => return self.edit_current(),
            Action::Browse => {
                let search = match session.decks.as_slice() {
                    [deck] => {
                        super::home::deck_search(self.study.collection.decks[*deck].id.as_str())
                    }
                    _ => String::new(),
                };
                let card = session.current.as_ref().map(|c| c.card.to_string());
                self.open_browser(&search, card.as_deref(), now);
            }
            Action::Back => return self.go_home(),
            _ => {}
        }
        Vec::new()
    }

    /// "More new cards" was written: the study counts it, and the session goes on with them.
    pub(super) fn more_new_written(&mut self, events: &[NewEvent], now: DateTime<FixedOffset>) {
        self.study.record_all(events);
        if let Screen::Review(review) = &mut self.screen {
            review.session.more_new_allowed(&self.study, now);
        }
        self.refresh_home();
    }

    /// `e`: the card's deck file in the editor, at its line.
    fn edit_current(&mut self) -> Vec<Effect> {
        let Screen::Review(review) = &mut self.screen else {
            return Vec::new();
        };
        let session = &mut review.session;
        let Some(place) = session
            .current
            .as_ref()
            .and_then(|c| self.study.place(&c.card))
        else {
            return Vec::new();
        };
        let line = self.study.card(place).line;
        match &self.study.deck(place.deck).source {
            Source::File(path) => vec![Effect::Edit {
                path: path.clone(),
                line,
            }],
            Source::Bundled => {
                let browse = keys::QUESTION.label(&Action::Browse);
                let copy = keys::BROWSER.label(&Action::CopyBuiltIn);
                session.notice = Some(Notice::Error(format!(
                    "The built-in deck has no file to edit: {browse}, then {copy}, copies it to one."
                )));
                Vec::new()
            }
        }
    }
}
