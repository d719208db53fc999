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
    // The answer side: what played is killed. The back has no sound and no language, so
    // nothing plays; the question's sound shows above it, and `r` plays that (as Anki
    // replays the question's sounds on the answer).
    tui.send(" ");
    tui.wait_for("3 Good");
    gone(&lines(&home.join("pids"))[1]);
    tui.wait_for("r replay sound");
    tui.send("r");
    let sound = decks.join("media/hola.mp3");
    assert_eq!(
        calls(home, 3)[2],
        format!("player:[--quiet][{}]", sound.display())
    );
    // The next card is spoken; Ctrl-C leaves at once, and what plays ends with flashdeck.
    tui.send("3");
    tui.wait_for("Adiós");
    gone(&lines(&home.join("pids"))[2]);
    assert_eq!(calls(home, 4)[3], "speak:[-v][es][Adiós]");
    tui.send("\x03");
    assert!(tui.wait_exit());
    gone(&lines(&home.join("pids"))[3]);
    assert_eq!(lines(&home.join("calls")).len(), 4);
}

#[test]
fn with_no_player_a_sound_card_shows_the_sound_and_one_notice_says_how_to_set_one() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    let decks = home.join("decks");
    std::fs::create_dir_all(&decks).unwrap();
    std::fs::write(decks.join("hola.mp3"), b"sound").unwrap();
    // A card with a hint: its question's keys are not the plain ones.
    std::fs::write(
        decks.join("words.toml"),
        "[deck]\nname = \"Palabras\"\n\
         [[cards]]\nfront = \"Hola [sound:hola.mp3]\"\nback = \"Hello\"\nhint = \"a greeting\"\n\
         [[cards]]\nfront = \"Adiós [sound:hola.mp3]\"\nback = \"Goodbye\"\n",
    )
    .unwrap();
    // No player set, none on PATH; nothing plays by itself, so only the key tells.
    let config = home.join("config/flashdeck");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(config.join("config.toml"), "autoplay = false\n").unwrap();
    let empty = home.join("no-players");
    std::fs::create_dir_all(&empty).unwrap();
    let decks_arg = decks.display().to_string();
    for (cols, rows) in [(80, 24), (40, 12)] {
        let mut tui = Tui::start_with(
            home,
            &["--decks", &decks_arg, "review"],
            (cols, rows),
            &[("PATH", empty.to_str().unwrap())],
        );
        tui.wait_for("[sound: hola.mp3]");
        tui.send("r");
        // At 40×12 the notice is cut at two rows, so that the card keeps its rows.
        tui.wait_for(if rows > 12 {
            "config.toml"
        } else {
            "install one, or set …"
        });
        let screen = tui.contents();
        assert!(screen.contains("No sound player found"), "{screen}");
        // In rows of its own: the body's bottom rule is still there above it.
        let at = screen
            .lines()
            .position(|line| line.starts_with("No sound player found"))
            .unwrap();
        let above = screen.lines().nth(at - 1).unwrap();
        assert!(
            above.starts_with('─') && above.trim_end().chars().all(|c| c == '─'),
            "{screen}"
        );
        tui.send("\x03");
        assert!(tui.wait_exit());
    }
}
