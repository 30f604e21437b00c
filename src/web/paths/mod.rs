//! Every address of the site, in both languages: pages, feeds, the
//! newsletter's actions. The one module that knows URLs; it imports nothing
//! else of the web layer, so that routes, handlers and templates all ask it.
//!
//! `public` holds the public pages' addresses, `admin` the back office's
//! and its navigation, `sitemaps` the sitemap's files, `labels` the fixed names the metrics and the page
//! cache give addresses.

pub mod admin;
mod labels;
mod public;
mod sitemaps;

pub use labels::route_label;
pub use public::{
    EVENT_ICS_SUFFIX, HEALTH, JoinPage, MEDIA_ROUTE, METRICS, NewsletterAction, OPEN_DATA_CSV, OPEN_DATA_JSON, Page,
    ROBOTS, SITEMAP, STATIC_ROUTE, archive_slug, calendar_feed, event_page, history_csv, is_news_preview, map_slug,
    media, news_feed, news_preview, news_preview_route, newsletter_issue_route, signatory_page, static_file,
};
pub use sitemaps::{SITEMAP_FILE_ROUTE, SitemapFile};
