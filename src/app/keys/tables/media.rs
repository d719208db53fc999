//! Review's tables on a side with pictures or sounds: the media keys after the answer's (or
//! the grades), each only where it does something: `o` where the side has pictures, `r`
//! where it has sounds or is spoken.

use crossterm::event::KeyCode as K;

use super::super::On::Keys as Code;
use super::super::{Binding, HELP_ONLY, Keys, bind};
use super::{CARD_COMMANDS, GRADES, OPEN, REPLAY};
use crate::app::Action as A;

/// The question's Space, in help only: the media keys take its place in the footer.
#[rustfmt::skip]
const REVEAL: &[Binding] = &[
    bind(Code(&[K::Char(' '), K::Enter]), "Space", "show answer", A::Reveal, HELP_ONLY),
];

pub const QUESTION_MEDIA: Keys = Keys(&[REVEAL, OPEN, REPLAY, CARD_COMMANDS], None);
pub const QUESTION_PICTURES: Keys = Keys(&[REVEAL, OPEN, CARD_COMMANDS], None);
pub const QUESTION_SOUNDS: Keys = Keys(&[REVEAL, REPLAY, CARD_COMMANDS], None);

pub const ANSWER_MEDIA: Keys = Keys(&[GRADES, OPEN, REPLAY, CARD_COMMANDS], None);
pub const ANSWER_PICTURES: Keys = Keys(&[GRADES, OPEN, CARD_COMMANDS], None);
pub const ANSWER_SOUNDS: Keys = Keys(&[GRADES, REPLAY, CARD_COMMANDS], None);
