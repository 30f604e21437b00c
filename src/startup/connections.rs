//! Accepting and serving connections, with bounds that one client cannot
//! push past: a connection must send its request headers within a time-out
//! (and an idle keep-alive connection is closed after the same time), the
//! number of open connections is capped — past the cap a connection gets a
//! short 503 and is closed — and a stop waits for the connections in flight
//! only for a grace period. The process's open-file limit is raised to
//! the hard limit first.
//!
//! A stop drains before it closes: it stops accepting, answers every
//! further request with `Connection: close`, and waits a moment for the
//! connections to end that way, before it closes the idle ones. A proxy
//! that sent a request on an idle keep-alive connection just as the site
//! closed it could not tell whether the request was taken, and would not
//! send a form's POST again; a connection ended after an answer, or
//! refused, leaves no doubt.

use std::{future::Future, sync::Arc, time::Duration};

use super::keep_alive::{self, Open, Serving};
use crate::web::{settings::ConnectionLimits, site::ConnectionService};
use hyper::server::conn::http1;
use hyper_util::rt::TokioTimer;
use tokio::{
    io::AsyncWriteExt,
    net::{TcpListener, TcpStream},
    sync::Semaphore,
};

/// How long a stop waits, at most, for connections to end after an answer
/// before it closes the idle ones (within the grace period).
const DRAIN: Duration = Duration::from_secs(2);

/// What a connection past the cap is told before it is closed.
const BUSY_BODY: &str = "Too many connections: retry in a moment\n";

fn busy_answer() -> String {
    format!(
        "HTTP/1.1 503 Service Unavailable\r\nRetry-After: 5\r\nConnection: close\r\n\
         Content-Type: text/plain; charset=utf-8\r\nContent-Length: {}\r\n\r\n{BUSY_BODY}",
        BUSY_BODY.len()
    )
}

/// Serves `app` on `listener` until `shutdown` completes; then stops
/// accepting, and gives the connections in flight `shutdown_grace` to end.
pub(crate) async fn serve(
    listener: TcpListener,
    app: impl ConnectionService,
    limits: ConnectionLimits,
    shutdown: impl Future<Output = ()> + Send + 'static,
) {
    // HTTP/1.1, as browsers and proxies speak to an origin without TLS:
    // guessing the version would wait on a silent connection unbounded.
    let mut builder = http1::Builder::new();
    builder.timer(TokioTimer::new()).header_read_timeout(limits.header_read_timeout);
    let builder = Arc::new(builder);
    let connections = Arc::new(Open::default());
    let open = Arc::new(Semaphore::new(limits.max_connections));
    tokio::pin!(shutdown);
    loop {
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(error) => {
                    // Out of file descriptors, or a connection reset before
                    // it was taken: wait a moment rather than spin.
                    tracing::warn!(%error, "cannot accept a connection");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let Ok(permit) = open.clone().try_acquire_owned() else {
            tokio::spawn(refuse(stream));
            continue;
        };
        let serving = Serving {
            app: app.clone(),
            builder: builder.clone(),
            idle: limits.header_read_timeout,
            open: connections.clone(),
        };
        tokio::spawn(async move {
            keep_alive::serve(serving, stream, peer).await;
            drop(permit);
        });
    }
    drop(listener);
    connections.drain();
    let deadline = tokio::time::Instant::now() + limits.shutdown_grace;
    let every_connection = u32::try_from(limits.max_connections).unwrap_or(u32::MAX);
    // Connections end after their next answer; idle ones are closed after
    // the drain, and in-flight ones are waited for until the grace ends.
    if let Ok(Ok(_all_ended)) =
        tokio::time::timeout(DRAIN.min(limits.shutdown_grace), open.acquire_many(every_connection)).await
    {
        return;
    }
    connections.close();
    if tokio::time::timeout_at(deadline, open.acquire_many(every_connection)).await.is_err() {
        tracing::warn!("stopping with connections still open after the grace period");
    }
}

/// Tells a connection past the cap to come back, and closes it.
async fn refuse(mut stream: TcpStream) {
    let _ = tokio::time::timeout(Duration::from_secs(1), stream.write_all(busy_answer().as_bytes())).await;
    let _ = stream.shutdown().await;
}
