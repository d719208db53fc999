//! Waiting for work lent the history, as a process about to end does: the work is done, and a
//! history not lent is never read for it.

use std::sync::LazyLock;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, mpsc};

use super::*;

/// A study whose history, not yet read, notes being read in `read`.
fn study_with_unread_history(read: &Arc<AtomicBool>) -> Study {
    let now = time("2026-11-27T09:00:00+01:00");
    let history = History::default();
    let mut replayed = Replayed::of(
        history,
        Vec::new(),
        crate::store::Source::Full,
        Vec::new(),
        crate::store::LogPosition::default(),
    );
    let noted = Arc::clone(read);
    replayed.history = LazyLock::new(Box::new(move || {
        noted.store(true, Ordering::SeqCst);
        History::default()
    }));
    let settings = Settings::default();
    let presets = crate::study::presets::Presets::global_only(Scheduler::new(settings).unwrap());
    Study::from_replay(collection(2), replayed, presets, now)
}

#[test]
fn a_history_not_lent_is_not_read_to_wait_for_it() {
    let read = Arc::new(AtomicBool::new(false));
    let study = std::mem::ManuallyDrop::new(study_with_unread_history(&read));
    study.wait_for_lent_history();
    assert!(!read.load(Ordering::SeqCst));
}

#[test]
fn work_lent_the_history_is_done_once_waited_for() {
    let read = Arc::new(AtomicBool::new(false));
    let mut study = std::mem::ManuallyDrop::new(study_with_unread_history(&read));
    let (done, finished) = mpsc::channel();
    study.lend_history(move |_| {
        std::thread::sleep(std::time::Duration::from_millis(50));
        let _ = done.send(());
    });
    study.wait_for_lent_history();
    assert_eq!(finished.try_recv(), Ok(()));
}
