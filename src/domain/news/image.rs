//! A news item's image: a JPEG, PNG or WebP told by its first bytes, and
//! the file name it comes under in a news folder.

use std::fmt;

use sha2::{Digest, Sha256};

/// The largest image we accept: 2 MiB.
pub const IMAGE_MAX_BYTES: usize = 2 * 1024 * 1024;

/// The kinds of image a news item may carry, told by their first bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ImageType {
    Jpeg,
    Png,
    Webp,
}

impl ImageType {
    /// The type the file's magic bytes announce, whatever its name says.
    pub fn sniff(bytes: &[u8]) -> Option<ImageType> {
        if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
            Some(ImageType::Jpeg)
        } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            Some(ImageType::Png)
        } else if bytes.len() >= 12 && &bytes[0..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
            Some(ImageType::Webp)
        } else {
            None
        }
    }

    pub fn content_type(self) -> &'static str {
        match self {
            ImageType::Jpeg => "image/jpeg",
            ImageType::Png => "image/png",
            ImageType::Webp => "image/webp",
        }
    }

    pub fn from_content_type(content_type: &str) -> Option<ImageType> {
        [ImageType::Jpeg, ImageType::Png, ImageType::Webp].into_iter().find(|t| t.content_type() == content_type)
    }

    pub fn extension(self) -> &'static str {
        match self {
            ImageType::Jpeg => "jpg",
            ImageType::Png => "png",
            ImageType::Webp => "webp",
        }
    }
}

#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum ImageError {
    #[error("the image is larger than 2 MiB ({0} bytes)")]
    TooLarge(usize),
    #[error("the file is not a JPEG, PNG or WebP image")]
    NotAnImage,
}

/// An image checked to be a JPEG, PNG or WebP of at most 2 MiB, known by
/// the SHA-256 of its bytes.
#[derive(Clone, PartialEq, Eq)]
pub struct Image {
    bytes: Vec<u8>,
    kind: ImageType,
    hash: String,
}

impl fmt::Debug for Image {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Image").field("kind", &self.kind).field("hash", &self.hash).finish_non_exhaustive()
    }
}

impl Image {
    pub fn parse(bytes: Vec<u8>) -> Result<Image, ImageError> {
        if bytes.len() > IMAGE_MAX_BYTES {
            return Err(ImageError::TooLarge(bytes.len()));
        }
        let kind = ImageType::sniff(&bytes).ok_or(ImageError::NotAnImage)?;
        let hash = crate::text::hex::encode(&Sha256::digest(&bytes));
        Ok(Image { bytes, kind, hash })
    }

    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }

    pub fn kind(&self) -> ImageType {
        self.kind
    }

    /// The SHA-256 of the bytes, in lower-case hexadecimal.
    pub fn hash(&self) -> &str {
        &self.hash
    }
}

/// A file name as it may appear in an import folder: letters, digits,
/// dots, hyphens and underscores, not starting with a dot.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct FileName(String);

#[derive(Debug, PartialEq, Eq, thiserror::Error)]
#[error("the image must be a plain file name in the same folder (letters, digits, '.', '-', '_'; at most 100)")]
pub struct FileNameError;

impl FileName {
    pub fn parse(input: &str) -> Result<FileName, FileNameError> {
        let good = !input.is_empty()
            && input.len() <= 100
            && !input.starts_with('.')
            && input.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_'));
        good.then(|| FileName(input.to_owned())).ok_or(FileNameError)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for FileName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}
