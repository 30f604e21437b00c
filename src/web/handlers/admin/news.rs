//! `/admin/news`: news items written in the back office. A list (drafts,
//! scheduled, published), one form with the French and English texts side
//! by side and an optional image, a preview of the Markdown rendered by
//! the server, publication at once or at a later time, back to draft, and
//! deletion after a confirmation step.
//!
//! The form is sent as multipart (it may carry an image), on the only
//! routes that take a larger body ([`UPLOAD_LIMIT`]); its token is checked
//! as [`StaffForm`] checks it. It carries the version of the item it was
//! read at: a save over someone else's change is refused (409) with their
//! texts shown and the typed ones kept.

use askama::Template;
use axum::{
    extract::{Multipart, Path, Query, State},
    http::{HeaderMap, StatusCode},
    response::{IntoResponse, Redirect, Response},
};
use serde::Deserialize;
use time::{OffsetDateTime, PrimitiveDateTime, Time, UtcOffset};

use super::{sign_in::NoFields, when};
use crate::{
    domain::{
        Slug, Title,
        news::{
            AltText, BODY_MAX_BYTES, FileName, Image, ImageError, Markdown, NewsImage, Published, SUMMARY_MAX_CHARS,
            TextError, Translation,
        },
    },
    store::{ImageChange, NewsSaved, NewsTexts, StaffNews},
    text::{
        collate,
        i18n::{Arg, Lang, Tr},
        markdown,
    },
    web::{
        error::AppError,
        middleware::csrf::same_origin,
        paths::{
            self, Page,
            admin::{self, Area},
        },
        staff::{Staff, StaffForm},
        state::AppState,
        view::{
            admin::AdminContext,
            form::{ConfirmPage, FormField, StoredValue, posted_version},
            render, render_with_status,
        },
    },
};

/// The largest body the item's form may send: an image of at most 2 MiB
/// with the texts.
pub const UPLOAD_LIMIT: usize = 3 * 1024 * 1024;

/// The Fluent message that names a language's part of the form.
fn language_name(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "admin-news-in-french",
        Lang::En => "admin-news-in-english",
    }
}

/// How an item stands for visitors, in words.
fn status(tr: &Tr, item: &StaffNews, now: OffsetDateTime) -> String {
    let at = when(tr, item.published.utc());
    if item.draft {
        tr.t("admin-news-status-draft")
    } else if item.published.utc() > now {
        tr.format("admin-news-status-scheduled", &[("when", Arg::Text(at.into()))])
    } else {
        tr.format("admin-news-status-published", &[("when", Arg::Text(at.into()))])
    }
}

// ---------------------------------------------------------------- the list

struct Row {
    href: String,
    title: String,
    languages: String,
    status: String,
    sample: bool,
}

#[derive(Template)]
#[template(path = "admin/news.html")]
struct ListPage {
    ctx: AdminContext,
    rows: Vec<Row>,
    new_href: &'static str,
    done: Option<String>,
}

#[derive(Deserialize)]
pub struct ListQuery {
    done: Option<String>,
}

/// GET `/admin/news`: every item, drafts first.
pub async fn list(
    State(state): State<AppState>,
    staff: Staff,
    Query(query): Query<ListQuery>,
) -> Result<Response, AppError> {
    let ctx = AdminContext::signed_in(&state, &staff, Some(Area::News));
    let now = state.config.clock.now();
    let rows = state
        .store
        .staff_news_list()
        .await?
        .iter()
        .map(|item| Row {
            href: admin::news_item(item.id),
            title: item.title(staff.lang).to_owned(),
            languages: item.languages().iter().map(|l| l.code().to_uppercase()).collect::<Vec<_>>().join(", "),
            status: status(&ctx.tr, item, now),
            sample: item.sample,
        })
        .collect();
    let done = query.done.as_deref().and_then(done_message).map(|id| ctx.t(id));
    let page = ListPage { rows, new_href: admin::NEWS_NEW, done, ctx };
    render(&page, staff.lang)
}

// ---------------------------------------------------------------- the form

/// One language's fields, as typed.
#[derive(Clone, Debug, Default)]
struct LangFields {
    title: String,
    summary: String,
    body: String,
    alt: String,
}

impl LangFields {
    fn of(t: Option<&Translation>) -> LangFields {
        t.map(|t| LangFields {
            title: t.title.as_str().to_owned(),
            summary: t.summary.as_str().to_owned(),
            body: t.body.as_str().to_owned(),
            alt: t.image_alt.as_ref().map(|a| a.as_str().to_owned()).unwrap_or_default(),
        })
        .unwrap_or_default()
    }

    /// Whether anything of the item's text was typed in this language.
    fn written(&self) -> bool {
        [&self.title, &self.summary, &self.body].iter().any(|text| !text.trim().is_empty())
    }
}

/// An uploaded file, as it came.
struct Upload {
    bytes: Vec<u8>,
}

/// The form's values, as posted.
#[derive(Default)]
struct NewsForm {
    fr: LangFields,
    en: LangFields,
    version: Option<String>,
    remove_image: bool,
    preview: bool,
    csrf: Option<String>,
    upload: Option<Upload>,
}

impl NewsForm {
    fn of(item: &StaffNews) -> NewsForm {
        NewsForm {
            fr: LangFields::of(item.fr.as_ref()),
            en: LangFields::of(item.en.as_ref()),
            version: Some(item.version.to_string()),
            ..NewsForm::default()
        }
    }

    fn lang(&self, lang: Lang) -> &LangFields {
        match lang {
            Lang::Fr => &self.fr,
            Lang::En => &self.en,
        }
    }

    /// Reads the multipart body; an error is the status to answer (413
    /// for a body over the limit).
    async fn read(mut multipart: Multipart) -> Result<NewsForm, StatusCode> {
        let mut form = NewsForm::default();
        while let Some(field) = multipart.next_field().await.map_err(|e| e.status())? {
            let name = field.name().unwrap_or_default().to_owned();
            if name == "image" {
                let bytes = field.bytes().await.map_err(|e| e.status())?;
                if !bytes.is_empty() {
                    form.upload = Some(Upload { bytes: bytes.to_vec() });
                }
                continue;
            }
            let text = field.text().await.map_err(|e| e.status())?;
            let (prefix, lang) = match name.rsplit_once('_') {
                Some((prefix, "fr")) => (prefix, Some(Lang::Fr)),
                Some((prefix, "en")) => (prefix, Some(Lang::En)),
                _ => (name.as_str(), None),
            };
            if let Some(lang) = lang {
                let fields = match lang {
                    Lang::Fr => &mut form.fr,
                    Lang::En => &mut form.en,
                };
                match prefix {
                    "title" => fields.title = text,
                    "summary" => fields.summary = text,
                    "body" => fields.body = text,
                    "alt" => fields.alt = text,
                    _ => {}
                }
                continue;
            }
            match prefix {
                "csrf" => form.csrf = Some(text),
                "version" => form.version = Some(text),
                "remove_image" => form.remove_image = true,
                "preview" => form.preview = true,
                _ => {}
            }
        }
        Ok(form)
    }
}

/// One language's part of the form.
struct LangSection {
    code: &'static str,
    legend: String,
    inputs: Vec<FormField>,
}

/// One language's preview: sanitised HTML.
struct PreviewSection {
    code: &'static str,
    legend: String,
    title: String,
    summary: String,
    body: String,
}

/// The item's image as the form shows it.
struct CurrentImage {
    src: String,
    alt: String,
}

/// The publication form of a stored item.
struct PublishForm {
    action: String,
    date: String,
    time: String,
    error: Option<String>,
    /// Already published or scheduled: the button says so.
    again: bool,
}

#[derive(Template)]
#[template(path = "admin/news_item.html")]
struct FormPage {
    ctx: AdminContext,
    title: String,
    action: String,
    version: Option<String>,
    status: Option<String>,
    languages: Vec<LangSection>,
    /// An error of the whole form (no language written).
    form_error: Option<String>,
    has_errors: bool,
    image: Option<CurrentImage>,
    image_error: Option<String>,
    /// A file was chosen but the form is shown again: it must be chosen again.
    image_not_kept: bool,
    preview: Vec<PreviewSection>,
    conflict: Option<Vec<StoredValue>>,
    /// What was just done, said at the top of the page.
    done: Option<String>,
    /// Part of the sample data: saved, it becomes real.
    sample: bool,
    publish: Option<PublishForm>,
    unpublish_action: Option<String>,
    public_href: Option<String>,
    delete_href: Option<String>,
    back_href: &'static str,
}

/// What is wrong with the form, field by field (by the field's id).
#[derive(Default)]
struct Errors {
    fields: Vec<(String, String)>,
    form: Option<String>,
    image: Option<String>,
}

impl Errors {
    fn is_empty(&self) -> bool {
        self.fields.is_empty() && self.form.is_none() && self.image.is_none()
    }
}

fn field_id(name: &str, lang: Lang) -> String {
    format!("news-{name}-{}", lang.code())
}

impl FormPage {
    fn new(state: &AppState, staff: &Staff, form: &NewsForm, errors: &Errors) -> FormPage {
        let ctx = AdminContext::signed_in(state, staff, Some(Area::News));
        let tr = ctx.tr.clone();
        let languages = Lang::ALL
            .into_iter()
            .map(|lang| {
                let typed = form.lang(lang);
                let input = |name: &str, value: &str, rows: Option<u32>, maxlength: usize, hint: Option<&str>| {
                    let id = field_id(name, lang);
                    FormField {
                        kind: if rows.is_some() { "textarea" } else { "text" },
                        rows: rows.unwrap_or(1),
                        maxlength: Some(maxlength),
                        lang: Some(lang.code()),
                        hint: hint.map(|h| tr.t(h)),
                        error: errors.fields.iter().find(|(f, _)| *f == id).map(|(_, m)| m.clone()),
                        ..FormField::new(id, format!("{name}_{}", lang.code()), tr.t(field_label(name)), value)
                    }
                };
                LangSection {
                    code: lang.code(),
                    legend: tr.t(language_name(lang)),
                    inputs: vec![
                        input("title", &typed.title, None, 200, None),
                        input("summary", &typed.summary, Some(4), SUMMARY_MAX_CHARS, Some("admin-news-hint-markdown")),
                        input("body", &typed.body, Some(14), BODY_MAX_BYTES, Some("admin-news-hint-markdown")),
                        input("alt", &typed.alt, None, 500, Some("admin-news-hint-alt")),
                    ],
                }
            })
            .collect();
        FormPage {
            title: tr.t("admin-news-new"),
            action: admin::NEWS_NEW.to_owned(),
            version: form.version.clone(),
            status: None,
            languages,
            form_error: errors.form.clone(),
            has_errors: !errors.is_empty(),
            image: None,
            image_error: errors.image.clone(),
            image_not_kept: form.upload.is_some(),
            preview: Vec::new(),
            conflict: None,
            done: None,
            sample: false,
            publish: None,
            unpublish_action: None,
            public_href: None,
            delete_href: None,
            back_href: admin::NEWS,
            ctx,
        }
    }

    /// The page of a stored item's form.
    fn for_item(mut self, item: &StaffNews, now: OffsetDateTime) -> FormPage {
        let lang = self.ctx.lang;
        self.title = item.title(lang).to_owned();
        self.action = admin::news_item(item.id);
        self.version = Some(item.version.to_string());
        self.sample = item.sample;
        self.status = Some(status(&self.ctx.tr, item, now));
        self.image = item.image.as_ref().map(|image| CurrentImage {
            src: paths::media(&image.hash, image.kind.extension()),
            alt: item
                .translation(lang)
                .or(item.translation(lang.other()))
                .and_then(|t| t.image_alt.as_ref())
                .map(|a| a.as_str().to_owned())
                .unwrap_or_default(),
        });
        let scheduled = !item.draft && item.published.utc() > now;
        if item.draft || scheduled {
            let at = item.published.utc();
            self.publish = Some(PublishForm {
                action: admin::news_action(item.id, "publish"),
                date: if scheduled { crate::domain::date::format(at.date()) } else { String::new() },
                time: if scheduled { format!("{:02}:{:02}", at.hour(), at.minute()) } else { String::new() },
                error: None,
                again: scheduled,
            });
        }
        if !item.draft {
            self.unpublish_action = Some(admin::news_action(item.id, "unpublish"));
        }
        if !item.draft && !scheduled {
            let shown = if item.translation(lang).is_some() { lang } else { lang.other() };
            self.public_href = Some(Page::NewsItem { slug: item.slug.to_string() }.path(shown));
        }
        self.delete_href = Some(admin::news_action(item.id, "delete"));
        self
    }

    /// The Markdown typed, rendered as the public pages will show it.
    fn with_preview(mut self, form: &NewsForm) -> FormPage {
        let tr = &self.ctx.tr;
        self.preview = Lang::ALL
            .into_iter()
            .filter(|lang| form.lang(*lang).written())
            .map(|lang| {
                let typed = form.lang(lang);
                PreviewSection {
                    code: lang.code(),
                    legend: tr.t(language_name(lang)),
                    title: typed.title.trim().to_owned(),
                    summary: markdown::to_html(&typed.summary),
                    body: markdown::to_html(&typed.body),
                }
            })
            .collect();
        self
    }
}

/// The Fluent message that says what is wrong with a text.
fn text_error(name: &str, error: &TextError) -> &'static str {
    match (name, error) {
        (_, TextError::ControlCharacter) => "admin-news-error-control",
        ("title", TextError::Empty) => "admin-news-error-title-empty",
        ("title", TextError::TooLong(_)) => "admin-news-error-title-too-long",
        ("summary", TextError::Empty) => "admin-news-error-summary-empty",
        ("summary", TextError::TooLong(_)) => "admin-news-error-summary-too-long",
        ("body", TextError::Empty) => "admin-news-error-body-empty",
        ("body", TextError::TooLong(_)) => "admin-news-error-body-too-long",
        (_, TextError::Empty) => "admin-news-error-alt-empty",
        (_, TextError::TooLong(_)) => "admin-news-error-alt-too-long",
    }
}

/// The Fluent message that names a field of one language.
fn field_label(name: &str) -> &'static str {
    match name {
        "title" => "admin-news-field-title",
        "summary" => "admin-news-field-summary",
        "body" => "admin-news-field-body",
        _ => "admin-news-field-alt",
    }
}

/// What a page says was just done, from its `?done=`.
fn done_message(done: &str) -> Option<&'static str> {
    Some(match done {
        "added" => "admin-news-done-added",
        "saved" => "admin-news-done-saved",
        "published" => "admin-news-done-published",
        "scheduled" => "admin-news-done-scheduled",
        "unpublished" => "admin-news-done-unpublished",
        "deleted" => "admin-news-done-deleted",
        _ => return None,
    })
}

/// The image the form brings: none, or one checked by its first bytes.
fn check_upload(tr: &Tr, upload: Option<&Upload>) -> Result<Option<NewsImage>, String> {
    let Some(upload) = upload else { return Ok(None) };
    let image = Image::parse(upload.bytes.clone()).map_err(|e| match e {
        ImageError::TooLarge(_) => tr.t("admin-news-error-image-too-large"),
        ImageError::NotAnImage => tr.t("admin-news-error-image-type"),
    })?;
    // Named by its content: two items' images never share a name in an export.
    let name = format!("{}.{}", &image.hash()[..16], image.kind().extension());
    let file_name = FileName::parse(&name).map_err(|_| tr.t("admin-news-error-image-type"))?;
    Ok(Some(NewsImage { file_name, image }))
}

/// The form's texts checked, given whether the item will have an image.
fn check_texts(tr: &Tr, form: &NewsForm, has_image: bool, errors: &mut Errors) -> NewsTexts {
    let mut texts = NewsTexts { fr: None, en: None };
    for lang in Lang::ALL {
        let typed = form.lang(lang);
        if !typed.written() {
            continue;
        }
        let mut error = |name: &str, message: &str| errors.fields.push((field_id(name, lang), tr.t(message)));
        let title = Title::parse(&typed.title).map_err(|e| error("title", text_error("title", &e)));
        let summary =
            Markdown::parse(&typed.summary, SUMMARY_MAX_CHARS).map_err(|e| error("summary", text_error("summary", &e)));
        let body = if typed.body.len() > BODY_MAX_BYTES {
            error("body", "admin-news-error-body-too-long");
            Err(())
        } else {
            Markdown::parse(&typed.body, usize::MAX).map_err(|e| error("body", text_error("body", &e)))
        };
        let alt = if has_image {
            AltText::parse(&typed.alt).map(Some).map_err(|e| error("alt", text_error("alt", &e)))
        } else {
            Ok(None)
        };
        if let (Ok(title), Ok(summary), Ok(body), Ok(image_alt)) = (title, summary, body, alt) {
            let translation = Translation { title, summary, body, image_alt };
            match lang {
                Lang::Fr => texts.fr = Some(translation),
                Lang::En => texts.en = Some(translation),
            }
        }
    }
    if !form.fr.written() && !form.en.written() {
        errors.form = Some(tr.t("admin-news-error-no-language"));
    }
    texts
}

/// Reads the form and checks its token: the form, or the response to give.
async fn read_form(
    state: &AppState,
    staff: &Staff,
    headers: &HeaderMap,
    multipart: Multipart,
) -> Result<NewsForm, Response> {
    let form = NewsForm::read(multipart).await.map_err(IntoResponse::into_response)?;
    let signed = form.csrf.as_deref().is_some_and(|t| state.form_key.verify_session_token(&staff.session_hash, t));
    if !(signed && same_origin(headers, &state.config.base_url)) {
        return Err(AppError::Forbidden.into_response());
    }
    Ok(form)
}

/// An item named by an address's `{id}`; any other id is not found.
async fn stored(state: &AppState, id: &str) -> Result<StaffNews, AppError> {
    let id: i64 = id.parse().map_err(|_| AppError::NotFound)?;
    state.store.staff_news(id).await?.ok_or(AppError::NotFound)
}

/// GET `/admin/news/new`: an empty form.
pub async fn new(State(state): State<AppState>, staff: Staff) -> Result<Response, AppError> {
    let page = FormPage::new(&state, &staff, &NewsForm::default(), &Errors::default());
    render(&page, staff.lang)
}

/// POST `/admin/news/new` (multipart): the preview; or a draft added; or
/// the form again with each field's message (422).
pub async fn add(
    State(state): State<AppState>,
    staff: Staff,
    headers: HeaderMap,
    multipart: Multipart,
) -> Result<Response, AppError> {
    let form = match read_form(&state, &staff, &headers, multipart).await {
        Ok(form) => form,
        Err(response) => return Ok(response),
    };
    let tr = Tr::new(staff.lang, state.locales.clone());
    if form.preview {
        let page = FormPage::new(&state, &staff, &form, &Errors::default()).with_preview(&form);
        return render(&page, staff.lang);
    }
    let mut errors = Errors::default();
    let image = check_upload(&tr, form.upload.as_ref()).unwrap_or_else(|message| {
        errors.image = Some(message);
        None
    });
    let texts = check_texts(&tr, &form, form.upload.is_some(), &mut errors);
    if !errors.is_empty() {
        let page = FormPage::new(&state, &staff, &form, &errors);
        return render_with_status(&page, staff.lang, StatusCode::UNPROCESSABLE_ENTITY);
    }
    let title = texts.fr.as_ref().or(texts.en.as_ref()).map(|t| t.title.as_str()).unwrap_or_default();
    let slug = Slug::parse(&collate::slug(title)).or_else(|_| Slug::parse("news")).map_err(|_| AppError::BadRequest)?;
    let now = state.config.clock.now();
    let id = state.store.add_news(&slug, &texts, image.as_ref(), &staff.actor(), now).await?;
    Ok(Redirect::to(&format!("{}?done=added", admin::news_item(id))).into_response())
}

#[derive(Deserialize)]
pub struct ItemQuery {
    done: Option<String>,
}

/// GET `/admin/news/{id}`: the item's form.
pub async fn edit(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    Query(query): Query<ItemQuery>,
) -> Result<Response, AppError> {
    let item = stored(&state, &id).await?;
    let form = NewsForm::of(&item);
    let mut page = FormPage::new(&state, &staff, &form, &Errors::default()).for_item(&item, state.config.clock.now());
    page.done = query.done.as_deref().and_then(done_message).map(|id| page.ctx.t(id));
    render(&page, staff.lang)
}

/// POST `/admin/news/{id}` (multipart): the preview; or saved; or the form
/// again with each field's message (422); or, when someone else saved it
/// since the form was read, refused (409) with their texts shown and the
/// typed ones kept.
pub async fn save(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    headers: HeaderMap,
    multipart: Multipart,
) -> Result<Response, AppError> {
    let form = match read_form(&state, &staff, &headers, multipart).await {
        Ok(form) => form,
        Err(response) => return Ok(response),
    };
    let current = stored(&state, &id).await?;
    let version: i64 = posted_version(form.version.as_deref())?;
    let now = state.config.clock.now();
    let tr = Tr::new(staff.lang, state.locales.clone());
    let shown = |errors: &Errors| {
        let mut page = FormPage::new(&state, &staff, &form, errors).for_item(&current, now);
        page.version = Some(version.to_string());
        page
    };
    if form.preview {
        return render(&shown(&Errors::default()).with_preview(&form), staff.lang);
    }
    let mut errors = Errors::default();
    let upload = check_upload(&tr, form.upload.as_ref()).unwrap_or_else(|message| {
        errors.image = Some(message);
        None
    });
    let has_image = form.upload.is_some() || (current.image.is_some() && !form.remove_image);
    let texts = check_texts(&tr, &form, has_image, &mut errors);
    if !errors.is_empty() {
        return render_with_status(&shown(&errors), staff.lang, StatusCode::UNPROCESSABLE_ENTITY);
    }
    let change = match upload {
        Some(image) => ImageChange::Replace(image),
        None if form.remove_image => ImageChange::Remove,
        None => ImageChange::Keep,
    };
    match state.store.update_news(current.id, version, &texts, &change, &staff.actor(), now).await? {
        NewsSaved::Done(id) => Ok(Redirect::to(&format!("{}?done=saved", admin::news_item(id))).into_response()),
        NewsSaved::NotFound => Err(AppError::NotFound),
        NewsSaved::Conflict(theirs) => {
            // What the other person saved, language by language; the form
            // keeps the typed values, at the new version, so that saving
            // again is a choice made knowingly.
            let mut values = Vec::new();
            for lang in Lang::ALL {
                let legend = tr.t(language_name(lang));
                let stored = LangFields::of(theirs.translation(lang));
                for (name, value) in [("title", stored.title), ("summary", stored.summary), ("body", stored.body)] {
                    values.push(StoredValue {
                        label: format!("{} – {}", tr.t(field_label(name)), legend),
                        value: if value.is_empty() { tr.t("admin-news-empty-value") } else { value },
                    });
                }
            }
            let mut page = FormPage::new(&state, &staff, &form, &Errors::default()).for_item(&theirs, now);
            page.conflict = Some(values);
            render_with_status(&page, staff.lang, StatusCode::CONFLICT)
        }
    }
}

// ------------------------------------------------- publishing and deleting

#[derive(Deserialize)]
pub struct PublishFields {
    #[serde(default)]
    date: String,
    #[serde(default)]
    time: String,
}

/// The moment typed (in UTC): none for "now".
fn publish_at(fields: &PublishFields) -> Result<Option<OffsetDateTime>, ()> {
    let (date, time) = (fields.date.trim(), fields.time.trim());
    if date.is_empty() && time.is_empty() {
        return Ok(None);
    }
    let date = crate::domain::date::parse(date).map_err(|_| ())?;
    let (hour, minute) = time.split_once(':').ok_or(())?;
    let (hour, minute): (u8, u8) = (hour.parse().map_err(|_| ())?, minute.parse().map_err(|_| ())?);
    let time = Time::from_hms(hour, minute, 0).map_err(|_| ())?;
    Ok(Some(PrimitiveDateTime::new(date, time).assume_offset(UtcOffset::UTC)))
}

/// POST `/admin/news/{id}/publish`: shown at once, or from the date and
/// time given (UTC); a wrong date or time: the form again (422).
pub async fn publish(
    State(state): State<AppState>,
    Path(id): Path<String>,
    StaffForm { staff, form }: StaffForm<PublishFields>,
) -> Result<Response, AppError> {
    let item = stored(&state, &id).await?;
    let now = state.config.clock.now();
    let at = match publish_at(&form) {
        Ok(at) => at,
        Err(()) => {
            let mut page = FormPage::new(&state, &staff, &NewsForm::of(&item), &Errors::default()).for_item(&item, now);
            let error = page.ctx.t("admin-news-error-publish-at");
            let publish = page.publish.get_or_insert(PublishForm {
                action: admin::news_action(item.id, "publish"),
                date: String::new(),
                time: String::new(),
                error: None,
                again: true,
            });
            publish.date = form.date.clone();
            publish.time = form.time.clone();
            publish.error = Some(error);
            return render_with_status(&page, staff.lang, StatusCode::UNPROCESSABLE_ENTITY);
        }
    };
    let scheduled = at.is_some_and(|at| at > now);
    let at = Published::new(crate::store::instant(at.unwrap_or(now)));
    if !state.store.publish_news(item.id, at, &staff.actor(), now).await? {
        return Err(AppError::NotFound);
    }
    let done = if scheduled { "scheduled" } else { "published" };
    Ok(Redirect::to(&format!("{}?done={done}", admin::NEWS)).into_response())
}

/// POST `/admin/news/{id}/unpublish`: back to draft, shown nowhere.
pub async fn unpublish(
    State(state): State<AppState>,
    Path(id): Path<String>,
    StaffForm { staff, .. }: StaffForm<NoFields>,
) -> Result<Response, AppError> {
    let id: i64 = id.parse().map_err(|_| AppError::NotFound)?;
    if !state.store.unpublish_news(id, &staff.actor(), state.config.clock.now()).await? {
        return Err(AppError::NotFound);
    }
    Ok(Redirect::to(&format!("{}?done=unpublished", admin::NEWS)).into_response())
}

/// GET `/admin/news/{id}/delete`: the confirmation step.
pub async fn confirm_delete(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let item = stored(&state, &id).await?;
    let ctx = AdminContext::signed_in(&state, &staff, Some(Area::News));
    let now = state.config.clock.now();
    let facts = vec![
        StoredValue { label: ctx.t("admin-news-field-title"), value: item.title(staff.lang).to_owned() },
        StoredValue { label: ctx.t("admin-news-column-status"), value: status(&ctx.tr, &item, now) },
        StoredValue {
            label: ctx.t("admin-news-column-languages"),
            value: item.languages().iter().map(|l| ctx.t(language_name(*l))).collect::<Vec<_>>().join(", "),
        },
    ];
    let page = ConfirmPage {
        id: "news-delete".into(),
        heading: ctx.t("admin-news-delete-title"),
        explanation: ctx.t("admin-news-delete-explanation"),
        warning: None,
        facts,
        action: admin::news_action(item.id, "delete"),
        version: None,
        confirm: ctx.t("admin-news-delete-confirm"),
        back_href: admin::news_item(item.id),
        back_label: ctx.t("admin-cancel"),
        ctx,
    };
    render(&page, staff.lang)
}

/// POST `/admin/news/{id}/delete`: deleted; the list says so.
pub async fn delete(
    State(state): State<AppState>,
    Path(id): Path<String>,
    StaffForm { staff, .. }: StaffForm<NoFields>,
) -> Result<Response, AppError> {
    let id: i64 = id.parse().map_err(|_| AppError::NotFound)?;
    if !state.store.delete_news(id, &staff.actor(), state.config.clock.now()).await? {
        return Err(AppError::NotFound);
    }
    Ok(Redirect::to(&format!("{}?done=deleted", admin::NEWS)).into_response())
}
