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
        }
    }
}
