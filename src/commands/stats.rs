//! `flashdeck stats [DECK…] [--json]`: the statistics screen's figures, for scripts.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use chrono::{DateTime, FixedOffset};

use crate::config::Config;
use crate::english::{counted, noun};
use crate::library::{load_study, resolve_decks};
use crate::paths::Locations;
use crate::session::matching::seconds;
use crate::stats::{self, Stats};

pub fn run(
    locations: &Locations,
    config: &Config,
    decks: &[String],
    json: bool,
    now: DateTime<FixedOffset>,
    out: &mut dyn Write,
) -> Result<ExitCode> {
    let (study, _) = load_study(locations, config, now)?;
    let (indexes, title) = resolve_decks(&study.collection, decks, locations)?;
    let mut stats = stats::compute(&study, &indexes, now);
    let goals = config.goals();
    let motivation = goals
        .any()
        .then(|| crate::motivation::compute(&study, now, goals.streak_goal));
    stats.motivation = motivation.map(|m| goals.shown(m));
    if json {
        serde_json::to_writer_pretty(&mut *out, &stats)?;
        writeln!(out)?;
    } else {
        write_text(&stats, &title, out)?;
        if let Some(motivation) = &motivation {
            writeln!(out, "{}", goals.summary(motivation, true))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn write_text(stats: &Stats, title: &str, out: &mut dyn Write) -> std::io::Result<()> {
    let today = &stats.today;
    writeln!(out, "{title}")?;
    let again = today
        .again_share
        .map_or_else(String::new, |s| format!(", {:.0}% Again", s * 100.0));
    let answers = |n: usize| counted(n, "answer");
    writeln!(
        out,
        "Today: {} in {} min{again}",
        answers(today.answers),
        today.seconds.div_ceil(60)
    )?;
    let days = noun(stats.days_studied, "day");
    writeln!(
        out,
        "Total: {} on {} {days}",
        answers(stats.total_answers),
        stats.days_studied
    )?;
    let c = &stats.cards;
    writeln!(
        out,
        "Cards: {} new, {} learning, {} relearning, {} young, {} mature, {} suspended, {} buried",
        c.new, c.learning, c.relearning, c.young, c.mature, c.suspended, c.buried
    )?;
    writeln!(
        out,
        "Remembered now: {}",
        crate::english::about(stats.remembered, "card")
    )?;
    let due: usize = stats.forecast.iter().take(7).sum();
    writeln!(
        out,
        "Due in the next 7 days: {due}; daily load {} reviews a day",
        crate::english::amount(stats.daily_load)
    )?;
    writeln!(out, "True retention  {:<16}{:<16}all", "young", "mature")?;
    let r = &stats.retention;
    for (name, period) in [
        ("today", r.day),
        ("yesterday", r.yesterday),
        ("last week", r.week),
        ("last month", r.month),
        ("last year", r.year),
        ("all time", r.all_time),
    ] {
        writeln!(
            out,
            "  {name:<13} {:<16}{:<16}{}",
            period.young.percent(),
            period.mature.percent(),
            period.all.percent()
        )?;
    }
    let calibration = &stats.calibration;
    if let (Some(predicted), Some(actual)) = (calibration.predicted, calibration.actual) {
        writeln!(
            out,
            "Calibration: predicted {:.0}% recall, actual {:.0}% over {}",
            predicted * 100.0,
            actual * 100.0,
            counted(calibration.count, "review")
        )?;
    }
    for deck in &stats.decks {
        let test = match (deck.test_best, deck.test_last) {
            (Some(best), Some(last)) => format!("test best {best}%, last {last}%"),
            _ => "no test yet".to_owned(),
        };
        let game = deck.match_best_ms.map_or_else(
            || "no match yet".to_owned(),
            |ms| format!("match best {}", seconds(ms)),
        );
        writeln!(
            out,
            "{}: learn {:.0}% mastered, {test}, {game}, review retention {}",
            deck.deck,
            deck.learn_mastered * 100.0,
            deck.review_retention.percent()
        )?;
    }
    Ok(())
}
