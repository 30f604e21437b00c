//! A header whose value is a comma-separated list (`Connection`,
//! `Accept-Encoding`, `If-None-Match`): its items, over every line of it.

use axum::http::{HeaderMap, HeaderName};

/// The items of the list that the `name` lines of `headers` make, each
/// trimmed, empty ones left out (RFC 9110 § 5.6.1: a recipient accepts and
/// ignores them); a line that is not text counts for nothing.
pub fn items(headers: &HeaderMap, name: HeaderName) -> impl Iterator<Item = &str> {
    headers
        .get_all(name)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .map(str::trim)
        .filter(|item| !item.is_empty())
}

#[cfg(test)]
mod tests {
    use axum::http::{HeaderValue, header};

    use super::*;

    #[test]
    fn items_of_every_line_trimmed_empty_ones_left_out() {
        let mut headers = HeaderMap::new();
        headers.append(header::CONNECTION, HeaderValue::from_static(" keep-alive ,, Upgrade"));
        headers.append(header::CONNECTION, HeaderValue::from_static("close"));
        headers.append(header::CONNECTION, HeaderValue::from_bytes(b"\xffclose").unwrap());
        headers.append(header::ACCEPT_ENCODING, HeaderValue::from_static("gzip"));
        let items: Vec<&str> = items(&headers, header::CONNECTION).collect();
        assert_eq!(items, ["keep-alive", "Upgrade", "close"]);
        assert_eq!(super::items(&headers, header::IF_NONE_MATCH).count(), 0);
    }
}
