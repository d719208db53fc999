//! Times each phase of a cold start (no cache), for finding where it goes:
//! `FLASHDECK_DECKS=… FLASHDECK_DATA_DIR=… FLASHDECK_CONFIG=… cargo run --release --example profile_cold`.
//! Removes `<data dir>/cache` first.
use std::time::Instant;

use flashdeck::paths::{self, Defaults, Overrides};
use flashdeck::scheduler::Schedulers;
use flashdeck::store::{Events, Store};

fn main() -> anyhow::Result<()> {
    let cwd = std::env::current_dir()?;
    let locations = paths::resolve(
        &Overrides::default(),
        |name| std::env::var_os(name),
        &cwd,
        &Defaults::from_platform(),
    )?;
    let _ = std::fs::remove_dir_all(locations.data_dir.path.join("cache"));
    let started = Instant::now();
    let lap = |what: &str, since: &mut Instant| {
        eprintln!(
            "{what:<24} {:7.1} ms  {}",
            since.elapsed().as_secs_f64() * 1e3,
            memory()
        );
        *since = Instant::now();
    };
    let mut since = Instant::now();
    let (config, _) = flashdeck::config::load(&locations.config.path, true);
    let mut presets = flashdeck::library::presets(&config)?;
    let now = flashdeck::library::now();
    let day = presets.global().calendar().day(now);
    lap("config", &mut since);
    let collection = flashdeck::deck::load_configured(&locations)?;
    lap("decks", &mut since);
    presets.resolve(&collection);
    let store = Store::new(&locations.data_dir.path, &Store::device_name());
    let opening = store.open_replay(presets.global(), day)?;
    lap("open replay", &mut since);
    let replayed = opening.finish(&presets, day, Events::OnDemand)?;
    lap("read log and fold", &mut since);
    let study = flashdeck::study::Study::from_replay(collection, replayed, presets, now);
    lap("study", &mut since);
    eprintln!(
        "{:<24} {:7.1} ms",
        "load",
        started.elapsed().as_secs_f64() * 1e3
    );
    drop(study);
    // Again through the library, for the snapshot's save.
    let _ = std::fs::remove_dir_all(locations.data_dir.path.join("cache"));
    let mut since = Instant::now();
    let mut loaded = flashdeck::library::load(&locations, &config, now, Events::OnDemand)?;
    lap("library::load", &mut since);
    loaded.log.save_snapshot(&mut loaded.study)?;
    lap("save snapshot", &mut since);
    Ok(())
}

/// The resident set now and at its peak so far (Linux; empty elsewhere).
fn memory() -> String {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find_map(|line| line.strip_prefix(name))
            .map_or("?", str::trim)
            .to_owned()
    };
    format!("rss {} peak {}", field("VmRSS:"), field("VmHWM:"))
}
