//! `flashdeck simulate [DECK…] [--retention R] [--days N] [--new-per-day K] [--json]`: the
//! reviews a day and the cards remembered ahead, from the cards as they stand, and the same at
//! a few other retentions, to choose one knowing its cost.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use chrono::{DateTime, FixedOffset};
use serde::Serialize;

use super::FAILURE;
use crate::cli::SimulateArgs;
use crate::config::Config;
use crate::english::counted;
use crate::library::{load_study, resolve_decks};
use crate::paths::Locations;
use crate::workload::{self, Workload};

#[derive(Serialize)]
struct Report<'a> {
    plan: PlanJson,
    workload: &'a Workload,
    compared: &'a [Workload],
}

#[derive(Serialize)]
struct PlanJson {
    retention: f32,
    days: usize,
    new_per_day: usize,
    reviews_per_day: usize,
    /// How many answer times and odds are the learner's own (of 14).
    own_figures: usize,
}

pub fn run(
    locations: &Locations,
    config: &Config,
    options: &SimulateArgs,
    now: DateTime<FixedOffset>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<ExitCode> {
    let retention = options.retention;
    if retention.is_some_and(|r| !(0.70..=0.99).contains(&r))
        || !(1..=36_500).contains(&options.days)
    {
        writeln!(
            err,
            "--retention must be from 0.70 to 0.99, and --days from 1 to 36500"
        )?;
        return Ok(ExitCode::from(FAILURE));
    }
    let (study, _) = load_study(locations, config, now)?;
    let (decks, title) = resolve_decks(&study.collection, &options.only, locations)?;
    let today = study.scheduler.calendar().day(now);
    // The statistics screen's simulation, with what the command line changes: each preset's
    // decks with its settings.
    let mut job = workload::Job::for_decks(&study, &decks, today);
    job.set_days(options.days);
    if let Some(new_per_day) = options.new_per_day {
        job.set_new_per_day(new_per_day);
    }
    let plan = job.plan();
    let workload = job.simulate(retention)?;
    let compared = job.run().map_err(anyhow::Error::msg)?;
    if options.json {
        let report = Report {
            plan: PlanJson {
                retention: workload.retention,
                days: plan.days,
                new_per_day: plan.new_per_day,
                reviews_per_day: plan.reviews_per_day,
                own_figures: plan.habits.own,
            },
            workload: &workload,
            compared: &compared,
        };
        serde_json::to_writer_pretty(&mut *out, &report)?;
        writeln!(out)?;
        return Ok(ExitCode::SUCCESS);
    }
    describe_plan(out, &title, &job, retention)?;
    writeln!(
        out,
        "{:>11}  {:>11}  {:>7}  {:>11}  {:>10}",
        "days", "reviews/day", "new/day", "minutes/day", "remembered"
    )?;
    for period in &workload.periods {
        let days = format!("{}-{}", period.first_day, period.last_day);
        writeln!(
            out,
            "{days:>11}  {:>11.1}  {:>7.1}  {:>11.1}  {:>10.0}",
            period.reviews_per_day, period.new_per_day, period.minutes_per_day, period.remembered
        )?;
    }
    writeln!(
        out,
        "In all: {}, {:.0} a day, {:.0} min a day; {:.0} cards remembered at the end.",
        counted(workload.reviews, "review"),
        workload.reviews_per_day,
        workload.minutes_per_day,
        workload.remembered
    )?;
    let weekdays: Vec<String> = crate::scheduler::balance::WEEKDAYS_SHORT
        .iter()
        .zip(workload.by_weekday)
        .map(|(day, reviews)| format!("{day} {reviews:.0}"))
        .collect();
    writeln!(out, "Reviews on an average {}.", weekdays.join(", "))?;
    writeln!(out)?;
    write_comparison(&compared, plan.days, out)?;
    Ok(ExitCode::SUCCESS)
}

/// The table of retentions and their cost, shared with the statistics screen's words.
pub fn write_comparison(compared: &[Workload], days: usize, out: &mut dyn Write) -> Result<()> {
    writeln!(
        out,
        "What each desired retention costs over {}:",
        counted(days, "day")
    )?;
    writeln!(
        out,
        "{:>9}  {:>11}  {:>11}  {:>10}",
        "retention", "reviews/day", "minutes/day", "remembered"
    )?;
    for workload in compared {
        writeln!(
            out,
            "{:>9}  {:>11.1}  {:>11.1}  {:>10.0}",
            percent(workload.retention),
            workload.reviews_per_day,
            workload.minutes_per_day,
            workload.remembered
        )?;
    }
    Ok(())
}

/// The lines above the table: what was simulated, whose answer times, how intervals are placed.
fn describe_plan(
    out: &mut dyn Write,
    title: &str,
    job: &workload::Job,
    retention: Option<f32>,
) -> Result<()> {
    let plan = job.plan();
    let (studied, total) = job.cards();
    // Each preset's own retention, or the one asked for: said as one figure when they agree.
    let mut retentions: Vec<f32> = match retention {
        Some(retention) => vec![retention],
        None => job.parts.iter().map(|part| part.plan.retention).collect(),
    };
    retentions.sort_by(f32::total_cmp);
    retentions.dedup();
    let at = match retentions.as_slice() {
        [one] => format!("{} retention", percent(*one)),
        many => format!(
            "each preset's retention ({})",
            many.iter()
                .map(|&r| percent(r))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    writeln!(
        out,
        "{title}: {} ({studied} studied) over {}, at {at}, up to {} a day",
        counted(total, "card"),
        counted(plan.days, "day"),
        counted(plan.new_per_day, "new card"),
    )?;
    writeln!(
        out,
        "Answer times and odds: {}.",
        if plan.habits.own == 0 {
            "the FSRS simulator's (too few answers of your own yet)".to_owned()
        } else {
            format!("{} of 14 figures from your own answers", plan.habits.own)
        }
    )?;
    // One line for each way the presets place intervals.
    let mut placings: Vec<String> = Vec::new();
    for placing in job
        .parts
        .iter()
        .filter_map(|part| placing_text(&part.settings))
    {
        if !placings.contains(&placing) {
            writeln!(out, "{placing}")?;
            placings.push(placing);
        }
    }
    Ok(())
}

/// How intervals are placed, when something besides FSRS and the fuzz places them.
fn placing_text(settings: &crate::scheduler::Settings) -> Option<String> {
    let easy = &settings.easy_days;
    match (settings.fuzz, settings.load_balance, easy.is_normal()) {
        (false, _, _) | (true, false, true) => None,
        (true, true, true) => {
            Some("Intervals load balanced (days with fewer reviews preferred).".to_owned())
        }
        (true, balanced, false) => Some(format!(
            "Easy days: {}{}.",
            easy.describe(),
            if balanced {
                "; intervals load balanced"
            } else {
                ""
            }
        )),
    }
}

fn percent(retention: f32) -> String {
    format!("{:.0}%", f64::from(retention) * 100.0)
}
