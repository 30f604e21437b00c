//! The rows the bundled sample data loaded (the imports mark them, see
//! `Origin`): counted, since the site says it shows examples while any
//! remain, and removed all at once.

use super::{BeginWrite, Store, StoreError, news};

/// Sample rows, by table.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SampleRows {
    pub signatories: i64,
    pub events: i64,
    pub news: i64,
}

impl SampleRows {
    pub fn total(&self) -> i64 {
        self.signatories + self.events + self.news
    }
}

impl Store {
    /// How many sample rows each table holds.
    pub async fn sample_rows(&self) -> Result<SampleRows, StoreError> {
        const COUNT: &str = "SELECT (SELECT count(*) FROM signatories WHERE sample), \
                             (SELECT count(*) FROM events WHERE sample), (SELECT count(*) FROM news WHERE sample)";
        let (signatories, events, news): (i64, i64, i64) =
            on_pool!(self, pool => sqlx::query_as(COUNT).fetch_one(pool).await)?;
        Ok(SampleRows { signatories, events, news })
    }

    /// Deletes every sample row, in one transaction, and says how many.
    /// Events first (they may name a sample signatory), then news items with
    /// their translations and the images no item uses any more.
    pub async fn remove_sample(&self) -> Result<SampleRows, StoreError> {
        const EVENTS: &str = "DELETE FROM events WHERE sample";
        const NEWS: &str = "DELETE FROM news WHERE sample";
        const SIGNATORIES: &str = "DELETE FROM signatories WHERE sample";
        let removed = on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let events = sqlx::query(EVENTS).execute(&mut *tx).await?.rows_affected();
            let news = sqlx::query(NEWS).execute(&mut *tx).await?.rows_affected();
            sqlx::query(news::DROP_UNUSED_IMAGES).execute(&mut *tx).await?;
            let signatories = sqlx::query(SIGNATORIES).execute(&mut *tx).await?.rows_affected();
            tx.commit().await?;
            (signatories, events, news)
        });
        let count = |n: u64| i64::try_from(n).unwrap_or(i64::MAX);
        Ok(SampleRows { signatories: count(removed.0), events: count(removed.1), news: count(removed.2) })
    }
}
