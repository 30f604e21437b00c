//! Staff accounts: created, changed and removed by the command line (and
//! the back office), and the sign-in's bookkeeping: failures counted on the
//! account, a session opened on success. Every change is audited in its
//! own transaction.

use std::sync::LazyLock;

use sqlx::{Connection, Database, Encode, Executor, FromRow, IntoArguments, Type};
use time::{Duration, OffsetDateTime};

use super::{Actor, AuditDetails, AuditKind, BeginWrite, Store, StoreError, audit, instant};
use crate::{
    domain::{EmailAddress, Role, text::without_bidi_controls},
    text::i18n::Lang,
};

/// Failed sign-ins in a row after which an account waits.
pub const LOCKOUT_AFTER: i32 = 5;
/// How long it waits, from the last failure.
pub const LOCKOUT_FOR: Duration = Duration::minutes(15);

/// A staff account, as the site knows it.
#[derive(Clone, Debug)]
pub struct Account {
    pub id: i64,
    pub email: EmailAddress,
    pub role: Role,
    /// The interface language the person chose, if any.
    pub lang: Option<Lang>,
    pub created_at: OffsetDateTime,
    pub disabled: bool,
    pub failed_sign_ins: i32,
    pub last_failed_at: Option<OffsetDateTime>,
    pub last_sign_in_at: Option<OffsetDateTime>,
    /// Whether the two-step sign-in is on (an authenticator app confirmed).
    pub totp_on: bool,
}

impl Account {
    /// Whether the account waits after too many failed sign-ins.
    pub fn locked(&self, now: OffsetDateTime) -> bool {
        self.failed_sign_ins >= LOCKOUT_AFTER && self.last_failed_at.is_some_and(|at| now - at < LOCKOUT_FOR)
    }
}

/// The columns an [`Account`] is read from, in this order.
const ACCOUNT_COLUMNS: &str = "id, email, role, lang, created_at, disabled_at, failed_sign_ins, last_failed_at, last_sign_in_at, \
            totp_confirmed_at";

#[derive(FromRow)]
struct AccountRow {
    id: i64,
    email: String,
    role: String,
    lang: Option<String>,
    created_at: OffsetDateTime,
    disabled_at: Option<OffsetDateTime>,
    failed_sign_ins: i32,
    last_failed_at: Option<OffsetDateTime>,
    last_sign_in_at: Option<OffsetDateTime>,
    totp_confirmed_at: Option<OffsetDateTime>,
}

impl AccountRow {
    fn into_account(self) -> Result<Account, StoreError> {
        let corrupt = |what: &str, value: &str| StoreError::Corrupt(format!("account {}: {what} {value:?}", self.id));
        Ok(Account {
            id: self.id,
            email: EmailAddress::parse(&without_bidi_controls(&self.email))
                .map_err(|_| corrupt("email", &self.email))?,
            role: Role::parse(&self.role).ok_or_else(|| corrupt("role", &self.role))?,
            lang: match &self.lang {
                Some(code) => Some(Lang::parse(code).ok_or_else(|| corrupt("lang", code))?),
                None => None,
            },
            created_at: self.created_at,
            disabled: self.disabled_at.is_some(),
            failed_sign_ins: self.failed_sign_ins,
            last_failed_at: self.last_failed_at,
            last_sign_in_at: self.last_sign_in_at,
            totp_on: self.totp_confirmed_at.is_some(),
        })
    }
}

/// Why a sign-in failed, as the audit log says it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SignInFailure {
    /// A wrong password: counted towards the lockout.
    WrongPassword,
    /// The account waits after too many failures: not counted again.
    Locked,
    /// The account is disabled.
    Disabled,
}

impl Store {
    /// Creates an account; `None` when the address has one already.
    pub async fn create_account(
        &self,
        email: &EmailAddress,
        role: Role,
        password_hash: &str,
        lang: Option<Lang>,
        actor: &Actor,
        now: OffsetDateTime,
    ) -> Result<Option<i64>, StoreError> {
        const INSERT: &str = "INSERT INTO accounts (email, role, password_hash, created_at, password_changed_at, lang) \
            VALUES ($1, $2, $3, $4, $4, $5) ON CONFLICT (email) DO NOTHING RETURNING id";
        let now = instant(now);
        let text = format!("{email} ({role})");
        let details =
            AuditDetails::new().text("email", email.as_str()).word("role", audit::role_word(role)).count("invited", 0);
        let id = on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let id: Option<(i64,)> = sqlx::query_as(INSERT)
                .bind(email.as_str()).bind(role.as_str()).bind(password_hash).bind(now).bind(lang.map(Lang::code))
                .fetch_optional(&mut *tx).await?;
            if id.is_some() {
                audit::record(&mut *tx, now, actor.email(), AuditKind::AccountCreated, &details, &text).await?;
            }
            tx.commit().await?;
            id.map(|(id,)| id)
        });
        Ok(id)
    }

    /// An account and its password hash, by address.
    pub async fn account_credentials(&self, email: &EmailAddress) -> Result<Option<(Account, String)>, StoreError> {
        static FIND: LazyLock<String> =
            LazyLock::new(|| format!("SELECT {ACCOUNT_COLUMNS}, password_hash FROM accounts WHERE email = $1"));
        #[derive(FromRow)]
        struct Row {
            #[sqlx(flatten)]
            account: AccountRow,
            password_hash: String,
        }
        let row: Option<Row> =
            on_pool!(self, pool => sqlx::query_as(FIND.as_str()).bind(email.as_str()).fetch_optional(pool).await)?;
        row.map(|row| Ok((row.account.into_account()?, row.password_hash))).transpose()
    }

    /// An account by its number.
    pub async fn account_by_id(&self, id: i64) -> Result<Option<Account>, StoreError> {
        static FIND: LazyLock<String> =
            LazyLock::new(|| format!("SELECT {ACCOUNT_COLUMNS} FROM accounts WHERE id = $1"));
        let row: Option<AccountRow> =
            on_pool!(self, pool => sqlx::query_as(FIND.as_str()).bind(id).fetch_optional(pool).await)?;
        row.map(AccountRow::into_account).transpose()
    }

    /// An account by address.
    pub async fn account(&self, email: &EmailAddress) -> Result<Option<Account>, StoreError> {
        Ok(self.account_credentials(email).await?.map(|(account, _)| account))
    }

    /// Every account, by address.
    pub async fn accounts(&self) -> Result<Vec<Account>, StoreError> {
        static ALL: LazyLock<String> =
            LazyLock::new(|| format!("SELECT {ACCOUNT_COLUMNS} FROM accounts ORDER BY email"));
        let rows: Vec<AccountRow> = on_pool!(self, pool => sqlx::query_as(ALL.as_str()).fetch_all(pool).await)?;
        rows.into_iter().map(AccountRow::into_account).collect()
    }

    /// Sets a new password hash and ends the account's sessions but
    /// `keep` (the one that changed it, if any); a wait after failed
    /// sign-ins ends too. `false` when there is no such account.
    pub async fn set_password(
        &self,
        email: &EmailAddress,
        password_hash: &str,
        keep: Option<&str>,
        actor: &Actor,
        now: OffsetDateTime,
    ) -> Result<bool, StoreError> {
        const UPDATE: &str = "UPDATE accounts SET password_hash = $1, password_changed_at = $2, failed_sign_ins = 0, \
            last_failed_at = NULL WHERE email = $3 RETURNING id";
        const END_OTHERS: &str = "DELETE FROM sessions WHERE account_id = $1 AND id_hash <> $2";
        // A sign-in waiting for its second step was made with the old password.
        const END_PENDING: &str = "DELETE FROM pending_sign_ins WHERE account_id = $1";
        let now = instant(now);
        let done = on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let id: Option<(i64,)> = sqlx::query_as(UPDATE).bind(password_hash).bind(now).bind(email.as_str())
                .fetch_optional(&mut *tx).await?;
            if let Some((id,)) = id {
                sqlx::query(END_OTHERS).bind(id).bind(keep.unwrap_or("")).execute(&mut *tx).await?;
                sqlx::query(END_PENDING).bind(id).execute(&mut *tx).await?;
                let details = AuditDetails::new().text("email", email.as_str());
                audit::record(&mut *tx, now, actor.email(), AuditKind::AccountPasswordChanged, &details, email.as_str())
                    .await?;
            }
            tx.commit().await?;
            id.is_some()
        });
        Ok(done)
    }

    /// Gives an account another role; its former role, or `None` when
    /// there is no such account.
    pub async fn set_role(
        &self,
        email: &EmailAddress,
        role: Role,
        actor: &Actor,
        now: OffsetDateTime,
    ) -> Result<Option<Role>, StoreError> {
        const FIND: &str = "SELECT role FROM accounts WHERE email = $1";
        const UPDATE: &str = "UPDATE accounts SET role = $1 WHERE email = $2";
        let now = instant(now);
        let before: Option<(String,)> = on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let before: Option<(String,)> = sqlx::query_as(FIND).bind(email.as_str()).fetch_optional(&mut *tx).await?;
            if let Some((old,)) = &before && old != role.as_str() {
                sqlx::query(UPDATE).bind(role.as_str()).bind(email.as_str()).execute(&mut *tx).await?;
                let (text, details) = role_changed(email.as_str(), old, role);
                audit::record(&mut *tx, now, actor.email(), AuditKind::AccountRoleChanged, &details, &text).await?;
            }
            tx.commit().await?;
            before
        });
        before
            .map(|(old,)| Role::parse(&old).ok_or_else(|| StoreError::Corrupt(format!("account role {old:?}"))))
            .transpose()
    }

    /// Sets the interface language an account chose.
    pub async fn set_account_lang(
        &self,
        id: i64,
        lang: Lang,
        actor: &Actor,
        now: OffsetDateTime,
    ) -> Result<(), StoreError> {
        const UPDATE: &str =
            "UPDATE accounts SET lang = $1 WHERE id = $2 AND (lang IS NULL OR lang <> $1) RETURNING email";
        let now = instant(now);
        on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let changed: Option<(String,)> = sqlx::query_as(UPDATE).bind(lang.code()).bind(id).fetch_optional(&mut *tx).await?;
            if let Some((email,)) = changed {
                let text = format!("{email}: {lang}");
                let details = AuditDetails::new().text("email", email.as_str()).word("lang", audit::lang_word(lang));
                audit::record(&mut *tx, now, actor.email(), AuditKind::AccountLanguageChanged, &details, &text).await?;
            }
            tx.commit().await?;
        });
        Ok(())
    }

    /// Disables an account and ends its sessions; `false` when there is
    /// no such account or it was disabled already.
    pub async fn disable_account(
        &self,
        email: &EmailAddress,
        actor: &Actor,
        now: OffsetDateTime,
    ) -> Result<bool, StoreError> {
        const UPDATE: &str =
            "UPDATE accounts SET disabled_at = $1 WHERE email = $2 AND disabled_at IS NULL RETURNING id";
        const END_ALL: &str = "DELETE FROM sessions WHERE account_id = $1";
        let now = instant(now);
        let done = on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let id: Option<(i64,)> = sqlx::query_as(UPDATE).bind(now).bind(email.as_str()).fetch_optional(&mut *tx).await?;
            if let Some((id,)) = id {
                sqlx::query(END_ALL).bind(id).execute(&mut *tx).await?;
                let details = AuditDetails::new().text("email", email.as_str());
                audit::record(&mut *tx, now, actor.email(), AuditKind::AccountDisabled, &details, email.as_str()).await?;
            }
            tx.commit().await?;
            id.is_some()
        });
        Ok(done)
    }

    /// Deletes an account and its sessions; `false` when there is none.
    pub async fn delete_account(
        &self,
        email: &EmailAddress,
        actor: &Actor,
        now: OffsetDateTime,
    ) -> Result<bool, StoreError> {
        const DELETE: &str = "DELETE FROM accounts WHERE email = $1";
        let now = instant(now);
        let done = on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let done = sqlx::query(DELETE).bind(email.as_str()).execute(&mut *tx).await?.rows_affected() > 0;
            if done {
                let details = AuditDetails::new().text("email", email.as_str());
                audit::record(&mut *tx, now, actor.email(), AuditKind::AccountDeleted, &details, email.as_str()).await?;
            }
            tx.commit().await?;
            done
        });
        Ok(done)
    }

    /// Records a failed sign-in to an account. A wrong password is
    /// counted: a series that has waited its time starts again at one, and
    /// the fifth in a row locks the account. Returns whether it is locked.
    pub async fn sign_in_failed(
        &self,
        account: &Account,
        failure: SignInFailure,
        now: OffsetDateTime,
    ) -> Result<bool, StoreError> {
        const COUNT: &str = "UPDATE accounts SET failed_sign_ins = $1, last_failed_at = $2 WHERE id = $3";
        let now = instant(now);
        let actor = Actor::Staff(account.email.to_string());
        let (count, note, reason) = match failure {
            SignInFailure::WrongPassword => {
                let waited = account.last_failed_at.is_none_or(|at| now - at >= LOCKOUT_FOR);
                (Some(if waited { 1 } else { account.failed_sign_ins + 1 }), "wrong password", "wrong-password")
            }
            SignInFailure::Locked => (None, "locked: waiting after failed sign-ins", "locked"),
            SignInFailure::Disabled => (None, "account disabled", "disabled"),
        };
        let details = AuditDetails::new().word("reason", reason);
        let locks = count == Some(LOCKOUT_AFTER);
        on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            if let Some(count) = count {
                sqlx::query(COUNT).bind(count).bind(now).bind(account.id).execute(&mut *tx).await?;
            }
            audit::record(&mut *tx, now, actor.email(), AuditKind::SignInFailed, &details, note).await?;
            if locks {
                let (text, details) = locked();
                audit::record(&mut *tx, now, actor.email(), AuditKind::AccountLocked, &details, &text).await?;
            }
            tx.commit().await?;
        });
        Ok(locks || (failure == SignInFailure::Locked))
    }

    /// Records a failed sign-in for an address that has no account, with
    /// the same work as for one that has (a transaction, the same update,
    /// an audit entry), so that the time taken tells nothing of which
    /// addresses have accounts. The address is not kept.
    pub async fn sign_in_failed_unknown(&self, now: OffsetDateTime) -> Result<(), StoreError> {
        const COUNT: &str = "UPDATE accounts SET failed_sign_ins = $1, last_failed_at = $2 WHERE id = $3";
        let now = instant(now);
        on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            // No account has the id 0: the statement finds no row, as
            // the known address's finds one.
            sqlx::query(COUNT).bind(1_i32).bind(now).bind(0_i64).execute(&mut *tx).await?;
            let details = AuditDetails::new().word("reason", "unknown-address");
            audit::record(&mut *tx, now, None, AuditKind::SignInFailed, &details, "unknown address").await?;
            tx.commit().await?;
        });
        Ok(())
    }

    /// Opens a session for an account whose password was right: the
    /// failures are forgotten, and the session is stored under the hash
    /// of its id.
    pub async fn sign_in_succeeded(
        &self,
        account: &Account,
        session_hash: &str,
        now: OffsetDateTime,
    ) -> Result<(), StoreError> {
        let now = instant(now);
        on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            open_session(&mut *tx, account, session_hash, SignInMethod::Password, now).await?;
            tx.commit().await?;
        });
        Ok(())
    }
}

/// How a person signed in: with their password alone, or with a second
/// step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SignInMethod {
    Password,
    AuthenticatorApp,
    RecoveryCode,
}

impl SignInMethod {
    /// As the audit log's summary says it (nothing for the password alone).
    fn summary(self) -> &'static str {
        match self {
            SignInMethod::Password => "",
            SignInMethod::AuthenticatorApp => "authenticator app",
            SignInMethod::RecoveryCode => "recovery code",
        }
    }

    /// As the audit log's details name it.
    fn word(self) -> &'static str {
        match self {
            SignInMethod::Password => "password",
            SignInMethod::AuthenticatorApp => "authenticator-app",
            SignInMethod::RecoveryCode => "recovery-code",
        }
    }
}

/// An account locked after [`LOCKOUT_AFTER`] failed sign-ins, as the
/// audit log tells it: its summary and details.
pub(super) fn locked() -> (String, AuditDetails) {
    let minutes = LOCKOUT_FOR.whole_minutes();
    let text = format!("{LOCKOUT_AFTER} failed sign-ins: waits {minutes} minutes");
    (text, AuditDetails::new().count("failures", LOCKOUT_AFTER).count("minutes", minutes))
}

/// A role changed from `old` (as stored) to `role`, as the audit log tells
/// it: its summary and details.
pub(super) fn role_changed(email: &str, old: &str, role: Role) -> (String, AuditDetails) {
    let text = format!("{email}: {old} → {role}");
    let details = AuditDetails::new()
        .text("email", email)
        .word("before", audit::stored_role_word(old))
        .word("after", audit::role_word(role));
    (text, details)
}

/// In a sign-in's transaction: the account's failures forgotten, a session
/// stored under the hash of its id, and the sign-in audited (`how`: with
/// the password alone, or by what second step).
pub(super) async fn open_session<C>(
    conn: &mut C,
    account: &Account,
    session_hash: &str,
    how: SignInMethod,
    now: OffsetDateTime,
) -> Result<(), StoreError>
where
    C: Connection,
    for<'c> &'c mut C: Executor<'c, Database = C::Database>,
    for<'t> &'t str: Encode<'t, C::Database> + Type<C::Database>,
    for<'t> Option<&'t str>: Encode<'t, C::Database> + Type<C::Database>,
    for<'t> OffsetDateTime: Encode<'t, C::Database> + Type<C::Database>,
    for<'t> i64: Encode<'t, C::Database> + Type<C::Database>,
    for<'t> String: Encode<'t, C::Database> + Type<C::Database>,
    for<'t> Option<String>: Encode<'t, C::Database> + Type<C::Database>,
    <C::Database as Database>::Arguments: IntoArguments<C::Database>,
{
    const RESET: &str =
        "UPDATE accounts SET failed_sign_ins = 0, last_failed_at = NULL, last_sign_in_at = $1 WHERE id = $2";
    const OPEN: &str = "INSERT INTO sessions (id_hash, account_id, created_at, last_seen_at) VALUES ($1, $2, $3, $3)";
    let actor = Actor::Staff(account.email.to_string());
    sqlx::query(RESET).bind(now).bind(account.id).execute(&mut *conn).await?;
    sqlx::query(OPEN).bind(session_hash).bind(account.id).bind(now).execute(&mut *conn).await?;
    let details = AuditDetails::new().word("method", how.word());
    audit::record(&mut *conn, now, actor.email(), AuditKind::SignedIn, &details, how.summary()).await
}
