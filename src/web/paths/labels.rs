//! Each address's kind in one of a few fixed words, for the metrics and
//! the page cache's policy.

use super::{
    HEALTH, JoinPage, NewsletterAction, OPEN_DATA_CSV, OPEN_DATA_JSON, Page, ROBOTS, SITEMAP, admin, archive_slug,
    map_slug,
    public::{history_file, news_preview_slug},
    sitemaps::SitemapFile,
};
use crate::text::i18n::Lang;

/// What kind of address a path is, in one of a few fixed words, for the
/// metrics and the page cache's policy (`page_cache::policy`): every
/// signatory's page is `signatory`, every news item's `news_item`, and a
/// path the site has no route for is `other`, so that the number of labels
/// stays the same whatever paths visitors ask for.
pub fn route_label(path: &str) -> &'static str {
    match path {
        "/" => "redirect",
        HEALTH => "healthz",
        SITEMAP => "sitemap",
        _ if SitemapFile::from_path(path).is_some() => "sitemap",
        ROBOTS => "robots",
        OPEN_DATA_CSV | OPEN_DATA_JSON => "open_data",
        _ if path.strip_prefix("/static/").is_some_and(one_segment) => "static",
        _ if path.strip_prefix("/media/").is_some_and(one_segment) => "media",
        _ if admin::contains(path) => "admin",
        _ => Lang::ALL.into_iter().find_map(|lang| localized_route_label(lang, path)).unwrap_or("other"),
    }
}

/// The label of a path under `/{lang}`, as [`route_label`] gives it, or
/// `None` when the path is not in that language.
fn localized_route_label(lang: Lang, path: &str) -> Option<&'static str> {
    let rest = path.strip_prefix('/')?.strip_prefix(lang.code())?;
    let Some(rest) = rest.strip_prefix('/') else {
        return rest.is_empty().then_some("redirect");
    };
    if rest.is_empty() {
        return Some("home");
    }
    if rest.strip_suffix(".rss") == Some(Page::News.section_slug(lang)) {
        return Some("feed_rss");
    }
    if rest.strip_suffix(".ics") == Some(Page::Calendar.section_slug(lang)) {
        return Some("feed_ical");
    }
    let (first, item) = match rest.split_once('/') {
        Some((first, item)) => (first, Some(item)),
        None => (rest, None),
    };
    let newsletter_link = |item: &str| {
        [NewsletterAction::Confirm, NewsletterAction::Unsubscribe].into_iter().any(|action| {
            item.strip_prefix(action.slug(lang)).and_then(|token| token.strip_prefix('/')).is_some_and(one_segment)
        })
    };
    let Some(section) = Page::SECTIONS.into_iter().find(|page| page.section_slug(lang) == first) else {
        let other_slug = Page::SECTIONS.iter().any(|page| page.section_slug(lang.other()) == first);
        return Some(if other_slug && item.is_none() { "redirect" } else { "other" });
    };
    Some(match (section, item) {
        (
            Page::About
            | Page::Aims
            | Page::Pact
            | Page::Privacy
            | Page::Legal
            | Page::Accessibility
            | Page::Contact
            | Page::Help,
            None,
        ) => "content",
        (Page::Pact, Some(item)) if item == JoinPage::slug(lang) => "join",
        (Page::Pact, Some(item))
            if item.strip_prefix(JoinPage::slug(lang)).is_some_and(|rest| rest.starts_with('/')) =>
        {
            "join_link"
        }
        (Page::Directory, None) => "directory",
        (Page::Directory, Some(item)) if item == map_slug(lang) => "map",
        (Page::Directory, Some(item)) if item == history_file(lang) => "history",
        (Page::Directory, Some(item)) if one_segment(item) => "signatory",
        (Page::Calendar, None) => "calendar",
        (Page::Calendar, Some(item)) if item == archive_slug(lang) => "calendar",
        (Page::Calendar, Some(item)) if one_segment(item) => "event",
        (Page::News, None) => "news",
        (Page::News, Some(item)) if one_segment(item) => "news_item",
        (Page::News, Some(item))
            if item
                .strip_prefix(news_preview_slug(lang))
                .and_then(|t| t.strip_prefix('/'))
                .is_some_and(one_segment) =>
        {
            "news_preview"
        }
        (Page::Newsletter, None) => "newsletter",
        (Page::Newsletter, Some(item)) if item == archive_slug(lang) => "newsletter_archive",
        (Page::Newsletter, Some(item))
            if item.strip_prefix(archive_slug(lang)).and_then(|id| id.strip_prefix('/')).is_some_and(one_segment) =>
        {
            "newsletter_issue"
        }
        (Page::Newsletter, Some(item)) if item == NewsletterAction::Leave.slug(lang) || newsletter_link(item) => {
            "newsletter"
        }
        _ => "other",
    })
}

/// Whether a rest of a path is one non-empty segment: `lyon`, not `a/b`.
fn one_segment(rest: &str) -> bool {
    !rest.is_empty() && !rest.contains('/')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::web::paths::{calendar_feed, history_csv, media, news_feed, news_preview, static_file};

    #[test]
    fn every_route_has_its_label_in_both_languages() {
        let item = |page: Page, lang: Lang, item: &str| page.item_route(lang).replace("{item}", item);
        for lang in Lang::ALL {
            let cases = [
                (format!("/{lang}"), "redirect"),
                (Page::Home.path(lang), "home"),
                (Page::About.path(lang), "content"),
                (Page::Aims.path(lang), "content"),
                (Page::Pact.path(lang), "content"),
                (JoinPage::Form.path(lang), "join"),
                (JoinPage::Status.token_path(lang, "ab12"), "join_link"),
                (JoinPage::Confirm.token_path(lang, "ab12"), "join_link"),
                (Page::Privacy.path(lang), "content"),
                (Page::Legal.path(lang), "content"),
                (Page::Accessibility.path(lang), "content"),
                (Page::About.path_with_other_slug(lang), "redirect"),
                (Page::Directory.path(lang), "directory"),
                (Page::Signatory { id: 7, slug: "lyon".into() }.path(lang), "signatory"),
                (Page::Map.path(lang), "map"),
                (history_csv(lang), "history"),
                (Page::Calendar.path(lang), "calendar"),
                (Page::CalendarArchive.path(lang), "calendar"),
                (Page::Event { fr: "forum-2027".into(), en: "forum-2027".into() }.path(lang), "event"),
                (item(Page::Calendar, lang, "forum-2027.ics"), "event"),
                (calendar_feed(lang), "feed_ical"),
                (Page::News.path(lang), "news"),
                (Page::NewsItem { slug: "2026-03-02-valmorin-joins".into() }.path(lang), "news_item"),
                (news_feed(lang), "feed_rss"),
                (news_preview(lang, "ab12"), "news_preview"),
                (Page::Newsletter.path(lang), "newsletter"),
                (NewsletterAction::Leave.path(lang), "newsletter"),
                (NewsletterAction::Confirm.token_path(lang, "ab12"), "newsletter"),
                (NewsletterAction::Unsubscribe.token_path(lang, "ab12"), "newsletter"),
                (Page::NewsletterArchive.path(lang), "newsletter_archive"),
                (Page::NewsletterIssue { id: 12 }.path(lang), "newsletter_issue"),
            ];
            for (path, label) in cases {
                assert_eq!(route_label(&path), label, "{path}");
            }
        }
        assert_eq!(route_label("/"), "redirect");
        assert_eq!(route_label(HEALTH), "healthz");
        assert_eq!(route_label(SITEMAP), "sitemap");
        assert_eq!(route_label(&SitemapFile::Pages.path()), "sitemap");
        assert_eq!(route_label(&SitemapFile::Signatories(3).path()), "sitemap");
        assert_eq!(route_label("/sitemaps/signatories-03.xml"), "other");
        assert_eq!(route_label(ROBOTS), "robots");
        assert_eq!(route_label(OPEN_DATA_CSV), "open_data");
        assert_eq!(route_label(OPEN_DATA_JSON), "open_data");
        assert_eq!(route_label(&static_file("site.css")), "static");
        assert_eq!(route_label(&media("0123abcd", "jpg")), "media");
        assert_eq!(route_label(admin::ROOT), "admin");
        assert_eq!(route_label(&admin::subscriber(12)), "admin");
        assert_eq!(route_label("/administration"), "other");
    }

    #[test]
    fn any_other_path_is_other() {
        let long = format!("/fr/adherents/{}/x", "a".repeat(10_000));
        let hostile = [
            "",
            "//",
            "/metrics",
            "/fr//",
            "/fr/adherents/",
            "/fr/adherents/7/edit",
            "/en/members/../../etc/passwd",
            "/fr/actualites.rss/x",
            "/fr/actualites/apercu/",
            "/fr/actualites/apercu/ab12/x",
            "/en/news/apercu/ab12",
            "/fr/calendrier/archives/2026",
            "/fr/lettre-d-information/confirmer",
            "/fr/lettre-d-information/confirmer/",
            "/fr/lettre-d-information/confirm/ab12",
            "/fr/lettre-d-information/desabonner/ab12/x",
            "/fr/lettre-d-information/archives/",
            "/fr/lettre-d-information/archives/12/x",
            "/fr/lettre-d-information/archive/12",
            "/fr/about/x",
            "/de/",
            "/FR/",
            "/frx/adherents",
            "/fr%2Fadherents",
            "/static/",
            "/static/a/b",
            "/media/",
            "/healthz/",
            "/wp-admin/install.php",
            "/fr/\u{0}",
            &long,
        ];
        for path in hostile {
            assert_eq!(route_label(path), "other", "{path}");
        }
    }
}
