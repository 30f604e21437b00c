//! The server: binds its listeners (the site's, and the metrics' when
//! asked for), builds the shared state, serves until told to stop.

use std::{future::Future, net::SocketAddr, sync::Arc};

use tokio::{
    net::{TcpListener, TcpSocket},
    sync::watch,
};

use crate::{
    infra::{
        mail::{IssueLinks, Mailer},
        random,
    },
    startup::{
        config::{ConnectionLimits, SiteConfig},
        connections,
    },
    store::{Availability, Store},
    text::{i18n::Locales, pages::PageTexts},
    web::{
        AppState, Site,
        assets::Assets,
        handlers,
        page_cache::PageCache,
        paths::{NewsletterAction, Page},
        rate_limit::Limiter,
        render_bound::RenderBound,
        state::{FormKey, SampleStatus, SiteState},
    },
};

/// The metrics listener's connections open at once at most: it is for a
/// Prometheus server or two, not for visitors.
const METRICS_CONNECTIONS: usize = 16;

/// Connections the system may hold, handshake done, until the site takes
/// them (the system caps it at `net.core.somaxconn`, 4,096 by default). A
/// connection that finds the queue full has its handshake dropped and sent
/// again a second later: under a burst of new connections (10,000 at once,
/// `bench/connections/run`), a queue of 1,024 made some wait that second.
const ACCEPT_QUEUE: u32 = 4096;

/// Binds `addr` as `TcpListener::bind` does (the address reusable at once
/// after a restart), with an accept queue of [`ACCEPT_QUEUE`].
fn listen(addr: SocketAddr) -> std::io::Result<TcpListener> {
    let socket = if addr.is_ipv4() { TcpSocket::new_v4()? } else { TcpSocket::new_v6()? };
    socket.set_reuseaddr(true)?;
    socket.bind(addr)?;
    socket.listen(ACCEPT_QUEUE)
}

/// A site bound to its listening sockets, ready to serve.
pub struct Server {
    listener: TcpListener,
    /// The listener for `/metrics`, when `--metrics-listen` is set.
    metrics_listener: Option<TcpListener>,
    state: AppState,
}

impl Server {
    /// Binds the listener (port 0 picks a free port) and prepares the
    /// state. The store must already be migrated.
    pub async fn bind(addr: SocketAddr, store: Store, config: SiteConfig) -> anyhow::Result<Server> {
        let listener = listen(addr)?;
        // A message, not the bare I/O error, which `cli::start_error` takes
        // for one of the site's own address.
        let metrics_listener = match config.metrics_listen {
            Some(addr) => Some(
                listen(addr).map_err(|error| anyhow::anyhow!("cannot listen on {addr} for the metrics: {error}"))?,
            ),
            None => None,
        };
        // The key that signs form tokens, made on first start and shared by
        // every instance on the database.
        // Randomness that fails fails the start, and stores nothing.
        let form_key = store.secret("form-key", &random::hex_token(32)?).await?;
        // The key that signs the unsubscribe links of the newsletter's issues.
        let newsletter_key = store.secret("newsletter-key", &random::hex_token(32)?).await?;
        let locales = Arc::new(Locales::load()?);
        let links = IssueLinks::new(
            locales.clone(),
            &config.base_url,
            |lang| NewsletterAction::Unsubscribe.path(lang),
            |lang, id| Page::NewsletterIssue { id }.path(lang),
            newsletter_key.into_bytes(),
        );
        let availability = Availability::new(store.clone());
        let state = AppState::new(SiteState {
            mailer: Arc::new(Mailer::new(config.mail.clone())?.with_issue_links(links)),
            signups: Arc::new(Limiter::per_minute("newsletter", config.signups_per_minute)),
            applications: Arc::new(Limiter::per_minute("join", config.signups_per_minute)),
            form_key: Arc::new(FormKey::new(form_key.into_bytes())),
            page_cache: Arc::new(PageCache::new(store.clone(), config.busy_threshold, availability.clone())),
            render_bound: Arc::new(RenderBound::new(config.render)),
            availability,
            sample: Arc::new(SampleStatus::default()),
            metrics: Arc::default(),
            store,
            assets: Arc::new(Assets::load()),
            pages: Arc::new(PageTexts::load(&locales, &config.contacts)),
            locales,
            config: Arc::new(config),
        });
        let revision = state.store.revision().await?;
        state.sample.ensure(revision, &state.store).await;
        Ok(Server { listener, metrics_listener, state })
    }

    pub fn local_addr(&self) -> std::io::Result<SocketAddr> {
        self.listener.local_addr()
    }

    /// The address `/metrics` is served on, if it is.
    pub fn metrics_addr(&self) -> Option<std::io::Result<SocketAddr>> {
        self.metrics_listener.as_ref().map(TcpListener::local_addr)
    }

    /// Serves until `shutdown` completes, then stops accepting (on both
    /// listeners) and lets the requests in flight finish, and the mail
    /// worker the mail it is sending, for a grace period at most: a worker
    /// still busy then is cut off (its mail goes again at the next start).
    pub async fn run(self, shutdown: impl Future<Output = ()> + Send + 'static) -> std::io::Result<()> {
        let Server { listener, metrics_listener, state } = self;
        let limits = state.config.connections;
        // One stop for both listeners and the mail worker.
        let (stop, stopping) = watch::channel(false);
        let mut worker = tokio::spawn(crate::infra::mail::run_worker(
            state.store.clone(),
            state.mailer.clone(),
            state.config.clock.clone(),
            stopping.clone(),
        ));
        let worker_stopped = {
            let mut stopping = stopping.clone();
            async move {
                // An error means the stop's sender is gone: stopped as well.
                let _ = stopping.wait_for(|stop| *stop).await;
                match tokio::time::timeout(limits.shutdown_grace, &mut worker).await {
                    Ok(Ok(())) => {}
                    Ok(Err(error)) => tracing::error!(%error, "the mail worker failed"),
                    Err(_) => {
                        tracing::warn!("stopping the mail worker in the middle of a mail after the grace period");
                        worker.abort();
                    }
                }
            }
        };
        let metrics = metrics_listener.map(|listener| {
            let limits = ConnectionLimits { max_connections: METRICS_CONNECTIONS, ..limits };
            let mut stopping = stopping;
            let stopped = async move {
                let _ = stopping.wait_for(|stop| *stop).await;
            };
            connections::serve(listener, handlers::metrics::router(state.clone()), limits, stopped)
        });
        let site = connections::serve(listener, Site::new(state), limits, async move {
            shutdown.await;
            stop.send_replace(true);
        });
        // Queued mails stay in the outbox for the next start.
        let metrics = async {
            if let Some(metrics) = metrics {
                metrics.await;
            }
        };
        tokio::join!(site, metrics, worker_stopped);
        Ok(())
    }
}

/// Completes on Ctrl-C or SIGTERM. The handlers are installed when it is
/// called, not when it is first awaited: the server polls it only between
/// connections, and a SIGTERM that came before would kill the process
/// instead of stopping it gracefully. Call it before binding.
pub fn shutdown_signal() -> impl Future<Output = ()> + Send + 'static {
    #[cfg(unix)]
    let [interrupt, terminate] = {
        use tokio::signal::unix::{SignalKind, signal};
        [SignalKind::interrupt(), SignalKind::terminate()].map(|kind| {
            signal(kind).map_err(|error| tracing::error!(%error, "cannot listen for Ctrl-C or SIGTERM")).ok()
        })
    };
    async move {
        #[cfg(unix)]
        {
            async fn received(signal: Option<tokio::signal::unix::Signal>) {
                match signal {
                    Some(mut signal) => {
                        signal.recv().await;
                    }
                    None => std::future::pending().await,
                }
            }
            tokio::select! {
                () = received(interrupt) => {}
                () = received(terminate) => {}
            }
        }
        #[cfg(not(unix))]
        if let Err(error) = tokio::signal::ctrl_c().await {
            tracing::error!(%error, "cannot listen for Ctrl-C");
            std::future::pending::<()>().await;
        }
        tracing::info!("shutting down: finishing the requests in flight");
    }
}
