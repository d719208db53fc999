use chrono::{DateTime, Duration, FixedOffset};

use super::*;
use crate::scheduler::Rating;
use crate::study::tests::review;

fn time(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap()
}

/// Every event in the log, owned, and the unreadable lines.
fn read_all(store: &Store) -> (Vec<Event<'static>>, Vec<LineProblem>) {
    let mut events = Vec::new();
    let problems = store
        .read_events(|batch| events.extend(batch.into_events().map(Event::into_owned)))
        .unwrap();
    (events, problems)
}

#[test]
fn appended_events_load_back() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path(), "laptop");
    assert!(
        read_all(&store).0.is_empty(),
        "a missing folder is an empty log"
    );
    let t0 = time("2026-11-27T10:00:00+01:00");
    let written = [
        review("a", "d/1", Rating::Good, t0),
        review("b", "d/2", Rating::Again, t0 + Duration::seconds(5)),
        NewEvent {
            id: "c".into(),
            time: t0 + Duration::seconds(9),
            card: Some("d/2".into()),
            deck: None,
            kind: NewKind::Bury,
        },
    ];
    for event in &written {
        store.append(event).unwrap();
    }
    assert_eq!(store.device_file(), dir.path().join("reviews/laptop.jsonl"));
    let (events, problems) = read_all(&store);
    assert!(problems.is_empty(), "{problems:?}");
    let expected: Vec<_> = written.iter().map(NewEvent::to_event).collect();
    assert_eq!(events, expected);
    let text = std::fs::read_to_string(store.device_file()).unwrap();
    assert_eq!(text.lines().count(), 3);
}

#[test]
fn a_torn_last_line_is_reported_kept_and_not_joined_to_the_next() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path(), "pc");
    let t0 = time("2026-11-27T10:00:00Z");
    store.append(&review("a", "d/1", Rating::Good, t0)).unwrap();
    // A crash in the middle of a write leaves half a line with no newline.
    let mut file = OpenOptions::new()
        .append(true)
        .open(store.device_file())
        .unwrap();
    file.write_all(b"{\"id\":\"b\",\"time\":\"2026-11-27T10:0")
        .unwrap();
    drop(file);

    let (events, problems) = read_all(&store);
    assert_eq!(events.len(), 1);
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].line, 2);
    assert!(
        problems[0]
            .to_string()
            .starts_with(&format!("{}:2: ", store.device_file().display()))
    );

    store
        .append(&review(
            "c",
            "d/1",
            Rating::Easy,
            t0 + Duration::minutes(10),
        ))
        .unwrap();
    let (events, problems) = read_all(&store);
    assert_eq!(events.len(), 2, "the event after the torn line is readable");
    assert_eq!(
        problems.len(),
        1,
        "the fragment is still there, still reported"
    );
    let text = std::fs::read_to_string(store.device_file()).unwrap();
    assert!(
        text.contains("\n{\"id\":\"b\",\"time\":\"2026-11-27T10:0\n{\"id\":\"c\""),
        "{text}"
    );
}

#[test]
fn foreign_and_garbage_lines_across_files() {
    let dir = tempfile::tempdir().unwrap();
    let reviews = dir.path().join("reviews");
    std::fs::create_dir_all(&reviews).unwrap();
    // Another program's lines: no id, no kind, other fields; then junk and a blank line.
    std::fs::write(
        reviews.join("phone.jsonl"),
        concat!(
            "{\"card\":\"d/1\",\"time\":\"2026-11-20T08:00:00-05:00\",\"rating\":3,\"app\":\"other\"}\n",
            "\n",
            "not json at all\n",
            "{\"card\":\"d/1\",\"time\":\"2026-11-21T08:00:00-05:00\",\"rating\":9}\n",
        ),
    )
    .unwrap();
    std::fs::write(reviews.join("tablet.jsonl"), b"\xff\xfe\n").unwrap();
    std::fs::write(reviews.join("notes.txt"), "not a log").unwrap();
    let (events, problems) = read_all(&Store::new(dir.path(), "pc"));
    assert_eq!(events.len(), 1);
    let positions: Vec<_> = problems
        .iter()
        .map(|p| {
            (
                p.path.file_name().unwrap().to_string_lossy().into_owned(),
                p.line,
            )
        })
        .collect();
    assert_eq!(
        positions,
        [
            ("phone.jsonl".to_owned(), 3),
            ("phone.jsonl".to_owned(), 4),
            ("tablet.jsonl".to_owned(), 1)
        ]
    );
    assert_eq!(problems[2].message, "not UTF-8");
    // Reading never changes a file.
    assert_eq!(
        std::fs::read(reviews.join("tablet.jsonl")).unwrap(),
        b"\xff\xfe\n"
    );
}

/// A byte order mark at the start of a file (a Windows editor's) is not part of its first
/// line; anywhere else it is an unreadable line (a fresh tester found the first line lost).
#[test]
fn a_byte_order_mark_starting_a_file_is_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let reviews = dir.path().join("reviews");
    std::fs::create_dir_all(&reviews).unwrap();
    let t0 = time("2026-11-27T10:00:00+01:00");
    let first = review("a", "d/1", Rating::Good, t0).to_line();
    let second = review("b", "d/1", Rating::Good, t0 + Duration::days(1)).to_line();
    // A foreign line (no id, another field order) after the mark takes the general path.
    let foreign = "{\"card\":\"d/2\",\"time\":\"2026-11-20T08:00:00Z\",\"rating\":3}\n";
    std::fs::write(
        reviews.join("windows.jsonl"),
        format!("\u{feff}{first}\u{feff}{second}"),
    )
    .unwrap();
    std::fs::write(reviews.join("notepad.jsonl"), format!("\u{feff}{foreign}")).unwrap();
    let (events, problems) = read_all(&Store::new(dir.path(), "pc"));
    let keys: Vec<u64> = events.iter().map(|event| event.key).collect();
    assert_eq!(events.len(), 2, "{problems:?}");
    assert!(keys.contains(&event::key_of("a")));
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].line, 2);
    assert!(problems[0].path.ends_with("windows.jsonl"));
}

#[test]
fn device_names_become_safe_file_names() {
    assert_eq!(file_safe("my-laptop.local"), "my-laptop.local");
    assert_eq!(file_safe("../etc/passwd"), ".._etc_passwd");
    assert_eq!(file_safe("Jürgen's Mac"), "J_rgen_s_Mac");
    assert_eq!(file_safe(""), "device");
    assert_eq!(file_safe(".."), "device");
}

#[test]
fn lines_across_chunk_boundaries_are_read_whole_and_numbered() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path(), "big");
    std::fs::create_dir_all(store.dir()).unwrap();
    // Over two chunks of lines of varied length, so boundaries fall inside lines.
    let t0 = time("2026-11-27T10:00:00Z");
    let mut text = String::new();
    let mut count = 0;
    while text.len() < 2 * CHUNK + 1000 {
        let card = format!("deck/{}", "x".repeat(count % 97));
        text.push_str(&review(&format!("e{count}"), &card, Rating::Good, t0).to_line());
        count += 1;
    }
    text.push_str("garbage after the boundaries\n");
    std::fs::write(store.device_file(), &text).unwrap();
    let (events, problems) = read_all(&store);
    assert_eq!(events.len(), count);
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].line, count + 1);
    let (history, _) = store.history().unwrap();
    assert_eq!(history.event_count(), count);
}

/// A line longer than a chunk (a corrupt or foreign one) is one line, reported with its number,
/// and the lines around it are read; a torn last line is reported too.
#[test]
fn a_line_longer_than_a_chunk_is_one_problem() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path(), "big");
    std::fs::create_dir_all(store.dir()).unwrap();
    let t0 = time("2026-11-27T10:00:00Z");
    let mut text = review("before", "deck/a", Rating::Good, t0).to_line();
    text.push_str(&"x".repeat(CHUNK * 2 + 17));
    text.push('\n');
    text.push_str(&review("after", "deck/a", Rating::Easy, t0).to_line());
    let torn = review("torn", "deck/a", Rating::Hard, t0).to_line();
    text.push_str(&torn[..torn.len() / 2]);
    std::fs::write(store.device_file(), &text).unwrap();
    let (events, problems) = read_all(&store);
    assert_eq!(events.len(), 2);
    let lines: Vec<usize> = problems.iter().map(|problem| problem.line).collect();
    assert_eq!(lines, [2, 4]);
}
