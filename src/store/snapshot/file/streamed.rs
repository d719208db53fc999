//! Writing the snapshot's front without building it first: its sequences serialised straight
//! from iterators, and a frame whose length is filled in once it is written.

use std::io::{self, Seek, SeekFrom};

use serde::Serialize;
use xxhash_rust::xxh3::Xxh3;

use crate::{atomic_write, digest};

/// Writes `value` as `append_framed` does, straight into `out`: its length, unknown until
/// it is written, is filled in afterwards; its digest follows it.
pub(super) fn write_framed<T: Serialize>(
    out: &mut atomic_write::Out<'_>,
    value: &T,
) -> io::Result<()> {
    let length_at = out.stream_position()?;
    io::Write::write_all(out, &0_u64.to_le_bytes())?;
    let digest = write_digested(out, value)?;
    let end = out.stream_position()?;
    out.seek(SeekFrom::Start(length_at))?;
    io::Write::write_all(out, &(end - length_at - 8).to_le_bytes())?;
    out.seek(SeekFrom::Start(end))?;
    io::Write::write_all(out, &digest)
}

/// Writes `value` in postcard into `out` and returns the digest of the bytes written
/// ([`digest::of`] them, computed as they go): the snapshot's sections carry it, so that a
/// byte changed inside one is found on reading.
pub(super) fn write_digested<T: Serialize>(
    out: &mut atomic_write::Out<'_>,
    value: &T,
) -> io::Result<[u8; digest::LENGTH]> {
    let digested = Digested {
        out,
        hasher: Xxh3::new(),
        pending: Vec::with_capacity(PENDING),
    };
    // By value, not `&mut`: each write then goes straight to `Digested`'s.
    let mut digested = postcard::to_io(value, digested).map_err(io::Error::other)?;
    digested.pass_on()?;
    Ok(digested.hasher.digest().to_le_bytes())
}

/// Bytes gathered before they are hashed and written: postcard writes a field, often a byte,
/// at a time, and hashing each alone cost a third of the save.
const PENDING: usize = 64 << 10;

/// A writer that hashes what goes through it.
struct Digested<'o, 'a> {
    out: &'o mut atomic_write::Out<'a>,
    hasher: Xxh3,
    pending: Vec<u8>,
}

impl Digested<'_, '_> {
    fn pass_on(&mut self) -> io::Result<()> {
        self.hasher.update(&self.pending);
        io::Write::write_all(self.out, &self.pending)?;
        self.pending.clear();
        Ok(())
    }
}

impl io::Write for Digested<'_, '_> {
    #[inline]
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        if self.pending.len() + bytes.len() > PENDING {
            self.pass_on()?;
        }
        // Most writes are one byte: pushed, not copied through `memcpy`.
        if let [byte] = bytes {
            self.pending.push(*byte);
        } else if bytes.len() > PENDING {
            self.hasher.update(bytes);
            io::Write::write_all(self.out, bytes)?;
        } else {
            self.pending.extend_from_slice(bytes);
        }
        Ok(bytes.len())
    }

    /// All of `bytes`, as `write` always takes: without the default's loop around it.
    #[inline]
    fn write_all(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.write(bytes).map(|_| ())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.pass_on()?;
        self.out.flush()
    }
}

/// A sequence of `len` items serialised as its iterator yields them: the bytes of a `Vec` of
/// them in postcard, without the `Vec`. It can be serialised once; again is an error.
pub(in crate::store::snapshot) struct Streamed<I> {
    len: usize,
    items: std::cell::Cell<Option<I>>,
}

impl<I> Streamed<I> {
    pub(in crate::store::snapshot) fn new(len: usize, items: I) -> Self {
        Self {
            len,
            items: std::cell::Cell::new(Some(items)),
        }
    }
}

impl<I> std::fmt::Debug for Streamed<I> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Streamed({} items)", self.len)
    }
}

impl<I> Serialize for Streamed<I>
where
    I: Iterator,
    I::Item: Serialize,
{
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{Error, SerializeSeq};
        let items = self
            .items
            .take()
            .ok_or_else(|| S::Error::custom("a streamed sequence is written once"))?;
        let mut seq = serializer.serialize_seq(Some(self.len))?;
        let mut written = 0;
        for item in items {
            seq.serialize_element(&item)?;
            written += 1;
        }
        // The length went first: a different count would leave a frame that misreads.
        if written != self.len {
            return Err(S::Error::custom(format!(
                "{written} items where {} were announced",
                self.len
            )));
        }
        seq.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_streamed_sequence_encodes_as_the_vec_of_its_items() {
        let words = ["ab", "c", ""];
        let streamed = Streamed::new(3, words.iter().copied());
        let as_vec: Vec<Box<str>> = words.iter().map(|&w| Box::from(w)).collect();
        // postcard: the length as a varint, then each string's length and bytes.
        let expected = [3, 2, b'a', b'b', 1, b'c', 0];
        assert_eq!(postcard::to_stdvec(&as_vec).unwrap(), expected);
        assert_eq!(postcard::to_stdvec(&streamed).unwrap(), expected);
    }

    #[test]
    fn a_streamed_sequence_of_another_length_than_announced_is_an_error() {
        assert!(postcard::to_stdvec(&Streamed::new(2, [1_u8].into_iter())).is_err());
        assert!(postcard::to_stdvec(&Streamed::new(1, [1_u8, 2].into_iter())).is_err());
    }

    #[test]
    fn a_streamed_sequence_is_written_once() {
        let streamed = Streamed::new(1, [7_u8].into_iter());
        assert_eq!(postcard::to_stdvec(&streamed).unwrap(), [1, 7]);
        assert!(postcard::to_stdvec(&streamed).is_err());
    }

    #[test]
    fn a_frame_written_in_place_holds_its_length_first_and_its_digest_last() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("framed");
        atomic_write::write_with(&path, atomic_write::Existing::Replace, |out| {
            io::Write::write_all(out, b"head")?;
            write_framed(out, &("xy", 300_u16))?;
            io::Write::write_all(out, b"tail")
        })
        .unwrap();
        // "xy" is 2, b'x', b'y'; 300 is the varint 0xAC 0x02: 5 bytes in all.
        let mut expected = b"head".to_vec();
        expected.extend_from_slice(&5_u64.to_le_bytes());
        expected.extend_from_slice(&[2, b'x', b'y', 0xAC, 0x02]);
        expected.extend_from_slice(&digest::of(&[2, b'x', b'y', 0xAC, 0x02]));
        expected.extend_from_slice(b"tail");
        assert_eq!(std::fs::read(&path).unwrap(), expected);
    }
}
