//! The non-interactive subcommands and `--version`. Each writes to the given streams and
//! returns the process's exit code, so tests and `main` share one path.

pub mod catch_up;
pub mod check;
pub mod due;
pub mod exam;
pub mod export;
pub mod import;
pub mod list;
pub mod optimize;
pub mod settings;
pub mod simulate;
pub mod stats;

use std::io::{self, Write};

use crate::paths::Locations;

/// Exit code for "a deck has problems" and for failed commands.
pub const FAILURE: u8 = 1;

/// `flashdeck --version`: the version and every location with where it came from.
pub fn version(locations: &Locations, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "flashdeck {}", env!("CARGO_PKG_VERSION"))?;
    let bundled = if locations.includes_bundled_deck() {
        ", plus the built-in example deck"
    } else {
        ""
    };
    for (label, location, extra) in [
        ("decks ", &locations.decks, bundled),
        ("data  ", &locations.data_dir, ""),
        ("config", &locations.config, ""),
    ] {
        writeln!(
            out,
            "{label}  {} ({}{extra})",
            location.path.display(),
            location.origin
        )?;
    }
    Ok(())
}
