//! The key hints line, drawn from the same table that handles the keys.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::Theme;
use crate::app::{Action, Binding, Keys};

/// Columns between two hints.
const GAP: usize = 3;

/// Renders `key hint` pairs in the table's order. When they do not all fit, the table's
/// earlier hints win, except that help and the way out (`?`, `q`) go last: without them a
/// user cannot find the rest or leave.
pub fn render(bindings: Keys, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let shown = fitting(bindings, usize::from(area.width));
    let mut spans = Vec::new();
    for binding in shown {
        spans.push(Span::styled(bindings.key_label(binding), theme.key));
        spans.push(Span::styled(format!(" {}   ", binding.hint), theme.dim));
    }
    Line::from(spans).render(area, buf);
}

/// Whether a hint is one of those kept to the last: help, back, quit, close.
fn kept_last(binding: &Binding) -> bool {
    matches!(binding.action, Action::Help | Action::Back | Action::Quit)
}

/// The footer's hints that fit `width` columns, in the table's order.
fn fitting(bindings: Keys, width: usize) -> Vec<&'static Binding> {
    let all: Vec<&Binding> = bindings.iter().filter(|b| b.in_footer).collect();
    // The key, a space and the hint, then the gap, which the last one needs not.
    let columns =
        |b: &Binding| bindings.key_label(b).chars().count() + 1 + b.hint.chars().count() + GAP;
    let mut used: usize = all
        .iter()
        .filter(|b| kept_last(b))
        .map(|b| columns(b))
        .sum();
    let mut chosen: Vec<bool> = all.iter().map(|b| kept_last(b)).collect();
    for (i, binding) in all.iter().enumerate() {
        if !chosen[i] && used + columns(binding) <= width + GAP {
            used += columns(binding);
            chosen[i] = true;
        }
    }
    // Too narrow even for the kept ones: the earliest of them that fit.
    if used > width + GAP {
        let mut room = width + GAP;
        for (i, binding) in all.iter().enumerate() {
            chosen[i] = chosen[i] && kept_last(binding) && columns(binding) <= room;
            if chosen[i] {
                room -= columns(binding);
            }
        }
    }
    all.into_iter()
        .zip(chosen)
        .filter(|(_, chosen)| *chosen)
        .map(|(binding, _)| binding)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::keys;

    fn shown(bindings: Keys, width: usize) -> String {
        fitting(bindings, width)
            .iter()
            .map(|b| format!("{} {}", bindings.key_label(b), b.hint))
            .collect::<Vec<_>>()
            .join("   ")
    }

    #[test]
    fn help_and_quit_stay_when_others_give_way() {
        // Home's footer needs 108 columns; at 80 the last of the others go first: up, down
        // and review all.
        assert_eq!(
            shown(keys::HOME, 80),
            "Enter review   m study modes   / filter   s stats   v browse   ? help   q quit"
        );
        // A later hint that fits takes the room an earlier one could not.
        assert_eq!(
            shown(keys::HOME, 40),
            "Enter review   s stats   ? help   q quit"
        );
        assert_eq!(shown(keys::HOME, 15), "? help   q quit");
        // Narrower than both: the first that fits.
        assert_eq!(shown(keys::HOME, 10), "? help");
        // Wide: every footer key, in the table's order.
        assert!(shown(keys::HOME, 160).ends_with("↓/j down   ? help   q quit"));
    }

    #[test]
    fn every_line_fits_its_width() {
        for (name, bindings) in keys::ALL {
            for width in [20, 30, 40, 60, 80] {
                let line = shown(*bindings, width);
                assert!(line.chars().count() <= width, "{name} at {width}: {line}");
            }
        }
    }
}
