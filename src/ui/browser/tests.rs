//! The browser drawn into buffers: what each size shows.

use std::path::PathBuf;

use ratatui::Terminal;
use ratatui::backend::TestBackend;

use crate::app::{Action, App, BrowserOverlay, Screen};
use crate::deck::{Collection, DeckId, Source, parse_deck};
use crate::scheduler::{Rating, Scheduler, Settings};
use crate::store::{History, NewEvent, NewKind};
use crate::study::Study;
use crate::ui::Theme;

fn now() -> chrono::DateTime<chrono::FixedOffset> {
    chrono::DateTime::parse_from_rfc3339("2026-11-27T10:00:00+01:00").unwrap()
}

/// A deck file of three cards; `lang/c0` answered Good once a day ago.
fn browsing() -> App {
    browsing_deck(
        "[deck]\nname = \"Lang\"\n\n[[cards]]\nid = \"c0\"\nfront = \"el gato\"\nback = \"the cat\"\ntags = [\"animals\"]\n\n[[cards]]\nid = \"c1\"\nfront = \"el perro\"\nback = \"the dog\"\n\n[[cards]]\nid = \"c2\"\nfront = \"la casa\"\nback = \"the house\"\n",
    )
}

/// The browser on the deck file `/decks/lang.toml` of `text`; `lang/c0` answered Good once a
/// day ago.
fn browsing_deck(text: &str) -> App {
    let deck = parse_deck(
        DeckId::new("lang"),
        Source::File(PathBuf::from("/decks/lang.toml")),
        text,
    )
    .unwrap();
    let answered = NewEvent::for_card(
        "lang/c0",
        now() - chrono::Duration::days(1),
        NewKind::answer(
            Rating::Good,
            Some(4000),
            crate::practice::Mode::Review,
            None,
        ),
    );
    let history = History::from_events(vec![answered.to_event()]);
    let collection = Collection {
        decks: vec![deck],
        broken: Vec::new(),
    };
    let study = Study::new(
        collection,
        history,
        Scheduler::new(Settings::default()).unwrap(),
        now(),
    );
    let mut app = App::new(study, PathBuf::from("/decks"), now());
    app.update(Action::Browse, now());
    app
}

fn screen(app: &App, width: u16, height: u16) -> Vec<String> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|frame| {
            crate::ui::draw(frame, app, &Theme::default());
        })
        .unwrap();
    let buf = terminal.backend().buffer().clone();
    (0..height)
        .map(|y| (0..width).map(|x| buf[(x, y)].symbol()).collect())
        .collect()
}

fn find<'a>(lines: &'a [String], text: &str) -> &'a str {
    lines
        .iter()
        .find(|line| line.contains(text))
        .unwrap_or_else(|| panic!("no line with {text:?} in:\n{}", lines.join("\n")))
}

#[test]
fn at_80_by_24_the_table_the_details_below_and_the_footer_show() {
    let app = browsing();
    let lines = screen(&app, 80, 24);
    assert!(lines[0].starts_with("Browse cards"), "{}", lines[0]);
    assert!(
        lines[0].contains("3 of 3 cards · file order"),
        "{}",
        lines[0]
    );
    assert!(lines[2].starts_with("Search: deck:lang"), "{}", lines[2]);
    let heading = find(&lines, "front");
    for column in ["due", "state", "R", "ivl", "deck", "S", "D"] {
        assert!(heading.contains(column), "{column} in {heading}");
    }
    // Answered Good a day ago as a new card: a learning step or a first interval, not new.
    let answered = find(&lines, "el gato");
    assert!(!answered.contains(" new "), "{answered}");
    assert!(find(&lines, "el perro").contains(" new "));
    // The selected card's details, below the table.
    assert!(find(&lines, "Back    the cat").starts_with("Back"));
    assert!(find(&lines, "File    /decks/lang.toml:4").starts_with("File"));
    assert!(find(&lines, "Tags    animals").starts_with("Tags"));
    let footer = &lines[23];
    for hint in [
        "/ search",
        "Enter details",
        "Space mark",
        "s suspend",
        "u undo",
        "q back",
    ] {
        assert!(footer.contains(hint), "{hint} in {footer}");
    }
}

#[test]
fn at_160_by_48_the_details_stand_beside_the_table_with_the_history() {
    let app = browsing();
    let lines = screen(&app, 160, 48);
    let row = find(&lines, "el gato");
    assert!(row.contains("│"), "details beside: {row}");
    let history = find(&lines, "review   Good");
    assert!(history.contains("2026-11-26"), "{history}");
    // Every column fits.
    let heading = find(&lines, "front");
    assert!(
        heading.contains("reps") && heading.contains("lapses"),
        "{heading}"
    );
}

#[test]
fn at_40_by_12_the_front_keeps_its_room_and_the_count_is_short() {
    let app = browsing();
    let lines = screen(&app, 40, 12);
    assert!(lines[0].starts_with("Browse cards"), "{}", lines[0]);
    assert!(lines[0].contains("3/3"), "{}", lines[0]);
    let row = find(&lines, "el gato");
    assert!(row.contains("el gato"), "{row}");
}

#[test]
fn the_set_due_field_replaces_the_search_line_and_the_form_shows_its_fields() {
    let mut app = browsing();
    app.update(Action::SetDue, now());
    let lines = screen(&app, 80, 24);
    assert!(find(&lines, "Due in days").contains("5! sets the interval"));
    app.update(Action::LeaveField, now());
    app.update(Action::AddCard, now());
    let Screen::Browser(browser) = &app.screen else {
        panic!("browser")
    };
    assert!(matches!(browser.overlay, Some(BrowserOverlay::Add(_))));
    let lines = screen(&app, 80, 24);
    assert!(find(&lines, "New card").contains('┌'));
    // The deck searched for is the form's deck; typing goes to the front.
    assert!(find(&lines, "Deck   lang").contains("lang"));
    assert!(find(&lines, "Front  █").contains('█'));
}

#[test]
fn a_search_that_finds_nothing_says_so() {
    let mut app = browsing();
    app.update(Action::Filter, now());
    for c in " zebra".chars() {
        app.update(Action::Type(c), now());
    }
    let lines = screen(&app, 80, 24);
    assert!(lines[0].contains("0 of 3 cards"), "{}", lines[0]);
    find(&lines, "No card matches this search.");
}

#[test]
fn v_for_the_browser_is_in_the_footer_of_home_review_and_done_at_80_columns() {
    let mut app = browsing();
    app.update(Action::Back, now());
    assert!(screen(&app, 80, 24)[23].contains("v browse"), "home");
    app.update(Action::Open, now());
    let question = screen(&app, 80, 24)[23].clone();
    assert!(
        question.contains("v browse") && question.contains("q back"),
        "{question}"
    );
    app.update(Action::Reveal, now());
    let answer = screen(&app, 80, 24)[23].clone();
    assert!(
        answer.contains("v browse") && answer.contains("q back"),
        "{answer}"
    );
    for _ in 0..10 {
        if find_any(&screen(&app, 80, 24), "Done for now!") {
            break;
        }
        app.update(Action::Reveal, now());
        for effect in app.update(Action::Grade(Rating::Easy), now()) {
            if let crate::app::Effect::Write(event) = effect {
                app.update(Action::Written(event), now());
            }
        }
    }
    let done = screen(&app, 80, 24);
    assert!(find_any(&done, "Done for now!"), "{}", done.join("\n"));
    assert!(
        done[23].contains("v browse") && done[23].contains("q back"),
        "{}",
        done[23]
    );
}

fn find_any(lines: &[String], text: &str) -> bool {
    lines.iter().any(|line| line.contains(text))
}

#[test]
fn a_notice_too_long_for_its_line_takes_the_rule_above_and_keeps_its_end() {
    let mut app = browsing();
    app.notice = Some(format!(
        "Not saved: the new card has a problem, line 2: `back` is empty; nothing added; what you wrote is kept in {}",
        "/tmp/flashdeck-new-card-4tzhZi.toml"
    ));
    let lines = screen(&app, 80, 24);
    assert!(
        lines[21].starts_with("Not saved: the new card"),
        "{}",
        lines[21]
    );
    assert!(
        lines[22].contains("/tmp/flashdeck-new-card-4tzhZi.toml"),
        "{}",
        lines[22]
    );
    assert!(
        lines[23].contains("/ search"),
        "the footer stays: {}",
        lines[23]
    );
}

#[test]
fn the_state_column_tells_a_sibling_bury_from_one_by_hand() {
    let mut facts = crate::search::CardFacts::new("lang/c0~r", "the cat", "el gato", "lang", &[]);
    assert_eq!(super::state_name(&facts), "new");
    facts.buried = true;
    assert_eq!(super::state_name(&facts), "buried");
    facts.buried_by_sibling = true;
    assert_eq!(super::state_name(&facts), "auto-bury");
}

#[test]
fn the_table_shows_each_front_as_the_card_renders_it_on_one_line() {
    // The tester's cards: Markdown source in the front column before.
    let app = browsing_deck(concat!(
        "[deck]\nname = \"Lang\"\n",
        "[[cards]]\nid = \"c0\"\nfront = \"Inline: **bold** and *it*\"\nback = \"x\"\n",
        "[[cards]]\nid = \"c1\"\nfront = \"# Big heading\"\nback = \"y\"\n",
        "[[cards]]\nid = \"c2\"\nfront = \"Escapes: \\\\_under\\\\_\\nsecond\"\nback = \"z\"\n",
    ));
    let lines = screen(&app, 80, 24);
    let table: Vec<&String> = lines[4..7].iter().collect();
    assert!(table[0].starts_with("Inline: bold and it "), "{table:?}");
    assert!(table[1].starts_with("Big heading "), "{table:?}");
    assert!(
        table[2].starts_with("Escapes: _under_ second "),
        "{table:?}"
    );
}
