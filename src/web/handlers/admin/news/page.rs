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
    store::{PreviewLink, StaffNews},
    text::{
        i18n::{Arg, Lang, Tr},
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

/// One language's preview: sanitised HTML, and the image with this
/// language's alternative text, as the public page shows them.
pub(super) struct PreviewSection {
    code: &'static str,
    legend: String,
    title: String,
    summary: String,
    image: Option<CurrentImage>,
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
    /// A file was chosen with the preview's press: not stored yet, so
    /// not in the preview (it shows once the item is saved).
    pub(super) preview_image_later: bool,
    /// The item's private preview link, for a draft.
    pub(super) preview_link: Option<PreviewLinkView>,
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
            preview_image_later: false,
            preview_link: None,
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

/// A draft's private preview link as its page shows it: the link itself
/// just after it was made (only then: its token is not kept), when it
/// ends, and the buttons to make a new one and to withdraw it.
pub(super) struct PreviewLinkView {
    /// Live: when it ends, in the secretariat's time zone.
    pub(super) expires: Option<String>,
    /// Just made: the whole address, to copy.
    pub(super) url: Option<String>,
    pub(super) create_action: String,
    pub(super) withdraw_action: String,
}

impl PreviewLinkView {
    /// For the item `id`, with its live link if it has one.
    pub(super) fn new(ctx: &AdminContext, id: i64, live: Option<&PreviewLink>) -> PreviewLinkView {
        PreviewLinkView {
            expires: live.map(|link| {
                let when = ctx.when(link.expires_at);
                ctx.tr.format("preview-link-expires", &[("when", Arg::Text(when.into()))])
            }),
            url: None,
            create_action: admin::news_action(id, "preview-link"),
            withdraw_action: admin::news_action(id, "preview-link/withdraw"),
        }
    }
}

/// The address of the image the preview shows: the item's stored image
/// (of `stored`, none for a new item), unless the form removes it. An
/// image chosen with the press is not stored yet: it is left out (an
/// address of our own is all the page's policy lets an image have), and
/// the page says it will show once saved.
pub(super) fn preview_image(stored: Option<&StaffNews>, form: &NewsForm) -> Option<String> {
    let image = stored?.image.as_ref().filter(|_| !form.remove_image)?;
    Some(paths::media(&image.hash, image.kind.extension()))
}

/// The Markdown typed, rendered as the public pages will show it, with the
/// image at `image` and the alternative text typed in each language.
pub(super) fn preview(tr: &Tr, form: &NewsForm, image: Option<&str>) -> Vec<PreviewSection> {
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
                image: image.map(|src| CurrentImage {
                    src: src.to_owned(),
                    alt: typed.text(TextField::ImageAlt).trim().to_owned(),
                }),
                body: markdown::to_html(typed.text(TextField::Body)),
            }
        })
        .collect()
}
