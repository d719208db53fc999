//! Loading a decks folder through the parse cache ([`crate::deck::cache`]): a file whose stamp
//! is trusted is taken from the cache unread; any other is read and hashed, and taken from
//! the cache if its bytes hash the same, else validated. And the decks' heads for the first
//! frame, from `heads.bin`, when every file is unchanged.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;
use rustc_hash::FxHashMap;
use xxhash_rust::xxh3::xxh3_64;

use super::{Collection, at_start, deck_files, deck_id, load_file_counted, parse_bytes_counted};
use super::{Invalid, read_limited};
use crate::deck::cache::{self, CachedFile, ParseCache, Stamp, heads};
use crate::deck::{Deck, DeckId, Source};

/// A listed file on its way to a deck: taken from the cache (encoded), read (its bytes), or
/// unreadable (why).
enum Found {
    Cached(Vec<u8>),
    Read(Vec<u8>),
    Unreadable(String),
}

/// The `*.toml` files below `dir` with their deck ids, and the listing's errors as broken
/// decks in `collection`.
fn list(dir: &Path, collection: &mut Collection) -> Vec<(DeckId, PathBuf)> {
    let mut files = Vec::new();
    for entry in deck_files(dir) {
        match entry {
            Ok(file) => files.push(file),
            Err(error) => {
                let path = error.path().unwrap_or(dir).to_path_buf();
                let id = deck_id(dir, &path);
                let problems = vec![at_start(&path, error.to_string())];
                collection.add(id, path, Err((problems, 0)));
            }
        }
    }
    files
}

/// The parse cache to bring up to date once the decks are loaded ([`CacheUpdate::save`]):
/// kept apart from the loading, so that a start writes it while it reads the log.
#[derive(Debug)]
pub struct CacheUpdate {
    cache: ParseCache,
    path: PathBuf,
    /// When the files' stamps began to be taken (nanoseconds since 1970).
    stamped: i128,
    /// Each file's hash and stamp, by path.
    files: FxHashMap<PathBuf, (u64, Option<Stamp>)>,
}

impl CacheUpdate {
    /// Writes the parse cache and the heads for `collection`'s decks, the ones the update was
    /// made with. Only a cache: a failure is not an error.
    pub fn save(&self, collection: &Collection) {
        let entries: Vec<_> = collection
            .decks
            .iter()
            .filter_map(|deck| match &deck.source {
                Source::File(path) => {
                    let (hash, stamp) = *self.files.get(path)?;
                    Some(CachedFile {
                        path,
                        hash,
                        stamp,
                        deck,
                    })
                }
                Source::Bundled => None,
            })
            .collect();
        self.cache.save(&self.path, &entries, self.stamped);
    }
}

/// The decks below `dir`, through the parse cache at `cache_path` if one is given, and the
/// cache's update when it is out of date.
pub(super) fn load_dir_with(
    dir: &Path,
    cache_path: Option<&Path>,
) -> (Collection, Option<CacheUpdate>) {
    let mut collection = Collection::default();
    let files = list(dir, &mut collection);
    // Before any stamp is taken: a file changed after its stamp, in the same tick of a
    // coarse clock, must look unsettled next time (a tester's race on one-second file times).
    let began = cache::stamp::now_nanos();
    // The cache is read while the files' stamps are taken.
    let (mut cache, stamped) = rayon::join(
        || cache_path.map(ParseCache::open).unwrap_or_default(),
        || -> Vec<_> {
            files
                .into_par_iter()
                .map(|(id, path)| {
                    let stamp = Stamp::of(&path);
                    (id, path, stamp)
                })
                .collect()
        },
    );
    let mut unchanged = Vec::with_capacity(stamped.len());
    for (id, path, stamp) in stamped {
        let cached = cache.take_unchanged(&path, stamp.as_ref());
        unchanged.push((id, path, stamp, cached));
    }
    // The files the stamps do not vouch for are read and hashed, in parallel.
    let read: Vec<_> = unchanged
        .into_par_iter()
        .map(|(id, path, stamp, cached)| {
            let found = match cached {
                Some((hash, encoded)) => Ok((hash, Found::Cached(encoded))),
                None => read_limited(&path).map(|bytes| (xxh3_64(&bytes), Found::Read(bytes))),
            };
            (id, path, stamp, found)
        })
        .collect();
    let mut hashes = FxHashMap::default();
    // Whether a cached deck's file had to be read (its stamp changed, or was not settled) that
    // the next start could take unread, once its new stamp is written.
    let mut settled_unread = false;
    let mut work = Vec::with_capacity(read.len());
    for (id, path, stamp, found) in read {
        let found = match found {
            Err(message) => Found::Unreadable(message),
            Ok((hash, found)) => {
                hashes.insert(path.clone(), (hash, stamp));
                match found {
                    Found::Read(bytes) => match cache.take(&path, hash) {
                        Some(encoded) => {
                            settled_unread |= stamp.is_some_and(|s| s.settled_before(began));
                            Found::Cached(encoded)
                        }
                        None => Found::Read(bytes),
                    },
                    other => other,
                }
            }
        };
        work.push((id, path, found));
    }
    let parsed = AtomicUsize::new(0);
    let loaded: Vec<_> = work
        .into_par_iter()
        .map(|(id, path, found)| {
            let result = deck_of(&path, &id, found, &parsed);
            (id, path, result)
        })
        .collect();
    let parsed = parsed.into_inner();
    for (id, path, result) in loaded {
        collection.add(id, path, result);
    }
    collection.decks.sort_by(|a, b| a.id.cmp(&b.id));
    collection.broken.sort_by(|a, b| a.id.cmp(&b.id));
    let update = cache_path
        .filter(|path| {
            parsed > 0
                || cache.has_leftovers()
                || settled_unread
                || heads::needs_writing(&heads::path_beside(path))
        })
        .map(|path| CacheUpdate {
            cache,
            path: path.to_path_buf(),
            stamped: began,
            files: hashes,
        });
    (collection, update)
}

/// The deck of one file: decoded from the cache, or validated when it has no cached deck or
/// its cached one is damaged or has another id. Counts the files validated in `parsed`.
/// `parsed` counts only the decks the cache can keep: a file with problems, or whose name is
/// not UTF-8, is validated at every start, and rewriting the cache each time for it saves
/// nothing.
fn deck_of(path: &Path, id: &DeckId, found: Found, parsed: &AtomicUsize) -> Result<Deck, Invalid> {
    let validated = match found {
        Found::Unreadable(message) => return Err((vec![at_start(path, message)], 0)),
        Found::Cached(encoded) => {
            // The ids depend on the decks folder as well as the file: the same file seen from
            // a parent or child folder is another deck id.
            let decoded = cache::decode(&encoded).filter(|deck| deck.id == *id);
            if let Some(mut deck) = decoded {
                deck.source = Source::File(path.to_path_buf());
                return Ok(deck);
            }
            load_file_counted(path, id.clone())
        }
        Found::Read(bytes) => parse_bytes_counted(path, id.clone(), &bytes),
    };
    if validated.is_ok() && path.to_str().is_some() {
        parsed.fetch_add(1, Ordering::Relaxed);
    }
    validated
}

/// The decks of the folder `dir` without their cards, and each one's number of cards, from
/// the heads beside the parse cache at `cache_path`; `None` unless every file below `dir` is
/// listed without error and unchanged since the heads were written ([`heads::read`]).
#[must_use]
pub fn heads_of_dir(dir: &Path, cache_path: &Path) -> Option<Vec<(Deck, usize)>> {
    let mut listing = Collection::default();
    let files = list(dir, &mut listing);
    if !listing.broken.is_empty() {
        return None;
    }
    let mut heads = heads::read(&heads::path_beside(cache_path), &files)?;
    heads.sort_by(|a, b| a.0.id.cmp(&b.0.id));
    Some(heads)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::deck::cache::stamp::now_nanos;

    const DECK_A: &str = "[deck]\nname = \"A\"\n[[cards]]\nfront = \"q\"\nback = \"a\"\n";

    /// A folder `decks` holding `a.toml` (deck A), and where its parse cache goes.
    fn folder_with_deck_a() -> (tempfile::TempDir, PathBuf, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let decks = dir.path().join("decks");
        std::fs::create_dir_all(&decks).unwrap();
        std::fs::write(decks.join("a.toml"), DECK_A).unwrap();
        let cache = dir.path().join("cache/decks.bin");
        (dir, decks, cache)
    }

    /// The caches count a file as settled from when its stamp was taken, not from when they
    /// were saved: a save seconds later (a slow disk, the log read first) must not make a file
    /// changed after its stamp, in the same tick of a coarse clock, look settled (a tester's
    /// race on a filesystem with one-second times).
    #[test]
    fn the_caches_are_dated_from_the_stamps_not_from_the_save() {
        let (_dir, decks, cache) = folder_with_deck_a();
        let before = now_nanos();
        let (collection, update) = load_dir_with(&decks, Some(&cache));
        let stamped = now_nanos();
        let update = update.expect("a first load writes the cache");
        std::thread::sleep(std::time::Duration::from_millis(30));
        update.save(&collection);
        let written = ParseCache::open(&cache).written();
        assert!(
            before <= written && written <= stamped,
            "{before} {written} {stamped}"
        );
    }

    /// A deck file whose name is not UTF-8 is parsed at each start; the other decks are still
    /// cached (postcard writes paths as strings, and one such path lost the whole cache).
    #[cfg(unix)]
    #[test]
    fn a_file_name_that_is_not_utf8_leaves_the_other_decks_cached() {
        use std::os::unix::ffi::OsStrExt;
        let (_dir, decks, cache) = folder_with_deck_a();
        let odd = decks.join(std::ffi::OsStr::from_bytes(b"caf\xe9.toml"));
        std::fs::write(&odd, DECK_A.replace("\"A\"", "\"B\"")).unwrap();
        let (collection, update) = load_dir_with(&decks, Some(&cache));
        assert_eq!(collection.decks.len(), 2);
        update.unwrap().save(&collection);
        let mut opened = ParseCache::open(&cache);
        let a = decks.join("a.toml");
        let hash = xxh3_64(&std::fs::read(&a).unwrap());
        assert!(opened.take(&a, hash).is_some(), "a.toml is cached");
        assert!(heads::path_beside(&cache).is_file());
        let (again, update) = load_dir_with(&decks, Some(&cache));
        assert_eq!(again.decks, collection.decks);
        assert!(update.is_none(), "nothing the cache could keep changed");
    }

    /// A file with problems is validated at every start, and the cache is not written again
    /// for it each time (a write and a sync at every start with one broken deck).
    #[test]
    fn a_deck_with_problems_does_not_have_the_cache_written_at_every_start() {
        let (_dir, decks, cache) = folder_with_deck_a();
        std::fs::write(decks.join("broken.toml"), "[deck\n").unwrap();
        let (collection, update) = load_dir_with(&decks, Some(&cache));
        update
            .expect("a first load writes the cache")
            .save(&collection);
        let (again, update) = load_dir_with(&decks, Some(&cache));
        assert_eq!((again.decks.len(), again.broken.len()), (1, 1));
        assert!(
            update.is_none(),
            "the broken file again, nothing new to keep"
        );
    }
}
