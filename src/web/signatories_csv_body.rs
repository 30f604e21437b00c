//! The signatories' CSV as a streamed body, written a page of rows at a
//! time as they are read ([`paged_body`]): the open data's file and the
//! back office's export, byte for byte what `signatories export` writes.

use axum::body::Body;

use crate::{
    domain::Signatory,
    formats::signatories_csv,
    store::{ExportKey, Store, StoreError},
    web::{
        error::AppError,
        paged_body::{PAGE_ROWS, paged_body},
        state::AppState,
    },
};

/// One page of the export's order from just after `after`, and where the
/// next starts: `None` once a page comes back short, the last.
pub async fn export_page(
    store: &Store,
    after: Option<ExportKey>,
) -> Result<(Vec<Signatory>, Option<Option<ExportKey>>), StoreError> {
    let (page, last) = store.signatories_in_export_order(after.as_ref(), PAGE_ROWS).await?;
    let full = i64::try_from(page.len()).is_ok_and(|n| n == PAGE_ROWS);
    Ok((page, full.then_some(last)))
}

/// The CSV, byte for byte what `signatories export` writes (the head says
/// whether sample rows remain, and every field is quoted when a name
/// starts with `#`, as the export decides from all rows: here one query
/// counts them first). The first page is read before the answer starts,
/// so a database that cannot answer gets its error page.
pub async fn csv_body(state: &AppState) -> Result<Body, AppError> {
    let summary = state.store.export_summary().await?;
    let quote_all = summary.hash_first;
    let csv_page = move |page: &[Signatory]| {
        let mut bytes = Vec::new();
        signatories_csv::write_rows(&mut bytes, page, quote_all).map(|()| bytes)
    };
    // While sample rows remain, the file says so, in both languages.
    let notes = signatories_csv::sample_notes_of(summary.sample, summary.total, &state.locales);
    let mut head = Vec::new();
    signatories_csv::write_head(&mut head, &notes, quote_all).map_err(|e| AppError::Internal(e.into()))?;
    let (first, next) = export_page(&state.store, None).await?;
    head.extend(csv_page(&first).map_err(|e| AppError::Internal(e.into()))?);
    let store = state.store.clone();
    Ok(paged_body(head, next, move |after| {
        let store = store.clone();
        async move {
            let (page, next) = export_page(&store, after).await?;
            Ok((csv_page(&page)?, next))
        }
    }))
}
