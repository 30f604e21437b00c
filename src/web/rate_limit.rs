//! Rate limits per client address, and how the client's address is known.

use std::{
    net::{IpAddr, SocketAddr},
    num::NonZeroU32,
};

use axum::http::{HeaderMap, HeaderName};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use time::OffsetDateTime;

use crate::store::{self, Store, StoreError};

/// Attempts a client may make per minute, counted by address (an IPv4
/// address, an IPv6 /64): first by this instance, in memory (a client past
/// its quota here costs the database nothing), then in the database, where
/// every instance's attempts add up to one limit.
///
/// The memory holds at most [`MAX_CLIENTS`] addresses: past it, the
/// addresses whose count has run out are forgotten, and while it is still
/// full a new address is counted by the database alone.
pub struct Limiter {
    scope: &'static str,
    local: DefaultKeyedRateLimiter<IpAddr>,
    quota: store::Quota,
    max_clients: usize,
}

/// What the sign-in attempts of a client address (passwords and
/// second-step codes alike) are counted under.
pub const SIGN_IN_SCOPE: &str = "sign-in";
/// The window they are counted in; a client past its quota waits this long.
pub const SIGN_IN_WINDOW: time::Duration = time::Duration::minutes(15);

/// The addresses a limiter keeps in memory at most (some 100 bytes each).
pub const MAX_CLIENTS: usize = 100_000;

impl Limiter {
    pub fn per_minute(scope: &'static str, per_minute: u32) -> Limiter {
        Limiter::with_room(scope, per_minute, MAX_CLIENTS)
    }

    fn with_room(scope: &'static str, per_minute: u32, max_clients: usize) -> Limiter {
        let attempts = NonZeroU32::new(per_minute.max(1)).unwrap_or(NonZeroU32::MIN);
        Limiter {
            scope,
            local: RateLimiter::keyed(Quota::per_minute(attempts)),
            quota: store::Quota { attempts: attempts.get(), window: time::Duration::MINUTE },
            max_clients,
        }
    }

    /// Whether this instance lets `client` try again (its count in memory);
    /// the database's count, [`Limiter::attempt`], is the one every
    /// instance shares.
    pub fn allow_here(&self, client: IpAddr) -> bool {
        let key = network(client);
        if self.local.len() >= self.max_clients {
            self.local.retain_recent();
            if self.local.len() >= self.max_clients {
                // Full of addresses still counting: the database decides.
                return true;
            }
        }
        self.local.check_key(&key).is_ok()
    }

    /// The addresses this instance keeps counts of (tests).
    #[cfg(test)]
    fn clients(&self) -> usize {
        self.local.len()
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

/// The address a client's attempts are counted under in memory, as
/// [`client_key`] writes it: an IPv4 address, or an IPv6 /64 network.
fn network(client: IpAddr) -> IpAddr {
    match client {
        IpAddr::V4(_) => client,
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => IpAddr::V6(std::net::Ipv6Addr::from(u128::from(v6) & !((1u128 << 64) - 1))),
        },
    }
}

/// The key a client's attempts are counted under: its IPv4 address, or the
/// /64 network of its IPv6 address (one subscriber's line gets a whole /64,
/// so counting single addresses would count nothing).
pub fn client_key(client: IpAddr) -> String {
    match network(client) {
        IpAddr::V4(v4) => v4.to_string(),
        IpAddr::V6(network) => format!("{network}/64"),
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
    fn the_memory_holds_a_bounded_number_of_clients() {
        let limiter = Limiter::with_room("test", 2, 100);
        // A flood from as many IPv6 networks: the memory stops at its room,
        // and the new ones are left to the database's count.
        for n in 0..1_000u128 {
            let address = IpAddr::V6(std::net::Ipv6Addr::from((n + 1) << 64));
            assert!(limiter.allow_here(address));
        }
        assert!(limiter.clients() <= 100, "{}", limiter.clients());
        // One /64 is one client, whatever its addresses.
        let limiter = Limiter::with_room("test", 2, 100);
        for host in 1..=5u128 {
            limiter.allow_here(IpAddr::V6(std::net::Ipv6Addr::from((7u128 << 64) | host)));
        }
        assert_eq!(limiter.clients(), 1);
        assert!(!limiter.allow_here(IpAddr::V6(std::net::Ipv6Addr::from((7u128 << 64) | 99))), "its quota is spent");
    }

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
