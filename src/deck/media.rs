//! Media references in card text: images as `![alt text](path)` (Markdown's spelling) and
//! sounds as `[sound:file.mp3]` (Anki's), with paths relative to the deck file, and where
//! they lead. `flashdeck check` looks for the files; the TUI shows and plays them
//! (`app::media`, `runtime::media`).

use std::path::{Component, Path, PathBuf};

/// What a reference points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MediaKind {
    Image,
    Sound,
}

/// One reference in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MediaRef<'t> {
    pub kind: MediaKind,
    /// As written, trimmed; relative to the deck file's folder unless absolute.
    pub path: &'t str,
    /// Byte offset of the path in the text.
    pub offset: usize,
    /// Byte offsets of the whole reference: its `![` or `[sound:`, and just past its `)` or
    /// `]`.
    pub start: usize,
    pub end: usize,
}

impl<'t> MediaRef<'t> {
    /// An image's alt text (between `![` and `](`), in `text`, the text it was found in;
    /// empty for a sound.
    #[must_use]
    pub fn alt(&self, text: &'t str) -> &'t str {
        match self.kind {
            MediaKind::Image => text[self.start + 2..self.offset]
                .split_once("](")
                .map_or("", |(alt, _)| alt),
            MediaKind::Sound => "",
        }
    }
}

impl MediaRef<'_> {
    /// Whether the path is a web address rather than a file (`https://…`), which no check
    /// can look for.
    #[must_use]
    pub fn is_url(&self) -> bool {
        is_url(self.path)
    }
}

/// `path` with `.` and `..` worked out in the text (links are not followed, nothing is
/// read): `a/./b/../c.png` is `a/c.png`.
#[must_use]
pub fn lexically_normal(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// `path` made absolute (against the working folder) with `.` and `..` worked out in the
/// text; links are not followed.
#[must_use]
pub fn normalised(path: &Path) -> PathBuf {
    lexically_normal(&std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf()))
}

/// Whether `target` is inside `root` (both [`normalised`]), by its path and, when both exist,
/// by where links lead: a link in the decks folder that points out of it is out.
#[must_use]
pub fn inside(target: &Path, root: &Path) -> bool {
    if !target.starts_with(root) {
        return false;
    }
    match (target.canonicalize(), root.canonicalize()) {
        (Ok(target), Ok(root)) => target.starts_with(root),
        _ => true,
    }
}

/// Why `path` cannot be read as a media file, as the end of a sentence naming it: "is not
/// there", "is a folder, not a file" (a folder is there: telling it missing misleads), or
/// "is not a file" (a device, a socket); `None` for a file (links followed).
#[must_use]
pub fn not_a_file(path: &Path) -> Option<&'static str> {
    match std::fs::metadata(path) {
        Ok(meta) if meta.is_file() => None,
        Ok(meta) if meta.is_dir() => Some("is a folder, not a file"),
        Ok(_) => Some("is not a file"),
        Err(_) => Some("is not there"),
    }
}

/// The file a reference written in `deck_file` names, if it stays inside `decks_dir` by its
/// path (links are the reader's to check, with [`inside`]); `None` for a path that leads out
/// (`../x.png`, an absolute path elsewhere).
#[must_use]
pub fn resolve(deck_file: &Path, decks_dir: &Path, written: &str) -> Option<PathBuf> {
    let folder = deck_file.parent().unwrap_or(Path::new(""));
    let target = normalised(&folder.join(written));
    target.starts_with(normalised(decks_dir)).then_some(target)
}

/// The `n`th name for a file called `name` when others have it: `flag-2.png`, `notes-3`.
#[must_use]
pub fn numbered_name(name: &str, n: u32) -> String {
    match name.rsplit_once('.') {
        Some((stem, extension)) if !stem.is_empty() => format!("{stem}-{n}.{extension}"),
        _ => format!("{name}-{n}"),
    }
}

/// Whether `path` is a web address (`https://…`) rather than a file.
#[must_use]
pub fn is_url(path: &str) -> bool {
    path.split_once("://")
        .is_some_and(|(scheme, _)| scheme.chars().all(|c| c.is_ascii_alphabetic()))
}

/// Whether `name` is a plain file name, as Anki's media names are (flat names in
/// `collection.media`, `rslib/src/media/files.rs`): not empty, not `.` or `..`, and without
/// `/`, `\`, `:` (a drive or a scheme) or NUL, so joined to a folder it names a file in it.
#[must_use]
pub fn is_plain_file_name(name: &str) -> bool {
    !(name.is_empty() || name == "." || name == ".." || name.contains(['/', '\\', ':', '\0']))
}

/// `text` with every media reference taken out: its words, as spoken or typed.
#[must_use]
pub fn without_references(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for reference in references(text) {
        out.push_str(&text[at..reference.start]);
        at = reference.end;
    }
    out.push_str(&text[at..]);
    out
}

/// Every reference in `text`, in order. An image's path ends at the first `)`, a sound's at
/// the first `]`; an empty path is no reference.
#[must_use]
pub fn references(text: &str) -> Vec<MediaRef<'_>> {
    let mut found = Vec::new();
    let mut at = 0;
    while let Some(start) = text[at..].find(['!', '[']).map(|i| at + i) {
        at = start + 1;
        let rest = &text[start..];
        let (kind, path_start, end) = if let Some(sound) = rest.strip_prefix("[sound:") {
            let Some(end) = sound.find(']') else { continue };
            (MediaKind::Sound, start + 7, start + 7 + end)
        } else if rest.starts_with("![") {
            let Some(close) = rest.find("](") else {
                continue;
            };
            if rest[2..close].contains('\n') {
                continue;
            }
            let path_start = start + close + 2;
            let Some(end) = text[path_start..].find(')') else {
                continue;
            };
            (MediaKind::Image, path_start, path_start + end)
        } else {
            continue;
        };
        let raw = &text[path_start..end];
        let path = raw.trim();
        if path.is_empty() || path.contains('\n') {
            continue;
        }
        found.push(MediaRef {
            kind,
            path,
            offset: path_start + (raw.len() - raw.trim_start().len()),
            start,
            end: end + 1,
        });
        at = end + 1;
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn images_and_sounds_are_found_with_their_offsets() {
        let text = "See ![a map of Peru](maps/peru.png) and hear [sound:lima.mp3].";
        let found = references(text);
        assert_eq!(
            found,
            [
                MediaRef {
                    kind: MediaKind::Image,
                    path: "maps/peru.png",
                    offset: 21,
                    start: 4,
                    end: 35,
                },
                MediaRef {
                    kind: MediaKind::Sound,
                    path: "lima.mp3",
                    offset: 52,
                    start: 45,
                    end: 61,
                },
            ]
        );
        assert_eq!(&text[21..34], "maps/peru.png");
        assert_eq!(&text[4..35], "![a map of Peru](maps/peru.png)");
        assert_eq!(&text[45..61], "[sound:lima.mp3]");
        assert_eq!(found[0].alt(text), "a map of Peru");
    }

    #[test]
    fn things_that_only_look_like_references_are_not() {
        assert!(references("[sound:] and ![x]() and [soundx] and ![open(").is_empty());
        assert!(references("a [link](x.png) is not an image").is_empty());
        let url = references("![logo](https://example.com/a.png)");
        assert!(url[0].is_url());
        assert!(!references("![x]( a b.png )")[0].is_url());
        assert_eq!(references("![x]( a b.png )")[0].path, "a b.png");
    }

    #[test]
    fn dots_are_worked_out_in_the_text() {
        assert_eq!(
            normalised(Path::new("/d/decks/./es/../../x.png")),
            Path::new("/d/x.png")
        );
        assert!(inside(Path::new("/d/decks/m/a.png"), Path::new("/d/decks")));
        assert!(!inside(Path::new("/d/decksx/a.png"), Path::new("/d/decks")));
    }

    #[test]
    fn a_reference_resolves_from_its_deck_file_and_may_not_leave_the_decks_folder() {
        let deck = Path::new("/d/decks/es/verbs.toml");
        let decks = Path::new("/d/decks");
        assert_eq!(
            resolve(deck, decks, "media/hablar.mp3"),
            Some(PathBuf::from("/d/decks/es/media/hablar.mp3"))
        );
        assert_eq!(
            resolve(deck, decks, "../shared/map.png"),
            Some(PathBuf::from("/d/decks/shared/map.png"))
        );
        assert_eq!(resolve(deck, decks, "../../secret.png"), None);
        assert_eq!(resolve(deck, decks, "/etc/passwd"), None);
        assert_eq!(resolve(deck, Path::new("/d/dec"), "x.png"), None);
    }

    #[test]
    fn plain_file_names_name_a_file_in_the_folder_they_join() {
        for plain in ["flag.png", "hola sound.mp3", "..hidden", "a..b.png"] {
            assert!(is_plain_file_name(plain), "{plain}");
        }
        for not in [
            "",
            ".",
            "..",
            "../x.png",
            "sub/flag.png",
            "/etc/passwd",
            "a\\b.png",
            "C:x.png",
            "x\0.png",
        ] {
            assert!(!is_plain_file_name(not), "{not:?}");
        }
    }
}
