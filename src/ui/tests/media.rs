//! A card with a picture and a sound: the text fallback in the card, the place left for the
//! picture under it (reported as the click that opens it), and the media keys in the footer.

use super::*;

fn pictured(front: &str) -> App {
    let text =
        format!("[deck]\nname = \"Flags\"\n[[cards]]\nfront = \"{front}\"\nback = \"Nobody's\"\n");
    let deck = crate::deck::parse_deck(
        DeckId::new("flags"),
        crate::deck::Source::File(PathBuf::from("/home/u/decks/flags.toml")),
        &text,
    )
    .unwrap();
    let mut collection = Collection::default();
    collection.decks.push(deck);
    let mut app = app_with(collection);
    app.start_review(vec![0], "Flags".to_owned());
    app.media.pictures = true;
    app
}

fn drawn(app: &App, width: u16, height: u16) -> (Buffer, Clicks) {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    let mut clicks = Clicks::default();
    terminal
        .draw(|frame| clicks = super::super::draw(frame, app, &Theme::default()))
        .unwrap();
    (terminal.backend().buffer().clone(), clicks)
}

#[test]
fn the_picture_goes_under_the_text_and_the_card_says_what_it_is() {
    let app = pictured("Whose? ![a flag](media/flag.png) [sound:anthem.ogg]");
    let (buf, clicks) = drawn(&app, 60, 20);
    let screen = flat(&buf);
    assert!(
        screen.contains("Whose? [image: a flag] (flag.png) [sound: anthem.ogg]"),
        "{screen}"
    );
    // The header, the body's top border, a blank line and the text: the picture from the
    // row after the blank one under the text, down to the body's bottom border.
    let area = clicks.picture_area().expect("a place for the picture");
    let text_row = (0..20).find(|&y| line(&buf, y).contains("Whose?")).unwrap();
    assert_eq!(area.y, text_row + 2);
    let bottom = (area.y..20)
        .find(|&y| line(&buf, y).trim_start().starts_with('─'))
        .unwrap();
    assert_eq!(area.bottom(), bottom);
    // Inside the card's column, and blank: nothing of the screen is under it.
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            assert_eq!(buf[(x, y)].symbol(), " ", "cell {x},{y}");
        }
    }
    // The footer names both media keys.
    let footer = line(&buf, 19);
    assert!(footer.contains("o open picture"), "{footer}");
    assert!(footer.contains("r replay sound"), "{footer}");
}

#[test]
fn no_place_without_a_picture_room_or_pictures_or_under_help() {
    let (_, clicks) = drawn(&pictured("Plain [sound:anthem.ogg]"), 60, 20);
    assert_eq!(clicks.picture_area(), None);
    let long = format!("{} ![a flag](flag.png)", "word ".repeat(120));
    let (_, clicks) = drawn(&pictured(&long), 60, 20);
    assert_eq!(clicks.picture_area(), None);
    // A terminal that draws no pictures: the card keeps its layout.
    let mut text_only = pictured("Whose? ![a flag](flag.png)");
    text_only.media.pictures = false;
    assert_eq!(drawn(&text_only, 60, 20).1.picture_area(), None);
    let mut help = pictured("Whose? ![a flag](flag.png)");
    help.update(Action::Help, help.now);
    let (_, clicks) = drawn(&help, 60, 20);
    assert_eq!(clicks.picture_area(), None);
}
