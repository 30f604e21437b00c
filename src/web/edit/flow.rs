//! The handlers of the edit flow, the same for every [`Record`]: the list,
//! the new form and its post, a record's form and its post, and deletion
//! after a confirmation step; and the routes that lead to them.

use axum::{
    Router,
    extract::{DefaultBodyLimit, Query, RawQuery, State},
    http::StatusCode,
    response::{IntoResponse, Redirect, Response},
    routing::get,
};
use tower_http::limit::RequestBodyLimitLayer;

use super::{Done, FormView, Outcome, Record};
use crate::{
    store::Saved,
    text::i18n::Tr,
    web::{
        error::AppError,
        extract::ItemId,
        staff::{NoFields, Staff, StaffForm},
        state::AppState,
        view::{admin::AdminContext, form::posted_version, render},
    },
};

/// The routes of a record's list and deletion, under the site's usual
/// body limit.
pub fn pages<R: Record>() -> Router<AppState> {
    Router::new().route(R::LIST, get(list::<R>)).route(R::DELETE_ROUTE, get(confirm_delete::<R>).post(delete::<R>))
}

/// The routes of a record's forms, whose posts take up to
/// [`Record::FORM_LIMIT`] (merged where the routes with a limit of their
/// own are).
pub fn forms<R: Record>() -> Router<AppState> {
    Router::new()
        .route(R::NEW, get(new::<R>).post(add::<R>))
        .route(R::ITEM_ROUTE, get(edit::<R>).post(save::<R>))
        .layer((DefaultBodyLimit::max(R::FORM_LIMIT), RequestBodyLimitLayer::new(R::FORM_LIMIT)))
}

/// A redirection to a list that says what was just done.
pub fn done(list: &str, what: &str) -> Response {
    Redirect::to(&format!("{list}?done={what}")).into_response()
}

/// A record named by an address's `{id}`; any other id is not found.
pub async fn stored<R: Record>(state: &AppState, id: i64) -> Result<R::Stored, AppError> {
    R::load(state, id).await?.ok_or(AppError::NotFound)
}

/// GET the list.
pub async fn list<R: Record>(
    State(state): State<AppState>,
    staff: Staff,
    Query(query): Query<R::ListQuery>,
) -> Result<Response, AppError> {
    R::list(&state, &staff, query).await
}

/// GET the new form: empty, or as this browser typed it before its
/// session ended.
pub async fn new<R: Record>(State(state): State<AppState>, staff: Staff) -> Result<Response, AppError> {
    let form = R::restored(&staff, R::NEW).unwrap_or_else(R::blank);
    R::page(&state, &staff, FormView::new(&form, None, None)).await
}

/// GET a record's form, or the one this browser typed before its session
/// ended, at the version it was read at (a change saved meanwhile is then
/// noticed on saving).
pub async fn edit<R: Record>(
    State(state): State<AppState>,
    staff: Staff,
    ItemId(id): ItemId,
    RawQuery(query): RawQuery,
) -> Result<Response, AppError> {
    let stored = stored::<R>(&state, id).await?;
    let restored = R::restored(&staff, &R::href(R::id(&stored)));
    let version = restored.as_ref().and_then(|form| posted_version(R::typed_version(form)).ok());
    let form = restored.unwrap_or_else(|| R::form_of(&state, &stored));
    let mut view = FormView::new(&form, Some(&stored), Some(version.unwrap_or_else(|| R::version(&stored))));
    view.done = query.as_deref().and_then(|query| {
        url::form_urlencoded::parse(query.as_bytes()).find(|(key, _)| key == "done").map(|(_, value)| value.into())
    });
    R::page(&state, &staff, view).await
}

/// POST the new form: added; or the form again with each field's message
/// (422); or, for a preview, the form rendered, nothing written.
pub async fn add<R: Record>(State(state): State<AppState>, body: R::Body) -> Result<Response, AppError> {
    let (staff, form) = R::posted(body);
    let outcome = submit::<R>(&state, &staff, &form, None).await?;
    respond::<R>(&state, &staff, &form, None, outcome).await
}

/// POST a record's form: saved; or the form again with each field's
/// message (422); or, when someone else saved the record since the form
/// was read, refused (409) with their values shown and the typed ones
/// kept; or, for a preview, the form rendered, nothing written.
pub async fn save<R: Record>(
    State(state): State<AppState>,
    ItemId(id): ItemId,
    body: R::Body,
) -> Result<Response, AppError> {
    let (staff, form) = R::posted(body);
    let current = stored::<R>(&state, id).await?;
    let version = posted_version(R::typed_version(&form))?;
    let outcome = submit::<R>(&state, &staff, &form, Some((&current, version))).await?;
    respond::<R>(&state, &staff, &form, Some((&current, version)), outcome).await
}

/// What a sent form comes to: checked, then written (a new record, or a
/// stored one at the version the form was read at).
pub async fn submit<R: Record>(
    state: &AppState,
    staff: &Staff,
    form: &R::Form,
    current: Option<(&R::Stored, i64)>,
) -> Result<Outcome<R>, AppError> {
    if R::previewing(form) {
        return Ok(Outcome::Preview);
    }
    let tr = Tr::new(staff.lang, state.locales.clone());
    let checked = match R::check(state, &tr, form, current.map(|(stored, _)| stored)).await? {
        Ok(checked) => checked,
        Err(errors) => return Ok(Outcome::Invalid(errors)),
    };
    let now = state.config.clock.now();
    let saved = match current {
        Some((stored, version)) => R::update(state, staff, stored, version, &checked, now).await?,
        None => R::insert(state, staff, &checked, now).await?,
    };
    Ok(match saved {
        Saved::Done(id) => Outcome::Saved(Done { id, added: current.is_none() }, checked),
        Saved::NotFound => Outcome::NotFound,
        Saved::Conflict(theirs) => Outcome::Conflict(theirs),
        Saved::Duplicate => Outcome::Invalid(R::duplicate(&tr)),
    })
}

/// The answer to a sent form: where a save leads, or the form again.
pub async fn respond<R: Record>(
    state: &AppState,
    staff: &Staff,
    form: &R::Form,
    current: Option<(&R::Stored, i64)>,
    outcome: Outcome<R>,
) -> Result<Response, AppError> {
    let (stored, version) = (current.map(|(stored, _)| stored), current.map(|(_, version)| version));
    let mut view = FormView::new(form, stored, version);
    match outcome {
        Outcome::Saved(done, checked) => return R::saved(state, staff, done, &checked, state.config.clock.now()).await,
        Outcome::NotFound => return Err(AppError::NotFound),
        Outcome::Preview => view.preview = true,
        Outcome::Invalid(errors) => {
            view.errors = errors;
            view.status = StatusCode::UNPROCESSABLE_ENTITY;
        }
        Outcome::Conflict(theirs) => {
            // The form keeps the typed values, at the new version, so that
            // saving again is a choice made knowingly.
            let tr = Tr::new(staff.lang, state.locales.clone());
            let mut view = FormView::new(form, Some(&*theirs), Some(R::version(&theirs)));
            view.conflict = Some(R::theirs(&tr, &theirs, form));
            view.status = StatusCode::CONFLICT;
            return R::page(state, staff, view).await;
        }
    }
    R::page(state, staff, view).await
}

/// GET a record's confirmation step before deleting.
pub async fn confirm_delete<R: Record>(
    State(state): State<AppState>,
    staff: Staff,
    ItemId(id): ItemId,
) -> Result<Response, AppError> {
    let stored = stored::<R>(&state, id).await?;
    let ctx = AdminContext::signed_in(&state, &staff, Some(R::AREA));
    let id = R::id(&stored);
    let now = state.config.clock.now();
    let page = R::deletion(&ctx, &staff, &stored, now).page(ctx, R::delete_href(id), R::href(id), None);
    render(&page, staff.lang)
}

/// POST the confirmation: deleted; the list says so.
pub async fn delete<R: Record>(
    State(state): State<AppState>,
    ItemId(id): ItemId,
    StaffForm { staff, .. }: StaffForm<NoFields>,
) -> Result<Response, AppError> {
    if !R::remove(&state, &staff, id, state.config.clock.now()).await? {
        return Err(AppError::NotFound);
    }
    Ok(done(R::LIST, "deleted"))
}
