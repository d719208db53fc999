//! The home screen's backlog prompt: when far more reviews are due than on a normal day, `b`
//! previews a plan that spreads them over days (←/→ change how many), Enter applies it, and
//! while it runs `B` takes it back. The plan itself is `study::backlog`.

use chrono::{DateTime, FixedOffset};

use super::{App, Effect};
use crate::study::backlog::{self, Backlog, Plan};

/// Days a plan starts with, and its bounds.
pub const PLAN_DAYS: u32 = 7;
const MAX_PLAN_DAYS: u32 = 30;

/// The plan being previewed over the home screen.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanPreview {
    pub days: u32,
    pub plan: Plan,
    pub backlog: Backlog,
}

impl App {
    /// Every deck's backlog, and the cards a plan still holds, for the home screen.
    pub(super) fn recount_backlog(&mut self) {
        let decks: Vec<usize> = (0..self.study.collection.decks.len()).collect();
        let backlog = backlog::backlog(&self.study, &decks, self.now);
        self.backlog = backlog.is_large().then_some(backlog);
        self.catching_up = decks.iter().map(|&d| self.study.postponed(d)).sum();
    }

    /// Opens the preview, or changes its days by `change`.
    pub(super) fn preview_plan(&mut self, change: i32, now: DateTime<FixedOffset>) {
        let days = self
            .plan_preview
            .as_ref()
            .map_or(PLAN_DAYS, |preview| preview.days)
            .saturating_add_signed(change)
            .clamp(1, MAX_PLAN_DAYS);
        let decks: Vec<usize> = (0..self.study.collection.decks.len()).collect();
        self.plan_preview = Some(PlanPreview {
            days,
            plan: backlog::plan(&self.study, &decks, now, days),
            backlog: backlog::backlog(&self.study, &decks, now),
        });
    }

    /// Enter on the preview: the plan's events, written together.
    pub(super) fn apply_plan(&mut self, now: DateTime<FixedOffset>) -> Vec<Effect> {
        let Some(preview) = self.plan_preview.take() else {
            return Vec::new();
        };
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
        self.recount();
        self.notice = Some(format!(
            "Moved {} reviews to later days; new cards wait until they are done. B undoes it.",
            events.len()
        ));
    }
}
