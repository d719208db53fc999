//! A side's pictures checked when it shows, whatever draws them.

use super::*;
use crate::app::Action;
use crate::deck::{DeckId, Source, parse_deck};

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
    let mut app = crate::app::tests::app_on(vec![deck]);
    app.decks_dir = dir.path().to_path_buf();
    app.update(Action::Open, app.now);
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
