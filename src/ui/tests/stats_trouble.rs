//! The trouble and progress tabs at 80×24 and 160×48: what they list, the chosen row, "no
//! data yet" without history, and Enter opening a trouble card in the browser.

use chrono::Duration;

use super::*;
use crate::app::{Screen, StatsScreen, StatsTab};
use crate::practice::{Mode, Question};
use crate::scheduler::{Rating, Settings};
use crate::store::NewKind;
use crate::study::tests::{card_event, learned, review, study_with, time};

fn now() -> chrono::DateTime<chrono::FixedOffset> {
    time("2026-11-27T10:00:00+01:00")
}

/// Deck `d` of 3 cards: c0 a leech (threshold 1) answered Again 3 days ago, c1's answer
/// picked for c2 in Learn, c0 mastered in Learn 2 days ago; the statistics on `tab`.
fn app_on(tab: StatsTab, events: &[crate::store::NewEvent]) -> App {
    let settings = Settings {
        leech_threshold: 1,
        ..Settings::default()
    };
    let study = study_with(3, settings, events, now());
    let mut app = App::new(study, PathBuf::from("/home/u/decks"), now());
    let stats = crate::stats::compute(&app.study, &[0], now());
    let mut screen = StatsScreen::new("D".to_owned(), vec![0], stats);
    screen.tab = tab;
    app.screen = Screen::Stats(Box::new(screen));
    app
}

fn history() -> Vec<crate::store::NewEvent> {
    let ago = |days| now() - Duration::days(days);
    vec![
        review("a", "d/c0", Rating::Easy, ago(20)),
        review("b", "d/c0", Rating::Again, ago(3)),
        card_event(
            "p",
            "d/c2",
            ago(1),
            NewKind::confused(Mode::Learn, Question::Choice, "d/c1"),
        ),
        learned("l", "d/c0", "written", ago(2)),
    ]
}

#[test]
fn the_trouble_tab_lists_each_kind_at_80x24_and_160x48() {
    let app = app_on(StatsTab::Trouble, &history());
    for (width, height) in [(80, 24), (160, 48)] {
        let screen = text(&draw(&app, width, height));
        let lines: Vec<&str> = screen.lines().map(str::trim).collect();
        let at = |wanted: &str| {
            lines
                .iter()
                .position(|l| l.starts_with(wanted))
                .unwrap_or_else(|| panic!("no line {wanted:?} at {width}×{height}:\n{screen}"))
        };
        let leeches = at("Leeches (1)");
        assert!(
            lines[leeches + 1].starts_with("1 lapse, suspended  front 0"),
            "{screen}"
        );
        let again = at("Most Again in the last 30 days");
        assert!(
            lines[again + 1].starts_with("1× Again  front 0"),
            "{screen}"
        );
        let confused = at("Confused in Learn and Test");
        assert!(
            lines[confused + 1].starts_with("1×  front 1 ← front 2"),
            "{screen}"
        );
    }
}

#[test]
fn the_chosen_trouble_row_is_highlighted_and_enter_opens_it_in_the_browser() {
    let mut app = app_on(StatsTab::Trouble, &history());
    app.update(Action::Down, now());
    app.update(Action::Down, now());
    let buf = draw(&app, 80, 24);
    let y = (0..24)
        .find(|&y| line(&buf, y).contains("front 1 ← front 2"))
        .unwrap();
    let x = line(&buf, y).find('1').unwrap();
    let selected = Theme::default().selected;
    assert_eq!(
        buf[(u16::try_from(x).unwrap(), y)].bg,
        selected.bg.unwrap_or_default()
    );
    app.update(Action::Open, now());
    let Screen::Browser(browser) = &app.screen else {
        panic!("not the browser")
    };
    assert_eq!(browser.search, "deck:d");
    let card = &browser.index.cards()[browser.found[browser.selected]];
    assert_eq!(card.card, "d/c2");
    // q returns to the trouble tab, its row still chosen.
    app.update(Action::Back, now());
    let Screen::Stats(stats) = &app.screen else {
        panic!("not back on the statistics: {:?}", app.screen)
    };
    assert_eq!((stats.tab, stats.row), (StatsTab::Trouble, 2));
}

#[test]
fn the_progress_tab_shows_each_deck_and_its_weeks_at_80x24_and_160x48() {
    let app = app_on(StatsTab::Progress, &history());
    let narrow = text(&draw(&app, 80, 24));
    assert!(narrow.contains("Deck"), "{narrow}");
    let deck_row = narrow
        .lines()
        .find(|l| l.trim_start().starts_with("D "))
        .unwrap();
    // c0's review: Easy then Again 3 days ago: 0 of 1; one card of three mastered in Learn.
    assert!(
        deck_row.contains("0% 0/1") && deck_row.contains("33%"),
        "{deck_row}"
    );
    assert!(narrow.contains("D, week by week"), "{narrow}");
    assert!(narrow.contains("2026-11-21   33% ███·······"), "{narrow}");
    // Wide: young and mature columns too.
    let wide = text(&draw(&app, 160, 48));
    assert!(wide.contains("Young") && wide.contains("Mature"), "{wide}");
}

#[test]
fn without_history_both_tabs_say_there_is_no_data_yet() {
    for (tab, says) in [
        (StatsTab::Trouble, "No trouble cards yet"),
        (StatsTab::Progress, "No practice yet"),
    ] {
        let app = app_on(tab, &[]);
        for (width, height) in [(80, 24), (160, 48)] {
            let screen = flat(&draw(&app, width, height));
            assert!(screen.contains(says), "{width}×{height}: {screen}");
        }
    }
}

/// The screen's lines without the scrollbar's column, trimmed.
fn lines_of(app: &App, width: u16, height: u16) -> Vec<String> {
    let buf = draw(app, width, height);
    (0..height)
        .map(|y| {
            line(&buf, y)
                .chars()
                .take(usize::from(width) - 1)
                .collect::<String>()
        })
        .map(|l| l.trim().to_owned())
        .collect()
}

#[test]
fn the_empty_trouble_tab_wraps_its_words_at_80x24_and_40x12() {
    let app = app_on(StatsTab::Trouble, &[]);
    for (width, height) in [(80, 24), (40, 12)] {
        let screen = lines_of(&app, width, height).join(" ");
        assert!(
            screen.contains(
                "No trouble cards yet: no leeches, no Again in the last 30 days, no pairs confused."
            ),
            "{width}×{height}: {screen}"
        );
    }
}

#[test]
fn an_empty_trouble_list_keeps_its_heading_and_says_none_yet() {
    // Only c1's answer picked for c2 in Learn: no leech and no Again.
    for (width, height) in [(80, 24), (40, 12)] {
        let mut app = app_on(StatsTab::Trouble, &history()[2..3]);
        app.update(Action::Resize { width, height }, now());
        // The screens a page apart (at 40×12 the lists take more than one).
        let mut screens = vec![lines_of(&app, width, height)];
        for _ in 0..2 {
            app.update(Action::PageDown, now());
            screens.push(lines_of(&app, width, height));
        }
        let after = |heading: &str| {
            screens
                .iter()
                .find_map(|lines| {
                    let at = lines.iter().position(|l| l.starts_with(heading))?;
                    lines
                        .get(at + 1)
                        .filter(|l| !l.is_empty() && !l.starts_with('─'))
                        .cloned()
                })
                .unwrap_or_else(|| panic!("no {heading:?} at {width}×{height}:\n{screens:#?}"))
        };
        assert_eq!(after("Leeches (0)"), "none yet");
        assert_eq!(after("Most Again in the"), "none yet");
        assert!(after("Confused in Learn").starts_with("1×  front 1 ←"));
    }
}

#[test]
fn slash_narrows_the_figures_to_a_search_and_a_bad_one_is_told() {
    let mut app = app_on(StatsTab::Trouble, &history());
    app.update(Action::Filter, now());
    for c in "is:nonsense".chars() {
        app.update(Action::Type(c), now());
    }
    let typing = flat(&draw(&app, 80, 24));
    assert!(typing.contains("Narrow to: is:nonsense"), "{typing}");
    app.update(Action::Submit, now());
    assert!(app.notice.as_deref().unwrap().contains("does not read"));
    let Screen::Stats(screen) = &app.screen else {
        panic!()
    };
    assert_eq!(screen.stats.trouble.leeches.len(), 1, "unchanged");
    // c1 and c2 only: no leech, no Again; the pair asked about c2 stays.
    app.update(Action::Filter, now());
    for c in "-\"front 0\"".chars() {
        app.update(Action::Type(c), now());
    }
    app.update(Action::Submit, now());
    let Screen::Stats(screen) = &app.screen else {
        panic!()
    };
    assert_eq!(screen.title, "D · -\"front 0\"");
    assert!(screen.stats.trouble.leeches.is_empty());
    assert_eq!(screen.stats.trouble.confused.len(), 1);
    assert_eq!(screen.stats.cards.total(), 2);
    let screen = text(&draw(&app, 80, 24));
    assert!(screen.contains("Statistics · D · -\"front 0\""), "{screen}");
}

#[test]
fn a_lagging_deck_stands_out_in_the_error_colour_with_a_legend() {
    let mut app = app_on(StatsTab::Progress, &history());
    let Screen::Stats(screen) = &mut app.screen else {
        panic!()
    };
    screen.stats.retention_by_deck[0].lagging = true;
    let buf = draw(&app, 80, 24);
    let y = (0..24)
        .find(|&y| line(&buf, y).trim_start().starts_with("▼ D"))
        .unwrap_or_else(|| panic!("{}", text(&buf)));
    let x = u16::try_from(line(&buf, y).find('D').unwrap()).unwrap();
    // Chosen and lagging: the chosen row's background, the error's colour.
    let theme = Theme::default();
    assert_eq!(buf[(x, y)].fg, theme.error.fg.unwrap());
    assert_eq!(buf[(x, y)].bg, theme.selected.bg.unwrap_or_default());
    assert!(text(&buf).contains("▼ retention 5 points or more below these decks' together"));
}
