//! Card text in Markdown (`CommonMark` through pulldown-cmark, with tables, strikethrough and
//! `$math$`) as rows ready to wrap: styles for emphasis and code, list markers as written
//! with their items' text hanging under them, quote bars, code blocks highlighted, math as
//! Unicode, images as `[image: alt]`. A line break in a paragraph stays a line break: cards
//! are written line by line, not as prose to reflow.

use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, Event, Parser, Tag, TagEnd};
use ratatui::style::{Modifier, Style};
use ratatui::text::Span;

use super::wrap::{Row, columns};
use super::{code, math};
use crate::ui::Theme;
use source::{blank_line_between, setext_underline};
pub(super) use source::{is_markdown, options};

mod source;

/// One container a row is inside, and what it puts before the row.
struct Lead {
    /// A list item's marker until its first row takes it.
    first: Option<Span<'static>>,
    /// What the rest of its rows start with: the marker's width of spaces, or a quote bar.
    rest: Span<'static>,
}

/// Turns the events into rows.
struct Rows<'t> {
    source: &'t str,
    marked: &'t [Range<usize>],
    theme: &'t Theme,
    base: Style,
    width: usize,
    done: Vec<Row>,
    leads: Vec<Lead>,
    styles: Vec<Style>,
    line: Vec<Span<'static>>,
    /// A line begins: the next text recovers the indentation the parser took off.
    line_start: bool,
    /// The code of a code block being read, and its language.
    code: Option<(String, String)>,
    /// An image's address and alt text while its alt text is read.
    image: Option<(String, String)>,
    table: Option<Vec<Vec<Vec<Span<'static>>>>>,
    /// Where the last text or block read ended in the source (a byte), so that a block
    /// after it knows whether a blank line parts them.
    last_end: Option<usize>,
    /// The underline of the setext heading being read (`---` or `===` under its text), drawn
    /// as written (`---` a rule) after the text, which is not made a heading.
    setext: Option<String>,
}

/// `text`'s rows: `marked` byte ranges (a cloze card's deletions) drawn in the highlight,
/// `base` the style of plain text.
#[must_use]
pub fn rows(
    text: &str,
    marked: &[Range<usize>],
    width: usize,
    base: Style,
    theme: &Theme,
) -> Vec<Row> {
    let mut rows = Rows {
        source: text,
        marked,
        theme,
        base,
        width,
        done: Vec::new(),
        leads: Vec::new(),
        styles: vec![base],
        line: Vec::new(),
        line_start: true,
        code: None,
        image: None,
        table: None,
        last_end: None,
        setext: None,
    };
    for (event, range) in Parser::new_ext(text, options()).into_offset_iter() {
        rows.event(event, range);
    }
    rows.end_line();
    rows.done
}

impl Rows<'_> {
    fn style(&self) -> Style {
        self.styles.last().copied().unwrap_or(self.base)
    }

    fn styled(&mut self, change: Style) {
        self.styles.push(self.style().patch(change));
    }

    fn event(&mut self, event: Event<'_>, range: Range<usize>) {
        let end = range.end;
        let starts = matches!(event, Event::Start(_));
        self.event_at(event, range);
        if !starts {
            self.last_end = Some(end);
        }
    }

    fn event_at(&mut self, event: Event<'_>, range: Range<usize>) {
        match event {
            Event::Start(tag) => self.start(tag, range),
            Event::End(tag) => self.end(tag),
            Event::Text(text) => self.text(&text, range),
            Event::Code(code) => {
                let style = self.style().patch(self.theme.code);
                // A theme that draws code like text (monochrome, NO_COLOR) keeps the
                // backticks, so that code still reads as code.
                let code = if shows(self.theme.code) {
                    code.into_string()
                } else {
                    format!("`{code}`")
                };
                self.inline(Span::styled(code, style));
            }
            Event::InlineMath(source) => self.math(&source, "$"),
            Event::DisplayMath(source) => self.math(&source, "$$"),
            Event::Html(html) | Event::InlineHtml(html) => {
                self.inline(Span::styled(html.trim_end().to_owned(), self.style()));
            }
            Event::SoftBreak | Event::HardBreak => {
                self.end_line();
                self.line_start = true;
            }
            Event::Rule => {
                self.gap(range.start);
                self.rule();
            }
            Event::TaskListMarker(done) => {
                let mark = if done { "[x] " } else { "[ ] " };
                self.inline(Span::styled(mark, self.style()));
            }
            Event::FootnoteReference(name) => {
                self.inline(Span::styled(format!("[^{name}]"), self.style()));
            }
        }
    }

    fn start(&mut self, tag: Tag<'_>, range: Range<usize>) {
        match tag {
            Tag::Paragraph | Tag::Table(_) => self.gap(range.start),
            Tag::Heading { .. } => {
                self.gap(range.start);
                self.setext = self.source.get(range).and_then(setext_underline);
                if self.setext.is_some() {
                    self.styled(Style::new());
                } else {
                    let title = self.theme.title.add_modifier(Modifier::BOLD);
                    self.styled(title);
                }
            }
            Tag::Subscript => self.inline(Span::styled("~", self.style())),
            Tag::BlockQuote(_) => {
                self.gap(range.start);
                let bar = Span::styled("│ ", self.theme.dim);
                self.leads.push(Lead {
                    first: None,
                    rest: bar,
                });
            }
            Tag::CodeBlock(kind) => {
                self.gap(range.start);
                let language = match kind {
                    CodeBlockKind::Fenced(info) => {
                        info.split_whitespace().next().unwrap_or("").to_owned()
                    }
                    CodeBlockKind::Indented => String::new(),
                };
                self.code = Some((String::new(), language));
            }
            Tag::List(_) if !self.leads.iter().any(|lead| lead.first.is_some()) => {
                self.gap(range.start);
            }
            Tag::Item => {
                self.end_line();
                // The marker as the card writes it: `-`, `*`, `+`, `1.` or `1)`.
                let item = self.source.get(range).unwrap_or("").trim_start();
                let digits = item.chars().take_while(char::is_ascii_digit).count();
                let marker = &item[..(digits + 1).min(item.len())];
                let marker = format!("{} ", marker.trim_end());
                let width = columns(&marker);
                self.leads.push(Lead {
                    first: Some(Span::styled(marker, self.base)),
                    rest: Span::raw(" ".repeat(width)),
                });
            }
            Tag::Emphasis => self.emphasis(Modifier::ITALIC),
            Tag::Strong => self.emphasis(Modifier::BOLD),
            Tag::Strikethrough => self.styled(Style::new().add_modifier(Modifier::CROSSED_OUT)),
            Tag::Link { .. } => self.styled(Style::new().add_modifier(Modifier::UNDERLINED)),
            Tag::Image { dest_url, .. } => {
                self.image = Some((dest_url.into_string(), String::new()));
            }
            Tag::TableHead | Tag::TableRow => {
                if let Some(table) = &mut self.table {
                    table.push(Vec::new());
                } else {
                    self.table = Some(vec![Vec::new()]);
                }
            }
            Tag::TableCell => self.line.clear(),
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph => self.end_line(),
            TagEnd::Heading(_) => {
                self.end_line();
                self.styles.pop();
                match self.setext.take() {
                    Some(underline) if underline.starts_with('-') => self.rule(),
                    Some(underline) => {
                        self.inline(Span::styled(underline, self.style()));
                        self.end_line();
                    }
                    None => {}
                }
            }
            TagEnd::Subscript => self.inline(Span::styled("~", self.style())),
            TagEnd::BlockQuote(_) | TagEnd::Item => {
                self.end_line();
                self.leads.pop();
            }
            TagEnd::CodeBlock => {
                if let Some((code, language)) = self.code.take() {
                    let base = self.base.patch(self.theme.code);
                    for pieces in code::highlight(&code, &language, self.theme.syntax, base) {
                        self.line = pieces;
                        self.end_line();
                    }
                }
            }
            TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough | TagEnd::Link => {
                self.styles.pop();
            }
            TagEnd::Image => {
                if let Some((path, alt)) = self.image.take() {
                    // A path that ends in `/` names no file: it shows as written.
                    let name = path.rsplit('/').next().filter(|n| !n.is_empty());
                    let name = name.unwrap_or(&path);
                    let shown = format!("[image: {}] ({name})", alt.trim());
                    self.inline(Span::styled(shown, self.theme.dim));
                }
            }
            TagEnd::TableCell => {
                let cell = std::mem::take(&mut self.line);
                if let Some(row) = self.table.as_mut().and_then(|t| t.last_mut()) {
                    row.push(cell);
                }
            }
            TagEnd::Table => {
                let table = self.table.take().unwrap_or_default();
                for pieces in super::table::lines(table, self.width, self.theme.dim) {
                    self.line = pieces;
                    self.end_line();
                }
            }
            _ => {}
        }
    }

    fn text(&mut self, text: &str, range: Range<usize>) {
        if let Some((code, _)) = &mut self.code {
            code.push_str(text);
            return;
        }
        if let Some((_, alt)) = &mut self.image {
            alt.push_str(text);
            return;
        }
        if std::mem::take(&mut self.line_start) {
            // The parser drops a line's leading spaces; a card's indentation is kept.
            let before = &self.source[..range.start.min(self.source.len())];
            let indent = before.rsplit('\n').next().unwrap_or("");
            if !indent.is_empty() && indent.chars().all(|c| c == ' ') && !self.leads_open() {
                self.inline(Span::styled(indent.to_owned(), self.style()));
            }
        }
        let style = self.style();
        // An entity (`&amp;`) is shown as written: its source is the text.
        let source = self.source.get(range.clone());
        let text = match source {
            Some(source) if source::is_entity(source) => source,
            _ => text,
        };
        // Cut where a marked range starts or ends, when the text is its source (no escape).
        if source != Some(text) {
            let inside = self
                .marked
                .iter()
                .any(|m| m.start < range.end && range.start < m.end);
            let style = if inside {
                style.patch(self.theme.highlight)
            } else {
                style
            };
            self.inline(Span::styled(text.to_owned(), style));
            return;
        }
        let mut cuts = vec![range.start, range.end];
        for m in self.marked {
            cuts.extend([m.start, m.end].into_iter().filter(|c| range.contains(c)));
        }
        cuts.sort_unstable();
        cuts.dedup();
        for pair in cuts.windows(2) {
            let inside = self
                .marked
                .iter()
                .any(|m| m.start <= pair[0] && pair[1] <= m.end);
            let piece = self.source.get(pair[0]..pair[1]).unwrap_or("");
            let style = if inside {
                style.patch(self.theme.highlight)
            } else {
                style
            };
            self.inline(Span::styled(piece.to_owned(), style));
        }
    }

    /// Emphasis drawn with `modifier`, or underlined where the text around it has that
    /// modifier already (bold in a review question, which is all bold), so it still shows.
    fn emphasis(&mut self, modifier: Modifier) {
        let modifier = if self.style().add_modifier.contains(modifier) {
            Modifier::UNDERLINED
        } else {
            modifier
        };
        self.styled(Style::new().add_modifier(modifier));
    }

    /// A rule, as wide as the card up to 40 columns, on a row of its own.
    fn rule(&mut self) {
        self.end_line();
        let rule = "─".repeat(self.width.min(40));
        self.inline(Span::styled(rule, self.theme.dim));
        self.end_line();
    }

    /// Whether the current line is inside a list or quote, whose own markers indent it.
    fn leads_open(&self) -> bool {
        !self.leads.is_empty()
    }

    fn math(&mut self, source: &str, delimiter: &str) {
        let shown =
            math::to_unicode(source).unwrap_or_else(|| format!("{delimiter}{source}{delimiter}"));
        self.inline(Span::styled(shown, self.style()));
    }

    fn inline(&mut self, span: Span<'static>) {
        self.line.push(span);
    }

    /// A blank row before a block starting at byte `start`, where the source has a blank line
    /// before it: not at the top, nor at a list item's first block. Blocks on adjacent lines
    /// stay on adjacent rows, as a line break in a card's text stays a line break.
    fn gap(&mut self, start: usize) {
        self.end_line();
        self.line_start = true;
        let in_fresh_item = self.leads.iter().any(|lead| lead.first.is_some());
        let after_gap = self.done.last().is_none_or(|row| row.pieces.is_empty());
        let blank_before = self
            .last_end
            .is_none_or(|end| blank_line_between(self.source, end, start));
        if blank_before && !after_gap && !in_fresh_item && self.table.is_none() {
            let rest = self.leads.iter().map(|lead| lead.rest.clone()).collect();
            self.done.push(Row {
                first: rest,
                ..Row::default()
            });
        }
    }

    /// Ends the line being gathered as a row, with its containers' leads.
    fn end_line(&mut self) {
        if self.line.is_empty() || self.table.is_some() && self.code.is_none() {
            return;
        }
        let first = self
            .leads
            .iter_mut()
            .map(|lead| lead.first.take().unwrap_or_else(|| lead.rest.clone()))
            .collect();
        let rest = self.leads.iter().map(|lead| lead.rest.clone()).collect();
        self.done.push(Row {
            first,
            rest,
            pieces: std::mem::take(&mut self.line),
        });
    }
}

/// Whether `style` looks any different from plain text: a colour or a modifier.
fn shows(style: Style) -> bool {
    style.fg.is_some() || style.bg.is_some() || !style.add_modifier.is_empty()
}
