//! Typed answers and hints on the review screen: the field on the question side, what Enter
//! reveals with it ([`Checked`]), the session's typing toggle, and the hint kept hidden until
//! asked for. A field and a shown hint belong to one showing of one card: a card shown again
//! (after Again, or undone) starts with an empty field and its hint hidden.

use chrono::{DateTime, FixedOffset};

use super::ReviewScreen;
use crate::app::Keys;
use crate::app::line_input::{self, LineInput};
use crate::app::{Action, keys};
use crate::session::grade::Strictness;
use crate::session::review::Side;
use crate::session::review::typed::Checked;
use crate::study::Study;

/// The answer typed for the card on screen.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AnswerField {
    pub input: LineInput,
    /// Keys type into it; Esc leaves it (the review keys work again), Enter or `i` goes back.
    pub focused: bool,
    /// Worked out when the answer was revealed.
    pub checked: Option<Checked>,
}

/// One showing of one card: its id and when it was shown.
pub(super) type Showing = (Box<str>, DateTime<FixedOffset>);

impl ReviewScreen {
    /// The card on screen's showing, if any.
    fn showing(&self) -> Option<Showing> {
        let current = self.session.current.as_ref()?;
        Some((current.card.clone(), current.shown_at))
    }

    /// Whether the card on screen asks for its answer to be typed: the session's toggle if
    /// it was used, else the card's `type` (or its deck's).
    #[must_use]
    pub fn wants_typing(&self, study: &Study) -> bool {
        let Some(current) = &self.session.current else {
            return false;
        };
        self.type_answers.unwrap_or_else(|| {
            study
                .place(&current.card)
                .is_some_and(|place| study.card(place).typed)
        })
    }

    /// Whether the card on screen has a hint not shown yet.
    #[must_use]
    pub fn hint_hidden(&self, study: &Study) -> bool {
        !self.hint_shown
            && self.session.current.as_ref().is_some_and(|current| {
                current.side == Side::Question
                    && study
                        .place(&current.card)
                        .is_some_and(|place| study.card(place).hint.is_some())
            })
    }

    /// Whether keys type into the answer field.
    #[must_use]
    pub fn typing(&self) -> bool {
        self.overlay.is_none()
            && self.on_question()
            && self.field.as_ref().is_some_and(|field| field.focused)
    }

    fn on_question(&self) -> bool {
        self.session
            .current
            .as_ref()
            .is_some_and(|current| current.side == Side::Question)
    }

    /// After every action: a new card on screen gets a fresh field (when it asks for one)
    /// and its hint hidden.
    pub fn follow_card(&mut self, study: &Study) {
        let showing = self.showing();
        if showing == self.showing_now {
            return;
        }
        self.showing_now = showing;
        self.hint_shown = false;
        self.field = self.wants_typing(study).then(|| AnswerField {
            focused: true,
            ..AnswerField::default()
        });
    }

    /// The key table of the question side: typing into the field, the field left, or no
    /// field; each with the hint key while the card's hint is hidden.
    pub(super) fn question_keys(&self, study: &Study) -> Keys {
        let hint = self.hint_hidden(study);
        match (&self.field, hint) {
            (Some(field), false) if field.focused => keys::TYPING_REVIEW,
            (Some(field), true) if field.focused => keys::TYPING_REVIEW_HINT,
            (Some(_), false) => keys::QUESTION_FIELD_LEFT,
            (Some(_), true) => keys::QUESTION_FIELD_LEFT_HINT,
            (None, false) => keys::QUESTION,
            (None, true) => keys::QUESTION_HINT,
        }
    }

    /// A key about typing or the hint; `false` if it is none of those and the screen's other
    /// keys should have it.
    pub(super) fn typing_key(
        &mut self,
        action: &Action,
        study: &Study,
        strictness: Strictness,
    ) -> bool {
        match action {
            Action::ShowHint if self.hint_hidden(study) => self.hint_shown = true,
            Action::ToggleTyping if self.on_question() => self.toggle_typing(study),
            Action::Submit | Action::Reveal if self.field.is_some() && self.on_question() => {
                self.reveal_typed(study, strictness);
            }
            Action::EnterField if self.on_question() => {
                if let Some(field) = &mut self.field {
                    field.focused = true;
                }
            }
            _ if self.typing() => {
                if let Some(field) = &mut self.field {
                    // Enter was handled above; Esc leaves the field, not the screen.
                    if line_input::edit_input(&mut field.input, action, |_, c| !c.is_control())
                        == Some(line_input::End::Cancel)
                    {
                        field.focused = false;
                    }
                }
            }
            _ => return false,
        }
        true
    }

    /// `t` on the question side: typing on for the rest of the session if the card on
    /// screen had none, else off; the card on screen follows at once.
    fn toggle_typing(&mut self, study: &Study) {
        let on = !self.wants_typing(study);
        self.type_answers = Some(on);
        self.field = on.then(|| AnswerField {
            focused: true,
            ..AnswerField::default()
        });
    }

    /// Enter in the field (or Space once it was left): the answer side, with the typed text
    /// checked against the card's answer (a cloze card's deleted text).
    fn reveal_typed(&mut self, study: &Study, strictness: Strictness) {
        let answer = self
            .session
            .current
            .as_ref()
            .and_then(|current| study.place(&current.card))
            .map(|place| study.card(place).back.clone());
        self.session.reveal();
        if let (Some(field), Some(answer)) = (&mut self.field, answer) {
            field.focused = false;
            field.checked = Some(Checked::of(field.input.text(), &answer, strictness));
        }
    }

    /// The grade the typed answer suggests, once revealed.
    #[must_use]
    pub fn suggested(&self) -> Option<crate::scheduler::Rating> {
        self.field
            .as_ref()
            .and_then(|field| field.checked.as_ref())
            .and_then(Checked::suggested)
    }
}
