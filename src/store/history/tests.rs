use super::*;

/// A million of them are in memory at a full replay: 8 bytes more each is 8 MB, and more
/// with the vectors' spare room (the memory target is 150 MB).
#[test]
fn an_event_in_memory_stays_at_40_bytes() {
    assert_eq!(std::mem::size_of::<Entry>(), 40);
}
