//! Sounds and speech as child processes: started with their arguments (never through a
//! shell), with no terminal of their own (their input and output go nowhere, so they can
//! neither draw over the screen nor read its keys), one after another on a thread of their
//! own, and killed and reaped when the side changes or the app leaves. Nothing here waits
//! for a sound to end.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use crate::app::media::Playback;
use crate::config::MediaSettings;

/// The players looked for on `PATH` when `audio_player` is not set, in order, each with the
/// arguments that keep it quiet and windowless and make it leave when the sound ends.
const PLAYERS: &[&[&str]] = &[
    &["mpv", "--no-video", "--no-terminal"],
    &["ffplay", "-nodisp", "-autoexit", "-loglevel", "quiet"],
    &["paplay"],
    &["afplay"],
];

/// How often the playing thread looks whether a sound has ended or was stopped.
const POLL: Duration = Duration::from_millis(20);

/// Plays what the app asks for.
#[derive(Debug)]
pub struct Audio {
    /// The player's words, the file to be added last; `Err` says why there is none.
    player: Result<Vec<String>, String>,
    /// `tts_command`'s words, before `{lang}` and `{text}` are put in; `None`: no speech;
    /// `Some(Err)` says why its program cannot start.
    speech: Option<Result<Vec<String>, String>>,
    /// Whether the user was told there is no player (once is enough).
    told: bool,
    /// Whether the user was told the speech program cannot start (once, or on replay).
    told_speech: bool,
    playing: Option<Playing>,
}

/// What plays now.
#[derive(Debug)]
struct Playing {
    stop: Arc<AtomicBool>,
    child: Arc<Mutex<Option<Child>>>,
}

impl Audio {
    /// The player and speech the settings give, looking on `path` (the `PATH` variable's
    /// value) for a player when none is set.
    #[must_use]
    pub fn new(settings: &MediaSettings, path: Option<&OsString>) -> Self {
        // A command's words when its program is found, else the message `missing` makes of
        // its name.
        let found = |command: &str, missing: &dyn Fn(&str) -> String| {
            let words: Vec<String> = command.split_whitespace().map(str::to_owned).collect();
            let program = words.first().map_or("", String::as_str);
            match find_program(program, path) {
                Some(_) => Ok(words),
                None => Err(missing(program)),
            }
        };
        let player = if settings.audio_player.is_empty() {
            PLAYERS
                .iter()
                .find(|player| find_program(player[0], path).is_some())
                .map(|player| player.iter().map(|word| (*word).to_owned()).collect())
                .ok_or_else(|| {
                    "No sound player found (mpv, ffplay, paplay or afplay): install one, or set \
                     `audio_player` in config.toml, like audio_player = \"mpv --no-video\""
                        .to_owned()
                })
        } else {
            found(&settings.audio_player, &|program| {
                format!("Cannot find the sound player `{program}` (`audio_player` in config.toml)")
            })
        };
        let speech = (!settings.tts_command.is_empty()).then(|| {
            found(&settings.tts_command, &|program| {
                format!(
                    "Cannot start the speech program `{program}` (`tts_command` in config.toml)"
                )
            })
        });
        Self {
            player,
            speech,
            told: false,
            told_speech: false,
            playing: None,
        }
    }

    /// Whether sounds can play.
    #[must_use]
    pub fn has_player(&self) -> bool {
        self.player.is_ok()
    }

    /// Stops what plays, then starts `playback` on its own thread; returns what the user
    /// should be told (no player, a missing file).
    pub fn play(&mut self, playback: &Playback, decks_dir: &Path) -> Option<String> {
        self.stop();
        let mut notice = None;
        let mut commands = Vec::new();
        match (&self.speech, &playback.speech) {
            (Some(Ok(words)), Some(utterance)) => {
                commands.push(speech_command(words, &utterance.language, &utterance.text));
            }
            (Some(Err(message)), Some(_)) if !self.told_speech || playback.replay => {
                self.told_speech = true;
                notice = Some(message.clone());
            }
            _ => {}
        }
        let root = crate::deck::media::normalised(decks_dir);
        for sound in &playback.sounds {
            if let Err(problem) = super::usable(sound, &root, "sound") {
                notice.get_or_insert(problem);
            } else {
                match &self.player {
                    Ok(player) => {
                        let mut command = player.clone();
                        command.push(sound.display().to_string());
                        commands.push(command);
                    }
                    Err(message) if !self.told || playback.replay => {
                        self.told = true;
                        notice = Some(match notice {
                            Some(before) => crate::english::sentences([&*before, message]),
                            None => message.clone(),
                        });
                    }
                    Err(_) => {}
                }
            }
        }
        if !commands.is_empty() {
            self.playing = Some(Playing::start(commands));
        }
        notice
    }

    /// Kills what plays and reaps it; nothing is left running.
    pub fn stop(&mut self) {
        if let Some(playing) = self.playing.take() {
            playing.stop();
        }
    }
}

impl Drop for Audio {
    fn drop(&mut self) {
        self.stop();
    }
}

impl Playing {
    /// Runs `commands` one after another on a thread.
    fn start(commands: Vec<Vec<String>>) -> Self {
        let stop = Arc::new(AtomicBool::new(false));
        let child: Arc<Mutex<Option<Child>>> = Arc::new(Mutex::new(None));
        let (stopped, slot) = (Arc::clone(&stop), Arc::clone(&child));
        std::thread::spawn(move || {
            for command in commands {
                {
                    // Started under the lock: `stop` either finds the child or is seen here.
                    let mut current = slot.lock().unwrap_or_else(PoisonError::into_inner);
                    if stopped.load(Ordering::SeqCst) {
                        return;
                    }
                    *current = spawn(&command).ok();
                }
                loop {
                    std::thread::sleep(POLL);
                    let mut current = slot.lock().unwrap_or_else(PoisonError::into_inner);
                    let ended = match current.as_mut() {
                        Some(child) => !matches!(child.try_wait(), Ok(None)),
                        None => true,
                    };
                    if ended {
                        current.take();
                        break;
                    }
                }
            }
        });
        Self { stop, child }
    }

    fn stop(self) {
        self.stop.store(true, Ordering::SeqCst);
        let mut current = self.child.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(mut child) = current.take() {
            // The whole group: a player that is a script or `sh -c` leaves its own children
            // (the program that makes the sound) playing when only it is killed.
            let group = i32::try_from(child.id())
                .ok()
                .and_then(rustix::process::Pid::from_raw);
            if let Some(group) = group {
                let _ = rustix::process::kill_process_group(group, rustix::process::Signal::KILL);
            }
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

/// `command` started with no terminal: its input, output and errors go nowhere. It leads a
/// process group of its own, so that stopping it stops whatever it started.
fn spawn(command: &[String]) -> std::io::Result<Child> {
    use std::os::unix::process::CommandExt as _;
    let (program, arguments) = command
        .split_first()
        .ok_or_else(|| std::io::Error::other("an empty command"))?;
    Command::new(program)
        .args(arguments)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .process_group(0)
        .spawn()
}

/// `tts_command`'s words with `{lang}` and `{text}` put in each: split before they are put in,
/// so the text is one argument whatever spaces, quotes or `;` it holds. A text that starts
/// with `-` and would start its argument (`{text}` at the start of a word) is put in after a
/// space (" -v"): espeak-ng, `say`, `spd-say` and any getopt program take only an argument
/// that starts with `-` as an option, and a leading space is not spoken.
#[must_use]
pub fn speech_command(words: &[String], language: &str, text: &str) -> Vec<String> {
    let guarded = format!(" {text}");
    words
        .iter()
        .map(|word| {
            let word = word.replace("{lang}", language);
            let text = if word.starts_with("{text}") && text.starts_with('-') {
                guarded.as_str()
            } else {
                text
            };
            word.replace("{text}", text)
        })
        .collect()
}

/// Where `program` is: itself when it names a path, else the first executable file of that
/// name in `path`'s folders.
#[must_use]
pub fn find_program(program: &str, path: Option<&OsString>) -> Option<PathBuf> {
    if program.contains('/') {
        return is_executable(Path::new(program)).then(|| PathBuf::from(program));
    }
    std::env::split_paths(path?)
        .map(|folder| folder.join(program))
        .find(|candidate| is_executable(candidate))
}

fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    path.metadata()
        .is_ok_and(|meta| meta.is_file() && meta.permissions().mode() & 0o111 != 0)
}

#[cfg(test)]
mod tests;
