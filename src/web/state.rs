//! The state every handler and layer shares, cheap to clone, and the key
//! that signs the forms' tokens.

use std::{
    ops::Deref,
    sync::{Arc, Mutex},
};

use hmac::{Hmac, Mac};
use sha2::Sha256;
use time::OffsetDateTime;

use super::{assets::Assets, metrics::Metrics, page_cache::PageCache, rate_limit::Limiter, render_bound::RenderBound};
use crate::{
    infra::mail::Mailer,
    store::{Availability, Store},
    text::{hex, i18n::Locales, pages::PageTexts},
    web::settings::SiteConfig,
};

/// Everything a handler may need, behind one shared pointer: every layer
/// and handler holds a copy, and the router copies its layers for each
/// request, so a copy must cost one counter, not one per field.
#[derive(Clone)]
pub struct AppState(Arc<SiteState>);

impl AppState {
    pub fn new(state: SiteState) -> AppState {
        AppState(Arc::new(state))
    }
}

impl Deref for AppState {
    type Target = SiteState;

    fn deref(&self) -> &SiteState {
        &self.0
    }
}

/// What [`AppState`] shares.
pub struct SiteState {
    pub store: Store,
    /// Whether the database answers (the breaker): while it does not, no
    /// request waits on it.
    pub availability: Arc<Availability>,
    pub locales: Arc<Locales>,
    pub assets: Arc<Assets>,
    pub pages: Arc<PageTexts>,
    pub mailer: Arc<Mailer>,
    /// Newsletter sign-ups and requests to leave, per client.
    pub signups: Arc<Limiter>,
    /// Applications to join the Pact, per client.
    pub applications: Arc<Limiter>,
    pub form_key: Arc<FormKey>,
    pub page_cache: Arc<PageCache>,
    /// The turns to draw the pages the cache does not have.
    pub render_bound: Arc<RenderBound>,
    /// Whether the site shows sample data, and so says it.
    pub sample: Arc<SampleStatus>,
    /// What the site counts, for `/metrics`.
    pub metrics: Arc<Metrics>,
    pub config: Arc<SiteConfig>,
}

/// Whether the database holds sample rows, known for a revision: pages
/// rendered for a revision show the banner if and only if it did.
#[derive(Default)]
pub struct SampleStatus {
    /// The revision last checked, and what it held.
    known: Mutex<(Option<i64>, bool)>,
}

impl SampleStatus {
    /// Makes sure the status is the one of `revision`, asking the database
    /// when the revision moved. If it cannot answer, the last status stays.
    pub async fn ensure(&self, revision: i64, store: &Store) {
        if self.lock().0 == Some(revision) {
            return;
        }
        match store.sample_rows().await {
            Ok(rows) => *self.lock() = (Some(revision), rows.total() > 0),
            Err(error) => tracing::warn!(%error, "cannot count the sample rows"),
        }
    }

    /// Whether the site showed sample rows when last checked.
    pub fn present(&self) -> bool {
        self.lock().1
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, (Option<i64>, bool)> {
        self.known.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// Tokens are made per hour, so that a page's form is the same for every
/// visitor for an hour, and stay good for a day.
const BUCKET_SECONDS: i64 = 3600;
const VALID_BUCKETS: i64 = 24;

/// The key that signs the forms' tokens (against cross-site request
/// forgery), shared by every instance on the database.
pub struct FormKey(Vec<u8>);

impl FormKey {
    pub fn new(key: impl Into<Vec<u8>>) -> FormKey {
        FormKey(key.into())
    }

    fn mac(&self, message: &str) -> String {
        let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(&self.0) else { return String::new() };
        mac.update(message.as_bytes());
        hex::encode(&mac.finalize().into_bytes())
    }

    /// The token to put in a form now.
    pub fn token(&self, now: OffsetDateTime) -> String {
        let bucket = now.unix_timestamp().div_euclid(BUCKET_SECONDS);
        format!("{bucket}.{}", self.mac(&format!("form-token:{bucket}")))
    }

    /// Whether a form's token is one we made in the last day.
    pub fn verify(&self, token: &str, now: OffsetDateTime) -> bool {
        let Some((bucket, given)) = token.split_once('.') else { return false };
        let Ok(bucket) = bucket.parse::<i64>() else { return false };
        let current = now.unix_timestamp().div_euclid(BUCKET_SECONDS);
        if bucket > current || current - bucket > VALID_BUCKETS {
            return false;
        }
        same(&self.mac(&format!("form-token:{bucket}")), given)
    }

    /// The token of the back office's forms for a session (by the hash of
    /// its id): good for as long as the session, and for it alone.
    pub fn session_token(&self, session_hash: &str) -> String {
        self.mac(&format!("session-token:{session_hash}"))
    }

    /// Whether a form's token is the one of this session.
    pub fn verify_session_token(&self, session_hash: &str, token: &str) -> bool {
        same(&self.session_token(session_hash), token)
    }
}

/// Whether two tokens are the same, compared in constant time.
fn same(expected: &str, given: &str) -> bool {
    !expected.is_empty()
        && expected.len() == given.len()
        && expected.bytes().zip(given.bytes()).fold(0u8, |acc, (a, b)| acc | (a ^ b)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_last_a_day() {
        let key = FormKey::new(b"key".to_vec());
        let now = OffsetDateTime::from_unix_timestamp(1_800_000_000).expect("time");
        let t = key.token(now);
        assert!(key.verify(&t, now));
        assert!(key.verify(&t, now + time::Duration::hours(23)));
        assert!(!key.verify(&t, now + time::Duration::hours(26)));
        assert!(!key.verify(&t, now - time::Duration::hours(2)));
        assert!(!FormKey::new(b"other".to_vec()).verify(&t, now));
        assert!(!key.verify("", now));
        assert!(!key.verify("abc.def", now));
        // Any change to the signature is refused: flip its last digit.
        let (stamp, signature) = t.split_once('.').expect("two parts");
        assert_eq!(signature.len(), 64);
        let last = signature.chars().last().expect("a digit");
        let flipped = format!("{stamp}.{}{}", &signature[..63], if last == '0' { '1' } else { '0' });
        assert!(!key.verify(&flipped, now));
        // And so is a signature from another hour.
        let other_hour = key.token(now - time::Duration::hours(1));
        let forged = format!("{stamp}.{}", other_hour.split_once('.').expect("two parts").1);
        assert!(!key.verify(&forged, now));
    }

    #[test]
    fn session_tokens_belong_to_their_session() {
        let key = FormKey::new(b"key".to_vec());
        let token = key.session_token("a");
        assert!(key.verify_session_token("a", &token));
        assert!(!key.verify_session_token("b", &token));
        assert!(!key.verify_session_token("a", ""));
        assert!(!FormKey::new(b"other".to_vec()).verify_session_token("a", &token));
    }
}
