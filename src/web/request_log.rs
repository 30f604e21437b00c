//! Each request's id and the span its log lines are written in: the id a
//! trusted proxy set, else a random one; it is in every log line of the
//! request and in the response's `x-request-id`.

use std::{
    hash::{BuildHasher, RandomState},
    sync::{
        LazyLock,
        atomic::{AtomicU64, Ordering},
    },
};

use axum::http::{HeaderName, HeaderValue, Request};
use tower_http::request_id::{MakeRequestId, RequestId};

/// The header that carries a request's id.
pub const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// Makes a request id when the request has none.
#[derive(Clone, Copy)]
pub struct RandomRequestId;

impl MakeRequestId for RandomRequestId {
    fn make_request_id<B>(&mut self, _: &Request<B>) -> Option<RequestId> {
        new_id().map(RequestId::new)
    }
}

/// A new request id: 32 hexadecimal digits, unique in the process and
/// not to be guessed from the ones before, yet made without asking the
/// system for randomness on every request: a count of requests, hashed
/// with keys drawn once (SipHash, keyed by the standard library from the
/// system's randomness). An id only ties log lines together; it is no
/// secret.
pub fn new_id() -> Option<HeaderValue> {
    static KEYS: LazyLock<[RandomState; 2]> = LazyLock::new(|| [RandomState::new(), RandomState::new()]);
    static COUNT: AtomicU64 = AtomicU64::new(0);
    let count = COUNT.fetch_add(1, Ordering::Relaxed);
    let [high, low] = KEYS.each_ref().map(|key| key.hash_one(count));
    let mut bytes = [0u8; 16];
    bytes[..8].copy_from_slice(&high.to_be_bytes());
    bytes[8..].copy_from_slice(&low.to_be_bytes());
    HeaderValue::from_bytes(&crate::text::hex::encode_array::<16, 32>(&bytes)).ok()
}

/// The request's id: the one it came with, else a new one.
pub fn id_of<B>(request: &Request<B>) -> Option<HeaderValue> {
    request.headers().get(REQUEST_ID).cloned().or_else(new_id)
}

/// The span a request's log lines are written in, with its id (`id`, else
/// the one in its headers), and its path without its secrets.
pub fn request_span<B>(request: &Request<B>, id: Option<&HeaderValue>) -> tracing::Span {
    let id = id.or_else(|| request.headers().get(REQUEST_ID)).and_then(|v| v.to_str().ok()).unwrap_or("");
    tracing::info_span!("request", method = %request.method(), path = %loggable(request.uri().path()), request_id = %id)
}

/// A path as the log writes it: the token of a mail's link or of an
/// invitation (the last segment, 64 hexadecimal digits) left out, so that
/// whoever reads the log cannot confirm, unsubscribe or join with it.
pub fn loggable(path: &str) -> std::borrow::Cow<'_, str> {
    match path.rsplit_once('/') {
        Some((before, token)) if crate::text::hex::is_hex(token, 64) => format!("{before}/{{token}}").into(),
        _ => path.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_left_out_of_logged_paths() {
        let token = "ab".repeat(32);
        assert_eq!(
            loggable(&format!("/fr/lettre-d-information/confirmer/{token}")),
            "/fr/lettre-d-information/confirmer/{token}"
        );
        assert_eq!(loggable(&format!("/admin/invitation/{token}")), "/admin/invitation/{token}");
        assert_eq!(loggable(&format!("/en/news/preview/{token}")), "/en/news/preview/{token}");
        assert_eq!(loggable("/fr/adherents/12-lyon"), "/fr/adherents/12-lyon");
        assert_eq!(loggable(&format!("/x/{}", "ab".repeat(31))), format!("/x/{}", "ab".repeat(31)));
    }

    #[test]
    fn ids_are_hex_and_differ() {
        let ids: std::collections::HashSet<_> = (0..1000).filter_map(|_| new_id()).collect();
        assert_eq!(ids.len(), 1000);
        assert!(ids.iter().all(|id| id.to_str().is_ok_and(|id| crate::text::hex::is_hex(id, 32))));
    }
}
