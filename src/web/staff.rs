//! The people signed in to the back office: the session cookie, and the
//! extractors a back-office handler takes — [`Staff`] (anyone signed in),
//! [`AdminOnly`] (admins), and [`StaffForm`] (a form posted by someone
//! signed in, with their session's token).
//!
//! The cookie carries a random 256-bit id, the database only its SHA-256
//! hash. It is `HttpOnly` and `SameSite=Strict`. Over https it is named
//! `__Host-oneinfive-session`, which browsers accept only with `Secure`,
//! `Path=/` and no domain, so no other site can set it; over plain http
//! (local try-outs) `oneinfive-session`, with `Path=/admin`.

use axum::{
    body::Bytes,
    extract::{FromRequest, FromRequestParts, Request},
    http::{HeaderMap, HeaderValue, Method, request::Parts},
    response::{IntoResponse, Response},
};
use axum_extra::extract::CookieJar;
use serde::{Deserialize, de::DeserializeOwned};
use sha2::{Digest, Sha256};

use super::{error::AppError, middleware::csrf::same_origin, negotiate, state::AppState};
use crate::{
    domain::{EmailAddress, Role},
    store::Actor,
    text::{hex, i18n::Lang},
};

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
    pub fn set(&self, id: &str) -> HeaderValue {
        self.header(id, "")
    }

    /// The `Set-Cookie` value of a cookie that the browser forgets after
    /// `lifetime` (the pending sign-in's, at the second step).
    pub fn set_lasting(&self, id: &str, lifetime: time::Duration) -> HeaderValue {
        self.header(id, &format!("; Max-Age={}", lifetime.whole_seconds()))
    }

    /// The `Set-Cookie` value that makes the browser forget its session.
    pub fn clear(&self) -> HeaderValue {
        self.header("", "; Max-Age=0")
    }

    fn header(&self, value: &str, extra: &str) -> HeaderValue {
        let secure = if self.secure { "; Secure" } else { "" };
        let text = format!("{}={value}; Path={}; HttpOnly; SameSite=Strict{secure}{extra}", self.name, self.path);
        HeaderValue::from_str(&text).unwrap_or(HeaderValue::from_static(""))
    }
}

/// The hash under which a session id is stored.
pub fn session_hash(id: &str) -> String {
    hex::encode(&Sha256::digest(id.as_bytes()))
}

/// A person signed in to the back office, with a live session.
#[derive(Clone, Debug)]
pub struct Staff {
    pub account_id: i64,
    pub email: EmailAddress,
    pub role: Role,
    /// The interface language: the person's choice, else their browser's.
    pub lang: Lang,
    /// The hash of the session's id.
    pub session_hash: String,
}

impl Staff {
    /// The person a request's session cookie belongs to, if it is live;
    /// `touch` counts the request as activity.
    pub async fn find(state: &AppState, headers: &HeaderMap, touch: bool) -> Result<Option<Staff>, AppError> {
        let cookie = SessionCookie::for_site(&state.config.base_url);
        let Some(id) = cookie.read(headers) else { return Ok(None) };
        let hash = session_hash(&id);
        let now = state.config.clock.now();
        let Some(account) = state.store.session(&hash, state.config.sessions, touch, now).await? else {
            return Ok(None);
        };
        Ok(Some(Staff {
            account_id: account.account_id,
            email: account.email,
            role: account.role,
            lang: account.lang.unwrap_or_else(|| negotiate::language(headers)),
            session_hash: hash,
        }))
    }

    /// Who the audit log says made a change.
    pub fn actor(&self) -> Actor {
        Actor::Staff(self.email.to_string())
    }

    /// The token the person's forms carry.
    pub fn form_token(&self, state: &AppState) -> String {
        state.form_key.session_token(&self.session_hash)
    }

    pub fn is_admin(&self) -> bool {
        self.role == Role::Admin
    }

    /// The Fluent message that names the person's role.
    pub fn role_message(&self) -> &'static str {
        self.role.message_id()
    }
}

/// Without a live session, a page (GET) leads to the sign-in page, and
/// anything else is refused.
impl FromRequestParts<AppState> for Staff {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        match Staff::find(state, &parts.headers, true).await? {
            Some(staff) => Ok(staff),
            None if matches!(parts.method, Method::GET | Method::HEAD) => Err(AppError::SignInRequired),
            None => Err(AppError::Forbidden),
        }
    }
}

/// A signed-in admin; an editor gets 403.
pub struct AdminOnly(pub Staff);

impl FromRequestParts<AppState> for AdminOnly {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let staff = Staff::from_request_parts(parts, state).await?;
        if staff.is_admin() { Ok(AdminOnly(staff)) } else { Err(AppError::Forbidden) }
    }
}

/// The token field every back-office form carries.
#[derive(Deserialize)]
struct Token {
    csrf: Option<String>,
}

/// A form posted by someone signed in: from one of our pages, with their
/// session's token. Without a live session, a cross-site post, or a
/// missing or wrong token: 403; a body that is not such a form: 400.
pub struct StaffForm<T> {
    pub staff: Staff,
    pub form: T,
}

impl<T: DeserializeOwned> FromRequest<AppState> for StaffForm<T> {
    type Rejection = Response;

    async fn from_request(request: Request, state: &AppState) -> Result<Self, Self::Rejection> {
        let (mut parts, body) = request.into_parts();
        let staff = Staff::from_request_parts(&mut parts, state).await.map_err(IntoResponse::into_response)?;
        let from_our_pages = same_origin(&parts.headers, &state.config.base_url);
        let request = Request::from_parts(parts, body);
        let body = Bytes::from_request(request, state).await.map_err(IntoResponse::into_response)?;
        let token: Token = serde_urlencoded::from_bytes(&body).map_err(|_| AppError::BadRequest.into_response())?;
        let signed = token.csrf.as_deref().is_some_and(|t| state.form_key.verify_session_token(&staff.session_hash, t));
        if !(from_our_pages && signed) {
            return Err(AppError::Forbidden.into_response());
        }
        let form: T = serde_urlencoded::from_bytes(&body).map_err(|_| AppError::BadRequest.into_response())?;
        Ok(StaffForm { staff, form })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cookie_follows_the_scheme() {
        let https = SessionCookie::for_site("https://site.example");
        assert_eq!(https.set("ab"), "__Host-oneinfive-session=ab; Path=/; HttpOnly; SameSite=Strict; Secure");
        let http = SessionCookie::for_site("http://127.0.0.1:3000");
        assert_eq!(http.clear(), "oneinfive-session=; Path=/admin; HttpOnly; SameSite=Strict; Max-Age=0");
        let mut headers = HeaderMap::new();
        let id = "a".repeat(64);
        headers.insert("cookie", HeaderValue::from_str(&format!("lang=fr; oneinfive-session={id}")).expect("header"));
        assert_eq!(http.read(&headers), Some(id));
        assert_eq!(https.read(&headers), None);
        headers.insert("cookie", HeaderValue::from_static("oneinfive-session=short"));
        assert_eq!(http.read(&headers), None);
    }
}
