//! The commands of the command line, each a thin layer over the library.

use std::{fmt::Display, fs::File, io::Write, net::SocketAddr, path::Path, process::ExitCode};

use anyhow::Context;
use time::Date;

use crate::{
    domain::{EmailAddress, NewEvent, TimeZone},
    formats::{
        csv_file::{CsvErrors, LineError},
        csv_text::{Delimiter, TextEncoding},
        events_csv, news_files, sample, signatories_csv, subscribers_csv,
    },
    infra::clock::Clock,
    startup::{
        accounts, bounces,
        config::{
            Cli, Command, EventsCommand, NewsCommand, NewsletterCommand, SampleCommand, ServeArgs, SignatoriesCommand,
            SiteConfig, SubscribersCommand,
        },
        database::{open, open_for},
        server::{Server, shutdown_signal},
    },
    store::{self, Actor, AuditDetails, AuditKind, ConnectionWait, ImportReport, Origin, Store, StoreError},
    web::signatories_csv_body::export_page,
};

/// Runs a parsed command line. Errors are printed by the caller.
pub async fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let command = match cli.command {
        Some(command) => command,
        None => Command::Serve(Box::new(ServeArgs::from_env().map_err(|e| anyhow::anyhow!("{e}"))?)),
    };
    let url = cli.database_url;
    let zone = cli.time_zone;
    match command {
        Command::Serve(args) => serve(url, zone, *args).await,
        Command::Migrate => migrate(url).await,
        Command::Backup { file } => backup(url, &file).await,
        Command::Seed => seed(url).await,
        Command::Sample { command: SampleCommand::Remove } => remove_sample(url).await,
        Command::Signatories { command: SignatoriesCommand::Import { file } } => {
            import_signatories(url, &file, zone.today(Clock::system().now())).await
        }
        Command::Signatories { command: SignatoriesCommand::Export } => export_signatories(url).await,
        Command::Events { command: EventsCommand::Import { file } } => import_events(url, &file).await,
        Command::Events { command: EventsCommand::Export } => export_events(url).await,
        Command::News { command: NewsCommand::Import { dir } } => import_news(url, &dir).await,
        Command::News { command: NewsCommand::Export { dir } } => export_news(url, &dir).await,
        Command::Subscribers { command: SubscribersCommand::Export { all } } => export_subscribers(url, all).await,
        Command::Subscribers { command: SubscribersCommand::Delete { email } } => delete_subscriber(url, &email).await,
        Command::Newsletter { command: NewsletterCommand::Status } => newsletter_status(url).await,
        Command::Newsletter { command: NewsletterCommand::Bounces { path } } => bounces::run(url, &path).await,
        Command::Admin { command } => accounts::run(url, command).await,
    }
}

async fn migrate(url: Option<String>) -> anyhow::Result<ExitCode> {
    let store = open(url).await?;
    tracing::info!(backend = store.backend(), "migrations applied");
    Ok(ExitCode::SUCCESS)
}

async fn seed(url: Option<String>) -> anyhow::Result<ExitCode> {
    let store = open(url).await?;
    let report = sample::load(&store, Clock::system().now()).await?;
    store.announce_changes().await;
    print!("sample data loaded:\n{report}");
    Ok(ExitCode::SUCCESS)
}

/// Reports an import refused for `errors`: nothing was written.
fn rejected(source: &Path, errors: impl Display) -> ExitCode {
    eprintln!("{}: rejected, nothing was imported:\n{errors}", source.display());
    ExitCode::FAILURE
}

/// Reports what an import did, on standard output and in the audit log:
/// "FILE: N things: a added, u updated, n unchanged".
async fn imported(
    store: &Store,
    kind: AuditKind,
    source: &Path,
    count: usize,
    things: &str,
    report: ImportReport,
) -> anyhow::Result<ExitCode> {
    let ImportReport { added, updated, unchanged } = report;
    let summary =
        format!("{}: {count} {things}: {added} added, {updated} updated, {unchanged} unchanged", source.display());
    let details = AuditDetails::import(&source.display().to_string(), count, &report);
    store.record(&Actor::CommandLine, kind, &details, &summary, Clock::system().now()).await?;
    println!("{summary}");
    Ok(ExitCode::SUCCESS)
}

fn open_file(file: &Path) -> anyhow::Result<File> {
    File::open(file).with_context(|| format!("cannot open {}", file.display()))
}

async fn import_signatories(url: Option<String>, file: &Path, today: Date) -> anyhow::Result<ExitCode> {
    // Every row is checked before the database is touched; the file is
    // read as the back office reads it.
    let bytes = std::fs::read(file).with_context(|| format!("cannot open {}", file.display()))?;
    let read = match signatories_csv::read(&bytes, today) {
        Ok(read) => read,
        Err(errors) => return Ok(rejected(file, errors)),
    };
    if read.encoding != TextEncoding::Utf8 || read.delimiter != Delimiter::Comma {
        println!("{}: read as {}, separated by {}", file.display(), read.encoding, read.delimiter);
    }
    let store = open(url).await?;
    let report = store.import_signatories(&read.signatories, &read.kept, Origin::Staff).await?;
    store.announce_changes().await;
    let count = read.signatories.len();
    let code = imported(&store, AuditKind::SignatoriesImported, file, count, "signatories", report).await?;
    say_sample_rows(&store).await?;
    Ok(code)
}

/// `backup FILE`: an online, consistent copy of the SQLite database.
async fn backup(url: Option<String>, file: &Path) -> anyhow::Result<ExitCode> {
    let store = open(url).await?;
    match store.backup_to(file).await {
        Ok(()) => {
            println!("{}: backup written", file.display());
            Ok(ExitCode::SUCCESS)
        }
        Err(StoreError::NotSupported(message)) => {
            eprintln!("backup: {message}");
            Ok(ExitCode::FAILURE)
        }
        Err(error) => Err(anyhow::Error::new(error).context(format!("cannot write the backup to {}", file.display()))),
    }
}

/// After an import of real data: the sample rows that remain, if any, and
/// how to remove them. An import never removes them silently.
async fn say_sample_rows(store: &Store) -> anyhow::Result<()> {
    let rows = store.sample_rows().await?;
    if rows.total() > 0 {
        println!(
            "{} sample rows remain ({} signatories, {} events, {} news items, {} newsletter issues): \
             `oneinfive sample remove` deletes them",
            rows.total(),
            rows.signatories,
            rows.events,
            rows.news,
            rows.newsletter_issues
        );
    }
    Ok(())
}

/// `sample remove`: deletes every sample row in one transaction, with its
/// audit entry.
async fn remove_sample(url: Option<String>) -> anyhow::Result<ExitCode> {
    let store = open(url).await?;
    let removed = store.remove_sample(&Actor::CommandLine, Clock::system().now()).await?;
    store.announce_changes().await;
    println!("{removed}");
    Ok(ExitCode::SUCCESS)
}

/// The signatories' CSV on standard output, read and written a page of
/// rows at a time, as the open data's file is (byte for byte): however
/// many there are, one page is held.
async fn export_signatories(url: Option<String>) -> anyhow::Result<ExitCode> {
    let store = open(url).await?;
    let summary = store.export_summary().await?;
    let notes = signatories_csv::sample_notes_of(
        summary.sample,
        summary.total,
        &std::sync::Arc::new(crate::text::i18n::Locales::load()?),
    );
    let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
    signatories_csv::write_head(&mut stdout, &notes, summary.hash_first).context("cannot write the CSV")?;
    let mut next = Some(None);
    while let Some(after) = next {
        let page;
        (page, next) = export_page(&store, after).await?;
        signatories_csv::write_rows(&mut stdout, &page, summary.hash_first).context("cannot write the CSV")?;
    }
    stdout.flush()?;
    Ok(ExitCode::SUCCESS)
}

async fn import_events(url: Option<String>, file: &Path) -> anyhow::Result<ExitCode> {
    let events = match events_csv::parse(open_file(file)?) {
        Ok(events) => events,
        Err(errors) => return Ok(rejected(file, errors)),
    };
    let store = open(url).await?;
    let resolved = match resolve_signatories(&store, events).await? {
        Ok(resolved) => resolved,
        Err(errors) => return Ok(rejected(file, errors)),
    };
    let report = store.import_events(&resolved, Clock::system().now(), Origin::Staff).await?;
    store.announce_changes().await;
    let code = imported(&store, AuditKind::EventsImported, file, resolved.len(), "events", report).await?;
    say_sample_rows(&store).await?;
    Ok(code)
}

/// Looks up each event's related signatory, before anything is written:
/// the events with their signatory's id, or the lines naming none.
async fn resolve_signatories(
    store: &Store,
    events: Vec<(u64, NewEvent)>,
) -> anyhow::Result<Result<Vec<(NewEvent, Option<i64>)>, CsvErrors>> {
    let mut resolved = Vec::with_capacity(events.len());
    let mut missing = Vec::new();
    for (line, event) in events {
        let signatory_id = match &event.signatory {
            Some(reference) => match store.find_signatory(reference).await? {
                Some(id) => Some(id),
                None => {
                    missing.push(LineError { line, message: format!("signatory: no signatory {reference}") });
                    None
                }
            },
            None => None,
        };
        resolved.push((event, signatory_id));
    }
    Ok(if missing.is_empty() { Ok(resolved) } else { Err(CsvErrors::new(missing)) })
}

async fn export_events(url: Option<String>) -> anyhow::Result<ExitCode> {
    let store = open(url).await?;
    let events: Vec<_> = store.events().await?.into_iter().map(|event| event.details).collect();
    let mut stdout = std::io::stdout().lock();
    events_csv::write(&mut stdout, &events).context("cannot write the CSV")?;
    stdout.flush()?;
    Ok(ExitCode::SUCCESS)
}

async fn import_news(url: Option<String>, dir: &Path) -> anyhow::Result<ExitCode> {
    // Every file and image is checked before the database is touched.
    let items = match news_files::read_folder(dir) {
        Ok(items) => items,
        Err(errors) => return Ok(rejected(dir, errors)),
    };
    let store = open(url).await?;
    let report = store.import_news(&items, store::instant(Clock::system().now()), Origin::Staff).await?;
    store.announce_changes().await;
    let code = imported(&store, AuditKind::NewsImported, dir, items.len(), "news items", report).await?;
    say_sample_rows(&store).await?;
    Ok(code)
}

async fn export_news(url: Option<String>, dir: &Path) -> anyhow::Result<ExitCode> {
    let store = open(url).await?;
    let items = store.all_news().await?;
    let report = news_files::write_folder(dir, &items)?;
    println!(
        "{}: {} news items written in {} files, with {} images",
        dir.display(),
        report.items,
        report.files,
        report.images
    );
    Ok(ExitCode::SUCCESS)
}

async fn export_subscribers(url: Option<String>, all: bool) -> anyhow::Result<ExitCode> {
    let store = open(url).await?;
    let subscribers = store.subscribers(all).await?;
    let (summary, details) = store::subscribers_exported(all, subscribers.len());
    store
        .record(&Actor::CommandLine, AuditKind::SubscribersExported, &details, &summary, Clock::system().now())
        .await?;
    subscribers_csv::write(std::io::stdout().lock(), &subscribers, all).context("cannot write the CSV")?;
    Ok(ExitCode::SUCCESS)
}

/// One line an issue, tab-separated: id, status, subject; then, once its
/// sending has begun, a line a language: queued, sent, failed, left.
async fn newsletter_status(url: Option<String>) -> anyhow::Result<ExitCode> {
    let store = open(url).await?;
    let mut out = std::io::stdout().lock();
    for issue in store.newsletter_issues().await? {
        writeln!(out, "#{}\t{}\t{}", issue.id, issue.status.as_str(), issue.subject())?;
        if issue.started_at.is_some() {
            let progress = store.issue_progress(issue.id).await?;
            for (lang, p) in [("fr", progress.fr), ("en", progress.en)] {
                writeln!(out, "\t{lang}\tqueued {}\tsent {}\tfailed {}\tleft {}", p.queued, p.sent, p.failed, p.left)?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

async fn delete_subscriber(url: Option<String>, email: &str) -> anyhow::Result<ExitCode> {
    let Ok(address) = EmailAddress::parse(email) else {
        eprintln!("{email:?} is not an e-mail address");
        return Ok(ExitCode::FAILURE);
    };
    let store = open(url).await?;
    if store.delete_subscriber(&address, &Actor::CommandLine, Clock::system().now()).await? {
        println!("{address}: erased");
    } else {
        println!("{address}: no such subscriber");
    }
    Ok(ExitCode::SUCCESS)
}

async fn serve(database_url: Option<String>, zone: TimeZone, args: ServeArgs) -> anyhow::Result<ExitCode> {
    // A wrong flag is told before the database is opened (or created).
    let mut site = SiteConfig::from_args(&args).map_err(anyhow::Error::msg)?;
    site.time_zone = zone;
    if site.contacts.hosting.is_none() {
        tracing::warn!("no --hosting: the legal notice names no host until it is set");
    }
    if site.contacts.secretariat.is_none() {
        tracing::warn!("no --contact-email: the contact page gives the secretariat's postal address only");
    }
    // Ctrl-C and SIGTERM are heard from before the site listens.
    let shutdown = shutdown_signal();
    let store = open_for(database_url, ConnectionWait::Visitor).await?;
    let server =
        Server::bind(args.listen, store.clone(), site).await.map_err(|error| start_error(error, args.listen))?;
    tracing::info!(address = %server.local_addr()?, backend = store.backend(), "serving the site on http://{}/", server.local_addr()?);
    if let Some(address) = server.metrics_addr().transpose()? {
        tracing::info!(%address, "serving the metrics on http://{address}/metrics");
    }
    server.run(shutdown).await?;
    store.close().await;
    tracing::info!("stopped");
    Ok(ExitCode::SUCCESS)
}

/// Says which part of the start failed. `Server::bind` binds the address,
/// then writes the form key to the database and prepares the mailer and the
/// messages: only a bare I/O error comes from the address.
fn start_error(error: anyhow::Error, listen: SocketAddr) -> anyhow::Error {
    if error.is::<std::io::Error>() {
        error.context(format!("cannot listen on {listen}"))
    } else if error.is::<StoreError>() {
        error.context("cannot use the database")
    } else {
        error.context("cannot start the site")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> SiteConfig {
        SiteConfig::new("http://127.0.0.1").expect("settings")
    }

    #[tokio::test]
    async fn a_read_only_database_is_not_blamed_on_the_address() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let url = format!("sqlite://{}", dir.path().join("site.db").display());
        open(Some(url.clone())).await.expect("a new database").close().await;
        let store = open(Some(format!("{url}?mode=ro"))).await.expect("the database, read-only");
        let listen: SocketAddr = "127.0.0.1:0".parse().expect("an address");
        let Err(error) = Server::bind(listen, store, site()).await.map_err(|e| start_error(e, listen)) else {
            panic!("the site started on a read-only database");
        };
        let message = format!("{error:#}");
        assert!(message.starts_with("cannot use the database: "), "{message}");
        assert!(message.contains("readonly"), "{message}");
    }

    #[tokio::test]
    async fn an_address_in_use_is_named() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let store = open(Some(format!("sqlite://{}", dir.path().join("site.db").display()))).await.expect("a database");
        let taken = std::net::TcpListener::bind("127.0.0.1:0").expect("a free port");
        let listen = taken.local_addr().expect("its address");
        let Err(error) = Server::bind(listen, store, site()).await.map_err(|e| start_error(e, listen)) else {
            panic!("the site started on an address in use");
        };
        let message = format!("{error:#}");
        assert!(message.starts_with(&format!("cannot listen on {listen}: ")), "{message}");
    }

    #[tokio::test]
    async fn a_metrics_address_in_use_is_named_as_the_metrics() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let store = open(Some(format!("sqlite://{}", dir.path().join("site.db").display()))).await.expect("a database");
        let taken = std::net::TcpListener::bind("127.0.0.1:0").expect("a free port");
        let mut config = site();
        config.metrics_listen = Some(taken.local_addr().expect("its address"));
        let listen: SocketAddr = "127.0.0.1:0".parse().expect("an address");
        let Err(error) = Server::bind(listen, store, config).await.map_err(|e| start_error(e, listen)) else {
            panic!("the site started with its metrics on an address in use");
        };
        let message = format!("{error:#}");
        let expected = format!(
            "cannot start the site: cannot listen on {} for the metrics: ",
            taken.local_addr().expect("its address")
        );
        assert!(message.starts_with(&expected), "{message}");
    }
}
