//! Opening the snapshot for a replay: checking it against the log and reading what was
//! appended after it, which needs no deck and so runs while the decks load; then folding the
//! cards whose events or scheduler changed, once the decks say each card's scheduler.

use std::io;
use std::path::PathBuf;

use super::file::{Opened, collection_hash, moved_cards, read_history, start_points};
use super::{
    Events, History, LineProblem, LogPosition, PEEK, Replayed, ReplayedStates, Source, Store,
};
use crate::scheduler::{Day, Scheduler, Schedulers};
use crate::store::read_all;

impl Store {
    /// The part of [`Store::replay`] that needs no deck, so that it can run while the decks
    /// load: the snapshot opened and checked against the log, and what was appended since
    /// read. `global` gives the calendar; [`Opening::finish`] replays.
    pub fn open_replay(&self, global: &Scheduler, day: Day) -> io::Result<Opening> {
        let files = self.log_files()?;
        let opened = self.open_snapshot(collection_hash(global));
        let Some((opened, mut position)) =
            opened.and_then(|o| start_points(&self.dir, &files, &o.header.files).map(|p| (o, p)))
        else {
            return Ok(Opening {
                store: self.clone(),
                files,
                snapshot: None,
            });
        };
        let new_day = day != opened.header.day;
        let day_is_simple = !new_day || opened.front.last_days.iter().all(|&last| last < day);
        // Without events appended, the states may stand (with a new day's tallies cleared).
        if day_is_simple && position.bytes_behind(&files)? <= PEEK {
            let mut peek = History::default();
            let mut peek_position = position.clone();
            let mut problems = Vec::new();
            let lines = read_all(
                &files,
                &mut peek_position,
                &mut |batch| peek.extend_read(batch),
                &mut problems,
            )?;
            if peek.is_empty() {
                return Ok(Opening {
                    store: self.clone(),
                    files,
                    snapshot: Some(Snapshot {
                        opened,
                        position,
                        after: After::Nothing {
                            lines,
                            position: peek_position,
                            problems,
                        },
                    }),
                });
            }
        }
        let Opened {
            header,
            front,
            file,
        } = opened;
        let mut problems = front.problems.clone();
        let after = match file.and_then(read_history) {
            Some(mut history) => {
                history.track_changes();
                let lines = read_all(
                    &files,
                    &mut position,
                    &mut |batch| history.extend_read(batch),
                    &mut problems,
                )?;
                history.finish();
                After::Read {
                    changed: history.take_changes(),
                    history: Box::new(history),
                    lines,
                    problems,
                }
            }
            None => After::Unreadable,
        };
        Ok(Opening {
            store: self.clone(),
            files,
            snapshot: Some(Snapshot {
                opened: Opened {
                    header,
                    front,
                    file: None,
                },
                position,
                after,
            }),
        })
    }
}

/// The snapshot opened and the log read after it, waiting for the decks' schedulers
/// ([`Store::open_replay`]).
pub struct Opening {
    store: Store,
    files: Vec<PathBuf>,
    /// A usable snapshot; none means a full replay.
    snapshot: Option<Snapshot>,
}

struct Snapshot {
    opened: Opened,
    /// Where the snapshot stops in each log file.
    position: LogPosition,
    after: After,
}

/// What the log holds after the snapshot.
enum After {
    /// Nothing: `lines` torn or unreadable lines at most, read up to `position`. The
    /// snapshot's events are read only when needed.
    Nothing {
        lines: usize,
        position: LogPosition,
        problems: Vec<LineProblem>,
    },
    /// Events, read into the snapshot's `history`, which marks the cards they `changed`.
    Read {
        history: Box<History>,
        changed: Vec<bool>,
        lines: usize,
        problems: Vec<LineProblem>,
    },
    /// The snapshot's events could not be read: the whole log is replayed.
    Unreadable,
}

impl Opening {
    /// The replay on `day`, each card by its scheduler: a card that another scheduler (another
    /// preset, or changed settings) folded into the snapshot is replayed again, and only such
    /// cards and those with new events are.
    pub fn finish(
        self,
        schedulers: &impl Schedulers,
        day: Day,
        events: Events,
    ) -> io::Result<Replayed> {
        let Opening {
            store,
            files,
            snapshot,
        } = self;
        let Some(Snapshot {
            opened,
            position,
            after,
        }) = snapshot
        else {
            return Store::replay_full(&files, schedulers, day);
        };
        let Opened {
            header,
            front,
            file,
        } = opened;
        let moved = moved_cards(&header, &front, schedulers);
        let (history, mut changed, lines_after, problems, position) = match (after, file) {
            (
                After::Nothing {
                    lines,
                    position,
                    problems: peeked,
                },
                Some(file),
            ) => {
                let mut problems = front.problems;
                problems.extend(peeked);
                if moved.is_none() {
                    let (history, start_reading) = store.history_later(file, events);
                    let mut states = ReplayedStates::new(front.cards, front.states);
                    if day != header.day {
                        for folded in states.folded_mut() {
                            folded.clear_day();
                        }
                    }
                    return Ok(Replayed {
                        history,
                        start_reading,
                        states,
                        has_events: front.has_events,
                        exams: front.exams,
                        extensions: front.extensions,
                        problems,
                        source: Source::Snapshot {
                            lines_after: lines,
                            deferred: true,
                            moved: 0,
                        },
                        position,
                        lent: false,
                    });
                }
                let Some(history) = read_history(file) else {
                    return Store::replay_full(&files, schedulers, day);
                };
                let changed = vec![false; history.cards().count()];
                (history, changed, lines, problems, position)
            }
            (
                After::Read {
                    history,
                    changed,
                    lines,
                    problems,
                },
                _,
            ) => (*history, changed, lines, problems, position),
            _ => return Store::replay_full(&files, schedulers, day),
        };
        let moved = moved.map_or(0, |moved| {
            for (changed, moved) in changed.iter_mut().zip(&moved) {
                *changed |= moved;
            }
            moved.iter().filter(|&&moved| moved).count()
        });
        let states = history.refold(schedulers, day, front.states, header.day, &changed);
        Ok(Replayed::of(
            history,
            states,
            Source::Snapshot {
                lines_after,
                deferred: false,
                moved,
            },
            problems,
            position,
        ))
    }
}
