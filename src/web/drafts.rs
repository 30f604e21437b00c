//! Nothing typed is lost: a back-office form sent from one of our pages
//! after its session ended, or with a token that went stale (a form opened
//! before signing in again), is not refused with a bare error page. What
//! was typed is kept for an hour ([`DRAFT_KEPT_FOR`]), in the database,
//! under the hash of a random id that a cookie of this browser carries;
//! the person is led to sign in again if they must, then back to the page
//! of the form, which shows what they typed and says that nothing was
//! saved. Nothing is saved until they press the button again.
//!
//! Kept: the text fields, with the version the form was read at (so that a
//! change someone else saved meanwhile is still noticed). Never kept: the
//! form token, passwords and codes; files, which the page asks to choose
//! again. The draft goes back to the account whose session sent it, or,
//! when the session had ended, to whoever signs in next on that browser —
//! which only our own pages can have made it send: a form from another
//! site is refused before anything is kept. Keeping is rate limited per
//! client address, so that nobody fills the table.

use std::sync::Arc;

use axum::{
    http::{HeaderMap, header, request::Parts},
    response::{IntoResponse, Redirect, Response},
};
use serde::de::DeserializeOwned;

use super::{
    error::AppError,
    extract::ClientIp,
    paths::admin,
    rate_limit,
    session::{SessionCookie, session_hash},
    state::AppState,
};
use crate::{
    infra::random,
    store::{Attempt, DRAFT_KEPT_FOR, FormDraft, Quota},
};

/// What a client address may keep, in drafts an hour.
const DRAFTS_PER_HOUR: u32 = 60;
/// The longest typed text kept: the largest text a back-office form
/// takes (an event's or a page's), and some.
const MAX_KEPT_BYTES: usize = 512 * 1024;

/// The draft's cookie: named and scoped as the session's, and forgotten by
/// the browser when the draft is.
pub fn draft_cookie(base_url: &str) -> SessionCookie {
    let session = SessionCookie::for_site(base_url);
    let name = if session.secure { "__Host-oneinfive-draft" } else { "oneinfive-draft" };
    SessionCookie { name, ..session }
}

/// A form's fields that are never kept: its token, passwords, codes.
fn secret(name: &str) -> bool {
    name == "csrf" || name == "code" || name == "confirm" || name.contains("password")
}

/// What was typed, back in its form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Draft {
    /// The address the form was sent to: which form of the page it fills.
    pub action: String,
    /// The typed fields, secrets left out.
    pub fields: Vec<(String, String)>,
    /// A file was chosen, and must be chosen again.
    pub files_left: bool,
}

impl Draft {
    fn of(kept: FormDraft) -> Draft {
        let fields = url::form_urlencoded::parse(kept.fields.as_bytes()).into_owned().collect();
        Draft { action: kept.action, fields, files_left: kept.files_left }
    }

    /// The fields as the form `action` reads them, if this draft is of
    /// that form.
    pub fn form<T: DeserializeOwned>(&self, action: &str) -> Option<T> {
        if self.action != action {
            return None;
        }
        let encoded = url::form_urlencoded::Serializer::new(String::new()).extend_pairs(&self.fields).finish();
        serde_urlencoded::from_str(&encoded).ok()
    }

    /// Whether anything typed is kept (a form of buttons only keeps
    /// nothing, and then the person just presses the button again).
    pub fn has_text(&self) -> bool {
        self.fields.iter().any(|(name, value)| name != "version" && !value.trim().is_empty())
    }
}

/// The page to lead a person back to: the page the form was on, as the
/// browser's `Referer` names it — on our own origin (the public one, or,
/// on its scheme, the host the browser asked for) and in the back office —
/// else the back office's home.
fn page_of(headers: &HeaderMap, base_url: &str) -> String {
    let get = |name: header::HeaderName| headers.get(name).and_then(|v| v.to_str().ok());
    let ours = |url: &url::Url| {
        let authority = match (url.host_str(), url.port()) {
            (Some(host), Some(port)) => format!("{host}:{port}"),
            (Some(host), None) => host.to_owned(),
            (None, _) => return false,
        };
        url.origin().ascii_serialization() == base_url
            || (base_url.starts_with(&format!("{}://", url.scheme())) && get(header::HOST) == Some(authority.as_str()))
    };
    get(header::REFERER)
        .and_then(|referer| url::Url::parse(referer).ok())
        .filter(|url| ours(url))
        .map(|url| url.path().to_owned())
        .filter(|path| {
            path.starts_with(admin::HOME)
                && !path.starts_with(admin::SIGN_IN)
                && path.len() <= 300
                && !path.contains("//")
        })
        .unwrap_or_else(|| admin::HOME.to_owned())
}

/// Keeps what a refused form carried, and leads the person back: to the
/// sign-in page when their session has ended (`account` none), else to the
/// form's page. `fields` are the form's fields as sent; `files_left`, that
/// it carried a file. Over the client's quota, or too large to keep, the
/// person is led back all the same, with nothing kept.
pub async fn keep(
    state: &AppState,
    parts: &Parts,
    account: Option<i64>,
    fields: Vec<(String, String)>,
    files_left: bool,
) -> Response {
    match try_keep(state, parts, account, fields, files_left).await {
        Ok(response) => response,
        Err(error) => error.into_response(),
    }
}

async fn try_keep(
    state: &AppState,
    parts: &Parts,
    account: Option<i64>,
    fields: Vec<(String, String)>,
    files_left: bool,
) -> Result<Response, AppError> {
    if account.is_none() && parts.uri.path() == admin::SIGN_OUT {
        // Signing out of a session that has ended: out already.
        return Ok(Redirect::to(admin::SIGN_IN).into_response());
    }
    let now = state.config.clock.now();
    let page = page_of(&parts.headers, &state.config.base_url);
    let cookie = draft_cookie(&state.config.base_url);
    let kept: Vec<(String, String)> = fields.into_iter().filter(|(name, _)| !secret(name)).collect();
    let encoded = url::form_urlencoded::Serializer::new(String::new()).extend_pairs(&kept).finish();
    let ClientIp(client) = ClientIp::of(parts, state)?;
    let client = rate_limit::client_key(client);
    let quota = Quota { attempts: DRAFTS_PER_HOUR, window: DRAFT_KEPT_FOR };
    let allowed = encoded.len() <= MAX_KEPT_BYTES
        && state.store.allow_attempt(Attempt { scope: "form-draft", client: &client, quota }, now).await?;
    let next = match account {
        Some(_) => page.clone(),
        None => format!("{}?ended=1", admin::SIGN_IN),
    };
    let mut response = Redirect::to(&next).into_response();
    if allowed {
        // The browser's id, kept if it has one, so that it holds one draft.
        let id = match cookie.read(&parts.headers) {
            Some(id) => id,
            None => random::hex_token(32)?,
        };
        let draft =
            FormDraft { account_id: account, page, action: parts.uri.path().to_owned(), fields: encoded, files_left };
        state.store.keep_draft(&session_hash(&id), &draft, now).await?;
        response.headers_mut().insert(header::SET_COOKIE, cookie.set_lasting(&id, DRAFT_KEPT_FOR)?);
    }
    Ok(response)
}

/// The draft this browser keeps for the page `path`, taken for the person
/// signed in (once: it then lives in the form it fills).
pub async fn take(state: &AppState, headers: &HeaderMap, path: &str, account: i64) -> Option<Arc<Draft>> {
    let id = draft_cookie(&state.config.base_url).read(headers)?;
    let now = state.config.clock.now();
    match state.store.take_draft(&session_hash(&id), path, account, now).await {
        Ok(found) => found.map(|kept| Arc::new(Draft::of(kept))),
        Err(error) => {
            tracing::warn!(%error, "could not read a form draft");
            None
        }
    }
}

/// Where a person goes once signed in: back to the page of the form they
/// were typing, if this browser keeps its draft for them, else the
/// dashboard.
pub async fn after_sign_in(state: &AppState, headers: &HeaderMap, account: i64) -> Result<String, AppError> {
    let Some(id) = draft_cookie(&state.config.base_url).read(headers) else { return Ok(admin::HOME.to_owned()) };
    let now = state.config.clock.now();
    let page = state.store.draft_page(&session_hash(&id), account, now).await?;
    Ok(page.unwrap_or_else(|| admin::HOME.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    #[test]
    fn secrets_are_never_kept() {
        for name in ["csrf", "password", "new_password", "current_password", "code", "confirm"] {
            assert!(secret(name), "{name}");
        }
        for name in ["name", "body_fr", "version", "email", "date", "website"] {
            assert!(!secret(name), "{name}");
        }
    }

    #[test]
    fn the_page_to_go_back_to_is_ours_and_in_the_back_office() {
        let headers = |referer: &str| {
            let mut headers = HeaderMap::new();
            headers.insert(header::HOST, HeaderValue::from_static("127.0.0.1:3000"));
            if let Ok(value) = HeaderValue::from_str(referer) {
                headers.insert(header::REFERER, value);
            }
            headers
        };
        let base = "https://site.example";
        assert_eq!(page_of(&headers("https://site.example/admin/news/5?done=saved"), base), "/admin/news/5");
        // On the site's scheme, the host the browser asked for (a proxy, a test port).
        assert_eq!(
            page_of(&headers("http://127.0.0.1:3000/admin/pages/about/fr"), "http://site.example"),
            "/admin/pages/about/fr"
        );
        assert_eq!(page_of(&headers("http://127.0.0.1:3000/admin/pages/about/fr"), base), "/admin/");
        for other in [
            "",
            "https://evil.example/admin/news/5",
            "https://site.example/fr/",
            "https://site.example/admin/sign-in?ended=1",
            "https://site.example//evil.example/admin/",
            "https://site.example/admin/../fr/",
            "http://127.0.0.1:3000.evil.example/admin/news/5",
        ] {
            assert_eq!(page_of(&headers(other), base), "/admin/", "{other:?}");
        }
    }

    #[test]
    fn a_draft_fills_only_its_own_form() {
        #[derive(serde::Deserialize, Debug, PartialEq)]
        struct Form {
            name: String,
        }
        let draft = Draft {
            action: "/admin/signatories/new".into(),
            fields: vec![("name".into(), "Lyon & co".into()), ("version".into(), "3".into())],
            files_left: false,
        };
        assert_eq!(draft.form::<Form>("/admin/signatories/new"), Some(Form { name: "Lyon & co".into() }));
        assert_eq!(draft.form::<Form>("/admin/events/new"), None);
        assert!(draft.has_text());
        let buttons = Draft { fields: vec![("version".into(), "3".into())], ..draft };
        assert!(!buttons.has_text());
    }
}
