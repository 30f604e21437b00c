//! The site as the connections serve it: the pages and feeds the cache has
//! ready are answered on the fast path (`page_cache::answer_at_once`, and
//! `answer_later` when the revision must be read), everything else by the
//! router and its layers (`routes`).
//!
//! Most requests are such hits. The router copies a route's service, with
//! its layers, for each request, and its layers cost as much again (a
//! copy of each, a timer, a span): a hit needs none of it.

use std::{future::Future, net::SocketAddr, sync::Arc};

use axum::{Router, body::Body, extract::ConnectInfo, http::Request, response::Response};
use hyper::body::Incoming;
use tower::ServiceExt;

use super::{page_cache, routes::build_app, state::AppState};

/// What answers the requests of a connection: a router, or the site, which
/// answers some requests itself before its router.
pub trait ConnectionService: Clone + Send + Sync + Unpin + 'static {
    /// The response to `request`, when it can be had without waiting;
    /// otherwise the request, for [`answer`](ConnectionService::answer).
    /// (The connection then needs no room for an answer's future.)
    #[expect(
        clippy::result_large_err,
        reason = "the request is given back as it came: boxing it would cost the allocation this path spares"
    )]
    fn answer_at_once(&self, request: Request<Incoming>) -> Result<Response, Request<Incoming>> {
        Err(request)
    }

    /// The response to a `request` that
    /// [`answer_at_once`](ConnectionService::answer_at_once) gave back, from
    /// the client at `peer`.
    fn answer(&self, request: Request<Incoming>, peer: SocketAddr) -> impl Future<Output = Response> + Send;
}

impl ConnectionService for Router {
    async fn answer(&self, mut request: Request<Incoming>, peer: SocketAddr) -> Response {
        request.extensions_mut().insert(ConnectInfo(peer));
        self.clone().oneshot(request.map(Body::new)).await.unwrap_or_else(|e| match e {})
    }
}

/// The site: its state and its router.
#[derive(Clone)]
pub struct Site(Arc<(AppState, Router)>);

impl Site {
    pub fn new(state: AppState) -> Site {
        let router = build_app(state.clone());
        Site(Arc::new((state, router)))
    }
}

impl ConnectionService for Site {
    fn answer_at_once(&self, request: Request<Incoming>) -> Result<Response, Request<Incoming>> {
        page_cache::answer_at_once(&self.0.0, request)
    }

    async fn answer(&self, request: Request<Incoming>, peer: SocketAddr) -> Response {
        let (state, router) = &*self.0;
        match page_cache::answer_later(state, request).await {
            Ok(response) => response,
            Err(request) => router.answer(request, peer).await,
        }
    }
}
