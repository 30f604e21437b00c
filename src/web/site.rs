//! The site as the connections serve it: the pages and feeds the cache has
//! ready are answered at the door (`page_cache::answer_hits`),
//! everything else by the router and its layers (`routes`).
//!
//! Most requests are such hits. The router copies a route's service, with
//! its layers, for each request, and its layers cost as much again (a
//! copy of each, a timer, a span): a hit needs none of it.

use std::{net::SocketAddr, sync::Arc};

use axum::{Router, http::Request, response::Response};
use hyper::body::Incoming;

use super::{page_cache, routes::build_app, state::AppState};
use crate::startup::connections::Answer;

/// The site: its state and its router.
#[derive(Clone)]
pub struct Site(Arc<(AppState, Router)>);

impl Site {
    pub fn new(state: AppState) -> Site {
        let router = build_app(state.clone());
        Site(Arc::new((state, router)))
    }
}

impl Answer for Site {
    async fn answer(&self, request: Request<Incoming>, peer: SocketAddr) -> Response {
        let (state, router) = &*self.0;
        match page_cache::answer_hits(state, request).await {
            Ok(response) => response,
            Err(request) => router.answer(request, peer).await,
        }
    }
}
