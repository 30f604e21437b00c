//! Cross-site request forgery: every form carries a token the site signed,
//! and a POST from another site's page — as the browser reports it with
//! `Origin` and `Sec-Fetch-Site` — is refused.

use axum::http::{HeaderMap, header};
use hmac::{Hmac, Mac};
use sha2::Sha256;
use time::OffsetDateTime;

/// Tokens are made per hour, so that a page's form is the same for every
/// visitor for an hour, and stay good for a day.
const BUCKET_SECONDS: i64 = 3600;
const VALID_BUCKETS: i64 = 24;

fn mac(key: &[u8], bucket: i64) -> String {
    let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(key) else { return String::new() };
    mac.update(format!("form-token:{bucket}").as_bytes());
    crate::text::hex::encode(&mac.finalize().into_bytes())
}

/// The token to put in a form now.
pub fn token(key: &[u8], now: OffsetDateTime) -> String {
    let bucket = now.unix_timestamp().div_euclid(BUCKET_SECONDS);
    format!("{bucket}.{}", mac(key, bucket))
}

/// Whether a form's token is one we made in the last day.
pub fn valid(key: &[u8], token: &str, now: OffsetDateTime) -> bool {
    let Some((bucket, given)) = token.split_once('.') else { return false };
    let Ok(bucket) = bucket.parse::<i64>() else { return false };
    let current = now.unix_timestamp().div_euclid(BUCKET_SECONDS);
    if bucket > current || current - bucket > VALID_BUCKETS {
        return false;
    }
    let expected = mac(key, bucket);
    // Compare in constant time.
    expected.len() == given.len() && expected.bytes().zip(given.bytes()).fold(0u8, |acc, (a, b)| acc | (a ^ b)) == 0
}

/// Whether the browser says the request comes from one of our own pages.
/// Requests without these headers (not from a browser) pass; the form
/// token still has to be right.
pub fn same_origin(headers: &HeaderMap, base_url: &str) -> bool {
    let get = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    if let Some(site) = get("sec-fetch-site")
        && !matches!(site, "same-origin" | "none")
    {
        return false;
    }
    let Some(origin) = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) else { return true };
    if origin == base_url {
        return true;
    }
    // Behind a proxy or on a test port, the host the browser asked for.
    let host = headers.get(header::HOST).and_then(|v| v.to_str().ok()).unwrap_or("");
    let origin_host = origin.split_once("://").map(|(_, rest)| rest).unwrap_or("");
    !host.is_empty() && origin_host == host
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    #[test]
    fn tokens_last_a_day() {
        let key = b"key";
        let now = OffsetDateTime::from_unix_timestamp(1_800_000_000).expect("time");
        let t = token(key, now);
        assert!(valid(key, &t, now));
        assert!(valid(key, &t, now + time::Duration::hours(23)));
        assert!(!valid(key, &t, now + time::Duration::hours(26)));
        assert!(!valid(key, &t, now - time::Duration::hours(2)));
        assert!(!valid(b"other", &t, now));
        assert!(!valid(key, "", now));
        assert!(!valid(key, "abc.def", now));
        assert!(!valid(key, &t.replace('a', "b"), now) || !t.contains('a'));
    }

    #[test]
    fn cross_site_is_refused() {
        let mut headers = HeaderMap::new();
        headers.insert(header::HOST, HeaderValue::from_static("127.0.0.1:3000"));
        assert!(same_origin(&headers, "https://site.example"));
        headers.insert(header::ORIGIN, HeaderValue::from_static("http://127.0.0.1:3000"));
        assert!(same_origin(&headers, "https://site.example"));
        headers.insert(header::ORIGIN, HeaderValue::from_static("https://evil.example"));
        assert!(!same_origin(&headers, "https://site.example"));
        headers.insert(header::ORIGIN, HeaderValue::from_static("null"));
        assert!(!same_origin(&headers, "https://site.example"));
        headers.remove(header::ORIGIN);
        headers.insert("sec-fetch-site", HeaderValue::from_static("cross-site"));
        assert!(!same_origin(&headers, "https://site.example"));
    }
}
