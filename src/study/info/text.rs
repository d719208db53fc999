//! Card info as text, for `flashdeck info` and the browser's details.

use chrono::{DateTime, FixedOffset};

use super::{CardInfo, HistoryRow};
use crate::scheduler::calendar::date_of_day;
use crate::scheduler::interval_text::label;
use crate::scheduler::{Day, Rating};

impl CardInfo {
    /// "3 (1 lapse); first 2026-11-27 10:00, latest 2026-12-05 10:10; 5.0 s on average".
    #[must_use]
    pub fn figures(&self) -> String {
        let lapses = crate::english::counted(self.state.lapses as usize, "lapse");
        let dates = match (self.first_review, self.latest_review) {
            (Some(first), Some(latest)) => {
                format!("; first {}, latest {}", minute(first), minute(latest))
            }
            _ => String::new(),
        };
        let average = self
            .average_secs
            .map_or_else(String::new, |secs| format!("; {secs:.1} s on average"));
        format!("{} ({lapses}){dates}{average}", self.state.reps)
    }
}

impl HistoryRow {
    /// The heading of [`HistoryRow::line`]'s columns.
    pub const HEADING: &'static str =
        "time              event      rating  interval  stability  difficulty  recall";

    /// The row as one line of the history table, under [`HistoryRow::HEADING`].
    #[must_use]
    pub fn line(&self) -> String {
        let rating = self.rating.map_or("", Rating::label);
        let event = match self.moved_to {
            Some(day) => format!("{} to {}", self.event, date(day)),
            None => self.event.to_owned(),
        };
        let Some(schedule) = self.schedule else {
            return format!("{:<16}  {event:<9}  {rating}", minute(self.time));
        };
        let recall = schedule.retrievability.map_or_else(
            || "-".to_owned(),
            |r| format!("{:.0}%", f64::from(r) * 100.0),
        );
        let leech = if schedule.became_leech { "  leech" } else { "" };
        format!(
            "{:<16}  {event:<9}  {rating:<6}  {:>8}  {:>9.2}  {:>10.2}  {recall:>6}{leech}",
            minute(self.time),
            label(schedule.interval),
            schedule.stability,
            schedule.difficulty,
        )
    }
}

/// A time to the minute, in its own offset: "2026-11-27 10:00".
#[must_use]
pub fn minute(time: DateTime<FixedOffset>) -> String {
    time.format("%Y-%m-%d %H:%M").to_string()
}

/// A day as a date: "2026-12-08".
#[must_use]
pub fn date(day: Day) -> String {
    date_of_day(day).map_or_else(|| format!("day {day}"), |d| d.to_string())
}
