//! The newsletter's archive: the issues whose sending has begun, latest
//! first, and each issue's page, in the page's language or, for an issue
//! not written in it, in the other one with a line that says so. An issue
//! mail's "read it on the site" link leads to its page.

use askama::Template;
use axum::{extract::State, response::Response};

use crate::{
    store::{self, NewsletterIssue},
    text::{
        i18n::{Lang, Tr},
        markdown,
    },
    web::{
        error::AppError,
        extract::{ItemId, PageLanguages},
        page_cache::PageQuery,
        paths::Page,
        state::AppState,
        view::{
            PageContext,
            cards::datetime_attr,
            listing::{ArchiveQuery, Pagination, Wording, page_number, pages_through},
            render_remembering,
        },
    },
};

/// Issues on one page of the archive.
pub const PAGE_SIZE: i64 = 20;

/// The archive goes from the latest issue to the oldest.
const WORDING: Wording = Wording {
    label: "newsletter-archive-pagination-label",
    previous: "newsletter-archive-newer",
    next: "newsletter-archive-older",
};

fn list_href(lang: Lang, page: i64) -> String {
    let path = Page::NewsletterArchive.path(lang);
    if page > 1 { format!("{path}?page={page}") } else { path }
}

/// An issue as the archive's list shows it.
struct IssueEntry {
    href: String,
    subject: String,
    /// The language of the subject, when it is not the page's.
    other_lang: Option<Lang>,
    date: String,
    datetime: String,
}

/// When an issue began to be sent, in the secretariat's time zone: its
/// date as the page writes it, and the machine-readable time.
fn sent_on(state: &AppState, tr: &Tr, issue: &NewsletterIssue) -> (String, String) {
    let started = issue.started_at.unwrap_or(issue.updated_at);
    let local = state.config.time_zone.local(store::instant(started));
    (tr.date(local.date()), datetime_attr(local))
}

impl IssueEntry {
    fn new(state: &AppState, tr: &Tr, lang: Lang, issue: &NewsletterIssue) -> IssueEntry {
        let (text_lang, text) = issue.texts.for_reader(lang);
        let (date, datetime) = sent_on(state, tr, issue);
        IssueEntry {
            href: Page::NewsletterIssue { id: issue.id }.path(lang),
            subject: text.subject.as_str().to_owned(),
            other_lang: (text_lang != lang).then_some(text_lang),
            date,
            datetime,
        }
    }
}

#[derive(Template)]
#[template(path = "newsletter_archive.html")]
struct ArchivePage {
    ctx: PageContext,
    issues: Vec<IssueEntry>,
    pagination: Option<Pagination>,
}

/// `/fr/lettre-d-information/archives`, `/en/newsletter/archive`: the
/// issues whose sending has begun, latest first, 20 a page.
pub async fn list(
    State(state): State<AppState>,
    PageLanguages { lang, cookie }: PageLanguages,
    PageQuery(query): PageQuery<ArchiveQuery>,
) -> Result<Response, AppError> {
    let page = page_number(query.page.as_deref())?;
    let total = state.store.archived_issue_count().await?;
    let pages = pages_through(total, PAGE_SIZE, page)?;
    let issues = state.store.archived_issues(PAGE_SIZE, (page - 1) * PAGE_SIZE).await?;
    let title = state.locales.format(lang, "newsletter-archive-title", None);
    let mut ctx = PageContext::for_page(&state, lang, Page::NewsletterArchive, &title);
    if page > 1 {
        ctx.canonical = Some(format!("{}{}", state.config.base_url, list_href(lang, page)));
    }
    let tr = ctx.tr.clone();
    let template = ArchivePage {
        issues: issues.iter().map(|issue| IssueEntry::new(&state, &tr, lang, issue)).collect(),
        pagination: Pagination::new(&tr, &WORDING, page, pages, |p| list_href(lang, p)),
        ctx,
    };
    render_remembering(&template, lang, cookie)
}

#[derive(Template)]
#[template(path = "newsletter_issue.html")]
struct IssuePage {
    ctx: PageContext,
    subject: String,
    /// The language of the text, when it is not the page's.
    other_lang: Option<Lang>,
    date: String,
    datetime: String,
    /// Sanitised HTML.
    body: String,
    back_href: String,
}

/// `/fr/lettre-d-information/archives/{id}`, `/en/newsletter/archive/{id}`:
/// an issue whose sending has begun (any other is not found), in the
/// page's language, or in the other one when it has no text in this one.
pub async fn issue(
    State(state): State<AppState>,
    PageLanguages { lang, cookie }: PageLanguages,
    ItemId(id): ItemId,
) -> Result<Response, AppError> {
    let issue = state.store.archived_issue(id).await?.ok_or(AppError::NotFound)?;
    let (text_lang, text) = issue.texts.for_reader(lang);
    let ctx = PageContext::for_page(&state, lang, Page::NewsletterIssue { id }, text.subject.as_str());
    let (date, datetime) = sent_on(&state, &ctx.tr, &issue);
    let template = IssuePage {
        subject: text.subject.as_str().to_owned(),
        other_lang: (text_lang != lang).then_some(text_lang),
        date,
        datetime,
        body: markdown::to_html(text.body.as_str()),
        back_href: Page::NewsletterArchive.path(lang),
        ctx,
    };
    render_remembering(&template, lang, cookie)
}
