//! The key hints line, drawn from the same table that handles the keys.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::Theme;
use crate::app::{Action, Binding, Keys};

/// Columns between two hints.
const GAP: usize = 3;

/// Renders `key hint` pairs in the table's order. When they do not all fit, the footer
/// goes compact (each key's first name, `↑` for `↑/k`, and the short hints), then the
/// table's earlier hints win, except that help and the way out (`?`, `q`) go last: without
/// them a user cannot find the rest or leave.
pub fn render(bindings: Keys, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let mut spans = Vec::new();
    for (key, hint) in shown(bindings, usize::from(area.width)) {
        spans.push(Span::styled(key, theme.key));
        spans.push(Span::styled(format!(" {hint}   "), theme.dim));
    }
    Line::from(spans).render(area, buf);
}

/// The footer's `(key, hint)` pairs that fit `width` columns, in the table's order.
fn shown(bindings: Keys, width: usize) -> Vec<(String, &'static str)> {
    let all: Vec<&Binding> = bindings.iter().filter(|b| b.in_footer).collect();
    let full: Vec<(String, &'static str)> = all
        .iter()
        .map(|b| (bindings.key_label(b).into_owned(), b.hint))
        .collect();
    if columns(&full) <= width + GAP {
        return full;
    }
    let compact: Vec<(String, &'static str)> = all
        .iter()
        .map(|b| {
            let label = bindings.key_label(b);
            (first_key(&label).to_owned(), b.short_hint.unwrap_or(b.hint))
        })
        .collect();
    let kept: Vec<bool> = all.iter().map(|b| kept_last(b)).collect();
    fitting(&compact, &kept, width)
        .into_iter()
        .map(|i| compact[i].clone())
        .collect()
}

/// The first of a label's keys: `↑` of `↑/k`, `3` of `3/Space`; a lone `/` stays.
fn first_key(label: &str) -> &str {
    match label.split_once('/') {
        Some((first, rest)) if !first.is_empty() && !rest.is_empty() => first,
        _ => label,
    }
}

/// Columns a pair takes: the key, a space and the hint, then the gap, which the last one
/// needs not.
fn width_of((key, hint): &(String, &str)) -> usize {
    key.chars().count() + 1 + hint.chars().count() + GAP
}

fn columns(pairs: &[(String, &str)]) -> usize {
    pairs.iter().map(width_of).sum()
}

/// Whether a hint is one of those kept to the last: help, back, quit, close.
fn kept_last(binding: &Binding) -> bool {
    matches!(binding.action, Action::Help | Action::Back | Action::Quit)
}

/// The places of the pairs that fit `width`: the kept ones first, then the others in order.
fn fitting(pairs: &[(String, &str)], kept: &[bool], width: usize) -> Vec<usize> {
    let mut used: usize = pairs
        .iter()
        .zip(kept)
        .filter(|(_, kept)| **kept)
        .map(|(pair, _)| width_of(pair))
        .sum();
    let mut chosen: Vec<bool> = kept.to_vec();
    for (i, pair) in pairs.iter().enumerate() {
        if !chosen[i] && used + width_of(pair) <= width + GAP {
            used += width_of(pair);
            chosen[i] = true;
        }
    }
    // Too narrow even for the kept ones: the earliest of them that fit.
    if used > width + GAP {
        let mut room = width + GAP;
        for (i, pair) in pairs.iter().enumerate() {
            chosen[i] = chosen[i] && kept[i] && width_of(pair) <= room;
            if chosen[i] {
                room -= width_of(pair);
            }
        }
    }
    (0..pairs.len()).filter(|&i| chosen[i]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::keys;

    fn shown(bindings: Keys, width: usize) -> String {
        super::shown(bindings, width)
            .iter()
            .map(|(key, hint)| format!("{key} {hint}"))
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
    fn a_narrow_footer_goes_compact_before_dropping_keys() {
        // Every hint in full needs 88 columns, so at 80 the keys take their first name and
        // the short hints, and all of them fit.
        assert_eq!(
            shown(keys::SORTING, 80),
            "↑ know   ↓ learning   Space flip   u undo   * star   ? help   q back"
        );
        assert!(shown(keys::SORTING, 90).starts_with("↑/k know it   ↓/j still learning"));
        // At 40 the sorting keys come before the flip, which the card's border names.
        assert_eq!(
            shown(keys::SORTING, 40),
            "↑ know   ↓ learning   ? help   q back"
        );
        // The done screen keeps undo first: right after the last answer it is the only mend.
        assert_eq!(shown(keys::DONE, 40), "u undo   m modes   ? help   q back");
        // Wide enough for every hint: nothing is shortened.
        assert!(shown(keys::DONE, 160).contains("m study modes   a review ahead"));
    }

    #[test]
    fn the_test_keeps_next_and_submit_at_40_and_80_columns() {
        // 40 columns: help and back (18 with their gaps) leave 25 (the last gap is free):
        // "→ next" (9) and "Ctrl-S submit" (16); the answer keys are on the question.
        for bindings in [
            keys::TEST_TRUE_FALSE,
            keys::TEST_CHOICE,
            keys::TEST_MATCHING,
        ] {
            assert_eq!(
                shown(bindings, 40),
                "→ next   Ctrl-S submit   ? help   q back"
            );
        }
        // 80: true/false in full needs 98 columns, compact 84 with the star, which is the
        // one that gives way.
        assert_eq!(
            shown(keys::TEST_TRUE_FALSE, 80),
            "→ next   Ctrl-S submit   ← previous   1 true   2 false   ? help   q back"
        );
        // Choice in full needs 88, compact 78: everything fits.
        assert_eq!(
            shown(keys::TEST_CHOICE, 80),
            "→ next   Ctrl-S submit   ← previous   1-4 answer   * star   ? help   q back"
        );
        // Typing a written answer (no help or back while typing): Enter and submit first.
        assert!(shown(keys::TYPING_TEST, 40).starts_with("Enter next   Ctrl-S submit"));
        assert_eq!(
            shown(keys::TEST_FIELD_LEFT, 40),
            "→ next   Ctrl-S submit   ? help   q back"
        );
    }

    #[test]
    fn the_test_report_keeps_retake_at_40_columns() {
        // Help and back take 18 of 43 (the last gap is free); "r retake" 11 and "↑ scroll
        // up" 14 fill the rest.
        assert_eq!(
            shown(keys::TEST_REPORT, 40),
            "r retake   ↑ scroll up   ? help   q back"
        );
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
