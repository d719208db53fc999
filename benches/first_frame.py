#!/usr/bin/env python3
"""Runs a command in a pseudo-terminal of 200x60 until its first frame, for benches/startup.sh.

`first_frame.py [--marker TEXT] -- CMD ARGS...`: without a marker the command must exit by
itself once it has drawn (flashdeck's `--after-first-frame exit`); with one, the runner waits
until TEXT appears in what the command wrote, then sends `q` and waits for it to exit, so a
program without such a flag (vocage) is timed to the same point. Exits non-zero on a timeout.
"""
import os, pty, select, signal, struct, sys, fcntl, termios, time

def main():
    args = sys.argv[1:]
    marker = None
    if args[:1] == ["--marker"]:
        marker, args = args[1].encode(), args[2:]
    if args[:1] == ["--"]:
        args = args[1:]
    pid, fd = pty.fork()
    if pid == 0:
        os.execvp(args[0], args)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 60, 200, 0, 0))
    seen, deadline, sent = b"", time.time() + 60, False
    ok = lambda status: os.waitstatus_to_exitcode(status) == 0 and (marker is None or sent)
    while time.time() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.05)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                chunk = b""
            if not chunk:
                # The terminal closed: the command has exited or is about to.
                sys.exit(0 if ok(os.waitpid(pid, 0)[1]) else 1)
            seen = (seen + chunk)[-65536:]
            if marker and not sent and marker in seen:
                os.write(fd, b"q")
                sent = True
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            sys.exit(0 if ok(status) else 1)
    os.kill(pid, signal.SIGKILL)
    sys.exit(1)

main()
