//! The statistics screen: tabs of charts, side by side at 160×48, one at a time and
//! scrolled at 80×24. Which charts each tab holds is [`panel::of_tab`]; how they are laid out
//! and scrolled, [`grid::Grid`]. Drawing only reads the figures computed when the screen
//! opened: a tab or a range switch computes nothing.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Tabs, Widget};

mod bars;
mod calendar;
mod cards;
mod forecast;
pub mod grid;
mod overview;
mod panel;
pub mod progress;
mod retention;
mod reviews;
mod row_bars;
mod search;
pub mod trouble;
mod workload;

use super::{Theme, chrome};
use crate::app::{Action, App, StatsScreen, StatsTab};
use panel::{Ctx, Panel};

/// The tabs' row and the tab's content inside the chrome's `body`; a blank line between them
/// unless the screen is short (40×12), where every row goes to the content.
fn split(body: Rect) -> [Rect; 2] {
    let tabs = if body.height < 12 { 1 } else { 2 };
    Layout::vertical([Constraint::Length(tabs), Constraint::Min(3)])
        .areas(body.inner(Margin::new(1, 0)))
}

/// Rows a tab's content has on a `width` × `height` terminal.
#[must_use]
pub fn content_rows(width: u16, height: u16) -> u16 {
    content(width, height).height
}

fn content(width: u16, height: u16) -> Rect {
    split(chrome::body(Rect::new(0, 0, width, height)))[1]
}

/// How far the tab showing scrolls on a `width` × `height` terminal, and by how much a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scroll {
    /// The furthest scroll, in rows: the tab's last row at the screen's bottom.
    pub most: u16,
    /// Rows of one chart.
    pub page: u16,
}

impl Scroll {
    #[must_use]
    pub fn of(screen: &StatsScreen, width: u16, height: u16) -> Self {
        let grid = grid_of(screen.tab, content(width, height));
        Self {
            most: grid.most_scroll(),
            page: grid.page(),
        }
    }
}

/// The layout of `tab`'s charts in `area`.
fn grid_of(tab: StatsTab, area: Rect) -> grid::Grid {
    let panels = panel::of_tab(tab);
    let least = panels.iter().map(|p| p.least_height()).max().unwrap_or(0);
    grid::Grid::new(area, panels.len(), least)
}

pub fn render(app: &App, screen: &StatsScreen, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let title = format!("Statistics · {}", screen.title);
    let body = chrome::render(app, theme, &title, status(screen), area, buf);
    let [tabs, content] = split(body);
    render_tabs(screen.tab, theme, tabs, buf);
    let content = search::render(screen, theme, content, buf);
    let ctx = Ctx { app, screen, theme };
    let panels: &[Panel] = panel::of_tab(screen.tab);
    grid_of(screen.tab, content).render(screen.scroll, buf, |index, area, buf| {
        panels[index].render(ctx, area, buf);
    });
}

/// The header's right: the range or year a tab shows, else how to switch tabs.
fn status(screen: &StatsScreen) -> Line<'static> {
    let keys = screen.keys();
    let text = match screen.tab {
        StatsTab::FutureDue => format!(
            "{} · {} range",
            screen.view.future.label(),
            keys.label(&Action::NextRange)
        ),
        StatsTab::Reviews => format!(
            "{} · {} range",
            screen.view.reviews.label(),
            keys.label(&Action::NextRange)
        ),
        StatsTab::Calendar => format!(
            "{} · {} year",
            screen
                .view
                .year
                .map_or_else(|| "last 12 months".to_owned(), |y| y.to_string()),
            keys.label(&Action::NextYear)
        ),
        _ => format!("{} switches", keys.label(&Action::Right)),
    };
    Line::raw(text)
}

/// The tabs' titles, the selected one highlighted. Where they do not all fit (at 40
/// columns), the ones around the selected tab, with ‹ and › where some are left out.
fn render_tabs(selected: StatsTab, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let titles = StatsTab::ALL.map(StatsTab::title);
    let width = usize::from(area.width);
    // Each title with a space of padding each side and a divider, or with the divider alone.
    let padded: usize = titles.iter().map(|t| t.chars().count() + 3).sum();
    let bare = |from: usize, to: usize| -> usize {
        titles[from..=to]
            .iter()
            .map(|t| t.chars().count() + 1)
            .sum()
    };
    let at = selected.index();
    let (first, last, padding) = if padded <= width {
        (0, titles.len() - 1, " ")
    } else if bare(0, titles.len() - 1) <= width {
        (0, titles.len() - 1, "")
    } else {
        // Two columns for the marks.
        let room = width.saturating_sub(4);
        let mut first = at;
        let mut last = at;
        while last + 1 < titles.len() && bare(first, last + 1) <= room {
            last += 1;
        }
        while first > 0 && bare(first - 1, last) <= room {
            first -= 1;
        }
        (first, last, "")
    };
    let [left, middle, right] = Layout::horizontal([
        Constraint::Length(if first > 0 { 2 } else { 0 }),
        Constraint::Min(1),
        Constraint::Length(if last + 1 < titles.len() { 2 } else { 0 }),
    ])
    .areas(area);
    if first > 0 {
        Line::styled("‹", theme.dim).render(left, buf);
    }
    Tabs::new(titles[first..=last].to_vec())
        .select(at - first)
        .highlight_style(theme.selected)
        .divider(" ")
        .padding(padding, padding)
        .render(middle, buf);
    if last + 1 < titles.len() {
        Line::styled(" ›", theme.dim).render(right, buf);
    }
}
