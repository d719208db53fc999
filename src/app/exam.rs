//! Setting a deck's exam date from the home screen: `x` on a deck asks for the date
//! (YYYY-MM-DD; empty clears it), and Enter writes it to the log as the deck's `exam` event.
//! The plan itself is `study::exam`.

use chrono::{DateTime, FixedOffset, NaiveDate};

use super::home::{HomeOverlay, Row};
use super::{Action, App, Effect, line_input};
use crate::store::{NewEvent, NewKind};

/// The date being typed, for a deck.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExamInput {
    pub deck: usize,
    pub text: String,
}

/// The longest text a date takes: `2026-12-15`.
const DATE_LENGTH: usize = 10;

impl App {
    /// `x` on a deck's row: asks for its exam date, starting from the one set.
    pub(super) fn ask_exam(&mut self) {
        let Some(Row::Deck(deck, _)) = self.rows().get(self.home.selected).copied() else {
            self.notice = Some("Pick a deck to set its exam date.".to_owned());
            return;
        };
        let text = self
            .study
            .exam(deck)
            .and_then(crate::scheduler::calendar::date_of_day)
            .map(|date| date.format("%Y-%m-%d").to_string())
            .unwrap_or_default();
        self.home.overlay = Some(HomeOverlay::Exam(ExamInput { deck, text }));
    }

    /// A key while the date is asked for; returns the event to write, if any.
    pub(super) fn exam_key(&mut self, action: &Action, now: DateTime<FixedOffset>) -> Vec<Effect> {
        let Some(HomeOverlay::Exam(input)) = &mut self.home.overlay else {
            return Vec::new();
        };
        let date_char =
            |text: &str, c: char| (c.is_ascii_digit() || c == '-') && text.len() < DATE_LENGTH;
        match line_input::edit(&mut input.text, action, date_char) {
            Some(line_input::End::Cancel) => self.home.overlay = None,
            Some(line_input::End::Submit) => return self.submit_exam(now),
            None => {}
        }
        Vec::new()
    }

    fn submit_exam(&mut self, now: DateTime<FixedOffset>) -> Vec<Effect> {
        let Some(HomeOverlay::Exam(input)) = self.home.overlay.take() else {
            return Vec::new();
        };
        let date = if input.text.is_empty() {
            None
        } else {
            match NaiveDate::parse_from_str(&input.text, "%Y-%m-%d") {
                Ok(date) if date > now.date_naive() => Some(date),
                Ok(_) => {
                    self.notice = Some("The exam date must be after today.".to_owned());
                    self.home.overlay = Some(HomeOverlay::Exam(input));
                    return Vec::new();
                }
                Err(_) => {
                    self.notice = Some(format!("`{}` is not a date like 2026-12-15.", input.text));
                    self.home.overlay = Some(HomeOverlay::Exam(input));
                    return Vec::new();
                }
            }
        };
        self.notice = None;
        let deck = self.study.deck(input.deck).id.as_str().to_owned();
        vec![Effect::Write(NewEvent::for_deck(
            &deck,
            now,
            NewKind::Exam { date },
        ))]
    }
}
