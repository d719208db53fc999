//! Every screen drawn at every size: 160×48, 80×24, 40×12 and the tiny ones.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::*;

/// Presses keys the way the runtime does, writing events successfully.
fn press(app: &mut App, keys: &[KeyCode]) {
    for &code in keys {
        let Some(action) = app.action_for(KeyEvent::new(code, KeyModifiers::NONE)) else {
            continue;
        };
        let now = app.now;
        for effect in app.update(action, now) {
            if let crate::app::Effect::Write(event) = effect {
                app.update(Action::Written(event), now);
            }
        }
    }
}

fn chars(text: &str) -> Vec<KeyCode> {
    text.chars().map(KeyCode::Char).collect()
}

fn then(text: &str, tail: &[KeyCode]) -> Vec<KeyCode> {
    let mut keys = chars(text);
    keys.extend_from_slice(tail);
    keys
}

use KeyCode::{Enter, Tab};

/// Every screen, by name, with the keys that reach it from [`sample`].
fn screens() -> Vec<(&'static str, Vec<KeyCode>)> {
    vec![
        ("home", vec![]),
        ("home help", chars("?")),
        ("home picker", chars("m")),
        ("home filter", chars("/")),
        ("home exam", chars("x")),
        ("question", vec![Enter]),
        ("answer", vec![Enter, KeyCode::Char(' ')]),
        ("review help", vec![Enter, KeyCode::Char('?')]),
        ("options learn", chars("ml")),
        ("options test", chars("mt")),
        ("flashcards", then("mf", &[Enter])),
        ("sorting", then("mfc", &[Enter])),
        ("learn choice", then("ml13", &[Enter])),
        ("learn written", then("ml23", &[Enter])),
        ("learn feedback", then("ml13", &[Enter, Tab])),
        ("match", then("mm", &[Enter])),
        ("test choice", then("mt13", &[Enter])),
        ("test matching", then("mt1234", &[Enter])),
        ("stats", chars("s")),
        ("stats 2", chars("sl")),
        ("stats 3", chars("sll")),
        ("stats 4", chars("slll")),
        ("stats 5", chars("sllll")),
        ("browser", chars("v")),
        ("browser help", chars("v?")),
        ("browser details", then("v", &[Enter])),
    ]
}

#[test]
#[ignore = "prints every screen for a look"]
fn dump_every_screen() {
    let mut out = String::new();
    for (name, keys) in screens() {
        let mut app = sample();
        press(&mut app, &keys);
        for (width, height) in [(160, 48), (80, 24), (40, 12), (30, 8), (20, 5)] {
            let _ = writeln!(out, "==== {name} {width}x{height}");
            let _ = writeln!(out, "{}", text(&draw(&app, width, height)));
        }
    }
    std::fs::write("/tmp/lay/screens.txt", out).unwrap();
}
