//! Media in an Anki export: Anki references a media file by its bare name in the
//! collection's `collection.media` folder, so `![alt](../media/flag.png)` becomes
//! `<img src="flag.png" alt="alt">` and `[sound:audio/hola.mp3]` becomes `[sound:hola.mp3]`,
//! and each file is listed to be copied there. Two different files with one name get
//! `name-2.ext`, as the package importer names a clash.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use crate::deck::media::{MediaKind, is_url, lexically_normal, numbered_name, references};

/// A file an export references, and the name Anki must find it by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MediaFile {
    /// Where it is: the deck file's folder joined with the reference's path, dots worked out.
    pub source: PathBuf,
    /// Its bare name in `collection.media`.
    pub name: String,
}

/// The names given so far, one per source file.
#[derive(Debug, Default)]
pub struct MediaNames {
    by_source: HashMap<PathBuf, usize>,
    taken: HashSet<String>,
    pub files: Vec<MediaFile>,
}

impl MediaNames {
    /// The name of `source` in `collection.media`: its file name, or `stem-N.ext` when another
    /// file has that name.
    fn name_for(&mut self, source: PathBuf) -> String {
        if let Some(&index) = self.by_source.get(&source) {
            return self.files[index].name.clone();
        }
        let bare = source
            .file_name()
            .map_or_else(|| "media".to_owned(), |n| n.to_string_lossy().into_owned());
        let mut name = bare.clone();
        let mut n = 1;
        while !self.taken.insert(name.clone()) {
            n += 1;
            name = numbered_name(&bare, n);
        }
        self.by_source.insert(source.clone(), self.files.len());
        self.files.push(MediaFile {
            source,
            name: name.clone(),
        });
        name
    }
}

/// Plain card text as an HTML field: `&`, `<` and `>` escaped, line breaks as `<br>`, images
/// as `<img>` and sounds as `[sound:]` with their bare names (given by `names`; `folder` is
/// the deck file's, which paths are relative to). A web address stays as it is.
pub fn field_html(text: &str, folder: &Path, names: &mut MediaNames) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for reference in references(text) {
        out.push_str(&escaped(&text[at..reference.start]));
        at = reference.end;
        let name = if is_url(reference.path) {
            reference.path.to_owned()
        } else {
            names.name_for(lexically_normal(&folder.join(reference.path)))
        };
        match reference.kind {
            MediaKind::Image => {
                out.push_str("<img src=\"");
                out.push_str(&attribute(&name));
                let alt = reference.alt(text);
                if !alt.is_empty() {
                    out.push_str("\" alt=\"");
                    out.push_str(&attribute(alt));
                }
                out.push_str("\">");
            }
            MediaKind::Sound => {
                out.push_str("[sound:");
                out.push_str(&escaped(&name));
                out.push(']');
            }
        }
    }
    out.push_str(&escaped(&text[at..]));
    out
}

/// Plain text as HTML: `&`, `<` and `>` escaped, line breaks as `<br>`.
fn escaped(text: &str) -> String {
    let escaped = text
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    escaped.replace("\r\n", "\n").replace('\n', "<br>")
}

/// Text inside a double-quoted attribute.
fn attribute(text: &str) -> String {
    escaped(text).replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn media_get_bare_names_and_a_clash_a_suffix() {
        let mut names = MediaNames::default();
        let folder = Path::new("/d/decks/lang");
        assert_eq!(
            field_html(
                "a <b> ![the flag](../media/flag.png)\n[sound:audio/hola.mp3]",
                folder,
                &mut names
            ),
            "a &lt;b&gt; <img src=\"flag.png\" alt=\"the flag\"><br>[sound:hola.mp3]"
        );
        // The same file by another path keeps its name; another flag.png gets flag-2.png.
        assert_eq!(
            field_html(
                "![](./../media/flag.png) ![](flag.png) ![](https://x.org/a.png)",
                folder,
                &mut names
            ),
            "<img src=\"flag.png\"> <img src=\"flag-2.png\"> <img src=\"https://x.org/a.png\">"
        );
        assert_eq!(
            names.files,
            [
                MediaFile {
                    source: "/d/decks/media/flag.png".into(),
                    name: "flag.png".into()
                },
                MediaFile {
                    source: "/d/decks/lang/audio/hola.mp3".into(),
                    name: "hola.mp3".into()
                },
                MediaFile {
                    source: "/d/decks/lang/flag.png".into(),
                    name: "flag-2.png".into()
                },
            ]
        );
    }
}
