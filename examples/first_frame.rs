//! Runs a command in a 200×60 pseudo-terminal to its first frame, for `benches/startup.sh`:
//! `first_frame [--marker TEXT] -- CMD ARGS…`. Without a marker the command must exit by itself
//! once it has drawn (flashdeck's `--after-first-frame exit`); with one, the runner waits until
//! TEXT appears in what the command wrote, sends `q` and waits for the exit, so that a program
//! without such a flag (vocage) is timed to the same point. A Rust runner starts in about a
//! millisecond, where a Python one took a tenth of a second of every figure. Exits non-zero
//! on a timeout (60 s) or a failed command.
use std::io::{Read, Write};
use std::process::ExitCode;
use std::sync::mpsc::{RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut marker = None;
    if args.first().is_some_and(|a| a == "--marker") && args.len() > 1 {
        marker = Some(args[1].clone().into_bytes());
        args.drain(..2);
    }
    if args.first().is_some_and(|a| a == "--") {
        args.remove(0);
    }
    let Some((program, rest)) = args.split_first() else {
        eprintln!("usage: first_frame [--marker TEXT] -- CMD ARGS...");
        return ExitCode::from(2);
    };
    match run(program, rest, marker.as_deref()) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(error) => {
            eprintln!("first_frame: {error}");
            ExitCode::FAILURE
        }
    }
}

fn run(program: &str, args: &[String], marker: Option<&[u8]>) -> anyhow::Result<bool> {
    let size = PtySize {
        rows: 60,
        cols: 200,
        pixel_width: 0,
        pixel_height: 0,
    };
    let pair = native_pty_system().openpty(size)?;
    // portable-pty looks every name up on PATH; a path is taken as it is.
    let cwd = std::env::current_dir()?;
    let program = if program.contains('/') {
        cwd.join(program).into_os_string()
    } else {
        program.into()
    };
    let mut command = CommandBuilder::new(program);
    command.args(args);
    command.cwd(cwd);
    let mut child = pair.slave.spawn_command(command)?;
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader()?;
    let mut writer = pair.master.take_writer()?;
    let (sender, output) = channel();
    std::thread::spawn(move || {
        let mut buffer = [0u8; 16384];
        while let Ok(read) = reader.read(&mut buffer) {
            if read == 0 || sender.send(buffer[..read].to_vec()).is_err() {
                break;
            }
        }
    });
    let deadline = Instant::now() + Duration::from_secs(60);
    let mut seen = Vec::new();
    let mut sent = false;
    while Instant::now() < deadline {
        match output.recv_timeout(Duration::from_millis(50)) {
            Ok(bytes) => {
                seen.extend_from_slice(&bytes);
                if let Some(marker) = marker.filter(|_| !sent)
                    && seen.windows(marker.len()).any(|w| w == marker)
                {
                    writer.write_all(b"q")?;
                    writer.flush()?;
                    sent = true;
                }
            }
            // The terminal closed: the command has exited, or is about to.
            Err(RecvTimeoutError::Disconnected) => {
                let status = child.wait()?;
                return Ok(status.success() && (marker.is_none() || sent));
            }
            Err(RecvTimeoutError::Timeout) => {}
        }
        if let Some(status) = child.try_wait()? {
            return Ok(status.success() && (marker.is_none() || sent));
        }
    }
    child.kill()?;
    Ok(false)
}
