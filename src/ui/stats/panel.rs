//! The charts, one variant each, and which tab shows which: every figure of issue 17 §1 is
//! in one of them. Each chart is drawn under a rule titled with what it shows, and says "No
//! data yet" where it has nothing to show.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph, Widget, Wrap};

use super::{calendar, cards, forecast, overview, retention, reviews};
use crate::app::{App, StatsScreen, StatsTab};
use crate::ui::Theme;

/// What every chart draws from: the app, the screen (its figures and view) and the theme.
#[derive(Clone, Copy)]
pub(super) struct Ctx<'a> {
    pub app: &'a App,
    pub screen: &'a StatsScreen,
    pub theme: &'a Theme,
}

/// One chart of the statistics screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Panel {
    /// Today's answers, time, Again share, split and mature correct share; the totals.
    Today,
    /// Cards remembered now (Σ retrievability) and over the last 30 days.
    Remembered,
    /// Each deck's standing in every mode.
    Decks,
    /// True retention by period: young, mature, all.
    TrueRetention,
    /// True retention by the stability the card had.
    StabilityBands,
    /// Predicted recall against actual, in ten bins.
    Calibration,
    /// Cards by state.
    CardCounts,
    /// Review intervals' histogram.
    Intervals,
    /// Stability's histogram.
    Stability,
    /// Difficulty's histogram.
    Difficulty,
    /// Retrievability's histogram.
    Retrievability,
    /// Answers per day by kind, with their running total.
    Answers,
    /// Minutes per day by kind.
    Time,
    /// Answers per hour of the day and the share correct.
    Hours,
    /// The share of each button by kind of card.
    Buttons,
    /// Reviews due ahead, overdue ones apart.
    FutureDue,
    /// Answers per day over a year.
    Calendar,
    /// What each desired retention costs.
    Workload,
    /// Leeches, the cards most often answered Again, the pairs confused.
    Trouble,
    /// Each deck's retention and its practice modes week by week.
    Progress,
}

/// The charts of each tab, in reading order.
#[must_use]
pub(super) fn of_tab(tab: StatsTab) -> &'static [Panel] {
    use Panel as P;
    match tab {
        StatsTab::Overview => &[P::Today, P::Remembered, P::Decks],
        StatsTab::Retention => &[P::TrueRetention, P::StabilityBands, P::Calibration],
        StatsTab::Cards => &[
            P::CardCounts,
            P::Intervals,
            P::Stability,
            P::Difficulty,
            P::Retrievability,
        ],
        StatsTab::Reviews => &[P::Answers, P::Time, P::Hours, P::Buttons],
        StatsTab::FutureDue => &[P::FutureDue],
        StatsTab::Calendar => &[P::Calendar],
        StatsTab::Workload => &[P::Workload],
        StatsTab::Trouble => &[P::Trouble],
        StatsTab::Progress => &[P::Progress],
    }
}

impl Panel {
    /// Rows the chart needs to be read, its title's rule included.
    #[must_use]
    pub fn least_height(self) -> u16 {
        match self {
            // The grid's nine rows, the rule and two lines of words.
            Self::Calendar => 12,
            _ => 10,
        }
    }

    /// The chart's title: what it shows, in words.
    fn title(self, ctx: Ctx<'_>) -> String {
        let view = ctx.screen.view;
        match self {
            Self::Today => "Today".to_owned(),
            Self::Remembered => "Cards remembered now, and over the last 30 days".to_owned(),
            Self::Decks => "Each deck in every mode".to_owned(),
            Self::TrueRetention => {
                "True retention: share of reviews not Again (passed/total)".to_owned()
            }
            Self::StabilityBands => "True retention by the card's stability".to_owned(),
            Self::Calibration => "Calibration: recall FSRS predicted against actual".to_owned(),
            Self::CardCounts => "Card counts".to_owned(),
            Self::Intervals => "Review intervals, days".to_owned(),
            Self::Stability => "Stability, days".to_owned(),
            Self::Difficulty => "Difficulty, from 0% (easiest) to 100%".to_owned(),
            Self::Retrievability => "Retrievability now".to_owned(),
            Self::Answers => format!("Answers, {}, stacked by kind", view.reviews.label()),
            Self::Time => format!("Minutes answering, {}, by kind", view.reviews.label()),
            Self::Hours => "Answers by hour of the day, and the share correct".to_owned(),
            Self::Buttons => "Answer buttons by kind of card".to_owned(),
            Self::FutureDue => format!("Future due, the next {}", view.future.label()),
            Self::Calendar => match view.year {
                Some(year) => format!("Calendar of {year}"),
                None => "Calendar of the last 12 months".to_owned(),
            },
            Self::Workload => "Workload: what each desired retention costs".to_owned(),
            Self::Trouble => "Trouble cards: leeches, most Again, pairs confused".to_owned(),
            Self::Progress => "Progress: each deck's retention, and its weeks".to_owned(),
        }
    }

    /// Draws the chart under its titled rule.
    pub fn render(self, ctx: Ctx<'_>, area: Rect, buf: &mut Buffer) {
        let block = Block::new()
            .borders(Borders::TOP)
            .border_style(ctx.theme.dim)
            .title(Line::styled(
                format!(" {} ", self.title(ctx)),
                ctx.theme.title,
            ));
        let inner = block.inner(area);
        block.render(area, buf);
        let stats = &ctx.screen.stats;
        let theme = ctx.theme;
        match self {
            Self::Today => overview::today(stats, theme, inner, buf),
            Self::Remembered => overview::remembered(stats, theme, inner, buf),
            Self::Decks => overview::decks(stats, theme, inner, buf),
            Self::TrueRetention => retention::table(stats, theme, inner, buf),
            Self::StabilityBands => retention::bands(stats, theme, inner, buf),
            Self::Calibration => retention::calibration(stats, theme, inner, buf),
            Self::CardCounts => cards::counts(stats, theme, inner, buf),
            Self::Intervals | Self::Stability | Self::Difficulty | Self::Retrievability => {
                cards::distribution(self, stats, theme, inner, buf);
            }
            Self::Answers => reviews::answers(ctx, inner, buf),
            Self::Time => reviews::time(ctx, inner, buf),
            Self::Hours => reviews::hours(stats, theme, inner, buf),
            Self::Buttons => reviews::buttons(stats, theme, inner, buf),
            Self::FutureDue => forecast::render(ctx, inner, buf),
            Self::Calendar => calendar::render(stats, ctx.screen.view.year, theme, inner, buf),
            Self::Workload => super::workload::render(ctx.app, ctx.screen, theme, inner, buf),
            Self::Trouble => super::trouble::render(stats, ctx.screen.row, theme, inner, buf),
            Self::Progress => super::progress::render(stats, ctx.screen.row, theme, inner, buf),
        }
    }
}

/// "No data yet", and what would show here: for a chart with nothing to draw.
pub(super) fn no_data(what: &str, theme: &Theme, area: Rect, buf: &mut Buffer) {
    Paragraph::new(format!("No data yet: {what}"))
        .style(theme.dim)
        .wrap(Wrap { trim: true })
        .render(area, buf);
}
