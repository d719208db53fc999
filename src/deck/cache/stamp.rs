//! What a deck file's metadata says about its bytes, so that an unchanged file's cached deck is
//! taken without reading the file (as git's index and cargo's fingerprints do). A stamp is
//! trusted only when every field is equal and the file was last changed well before the cache
//! was written: a file changed in the same tick as the cache could change again within that
//! tick and keep its stamp ("racy git"), so such a file is read and hashed as before.

use std::path::Path;
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

/// Nanoseconds a file's last change must lie before the cache's writing for its stamp to be
/// trusted: the coarsest file times in common use (FAT's) are 2 seconds apart.
pub const RACY_NANOS: i128 = 2_000_000_000;

/// A file's length, identity and times (nanoseconds since 1970). Replacing a file gives it
/// another inode; writing it in place moves its change time (`ctime`), which no program can
/// set back, even one that restores the modification time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    pub len: u64,
    pub device: u64,
    pub inode: u64,
    pub modified: i128,
    pub changed: i128,
}

impl Stamp {
    /// The stamp of the file at `path` (links followed); `None` where it cannot be read, and
    /// on systems without inodes and change times, where every file is hashed.
    #[must_use]
    pub fn of(path: &Path) -> Option<Self> {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            let meta = std::fs::metadata(path).ok()?;
            let nanos =
                |secs: i64, nsecs: i64| i128::from(secs) * 1_000_000_000 + i128::from(nsecs);
            Some(Self {
                len: meta.len(),
                device: meta.dev(),
                inode: meta.ino(),
                modified: nanos(meta.mtime(), meta.mtime_nsec()),
                changed: nanos(meta.ctime(), meta.ctime_nsec()),
            })
        }
        #[cfg(not(unix))]
        {
            let _ = path;
            None
        }
    }

    /// Whether a file with this stamp, cached at `written` (nanoseconds since 1970), may be
    /// taken as the cached bytes without reading it: its last change lies at least
    /// [`RACY_NANOS`] before.
    #[must_use]
    pub fn settled_before(&self, written: i128) -> bool {
        self.modified.max(self.changed) < written - RACY_NANOS
    }
}

/// Now, in nanoseconds since 1970, for a cache's `written`.
#[must_use]
pub fn now_nanos() -> i128 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |since| i128::try_from(since.as_nanos()).unwrap_or(0))
}

/// Whether `now` on disk is the stamp `cached` recorded, and settled when the cache was
/// `written`: the cached deck is that file's.
#[must_use]
pub fn trusted(cached: Option<&Stamp>, now: Option<&Stamp>, written: i128) -> bool {
    matches!((cached, now), (Some(cached), Some(now)) if cached == now && cached.settled_before(written))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECOND: i128 = 1_000_000_000;

    fn stamp(changed: i128) -> Stamp {
        Stamp {
            len: 10,
            device: 1,
            inode: 2,
            modified: changed - SECOND,
            changed,
        }
    }

    #[test]
    fn a_stamp_is_trusted_only_when_equal_and_settled_two_seconds_before_the_cache() {
        let written = 1_000 * SECOND;
        let old = stamp(written - 3 * SECOND);
        assert!(trusted(Some(&old), Some(&old), written));
        // Changed in the last two seconds before the cache: it could change again unseen.
        let racy = stamp(written - SECOND);
        assert!(!trusted(Some(&racy), Some(&racy), written));
        assert!(!stamp(written - 2 * SECOND).settled_before(written));
        // Any field that differs: another file, or the same one written again.
        for other in [
            Stamp { len: 11, ..old },
            Stamp { inode: 3, ..old },
            Stamp { device: 9, ..old },
            Stamp {
                changed: old.changed + 1,
                ..old
            },
            Stamp {
                modified: old.modified + 1,
                ..old
            },
        ] {
            assert!(!trusted(Some(&old), Some(&other), written), "{other:?}");
        }
        assert!(!trusted(None, Some(&old), written));
        assert!(!trusted(Some(&old), None, written));
    }

    #[cfg(unix)]
    #[test]
    fn writing_a_file_in_place_moves_its_change_time_even_with_the_old_modified_time_put_back() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.toml");
        std::fs::write(&path, "same size 1").unwrap();
        let before = Stamp::of(&path).unwrap();
        std::thread::sleep(std::time::Duration::from_millis(20));
        std::fs::write(&path, "same size 2").unwrap();
        let file = std::fs::File::options().write(true).open(&path).unwrap();
        let old =
            UNIX_EPOCH + std::time::Duration::from_nanos(u64::try_from(before.modified).unwrap());
        file.set_modified(old).unwrap();
        let after = Stamp::of(&path).unwrap();
        assert_eq!((after.len, after.modified), (before.len, before.modified));
        assert_ne!(after, before, "the change time tells the write");
    }
}
