//! Writing a whole file so that a crash leaves either the old file or the new one, never a
//! half-written mix: a temporary file in the same folder, fsync, rename, fsync the folder.

use std::fs::File;
use std::io::{self, Write};
use std::path::Path;

/// Whether an existing file may be replaced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Existing {
    /// Fail with `AlreadyExists`; checked atomically by the final link, not before it.
    Keep,
    Replace,
}

/// Writes `bytes` to `path` atomically, creating missing parent folders.
pub fn write(path: &Path, bytes: &[u8], existing: Existing) -> io::Result<()> {
    let writeback = Writeback::for_len(bytes.len());
    write_inner(path, existing, None, writeback, |out| out.write_all(bytes))
}

/// The buffered temporary file [`write_with`] hands its `fill`: a concrete type, so that a
/// serializer writing a byte at a time is inlined rather than called through `dyn Write`
/// (the replay snapshot's 35 MB of events serialized in a third of the time).
pub type Out<'a> = io::BufWriter<&'a mut File>;

/// The same, with the content written by `fill` (buffered), so that a large file need not be
/// built in memory first.
pub fn write_with(
    path: &Path,
    existing: Existing,
    fill: impl FnOnce(&mut Out<'_>) -> io::Result<()>,
) -> io::Result<()> {
    write_inner(path, existing, None, Writeback::Early, fill)
}

/// Replaces the existing file at `path` with `bytes` atomically, giving the new file the old
/// one's permissions (a temporary file starts private, and a deck the user shared should stay
/// shared). Fails if `path` cannot be read for its permissions.
pub fn replace_keeping_permissions(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let permissions = std::fs::metadata(path)?.permissions();
    let writeback = Writeback::for_len(bytes.len());
    write_inner(
        path,
        Existing::Replace,
        Some(permissions),
        writeback,
        |out| out.write_all(bytes),
    )
}

/// Bytes buffered before each write to the file: fewer system calls for a large file.
const BUFFER: usize = 256 << 10;

/// Whether a side thread syncs the file while it is written ([`early_writeback`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Writeback {
    /// A streamed write, of a size not known ahead: synced on the way.
    Early,
    /// Small enough for the final sync alone, without starting a thread for it.
    AtEnd,
}

impl Writeback {
    /// Content in memory below a few buffers is written before a first sync would come.
    fn for_len(len: usize) -> Self {
        if len > 16 * BUFFER {
            Self::Early
        } else {
            Self::AtEnd
        }
    }
}

fn write_inner(
    path: &Path,
    existing: Existing,
    permissions: Option<std::fs::Permissions>,
    writeback: Writeback,
    fill: impl FnOnce(&mut Out<'_>) -> io::Result<()>,
) -> io::Result<()> {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(dir)?;
    let mut temp = tempfile::Builder::new()
        .prefix(&format!("{TEMPORARY}{}-", std::process::id()))
        .tempfile_in(dir)?;
    let write = |file: &mut File| {
        let mut out = io::BufWriter::with_capacity(BUFFER, file);
        fill(&mut out)?;
        out.flush()
    };
    match writeback {
        Writeback::Early => early_writeback(temp.as_file_mut(), write)?,
        Writeback::AtEnd => write(temp.as_file_mut())?,
    }
    if let Some(permissions) = permissions {
        temp.as_file().set_permissions(permissions)?;
    }
    temp.as_file().sync_all()?;
    match existing {
        Existing::Keep => temp.persist_noclobber(path).map_err(|e| e.error)?,
        Existing::Replace => temp.persist(path).map_err(|e| e.error)?,
    };
    sync_dir(dir)
}

/// Runs `write` while another thread syncs what it has written so far every
/// [`WRITEBACK_EVERY`], so that the disk works while the content is still being made and the
/// final sync has little left: the 300 MB replay snapshot of 10 million reviews spent 130 ms in
/// its one `fsync`. A short write ends before the first sync.
fn early_writeback(
    file: &mut File,
    write: impl FnOnce(&mut File) -> io::Result<()>,
) -> io::Result<()> {
    let Ok(copy) = file.try_clone() else {
        return write(file);
    };
    let (done, finished) = std::sync::mpsc::channel::<()>();
    let syncer = std::thread::spawn(move || {
        while finished.recv_timeout(WRITEBACK_EVERY)
            == Err(std::sync::mpsc::RecvTimeoutError::Timeout)
        {
            // A failure shows again in the final sync, which is checked.
            let _ = copy.sync_data();
        }
    });
    let written = write(file);
    drop(done);
    let _ = syncer.join();
    written
}

const WRITEBACK_EVERY: std::time::Duration = std::time::Duration::from_millis(25);

/// How a temporary file's name starts, before the writing process's id: `.flashdeck-tmp-<pid>-`.
const TEMPORARY: &str = ".flashdeck-tmp-";

/// Removes the temporary files in `dir` that a write left when its process ended before the
/// rename (a signal or a crash mid-write: a cold start's snapshot is tens of megabytes): those
/// whose process is gone where `/proc` tells, else those untouched for an hour. Another
/// process's write under way is left alone. Only for flashdeck's own folders (the caches);
/// errors are ignored, as nothing depends on the sweep.
pub fn sweep_abandoned(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let processes_known = Path::new("/proc/self").exists();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = name
            .to_str()
            .and_then(|name| name.strip_prefix(TEMPORARY))
            .and_then(|rest| rest.split_once('-'))
            .and_then(|(pid, _)| pid.parse::<u32>().ok())
        else {
            continue;
        };
        let Ok(metadata) = entry.metadata() else {
            continue;
        };
        if !metadata.is_file() || pid == std::process::id() {
            continue;
        }
        let abandoned = if processes_known {
            !Path::new("/proc").join(pid.to_string()).exists()
        } else {
            metadata
                .modified()
                .ok()
                .and_then(|modified| modified.elapsed().ok())
                .is_some_and(|age| age > std::time::Duration::from_secs(3600))
        };
        if abandoned {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Makes the rename itself durable. Folders cannot be opened for syncing on every platform.
fn sync_dir(dir: &Path) -> io::Result<()> {
    if cfg!(unix) {
        File::open(dir)?.sync_all()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_or_replaces_an_existing_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/deck.toml");
        write(&path, b"one", Existing::Keep).unwrap();
        let error = write(&path, b"two", Existing::Keep).unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(std::fs::read(&path).unwrap(), b"one");
        write(&path, b"three", Existing::Replace).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"three");
        // No temporary files are left behind.
        assert_eq!(
            std::fs::read_dir(path.parent().unwrap()).unwrap().count(),
            1
        );
    }

    /// A temporary file whose process is gone is removed; one of a live process (this one, or
    /// process 1), another name, or a folder of that name is left.
    #[test]
    fn sweeps_the_temporary_files_of_processes_gone() {
        let dir = tempfile::tempdir().unwrap();
        let gone = format!("{TEMPORARY}{}-a1b2c3", u32::MAX);
        let kept = [
            format!("{TEMPORARY}{}-a1b2c3", std::process::id()),
            format!("{TEMPORARY}1-a1b2c3"),
            format!("{TEMPORARY}x-a1b2c3"),
            ".tmpa1b2c3".to_owned(),
            "replay.bin".to_owned(),
        ];
        for name in kept.iter().chain([&gone]) {
            std::fs::write(dir.path().join(name), b"partial").unwrap();
        }
        let folder = format!("{TEMPORARY}{}-folder", u32::MAX - 1);
        std::fs::create_dir(dir.path().join(&folder)).unwrap();
        sweep_abandoned(dir.path());
        assert!(!dir.path().join(&gone).exists());
        for name in kept.iter().chain([&folder]) {
            assert!(dir.path().join(name).exists(), "{name}");
        }
        // A write's own temporary file is named so.
        let path = dir.path().join("out.bin");
        write_with(&path, Existing::Keep, |out| {
            let names: Vec<String> = std::fs::read_dir(dir.path())
                .unwrap()
                .map(|entry| entry.unwrap().file_name().into_string().unwrap())
                .collect();
            let own = format!("{TEMPORARY}{}-", std::process::id());
            assert!(names.iter().any(|name| name.starts_with(&own)), "{names:?}");
            out.write_all(b"whole")
        })
        .unwrap();
    }

    /// A write slow enough for the side thread to sync it several times still gives the whole
    /// content, in order.
    #[test]
    fn a_slow_write_synced_on_the_way_is_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("slow.bin");
        write_with(&path, Existing::Keep, |out| {
            for piece in 0..4u8 {
                out.write_all(&vec![piece; 300_000])?;
                out.flush()?;
                std::thread::sleep(WRITEBACK_EVERY * 2);
            }
            Ok(())
        })
        .unwrap();
        let written = std::fs::read(&path).unwrap();
        assert_eq!(written.len(), 1_200_000);
        assert!(
            written
                .chunks(300_000)
                .zip(0u8..)
                .all(|(chunk, piece)| chunk.iter().all(|&b| b == piece))
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_replaced_file_keeps_its_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("deck.toml");
        std::fs::write(&path, "old").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        replace_keeping_permissions(&path, b"new").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"new");
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o640);
    }
}
