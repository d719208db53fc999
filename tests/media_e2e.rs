//! Sounds and speech in a real pseudo-terminal: a fake player and a fake speech command (small
//! scripts that write down their arguments and process id, then sleep) are started when a
//! side shows and on `r`, and killed when the side changes and when flashdeck quits.

#[path = "support/pty.rs"]
mod pty;

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::time::{Duration, Instant};

use pty::Tui;

/// A script that appends `name:` and its arguments, each in brackets, as a line of `calls`,
/// and its process id to `pids`, then sleeps until killed.
fn script(dir: &Path, name: &str) {
    let path = dir.join(name);
    let text = format!(
        "#!/bin/sh\nprintf '{name}:' >> '{calls}'\nprintf '[%s]' \"$@\" >> '{calls}'\necho >> '{calls}'\necho $$ >> '{pids}'\nexec sleep 60\n",
        calls = dir.join("calls").display(),
        pids = dir.join("pids").display(),
    );
    std::fs::write(&path, text).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
}

fn lines(path: &Path) -> Vec<String> {
    std::fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .map(str::to_owned)
        .collect()
}

/// Waits until `n` calls are written down (each with its process id); returns them.
fn calls(dir: &Path, n: usize) -> Vec<String> {
    let start = Instant::now();
    loop {
        let calls = lines(&dir.join("calls"));
        if calls.len() >= n && lines(&dir.join("pids")).len() >= n {
            return calls;
        }
        assert!(start.elapsed() < Duration::from_secs(20), "only {calls:?}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Waits until process `pid` is gone (killed and reaped).
fn gone(pid: &str) {
    let start = Instant::now();
    while Path::new("/proc").join(pid).exists() {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "{pid} still runs"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn sounds_and_speech_play_on_show_and_replay_and_stop_on_a_new_side_and_on_quit() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    let decks = home.join("decks");
    std::fs::create_dir_all(decks.join("media")).unwrap();
    std::fs::write(decks.join("media/hola.mp3"), b"sound").unwrap();
    std::fs::write(
        decks.join("words.toml"),
        "[deck]\nname = \"Palabras\"\ntts_front = \"es\"\n\
         [[cards]]\nfront = \"Hola, ¿qué tal? [sound:media/hola.mp3]\"\nback = \"Hello\"\n\
         [[cards]]\nfront = \"Adiós\"\nback = \"Goodbye\"\n",
    )
    .unwrap();
    script(home, "player");
    script(home, "speak");
    let config = home.join("config/flashdeck");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(
        config.join("config.toml"),
        format!(
            "audio_player = \"{0}/player --quiet\"\ntts_command = \"{0}/speak -v {{lang}} {{text}}\"\n",
            home.display()
        ),
    )
    .unwrap();
    let decks_arg = decks.display().to_string();
    let mut tui = Tui::start(home, &["--decks", &decks_arg, "review"], 80, 24);
    tui.wait_for("Hola, ¿qué tal? [sound: hola.mp3]");
    tui.wait_for("r replay sound");
    // Shown: the speech first, its text one argument (the sound waits for it to end).
    let spoken = "speak:[-v][es][Hola, ¿qué tal?]";
    assert_eq!(calls(home, 1), [spoken]);
    // Replayed: the speech is killed and starts again.
    tui.send("r");
    assert_eq!(calls(home, 2), [spoken, spoken]);
    gone(&lines(&home.join("pids"))[0]);
    // The answer side: what played is killed; the back has no sound and no language, so
    // the footer offers no replay.
    tui.send(" ");
    tui.wait_for("3 Good");
    gone(&lines(&home.join("pids"))[1]);
    assert!(
        !tui.contents().contains("replay sound"),
        "{}",
        tui.contents()
    );
    // The next card is spoken; Ctrl-C leaves at once, and what plays ends with flashdeck.
    tui.send("3");
    tui.wait_for("Adiós");
    assert_eq!(calls(home, 3)[2], "speak:[-v][es][Adiós]");
    tui.send("\x03");
    assert!(tui.wait_exit());
    gone(&lines(&home.join("pids"))[2]);
    assert_eq!(lines(&home.join("calls")).len(), 3);
}
