//! Rate limits per client address, and how the client's address is known.

use std::{
    net::{IpAddr, SocketAddr},
    num::NonZeroU32,
};

use axum::http::{HeaderMap, HeaderName};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

/// Attempts a client may make per minute, counted by address.
pub struct Limiter(DefaultKeyedRateLimiter<IpAddr>);

impl Limiter {
    pub fn per_minute(per_minute: u32) -> Limiter {
        let quota = Quota::per_minute(NonZeroU32::new(per_minute.max(1)).unwrap_or(NonZeroU32::MIN));
        Limiter(RateLimiter::keyed(quota))
    }

    /// Counts an attempt; `false` when the client has used up its quota.
    pub fn allow(&self, client: IpAddr) -> bool {
        self.0.check_key(&client).is_ok()
    }
}

/// The client's address: the connection's, or, when the site is told to
/// trust a proxy's header, the address that header names last.
pub fn client_ip(trusted_header: Option<&HeaderName>, peer: SocketAddr, headers: &HeaderMap) -> IpAddr {
    trusted_header
        .and_then(|name| headers.get_all(name).iter().next_back())
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.rsplit(',').next())
        .and_then(|ip| ip.trim().parse().ok())
        .unwrap_or(peer.ip())
}

#[cfg(test)]
mod tests {
    use axum::http::HeaderValue;

    use super::*;

    #[test]
    fn the_proxy_header_counts_only_when_trusted() {
        let peer: SocketAddr = "10.0.0.1:5000".parse().expect("address");
        let mut headers = HeaderMap::new();
        headers.insert("x-forwarded-for", HeaderValue::from_static("203.0.113.9, 198.51.100.7"));
        let name = HeaderName::from_static("x-forwarded-for");
        assert_eq!(client_ip(None, peer, &headers), peer.ip());
        assert_eq!(client_ip(Some(&name), peer, &headers), "198.51.100.7".parse::<IpAddr>().expect("ip"));
        headers.insert("x-forwarded-for", HeaderValue::from_static("garbage"));
        assert_eq!(client_ip(Some(&name), peer, &headers), peer.ip());
    }

    #[test]
    fn a_client_gets_its_quota_and_no_more() {
        let limiter = Limiter::per_minute(2);
        let (a, b): (IpAddr, IpAddr) = ("192.0.2.1".parse().expect("ip"), "192.0.2.2".parse().expect("ip"));
        assert!(limiter.allow(a) && limiter.allow(a));
        assert!(!limiter.allow(a));
        assert!(limiter.allow(b));
    }
}
