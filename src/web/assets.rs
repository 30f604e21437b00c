//! Static files (stylesheet, icons), embedded in the binary and served under
//! a name that carries a hash of their content, `style.3f9c2a1b7d.css`, so
//! that browsers may keep them for a year and still never see a stale one.
//! Each is compressed once, when the binary is built (`build.rs`), with
//! brotli and gzip.

use std::collections::HashMap;

use axum::body::Bytes;
use sha2::{Digest, Sha256};

use super::{negotiate::Encoding, paths};
use crate::text::hex;

/// A file embedded in its three encodings: as it is, brotli, gzip.
macro_rules! embedded {
    ($name:literal, $content_type:literal) => {
        (
            $name,
            $content_type,
            [
                include_bytes!(concat!("../../static/", $name)).as_slice(),
                include_bytes!(concat!(env!("OUT_DIR"), "/", $name, ".br")).as_slice(),
                include_bytes!(concat!(env!("OUT_DIR"), "/", $name, ".gz")).as_slice(),
            ],
        )
    };
}

/// The files served, from `static/` (`build.rs` compresses each file there).
const FILES: &[(&str, &str, [&[u8]; 3])] =
    &[embedded!("style.css", "text/css; charset=utf-8"), embedded!("favicon.svg", "image/svg+xml")];

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

impl Assets {
    /// Hashes the embedded files.
    pub fn load() -> Assets {
        let mut assets = Assets { by_name: HashMap::new(), hashed: HashMap::new(), urls: HashMap::new() };
        for (name, content_type, [bytes, brotli, gzip]) in FILES {
            let hash = hex::encode(&Sha256::digest(bytes)[..5]);
            let hashed_name = match name.rsplit_once('.') {
                Some((stem, ext)) => format!("{stem}.{hash}.{ext}"),
                None => format!("{name}.{hash}"),
            };
            let asset = Asset {
                content_type,
                identity: Bytes::from_static(bytes),
                brotli: Bytes::from_static(brotli),
                gzip: Bytes::from_static(gzip),
                hash,
            };
            assets.by_name.insert(name, asset);
            assets.hashed.insert(hashed_name.clone(), name);
            assets.urls.insert(name, paths::static_file(&hashed_name));
        }
        assets
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

    #[test]
    fn compressed_files_decompress_to_the_original() {
        let assets = Assets::load();
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
