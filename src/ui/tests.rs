use std::fmt::Write as _;
use std::path::PathBuf;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Modifier;

use super::*;
use crate::app::Action;
use crate::deck::{BrokenDeck, Collection, DeckId, Problem, bundled};

pub(crate) fn draw(app: &App, width: u16, height: u16) -> Buffer {
    draw_with(app, &Theme::default(), width, height)
}

fn draw_with(app: &App, theme: &Theme, width: u16, height: u16) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|frame| {
            super::draw(frame, app, theme);
        })
        .unwrap();
    terminal.backend().buffer().clone()
}

pub(crate) fn line(buf: &Buffer, y: u16) -> String {
    (0..buf.area.width)
        .map(|x| buf[(x, y)].symbol())
        .collect::<String>()
}

fn text(buf: &Buffer) -> String {
    (0..buf.area.height)
        .map(|y| line(buf, y))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The screen's text with its lines trimmed and joined by spaces, so that a sentence
/// wrapped at a narrow width is still found.
fn flat(buf: &Buffer) -> String {
    (0..buf.area.height)
        .map(|y| line(buf, y).trim().to_owned())
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn sample() -> App {
    let mut collection = Collection::default();
    collection.decks.push(bundled::deck().unwrap());
    collection.broken.push(BrokenDeck {
        id: DeckId::new("spanish/verbs"),
        path: PathBuf::from("decks/spanish/verbs.toml"),
        problems: vec![
            Problem {
                path: PathBuf::from("decks/spanish/verbs.toml"),
                line: 4,
                column: 1,
                message: "card is missing `back`".into(),
            };
            2
        ],
        valid_cards: 12,
    });
    app_with(collection)
}

fn app_with(collection: Collection) -> App {
    let now = chrono::DateTime::parse_from_rfc3339("2026-11-27T10:00:00+01:00").unwrap();
    let scheduler =
        crate::scheduler::Scheduler::new(crate::scheduler::Settings::default()).unwrap();
    let study =
        crate::study::Study::new(collection, crate::store::History::default(), scheduler, now);
    App::new(study, PathBuf::from("/home/u/decks"), now)
}

#[test]
fn home_lists_decks_with_card_counts_at_80x24() {
    let buf = draw(&sample(), 80, 24);
    // 100 new cards and the default limit of 20 new cards a day: new cards are not "due".
    assert_eq!(
        line(&buf, 0).trim_end(),
        "flashdeck  1 deck · 100 cards · 0 due today · 20 new"
    );
    // Top border of the list, then the header row and the two rows.
    assert_eq!(
        line(&buf, 2).trim_end(),
        "Deck                                            New Learn  Due  Cards Mastery"
    );
    assert_eq!(
        line(&buf, 3).trim_end(),
        "Sales & Pricing - 4. Sales Optimization Levers   20     ·    ·    100"
    );
    // The new count is blue, as in Anki: the name takes 46 columns, then " " and "  20".
    assert_eq!(buf[(49, 3)].fg, ratatui::style::Color::Blue);
    // The file with problems sits inside its folder's row.
    assert!(
        line(&buf, 4).starts_with("▾ spanish/ "),
        "{}",
        line(&buf, 4)
    );
    let broken_row = line(&buf, 5);
    assert!(
        broken_row.starts_with("  ⚠ 2 problems · spanish/verbs"),
        "{broken_row}"
    );
    // Its 12 valid cards, right-aligned in the Cards column under the deck's 100.
    assert!(broken_row.trim_end().ends_with("   12"), "{broken_row}");
    let end = |row: String| row.trim_end().chars().count();
    assert_eq!(end(broken_row), end(line(&buf, 3)));
    // The selected deck's details, then the first-run hint, fit above the keys.
    let screen = text(&buf);
    assert!(screen.contains("\n<built in>"), "{screen}");
    assert!(
        screen.contains("New here? Pick a deck and press Enter"),
        "{screen}"
    );
    assert!(
        screen.contains("Decks are TOML files in /home/u/decks"),
        "{screen}"
    );
    // Keys from the key table, on the last line.
    assert!(
        line(&buf, 23).starts_with(
            "Enter review   m study modes   / filter   s stats   v browse   ? help   q quit"
        ),
        "{}",
        line(&buf, 23)
    );
}

#[test]
fn the_selected_row_is_highlighted_and_its_details_shown() {
    let mut app = sample();
    let buf = draw(&app, 80, 24);
    assert!(buf[(0, 3)].modifier.contains(Modifier::REVERSED));
    assert!(!buf[(0, 4)].modifier.contains(Modifier::REVERSED));
    assert!(text(&buf).contains("Vocabulary flashcards related to sales optimization"));

    // Past the folder's row, to the file with problems.
    app.update(Action::Down, app.now);
    app.update(Action::Down, app.now);
    let buf = draw(&app, 80, 24);
    assert!(buf[(0, 5)].modifier.contains(Modifier::REVERSED));
    let screen = text(&buf);
    let flat: Vec<&str> = screen.lines().map(str::trim_end).collect();
    let flat = flat.join(" ");
    assert!(
        flat.contains("spanish/verbs has problems: its 12 valid cards wait, with their history, until they are fixed. Enter lists the problems, e opens the file at the first."),
        "{screen}"
    );
    assert!(
        screen.contains("decks/spanish/verbs.toml:4:1: card is missing `back`"),
        "{screen}"
    );
}

#[test]
fn an_empty_collection_says_where_decks_go() {
    let app = app_with(Collection::default());
    let screen = text(&draw(&app, 80, 24));
    assert!(screen.contains("No decks yet."), "{screen}");
    assert!(
        screen.contains("Put deck files (*.toml) in /home/u/decks"),
        "{screen}"
    );
}

#[test]
fn a_tiny_terminal_gets_a_notice_not_a_panic() {
    assert_eq!(text(&draw(&sample(), 1, 1)), "T");
    for (width, height) in [(20, 5), (39, 24), (80, 9)] {
        let screen = text(&draw(&sample(), width, height));
        assert!(
            screen.starts_with("Terminal too small."),
            "{width}x{height}: {screen}"
        );
    }
    // The smallest supported size draws the list.
    let screen = text(&draw(&sample(), MIN_WIDTH, MIN_HEIGHT));
    assert!(screen.starts_with("flashdeck"), "{screen}");
}

#[test]
fn the_selection_scrolls_into_view_in_a_long_list() {
    let mut collection = Collection::default();
    for i in 0..200 {
        let mut deck = bundled::deck().unwrap();
        deck.id = DeckId::new(format!("deck{i:03}"));
        deck.name = format!("Deck number {i:03}");
        collection.decks.push(deck);
    }
    let mut app = app_with(collection);
    app.update(Action::Last, app.now);
    let screen = text(&draw(&app, 80, 24));
    assert!(screen.contains("Deck number 199"), "{screen}");
    assert!(!screen.contains("Deck number 000"), "{screen}");
}

/// An app reviewing one deck whose cards are `(front, back)`.
fn reviewing(cards: &[(&str, &str)]) -> App {
    let mut text = String::from("[deck]\nname = \"Review deck\"\n");
    for (i, (front, back)) in cards.iter().enumerate() {
        let _ = write!(
            text,
            "[[cards]]\nid = \"c{i}\"\nfront = '''{front}'''\nback = '''{back}'''\n"
        );
    }
    let deck =
        crate::deck::parse_deck(DeckId::new("r"), crate::deck::Source::Bundled, &text).unwrap();
    let mut app = app_with(Collection {
        decks: vec![deck],
        broken: Vec::new(),
    });
    app.update(Action::Open, app.now);
    app
}

#[test]
fn the_question_side_shows_the_front_and_the_counts() {
    let app = reviewing(&[("What is KAM’s essence?", "A radically different process.")]);
    let buf = draw(&app, 80, 24);
    let screen = text(&buf);
    assert!(line(&buf, 0).starts_with("Review deck"), "{screen}");
    assert!(
        line(&buf, 0)
            .trim_end()
            .ends_with("1 new  0 learning  0 review"),
        "{screen}"
    );
    assert!(screen.contains("What is KAM’s essence?"), "{screen}");
    assert!(
        !screen.contains("A radically different"),
        "the answer is hidden: {screen}"
    );
    assert_eq!(
        line(&buf, 22).trim(),
        "Space show answer   t type the answer"
    );
}

#[test]
fn the_answer_side_shows_each_grades_interval() {
    let mut app = reviewing(&[("Q", "A radically different process.")]);
    app.update(Action::Reveal, app.now);
    let buf = draw(&app, 80, 24);
    let screen = text(&buf);
    assert!(
        screen.contains("A radically different process."),
        "{screen}"
    );
    // A new card: Again 1m, Hard 5.5m (the average of 1m and 10m), Good 10m, Easy in days.
    let buttons = line(&buf, 22);
    assert!(
        buttons.contains("1 Again 1m   2 Hard 5.5m   3 Good 10m   4 Easy "),
        "{buttons}"
    );
    assert!(buttons.trim_end().ends_with('d'), "{buttons}");
}

#[test]
fn a_long_list_answer_wraps_as_a_list_and_scrolls_at_80x24() {
    let steps: Vec<String> = (1..=12)
        .map(|i| format!("{i}. Step number {i} of a long procedure that needs more than one line to explain properly."))
        .collect();
    let mut app = reviewing(&[("Name the steps", &steps.join("\n"))]);
    app.update(Action::Reveal, app.now);
    let screen = text(&draw(&app, 80, 24));
    assert!(
        screen.contains("1. Step number 1 of a long procedure"),
        "{screen}"
    );
    // The wrapped part of item 1 is indented under its text.
    assert!(screen.contains("\n    explain properly."), "{screen}");
    assert!(
        !screen.contains("12. Step number 12"),
        "not all of it fits: {screen}"
    );
    assert!(
        screen.contains('█') || screen.contains('║'),
        "a scrollbar shows there is more: {screen}"
    );
    for _ in 0..40 {
        app.update(Action::Down, app.now);
    }
    let scrolled = text(&draw(&app, 80, 24));
    assert!(scrolled.contains("12. Step number 12"), "{scrolled}");
}

#[test]
fn the_done_screen_says_when_the_next_card_is_due() {
    let mut app = reviewing(&[("Q", "A")]);
    app.update(Action::Reveal, app.now);
    let effects = app.update(Action::Grade(crate::scheduler::Rating::Easy), app.now);
    let [crate::app::Effect::Write(event)] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    app.update(Action::Written(event.clone()), app.now);
    let screen = text(&draw(&app, 80, 24));
    assert!(screen.contains("Done for now!"), "{screen}");
    assert!(
        screen.contains("1 card answered in this session."),
        "{screen}"
    );
    assert!(screen.contains("The next card is due in "), "{screen}");
    assert!(
        !screen.contains("more new cards"),
        "no unseen cards are left: {screen}"
    );
}

/// The bundled deck, opened in `mode` with the options set by `keys` (options-screen
/// actions), at 80×24.
fn practising(mode: crate::app::PracticeMode, settings: &[crate::app::Setting]) -> App {
    let mut collection = Collection::default();
    collection.decks.push(bundled::deck().unwrap());
    let mut app = app_with(collection);
    app.open_options(mode, vec![0], "Sales levers".into());
    for &setting in settings {
        app.update(Action::Setting(setting), app.now);
    }
    app.update(Action::Start, app.now);
    app
}

#[test]
fn the_options_screen_lists_the_settings_and_their_keys() {
    let mut collection = Collection::default();
    collection.decks.push(bundled::deck().unwrap());
    let mut app = app_with(collection);
    app.open_options(
        crate::app::PracticeMode::Test,
        vec![0],
        "Sales levers".into(),
    );
    let screen = text(&draw(&app, 80, 24));
    assert!(
        screen.starts_with("Practice test · Sales levers"),
        "{screen}"
    );
    for line in [
        "a  answer with the back",
        "s  shuffle: on",
        "*  starred cards only: off (0 starred)",
        "4  matching (up to 6 pairs): on",
        "+/-  questions: 20 (at most 100; a matching pair is one)",
        "n  type the number of questions",
        "Enter to start",
    ] {
        assert!(screen.contains(line), "{line}: {screen}");
    }
}

#[test]
fn flashcards_show_one_side_with_progress_at_80x24() {
    let app = practising(
        crate::app::PracticeMode::Flashcards,
        &[crate::app::Setting::Shuffle],
    );
    let buf = draw(&app, 80, 24);
    let screen = text(&buf);
    assert!(
        line(&buf, 0).starts_with("Flashcards · Sales levers"),
        "{screen}"
    );
    // The position shows once, on the gauge.
    assert!(line(&buf, 2).starts_with("1/100 "), "{screen}");
    assert_eq!(screen.matches("1/100").count(), 1, "{screen}");
    assert!(!screen.contains("1 / 100"), "{screen}");
    assert!(screen.contains("┌ front"), "{screen}");
    assert!(
        screen.contains("Key Account Management (KAM)"),
        "shuffle off: the first card: {screen}"
    );
    assert!(
        line(&buf, 23).starts_with("Space flip   →/l next   ←/h previous"),
        "{screen}"
    );
}

#[test]
fn learn_asks_a_choice_with_four_numbered_options_at_80x24() {
    use crate::store::Question;
    let app = practising(
        crate::app::PracticeMode::Learn,
        &[
            crate::app::Setting::Kind(Question::TrueFalse),
            crate::app::Setting::Kind(Question::Written),
        ],
    );
    let buf = draw(&app, 80, 24);
    let screen = text(&buf);
    assert!(
        line(&buf, 0).contains("round 1 · 100 unseen · 0 familiar · 0 mastered"),
        "{screen}"
    );
    for n in 1..=4 {
        assert!(
            screen.contains(&format!("\n   {n}  ")),
            "option {n}: {screen}"
        );
    }
    assert!(
        line(&buf, 23).starts_with("1-4 choose   Tab don't know"),
        "{screen}"
    );
}

#[test]
fn match_draws_twelve_lettered_tiles_and_the_timer_at_80x24() {
    let app = practising(crate::app::PracticeMode::Match, &[]);
    let buf = draw(&app, 80, 24);
    let screen = text(&buf);
    assert!(
        line(&buf, 0).trim_end().ends_with("0.0 s · 0 mistakes"),
        "{screen}"
    );
    for letter in 'a'..='l' {
        assert!(
            screen.contains(&format!("┌ {letter} ")),
            "tile {letter}: {screen}"
        );
    }
    // Long texts are cut with an ellipsis; the focused tile's full text is shown below.
    let crate::app::Screen::Match(game) = &app.screen else {
        panic!()
    };
    let game = &game.session;
    assert!(
        screen.contains(&game.tiles[0].text.replace('\n', " ")[..20]),
        "{screen}"
    );
}

#[test]
fn the_test_report_lists_wrong_answers_beside_right_ones() {
    use crate::store::Question;
    let mut app = practising(
        crate::app::PracticeMode::Test,
        &[
            crate::app::Setting::Kind(Question::Choice),
            crate::app::Setting::Kind(Question::TrueFalse),
            crate::app::Setting::Kind(Question::Matching),
            crate::app::Setting::FewerQuestions,
            crate::app::Setting::FewerQuestions,
            crate::app::Setting::FewerQuestions,
        ],
    );
    let screen = text(&draw(&app, 80, 24));
    assert!(screen.contains("question 1 of 5"), "{screen}");
    assert!(screen.contains("Type the answer:"), "{screen}");
    for _ in 0..5 {
        app.update(Action::Right, app.now);
    }
    app.update(Action::Submit, app.now);
    let screen = text(&draw(&app, 80, 24));
    assert!(screen.contains("Score: 0% (0 of 5 right)"), "{screen}");
    assert!(screen.contains("  yours: (no answer)"), "{screen}");
    assert!(screen.contains("  right: "), "{screen}");
    assert!(screen.contains("r retake the missed cards"), "{screen}");
}

#[test]
fn a_long_flashcard_scrolls_at_80x24() {
    let back = (1..=40).fold(String::new(), |mut text, i| {
        let _ = writeln!(text, "- point number {i}");
        text
    });
    let mut app = reviewing(&[("Forty points", &back), ("Second", "b")]);
    app.open_options(crate::app::PracticeMode::Flashcards, vec![0], "Long".into());
    app.update(Action::Setting(crate::app::Setting::Shuffle), app.now);
    app.update(Action::Start, app.now);
    app.update(Action::Reveal, app.now);
    let screen = text(&draw(&app, 80, 24));
    assert!(screen.contains("- point number 1"), "{screen}");
    assert!(!screen.contains("- point number 40"), "{screen}");
    assert!(screen.contains('█'), "a scrollbar: {screen}");
    for _ in 0..10 {
        app.update(Action::PageDown, app.now);
    }
    let screen = text(&draw(&app, 80, 24));
    assert!(screen.contains("- point number 40"), "{screen}");
    // The next card starts at the top again.
    app.update(Action::Right, app.now);
    let Screen::Flashcards(cards) = &app.screen else {
        panic!("not flashcards")
    };
    assert_eq!(cards.scroll, 0);
}

#[test]
fn the_monochrome_theme_uses_no_colour() {
    let app = sample();
    let buf = draw_with(
        &app,
        &Theme::named(crate::config::ThemeName::Monochrome),
        80,
        24,
    );
    let coloured = buf
        .content()
        .iter()
        .filter(|cell| cell.fg != ratatui::style::Color::Reset)
        .count();
    assert_eq!(coloured, 0);
    // The selection still shows, by reversing.
    assert!(buf[(0, 3)].modifier.contains(Modifier::REVERSED));
    let dark = draw(&sample(), 80, 24);
    assert!(
        dark.content()
            .iter()
            .any(|cell| cell.fg != ratatui::style::Color::Reset)
    );
}

/// The statistics of the bundled deck after two answers today, at `width`×`height`, on `tab`.
fn statistics(width: u16, height: u16, tab: crate::app::StatsTab) -> String {
    text(&draw(&statistics_app(width, height, tab), width, height))
}

/// The statistics screen after two answers, on tab `tab`, last drawn at `width` × `height`.
fn statistics_app(width: u16, height: u16, tab: crate::app::StatsTab) -> App {
    let mut collection = Collection::default();
    collection.decks.push(bundled::deck().unwrap());
    let mut app = app_with(collection);
    for (i, rating) in [
        crate::scheduler::Rating::Easy,
        crate::scheduler::Rating::Again,
    ]
    .into_iter()
    .enumerate()
    {
        let event = crate::store::NewEvent::for_card(
            &format!(
                "sales-optimization-levers/{}",
                ["kam", "sales-optimization-levers"][i]
            ),
            app.now,
            crate::store::NewKind::answer(rating, Some(3000), crate::store::REVIEW_MODE, None),
        );
        app.update(Action::Written(event), app.now);
    }
    app.update(Action::Resize { width, height }, app.now);
    app.update(Action::Statistics, app.now);
    for _ in 0..tab.index() {
        for effect in app.update(Action::Right, app.now) {
            // The runtime runs the simulation on a thread; the screen says so meanwhile.
            if let crate::app::Effect::Simulate(job) = effect {
                assert!(text(&draw(&app, width, height)).contains("Simulating…"));
                app.update(Action::Simulated(job.run()), app.now);
            }
        }
    }
    app
}

#[test]
fn the_statistics_overview_fits_80x24_and_160x48() {
    for (width, height) in [(80, 24), (160, 48)] {
        let screen = statistics(width, height, crate::app::StatsTab::Overview);
        assert!(
            screen.starts_with("Statistics · Sales & Pricing"),
            "{screen}"
        );
        assert!(
            screen.contains("Today  2 answers in 1 min · 50% Again"),
            "{screen}"
        );
        assert!(screen.contains("Total  2 answers on 1 day"), "{screen}");
        assert!(
            screen.contains("98 new · 1 learning · 0 relearning · 1 young · 0 mature"),
            "{screen}"
        );
    }
    // Each deck's standing is the third chart: beside the others at 160×48, a page down at
    // 80×24.
    let wide = statistics(160, 48, crate::app::StatsTab::Overview);
    assert!(wide.contains("learn 0% mastered"), "{wide}");
    let mut app = statistics_app(80, 24, crate::app::StatsTab::Overview);
    assert!(!text(&draw(&app, 80, 24)).contains("learn 0% mastered"));
    app.update(Action::PageDown, app.now);
    app.update(Action::PageDown, app.now);
    let paged = text(&draw(&app, 80, 24));
    assert!(paged.contains("Each deck in every mode"), "{paged}");
    assert!(paged.contains("learn 0% mastered"), "{paged}");
}

#[test]
fn the_calendar_and_forecast_tabs() {
    let calendar = statistics(80, 24, crate::app::StatsTab::Calendar);
    assert!(calendar.contains("less · ░ ▒ ▓ █ more"), "{calendar}");
    // 2026-11-27 is a Friday: today's full shade is the last cell of the Friday row.
    let friday = calendar.lines().find(|l| l.starts_with(" Fri")).unwrap();
    assert!(friday.trim_end().ends_with('█'), "{calendar}");
    let app = statistics_app(160, 48, crate::app::StatsTab::FutureDue);
    let forecast = flat(&draw(&app, 160, 48));
    // The Easy card is due in 8 days (FSRS-6's Easy stability, rounded; fuzz may move it
    // within Anki's range), so one review in the next 30 days.
    assert!(
        forecast.contains("Reviews due in the next 30 days: 1"),
        "{forecast}"
    );
    assert!(
        forecast.contains("Daily load: 0.1 reviews a day"),
        "{forecast}"
    );
}

/// Easy days are named under the forecast, whose bars on those days are dimmed.
#[test]
fn the_forecast_names_the_easy_days() {
    let mut collection = Collection::default();
    collection.decks.push(bundled::deck().unwrap());
    let mut app = app_with(collection);
    let settings = crate::scheduler::Settings {
        easy_days: crate::scheduler::EasyDays([100, 100, 100, 100, 100, 50, 0]),
        ..crate::scheduler::Settings::default()
    };
    app.study.scheduler = crate::scheduler::Scheduler::new(settings).unwrap();
    // One card answered Easy, so that the chart has a review due to draw.
    let event = crate::store::NewEvent::for_card(
        "sales-optimization-levers/kam",
        app.now,
        crate::store::NewKind::answer(
            crate::scheduler::Rating::Easy,
            None,
            crate::store::REVIEW_MODE,
            None,
        ),
    );
    app.update(Action::Written(event), app.now);
    app.update(Action::Statistics, app.now);
    for _ in 0..crate::app::StatsTab::FutureDue.index() {
        app.update(Action::Right, app.now);
    }
    let forecast = flat(&draw(&app, 160, 48));
    assert!(
        forecast.contains("Easy days, dimmed: Sat 50%, Sun 0%."),
        "{forecast}"
    );
}

#[test]
fn the_top_line_shows_streak_and_xp_when_they_are_on() {
    use crate::motivation::{Goals, Motivation, Streak, level};
    let mut app = sample();
    let motivation = Motivation {
        xp: 250,
        level: level(250),
        streak: Streak {
            current: 3,
            best: 5,
            today_done: true,
        },
    };
    app.home.figures.motivation = Some(motivation);
    app.goals = Goals {
        streak: true,
        xp: true,
        streak_goal: 10,
    };
    // 250 XP is level 2 (from 100 XP to 300), so 50 to level 3: the total, as statistics
    // says it. The 52-column summary and the 45-column goals fit 100 columns.
    let top = line(&draw(&app, 100, 30), 0);
    assert_eq!(
        top,
        "flashdeck  1 deck · 100 cards · 0 due today · 20 new   streak 3 ✓ · level 2 · 250 XP (50 to level 3)"
    );
    // At 80 columns the goals leave 33: what is due stays, the deck and card counts go.
    let top = line(&draw(&app, 80, 24), 0);
    assert_eq!(
        top,
        "flashdeck  0 due today · 20 new    streak 3 ✓ · level 2 · 250 XP (50 to level 3)"
    );
    // At 60 columns the goals drop what the next level needs, never the total, and the new
    // cards give way to what is due.
    let top = line(&draw(&app, 60, 24), 0);
    assert_eq!(
        top,
        "flashdeck  0 due today         streak 3 ✓ · level 2 · 250 XP"
    );
    // At 40 columns what is due comes before the goals.
    let top = line(&draw(&app, 40, 12), 0);
    assert_eq!(top.trim_end(), "flashdeck  0 due today · 20 new");
    app.goals.xp = false;
    let top = line(&draw(&app, 100, 30), 0);
    assert_eq!(
        top.trim_end(),
        format!(
            "flashdeck  1 deck · 100 cards · 0 due today · 20 new{}streak 3 ✓",
            " ".repeat(100 - 52 - 10)
        )
    );
}

#[test]
fn the_workload_tab_compares_retentions_and_marks_the_setting() {
    let screen = statistics(80, 24, crate::app::StatsTab::Workload);
    assert!(
        screen.contains("A year of these 100 cards at each desired retention"),
        "{screen}"
    );
    assert!(
        screen.contains("Retention      Reviews/day  Minutes/day  Remembered in a year"),
        "{screen}"
    );
    for retention in ["80%", "85%", "90% (yours)", "95%", "97%"] {
        assert!(screen.contains(retention), "{retention}: {screen}");
    }
    // More reviews a day as the retention rises: the second column grows down the table.
    let reviews: Vec<f64> = screen
        .lines()
        .filter(|l| l.trim_start().starts_with(|c: char| c.is_ascii_digit()) && l.contains('%'))
        .map(|l| {
            let after = l.split('%').nth(1).unwrap().replace("(yours)", "");
            after.split_whitespace().next().unwrap().parse().unwrap()
        })
        .collect();
    assert_eq!(reviews.len(), 5, "{screen}");
    assert!(reviews.windows(2).all(|w| w[0] < w[1]), "{reviews:?}");
}

#[test]
fn a_cram_header_shortens_a_long_deck_name_and_keeps_what_the_session_is() {
    let mut app = sample();
    let title = app.study.deck(0).name.clone();
    let kind = crate::session::review::Kind::Cram(crate::study::CramFilter::default());
    app.start_session(vec![0], title, kind);
    let header = line(&draw(&app, 80, 24), 0);
    // The name is cut (it is 46 columns), the label and the counts are whole, two spaces
    // apart, as the counts' own words are.
    assert!(header.starts_with("Sales & Pricing - 4. Sales"), "{header}");
    assert!(
        header.contains("… · cram  0 new  0 learning  100 review"),
        "{header}"
    );
    assert!(header.ends_with("100 review"), "{header}");
}

#[test]
fn a_deck_row_keeps_its_exam_in_view_at_80_columns() {
    let mut app = sample();
    let exam = crate::store::NewEvent::for_deck(
        "sales-optimization-levers",
        app.now,
        crate::store::NewKind::Exam {
            date: chrono::NaiveDate::from_ymd_opt(2026, 12, 17),
        },
    );
    app.update(Action::Written(exam), app.now);
    let buf = draw(&app, 80, 24);
    let row = line(&buf, 3);
    assert!(
        row.starts_with("Sales & Pricing - 4. Sales Opti… · exam in 20d   20     ·    ·    100"),
        "{row}"
    );
}

mod calendar;
mod card_text;
mod every_size;
mod home_items;
mod key_ranges;
mod media;
mod narrow;
mod notices;
mod practice_screens;
mod stats_overview;
mod stats_tabs;
mod stats_trouble;
mod workload;
