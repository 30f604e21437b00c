//! `/admin/news`: news items written in the back office. A list (drafts,
//! scheduled, published), and one form per item with the French and
//! English texts side by side, an optional image, and its publication:
//! every button of the page sends the whole form, so that "Save and
//! publish" or "Save and back to draft" never drops a change typed in the
//! texts. "Publish now" is a choice of its own beside a date and time. A
//! preview of the Markdown rendered by the server, with the image; a
//! private preview link for a draft, to show it to someone without an
//! account; deletion after a confirmation step.
//!
//! The form is sent as multipart (it may carry an image), on the only
//! routes that take a larger body ([`UPLOAD_LIMIT`]), through the staff
//! gate ([`StaffMultipart`]). It carries the version of the item it was
//! read at: a save over someone else's change is refused (409) with their
//! texts shown and the typed ones kept, and nothing is published.

mod check;
mod form;
mod page;
mod preview_link;
mod record;

pub use preview_link::{create as create_preview_link, withdraw as withdraw_preview_link};
pub use record::News;

use askama::Template;
use axum::response::Response;
use serde::Deserialize;
use time::OffsetDateTime;

use crate::{
    domain::news::{TextError, TextField, Translated},
    store::StaffNews,
    text::i18n::{Arg, Lang, Tr},
    web::{
        error::AppError,
        paths::admin::{self, Area},
        staff::Staff,
        state::AppState,
        view::{
            admin::{AdminContext, when},
            render,
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
fn status(tr: &Tr, zone: &crate::domain::TimeZone, item: &StaffNews, now: OffsetDateTime) -> String {
    let at = when(tr, zone, item.published.utc());
    if item.draft {
        tr.t("admin-news-status-draft")
    } else if item.published.utc() > now {
        tr.format("admin-news-status-scheduled", &[("when", Arg::Text(at.into()))])
    } else {
        tr.format("admin-news-status-published", &[("when", Arg::Text(at.into()))])
    }
}

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
    /// After a deletion, the trash, where the item can be restored.
    trash_href: Option<&'static str>,
}

#[derive(Deserialize)]
pub struct ListQuery {
    done: Option<String>,
}

/// GET `/admin/news`: every item, drafts first.
async fn list_page(state: &AppState, staff: &Staff, query: ListQuery) -> Result<Response, AppError> {
    let ctx = AdminContext::signed_in(state, staff, Some(Area::News));
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
            status: status(&ctx.tr, &ctx.zone, item, now),
            sample: item.sample,
        })
        .collect();
    let done = query.done.as_deref().and_then(done_message).map(|id| ctx.t(id));
    let trash_href = (query.done.as_deref() == Some("deleted")).then_some(admin::TRASH);
    let page = ListPage { rows, new_href: admin::NEWS_NEW, done, trash_href, ctx };
    render(&page, staff.lang)
}

/// A field's name as its Fluent messages spell it: `image-alt`.
fn message_name(field: TextField) -> String {
    field.name().replace('_', "-")
}

/// The Fluent message that says what is wrong with a text:
/// `admin-news-error-{field}-empty` or `-too-long`.
fn text_error(field: TextField, error: &TextError) -> String {
    match error {
        TextError::ControlCharacter => "admin-news-error-control".to_owned(),
        TextError::BidiControl(_) => "admin-news-error-bidi".to_owned(),
        TextError::Empty => format!("admin-news-error-{}-empty", message_name(field)),
        TextError::TooLong(_) => format!("admin-news-error-{}-too-long", message_name(field)),
    }
}

/// The Fluent message that names a field of one language:
/// `admin-news-field-{field}`.
fn field_label(field: TextField) -> String {
    format!("admin-news-field-{}", message_name(field))
}

/// The Fluent message that explains a field with a hint of its own:
/// `admin-news-hint-{field}`.
fn field_hint(field: TextField) -> Option<String> {
    field.rules().hint.then(|| format!("admin-news-hint-{}", message_name(field)))
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
        "preview-link-withdrawn" => "preview-link-done-withdrawn",
        _ => return None,
    })
}
