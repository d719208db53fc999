//! `check`'s warnings about media the cards reference: a file that is not there (or a folder),
//! and a path
//! that leads out of the decks folder (a deck shared with its folder would lose it).

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::deck::media::{MediaKind, inside, is_url, normalised, not_a_file};
use crate::deck::parse::media_references;
use crate::deck::{Collection, Source};

/// Writes a warning for each reference in `collection`'s deck files to a missing file or to
/// a file outside `root` (the decks folder); returns how many. Web addresses are not checked.
pub(super) fn report(collection: &Collection, root: &Path, err: &mut dyn Write) -> Result<usize> {
    let root = normalised(root);
    let mut warnings = 0;
    for deck in &collection.decks {
        let Source::File(file) = &deck.source else {
            continue;
        };
        let Ok(text) = std::fs::read_to_string(file) else {
            continue;
        };
        let folder = file.parent().unwrap_or(Path::new(""));
        for placed in media_references(&text) {
            if is_url(&placed.path) {
                continue;
            }
            let what = match placed.kind {
                MediaKind::Image => "image",
                MediaKind::Sound => "sound",
            };
            let target = normalised(&folder.join(&placed.path));
            let problem = if !inside(&target, &root) {
                format!(
                    "is outside the decks folder {}; keep media inside it",
                    root.display()
                )
            } else if let Some(problem) = not_a_file(&target) {
                format!("{problem} ({})", target.display())
            } else {
                continue;
            };
            writeln!(
                err,
                "warning: {}:{}:{}: the {what} `{}` {problem}",
                file.display(),
                placed.line,
                placed.column,
                placed.path
            )?;
            warnings += 1;
        }
    }
    Ok(warnings)
}

/// The folder media referenced from `path` (a deck file or a folder that `check` was given)
/// must stay in: the decks folder in use when `path` is inside it, so a deck in a subfolder
/// may use `<decks>/media` as a plain `check` allows; else `path` itself (a folder) or its
/// folder (a file), the only folder such a deck can be said to travel with.
pub(super) fn root_for(path: &Path, decks_folder: &Path) -> PathBuf {
    let decks_folder = normalised(decks_folder);
    if inside(&normalised(path), &decks_folder) {
        return decks_folder;
    }
    if path.is_dir() {
        path.to_path_buf()
    } else {
        path.parent().map(Path::to_path_buf).unwrap_or_default()
    }
}
