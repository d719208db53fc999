//! What the terminal can draw pictures with, found once at the start, before the loop reads
//! any key: `images` in the settings forces a protocol or turns pictures off; `auto` asks the
//! terminal (kitty's graphics query, the device attributes for sixel, the cell size in pixels,
//! then a status report every terminal answers, which ends the wait). A terminal that does not
//! answer within [`ANSWER_WITHIN`] gets text. The answer is read here with a bounded wait, not
//! by a thread left reading the keyboard, so no key is lost to it.

use std::io::{self, Write};
use std::time::{Duration, Instant};

use ratatui_image::FontSize;
use ratatui_image::picker::cap_parser::{Parser, QueryStdioOptions, Response};
use ratatui_image::picker::{Picker, ProtocolType};

use crate::config::ImageMode;

/// How long a terminal may take to answer; a local one answers in a few milliseconds.
pub const ANSWER_WITHIN: Duration = Duration::from_millis(300);
/// The cell size assumed when the terminal does not say it, in pixels.
const DEFAULT_CELL: FontSize = FontSize::new(10, 20);

/// What the start found: the protocol (`None` draws pictures as text), and whether the
/// terminal was asked and answered (then what its answer put on the screen must be cleared).
#[derive(Debug)]
pub struct Found {
    pub picker: Option<Picker>,
    pub answered: bool,
}

/// The protocol for `mode`. `auto` only asks the terminal when `has_pictures` (some card has
/// one), so a collection without pictures starts as before.
#[must_use]
pub fn picker(mode: ImageMode, has_pictures: bool) -> Found {
    let text = |picker| Found {
        picker,
        answered: false,
    };
    let forced = match mode {
        ImageMode::Off => return text(None),
        ImageMode::Halfblocks => return text(Some(Picker::halfblocks())),
        ImageMode::Auto if !has_pictures || blocked_by_tmux() => return text(None),
        ImageMode::Auto => None,
        ImageMode::Kitty => Some(ProtocolType::Kitty),
        ImageMode::Sixel => Some(ProtocolType::Sixel),
        ImageMode::Iterm2 => Some(ProtocolType::Iterm2),
    };
    let answer = ask_terminal(in_tmux()).ok().flatten();
    let (offered, cell) = answer.unwrap_or((None, None));
    let picker = forced.or(offered).or_else(iterm2_by_name).map(|protocol| {
        // The crate's only constructor from a cell size; the size comes from the terminal.
        #[allow(deprecated)]
        let mut picker = Picker::from_fontsize(cell.unwrap_or(DEFAULT_CELL));
        picker.set_protocol_type(protocol);
        picker
    });
    Found {
        picker,
        answered: answer.is_some(),
    }
}

fn in_tmux() -> bool {
    std::env::var_os("TMUX").is_some_and(|tmux| !tmux.is_empty())
}

/// Under tmux, pictures reach the terminal outside only with `allow-passthrough` on.
fn blocked_by_tmux() -> bool {
    if !in_tmux() {
        return false;
    }
    let shown = std::process::Command::new("tmux")
        .args(["show-options", "-Apv", "allow-passthrough"])
        .stdin(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .output();
    !shown.is_ok_and(|out| {
        let value = String::from_utf8_lossy(&out.stdout);
        value.lines().any(|line| {
            let line = line.trim();
            line.ends_with("on") || line.ends_with("all")
        })
    })
}

/// Terminals that draw iTerm2's pictures and say so only by name (`TERM_PROGRAM`).
fn iterm2_by_name() -> Option<ProtocolType> {
    let program = std::env::var("TERM_PROGRAM").unwrap_or_default();
    [
        "iTerm",
        "WezTerm",
        "mintty",
        "vscode",
        "Tabby",
        "Hyper",
        "rio",
        "WarpTerminal",
    ]
    .iter()
    .any(|name| program.contains(name))
    .then_some(ProtocolType::Iterm2)
}

/// The protocol a terminal offers and its cell size.
type Answer = (Option<ProtocolType>, Option<FontSize>);

/// Asks the terminal on standard output and reads its answer from standard input (in raw
/// mode already) for at most [`ANSWER_WITHIN`]; `None` when it did not answer in time.
fn ask_terminal(tmux: bool) -> io::Result<Option<Answer>> {
    if !rustix::termios::isatty(io::stdin()) {
        // Keys come from elsewhere (`/dev/tty`): nothing to read an answer from here.
        return Ok(None);
    }
    let query = Parser::query(tmux, QueryStdioOptions::default());
    let mut out = io::stdout();
    out.write_all(query.as_bytes())?;
    out.flush()?;
    let deadline = Instant::now() + ANSWER_WITHIN;
    let mut parser = Parser::new();
    let mut responses = Vec::new();
    let stdin = io::stdin();
    let mut buffer = [0u8; 256];
    let mut complete = false;
    'reading: while let Some(left) = deadline.checked_duration_since(Instant::now()) {
        use rustix::event::{PollFd, PollFlags, Timespec};
        let mut watched = [PollFd::new(&stdin, PollFlags::IN)];
        let timeout = Timespec::try_from(left).ok();
        match rustix::event::poll(&mut watched, timeout.as_ref()) {
            Ok(0) => break,
            Ok(_) => {}
            Err(rustix::io::Errno::INTR) => continue,
            Err(error) => return Err(error.into()),
        }
        let read = rustix::io::read(&stdin, &mut buffer)?;
        if read == 0 {
            break;
        }
        for &byte in &buffer[..read] {
            for response in parser.push(char::from(byte)) {
                if response == Response::Status {
                    complete = true;
                    break 'reading;
                }
                responses.push(response);
            }
        }
    }
    Ok(complete.then(|| interpret(&responses)))
}

/// The protocol (kitty over sixel) and cell size the answers name.
fn interpret(responses: &[Response]) -> (Option<ProtocolType>, Option<FontSize>) {
    let mut protocol = None;
    let mut cell = None;
    for response in responses {
        match response {
            Response::Kitty => protocol = Some(ProtocolType::Kitty),
            Response::Sixel => {
                protocol.get_or_insert(ProtocolType::Sixel);
            }
            Response::CellSize(Some(size)) => cell = Some(FontSize::from(*size)),
            _ => {}
        }
    }
    (protocol, cell)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kitty_wins_over_sixel_and_the_cell_size_is_kept() {
        // The answers a kitty terminal gives: its graphics reply, device attributes that
        // include 4 (sixel), and `CSI 6 ; height ; width t`.
        let answers = "\x1b_Gi=31;OK\x1b\\\x1b[?62;4;22c\x1b[6;20;10t";
        let mut parser = Parser::new();
        let responses: Vec<Response> = answers.chars().flat_map(|c| parser.push(c)).collect();
        let (protocol, cell) = interpret(&responses);
        assert_eq!(protocol, Some(ProtocolType::Kitty));
        let cell = cell.expect("a cell size");
        assert_eq!((cell.width, cell.height), (10, 20));
        assert_eq!(interpret(&[Response::Sixel]).0, Some(ProtocolType::Sixel));
        assert_eq!(interpret(&[]).0, None);
    }

    #[test]
    fn off_and_a_collection_without_pictures_never_ask() {
        assert!(picker(ImageMode::Off, true).picker.is_none());
        assert!(picker(ImageMode::Auto, false).picker.is_none());
        let halfblocks = picker(ImageMode::Halfblocks, false);
        assert!(!halfblocks.answered);
        let protocol = halfblocks.picker.expect("forced").protocol_type();
        assert_eq!(protocol, ProtocolType::Halfblocks);
    }
}
