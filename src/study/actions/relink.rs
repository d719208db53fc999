//! Relinking an orphaned history onto a card: a card whose front changed without an `id` got a
//! new key, and its history stayed under the old one. One `relink` event moves it, on every
//! device, and an undo of it moves it back (replay's rules are in `store::history::relinks`).

use chrono::{DateTime, FixedOffset};

use crate::english::counted;
use crate::store::{NewEvent, NewKind};
use crate::study::Study;

/// Why a relink is refused; nothing is written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RelinkError {
    #[error("`{0}` is a card in a deck, not an orphaned history; `flashdeck check` lists those")]
    OldIsACard(String),
    #[error("`{old}`'s history already goes to `{to}`")]
    AlreadyRelinked { old: String, to: String },
    #[error("no history `{0}` in the review log; `flashdeck check` lists the orphaned ones")]
    NoHistory(String),
    #[error("no card `{0}`; `flashdeck cards` lists the ids")]
    NoCard(String),
    #[error(
        "`{card}` already has a history of its own ({}); relink only onto a card not studied yet",
        counted(*.events, "event")
    )]
    HasHistory { card: String, events: usize },
}

/// The event that gives card `new` the history of `old`, and how many events that history
/// has. `old` must be an orphaned history (an id in the log that no deck has, not relinked
/// already) and `new` a card in a deck with no history of its own: merging two histories
/// would replay two cards' answers as one. Waits for the history
/// ([`Study::wait_for_history`]).
pub fn relink_event(
    study: &Study,
    old: &str,
    new: &str,
    now: DateTime<FixedOffset>,
) -> Result<(NewEvent, usize), RelinkError> {
    let history = study.wait_for_history();
    if study.place(old).is_some() {
        return Err(RelinkError::OldIsACard(old.to_owned()));
    }
    if let Some(to) = history.relinked_to(old) {
        return Err(RelinkError::AlreadyRelinked {
            old: old.to_owned(),
            to: to.to_owned(),
        });
    }
    let events = history.events_of(old);
    if events == 0 {
        return Err(RelinkError::NoHistory(old.to_owned()));
    }
    if study.place(new).is_none() {
        return Err(RelinkError::NoCard(new.to_owned()));
    }
    let own = history.events_of(new);
    if own > 0 {
        return Err(RelinkError::HasHistory {
            card: new.to_owned(),
            events: own,
        });
    }
    let kind = NewKind::Relink {
        from: old.to_owned().into(),
    };
    Ok((NewEvent::for_card(new, now, kind), events))
}
