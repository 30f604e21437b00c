//! The people signed in to the back office: the extractors a back-office
//! handler takes — [`Staff`] (anyone signed in), [`AdminOnly`] (admins) —
//! and the one gate of every form they post, [`StaffForm`] (form-encoded;
//! [`AdminForm`] for admins) and [`StaffMultipart`] (with a file): from one
//! of our pages (else 403), by someone signed in, with their session's
//! token. A form from our pages that fails the last two — a session that
//! ended while the person typed, a token gone stale — is not refused: what
//! it carried is kept and the person led back to it (`drafts`). Who is
//! signed in is asked once per request ([`SignedIn`]); the session's
//! cookie is `session`'s.

use std::sync::Arc;

use axum::{
    body::Bytes,
    extract::{FromRequest, FromRequestParts, Multipart, Request},
    http::{HeaderMap, Method, request::Parts},
    response::{IntoResponse, Response},
};
use serde::{Deserialize, de::DeserializeOwned};
use tokio::sync::OnceCell;

use super::{
    drafts::{self, Draft},
    error::AppError,
    forgery::same_origin,
    negotiate,
    session::{SessionCookie, session_hash},
    state::AppState,
};
use crate::{
    domain::{EmailAddress, Role},
    store::Actor,
    text::i18n::Lang,
};

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
    /// What this browser typed in a form of the page asked for, kept when
    /// the form came too late (its session ended, its token went stale).
    pub draft: Option<Arc<Draft>>,
}

/// Who is signed in, asked of the database once per request: the
/// error-pages layer puts one in every back-office request, and the
/// two-step layer, the extractors and the error page all read it from
/// there. Taken as an extractor, it is the request's (or a new one).
#[derive(Clone, Default)]
pub struct SignedIn(Arc<OnceCell<Option<Staff>>>);

impl SignedIn {
    /// The person the request's session cookie belongs to, if it is live,
    /// looked up (and counted as activity) the first time it is asked.
    pub async fn staff(&self, state: &AppState, headers: &HeaderMap) -> Result<Option<Staff>, AppError> {
        self.0.get_or_try_init(|| Staff::find(state, headers)).await.cloned()
    }

    /// What the lookup found, if something asked already.
    pub fn known(&self) -> Option<Option<Staff>> {
        self.0.get().cloned()
    }

    /// The request's lookup, or a new one when no layer put one in.
    pub fn of(extensions: &axum::http::Extensions) -> SignedIn {
        extensions.get::<SignedIn>().cloned().unwrap_or_default()
    }
}

impl FromRequestParts<AppState> for SignedIn {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &AppState) -> Result<Self, Self::Rejection> {
        Ok(SignedIn::of(&parts.extensions))
    }
}

impl Staff {
    /// The person a request's session cookie belongs to, if it is live;
    /// the request counts as activity. Asked through [`SignedIn`], so that
    /// a request asks once.
    async fn find(state: &AppState, headers: &HeaderMap) -> Result<Option<Staff>, AppError> {
        let cookie = SessionCookie::for_site(&state.config.base_url);
        let Some(id) = cookie.read(headers) else { return Ok(None) };
        let hash = session_hash(&id);
        let now = state.config.clock.now();
        let Some(account) = state.store.session(&hash, state.config.sessions, now).await? else {
            return Ok(None);
        };
        Ok(Some(Staff {
            account_id: account.account_id,
            email: account.email,
            role: account.role,
            lang: account.lang.unwrap_or_else(|| negotiate::browser_language(headers)),
            session_hash: hash,
            draft: None,
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

    /// The person, if an admin; an editor is refused (403): the one check
    /// behind [`AdminOnly`] and [`AdminForm`].
    fn admin_only(self) -> Result<Staff, AppError> {
        self.admin_needed(true)?;
        Ok(self)
    }

    /// Refused (403) when `needed` and the person is not an admin: for a
    /// thing only some of an area's items ask (the legal notices among
    /// the pages).
    pub fn admin_needed(&self, needed: bool) -> Result<(), AppError> {
        if needed && !self.is_admin() { Err(AppError::AdminsOnly) } else { Ok(()) }
    }

    /// The form `action` as this browser typed it before its session ended
    /// or its token went stale, when the page shows that form again.
    pub fn restored<T: DeserializeOwned>(&self, action: &str) -> Option<T> {
        self.draft.as_ref().and_then(|draft| draft.form(action))
    }

    /// The Fluent message that names the person's role.
    pub fn role_message(&self) -> &'static str {
        self.role.message_id()
    }
}

/// Without a live session, a page (GET) leads to the sign-in page, and
/// anything else is refused. A page asked for with GET brings back the
/// draft this browser keeps for it, if any.
impl FromRequestParts<AppState> for Staff {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        match SignedIn::of(&parts.extensions).staff(state, &parts.headers).await? {
            Some(mut staff) => {
                if parts.method == Method::GET {
                    staff.draft = drafts::take(state, &parts.headers, parts.uri.path(), staff.account_id).await;
                }
                Ok(staff)
            }
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
        Staff::from_request_parts(parts, state).await?.admin_only().map(AdminOnly)
    }
}

/// The token field every back-office form carries.
#[derive(Deserialize)]
struct Token {
    csrf: Option<String>,
}

/// The gate every back-office form passes, once its body is read: the
/// person signed in, if their session is live and the form carries its
/// token; else what to answer. (The origin was checked before the body
/// was read.)
async fn admit(
    state: &AppState,
    parts: &Parts,
    token: Option<&str>,
    fields: impl FnOnce() -> Vec<(String, String)>,
    files_left: bool,
) -> Result<Staff, Response> {
    let staff =
        SignedIn::of(&parts.extensions).staff(state, &parts.headers).await.map_err(IntoResponse::into_response)?;
    match staff {
        Some(staff) if token.is_some_and(|t| state.form_key.verify_session_token(&staff.session_hash, t)) => Ok(staff),
        staff => Err(drafts::keep(state, parts, staff.map(|staff| staff.account_id), fields(), files_left).await),
    }
}

/// A form that carries only its token (sign-out, delete, disable…).
#[derive(Deserialize)]
pub struct NoFields {}

/// A form posted by someone signed in: from one of our pages, with their
/// session's token. A post from another site: 403; a body that is not
/// such a form: 400; a session ended or a stale token: what was typed
/// kept, and the person led back to it (see [`drafts`]).
pub struct StaffForm<T> {
    pub staff: Staff,
    pub form: T,
}

impl<T: DeserializeOwned> FromRequest<AppState> for StaffForm<T> {
    type Rejection = Response;

    async fn from_request(request: Request, state: &AppState) -> Result<Self, Self::Rejection> {
        if !same_origin(request.headers(), &state.config.base_url) {
            return Err(AppError::Forbidden.into_response());
        }
        let (parts, body) = request.into_parts();
        let body = Bytes::from_request(Request::from_parts(parts.clone(), body), state)
            .await
            .map_err(IntoResponse::into_response)?;
        let token: Token = serde_urlencoded::from_bytes(&body).map_err(|_| AppError::BadRequest.into_response())?;
        let fields = || url::form_urlencoded::parse(&body).into_owned().collect();
        let staff = admit(state, &parts, token.csrf.as_deref(), fields, false).await?;
        let form: T = serde_urlencoded::from_bytes(&body).map_err(|_| AppError::BadRequest.into_response())?;
        Ok(StaffForm { staff, form })
    }
}

/// A form only an admin may post: a [`StaffForm`] from an admin; an
/// editor gets 403.
pub struct AdminForm<T> {
    pub staff: Staff,
    pub form: T,
}

impl<T: DeserializeOwned> FromRequest<AppState> for AdminForm<T> {
    type Rejection = Response;

    async fn from_request(request: Request, state: &AppState) -> Result<Self, Self::Rejection> {
        let StaffForm { staff, form } = StaffForm::from_request(request, state).await?;
        Ok(AdminForm { staff: staff.admin_only().map_err(IntoResponse::into_response)?, form })
    }
}

/// A file sent with a multipart form.
pub struct Upload {
    /// The form field's name.
    pub name: String,
    /// The file's name as the browser gives it.
    pub file_name: Option<String>,
    pub bytes: Bytes,
}

/// A multipart form (one that may carry a file) posted by someone signed
/// in, checked as [`StaffForm`] checks its form: its text fields in order,
/// and its files (a file field left empty is not one). A body over the
/// route's limit: 413.
pub struct StaffMultipart {
    pub staff: Staff,
    pub fields: Vec<(String, String)>,
    pub files: Vec<Upload>,
}

impl StaffMultipart {
    /// The file of a field, if one was chosen.
    pub fn file(&self, name: &str) -> Option<&Upload> {
        self.files.iter().find(|file| file.name == name)
    }
}

impl FromRequest<AppState> for StaffMultipart {
    type Rejection = Response;

    async fn from_request(request: Request, state: &AppState) -> Result<Self, Self::Rejection> {
        if !same_origin(request.headers(), &state.config.base_url) {
            return Err(AppError::Forbidden.into_response());
        }
        let (parts, body) = request.into_parts();
        let mut multipart = Multipart::from_request(Request::from_parts(parts.clone(), body), state)
            .await
            .map_err(IntoResponse::into_response)?;
        let (mut fields, mut files) = (Vec::new(), Vec::new());
        while let Some(field) = multipart.next_field().await.map_err(|e| e.status().into_response())? {
            let name = field.name().unwrap_or_default().to_owned();
            match field.file_name().map(str::to_owned) {
                Some(file_name) => {
                    let bytes = field.bytes().await.map_err(|e| e.status().into_response())?;
                    if !bytes.is_empty() {
                        files.push(Upload { name, file_name: Some(file_name), bytes });
                    }
                }
                None => fields.push((name, field.text().await.map_err(|e| e.status().into_response())?)),
            }
        }
        let token = fields.iter().find(|(name, _)| name == "csrf").map(|(_, value)| value.clone());
        let staff = admit(state, &parts, token.as_deref(), || fields.clone(), !files.is_empty()).await?;
        Ok(StaffMultipart { staff, fields, files })
    }
}
