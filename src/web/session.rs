//! The back office's session cookie (and the cookies named and scoped as
//! it: the pending sign-in's, the form drafts'). It carries a random
//! 256-bit id; the database keeps only its SHA-256 hash. It is `HttpOnly`
//! and `SameSite=Strict`. Over https it is named `__Host-oneinfive-session`,
//! which browsers accept only with `Secure`, `Path=/` and no domain, so no
//! other site can set it; over plain http (local try-outs)
//! `oneinfive-session`, with `Path=/admin`.

use axum::http::{HeaderMap, HeaderValue};
use axum_extra::extract::CookieJar;
use sha2::{Digest, Sha256};

use super::error::AppError;
use crate::text::hex;

/// The session cookie as the site's origin wants it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SessionCookie {
    pub name: &'static str,
    pub path: &'static str,
    pub secure: bool,
}

impl SessionCookie {
    pub fn for_site(base_url: &str) -> SessionCookie {
        if base_url.starts_with("https://") {
            SessionCookie { name: "__Host-oneinfive-session", path: "/", secure: true }
        } else {
            SessionCookie { name: "oneinfive-session", path: "/admin", secure: false }
        }
    }

    /// The session id a request carries, if it looks like one of ours.
    pub fn read(&self, headers: &HeaderMap) -> Option<String> {
        let jar = CookieJar::from_headers(headers);
        let value = jar.get(self.name)?.value().to_owned();
        hex::is_hex(&value, 64).then_some(value)
    }

    /// The `Set-Cookie` value that gives the browser a session id. No
    /// lifetime: the browser forgets it when it closes, and the server
    /// ends it sooner.
    pub fn set(&self, id: &str) -> Result<HeaderValue, AppError> {
        self.header(id, "")
    }

    /// The `Set-Cookie` value of a cookie that the browser forgets after
    /// `lifetime` (the pending sign-in's, at the second step).
    pub fn set_lasting(&self, id: &str, lifetime: time::Duration) -> Result<HeaderValue, AppError> {
        self.header(id, &format!("; Max-Age={}", lifetime.whole_seconds()))
    }

    /// The `Set-Cookie` value that makes the browser forget its session.
    pub fn clear(&self) -> Result<HeaderValue, AppError> {
        self.header("", "; Max-Age=0")
    }

    /// The header, or an error: never an empty `Set-Cookie` that would
    /// leave the browser with the cookie it had.
    fn header(&self, value: &str, extra: &str) -> Result<HeaderValue, AppError> {
        let secure = if self.secure { "; Secure" } else { "" };
        let text = format!("{}={value}; Path={}; HttpOnly; SameSite=Strict{secure}{extra}", self.name, self.path);
        HeaderValue::from_str(&text)
            .map_err(|error| AppError::Internal(anyhow::anyhow!("the cookie {} cannot be sent: {error}", self.name)))
    }
}

/// The hash under which a session id is stored.
pub fn session_hash(id: &str) -> String {
    hex::encode(&Sha256::digest(id.as_bytes()))
}

/// The pending sign-in's cookie: named and scoped as the session's.
pub fn pending_cookie(base_url: &str) -> SessionCookie {
    let session = SessionCookie::for_site(base_url);
    let name = if session.secure { "__Host-oneinfive-two-step" } else { "oneinfive-two-step" };
    SessionCookie { name, ..session }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cookie_follows_the_scheme() {
        let https = SessionCookie::for_site("https://site.example");
        assert_eq!(
            https.set("ab").expect("a header"),
            "__Host-oneinfive-session=ab; Path=/; HttpOnly; SameSite=Strict; Secure"
        );
        let http = SessionCookie::for_site("http://127.0.0.1:3000");
        assert_eq!(
            http.clear().expect("a header"),
            "oneinfive-session=; Path=/admin; HttpOnly; SameSite=Strict; Max-Age=0"
        );
        // A value no header can carry is an error, not an empty cookie.
        assert!(http.set("line\nbreak").is_err());
        let mut headers = HeaderMap::new();
        let id = "a".repeat(64);
        headers.insert("cookie", HeaderValue::from_str(&format!("lang=fr; oneinfive-session={id}")).expect("header"));
        assert_eq!(http.read(&headers), Some(id));
        assert_eq!(https.read(&headers), None);
        headers.insert("cookie", HeaderValue::from_static("oneinfive-session=short"));
        assert_eq!(http.read(&headers), None);
    }
}
