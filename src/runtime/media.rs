//! The runtime's side of card media: sounds and speech ([`audio`]), pictures drawn in the
//! terminal ([`pictures`], with the protocol found by [`detect`]), and pictures opened in the
//! system viewer. The app decides what to play and show (`app::media`); this does it.

pub mod audio;
pub mod detect;
pub mod pictures;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use ratatui::Frame;
use ratatui::layout::Rect;

use crate::app::media::file_name;
use crate::app::{Action, App, Effect};
use crate::config::MediaSettings;
use crate::deck::Collection;
use crate::deck::media::{MediaKind, references};
use audio::Audio;
use pictures::Pictures;

/// Sounds, speech and pictures, for the run loop.
#[derive(Debug)]
pub struct Media {
    pub audio: Audio,
    pub pictures: Pictures,
    decks_dir: PathBuf,
    /// The side whose pictures were last checked: (card, answer shown).
    checked: Option<(Box<str>, bool)>,
}

impl Media {
    /// Media as the settings ask, the terminal asked what it draws (once, now, before any key
    /// is read; see [`detect`]) when some card of `collection` has a picture; and whether it
    /// answered (then the screen is to be cleared of what the answer left).
    #[must_use]
    pub fn start(
        settings: &MediaSettings,
        collection: &Collection,
        decks_dir: &Path,
    ) -> (Self, bool) {
        let found = detect::picker(settings.images, has_pictures(collection));
        (Self::new(settings, found.picker, decks_dir), found.answered)
    }

    /// Media with pictures drawn through `picker` (`None`: as text).
    #[must_use]
    pub fn new(
        settings: &MediaSettings,
        picker: Option<ratatui_image::picker::Picker>,
        decks_dir: &Path,
    ) -> Self {
        Self {
            audio: Audio::new(settings, std::env::var_os("PATH").as_ref()),
            pictures: Pictures::new(picker, decks_dir),
            decks_dir: decks_dir.to_path_buf(),
            checked: None,
        }
    }

    /// When a new side shows, checks every one of its pictures, drawn or not (only the first
    /// is drawn, and with `images = "off"` none): one that is missing or unreadable is told by
    /// the next `pictures.collect()`. Before the frame is drawn, never inside it.
    pub fn check_side(&mut self, app: &App) {
        let side = app.side_media();
        let key = side.as_ref().map(|side| (side.card.clone(), side.back));
        if key == self.checked {
            return;
        }
        self.checked = key;
        if let Some(side) = side {
            let paths: Vec<PathBuf> = side.pictures.into_iter().map(|p| p.path).collect();
            self.pictures.check(&paths);
        }
    }

    /// Takes the pictures the worker finished: the notice of those that cannot be read (each
    /// a sentence), and whether anything arrived (then the frame is drawn again).
    pub fn collect_pictures(&mut self) -> (Option<Action>, bool) {
        let (notices, arrived) = self.pictures.collect();
        let notice = (!notices.is_empty()).then(|| {
            Action::Notice(crate::english::sentences(
                notices.iter().map(String::as_str),
            ))
        });
        (notice, arrived)
    }

    /// Performs a media effect; what comes back is for the notice. Other effects are not
    /// this module's and do nothing.
    pub fn perform(&mut self, effect: &Effect) -> Option<Action> {
        match effect {
            Effect::Play(playback) => self.audio.play(playback, &self.decks_dir),
            Effect::StopAudio => {
                self.audio.stop();
                None
            }
            Effect::OpenImage(path) => open_in_viewer(path, &self.decks_dir).err(),
            _ => None,
        }
        .map(Action::Notice)
    }

    /// Draws the side's first picture into the place drawing left for it (`area`); returns
    /// whether the picture on screen changed under a graphics protocol, which needs the
    /// terminal cleared and the frame drawn again.
    pub fn draw(&mut self, frame: &mut Frame, app: &App, area: Option<Rect>) -> bool {
        let picture = area.and_then(|area| {
            let side = app.side_media()?;
            let first = side.pictures.into_iter().next()?;
            Some((first.path, area))
        });
        let next = picture.as_ref().map(|(path, area)| (path.as_path(), *area));
        self.pictures.draw(frame, next)
    }
}

/// Whether any card of `collection` shows a picture.
fn has_pictures(collection: &Collection) -> bool {
    let pictured = |text: &str| {
        // memchr's search: `str::contains` was a tenth of the first frame's instructions.
        memchr::memmem::find(text.as_bytes(), b"![").is_some()
            && references(text).iter().any(|r| r.kind == MediaKind::Image)
    };
    collection
        .decks
        .iter()
        .flat_map(|deck| &deck.cards)
        .any(|card| pictured(&card.front) || pictured(&card.back))
}

/// Whether the media file `path` (a "picture" or a "sound") may be read: inside `root`, the
/// decks folder [`normalised`](crate::deck::media::normalised), links followed, and a file
/// ([`not_a_file`](crate::deck::media::not_a_file)); the error says which not, for the notice.
pub fn usable(path: &Path, root: &Path, what: &str) -> Result<(), String> {
    let name = file_name(path);
    if !crate::deck::media::inside(path, root) {
        return Err(format!("The {what} `{name}` leads out of the decks folder"));
    }
    if let Some(problem) = crate::deck::media::not_a_file(path) {
        return Err(format!(
            "The {what} `{name}` {problem} ({})",
            path.display()
        ));
    }
    Ok(())
}

/// Opens `path` in the system's viewer (`open` on macOS, `xdg-open` elsewhere) without
/// waiting for it or handing it the terminal; a thread reaps it. The error is for the notice.
pub fn open_in_viewer(path: &Path, decks_dir: &Path) -> Result<(), String> {
    let name = file_name(path);
    usable(path, &crate::deck::media::normalised(decks_dir), "picture")?;
    let viewer = if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    let mut child = Command::new(viewer)
        .arg(path)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|error| format!("Cannot open `{name}` with {viewer}: {error}"))?;
    std::thread::spawn(move || child.wait());
    Ok(())
}

#[cfg(test)]
mod tests;
