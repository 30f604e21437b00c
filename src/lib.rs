//! oneinfive: the public site of the Council of Europe Congress's ONE in
//! FIVE campaign and of its Pact of cities and regions.

pub mod cli;
pub mod collate;
pub mod config;
pub mod domain;
pub mod i18n;
pub mod news_files;
pub mod sample;
pub mod signatories_csv;
pub mod store;
pub mod web;

use std::{future::Future, net::SocketAddr, sync::Arc};

use tokio::net::TcpListener;

use crate::{
    config::SiteConfig,
    i18n::Locales,
    store::Store,
    web::{AppState, assets::Assets, build_app, content::Content},
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
        let state = AppState {
            store,
            locales: Arc::new(Locales::load()?),
            assets: Arc::new(Assets::load()),
            content: Arc::new(Content::load()),
            config: Arc::new(config),
        };
        Ok(Server { listener, state })
    }

    pub fn local_addr(&self) -> std::io::Result<SocketAddr> {
        self.listener.local_addr()
    }

    /// Serves until `shutdown` completes, then stops accepting and lets
    /// the requests in flight finish.
    pub async fn run(self, shutdown: impl Future<Output = ()> + Send + 'static) -> std::io::Result<()> {
        let app = build_app(self.state);
        axum::serve(self.listener, app.into_make_service_with_connect_info::<SocketAddr>())
            .with_graceful_shutdown(shutdown)
            .await
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
