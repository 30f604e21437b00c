//! A rendered body read for keeping, but no further than the largest body
//! the cache keeps: a longer one (a sitemap's file or the open data sent
//! uncompressed, which stream a page of rows at a time) is answered as it
//! comes, the part read first, and never held whole.

use axum::body::{Body, Bytes};
use futures_util::{StreamExt, stream};

/// A body read up to a limit.
pub(super) enum Read {
    /// The whole body, within the limit.
    Whole(Bytes),
    /// Longer: a body that sends what was read, then the rest as it comes.
    Longer(Body),
}

/// Reads `body` whole if it has at most `limit` bytes; else stops past the
/// limit and gives back a body of it all.
pub(super) async fn read_at_most(body: Body, limit: usize) -> Result<Read, axum::Error> {
    let mut rest = body.into_data_stream();
    let mut read: Vec<Bytes> = Vec::new();
    let mut len = 0;
    while let Some(chunk) = rest.next().await {
        let chunk = chunk?;
        len += chunk.len();
        read.push(chunk);
        if len > limit {
            let read = stream::iter(read.into_iter().map(Ok::<Bytes, axum::Error>));
            return Ok(Read::Longer(Body::from_stream(read.chain(rest).fuse())));
        }
    }
    Ok(Read::Whole(match read.len() {
        0 => Bytes::new(),
        1 => read.remove(0),
        _ => {
            let mut whole = Vec::with_capacity(len);
            for chunk in read {
                whole.extend_from_slice(&chunk);
            }
            Bytes::from(whole)
        }
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chunked(chunks: &[&'static [u8]]) -> Body {
        let chunks: Vec<Result<Bytes, axum::Error>> = chunks.iter().map(|c| Ok(Bytes::from_static(c))).collect();
        Body::from_stream(stream::iter(chunks))
    }

    #[tokio::test]
    async fn a_body_within_the_limit_is_read_whole() {
        let Ok(Read::Whole(bytes)) = read_at_most(chunked(&[b"ab", b"cd"]), 4).await else { panic!("read whole") };
        assert_eq!(&bytes[..], b"abcd");
        assert!(matches!(read_at_most(Body::empty(), 4).await, Ok(Read::Whole(b)) if b.is_empty()));
    }

    #[tokio::test]
    async fn a_longer_body_is_given_back_whole_unread_past_the_limit() {
        let Ok(Read::Longer(body)) = read_at_most(chunked(&[b"ab", b"cd", b"e", b"fg"]), 4).await else {
            panic!("longer")
        };
        let all = axum::body::to_bytes(body, usize::MAX).await.expect("the body");
        assert_eq!(&all[..], b"abcdefg");
    }
}
