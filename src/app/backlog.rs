//! The home screen's backlog prompt: when far more reviews are due than on a normal day, `b`
//! previews a plan that spreads them over days (←/→ change how many), Enter applies it, and
//! while it runs `B` takes it back. The plan itself is `study::backlog`.

use chrono::{DateTime, FixedOffset};

use super::home::HomeOverlay;
use super::{Action, App, Effect};
use crate::study::backlog::{self, Backlog, Plan};

/// Days a plan starts with, and its bounds: one day would move nothing (today keeps all).
pub const PLAN_DAYS: u32 = 7;
const MIN_PLAN_DAYS: u32 = 2;
const MAX_PLAN_DAYS: u32 = 30;

/// The plan being previewed over the home screen.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanPreview {
    pub days: u32,
    pub plan: Plan,
    pub backlog: Backlog,
}

impl App {
    /// Opens the preview, or changes its days by `change`.
    pub(super) fn preview_plan(&mut self, change: i32, now: DateTime<FixedOffset>) {
        let days = match &self.home.overlay {
            Some(HomeOverlay::Plan(preview)) => preview.days,
            _ => PLAN_DAYS,
        }
        .saturating_add_signed(change)
        .clamp(MIN_PLAN_DAYS, MAX_PLAN_DAYS);
        let decks: Vec<usize> = (0..self.study.collection.decks.len()).collect();
        self.home.overlay = Some(HomeOverlay::Plan(PlanPreview {
            days,
            plan: backlog::plan(&self.study, &decks, now, days),
            backlog: backlog::backlog(&self.study, &decks, now),
        }));
    }

    /// A key over the preview: more or fewer days, apply, or cancel.
    pub(super) fn plan_key(&mut self, action: &Action, now: DateTime<FixedOffset>) -> Vec<Effect> {
        match action {
            Action::Left => self.preview_plan(-1, now),
            Action::Right => self.preview_plan(1, now),
            Action::Open => return self.apply_plan(now),
            Action::Back => self.home.overlay = None,
            _ => {}
        }
        Vec::new()
    }

    /// Enter on the preview: the plan's events, written together.
    fn apply_plan(&mut self, now: DateTime<FixedOffset>) -> Vec<Effect> {
        let Some(HomeOverlay::Plan(preview)) = self.home.overlay.take() else {
            return Vec::new();
        };
        // A plan applied meanwhile (in another window): a second would stack on it, and one
        // undo would no longer take everything back.
        let moved: usize = (0..self.study.collection.decks.len())
            .map(|deck| self.study.postponed(deck))
            .sum();
        if moved > 0 {
            self.notice = Some(plan_in_effect(moved));
            return Vec::new();
        }
        let events = preview.plan.events(&self.study, now);
        if events.is_empty() {
            return Vec::new();
        }
        vec![Effect::WriteAll(events)]
    }

    /// `B`: the event that undoes the plan in effect.
    pub(super) fn undo_plan(&self, now: DateTime<FixedOffset>) -> Vec<Effect> {
        backlog::undo_last(&self.study, now)
            .map(Effect::Write)
            .into_iter()
            .collect()
    }

    /// A plan's events were written.
    pub(super) fn plan_written(&mut self, events: &[crate::store::NewEvent]) {
        for event in events {
            self.study.record(event.to_event(), event.card.as_deref());
        }
        self.refresh_home();
        let undo = super::keys::HOME_CATCHING_UP.label(&Action::UndoBacklog);
        self.notice = Some(format!(
            "Moved {} to later days; {} until they are done. {undo} undoes it.",
            crate::english::counted(events.len(), "review"),
            new_cards_wait(&self.study, &self.home.figures.waiting_decks)
        ));
    }
}

/// `b` or Enter while a plan is in effect: one plan at a time, so that one undo takes
/// everything back.
pub(super) fn plan_in_effect(moved: usize) -> String {
    let undo = super::keys::HOME_CATCHING_UP.label(&Action::UndoBacklog);
    format!(
        "A backlog plan is already in effect ({} still to come): {undo} undoes it, then plan again.",
        crate::english::counted(moved, "moved review")
    )
}

/// Which decks' new cards a plan holds back (those with moved reviews, `decks`): "new cards
/// of Spanish wait", "new cards of Spanish and Sales wait", "new cards of Spanish, Sales and
/// 2 more decks wait".
#[must_use]
pub fn new_cards_wait(study: &crate::study::Study, decks: &[usize]) -> String {
    let name = |d: &usize| study.collection.decks[*d].name.clone();
    let names = match decks {
        [] => return "no new cards wait".to_owned(),
        [one] => name(one),
        [one, two] => format!("{} and {}", name(one), name(two)),
        [one, two, rest @ ..] => format!(
            "{}, {} and {} more {}",
            name(one),
            name(two),
            rest.len(),
            if rest.len() == 1 { "deck" } else { "decks" }
        ),
    };
    format!("new cards of {names} wait")
}
