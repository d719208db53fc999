//! The browser's card actions: each becomes events for the chosen cards (the marked ones, or
//! the selected one) through [`crate::study::actions`], written in one go, and each can be
//! undone with `u` while the browser is open. What the events do is replay's; here is only
//! which action a key means, and what to say.

use chrono::{DateTime, FixedOffset};

use super::{BrowserOverlay, BrowserScreen};
use crate::app::{Action, App, Effect, Screen};
use crate::deck::Source;
use crate::store::{NewEvent, NewKind};
use crate::study::Study;
use crate::study::actions::{CardAction, DueChoice, relink_event, undo_events};
use crate::study::successors::successor_of;

/// An action written and not yet reported back: what the notice will say.
#[derive(Debug, Clone, PartialEq)]
pub enum Pending {
    /// A card action, and how many chosen cards it left as they were.
    Action(CardAction, usize),
    Relink {
        old: String,
        new: String,
        events: usize,
    },
    /// An undo; `relinks` when what it takes back moved histories between cards.
    Undo { relinks: bool },
}

impl App {
    /// An action key in the browser, on the chosen cards.
    pub(super) fn act(&mut self, action: &Action, now: DateTime<FixedOffset>) -> Vec<Effect> {
        let Screen::Browser(browser) = &mut self.screen else {
            return Vec::new();
        };
        // Owned, so that the browser's state can change while they are at hand.
        let chosen_cards: Vec<String> = browser
            .targets()
            .into_iter()
            .filter(|card| self.study.place(card).is_some())
            .map(str::to_owned)
            .collect();
        let cards: Vec<&str> = chosen_cards.iter().map(String::as_str).collect();
        let chosen = match action {
            Action::Suspend => toggle(&self.study, &cards, now, CardAction::Suspend),
            Action::Bury => toggle(&self.study, &cards, now, CardAction::Bury),
            Action::Star => toggle(&self.study, &cards, now, CardAction::Star),
            // More than one card: asked first, as Anki does; a second `f` confirms.
            Action::Forget if cards.len() > 1 && browser.overlay.is_none() => {
                browser.overlay = Some(BrowserOverlay::ConfirmForget(cards.len()));
                return Vec::new();
            }
            Action::Forget => {
                browser.overlay = None;
                let forget = CardAction::Forget;
                (forget, forget.events(&self.study, &cards, now))
            }
            Action::SetDue => {
                if cards.is_empty() {
                    self.notice = Some("No card here to set a due date for.".to_owned());
                } else {
                    browser.overlay = Some(BrowserOverlay::SetDue(String::new()));
                }
                return Vec::new();
            }
            Action::Relink => return relink(&self.study, browser, &mut self.notice, now),
            Action::Undo => return undo(browser, &mut self.notice, now),
            Action::Edit => return edit(&self.study, browser, &mut self.notice),
            _ => return Vec::new(),
        };
        let (chosen, events) = chosen;
        self.started(checked(cards.len(), chosen, events))
    }

    /// Sets the due date of the chosen cards from the field's text (Anki's syntax); a text
    /// that is not one keeps the field open and says why.
    pub(super) fn set_due(&mut self, text: &str, now: DateTime<FixedOffset>) -> Vec<Effect> {
        let Screen::Browser(browser) = &mut self.screen else {
            return Vec::new();
        };
        let choice = match DueChoice::parse(text) {
            Ok(choice) => choice,
            Err(error) => {
                self.notice = Some(format!("Not a due date: {error}."));
                return Vec::new();
            }
        };
        browser.overlay = None;
        let cards: Vec<&str> = browser
            .targets()
            .into_iter()
            .filter(|card| self.study.place(card).is_some())
            .collect();
        let set_due = CardAction::SetDue(choice);
        let events = set_due.events(&self.study, &cards, now);
        let written = checked(cards.len(), set_due, events);
        self.started(written)
    }

    /// An action's write, remembered for its report; or what to say when it has nothing to
    /// write.
    fn started(&mut self, written: Result<(Vec<NewEvent>, Pending), String>) -> Vec<Effect> {
        let Screen::Browser(browser) = &mut self.screen else {
            return Vec::new();
        };
        match written {
            Ok((events, pending)) => {
                browser.pending = Some(pending);
                vec![Effect::WriteAll(events)]
            }
            Err(notice) => {
                self.notice = Some(notice);
                Vec::new()
            }
        }
    }

    /// The browser's events were written: the study takes them in, the table shows their
    /// effect, and an action (not an undo) can be undone.
    pub(crate) fn browser_written(&mut self, events: Vec<NewEvent>, now: DateTime<FixedOffset>) {
        let Screen::Browser(browser) = &mut self.screen else {
            return;
        };
        self.study.record_all(&events);
        let relinks = matches!(
            browser.pending,
            Some(Pending::Relink { .. } | Pending::Undo { relinks: true })
        );
        if relinks {
            // The orphan's row goes and its history joins the card's: gather everything again.
            browser.rebuild(&self.study, now);
        } else {
            // The rows stay where they are, showing what changed, until the search changes
            // (as in Anki): a card suspended from `is:suspended` keeps its row, and the next
            // key does not land on the card below it.
            let cards: Vec<&str> = events.iter().filter_map(|e| e.card.as_deref()).collect();
            browser.index.refresh(&self.study, now, &cards);
        }
        browser.info_stale = true;
        browser.sync_info(&self.study, now);
        let undo = crate::app::keys::BROWSER.label(&Action::Undo);
        self.notice = Some(match browser.pending.take() {
            Some(Pending::Undo { .. }) => {
                let last_of_undo = browser.undone.take();
                last_of_undo.map_or_else(|| "Undone.".to_owned(), |what| format!("Undone: {what}."))
            }
            Some(Pending::Action(action, left)) => {
                browser.marked.clear();
                let summary = sentence(&action.summary(events.len(), left));
                browser.done.push((summary.clone(), events));
                format!("{summary}. {undo} undoes it.")
            }
            Some(Pending::Relink {
                old,
                new,
                events: count,
            }) => {
                let summary = format!(
                    "Relinked {} of {old} to {new}",
                    crate::english::counted(count, "event")
                );
                browser.done.push((summary.clone(), events));
                format!("{summary}. {undo} undoes it.")
            }
            None => "Saved.".to_owned(),
        });
    }
}

/// "suspended 3 cards" as the start of a sentence.
fn sentence(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// The action of a toggling key, with its events: `on` for the chosen cards when any of them
/// is not that way yet, else its opposite for all.
fn toggle(
    study: &Study,
    cards: &[&str],
    now: DateTime<FixedOffset>,
    on: CardAction,
) -> (CardAction, Vec<NewEvent>) {
    let off = match on {
        CardAction::Suspend => CardAction::Unsuspend,
        CardAction::Bury => CardAction::Unbury,
        _ => CardAction::Unstar,
    };
    // The events are worked out once: 10,000 marked cards are 10,000 checks.
    let events = on.events(study, cards, now);
    if events.is_empty() {
        (off, off.events(study, cards, now))
    } else {
        (on, events)
    }
}

/// `action`'s `events` on `chosen` cards, ready to write, or what to say when there are none.
fn checked(
    chosen: usize,
    action: CardAction,
    events: Vec<NewEvent>,
) -> Result<(Vec<NewEvent>, Pending), String> {
    if events.is_empty() {
        return Err(if chosen == 0 {
            "No card here to act on.".to_owned()
        } else {
            format!(
                "Nothing to change: {} {}.",
                crate::english::counted(chosen, "card"),
                action.already()
            )
        });
    }
    let left = chosen - events.len();
    Ok((events, Pending::Action(action, left)))
}

/// `r` on an orphaned history: relinks it to the card it most likely belongs to now.
fn relink(
    study: &Study,
    browser: &mut BrowserScreen,
    notice: &mut Option<String>,
    now: DateTime<FixedOffset>,
) -> Vec<Effect> {
    let Some(facts) = browser.selected_card().filter(|facts| facts.orphan) else {
        *notice = Some("Relinking is for an orphaned history: search is:orphan.".to_owned());
        return Vec::new();
    };
    let old = facts.card.clone();
    let Some(successor) = successor_of(study, &old) else {
        *notice = Some(format!(
            "No card looks like {old}'s any more; `flashdeck relink {old} NEW` links it by hand."
        ));
        return Vec::new();
    };
    match relink_event(study, &old, &successor.card, now) {
        Ok((event, events)) => {
            browser.pending = Some(Pending::Relink {
                old,
                new: successor.card,
                events,
            });
            vec![Effect::WriteAll(vec![event])]
        }
        Err(error) => {
            *notice = Some(format!("Not relinked: {error}."));
            Vec::new()
        }
    }
}

/// `u`: undoes the last action of this visit, every card of it in one write.
fn undo(
    browser: &mut BrowserScreen,
    notice: &mut Option<String>,
    now: DateTime<FixedOffset>,
) -> Vec<Effect> {
    let Some((summary, last)) = browser.done.pop() else {
        *notice = Some("Nothing to undo in the browser.".to_owned());
        return Vec::new();
    };
    let relinks = last
        .iter()
        .any(|event| matches!(event.kind, NewKind::Relink { .. }));
    browser.pending = Some(Pending::Undo { relinks });
    browser.undone = Some(summary.to_lowercase());
    vec![Effect::WriteAll(undo_events(&last, now))]
}

/// `e`: the selected card's deck file in the editor, at its line.
fn edit(study: &Study, browser: &BrowserScreen, notice: &mut Option<String>) -> Vec<Effect> {
    let Some(place) = browser.selected_card().and_then(|facts| facts.place) else {
        *notice = Some("This history has no card left to edit.".to_owned());
        return Vec::new();
    };
    match &study.deck(place.deck).source {
        Source::File(path) => vec![Effect::Edit {
            path: path.clone(),
            line: study.card(place).line,
        }],
        Source::Bundled => {
            let copy = crate::app::keys::BROWSER.label(&Action::CopyBuiltIn);
            *notice = Some(format!(
                "The built-in deck has no file to edit: {copy} copies it into your decks folder."
            ));
            Vec::new()
        }
    }
}
