//! For search engines: `/sitemap.xml`, every public page with its hreflang
//! alternates, and `/robots.txt` pointing to it (and keeping robots out of
//! the back office).

use axum::{
    extract::State,
    http::{HeaderValue, header},
    response::{IntoResponse, Response},
};

use crate::{
    store,
    text::i18n::Lang,
    web::{
        error::AppError,
        paths::{self, JoinPage, Page},
        state::AppState,
    },
};

/// Escapes text for an XML element or attribute.
fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

/// Every public page with the languages it exists in: those of a fixed
/// address ([`Page::fixed`]), each signatory's, each published news item's
/// (which may exist in one language only), each event's and each issue's
/// of the newsletter's archive.
pub async fn public_pages(state: &AppState) -> Result<Vec<(Page, Vec<Lang>)>, AppError> {
    let mut pages: Vec<(Page, Vec<Lang>)> = Page::fixed().map(|p| (p, Lang::ALL.to_vec())).collect();
    for signatory in state.store.signatories().await? {
        pages.push((Page::Signatory { id: signatory.id, slug: signatory.details.slug() }, Lang::ALL.to_vec()));
    }
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

pub async fn sitemap(State(state): State<AppState>) -> Result<Response, AppError> {
    let base = &state.config.base_url;
    // The sitemap protocol's namespace (https://www.sitemaps.org/protocol.html)
    // and XHTML's, for the hreflang alternates.
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    for (page, langs) in public_pages(&state).await? {
        url_entry(&mut xml, base, |lang| page.path(lang), &langs);
    }
    // The form to join the Pact: a page of its own under the Pact's.
    url_entry(&mut xml, base, |lang| JoinPage::Form.path(lang), &Lang::ALL);
    xml.push_str("</urlset>\n");
    let mut response = xml.into_response();
    response.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/xml; charset=utf-8"));
    response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    Ok(response)
}

/// A page's `<url>` entry, in each of its languages with their alternates.
fn url_entry(xml: &mut String, base: &str, path: impl Fn(Lang) -> String, langs: &[Lang]) {
    for lang in langs {
        xml.push_str("<url><loc>");
        xml.push_str(&xml_escape(&format!("{base}{}", path(*lang))));
        xml.push_str("</loc>");
        for alternate in langs {
            xml.push_str(&format!(
                "<xhtml:link rel=\"alternate\" hreflang=\"{alternate}\" href=\"{}\"/>",
                xml_escape(&format!("{base}{}", path(*alternate)))
            ));
        }
        // A page in one language only has no default to offer.
        if langs.len() == Lang::ALL.len() {
            xml.push_str(&format!(
                "<xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"{}\"/>",
                xml_escape(&format!("{base}{}", path(Lang::DEFAULT)))
            ));
        }
        xml.push_str("</url>\n");
    }
}

pub async fn robots(State(state): State<AppState>) -> Response {
    let body = format!(
        "User-agent: *\nAllow: /\nDisallow: {}\n\nSitemap: {}/sitemap.xml\n",
        paths::admin::ROOT,
        state.config.base_url
    );
    let mut response = body.into_response();
    response.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("text/plain; charset=utf-8"));
    response
}
