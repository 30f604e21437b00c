//! The web site. Where things live:
//!
//! - `site`: what the connections serve: the cache's ready pages on its
//!   fast path, then the router;
//! - `routes`: the route table and the order of the layers;
//! - `handlers/`: one file per area, each handler taking its own extractors;
//! - `middleware/`: the layers (security headers, error pages, the bound
//!   on drawings, the database's breaker, the two-step sign-in required);
//! - `forgery`: the forms' cross-site check; `staff`: the staff gate;
//! - `settings`: the settings the site runs with;
//! - `page_cache/`: the cache of rendered public pages: its policy per
//!   route, the fast path before routing, its layer, its entries, and the
//!   signal of the database's changes;
//! - `paged_body`: a body written a page of rows at a time (the sitemap's
//!   files, the open data); `signatories_csv_body`: the signatories' CSV
//!   so written (the open data's file, the back office's export);
//! - `view/`: what page templates carry, and the rendering of a template;
//! - `paths`: every address, in both languages;
//! - `error`: the one error type; `state`: what handlers share;
//! - `staff`: who is signed in to the back office, and its extractors;
//!   `drafts`: what a form that came too late carried, kept to be typed on;
//! - `metrics`: what the site counts, and `/metrics` on its own address;
//! - `request_log`: each request's id and log span;
//! - below them: content negotiation, conditional GET, header lists,
//!   static files, rate limits, extractors.

pub mod assets;
pub mod conditional;
pub mod drafts;
pub mod edit;
pub mod error;
pub mod extract;
pub mod forgery;
pub mod handlers;
pub mod header_list;
pub mod metrics;
pub mod middleware;
pub mod negotiate;
pub mod page_cache;
pub mod paged_body;
pub mod paths;
pub mod rate_limit;
pub mod render_bound;
pub mod request_log;
pub mod routes;
pub mod session;
pub mod settings;
pub mod signatories_csv_body;
pub mod site;
pub mod staff;
pub mod state;
pub mod view;

pub use site::Site;
pub use state::AppState;
