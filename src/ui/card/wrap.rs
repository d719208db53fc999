//! Wrapping styled text at word boundaries, counting each grapheme cluster as the terminal
//! buffer does (a flag or a skin-toned emoji is one cluster of two columns, not two or four
//! characters), so that a line never holds more than the width.

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// One logical line of a card before wrapping: what leads its first row (a list marker, a
/// quote bar), what leads the rows it wraps onto, and its styled pieces.
#[derive(Debug, Clone, Default)]
pub struct Row {
    pub first: Vec<Span<'static>>,
    pub rest: Vec<Span<'static>>,
    pub pieces: Vec<Span<'static>>,
}

/// The columns `text` takes in a terminal buffer: the sum of its grapheme clusters' widths.
#[must_use]
pub fn columns(text: &str) -> usize {
    text.graphemes(true).map(cluster_width).sum()
}

/// A cluster's width as ratatui's buffer counts it (`str::width` of the whole cluster).
fn cluster_width(cluster: &str) -> usize {
    if cluster.contains(char::is_control) {
        0
    } else {
        cluster.width()
    }
}

/// `row` as lines of at most `width` columns: words move to the next line whole, a word
/// longer than a line is cut between clusters, and spaces at a cut are dropped; the spaces
/// that start the row (its indentation) are kept.
#[must_use]
pub fn wrap(row: Row, width: usize) -> Vec<Line<'static>> {
    let rest_lead: usize = row.rest.iter().map(|s| columns(&s.content)).sum();
    let mut lines = Vec::new();
    let mut used: usize = row.first.iter().map(|s| columns(&s.content)).sum();
    let mut line = row.first;
    // The word being gathered, cluster by cluster with its style, and the spaces before it.
    let mut word: Vec<(String, Style)> = Vec::new();
    let mut word_width = 0;
    let mut spaces: Vec<(String, Style)> = Vec::new();
    let mut content = false;
    let clusters = row.pieces.iter().flat_map(|span| {
        span.content
            .graphemes(true)
            .map(move |g| (g.to_owned(), span.style))
            .collect::<Vec<_>>()
    });
    // A space ends a word; the trailing `None` ends the last one.
    for cluster in clusters.map(Some).chain([None]) {
        match cluster {
            Some((g, style)) if g != " " => {
                word_width += cluster_width(&g);
                word.push((g, style));
                continue;
            }
            _ => {}
        }
        if !word.is_empty() {
            if content && used + spaces.len() + word_width > width {
                lines.push(Line::from(std::mem::replace(&mut line, row.rest.clone())));
                used = rest_lead;
            } else {
                used += spaces.len();
                push(&mut line, &spaces);
            }
            spaces.clear();
            // A word longer than a whole line is cut between clusters.
            for (g, style) in word.drain(..) {
                let w = cluster_width(&g);
                if used + w > width && used > rest_lead {
                    lines.push(Line::from(std::mem::replace(&mut line, row.rest.clone())));
                    used = rest_lead;
                }
                used += w;
                line.push(Span::styled(g, style));
            }
            word_width = 0;
            content = true;
        }
        if let Some(space) = cluster {
            if content {
                spaces.push(space);
            } else {
                // The row's indentation.
                used += 1;
                push(&mut line, &[space]);
            }
        }
    }
    lines.push(Line::from(line));
    lines.into_iter().map(merged).collect()
}

fn push(line: &mut Vec<Span<'static>>, clusters: &[(String, Style)]) {
    line.extend(clusters.iter().map(|(g, s)| Span::styled(g.clone(), *s)));
}

/// `line` with neighbouring spans of one style joined, as a plain line would hold them.
fn merged(line: Line<'static>) -> Line<'static> {
    let mut spans: Vec<Span<'static>> = Vec::new();
    for span in line.spans {
        match spans.last_mut() {
            Some(last) if last.style == span.style => last.content.to_mut().push_str(&span.content),
            _ => spans.push(span),
        }
    }
    Line::from(spans)
}
