//! What an admin changes on the accounts page: a role, disabling and
//! enabling, deleting. Each change is checked and made in one transaction,
//! so that two admins acting at once can never leave the site without an
//! active admin.

use time::OffsetDateTime;

use super::{Actor, AuditDetails, AuditKind, BeginWrite, Store, StoreError, accounts, audit, instant};
use crate::domain::Role;

/// A change to an account.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AccountChange {
    Role(Role),
    Disable,
    Enable,
    Delete,
}

impl AccountChange {
    /// Whether the change would take an active admin away.
    fn removes_admin(self) -> bool {
        matches!(self, AccountChange::Role(Role::Editor) | AccountChange::Disable | AccountChange::Delete)
    }
}

/// What a change did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChangeOutcome {
    Done,
    /// Nothing to do: the account was so already.
    Unchanged,
    NotFound,
    /// Refused: the account is the last active admin, and the site would
    /// have no one left to manage the accounts.
    LastAdmin,
    /// Refused: an admin does not demote, disable or delete themselves.
    Yourself,
}

#[derive(sqlx::FromRow)]
struct Target {
    email: String,
    role: String,
    disabled_at: Option<OffsetDateTime>,
}

impl Store {
    /// Makes a change to account `id` on behalf of admin `by` (their
    /// account's number), with its audit entry. Disabling and deleting end
    /// the account's sessions at once.
    pub async fn change_account(
        &self,
        id: i64,
        change: AccountChange,
        by: i64,
        actor: &Actor,
        now: OffsetDateTime,
    ) -> Result<ChangeOutcome, StoreError> {
        const FIND: &str = "SELECT email, role, disabled_at FROM accounts WHERE id = $1";
        const ADMINS: &str = "SELECT count(*) FROM accounts WHERE role = 'admin' AND disabled_at IS NULL";
        const ROLE: &str = "UPDATE accounts SET role = $1 WHERE id = $2";
        const DISABLE: &str = "UPDATE accounts SET disabled_at = $1 WHERE id = $2";
        const ENABLE: &str =
            "UPDATE accounts SET disabled_at = NULL, failed_sign_ins = 0, last_failed_at = NULL WHERE id = $1";
        const END_SESSIONS: &str = "DELETE FROM sessions WHERE account_id = $1";
        const DELETE: &str = "DELETE FROM accounts WHERE id = $1";
        let now = instant(now);
        let outcome = on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let target: Option<Target> = sqlx::query_as(FIND).bind(id).fetch_optional(&mut *tx).await?;
            let Some(target) = target else { return Ok(ChangeOutcome::NotFound) };
            let active_admin = target.role == Role::Admin.as_str() && target.disabled_at.is_none();
            if active_admin && change.removes_admin() {
                let (admins,): (i64,) = sqlx::query_as(ADMINS).fetch_one(&mut *tx).await?;
                if admins <= 1 {
                    return Ok(ChangeOutcome::LastAdmin);
                }
            }
            if id == by && change != AccountChange::Enable {
                return Ok(ChangeOutcome::Yourself);
            }
            let email = &target.email;
            let entry = match change {
                AccountChange::Role(role) if role.as_str() != target.role => {
                    sqlx::query(ROLE).bind(role.as_str()).bind(id).execute(&mut *tx).await?;
                    let (text, details) = accounts::role_changed(email, &target.role, role);
                    Some((AuditKind::AccountRoleChanged, text, details))
                }
                AccountChange::Disable if target.disabled_at.is_none() => {
                    sqlx::query(DISABLE).bind(now).bind(id).execute(&mut *tx).await?;
                    sqlx::query(END_SESSIONS).bind(id).execute(&mut *tx).await?;
                    Some((AuditKind::AccountDisabled, email.clone(), AuditDetails::new().text("email", email.as_str())))
                }
                AccountChange::Enable if target.disabled_at.is_some() => {
                    sqlx::query(ENABLE).bind(id).execute(&mut *tx).await?;
                    Some((AuditKind::AccountEnabled, email.clone(), AuditDetails::new().text("email", email.as_str())))
                }
                AccountChange::Delete => {
                    sqlx::query(DELETE).bind(id).execute(&mut *tx).await?;
                    Some((AuditKind::AccountDeleted, email.clone(), AuditDetails::new().text("email", email.as_str())))
                }
                _ => None,
            };
            let outcome = match entry {
                Some((kind, text, details)) => {
                    audit::record(&mut *tx, now, actor.email(), kind, &details, &text).await?;
                    ChangeOutcome::Done
                }
                None => ChangeOutcome::Unchanged,
            };
            tx.commit().await?;
            outcome
        });
        Ok(outcome)
    }
}
