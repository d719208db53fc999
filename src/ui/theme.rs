//! Colours and styles, passed explicitly to every render function.

use ratatui::style::{Color, Modifier, Style};

/// The styles screens draw with.
#[derive(Debug, Clone)]
pub struct Theme {
    pub title: Style,
    pub dim: Style,
    pub selected: Style,
    pub error: Style,
    pub key: Style,
    /// Anki's colours for the three counts.
    pub new: Style,
    pub learning: Style,
    pub review: Style,
    pub notice: Style,
    /// A cloze card's deletions on its answer side.
    pub highlight: Style,
    /// Card text's `inline code` and code blocks; a code block's syntax draws over it.
    pub code: Style,
    /// A code block's syntax: keywords, strings, comments, and numbers with other constants.
    pub syntax: Syntax,
}

/// The styles of highlighted code, by what a token is (syntect's scope names).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Syntax {
    pub keyword: Style,
    pub string: Style,
    pub comment: Style,
    pub constant: Style,
}

impl Theme {
    /// The theme the settings name. Monochrome draws with bold, dim and reverse only, for
    /// `NO_COLOR` and terminals without colour.
    #[must_use]
    pub fn named(name: crate::config::ThemeName) -> Self {
        use crate::config::ThemeName;
        match name {
            ThemeName::Dark => Self::default(),
            ThemeName::Light => Self {
                dim: Style::new().fg(Color::Gray),
                key: Style::new().fg(Color::Blue).add_modifier(Modifier::BOLD),
                notice: Style::new().fg(Color::Magenta),
                review: Style::new()
                    .fg(Color::Rgb(0, 110, 0))
                    .add_modifier(Modifier::BOLD),
                code: Style::new().fg(Color::Rgb(140, 70, 0)),
                ..Self::default()
            },
            ThemeName::Monochrome => {
                let bold = Style::new().add_modifier(Modifier::BOLD);
                Self {
                    title: bold,
                    dim: Style::new().add_modifier(Modifier::DIM),
                    selected: Style::new().add_modifier(Modifier::REVERSED),
                    error: bold,
                    key: bold,
                    new: bold,
                    learning: bold,
                    review: bold,
                    notice: Style::new(),
                    highlight: bold.add_modifier(Modifier::UNDERLINED),
                    code: Style::new(),
                    syntax: Syntax {
                        keyword: bold,
                        string: Style::new().add_modifier(Modifier::ITALIC),
                        comment: Style::new().add_modifier(Modifier::DIM),
                        constant: Style::new(),
                    },
                }
            }
        }
    }
}

impl Default for Theme {
    fn default() -> Self {
        Self {
            title: Style::new().add_modifier(Modifier::BOLD),
            dim: Style::new().fg(Color::DarkGray),
            selected: Style::new().add_modifier(Modifier::REVERSED),
            error: Style::new().fg(Color::Red),
            key: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            new: Style::new().fg(Color::Blue).add_modifier(Modifier::BOLD),
            learning: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
            review: Style::new().fg(Color::Green).add_modifier(Modifier::BOLD),
            notice: Style::new().fg(Color::Yellow),
            highlight: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            code: Style::new().fg(Color::LightYellow),
            syntax: Syntax {
                keyword: Style::new().fg(Color::Magenta),
                string: Style::new().fg(Color::Green),
                comment: Style::new().fg(Color::DarkGray),
                constant: Style::new().fg(Color::LightBlue),
            },
        }
    }
}
