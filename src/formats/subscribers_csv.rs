//! The subscribers as CSV, as `subscribers export` and the back office's
//! export write them: the confirmed ones (`email,language,confirmed_at`),
//! or all of them with their status, subscription time and consent.

use std::io::Write;

use time::{OffsetDateTime, format_description::well_known::Rfc3339};

use super::csv_file::write_guarded;
use crate::store::Subscriber;

/// Writes `subscribers` as CSV; `all` adds the status, subscription time
/// and consent version columns.
pub fn write(out: impl Write, subscribers: &[Subscriber], all: bool) -> csv::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    let rfc3339 = |at: OffsetDateTime| at.format(&Rfc3339).unwrap_or_default();
    if all {
        writer.write_record(["email", "language", "status", "confirmed_at", "subscribed_at", "consent_version"])?;
    } else {
        writer.write_record(["email", "language", "confirmed_at"])?;
    }
    for s in subscribers {
        let confirmed = s.confirmed_at.map(rfc3339).unwrap_or_default();
        if all {
            let subscribed = rfc3339(s.created_at);
            write_guarded(&mut writer, [&s.email, &s.lang, &s.status, &confirmed, &subscribed, &s.consent_version])?;
        } else {
            write_guarded(&mut writer, [&s.email, &s.lang, &confirmed])?;
        }
    }
    writer.flush()?;
    Ok(())
}
