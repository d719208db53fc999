//! The media keys a screen adds to its table where the card on screen has media
//! ([`super::super::Keys::with_added`]): `o` where the side has pictures, `r` where it has
//! sounds or is spoken, each only where the table leaves the key free. A part each, so that
//! a table that uses one of the keys still gets the other.

use crossterm::event::KeyCode as K;

use super::super::On::Keys as Code;
use super::super::{Binding, FOOTER, HELP_ONLY, bind};
use crate::app::Action as A;

/// A side with pictures.
#[rustfmt::skip]
pub const OPEN: &[Binding] = &[
    bind(Code(&[K::Char('o')]), "o", "open picture", A::OpenImage, FOOTER),
];

/// A side with sounds or speech.
#[rustfmt::skip]
pub const REPLAY: &[Binding] = &[
    bind(Code(&[K::Char('r')]), "r", "replay sound", A::Replay, FOOTER),
];

/// A side with sounds and no player to play them: `r` still tells how to set one, but the
/// footer does not offer it, as it plays nothing.
#[rustfmt::skip]
pub const REPLAY_UNPLAYABLE: &[Binding] = &[
    bind(Code(&[K::Char('r')]), "r", "replay sound (without a player: how to set one)", A::Replay, HELP_ONLY),
];
