//! Media through the app's keys: a side's sounds and speech asked for when it shows and on
//! the replay key, stopped when it goes; pictures opened; paths out of the decks folder
//! refused; the media keys only where a side has media.

use std::fmt::Write as _;

use super::*;
use crate::app::media::{Playback, Utterance};
use crate::app::practice::Setting;
use crate::store::Question;

/// A deck in `/decks/es/words.toml`, spoken in Spanish and answered in English: `c0` with a
/// picture and sounds on both sides, `c1` plain, `c2` with a picture outside the decks folder.
fn media_app() -> App {
    let text = "[deck]\nname = \"Words\"\ntts = \"es\"\ntts_back = \"en\"\n\
        [[cards]]\nid = \"c0\"\nfront = \"Hola ![a wave](img/wave.png) [sound:hola.mp3]\"\nback = \"Hello [sound:../en/hello.mp3]\"\n\
        [[cards]]\nid = \"c1\"\nfront = \"Perro\"\nback = \"Dog\"\n\
        [[cards]]\nid = \"c2\"\nfront = \"Fuera ![out](../../etc/x.png)\"\nback = \"Out\"\n";
    let mut app = app_of_file("es/words", text);
    app.media.speech = true;
    app
}

/// The app on the deck `id`, read from `text` as the file `/decks/{id}.toml`.
fn app_of_file(id: &str, text: &str) -> App {
    let file = PathBuf::from(format!("/decks/{id}.toml"));
    app_on(vec![
        parse_deck(DeckId::new(id), Source::File(file), text).unwrap(),
    ])
}

fn plays(effects: &[Effect]) -> Vec<&Playback> {
    effects
        .iter()
        .filter_map(|effect| match effect {
            Effect::Play(playback) => Some(playback),
            _ => None,
        })
        .collect()
}

fn spoken(language: &str, text: &str) -> Utterance {
    Utterance {
        language: language.to_owned(),
        text: text.to_owned(),
    }
}

fn current(app: &App) -> String {
    let Screen::Review(review) = &app.screen else {
        panic!("not reviewing")
    };
    review.session.current.as_ref().unwrap().card.to_string()
}

/// Reviews until `card` shows, answering Good to the others.
fn review_until(app: &mut App, card: &str) -> Vec<Effect> {
    let mut effects = app.update(Action::Open, now());
    for _ in 0..6 {
        if current(app) == card {
            return effects;
        }
        press(app, KeyCode::Char(' '), now());
        effects = press(app, KeyCode::Char('3'), now());
    }
    panic!("{card} never showed")
}

#[test]
fn a_side_plays_when_it_shows_and_the_answer_plays_its_own() {
    let mut app = media_app();
    let effects = review_until(&mut app, "es/words/c0");
    assert!(effects.contains(&Effect::StopAudio), "{effects:?}");
    assert_eq!(
        plays(&effects),
        [&Playback {
            speech: Some(spoken("es", "Hola")),
            sounds: vec![PathBuf::from("/decks/es/hola.mp3")],
            ..Playback::default()
        }]
    );
    let effects = press(&mut app, KeyCode::Char(' '), now());
    assert_eq!(effects.first(), Some(&Effect::StopAudio));
    // The answer shows under the question: its picture stays, its sound has played.
    let side = app.side_media().unwrap();
    assert_eq!(side.pictures.len(), 1);
    assert_eq!(side.playback.sounds, [PathBuf::from("/decks/en/hello.mp3")]);
    assert_eq!(
        plays(&effects),
        [&Playback {
            speech: Some(spoken("en", "Hello")),
            sounds: vec![PathBuf::from("/decks/en/hello.mp3")],
            ..Playback::default()
        }]
    );
    // The replay key plays the side again, from the start.
    let effects = press(&mut app, KeyCode::Char('r'), now());
    assert_eq!(effects[0], Effect::StopAudio);
    assert_eq!(plays(&effects).len(), 1);
    // Help over the card changes no side: nothing stops.
    assert!(press(&mut app, KeyCode::Char('?'), now()).is_empty());
    press(&mut app, KeyCode::Char('?'), now());
    // Leaving stops it.
    let effects = press(&mut app, KeyCode::Char('q'), now());
    assert!(effects.contains(&Effect::StopAudio), "{effects:?}");
    assert!(plays(&effects).is_empty());
}

#[test]
fn without_autoplay_only_the_key_plays_and_without_speech_nothing_is_spoken() {
    let mut app = media_app();
    app.media.autoplay = false;
    app.media.speech = false;
    let effects = review_until(&mut app, "es/words/c0");
    assert!(plays(&effects).is_empty());
    let effects = press(&mut app, KeyCode::Char('r'), now());
    assert_eq!(
        plays(&effects),
        [&Playback {
            speech: None,
            sounds: vec![PathBuf::from("/decks/es/hola.mp3")],
            replay: true,
        }]
    );
}

#[test]
fn the_open_key_opens_the_sides_pictures_and_shows_only_where_there_are_media() {
    let mut app = media_app();
    review_until(&mut app, "es/words/c0");
    assert_eq!(app.bindings().label_for(&Action::OpenImage), Some("o"));
    let effects = press(&mut app, KeyCode::Char('o'), now());
    assert_eq!(
        effects,
        [Effect::OpenImage(PathBuf::from("/decks/es/img/wave.png"))]
    );
    let side = app.side_media().unwrap();
    assert_eq!(side.pictures[0].alt, "a wave");
    // A plain card has no media keys: `o` and `r` do nothing there.
    let mut plain = media_app();
    plain.media.speech = false;
    review_until(&mut plain, "es/words/c1");
    assert_eq!(plain.bindings().label_for(&Action::OpenImage), None);
    assert!(press(&mut plain, KeyCode::Char('o'), now()).is_empty());
}

#[test]
fn a_picture_outside_the_decks_folder_is_refused_with_a_notice() {
    let mut app = media_app();
    app.media.speech = false;
    review_until(&mut app, "es/words/c2");
    let side = app.side_media().unwrap();
    assert!(side.pictures.is_empty());
    assert_eq!(side.refused, ["../../etc/x.png"]);
    let Screen::Review(review) = &app.screen else {
        panic!()
    };
    assert_eq!(
        review.session.notice,
        Some(Notice::Error(
            "`../../etc/x.png` is outside the decks folder /decks; keep media inside it."
                .to_owned()
        ))
    );
}

#[test]
fn flashcards_play_the_side_that_shows_in_its_language() {
    let mut app = media_app();
    app.open_options(PracticeMode::Flashcards, vec![0], "Words".into());
    app.update(Action::Start, now());
    // Go to c0, wherever the order put it.
    for _ in 0..3 {
        if app
            .side_media()
            .is_some_and(|side| &*side.card == "es/words/c0")
        {
            break;
        }
        press(&mut app, KeyCode::Right, now());
    }
    let side = app.side_media().unwrap();
    assert_eq!(&*side.card, "es/words/c0");
    assert_eq!(side.playback.speech, Some(spoken("es", "Hola")));
    let effects = press(&mut app, KeyCode::Char(' '), now());
    assert_eq!(
        plays(&effects),
        [&Playback {
            speech: Some(spoken("en", "Hello")),
            sounds: vec![PathBuf::from("/decks/en/hello.mp3")],
            ..Playback::default()
        }]
    );
    assert_eq!(app.bindings().label_for(&Action::Replay), Some("r"));
}

#[test]
fn speech_reads_the_side_as_rendered_not_its_markdown() {
    let text = "[deck]\nname = \"Marks\"\ntts = \"es\"\n\
        [[cards]]\nid = \"c0\"\nfront = \"con **negrita** y ![p](media/pic.png) [sound:media/x.mp3]\"\nback = \"$\\\\alpha$ y `b`\"\n";
    let mut app = app_of_file("marks", text);
    app.media.speech = true;
    let effects = review_until(&mut app, "marks/c0");
    assert_eq!(
        plays(&effects),
        [&Playback {
            speech: Some(spoken("es", "con negrita y")),
            sounds: vec![PathBuf::from("/decks/media/x.mp3")],
            ..Playback::default()
        }]
    );
    let effects = press(&mut app, KeyCode::Char(' '), now());
    assert_eq!(plays(&effects)[0].speech, Some(spoken("es", "α y b")));
}

/// A deck of two cards: `one/p` with only a picture, `one/s` with only a sound.
fn one_kind_app() -> App {
    let text = "[deck]\nname = \"One\"\n\
        [[cards]]\nid = \"p\"\nfront = \"Pic ![a](a.png)\"\nback = \"b\"\n\
        [[cards]]\nid = \"s\"\nfront = \"Snd [sound:a.mp3]\"\nback = \"b\"\n";
    app_of_file("one", text)
}

#[test]
fn a_side_with_one_kind_of_media_offers_only_its_key() {
    let footer = |app: &App| crate::ui::tests::line(&crate::ui::tests::draw(app, 80, 24), 23);
    let mut app = one_kind_app();
    review_until(&mut app, "one/p");
    assert_eq!(app.bindings().label_for(&Action::OpenImage), Some("o"));
    assert_eq!(app.bindings().label_for(&Action::Replay), None);
    let shown = footer(&app);
    assert!(shown.contains("o open picture"), "{shown}");
    assert!(!shown.contains("replay"), "{shown}");
    let mut app = one_kind_app();
    review_until(&mut app, "one/s");
    assert_eq!(app.bindings().label_for(&Action::OpenImage), None);
    assert_eq!(app.bindings().label_for(&Action::Replay), Some("r"));
    let shown = footer(&app);
    assert!(shown.contains("r replay sound"), "{shown}");
    assert!(!shown.contains("open picture"), "{shown}");
}

#[test]
fn speech_reads_the_cards_words_not_the_marks_drawn_around_them() {
    // A quote, a table, a rule and a list: drawn with a bar, dots, a line and bullets.
    let text = "[deck]\nname = \"Marks\"\ntts = \"en\"\n\
        [[cards]]\nid = \"c0\"\nfront = \"> quoted\\n\\n| a | b |\\n|---|---|\\n| c | d |\\n\\n---\\n\\n- one\\n- two\\n\\n1. three\"\nback = \"x\"\n";
    let mut app = app_of_file("marks", text);
    app.media.speech = true;
    let effects = review_until(&mut app, "marks/c0");
    assert_eq!(
        plays(&effects)[0].speech,
        Some(spoken("en", "quoted a b c d one two three"))
    );
}

#[test]
fn a_cloze_cards_back_speaks_the_whole_sentence_then_the_extra() {
    let text = "[deck]\nname = \"Capitals\"\ntts = \"en\"\n\
        [[cards]]\nid = \"cap\"\ncloze = \"The capital of {{c1::France}} is **{{c2::Paris}}**.\"\nextra = \"Since 508.\"\n";
    let mut app = app_of_file("capitals", text);
    app.media.speech = true;
    let effects = review_until(&mut app, "capitals/cap~c1");
    assert_eq!(
        plays(&effects)[0].speech,
        Some(spoken("en", "The capital of […] is Paris."))
    );
    // As Anki speaks a cloze card's back: the text with its deletions filled in, then the
    // extra.
    let effects = press(&mut app, KeyCode::Char(' '), now());
    assert_eq!(
        plays(&effects)[0].speech,
        Some(spoken("en", "The capital of France is Paris. Since 508."))
    );
}

/// Four cards with a hint, each side with a sound: `sounds/c0`.. `c3`.
fn sounding_app() -> App {
    let mut text = String::from("[deck]\nname = \"Sounds\"\n");
    for i in 0..4 {
        let _ = write!(
            text,
            "[[cards]]\nid = \"c{i}\"\nfront = \"w{i} [sound:f{i}.mp3]\"\nback = \"m{i} [sound:b{i}.mp3]\"\nhint = \"h{i}\"\n"
        );
    }
    app_of_file("sounds", &text)
}

fn sound(name: &str) -> PathBuf {
    PathBuf::from(format!("/decks/{name}.mp3"))
}

#[test]
fn the_replay_key_works_wherever_a_sound_shows_and_keeps_the_tables_own_keys() {
    let mut app = sounding_app();
    app.media.autoplay = false;
    review_until(&mut app, "sounds/c0");
    // A card with a hint: its question's table gains `r`, and keeps `h` and `t`.
    let bindings = app.bindings();
    assert_eq!(bindings.label_for(&Action::Replay), Some("r"));
    assert_eq!(bindings.label_for(&Action::ShowHint), Some("h"));
    assert_eq!(bindings.label_for(&Action::ToggleTyping), Some("t"));
    let replayed =
        |effects: &[Effect]| plays(effects).first().map(|p| (p.sounds.clone(), p.replay));
    let effects = press(&mut app, KeyCode::Char('r'), now());
    assert_eq!(replayed(&effects), Some((vec![sound("f0")], true)));
    // On the answer, the question's sound shows above it: `r` plays it, then the answer's.
    press(&mut app, KeyCode::Char(' '), now());
    let effects = press(&mut app, KeyCode::Char('r'), now());
    assert_eq!(
        replayed(&effects),
        Some((vec![sound("f0"), sound("b0")], true))
    );
    // With the answer field left (Esc), `r` replays too; while typing, it types.
    let mut app = sounding_app();
    app.media.autoplay = false;
    review_until(&mut app, "sounds/c0");
    press(&mut app, KeyCode::Char('t'), now());
    assert!(app.typing());
    assert!(plays(&press(&mut app, KeyCode::Char('r'), now())).is_empty());
    press(&mut app, KeyCode::Esc, now());
    let effects = press(&mut app, KeyCode::Char('r'), now());
    assert_eq!(replayed(&effects), Some((vec![sound("f0")], true)));
}

#[test]
fn learn_and_the_test_play_their_questions_sounds() {
    for mode in [PracticeMode::Learn, PracticeMode::Test] {
        let mut app = sounding_app();
        app.open_options(mode, vec![0], "Sounds".into());
        // Multiple choice only: the other kinds type, or show a claim.
        for kind in [Question::Written, Question::TrueFalse, Question::Matching] {
            app.update(Action::Setting(Setting::Kind(kind)), now());
        }
        let effects = app.update(Action::Start, now());
        // The question is a card's front or back, each with its own sound.
        let side = app.side_media().unwrap();
        assert_eq!(plays(&effects), [&side.playback], "{mode:?}");
        assert_eq!(side.playback.sounds.len(), 1, "{mode:?}");
        let effects = press(&mut app, KeyCode::Char('r'), now());
        assert_eq!(
            plays(&effects),
            [&Playback {
                replay: true,
                ..side.playback.clone()
            }],
            "{mode:?}"
        );
    }
}

#[test]
fn a_card_notice_says_each_problem_once_the_newest_first() {
    let mut app = media_app();
    review_until(&mut app, "es/words/c0");
    // The question's problems, as the runtime tells them: a picture, then a sound.
    app.update(Action::Notice("Picture A is bad".to_owned()), now());
    app.update(Action::Notice("Sound B is bad.".to_owned()), now());
    press(&mut app, KeyCode::Char(' '), now());
    // On the answer the question's pictures are checked again with the answer's own.
    app.update(
        Action::Notice("Picture A is bad. Picture C is bad.".to_owned()),
        now(),
    );
    let Screen::Review(review) = &app.screen else {
        panic!("not reviewing")
    };
    assert_eq!(
        review.session.notice,
        Some(Notice::Error(
            "Picture C is bad. Sound B is bad. Picture A is bad.".to_owned()
        ))
    );
}

#[test]
fn without_a_player_a_side_of_sounds_offers_no_replay_key() {
    let footer = |app: &App| crate::ui::tests::line(&crate::ui::tests::draw(app, 80, 24), 23);
    let mut app = one_kind_app();
    app.media.player = false;
    review_until(&mut app, "one/s");
    let shown = footer(&app);
    assert!(!shown.contains("replay"), "{shown}");
    // The key still tells how to set a player.
    press(&mut app, KeyCode::Char('r'), now());
    assert!(
        app.bindings()
            .iter()
            .any(|b| b.action == Action::Replay && !b.in_footer)
    );
    // Speech needs no player: a spoken side keeps the key.
    let mut app = media_app();
    app.media.player = false;
    review_until(&mut app, "es/words/c1");
    assert_eq!(app.bindings().label_for(&Action::Replay), Some("r"));
}
