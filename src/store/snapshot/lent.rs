//! Lending the history to another thread: a start that replayed the log writes the snapshot
//! from it there, while the command goes on with the states (docs/performance.md, "The
//! snapshot written beside the command").

use std::sync::{LazyLock, mpsc};
use std::thread::JoinHandle;

use super::{LazyHistory, ready};
use crate::store::History;

/// Lends `history` to `work` on another thread: it becomes a history that takes it back when
/// it is next needed (forcing it waits for `work`). Dropping it waits for `work` too; a
/// process that leaks it instead (`ManuallyDrop`) must force it before it ends, or the thread
/// is cut off. Without a thread to be had, `work` runs here.
pub fn lend<W>(history: &mut LazyHistory, work: W)
where
    W: FnOnce(&History) + Send + 'static,
{
    *history = lent(std::mem::replace(history, ready(History::default())), work);
}

fn lent<W>(history: LazyHistory, work: W) -> LazyHistory
where
    W: FnOnce(&History) + Send + 'static,
{
    // Handed over once the thread runs, so that a failed spawn leaves both here.
    let (hand, handed) = mpsc::channel::<(W, LazyHistory)>();
    let spawned = std::thread::Builder::new()
        .name("lent history".into())
        .spawn(move || match handed.recv() {
            Ok((work, mut history)) => {
                work(&history);
                std::mem::take(&mut *history)
            }
            Err(_) => History::default(),
        });
    let (work, history) = match spawned {
        Ok(thread) => match hand.send((work, history)) {
            Ok(()) => {
                let lent = Lent(Some(thread));
                return LazyLock::new(Box::new(move || lent.take_back()));
            }
            Err(mpsc::SendError(unsent)) => unsent,
        },
        Err(_) => (work, history),
    };
    work(&history);
    history
}

/// A history lent to a thread, which gives it back when done.
struct Lent(Option<JoinHandle<History>>);

impl Lent {
    /// Waits for the thread and takes the history back; a panic there goes on here.
    fn take_back(mut self) -> History {
        match self.0.take().map(JoinHandle::join) {
            Some(Ok(history)) => history,
            Some(Err(panic)) => std::panic::resume_unwind(panic),
            // Only `take_back` empties it, and it consumes it.
            None => History::default(),
        }
    }
}

impl Drop for Lent {
    /// A history never asked for back is still waited for, so that the process does not end
    /// while the thread writes (a snapshot cut off leaves its temporary file behind).
    fn drop(&mut self) {
        if let Some(thread) = self.0.take() {
            // Only waited for: a panic there was already reported by the panic hook.
            let _ = thread.join();
        }
    }
}
