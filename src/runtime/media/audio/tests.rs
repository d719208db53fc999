//! The player and the speech command are small scripts here that write down their arguments
//! and their process id, then sleep (or leave at once), so what was started, with what, and
//! whether it was killed can be read back.

use std::ffi::OsString;
use std::os::unix::fs::PermissionsExt;
use std::time::{Duration, Instant};

use super::*;
use crate::app::media::Utterance;

/// Long enough for any machine to start a script; the tests wait for what they expect, and
/// fail only when it never comes.
const PATIENCE: Duration = Duration::from_secs(20);

/// A script `name` in `dir` that appends its arguments, each in brackets, as a line of
/// `dir/calls`, and its process id to `dir/pids`; then sleeps, or with `stays` false, leaves.
fn script(dir: &Path, name: &str, stays: bool) -> PathBuf {
    let path = dir.join(name);
    let rest = if stays { "exec sleep 30" } else { "exit 0" };
    let text = format!(
        "#!/bin/sh\nprintf '[%s]' \"$@\" >> '{calls}'\necho >> '{calls}'\necho $$ >> '{pids}'\n{rest}\n",
        calls = dir.join("calls").display(),
        pids = dir.join("pids").display(),
    );
    std::fs::write(&path, text).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    path
}

fn lines(path: &Path) -> Vec<String> {
    std::fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .map(str::to_owned)
        .collect()
}

/// The calls written down, once there are `n` (and each has its process id).
fn calls(dir: &Path, n: usize) -> Vec<String> {
    let start = Instant::now();
    loop {
        let calls = lines(&dir.join("calls"));
        if calls.len() >= n && lines(&dir.join("pids")).len() >= n {
            return calls;
        }
        assert!(
            start.elapsed() < PATIENCE,
            "only {calls:?}, waiting for {n}"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
}

fn pid(dir: &Path, n: usize) -> String {
    lines(&dir.join("pids"))[n].clone()
}

/// Whether process `pid` still exists (a zombie, not reaped, would too).
fn exists(pid: &str) -> bool {
    Path::new("/proc").join(pid).exists()
}

fn settings(player: &str, speech: &str) -> MediaSettings {
    MediaSettings {
        audio_player: player.to_owned(),
        tts_command: speech.to_owned(),
        ..MediaSettings::default()
    }
}

fn sound(dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, b"not really sound").unwrap();
    path
}

#[test]
fn a_sound_starts_on_show_and_on_replay_and_is_killed_and_reaped_on_a_new_side() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    let player = script(dir, "player", true);
    let mut audio = Audio::new(
        &settings(&format!("{} --quiet", player.display()), ""),
        None,
    );
    let hola = sound(dir, "hola.mp3");
    let playback = Playback {
        speech: None,
        sounds: vec![hola.clone(), sound(dir, "adios.mp3")],
        ..Playback::default()
    };
    // Shown: the first sound plays (the second waits for it).
    assert_eq!(audio.play(&playback, dir), None);
    let first = format!("[--quiet][{}]", hola.display());
    assert_eq!(calls(dir, 1), std::slice::from_ref(&first));
    let playing = pid(dir, 0);
    assert!(exists(&playing));
    // Replayed: the first is killed and reaped, and it starts again.
    assert_eq!(audio.play(&playback, dir), None);
    assert!(!exists(&playing), "{playing} is still there");
    assert_eq!(calls(dir, 2), [first.clone(), first]);
    // Another side: stopped, killed and reaped.
    let replayed = pid(dir, 1);
    audio.stop();
    assert!(!exists(&replayed), "{replayed} is still there");
}

#[test]
fn sounds_play_one_after_another_and_speech_first_with_its_text_as_one_argument() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    let player = script(dir, "player", false);
    let speaker = script(dir, "speak", false);
    let command = format!("{} -v {{lang}} --text={{text}}", speaker.display());
    let mut audio = Audio::new(&settings(&player.display().to_string(), &command), None);
    let text = "Hola, ¿qué tal? \"dijo\"; touch pwned $(touch pwned2) 'x'";
    let (one, two) = (sound(dir, "one.mp3"), sound(dir, "two.mp3"));
    let playback = Playback {
        speech: Some(Utterance {
            language: "es".to_owned(),
            text: text.to_owned(),
        }),
        sounds: vec![one.clone(), two.clone()],
        ..Playback::default()
    };
    assert_eq!(audio.play(&playback, dir), None);
    assert_eq!(
        calls(dir, 3),
        [
            format!("[-v][es][--text={text}]"),
            format!("[{}]", one.display()),
            format!("[{}]", two.display()),
        ]
    );
    // No shell ran the text.
    assert!(!dir.join("pwned").exists() && !dir.join("pwned2").exists());
}

#[test]
fn a_missing_sound_is_told_and_the_rest_still_play() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    let player = script(dir, "player", false);
    let mut audio = Audio::new(&settings(&player.display().to_string(), ""), None);
    let there = sound(dir, "there.mp3");
    let missing = dir.join("gone.mp3");
    let notice = audio.play(
        &Playback {
            speech: None,
            sounds: vec![missing.clone(), there.clone()],
            ..Playback::default()
        },
        dir,
    );
    assert_eq!(
        notice,
        Some(format!(
            "The sound `gone.mp3` is not there ({})",
            missing.display()
        ))
    );
    assert_eq!(calls(dir, 1), [format!("[{}]", there.display())]);
}

#[test]
fn without_a_player_one_notice_says_how_to_set_one() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    let empty = OsString::from(dir.join("bin"));
    let mut audio = Audio::new(&MediaSettings::default(), Some(&empty));
    assert!(!audio.has_player());
    let playback = Playback {
        speech: None,
        sounds: vec![sound(dir, "a.mp3")],
        ..Playback::default()
    };
    let notice = audio.play(&playback, dir).unwrap();
    assert!(
        notice.contains("set `audio_player` in config.toml"),
        "{notice}"
    );
    assert_eq!(audio.play(&playback, dir), None);
    // The replay key asks again: it is told again, not met with silence.
    let replay = Playback {
        replay: true,
        ..playback
    };
    assert_eq!(audio.play(&replay, dir), Some(notice));
    let configured = Audio::new(&settings("nosuchplayer --x", ""), Some(&empty));
    assert!(!configured.has_player());
}

#[test]
fn the_first_player_on_the_path_is_found_with_its_quiet_arguments() {
    let dir = tempfile::tempdir().unwrap();
    let bin = dir.path().join("bin");
    std::fs::create_dir(&bin).unwrap();
    script(&bin, "paplay", false);
    script(&bin, "ffplay", false);
    let path = std::env::join_paths([dir.path().join("none"), bin]).unwrap();
    let audio = Audio::new(&MediaSettings::default(), Some(&path));
    assert_eq!(
        audio.player,
        Ok(["ffplay", "-nodisp", "-autoexit", "-loglevel", "quiet"]
            .map(String::from)
            .to_vec())
    );
}

#[test]
fn speech_words_are_split_before_the_text_goes_in() {
    let words: Vec<String> = "say -v {lang} {text}"
        .split(' ')
        .map(String::from)
        .collect();
    assert_eq!(
        speech_command(&words, "pt-BR", "olá {lang} mundo"),
        ["say", "-v", "pt-BR", "olá {lang} mundo"]
    );
}

/// Whether process `pid` has ended: gone, or a zombie that only waits for its reaper.
fn ended(pid: &str) -> bool {
    let stat = std::fs::read_to_string(Path::new("/proc").join(pid).join("stat"));
    stat.map_or(true, |stat| {
        stat.rsplit(')')
            .next()
            .is_some_and(|rest| rest.trim_start().starts_with('Z'))
    })
}

#[test]
fn a_player_that_is_a_script_is_stopped_with_what_it_started() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    // A wrapper as people write them: the sound plays in a child the script waits for.
    let player = dir.join("wrapper");
    std::fs::write(
        &player,
        format!(
            "#!/bin/sh\nsleep 30 &\necho $! >> '{pids}'\necho called >> '{calls}'\nwait\n",
            pids = dir.join("pids").display(),
            calls = dir.join("calls").display(),
        ),
    )
    .unwrap();
    std::fs::set_permissions(&player, std::fs::Permissions::from_mode(0o755)).unwrap();
    let mut audio = Audio::new(&settings(&player.display().to_string(), ""), None);
    let playback = Playback {
        speech: None,
        sounds: vec![sound(dir, "hola.mp3")],
        ..Playback::default()
    };
    assert_eq!(audio.play(&playback, dir), None);
    calls(dir, 1);
    let sound = pid(dir, 0);
    assert!(!ended(&sound));
    audio.stop();
    let start = Instant::now();
    while !ended(&sound) {
        assert!(start.elapsed() < PATIENCE, "{sound} still plays");
        std::thread::sleep(Duration::from_millis(10));
    }
}

#[test]
fn a_text_that_starts_with_a_dash_is_never_an_option() {
    let words: Vec<String> = "espeak-ng -v {lang} {text} --punct={text}"
        .split(' ')
        .map(String::from)
        .collect();
    assert_eq!(
        speech_command(&words, "en", "--help"),
        ["espeak-ng", "-v", "en", " --help", "--punct=--help"]
    );
    assert_eq!(
        speech_command(&words, "en", r"a\b -v"),
        ["espeak-ng", "-v", "en", r"a\b -v", r"--punct=a\b -v"]
    );
}

#[test]
fn a_speech_program_that_cannot_start_is_told_once_and_again_on_replay() {
    let dir = tempfile::tempdir().unwrap();
    let mut audio = Audio::new(&settings("", "/nonexistent/say {text}"), None);
    let playback = Playback {
        speech: Some(Utterance {
            language: "en".to_owned(),
            text: "hello".to_owned(),
        }),
        sounds: Vec::new(),
        replay: false,
    };
    let told = "Cannot start the speech program `/nonexistent/say` (`tts_command` in config.toml)";
    assert_eq!(audio.play(&playback, dir.path()).as_deref(), Some(told));
    assert_eq!(audio.play(&playback, dir.path()), None);
    let replay = Playback {
        replay: true,
        ..playback
    };
    assert_eq!(audio.play(&replay, dir.path()).as_deref(), Some(told));
}
