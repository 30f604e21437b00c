//! The layers every request and response goes through, outermost first in
//! `routes::build_app`: security headers, (the page cache's layer, in
//! `web::page_cache`), compression, error pages, the bound on drawings, the
//! database's breaker, and the two-step sign-in required of everyone.

pub mod error_pages;
pub mod outage;
pub mod render_bound;
pub mod security;
pub mod two_step;
