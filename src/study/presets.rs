//! Which settings preset each deck uses, and so which scheduler answers its cards: the deck
//! file's `preset = "NAME"`, else the first preset (in the settings file's order) with a
//! `decks` glob that matches the deck's id, else the global section. A deck file that names a
//! preset the settings lack gets the global section, and its row says so.

use rustc_hash::FxHashMap;

use crate::config::glob_matches;
use crate::deck::{Collection, Deck};
use crate::scheduler::{Scheduler, Schedulers};
use crate::store::deck_of;

/// A named preset's scheduler, with the deck globs that choose it.
#[derive(Debug, Clone)]
pub struct NamedScheduler {
    pub name: String,
    /// Deck ids or globs of them (see [`glob_matches`]).
    pub decks: Vec<String>,
    pub scheduler: Scheduler,
}

/// Why a deck uses the preset it does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// Its deck file's `preset = "NAME"`, on this line.
    DeckFile { line: usize },
    /// This glob of the preset's `decks`.
    Glob(String),
    /// Nothing names a preset for it.
    Global,
    /// Its deck file names, on `line`, a preset that the settings do not define: the global
    /// section applies.
    Unknown { name: String, line: usize },
}

/// A deck's preset: an index into [`Schedulers::all`] (0, the global section), and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    pub preset: usize,
    pub reason: Reason,
}

/// The global scheduler and the presets', with each deck's choice among them.
#[derive(Debug, Clone)]
pub struct Presets {
    /// The global section's, then each preset's in the settings file's order.
    schedulers: Vec<Scheduler>,
    /// The names of `schedulers[1..]`.
    names: Vec<String>,
    /// The `decks` globs of `schedulers[1..]`.
    globs: Vec<Vec<String>>,
    /// Each deck's choice, by its index in the collection [`Presets::resolve`] last saw.
    choices: Vec<Choice>,
    /// The decks, by id, that do not use the global section, and the index of their
    /// scheduler: how a card's id finds its scheduler.
    by_deck: FxHashMap<Box<str>, usize>,
}

impl Presets {
    /// No presets: `global` schedules every card.
    #[must_use]
    pub fn global_only(global: Scheduler) -> Self {
        Self::new(global, Vec::new())
    }

    /// The global scheduler and the presets', in the settings file's order; no deck chooses
    /// one until [`Presets::resolve`].
    #[must_use]
    pub fn new(global: Scheduler, named: Vec<NamedScheduler>) -> Self {
        let mut schedulers = vec![global];
        let (mut preset_names, mut preset_globs) = (Vec::new(), Vec::new());
        for preset in named {
            schedulers.push(preset.scheduler);
            preset_names.push(preset.name);
            preset_globs.push(preset.decks);
        }
        Self {
            schedulers,
            names: preset_names,
            globs: preset_globs,
            choices: Vec::new(),
            by_deck: FxHashMap::default(),
        }
    }

    /// Chooses each deck's preset; called again whenever the decks change.
    pub fn resolve(&mut self, collection: &Collection) {
        self.choices = collection
            .decks
            .iter()
            .map(|deck| self.choose(deck))
            .collect();
        self.by_deck = collection
            .decks
            .iter()
            .zip(&self.choices)
            .filter(|(_, choice)| choice.preset != 0)
            .map(|(deck, choice)| (Box::from(deck.id.as_str()), choice.preset))
            .collect();
    }

    fn choose(&self, deck: &Deck) -> Choice {
        if let Some(named) = &deck.preset {
            return match self.names.iter().position(|name| *name == named.name) {
                Some(index) => Choice {
                    preset: index + 1,
                    reason: Reason::DeckFile { line: named.line },
                },
                None => Choice {
                    preset: 0,
                    reason: Reason::Unknown {
                        name: named.name.clone(),
                        line: named.line,
                    },
                },
            };
        }
        let id = deck.id.as_str();
        self.globs
            .iter()
            .enumerate()
            .find_map(|(index, globs)| {
                let glob = globs.iter().find(|glob| glob_matches(glob, id))?;
                Some(Choice {
                    preset: index + 1,
                    reason: Reason::Glob(glob.clone()),
                })
            })
            .unwrap_or(Choice {
                preset: 0,
                reason: Reason::Global,
            })
    }

    /// The preset of the deck at `deck` in the collection last resolved, and why; the global
    /// section for a deck it did not have.
    #[must_use]
    pub fn choice(&self, deck: usize) -> &Choice {
        static GLOBAL: Choice = Choice {
            preset: 0,
            reason: Reason::Global,
        };
        self.choices.get(deck).unwrap_or(&GLOBAL)
    }

    /// The index in [`Schedulers::all`] of the preset of the deck at `deck`.
    #[must_use]
    pub fn preset_of(&self, deck: usize) -> usize {
        self.choices.get(deck).map_or(0, |choice| choice.preset)
    }

    /// The scheduler of the deck at `deck` in the collection.
    #[must_use]
    pub fn for_deck(&self, deck: usize) -> &Scheduler {
        self.schedulers
            .get(self.preset_of(deck))
            .unwrap_or_else(|| self.global())
    }

    /// The name of the preset at `index` in [`Schedulers::all`]; `None` for the global
    /// section.
    #[must_use]
    pub fn name(&self, index: usize) -> Option<&str> {
        index
            .checked_sub(1)
            .and_then(|i| self.names.get(i))
            .map(String::as_str)
    }

    /// The index in [`Schedulers::all`] of the preset called `name`.
    #[must_use]
    pub fn index_of(&self, name: &str) -> Option<usize> {
        self.names.iter().position(|n| n == name).map(|i| i + 1)
    }
}

impl Schedulers for Presets {
    fn global(&self) -> &Scheduler {
        // `new` puts the global scheduler first, and nothing takes it out.
        &self.schedulers[0]
    }

    fn all(&self) -> &[Scheduler] {
        &self.schedulers
    }

    fn index_for(&self, card: &str) -> usize {
        if self.by_deck.is_empty() {
            return 0;
        }
        self.by_deck.get(deck_of(card)).copied().unwrap_or(0)
    }
}

#[cfg(test)]
mod tests;
