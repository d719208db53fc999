//! `flashdeck stats [DECK…|QUERY] [--json]`: the statistics screen's figures, for scripts, of
//! decks or of the cards a search finds.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use chrono::{DateTime, FixedOffset};

use crate::config::Config;
use crate::english::{counted, noun};
use crate::library::{load_study, resolve_decks};
use crate::paths::Locations;
use crate::search::Query;
use crate::session::matching::seconds;
use crate::stats::{self, Selection, Stats};

pub fn run(
    locations: &Locations,
    config: &Config,
    decks: &[String],
    json: bool,
    now: DateTime<FixedOffset>,
    out: &mut dyn Write,
) -> Result<ExitCode> {
    let (study, _) = load_study(locations, config, now)?;
    let (selection, title) = select(&study, decks, locations, now)?;
    let mut stats = stats::compute_selection(&study, &selection, now);
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

/// The decks and search queries asked for: an argument that names no deck but holds a
/// search (a field, a space, a `-` or a bracket) is a query in the browser's language; the
/// cards are those every query finds among the decks (all decks without one).
fn select(
    study: &crate::study::Study,
    wanted: &[String],
    locations: &Locations,
    now: DateTime<FixedOffset>,
) -> Result<(Selection, String)> {
    let mut decks = Vec::new();
    let mut queries = Vec::new();
    for arg in wanted {
        match resolve_decks(&study.collection, std::slice::from_ref(arg), locations) {
            Ok(_) => decks.push(arg.clone()),
            Err(_) if looks_like_query(arg) => queries.push(arg.as_str()),
            Err(error) => return Err(error),
        }
    }
    let (indexes, title) = resolve_decks(&study.collection, &decks, locations)?;
    if queries.is_empty() {
        return Ok((Selection::decks(&indexes), title));
    }
    // One query as typed, so an error's position is the user's; several, each bracketed.
    let text = match queries.as_slice() {
        [one] => (*one).to_owned(),
        many => many
            .iter()
            .map(|q| format!("({q})"))
            .collect::<Vec<_>>()
            .join(" "),
    };
    let query = Query::parse(&text).map_err(|error| {
        anyhow::anyhow!("the search `{}` does not read: {error}", queries.join(" "))
    })?;
    let selection = Selection::matching(study, &indexes, &query, now);
    Ok((selection, format!("{title} · {}", queries.join(" "))))
}

/// Whether an argument reads as a search rather than a deck id.
fn looks_like_query(arg: &str) -> bool {
    arg.contains([':', ' ', '(', '"', '*']) || arg.starts_with('-')
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
    for deck in stats.retention_by_deck.iter().filter(|d| d.lagging) {
        writeln!(
            out,
            "{} lags: {} against {} over all decks shown",
            deck.deck,
            deck.retention.all.percent(),
            stats.retention.all_time.all.percent()
        )?;
    }
    write_trouble(&stats.trouble, out)
}

/// The trouble lists, a few of each.
fn write_trouble(trouble: &stats::Trouble, out: &mut dyn Write) -> std::io::Result<()> {
    /// The first few of `items`, each as `show` puts it, after `label`; nothing for none.
    fn few<T>(
        out: &mut dyn Write,
        label: &str,
        items: &[T],
        show: impl Fn(&T) -> String,
    ) -> std::io::Result<()> {
        if items.is_empty() {
            return Ok(());
        }
        let shown: Vec<String> = items.iter().take(5).map(show).collect();
        writeln!(out, "{label}: {}", shown.join(", "))
    }
    few(out, "Leeches", &trouble.leeches, |c| c.card.clone())?;
    few(out, "Most Again in 30 days", &trouble.most_again, |c| {
        format!("{} ({})", c.card, c.again)
    })?;
    few(out, "Confused", &trouble.confused, |p| {
        format!("{} taken for {} ({})", p.chosen, p.card, p.count)
    })
}
