//! The real binary on the bundled decks, with its data and settings in a temporary home.

use std::path::Path;

use assert_cmd::Command;
use tempfile::TempDir;

/// `flashdeck` in the repository (so `./decks` is found), its data and config under `home`.
pub fn flashdeck(home: &TempDir) -> Command {
    let mut cmd = Command::cargo_bin("flashdeck").unwrap();
    cmd.current_dir(Path::new(env!("CARGO_MANIFEST_DIR")))
        .env("HOME", home.path())
        .arg("--data-dir")
        .arg(home.path().join("data"))
        .arg("--config")
        .arg(home.path().join("config.toml"))
        .env_remove("FLASHDECK_DECKS");
    cmd
}

/// Runs `flashdeck ARGS…` in `home`: its exit code, standard output and standard error.
#[allow(dead_code)] // Not every test file that includes this module reads all three.
pub fn run(home: &TempDir, args: &[&str]) -> (Option<i32>, String, String) {
    let output = flashdeck(home).args(args).output().unwrap();
    let text = |bytes: Vec<u8>| String::from_utf8(bytes).unwrap();
    (
        output.status.code(),
        text(output.stdout),
        text(output.stderr),
    )
}
