//! One connection's life, request after request. hyper reads a request
//! into a buffer of 8 KiB and writes the answer's head through another,
//! and keeps both as long as it holds the connection: an idle keep-alive
//! connection would hold 16 KiB for nothing, and 10,000 of them 160 MiB.
//! So while many connections are open (more than [`CROWDED`]), hyper holds
//! a connection only while it answers: once an answer that leaves the
//! connection open has been sent, hyper hands the socket back (with any
//! bytes it had read past the request), and the connection waits for its
//! next request holding the socket alone — a few hundred bytes. The wait
//! is bounded by the header time-out, as hyper bounds it. With fewer
//! connections open, hyper keeps them between requests as it would: making
//! hyper's connection again for each request costs about a tenth of what a
//! cached page costs (measured, `bench/run`), and a few hundred connections
//! hold a few MiB.
//!
//! Only an HTTP/1.1 request without a body is let go of this way: hyper
//! decides alone when a request's body has been read (or skipped) to its
//! end, and a connection that carried one stays with hyper until its next
//! request without a body.

use std::{
    collections::HashMap,
    convert::Infallible,
    future::{Future, poll_fn},
    io,
    net::SocketAddr,
    pin::{Pin, pin},
    sync::{
        Arc, Mutex, PoisonError,
        atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering},
    },
    task::{Context, Poll, Waker},
    time::Duration,
};

use axum::{
    body::Bytes,
    http::{HeaderMap, HeaderValue, Request, Response, Version, header},
};
use futures_util::future::{Either, ready};
use http_body::{Body, Frame, SizeHint};
use hyper::{body::Incoming, server::conn::http1};
use hyper_util::rt::TokioIo;
use tokio::{
    io::{AsyncRead, AsyncWrite, AsyncWriteExt, ReadBuf},
    net::TcpStream,
    time::{Instant, Sleep},
};

use crate::web::{header_list, site::ConnectionService};

/// Open connections beyond which hyper holds a connection only while it
/// answers.
const CROWDED: usize = 256;

/// How a connection is served: what answers, and how long it may wait.
pub(super) struct Serving<A> {
    pub(super) app: A,
    pub(super) builder: Arc<http1::Builder>,
    /// How long a connection may wait for its next request.
    pub(super) idle: Duration,
    pub(super) open: Arc<Open>,
}

/// The open connections as each sees the others: how many there are, and
/// the site's stop. Draining: every answer closes its connection.
/// Closing: waiting connections close, and those answering close after
/// their answer; each connection's task is woken to see it. (Read from
/// memory at each turn of a connection: a stop costs a request nothing.)
#[derive(Default)]
pub(super) struct Open {
    draining: AtomicBool,
    closing: AtomicBool,
    /// The tasks of the open connections, by a number of their own.
    tasks: Mutex<HashMap<u64, Waker>>,
    numbers: AtomicU64,
    count: AtomicUsize,
}

impl Open {
    /// From now on, every answer closes its connection.
    pub(super) fn drain(&self) {
        self.draining.store(true, Ordering::SeqCst);
    }

    /// Closes the waiting connections, and the others after their answer.
    pub(super) fn close(&self) {
        self.closing.store(true, Ordering::SeqCst);
        let tasks = std::mem::take(&mut *self.tasks.lock().unwrap_or_else(PoisonError::into_inner));
        tasks.into_values().for_each(Waker::wake);
    }

    fn draining(&self) -> bool {
        self.draining.load(Ordering::SeqCst)
    }

    fn closing(&self) -> bool {
        self.closing.load(Ordering::SeqCst)
    }

    fn crowded(&self) -> bool {
        self.count.load(Ordering::Relaxed) > CROWDED
    }

    /// Counts the current task's connection, and keeps its waker for
    /// [`close`](Open::close), until the returned guard is dropped.
    async fn join(self: &Arc<Open>) -> Member {
        let waker = poll_fn(|cx| Poll::Ready(cx.waker().clone())).await;
        let number = self.numbers.fetch_add(1, Ordering::Relaxed);
        self.tasks.lock().unwrap_or_else(PoisonError::into_inner).insert(number, waker);
        self.count.fetch_add(1, Ordering::Relaxed);
        Member { open: self.clone(), number }
    }
}

/// A connection's task, counted and known to the stop until it ends.
struct Member {
    open: Arc<Open>,
    number: u64,
}

impl Drop for Member {
    fn drop(&mut self) {
        self.open.count.fetch_sub(1, Ordering::Relaxed);
        self.open.tasks.lock().unwrap_or_else(PoisonError::into_inner).remove(&self.number);
    }
}

/// Serves the requests of `stream`, from the client at `peer`, until the
/// client closes it, stays silent past the time-out, or the site stops.
pub(super) async fn serve(serving: Serving<impl ConnectionService>, mut stream: TcpStream, peer: SocketAddr) {
    let Serving { app, builder, idle, open } = serving;
    let _member = open.join().await;
    let answers = Arc::new(Answers::default());
    let mut service = {
        let answers = answers.clone();
        let open = open.clone();
        hyper::service::service_fn(move |request: Request<Incoming>| {
            let may_let_go = may_let_go(&request);
            answers.taken();
            match app.answer_at_once(request) {
                Ok(response) => Either::Left(ready(Ok(told(response, &open, answers.clone(), may_let_go)))),
                // The answer's future is boxed: it exists only while a
                // request is answered, and the connection's task holds a
                // pointer.
                Err(request) => {
                    let app = app.clone();
                    let open = open.clone();
                    let answers = answers.clone();
                    Either::Right(Box::pin(async move {
                        let response = app.answer(request, peer).await;
                        Ok::<_, Infallible>(told(response, &open, answers, may_let_go))
                    }))
                }
            }
        })
    };
    // One timer for the connection's life, put off at each wait (which
    // costs the timer's wheel nothing until it comes due).
    let mut waited = pin!(tokio::time::sleep(idle));
    let mut read_ahead = Bytes::new();
    let mut fresh = true;
    loop {
        if read_ahead.is_empty() {
            waited.as_mut().reset(Instant::now() + idle);
            if !next_request(&stream, waited.as_mut(), fresh, &open).await {
                return;
            }
        }
        let io = TokioIo::new(Rewound { ahead: read_ahead, stream });
        // Boxed: a waiting connection's task holds no room for it.
        let connection = Box::new(builder.serve_connection(io, service));
        match answer(connection, &answers, &open).await {
            Ok(Some(parts)) => {
                (stream, read_ahead) = parts.io.into_inner().take_back(parts.read_buf);
                service = parts.service;
                fresh = false;
            }
            Ok(None) => return,
            Err(error) => {
                tracing::debug!(%error, %peer, "connection ended with an error");
                return;
            }
        }
    }
}

/// `response` as the connection sends it: told to close while the site
/// stops, and telling `answers` when it has been sent.
fn told<B>(mut response: Response<B>, open: &Open, answers: Arc<Answers>, may_let_go: bool) -> Response<Told<B>> {
    if open.draining() {
        response.headers_mut().insert(header::CONNECTION, HeaderValue::from_static("close"));
    }
    let keeps_open = may_let_go && !says_close(response.headers());
    response.map(|body| Told { body, answers, keeps_open })
}

/// Lets hyper answer the requests on `connection` until it has sent an
/// answer that leaves the connection open and has nothing under way — and
/// gives back the socket then — or until the connection ends (shut down).
async fn answer<S, B>(
    mut connection: Box<http1::Connection<TokioIo<Rewound>, S>>,
    answers: &Answers,
    open: &Open,
) -> hyper::Result<Option<http1::Parts<TokioIo<Rewound>, S>>>
where
    S: hyper::service::HttpService<Incoming, ResBody = B> + Unpin,
    S::Future: Unpin,
    S::Error: Into<Box<dyn std::error::Error + Send + Sync>>,
    B: Body + 'static,
    B::Error: Into<Box<dyn std::error::Error + Send + Sync>>,
{
    let mut let_go = false;
    let mut stopping = false;
    poll_fn(|cx| {
        loop {
            if !stopping && open.closing() {
                stopping = true;
                Pin::new(&mut *connection).graceful_shutdown();
            }
            match connection.poll_without_shutdown(cx) {
                Poll::Ready(ended) => return Poll::Ready(ended),
                // Answered, and idle or finishing to send, while many
                // connections are open: hyper is asked to end once the
                // answer is sent, without closing. (The head has been
                // written: keep-alive, not refused.)
                Poll::Pending if !let_go && !stopping && answers.idle_after_keeping_open() && open.crowded() => {
                    let_go = true;
                    Pin::new(&mut *connection).graceful_shutdown();
                }
                Poll::Pending => return Poll::Pending,
            }
        }
    })
    .await?;
    let parts = connection.into_parts();
    if let_go && !stopping {
        return Ok(Some(parts));
    }
    // hyper ended the connection (the client asked it to, or the answer
    // said so, or the site stops): closed as hyper would close it.
    let _ = parts.io.into_inner().stream.shutdown().await;
    Ok(None)
}

/// Waits for the next request holding the socket alone; false when the
/// client stayed silent until `waited` came due, or the site stops.
///
/// A new connection is ready at first whether or not the client sent
/// anything, so its first byte is peeked at (one read that takes nothing).
/// After hyper has read until there was nothing more, readiness is the
/// system's word that the next request came, and costs no read. A client
/// that closed the connection is ready too: hyper reads its end.
async fn next_request(stream: &TcpStream, waited: Pin<&mut Sleep>, fresh: bool, open: &Open) -> bool {
    let mut first = [0u8; 1];
    let mut came = pin!(async {
        if fresh { stream.peek(&mut first).await.is_ok_and(|read| read > 0) } else { stream.readable().await.is_ok() }
    });
    let mut waited = waited;
    poll_fn(|cx| {
        if open.closing() {
            return Poll::Ready(false);
        }
        if let Poll::Ready(came) = came.as_mut().poll(cx) {
            return Poll::Ready(came);
        }
        waited.as_mut().poll(cx).map(|()| false)
    })
    .await
}

/// Whether the connection may be taken back from hyper after answering
/// `request`: an HTTP/1.1 request without a body that does not ask to
/// close.
fn may_let_go(request: &Request<Incoming>) -> bool {
    request.version() == Version::HTTP_11 && request.body().is_end_stream() && !says_close(request.headers())
}

/// Whether `Connection` holds the `close` option (RFC 9110, section 7.6.1).
fn says_close(headers: &HeaderMap) -> bool {
    header_list::items(headers, header::CONNECTION).any(|option| option.eq_ignore_ascii_case("close"))
}

/// What a connection's answers tell it: how many requests are under way,
/// and whether the last answer leaves the connection open. Read and written
/// on the connection's own task only.
#[derive(Default)]
struct Answers {
    under_way: AtomicUsize,
    last_keeps_open: AtomicBool,
}

impl Answers {
    fn taken(&self) {
        self.under_way.fetch_add(1, Ordering::Relaxed);
    }

    fn answered(&self, keeps_open: bool) {
        self.last_keeps_open.store(keeps_open, Ordering::Relaxed);
        self.under_way.fetch_sub(1, Ordering::Relaxed);
    }

    /// Whether no request is under way and the last answer leaves the
    /// connection open; true once for each such answer.
    fn idle_after_keeping_open(&self) -> bool {
        self.under_way.load(Ordering::Relaxed) == 0 && self.last_keeps_open.swap(false, Ordering::Relaxed)
    }
}

/// An answer's body that tells the connection the request is answered when
/// hyper drops it: the head written, and the body sent (or given up).
struct Told<B> {
    body: B,
    answers: Arc<Answers>,
    keeps_open: bool,
}

impl<B: Body + Unpin> Body for Told<B> {
    type Data = B::Data;
    type Error = B::Error;

    fn poll_frame(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Result<Frame<B::Data>, B::Error>>> {
        Pin::new(&mut self.body).poll_frame(cx)
    }

    fn is_end_stream(&self) -> bool {
        self.body.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.body.size_hint()
    }
}

impl<B> Drop for Told<B> {
    fn drop(&mut self) {
        self.answers.answered(self.keeps_open);
    }
}

/// A socket, with the bytes already read from it (and not yet answered) in
/// front.
struct Rewound {
    ahead: Bytes,
    stream: TcpStream,
}

impl Rewound {
    /// The socket, and every byte read from it and not yet answered: what
    /// hyper had read past its last request, then what it had not read of
    /// the bytes in front.
    fn take_back(self, read: Bytes) -> (TcpStream, Bytes) {
        // An empty read buffer still holds hyper's allocation: let go.
        let ahead = match (read.is_empty(), self.ahead.is_empty()) {
            (true, true) => Bytes::new(),
            (false, true) => read,
            (true, false) => self.ahead,
            (false, false) => [read, self.ahead].concat().into(),
        };
        (self.stream, ahead)
    }
}

impl AsyncRead for Rewound {
    fn poll_read(mut self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &mut ReadBuf<'_>) -> Poll<io::Result<()>> {
        if self.ahead.is_empty() {
            return Pin::new(&mut self.stream).poll_read(cx, buf);
        }
        let taken = self.ahead.len().min(buf.remaining());
        buf.put_slice(&self.ahead.split_to(taken));
        Poll::Ready(Ok(()))
    }
}

impl AsyncWrite for Rewound {
    fn poll_write(mut self: Pin<&mut Self>, cx: &mut Context<'_>, bytes: &[u8]) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.stream).poll_write(cx, bytes)
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.stream).poll_write_vectored(cx, bufs)
    }

    fn is_write_vectored(&self) -> bool {
        self.stream.is_write_vectored()
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.stream).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.stream).poll_shutdown(cx)
    }
}
