//! The ceiling of the site's HTTP stack: one response, its headers and
//! body as the site sent them, answered from memory by hyper set up as the
//! site's connections are (`startup::connections`), with nothing else done.
//! `bench/run` measures it beside nginx and the site, so that the share of
//! nginx the site reaches can be told apart from the share this stack
//! reaches at all.
//!
//!     same_response HEADERS BODY ADDRESS
//!
//! HEADERS is a response's head as `curl -D` writes it: the status line,
//! then one `name: value` a line. `Date` is left out (hyper adds it).

use std::{convert::Infallible, time::Duration};

use axum::{
    body::{Body, Bytes},
    http::{HeaderMap, HeaderName, HeaderValue, Response, header},
};
use hyper::{server::conn::http1, service::service_fn};
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::net::TcpListener;

fn headers(head: &str) -> Result<HeaderMap, String> {
    let mut headers = HeaderMap::new();
    for line in head.lines().skip(1).map(str::trim_end).filter(|line| !line.is_empty()) {
        let (name, value) = line.split_once(':').ok_or_else(|| format!("not a header: {line}"))?;
        let name = HeaderName::from_bytes(name.trim().as_bytes()).map_err(|e| format!("{line}: {e}"))?;
        let value = HeaderValue::from_str(value.trim()).map_err(|e| format!("{line}: {e}"))?;
        if name != header::DATE {
            headers.append(name, value);
        }
    }
    Ok(headers)
}

#[tokio::main]
async fn main() -> Result<(), String> {
    let [_, head, body, address] = <[String; 4]>::try_from(std::env::args().collect::<Vec<_>>())
        .map_err(|_| "usage: same_response HEADERS BODY ADDRESS".to_owned())?;
    let head = std::fs::read_to_string(&head).map_err(|e| format!("{head}: {e}"))?;
    let headers = headers(&head)?;
    let body = Bytes::from(std::fs::read(&body).map_err(|e| format!("{body}: {e}"))?);
    let listener = TcpListener::bind(&address).await.map_err(|e| format!("{address}: {e}"))?;
    let mut builder = http1::Builder::new();
    builder.timer(TokioTimer::new()).header_read_timeout(Duration::from_secs(10));
    loop {
        let Ok((stream, _)) = listener.accept().await else { continue };
        let (headers, body, builder) = (headers.clone(), body.clone(), builder.clone());
        tokio::spawn(async move {
            let service = service_fn(move |_| {
                let mut response = Response::new(Body::from(body.clone()));
                *response.headers_mut() = headers.clone();
                async move { Ok::<_, Infallible>(response) }
            });
            let _ = builder.serve_connection(TokioIo::new(stream), service).await;
        });
    }
}
