//! Card pictures drawn in the terminal: decoded and encoded for the terminal's protocol on a
//! worker thread (never while a frame is drawn), kept for the side on screen, and drawn into
//! the place under the card's text that drawing reported. A picture that cannot be read
//! stays text (`[image: alt]`) and is told whenever its side shows, whether pictures are
//! drawn or not: each picture of a side is checked when the side shows ([`Pictures::check`]),
//! though only the first is drawn, and one found bad is not read again.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, channel};

use image::DynamicImage;
use ratatui::Frame;
use ratatui::layout::{Rect, Size};
use ratatui_image::picker::Picker;
use ratatui_image::protocol::Protocol;
use ratatui_image::{FilterType, Image, Resize};

use crate::app::media::file_name;

/// A picture encoded for an area of this many cells (columns, rows).
type Key = (PathBuf, u16, u16);

/// Encodings kept: the side's pictures at a size or two (a resize makes another).
const KEPT: usize = 6;
/// Decoded pictures the worker keeps, to encode them again at another size.
const DECODED_KEPT: usize = 4;

/// The pictures the runtime draws.
pub struct Pictures {
    jobs: Option<Sender<Key>>,
    done: Receiver<(Key, Result<Protocol, String>)>,
    encoded: Vec<(Key, Protocol)>,
    pending: Vec<Key>,
    /// Pictures that could not be read, with why: they stay text.
    failed: Vec<(PathBuf, String)>,
    /// What the last frame drew, so that a graphics protocol's picture is cleared away when
    /// another (or none) takes its place.
    drawn: Option<Key>,
    /// Whether the protocol paints over cells (sixel, iTerm2): its pictures stay until the
    /// terminal is cleared.
    graphics: bool,
    /// The decks folder, normalised: pictures are read only from inside it.
    root: PathBuf,
    /// What checking a side's pictures found, until [`Pictures::collect`] takes it.
    told: Vec<String>,
    /// Pictures the check decoded whole: not decoded again each time their side shows.
    read: Vec<PathBuf>,
}

impl std::fmt::Debug for Pictures {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pictures")
            .field("on", &self.jobs.is_some())
            .field("encoded", &self.encoded.len())
            .field("pending", &self.pending)
            .finish_non_exhaustive()
    }
}

impl Pictures {
    /// Pictures drawn through `picker`, only from inside `decks_dir`; `None`: text only.
    #[must_use]
    pub fn new(picker: Option<Picker>, decks_dir: &Path) -> Self {
        let (results, done) = channel();
        // Kitty's pictures sit in placeholder characters, which the next frame's text
        // replaces like any other; sixel and iTerm2 paint over cells and stay until cleared.
        let graphics = picker.as_ref().is_some_and(|picker| {
            use ratatui_image::picker::ProtocolType;
            matches!(
                picker.protocol_type(),
                ProtocolType::Sixel | ProtocolType::Iterm2
            )
        });
        let root = crate::deck::media::normalised(decks_dir);
        let jobs = picker.map(|picker| {
            let (jobs, received) = channel::<Key>();
            let root = root.clone();
            std::thread::spawn(move || work(&picker, &root, &received, &results));
            jobs
        });
        Self {
            jobs,
            done,
            encoded: Vec::new(),
            pending: Vec::new(),
            failed: Vec::new(),
            drawn: None,
            graphics,
            root,
            told: Vec::new(),
            read: Vec::new(),
        }
    }

    /// Checks `paths`, the pictures of a side that shows, drawn or not: each must be inside
    /// the decks folder, a file, and decode whole as a picture (once: one that did is not
    /// read again).
    /// One that fails is told by the next [`Pictures::collect`] (again each time its side
    /// shows, as the notice goes with the card), and never read again.
    pub fn check(&mut self, paths: &[PathBuf]) {
        for path in paths {
            if let Some((_, message)) = self.failed.iter().find(|(failed, _)| failed == path) {
                self.told.push(message.clone());
            } else if !self.read.contains(path) {
                match readable(path, &self.root) {
                    Ok(()) => self.read.push(path.clone()),
                    Err(message) => {
                        self.failed.push((path.clone(), message.clone()));
                        self.told.push(message);
                    }
                }
            }
        }
    }

    /// Whether pictures are drawn at all.
    #[must_use]
    pub fn on(&self) -> bool {
        self.jobs.is_some()
    }

    /// Whether a picture is being made: the loop looks for it between keys.
    #[must_use]
    pub fn waiting(&self) -> bool {
        !self.pending.is_empty()
    }

    /// Takes the pictures the worker finished; returns what the user should be told, and
    /// whether anything arrived (then the frame is drawn again).
    pub fn collect(&mut self) -> (Vec<String>, bool) {
        let mut notices = std::mem::take(&mut self.told);
        let mut arrived = false;
        while let Ok((key, result)) = self.done.try_recv() {
            arrived = true;
            self.pending.retain(|pending| *pending != key);
            match result {
                Ok(protocol) => {
                    if self.encoded.len() >= KEPT {
                        self.encoded.remove(0);
                    }
                    self.encoded.push((key, protocol));
                }
                Err(message) => {
                    if !self.failed.iter().any(|(failed, _)| *failed == key.0) {
                        self.failed.push((key.0, message.clone()));
                        notices.push(message);
                    }
                }
            }
        }
        (notices, arrived)
    }

    /// Draws `path` into `area` (centred, at most its size) if it is ready, else asks the
    /// worker for it; `None` draws nothing. Returns whether a graphics protocol's picture came
    /// or went: the terminal keeps a picture it drew until cleared, and cells under a new one
    /// may hold what was there before.
    pub fn draw(&mut self, frame: &mut Frame, picture: Option<(&Path, Rect)>) -> bool {
        let before = self.drawn.take();
        if let Some((path, area)) = picture {
            self.draw_picture(frame, path, area);
        }
        self.graphics && before != self.drawn
    }

    fn draw_picture(&mut self, frame: &mut Frame, path: &Path, area: Rect) {
        if self.jobs.is_none() || area.is_empty() || self.failed.iter().any(|(f, _)| f == path) {
            return;
        }
        let key: Key = (path.to_path_buf(), area.width, area.height);
        if let Some((_, protocol)) = self.encoded.iter().find(|(k, _)| *k == key) {
            let size = protocol.size();
            let x = area.x + (area.width.saturating_sub(size.width)) / 2;
            let at = Rect::new(x, area.y, size.width, size.height).intersection(area);
            frame.render_widget(Image::new(protocol), at);
            self.drawn = Some(key);
        } else if !self.pending.contains(&key)
            && let Some(jobs) = &self.jobs
        {
            self.pending.push(key.clone());
            if jobs.send(key.clone()).is_err() {
                self.pending.retain(|pending| *pending != key);
            }
        }
    }
}

/// The worker: decodes each picture asked for (keeping a few) and encodes it to fit its area.
fn work(
    picker: &Picker,
    root: &Path,
    jobs: &Receiver<Key>,
    results: &Sender<(Key, Result<Protocol, String>)>,
) {
    let mut decoded: HashMap<PathBuf, DynamicImage> = HashMap::new();
    while let Ok(key) = jobs.recv() {
        let (path, width, height) = &key;
        let image = match decoded.get(path) {
            Some(image) => Ok(image.clone()),
            None => decode(path, root),
        };
        let result = image.and_then(|image| {
            if decoded.len() >= DECODED_KEPT {
                decoded.clear();
            }
            decoded.insert(path.clone(), image.clone());
            encode(picker, image, Size::new(*width, *height))
                .map_err(|error| format!("Cannot draw the picture `{}`: {error}", file_name(path)))
        });
        if results.send((key, result)).is_err() {
            return;
        }
    }
}

/// The picture at `path`, which must be inside `root` (links followed); the error says why not.
fn decode(path: &Path, root: &Path) -> Result<DynamicImage, String> {
    read(path, root, image::ImageReader::decode)
}

/// Whether the picture at `path` can be read: inside `root`, a file, and decoded whole by
/// `image` (a header alone passes for a picture cut short); the error says why not.
fn readable(path: &Path, root: &Path) -> Result<(), String> {
    read(path, root, image::ImageReader::decode).map(drop)
}

/// `with` applied to a reader of the picture at `path`, once [`super::usable`] allows it; the
/// error names the file for the notice.
fn read<T>(
    path: &Path,
    root: &Path,
    with: impl FnOnce(image::ImageReader<std::io::BufReader<std::fs::File>>) -> image::ImageResult<T>,
) -> Result<T, String> {
    super::usable(path, root, "picture")?;
    image::ImageReader::open(path)
        .and_then(image::ImageReader::with_guessed_format)
        .map_err(|error| error.to_string())
        .and_then(|reader| with(reader).map_err(|error| error.to_string()))
        .map_err(|error| format!("Cannot read the picture `{}`: {error}", file_name(path)))
}

/// `image` encoded for `picker`'s protocol, scaled down to fit `size` cells (never up).
pub fn encode(
    picker: &Picker,
    image: DynamicImage,
    size: Size,
) -> Result<Protocol, ratatui_image::errors::Errors> {
    picker.new_protocol(image, size, Resize::Fit(Some(FilterType::Triangle)))
}

#[cfg(test)]
mod tests;
