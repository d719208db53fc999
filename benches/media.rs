//! A review frame whose card has a picture, as the runtime draws it: the screen, then the
//! picture (already decoded and encoded by the worker) over the place it left. Issue 15 §4
//! asks for under 2 ms a frame. Run with `cargo bench --bench media`.

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use chrono::{DateTime, FixedOffset};
use criterion::{Criterion, criterion_group, criterion_main};
use flashdeck::app::App;
use flashdeck::config::MediaSettings;
use flashdeck::deck::{Collection, load_dir};
use flashdeck::runtime::media::Media;
use flashdeck::scheduler::{Scheduler, Settings};
use flashdeck::store::History;
use flashdeck::study::Study;
use flashdeck::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::CellDiffOption::ForcedWidth;
use ratatui::style::Color;
use ratatui_image::FontSize;
use ratatui_image::picker::{Picker, ProtocolType};

fn now() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-11-27T09:00:00+01:00").expect("a fixed time")
}

fn review(decks: &Path) -> App {
    let collection: Collection = load_dir(decks);
    let scheduler = Scheduler::new(Settings::default()).expect("default settings");
    let study = Study::new(collection, History::default(), scheduler, now());
    let mut app = App::new(study, decks.to_path_buf(), now());
    app.start_review(vec![0], "Flags".to_owned());
    app
}

fn frame(terminal: &mut Terminal<TestBackend>, app: &App, media: &mut Media, theme: &ui::Theme) {
    terminal
        .draw(|frame| {
            let clicks = ui::draw(frame, app, theme);
            media.draw(frame, app, clicks.picture_area());
        })
        .expect("a frame");
}

fn media_frame(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temporary folder");
    let decks = dir.path().join("decks");
    std::fs::create_dir_all(&decks).expect("decks folder");
    // A photo's size: 480×320 pixels, 60×20 cells of 8×16, scaled down to the card.
    let photo = image::RgbImage::from_fn(480, 320, |x, y| {
        let (x, y) = (
            u8::try_from(x % 256).unwrap_or(0),
            u8::try_from(y % 256).unwrap_or(0),
        );
        image::Rgb([x, y, x ^ y])
    });
    photo.save(decks.join("flag.png")).expect("a picture");
    std::fs::write(
        decks.join("flags.toml"),
        "[deck]\nname = \"Flags\"\n[[cards]]\nfront = \"Whose flag? ![a flag](flag.png)\"\nback = \"Nobody's\"\n",
    )
    .expect("a deck");
    let mut app = review(&decks);
    // As the runtime says at the start when the terminal draws pictures.
    app.media.pictures = true;
    let theme = ui::Theme::default();
    for (name, protocol) in [
        ("halfblocks", ProtocolType::Halfblocks),
        ("kitty", ProtocolType::Kitty),
        ("sixel", ProtocolType::Sixel),
    ] {
        #[allow(deprecated)]
        let mut picker = Picker::from_fontsize(FontSize::new(8, 16));
        picker.set_protocol_type(protocol);
        let mut media = Media::new(&MediaSettings::default(), Some(picker), &decks);
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("a terminal");
        // Until the worker has the picture: the frames measured draw it.
        let start = Instant::now();
        loop {
            frame(&mut terminal, &app, &mut media, &theme);
            let (notices, arrived) = media.pictures.collect();
            assert!(notices.is_empty(), "{notices:?}");
            if arrived {
                break;
            }
            assert!(start.elapsed() < Duration::from_secs(30), "no picture");
            std::thread::sleep(Duration::from_millis(5));
        }
        frame(&mut terminal, &app, &mut media, &theme);
        let pictured = terminal
            .backend()
            .buffer()
            .content
            .iter()
            .any(|cell| cell.bg != Color::Reset || matches!(cell.diff_option, ForcedWidth(_)));
        assert!(pictured, "the {name} picture is not on the screen");
        c.bench_function(
            &format!("review frame with a picture, {name}, 80×24"),
            |b| {
                b.iter(|| frame(&mut terminal, black_box(&app), &mut media, &theme));
            },
        );
    }
}

criterion_group!(benches, media_frame);
criterion_main!(benches);
