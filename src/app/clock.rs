//! The TUI's clock: when the runtime wakes the app without a key, as [`Action::Tick`]. Two
//! things need it: a learning card coming due on the review's done screen, and the match
//! clock, which ticks every [`MATCH_TICK`] while a game runs so the timer on screen moves.
//! The runtime sleeps until [`App::wake_at`]; the screens read [`App::now`], set by every
//! update.
//!
//! [`Action::Tick`]: super::Action::Tick

use chrono::{DateTime, Duration, FixedOffset};

use super::{App, Screen};

/// How often the match clock ticks: the timer shows tenths of a second.
pub const MATCH_TICK: Duration = Duration::milliseconds(100);

impl App {
    /// When the runtime should wake without a key, if at all.
    #[must_use]
    pub fn wake_at(&self) -> Option<DateTime<FixedOffset>> {
        match &self.screen {
            Screen::Review(review) if review.session.current.is_none() => {
                review.session.queue.learning.first().map(|(at, _)| *at)
            }
            Screen::Match(game)
                if game.session.finished.is_none() && game.session.paused_at.is_none() =>
            {
                Some(self.now + MATCH_TICK)
            }
            _ => None,
        }
    }
}
