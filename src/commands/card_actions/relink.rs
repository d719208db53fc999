//! `flashdeck relink OLD NEW`: gives card NEW the orphaned history OLD, as one `relink` event.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;

use super::{Acting, FAILURE};
use crate::library::load_study;
use crate::study::actions::relink_event;

impl Acting<'_> {
    /// Relinks `old`'s history to `new` and prints how many events moved. Exits 1, writing
    /// nothing, when `old` is no orphaned history or `new` no card without a history.
    pub fn relink(
        self,
        old: &str,
        new: &str,
        out: &mut dyn Write,
        err: &mut dyn Write,
    ) -> Result<ExitCode> {
        let (study, _) = load_study(self.locations, self.config, self.now)?;
        match relink_event(&study, old, new, self.now) {
            Ok((event, events)) => {
                self.write(std::slice::from_ref(&event))?;
                let noun = crate::english::counted(events, "event");
                writeln!(out, "relinked {noun} of `{old}` to `{new}`")?;
                Ok(ExitCode::SUCCESS)
            }
            Err(error) => {
                writeln!(err, "{error}. Nothing changed.")?;
                Ok(ExitCode::from(FAILURE))
            }
        }
    }
}
