//! Every screen drawn at every size: 160×48, 80×24, 40×12 and the tiny ones.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::*;

/// Presses keys the way the runtime does, writing events successfully.
pub(super) fn press(app: &mut App, keys: &[KeyCode]) {
    for &code in keys {
        let Some(action) = app.action_for(KeyEvent::new(code, KeyModifiers::NONE)) else {
            continue;
        };
        let now = app.now;
        for effect in app.update(action, now) {
            if let crate::app::Effect::Write(event) = effect {
                app.update(Action::Written(event), now);
            }
        }
    }
}

fn chars(text: &str) -> Vec<KeyCode> {
    text.chars().map(KeyCode::Char).collect()
}

fn then(text: &str, tail: &[KeyCode]) -> Vec<KeyCode> {
    let mut keys = chars(text);
    keys.extend_from_slice(tail);
    keys
}

use KeyCode::{Enter, Tab};

/// Every screen, by name, with the keys that reach it from [`sample`] and the words that
/// must show at every supported size: what matters most on it.
#[rustfmt::skip]
pub(super) fn screens() -> Vec<(&'static str, Vec<KeyCode>, &'static [&'static str])> {
    vec![
        ("home", vec![], &["Sales & Pricing", "Enter review", "? help", "q quit"]),
        ("home help", chars("?"), &["Enter  review", "close this help"]),
        ("home picker", chars("m"), &["Sales & Pricing - 4. Sales Optimizati…", "f  flashcards", "t  practice test"]),
        ("home filter", chars("/"), &["filter: █"]),
        ("home exam", chars("x"), &["Exam date", "Enter set"]),
        ("question", vec![Enter], &["Key Account Management (KAM)", "Space show answer"]),
        // Every grade's key, name and interval (the intervals' values are the scheduler's
        // tests' business; here, that each is drawn).
        ("answer", vec![Enter, KeyCode::Char(' ')], &["1 Again 1m", "2 Hard 5.5m", "3 Good 10m", "4 Easy 7d"]),
        ("review help", vec![Enter, KeyCode::Char('?')], &["Space  show answer", "close this help"]),
        ("options learn", chars("ml"), &["answer with the back", "Enter start"]),
        ("options test", chars("mt"), &["answer with the back", "Enter start"]),
        ("flashcards", then("mf", &[Enter]), &["What is KAM’s external", "Space flip"]),
        ("sorting", then("mfc", &[Enter]), &["What is KAM’s external", "round 1 · 0 know"]),
        ("learn choice", then("ml13", &[Enter]), &["Learn", "What is KAM’s external objective?", "1  The number of key accounts."]),
        ("learn written", then("ml23", &[Enter]), &["What is KAM’s external objective?", "Type the answer:"]),
        ("learn feedback", then("ml13", &[Enter, Tab]), &["What is KAM’s external objective?", "Enter continue"]),
        // The tiles show their text while the clock runs.
        ("match", then("mm", &[Enter]), &["Match", "0.0 s", "Know", "Proacti"]),
        ("test choice", then("mt13", &[Enter]), &["question 1 of 20", "What is KAM’s external objective?"]),
        ("test matching", then("mt1234", &[Enter]), &["questions 1–6 of 6", "What is KAM’s external", "1  Responds to the needs of all"]),
        ("stats", chars("s"), &["Statistics", "Overview", "Today  0 answers in 0 min"]),
        ("retention", chars("sl"), &["Retention", "No data yet: true retention"]),
        ("cards", chars("sll"), &["Cards", "Card counts", "new        100 (100%)"]),
        ("reviews", chars("slll"), &["Reviews", "No data yet: no answers in this range."]),
        ("future due", chars("sllll"), &["Future", "No data yet: no review is due in the"]),
        ("calendar", chars("slllll"), &["Calendar", "Mon"]),
        ("workload", chars("sllllll"), &["Workload", "Simulating…"]),
        ("browser", chars("v"), &["Browse cards", "Search:", "Key Account Management"]),
        ("browser help", chars("v?"), &["/  search", "close this help"]),
        ("browser details", then("v", &[Enter]), &["Front   Key Account Management (KAM)"]),
    ]
}

/// The supported sizes: wide, the usual, the smallest named in issue 16, and between.
const SIZES: [(u16, u16); 4] = [(160, 48), (80, 24), (60, 16), (40, 12)];

/// Below the smallest size: the one rule says so, whatever the screen.
const TOO_SMALL: [(u16, u16); 5] = [(20, 5), (30, 8), (39, 12), (40, 9), (1, 1)];

#[test]
fn every_screen_shows_what_matters_at_every_size_or_says_it_is_too_small() {
    let mut missing = Vec::new();
    for (name, keys, wanted) in screens() {
        let mut app = sample();
        press(&mut app, &keys);
        for (width, height) in SIZES {
            let buf = draw(&app, width, height);
            let (screen, flat) = (text(&buf), flat(&buf));
            for word in wanted {
                if !screen.contains(word) && !flat.contains(word) {
                    missing.push(format!("{name} at {width}×{height}: {word:?}\n{screen}"));
                }
            }
        }
        for (width, height) in TOO_SMALL {
            let screen = text(&draw(&app, width, height));
            assert!(
                screen.starts_with("Terminal too small.") || (width, height) == (1, 1),
                "{name} at {width}×{height}: {screen}"
            );
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n\n"));
}

#[test]
#[ignore = "prints every screen for a look"]
fn dump_every_screen() {
    let mut out = String::new();
    for (name, keys, _) in screens() {
        let mut app = sample();
        press(&mut app, &keys);
        for (width, height) in [(160, 48), (80, 24), (60, 16), (40, 12), (30, 8), (20, 5)] {
            let _ = writeln!(out, "==== {name} {width}x{height}");
            let _ = writeln!(out, "{}", text(&draw(&app, width, height)));
        }
    }
    std::fs::write("/tmp/lay/screens.txt", out).unwrap();
}

#[test]
fn the_matching_block_wraps_its_answers_and_puts_the_prompt_first_when_short() {
    let mut app = sample();
    press(&mut app, &then("mt1234", &[Enter]));
    let Screen::Test(test) = &app.screen else {
        panic!()
    };
    let crate::session::practice_test::Item::Matching {
        prompts, answers, ..
    } = test.session.items[0].clone()
    else {
        panic!()
    };
    // Where there is room, every prompt and every answer whole, under its key.
    for (width, height) in [(160, 48), (80, 24)] {
        let screen = flat(&draw(&app, width, height));
        assert!(screen.contains("Match each prompt"), "{screen}");
        for prompt in &prompts {
            assert!(screen.contains(&format!("[·] {prompt}")), "{screen}");
        }
        for (key, answer) in answers.iter().enumerate() {
            assert!(
                screen.contains(&format!("{}  {answer}", key + 1)),
                "{screen}"
            );
        }
    }
    // "Involves asking questions, listening to the customer, and defining concrete next
    // steps." (87 columns) wraps at 80 under its first word, six columns in.
    let screen = text(&draw(&app, 80, 24));
    assert!(screen.contains("      concrete next steps."), "{screen}");
    // Where there is not, the prompt being answered, then the answers from the first.
    // The scrollbar's column set aside, the text is read as flowing words, single spaced.
    let unscrolled = |buf: &Buffer| {
        flat(buf)
            .replace(['▲', '█', '║', '▼'], " ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    for (width, height) in [(60, 16), (40, 12)] {
        let screen = unscrolled(&draw(&app, width, height));
        assert!(
            screen.contains(&format!("[·] 1/6 {}", prompts[0])),
            "{width}×{height}: {screen}"
        );
        assert!(
            screen.contains(&format!("1 {}", answers[0])),
            "{width}×{height}: {screen}"
        );
    }
    // ↓: the next prompt takes its place.
    press(&mut app, &[KeyCode::Down]);
    let screen = unscrolled(&draw(&app, 40, 12));
    assert!(
        screen.contains(&format!("[·] 2/6 {}", prompts[1])),
        "{screen}"
    );
}

/// The lines of text inside `rect` (a tile), trimmed, borders and the tile's letter left out.
fn tile_lines(buf: &Buffer, rect: ratatui::layout::Rect) -> Vec<String> {
    (rect.y..rect.y + rect.height)
        .map(|y| {
            let row: String = (rect.x..rect.x + rect.width)
                .map(|x| buf[(x, y)].symbol())
                .collect();
            let row = row.trim_matches(|c: char| "│┌┐└┘─ ".contains(c));
            // "a Particularly": an unboxed tile's letter; " a " alone: a box's title.
            match row.split_once(' ') {
                Some((letter, text)) if y == rect.y && letter.len() == 1 => text.to_owned(),
                _ if row.chars().count() == 1 => String::new(),
                _ => row.to_owned(),
            }
        })
        .filter(|row| !row.is_empty())
        .collect()
}

#[test]
fn match_tiles_use_their_rows_wrap_at_words_and_end_in_one_ellipsis() {
    let mut app = sample();
    press(&mut app, &then("mm", &[Enter]));
    let Screen::Match(game) = &app.screen else {
        panic!()
    };
    let texts: Vec<String> = game.session.tiles.iter().map(|t| t.text.clone()).collect();
    let tile = |start: &str| texts.iter().position(|t| t.starts_with(start)).unwrap();
    let lines_of = |start: &str, (width, height): (u16, u16)| {
        let rects = crate::ui::matching::tile_areas(
            crate::ui::chrome::body(Rect::new(0, 0, width, height)),
            12,
        );
        tile_lines(&draw(&app, width, height), rects[tile(start)])
    };
    // Worked out from the tile's width in columns (a quarter of the screen, less the
    // borders, or less the letter, its space and a blank column when unboxed) and its rows.
    // 160×48: boxes 38 wide, every text whole.
    for text in &texts {
        assert_eq!(lines_of(text, (160, 48)).join(" "), *text);
    }
    // 80×24: boxes 18 wide with four lines; "out and understand" fills the fourth, which
    // gives up "understand" for the "…".
    assert_eq!(
        lines_of("Know the", (80, 24)),
        [
            "Know the company’s",
            "products and",
            "services inside",
            "out and…"
        ]
    );
    // 60×16: three rows a tile are too few for a box with two lines: unboxed, 12 columns
    // and three lines each.
    assert_eq!(
        lines_of("Particularly", (60, 16)),
        ["Particularly", "important in", "companies…"]
    );
    assert_eq!(
        lines_of("What is KAM", (60, 16)),
        ["What is", "KAM’s", "external…"]
    );
    // 40×12: 7 columns; "KAM’s" then "…" in the second line, never "……".
    assert_eq!(lines_of("What is KAM", (40, 12)), ["What is", "KAM’s…"]);
    for size in SIZES {
        let screen = text(&draw(&app, size.0, size.1));
        assert!(!screen.contains("……"), "{screen}");
    }
}

/// The done screen of a session on the built-in deck with nothing due ahead.
fn done_screen() -> App {
    let mut app = sample();
    let title = app.study.deck(0).name.clone();
    app.start_session(vec![0], title, crate::session::review::Kind::Ahead(1));
    app
}

#[test]
fn the_done_screen_closes_its_brackets_on_their_line_and_keeps_help_and_back() {
    let app = done_screen();
    for (width, height) in SIZES {
        let buf = draw(&app, width, height);
        for y in 0..height {
            let row = line(&buf, y);
            assert_eq!(
                row.matches('(').count(),
                row.matches(')').count(),
                "{width}×{height}, row {y}: {row}\n{}",
                text(&buf)
            );
        }
        let footer = line(&buf, height - 1);
        assert!(
            footer.contains("? help") && footer.contains("q back"),
            "{footer}"
        );
    }
    // The header never runs words together: at 40 columns the name keeps ten columns, the
    // session's kind stays whole, two spaces, then the counts cut with "…".
    assert_eq!(
        line(&draw(&app, 40, 12), 0),
        "Sales & P… · ahead 1d  0 new  0 learnin…"
    );
    // One day, not "1 days".
    let screen = flat(&draw(&app, 80, 24));
    assert!(
        screen.contains("No card is due in the next 1 day."),
        "{screen}"
    );
}

#[test]
fn the_tags_to_cram_fill_a_wide_screen() {
    let app = done_screen();
    // The built-in deck's seven tags, sorted, as many as fit: at 160 columns all of them.
    let wide = flat(&draw(&app, 160, 48));
    assert!(
        wide.contains(
            "#  cram one tag: kam, key-account-management, overview, pricing, proactive-sales, sales, value-based-selling m  study modes"
        ),
        "{wide}"
    );
    // At 80, 63 columns after "#  cram one tag: ": four tags and ", …" (the fifth would
    // leave no room for it).
    let narrow = text(&draw(&app, 80, 24));
    let row = narrow.lines().find(|l| l.contains("cram one tag")).unwrap();
    assert!(
        row.trim()
            .ends_with("cram one tag: kam, key-account-management, overview, pricing, …"),
        "{row}"
    );
}

#[test]
fn help_scrolls_to_its_last_key_on_a_short_screen() {
    let mut app = sample();
    press(&mut app, &chars("?"));
    let before = text(&draw(&app, 40, 12));
    assert!(!before.contains("q  quit"), "{before}");
    press(&mut app, &[KeyCode::PageDown, KeyCode::PageDown]);
    let after = text(&draw(&app, 40, 12));
    assert!(after.contains("q  quit"), "{after}");
    // Reopened, it starts at the top again.
    press(&mut app, &chars("??"));
    assert!(text(&draw(&app, 40, 12)).contains("Enter  review"));
}

#[test]
fn deck_names_stand_beside_their_counts_on_a_wide_screen() {
    let buf = draw(&sample(), 160, 48);
    // The name is 46 columns; its new count ends 5 columns on, as at 80.
    assert_eq!(
        line(&buf, 3).trim_end(),
        "Sales & Pricing - 4. Sales Optimization Levers   20     ·    ·    100"
    );
}

#[test]
fn the_options_scroll_to_their_last_line_on_a_short_screen() {
    let mut app = sample();
    press(&mut app, &chars("mt"));
    let last = "Enter to start";
    let before = text(&draw(&app, 40, 12));
    assert!(!before.contains(last), "{before}");
    press(
        &mut app,
        &[KeyCode::PageDown, KeyCode::PageDown, KeyCode::PageDown],
    );
    let after = text(&draw(&app, 40, 12));
    assert!(after.contains(last), "{after}");
    // And back to the top, a line at a time.
    press(
        &mut app,
        &[KeyCode::PageUp, KeyCode::PageUp, KeyCode::PageUp],
    );
    press(&mut app, &[KeyCode::Up; 40]);
    assert_eq!(text(&draw(&app, 40, 12)), before);
}

#[test]
fn the_deck_list_keeps_its_rows_share_on_a_short_screen_or_says_more() {
    // The sample's three rows (the deck, the spanish/ folder, its broken deck) at 40×10: eight
    // rows between the top line and the footer, half of them the list's (border, header and
    // two rows), and the border says one more is below.
    let buf = draw(&sample(), 40, 10);
    assert!(line(&buf, 1).ends_with(" ↓ 1 more "), "{}", text(&buf));
    assert!(
        line(&buf, 3).starts_with("Sales & Pricing"),
        "{}",
        text(&buf)
    );
    assert!(line(&buf, 4).starts_with("▾ spanish/"), "{}", text(&buf));
    // At 40×12 all three fit, and nothing is said.
    let buf = draw(&sample(), 40, 12);
    assert!(
        line(&buf, 5).starts_with("  ⚠ 2 problems"),
        "{}",
        text(&buf)
    );
    assert!(!text(&buf).contains("more "), "{}", text(&buf));
}
