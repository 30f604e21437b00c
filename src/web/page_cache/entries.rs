//! The entries: rendered responses by their [`Key`], or the rendering of
//! one that the other requests asking for it wait for, within caps on their
//! number and bytes. The revision and minute in the key retire the older
//! entries as soon as a newer one is asked for.

use std::{
    collections::HashMap,
    sync::{Arc, Mutex, MutexGuard, PoisonError},
};

use axum::{
    body::Bytes,
    http::{HeaderMap, Method, StatusCode},
};
use tokio::sync::watch;

use super::signal::Revisions;
use crate::{
    store::{Availability, Store},
    web::{metrics::RouteCount, negotiate::Encoding},
};

/// What the entries may take at most, in bytes (bodies, headers and keys);
/// past this the cache starts afresh.
const MAX_BYTES: usize = 24 * 1024 * 1024;
/// The entries kept at most, however small.
const MAX_ENTRIES: usize = 10_000;
/// The largest body kept; larger ones are served but not kept.
pub const MAX_BODY: usize = 4 * 1024 * 1024;

/// What a cached response is kept under.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Key {
    pub method: Method,
    pub uri: String,
    pub encoding: Option<Encoding>,
    pub revision: i64,
    pub minute: i64,
}

/// A response as it is kept.
pub struct Cached {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Bytes,
    pub etag: String,
    /// Where its hits are counted, when it belongs to one route.
    pub counted: Option<RouteCount>,
}

/// A page in the cache, or being rendered by one request while the others
/// asking for it wait (so that a change, or a cold start under load, costs
/// one rendering and not one per visitor).
enum Slot {
    Ready(Arc<Cached>),
    Rendering(watch::Receiver<Option<Arc<Cached>>>),
}

impl Cached {
    /// What the entry takes: its body and headers.
    fn bytes(&self) -> usize {
        let headers: usize = self.headers.iter().map(|(name, value)| name.as_str().len() + value.len()).sum();
        self.body.len() + headers + self.etag.len()
    }
}

impl Key {
    /// The key of a request for `uri` in `encoding`, at `revision`, asked
    /// at `now`.
    pub fn new(
        method: &Method,
        uri: String,
        encoding: Option<Encoding>,
        revision: i64,
        now: time::OffsetDateTime,
    ) -> Key {
        Key { method: method.clone(), uri, encoding, revision, minute: Key::minute(now) }
    }

    /// The minute a page drawn at `now` is kept for (the calendar and the
    /// forms' tokens depend on the time).
    pub fn minute(now: time::OffsetDateTime) -> i64 {
        now.unix_timestamp().div_euclid(60)
    }

    fn bytes(&self) -> usize {
        self.uri.len() + std::mem::size_of::<Key>()
    }
}

/// What a slot takes, its key included.
fn slot_bytes(key: &Key, slot: &Slot) -> usize {
    key.bytes()
        + match slot {
            Slot::Ready(cached) => cached.bytes(),
            Slot::Rendering(_) => 0,
        }
}

#[derive(Default)]
struct Entries {
    slots: HashMap<Key, Slot>,
    /// The bodies' total size.
    bytes: usize,
    /// The newest revision and minute seen; older entries are dropped.
    newest: (i64, i64),
}

pub struct PageCache {
    entries: Mutex<Entries>,
    pub revisions: Revisions,
}

/// What the cache has for a key, at a glance.
pub enum EntryState {
    /// The response, ready.
    Ready(Arc<Cached>),
    /// Another request is rendering it.
    Rendering,
    /// Nothing: whoever asks must render it.
    Absent,
}

/// What the cache has for a key.
pub enum Lookup<'a> {
    /// The response, ready.
    Ready(Arc<Cached>),
    /// Another request is rendering it: wait for the result.
    Rendering(watch::Receiver<Option<Arc<Cached>>>),
    /// Nobody has: this request renders it.
    Render(Rendering<'a>),
}

impl PageCache {
    pub fn new(store: Store, busy_threshold: u64, availability: Arc<Availability>) -> PageCache {
        PageCache { entries: Mutex::default(), revisions: Revisions::start(store, busy_threshold, availability) }
    }

    fn lock(&self) -> MutexGuard<'_, Entries> {
        self.entries.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The entries and the bytes they take, as the cache counts them (for
    /// `/metrics`).
    pub fn usage(&self) -> (usize, usize) {
        let entries = self.lock();
        (entries.slots.len(), entries.bytes)
    }

    /// Finds the response, or the rendering of it to wait for, or else
    /// takes on the rendering.
    pub fn find(&self, key: &Key) -> Lookup<'_> {
        let mut entries = self.lock();
        let now = (key.revision, key.minute);
        if now > entries.newest {
            entries.newest = now;
            // The minute before stays while the revision does: should the
            // database go down now, its pages are still there to serve.
            entries.slots.retain(|key, _| key.revision == now.0 && key.minute + 1 >= now.1);
            entries.bytes = entries.slots.iter().map(|(key, slot)| slot_bytes(key, slot)).sum();
        }
        match entries.slots.get(key) {
            Some(Slot::Ready(cached)) => Lookup::Ready(cached.clone()),
            Some(Slot::Rendering(rendering)) => Lookup::Rendering(rendering.clone()),
            None => {
                let (sender, receiver) = watch::channel(None);
                entries.bytes += key.bytes();
                entries.slots.insert(key.clone(), Slot::Rendering(receiver.clone()));
                Lookup::Render(Rendering { cache: self, key: key.clone(), sender, receiver })
            }
        }
    }
}

impl PageCache {
    /// What the cache has for a key, without taking on anything. While a
    /// page is drawn again for a new minute, the page of the minute before
    /// (of the same revision, so no change is hidden) is ready: the turn
    /// of a minute does not make every reader of a busy page wait for the
    /// one drawing, holding their connections.
    pub fn peek(&self, key: &Key) -> EntryState {
        let entries = self.lock();
        match entries.slots.get(key) {
            Some(Slot::Ready(cached)) => EntryState::Ready(cached.clone()),
            Some(Slot::Rendering(_)) => {
                let before = Key { minute: key.minute - 1, ..key.clone() };
                match entries.slots.get(&before) {
                    Some(Slot::Ready(cached)) => EntryState::Ready(cached.clone()),
                    _ => EntryState::Rendering,
                }
            }
            None => EntryState::Absent,
        }
    }

    /// The last response kept for a request, whatever its minute: what is
    /// served while the database is down (its revision cannot be known).
    pub fn find_stale(&self, method: &Method, uri: &str, encoding: Option<Encoding>) -> Option<Arc<Cached>> {
        let entries = self.lock();
        let (revision, minute) = entries.newest;
        [minute, minute - 1].into_iter().find_map(|minute| {
            let key = Key { method: method.clone(), uri: uri.to_owned(), encoding, revision, minute };
            match entries.slots.get(&key) {
                Some(Slot::Ready(cached)) => Some(cached.clone()),
                _ => None,
            }
        })
    }
}

/// The duty of rendering a response: keeping it when done, or, if the
/// rendering fails or is abandoned, leaving the place for the next request.
pub struct Rendering<'a> {
    cache: &'a PageCache,
    key: Key,
    sender: watch::Sender<Option<Arc<Cached>>>,
    receiver: watch::Receiver<Option<Arc<Cached>>>,
}

impl Rendering<'_> {
    /// Keeps the response (unless it is too large), and hands it to the
    /// requests waiting for it. (Its headers hold what each hit adds: see
    /// `respond::make_room`.)
    pub fn keep(self, cached: Cached) -> Arc<Cached> {
        let cached = Arc::new(cached);
        if cached.body.len() <= MAX_BODY {
            let mut entries = self.cache.lock();
            let size = cached.bytes();
            if entries.bytes + size > MAX_BYTES || entries.slots.len() >= MAX_ENTRIES {
                entries.slots.retain(|_, slot| matches!(slot, Slot::Rendering(_)));
                entries.bytes = entries.slots.keys().map(Key::bytes).sum();
            }
            // The key is counted while it is rendered, and stays counted.
            if !entries.slots.contains_key(&self.key) {
                entries.bytes += self.key.bytes();
            }
            entries.bytes += size;
            entries.slots.insert(self.key.clone(), Slot::Ready(cached.clone()));
        }
        self.sender.send_replace(Some(cached.clone()));
        cached
    }
}

impl Drop for Rendering<'_> {
    fn drop(&mut self) {
        let mut entries = self.cache.lock();
        if let Some(Slot::Rendering(receiver)) = entries.slots.get(&self.key)
            && receiver.same_channel(&self.receiver)
        {
            entries.slots.remove(&self.key);
            entries.bytes = entries.bytes.saturating_sub(self.key.bytes());
        }
    }
}

#[cfg(test)]
mod tests {
    use axum::http::HeaderValue;

    use super::*;

    /// A page never seen, rendered and kept with a body of `size` bytes.
    fn keep(cache: &PageCache, uri: String, size: usize) {
        let key = Key { method: Method::GET, uri, encoding: None, revision: 1, minute: 0 };
        let Lookup::Render(rendering) = cache.find(&key) else { panic!("a new key is rendered") };
        rendering.keep(page(vec![b'a'; size]));
    }

    fn page(body: impl Into<Bytes>) -> Cached {
        let mut headers = HeaderMap::new();
        headers.insert("content-type", HeaderValue::from_static("text/html; charset=utf-8"));
        Cached { status: StatusCode::OK, headers, body: body.into(), etag: "\"e\"".into(), counted: None }
    }

    async fn new_cache() -> (PageCache, tempfile::TempDir) {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = Store::connect(&format!("sqlite://{}", dir.path().join("cache.db").display())).await.expect("db");
        store.migrate().await.expect("migrate");
        let availability = crate::store::Availability::new(store.clone());
        (PageCache::new(store, crate::web::page_cache::BUSY_THRESHOLD, availability), dir)
    }

    fn body_of(state: EntryState) -> Option<Bytes> {
        match state {
            EntryState::Ready(cached) => Some(cached.body.clone()),
            EntryState::Rendering | EntryState::Absent => None,
        }
    }

    #[tokio::test]
    async fn while_a_new_minute_is_drawn_the_minute_before_is_served_never_an_older_revision() {
        let (cache, _dir) = new_cache().await;
        let at = |revision, minute| Key { method: Method::GET, uri: "/fr/".into(), encoding: None, revision, minute };
        let Lookup::Render(rendering) = cache.find(&at(1, 10)) else { panic!("rendered") };
        rendering.keep(page("minute 10"));
        // Minute 11: one request draws; the others get minute 10's page.
        assert!(matches!(cache.peek(&at(1, 11)), EntryState::Absent));
        let Lookup::Render(rendering) = cache.find(&at(1, 11)) else { panic!("rendered") };
        assert_eq!(body_of(cache.peek(&at(1, 11))).as_deref(), Some(&b"minute 10"[..]));
        rendering.keep(page("minute 11"));
        assert_eq!(body_of(cache.peek(&at(1, 11))).as_deref(), Some(&b"minute 11"[..]));
        // A change: the page of the revision before is never served.
        let Lookup::Render(_rendering) = cache.find(&at(2, 11)) else { panic!("rendered") };
        assert!(matches!(cache.peek(&at(2, 11)), EntryState::Rendering));
        // Nor a page two minutes old.
        let (cache, _dir) = new_cache().await;
        let Lookup::Render(rendering) = cache.find(&at(1, 10)) else { panic!("rendered") };
        rendering.keep(page("minute 10"));
        let Lookup::Render(_rendering) = cache.find(&at(1, 12)) else { panic!("rendered") };
        assert!(matches!(cache.peek(&at(1, 12)), EntryState::Rendering));
    }

    #[tokio::test]
    async fn the_cache_stays_under_its_caps_whatever_the_keys() {
        let (cache, _dir) = new_cache().await;
        for i in 0..20_000 {
            // 20,000 distinct long keys, each kept with a small body.
            keep(&cache, format!("/fr/adherents?q={i}-{}", "x".repeat(190)), 1500);
            let (entries, bytes) = cache.usage();
            assert!(entries <= MAX_ENTRIES, "{entries} entries after {i} keys");
            assert!(bytes <= MAX_BYTES, "{bytes} bytes after {i} keys");
        }
        // Big bodies too: the bytes stay capped.
        for i in 0..100 {
            keep(&cache, format!("/fr/{i}"), MAX_BODY);
            assert!(cache.usage().1 <= MAX_BYTES);
        }
    }
}
