//! The commands of the command line, each a thin layer over the library.

use std::{fs::File, io::Write, process::ExitCode};

use anyhow::Context;
use time::OffsetDateTime;

use crate::{
    Server,
    domain::EmailAddress,
    formats::csv_file::{CsvErrors, LineError},
    formats::{events_csv, news_files, sample, signatories_csv},
    shutdown_signal,
    startup::config::{
        self, Cli, Command, EventsCommand, NewsCommand, ServeArgs, SignatoriesCommand, SiteConfig, SubscribersCommand,
    },
    store::{self, Store},
};

/// Runs a parsed command line. Errors are printed by the caller.
pub async fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let command = match cli.command {
        Some(command) => command,
        None => Command::Serve(ServeArgs::from_env().map_err(|e| anyhow::anyhow!("{e}"))?),
    };
    match command {
        Command::Serve(args) => serve(cli.database_url, args).await,
        Command::Migrate => {
            let store = open(cli.database_url).await?;
            tracing::info!(backend = store.backend(), "migrations applied");
            Ok(ExitCode::SUCCESS)
        }
        Command::Seed => {
            let store = open(cli.database_url).await?;
            let report = sample::load(&store, OffsetDateTime::now_utc()).await?;
            store.announce_changes().await;
            print!("sample data loaded:\n{report}");
            Ok(ExitCode::SUCCESS)
        }
        Command::Signatories { command: SignatoriesCommand::Import { file } } => {
            let reader = File::open(&file).with_context(|| format!("cannot open {}", file.display()))?;
            // Every row is checked before the database is touched.
            let signatories = match signatories_csv::parse(reader) {
                Ok(signatories) => signatories,
                Err(errors) => {
                    eprintln!("{}: rejected, nothing was imported:\n{errors}", file.display());
                    return Ok(ExitCode::FAILURE);
                }
            };
            let store = open(cli.database_url).await?;
            let report = store.import_signatories(&signatories).await?;
            store.announce_changes().await;
            println!(
                "{}: {} signatories: {} added, {} updated, {} unchanged",
                file.display(),
                signatories.len(),
                report.added,
                report.updated,
                report.unchanged
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Events { command: EventsCommand::Import { file } } => {
            let reader = File::open(&file).with_context(|| format!("cannot open {}", file.display()))?;
            let rejected = |errors: CsvErrors| {
                eprintln!("{}: rejected, nothing was imported:\n{errors}", file.display());
                ExitCode::FAILURE
            };
            let events = match events_csv::parse(reader) {
                Ok(events) => events,
                Err(errors) => return Ok(rejected(errors)),
            };
            let store = open(cli.database_url).await?;
            // Related signatories must exist; each is looked up before anything is written.
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
            if !missing.is_empty() {
                return Ok(rejected(CsvErrors::new(missing)));
            }
            let report = store.import_events(&resolved, OffsetDateTime::now_utc(), false).await?;
            store.announce_changes().await;
            println!(
                "{}: {} events: {} added, {} updated, {} unchanged",
                file.display(),
                resolved.len(),
                report.added,
                report.updated,
                report.unchanged
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Events { command: EventsCommand::Export } => {
            let store = open(cli.database_url).await?;
            let events: Vec<_> = store.events().await?.into_iter().map(|event| event.details).collect();
            let mut stdout = std::io::stdout().lock();
            events_csv::write(&mut stdout, &events).context("cannot write the CSV")?;
            stdout.flush()?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Subscribers { command: SubscribersCommand::Export { all } } => {
            let store = open(cli.database_url).await?;
            let subscribers = store.subscribers(all).await?;
            let mut writer = csv::Writer::from_writer(std::io::stdout().lock());
            let rfc3339 = |at: time::OffsetDateTime| {
                at.format(&time::format_description::well_known::Rfc3339).unwrap_or_default()
            };
            if all {
                writer.write_record([
                    "email",
                    "language",
                    "status",
                    "confirmed_at",
                    "subscribed_at",
                    "consent_version",
                ])?;
            } else {
                writer.write_record(["email", "language", "confirmed_at"])?;
            }
            for s in subscribers {
                let confirmed = s.confirmed_at.map(rfc3339).unwrap_or_default();
                if all {
                    writer.write_record([
                        &s.email,
                        &s.lang,
                        &s.status,
                        &confirmed,
                        &rfc3339(s.created_at),
                        &s.consent_version,
                    ])?;
                } else {
                    writer.write_record([&s.email, &s.lang, &confirmed])?;
                }
            }
            writer.flush()?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Subscribers { command: SubscribersCommand::Delete { email } } => {
            let Ok(address) = EmailAddress::parse(&email) else {
                eprintln!("{email:?} is not an e-mail address");
                return Ok(ExitCode::FAILURE);
            };
            let store = open(cli.database_url).await?;
            if store.delete_subscriber(&address).await? {
                println!("{address}: erased");
            } else {
                println!("{address}: no such subscriber");
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Signatories { command: SignatoriesCommand::Export } => {
            let store = open(cli.database_url).await?;
            let signatories = store.signatories().await?;
            let mut stdout = std::io::stdout().lock();
            signatories_csv::write(&mut stdout, &signatories).context("cannot write the CSV")?;
            stdout.flush()?;
            Ok(ExitCode::SUCCESS)
        }
        Command::News { command: NewsCommand::Import { dir } } => {
            // Every file and image is checked before the database is touched.
            let items = match news_files::read_folder(&dir) {
                Ok(items) => items,
                Err(errors) => {
                    eprintln!("{}: rejected, nothing was imported:\n{errors}", dir.display());
                    return Ok(ExitCode::FAILURE);
                }
            };
            let store = open(cli.database_url).await?;
            let report = store.import_news(&items, store::instant(OffsetDateTime::now_utc())).await?;
            store.announce_changes().await;
            println!(
                "{}: {} news items: {} added, {} updated, {} unchanged",
                dir.display(),
                items.len(),
                report.added,
                report.updated,
                report.unchanged
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::News { command: NewsCommand::Export { dir } } => {
            let store = open(cli.database_url).await?;
            let items = store.all_news().await?;
            let report = news_files::write_folder(&dir, &items)?;
            println!(
                "{}: {} news items written in {} files, with {} images",
                dir.display(),
                report.items,
                report.files,
                report.images
            );
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Connects to the configured database and applies pending migrations. The
/// embedded default database is filled with the sample data when it is new.
async fn open(database_url: Option<String>) -> anyhow::Result<Store> {
    let (url, fresh_default) = match database_url {
        Some(url) => (url, false),
        None => {
            let (path, url) = config::default_database();
            (url, !path.exists())
        }
    };
    let store = Store::connect(&url).await.with_context(|| format!("cannot open the {} database", scheme(&url)))?;
    store.migrate().await.context("cannot apply the migrations")?;
    if fresh_default {
        let report = sample::load(&store, OffsetDateTime::now_utc()).await?;
        tracing::info!(
            path = config::DEFAULT_DATABASE_PATH,
            signatories = report.signatories.added,
            events = report.events.added,
            news = report.news.added,
            "created the embedded database and loaded the SAMPLE data into it"
        );
    }
    Ok(store)
}

/// The URL's scheme only: a URL may carry a password.
fn scheme(url: &str) -> &str {
    url.split_once("://").map_or("", |(scheme, _)| scheme)
}

async fn serve(database_url: Option<String>, args: ServeArgs) -> anyhow::Result<ExitCode> {
    let store = open(database_url).await?;
    let site = SiteConfig::from_args(&args).map_err(anyhow::Error::msg)?;
    let server = Server::bind(args.listen, store.clone(), site)
        .await
        .with_context(|| format!("cannot listen on {}", args.listen))?;
    tracing::info!(address = %server.local_addr()?, backend = store.backend(), "serving the site on http://{}/", server.local_addr()?);
    server.run(shutdown_signal()).await?;
    store.close().await;
    tracing::info!("stopped");
    Ok(ExitCode::SUCCESS)
}
