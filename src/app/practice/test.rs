//! The practice test on screen: it asks before leaving a test with answers, and keeps a test
//! in progress in the practice memory after each answer or move, so that it resumes after
//! leaving, quitting or a crash, as Learn resumes from the log.

use chrono::{DateTime, FixedOffset};

use super::modes::test_key;
use super::write;
use crate::app::{Action, App, Effect, Screen};

impl App {
    /// A key in the practice test.
    pub(super) fn update_test(
        &mut self,
        action: &Action,
        now: DateTime<FixedOffset>,
    ) -> Vec<Effect> {
        let Screen::Test(practice) = &mut self.screen else {
            return Vec::new();
        };
        if practice.leaving {
            return match action {
                Action::Back => {
                    let test = practice.session.clone();
                    self.practice_memory.keep_test(&test);
                    self.leave_test(
                        "Your answers are kept: the test resumes when you next open it here.",
                    )
                }
                Action::Discard => {
                    let decks = practice.session.decks().to_vec();
                    self.practice_memory.drop_test(&decks);
                    self.leave_test("The test is discarded.")
                }
                Action::Stay => {
                    practice.leaving = false;
                    Vec::new()
                }
                _ => Vec::new(),
            };
        }
        if *action == Action::Back && !practice.help && practice.session.has_answers() {
            practice.leaving = true;
            return Vec::new();
        }
        let before = (
            practice.session.responses.clone(),
            practice.session.position,
            practice.session.report.is_some(),
        );
        let Some(events) = practice.update(action, now, test_key) else {
            // Left with nothing answered, or after the report: nothing to keep.
            let decks = practice.session.decks().to_vec();
            let dropped = self.practice_memory.drop_test(&decks);
            self.notice = None;
            let mut effects = self.go_home();
            if dropped {
                effects.push(self.save_practice());
            }
            return effects;
        };
        let test = &practice.session;
        if test.responses != before.0 || test.report.is_some() {
            // The count the notice gave ("Resumed: 1 of 3 …") has moved on.
            self.notice = None;
        }
        let mut effects = write(events);
        let typing = matches!(
            action,
            Action::Type(_) | Action::Backspace | Action::EditField(_)
        );
        if test.report.is_some() && !before.2 {
            let decks = test.decks().to_vec();
            self.practice_memory.drop_test(&decks);
            effects.push(self.save_practice());
        } else if test.report.is_none()
            && !typing
            && (&test.responses, test.position) != (&before.0, before.1)
        {
            let test = test.clone();
            self.practice_memory.keep_test(&test);
            effects.push(self.save_practice());
        }
        effects
    }

    /// Home from a test being left, saying what became of it.
    fn leave_test(&mut self, notice: &str) -> Vec<Effect> {
        let mut effects = self.go_home();
        effects.push(self.save_practice());
        self.notice = Some(notice.to_owned());
        effects
    }

    /// Quits (Ctrl-C), keeping a test in progress first: quitting never asks.
    pub(in crate::app) fn quit(&mut self) -> Vec<Effect> {
        if let Screen::Test(practice) = &self.screen
            && practice.session.has_answers()
        {
            let test = practice.session.clone();
            self.practice_memory.keep_test(&test);
            return vec![self.save_practice(), Effect::Quit];
        }
        vec![Effect::Quit]
    }
}
