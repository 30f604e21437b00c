//! The server: binds its listener, builds the shared state, serves until
//! told to stop.

use std::{future::Future, net::SocketAddr, sync::Arc};

use tokio::net::TcpListener;

use crate::{
    infra::{mail::Mailer, random},
    startup::{config::SiteConfig, connections},
    store::{Availability, Store},
    text::{i18n::Locales, pages::PageTexts},
    web::{
        AppState,
        assets::Assets,
        build_app,
        page_cache::PageCache,
        rate_limit::Limiter,
        state::{FormKey, SampleStatus},
    },
};

/// A site bound to its listening socket, ready to serve.
pub struct Server {
    listener: TcpListener,
    state: AppState,
}

impl Server {
    /// Binds the listener (port 0 picks a free port) and prepares the
    /// state. The store must already be migrated.
    pub async fn bind(addr: SocketAddr, store: Store, config: SiteConfig) -> anyhow::Result<Server> {
        let listener = TcpListener::bind(addr).await?;
        // The key that signs form tokens, made on first start and shared by
        // every instance on the database.
        // Randomness that fails fails the start, and stores nothing.
        let form_key = store.secret("form-key", &random::hex_token(32)?).await?;
        let locales = Arc::new(Locales::load()?);
        let availability = Availability::new(store.clone());
        let state = AppState {
            mailer: Arc::new(Mailer::new(config.mail.clone())?),
            signups: Arc::new(Limiter::per_minute("newsletter", config.signups_per_minute)),
            form_key: Arc::new(FormKey::new(form_key.into_bytes())),
            page_cache: Arc::new(PageCache::new(store.clone(), config.busy_pace, availability.clone())),
            availability,
            sample: Arc::new(SampleStatus::default()),
            store,
            assets: Arc::new(Assets::load()?),
            pages: Arc::new(PageTexts::load(&locales, &config.contacts)),
            locales,
            config: Arc::new(config),
        };
        let revision = state.store.revision().await?;
        state.sample.ensure(revision, &state.store).await;
        Ok(Server { listener, state })
    }

    pub fn local_addr(&self) -> std::io::Result<SocketAddr> {
        self.listener.local_addr()
    }

    /// Serves until `shutdown` completes, then stops accepting and lets
    /// the requests in flight finish, for a grace period at most.
    pub async fn run(self, shutdown: impl Future<Output = ()> + Send + 'static) -> std::io::Result<()> {
        let worker = tokio::spawn(crate::infra::mail::run_worker(
            self.state.store.clone(),
            self.state.mailer.clone(),
            self.state.config.clock.clone(),
        ));
        let limits = self.state.config.connections;
        let app = build_app(self.state);
        connections::serve(self.listener, app, limits, shutdown).await;
        // Queued mails stay in the outbox for the next start.
        worker.abort();
        Ok(())
    }
}

/// Completes on Ctrl-C or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        if let Err(error) = tokio::signal::ctrl_c().await {
            tracing::error!(%error, "cannot listen for Ctrl-C");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(error) => {
                tracing::error!(%error, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {}
        () = terminate => {}
    }
    tracing::info!("shutting down: finishing the requests in flight");
}
