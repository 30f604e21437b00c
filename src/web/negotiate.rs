//! Content negotiation, done once and the same way everywhere: the
//! encoding of a response (static files and cached pages alike), and the
//! language of a request whose path names none.

use axum::http::{HeaderMap, HeaderValue, header};
use axum_extra::extract::CookieJar;

use crate::{text::i18n::Lang, web::header_list};

/// The name of the cookie that remembers the visitor's language.
pub const LANG_COOKIE: &str = "lang";

/// A content coding the site compresses with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Encoding {
    Brotli,
    Gzip,
}

impl Encoding {
    /// The token of `Accept-Encoding` and `Content-Encoding`.
    pub fn token(self) -> &'static str {
        match self {
            Encoding::Brotli => "br",
            Encoding::Gzip => "gzip",
        }
    }
}

/// An `Accept-Encoding` item as its coding, as written (codings are
/// compared without regard to case), and the quality the client gives it,
/// 0 to 1000 (1000 when it gives none).
fn quality(item: &str) -> (&str, u16) {
    let mut parts = item.split(';');
    let coding = parts.next().unwrap_or("").trim();
    let q = parts
        .find_map(|p| p.trim().strip_prefix("q=").or_else(|| p.trim().strip_prefix("Q=")))
        .map_or(1000, |q| q.trim().parse::<f32>().map_or(0, |q| (q.clamp(0.0, 1.0) * 1000.0).round() as u16));
    (coding, q)
}

/// The encoding to answer with: among brotli and gzip, the one the client
/// values most (brotli on a tie); none when it accepts neither (`q=0`
/// refuses a coding).
pub fn encoding(request: &HeaderMap) -> Option<Encoding> {
    let mut best: Option<(Encoding, u16)> = None;
    let items = header_list::items(request, header::ACCEPT_ENCODING).map(quality);
    for (coding, q) in items {
        let is = |name: &str| coding.eq_ignore_ascii_case(name);
        let encoding = if is("br") {
            Encoding::Brotli
        } else if is("gzip") || is("x-gzip") {
            Encoding::Gzip
        } else {
            continue;
        };
        let better = match best {
            None => true,
            Some((current, best_q)) => {
                q > best_q || (q == best_q && encoding == Encoding::Brotli && current != encoding)
            }
        };
        if q > 0 && better {
            best = Some((encoding, q));
        }
    }
    best.map(|(encoding, _)| encoding)
}

/// The language the visitor's cookie remembers, if any.
pub fn cookie_language(headers: &HeaderMap) -> Option<Lang> {
    // Most requests of a page read in one sitting have no cookie at all.
    if !headers.contains_key(header::COOKIE) {
        return None;
    }
    CookieJar::from_headers(headers).get(LANG_COOKIE).and_then(|cookie| Lang::parse(cookie.value_trimmed().trim()))
}

/// The language for a request that does not name one in its path: the
/// cookie set when the visitor last read a language, else the browser's
/// `Accept-Language`, else French, the campaign's original.
pub fn language(headers: &HeaderMap) -> Lang {
    cookie_language(headers).or_else(|| accepted_language(headers)).unwrap_or(Lang::DEFAULT)
}

/// The language the browser asks for (`Accept-Language`), whatever the
/// public site was last read in: the back office's, until the person has
/// chosen theirs.
pub fn browser_language(headers: &HeaderMap) -> Lang {
    accepted_language(headers).unwrap_or(Lang::DEFAULT)
}

fn accepted_language(headers: &HeaderMap) -> Option<Lang> {
    headers
        .get_all(header::ACCEPT_LANGUAGE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .find_map(Lang::from_accept_language)
}

/// The `Set-Cookie` value that remembers a language for a year.
pub fn language_cookie(lang: Lang) -> HeaderValue {
    HeaderValue::from_static(match lang {
        Lang::Fr => "lang=fr; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly",
        Lang::En => "lang=en; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly",
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.append(*name, HeaderValue::from_static(value));
        }
        map
    }

    #[test]
    fn encodings_follow_quality_values() {
        let accept = |value| encoding(&headers(&[("accept-encoding", value)]));
        assert_eq!(accept("gzip, deflate, br"), Some(Encoding::Brotli));
        assert_eq!(accept("br, gzip"), Some(Encoding::Brotli));
        assert_eq!(accept("gzip"), Some(Encoding::Gzip));
        assert_eq!(accept("gzip, br;q=0"), Some(Encoding::Gzip));
        assert_eq!(accept("br;q=0, gzip;q=0"), None);
        assert_eq!(accept("br;q=0.5, gzip"), Some(Encoding::Gzip));
        assert_eq!(accept("br;q=0.8, gzip;q=0.8"), Some(Encoding::Brotli));
        assert_eq!(accept("identity"), None);
        assert_eq!(accept("BR;Q=1"), Some(Encoding::Brotli));
        assert_eq!(accept("br;q=nonsense, gzip"), Some(Encoding::Gzip));
        assert_eq!(encoding(&headers(&[])), None);
    }

    #[test]
    fn cookie_beats_accept_language() {
        assert_eq!(language(&headers(&[("cookie", "a=b; lang=en"), ("accept-language", "fr")])), Lang::En);
        assert_eq!(language(&headers(&[("cookie", "lang=\"en\""), ("accept-language", "fr")])), Lang::En);
        assert_eq!(language(&headers(&[("cookie", "lang=xx"), ("accept-language", "en")])), Lang::En);
        assert_eq!(language(&headers(&[("accept-language", "de")])), Lang::Fr);
        assert_eq!(language(&headers(&[])), Lang::Fr);
    }
}
