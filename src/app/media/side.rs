//! Which card side is on screen, in each mode that shows one: review, flashcards, Learn's
//! question (and its answer once answered) and the test's question. Its own text is what plays
//! when it shows; the question above an answer keeps its pictures on screen, and its sounds
//! replay with the answer's.

use std::path::PathBuf;

use super::{Picture, Playback, SideMedia, Utterance};
use crate::app::{App, Screen};
use crate::deck::media::{MediaKind, references, resolve};
use crate::deck::{Deck, Source};
use crate::session::learn::Stage;
use crate::session::practice_test::Item;
use crate::session::questions::Term;
use crate::session::review::Side;

/// A side on screen, before its media are worked out.
struct OnScreen {
    card: Box<str>,
    /// The answer (or a flashcard's back) shows.
    back: bool,
    /// What the side shows of its own.
    text: String,
    /// The question shown above an answer.
    above: Option<String>,
    /// Whether `text` is the card's back, whose language speech takes.
    back_side: bool,
}

impl App {
    /// The side on screen with its media; `None` where no card side shows (other screens,
    /// between cards, a matching block, a round's end).
    #[must_use]
    pub fn side_media(&self) -> Option<SideMedia> {
        let shown = self.side_on_screen()?;
        let mut side = SideMedia {
            card: shown.card,
            back: shown.back,
            pictures: Vec::new(),
            playback: Playback::default(),
            question_sounds: Vec::new(),
            refused: Vec::new(),
        };
        let deck = self.study.deck(self.study.place(&side.card)?.deck);
        let mut sounds = Vec::new();
        if let Some(above) = &shown.above {
            self.media_in(deck, above, &mut side, &mut sounds);
            side.question_sounds = std::mem::take(&mut sounds);
        }
        self.media_in(deck, &shown.text, &mut side, &mut sounds);
        side.playback.sounds = sounds;
        side.playback.speech = self.speech_of(deck, shown.back_side, &shown.text);
        Some(side)
    }

    fn side_on_screen(&self) -> Option<OnScreen> {
        match &self.screen {
            Screen::Review(review) => {
                let current = review.session.current.as_ref()?;
                let card = self.study.card(self.study.place(&current.card)?);
                let shown = |text: String, above: Option<String>, back: bool| OnScreen {
                    card: current.card.clone(),
                    back,
                    text,
                    above,
                    back_side: back,
                };
                Some(match (current.side, &card.cloze) {
                    (Side::Question, _) => shown(card.front.clone(), None, false),
                    // A cloze card's answer is its whole text, the deletions filled in, then
                    // `extra`: it shows in the question's place, as Anki's cloze back does.
                    (Side::Answer, Some(cloze)) => {
                        let (whole, _) = cloze.revealed();
                        let extra = cloze.extra.as_deref().unwrap_or_default();
                        shown(format!("{whole}\n\n{extra}"), None, true)
                    }
                    (Side::Answer, None) => {
                        shown(card.back.clone(), Some(card.front.clone()), true)
                    }
                })
            }
            Screen::Flashcards(cards) => {
                let session = &cards.session;
                if session.all_known || session.round_over() {
                    return None;
                }
                let term = session.current()?;
                let back = session.showing_back();
                let text = if back { &term.back } else { &term.front };
                Some(self.term_side(term, back, text.clone(), None))
            }
            Screen::Learn(learn) => {
                let session = &learn.session;
                let asked = session
                    .current
                    .as_ref()
                    .filter(|_| session.stage == Stage::Asking)?;
                let question = &asked.question;
                let term = &session.terms[question.term];
                // Answered: the answer shows under the question.
                Some(if asked.outcome.is_some() {
                    let above = Some(question.prompt.clone());
                    self.term_side(term, true, question.answer.clone(), above)
                } else {
                    self.term_side(term, false, question.prompt.clone(), None)
                })
            }
            Screen::Test(test) => {
                let session = &test.session;
                if session.report.is_some() || test.leaving {
                    return None;
                }
                let Item::Single(question) = session.items.get(session.position)? else {
                    return None;
                };
                let term = &session.terms[question.term];
                Some(self.term_side(term, false, question.prompt.clone(), None))
            }
            _ => None,
        }
    }

    /// A side of a practice mode's `term` showing `text`: the modes may ask with either side
    /// of the card, so the language speech takes is that of the side whose text it is.
    fn term_side(&self, term: &Term, back: bool, text: String, above: Option<String>) -> OnScreen {
        let back_side = self
            .study
            .place(&term.id)
            .is_some_and(|place| self.study.card(place).front != text);
        OnScreen {
            card: term.id.clone(),
            back,
            text,
            above,
            back_side,
        }
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
    fn speech_of(&self, deck: &Deck, back_side: bool, text: &str) -> Option<Utterance> {
        if !self.media.speech {
            return None;
        }
        let language = deck.speech.language(back_side)?;
        let spoken = super::spoken_text(text);
        (!spoken.is_empty()).then(|| Utterance {
            language: language.to_owned(),
            text: spoken,
        })
    }
}
