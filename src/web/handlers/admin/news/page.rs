//! The news item's form as the page shows it: the French and English
//! texts side by side, the image, the publication, and what became of the
//! last press.

use askama::Template;
use time::OffsetDateTime;

use super::{
    field_hint, field_label,
    form::{FORM, IMAGE, NewsForm, PUBLICATION},
    language_name, status,
};
use crate::{
    domain::news::{TextField, TextKind, Translated},
    store::StaffNews,
    text::{
        i18n::{Lang, Tr},
        markdown,
    },
    web::{
        edit::FieldErrors,
        paths::{
            self, Page,
            admin::{self, Area},
        },
        staff::Staff,
        state::AppState,
        view::{
            admin::AdminContext,
            form::{FormField, StoredValue},
        },
    },
};

/// One language's part of the form.
struct LangSection {
    code: &'static str,
    legend: String,
    inputs: Vec<FormField>,
}

/// One language's preview: sanitised HTML.
pub(super) struct PreviewSection {
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
pub(super) struct FormPage {
    pub(super) ctx: AdminContext,
    title: String,
    action: String,
    pub(super) version: Option<String>,
    status: Option<String>,
    languages: Vec<LangSection>,
    /// An error of the whole form (no language written).
    form_error: Option<String>,
    has_errors: bool,
    image: Option<CurrentImage>,
    image_error: Option<String>,
    /// A file was chosen but the form is shown again: it must be chosen again.
    image_not_kept: bool,
    pub(super) preview: Vec<PreviewSection>,
    pub(super) conflict: Option<Vec<StoredValue>>,
    /// What was just done, said at the top of the page.
    pub(super) done: Option<String>,
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

impl FormPage {
    pub(super) fn new(state: &AppState, staff: &Staff, form: &NewsForm, errors: &FieldErrors) -> FormPage {
        let ctx = AdminContext::signed_in(state, staff, Some(Area::News));
        let tr = ctx.tr.clone();
        let languages = Lang::ALL
            .into_iter()
            .map(|lang| {
                let typed = form.lang(lang);
                let input = |field: TextField| {
                    let rules = field.rules();
                    let id = format!("news-{}-{}", field.form_name(), lang.code());
                    let name = format!("{}_{}", field.form_name(), lang.code());
                    let (kind, rows, hint) = match rules.kind {
                        // A text in Markdown is checked before it is saved: said beside it.
                        TextKind::Markdown { rows } => {
                            let hint = field_hint(field).unwrap_or_else(|| "admin-news-hint-markdown".to_owned());
                            ("textarea", rows, Some(format!("{} {}", tr.t(&hint), tr.t("check-hint"))))
                        }
                        TextKind::Line => ("text", 1, field_hint(field).map(|hint| tr.t(&hint))),
                    };
                    FormField {
                        kind,
                        rows,
                        maxlength: Some(rules.longest.limit()),
                        lang: Some(lang.code()),
                        hint,
                        error: errors.of(&name),
                        ..FormField::new(id, name, tr.t(&field_label(field)), typed.text(field))
                    }
                };
                LangSection {
                    code: lang.code(),
                    legend: tr.t(language_name(lang)),
                    inputs: TextField::ALL.into_iter().map(input).collect(),
                }
            })
            .collect();
        FormPage {
            title: tr.t("admin-news-new"),
            action: admin::NEWS_NEW.to_owned(),
            version: form.version.clone(),
            status: None,
            languages,
            form_error: errors.of(FORM),
            has_errors: !errors.is_empty(),
            image: None,
            image_error: errors.of(IMAGE),
            image_not_kept: form.upload.is_some(),
            preview: Vec::new(),
            conflict: None,
            done: None,
            sample: false,
            publication: Some(Publication {
                later: form.later,
                date: form.date.clone(),
                time: form.time.clone(),
                error: errors.of(PUBLICATION),
            }),
            can_unpublish: false,
            public_href: None,
            delete_href: None,
            back_href: admin::NEWS,
            ctx,
        }
    }

    /// The page of a stored item's form.
    pub(super) fn for_item(mut self, item: &StaffNews, now: OffsetDateTime) -> FormPage {
        let lang = self.ctx.lang;
        self.title = item.title(lang).to_owned();
        self.action = admin::news_item(item.id);
        self.version = Some(item.version.to_string());
        self.sample = item.sample;
        self.status = Some(status(&self.ctx.tr, &self.ctx.zone, item, now));
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
pub(super) fn preview(tr: &Tr, form: &NewsForm) -> Vec<PreviewSection> {
    Lang::ALL
        .into_iter()
        .filter(|lang| form.lang(*lang).written())
        .map(|lang| {
            let typed = form.lang(lang);
            PreviewSection {
                code: lang.code(),
                legend: tr.t(language_name(lang)),
                title: typed.text(TextField::Title).trim().to_owned(),
                summary: markdown::to_html(typed.text(TextField::Summary)),
                body: markdown::to_html(typed.text(TextField::Body)),
            }
        })
        .collect()
}
