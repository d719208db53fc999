//! `flashdeck info CARD [--json]`: one card's text, place, schedule, why it is due, and its
//! whole history; for an orphaned history, the history alone. JSON has the export fields
//! (`flashdeck export`) and the rest beside them.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use chrono::{DateTime, FixedOffset, SecondsFormat};
use serde::Serialize;

use super::FAILURE;
use super::export::{ExportedCard, exported};
use crate::config::Config;
use crate::library::load_study;
use crate::paths::Locations;
use crate::scheduler::{Interval, Rating};
use crate::study::info::{CardInfo, HistoryRow};

/// The JSON object: the export row, then what only card info has.
#[derive(Debug, Serialize)]
struct InfoJson<'a> {
    #[serde(flatten)]
    card: ExportedCard,
    /// No deck has the card: the history alone.
    orphan: bool,
    back: Option<&'a str>,
    tags: Vec<&'a str>,
    file: Option<&'a str>,
    line: Option<usize>,
    why_due: &'a str,
    first_review: Option<String>,
    latest_review: Option<String>,
    average_secs: Option<f64>,
    history: Vec<RowJson>,
}

/// One history row: answers have a rating (1–4, as the log has it); answers in review mode
/// the schedule after them; a postponement the day it moved the card to.
#[derive(Debug, Serialize)]
struct RowJson {
    time: String,
    event: &'static str,
    rating: Option<Rating>,
    duration_ms: Option<u32>,
    /// Until due again: days for a review card, seconds for a (re)learning step.
    interval_days: Option<u32>,
    interval_secs: Option<u32>,
    stability: Option<f32>,
    difficulty: Option<f32>,
    /// Recall just before the answer, 0–1.
    retrievability: Option<f32>,
    became_leech: bool,
    moved_to: Option<String>,
}

pub fn run(
    locations: &Locations,
    config: &Config,
    card: &str,
    json: bool,
    now: DateTime<FixedOffset>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<ExitCode> {
    let (study, _) = load_study(locations, config, now)?;
    let Some(info) = CardInfo::of(&study, card, now) else {
        match study.wait_for_history().relinked_to(card) {
            Some(to) => writeln!(
                err,
                "`{card}`'s history was relinked to `{to}`: `flashdeck info {to}` shows it"
            )?,
            None => writeln!(
                err,
                "no card `{card}` in the decks or the review log; `flashdeck cards` lists the ids"
            )?,
        }
        return Ok(ExitCode::from(FAILURE));
    };
    let text = info.text.as_ref();
    let row = exported(&study, card, text.map_or("", |t| t.front.as_str()), now);
    if json {
        let object = InfoJson {
            orphan: text.is_none(),
            back: text.map(|t| t.back.as_str()),
            tags: text.map_or_else(Vec::new, |t| t.tags.iter().map(String::as_str).collect()),
            file: text.map(|t| t.file.as_str()),
            line: text.map(|t| t.line),
            why_due: &info.why_due,
            first_review: info.first_review.map(stamp),
            latest_review: info.latest_review.map(stamp),
            average_secs: info.average_secs,
            history: info.history.iter().map(row_json).collect(),
            card: row,
        };
        serde_json::to_writer_pretty(&mut *out, &object)?;
        writeln!(out)?;
    } else {
        print_text(&info, &row, out)?;
    }
    Ok(ExitCode::SUCCESS)
}

fn print_text(info: &CardInfo, row: &ExportedCard, out: &mut dyn Write) -> Result<()> {
    writeln!(out, "{}", info.card)?;
    let field = |out: &mut dyn Write, name: &str, value: &str| -> std::io::Result<()> {
        let value = super::printable(value);
        let mut lines = value.lines();
        writeln!(out, "  {name:<9} {}", lines.next().unwrap_or_default())?;
        lines.try_for_each(|line| writeln!(out, "  {:<9} {line}", ""))
    };
    match &info.text {
        Some(text) => {
            field(out, "front", &text.front)?;
            field(out, "back", &text.back)?;
            field(out, "file", &format!("{}:{}", text.file, text.line))?;
            field(out, "tags", &text.tags.join(", "))?;
        }
        None => field(
            out,
            "front",
            "(no deck has this card any more: its history alone)",
        )?,
    }
    let due = row
        .due
        .as_deref()
        .map_or_else(String::new, |d| format!(", due {d}"));
    field(out, "state", &format!("{}{due}", row.state))?;
    field(out, "why", &info.why_due)?;
    if let Some(memory) = info.state.memory {
        let recall = info.retrievability.map_or_else(String::new, |r| {
            format!(", recall now {:.0}%", f64::from(r) * 100.0)
        });
        let memory = format!(
            "stability {:.2} days, difficulty {:.2}{recall}",
            memory.stability, memory.difficulty
        );
        field(out, "memory", &memory)?;
    }
    field(out, "reviews", &info.figures())?;
    if info.history.is_empty() {
        return Ok(());
    }
    writeln!(out, "\nhistory")?;
    writeln!(out, "  {}", crate::study::info::HistoryRow::HEADING)?;
    for history in &info.history {
        writeln!(out, "  {}", history.line().trim_end())?;
    }
    Ok(())
}

fn row_json(row: &HistoryRow) -> RowJson {
    let schedule = row.schedule;
    let (interval_days, interval_secs) = match schedule.map(|s| s.interval) {
        Some(Interval::Days(days)) => (Some(days), None),
        Some(Interval::Secs(secs)) => (None, Some(secs)),
        None => (None, None),
    };
    RowJson {
        time: stamp(row.time),
        event: row.event,
        rating: row.rating,
        duration_ms: row.duration_ms,
        interval_days,
        interval_secs,
        stability: schedule.map(|s| s.stability),
        difficulty: schedule.map(|s| s.difficulty),
        retrievability: schedule.and_then(|s| s.retrievability),
        became_leech: schedule.is_some_and(|s| s.became_leech),
        moved_to: row.moved_to.map(crate::study::info::date),
    }
}

/// A time as the export writes it (RFC 3339, to the second, in its own offset).
fn stamp(time: DateTime<FixedOffset>) -> String {
    time.to_rfc3339_opts(SecondsFormat::Secs, false)
}
