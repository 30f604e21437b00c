//! The commands of the command line, each a thin layer over the library.

use std::{fs::File, io::Write, process::ExitCode};

use anyhow::Context;

use crate::{
    Server,
    config::{self, Cli, Command, NewsCommand, ServeArgs, SignatoriesCommand, SiteConfig},
    news_files, sample, shutdown_signal, signatories_csv,
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
            let report = sample::load(&store).await?;
            let (s, n) = (report.signatories, report.news);
            println!(
                "sample data loaded: signatories: {} added, {} updated, {} unchanged; \
                 news: {} added, {} updated, {} unchanged",
                s.added, s.updated, s.unchanged, n.added, n.updated, n.unchanged
            );
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
            let report = store.import_news(&items, store::now()).await?;
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
        let report = sample::load(&store).await?;
        tracing::info!(
            path = config::DEFAULT_DATABASE_PATH,
            signatories = report.signatories.added,
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
    let base_url = args.base_url.clone().unwrap_or_else(|| format!("http://{}", args.listen));
    let site = SiteConfig::new(&base_url, &args.facebook_url).map_err(anyhow::Error::msg)?;
    let server = Server::bind(args.listen, store.clone(), site)
        .await
        .with_context(|| format!("cannot listen on {}", args.listen))?;
    tracing::info!(address = %server.local_addr()?, backend = store.backend(), "serving the site on http://{}/", server.local_addr()?);
    server.run(shutdown_signal()).await?;
    store.close().await;
    tracing::info!("stopped");
    Ok(ExitCode::SUCCESS)
}
