//! What the cache keeps, and under what key: one policy per route, declared
//! here once and read by the fast path (before routing) and by the layer
//! (after it) alike.
//!
//! The fast path answers before any routing, so the policy is found by the
//! route's label, which the path gives (`paths::route_label`). A page that
//! reads query parameters reads them into its handler's struct through
//! [`PageQuery`]; the struct declares their names beside its fields
//! ([`QueryKeys`], checked against the struct's own fields by a test), and
//! the policy names that list, so that a field added to the struct keys
//! the page's entries at once. In test builds the extractor also checks
//! that the route it serves keys by them. A parameter nobody reads
//! (`?utm_source=…`) neither makes entries nor misses them, and the order
//! the parameters come in does not matter.

use std::borrow::Cow;

use axum::{
    extract::{FromRequestParts, Query, Request, rejection::QueryRejection},
    http::{Method, request::Parts},
};
use serde::de::DeserializeOwned;
use url::form_urlencoded;

use crate::{
    text::i18n::Lang,
    web::{
        middleware::security,
        paths,
        view::{
            calendar::CalendarQuery,
            directory::DirectoryQuery,
            listing::{ArchiveQuery, NewsQuery},
        },
    },
};

/// Whether a route's responses are kept, and the query parameters that
/// key them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CachePolicy {
    /// Answered afresh for every request.
    NoCaching,
    /// Kept under the path and the values of `params`, the query
    /// parameters the route reads; any other is left out of the key.
    Kept { params: &'static [&'static str] },
}

/// A handler's query struct: the names of its fields, declared beside
/// them, are the query parameters its page reads.
pub trait QueryKeys {
    const KEYS: &'static [&'static str];
}

/// A page's query string, read into its handler's struct as axum's `Query`
/// reads it. A test build also checks that the route's policy keys the page
/// by every field of the struct, so that no route reads a parameter its
/// cached entries do not tell apart.
pub struct PageQuery<T>(pub T);

impl<T, S> FromRequestParts<S> for PageQuery<T>
where
    T: QueryKeys + DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = QueryRejection;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let path = parts.uri.path();
        debug_assert!(
            CachePolicy::of_path(path).keys_by(T::KEYS),
            "the cache policy of {path} leaves out some of {:?}",
            T::KEYS
        );
        let Query(query) = Query::<T>::from_request_parts(parts, state).await?;
        Ok(PageQuery(query))
    }
}

/// Kept, whatever the query says.
const KEPT: CachePolicy = CachePolicy::Kept { params: &[] };

/// Every route's policy, by its label (`paths::route_label`).
const ROUTES: &[(&str, CachePolicy)] = &[
    ("home", KEPT),
    ("content", KEPT),
    ("directory", CachePolicy::Kept { params: DirectoryQuery::KEYS }),
    ("map", CachePolicy::Kept { params: DirectoryQuery::KEYS }),
    ("signatory", KEPT),
    ("history", KEPT),
    ("calendar", CachePolicy::Kept { params: CalendarQuery::KEYS }),
    ("event", KEPT),
    ("feed_ical", KEPT),
    ("news", CachePolicy::Kept { params: NewsQuery::KEYS }),
    ("news_item", KEPT),
    // A draft's private preview link: never kept (it answers `no-store`,
    // and is not a public address, see `public_address`).
    ("news_preview", CachePolicy::NoCaching),
    // The form to join the Pact is kept; its private links never are.
    ("join", KEPT),
    ("join_link", CachePolicy::NoCaching),
    ("feed_rss", KEPT),
    ("newsletter", KEPT),
    ("newsletter_archive", CachePolicy::Kept { params: ArchiveQuery::KEYS }),
    ("newsletter_issue", KEPT),
    ("sitemap", KEPT),
    ("open_data", KEPT),
    // Within a language (see `public_read`): the language's redirects, and
    // the 404 pages, looked for in turn as pages are.
    ("redirect", KEPT),
    ("other", KEPT),
    ("healthz", CachePolicy::NoCaching),
    ("robots", CachePolicy::NoCaching),
    ("static", CachePolicy::NoCaching),
    ("media", CachePolicy::NoCaching),
    ("admin", CachePolicy::NoCaching),
];

impl CachePolicy {
    /// The policy of the route with this label.
    pub fn of_route(label: &str) -> CachePolicy {
        ROUTES.iter().find(|(route, _)| *route == label).map_or(CachePolicy::NoCaching, |(_, policy)| *policy)
    }

    /// The policy of the route at a path: `NoCaching` outside the public
    /// site's addresses (see [`public_read`]).
    pub fn of_path(path: &str) -> CachePolicy {
        if public_address(path) { CachePolicy::of_route(paths::route_label(path)) } else { CachePolicy::NoCaching }
    }

    /// Whether every one of these query parameters tells entries apart (as
    /// nothing is kept, any does).
    pub fn keys_by(self, names: &[&str]) -> bool {
        match self {
            CachePolicy::NoCaching => true,
            CachePolicy::Kept { params } => names.iter().all(|name| params.contains(name)),
        }
    }
}

/// The longest value of a query parameter a cached page may be kept
/// under; a request with a longer one is answered, but not kept.
const MAX_PARAMETER_BYTES: usize = 200;

/// Whether a path is the public site's: the pages and feeds in a language
/// (but a draft's private preview link), the sitemap and its files, the
/// open data. Every route there is kept (a test checks it against
/// [`ROUTES`]), so that a hit without a query needs no label.
fn public_address(path: &str) -> bool {
    (Lang::from_path(path).is_some() && !paths::is_news_preview(path))
        || path == paths::SITEMAP
        || paths::SitemapFile::from_path(path).is_some()
        || path == paths::OPEN_DATA_CSV
        || path == paths::OPEN_DATA_JSON
}

/// Whether the request is a GET (or HEAD) of a public page or feed: what
/// the cache keeps, and, when it does not have it, what is drawn in turn.
pub(super) fn public_read<B>(request: &Request<B>) -> bool {
    matches!(*request.method(), Method::GET | Method::HEAD) && public_address(request.uri().path())
}

/// What a GET of a page or a feed is kept under: its path and the query
/// parameters its route's policy names, in the order of their names, so
/// that neither other parameters nor their order make entries of their
/// own. `None` when the request is not to be kept: another method, another
/// address, or a parameter too long to key by.
pub(super) fn cache_uri<B>(request: &Request<B>) -> Option<String> {
    if !public_read(request) || security::request_problem(request).is_some() {
        return None;
    }
    let path = request.uri().path();
    let Some(given) = request.uri().query() else {
        return Some(path.to_owned());
    };
    // A public address, as `public_read` found.
    let CachePolicy::Kept { params } = CachePolicy::of_route(paths::route_label(path)) else {
        return None;
    };
    // The first kept parameter alone needs no sorting, nor a list.
    let mut first = None;
    let mut kept: Vec<(Cow<'_, str>, Cow<'_, str>)> = Vec::new();
    for (name, value) in form_urlencoded::parse(given.as_bytes()) {
        if params.contains(&name.as_ref()) {
            if value.len() > MAX_PARAMETER_BYTES {
                return None;
            }
            match first {
                None => first = Some((name, value)),
                Some(_) => kept.push((name, value)),
            }
        }
    }
    let Some(first) = first else {
        return Some(path.to_owned());
    };
    let mut query = form_urlencoded::Serializer::new(String::new());
    if kept.is_empty() {
        query.append_pair(&first.0, &first.1);
    } else {
        kept.insert(0, first);
        // Stable: a repeated parameter keeps its values' order.
        kept.sort_by(|a, b| a.0.cmp(&b.0));
        for (name, value) in &kept {
            query.append_pair(name, value);
        }
    }
    Some(format!("{path}?{}", query.finish()))
}

#[cfg(test)]
mod tests {
    use std::fmt;

    use axum::body::Body;
    use serde::de::{self, Visitor};

    use super::*;
    use crate::web::paths::{NewsletterAction, Page};

    fn get(uri: &str) -> Request {
        Request::builder().uri(uri).header("host", "site.test").body(Body::empty()).expect("request")
    }

    #[test]
    fn pages_are_kept_by_the_parameters_they_read() {
        assert_eq!(cache_uri(&get("/fr/a-propos")).as_deref(), Some("/fr/a-propos"));
        // Parameters a page ignores do not make entries of their own.
        for i in 0..20_000 {
            let uri = format!("/fr/a-propos?utm_source={i}{}", "x".repeat(1000));
            assert_eq!(cache_uri(&get(&uri)).as_deref(), Some("/fr/a-propos"));
        }
        assert_eq!(
            cache_uri(&get("/en/members?utm=1&page=2&country=FR")).as_deref(),
            Some("/en/members?country=FR&page=2")
        );
        assert_eq!(cache_uri(&get("/en/members?q=a%20b")).as_deref(), Some("/en/members?q=a+b"));
        assert_eq!(cache_uri(&get("/en/members?utm=1")).as_deref(), Some("/en/members"));
        // A long value is answered, not kept.
        assert_eq!(cache_uri(&get(&format!("/en/members?q={}", "x".repeat(201)))), None);
        // Not a page, or not a GET: not kept. Nor is the back office.
        assert_eq!(cache_uri(&get("/healthz")), None);
        assert_eq!(cache_uri(&get("/admin/")), None);
        assert_eq!(cache_uri(&get("/admin/subscribers?q=a")), None);
        let post = Request::builder().method("POST").uri("/en/newsletter").body(Body::empty()).expect("request");
        assert_eq!(cache_uri(&post), None);
    }

    #[test]
    fn the_order_of_the_parameters_makes_no_entry_of_its_own() {
        let one = cache_uri(&get("/fr/adherents?country=FR&kind=city"));
        assert_eq!(one.as_deref(), Some("/fr/adherents?country=FR&kind=city"));
        assert_eq!(cache_uri(&get("/fr/adherents?kind=city&country=FR")), one);
        assert_eq!(cache_uri(&get("/fr/adherents?kind=city&utm=x&country=FR")), one);
        let all = cache_uri(&get("/en/calendar/archive?year=2026&country=FR&mode=online&page=2"));
        assert_eq!(cache_uri(&get("/en/calendar/archive?page=2&mode=online&country=FR&year=2026")), all);
        assert_eq!(all.as_deref(), Some("/en/calendar/archive?country=FR&mode=online&page=2&year=2026"));
        // A repeated parameter keeps the order of its values.
        assert_eq!(
            cache_uri(&get("/fr/adherents?kind=a&country=FR&kind=b")).as_deref(),
            Some("/fr/adherents?country=FR&kind=a&kind=b")
        );
    }

    /// The names of the fields a struct deserialises, as serde has them
    /// (renamed fields by their new name).
    fn field_names<T: DeserializeOwned>() -> &'static [&'static str] {
        /// What the deserialiser below stops with: the fields it was asked for.
        #[derive(Debug)]
        struct Fields(Option<&'static [&'static str]>);
        impl fmt::Display for Fields {
            fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(formatter, "{:?}", self.0)
            }
        }
        impl std::error::Error for Fields {}
        impl de::Error for Fields {
            fn custom<M: fmt::Display>(_: M) -> Fields {
                Fields(None)
            }
        }
        struct Names;
        impl<'de> de::Deserializer<'de> for Names {
            type Error = Fields;
            fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Fields> {
                Err(Fields(None))
            }
            fn deserialize_struct<V: Visitor<'de>>(
                self,
                _: &'static str,
                fields: &'static [&'static str],
                _: V,
            ) -> Result<V::Value, Fields> {
                Err(Fields(Some(fields)))
            }
            serde::forward_to_deserialize_any! {
                bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
                option unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier ignored_any
            }
        }
        match T::deserialize(Names) {
            Err(Fields(Some(fields))) => fields,
            _ => panic!("{} is not a struct of named fields", std::any::type_name::<T>()),
        }
    }

    fn sorted(names: &[&'static str]) -> Vec<&'static str> {
        let mut names = names.to_vec();
        names.sort_unstable();
        names
    }

    fn assert_keys_are_the_fields<T: QueryKeys + DeserializeOwned>() {
        assert_eq!(sorted(T::KEYS), sorted(field_names::<T>()), "{}", std::any::type_name::<T>());
    }

    #[test]
    fn every_query_struct_keys_the_cache_by_all_its_fields() {
        assert_keys_are_the_fields::<DirectoryQuery>();
        assert_keys_are_the_fields::<CalendarQuery>();
        assert_keys_are_the_fields::<NewsQuery>();
        assert_keys_are_the_fields::<ArchiveQuery>();
    }

    #[test]
    fn a_policy_keys_by_the_parameters_it_names() {
        let directory = CachePolicy::of_path("/fr/adherents");
        assert!(directory.keys_by(DirectoryQuery::KEYS));
        assert!(!directory.keys_by(&["year"]));
        assert!(!CachePolicy::of_path("/fr/a-propos").keys_by(&["page"]));
        assert!(CachePolicy::of_path("/admin/audit").keys_by(&["page"]));
    }

    #[test]
    fn every_route_of_the_public_site_is_kept_and_no_other() {
        let item = |page: Page, lang: Lang, item: &str| page.item_route(lang).replace("{item}", item);
        let mut public =
            vec![paths::SITEMAP.to_owned(), paths::OPEN_DATA_CSV.to_owned(), paths::OPEN_DATA_JSON.to_owned()];
        public.extend([paths::SitemapFile::Pages.path(), paths::SitemapFile::Signatories(2).path()]);
        for lang in Lang::ALL {
            public.extend([
                format!("/{lang}"),
                format!("/{lang}/no-such-page"),
                Page::About.path_with_other_slug(lang),
                paths::history_csv(lang),
                paths::calendar_feed(lang),
                paths::news_feed(lang),
                item(Page::Calendar, lang, "forum-2027.ics"),
                NewsletterAction::Confirm.token_path(lang, "ab12"),
            ]);
            let pages = [
                Page::Home,
                Page::Map,
                Page::Signatory { id: 7, slug: "lyon".into() },
                Page::CalendarArchive,
                Page::Event { fr: "forum-2027".into(), en: "forum-2027".into() },
                Page::NewsItem { slug: "2026-03-02-valmorin-joins".into() },
                Page::NewsletterArchive,
                Page::NewsletterIssue { id: 12 },
            ];
            public.extend(pages.iter().chain(&Page::SECTIONS).map(|page| page.path(lang)));
        }
        for path in &public {
            let label = paths::route_label(path);
            assert!(matches!(CachePolicy::of_path(path), CachePolicy::Kept { .. }), "{path} ({label})");
            assert!(ROUTES.iter().any(|(route, _)| *route == label), "{label} has no policy");
        }
        let private = [
            "/",
            "/healthz",
            "/robots.txt",
            "/static/site.css",
            "/media/0123abcd.jpg",
            "/admin/",
            "/wp-admin/x",
            "/fr/actualites/apercu/ab12",
            "/en/news/preview/ab12",
            "/sitemaps/signatories-0.xml",
        ];
        for path in private {
            assert_eq!(CachePolicy::of_path(path), CachePolicy::NoCaching, "{path}");
            assert_eq!(cache_uri(&get(path)), None, "{path}");
        }
    }
}
