//! Every statistics tab at 80×24, 160×48 and 40×12 on a small history worked by hand, the
//! range and year keys, and "No data yet" on an empty history.
//!
//! The history (fuzz off), on deck `d` ("D") of four cards, read on Fri 27 Nov 2026 at
//! 10:00 (UTC+1):
//! - c3: Good on Tue 10 Jun 2025 at 10:00, new to learning; it stays there.
//! - c0: Easy on 17 Nov 2026 at 10:00 (new to review, 8 days: FSRS-6's Easy stability,
//!   8.2956, rounded), then Again today at 9:00 taking 4 s: a young review failed, now
//!   relearning.
//! - c1: Good today at 9:30 taking 6 s (new to learning), then a right answer in Learn at
//!   9:50 (a practice answer).
//! - c2: Easy today at 9:40: new to review, due in 8 days.
//!
//! So: 5 answers in review on 3 days; today 3 (learn 2, review 1), 10 s, one Again in
//! three; cards 2 learning, 1 relearning, 1 young; hours 9 (3 answers, 2 correct) and 10
//! (2, both correct); buttons: learning Good 2, Easy 2; young Again 1; one review due, on
//! day 8, none overdue, daily load 1/8.

use chrono::Duration;

use super::*;
use crate::app::statistics::Range;
use crate::app::{Screen, StatsTab};
use crate::scheduler::{Rating, Settings};
use crate::stats::tests::timed;
use crate::study::tests::{learned, review, study_with, time};

/// The app on the statistics of deck `d`, with `events`, last drawn at `width` × `height`.
fn app_of(events: &[crate::store::NewEvent], width: u16, height: u16) -> App {
    let now = time("2026-11-27T10:00:00+01:00");
    let settings = Settings {
        fuzz: false,
        ..Settings::default()
    };
    let study = study_with(4, settings, events, now);
    let mut app = App::new(study, PathBuf::from("/home/u/decks"), now);
    app.update(Action::Resize { width, height }, now);
    app.update(Action::Statistics, now);
    app
}

fn fixture() -> Vec<crate::store::NewEvent> {
    let now = time("2026-11-27T10:00:00+01:00");
    vec![
        review("e", "d/c3", Rating::Good, time("2025-06-10T10:00:00+01:00")),
        review("a", "d/c0", Rating::Easy, now - Duration::days(10)),
        timed(
            review("b", "d/c0", Rating::Again, now - Duration::hours(1)),
            4000,
        ),
        timed(
            review("c", "d/c1", Rating::Good, now - Duration::minutes(30)),
            6000,
        ),
        review("d", "d/c2", Rating::Easy, now - Duration::minutes(20)),
        learned("f", "d/c1", "choice", now - Duration::minutes(10)),
    ]
}

/// The fixture's statistics on `tab`, drawn at `width` × `height`.
fn on_tab(tab: StatsTab, width: u16, height: u16) -> App {
    let mut app = app_of(&fixture(), width, height);
    go_to(&mut app, tab);
    app
}

fn go_to(app: &mut App, tab: StatsTab) {
    for _ in 0..tab.index() {
        app.update(Action::Right, app.now);
    }
    assert_eq!(screen(app).tab, tab);
}

fn screen(app: &App) -> &crate::app::StatsScreen {
    let Screen::Stats(screen) = &app.screen else {
        panic!("not on the statistics");
    };
    screen
}

/// The screen's rows, each trimmed, and the rows' words, for rows whose columns vary.
fn words_of(screen: &str, starting: &str) -> Vec<String> {
    let row = screen
        .lines()
        .map(str::trim)
        .find(|l| l.starts_with(starting))
        .unwrap_or_else(|| panic!("no row starting {starting:?}:\n{screen}"));
    row.split_whitespace().map(str::to_owned).collect()
}

fn press(app: &mut App, action: &Action, times: usize) {
    for _ in 0..times {
        app.update(action.clone(), app.now);
    }
}

#[test]
fn overview_shows_today_the_totals_and_the_decks() {
    for (width, height) in [(80, 24), (160, 48)] {
        let buf = draw(&on_tab(StatsTab::Overview, width, height), width, height);
        let (screen, flat) = (text(&buf), flat(&buf));
        for wanted in [
            "Today  3 answers in 1 min · 33% Again",
            "learn 2 · review 1 · relearn 0 · practice modes 1",
            "mature cards correct: –",
            "Total  5 answers on 3 days",
            "Cards  0 new · 2 learning · 1 relearning · 1 young · 0 mature",
        ] {
            assert!(
                screen.contains(wanted),
                "{wanted} at {width}×{height}:\n{screen}"
            );
        }
        // Beside today at 160 columns, under it (a page down) at 80.
        assert_eq!(
            flat.contains("Cards remembered now"),
            width == 160,
            "{screen}"
        );
    }
    let wide = text(&draw(&on_tab(StatsTab::Overview, 160, 48), 160, 48));
    // c0's Again today is the deck's one counted review.
    assert!(
        wide.contains("learn 0% mastered · test – · match – · review 0% (0/1)"),
        "{wide}"
    );
}

#[test]
fn retention_has_every_period_the_bands_and_calibration() {
    let screen = text(&draw(&on_tab(StatsTab::Retention, 160, 48), 160, 48));
    // The table's chart is the left one of the top two.
    let left: String = screen
        .lines()
        .map(|l| l.chars().take(80).collect::<String>() + "\n")
        .collect();
    // c0's Again today, a young card (interval 8), is the one review counted.
    let fail = ["0%", "(0/1)", "–", "0%", "(0/1)"].map(str::to_owned);
    for period in ["Today", "Last week", "Last month", "Last year", "All time"] {
        assert_eq!(
            words_of(&left, period)[period.split(' ').count()..],
            fail,
            "{period}"
        );
    }
    assert_eq!(
        words_of(&left, "Yesterday")[1..],
        ["–", "–", "–"].map(str::to_owned)
    );
    // Its stability before it was Easy's 8.2956 days: the 7–21 day band.
    assert!(screen.contains("7d–21d  0% (0/1)"), "{screen}");
    assert!(screen.contains("1d–7d   –"), "{screen}");
    // Predicted recall after 10 days at stability 8.2956 (FSRS-6, w20 = 0.1542):
    // (1 + (0.9^(−1/0.1542) − 1) × 10/8.2956)^−0.1542 = 0.8867, so 89% predicted in the
    // 80–90% bin, 0% actual, a gap of −88.7 points.
    let calibrated = ["1", "89%", "0%", "-88.7"].map(str::to_owned);
    // The table's columns, the chart beside them left out.
    assert_eq!(words_of(&screen, "80–90%")[1..5], calibrated);
    assert_eq!(words_of(&screen, "all ")[1..5], calibrated);
    assert_eq!(
        words_of(&screen, "70–80%")[1..5],
        ["0", "–", "–", "–"].map(str::to_owned)
    );
    // At 80×24 one chart at a time: the table, then a page down for the bands, then
    // calibration.
    let mut app = on_tab(StatsTab::Retention, 80, 24);
    let first = text(&draw(&app, 80, 24));
    assert!(
        first.contains("Yesterday") && !first.contains("7d–21d"),
        "{first}"
    );
    press(&mut app, &Action::PageDown, 1);
    assert!(text(&draw(&app, 80, 24)).contains("7d–21d  0% (0/1)"));
    press(&mut app, &Action::PageDown, 1);
    let last = text(&draw(&app, 80, 24));
    assert_eq!(words_of(&last, "80–90%")[1..5], calibrated, "{last}");
}

#[test]
fn cards_count_each_state_and_the_distributions_their_cards() {
    let buf = draw(&on_tab(StatsTab::Cards, 160, 48), 160, 48);
    let (screen, flat) = (text(&buf), flat(&buf));
    for wanted in [
        "new        0 (0%)",
        "learning   2 (50%)",
        "relearning 1 (25%)",
        "young      1 (25%)",
        "mature     0 (0%)",
        "4 cards in all",
    ] {
        assert!(screen.contains(wanted), "{wanted}:\n{screen}");
    }
    // c2, the one review card, has an interval of 8 days; every studied card (c3's one
    // answer too) has a stability, a difficulty and a recall.
    assert!(
        flat.contains("1 review card counted; median 8d, mean 8d."),
        "{flat}"
    );
    assert_eq!(flat.matches("4 studied cards counted").count(), 3, "{flat}");
    // At 80×24 the counts alone, then the intervals a page down.
    let mut app = on_tab(StatsTab::Cards, 80, 24);
    assert!(!flat_of(&app, 80, 24).contains("review card counted"));
    press(&mut app, &Action::PageDown, 1);
    assert!(flat_of(&app, 80, 24).contains("1 review card counted; median 8d, mean 8d."));
}

/// The screen's lines, trimmed and joined by spaces, without the scrollbar's column.
fn flat_of(app: &App, width: u16, height: u16) -> String {
    let buf = draw(app, width, height);
    (0..height)
        .map(|y| {
            let row: String = (0..width - 1).map(|x| buf[(x, y)].symbol()).collect();
            row.trim().to_owned()
        })
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn reviews_stack_the_kinds_and_r_widens_the_range() {
    // At 160×48 the four charts two by two: answers beside minutes, hours beside buttons.
    let wide = text(&draw(&on_tab(StatsTab::Reviews, 160, 48), 160, 48));
    let row = |title: &str| wide.lines().position(|l| l.contains(title)).unwrap();
    assert_eq!(row("Answers, 1 month"), row("Minutes answering, 1 month"));
    assert_eq!(row("Answers by hour"), row("Answer buttons"));
    // At 80×24 one at a time, a page each.
    let mut app = on_tab(StatsTab::Reviews, 80, 24);
    let mut pages = Vec::new();
    for _ in 0..4 {
        pages.push(flat_of(&app, 80, 24));
        press(&mut app, &Action::PageDown, 1);
    }
    // The last 30 days (from 29 Oct): a, c, d learning, b young, f practice; e is older.
    assert!(
        pages[0].contains("Answers, 1 month, stacked by kind"),
        "{}",
        pages[0]
    );
    assert!(pages[0].contains("29 Oct 2026"), "{}", pages[0]);
    assert!(
        pages[0]
            .contains("■ learning 3 ■ young 1 ■ practice 1 · line: running total, 5 at the top"),
        "{}",
        pages[0]
    );
    // 6 s learning, 4 s young: 0.1 minutes each, 0.2 together.
    assert!(
        pages[1].contains("■ learning 0.1 ■ young 0.1 · line: running total, 0.2 at the top"),
        "{}",
        pages[1]
    );
    // Hour 9 (b, c, d: one Again) is the busiest; hour 10 (a, e) both right.
    assert!(
        pages[2].contains("Busiest 9:00, 3 answers, 67% (2/3) correct."),
        "{}",
        pages[2]
    );
    let buttons = pages[3].split_whitespace().collect::<Vec<_>>().join(" ");
    for wanted in [
        "learning Again 0% · Hard 0% · Good 50% · Easy 50% · correct 100% (4/4)",
        "young Again 100% · Hard 0% · Good 0% · Easy 0% · correct 0% (0/1)",
        "mature Again 0% · Hard 0% · Good 0% · Easy 0% · correct –",
    ] {
        assert!(buttons.contains(wanted), "{wanted}:\n{buttons}");
    }
    // Back to the answers: 90 days from 30 Aug, 365 from 28 Nov 2025, both after 10 Jun
    // 2025; all time takes e in.
    press(&mut app, &Action::PageUp, 4);
    for (range, start) in [
        (Range::ThreeMonths, "30 Aug 2026"),
        (Range::Year, "28 Nov 2025"),
    ] {
        press(&mut app, &Action::NextRange, 1);
        assert_eq!(screen_of(&app).view.reviews, range);
        let screen = flat_of(&app, 80, 24);
        assert!(
            screen.contains(&format!("Answers, {}", range.label())),
            "{screen}"
        );
        assert!(screen.contains(start), "{start}: {screen}");
        assert!(screen.contains("running total, 5 at the top"), "{screen}");
    }
    press(&mut app, &Action::NextRange, 1);
    let all = flat_of(&app, 80, 24);
    assert!(
        all.contains("Answers, all time") && all.contains("10 Jun 2025"),
        "{all}"
    );
    assert!(all.contains("■ learning 4 ■ young 1 ■ practice 1"), "{all}");
    assert!(all.contains("running total, 6 at the top"), "{all}");
    assert!(line(&draw(&app, 80, 24), 0).ends_with("all time · r range"));
    press(&mut app, &Action::NextRange, 1);
    assert_eq!(screen_of(&app).view.reviews, Range::Month);
}

fn screen_of(app: &App) -> &crate::app::StatsScreen {
    screen(app)
}

#[test]
fn future_due_ranges_and_the_overdue_bar() {
    let mut app = on_tab(StatsTab::FutureDue, 80, 24);
    let buf = draw(&app, 80, 24);
    let words = flat(&buf);
    assert!(
        words.contains("Reviews due in the next 30 days: 1 (a bar a day"),
        "{words}"
    );
    assert!(words.contains("due tomorrow: 0. None overdue. Daily load: 0.1 reviews a day."));
    // c2, due on day 8: 78 columns less a scale of 3 leave 75, two a day; day 8's bar
    // starts at 1 + 3 + 8 × 2 = 20, the only one in the top row.
    let top = line(&buf, 5);
    assert_eq!(top.trim_end(), format!(" 1 ┤{}█", " ".repeat(16)), "{top}");
    for (days, every) in [(90, "a bar every 2 days"), (365, "a bar every 7 days")] {
        press(&mut app, &Action::NextRange, 1);
        let flat = flat_of(&app, 80, 24);
        assert!(
            flat.contains(&format!("next {days} days: 1 ({every}")),
            "{flat}"
        );
    }
    press(&mut app, &Action::NextRange, 1);
    assert_eq!(screen_of(&app).view.future, Range::Month);
    // c2 answered Easy 20 days ago was due 12 days ago: overdue, a red bar first.
    let now = time("2026-11-27T10:00:00+01:00");
    let mut late = app_of(
        &[review("a", "d/c2", Rating::Easy, now - Duration::days(20))],
        80,
        24,
    );
    go_to(&mut late, StatsTab::FutureDue);
    let buf = draw(&late, 80, 24);
    assert!(
        flat(&buf).contains("The red bar at the left: 1 card overdue."),
        "{}",
        flat(&buf)
    );
    assert_eq!(buf[(4, 5)].symbol(), "█");
    assert_eq!(buf[(4, 5)].fg, ratatui::style::Color::Red);
}

#[test]
fn the_calendar_steps_through_the_years_with_y() {
    let mut app = on_tab(StatsTab::Calendar, 80, 24);
    let flat = flat_of(&app, 80, 24);
    assert!(flat.contains("28 Nov 2025 to 27 Nov 2026"), "{flat}");
    assert!(
        flat.contains(
            "Busiest day: 27 Nov 2026, 3 answers. Study days in a row: 1 now, 1 at most."
        )
    );
    press(&mut app, &Action::NextYear, 1);
    let flat = flat_of(&app, 80, 24);
    assert!(
        flat.contains("Calendar of 2026") && flat.contains("1 Jan 2026 to 27 Nov 2026"),
        "{flat}"
    );
    press(&mut app, &Action::NextYear, 1);
    let flat = flat_of(&app, 80, 24);
    assert!(flat.contains("1 Jan 2025 to 31 Dec 2025"), "{flat}");
    // A past year has no streak now.
    assert!(
        flat.contains("Busiest day: 10 Jun 2025, 1 answer. Study days in a row: 1 at most."),
        "{flat}"
    );
    assert!(line(&draw(&app, 80, 24), 0).ends_with("2025 · y year"));
    press(&mut app, &Action::NextYear, 1);
    assert_eq!(screen_of(&app).view.year, None);
    // At 160 columns the weeks widen to two columns each.
    let mut wide = on_tab(StatsTab::Calendar, 160, 48);
    press(&mut wide, &Action::NextYear, 2);
    let screen = text(&draw(&wide, 160, 48));
    let months = screen
        .lines()
        .find(|l| l.contains("Jan") && l.contains("Dec"))
        .unwrap();
    // 1 Jan 2025 is a Wednesday: week 0 holds it, so "Jan" heads the first week.
    assert_eq!(months.split_whitespace().next(), Some("Jan"), "{screen}");
}

#[test]
#[ignore = "prints every tab for a look"]
fn dump_every_tab() {
    let mut out = String::new();
    for tab in StatsTab::ALL {
        for (width, height) in [(160, 48), (80, 24), (40, 12)] {
            let app = on_tab(tab, width, height);
            let _ = writeln!(out, "==== {} {width}x{height}", tab.title());
            let _ = writeln!(out, "{}", text(&draw(&app, width, height)));
        }
    }
    for tab in StatsTab::ALL {
        let mut app = app_of(&[], 160, 48);
        go_to(&mut app, tab);
        let _ = writeln!(out, "==== empty {} 160x48", tab.title());
        let _ = writeln!(out, "{}", text(&draw(&app, 160, 48)));
    }
    std::fs::write("/tmp/wt17ui-tabs.txt", out).unwrap();
}

mod edges;

/// The cards tab at `width` × `height` with the counts of issue 17's report: 9 new, 734
/// young and 460 mature, 1,203 cards.
fn counted_cards(width: u16, height: u16) -> Buffer {
    let mut app = on_tab(StatsTab::Cards, width, height);
    let Screen::Stats(screen) = &mut app.screen else {
        panic!("not on the statistics");
    };
    screen.stats.cards = crate::stats::cards::CardCounts {
        new: 9,
        young: 734,
        mature: 460,
        ..Default::default()
    };
    draw(&app, width, height)
}

/// The full blocks on the screen's row that starts (after spaces) with `name`.
fn blocks_of(buf: &Buffer, name: &str) -> usize {
    let text = text(buf);
    let row = text
        .lines()
        .find(|l| l.trim_start().starts_with(&format!("{name} ")))
        .unwrap_or_else(|| panic!("no {name} row:\n{text}"));
    row.matches('█').count()
}

#[test]
fn card_count_bars_are_in_proportion_with_their_numbers_beside_them() {
    // At 80×24 the chart takes columns 1 to 78 (the scrollbar is the last): the names 11
    // ("relearning "), the words 9 ("734 (61%)") and 2 spaces, so the bars get 56 columns,
    // the 1,203 cards' share each: 734 × 56 / 1203 = 34.2 and 460 × 56 / 1203 = 21.4,
    // whole blocks.
    let buf = counted_cards(80, 24);
    assert_eq!(blocks_of(&buf, "young"), 34, "{}", text(&buf));
    assert_eq!(blocks_of(&buf, "mature"), 21);
    assert!(
        text(&buf).contains(" young      734 (61%)  ██"),
        "{}",
        text(&buf)
    );
    // At 40×12 the chart has 38 columns, so 16 for bars: 734 × 16 / 1203 = 9.8 and
    // 460 × 16 / 1203 = 6.1.
    let buf = counted_cards(40, 12);
    assert_eq!(blocks_of(&buf, "young"), 9, "{}", text(&buf));
    assert_eq!(blocks_of(&buf, "mature"), 6);
}

#[test]
fn the_footer_at_80_columns_names_scrolling_the_next_chart_and_search() {
    // The full hints take more than 80 columns, so the compact ones: each key's first name
    // and its short hint, help and back kept.
    let footer = |tab| {
        let buf = draw(&on_tab(tab, 80, 24), 80, 24);
        line(&buf, 23).trim_end().to_owned()
    };
    assert_eq!(
        footer(StatsTab::Overview),
        "Tab next   Shift-Tab prev   ↓ scroll   PgDn chart   / search   ? help   q back"
    );
    // With `r` first, `/` is the one left out.
    assert_eq!(
        footer(StatsTab::Reviews),
        "r range   Tab next   Shift-Tab prev   ↓ scroll   PgDn chart   ? help   q back"
    );
}

#[test]
fn the_interval_histogram_labels_half_a_year_a_year_and_two() {
    // At 80×24 the intervals chart is a page down: 16 bins in 75 columns (the chart's 78
    // less the scale's 3, "1 ┤"), 4 a bar. "180d" would fill a bar's 4 and leave "1y" no
    // space before it; "6m" does.
    let mut app = on_tab(StatsTab::Cards, 80, 24);
    press(&mut app, &Action::PageDown, 1);
    let screen = text(&draw(&app, 80, 24));
    let labels = screen
        .lines()
        .find(|l| l.contains(" 0d "))
        .unwrap_or_else(|| panic!("no labels:\n{screen}"));
    // Every edge of `DAY_EDGES` has its label (the scrollbar's column left out).
    let words: Vec<&str> = labels.split_whitespace().filter(|w| *w != "║").collect();
    assert_eq!(
        words,
        [
            "0d", "1d", "2d", "3d", "5d", "7d", "10d", "14d", "21d", "30d", "45d", "60d", "90d",
            "6m", "1y", "2y"
        ],
        "{labels}"
    );
}
