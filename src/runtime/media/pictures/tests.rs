//! The fixture `tests/fixtures/media/flag.png` is 8×4 pixels, its left half red (255, 0, 0)
//! and its right half blue (0, 0, 255).

use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::CellDiffOption;
use ratatui::style::Color;
use ratatui_image::FontSize;
use ratatui_image::picker::ProtocolType;

use super::*;

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/media/flag.png")
}

fn decoded() -> DynamicImage {
    decode(&fixture(), Path::new(env!("CARGO_MANIFEST_DIR"))).unwrap()
}

/// A picker for `protocol` with cells of 1×2 pixels, so the 8×4 fixture is 8×2 cells at its
/// own size.
fn picker(protocol: ProtocolType) -> Picker {
    #[allow(deprecated)]
    let mut picker = Picker::from_fontsize(FontSize::new(1, 2));
    picker.set_protocol_type(protocol);
    picker
}

/// Draws `protocol` at the top left of a 20×6 screen; returns the buffer.
fn drawn(protocol: &Protocol) -> ratatui::buffer::Buffer {
    let mut terminal = Terminal::new(TestBackend::new(20, 6)).unwrap();
    terminal
        .draw(|frame| frame.render_widget(Image::new(protocol), Rect::new(0, 0, 10, 3)))
        .unwrap();
    terminal.backend().buffer().clone()
}

#[test]
fn half_blocks_draw_the_picture_in_its_colours_inside_the_area() {
    let protocol = encode(
        &picker(ProtocolType::Halfblocks),
        decoded(),
        Size::new(10, 3),
    )
    .unwrap();
    // 8×4 pixels fit 10×3 cells of 1×2 pixels at their own size: 8×2 cells.
    assert_eq!(protocol.size(), Size::new(8, 2));
    let buffer = drawn(&protocol);
    // A half block is two pixels, one above the other: the left half red, the right blue.
    let colours = |x: u16| {
        let cell = &buffer[(x, 0)];
        (cell.fg, cell.bg)
    };
    assert_eq!(colours(0), (Color::Rgb(255, 0, 0), Color::Rgb(255, 0, 0)));
    assert_eq!(colours(7), (Color::Rgb(0, 0, 255), Color::Rgb(0, 0, 255)));
    for y in 0..6 {
        for x in 0..20 {
            let inside = x < 8 && y < 2;
            assert_eq!(buffer[(x, y)].bg != Color::Reset, inside, "cell {x},{y}");
        }
    }
}

#[test]
fn kitty_writes_its_sequence_in_the_first_cell_and_placeholders_only_inside_the_area() {
    let protocol = encode(&picker(ProtocolType::Kitty), decoded(), Size::new(10, 3)).unwrap();
    assert_eq!(protocol.size(), Size::new(8, 2));
    let buffer = drawn(&protocol);
    let first = buffer[(0, 0)].symbol();
    // The picture is sent once, as kitty's graphics command (APC `_G`) with the pixels.
    assert!(first.starts_with("\x1b_G"), "{first:?}");
    assert!(first.len() > 20);
    for y in 0..6 {
        for x in 0..20 {
            let cell = &buffer[(x, y)];
            let inside = x < 8 && y < 2;
            let placed = matches!(cell.diff_option, CellDiffOption::ForcedWidth(_));
            assert_eq!(placed, inside, "cell {x},{y}: {:?}", cell.symbol());
        }
    }
}

#[test]
fn a_big_picture_is_scaled_down_to_the_area_and_never_up() {
    let protocol = encode(
        &picker(ProtocolType::Halfblocks),
        decoded(),
        Size::new(4, 4),
    )
    .unwrap();
    // 8×4 pixels in 4 columns of 1 pixel: halved, 4×2 pixels, one row of cells.
    assert_eq!(protocol.size(), Size::new(4, 1));
    let protocol = encode(
        &picker(ProtocolType::Halfblocks),
        decoded(),
        Size::new(80, 40),
    )
    .unwrap();
    assert_eq!(protocol.size(), Size::new(8, 2));
}

/// Draws `path` until the worker has it (or it failed); returns the notices.
fn draw_until_done(pictures: &mut Pictures, path: &Path) -> (Vec<String>, ratatui::buffer::Buffer) {
    let mut terminal = Terminal::new(TestBackend::new(20, 6)).unwrap();
    let area = Rect::new(0, 1, 20, 5);
    let start = Instant::now();
    let mut notices = Vec::new();
    loop {
        terminal
            .draw(|frame| {
                pictures.draw(frame, Some((path, area)));
            })
            .unwrap();
        let (told, arrived) = pictures.collect();
        notices.extend(told);
        if !pictures.waiting() && !arrived {
            return (notices, terminal.backend().buffer().clone());
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "the worker never answered"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
}

#[test]
fn the_worker_decodes_off_the_frame_and_the_next_frame_draws_it_centred() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut pictures = Pictures::new(Some(picker(ProtocolType::Halfblocks)), root);
    let (notices, buffer) = draw_until_done(&mut pictures, &fixture());
    assert!(notices.is_empty(), "{notices:?}");
    // 8 columns in 20: from column 6; from row 1, the area's top.
    assert_eq!(buffer[(6, 1)].bg, Color::Rgb(255, 0, 0));
    assert_eq!(buffer[(13, 2)].bg, Color::Rgb(0, 0, 255));
    assert_eq!(buffer[(5, 1)].bg, Color::Reset);
    assert_eq!(buffer[(6, 0)].bg, Color::Reset);
}

#[test]
fn a_missing_or_unreadable_picture_is_told_once_and_draws_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("gone.png");
    let broken = dir.path().join("broken.png");
    std::fs::write(&broken, b"not a picture").unwrap();
    let mut pictures = Pictures::new(Some(picker(ProtocolType::Halfblocks)), dir.path());
    let (notices, buffer) = draw_until_done(&mut pictures, &missing);
    assert_eq!(
        notices,
        [format!(
            "The picture `gone.png` is not there ({})",
            missing.display()
        )]
    );
    assert!(buffer.content.iter().all(|cell| cell.bg == Color::Reset));
    let (notices, _) = draw_until_done(&mut pictures, &broken);
    assert_eq!(notices.len(), 1);
    assert!(
        notices[0].starts_with("Cannot read the picture `broken.png`"),
        "{notices:?}"
    );
    // Told once: drawing it again asks nothing more.
    let (again, _) = draw_until_done(&mut pictures, &broken);
    assert!(again.is_empty());
}

#[test]
fn text_only_draws_nothing_and_asks_for_nothing() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut pictures = Pictures::new(None, root);
    assert!(!pictures.on());
    let (notices, buffer) = draw_until_done(&mut pictures, &fixture());
    assert!(notices.is_empty());
    assert!(buffer.content.iter().all(|cell| cell.symbol() == " "));
}

#[test]
fn a_picture_outside_the_decks_folder_is_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let mut pictures = Pictures::new(Some(picker(ProtocolType::Halfblocks)), dir.path());
    let (notices, _) = draw_until_done(&mut pictures, &fixture());
    assert_eq!(
        notices,
        ["The picture `flag.png` leads out of the decks folder"]
    );
}

#[test]
fn every_picture_of_a_side_is_checked_even_when_none_is_drawn() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("flag.png");
    std::fs::copy(fixture(), &good).unwrap();
    let missing = dir.path().join("nothere.png");
    let broken = dir.path().join("broken.png");
    std::fs::write(&broken, b"not a picture").unwrap();
    // Text only (`images = "off"`): nothing is drawn, yet both faults are told.
    let mut pictures = Pictures::new(None, dir.path());
    pictures.check(&[good.clone(), missing.clone(), broken.clone()]);
    let (notices, _) = pictures.collect();
    assert_eq!(notices.len(), 2, "{notices:?}");
    assert_eq!(
        notices[0],
        format!(
            "The picture `nothere.png` is not there ({})",
            missing.display()
        )
    );
    assert!(
        notices[1].starts_with("Cannot read the picture `broken.png`: "),
        "{notices:?}"
    );
    // The side shown again tells them again (the notice went with the card before), from
    // what was found: the file mended since is not read again.
    std::fs::copy(fixture(), &broken).unwrap();
    pictures.check(&[good, missing, broken]);
    assert_eq!(pictures.collect().0, notices);
}

#[test]
fn a_picture_found_unreadable_by_the_check_is_never_sent_to_the_worker() {
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("broken.png");
    std::fs::write(&broken, b"not a picture").unwrap();
    let mut pictures = Pictures::new(Some(picker(ProtocolType::Halfblocks)), dir.path());
    pictures.check(std::slice::from_ref(&broken));
    let (notices, buffer) = draw_until_done(&mut pictures, &broken);
    // The check's one notice, and no second from the worker.
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert!(buffer.content.iter().all(|cell| cell.bg == Color::Reset));
}

#[test]
fn a_folder_and_a_picture_cut_short_are_each_told_when_none_is_drawn() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("dir.png");
    std::fs::create_dir(&folder).unwrap();
    // A PNG's signature and the start of its header, then nothing: the size may be read,
    // the pixels may not.
    let short = dir.path().join("trunc.png");
    let bytes = std::fs::read(fixture()).unwrap();
    std::fs::write(&short, &bytes[..bytes.len() / 2]).unwrap();
    let mut pictures = Pictures::new(None, dir.path());
    pictures.check(&[folder.clone(), short]);
    let (notices, _) = pictures.collect();
    assert_eq!(notices.len(), 2, "{notices:?}");
    assert_eq!(
        notices[0],
        format!(
            "The picture `dir.png` is a folder, not a file ({})",
            folder.display()
        )
    );
    assert!(
        notices[1].starts_with("Cannot read the picture `trunc.png`: "),
        "{notices:?}"
    );
}
