//! Notices on every screen: in rows of their own between the body and the footer, as many as
//! the message takes, never over the body's rules or the footer, and whole.

use super::every_size::{press, screens};
use super::*;

#[test]
fn a_long_notice_shows_whole_on_every_screen() {
    let message = "3 unreadable line(s) in the review log (first: /home/someone/.local/share/flashdeck/reviews/laptop.jsonl:3: EOF while parsing a string at line 1 column 8); run `flashdeck check`";
    // Help and the picker stay over everything, a notice included.
    let overlay = |name: &str| name.ends_with("help") || name.ends_with("picker");
    for (name, keys, _) in screens().into_iter().filter(|(n, ..)| !overlay(n)) {
        let mut app = sample();
        press(&mut app, &keys);
        // As a failed write tells it: on the review screens, the session's notice.
        let now = app.now;
        app.update(Action::WriteFailed(message.to_owned()), now);
        let review = matches!(app.screen, Screen::Review(_));
        for (width, height) in [(80, 24), (40, 12)] {
            let screen = flat(&draw(&app, width, height));
            if review && height == 12 {
                // Beside a card on a small screen: two rows, cut with "…", so that the card
                // keeps its question's rows.
                assert!(
                    screen.contains("Not saved: 3 unreadable line(s)") && screen.contains("… "),
                    "{name} at {width}×{height}: {screen}"
                );
                continue;
            }
            // Wrapped at spaces: the words follow each other, the end included.
            assert!(
                screen.contains("laptop.jsonl:3: EOF") && screen.contains("run `flashdeck check`"),
                "{name} at {width}×{height}: {screen}"
            );
        }
    }
}

#[test]
fn beside_a_card_on_a_small_screen_a_notice_leaves_the_question_its_rows() {
    let message = "The picture `gone1.png` is not there (/home/someone/decks/media/gone1.png). \
                   The sound `gone2.mp3` is not there (/home/someone/decks/media/gone2.mp3).";
    let mut app = sample();
    app.update(Action::Open, app.now);
    let now = app.now;
    app.update(Action::Notice(message.to_owned()), now);
    let buf = draw(&app, 40, 12);
    let rows: Vec<String> = (0..12).map(|y| line(&buf, y)).collect();
    // Two rows under the body's rule, the second cut; the card keeps its rows above.
    assert!(
        rows[8].starts_with("The picture `gone1.png`"),
        "{}",
        rows.join("\n")
    );
    assert!(rows[9].trim_end().ends_with('…'), "{}", rows.join("\n"));
    assert!(
        rows.iter()
            .any(|row| row.contains("Key Account Management")),
        "{}",
        rows.join("\n")
    );
}

#[test]
fn a_notice_takes_rows_of_its_own_under_the_bodys_rule() {
    // Two rows at 80 columns, four at 40.
    let message = "The picture `diagram.png` is not there (/home/someone/decks/media/diagram.png). \
                   The sound `hola.mp3` is not there either.";
    // Help and the picker stay over everything; home lays out its own list and details.
    let skipped =
        |name: &str| name.ends_with("help") || name.ends_with("picker") || name.starts_with("home");
    for (name, keys, _) in screens().into_iter().filter(|(n, ..)| !skipped(n)) {
        let mut app = sample();
        press(&mut app, &keys);
        let now = app.now;
        app.update(Action::Notice(message.to_owned()), now);
        // A notice about media goes with the card; elsewhere it is the screen's.
        if app.media.shown.is_none() {
            app.update(Action::WriteFailed(message.to_owned()), now);
        }
        let review = matches!(app.screen, Screen::Review(_));
        for (width, height) in [(80, 24), (40, 12)] {
            let buf = draw(&app, width, height);
            let rows: Vec<String> = (0..height).map(|y| line(&buf, y)).collect();
            // Beside a card on a small screen the notice is cut at its second row.
            let end = if review && height == 12 {
                "…"
            } else {
                "either."
            };
            let first = rows
                .iter()
                .position(|row| {
                    row.contains("The picture `diagram.png`") || row.contains("Not saved: The")
                })
                .unwrap_or_else(|| panic!("{name} at {width}×{height}:\n{}", rows.join("\n")));
            // Above it, the body's bottom rule, whole.
            assert!(
                rows[first - 1].chars().all(|c| c == '─'),
                "{name} at {width}×{height}:\n{}",
                rows.join("\n")
            );
            let last = rows
                .iter()
                .rposition(|row| row.contains(end))
                .unwrap_or_else(|| panic!("{name} at {width}×{height}:\n{}", rows.join("\n")));
            // Below it, the rest of the screen: the footer's keys, review's buttons.
            assert!(last < usize::from(height) - 1, "{name} at {width}×{height}");
        }
    }
}
