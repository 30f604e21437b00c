//! The two-step sign-in's values: the authenticator app's secret (TOTP,
//! RFC 6238: HMAC-SHA-1, 6 digits, 30-second steps, a step of drift either
//! way) and the recovery codes, each parsed once from what a person types.

use sha2::{Digest, Sha256};
use time::OffsetDateTime;
use totp_rs::{Algorithm, Builder, Totp};

use crate::text::hex;

/// The secret's length: 160 bits, as RFC 4226 recommends.
const SECRET_BYTES: usize = 20;
/// How long a code lasts.
pub const STEP_SECONDS: i64 = 30;
/// How many recovery codes an account gets.
pub const RECOVERY_CODES: usize = 10;
/// The recovery codes' letters: lower case and digits without those that
/// read alike (0 and o, 1, i and l).
const READABLE: &[u8] = b"23456789abcdefghjkmnpqrstuvwxyz";
/// A recovery code's characters, without its hyphens.
const RECOVERY_LENGTH: usize = 12;

/// An authenticator app's shared secret.
#[derive(Clone, PartialEq, Eq)]
pub struct TotpSecret(Vec<u8>);

impl std::fmt::Debug for TotpSecret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("TotpSecret(…)")
    }
}

impl TotpSecret {
    /// A new random secret; fails rather than return a guessable one.
    pub fn generate() -> anyhow::Result<TotpSecret> {
        let mut bytes = vec![0u8; SECRET_BYTES];
        getrandom::fill(&mut bytes).map_err(|e| anyhow::anyhow!("no randomness: {e}"))?;
        Ok(TotpSecret(bytes))
    }

    /// A secret as stored or typed: base32, spaces and case ignored.
    pub fn parse(text: &str) -> Option<TotpSecret> {
        let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_uppercase();
        let bytes = totp_rs::Secret::try_from_base32(&compact).ok()?;
        (bytes.as_bytes().len() >= 16).then(|| TotpSecret(bytes.as_bytes().to_vec()))
    }

    /// The secret in base32, as stored and as apps take it.
    pub fn base32(&self) -> String {
        totp_rs::Secret::new(self.0.clone().into_boxed_slice()).to_base32()
    }

    /// The secret as shown to be typed: base32 in groups of four.
    pub fn grouped(&self) -> String {
        grouped(&self.base32())
    }

    fn totp(&self, account: &str, issuer: &str) -> Option<Totp> {
        Builder::new()
            .with_algorithm(Algorithm::SHA1)
            .with_digits(6)
            .with_skew(1)
            .with_step_duration(STEP_SECONDS as u64)
            .with_secret(self.0.clone())
            .with_account_name(account.replace(':', ""))
            .with_issuer(Some(issuer.replace(':', "")))
            .build()
            .ok()
    }

    /// The `otpauth://totp/…` address an app reads from the QR code.
    pub fn uri(&self, issuer: &str, account: &str) -> Option<String> {
        self.totp(account, issuer)?.to_url().ok()
    }

    /// The code an app shows at `at`.
    pub fn code_at(&self, at: OffsetDateTime) -> String {
        self.totp("-", "-").map(|totp| totp.generate(seconds(at)).to_string()).unwrap_or_default()
    }

    /// The step a code is right for at `now` (this step, the one before or
    /// the one after), if any.
    pub fn step_of(&self, code: &TotpCode, now: OffsetDateTime) -> Option<i64> {
        let step = self.totp("-", "-")?.check(&code.0, seconds(now))?;
        i64::try_from(step).ok()
    }
}

fn seconds(at: OffsetDateTime) -> u64 {
    u64::try_from(at.unix_timestamp()).unwrap_or(0)
}

/// Text in groups of four, for reading aloud or typing.
pub fn grouped(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    chars.chunks(4).map(|chunk| chunk.iter().collect::<String>()).collect::<Vec<_>>().join(" ")
}

/// Six digits from an authenticator app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TotpCode(String);

/// A recovery code, in its canonical form (12 characters, no hyphens).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecoveryCode(String);

impl RecoveryCode {
    /// A new random code (about 59 bits).
    pub fn generate() -> anyhow::Result<RecoveryCode> {
        let mut code = String::with_capacity(RECOVERY_LENGTH);
        let limit = 256 - 256 % READABLE.len();
        while code.len() < RECOVERY_LENGTH {
            let mut bytes = [0u8; 16];
            getrandom::fill(&mut bytes).map_err(|e| anyhow::anyhow!("no randomness: {e}"))?;
            for byte in bytes.into_iter().map(usize::from).filter(|b| *b < limit) {
                if code.len() < RECOVERY_LENGTH {
                    code.push(char::from(READABLE[byte % READABLE.len()]));
                }
            }
        }
        Ok(RecoveryCode(code))
    }

    /// Ten new codes.
    pub fn generate_set() -> anyhow::Result<Vec<RecoveryCode>> {
        (0..RECOVERY_CODES).map(|_| RecoveryCode::generate()).collect()
    }

    /// A code as typed: case, spaces and hyphens ignored.
    pub fn parse(text: &str) -> Option<RecoveryCode> {
        let code: String =
            text.chars().filter(|c| !c.is_whitespace() && *c != '-').flat_map(char::to_lowercase).collect();
        let readable = code.bytes().all(|b| READABLE.contains(&b));
        (code.len() == RECOVERY_LENGTH && readable).then_some(RecoveryCode(code))
    }

    /// As shown: `xxxx-xxxx-xxxx`.
    pub fn shown(&self) -> String {
        grouped(&self.0).replace(' ', "-")
    }

    /// The SHA-256 hash under which it is stored.
    pub fn hash(&self) -> String {
        hex::encode(&Sha256::digest(self.0.as_bytes()))
    }
}

/// What a person types at the second step: a code from their app, or one
/// of their recovery codes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SecondFactor {
    App(TotpCode),
    Recovery(RecoveryCode),
}

impl SecondFactor {
    pub fn parse(text: &str) -> Option<SecondFactor> {
        let digits: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        if digits.len() == 6 && digits.bytes().all(|b| b.is_ascii_digit()) {
            return Some(SecondFactor::App(TotpCode(digits)));
        }
        RecoveryCode::parse(text).map(SecondFactor::Recovery)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn text_is_grouped_by_four() {
        assert_eq!(grouped("ABCDEFGHIJ"), "ABCD EFGH IJ");
        assert_eq!(grouped("ABCD"), "ABCD");
        assert_eq!(grouped(""), "");
    }

    #[test]
    fn a_secret_is_160_bits_and_reads_back_from_its_grouped_text() {
        let secret = TotpSecret::generate().expect("random");
        assert_eq!(secret.base32().len(), 32);
        assert_eq!(secret.grouped().split(' ').count(), 8);
        assert_eq!(TotpSecret::parse(&secret.grouped().to_lowercase()), Some(secret.clone()));
        assert_ne!(TotpSecret::generate().expect("random"), secret);
        assert_eq!(TotpSecret::parse("not base32!"), None);
        assert_eq!(TotpSecret::parse("ABCD"), None);
    }

    #[test]
    fn codes_follow_rfc_6238_and_drift_one_step() {
        // RFC 6238's SHA-1 test secret, its 8-digit value at 59 s being 94287082.
        let secret = TotpSecret::parse("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ").expect("secret");
        let at = datetime!(1970-01-01 00:00:59 UTC);
        assert_eq!(secret.code_at(at), "287082");
        let code = |text: &str| match SecondFactor::parse(text) {
            Some(SecondFactor::App(code)) => code,
            other => panic!("{other:?}"),
        };
        assert_eq!(secret.step_of(&code("287 082"), at), Some(1));
        assert_eq!(secret.step_of(&code("287082"), at + time::Duration::seconds(30)), Some(1));
        assert_eq!(secret.step_of(&code("287082"), at + time::Duration::seconds(61)), None);
        assert_eq!(secret.step_of(&code("000000"), at), None);
        let uri = secret.uri("ONE in FIVE", "ada@example.org").expect("uri");
        assert!(uri.starts_with("otpauth://totp/ONE%20in%20FIVE:ada%40example.org?secret=GEZDGNBV"), "{uri}");
    }

    #[test]
    fn recovery_codes_are_readable_and_parsed_loosely() {
        let code = RecoveryCode::generate().expect("random");
        let shown = code.shown();
        assert_eq!(shown.len(), 14);
        assert_eq!(shown.matches('-').count(), 2);
        assert!(shown.bytes().all(|b| b == b'-' || READABLE.contains(&b)), "{shown}");
        assert_eq!(RecoveryCode::parse(&shown), Some(code.clone()));
        assert_eq!(RecoveryCode::parse(&format!(" {} ", shown.to_uppercase().replace('-', " "))), Some(code.clone()));
        assert_eq!(RecoveryCode::parse("abcd-efgh-ijk1"), None);
        assert_eq!(RecoveryCode::parse("abcd-efgh-jkm"), None);
        let set = RecoveryCode::generate_set().expect("random");
        assert_eq!(set.len(), 10);
        let distinct: std::collections::HashSet<_> = set.iter().map(RecoveryCode::hash).collect();
        assert_eq!(distinct.len(), 10);
    }

    #[test]
    fn a_recovery_code_is_stored_as_the_sha256_of_its_canonical_form() {
        let code = RecoveryCode::parse("ABCD-EFGH-JKMN").expect("code");
        assert_eq!(code.hash(), hex::encode(&Sha256::digest(b"abcdefghjkmn")));
        assert_eq!(code.hash().len(), 64);
        assert_eq!(SecondFactor::parse("abcd efgh jkmn"), Some(SecondFactor::Recovery(code)));
        assert_eq!(SecondFactor::parse("12345"), None);
    }
}
