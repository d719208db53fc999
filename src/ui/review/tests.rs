//! The review screen drawn through the app: what drawing costs the scheduler, and that the
//! answer buttons show what the frame computed before the outcomes were kept on the card.

use std::path::PathBuf;

use chrono::{DateTime, Duration, FixedOffset};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use crate::app::{Action, App, Effect};
use crate::scheduler::interval_text::label;
use crate::scheduler::{RUNS, Rating, Settings};
use crate::session::review::Kind;
use crate::study::Study;
use crate::study::tests::{review, study_with, time};

const NOW: &str = "2026-11-27T10:00:00+01:00";

/// The answer buttons' line after drawing the app at 80×24 `times` times.
fn buttons_after_drawing(app: &App, times: usize) -> String {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    for _ in 0..times {
        terminal
            .draw(|frame| {
                crate::ui::draw(frame, app, &crate::ui::Theme::default());
            })
            .unwrap();
    }
    let buf = terminal.backend().buffer();
    (0..buf.area.width).map(|x| buf[(x, 22)].symbol()).collect()
}

/// Runs of the scheduler on this thread so far.
fn runs() -> usize {
    RUNS.with(std::cell::Cell::get)
}

fn app_on(study: Study, now: DateTime<FixedOffset>, kind: Kind) -> App {
    let mut app = App::new(study, PathBuf::from("decks"), now);
    app.start_session(vec![0], "D".into(), kind);
    app
}

#[test]
fn answering_a_card_runs_the_scheduler_once_per_grade_not_once_per_grade_per_redraw() {
    const REDRAWS: usize = 10;
    let now = time(NOW);
    let study = study_with(1, Settings::default(), &[], now);
    let mut app = App::new(study, PathBuf::from("decks"), now);
    let start = runs();
    app.start_review(vec![0], "D".into());
    app.update(Action::Reveal, now);
    let buttons = buttons_after_drawing(&app, REDRAWS);
    assert!(
        buttons.contains("1 Again 1m   2 Hard 5.5m   3 Good 10m"),
        "{buttons}"
    );
    let effects = app.update(Action::Grade(Rating::Good), now);
    assert_eq!(
        runs() - start,
        4,
        "the card's four outcomes, once, whatever the number of frames"
    );
    // Writing the answer replays it (one run), and the card comes back early, as nothing else
    // is left: its four new outcomes.
    let [Effect::Write(event)] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    app.update(Action::Written(event.clone()), now);
    assert_eq!(runs() - start, 4 + 1 + 4);
}

#[test]
fn after_a_day_rollover_any_key_shows_the_new_days_intervals() {
    let now = time(NOW);
    let events = [review("e", "d/c0", Rating::Easy, now - Duration::days(3))];
    let study = study_with(1, Settings::default(), &events, now);
    let mut app = app_on(study, now, Kind::Ahead(30));
    app.update(Action::Reveal, now);
    let good = |app: &App, at| label(app.study.preview("d/c0", at)[2]);
    let today = buttons_after_drawing(&app, 1);
    assert!(
        today.contains(&format!("3 Good {}", good(&app, now))),
        "{today}"
    );
    let tomorrow = now + Duration::days(1);
    assert_ne!(good(&app, now), good(&app, tomorrow));
    // Scrolling changes nothing but the time.
    app.update(Action::Down, tomorrow);
    let next_day = buttons_after_drawing(&app, 1);
    assert!(
        next_day.contains(&format!("3 Good {}", good(&app, tomorrow))),
        "{next_day}"
    );
}

/// The app drawn at 80×24 with `theme`.
fn draw(app: &App, theme: &crate::ui::Theme) -> ratatui::buffer::Buffer {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal
        .draw(|frame| {
            crate::ui::draw(frame, app, theme);
        })
        .unwrap();
    terminal.backend().buffer().clone()
}

fn row_text(buf: &ratatui::buffer::Buffer, y: u16) -> String {
    (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect()
}

#[test]
fn a_cloze_card_gaps_its_deletion_then_highlights_it_and_shows_extra() {
    let now = time(NOW);
    let text = "[deck]\nname = \"G\"\n[[cards]]\nid = \"cap\"\n\
        cloze = \"The capital of {{c1::France}} is {{c2::Paris::a city}}.\"\nextra = \"Since 508.\"\n";
    let study = crate::study::tests::study_of(
        crate::study::tests::one_deck("g", text),
        Settings::default(),
        &[],
        now,
    );
    let theme = crate::ui::Theme::default();
    let mut app = app_on(study, now, Kind::Due);
    let question = draw(&app, &theme);
    let rows: Vec<String> = (0..24).map(|y| row_text(&question, y)).collect();
    assert!(
        rows.iter()
            .any(|r| r.contains("The capital of […] is Paris.")),
        "{rows:#?}"
    );
    assert!(!rows.iter().any(|r| r.contains("France")));
    app.update(Action::Reveal, now);
    let answer = draw(&app, &theme);
    let rows: Vec<String> = (0..24).map(|y| row_text(&answer, y)).collect();
    let y = rows
        .iter()
        .position(|r| r.contains("The capital of France is Paris."))
        .unwrap_or_else(|| panic!("{rows:#?}"));
    assert!(rows[y + 1..].iter().any(|r| r.contains("Since 508.")));
    // "France" in the highlight, the rest of the text in the title's style.
    let before = &rows[y][..rows[y].find("France").unwrap()];
    let x = u16::try_from(before.chars().count()).unwrap();
    let y = u16::try_from(y).unwrap();
    for dx in 0..6 {
        assert_eq!(answer[(x + dx, y)].style().fg, theme.highlight.fg);
    }
    assert_eq!(answer[(x + 7, y)].symbol(), "i");
    assert_ne!(answer[(x + 7, y)].style().fg, theme.highlight.fg);
    assert!(!rows[usize::from(y)].contains('['));
}
