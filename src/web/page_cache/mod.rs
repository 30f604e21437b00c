//! The cache of rendered public pages and feeds.
//!
//! A page is kept under its address (its path and the query parameters it
//! reads, in the order of their names), the encoding it is sent in, the
//! database's revision and the minute it was rendered in. A change
//! anywhere — this instance, another one, the command line, SQL typed by
//! hand — raises the revision (a trigger does it), and a page of an older
//! revision is never served; some pages depend on the time (the calendar's
//! upcoming events, the forms' tokens), hence the minute.
//!
//! - `policy`: what is kept, and by which query parameters: one policy per
//!   route (`CachePolicy`), read by the fast path and the layer alike,
//!   the parameters named by each handler's query struct (`QueryKeys`),
//!   which it reads through [`PageQuery`].
//! - `fast_path`: [`answer_at_once`] and [`answer_later`], on the fast path
//!   (`web::site`), answer the pages the cache has ready before any routing.
//! - `layer`: [`layer`], which the router installs, renders a missing page
//!   once for everyone asking for it, and keeps it.
//! - `entries`: the entries themselves (`PageCache`, `Key`), within
//!   caps on their number and their bytes.
//! - `signal` and `fingerprint`: the revision as each request learns it
//!   (`Revisions`) without reading it every time; the store reads it
//!   (`Store::revision`) and says how the database tells of its changes.
//! - `respond`: a kept response as each request gets it (304 included);
//!   `bounded`: a rendered body read no further than what is kept.

mod bounded;
mod entries;
mod fast_path;
mod fingerprint;
mod layer;
mod policy;
mod respond;
mod signal;

pub use entries::PageCache;
pub use fast_path::{answer_at_once, answer_later};
pub use layer::layer;
pub use policy::{PageQuery, QueryKeys};
pub use signal::BUSY_THRESHOLD;
