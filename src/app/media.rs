//! A card side's pictures, sounds and speech as the app decides them: which side is on
//! screen ([`App::side_media`]), what its files are (resolved from the deck file's folder and
//! kept inside the decks folder), and the effects that play, stop and open them. Review and
//! flashcards play and show media; the runtime (`runtime::media`) does the playing, the
//! drawing of pictures and the opening.
//!
//! As in Anki, a side's sounds play when it shows (`autoplay`, on by default), and a key
//! replays them; the question's sounds play on the question and the answer's on the answer
//! (Anki keeps a card's question and answer sounds apart in the same way).

use std::path::{Path, PathBuf};

use super::{App, Effect, Keys, Screen, keys};
use crate::deck::media::{MediaKind, references, resolve};
use crate::deck::{Deck, Source};
use crate::session::review::Side;

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
    pub pictures: Vec<Picture>,
    pub playback: Playback,
    /// References that lead out of the decks folder, as written; never opened or played.
    pub refused: Vec<String>,
}

/// What the app keeps about media between actions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MediaState {
    /// Play a side's sounds (and speak it) when it shows (`autoplay` in the settings).
    pub autoplay: bool,
    /// Whether the settings name a `tts_command`; without one nothing is spoken.
    pub speech: bool,
    /// Whether the terminal draws pictures (the runtime found out at the start): then the
    /// screens leave a place for them under the card's text.
    pub pictures: bool,
    /// The side media were last worked out for: (card, back).
    pub shown: Option<(Box<str>, bool)>,
}

impl Default for MediaState {
    fn default() -> Self {
        Self {
            autoplay: true,
            speech: false,
            pictures: false,
            shown: None,
        }
    }
}

impl App {
    /// The side on screen with its media, in review and flashcards; `None` elsewhere and
    /// between cards.
    #[must_use]
    pub fn side_media(&self) -> Option<SideMedia> {
        let (card_id, back, back_side, text, above) = match &self.screen {
            Screen::Review(review) => {
                let current = review.session.current.as_ref()?;
                let card = self.study.card(self.study.place(&current.card)?);
                let back = current.side == Side::Answer;
                let text = match (back, &card.cloze) {
                    (false, _) => card.front.clone(),
                    (true, None) => card.back.clone(),
                    // The answer side of a cloze card: its deletions, and `extra`.
                    (true, Some(cloze)) => {
                        format!("{}\n{}", card.back, cloze.extra.as_deref().unwrap_or(""))
                    }
                };
                // The answer shows under the question: its pictures stay on screen.
                let above = back.then(|| card.front.clone());
                (current.card.clone(), back, back, text, above)
            }
            Screen::Flashcards(cards) => {
                let session = &cards.session;
                if session.all_known || session.round_over() {
                    return None;
                }
                let term = session.current()?;
                let back = session.showing_back();
                let text = if back { &term.back } else { &term.front };
                // Flashcards may show the card's back first: the language is the text's side.
                let card = self.study.card(self.study.place(&term.id)?);
                let back_side = if back {
                    card.front != *text
                } else {
                    card.back == *text
                };
                (term.id.clone(), back, back_side, text.clone(), None)
            }
            _ => return None,
        };
        let mut side = SideMedia {
            card: card_id,
            back,
            pictures: Vec::new(),
            playback: Playback::default(),
            refused: Vec::new(),
        };
        let deck = self.study.deck(self.study.place(&side.card)?.deck);
        if let Some(above) = &above {
            // The question's sounds played with it.
            self.media_in(deck, above, &mut side, &mut Vec::new());
        }
        let mut sounds = Vec::new();
        self.media_in(deck, &text, &mut side, &mut sounds);
        side.playback.sounds = sounds;
        self.speech_of(deck, back_side, &text, &mut side);
        Some(side)
    }

    /// The media references in `text`, a text of a card of `deck` on screen: its pictures and
    /// refused paths into `side`, its sounds into `sounds`.
    fn media_in(&self, deck: &Deck, text: &str, side: &mut SideMedia, sounds: &mut Vec<PathBuf>) {
        let Source::File(file) = &deck.source else {
            return;
        };
        for reference in references(text).iter().filter(|r| !r.is_url()) {
            let Some(path) = resolve(file, &self.decks_dir, reference.path) else {
                side.refused.push(reference.path.to_owned());
                continue;
            };
            match reference.kind {
                MediaKind::Image => side.pictures.push(Picture {
                    path,
                    alt: reference.alt(text).trim().to_owned(),
                }),
                MediaKind::Sound => sounds.push(path),
            }
        }
    }

    /// The speech of `text`, the front (or with `back_side`, the back) of a card of `deck`,
    /// when the deck names the side's language and the settings can speak.
    fn speech_of(&self, deck: &Deck, back_side: bool, text: &str, side: &mut SideMedia) {
        if self.media.speech
            && let Some(language) = deck.speech.language(back_side)
        {
            let spoken = spoken_text(text, &references(text));
            if !spoken.is_empty() {
                side.playback.speech = Some(Utterance {
                    language: language.to_owned(),
                    text: spoken,
                });
            }
        }
    }

    /// After every action: a new side on screen stops what played, says which references it
    /// refuses, and (with `autoplay`) plays its sounds and speech.
    pub(super) fn follow_side(&mut self, effects: &mut Vec<Effect>) {
        let side = self.side_media();
        let key = side.as_ref().map(|side| (side.card.clone(), side.back));
        if key == self.media.shown {
            return;
        }
        self.media.shown = key;
        if effects.iter().any(|effect| matches!(effect, Effect::Quit)) {
            return;
        }
        effects.push(Effect::StopAudio);
        let Some(side) = side else { return };
        if let Some(first) = side.refused.first() {
            self.set_notice(format!(
                "`{first}` is outside the decks folder {}; keep media inside it",
                self.decks_dir.display()
            ));
        }
        let playback = side.playback;
        if self.media.autoplay && (playback.speech.is_some() || !playback.sounds.is_empty()) {
            effects.push(Effect::Play(playback));
        }
    }

    /// The replay key: the side's sounds and speech again, from the start.
    pub(super) fn replay(&mut self) -> Vec<Effect> {
        let Some(side) = self.side_media() else {
            return Vec::new();
        };
        let playback = side.playback;
        if playback.speech.is_none() && playback.sounds.is_empty() {
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
                replay: true,
                ..playback
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
    /// it has sounds or is spoken.
    #[must_use]
    pub fn side_media_keys(&self) -> MediaKeys {
        self.side_media()
            .map_or_else(MediaKeys::default, |side| MediaKeys {
                open: !side.pictures.is_empty(),
                replay: !side.playback.sounds.is_empty() || side.playback.speech.is_some(),
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
}

/// `keys` with the media keys the side wants (open, replay, or both): the review and
/// flashcards tables have a twin for each.
#[must_use]
pub fn with_media_keys(table: Keys, media: MediaKeys) -> Keys {
    // (plain, with both keys, with open only, with replay only)
    let twins = [
        (
            keys::QUESTION,
            [
                keys::QUESTION_MEDIA,
                keys::QUESTION_PICTURES,
                keys::QUESTION_SOUNDS,
            ],
        ),
        (
            keys::ANSWER,
            [
                keys::ANSWER_MEDIA,
                keys::ANSWER_PICTURES,
                keys::ANSWER_SOUNDS,
            ],
        ),
        (
            keys::FLASHCARDS,
            [
                keys::FLASHCARDS_MEDIA,
                keys::FLASHCARDS_PICTURES,
                keys::FLASHCARDS_SOUNDS,
            ],
        ),
        (
            keys::SORTING,
            [
                keys::SORTING_MEDIA,
                keys::SORTING_PICTURES,
                keys::SORTING_SOUNDS,
            ],
        ),
    ];
    let which = match (media.open, media.replay) {
        (true, true) => 0,
        (true, false) => 1,
        (false, true) => 2,
        (false, false) => return table,
    };
    twins
        .into_iter()
        .find(|(plain, _)| plain.same_as(table))
        .map_or(table, |(_, with)| with[which])
}

/// What is spoken of `text`: the text without its media references, as the card renderer
/// shows it (no Markdown marks, math as Unicode), its lines joined.
fn spoken_text(text: &str, found: &[crate::deck::media::MediaRef<'_>]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for reference in found {
        out.push_str(&text[at..reference.start]);
        at = reference.end;
    }
    out.push_str(&text[at..]);
    crate::ui::card::plain(&out)
}

/// A path for messages: the file's name.
#[must_use]
pub fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |name| name.to_string_lossy().into_owned(),
    )
}
