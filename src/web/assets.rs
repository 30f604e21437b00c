//! Static files (stylesheet, icons), embedded in the binary and served under
//! a name that carries a hash of their content, `style.3f9c2a1b7d.css`, so
//! that browsers may keep them for a year and still never see a stale one.
//! Each is compressed once, at start-up, with brotli and gzip.

use std::{collections::HashMap, io::Write};

use axum::body::Bytes;
use sha2::{Digest, Sha256};

use super::{negotiate::Encoding, paths};
use crate::text::hex;

const FILES: &[(&str, &str, &[u8])] = &[
    ("style.css", "text/css; charset=utf-8", include_bytes!("../../static/style.css")),
    ("favicon.svg", "image/svg+xml", include_bytes!("../../static/favicon.svg")),
];

/// One embedded file, in each encoding.
pub struct Asset {
    pub content_type: &'static str,
    identity: Bytes,
    brotli: Bytes,
    gzip: Bytes,
    /// A hash of the file's bytes.
    pub hash: String,
}

impl Asset {
    /// The file's bytes in an encoding.
    pub fn body(&self, encoding: Option<Encoding>) -> Bytes {
        match encoding {
            Some(Encoding::Brotli) => self.brotli.clone(),
            Some(Encoding::Gzip) => self.gzip.clone(),
            None => self.identity.clone(),
        }
    }
}

/// The embedded files, by plain and by hashed name.
pub struct Assets {
    by_name: HashMap<&'static str, Asset>,
    /// hashed name → plain name
    hashed: HashMap<String, &'static str>,
    /// plain name → hashed name
    urls: HashMap<&'static str, String>,
}

/// Brotli at its best quality, written into `out`.
fn brotli_into<W: Write>(out: W, bytes: &[u8]) -> std::io::Result<W> {
    let mut writer = brotli::CompressorWriter::new(out, 4096, 11, 22);
    writer.write_all(bytes)?;
    writer.flush()?;
    Ok(writer.into_inner())
}

/// Gzip at its best level, written into `out`.
fn gzip_into<W: Write>(out: W, bytes: &[u8]) -> std::io::Result<W> {
    let mut encoder = flate2::write::GzEncoder::new(out, flate2::Compression::best());
    encoder.write_all(bytes)?;
    encoder.finish()
}

impl Assets {
    /// Hashes and compresses the embedded files; a compression that fails
    /// fails the start rather than serve a truncated file.
    pub fn load() -> anyhow::Result<Assets> {
        let mut assets = Assets { by_name: HashMap::new(), hashed: HashMap::new(), urls: HashMap::new() };
        for (name, content_type, bytes) in FILES {
            let hash = hex::encode(&Sha256::digest(bytes)[..5]);
            let hashed_name = match name.rsplit_once('.') {
                Some((stem, ext)) => format!("{stem}.{hash}.{ext}"),
                None => format!("{name}.{hash}"),
            };
            let asset = Asset {
                content_type,
                identity: Bytes::from_static(bytes),
                brotli: Bytes::from(brotli_into(Vec::new(), bytes)?),
                gzip: Bytes::from(gzip_into(Vec::new(), bytes)?),
                hash,
            };
            assets.by_name.insert(name, asset);
            assets.hashed.insert(hashed_name.clone(), name);
            assets.urls.insert(name, paths::static_file(&hashed_name));
        }
        Ok(assets)
    }

    /// The versioned address of an embedded file.
    pub fn url(&self, name: &str) -> String {
        self.urls.get(name).cloned().unwrap_or_else(|| paths::static_file(name))
    }

    /// A file by its versioned name (immutable: `true`) or its plain one.
    pub fn find(&self, file: &str) -> Option<(&Asset, bool)> {
        let (name, immutable) = match self.hashed.get(file) {
            Some(name) => (*name, true),
            None => (file, false),
        };
        self.by_name.get(name).map(|asset| (asset, immutable))
    }
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use super::*;

    /// A writer that accepts a few bytes, then fails, as a full disk would.
    struct Failing(usize);

    impl Write for Failing {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            if self.0 == 0 {
                return Err(std::io::Error::other("no room"));
            }
            let n = buf.len().min(self.0);
            self.0 -= n;
            Ok(n)
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn compression_errors_are_reported_not_swallowed() {
        let text = "body { color: black }\n".repeat(500);
        assert!(brotli_into(Failing(10), text.as_bytes()).is_err());
        assert!(gzip_into(Failing(10), text.as_bytes()).is_err());
    }

    #[test]
    fn compressed_files_decompress_to_the_original() {
        let assets = Assets::load().expect("assets");
        let (style, immutable) = assets.find("style.css").expect("style.css");
        assert!(!immutable);
        let original = style.body(None);
        let mut gunzipped = Vec::new();
        flate2::read::GzDecoder::new(&style.body(Some(Encoding::Gzip))[..]).read_to_end(&mut gunzipped).expect("gzip");
        assert_eq!(gunzipped, original);
        let mut unbrotlied = Vec::new();
        brotli::Decompressor::new(&style.body(Some(Encoding::Brotli))[..], 4096)
            .read_to_end(&mut unbrotlied)
            .expect("brotli");
        assert_eq!(unbrotlied, original);
        let versioned = assets.url("style.css");
        let (_, immutable) = assets.find(versioned.trim_start_matches("/static/")).expect("versioned");
        assert!(immutable);
    }
}
