//! A side's pictures checked when it shows, whatever draws them.

use super::*;
use crate::app::Action;
use crate::deck::{DeckId, Source, parse_deck};
use crate::scheduler::{Scheduler, Settings};
use crate::store::History;
use crate::study::Study;

fn now() -> chrono::DateTime<chrono::FixedOffset> {
    chrono::DateTime::parse_from_rfc3339("2026-11-27T10:00:00+01:00").unwrap()
}

#[test]
fn with_pictures_off_a_sides_later_missing_picture_is_told() {
    let dir = tempfile::tempdir().unwrap();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/media/flag.png");
    std::fs::copy(fixture, dir.path().join("flag.png")).unwrap();
    let text = "[deck]\nname = \"P\"\n[[cards]]\nid = \"c0\"\n\
        front = \"Two ![flag](flag.png) ![gone](nothere.png)\"\nback = \"b\"\n";
    let deck = parse_deck(
        DeckId::new("p"),
        Source::File(dir.path().join("p.toml")),
        text,
    )
    .unwrap();
    let collection = Collection {
        decks: vec![deck],
        broken: Vec::new(),
    };
    let study = Study::new(
        collection,
        History::default(),
        Scheduler::new(Settings::default()).unwrap(),
        now(),
    );
    let mut app = App::new(study, dir.path().to_path_buf(), now());
    app.update(Action::Open, now());
    assert!(app.side_media().is_some(), "not reviewing");
    // No picker: `images = "off"`.
    let mut media = Media::new(&MediaSettings::default(), None, dir.path());
    media.check_side(&app);
    let (notices, _) = media.pictures.collect();
    assert_eq!(
        notices,
        [format!(
            "The picture `nothere.png` is not there ({})",
            dir.path().join("nothere.png").display()
        )]
    );
    // The same side again: nothing more.
    media.check_side(&app);
    assert!(media.pictures.collect().0.is_empty());
}
