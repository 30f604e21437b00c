//! News items in the edit flow. The form is sent as multipart (it may
//! carry an image); every button sends the whole form, and a press may
//! ask, besides saving, to publish (now or later) or to take the item back
//! to draft: done once the texts are saved, never over someone else's
//! change.

use axum::response::{IntoResponse, Redirect, Response};
use time::OffsetDateTime;

use super::{
    ListQuery, UPLOAD_LIMIT,
    check::{Checked, check},
    field_label,
    form::{Intent, LangFields, NewsForm},
    language_name, list_page,
    page::{FormPage, PreviewLinkView, preview, preview_image},
    status,
};
use crate::{
    domain::{
        Slug,
        news::{Needed, Published, TextField, Translated},
    },
    store::{ImageChange, Saved, StaffNews},
    text::{
        collate,
        i18n::{Lang, Tr},
    },
    web::{
        edit::{Confirmation, Done, FieldErrors, FormView, Record},
        error::AppError,
        paths::admin::{self, Area},
        staff::{Staff, StaffMultipart},
        state::AppState,
        view::{admin::AdminContext, form::StoredValue, render_with_status},
    },
};

/// News items, as the edit flow keeps them.
pub struct News;

/// After the texts are saved: publishes or takes back to draft as the
/// press asked, and says where to go.
async fn then(
    state: &AppState,
    staff: &Staff,
    id: i64,
    intent: Intent,
    at: Option<OffsetDateTime>,
    now: OffsetDateTime,
) -> Result<Response, AppError> {
    let done = match intent {
        Intent::Publish => {
            let scheduled = at.is_some_and(|at| at > now);
            let at = Published::new(crate::store::instant(at.unwrap_or(now)));
            if !state.store.publish_news(id, at, &staff.actor(), now).await? {
                return Err(AppError::NotFound);
            }
            if scheduled { "scheduled" } else { "published" }
        }
        Intent::Unpublish => {
            if !state.store.unpublish_news(id, &staff.actor(), now).await? {
                return Err(AppError::NotFound);
            }
            "unpublished"
        }
        Intent::Save | Intent::Preview => {
            return Ok(Redirect::to(&format!("{}?done=saved", admin::news_item(id))).into_response());
        }
    };
    Ok(Redirect::to(&format!("{}?done={done}", admin::NEWS)).into_response())
}

/// Work for a core rather than for the async runtime — Markdown and an
/// image of hundreds of kilobytes — done on a blocking thread.
async fn aside<T: Send + 'static>(
    tr: &Tr,
    form: &NewsForm,
    work: impl FnOnce(&Tr, &NewsForm) -> T + Send + 'static,
) -> Result<T, AppError> {
    let (tr, form) = (tr.clone(), form.clone());
    tokio::task::spawn_blocking(move || work(&tr, &form)).await.map_err(|e| AppError::Internal(e.into()))
}

impl Record for News {
    type Stored = StaffNews;
    type Form = NewsForm;
    type Body = StaffMultipart;
    type Checked = Checked;
    type ListQuery = ListQuery;

    const AREA: Area = Area::News;
    const LIST: &'static str = admin::NEWS;
    const NEW: &'static str = admin::NEWS_NEW;
    const ITEM_ROUTE: &'static str = admin::NEWS_ITEM_ROUTE;
    const DELETE_ROUTE: &'static str = admin::NEWS_DELETE_ROUTE;
    const FORM_LIMIT: usize = UPLOAD_LIMIT;

    fn href(id: i64) -> String {
        admin::news_item(id)
    }

    fn delete_href(id: i64) -> String {
        admin::news_action(id, "delete")
    }

    fn id(stored: &StaffNews) -> i64 {
        stored.id
    }

    fn version(stored: &StaffNews) -> i64 {
        stored.version
    }

    async fn load(state: &AppState, id: i64) -> Result<Option<StaffNews>, AppError> {
        Ok(state.store.staff_news(id).await?)
    }

    async fn list(state: &AppState, staff: &Staff, query: ListQuery) -> Result<Response, AppError> {
        list_page(state, staff, query).await
    }

    fn blank() -> NewsForm {
        NewsForm::default()
    }

    fn form_of(state: &AppState, stored: &StaffNews) -> NewsForm {
        NewsForm::of(stored, state.config.clock.now(), &state.config.time_zone)
    }

    fn restored(staff: &Staff, action: &str) -> Option<NewsForm> {
        NewsForm::restored(staff, action)
    }

    fn posted(body: StaffMultipart) -> (Staff, NewsForm) {
        let form = NewsForm::posted(&body);
        (body.staff, form)
    }

    fn typed_version(form: &NewsForm) -> Option<&str> {
        form.version.as_deref()
    }

    fn previewing(form: &NewsForm) -> bool {
        form.intent == Intent::Preview
    }

    async fn check(
        state: &AppState,
        tr: &Tr,
        form: &NewsForm,
        current: Option<&StaffNews>,
    ) -> Result<Result<Checked, FieldErrors>, AppError> {
        let kept = current.is_some_and(|item| item.image.is_some()) && !form.remove_image;
        let has_image = form.upload.is_some() || kept;
        let zone = state.config.time_zone.clone();
        aside(tr, form, move |tr, form| check(tr, &zone, form, has_image)).await
    }

    async fn insert(
        state: &AppState,
        staff: &Staff,
        checked: &Checked,
        now: OffsetDateTime,
    ) -> Result<Saved<StaffNews>, AppError> {
        let texts = &checked.texts;
        let title = texts.fr.as_ref().or(texts.en.as_ref()).map(|t| t.title.as_str()).unwrap_or_default();
        let slug =
            Slug::parse(&collate::slug(title)).or_else(|_| Slug::parse("news")).map_err(|_| AppError::BadRequest)?;
        let image = match &checked.change {
            ImageChange::Replace(image) => Some(image),
            ImageChange::Keep | ImageChange::Remove => None,
        };
        Ok(Saved::Done(state.store.add_news(&slug, texts, image, &staff.actor(), now).await?))
    }

    async fn update(
        state: &AppState,
        staff: &Staff,
        current: &StaffNews,
        version: i64,
        checked: &Checked,
        now: OffsetDateTime,
    ) -> Result<Saved<StaffNews>, AppError> {
        // A press that only publishes or unpublishes, the texts as they
        // are stored, writes no "saved" entry; the version is checked all
        // the same.
        let unchanged = version == current.version
            && matches!(checked.change, ImageChange::Keep)
            && checked.texts.fr == current.fr
            && checked.texts.en == current.en;
        if unchanged && checked.intent != Intent::Save {
            return Ok(Saved::Done(current.id));
        }
        Ok(state.store.update_news(current.id, version, &checked.texts, &checked.change, &staff.actor(), now).await?)
    }

    async fn remove(state: &AppState, staff: &Staff, id: i64, now: OffsetDateTime) -> Result<bool, AppError> {
        Ok(state.store.delete_news(id, &staff.actor(), now).await?)
    }

    async fn saved(
        state: &AppState,
        staff: &Staff,
        done: Done,
        checked: &Checked,
        now: OffsetDateTime,
    ) -> Result<Response, AppError> {
        if done.added && checked.intent != Intent::Publish {
            return Ok(Redirect::to(&format!("{}?done=added", admin::news_item(done.id))).into_response());
        }
        then(state, staff, done.id, checked.intent, checked.at, now).await
    }

    async fn page(state: &AppState, staff: &Staff, view: FormView<'_, Self>) -> Result<Response, AppError> {
        let now = state.config.clock.now();
        let mut page = FormPage::new(state, staff, view.form, &view.errors);
        if let Some(item) = view.stored {
            page = page.for_item(item, now);
            if item.draft {
                let live = state.store.news_preview_link(item.id, now).await?;
                page.preview_link = Some(PreviewLinkView::new(&page.ctx, item.id, live.as_ref()));
            }
        }
        if view.preview {
            let image = preview_image(view.stored, view.form);
            page.preview = aside(&page.ctx.tr, view.form, move |tr, form| preview(tr, form, image.as_deref())).await?;
            page.preview_image_later = view.form.upload.is_some();
        }
        page.version = view.version.map(|version| version.to_string());
        page.conflict = view.conflict;
        page.done = view.done.as_deref().and_then(super::done_message).map(|id| page.ctx.t(id));
        render_with_status(&page, staff.lang, view.status)
    }

    fn theirs(tr: &Tr, theirs: &StaffNews, _form: &NewsForm) -> Vec<StoredValue> {
        // What the other person saved, language by language (the image's
        // texts go with the image, which is not shown).
        let mut values = Vec::new();
        for lang in Lang::ALL {
            let legend = tr.t(language_name(lang));
            let stored = LangFields::of(theirs.translation(lang));
            for field in TextField::ALL.into_iter().filter(|field| field.rules().needed != Needed::WithImage) {
                let value = stored.text(field);
                values.push(StoredValue {
                    label: format!("{} – {}", tr.t(&field_label(field)), legend),
                    value: if value.is_empty() { tr.t("admin-news-empty-value") } else { value.to_owned() },
                });
            }
        }
        values
    }

    fn deletion(ctx: &AdminContext, staff: &Staff, item: &StaffNews, now: OffsetDateTime) -> Confirmation {
        let tr = &ctx.tr;
        let languages = item.languages().iter().map(|l| tr.t(language_name(*l))).collect::<Vec<_>>().join(", ");
        Confirmation {
            id: "news-delete".into(),
            heading: "admin-news-delete-title",
            explanation: "admin-news-delete-explanation",
            confirm: "admin-news-delete-confirm",
            back: "admin-cancel",
            facts: vec![
                StoredValue { label: tr.t("admin-news-field-title"), value: item.title(staff.lang).to_owned() },
                StoredValue { label: tr.t("admin-news-column-status"), value: status(tr, &ctx.zone, item, now) },
                StoredValue { label: tr.t("admin-news-column-languages"), value: languages },
            ],
        }
    }
}
