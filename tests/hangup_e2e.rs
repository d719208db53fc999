//! The shared case `sigterm`, second half: when the terminal goes away, flashdeck ends at
//! once. Killing a tmux pane hangs up its terminal without a hang-up signal reaching
//! flashdeck (the pane's shell gets it); flashdeck used to read the dead terminal's end of
//! file for ever, at 40% of a core. tmux is what shows it, so the test drives tmux (`.ci/run`
//! installs it).

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

/// Whether a process whose working directory is `home` is still running.
fn still_running(home: &Path) -> bool {
    std::fs::read_dir("/proc").is_ok_and(|entries| {
        entries
            .flatten()
            .any(|entry| std::fs::read_link(entry.path().join("cwd")).is_ok_and(|cwd| cwd == home))
    })
}

fn tmux(socket: &str, args: &[&str]) -> String {
    let output = Command::new("tmux")
        .args(["-L", socket, "-f", "/dev/null"])
        .args(args)
        .output()
        .expect("tmux is installed (.ci/run installs it)");
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn a_killed_tmux_pane_ends_the_process() {
    killed_pane_ends_the_process("");
}

/// With standard input redirected, the keys come from `/dev/tty`, which hangs up the same way.
#[test]
fn a_killed_tmux_pane_ends_the_process_when_stdin_is_not_the_terminal() {
    killed_pane_ends_the_process(" < /dev/null");
}

fn killed_pane_ends_the_process(redirect: &str) {
    // `.ci/run` installs tmux; a machine where that failed says so rather than fail here.
    if Command::new("tmux").arg("-V").output().is_err() {
        eprintln!("tmux is not installed: the hang-up test did not run");
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let home_path = home.path().canonicalize().unwrap();
    let socket = format!("flashdeck-hangup-{}-{}", std::process::id(), redirect.len());
    let binary = std::env::var("HANGUP_BIN").unwrap_or(env!("CARGO_BIN_EXE_flashdeck").into());
    let command = format!(
        "env HOME='{home}' XDG_DATA_HOME='{home}/data' XDG_CONFIG_HOME='{home}/config' \
         TERM=xterm-256color '{binary}'{redirect}; :",
        home = home_path.display()
    );
    let dir = home_path.display().to_string();
    tmux(
        &socket,
        &[
            "new-session",
            "-d",
            "-x",
            "80",
            "-y",
            "24",
            "-c",
            &dir,
            &command,
        ],
    );
    let start = Instant::now();
    while !tmux(&socket, &["capture-pane", "-p"]).contains("due today") {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "the home screen never came"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    tmux(&socket, &["kill-server"]);
    let start = Instant::now();
    while still_running(&home_path) {
        if start.elapsed() > Duration::from_secs(10) {
            let _ = Command::new("pkill").args(["-9", "-f", &binary]).status();
            panic!("flashdeck kept running without its terminal");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}
