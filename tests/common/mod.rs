//! Test helpers: run the real `rounds` binary, on the command line or in a
//! pseudo-terminal, against a temporary data directory.
#![allow(dead_code)]

pub mod kill;
pub mod pg;

use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub const TODAY: &str = "2026-11-24";

/// How long a screen must stay the same to count as drawn (the TUI redraws
/// at least every 250 ms, and at once after input).
pub const QUIET: Duration = Duration::from_millis(300);

/// The least time between keys sent (a lone Esc then a key would read as Alt+key).
const KEY_GAP: Duration = Duration::from_millis(60);

/// The binary under test; `ROUNDS_TEST_BIN` points the end-to-end tests at
/// another build (e.g. an older one, to show a test fails there).
pub fn bin() -> String {
    std::env::var("ROUNDS_TEST_BIN").unwrap_or_else(|_| env!("CARGO_BIN_EXE_rounds").to_string())
}

/// How long to wait for a screen: longer on CI, where 2 cores build and test at once.
pub fn patience() -> Duration {
    if std::env::var_os("CI").is_some() {
        Duration::from_secs(60)
    } else {
        Duration::from_secs(20)
    }
}

/// Where tests keep the audit key and witnesses (never the real home
/// directory); each data directory has its own witness in it.
pub fn config_dir() -> PathBuf {
    std::env::temp_dir().join("rounds-test-config")
}

/// For tests that open the database in this process: the same config
/// directory as the binaries they run.
pub fn isolate_config() {
    rounds::storage::set_config_dir(config_dir());
}

/// A temporary data directory that is removed at the end of the test.
pub struct DataDir {
    pub dir: tempfile::TempDir,
}

impl DataDir {
    pub fn new() -> Self {
        Self {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    /// A data directory with the demo loaded (pinned to [`TODAY`]).
    pub fn with_demo() -> Self {
        let d = Self::new();
        let out = d.run(&["demo"]);
        assert!(
            out.status.success(),
            "demo failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        d
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// A `rounds` command with this data dir, the pinned day and English.
    pub fn command(&self) -> Command {
        let mut cmd = Command::new(bin());
        cmd.env("ROUNDS_DATA_DIR", self.path())
            .env("ROUNDS_CONFIG_DIR", config_dir())
            .env("ROUNDS_TODAY", TODAY)
            .env("LANG", "en_US.UTF-8")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("ROUNDS_REP");
        cmd
    }

    pub fn run(&self, args: &[&str]) -> Output {
        self.command().args(args).output().expect("run rounds")
    }

    /// Runs and returns stdout, failing the test with stderr if the command failed.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "rounds {args:?} failed ({}): {}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("utf-8 output")
    }

    /// Starts the TUI in a pseudo-terminal of `cols` x `rows`.
    pub fn spawn_tui(&self, args: &[&str], cols: u16, rows: u16) -> Tui {
        Tui::spawn(self.path(), args, &[], cols, rows)
    }
}

impl Default for DataDir {
    fn default() -> Self {
        Self::new()
    }
}

/// The real binary in a pseudo-terminal, its screen parsed by vt100.
pub struct Tui {
    parser: Arc<Mutex<vt100::Parser>>,
    writer: Option<Box<dyn Write + Send>>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
    master: Option<Box<dyn portable_pty::MasterPty + Send>>,
}

impl Tui {
    pub fn spawn(
        data_dir: &Path,
        args: &[&str],
        env: &[(&str, &str)],
        cols: u16,
        rows: u16,
    ) -> Self {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open pty");
        let mut cmd = CommandBuilder::new(bin());
        cmd.args(args);
        cmd.env("ROUNDS_DATA_DIR", data_dir);
        cmd.env("ROUNDS_CONFIG_DIR", config_dir());
        cmd.env("ROUNDS_TODAY", TODAY);
        cmd.env("LANG", "en_US.UTF-8");
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("LC_ALL");
        cmd.env_remove("ROUNDS_REP");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).expect("spawn rounds");
        drop(pair.slave);
        let parser = Arc::new(Mutex::new(vt100::Parser::new(
            std::num::NonZeroU16::new(rows).expect("rows > 0"),
            std::num::NonZeroU16::new(cols).expect("cols > 0"),
            0,
        )));
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let sink = parser.clone();
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                if let Ok(mut p) = sink.lock() {
                    p.process(&buf[..n]);
                }
            }
        });
        let writer = pair.master.take_writer().expect("pty writer");
        Self {
            parser,
            writer: Some(writer),
            child,
            master: Some(pair.master),
        }
    }

    pub fn screen(&self) -> String {
        self.parser.lock().expect("parser").screen().contents()
    }

    /// Waits until `text` is on screen; panics with the screen after the patience runs out.
    pub fn wait_for(&self, text: &str) {
        let deadline = Instant::now() + patience();
        loop {
            if self.screen().contains(text) {
                return;
            }
            if Instant::now() > deadline {
                panic!("timed out waiting for {text:?}; screen:\n{}", self.screen());
            }
            std::thread::sleep(Duration::from_millis(25));
        }
    }

    /// Waits until the screen has not changed for [`QUIET`] (the program has
    /// drawn what the last input caused), within the patience.
    pub fn wait_stable(&self) {
        self.wait_quiet(QUIET);
    }

    /// Waits for the first frame (something on screen), then for it to settle.
    pub fn wait_drawn(&self) {
        let deadline = Instant::now() + patience();
        while self.screen().trim().is_empty() {
            if Instant::now() > deadline {
                panic!("nothing was drawn");
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        self.wait_stable();
    }

    /// Waits until the screen has not changed for `quiet`.
    pub fn wait_quiet(&self, quiet: Duration) {
        let deadline = Instant::now() + patience();
        let mut last = self.screen();
        let mut since = Instant::now();
        loop {
            std::thread::sleep(Duration::from_millis(10));
            let now = self.screen();
            if now != last {
                last = now;
                since = Instant::now();
            } else if since.elapsed() >= quiet {
                return;
            }
            if Instant::now() > deadline {
                panic!("the screen never settled; screen:\n{last}");
            }
        }
    }

    /// Waits until `text` is gone from the screen.
    pub fn wait_gone(&self, text: &str) {
        let deadline = Instant::now() + patience();
        while self.screen().contains(text) {
            if Instant::now() > deadline {
                panic!(
                    "timed out waiting for {text:?} to go; screen:\n{}",
                    self.screen()
                );
            }
            std::thread::sleep(Duration::from_millis(25));
        }
    }

    /// Sends raw bytes (keys). Escape sequences: "\x1b[A" up, "\r" Enter, "\x1b" Esc.
    pub fn send(&mut self, bytes: &str) {
        let writer = self.writer.as_mut().expect("terminal is open");
        writer.write_all(bytes.as_bytes()).expect("write to pty");
        writer.flush().expect("flush pty");
        // a lone Esc followed at once by a key reads as Alt+key; real typing
        // is slower: the next key goes once the screen shows this one
        self.wait_quiet(KEY_GAP);
    }

    /// Types text one key at a time, as a person (or a barcode scanner) does.
    pub fn type_text(&mut self, text: &str) {
        let writer = self.writer.as_mut().expect("terminal is open");
        for c in text.chars() {
            let mut b = [0u8; 4];
            writer
                .write_all(c.encode_utf8(&mut b).as_bytes())
                .expect("write to pty");
        }
        writer.flush().expect("flush pty");
        self.wait_quiet(KEY_GAP);
    }

    /// Waits for the process to end and returns its exit code.
    pub fn wait_exit(&mut self) -> u32 {
        let deadline = Instant::now() + patience();
        loop {
            if let Some(status) = self.child.try_wait().expect("try_wait") {
                return status.exit_code();
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                panic!("rounds did not exit; screen:\n{}", self.screen());
            }
            std::thread::sleep(Duration::from_millis(25));
        }
    }

    /// Resizes the pseudo-terminal (the program gets SIGWINCH and a resize event).
    /// The parser is resized first, so that the redraw the program makes for the
    /// new size is not clipped to the old one.
    pub fn resize(&mut self, cols: u16, rows: u16) {
        if let (Some(r), Some(c)) = (
            std::num::NonZeroU16::new(rows),
            std::num::NonZeroU16::new(cols),
        ) {
            self.parser
                .lock()
                .expect("parser")
                .screen_mut()
                .set_size(r, c);
        }
        self.master
            .as_ref()
            .expect("terminal is open")
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("resize pty");
        self.wait_stable();
    }

    /// True while the program holds the alternate screen (the TUI is up).
    pub fn in_alternate_screen(&self) -> bool {
        self.parser
            .lock()
            .expect("parser")
            .screen()
            .alternate_screen()
    }

    /// True while the program hides the cursor.
    pub fn cursor_hidden(&self) -> bool {
        self.parser.lock().expect("parser").screen().hide_cursor()
    }

    /// The terminal's (echo, canonical input) modes, as the program left them
    /// (the pty pair shares one line discipline; it outlives the program).
    #[cfg(unix)]
    pub fn echo_and_icanon(&self) -> (bool, bool) {
        let fd = self
            .master
            .as_ref()
            .and_then(|m| m.as_raw_fd())
            .expect("pty fd");
        // SAFETY: an all-zero termios is a valid value for tcgetattr to fill in.
        let mut t: libc::termios = unsafe { std::mem::zeroed() };
        // SAFETY: fd is the open master of the pty; t is a valid termios.
        let rc = unsafe { libc::tcgetattr(fd, &mut t) };
        assert_eq!(rc, 0, "tcgetattr: {}", std::io::Error::last_os_error());
        (t.c_lflag & libc::ECHO != 0, t.c_lflag & libc::ICANON != 0)
    }

    /// Sends a signal by name ("TERM", "HUP") to the program.
    pub fn signal(&self, name: &str) {
        let pid = self.child.process_id().expect("pid");
        let status = std::process::Command::new("kill")
            .args([&format!("-{name}"), &pid.to_string()])
            .status()
            .expect("kill");
        assert!(status.success());
    }

    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Tui {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
        }
    }
}

pub fn path_buf(p: &Path) -> PathBuf {
    p.to_path_buf()
}

/// Copies a data directory (e.g. a prepared database for each crash cycle).
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read dir").flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).expect("copy");
        }
    }
}
