//! Just enough protobuf to read the few fields flashdeck takes from Anki's blobs (deck
//! options, deck kinds, note type and template configs, the media map). Unknown fields are
//! skipped by their wire type, so a newer Anki's extra fields do no harm.

/// One field of a message: its number and its value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Value<'a> {
    Varint(u64),
    /// Length-delimited: a string, bytes, a nested message, or packed numbers.
    Bytes(&'a [u8]),
    Fixed32(u32),
    Fixed64(u64),
}

/// The fields of a message in order, or `None` if the bytes are not a well-formed message.
#[must_use]
pub fn fields(mut bytes: &[u8]) -> Option<Vec<(u32, Value<'_>)>> {
    let mut out = Vec::new();
    while !bytes.is_empty() {
        let key = varint(&mut bytes)?;
        let number = u32::try_from(key >> 3).ok()?;
        let value = match key & 7 {
            0 => Value::Varint(varint(&mut bytes)?),
            1 => Value::Fixed64(u64::from_le_bytes(take(&mut bytes, 8)?.try_into().ok()?)),
            2 => {
                let length = usize::try_from(varint(&mut bytes)?).ok()?;
                Value::Bytes(take(&mut bytes, length)?)
            }
            5 => Value::Fixed32(u32::from_le_bytes(take(&mut bytes, 4)?.try_into().ok()?)),
            _ => return None,
        };
        out.push((number, value));
    }
    Some(out)
}

/// The last value of field `number` (protobuf's rule for a repeated scalar read as one).
#[must_use]
pub fn last<'a>(fields: &[(u32, Value<'a>)], number: u32) -> Option<Value<'a>> {
    fields
        .iter()
        .rev()
        .find(|(n, _)| *n == number)
        .map(|(_, v)| *v)
}

/// Field `number` as an unsigned number.
#[must_use]
pub fn uint(fields: &[(u32, Value<'_>)], number: u32) -> Option<u64> {
    match last(fields, number)? {
        Value::Varint(v) | Value::Fixed64(v) => Some(v),
        Value::Fixed32(v) => Some(u64::from(v)),
        Value::Bytes(_) => None,
    }
}

/// Field `number` as text.
#[must_use]
pub fn text<'a>(fields: &[(u32, Value<'a>)], number: u32) -> Option<&'a str> {
    match last(fields, number)? {
        Value::Bytes(bytes) => std::str::from_utf8(bytes).ok(),
        _ => None,
    }
}

/// Field `number` as bytes (a nested message).
#[must_use]
pub fn bytes<'a>(fields: &[(u32, Value<'a>)], number: u32) -> Option<&'a [u8]> {
    match last(fields, number)? {
        Value::Bytes(bytes) => Some(bytes),
        _ => None,
    }
}

/// A `float` field.
#[must_use]
pub fn float(fields: &[(u32, Value<'_>)], number: u32) -> Option<f32> {
    match last(fields, number)? {
        Value::Fixed32(bits) => Some(f32::from_bits(bits)),
        _ => None,
    }
}

/// A `repeated float` field, packed or not.
#[must_use]
pub fn floats(fields: &[(u32, Value<'_>)], number: u32) -> Vec<f32> {
    let mut out = Vec::new();
    for (_, value) in fields.iter().filter(|(n, _)| *n == number) {
        match value {
            Value::Fixed32(bits) => out.push(f32::from_bits(*bits)),
            Value::Bytes(packed) => out.extend(
                packed
                    .chunks_exact(4)
                    .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]])),
            ),
            _ => {}
        }
    }
    out
}

fn varint(bytes: &mut &[u8]) -> Option<u64> {
    let mut value = 0u64;
    for shift in (0..64).step_by(7) {
        let (&byte, rest) = bytes.split_first()?;
        *bytes = rest;
        value |= u64::from(byte & 0x7f) << shift;
        if byte & 0x80 == 0 {
            return Some(value);
        }
    }
    None
}

fn take<'a>(bytes: &mut &'a [u8], length: usize) -> Option<&'a [u8]> {
    if bytes.len() < length {
        return None;
    }
    let (head, rest) = bytes.split_at(length);
    *bytes = rest;
    Some(head)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_an_anki_deck_config_blob() {
        // The start of a deck options blob Anki 26.9 wrote: learn_steps [1, 10] packed
        // (field 1), relearn_steps [10] (field 2), then new_per_day 20 (field 9, 0x48 0x14).
        let blob = [
            0x0a, 0x08, 0, 0, 0x80, 0x3f, 0, 0, 0x20, 0x41, 0x12, 0x04, 0, 0, 0x20, 0x41, 0x48,
            0x14,
        ];
        let fields = fields(&blob).unwrap();
        assert_eq!(floats(&fields, 1), vec![1.0, 10.0]);
        assert_eq!(floats(&fields, 2), vec![10.0]);
        assert_eq!(uint(&fields, 9), Some(20));
        assert_eq!(uint(&fields, 10), None);
    }

    #[test]
    fn a_truncated_message_is_refused() {
        assert_eq!(fields(&[0x0a, 0x08, 0, 0]), None);
        assert_eq!(fields(&[0x80]), None);
    }

    #[test]
    fn a_multi_byte_varint_is_read() {
        // Deck kind `0A 07 08 B8DC9FC7E031`: config id 1709546401336.
        let blob = [0x0a, 0x07, 0x08, 0xb8, 0xdc, 0x9f, 0xc7, 0xe0, 0x31];
        let outer = fields(&blob).unwrap();
        let inner = fields(bytes(&outer, 1).unwrap()).unwrap();
        assert_eq!(uint(&inner, 1), Some(1_709_546_401_336));
    }
}
