//! Form drafts: what a person typed in a back-office form that could not be
//! taken (their session had ended, or the form's token was stale), kept
//! for an hour under the hash of an id their browser's cookie carries, so
//! that, signed in again, they find it back in the form. One draft a
//! browser: a new one replaces the last.

use sqlx::FromRow;
use time::{Duration, OffsetDateTime};

use super::{Store, StoreError, instant};

/// How long a draft is kept.
pub const DRAFT_KEPT_FOR: Duration = Duration::hours(1);

/// A draft as it is kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormDraft {
    /// Who typed it, when the site knew (a live session whose form token
    /// was stale); `None` when the session had ended.
    pub account_id: Option<i64>,
    /// The back-office page the form was on (a path).
    pub page: String,
    /// The address the form was sent to (a path).
    pub action: String,
    /// The typed fields, form-encoded.
    pub fields: String,
    /// A file was chosen and is not kept.
    pub files_left: bool,
}

#[derive(FromRow)]
struct Row {
    account_id: Option<i64>,
    page: String,
    action: String,
    fields: String,
    files_left: bool,
}

impl From<Row> for FormDraft {
    fn from(row: Row) -> FormDraft {
        FormDraft {
            account_id: row.account_id,
            page: row.page,
            action: row.action,
            fields: row.fields,
            files_left: row.files_left,
        }
    }
}

/// The page of the draft a browser keeps (`$1`), if the account `$2` may
/// have it back — its own, or one nobody is known to have typed — and it
/// is not older than `$3`.
const PAGE: &str = "SELECT page FROM form_drafts \
    WHERE id_hash = $1 AND (account_id IS NULL OR account_id = $2) AND created_at >= $3";
/// The same draft taken, for the page `$4`.
const TAKE: &str = "DELETE FROM form_drafts \
    WHERE id_hash = $1 AND (account_id IS NULL OR account_id = $2) AND created_at >= $3 AND page = $4 \
    RETURNING account_id, page, action, fields, files_left";

impl Store {
    /// Keeps a draft under the hash of its browser's id, replacing the
    /// browser's last one.
    pub async fn keep_draft(&self, id_hash: &str, draft: &FormDraft, now: OffsetDateTime) -> Result<(), StoreError> {
        const KEEP: &str = "INSERT INTO form_drafts (id_hash, account_id, page, action, fields, files_left, created_at) \
            VALUES ($1, $2, $3, $4, $5, $6, $7) \
            ON CONFLICT (id_hash) DO UPDATE SET account_id = excluded.account_id, page = excluded.page, \
            action = excluded.action, fields = excluded.fields, files_left = excluded.files_left, \
            created_at = excluded.created_at";
        on_pool!(self, pool => sqlx::query(KEEP)
            .bind(id_hash)
            .bind(draft.account_id)
            .bind(&draft.page)
            .bind(&draft.action)
            .bind(&draft.fields)
            .bind(draft.files_left)
            .bind(instant(now))
            .execute(pool)
            .await
            .map(drop))?;
        Ok(())
    }

    /// The page of the draft a browser keeps, if `account` may have it
    /// back: where a sign-in leads.
    pub async fn draft_page(
        &self,
        id_hash: &str,
        account: i64,
        now: OffsetDateTime,
    ) -> Result<Option<String>, StoreError> {
        let found: Option<(String,)> = on_pool!(self, pool => sqlx::query_as(PAGE)
            .bind(id_hash)
            .bind(account)
            .bind(instant(now - DRAFT_KEPT_FOR))
            .fetch_optional(pool)
            .await)?;
        Ok(found.map(|(page,)| page))
    }

    /// Takes the draft a browser keeps for `page`, if `account` may have it
    /// back: it is then forgotten, and lives on in the form it fills.
    pub async fn take_draft(
        &self,
        id_hash: &str,
        page: &str,
        account: i64,
        now: OffsetDateTime,
    ) -> Result<Option<FormDraft>, StoreError> {
        let row: Option<Row> = on_pool!(self, pool => sqlx::query_as(TAKE)
            .bind(id_hash)
            .bind(account)
            .bind(instant(now - DRAFT_KEPT_FOR))
            .bind(page)
            .fetch_optional(pool)
            .await)?;
        Ok(row.map(FormDraft::from))
    }

    /// Forgets the drafts older than [`DRAFT_KEPT_FOR`] (the mail worker's
    /// housekeeping).
    pub async fn forget_old_drafts(&self, now: OffsetDateTime) -> Result<(), StoreError> {
        const FORGET: &str = "DELETE FROM form_drafts WHERE created_at < $1";
        on_pool!(self, pool => sqlx::query(FORGET).bind(instant(now - DRAFT_KEPT_FOR)).execute(pool).await.map(drop))?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{
        domain::{EmailAddress, Role},
        store::Actor,
    };

    /// A draft goes back to its own account or, typed by nobody known, to
    /// whoever signs in on its browser; once, within the hour, on its page.
    #[tokio::test]
    async fn a_draft_goes_back_once_to_whom_it_may() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::connect(&format!("sqlite://{}", dir.path().join("drafts.db").display())).await.unwrap();
        store.migrate().await.unwrap();
        let at = OffsetDateTime::from_unix_timestamp(1_900_000_000).unwrap();
        let account = |email: &str| {
            let email = EmailAddress::parse(email).unwrap();
            let store = store.clone();
            async move {
                store.create_account(&email, Role::Editor, "x", None, &Actor::CommandLine, at).await.unwrap().unwrap()
            }
        };
        let (a, b) = (account("a@example.org").await, account("b@example.org").await);
        let hash = "a".repeat(64);
        let draft = FormDraft {
            account_id: Some(a),
            page: "/admin/signatories/7".into(),
            action: "/admin/signatories/7".into(),
            fields: "name=Lyon".into(),
            files_left: false,
        };
        store.keep_draft(&hash, &draft, at).await.unwrap();
        assert_eq!(store.draft_page(&hash, b, at).await.unwrap(), None, "not another account's");
        assert_eq!(store.take_draft(&hash, &draft.page, b, at).await.unwrap(), None);
        assert_eq!(store.draft_page(&hash, a, at).await.unwrap().as_deref(), Some("/admin/signatories/7"));
        assert_eq!(store.take_draft(&hash, "/admin/", a, at).await.unwrap(), None, "only on its page");
        assert_eq!(store.take_draft(&hash, &draft.page, a, at).await.unwrap(), Some(draft.clone()));
        assert_eq!(store.take_draft(&hash, &draft.page, a, at).await.unwrap(), None, "once");

        // Typed with no session: whoever signs in on that browser, within the hour.
        let anyone = FormDraft { account_id: None, files_left: true, ..draft.clone() };
        store.keep_draft(&hash, &anyone, at).await.unwrap();
        assert_eq!(store.draft_page(&hash, b, at + DRAFT_KEPT_FOR + Duration::seconds(1)).await.unwrap(), None);
        assert_eq!(store.take_draft(&hash, &draft.page, b, at + Duration::minutes(59)).await.unwrap(), Some(anyone));

        // The housekeeping forgets old ones.
        store.keep_draft(&hash, &draft, at).await.unwrap();
        store.forget_old_drafts(at + DRAFT_KEPT_FOR + Duration::seconds(1)).await.unwrap();
        assert_eq!(store.take_draft(&hash, &draft.page, a, at).await.unwrap(), None);
        store.close().await;
    }
}
