//! `/admin/news`: news items written in the back office. A list (drafts,
//! scheduled, published), and one form per item with the French and
//! English texts side by side, an optional image, and its publication:
//! every button of the page sends the whole form, so that "Save and
//! publish" or "Save and back to draft" never drops a change typed in the
//! texts. "Publish now" is a choice of its own beside a date and time. A
//! preview of the Markdown rendered by the server; deletion after a
//! confirmation step.
//!
//! The form is sent as multipart (it may carry an image), on the only
//! routes that take a larger body ([`UPLOAD_LIMIT`]), through the staff
//! gate ([`StaffMultipart`]). It carries the version of the item it was
//! read at: a save over someone else's change is refused (409) with their
//! texts shown and the typed ones kept, and nothing is published.

use askama::Template;
use axum::{
    extract::{Query, State},
    http::StatusCode,
    response::{IntoResponse, Redirect, Response},
};
use serde::Deserialize;
use time::{OffsetDateTime, PrimitiveDateTime, Time, UtcOffset};

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
        checks, collate,
        i18n::{Arg, Lang, Tr},
        markdown,
    },
    web::{
        error::AppError,
        extract::ItemId,
        paths::{
            self, Page,
            admin::{self, Area},
        },
        staff::{NoFields, Staff, StaffForm, StaffMultipart},
        state::AppState,
        view::{
            admin::{AdminContext, when},
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

/// What a press of one of the form's buttons asks for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum Intent {
    /// Save the texts; the item stays as it stands for visitors.
    #[default]
    Save,
    /// Show the texts as they will look; save nothing.
    Preview,
    /// Save, then publish (now, or at the moment chosen).
    Publish,
    /// Save, then take the item back to draft.
    Unpublish,
}

/// The form's values, as posted.
#[derive(Default)]
struct NewsForm {
    fr: LangFields,
    en: LangFields,
    version: Option<String>,
    remove_image: bool,
    intent: Intent,
    /// "Publish at this date and time" rather than "Publish now".
    later: bool,
    date: String,
    time: String,
    /// The image chosen, as it came.
    upload: Option<Vec<u8>>,
}

impl NewsForm {
    /// The form of a stored item: a scheduled one at its moment.
    fn of(item: &StaffNews, now: OffsetDateTime) -> NewsForm {
        let at = item.published.utc();
        let scheduled = !item.draft && at > now;
        NewsForm {
            fr: LangFields::of(item.fr.as_ref()),
            en: LangFields::of(item.en.as_ref()),
            version: Some(item.version.to_string()),
            later: scheduled,
            date: if scheduled { crate::domain::date::format(at.date()) } else { String::new() },
            time: if scheduled { format!("{:02}:{:02}", at.hour(), at.minute()) } else { String::new() },
            ..NewsForm::default()
        }
    }

    fn lang(&self, lang: Lang) -> &LangFields {
        match lang {
            Lang::Fr => &self.fr,
            Lang::En => &self.en,
        }
    }

    /// The form from its text fields as sent (or as a draft kept them),
    /// and the image chosen.
    fn from_fields(fields: &[(String, String)], upload: Option<Vec<u8>>) -> NewsForm {
        let mut form = NewsForm { upload, ..NewsForm::default() };
        for (name, text) in fields {
            let text = text.clone();
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
                "version" => form.version = Some(text),
                "remove_image" => form.remove_image = true,
                "when" => form.later = text == "later",
                "date" => form.date = text,
                "time" => form.time = text,
                "intent" => {
                    form.intent = match text.as_str() {
                        "preview" => Intent::Preview,
                        "publish" => Intent::Publish,
                        "unpublish" => Intent::Unpublish,
                        _ => Intent::Save,
                    }
                }
                _ => {}
            }
        }
        form
    }

    /// The form as the staff gate let it through.
    fn posted(posted: &StaffMultipart) -> NewsForm {
        NewsForm::from_fields(&posted.fields, posted.file("image").map(|file| file.bytes.to_vec()))
    }

    /// The form as this browser typed it before its session ended, if the
    /// page is showing the form it was sent from.
    fn restored(staff: &Staff, action: &str) -> Option<NewsForm> {
        let draft = staff.draft.as_ref().filter(|draft| draft.action == action)?;
        let mut form = NewsForm::from_fields(&draft.fields, None);
        form.intent = Intent::Save;
        Some(form)
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

/// The publication part of the form: now, or at a date and time.
struct Publication {
    later: bool,
    date: String,
    time: String,
    error: Option<String>,
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
    /// Shown for a new item, a draft and a scheduled one.
    publication: Option<Publication>,
    /// "Save and back to draft", for an item published or scheduled.
    can_unpublish: bool,
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
    publication: Option<String>,
}

impl Errors {
    fn is_empty(&self) -> bool {
        self.fields.is_empty() && self.form.is_none() && self.image.is_none() && self.publication.is_none()
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
                        // A text in Markdown is checked before it is saved: said beside it.
                        hint: hint.map(|h| match rows {
                            Some(_) => format!("{} {}", tr.t(h), tr.t("check-hint")),
                            None => tr.t(h),
                        }),
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
            publication: Some(Publication {
                later: form.later,
                date: form.date.clone(),
                time: form.time.clone(),
                error: errors.publication.clone(),
            }),
            can_unpublish: false,
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
        if !(item.draft || scheduled) {
            self.publication = None;
        }
        self.can_unpublish = !item.draft;
        if !item.draft && !scheduled {
            let shown = if item.translation(lang).is_some() { lang } else { lang.other() };
            self.public_href = Some(Page::NewsItem { slug: item.slug.to_string() }.path(shown));
        }
        self.delete_href = Some(admin::news_action(item.id, "delete"));
        self
    }
}

/// The Markdown typed, rendered as the public pages will show it.
fn preview(tr: &Tr, form: &NewsForm) -> Vec<PreviewSection> {
    Lang::ALL
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
        .collect()
}

/// Work for a core rather than for the async runtime — Markdown and an
/// image of hundreds of kilobytes — done on a blocking thread, the form
/// handed there and back.
async fn aside<T: Send + 'static>(
    tr: &Tr,
    form: NewsForm,
    work: impl FnOnce(&Tr, &NewsForm) -> T + Send + 'static,
) -> Result<(NewsForm, T), AppError> {
    let tr = tr.clone();
    tokio::task::spawn_blocking(move || {
        let done = work(&tr, &form);
        (form, done)
    })
    .await
    .map_err(|e| AppError::Internal(e.into()))
}

/// The Fluent message that says what is wrong with a text.
fn text_error(name: &str, error: &TextError) -> &'static str {
    match (name, error) {
        (_, TextError::ControlCharacter) => "admin-news-error-control",
        (_, TextError::BidiControl(_)) => "admin-news-error-bidi",
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
fn check_upload(tr: &Tr, upload: Option<&[u8]>) -> Result<Option<NewsImage>, String> {
    let Some(upload) = upload else { return Ok(None) };
    let image = Image::parse(upload.to_vec()).map_err(|e| match e {
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
        // What a tool can check of the texts' accessibility.
        let unchecked = [("summary", checks::explain(tr, &typed.summary)), ("body", checks::explain(tr, &typed.body))];
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
        let mut accessible = true;
        for (name, problems) in unchecked {
            if let Some(message) = problems {
                errors.fields.push((field_id(name, lang), message));
                accessible = false;
            }
        }
        if let (Ok(title), Ok(summary), Ok(body), Ok(image_alt), true) = (title, summary, body, alt, accessible) {
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

/// An item named by an address's `{id}`; any other id is not found.
async fn stored(state: &AppState, id: i64) -> Result<StaffNews, AppError> {
    state.store.staff_news(id).await?.ok_or(AppError::NotFound)
}

/// GET `/admin/news/new`: an empty form, or the one this browser typed
/// before its session ended.
pub async fn new(State(state): State<AppState>, staff: Staff) -> Result<Response, AppError> {
    let form = NewsForm::restored(&staff, admin::NEWS_NEW).unwrap_or_default();
    let page = FormPage::new(&state, &staff, &form, &Errors::default());
    render(&page, staff.lang)
}

/// The moment chosen to publish at, in UTC: `None` for now; `Err` when
/// "at this date and time" was chosen without a real one.
fn publish_at(form: &NewsForm) -> Result<Option<OffsetDateTime>, ()> {
    if !form.later {
        return Ok(None);
    }
    let date = crate::domain::date::parse(form.date.trim()).map_err(|_| ())?;
    let (hour, minute) = form.time.trim().split_once(':').ok_or(())?;
    let (hour, minute): (u8, u8) = (hour.parse().map_err(|_| ())?, minute.parse().map_err(|_| ())?);
    let time = Time::from_hms(hour, minute, 0).map_err(|_| ())?;
    Ok(Some(PrimitiveDateTime::new(date, time).assume_offset(UtcOffset::UTC)))
}

/// What a press asks for, checked: the texts, the image, and the moment to
/// publish at when it publishes; or each field's message.
struct Checked {
    texts: NewsTexts,
    image: Option<NewsImage>,
    at: Option<OffsetDateTime>,
}

fn check(tr: &Tr, form: &NewsForm, has_image: bool) -> Result<Checked, Errors> {
    let mut errors = Errors::default();
    let image = check_upload(tr, form.upload.as_deref()).unwrap_or_else(|message| {
        errors.image = Some(message);
        None
    });
    let texts = check_texts(tr, form, has_image, &mut errors);
    let at = if form.intent == Intent::Publish {
        publish_at(form).unwrap_or_else(|()| {
            errors.publication = Some(tr.t("admin-news-error-publish-at"));
            None
        })
    } else {
        None
    };
    if errors.is_empty() { Ok(Checked { texts, image, at }) } else { Err(errors) }
}

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

/// POST `/admin/news/new` (multipart): the preview; or a draft added, and
/// published if the press asked; or the form again with each field's
/// message (422).
pub async fn add(State(state): State<AppState>, posted: StaffMultipart) -> Result<Response, AppError> {
    let form = NewsForm::posted(&posted);
    let staff = posted.staff;
    let tr = Tr::new(staff.lang, state.locales.clone());
    if form.intent == Intent::Preview {
        let (form, sections) = aside(&tr, form, preview).await?;
        let mut page = FormPage::new(&state, &staff, &form, &Errors::default());
        page.preview = sections;
        return render(&page, staff.lang);
    }
    let has_image = form.upload.is_some();
    let (form, checked) = aside(&tr, form, move |tr, form| check(tr, form, has_image)).await?;
    let checked = match checked {
        Ok(checked) => checked,
        Err(errors) => {
            let page = FormPage::new(&state, &staff, &form, &errors);
            return render_with_status(&page, staff.lang, StatusCode::UNPROCESSABLE_ENTITY);
        }
    };
    let texts = &checked.texts;
    let title = texts.fr.as_ref().or(texts.en.as_ref()).map(|t| t.title.as_str()).unwrap_or_default();
    let slug = Slug::parse(&collate::slug(title)).or_else(|_| Slug::parse("news")).map_err(|_| AppError::BadRequest)?;
    let now = state.config.clock.now();
    let id = state.store.add_news(&slug, texts, checked.image.as_ref(), &staff.actor(), now).await?;
    if form.intent == Intent::Publish {
        return then(&state, &staff, id, Intent::Publish, checked.at, now).await;
    }
    Ok(Redirect::to(&format!("{}?done=added", admin::news_item(id))).into_response())
}

#[derive(Deserialize)]
pub struct ItemQuery {
    done: Option<String>,
}

/// GET `/admin/news/{id}`: the item's form, or the one this browser typed
/// before its session ended (at the version it was read at).
pub async fn edit(
    State(state): State<AppState>,
    staff: Staff,
    ItemId(id): ItemId,
    Query(query): Query<ItemQuery>,
) -> Result<Response, AppError> {
    let item = stored(&state, id).await?;
    let now = state.config.clock.now();
    let form = NewsForm::restored(&staff, &admin::news_item(item.id)).unwrap_or_else(|| NewsForm::of(&item, now));
    let mut page = FormPage::new(&state, &staff, &form, &Errors::default()).for_item(&item, now);
    page.version = form.version.clone();
    page.done = query.done.as_deref().and_then(done_message).map(|id| page.ctx.t(id));
    render(&page, staff.lang)
}

/// POST `/admin/news/{id}` (multipart), from any button of the form: the
/// preview; or the texts saved, then published or taken back to draft if
/// the press asked; or the form again with each field's message (422); or,
/// when someone else saved it since the form was read, refused (409) with
/// their texts shown and the typed ones kept, and nothing published.
pub async fn save(
    State(state): State<AppState>,
    ItemId(id): ItemId,
    posted: StaffMultipart,
) -> Result<Response, AppError> {
    let form = NewsForm::posted(&posted);
    let staff = posted.staff;
    let current = stored(&state, id).await?;
    let version: i64 = posted_version(form.version.as_deref())?;
    let now = state.config.clock.now();
    let tr = Tr::new(staff.lang, state.locales.clone());
    let shown = |form: &NewsForm, errors: &Errors| {
        let mut page = FormPage::new(&state, &staff, form, errors).for_item(&current, now);
        page.version = Some(version.to_string());
        page
    };
    if form.intent == Intent::Preview {
        let (form, sections) = aside(&tr, form, preview).await?;
        let mut page = shown(&form, &Errors::default());
        page.preview = sections;
        return render(&page, staff.lang);
    }
    let has_image = form.upload.is_some() || (current.image.is_some() && !form.remove_image);
    let (form, checked) = aside(&tr, form, move |tr, form| check(tr, form, has_image)).await?;
    let checked = match checked {
        Ok(checked) => checked,
        Err(errors) => {
            return render_with_status(&shown(&form, &errors), staff.lang, StatusCode::UNPROCESSABLE_ENTITY);
        }
    };
    let change = match checked.image {
        Some(image) => ImageChange::Replace(image),
        None if form.remove_image => ImageChange::Remove,
        None => ImageChange::Keep,
    };
    // A press that only publishes or unpublishes, the texts as they are
    // stored, writes no "saved" entry; the version is checked all the same.
    let unchanged = version == current.version
        && matches!(change, ImageChange::Keep)
        && checked.texts.fr == current.fr
        && checked.texts.en == current.en;
    let saved = if unchanged && form.intent != Intent::Save {
        NewsSaved::Done(current.id)
    } else {
        state.store.update_news(current.id, version, &checked.texts, &change, &staff.actor(), now).await?
    };
    match saved {
        NewsSaved::Done(id) => then(&state, &staff, id, form.intent, checked.at, now).await,
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
            page.version = Some(theirs.version.to_string());
            page.conflict = Some(values);
            render_with_status(&page, staff.lang, StatusCode::CONFLICT)
        }
    }
}

// ------------------------------------------------------------ deleting

/// GET `/admin/news/{id}/delete`: the confirmation step.
pub async fn confirm_delete(
    State(state): State<AppState>,
    staff: Staff,
    ItemId(id): ItemId,
) -> Result<Response, AppError> {
    let item = stored(&state, id).await?;
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
    ItemId(id): ItemId,
    StaffForm { staff, .. }: StaffForm<NoFields>,
) -> Result<Response, AppError> {
    if !state.store.delete_news(id, &staff.actor(), state.config.clock.now()).await? {
        return Err(AppError::NotFound);
    }
    Ok(Redirect::to(&format!("{}?done=deleted", admin::NEWS)).into_response())
}
