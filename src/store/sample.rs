//! The rows the bundled sample data loaded (the imports mark them, see
//! `Origin`): counted, since the site says it shows examples while any
//! remain, and removed all at once.

use time::OffsetDateTime;

use super::{Actor, AuditDetails, AuditKind, BeginWrite, Store, StoreError, audit, instant, news};

/// Sample rows, by table.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SampleRows {
    pub signatories: i64,
    pub events: i64,
    pub news: i64,
    pub newsletter_issues: i64,
}

impl SampleRows {
    pub fn total(&self) -> i64 {
        self.signatories + self.events + self.news + self.newsletter_issues
    }
}

/// What a removal says, in the audit log and on the command line.
impl std::fmt::Display for SampleRows {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "sample data removed: {} signatories, {} events, {} news items, {} newsletter issues",
            self.signatories, self.events, self.news, self.newsletter_issues
        )
    }
}

impl Store {
    /// How many sample rows each table holds.
    pub async fn sample_rows(&self) -> Result<SampleRows, StoreError> {
        const COUNT: &str = "SELECT (SELECT count(*) FROM signatories WHERE sample), \
                             (SELECT count(*) FROM events WHERE sample), (SELECT count(*) FROM news WHERE sample), \
                             (SELECT count(*) FROM newsletter_issues WHERE sample)";
        let (signatories, events, news, newsletter_issues): (i64, i64, i64, i64) =
            on_pool!(self, pool => sqlx::query_as(COUNT).fetch_one(pool).await)?;
        Ok(SampleRows { signatories, events, news, newsletter_issues })
    }

    /// Deletes every sample row, in one transaction with its audit entry,
    /// and says how many. Events first (they may name a sample signatory),
    /// then news items with their translations and the images no item uses
    /// any more, and the sample newsletter issue.
    pub async fn remove_sample(&self, actor: &Actor, now: OffsetDateTime) -> Result<SampleRows, StoreError> {
        const EVENTS: &str = "DELETE FROM events WHERE sample";
        const NEWS: &str = "DELETE FROM news WHERE sample";
        const SIGNATORIES: &str = "DELETE FROM signatories WHERE sample";
        const ISSUES: &str = "DELETE FROM newsletter_issues WHERE sample";
        let count = |n: u64| i64::try_from(n).unwrap_or(i64::MAX);
        let now = instant(now);
        let removed = on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let events = sqlx::query(EVENTS).execute(&mut *tx).await?.rows_affected();
            let news = sqlx::query(NEWS).execute(&mut *tx).await?.rows_affected();
            sqlx::query(news::DROP_UNUSED_IMAGES).execute(&mut *tx).await?;
            let signatories = sqlx::query(SIGNATORIES).execute(&mut *tx).await?.rows_affected();
            let issues = sqlx::query(ISSUES).execute(&mut *tx).await?.rows_affected();
            let removed = SampleRows {
                signatories: count(signatories),
                events: count(events),
                news: count(news),
                newsletter_issues: count(issues),
            };
            let details = AuditDetails::new()
                .count("signatories", removed.signatories)
                .count("events", removed.events)
                .count("news", removed.news)
                .count("newsletter_issues", removed.newsletter_issues);
            audit::record(&mut *tx, now, actor.email(), AuditKind::SampleRemoved, &details, &removed.to_string())
                .await?;
            tx.commit().await?;
            removed
        });
        Ok(removed)
    }
}
