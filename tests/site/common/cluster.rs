//! A private PostgreSQL server for a test that stops and starts it (an
//! outage drill): `initdb` into a temporary folder, served on a free port,
//! stopped with `-m immediate` as a crash would, started again. Without
//! PostgreSQL's programs on the machine the test is skipped, loudly,
//! except under CI, where it fails.

use std::{
    io::Write,
    path::{Path, PathBuf},
    process::Command,
};

/// The private server; stopped and removed on `Drop`.
pub struct PrivateCluster {
    bin: PathBuf,
    dir: tempfile::TempDir,
    pub port: u16,
}

/// Where PostgreSQL's programs are: `pg_config --bindir`, else Debian's place.
fn bindir() -> Option<PathBuf> {
    let from_pg_config = Command::new("pg_config")
        .arg("--bindir")
        .output()
        .ok()
        .filter(|output| output.status.success())
        .map(|output| PathBuf::from(String::from_utf8_lossy(&output.stdout).trim()));
    let debian = std::fs::read_dir("/usr/lib/postgresql")
        .ok()
        .and_then(|versions| versions.filter_map(Result::ok).map(|version| version.path().join("bin")).max());
    [from_pg_config, debian].into_iter().flatten().find(|dir| dir.join("initdb").is_file())
}

/// PostgreSQL's programs refuse to run as root: as root, they run as the
/// `postgres` user.
fn as_server_user(program: &Path) -> Command {
    // SAFETY: geteuid has no preconditions and cannot fail.
    if unsafe { libc::geteuid() } == 0 {
        let mut command = Command::new("runuser");
        command.args(["-u", "postgres", "--"]).arg(program);
        command
    } else {
        Command::new(program)
    }
}

fn run(mut command: Command, what: &str) {
    let output = command.output().unwrap_or_else(|error| panic!("{what}: {error}"));
    assert!(output.status.success(), "{what}: {}", String::from_utf8_lossy(&output.stderr));
}

impl PrivateCluster {
    /// Creates and starts the server; `None` (the test skipped) when
    /// PostgreSQL's programs are not installed, outside CI.
    pub fn start() -> Option<PrivateCluster> {
        let Some(bin) = bindir() else {
            assert!(std::env::var_os("CI").is_none(), "PostgreSQL's programs (initdb, pg_ctl) are missing under CI");
            let _ = writeln!(std::io::stderr(), "\n!! initdb not found: SKIPPING the outage drill\n");
            return None;
        };
        let dir = tempfile::tempdir().expect("temp dir");
        // SAFETY: geteuid has no preconditions and cannot fail.
        if unsafe { libc::geteuid() } == 0 {
            let mut chown = Command::new("chown");
            chown.args(["-R", "postgres:"]).arg(dir.path());
            run(chown, "chown the cluster's folder");
        }
        let port = std::net::TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).expect("a free port").port();
        let mut initdb = as_server_user(&bin.join("initdb"));
        initdb.arg("-D").arg(dir.path().join("data")).args([
            "-A",
            "trust",
            "-U",
            "postgres",
            "--no-sync",
            "-E",
            "UTF8",
        ]);
        initdb.arg("--no-locale");
        run(initdb, "initdb");
        let cluster = PrivateCluster { bin, dir, port };
        cluster.start_again();
        Some(cluster)
    }

    pub fn url(&self) -> String {
        format!("postgres://postgres@127.0.0.1:{}/postgres", self.port)
    }

    fn pg_ctl(&self) -> Command {
        let mut command = as_server_user(&self.bin.join("pg_ctl"));
        command.arg("-D").arg(self.dir.path().join("data"));
        command
    }

    /// Starts the server (again), and waits until it accepts connections.
    pub fn start_again(&self) {
        let mut start = self.pg_ctl();
        let options = format!(
            "-p {} -k {} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=50",
            self.port,
            self.dir.path().display()
        );
        start.args(["-w", "-t", "30", "-o", &options, "-l"]).arg(self.dir.path().join("log")).arg("start");
        run(start, "pg_ctl start");
    }

    /// Stops the server at once, as a crash or a power cut would.
    pub fn stop_immediately(&self) {
        let mut stop = self.pg_ctl();
        stop.args(["-w", "-m", "immediate", "stop"]);
        run(stop, "pg_ctl stop");
    }
}

impl Drop for PrivateCluster {
    fn drop(&mut self) {
        let mut stop = self.pg_ctl();
        stop.args(["-w", "-m", "immediate", "stop"]);
        let _ = stop.output();
    }
}
