//! Invitations to the back office: made by an admin with their mail queued
//! in the same transaction, and accepted once, within their lifetime, by
//! the person choosing a password, which makes their account. While it
//! waits, an admin sees it listed, and may send it again (a new link, the
//! old one void) or withdraw it.

use sqlx::FromRow;
use time::{Duration, OffsetDateTime};

use super::{Actor, AuditDetails, AuditKind, BeginWrite, Store, StoreError, audit, instant};
use crate::{
    domain::{EmailAddress, Role, text::without_bidi_controls},
    text::i18n::Lang,
};

/// How long an invitation's link stays valid.
pub const INVITATION_LIFETIME: Duration = Duration::hours(48);

/// An invitation, ready to store: who, as what, in which language, the
/// hash of its link's token, and its mail, rendered.
pub struct NewInvitation<'a> {
    pub email: &'a EmailAddress,
    pub role: Role,
    pub lang: Lang,
    pub token_hash: &'a str,
    pub message: &'a [u8],
}

/// An invitation whose link still works.
#[derive(Clone, Debug)]
pub struct Invitation {
    pub email: EmailAddress,
    pub role: Role,
    pub lang: Lang,
}

/// What a link's token finds.
#[derive(Clone, Debug)]
pub enum InvitationState {
    Valid(Invitation),
    /// Used already: the account exists.
    Used,
    Expired,
    /// No such token: never made, or replaced by a newer invitation.
    Unknown,
}

#[derive(FromRow)]
struct Row {
    email: String,
    role: String,
    lang: String,
    expires_at: OffsetDateTime,
    used_at: Option<OffsetDateTime>,
}

impl Row {
    fn state(self, now: OffsetDateTime) -> Result<InvitationState, StoreError> {
        if self.used_at.is_some() {
            return Ok(InvitationState::Used);
        }
        if self.expires_at <= now {
            return Ok(InvitationState::Expired);
        }
        self.invitation().map(InvitationState::Valid)
    }

    /// Who, as what, in which language, whatever its state.
    fn invitation(self) -> Result<Invitation, StoreError> {
        let corrupt = |what: &str, value: &str| StoreError::Corrupt(format!("invitation: {what} {value:?}"));
        Ok(Invitation {
            email: EmailAddress::parse(&without_bidi_controls(&self.email))
                .map_err(|_| corrupt("email", &self.email))?,
            role: Role::parse(&self.role).ok_or_else(|| corrupt("role", &self.role))?,
            lang: Lang::parse(&self.lang).ok_or_else(|| corrupt("lang", &self.lang))?,
        })
    }
}

/// An invitation waiting for its answer, as the accounts page lists it.
#[derive(Clone, Debug, FromRow)]
pub struct PendingInvitation {
    pub id: i64,
    pub email: String,
    pub role: String,
    pub lang: String,
    /// The admin who sent it; none from the command line.
    pub invited_by: Option<String>,
    pub created_at: OffsetDateTime,
    pub expires_at: OffsetDateTime,
}

/// A new link for an invitation sent again: the hash of its token, and its
/// mail, rendered.
pub struct Renewal<'a> {
    pub token_hash: &'a str,
    pub message: &'a [u8],
}

const FIND: &str = "SELECT email, role, lang, expires_at, used_at FROM invitations WHERE token_hash = $1";
const ACCOUNT_EXISTS: &str = "SELECT count(*) FROM accounts WHERE email = $1";

impl Store {
    /// Records an invitation (replacing any older one to the address) and
    /// queues its mail; `false`, and nothing done, when the address has an
    /// account already.
    pub async fn invite(
        &self,
        invitation: &NewInvitation<'_>,
        actor: &Actor,
        now: OffsetDateTime,
    ) -> Result<bool, StoreError> {
        const UPSERT: &str = "INSERT INTO invitations (email, role, lang, token_hash, invited_by, created_at, expires_at) \
            VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (email) DO UPDATE SET role = excluded.role, \
            lang = excluded.lang, token_hash = excluded.token_hash, invited_by = excluded.invited_by, \
            created_at = excluded.created_at, expires_at = excluded.expires_at, used_at = NULL";
        const QUEUE: &str = "INSERT INTO mail_outbox (recipient, message, status, next_attempt_at, created_at) \
            VALUES ($1, $2, 'pending', $3, $3)";
        let now = instant(now);
        let email = invitation.email.as_str();
        let text = format!("{email} ({})", invitation.role);
        let done = on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let (accounts,): (i64,) = sqlx::query_as(ACCOUNT_EXISTS).bind(email).fetch_one(&mut *tx).await?;
            if accounts > 0 {
                return Ok(false);
            }
            sqlx::query(UPSERT).bind(email).bind(invitation.role.as_str()).bind(invitation.lang.code())
                .bind(invitation.token_hash).bind(actor.email()).bind(now).bind(now + INVITATION_LIFETIME)
                .execute(&mut *tx).await?;
            sqlx::query(QUEUE).bind(email).bind(invitation.message).bind(now).execute(&mut *tx).await?;
            let details =
                AuditDetails::new().text("email", email).word("role", audit::role_word(invitation.role));
            audit::record(&mut *tx, now, actor.email(), AuditKind::AccountInvited, &details, &text).await?;
            tx.commit().await?;
            true
        });
        Ok(done)
    }

    /// What an invitation link's token finds.
    pub async fn invitation(&self, token_hash: &str, now: OffsetDateTime) -> Result<InvitationState, StoreError> {
        let row: Option<Row> =
            on_pool!(self, pool => sqlx::query_as(FIND).bind(token_hash).fetch_optional(pool).await)?;
        row.map_or(Ok(InvitationState::Unknown), |row| row.state(instant(now)))
    }

    /// Accepts an invitation: its account is made with the password's
    /// hash, and the link is used up. What the token found: the account was
    /// made only when it is `Valid`. An address that got an account in the
    /// meantime (at the command line) counts as used.
    pub async fn accept_invitation(
        &self,
        token_hash: &str,
        password_hash: &str,
        now: OffsetDateTime,
    ) -> Result<InvitationState, StoreError> {
        const CREATE: &str = "INSERT INTO accounts (email, role, password_hash, lang, created_at, password_changed_at) \
            VALUES ($1, $2, $3, $4, $5, $5)";
        const USE: &str = "UPDATE invitations SET used_at = $1 WHERE token_hash = $2";
        let now = instant(now);
        let state = on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let row: Option<Row> = sqlx::query_as(FIND).bind(token_hash).fetch_optional(&mut *tx).await?;
            let state = row.map_or(Ok(InvitationState::Unknown), |row| row.state(now))?;
            let InvitationState::Valid(invitation) = &state else { return Ok(state) };
            let email = invitation.email.as_str();
            let (accounts,): (i64,) = sqlx::query_as(ACCOUNT_EXISTS).bind(email).fetch_one(&mut *tx).await?;
            if accounts > 0 {
                return Ok(InvitationState::Used);
            }
            sqlx::query(CREATE).bind(email).bind(invitation.role.as_str()).bind(password_hash)
                .bind(invitation.lang.code()).bind(now).execute(&mut *tx).await?;
            sqlx::query(USE).bind(now).bind(token_hash).execute(&mut *tx).await?;
            let text = format!("{email} ({}), by invitation", invitation.role);
            let details = AuditDetails::new()
                .text("email", email)
                .word("role", audit::role_word(invitation.role))
                .count("invited", 1);
            audit::record(&mut *tx, now, Some(email), AuditKind::AccountCreated, &details, &text).await?;
            tx.commit().await?;
            state
        });
        Ok(state)
    }

    /// The invitations neither accepted nor expired, oldest first.
    pub async fn pending_invitations(&self, now: OffsetDateTime) -> Result<Vec<PendingInvitation>, StoreError> {
        const LIST: &str = "SELECT id, email, role, lang, invited_by, created_at, expires_at FROM invitations \
            WHERE used_at IS NULL AND expires_at > $1 ORDER BY created_at, id";
        let now = instant(now);
        Ok(on_pool!(self, pool => sqlx::query_as(LIST).bind(now).fetch_all(pool).await)?)
    }

    /// An invitation not yet accepted, by its number: who, as what, in which
    /// language, for its mail to be sent again.
    pub async fn unused_invitation(&self, id: i64) -> Result<Option<Invitation>, StoreError> {
        const ONE: &str = "SELECT email, role, lang, expires_at, used_at FROM invitations \
            WHERE id = $1 AND used_at IS NULL";
        let row: Option<Row> = on_pool!(self, pool => sqlx::query_as(ONE).bind(id).fetch_optional(pool).await)?;
        row.map(Row::invitation).transpose()
    }

    /// Sends an invitation again: its new link replaces the old one, its
    /// lifetime starts over, its mail is queued. `false`, and nothing done,
    /// when it was accepted or withdrawn in the meantime.
    pub async fn resend_invitation(
        &self,
        id: i64,
        renewal: &Renewal<'_>,
        actor: &Actor,
        now: OffsetDateTime,
    ) -> Result<bool, StoreError> {
        const RENEW: &str = "UPDATE invitations SET token_hash = $1, created_at = $2, expires_at = $3 \
            WHERE id = $4 AND used_at IS NULL RETURNING email, role";
        const QUEUE: &str = "INSERT INTO mail_outbox (recipient, message, status, next_attempt_at, created_at) \
            VALUES ($1, $2, 'pending', $3, $3)";
        let now = instant(now);
        let done = on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let renewed: Option<(String, String)> = sqlx::query_as(RENEW).bind(renewal.token_hash).bind(now)
                .bind(now + INVITATION_LIFETIME).bind(id).fetch_optional(&mut *tx).await?;
            let Some((email, role)) = renewed else { return Ok(false) };
            sqlx::query(QUEUE).bind(&email).bind(renewal.message).bind(now).execute(&mut *tx).await?;
            let text = format!("{email} ({role})");
            let details = AuditDetails::new().text("email", email.as_str()).word("role", audit::stored_role_word(&role));
            audit::record(&mut *tx, now, actor.email(), AuditKind::InvitationResent, &details, &text).await?;
            tx.commit().await?;
            true
        });
        Ok(done)
    }

    /// Withdraws an invitation not yet accepted: it is deleted, and its link
    /// finds nothing. `false` when there was no such invitation.
    pub async fn withdraw_invitation(&self, id: i64, actor: &Actor, now: OffsetDateTime) -> Result<bool, StoreError> {
        const DELETE: &str = "DELETE FROM invitations WHERE id = $1 AND used_at IS NULL RETURNING email, role";
        let now = instant(now);
        let done = on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let deleted: Option<(String, String)> = sqlx::query_as(DELETE).bind(id).fetch_optional(&mut *tx).await?;
            let Some((email, role)) = deleted else { return Ok(false) };
            let text = format!("{email} ({role})");
            let details = AuditDetails::new().text("email", email.as_str()).word("role", audit::stored_role_word(&role));
            audit::record(&mut *tx, now, actor.email(), AuditKind::InvitationWithdrawn, &details, &text).await?;
            tx.commit().await?;
            true
        });
        Ok(done)
    }
}
