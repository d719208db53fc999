//! Runs the real binary in a pseudo-terminal and reads its screen through a VT100 parser.

use std::io::{Read, Write};
use std::path::Path;
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, PtySize, native_pty_system};

/// How long any one wait may take before the test fails; generous for a loaded CI machine.
const TIMEOUT: Duration = Duration::from_secs(20);

/// A plain `flashdeck` command with the same isolated home as [`Tui::start`].
#[allow(dead_code)] // Not every test file that includes this module runs plain commands.
pub fn command(home: &Path) -> std::process::Command {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_flashdeck"));
    cmd.current_dir(home)
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env_remove("FLASHDECK_DECKS")
        .env_remove("FLASHDECK_DATA_DIR")
        .env_remove("FLASHDECK_CONFIG");
    cmd
}

/// Every card as `flashdeck export --json` gives it, from `home`.
#[allow(dead_code)] // Only some test files check the exported cards.
pub fn exported(home: &Path) -> serde_json::Value {
    let output = command(home).args(["export", "--json"]).output().unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

pub struct Tui {
    child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    output: Receiver<Vec<u8>>,
    parser: vt100::Parser,
    // Kept open: dropping the master would hang up the terminal.
    _master: Box<dyn portable_pty::MasterPty + Send>,
}

impl Tui {
    /// Starts `flashdeck args…` in a `cols`×`rows` terminal with `home` as its home and
    /// working directory.
    pub fn start(home: &Path, args: &[&str], cols: u16, rows: u16) -> Self {
        Self::start_with(home, args, (cols, rows), &[])
    }

    /// As [`Tui::start`], with the environment variables `env` set too (`PATH`, say).
    pub fn start_with(
        home: &Path,
        args: &[&str],
        (cols, rows): (u16, u16),
        env: &[(&str, &str)],
    ) -> Self {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pseudo-terminal");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_flashdeck"));
        cmd.args(args);
        cmd.cwd(home);
        cmd.env("HOME", home);
        cmd.env("XDG_DATA_HOME", home.join("data"));
        cmd.env("XDG_CONFIG_HOME", home.join("config"));
        cmd.env("TERM", "xterm-256color");
        // A panic's message, not a backtrace that scrolls it off a small screen.
        cmd.env("RUST_BACKTRACE", "0");
        for name in ["FLASHDECK_DECKS", "FLASHDECK_DATA_DIR", "FLASHDECK_CONFIG"] {
            cmd.env_remove(name);
        }
        for (name, value) in env {
            cmd.env(name, value);
        }
        let child = pair.slave.spawn_command(cmd).expect("start flashdeck");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let writer = pair.master.take_writer().expect("pty writer");
        let (sender, output) = channel();
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 || sender.send(buf[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        let rows = std::num::NonZeroU16::new(rows).expect("rows > 0");
        let cols = std::num::NonZeroU16::new(cols).expect("cols > 0");
        Self {
            child,
            writer,
            output,
            parser: vt100::Parser::new(rows, cols, 0),
            _master: pair.master,
        }
    }

    fn pump(&mut self, wait: Duration) {
        if let Ok(bytes) = self.output.recv_timeout(wait) {
            self.parser.process(&bytes);
        }
        while let Ok(bytes) = self.output.try_recv() {
            self.parser.process(&bytes);
        }
    }

    /// Reads whatever output has arrived, waiting a little for some.
    #[allow(dead_code)] // Not every test file that includes this module polls by hand.
    pub fn refresh(&mut self) {
        self.pump(Duration::from_millis(30));
    }

    pub fn screen(&self) -> &vt100::Screen {
        self.parser.screen()
    }

    pub fn contents(&self) -> String {
        self.screen().contents()
    }

    /// Waits until the screen shows `text`, failing with the screen if it never does.
    pub fn wait_for(&mut self, text: &str) {
        let start = Instant::now();
        while !self.contents().contains(text) {
            assert!(
                start.elapsed() < TIMEOUT,
                "timed out waiting for {text:?}; the screen shows:\n{}",
                self.contents()
            );
            self.pump(Duration::from_millis(50));
        }
    }

    /// Types raw bytes: `"j"`, `"\x1b[B"` (down), `"\r"` (Enter).
    pub fn send(&mut self, keys: &str) {
        self.writer
            .write_all(keys.as_bytes())
            .expect("type into the pty");
        self.writer.flush().expect("flush the pty");
    }

    /// Answers the review card on screen: shows its answer, then presses the rating `key`
    /// ('1' Again to '4' Easy) once its button is on screen.
    #[allow(dead_code)] // Only the review tests answer cards.
    pub fn answer(&mut self, key: char) {
        let button = match key {
            '1' => "1 Again",
            '2' => "2 Hard",
            '3' => "3 Good",
            _ => "4 Easy",
        };
        self.wait_for("Space show answer");
        self.send(" ");
        self.wait_for(button);
        self.send(&key.to_string());
    }

    /// Kills the process the hard way (SIGKILL: no handler, no cleanup) and reaps it.
    #[allow(dead_code)] // Only the fault tests kill.
    pub fn kill_9(&mut self) {
        let pid = self.child.process_id().expect("a running child");
        let status = std::process::Command::new("kill")
            .args(["-9", &pid.to_string()])
            .status()
            .expect("run kill");
        assert!(status.success(), "kill -9 {pid}");
        self.child.wait().expect("reap the child");
    }

    /// Sends the process `signal` ("TERM", "HUP", "INT") as `kill -SIGNAL` does.
    #[allow(dead_code)] // Only the signal tests send signals.
    pub fn signal(&mut self, signal: &str) {
        let pid = self.child.process_id().expect("a running child");
        let status = std::process::Command::new("kill")
            .args([format!("-{signal}"), pid.to_string()])
            .status()
            .expect("run kill");
        assert!(status.success(), "kill -{signal} {pid}");
    }

    /// Waits for the process to exit and returns its exit code.
    #[allow(dead_code)] // Only the signal tests read the code.
    pub fn wait_exit_code(&mut self) -> u32 {
        let start = Instant::now();
        loop {
            self.pump(Duration::from_millis(20));
            if let Some(status) = self.child.try_wait().expect("poll the child") {
                self.pump(Duration::from_millis(50));
                return status.exit_code();
            }
            assert!(
                start.elapsed() < TIMEOUT,
                "flashdeck did not exit:\n{}",
                self.contents()
            );
        }
    }

    /// Waits for the process to exit and returns whether it succeeded.
    #[allow(dead_code)] // Not every test file that includes this module waits this way.
    pub fn wait_exit(&mut self) -> bool {
        let start = Instant::now();
        loop {
            self.pump(Duration::from_millis(20));
            if let Some(status) = self.child.try_wait().expect("poll the child") {
                self.pump(Duration::from_millis(50));
                return status.success();
            }
            assert!(
                start.elapsed() < TIMEOUT,
                "flashdeck did not exit:\n{}",
                self.contents()
            );
        }
    }
}

impl Drop for Tui {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}
