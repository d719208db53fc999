//! The practice modes' memory on disk: `practice.json` in the data dir, read at the start
//! and replaced atomically after each change ([`crate::atomic_write`]). A missing file is
//! an empty memory; an unreadable or corrupt one is too, with a notice that says so, and is
//! replaced by the next save. Two windows saving at once: the last one's file stays whole.

use std::io;
use std::path::{Path, PathBuf};

use crate::app::practice::PracticeMemory;
use crate::atomic_write::{self, Existing};

/// The file's name in the data dir.
pub const FILE: &str = "practice.json";

/// Where the memory lives under `data_dir`.
#[must_use]
pub fn path(data_dir: &Path) -> PathBuf {
    data_dir.join(FILE)
}

/// Reads the memory under `data_dir`; with a notice for the screen when the file is there
/// but cannot be used.
#[must_use]
pub fn load(data_dir: &Path) -> (PracticeMemory, Option<String>) {
    let path = path(data_dir);
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(error) if error.kind() == io::ErrorKind::NotFound => {
            return (PracticeMemory::default(), None);
        }
        Err(error) => return (PracticeMemory::default(), Some(unusable(&path, &error))),
    };
    match PracticeMemory::from_json(&text) {
        Ok(memory) => (memory, None),
        Err(error) => (PracticeMemory::default(), Some(unusable(&path, &error))),
    }
}

fn unusable(path: &Path, error: &dyn std::fmt::Display) -> String {
    format!(
        "Practice settings reset to defaults: {} cannot be read ({error}); it is replaced at \
         the next save.",
        path.display()
    )
}

/// Writes `memory` under `data_dir`, atomically; the error says what failed, for a notice.
///
/// # Errors
/// The write's, as text with the path.
pub fn save(data_dir: &Path, memory: &PracticeMemory) -> Result<(), String> {
    let path = path(data_dir);
    let text = memory
        .to_json()
        .map_err(|error| format!("{error}, saving {}", path.display()))?;
    atomic_write::write(&path, text.as_bytes(), Existing::Replace)
        .map_err(|error| format!("{error}, writing {}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::PracticeMode;
    use crate::session::options::Options;

    #[test]
    fn saved_memory_reads_back_and_a_missing_file_is_empty() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(load(dir.path()), (PracticeMemory::default(), None));
        let mut memory = PracticeMemory::default();
        let options = Options {
            shuffle: false,
            ..Options::default()
        };
        memory.remember(&["d".to_owned()], PracticeMode::Learn, &options);
        save(dir.path(), &memory).unwrap();
        assert_eq!(load(dir.path()), (memory, None));
        // One file, no temporary ones left behind.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_corrupt_file_gives_defaults_and_a_notice_and_is_replaced_by_the_next_save() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(path(dir.path()), "{\"settings\": [}").unwrap();
        let (memory, notice) = load(dir.path());
        assert_eq!(memory, PracticeMemory::default());
        let notice = notice.unwrap();
        assert!(
            notice.starts_with("Practice settings reset to defaults: "),
            "{notice}"
        );
        assert!(
            notice.contains("practice.json cannot be read (expected value at line 1 column 15)"),
            "{notice}"
        );
        save(dir.path(), &memory).unwrap();
        assert_eq!(load(dir.path()).1, None);
    }
}
