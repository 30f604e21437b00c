//! The integration tests, in one binary: each starts the real site on a
//! random port against a fresh database and talks HTTP to it, or runs the
//! command line against that database, on SQLite and on PostgreSQL.
//!
//! - `site`: languages, the home page, errors, headers, the page cache;
//! - `pages`: the campaign's pages and the directory of signatories;
//! - `calendar`: events and their iCalendar feeds;
//! - `news`: news items, their feeds and images, `news import`/`export`;
//! - `newsletter`: sign-up, confirmation, leaving, and mail;
//! - `newsletter_sending`: an issue sent to every confirmed subscriber once,
//!   in their language; pausing, leaving and suppressed addresses.
//! - `newsletter_bounces`: `newsletter bounces` reading a Maildir or an mbox
//!   of bounces and complaints;
//! - `newsletter_archive`: the issues sent, each on its page, the mails'
//!   links to them, their recipients erased after 90 days;
//! - `outage`: the database crashes and comes back while the site runs;
//! - `command_line`: imports, exports, seeding, the server process;
//! - `metrics`: `/metrics` on its own address, and what it counts;
//! - `requests`: methods, encodings, Host, long targets, connections;
//! - `sample`: the sample data said to be sample, and removed;
//! - `admin`: the back office: sign-in, sessions, roles, subscribers, the
//!   audit log, and the `admin` commands;
//! - `accounts`: the accounts page and invitations.
//! - `admin_signatories`: staff editing signatories, one by one and by CSV file.
//! - `csv_import`: the signatories' CSV as people have it: Excel in French,
//!   French columns, the preview's every column, the templates.
//! - `history`: the counter's history, its chart, table and CSV.
//! - `map`: the map of the signatories.
//! - `two_step`: the two-step sign-in with an authenticator app, its
//!   recovery codes, and the admins' setting that requires it.
//! - `admin_pages`: staff editing the prose pages, and their revisions.
//! - `admin_events`: staff adding, editing, postponing, cancelling and deleting events.
//! - `event_changes`: an event postponed with its new date to be announced,
//!   and its French address made from its French title.
//! - `admin_news`: staff writing news: drafts, publication, scheduling, images.
//! - `news_preview`: the back office's preview with the image, and a draft's
//!   private preview link, opened without an account until it ends.
//! - `admin_lists`: the back office's lists and words: countries by name,
//!   buttons named with their account, a page's sources beside its form.
//! - `search`: the directory's word search, read through its index.
//! - `bulk_import`: large imports of signatories, and the revision they raise.
//! - `counts`: the counts the pages show, kept by the database, right after
//!   every way of writing signatories.
//! - `typed_text`: bidirectional controls refused in names, titles and
//!   addresses, and what people typed isolated wherever it is shown.
//! - `render_bound`: a flood of uncached pages meets the bound on drawings;
//!   cached pages and the back office are still answered.
//! - `page_cache`: every public page from the cache is the page as
//!   rendered; the order of a query's parameters makes no page of its own.
//! - `trash`: deleted signatories, events and news items kept 30 days,
//!   restored whole (the counter, feeds and sitemap following), erased.
//! - `audit_language`: the audit log's details told in the reader's language.
//! - `sitemap`: the sitemap's index and files within the protocol's limits,
//!   and the open data, at a hundred thousand signatories.
//! - `admin_newsletter`: the newsletter's issues in the back office: written,
//!   previewed, tested, sent by an admin, scheduled, paused and resumed.

mod common;

mod accounts;
mod admin;
mod admin_events;
mod admin_lists;
mod admin_news;
mod admin_newsletter;
mod admin_pages;
mod admin_signatories;
mod audit_language;
mod bulk_import;
mod calendar;
mod command_line;
mod counts;
mod csv_import;
mod drafts;
mod event_changes;
mod history;
mod interface_language;
mod join_pact;
mod map;
mod metrics;
mod news;
mod news_preview;
mod newsletter;
mod newsletter_archive;
mod newsletter_bounces;
mod newsletter_sending;
mod outage;
mod page_cache;
mod pages;
mod render_bound;
mod requests;
mod roles;
mod sample;
mod search;
mod site;
mod sitemap;
mod time_zone;
mod trash;
mod two_step;
mod typed_text;
