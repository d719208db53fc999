//! Compact serde forms for the replay cache: times as numbers instead of RFC 3339 text, and
//! FSRS memory states as two floats. Used through `#[serde(with = …)]`.

use chrono::{DateTime, FixedOffset, TimeZone};
use serde::{Deserialize, Deserializer, Serialize, Serializer, de::Error};

/// A time as (seconds since the epoch, nanoseconds, UTC offset in seconds).
type Parts = (i64, u32, i32);

fn parts(time: &DateTime<FixedOffset>) -> Parts {
    (
        time.timestamp(),
        time.timestamp_subsec_nanos(),
        time.offset().local_minus_utc(),
    )
}

fn from_parts<E: Error>((secs, nanos, offset): Parts) -> Result<DateTime<FixedOffset>, E> {
    FixedOffset::east_opt(offset)
        .and_then(|offset| offset.timestamp_opt(secs, nanos).single())
        .ok_or_else(|| E::custom("time out of range"))
}

pub mod time {
    use super::{DateTime, Deserialize, Deserializer, FixedOffset, Serialize, Serializer};

    pub fn serialize<S: Serializer>(time: &DateTime<FixedOffset>, s: S) -> Result<S::Ok, S::Error> {
        super::parts(time).serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<FixedOffset>, D::Error> {
        super::from_parts(super::Parts::deserialize(d)?)
    }
}

pub mod option_time {
    use super::{DateTime, Deserialize, Deserializer, FixedOffset, Serialize, Serializer};

    pub fn serialize<S: Serializer>(
        time: &Option<DateTime<FixedOffset>>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        time.as_ref().map(super::parts).serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<DateTime<FixedOffset>>, D::Error> {
        Option::<super::Parts>::deserialize(d)?
            .map(super::from_parts)
            .transpose()
    }
}

pub mod memory {
    use fsrs::MemoryState;

    use super::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(memory: &Option<MemoryState>, s: S) -> Result<S::Ok, S::Error> {
        memory.map(|m| (m.stability, m.difficulty)).serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<MemoryState>, D::Error> {
        Ok(
            Option::<(f32, f32)>::deserialize(d)?.map(|(stability, difficulty)| MemoryState {
                stability,
                difficulty,
            }),
        )
    }
}
