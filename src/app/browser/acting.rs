//! The browser's card actions: each becomes events for the chosen cards (the marked ones, or
//! the selected one), written in one go, and each can be undone with `u` while the browser
//! is open. What the events do is replay's; here is only which events, and what to say.

use chrono::{DateTime, FixedOffset};

use super::{BrowserOverlay, BrowserScreen};
use crate::app::{Action, App, Effect, Screen};
use crate::deck::Source;
use crate::english::counted;
use crate::store::{NewEvent, NewKind};
use crate::study::Study;

impl App {
    /// An action key in the browser, on the chosen cards.
    pub(super) fn act(&mut self, action: &Action, now: DateTime<FixedOffset>) -> Vec<Effect> {
        let Screen::Browser(browser) = &mut self.screen else {
            return Vec::new();
        };
        let cards: Vec<&str> = browser
            .targets()
            .into_iter()
            .filter(|card| self.study.place(card).is_some() || *action == Action::Relink)
            .collect();
        let events = match action {
            Action::Suspend => toggle(&self.study, &cards, now, Toggle::Suspend),
            Action::Bury => toggle(&self.study, &cards, now, Toggle::Bury),
            Action::Star => toggle(&self.study, &cards, now, Toggle::Star),
            Action::Forget => cards
                .iter()
                .filter(|card| self.study.state(card).phase != crate::scheduler::Phase::New)
                .map(|card| NewEvent::for_card(card, now, NewKind::Forget))
                .collect(),
            Action::SetDue => {
                if !cards.is_empty() {
                    browser.overlay = Some(BrowserOverlay::SetDue(String::new()));
                }
                return Vec::new();
            }
            Action::Undo => return undo(browser, &mut self.notice, now),
            Action::Edit => return edit(&self.study, browser, &mut self.notice),
            _ => return Vec::new(),
        };
        if events.is_empty() {
            self.notice = Some(if cards.is_empty() {
                "No card here to act on.".to_owned()
            } else {
                "Nothing to change: the cards are that way already.".to_owned()
            });
            return Vec::new();
        }
        vec![Effect::WriteAll(events)]
    }

    /// Sets the due date of the chosen cards, from the field's text.
    pub(super) fn set_due(&mut self, _text: &str, _now: DateTime<FixedOffset>) -> Vec<Effect> {
        // Until the `set_due` event lands (in progress on another branch).
        self.notice = Some("Setting due dates is not ready yet.".to_owned());
        Vec::new()
    }

    /// The browser's events were written: the study takes them in, the table shows their
    /// effect, and an action (not an undo) can be undone.
    pub(crate) fn browser_written(&mut self, events: Vec<NewEvent>, now: DateTime<FixedOffset>) {
        let Screen::Browser(browser) = &mut self.screen else {
            return;
        };
        self.study
            .absorb(events.iter().map(|e| e.to_event().into_owned()).collect());
        let cards: Vec<&str> = events.iter().filter_map(|e| e.card.as_deref()).collect();
        browser.index.refresh(&self.study, now, &cards);
        browser.research(&self.study, now);
        browser.info_stale = true;
        browser.sync_info(&self.study, now);
        let undoing = events
            .iter()
            .all(|e| matches!(e.kind, NewKind::Undo { .. }));
        if undoing {
            self.notice = Some(format!("Undone: {}.", counted(events.len(), "change")));
        } else {
            let undo = crate::app::keys::BROWSER.label(&Action::Undo);
            self.notice = Some(format!(
                "{} {}. {undo} undoes it.",
                done_words(&events[0].kind),
                counted(events.len(), "card")
            ));
            browser.marked.clear();
            browser.done.push(events);
        }
    }
}

/// What a toggling key does: the first kind when any chosen card lacks it, else the second.
#[derive(Clone, Copy)]
enum Toggle {
    Suspend,
    Bury,
    Star,
}

/// The events of a toggle: on for the cards that lack it when any does, else off for all.
fn toggle(
    study: &Study,
    cards: &[&str],
    now: DateTime<FixedOffset>,
    what: Toggle,
) -> Vec<NewEvent> {
    let today = study.scheduler.calendar().day(now);
    let has = |card: &str| {
        let state = study.state(card);
        match what {
            Toggle::Suspend => state.suspended,
            Toggle::Bury => state.buried_until.is_some_and(|day| day > today),
            Toggle::Star => study.practice(card).starred,
        }
    };
    let turn_on = cards.iter().any(|card| !has(card));
    let kind = match (what, turn_on) {
        (Toggle::Suspend, true) => NewKind::Suspend,
        (Toggle::Suspend, false) => NewKind::Unsuspend,
        (Toggle::Bury, true) => NewKind::Bury,
        // Unburying needs the `unbury` event (in progress on another branch).
        (Toggle::Bury, false) => return Vec::new(),
        (Toggle::Star, true) => NewKind::Star,
        (Toggle::Star, false) => NewKind::Unstar,
    };
    cards
        .iter()
        .filter(|card| has(card) != turn_on)
        .map(|card| NewEvent::for_card(card, now, kind.clone()))
        .collect()
}

/// The words for an action's notice: "Suspended 3 cards".
fn done_words(kind: &NewKind) -> &'static str {
    match kind {
        NewKind::Suspend => "Suspended",
        NewKind::Unsuspend => "Unsuspended",
        NewKind::Bury => "Buried",
        NewKind::Forget => "Forgot",
        NewKind::Star => "Starred",
        NewKind::Unstar => "Unstarred",
        _ => "Changed",
    }
}

/// `u`: undoes the last action of this visit, every card of it in one write.
fn undo(
    browser: &mut BrowserScreen,
    notice: &mut Option<String>,
    now: DateTime<FixedOffset>,
) -> Vec<Effect> {
    let Some(last) = browser.done.pop() else {
        *notice = Some("Nothing to undo in the browser.".to_owned());
        return Vec::new();
    };
    let undos = last
        .iter()
        .map(|event| {
            let target = NewKind::Undo {
                target: event.id.clone().into(),
            };
            NewEvent::for_card(event.card.as_deref().unwrap_or_default(), now, target)
        })
        .collect();
    vec![Effect::WriteAll(undos)]
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
            *notice = Some(
                "The built-in deck has no file to edit: `flashdeck init` writes it into your decks folder."
                    .to_owned(),
            );
            Vec::new()
        }
    }
}
