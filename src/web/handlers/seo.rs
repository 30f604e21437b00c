//! For search engines: `/sitemap.xml`, an index of the sitemap's files
//! (`paths::SitemapFile`: one of the pages that are not signatories', and
//! as many of signatories' as the protocol's limits ask for), and
//! `/robots.txt` pointing to it (and keeping robots out of the back
//! office).
//!
//! The sitemap protocol (https://www.sitemaps.org/protocol.html) allows a
//! file 50,000 addresses and 50 MB; past that, an index of files. A
//! signatories' file is written a page of rows at a time, as a stream
//! ([`paged_body`]): the cache keeps its compressed forms, which are small.
//! No `<lastmod>`: the data has no date of a page's last change.

use axum::{
    body::Body,
    extract::{Path, State},
    http::{HeaderValue, header},
    response::Response,
};

use crate::{
    domain::Signatory,
    formats::sitemap_xml::{self, MAX_BYTES, MAX_URLS, URLSET_HEAD, URLSET_TAIL},
    store::{self, StoreError},
    text::{collate::SLUG_MAX_BYTES, i18n::Lang},
    web::{
        error::AppError,
        paged_body::{PAGE_ROWS, Page as RowsPage, paged_body},
        paths::{self, JoinPage, Page, SitemapFile},
        state::AppState,
    },
};

/// An XML answer, checked again on every use (the cache keeps it until
/// the data changes).
fn xml_response(body: Body) -> Response {
    let mut response = Response::new(body);
    response.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/xml; charset=utf-8"));
    response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    response
}

/// The most signatories a file lists: each has two addresses (French and
/// English), and a file may have 50,000.
const MAX_SIGNATORIES_PER_FILE: usize = MAX_URLS / Lang::ALL.len();

/// What a signatory's entries take at most with this base address: those
/// of the longest address a signatory's page can have (an id of 19 digits,
/// the longest slug), which `url_entries` writes as 4 addresses an entry:
/// its own, 2 alternates and the default.
fn worst_signatory_bytes(base: &str) -> usize {
    let page = Page::Signatory { id: i64::MAX, slug: "a".repeat(SLUG_MAX_BYTES) };
    let mut xml = String::new();
    sitemap_xml::url_entries(&mut xml, base, |lang| page.path(lang), &Lang::ALL);
    xml.len()
}

/// How many signatories each file lists: 25,000 (50,000 addresses), unless
/// their entries at their longest would pass 50 MB. With the longest
/// addresses a signatory's two entries take 1,272 bytes plus 8 times the
/// base address's length (1,472 bytes for a base of 25, as
/// `https://oneinfive.example`): 25,000 of them are 36.8 MB. Only a base
/// address longer than 103 bytes makes the files list fewer.
pub fn signatories_per_file(base: &str) -> usize {
    let room = MAX_BYTES - URLSET_HEAD.len() - URLSET_TAIL.len();
    MAX_SIGNATORIES_PER_FILE.min(room / worst_signatory_bytes(base)).max(1)
}

/// How many signatories' files `count` signatories take.
fn signatory_files(count: i64, per_file: usize) -> u32 {
    let count = u64::try_from(count).unwrap_or(0);
    let per_file = u64::try_from(per_file).unwrap_or(u64::MAX);
    u32::try_from(count.div_ceil(per_file)).unwrap_or(u32::MAX)
}

/// `/sitemap.xml`: the index of the sitemap's files, as many signatories'
/// as their count asks for (from the counts the database keeps).
pub async fn sitemap(State(state): State<AppState>) -> Result<Response, AppError> {
    let base = &state.config.base_url;
    let count = state.store.counter().await?.signatories;
    let files = signatory_files(count, signatories_per_file(base));
    let listed = std::iter::once(SitemapFile::Pages).chain((1..=files).map(SitemapFile::Signatories));
    Ok(xml_response(Body::from(sitemap_xml::index(listed.map(|file| format!("{base}{}", file.path()))))))
}

/// `/sitemaps/{file}`: one of the files the index lists; a name it does
/// not list, or a number past the last file, is not found.
pub async fn sitemap_file(State(state): State<AppState>, Path(name): Path<String>) -> Result<Response, AppError> {
    match SitemapFile::from_name(&name).ok_or(AppError::NotFound)? {
        SitemapFile::Pages => Ok(xml_response(Body::from(pages_file(&state).await?))),
        SitemapFile::Signatories(n) => signatories_file(&state, n).await,
    }
}

/// Every public page but the signatories' with the languages it exists
/// in: those of a fixed address ([`Page::fixed`]), each published news
/// item's (which may exist in one language only), each event's and each
/// issue's of the newsletter's archive.
async fn pages(state: &AppState) -> Result<Vec<(Page, Vec<Lang>)>, AppError> {
    let mut pages: Vec<(Page, Vec<Lang>)> = Page::fixed().map(|p| (p, Lang::ALL.to_vec())).collect();
    for (slug, langs) in state.store.news_index(store::instant(state.config.clock.now())).await? {
        pages.push((Page::NewsItem { slug: slug.to_string() }, langs));
    }
    for event in state.store.events().await? {
        pages.push((paths::event_page(&event.details), Lang::ALL.to_vec()));
    }
    // An issue's page exists in both languages (in the other's text where
    // one is missing).
    for id in state.store.archived_issue_ids().await? {
        pages.push((Page::NewsletterIssue { id }, Lang::ALL.to_vec()));
    }
    Ok(pages)
}

/// The file of the pages that are not signatories', written whole: a few
/// hundred entries. News items, events and issues are written by staff
/// one by one; the file would reach the protocol's 50,000 addresses at
/// some 25,000 of them, decades of the campaign's pace. Should it ever,
/// the pages past the limits are left out (and a warning logged) rather
/// than the whole file refused.
async fn pages_file(state: &AppState) -> Result<String, AppError> {
    let base = &state.config.base_url;
    let mut xml = String::from(URLSET_HEAD);
    let mut urls = 0;
    // The form to join the Pact: a page of its own under the Pact's, last.
    let mut join_entries = String::new();
    sitemap_xml::url_entries(&mut join_entries, base, |lang| JoinPage::Form.path(lang), &Lang::ALL);
    let room = MAX_BYTES - URLSET_TAIL.len() - join_entries.len();
    let mut left_out = 0;
    for (page, langs) in pages(state).await? {
        let mut entries = String::new();
        sitemap_xml::url_entries(&mut entries, base, |lang| page.path(lang), &langs);
        if urls + langs.len() + Lang::ALL.len() > MAX_URLS || xml.len() + entries.len() > room {
            left_out += 1;
            continue;
        }
        urls += langs.len();
        xml.push_str(&entries);
    }
    if left_out > 0 {
        tracing::warn!(left_out, "the sitemap's file of pages is full: pages left out");
    }
    xml.push_str(&join_entries);
    xml.push_str(URLSET_TAIL);
    Ok(xml)
}

/// The entries of a page of signatories.
fn signatory_entries(base: &str, signatories: &[Signatory]) -> Vec<u8> {
    let mut xml = String::new();
    for signatory in signatories {
        let page = paths::signatory_page(signatory);
        sitemap_xml::url_entries(&mut xml, base, |lang| page.path(lang), &Lang::ALL);
    }
    xml.into_bytes()
}

/// Where a signatories' file is: after which id, and how many signatories
/// it has yet to list.
type FileCursor = (i64, usize);

/// A page of a signatories' file: the next signatories by id, within what
/// the file has left; the last page closes the file.
async fn signatories_page(
    store: &store::Store,
    base: &str,
    (after, left): FileCursor,
) -> Result<RowsPage<FileCursor>, StoreError> {
    let asked = left.min(usize::try_from(PAGE_ROWS).unwrap_or(1));
    let page = store.signatories_after_id(after, i64::try_from(asked).unwrap_or(PAGE_ROWS)).await?;
    let mut bytes = signatory_entries(base, &page);
    let left = left - page.len().min(left);
    let next = match page.last() {
        Some(last) if page.len() == asked && left > 0 => Some((last.id, left)),
        _ => None,
    };
    if next.is_none() {
        bytes.extend_from_slice(URLSET_TAIL.as_bytes());
    }
    Ok((bytes, next))
}

/// The `n`th file of signatories' pages: the `n`th run of
/// [`signatories_per_file`] signatories by id, found by its first id
/// (read from the primary key's index) and read a page at a time.
async fn signatories_file(state: &AppState, n: u32) -> Result<Response, AppError> {
    let base = state.config.base_url.clone();
    let per_file = signatories_per_file(&base);
    let before = i64::from(n.saturating_sub(1)).saturating_mul(i64::try_from(per_file).unwrap_or(i64::MAX));
    let first = state.store.signatory_id_at(before).await?.ok_or(AppError::NotFound)?;
    let (page, next) = signatories_page(&state.store, &base, (first.saturating_sub(1), per_file)).await?;
    let mut head = URLSET_HEAD.as_bytes().to_vec();
    head.extend(page);
    let store = state.store.clone();
    let body = paged_body(head, next, move |cursor| {
        let (store, base) = (store.clone(), base.clone());
        async move { Ok(signatories_page(&store, &base, cursor).await?) }
    });
    Ok(xml_response(body))
}

pub async fn robots(State(state): State<AppState>) -> Response {
    let body = format!(
        "User-agent: *\nAllow: /\nDisallow: {}\n\nSitemap: {}{}\n",
        paths::admin::ROOT,
        state.config.base_url,
        paths::SITEMAP
    );
    let mut response = Response::new(Body::from(body));
    response.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("text/plain; charset=utf-8"));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_signatories_file_stays_within_the_protocols_limits() {
        for base in
            ["http://127.0.0.1:8080", "https://oneinfive.example", &format!("https://{}.example", "a".repeat(400))]
        {
            let per_file = signatories_per_file(base);
            let worst = URLSET_HEAD.len() + per_file * worst_signatory_bytes(base) + URLSET_TAIL.len();
            assert!(worst <= MAX_BYTES, "{base}: {worst} bytes");
            assert!(per_file * Lang::ALL.len() <= MAX_URLS, "{base}");
        }
        assert_eq!(signatories_per_file("https://oneinfive.example"), 25_000);
        assert_eq!(worst_signatory_bytes("https://oneinfive.example"), 1_472);
        assert_eq!(worst_signatory_bytes(""), 1_272);
        let base = |len: usize| format!("https://{}", "a".repeat(len - 8));
        assert_eq!(signatories_per_file(&base(103)), 25_000);
        assert!(signatories_per_file(&base(104)) < 25_000);
    }

    #[test]
    fn the_count_makes_the_files() {
        assert_eq!(signatory_files(0, 25_000), 0);
        assert_eq!(signatory_files(1, 25_000), 1);
        assert_eq!(signatory_files(25_000, 25_000), 1);
        assert_eq!(signatory_files(25_001, 25_000), 2);
        assert_eq!(signatory_files(100_000, 25_000), 4);
        assert_eq!(signatory_files(-1, 25_000), 0);
    }
}
