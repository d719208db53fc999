//! `flashdeck suspend|unsuspend|forget|star|unstar (CARD… | --query Q)`: one action on chosen
//! cards, written to the log as one event a card that it changes, all in one write. Cards it
//! would not change (already suspended, say) get no event.

use std::io::Write;
use std::process::ExitCode;

use anyhow::{Context, Result};
use chrono::{DateTime, FixedOffset};

use super::FAILURE;
use crate::cli::CardsChosen;
use crate::english::counted;
use crate::library::load_study;
use crate::paths::Locations;
use crate::scheduler::{Phase, Settings};
use crate::search::{Index, Query};
use crate::store::{NewEvent, NewKind, Store};
use crate::study::Study;

/// What is done to each card.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CardAction {
    Suspend,
    Unsuspend,
    Forget,
    Star,
    Unstar,
}

impl CardAction {
    /// The event it writes.
    fn kind(self) -> NewKind {
        match self {
            Self::Suspend => NewKind::Suspend,
            Self::Unsuspend => NewKind::Unsuspend,
            Self::Forget => NewKind::Forget,
            Self::Star => NewKind::Star,
            Self::Unstar => NewKind::Unstar,
        }
    }

    /// Whether it changes `card` as it stands.
    fn changes(self, study: &Study, card: &str) -> bool {
        let state = study.state(card);
        let starred = study.practice(card).starred;
        match self {
            Self::Suspend => !state.suspended,
            Self::Unsuspend => state.suspended,
            Self::Forget => state.phase != Phase::New,
            Self::Star => !starred,
            Self::Unstar => starred,
        }
    }

    /// The past tense, for "unsuspended 3 cards".
    fn done(self) -> &'static str {
        match self {
            Self::Suspend => "suspended",
            Self::Unsuspend => "unsuspended",
            Self::Forget => "forgot",
            Self::Star => "starred",
            Self::Unstar => "unstarred",
        }
    }

    /// What a card it leaves alone already is.
    fn already(self) -> &'static str {
        match self {
            Self::Suspend => "already suspended",
            Self::Unsuspend => "not suspended",
            Self::Forget => "already new",
            Self::Star => "already starred",
            Self::Unstar => "not starred",
        }
    }
}

/// Where and when the actions run: the collection's locations, the scheduling settings, now.
#[derive(Debug, Clone, Copy)]
pub struct Acting<'a> {
    pub locations: &'a Locations,
    pub settings: &'a Settings,
    pub now: DateTime<FixedOffset>,
}

impl Acting<'_> {
    /// Applies `action` to the chosen cards. Exits 1, writing nothing, when a card id is
    /// unknown, the query is bad, or nothing matched.
    pub fn run(
        self,
        action: CardAction,
        chosen: &CardsChosen,
        out: &mut dyn Write,
        err: &mut dyn Write,
    ) -> Result<ExitCode> {
        let Self {
            locations,
            settings,
            now,
        } = self;
        let query = match &chosen.query {
            Some(text) => {
                Some(Query::parse(text).with_context(|| format!("cannot search for `{text}`"))?)
            }
            None => None,
        };
        let (study, _) = load_study(locations, settings, now)?;
        let cards: Vec<String> = if let Some(query) = &query {
            Index::build_with(&study, now, query.needs_answers())
                .matching(query)
                .filter(|facts| !facts.orphan)
                .map(|facts| facts.card.clone())
                .collect()
        } else {
            let unknown: Vec<&String> = chosen
                .cards
                .iter()
                .filter(|card| study.place(card).is_none())
                .collect();
            if let Some(first) = unknown.first() {
                let more = match unknown.len() {
                    1 => String::new(),
                    n => format!(" (and {} more)", n - 1),
                };
                writeln!(
                    err,
                    "no card `{first}`{more}; `flashdeck cards` lists the ids. Nothing changed."
                )?;
                return Ok(ExitCode::from(FAILURE));
            }
            chosen.cards.clone()
        };
        if cards.is_empty() {
            writeln!(err, "no card matched; nothing changed")?;
            return Ok(ExitCode::from(FAILURE));
        }
        let events: Vec<NewEvent> = cards
            .iter()
            .filter(|card| action.changes(&study, card))
            .map(|card| NewEvent::for_card(card, now, action.kind()))
            .collect();
        if !events.is_empty() {
            let store = Store::new(&locations.data_dir.path, &Store::device_name());
            store
                .append_all(&events)
                .with_context(|| format!("cannot write to {}", store.device_file().display()))?;
        }
        let left = cards.len() - events.len();
        write!(out, "{} {}", action.done(), counted(events.len(), "card"))?;
        if left > 0 {
            write!(out, " ({} {})", counted(left, "card"), action.already())?;
        }
        writeln!(out)?;
        Ok(ExitCode::SUCCESS)
    }
}
