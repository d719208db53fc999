//! Leaving cleanly on a signal: SIGTERM, SIGHUP (the terminal window closed) and SIGINT set a
//! flag that the run loop reads between actions, so the terminal is restored and the snapshot
//! saved as on `q`, and an answer being written is written whole first. A second signal of the
//! same kind, if the loop does not get there (an editor is open, say), ends the process at once.

use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use crossterm::event;
use signal_hook::SigId;
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};

/// The signals that ask the process to leave.
const SIGNALS: [i32; 3] = [SIGTERM, SIGHUP, SIGINT];

/// How often a wait for a key looks at the flag: short enough that a closed window ends the
/// process at once, long enough to cost nothing.
const SLICE: Duration = Duration::from_millis(100);

/// The flag the signals set, and their handlers (removed again on the way out).
#[derive(Debug)]
pub struct Stop {
    asked: Arc<AtomicBool>,
    /// The terminal the keys come from, watched for a hang-up.
    terminal: Option<Terminal>,
    /// The last signal that came, 0 before any.
    signal: Arc<AtomicUsize>,
    handlers: Vec<SigId>,
}

impl Stop {
    /// Installs the handlers that set the flag. Errors: the system refused a handler.
    pub fn register() -> io::Result<Self> {
        let asked = Arc::new(AtomicBool::new(false));
        let which = Arc::new(AtomicUsize::new(0));
        let mut handlers = Vec::new();
        for signal in SIGNALS {
            handlers.push(signal_hook::flag::register(signal, Arc::clone(&asked))?);
            // Signal numbers are small and positive.
            let number = usize::try_from(signal).unwrap_or_default();
            handlers.push(signal_hook::flag::register_usize(
                signal,
                Arc::clone(&which),
                number,
            )?);
        }
        Ok(Self {
            asked,
            terminal: Terminal::find(),
            signal: which,
            handlers,
        })
    }

    /// Whether a signal asked the process to leave.
    #[must_use]
    pub fn asked(&self) -> bool {
        self.asked.load(Ordering::Relaxed)
    }

    /// The signal that asked the process to leave, if one did.
    #[must_use]
    pub fn signal(&self) -> Option<i32> {
        let number = self.signal.load(Ordering::Relaxed);
        i32::try_from(number).ok().filter(|&n| n > 0)
    }

    /// Waits up to `wait` (for ever with `None`) for a terminal event, looking at the flag
    /// every [`SLICE`]: `true` when an event is ready, `false` when the time ran out or a
    /// signal came. Errors: the terminal cannot be read, or it went away (hung up).
    pub fn poll(&self, wait: Option<Duration>) -> io::Result<bool> {
        let deadline = wait.map(|wait| Instant::now() + wait);
        loop {
            if self.asked() {
                return Ok(false);
            }
            // What crossterm has already read and parsed first.
            if event::poll(Duration::ZERO)? {
                return Ok(true);
            }
            let left = deadline.map(|deadline| deadline.saturating_duration_since(Instant::now()));
            if left.is_some_and(|left| left.is_zero()) {
                return Ok(false);
            }
            wait_for_input(
                self.terminal.as_ref(),
                left.map_or(SLICE, |left| left.min(SLICE)),
            )?;
        }
    }

    /// Removes the handlers: outside the TUI the signals do what they usually do.
    /// From now on, a second signal of the same kind ends the process at once with the usual
    /// 128 + signal code, for when the run loop cannot get to the flag (an editor is open,
    /// say). Not before the run loop: while the history is read the flag is looked at every
    /// few hundredths of a second, and a second signal there left the terminal raw (a
    /// tester's find). Errors: the system refused a handler.
    pub fn exit_on_second_signal(&mut self) -> io::Result<()> {
        for signal in SIGNALS {
            // Registered first, so it sees this signal's own flag before the signal sets it (a
            // SIGHUP after a SIGTERM still leaves through the loop, the terminal restored).
            let seen = Arc::new(AtomicBool::new(false));
            self.handlers
                .push(signal_hook::flag::register_conditional_shutdown(
                    signal,
                    128 + signal,
                    Arc::clone(&seen),
                )?);
            self.handlers
                .push(signal_hook::flag::register(signal, seen)?);
        }
        Ok(())
    }

    pub fn unregister(self) {
        for handler in self.handlers {
            signal_hook::low_level::unregister(handler);
        }
    }
}

/// The terminal crossterm reads keys from: standard input when that is the terminal,
/// otherwise `/dev/tty` (as crossterm opens it). `None` when there is none to watch.
#[derive(Debug)]
pub enum Terminal {
    Stdin,
    Tty(std::fs::File),
}

impl Terminal {
    /// Finds the terminal the keys come from.
    pub fn find() -> Option<Self> {
        use std::os::fd::AsFd;
        if rustix::termios::isatty(io::stdin().as_fd()) {
            return Some(Self::Stdin);
        }
        std::fs::File::open("/dev/tty").ok().map(Self::Tty)
    }
}

/// Waits up to `wait` for the terminal to have input. Errors: it hung up. crossterm's own
/// wait, once the terminal has gone, reads its end of file over and over without returning
/// (seen with `tmux kill-session`, whether the keys come on standard input or, with standard
/// input redirected, from `/dev/tty`), so the terminal is watched here first.
fn wait_for_input(terminal: Option<&Terminal>, wait: Duration) -> io::Result<()> {
    use rustix::event::{PollFd, PollFlags, Timespec};
    let stdin = io::stdin();
    let mut watched = match terminal {
        Some(Terminal::Stdin) => [PollFd::new(&stdin, PollFlags::IN)],
        Some(Terminal::Tty(tty)) => [PollFd::new(tty, PollFlags::IN)],
        // No terminal of its own to watch: crossterm's wait bounds the slice.
        None => {
            event::poll(wait)?;
            return Ok(());
        }
    };
    let timeout = Timespec::try_from(wait).ok();
    match rustix::event::poll(&mut watched, timeout.as_ref()) {
        // A signal interrupted the wait: the caller looks at the flag.
        Err(rustix::io::Errno::INTR) => return Ok(()),
        Err(error) => return Err(error.into()),
        Ok(_) => {}
    }
    if watched[0]
        .revents()
        .intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL)
    {
        return Err(io::Error::new(
            io::ErrorKind::BrokenPipe,
            "the terminal went away",
        ));
    }
    Ok(())
}
