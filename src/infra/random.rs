//! Randomness from the operating system, for tokens and keys, and the hash
//! a token sent by mail is stored under.

use sha2::{Digest, Sha256};

use crate::text::hex;

/// `bytes` random bytes (at least 16 for a token), as hexadecimal. Fails,
/// rather than returning something guessable, when the system has no
/// randomness to give.
pub fn hex_token(bytes: usize) -> anyhow::Result<String> {
    let mut buf = vec![0u8; bytes];
    getrandom::fill(&mut buf).map_err(|e| anyhow::anyhow!("no randomness: {e}"))?;
    Ok(hex::encode(&buf))
}

/// The hash under which a token sent by mail is stored (the token itself
/// is only in the mail).
pub fn token_hash(token: &str) -> String {
    hex::encode(&Sha256::digest(token.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_hex_of_twice_the_bytes_and_differ() {
        let (a, b) = (hex_token(32).expect("random"), hex_token(32).expect("random"));
        assert!(crate::text::hex::is_hex(&a, 64), "{a}");
        assert_ne!(a, b);
    }
}
