//! The statistics' edges: keys where they do nothing, the smallest screen, and histories
//! with nothing to show.

use super::*;

#[test]
fn range_keys_show_in_the_footer_only_where_they_work() {
    let overview = on_tab(StatsTab::Overview, 80, 24);
    let footer = line(&draw(&overview, 80, 24), 23);
    assert!(
        !footer.contains("r range") && !footer.contains("y year"),
        "{footer}"
    );
    for (tab, hint) in [
        (StatsTab::Reviews, "r range"),
        (StatsTab::FutureDue, "r range"),
        (StatsTab::Calendar, "y year"),
    ] {
        let app = on_tab(tab, 80, 24);
        assert!(line(&draw(&app, 80, 24), 23).starts_with(hint), "{tab:?}");
    }
    // `r` on a tab without ranges changes nothing.
    let mut app = on_tab(StatsTab::Overview, 80, 24);
    let key = crossterm::event::KeyEvent::new(
        crossterm::event::KeyCode::Char('r'),
        crossterm::event::KeyModifiers::NONE,
    );
    assert_eq!(app.action_for(key), None);
    app.update(Action::NextRange, app.now);
    assert_eq!(
        screen_of(&app).view,
        crate::app::statistics::View::default()
    );
}

#[test]
fn at_40x12_every_tab_shows_its_name_and_scrolls_to_its_end_without_a_panic() {
    for tab in StatsTab::ALL {
        let mut app = on_tab(tab, 40, 12);
        let screen = text(&draw(&app, 40, 12));
        assert!(screen.contains(tab.title()), "{screen}");
        for _ in 0..12 {
            press(&mut app, &Action::PageDown, 1);
            draw(&app, 40, 12);
        }
        press(&mut app, &Action::NextRange, 4);
        press(&mut app, &Action::NextYear, 3);
        let screen = text(&draw(&app, 40, 12));
        assert!(!screen.contains("NaN"), "{screen}");
    }
}

/// Every chart on a history with nothing to show: no answer at all, or practice answers only.
#[test]
fn every_chart_says_no_data_yet_when_it_has_nothing_to_show() {
    let now = time("2026-11-27T10:00:00+01:00");
    let practice = [learned("f", "d/c1", "choice", now - Duration::minutes(10))];
    for (events, practice_only) in [(&[][..], false), (&practice[..], true)] {
        let mut seen = Vec::new();
        for tab in StatsTab::ALL {
            let mut app = app_of(events, 160, 48);
            go_to(&mut app, tab);
            let flat = flat_of(&app, 160, 48);
            assert!(!flat.contains("NaN"), "{flat}");
            seen.push(flat);
        }
        let all = seen.join(" ");
        let expected = [
            "No data yet: the cards you remember",
            "No data yet: true retention counts",
            "No data yet: this needs reviews",
            "No data yet: calibration needs",
            "No data yet: no review cards yet.",
            "No data yet: no minutes in this range.",
            "No data yet: no answers in review yet.",
            "No data yet: no review is due in the next 1 month",
            "No data yet: no answers in review on these days.",
        ];
        for wanted in expected {
            assert!(all.contains(wanted), "{wanted}: {all}");
        }
        // Stability, difficulty and retrievability of studied cards: none.
        assert_eq!(all.matches("No data yet: no studied cards yet.").count(), 3);
        // A practice answer is on the answers chart; with none, that chart is empty too.
        assert_eq!(
            all.contains("No data yet: no answers in this range."),
            !practice_only,
            "{all}"
        );
        if practice_only {
            assert!(all.contains("■ practice 1"), "{all}");
        }
    }
}

/// No deck at all: the statistics of all decks have no card to count and no deck to list.
#[test]
fn no_deck_has_no_card_counts_and_no_deck_figures() {
    let now = time("2026-11-27T10:00:00+01:00");
    let study = crate::study::Study::new(
        Collection::default(),
        crate::store::History::default(),
        crate::scheduler::Scheduler::new(Settings::default()).unwrap(),
        now,
    );
    let mut app = App::new(study, PathBuf::from("/home/u/decks"), now);
    app.update(Action::Statistics, now);
    let overview = flat_of(&app, 160, 48);
    assert!(overview.contains("Statistics · All decks"), "{overview}");
    assert!(
        overview.contains("No data yet: no deck is chosen."),
        "{overview}"
    );
    go_to(&mut app, StatsTab::Cards);
    let cards = flat_of(&app, 160, 48);
    assert!(
        cards.contains("No data yet: these decks have no cards."),
        "{cards}"
    );
}
