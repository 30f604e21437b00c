use std::{io::IsTerminal, process::ExitCode};

use clap::Parser;
use oneinfive::startup::config::{Cli, LogFormat};
use tracing_subscriber::EnvFilter;

fn main() -> ExitCode {
    limit_arenas();
    let mut builder = tokio::runtime::Builder::new_multi_thread();
    // Few readiness events taken from the system at a time, so that the
    // tasks they wake fit the worker's own queue: past its 256, the oldest
    // go to the shared queue, which a worker looks at only now and then,
    // and under 10,000 connections the clients that were ready first
    // waited longest (p99 1.7-4.5 x nginx's; with 16, 0.6-1.0 x: see
    // bench/RESULTS.md). The rest wait in the system's ready list, first
    // come, first served.
    builder.enable_all().max_io_events_per_tick(16);
    match builder.build() {
        Ok(runtime) => runtime.block_on(run()),
        Err(error) => {
            eprintln!("error: cannot start the runtime: {error}");
            ExitCode::FAILURE
        }
    }
}

/// glibc's allocator gives each thread that allocates an arena of its own,
/// up to eight per core, and each keeps memory it freed: with the
/// runtime's threads and the database's, that was about 3 MiB more at peak
/// than one arena per core (measured, SQLite, every page in every encoding
/// under load). Done before any other thread starts.
fn limit_arenas() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        let cores = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
        let arenas = libc::c_int::try_from(cores).unwrap_or(libc::c_int::MAX);
        // SAFETY: mallopt only sets a parameter of the allocator; no other
        // thread exists yet.
        unsafe {
            libc::mallopt(libc::M_ARENA_MAX, arenas);
        }
    }
}

async fn run() -> ExitCode {
    let cli = Cli::parse();
    let logs = tracing_subscriber::fmt()
        .with_env_filter(EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn")))
        .with_writer(std::io::stderr);
    match cli.log_format {
        LogFormat::Text => logs.with_ansi(std::io::stderr().is_terminal()).init(),
        LogFormat::Json => logs.json().with_current_span(true).init(),
    }
    match oneinfive::startup::cli::run(cli).await {
        Ok(code) => code,
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::FAILURE
        }
    }
}
