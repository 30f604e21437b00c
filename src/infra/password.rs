//! Password hashing: Argon2id with OWASP's parameters (19 MiB, two passes,
//! one lane), off the async runtime, since a hash takes tens of
//! milliseconds of one core by design. As many hashes at once as the
//! machine has cores, at most: the others wait a little, then are refused
//! ([`PasswordError::Busy`], a 503 asked again later), so that a flood of
//! sign-ins cannot take 19 MiB each without bound.

use std::{sync::LazyLock, time::Duration};

use argon2::{Algorithm, Argon2, Params, PasswordHasher, PasswordVerifier, Version};
use tokio::sync::{Semaphore, SemaphorePermit};

use crate::domain::Password;

/// Why a password could not be hashed or checked.
#[derive(Debug, thiserror::Error)]
pub enum PasswordError {
    /// Every turn to hash was taken for longer than [`WAIT`].
    #[error("too many passwords being checked at once")]
    Busy,
    #[error(transparent)]
    Failed(#[from] anyhow::Error),
}

/// How long a password waits for a turn to be hashed.
const WAIT: Duration = Duration::from_secs(2);

/// The turns to hash: one a core.
static TURNS: LazyLock<Semaphore> =
    LazyLock::new(|| Semaphore::new(std::thread::available_parallelism().map_or(1, usize::from)));

/// A turn of `turns`, or [`PasswordError::Busy`] after `wait`.
async fn turn(turns: &Semaphore, wait: Duration) -> Result<SemaphorePermit<'_>, PasswordError> {
    match tokio::time::timeout(wait, turns.acquire()).await {
        Ok(Ok(permit)) => Ok(permit),
        Ok(Err(closed)) => Err(PasswordError::Failed(closed.into())),
        Err(_) => Err(PasswordError::Busy),
    }
}

/// OWASP's recommended Argon2id settings (Password Storage Cheat Sheet).
fn hasher() -> Argon2<'static> {
    let params = Params::new(19 * 1024, 2, 1, None).unwrap_or(Params::DEFAULT);
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// A hash of a password no one has, with the same settings as real ones:
/// an unknown address is checked against it, so that refusing it takes as
/// long as refusing a wrong password.
const DUMMY_HASH: &str =
    "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$3iuCdROiofTr6ckUDHG+h5SzHwdUlMPRLTeZHk5m+0E";

/// The PHC string (`$argon2id$v=19$m=19456,t=2,p=1$…`) of a new password,
/// with a random salt.
pub async fn hash(password: Password) -> Result<String, PasswordError> {
    let _turn = turn(&TURNS, WAIT).await?;
    let hashed = tokio::task::spawn_blocking(move || {
        hasher()
            .hash_password(password.expose().as_bytes())
            .map(|hash| hash.to_string())
            .map_err(|e| anyhow::anyhow!("cannot hash the password: {e}"))
    })
    .await
    .map_err(anyhow::Error::from)?;
    Ok(hashed?)
}

/// Whether `candidate` is the password of `hash`; with no hash (an unknown
/// address), the same work against a dummy, and `false`.
pub async fn verify(candidate: String, hash: Option<String>) -> Result<bool, PasswordError> {
    let _turn = turn(&TURNS, WAIT).await?;
    let checked = tokio::task::spawn_blocking(move || {
        let known = hash.is_some();
        let hash = hash.unwrap_or_else(|| DUMMY_HASH.to_owned());
        let matches = hasher().verify_password(candidate.as_bytes(), hash.as_str()).is_ok();
        known && matches
    })
    .await
    .map_err(anyhow::Error::from)?;
    Ok(checked)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_password_without_a_turn_is_refused_after_the_wait() {
        let turns = Semaphore::new(1);
        let held = turn(&turns, WAIT).await.expect("the one turn");
        assert!(matches!(turn(&turns, Duration::from_millis(10)).await, Err(PasswordError::Busy)));
        drop(held);
        assert!(turn(&turns, Duration::from_millis(10)).await.is_ok(), "free again");
    }

    #[tokio::test]
    async fn hashes_verify_and_the_dummy_matches_nothing() {
        let password = Password::new("correct horse battery staple", "a@example.org").expect("a good password");
        let hash = hash(password).await.expect("a hash");
        assert!(hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{hash}");
        assert!(verify("correct horse battery staple".into(), Some(hash.clone())).await.expect("verify"));
        assert!(!verify("correct horse battery stapler".into(), Some(hash)).await.expect("verify"));
        assert!(!verify("anything".into(), None).await.expect("verify"));
        // The dummy has the settings of real hashes, so it costs the same.
        assert!(DUMMY_HASH.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
        assert!(argon2::password_hash::phc::PasswordHash::new(DUMMY_HASH).is_ok());
    }
}
