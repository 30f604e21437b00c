//! Rate limits per client address, and how the client's address is known.

use std::{
    net::{IpAddr, SocketAddr},
    num::NonZeroU32,
};

use axum::http::{HeaderMap, HeaderName};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use time::OffsetDateTime;

use crate::store::{self, Store, StoreError};

/// Attempts a client may make per minute, counted by address: first by
/// this instance, in memory (a client past its quota here costs the
/// database nothing), then in the database, where every instance's
/// attempts add up to one limit.
pub struct Limiter {
    scope: &'static str,
    local: DefaultKeyedRateLimiter<IpAddr>,
    quota: store::Quota,
}

impl Limiter {
    pub fn per_minute(scope: &'static str, per_minute: u32) -> Limiter {
        let attempts = NonZeroU32::new(per_minute.max(1)).unwrap_or(NonZeroU32::MIN);
        Limiter {
            scope,
            local: RateLimiter::keyed(Quota::per_minute(attempts)),
            quota: store::Quota { attempts: attempts.get(), window: time::Duration::MINUTE },
        }
    }

    /// Whether this instance lets `client` try again (its count in memory);
    /// the database's count, [`Limiter::attempt`], is the one every
    /// instance shares.
    pub fn allow_here(&self, client: IpAddr) -> bool {
        self.local.check_key(&client).is_ok()
    }

    /// The attempt to count in the database, under `key` (a
    /// [`client_key`]): alone, or with the write it guards.
    pub fn attempt<'a>(&self, key: &'a str) -> store::Attempt<'a> {
        store::Attempt { scope: self.scope, client: key, quota: self.quota }
    }

    /// Counts an attempt; `false` when the client has used up its quota.
    pub async fn allow(&self, store: &Store, client: IpAddr, now: OffsetDateTime) -> Result<bool, StoreError> {
        if !self.allow_here(client) {
            return Ok(false);
        }
        store.allow_attempt(self.attempt(&client_key(client)), now).await
    }
}

/// The key a client's attempts are counted under: its IPv4 address, or the
/// /64 network of its IPv6 address (one subscriber's line gets a whole /64,
/// so counting single addresses would count nothing).
pub fn client_key(client: IpAddr) -> String {
    match client {
        IpAddr::V4(v4) => v4.to_string(),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => v4.to_string(),
            None => {
                let network = u128::from(v6) & !((1u128 << 64) - 1);
                format!("{}/64", std::net::Ipv6Addr::from(network))
            }
        },
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
    fn ipv6_clients_are_counted_by_network() {
        let key = |ip: &str| client_key(ip.parse().expect("ip"));
        assert_eq!(key("192.0.2.1"), "192.0.2.1");
        assert_eq!(key("::ffff:192.0.2.1"), "192.0.2.1");
        assert_eq!(key("2001:db8:1:2:3:4:5:6"), "2001:db8:1:2::/64");
        assert_eq!(key("2001:db8:1:2:ffff::1"), key("2001:db8:1:2::9"));
        assert_ne!(key("2001:db8:1:3::1"), key("2001:db8:1:2::1"));
    }
}
