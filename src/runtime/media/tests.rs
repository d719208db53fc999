//! A side's pictures checked when it shows, whatever draws them.

use std::fmt::Write as _;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::*;
use crate::app::practice::Setting;
use crate::app::{Action, PracticeMode};
use crate::deck::{DeckId, Source, parse_deck};
use crate::store::Question;

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

/// The runtime's part after an action: the app's media effects performed, and what they tell
/// fed back to the app, as the run loop does.
fn perform(app: &mut App, media: &mut Media, effects: &[Effect]) {
    let mut pending: Vec<Action> = effects.iter().filter_map(|e| media.perform(e)).collect();
    while let Some(action) = pending.pop() {
        let effects = app.update(action, app.now);
        pending.extend(effects.iter().filter_map(|e| media.perform(e)));
    }
}

/// `code` pressed as the run loop takes it: the key's action, its effects performed.
fn press(app: &mut App, media: &mut Media, code: KeyCode) {
    let key = KeyEvent::new(code, KeyModifiers::NONE);
    let action = app.action_for(key).expect("the key does something here");
    let effects = app.update(action, app.now);
    perform(app, media, &effects);
}

/// A frame drawn as the run loop draws one: the side's pictures checked first, what that
/// finds told; the screen's text, a row a line.
fn frame(app: &mut App, media: &mut Media) -> String {
    media.check_side(app);
    if let (Some(notice), _) = media.collect_pictures() {
        let effects = app.update(notice, app.now);
        perform(app, media, &effects);
    }
    let buf = crate::ui::tests::draw(app, 80, 24);
    (0..24)
        .map(|y| crate::ui::tests::line(&buf, y))
        .collect::<Vec<_>>()
        .join("\n")
}

/// An app on `text`, the deck `w.toml` in a decks folder in `dir` holding `files` (empty),
/// with media that find no sound player.
fn media_app(dir: &Path, text: &str, files: &[&str]) -> (App, Media) {
    for file in files {
        std::fs::write(dir.join(file), b"").unwrap();
    }
    let deck = parse_deck(DeckId::new("w"), Source::File(dir.join("w.toml")), text).unwrap();
    let mut app = crate::app::tests::app_on(vec![deck]);
    app.decks_dir = dir.to_path_buf();
    let mut media = Media::new(&MediaSettings::default(), None, dir);
    let nowhere = std::ffi::OsString::from(dir.join("no-players"));
    media.audio = Audio::new(&MediaSettings::default(), Some(&nowhere));
    (app, media)
}

/// Four cards with a hint, each side with a sound.
fn sounding(dir: &Path) -> (App, Media) {
    let mut text = String::from("[deck]\nname = \"W\"\n");
    for i in 0..4 {
        let _ = write!(
            text,
            "[[cards]]\nid = \"c{i}\"\nfront = \"w{i} [sound:f.mp3]\"\nback = \"m{i} [sound:b.mp3]\"\nhint = \"h\"\n"
        );
    }
    media_app(dir, &text, &["f.mp3", "b.mp3"])
}

/// Opens a mode on the app's deck.
type OpenMode = fn(&mut App);

const HOW: &str = "`audio_player` in config.toml";

#[test]
fn with_no_player_the_replay_key_says_how_to_set_one_in_every_mode_showing_a_sound() {
    let dir = tempfile::tempdir().unwrap();
    let open: [(&str, OpenMode); 4] = [
        ("review", |app| drop(app.update(Action::Open, app.now))),
        ("flashcards", |app| start(app, PracticeMode::Flashcards)),
        ("learn", |app| start(app, PracticeMode::Learn)),
        ("test", |app| start(app, PracticeMode::Test)),
    ];
    for (mode, open) in open {
        let (mut app, mut media) = sounding(dir.path());
        // Nothing plays when a side shows: only the key tells.
        app.media.autoplay = false;
        open(&mut app);
        let shown = frame(&mut app, &mut media);
        assert!(shown.contains("[sound: "), "{mode}:\n{shown}");
        assert!(!shown.contains(HOW), "{mode}:\n{shown}");
        press(&mut app, &mut media, KeyCode::Char('r'));
        let shown = frame(&mut app, &mut media);
        assert!(shown.contains(HOW), "{mode}:\n{shown}");
    }
}

/// Opens `mode` on the deck, multiple choice only where it asks questions.
fn start(app: &mut App, mode: PracticeMode) {
    app.open_options(mode, vec![0], "W".into());
    if mode != PracticeMode::Flashcards {
        for kind in [Question::Written, Question::TrueFalse, Question::Matching] {
            app.update(Action::Setting(Setting::Kind(kind)), app.now);
        }
    }
    app.update(Action::Start, app.now);
}

#[test]
fn a_pictures_notice_goes_with_its_card_and_two_read_as_sentences() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("bad.png"), b"not a picture").unwrap();
    let text = "[deck]\nname = \"W\"\n\
        [[cards]]\nid = \"a\"\nfront = \"Pics ![x](bad.png) ![y](gone.png)\"\nback = \"b\"\n\
        [[cards]]\nid = \"p\"\nfront = \"Plain\"\nback = \"b\"\n";
    let (mut app, mut media) = media_app(dir.path(), text, &[]);
    start(&mut app, PracticeMode::Flashcards);
    // Go to the card with pictures, wherever the shuffle put it.
    if app.side_media().is_some_and(|side| &*side.card != "w/a") {
        press(&mut app, &mut media, KeyCode::Right);
    }
    let shown = frame(&mut app, &mut media);
    let notice = app.notice.clone().unwrap_or_default();
    // Each message a sentence, after the other: never "….; …".
    assert!(
        notice.starts_with("Cannot read the picture `bad.png`: "),
        "{notice}"
    );
    assert!(
        notice.ends_with(&format!(
            ". The picture `gone.png` is not there ({}).",
            dir.path().join("gone.png").display()
        )),
        "{notice}"
    );
    assert!(!notice.contains(".;"), "{notice}");
    assert!(shown.contains("Cannot read the picture"), "{shown}");
    // Another card: the notice goes. Back again: it is told again.
    let card = |app: &App| app.side_media().map(|side| side.card.to_string());
    let (mut away, mut back) = (KeyCode::Left, KeyCode::Right);
    press(&mut app, &mut media, away);
    if card(&app).as_deref() == Some("w/a") {
        (away, back) = (back, away);
        press(&mut app, &mut media, away);
    }
    assert_eq!(card(&app).as_deref(), Some("w/p"));
    let shown = frame(&mut app, &mut media);
    assert_eq!(app.notice, None);
    assert!(!shown.contains("picture"), "{shown}");
    press(&mut app, &mut media, back);
    frame(&mut app, &mut media);
    assert_eq!(app.notice, Some(notice));
}
