//! The real binary with everything in a temporary home: its working directory (so no
//! `./decks` is found), data and settings. Without `--decks`, decks live in the default
//! folder `<home>/data/decks`, where the built-in deck is listed too.

use assert_cmd::Command;
use tempfile::TempDir;

/// `flashdeck` with its working directory, data dir and config in `home`.
pub fn flashdeck(home: &TempDir) -> Command {
    let mut cmd = Command::cargo_bin("flashdeck").unwrap();
    cmd.current_dir(home.path())
        .env("HOME", home.path())
        .arg("--data-dir")
        .arg(home.path().join("data"))
        .arg("--config")
        .arg(home.path().join("config.toml"))
        .env_remove("FLASHDECK_DECKS")
        .env_remove("FLASHDECK_DATA_DIR")
        .env_remove("FLASHDECK_CONFIG");
    cmd
}
