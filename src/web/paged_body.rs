//! A response body written a page of rows at a time, for the answers that
//! list every signatory (the sitemap's files, the open data): the body
//! holds one page in memory, never the whole list.

use std::future::Future;

use axum::body::{Body, Bytes};
use futures_util::{StreamExt, stream};

use crate::{store::StoreError, web::error::AppError};

/// What a page's reader may fail with: the store's error, or the
/// writer's.
pub type PageError = Box<dyn std::error::Error + Send + Sync>;

/// How many rows each page reads: a few hundred kilobytes of text at most.
pub const PAGE_ROWS: i64 = 1_000;

/// What the reader of a page gives: the bytes to send, and where the next
/// page starts (`None` when this was the last).
pub type Page<K> = (Vec<u8>, Option<K>);

/// A body that sends `head`, then what `read` writes of each page from
/// `start` on (if any), page after page, until it says there is no next
/// one. A handler reads the first page itself, into `head`: a database
/// that cannot answer then gets its error page, not a broken download.
///
/// Should the database fail mid-way, the error is logged and the body
/// ends with it: the connection is cut, so that the client sees a broken
/// download rather than a short file that looks whole (the status line,
/// 200, is gone already).
pub fn paged_body<K, R, Fut>(head: Vec<u8>, start: Option<K>, read: R) -> Body
where
    K: Send + 'static,
    R: FnMut(K) -> Fut + Send + 'static,
    Fut: Future<Output = Result<Page<K>, PageError>> + Send + 'static,
{
    let head = stream::iter([Ok::<Bytes, PageError>(Bytes::from(head))]);
    let pages = stream::unfold((start, read), |(cursor, mut read)| async move {
        let cursor = cursor?;
        match read(cursor).await {
            Ok((bytes, next)) => Some((Ok(Bytes::from(bytes)), (next, read))),
            Err(error) => {
                tracing::error!(%error, "a streamed answer stops: the database failed mid-way");
                Some((Err(error), (None, read)))
            }
        }
    });
    // Fused: a reader past the end (the compression layer is one) gets the
    // end again, where a bare `unfold` would panic.
    Body::from_stream(head.chain(pages).fuse())
}

/// A page's error as a handler answers it, before any byte is sent: the
/// store's as the store's (an unreachable database is a 503), any other as
/// an internal error.
pub fn app_error(error: PageError) -> AppError {
    match error.downcast::<StoreError>() {
        Ok(error) => AppError::Store(*error),
        Err(error) => AppError::Internal(anyhow::anyhow!(error)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn collect(body: Body) -> Result<Vec<u8>, axum::Error> {
        axum::body::to_bytes(body, usize::MAX).await.map(|bytes| bytes.to_vec())
    }

    #[tokio::test]
    async fn the_head_then_every_page_in_order() {
        let body = paged_body(b"[".to_vec(), Some(0_u32), |n| async move {
            Ok((n.to_string().into_bytes(), (n < 3).then_some(n + 1)))
        });
        assert_eq!(collect(body).await.ok(), Some(b"[0123".to_vec()));
    }

    #[tokio::test]
    async fn a_body_read_past_its_end_ends_again() {
        let body = paged_body(Vec::new(), Some(0_u32), |_| async move { Ok((b"x".to_vec(), None)) });
        let mut stream = body.into_data_stream();
        while stream.next().await.is_some() {}
        assert!(stream.next().await.is_none());
    }

    #[tokio::test]
    async fn a_failure_mid_way_ends_the_body_with_an_error() {
        let body = paged_body(Vec::new(), Some(0_u32), |n| async move {
            if n == 2 { Err(StoreError::Corrupt("row".into()).into()) } else { Ok((b"x".to_vec(), Some(n + 1))) }
        });
        assert!(collect(body).await.is_err());
    }
}
