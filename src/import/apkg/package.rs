//! Reading an Anki package (`.apkg` or `.colpkg`): the zip, the zstd-compressed collection
//! and media of the current format, or the legacy format's plain ones, and the collection's
//! `SQLite` tables into a [`Collection`]. The only I/O of the package import besides writing.
//!
//! Layouts (Anki's `rslib/src/import_export/package/`): a `meta` entry (protobuf
//! `PackageMetadata`, version 1–3) says which collection file is the real one:
//! `collection.anki21b` (zstd, schema 18) in the current format, else `collection.anki21` or
//! `collection.anki2` (schema 11). The `media` entry maps zip entries (`0`, `1`, …) to file
//! names: zstd protobuf `MediaEntries` in the current format, JSON in the legacy one.

use std::fs::File;
use std::io::{self, Read, Write};
use std::path::Path;

use rusqlite::{Connection, OpenFlags};

use super::model::{Collection, Media};
use super::{proto, schema};

/// The newest package version this reader knows (`PackageMetadata::VERSION_LATEST`).
const NEWEST_PACKAGE: u64 = 3;
/// The newest collection schema this reader knows (Anki's `SCHEMA_MAX_VERSION`).
pub const NEWEST_SCHEMA: i64 = 18;
/// Largest collection file accepted, decompressed: bigger is refused before it is written out.
const MAX_COLLECTION_BYTES: u64 = 4 << 30;

/// Why a package could not be read. Every variant is fatal: nothing is imported.
#[derive(Debug, thiserror::Error)]
pub enum PackageError {
    #[error("not an Anki package (the zip cannot be read: {0})")]
    Zip(String),
    #[error("the package holds no collection (collection.anki21b, .anki21 or .anki2)")]
    NoCollection,
    #[error(
        "the package was written by a newer Anki ({0}); flashdeck reads package version \
         {NEWEST_PACKAGE} and schema {NEWEST_SCHEMA}: export again with \"Support older Anki \
         versions\" ticked"
    )]
    Newer(String),
    #[error("the collection is damaged: {0}")]
    Collection(String),
    #[error("the media map is damaged: {0}")]
    MediaMap(String),
    #[error("{0}")]
    Io(#[from] io::Error),
}

impl From<rusqlite::Error> for PackageError {
    fn from(error: rusqlite::Error) -> Self {
        Self::Collection(error.to_string())
    }
}

impl From<zip::result::ZipError> for PackageError {
    fn from(error: zip::result::ZipError) -> Self {
        Self::Zip(error.to_string())
    }
}

/// An open package: its collection, read, and the zip to copy media from.
pub struct Package {
    zip: zip::ZipArchive<File>,
    /// Media entries are zstd-compressed (the current format).
    compressed_media: bool,
}

/// Opens `path` and reads its collection.
pub fn open(path: &Path) -> Result<(Collection, Package), PackageError> {
    let mut zip = zip::ZipArchive::new(File::open(path)?)?;
    let version = match read_entry(&mut zip, "meta")? {
        Some(meta) => {
            let fields = proto::fields(&meta)
                .ok_or_else(|| PackageError::Zip("its `meta` entry is not readable".into()))?;
            proto::uint(&fields, 1).unwrap_or(1)
        }
        None => 1,
    };
    if version > NEWEST_PACKAGE {
        return Err(PackageError::Newer(format!("package version {version}")));
    }
    let compressed = version >= 3;
    let database = tempfile::NamedTempFile::new()?;
    let found = [
        "collection.anki21b",
        "collection.anki21",
        "collection.anki2",
    ]
    .into_iter()
    .find(|name| zip.index_for_name(name).is_some())
    .ok_or(PackageError::NoCollection)?;
    {
        let mut entry = zip.by_name(found)?;
        let mut out = io::BufWriter::new(database.as_file());
        let copied = if found.ends_with('b') {
            let mut decoder = zstd::Decoder::new(&mut entry)
                .map_err(|e| PackageError::Collection(e.to_string()))?;
            io::copy(&mut (&mut decoder).take(MAX_COLLECTION_BYTES + 1), &mut out)
        } else {
            io::copy(&mut (&mut entry).take(MAX_COLLECTION_BYTES + 1), &mut out)
        }
        .map_err(|e| PackageError::Collection(format!("{found}: {e}")))?;
        if copied > MAX_COLLECTION_BYTES {
            return Err(PackageError::Collection(format!("{found} is over 4 GiB")));
        }
        out.flush()?;
    }
    let connection = Connection::open_with_flags(
        database.path(),
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    // Anki's schema sorts names with its own collation; its indexes need one of that name.
    connection.create_collation("unicase", |a, b| a.to_lowercase().cmp(&b.to_lowercase()))?;
    let mut collection = schema::read(&connection)?;
    collection.media = media_map(&mut zip, compressed)?;
    // The legacy map has no sizes; its entries are stored as they are, so the zip's are.
    for media in &mut collection.media {
        if media.size.is_none() {
            media.size = zip.by_name(&media.entry).ok().map(|entry| entry.size());
        }
    }
    Ok((
        collection,
        Package {
            zip,
            compressed_media: compressed,
        },
    ))
}

impl Package {
    /// Copies media entry `entry` into `out`, at most `limit` bytes; `Ok(false)` when it is
    /// bigger than that.
    pub fn copy_media(
        &mut self,
        entry: &str,
        limit: u64,
        out: &mut dyn Write,
    ) -> Result<bool, PackageError> {
        let mut file = self.zip.by_name(entry)?;
        let copied = if self.compressed_media {
            let decoder = zstd::Decoder::new(&mut file)?;
            io::copy(&mut decoder.take(limit + 1), out)?
        } else {
            io::copy(&mut (&mut file).take(limit + 1), out)?
        };
        Ok(copied <= limit)
    }

    /// Whether the zip has an entry of that name.
    #[must_use]
    pub fn has_entry(&self, entry: &str) -> bool {
        self.zip.index_for_name(entry).is_some()
    }
}

fn read_entry(
    zip: &mut zip::ZipArchive<File>,
    name: &str,
) -> Result<Option<Vec<u8>>, PackageError> {
    let Ok(mut entry) = zip.by_name(name) else {
        return Ok(None);
    };
    let mut bytes = Vec::new();
    (&mut entry).take(64 << 20).read_to_end(&mut bytes)?;
    Ok(Some(bytes))
}

/// The media map: each file's name and its zip entry.
fn media_map(
    zip: &mut zip::ZipArchive<File>,
    compressed: bool,
) -> Result<Vec<Media>, PackageError> {
    let Some(bytes) = read_entry(zip, "media")? else {
        return Ok(Vec::new());
    };
    if compressed {
        let bytes = zstd::decode_all(bytes.as_slice())
            .map_err(|e| PackageError::MediaMap(e.to_string()))?;
        let bad = || PackageError::MediaMap("not a media list".into());
        let outer = proto::fields(&bytes).ok_or_else(bad)?;
        let mut media = Vec::new();
        let entries = outer
            .iter()
            .filter_map(|(number, value)| match (number, value) {
                (1, proto::Value::Bytes(entry)) => Some(*entry),
                _ => None,
            });
        for (index, entry) in entries.enumerate() {
            let fields = proto::fields(entry).ok_or_else(bad)?;
            let name = proto::text(&fields, 1).ok_or_else(bad)?.to_owned();
            let entry = proto::uint(&fields, 255).map_or(index as u64, |n| n);
            media.push(Media {
                name,
                entry: entry.to_string(),
                size: proto::uint(&fields, 2),
            });
        }
        Ok(media)
    } else {
        let map: std::collections::BTreeMap<String, String> =
            serde_json::from_slice(&bytes).map_err(|e| PackageError::MediaMap(e.to_string()))?;
        let mut media: Vec<Media> = map
            .into_iter()
            .map(|(entry, name)| Media {
                name,
                entry,
                size: None,
            })
            .collect();
        media.sort_by_key(|m| m.entry.parse::<u64>().unwrap_or(u64::MAX));
        Ok(media)
    }
}
