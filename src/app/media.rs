//! A card side's pictures, sounds and speech as the app decides them: which side is on
//! screen ([`App::side_media`], in `side`), what its files are (resolved from the deck
//! file's folder and kept inside the decks folder), and the effects that play, stop and open
//! them. Review, flashcards, Learn and the test play the media of the side they show (only
//! review and flashcards leave a place for pictures); the runtime (`runtime::media`) does the
//! playing, the drawing of pictures and the opening. A notice about a card's media is the
//! card's: it goes when another card shows.
//!
//! As in Anki, a side's sounds play when it shows (`autoplay`, on by default), and a key
//! replays them; the question's sounds play on the question and the answer's on the answer
//! (Anki keeps a card's question and answer sounds apart in the same way); on the answer the
//! replay key plays the question's sounds, then the answer's (Anki's default, "replay
//! question audio on answer side").

mod side;

use std::path::{Path, PathBuf};

use super::{App, Effect, Keys, Screen, keys};

/// A picture of a side: its file and alt text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picture {
    pub path: PathBuf,
    pub alt: String,
}

/// A side's text to be spoken, in a language ("es").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Utterance {
    pub language: String,
    pub text: String,
}

/// What the runtime is asked to play, in order: the speech, then each sound.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Playback {
    pub speech: Option<Utterance>,
    pub sounds: Vec<PathBuf>,
    /// Asked for by the replay key: what cannot play (no player) is told again, where
    /// playing when a side shows tells it once.
    pub replay: bool,
}

/// The media of the side on screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SideMedia {
    /// The card's id, and whether its answer (or back) shows: a change of either is a new side.
    pub card: Box<str>,
    pub back: bool,
    /// The pictures on screen: the side's, and on an answer the question's above it.
    pub pictures: Vec<Picture>,
    /// What plays when the side shows: its own speech and sounds.
    pub playback: Playback,
    /// The sounds of the question shown above an answer: the replay key plays them first.
    pub question_sounds: Vec<PathBuf>,
    /// References that lead out of the decks folder, as written; never opened or played.
    pub refused: Vec<String>,
}

/// What the app keeps about media between actions.
// Independent facts about the settings and the terminal, each a yes or a no.
#[allow(clippy::struct_excessive_bools)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MediaState {
    /// Play a side's sounds (and speak it) when it shows (`autoplay` in the settings).
    pub autoplay: bool,
    /// Whether the settings name a `tts_command`; without one nothing is spoken.
    pub speech: bool,
    /// Whether the terminal draws pictures (the runtime found out at the start): then the
    /// screens leave a place for them under the card's text.
    pub pictures: bool,
    /// Whether a sound player was found (the runtime found out at the start): without one
    /// the replay key is offered only for speech.
    pub player: bool,
    /// The side media were last worked out for: (card, back).
    pub shown: Option<(Box<str>, bool)>,
    /// The notice about a card's media on screen: the card, and the message, which goes
    /// when another card shows (unless another notice took its place).
    pub noticed: Option<(Box<str>, String)>,
}

impl Default for MediaState {
    fn default() -> Self {
        Self {
            autoplay: true,
            speech: false,
            pictures: false,
            player: true,
            shown: None,
            noticed: None,
        }
    }
}

impl App {
    /// After every action: a new side on screen stops what played, takes away the notice
    /// about another card's media, says which references it refuses, and (with `autoplay`)
    /// plays its sounds and speech.
    pub(super) fn follow_side(&mut self, effects: &mut Vec<Effect>) {
        let side = self.side_media();
        let key = side.as_ref().map(|side| (side.card.clone(), side.back));
        if key == self.media.shown {
            return;
        }
        self.media.shown = key;
        if let Some((card, message)) = self.media.noticed.take() {
            if side.as_ref().is_some_and(|side| side.card == card) {
                self.media.noticed = Some((card, message));
            } else {
                self.take_notice(&message);
            }
        }
        if effects.iter().any(|effect| matches!(effect, Effect::Quit)) {
            return;
        }
        effects.push(Effect::StopAudio);
        let Some(side) = side else { return };
        if let Some(first) = side.refused.first() {
            self.card_notice(&format!(
                "`{first}` is outside the decks folder {}; keep media inside it",
                self.decks_dir.display()
            ));
        }
        let playback = side.playback;
        if self.media.autoplay && (playback.speech.is_some() || !playback.sounds.is_empty()) {
            effects.push(Effect::Play(playback));
        }
    }

    /// A notice about the media of the card on screen (a picture that cannot be read, no
    /// sound player): it goes when another card shows. Another about the same card is added
    /// to it, each a sentence, rather than hiding it.
    /// One that comes when no card shows (a picture read for a card since left) is dropped.
    pub(super) fn card_notice(&mut self, message: &str) {
        let Some(card) = self.media.shown.as_ref().map(|(card, _)| card.clone()) else {
            return;
        };
        // Each a sentence with its full stop, none said twice, what is new first: a notice
        // cut short on a small screen still tells the answer's problem under the question's.
        let message = match &self.media.noticed {
            Some((noticed, before))
                if *noticed == card && self.notice_shown() == Some(before.as_str()) =>
            {
                let joined = crate::english::sentences([before.as_str(), message]);
                let added = joined.get(before.len()..).unwrap_or_default();
                crate::english::sentences([added, before.as_str()])
            }
            _ => crate::english::sentences([message]),
        };
        self.set_notice(message.clone());
        self.media.noticed = Some((card, message));
    }

    /// The notice on screen: the review session's error, or the app's.
    fn notice_shown(&self) -> Option<&str> {
        match &self.screen {
            Screen::Review(review) => match &review.session.notice {
                Some(crate::session::review::Notice::Error(message)) => Some(message),
                _ => None,
            },
            _ => self.notice.as_deref(),
        }
    }

    /// Takes `message` off the screen, unless another notice has taken its place.
    fn take_notice(&mut self, message: &str) {
        if self.notice_shown() != Some(message) {
            return;
        }
        match &mut self.screen {
            Screen::Review(review) => review.session.notice = None,
            _ => self.notice = None,
        }
    }

    /// The replay key: the side's sounds and speech again, from the start; on an answer, the
    /// question's sounds first.
    pub(super) fn replay(&mut self) -> Vec<Effect> {
        let Some(side) = self.side_media() else {
            return Vec::new();
        };
        let mut sounds = side.question_sounds;
        sounds.extend(side.playback.sounds);
        if side.playback.speech.is_none() && sounds.is_empty() {
            let message = if self.media.speech || !self.side_speaks() {
                "This side has no sound."
            } else {
                "This side has no sound; set `tts_command` in config.toml to hear it spoken."
            };
            self.set_notice(message.to_owned());
            return Vec::new();
        }
        vec![
            Effect::StopAudio,
            Effect::Play(Playback {
                speech: side.playback.speech,
                sounds,
                replay: true,
            }),
        ]
    }

    /// Whether the side's deck asks for speech (which the settings may not give).
    fn side_speaks(&self) -> bool {
        self.side_media()
            .and_then(|side| self.study.place(&side.card))
            .is_some_and(|place| {
                self.study.deck(place.deck).speech != crate::deck::speech::Speech::default()
            })
    }

    /// The open key: the side's pictures in the system viewer.
    pub(super) fn open_pictures(&mut self) -> Vec<Effect> {
        let pictures = self
            .side_media()
            .map(|side| side.pictures)
            .unwrap_or_default();
        if pictures.is_empty() {
            self.set_notice("This side has no picture.".to_owned());
        }
        pictures
            .into_iter()
            .map(|picture| Effect::OpenImage(picture.path))
            .collect()
    }

    /// Which media keys the side on screen wants: open where it has pictures, replay where
    /// it has sounds (its own or the question's above it) or is spoken, in the footer only
    /// where a player plays the sounds or the side is spoken.
    #[must_use]
    pub fn side_media_keys(&self) -> MediaKeys {
        self.side_media()
            .map_or_else(MediaKeys::default, |side| MediaKeys {
                open: !side.pictures.is_empty(),
                replay: !side.playback.sounds.is_empty()
                    || !side.question_sounds.is_empty()
                    || side.playback.speech.is_some(),
                plays: self.media.player || side.playback.speech.is_some(),
            })
    }
}

/// The media keys a side's table carries: each only where it does something.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct MediaKeys {
    /// `o`: the side has pictures.
    pub open: bool,
    /// `r`: the side has sounds or is spoken.
    pub replay: bool,
    /// Whether `r` plays something (a player for the sounds, or speech): else it only tells
    /// there is no player, and the footer leaves it out.
    pub plays: bool,
}

/// `table` with the media keys the side wants (open, replay, or both), wherever it leaves
/// their keys free ([`Keys::with_added`]): first, or with `after_first` after the table's
/// first part (its keys that matter most, which a narrow footer keeps).
#[must_use]
pub fn with_media_keys(table: Keys, media: MediaKeys, after_first: bool) -> Keys {
    let open = media.open.then_some(keys::OPEN);
    let replay_keys = if media.plays {
        keys::REPLAY
    } else {
        keys::REPLAY_UNPLAYABLE
    };
    let replay = media.replay.then_some(replay_keys);
    let added: Vec<&'static [crate::app::Binding]> = open.into_iter().chain(replay).collect();
    if added.is_empty() {
        return table;
    }
    table.with_added(&added, usize::from(after_first))
}

/// What is spoken of `text`: its words without its media references, as the card's content
/// has them ([`crate::ui::card::spoken`]), not the marks drawn around them.
fn spoken_text(text: &str) -> String {
    crate::ui::card::spoken(&crate::deck::media::without_references(text))
}

/// A path for messages: the file's name.
#[must_use]
pub fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |name| name.to_string_lossy().into_owned(),
    )
}
