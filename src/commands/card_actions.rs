//! `flashdeck suspend|unsuspend|bury|unbury|forget|star|unstar (CARD… | --query Q)`,
//! `flashdeck set-due (CARD… | --query Q) DAYS` and `flashdeck relink OLD NEW`: one action on
//! chosen cards, written to the log as one event a card that it changes, all in one write.
//! Which cards change and how is [`crate::study::actions`]'s; here, choosing the cards, writing
//! and printing.
//!
//! | file | owns |
//! |---|---|
//! | `card_actions.rs` | [`Acting`]: the card actions and set due |
//! | `card_actions/relink.rs` | `flashdeck relink` |

mod relink;

use std::io::Write;
use std::process::ExitCode;

use anyhow::{Context, Result};
use chrono::{DateTime, FixedOffset};

use super::FAILURE;
use crate::cli::{CardsChosen, SetDueArgs};
use crate::config::Config;
use crate::library::load_study;
use crate::paths::Locations;
use crate::search::{Index, Query};
use crate::store::{NewEvent, Store};
use crate::study::Study;
use crate::study::actions::{CardAction, DueChoice};

/// Where and when the actions run: the collection's locations, the settings, now.
#[derive(Debug, Clone, Copy)]
pub struct Acting<'a> {
    pub locations: &'a Locations,
    pub config: &'a Config,
    pub now: DateTime<FixedOffset>,
}

impl Acting<'_> {
    /// Applies `action` to the chosen cards and prints what changed. Exits 1, writing
    /// nothing, when a card id is unknown, the query is bad, or nothing matched.
    pub fn run(
        self,
        action: CardAction,
        chosen: &CardsChosen,
        out: &mut dyn Write,
        err: &mut dyn Write,
    ) -> Result<ExitCode> {
        if chosen
            .query
            .as_ref()
            .is_some_and(|text| text.trim().is_empty())
        {
            // Most likely an unset variable in a script: never every card by accident.
            writeln!(
                err,
                "an empty --query would choose every card; to mean that, write --query 'deck:*'. Nothing changed."
            )?;
            return Ok(ExitCode::from(super::FAILURE));
        }
        let query = match &chosen.query {
            Some(text) => Some(
                Query::parse(text)
                    .with_context(|| format!("cannot search for `{}`", super::shown_query(text)))?,
            ),
            None => None,
        };
        let (study, _) = load_study(self.locations, self.config, self.now)?;
        let Some(cards) = self.choose(&study, chosen, query.as_ref(), err)? else {
            return Ok(ExitCode::from(FAILURE));
        };
        let cards: Vec<&str> = cards.iter().map(String::as_str).collect();
        let events = action.events(&study, &cards, self.now);
        self.write(&events)?;
        writeln!(
            out,
            "{}",
            action.summary(events.len(), cards.len() - events.len())
        )?;
        Ok(ExitCode::SUCCESS)
    }

    /// `flashdeck set-due`: [`Acting::run`] once the days are read; a bad value exits 1
    /// before anything is read or written.
    pub fn set_due(
        self,
        args: &SetDueArgs,
        out: &mut dyn Write,
        err: &mut dyn Write,
    ) -> Result<ExitCode> {
        let parsed = args.split().and_then(|(chosen, days)| {
            let choice = DueChoice::parse(days).map_err(|error| error.to_string())?;
            Ok((chosen, choice))
        });
        match parsed {
            Ok((chosen, choice)) => self.run(CardAction::SetDue(choice), &chosen, out, err),
            Err(error) => {
                writeln!(err, "{error}. Nothing changed.")?;
                Ok(ExitCode::from(FAILURE))
            }
        }
    }

    /// The cards chosen by id or by search; `None`, once the reason is printed, when an id is
    /// unknown or nothing matched. A search leaves orphaned histories out.
    fn choose(
        self,
        study: &Study,
        chosen: &CardsChosen,
        query: Option<&Query>,
        err: &mut dyn Write,
    ) -> Result<Option<Vec<String>>> {
        let cards: Vec<String> = if let Some(query) = query {
            // Without `rated:` or `introduced:`, the search needs no history, only states.
            let index = if query.needs_answers() {
                Index::build(study, self.now)
            } else {
                Index::of_deck_cards(study, self.now)
            };
            index
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
                return Ok(None);
            }
            let mut seen = std::collections::HashSet::new();
            chosen
                .cards
                .iter()
                .filter(|card| seen.insert(card.as_str()))
                .cloned()
                .collect()
        };
        if cards.is_empty() {
            writeln!(err, "no card matched; nothing changed")?;
            return Ok(None);
        }
        Ok(Some(cards))
    }

    /// Appends `events` to this device's log file, in one write; nothing when there are none.
    fn write(self, events: &[NewEvent]) -> Result<()> {
        if events.is_empty() {
            return Ok(());
        }
        let store = Store::new(&self.locations.data_dir.path, &Store::device_name());
        store
            .append_all(events)
            .with_context(|| format!("cannot write to {}", store.device_file().display()))
    }
}
