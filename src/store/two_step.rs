//! The two-step sign-in: an account's authenticator secret (pending, then
//! confirmed), the last step whose code was accepted (so that no code is
//! accepted twice), its recovery codes (hashed, each used once), the
//! sign-ins waiting for their second step, and the admins' setting that
//! requires the two-step sign-in of everyone.

use sqlx::FromRow;
use time::{Duration, OffsetDateTime};

use super::{
    Account, Actor, AuditDetails, AuditKind, BeginWrite, LOCKOUT_AFTER, LOCKOUT_FOR, Store, StoreError,
    accounts::{SignInMethod, locked, open_session},
    audit, instant,
};
use crate::domain::two_step::TotpSecret;

/// How long a sign-in waits for its second step.
pub const PENDING_LIFETIME: Duration = Duration::minutes(5);

/// The setting that requires the two-step sign-in of everyone.
const TWO_STEP_REQUIRED: &str = "two_step_required";

/// An account's two-step sign-in.
#[derive(Clone, Debug)]
pub struct TwoStep {
    /// The secret: pending until `on`.
    pub secret: Option<TotpSecret>,
    pub on: bool,
    /// The recovery codes not used yet.
    pub codes_left: i64,
}

/// What a pending sign-in's token finds.
#[derive(Clone, Debug)]
pub enum PendingSignIn {
    /// Waiting for the second step of this account.
    Waiting(Account),
    /// Too late: the person signs in again.
    Expired,
    Unknown,
}

const DELETE_CODES: &str = "DELETE FROM recovery_codes WHERE account_id = $1";
const INSERT_CODE: &str = "INSERT INTO recovery_codes (account_id, code_hash) VALUES ($1, $2)";

impl Store {
    /// An account's two-step sign-in; `None` when there is no such account.
    pub async fn two_step(&self, account_id: i64) -> Result<Option<TwoStep>, StoreError> {
        const FIND: &str = "SELECT totp_secret, totp_confirmed_at, \
            (SELECT count(*) FROM recovery_codes r WHERE r.account_id = a.id AND r.used_at IS NULL) AS codes_left \
            FROM accounts a WHERE id = $1";
        #[derive(FromRow)]
        struct Row {
            totp_secret: Option<String>,
            totp_confirmed_at: Option<OffsetDateTime>,
            codes_left: i64,
        }
        let row: Option<Row> =
            on_pool!(self, pool => sqlx::query_as(FIND).bind(account_id).fetch_optional(pool).await)?;
        row.map(|row| {
            let secret = match &row.totp_secret {
                Some(text) => Some(
                    TotpSecret::parse(text)
                        .ok_or_else(|| StoreError::Corrupt(format!("account {account_id}: TOTP secret")))?,
                ),
                None => None,
            };
            Ok(TwoStep { on: row.totp_confirmed_at.is_some() && secret.is_some(), secret, codes_left: row.codes_left })
        })
        .transpose()
    }

    /// Keeps a new secret, pending until confirmed; `false` when the
    /// two-step sign-in is on already (or there is no such account).
    pub async fn begin_two_step(&self, account_id: i64, secret: &TotpSecret) -> Result<bool, StoreError> {
        const UPDATE: &str = "UPDATE accounts SET totp_secret = $1, totp_last_step = NULL \
            WHERE id = $2 AND totp_confirmed_at IS NULL";
        let done = on_pool!(self, pool => sqlx::query(UPDATE).bind(secret.base32()).bind(account_id)
            .execute(pool).await?.rows_affected() > 0);
        Ok(done)
    }

    /// Turns the two-step sign-in on with the pending `secret`, whose code
    /// of `step` was just typed, and keeps the recovery codes' hashes;
    /// `false` when that secret is no longer the pending one.
    pub async fn confirm_two_step(
        &self,
        account_id: i64,
        secret: &TotpSecret,
        step: i64,
        code_hashes: &[String],
        actor: &Actor,
        now: OffsetDateTime,
    ) -> Result<bool, StoreError> {
        const CONFIRM: &str = "UPDATE accounts SET totp_confirmed_at = $1, totp_last_step = $2 \
            WHERE id = $3 AND totp_secret = $4 AND totp_confirmed_at IS NULL RETURNING email";
        let now = instant(now);
        let done = on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let email: Option<(String,)> = sqlx::query_as(CONFIRM).bind(now).bind(step).bind(account_id)
                .bind(secret.base32()).fetch_optional(&mut *tx).await?;
            if let Some((email,)) = &email {
                sqlx::query(DELETE_CODES).bind(account_id).execute(&mut *tx).await?;
                for hash in code_hashes {
                    sqlx::query(INSERT_CODE).bind(account_id).bind(hash).execute(&mut *tx).await?;
                }
                let text = format!("{email}: {} recovery codes", code_hashes.len());
                let details = AuditDetails::new().text("email", email.as_str()).count("codes", code_hashes.len());
                audit::record(&mut *tx, now, actor.email(), AuditKind::TwoStepOn, &details, &text).await?;
            }
            tx.commit().await?;
            email.is_some()
        });
        Ok(done)
    }

    /// Accepts a code of `step` for an account: `false` when a code of
    /// that step or a later one was accepted already (a replay).
    pub async fn accept_step(&self, account_id: i64, step: i64) -> Result<bool, StoreError> {
        const ACCEPT: &str = "UPDATE accounts SET totp_last_step = $1 WHERE id = $2 \
            AND totp_confirmed_at IS NOT NULL AND (totp_last_step IS NULL OR totp_last_step < $1)";
        let done = on_pool!(self, pool => sqlx::query(ACCEPT).bind(step).bind(account_id)
            .execute(pool).await?.rows_affected() > 0);
        Ok(done)
    }

    /// Uses a recovery code, once: `false` when the account has no such
    /// code unused.
    pub async fn use_recovery_code(
        &self,
        account_id: i64,
        code_hash: &str,
        actor: &Actor,
        now: OffsetDateTime,
    ) -> Result<bool, StoreError> {
        const USE: &str = "UPDATE recovery_codes SET used_at = $1 \
            WHERE account_id = $2 AND code_hash = $3 AND used_at IS NULL";
        const LEFT: &str = "SELECT count(*) FROM recovery_codes WHERE account_id = $1 AND used_at IS NULL";
        let now = instant(now);
        let done = on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let done = sqlx::query(USE).bind(now).bind(account_id).bind(code_hash).execute(&mut *tx).await?
                .rows_affected() > 0;
            if done {
                let (left,): (i64,) = sqlx::query_as(LEFT).bind(account_id).fetch_one(&mut *tx).await?;
                let text = format!("{left} left");
                let details = AuditDetails::new().count("left", left);
                audit::record(&mut *tx, now, actor.email(), AuditKind::RecoveryCodeUsed, &details, &text).await?;
            }
            tx.commit().await?;
            done
        });
        Ok(done)
    }

    /// Replaces an account's recovery codes with a new set; `false` when
    /// its two-step sign-in is off.
    pub async fn replace_recovery_codes(
        &self,
        account_id: i64,
        code_hashes: &[String],
        actor: &Actor,
        now: OffsetDateTime,
    ) -> Result<bool, StoreError> {
        const ON: &str = "SELECT email FROM accounts WHERE id = $1 AND totp_confirmed_at IS NOT NULL";
        let now = instant(now);
        let done = on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let email: Option<(String,)> = sqlx::query_as(ON).bind(account_id).fetch_optional(&mut *tx).await?;
            if let Some((email,)) = &email {
                sqlx::query(DELETE_CODES).bind(account_id).execute(&mut *tx).await?;
                for hash in code_hashes {
                    sqlx::query(INSERT_CODE).bind(account_id).bind(hash).execute(&mut *tx).await?;
                }
                let text = format!("{email}: {} new recovery codes", code_hashes.len());
                let details = AuditDetails::new().text("email", email.as_str()).count("codes", code_hashes.len());
                audit::record(&mut *tx, now, actor.email(), AuditKind::RecoveryCodesRenewed, &details, &text).await?;
            }
            tx.commit().await?;
            email.is_some()
        });
        Ok(done)
    }

    /// Turns an account's two-step sign-in off (or forgets a pending
    /// set-up): the secret, the recovery codes and the sign-ins waiting
    /// for a second step go. `false` when it was not on.
    pub async fn turn_off_two_step(
        &self,
        account_id: i64,
        actor: &Actor,
        now: OffsetDateTime,
    ) -> Result<bool, StoreError> {
        const OFF: &str = "UPDATE accounts SET totp_secret = NULL, totp_confirmed_at = NULL, totp_last_step = NULL \
            WHERE id = $1 AND totp_confirmed_at IS NOT NULL RETURNING email";
        const DROP_PENDING: &str = "DELETE FROM pending_sign_ins WHERE account_id = $1";
        let now = instant(now);
        let done = on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let email: Option<(String,)> = sqlx::query_as(OFF).bind(account_id).fetch_optional(&mut *tx).await?;
            if let Some((email,)) = &email {
                sqlx::query(DELETE_CODES).bind(account_id).execute(&mut *tx).await?;
                sqlx::query(DROP_PENDING).bind(account_id).execute(&mut *tx).await?;
                let details = AuditDetails::new().text("email", email.as_str());
                audit::record(&mut *tx, now, actor.email(), AuditKind::TwoStepOff, &details, email).await?;
            }
            tx.commit().await?;
            email.is_some()
        });
        Ok(done)
    }

    /// Records a sign-in whose password was right and that waits for its
    /// second step, under the hash of its token; expired ones are purged.
    pub async fn open_pending_sign_in(
        &self,
        account_id: i64,
        token_hash: &str,
        now: OffsetDateTime,
    ) -> Result<(), StoreError> {
        const PURGE: &str = "DELETE FROM pending_sign_ins WHERE expires_at < $1";
        const OPEN: &str =
            "INSERT INTO pending_sign_ins (token_hash, account_id, created_at, expires_at) VALUES ($1, $2, $3, $4)";
        let now = instant(now);
        on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            sqlx::query(PURGE).bind(now).execute(&mut *tx).await?;
            sqlx::query(OPEN).bind(token_hash).bind(account_id).bind(now).bind(now + PENDING_LIFETIME)
                .execute(&mut *tx).await?;
            tx.commit().await?;
        });
        Ok(())
    }

    /// The sign-in a pending token stands for.
    pub async fn pending_sign_in(&self, token_hash: &str, now: OffsetDateTime) -> Result<PendingSignIn, StoreError> {
        const FIND: &str = "SELECT account_id, expires_at FROM pending_sign_ins WHERE token_hash = $1";
        let row: Option<(i64, OffsetDateTime)> =
            on_pool!(self, pool => sqlx::query_as(FIND).bind(token_hash).fetch_optional(pool).await)?;
        let Some((account_id, expires_at)) = row else { return Ok(PendingSignIn::Unknown) };
        if expires_at <= instant(now) {
            // Left for the next sign-in's purge, so that each look at it
            // says "expired".
            return Ok(PendingSignIn::Expired);
        }
        Ok(match self.account_by_id(account_id).await? {
            Some(account) => PendingSignIn::Waiting(account),
            None => PendingSignIn::Unknown,
        })
    }

    /// Forgets a pending sign-in.
    pub async fn drop_pending_sign_in(&self, token_hash: &str) -> Result<(), StoreError> {
        const DROP: &str = "DELETE FROM pending_sign_ins WHERE token_hash = $1";
        on_pool!(self, pool => sqlx::query(DROP).bind(token_hash).execute(pool).await.map(drop))?;
        Ok(())
    }

    /// Completes a sign-in at its second step: the pending sign-in ends and
    /// a session opens, as [`Store::sign_in_succeeded`] does. `false` when
    /// the pending sign-in was gone (used by a request at the same time).
    pub async fn two_step_succeeded(
        &self,
        account: &Account,
        pending_hash: &str,
        session_hash: &str,
        how: SignInMethod,
        now: OffsetDateTime,
    ) -> Result<bool, StoreError> {
        const END_PENDING: &str = "DELETE FROM pending_sign_ins WHERE token_hash = $1 AND account_id = $2";
        let now = instant(now);
        let done = on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let done = sqlx::query(END_PENDING).bind(pending_hash).bind(account.id).execute(&mut *tx).await?
                .rows_affected() > 0;
            if done {
                open_session(&mut *tx, account, session_hash, how, now).await?;
            }
            tx.commit().await?;
            done
        });
        Ok(done)
    }

    /// Records a wrong code at the second step: counted with the wrong
    /// passwords towards the lockout, and audited as a failed sign-in.
    /// When it locks the account, its pending sign-ins are dropped.
    /// Returns whether the account is now locked.
    pub async fn two_step_failed(&self, account: &Account, now: OffsetDateTime) -> Result<bool, StoreError> {
        const COUNT: &str = "UPDATE accounts SET failed_sign_ins = $1, last_failed_at = $2 WHERE id = $3";
        const DROP_PENDING: &str = "DELETE FROM pending_sign_ins WHERE account_id = $1";
        let now = instant(now);
        let actor = Actor::Staff(account.email.to_string());
        let waited = account.last_failed_at.is_none_or(|at| now - at >= LOCKOUT_FOR);
        let count = if waited { 1 } else { account.failed_sign_ins + 1 };
        let locks = count >= LOCKOUT_AFTER;
        on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            sqlx::query(COUNT).bind(count).bind(now).bind(account.id).execute(&mut *tx).await?;
            let details = AuditDetails::new().word("reason", "wrong-two-step-code");
            audit::record(&mut *tx, now, actor.email(), AuditKind::SignInFailed, &details, "wrong two-step code").await?;
            if locks {
                sqlx::query(DROP_PENDING).bind(account.id).execute(&mut *tx).await?;
                let (text, details) = locked();
                audit::record(&mut *tx, now, actor.email(), AuditKind::AccountLocked, &details, &text).await?;
            }
            tx.commit().await?;
        });
        Ok(locks)
    }

    /// Whether an admin requires the two-step sign-in of everyone.
    pub async fn two_step_required(&self) -> Result<bool, StoreError> {
        const FIND: &str = "SELECT value FROM settings WHERE key = $1";
        let row: Option<(String,)> =
            on_pool!(self, pool => sqlx::query_as(FIND).bind(TWO_STEP_REQUIRED).fetch_optional(pool).await)?;
        Ok(row.is_some_and(|(value,)| value == "on"))
    }

    /// Requires the two-step sign-in of everyone, or no longer; `false`
    /// when the setting was so already.
    pub async fn set_two_step_required(
        &self,
        required: bool,
        actor: &Actor,
        now: OffsetDateTime,
    ) -> Result<bool, StoreError> {
        const FIND: &str = "SELECT value FROM settings WHERE key = $1";
        const SET: &str =
            "INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value";
        let now = instant(now);
        let value = if required { "on" } else { "off" };
        let changed = on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let before: Option<(String,)> =
                sqlx::query_as(FIND).bind(TWO_STEP_REQUIRED).fetch_optional(&mut *tx).await?;
            let before = before.map_or_else(|| "off".to_owned(), |(v,)| v);
            let changed = before != value;
            if changed {
                sqlx::query(SET).bind(TWO_STEP_REQUIRED).bind(value).execute(&mut *tx).await?;
                let text = format!("two-step sign-in required: {before} → {value}");
                let details = AuditDetails::new()
                    .word("setting", "two-step-required")
                    .word("before", before.as_str())
                    .word("after", value);
                audit::record(&mut *tx, now, actor.email(), AuditKind::SettingChanged, &details, &text).await?;
            }
            tx.commit().await?;
            changed
        });
        Ok(changed)
    }
}
