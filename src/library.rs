//! Opening a collection: the decks and the review log, replayed into a [`Study`], with the
//! log's state kept for later reads and the snapshot; and turning DECK arguments into decks.
//! The TUI and the subcommands both start here.

use std::io;
use std::path::Path;
use std::sync::mpsc;

use anyhow::{Context, Result};
use chrono::{DateTime, FixedOffset, Local};

use crate::config::Config;
use crate::deck::{self, Collection};
use crate::paths::Locations;
use crate::scheduler::calendar::Day;
use crate::scheduler::{ParametersError, Scheduler, Schedulers};
use crate::store::{Events, History, LineProblem, LogPosition, Opening, Source, Store};
use crate::study::Study;
use crate::study::presets::{NamedScheduler, Presets};

/// The current local time, with its offset: the one clock the commands and the TUI's start
/// read; everything below them takes "now" as an argument.
#[must_use]
pub fn now() -> DateTime<FixedOffset> {
    Local::now().fixed_offset()
}

/// The decks and the replayed log, with where reading the log got to.
pub struct Loaded {
    /// The decks with every card's state replayed.
    pub study: Study,
    /// Where reading the log got to, for what is appended later and the snapshot.
    pub log: LogState,
}

/// The review log as a start left it: where reading got to, how, and what could not be read.
#[derive(Debug)]
pub struct LogState {
    /// The log's folder, for appends and later reads.
    pub store: Store,
    /// How far each device's file has been read.
    pub position: LogPosition,
    /// Whether the replay came from the snapshot or the whole log.
    pub source: Source,
    /// Log lines that could not be read.
    pub problems: Vec<LineProblem>,
    /// Starts reading the snapshot's events in the background (see [`Events::Background`]).
    pub start_reading: Option<std::sync::mpsc::Sender<()>>,
}

impl LogState {
    /// Reads what was appended to the log since (by this process or another) into `study` and
    /// saves the replay as the snapshot when that saves work next time. A snapshot is only a
    /// cache: callers may ignore a failure.
    pub fn save_snapshot(&mut self, study: &mut Study) -> io::Result<()> {
        let Some(snapshot) = self.snapshot_to_save(study)? else {
            return Ok(());
        };
        snapshot.write(study.wait_for_history())?;
        self.source = SAVED;
        Ok(())
    }

    /// [`LogState::save_snapshot`], the snapshot written on another thread from the history
    /// lent to it ([`Study::lend_history`]) while the caller goes on with the states: a
    /// command's output does not wait for the write, and dropping `study` waits for it. A
    /// failed write goes unnoticed, as the snapshot is only a cache.
    pub fn save_snapshot_beside(&mut self, study: &mut Study) -> io::Result<()> {
        if let Some(snapshot) = self.snapshot_to_save(study)? {
            study.lend_history(move |history| {
                snapshot.write_quietly(history);
            });
            self.source = SAVED;
        }
        Ok(())
    }

    /// What a snapshot would be written from, when it saves work next time, with what was
    /// appended since read into `study` first.
    fn snapshot_to_save(&mut self, study: &mut Study) -> io::Result<Option<SnapshotToSave>> {
        let stale = self.source.is_stale();
        if !stale && !self.store.is_behind(&self.position)? {
            return Ok(None);
        }
        let (events, problems) = self.store.read_since(&mut self.position)?;
        study.absorb(events);
        // A torn last line stays unread, so reading on finds it again: report it once.
        for problem in problems {
            if !self.problems.contains(&problem) {
                self.problems.push(problem);
            }
        }
        Ok(Some(SnapshotToSave {
            store: self.store.clone(),
            presets: study.presets().clone(),
            day: study.day(),
            states: study.states_in_history_order().collect(),
            position: self.position.clone(),
            problems: self.problems.clone(),
        }))
    }
}

/// How the replay stands once the snapshot is saved: nothing after it.
const SAVED: Source = Source::Snapshot {
    lines_after: 0,
    deferred: false,
    moved: 0,
};

/// Everything a snapshot is written from but the history, owned, so that another thread
/// can write it.
struct SnapshotToSave {
    store: Store,
    presets: Presets,
    day: Day,
    /// Every card's state, in the order of the history's cards.
    states: Vec<crate::store::Folded>,
    position: LogPosition,
    problems: Vec<LineProblem>,
}

impl SnapshotToSave {
    /// [`SnapshotToSave::write`] where nobody is left to hear of a failure: only a cache.
    fn write_quietly(self, history: &History) {
        let _ = self.write(history);
    }

    fn write(self, history: &History) -> io::Result<()> {
        self.store.write_snapshot(
            &self.presets,
            self.day,
            history,
            self.states,
            &self.position,
            &self.problems,
        )
    }
}

/// The schedulers of the settings: the global section's and each preset's, no deck chosen yet.
pub fn presets(config: &Config) -> Result<Presets> {
    let global = Scheduler::new(config.scheduling.clone())?;
    let named = config
        .presets
        .iter()
        .map(|preset| {
            Ok(NamedScheduler {
                name: preset.name.clone(),
                decks: preset.decks.clone(),
                scheduler: Scheduler::new(preset.scheduling.clone())?,
            })
        })
        .collect::<Result<Vec<_>, ParametersError>>()?;
    Ok(Presets::new(global, named))
}

/// The decks and the review log, replayed at `now` with `config`'s settings and presets, from
/// the snapshot where it is usable.
pub fn load(
    locations: &Locations,
    config: &Config,
    now: DateTime<FixedOffset>,
    events: Events,
) -> Result<Loaded> {
    load_decks_first(locations, presets(config)?, now, events)?.finish()
}

/// The decks, loaded while the log's snapshot is opened on another thread; [`DecksFirst::finish`]
/// replays the log into a [`Study`]. Between the two the TUI draws its first frame from the
/// decks alone (docs/performance.md, "The first frame before the history").
pub struct DecksFirst {
    /// Every deck, for the first frame; hand it back (the same one) before `finish`.
    pub collection: Collection,
    /// The settings' presets, each deck's resolved.
    pub presets: Presets,
    /// The parse cache to bring up to date, written while the log is read.
    cache_update: Option<deck::load::CacheUpdate>,
    store: Store,
    now: DateTime<FixedOffset>,
    day: Day,
    events: Events,
    history: HistoryOpening,
    /// Dropped once the parse cache's update is written ([`DecksFirst::cache_written`]).
    cache_written: Option<mpsc::Sender<()>>,
}

/// What [`DecksFirst`]'s replay is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Then {
    /// Handed back as it is.
    Return,
    /// A command's: the snapshot is written beside it when it saves work next time, from the
    /// replay as it stands, on another thread while the study is built and the command runs
    /// (docs/performance.md, "The snapshot written beside the command").
    WriteSnapshot,
}

/// How the log is being opened while the decks load.
enum HistoryOpening {
    /// The snapshot and what was appended after it, on another thread.
    Reading(std::thread::JoinHandle<io::Result<Opening>>),
    /// No usable snapshot: the whole log is read in `finish`, after the decks (read alongside
    /// them it gained nothing: each keeps both cores busy, docs/performance.md).
    Later,
}

/// Loads the decks and starts reading the log, each card to be folded by `presets` (the
/// settings', [`presets`]): see [`DecksFirst`].
pub fn load_decks_first(
    locations: &Locations,
    mut presets: Presets,
    now: DateTime<FixedOffset>,
    events: Events,
) -> Result<DecksFirst> {
    let store = Store::new(&locations.data_dir.path, &Store::device_name());
    let global = presets.global().clone();
    let day = global.calendar().day(now);
    let history = if store.has_snapshot_for(&global) {
        let reading = store.clone();
        HistoryOpening::Reading(std::thread::spawn(move || {
            reading.open_replay(&global, day)
        }))
    } else {
        HistoryOpening::Later
    };
    let (collection, cache_update) = deck::load::load_configured_later(locations)?;
    presets.resolve(&collection);
    Ok(DecksFirst {
        collection,
        presets,
        cache_update,
        store,
        now,
        day,
        events,
        history,
        cache_written: None,
    })
}

impl DecksFirst {
    /// A receiver that disconnects once `finish` has written the parse cache's update (at
    /// once if there is none): a process that leaves before then leaves its temporary file
    /// behind (a tester found 16 MB ones left by a signal during the counting).
    pub fn cache_written(&mut self) -> mpsc::Receiver<()> {
        let (written, receiver) = mpsc::channel();
        self.cache_written = Some(written);
        receiver
    }

    /// The decks with every card's state replayed from the log. Each card is folded by its
    /// deck's preset, so the folding waits for the decks.
    pub fn finish(self) -> Result<Loaded> {
        self.finish_then(Then::Return)
    }

    fn finish_then(self, then: Then) -> Result<Loaded> {
        let Self {
            collection,
            presets,
            cache_update,
            store,
            now,
            day,
            events,
            history,
            cache_written,
        } = self;
        let replay = || {
            let opening = match history {
                HistoryOpening::Reading(thread) => thread
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
                HistoryOpening::Later => store.open_replay(presets.global(), day),
            };
            opening.and_then(|opening| opening.finish(&presets, day, events))
        };
        // The parse cache is written (its encoding, its sync) while the log is read and folded.
        let replayed = std::thread::scope(|scope| {
            let collection = &collection;
            if let Some(update) = &cache_update {
                scope.spawn(move || {
                    update.save(collection);
                    drop(cache_written);
                });
            } else {
                drop(cache_written);
            }
            replay()
        });
        let mut replayed = replayed
            .with_context(|| format!("cannot read the review log in {}", store.dir().display()))?;
        if then == Then::WriteSnapshot && replayed.source.is_stale() {
            let snapshot = SnapshotToSave {
                store: store.clone(),
                presets: presets.clone(),
                day,
                states: replayed.states.folded().to_vec(),
                position: replayed.position.clone(),
                problems: replayed.problems.clone(),
            };
            replayed.lend_history(move |history| snapshot.write_quietly(history));
            replayed.source = SAVED;
        }
        let log = LogState {
            store,
            position: std::mem::take(&mut replayed.position),
            source: replayed.source,
            problems: std::mem::take(&mut replayed.problems),
            start_reading: replayed.start_reading.take(),
        };
        Ok(Loaded {
            study: Study::from_replay(collection, replayed, presets, now),
            log,
        })
    }
}

/// The decks and the review log, replayed at `now`, with the log lines that could not be
/// read; the snapshot is brought up to date for the next command.
pub fn load_study(
    locations: &Locations,
    config: &Config,
    now: DateTime<FixedOffset>,
) -> Result<(Study, Vec<LineProblem>)> {
    let loading = load_decks_first(locations, presets(config)?, now, Events::OnDemand)?;
    let Loaded { mut study, mut log } = loading.finish_then(Then::WriteSnapshot)?;
    // What was appended meanwhile. Only a cache: the replay stands whether or not it could be
    // saved.
    let _ = log.save_snapshot_beside(&mut study);
    Ok((study, log.problems))
}

/// Deck indexes for deck ids, folders of decks (`sales` for `sales/*`) or deck files, and a
/// title for them; every deck when none is given.
pub fn resolve_decks(
    collection: &Collection,
    wanted: &[String],
    locations: &Locations,
) -> Result<(Vec<usize>, String)> {
    let decks = &collection.decks;
    if wanted.is_empty() {
        return Ok(((0..decks.len()).collect(), collection.all_decks_title()));
    }
    let mut indexes = Vec::new();
    for name in wanted {
        let id = deck_id_for(name, locations);
        let matched: Vec<usize> = (0..decks.len())
            .filter(|&i| {
                let deck_id = decks[i].id.as_str();
                deck_id == id || deck_id.starts_with(&format!("{id}/"))
            })
            .collect();
        anyhow::ensure!(
            !matched.is_empty(),
            "no deck `{name}`; `flashdeck list` shows the deck ids"
        );
        indexes.extend(
            matched
                .into_iter()
                .filter(|i| !indexes.contains(i))
                .collect::<Vec<_>>(),
        );
    }
    let title = match indexes.as_slice() {
        [one] => decks[*one].name.clone(),
        many => format!("{} decks", many.len()),
    };
    Ok((indexes, title))
}

/// A deck file's path becomes its id relative to the decks folder; anything else is an id.
#[must_use]
pub fn deck_id_for(name: &str, locations: &Locations) -> String {
    let path = Path::new(name);
    let is_deck_file = path.extension().is_some_and(|ext| ext == "toml") && path.is_file();
    if is_deck_file
        && let (Ok(file), Ok(root)) = (path.canonicalize(), locations.decks.path.canonicalize())
        && file.starts_with(&root)
    {
        return deck::load::deck_id(&root, &file).as_str().to_owned();
    }
    name.trim_end_matches('/')
        .trim_end_matches(".toml")
        .to_owned()
}
