//! The card renderer on a card with a highlighted code block, drawn into an 80×24 buffer as
//! a frame of review draws it. Run with `cargo bench --bench card`.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use flashdeck::ui::{Theme, card};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::{Paragraph, Widget};

const CARD: &str = "**Rust**: what does this print?\n\n```rust\nfn main() {\n    // Sum of squares\n    let total: u32 = (1..=10).map(|n| n * n).sum();\n    println!(\"total = {total}\");\n    for word in [\"a\", \"b\"] {\n        print!(\"{word} \");\n    }\n}\n```\n\nHint: $\\sum_{n=1}^{10} n^2$";

fn card_frame(c: &mut Criterion) {
    let theme = Theme::default();
    let area = Rect::new(0, 0, 80, 24);
    // The first frame reads syntect's grammars; the figure is for every frame after it.
    let _ = card::lines(CARD, 76, Style::new(), &theme);
    c.bench_function("card with a code block, 80×24", |b| {
        b.iter(|| {
            let mut buffer = Buffer::empty(area);
            let lines = card::lines(black_box(CARD), 76, theme.title, &theme);
            Paragraph::new(lines).render(area, &mut buffer);
            black_box(buffer);
        });
    });
}

criterion_group!(benches, card_frame);
criterion_main!(benches);
