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
    let parts: Vec<(Option<&str>, &crate::scheduler::Settings)> = job
        .parts
        .iter()
        .map(|part| (part.preset.as_deref(), &part.settings))
        .collect();
    for line in placing_lines(&parts) {
        writeln!(out, "{line}")?;
    }
    Ok(())
}

/// How intervals are placed besides FSRS and the fuzz, for the presets simulated (a name, or
/// `None` for the global section, with its settings): one line for load balancing, which is
/// the whole collection's setting, and one for each distinct set of easy days, naming its
/// presets when there are several. Neither applies to a preset whose fuzz is off.
fn placing_lines(parts: &[(Option<&str>, &crate::scheduler::Settings)]) -> Vec<String> {
    let name = |preset: Option<&str>| preset.unwrap_or("global").to_owned();
    let mut lines = Vec::new();
    let (fuzzed, unfuzzed): (Vec<_>, Vec<_>) = parts.iter().partition(|(_, s)| s.fuzz);
    if fuzzed.iter().any(|(_, settings)| settings.load_balance) {
        let except = if unfuzzed.is_empty() {
            String::new()
        } else {
            let names: Vec<String> = unfuzzed.iter().map(|(p, _)| name(*p)).collect();
            format!(", except in {}, whose fuzz is off", names.join(", "))
        };
        lines.push(format!(
            "Intervals load balanced (days with fewer reviews preferred){except}."
        ));
    }
    let mut easy: Vec<(crate::scheduler::EasyDays, Vec<String>)> = Vec::new();
    for (preset, settings) in fuzzed.iter().filter(|(_, s)| !s.easy_days.is_normal()) {
        match easy
            .iter_mut()
            .find(|(days, _)| *days == settings.easy_days)
        {
            Some((_, names)) => names.push(name(*preset)),
            None => easy.push((settings.easy_days, vec![name(*preset)])),
        }
    }
    for (days, names) in easy {
        let whose = if parts.len() > 1 {
            format!(" ({})", names.join(", "))
        } else {
            String::new()
        };
        lines.push(format!("Easy days: {}{whose}.", days.describe()));
    }
    lines
}

fn percent(retention: f32) -> String {
    format!("{:.0}%", f64::from(retention) * 100.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scheduler::{EasyDays, Settings};

    fn with(fuzz: bool, sunday: u8) -> Settings {
        let mut easy_days = EasyDays::default();
        easy_days.0[6] = sunday;
        Settings {
            fuzz,
            easy_days,
            ..Settings::default()
        }
    }

    #[test]
    fn load_balancing_is_one_line_and_each_set_of_easy_days_one_naming_its_presets() {
        let (global, lang, math, exam) = (
            with(true, 100),
            with(true, 0),
            with(true, 0),
            with(true, 50),
        );
        let parts = [
            (None, &global),
            (Some("lang"), &lang),
            (Some("math"), &math),
            (Some("exam"), &exam),
        ];
        assert_eq!(
            placing_lines(&parts),
            [
                "Intervals load balanced (days with fewer reviews preferred).",
                "Easy days: Sun 0% (lang, math).",
                "Easy days: Sun 50% (exam).",
            ]
        );
        // One preset: nothing to name. Its fuzz off: neither applies.
        assert_eq!(
            placing_lines(&[(Some("lang"), &lang)]),
            [
                "Intervals load balanced (days with fewer reviews preferred).",
                "Easy days: Sun 0%.",
            ]
        );
        let off = with(false, 0);
        assert!(placing_lines(&[(None, &off)]).is_empty());
        assert_eq!(
            placing_lines(&[(None, &global), (Some("cram"), &off)]),
            [
                "Intervals load balanced (days with fewer reviews preferred), except in cram, whose fuzz is off."
            ]
        );
        let unbalanced = Settings {
            load_balance: false,
            ..lang.clone()
        };
        assert_eq!(
            placing_lines(&[(None, &unbalanced)]),
            ["Easy days: Sun 0%."]
        );
    }
}
