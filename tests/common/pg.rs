//! A throwaway PostgreSQL cluster for the hub tests: initdb and pg_ctl from
//! the installed server binaries into a temp dir, a free port on loopback
//! and a unix socket dir; stopped when dropped. Without the binaries the
//! test fails, naming the Debian package (it never passes silently).

use std::path::{Path, PathBuf};
use std::process::Command;

/// The password of the `postgres` user over TCP (the unix socket trusts).
pub const PASSWORD: &str = "hub-test-pass";

/// The directory holding initdb and pg_ctl: the newest under
/// /usr/lib/postgresql, else one on PATH.
fn bin_dir() -> PathBuf {
    let mut found: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path().join("bin"))
        .filter(|b| b.join("initdb").exists() && b.join("pg_ctl").exists())
        .collect();
    found.sort_by_key(|p| {
        p.parent()
            .and_then(|v| v.file_name())
            .and_then(|v| v.to_str())
            .and_then(|v| v.parse::<u32>().ok())
            .unwrap_or(0)
    });
    if let Some(dir) = found.pop() {
        return dir;
    }
    if let Ok(out) = Command::new("sh")
        .args(["-c", "command -v initdb"])
        .output()
        && out.status.success()
    {
        let path = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
        if let Some(dir) = path.parent() {
            return dir.to_path_buf();
        }
    }
    panic!(
        "the hub tests need a PostgreSQL server: install the Debian package `postgresql` \
         (apt-get install -y postgresql), or run scripts/test, which does"
    );
}

fn is_root() -> bool {
    // SAFETY: geteuid has no preconditions and cannot fail.
    unsafe { libc::geteuid() == 0 }
}

fn free_port() -> u16 {
    let l = std::net::TcpListener::bind("127.0.0.1:0").expect("a free port");
    l.local_addr().expect("port").port()
}

pub struct Pg {
    _root: tempfile::TempDir,
    data: PathBuf,
    socket: PathBuf,
    log: PathBuf,
    bin: PathBuf,
    pub port: u16,
}

impl Pg {
    /// initdb and start a cluster (as the `postgres` user when run as root:
    /// initdb refuses root).
    pub fn start() -> Self {
        let bin = bin_dir();
        let root = tempfile::Builder::new()
            .prefix("pg")
            .tempdir()
            .expect("temp dir");
        let data = root.path().join("data");
        let socket = root.path().join("s");
        std::fs::create_dir(&socket).expect("socket dir");
        let pwfile = root.path().join("pw");
        std::fs::write(&pwfile, PASSWORD).expect("pwfile");
        if is_root() {
            let status = Command::new("chown")
                .args(["-R", "postgres:postgres"])
                .arg(root.path())
                .status()
                .expect("chown");
            assert!(status.success(), "chown of the cluster dir to postgres");
        }
        let pg = Self {
            log: root.path().join("log"),
            _root: root,
            data,
            socket,
            bin,
            port: free_port(),
        };
        pg.run(
            "initdb",
            &[
                "-D",
                &pg.data.display().to_string(),
                "-U",
                "postgres",
                "--auth-local=trust",
                "--auth-host=scram-sha-256",
                &format!("--pwfile={}", pwfile.display()),
                "-E",
                "UTF8",
                "--no-sync",
            ],
        );
        pg.ctl_start();
        pg
    }

    fn run(&self, tool: &str, args: &[&str]) {
        let exe = self.bin.join(tool);
        let mut cmd = if is_root() {
            let mut c = Command::new("runuser");
            c.args(["-u", "postgres", "--"]).arg(&exe);
            c
        } else {
            Command::new(&exe)
        };
        let out = cmd.args(args).output().expect("run a PostgreSQL tool");
        assert!(
            out.status.success(),
            "{tool} {args:?} failed: {}{}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr),
            std::fs::read_to_string(&self.log).unwrap_or_default()
        );
    }

    fn ctl_start(&self) {
        let opts = format!(
            "-c listen_addresses=127.0.0.1 -c port={} -c unix_socket_directories={} \
             -c fsync=off -c full_page_writes=off -c shared_buffers=32MB -c max_connections=40",
            self.port,
            self.socket.display()
        );
        self.run(
            "pg_ctl",
            &[
                "start",
                "-w",
                "-t",
                "60",
                "-D",
                &self.data.display().to_string(),
                "-l",
                &self.log.display().to_string(),
                "-o",
                &opts,
            ],
        );
    }

    /// Stops the server at once (as a power cut would, less the disk).
    pub fn stop(&self) {
        self.run(
            "pg_ctl",
            &[
                "stop",
                "-w",
                "-m",
                "immediate",
                "-D",
                &self.data.display().to_string(),
            ],
        );
    }

    pub fn restart(&self) {
        self.stop();
        self.ctl_start();
    }

    /// A connection string to database `db` over the unix socket (trusted).
    pub fn url(&self, db: &str) -> String {
        format!(
            "host={} port={} user=postgres dbname={db}",
            self.socket.display(),
            self.port
        )
    }

    /// A connection URL over TCP with the password.
    pub fn tcp_url(&self, db: &str, password: &str) -> String {
        format!(
            "postgresql://postgres:{password}@127.0.0.1:{}/{db}",
            self.port
        )
    }

    /// Creates an empty database and returns its connection string.
    pub fn create_db(&self, name: &str) -> String {
        let mut c = postgres::Client::connect(&self.url("postgres"), postgres::NoTls)
            .expect("connect to the test cluster");
        c.batch_execute(&format!("CREATE DATABASE {name}"))
            .expect("create database");
        self.url(name)
    }

    pub fn data_dir(&self) -> &Path {
        &self.data
    }
}

impl Drop for Pg {
    fn drop(&mut self) {
        let _ = Command::new(if is_root() { "runuser" } else { "sh" })
            .args(if is_root() {
                vec!["-u", "postgres", "--"]
            } else {
                vec!["-c", "exec \"$0\" \"$@\""]
            })
            .arg(self.bin.join("pg_ctl"))
            .args(["stop", "-m", "immediate", "-D"])
            .arg(&self.data)
            .output();
    }
}
