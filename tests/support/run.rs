//! Running the binary on the bundled decks in a temporary home, for the card-action tests.
//! Needs `support/bundled_home.rs` as the crate's `bundled_home`.

use tempfile::TempDir;

/// `flashdeck ARGS…`: its exit code, standard output and standard error.
pub fn run(home: &TempDir, args: &[&str]) -> (Option<i32>, String, String) {
    let output = crate::bundled_home::flashdeck(home)
        .args(args)
        .output()
        .unwrap();
    let text = |bytes: Vec<u8>| String::from_utf8(bytes).unwrap();
    (
        output.status.code(),
        text(output.stdout),
        text(output.stderr),
    )
}
